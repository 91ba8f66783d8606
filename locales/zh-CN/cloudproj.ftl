# 云端剪辑工程：保存、浏览、拉取和删除（core/cloudproj.rs、cli/projects.rs、ui/cloudproj.rs）。

core-api-too-many-materials = SetEditingProjectMaterials 最多接受 { $max } 个素材，而不是 { $n } 个
cloudproj-untitled = 未命名
cloudproj-gone = 云端剪辑工程 { $id } 已不存在（是否已在控制台删除？）；未保存任何内容。请另存为新的云端剪辑工程（`vodcut projects push --new`，或“文件 > 另存为新的云端剪辑工程”）
cloudproj-add-unknown = AddEditingProject：结果未知（{ $detail }）。可能已创建标题为“{ $title }”的云端剪辑工程；vodcut 不会自行重发。再次保存前请先查找（`vodcut projects list --title …` 或云端剪辑工程浏览器），否则会再创建一个
cloudproj-too-many-materials = 时间线使用了 { $n } 个媒资；一个剪辑工程最多 { $max } 个素材。未保存任何内容
cloudproj-materials-failed = 工程已保存为 { $id }，但无法设置其素材：{ $error }
cloudproj-bad-timeline = 无法读取云端剪辑工程 { $id } 的时间线：{ $error }
cloudproj-not-found = 没有云端剪辑工程 { $id }（InvalidProject.NotFound）：请检查 ID 和地域
cloudproj-bad-status = 未知状态“{ $status }”：请使用 { $known } 之一
cloudproj-status-normal = 未合成

## vodcut projects
cli-projects-found = 共 { $total } 个云端剪辑工程；第 { $page } 页显示 { $shown } 个
cli-push-needs-file = push 需要工程文件：新的 ProjectId 会写回文件（标准输入没有文件）
cli-push-not-project = { $file } 不是 .vodcut 工程（而是时间线或剪辑文件）：请先用 `vodcut import` 转为工程，再推送该工程，以便保存 ProjectId
cli-push-added = 已将“{ $title }”保存到云端，新建剪辑工程：{ $id }（不计费；未合成任何内容）
cli-push-updated = 已将“{ $title }”保存到云端剪辑工程 { $id }（不计费；未合成任何内容）
cli-push-materials = 已设置 { $n } 个素材
cli-push-linked = 已将 ProjectId { $id } 保存到 { $file }；下次推送将更新该云端剪辑工程。
cli-push-not-linked = 工程已保存到云端（{ $id }），但无法将 ProjectId 写入文件：{ $error }。请手动添加，否则下次推送会再创建一个云端剪辑工程
cli-delete-needs-yes = 删除前需要确认，但没有可询问的终端：传入 --yes 以不经询问直接删除
cli-cannot-read-answer = 无法读取回答：{ $error }
cli-delete-no-ids = 请至少指定一个要删除的 ProjectId
cli-delete-item =   “{ $title }”（{ $id }）
cli-delete-question = 删除 { $n } 个云端剪辑工程？此操作无法撤销。[y/N]
cli-delete-not-confirmed = 未删除任何内容
cli-deleted = 已删除“{ $title }”（{ $id }）
