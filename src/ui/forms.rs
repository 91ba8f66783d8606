//! The project metadata form and the output (ProduceConfig, UserData) form. Every change is
//! undoable (typing into one field is one step); limits are counted live in UTF-8 bytes and
//! problems show beside their field.

use crate::api::region::REGIONS;
use crate::edit::ProjectFields;
use crate::edit::document::Document;
use crate::model::validate::{
    MAX_DESCRIPTION_BYTES, MAX_EXTEND_BYTES, MAX_TAG_BYTES, MAX_TAGS, MAX_TITLE_BYTES, Problem,
};

/// Problems of `field`, as sentences.
fn problems_of<'a>(problems: &'a [Problem], field: &str) -> impl Iterator<Item = &'a Problem> {
    problems.iter().filter(move |p| p.location.track.is_none() && p.location.field == Some(field))
}

fn show_problems(ui: &mut egui::Ui, problems: &[Problem], field: &str) {
    for p in problems_of(problems, field) {
        let c = if p.severity == crate::model::validate::Severity::Error {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().warn_fg_color
        };
        ui.colored_label(c, &p.message);
    }
}

/// A labelled text field bound to one project field; returns after applying an edit.
#[allow(clippy::too_many_arguments)]
fn text(
    ui: &mut egui::Ui,
    doc: &mut Document,
    problems: &[Problem],
    label: &str,
    key: &str,
    multiline: bool,
    limit: Option<usize>,
    get: impl Fn(&ProjectFields) -> String,
    set: impl Fn(&mut ProjectFields, String),
) {
    let fields = ProjectFields::of(&doc.project);
    let mut value = get(&fields);
    let l = ui
        .horizontal(|ui| {
            let l = ui.label(label);
            if let Some(max) = limit {
                // UTF-8 bytes, as the service counts them (a Chinese character is 3).
                let n = value.len();
                let colour = if n > max { ui.visuals().error_fg_color } else { ui.visuals().weak_text_color() };
                ui.colored_label(colour, format!("{n}/{max} bytes"));
            }
            l
        })
        .inner;
    let edit = if multiline {
        egui::TextEdit::multiline(&mut value).desired_rows(2)
    } else {
        egui::TextEdit::singleline(&mut value)
    };
    let r = ui.add(edit.desired_width(f32::INFINITY)).labelled_by(l.id);
    if r.changed() {
        doc.set_fields(&format!("Edit {label}"), key, |f| set(f, value));
    }
    if crate::ui::fields::cancelled(ui, &r) {
        doc.cancel_typing(key);
    }
    if r.lost_focus() {
        doc.seal();
    }
    show_problems(ui, problems, key);
}

pub fn project_form_ui(ui: &mut egui::Ui, doc: &mut Document, problems: &[Problem]) {
    ui.heading("Project");
    text(
        ui,
        doc,
        problems,
        "Project title",
        "Title",
        false,
        Some(MAX_TITLE_BYTES),
        |f| f.title.clone(),
        |f, v| f.title = v,
    );
    text(
        ui,
        doc,
        problems,
        "Project description",
        "Description",
        true,
        Some(MAX_DESCRIPTION_BYTES),
        |f| f.description.clone(),
        |f, v| f.description = v,
    );
    text(
        ui,
        doc,
        problems,
        "Project cover URL",
        "CoverURL",
        false,
        None,
        |f| f.cover_url.clone(),
        |f, v| f.cover_url = v,
    );
    if let Some(id) = doc.project.project_id.clone() {
        ui.horizontal(|ui| {
            ui.label(format!("Cloud project: {id}"));
            if ui.small_button("Unlink").on_hover_text("The next production creates a new cloud project").clicked() {
                doc.set_fields("Unlink cloud project", "ProjectId", |f| f.project_id = None);
                doc.seal();
            }
        });
    }
    ui.separator();
    ui.heading("Produced video (MediaMetadata)");
    text(
        ui,
        doc,
        problems,
        "Video title",
        "MediaMetadata.Title",
        false,
        Some(MAX_TITLE_BYTES),
        |f| f.media_metadata.title.clone(),
        |f, v| f.media_metadata.title = v,
    );
    text(
        ui,
        doc,
        problems,
        "Video description",
        "MediaMetadata.Description",
        true,
        Some(MAX_DESCRIPTION_BYTES),
        |f| f.media_metadata.description.clone(),
        |f, v| f.media_metadata.description = v,
    );
    text(
        ui,
        doc,
        problems,
        "Video cover URL",
        "MediaMetadata.CoverURL",
        false,
        None,
        |f| f.media_metadata.cover_url.clone(),
        |f, v| f.media_metadata.cover_url = v,
    );
    text(
        ui,
        doc,
        problems,
        "Category ID",
        "MediaMetadata.CateId",
        false,
        None,
        |f| f.media_metadata.cate_id.clone(),
        |f, v| f.media_metadata.cate_id = v,
    );
    tags_ui(ui, doc);
    show_problems(ui, problems, "MediaMetadata.Tags");
}

