//! Exact time for interchange: every time another editor writes (frames at a rate, rational
//! seconds, timecode) is held as an exact fraction of a second, and becomes the Timeline's
//! ticks (1/10 000 s) once, at each edit point, by [`Rat::ticks`]. Positions are never made by
//! adding up rounded lengths, so an hour of 29.97 drop-frame lands on the same tick as its
//! frame (`FrameRate::frame_start`) at the end as at the start.

use crate::model::time::{FrameRate, TICKS_PER_SECOND, Time};
use std::cmp::Ordering;

/// An exact number of seconds: `num / den`, `den > 0`, in lowest terms. i128 holds any time
/// a file can name (an hour of frames at 1/120 000 s steps is far inside it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rat {
    num: i128,
    den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

/// Times beyond this (about 28 years, [`Time::MAX`]) are refused where they are read, so
/// sums and products below cannot overflow.
const LIMIT_SECS: i128 = (Time::MAX.0 / TICKS_PER_SECOND) as i128;

/// Finer steps than this (a picosecond) are refused too: with both bounds, comparing two
/// times (`num * den` across) stays far inside i128. Real files use steps of 1/120 000 s or
/// coarser; the sums of a few of them stay coarser than this.
const MAX_DEN: i128 = 1_000_000_000_000;

// add/sub/mul/div return None on overflow instead of panicking, so they are not the operator
// traits (whose Output would have to be Rat).
#[allow(clippy::should_implement_trait)]
impl Rat {
    pub const ZERO: Rat = Rat { num: 0, den: 1 };

    /// `num / den` seconds; `None` when `den` is 0, the value is past what a timeline holds,
    /// or its step is finer than a picosecond ([`MAX_DEN`]).
    pub fn new(num: i128, den: i128) -> Option<Rat> {
        if den == 0 {
            return None;
        }
        let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
        let g = gcd(num, den);
        let r = Rat { num: num / g, den: den / g };
        (r.num.abs() / r.den <= LIMIT_SECS && r.den <= MAX_DEN).then_some(r)
    }

    pub fn secs(n: i64) -> Rat {
        Rat { num: n.into(), den: 1 }
    }

    /// `frames` frames at `rate`.
    pub fn frames(frames: i64, rate: FrameRate) -> Option<Rat> {
        Rat::new(i128::from(frames) * i128::from(rate.den), i128::from(rate.num))
    }

    /// A number written as a float (OTIO's `value`): whole numbers exactly, anything else to
    /// a millionth. `None` for NaN, infinities and absurd sizes.
    pub fn from_f64(v: f64) -> Option<Rat> {
        if !v.is_finite() || v.abs() > 1e15 {
            return None;
        }
        if v.fract() == 0.0 {
            return Rat::new(v as i128, 1);
        }
        Rat::new((v * 1e6).round() as i128, 1_000_000)
    }

    /// `self / by` (`value` frames at `rate` frames per second is `value.div(rate)`).
    pub fn div(self, by: Rat) -> Option<Rat> {
        Rat::new(self.num.checked_mul(by.den)?, self.den.checked_mul(by.num)?)
    }

    pub fn add(self, o: Rat) -> Option<Rat> {
        Rat::new(self.num.checked_mul(o.den)?.checked_add(o.num.checked_mul(self.den)?)?, self.den.checked_mul(o.den)?)
    }

    pub fn sub(self, o: Rat) -> Option<Rat> {
        self.add(Rat { num: -o.num, den: o.den })
    }

    pub fn mul(self, o: Rat) -> Option<Rat> {
        Rat::new(self.num.checked_mul(o.num)?, self.den.checked_mul(o.den)?)
    }

    pub fn is_negative(self) -> bool {
        self.num < 0
    }

    pub fn is_zero(self) -> bool {
        self.num == 0
    }

    /// The nearest tick (halves go later), the same rounding as `FrameRate::frame_start`,
    /// so frame `n` at a rate is the same tick whichever way it is reached.
    pub fn ticks(self) -> Time {
        let n = self.num * i128::from(TICKS_PER_SECOND);
        Time((n * 2 + self.den).div_euclid(2 * self.den) as i64)
    }

    /// Whole frames at `rate`, if this is one.
    pub fn whole_frames(self, rate: FrameRate) -> Option<i64> {
        let f = self.mul(Rat { num: rate.num.into(), den: rate.den.into() })?;
        (f.den == 1).then_some(f.num as i64)
    }

    pub fn as_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

impl PartialOrd for Rat {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rat {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.num * other.den).cmp(&(other.num * self.den))
    }
}

/// A rate of any kind a file may write (frames per second, or an audio sample rate such as
/// 48 000), as an exact fraction: the NTSC rates (23.976, 29.97, 59.94...) as `n*1000/1001`,
/// whole rates as they are, anything else to a millionth.
pub fn rate_of(rate: f64) -> Option<Rat> {
    if !rate.is_finite() || rate <= 0.0 || rate > 1e7 {
        return None;
    }
    let whole = rate.round();
    if (rate - whole).abs() < 1e-6 {
        return Rat::new(whole as i128, 1);
    }
    // 23.976, 23.98, 29.97, 59.94 and 23.976023976023978 all name n*1000/1001, as every
    // editor means them.
    let ntsc = (rate * 1.001).round();
    if ntsc >= 1.0 && (ntsc * 1000.0 / 1001.0 - rate).abs() < 5e-3 {
        return Rat::new(ntsc as i128 * 1000, 1001);
    }
    Rat::new((rate * 1e6).round() as i128, 1_000_000)
}

