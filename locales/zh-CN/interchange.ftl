# 其他剪辑软件的工程（vodcut import FILE.otio|.xml|.fcpxml|.edl）与导出（export-otio）。

ix-unknown-format = { $file }：vodcut 无法按文件名导入（应为 .otio、.xml、.fcpxml、.edl，或 API 时间线（Timeline）的 .json）
ix-cannot-read = { $file }：无法读取文件：{ $error }
ix-in-file = { $file }：{ $error }
ix-too-long = 某个时间（{ $what }）超出了时间线能容纳的长度
ix-otio-not-json = 不是 OpenTimelineIO JSON：{ $error }
ix-otio-no-timeline = 文件中没有时间线（Timeline；.otio 文件应包含一个 Timeline 或它们的集合）
ix-otio-no-tracks = 时间线（Timeline）没有轨道（Stack）
ix-otio-bad-time = { $what }：不是时间：{ $value }
ix-otio-clip-no-range = 片段“{ $name }”没有源范围，其媒资也没有可用范围：长度未知
ix-xml-not-utf8 = XML 不是 UTF-8 文本（{ $error }）；请另存为 UTF-8
ix-xml-entities = XML 声明了实体（<!ENTITY>），vodcut 不展开实体（Final Cut 和 Premiere 从不写入实体）；没有读取任何内容
ix-xml-bad = XML 格式不正确：{ $error }
ix-bound = 第 { $line } 行第 { $column } 列：{ $what }；未读取任何内容
ix-bound-json-depth = 对象和列表嵌套超过 { $limit } 层，这是 vodcut 读取的上限（实际的 .otio 约嵌套 30 层）
ix-bound-json-values = 超过 { $limit } 个值，这是 vodcut 读取单个 JSON 文件的上限（一小时剪辑的 .otio 约含 200 000 个）
ix-bound-xml-nodes = 元素、属性和文本超过 { $limit } 个，这是 vodcut 对 XML 剪辑读取的上限（一小时的 Premiere XML 约 200 000 个）
ix-bound-xml-attributes = 某个元素的属性超过 { $limit } 个，这是 vodcut 对单个元素读取的上限
ix-bound-xml-depth = 元素嵌套超过 { $limit } 层，这是 vodcut 读取的上限（实际的剪辑约嵌套 30 层）
ix-xml-not-an-edit = XML 的根元素是 <{ $root }>，既不是 Final Cut Pro 7 XML（<xmeml>）也不是 FCPXML（<fcpxml>）
ix-xml-missing = 第 { $line } 行的 <{ $element }> 缺少 <{ $what }>
ix-xml-bad-number = 第 { $line } 行的 <{ $what }> 不是整数帧：{ $text }
ix-fcp-no-sequence = Final Cut Pro 7 XML 中没有序列
ix-fcpxml-no-project = FCPXML 中没有带 sequence 和 spine 的项目
ix-fcpxml-bad-time = 第 { $line } 行 <{ $element }> 的 { $what }="{ $text }" 不是时间（应形如 1001/30000s）
ix-edl-bad-event = 第 { $line } 行：不是 EDL 事件（编号、卷名、通道、转场方式、四个时间码）
ix-edl-bad-timecode = 第 { $line } 行：{ $text } 不是每秒 { $base } 帧的时间码
ix-edl-backwards = 第 { $line } 行：出点在入点之前

ix-place-clip = 片段“{ $name }”
ix-loss-speed = 未保留 { $percent }% 的变速：片段按正常速度播放，在时间线上的长度不变
ix-loss-freeze = 未保留定格帧：片段播放其媒资
ix-loss-nested = 嵌套序列“{ $name }”已展开到该轨道（{ $clips } 个片段）
ix-loss-nested-tracks = 嵌套序列“{ $name }”中的其他轨道未导入（{ $clips } 个片段）
ix-loss-effect = 未保留效果“{ $name }”
ix-loss-transition-fade = 转场“{ $name }”以交叉溶解（fade）导入
ix-loss-transition-alone = 未保留从无到有或从有到无的转场（黑场淡入淡出）：VOD 的转场连接两个片段
ix-loss-audio-transition = 未保留音频交叉淡化：VOD 的转场只用于视频片段
ix-loss-transition-handles = 转场后的片段在入点之前没有媒资余量，剪辑点保持原位
ix-loss-generator = 未保留生成的片段“{ $name }”（颜色、黑场、文字或标题）
ix-loss-disabled = 未导入在原软件中被停用的片段
ix-loss-no-source = 未导入文件中没有指明媒资的片段
ix-loss-linked-audio = 已合并 { $clips } 个作为视频片段声音的音频片段（同一文件、同一时间）：VOD 会随视频片段播放其声音
ix-loss-stereo = 已合并 { $clips } 个重复同一文件另一声道、时间相同的音频片段
ix-loss-rate = 文件没有说明帧率：按 { $rate } fps 读取
ix-loss-off-frame = 有些时间不在 { $rate } fps 的帧边界上：按原值精确保留，未吸附到帧
ix-loss-unread = 未读取 { $what }
ix-loss-other-sequences = 文件中另有 { $n } 个序列未导入（已导入第一个）