fn tags_ui(ui: &mut egui::Ui, doc: &mut Document) {
    let tags = doc.project.media_metadata.tags.clone();
    ui.label(format!("Tags ({}/{MAX_TAGS}, each at most {MAX_TAG_BYTES} bytes)", tags.len()));
    let mut remove = None;
    ui.horizontal_wrapped(|ui| {
        for (i, t) in tags.iter().enumerate() {
            let over = t.len() > MAX_TAG_BYTES;
            let text = egui::RichText::new(format!("{t} ✖")).color(if over {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            });
            if ui.button(text).on_hover_text(format!("{} bytes; click to remove", t.len())).clicked() {
                remove = Some(i);
            }
        }
    });
    if let Some(i) = remove {
        doc.set_fields("Remove tag", "tags-remove", |f| {
            f.media_metadata.tags.remove(i);
        });
        doc.seal();
    }
    let id = ui.scope_id().with("new-tag");
    let mut new_tag: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    let r = ui.add(egui::TextEdit::singleline(&mut new_tag).hint_text("add a tag, Enter").desired_width(f32::INFINITY));
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New tag"));
    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        // Commas separate tags in the API: typing "a, b" adds two.
        let added: Vec<String> = new_tag.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
        if !added.is_empty() {
            doc.set_fields("Add tag", "tags-add", |f| f.media_metadata.tags.extend(added));
            doc.seal();
        }
        new_tag.clear();
        // Enter ends a one-line field; keep typing here for the next tag instead of letting
        // the next letters reach the timeline's shortcuts.
        r.request_focus();
    }
    if crate::ui::fields::cancelled(ui, &r) {
        new_tag.clear();
    }
    ui.data_mut(|d| d.insert_temp(id, new_tag));
}

const PRESETS: [(&str, Option<(u32, u32)>); 5] = [
    ("Same as source", None),
    ("1920x1080", Some((1920, 1080))),
    ("1280x720", Some((1280, 720))),
    ("1080x1920", Some((1080, 1920))),
    ("720x1280", Some((720, 1280))),
];

