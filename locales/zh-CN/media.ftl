# 草稿渲染（src/draft）和素材服务（src/media：ffmpeg、画面）出错时告诉编辑器和命令行的话。

## ffmpeg
media-ffmpeg-install-hint = 安装 ffmpeg 以获得精确的画面（Debian/Ubuntu：sudo apt install ffmpeg；macOS：brew install ffmpeg；Windows：winget install ffmpeg），或在“文件 > 账号设置”中设置它的路径
media-draft-install-hint = 草稿渲染需要 ffmpeg 程序（用于解码素材并编码 H.264 + AAC）：请安装它（Debian/Ubuntu：sudo apt install ffmpeg；Fedora：sudo dnf install ffmpeg；macOS：brew install ffmpeg；Windows：winget install ffmpeg），或指定它的路径（--ffmpeg、VODCUT_FFMPEG 或“文件 > 账号设置”）
media-ffmpeg-missing = ffmpeg 不可用：{ $reason }
media-ffmpeg-timeout = ffmpeg 超过 { $secs } 秒仍未完成
media-cancelled = 已取消
media-url-expired = 媒资服务器拒绝了播放地址（403）：地址已过期
media-no-frame-at = { $at } 处没有画面（是否已超出媒资结尾？）
media-ffmpeg-failed = ffmpeg 出错：{ $error }
media-not-ffmpeg = { $path } 不是 ffmpeg
media-cannot-run = 无法运行 { $path }（{ $error }）
media-frame-unreadable = 无法读取 ffmpeg 输出的画面
media-cannot-start = 无法启动 { $program }：{ $error }

## 画面和声音
media-no-connection = 无法连接点播：{ $error }
media-decoder-stopped = 解码器已停止：{ $error }
media-download-failed = 下载失败：{ $error }
media-http-status = 媒资服务器返回了 HTTP { $status }
media-picture-too-large = 图片超过 { $cap }，未再继续下载
media-picture-unreadable = 无法读取图片：{ $error }
media-picture-empty = 图片是空的
media-no-ffmpeg-no-stills = 没有安装 ffmpeg，且媒资 { $id } 没有封面或截图
media-layer-video = 轨道 { $track }，第 { $n } 个片段（媒资 { $media } 的 { $at } 处）
media-layer-image = 轨道 { $track }，第 { $n } 个片段（图片 { $image }）
media-layer = 第 { $n } 层
media-no-stream = 媒资 { $id } 没有 MP4 流，也没有可解码的源文件地址
media-image-no-url = 图片 { $id } 没有地址（状态 { $status }）
media-url-of-play = 媒资 { $id } 的播放地址（PlayURL）
media-url-of-file = 媒资 { $id } 的源文件地址（FileURL）
media-url-of-image = 图片 { $id } 的地址
media-url-of-still = 媒资 { $id } 的封面或截图地址

## 草稿渲染
# 关于某一处的消息：“轨道 V1，第 2 个片段：该媒资没有声音”。
media-detail = { $what }：{ $detail }
media-place-clip = 轨道 { $track }，第 { $n } 个片段
media-place-clip-media = 轨道 { $track }，第 { $n } 个片段（媒资 { $media }）
media-place-production = 合成
media-place-effect-track = 效果轨道 { $n }
media-lengths-not-asked = 无法查询媒资时长（{ $error }）；没有 Out 的片段按 5 秒计
media-height-too-small = 高度至少为 2 像素
media-no-sound = { $place }：该媒资没有声音
media-write-failed = 无法写入 { $path }：{ $error }
media-cannot-start-render = 无法开始渲染：{ $error }
media-no-input-pipe = 编码器没有输入管道
media-encoder-closed = 编码器已关闭
media-encoder-stalled = 编码器 { $secs } 秒内没有接收任何帧
media-encoder-stopped = 编码器已停止
media-writer-stopped = 帧写入线程已停止
media-encoder-unfinished = 编码器没有完成
media-encode-failed = ffmpeg 无法编码草稿（{ $status }）：{ $said }
media-frames-not-sent = 无法将帧发送给 ffmpeg：{ $error }
media-probe-timeout = ffmpeg 读取媒资超过 { $secs } 秒
media-no-answer = 没有应答
media-nothing-to-render = 没有可渲染的内容：剪辑工程中没有带时长的视频或音频片段
media-from-negative = --from { $from }：请给出 0 或更大的时间
media-from-past-end = --from { $from } 位于输出结尾（{ $end }）或之后
media-to-before-from = --to { $to } 必须在 --from { $from } 之后
media-medium-ends = { $place }：媒资在片段结束前就已结束；将定格在其最后一帧
media-no-frame = { $place }：没有画面（超出媒资结尾，或媒资服务器不再应答）
# 草稿不模拟的内容，各列一次：“轨道 V1，第 2 个片段：VFX zoom（5 至 6 秒）”。
media-placeholder-line = { $place }：{ $what }（{ $from } 至 { $to }）
media-placeholder-template = 模板 { $id }
media-placeholder-template-group = 模板组 { $id }
media-placeholder-effect = 效果 { $type }
# 画在草稿画面上该内容所在的位置。
media-not-in-draft = { $what } — 草稿中未呈现
