# Edits from other editors (vodcut import FILE.otio|.xml|.fcpxml|.edl) and back (export-otio).

ix-unknown-format = { $file }: not a file vodcut imports by its name (.otio, .xml, .fcpxml, .edl, or an API Timeline .json)
ix-cannot-read = { $file }: cannot read the file: { $error }
ix-in-file = { $file }: { $error }
ix-too-long = a time ({ $what }) is longer than a timeline can hold
ix-otio-not-json = not OpenTimelineIO JSON: { $error }
ix-otio-no-timeline = no Timeline in the file (an .otio file holds a Timeline, or a collection of them)
ix-otio-no-tracks = the Timeline has no tracks (a Stack)
ix-otio-bad-time = { $what }: not a time: { $value }
ix-otio-clip-no-range = the clip "{ $name }" has no source range and its media no available range: its length is unknown
ix-xml-not-utf8 = the XML is not UTF-8 text ({ $error }); save it as UTF-8
ix-xml-entities = the XML declares entities (<!ENTITY>), which vodcut does not expand (Final Cut and Premiere never write them); nothing was read
ix-xml-bad = not well-formed XML: { $error }
ix-bound = line { $line }, column { $column }: { $what }; nothing was read
ix-bound-json-depth = objects and lists nest more than { $limit } deep, the most vodcut reads (a real .otio nests about 30 deep)
ix-bound-json-values = more than { $limit } values, the most vodcut reads in one JSON file (an .otio of an hour-long edit holds about 200 000)
ix-bound-xml-nodes = more than { $limit } elements, attributes and texts, the most vodcut reads in an XML edit (an hour of Premiere XML is about 200 000)
ix-bound-xml-attributes = an element with more than { $limit } attributes, the most vodcut reads on one element
ix-bound-xml-depth = elements nest more than { $limit } deep, the most vodcut reads (a real edit nests about 30 deep)
ix-xml-not-an-edit = the XML is <{ $root }>, neither Final Cut Pro 7 XML (<xmeml>) nor FCPXML (<fcpxml>)
ix-xml-missing = <{ $element }> at line { $line } has no <{ $what }>
ix-xml-bad-number = <{ $what }> at line { $line } is not a whole number of frames: { $text }
ix-fcp-no-sequence = no sequence in the Final Cut Pro 7 XML
ix-fcpxml-no-project = no project with a sequence and a spine in the FCPXML
ix-fcpxml-bad-time = { $what }="{ $text }" of <{ $element }> at line { $line } is not a time (like 1001/30000s)
ix-edl-bad-event = line { $line }: not an EDL event (edit number, reel, channels, transition, four timecodes)
ix-edl-bad-timecode = line { $line }: { $text } is not a timecode at { $base } frames a second
ix-edl-backwards = line { $line }: an out point before its in point

ix-place-clip = clip "{ $name }"
ix-loss-speed = speed { $percent }% not carried: the clip plays at normal speed, its length on the timeline kept
ix-loss-freeze = a freeze frame not carried: the clip plays its media
ix-loss-nested = the nested sequence "{ $name }" flattened onto the track ({ $clips } clips)
ix-loss-nested-tracks = other tracks inside the nested sequence "{ $name }" left out ({ $clips } clips)
ix-loss-effect = the effect "{ $name }" left out
ix-loss-transition-fade = the transition "{ $name }" carried as a cross-dissolve (fade)
ix-loss-transition-alone = a transition from or to nothing (a fade from or to black) left out: VOD's transitions join two clips
ix-loss-audio-transition = an audio cross-fade left out: VOD's transitions are for video clips
ix-loss-transition-handles = the clip after a transition has no media before it, so the cut stays where it was
ix-loss-generator = the generated clip "{ $name }" (colour, slug, text or title) left out
ix-loss-disabled = a clip switched off in the other editor left out
ix-loss-no-source = a clip whose media the file does not name left out
ix-loss-linked-audio = { $clips } audio clips that are the sound of a video clip (same file, same times) merged: VOD plays a video clip's sound with it
ix-loss-stereo = { $clips } audio clips that repeat another channel of the same file at the same times merged
ix-loss-rate = the file does not state its frame rate: { $rate } fps used
ix-loss-off-frame = some times fall between frames at { $rate } fps: kept exactly, not moved to frames
ix-loss-unread = { $what } not read
ix-loss-other-sequences = { $n } more sequences in the file not imported (the first one was)

