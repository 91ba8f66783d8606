#![allow(dead_code)]
//! A hostile HTTP server on loopback: it answers each request as a test script says, in
//! ways no real service would: redirects to another origin, bodies that never end or arrive a
//! byte a second, answers that echo the request's credentials in escaped forms, URLs of the
//! wrong kind. Every request it got is kept (bodies of more than 1 MiB only as a length and
//! an MD5, so huge uploads cost no memory). Included with `#[path]` by the tests that need it.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone, Debug, Default)]
pub struct Request {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// Names lower-cased.
    pub headers: BTreeMap<String, String>,
    /// The body when at most 1 MiB.
    pub body: Vec<u8>,
    pub body_len: u64,
    pub body_md5: [u8; 16],
}

impl Request {
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or("")
    }

    /// A query or form parameter, decoded.
    pub fn param(&self, name: &str) -> Option<String> {
        let query = self.target.split_once('?').map_or("", |(_, q)| q);
        let body = String::from_utf8_lossy(&self.body).into_owned();
        query.split('&').chain(body.split('&')).find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            (decode(k) == name).then(|| decode(v))
        })
    }

    /// The API action (V1 query, or V3 header).
    pub fn action(&self) -> String {
        self.headers.get("x-acs-action").cloned().or_else(|| self.param("Action")).unwrap_or_default()
    }
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                match u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How to answer.
pub enum Reply {
    /// A whole answer (Content-Length set).
    Full { status: u16, headers: Vec<(String, String)>, body: Vec<u8> },
    /// Headers, then `chunk` again and again until the client goes away (no length).
    Endless { status: u16, chunk: Vec<u8> },
    /// Headers with this length, then `body` written in `piece` bytes every `every`.
    Drip { status: u16, body: Vec<u8>, piece: usize, every: Duration },
    /// `len` bytes of spaces, written as fast as the client takes them, with a
    /// Content-Length when `announce`, else ended by closing the connection.
    Sized { status: u16, len: u64, announce: bool },
    /// Close without answering.
    Close,
}

impl Reply {
    pub fn json(status: u16, body: &serde_json::Value) -> Reply {
        Reply::Full {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.to_string().into_bytes(),
        }
    }

    pub fn text(status: u16, body: &str) -> Reply {
        Reply::Full { status, headers: vec![], body: body.as_bytes().to_vec() }
    }

    pub fn redirect(status: u16, location: &str) -> Reply {
        Reply::Full { status, headers: vec![("Location".into(), location.into())], body: b"moved".to_vec() }
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

pub struct Hostile {
    pub addr: std::net::SocketAddr,
    seen: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
}

impl Hostile {
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Hostile {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let (s, st) = (seen.clone(), stop.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if st.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (s, h) = (s.clone(), handler.clone());
                std::thread::spawn(move || serve(conn, &s, h.as_ref()));
            }
        });
        Hostile { addr, seen, stop }
    }

    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
    }
}

fn read_request(conn: &TcpStream) -> Option<Request> {
    use md5::Digest;
    let mut r = BufReader::new(conn);
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let mut headers = BTreeMap::new();
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).ok()? == 0 {
            return None;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
        }
    }
    let len: u64 = headers.get("content-length").and_then(|l| l.parse().ok()).unwrap_or(0);
    let mut body = Vec::new();
    let mut hash = md5::Md5::new();
    let mut left = len;
    let mut buf = vec![0u8; 256 * 1024];
    while left > 0 {
        let want = left.min(buf.len() as u64) as usize;
        let n = r.read(&mut buf[..want]).ok()?;
        if n == 0 {
            break;
        }
        hash.update(&buf[..n]);
        if body.len() + n <= 1 << 20 {
            body.extend_from_slice(&buf[..n]);
        }
        left -= n as u64;
    }
    let body_len = len - left;
    if body_len > 1 << 20 {
        body.clear();
    }
    Some(Request { method, target, headers, body, body_len, body_md5: hash.finalize().into() })
}

fn head(status: u16, headers: &[(String, String)], length: Option<usize>) -> String {
    let mut h = format!("HTTP/1.1 {status} X\r\nConnection: close\r\n");
    for (k, v) in headers {
        h.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(n) = length {
        h.push_str(&format!("Content-Length: {n}\r\n"));
    }
    h.push_str("\r\n");
    h
}

fn serve(conn: TcpStream, seen: &Mutex<Vec<Request>>, handler: &Handler) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(30)));
    let Some(req) = read_request(&conn) else { return };
    seen.lock().unwrap().push(req.clone());
    let mut c = &conn;
    match handler(&req) {
        Reply::Full { status, headers, body } => {
            let _ = c.write_all(head(status, &headers, Some(body.len())).as_bytes());
            let _ = c.write_all(&body);
        }
        Reply::Endless { status, chunk } => {
            let _ = c.write_all(head(status, &[("Content-Type".into(), "application/json".into())], None).as_bytes());
            while c.write_all(&chunk).is_ok() {}
        }
        Reply::Drip { status, body, piece, every } => {
            let _ = c.write_all(head(status, &[], Some(body.len())).as_bytes());
            for p in body.chunks(piece.max(1)) {
                if c.write_all(p).and_then(|()| c.flush()).is_err() {
                    return;
                }
                std::thread::sleep(every);
            }
        }
        Reply::Sized { status, len, announce } => {
            let length = if announce { vec![("Content-Length".to_owned(), len.to_string())] } else { vec![] };
            let _ = c.write_all(head(status, &length, None).as_bytes());
            let chunk = vec![b' '; 64 * 1024];
            let mut left = len;
            while left > 0 {
                let n = left.min(chunk.len() as u64) as usize;
                if c.write_all(&chunk[..n]).is_err() {
                    return;
                }
                left -= n as u64;
            }
        }
        Reply::Close => {}
    }
    let _ = conn.shutdown(std::net::Shutdown::Both);
}
