# Sync without surprises: a cloud project changed since vodcut last synced it (core/sync.rs,
# the command line's submit, the editor's difference dialog).
sync-cloud-unreadable = The editing project's timeline in the cloud cannot be read: { $error }
sync-change = { $track }, clip { $index } ({ $what }): { $kinds }
sync-kind-separator = ,{" "}
sync-kind-added = added
sync-kind-removed = removed
sync-kind-moved = moved
sync-kind-moved-from = moved from { $track }
sync-kind-trimmed = trimmed
sync-kind-effects = effects changed
sync-kind-changed = changed
sync-track-added = Track { $track } added
sync-track-removed = Track { $track } removed
sync-track-changed = Track { $track }: its own settings changed
sync-timeline-changed = The timeline's own settings changed
sync-cloud-changed = The editing project { $id } was changed in the cloud since vodcut last synced it (an edit in the VOD console?). Nothing was sent. What changed there:
sync-no-base = The editing project { $id } in the cloud differs from this project, and this machine has no record of their last sync. Nothing was sent. Taking the cloud's would change:
sync-conflicts = { $count ->
    [one] One clip was changed on both sides.
   *[other] { $count } clips were changed on both sides.
}
sync-cli-hint = Send yours anyway with --mine (the cloud's changes are lost), or take the cloud's timeline into the project file with --theirs (nothing is sent).
sync-took-theirs = Took the cloud's timeline into { $file } (one undo step in the editor); nothing was sent.
sync-nothing-to-take = The editing project { $id } has not changed in the cloud since the last sync: nothing taken, nothing sent.
sync-theirs-needs-file = --theirs writes the cloud's timeline into the project file, and this input is not a project file (.vodcut): nothing was written or sent.
sync-base-not-kept = Sent, but the synced timeline could not be kept ({ $error }): the next submission will compare two-way.
sync-base-not-written = The synced timeline could not be kept in the data folder ({ $error }): nothing was written into the project file.
sync-checking-title = Looking at the cloud project
sync-checking = Reading the editing project in the cloud before its timeline is replaced…
sync-check-failed = The editing project in the cloud could not be read, so nothing was sent (its timeline could have changed there): { $error }
sync-dialog-title = Changed in the cloud
sync-dialog-changed = The editing project { $id } was changed in the cloud since vodcut last synced it (an edit in the VOD console?). Producing now would replace those changes. What changed there:
sync-dialog-no-base = The editing project { $id } in the cloud differs from this project, and this machine has no record of their last sync. Taking the cloud's would change:
sync-keep-mine = Keep mine
sync-keep-mine-tip = Go on with Produce: this project replaces the cloud's timeline, and the changes listed are lost
sync-take-theirs = Take theirs
sync-take-theirs-tip = Replace this project's timeline with the cloud's (one undo step); nothing is sent
sync-merge = Merge…
sync-merge-tip = Keep the changes of both sides; clips changed on both sides are listed for you to choose
sync-merge-no-base = Merging needs the timeline of the last sync, which this machine does not have
sync-merge-intro = Each clip below was changed on both sides. Choose which to keep; every other change of both sides is kept.
sync-conflict-row = { $track }, clip { $index } ({ $what }): mine { $mine }, theirs { $theirs }
sync-side-changed = changed
sync-choose-mine = Mine
sync-choose-theirs = Theirs
sync-apply-merge = Apply merge
sync-back = Back
sync-undo-take-theirs = Take the cloud's timeline
sync-undo-merge = Merge with the cloud's timeline
sync-settled = Took the cloud's changes (undo with Ctrl+Z); nothing was sent. Produce again to send the result.
sync-settled-with-errors = { $n ->
    [one] Took the cloud's changes; the result has one error (see Problems). Nothing was sent.
   *[other] Took the cloud's changes; the result has { $n } errors (see Problems). Nothing was sent.
}
sync-base-not-kept-editor = The synced timeline could not be kept ({ $error }): the next Produce will compare two-way.
sync-dialog-changed-save = The editing project { $id } was changed in the cloud since vodcut last synced it (an edit in the VOD console?). Saving now would replace those changes. What changed there:
sync-keep-mine-tip-save = Go on with the save: this project replaces the cloud's timeline, and the changes listed are lost
