# 云端剪辑工程：保存、浏览、拉取和删除（core/cloudproj.rs、cli/projects.rs、ui/cloudproj.rs）。

core-api-too-many-materials = SetEditingProjectMaterials 最多接受 { $max } 个素材，而不是 { $n } 个
