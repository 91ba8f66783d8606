## 像剪辑师一样剪辑：编辑模式、修剪、间隙、三点编辑

## 编辑无法完成的原因
timeline-refused-too-short = 片段将短于十分之一秒
timeline-refused-not-adjacent = 两个片段并不相接，没有可滚动的剪辑点
timeline-refused-no-source = 图片或字幕没有可滑移的源
timeline-refused-not-a-gap = 那里已不再是间隙
timeline-refused-no-marks = 请先在时间线上设置入点和出点（I、O）
timeline-refused-no-target = 没有目标轨道：请在轨道头上打开目标开关

## 撤销步骤
timeline-edit-overwrite = 覆盖
timeline-edit-insert = 插入
timeline-edit-rearrange = 重排
timeline-edit-paste-insert = 插入粘贴
timeline-edit-ripple-trim = 波纹修剪
timeline-edit-roll = 滚动修剪
timeline-edit-slip = 内滑
timeline-edit-slide = 外滑
timeline-edit-close-gap = 闭合间隙
timeline-edit-close-gaps = 闭合所有间隙
timeline-edit-lift = 提升
timeline-edit-extract = 提取

## 命令：菜单名称与提示
timeline-cmd-tool-select = 选择工具
timeline-cmd-tool-ripple = 波纹编辑工具
timeline-cmd-tool-slip = 内滑工具
timeline-cmd-tool-slide = 外滑工具
timeline-cmd-ripple-trim-prev = 波纹修剪上一编辑点到播放头
timeline-cmd-ripple-trim-next = 波纹修剪下一编辑点到播放头
timeline-cmd-mark-in = 标记入点
timeline-cmd-mark-out = 标记出点
timeline-cmd-clear-marks = 清除入点和出点
timeline-cmd-lift = 提升
timeline-cmd-extract = 提取
timeline-cmd-paste-insert = 插入粘贴
timeline-cmd-close-gaps = 闭合间隙
timeline-tip-tool-select = 拖动片段可移动，拖动边缘可修剪；拖动两个相接片段之间的剪辑点可滚动修剪。拖动边缘时按住 Ctrl 为波纹修剪
timeline-tip-tool-ripple = 拖动边缘进行修剪，同一轨道上后面的片段随之移动，不留间隙
timeline-tip-tool-slip = 拖动片段，在原位置显示其媒资的另一段（新的入点和出点）
timeline-tip-tool-slide = 拖动片段在相邻片段之间移动，相邻片段随之变长或变短
timeline-tip-ripple-trim-prev = 在目标轨道上删去从上一编辑点到播放头的时间，后面的内容随之前移
timeline-tip-ripple-trim-next = 在目标轨道上删去从播放头到下一编辑点的时间，后面的内容随之前移
timeline-tip-mark-in = 在播放头处设置时间线入点
timeline-tip-mark-out = 在播放头处设置时间线出点
timeline-tip-clear-marks = 清除时间线的入点和出点
timeline-tip-lift = 从目标轨道上删去入点到出点的范围，留下间隙
timeline-tip-extract = 从目标轨道上删去入点到出点的范围，并闭合间隙
timeline-tip-paste-insert = 在播放头处粘贴，并将后面的内容后移腾出位置
timeline-tip-close-gaps = 闭合每个选中片段之前的间隙；未选中片段时，闭合目标轨道上的所有间隙

## 时间线工具栏
timeline-tool-select = 选择
timeline-tool-ripple = 波纹
timeline-tool-slip = 内滑
timeline-tool-slide = 外滑
timeline-mode = 放置：
timeline-mode-overwrite = 覆盖
timeline-mode-insert = 插入
timeline-mode-safe = 安全
timeline-mode-overwrite-tip = 拖放或移动到其他片段上的片段会替换被覆盖的部分（被修剪、拆分或移除）。按住 Ctrl 改为插入，移动时按住 Ctrl+Alt 为重排
timeline-mode-insert-tip = 拖放或移动的片段插入到落点，后面的片段后移腾出位置。移动时按住 Ctrl+Alt 为重排
timeline-mode-safe-tip = 会覆盖其他片段的拖放或移动将被拒绝。按住 Ctrl 插入，移动时按住 Ctrl+Alt 重排
timeline-insert-all-tracks = 在所有轨道上插入
timeline-insert-all-tracks-tip = 插入时移动每条未锁定轨道上后面的片段，而不仅是落点所在的轨道，使同时播放的内容保持同步

## 拖动时指针旁显示将要发生的操作
timeline-drop-safe = { $time }
timeline-drop-overwrite = 覆盖于 { $time }
timeline-drop-insert = 插入于 { $time }：后面的片段后移
timeline-drop-insert-all = 插入于 { $time }：所有轨道上后面的片段后移
timeline-drop-rearrange = 重排到 { $time }：原位置的间隙闭合，后面的片段后移
timeline-drag-ripple = 波纹修剪到 { $time }：后面的片段随之移动
timeline-drag-roll = 将剪辑点滚动到 { $time }
timeline-drag-slip = 内滑：入点 { $time }
timeline-drag-slide = 外滑到 { $time }

## 屏幕阅读器和测试用来查找时间线各部分的名称
timeline-roll-label = 滚动 { $left } 与 { $right } 之间的剪辑点
timeline-gap-label = { $track } 上从 { $start } 到 { $end } 的选中间隙

## 菜单
timeline-close-gap = 闭合间隙
timeline-close-gap-tip = 此间隙之后的片段前移以闭合它
timeline-close-gaps-on = 闭合 { $track } 上的所有间隙
timeline-paste-insert-here = 在此处插入粘贴

## 目标轨道
timeline-target-named = 将 { $name } 设为目标
timeline-untarget-named = 取消 { $name } 的目标
timeline-target-on-tip = 已设为目标：提升、提取、Q/W、闭合间隙以及源监视器的插入和覆盖都作用于此轨道。点击取消
timeline-target-off-tip = 未设为目标：提升、提取、Q/W、闭合间隙和源监视器不会改动此轨道。点击设为目标
