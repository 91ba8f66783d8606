//! Exact time: integer ticks of 1/10 000 s.
//!
//! The API speaks seconds with at most four decimals. Keeping integer ticks inside means
//! save/load and export round-trip exactly and arithmetic never accumulates float noise;
//! floats exist only at the wire boundary.

use super::json::{Expected, Wrong};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

pub mod timecode;
pub use timecode::TimeUnit;

/// Ticks per second: the API's 4-decimal precision.
pub const TICKS_PER_SECOND: i64 = 10_000;

/// A point or a length on the timeline, in 1/10 000 s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(pub i64);

impl Time {
    pub const ZERO: Time = Time(0);
    /// The largest time we accept from a file: about 28 years, far past any video, and small
    /// enough that sums of two times and the `f64` conversion stay exact.
    pub const MAX: Time = Time(1 << 52);

    pub const fn from_ticks(ticks: i64) -> Self {
        Time(ticks)
    }

    pub const fn ticks(self) -> i64 {
        self.0
    }

    pub const fn from_secs(secs: i64) -> Self {
        Time(secs * TICKS_PER_SECOND)
    }

    pub const fn from_millis(ms: i64) -> Self {
        Time(ms * (TICKS_PER_SECOND / 1000))
    }

    /// Seconds (possibly fractional) to the nearest tick. `None` for NaN, infinities and
    /// values beyond [`Time::MAX`].
    pub fn from_secs_f64(secs: f64) -> Option<Self> {
        if !secs.is_finite() {
            return None;
        }
        let ticks = (secs * TICKS_PER_SECOND as f64).round();
        if ticks.abs() > Self::MAX.0 as f64 {
            return None;
        }
        Some(Time(ticks as i64))
    }

    pub fn as_secs_f64(self) -> f64 {
        // Both operands are exact in f64 and IEEE division rounds correctly, so the result is the
        // double nearest to the decimal value; its shortest printed form is that decimal again.
        self.0 as f64 / TICKS_PER_SECOND as f64
    }

    /// Parses a decimal number of seconds as written by a person or a JSON file
    /// ("5.5678", "60", "-0.5", "1e2").
    pub fn parse_secs(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        text.parse::<f64>().ok().and_then(Self::from_secs_f64)
    }

    /// The wire form: an integer when whole, else the shortest decimal (never float noise).
    pub fn to_json_number(self) -> serde_json::Number {
        if self.0 % TICKS_PER_SECOND == 0 {
            serde_json::Number::from(self.0 / TICKS_PER_SECOND)
        } else {
            // Finite by construction (|ticks| <= 2^52).
            serde_json::Number::from_f64(self.as_secs_f64()).unwrap_or_else(|| 0.into())
        }
    }

    pub fn saturating_add(self, other: Time) -> Time {
        Time(self.0.saturating_add(other.0))
    }

    pub fn saturating_sub(self, other: Time) -> Time {
        Time(self.0.saturating_sub(other.0))
    }

    pub fn max(self, other: Time) -> Time {
        if self >= other { self } else { other }
    }

    pub fn min(self, other: Time) -> Time {
        if self <= other { self } else { other }
    }
}

/// A frame rate as a fraction (`30000/1001` is 29.97 fps), so frame boundaries are exact.
/// Frame `n` starts at the tick nearest `n * den / num` seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FrameRate {
    pub num: u32,
    pub den: u32,
}

impl Default for FrameRate {
    fn default() -> Self {
        FrameRate::FPS_25
    }
}

impl FrameRate {
    /// The editing rate when the output's is not known: PAL, and what VOD's own editor shows.
    pub const FPS_25: FrameRate = FrameRate { num: 25, den: 1 };
    /// The rates offered in the project settings.
    pub const COMMON: [FrameRate; 8] = [
        FrameRate { num: 24_000, den: 1001 },
        FrameRate { num: 24, den: 1 },
        FrameRate::FPS_25,
        FrameRate { num: 30_000, den: 1001 },
        FrameRate { num: 30, den: 1 },
        FrameRate { num: 50, den: 1 },
        FrameRate { num: 60_000, den: 1001 },
        FrameRate { num: 60, den: 1 },
    ];

    /// A rate from frames per second as written by people or services ("25", "29.97",
    /// 23.976): the NTSC rates become their exact fractions. `None` outside 1..=240 fps.
    pub fn from_fps(fps: f64) -> Option<FrameRate> {
        if !(1.0..=240.0).contains(&fps) {
            return None;
        }
        for r in FrameRate::COMMON {
            if (r.fps() - fps).abs() < 0.0015 {
                return Some(r);
            }
        }
        if (fps - fps.round()).abs() < 1e-9 {
            return Some(FrameRate { num: fps.round() as u32, den: 1 });
        }
        // Any other rate, to 1/1000 fps.
        Some(FrameRate { num: (fps * 1000.0).round() as u32, den: 1000 })
    }

