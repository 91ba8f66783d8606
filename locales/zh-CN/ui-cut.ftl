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
