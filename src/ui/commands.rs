//! One registry of editor commands: menu text, shortcuts and tooltips come from here, and
//! the keyboard is dispatched here. Single-key shortcuts never fire while a text field has
//! focus (typing "s" in a field must not split a clip).

use crate::t;
use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    Undo,
    Redo,
    Split,
    Delete,
    RippleDelete,
    Copy,
    Cut,
    Paste,
    SelectAll,
    ZoomIn,
    ZoomOut,
    ZoomFit,
    PlayPause,
    ShuttleBack,
    ShuttleStop,
    ShuttleForward,
    Home,
    End,
    StepBack,
    StepForward,
    NudgeBack,
    NudgeForward,
    AddSubtitle,
    AddMarker,
    AddTransition,
    ToggleSnap,
    Produce,
    NextMarker,
    PrevMarker,
    NextEdit,
    PrevEdit,
    SelectAtPlayhead,
    SelectNextClip,
    SelectPrevClip,
    RenderDraft,
    GoToTimecode,
    TimesInSeconds,
    ToolSelect,
    ToolRipple,
    ToolSlip,
    ToolSlide,
    RippleTrimPrev,
    RippleTrimNext,
    MarkIn,
    MarkOut,
    ClearMarks,
    Lift,
    Extract,
    PasteInsert,
    CloseGaps,
    InsertSource,
    OverwriteSource,
    /// The preview's: move the selected layer an output pixel (Far: 10) while the preview
    /// has the keyboard.
    LayerLeft,
    LayerRight,
    LayerUp,
    LayerDown,
    LayerLeftFar,
    LayerRightFar,
    LayerUpFar,
    LayerDownFar,
    TemplateSlots,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;

const fn k(m: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(m, key)
}

