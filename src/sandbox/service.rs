//! The sandbox's ApsaraVideo VOD service on loopback, which the tests also run against.
//!
//! It checks requests the way the real service does, with its own code (not the client's):
//! required common parameters, the HMAC-SHA1 signature over query and form body (V1), or the
//! ACS3-HMAC-SHA256 `Authorization` header over the canonical request (V3), a ±15 min
//! timestamp window, never-reused nonces, known AccessKeys and STS tokens. It answers with the
//! documented success and error bodies, keeps projects so GetEditingProject reflects
//! submissions, serves a small media library, and can be scripted to throttle, fail, delay,
//! drop the connection, or answer garbage.

mod account;
mod actions;
mod auth;
mod http;
mod projects;

use actions::{Refusal, handle, tiny_png};
pub use actions::{Wanted, parse_match, parse_title_match};
use http::{Request, error_body, pairs, pct, read_request, respond};

use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A scripted misbehaviour, used up by the next request that reaches it.
#[derive(Clone, Debug)]
pub enum Fault {
    /// 400 Throttling.User with `x-acs-retry-after` (ms).
    Throttle { retry_after_ms: u64 },
    /// An error status with a service error body.
    Error { status: u16, code: &'static str },
    /// Wait before handling (the request is still carried out afterwards).
    Delay(Duration),
    /// Read the request, carry it out, then close without answering.
    DropAfterHandling,
    /// Close before handling (nothing is carried out), after reading the request.
    DropBeforeHandling,
    /// 200 with a body that is not JSON.
    Garbage,
    /// 200 whose body is cut short.
    Truncated,
    /// 200 with this JSON body (the request is not carried out).
    Answer(&'static str),
}

/// How the sandbox's productions end, to try each path (VODCUT_SANDBOX_PRODUCE=fail|stay).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Fate {
    /// Produced once its time has passed, as most are.
    #[default]
    Produce,
    /// ProduceFailed once its time has passed, with the error fields of VOD's failure event.
    Fail,
    /// Producing for ever (to try a time-out).
    StayProducing,
}

impl Fate {
    /// The fate a VODCUT_SANDBOX_PRODUCE value names (`fail`, `stay`; anything else: produce).
    pub fn named(text: &str) -> Fate {
        match text.trim() {
            "fail" => Fate::Fail,
            "stay" => Fate::StayProducing,
            _ => Fate::Produce,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Recorded {
    pub action: String,
    pub params: BTreeMap<String, String>,
    /// Whether API parameters came in a form body.
    pub had_body: bool,
    /// Whether the request passed the checks and was carried out.
    pub handled: bool,
    /// "v1" or "v3": how the request was signed.
    pub signature: &'static str,
    /// Every header, names lower-cased.
    pub headers: BTreeMap<String, String>,
}

#[derive(Clone, Debug)]
pub struct StoredProject {
    pub project_id: String,
    pub title: String,
    pub description: String,
    pub timeline: String,
    /// Every video produced from this project, newest last.
    pub media_ids: Vec<String>,
    pub polls: u32,
    pub status: &'static str,
    /// When it was submitted (Unix ms), for a production time in seconds ([`State::produce_time`]).
    pub submitted_ms: u64,
    /// CreationTime and ModifiedTime (Unix ms).
    pub created_ms: u64,
    pub modified_ms: u64,
    pub cover_url: String,
}

#[derive(Clone, Debug)]
pub struct Media {
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    pub duration: f64,
    pub status: &'static str,
}

#[derive(Default)]
pub struct State {
    /// AccessKeyId -> (secret, STS token).
    pub keys: HashMap<String, (String, Option<String>)>,
    pub nonces: HashSet<String>,
    pub faults: VecDeque<Fault>,
    /// Faults for the next request of one action only, before those of `faults`.
    pub action_faults: Vec<(String, Fault)>,
    pub requests: Vec<Recorded>,
    pub projects: BTreeMap<String, StoredProject>,
    pub media: Vec<Media>,
    /// How productions end (not kept between sessions).
    pub fate: Fate,
    /// GetEditingProject calls that still answer Producing before a project is Produced.
    pub polls_until_produced: u32,
    /// Added to the server's clock (to test timestamp checks).
    pub clock_skew_secs: i64,
    /// Cover images served (to see thumbnail caching work).
    pub cover_requests: u32,
    /// Where cover URLs point (set by `VodServer::start`).
    pub base_url: String,
    /// MediaId -> the AppId it was uploaded to (absent: the default application), for
    /// SearchMedia's `AppId = '…'`. Not kept between sessions.
    pub media_apps: BTreeMap<String, String>,
    /// ProjectId -> material MediaIds, for GetEditingProjectMaterials.
    pub materials: BTreeMap<String, Vec<String>>,
    /// Projects deleted (DeleteEditingProject), so that another process's older copy of the
    /// state does not bring them back when it is merged in.
    pub deleted_projects: HashSet<String>,
    /// Uploads and the loopback OSS endpoint (oss_server.rs).
    pub oss: super::oss::OssState,
    /// Served media (MP4s, images, stills): see media_server.rs.
    pub files: super::media::Files,
    /// A production takes this long (the sandbox); `None`: `polls_until_produced` decides.
    pub produce_time: Option<Duration>,
    /// Drafts each production into a real video (the sandbox, with ffmpeg: `produce.rs`).
    pub producer: Option<super::produce::Producer>,
    /// Productions whose draft is still being made in this process (they stay Producing).
    pub rendering: HashSet<String>,
    /// Where drafted productions are kept (`produce::produced_file`).
    pub produced_dir: Option<std::path::PathBuf>,
    /// The MP4 every finished production plays (tests: a video made as the service would
    /// have made it); `None`: produced videos have no stream.
    pub produced_video: Option<std::path::PathBuf>,
    /// Where the state is written after every change (a sandbox kept between runs).
    pub save_to: Option<std::path::PathBuf>,
    /// The state file's modification time when this process last wrote or read it.
    saved_at: Option<std::time::SystemTime>,
    /// The most requests remembered (a long sandbox session must not grow without bound).
    pub max_requests: usize,
    pub(crate) counter: u64,
}

impl State {
    /// Writes the state where it is kept, if it is (errors are logged: the session goes on).
    pub fn changed(&mut self) {
        let Some(path) = self.save_to.clone() else { return };
        match super::persist::save(self, &path) {
            Ok(()) => self.saved_at = modified(&path),
            Err(e) => log::warn!("sandbox: cannot save its state to {}: {e}", path.display()),
        }
    }

    /// Takes in what another process (the editor, a CLI command) saved since, so that
    /// neither's uploads or productions are lost when this one saves next.
    pub fn sync(&mut self) {
        let Some(path) = self.save_to.clone() else { return };
        let on_disk = modified(&path);
        if on_disk.is_some() && on_disk != self.saved_at {
            if let Err(e) = super::persist::load(self, &path) {
                // Kept aside, not overwritten by the next save: nothing is silently lost.
                let aside = path.with_extension("json.unreadable");
                let _ = std::fs::rename(&path, &aside);
                log::warn!("sandbox: {e}; moved to {}", aside.display());
            }
            self.saved_at = on_disk;
        }
    }
}

fn modified(path: &std::path::Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

pub struct VodServer {
    pub addr: std::net::SocketAddr,
    pub state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
}

pub const KEY_ID: &str = "LTAI5tLoopbackKey001";
pub const KEY_SECRET: &str = "loopback-secret-0123456789";
pub const STS_KEY_ID: &str = "STS.LoopbackTempKey01";
pub const STS_SECRET: &str = "sts-secret-abcdef";
pub const STS_TOKEN: &str = "CAIS/sts+token=value";

impl VodServer {
    /// A server for tests: uploads are stored in a temporary folder removed on drop.
    pub fn start() -> VodServer {
        VodServer::try_start(None).expect("bind loopback")
    }

    /// Listens on loopback ports; uploaded objects go to `oss_dir` (kept), else to a temporary
    /// folder removed on drop.
    pub fn try_start(oss_dir: Option<std::path::PathBuf>) -> std::io::Result<VodServer> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let mut state = State { polls_until_produced: 1, max_requests: 100_000, ..Default::default() };
        state.keys.insert(KEY_ID.into(), (KEY_SECRET.into(), None));
        state.keys.insert(STS_KEY_ID.into(), (STS_SECRET.into(), Some(STS_TOKEN.into())));
        state.base_url = format!("http://{addr}/");
        state.files.url_secret = super::keys::random_hex(16);
        let state = Arc::new(Mutex::new(state));
        super::oss::start(&state, oss_dir)?;
        let stop = Arc::new(AtomicBool::new(false));
        let (st, sp) = (state.clone(), stop.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if sp.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let st = st.clone();
                std::thread::spawn(move || {
                    let _ = serve(conn, &st);
                });
            }
        });
        Ok(VodServer { addr, state, stop })
    }

    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    pub fn fault(&self, f: Fault) {
        self.state.lock().unwrap().faults.push_back(f);
    }

    /// A fault for the next request of `action` (the requests before it are answered).
    pub fn fault_on(&self, action: &str, f: Fault) {
        self.state.lock().unwrap().action_faults.push((action.to_owned(), f));
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.state.lock().unwrap().requests.clone()
    }

    /// Requests of `action` that were carried out.
    pub fn handled(&self, action: &str) -> usize {
        self.requests().iter().filter(|r| r.action == action && r.handled).count()
    }

    pub fn received(&self, action: &str) -> usize {
        self.requests().iter().filter(|r| r.action == action).count()
    }

    /// Adds a media to the library, or replaces the one with that ID.
    pub fn add_media(&self, id: &str, kind: &'static str, title: &str, duration: f64, status: &'static str) {
        let mut st = self.state.lock().unwrap();
        st.media.retain(|m| m.id != id);
        st.media.push(Media { id: id.into(), kind, title: title.into(), duration, status });
    }

    /// Adds an editing project made at `made_ms` (Unix ms) with a produced video, as another
    /// program (or another run) would have made it.
    pub fn add_project(&self, id: &str, title: &str, timeline: &str, made_ms: u64) {
        let project = StoredProject {
            project_id: id.into(),
            title: title.into(),
            description: String::new(),
            timeline: timeline.into(),
            media_ids: Vec::new(),
            polls: 0,
            status: "Produced",
            submitted_ms: made_ms,
            created_ms: made_ms,
            modified_ms: made_ms,
            cover_url: String::new(),
        };
        self.state.lock().unwrap().projects.insert(id.into(), project);
    }

    /// Replaces a stored project's Timeline, as an edit in the VOD console would (the service's
    /// UpdateEditingProject, which the sandbox does not answer yet): tests use it to change a
    /// cloud project behind vodcut's back. False when there is no such project.
    pub fn edit_project_timeline(&self, id: &str, timeline: &str) -> bool {
        let mut st = self.state.lock().unwrap();
        let Some(p) = st.projects.get_mut(id) else { return false };
        p.timeline = timeline.into();
        st.changed();
        true
    }

    /// Forgets the faults not used up yet.
    pub fn clear_faults(&self) {
        let mut st = self.state.lock().unwrap();
        st.faults.clear();
        st.action_faults.clear();
    }
}

impl Drop for VodServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        super::oss::cleanup(&self.state);
    }
}

