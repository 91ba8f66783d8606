//! Real frames from the loopback VOD server: `vodcut still` and `vodcut frame` as a user runs
//! them, expired play URLs, and scrubbing that decodes only what is still wanted. The test
//! video's every second is a colour naming that second, so a pixel tells which source frame,
//! where and how scaled.

mod support;

use std::path::Path;
use std::process::Output;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};
use support::media_server::{MAGENTA, close, colour_library, colour_of_second, second_of};
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::{Client, ClientConfig, Credentials};
use vodcut::media::{Exactness, Footage, Options};
use vodcut::model::Time;

const TOL: i32 = 14;

fn run(server: &VodServer, home: &Path, path: &str, args: &[&str]) -> Output {
    support::isolated(env!("CARGO_BIN_EXE_vodcut"), home)
        .args(args)
        .env("PATH", path)
        .env("VODCUT_ENDPOINT", server.url())
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET)
        .output()
        .unwrap()
}

fn system_path() -> String {
    std::env::var("PATH").unwrap_or_default()
}

use support::output_text as text;

fn read_png(path: &Path) -> image::RgbaImage {
    image::open(path).unwrap().to_rgba8()
}

fn px(img: &image::RgbaImage, x: u32, y: u32) -> [u8; 4] {
    img.get_pixel(x, y).0
}

/// Two video tracks (a trimmed clip, then another; above them a picture-in-picture clip in the
/// bottom-right quarter), an image overlay top-left and a text effect.
const TIMELINE: &str = r##"{
  "VideoTracks":[
    {"VideoTrackClips":[
      {"MediaId":"vid","In":12,"Out":16,"TimelineIn":3,"TimelineOut":7,
       "Effects":[{"Type":"Text","Content":"HELLO","X":0.05,"Y":0.55,"FontSize":40,"FontColor":"#FFFFFF","TimelineIn":3,"TimelineOut":4}]},
      {"MediaId":"vid","In":2,"Out":5,"TimelineIn":7,"TimelineOut":10}]},
    {"VideoTrackClips":[
      {"MediaId":"vid","In":0,"Out":4,"TimelineIn":4,"TimelineOut":8,"X":0.5,"Y":0.5,"Width":0.5,"Height":0.5}]}],
  "ImageTracks":[{"ImageTrackClips":[{"ImageId":"logo","X":0,"Y":0,"Width":0.25,"Height":0.25,"TimelineIn":0,"TimelineOut":10}]}]
}"##;

fn setup() -> (VodServer, tempfile::TempDir) {
    (colour_library(), tempfile::tempdir().unwrap())
}

