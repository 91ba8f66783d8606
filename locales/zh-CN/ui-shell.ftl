# 编辑器的框架：窗口标题、菜单、状态栏、左侧面板、标签页、标记列表、对话框、文件浏览器、
# 欢迎界面、关于窗口、草稿渲染窗口。

## 窗口标题和状态消息
shell-window-title = { $dirty }{ $title }{ $file } — vodcut
shell-window-title-sandbox = { $dirty }{ $title }{ $file } — vodcut — 沙箱
# “复制”放到系统剪贴板上的文字（片段本身留在 vodcut 中）。
shell-clipboard-clips = { $n } 个 vodcut 片段
shell-nothing-to-undo = 没有可撤销的操作
shell-undid = 已撤销：{ $action }
shell-nothing-to-redo = 没有可重做的操作
shell-redid = 已重做：{ $action }
shell-copied = 已复制 { $n } 个片段
shell-snapping-on = 吸附已开启
shell-snapping-off = 吸附已关闭
shell-times-in-seconds = 时间以秒显示
shell-times-in-timecode = 时间以时间码显示
shell-no-marker-that-way = 该方向没有标记
shell-no-edge-that-way = 该方向没有片段边缘
shell-no-clip-under-playhead = 播放头下没有片段
shell-no-clip-that-way = 该方向没有片段

## 菜单
shell-producing = 正在合成…
shell-produce = 合成
shell-produce-problems = { $errors } 个错误，{ $warnings } 个警告：请查看“问题”标签页
shell-menu-file = 文件
shell-menu-open-recent = 最近打开
shell-no-recent-files = 没有最近的文件
shell-menu-open-path = 按路径打开…
shell-menu-open-path-tip = 输入要打开的剪辑工程或时间线的路径
shell-menu-save-path = 保存到路径…
shell-menu-save-path-tip = 输入剪辑工程的保存位置
shell-menu-upload = 上传媒资…
shell-menu-export = 导出
shell-menu-upload-tip = 将视频、音频或图片文件上传到点播
shell-menu-account = 账号设置…
shell-menu-quit = 退出
shell-menu-edit = 编辑
shell-menu-view = 视图
shell-menu-timeline = 时间线
shell-menu-snapping = 吸附（{ $shortcut }）
shell-menu-help = 帮助
shell-help-in-sandbox = 此窗口是沙箱：使用演示密钥，任何数据都不会离开本机。
shell-try-sandbox = 试用沙箱
shell-try-sandbox-tip = 打开一个连接本机演示点播服务的窗口：无需账号
shell-welcome-screen = 欢迎界面
shell-about = 关于 vodcut
shell-about-tip = 版本、许可证、vodcut 存放文件的位置
shell-sandbox-badge = 沙箱
shell-sandbox-badge-tip = 本机上的演示点播服务：使用演示密钥，不会向阿里云发送任何内容
shell-opening-sandbox = 正在打开沙箱窗口（本机上的演示点播服务）…
shell-sandbox-failed = 无法打开沙箱：{ $error }

## 状态栏
shell-status-counts = { $clips } 个片段，{ $tracks } 条轨道 · { $fps } fps · 播放头 { $playhead } · 吸附：{ $snap }

## 左侧面板
shell-project = 剪辑工程
shell-project-title = 剪辑工程标题
shell-project-title-tip = 剪辑工程在 vodcut 和点播控制台剪辑工程列表中的名称。合成的视频有自己的标题（“剪辑工程”标签页中的“视频标题”）
shell-description = 描述
shell-description-tip = 剪辑工程的描述
shell-edit-title = 编辑剪辑工程标题
shell-edit-description = 编辑描述
shell-video-title-unset = 视频标题：未设置（“剪辑工程”标签页）
shell-video-title = 视频标题：{ $title }
shell-video-title-tip = 合成视频的标题（MediaMetadata.Title），在“剪辑工程”标签页中设置
shell-region = 地域：{ $region }
shell-cloud-project = 云端剪辑工程：{ $id }
shell-media-bin = 媒资素材箱
shell-vod-library = 点播媒资库
shell-refresh-lengths = 从点播刷新 { $n } 个未知时长
shell-refresh-lengths-tip = GetVideoInfos，每次 20 个
shell-asking-lengths = 正在向点播查询媒资时长…
shell-empty-hint = 将媒资拖到轨道上即可开始：从左侧的媒资库或素材箱拖入

