//! `vodcut batch TEMPLATE ROWS` as a user runs it, against the loopback VOD server: what the
//! server received is checked, not what vodcut says it sent.

#[path = "support/cli.rs"]
mod cli;
mod support;

use serde_json::Value;
use std::path::PathBuf;
use std::process::Output;
use support::vod_server::Fault;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn media(i: usize) -> String {
    format!("{:032x}", 0xabc0 + i)
}

/// A template: a title and a subtitle from the row, the clip's media and its In and Out.
const TEMPLATE: &str = r#"{
  "FormatVersion": 1,
  "Title": "{{title}}",
  "Tracks": [
    {"Kind": "Video", "Name": "V1", "Clips": [{"MediaId": "{{media}}", "In": "{{start}}", "Out": "{{end}}"}]},
    {"Kind": "Image", "Name": "I1", "Clips": [{"ImageId": "10600000000000000000000000000001", "X": 1120, "Y": 40, "Width": 120, "Height": 68}]}
  ],
  "TemplateSamples": {"title": "Sample", "media": "00000000000000000000000000000000", "start": "0", "end": "4"}
}"#;

struct Batch {
    env: cli::Env,
    template: PathBuf,
    rows: PathBuf,
}

impl Batch {
    /// A template and `n` rows (each its own media, Normal in the library).
    fn new(n: usize) -> Batch {
        let env = cli::Env::new();
        let template = env.home.path().join("promo.vodcut");
        std::fs::write(&template, TEMPLATE).unwrap();
        let mut csv = String::from("title,media,start,end\r\n");
        for i in 1..=n {
            env.server.add_media(&media(i), "video", &format!("Source {i}"), 30.0, "Normal");
            // A title with a comma and quotes: RFC 4180 quoting.
            csv.push_str(&format!("\"Shoe {i}, \"\"red\"\"\",{},{i},{}\r\n", media(i), i + 3));
        }
        let rows = env.home.path().join("rows.csv");
        std::fs::write(&rows, csv).unwrap();
        Batch { env, template, rows }
    }

    fn run(&self, extra: &[&str]) -> Output {
        let mut args = vec!["batch", self.template.to_str().unwrap(), self.rows.to_str().unwrap()];
        args.extend_from_slice(extra);
        self.env.command_with_keys(&args).env("VODCUT_BATCH_POLL_MS", "50").output().unwrap()
    }

