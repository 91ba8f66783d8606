//! THE ENVIRONMENT: everything vodcut takes from the machine it runs on, read once.
//!
//! `main` builds one with [`Env::from_process`] (the only code that reads environment
//! variables) and hands it to the face it starts; a sandbox supplies its own
//! ([`Env::in_sandbox`]); tests build one by hand ([`Env::isolated`]) and so share nothing with
//! the machine or each other. Below the core nothing asks a process-wide switch: what a layer
//! needs from here (a folder, an endpoint, credentials) it is given as a parameter.

use crate::api::credentials::{CredentialError, Credentials, Lookup, find};
use crate::i18n::Lang;
use crate::sandbox;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where environment variables come from: the process's own (read when asked, so a variable
/// the credential chain looks for is read only then), or a fixed set (tests).
#[derive(Clone)]
enum Vars {
    Process,
    Fixed(Arc<BTreeMap<String, String>>),
}

impl Vars {
    fn get(&self, name: &str) -> Option<String> {
        let v = match self {
            Vars::Process => std::env::var(name).ok(),
            Vars::Fixed(map) => map.get(name).cloned(),
        };
        v.filter(|v| !v.trim().is_empty())
    }
}

/// The machine as vodcut sees it. Cheap to clone; share it as `Arc<Env>` where it is held long.
#[derive(Clone)]
pub struct Env {
    /// vodcut's data folder: job history, settings, upload checkpoints, recovery copies, logs,
    /// crash reports (`VODCUT_DATA_DIR`, else the platform's, e.g. `~/.local/share/vodcut`).
    pub data_dir: Option<PathBuf>,
    /// Caches: covers, frames, filmstrips, waveforms (`VODCUT_CACHE_DIR`, else the platform's).
    pub cache_dir: Option<PathBuf>,
    /// The login session's runtime folder (`XDG_RUNTIME_DIR`): a session sandbox lives there.
    pub runtime_dir: Option<PathBuf>,
    /// The system's temporary folder (the last place a session sandbox can live).
    pub temp_dir: PathBuf,
    /// A sandbox folder the user named (`VODCUT_SANDBOX_DIR`), kept until they delete it.
    pub sandbox_dir: Option<PathBuf>,
    /// An endpoint override for every connection (`VODCUT_ENDPOINT`: tests, private
    /// endpoints); `--endpoint` and the settings' own override come before it.
    pub endpoint: Option<String>,
    /// The ffmpeg program (`VODCUT_FFMPEG`); the settings' choice comes after it.
    pub ffmpeg: Option<PathBuf>,
    /// The system's language: LC_ALL, LC_MESSAGES, LANG (in that order, as POSIX says), else
    /// the OS setting; English when none is set or it is not Chinese.
    pub system_lang: Lang,
    /// The language of this run: `main` picks it (`--lang`, the editor's setting, else the
    /// system's) and sets the catalog to it.
    pub lang: Lang,
    /// `RUST_LOG`: when set, it decides what is logged (the settings' level is ignored).
    pub log_filter: Option<String>,
    /// The user's home folder (the aliyun CLI profile and the credentials file are in it).
    pub home: Option<PathBuf>,
    /// The login name, for a session folder in the shared temporary folder.
    pub user: String,
    /// `VODCUT_AV_LOG`: a file where playback logs its pictures and clock (scripts/e2e-sound.sh).
    pub av_log: Option<PathBuf>,
    /// `VODCUT_TEST_CRASH_AFTER`: the editor panics after this many seconds (scripts/e2e-crash.sh).
    pub crash_after: Option<f64>,
    vars: Vars,
    sandbox: Option<Arc<sandbox::Info>>,
}

