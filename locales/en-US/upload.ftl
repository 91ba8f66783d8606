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
