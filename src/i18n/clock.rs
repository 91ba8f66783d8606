//! Times for people, written one way everywhere: SMPTE timecode at the project's frame rate
//! (`00:00:05:12`; drop-frame `00:01:00;02` at 29.97 and 59.94), or seconds for those who
//! choose them (View > Times in seconds); and what people type into a time field or Go to
//! timecode, read the way Premiere Pro reads it. The frame math (which label a frame has)
//! is the model's (`model::time::timecode`); the words ("5.48 s", the refusals) are here.
//!
//! Typing (see docs/keys.md, "Typing a time"):
//! - `00:00:05:12`, `5:12`, `;12`: fields from the right are frames, seconds, minutes, hours;
//!   leading ones may be left out and any may run over (`12:103` is 12 s and 103 frames).
//! - `512`, `00000512`: without colons, digit pairs from the right (Premiere's "omit colons").
//! - `137.`: a whole number and a period is a frame count (Premiere's "add a period").
//! - `62.48`, `5s`: seconds (a decimal point followed by digits, or an `s`).
//! - `+` or `-` before any of these moves from the present value: `+10` ten frames,
//!   `-1:00` one second back, `-1.` one frame back, `+1.5` one and a half seconds on.

use crate::model::time::{FrameRate, Time, TimeUnit};
use std::sync::atomic::{AtomicBool, Ordering};

static SECONDS: AtomicBool = AtomicBool::new(false);

/// Shows every later time in `unit` (the editor's setting). Process-wide like the language
/// (`i18n::set`): text made on other threads (the preview's reasons, the draft's report, the
/// problems' words) follows it without being handed it.
pub fn set_unit(unit: TimeUnit) {
    SECONDS.store(unit == TimeUnit::Seconds, Ordering::Relaxed);
}

/// The unit chosen with [`set_unit`]; timecode until one is chosen (the commands never do).
pub fn unit() -> TimeUnit {
    if SECONDS.load(Ordering::Relaxed) { TimeUnit::Seconds } else { TimeUnit::Timecode }
}

/// The one formatter of times and lengths for people (and the reader of typed ones).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    pub rate: FrameRate,
    pub unit: TimeUnit,
}

/// A typed amount before it is placed: whole frames, or seconds kept as typed.
enum Amount {
    Frames(i64),
    Secs(Time),
}

impl Clock {
    pub const fn new(rate: FrameRate, unit: TimeUnit) -> Clock {
        Clock { rate, unit }
    }

    /// `rate`'s clock in the unit the user chose ([`unit`]).
    pub fn of(rate: FrameRate) -> Clock {
        Clock::new(rate, unit())
    }

    /// Where no project is at hand (a media's own time, the library, `vodcut jobs`): 25 fps,
    /// the rate VOD's own editor shows, in the unit the user chose.
    pub fn without_project() -> Clock {
        Clock::of(FrameRate::default())
    }

    /// A point in time: the timecode of the frame `t` falls in, which is the frame the preview
    /// shows there.
    pub fn time(self, t: Time) -> String {
        match self.unit {
            TimeUnit::Seconds => seconds(t),
            TimeUnit::Timecode if t < Time::ZERO => format!("-{}", self.rate.frame_label(self.rate.frame_at(-t))),
            TimeUnit::Timecode => self.rate.frame_label(self.rate.frame_at(t)),
        }
    }

    /// A length: its whole frames (a media's partial last frame is not one). Frame starts are
    /// rounded to ticks, so the length between two of them may be a tick short: that tick is
    /// not allowed to lose a frame.
    pub fn length(self, d: Time) -> String {
        let frames = |d: Time| self.rate.frame_at(d + Time(1));
        match self.unit {
            TimeUnit::Seconds => seconds(d),
            TimeUnit::Timecode if d < Time::ZERO => format!("-{}", self.rate.frame_label(frames(-d))),
            TimeUnit::Timecode => self.rate.frame_label(frames(d)),
        }
    }

    /// A length a service or ffmpeg gave in seconds; a dash when it is not a usable number.
    pub fn length_secs(self, secs: f64) -> String {
        Time::from_secs_f64(secs).map_or_else(|| "–".to_owned(), |d| self.length(d))
    }

