//! The sound beside the preview: meters (peak and RMS in dBFS per channel, a held peak, a clip
//! light) while playing, and the one-line note when playback is silent.

use crate::sound::mix::db_from_gain;
use crate::sound::session::Meter;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2};

/// Width of the meters' strip.
pub const METERS_W: f32 = 44.0;
/// The lowest level the meters show (dBFS).
const FLOOR_DB: f64 = -60.0;

fn frac(level: f32) -> f32 {
    ((db_from_gain(f64::from(level)) - FLOOR_DB) / -FLOOR_DB).clamp(0.0, 1.0) as f32
}

fn colour(db: f64) -> Color32 {
    if db > -6.0 {
        Color32::from_rgb(230, 70, 60)
    } else if db > -18.0 {
        Color32::from_rgb(230, 200, 60)
    } else {
        Color32::from_rgb(70, 200, 100)
    }
}

/// Two bars (left, right) in `rect`: RMS filled, peak as a lighter bar, the held peak as a
/// line, scale marks every 12 dB, a clip light on top. `meter` None: not playing (empty).
pub fn meters_ui(ui: &mut egui::Ui, rect: Rect, meter: Option<Meter>) {
    let painter = ui.painter_at(rect);
    let light = Rect::from_min_size(rect.min + Vec2::new(4.0, 2.0), Vec2::new(rect.width() - 8.0, 8.0));
    let bars = Rect::from_min_max(Pos2::new(rect.left() + 4.0, light.bottom() + 4.0), rect.max - Vec2::new(16.0, 16.0));
    let m = meter.unwrap_or_default();
    let clipped = meter.is_some_and(|m| m.clipped);
    painter.rect_filled(light, 2.0, if clipped { Color32::from_rgb(240, 40, 40) } else { Color32::from_gray(50) });
    let w = (bars.width() - 2.0) / 2.0;
    for c in 0..2 {
        let bar =
            Rect::from_min_size(Pos2::new(bars.left() + c as f32 * (w + 2.0), bars.top()), Vec2::new(w, bars.height()));
        painter.rect_filled(bar, 1.0, Color32::from_gray(28));
        let y = |f: f32| bar.bottom() - f * bar.height();
        let peak = frac(m.now.peak[c]);
        let rms = frac(m.now.rms[c]);
        let pc = colour(db_from_gain(f64::from(m.now.peak[c])));
        painter.rect_filled(Rect::from_min_max(Pos2::new(bar.left(), y(peak)), bar.max), 0.0, pc.gamma_multiply(0.45));
        painter.rect_filled(Rect::from_min_max(Pos2::new(bar.left(), y(rms)), bar.max), 0.0, pc);
        if m.hold[c] > 0.0 {
            let hy = y(frac(m.hold[c]));
            painter.hline(bar.x_range(), hy, Stroke::new(1.5, Color32::WHITE));
        }
    }
    for db in [0i32, -12, -24, -36, -48] {
        let y = bars.bottom() - ((f64::from(db) - FLOOR_DB) / -FLOOR_DB) as f32 * bars.height();
        painter.text(
            Pos2::new(bars.right() + 2.0, y),
            Align2::LEFT_CENTER,
            db.abs().to_string(),
            FontId::monospace(8.0),
            Color32::from_gray(140),
        );
    }
    let label = match meter {
        Some(m) => crate::t!(
            "sound-meters-label",
            left_peak = format!("{:.1}", m.now.peak_db(0).max(-99.0)),
            right_peak = format!("{:.1}", m.now.peak_db(1).max(-99.0)),
            left_rms = format!("{:.1}", m.now.rms_db(0).max(-99.0)),
            right_rms = format!("{:.1}", m.now.rms_db(1).max(-99.0))
        ),
        None => crate::t!("sound-meters-idle"),
    };
    let r = ui.interact(rect, ui.scope_id().with("sound-meters"), Sense::hover());
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    r.on_hover_text(label);
}

/// The silent-playback note, one line at the bottom of `rect`.
pub fn note_ui(ui: &mut egui::Ui, rect: Rect, note: &str) {
    let at = Pos2::new(rect.left() + 12.0, rect.bottom() - 4.0);
    let text = egui::RichText::new(note).small().color(ui.visuals().warn_fg_color);
    let r = Rect::from_min_max(Pos2::new(at.x, at.y - 16.0), Pos2::new(rect.right(), at.y));
    ui.scope_builder(egui::UiBuilder::new().max_rect(r), |ui| {
        ui.add(egui::Label::new(text).truncate());
    });
}

