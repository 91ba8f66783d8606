//! The OSS side of the loopback VOD server: an OSS endpoint (PutObject, multipart) on its own
//! port. The VOD upload actions that hand out its addresses are in upload_api.rs.
//!
//! OSS requests are checked as OSS does, with code written independently of the client's: the
//! V1 signature over the request as received, the `Date` within 15 minutes, the STS token of
//! the AccessKey, that the credentials were issued for this very object, and Content-MD5
//! against the bytes. Bodies are streamed to files (or only hashed), never held whole in
//! memory. Tests can expire tokens, fail parts, slow parts down, and read the request log.
//! A finished upload shows in SearchMedia / GetVideoInfo, Uploading, then Transcoding, then
//! Normal after a short simulated transcode.

use super::service::{State, VodServer};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use md5::Digest;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

mod transcode;
mod wire;

pub use transcode::advance;
use transcode::finished;

use wire::{Refusal, check_auth, error_xml, op_of, read_head, respond, take_body, take_body_hashed};

pub const BUCKET: &str = "outin-0123456789abcdef0123456789loop";

#[derive(Clone, Debug)]
pub struct Token {
    pub secret: String,
    pub token: String,
    pub media_id: String,
    pub expired: bool,
}

#[derive(Clone, Debug)]
pub struct Upload {
    pub media_id: String,
    pub key: String,
    pub kind: &'static str,
    pub title: String,
    pub file_name: String,
}

#[derive(Clone, Debug)]
pub struct Part {
    pub etag: String,
    pub size: u64,
    pub file: Option<PathBuf>,
}

#[derive(Clone, Debug, Default)]
pub struct Multipart {
    pub key: String,
    pub parts: BTreeMap<u32, Part>,
}

/// A stored object: its pieces in order (one for PutObject, the parts for multipart).
#[derive(Clone, Debug, Default)]
pub struct Object {
    pub pieces: Vec<Part>,
    pub md5_hex: String,
}

/// One OSS request as the server saw it.
#[derive(Clone, Debug)]
pub struct OssLog {
    pub method: String,
    pub op: &'static str,
    pub part: Option<u32>,
    pub upload_id: Option<String>,
    pub status: u16,
    pub code: String,
}

#[derive(Default)]
pub struct OssState {
    /// `http://127.0.0.1:port`, the Endpoint in UploadAddress.
    pub endpoint: String,
    pub dir: Option<PathBuf>,
    /// The folder is the sandbox's, kept after the server stops.
    pub keep_dir: bool,
    /// Neither keep nor hash bodies, trusting Content-MD5 (benchmarks of big files).
    pub discard: bool,
    /// AccessKeyId -> token.
    pub tokens: HashMap<String, Token>,
    /// MediaId -> upload.
    pub uploads: HashMap<String, Upload>,
    pub multipart: HashMap<String, Multipart>,
    /// Key -> object.
    pub objects: HashMap<String, Object>,
    pub log: Vec<OssLog>,
    /// Part number -> failures still to give (500 InternalError).
    pub fail_parts: HashMap<u32, u32>,
    /// Each UploadPart waits this long before reading its body.
    pub part_delay: Duration,
    /// Every token expires after this many more successful parts.
    pub expire_after_parts: Option<u32>,
    /// Time from upload complete to Normal.
    pub transcode: Duration,
    /// Duration given to uploaded audio and video.
    pub media_duration: f64,
    /// Seconds until issued credentials expire (ExpireUTCTime).
    pub token_lifetime: i64,
    pub counter: u64,
    /// Uploads in their simulated transcode: MediaId and when the object arrived (Unix ms).
    pub finishing: Vec<(String, u64)>,
    /// ffmpeg, to make uploaded audio and video playable (the sandbox; tests leave it unset).
    pub probe_with: Option<PathBuf>,
    /// MediaId -> the length ffmpeg found in an uploaded file (it plays).
    pub probed: HashMap<String, f64>,
    /// MediaId -> its uploaded file, waiting for the end of its transcode to be probed.
    pub arrived: HashMap<String, PathBuf>,
}

impl VodServer {
    pub fn oss(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap()
    }

    pub fn oss_log(&self) -> Vec<OssLog> {
        self.state.lock().unwrap().oss.log.clone()
    }

    /// Every issued upload token answers SecurityTokenExpired from now on.
    pub fn expire_upload_tokens(&self) {
        for t in self.state.lock().unwrap().oss.tokens.values_mut() {
            t.expired = true;
        }
    }

    pub fn fail_part(&self, number: u32, times: u32) {
        self.state.lock().unwrap().oss.fail_parts.insert(number, times);
    }

