# 效果：目录中的类别、效果面板，以及预览如何显示它们。

family-transition = 转场
family-filter = 滤镜
family-vfx = 特效
family-motion-in = 入场动效
family-motion-out = 出场动效
family-motion-loop = 循环动效
family-word-art = 花字
family-font = 字体

# 效果面板。
effects-tab = 效果
effects-search-hint = 可用中文或 English 按名称、SubType 或分类搜索
effects-drag-hint = 找到 { $n } 个：把转场拖到剪切点上，把滤镜或特效拖到视频片段上
effects-inspector-hint = 找到 { $n } 个：在检查器中为文字或字幕设置
effects-unsure-tip = 文档对此项并不确定（出自点播 2021 年的列表、第三方资料，或只见于姊妹服务）：使用时校验会给出警告
effects-drop-label = { $name }
effects-edit-apply = 应用{ $name }
effects-thumbnail = { $name }在预览和草稿中的样子
effects-exact-tip = 预览、vodcut still 和草稿按名称的定义绘制
effects-approximate-tip = 预览、vodcut still 和草稿近似绘制：服务的确切效果未公开
effects-placeholder-tip = 本地不绘制：草稿在其作用处显示带标签的占位框（黄色边框）
