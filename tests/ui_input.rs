//! Input goes where the user is looking: text fields keep their keys, dialogs take every key
//! and close with Esc, Ctrl+C/X/V arrive as the desktop sends them (Copy/Cut/Paste events),
//! and Esc in a field puts back what it held.

use egui::{Event, Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use vodcut::core::produce::{Outcome, Step};
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::model::project::{BinEntry, MediaKind};
use vodcut::model::{Project, Time};
use vodcut::ui::Editor;
use vodcut::ui::files::NativePicker;

mod support;

/// V1: a [0,4) b [6,9); a subtitle track; bin: a, b (20 s).
fn project() -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":3,"TimelineIn":6}]}],
            "SubtitleTracks":[{"SubtitleTrackClips":[]}]}"#,
    )
    .unwrap();
    for id in ["a", "b"] {
        p.bin.push(BinEntry {
            media_id: id.into(),
            title: id.into(),
            duration: Some(Time::from_secs(20)),
            kind: MediaKind::Video,
            ..Default::default()
        });
    }
    p
}

fn harness(p: Project) -> Harness<'static, Editor> {
    let editor = support::ui::editor(Arc::new(NativePicker::default()), Document::new(p, None, false));
    support::ui::harness(editor, Vec2::new(1400.0, 900.0))
}

/// A key as a keyboard sends it: the key press, then (for printable keys) its text.
fn key(h: &mut Harness<'static, Editor>, modifiers: Modifiers, key: Key, text: Option<&str>) {
    h.event(Event::Key { key, physical_key: Some(key), pressed: true, repeat: false, modifiers });
    if let Some(t) = text {
        h.event(Event::Text(t.into()));
    }
    h.event(Event::Key { key, physical_key: Some(key), pressed: false, repeat: false, modifiers });
    h.run();
}

/// Every key that changed the project behind a form or a dialog in the report.
fn hammer(h: &mut Harness<'static, Editor>) {
    key(h, Modifiers::COMMAND, Key::A, None);
    key(h, Modifiers::NONE, Key::Delete, None);
    key(h, Modifiers::NONE, Key::Backspace, None);
    key(h, Modifiers::NONE, Key::T, Some("t"));
    key(h, Modifiers::NONE, Key::N, Some("n"));
    key(h, Modifiers::NONE, Key::M, Some("m"));
    key(h, Modifiers::NONE, Key::S, Some("s"));
    key(h, Modifiers::NONE, Key::ArrowRight, None);
    // (Space and Enter press the dialog's focused button: that is the dialog's own answer.)
    h.event(Event::Cut);
    h.run();
}

fn fingerprint(e: &Editor) -> (usize, usize, bool, Time) {
    let p = e.doc.project();
    (p.clip_count(), p.markers.len(), e.timeline.snapping, p.playhead)
}

#[test]
fn after_enter_in_the_tag_field_typing_adds_the_next_tag() {
    let mut h = harness(project());
    h.run();
    h.state_mut().tab = vodcut::ui::app::Tab::Project;
    h.run();
    let before = fingerprint(h.state());
    h.get_by_label("New tag").click();
    h.run();
    for (k, t) in [(Key::B, "b"), (Key::E, "e")] {
        key(&mut h, Modifiers::NONE, k, Some(t));
    }
    key(&mut h, Modifiers::NONE, Key::Enter, None);
    assert_eq!(h.state().doc.project().media_metadata.tags, vec!["be".to_owned()]);
    // The next letters are the next tag, not shortcuts (T adds a subtitle, N toggles snapping).
    for (k, t) in [(Key::T, "t"), (Key::N, "n"), (Key::M, "m")] {
        key(&mut h, Modifiers::NONE, k, Some(t));
    }
    // Ctrl+A, Backspace deleted every clip in the report.
    key(&mut h, Modifiers::COMMAND, Key::A, None);
    key(&mut h, Modifiers::NONE, Key::Backspace, None);
    for (k, t) in [(Key::T, "t"), (Key::W, "w"), (Key::O, "o")] {
        key(&mut h, Modifiers::NONE, k, Some(t));
    }
    key(&mut h, Modifiers::NONE, Key::Enter, None);
    assert_eq!(h.state().doc.project().media_metadata.tags, vec!["be".to_owned(), "two".to_owned()]);
    assert_eq!(fingerprint(h.state()), before, "no clip, marker or setting changed");
}

