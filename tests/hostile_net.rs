//! Hostile servers on loopback against the network layer: redirects that would carry the
//! credentials elsewhere (API calls, OSS uploads), error bodies that echo the credentials in
//! escaped forms, bodies that never end or drip a byte at a time, answers padded with
//! nothing VOD sends, huge pictures, and a huge image to upload. Memory is measured with the
//! counting allocator, so "does not fill memory" is a number.

mod support;

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
#[path = "support/hostile.rs"]
mod hostile;

use base64::Engine as _;
use counting_alloc::peak_of;
use hostile::{Hostile, Reply, Request};
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};
use vodcut::api::calls::MediaQuery;
use vodcut::api::credentials::Secret;
use vodcut::api::{ApiError, Client, ClientConfig, Credentials};
use vodcut::upload::{Control, FileRequest, Progress, StateStore, UploadConfig, upload_file};

const STS_ID: &str = "STS.HostileTempKeyId0001";
const STS_SECRET: &str = "hostile-sts-secret-0123456789";
const STS_TOKEN: &str = "CAIS/hostile+token=value/0123456789";

const MIB: usize = 1 << 20;

/// The allocator's counts are for the whole process: the tests of this file run one at a
/// time, so one's peak is not another's.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

fn sts() -> Credentials {
    Credentials { security_token: Some(Secret::new(STS_TOKEN)), ..Credentials::session(STS_ID, STS_SECRET) }
}

fn client(url: &str, signature: &str, timeout: Duration) -> Client {
    let mut c = ClientConfig::new(url.parse().unwrap());
    c.timeout = timeout;
    c.backoff_base = Duration::from_millis(5);
    c.backoff_cap = Duration::from_millis(20);
    c.signature = signature.parse().unwrap();
    Client::new(c, sts()).unwrap()
}

fn search() -> MediaQuery {
    MediaQuery::search("beach", "video", 1, 20, None, true)
}

/// Writes `len` bytes of `byte` with no length announced (the answer ends when the
/// connection closes): a body that cannot be refused before it is read.
fn big_unannounced(len: u64) -> Reply {
    Reply::Sized { status: 200, len, announce: false }
}

#[test]
fn api_calls_follow_no_redirects_and_never_resend_credentials() {
    let _one_at_a_time = serial();
    let elsewhere = Hostile::start(|_| Reply::json(200, &json!({"RequestId": "THEIRS", "Total": 1, "MediaList": []})));
    let target = format!("{}steal", elsewhere.url());
    for signature in ["v1", "v3"] {
        for status in [301, 302, 307, 308] {
            let t = target.clone();
            let server = Hostile::start(move |_| Reply::redirect(status, &t));
            let c = client(&server.url(), signature, Duration::from_secs(5));
            let e = rt().block_on(c.search_media(&search())).unwrap_err();
            let text = e.to_string();
            assert!(
                matches!(e, ApiError::BadResponse { status: s, .. } if s == status),
                "{signature} {status}: {text}"
            );
            assert!(text.contains(&status.to_string()) && text.contains("redirect"), "{text}");
            assert_eq!(server.requests().len(), 1, "a redirect is not retried");
            // Billed: never sent on, and the outcome is said to be unknown (not "refused").
            let fields = vodcut::model::export::request_fields(&vodcut::model::generate::generated_project(1, 1));
            let e = rt().block_on(c.produce(&fields)).unwrap_err();
            assert!(matches!(e, ApiError::OutcomeUnknown { .. }), "{e}");
            assert_eq!(server.requests().len(), 2);
        }
    }
    let seen = elsewhere.requests();
    assert!(seen.is_empty(), "the other origin got {} requests: {:?}", seen.len(), seen.first().map(|r| &r.headers));
}