impl Command {
    pub const ALL: [Command; 65] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Undo,
        Command::Redo,
        Command::Split,
        Command::Delete,
        Command::RippleDelete,
        Command::Copy,
        Command::Cut,
        Command::Paste,
        Command::SelectAll,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomFit,
        Command::PlayPause,
        Command::ShuttleBack,
        Command::ShuttleStop,
        Command::ShuttleForward,
        Command::Home,
        Command::End,
        Command::StepBack,
        Command::StepForward,
        Command::NudgeBack,
        Command::NudgeForward,
        Command::AddSubtitle,
        Command::AddMarker,
        Command::AddTransition,
        Command::ToggleSnap,
        Command::Produce,
        Command::NextMarker,
        Command::PrevMarker,
        Command::NextEdit,
        Command::PrevEdit,
        Command::SelectAtPlayhead,
        Command::SelectNextClip,
        Command::SelectPrevClip,
        Command::RenderDraft,
        Command::GoToTimecode,
        Command::TimesInSeconds,
        Command::ToolSelect,
        Command::ToolRipple,
        Command::ToolSlip,
        Command::ToolSlide,
        Command::RippleTrimPrev,
        Command::RippleTrimNext,
        Command::MarkIn,
        Command::MarkOut,
        Command::ClearMarks,
        Command::Lift,
        Command::Extract,
        Command::PasteInsert,
        Command::CloseGaps,
        Command::InsertSource,
        Command::OverwriteSource,
        Command::LayerLeft,
        Command::LayerRight,
        Command::LayerUp,
        Command::LayerDown,
        Command::LayerLeftFar,
        Command::LayerRightFar,
        Command::LayerUpFar,
        Command::LayerDownFar,
        Command::TemplateSlots,
    ];

    /// The command's name in menus, in the current language.
    pub fn text(self) -> String {
        match self {
            Command::New => t!("timeline-cmd-new"),
            Command::Open => t!("timeline-cmd-open"),
            Command::Save => t!("ui-save"),
            Command::SaveAs => t!("timeline-cmd-save-as"),
            Command::Undo => t!("timeline-cmd-undo"),
            Command::Redo => t!("timeline-cmd-redo"),
            Command::Split => t!("timeline-cmd-split"),
            Command::Delete => t!("ui-delete"),
            Command::RippleDelete => t!("timeline-cmd-ripple-delete"),
            Command::Copy => t!("ui-copy"),
            Command::Cut => t!("timeline-cmd-cut"),
            Command::Paste => t!("timeline-cmd-paste"),
            Command::SelectAll => t!("timeline-cmd-select-all"),
            Command::ZoomIn => t!("timeline-cmd-zoom-in"),
            Command::ZoomOut => t!("timeline-cmd-zoom-out"),
            Command::ZoomFit => t!("timeline-cmd-zoom-fit"),
            Command::PlayPause => t!("timeline-cmd-play-pause"),
            Command::ShuttleBack => t!("timeline-cmd-shuttle-back"),
            Command::ShuttleStop => t!("timeline-cmd-shuttle-stop"),
            Command::ShuttleForward => t!("timeline-cmd-shuttle-forward"),
            Command::Home => t!("timeline-cmd-home"),
            Command::End => t!("timeline-cmd-end"),
            Command::StepBack => t!("timeline-cmd-step-back"),
            Command::StepForward => t!("timeline-cmd-step-forward"),
            Command::NudgeBack => t!("timeline-cmd-nudge-back"),
            Command::NudgeForward => t!("timeline-cmd-nudge-forward"),
            Command::AddSubtitle => t!("timeline-cmd-add-subtitle"),
            Command::AddMarker => t!("timeline-cmd-add-marker"),
            Command::AddTransition => t!("timeline-cmd-add-transition"),
            Command::ToggleSnap => t!("timeline-cmd-toggle-snap"),
            Command::Produce => t!("timeline-cmd-produce"),
            Command::NextMarker => t!("timeline-cmd-next-marker"),
            Command::PrevMarker => t!("timeline-cmd-prev-marker"),
            Command::NextEdit => t!("timeline-cmd-next-edit"),
            Command::PrevEdit => t!("timeline-cmd-prev-edit"),
            Command::SelectAtPlayhead => t!("timeline-cmd-select-at-playhead"),
            Command::SelectNextClip => t!("timeline-cmd-select-next-clip"),
            Command::SelectPrevClip => t!("timeline-cmd-select-prev-clip"),
            Command::RenderDraft => t!("timeline-cmd-render-draft"),
            Command::GoToTimecode => t!("timeline-cmd-go-to-timecode"),
            Command::TimesInSeconds => t!("timeline-cmd-times-in-seconds"),
            Command::TemplateSlots => t!("forms-template-cmd"),
            Command::ToolSelect => t!("timeline-cmd-tool-select"),
            Command::ToolRipple => t!("timeline-cmd-tool-ripple"),
            Command::ToolSlip => t!("timeline-cmd-tool-slip"),
            Command::ToolSlide => t!("timeline-cmd-tool-slide"),
            Command::RippleTrimPrev => t!("timeline-cmd-ripple-trim-prev"),
            Command::RippleTrimNext => t!("timeline-cmd-ripple-trim-next"),
            Command::MarkIn => t!("timeline-cmd-mark-in"),
            Command::MarkOut => t!("timeline-cmd-mark-out"),
            Command::ClearMarks => t!("timeline-cmd-clear-marks"),
            Command::Lift => t!("timeline-cmd-lift"),
            Command::Extract => t!("timeline-cmd-extract"),
            Command::PasteInsert => t!("timeline-cmd-paste-insert"),
            Command::CloseGaps => t!("timeline-cmd-close-gaps"),
            Command::InsertSource => t!("source-cmd-insert"),
            Command::OverwriteSource => t!("source-cmd-overwrite"),
            Command::LayerLeft => t!("preview-cmd-layer-left"),
            Command::LayerRight => t!("preview-cmd-layer-right"),
            Command::LayerUp => t!("preview-cmd-layer-up"),
            Command::LayerDown => t!("preview-cmd-layer-down"),
            Command::LayerLeftFar => t!("preview-cmd-layer-left-far"),
            Command::LayerRightFar => t!("preview-cmd-layer-right-far"),
            Command::LayerUpFar => t!("preview-cmd-layer-up-far"),
            Command::LayerDownFar => t!("preview-cmd-layer-down-far"),
        }
    }

    /// What the command does, for its tooltip (its name when that says it all).
    pub fn tooltip(self) -> String {
        match self {
            Command::Split => t!("timeline-tip-split"),
            Command::Delete => t!("timeline-tip-delete"),
            Command::RippleDelete => t!("timeline-tip-ripple-delete"),
            Command::NudgeBack | Command::NudgeForward => t!("timeline-tip-nudge"),
            Command::StepBack | Command::StepForward => t!("timeline-tip-step"),
            Command::NextEdit | Command::PrevEdit => t!("timeline-tip-edit-point"),
            Command::SelectAtPlayhead => t!("timeline-tip-select-at-playhead"),
            Command::SelectNextClip | Command::SelectPrevClip => t!("timeline-tip-select-adjacent"),
            Command::AddSubtitle => t!("timeline-tip-add-subtitle"),
            Command::AddTransition => t!("timeline-tip-add-transition"),
            Command::ToggleSnap => t!("timeline-tip-snap"),
            Command::Produce => t!("timeline-tip-produce"),
            Command::RenderDraft => t!("timeline-tip-render-draft"),
            Command::ShuttleBack | Command::ShuttleForward => t!("timeline-tip-shuttle"),
            Command::GoToTimecode => t!("timeline-tip-go-to-timecode"),
            Command::TimesInSeconds => t!("timeline-tip-times-in-seconds"),
            Command::TemplateSlots => t!("forms-template-cmd-tip"),
            Command::ToolSelect => t!("timeline-tip-tool-select"),
            Command::ToolRipple => t!("timeline-tip-tool-ripple"),
            Command::ToolSlip => t!("timeline-tip-tool-slip"),
            Command::ToolSlide => t!("timeline-tip-tool-slide"),
            Command::RippleTrimPrev => t!("timeline-tip-ripple-trim-prev"),
            Command::RippleTrimNext => t!("timeline-tip-ripple-trim-next"),
            Command::MarkIn => t!("timeline-tip-mark-in"),
            Command::MarkOut => t!("timeline-tip-mark-out"),
            Command::ClearMarks => t!("timeline-tip-clear-marks"),
            Command::Lift => t!("timeline-tip-lift"),
            Command::Extract => t!("timeline-tip-extract"),
            Command::PasteInsert => t!("timeline-tip-paste-insert"),
            Command::CloseGaps => t!("timeline-tip-close-gaps"),
            Command::InsertSource => t!("source-tip-insert"),
            Command::OverwriteSource => t!("source-tip-overwrite"),
            c if c.layer_nudge().is_some() => t!("preview-tip-layer-nudge"),
            _ => self.text(),
        }
    }

    /// Shortcuts, the first being the one shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Command::New => const { &[k(CMD, Key::N)] },
            Command::Open => const { &[k(CMD, Key::O)] },
            Command::Save => const { &[k(CMD, Key::S)] },
            Command::SaveAs => const { &[k(CMD_SHIFT, Key::S)] },
            Command::Undo => const { &[k(CMD, Key::Z)] },
            Command::Redo => const { &[k(CMD_SHIFT, Key::Z), k(CMD, Key::Y)] },
            Command::Split => const { &[k(NONE, Key::S)] },
            Command::Delete => const { &[k(NONE, Key::Delete), k(NONE, Key::Backspace)] },
            Command::RippleDelete => const { &[k(Modifiers::SHIFT, Key::Delete)] },
            Command::Copy => const { &[k(CMD, Key::C)] },
            Command::Cut => const { &[k(CMD, Key::X)] },
            Command::Paste => const { &[k(CMD, Key::V)] },
            Command::SelectAll => const { &[k(CMD, Key::A)] },
            Command::ZoomIn => const { &[k(NONE, Key::Plus), k(NONE, Key::Equals)] },
            Command::ZoomOut => const { &[k(NONE, Key::Minus)] },
            Command::ZoomFit => const { &[k(NONE, Key::Backslash)] },
            Command::PlayPause => const { &[k(NONE, Key::Space)] },
            Command::ShuttleBack => const { &[k(NONE, Key::J)] },
            Command::ShuttleStop => const { &[k(NONE, Key::K)] },
            Command::ShuttleForward => const { &[k(NONE, Key::L)] },
            Command::Home => const { &[k(NONE, Key::Home)] },
            Command::End => const { &[k(NONE, Key::End)] },
            Command::StepBack => const { &[k(NONE, Key::ArrowLeft)] },
            Command::StepForward => const { &[k(NONE, Key::ArrowRight)] },
            Command::NudgeBack => const { &[k(Modifiers::ALT, Key::ArrowLeft)] },
            Command::NudgeForward => const { &[k(Modifiers::ALT, Key::ArrowRight)] },
            Command::AddSubtitle => const { &[k(NONE, Key::T)] },
            Command::AddMarker => const { &[k(NONE, Key::M)] },
            // Premiere's "Apply Video Transition".
            Command::AddTransition => const { &[k(CMD, Key::D)] },
            Command::ToggleSnap => const { &[k(NONE, Key::N)] },
            Command::Produce => const { &[k(CMD, Key::Enter)] },
            Command::NextMarker => const { &[k(NONE, Key::PageDown)] },
            Command::PrevMarker => const { &[k(NONE, Key::PageUp)] },
            Command::NextEdit => const { &[k(NONE, Key::ArrowDown)] },
            Command::PrevEdit => const { &[k(NONE, Key::ArrowUp)] },
            Command::SelectAtPlayhead => const { &[k(NONE, Key::D)] },
            Command::SelectNextClip => const { &[k(CMD, Key::ArrowRight)] },
            Command::SelectPrevClip => const { &[k(CMD, Key::ArrowLeft)] },
            Command::RenderDraft => const { &[k(CMD, Key::R)] },
            // Premiere's "Go to timecode" has no default key; Ctrl+G is Resolve's and the
            // usual "go to" of other programs.
            Command::GoToTimecode => const { &[k(CMD, Key::G)] },
            // A setting, not an act: the menu and the preview's time display (Ctrl+click).
            Command::TimesInSeconds | Command::TemplateSlots => &[],
            Command::ToolSelect => const { &[k(NONE, Key::V)] },
            Command::ToolRipple => const { &[k(NONE, Key::B)] },
            Command::ToolSlip => const { &[k(NONE, Key::Y)] },
            Command::ToolSlide => const { &[k(NONE, Key::U)] },
            Command::RippleTrimPrev => const { &[k(NONE, Key::Q)] },
            Command::RippleTrimNext => const { &[k(NONE, Key::W)] },
            Command::MarkIn => const { &[k(NONE, Key::I)] },
            Command::MarkOut => const { &[k(NONE, Key::O)] },
            Command::ClearMarks => const { &[k(CMD_SHIFT, Key::X)] },
            Command::Lift => const { &[k(NONE, Key::Semicolon)] },
            Command::Extract => const { &[k(NONE, Key::Quote)] },
            Command::PasteInsert => const { &[k(CMD_SHIFT, Key::V)] },
            // Premiere has no key for Close Gap either: the Edit menu and right-click offer it.
            Command::CloseGaps => &[],
            Command::InsertSource => const { &[k(NONE, Key::Comma)] },
            Command::OverwriteSource => const { &[k(NONE, Key::Period)] },
            // The arrows of the timeline, taken by the preview while it has the keyboard.
            Command::LayerLeft => const { &[k(NONE, Key::ArrowLeft)] },
            Command::LayerRight => const { &[k(NONE, Key::ArrowRight)] },
            Command::LayerUp => const { &[k(NONE, Key::ArrowUp)] },
            Command::LayerDown => const { &[k(NONE, Key::ArrowDown)] },
            Command::LayerLeftFar => const { &[k(Modifiers::SHIFT, Key::ArrowLeft)] },
            Command::LayerRightFar => const { &[k(Modifiers::SHIFT, Key::ArrowRight)] },
            Command::LayerUpFar => const { &[k(Modifiers::SHIFT, Key::ArrowUp)] },
            Command::LayerDownFar => const { &[k(Modifiers::SHIFT, Key::ArrowDown)] },
        }
    }

    /// A preview command's move of the selected layer, in output pixels.
    pub fn layer_nudge(self) -> Option<(f32, f32)> {
        Some(match self {
            Command::LayerLeft => (-1.0, 0.0),
            Command::LayerRight => (1.0, 0.0),
            Command::LayerUp => (0.0, -1.0),
            Command::LayerDown => (0.0, 1.0),
            Command::LayerLeftFar => (-10.0, 0.0),
            Command::LayerRightFar => (10.0, 0.0),
            Command::LayerUpFar => (0.0, -10.0),
            Command::LayerDownFar => (0.0, 10.0),
            _ => return None,
        })
    }

    /// Commands that still work while typing in a text field (they cannot mean text editing).
    fn works_while_typing(self) -> bool {
        matches!(
            self,
            Command::New | Command::Open | Command::Save | Command::SaveAs | Command::Produce | Command::RenderDraft
        )
    }

    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts().first().map(|s| ctx.format_shortcut(s)).unwrap_or_default()
    }
}

