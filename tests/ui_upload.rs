//! Uploads from the editor, driven through egui_kittest against the loopback VOD + OSS server:
//! a file dropped on a track is placed at once, shown uploading in the bin, then ready with
//! its length; several dropped together show at once and land one after another with the
//! lengths ffmpeg reads locally; Produce refuses them until then; the Uploads window uploads
//! typed paths.

mod support;

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use std::time::Duration;
use support::media_files::write_random;
use support::ui::{FakePicker, harness, run_until};
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::credentials::Credentials;
use vodcut::core::uploads::ItemState;
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::model::{Project, Time, TrackKind};
use vodcut::store::settings::{CredentialChoice, Settings};
use vodcut::ui::Editor;

fn editor(server: &VodServer, p: Project) -> Harness<'static, Editor> {
    let settings = Settings { credentials: CredentialChoice::Session, endpoint: server.url(), ..Default::default() };
    let mut cloud = support::ui::cloud(settings);
    cloud.session = Some(Credentials::session(KEY_ID, KEY_SECRET));
    let e = Editor::with_cloud(Arc::new(FakePicker::default()), Document::new(p, None, false), cloud);
    harness(e, Vec2::new(1400.0, 900.0))
}

fn base() -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"x","In":0,"Out":2}]}],"AudioTracks":[{"AudioTrackClips":[]}]}"#,
    )
    .unwrap();
    p.zoom = 10.0;
    p
}

/// A point over the first track of `kind`, `secs` into the timeline.
fn point_on(h: &Harness<'static, Editor>, kind: TrackKind, secs: f32) -> egui::Pos2 {
    let e = h.state();
    let x = e.timeline.mapping.x_from_time(Time::from_secs_f64(f64::from(secs)).unwrap());
    for y in (0..900).step_by(4) {
        let pos = egui::pos2(x, y as f32);
        if let Some((track, _)) = e.timeline.track_at(pos)
            && e.doc.project().tracks[track].kind == kind
        {
            return pos;
        }
    }
    panic!("no {kind:?} track on screen");
}

/// A file as the desktop hands it over (egui-winit's NativeFile does the same).
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(h: &mut Harness<'static, Editor>, path: &std::path::Path, at: egui::Pos2) {
    h.hover_at(at);
    h.run();
    h.input_mut().dropped_files.push(Arc::new(Dropped(path.to_owned())));
    h.run();
}

#[test]
fn a_file_dropped_on_a_track_is_placed_uploaded_then_ready() {
    let server = VodServer::start();
    server.oss().oss.transcode = Duration::from_millis(1500);
    let dir = tempfile::tempdir().unwrap();
    let (file, md5) = write_random(dir.path(), "Harbour.mp4", 400_000, 11);
    let mut h = editor(&server, base());
    h.run();
    let at = point_on(&h, TrackKind::Video, 20.0);
    drop_file(&mut h, &file, at);

    // At once: the media is in the bin and its clip on the track at the drop point.
    run_until(&mut h, "the new media", |e| e.doc.project().bin.iter().any(|b| b.title == "Harbour"));
    let id = h.state().doc.project().bin.iter().find(|b| b.title == "Harbour").unwrap().media_id.clone();
    let clip = h.state().doc.project().tracks[0].clips.iter().find(|c| c.media_id.as_deref() == Some(&id)).cloned();
    let clip = clip.expect("the clip was placed on the track it was dropped on");
    let tin = clip.timeline_in.unwrap().as_secs_f64();
    assert!((tin - 20.0).abs() < 0.5, "placed at {tin} s");
    assert!(h.query_by_label_contains("Media Harbour  ·  ").is_some(), "the bin lists it with its state");

    // Produce refuses it while it is not Normal, and says which.
    h.state_mut().start_produce();
    h.run();
    let refusal = h.state().error.clone().unwrap_or_default();
    assert!(refusal.contains("Harbour.mp4") && refusal.contains("Normal"), "{refusal}");
    h.state_mut().error = None;

    // Uploading, then processing (said in words, never VOD's codes), then ready with its
    // length from VOD.
    let uploaded = ItemState::Processing("UploadSucc".into());
    run_until(&mut h, "uploaded", |e| e.uploads.items.iter().any(|i| i.state == uploaded));
    h.run();
    assert!(h.query_by_label("Media Harbour  ·  uploaded, waiting to transcode").is_some(), "not \"UploadSucc\"");
    run_until(&mut h, "ready", |e| e.uploads.items.iter().any(|i| i.state == ItemState::Ready));
    h.run_steps(3);
    assert!(h.query_by_label("Media Harbour  ·  ready").is_some(), "the bin shows it ready");
    let entry = h.state().doc.project().bin.iter().find(|b| b.media_id == id).unwrap().clone();
    assert_eq!(entry.duration, Some(Time::from_secs(6)));
    assert_eq!(server.object_md5_from_disk(&id).as_deref(), Some(md5.as_str()));
    assert!(h.state().uploads.not_ready(std::iter::once(id.as_str())).is_empty());
}

