# 编辑器的云端部分：账号设置、媒资库、上传、合成和任务历史。术语遵循 locales/glossary.md。

## 账号设置

cloud-account-title = 账号设置
cloud-settings-not-saved = 设置未保存：{ $error }
cloud-account-sandbox = 沙箱：无论这里选择什么，都使用沙箱的演示密钥和接入地址；数据不会离开本机。
cloud-credentials = 凭证
cloud-cred-automatic = 自动：依次查找环境变量、aliyun CLI 配置、~/.alibabacloud/credentials
cloud-cred-profile = aliyun CLI 配置
cloud-cred-choose = （请选择）
cloud-cred-no-profiles = ~/.aliyun/config.json 中没有配置
cloud-cred-profile-name = aliyun CLI 配置名称
cloud-cred-session = 在此输入，仅用于本次会话（不写入文件；可选择保存到钥匙串）
cloud-cred-looking = 正在查找…
cloud-cred-active = 当前使用：{ $what }
cloud-cred-described = { $source }，AccessKey ID { $id }
cloud-cred-described-sts = { $source }，AccessKey ID { $id }，带 STS Token
cloud-source-env = 环境变量
cloud-source-cli-profile = aliyun CLI 配置“{ $profile }”（{ $path }）
cloud-source-file = { $path } 中的配置“{ $profile }”
cloud-source-session = 本次会话中输入的凭证
cloud-source-sandbox = 沙箱的演示密钥
cloud-key-id = AccessKey ID
cloud-key-secret = AccessKey Secret
cloud-key-token = STS Token（可选）
cloud-remember = 保存到系统钥匙串
cloud-remember-tip = 由桌面系统的钥匙串保管（Secret Service、macOS 钥匙串、Windows 凭据管理器），绝不会写入 vodcut 生成的任何文件
cloud-asking-keychain = 正在读取系统钥匙串…
cloud-use-these = 使用这些凭证
cloud-enter-id = 请输入 AccessKey ID。
cloud-enter-secret = 请输入 AccessKey Secret。
cloud-none-entered = 尚未输入。
cloud-default-region = 新剪辑工程的默认地域
cloud-default-region-auto = （凭证中的地域，否则为 cn-shanghai）
cloud-endpoint = 自定义接入地址
cloud-endpoint-hint = 留空：使用地域的接入地址
cloud-allow-http = 允许以明文 http 连接其他机器（仅限私有接入地址）
cloud-signature = 请求签名
cloud-signature-v1 = V1（HMAC-SHA1，默认）
cloud-signature-v3 = V3（ACS3-HMAC-SHA256）
cloud-ffmpeg = ffmpeg 程序
cloud-ffmpeg-hint = 留空：使用 PATH 中的 ffmpeg
cloud-ffmpeg-tip = 预览和片段上的精确画面需要 ffmpeg；没有它时以封面和截图代替
cloud-frame-memory = 画面缓存大小（MB）
cloud-still-duration = 静态图片时长
cloud-still-duration-tip = 图片拖到轨道上时的时长（图片本身没有时长）；之后可像其他片段一样修剪
cloud-seconds-suffix = {" "}秒
cloud-test-connection = 测试连接
cloud-connected = 已以 { $id } 连接到 { $endpoint }：该账号共有 { $total } 个剪辑工程。

## 媒资库

cloud-lib-too-far = 无法直接跳到那么远：请用“下一页”逐页翻看
cloud-lib-search-hint = 标题关键词
cloud-lib-search-label = 搜索标题
cloud-lib-search = 搜索
cloud-lib-newest = 最新在前
cloud-lib-oldest = 最早在前
cloud-lib-sort-tip = 按创建时间排序
cloud-lib-materials = 云端剪辑工程的素材
cloud-asking-vod = 正在查询点播…
cloud-lib-range = 第 { $first } 至 { $last } 个，共 { $total } 个
cloud-lib-previous = 上一页
cloud-lib-next = 下一页
cloud-lib-load-more = 加载更多
cloud-lib-load-more-tip = 把下一页追加到列表
cloud-lib-materials-count = 云端剪辑工程的 { $n } 个素材
cloud-lib-row = { $kind } · { $length }
cloud-lib-row-size = { $kind } · { $length } · { $size }
cloud-lib-row-still-size = { $kind } · { $size }
cloud-lib-length-unknown = 时长未知
cloud-lib-not-normal = { $status }：状态正常之前不可用
cloud-lib-row-label = 媒资库 { $title }
cloud-lib-row-tip =
    { $id }
    拖到轨道上即可使用
