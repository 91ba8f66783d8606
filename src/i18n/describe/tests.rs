//! The words of problems and file errors (in English: unit tests never switch the language;
//! tests/core_messages.rs and tests/cli_i18n.rs check the Chinese).

use super::*;
use crate::model::export::import_timeline_str;
use crate::model::import::{ImportError, ParseError, parse_typed};
use crate::model::project::BinEntry;
use crate::model::time::Time;
use crate::model::validate::{Issue, Quoted, media_status_problems, validate};
use std::collections::HashMap;

fn sample() -> Project {
    import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":0,"Out":4},{"MediaId":"5aed81b74ba84920be578cdfe004af4c","In":1,"Out":3}]}]}"#,
    )
    .unwrap()
}

fn problem(issue: Issue, location: Location) -> Problem {
    Problem { severity: Severity::Error, location, issue }
}

#[test]
fn a_problem_reads_as_one_line_with_its_place() {
    let mut p = sample();
    p.tracks[0].clips[0].out = Some(Time::ZERO);
    let line = line(&validate(&p)[0], &p);
    assert_eq!(line, "error: track 1 (V1), clip 1, field Out: Out (0 s) must be after In (0 s)");
    let unplaced = problem(Issue::NothingToProduce, Location::default());
    assert!(super::line(&unplaced, &p).starts_with("error: there is nothing to produce"));
}

#[test]
fn places_name_the_track_and_the_effect_as_the_project_has_them() {
    let p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","Out":9,"Effects":[{"Type":"VFX","SubType":"zoominout"}]}]}]}"#,
    )
    .unwrap();
    let l = Location { track: Some(0), clip: Some(0), effect: Some(0), field: Some("Type") };
    assert_eq!(place(&l, &p), "track 1 (V1), clip 1, effect 1 (VFX), field Type");
    let mut unnamed = p.clone();
    unnamed.tracks[0].name.clear();
    assert_eq!(place(&Location { track: Some(0), ..Default::default() }, &unnamed), "track 1");
    // A place the project no longer has (the list is a frame old) still reads.
    assert_eq!(place(&Location { track: Some(7), clip: Some(2), ..Default::default() }, &p), "track 8, clip 3");
}

#[test]
fn times_on_the_timeline_read_in_the_clock_and_field_values_in_seconds() {
    let mut p = sample();
    p.bin.push(BinEntry {
        media_id: "5aed81b74ba84920be578cdfe004af4b".into(),
        duration: Some(Time::parse_secs("3.5").unwrap()),
        ..Default::default()
    });
    let problems = validate(&p);
    let past = problems.iter().find(|x| matches!(x.issue, Issue::PastMediaEnd { .. })).unwrap();
    assert_eq!(message(past, &p), "Out 4 s is past the end of the media, which is 00:00:03:12 long");
    let overlap = Issue::Overlap {
        start: Time::from_secs(3),
        other: 1,
        from: Time::ZERO,
        to: Time::from_secs(4),
        kind: TrackKind::Video,
    };
    let text = message(&problem(overlap, Location::default()), &p);
    assert!(
        text.starts_with("starts at 00:00:03:00, inside clip 1 (00:00:00:00 to 00:00:04:00) on the same video track")
    );
}

#[test]
fn arguments_from_files_and_services_are_worded() {
    let p = sample();
    let say = |issue| message(&problem(issue, Location::default()), &p);
    let region = say(Issue::UnknownRegion { region: "cn-atlantis".into() });
    assert!(region.contains("\"cn-atlantis\"") && region.contains("ap-southeast-1"), "{region}");
    let huge = "a".repeat(50 << 20);
    let id = say(Issue::IdShape { field: "MediaId", id: Quoted::of(&huge) });
    assert!(id.contains(&format!("\"{}… (50.0 MB)\"", "a".repeat(64))) && id.len() < 300, "{id}");
    assert_eq!(
        say(Issue::BackgroundSubtype { subtype: None }),
        "a Background effect's SubType must be Blur or Color, not nothing"
    );
    let known: HashMap<String, (String, String)> =
        [("v-busy".to_string(), ("Beach".to_string(), "Transcoding".to_string()))].into();
    let mut busy = sample();
    busy.tracks[0].clips[0].media_id = Some("v-busy".into());
    let status = media_status_problems(&busy, "cn-shanghai", Ok((&known, &[])));
    assert!(
        message(&status[0], &busy).contains("\"Beach\" (v-busy) in VOD: still transcoding, not Normal"),
        "{status:?}"
    );
}

