//! Numbers people read. English and Chinese write decimals and thousands the same way
//! ("1,234.5") and both use MB/GB for sizes, so these need no per-language rules. Times and
//! lengths are written by `i18n::Clock`.

use crate::model::validate::{Quoted, cut};

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

/// At most `max` characters of `text`, with `…` when cut.
pub fn shortened(text: &str, max: usize) -> String {
    let short = cut(text, max);
    if short.len() == text.len() { text.to_owned() } else { format!("{short}…") }
}

/// An ID (or any text from a file or a server) for a message: whole when short, else its
/// first 64 characters and "…" with its length, so a 50 MB "MediaId" cannot flood the
/// terminal or a log.
pub fn quoted_id(id: &str) -> String {
    quoted(&Quoted::of(id))
}

/// Text a problem quoted ([`Quoted`]): whole, or its start, "…" and the whole one's length.
pub fn quoted(q: &Quoted) -> String {
    if q.is_whole() { q.text.clone() } else { format!("{}… ({})", q.text, size(q.bytes as u64)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_ids_are_cut() {
        let id = "5aed81b74ba84920be578cdfe004af4b";
        assert_eq!(quoted_id(id), id);
        let huge = "a".repeat(50 << 20);
        let q = quoted_id(&huge);
        assert!(q.starts_with(&"a".repeat(64)) && q.ends_with("… (50.0 MB)") && q.len() < 100, "{q}");
        assert_eq!(quoted_id(&"视".repeat(65)).chars().filter(|c| *c == '视').count(), 64);
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
