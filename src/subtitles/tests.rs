use super::*;
use crate::model::project::Project;

const SRT: &str = "1\r\n00:00:01,000 --> 00:00:02,490\r\n第一句\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n<i>第二句</i>\r\n第二行\r\n\r\n3\r\n00:01:00,040 --> 00:01:02,000\r\nthird\r\n";

fn ms(n: i64) -> Time {
    Time::from_millis(n)
}

#[test]
fn an_srt_reads_as_cues_with_their_lines() {
    let cues = parse(SRT, Format::Srt).unwrap();
    let got: Vec<(usize, Time, Time, &str)> = cues.iter().map(|c| (c.line, c.start, c.end, c.text.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (2, ms(1000), ms(2490), "第一句"),
            (6, ms(3000), ms(4000), "第二句\n第二行"),
            (11, ms(60_040), ms(62_000), "third")
        ]
    );
}

#[test]
fn broken_cues_name_their_line() {
    let bad_time = SRT.replace("00:00:03,000 -->", "00:00:3x,000 -->");
    assert_eq!(parse(&bad_time, Format::Srt), Err(SubError::BadTime { line: 6 }));
    let backwards = SRT.replace("00:00:03,000 --> 00:00:04,000", "00:00:04,000 --> 00:00:03,000");
    assert_eq!(parse(&backwards, Format::Srt), Err(SubError::EndBeforeStart { line: 6 }));
    let overlap = SRT.replace("00:00:03,000 -->", "00:00:02,000 -->");
    assert_eq!(parse(&overlap, Format::Srt), Err(SubError::Overlap { line: 6, other: 2 }));
    let empty = "1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n";
    assert_eq!(parse(empty, Format::Srt), Err(SubError::Empty { line: 2 }));
    assert_eq!(parse("1\nhello\n", Format::Srt), Err(SubError::NoTiming { line: 1 }));
}

#[test]
fn a_vtt_skips_its_notes_and_reads_cue_settings() {
    let vtt = "WEBVTT - a title\n\nNOTE a comment\nspanning lines\n\nintro\n00:01.000 --> 00:02.000 align:start line:0\nHello\n\n00:00:03.000 --> 00:00:04.500\nWorld\n";
    let cues = parse(vtt, Format::Vtt).unwrap();
    assert_eq!(cues.len(), 2);
    assert_eq!((cues[0].line, cues[0].start, cues[0].end, cues[0].text.as_str()), (7, ms(1000), ms(2000), "Hello"));
    assert_eq!(cues[1].end, ms(4500));
    assert_eq!(parse("1\n00:01.000 --> 00:02.000\nx\n", Format::Vtt), Err(SubError::NotVtt));
}

const ASS: &str = "[Script Info]\nTitle: t\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\nStyle: Default,SimSun,48,&H0000FFFF,&H000000FF,&H00000000,&H00000000,-1,0,0,0,100,100,0,0,1,2,0,8,10,10,10,1\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nComment: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,not shown\nDialogue: 0,0:00:01.50,0:00:03.00,Default,,0,0,0,,{\\i1}Hello, world{\\i0}\\Nsecond line\nDialogue: 0,0:00:04.00,0:00:05.25,Other,,0,0,0,,plain\n";

