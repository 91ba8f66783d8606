# 源监视器、三点编辑的插入与覆盖、修剪预览。

## Why the source's range cannot be placed
source-refused-nothing-open = 源监视器中没有打开任何媒资：双击素材箱或媒资库中的一项
source-refused-unknown-length = 媒资时长未知：请在源监视器中标记出点
source-refused-empty = 标记的范围为空
source-refused-no-track = 没有可放置{ $kind }媒资的未锁定轨道
