# The command line's own sentences.

cli-validate-clean = { $file }: no problems ({ $clips ->
        [one] 1 clip
       *[other] { $clips } clips
    } on { $tracks ->
        [one] 1 track
       *[other] { $tracks } tracks
    })
cli-validate-summary = { $file }: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
cli-no-runtime = cannot start the network runtime: { $error }
cli-job-history = job history: { $error }
cli-errors-block = { $errors ->
        [one] 1 error blocks
       *[other] { $errors } errors block
    } the production; nothing was sent
cli-warnings-need-yes = { $warnings ->
        [one] 1 warning: read it
       *[other] { $warnings } warnings: read them
    }, then pass --yes to produce anyway; nothing was sent
cli-job-not-recorded = cannot record the job before sending (so nothing was sent): { $error }
cli-failed-job =
    { $error }
    (job { $job } in the history)
cli-submitted = Submitted "{ $title }" to { $region } ({ $endpoint }).
cli-submitted-sandbox = Submitted "{ $title }" to the sandbox ({ $endpoint }).
cli-follow-with = Follow it with: { $command }
cli-project-linked = Saved ProjectId { $id } into { $file }; the next submission updates that cloud project.
cli-project-not-linked = warning: could not save the ProjectId into the project: { $error }
cli-no-jobs = No productions yet (history in { $folder }).
cli-job-unreadable = (unreadable record skipped: { $record })
cli-job-not-found = no job { $id } in the history ({ $folder }); VOD itself can be asked only by MediaId or ProjectId (32 hexadecimal digits)
cli-bad-output-size = the project's output size cannot be made: { $problem }
cli-search-found = { $total ->
    [one] { $total } { $kind } item matches; showing { $shown }:
   *[other] { $total } { $kind } items match; showing { $shown }:
}
cli-not-usable-yet = {"  ["}{ $status }: not usable until ready]
cli-more = More: --scroll-token { $token }
cli-no-such-video = { $id }  (no such video)
cli-label-production = Production:
cli-label-video = Video:
cli-label-duration = Duration:
cli-label-cover = Cover:
cli-label-error = Error:
cli-up-left = {"  "}{ $time } left
cli-up-amount = { $done } of { $total }
cli-up-nothing =
    nothing was uploaded:
      { $problems }
cli-up-resumed = , resumed with { $resumed } of { $parts ->
        [one] 1 part
       *[other] { $parts } parts
    } already there
cli-up-done = { $file }: uploaded { $size } in { $secs } s ({ $speed }/s{ $resumed }); VOD is processing it
cli-up-follow = Follow them with: `{ $command }` (Normal = ready to use in a production)
cli-up-failed = { $failed } of { $files ->
        [one] 1 file
       *[other] { $files } files
    } not uploaded
cli-sandbox-conflict = { $flag } cannot be used with --sandbox: the sandbox has its own endpoint and demo keys (nothing was sent)
cli-track-muted = warning: track { $n } ({ $name }) is muted: { $clips ->
        [one] its clip is
       *[other] its { $clips } clips are
    } left out
cli-track-hidden = warning: track { $n } ({ $name }) is hidden: { $clips ->
        [one] its clip is
       *[other] its { $clips } clips are
    } left out
cli-import-same-file = { $file } is the input file; write the project to another file (nothing was changed)
cli-import-exists = { $file } exists; pass --force to replace it (the old versions are kept as .bak, .bak.2, .bak.3)
cli-wrote = wrote { $file } ({ $clips ->
        [one] 1 clip
       *[other] { $clips } clips
    } on { $tracks ->
        [one] 1 track
       *[other] { $tracks } tracks
    })
cli-cannot-write = cannot write the output: { $error }
cli-bad-time = { $flag } { $text }: give a time of 0 or more, in seconds (12.5) or as a timecode (00:00:12:12)
cli-bad-fps = --fps { $text }: give frames per second between 1 and 240 (e.g. 25)
cli-render-speed = { $speed }x real time
cli-render-range = --to { $to } must come after --from { $from }
cli-render-height = --height { $height }: give 2 to 4320 pixels
cli-render-stopped = render stopped; nothing was written to { $file }
cli-nothing-written = nothing written: { $error }
cli-render-placeholders = not imitated by the draft, drawn as labelled placeholders:
cli-note = note: { $note }
cli-render-wrote = wrote { $file } ({ $width }x{ $height }, { $fps } fps, { $length } from { $from }, { $frames } frames) in { $took } ({ $speed }x real time)
cli-png-encode = cannot encode the PNG: { $error }
cli-width-min = --width must be at least 1
cli-no-frame-layers =
    { $n ->
        [one] no frame at { $at } for 1 layer, nothing written:
       *[other] no frame at { $at } for { $n } layers, nothing written:
    }
    { $layers }
