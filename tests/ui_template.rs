//! A template in the editor (egui_kittest): its placeholder clip marked on the timeline and its
//! slots in the inspector; the Template tab lists every slot and edits its sample value; the
//! Problems tab validates the template filled with its samples.

use egui::Vec2;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use std::sync::Arc;
use vodcut::edit::document::Document;
use vodcut::edit::ops::ClipRef;
use vodcut::store::project_file;
use vodcut::ui::app::Tab;
use vodcut::ui::commands::Command;

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

/// A template whose placeholder clip is the second (so selecting it is seen), with a slot in
/// the title and one (`price`) without a sample value.
const TEMPLATE: &str = r#"{"FormatVersion":1,"Title":"{{title}}","Tracks":[{"Kind":"Video","Name":"V1","Clips":[
    {"MediaId":"5aed81b74ba84920be578cdfe004af4b","Out":3},
    {"MediaId":"{{media}}","Out":4,"Effects":[{"Type":"Text","Content":"Now {{price}}"}]}]}],
    "TemplateSamples":{"media":"5aed81b74ba84920be578cdfe004af4b","title":"Sample"}}"#;

fn template_editor(text: &str) -> egui_kittest::Harness<'static, vodcut::ui::Editor> {
    let project = project_file::from_bytes(text.as_bytes(), std::path::Path::new("t.vodcut")).unwrap().project;
    let editor = support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::new(project, None, false));
    let mut h = support::ui::harness(editor, Vec2::new(1400.0, 900.0));
    h.run();
    h
}

fn sample(h: &egui_kittest::Harness<'static, vodcut::ui::Editor>, slot: &str) -> Option<String> {
    vodcut::template::samples_of(h.state().doc.project()).get(slot).cloned()
}

/// VODCUT_UI_SHOTS=DIR: the window as drawn, to look at.
fn shot(h: &mut egui_kittest::Harness<'static, vodcut::ui::Editor>, name: &str) {
    if let Some(shots) = std::env::var_os("VODCUT_UI_SHOTS") {
        h.render().unwrap().save(std::path::Path::new(&shots).join(name)).unwrap();
    }
}

fn type_sample(h: &mut egui_kittest::Harness<'static, vodcut::ui::Editor>, slot: &str, text: &str) {
    let label = format!("{{{{{slot}}}}}");
    h.get_by_role_and_label(Role::TextInput, &label).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, &label).type_text(text);
    h.run();
}

#[test]
fn the_template_tab_lists_every_slot_and_its_sample_is_edited_in_one_undo_step() {
    let mut h = template_editor(TEMPLATE);
    // View > Template slots (the command registry's entry).
    h.state_mut().run(Command::TemplateSlots);
    h.run();
    assert_eq!(h.state().tab, Tab::Template);
    assert!(h.query_by_label("Template: 3 slots").is_some());
    assert!(h.query_by_label("Used in track 1, clip 2: MediaId").is_some());
    assert!(h.query_by_label("Used in track 1, clip 2, effect 1: Content").is_some());
    assert!(h.query_by_label("Used in Title").is_some());
    assert!(h.query_by_label("No sample value: {{price}} cannot be checked").is_some());
    assert!(h.query_by_label("No sample value: {{media}} cannot be checked").is_none());
    shot(&mut h, "template-tab.png");
    // A use in a clip selects it.
    h.get_by_label("Used in track 1, clip 2: MediaId").click();
    h.run();
    assert_eq!(h.state().doc.selection, vec![ClipRef { track: 0, index: 1 }]);

    // Typing a sample, a keystroke at a time, is one undo step.
    type_sample(&mut h, "price", "$");
    h.get_by_role_and_label(Role::TextInput, "{{price}}").type_text("5");
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(sample(&h, "price").as_deref(), Some("$5"));
    assert!(h.query_by_label("No sample value: {{price}} cannot be checked").is_none());
    // The other samples are kept.
    assert_eq!(sample(&h, "title").as_deref(), Some("Sample"));
    assert!(h.state_mut().doc.undo().is_some());
    h.run();
    assert_eq!(sample(&h, "price"), None, "one undo takes the whole edit back");
    assert!(h.query_by_label("No sample value: {{price}} cannot be checked").is_some());
    assert!(h.state_mut().doc.redo().is_some());
    h.run();
    // Saved with the project, as TemplateSamples.
    let saved = project_file::to_bytes(h.state().doc.project());
    let again = project_file::from_bytes(&saved, std::path::Path::new("t.vodcut")).unwrap().project;
    assert_eq!(vodcut::template::samples_of(&again).get("price").map(String::as_str), Some("$5"));
    let template = vodcut::template::Template::parse(&saved).unwrap();
    assert_eq!(template.samples().get("price").map(String::as_str), Some("$5"));
}

#[test]
fn a_plain_project_has_no_slots_in_the_template_tab() {
    let mut h = template_editor(
        r#"{"FormatVersion":1,"Tracks":[{"Kind":"Video","Clips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","Out":3}]}]}"#,
    );
    h.state_mut().tab = Tab::Template;
    h.run();
    assert!(h.query_by_label_contains("it is not a template").is_some());
}

fn problem_lines(h: &egui_kittest::Harness<'static, vodcut::ui::Editor>) -> Vec<String> {
    // A wrapped label's lines are text runs of their own: the label's whole text is counted.
    h.query_all_by(|n| {
        n.role() != Role::TextRun
            && n.label().or(n.value()).is_some_and(|t| t.starts_with("error: ") || t.starts_with("warning: "))
    })
    .filter_map(|n| n.accesskit_node().label().or_else(|| n.accesskit_node().value()))
    .collect()
}

