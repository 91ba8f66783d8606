# 各处共用的词语。术语以 locales/glossary.md 为准。

problem-error = 错误
problem-warning = 警告
problem-line = { $severity }：{ $place }：{ $message }
problem-line-unplaced = { $severity }：{ $message }
place-track = 轨道 { $n }
place-track-named = 轨道 { $n }（{ $name }）
place-clip = 第 { $n } 个片段
place-effect = 第 { $n } 个效果（{ $kind }）
place-field = 字段 { $field }
place-separator = ，

kind-video = 视频
kind-audio = 音频
kind-image = 图片
kind-subtitle = 字幕

# 时刻（src/when.rs）：多久以前，及其后的本地日期时间。
when-just-now = 刚刚
when-minutes-ago = { $n } 分钟前
when-hours-ago = { $n } 小时前
when-days-ago = { $n } 天前
when-ago-and-local = { $ago }（{ $local }）

# A project with no title of its own.
project-untitled = 未命名
