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
sync-theirs-needs-file = --theirs writes the cloud's timeline into the project file: standard input has none.
sync-base-not-kept = Sent, but the synced timeline could not be kept ({ $error }): the next submission will compare two-way.
sync-base-not-written = The synced timeline could not be kept in the data folder ({ $error }): nothing was written into the project file.
