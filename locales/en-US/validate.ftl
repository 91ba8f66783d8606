# Validation: every documented rule of a production, as a sentence saying what is wrong.

v-too-many-tracks = { $n } { $kind } tracks; a production takes at most { $max } of a kind
v-too-many-media = { $n } different media are used; a production takes at most { $max }
v-track-muted-left-out = this track is muted, so { $n ->
        [one] its clip is
       *[other] its { $n } clips are
    } left out of the production
v-track-hidden-left-out = this track is hidden, so { $n ->
        [one] its clip is
       *[other] its { $n } clips are
    } left out of the production
v-subtitle-unconfirmed = subtitle tracks are documented for the newer editing engine; VOD's support for them is not confirmed. Text effects on a video clip are the documented alternative
v-nothing-to-produce = there is nothing to produce: add clips to a visible track (or link a cloud project)
v-too-many-bytes = { $what } is { $n } bytes in UTF-8; at most { $max }
v-not-http-url = { $what } "{ $url }" is not an http:// or https:// address
what-project-title = the project title
what-project-description = the project description
what-project-cover = the project cover URL
what-video-title = the video title
what-video-description = the video description
what-video-cover = the video cover URL
v-too-many-tags = { $n } tags; at most { $max } are allowed
v-tag-too-long = tag "{ $tag }" is { $n } bytes in UTF-8; at most { $max }
v-tag-comma = tag "{ $tag }" contains a comma, which separates tags
v-category-not-number = category "{ $category }" is not a number; category IDs are numeric
v-width-without-height = Width is set but Height is not; set both or neither
v-height-without-width = Height is set but Width is not; set both or neither
v-side-out-of-range = { $v } px is outside { $min }..{ $max }
v-short-side = { $w }x{ $h }: the shorter side may be at most { $max } px
v-unknown-region = "{ $region }" is not a VOD region; use one of { $list }
v-storage-needed = the region is { $region }: outside { $default } the output storage location must be given
v-callback-not-http = "{ $url }" is not an http:// or https:// address
v-callback-type = callback type "{ $type }": a per-job callback can only be http
v-extend-too-long = { $n } bytes; at most { $max }
v-extend-not-json = not valid JSON ({ $error })
v-user-data-long = UserData is { $n } characters; one SDK documents at most { $max }, so the service may refuse it

v-no-media-id = the clip has no MediaId: choose the media it plays
v-waiting-for-file = the clip has no MediaId yet: it was imported from another editor and waits for its file, { $file }; apply a media map (the import report, or vodcut import --media) or upload the file
v-no-image-id = the image overlay has no ImageId: choose the image it shows
v-subtitle-no-text = the subtitle has no text
v-subtitle-type = a subtitle clip's Type must be Text, not { $type }
v-id-shape = { $field } "{ $id }" is not 32 hexadecimal characters, the form VOD gives its media IDs; check it was copied whole
v-video-clip-type = a video track clip's Type must be Video or Image, not { $type }
v-unknown-effect = effect type "{ $type }" is not one vodcut knows; it is sent as it is, unchecked
v-negative-time = { $name } is { $v } s; times cannot be negative
v-out-before-in = Out ({ $out } s) must be after In ({ $in } s)
v-timeline-out-before-in = TimelineOut ({ $out } s) must be after TimelineIn ({ $in } s)
v-layout-not-ratio = { $name } is { $v }: give a ratio of the frame from 0 to 1, or whole pixels
v-layout-small-pixels = { $name } is { $v } px; older docs read whole numbers below 8 differently, prefer a ratio
v-colour = colour "{ $colour }" is not in the form #RRGGBB
v-opacity = opacity { $v } is outside 0..1
v-font-size = font size { $v } must be a whole number of pixels above 0
v-alignment = alignment "{ $alignment }" is not one of { $list }
v-font-unknown = font "{ $font }" is not in the documented list ({ $list }); the service may substitute another
v-text-no-text = the text effect has no text
v-delogo-subtype = the only documented masking SubType is Delogo_Blur
v-volume-no-gain = a Volume effect needs a Gain (0 mutes, 1 keeps, above 1 is louder)
v-gain-negative = gain { $v } cannot be negative
v-blur-radius = blur radius { $v } is outside 0..1
v-background-subtype = a Background effect's SubType must be Blur or Color, not { $subtype }
v-nothing = nothing
v-needs-subtype = a { $type } effect needs a SubType naming the effect
v-audio-effect = a { $type } effect has no meaning on an audio clip
v-overlap = starts at { $start }, inside clip { $other } ({ $from } to { $to }) on the same { $kind } track; the documents do not say how VOD plays clips that overlap on one track, so move one or put it on another track
v-past-media-end = { $field } { $t } s is past the end of the media, which is { $length } long

