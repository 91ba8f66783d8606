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

    // A Timeline whose every clip has a problem (a MediaId not of VOD's form): validate holds
    // its list of problems once, not a copy beside the per-track lists it was made from (the
    // copy put 800 000 problems of an 86 MB Timeline at 524 MB, now 415 MB).
    let mut project = generated_project(20_000, 20);
    // What validating costs besides its result (the media's lengths, each track's media):
    // measured on the same project before its clips go wrong.
    let overhead = peak_of(|| validate(&project));
    for c in project.tracks.iter_mut().flat_map(|t| t.clips.iter_mut()).filter(|c| c.media_id.is_some()) {
        c.media_id = Some("m1".into());
    }
    let problems = validate(&project);
    assert!(problems.len() > 10_000, "{}", problems.len());
    let held = peak_of(|| problems.clone());
    let peak = peak_of(|| validate(&project));
    eprintln!("validate: {} problems, peak {peak} bytes, the list alone {held}, the rest {overhead}", problems.len());
    assert!(
        peak.saturating_sub(overhead) * 10 <= held * 15,
        "validate peaked at {peak} bytes ({overhead} of them for a project without problems), its result alone takes {held}"
    );
}
