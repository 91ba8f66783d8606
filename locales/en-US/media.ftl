# What the draft render (src/draft) and the footage service (src/media: ffmpeg, pictures)
# tell the editor and the command line when something goes wrong.

## ffmpeg
media-ffmpeg-install-hint = install ffmpeg for exact frames (Debian/Ubuntu: sudo apt install ffmpeg; macOS: brew install ffmpeg; Windows: winget install ffmpeg), or set its path in File > Account settings
media-draft-install-hint = a draft render needs the ffmpeg program, which decodes the footage and encodes H.264 + AAC: install it (Debian/Ubuntu: sudo apt install ffmpeg; Fedora: sudo dnf install ffmpeg; macOS: brew install ffmpeg; Windows: winget install ffmpeg), or give its path (--ffmpeg, VODCUT_FFMPEG, or File > Account settings)
media-ffmpeg-missing = ffmpeg is not available: { $reason }
media-ffmpeg-timeout = ffmpeg took longer than { $secs } s
media-cancelled = cancelled
media-url-expired = the media server refused the play URL (403): it has expired
media-no-frame-at = no frame at { $at } (past the end of the media?)
media-ffmpeg-failed = ffmpeg failed: { $error }
media-not-ffmpeg = { $path } is not ffmpeg
media-cannot-run = { $path } could not be run ({ $error })
media-frame-unreadable = ffmpeg's frame could not be read
media-cannot-start = cannot start { $program }: { $error }

## Pictures and sound
media-no-connection = no VOD connection: { $error }
media-decoder-stopped = the decoder stopped: { $error }
media-download-failed = download failed: { $error }
media-http-status = the media server answered HTTP { $status }
media-picture-too-large = the picture is larger than { $cap }; it was not downloaded further
media-picture-unreadable = unreadable picture: { $error }
media-picture-empty = empty picture
media-no-ffmpeg-no-stills = ffmpeg is not installed and media { $id } has no cover or snapshots
media-layer-video = track { $track }, clip { $n } (media { $media } at { $at })
media-layer-image = track { $track }, clip { $n } (image { $image })
media-layer = layer { $n }
media-no-stream = media { $id } has no MP4 stream and no source file URL to decode
media-image-no-url = image { $id } has no URL (status { $status })
media-url-of-play = the PlayURL of media { $id }
media-url-of-file = the source file URL (FileURL) of media { $id }
media-url-of-image = the URL of image { $id }
media-url-of-still = the cover or snapshot URL of media { $id }

## Draft render
# A message about one thing: "track V1, clip 2: the medium has no sound".
media-detail = { $what }: { $detail }
media-place-clip = track { $track }, clip { $n }
media-place-clip-media = track { $track }, clip { $n } (media { $media })
media-place-production = the production
media-place-effect-track = effect track { $n }
media-lengths-not-asked = VOD could not be asked for the media lengths ({ $error }); clips without Out last 5 s
media-height-too-small = the height must be at least 2 pixels
media-no-sound = { $place }: the medium has no sound
media-write-failed = cannot write { $path }: { $error }
media-cannot-start-render = cannot start the render: { $error }
media-no-input-pipe = the encoder has no input pipe
media-encoder-closed = the encoder is closed
media-encoder-stalled = the encoder took no frame for { $secs } s
media-encoder-stopped = the encoder stopped
media-writer-stopped = the frame writer stopped
media-encoder-unfinished = the encoder did not finish
media-encode-failed = ffmpeg could not encode the draft ({ $status }): { $said }
media-frames-not-sent = the frames could not be sent to ffmpeg: { $error }
media-probe-timeout = ffmpeg took longer than { $secs } s to read the media
media-no-answer = no answer
media-nothing-to-render = nothing to render: the project has no video or audio clip with a length
media-from-negative = --from { $from }: give a time of 0 or more
media-from-past-end = --from { $from } is at or past the end of the output ({ $end })
media-to-before-from = --to { $to } must come after --from { $from }
media-medium-ends = { $place }: the medium ends before the clip; its last frame is held
media-no-frame = { $place }: no frame (past the end of the medium, or the media server stopped answering)
# Something the draft does not imitate, listed once: "track V1, clip 2: VFX zoom (5–6 s)".
media-placeholder-line = { $place }: { $what } ({ $from }–{ $to })
media-placeholder-template = template { $id }
media-placeholder-template-group = template group { $id }
media-placeholder-effect = effect { $type }
# Drawn on the draft's picture where the thing would be.
media-not-in-draft = { $what } — not in draft
