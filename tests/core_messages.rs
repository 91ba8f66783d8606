//! What the core says (file-parse details, timecodes, regions, signatures, credential
//! sources, file kinds) follows the language: whole Chinese sentences, with only names (API
//! fields, paths, values) left as they are. One test, since the language is process-wide.

use std::path::Path;
use vodcut::api::credentials::Source;
use vodcut::api::region::REGIONS;
use vodcut::api::sign::SignatureVersion;
use vodcut::i18n::Clock;
use vodcut::i18n::describe::{region_name, track_kind};
use vodcut::i18n::{self, Lang};
use vodcut::model::project::TrackKind;
use vodcut::model::time::{FrameRate, Time, TimeUnit};
use vodcut::store::project_file::from_bytes;

fn open_error(text: &str) -> String {
    from_bytes(text.as_bytes(), Path::new("p.vodcut")).expect_err("refused").to_string()
}

/// The words of `text` that are English (ASCII letters), names taken out.
fn english_words<'a>(text: &'a str, names: &[&str]) -> Vec<&'a str> {
    text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1 && !names.contains(w)).collect()
}

#[test]
fn the_core_speaks_chinese_when_asked_and_english_by_default() {
    let shape = r#"{"FormatVersion":1,"Tracks":{}}"#;
    let pixels = r#"{"FormatVersion":1,"ProduceConfig":{"Width":-5}}"#;
    let kind = r#"{"FormatVersion":1,"Tracks":[{"Kind":"Vid"}]}"#;
    let twice = r#"{"FormatVersion":1,"Title":"a","Title":"b"}"#;
    let broken = r#"{"FormatVersion":1,"Title":"a" "b"}"#;
    let at25 = Clock::new(FrameRate::from_fps(25.0).unwrap(), TimeUnit::Timecode);
    let in_seconds = Clock::new(FrameRate::FPS_25, TimeUnit::Seconds);
    let t = Time::parse_secs("5.48").unwrap();

    i18n::set(Lang::En);
    assert!(open_error(shape).contains("found an object, expected a list (line 1"), "{}", open_error(shape));
    assert!(open_error(pixels).contains("-5 is negative; expected a whole number of pixels"));
    assert!(open_error(kind).contains("\"Vid\" is not a kind of track; expected one of Video, Audio"));
    assert!(open_error(twice).contains("the key \"Title\" appears twice in this object; keep one"));
    assert!(open_error(broken).contains("not JSON: expected `,` or `}` (line 1"), "{}", open_error(broken));
    assert_eq!(at25.parse("1:2:3:4:5", t).unwrap_err(), "too many parts: hh:mm:ss:ff at most");
    assert_eq!((at25.time(t), in_seconds.time(t)), ("00:00:05:12".into(), "5.48 s".into()));
    assert_eq!(region_name(&REGIONS[0]), "China (Shanghai)");
    assert_eq!(SignatureVersion::V1.describe(), "V1 (HMAC-SHA1, default)");
    assert_eq!(track_kind(TrackKind::Image), "image overlay");
    assert_eq!(Source::Environment.to_string(), "environment variables");

    i18n::set(Lang::Zh);
    let names = [
        "p",
        "vodcut",
        "JSON",
        "Tracks",
        "Kind",
        "Title",
        "ProduceConfig",
        "Width",
        "Vid",
        "Video",
        "Audio",
        "Image",
        "Subtitle",
    ];
    for text in [shape, pixels, kind, twice, broken] {
        let e = open_error(text);
        assert!(english_words(&e, &names).is_empty(), "{e}");
    }
    assert!(open_error(shape).contains("实际是对象，应为列表"), "{}", open_error(shape));
    assert!(open_error(pixels).contains("-5 是负数；应为整数像素值"), "{}", open_error(pixels));
    assert!(open_error(twice).contains("键“Title”出现了两次"), "{}", open_error(twice));
    assert_eq!(at25.parse("1:2:3:4:5", t).unwrap_err(), "部分太多：最多为 hh:mm:ss:ff");
    assert!(at25.parse("soon", t).unwrap_err().starts_with("不是有效的时间：请输入时间码"));
    assert_eq!((at25.time(t), in_seconds.time(t)), ("00:00:05:12".into(), "5.48 秒".into()));
    assert_eq!(region_name(&REGIONS[0]), "华东2（上海）");
    assert_eq!(format!("{} ({})", REGIONS[1].id, region_name(&REGIONS[1])), "cn-beijing (华北2（北京）)");
    assert_eq!(SignatureVersion::V1.describe(), "V1（HMAC-SHA1，默认）");
    assert_eq!(track_kind(TrackKind::Image), "图片叠加");
    assert_eq!(Source::Environment.to_string(), "环境变量");

    // A label taken in one language stays right after switching back.
    i18n::set(Lang::En);
    assert_eq!(track_kind(TrackKind::Image), "image overlay");
}
