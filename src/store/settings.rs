//! The editor's settings in the data folder: where credentials come from, default region,
//! endpoint override, recent files. Never a secret: a secret typed for the session stays in
//! memory only.

use super::atomic::write_atomic;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CredentialChoice {
    /// The ecosystem's chain: environment, aliyun CLI profile, credentials file.
    #[default]
    Automatic,
    /// A named aliyun CLI (or credentials file) profile.
    Profile(String),
    /// Typed into the editor; kept in memory for this session only.
    Session,
}

pub const MAX_RECENT: usize = 10;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub credentials: CredentialChoice,
    /// Region for new projects; empty: the credentials' region, else cn-shanghai.
    pub default_region: String,
    /// Endpoint override (testing, private endpoints); empty: the region's.
    pub endpoint: String,
    pub allow_insecure_http: bool,
    /// How requests are signed (V1 unless the user picks V3).
    pub signature: crate::api::sign::SignatureVersion,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The ffmpeg program for exact frames; empty: `ffmpeg` on PATH.
    pub ffmpeg_path: String,
    /// Memory for decoded frames, MB; 0: the default (256).
    pub frame_memory_mb: u32,
    /// Keys typed for the session are also kept in the system keychain (never in this file).
    pub remember_keys: bool,
    /// The log file's level ("error" … "trace"); empty: info. `RUST_LOG` wins when set.
    pub log_level: String,
    /// The editor's language; None: the system's (LC_ALL/LANG, the OS setting). A value this
    /// version does not know (a hand edit, a newer vodcut's) reads as None rather than
    /// making the whole file unreadable.
    #[serde(deserialize_with = "lenient_language")]
    pub language: Option<crate::i18n::Lang>,
    /// Sound playback (issue 22).
    pub sound: SoundSettings,
}

/// How the editor plays sound.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SoundSettings {
    /// The output device's name; empty: the system's default.
    pub device: String,
    /// Short snippets while the playhead is dragged (on by default, as in Premiere).
    pub scrub: bool,
    /// Steps of a fade or a ducking ramp (VOD has no fade: a staircase of Volume effects).
    pub fade_steps: u32,
}

impl Default for SoundSettings {
    fn default() -> Self {
        SoundSettings { device: String::new(), scrub: true, fade_steps: crate::sound::fades::DEFAULT_STEPS }
    }
}

fn lenient_language<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<crate::i18n::Lang>, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(v).ok())
}

impl Settings {
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join("settings.json")
    }

    /// Reads the settings; a missing or broken file gives the defaults (and says why).
    pub fn load(data_dir: &Path) -> (Settings, Option<String>) {
        let path = Settings::path(data_dir);
        match std::fs::read(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Settings::default(), None),
            Err(e) => (Settings::default(), Some(unreadable(&path, e.to_string()))),
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(s) => (s, None),
                Err(e) => (Settings::default(), Some(unreadable(&path, e.to_string()))),
            },
        }
    }

    pub fn save(&self, data_dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(data_dir)?;
        let bytes = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        write_atomic(&Settings::path(data_dir), &bytes, false)
    }

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }
}

/// Why the settings file was not used, in the current language.
fn unreadable(path: &Path, error: String) -> String {
    crate::t!("core-settings-unreadable", path = path.display().to_string(), error = error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_recent_and_broken_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Settings {
            credentials: CredentialChoice::Profile("work".into()),
            signature: crate::api::sign::SignatureVersion::V3,
            ..Default::default()
        };
        for i in 0..12 {
            s.remember(Path::new(&format!("/p/{i}.vodcut")));
        }
        s.remember(Path::new("/p/3.vodcut"));
        assert_eq!(s.recent.len(), MAX_RECENT);
        assert_eq!(s.recent[0], Path::new("/p/3.vodcut"));
        s.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()), (s, None));
        std::fs::write(Settings::path(dir.path()), "{oops").unwrap();
        let (d, why) = Settings::load(dir.path());
        assert_eq!(d, Settings::default());
        assert!(why.unwrap().contains("using defaults"));
    }

    #[test]
    fn the_language_is_kept_and_an_unknown_one_loses_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let s = Settings { language: Some(crate::i18n::Lang::Zh), ..Default::default() };
        s.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()).0.language, Some(crate::i18n::Lang::Zh));
        let text = r#"{"language": "zh-TW", "default_region": "cn-beijing", "recent": ["/p/a.vodcut"]}"#;
        std::fs::write(Settings::path(dir.path()), text).unwrap();
        let (s, why) = Settings::load(dir.path());
        assert_eq!((s.language, why), (None, None), "an unknown language is the system's");
        assert_eq!((s.default_region.as_str(), s.recent.len()), ("cn-beijing", 1), "nothing else is lost");
    }
}