/// Never the values of variables (they may hold keys).
impl std::fmt::Debug for Env {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Env") // i18n-exempt: a type's name
            .field("data_dir", &self.data_dir)
            .field("cache_dir", &self.cache_dir)
            .field("endpoint", &self.endpoint)
            .field("sandbox", &self.sandbox.as_ref().map(|s| &s.endpoint))
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// A variable's value as a folder, when it names one.
fn folder_var(vars: &Vars, name: &str) -> Option<PathBuf> {
    vars.get(name).map(PathBuf::from)
}

impl Env {
    /// The environment of this process: its variables, the platform's folders, the system's
    /// language. The one place vodcut reads environment variables.
    // i18n-exempt: the names of environment variables
    pub fn from_process() -> Env {
        let vars = Vars::Process;
        // i18n-exempt: the app's qualifier for the platform's folders
        let dirs = directories::ProjectDirs::from("com", "vodcut", "vodcut");
        let user = vars.get("USER").or_else(|| vars.get("USERNAME")).unwrap_or_else(|| "user".into()); // i18n-exempt: variable names and a default login name
        let lang = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| vars.get(v))
            .map(|tag| Lang::from_tag(&tag).unwrap_or_default())
            .unwrap_or_else(crate::i18n::os_language);
        Env {
            data_dir: folder_var(&vars, "VODCUT_DATA_DIR").or_else(|| dirs.as_ref().map(|d| d.data_dir().to_owned())),
            cache_dir: folder_var(&vars, "VODCUT_CACHE_DIR")
                .or_else(|| dirs.as_ref().map(|d| d.cache_dir().to_owned())),
            runtime_dir: folder_var(&vars, "XDG_RUNTIME_DIR"),
            temp_dir: std::env::temp_dir(),
            sandbox_dir: folder_var(&vars, "VODCUT_SANDBOX_DIR"),
            endpoint: vars.get("VODCUT_ENDPOINT"),
            ffmpeg: folder_var(&vars, "VODCUT_FFMPEG"),
            system_lang: lang,
            lang,
            log_filter: vars.get("RUST_LOG"),
            home: directories::BaseDirs::new().map(|b| b.home_dir().to_owned()),
            user,
            av_log: folder_var(&vars, "VODCUT_AV_LOG"),
            crash_after: vars.get("VODCUT_TEST_CRASH_AFTER").and_then(|s| s.trim().parse().ok()),
            vars,
            sandbox: None,
        }
    }

    /// An environment inside `root` and nothing else: data, cache, runtime, temporary and
    /// home folders under it, no variables, English. Tests build theirs with it, then add what
    /// they need ([`Env::with_var`], an endpoint).
    pub fn isolated(root: &Path) -> Env {
        Env {
            data_dir: Some(root.join("data")),
            cache_dir: Some(root.join("cache")),
            runtime_dir: Some(root.join("run")),
            temp_dir: root.join("tmp"),
            sandbox_dir: None,
            endpoint: None,
            ffmpeg: None,
            system_lang: Lang::En,
            lang: Lang::En,
            log_filter: None,
            home: Some(root.join("home")),
            user: "user".into(), // i18n-exempt: a login name
            av_log: None,
            crash_after: None,
            vars: Vars::Fixed(Arc::default()),
            sandbox: None,
        }
    }

    /// This environment with the variable `name` set (for the credential chain: keys, a
    /// profile's name, the config file's place). A process environment becomes a fixed one
    /// holding only the variables set so.
    pub fn with_var(mut self, name: &str, value: &str) -> Env {
        let mut map = match &self.vars {
            Vars::Fixed(m) => (**m).clone(),
            Vars::Process => BTreeMap::new(),
        };
        map.insert(name.to_owned(), value.to_owned());
        self.vars = Vars::Fixed(Arc::new(map));
        self
    }

    /// A variable of the credential chain (`ALIBABA_CLOUD_ACCESS_KEY_ID`…), blank as unset.
    /// In a sandbox, none: real credentials are never read there.
    pub fn var(&self, name: &str) -> Option<String> {
        if self.sandbox.is_some() {
            return None;
        }
        self.vars.get(name)
    }

    /// The environment of a run in `sandbox`: its endpoint, its keys only, its folders. The
    /// language, ffmpeg and the log settings stay.
    pub fn in_sandbox(mut self, sandbox: &sandbox::Info) -> Env {
        self.data_dir = Some(sandbox.dir.join("data"));
        self.cache_dir = Some(sandbox.dir.join("cache"));
        self.endpoint = Some(sandbox.endpoint.clone());
        self.sandbox = Some(Arc::new(sandbox.clone()));
        self
    }

    /// The sandbox this environment talks to, if it is a sandbox's.
    pub fn sandbox(&self) -> Option<&sandbox::Info> {
        self.sandbox.as_deref()
    }

    pub fn is_sandbox(&self) -> bool {
        self.sandbox.is_some()
    }

    /// Where a sandbox keeps its state, and whether that folder is kept: the folder the user
    /// named (`VODCUT_SANDBOX_DIR`); with `keep`, `<data folder>/sandbox` (until deleted); else a
    /// folder for this login session (`<runtime folder>/vodcut-sandbox`, emptied at logout, else
    /// `<temp>/vodcut-sandbox-<user>`), shared by the editor and the commands run meanwhile.
    pub fn sandbox_folder(&self, keep: bool) -> Option<(PathBuf, bool)> {
        if let Some(d) = &self.sandbox_dir {
            return Some((d.clone(), true));
        }
        if keep {
            return self.data_dir.as_ref().map(|d| (d.join("sandbox"), true));
        }
        if let Some(run) = &self.runtime_dir {
            return Some((run.join("vodcut-sandbox"), false));
        }
        let user: String = self.user.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
        Some((self.temp_dir.join(format!("vodcut-sandbox-{user}")), false))
    }

