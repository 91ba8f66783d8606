# 编辑器的表单：片段检查器、素材箱、剪辑工程与输出表单，以及字段在输入时做的检查。
# API 字段名（MediaId、TimelineIn、FontSize……）不在这里：保持服务的写法。

## 字段旁的检查（简短：显示在值的右侧）
forms-cannot-be-negative = 不能为负数
# $end：源媒资的时长（时间码）
forms-past-media-end = 超出媒资结尾（{ $end }）
forms-time-hint = 00:00:05:12、5.48 或 +10
forms-not-a-number = 不是数字
forms-ratio-or-pixels = 0..1 的比例或整数像素
forms-hex-colour = 应为 #RRGGBB
forms-zero-to-one = 0 到 1 之间
forms-whole-above-zero = 大于 0 的整数
forms-required = 必填
forms-whole-number = 应为整数
# $min、$max：文档给出的界限
forms-at-least = 不小于 { $min }
forms-at-most = 不大于 { $max }
# $list：允许的取值
forms-one-of = 应为 { $list } 之一
# 未设置的选项：使用服务的默认值。
forms-default = （默认）
# 目录字段（动效、花字样式）中文档未列出的值。
forms-value-not-documented = { $value }（文档未列出）
forms-value-not-documented-tip = “{ $value }”不在点播文档列出的取值中：按原样保留并发送，校验会给出警告
# 目录列表中：把搜索框里输入的内容用作取值。
forms-use-as-written = 按原样使用“{ $value }”
forms-border-outline = 1：描边加阴影
forms-border-box = 3：不透明底框

## 以文字显示的选项值（发送的值仍是 API 的写法）
forms-value-video = 视频
forms-value-audio = 音频
forms-value-image = 图片
forms-value-blur = 模糊
forms-value-color = 纯色
forms-value-delogo-blur = 模糊遮标
forms-align-bottom-left = 左下
forms-align-bottom-center = 底部居中
forms-align-bottom-right = 右下
forms-align-center-left = 左侧居中
forms-align-center = 居中
forms-align-center-right = 右侧居中
forms-align-top-left = 左上
forms-align-top-center = 顶部居中
forms-align-top-right = 右上

## 检查器
forms-select-a-clip = 选择一个片段进行编辑。
forms-clips-selected = 已选择 { $n } 个片段。
# $track：轨道名称（“V1”）
forms-clip-heading-video = 轨道 { $track } 上的第 { $n } 个视频片段
forms-clip-heading-audio = 轨道 { $track } 上的第 { $n } 个音频片段
forms-clip-heading-image = 轨道 { $track } 上的第 { $n } 个图片叠加片段
forms-clip-heading-subtitle = 轨道 { $track } 上的第 { $n } 个字幕片段
forms-track-locked = 轨道已锁定：解锁后才能编辑。
# 字幕的文字（API 的 Content）
forms-subtitle-text = 文字
forms-effects-heading = 效果（{ $n }）
forms-add-effect = 添加效果
forms-move-up = 上移
forms-move-down = 下移
forms-remove-effect = 移除效果
forms-unknown-effect = vodcut 不认识此效果；它会原样保留，并按原样发送：
# $field：API 字段名（In、Out、TimelineIn、X……），与片段自身的同名字段区分
forms-effect-field = 效果 { $field }
forms-text-style-heading = 样式与动效
forms-param-unsure = { $field } 仅出自第三方资料或姊妹服务（并非点播文档）：设置后校验会给出警告
forms-transition-clamped = 转场时长为 { $length }：这是两个片段允许的最大（或最小）值
forms-effect-text = 效果文字
# 新建文字效果的默认文字，用户可改写
forms-new-text = 新文字

## 素材箱
forms-bin-heading = 媒资素材箱
forms-bin-empty = 还没有媒资：请在下方按 MediaId 添加，再拖到轨道上。
forms-bin-length-unknown = 时长未知
# 供读屏软件使用：$state 为空，或“  ·  ready”“  ·  uploading 42 %”等
forms-bin-entry = 媒资 { $title }{ $state }
forms-bin-drag-hint = 拖到轨道上即可添加
forms-bin-remove-hint = 从素材箱移除（片段保留）
forms-bin-remove-entry = 移除 { $title }
forms-bin-in-use = 有 { $n } 个片段使用“{ $title }”：它们仍会播放该媒资，但会失去其标题和已知时长。
forms-bin-remove-anyway = 仍然移除
forms-bin-keep = 保留
forms-bin-undo-remove = 移除媒资
forms-bin-add-by-id = 按 ID 添加媒资
forms-bin-id-hint = 32 位十六进制字符
forms-bin-media-title = 媒资标题
forms-bin-optional = 可选
forms-bin-duration = 时长
forms-bin-duration-hint = 秒数（如已知）
forms-bin-add = 添加到素材箱
forms-bin-need-id = 请输入 MediaId。
forms-bin-already = 该媒资已在素材箱中。
forms-bin-bad-duration = 时长必须是大于 0 的秒数。
forms-bin-undo-add = 添加媒资

