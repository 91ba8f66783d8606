//! A clip's level and mute as the inspector shows them, kept as VOD takes them: the level is a
//! Volume effect over the whole clip (Gain 1 is 0 dB), mute is a whole-clip Volume with Gain 0
//! (api.md 2.9's way to mute a clip). Ranged Volume effects (fades, ducking, a muted stretch)
//! are left alone. Pure.

use super::mix::{MAX_DB, MIN_DB, db_from_gain, gain_from_db};
use crate::model::wire::{Clip, Effect, EffectKind, KnownEffect, Num};

fn whole(k: &KnownEffect) -> bool {
    k.r#type == "Volume" && k.r#in.is_none() && k.out.is_none() && k.timeline_in.is_none() && k.timeline_out.is_none()
}

fn whole_gains(clip: &Clip) -> impl Iterator<Item = f64> + '_ {
    clip.effects.iter().filter_map(|e| match e {
        Effect::Known(k) if whole(k) => k.gain.as_ref().map(Num::value).filter(|g| g.is_finite()),
        _ => None,
    })
}

/// The clip's level in dB from its whole-clip Volume effects (a mute aside).
pub fn gain_db(clip: &Clip) -> f64 {
    db_from_gain(whole_gains(clip).filter(|g| *g > 0.0).product())
}

/// Whether a whole-clip Volume with Gain 0 mutes the clip.
pub fn is_muted(clip: &Clip) -> bool {
    whole_gains(clip).any(|g| g == 0.0)
}

fn without_whole(clip: &Clip, keep: impl Fn(f64) -> bool) -> Clip {
    let mut c = clip.clone();
    c.effects.retain(|e| match e {
        Effect::Known(k) if whole(k) => k.gain.as_ref().map(Num::value).is_none_or(&keep),
        _ => true,
    });
    c
}

fn volume(gain: f64) -> Effect {
    let mut e = Effect::new(EffectKind::Volume);
    if let Effect::Known(k) = &mut e {
        let rounded = (gain * 10_000.0).round() / 10_000.0;
        k.gain = serde_json::Number::from_f64(rounded).map(|number| Num { number, quoted: false });
    }
    e
}

/// `clip` at `db` (clamped to the inspector's range): one whole-clip Volume effect, none at
/// 0 dB.
pub fn with_gain_db(clip: &Clip, db: f64) -> Clip {
    let mut c = without_whole(clip, |g| g == 0.0);
    let db = db.clamp(MIN_DB, MAX_DB);
    if db.abs() > 0.005 {
        c.effects.push(volume(gain_from_db(db)));
    }
    c
}

/// `clip` muted or not (its level kept).
pub fn with_mute(clip: &Clip, muted: bool) -> Clip {
    let mut c = without_whole(clip, |g| g != 0.0);
    if muted {
        c.effects.push(volume(0.0));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_and_mute_are_whole_clip_volumes() {
        let c = Clip { media_id: Some("m".into()), ..Default::default() };
        assert_eq!(gain_db(&c), 0.0);
        let quiet = with_gain_db(&c, -6.0);
        assert!((gain_db(&quiet) + 6.0).abs() < 0.01);
        let muted = with_mute(&quiet, true);
        assert!(is_muted(&muted) && (gain_db(&muted) + 6.0).abs() < 0.01, "muting keeps the level");
        let back = with_mute(&muted, false);
        assert_eq!(back, quiet);
        assert_eq!(with_gain_db(&quiet, 0.0).effects.len(), 0, "0 dB needs no effect");
        assert!((gain_db(&with_gain_db(&c, 40.0)) - 20.0).abs() < 0.01, "clamped to +20 dB");
        // A fade step (ranged) is not the level.
        let faded = super::super::fades::with_fades(
            &quiet,
            crate::model::Time::from_secs(4),
            crate::model::Time::from_secs(1),
            crate::model::Time::ZERO,
            2,
        );
        assert!((gain_db(&faded) + 6.0).abs() < 0.01);
    }
}
