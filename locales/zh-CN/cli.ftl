# 命令行的输出。

cli-validate-clean = { $file }：没有问题（{ $tracks } 条轨道上共 { $clips } 个片段）
cli-validate-summary = { $file }：{ $errors } 个错误，{ $warnings } 个警告
