# The editor's frame: window title, menus, status line, left panel, tabs, markers list,
# dialogs, file browser, welcome screen, About, draft render window.

## Window title and status messages
shell-window-title = { $dirty }{ $title }{ $file } — vodcut
shell-window-title-sandbox = { $dirty }{ $title }{ $file } — vodcut — Sandbox
# What Copy puts on the system clipboard (the clips themselves stay in vodcut).
shell-clipboard-clips = { $n ->
    [one] { $n } vodcut clip
   *[other] { $n } vodcut clips
}
shell-nothing-to-undo = Nothing to undo
shell-undid = Undid { $action }
shell-nothing-to-redo = Nothing to redo
shell-redid = Redid { $action }
shell-copied = { $n ->
    [one] Copied { $n } clip
   *[other] Copied { $n } clips
}
shell-snapping-on = Snapping on
shell-snapping-off = Snapping off
shell-times-in-seconds = Times are shown in seconds
shell-times-in-timecode = Times are shown in timecode
shell-no-marker-that-way = No marker that way
shell-no-edge-that-way = No clip edge that way
shell-no-clip-under-playhead = No clip under the playhead
shell-no-clip-that-way = No clip that way

## Menus
shell-producing = Producing…
shell-produce = Produce
shell-produce-problems = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}: see the Problems tab
shell-menu-file = File
shell-menu-open-recent = Open Recent
shell-no-recent-files = No recent files
shell-menu-open-path = Open path…
shell-menu-open-path-tip = Type the path of a project or Timeline to open
shell-menu-save-path = Save to path…
shell-menu-save-path-tip = Type where to save the project
shell-menu-upload = Upload media…
shell-menu-export = Export
shell-menu-upload-tip = Upload video, audio or image files to VOD
shell-menu-account = Account settings…
shell-menu-quit = Quit
shell-menu-edit = Edit
shell-menu-view = View
shell-menu-timeline = Timeline
shell-menu-snapping = Snapping ({ $shortcut })
shell-menu-help = Help
shell-help-in-sandbox = This window is the sandbox: demo keys, nothing leaves this machine.
shell-try-sandbox = Try the sandbox
shell-try-sandbox-tip = Opens a window on a demo VOD service on this machine: no account needed
shell-welcome-screen = Welcome screen
shell-about = About vodcut
shell-about-tip = Version, licence, where vodcut keeps its files
shell-sandbox-badge = SANDBOX
shell-sandbox-badge-tip = A demo VOD service on this machine: demo keys, nothing is sent to Alibaba Cloud
shell-opening-sandbox = Opening a sandbox window (a demo VOD service on this machine)…
shell-sandbox-failed = The sandbox could not be opened: { $error }

## Status line
shell-status-counts = { $clips ->
    [one] { $clips } clip
   *[other] { $clips } clips
} on { $tracks ->
    [one] { $tracks } track
   *[other] { $tracks } tracks
} · { $fps } fps · playhead { $playhead } · snapping { $snap }

## Left panel
shell-project = Project
shell-project-title = Project title
shell-project-title-tip = The project's name in vodcut and in VOD's project list. The produced video has its own title (Video title, in the Project tab)
shell-description = Description
shell-description-tip = The project's description
shell-edit-title = Edit project title
shell-edit-description = Edit description
shell-video-title-unset = Video title: not set (Project tab)
shell-video-title = Video title: { $title }
shell-video-title-tip = The title of the produced video (MediaMetadata.Title), set in the Project tab
shell-region = Region: { $region }
shell-cloud-project = Cloud project: { $id }
shell-media-bin = Media bin
shell-vod-library = VOD library
shell-refresh-lengths = { $n ->
    [one] Refresh { $n } unknown length from VOD
   *[other] Refresh { $n } unknown lengths from VOD
}
shell-refresh-lengths-tip = GetVideoInfos, 20 at a time
shell-asking-lengths = Asking VOD for media lengths…
shell-empty-hint = Drag media onto a track to begin: from the Library or the Bin on the left

