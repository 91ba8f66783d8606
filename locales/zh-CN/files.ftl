# 打开和保存剪辑工程与时间线文件。每条消息都写明文件。

file-read = { $path }：无法读取文件：{ $error }
file-write = { $path }：无法写入文件：{ $error }。磁盘上的旧版本没有改动。
file-write-new = { $path }：无法写入文件：{ $error }。那里没有写入任何内容。
file-not-regular-input = { $path }：这是{ $kind }，不是普通文件；vodcut 读取剪辑工程和时间线文件（用 - 读取标准输入）
file-not-regular-output = { $path }：这是{ $kind }，不是普通文件，vodcut 没有替换它（要写到标准输出，请用 -o -）
file-read-only = { $path }：文件是只读的，vodcut 没有替换它。请改为可写，或另存为其他名称（命令行中 --force 会替换它并保持只读）。
file-untrusted-link = { $path }：{ $link } 是其他用户拥有的符号链接，位于他人可写的文件夹中，vodcut 没有跟随它（它可能被人放在那里，让这次保存替换另一个文件）。请直接写入它指向的文件，或删除该链接。
file-too-large = { $path }：文件超过 { $limit } MB，这是 vodcut 读取的上限（10 万个片段的剪辑工程约 20 MB）；文件选对了吗？
file-encoding = { $path }：文件是 { $encoding } 文本；vodcut 读取 UTF-8 编码的 JSON。请另存为 UTF-8 后再打开。
file-empty = { $path }：文件是空的
file-truncated = { $path }：文件不完整（结束于第 { $line } 行第 { $column } 列）；可能复制或保存时中断了。旁边可能有备份 { $backup }
file-not-json = { $path }：不是 JSON：{ $message }（第 { $line } 行第 { $column } 列）
file-shape = { $path }：在 { $at }：{ $message }
file-newer = { $path }：由更新版本的 vodcut 写入（格式版本 { $found }；本版本最高读取 { $supported }）。请更新 vodcut 再打开；文件没有改动。
file-would-replace-newer = { $path }：由更新版本的 vodcut 写入（格式版本 { $found }；本版本写入版本 { $supported }），vodcut 没有替换它。请另存为其他名称，或更新 vodcut。
file-unrecognised = { $path }：既不是 vodcut 剪辑工程（没有 FormatVersion），也不是 API 时间线（没有 VideoTracks、AudioTracks、ImageTracks 或 SubtitleTracks）
file-kind-fifo = 命名管道（FIFO）
file-kind-device = 设备
file-kind-socket = 套接字
file-kind-folder = 文件夹

# 不是剪辑工程的输出（still、frame、render、编辑器的草稿）。
output-kind-png = PNG 图片
output-kind-mp4 = MP4 视频
output-kind-srt = SubRip 字幕文件（.srt）
output-kind-otio = OpenTimelineIO 文件
output-found-project = vodcut 剪辑工程
output-found-json = JSON（API 时间线或其他数据）
output-found-other = 其他类型的文件
output-is-input = { $path } 就是输入文件；请把输出写到另一个文件（没有改动任何文件）
output-project-name = -o { $path }：这个名称属于剪辑工程或时间线（.vodcut、.json）；请改用{ $kind }文件名（没有写入任何内容）
output-no-stdout = 这里不能把{ $kind }写到标准输出；请用 -o 指定文件（名为 - 的文件请写作 ./-）
output-occupied = { $path } 已存在，是{ $found }而不是{ $kind }，vodcut 没有替换它；加上 --force 才会替换（旧文件保存为 { $backup }）
output-no-folder = 文件夹 { $dir } 不存在（没有写入任何内容）
output-not-regular = { $path }：这是{ $kind }，不是普通文件，vodcut 没有替换它