fn still(server: &VodServer, home: &Path, project: &Path, at: &str, extra: &[&str]) -> image::RgbaImage {
    let out = home.join(format!("still-{at}.png"));
    let mut args = vec!["still", project.to_str().unwrap(), "--at", at, "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = run(server, home, &system_path(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    read_png(&out)
}

#[test]
fn still_shows_the_right_source_frames_in_the_right_places() {
    let (server, home) = setup();
    let project = support::media_server::write_project(home.path(), TIMELINE, 320, 180);

    // 3.5 s: the first clip (In 12 at TimelineIn 3) shows source second 12, the logo covers
    // the top-left quarter, and the text is drawn; the picture-in-picture has not started.
    let img = still(&server, home.path(), &project, "3.5", &[]);
    assert_eq!(img.dimensions(), (320, 180));
    assert_eq!(second_of(px(&img, 240, 40), TOL), Some(12), "{:?}", px(&img, 240, 40));
    assert_eq!(second_of(px(&img, 240, 150), TOL), Some(12));
    assert!(close(px(&img, 40, 22), MAGENTA, TOL), "logo at X/Y/Width/Height: {:?}", px(&img, 40, 22));
    assert!(close(px(&img, 78, 43), MAGENTA, TOL) && second_of(px(&img, 84, 49), TOL) == Some(12), "logo box edges");
    let white = |img: &image::RgbaImage| {
        (16..200)
            .flat_map(|x| (99..150).map(move |y| (x, y)))
            .filter(|(x, y)| close(px(img, *x, *y), [255; 3], 40))
            .count()
    };
    assert!(white(&img) > 100, "the text effect is drawn ({} white pixels)", white(&img));

    // 5.5 s: source 14 below; the upper track's clip (In 0 at 4) shows second 1 in its box.
    let img = still(&server, home.path(), &project, "5.5", &[]);
    assert_eq!(second_of(px(&img, 80, 100), TOL), Some(14), "{:?}", px(&img, 80, 100));
    assert_eq!(second_of(px(&img, 240, 135), TOL), Some(1), "{:?}", px(&img, 240, 135));
    assert_eq!(second_of(px(&img, 240, 60), TOL), Some(14), "above the box the lower track shows");
    assert_eq!(white(&img), 0, "the text effect ended at 4 s");

    // 8.25 s: the second clip of the first track (In 2 at 7): source second 3.
    let img = still(&server, home.path(), &project, "8.25", &[]);
    assert_eq!(second_of(px(&img, 200, 100), TOL), Some(3), "{:?}", px(&img, 200, 100));

    // --width scales the whole frame.
    let img = still(&server, home.path(), &project, "5.5", &["--width", "160"]);
    assert_eq!(img.dimensions(), (160, 90));
    assert_eq!(second_of(px(&img, 40, 50), TOL), Some(14));
    assert_eq!(second_of(px(&img, 120, 67), TOL), Some(1));
    assert!(close(px(&img, 20, 11), MAGENTA, TOL));

    // After the end: black.
    let img = still(&server, home.path(), &project, "11", &[]);
    assert!(close(px(&img, 160, 90), [0, 0, 0], 2));
}

#[test]
fn portrait_output_letterboxes_the_landscape_source() {
    let (server, home) = setup();
    let project = support::media_server::write_project(
        home.path(),
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"vid","In":6,"Out":8}]}]}"#,
        180,
        320,
    );
    let img = still(&server, home.path(), &project, "0.5", &[]);
    assert_eq!(img.dimensions(), (180, 320));
    // 160x90 scaled to 180 wide is 101 high, centred: rows ~110..211.
    assert_eq!(second_of(px(&img, 90, 160), TOL), Some(6));
    assert_eq!(second_of(px(&img, 5, 115), TOL), Some(6), "the full width is used");
    assert!(close(px(&img, 90, 100), [0, 0, 0], 4), "black bar above: {:?}", px(&img, 90, 100));
    assert!(close(px(&img, 90, 222), [0, 0, 0], 4), "black bar below");
}

