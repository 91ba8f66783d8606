use super::*;
use crate::model::effects::{Evidence, Family};
use crate::model::export::import_timeline_str;
use crate::model::project::{BinEntry, MediaKind};
use crate::model::time::Time;
use crate::model::wire::Clip;

fn sample() -> Project {
    import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":0,"Out":4},{"MediaId":"5aed81b74ba84920be578cdfe004af4c","In":1,"Out":3}]}]}"#,
    )
    .unwrap()
}

/// The problems at `field` (the API name, or its last part: "CallbackURL").
fn find<'a>(problems: &'a [Problem], field: &str) -> Vec<&'a Problem> {
    let at = |f: &str| f == field || f.ends_with(&format!(".{field}"));
    problems.iter().filter(|p| p.location.field.is_some_and(at)).collect()
}

fn errors_at(p: &Project, field: &str) -> usize {
    find(&validate(p), field).iter().filter(|p| p.severity == Severity::Error).count()
}

fn warnings_at(p: &Project, field: &str) -> usize {
    find(&validate(p), field).iter().filter(|p| p.severity == Severity::Warning).count()
}

#[test]
fn a_clean_project_has_no_problems() {
    assert_eq!(validate(&sample()), vec![]);
}

#[test]
fn nothing_to_produce() {
    let p = Project::new_empty();
    let problems = validate(&p);
    assert!(has_errors(&problems));
    assert_eq!(problems[0].issue, Issue::NothingToProduce);
    assert!(is_nothing_to_produce(&problems[0]));
    let linked = Project { project_id: Some("abc".into()), ..Project::new_empty() };
    assert!(!has_errors(&validate(&linked)));
}

#[test]
fn missing_material_ids() {
    let mut p = sample();
    p.tracks[0].clips[1].media_id = None;
    let problems = validate(&p);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].location, Location { track: Some(0), clip: Some(1), effect: None, field: Some("MediaId") });
    assert_eq!(problems[0].issue, Issue::NoMediaId);
    // An imported clip waiting for its file says which.
    let clip = &mut p.tracks[0].clips[1];
    clip.extra.insert_value(crate::model::wire::SOURCE_FILE, &serde_json::Value::String("/m/harbour.mov".into()));
    let problems = validate(&p);
    assert_eq!(problems[0].issue, Issue::WaitingForFile { file: Quoted::of("/m/harbour.mov") });
    let mut img = import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"v","Out":3}]}],"ImageTracks":[{"ImageTrackClips":[{"X":0.1}]}]}"#).unwrap();
    assert_eq!(errors_at(&img, "ImageId"), 1);
    img.tracks[1].clips[0].image_id = Some("i".into());
    assert_eq!(errors_at(&img, "ImageId"), 0);
}

#[test]
fn times_are_ordered_and_not_negative() {
    let mut p = sample();
    p.tracks[0].clips[0].out = Some(Time::ZERO);
    assert_eq!(errors_at(&p, "Out"), 1);
    p.tracks[0].clips[0].out = Some(Time::from_secs(4));
    p.tracks[0].clips[0].r#in = Some(Time::from_secs(-1));
    assert_eq!(errors_at(&p, "In"), 1);
    p.tracks[0].clips[0].r#in = None;
    p.tracks[0].clips[1].timeline_in = Some(Time::from_secs(10));
    p.tracks[0].clips[1].timeline_out = Some(Time::from_secs(10));
    assert_eq!(errors_at(&p, "TimelineOut"), 1);
}

#[test]
fn overlapping_clips_on_a_video_track_are_a_warning() {
    let mut p = sample();
    p.tracks[0].clips[1].timeline_in = Some(Time::from_secs(3));
    let problems = validate(&p);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].location.clip, Some(1));
    assert_eq!(problems[0].severity, Severity::Warning, "the documents are silent: not an error");
    let from = Time::ZERO;
    let (start, to) = (Time::from_secs(3), Time::from_secs(4));
    assert_eq!(problems[0].issue, Issue::Overlap { start, other: 1, from, to, kind: TrackKind::Video });
    // Touching is fine.
    p.tracks[0].clips[1].timeline_in = Some(Time::from_secs(4));
    assert!(validate(&p).is_empty());
    // The same times on two tracks are fine.
    let mut two = sample();
    let i = two.add_track(TrackKind::Video);
    two.tracks[i].clips = two.tracks[0].clips.clone();
    assert!(validate(&two).is_empty());
}

