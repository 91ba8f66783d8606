# 源监视器、三点编辑的插入与覆盖、修剪预览。

## Why the source's range cannot be placed
source-refused-nothing-open = 源监视器中没有打开任何媒资：双击素材箱或媒资库中的一项
source-refused-unknown-length = 媒资时长未知：请在源监视器中标记出点
source-refused-empty = 标记的范围为空
source-refused-no-track = 没有可放置{ $kind }媒资的已设为目标且未锁定的轨道：请在轨道头中打开目标

## Commands: menu text and tooltips
source-tip-mark-in = 在源的播放头处标记源的入点
source-tip-mark-out = 在源的播放头处标记源的出点：该帧是包含的最后一帧
source-tip-clear-in-out = 清除源的入点和出点

## The viewer
source-tab = 源：{ $title }
source-tab-empty = 源
source-tab-tip = 源监视器：素材箱或媒资库中的一项媒资（双击打开），有自己的播放头和入点、出点
source-program-tab = 节目
source-program-tab-tip = 时间线播放头处的输出画面
source-empty = 双击素材箱或媒资库中的一项在此打开，标记入点（I）和出点（O），再插入（,）或覆盖（.）到时间线播放头处。
source-picture-label = 源监视器：{ $title }，位于 { $time }
source-picture-tip = 拖到轨道上，把标记范围放在那里
source-scrub-label = 源位置
source-layer = 源 { $title }
source-caption-time = { $title }  { $time } / { $length }
source-caption-marks = 入点 { $mark_in }  ·  出点 { $mark_out }  ·  时长 { $duration }
source-opened = 已在源监视器中打开 { $title }
source-key-is-the-timelines = 源监视器正在接收键盘输入：请先点击时间线，再用该键编辑时间线

## The trim preview
preview-trim-outgoing = 出 · { $time }
preview-trim-incoming = 入 · { $time }
preview-trim-no-outgoing = 出 · 无
preview-trim-no-incoming = 入 · 无
preview-trim-label = 修剪预览：出帧位于 { $outgoing }，入帧位于 { $incoming }

## Insert and Overwrite
source-cmd-insert = 插入
source-cmd-overwrite = 覆盖
source-tip-insert = 把源的标记范围插入到时间线播放头处（或时间线的入点、出点之间）的目标轨道，后面的片段右移
source-tip-overwrite = 把源的标记范围放到时间线播放头处（或时间线的入点、出点之间）的目标轨道，覆盖其所占的内容
source-placed = 已把 { $title } 放到 { $track }

## Placing layers by hand in the program's picture
preview-handle-top-left = 调整大小手柄：左上
preview-handle-top = 调整大小手柄：上
preview-handle-top-right = 调整大小手柄：右上
preview-handle-right = 调整大小手柄：右
preview-handle-bottom-right = 调整大小手柄：右下
preview-handle-bottom = 调整大小手柄：下
preview-handle-bottom-left = 调整大小手柄：左下
preview-handle-left = 调整大小手柄：左
preview-nothing-to-nudge = 请先选择节目画面中显示的图层，再用方向键移动它
preview-cmd-layer-left = 图层左移 1 像素
preview-cmd-layer-right = 图层右移 1 像素
preview-cmd-layer-up = 图层上移 1 像素
preview-cmd-layer-down = 图层下移 1 像素
preview-cmd-layer-left-far = 图层左移 10 像素
preview-cmd-layer-right-far = 图层右移 10 像素
preview-cmd-layer-up-far = 图层上移 10 像素
preview-cmd-layer-down-far = 图层下移 10 像素
preview-tip-layer-nudge = 节目画面获得键盘焦点时（单击画面），按输出像素移动所选图层（Shift：10 像素）