#[test]
fn frame_writes_one_source_frame() {
    let (server, home) = setup();
    let out = home.path().join("f.png");
    let o = run(&server, home.path(), &system_path(), &["frame", "vid", "--at", "17.2", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let img = read_png(&out);
    assert_eq!(img.dimensions(), (160, 90), "the stream's own size");
    assert_eq!(second_of(px(&img, 80, 45), TOL), Some(17));
    assert!(server.handled("GetPlayInfo") == 1 && server.media_served() >= 1);
}

#[test]
fn a_missing_frame_names_the_clip_and_the_reason() {
    let (server, home) = setup();
    server.add_media("nostream", "video", "Still uploading", 5.0, "Uploading");
    let project = support::media_server::write_project(
        home.path(),
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"vid","In":0,"Out":2}]},{"VideoTrackClips":[{"MediaId":"nostream","In":0,"Out":2}]}]}"#,
        320,
        180,
    );
    let out = home.path().join("x.png");
    let o = run(
        &server,
        home.path(),
        &system_path(),
        &["still", project.to_str().unwrap(), "--at", "1", "-o", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(5), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains("clip 1 (media nostream at 00:00:01:00)"), "{t}");
    assert!(t.contains("no MP4 stream") || t.contains("NoneStream"), "{t}");
    assert!(!t.contains("auth_key"), "no signed URL in messages: {t}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn without_ffmpeg_still_says_how_to_get_it() {
    let (server, home) = setup();
    let project = support::media_server::write_project(
        home.path(),
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"vid","In":0,"Out":2}]}]}"#,
        320,
        180,
    );
    let empty = tempfile::tempdir().unwrap();
    let out = home.path().join("x.png");
    let o = run(
        &server,
        home.path(),
        empty.path().to_str().unwrap(),
        &["still", project.to_str().unwrap(), "--at", "1", "-o", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(4), "{}", text(&o));
    assert!(text(&o).contains("apt install ffmpeg"), "{}", text(&o));
    let o =
        run(&server, home.path(), &system_path(), &["still", project.to_str().unwrap(), "--at", "-2", "-o", "x.png"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("--at -2"), "{}", text(&o));
}

fn footage(server: &VodServer, cache: &Path, ffmpeg: Option<&str>) -> Arc<Footage> {
    Arc::new(make_footage(&server.url(), cache, ffmpeg))
}

fn make_footage(url: &str, cache: &Path, ffmpeg: Option<&str>) -> Footage {
    let mut config = ClientConfig::new(url.parse().unwrap());
    config.timeout = Duration::from_secs(10);
    let client = Client::new(config, Credentials::session(KEY_ID, KEY_SECRET)).unwrap();
    let options = Options { ffmpeg: ffmpeg.map(Into::into), cache_dir: Some(cache.to_owned()), ..Options::default() };
    Footage::new(Ok(client), options)
}

#[test]
fn an_expired_play_url_is_refreshed_and_the_frame_still_arrives() {
    let (server, home) = setup();
    let f = footage(&server, home.path(), None);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let cancel = Arc::new(AtomicBool::new(false));
    let (img, exact) = rt.block_on(f.video_frame("vid", Time::from_millis(3200), 160, &cancel)).unwrap();
    assert_eq!((second_of(img.pixel(80, 45), TOL), exact), (Some(3), Exactness::Exact));
    assert_eq!(server.handled("GetPlayInfo"), 1);
    server.expire_urls();
    let (img, _) = rt.block_on(f.video_frame("vid", Time::from_millis(9500), 160, &cancel)).unwrap();
    assert_eq!(second_of(img.pixel(80, 45), TOL), Some(9));
    assert!(server.media_refused() >= 1, "the old URL was refused");
    assert_eq!(server.handled("GetPlayInfo"), 2, "a new URL was asked for once");
    // A frame seen before comes from memory: no new decode, no request.
    let decodes = f.decodes.load(std::sync::atomic::Ordering::Relaxed);
    rt.block_on(f.video_frame("vid", Time::from_millis(3200), 160, &cancel)).unwrap();
    assert_eq!(f.decodes.load(std::sync::atomic::Ordering::Relaxed), decodes);
}

#[test]
fn without_ffmpeg_the_nearest_snapshot_stands_in() {
    let (server, home) = setup();
    let f = footage(&server, home.path(), Some("/nonexistent/ffmpeg"));
    assert!(!f.has_ffmpeg());
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let cancel = Arc::new(AtomicBool::new(false));
    // Snapshots at 0, 5, 10, 15 s: 11 s is nearest to the one at 10 s.
    let (img, exact) = rt.block_on(f.video_frame("vid", Time::from_secs(11), 160, &cancel)).unwrap();
    assert_eq!(exact, Exactness::Still);
    assert_eq!(second_of(img.pixel(10, 10), TOL), Some(10));
    assert_eq!(colour_of_second(10)[0], img.pixel(10, 10)[0]);
}

#[test]
fn scrubbing_a_hundred_positions_decodes_few_and_ends_on_the_last() {
    use vodcut::compose::{active_by_layout, plan_at};
    use vodcut::media::render::Renderer;
    let (server, home) = setup();
    let project = vodcut::model::export::import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"vid","In":0,"Out":20}]}]}"#,
    )
    .unwrap();
    let (url, cache) = (server.url(), home.path().to_owned());
    // The core's one runtime; it lives as long as `executor`.
    let executor = vodcut::core::Executor::new();
    let mut r = Renderer::new(move || make_footage(&url, &cache, None), &executor.handle().unwrap(), || {});
    let start = Instant::now();
    while r.footage().is_none() {
        assert!(start.elapsed() < Duration::from_secs(10));
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut last = 0;
    for i in 0..100 {
        // 0.0 .. 19.8 s in 0.2 s steps, one per "UI frame" of 2 ms.
        let t = Time::from_millis(i * 197);
        let plan = plan_at(&project, t, (160, 90), &active_by_layout(&project, t));
        last = r.request(plan, 160, vec![]);
        std::thread::sleep(Duration::from_millis(2));
    }
    let start = Instant::now();
    let mut shown = None;
    while shown.as_ref().is_none_or(|s: &vodcut::media::render::Rendered| s.serial != last) {
        assert!(start.elapsed() < Duration::from_secs(20), "the last position never arrived");
        if let Some(s) = r.poll() {
            shown = Some(s);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let shown = shown.unwrap();
    assert_eq!(shown.at, Time::from_millis(99 * 197));
    assert_eq!(second_of(shown.image.pixel(80, 45), TOL), Some(19));
    let decodes = r.footage().unwrap().decodes.load(std::sync::atomic::Ordering::Relaxed);
    assert!(decodes < 30, "{decodes} decodes for 100 positions");
    assert!(r.renders() < 30, "{} renders for 100 positions", r.renders());
}

#[test]
fn playback_composes_frames_from_one_continuous_decode() {
    use vodcut::media::playback::Playback;
    let (server, home) = setup();
    let project = vodcut::model::export::import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"vid","In":5,"Out":20}]}]}"#,
    )
    .unwrap();
    let f = footage(&server, home.path(), None);
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let mut pb = Playback::start(
        f.clone(),
        rt.handle().clone(),
        Arc::new(project),
        (160, 90),
        Time::ZERO,
        25.0,
        1.0,
        160,
        || {},
    );
    // The clock runs as the editor's would; every frame due is shown in time order.
    let start = Instant::now();
    let mut shown = Vec::new();
    while start.elapsed() < Duration::from_millis(2500) {
        let now = Time::from_secs_f64(start.elapsed().as_secs_f64()).unwrap();
        pb.set_clock(now);
        if let Some(fr) = pb.frame_for(now) {
            assert!(fr.at <= now);
            shown.push((fr.at, second_of(fr.image.pixel(80, 45), TOL)));
        }
        std::thread::sleep(Duration::from_millis(16));
    }
    let (composed, dropped) = *pb.stats.lock().unwrap();
    assert!(shown.len() >= 10, "{} frames shown in 2.5 s ({composed} composed, {dropped} dropped)", shown.len());
    assert!(shown.windows(2).all(|w| w[0].0 < w[1].0), "in time order");
    let (at, second) = *shown.last().unwrap();
    assert_eq!(second, Some(5 + at.as_secs_f64().floor() as u32), "source 5 + t");
    assert_eq!(f.decodes.load(std::sync::atomic::Ordering::Relaxed), 0, "no seek per frame");
    assert_eq!(server.handled("GetPlayInfo"), 1);
}

