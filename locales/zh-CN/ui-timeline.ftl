# 时间线、命令列表（菜单、快捷键）、预览、系统钥匙串提示，以及撤销步骤的名称。

## 命令：菜单文字
timeline-cmd-new = 新建
timeline-cmd-open = 打开…
timeline-cmd-save-as = 另存为…
timeline-cmd-undo = 撤销
timeline-cmd-redo = 重做
timeline-cmd-split = 在播放头处分割
timeline-cmd-ripple-delete = 波纹删除
timeline-cmd-cut = 剪切
timeline-cmd-paste = 粘贴到播放头处
timeline-cmd-select-all = 全选
timeline-cmd-zoom-in = 放大
timeline-cmd-zoom-out = 缩小
timeline-cmd-zoom-fit = 适应时间线
timeline-cmd-play-pause = 播放/暂停
timeline-cmd-shuttle-back = 倒放（加速）
timeline-cmd-shuttle-stop = 停止
timeline-cmd-shuttle-forward = 正放（加速）
timeline-cmd-home = 转到开头
timeline-cmd-end = 转到结尾
timeline-cmd-step-back = 后退一帧
timeline-cmd-step-forward = 前进一帧
timeline-cmd-nudge-back = 片段左移一帧
timeline-cmd-nudge-forward = 片段右移一帧
timeline-cmd-add-subtitle = 在播放头处添加字幕
timeline-cmd-add-marker = 添加标记
timeline-cmd-add-transition = 应用默认转场
timeline-cmd-toggle-snap = 吸附
timeline-cmd-produce = 合成…
timeline-cmd-next-marker = 下一个标记
timeline-cmd-prev-marker = 上一个标记
timeline-cmd-next-edit = 下一个编辑点
timeline-cmd-prev-edit = 上一个编辑点
timeline-cmd-select-at-playhead = 选择播放头处的片段
timeline-cmd-select-next-clip = 选择下一个片段
timeline-cmd-select-prev-clip = 选择上一个片段
timeline-cmd-render-draft = 渲染草稿
timeline-cmd-go-to-timecode = 转到时间码…
timeline-cmd-times-in-seconds = 以秒显示时间

## 命令：提示
timeline-tip-split = 在播放头处分割所选片段（未选择时分割播放头下的片段）
timeline-tip-delete = 删除所选片段，保留空隙
timeline-tip-ripple-delete = 删除所选片段，并合拢其所在轨道上的空隙
timeline-tip-nudge = 将所选片段移动一帧
timeline-tip-step = 将播放头移动一帧
timeline-tip-edit-point = 将播放头移到任一轨道上的下一个或上一个片段边缘
timeline-tip-select-at-playhead = 选择播放头下的片段
timeline-tip-select-adjacent = 选择所选片段所在轨道上的下一个或上一个片段，并将播放头移到该片段
timeline-tip-add-subtitle = 在播放头处、第一条未锁定的字幕轨道上添加一条 3 秒的字幕
timeline-tip-add-transition = 在两个选中片段之间的剪切点、选中片段靠近播放头的一端，或目标视频轨道上离播放头最近的剪切点添加 1 秒交叉溶解（渐隐）；转场放在前一个片段上，下一个片段前移与之重叠
timeline-tip-snap = 拖动时吸附到片段边缘、播放头、标记和零点
timeline-tip-produce = 校验、确认并提交合成（计费）
timeline-tip-render-draft = 在本机渲染整个输出的 360p 草稿（免费，需要 ffmpeg），然后播放
timeline-tip-go-to-timecode = 在预览的时间显示中输入播放头要去的位置：00:00:05:12、512、5.48、137.（帧数），或用 +10 / -1:00 从当前位置前后移动。按 Enter 跳转，按 Esc 取消
timeline-tip-times-in-seconds = 以秒（即时间线字段中的值）而不是时间码显示时间和时长（也可按住 Ctrl 单击预览的时间显示）
timeline-tip-shuttle = 以正常速度播放；再按一次为 2 倍、4 倍、8 倍速（J 倒放，L 正放，K 停止）

