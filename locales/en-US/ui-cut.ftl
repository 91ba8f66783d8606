## Cutting like an editor: edit modes, trims, gaps, three-point editing (issue 21)

## Why an edit cannot be done
timeline-refused-too-short = the clip would be shorter than a tenth of a second
