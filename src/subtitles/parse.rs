//! Reading .srt, .vtt and .ass text into cues, each with the line it starts on, so every
//! error names its line.

use super::{Cue, Format, Style, SubError};
use crate::model::Time;

/// The cues of `text` in `format`, in time order, checked: each has a valid time, ends after
/// it starts, has text, and does not overlap the one before it.
pub fn parse(text: &str, format: Format) -> Result<Vec<Cue>, SubError> {
    let mut cues = match format {
        Format::Srt => blocks(text, false)?,
        Format::Vtt => blocks(text, true)?,
        Format::Ass => ass(text)?,
    };
    cues.sort_by_key(|c| (c.start, c.line));
    for w in cues.windows(2) {
        if w[1].start < w[0].end {
            return Err(SubError::Overlap { line: w[1].line, other: w[0].line });
        }
    }
    Ok(cues)
}

/// .srt and .vtt: blocks separated by blank lines; a block is an optional number or name, a
/// timing line `start --> end`, then the text.
fn blocks(text: &str, vtt: bool) -> Result<Vec<Cue>, SubError> {
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end_matches('\r'))).peekable();
    if vtt {
        match lines.next() {
            Some((_, l)) if l.starts_with("WEBVTT") => {}
            _ => return Err(SubError::NotVtt),
        }
    }
    let mut cues = Vec::new();
    while let Some(&(first, _)) = lines.peek() {
        let block: Vec<(usize, &str)> = lines.by_ref().take_while(|(_, l)| !l.trim().is_empty()).collect();
        let Some(&(_, head)) = block.first() else {
            continue;
        };
        // WebVTT's comments, styles and regions are blocks without a cue.
        if vtt && ["NOTE", "STYLE", "REGION"].iter().any(|k| head == *k || head.starts_with(&format!("{k} "))) {
            continue;
        }
        let timing = block.iter().position(|(_, l)| l.contains("-->"));
        let (tline, tt) = match timing {
            Some(i) if i <= 1 => block[i],
            _ => return Err(SubError::NoTiming { line: first }),
        };
        let (start, end) = timing_line(tt, vtt).ok_or(SubError::BadTime { line: tline })?;
        let body: Vec<&str> = block[timing.unwrap_or(0) + 1..].iter().map(|(_, l)| *l).collect();
        let text = strip_tags(&body.join("\n"));
        cues.push(Cue::checked(tline, start, end, text, None)?);
    }
    Ok(cues)
}

/// `00:00:01,500 --> 00:00:03,000` (.vtt: `.` for the comma, hours optional, settings after).
fn timing_line(line: &str, vtt: bool) -> Option<(Time, Time)> {
    let (a, b) = line.split_once("-->")?;
    let b = if vtt { b.split_whitespace().next()? } else { b.trim() };
    Some((clock(a.trim())?, clock(b)?))
}

/// `HH:MM:SS,mmm`, `HH:MM:SS.mmm` or `MM:SS.mmm`; ASS's `H:MM:SS.cc`.
fn clock(text: &str) -> Option<Time> {
    let (hms, frac) = text.split_once([',', '.']).unwrap_or((text, ""));
    let parts: Vec<&str> = hms.split(':').collect();
    let num = |s: &str| -> Option<i64> {
        (!s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    let (h, m, s) = match parts[..] {
        [h, m, s] => (num(h)?, num(m)?, num(s)?),
        [m, s] => (0, num(m)?, num(s)?),
        _ => return None,
    };
    if m >= 60 || s >= 60 || frac.len() > 3 || (!frac.is_empty() && num(frac).is_none()) {
        return None;
    }
    // "5" is half a second, "05" a twentieth: the digits are a decimal fraction.
    let ms = if frac.is_empty() { 0 } else { num(frac)? * 10i64.pow(3 - frac.len() as u32) };
    let t = Time::from_millis(((h * 60 + m) * 60 + s) * 1000 + ms);
    (t <= Time::MAX).then_some(t)
}

/// Text without markup: `<i>`, `<font color=…>` and ASS's `{\b1}` overrides go; ASS's `\N`
/// and `\n` are line breaks and `\h` a space.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut skip: Option<char> = None;
    for c in text.chars() {
        match (skip, c) {
            (Some(end), c) if c == end => skip = None,
            (Some(_), _) => {}
            (None, '<') => skip = Some('>'),
            (None, '{') => skip = Some('}'),
            (None, c) => out.push(c),
        }
    }
    out.replace("\\N", "\n").replace("\\n", "\n").replace("\\h", " ").trim().to_owned()
}

/// .ass / .ssa: the styles of `[V4+ Styles]` and the `Dialogue:` lines of `[Events]`, each
/// read by its section's `Format:` line.
fn ass(text: &str) -> Result<Vec<Cue>, SubError> {
    let mut section = String::new();
    let mut style_format: Vec<String> = Vec::new();
    let mut event_format: Vec<String> = Vec::new();
    let mut styles: Vec<(String, Style)> = Vec::new();
    let mut cues = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.starts_with('[') && line.ends_with(']') {
            section = line.to_ascii_lowercase();
            continue;
        }
        let Some((key, value)) = line.split_once(':') else { continue };
        let fields = |format: &[String]| -> Vec<String> {
            // The last field (Text) may hold commas.
            value.splitn(format.len().max(1), ',').map(|f| f.trim().to_owned()).collect()
        };
        match (section.as_str(), key.trim()) {
            (s, "Format") if s.contains("styles") => style_format = names(value),
            ("[events]", "Format") => event_format = names(value),
            (s, "Style") if s.contains("styles") => {
                let f = fields(&style_format);
                let get = |name: &str| style_format.iter().position(|n| n == name).and_then(|i| f.get(i));
                let name = get("name").cloned().unwrap_or_default();
                styles.push((name, ass_style(&get)));
            }
            ("[events]", "Dialogue") => {
                if event_format.is_empty() {
                    return Err(SubError::NoFormat { line: line_no });
                }
                let f = fields(&event_format);
                let get = |name: &str| event_format.iter().position(|n| n == name).and_then(|i| f.get(i));
                let start = get("start").and_then(|t| clock(t)).ok_or(SubError::BadTime { line: line_no })?;
                let end = get("end").and_then(|t| clock(t)).ok_or(SubError::BadTime { line: line_no })?;
                let text = strip_tags(get("text").map_or("", |s| s.as_str()));
                let wanted = get("style").map(|s| s.trim_start_matches('*'));
                let style = styles.iter().find(|(n, _)| Some(n.as_str()) == wanted).map(|(_, s)| s.clone());
                cues.push(Cue::checked(line_no, start, end, text, style)?);
            }
            _ => {}
        }
    }
    Ok(cues)
}