#[test]
fn an_output_size_past_the_documented_maximum_is_refused_before_any_picture_is_made() {
    let (server, home) = setup();
    let mut p = vodcut::model::export::import_timeline_str(
        r#"{"SubtitleTracks":[{"SubtitleTrackClips":[{"Type":"Text","Content":"hi","TimelineIn":0,"TimelineOut":2}]}]}"#,
    )
    .unwrap();
    // 4294967295 x 4294967295 panicked `still` (capacity overflow, exit 101); 100000 x 100000
    // aborted it (40 GB asked for).
    for side in [u32::MAX, 100_000, 4097] {
        p.produce_config.width = Some(side);
        p.produce_config.height = Some(side);
        let project = home.path().join("huge.vodcut");
        vodcut::store::project_file::save(&project, &p).unwrap();
        let out = home.path().join("huge.png");
        let args = ["still", project.to_str().unwrap(), "--at", "1", "-o", out.to_str().unwrap()];
        let o = run(&server, home.path(), &system_path(), &args);
        assert_eq!(o.status.code(), Some(2), "{side}: {}", text(&o));
        assert!(text(&o).contains("output size cannot be made") && text(&o).contains("4096"), "{}", text(&o));
        assert!(!out.exists());
        let draft = home.path().join("huge.mp4");
        let args = ["render", project.to_str().unwrap(), "-o", draft.to_str().unwrap()];
        let o = run(&server, home.path(), &system_path(), &args);
        assert_eq!(o.status.code(), Some(2), "{side}: {}", text(&o));
        assert!(!draft.exists());
    }
}