#[test]
fn overlays_and_subtitles_may_overlap_on_one_track() {
    // The official sample: two logos on one image track at the same time.
    let p = import_timeline_str(include_str!("../../../assets/samples/timelines/image-overlay.json")).unwrap();
    assert_eq!(validate(&p), vec![], "the documented sample must validate clean");
    let s = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"222d9296e8864746a0b6f32dad6e0001","Out":9}]}],
            "SubtitleTracks":[{"SubtitleTrackClips":[
              {"Type":"Text","Content":"top","TimelineIn":0,"TimelineOut":5},
              {"Type":"Text","Content":"bottom","TimelineIn":1,"TimelineOut":4}]}]}"#,
    )
    .unwrap();
    assert!(validate(&s).iter().all(|p| !matches!(p.issue, Issue::Overlap { .. })), "{:?}", validate(&s));
}

#[test]
fn media_ids_not_of_the_vod_form_are_a_warning() {
    let mut p = sample();
    p.tracks[0].clips[0].media_id = Some("5aed81b74ba84920be578cdfe004af4".into()); // one digit lost
    let problems = validate(&p);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].severity, Severity::Warning);
    assert_eq!(problems[0].location.clip, Some(0));
    let id = Quoted { text: "5aed81b74ba84920be578cdfe004af4".into(), bytes: 31 };
    assert_eq!(problems[0].issue, Issue::IdShape { field: "MediaId", id });
    p.tracks[0].clips[0].media_id = Some("5AED81B74BA84920BE578CDFE004AF4B".into());
    assert!(validate(&p).is_empty(), "upper-case hex is still the form");
    p.tracks[0].clips[0].media_id = Some("5aed81b7-4ba8-4920-be57-8cdfe004af4b".into());
    assert_eq!(warnings_at(&p, "MediaId"), 1);
}

#[test]
fn an_unknown_region_is_an_error() {
    let mut p = sample();
    p.region = "cn-atlantis".into();
    p.produce_config.storage_location = "outin-x.oss-cn-atlantis.aliyuncs.com".into();
    let problems = validate(&p);
    assert_eq!(errors_at(&p, "Region"), 1, "{problems:?}");
    let e = problems.iter().find(|x| x.location.field == Some("Region")).unwrap();
    assert_eq!(e.issue, Issue::UnknownRegion { region: "cn-atlantis".into() });
    p.region = "ap-southeast-1".into();
    assert!(validate(&p).is_empty(), "{:?}", validate(&p));
}

#[test]
fn provisional_clips_are_not_called_overlapping() {
    // Unknown length, then a clip at 2 s: the service decides, we do not guess.
    let p = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},{"MediaId":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","Out":3,"TimelineIn":2}]}]}"#,
    )
    .unwrap();
    assert!(validate(&p).is_empty());
    // Once the bin knows the first clip is 10 s long, the overlap is real.
    let mut known = p.clone();
    known.bin.push(BinEntry {
        media_id: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
        title: String::new(),
        duration: Some(Time::from_secs(10)),
        kind: MediaKind::Video,
        ..Default::default()
    });
    assert_eq!(warnings_at(&known, "TimelineIn"), 1);
}

#[test]
fn track_and_material_limits() {
    let mut p = sample();
    for _ in 0..MAX_TRACKS_PER_KIND {
        let i = p.add_track(TrackKind::Audio);
        p.tracks[i].clips.push(Clip { media_id: Some("m1".into()), ..Default::default() });
    }
    assert!(!has_errors(&validate(&p)), "100 audio tracks is the limit, not past it");
    let i = p.add_track(TrackKind::Audio);
    p.tracks[i].clips.push(Clip { media_id: Some("m1".into()), ..Default::default() });
    let too_many = Issue::TooManyTracks { n: 101, kind: TrackKind::Audio, max: 100 };
    assert!(validate(&p).iter().any(|x| x.issue == too_many));

    let mut m = sample();
    m.tracks[0].clips = (0..=MAX_MATERIALS)
        .map(|n| Clip { media_id: Some(format!("m{n}")), out: Some(Time::from_secs(1)), ..Default::default() })
        .collect();
    assert!(validate(&m).iter().any(|x| x.issue == Issue::TooManyMedia { n: 201, max: 200 }));
}