## 撤销步骤（状态栏显示“已撤销……”“已重做……”）
timeline-edit-split = 分割
timeline-edit-delete = 删除
timeline-edit-ripple-delete = 波纹删除
timeline-edit-cut = 剪切
timeline-edit-paste = 粘贴
timeline-edit-trim = 修剪
timeline-edit-nudge = 微移
timeline-edit-add-subtitle = 添加字幕
timeline-edit-add-marker = 添加标记
timeline-edit-add-transition = 应用默认转场
timeline-edit-rename-marker = 重命名标记
timeline-edit-delete-marker = 删除标记
timeline-edit-clip = 编辑片段
timeline-edit-add-clip = 添加片段
timeline-edit-move = 移动

## 编辑无法完成的原因
timeline-refused-locked = 轨道 { $track } 已锁定
timeline-refused-overlap = 位于 { $at } 的片段会与 { $track } 上的另一个片段重叠
timeline-refused-wrong-kind = { $what }片段不能放在{ $track }轨道上
timeline-refused-unknown-length = 片段时长尚未知晓，请先设置其 Out
timeline-refused-not-inside = 播放头不在该片段内
timeline-refused-gone = 该片段或轨道已不存在
timeline-refused-nothing = 无需操作
timeline-refused-no-cut = 此处没有剪切点：转场用于视频轨道上两个相接的片段之间（选中其中一个或两个，或把播放头放在剪切点附近）
timeline-refused-has-transition = 该剪切点已有转场（可在检查器中修改或删除）
timeline-refused-no-transition = 该片段没有进入下一片段的转场
timeline-refused-no-room-for-transition = 该剪切点的两个片段容不下一帧的转场
timeline-edit-transition-length = 更改转场时长
timeline-transition-length-label = { $left } 与 { $right } 之间的转场时长
timeline-drag-transition-length = 转场时长 { $length }
timeline-move-refused = 无法移动：{ $reason }
timeline-media-wrong-track = { $media }媒资不能放在{ $track }轨道上
timeline-added-not-normal = 已添加，但“{ $title }”尚未就绪（{ $status }）：点播只能合成状态正常的媒资
# 句中的轨道类型（视频、音频、字幕使用共用的 kind-* 词语）。

## 轨道头与轨道菜单
timeline-track-group = 轨道 { $name }
timeline-lock-named = 锁定 { $name }
timeline-unlock-named = 解锁 { $name }
timeline-lock-tip = 锁定此轨道
timeline-unlock-tip = 解锁此轨道
timeline-mute-named = 静音 { $name }
timeline-unmute-named = 取消静音 { $name }
timeline-hide-named = 隐藏 { $name }
timeline-show-named = 显示 { $name }
timeline-mute-tip = 将此轨道静音（隐藏和静音的轨道不参与合成）
timeline-unmute-tip = 取消此轨道的静音（隐藏和静音的轨道不参与合成）
timeline-hide-tip = 隐藏此轨道（隐藏和静音的轨道不参与合成）
timeline-show-tip = 显示此轨道（隐藏和静音的轨道不参与合成）
timeline-move-up-named = 上移 { $name }
timeline-move-up-tip = 上移此轨道
timeline-move-down-named = 下移 { $name }
timeline-move-down-tip = 下移此轨道
timeline-remove-named = 移除 { $name }
timeline-remove-tip = 移除此轨道（可撤销）
timeline-undo-brings-back = 可撤销
timeline-select-track-clips = 选择此轨道上的所有片段
# 以下既是按钮文字，也是撤销步骤的名称。
timeline-lock-track = 锁定轨道
timeline-unlock-track = 解锁轨道
timeline-mute-track = 静音轨道
timeline-unmute-track = 取消静音轨道
timeline-hide-track = 隐藏轨道
timeline-show-track = 显示轨道
timeline-move-track = 移动轨道
timeline-remove-track = 移除轨道
timeline-add-track = 添加轨道
# 轨道头下方的“添加轨道”菜单。
timeline-video-track = 视频轨道
timeline-audio-track = 音频轨道
timeline-image-track = 图片叠加轨道
timeline-subtitle-track = 字幕轨道
# 轨道菜单。
timeline-add-video-track = 添加视频轨道
timeline-add-audio-track = 添加音频轨道
timeline-add-image-track = 添加图片叠加轨道
timeline-add-subtitle-track = 添加字幕轨道