    /// The MD5 (hex) of the stored object of a media, once complete.
    pub fn object_md5(&self, media_id: &str) -> Option<String> {
        let st = self.state.lock().unwrap();
        let key = &st.oss.uploads.get(media_id)?.key;
        st.oss.objects.get(key).map(|o| o.md5_hex.clone())
    }

    /// The stored object's bytes hashed again from disk (proves what was kept, not what was
    /// counted on the way in).
    pub fn object_md5_from_disk(&self, media_id: &str) -> Option<String> {
        let pieces = {
            let st = self.state.lock().unwrap();
            let key = st.oss.uploads.get(media_id)?.key.clone();
            st.oss.objects.get(&key)?.pieces.clone()
        };
        let mut h = md5::Md5::new();
        for p in pieces {
            let mut f = std::fs::File::open(p.file?).ok()?;
            let mut buf = vec![0; 1 << 20];
            loop {
                let n = f.read(&mut buf).ok()?;
                if n == 0 {
                    break;
                }
                h.update(&buf[..n]);
            }
        }
        Some(hex(&h.finalize()))
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02X}")).collect()
}

/// Starts the OSS listener for `state` (called by `VodServer::start`).
/// Objects go to `keep_in` (kept), else to a temporary folder removed by [`cleanup`].
pub fn start(state: &Arc<Mutex<State>>, keep_in: Option<PathBuf>) -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    let keep = keep_in.is_some();
    let dir = keep_in
        .unwrap_or_else(|| std::env::temp_dir().join(format!("vodcut-oss-{}-{}", std::process::id(), addr.port())));
    std::fs::create_dir_all(&dir)?;
    {
        let mut st = state.lock().unwrap();
        st.oss.endpoint = format!("http://{addr}");
        st.oss.dir = Some(dir);
        st.oss.keep_dir = keep;
        st.oss.transcode = Duration::from_millis(600);
        st.oss.media_duration = 6.0;
        st.oss.token_lifetime = 3600;
    }
    let st = state.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(conn) = conn else { continue };
            let st = st.clone();
            std::thread::spawn(move || {
                let _ = serve(conn, &st);
            });
        }
    });
    Ok(())
}

/// Removes the stored objects (called when the VOD server is dropped).
pub fn cleanup(state: &Mutex<State>) {
    let mut st = state.lock().unwrap();
    if !st.oss.keep_dir
        && let Some(d) = st.oss.dir.take()
    {
        let _ = std::fs::remove_dir_all(d);
    }
}

