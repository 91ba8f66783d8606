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

/// How long a still (an image) lasts when dropped on a track, unless the settings say: 5 s,
/// Premiere's default still duration.
pub const DEFAULT_STILL: crate::model::Time = crate::model::Time::from_secs(5);

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
    pub signature: crate::model::signature::SignatureVersion,
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
    #[serde(deserialize_with = "lenient")]
    pub language: Option<crate::i18n::Lang>,
    /// How the editor shows times: timecode (the default) or seconds (View > Times in
    /// seconds). An unknown value reads as the default, like the language.
    #[serde(deserialize_with = "lenient")]
    pub time_unit: crate::model::time::TimeUnit,
    /// How long a dropped still lasts; None: [`DEFAULT_STILL`].
    #[serde(deserialize_with = "lenient")]
    pub still_duration: Option<crate::model::Time>,
    /// Sound playback (issue 22).
    pub sound: SoundSettings,
}

/// Steps of a fade or ducking ramp unless the user chose otherwise (`sound::fades` uses it
/// too: the settings are below the sound in the layers).
pub const DEFAULT_FADE_STEPS: u32 = 8;

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
        SoundSettings { device: String::new(), scrub: true, fade_steps: DEFAULT_FADE_STEPS }
    }
}

/// A value this version does not know reads as the default rather than making the whole
/// file unreadable.
fn lenient<'de, D: serde::Deserializer<'de>, T: serde::de::DeserializeOwned + Default>(d: D) -> Result<T, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(v).unwrap_or_default())
}

impl Settings {
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join("settings.json")
    }

    /// Reads the settings; a missing or broken file gives the defaults (and says why).
    pub fn load(data_dir: &Path) -> (Settings, Option<String>) {
        let path = Settings::path(data_dir);
        // Bounded and regular files only: a FIFO or a device here must not hang or fill the
        // editor at start-up.
        match super::input::read_state(&path, super::input::MAX_STATE_BYTES) {
            Ok(None) => (Settings::default(), None),
            Err(e) => (Settings::default(), Some(unreadable(&path, e))),
            Ok(Some(bytes)) => match serde_json::from_slice(&bytes) {
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

    /// How long a dropped still lasts: the setting when it is a usable length (a frame to an
    /// hour), else [`DEFAULT_STILL`].
    pub fn still_duration(&self) -> crate::model::Time {
        use crate::model::Time;
        self.still_duration
            .filter(|d| (Time::from_millis(1)..=Time::from_secs(3600)).contains(d))
            .unwrap_or(DEFAULT_STILL)
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
            signature: crate::model::signature::SignatureVersion::V3,
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
        std::fs::remove_file(Settings::path(dir.path())).unwrap();
        crate::store::atomic::tests::mkfifo(&Settings::path(dir.path()));
        let (d, why) = Settings::load(dir.path());
        assert_eq!(d, Settings::default());
        assert!(why.unwrap().contains("FIFO"), "a FIFO is refused, not waited on");
    }

    #[test]
    fn the_language_is_kept_and_an_unknown_one_loses_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let seconds = crate::model::time::TimeUnit::Seconds;
        let s = Settings { language: Some(crate::i18n::Lang::Zh), time_unit: seconds, ..Default::default() };
        s.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()).0.language, Some(crate::i18n::Lang::Zh));
        assert_eq!(Settings::load(dir.path()).0.time_unit, seconds);
        let text = r#"{"language": "zh-TW", "time_unit": "Frames", "default_region": "cn-beijing", "recent": ["/p/a.vodcut"]}"#;
        std::fs::write(Settings::path(dir.path()), text).unwrap();
        let (s, why) = Settings::load(dir.path());
        assert_eq!((s.language, why), (None, None), "an unknown language is the system's");
        assert_eq!(s.time_unit, crate::model::time::TimeUnit::Timecode, "an unknown unit is timecode");
        assert_eq!((s.default_region.as_str(), s.recent.len()), ("cn-beijing", 1), "nothing else is lost");
    }
}
