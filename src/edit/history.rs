//! Undo/redo over typed edits, and the dirty marker that follows it.

use super::{Edit, Touched, apply};
use crate::model::Project;

/// One undoable step: what was done (a label for menus) and how to undo it.
struct Step {
    label: String,
    /// Applying this restores the state before the step.
    inverse: Edit,
    /// State ids before and after: the dirty marker compares them with the saved one.
    before: u64,
    after: u64,
    /// Consecutive edits with the same key (typing into one field) merge into this step.
    merge_key: Option<String>,
}

pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    limit: usize,
    next_id: u64,
    current: u64,
    saved: u64,
}

/// Undo and redo are one move in opposite directions: take the last step of `from`, apply
/// its inverse, and keep the inverse of that on `to`. Returns the step's label and state ids.
fn replay(project: &mut Project, from: &mut Vec<Step>, to: &mut Vec<Step>) -> Option<(String, u64, u64)> {
    let step = from.pop()?;
    let inverse = apply(project, step.inverse).unwrap_or(Edit::Batch(Vec::new()));
    let out = (step.label.clone(), step.before, step.after);
    to.push(Step { label: step.label, inverse, before: step.before, after: step.after, merge_key: None });
    Some(out)
}

pub const DEFAULT_LIMIT: usize = 1000;

impl Default for History {
    fn default() -> Self {
        History::new(DEFAULT_LIMIT)
    }
}

impl History {
    pub fn new(limit: usize) -> Self {
        History { undo: Vec::new(), redo: Vec::new(), limit: limit.max(1), next_id: 1, current: 0, saved: 0 }
    }

    /// Applies `edit` as one undo step. Returns false (and records nothing) if it changed
    /// nothing or was refused.
    pub fn apply(&mut self, project: &mut Project, label: impl Into<String>, edit: Edit) -> bool {
        let Some(inverse) = apply(project, edit) else { return false };
        let before = self.current;
        self.current = self.next_id;
        self.next_id += 1;
        self.undo.push(Step { label: label.into(), inverse, before, after: self.current, merge_key: None });
        self.redo.clear();
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
        true
    }

    /// Like [`History::apply`], but if the previous step carries the same `key` (and nothing
    /// came between), this edit joins it: undo then goes back to before the first of them.
    pub fn apply_merging(&mut self, project: &mut Project, label: impl Into<String>, edit: Edit, key: &str) -> bool {
        let merge = self.redo.is_empty() && self.undo.last().is_some_and(|s| s.merge_key.as_deref() == Some(key));
        if !merge {
            let applied = self.apply(project, label, edit);
            if applied && let Some(last) = self.undo.last_mut() {
                last.merge_key = Some(key.to_owned());
            }
            return applied;
        }
        // A clip or the fields set whole are put back by the step's first inverse; an edit
        // that also moves clips (a transition's length) needs its own inverse kept, run
        // before the earlier ones.
        let whole = matches!(edit, Edit::SetClip { .. } | Edit::SetFields(_));
        let Some(inverse) = apply(project, edit) else { return false };
        self.current = self.next_id;
        self.next_id += 1;
        if let Some(last) = self.undo.last_mut() {
            last.after = self.current;
            if !whole {
                let earlier = std::mem::replace(&mut last.inverse, Edit::Batch(Vec::new()));
                last.inverse = Edit::Batch(vec![inverse, earlier]);
            }
        }
        true
    }

    /// Takes back the step still open under `key` (typing into a field, then Esc): the
    /// project returns to before the typing and the step leaves no trace in undo or redo.
    pub fn cancel_open(&mut self, project: &mut Project, key: &str) -> Option<Touched> {
        let open = self.redo.is_empty() && self.undo.last().is_some_and(|s| s.merge_key.as_deref() == Some(key));
        if !open {
            return None;
        }
        let step = self.undo.pop()?;
        // What it touches, seen before it is applied (as for an undo).
        let touched = step.inverse.touched_on(project);
        apply(project, step.inverse);
        self.current = step.before;
        Some(touched)
    }

    /// Ends merging: the next edit starts a new step even with the same key.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.merge_key = None;
        }
    }

    pub fn undo(&mut self, project: &mut Project) -> Option<String> {
        let (label, before, _) = replay(project, &mut self.undo, &mut self.redo)?;
        self.current = before;
        Some(label)
    }

    pub fn redo(&mut self, project: &mut Project) -> Option<String> {
        let (label, _, after) = replay(project, &mut self.redo, &mut self.undo)?;
        self.current = after;
        Some(label)
    }

    /// The edit Undo would apply next (to see what it touches).
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|s| &s.inverse)
    }

    /// The edit Redo would apply next.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.inverse)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    pub fn len(&self) -> usize {
        self.undo.len()
    }

    pub fn is_empty(&self) -> bool {
        self.undo.is_empty()
    }

    /// Differs from the saved state (undoing back to it clears the marker).
    pub fn is_dirty(&self) -> bool {
        self.current != self.saved
    }

    /// Marks the current state as the one on disk.
    pub fn mark_saved(&mut self) {
        self.saved = self.current;
    }

    /// Marks a state saved earlier (a background save of state `id` finished).
    pub fn mark_saved_state(&mut self, id: u64) {
        self.saved = id;
    }

    /// The current state's id, to remember what a background save wrote.
    pub fn state_id(&self) -> u64 {
        self.current
    }

    /// Forgets everything (a new or newly opened document). `dirty`: start unsaved.
    pub fn reset(&mut self, dirty: bool) {
        self.undo.clear();
        self.redo.clear();
        self.current = self.next_id;
        self.next_id += 1;
        self.saved = if dirty { u64::MAX } else { self.current };
    }
}
