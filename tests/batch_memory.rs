//! A batch holds its rows' values, not a project per row: planning 1 000 rows of a 400-clip
//! template peaks near what making one of its projects takes, not a thousand times it (the
//! plan used to keep every filled project until the batch ended: gigabytes for 100 000 rows).
//! Allocation counting is exact and repeatable, so this is a test.

use std::collections::BTreeMap;
use std::path::PathBuf;
use vodcut::core::batch::{Maker, plan};
use vodcut::model::generate::generated_project;
use vodcut::store::project_file::to_bytes;
use vodcut::template::variants::Fit;
use vodcut::template::{Template, rows};

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::peak_of;

// One test only: the counters are global, and tests of one binary run in parallel.
#[test]
fn planning_many_rows_holds_their_values_not_their_projects() {
    let mut project = generated_project(400, 4);
    project.title = "{{title}}".into();
    let template = Template::parse(&to_bytes(&project)).unwrap();
    let maker = Maker { template, fit: Fit::Fit, path: PathBuf::from("promo.vodcut") };
    let csv: String = std::iter::once("title".to_owned())
        .chain((1..=1000).map(|i| format!("Shoe {i}")))
        .collect::<Vec<_>>()
        .join("\n");
    let rows = rows::parse(csv.as_bytes(), false).unwrap();

    let one = BTreeMap::from([("title".to_owned(), "Shoe 1".to_owned())]);
    let made = maker.make(&one, None).unwrap();
    // What one project holds (the plan used to keep one per row).
    let held = peak_of(|| made.clone());
    let mut planned = None;
    let peak = peak_of(|| planned = Some(plan(&maker, &rows, &[None])));
    let planned = planned.unwrap();
    assert_eq!(planned.items.len(), 1000, "{:?}", planned.bad.first());
    eprintln!("one project holds {held} bytes; 1000 rows planned: peak {peak} bytes");
    // The values of 1000 rows and the making and validating of one project at a time: well
    // under what 50 of the projects hold (1000 would be the old way).
    assert!(peak < 50 * held, "planning 1000 rows peaked at {peak} bytes, one project holds {held}");

    // Each row's project is made again, the same, when it is sent.
    let again = maker.project(&planned.items[41]).unwrap();
    assert_eq!(again.title, "Shoe 42");
    assert_eq!(again.clip_count(), 400);
}
