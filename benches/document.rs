//! Open, save, export and validate a generated project of 100 000 clips on 20 tracks.
//! Run: `cargo bench --bench document`. Figures are per whole project; divide by the clip
//! count for per-clip costs (see README, Performance).

use std::path::Path;
use vodcut::model::export::request_fields;
use vodcut::model::generate::generated_project;
use vodcut::model::validate::validate;
use vodcut::store::project_file::{from_bytes, save, to_bytes};

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [10_000, 100_000];

#[divan::bench(args = SIZES, sample_count = 10)]
fn open(b: divan::Bencher, clips: usize) {
    let bytes = to_bytes(&generated_project(clips, 20));
    b.bench(|| from_bytes(divan::black_box(&bytes), Path::new("bench.vodcut")).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn save_atomic(b: divan::Bencher, clips: usize) {
    let project = generated_project(clips, 20);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.vodcut");
    b.bench(|| save(&path, divan::black_box(&project)).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn export_request(b: divan::Bencher, clips: usize) {
    let project = generated_project(clips, 20);
    b.bench(|| request_fields(divan::black_box(&project)));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn validate_all(b: divan::Bencher, clips: usize) {
    let project = generated_project(clips, 20);
    b.bench(|| validate(divan::black_box(&project)));
}