ix-found-in-file = 文件中已注明
ix-found-map = 来自对照表
ix-found-library = 媒资库中的“{ $title }”
ix-found-uploaded = 已上传
ix-report-source = { $file } -> { $id }（{ $how }；{ $clips } 个片段）
ix-report-missing = { $file }：未找到媒资（{ $clips } 个片段保留位置但没有 MediaId）
ix-report-note = 未保留：{ $note }

ix-map-cannot-read = { $file }：无法读取媒资对照表：{ $error }
ix-map-not-utf8 = { $file }：媒资对照表不是 UTF-8 文本
ix-map-no-header = 媒资对照表需要一行表头，列名为 file 和 MediaId（file,MediaId）
ix-map-no-file = 第 { $line } 行：没有文件名或路径
ix-map-bad-id = 第 { $line } 行：{ $id } 不是 MediaId（32 位十六进制数字）
ix-map-twice = 第 { $line } 行：{ $file } 对应了两个不同的 MediaId
ix-map-open-quote = 第 { $line } 行：引号字段没有结束
ix-library-several = { $file }：媒资库中有多个同名媒资（{ $ids }）；请用 --media 指定正确的一个

ix-export-subtitles = 轨道 { $track }：未导出 { $clips } 条字幕（OpenTimelineIO 没有文字片段）
ix-export-overlap = 轨道 { $track }：相互重叠的片段放到了更多轨道上（{ $track }.2…）
ix-export-overlay-position = 轨道 { $track }：未导出叠加的位置和大小
ix-export-length-unknown = 轨道 { $track } { $at }：片段长度未知，按 5 秒导出
ix-export-no-media = 轨道 { $track } { $at }：没有 MediaId 的片段导出时不带媒资（其他剪辑软件中显示为脱机）
ix-export-file-only = 轨道 { $track } { $at }：没有 MediaId 的片段只写入了它的文件（{ $file }）
ix-export-effect = 轨道 { $track } { $at }：未导出效果 { $effect }
ix-export-transition-kind = 轨道 { $track } { $at }：转场 { $kind } 以交叉溶解导出
ix-export-transition-alone = 轨道 { $track } { $at }：未导出后面没有紧接片段的转场

cli-import-needs-output = 导入 API 时间线（Timeline）需要 -o PROJECT.vodcut（或 -o - 写到标准输出）
cli-ix-fps-edl-only = --fps 仅用于 EDL（EDL 不写帧率）；其他格式自带帧率
cli-ix-library-skipped = 未搜索媒资库（{ $error }）；对照表中没有的来源列在下面（--offline 跳过搜索）
cli-ix-no-file = { $file }：本机上没有这个文件，无法上传
cli-ix-uploaded = 已上传 { $file }，MediaId 为 { $id }
cli-ix-upload-failed = 部分上传失败；仍有 { $missing } 个来源没有 MediaId（工程已写入；再次运行同一命令即可重试）
cli-ix-missing = { $missing } 个来源还没有 MediaId（{ $clips } 个片段保留位置，validate 会报错）：请在媒资对照表中指定（--media MAP.csv）或上传（--upload）
cli-ix-exported = 已写入 { $file }（{ $clips } 个片段；{ $notes } 项未保留，见上）

