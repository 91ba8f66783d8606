//! Subtitle files as text: the encodings .srt files come in (UTF-8 with or without a BOM,
//! UTF-16 with a BOM or, told by its zero bytes, without; GBK/GB18030, the common one for
//! Chinese files), detected or named.

use super::SubError;
use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// The text of `bytes`, and the encoding it was read in. `label` names the encoding
/// (`--encoding gbk`, any WHATWG label); without it the encoding is detected: a BOM, else
/// UTF-8 when the bytes are valid UTF-8, else UTF-16 when every other byte of the start is
/// zero, else GB18030 (which reads GBK and GB2312 too). Bytes the encoding cannot read are an
/// error naming their line, never replaced silently.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<(String, &'static Encoding), SubError> {
    let encoding = match label {
        Some(l) => Encoding::for_label(l.trim().as_bytes()).ok_or_else(|| SubError::UnknownEncoding(l.to_owned()))?,
        None => detect(bytes),
    };
    // A BOM of the file's own encoding is dropped; another encoding's BOM is not sniffed
    // when the user named one.
    let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
    if had_errors {
        let line = text.find('\u{FFFD}').map_or(1, |i| text[..i].matches('\n').count() + 1);
        return Err(SubError::BadBytes { encoding: encoding.name(), line });
    }
    Ok((text.into_owned(), encoding))
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((e, _)) = Encoding::for_bom(bytes) {
        return e;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    let zeros = |odd: usize| head.iter().skip(odd).step_by(2).filter(|b| **b == 0).count();
    let pairs = head.len() / 2;
    if pairs > 0 && zeros(1) * 4 > pairs * 3 {
        return UTF_16LE;
    }
    if pairs > 0 && zeros(0) * 4 > pairs * 3 {
        return UTF_16BE;
    }
    GB18030
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_detected() {
        let text = "1\n00:00:01,000 --> 00:00:02,000\n你好，世界\n";
        assert_eq!(decode(text.as_bytes(), None).unwrap(), (text.to_owned(), UTF_8));
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&bom, None).unwrap().0, text, "the BOM is dropped");
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(&gbk, None).unwrap(), (text.to_owned(), GB18030));
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&utf16, None).unwrap(), (text.to_owned(), UTF_16LE), "no BOM: told by the zeros");
        let utf16be: Vec<u8> = [0xFEFFu16].into_iter().chain(text.encode_utf16()).flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&utf16be, None).unwrap(), (text.to_owned(), UTF_16BE));
        assert_eq!(decode(&gbk, Some("gbk")).unwrap().0, text, "named");
    }

    #[test]
    fn unreadable_bytes_name_their_line_and_unknown_encodings_are_refused() {
        let bad = b"1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 --> 00:00:04,000\n\xFF\xFF\n";
        assert_eq!(decode(bad, Some("utf-8")), Err(SubError::BadBytes { encoding: "UTF-8", line: 7 }));
        assert_eq!(decode(b"x", Some("klingon")), Err(SubError::UnknownEncoding("klingon".into())));
    }
}