/// The selected clip's sound: its level in dB, mute, fade-in and fade-out lengths. Each change
/// is one undo step (a drag of a value merges into one). Returns a refusal to show (a locked
/// track).
pub fn clip_sound_ui(
    ui: &mut egui::Ui,
    doc: &mut crate::edit::document::Document,
    placement: Option<crate::model::project::Placement>,
    fade_steps: u32,
) -> Option<String> {
    use crate::sound::{fades, levels};
    let (r, clip) = doc.single_selected()?;
    if !crate::sound::mix::has_sound(doc.project(), r.track, clip) && !doc.project().tracks[r.track].hidden {
        return None;
    }
    let p = placement?;
    let length = p.end - p.start;
    let clip = clip.clone();
    let mut changed: Option<(&str, crate::model::wire::Clip)> = None;
    let mut sealed = false;
    ui.label(egui::RichText::new(crate::t!("sound-clip-heading")).strong());
    egui::Grid::new("clip-sound").num_columns(2).show(ui, |ui| {
        let l = ui.label(crate::t!("sound-level"));
        let mut db = levels::gain_db(&clip).max(crate::sound::mix::MIN_DB);
        let resp = ui
            .add(
                egui::DragValue::new(&mut db)
                    .range(crate::sound::mix::MIN_DB..=crate::sound::mix::MAX_DB)
                    .speed(0.1)
                    .suffix(crate::t!("sound-unit-db"))
                    .max_decimals(1),
            )
            .labelled_by(l.id)
            .on_hover_text(crate::t!("sound-level-tip"));
        if resp.changed() {
            changed = Some(("gain", levels::with_gain_db(&clip, db))); // i18n-exempt: an undo merge key
        }
        sealed |= resp.drag_stopped() || resp.lost_focus();
        ui.end_row();
        let mut muted = levels::is_muted(&clip);
        ui.label("");
        if ui.checkbox(&mut muted, crate::t!("sound-mute-clip")).on_hover_text(crate::t!("sound-mute-tip")).changed() {
            changed = Some(("mute", levels::with_mute(&clip, muted))); // i18n-exempt: an undo merge key
            sealed = true;
        }
        ui.end_row();
        let (fade_in, fade_out) = fades::fades_of(&clip, length);
        let max = length.as_secs_f64();
        // i18n-exempt: which fade (code, never shown)
        for (which, now) in [("in", fade_in), ("out", fade_out)] {
            let l = ui.label(if which == "in" { crate::t!("sound-fade-in") } else { crate::t!("sound-fade-out") });
            let mut secs = now.as_secs_f64();
            let resp = ui
                .add(
                    egui::DragValue::new(&mut secs)
                        .range(0.0..=max)
                        .speed(0.02)
                        .suffix(crate::t!("sound-unit-seconds"))
                        .max_decimals(2),
                )
                .labelled_by(l.id)
                .on_hover_text(crate::t!("sound-fade-tip", steps = fade_steps));
            if resp.changed() {
                let t = crate::model::Time::from_secs_f64(secs).unwrap_or(crate::model::Time::ZERO);
                let (i, o) = if which == "in" { (t, fade_out) } else { (fade_in, t) };
                changed = Some((
                    if which == "in" { "fade-in" } else { "fade-out" },
                    fades::with_fades(&clip, length, i, o, fade_steps),
                ));
            }
            sealed |= resp.drag_stopped() || resp.lost_focus();
            ui.end_row();
        }
    });
    ui.separator();
    let mut message = None;
    if let Some((key, c)) = changed {
        let merge = format!("clip:{}:{}:sound-{key}", r.track, r.index);
        if let Err(e) = doc.set_clip(r, &merge, c) {
            message = Some(e.to_string());
        }
    }
    if sealed {
        doc.seal();
    }
    message
}

/// "Duck music under voice": the tracks, depth, lead and tail, and the ranges it would lower,
/// shown before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct DuckForm {
    pub voice: usize,
    pub music: usize,
    pub depth_db: f64,
    pub lead: f64,
    pub tail: f64,
}

impl DuckForm {
    /// Voice: the first audio track; music: the next (else the first video track's sound).
    pub fn new(project: &crate::model::Project) -> DuckForm {
        let audio: Vec<usize> =
            (0..project.tracks.len()).filter(|&t| project.tracks[t].kind == crate::model::TrackKind::Audio).collect();
        let d = crate::sound::fades::Duck::default();
        DuckForm {
            voice: audio.first().copied().unwrap_or(0),
            music: audio.get(1).copied().unwrap_or(0),
            depth_db: d.depth_db,
            lead: d.lead.as_secs_f64(),
            tail: d.tail.as_secs_f64(),
        }
    }
}

/// What the ducking dialog asks for.
pub enum DuckAnswer {
    Open,
    Cancel,
    Apply,
}