## Tabs and lists
shell-tab-inspector = Inspector
shell-tab-output = Output
shell-tab-markers = Markers
shell-tab-problems = Problems ({ $n })
shell-tab-jobs = Jobs
shell-no-problems = None: ready to produce.
shell-more-problems = …and { $n } more
shell-markers-heading = Markers ({ $n })
shell-no-markers = No markers yet: { $shortcut } adds one at the playhead.
shell-marker-n = Marker { $n }
shell-marker-goto-tip = Move the playhead here
shell-rename-more = Rename…
shell-delete-marker-tip = Delete this marker
shell-delete-named = Delete { $name }

## Dialogs
shell-recover-title = Recover unsaved work
shell-recover-intro = vodcut did not close cleanly last time. This unsaved work was kept:
shell-recover-never-saved = a project never saved
shell-recover-item = { $clips ->
    [one] "{ $title }" ({ $clips } clip), autosaved { $when }, of { $from }
   *[other] "{ $title }" ({ $clips } clips), autosaved { $when }, of { $from }
}
shell-restore = Restore
shell-later = Later
shell-later-tip = Keep these for the next start
shell-open-by-path = Open a file by its path
shell-save-to-path = Save the project to a path
shell-path = Path
shell-save-changes = Save changes?
shell-unsaved-before-new = "{ $title }" has unsaved changes. Save them before starting a new project?
shell-unsaved-before-open = "{ $title }" has unsaved changes. Save them before opening another project?
shell-unsaved-before-close = "{ $title }" has unsaved changes. Save them before closing?
shell-rename-marker = Rename marker
shell-marker-name = Marker name
shell-error-title = Something went wrong

## Opening and saving
shell-new-project = New project
shell-new-project-status = New project: drag media onto a track to begin
shell-opening = Opening { $path }…
shell-choosing-file = Choosing a file to open…
shell-restored = Restored unsaved work of { $path }: "{ $title }", { $clips ->
        [one] 1 clip
       *[other] { $clips } clips
    }; save to keep it
shell-restored-untitled = Restored unsaved work: "{ $title }", { $clips ->
        [one] 1 clip
       *[other] { $clips } clips
    }, never saved; save to keep it
shell-loaded = Loaded { $title }; save it to keep a local copy
shell-saving = Saving…
shell-opened = Opened { $path }
shell-imported = Imported the API Timeline { $path }; save it as a project to keep your work
shell-open-failed = Open failed
shell-saved = Saved { $path }
shell-save-failed = Save failed: your work is still here, unsaved
shell-cancelled = Cancelled
shell-no-dialog-status = No file dialog on this desktop: choose in vodcut's own browser
shell-no-dialog-note = No file dialog on this desktop (no xdg portal, no zenity): choose here.
shell-dropped-several = { $n } project files were dropped: opening the first, { $path }
shell-filter-project-or-timeline = vodcut project or API Timeline
shell-filter-project = vodcut project

## Crashes
shell-crash-title = vodcut stopped unexpectedly last time
shell-crash-body = A crash report was written (it holds no keys). Attach it to a bug report:
shell-copy-path = Copy path
shell-recovery-save-failed = vodcut: could not save the recovery copy { $path }: { $error }
shell-crash-unsaved-saved = unsaved work: saved for recovery at { $path }
shell-crash-unsaved-none = unsaved work: none (or it could not be saved)

## Welcome screen
shell-account-checking = Account: checking…
shell-account-sandbox = Account: the sandbox's demo keys (nothing leaves this machine)
shell-account-from = Account: { $id } from { $source }
shell-account-none = No Alibaba Cloud account is set up yet. Try the sandbox, or open Account settings to see where vodcut looked.
shell-welcome-title = Welcome to vodcut
shell-welcome-tagline = A timeline editor for Alibaba Cloud ApsaraVideo VOD productions.
shell-welcome-sandbox = Sandbox: a demo VOD service on this machine, with a library to try. Demo keys; nothing leaves this machine.
shell-new-project-tip = An empty project: drag media onto a track
shell-open-more = Open…
shell-open-tip = Open a .vodcut project
shell-import-timeline = Import a Timeline JSON…
shell-import-timeline-tip = Open an API Timeline (.json) as a new project
shell-open-recent = Open recent
shell-no-recent-projects = No recent projects
shell-no-own-program = cannot find vodcut's own program: { $error }
shell-cannot-start-sandbox = cannot start { $program } --sandbox: { $error }

