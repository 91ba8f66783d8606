//! `vodcut projects push | list | pull | delete` as a user runs them: the real binary against
//! the loopback VOD server, which counts every call (saving must never produce).

mod support;

#[path = "support/cli.rs"]
mod cli_env;
use cli_env::Env;
use std::path::{Path, PathBuf};
use std::process::Output;
use support::vod_server::Fault;
use vodcut::store::project_file;

const MEDIA: &str = "5aed81b74ba84920be578cdfe004af4b";

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn ok(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "stdout: {}\nstderr: {}", text(&out.stdout), text(&out.stderr));
    text(&out.stdout)
}

fn project(env: &Env, name: &str, title: &str) -> PathBuf {
    let tl = format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"{MEDIA}","In":0,"Out":4}}]}}]}}"#);
    let mut project = vodcut::model::export::import_timeline_str(&tl).unwrap();
    project.title = title.into();
    let path = env.home.path().join(name);
    project_file::save(&path, &project).unwrap();
    path
}

#[test]
fn push_creates_then_updates_one_cloud_project_and_never_produces() {
    let env = Env::new();
    let file = project(&env, "trip.vodcut", "海边 Trip");
    let out = env.run(&["projects", "push", p(&file), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&ok(&out)).unwrap();
    let id = v["ProjectId"].as_str().unwrap().to_owned();
    assert_eq!((v["Created"].as_bool(), v["Materials"].as_u64()), (Some(true), Some(1)));
    assert!(text(&out.stderr).contains("Saved ProjectId"), "{}", text(&out.stderr));
    assert_eq!(project_file::open(&file).unwrap().project.project_id.as_deref(), Some(id.as_str()));

    // Edited, then pushed again: the same cloud project is updated.
    let mut edited = project_file::open(&file).unwrap().project;
    edited.tracks[0].clips[0].out = vodcut::model::Time::from_secs_f64(2.0);
    project_file::save(&file, &edited).unwrap();
    let said = ok(&env.run(&["projects", "push", p(&file)]));
    assert!(said.contains(&id) && said.contains("not billed"), "{said}");
    assert_eq!(env.server.handled("AddEditingProject"), 1, "one cloud project");
    assert_eq!(env.server.handled("UpdateEditingProject"), 1);
    assert_eq!(env.server.handled("SetEditingProjectMaterials"), 2, "materials follow every save");
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 0, "saving never produces");
    let st = env.server.state.lock().unwrap();
    assert_eq!(st.projects.len(), 1);
    let cloud = &st.projects[&id];
    assert_eq!((cloud.title.as_str(), cloud.status), ("海边 Trip", "Normal"));
    assert!(cloud.timeline.contains(r#""Out":2"#), "the edit arrived: {}", cloud.timeline);
    assert_eq!(st.materials[&id], vec![MEDIA.to_string()]);
}

#[test]
fn list_pull_and_delete_work() {
    let env = Env::new();
    let a = project(&env, "a.vodcut", "Alpha cut");
    let b = project(&env, "b.vodcut", "Beta cut");
    ok(&env.run(&["projects", "push", p(&a)]));
    ok(&env.run(&["projects", "push", p(&b)]));
    let id_a = project_file::open(&a).unwrap().project.project_id.unwrap();

    let listed = ok(&env.run(&["projects", "list"]));
    assert!(listed.contains("2 cloud projects") && listed.contains("Alpha cut") && listed.contains("not produced"));
    let v: serde_json::Value =
        serde_json::from_str(&ok(&env.run(&["projects", "list", "--title", "Alpha", "--json"]))).unwrap();
    assert_eq!((v["Total"].as_u64(), v["ProjectList"][0]["ProjectId"].as_str()), (Some(1), Some(id_a.as_str())));
    let v: serde_json::Value =
        serde_json::from_str(&ok(&env.run(&["projects", "list", "--status", "Produced", "--json"]))).unwrap();
    assert_eq!(v["Total"], 0, "saved projects are not produced");
    let v: serde_json::Value =
        serde_json::from_str(&ok(&env.run(&["projects", "list", "--page", "2", "--page-size", "1", "--json"])))
            .unwrap();
    assert_eq!((v["Total"].as_u64(), v["ProjectList"].as_array().map(Vec::len)), (Some(2), Some(1)));

    // Pull: a .vodcut of the cloud project, which never replaces a file unless --force.
    let pulled = env.home.path().join("pulled.vodcut");
    let out = env.run(&["projects", "pull", &id_a, "-o", p(&pulled)]);
    ok(&out);
    let project = project_file::open(&pulled).unwrap().project;
    assert_eq!((project.title.as_str(), project.project_id.as_deref()), ("Alpha cut", Some(id_a.as_str())));
    assert_eq!(project.tracks[0].clips[0].media_id.as_deref(), Some(MEDIA));
    let out = env.run(&["projects", "pull", &id_a, "-o", p(&b)]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("--force"));
    assert_eq!(project_file::open(&b).unwrap().project.title, "Beta cut", "the existing file is untouched");
    ok(&env.run(&["projects", "pull", &id_a, "-o", p(&b), "--force"]));
    assert_eq!(project_file::open(&b).unwrap().project.title, "Alpha cut");

    // Delete: without a terminal it asks for --yes and deletes nothing; with it, named.
    let out = env.run(&["projects", "delete", &id_a]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--yes"), "{}", text(&out.stderr));
    assert_eq!(env.server.handled("DeleteEditingProject"), 0);
    let said = ok(&env.run(&["projects", "delete", &id_a, "--yes"]));
    assert!(said.contains("Alpha cut") && said.contains(&id_a), "{said}");
    let v: serde_json::Value = serde_json::from_str(&ok(&env.run(&["projects", "list", "--json"]))).unwrap();
    assert_eq!(v["Total"], 1);
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 0);
}

#[test]
fn errors_say_what_is_wrong() {
    let env = Env::new();
    // Unknown IDs: pull and delete name them; nothing is written or deleted.
    let out = env.run(&["projects", "pull", "nosuchproject", "-o", p(&env.home.path().join("x.vodcut"))]);
    assert_eq!(out.status.code(), Some(5));
    assert!(text(&out.stderr).contains("no cloud project nosuchproject"), "{}", text(&out.stderr));
    assert!(!env.home.path().join("x.vodcut").exists());
    let out = env.run(&["projects", "delete", "nosuchproject", "--yes"]);
    assert_eq!(out.status.code(), Some(5));
    assert!(text(&out.stderr).contains("nosuchproject"), "{}", text(&out.stderr));

    // A bad status is refused before anything is sent.
    let before = env.server.requests().len();
    let out = env.run(&["projects", "list", "--status", "Draft"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("Draft") && text(&out.stderr).contains("ProduceFailed"));
    assert_eq!(env.server.requests().len(), before);

    // Throttled on every attempt: the service's word, and the hint.
    for _ in 0..6 {
        env.server.fault_on("SearchEditingProject", Fault::Throttle { retry_after_ms: 5 });
    }
    let out = env.run(&["projects", "list"]);
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("Throttling"), "{}", text(&out.stderr));
    env.server.clear_faults();

    // A project whose cloud project was deleted in the console: said, and --new saves anew.
    let file = project(&env, "gone.vodcut", "Gone");
    let mut pr = project_file::open(&file).unwrap().project;
    pr.project_id = Some("deletedelsewhere".into());
    project_file::save(&file, &pr).unwrap();
    let out = env.run(&["projects", "push", p(&file)]);
    assert_eq!(out.status.code(), Some(5));
    assert!(text(&out.stderr).contains("no longer exists") && text(&out.stderr).contains("--new"));
    assert_eq!(env.server.handled("AddEditingProject"), 0, "never a new project unasked");
    ok(&env.run(&["projects", "push", p(&file), "--new"]));
    let linked = project_file::open(&file).unwrap().project.project_id.unwrap();
    assert!(env.server.state.lock().unwrap().projects.contains_key(&linked));

    // A bare Timeline cannot keep its ProjectId: refused before anything is sent.
    let tl = env.home.path().join("t.json");
    std::fs::write(&tl, format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"{MEDIA}"}}]}}]}}"#)).unwrap();
    let out = env.run(&["projects", "push", p(&tl)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("vodcut import"), "{}", text(&out.stderr));
}

