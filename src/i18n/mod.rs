//! THE MESSAGE CATALOG. Every sentence vodcut shows comes from `locales/<lang>/*.ftl` (Fluent),
//! compiled into the binary, in English (en-US) or Simplified Chinese (zh-CN).
//!
//! The language is process-wide: the editor sets it from its settings (the system's language,
//! as the environment says it, by default) and can change it at any moment; the CLI from
//! `--lang`, else the system's.
//! Lookups are cheap (a hash map per language, built once) and never fail: a key missing from
//! a language falls back to English, and tests check that none is missing.

pub mod clock;
pub mod describe;
pub mod font;
pub mod format;

pub use clock::Clock;

use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};

pub use fluent_templates::fluent_bundle::FluentValue;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-US",
        // No Unicode isolation marks around arguments: they would reach terminals and JSON.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages vodcut speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en-US")]
    En,
    #[serde(rename = "zh-CN")]
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The BCP 47 tag: "en-US", "zh-CN".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language's own name, for the settings ("English", "中文（简体）").
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文（简体）",
        }
    }

    /// A locale as systems and people write it: "zh_CN.UTF-8", "zh-Hans-CN", "zh", "en",
    /// "en_GB", "C". Chinese of any region is shown in Simplified Chinese (the only Chinese
    /// catalog); anything else that is not Chinese is English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        let lang = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        match lang {
            "zh" => Some(Lang::Zh),
            "en" | "c" | "posix" => Some(Lang::En),
            "" => None,
            _ => Some(Lang::En),
        }
    }

    /// Parsed once: the editor looks up hundreds of messages a frame.
    fn id(self) -> &'static LanguageIdentifier {
        static IDS: std::sync::OnceLock<[LanguageIdentifier; 2]> = std::sync::OnceLock::new();
        let ids = IDS.get_or_init(|| Lang::ALL.map(|l| l.code().parse().expect("a valid language tag")));
        &ids[self as usize]
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The language messages are given in now.
pub fn current() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == 1 { Lang::Zh } else { Lang::En }
}

/// Switches every later message to `lang` (the editor's settings, `--lang`).
pub fn set(lang: Lang) {
    CURRENT.store(matches!(lang, Lang::Zh) as u8, Ordering::Relaxed);
}

/// The operating system's language setting (what Windows and macOS users set; on Linux the
/// locale variables, which `core::env::Env` reads first); English when it is not Chinese.
pub fn os_language() -> Lang {
    sys_locale::get_locale().and_then(|l| Lang::from_tag(&l)).unwrap_or_default()
}

/// `--lang X` or `--lang=X` among the program's arguments, read before the arguments are
/// parsed (an unknown value is left for the parser to refuse).
pub fn flag_in_args(args: impl IntoIterator<Item = String>) -> Option<Lang> {
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(v) if v.starts_with('=') => Some(v[1..].to_owned()),
            _ => continue,
        };
        return value.as_deref().and_then(Lang::from_tag);
    }
    None
}

/// The language a window starts in: `--lang` for this run, else the one saved in the
/// settings, else the system's.
pub fn startup(flag: Option<Lang>, saved: Option<Lang>, system: Lang) -> Lang {
    flag.or(saved).unwrap_or(system)
}

/// The message `key` in the current language.
pub fn tr(key: &str) -> String {
    tr_in(current(), key, &[])
}

/// The message `key` with its arguments, in the current language.
pub fn tr_args(key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    tr_in(current(), key, args)
}

/// The message `key` in `lang`.
pub fn tr_in(lang: Lang, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let id = lang.id();
    if args.is_empty() {
        return LOCALES.lookup(id, key);
    }
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> =
        args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.clone())).collect();
    LOCALES.lookup_with_args(id, key, &map)
}

/// Whether `key` exists in `lang` itself (not through the English fallback).
pub fn has_key(lang: Lang, key: &str) -> bool {
    LOCALES.lookup_no_default_fallback::<&str>(lang.id(), key, None).is_some()
}

/// An argument's name as Fluent knows it: `r#type` in Rust is `$type` in the catalog.
pub fn arg_name(name: &'static str) -> &'static str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// `t!("key")`, `t!("key", n = 3, name = title)`: the message in the current language.
/// Arguments are anything Fluent takes: strings (plain text, shown as is) and numbers (which
/// select plural forms; shown without grouping).
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::tr($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args($key, &[$(($crate::i18n::arg_name(stringify!($name)), $crate::i18n::FluentValue::from($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_is_found_before_parsing() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(flag_in_args(args(&["vodcut", "--lang", "zh-CN", "validate", "x"])), Some(Lang::Zh));
        assert_eq!(flag_in_args(args(&["vodcut", "validate", "--lang=en", "x"])), Some(Lang::En));
        assert_eq!(flag_in_args(args(&["vodcut", "validate", "x"])), None);
        assert_eq!(flag_in_args(args(&["vodcut", "--lang"])), None);
    }

    #[test]
    fn locales_as_systems_write_them() {
        for (tag, want) in [
            ("zh_CN.UTF-8", Some(Lang::Zh)),
            ("zh-Hans-CN", Some(Lang::Zh)),
            ("zh_TW", Some(Lang::Zh)),
            ("ZH", Some(Lang::Zh)),
            ("en_US.UTF-8", Some(Lang::En)),
            ("en-GB", Some(Lang::En)),
            ("C", Some(Lang::En)),
            ("C.UTF-8", Some(Lang::En)),
            ("POSIX", Some(Lang::En)),
            ("de_DE.UTF-8", Some(Lang::En)),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), want, "{tag}");
        }
    }

    #[test]
    fn messages_in_both_languages_with_arguments() {
        let args = [("n", FluentValue::from(1)), ("kind", FluentValue::from("video"))];
        assert_eq!(tr_in(Lang::En, "problem-error", &[]), "error");
        assert_eq!(tr_in(Lang::Zh, "problem-error", &[]), "错误");
        let en = tr_in(Lang::En, "place-clip", &args[..1]);
        assert_eq!(en, "clip 1");
        assert_eq!(tr_in(Lang::Zh, "place-clip", &args[..1]), "第 1 个片段");
    }

    #[test]
    fn english_plurals_come_from_the_catalog() {
        let failed = |n: u32| {
            let args = [
                ("path", FluentValue::from("a.mp4")),
                ("what", FluentValue::from("part 3")),
                ("tries", FluentValue::from(n)),
                ("error", FluentValue::from("timeout")),
                ("kept", FluentValue::from("")),
            ];
            (tr_in(Lang::En, "up-oss-failed", &args), tr_in(Lang::Zh, "up-oss-failed", &args))
        };
        assert_eq!(failed(1).0, "a.mp4: part 3 failed after 1 try: timeout.");
        assert_eq!(failed(5).0, "a.mp4: part 3 failed after 5 tries: timeout.");
        assert_eq!(failed(5).1, "a.mp4：part 3在 5 次尝试后失败：timeout。");
    }
}
