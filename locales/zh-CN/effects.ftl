# 特效：目录中的类别、特效面板，以及预览如何显示它们。

family-transition = 转场
family-filter = 滤镜
family-vfx = 特效
family-motion-in = 入场动效
family-motion-out = 出场动效
family-motion-loop = 循环动效
family-word-art = 花字
family-font = 字体
