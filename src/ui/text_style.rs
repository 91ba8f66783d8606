//! The inspector's text style fields beyond every text's (font, size, colour, alignment): the
//! documented subtitle fields, motions in/out/loop and word art of `model::effects::params`,
//! for a subtitle clip and a Text effect alike. Motions and word art are chosen from their
//! catalogue in a list searchable in both languages; numbers, colours and choices are typed
//! and checked against their documented form. A value the documents do not list (read from a
//! file) is kept as written and shown with a warning; nothing here rewrites it.

use super::fields::{FieldResult, choice_shown, colour_field, num_field};
use crate::model::effects::params::{Kind, Misfit, Param, TEXT_PARAMS, check};
use crate::model::effects::{Entry, Family, search};
use crate::model::json::Extra;
use crate::model::wire::Num;
use crate::t;

/// Width of the labels, as the other fields' (`fields::text_row`).
const LABEL_W: f32 = 110.0;

/// The fields of `extra`, each change named in `key` as `{prefix}{field}` (the inspector's undo
/// merge key), a field left in `sealed`.
pub fn text_params_ui(ui: &mut egui::Ui, extra: &mut Extra, prefix: &str, key: &mut String, sealed: &mut bool) {
    ui.add_space(4.0);
    ui.label(egui::RichText::new(t!("forms-text-style-heading")).strong());
    for p in TEXT_PARAMS {
        ui.horizontal(|ui| {
            // A column for the mark of a field the documents are unsure of.
            let (mark, _) = ui.allocate_exact_size(egui::vec2(8.0, 18.0), egui::Sense::hover());
            if !p.evidence.is_sure() {
                let r = ui.interact(mark, ui.scope_id().with(("unsure", p.key)), egui::Sense::hover());
                ui.painter().text(
                    mark.center(),
                    egui::Align2::CENTER_CENTER,
                    "?",
                    egui::FontId::proportional(11.0),
                    ui.visuals().weak_text_color(),
                );
                r.on_hover_text(t!("forms-param-unsure", field = p.key));
            }
            let r = param_field(ui, p, extra);
            if r.changed {
                *key = format!("{prefix}{}", p.key);
            }
            if r.cancelled {
                *key = format!("cancel:{prefix}{}", p.key);
            }
            *sealed |= r.lost_focus;
        });
    }
}

fn param_field(ui: &mut egui::Ui, p: &Param, extra: &mut Extra) -> FieldResult {
    let unchanged = FieldResult { changed: false, lost_focus: false, cancelled: false };
    match p.kind {
        Kind::Catalogue(family) => {
            let mut value = extra.get_str(p.key);
            let changed = catalogue_choice(ui, p.key, family, &mut value);
            if changed {
                extra.set_value(p.key, value.map(serde_json::Value::String).as_ref());
            }
            FieldResult { changed, ..unchanged }
        }
        Kind::Colour => {
            let mut value = extra.get_str(p.key);
            let r = colour_field(ui, p.key, &mut value);
            if r.changed {
                extra.set_value(p.key, value.map(serde_json::Value::String).as_ref());
            }
            r
        }
        Kind::Choice(options) => {
            // Numbers (BorderStyle) are read and written as numbers.
            let mut value = extra.get_value(p.key).map(|v| match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            });
            let changed = choice_shown(ui, p.key, &mut value, options, shown_choice);
            if changed {
                let json = value.map(|v| match v.parse::<i64>() {
                    Ok(n) => serde_json::Value::from(n),
                    Err(_) => serde_json::Value::String(v),
                });
                extra.set_value(p.key, json.as_ref());
            }
            FieldResult { changed, ..unchanged }
        }
        Kind::Int { .. } | Kind::Float { .. } | Kind::Position => {
            let raw = extra.get(p.key).map(|r| r.get().to_owned());
            let mut value = raw.as_deref().and_then(|r| Num::parse(r.trim_matches('"')));
            if let (Some(raw), None) = (&raw, &value) {
                // Not a number (as read from a file): kept as it is until a number is typed.
                ui.colored_label(ui.visuals().warn_fg_color, format!("{} {raw}", p.key))
                    .on_hover_text(t!("forms-not-a-number"));
                return unchanged;
            }
            let kind = p.kind;
            let r = num_field(ui, p.key, &mut value, |n| {
                let json = serde_json::Value::Number(n.number.clone());
                check(kind, &json).map_or(Ok(()), |m| Err(misfit_words(m)))
            });
            if r.changed {
                extra.set_value(p.key, value.map(|n| serde_json::Value::Number(n.number)).as_ref());
            }
            r
        }
    }
}

