//! Footage costs against the loopback VOD server (real ffmpeg decodes of the test MP4):
//!
//! - time from a playhead move to the composed frame being ready, median and 95th percentile,
//!   for frames not seen before and for frames in the memory cache;
//! - UI frame times of the whole editor while scrubbing and while playing (the longest frame
//!   must stay under 16 ms);
//! - memory of decoded frames while scrubbing through 50 clips, against the cache bound;
//! - divan: composing one preview frame, planning one.
//!
//! Run: `cargo bench --bench frames` (a minute; `-- --sample-count 10` for divan's part).

#[path = "../tests/support/mod.rs"]
#[allow(dead_code)]
mod support;

use egui::{Pos2, RawInput, Rect, Vec2};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::media_server::TestMedia;
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::{Client, ClientConfig, Credentials};
use vodcut::compose::{self, Image, active_by_layout, plan_at};
use vodcut::edit::document::Document;
use vodcut::media::render::Renderer;
use vodcut::media::{Footage, Options};
use vodcut::model::Time;
use vodcut::model::export::import_timeline_str;
use vodcut::store::settings::{CredentialChoice, Settings};

/// `cargo test --all-targets` builds this without optimisations and runs it once: then only a
/// short smoke run of each measurement (the figures mean nothing unoptimised).
/// `FRAMES_BENCH_FULL=1` measures fully in any build.
fn smoke() -> bool {
    cfg!(debug_assertions) && std::env::var_os("FRAMES_BENCH_FULL").is_none()
}

fn n(full: usize) -> usize {
    if smoke() { 3 } else { full }
}

fn main() {
    let server = VodServer::start();
    for i in 0..50 {
        server.add_test_video(&format!("v{i:02}"), &format!("Clip {i}"));
    }
    server.add_test_image("logo", "Logo", 64, 32, [230, 0, 230]);
    let cache = tempfile::tempdir().unwrap();
    latency(&server, cache.path());
    memory(&server);
    ui_frames(&server, cache.path());
    divan::main();
}

fn footage(server: &VodServer, cache: Option<&std::path::Path>, memory: usize) -> Footage {
    let client =
        Client::new(ClientConfig::new(server.url().parse().unwrap()), Credentials::session(KEY_ID, KEY_SECRET));
    Footage::new(
        client.map_err(|e| e.to_string()),
        Options { cache_dir: cache.map(Into::into), memory_bytes: memory, ..Options::default() },
    )
}

fn percentile(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn project_50() -> vodcut::model::Project {
    let clips: Vec<String> = (0..50)
        .map(|i| {
            format!(
                r#"{{"MediaId":"v{i:02}","In":{},"Out":{},"TimelineIn":{i},"TimelineOut":{}}}"#,
                i % 19,
                i % 19 + 1,
                i + 1
            )
        })
        .collect();
    let mut p = import_timeline_str(&format!(
        r#"{{"VideoTracks":[{{"VideoTrackClips":[{}]}}],"ImageTracks":[{{"ImageTrackClips":[{{"ImageId":"logo","X":0,"Y":0,"Width":0.2,"Height":0.2,"TimelineIn":0,"TimelineOut":50}}]}}]}}"#,
        clips.join(",")
    ))
    .unwrap();
    p.produce_config.width = Some(1280);
    p.produce_config.height = Some(720);
    p
}

fn latency(server: &VodServer, cache: &std::path::Path) {
    let (url, cache) = (server.url(), cache.to_owned());
    // The core's one runtime; it lives as long as `executor`.
    let executor = vodcut::core::Executor::new();
    let mut r = Renderer::new(move || footage_at(&url, &cache), &executor.handle().unwrap(), || {});
    while r.footage().is_none() {
        std::thread::sleep(Duration::from_millis(5));
    }
    let p = project_50();
    let mut run = |label: &str| {
        let mut times = Vec::new();
        for i in 0..n(40) as i64 {
            let t = Time::from_millis(i * 1237 % 50_000);
            let plan = plan_at(&p, t, (1280, 720), &active_by_layout(&p, t));
            let start = Instant::now();
            let serial = r.request(plan, 640, vec![]);
            loop {
                if r.poll().is_some_and(|x| x.serial == serial) {
                    break;
                }
                std::thread::sleep(Duration::from_micros(200));
            }
            times.push(start.elapsed());
        }
        let (m, p95) = (percentile(&mut times, 0.5), percentile(&mut times, 0.95));
        println!(
            "playhead move -> frame ready ({label}): median {m:.1?}, p95 {p95:.1?} ({} moves, 640x360 of 1280x720)",
            times.len()
        );
    };
    run("not seen before: GetPlayInfo once, then one ffmpeg seek+decode per move");
    run("seen before: memory cache");
}

fn footage_at(url: &str, cache: &std::path::Path) -> Footage {
    let client = Client::new(ClientConfig::new(url.parse().unwrap()), Credentials::session(KEY_ID, KEY_SECRET));
    Footage::new(client.map_err(|e| e.to_string()), Options { cache_dir: Some(cache.to_owned()), ..Options::default() })
}

fn memory(server: &VodServer) {
    let bound = 8 << 20;
    let f = Arc::new(footage(server, None, bound));
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let p = project_50();
    let never = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut peak = 0;
    for i in 0..n(200) as i64 {
        let t = Time::from_millis(i * 250);
        let plan = plan_at(&p, t, (1280, 720), &active_by_layout(&p, t));
        let got = rt.block_on(f.pictures(&plan, 0.5, &never));
        assert!(got.problems.is_empty(), "{:?}", got.problems);
        peak = peak.max(f.memory_bytes());
    }
    println!(
        "memory scrubbing 50 clips ({} positions, 640x360 frames of ~0.9 MB): peak {:.1} MB under a bound of {:.1} MB",
        n(200),
        peak as f64 / 1048576.0,
        bound as f64 / 1048576.0
    );
    assert!(peak <= bound);
}

fn input(size: Vec2, t: f64) -> RawInput {
    RawInput { screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)), time: Some(t), ..Default::default() }
}