ix-found-in-file = named in the file
ix-found-map = from the map
ix-found-library = the library's "{ $title }"
ix-found-uploaded = uploaded
ix-report-source = { $file } -> { $id } ({ $how }; { $clips ->
    [one] one clip
   *[other] { $clips } clips
})
ix-report-missing = { $file }: no media found ({ $clips ->
    [one] its clip keeps its place
   *[other] { $clips } clips keep their place
} without a MediaId)
ix-report-note = not carried: { $note }

ix-map-cannot-read = { $file }: cannot read the media map: { $error }
ix-map-not-utf8 = { $file }: the media map is not UTF-8 text
ix-map-no-header = the media map needs a header line naming the columns file and MediaId (file,MediaId)
ix-map-no-file = line { $line }: no file name or path
ix-map-bad-id = line { $line }: { $id } is not a MediaId (32 hexadecimal digits)
ix-map-twice = line { $line }: { $file } is mapped to two different MediaIds
ix-map-open-quote = line { $line }: a quoted field is never closed
ix-library-several = { $file }: several media in the library have this name ({ $ids }); map the right one with --media

ix-export-subtitles = track { $track }: { $clips } subtitles left out (OpenTimelineIO has no text clips)
ix-export-overlap = track { $track }: clips that overlap go on more tracks ({ $track }.2…)
ix-export-overlay-position = track { $track }: the overlays' position and size left out
ix-export-length-unknown = track { $track } { $at }: the clip's length is not known; written as 5 seconds
ix-export-no-media = track { $track } { $at }: a clip without a MediaId written without its media (another editor sees it offline)
ix-export-file-only = track { $track } { $at }: a clip without a MediaId written with its file only ({ $file })
ix-export-effect = track { $track } { $at }: the effect { $effect } left out
ix-export-transition-kind = track { $track } { $at }: the transition { $kind } written as a cross-dissolve
ix-export-transition-alone = track { $track } { $at }: a transition with no clip right after it left out

cli-import-needs-output = importing an API Timeline needs -o PROJECT.vodcut (or -o - for standard output)
cli-ix-fps-edl-only = --fps is for an EDL, which does not state its frame rate; the other formats state theirs
cli-ix-library-skipped = the library was not searched ({ $error }); the sources not in the map are listed below (--offline skips the search)
cli-ix-no-file = { $file }: not a file on this machine, so it cannot be uploaded
cli-ix-uploaded = uploaded { $file } as { $id }
cli-ix-upload-failed = some uploads failed; { $missing } sources still have no MediaId (the project is written; run the same command again to retry)
cli-ix-missing = { $missing ->
    [one] one source has
   *[other] { $missing } sources have
} no MediaId yet ({ $clips } clips keep their place and are errors for validate): map them (--media MAP.csv) or upload them (--upload)
cli-ix-exported = wrote { $file } ({ $clips } clips; { $notes } things not carried, listed above)