fn serve(conn: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(10)))?;
    let req = read_request(&conn)?;
    let mut params: BTreeMap<String, String> = pairs(&req.query).into_iter().collect();
    let had_body = !req.body.is_empty();
    if had_body && req.content_type.starts_with("application/x-www-form-urlencoded") {
        params.extend(pairs(&req.body));
    }
    // V3 names the action in a header; V1 in the query.
    let v3 = req.headers.get("authorization").is_some_and(|a| a.starts_with("ACS3-HMAC-SHA256"));
    let action = if v3 {
        req.headers.get("x-acs-action").cloned().unwrap_or_default()
    } else {
        params.get("Action").cloned().unwrap_or_default()
    };
    if req.method == "GET" && super::media::serve(&conn, &req.path, &req.query, req.range.as_deref(), state) {
        return Ok(());
    }
    if req.method == "GET" && req.path.starts_with("/cover/") {
        let png = {
            let mut st = state.lock().unwrap();
            st.cover_requests += 1;
            let id = req.path.trim_start_matches("/cover/").trim_end_matches(".png");
            st.files.covers.get(id).cloned().unwrap_or_else(tiny_png)
        };
        let mut c = &conn;
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            png.len()
        );
        let _ = c.write_all(head.as_bytes());
        let _ = c.write_all(&png);
        return Ok(());
    }
    let (request_id, fault, index) = {
        let mut st = state.lock().unwrap();
        st.counter += 1;
        let id = format!("LOOPBACK-{:04}", st.counter);
        if st.requests.len() >= st.max_requests.max(1) {
            let half = st.requests.len() / 2;
            st.requests.drain(..half.max(1));
        }
        st.requests.push(Recorded {
            action: action.clone(),
            params: params.clone(),
            had_body,
            handled: false,
            signature: if v3 { "v3" } else { "v1" },
            headers: req.headers.clone(),
        });
        let fault = match st.action_faults.iter().position(|(a, _)| *a == action) {
            Some(i) => Some(st.action_faults.remove(i).1),
            None => st.faults.pop_front(),
        };
        (id, fault, st.requests.len() - 1)
    };
    let mut drop_after = false;
    match fault {
        Some(Fault::Throttle { retry_after_ms }) => {
            let body = error_body("Throttling.User", "Request was denied due to user flow control.", &request_id);
            respond(&conn, 400, &body, &[("x-acs-retry-after", retry_after_ms.to_string())]);
            return Ok(());
        }
        Some(Fault::Error { status, code }) => {
            respond(
                &conn,
                status,
                &error_body(code, "The request processing has failed due to some unknown error.", &request_id),
                &[],
            );
            return Ok(());
        }
        Some(Fault::Delay(d)) => std::thread::sleep(d),
        Some(Fault::DropBeforeHandling) => {
            let _ = conn.shutdown(Shutdown::Both);
            return Ok(());
        }
        Some(Fault::DropAfterHandling) => drop_after = true,
        Some(Fault::Garbage) => {
            respond(&conn, 200, "<html><body>502 upstream gone</body></html>", &[]);
            return Ok(());
        }
        Some(Fault::Answer(body)) => {
            respond(&conn, 200, body, &[]);
            return Ok(());
        }
        Some(Fault::Truncated) => {
            let mut c = &conn;
            let _ = c.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"RequestId\":\"x\",\"Med");
            let _ = conn.shutdown(Shutdown::Both);
            return Ok(());
        }
        None => {}
    }
    let checked = if v3 { auth::check_v3(&req, state) } else { auth::check(&req.method, &params, state, &request_id) };
    let (status, body) = match checked {
        Err((status, code, message)) => (status, error_body(code, &message, &request_id)),
        Ok(()) => {
            let mut st = state.lock().unwrap();
            if let Some(r) = st.requests.get_mut(index) {
                r.handled = true;
            }
            st.sync();
            super::oss::advance(&mut st);
            let answer = match handle(&action, &params, &mut st, &request_id) {
                Ok(v) => (200, v.to_string()),
                Err((status, code, message)) => (status, error_body(code, &message, &request_id)),
            };
            st.changed();
            answer
        }
    };
    if drop_after {
        let _ = conn.shutdown(Shutdown::Both);
        return Ok(());
    }
    respond(&conn, status, &body, &[]);
    Ok(())
}