#[test]
fn the_bin_shows_the_upload_state_while_it_goes() {
    let server = VodServer::start();
    server.oss().oss.part_delay = Duration::from_millis(200);
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = write_random(dir.path(), "Slow.mov", 3 * 1024 * 1024, 12);
    let mut h = editor(&server, base());
    h.state_mut().uploads.config.part_size = 256 * 1024;
    h.state_mut().uploads.config.simple_limit = 256 * 1024;
    h.state_mut().uploads.config.parts_in_flight = 2;
    h.run();
    // Dropped outside the tracks: it goes to the bin only.
    drop_file(&mut h, &file, egui::pos2(100.0, 300.0));
    run_until(&mut h, "part of the upload", |e| {
        e.uploads.items.first().is_some_and(|i| i.progress.fraction() > 0.2 && i.state == ItemState::Uploading)
    });
    assert!(h.query_by_label_contains("Media Slow  ·  uploading ").is_some(), "the bin shows it uploading");
    assert!(h.query_by_label_contains("Upload of Slow.mov: uploading").is_some(), "the Uploads window shows it");
    assert_eq!(h.state().doc.project().clip_count(), 1, "not placed on a track");
    // Pause, then resume: it completes.
    h.get_by_label("Pause").click();
    run_until(&mut h, "paused", |e| e.uploads.items[0].state == ItemState::Paused);
    h.get_by_label("Resume").click();
    run_until(&mut h, "ready", |e| e.uploads.items[0].state == ItemState::Ready);
}

#[test]
fn typed_paths_upload_and_bad_files_are_refused_with_reasons() {
    let server = VodServer::start();
    let dir = tempfile::tempdir().unwrap();
    let (img, _) = write_random(dir.path(), "poster.jpg", 20_000, 13);
    let mut h = editor(&server, base());
    h.state_mut().uploads.window_open = true;
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "or paths:").click();
    h.run();
    let doc = dir.path().join("notes.docx");
    std::fs::write(&doc, b"x").unwrap();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "or paths:").type_text(&format!(
        "{}; {}",
        img.display(),
        doc.display()
    ));
    h.run();
    h.get_by_label("Upload").click();
    h.run();
    assert!(h.state().uploads.error.as_deref().unwrap_or("").contains("does not take .docx"));
    run_until(&mut h, "the image ready", |e| e.uploads.items.iter().any(|i| i.state == ItemState::Ready));
    let e = h.state();
    let entry = e.doc.project().bin.iter().find(|b| b.title == "poster").expect("image in the bin");
    assert_eq!(entry.kind, vodcut::model::project::MediaKind::Image);
}

#[test]
fn cancelling_a_paused_upload_aborts_it_on_oss() {
    let server = VodServer::start();
    server.oss().oss.part_delay = Duration::from_millis(200);
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = write_random(dir.path(), "Long.mp4", 3 * 1024 * 1024, 14);
    let mut h = editor(&server, base());
    h.state_mut().uploads.config.part_size = 256 * 1024;
    h.state_mut().uploads.config.simple_limit = 256 * 1024;
    h.run();
    drop_file(&mut h, &file, egui::pos2(100.0, 300.0));
    run_until(&mut h, "some parts", |e| e.uploads.items.first().is_some_and(|i| i.progress.fraction() > 0.1));
    h.get_by_label("Pause").click();
    run_until(&mut h, "paused", |e| e.uploads.items[0].state == ItemState::Paused);
    h.get_by_label("Cancel").click();
    run_until(&mut h, "cancelled", |e| e.uploads.items[0].state == ItemState::Cancelled);
    assert!(
        server.oss_log().iter().any(|l| l.op == "AbortMultipartUpload" && l.status == 204),
        "the multipart upload was aborted on OSS"
    );
    assert!(h.query_by_label_contains("Media Long  ·  cancelled").is_some());
}

/// A real 3 s video of noise, ~0.5 MB (ffmpeg reads its length before VOD knows it).
fn three_second_video(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let out = dir.join(name);
    let status = std::process::Command::new("ffmpeg")
        .args([
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "nullsrc=s=160x90:r=25:d=3,geq=random(1)*255:128:128",
            "-c:v",
            "mpeg4",
            "-q:v",
            "16",
            "-y",
        ])
        .arg(&out)
        .status()
        .expect("ffmpeg (scripts/install-deps.sh installs it)");
    assert!(status.success());
    out
}

