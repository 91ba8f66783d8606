//! The project metadata form and the output (ProduceConfig, UserData) form. Every change is
//! undoable (typing into one field is one step); limits are counted live in UTF-8 bytes and
//! problems show beside their field.

use crate::api::region::REGIONS;
use crate::edit::ProjectFields;
use crate::edit::document::Document;
use crate::model::validate::{
    MAX_DESCRIPTION_BYTES, MAX_EXTEND_BYTES, MAX_TAG_BYTES, MAX_TAGS, MAX_TITLE_BYTES, Problem,
};
use crate::t;
use crate::ui::pickers::{Asked, picker};

/// Problems of `field`, as sentences.
fn problems_of<'a>(problems: &'a [Problem], field: &str) -> impl Iterator<Item = &'a Problem> {
    problems.iter().filter(move |p| p.location.track.is_none() && p.location.field == Some(field))
}

fn show_problems(ui: &mut egui::Ui, problems: &[Problem], field: &str, project: &crate::model::Project) {
    for p in problems_of(problems, field) {
        let c = if p.severity == crate::model::validate::Severity::Error {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().warn_fg_color
        };
        ui.colored_label(c, crate::i18n::describe::message(p, project));
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
    text_with(ui, doc, problems, label, key, multiline, limit, get, set, |_| {});
}

/// As [`text`], with `beside` drawn after the label (a picker), in the same row.
#[allow(clippy::too_many_arguments)]
fn text_with(
    ui: &mut egui::Ui,
    doc: &mut Document,
    problems: &[Problem],
    label: &str,
    key: &str,
    multiline: bool,
    limit: Option<usize>,
    get: impl Fn(&ProjectFields) -> String,
    set: impl Fn(&mut ProjectFields, String),
    beside: impl FnOnce(&mut egui::Ui),
) {
    let fields = ProjectFields::of(doc.project());
    let mut value = get(&fields);
    let l = ui
        .horizontal(|ui| {
            let l = ui.label(label);
            if let Some(max) = limit {
                // UTF-8 bytes, as the service counts them (a Chinese character is 3).
                let n = value.len();
                let colour = if n > max { ui.visuals().error_fg_color } else { ui.visuals().weak_text_color() };
                ui.colored_label(colour, t!("forms-bytes", n = n, max = max));
            }
            beside(ui);
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
        doc.set_fields(&t!("forms-undo-edit", field = label), key, |f| set(f, value));
    }
    if crate::ui::fields::cancelled(ui, &r) {
        doc.cancel_typing(key);
    }
    if r.lost_focus() {
        doc.seal();
    }
    show_problems(ui, problems, key, doc.project());
}

/// The account's lists as the forms' pickers see them.
pub struct Lists<'a> {
    pub account: &'a crate::core::cloud::AccountState,
    /// An asking is going.
    pub loading: bool,
}

/// A value chosen in a picker, set as typing it would (one undo step).
fn picked(doc: &mut Document, label: &str, key: &str, set: impl FnOnce(&mut ProjectFields)) {
    doc.set_fields(&t!("forms-undo-edit", field = label), key, set);
    doc.seal();
}

pub fn project_form_ui(ui: &mut egui::Ui, doc: &mut Document, problems: &[Problem], lists: &Lists) -> Asked {
    let mut asked = Asked::default();
    ui.heading(t!("forms-project"));
    text(
        ui,
        doc,
        problems,
        &t!("forms-project-title"),
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
        &t!("forms-project-description"),
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
        &t!("forms-project-cover"),
        "CoverURL",
        false,
        None,
        |f| f.cover_url.clone(),
        |f, v| f.cover_url = v,
    );
    if let Some(id) = doc.project().project_id.clone() {
        ui.horizontal(|ui| {
            ui.label(t!("forms-cloud-project", id = id.as_str()));
            if ui.small_button(t!("forms-unlink")).on_hover_text(t!("forms-unlink-hint")).clicked() {
                doc.set_fields(&t!("forms-undo-unlink"), "ProjectId", |f| f.project_id = None);
                doc.seal();
            }
        });
    }
    ui.separator();
    ui.heading(t!("forms-produced-video"));
    text(
        ui,
        doc,
        problems,
        &t!("forms-video-title"),
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
        &t!("forms-video-description"),
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
        &t!("forms-video-cover"),
        "MediaMetadata.CoverURL",
        false,
        None,
        |f| f.media_metadata.cover_url.clone(),
        |f, v| f.media_metadata.cover_url = v,
    );
    let region = doc.project().region.clone();
    let mut chosen = None;
    text_with(
        ui,
        doc,
        problems,
        &t!("forms-category-id"),
        "MediaMetadata.CateId",
        false,
        None,
        |f| f.media_metadata.cate_id.clone(),
        |f, v| f.media_metadata.cate_id = v,
        |ui| {
            let (button, items) = (t!("forms-pick-category"), crate::ui::pickers::category_items);
            chosen = picker(ui, &button, lists.account, &region, lists.loading, items, &mut asked);
        },
    );
    if let Some(v) = chosen {
        picked(doc, &t!("forms-category-id"), "MediaMetadata.CateId", |f| f.media_metadata.cate_id = v);
    }
    // The category's place in the tree, where the lists know it.
    let path = (lists.account.lists.as_ref())
        .zip(doc.project().media_metadata.cate_id.trim().parse::<i64>().ok())
        .and_then(|(l, id)| l.category_path(id));
    if let Some(path) = path {
        ui.label(egui::RichText::new(path).weak());
    }
    tags_ui(ui, doc);
    show_problems(ui, problems, "MediaMetadata.Tags", doc.project());
    asked
}

fn tags_ui(ui: &mut egui::Ui, doc: &mut Document) {
    let tags = doc.project().media_metadata.tags.clone();
    ui.label(t!("forms-tags", n = tags.len(), max = MAX_TAGS, bytes = MAX_TAG_BYTES));
    let mut remove = None;
    ui.horizontal_wrapped(|ui| {
        for (i, t) in tags.iter().enumerate() {
            let over = t.len() > MAX_TAG_BYTES;
            let text = egui::RichText::new(format!("{t} ✖")).color(if over {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            });
            if ui.button(text).on_hover_text(t!("forms-tag-hover", n = t.len())).clicked() {
                remove = Some(i);
            }
        }
    });
    if let Some(i) = remove {
        doc.set_fields(&t!("forms-undo-remove-tag"), "tags-remove", |f| {
            f.media_metadata.tags.remove(i);
        });
        doc.seal();
    }
    let id = ui.scope_id().with("new-tag");
    let mut new_tag: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    let r = ui
        .add(egui::TextEdit::singleline(&mut new_tag).hint_text(t!("forms-new-tag-hint")).desired_width(f32::INFINITY));
    let name = t!("forms-new-tag");
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        // Commas separate tags in the API: typing "a, b" adds two.
        let added: Vec<String> = new_tag.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
        if !added.is_empty() {
            doc.set_fields(&t!("forms-undo-add-tag"), "tags-add", |f| f.media_metadata.tags.extend(added));
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

/// The output sizes offered as one click; None is the source's own size.
const PRESETS: [Option<(u32, u32)>; 5] =
    [None, Some((1920, 1080)), Some((1280, 720)), Some((1080, 1920)), Some((720, 1280))];

pub fn output_form_ui(ui: &mut egui::Ui, doc: &mut Document, problems: &[Problem], lists: &Lists) -> Asked {
    let mut asked = Asked::default();
    ui.heading(t!("forms-output"));
    let region = doc.project().region.clone();
    ui.horizontal(|ui| {
        let l = ui.label(t!("forms-region"));
        egui::ComboBox::from_id_salt("region-choice")
            .selected_text(&region)
            .show_ui(ui, |ui| {
                for r in REGIONS {
                    if ui.selectable_label(r.id == region, format!("{} ({})", r.id, region_name(r))).clicked()
                        && r.id != region
                    {
                        doc.set_fields(&t!("forms-undo-region"), "Region", |f| f.region = r.id.to_owned());
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
        &if required {
            t!("forms-storage-required")
        } else {
            t!("forms-storage-optional", region = crate::model::project::DEFAULT_REGION)
        },
        "ProduceConfig.StorageLocation",
        false,
        None,
        |f| f.produce_config.storage_location.clone(),
        |f, v| f.produce_config.storage_location = v,
    );
    let app = doc.project().app_id.clone();
    let mut chosen = None;
    text_with(
        ui,
        doc,
        problems,
        &t!("forms-template-group"),
        "ProduceConfig.TemplateGroupId",
        false,
        None,
        |f| f.produce_config.template_group_id.clone(),
        |f, v| f.produce_config.template_group_id = v,
        |ui| {
            let items = |l: &crate::model::account::AccountLists| crate::ui::pickers::template_items(l, &app);
            let button = t!("forms-pick-template");
            chosen = picker(ui, &button, lists.account, &region, lists.loading, items, &mut asked);
        },
    );
    if let Some(v) = chosen {
        picked(doc, &t!("forms-template-group"), "ProduceConfig.TemplateGroupId", |f| {
            f.produce_config.template_group_id = v
        });
    }
    text(
        ui,
        doc,
        problems,
        &t!("forms-template"),
        "ProduceConfig.TemplateId",
        false,
        None,
        |f| f.produce_config.template_id.clone(),
        |f, v| f.produce_config.template_id = v,
    );

    ui.label(t!("forms-output-size"));
    let current = (doc.project().produce_config.width, doc.project().produce_config.height);
    ui.horizontal_wrapped(|ui| {
        for size in PRESETS {
            let name = match size {
                None => t!("forms-same-as-source"),
                Some((w, h)) => t!("forms-size-preset", w = w, h = h),
            };
            let on = match size {
                None => current == (None, None),
                Some((w, h)) => current == (Some(w), Some(h)),
            };
            if ui.selectable_label(on, name).clicked() && !on {
                doc.set_fields(&t!("forms-output-size"), "size-preset", |f| {
                    f.produce_config.width = size.map(|s| s.0);
                    f.produce_config.height = size.map(|s| s.1);
                });
                doc.seal();
            }
        }
    });
    let dim = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
    for (key, is_w) in [("ProduceConfig.Width", true), ("ProduceConfig.Height", false)] {
        let label = if is_w { t!("forms-width-px") } else { t!("forms-height-px") };
        let id = ui.scope_id().with(key);
        let stored = dim(if is_w { current.0 } else { current.1 });
        let mut t: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or(stored.clone());
        let r = ui.horizontal(|ui| {
            ui.label(&label);
            ui.add(egui::TextEdit::singleline(&mut t).desired_width(80.0))
        });
        let r = r.inner;
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
        if r.has_focus() {
            ui.data_mut(|d| d.insert_temp(id, t.clone()));
            let parsed = if t.trim().is_empty() { Ok(None) } else { t.trim().parse::<u32>().map(Some) };
            match parsed {
                Ok(v) if v != if is_w { current.0 } else { current.1 } => {
                    doc.set_fields(&t!("forms-output-size"), key, |f| {
                        if is_w { f.produce_config.width = v } else { f.produce_config.height = v }
                    })
                }
                Ok(_) => {}
                Err(_) => {
                    ui.colored_label(ui.visuals().error_fg_color, t!("forms-whole-pixels"));
                }
            }
        } else {
            ui.data_mut(|d| d.remove::<String>(id));
        }
        if r.lost_focus() {
            doc.seal();
        }
        show_problems(ui, problems, key, doc.project());
    }
    let mut chosen = None;
    let beside = |ui: &mut egui::Ui| {
        let (button, items) = (t!("forms-pick-app"), crate::ui::pickers::app_items);
        chosen = picker(ui, &button, lists.account, &region, lists.loading, items, &mut asked);
    };
    text_with(ui, doc, problems, "AppId", "AppId", false, None, |f| f.app_id.clone(), |f, v| f.app_id = v, beside);
    if let Some(v) = chosen {
        picked(doc, "AppId", "AppId", |f| f.app_id = v);
    }

    ui.separator();
    ui.heading(t!("forms-user-data"));
    text(
        ui,
        doc,
        problems,
        &t!("forms-callback-url"),
        "UserData.MessageCallback.CallbackURL",
        false,
        None,
        |f| f.user_data.callback_url.clone(),
        |f, v| f.user_data.callback_url = v,
    );
    let mut kind = Some(doc.project().user_data.callback_type.clone()).filter(|t| !t.is_empty());
    let label = t!("forms-callback-type");
    // i18n-exempt: the API's only per-job callback type
    if super::fields::choice(ui, &label, &mut kind, &["http"]) {
        doc.set_fields(&label, "UserData.MessageCallback.CallbackType", |f| {
            f.user_data.callback_type = kind.unwrap_or_default()
        });
        doc.seal();
    }
    show_problems(ui, problems, "UserData.MessageCallback.CallbackType", doc.project());
    ui.label(egui::RichText::new(t!("forms-callback-note")).weak());
    text(
        ui,
        doc,
        problems,
        &t!("forms-extend"),
        "UserData.Extend",
        true,
        Some(MAX_EXTEND_BYTES),
        |f| f.user_data.extend.clone(),
        |f, v| f.user_data.extend = v,
    );
    let ext = doc.project().user_data.extend.trim().to_owned();
    if !ext.is_empty() {
        match serde_json::from_str::<serde_json::Value>(&ext) {
            Ok(_) => ui.colored_label(ui.visuals().weak_text_color(), t!("forms-valid-json")),
            Err(e) => ui.colored_label(ui.visuals().error_fg_color, t!("forms-not-json", error = e.to_string())),
        };
    }
    show_problems(ui, problems, "UserData", doc.project());
    asked
}

/// The editing frame rate: every edit lands on its frames. VOD's ProduceConfig has no frame
/// rate, so this is the user's to set (to the sources' rate); 25 until then.
fn frame_rate_ui(ui: &mut egui::Ui, doc: &mut Document) {
    let current = doc.project().frame_rate;
    ui.horizontal(|ui| {
        let l = ui.label(t!("forms-frame-rate"));
        egui::ComboBox::from_id_salt("frame-rate")
            .selected_text(t!("forms-fps", rate = current.label()))
            .show_ui(ui, |ui| {
                for r in crate::model::FrameRate::COMMON {
                    if ui.selectable_label(r == current, t!("forms-fps", rate = r.label())).clicked() && r != current {
                        doc.set_fields(&t!("forms-undo-frame-rate"), "FrameRate", |f| f.frame_rate = r);
                        doc.seal();
                    }
                }
            })
            .response
            .labelled_by(l.id)
            .on_hover_text(t!("forms-frame-rate-hint"));
    });
}

/// A region's name in the user's language, as the console names it ("华东2（上海）").
fn region_name(r: &crate::model::regions::Region) -> String {
    crate::i18n::describe::region_name(r)
}