fn open_each_dialog(h: &mut Harness<'static, Editor>, which: usize) -> &'static str {
    let e = h.state_mut();
    match which {
        0 => {
            e.error = Some("Could not read /nowhere".into());
            "Something went wrong"
        }
        1 => {
            e.doc.set_fields("Edit title", "t", |f| f.title = "dirty".into());
            e.doc.seal();
            e.request(vodcut::ui::app::Pending::New);
            "Save changes?"
        }
        2 => {
            e.path_prompt = Some(vodcut::ui::app::PathPrompt {
                purpose: vodcut::ui::app::PathPurpose::Open,
                text: String::new(),
                fresh: true,
                note: None,
            });
            "Open a file by its path"
        }
        3 => {
            e.cloud.step = Step::Confirm;
            "Produce this video?"
        }
        4 => {
            e.cloud.step = Step::Done(Outcome {
                ids: Some(vodcut::api::calls::ProduceResult {
                    request_id: "R1".into(),
                    media_id: "M1".into(),
                    project_id: "P1".into(),
                }),
                error: None,
                earlier: false,
                unknown: false,
                job_id: "j1".into(),
            });
            "Production submitted"
        }
        5 => {
            e.cloud.step = Step::Blocked(Vec::new());
            "Cannot produce yet"
        }
        6 => {
            e.cloud.step = Step::Warned(Vec::new());
            "Produce despite warnings?"
        }
        7 => {
            e.cloud.settings_open = true;
            "Account settings"
        }
        _ => unreachable!(),
    }
}

#[test]
fn keys_behind_a_dialog_change_nothing_and_esc_closes_it() {
    for which in 0..8 {
        let mut h = harness(project());
        h.run();
        h.get_by_label("Clip a on V1 at 00:00:00:00").click();
        h.run();
        let title = open_each_dialog(&mut h, which);
        h.run();
        assert!(h.query_by_label(title).is_some(), "dialog {title} shows");
        assert!(h.state().dialog_open(), "{title}");
        let before = fingerprint(h.state());
        let title_before = h.state().doc.project().title.clone();
        hammer(&mut h);
        assert_eq!(fingerprint(h.state()), before, "keys reached the timeline behind \"{title}\"");
        assert_eq!(h.state().doc.project().title, title_before, "{title}");
        key(&mut h, Modifiers::NONE, Key::Escape, None);
        h.run();
        assert!(h.query_by_label(title).is_none(), "Esc closes \"{title}\"");
        assert!(!h.state().dialog_open(), "{title}");
        assert_eq!(h.state().doc.project().clip_count(), 2, "Esc cancelled \"{title}\"");
    }
}

#[test]
fn the_billed_confirmation_opens_with_cancel_focused() {
    let mut h = harness(project());
    h.run();
    h.state_mut().cloud.step = Step::Confirm;
    h.run();
    assert!(h.get_by_label("Cancel").is_focused(), "Cancel is the default of the billed confirmation");
    key(&mut h, Modifiers::NONE, Key::Enter, None);
    h.run();
    assert!(matches!(h.state().cloud.step, Step::Idle), "Enter cancelled; nothing was sent");
    assert!(h.state().cloud.jobs.is_empty(), "no job was recorded");
}

#[test]
fn the_save_prompt_opens_with_save_focused() {
    let mut h = harness(project());
    h.run();
    open_each_dialog(&mut h, 1);
    h.run();
    assert!(h.get_by_label("Save").is_focused());
    h.get_by_label("Discard").focus();
    h.run();
    key(&mut h, Modifiers::NONE, Key::Enter, None);
    h.run();
    assert!(!h.state().is_dirty(), "Enter pressed the focused Discard: a new project");
}

#[test]
fn enter_submits_the_typed_path_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.vodcut");
    let mut h = harness(project());
    h.run();
    h.state_mut().path_prompt = Some(vodcut::ui::app::PathPrompt {
        purpose: vodcut::ui::app::PathPurpose::SaveAs,
        text: String::new(),
        fresh: true,
        note: None,
    });
    h.run();
    h.get_by_label("Path").type_text(path.to_str().unwrap());
    h.run();
    key(&mut h, Modifiers::NONE, Key::Enter, None);
    support::ui::run_until(&mut h, "the save", |e| e.doc.path.is_some() && !e.is_busy());
    assert!(path.exists());
}

