# 命令行的输出。

cli-validate-clean = { $file }：没有问题（{ $tracks } 条轨道上共 { $clips } 个片段）
cli-validate-summary = { $file }：{ $errors } 个错误，{ $warnings } 个警告
cli-no-runtime = 无法启动网络运行时：{ $error }
cli-job-history = 任务历史：{ $error }
cli-errors-block = { $errors } 个错误阻止了合成；没有发送任何请求
cli-warnings-need-yes = { $warnings } 个警告：请阅读后加上 --yes 再合成；没有发送任何请求
cli-job-not-recorded = 发送前无法记录任务（因此没有发送）：{ $error }
cli-failed-job =
    { $error }
    （任务 { $job } 已记入历史）
cli-submitted = 已将“{ $title }”提交到 { $region }（{ $endpoint }）。
cli-submitted-sandbox = 已将“{ $title }”提交到沙箱（{ $endpoint }）。
cli-follow-with = 查看进度：{ $command }
cli-project-linked = 已将 ProjectId { $id } 保存到 { $file }；下次提交会更新这个云端剪辑工程。
cli-project-not-linked = 警告：无法把 ProjectId 保存到剪辑工程文件：{ $error }
cli-no-jobs = 还没有合成任务（历史保存在 { $folder }）。
cli-job-unreadable = （跳过了无法读取的记录：{ $record }）
cli-job-not-found = 历史中没有任务 { $id }（{ $folder }）；只能按 MediaId 或 ProjectId（32 位十六进制数字）向 VOD 查询
cli-bad-output-size = 无法生成该项目的输出尺寸：{ $problem }
cli-search-found = 共有 { $total } 个 { $kind } 类型的媒资匹配；显示其中 { $shown } 个：
cli-not-usable-yet = {"  【"}{ $status }：状态正常之前不可用】
cli-more = 更多：--scroll-token { $token }
cli-no-such-video = { $id }  （没有这个视频）
cli-label-production = 合成：
cli-label-video = 视频：
cli-label-duration = 时长：
cli-label-cover = 封面：
cli-label-error = 错误：
cli-up-left = {"  "}剩余 { $time }
cli-up-amount = { $done } / { $total }
cli-up-nothing =
    没有上传任何文件：
      { $problems }
cli-up-resumed = ，续传：{ $parts } 个分片中已有 { $resumed } 个
cli-up-done = { $file }：已上传 { $size }，用时 { $secs } 秒（{ $speed }/秒{ $resumed }）；点播正在处理
cli-up-follow = 查看状态：`{ $command }`（Normal 表示可以用于合成）
cli-up-failed = { $files } 个文件中有 { $failed } 个没有上传
cli-sandbox-conflict = { $flag } 不能与 --sandbox 同用：沙箱有自己的接入地址和演示密钥（没有发送任何请求）
cli-track-muted = 警告：轨道 { $n }（{ $name }）已静音：该轨道上的 { $clips } 个片段将不参与合成
cli-track-hidden = 警告：轨道 { $n }（{ $name }）已隐藏：该轨道上的 { $clips } 个片段将不参与合成
cli-import-same-file = { $file } 就是输入文件；请把剪辑工程写到另一个文件（没有改动任何文件）
cli-import-exists = { $file } 已存在；加上 --force 才会替换（旧版本保存为 .bak、.bak.2、.bak.3）
cli-wrote = 已写入 { $file }（{ $tracks } 条轨道上共 { $clips } 个片段）
cli-cannot-write = 无法写出结果：{ $error }
cli-bad-time = { $flag } { $text }：请填写不小于 0 的时间，秒数（如 12.5）或时间码（如 00:00:12:12）
cli-bad-fps = --fps { $text }：请填写 1 到 240 之间的帧率（例如 25）
cli-render-speed = { $speed } 倍实时速度
cli-render-range = --to { $to } 必须晚于 --from { $from }
cli-render-height = --height { $height }：请填写 2 到 4320 像素
cli-render-stopped = 渲染已停止；没有写入 { $file }
cli-nothing-written = 没有写入任何文件：{ $error }
cli-render-placeholders = 草稿无法模拟以下内容，已画成带标签的占位框：
cli-note = 注意：{ $note }
cli-render-wrote = 已写入 { $file }（{ $width }x{ $height }，{ $fps } fps，从 { $from } 起共 { $length }，{ $frames } 帧），用时 { $took }（{ $speed } 倍实时速度）
cli-png-encode = 无法编码 PNG：{ $error }
cli-width-min = --width 至少为 1
cli-no-frame-layers =
    在 { $at } 处有 { $n } 个图层没有画面，没有写入任何文件：
    { $layers }
