# Cloud projects: saving the editor's project as a VOD editing project, browsing, pulling and
# deleting them (core/cloudproj.rs, cli/projects.rs, ui/cloudproj.rs).

core-api-too-many-materials = SetEditingProjectMaterials takes at most { $max } materials, not { $n }
cloudproj-untitled = Untitled
cloudproj-gone = the cloud project { $id } no longer exists (deleted in the console?); nothing was saved. Save it as a new cloud project instead (`vodcut projects push --new`, or File > Save to cloud as new)
cloudproj-add-unknown = AddEditingProject: the outcome is unknown ({ $detail }). A cloud project titled “{ $title }” may have been made; vodcut will not send it again by itself. Look for it (`vodcut projects list --title …` or the cloud project browser) before saving again, or a second one is made
cloudproj-too-many-materials = the Timeline uses { $n } media; an editing project takes at most { $max } materials. Nothing was saved
cloudproj-materials-failed = the project was saved as { $id }, but its materials could not be set: { $error }
cloudproj-bad-timeline = the Timeline of cloud project { $id } cannot be read: { $error }
cloudproj-not-found = there is no cloud project { $id } (InvalidProject.NotFound): check the ID and the region
cloudproj-bad-status = unknown status “{ $status }”: use one of { $known }
cloudproj-status-normal = not produced

## vodcut projects
cli-projects-found = { $total ->
    [one] 1 cloud project
   *[other] { $total } cloud projects
}; page { $page } shows { $shown }
cli-push-needs-file = push needs a project file: the new ProjectId is written back into it (standard input has no file)
cli-push-not-project = { $file } is not a .vodcut project (a Timeline or an edit): make it one with `vodcut import`, then push that, so the ProjectId can be kept in it
cli-push-added = Saved “{ $title }” to the cloud as a new editing project: { $id } (not billed; nothing was produced)
cli-push-updated = Saved “{ $title }” to cloud project { $id } (not billed; nothing was produced)
cli-push-materials = { $n ->
    [one] 1 material set
   *[other] { $n } materials set
}
cli-push-linked = Saved ProjectId { $id } into { $file }; the next push updates that cloud project.
cli-push-not-linked = the project was saved to the cloud as { $id }, but the ProjectId could not be written into the file: { $error }. Add it by hand, or the next push makes another cloud project
cli-delete-needs-yes = delete asks before it deletes, and there is no terminal to ask on: pass --yes to delete without asking
cli-cannot-read-answer = cannot read the answer: { $error }
cli-delete-no-ids = name at least one ProjectId to delete
cli-delete-item =   “{ $title }” ({ $id })
cli-delete-question = { $n ->
    [one] Delete this cloud project? It cannot be undone. [y/N]
   *[other] Delete these { $n } cloud projects? It cannot be undone. [y/N]
}
cli-delete-not-confirmed = nothing was deleted
cli-deleted = Deleted “{ $title }” ({ $id })

## The editor: File > Save to cloud, File > Cloud projects
cloudproj-menu-save = Save to cloud…
cloudproj-menu-save-tip = Keep this project in your account as a VOD editing project (not billed: nothing is produced)
cloudproj-menu-browse = Cloud projects…
cloudproj-menu-browse-tip = The account's editing projects: search, open, delete
cloudproj-save-title = Save to cloud
cloudproj-save-not-billed = Saving is not billed: nothing is produced.
cloudproj-save-adds = “{ $title }” is saved as a new editing project in your account; this project then remembers it, and later saves update it.
cloudproj-save-updates = “{ $title }” updates cloud project { $id }: its title, description, Timeline and cover are replaced by this project's.
cloudproj-save-materials = { $n ->
    [one] Its 1 material is set on the cloud project.
   *[other] Its { $n } materials are set on the cloud project.
}
cloudproj-save-as-new = Save as a new cloud project instead
cloudproj-save-button = Save to cloud
cloudproj-saving = Saving “{ $title }” to the cloud…
cloudproj-saved-new = Saved “{ $title }” to the cloud as { $id } ({ $n ->
    [one] 1 material
   *[other] { $n } materials
}; not billed)
cloudproj-saved = Saved “{ $title }” to cloud project { $id } ({ $n ->
    [one] 1 material
   *[other] { $n } materials
}; not billed)
cloudproj-saved-no-materials = Saved “{ $title }” to cloud project { $id }, but { $error }
cloudproj-save-failed-short = Not saved to the cloud
cloudproj-save-failed = Could not save to the cloud: { $error }
cloudproj-browser-title = Cloud projects
cloudproj-browser-search = Title
cloudproj-browser-status = Status
cloudproj-status-all = All
cloudproj-browser-go = Search
cloudproj-browser-empty = No cloud projects match.
cloudproj-browser-prev = ◀ Previous
cloudproj-browser-next = Next ▶
cloudproj-browser-page = Page { $page } of { $pages } ({ $total ->
    [one] 1 project
   *[other] { $total } projects
})
cloudproj-browser-row = { $id } · { $status } · modified { $modified }
cloudproj-browser-open = Open
cloudproj-browser-open-tip = Open cloud project { $id } as a new document
cloudproj-browser-delete = Delete…
cloudproj-browser-delete-tip = Delete cloud project { $id } from the account (asks first)
cloudproj-opening = Opening cloud project { $id }…
cloudproj-delete-title = Delete cloud project
cloudproj-delete-question = Delete “{ $title }” ({ $id }) from your account? It cannot be undone.
cloudproj-delete-button = Delete
cloudproj-deleted = Deleted cloud project “{ $title }”
