//! The inspector: every documented field of the selected clip and of its effects. Each
//! change is one undo step (typing into one field merges into a single step).

use super::fields::{
    FieldResult, choice, choice_shown, colour_field, geometry_check, length_field, non_negative, num_field,
    positive_whole, text_field, time_field, unit_check,
};
use crate::edit::document::Document;
use crate::i18n::Clock;
use crate::model::TrackKind;
use crate::model::validate::ALIGNMENTS;
use crate::model::wire::{Clip, Effect, EffectKind, FontFace, KnownEffect, Num};
use crate::t;

pub fn inspector_ui(ui: &mut egui::Ui, doc: &mut Document) -> Option<String> {
    let Some((r, clip)) = doc.single_selected() else {
        ui.label(match doc.selection.len() {
            0 => t!("forms-select-a-clip"),
            n => t!("forms-clips-selected", n = n),
        });
        return None;
    };
    let track = &doc.project().tracks[r.track];
    let kind = track.kind;
    let (n, name) = (r.index + 1, track.name.as_str());
    let heading = match kind {
        TrackKind::Video => t!("forms-clip-heading-video", n = n, track = name),
        TrackKind::Audio => t!("forms-clip-heading-audio", n = n, track = name),
        TrackKind::Image => t!("forms-clip-heading-image", n = n, track = name),
        TrackKind::Subtitle => t!("forms-clip-heading-subtitle", n = n, track = name),
    };
    ui.label(egui::RichText::new(heading).strong());
    if track.locked {
        ui.colored_label(ui.visuals().warn_fg_color, t!("forms-track-locked"));
    }
    template_slots(ui, doc.project(), clip);
    let mut c = clip.clone();
    let fr = crate::i18n::Clock::of(doc.project().frame_rate);
    // The source's known length bounds In and Out, as it bounds a trim by dragging.
    let length = clip.material_id().and_then(|id| doc.project().media_durations().get(id).copied());
    let mut key = String::new();
    let mut sealed = false;
    let note = |field: &str, res: FieldResult, key: &mut String, sealed: &mut bool| {
        if res.changed {
            *key = field.to_owned();
        }
        if res.cancelled {
            *key = format!("cancel:{field}");
        }
        *sealed |= res.lost_focus;
    };
    egui::ScrollArea::vertical().id_salt("inspector").show(ui, |ui| {
        match kind {
            TrackKind::Image => {
                note("ImageId", text_field(ui, "ImageId", &mut c.image_id, |_| Ok(())), &mut key, &mut sealed)
            }
            TrackKind::Subtitle => {}
            _ => note("MediaId", text_field(ui, "MediaId", &mut c.media_id, |_| Ok(())), &mut key, &mut sealed),
        }
        if kind == TrackKind::Video && choice_shown(ui, "Type", &mut c.r#type, &["Video", "Image"], shown_value) {
            key = "Type".into();
        }
        if matches!(kind, TrackKind::Video | TrackKind::Audio) {
            note("In", time_field(ui, "In", &mut c.r#in, fr, length), &mut key, &mut sealed);
            note("Out", time_field(ui, "Out", &mut c.out, fr, length), &mut key, &mut sealed);
        }
        note("TimelineIn", time_field(ui, "TimelineIn", &mut c.timeline_in, fr, None), &mut key, &mut sealed);
        note("TimelineOut", time_field(ui, "TimelineOut", &mut c.timeline_out, fr, None), &mut key, &mut sealed);
        if kind != TrackKind::Audio {
            let area = &mut *c.area;
            // i18n-exempt: X and Y are the API's field names
            for (name, v) in
                [("X", &mut area.x), ("Y", &mut area.y), ("Width", &mut area.width), ("Height", &mut area.height)]
            {
                if kind == TrackKind::Subtitle && matches!(name, "Width" | "Height") {
                    continue;
                }
                note(name, num_field(ui, name, v, geometry_check), &mut key, &mut sealed);
            }
        }
        if kind == TrackKind::Subtitle {
            subtitle_fields(ui, &mut c, &mut key, &mut sealed);
        }
        ui.separator();
        effects_ui(ui, &mut c, kind, fr, &mut key, &mut sealed);
    });
    let mut message = None;
    if let Some(field) = key.strip_prefix("cancel:") {
        // Esc: back to what the field held before typing began.
        doc.cancel_typing(&format!("clip:{}:{}:{field}", r.track, r.index));
    } else if key == "effect:Duration"
        && let Some(want) = crate::model::project::transition_length(&c)
        && crate::edit::transition::length_range(doc.project(), r.track, r.index).is_ok()
    {
        // A transition's length moves the next clip and is bounded by both clips, as its
        // handle on the timeline is.
        let merge = format!("clip:{}:{}:{key}", r.track, r.index);
        match doc.type_transition_length(r, &merge, want) {
            Ok(d) if d != want => message = Some(t!("forms-transition-clamped", length = fr.length(d))),
            Ok(_) | Err(crate::edit::ops::Refused::Nothing) => {}
            Err(e) => message = Some(e.to_string()),
        }
    } else if !key.is_empty() && c != *clip {
        let merge = format!("clip:{}:{}:{key}", r.track, r.index);
        if let Err(e) = doc.set_clip(r, &merge, c) {
            message = Some(e.to_string());
        }
    }
    if sealed {
        doc.seal();
    }
    message
}

/// A clip of a template (`vodcut batch`): its `{{slots}}`, each with the field it is in and its
/// sample value, so the placeholder is plain to see and what the rows fill.
fn template_slots(ui: &mut egui::Ui, project: &crate::model::Project, clip: &Clip) {
    let slots = crate::template::clip_slots(clip);
    if slots.is_empty() {
        return;
    }
    let samples = crate::template::samples_of(project);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(egui::RichText::new(t!("forms-template-clip")).strong());
        for (field, name) in &slots {
            let line = match samples.get(name) {
                Some(v) => t!("forms-template-slot", name = name.as_str(), field = field.as_str(), sample = v.as_str()),
                None => t!("forms-template-slot-no-sample", name = name.as_str(), field = field.as_str()),
            };
            ui.label(line);
        }
    });
}