#[test]
fn byte_limits_count_utf8_bytes() {
    let mut p = sample();
    p.media_metadata.title = "视".repeat(42); // 126 bytes
    assert_eq!(errors_at(&p, "MediaMetadata.Title"), 0);
    p.media_metadata.title = "视".repeat(43); // 129 bytes, 43 characters
    assert_eq!(errors_at(&p, "MediaMetadata.Title"), 1);
    p.media_metadata.description = "a".repeat(1025);
    assert_eq!(errors_at(&p, "MediaMetadata.Description"), 1);
    p.title = "x".repeat(129);
    assert_eq!(warnings_at(&p, "Title"), 1);
}

#[test]
fn tags() {
    let mut p = sample();
    p.media_metadata.tags = (0..17).map(|i| format!("t{i}")).collect();
    assert_eq!(errors_at(&p, "MediaMetadata.Tags"), 1);
    p.media_metadata.tags = vec!["标签".repeat(6)]; // 36 bytes
    assert_eq!(errors_at(&p, "MediaMetadata.Tags"), 1);
    p.media_metadata.tags = vec!["a,b".into()];
    assert_eq!(errors_at(&p, "MediaMetadata.Tags"), 1);
    p.media_metadata.tags = vec!["ok".into(); 16];
    assert_eq!(errors_at(&p, "MediaMetadata.Tags"), 0);
}

#[test]
fn output_size() {
    let mut p = sample();
    p.produce_config.width = Some(1280);
    assert_eq!(errors_at(&p, "ProduceConfig.Height"), 1);
    p.produce_config.height = Some(720);
    assert!(validate(&p).is_empty());
    p.produce_config.width = Some(100);
    assert_eq!(errors_at(&p, "ProduceConfig.Width"), 1);
    p.produce_config.width = Some(4097);
    assert_eq!(errors_at(&p, "ProduceConfig.Width"), 1);
    p.produce_config.width = Some(1080);
    p.produce_config.height = Some(1920);
    assert!(validate(&p).is_empty(), "portrait full HD is fine");
    p.produce_config.width = Some(4096);
    p.produce_config.height = Some(2200);
    assert_eq!(errors_at(&p, "ProduceConfig.Width"), 1, "short side 2200 > 2160");
}

#[test]
fn storage_location_outside_shanghai() {
    let mut p = sample();
    p.region = "ap-southeast-1".into();
    assert_eq!(errors_at(&p, "ProduceConfig.StorageLocation"), 1);
    p.produce_config.storage_location = "outin-xxxx.oss-ap-southeast-1.aliyuncs.com".into();
    assert!(validate(&p).is_empty());
}

#[test]
fn user_data() {
    let mut p = sample();
    p.user_data.callback_url = "ftp://x".into();
    assert_eq!(errors_at(&p, "CallbackURL"), 1);
    p.user_data.callback_url = "https://example.com/cb".into();
    p.user_data.callback_type = "mns".into();
    assert_eq!(errors_at(&p, "CallbackType"), 1);
    p.user_data.callback_type = "HTTP".into();
    assert!(validate(&p).is_empty());
    p.user_data.extend = "{not json".into();
    assert_eq!(errors_at(&p, "UserData.Extend"), 1);
    p.user_data.extend = format!("{{\"k\":\"{}\"}}", "a".repeat(520));
    assert_eq!(errors_at(&p, "UserData.Extend"), 1);
    p.user_data.extend = format!("{{\"k\":\"{}\"}}", "a".repeat(300));
    assert_eq!(errors_at(&p, "UserData.Extend"), 0);
    assert_eq!(warnings_at(&p, "UserData"), 1, "over the SDK's 256-character note");
}

fn subtitle(json_clip: &str) -> Project {
    import_timeline_str(&format!(
        r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"v","Out":12}}]}}],"SubtitleTracks":[{{"SubtitleTrackClips":[{json_clip}]}}]}}"#
    ))
    .unwrap()
}

