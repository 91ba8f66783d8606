# 字幕文件的导入与导出（.srt、.vtt、.ass）：出错之处，附文件与行号。

subtitles-unknown-format = { $file }：不是 vodcut 能读取的字幕文件（.srt、.vtt、.ass 或 .ssa）
subtitles-unknown-encoding = “{ $encoding }”不是 vodcut 认识的编码（可用 utf-8、utf-16le、gbk、gb18030、big5）
subtitles-bad-bytes = { $file }，第 { $line } 行：含有不属于 { $encoding } 的字节；请用 --encoding 指定文件的编码
subtitles-not-vtt = { $file }，第 1 行：WebVTT 文件应以 WEBVTT 开头
subtitles-no-timing = { $file }，第 { $line } 行：字幕缺少时间（开始 --> 结束）
subtitles-bad-time = { $file }，第 { $line } 行：无法读取的时间（格式为 00:00:01,500）
subtitles-end-before-start = { $file }，第 { $line } 行：字幕的结束早于开始
subtitles-empty = { $file }，第 { $line } 行：字幕没有文字
subtitles-overlap = { $file }，第 { $line } 行：字幕在第 { $other } 行的字幕结束前就开始了
subtitles-no-format = { $file }，第 { $line } 行：Dialogue 行出现在所在段落的 Format 行之前
subtitles-no-cues = { $file }：其中没有字幕
subtitles-too-short = { $file }，第 { $line } 行：字幕短于项目的一帧
subtitles-no-track = 没有名为 { $track } 的轨道
subtitles-not-subtitle-track = { $track } 不是字幕轨道
subtitles-locked = 轨道 { $track } 已锁定
subtitles-occupied = 轨道 { $track } 在 { $at } 已有字幕：请导入到另一条轨道（--track）或移开它
subtitles-no-video = { $file }，第 { $line } 行：{ $at } 处没有可承载文字的视频片段
subtitles-nothing-to-export = 没有可导出的字幕（没有带文字的字幕轨道）
subtitles-cannot-read = 无法读取 { $file }：{ $error }
subtitles-imported = 已将 { $n } 条字幕导入 { $file } 的{ $where }
subtitles-where-track = 轨道 { $track }
subtitles-where-effects = 轨道 { $track } 上的文字效果
subtitles-exported = 已将 { $n } 条字幕写入 { $file }
subtitles-timeline-file = { $file } 是 API 时间线而不是项目：请先将其导入为项目（vodcut import）

# 编辑器：文件菜单、拖放、撤销步骤。
subtitles-menu-import = 导入字幕…
subtitles-menu-import-tip = 将 .srt、.vtt 或 .ass 文件中的字幕添加到字幕轨道（也可把文件拖到字幕轨道上）
subtitles-menu-export = 导出字幕…
subtitles-menu-export-tip = 将第一条字幕轨道写为 .srt 文件
subtitles-filter = 字幕（.srt、.vtt、.ass）
subtitles-filter-srt = SubRip 字幕（.srt）
subtitles-no-dialog = 此处无法显示文件对话框：请把字幕文件拖到字幕轨道上，或使用 vodcut subtitles import
subtitles-edit-import = 导入字幕
subtitles-import-failed = 未导入字幕
subtitles-imported-status = 已从 { $file } 导入 { $n } 条字幕
