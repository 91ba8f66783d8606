//! No secret, AccessKey ID or request signature reaches any output of a failing run: stdout,
//! stderr, the job history files, or the log (captured at trace level, so the HTTP stack's
//! own records are included). Every failure kind is run, with both signature versions.
//!
//! One test function: the commands run in this process and read the environment, which tests
//! running in parallel threads must not change under each other.

mod support;

#[path = "support/hostile.rs"]
mod hostile;

use base64::Engine as _;
use clap::Parser;
use std::sync::Mutex;
use std::time::Duration;
use support::vod_server::{Fault, KEY_ID, KEY_SECRET, STS_KEY_ID, STS_SECRET, STS_TOKEN, VodServer};
use vodcut::cli::{Cli, Globals, run_with};
use vodcut::store::project_file;

/// Every log record, as text.
struct Capture(Mutex<String>);

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata) -> bool {
        true
    }
    fn log(&self, record: &log::Record) {
        let mut text = self.0.lock().unwrap();
        text.push_str(&format!("{} {}: {}\n", record.level(), record.target(), record.args()));
    }
    fn flush(&self) {}
}

static LOG: Capture = Capture(Mutex::new(String::new()));

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn vodcut(args: &[&str]) -> Run {
    let cli = Cli::try_parse_from(std::iter::once("vodcut").chain(args.iter().copied())).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    // This process's environment, read now (the test sets its variables before each run).
    let env = vodcut::core::Env::from_process();
    let code = run_with(
        &env,
        cli.command.unwrap(),
        Globals { signature: cli.signature, ..Default::default() },
        &mut out,
        &mut err,
    );
    Run { code, stdout: String::from_utf8_lossy(&out).into(), stderr: String::from_utf8_lossy(&err).into() }
}

/// Every form a value could be written in: as is, percent-encoded once and twice (a URL, a
/// string-to-sign quoted in a URL) and in lower-case hex, JSON-escaped (`\/`, `\u00XX`), and
/// the part of its Base64 that does not depend on what surrounds it, at each alignment.
fn forms(v: &str) -> Vec<String> {
    let once = vodcut::api::sign::percent_encode(v);
    let twice = vodcut::api::sign::percent_encode(&once);
    let lower: String = v.bytes().map(|b| format!("%{b:02x}")).collect();
    let slash = v.replace('/', "\\/");
    let unicode: String = v.chars().map(|c| format!("\\u{:04x}", u32::from(c))).collect();
    let mut all = vec![v.to_owned(), once, twice, lower, slash, unicode];
    for k in 0..3 {
        let mut data = vec![b'x'; k];
        data.extend_from_slice(v.as_bytes());
        let b64 = base64::engine::general_purpose::STANDARD_NO_PAD.encode(&data);
        let (first, end) = ((8 * k).div_ceil(6), 8 * (k + v.len()) / 6);
        all.push(b64[first..end].to_owned());
    }
    all
}

/// An error answer quoting everything the request carried that could be secret (the query,
/// the Authorization header, the token headers), in every escaped form a body can use.
fn echo(r: &hostile::Request) -> hostile::Reply {
    let mut quoted = vec![r.target.clone()];
    for h in ["authorization", "x-acs-security-token", "x-acs-accesskey-id"] {
        quoted.extend(r.headers.get(h).cloned());
    }
    for p in ["AccessKeyId", "SecurityToken", "Signature"] {
        quoted.extend(r.param(p));
    }
    let text = quoted.join(" ");
    let slash = text.replace('/', "\\/").replace('"', "\\\"");
    let unicode: String = text.chars().map(|c| format!("\\u{:04X}", u32::from(c))).collect();
    let pct: String = text.bytes().map(|b| format!("%{b:02x}")).collect();
    let b64 = base64::engine::general_purpose::STANDARD.encode(&text);
    let body = format!(
        r#"{{"RequestId":"ECHO-1","Code":"InvalidParameter","Message":"you sent {slash} = {unicode} = {pct} = {b64}","Recommend":"{slash}"}}"#
    );
    hostile::Reply::Full { status: 400, headers: vec![], body: body.into_bytes() }
}

fn set_env(k: &str, v: impl AsRef<std::ffi::OsStr>) {
    // SAFETY: this file's only test sets the environment before any thread of its own reads it.
    unsafe { std::env::set_var(k, v) }
}

