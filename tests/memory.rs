//! Opening a big Timeline holds no more memory than a bare parse of it into a JSON tree.
//! Allocation counting is exact and repeatable, so this is a test (time is left to
//! `benches/open.rs`).

use std::path::Path;
use vodcut::model::export::timeline_json;
use vodcut::model::generate::generated_project;
use vodcut::model::validate::validate;
use vodcut::store::project_file::{from_bytes, to_bytes};

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::peak_of;

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