ix-ui-menu-import = Import edit (OTIO, FCP XML, FCPXML, EDL)…
ix-ui-menu-import-tip = Open an edit made in Premiere, Resolve, Final Cut or another editor as a new project, with a report of what was carried
ix-ui-menu-export = OpenTimelineIO (.otio)…
ix-ui-menu-export-tip = Write the project as an OpenTimelineIO file for another editor
ix-ui-filter-edits = Edits from other editors
ix-ui-browse-import = Import an edit
ix-ui-browse-export = Export as OpenTimelineIO
ix-ui-browse-map = Choose a media map (file,MediaId)
ix-ui-browse-map-verb = Choose
ix-ui-import = Import
ix-ui-export = Export
ix-ui-imported = Imported { $path } ({ $clips } clips), not saved yet
ix-ui-exported = Wrote { $path }
ix-ui-import-title = Import report
ix-ui-export-title = Export report
ix-ui-import-summary = { $file }: { $clips } clips placed; { $missing ->
    [0] every source has its MediaId
    [one] one source without a MediaId
   *[other] { $missing } sources without a MediaId
}
ix-ui-missing-hint = Clips without a MediaId keep their place, named by their file, and are errors until they get one: give them MediaIds with Apply a media map… below, or upload their files (File > Import edit… asks for each one it found nowhere).
ix-ui-export-summary = { $file } written; { $notes ->
    [0] everything was carried
    [one] one thing was not carried:
   *[other] { $notes } things were not carried:
}
ix-ui-apply-map = Apply a media map…
ix-ui-apply-map-tip = Choose a CSV with the header file,MediaId (each source's file name or path and its MediaId): the clips still waiting for those files get them (one undo step)

ix-ui-filter-map = Media maps (file,MediaId)
ix-ui-library-skipped = the library was not searched ({ $error }): the sources the file and the map did not name are listed below
ix-ui-importing = Importing { $file }…
ix-ui-setup-title = Import edit
ix-ui-setup-file = File: { $file }
ix-ui-setup-rate = Frame rate:
ix-ui-setup-rate-hint = An EDL does not state its frame rate: its timecode is read at this one (the rate it was cut at).
ix-ui-rate-df = { $rate } drop-frame
ix-ui-rate-ndf = { $rate } non-drop-frame
ix-ui-setup-map = Media map:
ix-ui-setup-no-map = none
ix-ui-setup-choose-map = Choose a map…
ix-ui-setup-clear-map = No map
ix-ui-setup-map-hint = Optional: a CSV with the header file,MediaId. Sources it does not name are looked for in the library by their file name; those found nowhere can be uploaded next.
ix-ui-unmatched-title = Media not found
ix-ui-unmatched-body = The file, the map and the library gave these sources no media. Their clips keep their place, named by the file. Upload a file to place its clips when VOD has it, or keep it as missing (a map applied later, from the report, can still place it).
ix-ui-unmatched-clips = { $clips ->
    [one] one clip
   *[other] { $clips } clips
}
ix-ui-unmatched-upload = Upload and place
ix-ui-unmatched-upload-tip = Upload the file with the upload queue (File > Upload media…); its clips get its MediaId when VOD gives it
ix-ui-unmatched-not-here = { $file } is not a file on this machine, so it cannot be uploaded from here
ix-ui-unmatched-keep = Keep as missing
ix-ui-unmatched-continue = Continue
ix-ui-uploading = { $n ->
    [0] No file uploaded: the clips keep waiting for their media
    [one] Uploading one file: its clips are placed when VOD gives its MediaId
   *[other] Uploading { $n } files: their clips are placed as VOD gives each its MediaId
}
ix-ui-undo-place = Place uploaded media
ix-ui-undo-map = Apply media map
ix-ui-report-upload-failed = the upload of { $file } did not finish ({ $error }): its clips keep waiting; retry it in the Uploads window
ix-ui-report-uploaded = uploaded { $file } as { $id }: { $clips ->
    [0] no clip waited for it any more (it is in the bin)
    [one] one clip placed
   *[other] { $clips } clips placed
}
ix-ui-map-applied = map { $file }: { $clips ->
    [one] one clip
   *[other] { $clips } clips
} placed ({ $files ->
    [one] one file
   *[other] { $files } files
})
ix-ui-map-nothing = map { $file }: it names none of the files clips are waiting for
