//! `vodcut submit | status | jobs` as a user runs them, against the loopback VOD server.

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;
use support::vod_server::{Fault, KEY_ID, KEY_SECRET, VodServer};
use vodcut::store::project_file;

struct Env {
    server: VodServer,
    home: tempfile::TempDir,
    secret: String,
}

impl Env {
    fn new() -> Self {
        Env { server: VodServer::start(), home: tempfile::tempdir().unwrap(), secret: KEY_SECRET.into() }
    }

    fn run(&self, args: &[&str]) -> Output {
        support::isolated(env!("CARGO_BIN_EXE_vodcut"), self.home.path())
            .args(args)
            .env("VODCUT_ENDPOINT", self.server.url())
            .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", &self.secret)
            .output()
            .unwrap()
    }

    fn project(&self, timeline: &str) -> PathBuf {
        // The media of CLEAN, Normal: submit asks VOD about the media before it produces.
        self.server.add_media("5aed81b74ba84920be578cdfe004af4b", "video", "Beach", 20.0, "Normal");
        let path = self.home.path().join("film.vodcut");
        let mut p = vodcut::model::export::import_timeline_str(timeline).unwrap();
        p.title = "Film".into();
        project_file::save(&path, &p).unwrap();
        path
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const CLEAN: &str =
    r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":0,"Out":4}]}]}"#;

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn submit_prints_ids_links_the_project_and_status_follows_it() {
    let env = Env::new();
    let file = env.project(CLEAN);
    let out = env.run(&["submit", p(&file), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    let ids: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let (media, project) = (ids["MediaId"].as_str().unwrap(), ids["ProjectId"].as_str().unwrap());
    assert!(!media.is_empty() && ids["RequestId"].as_str().unwrap().starts_with("LOOPBACK"));
    // The ProjectId is stored in the file; the next submission updates that cloud project.
    assert_eq!(project_file::open(&file).unwrap().project.project_id.as_deref(), Some(project));
    assert!(text(&out.stderr).contains("Saved ProjectId"));
    let out = env.run(&["submit", p(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(&format!("ProjectId: {project}")));
    let sent = env.server.requests().last().unwrap().params.clone();
    assert_eq!(sent.get("ProjectId").map(String::as_str), Some(project));

    // Status by MediaId: producing first, then produced with the video ready.
    let out = env.run(&["status", media]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.contains("Production:") && s.contains(project), "{s}");
    let out = env.run(&["status", media, "--json"]);
    let job: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(job["ProductionStatus"], "Produced");
    assert_eq!(job["VideoStatus"], "Normal");

    let out = env.run(&["jobs"]);
    let list = text(&out.stdout);
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(list.contains("Submitted") && list.contains("Film") && list.contains(media), "{list}");
}

#[test]
fn status_of_an_id_not_in_the_history() {
    let env = Env::new();
    let file = env.project(CLEAN);
    let out = env.run(&["submit", p(&file), "--json"]);
    let ids: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    std::fs::remove_dir_all(env.home.path().join("data")).unwrap();
    let out = env.run(&["status", ids["ProjectId"].as_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Production:"));
}

#[test]
fn errors_block_and_warnings_need_yes() {
    let env = Env::new();
    let bad = env.project(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m1","In":5,"Out":2}]}]}"#);
    let out = env.run(&["submit", p(&bad)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Out (2 s) must be after In (5 s)"));
    // A VFX from VOD's 2021 list only: a warning (a current one, like zoom, passes).
    let warned = env.project(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m1","Out":4,"Effects":[{"Type":"VFX","SubType":"snow"}]}]}]}"#);
    let out = env.run(&["submit", p(&warned)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--yes"));
    assert_eq!(
        env.server.received("ProduceEditingProjectVideo"),
        0,
        "nothing was sent (VOD was only asked about the media)"
    );
    let out = env.run(&["submit", p(&warned), "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// The same check as the editor's Produce (core::produce::Preflight): VOD says a media used is
/// still uploading, so submit sends nothing, names it at its clip and exits 1; --force-status
/// says it again and produces anyway.
#[test]
fn submit_refuses_media_not_normal_naming_it_and_force_status_overrides() {
    let env = Env::new();
    let id = "c0ffee00c0ffee00c0ffee00c0ffee02";
    env.server.add_media(id, "video", "Beach day", 10.0, "Uploading");
    let file =
        env.project(&format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"{id}","In":0,"Out":4}}]}}]}}"#));
    let out = env.run(&["submit", p(&file)]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(e.contains("error: track 1 (V1), clip 1") && e.contains("\"Beach day\""), "named at its clip: {e}");
    assert!(e.contains("--force-status"), "says how to go on: {e}");
    assert_eq!(env.server.handled("GetVideoInfos"), 1, "VOD was asked");
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 0, "nothing was sent");
    assert!(text(&out.stdout).is_empty());

    let out = env.run(&["submit", p(&file), "--force-status", "--json"]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{e}");
    assert!(e.contains("\"Beach day\"") && e.contains("--force-status"), "still said: {e}");
    assert_eq!(env.server.handled("ProduceEditingProjectVideo"), 1, "sent once");
}

/// --force-status lets media that are not Normal through, nothing else: a media VOD does not
/// know, or a check that could not be made, is still a warning that needs --yes (it used to
/// be waved through with the rest, a billed production nobody confirmed).
#[test]
fn force_status_does_not_answer_the_warnings_for_the_user() {
    let env = Env::new();
    let unknown = "ee00ee00ee00ee00ee00ee00ee00ee01";
    let file = env
        .project(&format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"{unknown}","In":0,"Out":4}}]}}]}}"#));
    let out = env.run(&["submit", p(&file), "--force-status"]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(e.contains(unknown) && e.contains("--yes"), "{e}");
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 0, "nothing was sent");
    // The warning names the region VOD was asked in, not the project's.
    let out = env.run(&["submit", p(&file), "--region", "cn-beijing"]);
    let e = text(&out.stderr);
    assert!(e.contains("in cn-beijing") && !e.contains("cn-shanghai"), "{e}");
    let out = env.run(&["submit", p(&file), "--force-status", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(env.server.handled("ProduceEditingProjectVideo"), 1, "sent once, confirmed");
}

#[test]
fn wrong_secret_exits_5_and_explains() {
    let mut env = Env::new();
    env.secret = "wrong-secret-value".into();
    let file = env.project(CLEAN);
    // The media check is refused first: a warning says why, and --yes is needed to go on.
    let out = env.run(&["submit", p(&file)]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("could not ask VOD") && err.contains("check the secret"), "{err}");
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 0);
    let out = env.run(&["submit", p(&file), "--yes"]);
    assert_eq!(out.status.code(), Some(5));
    let err = text(&out.stderr);
    assert!(err.contains("SignatureDoesNotMatch") && err.contains("check the secret"), "{err}");
    assert!(!err.contains("wrong-secret-value"));
    let out = env.run(&["jobs", "--json"]);
    let jobs: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(jobs[0]["State"], "Failed");
}

#[test]
fn an_unknown_outcome_exits_7_and_is_recorded() {
    let env = Env::new();
    env.server.fault_on("ProduceEditingProjectVideo", Fault::DropAfterHandling);
    let file = env.project(CLEAN);
    let out = env.run(&["submit", p(&file)]);
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("outcome is unknown"));
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 1);
    let out = env.run(&["jobs", "--json"]);
    let jobs: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(jobs[0]["State"], "OutcomeUnknown");
}

#[test]
fn a_200_answer_without_ids_or_unreadable_is_an_unknown_outcome() {
    // The service took the request (200) but its answer names no production, or cannot be
    // read: a production may be running and billed, so this is exit 7, never "refused" (5).
    for answer in [r#"{"RequestId":"R-NO-IDS"}"#, r#"{"RequestId":"R-2","MediaId":5}"#] {
        let env = Env::new();
        env.server.fault_on("ProduceEditingProjectVideo", Fault::Answer(answer));
        let file = env.project(CLEAN);
        let out = env.run(&["submit", p(&file)]);
        assert_eq!(out.status.code(), Some(7), "{answer}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains("outcome is unknown"), "{}", text(&out.stderr));
        let out = env.run(&["jobs", "--json"]);
        let jobs: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(jobs[0]["State"], "OutcomeUnknown", "{answer}");
    }
}

#[test]
fn no_credentials_lists_where_it_looked() {
    let env = Env::new();
    let file = env.project(CLEAN);
    let out = support::isolated(env!("CARGO_BIN_EXE_vodcut"), env.home.path())
        .env_remove("PATH")
        .args(["submit", p(&file)])
        .env("VODCUT_ENDPOINT", env.server.url())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = text(&out.stderr);
    assert!(err.contains("ALIBABA_CLOUD_ACCESS_KEY_ID") && err.contains(".aliyun/config.json"), "{err}");
}

#[test]
fn plain_http_to_another_machine_is_refused() {
    let env = Env::new();
    let file = env.project(CLEAN);
    let out = env.run(&["submit", p(&file), "--endpoint", "http://192.0.2.1/"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(text(&out.stderr).contains("plain http"));
    assert_eq!(env.server.requests().len(), 0);
}

#[test]
fn media_search_filters_by_kind_and_quotes_titles_safely() {
    let env = Env::new();
    env.server.add_media("v1", "video", "Beach (sunset) it's warm", 42.5, "Normal");
    env.server.add_media("v2", "video", "Mountain", 10.0, "Transcoding");
    env.server.add_media("a1", "audio", "Beach theme", 180.0, "Normal");
    let out = env.run(&["media", "search", "it's warm", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["Total"], 1);
    assert_eq!(v["MediaList"][0]["MediaId"], "v1");
    assert_eq!(v["MediaList"][0]["Duration"], 42.5);
    let sent = env.server.requests().last().unwrap().params.clone();
    assert_eq!(sent["Match"], r"Title in ('it\'s warm')");
    // A parenthesis in the text does not end the expression.
    let out = env.run(&["media", "search", "(sunset)"]);
    assert!(text(&out.stdout).contains("1 video item matches"), "{}", text(&out.stdout));
    // Kind filter, and a warning for media that is not Normal.
    let out = env.run(&["media", "search", "--kind", "audio"]);
    assert!(text(&out.stdout).contains("a1") && !text(&out.stdout).contains("v1"));
    let out = env.run(&["media", "search", "Mountain"]);
    assert!(text(&out.stdout).contains("transcoding: not usable until ready"), "{}", text(&out.stdout));
}

#[test]
fn media_search_pages_and_scroll_tokens() {
    let env = Env::new();
    for i in 0..45 {
        env.server.add_media(&format!("v{i:02}"), "video", &format!("Clip {i}"), 1.0, "Normal");
    }
    let out = env.run(&["media", "search", "--page", "3", "--page-size", "20", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["MediaList"].as_array().unwrap().len(), 5);
    let out = env.run(&["media", "search", "--page-size", "20"]);
    let s = text(&out.stdout);
    let token = s.lines().find_map(|l| l.strip_prefix("More: --scroll-token ")).expect("a token").to_owned();
    let out = env.run(&["media", "search", "--page-size", "20", "--scroll-token", &token, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["MediaList"][0]["MediaId"], "v20");
}

#[test]
fn media_info_batches_by_twenty_and_names_missing_ids() {
    let env = Env::new();
    let mut ids = Vec::new();
    for i in 0..25 {
        env.server.add_media(&format!("m{i:02}"), "video", &format!("M {i}"), 2.0, "Normal");
        ids.push(format!("m{i:02}"));
    }
    ids.push("nope".into());
    let mut args = vec!["media", "info", "--json"];
    args.extend(ids.iter().map(String::as_str));
    let out = env.run(&args);
    assert_eq!(out.status.code(), Some(5), "a missing ID is reported");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["VideoList"].as_array().unwrap().len(), 25);
    assert_eq!(v["NonExistVideoIds"][0], "nope");
    assert_eq!(env.server.received("GetVideoInfos"), 2, "26 IDs: two calls of at most 20");
}

/// Runs `vodcut ARGS` in `dir`, killed after 20 s (a read that blocks must fail the test, not
/// hang it).
fn run_within(env: &Env, dir: &Path, args: &[&str]) -> Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vodcut"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("LC_ALL", "C.UTF-8")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.home.path())
        .env("VODCUT_DATA_DIR", env.home.path().join("data"))
        .env("VODCUT_ENDPOINT", env.server.url())
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", &env.secret)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("vodcut {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn status_only_reads_the_history_and_ids_never_name_files_elsewhere() {
    let env = Env::new();
    let library = "0123456789abcdef0123456789abcdef";
    env.server.add_media(library, "video", "Library clip", 5.0, "Normal");
    // A library MediaId is asked about and shown, but it is no production of ours: the
    // history stays empty.
    let out = env.run(&["status", library, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let job: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(job["VideoStatus"], "Normal");
    let out = env.run(&["jobs", "--json"]);
    assert_eq!(text(&out.stdout).trim(), "[]", "no phantom production");
    assert!(!env.home.path().join("data/jobs").join(format!("{library}.json")).exists());
    // `../` in an ID goes nowhere: refused before anything is asked or written.
    let sent = env.server.requests().len();
    for bad in ["../../escaped", "../x", "a/b", "5aed81b74ba84920be578cdfe004af4b/../../y"] {
        let out = env.run(&["status", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains("is not an ID"), "{}", text(&out.stderr));
    }
    assert_eq!(env.server.requests().len(), sent, "nothing was asked");
    let written: Vec<_> =
        walk(env.home.path()).into_iter().filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    assert!(written.is_empty(), "{written:?}");
    // An ID of a valid form that the history does not know, and VOD cannot be asked about.
    let out = env.run(&["status", "25818875-5F78-4A13-BEF6-D7393642CA58"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("no job 25818875-5F78-4A13-BEF6-D7393642CA58 in the history"));
    // A pasted megabyte is not echoed whole.
    let huge = "x".repeat(100_000);
    let out = env.run(&["status", &huge]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stderr.len() < 1000, "{} bytes of stderr", out.stderr.len());
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

#[test]
fn jobs_notes_go_to_stderr_records_are_bounded_and_the_limit_is_checked() {
    let env = Env::new();
    let file = env.project(CLEAN);
    // Submitted from the project's folder by a relative name: the record names the file
    // absolutely, so the history means the same from anywhere.
    let out = run_within(&env, env.home.path(), &["submit", "film.vodcut", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let jobs_dir = env.home.path().join("data/jobs");
    std::fs::write(jobs_dir.join("0000000000001-aaaaaa.json"), "{").unwrap();
    // A FIFO would block a plain read forever, a link to /dev/zero would read until memory
    // runs out.
    let fifo = jobs_dir.join("0000000000002-bbbbbb.json");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink("/dev/zero", jobs_dir.join("0000000000003-cccccc.json")).unwrap();
    let out = run_within(&env, env.home.path(), &["jobs", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let jobs: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("only JSON on stdout");
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0]["ProjectFile"], serde_json::Value::from(file.to_str().unwrap()));
    let notes = text(&out.stderr);
    assert_eq!(notes.matches("unreadable record skipped").count(), 3, "{notes}");
    assert!(notes.contains("FIFO") && notes.contains("device"), "{notes}");
    let out = run_within(&env, env.home.path(), &["jobs"]);
    assert_eq!(text(&out.stdout).lines().count(), 1, "{}", text(&out.stdout));
    // Showing none is no use: the range is said.
    let out = env.run(&["jobs", "--limit", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--limit"), "{}", text(&out.stderr));
}

#[test]
fn media_search_refuses_a_page_size_outside_1_to_100_instead_of_changing_it() {
    let env = Env::new();
    // 1000 was silently 100, 0 silently 1: a script paging by 1000 missed results unawares.
    for (flag, bad) in [("--page-size", "1000"), ("--page-size", "0"), ("--page", "0")] {
        let out = env.run(&["media", "search", flag, bad]);
        assert_eq!(out.status.code(), Some(2), "{flag} {bad}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains(flag), "{}", text(&out.stderr));
    }
    assert!(text(&env.run(&["media", "search", "--page-size", "1000"]).stderr).contains("1..=100"));
    assert_eq!(env.server.requests().len(), 0, "nothing was asked");
    let out = env.run(&["media", "search", "--page-size", "100", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// A submission whose answer was lost may have made a production, billed: submitting the
/// project again looks for it first. Found, its job is completed and nothing is sent again;
/// not found, nothing is sent until the user says so (--resend-unknown).
#[test]
fn submitting_again_after_a_lost_answer_looks_for_the_production_first() {
    let env = Env::new();
    let file = env.project(CLEAN);
    // Carried out by VOD, the answer lost on the way back.
    env.server.fault_on("ProduceEditingProjectVideo", Fault::DropAfterHandling);
    let out = env.run(&["submit", p(&file), "--yes"]);
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    let out = env.run(&["submit", p(&file), "--yes"]);
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("did reach VOD: ProjectId"), "{said}");
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 1, "not sent again: {said}");
    let jobs: Vec<serde_json::Value> = serde_json::from_slice(&env.run(&["jobs", "--json"]).stdout).unwrap();
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0]["State"], "Submitted", "{}", jobs[0]);
    assert!(jobs[0]["ProjectId"].as_str().is_some_and(|id| !id.is_empty()), "{}", jobs[0]);

    // Lost before VOD carried it out: not found, so nothing is sent without the user's word.
    let env = Env::new();
    let file = env.project(CLEAN);
    env.server.fault_on("ProduceEditingProjectVideo", Fault::DropBeforeHandling);
    assert_eq!(env.run(&["submit", p(&file), "--yes"]).status.code(), Some(7));
    let out = env.run(&["submit", p(&file), "--yes"]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(7), "{e}");
    assert!(e.contains("lost its answer") && e.contains("--resend-unknown"), "{e}");
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 1, "{e}");
    let out = env.run(&["submit", p(&file), "--yes", "--resend-unknown"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 2);
}

/// The Timeline a production sent last.
fn sent_timeline(env: &Env) -> serde_json::Value {
    let sent = env.server.requests().into_iter().rfind(|r| r.action == "ProduceEditingProjectVideo" && r.handled);
    serde_json::from_str(&sent.unwrap().params["Timeline"]).unwrap()
}

/// Issue 26, sync without surprises: an edit made in the VOD console between two submissions
/// is found (exit 3, the difference printed, nothing sent) and `--theirs` / `--mine` settle it.
#[test]
fn a_cloud_edit_between_two_submissions_is_refused_until_mine_or_theirs() {
    let env = Env::new();
    let file = env.project(CLEAN);
    let out = env.run(&["submit", p(&file), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pid = project_file::open(&file).unwrap().project.project_id.unwrap();
    assert!(project_file::open(&file).unwrap().project.sync_base.is_some(), "the file notes the base it synced");
    // Unchanged in the cloud: the next submission goes.
    let out = env.run(&["submit", p(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(env.server.handled("ProduceEditingProjectVideo"), 2);

    // Someone trims the clip and adds one in the console.
    const THEIRS: &str = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":1,"Out":4},{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":10,"Out":12}]}]}"#;
    assert!(env.server.edit_project_timeline(&pid, THEIRS));
    let out = env.run(&["submit", p(&file)]);
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{said}");
    assert!(said.contains(&pid) && said.contains("changed in the cloud"), "{said}");
    assert!(said.contains("V1, clip 1") && said.contains("trimmed"), "{said}");
    assert!(said.contains("V1, clip 2") && said.contains("added"), "{said}");
    assert!(said.contains("--mine") && said.contains("--theirs"), "{said}");
    let out = env.run(&["submit", p(&file), "--json", "--yes"]);
    assert_eq!(out.status.code(), Some(3));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["error"]["exit_code"], 3);
    assert_eq!(v["error"]["kind"], "cloud_changed", "not an output that could not be written: {v}");
    assert_eq!(env.server.handled("ProduceEditingProjectVideo"), 2, "nothing is sent while refusing");

    // --theirs: the cloud's timeline into the file, nothing sent.
    let out = env.run(&["submit", p(&file), "--theirs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("nothing was sent"), "{}", text(&out.stdout));
    assert_eq!(env.server.handled("ProduceEditingProjectVideo"), 2);
    let taken = project_file::open(&file).unwrap().project;
    let theirs: serde_json::Value = serde_json::from_str(THEIRS).unwrap();
    assert_eq!(serde_json::to_value(vodcut::model::export::timeline(&taken)).unwrap(), theirs);
    // Settled: the next submission sends the file as it now is.
    let out = env.run(&["submit", p(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(sent_timeline(&env), theirs);

    // Another console edit; --mine sends mine over it.
    assert!(env.server.edit_project_timeline(&pid, CLEAN));
    let out = env.run(&["submit", p(&file)]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let out = env.run(&["submit", p(&file), "--mine"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(env.server.handled("ProduceEditingProjectVideo"), 4);
    assert_eq!(sent_timeline(&env), theirs, "mine was sent");
    // --theirs when nothing changed in the cloud takes nothing and sends nothing.
    let out = env.run(&["submit", p(&file), "--theirs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(env.server.handled("ProduceEditingProjectVideo"), 4);
}

/// A file whose base this machine does not have (moved from another machine) is compared
/// two-way: a difference is asked about, never sent over.
#[test]
fn without_a_base_a_differing_cloud_project_is_asked_about() {
    let env = Env::new();
    let file = env.project(CLEAN);
    let out = env.run(&["submit", p(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut opened = project_file::open(&file).unwrap();
    let pid = opened.project.project_id.clone().unwrap();
    opened.project.sync_base = None;
    project_file::save(&file, &opened.project).unwrap();
    // The same Timeline in the cloud: nothing to lose, it goes.
    let out = env.run(&["submit", p(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    opened = project_file::open(&file).unwrap();
    opened.project.sync_base = None;
    project_file::save(&file, &opened.project).unwrap();
    env.server.edit_project_timeline(&pid, r#"{"VideoTracks":[{"VideoTrackClips":[]}]}"#);
    let out = env.run(&["submit", p(&file)]);
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{said}");
    assert!(said.contains("no record") && said.contains("removed"), "{said}");
    assert_eq!(env.server.handled("ProduceEditingProjectVideo"), 2);
    // The request fields `export` prints carry the ProjectId too: checked the same way, and
    // --theirs has no project file to write into.
    let out = env.run(&["export", p(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let fields = env.home.path().join("fields.json");
    std::fs::write(&fields, &out.stdout).unwrap();
    let out = env.run(&["submit", p(&fields)]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let out = env.run(&["submit", p(&fields), "--theirs"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("not a project file"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&fields).unwrap(), env.run(&["export", p(&file)]).stdout, "the input is untouched");
    assert_eq!(env.server.handled("ProduceEditingProjectVideo"), 2);
    // Reading the cloud project fails: nothing is sent either.
    env.server.fault_on("GetEditingProject", Fault::Answer(r#"{"RequestId":"x"}"#));
    let out = env.run(&["submit", p(&file), "--mine"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(env.server.handled("ProduceEditingProjectVideo"), 2);
}