#[test]
fn subtitle_style() {
    let ok = subtitle(
        r##"{"Type":"Text","Content":"你好","TimelineIn":0,"TimelineOut":4,"FontColor":"#FFAA00","FontColorOpacity":0.5,"Alignment":"BottomCenter","FontSize":36}"##,
    );
    assert!(!has_errors(&validate(&ok)), "{:?}", validate(&ok));
    assert_eq!(errors_at(&subtitle(r#"{"Type":"Text","Content":"x","FontColor":"red"}"#), "FontColor"), 1);
    assert_eq!(errors_at(&subtitle(r##"{"Type":"Text","Content":"x","FontColor":"#FFF"}"##), "FontColor"), 1);
    assert_eq!(errors_at(&subtitle(r#"{"Type":"Text","Content":"x","FontColorOpacity":1.5}"#), "FontColorOpacity"), 1);
    assert_eq!(errors_at(&subtitle(r#"{"Type":"Text","Content":"  "}"#), "Content"), 1);
    assert_eq!(errors_at(&subtitle(r#"{"Type":"Text","Content":"x","Alignment":"Middle"}"#), "Alignment"), 1);
    assert_eq!(warnings_at(&subtitle(r#"{"Type":"Text","Content":"x","Font":"Comic Sans"}"#), "Font"), 1);
}

#[test]
fn geometry_is_a_ratio_or_whole_pixels() {
    let p = |v: &str| {
        import_timeline_str(&format!(
            r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"m","Out":1,"X":{v}}}]}}]}}"#
        ))
        .unwrap()
    };
    assert_eq!(errors_at(&p("0.5"), "X"), 0);
    assert_eq!(errors_at(&p("1"), "X"), 0);
    assert_eq!(errors_at(&p("640"), "X"), 0);
    assert_eq!(errors_at(&p("1.5"), "X"), 1);
    assert_eq!(errors_at(&p("-0.1"), "X"), 1);
    assert_eq!(warnings_at(&p("4"), "X"), 1);
}

#[test]
fn effects() {
    let p = |e: &str| {
        import_timeline_str(&format!(
            r#"{{"VideoTracks":[{{"VideoTrackClips":[{{"MediaId":"5aed81b74ba84920be578cdfe004af4b","Out":9,"Effects":[{e}]}}]}}]}}"#
        ))
        .unwrap()
    };
    assert!(validate(&p(r#"{"Type":"Volume","Gain":"0.5"}"#)).is_empty());
    assert_eq!(errors_at(&p(r#"{"Type":"Volume","Gain":"-1"}"#), "Gain"), 1);
    assert_eq!(errors_at(&p(r#"{"Type":"Volume"}"#), "Gain"), 1);
    assert_eq!(errors_at(&p(r#"{"Type":"Text","Content":""}"#), "Content"), 1);
    assert_eq!(errors_at(&p(r##"{"Type":"Text","Content":"a","FontColor":"#12345G"}"##), "FontColor"), 1);
    assert_eq!(errors_at(&p(r#"{"Type":"Background","SubType":"Blur","Radius":2}"#), "Radius"), 1);
    assert_eq!(errors_at(&p(r#"{"Type":"Background","SubType":"Stripes"}"#), "SubType"), 1);
    assert_eq!(errors_at(&p(r#"{"Type":"DeWatermark","SubType":"Pixelate"}"#), "SubType"), 1);
    assert_eq!(errors_at(&p(r#"{"Type":"Volume","Gain":1,"In":5,"Out":2}"#), "Out"), 1);
    // Documented SubTypes pass without a word; the blanket "not confirmed" is gone.
    assert!(validate(&p(r#"{"Type":"VFX","SubType":"zoominout"}"#)).is_empty());
    assert!(validate(&p(r#"{"Type":"Filter","SubType":"m1"}"#)).is_empty());
    assert!(validate(&p(r#"{"Type":"Filter","SubType":"tokoyo"}"#)).is_empty(), "the documented spelling");
    // What effects.md marks UNSURE or third-party warns, an unknown SubType too (kept as is).
    let legacy = validate(&p(r#"{"Type":"VFX","SubType":"snow"}"#));
    assert!(!has_errors(&legacy) && legacy.len() == 1, "{legacy:?}");
    assert_eq!(legacy[0].location, Location { track: Some(0), clip: Some(0), effect: Some(0), field: Some("SubType") });
    let evidence = Evidence::Legacy2021;
    assert_eq!(legacy[0].issue, Issue::EffectUnsure { family: Family::Vfx, value: Quoted::of("snow"), evidence });
    assert_eq!(warnings_at(&p(r#"{"Type":"Filter","SubType":"a5"}"#), "SubType"), 1);
    let unknown = validate(&p(r#"{"Type":"Filter","SubType":"tokyo"}"#));
    assert!(!has_errors(&unknown), "{unknown:?}");
    assert_eq!(unknown[0].issue, Issue::SubtypeUnknown { family: Family::Filter, value: Quoted::of("tokyo") });
    assert_eq!(errors_at(&p(r#"{"Type":"Filter"}"#), "SubType"), 1);
    let zoom = validate(&p(r#"{"Type":"VFX","SubType":"zoom","X":0.1}"#));
    assert_eq!(zoom.len(), 1, "a region only for mosaic_rect and blur: {zoom:?}");
    assert_eq!(zoom[0].location.field, Some("X"));
    assert!(validate(&p(r#"{"Type":"VFX","SubType":"blur","X":0.1,"Y":0.1,"Width":0.2,"Height":0.2}"#)).is_empty());
    // Text style fields with their documented ranges: errors where documented, warnings else.
    assert_eq!(errors_at(&p(r#"{"Type":"Text","Content":"a","BorderStyle":2}"#), "BorderStyle"), 1);
    assert_eq!(errors_at(&p(r#"{"Type":"Text","Content":"a","FixedFontSize":6000}"#), "FixedFontSize"), 1);
    assert_eq!(errors_at(&p(r#"{"Type":"Text","Content":"a","OutlineColour":"red"}"#), "OutlineColour"), 1);
    assert!(
        validate(&p(
            r##"{"Type":"Text","Content":"a","Outline":2,"OutlineColour":"#000000","AaiMotionInEffect":"fade_in"}"##
        ))
        .is_empty()
    );
    assert_eq!(
        warnings_at(&p(r#"{"Type":"Text","Content":"a","AaiMotionOutEffect":"fade_out"}"#), "AaiMotionOutEffect"),
        1
    );
    assert_eq!(warnings_at(&p(r#"{"Type":"Text","Content":"a","Shadow":2}"#), "Shadow"), 1);
    assert_eq!(
        warnings_at(
            &p(r#"{"Type":"Text","Content":"a","EffectColorStyle":"CS0001-000004","Outline":2}"#),
            "EffectColorStyle"
        ),
        1
    );
    assert!(validate(&p(r#"{"Type":"Text","Content":"a","Font":"KaiTi"}"#)).is_empty());
    assert_eq!(warnings_at(&p(r#"{"Type":"Text","Content":"a","Font":"Yuanti SC Bold"}"#), "Font"), 1);
    let other = validate(&p(r#"{"Type":"AFade","SubType":"In"}"#));
    assert!(!has_errors(&other) && other[0].issue == Issue::UnknownEffect { r#type: "AFade".into() });
}

#[test]
fn transitions_lead_into_the_next_clip() {
    let p = |effects: &str, second_in: &str| {
        import_timeline_str(&format!(
            r#"{{"VideoTracks":[{{"VideoTrackClips":[
                {{"MediaId":"5aed81b74ba84920be578cdfe004af4b","Out":4,"TimelineIn":0,"Effects":[{effects}]}},
                {{"MediaId":"5aed81b74ba84920be578cdfe004af4c","Out":4,"TimelineIn":{second_in}}}]}}]}}"#
        ))
        .unwrap()
    };
    // The next clip overlaps by the Duration: the documented placement, no problem at all.
    assert_eq!(validate(&p(r#"{"Type":"Transition","SubType":"fade","Duration":1}"#, "3")), vec![]);
    // Laid end to end by the service, the next clip starts a Duration earlier by itself.
    let auto = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[
            {"MediaId":"5aed81b74ba84920be578cdfe004af4b","Out":4,"Effects":[{"Type":"Transition","SubType":"wipeleft","Duration":0.5}]},
            {"MediaId":"5aed81b74ba84920be578cdfe004af4c","Out":4}]}]}"#,
    )
    .unwrap();
    assert_eq!(validate(&auto), vec![]);
    // Touching clips: nothing to blend, said so; a different overlap too.
    assert_eq!(warnings_at(&p(r#"{"Type":"Transition","SubType":"fade","Duration":1}"#, "4"), "Duration"), 1);
    assert_eq!(warnings_at(&p(r#"{"Type":"Transition","SubType":"fade","Duration":1}"#, "3.5"), "Duration"), 1);
    // No Duration: the default is an IMS statement; random picks are IMS only.
    assert_eq!(warnings_at(&p(r#"{"Type":"Transition","SubType":"fade"}"#, "3"), "Duration"), 1);
    assert_eq!(warnings_at(&p(r#"{"Type":"Transition","SubType":"random","Duration":1}"#, "3"), "SubType"), 1);
    assert_eq!(errors_at(&p(r#"{"Type":"Transition","SubType":"fade","Duration":5}"#, "3"), "Duration"), 1);
    // On the last clip it leads nowhere.
    let last = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","Out":4,"Effects":[{"Type":"Transition","SubType":"fade","Duration":1}]}]}]}"#,
    )
    .unwrap();
    assert_eq!(warnings_at(&last, "Type"), 1);
}

#[test]
fn hidden_tracks_warn_and_do_not_count() {
    let mut p = sample();
    let i = p.add_track(TrackKind::Audio);
    p.tracks[i].clips.push(Clip { media_id: None, ..Default::default() });
    p.tracks[i].hidden = true;
    let problems = validate(&p);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].severity, Severity::Warning);
    assert_eq!(problems[0].issue, Issue::TrackMutedLeftOut { n: 1 });
}

#[test]
fn problems_are_codes_with_their_arguments() {
    let mut p = sample();
    p.tracks[0].clips[0].out = Some(Time::ZERO);
    let problem = &validate(&p)[0];
    assert_eq!(problem.issue, Issue::OutBeforeIn { out: Time::ZERO, r#in: Time::ZERO });
    assert_eq!(problem.issue.code(), "clip.out-before-in");
    let json = serde_json::to_value(&problem.issue).unwrap();
    assert_eq!(json, serde_json::json!({"code": "clip.out-before-in", "args": {"out": 0, "in": 0}}));
    assert_eq!(
        serde_json::to_value(Issue::NothingToProduce).unwrap(),
        serde_json::json!({"code": "project.nothing-to-produce"})
    );
}

#[test]
fn every_code_is_distinct_and_well_formed() {
    let mut seen = std::collections::HashSet::new();
    for code in Issue::CODES {
        assert!(seen.insert(code), "{code} twice");
        let (area, name) = code.split_once('.').unwrap_or_else(|| panic!("{code}: no area"));
        let word = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
        assert!(word(area) && word(name), "{code}");
    }
}

#[test]
fn long_ids_are_quoted_briefly() {
    let mut p = sample();
    p.tracks[0].clips[0].media_id = Some("视".repeat(10_000));
    let problems = validate(&p);
    let Issue::IdShape { id, .. } = &problems[0].issue else { panic!("{problems:?}") };
    assert_eq!((id.text.chars().count(), id.bytes, id.is_whole()), (64, 30_000, false));
}

#[test]
fn cached_validation_equals_a_full_one_after_changes() {
    let mut p = crate::model::generate::generated_project(2_000, 8);
    let mut keys: Vec<u64> = (1..=8).collect();
    let mut cache = ValidationCache::default();
    assert_eq!(validate_cached(&p, &keys, &mut cache), validate(&p));
    // Break a clip on track 2 (its key changes): the problem appears, in the same order.
    p.tracks[2].clips[10].out = Some(Time::ZERO);
    keys[2] = 100;
    let cached = validate_cached(&p, &keys, &mut cache);
    assert!(has_errors(&cached));
    assert_eq!(cached, validate(&p));
    // Hide track 0 and rename track 5.
    p.tracks[0].hidden = true;
    p.tracks[5].name = "renamed".into();
    keys[0] = 101;
    keys[5] = 102;
    assert_eq!(validate_cached(&p, &keys, &mut cache), validate(&p));
    // Project-level rules are always checked again.
    p.region = "nowhere".into();
    assert_eq!(validate_cached(&p, &keys, &mut cache), validate(&p));
    // A track removed: indexes shift, so every track gets a new key (the document does so).
    p.tracks.remove(3);
    let keys: Vec<u64> = (200..207).collect();
    assert_eq!(validate_cached(&p, &keys, &mut cache), validate(&p));
    assert_eq!(validate_cached(&p, &[], &mut cache), validate(&p));
}

#[test]
fn validation_spread_over_calls_ends_with_the_same_problems() {
    let p = crate::model::generate::generated_project(400, 4);
    let keys = [1, 2, 3, 4];
    let mut cache = ValidationCache::default();
    // No time at all: one track a call, so the first three calls are not done.
    let mut calls = 0;
    let got = loop {
        calls += 1;
        assert!(calls <= 4, "no progress");
        if let Some(problems) = validate_within(&p, &keys, &mut cache, std::time::Duration::ZERO) {
            break problems;
        }
    };
    assert_eq!(calls, 4, "one track per call");
    assert_eq!(got, validate(&p));
    // Nothing changed: done at once, from the cache.
    assert_eq!(validate_within(&p, &keys, &mut cache, std::time::Duration::ZERO), Some(got));
}