ix-ui-menu-import = 导入剪辑（OTIO、FCP XML、FCPXML、EDL）…
ix-ui-menu-import-tip = 把在 Premiere、Resolve、Final Cut 或其他剪辑软件中做的剪辑打开为新工程，并报告哪些内容得以保留
ix-ui-menu-export = OpenTimelineIO（.otio）…
ix-ui-menu-export-tip = 把工程写成 OpenTimelineIO 文件，供其他剪辑软件使用
ix-ui-filter-edits = 其他剪辑软件的剪辑
ix-ui-browse-import = 导入剪辑
ix-ui-browse-export = 导出为 OpenTimelineIO
ix-ui-browse-map = 选择媒资对照表（file,MediaId）
ix-ui-browse-map-verb = 选择
ix-ui-import = 导入
ix-ui-export = 导出
ix-ui-imported = 已导入 { $path }（{ $clips } 个片段），尚未保存
ix-ui-exported = 已写入 { $path }
ix-ui-import-title = 导入报告
ix-ui-export-title = 导出报告
ix-ui-import-summary = { $file }：放置了 { $clips } 个片段；{ $missing ->
    [0] 每个来源都有 MediaId
   *[other] { $missing } 个来源没有 MediaId
}
ix-ui-missing-hint = 没有 MediaId 的片段保留位置并以其文件命名，在得到 MediaId 之前会报错：请用下方的“应用媒资对照表…”为它们指定媒资，或上传其文件（“文件 > 导入剪辑…”会逐个询问未找到的文件）。
ix-ui-export-summary = 已写入 { $file }；{ $notes ->
    [0] 全部内容都已保留
   *[other] { $notes } 项未保留：
}
ix-ui-apply-map = 应用媒资对照表…
ix-ui-apply-map-tip = 选择表头为 file,MediaId 的 CSV（每个来源的文件名或路径及其 MediaId）：仍在等待这些文件的片段将得到对应媒资（一次撤销）

ix-ui-filter-map = 媒资对照表（file,MediaId）
ix-ui-library-skipped = 未搜索媒资库（{ $error }）：文件和对照表未指明的来源列在下方
ix-ui-importing = 正在导入 { $file }…
ix-ui-setup-title = 导入剪辑
ix-ui-setup-file = 文件：{ $file }
ix-ui-setup-rate = 帧率：
ix-ui-setup-rate-hint = EDL 不注明帧率：按此帧率读取其时间码（即剪辑时使用的帧率）。
ix-ui-rate-df = { $rate } 丢帧
ix-ui-rate-ndf = { $rate } 不丢帧
ix-ui-setup-map = 媒资对照表：
ix-ui-setup-no-map = 无
ix-ui-setup-choose-map = 选择对照表…
ix-ui-setup-clear-map = 不用对照表
ix-ui-setup-map-hint = 可选：表头为 file,MediaId 的 CSV。对照表未指明的来源将按文件名在媒资库中查找；都找不到的可在下一步上传。
ix-ui-unmatched-title = 未找到媒资
ix-ui-unmatched-body = 文件、对照表和媒资库都没有给出这些来源的媒资。它们的片段保留位置，并以文件命名。上传文件后，视频点播给出媒资时即放置其片段；也可保留为缺失（之后仍可在报告中应用对照表来放置）。
ix-ui-unmatched-clips = { $clips } 个片段
ix-ui-unmatched-upload = 上传并放置
ix-ui-unmatched-upload-tip = 用上传队列上传该文件（“文件 > 上传媒资…”）；视频点播给出 MediaId 后即放置其片段
ix-ui-unmatched-not-here = { $file } 不是本机上的文件，无法从这里上传
ix-ui-unmatched-keep = 保留为缺失
ix-ui-unmatched-continue = 继续
ix-ui-uploading = { $n ->
    [0] 未上传任何文件：片段仍在等待媒资
   *[other] 正在上传 { $n } 个文件：视频点播给出各自的 MediaId 后即放置其片段
}
ix-ui-undo-place = 放置已上传的媒资
ix-ui-undo-map = 应用媒资对照表
ix-ui-report-upload-failed = { $file } 的上传未完成（{ $error }）：其片段仍在等待；可在“上传列表”窗口中重试
ix-ui-report-uploaded = 已上传 { $file }，MediaId 为 { $id }：{ $clips ->
    [0] 已没有片段在等待它（已加入素材箱）
   *[other] 放置了 { $clips } 个片段
}
ix-ui-map-applied = 对照表 { $file }：放置了 { $clips } 个片段（{ $files } 个文件）
ix-ui-map-nothing = 对照表 { $file }：没有列出任何片段正在等待的文件
