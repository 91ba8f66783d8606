# Subtitle files in and out (.srt, .vtt, .ass): what is wrong, with the file and line.

subtitles-unknown-format = { $file }: not a subtitle file vodcut reads (.srt, .vtt, .ass or .ssa)
subtitles-unknown-encoding = "{ $encoding }" is not an encoding vodcut knows (try utf-8, utf-16le, gbk, gb18030, big5)
subtitles-bad-bytes = { $file }, line { $line }: bytes that are not { $encoding }; give the file's encoding with --encoding
subtitles-not-vtt = { $file }, line 1: a WebVTT file starts with WEBVTT
subtitles-no-timing = { $file }, line { $line }: a cue without its times (start --> end)
subtitles-bad-time = { $file }, line { $line }: a time that cannot be read (00:00:01,500 is the form)
subtitles-end-before-start = { $file }, line { $line }: the cue ends before it starts
subtitles-empty = { $file }, line { $line }: the cue has no text
subtitles-overlap = { $file }, line { $line }: the cue starts before the one at line { $other } ends
subtitles-no-format = { $file }, line { $line }: a Dialogue line before its section's Format line
subtitles-no-cues = { $file }: no subtitles in it
subtitles-too-short = { $file }, line { $line }: the cue is shorter than a frame of the project
subtitles-no-track = there is no track named { $track }
subtitles-not-subtitle-track = { $track } is not a subtitle track
subtitles-locked = track { $track } is locked
subtitles-occupied = track { $track } already has a subtitle at { $at }: import onto another track (--track) or move it
subtitles-no-video = { $file }, line { $line }: no video clip plays at { $at } to carry the text
subtitles-nothing-to-export = there are no subtitles to export (no subtitle track with text)
subtitles-cannot-read = cannot read { $file }: { $error }
subtitles-imported = { $n ->
    [one] imported 1 subtitle into { $where } of { $file }
   *[other] imported { $n } subtitles into { $where } of { $file }
}
subtitles-where-track = track { $track }
subtitles-where-effects = Text effects on track { $track }
subtitles-exported = { $n ->
    [one] wrote 1 subtitle to { $file }
   *[other] wrote { $n } subtitles to { $file }
}
subtitles-timeline-file = { $file } is an API Timeline, not a project: import it into a project first (vodcut import)

# The editor: File menu, drops, the undo step.
subtitles-menu-import = Import subtitles…
subtitles-menu-import-tip = Add the subtitles of an .srt, .vtt or .ass file to a subtitle track (or drop the file on one)
subtitles-menu-export = Export subtitles…
subtitles-menu-export-tip = Write the first subtitle track as an .srt file
subtitles-filter = Subtitles (.srt, .vtt, .ass)
subtitles-filter-srt = SubRip subtitles (.srt)
subtitles-no-dialog = no file dialog can be shown here: drop the subtitle file on a subtitle track, or use vodcut subtitles import
subtitles-edit-import = Import subtitles
subtitles-import-failed = Subtitles not imported
subtitles-imported-status = { $n ->
    [one] Imported 1 subtitle from { $file }
   *[other] Imported { $n } subtitles from { $file }
}
