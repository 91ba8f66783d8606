## Cutting like an editor: edit modes, trims, gaps, three-point editing (issue 21)

## Why an edit cannot be done
timeline-refused-too-short = the clip would be shorter than a tenth of a second
timeline-refused-not-adjacent = the two clips do not touch, so there is no cut between them to roll
timeline-refused-no-source = a picture or subtitle has no source to slip
timeline-refused-not-a-gap = there is no gap there any more
timeline-refused-no-marks = set an In and an Out on the timeline first (I, O)
timeline-refused-no-target = no track is targeted: switch a target on in the track headers

## Undo steps
timeline-edit-overwrite = Overwrite
timeline-edit-insert = Insert
timeline-edit-rearrange = Rearrange
timeline-edit-paste-insert = Paste insert
timeline-edit-ripple-trim = Ripple trim
timeline-edit-roll = Roll
timeline-edit-slip = Slip
timeline-edit-slide = Slide
timeline-edit-close-gap = Close gap
timeline-edit-close-gaps = Close gaps
timeline-edit-lift = Lift
timeline-edit-extract = Extract

## Commands: menu names and tooltips
timeline-cmd-tool-select = Selection tool
timeline-cmd-tool-ripple = Ripple edit tool
timeline-cmd-tool-slip = Slip tool
timeline-cmd-tool-slide = Slide tool
timeline-cmd-ripple-trim-prev = Ripple trim previous edit to playhead
timeline-cmd-ripple-trim-next = Ripple trim next edit to playhead
timeline-cmd-mark-in = Mark In
timeline-cmd-mark-out = Mark Out
timeline-cmd-clear-marks = Clear In and Out
timeline-cmd-lift = Lift
timeline-cmd-extract = Extract
timeline-cmd-paste-insert = Paste insert
timeline-cmd-close-gaps = Close gaps
timeline-tip-tool-select = Drag clips to move them and their edges to trim; drag the cut between two touching clips to roll it. Ctrl while dragging an edge ripples
timeline-tip-tool-ripple = Dragging an edge trims it and the later clips on its track follow, so no gap opens
timeline-tip-tool-slip = Dragging a clip shows another part of its media in the same place (new In and Out)
timeline-tip-tool-slide = Dragging a clip moves it between its neighbours, which get longer or shorter to make room
timeline-tip-ripple-trim-prev = Takes out the time from the previous edit to the playhead on the targeted tracks; what follows closes up
timeline-tip-ripple-trim-next = Takes out the time from the playhead to the next edit on the targeted tracks; what follows closes up
timeline-tip-mark-in = Sets the timeline's In mark at the playhead
timeline-tip-mark-out = Sets the timeline's Out mark at the playhead
timeline-tip-clear-marks = Removes the timeline's In and Out marks
timeline-tip-lift = Takes the In to Out range out of the targeted tracks and leaves a gap
timeline-tip-extract = Takes the In to Out range out of the targeted tracks and closes the gap
timeline-tip-paste-insert = Pastes at the playhead and moves what follows to make room
timeline-tip-close-gaps = Closes the gap before each selected clip; with none selected, every gap on the targeted tracks

## The timeline's toolbar
timeline-tool-select = Select
timeline-tool-ripple = Ripple
timeline-tool-slip = Slip
timeline-tool-slide = Slide
timeline-mode = Drop:
timeline-mode-overwrite = Overwrite
timeline-mode-insert = Insert
timeline-mode-safe = Safe
timeline-mode-overwrite-tip = A clip dropped or moved onto others replaces what it lands on (they are trimmed, split or removed). Hold Ctrl to insert instead, Ctrl+Alt while moving to rearrange
timeline-mode-insert-tip = A clip dropped or moved goes in where it lands and the later clips move right to make room. Ctrl+Alt while moving rearranges
timeline-mode-safe-tip = A drop or move that would land on another clip is refused. Hold Ctrl to insert, Ctrl+Alt while moving to rearrange
timeline-insert-all-tracks = Insert on all tracks
timeline-insert-all-tracks-tip = Insert moves the later clips on every unlocked track, not only the one dropped on, so what plays together stays together

## What a drag will do, by the pointer before release
timeline-drop-safe = { $time }
timeline-drop-overwrite = Overwrite at { $time }
timeline-drop-insert = Insert at { $time }: later clips move right
timeline-drop-insert-all = Insert at { $time }: later clips on every track move right
timeline-drop-rearrange = Rearrange to { $time }: its gap closes, later clips move right
timeline-drag-ripple = Ripple trim to { $time }: later clips follow
timeline-drag-roll = Roll the cut to { $time }
timeline-drag-slip = Slip: In { $time }
timeline-drag-slide = Slide to { $time }

## Names screen readers and tests find the timeline's parts by
timeline-roll-label = Roll the cut between { $left } and { $right }
timeline-gap-label = Selected gap on { $track } from { $start } to { $end }

## Menus
timeline-close-gap = Close gap
timeline-close-gap-tip = The clips after this gap move left to close it
timeline-close-gaps-on = Close gaps on { $track }
timeline-paste-insert-here = Paste insert here

## Track targets
timeline-target-named = Target { $name }
timeline-untarget-named = Untarget { $name }
timeline-target-on-tip = Targeted: Lift, Extract, Q/W, Close gaps and the source viewer's Insert and Overwrite act on this track. Click to leave it out
timeline-target-off-tip = Not targeted: Lift, Extract, Q/W, Close gaps and the source viewer leave this track alone. Click to target it
