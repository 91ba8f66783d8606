//! Output that cannot drive the terminal: text from files and servers (titles, Message
//! fields, media titles) may hold escape sequences (`\e]0;…\a` retitles the window, others
//! move the cursor or rewrite what was printed), so every control character except newline
//! and tab is written as a visible `\u001b`-style escape.
//!
//! Secrets the process holds (keys, tokens, upload credentials) are scrubbed here too, the
//! last stop before the terminal or a script (see `api::redact`).
//!
//! The same form is a valid JSON string escape, so JSON output stays valid JSON with the
//! same meaning (serde_json already escapes C0 controls; C1 controls and bidirectional
//! overrides, which it leaves raw, come out escaped too).

use std::io::{self, Write};

/// Whether `c` must not reach a terminal as it is.
pub fn is_dangerous(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        // C0, DEL and C1 (U+009B is a one-character CSI on some terminals).
        c if c.is_control() => true,
        // Bidirectional embeddings, overrides and isolates reorder what is shown.
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// `text` with every dangerous character written as `\uXXXX`.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_dangerous) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_dangerous(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c))); // i18n-exempt: an escape code
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A writer that escapes what passes through it. Formatting writes whole `str` pieces, so
/// each buffer is valid UTF-8; anything else is passed on with its single-byte controls
/// escaped (they are never part of a multi-byte UTF-8 sequence).
pub struct Escaping<'a>(pub &'a mut dyn Write);

impl Write for Escaping<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match std::str::from_utf8(buf) {
            // No secret this process holds is printed, in any encoding a server used.
            Ok(s) => self.0.write_all(escape(&crate::api::redact::scrub(s)).as_bytes())?,
            Err(_) => {
                for &b in buf {
                    if b < 0x20 && b != b'\n' && b != b'\t' || b == 0x7f {
                        write!(self.0, "\\u{b:04x}")?; // i18n-exempt: an escape code
                    } else {
                        self.0.write_all(&[b])?;
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_keeps_lines_and_text() {
        assert_eq!(escape("Beach day\n\t视频"), "Beach day\n\t视频");
        assert_eq!(escape("\u{1b}]0;pwned\u{7}x\r"), "\\u001b]0;pwned\\u0007x\\u000d");
        assert_eq!(escape("a\u{9b}2Jb\u{7f}\u{202e}"), "a\\u009b2Jb\\u007f\\u202e");
        let mut out = Vec::new();
        let (evil, fine) = ("\u{1b}[2J", "ok");
        write!(Escaping(&mut out), "{evil}|{fine}").unwrap();
        Escaping(&mut out).write_all(b"\xff\x1b").unwrap();
        assert_eq!(out, b"\\u001b[2J|ok\xff\\u001b");
    }

    #[test]
    fn json_stays_json() {
        let v = serde_json::json!({"Title": "a\u{85}b\u{202e}c\u{1b}"});
        let raw = serde_json::to_string(&v).unwrap();
        let safe = escape(&raw);
        assert!(!safe.chars().any(is_dangerous), "{safe}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), v);
    }
}
