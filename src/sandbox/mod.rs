//! THE SANDBOX: an ApsaraVideo VOD service on this machine, so vodcut can be tried whole
//! without an Alibaba Cloud account (`vodcut --sandbox`, Help > Try the sandbox), and the
//! service the tests run against.
//!
//! [`Sandbox::start`] listens on loopback ports (the VOD API in `service`, OSS uploads in
//! `oss`, play URLs and covers in `media`), with fixed demo keys, a seeded library (`seed`:
//! videos, audio and images with Chinese and English titles, covers, and media made with
//! ffmpeg where it is installed), uploads that go through a simulated transcode and
//! productions that take a few seconds. Its state is written to its folder after every
//! change (`persist`), so separate CLI commands see the same service.
//!
//! While a sandbox is [`activate`](Sandbox::activate)d, the whole process talks to it only:
//! the endpoint is pinned to it, the demo keys are the only credentials (environment
//! variables, aliyun profiles and the credentials file are never read), and the data and
//! cache folders are the sandbox's own (its job history, settings, uploads, caches).

pub mod media;
pub mod oss;
mod persist;
pub(crate) mod seed;
pub mod service;
pub mod upload_api;

pub use service::VodServer;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

/// The sandbox's AccessKey pair: fixed, public, and accepted by nothing but the sandbox.
pub const DEMO_KEY_ID: &str = service::KEY_ID;
pub const DEMO_KEY_SECRET: &str = service::KEY_SECRET;

/// How long a production takes in the sandbox, and the transcode of an upload.
pub const PRODUCE_TIME: Duration = Duration::from_secs(5);
pub const TRANSCODE_TIME: Duration = Duration::from_secs(3);

pub(crate) fn now_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

/// What the rest of vodcut needs to know while a sandbox runs in this process.
#[derive(Clone, Debug)]
pub struct Active {
    /// The sandbox's VOD endpoint, `http://127.0.0.1:PORT/`.
    pub endpoint: String,
    /// Its folder: `data/` (job history, settings, uploads), `cache/`, `service/`.
    pub dir: PathBuf,
    /// The folder is kept (asked for), not the session's.
    pub kept: bool,
    /// Why the library has no playable media, when ffmpeg was not found.
    pub note: Option<String>,
}

static ACTIVE: OnceLock<Active> = OnceLock::new();

/// The sandbox this process talks to, if it runs in one.
pub fn active() -> Option<&'static Active> {
    ACTIVE.get()
}

/// The demo credentials (used only against the sandbox's endpoint).
pub fn demo_credentials() -> crate::api::credentials::Credentials {
    let mut c = crate::api::credentials::Credentials::session(DEMO_KEY_ID, DEMO_KEY_SECRET);
    c.source = crate::api::credentials::Source::Sandbox;
    c
}

/// Where the sandbox keeps its state.
///
/// `VODCUT_SANDBOX_DIR` if set; with `keep`, `<data folder>/sandbox` (until deleted); else a
/// folder for this login session (`$XDG_RUNTIME_DIR/vodcut-sandbox`, emptied at logout, else
/// `<temp>/vodcut-sandbox-<user>`), shared by the editor and CLI commands run meanwhile.
pub fn folder(keep: bool) -> Option<(PathBuf, bool)> {
    if let Some(d) = std::env::var_os("VODCUT_SANDBOX_DIR").filter(|d| !d.is_empty()) {
        return Some((PathBuf::from(d), true));
    }
    if keep {
        return crate::store::jobs::data_dir().map(|d| (d.join("sandbox"), true));
    }
    if let Some(run) = std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) {
        return Some((PathBuf::from(run).join("vodcut-sandbox"), false));
    }
    let user = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "user".into());
    let user: String = user.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    Some((std::env::temp_dir().join(format!("vodcut-sandbox-{user}")), false))
}

pub struct Sandbox {
    server: VodServer,
    info: Active,
}

impl Sandbox {
    /// Starts the service on loopback with its library and earlier state, in `dir` (made if
    /// missing). `ffmpeg` makes the playable media (once; kept in `dir`); without it the
    /// library has covers but nothing to play, and [`Active::note`] says so.
    pub fn start_in(dir: &Path, kept: bool, ffmpeg: Option<&Path>) -> Result<Sandbox, String> {
        if !kept {
            private_folder(dir)?;
        }
        let service = dir.join("service");
        for d in [dir.join("data"), dir.join("cache"), service.join("media")] {
            std::fs::create_dir_all(&d).map_err(|e| cannot_make(&d, e))?;
        }
        let server = VodServer::try_start(Some(service.join("oss")))
            .map_err(|e| crate::t!("sandbox-cannot-start", error = e.to_string()))?;
        let note = seed::seed(&server, &service.join("media"), ffmpeg);
        {
            let mut st = server.state.lock().unwrap();
            st.produce_time = Some(PRODUCE_TIME);
            st.oss.transcode = TRANSCODE_TIME;
            st.oss.media_duration = 10.0;
            // Uploaded audio and video play too, where ffmpeg can read them.
            st.oss.probe_with = ffmpeg.filter(|_| note.is_none()).map(Path::to_owned);
            st.max_requests = 10_000;
            // Read at the first request (and whenever another process saved since).
            st.save_to = Some(service.join("state.json"));
            st.sync();
        }
        let info = Active { endpoint: server.url(), dir: dir.to_owned(), kept, note };
        Ok(Sandbox { server, info })
    }

