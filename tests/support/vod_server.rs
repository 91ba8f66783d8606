//! A loopback ApsaraVideo VOD server for tests.
//!
//! It checks requests the way the real service does, with its own code (not the client's):
//! required common parameters, the HMAC-SHA1 signature over query and form body (V1), or the
//! ACS3-HMAC-SHA256 `Authorization` header over the canonical request (V3), a ±15 min
//! timestamp window, never-reused nonces, known AccessKeys and STS tokens. It answers with the
//! documented success and error bodies, keeps projects so GetEditingProject reflects
//! submissions, serves a small media library, and can be scripted to throttle, fail, delay,
//! drop the connection, or answer garbage.
#![allow(dead_code)]

mod auth;

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
    pub requests: Vec<Recorded>,
    pub projects: BTreeMap<String, StoredProject>,
    pub media: Vec<Media>,
    /// GetEditingProject calls that still answer Producing before a project is Produced.
    pub polls_until_produced: u32,
    /// Added to the server's clock (to test timestamp checks).
    pub clock_skew_secs: i64,
    /// Cover images served (to see thumbnail caching work).
    pub cover_requests: u32,
    /// Where cover URLs point (set by `VodServer::start`).
    pub base_url: String,
    /// ProjectId -> material MediaIds, for GetEditingProjectMaterials.
    pub materials: BTreeMap<String, Vec<String>>,
    /// Uploads and the loopback OSS endpoint (oss_server.rs).
    pub oss: super::oss_server::OssState,
    /// Served media (MP4s, images, stills): see media_server.rs.
    pub files: super::media_server::Files,
    counter: u64,
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
    pub fn start() -> VodServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        let mut state = State { polls_until_produced: 1, ..Default::default() };
        state.keys.insert(KEY_ID.into(), (KEY_SECRET.into(), None));
        state.keys.insert(STS_KEY_ID.into(), (STS_SECRET.into(), Some(STS_TOKEN.into())));
        state.base_url = format!("http://{addr}/");
        let state = Arc::new(Mutex::new(state));
        super::oss_server::start(&state);
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
        VodServer { addr, state, stop }
    }

    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    pub fn fault(&self, f: Fault) {
        self.state.lock().unwrap().faults.push_back(f);
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

    pub fn add_media(&self, id: &str, kind: &'static str, title: &str, duration: f64, status: &'static str) {
        self.state.lock().unwrap().media.push(Media { id: id.into(), kind, title: title.into(), duration, status });
    }
}

impl Drop for VodServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        super::oss_server::cleanup(&self.state);
    }
}

struct Request {
    method: String,
    path: String,
    query: String,
    body: String,
    content_type: String,
    /// Lower-cased names; a name given twice keeps its values joined by commas.
    headers: BTreeMap<String, String>,
    range: Option<String>,
}

fn read_request(conn: &TcpStream) -> std::io::Result<Request> {
    let mut r = BufReader::new(conn);
    let mut line = String::new();
    r.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_owned();
    let target = parts.next().unwrap_or("/").to_owned();
    let mut length = 0usize;
    let mut content_type = String::new();
    let mut headers: BTreeMap<String, String> = BTreeMap::new();
    let mut range = None;
    loop {
        let mut h = String::new();
        if r.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers
                .entry(k.trim().to_ascii_lowercase())
                .and_modify(|old| *old = format!("{old},{}", v.trim()))
                .or_insert_with(|| v.trim().to_owned());
            match k.trim().to_ascii_lowercase().as_str() {
                "content-length" => length = v.trim().parse().unwrap_or(0),
                "content-type" => content_type = v.trim().to_owned(),
                "range" => range = Some(v.trim().to_owned()),
                _ => {}
            }
        }
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body)?;
    let query = target.split_once('?').map(|(_, q)| q.to_owned()).unwrap_or_default();
    let path = target.split('?').next().unwrap_or("/").to_owned();
    Ok(Request { method, path, query, body: String::from_utf8_lossy(&body).into_owned(), content_type, headers, range })
}

fn respond(mut conn: &TcpStream, status: u16, body: &str, extra_headers: &[(&str, String)]) {
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in extra_headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = conn.write_all(head.as_bytes());
    let _ = conn.write_all(body.as_bytes());
    let _ = conn.flush();
}

