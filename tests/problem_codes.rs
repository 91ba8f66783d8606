//! docs/problems.md lists every problem code `validate --json` can print, in the order they are
//! declared, so the table cannot drift from the code.

use vodcut::model::validate::Issue;

#[test]
fn the_table_lists_exactly_the_codes() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/problems.md")).unwrap();
    // The first cell of each table row, between backquotes.
    let listed: Vec<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once('`').map(|(code, _)| code))
        .collect();
    assert_eq!(listed, Issue::CODES, "docs/problems.md and Issue::CODES differ");
}