    fn manifest(&self) -> Vec<Value> {
        let path = self.rows.with_extension("batch").join("manifest.jsonl");
        std::fs::read_to_string(path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    /// The last line of every row, by (row, variant).
    fn last(&self) -> std::collections::BTreeMap<(u64, String), Value> {
        self.manifest()
            .into_iter()
            .map(|v| ((v["Row"].as_u64().unwrap(), v["Variant"].as_str().unwrap_or("").to_owned()), v))
            .collect()
    }

    /// The productions the server carried out: (Title, Timeline, ProduceConfig).
    fn produced(&self) -> Vec<(String, Value, Value)> {
        self.env
            .server
            .requests()
            .into_iter()
            .filter(|r| r.action == "ProduceEditingProjectVideo" && r.handled)
            .map(|r| {
                let json = |k: &str| r.params.get(k).map(|t| serde_json::from_str(t).unwrap()).unwrap_or(Value::Null);
                (r.params.get("Title").cloned().unwrap_or_default(), json("Timeline"), json("ProduceConfig"))
            })
            .collect()
    }
}

fn ok(out: &Output) {
    assert_eq!(out.status.code(), Some(0), "stdout:\n{}\nstderr:\n{}", text(&out.stdout), text(&out.stderr));
}

#[test]
fn five_rows_make_five_verified_productions_and_a_second_run_sends_nothing() {
    let b = Batch::new(5);
    let out = b.run(&["--wait", "--concurrency", "3"]);
    ok(&out);
    let produced = b.produced();
    assert_eq!(produced.len(), 5, "{}", text(&out.stderr));
    for i in 1..=5 {
        let (_, timeline, _) = produced
            .iter()
            .find(|(title, ..)| title == &format!("Shoe {i}, \"red\""))
            .unwrap_or_else(|| panic!("row {i}'s title: {produced:?}"));
        let clip = &timeline["VideoTracks"][0]["VideoTrackClips"][0];
        assert_eq!(clip["MediaId"], media(i).as_str());
        assert_eq!((clip["In"].as_f64(), clip["Out"].as_f64()), (Some(i as f64), Some(i as f64 + 3.0)), "numbers");
    }
    let last = b.last();
    assert_eq!(last.len(), 5);
    for (key, e) in &last {
        assert_eq!(e["State"], "Produced", "{key:?}: --wait follows each to its end");
        assert!(e["MediaId"].is_string() && e["ProjectId"].is_string() && e["RequestId"].is_string(), "{e}");
    }
    let progress = text(&out.stderr);
    assert!(progress.contains("[####################] [5/5, 0 in flight]"), "{progress}");
    assert!(progress.contains("[--------------------] [0/5, "), "a bar from the start: {progress}");
    assert_eq!(text(&out.stdout).lines().count(), 5, "{}", text(&out.stdout));

    let again = b.run(&[]);
    ok(&again);
    assert_eq!(b.env.server.received("ProduceEditingProjectVideo"), 5, "nothing sent twice");
    // The job history has each production too (vodcut jobs, vodcut status).
    let jobs = b.env.run(&["jobs", "--json"]);
    let jobs: Vec<Value> = serde_json::from_slice(&jobs.stdout).unwrap();
    assert_eq!(jobs.len(), 5);
}

#[test]
fn a_bad_row_stops_the_batch_with_its_row_number_and_nothing_is_sent() {
    let b = Batch::new(5);
    let csv = std::fs::read_to_string(&b.rows).unwrap();
    let mut lines: Vec<String> = csv.lines().map(str::to_owned).collect();
    lines[3] = format!("Shoe 3,{},soon,6", media(3));
    lines[5] = "Shoe 5,,1,2".to_owned();
    std::fs::write(&b.rows, lines.join("\n")).unwrap();
    let out = b.run(&[]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(e.contains("row 3, column \"start\"") && e.contains("\"soon\" is not a time"), "{e}");
    assert!(e.contains("row 5, column \"media\"") && e.contains("MediaId cannot be empty"), "{e}");
    assert!(e.contains("2 rows cannot be produced") && e.contains("nothing was sent"), "{e}");
    assert!(b.env.server.requests().is_empty(), "VOD was not even asked");
    assert!(!b.rows.with_extension("batch").exists(), "no manifest for a batch that did not start");

    let out = b.run(&["--skip-bad"]);
    ok(&out);
    assert_eq!(b.produced().len(), 3);
    let rows: Vec<u64> = b.last().keys().map(|k| k.0).collect();
    assert_eq!(rows, [1, 2, 4]);
}

#[test]
fn a_lost_answer_is_looked_for_not_sent_again() {
    let b = Batch::new(3);
    // Row 1's production is carried out, its answer lost.
    b.env.server.fault_on("ProduceEditingProjectVideo", Fault::DropAfterHandling);
    let out = b.run(&["--concurrency", "1"]);
    ok(&out);
    assert_eq!(b.env.server.received("ProduceEditingProjectVideo"), 3, "row 1 was not sent again");
    assert!(b.env.server.handled("SearchEditingProject") >= 1 && b.env.server.handled("GetEditingProject") >= 1);
    let states: Vec<String> =
        b.manifest().iter().filter(|e| e["Row"] == 1).map(|e| e["State"].as_str().unwrap().to_owned()).collect();
    assert_eq!(states, ["Sending", "Unknown", "Submitted"], "recorded, lost, then found");
    let first = &b.last()[&(1, String::new())];
    assert!(first["ProjectId"].as_str().is_some_and(|p| !p.is_empty()), "{first}");

    // Lost before VOD carried it out: not found, so it waits for the user.
    let b = Batch::new(2);
    b.env.server.fault_on("ProduceEditingProjectVideo", Fault::DropBeforeHandling);
    let out = b.run(&["--concurrency", "1"]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(7), "{e}");
    assert!(e.contains("--resend-unknown"), "{e}");
    assert_eq!(b.produced().len(), 1);
    let out = b.run(&[]);
    assert_eq!(out.status.code(), Some(7));
    assert_eq!(b.env.server.received("ProduceEditingProjectVideo"), 2, "a second run does not guess");
    let out = b.run(&["--resend-unknown"]);
    ok(&out);
    assert_eq!(b.produced().len(), 2);
}

#[test]
fn variants_make_each_shape_with_its_output_size() {
    let b = Batch::new(2);
    let out = b.run(&["--variants", "16:9,9:16,1:1"]);
    ok(&out);
    let produced = b.produced();
    assert_eq!(produced.len(), 6);
    let mut sizes: Vec<(String, u64, u64)> = produced
        .iter()
        .map(|(t, _, c)| (t.clone(), c["Width"].as_u64().unwrap(), c["Height"].as_u64().unwrap()))
        .collect();
    sizes.sort();
    let shoe1 = "Shoe 1, \"red\"".to_owned();
    assert_eq!(sizes[..3], [(shoe1.clone(), 720, 720), (shoe1.clone(), 720, 1280), (shoe1, 1280, 720)]);
    // The logo in the top right corner stays in the top right corner of the portrait frame.
    let portrait = produced.iter().find(|(_, _, c)| c["Width"] == 720).unwrap();
    let logo = &portrait.1["ImageTracks"][0]["ImageTrackClips"][0];
    let (x, w) = (logo["X"].as_f64().unwrap(), logo["Width"].as_f64().unwrap());
    assert!(x + w > 600.0 && x + w <= 720.0, "{logo}");
    assert_eq!(w, 68.0, "scaled by 720/1280, not stretched");
    let keys: Vec<(u64, String)> = b.last().into_keys().collect();
    assert_eq!(keys.len(), 6);
    assert!(keys.contains(&(2, "9:16".into())), "{keys:?}");
    // Again: nothing more.
    ok(&b.run(&["--variants", "16:9,9:16,1:1"]));
    assert_eq!(b.env.server.received("ProduceEditingProjectVideo"), 6);
}

#[test]
fn dry_run_sends_nothing_and_writes_nothing() {
    let b = Batch::new(3);
    let out = b.run(&["--dry-run"]);
    ok(&out);
    let said = text(&out.stdout);
    assert_eq!(said.lines().count(), 3, "{said}");
    assert!(said.contains("row 2: would send \"Shoe 2, \"red\"\", 2 clips, 1280x720"), "{said}");
    assert!(text(&out.stderr).contains("3 of 3 productions would be sent"));
    assert!(b.env.server.requests().is_empty());
    assert!(!b.rows.with_extension("batch").exists());
}

#[test]
fn throttling_is_waited_out_and_the_row_sent_once() {
    let b = Batch::new(2);
    // More Throttling answers than the client's own tries: the batch pauses and goes again.
    for _ in 0..4 {
        b.env.server.fault_on("ProduceEditingProjectVideo", Fault::Throttle { retry_after_ms: 5 });
    }
    let out = b.run(&["--concurrency", "1"]);
    ok(&out);
    assert_eq!(b.produced().len(), 2, "{}", text(&out.stderr));
    assert!(b.last().values().all(|e| e["State"] == "Submitted"));
    // Each attempt's Sending line starts clean: an earlier attempt's JobId is not this one's.
    let sending: Vec<Value> = b.manifest().into_iter().filter(|e| e["State"] == "Sending").collect();
    assert!(sending.len() > 2, "{sending:?}");
    for e in &sending {
        assert!(e.get("JobId").is_none() && e.get("RequestId").is_none() && e["SentAt"].is_u64(), "{e}");
    }
}

#[test]
fn a_row_changed_since_it_was_sent_is_not_taken_for_it() {
    let b = Batch::new(2);
    ok(&b.run(&[]));
    let csv = std::fs::read_to_string(&b.rows).unwrap().replace("Shoe 2", "Boot 2");
    std::fs::write(&b.rows, csv).unwrap();
    let out = b.run(&[]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{e}");
    assert!(e.contains("row 2 is not what the manifest recorded") && e.contains("--out"), "{e}");
    assert_eq!(b.env.server.received("ProduceEditingProjectVideo"), 2);
}

#[test]
fn a_template_is_validated_with_its_samples_and_rows_must_name_every_slot() {
    let b = Batch::new(1);
    let out = b.env.run(&["validate", b.template.to_str().unwrap()]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{e}{}", text(&out.stdout));
    assert!(e.contains("is a template (4 slots)"), "{e}");
    // A sample In after its Out: validation of the filled template finds it.
    std::fs::write(&b.template, TEMPLATE.replace(r#""start": "0""#, r#""start": "9""#)).unwrap();
    let out = b.env.run(&["validate", b.template.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("must be after In"), "{}", text(&out.stdout));
    std::fs::write(&b.template, TEMPLATE.replace(r#""end": "4""#, r#""unused": "4""#)).unwrap();
    let out = b.env.run(&["validate", b.template.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no value for the slot {{end}} (used at track 1, clip 1: Out)"));

    std::fs::write(&b.template, TEMPLATE).unwrap();
    std::fs::write(&b.rows, format!("title,media,start,colour\nA,{},0,red\n", media(1))).unwrap();
    let out = b.run(&[]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(e.contains("no column \"end\" for the slot used at track 1, clip 1: Out"), "{e}");
    assert!(e.contains("the column \"colour\" fills no slot"), "{e}");
    assert!(b.env.server.requests().is_empty());
}

/// Ctrl+C while a production is in flight: it finishes and is recorded, nothing new starts,
/// exit 130; the same command then sends only the rest.
#[test]
fn ctrl_c_stops_cleanly_with_the_manifest_true() {
    let b = Batch::new(4);
    // Row 2's request is slow: Ctrl+C comes while it is in flight.
    b.env.server.fault_on("ProduceEditingProjectVideo", Fault::Delay(std::time::Duration::ZERO));
    b.env.server.fault_on("ProduceEditingProjectVideo", Fault::Delay(std::time::Duration::from_millis(1500)));
    let args = ["batch", b.template.to_str().unwrap(), b.rows.to_str().unwrap(), "--concurrency", "1"];
    let child = b
        .env
        .command_with_keys(&args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let manifest = b.rows.with_extension("batch").join("manifest.jsonl");
    let start = std::time::Instant::now();
    while !std::fs::read_to_string(&manifest).is_ok_and(|t| t.contains(r#""Row":2,"State":"Sending""#)) {
        assert!(start.elapsed().as_secs() < 20, "row 2 never went");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGINT) }, 0);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("run the same command again to continue"), "{}", text(&out.stderr));
    let last = b.last();
    assert_eq!(last.keys().map(|k| k.0).collect::<Vec<_>>(), [1, 2], "nothing new started");
    assert!(last.values().all(|e| e["State"] == "Submitted"), "the one in flight was recorded: {last:?}");
    assert_eq!(b.env.server.received("ProduceEditingProjectVideo"), 2);
    ok(&b.run(&[]));
    assert_eq!(b.env.server.received("ProduceEditingProjectVideo"), 4, "the rest, once");
}

#[test]
fn a_warning_of_every_row_is_said_once_and_needs_yes_and_regions_do_not_mix() {
    let b = Batch::new(5);
    std::fs::write(&b.template, TEMPLATE.replace("10600000000000000000000000000001", "logo")).unwrap();
    let out = b.run(&[]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert_eq!(e.matches("ImageId \"logo\"").count(), 1, "{e}");
    assert!(e.contains("row 1, row 2, row 3 and 2 more: warning:"), "{e}");
    assert!(e.contains("--yes"), "{e}");
    assert!(b.env.server.requests().is_empty());

    let regional = TEMPLATE.replace(
        r#""Title": "{{title}}","#,
        r#""Title": "{{title}}", "Region": "{{region}}", "ProduceConfig": {"StorageLocation": "{{storage}}"},"#,
    );
    std::fs::write(&b.template, regional).unwrap();
    let csv = format!(
        "title,media,start,end,region,storage\nA,{},0,4,cn-shanghai,outin-1.oss-cn-shanghai.aliyuncs.com\n\
         B,{},0,4,cn-beijing,outin-2.oss-cn-beijing.aliyuncs.com\n",
        media(1),
        media(2)
    );
    std::fs::write(&b.rows, csv).unwrap();
    let out = b.run(&[]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{e}");
    assert!(e.contains("different regions (cn-beijing, cn-shanghai)"), "{e}");
    assert!(b.env.server.requests().is_empty());
}

fn now_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as u64
}

/// A row whose answer was lost, and 600 projects of its title made after it (a long batch of
/// one title): the look-up goes through all of them, finds it, and `--resend-unknown` does not
/// bill it again. (The newest 500 alone did not hold it.)
#[test]
fn a_lost_row_is_found_behind_more_than_500_projects_of_its_title() {
    let b = Batch::new(1);
    b.env.server.fault_on("ProduceEditingProjectVideo", Fault::DropAfterHandling);
    b.env.server.fault_on("SearchEditingProject", Fault::Error { status: 403, code: "Forbidden.RAM" });
    let out = b.run(&[]);
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    assert_eq!(b.last()[&(1, String::new())]["State"], "Unknown");
    let title = "Shoe 1, \"red\"";
    let later = now_ms() + 1000;
    for i in 0..600 {
        let timeline = format!(
            r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"{}","In":0,"Out":{}}}]}}]}}"#,
            media(1),
            i + 1
        );
        b.env.server.add_project(&format!("other{i:04}"), title, &timeline, later + i);
    }
    let out = b.run(&["--resend-unknown"]);
    ok(&out);
    assert_eq!(b.env.server.received("ProduceEditingProjectVideo"), 1, "not billed twice");
    let first = &b.last()[&(1, String::new())];
    assert_eq!(first["State"], "Submitted");
    assert!(first["ProjectId"].as_str().is_some_and(|p| !p.starts_with("other")), "{first}");
    let search = b.env.server.requests().into_iter().rfind(|r| r.action == "SearchEditingProject").unwrap();
    assert!(search.params.contains_key("StartTime") && search.params.contains_key("EndTime"), "{:?}", search.params);
}

/// A project of the same title and Timeline made an hour after the row was sent is not its
/// production: the search window ends ten minutes after the send.
#[test]
fn a_project_made_long_after_the_send_is_not_taken_for_the_lost_row() {
    let b = Batch::new(1);
    let other = b.env.home.path().join("other");
    ok(&b.run(&["--out", other.to_str().unwrap()]));
    {
        let mut st = b.env.server.state.lock().unwrap();
        // Made (its CreationTime, which SearchEditingProject's window reads) an hour later.
        for p in st.projects.values_mut() {
            p.submitted_ms += 3_600_000;
            p.created_ms += 3_600_000;
        }
    }
    b.env.server.fault_on("ProduceEditingProjectVideo", Fault::DropBeforeHandling);
    let out = b.run(&[]);
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    assert_eq!(b.last()[&(1, String::new())]["State"], "NotFound");
}

/// `--resend-unknown` looks for a "not found" row again before sending it: its production
/// showed up since (here: the first search's answer was empty).
#[test]
fn resend_unknown_looks_again_before_sending() {
    let b = Batch::new(2);
    b.env.server.fault_on("ProduceEditingProjectVideo", Fault::DropAfterHandling);
    b.env.server.fault_on(
        "SearchEditingProject",
        Fault::Answer(r#"{"RequestId":"r1","Total":0,"ProjectList":{"Project":[]}}"#),
    );
    let out = b.run(&["--concurrency", "1"]);
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    assert_eq!(b.last()[&(1, String::new())]["State"], "NotFound");
    let out = b.run(&["--resend-unknown"]);
    ok(&out);
    assert_eq!(b.env.server.received("ProduceEditingProjectVideo"), 2, "row 1 was found, not sent again");
    let first = &b.last()[&(1, String::new())];
    assert_eq!(first["State"], "Submitted", "{first}");
}

/// Two rows alike (title and Timeline), both answers lost, one carried out: which row made it
/// cannot be told, so neither is taken for it and neither is sent again.
#[test]
fn two_lost_rows_alike_are_unknown_not_guessed() {
    let b = Batch::new(1);
    let csv = std::fs::read_to_string(&b.rows).unwrap();
    let line = csv.lines().nth(1).unwrap().to_owned();
    std::fs::write(&b.rows, format!("{csv}{line}\r\n")).unwrap();
    b.env.server.fault_on("ProduceEditingProjectVideo", Fault::DropBeforeHandling);
    b.env.server.fault_on("ProduceEditingProjectVideo", Fault::DropAfterHandling);
    let out = b.run(&["--concurrency", "1"]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(7), "{e}");
    let last = b.last();
    for row in [1, 2] {
        let l = &last[&(row, String::new())];
        assert_eq!(l["State"], "Unknown", "row {row}: {l}");
        assert!(l["Error"].as_str().is_some_and(|t| t.contains("cannot be told apart")), "{l}");
    }
    let out = b.run(&["--resend-unknown"]);
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    assert_eq!(b.env.server.received("ProduceEditingProjectVideo"), 2, "nothing sent again");
    assert_eq!(b.produced().len(), 1);
}

/// `16:9` and `32:18` are one shape, and two shapes rounded to the same output size (2:43 and
/// 3:65 at the 4096 cap) one request: each is sent once, not billed twice.
#[test]
fn shapes_that_make_the_same_production_are_sent_once() {
    let b = Batch::new(1);
    let out = b.run(&["--variants", "16:9,32:18,2:43,3:65", "--yes"]);
    ok(&out);
    let mut sizes: Vec<(u64, u64)> =
        b.produced().iter().map(|(_, _, c)| (c["Width"].as_u64().unwrap(), c["Height"].as_u64().unwrap())).collect();
    sizes.sort();
    assert_eq!(sizes, [(190, 4096), (1280, 720)], "{}", text(&out.stderr));
    let keys: Vec<(u64, String)> = b.last().into_keys().collect();
    assert_eq!(keys, [(1, "16:9".into()), (1, "2:43".into())]);
}

/// A production that never finishes: `--wait` gives up after `--wait-timeout`, exit 6, the
/// row still Submitted (its production goes on); it does not follow it for ever.
#[test]
fn wait_gives_up_after_its_timeout() {
    let b = Batch::new(1);
    b.env.server.state.lock().unwrap().polls_until_produced = u32::MAX;
    let args = ["batch", b.template.to_str().unwrap(), b.rows.to_str().unwrap(), "--wait", "--wait-timeout", "1"];
    let mut child = b
        .env
        .command_with_keys(&args)
        .env("VODCUT_BATCH_POLL_MS", "50")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed().as_secs() > 30 {
            child.kill().unwrap();
            panic!("--wait went on past its timeout");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{e}");
    assert!(e.contains("--wait-timeout") && e.contains("1 productions still going"), "{e}");
    assert_eq!(b.last()[&(1, String::new())]["State"], "Submitted");
    assert_eq!(b.env.server.received("ProduceEditingProjectVideo"), 1);
}

/// A template is produced row by row, never as it is: `vodcut submit` of a file that still
/// holds a slot (here only in text fields, which validation alone accepts) is refused before
/// anything is sent, naming the slot and where it is, and pointing to `vodcut batch`. A
/// broken `{{` beside a good slot does not let it through.
#[test]
fn submitting_an_unfilled_template_is_refused_and_points_to_batch() {
    let env = cli::Env::new();
    let id = media(1);
    env.server.add_media(&id, "video", "Source", 30.0, "Normal");
    let path = env.home.path().join("promo.vodcut");
    let template = format!(
        r#"{{"FormatVersion": 1, "Title": "{{{{title}}}}", "Description": "{{{{ oops",
  "Tracks": [{{"Kind": "Video", "Name": "V1", "Clips": [{{"MediaId": "{id}", "In": 0, "Out": 4}}]}}]}}"#
    );
    std::fs::write(&path, &template).unwrap();
    let out = env.command_with_keys(&["submit", path.to_str().unwrap(), "--yes"]).output().unwrap();
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("{{title}} in Title is not filled"), "{all}");
    assert!(all.contains("vodcut batch"), "{all}");
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 0, "{all}");

    // The same project with its slot filled by hand is an ordinary project.
    std::fs::write(&path, template.replace("{{title}}", "Shoe").replace("{{ oops", "")).unwrap();
    let out = env.command_with_keys(&["submit", path.to_str().unwrap(), "--yes"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 1);
}

/// A production that fails at VOD: `--wait` records it ProduceFailed with VOD's reason and
/// the batch exits 4 (it exited 0 before: only refused rows counted).
#[test]
fn wait_exits_non_zero_when_a_production_fails_and_says_why() {
    let b = Batch::new(2);
    b.env.server.state.lock().unwrap().fate = vodcut::sandbox::service::Fate::Fail;
    let out = b.run(&["--wait"]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{e}");
    assert!(e.contains("2 productions failed at VOD"), "{e}");
    assert!(e.contains("Project.ErrorCode: InvalidParameter.ResourceContentBad"), "each row's reason: {e}");
    let last = b.last();
    assert!(last.values().all(|v| v["State"] == "ProduceFailed"), "{last:?}");
}
