# 编辑器各部分共用的词（按钮、状态）。各部分的句子放在各自的文件（ui-<部分>.ftl）中；
# 两个部分都用到的词放在这里。

ui-ok = 确定
ui-cancel = 取消
ui-close = 关闭
ui-delete = 删除
ui-rename = 重命名
ui-save = 保存
ui-discard = 不保存
ui-open = 打开
ui-copy = 复制
ui-on = 开
ui-off = 关
ui-none = （无）

# 语言选择（设置窗口和“视图”菜单）。
language-label = 语言
language-system = 跟随系统（{ $lang }）