#[test]
fn the_problems_tab_validates_the_template_filled_with_its_samples() {
    // An empty MediaId sample, and no sample for price.
    let text = TEMPLATE.replace(r#""media":"5aed81b74ba84920be578cdfe004af4b""#, r#""media":" ""#);
    let mut h = template_editor(&text);
    h.state_mut().tab = Tab::Problems;
    h.run();
    let lines = problem_lines(&h);
    assert!(
        lines.iter().any(|l| l.contains("sample value of {{media}}")
            && l.contains("track 1, clip 2: MediaId")
            && l.contains("a MediaId cannot be empty")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("no value for the slot {{price}}")), "{lines:?}");
    assert!(h.query_by_label_contains("Problems (2)").is_some(), "the tab counts them");
    shot(&mut h, "template-problems.png");
    // Clicking the problem selects the clip its slot is in.
    h.get_by_label_contains("sample value of {{media}}").click();
    h.run();
    assert_eq!(h.state().doc.selection, vec![ClipRef { track: 0, index: 1 }]);

    // Good samples: only the filled project's problems are left. A title sample too long for
    // VOD is one of those (it is the sample's title that is checked, not "{{title}}").
    h.state_mut().tab = Tab::Template;
    h.run();
    type_sample(&mut h, "media", "5aed81b74ba84920be578cdfe004af4b");
    type_sample(&mut h, "price", "$5");
    let long = "x".repeat(200);
    h.get_by_role_and_label(Role::TextInput, "{{title}}").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "{{title}}").type_text(&long);
    h.run();
    assert_eq!(sample(&h, "title").as_deref(), Some(long.as_str()));
    h.state_mut().tab = Tab::Problems;
    h.run();
    let lines = problem_lines(&h);
    assert!(!lines.iter().any(|l| l.contains("sample value of")), "{lines:?}");
    let filled = vodcut::template::Template::parse(&project_file::to_bytes(h.state().doc.project()))
        .unwrap()
        .sample_project(std::path::Path::new("t.vodcut"))
        .unwrap();
    let want = vodcut::model::validate::validate(&filled);
    assert!(!want.is_empty(), "a 200-byte title is a problem");
    for p in &want {
        let line = vodcut::i18n::describe::line(p, &filled);
        assert!(lines.contains(&line), "{line} not in {lines:?}");
    }
    assert_eq!(lines.len(), want.len(), "{lines:?}");
    assert!(!lines.iter().any(|l| l.contains("{{")), "nothing of the unfilled template: {lines:?}");
}

/// A template whose clip's In and Out are slots opens in the editor (File > Open), its clip
/// at the samples' length; it can be cut like any project (here: moved on the timeline) and
/// saving writes the slots back in place, so `vodcut batch` reads what the editor saved.
#[test]
fn a_template_with_time_slots_opens_is_edited_and_saves_its_slots_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("promo.vodcut");
    std::fs::write(
        &file,
        r#"{"FormatVersion":1,"Title":"{{title}}","Tracks":[{"Kind":"Video","Name":"V1","Clips":[
        {"MediaId":"{{media}}","In":"{{start}}","Out":"{{end}}"}]}],
        "TemplateSamples":{"title":"Sample","media":"5aed81b74ba84920be578cdfe004af4b","start":"2","end":"6"}}"#,
    )
    .unwrap();
    let editor = support::ui::editor(Arc::new(support::ui::FakePicker::default()), Document::default());
    let mut h = support::ui::harness(editor, Vec2::new(1400.0, 900.0));
    h.run();
    h.state_mut().open_path(file.clone());
    support::ui::run_until(&mut h, "the open", |e| e.doc.path.is_some());
    assert!(h.state().error.is_none(), "{:?}", h.state().error);
    let clip = &h.state().doc.project().tracks[0].clips[0];
    assert_eq!(clip.r#in.map(|t| t.as_secs_f64()), Some(2.0), "the sample value");
    h.state_mut().tab = Tab::Template;
    h.run();
    assert!(h.query_by_label("Template: 4 slots").is_some());
    assert!(h.query_by_label("Used in track 1, clip 1: In").is_some());
    // The clip is marked as a placeholder, its time slots listed in the inspector.
    h.state_mut().doc.selection = vec![ClipRef { track: 0, index: 0 }];
    h.state_mut().tab = Tab::Inspector;
    h.run();
    assert!(h.query_by_label("{{start}} in In, sample: 2").is_some());
    assert!(h.query_by_label("{{end}} in Out, sample: 6").is_some());

    // An edit, then Save: the clip moved to 3 s, its slots written back.
    let mut moved = h.state().doc.project().tracks[0].clips[0].clone();
    moved.timeline_in = Some(vodcut::model::Time::from_secs(3));
    h.state_mut().doc.set_clip(ClipRef { track: 0, index: 0 }, "move", moved).unwrap();
    h.state_mut().run(Command::Save);
    support::ui::run_until(&mut h, "the save", |e| !e.doc.is_dirty());
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let clip = &saved["Tracks"][0]["Clips"][0];
    assert_eq!((clip["In"].as_str(), clip["Out"].as_str()), (Some("{{start}}"), Some("{{end}}")), "{saved}");
    assert!(clip.get("TemplateSlots").is_none(), "{saved}");
    assert_eq!(clip["TimelineIn"], 3, "the edit is saved too");
    let template = vodcut::template::Template::parse(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(template.names().len(), 4);
}