cli-still-wrote = 已写入 { $file }（{ $width }x{ $height }，{ $out_width }x{ $out_height } 输出中 { $at } 处的 { $layers } 个图层）
cli-no-frame-media = 媒资 { $media } 在 { $at } 处没有画面：{ $error }
cli-frame-wrote = 已写入 { $file }（{ $width }x{ $height }，媒资 { $media } 的 { $at } 处）

# `vodcut status` 的首行：任务的标题（或 ID）和状态。
cli-job-head = { $name } [{ $state }]
cli-job-state = { $state ->
    [pending] 待确认
    [submitted] 已提交
    [failed] 失败
   *[unknown] 结果未知
}
cli-sandbox-tagged = [沙箱] { $text }
cli-sandbox = 沙箱
cli-job-line = { $state } { $place } { $title }  媒资 { $media }  剪辑工程 { $project }  { $status }
cli-picture-size-wrong = 图片的像素数不对
cli-bad-lang = “{ $text }”不是 vodcut 支持的语言：请用 en 或 zh-CN
cli-stdin = （标准输入）
cli-stdout = （标准输出）
cli-png-to-terminal = -o -：标准输出是终端，而 PNG 是二进制数据；请重定向（> frame.png）或指定文件
cli-up-rate = {"  "}{ $size }/秒
cli-no-data-folder = 此系统没有数据文件夹（没有主目录？），无法保存上传状态
cli-file-with-command = { $file } 是给编辑器打开的；命令的文件应写在命令名之后
cli-no-window = 无法打开编辑器窗口：{ $error }
cli-not-printed-errors = { $file }：有 { $errors } 个错误（见上），因此没有输出任何内容；请修正（vodcut validate 会列出所有问题），或加上 --force 仍然输出
cli-printed-with-errors = { $file }：尽管有 { $errors } 个错误仍已输出（--force）；服务会拒绝这次合成
cli-render-wrote-sound = 已写入 { $file }（仅声音，从 { $from } 起 { $length }），用时 { $took }
cli-force-status-hint = 加上 --force-status 可使用未变为 Normal 的媒资合成（合成可能在计费后失败）
cli-status-overridden = { $problem }（--force-status：仍然合成）
cli-page-too-far = 每页 { $size } 条时第 { $page } 页超出前 5000 条结果，只能用滚动令牌到达：请用上一页给出的 --scroll-token 继续翻页

cli-earlier-found = 此工程之前的一次提交（任务 { $job }）已送达点播：ProjectId { $project }。未再次发送。
cli-earlier-in-doubt = 此工程之前的一次提交（任务 { $job }）应答丢失，可能已生成合成并计费：{ $why }。本次未发送。请用 `vodcut status { $job }` 查询；如确需再次合成（可能重复计费）：--resend-unknown
cli-account-cached = （保存于 { $when }；--refresh 重新向 VOD 查询）
cli-account-none = （无）
cli-account-default = [默认]
cli-bad-duration = “{ $text }”不是时长：秒数（90）或带单位（90s、30m、2h、1h30m）
cli-wait-now = 当前：{ $status }
cli-wait-failed = 合成 { $id } 失败（状态及 VOD 返回的错误字段见上方）
cli-wait-timed-out = 等待 { $waited } 后 { $id } 仍在进行；它会在 VOD 继续：`vodcut status { $id } --wait` 可继续跟踪

## vodcut compare
cli-compare-threshold = --threshold 必须大于 0 且小于 100（百分比），而不是 { $value }
cli-compare-no-production = 任务记录中没有 { $file } 已完成的合成；请用 --media 指定合成视频的媒资 ID
cli-compare-not-folder = --pictures { $path } 不是文件夹
cli-compare-summary = 已检查 { $found } 个点中的 { $checked } 个；{ $differ } 个差异超过 { $threshold }%
