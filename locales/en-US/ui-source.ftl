# The source viewer (a medium opened from the bin or the library, its marks and playhead),
# three-point Insert and Overwrite, and the trim preview.

## Why the source's range cannot be placed
source-refused-nothing-open = nothing is open in the source viewer: double-click a media bin or library item
source-refused-unknown-length = the media's length is not known: mark an Out point in the source viewer
source-refused-empty = the marked range is empty
source-refused-no-track = no targeted, unlocked track takes { $kind } media: switch a target on in the track headers

## Commands: menu text and tooltips
source-tip-mark-in = Mark the source's In point at its playhead
source-tip-mark-out = Mark the source's Out point at its playhead: that frame is the last one included
source-tip-clear-in-out = Clear the source's In and Out points

## The viewer
source-tab = Source: { $title }
source-tab-empty = Source
source-tab-tip = The source viewer: a media item from the media bin or the VOD library (double-click one), with its own playhead and In/Out points
source-program-tab = Program
source-program-tab-tip = The output at the timeline playhead
source-empty = Double-click a media bin or VOD library item to open it here, mark In (I) and Out (O), then Insert (,) or Overwrite (.) it at the timeline playhead.
source-picture-label = Source viewer: { $title } at { $time }
source-picture-tip = Drag onto a track to place the marked range there
source-scrub-label = Source position
source-layer = source { $title }
source-caption-time = { $title }  { $time } / { $length }
source-caption-marks = In { $mark_in }  ·  Out { $mark_out }  ·  Duration { $duration }
source-opened = Opened { $title } in the source viewer
source-key-is-the-timelines = The source viewer has the keyboard: click the timeline to edit it with that key

## The trim preview
preview-trim-outgoing = Outgoing · { $time }
preview-trim-incoming = Incoming · { $time }
preview-trim-no-outgoing = Outgoing · none
preview-trim-no-incoming = Incoming · none
preview-trim-label = Trim preview: outgoing frame at { $outgoing }, incoming frame at { $incoming }

## Insert and Overwrite
source-cmd-insert = Insert
source-cmd-overwrite = Overwrite
source-tip-insert = Put the source's marked range in at the timeline playhead (or the timeline's In/Out) on the target track; later clips move right
source-tip-overwrite = Put the source's marked range at the timeline playhead (or the timeline's In/Out) on the target track, replacing what it covers
source-placed = Placed { $title } on { $track }

## Placing layers by hand in the program's picture
preview-handle-top-left = Resize handle: top left
preview-handle-top = Resize handle: top
preview-handle-top-right = Resize handle: top right
preview-handle-right = Resize handle: right
preview-handle-bottom-right = Resize handle: bottom right
preview-handle-bottom = Resize handle: bottom
preview-handle-bottom-left = Resize handle: bottom left
preview-handle-left = Resize handle: left
preview-nothing-to-nudge = Select a layer shown in the program's picture to move it with the arrow keys
preview-cmd-layer-left = Move layer left 1 pixel
preview-cmd-layer-right = Move layer right 1 pixel
preview-cmd-layer-up = Move layer up 1 pixel
preview-cmd-layer-down = Move layer down 1 pixel
preview-cmd-layer-left-far = Move layer left 10 pixels
preview-cmd-layer-right-far = Move layer right 10 pixels
preview-cmd-layer-up-far = Move layer up 10 pixels
preview-cmd-layer-down-far = Move layer down 10 pixels
preview-tip-layer-nudge = Moves the selected layer by an output pixel (Shift: 10) while the program's picture has the keyboard (click it)