#[test]
fn an_ass_maps_its_styles_to_the_fields_vod_has() {
    let cues = parse(ASS, Format::Ass).unwrap();
    assert_eq!(cues.len(), 2, "the Comment is not a cue");
    assert_eq!((cues[0].line, cues[0].start, cues[0].end), (11, ms(1500), ms(3000)));
    assert_eq!(cues[0].text, "Hello, world\nsecond line", "a comma in the text stays");
    let style = cues[0].style.clone().unwrap();
    assert_eq!(style.font.as_deref(), Some("SimSun"));
    assert_eq!(style.size, Some(48));
    assert_eq!(style.colour.as_deref(), Some("#FFFF00"), "&HAABBGGRR: yellow");
    assert_eq!(style.alignment.as_deref(), Some("TopCenter"), "keypad 8");
    assert_eq!((style.bold, style.italic), (Some(true), Some(false)));
    assert_eq!(cues[1].style, None, "a style the file does not define");
    let p = Project::new_empty();
    let (edit, _) = import_edit(&p, &cues, &ImportOptions::default()).unwrap();
    let mut p2 = p.clone();
    crate::edit::apply(&mut p2, edit);
    let clip = &p2.tracks.last().unwrap().clips[0];
    assert_eq!(
        (clip.style.font.as_deref(), clip.style.font_color.as_deref(), clip.style.alignment.as_deref()),
        (Some("SimSun"), Some("#FFFF00"), Some("TopCenter"))
    );
    assert_eq!(clip.style.font_size, Some(Num::int(48)));
    assert_eq!(ass_error("Dialogue: 0,0:00:0x.00,0:00:05.25,Default,,0,0,0,,bad"), SubError::BadTime { line: 11 });
}

fn ass_error(replacement: &str) -> SubError {
    let text = ASS.replace(
        "Dialogue: 0,0:00:01.50,0:00:03.00,Default,,0,0,0,,{\\i1}Hello, world{\\i0}\\Nsecond line",
        replacement,
    );
    parse(&text, Format::Ass).unwrap_err()
}

#[test]
fn an_import_is_one_edit_onto_the_first_subtitle_track_and_exports_back() {
    // A new project has no subtitle track: the import makes S1, in the same edit.
    let p = Project::new_empty();
    assert!(!p.tracks.iter().any(|t| t.kind == crate::model::TrackKind::Subtitle));
    let cues = parse(SRT, Format::Srt).unwrap();
    let options = ImportOptions { offset: ms(1000), ..Default::default() };
    let (edit, selection) = import_edit(&p, &cues, &options).unwrap();
    assert_eq!(selection.len(), 3);
    let mut q = p.clone();
    let undo = crate::edit::apply(&mut q, edit).unwrap();
    let s1 = q.tracks.last().unwrap();
    assert_eq!(s1.name, "S1");
    assert_eq!(s1.clips.len(), 3);
    // 3.490 s is no frame at 25 fps: the nearest is 3.480.
    assert_eq!((s1.clips[0].timeline_in, s1.clips[0].timeline_out), (Some(ms(2000)), Some(ms(3480))));
    assert_eq!(s1.clips[2].timeline_in, Some(ms(61_040)));
    let srt = export_srt(&q, Some("S1")).unwrap();
    assert!(
        srt.starts_with(
            "1\n00:00:02,000 --> 00:00:03,480\n第一句\n\n2\n00:00:04,000 --> 00:00:05,000\n第二句\n第二行\n"
        ),
        "{srt}"
    );
    crate::edit::apply(&mut q, undo);
    assert_eq!(q, p, "one undo step takes it all back");
    assert_eq!(export_srt(&p, None), Err(SubError::NothingToExport));
    assert_eq!(export_srt(&p, Some("V1")), Err(SubError::NotSubtitleTrack("V1".into())));
}

#[test]
fn text_effects_go_on_the_video_clip_playing_at_each_cue() {
    let p = crate::model::export::import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","Out":2.5},{"MediaId":"b","Out":10}]}]}"#,
    )
    .unwrap();
    let cues = parse(SRT, Format::Srt).unwrap();
    let options = ImportOptions { as_text_effects: true, ..Default::default() };
    assert_eq!(import_edit(&p, &cues, &options), Err(SubError::NoVideoAt { line: 11, at: ms(60_040) }));
    let (edit, selection) = import_edit(&p, &cues[..2], &options).unwrap();
    assert_eq!(selection, vec![ClipRef { track: 0, index: 0 }, ClipRef { track: 0, index: 1 }]);
    let mut q = p.clone();
    crate::edit::apply(&mut q, edit);
    let Effect::Known(e) = &q.tracks[0].clips[1].effects[0] else { panic!() };
    assert_eq!(
        (e.r#type.as_str(), e.content.as_deref(), e.timeline_in),
        ("Text", Some("第二句\n第二行"), Some(ms(3000)))
    );
}