fn ui_frames(server: &VodServer, cache: &std::path::Path) {
    let settings = Settings { credentials: CredentialChoice::Session, endpoint: server.url(), ..Default::default() };
    let mut env = vodcut::core::Env::isolated(cache);
    env.data_dir = None;
    let mut cloud = vodcut::core::cloud::Cloud::new(env, settings);
    cloud.session = Some(Credentials::session(KEY_ID, KEY_SECRET));
    let mut p = project_50();
    p.zoom = 40.0;
    let mut e = vodcut::ui::Editor::with_cloud(
        Arc::new(vodcut::ui::files::NativePicker::default()),
        Document::new(p, None, false),
        cloud,
    );
    e.preview.cache_dir = Some(cache.to_owned());
    let ctx = egui::Context::default();
    let size = Vec2::new(1280.0, 800.0);
    let start = Instant::now();
    let step = |e: &mut vodcut::ui::Editor| {
        let t0 = Instant::now();
        let out = ctx.run_ui(input(size, start.elapsed().as_secs_f64()), |ui| e.ui(ui));
        // Texture uploads are part of the frame's work on the UI thread (deltas kept here).
        // The frame's work includes making the preview's texture image; uploading it belongs
        // to the renderer (there is none here).
        out.drop_without_applying_deltas();
        t0.elapsed()
    };
    for _ in 0..n(30) {
        step(&mut e);
        std::thread::sleep(Duration::from_millis(16));
    }
    let mut scrub = Vec::new();
    for i in 0..n(300) as i64 {
        e.doc.set_playhead(Time::from_millis(i * 160));
        scrub.push(step(&mut e));
        std::thread::sleep(Duration::from_millis(16));
    }
    e.doc.set_playhead(Time::ZERO);
    e.play_speed = 1.0;
    let mut play = Vec::new();
    for _ in 0..n(300) {
        play.push(step(&mut e));
        std::thread::sleep(Duration::from_millis(16));
    }
    let shown = e.preview.shown_count;
    for (label, v) in [("scrubbing", &mut scrub), ("playing", &mut play)] {
        let (m, p99, max) = (percentile(v, 0.5), percentile(v, 0.99), *v.iter().max().unwrap());
        println!(
            "UI frame while {label} ({} frames, whole editor, 50 clips): median {m:.2?}, p99 {p99:.2?}, max {max:.2?}, {} over 16 ms",
            v.len(),
            v.iter().filter(|d| d.as_millis() > 16).count()
        );
    }
    println!("frames shown in the preview during the run: {shown}");
}

#[divan::bench(sample_count = 20)]
fn compose_preview_frame_640(b: divan::Bencher) {
    let p = project_50();
    let t = Time::from_millis(3500);
    let mut plan = plan_at(&p, t, (1280, 720), &active_by_layout(&p, t));
    plan.layers.push(compose::Layer::Text(compose::TextBox {
        content: "Subtitle line".into(),
        x: 640.0,
        y: 680.0,
        anchor: (0.5, 1.0),
        size: 36.0,
        colour: [255, 255, 255],
        opacity: 1.0,
        owner: None,
    }));
    let pics: HashMap<usize, Image> =
        plan.pictures().map(|(i, _)| (i, Image::filled(640, 360, [10, 200, 30, 255]))).collect();
    b.bench_local(|| compose::compose(&plan, &pics, Some(640)));
}

#[divan::bench(sample_count = 50)]
fn plan_one_frame_50_clips(b: divan::Bencher) {
    let p = project_50();
    let t = Time::from_millis(20_500);
    b.bench_local(|| plan_at(&p, t, (1280, 720), &active_by_layout(&p, t)));
}

/// 2 000 subtitles at FontSize 2000 over one 1280x720 frame (issue 24: 32 s a `still` before
/// glyphs were cached and off-frame ones skipped); compare with `compose_preview_frame_640`.
#[divan::bench(sample_count = 5)]
fn compose_2000_subtitles_at_font_size_2000(b: divan::Bencher) {
    let p = project_50();
    let t = Time::from_millis(0);
    let mut plan = plan_at(&p, t, (1280, 720), &active_by_layout(&p, t));
    plan.layers.clear();
    for i in 0..2000 {
        plan.layers.push(compose::Layer::Text(compose::TextBox {
            content: format!("Subtitle {i}"),
            x: 640.0,
            y: 680.0,
            anchor: (0.5, 1.0),
            size: 2000.0,
            colour: [255, 255, 255],
            opacity: 1.0,
            owner: None,
        }));
    }
    let pics: HashMap<usize, Image> = HashMap::new();
    b.bench_local(|| compose::compose(&plan, &pics, None));
}