/// The commands the keyboard asked for this frame, in the order their keys were pressed (a
/// slow frame can hold Home and Ctrl+Shift+V together: the paste must come after the
/// playhead moved). Shortcuts with more modifiers are tried first (Ctrl+Shift+S is not
/// Ctrl+S); while a text field has focus only commands that cannot mean text editing fire.
///
/// `preview_keys`: the preview has the keyboard, so its commands come first and take their
/// keys (the arrows move the selected layer instead of the playhead); otherwise they never fire.
pub fn pressed(ctx: &egui::Context, preview_keys: bool) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    // The frame's events before any is taken, to put the commands in their order.
    let events: Vec<egui::Event> = ctx.input(|i| i.events.clone());
    let mut used = vec![false; events.len()];
    let mut at = |wanted: &dyn Fn(&egui::Event) -> bool| -> usize {
        let found = events.iter().enumerate().position(|(j, e)| !used[j] && wanted(e));
        found.inspect(|&j| used[j] = true).unwrap_or(usize::MAX)
    };
    let mut all: Vec<(Command, KeyboardShortcut)> =
        Command::ALL.iter().flat_map(|c| c.shortcuts().iter().map(move |s| (*c, *s))).collect();
    all.retain(|(c, _)| preview_keys || c.layer_nudge().is_none());
    // On equal modifiers the preview's command wins the key (Left: the layer, not the playhead).
    all.sort_by_key(|(c, s)| (std::cmp::Reverse(modifier_count(s.modifiers)), c.layer_nudge().is_none()));
    let mut fired: Vec<(usize, Command)> = Vec::new();
    for (command, shortcut) in all {
        if typing && !command.works_while_typing() {
            continue;
        }
        // Each press counts: a slow frame that saw Right three times steps three frames.
        let presses = ctx.input_mut(|i| i.count_and_consume_key(shortcut.modifiers, shortcut.logical_key));
        for _ in 0..presses {
            let pos = at(&|e| {
                matches!(e, egui::Event::Key { key, pressed: true, modifiers, .. }
                    if *key == shortcut.logical_key && modifiers.matches_logically(shortcut.modifiers))
            });
            fired.push((pos, command));
        }
    }
    if !typing {
        // The desktop integration turns Ctrl+C/X/V into Copy/Cut/Paste events, never key
        // presses; a text field would take them, so only without one.
        for command in clipboard_events(ctx) {
            if !fired.iter().any(|(_, c)| *c == command) {
                let pos = at(&|e| match e {
                    egui::Event::Copy => command == Command::Copy,
                    egui::Event::Cut => command == Command::Cut,
                    egui::Event::Paste(_) => command == Command::Paste,
                    _ => false,
                });
                fired.push((pos, command));
            }
        }
    }
    fired.sort_by_key(|(pos, _)| *pos);
    fired.into_iter().map(|(_, c)| c).collect()
}