/// A `Format:` line's field names, lower-cased.
fn names(value: &str) -> Vec<String> {
    value.split(',').map(|n| n.trim().to_ascii_lowercase()).collect()
}

/// The parts of an ASS style VOD has: font, size, colour (with its opacity), bold, italic,
/// underline and alignment (the numeric keypad's 1-9).
fn ass_style<'a>(get: &dyn Fn(&str) -> Option<&'a String>) -> Style {
    let flag = |name: &str| get(name).and_then(|v| v.parse::<i64>().ok()).map(|v| v != 0);
    let colour = get("primarycolour").and_then(|c| ass_colour(c));
    Style {
        font: get("fontname").filter(|f| !f.is_empty()).cloned(),
        size: get("fontsize").and_then(|s| s.parse::<f64>().ok()).filter(|s| *s > 0.0).map(|s| s.round() as i64),
        colour: colour.as_ref().map(|(c, _)| c.clone()),
        opacity: colour.and_then(|(_, o)| o),
        bold: flag("bold"),
        italic: flag("italic"),
        underline: flag("underline"),
        alignment: get("alignment").and_then(|a| a.parse::<usize>().ok()).and_then(|a| {
            let by_key = ["BottomLeft", "BottomCenter", "BottomRight", "CenterLeft", "CenterCenter", "CenterRight"];
            let top = ["TopLeft", "TopCenter", "TopRight"];
            by_key.iter().chain(top.iter()).nth(a.checked_sub(1)?).map(|s| (*s).to_owned())
        }),
    }
}

/// `&HAABBGGRR` (alpha 00 opaque) as `#RRGGBB` and an opacity when not opaque.
fn ass_colour(text: &str) -> Option<(String, Option<f64>)> {
    let hex = text.trim().trim_start_matches("&H").trim_start_matches("&h").trim_end_matches('&');
    let v = u32::from_str_radix(hex, 16).ok()?;
    let [a, b, g, r] = v.to_be_bytes();
    let opacity = (a != 0).then(|| ((255 - a) as f64 / 255.0 * 100.0).round() / 100.0);
    Some((format!("#{r:02X}{g:02X}{b:02X}"), opacity))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_in_each_form() {
        assert_eq!(clock("00:00:01,500"), Some(Time::from_millis(1500)));
        assert_eq!(clock("01:02:03.004"), Some(Time::from_millis(3_723_004)));
        assert_eq!(clock("02:03.5"), Some(Time::from_millis(123_500)));
        assert_eq!(clock("0:00:02.25"), Some(Time::from_millis(2250)), "ASS centiseconds");
        for bad in ["", "1:2:3:4", "00:61:00,000", "00:00:0x,000", "00:00:01,5000", "-1:00:00,000"] {
            assert_eq!(clock(bad), None, "{bad}");
        }
    }

    #[test]
    fn markup_goes_and_line_breaks_stay() {
        assert_eq!(strip_tags("<i>Hello</i>\n<font color=\"#fff\">world</font>"), "Hello\nworld");
        assert_eq!(strip_tags("{\\b1}One{\\b0}\\NTwo\\hthree"), "One\nTwo three");
    }

    #[test]
    fn ass_colours_are_bgr_with_alpha() {
        assert_eq!(ass_colour("&H00FFFFFF"), Some(("#FFFFFF".into(), None)));
        assert_eq!(ass_colour("&H800000FF"), Some(("#FF0000".into(), Some(0.5))));
    }
}
