//! Time <-> pixel mapping of the timeline, as its own small type.

use crate::i18n::Clock;
use crate::model::Time;
use crate::model::time::TimeUnit;

pub const MIN_PX_PER_SEC: f32 = 0.02;
pub const MAX_PX_PER_SEC: f32 = 2_000.0;
const TICKS_PER_SEC: i64 = crate::model::time::TICKS_PER_SECOND;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeMapping {
    /// Screen x of the time area's left edge.
    pub left: f32,
    /// The time at `left`.
    pub origin: Time,
    pub px_per_sec: f32,
}

impl TimeMapping {
    pub fn x_from_time(&self, t: Time) -> f32 {
        self.left + ((t - self.origin).as_secs_f64() * f64::from(self.px_per_sec)) as f32
    }

    pub fn time_from_x(&self, x: f32) -> Time {
        let secs = f64::from(x - self.left) / f64::from(self.px_per_sec);
        self.origin + Time::from_secs_f64(secs).unwrap_or(Time::ZERO)
    }

    /// A distance in pixels as a duration (for zoom-independent snapping radii).
    pub fn span_of_px(&self, px: f32) -> Time {
        Time::from_secs_f64(f64::from(px / self.px_per_sec)).unwrap_or(Time::ZERO)
    }

    /// Zooms by `factor` keeping the time under `x` where it is.
    pub fn zoom_at(&mut self, x: f32, factor: f32) {
        let anchor = self.time_from_x(x);
        self.px_per_sec = (self.px_per_sec * factor).clamp(MIN_PX_PER_SEC, MAX_PX_PER_SEC);
        let secs = f64::from(x - self.left) / f64::from(self.px_per_sec);
        self.origin = (anchor - Time::from_secs_f64(secs).unwrap_or(Time::ZERO)).max(Time::ZERO);
    }

    /// Scrolls by `dx` pixels (positive: later times), never before zero.
    pub fn pan(&mut self, dx: f32) {
        self.origin = (self.origin + self.span_of_px(dx)).max(Time::ZERO);
    }

    /// Shows `[0, end]` in `width` pixels.
    pub fn fit(&mut self, end: Time, width: f32) {
        let secs = end.as_secs_f64().max(1.0);
        self.px_per_sec = ((f64::from(width) * 0.95 / secs) as f32).clamp(MIN_PX_PER_SEC, MAX_PX_PER_SEC);
        self.origin = Time::ZERO;
    }

    /// Scrolls so `t` is in view (if it is not), with a tenth of the view before it: the
    /// view follows the playhead a page at a time, as players do.
    pub fn follow(&mut self, t: Time, width: f32) {
        let x = self.x_from_time(t);
        if x < self.left || x > self.left + width - 8.0 {
            self.origin = (t - self.span_of_px(width * 0.1)).max(Time::ZERO);
        }
    }

    /// Ruler ticks in `[t0, t1]`: (time, major), majors at least `min_px` apart. Below a
    /// second they fall on frames (steps that divide the second where the rate allows); above,
    /// on whole seconds of the clock's unit: timecode seconds (`00:01:00:00` at 23.976 is
    /// 60.06 s of clock time) or seconds.
    pub fn ticks(&self, min_px: f32, clock: Clock, t0: Time, t1: Time) -> Vec<(Time, bool)> {
        const MAX: usize = 2_000;
        let fr = clock.rate;
        let frame_px = fr.frame_start(1).as_secs_f64() as f32 * self.px_per_sec;
        let per_second = fr.timecode_base();
        let step = (1..per_second).filter(|d| per_second % d == 0).find(|d| *d as f32 * frame_px >= min_px);
        let mut out = Vec::new();
        if let Some(step) = step {
            let (mut n, last) = (fr.frame_at(t0.max(Time::ZERO)), fr.frame_at(t1) + 1);
            let minor = frame_px >= 4.0;
            while n <= last && out.len() < MAX {
                // By the frame within its second, which drop-frame renumbers.
                let major = fr.second_of(n).1 % step == 0;
                if major || minor {
                    out.push((fr.frame_start(n), major));
                }
                n += 1;
            }
            return out;
        }
        let (major, minor) = self.tick_steps(min_px);
        let major = Time(major.0.max(TICKS_PER_SEC));
        let minor = if major.0 == TICKS_PER_SEC { Time(major.0 / 5) } else { minor };
        // `v` counts the unit's seconds; `at` places it on the clock.
        let base = fr.timecode_base();
        let (start, at): (Time, Box<dyn Fn(Time) -> Time>) = match clock.unit {
            TimeUnit::Seconds => (t0, Box::new(|v| v)),
            TimeUnit::Timecode => {
                let (secs, f) = fr.second_of(fr.frame_at(t0.max(Time::ZERO)));
                let v0 = Time(secs * TICKS_PER_SEC + f * TICKS_PER_SEC / base);
                let at = move |v: Time| {
                    let (whole, part) = (v.0 / TICKS_PER_SEC, v.0 % TICKS_PER_SEC);
                    let first = fr.frame_of(0, 0, whole, 0).unwrap_or(0);
                    fr.frame_start(first + (part * base + TICKS_PER_SEC / 2) / TICKS_PER_SEC)
                };
                (v0, Box::new(at))
            }
        };
        let mut v = Time((start.0 / minor.0).max(0) * minor.0);
        while out.len() < MAX {
            let t = at(v);
            if t > t1 {
                break;
            }
            out.push((t, v.0 % major.0 == 0));
            v = v + minor;
        }
        out
    }

