# The timeline, the command list (menus, shortcuts), the preview, the keychain notes and
# the names of undo steps.

## Commands: menu text
timeline-cmd-new = New
timeline-cmd-open = Open…
timeline-cmd-save-as = Save As…
timeline-cmd-undo = Undo
timeline-cmd-redo = Redo
timeline-cmd-split = Split at playhead
timeline-cmd-ripple-delete = Ripple delete
timeline-cmd-cut = Cut
timeline-cmd-paste = Paste at playhead
timeline-cmd-select-all = Select all
timeline-cmd-zoom-in = Zoom in
timeline-cmd-zoom-out = Zoom out
timeline-cmd-zoom-fit = Fit timeline
timeline-cmd-play-pause = Play / pause
timeline-cmd-shuttle-back = Play backwards (faster)
timeline-cmd-shuttle-stop = Stop
timeline-cmd-shuttle-forward = Play forwards (faster)
timeline-cmd-home = Go to start
timeline-cmd-end = Go to end
timeline-cmd-step-back = Step back
timeline-cmd-step-forward = Step forward
timeline-cmd-nudge-back = Nudge clips back
timeline-cmd-nudge-forward = Nudge clips forward
timeline-cmd-add-subtitle = Add subtitle at playhead
timeline-cmd-add-marker = Add marker
timeline-cmd-add-transition = Apply default transition
timeline-cmd-toggle-snap = Snapping
timeline-cmd-produce = Produce…
timeline-cmd-next-marker = Next marker
timeline-cmd-prev-marker = Previous marker
timeline-cmd-next-edit = Next edit point
timeline-cmd-prev-edit = Previous edit point
timeline-cmd-select-at-playhead = Select clip at playhead
timeline-cmd-select-next-clip = Select next clip
timeline-cmd-select-prev-clip = Select previous clip
timeline-cmd-render-draft = Render draft
timeline-cmd-go-to-timecode = Go to timecode…
timeline-cmd-times-in-seconds = Times in seconds

## Commands: tooltips
timeline-tip-split = Split the selected clips (or the clips under the playhead) at the playhead
timeline-tip-delete = Delete the selected clips and leave the gap
timeline-tip-ripple-delete = Delete the selected clips and close the gap on their tracks
timeline-tip-nudge = Move the selected clips by one frame
timeline-tip-step = Move the playhead by one frame
timeline-tip-edit-point = Move the playhead to the next or previous clip edge on any track
timeline-tip-select-at-playhead = Select the clips under the playhead
timeline-tip-select-adjacent = Select the next or previous clip on the selected clip's track and move the playhead to it
timeline-tip-add-subtitle = Add a 3 s subtitle at the playhead on the first unlocked subtitle track
timeline-tip-add-transition = A 1 s cross-dissolve (fade) on the cut between the two selected clips, at the selected clip's edge nearer the playhead, or at the cut nearest the playhead on the targeted video track; it goes on the earlier clip, and the next clip moves to overlap it
timeline-tip-snap = Snap to clip edges, the playhead, markers and zero while dragging
timeline-tip-produce = Validate, confirm, and submit a billed production
timeline-tip-render-draft = Render a 360p draft of the whole output on this machine (free; needs ffmpeg), then play it
timeline-tip-go-to-timecode = Type where the playhead goes, in the preview's time display: 00:00:05:12, 512, 5.48, 137. (a frame count), or +10 / -1:00 to move from where it is. Enter goes there, Esc leaves it
timeline-tip-times-in-seconds = Show times and lengths in seconds, as the Timeline's fields hold them, instead of timecode (Ctrl+click the preview's time display)
timeline-tip-shuttle = Play at normal speed; press again for 2x, 4x, 8x (J backwards, L forwards, K stops)

## Undo steps (the status line says "Undid …", "Redid …")
timeline-edit-split = Split
timeline-edit-delete = Delete
timeline-edit-ripple-delete = Ripple delete
timeline-edit-cut = Cut
timeline-edit-paste = Paste
timeline-edit-trim = Trim
timeline-edit-nudge = Nudge
timeline-edit-add-subtitle = Add subtitle
timeline-edit-add-marker = Add marker
timeline-edit-add-transition = Apply default transition
timeline-edit-rename-marker = Rename marker
timeline-edit-delete-marker = Delete marker
timeline-edit-clip = Edit clip
timeline-edit-add-clip = Add clip
timeline-edit-move = Move

## Why an edit cannot be done
timeline-refused-locked = track { $track } is locked
timeline-refused-overlap = the clip at { $at } would overlap another clip on { $track }
timeline-refused-wrong-kind = { $what } clips cannot go on { $track } tracks
timeline-refused-unknown-length = the clip's length is not known yet; set its Out first
timeline-refused-not-inside = the playhead is not inside the clip
timeline-refused-gone = that clip or track no longer exists
timeline-refused-nothing = nothing to do
timeline-refused-no-cut = no cut there: a transition goes between two touching clips of a video track (select one or both, or put the playhead near the cut)
timeline-refused-has-transition = that cut already has a transition (change or remove it in the inspector)
timeline-refused-no-transition = that clip has no transition into a next clip
timeline-refused-no-room-for-transition = the two clips of that cut leave no frame for a transition
timeline-edit-transition-length = Change transition length
timeline-transition-length-label = Transition length between { $left } and { $right }
timeline-drag-transition-length = Transition length { $length }
timeline-move-refused = Move refused: { $reason }
timeline-media-wrong-track = { $media } media cannot go on { $track } tracks
timeline-added-not-normal = Added, but "{ $title }" is not ready ({ $status }): VOD produces only media that is ready
# A track's kind inside a sentence (video, audio and subtitle are the shared kind-* words).

