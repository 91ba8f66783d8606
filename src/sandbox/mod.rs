//! THE SANDBOX: an ApsaraVideo VOD service on this machine, so vodcut can be tried whole
//! without an Alibaba Cloud account (`vodcut --sandbox`, Help > Try the sandbox), and the
//! service the tests run against.
//!
//! [`Sandbox::start`] listens on loopback ports (the VOD API in `service`, OSS uploads in
//! `oss`, play URLs and covers in `media`), with keys of its own (`keys`), a seeded library (`seed`:
//! videos, audio and images with Chinese and English titles, covers, and media made with
//! ffmpeg where it is installed), uploads that go through a simulated transcode and
//! productions that take a few seconds. Its state is written to its folder after every
//! change (`persist`), so separate CLI commands see the same service.
//!
//! The sandbox supplies an environment (`core::env::Env::in_sandbox` takes its [`Info`]): the
//! endpoint is pinned to it, its keys are the only credentials (environment variables, aliyun
//! profiles and the credentials file are never read), and the data and cache folders are the
//! sandbox's own (its job history, settings, uploads, caches). Nothing asks "is a sandbox on?":
//! what runs in one was handed that environment.
//!
//! Its ports are on 127.0.0.1, which every local user can reach: so the service accepts no
//! public key. Each state folder has a random AccessKey pair of its own (`keys`: made at the
//! first start, kept 0600 in the 0700 `service` folder) and every URL it hands out is signed
//! with a random secret; another user can neither list the library nor upload into it nor
//! read what was uploaded.

mod keys;
pub mod media;
pub mod oss;
mod persist;
pub mod produce;
pub(crate) mod seed;
pub mod service;
pub mod upload_api;

pub use service::VodServer;

use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a production takes in the sandbox, and the transcode of an upload.
pub const PRODUCE_TIME: Duration = Duration::from_secs(5);
pub const TRANSCODE_TIME: Duration = Duration::from_secs(3);

pub(crate) fn now_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

/// What the environment of a sandboxed run takes from the sandbox.
#[derive(Clone, Debug, PartialEq)]
pub struct Info {
    /// The sandbox's VOD endpoint, `http://127.0.0.1:PORT/`.
    pub endpoint: String,
    /// Its folder: `data/` (job history, settings, uploads), `cache/`, `service/`.
    pub dir: PathBuf,
    /// The folder is kept (asked for), not the session's.
    pub kept: bool,
    /// Why the library has no playable media, when ffmpeg was not found.
    pub note: Option<String>,
    /// The folder's own AccessKey pair (the secret's Debug prints `***`).
    pub keys: crate::api::credentials::Credentials,
}

impl Info {
    /// The credentials every request to this sandbox is signed with: its folder's keys.
    pub fn credentials(&self) -> crate::api::credentials::Credentials {
        let mut c = self.keys.clone();
        c.source = crate::api::credentials::Source::Sandbox;
        c
    }
}

pub struct Sandbox {
    server: VodServer,
    info: Info,
}

impl Sandbox {
    /// Starts the service on loopback with its library and earlier state, in `dir` (made if
    /// missing). `ffmpeg` makes the playable media (once; kept in `dir`); without it the
    /// library has covers but nothing to play, and [`Info::note`] says so. `kept`: the folder
    /// is the user's to keep (else it is the session's, and made private to this user).
    pub fn start_in(dir: &Path, kept: bool, ffmpeg: Option<&Path>) -> Result<Sandbox, String> {
        if !kept {
            private_folder(dir)?;
        }
        let service = dir.join("service");
        std::fs::create_dir_all(dir).map_err(|e| cannot_make(dir, e))?;
        // The keys, the state and the uploads: for this user only, whatever the folder is.
        private_folder(&service)?;
        for d in [dir.join("data"), dir.join("cache"), service.join("media")] {
            std::fs::create_dir_all(&d).map_err(|e| cannot_make(&d, e))?;
        }
        let keys = keys::load_or_make(&service)?;
        let server = VodServer::try_start(Some(service.join("oss")))
            .map_err(|e| crate::t!("sandbox-cannot-start", error = e.to_string()))?;
        let note = seed::seed(&server, &service.join("media"), ffmpeg);
        {
            let mut st = server.state.lock().unwrap();
            st.produce_time = Some(PRODUCE_TIME);
            // To try a failed or endless production (docs/cli.md, "Following to the end").
            st.fate = std::env::var("VODCUT_SANDBOX_PRODUCE")
                .map(|v| crate::sandbox::service::Fate::named(&v))
                .unwrap_or_default();
            st.oss.transcode = TRANSCODE_TIME;
            st.oss.media_duration = 10.0;
            // Uploaded audio and video play too, where ffmpeg can read them.
            st.oss.probe_with = ffmpeg.filter(|_| note.is_none()).map(Path::to_owned);
            st.max_requests = 10_000;
            // Productions are drafted into real videos where the media can be read.
            if let Some(ff) = ffmpeg.filter(|_| note.is_none()) {
                let mut creds = keys.clone();
                creds.source = crate::api::credentials::Source::Sandbox;
                st.produced_dir = Some(service.join("media"));
                st.producer = Some(produce::producer(
                    std::sync::Arc::downgrade(&server.state),
                    server.url(),
                    creds,
                    service.join("media"),
                    ff.to_owned(),
                ));
            }
            // Only the folder's keys: the loopback server's public test keys are refused.
            st.keys.clear();
            st.keys.insert(keys.access_key_id.clone(), (keys.secret.expose().to_owned(), None));
            // Read at the first request (and whenever another process saved since).
            st.save_to = Some(service.join("state.json"));
            st.sync();
        }
        let info = Info { endpoint: server.url(), dir: dir.to_owned(), kept, note, keys };
        Ok(Sandbox { server, info })
    }