# The status check before Produce (GetVideoInfos).
v-status-unchecked = could not ask VOD whether the media are ready ({ $error }); a media still processing would make the production fail
v-not-normal = { $name } in VOD: { $state }, not Normal; VOD produces only Normal media
v-unknown-media = VOD does not know MediaId { $id } in { $region }: check the ID and the region
v-template-unfilled = this project is a template: {"{{"}{ $slot }{"}}"} in { $place } is not filled; make its videos with `vodcut batch TEMPLATE ROWS`, which fills every slot first
v-state-uploading = still uploading
v-state-transcoding = still transcoding
v-state-transcode-fail = failed to transcode (TranscodeFail)
v-state-upload-fail = failed to upload (UploadFail)
v-state-blocked = blocked
v-state-checking = under review (Checking)
v-state-other = in status { $status }

# The catalogue's effects (shared/vod/effects.md).
v-subtype-unknown = { $what } "{ $value }" is not in the documented list; it is sent as written, and the service may refuse it
v-subtype-random = SubType "{ $subtype }" lets the service pick one at random: that is documented for the sister service (IMS) only, not for VOD
v-evidence-third-party = { $what } "{ $value }" comes from third-party notes, not from an Alibaba page: the service may not know it
v-evidence-ims = { $what } "{ $value }" is documented for the sister service (IMS) only, not for VOD
v-evidence-legacy = { $what } "{ $value }" is on VOD's 2021 list; whether VOD still offers it is not confirmed (the current page could be read only up to its first categories)
v-evidence-unsure = { $what } "{ $value }" is marked unsure in the documents (a spelling in doubt, or a value the current list no longer has)
v-transition-no-duration = the transition has no Duration: the default of 1 s is documented for the sister service (IMS) only; set it to be sure
v-transition-duration = the transition's Duration { $v } s must be above 0
v-transition-track = a transition blends clips of a video track; on an image overlay track the documents give it no meaning
v-transition-last = no clip follows this one on its track: a transition goes on the earlier clip of a cut and blends into the next
v-transition-longer = the transition ({ $d }) is longer than this clip or the next one
v-transition-no-overlap = the next clip starts where this one ends, so the transition has nothing to blend with; as far as is known (not confirmed for VOD) the service starts the next clip { $d } earlier: apply the transition from the Effects panel or with Ctrl+D to make that overlap
v-transition-overlap-differs = the next clip overlaps this one by { $overlap }, not by the transition's { $d }
v-region-only = X, Y, Width and Height are documented only for the VFX mosaic_rect and blur; here they are ignored
v-effect-times-unsure = whether TimelineIn/TimelineOut inside a clip's effects are times on the timeline or in the clip is not documented; vodcut reads them as timeline times
v-grade-key-unknown = ExtParams key "{ $key }" is not one of the colour grade's ({ $list })
v-param-not-number = { $field } "{ $v }" is not a number
v-param-not-whole = { $field } { $v } must be a whole number
v-param-below = { $field } { $v } is below the documented minimum, { $min }
v-param-above = { $field } { $v } is above the documented maximum, { $max }
v-param-colour = { $field } "{ $v }" is not a colour in the form #RRGGBB
v-param-choice = { $field } "{ $v }" is not one of { $list }
v-param-position = { $field } { $v }: give a ratio of the frame from 0 to 1, or whole pixels
v-param-not-text = { $field } must be a name in quotes
v-field-ims = { $field } is documented for the sister service (IMS) only; VOD may ignore it
v-field-third-party = { $field } comes from third-party notes, not from an Alibaba page; VOD may ignore it
v-motion-loop-alone = third-party notes say a loop motion cannot be combined with an entrance or exit motion
v-word-art-outline = word art styles come with their outlines preset: the documents say not to add Outline or Shadow to them
