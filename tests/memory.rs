//! Opening a big Timeline holds no more memory than a bare parse of it into a JSON tree.
//! Allocation counting is exact and repeatable, so this is a test (time is left to
//! `benches/open.rs`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use vodcut::model::export::timeline_json;
use vodcut::model::generate::generated_project;
use vodcut::model::validate::validate;
use vodcut::store::project_file::{from_bytes, to_bytes};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator; the counters are only statistics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
            PEAK.fetch_max(now, Ordering::SeqCst);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn peak_of<T>(f: impl FnOnce() -> T) -> usize {
    let base = LIVE.load(Ordering::SeqCst);
    PEAK.store(base, Ordering::SeqCst);
    let r = f();
    let peak = PEAK.load(Ordering::SeqCst) - base;
    drop(r);
    peak
}

// One test only: the counters are global, and tests of one binary run in parallel.
#[test]
fn open_and_validate_peaks_below_a_bare_value_parse() {
    let project = generated_project(20_000, 20);
    for (what, bytes) in [("Timeline", timeline_json(&project).into_bytes()), ("project", to_bytes(&project))] {
        let bare = peak_of(|| serde_json::from_slice::<serde_json::Value>(&bytes).unwrap());
        let ours = peak_of(|| {
            let opened = from_bytes(&bytes, Path::new("big.json")).unwrap();
            let problems = validate(&opened.project);
            (opened, problems)
        });
        assert!(ours <= bare, "{what}: open + validate peaked at {ours} bytes, a bare parse at {bare}");
    }
}
