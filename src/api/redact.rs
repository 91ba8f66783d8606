//! Secrets out of text, in whatever form a server or a library wrote them.
//!
//! A value (an AccessKey secret or ID, an STS token, a request signature, temporary upload
//! credentials) can come back in an answer written as is, percent-encoded (once or twice, any
//! hex case, `+` for a space), JSON-escaped (`\/`, `\u00XX`), XML/HTML-escaped (`&#47;`,
//! `&amp;`), any mix of those character by character, or inside Base64 (a quoted UploadAuth,
//! a string-to-sign). [`replace_forms`] finds all of them on the raw text; callers that parse
//! a body also scrub the decoded values, so a form no rule here foresaw is caught once
//! decoded.
//!
//! Besides the scrubbing each request does with its own values, the secrets this process
//! holds are remembered ([`remember`], a bounded list) and every output scrubs them
//! ([`scrub`]): the command line's stdout and stderr, the log file, crash reports and job
//! records.

use base64::Engine as _;
use std::borrow::Cow;
use std::sync::Mutex;

/// Values shorter than this are never looked for: they would match ordinary text.
pub const MIN_LEN: usize = 4;
/// Values shorter than this are not remembered for every output (see [`remember`]).
pub const MIN_REMEMBERED: usize = 8;
/// How many values are remembered (the newest win).
const REMEMBERED: usize = 64;