    pub fn fps(self) -> f64 {
        f64::from(self.num) / f64::from(self.den)
    }

    /// "25", "29.97".
    pub fn label(self) -> String {
        let f = (self.fps() * 1000.0).round() / 1000.0;
        format!("{f}")
    }

    /// The frame whose start is nearest `t` (ties go later).
    pub fn nearest_frame(self, t: Time) -> i64 {
        // t * num / (den * TICKS), rounded half up, in i128 so no time can overflow.
        let n = i128::from(t.0) * i128::from(self.num);
        let d = i128::from(self.den) * i128::from(TICKS_PER_SECOND);
        (n * 2 + d).div_euclid(2 * d) as i64
    }

    /// The frame `t` falls in (the last boundary at or before it).
    pub fn frame_at(self, t: Time) -> i64 {
        let f = self.nearest_frame(t);
        if self.frame_start(f) > t { f - 1 } else { f }
    }

    /// Where frame `n` starts.
    pub fn frame_start(self, n: i64) -> Time {
        let n = i128::from(n) * i128::from(self.den) * i128::from(TICKS_PER_SECOND);
        let d = i128::from(self.num);
        Time((n * 2 + d).div_euclid(2 * d) as i64)
    }

    /// `t` moved to the nearest frame boundary.
    pub fn snap(self, t: Time) -> Time {
        self.frame_start(self.nearest_frame(t))
    }

    /// `t` moved down to a frame boundary (a length that must not grow past a source's end).
    pub fn floor(self, t: Time) -> Time {
        self.frame_start(self.frame_at(t))
    }

    /// `t` moved up to a frame boundary (a length that must not shrink below a minimum).
    pub fn ceil(self, t: Time) -> Time {
        let f = self.floor(t);
        if f == t { t } else { self.frame_start(self.frame_at(t) + 1) }
    }

    pub fn is_boundary(self, t: Time) -> bool {
        self.snap(t) == t
    }
}

/// Stored as a number of frames per second (`25`, `29.97`), read from a number or a string.
impl Serialize for FrameRate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.den == 1 { s.serialize_u32(self.num) } else { s.serialize_f64((self.fps() * 1000.0).round() / 1000.0) }
    }
}

impl<'de> Deserialize<'de> for FrameRate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        let fps = match &v {
            serde_json::Value::Number(n) => n.as_f64(),
            serde_json::Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        };
        fps.and_then(FrameRate::from_fps).ok_or_else(|| Wrong::NotFrameRate { v: v.to_string() }.error())
    }
}

impl std::ops::Add for Time {
    type Output = Time;
    fn add(self, rhs: Time) -> Time {
        Time(self.0 + rhs.0)
    }
}

impl std::ops::Sub for Time {
    type Output = Time;
    fn sub(self, rhs: Time) -> Time {
        Time(self.0 - rhs.0)
    }
}

impl std::ops::Neg for Time {
    type Output = Time;
    fn neg(self) -> Time {
        Time(-self.0)
    }
}

/// Seconds, shortest exact decimal: `5.5678`, `60`, `-0.5`.
impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let t = self.0.unsigned_abs();
        let per = TICKS_PER_SECOND as u64;
        let (whole, frac) = (t / per, t % per);
        if frac == 0 {
            write!(f, "{sign}{whole}")
        } else {
            let digits = format!("{frac:04}");
            write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json_number().serialize(s)
    }
}

