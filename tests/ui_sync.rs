//! Sync without surprises in the editor (issue 26): Produce with a ProjectId reads the cloud
//! project first; an edit made in the VOD console since the last sync opens the difference
//! dialog (rows that select their clip; Keep mine, Take theirs, Merge), against the loopback
//! VOD server.

mod support;

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use std::time::Duration;
use support::ui::run_until;
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::credentials::Credentials;
use vodcut::core::produce::Step;
use vodcut::edit::Edit;
use vodcut::edit::document::Document;
use vodcut::model::export::{import_timeline_str, timeline};
use vodcut::model::wire::Timeline;
use vodcut::store::settings::{CredentialChoice, Settings};
use vodcut::ui::Editor;

const BEACH: &str = "5aed81b74ba84920be578cdfe004af4b";
const HARBOUR: &str = "5aed81b74ba84920be578cdfe004af4c";

fn tl(clips: &[(&str, u32, u32)]) -> String {
    let clips: Vec<String> =
        clips.iter().map(|(m, i, o)| format!(r#"{{"MediaId":"{m}","In":{i},"Out":{o}}}"#)).collect();
    format!(r#"{{"VideoTracks":[{{"VideoTrackClips":[{}]}}]}}"#, clips.join(","))
}

fn parsed(text: &str) -> Timeline {
    serde_json::from_str(text).unwrap()
}

struct Setup {
    server: VodServer,
    _data: tempfile::TempDir,
    h: Harness<'static, Editor>,
}

/// The editor with a project produced once (so it has a ProjectId and a base), then the
/// cloud project edited "in the console" to `theirs`.
fn produced_then_edited_in_the_console(theirs: &str) -> Setup {
    let server = VodServer::start();
    server.add_media(BEACH, "video", "Beach", 20.0, "Normal");
    server.add_media(HARBOUR, "video", "Harbour", 20.0, "Normal");
    let data = tempfile::tempdir().unwrap();
    let settings = Settings { credentials: CredentialChoice::Session, endpoint: server.url(), ..Default::default() };
    let mut cloud = support::ui::cloud(settings);
    Arc::make_mut(&mut cloud.env).data_dir = Some(data.path().to_owned());
    cloud.session = Some(Credentials::session(KEY_ID, KEY_SECRET));
    cloud.timeout = Duration::from_secs(5);
    let mut p = import_timeline_str(&tl(&[(BEACH, 0, 4), (HARBOUR, 1, 3)])).unwrap();
    p.title = "Loopback film".into();
    // The bin names the media: the rows say their titles.
    for (id, title) in [(BEACH, "Beach"), (HARBOUR, "Harbour")] {
        p.bin.push(vodcut::model::project::BinEntry { media_id: id.into(), title: title.into(), ..Default::default() });
    }
    let editor = Editor::with_cloud(Arc::new(support::ui::FakePicker::default()), Document::new(p, None, false), cloud);
    let mut h = support::ui::harness(editor, Vec2::new(1400.0, 900.0));
    h.run();
    produce(&mut h);
    let pid = h.state().doc.project().project_id.clone().expect("linked");
    assert!(h.state().doc.project().sync_base.is_some(), "the Timeline sent is the base");
    assert!(server.edit_project_timeline(&pid, theirs));
    Setup { server, _data: data, h }
}

fn press_produce(h: &mut Harness<'static, Editor>) {
    h.get_by(|n| n.label().is_some_and(|l| l.starts_with("Produce") && l.ends_with("Ctrl+Enter"))).click();
    h.run_steps(3);
    run_until(h, "the cloud project and the media check", |e| {
        !matches!(e.cloud.step, Step::SyncChecking | Step::Checking(_))
    });
    h.run_steps(2);
}

/// Produce, confirm, and close the result.
fn produce(h: &mut Harness<'static, Editor>) {
    press_produce(h);
    assert!(matches!(h.state().cloud.step, Step::Confirm), "{:?}", h.state().cloud.step);
    h.get_by_label("Produce").click();
    h.run_steps(2);
    run_until(h, "the answer", |e| matches!(e.cloud.step, Step::Done(_)));
    h.get_by_label("Close").click();
    h.run();
}

fn mine_trims_the_second_clip(h: &mut Harness<'static, Editor>) {
    let mut clip = h.state().doc.project().tracks.iter().find(|t| !t.clips.is_empty()).unwrap().clips[1].clone();
    clip.out = Some(vodcut::model::Time::from_secs(2));
    let track = h.state().doc.project().tracks.iter().position(|t| !t.clips.is_empty()).unwrap();
    h.state_mut().doc.apply("trim", Edit::SetClip { track, index: 1, clip: Box::new(clip) });
    h.state_mut().doc.seal();
}

/// VODCUT_UI_SHOTS=DIR: the dialog as drawn, to look at.
fn shot(h: &mut Harness<'static, Editor>, name: &str) {
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join(name)).unwrap();
    }
}

/// Whether `text` is on screen (a label is a node and its text run: both carry the value).
fn shown(h: &Harness<'static, Editor>, text: &str) -> bool {
    h.query_all_by_value(text).next().is_some()
}

fn produced(h: &Harness<'static, Editor>) -> Timeline {
    timeline(h.state().doc.project())
}

#[test]
fn a_console_edit_opens_the_difference_and_merge_keeps_both_sides_in_one_undo_step() {
    // The console trims the first clip and adds one; mine trims the second clip.
    let theirs = tl(&[(BEACH, 1, 4), (HARBOUR, 1, 3), (BEACH, 10, 12)]);
    let mut s = produced_then_edited_in_the_console(&theirs);
    mine_trims_the_second_clip(&mut s.h);
    let before = produced(&s.h);
    press_produce(&mut s.h);
    assert!(matches!(s.h.state().cloud.step, Step::Differs { .. }), "{:?}", s.h.state().cloud.step);
    assert!(shown(&s.h, "Changed in the cloud"), "the dialog's title");
    let trimmed = "V1, clip 1 (“Beach”): trimmed";
    assert!(shown(&s.h, trimmed), "the rows name clip and change");
    assert!(shown(&s.h, "V1, clip 3 (“Beach”): added"));
    // A row selects its clip on the timeline; the dialog stays.
    s.h.query_all_by_value(trimmed).next().unwrap().click();
    s.h.run_steps(2);
    let track = s.h.state().doc.project().tracks.iter().position(|t| !t.clips.is_empty()).unwrap();
    assert_eq!(s.h.state().doc.selection, [vodcut::edit::ops::ClipRef { track, index: 0 }]);
    assert!(matches!(s.h.state().cloud.step, Step::Differs { .. }));

    shot(&mut s.h, "sync-difference.png");

    // No conflict: Merge takes both at once.
    s.h.get_by_label("Merge…").click();
    s.h.run_steps(2);
    assert!(matches!(s.h.state().cloud.step, Step::Idle));
    let want = parsed(&tl(&[(BEACH, 1, 4), (HARBOUR, 1, 2), (BEACH, 10, 12)]));
    assert_eq!(produced(&s.h), want, "their trim and addition, and my trim");
    assert_eq!(s.server.handled("ProduceEditingProjectVideo"), 1, "nothing was sent");
    // One undo step, and redo.
    s.h.state_mut().doc.undo();
    assert_eq!(produced(&s.h), before);
    s.h.state_mut().doc.redo();
    assert_eq!(produced(&s.h), want);
    // Settled: the next Produce goes straight to the confirmation and sends the merge.
    produce(&mut s.h);
    assert_eq!(s.server.handled("ProduceEditingProjectVideo"), 2);
    let sent = s.server.requests().into_iter().rfind(|r| r.action == "ProduceEditingProjectVideo").unwrap();
    assert_eq!(parsed(&sent.params["Timeline"]), want);
}

#[test]
fn a_clip_changed_on_both_sides_is_listed_and_chosen() {
    // Both trim the second clip, differently.
    let theirs = tl(&[(BEACH, 0, 4), (HARBOUR, 2, 3)]);
    let mut s = produced_then_edited_in_the_console(&theirs);
    mine_trims_the_second_clip(&mut s.h);
    press_produce(&mut s.h);
    assert!(shown(&s.h, "One clip was changed on both sides."));
    s.h.get_by_label("Merge…").click();
    s.h.run_steps(2);
    assert!(shown(&s.h, "V1, clip 2 (“Harbour”): mine changed, theirs changed"));
    shot(&mut s.h, "sync-merge-conflicts.png");
    s.h.get_by_label("Theirs").click();
    s.h.run_steps(1);
    s.h.get_by_label("Apply merge").click();
    s.h.run_steps(2);
    assert_eq!(produced(&s.h), parsed(&theirs), "their side of the one conflict");
    assert_eq!(s.server.handled("ProduceEditingProjectVideo"), 1);
}

#[test]
fn take_theirs_is_one_undo_step_and_keep_mine_goes_on_to_produce() {
    let theirs = tl(&[(HARBOUR, 0, 5)]);
    let mut s = produced_then_edited_in_the_console(&theirs);
    let before = produced(&s.h);
    press_produce(&mut s.h);
    assert!(shown(&s.h, "V1, clip 1 (“Beach”): removed"));
    s.h.get_by_label("Take theirs").click();
    s.h.run_steps(2);
    assert_eq!(produced(&s.h), parsed(&theirs));
    assert_eq!(s.server.handled("ProduceEditingProjectVideo"), 1);
    s.h.state_mut().doc.undo();
    assert_eq!(produced(&s.h), before, "one undo step");
    // Now mine again differs from the cloud: Keep mine goes on to the billed confirmation.
    press_produce(&mut s.h);
    assert!(
        matches!(s.h.state().cloud.step, Step::Differs { .. }),
        "{:?} {:?}",
        s.h.state().cloud.step,
        s.h.state().error
    );
    s.h.get_by_label("Keep mine").click();
    s.h.run_steps(3);
    run_until(&mut s.h, "the media check", |e| !matches!(e.cloud.step, Step::Checking(_)));
    assert!(matches!(s.h.state().cloud.step, Step::Confirm), "{:?}", s.h.state().cloud.step);
    // Cancel sends nothing.
    s.h.get_by_label("Cancel").click();
    s.h.run();
    assert_eq!(s.server.handled("ProduceEditingProjectVideo"), 1);
}
