//! Numbers people read. English and Chinese write decimals and thousands the same way
//! ("1,234.5"), both use MB/GB for sizes and h:mm:ss for lengths, so these need no
//! per-language rules.

/// "980 B", "12.4 KB", "3.1 MB", "1.25 GB" (powers of 1024, as file managers show them).
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut v = bytes as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    let digits = if v >= 100.0 {
        0
    } else if v >= 10.0 {
        1
    } else {
        2
    };
    format!("{v:.digits$} {}", UNITS[unit])
}

/// A length or a time as people read it in both languages: "0:08:01.15" (h:mm:ss and
/// hundredths), never "481.154 s". Negative times get a minus sign; non-finite ones a dash.
pub fn duration(secs: f64) -> String {
    if !secs.is_finite() {
        return "–".to_owned();
    }
    let sign = if secs < 0.0 { "-" } else { "" };
    let hundredths = (secs.abs() * 100.0).round() as u64;
    let (h, rest) = (hundredths / 360_000, hundredths % 360_000);
    let (m, rest) = (rest / 6_000, rest % 6_000);
    let (s, ff) = (rest / 100, rest % 100);
    format!("{sign}{h}:{m:02}:{s:02}.{ff:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration(481.154), "0:08:01.15");
        assert_eq!(duration(0.0), "0:00:00.00");
        assert_eq!(duration(59.999), "0:01:00.00");
        assert_eq!(duration(3600.0 * 12.0 + 5.5), "12:00:05.50");
        assert_eq!(duration(-1.25), "-0:00:01.25");
        assert_eq!(duration(f64::NAN), "–");
    }

    #[test]
    fn sizes() {
        assert_eq!(size(0), "0 B");
        assert_eq!(size(1023), "1023 B");
        assert_eq!(size(1536), "1.50 KB");
        assert_eq!(size(200 * 1024 * 1024), "200 MB");
        assert_eq!(size(1_288_490_189), "1.20 GB");
    }
}