/// The project frame rate a file's rate stands for, when it is a video rate vodcut edits at.
pub fn frame_rate_of(rate: Rat) -> Option<FrameRate> {
    let (num, den) = (u32::try_from(rate.num).ok()?, u32::try_from(rate.den).ok()?);
    let r = FrameRate { num, den };
    (1.0..=240.0).contains(&r.fps()).then_some(r)
}

/// A timecode's frame number: `HH:MM:SS:FF` (or `;`/`.`/`,` before the frames) at `base`
/// frames a timecode second, counting drop-frame (two labels skipped a minute at 30, four at
/// 60, except every tenth minute) when `drop` is set.
pub fn timecode_frames(text: &str, base: i64, drop: bool) -> Option<i64> {
    let text = text.trim();
    let fields: Vec<&str> = text.split([':', ';', '.', ',']).collect();
    if fields.len() != 4 || fields.iter().any(|f| f.is_empty() || f.len() > 3 || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<i64> = fields.iter().map(|f| f.parse().unwrap_or(0)).collect();
    let (h, m, s, f) = (n[0], n[1], n[2], n[3]);
    if m >= 60 || s >= 60 || f >= base {
        return None;
    }
    let minutes = h * 60 + m;
    let dropped = if drop { base / 15 * (minutes - minutes / 10) } else { 0 };
    Some((minutes * 60 + s) * base + f - dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NTSC: FrameRate = FrameRate { num: 30_000, den: 1001 };

    #[test]
    fn rates_written_as_floats_become_exact_fractions() {
        assert_eq!(rate_of(23.976023976023978), Rat::new(24_000, 1001));
        assert_eq!(rate_of(23.976), Rat::new(24_000, 1001));
        assert_eq!(rate_of(29.97), Rat::new(30_000, 1001));
        assert_eq!(rate_of(59.94005994005994), Rat::new(60_000, 1001));
        assert_eq!(rate_of(24.0), Rat::new(24, 1));
        assert_eq!(rate_of(48_000.0), Rat::new(48_000, 1));
        assert_eq!(rate_of(12.5), Rat::new(25, 2));
        assert_eq!(rate_of(0.0), None);
        assert_eq!(rate_of(f64::NAN), None);
        assert_eq!(frame_rate_of(Rat::new(30_000, 1001).unwrap()), Some(NTSC));
        assert_eq!(frame_rate_of(Rat::new(48_000, 1).unwrap()), None);
    }

    #[test]
    fn an_hour_of_ntsc_frames_lands_on_the_frames_own_tick() {
        // Every frame of an hour and more at 29.97: converted once, never accumulated.
        for n in (0..120_000).step_by(7) {
            assert_eq!(Rat::frames(n, NTSC).unwrap().ticks(), NTSC.frame_start(n), "frame {n}");
        }
        // Adding frame lengths in ticks would drift: 107 892 frames of 334 ticks is 0.4 s off.
        let hour = 107_892;
        assert_eq!(Rat::frames(hour, NTSC).unwrap().ticks(), Time(35_999_964));
        assert_ne!(Time(NTSC.frame_start(1).0 * hour), Time(35_999_964));
    }

    #[test]
    fn drop_frame_timecode_counts_as_smpte_does() {
        assert_eq!(timecode_frames("00:01:00;02", 30, true), Some(1800));
        assert_eq!(timecode_frames("00:10:00;00", 30, true), Some(17_982));
        assert_eq!(timecode_frames("01:00:00;00", 30, true), Some(107_892));
        assert_eq!(timecode_frames("01:00:00:00", 30, false), Some(108_000));
        assert_eq!(timecode_frames("00:00:10:20", 24, false), Some(260));
        assert_eq!(timecode_frames("00:00:10:30", 30, false), None);
        assert_eq!(timecode_frames("00:61:00:00", 30, false), None);
        assert_eq!(timecode_frames("1:2:3", 30, false), None);
        // The labels agree with the editor's own drop-frame timecode.
        for n in [0, 1799, 1800, 17_982, 107_891, 123_456] {
            assert_eq!(timecode_frames(&NTSC.frame_label(n), 30, true), Some(n));
        }
    }

    #[test]
    fn arithmetic_is_exact_and_ordered() {
        let a = Rat::frames(1, NTSC).unwrap();
        let b = Rat::new(1, 3).unwrap();
        assert!(a < Rat::new(1, 29).unwrap() && a > b.mul(Rat::new(1, 10).unwrap()).unwrap());
        assert_eq!(a.add(a).unwrap().sub(a), Some(a));
        assert_eq!(Rat::frames(30_000, NTSC).unwrap(), Rat::secs(1001));
        assert_eq!(Rat::new(1, 0), None);
        assert_eq!(Rat::new(i128::MAX / 2, 1), None);
        assert_eq!(Rat::new(1, 10_000_000_000_000), None, "finer than a picosecond");
        assert_eq!(Rat::new(3, 9_000_000_000_000_000_000), None);
        assert_eq!(Rat::from_f64(86.0), Some(Rat::secs(86)));
        assert_eq!(Rat::new(-1, 20_000).unwrap().ticks(), Time(0), "halves go later");
        assert_eq!(Rat::frames(12, NTSC).unwrap().whole_frames(NTSC), Some(12));
        assert_eq!(Rat::new(1, 7).unwrap().whole_frames(NTSC), None);
    }
}
