//! The draft's sound: the ffmpeg filter graph that mixes the parts of the mix
//! ([`crate::sound::mix`], the same definition playback uses). Pure.
//!
//! Each part is read with its own seek (`-ss`/`-t` on the input), given its gains, delayed to
//! its place and padded to the draft's length, and the parts are summed (two tracks at Gain 1
//! play as loud as each is, not halved), so the sound ends where the video does.

use crate::model::Time;

pub use crate::sound::mix::{Part, RATE, parts};

fn secs(t: Time) -> String {
    format!("{:.4}", t.as_secs_f64())
}

/// The ffmpeg filter graph mixing `parts` (ffmpeg inputs `first_input`, `first_input + 1`…)
/// into `[aout]`, exactly `length` long.
pub fn filter_graph(parts: &[Part], first_input: usize, length: Time) -> String {
    let end = secs(length);
    let total = (length.as_secs_f64() * f64::from(RATE)).round() as u64;
    if parts.is_empty() {
        return format!("anullsrc=r={RATE}:cl=stereo,atrim=end={end}[aout]");
    }
    let mut g = String::new();
    for (i, p) in parts.iter().enumerate() {
        g.push_str(&format!(
            "[{}:a]{},aresample={RATE},aformat=sample_fmts=fltp:channel_layouts=stereo,",
            first_input + i,
            crate::sound::mix::TO_STEREO
        ));
        for (range, gain) in &p.gains {
            match range {
                None => g.push_str(&format!("volume={gain},")),
                Some((a, b)) => {
                    g.push_str(&format!("volume=volume={gain}:enable='between(t,{},{})',", secs(*a), secs(*b)))
                }
            }
        }
        let delay = (p.at.as_secs_f64() * f64::from(RATE)).round() as u64;
        g.push_str(&format!("adelay=delays={delay}S:all=1,apad=whole_len={total}[p{i}];"));
    }
    for i in 0..parts.len() {
        g.push_str(&format!("[p{i}]"));
    }
    // amix divides by the number of inputs playing; padded to one length they all play to
    // the end, so multiplying by that number back gives the plain sum (the same on ffmpeg
    // versions without amix's `normalize` option).
    let n = parts.len();
    g.push_str(&format!("amix=inputs={n}:duration=longest:dropout_transition=0,volume={n},atrim=end={end}[aout]"));
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(ms: i64) -> Time {
        Time::from_millis(ms)
    }

    #[test]
    fn the_graph_delays_gains_and_mixes() {
        let parts = vec![
            Part {
                media_id: "v".into(),
                track: 0,
                clip: 0,
                source_in: Time::ZERO,
                length: t(2000),
                at: t(500),
                gains: vec![(None, 0.5), (Some((t(1000), t(1500))), 0.0)],
            },
            Part {
                media_id: "a".into(),
                track: 1,
                clip: 0,
                source_in: t(1000),
                length: t(1000),
                at: Time::ZERO,
                gains: vec![],
            },
        ];
        let g = filter_graph(&parts, 1, t(3000));
        assert!(g.starts_with("[1:a]pan=stereo|FL=FL+FC|FR=FR+FC,aresample=48000,"), "{g}");
        let p0 = "volume=0.5,volume=volume=0:enable='between(t,1.0000,1.5000)',adelay=delays=24000S:all=1,apad=whole_len=144000[p0];";
        assert!(g.contains(p0), "{g}");
        assert!(g.contains("[2:a]") && g.contains("adelay=delays=0S:all=1,apad=whole_len=144000[p1];"), "{g}");
        let mix = "[p0][p1]amix=inputs=2:duration=longest:dropout_transition=0,volume=2,atrim=end=3.0000[aout]";
        assert!(g.ends_with(mix), "{g}");
        assert_eq!(filter_graph(&[], 1, t(2500)), "anullsrc=r=48000:cl=stereo,atrim=end=2.5000[aout]");
    }
}