/// What is wrong with a typed value, in the user's language.
fn misfit_words(m: Misfit) -> String {
    match m {
        Misfit::NotANumber => t!("forms-not-a-number"),
        Misfit::NotWhole => t!("forms-whole-number"),
        Misfit::Below(min) => t!("forms-at-least", min = min),
        Misfit::Above(max) => t!("forms-at-most", max = max),
        Misfit::NotColour => t!("forms-hex-colour"),
        Misfit::NotPosition => t!("forms-ratio-or-pixels"),
        Misfit::NotOneOf(list) => t!("forms-one-of", list = list.join(", ")),
    }
}

/// The values of a choice as the user reads them.
fn shown_choice(v: &str) -> String {
    match v {
        "1" => t!("forms-border-outline"),
        "3" => t!("forms-border-box"),
        other => other.to_owned(),
    }
}

/// How an entry of the catalogue reads in the list and on the button: its name in the
/// user's language and its value as sent.
fn entry_text(family: Family, id: &str) -> Option<String> {
    let zh = crate::i18n::current() == crate::i18n::Lang::Zh;
    family.find(id).map(|e| if e.name(zh) == e.id { e.id.to_owned() } else { format!("{} · {}", e.name(zh), e.id) })
}

/// A value of a catalogue family (motions, word art) from a list searchable in both languages
/// (by name, value or category, as the Effects panel searches). A value the documents do not
/// list shows as written, marked; one typed in the search box can be used as written.
pub fn catalogue_choice(ui: &mut egui::Ui, label: &str, family: Family, value: &mut Option<String>) -> bool {
    let mut changed = false;
    let l = ui.add_sized([LABEL_W, 18.0], egui::Label::new(label).truncate());
    let unknown = value.as_deref().is_some_and(|v| family.find(v).is_none());
    let shown = match value.as_deref() {
        None => t!("forms-default"),
        Some(v) => entry_text(family, v).unwrap_or_else(|| t!("forms-value-not-documented", value = v)),
    };
    let query_id = ui.make_persistent_id(("catalogue-query", label));
    let width = (ui.available_width() - ui.spacing().item_spacing.x).clamp(60.0, 150.0);
    // The button keeps to the width of the fields beside it, a long value cut short.
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    let combo = ui
        .allocate_ui(size, |ui| {
            egui::ComboBox::from_id_salt(("catalogue", label))
                .selected_text(egui::RichText::new(shown).color(if unknown {
                    ui.visuals().warn_fg_color
                } else {
                    ui.visuals().text_color()
                }))
                .width(width)
                .truncate()
                .height(320.0)
                .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
                .show_ui(ui, |ui| {
                    let mut query: String = ui.data_mut(|d| d.get_temp(query_id)).unwrap_or_default();
                    let search_box = ui.add(
                        egui::TextEdit::singleline(&mut query)
                            .hint_text(t!("effects-search-hint"))
                            .desired_width(f32::INFINITY),
                    );
                    search_box.request_focus();
                    ui.data_mut(|d| d.insert_temp(query_id, query.clone()));
                    // What was picked: None for nothing, Some(None) for the default (unset).
                    let mut picked: Option<Option<String>> = None;
                    if ui.selectable_label(value.is_none(), t!("forms-default")).clicked() {
                        picked = Some(None);
                    }
                    let q = query.trim();
                    let found = search(family, &query);
                    // Offered unless the query names an entry (by its value or a name).
                    let names = |e: &&&Entry| [e.id, e.zh, e.en].iter().any(|n| n.eq_ignore_ascii_case(q));
                    if !q.is_empty()
                        && !found.iter().any(|e| names(&e))
                        && ui.selectable_label(false, t!("forms-use-as-written", value = q)).clicked()
                    {
                        // An id the documents do not list (a newer one): sent as typed, warned.
                        picked = Some(Some(q.to_owned()));
                    }
                    for e in found {
                        let text = entry_text(family, e.id).unwrap_or_else(|| e.id.to_owned());
                        let mut r = ui.selectable_label(value.as_deref() == Some(e.id), text);
                        if !e.evidence.is_sure() {
                            r = r.on_hover_text(t!("effects-unsure-tip"));
                        }
                        if r.clicked() {
                            picked = Some(Some(e.id.to_owned()));
                        }
                    }
                    if let Some(v) = picked {
                        changed = *value != v;
                        *value = v;
                        ui.data_mut(|d| d.remove::<String>(query_id));
                        ui.close();
                    }
                })
        })
        .inner;
    let r = combo.response.labelled_by(l.id);
    if unknown && let Some(v) = value.as_deref() {
        r.on_hover_text(t!("forms-value-not-documented-tip", value = v));
    }
    changed
}