/// The dialog. `plan` is what Apply would do (worked out by the caller from the form).
pub fn duck_dialog(
    ctx: &egui::Context,
    form: &mut DuckForm,
    project: &crate::model::Project,
    plan: &crate::sound::fades::DuckPlan,
) -> DuckAnswer {
    let mut answer = DuckAnswer::Open;
    egui::Window::new(crate::t!("sound-duck-title")).collapsible(false).resizable(false).show(ctx, |ui| {
        ui.label(crate::t!("sound-duck-intro"));
        let sounding: Vec<usize> = (0..project.tracks.len())
            .filter(|&t| {
                matches!(project.tracks[t].kind, crate::model::TrackKind::Audio | crate::model::TrackKind::Video)
            })
            .collect();
        egui::Grid::new("duck-form").num_columns(2).show(ui, |ui| {
            for (label, which) in [(crate::t!("sound-duck-voice"), 0), (crate::t!("sound-duck-music"), 1)] {
                ui.label(&label);
                let sel = if which == 0 { &mut form.voice } else { &mut form.music };
                let name = |t: usize| project.tracks.get(t).map_or_else(String::new, |t| t.name.clone());
                egui::ComboBox::from_id_salt(("duck-track", which)).selected_text(name(*sel)).show_ui(ui, |ui| {
                    for &t in &sounding {
                        ui.selectable_value(sel, t, name(t));
                    }
                });
                ui.end_row();
            }
            let l = ui.label(crate::t!("sound-duck-depth"));
            ui.add(
                egui::DragValue::new(&mut form.depth_db)
                    .range(1.0..=60.0)
                    .speed(0.2)
                    .suffix(crate::t!("sound-unit-db")),
            )
            .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(crate::t!("sound-duck-lead"));
            ui.add(
                egui::DragValue::new(&mut form.lead)
                    .range(0.0..=10.0)
                    .speed(0.02)
                    .suffix(crate::t!("sound-unit-seconds")),
            )
            .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(crate::t!("sound-duck-tail"));
            ui.add(
                egui::DragValue::new(&mut form.tail)
                    .range(0.0..=10.0)
                    .speed(0.02)
                    .suffix(crate::t!("sound-unit-seconds")),
            )
            .labelled_by(l.id);
            ui.end_row();
        });
        ui.separator();
        if form.voice == form.music {
            ui.colored_label(ui.visuals().warn_fg_color, crate::t!("sound-duck-same-track"));
        } else {
            ui.label(crate::t!("sound-duck-ranges", n = plan.ranges.len(), clips = plan.clips.len()));
            egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
                for r in &plan.ranges {
                    ui.label(crate::t!(
                        "sound-duck-range",
                        from = crate::i18n::Clock::of(project.frame_rate).time(r.down),
                        to = crate::i18n::Clock::of(project.frame_rate).time(r.up)
                    ));
                }
            });
        }
        ui.horizontal(|ui| {
            let can = form.voice != form.music && !plan.clips.is_empty();
            if ui.add_enabled(can, egui::Button::new(crate::t!("sound-duck-apply"))).clicked() {
                answer = DuckAnswer::Apply;
            }
            if ui.button(crate::t!("sound-duck-cancel")).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                answer = DuckAnswer::Cancel;
            }
        });
    });
    answer
}

/// The sound devices, listed once off the UI thread (asking the sound server waits on a
/// socket).
#[derive(Default)]
pub struct DeviceList {
    rx: Option<std::sync::mpsc::Receiver<Result<Vec<crate::sound::out::Device>, String>>>,
    got: Option<Result<Vec<crate::sound::out::Device>, String>>,
}

/// The output device row of the settings; true when the choice changed.
pub fn device_row(
    ui: &mut egui::Ui,
    s: &mut crate::store::settings::SoundSettings,
    list: &mut DeviceList,
    executor: &crate::core::Executor,
) -> bool {
    if list.rx.is_none() && list.got.is_none() {
        let (tx, rx) = std::sync::mpsc::channel();
        executor.run_blocking(tx, || crate::sound::out::system().devices());
        list.rx = Some(rx);
    }
    if let Some(got) = list.rx.as_ref().and_then(|rx| rx.try_recv().ok()) {
        list.got = Some(got);
        list.rx = None;
    }
    let mut changed = false;
    ui.horizontal(|ui| {
        let l = ui.label(crate::t!("sound-device"));
        let default = crate::t!("sound-device-default");
        let devices = match &list.got {
            Some(Ok(d)) => d.clone(),
            _ => Vec::new(),
        };
        let shown = if s.device.is_empty() {
            default.clone()
        } else {
            devices.iter().find(|d| d.name == s.device).map_or_else(|| s.device.clone(), |d| d.description.clone())
        };
        egui::ComboBox::from_id_salt("sound-device")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui.selectable_label(s.device.is_empty(), &default).clicked() {
                    s.device.clear();
                    changed = true;
                }
                for d in &devices {
                    if ui.selectable_label(s.device == d.name, &d.description).clicked() {
                        s.device.clone_from(&d.name);
                        changed = true;
                    }
                }
            })
            .response
            .labelled_by(l.id);
        if let Some(Err(why)) = &list.got {
            ui.label(egui::RichText::new(crate::t!("sound-no-devices")).small().weak()).on_hover_text(why);
        }
    });
    ui.horizontal(|ui| {
        let l = ui.label(crate::t!("sound-fade-steps"));
        let r = ui
            .add(egui::DragValue::new(&mut s.fade_steps).range(1..=crate::sound::fades::MAX_STEPS))
            .labelled_by(l.id)
            .on_hover_text(crate::t!("sound-fade-steps-tip"));
        changed |= r.changed();
    });
    changed
}
