//! Form fields that validate as you type: the text stays as typed, the problem shows beside
//! it, and only valid values reach the document.

use crate::i18n::Clock;
use crate::model::Time;
use crate::model::wire::Num;
use crate::t;

/// The typed text of a field, kept while it has focus.
fn buffer(ui: &egui::Ui, id: egui::Id, current: String) -> String {
    ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or(current)
}

/// What happened to a field this frame.
pub struct FieldResult {
    pub changed: bool,
    pub lost_focus: bool,
    /// Esc: the caller takes back what typing into this field did.
    pub cancelled: bool,
}

/// Esc left the field `r` this frame.
pub fn cancelled(ui: &egui::Ui, r: &egui::Response) -> bool {
    r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape))
}

/// A one-line text field with a visible label (AccessKit names it by the label).
/// The problem shows on a line of its own under the field, wrapped to the panel: beside it, a
/// long one pushed the panel wider.
fn text_row(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str, error: Option<&str>) -> egui::Response {
    ui.vertical(|ui| {
        let r = ui
            .horizontal(|ui| {
                let l = ui.add_sized([110.0, 18.0], egui::Label::new(label).truncate());
                // 150 px where there is room (a narrow panel gets a narrower field, never a wider panel).
                let width = (ui.available_width() - ui.spacing().item_spacing.x).clamp(60.0, 150.0);
                ui.add(egui::TextEdit::singleline(text).hint_text(hint).desired_width(width)).labelled_by(l.id)
            })
            .inner;
        if let Some(e) = error {
            ui.horizontal(|ui| {
                ui.add_space(110.0);
                ui.add(egui::Label::new(egui::RichText::new(e).color(ui.visuals().error_fg_color)).wrap());
            });
        }
        r
    })
    .inner
}

fn parsed_field<T: Clone + PartialEq + Send + Sync + 'static>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<T>,
    show: impl Fn(&T) -> String,
    parse: impl Fn(&str, Option<&T>) -> Result<T, String>,
    hint: &str,
) -> FieldResult {
    let id = ui.scope_id().with(("field-text", label));
    // The value when typing began: what a relative entry ("+10") moves from, however many
    // frames it is typed over.
    let began_id = id.with("began");
    let began: Option<T> = ui.data_mut(|d| d.get_temp::<Option<T>>(began_id)).unwrap_or_else(|| value.clone());
    let current = value.as_ref().map(&show).unwrap_or_default();
    let mut text = buffer(ui, id, current.clone());
    let read = |text: &str| if text.trim().is_empty() { Ok(None) } else { parse(text, began.as_ref()).map(Some) };
    let result = read(&text);
    let error = result.as_ref().err().cloned();
    let r = text_row(ui, label, &mut text, hint, error.as_deref());
    let mut changed = false;
    if r.has_focus() || r.changed() {
        ui.data_mut(|d| {
            d.insert_temp(id, text.clone());
            d.insert_temp(began_id, began.clone());
        });
        if let Ok(v) = read(&text)
            && v != *value
        {
            *value = v;
            changed = true;
        }
    } else {
        ui.data_mut(|d| {
            d.remove::<String>(id);
            d.remove::<Option<T>>(began_id);
        });
    }
    FieldResult { changed, lost_focus: r.lost_focus(), cancelled: cancelled(ui, &r) }
}

/// A time, shown as the ruler shows it (timecode, or seconds in that unit) and read as
/// Premiere reads a typed one ([`Clock::parse`]): timecode with or without colons, seconds,
/// a frame count (`137.`), or a move from the field's value (`+10` frames, `-1:00`). It lands
/// on the nearest frame boundary. Empty means "not set". `max` (a source's known length) is
/// refused past.
pub fn time_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<Time>,
    clock: Clock,
    max: Option<Time>,
) -> FieldResult {
    clock_field(ui, label, value, clock, max, |t| clock.time(t))
}

/// A length (a transition's Duration): like [`time_field`], written as a length.
pub fn length_field(ui: &mut egui::Ui, label: &str, value: &mut Option<Time>, clock: Clock) -> FieldResult {
    clock_field(ui, label, value, clock, None, |t| clock.length(t))
}

fn clock_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<Time>,
    clock: Clock,
    max: Option<Time>,
    show: impl Fn(Time) -> String,
) -> FieldResult {
    parsed_field(
        ui,
        label,
        value,
        |t| show(*t),
        |s, began| {
            let t = clock.parse(s, began.copied().unwrap_or(Time::ZERO))?;
            if t < Time::ZERO {
                return Err(t!("forms-cannot-be-negative"));
            }
            let t = clock.rate.snap(t);
            match max {
                Some(m) if t > m => Err(t!("forms-past-media-end", end = clock.length(m))),
                _ => Ok(t),
            }
        },
        &t!("forms-time-hint"),
    )
}

