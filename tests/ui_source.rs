//! The source viewer as an editor uses it: double-click a media bin item to open it in the
//! preview area (frames from the loopback media server), mark In and Out with I and O, step
//! with the arrows, then Insert (,) and Overwrite (.) at the timeline playhead and check the
//! document; drag from the viewer's picture onto a track; the trim preview's two frames.

mod support;

use egui::{Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::media_server::{TestMedia, second_of};
use support::vod_server::VodServer;
use vodcut::edit::document::Document;
use vodcut::model::export::import_timeline_str;
use vodcut::model::project::{BinEntry, MediaKind};
use vodcut::model::{Project, Time};
use vodcut::ui::Editor;

const TOL: i32 = 14;

struct Setup {
    _server: VodServer,
    _cache: tempfile::TempDir,
}

/// V1: vid [0,4) (In 0) and vid [4,8) (In 10); A1 empty; the bin holds "vid" (20 s).
fn project() -> Project {
    let mut p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[
            {"MediaId":"vid","In":0,"Out":4,"TimelineIn":0},
            {"MediaId":"vid","In":10,"Out":14,"TimelineIn":4}]}],
          "AudioTracks":[{"AudioTrackClips":[]}]}"#,
    )
    .unwrap();
    p.bin.push(BinEntry {
        media_id: "vid".into(),
        title: "Colour seconds".into(),
        duration: Some(Time::from_secs(20)),
        kind: MediaKind::Video,
        ..Default::default()
    });
    p.produce_config.width = Some(320);
    p.produce_config.height = Some(180);
    p.zoom = 40.0;
    p
}

fn editor(p: Project) -> (Setup, Harness<'static, Editor>) {
    let server = VodServer::start();
    server.add_test_video("vid", "Colour seconds");
    server.add_test_video("two", "Second clip");
    server.add_video_file("song", "audio", "Song", support::media_server::test_video(), 20.0);
    server.add_test_image("logo", "Logo", 64, 32, support::media_server::MAGENTA);
    let (e, cache) = support::ui::footage_editor(server.url(), "", Document::new(p, None, false));
    let h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_max_steps(64)
        .with_context_setup(|ctx| ctx.add_font_provider(Arc::new(vodcut::ui::fonts::BundledCjk::default())));
    // Pictures of the window only when asked for (VODCUT_SHOTS=1): they need a GPU adapter.
    let h = if shots() { h.wgpu() } else { h };
    let h = h.build_ui_state(|ui, e: &mut Editor| e.ui(ui), e);
    (Setup { _server: server, _cache: cache }, h)
}

