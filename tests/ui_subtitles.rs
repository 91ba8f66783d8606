//! Subtitle files in the editor, through egui_kittest: a GBK .srt dropped on a subtitle track
//! lands there as one undo step; File > Import subtitles… says where a broken file is wrong
//! and changes nothing; File > Export subtitles… writes the track as .srt.

mod support;

use egui_kittest::Harness;
use std::sync::Arc;
use support::ui::{Dropped, FakePicker, file_menu as menu, run_until};
use vodcut::edit::document::Document;
use vodcut::model::{Project, Time, TrackKind};
use vodcut::ui::Editor;

const SRT: &str = "1\n00:00:01,000 --> 00:00:02,000\n第一句\n\n2\n00:00:03,000 --> 00:00:04,000\n第二句\n\n3\n00:00:05,000 --> 00:00:06,000\n第三句\n";

fn editor(picker: Arc<FakePicker>) -> Harness<'static, Editor> {
    // A new project has no subtitle track (Text effects are the documented way): the user
    // adds two.
    let mut p = Project::new_empty();
    assert!(!p.tracks.iter().any(|t| t.kind == TrackKind::Subtitle));
    p.add_track(TrackKind::Subtitle); // S1
    p.add_track(TrackKind::Subtitle); // S2
    p.zoom = 40.0;
    let e = support::ui::editor(picker, Document::new(p, None, false));
    support::ui::harness(e, egui::Vec2::new(1400.0, 900.0))
}

#[test]
fn a_gbk_srt_dropped_on_a_subtitle_track_lands_there_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("中文.srt");
    std::fs::write(&file, encoding_rs::GBK.encode(SRT).0).unwrap();
    let mut h = editor(Arc::new(FakePicker::default()));
    h.run();
    // A point over S2 (the second subtitle track), 10 s in.
    let pos = {
        let e = h.state();
        let x = e.timeline.mapping.x_from_time(Time::from_secs(10));
        (0..900)
            .step_by(4)
            .map(|y| egui::pos2(x, y as f32))
            .find(|p| e.timeline.track_at(*p).is_some_and(|(t, _)| e.doc.project().tracks[t].name == "S2"))
            .expect("S2 on screen")
    };
    h.hover_at(pos);
    h.run();
    h.input_mut().dropped_files.push(Arc::new(Dropped(file.clone())));
    h.run();
    let s2 = |e: &Editor| e.doc.project().tracks.iter().position(|t| t.name == "S2").unwrap();
    let s1 = |e: &Editor| e.doc.project().tracks.iter().position(|t| t.name == "S1").unwrap();
    run_until(&mut h, "the import", |e| !e.doc.project().tracks[s2(e)].clips.is_empty());
    let e = h.state();
    let track = &e.doc.project().tracks[s2(e)];
    let texts: Vec<&str> = track.clips.iter().map(|c| c.content.as_deref().unwrap_or("")).collect();
    assert_eq!(texts, ["第一句", "第二句", "第三句"], "on the track it was dropped on, at the file's times");
    assert_eq!(track.clips[1].timeline_in, Some(Time::from_secs(3)));
    assert!(e.doc.project().tracks[s1(e)].clips.is_empty(), "S1 untouched");
    assert_eq!(e.doc.selection.len(), 3, "the new subtitles are selected");
    h.state_mut().run(vodcut::ui::commands::Command::Undo);
    h.run();
    let e = h.state();
    assert!(e.doc.project().tracks[s2(e)].clips.is_empty(), "one undo takes all three back");
}

#[test]
fn file_import_names_the_broken_line_and_export_writes_the_track() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.srt");
    std::fs::write(&bad, SRT.replace("00:00:03,000 -->", "00:00:03;000 -->")).unwrap();
    let picker = Arc::new(FakePicker::default());
    *picker.open.lock().unwrap() = Some(bad.clone());
    let mut h = editor(picker.clone());
    h.run();
    let before = h.state().doc.project().clone();
    menu(&mut h, "Import subtitles…");
    run_until(&mut h, "the refusal", |e| e.error.is_some());
    let error = h.state().error.clone().unwrap();
    assert!(error.contains(&format!("{}, line 6: a time that cannot be read", bad.display())), "{error}");
    assert_eq!(h.state().doc.project(), &before, "nothing changed");
    assert!(!h.state().doc.history.can_undo());
    h.state_mut().error = None;

    let good = dir.path().join("good.srt");
    std::fs::write(&good, SRT).unwrap();
    *picker.open.lock().unwrap() = Some(good);
    menu(&mut h, "Import subtitles…");
    let s1 = |e: &Editor| e.doc.project().tracks.iter().position(|t| t.name == "S1").unwrap();
    run_until(&mut h, "the import", |e| e.doc.project().tracks[s1(e)].clips.len() == 3);
    let out = dir.path().join("out.srt");
    *picker.save.lock().unwrap() = Some(out.clone());
    menu(&mut h, "Export subtitles…");
    run_until(&mut h, "the export", |_| out.exists());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), SRT.to_owned() + "\n");
}
