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

## 编辑器：文件 > 保存到云端，文件 > 云端剪辑工程
cloudproj-menu-save = 保存到云端…
cloudproj-menu-save-tip = 将此工程作为 VOD 剪辑工程保存在账号中（不计费：不会合成）
cloudproj-menu-browse = 云端剪辑工程…
cloudproj-menu-browse-tip = 账号中的剪辑工程：搜索、打开、删除
cloudproj-save-title = 保存到云端
cloudproj-save-not-billed = 保存不计费：不会合成任何内容。
cloudproj-save-adds = “{ $title }”将作为新的剪辑工程保存到账号中；此工程随后会记住它，之后的保存将更新它。
cloudproj-save-updates = “{ $title }”将更新云端剪辑工程 { $id }：其标题、描述、时间线和封面将被此工程的替换。
cloudproj-save-materials = 将在云端剪辑工程上设置其 { $n } 个素材。
cloudproj-save-as-new = 改为另存为新的云端剪辑工程
cloudproj-save-button = 保存到云端
cloudproj-saving = 正在将“{ $title }”保存到云端…
cloudproj-saved-new = 已将“{ $title }”保存到云端，工程 ID { $id }（{ $n } 个素材；不计费）
cloudproj-saved = 已将“{ $title }”保存到云端剪辑工程 { $id }（{ $n } 个素材；不计费）
cloudproj-saved-no-materials = 已将“{ $title }”保存到云端剪辑工程 { $id }，但{ $error }
cloudproj-save-failed-short = 未保存到云端
cloudproj-save-failed = 无法保存到云端：{ $error }
cloudproj-browser-title = 云端剪辑工程
cloudproj-browser-search = 标题
cloudproj-browser-status = 状态
cloudproj-status-all = 全部
cloudproj-browser-go = 搜索
cloudproj-browser-empty = 没有匹配的云端剪辑工程。
cloudproj-browser-prev = 上一页
cloudproj-browser-next = 下一页
cloudproj-browser-page = 第 { $page } / { $pages } 页（共 { $total } 个工程）
cloudproj-browser-row = { $id } · { $status } · 修改于 { $modified }
cloudproj-browser-open = 打开
cloudproj-browser-open-tip = 将云端剪辑工程 { $id } 打开为新文档
cloudproj-browser-delete = 删除…
cloudproj-browser-delete-tip = 从账号中删除云端剪辑工程 { $id }（会先询问）
cloudproj-opening = 正在打开云端剪辑工程 { $id }…
cloudproj-delete-title = 删除云端剪辑工程
cloudproj-delete-question = 从账号中删除“{ $title }”（{ $id }）？此操作无法撤销。
cloudproj-delete-button = 删除
cloudproj-deleted = 已删除云端剪辑工程“{ $title }”
