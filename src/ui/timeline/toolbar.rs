//! The timeline's toolbar: the tool (Selection, Ripple, Slip, Slide), the edit mode drops and
//! moves use (Overwrite, Insert, Safe) and whether Insert moves every track; and the words a
//! drag shows before release for what it will do.

use super::TimelineState;
use crate::t;
use crate::ui::commands::Command;
use egui::Rect;

/// Height of the toolbar above the ruler.
pub const TOOLBAR_H: f32 = 28.0;

/// What dragging does (V, B, Y, U).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tool {
    /// Move clips, trim edges, roll the cut between touching clips (Ctrl on an edge ripples).
    #[default]
    Select,
    /// Edges ripple: the later clips on the track follow.
    Ripple,
    /// A clip shows another part of its media, in the same place.
    Slip,
    /// A clip moves between its neighbours, which absorb the move.
    Slide,
}

impl Tool {
    pub const ALL: [Tool; 4] = [Tool::Select, Tool::Ripple, Tool::Slip, Tool::Slide];

    pub fn command(self) -> Command {
        match self {
            Tool::Select => Command::ToolSelect,
            Tool::Ripple => Command::ToolRipple,
            Tool::Slip => Command::ToolSlip,
            Tool::Slide => Command::ToolSlide,
        }
    }

    /// The short name on the toolbar.
    fn name(self) -> String {
        match self {
            Tool::Select => t!("timeline-tool-select"),
            Tool::Ripple => t!("timeline-tool-ripple"),
            Tool::Slip => t!("timeline-tool-slip"),
            Tool::Slide => t!("timeline-tool-slide"),
        }
    }
}

/// What a drop or a move does to the clips where it lands when no modifier is held (Ctrl
/// inserts, Ctrl+Alt rearranges a move, whatever this is).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EditMode {
    /// Covered clips are trimmed, split or removed (the VOD console's way).
    #[default]
    Overwrite,
    /// Later clips move right to make room.
    Insert,
    /// Refused where it would cover a clip (vodcut's way before edit modes).
    Safe,
}

impl EditMode {
    pub const ALL: [EditMode; 3] = [EditMode::Overwrite, EditMode::Insert, EditMode::Safe];

    pub fn name(self) -> String {
        match self {
            EditMode::Overwrite => t!("timeline-mode-overwrite"),
            EditMode::Insert => t!("timeline-mode-insert"),
            EditMode::Safe => t!("timeline-mode-safe"),
        }
    }

    pub fn tip(self) -> String {
        match self {
            EditMode::Overwrite => t!("timeline-mode-overwrite-tip"),
            EditMode::Insert => t!("timeline-mode-insert-tip"),
            EditMode::Safe => t!("timeline-mode-safe-tip"),
        }
    }
}

/// The mode a drag is in at this moment: the toolbar's, or what the held keys ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DragMode {
    Safe,
    Overwrite,
    Insert {
        all_tracks: bool,
    },
    /// Moves only: taken out (its gap closes), then inserted.
    Rearrange,
}

impl DragMode {
    /// Ctrl inserts, Ctrl+Alt rearranges (a move; a drop has nowhere to be taken from, so it
    /// inserts), else the toolbar's mode.
    pub fn of(st: &TimelineState, modifiers: egui::Modifiers, moving: bool) -> DragMode {
        let all_tracks = st.insert_all_tracks;
        match (modifiers.command, modifiers.alt, st.mode) {
            (true, true, _) if moving => DragMode::Rearrange,
            (true, ..) | (false, _, EditMode::Insert) => DragMode::Insert { all_tracks },
            (false, _, EditMode::Overwrite) => DragMode::Overwrite,
            (false, _, EditMode::Safe) => DragMode::Safe,
        }
    }

    /// The placing operation's mode (Safe has none: it refuses instead).
    pub fn place_mode(self) -> Option<crate::edit::ops::PlaceMode> {
        use crate::edit::ops::PlaceMode;
        match self {
            DragMode::Overwrite => Some(PlaceMode::Overwrite),
            DragMode::Insert { all_tracks } => Some(PlaceMode::Insert { all_tracks }),
            DragMode::Safe | DragMode::Rearrange => None,
        }
    }

    /// What the drop will do, for the label by the pointer: "Insert at 0:04.00: later clips
    /// move right".
    pub fn describe(self, time: &str) -> String {
        match self {
            DragMode::Safe => t!("timeline-drop-safe", time = time),
            DragMode::Overwrite => t!("timeline-drop-overwrite", time = time),
            DragMode::Insert { all_tracks: false } => t!("timeline-drop-insert", time = time),
            DragMode::Insert { all_tracks: true } => t!("timeline-drop-insert-all", time = time),
            DragMode::Rearrange => t!("timeline-drop-rearrange", time = time),
        }
    }
}

/// Holding Alt alone turns snapping off for a drag; Ctrl+Alt is Rearrange and keeps it.
pub fn snap_off(modifiers: egui::Modifiers) -> bool {
    modifiers.alt && !modifiers.command
}

/// The toolbar; returns a command its buttons ask for.
pub fn toolbar_ui(ui: &mut egui::Ui, st: &mut TimelineState, rect: Rect) -> Option<Command> {
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect.shrink2(egui::vec2(6.0, 2.0)))
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    child.set_clip_rect(rect);
    let ui = &mut child;
    let mut asked = None;
    for tool in Tool::ALL {
        let c = tool.command();
        let tip = format!("{} ({})\n{}", c.text(), c.shortcut_text(ui.ctx()), c.tooltip());
        if ui.selectable_label(st.tool == tool, tool.name()).on_hover_text(tip).clicked() {
            asked = Some(c);
        }
    }
    ui.separator();
    ui.label(egui::RichText::new(t!("timeline-mode")).weak());
    for mode in EditMode::ALL {
        let r = ui.selectable_label(st.mode == mode, mode.name()).on_hover_text(mode.tip());
        if r.clicked() {
            st.mode = mode;
        }
    }
    ui.checkbox(&mut st.insert_all_tracks, t!("timeline-insert-all-tracks"))
        .on_hover_text(t!("timeline-insert-all-tracks-tip"));
    asked
}