## 片段
timeline-no-media = （无媒资）
timeline-missing-file = { $file }（尚无媒资）
timeline-tip-missing-file = 尚无媒资：{ $file }。“文件 > 导入剪辑…”没有找到它的媒资；可在那里应用媒资对照表或上传来放置它
timeline-clip-label = 片段 { $title }，位于 { $track } 的 { $time } 处
timeline-trim-start-label = 修剪 { $track } 上 { $title } 的开头
timeline-trim-end-label = 修剪 { $track } 上 { $title } 的结尾
timeline-uploading-label = 正在上传 { $name }，位于 { $time }
timeline-uploading-tip = 正在上传：点播返回其 MediaId 后，这里会成为一个片段（可在“上传列表”窗口中查看进度、暂停或取消）
# 片段块上：时长，以及未知的信息。
timeline-clip-length-unknown = ≈{ $length }（时长未知）
timeline-clip-place-unknown = { $length }，位置取决于一个未知的片段
timeline-clip-both-unknown = ≈{ $length }（时长未知），位置取决于一个未知的片段
timeline-tip-media = 媒资：{ $id }
timeline-tip-on-timeline = 在时间线上：{ $start } 至 { $end }
timeline-tip-source = 源 In { $in }，Out { $out }
timeline-tip-media-end = 媒资结尾
timeline-tip-duration = 时长 { $length }
timeline-tip-duration-unknown = 时长未知（按 ≈{ $length } 显示）：请设置其 Out，或从点播刷新媒资时长
# 片段上各效果标记的含义。
timeline-badge-text = Text 效果（此片段上的文字）
timeline-badge-dewatermark = DeWatermark（模糊台标）
timeline-badge-volume = Volume（音量）
timeline-badge-background = Background（模糊或纯色背景）
timeline-badge-vfx = VFX（视觉特效）
timeline-badge-transition = 从此片段进入下一片段的转场
timeline-badge-unknown = vodcut 不认识的效果（保持原样）
timeline-playhead-to-clip-start = 播放头移到片段开头

## 标尺、标记、滚动
timeline-tracks = 时间线轨道
timeline-ruler = 时间线标尺
timeline-scrollbar = 时间线滚动条
timeline-move-playhead-here = 将播放头移到此处
timeline-add-marker-here = 在此处添加标记
timeline-paste-here = 粘贴到此处
timeline-marker-default = 标记 { $n }
timeline-marker-label = 标记 { $label }，位于 { $time }
timeline-marker-tip =
    { $label } · { $time }
    双击重命名，右键查看更多操作
timeline-marker-rename = 重命名…
timeline-marker-go-to = 转到

## 输出预览
timeline-preview-not-set-up = 尚未设置
timeline-preview-label = 输出预览 { $width }x{ $height }，位于 { $time }
timeline-preview-caption = { $width }x{ $height }
timeline-preview-caption-loading = { $width }x{ $height } · 加载中…
timeline-goto-display-label = 播放头 { $time }
timeline-goto-display-tip = 单击后输入要转到的时间（Ctrl+G）；按住 Ctrl 单击可在秒和时间码之间切换
timeline-goto-field-label = 转到时间码
timeline-preview-no-picture = 无法显示画面：{ $what }
timeline-preview-ffmpeg-hint = 正在显示封面和截图。安装 ffmpeg 可显示精确的画面（sudo apt install ffmpeg）。
timeline-preview-hide-hint = 隐藏此提示

## 系统钥匙串
timeline-keychain-loaded = 已从系统钥匙串载入密钥 { $id }
timeline-keychain-none = 系统钥匙串中没有保存的密钥
timeline-keychain-stored = 已保存到系统钥匙串
timeline-keychain-removed = 已从系统钥匙串中删除
# 刚添加的字幕的占位文字，供用户改写。
timeline-new-subtitle = 新字幕
timeline-placeholder-clip = 占位 { $id }
timeline-dense-label = { $track } 上的 { $clips } 个片段，太窄无法逐个显示
timeline-dense-tip = { $clips } 个片段太窄，无法逐个显示（已选中 { $selected } 个）。双击可放大查看。