    /// Runs `f` with what the credential chain reads here: these variables and this home, its
    /// files read as state files are (a regular file of at most a few MB: a FIFO or a device
    /// in its place is refused, not waited on or read forever).
    pub fn with_lookup<R>(&self, f: impl FnOnce(&Lookup) -> R) -> R {
        use crate::store::input::{MAX_STATE_BYTES, read_state_text};
        let get = |name: &str| self.var(name);
        let read = |path: &Path| read_state_text(path, MAX_STATE_BYTES);
        let home = if self.sandbox.is_some() { None } else { self.home.clone() };
        f(&Lookup { env: &get, home, read: &read })
    }

    /// Credentials from the chain (environment, aliyun CLI profile, credentials file; only
    /// `profile` when named). In a sandbox, its own keys and nothing else.
    pub fn find_credentials(&self, profile: Option<&str>) -> Result<Credentials, CredentialError> {
        if let Some(s) = &self.sandbox {
            return Ok(s.credentials());
        }
        self.with_lookup(|lookup| find(lookup, profile))
    }

    /// The endpoint nothing overrides: the sandbox's, in a sandbox.
    pub fn pinned_endpoint(&self) -> Option<&str> {
        self.sandbox.as_ref().map(|s| s.endpoint.as_str())
    }

    /// The ffmpeg program: `VODCUT_FFMPEG`, else the one configured (`--ffmpeg`, the
    /// settings), else none (PATH is searched).
    pub fn ffmpeg_or(&self, configured: Option<&Path>) -> Option<PathBuf> {
        self.ffmpeg.clone().or_else(|| configured.map(Path::to_owned))
    }

    /// The job history of this environment (in its data folder), its records scrubbed of every
    /// secret the process holds and marked as the sandbox's when they are.
    pub fn job_store(&self) -> Option<crate::store::jobs::JobStore> {
        self.data_dir.as_deref().map(|d| job_store_in(d, self.is_sandbox()))
    }
}

/// The job history in `data_dir`: records scrubbed of every secret this process holds
/// (`api::redact`), marked as the sandbox's when `sandbox`.
pub fn job_store_in(data_dir: &Path, sandbox: bool) -> crate::store::jobs::JobStore {
    let scrub: crate::store::jobs::Scrub = |text| crate::api::redact::scrub(text).into_owned();
    crate::store::jobs::JobStore::new(data_dir, scrub).in_sandbox(sandbox)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_isolated_environment_is_inside_its_folder_and_reads_no_variable() {
        let root = Path::new("/t/env");
        let env = Env::isolated(root);
        assert_eq!(env.data_dir.as_deref(), Some(root.join("data").as_path()));
        assert_eq!(env.var("PATH"), None, "nothing of the process");
        let env = env.with_var("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI-test").with_var("X", " ");
        assert_eq!(env.var("ALIBABA_CLOUD_ACCESS_KEY_ID").as_deref(), Some("LTAI-test"));
        assert_eq!(env.var("X"), None, "blank is unset");
        assert!(!format!("{env:?}").contains("LTAI-test"), "Debug never shows variables");
    }

    #[test]
    fn the_sandbox_folder_follows_the_variable_then_keep_then_the_session() {
        let root = Path::new("/t/env");
        let mut env = Env::isolated(root);
        assert_eq!(env.sandbox_folder(false), Some((root.join("run/vodcut-sandbox"), false)));
        assert_eq!(env.sandbox_folder(true), Some((root.join("data/sandbox"), true)));
        env.runtime_dir = None;
        env.user = "a/../b c".into();
        assert_eq!(env.sandbox_folder(false), Some((root.join("tmp/vodcut-sandbox-abc"), false)), "one safe name");
        env.sandbox_dir = Some("/elsewhere".into());
        assert_eq!(env.sandbox_folder(false), Some(("/elsewhere".into(), true)));
    }

    #[test]
    fn a_sandbox_supplies_its_folders_endpoint_and_keys_and_hides_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let s = sandbox::Sandbox::start_in(dir.path(), false, None).unwrap();
        let env = Env::isolated(&dir.path().join("env"))
            .with_var("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI-real")
            .with_var("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "real-secret")
            .in_sandbox(s.info());
        assert_eq!(env.data_dir.as_deref(), Some(dir.path().join("data").as_path()));
        assert_eq!(env.cache_dir.as_deref(), Some(dir.path().join("cache").as_path()));
        assert_eq!(env.pinned_endpoint(), Some(s.endpoint()));
        assert_eq!(env.var("ALIBABA_CLOUD_ACCESS_KEY_ID"), None, "real keys are never read in a sandbox");
        let c = env.find_credentials(Some("work")).unwrap();
        assert_eq!(c.access_key_id, s.info().keys.access_key_id);
        assert_eq!(c.source, crate::api::credentials::Source::Sandbox);
        assert!(env.job_store().unwrap().begin("t", None, "r", "e", 0).unwrap().sandbox, "its jobs are marked");
    }
}
