# The editor's forms: the clip inspector, the media bin, the project and output forms, and
# the checks their fields make as you type. API field names (MediaId, TimelineIn, FontSize…)
# are not in here: they stay as the service spells them.

## Checks beside a field (short, lower case: they sit right of the value)
forms-cannot-be-negative = cannot be negative
# $end: the source's length, as a timecode
forms-past-media-end = past the media's end ({ $end })
forms-time-hint = 00:00:05:12, 5.48 or +10
forms-not-a-number = not a number
forms-ratio-or-pixels = a ratio 0..1 or whole pixels
forms-hex-colour = #RRGGBB
forms-zero-to-one = from 0 to 1
forms-whole-above-zero = a whole number above 0
forms-required = required
forms-whole-number = a whole number
# $min, $max: a documented bound
forms-at-least = at least { $min }
forms-at-most = at most { $max }
# $list: the values allowed
forms-one-of = one of { $list }
# A choice left unset: the service's default applies.
forms-default = (default)
# A value of a catalogue field (a motion, a word-art style) that the documents do not list.
forms-value-not-documented = { $value } (not in the documents)
forms-value-not-documented-tip = "{ $value }" is not among the values the VOD documents list: it is kept and sent as written, and validation warns
# In a catalogue list: use what was typed in the search box as the value.
forms-use-as-written = Use "{ $value }" as written
forms-border-outline = 1: outline and shadow
forms-border-box = 3: opaque box

## Choice values shown in words (the value sent stays the API's)
forms-value-video = Video
forms-value-audio = Audio
forms-value-image = Image
forms-value-blur = Blur
forms-value-color = Color
forms-value-delogo-blur = Delogo_Blur
forms-align-bottom-left = BottomLeft
forms-align-bottom-center = BottomCenter
forms-align-bottom-right = BottomRight
forms-align-center-left = CenterLeft
forms-align-center = CenterCenter
forms-align-center-right = CenterRight
forms-align-top-left = TopLeft
forms-align-top-center = TopCenter
forms-align-top-right = TopRight

## The inspector
forms-select-a-clip = Select a clip to edit it.
forms-clips-selected = { $n ->
    [one] { $n } clip selected.
   *[other] { $n } clips selected.
}
# $track: the track's name ("V1")
forms-clip-heading-video = video clip { $n } on { $track }
forms-clip-heading-audio = audio clip { $n } on { $track }
forms-clip-heading-image = image overlay clip { $n } on { $track }
forms-clip-heading-subtitle = subtitle clip { $n } on { $track }
forms-track-locked = The track is locked: unlock it to edit.
# A subtitle's words (the API's Content)
forms-subtitle-text = Text
forms-effects-heading = Effects ({ $n })
forms-add-effect = Add effect
forms-move-up = Move up
forms-move-down = Move down
forms-remove-effect = Remove effect
forms-unknown-effect = vodcut does not know this effect; it is kept and sent exactly as it came:
# $field: an API field name (In, Out, TimelineIn, X…), beside the clip's own field of that name
forms-effect-field = Effect { $field }
forms-text-style-heading = Style and motion
forms-param-unsure = { $field } comes from third-party notes or the sister service only (not a VOD page): validation warns when it is set
forms-transition-clamped = The transition is { $length } long: the most (or least) the two clips allow
forms-effect-text = Effect text
# What a new Text effect says until the user rewrites it
forms-new-text = New text

## The media bin
forms-bin-heading = Media bin
forms-bin-empty = No media yet: add some by MediaId below, then drag it onto a track.
forms-bin-length-unknown = length unknown
# For screen readers: $state is empty or "  ·  ready", "  ·  uploading 42 %"…
forms-bin-entry = Media { $title }{ $state }
forms-bin-drag-hint = Drag onto a track to add it
forms-bin-remove-hint = Remove from the bin (clips stay)
forms-bin-remove-entry = Remove { $title }
forms-bin-in-use = { $n ->
    [one] { $n } clip uses { $title }: it keeps playing it, but loses its title and known length.
   *[other] { $n } clips use { $title }: they keep playing it, but lose its title and known length.
}
forms-bin-remove-anyway = Remove anyway
forms-bin-keep = Keep
forms-bin-undo-remove = Remove media
forms-bin-add-by-id = Add media by ID
forms-bin-id-hint = 32 hex digits
forms-bin-media-title = Media title
forms-bin-optional = optional
forms-bin-duration = Duration
forms-bin-duration-hint = seconds, if known
forms-bin-add = Add to bin
forms-bin-need-id = Enter the MediaId.
forms-bin-already = That media is already in the bin.
forms-bin-bad-duration = Duration must be a number of seconds above 0.
forms-bin-undo-add = Add media

