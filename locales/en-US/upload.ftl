# Uploading local files: why a file cannot go.

up-no-such-file = { $file }: no such file
up-permission-denied = { $file }: cannot be read (permission denied)
up-unreadable = { $file }: cannot be read ({ $error })
up-folder = { $file } is a folder; choose the video, audio or image files inside it
up-not-regular = { $file } is not a regular file (a device or a pipe cannot be uploaded)
up-no-extension = { $file } has no file extension; VOD needs one to know the format (e.g. .mp4, .mp3, .jpg)
up-hls = { $file }: HLS playlists (.m3u8) need their .ts segments uploaded too, which vodcut does not do yet
up-extension-refused = { $file }: VOD does not take .{ $ext } files (videos: { $videos }; audio: { $audio }; images: { $images })
up-empty = { $file } is empty (0 bytes)
up-too-big-image = { $file } is { $size } bytes, over the { $limit } limit for images
up-too-big-media = { $file } is { $size } bytes, over the { $limit } limit for videos and audio
up-title-empty = the title is empty
up-title-long = the title is { $n } bytes long; VOD takes at most { $max }
up-too-many-tags = { $n } tags given; VOD takes at most { $max }
up-tag-long = the tag "{ $tag }" is { $n } bytes; VOD takes at most { $max } per tag
up-changed = { $path } changed since its upload began ({ $detail }). Uploading it again starts over as new media{ $hint }
up-restart-hint = ; confirm to start over (CLI: --restart)
up-state-unusable = { $path }: { $detail }. Starting over uploads the file as new media and keeps that state aside as .unreadable{ $hint }
up-busy = { $path } is already being uploaded (by another vodcut window or command); wait for that upload to end, or stop it, then try again
up-oss-failed = { $path }: { $what } failed after { $tries ->
        [one] 1 try
       *[other] { $tries } tries
    }: { $error }.{ $kept }
up-state-kept = {" "}The upload state is kept: run the same upload again to continue from the confirmed parts
up-paused = paused
up-cancelled = cancelled

oss-refused = OSS refused: { $code } (HTTP { $status }): { $message }
oss-what-it-means = {". What it means: "}{ $hint }
oss-network = no answer from OSS: { $detail }
oss-bad = OSS answered HTTP { $status } with an unexpected body: { $detail }
oss-integrity = OSS stored different data: { $detail }
oss-hint-token-expired = the temporary upload credentials expired; vodcut renews them by itself, so this means renewing failed
oss-hint-unknown-key = the temporary upload credentials are not known to OSS; they are renewed on resume
oss-hint-signature = OSS computed another signature: a proxy may be changing the request
oss-hint-clock = this computer's clock is more than 15 minutes off: set it right
oss-hint-denied = OSS refused access to the upload address
oss-hint-no-upload = OSS no longer knows this multipart upload (aborted, completed or expired after 7 days)
oss-hint-parts = the parts listed at completion do not match what OSS holds
oss-hint-too-small = a part other than the last is smaller than 100 KB
oss-hint-too-large = the file or a part is over the OSS limit
oss-hint-digest = the data arrived damaged (its MD5 does not match)
oss-hint-timeout = the connection was too slow; it is tried again