fn shape_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
    match parse_typed::<T>(json.as_bytes()) {
        Err(ParseError::Shape(e)) => format!("at {}: {}", shape_at(&e), shape(&e)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn shape_errors_read_in_plain_words() {
    assert_eq!(shape_of::<Vec<u8>>("{}"), "at the top level: found an object, expected a list (line 1, column 0)");
    assert_eq!(
        shape_of::<bool>("\"x\""),
        "at the top level: found the text \"x\", expected a boolean (line 1, column 3)"
    );
    assert_eq!(
        shape_of::<crate::model::project::Track>("{}"),
        "at the top level: the field Kind is missing (line 1, column 2)"
    );
    let effect = shape_of::<crate::model::wire::Effect>(r#"{"Type":"Volume","Gain":"loud"}"#);
    assert!(effect.contains("Gain: \"loud\" is not a number"), "{effect}");
    let kind = shape_of::<crate::model::project::Track>(r#"{"Kind":7}"#);
    assert!(kind.contains("expected a kind of track: one of Video, Audio, Image, Subtitle"), "{kind}");
}

#[test]
fn import_errors_say_what_and_where() {
    let e =
        import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a"},{"In":"soon"}]}]}"#).unwrap_err();
    assert_eq!(
        import_error(&e),
        "at VideoTracks[0].VideoTrackClips[1].In: \"soon\" is not a time in seconds (line 1, column 64)"
    );
    let Err(e @ ImportError::NotJson(_)) = import_timeline_str("{\"Vid") else { panic!() };
    assert_eq!(import_error(&e), "not JSON: EOF while parsing a string at line 1 column 5");
}

#[test]
fn names_of_kinds_regions_and_untitled_projects() {
    assert_eq!(track_kind(TrackKind::Image), "image overlay");
    assert_eq!(kind_name(TrackKind::Image), "image");
    assert_eq!(media_kind(MediaKind::Audio), "audio");
    assert_eq!(region_name(&crate::model::regions::REGIONS[0]), "China (Shanghai)");
    assert_eq!(region_name(&Region { id: "xx-new-1" }), "xx-new-1");
    assert!(crate::model::regions::REGIONS.iter().all(|r| region_name(r) != r.id), "every region has a name");
    let mut p = Project::default();
    assert_eq!(project_title(&p), "Untitled");
    p.title = " Beach ".into();
    assert_eq!(project_title(&p), "Beach");
}

#[test]
fn catalogue_problems_name_the_family_the_value_and_why() {
    use crate::model::effects::{Evidence, Family};
    let p = sample();
    let say = |issue: Issue| message(&problem(issue, Location::default()), &p);
    let legacy = Issue::EffectUnsure { family: Family::Vfx, value: Quoted::of("snow"), evidence: Evidence::Legacy2021 };
    assert!(say(legacy).starts_with("VFX \"snow\" is on VOD's 2021 list"));
    let unknown = Issue::SubtypeUnknown { family: Family::Filter, value: Quoted::of("tokyo") };
    assert!(say(unknown).starts_with("filter \"tokyo\" is not in the documented list"));
    let d = Time::from_secs(1);
    let differs = say(Issue::TransitionOverlapDiffers { d, overlap: Time::from_millis(500) });
    assert!(differs.contains("00:00:00:12") && differs.contains("00:00:01:00"), "{differs}");
}
