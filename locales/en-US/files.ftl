# Opening and saving project and Timeline files. Every message names the file.

file-read = { $path }: cannot read the file: { $error }
file-write = { $path }: cannot write the file: { $error }. The previous version on disk is unchanged.
file-write-new = { $path }: cannot write the file: { $error }. Nothing was written there.
file-not-regular-input = { $path }: it is { $kind }, not a regular file; vodcut reads project and Timeline files (use - to read standard input)
file-not-regular-output = { $path }: it is { $kind }, not a regular file, so vodcut did not replace it (to write to standard output, use -o -)
file-read-only = { $path }: the file is read-only, so vodcut did not replace it. Make it writable or save under another name (on the command line, --force replaces it and keeps it read-only).
file-untrusted-link = { $path }: { $link } is a symbolic link owned by another user in a folder others can write to, so vodcut did not follow it (it may have been put there to make this save replace another file). Write to the file it points to by its own name, or remove the link.
file-too-large = { $path }: the file is larger than { $limit } MB, the most vodcut reads (a project of 100 000 clips is about 20 MB); is it the right file?
file-encoding = { $path }: the file is { $encoding } text; vodcut reads JSON in UTF-8. Save it as UTF-8 and open it again.
file-empty = { $path }: the file is empty
file-truncated = { $path }: the file is cut short (it ends at line { $line }, column { $column }); it may have been copied or saved incompletely. A backup may exist beside it as { $backup }
file-not-json = { $path }: not JSON: { $message } (line { $line }, column { $column })
file-shape = { $path }: at { $at }: { $message }
file-newer = { $path }: written by a newer vodcut (format version { $found }; this one reads up to { $supported }). Update vodcut to open it; it has not been changed.
file-would-replace-newer = { $path }: written by a newer vodcut (format version { $found }; this one writes version { $supported }), so vodcut did not replace it. Save under another name, or update vodcut.
file-unrecognised = { $path }: neither a vodcut project (no FormatVersion) nor an API Timeline (no VideoTracks, AudioTracks, ImageTracks or SubtitleTracks)
file-kind-fifo = a FIFO (named pipe)
file-kind-device = a device
file-kind-socket = a socket
file-kind-folder = a folder

# Outputs that are not projects (still, frame, render, the editor's draft).
output-kind-png = a PNG picture
output-kind-mp4 = an MP4 video
output-kind-srt = a SubRip subtitle file (.srt)
output-kind-otio = an OpenTimelineIO file
output-found-project = a vodcut project
output-found-json = JSON (an API Timeline or other data)
output-found-other = another kind of file
output-is-input = { $path } is the input file; write the output to another file (nothing was changed)
output-project-name = -o { $path }: that name is for a project or Timeline (.vodcut, .json); name { $kind } file instead (nothing was written)
output-no-stdout = { $kind } cannot be written to standard output here; name a file with -o (a file called - is written as ./-)
output-occupied = { $path } exists and is { $found }, not { $kind }, so vodcut did not replace it; pass --force to replace it (the old file is kept as { $backup })
output-no-folder = the folder { $dir } does not exist (nothing was written)
output-not-regular = { $path }: it is { $kind }, not a regular file, so vodcut did not replace it