/// Percent-decoding of `application/x-www-form-urlencoded` text.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let hex = (b == b'%' && i + 2 < bytes.len())
            .then(|| std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()))
            .flatten();
        match (b, hex) {
            (_, Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (other, None) => {
                out.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn pairs(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// The signature's percent-encoding, written independently of the client's: a character is
/// kept when it is an RFC 3986 unreserved character, else each UTF-8 byte becomes %XX.
fn pct(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() || "-_.~".contains(ch) {
            out.push(ch);
        } else {
            let mut buf = [0u8; 4];
            for b in ch.encode_utf8(&mut buf).bytes() {
                out += &format!("%{b:02X}");
            }
        }
    }
    out
}

fn error_body(code: &str, message: &str, request_id: &str) -> String {
    json!({"RequestId": request_id, "HostId": "vod.loopback", "Code": code, "Message": message,
           "Recommend": format!("https://api.aliyun.com/troubleshoot?q={code}")})
    .to_string()
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
    if req.method == "GET" && super::media_server::serve(&conn, &req.path, &req.query, req.range.as_deref(), state) {
        return Ok(());
    }
    if req.method == "GET" && req.path.starts_with("/cover/") {
        state.lock().unwrap().cover_requests += 1;
        let png = tiny_png();
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
        st.requests.push(Recorded {
            action: action.clone(),
            params: params.clone(),
            had_body,
            handled: false,
            signature: if v3 { "v3" } else { "v1" },
            headers: req.headers.clone(),
        });
        (id, st.faults.pop_front(), st.requests.len() - 1)
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
            st.requests[index].handled = true;
            match handle(&action, &params, &mut st, &request_id) {
                Ok(v) => (200, v.to_string()),
                Err((status, code, message)) => (status, error_body(code, &message, &request_id)),
            }
        }
    };
    if drop_after {
        let _ = conn.shutdown(Shutdown::Both);
        return Ok(());
    }
    respond(&conn, status, &body, &[]);
    Ok(())
}

type Refusal = (u16, &'static str, String);

fn hex_id(st: &mut State, salt: &str) -> String {
    st.counter += 1;
    format!("{:016x}{:016x}", st.counter.wrapping_mul(0x9E37_79B9_7F4A_7C15), salt.len() as u64 * 7919 + st.counter)
}

fn handle(action: &str, p: &BTreeMap<String, String>, st: &mut State, rid: &str) -> Result<Value, Refusal> {
    let missing = |name: &str| {
        (
            400u16,
            "MissingParameter",
            format!("The input parameter \"{name}\" that is mandatory for processing this request is not supplied."),
        )
    };
    if let Some(answer) = super::media_server::handle(action, p, st, rid) {
        return answer;
    }
    match action {
        "ProduceEditingProjectVideo" => {
            let timeline = p.get("Timeline").cloned();
            if timeline.is_none() && p.get("ProjectId").is_none() {
                return Err((400, "InvalidParameter", "ProjectId and Timeline cannot both be empty.".into()));
            }
            if let Some(t) = &timeline {
                let v: Value = serde_json::from_str(t)
                    .map_err(|e| (400, "InvalidParameter", format!("Timeline is not valid JSON: {e}")))?;
                for track in v["VideoTracks"].as_array().into_iter().flatten() {
                    for clip in track["VideoTrackClips"].as_array().into_iter().flatten() {
                        if clip.get("MediaId").and_then(Value::as_str).is_none_or(str::is_empty) {
                            return Err((
                                400,
                                "InvalidParameter",
                                "The specified parameter \"Timeline.VideoTrackClips.MediaId\" is not valid.".into(),
                            ));
                        }
                    }
                }
            }
            for json_field in ["MediaMetadata", "ProduceConfig", "UserData"] {
                if let Some(v) = p.get(json_field)
                    && serde_json::from_str::<Value>(v).is_err()
                {
                    return Err((
                        400,
                        "InvalidParameter",
                        format!("The specified parameter \"{json_field}\" is not valid JSON."),
                    ));
                }
            }
            let project_id = match p.get("ProjectId") {
                Some(id) if !st.projects.contains_key(id) => {
                    return Err((404, "InvalidProject.NotFound", format!("The project {id} does not exist.")));
                }
                Some(id) => id.clone(),
                None => hex_id(st, "project"),
            };
            let media_id = hex_id(st, "media");
            let existing = st.projects.get(&project_id).cloned();
            let mut media_ids = existing.as_ref().map(|e| e.media_ids.clone()).unwrap_or_default();
            media_ids.push(media_id.clone());
            let project = StoredProject {
                project_id: project_id.clone(),
                title: p.get("Title").cloned().or(existing.as_ref().map(|e| e.title.clone())).unwrap_or_default(),
                description: p.get("Description").cloned().unwrap_or_default(),
                timeline: timeline.or(existing.map(|e| e.timeline)).unwrap_or_default(),
                media_ids,
                polls: 0,
                status: "Producing",
            };
            st.projects.insert(project_id.clone(), project);
            Ok(json!({"RequestId": rid, "MediaId": media_id, "ProjectId": project_id}))
        }
        "GetEditingProject" => {
            let id = p.get("ProjectId").ok_or_else(|| missing("ProjectId"))?;
            let until = st.polls_until_produced;
            let Some(pr) = st.projects.get_mut(id) else {
                return Err((404, "InvalidProject.NotFound", format!("The project {id} does not exist.")));
            };
            pr.polls += 1;
            if pr.polls > until {
                pr.status = "Produced";
            }
            Ok(
                json!({"RequestId": rid, "Project": {"ProjectId": pr.project_id, "Title": pr.title, "Description": pr.description,
                "Timeline": pr.timeline, "Status": pr.status, "RegionId": "cn-shanghai", "CreationTime": "2026-11-24T08:00:00Z",
                "ModifiedTime": "2026-11-24T08:00:00Z", "CoverURL": "", "StorageLocation": "outin-loopback.oss-cn-shanghai.aliyuncs.com"}}),
            )
        }
        "SearchEditingProject" => {
            let list: Vec<Value> = st
                .projects
                .values()
                .map(|pr| json!({"ProjectId": pr.project_id, "Title": pr.title, "Status": pr.status}))
                .collect();
            Ok(json!({"RequestId": rid, "Total": list.len(), "ProjectList": {"Project": list}}))
        }
        "GetVideoInfo" => {
            let id = p.get("VideoId").ok_or_else(|| missing("VideoId"))?;
            video(st, id)
                .map(|v| json!({"RequestId": rid, "Video": v}))
                .ok_or_else(|| (404, "InvalidVideo.NotFound", "The video does not exist.".into()))
        }
        "GetVideoInfos" => {
            let ids = p.get("VideoIds").ok_or_else(|| missing("VideoIds"))?;
            let (mut found, mut missing_ids) = (vec![], vec![]);
            for id in ids.split(',') {
                match video(st, id) {
                    Some(v) => found.push(v),
                    None => missing_ids.push(id.to_owned()),
                }
            }
            Ok(json!({"RequestId": rid, "VideoList": found, "NonExistVideoIds": missing_ids}))
        }
        "GetMezzanineInfo" => {
            let id = p.get("VideoId").ok_or_else(|| missing("VideoId"))?;
            let m = st
                .media
                .iter()
                .find(|m| &m.id == id)
                .ok_or_else(|| (404, "InvalidVideo.NotFound", "The video does not exist.".to_string()))?;
            Ok(
                json!({"RequestId": rid, "Mezzanine": {"VideoId": m.id, "FileName": format!("{}.mp4", m.title), "Duration": m.duration.to_string(),
                "Width": 1920, "Height": 1080, "Fps": "25", "Size": 1_000_000, "Status": "Normal"}}),
            )
        }
        "SearchMedia" => {
            let kind = p.get("SearchType").map(String::as_str).unwrap_or("video").to_owned();
            let wanted =
                match p.get("Match") {
                    None => None,
                    Some(m) => Some(parse_title_match(m).ok_or_else(|| {
                        (400u16, "InvalidParameter", format!("The Match expression {m} is not valid."))
                    })?),
                };
            let page_size: usize = p.get("PageSize").and_then(|v| v.parse().ok()).unwrap_or(10).min(100);
            let page_no: usize = p.get("PageNo").and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
            let matching: Vec<&Media> = st
                .media
                .iter()
                .filter(|m| m.kind == kind)
                .filter(|m| wanted.as_ref().is_none_or(|w| m.title.to_lowercase().contains(&w.to_lowercase())))
                .collect();
            // Deep paging: a ScrollToken is the index of the next item.
            let start = match p.get("ScrollToken") {
                Some(t) => {
                    t.parse::<usize>().map_err(|_| (400u16, "InvalidParameter", "bad ScrollToken".to_string()))?
                }
                None => {
                    if page_no * page_size > 5_000 {
                        return Err((
                            400,
                            "InvalidParameter",
                            "PageNo*PageSize may not exceed 5000; use ScrollToken".into(),
                        ));
                    }
                    (page_no - 1) * page_size
                }
            };
            let base = st.base_url.clone();
            let list: Vec<Value> = matching
                .iter()
                .skip(start)
                .take(page_size)
                .map(|m| {
                    let key = match m.kind {
                        "audio" => "Audio",
                        "image" => "Image",
                        _ => "Video",
                    };
                    json!({"MediaId": m.id, "MediaType": m.kind, "CreationTime": "2026-11-01T00:00:00Z",
                       key: {"Title": m.title, "Duration": m.duration, "Status": m.status, "Size": 1_048_576,
                             "CoverURL": format!("{base}cover/{}.png", m.id)}})
                })
                .collect();
            let next = start + list.len();
            let token = (next < matching.len()).then(|| next.to_string());
            Ok(json!({"RequestId": rid, "Total": matching.len(), "ScrollToken": token, "MediaList": list}))
        }
        "GetEditingProjectMaterials" => {
            let id = p.get("ProjectId").ok_or_else(|| missing("ProjectId"))?;
            let ids = st.materials.get(id).cloned().unwrap_or_default();
            let list: Vec<Value> = st.media.iter().filter(|m| ids.contains(&m.id)).map(|m| json!({
                "MaterialId": m.id, "MaterialType": m.kind, "Title": m.title, "Duration": m.duration, "Status": m.status, "CoverURL": ""
            })).collect();
            Ok(json!({"RequestId": rid, "MaterialList": {"Material": list}}))
        }
        other => super::upload_api::vod_action(other, p, st, rid)
            .unwrap_or_else(|| Err((404, "InvalidAction.NotFound", format!("Specified api {other} is not found")))),
    }
}

/// `Title in ('text')` with `\'` and `\\` escapes (vodcut's quoting): the text searched.
pub fn parse_title_match(m: &str) -> Option<String> {
    let rest = m.trim().strip_prefix("Title in ('")?;
    let mut out = String::new();
    let mut chars = rest.chars();
    loop {
        match chars.next()? {
            '\\' => out.push(chars.next()?),
            '\'' => break,
            c => out.push(c),
        }
    }
    (chars.as_str().trim() == ")").then_some(out)
}

/// A 2x2 PNG, the covers the loopback server serves.
fn tiny_png() -> Vec<u8> {
    vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD, 0xD4, 0x9A, 0x73, 0x00, 0x00, 0x00,
        0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0x5F, 0xA1, 0x01, 0x44, 0x0C, 0x10, 0x0A, 0x00, 0x30,
        0xCE, 0x06, 0x7D, 0xC9, 0xCB, 0x3A, 0xE3, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60,
        0x82,
    ]
}

/// A library video, or a produced one once its project is Produced.
fn video(st: &State, id: &str) -> Option<Value> {
    if let Some(m) = st.media.iter().find(|m| m.id == id) {
        let mut v =
            json!({"VideoId": m.id, "Title": m.title, "Duration": m.duration, "Status": m.status, "CoverURL": ""});
        if let (Some(Value::Object(extra)), Some(obj)) = (super::media_server::video_extras(st, id), v.as_object_mut())
        {
            obj.extend(extra);
        }
        return Some(v);
    }
    let pr = st.projects.values().find(|pr| pr.media_ids.iter().any(|m| m == id) && pr.status == "Produced")?;
    Some(
        json!({"VideoId": id, "Title": pr.title, "Duration": 12.0, "Status": "Normal", "CoverURL": format!("{}cover/{id}.png", st.base_url)}),
    )
}