    pub fn info(&self) -> &Info {
        &self.info
    }

    pub fn endpoint(&self) -> &str {
        &self.info.endpoint
    }

    pub fn server(&self) -> &VodServer {
        &self.server
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
pub fn banner(a: &Info) -> String {
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

/// Finds ffmpeg the way the frame decoder does (the one configured, else PATH), for the seed.
pub fn find_ffmpeg(configured: Option<&Path>) -> Option<PathBuf> {
    crate::media::decode::Ffmpeg::find(configured).ok().map(|f| f.path().to_owned())
}

/// Waits for an ffmpeg that makes `tmp` (at most a minute; then its process group is
/// killed), then renames it to `path`.
pub(crate) fn finish_ffmpeg(mut child: std::process::Child, tmp: &Path, path: &Path) -> Result<(), String> {
    use crate::process::{Ended, Pipe};
    let mut err = Pipe::read(child.stderr.take(), 1 << 16);
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let status = match crate::process::wait(&mut child, deadline, &std::sync::atomic::AtomicBool::new(false)) {
        Ended::Exited(s) => s,
        _ => {
            let _ = std::fs::remove_file(tmp);
            return Err(crate::t!("sandbox-ffmpeg-too-long"));
        }
    };
    if !status.success() {
        crate::process::drain(child.id(), &mut [&mut err], deadline);
        let why = String::from_utf8_lossy(&err.take()).into_owned();
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

    /// A GET on the sandbox's port, as any local user can send: the status code.
    fn get_status(endpoint: &str, path_and_query: &str) -> u16 {
        use std::io::{Read, Write};
        let addr = endpoint.trim_start_matches("http://").trim_end_matches('/');
        let mut c = std::net::TcpStream::connect(addr).unwrap();
        write!(c, "GET {path_and_query} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
        let mut answer = Vec::new();
        let _ = c.read_to_end(&mut answer);
        let head = String::from_utf8_lossy(&answer[..answer.len().min(64)]).into_owned();
        head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0)
    }

    #[test]
    fn another_local_user_gets_nothing_without_the_folders_keys() {
        use crate::api::credentials::Credentials;
        use crate::api::{Client, ClientConfig};
        let dir = tempfile::tempdir().unwrap();
        let s = Sandbox::start_in(dir.path(), true, None).unwrap();
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let client = |c: Credentials| Client::new(ClientConfig::new(s.endpoint().parse().unwrap()), c).unwrap();
        // The public keys every copy of vodcut knows (the old demo keys): refused.
        let public = client(Credentials::session(service::KEY_ID, service::KEY_SECRET));
        let e = rt.block_on(public.search_media(&Default::default())).unwrap_err().to_string();
        assert!(e.contains("InvalidAccessKeyId"), "{e}");
        // The folder's own keys: kept private, accepted.
        let own = client(s.info().credentials());
        assert_ne!(own.credentials().access_key_id, service::KEY_ID);
        let found = rt.block_on(own.search_media(&Default::default())).unwrap();
        assert!(found.total > 0);
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&dir.path().join("service")), 0o700, "a kept folder's service part too");
            assert_eq!(mode(&dir.path().join("service/keys.json")), 0o600);
        }
        // A second start on the folder (another command) has the same keys.
        let again = Sandbox::start_in(dir.path(), true, None).unwrap();
        assert_eq!(again.info().keys, s.info().keys);
        // URLs are signed with a secret: one handed out works; the counter alone (what the
        // old URLs held), or a forged signature, does not.
        let image = s.server().state.lock().unwrap().files.images.keys().next().unwrap().clone();
        let url = rt.block_on(own.get_image_info(&image)).unwrap().url;
        let path_and_query = &url[s.endpoint().len() - 1..];
        assert_eq!(get_status(s.endpoint(), path_and_query), 200, "{url}");
        let path = path_and_query.split('?').next().unwrap();
        assert_eq!(get_status(s.endpoint(), &format!("{path}?auth_key=0-0-0-00005eed")), 403);
        let forged = format!("{path}?auth_key=0-0-0-{}", "0".repeat(32));
        assert_eq!(get_status(s.endpoint(), &forged), 403);
        let other = path_and_query.replace(&image, "another");
        assert_eq!(get_status(s.endpoint(), &other), 403, "a signature is for its own path");
    }
}