fn subtitle_fields(ui: &mut egui::Ui, c: &mut Clip, key: &mut String, sealed: &mut bool) {
    ui.horizontal(|ui| {
        // In the column of the other fields' labels, as wide as the panel leaves.
        let l = ui.add_sized([110.0, 18.0], egui::Label::new(t!("forms-subtitle-text")).truncate());
        let mut text = c.content.clone().unwrap_or_default();
        let width = (ui.available_width() - ui.spacing().item_spacing.x).clamp(60.0, 220.0);
        let r = ui.add(egui::TextEdit::multiline(&mut text).desired_rows(2).desired_width(width)).labelled_by(l.id);
        if r.changed() {
            c.content = Some(text);
            *key = "Content".into();
        }
        if super::fields::cancelled(ui, &r) {
            // i18n-exempt: an undo merge key, never shown
            *key = "cancel:Content".into();
        }
        *sealed |= r.lost_focus();
    });
    let style = &mut *c.style;
    text_style(
        ui,
        &mut style.font,
        &mut style.font_size,
        &mut style.font_color,
        &mut style.font_color_opacity,
        &mut style.alignment,
        &mut style.font_face,
        key,
        sealed,
    );
    super::text_style::text_params_ui(ui, &mut c.extra, "", key, sealed);
}

#[allow(clippy::too_many_arguments)]
fn text_style(
    ui: &mut egui::Ui,
    font: &mut Option<String>,
    size: &mut Option<Num>,
    colour: &mut Option<String>,
    opacity: &mut Option<Num>,
    alignment: &mut Option<String>,
    face: &mut Option<FontFace>,
    key: &mut String,
    sealed: &mut bool,
) {
    let fonts: Vec<&str> = crate::model::effects::Family::Font.entries().map(|e| e.id).collect();
    if choice(ui, "Font", font, &fonts) {
        *key = "Font".into();
    }
    let mut note = |k: &str, r: FieldResult| {
        if r.changed {
            *key = k.into();
        }
        if r.cancelled {
            *key = format!("cancel:{k}");
        }
        *sealed |= r.lost_focus;
    };
    note("FontSize", num_field(ui, "FontSize", size, positive_whole));
    note("FontColor", colour_field(ui, "FontColor", colour));
    note("FontColorOpacity", num_field(ui, "FontColorOpacity", opacity, unit_check));
    if choice_shown(ui, "Alignment", alignment, &ALIGNMENTS, shown_value) {
        *key = "Alignment".into();
    }
    let mut f = face.clone().unwrap_or_default();
    let before = f.clone();
    ui.horizontal(|ui| {
        for (name, v) in [("Bold", &mut f.bold), ("Italic", &mut f.italic), ("Underline", &mut f.underline)] {
            let mut on = v.unwrap_or(false);
            if ui.checkbox(&mut on, name).changed() {
                *v = Some(on);
            }
        }
    });
    if f != before {
        *face = Some(f);
        *key = "FontFace".into();
    }
}

