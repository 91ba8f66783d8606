//! The VOD library panel against the loopback server, as a user works with it.

mod support;

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::sync::Arc;
use support::ui::{FakePicker, harness, run_until};
use support::vod_server::{Fault, KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::credentials::Credentials;
use vodcut::core::Kind;
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::model::{Project, Time};
use vodcut::store::settings::{CredentialChoice, Settings};
use vodcut::store::thumb_cache::ThumbCache;
use vodcut::ui::Editor;

fn editor(server: &VodServer, cache: &std::path::Path, p: Project) -> Harness<'static, Editor> {
    let settings = Settings { credentials: CredentialChoice::Session, endpoint: server.url(), ..Default::default() };
    let mut cloud = support::ui::cloud(settings);
    cloud.session = Some(Credentials::session(KEY_ID, KEY_SECRET));
    cloud.thumbs = Some(ThumbCache::new(cache, 1 << 20));
    let mut e = Editor::with_cloud(Arc::new(FakePicker::default()), Document::new(p, None, false), cloud);
    e.show_library = true;
    harness(e, Vec2::new(1400.0, 900.0))
}

fn base() -> Project {
    let mut p =
        import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"x","In":0,"Out":2}]}]}"#).unwrap();
    // 10 px/s: a minute fits on screen.
    p.zoom = 10.0;
    p
}

fn search(h: &mut Harness<'static, Editor>, text: &str) {
    let field = h.get_by_label("Search titles");
    field.click();
    // Covers may still be arriving (a spinner): step rather than wait for the UI to settle.
    h.run_steps(2);
    h.get_by_label("Search titles").type_text(text);
    h.get_by_label("Search").click();
    h.run_steps(2);
    run_until(h, "the search", library_idle);
}

fn library_idle(e: &Editor) -> bool {
    !e.library.list.loading && !e.cloud.tasks.is_running(Kind::Library)
}

#[test]
fn search_pages_and_filters_by_kind() {
    let server = VodServer::start();
    for i in 0..60 {
        server.add_media(&format!("v{i:02}"), "video", &format!("Clip {i}"), 10.0 + i as f64, "Normal");
    }
    server.add_media("a1", "audio", "Theme", 95.0, "Normal");
    let cache = tempfile::tempdir().unwrap();
    let mut h = editor(&server, cache.path(), base());
    // The panel lists media as it opens (a spinner): wait for that, however slow the machine.
    run_until(&mut h, "the first listing", library_idle);
    search(&mut h, "");
    assert_eq!(h.state().library.list.rows.len(), 50);
    assert_eq!(h.state().library.list.total, 60);
    assert!(h.query_all_by_value("1–50 of 60").next().is_some());
    h.get_by_label("Next ▶").click();
    h.run_steps(2);
    run_until(&mut h, "page 2", library_idle);
    assert_eq!(h.state().library.list.rows.len(), 10);
    assert_eq!(h.state().library.list.page, 1);
    h.get_by_label("audio").click();
    h.run_steps(2);
    run_until(&mut h, "audio", |e| library_idle(e) && e.library.list.rows.len() == 1);
    assert_eq!(h.state().library.list.rows[0].title, "Theme");
    let sent = server.requests().into_iter().rfind(|r| r.action == "SearchMedia").unwrap().params;
    assert_eq!(sent["SearchType"], "audio");
    assert_eq!(sent["SortBy"], "CreationTime:Desc");
}

#[test]
fn covers_load_for_visible_rows_and_come_from_the_disk_cache_next_time() {
    let server = VodServer::start();
    for i in 0..50 {
        server.add_media(&format!("v{i:02}"), "video", &format!("Clip {i}"), 5.0, "Normal");
    }
    let cache = tempfile::tempdir().unwrap();
    let mut h = editor(&server, cache.path(), base());
    // The panel lists media as it opens (a spinner): wait for that, however slow the machine.
    run_until(&mut h, "the first listing", library_idle);
    search(&mut h, "");
    run_until(&mut h, "covers", |e| e.library.thumbs_ready() >= 3 && !e.cloud.tasks.is_running(Kind::Thumb));
    let asked = h.state().library.thumbs_requested();
    assert!(asked < 50, "only rows in view load covers ({asked} of 50)");
    let served = server.state.lock().unwrap().cover_requests;
    assert_eq!(served as usize, h.state().library.thumbs_ready());
    // A second run (new memory, same disk cache): the covers come from disk.
    let mut h2 = editor(&server, cache.path(), base());
    // The panel lists media as it opens (a spinner): wait for that, however slow the machine.
    run_until(&mut h2, "the first listing", library_idle);
    search(&mut h2, "");
    run_until(&mut h2, "covers again", |e| e.library.thumbs_ready() >= 3 && !e.cloud.tasks.is_running(Kind::Thumb));
    assert_eq!(server.state.lock().unwrap().cover_requests, served, "no new downloads");
}

