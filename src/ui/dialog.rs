//! What every dialog shares: a default button that has the keyboard focus when the dialog
//! opens and is drawn so (Enter or Space presses it), and Esc to close.

/// The dialog's default button: outlined in the selection colour, and given the focus as the
/// dialog opens (taking it from any field behind) and whenever nothing has it, so Tab can
/// still move on to the other buttons.
pub fn default_button(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
    let r = ui.add(egui::Button::new(egui::RichText::new(text).strong()).stroke(stroke));
    if just_opened(ui, r.id) || ui.ctx().memory(|m| m.focused().is_none()) {
        r.request_focus();
    }
    r
}

/// True on the first frame `id` is drawn after not being drawn on the frame before.
pub fn just_opened(ui: &egui::Ui, id: egui::Id) -> bool {
    let key = id.with("dialog-last-frame");
    let frame = ui.ctx().cumulative_pass_nr();
    let last: Option<u64> = ui.data(|d| d.get_temp(key));
    ui.data_mut(|d| d.insert_temp(key, frame));
    last.is_none_or(|l| l + 1 < frame)
}

/// Esc was pressed this frame (each dialog treats it as Cancel or Close).
pub fn escape(ui: &egui::Ui) -> bool {
    ui.input(|i| i.key_pressed(egui::Key::Escape))
}
