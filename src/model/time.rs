//! Exact time: integer ticks of 1/10 000 s.
//!
//! The API speaks seconds with at most four decimals. Keeping integer ticks inside means
//! save/load and export round-trip exactly and arithmetic never accumulates float noise;
//! floats exist only at the wire boundary.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

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

    /// `h:mm:ss.ffff` for people (ruler, inspector, messages).
    pub fn timecode(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let t = self.0.unsigned_abs();
        let per = TICKS_PER_SECOND as u64;
        let (secs, frac) = (t / per, t % per);
        let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
        if h > 0 { format!("{sign}{h}:{m:02}:{s:02}.{frac:04}") } else { format!("{sign}{m}:{s:02}.{frac:04}") }
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
                f.write_str("a time in seconds (a number, or a string holding one)")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Time, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Time, E> {
                self.visit_f64(v as f64)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Time, E> {
                Time::from_secs_f64(v).ok_or_else(|| E::custom(format!("{v} s is not a usable time")))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Time, E> {
                Time::parse_secs(v).ok_or_else(|| E::custom(format!("\"{v}\" is not a time in seconds")))
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
    fn timecode_reads_well() {
        assert_eq!(Time(0).timecode(), "0:00.0000");
        assert_eq!(Time::from_secs(3725).timecode(), "1:02:05.0000");
        assert_eq!(Time(-15_000).timecode(), "-0:01.5000");
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
