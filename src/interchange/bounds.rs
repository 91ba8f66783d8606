//! Bounds on what an imported edit may make the readers hold, checked by one cheap pass over
//! the bytes before any parser builds anything: a hostile file is refused with where it
//! crossed the line, instead of growing a tree without end (serde_json's `Value`s of
//! `[0,0,…]` take about 35 times the bytes; roxmltree checks each attribute of an element
//! against every earlier one, so one element with a million attributes would be 5 * 10^11
//! comparisons).
//!
//! The limits are several times any real edit (an hour of Premiere XML is about 200 000 nodes,
//! an hour of OTIO with an editor's metadata on every clip about 200 000 JSON values; none
//! nests deeper than about 30) and keep what a file at the limit makes the readers hold to
//! about 200 MB (measured with `vodcut import`: docs/cli.md, "Bounds").

use super::ReadError;
use crate::t;

/// The largest edit file read (an hour of any of the formats is a few MB; JSON strings are
/// copied out of the text, so an .otio of long strings takes about three times its size).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// JSON values (objects, arrays, strings, numbers, literals) in an `.otio`.
pub const MAX_JSON_VALUES: usize = 1_000_000;
/// Nesting of JSON objects and arrays (below serde_json's own 128, so this message is the one
/// said).
pub const MAX_JSON_DEPTH: usize = 100;
/// XML elements, attributes and runs of text together.
pub const MAX_XML_NODES: usize = 2_000_000;
/// Attributes (namespace declarations included) of one XML element.
pub const MAX_XML_ATTRIBUTES: usize = 256;
/// Nesting of XML elements.
pub const MAX_XML_DEPTH: usize = 256;

/// Where a byte offset is: line and column (in characters), from 1.
fn position(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = 1 + before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count();
    (line, column)
}

fn over(bytes: &[u8], at: usize, what: String) -> ReadError {
    let (line, column) = position(bytes, at);
    ReadError::new(t!("ix-bound", line = line, column = column, what = what))
}

/// Counts the values of a JSON text and how deep it nests. Not a validator (serde_json says
/// what is malformed): only strings are followed exactly, so that brackets inside them do not
/// count.
pub fn check_json(bytes: &[u8]) -> Result<(), ReadError> {
    let (mut depth, mut values) = (0usize, 0usize);
    let mut i = 0;
    // Whether the last thing seen ends a scalar (a number or literal running on).
    let mut in_scalar = false;
    while i < bytes.len() {
        let b = bytes[i];
        let starts_value = match b {
            b'"' => {
                // Skip the string (with its escapes).
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                in_scalar = false;
                count(bytes, start, &mut values)?;
                i += 1;
                continue;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    return Err(over(bytes, i, t!("ix-bound-json-depth", limit = MAX_JSON_DEPTH)));
                }
                true
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                false
            }
            b',' | b':' | b' ' | b'\t' | b'\r' | b'\n' => false,
            _ => !in_scalar,
        };
        in_scalar = !matches!(b, b'{' | b'[' | b'}' | b']' | b',' | b':' | b' ' | b'\t' | b'\r' | b'\n');
        if starts_value {
            count(bytes, i, &mut values)?;
        }
        i += 1;
    }
    Ok(())
}

fn count(bytes: &[u8], at: usize, values: &mut usize) -> Result<(), ReadError> {
    *values += 1;
    if *values > MAX_JSON_VALUES {
        return Err(over(bytes, at, t!("ix-bound-json-values", limit = MAX_JSON_VALUES)));
    }
    Ok(())
}

