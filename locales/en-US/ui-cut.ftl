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
