# 与点播通信：出了什么问题，以及该怎么做。

api-what-to-do = {"。处理办法："}{ $hint }
api-more = {"。详情："}{ $url }
api-hint-signature = AccessKey Secret 与 AccessKey ID 不匹配：请检查 Secret（从 RAM 控制台重新复制）
api-hint-unknown-key = AccessKey ID 不存在：请检查；如果是临时凭证（STS），请重新获取
api-hint-key-disabled = AccessKey 已禁用：请在 RAM 控制台启用，或换用其他 AccessKey
api-hint-forbidden = 此账号或 RAM 用户没有执行此操作的点播权限：请在 RAM 控制台授权（例如 AliyunVODFullAccess）
api-hint-clock = 请求时间与服务器相差太多：请检查本机的时钟和时区
api-hint-replayed = 请求被重放；请重试
api-hint-not-activated = 此账号未在该地域开通点播
api-hint-suspended = 账号已停用，通常是因为欠费
api-hint-sts = STS Token 已过期或不属于此 AccessKey：请重新获取临时凭证
api-hint-service = 服务出现问题；请稍后重试
api-hint-throttling = 请求过多：请稍候再试
api-hint-parameter = 请求中的某个字段被拒绝：请查看错误信息
api-connect = 无法连接到 { $endpoint }：{ $detail }。请检查网络和接入地址；没有发送任何请求
api-network = { $endpoint } 没有应答：{ $detail }
api-outcome-unknown = { $action }：结果未知（{ $detail }）。请求可能已到达服务，vodcut 不会自行重发。再次合成前，请用 `vodcut jobs` / `vodcut status` 或 SearchEditingProject / GetEditingProject 确认
api-bad-response = 服务返回了 HTTP { $status }，但内容不是预期的 JSON：{ $detail }

api-status-uploading = 上传中
api-status-upload-fail = 上传失败
api-status-upload-succ = 上传完成，等待转码
api-status-transcoding = 转码中
api-status-transcode-fail = 转码失败
api-status-checking = 审核中
api-status-blocked = 已屏蔽
api-status-normal = 正常
api-status-unknown = 状态未知
api-status-other = 状态 { $status }
api-production-producing = 合成中
api-production-produced = 合成完成
api-production-failed = 合成失败