## 标签页和列表
shell-tab-inspector = 属性
shell-tab-output = 输出
shell-tab-markers = 标记
shell-tab-problems = 问题（{ $n }）
shell-tab-jobs = 任务
shell-no-problems = 没有问题：可以合成。
shell-more-problems = …还有 { $n } 个
shell-markers-heading = 标记（{ $n }）
shell-no-markers = 还没有标记：按 { $shortcut } 在播放头处添加一个。
shell-marker-n = 标记 { $n }
shell-marker-goto-tip = 将播放头移到这里
shell-rename-more = 重命名…
shell-delete-marker-tip = 删除此标记
shell-delete-named = 删除 { $name }

## 对话框
shell-recover-title = 恢复未保存的工作
shell-recover-intro = vodcut 上次没有正常关闭。以下未保存的工作已保留：
shell-recover-never-saved = 从未保存的剪辑工程
shell-recover-item = “{ $title }”（{ $clips } 个片段），{ $when }自动保存，来自 { $from }
shell-restore = 恢复
shell-later = 稍后
shell-later-tip = 保留到下次启动
shell-open-by-path = 按路径打开文件
shell-save-to-path = 将剪辑工程保存到路径
shell-path = 路径
shell-save-changes = 保存更改？
shell-unsaved-before-new = “{ $title }”有未保存的更改。新建剪辑工程前要保存吗？
shell-unsaved-before-open = “{ $title }”有未保存的更改。打开其他剪辑工程前要保存吗？
shell-unsaved-before-close = “{ $title }”有未保存的更改。关闭前要保存吗？
shell-rename-marker = 重命名标记
shell-marker-name = 标记名称
shell-error-title = 出错了

## 打开和保存
shell-new-project = 新建剪辑工程
shell-new-project-status = 新建剪辑工程：将媒资拖到轨道上即可开始
shell-opening = 正在打开 { $path }…
shell-choosing-file = 正在选择要打开的文件…
shell-restored = 已恢复 { $path } 未保存的工作：“{ $title }”，{ $clips } 个片段；请保存以保留
shell-restored-untitled = 已恢复未保存的工作：“{ $title }”，{ $clips } 个片段，从未保存过；请保存以保留
shell-loaded = 已载入 { $title }；保存即可留下本地副本
shell-saving = 正在保存…
shell-opened = 已打开 { $path }
shell-imported = 已导入 API 时间线 { $path }；请另存为剪辑工程以保留你的工作
shell-open-failed = 打开失败
shell-saved = 已保存 { $path }
shell-save-failed = 保存失败：你的工作仍在，尚未保存
shell-cancelled = 已取消
shell-no-dialog-status = 此桌面没有文件对话框：请在 vodcut 自带的文件浏览器中选择
shell-no-dialog-note = 此桌面没有文件对话框（没有 xdg portal，也没有 zenity）：请在这里选择。
shell-dropped-several = 拖入了 { $n } 个剪辑工程文件：打开第一个，{ $path }
shell-filter-project-or-timeline = vodcut 剪辑工程或 API 时间线
shell-filter-project = vodcut 剪辑工程

## 崩溃
shell-crash-title = vodcut 上次意外退出
shell-crash-body = 已写入崩溃报告（不含密钥）。请将它附在问题报告中：
shell-copy-path = 复制路径
shell-recovery-save-failed = vodcut：无法保存恢复副本 { $path }：{ $error }
shell-crash-unsaved-saved = 未保存的工作：已保存到 { $path }，可用于恢复
shell-crash-unsaved-none = 未保存的工作：无（或无法保存）

## 欢迎界面
shell-account-checking = 账号：检查中…
shell-account-sandbox = 账号：沙箱的演示密钥（任何数据都不会离开本机）
shell-account-from = 账号：{ $id }，来自{ $source }
shell-account-none = 尚未设置阿里云账号。可以试用沙箱，或打开“账号设置”查看 vodcut 查找过的位置。
shell-welcome-title = 欢迎使用 vodcut
shell-welcome-tagline = 用于阿里云视频点播（ApsaraVideo VOD）合成的时间线编辑器。
shell-welcome-sandbox = 沙箱：本机上的演示点播服务，附带可试用的媒资库。使用演示密钥，任何数据都不会离开本机。
shell-new-project-tip = 空白剪辑工程：将媒资拖到轨道上
shell-open-more = 打开…
shell-open-tip = 打开 .vodcut 剪辑工程
shell-import-timeline = 导入时间线 JSON…
shell-import-timeline-tip = 将 API 时间线（.json）作为新剪辑工程打开
shell-open-recent = 最近打开
shell-no-recent-projects = 没有最近的剪辑工程
shell-no-own-program = 找不到 vodcut 自身的程序：{ $error }
shell-cannot-start-sandbox = 无法以沙箱方式启动 { $program }（--sandbox）：{ $error }