fn all_files_text(dir: &std::path::Path) -> String {
    let mut text = String::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            text += &all_files_text(&p);
        } else {
            text += &String::from_utf8_lossy(&std::fs::read(&p).unwrap_or_default());
        }
    }
    text
}

#[test]
fn failing_runs_never_show_keys_or_signatures() {
    log::set_logger(&LOG).unwrap();
    log::set_max_level(log::LevelFilter::Trace);
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    set_env("HOME", home.path());
    set_env("VODCUT_DATA_DIR", &data);
    set_env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID);
    set_env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET);
    let project = home.path().join("film.vodcut");
    let mut p = vodcut::model::export::import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":0,"Out":4}]}]}"#,
    )
    .unwrap();
    p.title = "Film".into();
    project_file::save(&project, &p).unwrap();
    let file = project.to_str().unwrap();

    // A port with nothing listening: connection refused.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/", l.local_addr().unwrap())
    };
    let mut outputs = Vec::new();
    let mut signatures: Vec<String> = Vec::new();
    for signature in ["v1", "v3"] {
        let server = VodServer::start();
        // The project's media, Normal: submit asks VOD about them before it produces.
        server.add_media("5aed81b74ba84920be578cdfe004af4b", "video", "Beach", 20.0, "Normal");
        let url = server.url();
        let mut case = |name: &str, faults: Vec<Fault>, endpoint: &str, args: &[&str], expect: i32| {
            // A case whose retries gave up early leaves faults behind: they are not the next one's.
            server.clear_faults();
            for f in faults {
                // A submission's faults are for its production, not for the media check before.
                match args[0] {
                    "submit" => server.fault_on("ProduceEditingProjectVideo", f),
                    _ => server.fault(f),
                }
            }
            let mut full = args.to_vec();
            full.extend_from_slice(&["--endpoint", endpoint, "--timeout", "1", "--signature", signature]);
            // Each case is a submission of its own: an earlier case's lost answer (left in the
            // shared job history) is not looked for first.
            if args[0] == "submit" {
                full.push("--resend-unknown");
            }
            let r = vodcut(&full);
            assert_eq!(r.code, expect, "{signature} {name}: {}{}", r.stdout, r.stderr);
            if name == "refused submit" {
                // --json: the failure is a JSON object on stdout, naming the endpoint and cause.
                let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("a JSON error on stdout");
                assert_eq!(v["error"]["kind"], "network", "{v}");
                let message = v["error"]["message"].as_str().unwrap();
                assert!(message.contains(endpoint) && message.to_lowercase().contains("refused"), "{message}");
            }
            outputs.push((format!("{signature} {name}"), format!("{}\n{}", r.stdout, r.stderr)));
        };
        // --yes: the media check before cannot reach VOD either, a warning to go past.
        case("refused submit", vec![], &closed, &["submit", file, "--json", "--yes"], 6);
        case("refused status", vec![], &closed, &["status", "5aed81b74ba84920be578cdfe004af4b"], 6);
        case("refused search", vec![], &closed, &["media", "search", "beach"], 6);
        case("timeout", vec![Fault::Delay(Duration::from_secs(3))], &url, &["submit", file], 7);
        case("dropped", vec![Fault::DropAfterHandling], &url, &["submit", file, "--json"], 7);
        case("garbage", vec![Fault::Garbage], &url, &["submit", file], 7);
        case("cut off", vec![Fault::Truncated], &url, &["submit", file], 7);
        let five_hundreds = vec![Fault::Error { status: 503, code: "ServiceUnavailable" }; 4];
        case("5xx", five_hundreds, &url, &["media", "info", "5aed81b74ba84920be578cdfe004af4b", "--json"], 5);
        let failed = vec![Fault::Error { status: 400, code: "InvalidParameter" }];
        case("produce refused", failed, &url, &["submit", file, "--json"], 5);
        // A wrong secret: the service's answer quotes the string it signed, key ID included.
        set_env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-the-right-secret-value");
        case("wrong secret", vec![], &url, &["submit", file, "--yes"], 5);
        set_env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET);
        // Temporary keys: the token must not show either.
        set_env("ALIBABA_CLOUD_ACCESS_KEY_ID", STS_KEY_ID);
        set_env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", STS_SECRET);
        set_env("ALIBABA_CLOUD_SECURITY_TOKEN", "CAIS/wrong+token=value");
        case("wrong token", vec![], &url, &["media", "search", "beach"], 5);
        set_env("ALIBABA_CLOUD_SECURITY_TOKEN", STS_TOKEN);
        case("sts refused", vec![], &closed, &["media", "search", "beach"], 6);
        set_env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID);
        set_env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET);
        // SAFETY: as in set_env.
        unsafe { std::env::remove_var("ALIBABA_CLOUD_SECURITY_TOKEN") };

        for r in server.requests() {
            assert_eq!(r.signature, signature);
            if let Some(s) = r.params.get("Signature") {
                signatures.push(s.clone());
            }
            if let Some(a) = r.headers.get("authorization") {
                signatures.push(a.rsplit("Signature=").next().unwrap().to_owned());
            }
        }
    }
    // At least one request per case that reaches the server (retries fit in the 1 s deadline or not).
    assert!(signatures.len() >= 18, "the server saw the requests: {}", signatures.len());

    // A server that echoes the credentials back escaped: `\/`, `\u00XX`, percent, Base64.
    let echoing = hostile::Hostile::start(echo);
    let echo_url = echoing.url();
    set_env("ALIBABA_CLOUD_ACCESS_KEY_ID", STS_KEY_ID);
    set_env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", STS_SECRET);
    set_env("ALIBABA_CLOUD_SECURITY_TOKEN", STS_TOKEN);
    for signature in ["v1", "v3"] {
        for args in [
            // --yes: the media check is refused too (its warning, echo and all, is checked
            // below with the rest), then the production.
            vec!["submit", file, "--json", "--yes", "--resend-unknown"],
            vec!["media", "search", "beach"],
            vec!["media", "info", "5aed81b74ba84920be578cdfe004af4b", "--json"],
        ] {
            let mut full = args.clone();
            full.extend_from_slice(&["--endpoint", &echo_url, "--timeout", "5", "--signature", signature]);
            let r = vodcut(&full);
            assert_eq!(r.code, 5, "{signature} {args:?}: {}{}", r.stdout, r.stderr);
            assert!(r.stderr.contains("you sent"), "the message itself is kept: {}", r.stderr);
            outputs.push((format!("{signature} echo {args:?}"), format!("{}\n{}", r.stdout, r.stderr)));
        }
    }
    for r in echoing.requests() {
        signatures.extend(r.param("Signature"));
        if let Some(a) = r.headers.get("authorization") {
            signatures.push(a.rsplit("Signature=").next().unwrap().to_owned());
        }
    }
    set_env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID);
    set_env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET);
    // SAFETY: as in set_env.
    unsafe { std::env::remove_var("ALIBABA_CLOUD_SECURITY_TOKEN") };

    outputs.push(("job history".into(), all_files_text(&data)));
    outputs.push(("log".into(), LOG.0.lock().unwrap().clone()));
    let log_text = &outputs.last().unwrap().1;
    assert!(log_text.contains("attempt"), "the retries were logged: {log_text}");
    let jobs = vodcut(&["jobs", "--json"]);
    outputs.push(("jobs".into(), jobs.stdout));
    let mut secrets: Vec<(String, String)> = Vec::new();
    for v in
        [KEY_ID, KEY_SECRET, STS_KEY_ID, STS_SECRET, STS_TOKEN, "not-the-right-secret-value", "CAIS/wrong+token=value"]
    {
        secrets.extend(forms(v).into_iter().map(|f| (v.to_owned(), f)));
    }
    for s in &signatures {
        secrets.extend(forms(s).into_iter().map(|f| (format!("signature {s}"), f)));
    }
    for (name, text) in &outputs {
        for (what, form) in &secrets {
            assert!(!text.contains(form.as_str()), "{name} shows {what} (as {form}):\n{text}");
        }
        // A query the server echoed may be shown, but never with its signature.
        let signed = text.match_indices("Signature=").any(|(i, m)| !text[i + m.len()..].starts_with("***"));
        assert!(!signed, "{name} shows a signed query:\n{text}");
    }
}