    /// What a person typed (see the module's comment), read the same in either unit. A sign
    /// moves from `current` (the field's value, or the playhead). Timecodes and frame counts
    /// land on frame boundaries; seconds are kept as typed, for the caller to snap. The result
    /// may be negative: the caller says whether that is allowed.
    pub fn parse(self, text: &str, current: Time) -> Result<Time, String> {
        let text = text.trim();
        let (sign, body) = if let Some(rest) = text.strip_prefix('+') {
            (1, rest)
        } else if let Some(rest) = text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
            (-1, rest)
        } else {
            (0, text)
        };
        let too_long = || crate::t!("core-time-too-long");
        let r = self.rate;
        let t = match (sign, self.amount(body.trim())?) {
            (0, Amount::Frames(n)) => r.frame_start(n),
            (0, Amount::Secs(t)) => t,
            (s, Amount::Frames(n)) => r.frame_start(
                r.nearest_frame(current).checked_add(s * n).filter(|n| n.abs() < 1 << 40).ok_or_else(too_long)?,
            ),
            (s, Amount::Secs(t)) => Time(current.0.checked_add(s * t.0).ok_or_else(too_long)?),
        };
        if t.0.abs() > Time::MAX.0 {
            return Err(too_long());
        }
        Ok(t)
    }

    fn amount(self, body: &str) -> Result<Amount, String> {
        let not_a_time = || crate::t!("core-time-not-a-time");
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if let Some(secs) = body.strip_suffix('s').or_else(|| body.strip_suffix('秒')) {
            let secs = secs.trim();
            if !secs.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                return Err(not_a_time());
            }
            return Time::parse_secs(secs).filter(|t| *t >= Time::ZERO).map(Amount::Secs).ok_or_else(not_a_time);
        }
        if body.contains([':', ';']) {
            let parts: Vec<&str> = body.split([':', ';']).map(str::trim).collect();
            if parts.len() > 4 {
                return Err(crate::t!("core-time-too-many-colons"));
            }
            if parts.iter().all(|p| p.is_empty()) {
                return Err(not_a_time());
            }
            let mut fields = [0i64; 4];
            for (slot, p) in fields.iter_mut().rev().zip(parts.iter().rev()) {
                if p.is_empty() {
                    continue;
                }
                if !digits(p) {
                    return Err(crate::t!("core-time-not-whole", text = *p));
                }
                *slot = whole(p)?;
            }
            let [h, m, s, f] = fields;
            return self.rate.frame_of(h, m, s, f).map(Amount::Frames).ok_or_else(|| crate::t!("core-time-too-long"));
        }
        if let Some(n) = body.strip_suffix('.')
            && digits(n)
        {
            return whole(n).map(Amount::Frames);
        }
        if let Some((whole_part, frac)) = body.split_once('.') {
            if (whole_part.is_empty() || digits(whole_part)) && digits(frac) {
                return Time::parse_secs(body).map(Amount::Secs).ok_or_else(|| crate::t!("core-time-too-long"));
            }
            return Err(not_a_time());
        }
        if !digits(body) {
            return Err(not_a_time());
        }
        // Pairs from the right: frames, seconds, minutes, and the rest is hours.
        let split = |s: &str| -> (String, String) {
            let at = s.len().saturating_sub(2);
            (s[..at].to_owned(), s[at..].to_owned())
        };
        let (rest, f) = split(body);
        let (rest, s) = split(&rest);
        let (h, m) = split(&rest);
        let n = |s: &str| if s.is_empty() { Ok(0) } else { whole(s) };
        self.rate
            .frame_of(n(&h)?, n(&m)?, n(&s)?, n(&f)?)
            .map(Amount::Frames)
            .ok_or_else(|| crate::t!("core-time-too-long"))
    }
}

/// A whole number typed as digits, refused past what a timeline can hold.
fn whole(digits: &str) -> Result<i64, String> {
    digits.parse::<i64>().ok().filter(|v| *v < 1 << 40).ok_or_else(|| crate::t!("core-time-too-long"))
}