/// Copy, Cut and Paste events of this frame, taken out of the input so nothing else acts on them.
fn clipboard_events(ctx: &egui::Context) -> Vec<Command> {
    ctx.input_mut(|i| {
        let mut out = Vec::new();
        i.events.retain(|e| {
            let c = match e {
                egui::Event::Copy => Command::Copy,
                egui::Event::Cut => Command::Cut,
                egui::Event::Paste(_) => Command::Paste,
                _ => return true,
            };
            out.push(c);
            false
        });
        out
    })
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_press_in_a_slow_frame_counts_in_order() {
        let ctx = egui::Context::default();
        let key =
            |key, modifiers| egui::Event::Key { key, physical_key: None, pressed: true, repeat: false, modifiers };
        let events = vec![
            key(Key::ArrowRight, Modifiers::NONE),
            key(Key::I, Modifiers::NONE),
            key(Key::ArrowRight, Modifiers::NONE),
            key(Key::ArrowRight, Modifiers::NONE),
            key(Key::Z, Modifiers::COMMAND),
        ];
        let mut got = Vec::new();
        let mut out = ctx.run_ui(egui::RawInput { events, ..Default::default() }, |ui| got = pressed(ui.ctx(), false));
        out.textures_delta.clear();
        use Command::*;
        assert_eq!(got, vec![StepForward, MarkIn, StepForward, StepForward, Undo]);
    }

    /// With the preview holding the keyboard the arrows move the layer; without, the playhead.
    #[test]
    fn the_arrows_are_the_previews_while_it_has_the_keyboard() {
        let ctx = egui::Context::default();
        let key =
            |key, modifiers| egui::Event::Key { key, physical_key: None, pressed: true, repeat: false, modifiers };
        let events = || {
            vec![
                key(Key::ArrowLeft, Modifiers::NONE),
                key(Key::ArrowUp, Modifiers::SHIFT),
                key(Key::S, Modifiers::NONE),
            ]
        };
        for (preview, want) in [
            (true, vec![Command::LayerLeft, Command::LayerUpFar, Command::Split]),
            (false, vec![Command::StepBack, Command::PrevEdit, Command::Split]),
        ] {
            let mut got = Vec::new();
            let input = egui::RawInput { events: events(), ..Default::default() };
            let mut out = ctx.run_ui(input, |ui| got = pressed(ui.ctx(), preview));
            out.textures_delta.clear();
            assert_eq!(got, want, "preview has the keyboard: {preview}");
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        // The preview's commands share the timeline's arrows by design (it has the keyboard or
        // not), never one another's keys.
        let mut seen: Vec<(KeyboardShortcut, Command)> = Vec::new();
        for c in Command::ALL {
            for s in c.shortcuts() {
                let same_panel = |o: &Command| o.layer_nudge().is_some() == c.layer_nudge().is_some();
                if let Some((_, other)) = seen.iter().find(|(x, o)| x == s && same_panel(o)) {
                    panic!("{c:?} and {other:?} share {s:?}");
                }
                seen.push((*s, c));
            }
        }
    }

    #[test]
    fn every_command_is_listed_once() {
        for (i, c) in Command::ALL.iter().enumerate() {
            assert!(!Command::ALL[i + 1..].contains(c), "{c:?} twice");
            assert!(
                !c.shortcuts().is_empty()
                    || matches!(
                        c,
                        Command::Produce | Command::CloseGaps | Command::TimesInSeconds | Command::TemplateSlots
                    ),
                "{c:?} has no key"
            );
        }
    }

    /// How docs/keys.md writes a shortcut ("Ctrl+Shift+V", "Left", ";").
    fn written(s: &KeyboardShortcut) -> String {
        let key = match s.logical_key {
            Key::ArrowLeft => "Left",
            Key::ArrowRight => "Right",
            Key::ArrowUp => "Up",
            Key::ArrowDown => "Down",
            Key::Semicolon => ";",
            Key::Quote => "'",
            Key::Comma => ",",
            Key::Period => ".",
            Key::Plus => "+",
            Key::Equals => "=",
            Key::Minus => "-",
            Key::Backslash => "\\",
            k => k.name(),
        };
        let m = s.modifiers;
        let mut out = String::new();
        for (on, name) in [(m.command || m.ctrl, "Ctrl+"), (m.shift, "Shift+"), (m.alt, "Alt+")] {
            if on {
                out.push_str(name);
            }
        }
        out + key
    }

    /// The "the key table lists every command": each command's key is in the first
    /// column of a table in docs/keys.md, and each command without one is named there.
    #[test]
    fn docs_keys_md_lists_every_command() {
        let doc = include_str!("../../docs/keys.md");
        let mut keys: Vec<String> = Vec::new();
        for line in doc.lines().filter(|l| l.starts_with("| ")) {
            let first = line.split(" | ").next().unwrap_or("").trim_start_matches("| ").replace('`', "");
            for part in first.split(" / ") {
                keys.extend(part.split(", ").map(|k| k.trim().to_owned()));
            }
        }
        for c in Command::ALL {
            let shortcuts = c.shortcuts();
            if shortcuts.is_empty() {
                let named = match c {
                    Command::CloseGaps => "Close gaps",
                    Command::TimesInSeconds => "Times in seconds",
                    Command::TemplateSlots => "Template slots",
                    _ => panic!("{c:?} has no key and no name to look for"),
                };
                assert!(doc.contains(named), "docs/keys.md does not name {c:?}");
                continue;
            }
            let want: Vec<String> = shortcuts.iter().map(written).collect();
            assert!(want.iter().any(|w| keys.contains(w)), "docs/keys.md lists none of {want:?} ({c:?})");
        }
    }
}
