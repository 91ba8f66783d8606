//! What an edit at the bounds of src/interchange/bounds.rs makes the readers hold, counted
//! exactly by the allocator (a test, not a timing): a file at the limits stays within a known
//! size, and a file past them is refused before anything is built.

use vodcut::interchange::bounds::{MAX_JSON_VALUES, MAX_XML_NODES};
use vodcut::interchange::{Format, Options, read};

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::peak_of;

const MB: usize = 1024 * 1024;

// One test only: the counters are global, and tests of one binary run in parallel. Measured
// at the time of writing: 78, 108 and 144 MB; past the limits, under 1 MB.
#[test]
fn edits_at_the_limits_stay_bounded_and_past_them_build_nothing() {
    let numbers = |n: usize| format!("[{}0]", "0,".repeat(n - 2)).into_bytes();
    let keys = |n: usize| {
        let pairs: Vec<String> = (0..(n - 2) / 2 - 1).map(|i| format!("\"k{i}\":0")).collect();
        format!("{{\"a\":{{{}}}}}", pairs.join(",")).into_bytes()
    };
    let elements = |n: usize| format!("<xmeml>{}</xmeml>", "<a b=\"1\"/>".repeat((n - 2) / 2)).into_bytes();
    let cases: [(&str, Format, Vec<u8>, usize); 3] = [
        ("a million numbers", Format::Otio, numbers(MAX_JSON_VALUES), 96 * MB),
        ("half a million keys", Format::Otio, keys(MAX_JSON_VALUES), 128 * MB),
        ("a million elements with an attribute each", Format::Fcp7, elements(MAX_XML_NODES), 160 * MB),
    ];
    for (what, format, bytes, most) in cases {
        let peak = peak_of(|| read(&bytes, format, &Options::default()));
        eprintln!("{what} ({} bytes): peak {peak} bytes", bytes.len());
        assert!(peak <= most, "{what}: peaked at {peak} bytes, more than {most}");
    }
    // Past the limits: refused by the pass over the bytes, with nothing built.
    let past: [(&str, Format, Vec<u8>); 2] = [
        ("a million and two numbers", Format::Otio, numbers(MAX_JSON_VALUES + 2)),
        ("a million and one elements", Format::Fcp7, elements(MAX_XML_NODES + 4)),
    ];
    for (what, format, bytes) in past {
        let mut refused = None;
        let peak = peak_of(|| refused = Some(read(&bytes, format, &Options::default()).is_err()));
        assert_eq!(refused, Some(true), "{what}");
        assert!(peak < MB, "{what}: refused after {peak} bytes");
    }
}