#[test]
fn materials_the_service_refuses_are_said_and_the_project_is_still_linked() {
    let env = Env::new();
    let file = project(&env, "m.vodcut", "Unknown media");
    let mut pr = project_file::open(&file).unwrap().project;
    pr.tracks[0].clips[0].media_id = Some("notinthelibrary".into());
    project_file::save(&file, &pr).unwrap();
    let out = env.run(&["projects", "push", p(&file)]);
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("materials could not be set"), "{}", text(&out.stderr));
    // Saved in the cloud all the same: the file knows it, so the next push updates it.
    assert!(project_file::open(&file).unwrap().project.project_id.is_some());
    assert_eq!(env.server.handled("AddEditingProject"), 1);
}

/// Issue 26: a cloud edit made between two pushes (in the VOD console) is found: exit 3, the
/// difference printed, nothing saved; `--theirs` takes the cloud's timeline into the file and
/// `--mine` saves over it. Saving never produces.
#[test]
fn a_cloud_edit_between_two_pushes_is_refused_until_mine_or_theirs() {
    let env = Env::new();
    let file = project(&env, "trip.vodcut", "Trip");
    ok(&env.run(&["projects", "push", p(&file)]));
    let pid = project_file::open(&file).unwrap().project.project_id.unwrap();
    assert!(project_file::open(&file).unwrap().project.sync_base.is_some(), "the file notes the base it saved");
    // Unchanged in the cloud: the next push goes.
    ok(&env.run(&["projects", "push", p(&file)]));
    assert_eq!(env.server.handled("UpdateEditingProject"), 1);

    // Someone trims the clip in the console.
    let theirs = format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"{MEDIA}","In":1,"Out":4}}]}}]}}"#);
    assert!(env.server.edit_project_timeline(&pid, &theirs));
    let out = env.run(&["projects", "push", p(&file)]);
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{said}");
    assert!(said.contains(&pid) && said.contains("changed in the cloud"), "{said}");
    assert!(said.contains("V1, clip 1") && said.contains("trimmed"), "{said}");
    assert_eq!(env.server.handled("UpdateEditingProject"), 1, "nothing saved while refusing");

    // --theirs: the cloud's timeline into the file, nothing saved.
    ok(&env.run(&["projects", "push", p(&file), "--theirs"]));
    assert_eq!(env.server.handled("UpdateEditingProject"), 1);
    let taken = project_file::open(&file).unwrap().project;
    assert_eq!(taken.tracks[0].clips[0].r#in.map(|t| t.as_secs_f64()), Some(1.0));
    ok(&env.run(&["projects", "push", p(&file)]));
    assert_eq!(env.server.handled("UpdateEditingProject"), 2, "settled: the next push saves");

    // Another console edit; --mine saves over it.
    let again = theirs.replace(r#""In":1"#, r#""In":2"#);
    assert!(env.server.edit_project_timeline(&pid, &again));
    assert_eq!(env.run(&["projects", "push", p(&file)]).status.code(), Some(3));
    ok(&env.run(&["projects", "push", p(&file), "--mine"]));
    assert_eq!(env.server.handled("UpdateEditingProject"), 3);
    let st = env.server.state.lock().unwrap();
    let cloud: serde_json::Value = serde_json::from_str(&st.projects[&pid].timeline).unwrap();
    assert_eq!(cloud["VideoTracks"][0]["VideoTrackClips"][0]["In"], 1, "mine is in the cloud");
    drop(st);
    assert_eq!(env.server.received("ProduceEditingProjectVideo"), 0, "saving never produces");
}