## The project form
# UTF-8 bytes, as the service counts them
forms-bytes = { $n }/{ $max } bytes
# The undo step of typing into a field: $field is the field's label
forms-undo-edit = Edit { $field }
forms-project = Project
forms-project-title = Project title
forms-project-description = Project description
forms-project-cover = Project cover URL
forms-cloud-project = Cloud project: { $id }
forms-unlink = Unlink
forms-unlink-hint = The next production creates a new cloud project
forms-undo-unlink = Unlink cloud project
forms-produced-video = Produced video (MediaMetadata)
forms-video-title = Video title
forms-video-description = Video description
forms-video-cover = Video cover URL
forms-category-id = Category ID
forms-tags = Tags ({ $n }/{ $max }, each at most { $bytes } bytes)
forms-tag-hover = { $n ->
    [one] { $n } byte; click to remove
   *[other] { $n } bytes; click to remove
}
forms-undo-remove-tag = Remove tag
forms-new-tag-hint = add a tag, Enter
forms-new-tag = New tag
forms-undo-add-tag = Add tag

## The output form
forms-output = Output (ProduceConfig)
forms-region = Region
forms-undo-region = Change region
forms-storage-required = Storage location (required in this region)
forms-storage-optional = Storage location (optional in { $region })
forms-template-group = Transcoding template group ID
forms-template = Production template ID
forms-output-size = Output size
# A preset output size in pixels, width by height
forms-size-preset = { $w }x{ $h }
forms-same-as-source = Same as source
forms-width-px = Width (px)
forms-height-px = Height (px)
forms-whole-pixels = a whole number of pixels
forms-user-data = Callback and custom data (UserData)
forms-callback-url = Callback URL
forms-callback-type = Callback type
forms-callback-note = A per-job callback can only be http, and only works when HTTP callbacks are enabled in the VOD console.
forms-extend = Extend (JSON)
forms-valid-json = valid JSON
forms-not-json = not JSON: { $error }
forms-frame-rate = Editing frame rate
# $rate: "25", "29.97"
forms-fps = { $rate } fps
forms-undo-frame-rate = Change frame rate
forms-frame-rate-hint = Moves, trims, splits, pastes and the playhead land on this rate's frames. VOD does not take an output frame rate, so set your sources' rate (25 by default).

## Region names, as the console shows them
forms-template-clip = Template placeholder: vodcut batch fills it from each row
forms-template-slot = {"{{"}{ $name }{"}}"} in { $field }, sample: { $sample }
forms-template-slot-no-sample = {"{{"}{ $name }{"}}"} in { $field }, no sample value (TemplateSamples)
forms-pick-colour = Pick a colour for { $field }

## The Template tab (View > Template slots): a template's slots and their sample values
forms-template-cmd = Template slots
forms-template-cmd-tip = Every {"{{"}slot{"}}"} of this template, where it is used, and its sample value (what validation fills it with)
forms-template-tab = Template
forms-template-none = This project holds no {"{{"}slot{"}}"}: it is not a template. Type {"{{"}name{"}}"} in a clip's MediaId, a text, the title… to make one; vodcut batch then fills each slot from a row.
# $n: how many slots
forms-template-heading = Template: { $n } slots
forms-template-intro = The Problems tab checks the template filled with these sample values, as vodcut validate does. They are saved in the project (TemplateSamples).
forms-template-slot-name = {"{{"}{ $name }{"}}"}
forms-template-no-sample-hint = no sample value
forms-template-sample-tip = The sample value: what validation (the Problems tab, vodcut validate) fills this slot with
forms-template-no-sample = No sample value: {"{{"}{ $name }{"}}"} cannot be checked
# $place: "track 1, clip 2: MediaId"
forms-template-use = Used in { $place }
forms-template-use-tip = Select this clip
forms-template-undo-sample = Sample value of {"{{"}{ $name }{"}}"}
# $problem: what is wrong with the value, with where it is used
forms-template-sample-problem = sample value of {"{{"}{ $name }{"}}"}: { $problem }
forms-pick-template = Choose a transcoding template group…
forms-pick-category = Choose a category…
forms-pick-app = Choose an application…
forms-pick-tip = From the account's lists (kept from the last time they were fetched); the field above takes any value too
forms-pick-loading = Getting the account's lists…
forms-pick-failed = The account's lists cannot be had ({ $error }); type the value in the field
forms-pick-none = (none in the account)
forms-pick-refresh = Refresh the lists
forms-pick-refresh-tip = Ask VOD again for the template groups, categories and applications
forms-pick = Choose…
