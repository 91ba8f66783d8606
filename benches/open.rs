//! Opening big inputs: time and peak memory of open + validate next to a bare parse of the
//! same bytes into a `serde_json::Value` (the floor any JSON reader pays), and import cost
//! per track. Run: `cargo bench --bench open` (prints the peak memory figures first).
//!
//! Peak memory is counted by a global allocator that tracks the live heap bytes and their
//! maximum, so the figures are exact and repeatable (not a sampled RSS).

use std::path::Path;
use vodcut::model::budget::MAX_PIECES;
use vodcut::model::export::{import_timeline_str, timeline_json};
use vodcut::model::generate::{generated_project, padded_timeline};
use vodcut::model::validate::validate;
use vodcut::store::input::MAX_INPUT_BYTES;
use vodcut::store::project_file::{from_bytes, to_bytes};

#[path = "../tests/support/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::peak_of;

const CLIPS: [usize; 2] = [10_000, 100_000];

fn timeline_bytes(clips: usize) -> Vec<u8> {
    timeline_json(&generated_project(clips, 20)).into_bytes()
}

fn project_bytes(clips: usize) -> Vec<u8> {
    to_bytes(&generated_project(clips, 20))
}

fn open_and_validate(bytes: &[u8]) -> usize {
    let opened = from_bytes(bytes, Path::new("bench.json")).unwrap();
    validate(&opened.project).len() + opened.project.clip_count()
}

fn main() {
    let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
    for (what, bytes) in [("API Timeline", timeline_bytes(100_000)), (".vodcut project", project_bytes(100_000))] {
        let bare = peak_of(|| serde_json::from_slice::<serde_json::Value>(&bytes).unwrap());
        let ours = peak_of(|| from_bytes(&bytes, Path::new("bench.json")).map(|o| (validate(&o.project), o)));
        println!(
            "peak heap, 100 000-clip {what} ({:.1} MiB of text): bare Value parse {:.1} MiB, open + validate {:.1} MiB ({:.2}x)",
            mib(bytes.len()),
            mib(bare),
            mib(ours),
            ours as f64 / bare as f64
        );
    }
    // The largest input accepted (256 MiB, as many entries as model::budget allows): what
    // opening it holds at most, the text itself included, per byte of text.
    let clips = (MAX_PIECES - 4) * 2 / 5;
    let bytes = padded_timeline(clips, 2, MAX_INPUT_BYTES as usize).unwrap();
    let bare = peak_of(|| serde_json::from_slice::<serde_json::Value>(&bytes).unwrap());
    let ours = peak_of(|| from_bytes(&bytes, Path::new("bench.json")).map(|o| (validate(&o.project), o)));
    let per_byte = |peak: usize| (peak + bytes.len()) as f64 / bytes.len() as f64;
    println!(
        "peak heap, largest accepted Timeline ({:.0} MiB of text, {} clips): open + validate {:.1} MiB \
         ({:.2} bytes per input byte, text included), bare Value parse {:.1} MiB ({:.2}); ratio {:.2}x",
        mib(bytes.len()),
        clips + 1,
        mib(ours + bytes.len()),
        per_byte(ours),
        mib(bare + bytes.len()),
        per_byte(bare),
        per_byte(ours) / per_byte(bare)
    );
    drop(bytes);
    divan::main();
}

/// The floor: the Timeline text parsed into a generic JSON tree, nothing else.
#[divan::bench(args = CLIPS, sample_count = 10)]
fn timeline_bare_value_parse(b: divan::Bencher, clips: usize) {
    let bytes = timeline_bytes(clips);
    b.bench(|| serde_json::from_slice::<serde_json::Value>(divan::black_box(&bytes)).unwrap());
}

/// What `vodcut validate timeline.json` does: read the shape, build the project, check every rule.
#[divan::bench(args = CLIPS, sample_count = 10)]
fn timeline_open_and_validate(b: divan::Bencher, clips: usize) {
    let bytes = timeline_bytes(clips);
    b.bench(|| open_and_validate(divan::black_box(&bytes)));
}

#[divan::bench(args = CLIPS, sample_count = 10)]
fn project_bare_value_parse(b: divan::Bencher, clips: usize) {
    let bytes = project_bytes(clips);
    b.bench(|| serde_json::from_slice::<serde_json::Value>(divan::black_box(&bytes)).unwrap());
}

#[divan::bench(args = CLIPS, sample_count = 10)]
fn project_open_and_validate(b: divan::Bencher, clips: usize) {
    let bytes = project_bytes(clips);
    b.bench(|| open_and_validate(divan::black_box(&bytes)));
}

/// Import of a Timeline with one clip on each of N tracks: the cost per track must not grow.
#[divan::bench(args = [10_000, 40_000, 100_000], sample_count = 5)]
fn import_many_tracks(b: divan::Bencher, tracks: usize) {
    let track = r#"{"VideoTrackClips":[{"MediaId":"4bcf0123456789abcdef0123456789ab","Out":2}]}"#;
    let text = format!("{{\"VideoTracks\":[{}]}}", vec![track; tracks].join(","));
    b.bench(|| import_timeline_str(divan::black_box(&text)).unwrap());
}