/// Counts the elements, attributes and text runs of an XML text, the attributes of each
/// element, and how deep elements nest. Comments, CDATA, processing instructions and the
/// DOCTYPE are stepped over (CDATA counts as text); roxmltree says what is malformed.
pub fn check_xml(bytes: &[u8]) -> Result<(), ReadError> {
    let (mut depth, mut nodes) = (0usize, 0usize);
    let mut node = |at: usize| {
        nodes += 1;
        if nodes > MAX_XML_NODES {
            return Err(over(bytes, at, t!("ix-bound-xml-nodes", limit = MAX_XML_NODES)));
        }
        Ok(())
    };
    let find = |from: usize, end: &[u8]| -> usize {
        bytes[from.min(bytes.len())..]
            .windows(end.len())
            .position(|w| w == end)
            .map_or(bytes.len(), |p| from + p + end.len())
    };
    let mut i = 0;
    let mut in_text = false;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            if !in_text && !bytes[i].is_ascii_whitespace() {
                node(i)?;
                in_text = true;
            }
            i += 1;
            continue;
        }
        in_text = false;
        let rest = &bytes[i..];
        if rest.starts_with(b"<!--") {
            i = find(i + 4, b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            node(i)?;
            i = find(i + 9, b"]]>");
        } else if rest.starts_with(b"<?") {
            i = find(i + 2, b"?>");
        } else if rest.starts_with(b"<!") {
            // A DOCTYPE, with its internal subset in brackets.
            let mut j = i + 2;
            let mut brackets = 0i32;
            while j < bytes.len() && !(bytes[j] == b'>' && brackets <= 0) {
                brackets += i32::from(bytes[j] == b'[') - i32::from(bytes[j] == b']');
                j += 1;
            }
            i = j + 1;
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = find(i + 2, b">");
        } else {
            let start = i;
            node(start)?;
            let (mut j, mut attributes, mut quote) = (i + 1, 0usize, None);
            while j < bytes.len() {
                let b = bytes[j];
                match quote {
                    Some(q) if b == q => quote = None,
                    Some(_) => {}
                    None if b == b'"' || b == b'\'' => quote = Some(b),
                    None if b == b'=' => {
                        attributes += 1;
                        if attributes > MAX_XML_ATTRIBUTES {
                            return Err(over(bytes, j, t!("ix-bound-xml-attributes", limit = MAX_XML_ATTRIBUTES)));
                        }
                        node(j)?;
                    }
                    None if b == b'>' => break,
                    None => {}
                }
                j += 1;
            }
            if bytes.get(j.wrapping_sub(1)) != Some(&b'/') {
                depth += 1;
                if depth > MAX_XML_DEPTH {
                    return Err(over(bytes, start, t!("ix-bound-xml-depth", limit = MAX_XML_DEPTH)));
                }
            }
            i = j + 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_json_passes_and_depth_and_values_are_counted() {
        assert!(check_json(br#"{"a": [1, -2.5e3, true, null, "x]]]{{{\"", {}], "b": {"c": []}}"#).is_ok());
        let deep = "[".repeat(MAX_JSON_DEPTH) + &"]".repeat(MAX_JSON_DEPTH);
        assert!(check_json(deep.as_bytes()).is_ok());
        let deeper = format!("{{\"a\":\n  {}", "[".repeat(MAX_JSON_DEPTH));
        let e = check_json(deeper.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("line 2, column 102") && e.contains("100"), "{e}");
        // Brackets inside strings are text.
        let quoted = format!("[\"{}\"]", "[".repeat(1000));
        assert!(check_json(quoted.as_bytes()).is_ok());
    }

    #[test]
    fn json_values_past_the_limit_are_refused_where_they_cross_it() {
        let many = format!("[{}0]", "0,".repeat(MAX_JSON_VALUES));
        let e = check_json(many.as_bytes()).unwrap_err().to_string();
        // The array is the first value; the limit is crossed by the last zero.
        assert!(e.contains(&format!("column {}", 2 + 2 * (MAX_JSON_VALUES - 1))), "{e}");
        let at_limit = format!("[{}0]", "0,".repeat(MAX_JSON_VALUES - 2));
        assert!(check_json(at_limit.as_bytes()).is_ok());
    }

    #[test]
    fn xml_attributes_text_and_depth_are_counted() {
        let ok = br#"<?xml version="1.0"?><!DOCTYPE xmeml [ <!-- > --> ]><xmeml a="1" b='>'><!-- <x <y --><![CDATA[<z>]]><v/>t</xmeml>"#;
        assert!(check_xml(ok).is_ok());
        let attrs: String = (0..=MAX_XML_ATTRIBUTES).map(|k| format!(" a{k}=\"{k}\"")).collect();
        let e = check_xml(format!("<xmeml>\n<clip{attrs}/></xmeml>").as_bytes()).unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("256 attributes"), "{e}");
        let deep = "<a>".repeat(MAX_XML_DEPTH + 1);
        let e = check_xml(deep.as_bytes()).unwrap_err().to_string();
        assert!(e.contains(&format!("column {}", 1 + 3 * MAX_XML_DEPTH)), "{e}");
        // Self-closing elements do not nest.
        assert!(check_xml("<a/>".repeat(MAX_XML_DEPTH * 2).as_bytes()).is_ok());
    }
}