## 剪辑工程表单
# 按服务的计法，以 UTF-8 字节计
forms-bytes = { $n }/{ $max } 字节
# 在字段中输入所形成的撤销步骤：$field 为字段的标签
forms-undo-edit = 编辑“{ $field }”
forms-project = 剪辑工程
forms-project-title = 剪辑工程标题
forms-project-description = 剪辑工程描述
forms-project-cover = 剪辑工程封面地址
forms-cloud-project = 云端剪辑工程：{ $id }
forms-unlink = 取消关联
forms-unlink-hint = 下次合成会新建一个云端剪辑工程
forms-undo-unlink = 取消关联云端剪辑工程
forms-produced-video = 合成视频（MediaMetadata）
forms-video-title = 视频标题
forms-video-description = 视频描述
forms-video-cover = 视频封面地址
forms-category-id = 分类 ID
forms-tags = 标签（{ $n }/{ $max }，每个最多 { $bytes } 字节）
forms-tag-hover = { $n } 字节；点击移除
forms-undo-remove-tag = 移除标签
forms-new-tag-hint = 输入标签后按 Enter
forms-new-tag = 新标签
forms-undo-add-tag = 添加标签

## 输出表单
forms-output = 输出（ProduceConfig）
forms-region = 地域
forms-undo-region = 更改地域
forms-storage-required = 存储地址（此地域必填）
forms-storage-optional = 存储地址（{ $region } 可不填）
forms-template-group = 转码模板组 ID
forms-template = 合成模板 ID
forms-output-size = 输出尺寸
# 预设输出尺寸（像素），宽×高
forms-size-preset = { $w }x{ $h }
forms-same-as-source = 与源相同
forms-width-px = 宽度（像素）
forms-height-px = 高度（像素）
forms-whole-pixels = 应为整数像素
forms-user-data = 回调与自定义数据（UserData）
forms-callback-url = 回调地址
forms-callback-type = 回调类型
forms-callback-note = 单个任务的回调只能是 http，并且只有在点播控制台中启用了 HTTP 回调时才会生效。
forms-extend = Extend（JSON）
forms-valid-json = 有效的 JSON
forms-not-json = 不是 JSON：{ $error }
forms-frame-rate = 编辑帧率
# $rate：“25”“29.97”
forms-fps = { $rate } fps
forms-undo-frame-rate = 更改帧率
forms-frame-rate-hint = 移动、修剪、分割、粘贴和播放头都会对齐到此帧率的帧上。点播不接受输出帧率，请设为源素材的帧率（默认 25）。

## 地域名称，与控制台一致
forms-template-clip = 模板占位：vodcut batch 按每行数据填充
forms-template-slot = {"{{"}{ $name }{"}}"} 位于 { $field }，示例值：{ $sample }
forms-template-slot-no-sample = {"{{"}{ $name }{"}}"} 位于 { $field }，没有示例值（TemplateSamples）
forms-pick-colour = 为 { $field } 选取颜色

## 模板标签页（视图 > 模板占位）：模板的占位及其示例值
forms-template-cmd = 模板占位
forms-template-cmd-tip = 此模板的每个 {"{{"}占位{"}}"}、其所在位置及示例值（校验时用它填充）
forms-template-tab = 模板
forms-template-none = 此项目没有 {"{{"}占位{"}}"}，不是模板。在片段的 MediaId、文字、标题等处输入 {"{{"}名称{"}}"} 即成为模板；vodcut batch 会按每行数据填充各占位。
# $n：占位个数
forms-template-heading = 模板：{ $n } 个占位
forms-template-intro = “问题”标签页按这些示例值填充模板后进行校验，与 vodcut validate 相同。示例值保存在项目中（TemplateSamples）。
forms-template-slot-name = {"{{"}{ $name }{"}}"}
forms-template-no-sample-hint = 没有示例值
forms-template-sample-tip = 示例值：校验（“问题”标签页、vodcut validate）时用它填充此占位
forms-template-no-sample = 没有示例值：无法检查 {"{{"}{ $name }{"}}"}
# $place：“轨道 1，片段 2：MediaId”
forms-template-use = 用于 { $place }
forms-template-use-tip = 选中此片段
forms-template-undo-sample = {"{{"}{ $name }{"}}"} 的示例值
# $problem：值的问题及其所在位置
forms-template-sample-problem = {"{{"}{ $name }{"}}"} 的示例值：{ $problem }
forms-pick-template = 选择转码模板组…
forms-pick-category = 选择分类…
forms-pick-app = 选择应用…
forms-pick-tip = 来自账号的列表（上次获取时保存）；上方的输入框也可填写任意值
forms-pick-loading = 正在获取账号的列表…
forms-pick-failed = 无法获取账号的列表（{ $error }）；请在输入框中填写
forms-pick-none = （账号中没有）
forms-pick-refresh = 刷新列表
forms-pick-refresh-tip = 重新向 VOD 获取转码模板组、分类和应用
forms-pick = 选择…
