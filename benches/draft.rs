//! Draft render speed against the loopback VOD server (real ffmpeg decodes and encode):
//!
//! - the whole render of a 20 s production at 360p (two video tracks, one a
//!   picture-in-picture, an image overlay, a text effect, an audio track) as a multiple of
//!   real time, and the cost per frame;
//! - divan: composing one 640x360 draft frame with its placeholders (no decode, no encode).
//!
//! Run: `cargo bench --bench draft` (about a minute).

#[path = "../tests/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;
use support::media_server::TestMedia;
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::{Client, ClientConfig, Credentials};
use vodcut::compose::{self, Canvas, Image, Rect, active_by_layout, plan_at};
use vodcut::draft::placeholders::{self, Placeholder};
use vodcut::draft::{self, Settings};
use vodcut::media::{Footage, Options};
use vodcut::model::Time;
use vodcut::model::export::import_timeline_str;

/// `cargo test --all-targets` builds this without optimisations and runs it once: then only
/// a 2 s render (the figure means nothing unoptimised). `DRAFT_BENCH_FULL=1` renders fully.
fn smoke() -> bool {
    cfg!(debug_assertions) && std::env::var_os("DRAFT_BENCH_FULL").is_none()
}

fn project() -> vodcut::model::Project {
    let mut p = import_timeline_str(
        r##"{"VideoTracks":[
              {"VideoTrackClips":[{"MediaId":"vid","In":0,"Out":10,"Effects":[{"Type":"Text","Content":"Draft","X":0.05,"Y":0.8,"FontSize":36}]},
                                  {"MediaId":"vid","In":5,"Out":15}]},
              {"VideoTrackClips":[{"MediaId":"vid","In":0,"Out":20,"X":0.6,"Y":0.6,"Width":0.35,"Height":0.35}]}],
             "ImageTracks":[{"ImageTrackClips":[{"ImageId":"logo","X":0.02,"Y":0.02,"Width":0.15,"Height":0.1,"TimelineIn":0,"TimelineOut":20}]}],
             "AudioTracks":[{"AudioTrackClips":[{"MediaId":"vid","In":0,"Out":20,"Effects":[{"Type":"Volume","Gain":"0.5"}]}]}]}"##,
    )
    .unwrap();
    p.produce_config.width = Some(1280);
    p.produce_config.height = Some(720);
    p
}

fn main() {
    let server = VodServer::start();
    server.add_test_video("vid", "Colour seconds");
    server.add_test_image("logo", "Logo", 64, 32, [230, 0, 230]);
    whole_render(&server);
    divan::main();
}

fn whole_render(server: &VodServer) {
    let dir = tempfile::tempdir().unwrap();
    let client =
        Client::new(ClientConfig::new(server.url().parse().unwrap()), Credentials::session(KEY_ID, KEY_SECRET));
    let footage = Arc::new(Footage::new(
        client.map_err(|e| e.to_string()),
        Options { cache_dir: Some(dir.path().join("cache")), ..Options::default() },
    ));
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let settings = Settings { to: smoke().then(|| Time::from_secs(2)), ..Settings::default() };
    let target = dir.path().join("draft.mp4");
    let start = Instant::now();
    let r = draft::render(&footage, rt.handle(), &project(), &target, &settings, &AtomicBool::new(false), &mut |_| {})
        .unwrap();
    let took = start.elapsed().as_secs_f64();
    let secs = (r.span.to - r.span.from).as_secs_f64();
    println!(
        "draft render {}x{} at {} fps: {secs} s of output in {took:.2} s = {:.2}x real time ({:.1} ms per frame, {} frames)",
        r.size.0,
        r.size.1,
        r.rate.label(),
        secs / took,
        took * 1000.0 / r.frames as f64,
        r.frames
    );
}

/// One draft frame: plan, compose at 640x360 from decoded pictures, placeholders drawn.
#[divan::bench(sample_count = 30)]
fn compose_one_draft_frame_360p(b: divan::Bencher) {
    let p = project();
    let t = Time::from_millis(3500);
    let plan = plan_at(&p, t, (1280, 720), &active_by_layout(&p, t));
    let mut pictures = HashMap::new();
    for (i, pic) in plan.pictures() {
        let img = match pic.source {
            compose::Source::Video { .. } => Image::filled(640, 360, [20, 80, 200, 255]),
            compose::Source::Image { .. } => Image::filled(64, 32, [230, 0, 230, 255]),
        };
        pictures.insert(i, img);
    }
    let ph = Placeholder {
        what: "VFX zoom".into(),
        place: "track V1, clip 1".into(),
        from: Time::ZERO,
        to: Time::from_secs(10),
        rect: Some(Rect { x: 0.0, y: 0.0, w: 1280.0, h: 720.0 }),
    };
    b.bench(|| {
        let img = compose::compose(&plan, &pictures, Some(640));
        let mut c = Canvas { width: img.width, height: img.height, rgba: img.rgba.to_vec() };
        placeholders::draw(&mut c, &[&ph], 0.5);
        c.into_image()
    });
}

/// Plan and pictures of `timeline` (a 1280x720 output) at `secs`: video layers decoded at the
/// draft's 640x360, as the render has them.
fn frame_of(timeline: &str, secs: f64) -> (compose::Plan, HashMap<usize, Image>) {
    let mut p = import_timeline_str(timeline).unwrap();
    p.produce_config.width = Some(1280);
    p.produce_config.height = Some(720);
    let t = Time::from_secs_f64(secs).unwrap();
    let plan = plan_at(&p, t, (1280, 720), &active_by_layout(&p, t));
    let pictures =
        plan.pictures().map(|(i, _)| (i, Image::filled(640, 360, [20 + 60 * i as u8, 80, 200, 255]))).collect();
    (plan, pictures)
}

/// What an effect costs on the frames it covers: one 640x360 frame of two clips of a cut,
/// before their transition (the reference: one layer copied), at the middle of a 1 s
/// cross-dissolve (both drawn on clear layers and mixed), and with a blur on the clip.
#[divan::bench(args = ["plain", "dissolve", "wipe", "blur", "greyscale"], sample_count = 30)]
fn compose_one_draft_frame_with_an_effect(b: divan::Bencher, effect: &str) {
    let (transition, filter, at) = match effect {
        "plain" => ("fade", r#"{"Type":"Text","Content":"x","TimelineIn":99}"#, 1.0),
        "dissolve" => ("fade", r#"{"Type":"Text","Content":"x","TimelineIn":99}"#, 3.5),
        "wipe" => ("wiperight", r#"{"Type":"Text","Content":"x","TimelineIn":99}"#, 3.5),
        "blur" => ("fade", r#"{"Type":"VFX","SubType":"blur"}"#, 1.0),
        _ => ("fade", r#"{"Type":"Filter","SubType":"pfb"}"#, 1.0),
    };
    let timeline = format!(
        r#"{{"VideoTracks":[{{"VideoTrackClips":[
            {{"MediaId":"a","In":0,"Out":4,"Effects":[{{"Type":"Transition","SubType":"{transition}","Duration":1}},{filter}]}},
            {{"MediaId":"b","In":0,"Out":4}}]}}]}}"#
    );
    let (plan, pictures) = frame_of(&timeline, at);
    b.bench(|| compose::compose(&plan, &pictures, Some(640)));
}
