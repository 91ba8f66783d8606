# 声音：波形、播放、电平表、音量、淡入淡出与闪避（issue 22）。
timeline-tip-no-waveform = 无波形：{ $reason }
timeline-no-sound-in-media = 该媒资没有声音
