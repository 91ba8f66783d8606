//! Moments shown to people: in the local time zone, named, with how long ago.
//!
//! The `time` crate refuses to read the local offset in a multi-threaded program (reading the
//! environment races with other threads), so jiff does it: it reads the zone once from `TZ` or
//! `/etc/localtime` (the OS setting elsewhere) and keeps its rules, daylight saving included.

/// "2026-12-02 14:05 CST": the local date and time of a Unix second, with the zone's name.
pub fn local(unix: u64) -> String {
    in_zone(unix, &jiff::tz::TimeZone::system())
}

fn in_zone(unix: u64, tz: &jiff::tz::TimeZone) -> String {
    let Ok(ts) = jiff::Timestamp::from_second(unix.min(i64::MAX as u64) as i64) else { return String::new() };
    ts.to_zoned_datetime(tz.clone()).strftime("%Y-%m-%d %H:%M %Z").to_string()
}

/// "5 min ago (2026-12-02 14:05 CST)". Dates are written year-month-day in both languages
/// (the console does so too), so only the words around them are translated.
pub fn ago_and_local(unix: u64, now: u64) -> String {
    crate::t!("when-ago-and-local", ago = ago(now.saturating_sub(unix)), local = local(unix))
}

/// "just now", "5 min ago", "2 h ago", "1 day ago", in the current language.
pub fn ago(secs: u64) -> String {
    match secs {
        0..60 => crate::t!("when-just-now"),
        60..3600 => crate::t!("when-minutes-ago", n = secs / 60),
        3600..86_400 => crate::t!("when-hours-ago", n = secs / 3600),
        _ => crate::t!("when-days-ago", n = secs / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_in_the_given_zone_with_its_name() {
        let shanghai = jiff::tz::TimeZone::get("Asia/Shanghai").unwrap();
        // 2026-12-02 06:00 UTC is 14:00 in Shanghai.
        assert_eq!(in_zone(1_796_191_200, &shanghai), "2026-12-02 14:00 CST");
        assert_eq!(in_zone(1_796_191_200, &jiff::tz::TimeZone::UTC), "2026-12-02 06:00 UTC");
        let berlin = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
        assert_eq!(in_zone(1_796_191_200, &berlin), "2026-12-02 07:00 CET");
        assert_eq!(in_zone(1_783_000_000, &berlin).split(' ').nth(2), Some("CEST"), "summer time");
    }

    #[test]
    fn ago_in_words() {
        crate::i18n::set(crate::i18n::Lang::En);
        assert_eq!(ago(5), "just now");
        assert_eq!(ago(301), "5 min ago");
        assert_eq!(ago(7300), "2 h ago");
        assert_eq!(ago(200_000), "2 days ago");
        assert_eq!(ago(90_000), "1 day ago");
    }
}