/// `text` with every occurrence of `value`, in any of the forms described above, replaced by
/// `with`. Values shorter than [`MIN_LEN`] bytes are left.
pub fn replace_forms(text: &str, value: &str, with: &str) -> String {
    if value.len() < MIN_LEN {
        return text.to_owned();
    }
    let mut out = replace_encoded(text.as_bytes(), value.as_bytes(), with.as_bytes());
    for core in base64_cores(value.as_bytes()) {
        out = replace_encoded(&out, core.as_bytes(), with.as_bytes());
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The parts of `value`'s Base64 that do not depend on what surrounds it: for each of the
/// three alignments a value can have inside a longer Base64 text, standard and URL-safe.
/// Only cores of 8 characters or more (shorter ones would match ordinary text).
fn base64_cores(value: &[u8]) -> Vec<String> {
    let mut cores = Vec::new();
    for k in 0..3usize {
        let mut data = vec![0u8; k];
        data.extend_from_slice(value);
        // Characters carrying only the value's bits: from the first whole 6-bit group after
        // the k padding bytes to the last whole one inside the value.
        let (first, end) = ((8 * k).div_ceil(6), 8 * (k + value.len()) / 6);
        if end <= first || end - first < 8 {
            continue;
        }
        for engine in
            [&base64::engine::general_purpose::STANDARD_NO_PAD, &base64::engine::general_purpose::URL_SAFE_NO_PAD]
        {
            let text = engine.encode(&data);
            if let Some(core) = text.get(first..end)
                && !cores.iter().any(|c| c == core)
            {
                cores.push(core.to_owned());
            }
        }
    }
    cores
}

fn replace_encoded(text: &[u8], value: &[u8], with: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < text.len() {
        if may_start(text[i], value[0])
            && let Some(end) = match_at(text, i, value)
        {
            out.extend_from_slice(&text[copied..i]);
            out.extend_from_slice(with);
            i = end;
            copied = end;
            continue;
        }
        i += 1;
    }
    out.extend_from_slice(&text[copied..]);
    out
}

/// Whether text byte `t` can begin some form of value byte `v`.
fn may_start(t: u8, v: u8) -> bool {
    t == v || matches!(t, b'%' | b'\\' | b'&') || (t == b'+' && v == b' ')
}

/// Where a form of `value` that starts at `text[at]` ends. Each byte of the value may be
/// written in any form; a failed path is remembered, so ambiguous text (`%25` is `%` or an
/// encoded `%`) costs at most one visit per (byte, position).
fn match_at(text: &[u8], at: usize, value: &[u8]) -> Option<usize> {
    let mut failed: Vec<(usize, usize)> = Vec::new();
    let mut stack: Vec<(usize, usize)> = vec![(0, at)];
    while let Some((j, p)) = stack.pop() {
        if j == value.len() {
            return Some(p);
        }
        if failed.contains(&(j, p)) {
            continue;
        }
        failed.push((j, p));
        for len in forms_of(value[j], &text[p..]) {
            stack.push((j + 1, p + len));
        }
        if failed.len() > 4 * value.len() + 64 {
            // Pathological text: give up on this start (the value is then not found here;
            // scrubbing the decoded text still catches it).
            return None;
        }
    }
    None
}

/// The lengths of the forms of byte `b` that `rest` starts with.
fn forms_of(b: u8, rest: &[u8]) -> Vec<usize> {
    let mut lens = Vec::with_capacity(2);
    let Some(&first) = rest.first() else { return lens };
    if first == b {
        lens.push(1);
    }
    match first {
        b'%' => {
            if hex_byte(rest.get(1..3)) == Some(b) {
                lens.push(3);
            }
            // Encoded twice: `%25` + two hex digits.
            if rest.get(1..3).is_some_and(|h| h == b"25") && hex_byte(rest.get(3..5)) == Some(b) {
                lens.push(5);
            }
        }
        b'\\' => {
            let esc = rest.get(1).copied();
            if esc == Some(b'u')
                && rest.get(2..4).is_some_and(|h| h == b"00")
                && b < 0x80
                && hex_byte(rest.get(4..6)) == Some(b)
            {
                lens.push(6);
            }
            if esc == Some(b'x') && hex_byte(rest.get(2..4)) == Some(b) {
                lens.push(4);
            }
            if matches!((esc, b), (Some(b'/'), b'/') | (Some(b'\\'), b'\\') | (Some(b'"'), b'"')) {
                lens.push(2);
            }
        }
        b'&' => {
            if let Some(len) = entity(rest, b) {
                lens.push(len);
            }
        }
        b'+' if b == b' ' => lens.push(1),
        _ => {}
    }
    lens
}

fn hex_byte(h: Option<&[u8]>) -> Option<u8> {
    let h = h?;
    let s = std::str::from_utf8(h).ok()?;
    if s.len() != 2 {
        return None;
    }
    u8::from_str_radix(s, 16).ok()
}

/// The length of an XML/HTML character reference for `b` at the start of `rest`.
fn entity(rest: &[u8], b: u8) -> Option<usize> {
    let end = rest.iter().take(10).position(|&c| c == b';')?;
    let name = std::str::from_utf8(&rest[1..end]).ok()?;
    let decoded = match name {
        "amp" => b'&',
        "lt" => b'<',
        "gt" => b'>',
        "quot" => b'"',
        "apos" => b'\'',
        n if n.starts_with("#x") || n.starts_with("#X") => u8::try_from(u32::from_str_radix(&n[2..], 16).ok()?).ok()?,
        n if n.starts_with('#') => u8::try_from(n[1..].parse::<u32>().ok()?).ok()?,
        _ => return None,
    };
    (decoded == b && b < 0x80).then_some(end + 1)
}

static KNOWN: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Remembers a secret this process holds, so that every output scrubs it. Values shorter
/// than [`MIN_REMEMBERED`] are not (test keys like "secret" would blank ordinary words).
pub fn remember(value: &str) {
    if value.len() < MIN_REMEMBERED {
        return;
    }
    let mut known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(i) = known.iter().position(|v| v == value) {
        let v = known.remove(i);
        known.push(v);
        return;
    }
    if known.len() >= REMEMBERED {
        known.remove(0);
    }
    known.push(value.to_owned());
}

/// `text` without any remembered secret (each replaced by `***`).
pub fn scrub(text: &str) -> Cow<'_, str> {
    // Also while panicking (crash reports): a poisoned lock still holds good values.
    let known = KNOWN.lock().unwrap_or_else(|e| e.into_inner()).clone();
    if known.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = Cow::Borrowed(text);
    for v in &known {
        let replaced = replace_forms(&out, v, "***");
        if replaced != *out {
            out = Cow::Owned(replaced);
        }
    }
    out
}

/// Every string in `v` (not the keys) with `f` applied: for answers whose decoded text must
/// be scrubbed too.
pub fn scrub_json(v: &mut serde_json::Value, f: &dyn Fn(&str) -> String) {
    match v {
        serde_json::Value::String(s) => {
            let clean = f(s);
            if clean != *s {
                *s = clean;
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| scrub_json(x, f)),
        serde_json::Value::Object(o) => o.values_mut().for_each(|x| scrub_json(x, f)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "CAIS/sts+token=value";

    fn gone(text: &str, value: &str) {
        let out = replace_forms(text, value, "***");
        assert!(out.contains("***"), "nothing replaced in {text:?}: {out}");
        assert!(!out.contains(value), "{text:?} -> {out}");
        for encoded in [crate::api::sign::percent_encode(value), json_escaped_all(value)] {
            assert!(!out.contains(&encoded), "{text:?} -> {out}");
        }
    }

    fn json_escaped_all(v: &str) -> String {
        v.bytes().map(|b| format!("\\u{b:04x}")).collect()
    }

    #[test]
    fn every_encoding_and_any_mix_of_them() {
        let pct = crate::api::sign::percent_encode(TOKEN);
        let cases = [
            format!("token {TOKEN} here"),
            format!("{{\"Message\":\"{}\"}}", TOKEN.replace('/', "\\/")),
            format!("{{\"Message\":\"{}\"}}", json_escaped_all(TOKEN)),
            format!("{{\"Message\":\"{}\"}}", json_escaped_all(TOKEN).to_uppercase().replace("\\U", "\\u")),
            format!("q={pct}&x=1"),
            format!("q={}", pct.replace("%2F", "%2f").replace("%2B", "%2b").replace("%3D", "%3d")),
            format!("q={}", crate::api::sign::percent_encode(&pct)),
            "<Message>CAIS&#47;sts&#x2B;token&#61;value</Message>".to_owned(),
            // Mixed: a JSON escape, a percent escape and plain characters in one.
            "CAIS\\/sts%2Btoken\\u003dvalue".to_owned(),
        ];
        for c in &cases {
            gone(c, TOKEN);
        }
        // A space as `+` (form encoding).
        assert_eq!(replace_forms("a+secret+value!", "a secret value", "***"), "***!");
    }

    #[test]
    fn base64_at_every_alignment_and_alphabet() {
        let secret = "sts-secret-abcdef-0123456789";
        for prefix in ["", "x", "xy", "xyz"] {
            let json = format!("{{\"{prefix}AccessKeySecret\":\"{secret}\",\"Expire\":\"soon\"}}");
            for engine in [&base64::engine::general_purpose::STANDARD, &base64::engine::general_purpose::URL_SAFE] {
                let b64 = engine.encode(json.as_bytes());
                let out = replace_forms(&format!("UploadAuth={b64}"), secret, "***");
                assert!(out.contains("***"), "{prefix:?}: {out}");
                // What is left cannot be decoded back to the secret.
                let rest = out.replace("***", "");
                assert!(!rest.contains(&b64), "{out}");
            }
        }
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        let text = "Beach day 100% {\"a\":\"b\\/c\"} &amp; more + less";
        assert_eq!(replace_forms(text, "not-in-there-at-all", "***"), text);
        assert_eq!(replace_forms(text, "abc", "***"), text, "short values are never looked for");
        // Pathological input does not take long.
        let evil = "%25".repeat(20_000);
        let t = std::time::Instant::now();
        let _ = replace_forms(&evil, "%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%", "***");
        assert!(t.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn remembered_secrets_are_scrubbed_from_every_output() {
        remember("remembered-secret-for-redact-test");
        remember("short");
        let out = scrub("a remembered%2Dsecret-for-redact-test and short");
        assert_eq!(out, "a *** and short");
    }

    #[test]
    fn decoded_json_strings_are_scrubbed() {
        let mut v = serde_json::json!({"Message": "token CAIS/sts+token=value", "List": [{"T": TOKEN}], "N": 3});
        scrub_json(&mut v, &|s| replace_forms(s, TOKEN, "***"));
        assert_eq!(v, serde_json::json!({"Message": "token ***", "List": [{"T": "***"}], "N": 3}));
    }
}
