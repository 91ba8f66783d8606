# 内置沙箱（src/sandbox）的自我说明。
sandbox-banner-session = 沙箱：本机上的演示点播服务（{ $endpoint }），使用演示密钥，不向阿里云发送任何内容；本次会话的状态保存在 { $folder }
sandbox-banner-kept = 沙箱：本机上的演示点播服务（{ $endpoint }），使用演示密钥，不向阿里云发送任何内容；状态保留在 { $folder }
sandbox-cannot-start = 无法在本机启动沙箱服务：{ $error }
sandbox-no-folder = 此系统没有可放沙箱的文件夹（没有主目录？）
sandbox-cannot-make-folder = 无法创建沙箱文件夹 { $folder }：{ $error }
sandbox-not-yours = 沙箱文件夹 { $folder } 不属于你：请删除它，或设置 VODCUT_SANDBOX_DIR
sandbox-ffmpeg-too-long = ffmpeg 运行超过一分钟，已停止
sandbox-ffmpeg-failed = ffmpeg 失败（{ $status }）：{ $output }
sandbox-cannot-keep = 无法保存 { $file }：{ $error }
sandbox-cannot-run = 无法运行 { $program }：{ $error }
sandbox-no-ffmpeg = 未找到 ffmpeg：沙箱中的视频有封面但无法播放；安装 ffmpeg 即可生成可播放的媒资