#[test]
fn several_files_dropped_on_a_track_show_at_once_and_land_one_after_another() {
    let server = VodServer::start();
    // Two parts each, each part 0.6 s to store, one at a time: the later files wait in the
    // queue meanwhile.
    server.oss().oss.part_delay = Duration::from_millis(600);
    server.oss().oss.media_duration = 3.0;
    let dir = tempfile::tempdir().unwrap();
    let first = three_second_video(dir.path(), "One.mp4");
    let files: Vec<std::path::PathBuf> = ["One.mp4", "Two.mp4", "Three.mp4"]
        .iter()
        .map(|n| {
            let p = dir.path().join(n);
            if p != first {
                std::fs::copy(&first, &p).unwrap();
            }
            p
        })
        .collect();
    let mut h = editor(&server, base());
    h.state_mut().uploads.config.part_size = 256 * 1024;
    h.state_mut().uploads.config.simple_limit = 256 * 1024;
    h.state_mut().uploads.config.parts_in_flight = 1;
    h.run();
    let at = point_on(&h, TrackKind::Video, 20.0);
    h.hover_at(at);
    h.run();
    for f in &files {
        h.input_mut().dropped_files.push(Arc::new(Dropped(f.clone())));
    }
    h.run();
    h.state_mut().error = None;

    // At once, before any upload finished: every file is on the track, each after the one
    // before, with the length ffmpeg read from the file (3 s, not the 5 s stand-in).
    run_until(&mut h, "the local lengths", |e| e.uploads.items.iter().all(|i| i.local_duration.is_some()));
    h.run_steps(2);
    let spans = |e: &Editor| -> Vec<(f64, f64)> {
        let track = &e.doc.project().tracks[0];
        let durations = e.doc.project().media_durations();
        let placed = vodcut::model::project::layout_track(track, &durations);
        let mut v: Vec<(f64, f64)> = track
            .clips
            .iter()
            .zip(placed)
            .filter(|(c, _)| c.media_id.as_deref() != Some("x"))
            .map(|(_, p)| (p.start.as_secs_f64(), p.end.as_secs_f64()))
            .collect();
        v.extend(e.timeline.pending.iter().map(|p| (p.start.as_secs_f64(), p.end.as_secs_f64())));
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v
    };
    assert_eq!(spans(h.state()), [(20.0, 23.0), (23.0, 26.0), (26.0, 29.0)]);
    assert!(!h.state().timeline.pending.is_empty(), "the later files wait as placeholders");
    assert!(h.query_by_label_contains("Uploading Three.mp4 · queued").is_some(), "drawn on the track");

    // As each upload starts, its placeholder becomes a clip in the same place.
    run_until(&mut h, "all three clips", |e| {
        e.timeline.pending.is_empty() && e.doc.project().tracks[0].clips.len() == 4
    });
    assert_eq!(spans(h.state()), [(20.0, 23.0), (23.0, 26.0), (26.0, 29.0)]);
    run_until(&mut h, "all ready", |e| e.uploads.items.iter().all(|i| i.state == ItemState::Ready));
    h.run_steps(2);
    assert_eq!(spans(h.state()), [(20.0, 23.0), (23.0, 26.0), (26.0, 29.0)], "VOD's lengths agree");
    assert!(
        vodcut::model::validate::validate(h.state().doc.project())
            .iter()
            .all(|p| !matches!(p.issue, vodcut::model::validate::Issue::Overlap { .. }))
    );
}

#[test]
fn the_uploads_window_opens_below_the_menu_bar() {
    let server = VodServer::start();
    let mut h = editor(&server, base());
    h.run();
    let menus = h.get_by_label("File").rect().bottom();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Upload media…").click();
    h.run_steps(3);
    let title = h.get_by_label("Uploads").rect();
    assert!(title.top() >= menus, "the window's title {title:?} is under the menu bar (ends at {menus})");
    // The menus stay reachable with the window open.
    h.get_by_label("Edit").click();
    h.run();
    assert!(h.query_by_label("Select all Ctrl+A").is_some(), "the Edit menu opened");
}

#[test]
fn uploads_go_to_the_projects_application() {
    let server = VodServer::start();
    let dir = tempfile::tempdir().unwrap();
    let (img, _) = write_random(dir.path(), "poster.jpg", 20_000, 17);
    let (video, _) = write_random(dir.path(), "Harbour.mp4", 300_000, 18);
    let mut p = base();
    p.app_id = "app-2000001".into();
    let mut h = editor(&server, p);
    h.state_mut().uploads.window_open = true;
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "or paths:").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "or paths:").type_text(&format!(
        "{}; {}",
        img.display(),
        video.display()
    ));
    h.run();
    h.get_by_label("Upload").click();
    h.run();
    run_until(&mut h, "both created", |_| {
        server.handled("CreateUploadImage") == 1 && server.handled("CreateUploadVideo") == 1
    });
    for action in ["CreateUploadImage", "CreateUploadVideo"] {
        let sent: Vec<_> = server.requests().into_iter().filter(|r| r.action == action).collect();
        assert_eq!(sent[0].params.get("AppId").map(String::as_str), Some("app-2000001"), "{action}");
    }
}
