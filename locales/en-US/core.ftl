# What vodcut's core (files, times, regions, the service, this computer) says to people.
# Reading project and Timeline files: what a value should be, in words (never Rust type names).
# Noun phrases ("an object (a clip)") are placed into the sentences below as { $what } / { $expected }.
core-json-an-object = an object
core-json-a-key = a key
core-json-a-list = a list
core-json-a-number = a number
core-json-a-string = a string
core-json-a-boolean = a boolean
core-json-text = text
core-json-the-text = the text "{ $text }"
core-json-the-number = the number { $n }
core-json-top-level = the top level
core-json-duplicate = the key "{ $key }" appears twice in this object; keep one
core-json-missing = the field { $field } is missing
core-json-negative = { $v } is negative; expected { $expected }
core-json-not-what = { $v } is not { $what }
core-json-too-large = { $n } is too large for { $what }
core-json-too-many-pieces = more than { $max } clips, effects, tracks and other entries in all, the most vodcut opens (VOD's own limits, 100 tracks of each kind and 200 materials, keep real productions far smaller); is it the right file?
core-json-not-one-of = "{ $text }" is not { $what }; expected one of { $list }
core-json-expected-one-of = expected { $what }: one of { $list }
core-json-found = found { $found }
core-json-found-expected = found { $found }, expected { $expected }
core-json-expected = expected { $expected }
core-json-at-line = { $message } (line { $line }, column { $column })
core-json-expected-json-object = expected a JSON object
core-json-not-a-number = "{ $text }" is not a number
core-json-expected-number = expected a number, found { $found }
core-json-expected-whole-found = expected a whole number, found { $found }
core-what-track = an object (a track)
core-what-media-metadata = an object (media metadata)
core-what-pixels = a whole number of pixels
core-what-produce-config = an object (produce settings)
core-what-user-data = an object (user data)
core-what-marker = an object (a marker)
core-what-media-kind = a kind of media
core-what-track-kind = a kind of track
core-what-bin-entry = an object (a media bin entry)
core-what-whole-number = a whole number
core-what-project = an object (a vodcut project)
core-what-font-face = an object (font face)
core-what-clip = an object (a clip)
core-what-effect = an object (an effect)
core-what-timeline = an object (a Timeline)
# serde_json's words for broken JSON.
core-json-syntax-at = { $message } at line { $line } column { $column }
core-syntax-eof-list = EOF while parsing a list
core-syntax-eof-object = EOF while parsing an object
core-syntax-eof-string = EOF while parsing a string
core-syntax-eof-value = EOF while parsing a value
core-syntax-colon = expected `:`
core-syntax-comma-list = expected `,` or `]`
core-syntax-comma-object = expected `,` or `{"}"}`
core-syntax-ident = expected ident
core-syntax-value = expected value
core-syntax-escape = invalid escape
core-syntax-number = invalid number
core-syntax-range = number out of range
core-syntax-unicode = invalid unicode code point
core-syntax-control = control character (\u0000-\u001F) found while parsing a string
core-syntax-key = key must be a string
core-syntax-surrogate = lone leading surrogate in hex escape
core-syntax-trailing-comma = trailing comma
core-syntax-trailing = trailing characters
core-syntax-hex-end = unexpected end of hex escape
core-syntax-recursion = recursion limit exceeded

core-import-not-json = not JSON: { $error }
core-import-shape = at { $at }: { $message }
core-import-not-timeline = this is neither an API Timeline nor a vodcut project (no VideoTracks, AudioTracks, ImageTracks or SubtitleTracks)

# Times typed in the inspector and read from files.
core-time-not-a-time = not a time: type a timecode (00:00:05:12, or 512 without colons), seconds (5.48), a frame count ending in a period (137.), or + or - before one of these to move from the present time
core-time-too-many-colons = too many parts: hh:mm:ss:ff at most
core-time-not-whole = "{ $text }" is not a whole number
core-time-too-long = too long
# A time or length in seconds (View > Times in seconds): "5.48 s".
core-time-in-seconds = { $s } s
core-time-not-frame-rate = { $v } is not a frame rate (1 to 240 frames per second)
core-time-expecting = a time in seconds (a number, or a string holding one)
core-time-unusable = { $v } s is not a usable time
core-time-not-seconds = "{ $text }" is not a time in seconds

# A track's kind, as placed into sentences ("Add video track").
core-track-kind-video = video
core-track-kind-audio = audio
core-track-kind-image = image overlay
core-track-kind-subtitle = subtitle

# Regions, named as the Alibaba Cloud console names them.
core-region-shanghai = China (Shanghai)
core-region-beijing = China (Beijing)
core-region-shenzhen = China (Shenzhen)
core-region-hangzhou = China (Hangzhou), served by Shanghai
core-region-hongkong = China (Hong Kong)
core-region-singapore = Singapore
core-region-tokyo = Japan (Tokyo)
core-region-jakarta = Indonesia (Jakarta)
core-region-mumbai = India (Mumbai)
core-region-silicon-valley = US (Silicon Valley)
core-region-frankfurt = Germany (Frankfurt)
core-region-riyadh = Saudi Arabia (Riyadh)
core-region-gov = China North 2 Ali Gov 1
core-region-unknown = unknown VOD region "{ $region }"; known regions: { $list }

# The endpoint, the signature and the service's answers.
core-endpoint-not-url = endpoint "{ $url }" is not a URL: { $error }
core-endpoint-plain-http = endpoint "{ $url }" is plain http to another machine; use https, or allow insecure http explicitly
core-endpoint-scheme = endpoint "{ $url }": scheme { $scheme } is not http or https
core-endpoint-no-host = endpoint "{ $url }" has no host
core-sign-v1 = V1 (HMAC-SHA1, default)
core-sign-v3 = V3 (ACS3-HMAC-SHA256)
core-sign-unknown = signature version "{ $version }" is not v1 or v3
core-api-answer-at = { $action } answer at { $at }: { $error }
core-api-answer = { $action } answer: { $detail }
core-api-answer-lacks = the { $action } answer has no { $name } (RequestId { $request })
core-api-no-ids = the answer holds no MediaId or ProjectId (RequestId { $request })
core-api-too-many-ids = GetVideoInfos takes at most 20 IDs, not { $n }
core-api-no-https = cannot set up HTTPS: { $error }
core-api-unreadable-body = HTTP { $status } with an unreadable body: { $detail }
core-api-cut-off = the answer was cut off: { $error }
core-api-not-object = expected a JSON object, got: { $body }
core-api-empty-body = (empty body)
core-api-service-error = { $code } (HTTP { $status }): { $message }
core-api-not-base64 = not Base64 ({ $error })
core-api-not-json = not JSON ({ $error })
core-api-no-session-keys = no credentials entered for this session: open Account settings

# Where the AccessKey came from.
core-source-env = environment variables
core-source-cli = aliyun CLI profile "{ $profile }" ({ $path })
core-source-file = profile "{ $profile }" in { $path }
core-source-session = entered for this session
core-source-sandbox = the sandbox's demo keys
core-profile-in-cli = { $name } (aliyun CLI config)
core-profile-in-file = { $name } (credentials file)
core-cred-place-profile = { $place }, profile "{ $name }"
core-cred-no-sts-token = mode StsToken but no sts_token
core-cred-key-empty = access_key_id or access_key_secret is empty
core-cred-key-missing = access_key_id or access_key_secret is missing

# Files and folders on this computer.
core-file-kind-other = a special file
core-write-not-regular = it is { $kind }, not a regular file; vodcut only replaces regular files
core-write-read-only = it is read-only
core-write-untrusted-link = { $link } is a symbolic link owned by another user in a folder others can write to; vodcut does not follow it
core-read-not-regular = it is { $kind }, not a regular file
core-read-too-large = it is larger than { $limit } MB, the most vodcut reads
core-read-over-limit = it is larger than { $limit }, the most vodcut reads for this file
core-too-many-links = too many levels of symbolic links
core-no-file-name = no file name
core-enc-utf32-be = UTF-32 (big-endian)
core-enc-utf32-le = UTF-32 (little-endian)
core-enc-utf16-be = UTF-16 (big-endian)
core-enc-utf16-le = UTF-16 (little-endian)
core-no-data-folder = no data folder on this system (no home folder?)
core-settings-unreadable = { $path }: { $error }; using defaults
core-recovery-unreadable = unreadable recovery file: { $error }
core-job-bad-id = "{ $id }" ({ $chars } characters) is not an ID: a job ID, a MediaId or ProjectId (32 hexadecimal digits) or a RequestId (letters, digits and -, at most 64)
core-keychain-unavailable = no system keychain is available here ({ $why }); the keys are kept for this session only
core-keychain-failed = the system keychain refused: { $why }
core-keychain-unreadable = the entry in the system keychain is not one vodcut wrote ({ $why })
core-keychain-no-service = no Secret Service on the session bus
core-keychain-timeout = the keychain did not answer in time
core-log-no-rotate = vodcut: cannot rotate { $path }: { $error }
core-log-no-file = vodcut: cannot write a log file in the data folder ({ $error }); logging to stderr only

# The network: caps, redirects and URLs from a service (api/http.rs).
core-body-too-large = the answer is larger than { $cap }, more than this call ever needs; it was not read further
core-too-many-redirects = more than { $n } redirects
core-redirect-scheme = a redirect to a { $scheme }: URL (only http and https are followed)
core-api-redirected = the endpoint answered with a redirect (HTTP { $status }); API calls follow no redirects, so nothing was sent on and the answer is not used
core-url-too-long = { $what } is { $size } long (at most { $max } is accepted)
core-url-not-http = { $what } is not an http or https URL (it starts with { $scheme }:); only http and https URLs from the service are used
core-api-deadline = no complete answer within { $secs } s (the whole call, retries included)
core-api-no-request-id = the answer is not one VOD sends (it has no RequestId): { $body }
core-api-answer-missing = the { $action } answer has no { $name }: { $body }

## An earlier submission whose answer was lost (core/lost.rs)
lost-not-found = VOD shows no editing project with its title and timeline made around then (a production may still appear)
lost-existing-project = its editing project { $id } is { $status }, which does not tell whether the submission took
lost-check-failed = VOD could not be asked about it: { $error }
lost-ambiguous = editing projects { $projects } all have its title and timeline: which of them, if any, it made cannot be told
lost-too-many = more than { $count } editing projects with its title were made around then: not all could be looked at

## Compare with draft (core/compare.rs)
compare-cancelled = the comparison was cancelled
compare-length-differs = the produced video is { $produced } long, the draft { $draft }: later clips may have moved (a clamped Out?)
compare-layer-missing = at { $at } the draft leaves out { $layer }: { $error }
compare-produced-unreadable = the produced video { $media } cannot be read: { $error }
compare-frame-failed = no frame of the produced video at { $at }: { $error }
compare-why-start = start
compare-why-cut = cut
compare-why-marker = marker "{ $label }"
compare-past-end = past the produced video's end