#[test]
fn quotes_and_parentheses_in_a_title_search() {
    let server = VodServer::start();
    server.add_media("v1", "video", "It's (the) draft", 3.0, "Normal");
    server.add_media("v2", "video", "Other", 3.0, "Normal");
    let cache = tempfile::tempdir().unwrap();
    let mut h = editor(&server, cache.path(), base());
    // The panel lists media as it opens (a spinner): wait for that, however slow the machine.
    run_until(&mut h, "the first listing", library_idle);
    search(&mut h, "it's (the)");
    assert_eq!(h.state().library.list.error, None);
    assert_eq!(h.state().library.list.rows.len(), 1);
    assert_eq!(h.state().library.list.rows[0].media_id, "v1");
}

#[test]
fn drag_to_a_track_gets_the_media_length_and_warns_about_status() {
    let server = VodServer::start();
    server.add_media("v1", "video", "Beach", 42.5, "Normal");
    server.add_media("v2", "video", "Still transcoding", 8.0, "Transcoding");
    let cache = tempfile::tempdir().unwrap();
    let mut h = editor(&server, cache.path(), base());
    // The panel lists media as it opens (a spinner): wait for that, however slow the machine.
    run_until(&mut h, "the first listing", library_idle);
    search(&mut h, "");
    let clip = h.get_by_label("Clip x on V1 at 00:00:00:00").rect();
    let pps = clip.width() / 2.0;
    let target = egui::Pos2::new(clip.left() + 5.0 * pps, clip.center().y);
    let from = h.get_by_label("Library Beach").rect().center();
    support::ui::drag(&mut h, from, target);
    let v1 = &h.state().doc.project().tracks[0];
    assert_eq!(v1.clips.len(), 2, "{:?}", h.state().timeline.message);
    // The media's length in whole frames (42.5 s is 1062.5 frames at 25 fps).
    assert_eq!(v1.clips[1].out, Some(Time::from_millis(42_480)), "the media's length");
    assert!(h.state().doc.project().bin.iter().any(|e| e.media_id == "v1" && e.title == "Beach"), "it joined the bin");
    assert!(h.query_all_by_value("transcoding: not usable until ready").next().is_some(), "marked in the list");
    let from = h.get_by_label("Library Still transcoding").rect().center();
    support::ui::drag(&mut h, from, egui::Pos2::new(clip.left() + 60.0 * pps, clip.center().y));
    let msg = h.state().timeline.message.clone().unwrap_or_default();
    assert!(msg.contains("is not ready (transcoding): VOD produces only media that is ready"), "{msg}");
}

#[test]
fn a_server_error_shows_in_the_panel_and_nothing_else_breaks() {
    let server = VodServer::start();
    let cache = tempfile::tempdir().unwrap();
    let mut h = editor(&server, cache.path(), base());
    // The panel lists media by itself as it opens; the refusal comes with the next search.
    run_until(&mut h, "the first listing", library_idle);
    server.fault(Fault::Error { status: 403, code: "Forbidden.RAM" });
    search(&mut h, "x");
    let err = h.state().library.list.error.clone().unwrap();
    assert!(err.contains("Forbidden.RAM") && err.contains("permission"), "{err}");
    assert!(h.query_all_by_value(&err).next().is_some(), "shown in the panel");
    // The rest of the editor works.
    h.get_by_label("Clip x on V1 at 00:00:00:00").click();
    h.run();
    assert_eq!(h.state().doc.selection.len(), 1);
}

#[test]
fn unknown_lengths_are_refreshed_with_get_video_infos() {
    let server = VodServer::start();
    server.add_media("long", "video", "Long take", 42.0, "Normal");
    let p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"long"},{"MediaId":"nosuchid","TimelineIn":100}]}]}"#,
    )
    .unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut h = editor(&server, cache.path(), p);
    h.state_mut().show_library = false;
    // Clip titles are looked up in the background (a spinner): step rather than settle.
    h.run_steps(2);
    h.get_by_label("Refresh 2 unknown lengths from VOD").click();
    run_until(&mut h, "the lengths", |e| e.doc.project().bin.iter().any(|b| b.duration.is_some()));
    let p = h.state().doc.project();
    let places = vodcut::model::project::layout_track(&p.tracks[0], &p.media_durations());
    assert!(!places[0].is_provisional());
    assert_eq!(places[0].end, Time::from_secs(42));
    // The ID VOD does not know is warned about, not silently dropped.
    let msg = h.state().timeline.message.clone().unwrap_or_default();
    assert!(msg.contains("VOD does not know 1 MediaId: nosuchid"), "{msg}");
}

