# Cloud projects: saving the editor's project as a VOD editing project, browsing, pulling and
# deleting them (core/cloudproj.rs, cli/projects.rs, ui/cloudproj.rs).

core-api-too-many-materials = SetEditingProjectMaterials takes at most { $max } materials, not { $n }
