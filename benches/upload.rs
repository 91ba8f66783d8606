//! Upload throughput over loopback, against a plain file-to-socket copy of the same file, and
//! the peak memory of a 1 GB upload.
//!
//! `cargo bench --bench upload` (a few samples each; files are written to a temp folder and
//! removed). The loopback server runs in discard mode: it neither keeps nor hashes the bytes,
//! so the comparison is between the client's work and a bare copy.

#[path = "../tests/support/mod.rs"]
#[allow(dead_code, unused_imports)]
mod support;

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use support::media_files::write_random;
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::{Client, ClientConfig, Credentials};
use vodcut::upload::{Control, FileRequest, Progress, StateStore, UploadConfig, upload_file};

const MB: u64 = 1024 * 1024;

/// `cargo bench` passes `--bench`; `cargo test --all-targets` runs each benchmark once
/// without it, where small files keep the test run short.
fn scale(full: u64) -> u64 {
    if std::env::args().any(|a| a == "--bench") { full } else { full / 32 }
}

fn main() {
    divan::main();
}

struct Fixture {
    _dir: tempfile::TempDir,
    file_256: PathBuf,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let (file_256, _) = write_random(dir.path(), "bench.mp4", scale(256 * MB), 42);
        Fixture { _dir: dir, file_256 }
    })
}

/// The baseline: the file copied into a socket that a thread reads and drops.
fn plain_copy(path: &Path) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let sink = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut buf = vec![0u8; 256 * 1024];
        while s.read(&mut buf).unwrap() > 0 {}
    });
    let mut f = std::fs::File::open(path).unwrap();
    let mut s = TcpStream::connect(addr).unwrap();
    std::io::copy(&mut f, &mut s).unwrap();
    drop(s);
    sink.join().unwrap();
}

fn upload(path: &Path) {
    let server = VodServer::start();
    server.oss().oss.discard = true;
    let data = tempfile::tempdir().unwrap();
    let config = ClientConfig::new(reqwest::Url::parse(&server.url()).unwrap());
    let client = Client::new(config, Credentials::session(KEY_ID, KEY_SECRET)).unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let req = FileRequest { path: path.to_owned(), ..Default::default() };
    let store = StateStore::new(data.path());
    rt.block_on(upload_file(
        &client,
        &store,
        &req,
        &UploadConfig::default(),
        &Control::default(),
        &Progress::default(),
    ))
    .unwrap();
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn copy_256mb_to_socket(b: divan::Bencher) {
    let f = fixture();
    b.bench(|| plain_copy(&f.file_256));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn upload_256mb(b: divan::Bencher) {
    let f = fixture();
    b.bench(|| upload(&f.file_256));
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Resets the peak RSS counter (Linux: writing 5 to clear_refs), so the figure is this run's.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Run last (divan sorts by name): peak resident memory while a 1 GB file uploads.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn zz_peak_memory_1gb(b: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = write_random(dir.path(), "big.mp4", scale(1024 * MB), 7);
    b.bench(|| {
        reset_peak();
        let before = peak_rss_kb();
        upload(&file);
        let peak = peak_rss_kb();
        eprintln!(
            "\npeak RSS during a {} MB upload: {} MB (at the start: {} MB)",
            scale(1024 * MB) / MB,
            peak / 1024,
            before / 1024
        );
    });
}

/// The client's own per-byte work: the MD5 of one 8 MiB part (sent as Content-MD5, checked
/// against the ETag).
#[divan::bench(sample_count = 10)]
fn md5_of_an_8mib_part(b: divan::Bencher) {
    let part = vec![7u8; 8 * MB as usize];
    b.bench(|| vodcut::upload::oss::md5_of(divan::black_box(&part)));
}

/// The state of a 256 MB upload whose parts are all confirmed, with or without each part's
/// check (see src/upload/resume.rs).
fn confirmed_state(path: &Path, with_checks: bool) -> vodcut::upload::state::UploadState {
    use vodcut::upload::oss::{etag_of, md5_of};
    let size = std::fs::metadata(path).unwrap().len();
    let part_size = 8 * MB;
    let mut st = vodcut::upload::state::UploadState {
        version: 1,
        path: path.to_owned(),
        size,
        mtime_ns: "0".into(),
        kind: vodcut::upload::MediaKind::Video,
        media_id: "0123456789abcdef0123456789abcdef".into(),
        title: "bench".into(),
        address: vodcut::api::upload_calls::UploadAddress {
            endpoint: "https://e".into(),
            bucket: "b".into(),
            file_name: "k".into(),
        },
        upload_id: Some("U".into()),
        part_size,
        parts: Default::default(),
        checks: Default::default(),
        started: 0,
    };
    let bytes = std::fs::read(path).unwrap();
    for (i, part) in bytes.chunks(part_size as usize).enumerate() {
        st.parts.insert(i as u32 + 1, etag_of(&md5_of(part)));
        if with_checks {
            st.checks.insert(i as u32 + 1, vodcut::upload::resume::check_of(part));
        }
    }
    st
}

/// Before a resume, every confirmed part is verified against the file: by its check (three
/// 16 KB windows a part), the way vodcut does it...
#[divan::bench(sample_count = 5, sample_size = 1)]
fn resume_check_256mb_by_windows(b: divan::Bencher) {
    let f = fixture();
    let st = confirmed_state(&f.file_256, true);
    b.bench(|| {
        let mut st = st.clone();
        assert_eq!(vodcut::upload::resume::verify_parts(&f.file_256, &mut st).unwrap(), None);
    });
}

/// ...against the reference: re-reading every confirmed byte for its MD5 (what a state
/// without checks costs, once).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn resume_check_256mb_by_md5(b: divan::Bencher) {
    let f = fixture();
    let st = confirmed_state(&f.file_256, false);
    b.bench(|| {
        let mut st = st.clone();
        assert_eq!(vodcut::upload::resume::verify_parts(&f.file_256, &mut st).unwrap(), None);
    });
}