## 关于
shell-about-tagline = 用于阿里云视频点播（ApsaraVideo VOD）合成的时间线编辑器
shell-licence = 许可证：{ $licence }
shell-no-folder = （此系统上没有该文件夹）
shell-data-folder = 数据文件夹
shell-cache-folder = 缓存文件夹
shell-log-folder = 日志文件夹
shell-crash-reports = 崩溃报告
shell-log-level = 日志级别
shell-level-error = 错误
shell-level-warn = 警告
shell-level-info = 信息
shell-level-debug = 调试
shell-level-trace = 跟踪
shell-rust-log-decides = （由 RUST_LOG={ $value } 决定）

## 文件浏览器
shell-kind-projects = 剪辑工程和时间线（*.vodcut、*.json）
shell-kind-media = 视频、音频和图片
shell-kind-all = 所有文件
shell-cannot-read = 无法读取 { $path }：{ $error }
shell-place-home = 主目录
shell-place-desktop = 桌面
shell-place-documents = 文档
shell-place-videos = 视频
shell-does-not-exist = { $path } 不存在
shell-browse-open = 打开剪辑工程或时间线
shell-browse-save = 保存剪辑工程
shell-browse-upload = 选择要上传的媒资
shell-upload-chosen = 上传所选
shell-folder-above = 上一级文件夹
shell-go = 前往
shell-places = 位置
shell-reading-folder = 正在读取文件夹…
shell-nothing-matches = 这里没有符合筛选条件的内容
shell-show = 显示
shell-names-containing = 名称包含
shell-hidden-files = 隐藏文件
shell-file-name = 文件名
shell-save-replaces = { $name } 已存在：保存会替换它（旧版本保留为 .bak）
shell-ctrl-click = 按住 Ctrl 点击可选择多个

## 草稿渲染
shell-rendering-draft = 正在将草稿渲染到 { $path }
shell-draft-ready = 草稿已就绪：{ $path }
shell-draft-cancelled = 草稿渲染已取消
shell-draft-failed = 草稿渲染失败：{ $error }
shell-draft-window = 草稿渲染
shell-rendering-to = 正在渲染到 { $path }
shell-draft-progress = { $percent }% · { $speed } 倍实时速度
shell-draft-progress-left = { $percent }% · { $speed } 倍实时速度 · 剩余 { $left }
shell-preparing = 准备中…
shell-stop-render-tip = 停止渲染；不会写入任何文件
shell-draft-written = 草稿已写入 { $path }（{ $width }x{ $height }，{ $fps } fps，{ $length }），用时 { $elapsed }。
shell-placeholders-intro = 以下内容未模拟，以带标签的占位框绘制：
shell-note = 注意：{ $note }
shell-open-again = 再次打开
shell-open-again-tip = 用系统播放器播放草稿
shell-no-player = 无法启动播放器（{ $why }）。草稿位于 { $path }：请用您选择的播放器打开。
shell-no-player-start = 无法启动 { $program }：{ $error }
shell-no-player-exit = { $program } 以退出码 { $code } 结束
shell-render-cancelled = 渲染已取消；没有写入任何文件。
shell-draft-unavailable = 渲染草稿：{ $error }。
shell-to-fix = 解决方法：{ $hint }
shell-draft-starting = 渲染草稿：素材服务仍在启动，请稍后再试。

# 窗口外观（“视图”菜单）。
shell-theme-system = 跟随系统外观
shell-theme-dark = 深色
shell-theme-light = 浅色

# 文档的文件在打开或保存后被改动。
shell-disk-changed-title = 磁盘上的文件已改动
shell-disk-changed = 自您打开或保存以来，{ $path } 已在磁盘上被改动（被其他程序，或 vodcut submit 写入了 ProjectId）。覆盖保存会丢失这些改动。
shell-disk-reload = 从磁盘重新载入
shell-disk-reload-discard = 重新载入（放弃我的修改）
shell-disk-keep-mine = 保留我的版本（覆盖）
shell-disk-save-as = 另存为其他文件…
shell-disk-not-saved = 未保存：{ $path } 已在磁盘上被改动