    /// [`start_in`](Self::start_in) the folder [`folder`] picks.
    pub fn start(keep: bool, ffmpeg: Option<&Path>) -> Result<Sandbox, String> {
        let (dir, kept) = folder(keep).ok_or_else(|| crate::t!("sandbox-no-folder"))?;
        Sandbox::start_in(&dir, kept, ffmpeg)
    }

    pub fn info(&self) -> &Active {
        &self.info
    }

    pub fn endpoint(&self) -> &str {
        &self.info.endpoint
    }

    pub fn server(&self) -> &VodServer {
        &self.server
    }

    /// Makes this process talk to this sandbox only (endpoint, credentials, folders). Once per
    /// process: a second call is refused.
    pub fn activate(&self) -> Result<(), String> {
        ACTIVE.set(self.info.clone()).map_err(|_| crate::t!("sandbox-already-active"))
    }
}

/// The session folder may be in the shared temporary folder: it must be this user's own,
/// readable by no one else (another user could have made it first, to watch or feed it).
fn private_folder(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| cannot_make(dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let m = std::fs::symlink_metadata(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        // SAFETY: geteuid has no preconditions.
        let me = unsafe { libc::geteuid() };
        if !m.is_dir() || m.uid() != me {
            return Err(crate::t!("sandbox-not-yours", folder = dir.display().to_string()));
        }
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    Ok(())
}

fn cannot_make(dir: &Path, e: std::io::Error) -> String {
    crate::t!("sandbox-cannot-make-folder", folder = dir.display().to_string(), error = e.to_string())
}

/// A line for people: where the sandbox runs and that nothing leaves the machine.
pub fn banner(a: &Active) -> String {
    let (endpoint, folder) = (a.endpoint.as_str(), a.dir.display().to_string());
    let mut s = if a.kept {
        crate::t!("sandbox-banner-kept", endpoint = endpoint, folder = folder)
    } else {
        crate::t!("sandbox-banner-session", endpoint = endpoint, folder = folder)
    };
    if let Some(n) = &a.note {
        s += &format!("\n({n})");
    }
    s
}

/// Finds ffmpeg the way the frame decoder does (`VODCUT_FFMPEG`, else PATH), for the seed.
pub fn find_ffmpeg(configured: Option<&Path>) -> Option<PathBuf> {
    let env = std::env::var_os("VODCUT_FFMPEG").filter(|v| !v.is_empty()).map(PathBuf::from);
    let configured = configured.map(Path::to_owned).or(env);
    crate::media::decode::Ffmpeg::find(configured.as_deref()).ok().map(|f| f.path().to_owned())
}

/// Waits for an ffmpeg that makes `tmp` (at most a minute), then renames it to `path`.
pub(crate) fn finish_ffmpeg(mut child: std::process::Child, tmp: &Path, path: &Path) -> Result<(), String> {
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if std::time::Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = std::fs::remove_file(tmp);
                return Err(crate::t!("sandbox-ffmpeg-too-long"));
            }
        }
    };
    if !status.success() {
        let mut why = String::new();
        if let Some(mut e) = child.stderr.take() {
            use std::io::Read as _;
            let _ = e.read_to_string(&mut why);
        }
        let _ = std::fs::remove_file(tmp);
        let why: String = why.trim().chars().take(300).collect();
        return Err(crate::t!("sandbox-ffmpeg-failed", status = status.to_string(), output = why));
    }
    std::fs::rename(tmp, path)
        .map_err(|e| crate::t!("sandbox-cannot-keep", file = path.display().to_string(), error = e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_ffmpeg_the_library_is_seeded_with_covers_and_says_why_nothing_plays() {
        let dir = tempfile::tempdir().unwrap();
        let s = Sandbox::start_in(dir.path(), false, None).unwrap();
        let note = s.info().note.clone().unwrap();
        assert!(note.contains("ffmpeg was not found") && note.contains("install ffmpeg"), "{note}");
        assert!(banner(s.info()).contains("nothing is sent to Alibaba Cloud"));
        let st = s.server().state.lock().unwrap();
        let kinds: Vec<&str> = st.media.iter().map(|m| m.kind).collect();
        assert_eq!(kinds.iter().filter(|k| **k == "video").count(), 4);
        assert_eq!(kinds.iter().filter(|k| **k == "audio").count(), 2);
        assert_eq!(kinds.iter().filter(|k| **k == "image").count(), 2);
        assert!(
            st.media.iter().any(|m| m.title.contains("海边")) && st.media.iter().any(|m| m.title.contains("beach"))
        );
        assert!(st.media.iter().all(|m| st.files.covers.contains_key(&m.id)), "every media has a cover");
        assert!(st.files.videos.is_empty(), "nothing to play without ffmpeg");
        assert_eq!(st.files.images.len(), 2, "images are drawn without ffmpeg");
        assert_eq!(st.produce_time, Some(PRODUCE_TIME));
        assert!(dir.path().join("data").is_dir() && dir.path().join("cache").is_dir());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path()).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700, "the session folder is private");
        }
    }

    #[test]
    fn the_session_folder_is_per_user_and_keep_uses_the_data_folder() {
        // Only the shape: the environment is the test runner's.
        let (dir, kept) = folder(true).unwrap();
        assert!(kept);
        if std::env::var_os("VODCUT_SANDBOX_DIR").is_none() {
            assert!(dir.ends_with("sandbox"), "{}", dir.display());
        }
    }
}