/// A VOD that hands out an upload address on itself, and an OSS there that answers every PUT
/// with `oss`.
fn upload_service(oss: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Hostile {
    let me = Arc::new(std::sync::OnceLock::<String>::new());
    let m = me.clone();
    let server = Hostile::start(move |r| {
        let b64 = |v: serde_json::Value| base64::engine::general_purpose::STANDARD.encode(v.to_string());
        let address = b64(
            json!({"Endpoint": m.get().unwrap().trim_end_matches('/'), "Bucket": "outin-hostile", "FileName": "sv/x/y.bin"}),
        );
        let auth = b64(json!({"AccessKeyId": "STS.UploadTempKeyId777", "AccessKeySecret": "upload-temp-secret-777777",
            "SecurityToken": "CAIS/upload+temp=token777", "ExpireUTCTime": "2099-01-01T00:00:00Z"}));
        match r.action().as_str() {
            "CreateUploadVideo" => Reply::json(
                200,
                &json!({"RequestId": "R1", "VideoId": "v1", "UploadAddress": address, "UploadAuth": auth}),
            ),
            "CreateUploadImage" => Reply::json(
                200,
                &json!({"RequestId": "R1", "ImageId": "i1", "UploadAddress": address, "UploadAuth": auth}),
            ),
            _ => oss(r),
        }
    });
    me.set(server.url()).unwrap();
    server
}

fn upload(
    server: &Hostile,
    file: &std::path::Path,
    state: &std::path::Path,
) -> Result<vodcut::upload::Uploaded, String> {
    let c = client(&server.url(), "v1", Duration::from_secs(10));
    let cfg = UploadConfig {
        attempts: 2,
        backoff_base: Duration::from_millis(5),
        backoff_cap: Duration::from_millis(10),
        request_timeout: Duration::from_secs(60),
        ..Default::default()
    };
    let req = FileRequest { path: file.to_owned(), ..Default::default() };
    let store = StateStore::new(state);
    rt().block_on(upload_file(&c, &store, &req, &cfg, &Control::default(), &Progress::default()))
        .map_err(|e| e.to_string())
}

#[test]
fn oss_uploads_follow_no_redirects_and_errors_quote_no_credentials() {
    let _one_at_a_time = serial();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clip.mp4");
    std::fs::write(&file, vec![7u8; 4096]).unwrap();
    let elsewhere = Hostile::start(|_| Reply::text(200, ""));
    let target = format!("{}steal", elsewhere.url());
    let server = upload_service(move |_| Reply::redirect(307, &target));
    let e = upload(&server, &file, &dir.path().join("state")).unwrap_err();
    assert!(e.contains("307") && e.contains("redirect"), "{e}");
    assert!(elsewhere.requests().is_empty(), "neither the file nor the token went to the other origin");

    // An OSS that quotes the request back: the Authorization header (temporary key ID and
    // signature) and the token, as is and escaped.
    let server = upload_service(|r| {
        let auth = r.headers.get("authorization").cloned().unwrap_or_default();
        let token = r.headers.get("x-oss-security-token").cloned().unwrap_or_default();
        let pct: String = token.bytes().map(|b| format!("%{b:02x}")).collect();
        let ent: String = auth.bytes().map(|b| format!("&#{b};")).collect();
        let body = format!(
            "<Error><Code>AccessDenied</Code><Message>you sent {auth} / {ent} with {token} ({pct})</Message><RequestId>R</RequestId></Error>"
        );
        Reply::Full { status: 403, headers: vec![], body: body.into_bytes() }
    });
    let e = upload(&server, &file, &dir.path().join("state2")).unwrap_err();
    assert!(e.contains("AccessDenied"), "{e}");
    let put = server.requests().into_iter().find(|r| r.method == "PUT").unwrap();
    let auth = put.headers["authorization"].clone();
    let signature = auth.rsplit(':').next().unwrap();
    for secret in ["STS.UploadTempKeyId777", signature, "CAIS/upload+temp=token777", "upload-temp-secret-777777"] {
        assert!(!e.contains(secret), "the error shows {secret}: {e}");
    }
    let decoded = decode_all(&e);
    for secret in ["STS.UploadTempKeyId777", signature, "CAIS/upload+temp=token777"] {
        assert!(!decoded.contains(secret), "an escaped form of {secret} is left: {e}");
    }
}

/// `text` with character references, percent escapes and JSON escapes decoded.
fn decode_all(text: &str) -> String {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let rest = &text[i..];
        if let Some(end) = rest.strip_prefix("&#").and_then(|r| r.find(';')).filter(|e| *e <= 4)
            && let Ok(n) = rest[2..2 + end].parse::<u8>()
        {
            out.push(n);
            i += 3 + end;
        } else if b[i] == b'%'
            && let Some(n) = rest.get(1..3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(n);
            i += 3;
        } else if rest.starts_with("\\/") {
            out.push(b'/');
            i += 2;
        } else if rest.starts_with("\\u00")
            && let Some(n) = rest.get(4..6).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(n);
            i += 6;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn api_answers_are_capped_and_never_read_whole() {
    let _one_at_a_time = serial();
    // 300 MB announced: refused before reading.
    let server = Hostile::start(|_| Reply::Sized { status: 200, len: 300 << 20, announce: true });
    let c = client(&server.url(), "v1", Duration::from_secs(30));
    let (peak, e) = {
        let mut e = None;
        let peak = peak_of(|| e = Some(rt().block_on(c.search_media(&search())).unwrap_err()));
        (peak, e.unwrap())
    };
    assert!(e.to_string().contains("larger than 4.00 MB"), "{e}");
    assert!(peak < 16 * MIB, "peak {peak} bytes");
    // Not announced (the body ends when the connection does): read up to the cap, not further.
    stops_at_the_cap(&Hostile::start(|_| big_unannounced(300 << 20)));
}

#[test]
fn an_endless_answer_stops_at_the_cap() {
    let _one_at_a_time = serial();
    stops_at_the_cap(&Hostile::start(|_| Reply::Endless { status: 200, chunk: vec![b' '; 65536] }));
}

fn stops_at_the_cap(server: &Hostile) {
    let c = client(&server.url(), "v1", Duration::from_secs(30));
    let t = Instant::now();
    let mut e = None;
    let peak = peak_of(|| e = Some(rt().block_on(c.search_media(&search())).unwrap_err()));
    let e = e.unwrap();
    assert!(e.to_string().contains("larger than 4.00 MB"), "{e}");
    assert!(peak < 24 * MIB, "peak {} MB", peak / MIB);
    assert!(t.elapsed() < Duration::from_secs(10), "stopped at the cap, not at the timeout: {:?}", t.elapsed());
    assert_eq!(server.requests().len(), 1, "a body too large is not asked for again");
}

#[test]
fn a_drip_fed_answer_fails_by_one_deadline_for_the_whole_call() {
    let _one_at_a_time = serial();
    let body = json!({"RequestId": "R", "Total": 0, "MediaList": [], "Pad": "x".repeat(200)}).to_string().into_bytes();
    let server = Hostile::start(move |_| Reply::Drip {
        status: 200,
        body: body.clone(),
        piece: 1,
        every: Duration::from_millis(100),
    });
    let c = client(&server.url(), "v1", Duration::from_secs(2));
    let t = Instant::now();
    let e = rt().block_on(c.search_media(&search())).unwrap_err();
    let took = t.elapsed();
    assert!(matches!(e, ApiError::Network { .. }), "{e}");
    assert!(e.to_string().contains("2 s"), "says the deadline: {e}");
    // Each try used to get the whole timeout again (4 tries: 8 s and more).
    assert!(took < Duration::from_millis(3500), "took {took:?}");
}

#[test]
fn an_answer_without_what_vod_always_sends_is_no_answer() {
    let _one_at_a_time = serial();
    let pad = " ".repeat(100_000);
    let padded = format!("{{\"RequestId\":\"R\",\"Padding\":\"{}\"}}{pad}", "z".repeat(1000));
    let anonymous = format!("{{\"Total\":0,\"MediaList\":[]}}{pad}");
    for body in [padded, anonymous] {
        let b = body.clone();
        let server = Hostile::start(move |_| Reply::text(200, &b));
        let c = client(&server.url(), "v1", Duration::from_secs(5));
        let e = rt().block_on(c.search_media(&search())).unwrap_err();
        assert!(matches!(e, ApiError::BadResponse { status: 200, .. }), "{e}");
        let text = e.to_string();
        assert!(text.contains("Total") || text.contains("RequestId"), "{text}");
        assert!(text.len() < 600, "the padding is not quoted whole: {} bytes", text.len());
        // As a user runs it: an unreadable answer, not "0 video items match".
        let home = tempfile::tempdir().unwrap();
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_vodcut"))
            .args(["media", "search", "beach", "--endpoint", &server.url()])
            .env_clear()
            .env("HOME", home.path())
            .env("VODCUT_DATA_DIR", home.path().join("data"))
            .env("ALIBABA_CLOUD_ACCESS_KEY_ID", STS_ID)
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", STS_SECRET)
            .output()
            .unwrap();
        let said = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        assert_eq!(o.status.code(), Some(5), "{said}");
        assert!(!said.contains("match"), "{said}");
    }
}

#[test]
fn pictures_are_streamed_with_the_cap() {
    let _one_at_a_time = serial();
    let pic = Arc::new(std::sync::OnceLock::<String>::new());
    let p = pic.clone();
    let server = Hostile::start(move |r| match r.action().as_str() {
        "GetImageInfo" => {
            let id = r.param("ImageId").unwrap_or_default();
            Reply::json(
                200,
                &json!({"RequestId": "R", "ImageInfo": {"ImageId": id, "URL": format!("{}{id}.png", p.get().unwrap()), "Status": "Normal"}}),
            )
        }
        _ if r.path().ends_with("announced.png") => Reply::Sized { status: 200, len: 2 << 30, announce: true },
        _ => big_unannounced(300 << 20),
    });
    pic.set(server.url()).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let options = vodcut::media::Options {
        cache_dir: Some(cache.path().into()),
        ffmpeg: Some("/nonexistent".into()),
        ..Default::default()
    };
    let footage = vodcut::media::Footage::new(Ok(client(&server.url(), "v1", Duration::from_secs(30))), options);
    for (id, bound) in [("announced", 8 * MIB), ("unannounced", 72 * MIB)] {
        let mut r = None;
        let peak = peak_of(|| r = Some(rt().block_on(footage.image(id))));
        let e = r.unwrap().unwrap_err().to_string();
        assert!(e.contains("larger than 64.0 MB"), "{id}: {e}");
        assert!(peak < bound, "{id}: peak {} MB", peak / MIB);
    }
}

#[test]
fn an_image_upload_streams_from_disk() {
    let _one_at_a_time = serial();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("poster.png");
    let len: u64 = 200 << 20;
    std::fs::File::create(&file).unwrap().set_len(len).unwrap();
    let server = upload_service(|r| {
        use std::fmt::Write as _;
        let etag = r.body_md5.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02X}");
            s
        });
        Reply::Full { status: 200, headers: vec![("ETag".into(), format!("\"{etag}\""))], body: vec![] }
    });
    let mut r = None;
    let peak = peak_of(|| r = Some(upload(&server, &file, &dir.path().join("state"))));
    let done = r.unwrap().unwrap();
    assert_eq!((done.media_id.as_str(), done.size), ("i1", len));
    let put = server.requests().into_iter().find(|r| r.method == "PUT").unwrap();
    assert_eq!(put.body_len, len, "the whole file went up");
    assert_eq!(put.headers.get("content-length").map(String::as_str), Some("209715200"));
    assert!(peak < 24 * MIB, "peak {} MB for a 200 MB image", peak / MIB);
}
