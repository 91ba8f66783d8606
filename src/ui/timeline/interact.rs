//! What clicks and drags on the timeline's clips, handles and empty parts start: selecting,
//! picking a gap, and the drags `drags.rs` finishes. Also the picked gap and the roll
//! handles, which are drawn and hit-tested together.

use super::*;

/// The clip starting where `r` ends on its track, when the Selection tool can roll the cut
/// between them (video and audio tracks: on layered tracks clips do not follow each other).
pub(super) fn rolling_partner(
    st: &TimelineState,
    doc: &Document,
    r: ClipRef,
    p: crate::model::project::Placement,
) -> Option<ClipRef> {
    if st.tool != Tool::Select || doc.project().tracks[r.track].kind.allows_overlap() {
        return None;
    }
    let index = st.indexes().get(r.track)?;
    let next = index.in_range(p.end, p.end + Time(1)).find(|(s, _, i)| *s == p.end && *i != r.index)?;
    Some(ClipRef { track: r.track, index: next.2 })
}

/// The picked gap, drawn selected, with a name for screen readers and tests.
#[allow(clippy::too_many_arguments)]
pub(super) fn selected_gap(
    ui: &egui::Ui,
    doc: &Document,
    st: &TimelineState,
    rows: &[usize],
    layout: &RowLayout,
    row_top: &dyn Fn(usize) -> f32,
    time_area: Rect,
    painter: &egui::Painter,
) {
    if let Some(g) = doc.gap
        && let Some(row) = rows.iter().position(|t| *t == g.track)
    {
        let top = row_top(row);
        let gr = Rect::from_min_max(
            Pos2::new(st.mapping.x_from_time(g.start), top + 3.0),
            Pos2::new(st.mapping.x_from_time(g.end), top + layout.height(row) - 3.0),
        )
        .intersect(time_area);
        draw::gap(painter, gr);
        let clock = crate::i18n::Clock::of(doc.project().frame_rate);
        let label = t!(
            "timeline-gap-label",
            track = doc.project().tracks[g.track].name.as_str(),
            start = clock.time(g.start),
            end = clock.time(g.end)
        );
        let resp = ui.interact(gr, ui.scope_id().with("selected-gap"), Sense::hover());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    }
}

/// Handles on the cuts between touching clips (`rolls`: left clip, right clip, left's rect).
pub(super) fn roll_handles(
    ui: &egui::Ui,
    doc: &mut Document,
    st: &mut TimelineState,
    rolls: Vec<(ClipRef, ClipRef, Rect)>,
    time_area: Rect,
) {
    // The cut between two touching clips rolls: a handle on the cut itself, over the edges'
    // inner parts (drawn after them, so it is on top).
    for (left, right, crect) in rolls {
        let x = crect.right();
        let hr = Rect::from_x_y_ranges(x - ROLL_PX..=x + ROLL_PX, crect.y_range()).intersect(time_area);
        let id = ui.scope_id().with(("roll-handle", left.track, left.index));
        let resp = ui.interact(hr, id, Sense::drag()).on_hover_cursor(egui::CursorIcon::ResizeColumn);
        let title = |r: ClipRef| clip_title(doc.project(), &doc.project().tracks[r.track].clips[r.index]);
        let (l, r) = (title(left), title(right));
        let label = t!("timeline-roll-label", left = l.as_str(), right = r.as_str());
        // A splitter between two clips, as between two panes.
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Splitter, true, &label));
        if resp.drag_started() {
            doc.selection = vec![left, right];
            doc.gap = None;
            st.drag = Some(Drag::Roll { left, right });
        }
    }
}

pub(super) fn clip_interaction(
    ui: &egui::Ui,
    doc: &mut Document,
    st: &mut TimelineState,
    r: ClipRef,
    body: &egui::Response,
    modifiers: egui::Modifiers,
    row: Option<usize>,
) {
    if body.clicked() {
        ui.ctx().request_repaint();
        doc.gap = None;
        if modifiers.command || modifiers.shift {
            match doc.selection.iter().position(|s| *s == r) {
                Some(i) => {
                    doc.selection.remove(i);
                }
                None => doc.selection.push(r),
            }
        } else {
            doc.selection = vec![r];
        }
    }
    if body.drag_started() {
        if !doc.selection.contains(&r) {
            // Shift adds the grabbed clip to what moves; Ctrl means Insert while moving, so it
            // does not (a Ctrl-click still toggles a clip in the selection).
            if modifiers.shift {
                doc.selection.push(r);
            } else {
                doc.selection = vec![r];
            }
        }
        let grab = ui.input(|i| i.pointer.press_origin()).map_or(Time::ZERO, |p| st.mapping.time_from_x(p.x));
        doc.gap = None;
        st.drag = Some(match st.tool {
            Tool::Slip => {
                doc.selection = vec![r];
                Drag::Slip { clip: r, grab }
            }
            Tool::Slide => {
                doc.selection = vec![r];
                Drag::Slide { clip: r, grab }
            }
            Tool::Select | Tool::Ripple => {
                Drag::Move { grab, grab_row: row.unwrap_or(0), clips: doc.selection.clone() }
            }
        });
    }
}

pub(super) fn background_interaction(
    ui: &egui::Ui,
    doc: &mut Document,
    st: &mut TimelineState,
    area: &egui::Response,
    rows: &[usize],
    row_at: &dyn Fn(f32) -> Option<usize>,
    modifiers: egui::Modifiers,
) {
    if area.double_clicked()
        && let Some(p) = area.interact_pointer_pos()
        && let Some(row) = row_at(p.y)
        && doc.project().tracks[rows[row]].kind == TrackKind::Subtitle
    {
        let at = st.mapping.time_from_x(p.x).max(Time::ZERO);
        let change = ops::insert(doc.project(), rows[row], vec![doc.new_subtitle(at)]);
        let r = doc.apply_change(&t!("timeline-edit-add-subtitle"), change);
        refusal(st, r);
        return;
    }
    if area.clicked() || area.secondary_clicked() {
        // What is picked was drawn before this click was seen: draw it again.
        ui.ctx().request_repaint();
    }
    if area.clicked() && !(modifiers.command || modifiers.shift) {
        doc.selection.clear();
        doc.gap = None;
        // A click in a gap picks it (Delete closes it).
        if let Some(p) = area.interact_pointer_pos()
            && let Some(row) = row_at(p.y)
        {
            doc.select_gap(rows[row], st.mapping.time_from_x(p.x).max(Time::ZERO));
        }
    }
    if area.secondary_clicked()
        && let Some(p) = area.interact_pointer_pos()
        && let Some(row) = row_at(p.y)
    {
        let track = rows[row];
        st.gap_menu = doc.select_gap(track, st.mapping.time_from_x(p.x).max(Time::ZERO)).then_some(doc.gap).flatten();
        st.menu_track = Some(track);
    }
    menus::gap_menu(area, doc, st);
    if area.drag_started()
        && let Some(from) = ui.input(|i| i.pointer.press_origin())
    {
        st.drag = Some(Drag::Rubber { from });
    }
}