## About
shell-about-tagline = A timeline editor for Alibaba Cloud ApsaraVideo VOD productions
shell-licence = Licence: { $licence }
shell-no-folder = (no folder on this system)
shell-data-folder = Data folder
shell-cache-folder = Cache folder
shell-log-folder = Log folder
shell-crash-reports = Crash reports
shell-log-level = Log level
shell-level-error = error
shell-level-warn = warn
shell-level-info = info
shell-level-debug = debug
shell-level-trace = trace
shell-rust-log-decides = (RUST_LOG={ $value } decides)

## File browser
shell-kind-projects = Projects and Timelines (*.vodcut, *.json)
shell-kind-media = Video, audio and images
shell-kind-all = All files
shell-cannot-read = cannot read { $path }: { $error }
shell-place-home = Home
shell-place-desktop = Desktop
shell-place-documents = Documents
shell-place-videos = Videos
shell-does-not-exist = { $path } does not exist
shell-browse-open = Open a project or Timeline
shell-browse-save = Save the project
shell-browse-upload = Choose media to upload
shell-upload-chosen = Upload chosen
shell-folder-above = The folder above
shell-go = Go
shell-places = Places
shell-reading-folder = Reading the folder…
shell-nothing-matches = Nothing here matches the filter
shell-show = Show
shell-names-containing = Names containing
shell-hidden-files = Hidden files
shell-file-name = File name
shell-save-replaces = { $name } exists: saving replaces it (the old version is kept as .bak)
shell-ctrl-click = Ctrl+click to choose several

## Draft render
shell-rendering-draft = Rendering a draft to { $path }
shell-draft-ready = Draft ready: { $path }
shell-draft-cancelled = Draft render cancelled
shell-draft-failed = Draft render failed: { $error }
shell-draft-window = Draft render
shell-rendering-to = Rendering to { $path }
shell-draft-progress = { $percent }% · { $speed }x real time
shell-draft-progress-left = { $percent }% · { $speed }x real time · { $left } left
shell-preparing = Preparing…
shell-stop-render-tip = Stop the render; nothing is written
shell-draft-written = Draft written to { $path } ({ $width }x{ $height }, { $fps } fps, { $length }) in { $elapsed }.
shell-placeholders-intro = Not imitated, drawn as labelled placeholders:
shell-note = Note: { $note }
shell-open-again = Open again
shell-open-again-tip = Play the draft in the system's player
shell-no-player = No player could be started ({ $why }). The draft is at { $path }: open it with a player of your choice.
shell-no-player-start = { $program } could not be started: { $error }
shell-no-player-exit = { $program } ended with code { $code }
shell-render-cancelled = The render was cancelled; nothing was written.
shell-draft-unavailable = Render draft: { $error }.
shell-to-fix = To fix: { $hint }
shell-draft-starting = Render draft: the footage service is still starting; try again in a moment.

# The look of the window (View menu).
shell-theme-system = System look
shell-theme-dark = Dark
shell-theme-light = Light

# The document's file changed on disk since it was opened or saved.
shell-disk-changed-title = Changed on disk
shell-disk-changed = { $path } was changed on disk since you opened or saved it (by another program, or by vodcut submit saving a ProjectId into it). Saving over it would lose those changes.
shell-disk-reload = Reload from disk
shell-disk-reload-discard = Reload (discard my changes)
shell-disk-keep-mine = Keep mine (overwrite)
shell-disk-save-as = Save as another file…
shell-disk-not-saved = Not saved: { $path } changed on disk
