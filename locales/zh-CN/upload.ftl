# 上传本地文件：文件为何不能上传。

up-no-such-file = { $file }：文件不存在
up-permission-denied = { $file }：无法读取（没有权限）
up-unreadable = { $file }：无法读取（{ $error }）
up-folder = { $file } 是文件夹；请选择其中的视频、音频或图片文件
up-not-regular = { $file } 不是普通文件（设备或管道无法上传）
up-no-extension = { $file } 没有扩展名；点播需要扩展名来识别格式（例如 .mp4、.mp3、.jpg）
up-hls = { $file }：HLS 播放列表（.m3u8）需要连同 .ts 分片一起上传，vodcut 暂不支持
up-extension-refused = { $file }：点播不接受 .{ $ext } 文件（视频：{ $videos }；音频：{ $audio }；图片：{ $images }）
up-empty = { $file } 是空文件（0 字节）
up-too-big-image = { $file } 为 { $size } 字节，超过图片 { $limit } 的上限
up-too-big-media = { $file } 为 { $size } 字节，超过视频和音频 { $limit } 的上限
up-title-empty = 标题为空
up-title-long = 标题为 { $n } 字节；点播最多接受 { $max } 字节
up-too-many-tags = 给出了 { $n } 个标签；点播最多接受 { $max } 个
up-tag-long = 标签“{ $tag }”为 { $n } 字节；点播每个标签最多 { $max } 字节