    /// Ruler ticks: (major step, minor step), the major ones at least `min_px` apart.
    pub fn tick_steps(&self, min_px: f32) -> (Time, Time) {
        const STEPS_MS: [i64; 17] = [
            10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
            1_800_000,
        ];
        let major = STEPS_MS
            .iter()
            .map(|ms| Time::from_millis(*ms))
            .find(|t| t.as_secs_f64() as f32 * self.px_per_sec >= min_px)
            .unwrap_or(Time::from_secs(3_600));
        let minor = Time(major.0 / if major.0 % 5 == 0 { 5 } else { 2 });
        (major, minor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> TimeMapping {
        TimeMapping { left: 100.0, origin: Time::from_secs(10), px_per_sec: 50.0 }
    }

    #[test]
    fn round_trips() {
        let m = m();
        assert_eq!(m.x_from_time(Time::from_secs(12)), 200.0);
        assert_eq!(m.time_from_x(200.0), Time::from_secs(12));
        assert_eq!(m.span_of_px(8.0), Time::from_millis(160));
    }

    #[test]
    fn zoom_keeps_the_pointer_time() {
        let mut z = m();
        let under = z.time_from_x(300.0);
        z.zoom_at(300.0, 2.0);
        assert_eq!(z.px_per_sec, 100.0);
        assert_eq!(z.time_from_x(300.0), under);
        z.zoom_at(300.0, 1e9);
        assert_eq!(z.px_per_sec, MAX_PX_PER_SEC);
    }

    #[test]
    fn pan_and_fit() {
        let mut z = m();
        z.pan(-10_000.0);
        assert_eq!(z.origin, Time::ZERO);
        z.fit(Time::from_secs(100), 1000.0);
        assert!((z.px_per_sec - 9.5).abs() < 1e-4);
    }

    #[test]
    fn ticks_fall_on_frames_when_zoomed_in() {
        let fr = crate::model::FrameRate::FPS_25;
        let c = Clock::new(fr, TimeUnit::Timecode);
        let mut z = m();
        z.px_per_sec = 1_000.0; // 40 px a frame: a major tick every 5 frames
        let ticks = z.ticks(90.0, c, Time::from_secs(10), Time::from_secs(11));
        assert!(ticks.iter().all(|(t, _)| fr.is_boundary(*t)));
        let majors: Vec<Time> = ticks.iter().filter(|(_, m)| *m).map(|(t, _)| *t).collect();
        assert_eq!(majors[1] - majors[0], Time::from_millis(200));
        z.px_per_sec = 50.0;
        let ticks = z.ticks(90.0, c, Time::from_secs(10), Time::from_secs(20));
        let majors: Vec<Time> = ticks.iter().filter(|(_, m)| *m).map(|(t, _)| *t).collect();
        assert_eq!(majors[1] - majors[0], Time::from_secs(2));
        z.px_per_sec = 0.02;
        assert!(z.ticks(90.0, c, Time::ZERO, Time::from_secs(10_000_000)).len() <= 2_000);
    }

    #[test]
    fn ticks_follow_timecode_seconds_at_ntsc_rates() {
        for fr in
            [crate::model::FrameRate { num: 24_000, den: 1001 }, crate::model::FrameRate { num: 30_000, den: 1001 }]
        {
            let c = Clock::new(fr, TimeUnit::Timecode);
            let mut z = m();
            z.origin = Time::ZERO;
            z.px_per_sec = 2.0; // a major tick every minute
            let majors: Vec<String> = z
                .ticks(90.0, c, Time::ZERO, Time::from_secs(1200))
                .into_iter()
                .filter(|(_, major)| *major)
                .map(|(t, _)| c.time(t))
                .collect();
            assert!(majors.len() >= 19, "{majors:?}");
            for (i, label) in majors.iter().enumerate() {
                // On the minute's first label: :00 (;02 where drop-frame skips ;00 and ;01).
                let first = if fr.is_drop_frame() && i % 10 != 0 { "00;02" } else { "00:00" };
                let first = first.replace(':', if fr.is_drop_frame() { ";" } else { ":" });
                assert_eq!(*label, format!("00:{i:02}:{first}"), "{majors:?}");
            }
        }
    }

    #[test]
    fn follow_pages_to_the_playhead() {
        let mut z = m(); // 10 s at x=100, 50 px/s, 1000 px wide: 10..30 s in view
        z.follow(Time::from_secs(20), 1000.0);
        assert_eq!(z.origin, Time::from_secs(10), "in view: no scroll");
        z.follow(Time::from_secs(40), 1000.0);
        assert_eq!(z.origin, Time::from_secs(38));
        z.follow(Time::ZERO, 1000.0);
        assert_eq!(z.origin, Time::ZERO);
    }

    #[test]
    fn ticks_adapt_to_zoom() {
        let mut z = m();
        assert_eq!(z.tick_steps(80.0).0, Time::from_secs(2));
        z.px_per_sec = 1.0;
        assert_eq!(z.tick_steps(80.0).0, Time::from_secs(120));
        z.px_per_sec = 1_000.0;
        assert_eq!(z.tick_steps(80.0).0, Time::from_millis(100));
    }
}