cloud-thumb-no-http = 没有 HTTP 客户端
cloud-thumb-url = 封面地址
cloud-thumb-not-picture = 不是图片：{ $error }

## 上传

cloud-up-queued = 排队中
cloud-up-starting = 准备上传
cloud-up-finishing = 正在完成上传
cloud-up-uploading = 上传中 { $percent }%
cloud-up-paused-at = 已暂停于 { $percent }%
cloud-up-changed = 文件已改动：等待你的决定
cloud-up-ready = 就绪
cloud-up-failed = 上传失败
cloud-up-cancelled = 已取消
cloud-up-not-media = { $file }：不是可作为媒资上传的文件
cloud-up-no-runtime = 无法启动上传运行时：{ $error }
cloud-up-vod-failed = 点播无法处理该文件：{ $status }
cloud-up-no-data-folder = 没有数据文件夹来保存上传状态
cloud-up-filter = 视频、音频和图片
cloud-up-title = 上传列表
cloud-up-choose = 选择文件…
cloud-up-choose-tip = 要上传到点播的视频、音频和图片文件
cloud-up-or-paths = 或输入路径：
cloud-up-upload = 上传
cloud-up-all = 全部：{ $done } / { $total }
cloud-up-all-label = 全部上传 { $percent }%
cloud-up-empty = 把视频、音频或图片文件拖到窗口上（素材箱或轨道），或在上方选择。
cloud-up-speed = { $state } · { $speed }/秒
cloud-up-speed-left = { $state } · { $speed }/秒 · 剩余 { $left }
cloud-up-item-label = 上传 { $name }：{ $state }
cloud-up-pause = 暂停
cloud-up-resume = 继续
cloud-up-restart = 从头开始
cloud-up-restart-tip = 按文件现在的内容重新上传，作为新的媒资
cloud-step-upload = 上传
cloud-step-initiate = 发起分片上传
cloud-step-list = 列出已上传的分片
cloud-step-part = 第 { $n } 个分片
cloud-step-complete = 完成上传
cloud-step-object = 文件对象
cloud-etag-mismatch = { $what }：ETag { $etag } 与所发送数据的 MD5 { $md5 } 不符
cloud-etag-missing = { $what }：应答中没有可校验的 ETag
cloud-up-image-expired = { $path }：上传凭证已过期，而点播无法为图片续期凭证；请重新上传
cloud-up-read-failed = 无法读取文件：{ $error }
cloud-up-read-stopped = 读取中断：{ $error }
cloud-up-size-changed = 大小原为 { $was } 字节，现为 { $now } 字节
cloud-up-modified = 文件已被修改
cloud-state-unreadable = 无法读取上传状态 { $file }：{ $error }
cloud-state-damaged = 上传状态 { $file } 无法使用：{ $error }
cloud-state-no-folder = 无法创建上传状态文件夹 { $folder }：{ $error }
cloud-state-not-saved = 无法保存上传状态 { $file }：{ $error }
cloud-state-no-lock = 无法锁定上传 { $file }：{ $error }
cloud-state-bad-version = 它的版本为 { $version }，此版本 vodcut 不认识
cloud-state-bad-size = 它对应的是空文件
cloud-state-bad-part-size = 它的分片大小 { $size } 超出 OSS 的限制（{ $min } 至 { $max } 字节）
cloud-state-bad-part-size-single = 它对应单次请求上传，但分片大小 { $size } 不等于文件大小
cloud-state-too-many-parts = 它需要超过 { $max } 个分片
cloud-state-bad-part = 它列出了第 { $n } 个分片，而文件只有 { $count } 个分片
cloud-state-bad-etag = 第 { $n } 个分片的 ETag 不是 MD5
cloud-state-bad-media = 它的 MediaId 不是 VOD 给出的形式
cloud-up-part-differs = 第 { $n } 个分片已不是上传时的内容（大小和时间相同：被副本替换了？）
cloud-oss-bad-endpoint = 上传地址（UploadAddress）中的 OSS 接入地址“{ $endpoint }”不是有效的 URL：{ $error }
cloud-oss-insecure = 上传地址（UploadAddress）中的 OSS 接入地址使用 { $scheme }://，vodcut 拒绝以此连接 { $host }
cloud-oss-no-https = 无法建立 HTTPS 连接：{ $error }
cloud-oss-cut-off = 应答被截断：{ $error }
cloud-oss-redirected = OSS 返回了重定向（HTTP { $status }）；上传不跟随重定向，文件和凭证都没有发往别处
cloud-file-shrank = 文件在 { $len } 字节中的 { $sent } 字节处结束（上传期间文件被修改）