pub fn output_form_ui(ui: &mut egui::Ui, doc: &mut Document, problems: &[Problem]) {
    ui.heading("Output (ProduceConfig)");
    let region = doc.project.region.clone();
    ui.horizontal(|ui| {
        let l = ui.label("Region");
        egui::ComboBox::from_id_salt("region")
            .selected_text(&region)
            .show_ui(ui, |ui| {
                for r in REGIONS {
                    if ui.selectable_label(r.id == region, format!("{} ({})", r.id, r.name)).clicked() && r.id != region
                    {
                        doc.set_fields("Change region", "Region", |f| f.region = r.id.to_owned());
                        doc.seal();
                    }
                }
            })
            .response
            .labelled_by(l.id);
    });
    frame_rate_ui(ui, doc);
    let required = region != crate::model::project::DEFAULT_REGION;
    text(
        ui,
        doc,
        problems,
        if required {
            "Storage location (required in this region)"
        } else {
            "Storage location (optional in cn-shanghai)"
        },
        "ProduceConfig.StorageLocation",
        false,
        None,
        |f| f.produce_config.storage_location.clone(),
        |f, v| f.produce_config.storage_location = v,
    );
    text(
        ui,
        doc,
        problems,
        "Transcoding template group ID",
        "ProduceConfig.TemplateGroupId",
        false,
        None,
        |f| f.produce_config.template_group_id.clone(),
        |f, v| f.produce_config.template_group_id = v,
    );
    text(
        ui,
        doc,
        problems,
        "Production template ID",
        "ProduceConfig.TemplateId",
        false,
        None,
        |f| f.produce_config.template_id.clone(),
        |f, v| f.produce_config.template_id = v,
    );

    ui.label("Output size");
    let current = (doc.project.produce_config.width, doc.project.produce_config.height);
    ui.horizontal_wrapped(|ui| {
        for (name, size) in PRESETS {
            let on = match size {
                None => current == (None, None),
                Some((w, h)) => current == (Some(w), Some(h)),
            };
            if ui.selectable_label(on, name).clicked() && !on {
                doc.set_fields("Output size", "size-preset", |f| {
                    f.produce_config.width = size.map(|s| s.0);
                    f.produce_config.height = size.map(|s| s.1);
                });
                doc.seal();
            }
        }
    });
    let dim = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
    for (label, key, is_w) in
        [("Width (px)", "ProduceConfig.Width", true), ("Height (px)", "ProduceConfig.Height", false)]
    {
        let id = ui.scope_id().with(key);
        let stored = dim(if is_w { current.0 } else { current.1 });
        let mut t: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or(stored.clone());
        let r = ui.horizontal(|ui| {
            ui.label(label);
            ui.add(egui::TextEdit::singleline(&mut t).desired_width(80.0))
        });
        let r = r.inner;
        let name = label.to_owned();
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
        if r.has_focus() {
            ui.data_mut(|d| d.insert_temp(id, t.clone()));
            let parsed = if t.trim().is_empty() { Ok(None) } else { t.trim().parse::<u32>().map(Some) };
            match parsed {
                Ok(v) if v != if is_w { current.0 } else { current.1 } => doc.set_fields("Output size", key, |f| {
                    if is_w { f.produce_config.width = v } else { f.produce_config.height = v }
                }),
                Ok(_) => {}
                Err(_) => {
                    ui.colored_label(ui.visuals().error_fg_color, "a whole number of pixels");
                }
            }
        } else {
            ui.data_mut(|d| d.remove::<String>(id));
        }
        if r.lost_focus() {
            doc.seal();
        }
        show_problems(ui, problems, key);
    }
    text(ui, doc, problems, "AppId", "AppId", false, None, |f| f.app_id.clone(), |f, v| f.app_id = v);

    ui.separator();
    ui.heading("Callback and custom data (UserData)");
    text(
        ui,
        doc,
        problems,
        "Callback URL",
        "UserData.MessageCallback.CallbackURL",
        false,
        None,
        |f| f.user_data.callback_url.clone(),
        |f, v| f.user_data.callback_url = v,
    );
    let mut kind = Some(doc.project.user_data.callback_type.clone()).filter(|t| !t.is_empty());
    if super::fields::choice(ui, "Callback type", &mut kind, &["http"]) {
        doc.set_fields("Callback type", "UserData.MessageCallback.CallbackType", |f| {
            f.user_data.callback_type = kind.unwrap_or_default()
        });
        doc.seal();
    }
    show_problems(ui, problems, "UserData.MessageCallback.CallbackType");
    ui.label(
        egui::RichText::new(
            "A per-job callback can only be http, and only works when HTTP callbacks are enabled in the VOD console.",
        )
        .weak(),
    );
    text(
        ui,
        doc,
        problems,
        "Extend (JSON)",
        "UserData.Extend",
        true,
        Some(MAX_EXTEND_BYTES),
        |f| f.user_data.extend.clone(),
        |f, v| f.user_data.extend = v,
    );
    let ext = doc.project.user_data.extend.trim().to_owned();
    if !ext.is_empty() {
        match serde_json::from_str::<serde_json::Value>(&ext) {
            Ok(_) => ui.colored_label(ui.visuals().weak_text_color(), "valid JSON"),
            Err(e) => ui.colored_label(ui.visuals().error_fg_color, format!("not JSON: {e}")),
        };
    }
    show_problems(ui, problems, "UserData");
}

/// The editing frame rate: every edit lands on its frames. VOD's ProduceConfig has no frame
/// rate, so this is the user's to set (to the sources' rate); 25 until then.
fn frame_rate_ui(ui: &mut egui::Ui, doc: &mut Document) {
    let current = doc.project.frame_rate;
    ui.horizontal(|ui| {
        let l = ui.label("Editing frame rate");
        egui::ComboBox::from_id_salt("frame-rate")
            .selected_text(format!("{} fps", current.label()))
            .show_ui(ui, |ui| {
                for r in crate::model::FrameRate::COMMON {
                    if ui.selectable_label(r == current, format!("{} fps", r.label())).clicked() && r != current {
                        doc.set_fields("Change frame rate", "FrameRate", |f| f.frame_rate = r);
                        doc.seal();
                    }
                }
            })
            .response
            .labelled_by(l.id)
            .on_hover_text(
                "Moves, trims, splits, pastes and the playhead land on this rate's frames. VOD does not \
                 take an output frame rate, so set your sources' rate (25 by default).",
            );
    });
}
