//! SMPTE timecode at a frame rate (`00:00:05:12`; drop-frame `00:01:00;02` at 29.97 and
//! 59.94): which label a frame has and which frame a label names. Pure frame math; how times
//! are written and read for people (in timecode or in seconds) is `i18n::clock`.

use super::{FrameRate, Time};

/// How times are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TimeUnit {
    /// SMPTE timecode at the project's frame rate.
    #[default]
    Timecode,
    /// Seconds, as the Timeline's fields hold them.
    Seconds,
}

impl FrameRate {
    /// Frames in a second of timecode: the whole number nearest the rate (30 at 29.97, 24 at
    /// 23.976), as SMPTE counts them. At a rate that is not whole, timecode runs a little
    /// slower than the clock (an hour of 23.976 timecode is 3603.6 s), except where
    /// drop-frame makes up for it.
    pub fn timecode_base(self) -> i64 {
        let (num, den) = (i64::from(self.num), i64::from(self.den.max(1)));
        ((num * 2 + den) / (den * 2)).max(1)
    }

    /// 29.97 and 59.94 count drop-frame: the labels `;00` and `;01` (`;00` to `;03` at 59.94)
    /// are skipped at the start of every minute except every tenth, so an hour of timecode
    /// is an hour of clock time. No frame is dropped, only names.
    pub fn is_drop_frame(self) -> bool {
        self.den == 1001 && matches!(self.num, 30_000 | 60_000)
    }

    /// Labels skipped at each minute (0 without drop-frame).
    fn dropped(self) -> i64 {
        if self.is_drop_frame() { self.timecode_base() / 15 } else { 0 }
    }

    /// The timecode of frame `n` (`-` before a negative one): `HH:MM:SS:FF`, or
    /// `HH:MM:SS;FF` drop-frame. Hours do not wrap at 24.
    pub fn frame_label(self, n: i64) -> String {
        let sign = if n < 0 { "-" } else { "" };
        let (h, m, s, f) = self.fields(n.abs());
        let sep = if self.is_drop_frame() { ';' } else { ':' };
        let width = if self.timecode_base() > 100 { 3 } else { 2 };
        format!("{sign}{h:02}:{m:02}:{s:02}{sep}{f:0width$}")
    }

    /// Hours, minutes, seconds and frames of frame `n` (0 or more).
    fn fields(self, n: i64) -> (i64, i64, i64, i64) {
        let base = self.timecode_base();
        let drop = self.dropped();
        let mut n = n;
        if drop > 0 {
            // Put back the labels skipped before frame n (SMPTE 12M's counting).
            let per_ten = base * 600 - drop * 9;
            let per_minute = base * 60 - drop;
            let (tens, rest) = (n / per_ten, n % per_ten);
            n += drop * 9 * tens + if rest > drop { drop * ((rest - drop) / per_minute) } else { 0 };
        }
        let secs = n / base;
        (secs / 3600, secs / 60 % 60, secs % 60, n % base)
    }

    /// The frame a timecode names. Fields may run over (`12:103` is 103 frames after
    /// `00:00:12:00`); a drop-frame label that does not exist (`00:01:00;00`) is the next
    /// that does (`00:01:00;02`), as on a deck. `None` past what a timeline can hold.
    pub fn frame_of(self, h: i64, m: i64, s: i64, f: i64) -> Option<i64> {
        let base = self.timecode_base();
        let secs = h.checked_mul(3600)?.checked_add(m.checked_mul(60)?)?.checked_add(s)?;
        let minutes = secs / 60;
        let drop = self.dropped();
        let f = if drop > 0 && secs % 60 == 0 && minutes % 10 != 0 && f < drop { drop } else { f };
        let n = secs.checked_mul(base)?.checked_add(f)?.checked_sub(drop * (minutes - minutes / 10))?;
        (n < 1 << 40).then_some(n)
    }

    /// Where the timecode second `secs` (`HH:MM:SS:00`, or the first label of that second
    /// drop-frame) starts: the ruler's ticks.
    pub fn second_start(self, secs: i64) -> Time {
        self.frame_start(self.frame_of(0, 0, secs.max(0), 0).unwrap_or(0))
    }

    /// The timecode second frame `n` is in (`HH:MM:SS` as seconds), and its frame within it.
    pub fn second_of(self, n: i64) -> (i64, i64) {
        let (h, m, s, f) = self.fields(n.max(0));
        (h * 3600 + m * 60 + s, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NTSC: FrameRate = FrameRate { num: 30_000, den: 1001 };
    const NTSC60: FrameRate = FrameRate { num: 60_000, den: 1001 };
    const FILM: FrameRate = FrameRate { num: 24_000, den: 1001 };

    #[test]
    fn drop_frame_skips_labels_not_frames() {
        let r = NTSC;
        assert!(r.is_drop_frame() && NTSC60.is_drop_frame() && !FILM.is_drop_frame());
        assert_eq!(r.frame_label(1799), "00:00:59;29");
        assert_eq!(r.frame_label(1800), "00:01:00;02", "the first minute drops ;00 and ;01");
        assert_eq!(r.frame_label(17_982), "00:10:00;00", "every tenth minute keeps them");
        assert_eq!(r.frame_label(17_982 + 1800), "00:11:00;02");
        assert_eq!(r.frame_label(107_892), "01:00:00;00", "an hour of timecode");
        assert_eq!(NTSC60.frame_label(3600), "00:01:00;04");
        assert_eq!(NTSC60.frame_label(3599), "00:00:59;59");
        assert_eq!(r.frame_of(0, 1, 0, 2), Some(1800));
        assert_eq!(r.frame_of(0, 1, 0, 0), Some(1800), "a skipped label is the next that exists");
        assert_eq!(r.frame_of(1, 0, 0, 0), Some(107_892));
    }

    #[test]
    fn non_drop_rates_count_whole_frames_a_second() {
        assert_eq!(FILM.timecode_base(), 24);
        assert_eq!(FILM.frame_label(24), "00:00:01:00");
        let odd = FrameRate::from_fps(12.5).unwrap();
        assert_eq!(odd.timecode_base(), 13);
        let fast = FrameRate::from_fps(120.0).unwrap();
        assert_eq!(fast.frame_label(121), "00:00:01:001", "three digits past 100 frames a second");
    }

    #[test]
    fn ruler_seconds_start_on_their_labels() {
        assert_eq!(FrameRate::FPS_25.second_start(5), Time::from_secs(5));
        assert_eq!(NTSC.frame_label(NTSC.nearest_frame(NTSC.second_start(60))), "00:01:00;02");
        assert_eq!(NTSC.second_of(1800), (60, 2));
    }

    proptest! {
        #[test]
        fn labels_increase_with_frames(n in 0i64..(1i64 << 28), i in 0usize..8) {
            let r = FrameRate::COMMON[i];
            let (a, b) = (r.fields(n), r.fields(n + 1));
            prop_assert!(a < b, "{:?} then {:?}", a, b);
        }
    }
}