#[test]
fn materials_of_the_linked_cloud_project() {
    let server = VodServer::start();
    server.add_media("v1", "video", "In the project", 4.0, "Normal");
    server.add_media("v2", "video", "Not in it", 4.0, "Normal");
    // (The project exists: the service refuses the materials of one it does not know.)
    server.add_project("proj-1", "Linked", "{}", 0);
    server.state.lock().unwrap().materials.insert("proj-1".into(), vec!["v1".into()]);
    let mut p = base();
    p.project_id = Some("proj-1".into());
    let cache = tempfile::tempdir().unwrap();
    let mut h = editor(&server, cache.path(), p);
    // The panel lists media as it opens (a spinner): wait for that, however slow the machine.
    run_until(&mut h, "the first listing", library_idle);
    h.get_by_label("Materials of the cloud project").click();
    run_until(&mut h, "materials", |e| e.library.list.materials);
    assert_eq!(h.state().library.list.rows.len(), 1);
    assert_eq!(h.state().library.list.rows[0].title, "In the project");
}

#[test]
fn load_more_grows_the_list_and_a_long_list_loads_only_visible_covers() {
    let server = VodServer::start();
    for i in 0..120 {
        server.add_media(&format!("v{i:03}"), "video", &format!("Clip {i}"), 3.0, "Normal");
    }
    let cache = tempfile::tempdir().unwrap();
    let mut h = editor(&server, cache.path(), base());
    // The panel lists media as it opens (a spinner): wait for that, however slow the machine.
    run_until(&mut h, "the first listing", library_idle);
    search(&mut h, "");
    h.get_by_label("Load more").click();
    h.run_steps(2);
    run_until(&mut h, "page 2 appended", |e| library_idle(e) && e.library.list.rows.len() == 100);
    assert_eq!(h.state().library.list.rows[50].media_id, "v050");
    // A thousand entries: only the rows in view are laid out and fetch their covers.
    let url = server.url();
    let rows: Vec<vodcut::core::library::Row> = (0..1000)
        .map(|i| vodcut::core::library::Row {
            media_id: format!("m{i}"),
            kind: vodcut::model::project::MediaKind::Video,
            title: format!("Row {i}"),
            duration: Some(Time::from_secs(2)),
            status: "Normal".into(),
            size: None,
            cover_url: format!("{url}cover/m{i}.png"),
        })
        .collect();
    h.state_mut().library.list.set_rows(rows);
    h.run_steps(5);
    run_until(&mut h, "covers", |e| !e.cloud.tasks.is_running(Kind::Thumb));
    h.run_steps(5);
    let asked = h.state().library.thumbs_requested();
    assert!(asked > 0 && asked < 40, "{asked} covers asked for, of 1000 rows");
}