cli-still-wrote = wrote { $file } ({ $width }x{ $height }, { $layers ->
        [one] 1 layer
       *[other] { $layers } layers
    } at { $at } of a { $out_width }x{ $out_height } output)
cli-no-frame-media = no frame of media { $media } at { $at }: { $error }
cli-frame-wrote = wrote { $file } ({ $width }x{ $height }, media { $media } at { $at })

# The head line of `vodcut status`: a job's title (or id) and its state.
cli-job-head = { $name } [{ $state }]
cli-job-state = { $state ->
    [pending] Pending
    [submitted] Submitted
    [failed] Failed
   *[unknown] Outcome unknown
}
# Lines of the sandbox's own jobs and results start with this.
cli-sandbox-tagged = [Sandbox] { $text }
cli-sandbox = Sandbox
# One job of `vodcut jobs`, after its local time. The state and place come padded.
cli-job-line = { $state } { $place } { $title }  media { $media }  project { $project }  { $status }
cli-picture-size-wrong = the picture has the wrong number of pixels
cli-bad-lang = "{ $text }" is not a language vodcut speaks: use en or zh-CN
cli-stdin = (standard input)
cli-stdout = (standard output)
cli-png-to-terminal = -o -: standard output is a terminal, and a PNG is binary; redirect it (> frame.png) or name a file
cli-up-rate = {"  "}{ $size }/s
cli-no-data-folder = no data folder on this system (no home folder?) to keep upload state in
cli-file-with-command = { $file } is for the editor; a command takes its files after its name
cli-no-window = cannot open the editor window: { $error }
cli-not-printed-errors = { $file }: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } (above), so nothing was printed; fix { $errors ->
        [one] it
       *[other] them
    } (vodcut validate lists every problem), or pass --force to print anyway
cli-printed-with-errors = { $file }: printed despite { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } (--force); the service would refuse this production
cli-render-wrote-sound = wrote { $file } (the sound alone, { $length } from { $from }) in { $took }
cli-force-status-hint = pass --force-status to produce with media that is not Normal (the production may fail after it is billed)
cli-status-overridden = { $problem } (--force-status: producing anyway)
cli-page-too-far = page { $page } of { $size } lies past the first 5000 results, which only a scroll token reaches: page on with --scroll-token from the previous page

cli-earlier-found = An earlier submission of this project (job { $job }) did reach VOD: ProjectId { $project }. Nothing was sent again.
cli-earlier-in-doubt = An earlier submission of this project (job { $job }) lost its answer and may have made a production, billed: { $why }. Nothing was sent. Check with `vodcut status { $job }`; to produce it again anyway, knowing it may be billed twice: --resend-unknown
cli-account-cached = (kept from { $when }; --refresh asks VOD again)
cli-account-none = (none)
cli-account-default = [default]
cli-bad-duration = "{ $text }" is not a duration: seconds (90) or with units (90s, 30m, 2h, 1h30m)
cli-wait-now = now: { $status }
cli-wait-failed = the production { $id } failed (its statuses and VOD's error fields are above)
cli-wait-timed-out = { $id } was still going after { $waited }; it goes on at VOD: `vodcut status { $id } --wait` follows it again

## vodcut compare
cli-compare-threshold = --threshold must be more than 0 and less than 100 (percent), not { $value }
cli-compare-no-production = no finished production of { $file } in the job history; name the produced video with --media MEDIAID
cli-compare-not-folder = --pictures { $path } is not a folder
cli-compare-summary = { $checked } of { $found } points checked; { $differ ->
        [0] none differs
        [one] 1 differs
       *[other] { $differ } differ
    } by more than { $threshold }%