/// "5.48 s": the exact seconds, as the Timeline's fields hold them.
fn seconds(t: Time) -> String {
    crate::t!("core-time-in-seconds", s = t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NTSC: FrameRate = FrameRate { num: 30_000, den: 1001 };
    const FILM: FrameRate = FrameRate { num: 24_000, den: 1001 };

    fn tc(rate: FrameRate) -> Clock {
        Clock::new(rate, TimeUnit::Timecode)
    }

    #[test]
    fn timecode_at_25_names_the_frame_the_time_falls_in() {
        let c = tc(FrameRate::FPS_25);
        assert_eq!(c.time(Time::parse_secs("5.48").unwrap()), "00:00:05:12");
        assert_eq!(c.time(Time::parse_secs("5.519").unwrap()), "00:00:05:12");
        assert_eq!(c.time(Time::ZERO), "00:00:00:00");
        assert_eq!(c.time(Time::from_secs(3725)), "01:02:05:00");
        assert_eq!(c.time(Time::from_secs(100 * 3600)), "100:00:00:00", "hours do not wrap");
        assert_eq!(c.time(Time(-15_000)), "-00:00:01:12");
        assert_eq!(c.length(Time::parse_secs("9.96").unwrap()), "00:00:09:24");
        assert_eq!(c.length(Time::parse_secs("12.5").unwrap()), "00:00:12:12", "312 whole frames, not 312.5");
    }

    #[test]
    fn drop_frame_skips_labels_not_frames() {
        let r = NTSC;
        // An hour of timecode is an hour of clock time, to the frame.
        assert_eq!(tc(r).time(Time::from_secs(3600)), "01:00:00;00");
    }

    #[test]
    fn non_drop_rates_count_whole_frames_a_second() {
        // 23.976 timecode runs slower than the clock: frame 24 starts at 1.001 s.
        assert_eq!(tc(FILM).time(FILM.frame_start(24)), "00:00:01:00");
        assert_eq!(tc(FILM).time(Time::from_secs(1)), "00:00:00:23");
    }

    #[test]
    fn lengths_between_frame_boundaries_keep_every_frame() {
        // At 29.97 frame starts are rounded to ticks, so one frame's length may be a tick
        // shorter than frame 1's start: still one frame.
        let c = tc(NTSC);
        for a in [1, 2, 1000, 1799] {
            assert_eq!(c.length(NTSC.frame_start(a + 1) - NTSC.frame_start(a)), "00:00:00;01", "{a}");
        }
        assert_eq!(c.length_secs(f64::NAN), "–");
    }

    #[test]
    fn seconds_unit_writes_what_the_fields_hold() {
        let c = Clock::new(FrameRate::FPS_25, TimeUnit::Seconds);
        assert_eq!(c.time(Time::parse_secs("5.48").unwrap()), "5.48 s");
        assert_eq!(c.length(Time::from_secs(60)), "60 s");
        assert_eq!(c.parse("00:00:05:12", Time::ZERO), Ok(Time::parse_secs("5.48").unwrap()), "it reads the same");
    }

    #[test]
    fn typing_as_premiere_reads_it() {
        let c = tc(FrameRate::FPS_25);
        let at = Time::parse_secs("5.48").unwrap();
        let p = |s: &str| c.parse(s, at);
        let secs = |s: &str| Ok(Time::parse_secs(s).unwrap());
        assert_eq!(p("00:00:05:12"), Ok(at));
        assert_eq!(p("5:12"), Ok(at), "leading parts left out");
        assert_eq!(p("512"), Ok(at), "no colons: pairs from the right");
        assert_eq!(p("00000512"), Ok(at));
        assert_eq!(p("137."), Ok(at), "a frame count");
        assert_eq!(p("5.48"), Ok(at), "seconds");
        assert_eq!(p("5.48s"), Ok(at));
        assert_eq!(p("62.48"), secs("62.48"));
        assert_eq!(p("10"), secs("0.4"), "under 100 is frames");
        assert_eq!(p("4:30"), secs("5.2"), "fields may run over");
        assert_eq!(p("12:103"), secs("16.12"));
        assert_eq!(p("+10"), secs("5.88"), "ten frames on");
        assert_eq!(p("+100"), secs("6.48"), "one second on");
        assert_eq!(p("-1:00"), secs("4.48"), "one second back");
        assert_eq!(p("-1."), secs("5.44"), "one frame back");
        assert_eq!(p("+1.5"), secs("6.98"), "seconds on");
        assert_eq!(p(" -00:00:10:00 "), secs("-4.52"), "the caller refuses what is before 0");
        assert_eq!(p("1:00:00:00"), secs("3600"));
        assert_eq!(p(":12"), secs("0.48"));
        for bad in ["", "+", "abc", "1:2:3:4:5", "1.2.3", "a:12", "5..", "12x", "1e3", "--1", "::"] {
            assert!(p(bad).is_err(), "{bad:?} is refused");
        }
        assert!(p("1:2:3:4:5").unwrap_err().contains("hh:mm:ss:ff"));
        assert!(p("a:12").unwrap_err().contains("\"a\""));
        assert!(p("99999999999999999999").is_err() && p("9999999999:00:00:00").is_err(), "too long, no overflow");
    }

    #[test]
    fn drop_frame_typing_reads_the_labels_shown() {
        let c = tc(NTSC);
        assert_eq!(c.parse("00:01:00;02", Time::ZERO), Ok(NTSC.frame_start(1800)));
        assert_eq!(c.parse("10002", Time::ZERO), Ok(NTSC.frame_start(1800)));
        assert_eq!(c.parse("+1.", NTSC.frame_start(1799)), Ok(NTSC.frame_start(1800)));
    }

    proptest! {
        #[test]
        fn every_label_reads_back_to_its_frame(n in 0i64..(1i64 << 30), i in 0usize..8) {
            let r = FrameRate::COMMON[i];
            let c = tc(r);
            let t = r.frame_start(n);
            prop_assert_eq!(c.parse(&c.time(t), Time::ZERO), Ok(t));
            prop_assert_eq!(c.parse(&c.length(t), Time::ZERO), Ok(t));
            let (secs, f) = r.second_of(n);
            prop_assert!(f < r.timecode_base() && secs >= 0);
        }

        #[test]
        fn typing_never_panics(text in "[-+0-9:;. s]{0,24}", i in 0usize..8) {
            let _ = tc(FrameRate::COMMON[i]).parse(&text, Time::from_secs(5));
        }
    }
}