fn serve(conn: TcpStream, state: &Arc<Mutex<State>>) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut r = BufReader::with_capacity(256 * 1024, &conn);
    let h = read_head(&mut r)?;
    let op = op_of(&h);
    let q = |k: &str| h.query.iter().find(|(q, _)| q == k).map(|(_, v)| v.clone());
    let part: Option<u32> = q("partNumber").and_then(|v| v.parse().ok());
    let upload_id = q("uploadId");
    let log = |st: &mut State, status: u16, code: &str| {
        st.oss.log.push(OssLog {
            method: h.method.clone(),
            op,
            part,
            upload_id: upload_id.clone(),
            status,
            code: code.to_owned(),
        })
    };
    let mut body_read = false;
    let refuse =
        |r: &mut BufReader<&TcpStream>, (status, code, message): Refusal, body_read: bool| -> std::io::Result<()> {
            {
                let mut st = state.lock().unwrap();
                log(&mut st, status, code);
            }
            // Read what was sent so the client sees the answer, not a reset.
            if !body_read {
                let _ = take_body(r, h.length, None);
            }
            respond(&conn, status, &error_xml(code, &message, ""), &[]);
            Ok(())
        };
    let (delay, fail, dir, discard) = {
        let mut st = state.lock().unwrap();
        if let Err(e) = check_auth(&h, &st) {
            drop(st);
            return refuse(&mut r, e, body_read);
        }
        let fail = match (op, part) {
            ("UploadPart", Some(n)) => match st.oss.fail_parts.get_mut(&n) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    true
                }
                _ => false,
            },
            _ => false,
        };
        (st.oss.part_delay, fail, st.oss.dir.clone(), st.oss.discard)
    };
    if fail {
        return refuse(
            &mut r,
            (500, "InternalError", "We encountered an internal error. Please try again.".into()),
            body_read,
        );
    }
    match op {
        "PutObject" | "UploadPart" => {
            if op == "UploadPart" {
                if !part.is_some_and(|n| (1..=10_000).contains(&n)) {
                    return refuse(
                        &mut r,
                        (400, "InvalidArgument", "Part number must be an integer between 1 and 10000.".into()),
                        body_read,
                    );
                }
                let known = state
                    .lock()
                    .unwrap()
                    .oss
                    .multipart
                    .get(upload_id.as_deref().unwrap_or(""))
                    .is_some_and(|m| m.key == h.key);
                if !known {
                    return refuse(
                        &mut r,
                        (404, "NoSuchUpload", "The specified upload does not exist.".into()),
                        body_read,
                    );
                }
                std::thread::sleep(delay);
            }
            let file = if discard {
                None
            } else {
                let mut st = state.lock().unwrap();
                st.oss.counter += 1;
                dir.map(|d| d.join(format!("piece-{}", st.oss.counter)))
            };
            let (mut md5, size) = take_body_hashed(&mut r, h.length, file.as_ref(), !discard)?;
            if discard
                && let Some(m) =
                    h.headers.get("content-md5").and_then(|m| base64::engine::general_purpose::STANDARD.decode(m).ok())
                && m.len() == 16
            {
                md5.copy_from_slice(&m);
            }
            if let Some(want) = h.headers.get("content-md5")
                && *want != base64::engine::general_purpose::STANDARD.encode(md5)
            {
                respond(
                    &conn,
                    400,
                    &error_xml("InvalidDigest", "The Content-MD5 you specified is not valid.", ""),
                    &[],
                );
                log(&mut state.lock().unwrap(), 400, "InvalidDigest");
                return Ok(());
            }
            let etag = hex(&md5);
            let piece = Part { etag: etag.clone(), size, file };
            let mut st = state.lock().unwrap();
            if op == "UploadPart" {
                let id = upload_id.clone().unwrap_or_default();
                if let Some(m) = st.oss.multipart.get_mut(&id) {
                    m.parts.insert(part.unwrap_or(0), piece);
                }
                if let Some(k) = st.oss.expire_after_parts.as_mut() {
                    *k = k.saturating_sub(1);
                    if *k == 0 {
                        st.oss.expire_after_parts = None;
                        for t in st.oss.tokens.values_mut() {
                            t.expired = true;
                        }
                    }
                }
            } else {
                st.oss.objects.insert(h.key.clone(), Object { pieces: vec![piece], md5_hex: etag.clone() });
                finished(&mut st, &h.key);
            }
            log(&mut st, 200, "");
            drop(st);
            respond(&conn, 200, "", &[("ETag", format!("\"{etag}\""))]);
        }
        "InitiateMultipartUpload" => {
            let _ = take_body(&mut r, h.length, None);
            let mut st = state.lock().unwrap();
            st.oss.counter += 1;
            let id = format!("0004B9894A22E5B1888A1E29F823{:04X}", st.oss.counter);
            st.oss.multipart.insert(id.clone(), Multipart { key: h.key.clone(), parts: BTreeMap::new() });
            log(&mut st, 200, "");
            respond(
                &conn,
                200,
                &format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<InitiateMultipartUploadResult xmlns=\"http://doc.oss-cn-hangzhou.aliyuncs.com\"><Bucket>{BUCKET}</Bucket><Key>{}</Key><UploadId>{id}</UploadId></InitiateMultipartUploadResult>",
                    h.key
                ),
                &[],
            );
        }
        "ListParts" => {
            let st = state.lock().unwrap();
            let Some(m) = st.oss.multipart.get(upload_id.as_deref().unwrap_or("")).cloned() else {
                drop(st);
                return refuse(&mut r, (404, "NoSuchUpload", "The specified upload does not exist.".into()), body_read);
            };
            drop(st);
            let marker: u32 = q("part-number-marker").and_then(|v| v.parse().ok()).unwrap_or(0);
            let max: usize = q("max-parts").and_then(|v| v.parse().ok()).unwrap_or(1000);
            let page: Vec<(&u32, &Part)> = m.parts.range(marker + 1..).take(max).collect();
            let truncated = m.parts.range(marker + 1..).count() > page.len();
            let mut xml = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListPartsResult><Bucket>{BUCKET}</Bucket><Key>{}</Key><UploadId>{}</UploadId><NextPartNumberMarker>{}</NextPartNumberMarker><MaxParts>{max}</MaxParts><IsTruncated>{truncated}</IsTruncated>",
                h.key,
                upload_id.clone().unwrap_or_default(),
                page.last().map(|p| *p.0).unwrap_or(0)
            );
            for (n, p) in page {
                xml += &format!(
                    "<Part><PartNumber>{n}</PartNumber><LastModified>2026-12-01T00:00:00.000Z</LastModified><ETag>\"{}\"</ETag><Size>{}</Size></Part>",
                    p.etag, p.size
                );
            }
            xml += "</ListPartsResult>";
            log(&mut state.lock().unwrap(), 200, "");
            respond(&conn, 200, &xml, &[]);
        }
        "CompleteMultipartUpload" => {
            let mut body = vec![0u8; h.length.min(4 << 20) as usize];
            r.read_exact(&mut body)?;
            body_read = true;
            let body = String::from_utf8_lossy(&body).into_owned();
            let id = upload_id.clone().unwrap_or_default();
            let st = state.lock().unwrap();
            let Some(m) = st.oss.multipart.get(&id).cloned() else {
                drop(st);
                return refuse(&mut r, (404, "NoSuchUpload", "The specified upload does not exist.".into()), body_read);
            };
            let mut pieces = Vec::new();
            let mut last = 0;
            let listed: Vec<(u32, String)> = body
                .split("<Part>")
                .skip(1)
                .filter_map(|p| {
                    let tag = |n: &str| {
                        let s = p.find(&format!("<{n}>"))? + n.len() + 2;
                        let e = p[s..].find(&format!("</{n}>"))? + s;
                        Some(p[s..e].trim().trim_matches('"').to_ascii_uppercase())
                    };
                    Some((tag("PartNumber")?.parse().ok()?, tag("ETag")?))
                })
                .collect();
            if listed.is_empty() {
                drop(st);
                return refuse(
                    &mut r,
                    (400, "MalformedXML", "The XML you provided was not well-formed.".into()),
                    body_read,
                );
            }
            let count = listed.len();
            for (i, (n, etag)) in listed.into_iter().enumerate() {
                if n <= last {
                    drop(st);
                    return refuse(
                        &mut r,
                        (400, "InvalidPartOrder", "The list of parts was not in ascending order.".into()),
                        body_read,
                    );
                }
                last = n;
                let Some(p) = m.parts.get(&n).filter(|p| p.etag == etag) else {
                    drop(st);
                    return refuse(
                        &mut r,
                        (400, "InvalidPart", format!("Part {n} was not found or its ETag does not match.")),
                        body_read,
                    );
                };
                if i + 1 < count && p.size < 100 * 1024 {
                    drop(st);
                    return refuse(
                        &mut r,
                        (400, "EntityTooSmall", format!("Part {n} is smaller than 100 KB.")),
                        body_read,
                    );
                }
                pieces.push(p.clone());
            }
            // The whole object's MD5, from the pieces (streamed, not loaded), without holding
            // the server's lock meanwhile.
            drop(st);
            let mut hsh = md5::Md5::new();
            let mut complete_md5 = true;
            for p in &pieces {
                match &p.file {
                    Some(f) => {
                        let mut file = std::fs::File::open(f)?;
                        let mut buf = vec![0; 1 << 20];
                        loop {
                            let n = file.read(&mut buf)?;
                            if n == 0 {
                                break;
                            }
                            hsh.update(&buf[..n]);
                        }
                    }
                    None => complete_md5 = false,
                }
            }
            let md5_hex = if complete_md5 { hex(&hsh.finalize()) } else { String::new() };
            let mut st = state.lock().unwrap();
            st.oss.multipart.remove(&id);
            st.oss.objects.insert(m.key.clone(), Object { pieces, md5_hex });
            finished(&mut st, &m.key);
            log(&mut st, 200, "");
            drop(st);
            respond(
                &conn,
                200,
                &format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUploadResult><Location>{}/{BUCKET}/{}</Location><Bucket>{BUCKET}</Bucket><Key>{}</Key><ETag>\"LOOPBACK-UUID-{id}\"</ETag></CompleteMultipartUploadResult>",
                    "http://loopback", m.key, m.key
                ),
                &[("x-oss-hash-crc64ecma", "0".into())],
            );
        }
        "AbortMultipartUpload" => {
            let _ = take_body(&mut r, h.length, None);
            let mut st = state.lock().unwrap();
            if st.oss.multipart.remove(upload_id.as_deref().unwrap_or("")).is_none() {
                drop(st);
                return refuse(&mut r, (404, "NoSuchUpload", "The specified upload does not exist.".into()), body_read);
            }
            log(&mut st, 204, "");
            drop(st);
            respond(&conn, 204, "", &[]);
        }
        _ => {
            return refuse(
                &mut r,
                (400, "InvalidArgument", format!("{} with this query is not supported here", h.method)),
                body_read,
            );
        }
    }
    Ok(())
}