fn effects_ui(ui: &mut egui::Ui, c: &mut Clip, kind: TrackKind, fr: Clock, key: &mut String, sealed: &mut bool) {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(t!("forms-effects-heading", n = c.effects.len())).strong());
        // The icon is egui's own glyph, the same in every language.
        ui.menu_button(format!("➕ {}", t!("forms-add-effect")), |ui| {
            for k in EffectKind::ALL {
                let fits = kind != TrackKind::Audio || k == EffectKind::Volume;
                if ui.add_enabled(fits, egui::Button::new(k.wire_name())).clicked() {
                    c.effects.push(new_effect(k));
                    *key = "Effects".into();
                    // Scroll the new effect into view on the next frame.
                    ui.data_mut(|d| d.insert_temp(egui::Id::unique("inspector-new-effect"), c.effects.len() - 1));
                }
            }
        });
    });
    let mut remove = None;
    let mut swap = None;
    let n = c.effects.len();
    let scroll_to: Option<usize> = ui.data_mut(|d| d.remove_temp(egui::Id::unique("inspector-new-effect")));
    for (i, e) in c.effects.iter_mut().enumerate() {
        ui.push_id(("effect", i), |ui| {
            let header = egui::CollapsingHeader::new(format!("{}. {}", i + 1, e.type_name())).default_open(true).show(
                ui,
                |ui| {
                    ui.horizontal(|ui| {
                        if i > 0 && ui.small_button("⏶").on_hover_text(t!("forms-move-up")).clicked() {
                            swap = Some((i, i - 1));
                        }
                        if i + 1 < n && ui.small_button("⏷").on_hover_text(t!("forms-move-down")).clicked() {
                            swap = Some((i, i + 1));
                        }
                        if ui.small_button(t!("forms-remove-effect")).clicked() {
                            remove = Some(i);
                        }
                    });
                    match e {
                        Effect::Known(k) => effect_fields(ui, k, fr, key, sealed),
                        Effect::Other(m) => {
                            ui.label(t!("forms-unknown-effect"));
                            ui.monospace(m.to_json_text());
                        }
                    }
                },
            );
            if scroll_to == Some(i) {
                header.header_response.scroll_to_me(Some(egui::Align::TOP));
            }
        });
    }
    if let Some(i) = remove {
        c.effects.remove(i);
        *key = "Effects".into();
    }
    if let Some((a, b)) = swap {
        c.effects.swap(a, b);
        *key = "Effects".into();
    }
}

/// DeWatermark's one documented SubType.
// i18n-exempt: the API's value, shown through shown_value
const DELOGO: [&str; 1] = ["Delogo_Blur"];

