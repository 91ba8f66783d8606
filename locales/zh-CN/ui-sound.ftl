# 声音：波形、播放、电平表、音量、淡入淡出与闪避（issue 22）。
timeline-tip-no-waveform = 无波形：{ $reason }
timeline-no-sound-in-media = 该媒资没有声音
sound-silent-note = 无声播放：{ $reason }
sound-no-server = 未找到声音服务（{ $error }）
sound-stream-refused = 声音服务拒绝了音频流（{ $error }）
sound-no-output-here = 此系统尚未内置声音输出
sound-meters-label = 电平表：峰值 { $left_peak } / { $right_peak } dBFS，RMS { $left_rms } / { $right_rms } dBFS
sound-meters-idle = 电平表（未播放）