fn wait(h: &mut Harness<'static, Editor>, what: &str, done: impl Fn(&Editor) -> bool) {
    let start = Instant::now();
    while !done(h.state()) {
        assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
}

/// The source second the viewer's picture shows.
fn source_second(e: &Editor) -> Option<u32> {
    let r = e.source.shown()?;
    second_of(r.image.pixel(r.image.width / 2, r.image.height / 2), TOL)
}

/// A click at `at`, the pointer moved there first.
fn click_at(h: &mut Harness<'static, Editor>, at: Pos2) {
    h.event(egui::Event::PointerMoved(at));
    support::ui::click_at(h, at);
}

fn double_click(h: &mut Harness<'static, Editor>, label: &str) {
    let at = h.get_by_label(label).rect().center();
    h.event(egui::Event::PointerMoved(at));
    h.step();
    click_at(h, at);
    click_at(h, at);
    h.run();
}

/// Presses `k` `times` times (a few frames each: while something plays the window never
/// settles, so no `run`).
/// Where V1's first clip is drawn (time 0 at its left; 4 s long in these projects).
fn first_clip(h: &Harness<'static, Editor>) -> egui::Rect {
    h.get_all_by_label_contains("Clip Colour seconds on V1 at")
        .map(|n| n.rect())
        .min_by(|a, b| a.left().total_cmp(&b.left()))
        .unwrap()
}

fn key(h: &mut Harness<'static, Editor>, k: Key, times: usize) {
    for _ in 0..times {
        h.key_press(k);
        h.step();
    }
    h.run_steps(3);
}

fn shots() -> bool {
    std::env::var_os("VODCUT_SHOTS").is_some()
}

/// With VODCUT_SHOTS=1, the window as it is now in target/tmp/ui-source/, to look at.
fn screenshot(h: &mut Harness<'static, Editor>, name: &str) {
    if shots()
        && let Ok(img) = h.render()
    {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("ui-source");
        std::fs::create_dir_all(&dir).unwrap();
        img.save(dir.join(format!("{name}.png"))).unwrap();
    }
}

/// V1's clips as (start, end, source In) in whole seconds.
fn v1(e: &Editor) -> Vec<(i64, i64, i64)> {
    let p = e.doc.project();
    let places = vodcut::model::project::layout_track(&p.tracks[0], &p.media_durations());
    let secs = |t: Time| (t.as_secs_f64() * 100.0).round() as i64;
    let mut v: Vec<_> = p.tracks[0]
        .clips
        .iter()
        .zip(places)
        .map(|(c, q)| (secs(q.start), secs(q.end), secs(c.r#in.unwrap_or(Time::ZERO))))
        .collect();
    v.sort();
    v
}

#[test]
fn double_click_a_bin_item_mark_in_and_out_then_insert_and_overwrite_at_the_playhead() {
    let (s, mut h) = editor(project());
    h.run();
    double_click(&mut h, "Media Colour seconds");
    assert!(h.state().source.showing && h.state().source.focused, "the viewer opened with the keyboard");
    wait(&mut h, "the source's first frame", |e| e.source.shown().is_some());
    assert_eq!(source_second(h.state()), Some(0));
    screenshot(&mut h, "opened");
    // Two seconds on (50 frames at 25 fps), In; a second and 24 frames on, Out.
    key(&mut h, Key::ArrowRight, 50);
    key(&mut h, Key::I, 1);
    wait(&mut h, "the frame at the In", |e| e.source.shown().is_some_and(|r| r.at == Time::from_secs(2)));
    assert_eq!(source_second(h.state()), Some(2));
    key(&mut h, Key::ArrowRight, 49);
    key(&mut h, Key::O, 1);
    let m = h.state().source.marks().unwrap();
    assert_eq!((m.mark_in, m.mark_out), (Some(Time::from_secs(2)), Some(Time::from_millis(3960))));
    wait(&mut h, "the frame at the Out", |e| e.source.shown().is_some_and(|r| r.at == Time::from_millis(3960)));
    screenshot(&mut h, "marked");
    assert_eq!(h.state().doc.project().playhead, Time::ZERO, "the timeline playhead stayed");
    assert_eq!(v1(h.state()), vec![(0, 400, 0), (400, 800, 1000)]);

    // The timeline playhead to 2 s with a click on the ruler, then Insert (,): the first clip
    // is split there, the 2 s marked go in, and what follows moves right by 2 s.
    let clip_a = first_clip(&h);
    let ruler = h.get_by_label("Timeline ruler").rect();
    click_at(&mut h, Pos2::new(clip_a.left() + 2.0 * clip_a.width() / 4.0, ruler.center().y));
    h.run();
    assert_eq!(h.state().doc.project().playhead, Time::from_secs(2));
    key(&mut h, Key::Comma, 1);
    assert_eq!(v1(h.state()), vec![(0, 200, 0), (200, 400, 200), (400, 600, 200), (600, 1000, 1000)]);
    assert_eq!(h.state().doc.project().playhead, Time::from_secs(4), "the playhead follows what was placed");
    screenshot(&mut h, "inserted");
    // Undo, and Overwrite (.) at the same place: the 2 s placed replace what they cover.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(v1(h.state()), vec![(0, 400, 0), (400, 800, 1000)], "one undo step");
    h.state_mut().doc.set_playhead(Time::from_secs(2));
    key(&mut h, Key::Period, 1);
    assert_eq!(v1(h.state()), vec![(0, 200, 0), (200, 400, 200), (400, 800, 1000)]);
    // The source keeps its marks for the next edit.
    let m = h.state().source.marks().unwrap();
    assert_eq!((m.mark_in, m.mark_out), (Some(Time::from_secs(2)), Some(Time::from_millis(3960))));
    drop(s);
}

#[test]
fn with_timeline_in_and_out_the_marked_source_fills_them_on_the_targeted_track() {
    let mut p = project();
    // A second video track, targeted alone: the edit goes there.
    p.add_track(vodcut::model::TrackKind::Video);
    p.tracks[0].targeted = false;
    let (s, mut h) = editor(p);
    h.run();
    double_click(&mut h, "Media Colour seconds");
    key(&mut h, Key::ArrowRight, 125);
    key(&mut h, Key::I, 1);
    // Timeline In 1 s, Out on the frame before 3 s, which it includes: the range is [1 s, 3 s)
    // (the keys act on the timeline once it has the keyboard).
    let tracks = h.get_by_label("Timeline tracks").rect();
    click_at(&mut h, Pos2::new(tracks.right() - 20.0, tracks.bottom() - 20.0));
    h.run();
    for (at, k) in [(1000, Key::I), (2960, Key::O)] {
        h.state_mut().doc.set_playhead(Time::from_millis(at));
        key(&mut h, k, 1);
    }
    assert_eq!(
        (h.state().doc.project().mark_in, h.state().doc.project().mark_out),
        (Some(Time::from_secs(1)), Some(Time::from_millis(2960)))
    );
    assert_eq!(h.state().source.marks().unwrap().mark_in, Some(Time::from_secs(5)), "the source's In stayed");
    key(&mut h, Key::Period, 1);
    let v2 = &h.state().doc.project().tracks[2].clips;
    assert_eq!(v2.len(), 1, "placed on the targeted V2");
    assert_eq!(
        (v2[0].timeline_in, v2[0].r#in, v2[0].out),
        (Some(Time::from_secs(1)), Some(Time::from_secs(5)), Some(Time::from_secs(7)))
    );
    assert_eq!(h.state().doc.project().tracks[0].clips.len(), 2, "V1 untouched");
    drop(s);
}

#[test]
fn space_and_jkl_play_the_source_while_it_has_the_keyboard_and_the_timeline_gets_them_back() {
    let (s, mut h) = editor(project());
    h.run();
    double_click(&mut h, "Media Colour seconds");
    wait(&mut h, "the source's first frame", |e| e.source.shown().is_some());
    key(&mut h, Key::Space, 1);
    assert_eq!((h.state().source.speed, h.state().play_speed), (1.0, 0.0), "the source plays, not the program");
    let before = h.state().source.shown_count;
    let start = Instant::now();
    // Frames come from a continuous decode, as the program's do. The harness clock moves
    // 0.1 s a step: slower steps than that keep a slow machine from reaching the 20 s
    // medium's end (where playing stops) before the decoder has started.
    while h.state().source.shown_count - before < 6 {
        assert!(start.elapsed() < Duration::from_secs(40), "too few frames while the source plays");
        assert!(h.state().source.is_streaming(), "stopped at {:?}", h.state().source.marks());
        std::thread::sleep(Duration::from_millis(250));
        h.step();
    }
    let r = h.state().source.shown().unwrap();
    assert!(r.at > Time::ZERO && source_second(h.state()) == Some(r.at.as_secs_f64().floor() as u32));
    key(&mut h, Key::K, 1);
    assert_eq!(h.state().source.speed, 0.0);
    key(&mut h, Key::Home, 1);
    assert_eq!(h.state().source.marks().unwrap().playhead, Time::ZERO, "Home: the source's start");
    key(&mut h, Key::L, 2);
    assert_eq!(h.state().source.speed, 2.0, "L twice: double speed");
    key(&mut h, Key::J, 1);
    assert_eq!(h.state().source.speed, -1.0, "J: backwards");
    key(&mut h, Key::K, 1);
    let at = h.state().source.marks().unwrap().playhead;
    key(&mut h, Key::ArrowLeft, 1);
    assert_eq!(h.state().source.marks().unwrap().playhead, at - Time::from_millis(40), "Left: a frame back");
    assert_eq!(h.state().doc.project().playhead, Time::ZERO, "the timeline playhead never moved");

    // A click on the timeline gives it the keyboard back: Space plays the program and the
    // preview area shows it.
    let tracks = h.get_by_label("Timeline tracks").rect();
    click_at(&mut h, Pos2::new(tracks.left() + 600.0, tracks.top() + 120.0));
    h.run_steps(3);
    assert!(!h.state().source.focused);
    key(&mut h, Key::Space, 1);
    assert_eq!((h.state().play_speed, h.state().source.speed), (1.0, 0.0));
    assert!(!h.state().source.showing, "playing the program shows it");
    key(&mut h, Key::Space, 1);
    // The Source tab brings the viewer back where it was.
    h.get_by_label("Source: Colour seconds").click();
    h.run_steps(3);
    assert!(h.state().source.showing && h.state().source.focused);
    assert_eq!(h.state().source.marks().unwrap().playhead, at - Time::from_millis(40));
    drop(s);
}

#[test]
fn delete_and_s_act_on_the_timeline_only_when_it_has_the_keyboard() {
    let (s, mut h) = editor(project());
    h.run();
    // A clip selected on the timeline, the playhead inside it, then the viewer opened.
    let a = first_clip(&h).center();
    click_at(&mut h, a);
    h.run();
    assert_eq!(h.state().doc.selection.len(), 1);
    h.state_mut().doc.set_playhead(Time::from_secs(2));
    double_click(&mut h, "Media Colour seconds");
    assert!(h.state().source.focused);
    let before = h.state().doc.project().clone();
    // The viewer has the keyboard: Delete, S, Q and ; are the timeline panel's keys.
    for k in [Key::Delete, Key::S, Key::Q, Key::Semicolon] {
        key(&mut h, k, 1);
        assert_eq!(h.state().doc.project(), &before, "{k:?} changed the timeline while the source had the keyboard");
    }
    assert!(h.state().status.contains("click the timeline"), "{}", h.state().status);
    // A click on the timeline's ruler gives it the keyboard back (the selection stays): S
    // splits the selected clip at the playhead, Delete removes the selection.
    let ruler = h.get_by_label("Timeline ruler").rect();
    h.state_mut().doc.set_playhead(Time::from_secs(2));
    click_at(&mut h, Pos2::new(ruler.right() - 10.0, ruler.center().y));
    h.run_steps(3);
    assert!(!h.state().source.focused);
    h.state_mut().doc.set_playhead(Time::from_secs(2));
    key(&mut h, Key::S, 1);
    assert_eq!(v1(h.state()), vec![(0, 200, 0), (200, 400, 200), (400, 800, 1000)]);
    key(&mut h, Key::Delete, 1);
    assert_eq!(h.state().doc.project().tracks[0].clips.len(), 2, "Delete removed the selected piece");
    drop(s);
}

#[test]
fn a_library_item_opens_in_the_viewer_and_its_marks_are_remembered_per_medium() {
    let (s, mut h) = editor(project());
    h.run();
    let rows = ["vid", "two"].map(|id| vodcut::core::library::Row {
        media_id: id.into(),
        kind: MediaKind::Video,
        title: if id == "vid" { "Colour seconds".into() } else { "Second clip".into() },
        duration: Some(Time::from_secs(20)),
        status: "Normal".into(),
        size: None,
        cover_url: String::new(),
    });
    h.state_mut().library.list.set_rows(rows.to_vec());
    h.state_mut().library.opened = true;
    h.state_mut().show_library = true;
    h.run();
    double_click(&mut h, "Library Second clip");
    assert_eq!(h.state().source.open.as_ref().map(|e| e.media_id.as_str()), Some("two"));
    key(&mut h, Key::ArrowRight, 10);
    key(&mut h, Key::I, 1);
    double_click(&mut h, "Library Colour seconds");
    assert_eq!(h.state().source.open.as_ref().map(|e| e.media_id.as_str()), Some("vid"));
    assert_eq!(h.state().source.marks().unwrap().mark_in, None, "its own marks");
    key(&mut h, Key::O, 1);
    double_click(&mut h, "Library Second clip");
    let m = h.state().source.marks().unwrap();
    assert_eq!((m.playhead, m.mark_in, m.mark_out), (Time::from_millis(400), Some(Time::from_millis(400)), None));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::X);
    h.run();
    assert_eq!(h.state().source.marks().unwrap().mark_in, None, "Ctrl+Shift+X clears the marks");
    drop(s);
}

#[test]
fn dragging_the_source_picture_onto_a_track_places_the_marked_range() {
    let (s, mut h) = editor(project());
    h.run();
    double_click(&mut h, "Media Colour seconds");
    key(&mut h, Key::ArrowRight, 50);
    key(&mut h, Key::I, 1);
    key(&mut h, Key::ArrowRight, 50);
    key(&mut h, Key::O, 1);
    let picture = h.get_by_label_contains("Source viewer: Colour seconds at").rect();
    let clip_a = first_clip(&h);
    let pps = clip_a.width() / 4.0;
    let to = Pos2::new(clip_a.left() + 10.0 * pps, clip_a.center().y);
    support::ui::drag(&mut h, picture.center(), to);
    h.run();
    let clips = &h.state().doc.project().tracks[0].clips;
    assert_eq!(clips.len(), 3, "one clip more on V1");
    let placed = &clips[2];
    assert_eq!(
        (placed.timeline_in, placed.r#in, placed.out),
        (Some(Time::from_secs(10)), Some(Time::from_secs(2)), Some(Time::from_millis(4040))),
        "In 2 s to the end of the Out frame (4 s), at 10 s"
    );
    drop(s);
}

#[test]
fn trimming_an_edge_shows_the_outgoing_and_incoming_frames_with_their_times() {
    // V1: A [0,4) (In 0) and B [6,10) (In 10), a gap between.
    let mut p = project();
    p.tracks[0].clips[1].timeline_in = Some(Time::from_secs(6));
    let (s, mut h) = editor(p);
    wait(&mut h, "the program's first frame", |e| e.preview.shown().is_some());
    let clip_a = first_clip(&h);
    let pps = clip_a.width() / 4.0;
    let handle = h
        .get_all_by_label_contains("Trim end of Colour seconds")
        .map(|n| n.rect())
        .min_by(|a, b| a.left().total_cmp(&b.left()))
        .unwrap();
    // A's end to 5.04 s: its last frame is then at 5.00 (source 5 s); B's first is source 10 s.
    let from = handle.center();
    let to = Pos2::new(clip_a.left() + 5.04 * pps, from.y);
    support::ui::hold_drag(&mut h, from, to);
    assert_eq!(h.state().timeline.trim_at.map(|(_, _, t)| t), Some(Time::from_millis(5040)));
    wait(&mut h, "the trim's two frames", |e| {
        e.preview.shown().is_some_and(|(r, _)| r.image.width > 3 * r.image.height && r.at == Time::from_millis(5040))
    });
    let (r, _) = h.state().preview.shown().unwrap();
    let (w, y) = (r.image.width, r.image.height / 2);
    assert_eq!(second_of(r.image.pixel(w / 4, y), TOL), Some(5), "the outgoing clip's new last frame");
    assert_eq!(second_of(r.image.pixel(w * 3 / 4, y), TOL), Some(10), "the incoming clip's first frame");
    let clock = vodcut::i18n::Clock::of(h.state().doc.project().frame_rate);
    assert!(
        h.query_by_label(&format!(
            "Trim preview: outgoing frame at {}, incoming frame at {}",
            clock.time(Time::from_secs(5)),
            clock.time(Time::from_secs(6))
        ))
        .is_some(),
        "each side says its time"
    );
    screenshot(&mut h, "trim");
    h.drop_at(to);
    h.run();
    assert_eq!(v1(h.state())[0], (0, 504, 0), "the trim took effect");
    wait(&mut h, "the playhead's frame again", |e| {
        e.preview.shown().is_some_and(|(r, _)| r.image.width < 2 * r.image.height)
    });
    drop(s);
}

#[test]
fn rolling_a_cut_shows_the_next_clip_at_the_new_cut() {
    // V1: A [0,4) (In 0) and B [4,8) (In 10) touch: the cut between them rolls.
    let (s, mut h) = editor(project());
    wait(&mut h, "the program's first frame", |e| e.preview.shown().is_some());
    let clip_a = first_clip(&h);
    let pps = clip_a.width() / 4.0;
    let from = h.get_by_label_contains("Roll the cut between").rect().center();
    let to = Pos2::new(clip_a.left() + 5.04 * pps, from.y);
    support::ui::hold_drag(&mut h, from, to);
    wait(&mut h, "the roll's two frames", |e| {
        e.preview.shown().is_some_and(|(r, _)| r.image.width > 3 * r.image.height && r.at == Time::from_millis(5040))
    });
    let (r, _) = h.state().preview.shown().unwrap();
    let (w, y) = (r.image.width, r.image.height / 2);
    assert_eq!(second_of(r.image.pixel(w / 4, y), TOL), Some(5), "A's new last frame (source 5 s)");
    assert_eq!(second_of(r.image.pixel(w * 3 / 4, y), TOL), Some(11), "B's new first frame (source 11.04 s)");
    h.drop_at(to);
    h.run();
    assert_eq!(v1(h.state()), vec![(0, 504, 0), (504, 800, 1104)], "the roll took effect");
    drop(s);
}

/// The two frames of the preview while something is dragged, as (left, right) source
/// seconds, once `want` holds (the pictures of the drag's earlier steps come first: the
/// edge's time is the same in each, so only the pictures tell them apart).
fn two_frames(
    h: &mut Harness<'static, Editor>,
    what: &str,
    edge: Time,
    want: impl Fn((Option<u32>, Option<u32>)) -> bool,
) {
    let seen = |e: &Editor| {
        let (r, _) = e.preview.shown()?;
        (r.image.width > 3 * r.image.height && r.at == edge).then(|| {
            let (w, y) = (r.image.width, r.image.height / 2);
            (second_of(r.image.pixel(w / 4, y), TOL), second_of(r.image.pixel(w * 3 / 4, y), TOL))
        })
    };
    let start = Instant::now();
    while !seen(h.state()).is_some_and(&want) {
        assert!(start.elapsed() < Duration::from_secs(20), "{what}: {:?}", seen(h.state()));
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
}

#[test]
fn slipping_and_sliding_show_the_frames_they_change() {
    // V1: A [0,4) (In 0) and B [4,8) (In 10) touch.
    let (s, mut h) = editor(project());
    wait(&mut h, "the program's first frame", |e| e.preview.shown().is_some());
    let clip_a = first_clip(&h);
    let pps = clip_a.width() / 4.0;
    // Slip (Y): B dragged 2 s left shows source 2 s later: its new first frame (source 12 s)
    // and its new last (15.96 s, which the test medium's frames show as second 15 or 16;
    // unslipped it would be 13.96 s).
    key(&mut h, Key::Y, 1);
    let from = Pos2::new(clip_a.left() + 6.0 * pps, clip_a.center().y);
    support::ui::hold_drag(&mut h, from, from - Vec2::new(2.0 * pps, 0.0));
    two_frames(&mut h, "the slip's two frames", Time::from_secs(4), |(l, r)| {
        l == Some(12) && matches!(r, Some(15 | 16))
    });
    screenshot(&mut h, "slip");
    h.drop_at(from - Vec2::new(2.0 * pps, 0.0));
    h.run();
    assert_eq!(v1(h.state()), vec![(0, 400, 0), (400, 800, 1200)], "the slip took effect");
    assert_eq!(h.state().timeline.slip_at, None, "the preview goes back when the drag ends");
    // Slide (U): A dragged 1 s right; nothing before it (black), B's new first frame is its
    // source 13 s (In 12, 1 s later).
    key(&mut h, Key::U, 1);
    let from = Pos2::new(clip_a.left() + 2.0 * pps, clip_a.center().y);
    support::ui::hold_drag(&mut h, from, from + Vec2::new(pps, 0.0));
    two_frames(&mut h, "the slide's two frames", Time::from_secs(1), |f| f == (None, Some(13)));
    h.drop_at(from + Vec2::new(pps, 0.0));
    h.run();
    assert_eq!(v1(h.state()), vec![(100, 500, 0), (500, 800, 1300)], "the slide took effect");
    drop(s);
}

#[test]
fn audio_shows_its_waveform_and_goes_on_an_audio_track_a_picture_on_video() {
    let mut p = project();
    for (id, title, kind, len) in
        [("song", "Song", MediaKind::Audio, Some(20)), ("logo", "Logo", MediaKind::Image, None)]
    {
        p.bin.push(BinEntry {
            media_id: id.into(),
            title: title.into(),
            duration: len.map(Time::from_secs),
            kind,
            ..Default::default()
        });
    }
    let (s, mut h) = editor(p);
    h.run();
    double_click(&mut h, "Media Song");
    wait(&mut h, "the song's waveform", |e| e.source.has_waveform("song"));
    assert!(h.state().source.shown().is_none(), "no picture for sound");
    key(&mut h, Key::ArrowRight, 25);
    key(&mut h, Key::I, 1);
    key(&mut h, Key::ArrowRight, 49);
    key(&mut h, Key::O, 1);
    h.state_mut().doc.set_playhead(Time::from_secs(1));
    key(&mut h, Key::Period, 1);
    let a1 = &h.state().doc.project().tracks[1].clips;
    assert_eq!(a1.len(), 1, "the song went on A1");
    assert_eq!(
        (a1[0].timeline_in, a1[0].r#in, a1[0].out),
        (Some(Time::from_secs(1)), Some(Time::from_secs(1)), Some(Time::from_secs(3)))
    );

    // A picture shows itself, and goes on V1 for the still length (5 s, no marks) as an
    // Image clip, placed by its timeline times.
    double_click(&mut h, "Media Logo");
    wait(&mut h, "the logo", |e| e.source.shown().is_some_and(|r| r.problems.is_empty()));
    let r = h.state().source.shown().unwrap();
    assert!(support::media_server::close(
        r.image.pixel(r.image.width / 2, r.image.height / 2),
        support::media_server::MAGENTA,
        TOL
    ));
    h.state_mut().doc.set_playhead(Time::from_secs(20));
    key(&mut h, Key::Comma, 1);
    let v1 = &h.state().doc.project().tracks[0].clips;
    let pic = v1.iter().find(|c| c.media_id.as_deref() == Some("logo")).expect("the logo on V1");
    assert_eq!(
        (pic.r#type.as_deref(), pic.timeline_in, pic.timeline_out),
        (Some("Image"), Some(Time::from_secs(20)), Some(Time::from_secs(25)))
    );
    drop(s);
}

/// Issue 26: a finished production's video is watched from the Jobs tab: it opens in the
/// source viewer and plays from its GetPlayInfo like any media (here the server's colour
/// seconds video stands for the produced one).
#[test]
fn a_finished_jobs_video_is_watched_in_the_source_viewer() {
    let (_s, mut h) = editor(project());
    let mut job =
        vodcut::store::jobs::Job::new("1".into(), vodcut::store::jobs::JobState::Submitted, "Promo", "cn-shanghai", "");
    job.media_id = Some("vid".into());
    job.production_status = Some("Produced".into());
    job.video_status = Some("Normal".into());
    job.duration = Some(20.0);
    h.state_mut().cloud.jobs = vec![job];
    h.state_mut().tab = vodcut::ui::app::Tab::Jobs;
    h.run_steps(3);
    h.get_by_label("Watch").click();
    h.run_steps(3);
    assert_eq!(h.state().source.open.as_ref().map(|e| e.media_id.as_str()), Some("vid"));
    assert!(h.state().source.showing);
    wait(&mut h, "the produced video's first frame", |e| source_second(e) == Some(0));
}