/// Accepts a JSON number or a numeric string: the docs write `"Out":"60"` as often as `"Out":60`.
impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Time;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&Expected::Time.token())
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Time, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Time, E> {
                self.visit_f64(v as f64)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Time, E> {
                Time::from_secs_f64(v).ok_or_else(|| Wrong::TimeUnusable { v }.error())
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Time, E> {
                Time::parse_secs(v).ok_or_else(|| Wrong::TimeNotSeconds { text: v.to_owned() }.error())
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ceil_moves_up_to_a_frame_and_keeps_boundaries() {
        let fr = FrameRate::FPS_25;
        assert_eq!(fr.ceil(Time(1_000)), Time(1_200));
        assert_eq!(fr.ceil(Time(1_200)), Time(1_200));
        assert_eq!(fr.ceil(Time(0)), Time(0));
        assert_eq!(fr.floor(Time(1_000)), Time(800));
    }

    #[test]
    fn parses_to_nearest_tick() {
        assert_eq!(Time::parse_secs("5.5678"), Some(Time(55_678)));
        assert_eq!(Time::parse_secs("5.56785"), Some(Time(55_679)));
        assert_eq!(Time::parse_secs("0.00004"), Some(Time(0)));
        assert_eq!(Time::parse_secs(" 60 "), Some(Time(600_000)));
        assert_eq!(Time::parse_secs("-0.5"), Some(Time(-5_000)));
        assert_eq!(Time::parse_secs("abc"), None);
        assert_eq!(Time::parse_secs("NaN"), None);
        assert_eq!(Time::parse_secs("1e300"), None);
    }

    #[test]
    fn writes_without_float_noise() {
        assert_eq!(Time(55_678).to_string(), "5.5678");
        assert_eq!(Time(55_678).to_json_number().to_string(), "5.5678");
        assert_eq!(Time(600_000).to_json_number().to_string(), "60");
        assert_eq!(Time(42_500).to_string(), "4.25");
        assert_eq!(Time(-1).to_string(), "-0.0001");
        // 0.1 + 0.2 in floats is 0.30000000000000004; in ticks it is exact.
        let sum = Time::parse_secs("0.1").unwrap() + Time::parse_secs("0.2").unwrap();
        assert_eq!(serde_json::to_string(&sum).unwrap(), "0.3");
    }

    #[test]
    fn deserializes_numbers_and_strings() {
        let t: Time = serde_json::from_str("\"60\"").unwrap();
        assert_eq!(t, Time::from_secs(60));
        let t: Time = serde_json::from_str("1.5").unwrap();
        assert_eq!(t, Time(15_000));
        assert!(serde_json::from_str::<Time>("\"soon\"").is_err());
        assert!(serde_json::from_str::<Time>("true").is_err());
    }

    #[test]
    fn frames_at_25_and_ntsc() {
        let r = FrameRate::FPS_25;
        assert_eq!(r.frame_start(1), Time(400));
        assert_eq!(r.snap(Time::parse_secs("14.6257").unwrap()), Time::parse_secs("14.64").unwrap());
        assert_eq!(r.floor(Time::parse_secs("14.6257").unwrap()), Time::parse_secs("14.6").unwrap());
        let ntsc = FrameRate::from_fps(29.97).unwrap();
        assert_eq!(ntsc, FrameRate { num: 30_000, den: 1001 });
        assert_eq!(ntsc.frame_start(1), Time(334)); // 33.3667 ms
        assert_eq!(ntsc.frame_start(30_000), Time::from_secs(1001));
        assert!(ntsc.is_boundary(ntsc.frame_start(12_345)));
        assert_eq!(FrameRate::from_fps(0.5), None);
        assert_eq!(FrameRate::from_fps(f64::NAN), None);
    }

    #[test]
    fn frame_rates_are_stored_as_numbers() {
        assert_eq!(serde_json::to_string(&FrameRate::FPS_25).unwrap(), "25");
        assert_eq!(serde_json::to_string(&FrameRate { num: 30_000, den: 1001 }).unwrap(), "29.97");
        let r: FrameRate = serde_json::from_str("\"23.976\"").unwrap();
        assert_eq!(r, FrameRate { num: 24_000, den: 1001 });
        assert!(serde_json::from_str::<FrameRate>("0").is_err());
        assert!(serde_json::from_str::<FrameRate>("true").is_err());
    }

    proptest! {
        #[test]
        fn frame_boundaries_are_fixed_points(n in -(1i64 << 30)..(1i64 << 30), i in 0usize..8) {
            let r = FrameRate::COMMON[i];
            let t = r.frame_start(n);
            prop_assert_eq!(r.nearest_frame(t), n);
            prop_assert_eq!(r.snap(t), t);
            prop_assert_eq!(r.frame_at(t), n);
            prop_assert!(r.frame_start(n + 1) > t);
        }

        #[test]
        fn snapping_lands_on_a_boundary(ticks in -(1i64 << 45)..(1i64 << 45), i in 0usize..8) {
            let r = FrameRate::COMMON[i];
            let t = Time(ticks);
            let s = r.snap(t);
            prop_assert!(r.is_boundary(s));
            prop_assert!(r.is_boundary(r.floor(t)) && r.floor(t) <= t);
            // Never further than half a frame (plus the tick's rounding).
            prop_assert!((s - t).0.abs() <= (r.frame_start(1).0 + 1) / 2 + 1);
        }
    }

    proptest! {
        #[test]
        fn seconds_ticks_seconds_is_stable(secs in -1.0e8f64..1.0e8) {
            let t = Time::from_secs_f64(secs).unwrap();
            let back = Time::from_secs_f64(t.as_secs_f64()).unwrap();
            prop_assert_eq!(t, back);
            // and through the JSON text form
            let json = serde_json::to_string(&t).unwrap();
            let again: Time = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(t, again);
        }

        #[test]
        fn four_decimal_text_round_trips(ticks in -(1i64 << 40)..(1i64 << 40)) {
            let t = Time(ticks);
            let text = t.to_string();
            prop_assert_eq!(Time::parse_secs(&text), Some(t));
            prop_assert_eq!(t.to_json_number().to_string().parse::<f64>().ok().and_then(Time::from_secs_f64), Some(t));
        }
    }
}