## Track headers and the track menu
timeline-track-group = Track { $name }
timeline-lock-named = Lock { $name }
timeline-unlock-named = Unlock { $name }
timeline-lock-tip = Lock this track
timeline-unlock-tip = Unlock this track
timeline-mute-named = Mute { $name }
timeline-unmute-named = Unmute { $name }
timeline-hide-named = Hide { $name }
timeline-show-named = Show { $name }
timeline-mute-tip = Mute this track (hidden and muted tracks are left out of the production)
timeline-unmute-tip = Unmute this track (hidden and muted tracks are left out of the production)
timeline-hide-tip = Hide this track (hidden and muted tracks are left out of the production)
timeline-show-tip = Show this track (hidden and muted tracks are left out of the production)
timeline-move-up-named = Move { $name } up
timeline-move-up-tip = Move this track up
timeline-move-down-named = Move { $name } down
timeline-move-down-tip = Move this track down
timeline-remove-named = Remove { $name }
timeline-remove-tip = Remove this track (undo brings it back)
timeline-undo-brings-back = Undo brings it back
timeline-select-track-clips = Select all clips on this track
# These name both the button and its undo step.
timeline-lock-track = Lock track
timeline-unlock-track = Unlock track
timeline-mute-track = Mute track
timeline-unmute-track = Unmute track
timeline-hide-track = Hide track
timeline-show-track = Show track
timeline-move-track = Move track
timeline-remove-track = Remove track
timeline-add-track = Add track
# The "Add track" menu under the headers.
timeline-video-track = video track
timeline-audio-track = audio track
timeline-image-track = image overlay track
timeline-subtitle-track = subtitle track
# The track menu.
timeline-add-video-track = Add video track
timeline-add-audio-track = Add audio track
timeline-add-image-track = Add image overlay track
timeline-add-subtitle-track = Add subtitle track

## Clips
timeline-no-media = (no media)
timeline-missing-file = { $file } (no media yet)
timeline-tip-missing-file = Not in VOD yet: { $file }. File > Import edit… found no media for it; a media map or an upload from there places it
timeline-clip-label = Clip { $title } on { $track } at { $time }
timeline-trim-start-label = Trim start of { $title } on { $track }
timeline-trim-end-label = Trim end of { $title } on { $track }
timeline-uploading-label = Uploading { $name } at { $time }
timeline-uploading-tip = Uploading: it becomes a clip here when VOD gives its MediaId (Uploads window: progress, pause, cancel)
# On a clip block: its length, and what is not known.
timeline-clip-length-unknown = ≈{ $length } (length unknown)
timeline-clip-place-unknown = { $length }, place follows an unknown clip
timeline-clip-both-unknown = ≈{ $length } (length unknown), place follows an unknown clip
timeline-tip-media = Media: { $id }
timeline-tip-on-timeline = On the timeline: { $start } to { $end }
timeline-tip-source = Source In { $in }, Out { $out }
timeline-tip-media-end = the media's end
timeline-tip-duration = Duration { $length }
timeline-tip-duration-unknown = Duration unknown (≈{ $length } shown): set its Out, or refresh lengths from VOD
# What each effect badge on a clip stands for.
timeline-badge-text = Text effect (a caption on this clip)
timeline-badge-dewatermark = DeWatermark (logo blur)
timeline-badge-volume = Volume
timeline-badge-background = Background (blur or colour)
timeline-badge-vfx = VFX
timeline-badge-transition = Transition from this clip into the next
timeline-badge-unknown = an effect vodcut does not know (kept as it came)
timeline-playhead-to-clip-start = Playhead to clip start

## Ruler, markers, scrolling
timeline-tracks = Timeline tracks
timeline-ruler = Timeline ruler
timeline-scrollbar = Timeline scrollbar
timeline-move-playhead-here = Move playhead here
timeline-add-marker-here = Add marker here
timeline-paste-here = Paste here
timeline-marker-default = Marker { $n }
timeline-marker-label = Marker { $label } at { $time }
timeline-marker-tip =
    { $label } · { $time }
    Double-click to rename, right-click for more
timeline-marker-rename = Rename…
timeline-marker-go-to = Go to

## The output preview
timeline-preview-not-set-up = not set up
timeline-preview-label = Output preview { $width }x{ $height } at { $time }
timeline-preview-caption = { $width }x{ $height }
timeline-preview-caption-loading = { $width }x{ $height } · loading…
# The time display under the preview (Go to timecode).
timeline-goto-display-label = Playhead { $time }
timeline-goto-display-tip = Click to type a time to go to (Ctrl+G); Ctrl+click shows times in seconds or timecode
timeline-goto-field-label = Go to timecode
timeline-preview-no-picture = No picture for { $what }
timeline-preview-ffmpeg-hint = Showing covers and snapshots. Install ffmpeg for exact frames (sudo apt install ffmpeg).
timeline-preview-hide-hint = Hide this hint

## The system keychain
timeline-keychain-loaded = Keys { $id } loaded from the system keychain
timeline-keychain-none = No keys are remembered in the system keychain
timeline-keychain-stored = Remembered in the system keychain
timeline-keychain-removed = Removed from the system keychain
# The words of a subtitle just added, to be typed over.
timeline-new-subtitle = New subtitle
timeline-placeholder-clip = Placeholder { $id }
timeline-dense-label = { $clips ->
        [one] 1 clip
       *[other] { $clips } clips
    } on { $track }, too narrow to show one by one
timeline-dense-tip = { $clips ->
        [one] 1 clip
       *[other] { $clips } clips
    } too narrow to show one by one ({ $selected } selected). Double-click to zoom in on them.