## 拖放到窗口上的文件

cloud-drop-hint = 拖放：剪辑工程文件会被打开，媒资会上传到点播（拖到轨道上时，放在松开的位置）
cloud-drop-no-path = 拖放的数据没有文件路径，无法上传
cloud-drop-nothing = 没有可上传的文件
cloud-drop-placed = 正在上传 { $n } 个文件：按拖放的位置依次排列
cloud-drop-to-vod = 正在上传 { $n } 个文件到点播
cloud-not-uploaded =
    未上传：
    { $list }
cloud-undo-media-length = 媒资时长
cloud-upload-ready = “{ $title }”已在点播中就绪
cloud-upload-failed = { $name } 上传失败：{ $error }
cloud-upload-wrong-track = “{ $title }”是{ $kind }，不能放在{ $track }轨道上：已放入素材箱
cloud-upload-not-placed = “{ $title }”已放入素材箱，但没有放到轨道上：{ $error }
cloud-undo-add-uploaded = 添加已上传的媒资
cloud-not-ready = 点播只能合成状态为 Normal 的媒资。仍在处理中：{ $list }。请在它们就绪后再合成。

## 合成

cloud-no-lengths = 无法获取媒资时长：{ $error }
cloud-undo-refresh-lengths = 刷新媒资时长
cloud-lengths-updated = 已更新 { $n } 个媒资的时长
cloud-unknown-ids = 点播中不存在这 { $n } 个 MediaId：{ $ids }。使用它们的片段无法合成；请检查 ID 和地域
cloud-unknown-ids-more = 点播中不存在这 { $n } 个 MediaId：{ $ids } 等（另有 { $more } 个）。使用它们的片段无法合成；请检查 ID 和地域
cloud-producing-already = 已有一个合成正在发送
cloud-no-runtime = 网络运行时无法启动
cloud-producing = 正在合成：等待 { $region } 的点播应答…
cloud-undo-link-project = 关联云端剪辑工程
cloud-toast-submitted = 已提交合成：MediaId { $id }
cloud-status-submitted = 已提交：MediaId { $media }，ProjectId { $project }
cloud-status-unknown = 合成结果未知：请查看“任务”标签页
cloud-production-refused = 合成被拒绝
cloud-nothing-sent = 没有发送任何请求
cloud-no-data-folder-jobs = 没有数据文件夹来保存任务历史
cloud-not-recorded = 发送前无法记录任务，因此没有发送：{ $error }
cloud-refresh-failed = 无法刷新任务 { $job }：{ $error }
cloud-production-done-failed = 合成“{ $title }”失败（见“任务”标签页）
cloud-production-done-ready = 合成“{ $title }”已完成（见“任务”标签页）
cloud-open-failed = 无法打开云端剪辑工程：{ $error }
cloud-select-clip-tip = 点击选中这个片段
cloud-blocked-title = 暂时无法合成
cloud-blocked = 必须先修正 { $n } 个错误。没有发送任何请求。
cloud-warned-title = 有警告，仍要合成吗？
cloud-continue = 继续
cloud-checking-title = 正在点播中检查媒资…
cloud-checking = 正在向点播确认所有视频和音频是否都已就绪（状态为 Normal）。尚未发送任何请求。
cloud-confirm-title = 合成这个视频？
cloud-confirm-sandbox = 将把“{ $title }”（{ $clips } 个片段）提交到沙箱合成：仅为演示，不计费，数据不会离开本机。
cloud-confirm-billed = 将把“{ $title }”（{ $clips } 个片段）提交到 { $region } 的点播进行合成，此操作会计费。
cloud-confirm-updates = 将更新云端剪辑工程 { $id }。
cloud-confirm-creates = 将新建一个云端剪辑工程。
cloud-confirm-once = 请求只发送一次：如果应答丢失，vodcut 会告诉你如何核实，而不会再次发送。
cloud-produce = 合成
cloud-submitted-title = 已提交合成
cloud-unknown-title = 结果未知
cloud-copy-tip = 复制 { $name }
cloud-accepted = 点播已接受合成。合成在云端进行；“任务”标签页会跟踪它，直到视频就绪。
cloud-project-stored = ProjectId 已保存在剪辑工程中：下次合成会更新同一个云端剪辑工程。
cloud-no-answer = 请求可能已到达点播，但没有收到应答。它不会被自动再次发送。
cloud-earlier-found = 此工程之前应答丢失的一次合成已送达点播，详情如下。未再次发送。
cloud-earlier-in-doubt = 此工程之前的一次合成（任务 { $job }）应答丢失，可能已经生成并计费：{ $why }。本次未发送。请在“任务”页查看，或仍然合成（可能重复计费）。
cloud-produce-anyway = 仍然合成
cloud-job-in-history = 任务 { $job } 已记入历史