fn effect_fields(ui: &mut egui::Ui, e: &mut KnownEffect, fr: Clock, key: &mut String, sealed: &mut bool) {
    let kind = EffectKind::from_wire(&e.r#type);
    let mut note = |k: &str, r: FieldResult, key: &mut String| {
        if r.changed {
            *key = format!("effect:{k}");
        }
        if r.cancelled {
            *key = format!("cancel:effect:{k}");
        }
        *sealed |= r.lost_focus;
    };
    match kind {
        Some(EffectKind::DeWatermark) if choice_shown(ui, "SubType", &mut e.sub_type, &DELOGO, shown_value) => {
            // i18n-exempt: an undo merge key, never shown
            *key = "effect:SubType".into();
        }
        Some(EffectKind::Background) => {
            if choice_shown(ui, "SubType", &mut e.sub_type, &["Blur", "Color"], shown_value) {
                // i18n-exempt: an undo merge key, never shown
                *key = "effect:SubType".into();
            }
            note("Radius", num_field(ui, "Radius", &mut e.radius, unit_check), key);
            note("Color", colour_field(ui, "Color", &mut e.color), key);
        }
        Some(EffectKind::Vfx) | Some(EffectKind::Transition) => {
            note(
                "SubType",
                text_field(ui, "SubType", &mut e.sub_type, |s| {
                    if s.trim().is_empty() { Err(t!("forms-required")) } else { Ok(()) }
                }),
                key,
            );
            if kind == Some(EffectKind::Transition) {
                note("Duration", length_field(ui, "Duration", &mut e.duration, fr), key);
            }
        }
        Some(EffectKind::Volume) => note("Gain", num_field(ui, "Gain", &mut e.gain, non_negative), key),
        _ => {}
    }
    // "Effect In": the clip's own In sits above, and each field needs its own name.
    note("In", time_field(ui, &t!("forms-effect-field", field = "In"), &mut e.r#in, fr, None), key);
    note("Out", time_field(ui, &t!("forms-effect-field", field = "Out"), &mut e.out, fr, None), key);
    let label = t!("forms-effect-field", field = "TimelineIn");
    note("TimelineIn", time_field(ui, &label, &mut e.timeline_in, fr, None), key);
    let label = t!("forms-effect-field", field = "TimelineOut");
    note("TimelineOut", time_field(ui, &label, &mut e.timeline_out, fr, None), key);
    if matches!(kind, Some(EffectKind::Text | EffectKind::DeWatermark)) {
        // i18n-exempt: X and Y are the API's field names
        for (name, v) in [("X", &mut e.x), ("Y", &mut e.y), ("Width", &mut e.width), ("Height", &mut e.height)] {
            note(name, num_field(ui, &t!("forms-effect-field", field = name), v, geometry_check), key);
        }
    }
    if kind == Some(EffectKind::Text) {
        let r = text_field(ui, &t!("forms-effect-text"), &mut e.content, |_| Ok(()));
        note("Content", r, key);
        text_style(
            ui,
            &mut e.font,
            &mut e.font_size,
            &mut e.font_color,
            &mut e.font_color_opacity,
            &mut e.alignment,
            &mut e.font_face,
            key,
            sealed,
        );
        super::text_style::text_params_ui(ui, &mut e.extra, "effect:", key, sealed);
    }
}

/// A new effect with values that show something: a Text effect reads "New text", white,
/// 36 px, centred near the top, rather than an invisible empty caption; a DeWatermark covers
/// the top right corner.
fn new_effect(k: EffectKind) -> Effect {
    let mut e = Effect::new(k);
    // A DeWatermark starts over the top right corner, where a logo usually is, so its box
    // shows in the preview to be placed by hand.
    if k == EffectKind::DeWatermark
        && let Effect::Known(d) = &mut e
    {
        (d.x, d.y, d.width, d.height) = (Num::float(0.75), Num::float(0.05), Num::float(0.2), Num::float(0.1));
    }
    if k == EffectKind::Text
        && let Effect::Known(t) = &mut e
    {
        // The caption is the user's to rewrite, so it starts in their language.
        t.content = Some(t!("forms-new-text"));
        t.font_size = Some(Num::int(36));
        // i18n-exempt: a colour value
        t.font_color = Some("#FFFFFF".into());
        t.alignment = Some("TopCenter".into());
        t.x = Num::float(0.5);
        t.y = Num::float(0.1);
    }
    e
}

/// An API value of a choice as the user reads it: the words in their language, the API's
/// own names (fonts) as they are.
fn shown_value(v: &str) -> String {
    match v {
        "Video" => t!("forms-value-video"),
        "Image" => t!("forms-value-image"),
        "Blur" => t!("forms-value-blur"),
        "Color" => t!("forms-value-color"),
        "Delogo_Blur" => t!("forms-value-delogo-blur"),
        "BottomLeft" => t!("forms-align-bottom-left"),
        "BottomCenter" => t!("forms-align-bottom-center"),
        "BottomRight" => t!("forms-align-bottom-right"),
        "CenterLeft" => t!("forms-align-center-left"),
        "CenterCenter" => t!("forms-align-center"),
        "CenterRight" => t!("forms-align-center-right"),
        "TopLeft" => t!("forms-align-top-left"),
        "TopCenter" => t!("forms-align-top-center"),
        "TopRight" => t!("forms-align-top-right"),
        other => other.to_owned(),
    }
}
