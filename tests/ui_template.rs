//! A template's placeholder clip in the editor (egui_kittest): marked on the timeline, and the
//! inspector lists its slots with their sample values.

use egui::Vec2;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use vodcut::edit::document::Document;
use vodcut::edit::ops::ClipRef;
use vodcut::store::project_file;

mod support;

#[test]
fn a_placeholder_clip_is_marked_and_its_slots_listed_with_samples() {
    let text = r#"{"FormatVersion":1,"Title":"{{title}}","Tracks":[{"Kind":"Video","Name":"V1","Clips":[
        {"MediaId":"{{media}}","Out":4,"Effects":[{"Type":"Text","Content":"Now {{price}}"}]},
        {"MediaId":"5aed81b74ba84920be578cdfe004af4b","Out":3}]}],
        "TemplateSamples":{"media":"5aed81b74ba84920be578cdfe004af4b","title":"Sample"}}"#;
    let project = project_file::from_bytes(text.as_bytes(), std::path::Path::new("t.vodcut")).unwrap().project;
    let editor = support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::new(project, None, false));
    let mut h = support::ui::harness(editor, Vec2::new(1400.0, 900.0));
    h.run();
    assert!(h.query_by_label_contains("Clip Placeholder {{media}} on V1").is_some(), "marked on the timeline");
    h.state_mut().doc.selection = vec![ClipRef { track: 0, index: 0 }];
    h.run();
    assert!(h.query_by_label_contains("Template placeholder").is_some());
    assert!(h.query_by_label("{{media}} in MediaId, sample: 5aed81b74ba84920be578cdfe004af4b").is_some());
    assert!(h.query_by_label("{{price}} in Content, no sample value (TemplateSamples)").is_some());
    // A plain clip has no such section.
    h.state_mut().doc.selection = vec![ClipRef { track: 0, index: 1 }];
    h.run();
    assert!(h.query_by_label_contains("Template placeholder").is_none());
}