#[test]
fn an_image_reads_image_and_drops_with_the_still_duration() {
    let server = VodServer::start();
    // VOD gives an image no length (0).
    server.add_media("img1", "image", "Logo", 0.0, "Normal");
    let cache = tempfile::tempdir().unwrap();
    let mut p = base();
    p.add_track(vodcut::model::TrackKind::Image);
    let mut h = editor(&server, cache.path(), p);
    run_until(&mut h, "the first listing", library_idle);
    search(&mut h, "");
    h.get_by_label("image").click();
    h.run_steps(2);
    run_until(&mut h, "images", |e| library_idle(e) && e.library.list.rows.len() == 1);
    let row = h.get_by_label("Library Logo").rect();
    let said: Vec<String> = h
        .root()
        .children_recursive()
        .filter(|n| {
            let b = n.accesskit_node().bounding_box();
            b.is_some_and(|b| row.contains(egui::pos2(b.x0 as f32 + 1.0, b.y0 as f32 + 1.0)))
        })
        .filter_map(|n| n.accesskit_node().value())
        .filter(|v| v.starts_with("image"))
        .collect();
    assert!(!said.is_empty() && said.iter().all(|s| s == "image · 1.00 MB"), "\"image\", not a length of 0: {said:?}");

    let clip = h.get_by_label("Clip x on V1 at 00:00:00:00").rect();
    let pps = clip.width() / 2.0;
    let image_row = h.get_by_label("Track I1").rect().center().y;
    support::ui::drag(&mut h, row.center(), egui::Pos2::new(clip.left() + 10.0 * pps, image_row));
    let i1 = h.state().doc.project().tracks.iter().position(|t| t.name == "I1").unwrap();
    let c = h.state().doc.project().tracks[i1].clips.first().cloned();
    let c = c.unwrap_or_else(|| panic!("not dropped: {:?}", h.state().timeline.message));
    assert_eq!(c.image_id.as_deref(), Some("img1"));
    let length = |c: &vodcut::model::wire::Clip| c.timeline_out.unwrap() - c.timeline_in.unwrap();
    assert_eq!(length(&c), Time::from_secs(5), "five seconds, as Premiere's default still");
    let problems = vodcut::model::validate::validate(h.state().doc.project());
    let errors: Vec<_> = problems.iter().filter(|p| p.severity == vodcut::model::validate::Severity::Error).collect();
    assert!(errors.is_empty(), "a visible clip, no error: {errors:?}");

    // On a video track it is an Image-type clip of the same length; the setting changes it.
    h.state_mut().cloud.settings.still_duration = Some(Time::from_secs(3));
    h.run();
    support::ui::drag(&mut h, row.center(), egui::Pos2::new(clip.left() + 20.0 * pps, clip.center().y));
    let v1 = &h.state().doc.project().tracks[0];
    assert_eq!(v1.clips.len(), 2, "{:?}", h.state().timeline.message);
    assert_eq!((v1.clips[1].r#type.as_deref(), length(&v1.clips[1])), (Some("Image"), Time::from_secs(3)));
}

#[test]
fn the_left_panel_keeps_its_width_between_the_bin_and_the_library() {
    let server = VodServer::start();
    let long = "A long title that would need a wide panel to show it whole, and then some more";
    server.add_media("v1", "video", long, 42.5, "Normal");
    let cache = tempfile::tempdir().unwrap();
    let mut p = base();
    p.bin.push(vodcut::model::project::BinEntry {
        media_id: "v1".into(),
        title: long.into(),
        duration: Some(Time::from_secs(42)),
        kind: vodcut::model::project::MediaKind::Video,
        ..Default::default()
    });
    let mut h = editor(&server, cache.path(), p);
    run_until(&mut h, "the first listing", library_idle);
    search(&mut h, "");
    assert!(h.query_by_label_contains("Library A long title").is_some(), "the row is listed");
    let preview = |h: &Harness<'static, Editor>| h.get_by_label_contains("Output preview").rect();
    let before = preview(&h);
    h.get_by_label("Media bin").click();
    h.run_steps(4);
    assert!(h.query_by_label_contains("Media A long title").is_some(), "the bin shows it");
    assert_eq!(preview(&h), before, "the preview stays where it was");
    h.get_by_label("VOD library").click();
    h.run_steps(4);
    assert_eq!(preview(&h), before);
}

#[test]
fn the_search_keeps_to_the_projects_application() {
    let server = VodServer::start();
    server.add_media("v-default", "video", "Clip of the default app", 10.0, "Normal");
    server.add_media("v-brand", "video", "Clip of the brand app", 10.0, "Normal");
    server.state.lock().unwrap().media_apps.insert("v-brand".into(), "app-2000001".into());
    let cache = tempfile::tempdir().unwrap();
    let mut p = base();
    p.app_id = "app-2000001".into();
    let mut h = editor(&server, cache.path(), p);
    search(&mut h, "Clip");
    let titles: Vec<String> = h.state().library.list.rows.iter().map(|r| r.title.clone()).collect();
    assert_eq!(titles, ["Clip of the brand app"]);
    let sent = server.requests().into_iter().rfind(|r| r.action == "SearchMedia").unwrap();
    assert_eq!(sent.params["Match"], "Title in ('Clip') and AppId = 'app-2000001'");

    // Another AppId typed in the project: the list is asked for again, for that application.
    let mut fields = vodcut::edit::ProjectFields::of(h.state().doc.project());
    fields.app_id = String::new();
    h.state_mut().doc.apply("AppId", vodcut::edit::Edit::SetFields(Box::new(fields)));
    h.run();
    run_until(&mut h, "the search again", library_idle);
    let titles: Vec<String> = h.state().library.list.rows.iter().map(|r| r.title.clone()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
}