/// A number kept in the form it was typed (integer pixels stay integers).
pub fn num_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<Num>,
    check: impl Fn(&Num) -> Result<(), String>,
) -> FieldResult {
    parsed_field(
        ui,
        label,
        value,
        |n| n.to_string(),
        |s, _| {
            let n = Num::parse(s).ok_or_else(|| t!("forms-not-a-number"))?;
            check(&n)?;
            Ok(n)
        },
        "",
    )
}

pub fn text_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<String>,
    check: impl Fn(&str) -> Result<(), String>,
) -> FieldResult {
    parsed_field(
        ui,
        label,
        value,
        |s| s.clone(),
        |s, _| {
            check(s)?;
            Ok(s.to_owned())
        },
        "",
    )
}

/// A colour: `#RRGGBB` typed as before, with a picker beside it (its swatch shows the value;
/// an unset or unreadable one shows white, the documented default). What the picker chooses
/// is written as `#RRGGBB`.
pub fn colour_field(ui: &mut egui::Ui, label: &str, value: &mut Option<String>) -> FieldResult {
    ui.horizontal(|ui| {
        // The field leaves room for the picker's swatch in a narrow panel.
        let swatch = ui.spacing().interact_size.x + ui.spacing().item_spacing.x;
        let mut result = ui
            .scope(|ui| {
                ui.set_max_width((ui.available_width() - swatch).max(0.0));
                text_field(ui, label, value, colour_check)
            })
            .inner;
        let [r, g, b] = crate::compose::layout::colour(value.as_deref());
        let mut c = egui::Color32::from_rgb(r, g, b);
        let button = egui::color_picker::color_edit_button_srgba(ui, &mut c, egui::color_picker::Alpha::Opaque);
        let name = t!("forms-pick-colour", field = label);
        button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        let button = button.on_hover_text(&name);
        if button.changed() {
            *value = Some(format!("#{:02X}{:02X}{:02X}", c.r(), c.g(), c.b()));
            result.changed = true;
        }
        result
    })
    .inner
}

/// X/Y/Width/Height: a ratio of the frame (0..1) or whole pixels.
pub fn geometry_check(n: &Num) -> Result<(), String> {
    let v = n.value();
    if (0.0..=1.0).contains(&v) || (v > 1.0 && n.is_whole()) { Ok(()) } else { Err(t!("forms-ratio-or-pixels")) }
}

pub fn colour_check(s: &str) -> Result<(), String> {
    if crate::model::validate::is_hex_colour(s) { Ok(()) } else { Err(t!("forms-hex-colour")) }
}

pub fn unit_check(n: &Num) -> Result<(), String> {
    if (0.0..=1.0).contains(&n.value()) { Ok(()) } else { Err(t!("forms-zero-to-one")) }
}

pub fn positive_whole(n: &Num) -> Result<(), String> {
    if n.value() > 0.0 && n.is_whole() { Ok(()) } else { Err(t!("forms-whole-above-zero")) }
}

pub fn non_negative(n: &Num) -> Result<(), String> {
    if n.value() >= 0.0 { Ok(()) } else { Err(t!("forms-cannot-be-negative")) }
}

/// A choice from a fixed list (None = not set), each shown as it is sent.
pub fn choice(ui: &mut egui::Ui, label: &str, value: &mut Option<String>, options: &[&str]) -> bool {
    choice_shown(ui, label, value, options, |o| o.to_owned())
}

/// A choice from a fixed list of API values, each shown as `show` words it (a value that is
/// a human word gets the user's language; a value from a file outside the list shows as is).
pub fn choice_shown(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<String>,
    options: &[&str],
    show: impl Fn(&str) -> String,
) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let l = ui.add_sized([110.0, 18.0], egui::Label::new(label).truncate());
        let shown = match value.as_deref() {
            None => t!("forms-default"),
            Some(v) if options.contains(&v) => show(v),
            Some(v) => v.to_owned(),
        };
        egui::ComboBox::from_id_salt(("choice-list", label))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui.selectable_label(value.is_none(), t!("forms-default")).clicked() && value.is_some() {
                    *value = None;
                    changed = true;
                }
                for o in options {
                    if ui.selectable_label(value.as_deref() == Some(o), show(o)).clicked()
                        && value.as_deref() != Some(o)
                    {
                        *value = Some((*o).to_owned());
                        changed = true;
                    }
                }
            })
            .response
            .labelled_by(l.id);
    });
    changed
}