## 任务历史

cloud-jobs = 任务
cloud-jobs-refresh = 立即刷新
cloud-jobs-following = 正在跟踪仍在进行的合成（每 { $every } 秒一次）。
cloud-jobs-none = 还没有合成任务。点击“合成”或按 Ctrl+Enter 即可创建。
cloud-jobs-sandbox = 沙箱
cloud-jobs-duration = 时长：{ $duration }
cloud-jobs-cover = 封面图片
cloud-jobs-open = 打开云端剪辑工程
cloud-jobs-open-tip = 把它的时间线（Timeline）载入新文档
cloud-jobs-watch = 观看
cloud-jobs-watch-tip = 在源监视器中播放合成的视频（点播提供的播放地址）
cloud-job-pending = 待确认：程序在收到应答前停止了；再次合成前请先核实
cloud-job-refused = 被拒绝
cloud-job-unknown = 结果未知：再次合成前请先核实
cloud-job-failed = 合成失败
cloud-job-ready = 已就绪
cloud-job-status-video = { $production }，视频 { $video }
cloud-job-submitted = 已提交
cloud-jobs-why = 失败原因：{ $why }
cloud-jobs-why-tip = VOD 为此合成返回的错误字段（原样显示）

## 与草稿比较 (ui/compare.rs)
cloud-jobs-compare = 与草稿比较
cloud-jobs-compare-tip = 在每个剪切点和标记处，将合成视频的画面与当前项目的草稿画面对比，并列出不同之处
compare-window = 与草稿比较：{ $title }
compare-progress = { $total } 个点中的 { $done } 个
compare-summary = 已检查 { $found } 个点中的 { $checked } 个；{ $differ } 个差异超过 { $threshold }%
compare-all-alike = 在检查的每个点，合成的视频都与草稿一致。
compare-draft = 草稿（本编辑器）
compare-produced = 合成（点播）
compare-draft-at = { $at } 处的草稿
compare-produced-at = { $at } 处的合成画面
compare-differs = 相差 { $percent }%
compare-go = 转到
compare-go-tip = 将播放头移到此处并显示节目
compare-no-picture = 无画面
compare-other-project = 此视频由 { $file } 合成；比较的是当前打开的项目。
compare-starting = 正在等待素材服务…
compare-unavailable = 与草稿比较：{ $error }。