#[test]
fn ctrl_c_x_v_arrive_as_events_and_work_like_the_menu() {
    let mut h = harness(project());
    h.run();
    h.get_by_label("Clip b on V1 at 00:00:06:00").click();
    h.run();
    h.event(Event::Copy);
    h.run();
    h.state_mut().doc.set_playhead(Time::from_secs(12));
    h.event(Event::Paste("whatever the clipboard held".into()));
    h.run();
    let v1 = &h.state().doc.project().tracks[0];
    assert_eq!(v1.clips.len(), 3, "pasted: {:?}", h.state().timeline.message);
    assert_eq!(v1.clips[2].timeline_in, Some(Time::from_secs(12)));
    assert_eq!(v1.clips[2].media_id.as_deref(), Some("b"));
    // The pasted clip is selected: Cut removes it and Paste brings it back elsewhere.
    h.event(Event::Cut);
    h.run();
    assert_eq!(h.state().doc.project().tracks[0].clips.len(), 2);
    h.state_mut().doc.set_playhead(Time::from_secs(20));
    h.event(Event::Paste("x".into()));
    h.run();
    let v1 = &h.state().doc.project().tracks[0];
    assert_eq!(v1.clips.len(), 3);
    assert_eq!(v1.clips[2].timeline_in, Some(Time::from_secs(20)));
    // In a text field the same events belong to the field.
    h.get_by_label("MediaId").click();
    h.run();
    h.event(Event::Paste("zz".into()));
    h.run();
    assert_eq!(h.state().doc.project().tracks[0].clips.len(), 3, "no clip pasted while typing");
}

#[test]
fn esc_in_a_field_restores_it_and_enter_commits_one_step() {
    let mut h = harness(project());
    h.run();
    h.get_by_label("Clip b on V1 at 00:00:06:00").click();
    h.run();
    let steps = h.state().doc.history.len();
    h.get_by_label("TimelineIn").click();
    h.run();
    key(&mut h, Modifiers::COMMAND, Key::A, None);
    h.get_by_label("TimelineIn").type_text("12:00");
    h.run();
    key(&mut h, Modifiers::NONE, Key::Escape, None);
    h.run();
    let b = &h.state().doc.project().tracks[0].clips[1];
    assert_eq!(b.timeline_in, Some(Time::from_secs(6)), "Esc put the value back");
    assert_eq!(h.state().doc.history.len(), steps, "and left no undo step");
    assert_eq!(h.get_by_label("TimelineIn").value().as_deref(), Some("00:00:06:00"));

    h.get_by_label("TimelineIn").click();
    h.run();
    key(&mut h, Modifiers::COMMAND, Key::A, None);
    h.get_by_label("TimelineIn").type_text("12:00");
    h.run();
    key(&mut h, Modifiers::NONE, Key::Enter, None);
    h.run();
    assert_eq!(h.state().doc.project().tracks[0].clips[1].timeline_in, Some(Time::from_secs(12)));
    assert_eq!(h.state().doc.history.len(), steps + 1, "typing is one undo step");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project().tracks[0].clips[1].timeline_in, Some(Time::from_secs(6)));
}

#[test]
fn without_a_file_dialog_save_as_and_open_use_the_in_app_browser() {
    let dir = tempfile::tempdir().unwrap();
    let editor = support::ui::editor(Arc::new(support::ui::NoDialogs), Document::new(project(), None, false));
    let mut h = support::ui::harness(editor, Vec2::new(1400.0, 900.0));
    h.run();
    h.state_mut().run(vodcut::ui::commands::Command::SaveAs);
    support::ui::run_until(&mut h, "the fallback", |e| e.browser.as_ref().is_some_and(|b| !b.loading()));
    assert!(h.get_all_by_label_contains("No file dialog on this desktop").next().is_some(), "it says why");
    // The path bar has the focus with its text selected: a whole typed path and Enter save.
    let path = dir.path().join("typed.vodcut");
    h.get_by_label("Path").type_text(path.to_str().unwrap());
    h.run();
    key(&mut h, Modifiers::NONE, Key::Enter, None);
    support::ui::run_until(&mut h, "the save", |e| e.doc.path.is_some() && !e.is_busy());
    assert!(path.exists());
    h.state_mut().run(vodcut::ui::commands::Command::Open);
    support::ui::run_until(&mut h, "the fallback", |e| e.browser.is_some());
    assert!(h.query_by_label("Open a project or Timeline").is_some());
}
