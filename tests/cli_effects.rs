//! Effects seen as a user sees them: `vodcut still` and `vodcut render` on projects with a
//! transition, a filter and an effect track, against the loopback VOD server. The test video
//! (made by ffmpeg) shows a solid colour naming each second, so two trims of it are two
//! colour-coded sources.

mod support;

use std::path::Path;
use std::process::Output;
use std::sync::atomic::AtomicBool;
use std::time::Duration;
use support::media_server::{close, colour_library, colour_of_second};
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::media::decode::Ffmpeg;

/// Both outputs pass through H.264 (the source; the draft too): colours within this.
const TOL: i32 = 10;

fn run(server: &VodServer, home: &Path, args: &[&str]) -> Output {
    support::isolated(env!("CARGO_BIN_EXE_vodcut"), home)
        .args(args)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("VODCUT_ENDPOINT", server.url())
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET)
        .output()
        .unwrap()
}

use support::output_text as text;

fn still(server: &VodServer, home: &Path, project: &Path, at: &str) -> image::RgbaImage {
    let out = home.join(format!("still-{at}.png"));
    let o = run(server, home, &["still", project.to_str().unwrap(), "--at", at, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    image::open(&out).unwrap().to_rgba8()
}

fn px(img: &image::RgbaImage, x: u32, y: u32) -> [u8; 4] {
    img.get_pixel(x, y).0
}

/// Two clips of a cut with a 1 s `transition` on the earlier one (effects.md 2.1): the first
/// shows source second 3 over its last second (output 1-2 s), the second source second 15
/// over its first (it starts 1 s before the first ends).
fn cut(transition: &str) -> String {
    format!(
        r#"{{"VideoTracks":[{{"VideoTrackClips":[
            {{"MediaId":"vid","In":2,"Out":4,"Effects":[{{"Type":"Transition","SubType":"{transition}","Duration":1}}]}},
            {{"MediaId":"vid","In":15,"Out":17}}]}}]}}"#
    )
}

const OLD: u32 = 3;
const NEW: u32 = 15;

#[test]
fn a_cross_dissolve_at_its_middle_is_the_mean_of_the_two_sources() {
    let (server, home) = (colour_library(), tempfile::tempdir().unwrap());
    let project = support::media_server::write_project(home.path(), &cut("fade"), 320, 180);
    let (a, b) = (colour_of_second(OLD), colour_of_second(NEW));
    let mean: [u8; 3] = std::array::from_fn(|k| ((a[k] as u16 + b[k] as u16) / 2) as u8);
    let img = still(&server, home.path(), &project, "1.5");
    for (x, y) in [(20, 20), (160, 90), (300, 160)] {
        assert!(close(px(&img, x, y), mean, TOL), "{:?} at ({x}, {y}), want {mean:?}", px(&img, x, y));
    }
    // Before the overlap only the first clip shows (source 2.5 s); after it, only the second
    // (source 16.5 s).
    let before = px(&still(&server, home.path(), &project, "0.5"), 160, 90);
    assert!(close(before, colour_of_second(2), TOL), "{before:?}");
    let after = px(&still(&server, home.path(), &project, "2.5"), 160, 90);
    assert!(close(after, colour_of_second(16), TOL), "{after:?}");
}

#[test]
fn a_wipe_right_at_its_middle_splits_the_frame_old_colour_on_the_right() {
    let (server, home) = (colour_library(), tempfile::tempdir().unwrap());
    let project = support::media_server::write_project(home.path(), &cut("wiperight"), 320, 180);
    let img = still(&server, home.path(), &project, "1.5");
    let (old, new) = (colour_of_second(OLD), colour_of_second(NEW));
    // 向右擦除: the edge moves left to right, the new picture behind it.
    for x in [4, 80, 150, 157] {
        assert!(close(px(&img, x, 90), new, TOL), "left half new at x {x}: {:?}", px(&img, x, 90));
    }
    for x in [163, 170, 240, 315] {
        assert!(close(px(&img, x, 90), old, TOL), "right half old at x {x}: {:?}", px(&img, x, 90));
    }
}

#[test]
fn a_greyscale_filter_makes_every_pixel_grey_and_an_effect_track_only_in_its_range() {
    let (server, home) = (colour_library(), tempfile::tempdir().unwrap());
    let timeline = r#"{"VideoTracks":[{"VideoTrackClips":[
            {"MediaId":"vid","In":6,"Out":8,"Effects":[{"Type":"Filter","SubType":"pfb"}]},
            {"MediaId":"vid","In":8,"Out":10}]}],
        "EffectTracks":[{"EffectTrackItems":[{"Type":"Filter","SubType":"pv6","TimelineIn":3,"TimelineOut":4}]}]}"#;
    let project = support::media_server::write_project(home.path(), timeline, 320, 180);
    let img = still(&server, home.path(), &project, "1");
    assert!(img.pixels().all(|p| p[0] == p[1] && p[1] == p[2]), "R = G = B everywhere");
    assert!(px(&img, 160, 90)[0] > 40, "a grey, not black: {:?}", px(&img, 160, 90));
    let coloured = still(&server, home.path(), &project, "2.5");
    assert!(close(px(&coloured, 160, 90), colour_of_second(8), TOL), "the second clip has no filter");
    let img = still(&server, home.path(), &project, "3.5");
    assert!(img.pixels().all(|p| p[0] == p[1] && p[1] == p[2]), "the effect track's range: grey again");
}

#[test]
fn the_draft_shows_the_same_dissolve_and_lists_only_what_it_cannot_draw() {
    let (server, home) = (colour_library(), tempfile::tempdir().unwrap());
    let timeline = r#"{"VideoTracks":[{"VideoTrackClips":[
            {"MediaId":"vid","In":2,"Out":4,"Effects":[{"Type":"Transition","SubType":"fade","Duration":1},
                                                      {"Type":"VFX","SubType":"snow","TimelineIn":0,"TimelineOut":0.5}]},
            {"MediaId":"vid","In":15,"Out":17}]}]}"#;
    let project = support::media_server::write_project(home.path(), timeline, 320, 180);
    let out = home.path().join("draft.mp4");
    let o = run(&server, home.path(), &["render", project.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let said = text(&o);
    assert!(said.contains("VFX snow") && !said.contains("Transition"), "only the VFX is a placeholder: {said}");
    let ff = Ffmpeg::find(None).unwrap();
    let img = ff.frame_at(out.to_str().unwrap(), 1.5, 0, Duration::from_secs(30), &AtomicBool::new(false)).unwrap();
    let (a, b) = (colour_of_second(OLD), colour_of_second(NEW));
    let mean: [u8; 3] = std::array::from_fn(|k| ((a[k] as u16 + b[k] as u16) / 2) as u8);
    assert!(close(img.pixel(160, 90), mean, TOL + 4), "{:?}, want {mean:?}", img.pixel(160, 90));
}