#[test]
fn cached_frames_belong_to_one_account_at_one_endpoint() {
    let (server, home) = setup();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let cancel = Arc::new(AtomicBool::new(false));
    let at = Time::from_millis(4000);
    let first = footage(&server, home.path(), None);
    rt.block_on(first.video_frame("vid", at, 160, &cancel)).unwrap();
    assert_eq!(first.decodes.load(std::sync::atomic::Ordering::Relaxed), 1);
    // The same account and endpoint, later (a new process): the frame comes from the disk.
    let again = footage(&server, home.path(), None);
    rt.block_on(again.video_frame("vid", at, 160, &cancel)).unwrap();
    assert_eq!(again.decodes.load(std::sync::atomic::Ordering::Relaxed), 0, "from the disk cache");
    // Another account on the same endpoint: decoded for it, not handed the first's frame.
    let mut config = ClientConfig::new(server.url().parse().unwrap());
    config.timeout = Duration::from_secs(10);
    let sts = Credentials {
        security_token: Some(vodcut::api::credentials::Secret::new(support::vod_server::STS_TOKEN)),
        ..Credentials::session(support::vod_server::STS_KEY_ID, support::vod_server::STS_SECRET)
    };
    let options = Options { cache_dir: Some(home.path().to_owned()), ..Options::default() };
    let other_account = Footage::new(Ok(Client::new(config, sts).unwrap()), options);
    rt.block_on(other_account.video_frame("vid", at, 160, &cancel)).unwrap();
    assert_eq!(other_account.decodes.load(std::sync::atomic::Ordering::Relaxed), 1, "decoded for this account");
    // Another endpoint, where "vid" is no medium at all: no frame from the cache.
    let elsewhere = VodServer::start();
    let other_endpoint = footage(&elsewhere, home.path(), None);
    let e = rt.block_on(other_endpoint.video_frame("vid", at, 160, &cancel)).unwrap_err();
    assert!(e.to_string().contains("vid"), "{e}");
}

/// The editor closed (its runtime shut down) while playback waited to retry a throttled
/// request: no thread panics (a panic writes a crash report that the next start shows).
/// Before, playback polled the request on its own thread and the retry's timer panicked.
#[test]
fn playback_outlives_its_runtime_without_a_panic() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use vodcut::media::playback::Playback;
    let (server, home) = setup();
    server.fault_on("GetPlayInfo", vodcut::sandbox::service::Fault::Throttle { retry_after_ms: 1500 });
    let panics = Arc::new(AtomicUsize::new(0));
    let counted = panics.clone();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some("vodcut-playback") {
            counted.fetch_add(1, Ordering::SeqCst);
        }
        previous(info);
    }));
    let project = vodcut::model::export::import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"vid","Out":5}]}]}"#,
    )
    .unwrap();
    let f = footage(&server, home.path(), Some("ffmpeg"));
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let pb = Playback::start(f, rt.handle().clone(), Arc::new(project), (160, 90), Time::ZERO, 25.0, 1.0, 160, || {});
    let start = Instant::now();
    while !server.requests().iter().any(|r| r.action == "GetPlayInfo") {
        assert!(start.elapsed() < Duration::from_secs(10), "the play URL was never asked for");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Closed while the client waits out the throttling.
    drop(rt);
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(panics.load(Ordering::SeqCst), 0, "the playback thread panicked");
    drop(pb);
}
