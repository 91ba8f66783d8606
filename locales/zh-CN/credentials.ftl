# 查找 AccessKey：查看了哪些地方，以及如何设置。

cred-not-found =
    没有找到阿里云凭证。查看了：
    { $looked }
    设置方法：运行 `aliyun configure`（aliyun CLI 会写入 ~/.aliyun/config.json），或设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET（临时 STS 凭证还需 ALIBABA_CLOUD_SECURITY_TOKEN）
cred-no-profiles = 还没有任何配置（查看了 ~/.aliyun/config.json 和 ~/.alibabacloud/credentials）。
cred-profiles = 已有的配置：{ $list }。
cred-no-such-profile =
    没有名为“{ $name }”的凭证配置。{ $known }
    创建方法：`aliyun configure --profile { $name }`
cred-unsupported = { $place }：暂不支持模式 { $mode }；请使用 AK 或 StsToken 类型的配置，或设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET
cred-env-unset = 环境变量：没有设置 { $id } 和 { $secret }
cred-cli-disabled = aliyun CLI 配置：已跳过（ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true）
cred-cli-no-home = aliyun CLI 配置：没有主目录
cred-file-no-home = 凭证文件：没有主目录
cred-no-secret = 设置了 { $name } 但没有设置 Secret：请同时设置 { $secret }
cred-no-id = 设置了 { $name } 但没有设置 AccessKey ID：请同时设置 { $id }
cred-no-file = { $place }：文件不存在
cred-cannot-read = 无法读取：{ $error }
cred-not-json = 不是有效的 JSON（{ $error }）
cred-no-profile-here = { $place }：没有名为“{ $name }”的配置
cred-no-section = { $place }：没有 [{ $name }] 小节
