# The editor's cloud side: account settings, the media library, uploads, producing and the
# job history. Terms follow locales/glossary.md.

## Account settings

cloud-account-title = Account settings
cloud-settings-not-saved = the settings were not saved: { $error }
cloud-account-sandbox = Sandbox: its demo keys and endpoint are used whatever is chosen here; nothing leaves this machine.
cloud-credentials = Credentials
cloud-cred-automatic = Automatic: environment, then aliyun CLI profile, then ~/.alibabacloud/credentials
cloud-cred-profile = aliyun CLI profile
cloud-cred-choose = (choose)
cloud-cred-no-profiles = no profiles in ~/.aliyun/config.json
cloud-cred-profile-name = aliyun CLI profile name
cloud-cred-session = Entered here, for this session (never in a file; the keychain on request)
cloud-cred-looking = looking…
# Which credentials are in use: "Active: environment variables, AccessKey ID LTAI****ey01".
cloud-cred-active = Active: { $what }
cloud-cred-described = { $source }, AccessKey ID { $id }
cloud-cred-described-sts = { $source }, AccessKey ID { $id } with an STS token
cloud-source-env = environment variables
cloud-source-cli-profile = aliyun CLI profile "{ $profile }" ({ $path })
cloud-source-file = profile "{ $profile }" in { $path }
cloud-source-session = entered for this session
cloud-source-sandbox = the sandbox's demo keys
cloud-key-id = AccessKey ID
cloud-key-secret = AccessKey secret
cloud-key-token = STS token (optional)
cloud-remember = Remember in system keychain
cloud-remember-tip = Kept by the desktop's keychain (Secret Service, macOS Keychain, Windows Credential Manager), never in a file vodcut writes
cloud-asking-keychain = Asking the system keychain…
cloud-use-these = Use these
cloud-enter-id = Enter the AccessKey ID.
cloud-enter-secret = Enter the AccessKey secret.
cloud-none-entered = None entered yet.
cloud-default-region = Default region for new projects
cloud-default-region-auto = (credentials' region, else cn-shanghai)
cloud-endpoint = Endpoint override
cloud-endpoint-hint = empty: the region's endpoint
cloud-allow-http = Allow plain http to another machine (private endpoints only)
cloud-signature = Request signature
cloud-signature-v1 = V1 (HMAC-SHA1, default)
cloud-signature-v3 = V3 (ACS3-HMAC-SHA256)
cloud-ffmpeg = ffmpeg program
cloud-ffmpeg-hint = empty: ffmpeg on PATH
cloud-ffmpeg-tip = Exact frames in the preview and on the clips need ffmpeg; without it covers and snapshots stand in
cloud-frame-memory = Memory for frames (MB)
cloud-still-duration = Still image duration
cloud-still-duration-tip = How long an image lasts when dropped on a track (it has no length of its own); trim it like any clip
cloud-seconds-suffix = {" "}s
cloud-test-connection = Test connection
cloud-connected = Connected to { $endpoint } as { $id }: the account has { $total ->
        [one] 1 editing project
       *[other] { $total } editing projects
    }.

## The media library

cloud-lib-too-far = Cannot jump that far: page through with Next
cloud-lib-search-hint = title words
cloud-lib-search-label = Search titles
cloud-lib-search = Search
cloud-lib-newest = newest first
cloud-lib-oldest = oldest first
cloud-lib-sort-tip = Sort by creation time
cloud-lib-materials = Materials of the cloud project
cloud-asking-vod = Asking VOD…
# Results 1 to 50 of 60.
cloud-lib-range = { $first }–{ $last } of { $total }
cloud-lib-previous = Previous
cloud-lib-next = Next
cloud-lib-load-more = Load more
cloud-lib-load-more-tip = Append the next page
cloud-lib-materials-count = { $n ->
        [one] 1 material
       *[other] { $n } materials
    } of the cloud project
# A row: "video · 0:00:42.50 · 3.10 MB".
cloud-lib-row = { $kind } · { $length }
cloud-lib-row-size = { $kind } · { $length } · { $size }
cloud-lib-row-still-size = { $kind } · { $size }
cloud-lib-length-unknown = length unknown
cloud-lib-not-normal = { $status }: not usable until ready
cloud-lib-row-label = Library { $title }
cloud-lib-row-tip =
    { $id }
    Drag onto a track
cloud-thumb-no-http = no HTTP client
cloud-thumb-url = the cover URL
cloud-thumb-not-picture = not a picture: { $error }

## Uploads

cloud-up-queued = queued
cloud-up-starting = starting
cloud-up-finishing = finishing the upload
cloud-up-uploading = uploading { $percent } %
cloud-up-paused-at = paused at { $percent } %
cloud-up-changed = file changed: waiting for you
cloud-up-ready = ready
cloud-up-failed = upload failed
cloud-up-cancelled = cancelled
cloud-up-not-media = { $file }: not a media file
cloud-up-no-runtime = cannot start the upload runtime: { $error }
cloud-up-vod-failed = VOD could not process it: { $status }
cloud-up-no-data-folder = no data folder to keep the upload state in
cloud-up-filter = Video, audio and images
cloud-up-title = Uploads
cloud-up-choose = Choose files…
cloud-up-choose-tip = Video, audio and image files to upload to VOD
cloud-up-or-paths = or paths:
cloud-up-upload = Upload
cloud-up-all = All: { $done } of { $total }
cloud-up-all-label = All uploads { $percent } %
cloud-up-empty = Drop video, audio or image files on the window (the bin or a track), or choose them above.
# A file's progress bar: its state, then the speed and the time left once known.
cloud-up-speed = { $state } · { $speed }/s
cloud-up-speed-left = { $state } · { $speed }/s · { $left } left
cloud-up-item-label = Upload of { $name }: { $state }
cloud-up-pause = Pause
cloud-up-resume = Resume
cloud-up-restart = Start over
cloud-up-restart-tip = Upload the file as it is now, as new media
# Steps of an upload, named in its errors ("part 3 failed after 5 tries").
cloud-step-upload = the upload
cloud-step-initiate = starting the multipart upload
cloud-step-list = listing the uploaded parts
cloud-step-part = part { $n }
cloud-step-complete = completing the upload
cloud-step-object = the object
cloud-etag-mismatch = { $what }: ETag { $etag } is not the MD5 { $md5 } of the bytes sent
cloud-etag-missing = { $what }: the answer has no ETag to check
cloud-up-image-expired = { $path }: the upload credentials expired, and VOD cannot renew them for images; upload it again
cloud-up-read-failed = cannot read the file: { $error }
cloud-up-read-stopped = reading stopped: { $error }
cloud-up-size-changed = its size was { $was } bytes, now { $now }
cloud-up-modified = it was modified
cloud-state-unreadable = cannot read the upload state { $file }: { $error }
cloud-state-damaged = the upload state { $file } cannot be used: { $error }
cloud-state-no-folder = cannot create the upload state folder { $folder }: { $error }
cloud-state-not-saved = cannot save the upload state { $file }: { $error }
cloud-state-no-lock = cannot lock the upload { $file }: { $error }
cloud-state-bad-version = it is of version { $version }, which this vodcut does not know
cloud-state-bad-size = it is for an empty file
cloud-state-bad-part-size = its part size { $size } is outside OSS's limits ({ $min } to { $max } bytes)
cloud-state-bad-part-size-single = it is for one request, but its part size { $size } is not the file's size
cloud-state-too-many-parts = it would need more than { $max } parts
cloud-state-bad-part = it lists part { $n } of a file of { $count } parts
cloud-state-bad-etag = the ETag of part { $n } is not an MD5
cloud-state-bad-media = its MediaId is not one VOD gives
cloud-up-part-differs = part { $n } is no longer the bytes uploaded (same size and time: replaced by a copy?)
cloud-oss-bad-endpoint = the upload address endpoint "{ $endpoint }" is not a URL: { $error }
cloud-oss-insecure = the upload address endpoint uses { $scheme }://, which vodcut refuses for { $host }
cloud-oss-no-https = cannot set up HTTPS: { $error }
cloud-oss-cut-off = the answer was cut off: { $error }
cloud-oss-redirected = OSS answered with a redirect (HTTP { $status }); uploads follow no redirects, so neither the file nor the credentials went elsewhere
cloud-file-shrank = the file ended after { $sent } of { $len } bytes (it changed during the upload)

## Files dropped on the window

cloud-drop-hint = Drop: projects open, media upload to VOD (on a track: placed where you drop)
cloud-drop-no-path = The dropped data has no file path, so it cannot be uploaded
cloud-drop-nothing = Nothing to upload
cloud-drop-placed = Uploading { $n ->
        [one] 1 file
       *[other] { $n } files
    }: placed one after another where they were dropped
cloud-drop-to-vod = Uploading { $n ->
        [one] 1 file
       *[other] { $n } files
    } to VOD
cloud-not-uploaded =
    Not uploaded:
    { $list }
cloud-undo-media-length = Media length
cloud-upload-ready = "{ $title }" is ready in VOD
cloud-upload-failed = Upload of { $name } failed: { $error }
cloud-upload-wrong-track = "{ $title }" is { $kind } and cannot go on { $track } tracks: it is in the bin
cloud-upload-not-placed = "{ $title }" is in the bin, not on the track: { $error }
cloud-undo-add-uploaded = Add uploaded media
cloud-not-ready = VOD produces only media whose status is Normal. Still on the way: { $list }. Produce again once they are ready.

## Producing

cloud-no-lengths = Could not get media lengths: { $error }
cloud-undo-refresh-lengths = Refresh media lengths
cloud-lengths-updated = Updated the length of { $n } media
cloud-unknown-ids = VOD does not know { $n ->
        [one] 1 MediaId
       *[other] { $n } MediaIds
    }: { $ids }. Clips using them cannot be produced; check the IDs and the region
cloud-unknown-ids-more = VOD does not know { $n ->
        [one] 1 MediaId
       *[other] { $n } MediaIds
    }: { $ids } and { $more } more. Clips using them cannot be produced; check the IDs and the region
cloud-producing-already = A production is already being sent
cloud-no-runtime = the network runtime could not start
cloud-producing = Producing: waiting for VOD in { $region }…
cloud-undo-link-project = Link cloud project
cloud-toast-submitted = Production submitted: MediaId { $id }
cloud-status-submitted = Submitted: MediaId { $media }, ProjectId { $project }
cloud-status-unknown = Production outcome unknown: check the Jobs tab
cloud-production-refused = Production refused
cloud-nothing-sent = Nothing was sent
cloud-no-data-folder-jobs = no data folder for the job history
cloud-not-recorded = cannot record the job before sending, so nothing was sent: { $error }
cloud-refresh-failed = Could not refresh job { $job }: { $error }
cloud-production-done-failed = Production "{ $title }" failed (Jobs tab)
cloud-production-done-ready = Production "{ $title }" is ready (Jobs tab)
cloud-open-failed = Could not open the cloud project: { $error }
cloud-select-clip-tip = Click to select this clip
cloud-blocked-title = Cannot produce yet
cloud-blocked = { $n ->
        [one] 1 error must be fixed first. Nothing was sent.
       *[other] { $n } errors must be fixed first. Nothing was sent.
    }
cloud-warned-title = Produce despite warnings?
cloud-continue = Continue
cloud-checking-title = Checking the media in VOD…
cloud-checking = Asking VOD whether every video and audio is ready (status Normal). Nothing is sent yet.
cloud-confirm-title = Produce this video?
cloud-confirm-sandbox = This submits a production of "{ $title }" ({ $clips ->
        [one] 1 clip
       *[other] { $clips } clips
    }) to the sandbox: a demo, not billed, nothing leaves this machine.
cloud-confirm-billed = This submits a billed production of "{ $title }" ({ $clips ->
        [one] 1 clip
       *[other] { $clips } clips
    }) to VOD in { $region }.
cloud-confirm-updates = It updates cloud project { $id }.
cloud-confirm-creates = It creates a new cloud project.
cloud-confirm-once = It is sent once: if the answer is lost, vodcut will tell you how to check rather than send it again.
cloud-produce = Produce
cloud-submitted-title = Production submitted
cloud-unknown-title = Outcome unknown
cloud-copy-tip = Copy the { $name }
cloud-accepted = VOD accepted the production. It runs in the cloud; the Jobs tab follows it until the video is ready.
cloud-project-stored = The ProjectId is stored in the project: the next production updates the same cloud project.
cloud-no-answer = The request may have reached VOD, but no answer came back. It will not be sent again by itself.
cloud-earlier-found = An earlier production of this project, whose answer was lost, did reach VOD: here it is. Nothing was sent again.
cloud-earlier-in-doubt = An earlier production of this project (job { $job }) lost its answer and may have been made, and billed: { $why }. Nothing was sent. Check it in the Jobs tab, or produce anyway, knowing it may be billed twice.
cloud-produce-anyway = Produce anyway
cloud-job-in-history = Job { $job } in the history

## The job history

cloud-jobs = Jobs
cloud-jobs-refresh = Refresh now
cloud-jobs-following = Following productions still running (every { $every } s).
cloud-jobs-none = No productions yet. Press Produce (Ctrl+Enter) to make one.
cloud-jobs-sandbox = Sandbox
cloud-jobs-duration = Duration: { $duration }
cloud-jobs-cover = Cover image
cloud-jobs-open = Open cloud project
cloud-jobs-open-tip = Load its Timeline into a new document
cloud-jobs-watch = Watch
cloud-jobs-watch-tip = Play the produced video in the source viewer (as VOD serves it)
cloud-job-pending = pending: the program stopped before the answer; check before producing again
cloud-job-refused = refused
cloud-job-unknown = outcome unknown: check before producing again
cloud-job-failed = production failed
cloud-job-ready = ready
cloud-job-status-video = { $production }, video { $video }
cloud-job-submitted = submitted
cloud-jobs-why = Why it failed: { $why }
cloud-jobs-why-tip = The error fields VOD gave for this production, as it gave them

## Compare with draft (ui/compare.rs)
cloud-jobs-compare = Compare with draft
cloud-jobs-compare-tip = Set frames of the produced video at every cut and marker against the open project's draft, and list where they differ
compare-window = Compare with draft: { $title }
compare-progress = { $done } of { $total } points
compare-summary = { $checked } of { $found } points checked; { $differ ->
        [0] none differs
        [one] 1 differs
       *[other] { $differ } differ
    } by more than { $threshold }%
compare-all-alike = The produced video matches the draft at every point checked.
compare-draft = Draft (this editor)
compare-produced = Produced (VOD)
compare-draft-at = Draft at { $at }
compare-produced-at = Produced at { $at }
compare-differs = differs by { $percent }%
compare-go = Go to
compare-go-tip = Put the playhead here and show the program
compare-no-picture = no picture
compare-other-project = This video was produced from { $file }; it is compared with the project open now.
compare-starting = Waiting for the footage service…
compare-unavailable = Compare with draft: { $error }.
