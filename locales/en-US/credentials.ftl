# Finding the AccessKey: what was looked at, and how to set it up.

cred-not-found =
    no Alibaba Cloud credentials found. Looked at:
    { $looked }
    To set them up: run `aliyun configure` (the aliyun CLI writes ~/.aliyun/config.json), or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for temporary STS keys)
cred-no-profiles = No profile exists yet (looked in ~/.aliyun/config.json and ~/.alibabacloud/credentials).
cred-profiles = Profiles that exist: { $list }.
cred-no-such-profile =
    no credentials profile named "{ $name }". { $known }
    To create it: `aliyun configure --profile { $name }`
cred-unsupported = { $place }: mode { $mode } is not supported yet; use an AK or StsToken profile, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET
cred-env-unset = environment: { $id } and { $secret } are not set
cred-cli-disabled = aliyun CLI config: skipped (ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true)
cred-cli-no-home = aliyun CLI config: no home folder
cred-file-no-home = credentials file: no home folder
cred-no-secret = { $name } is set but no secret is: set { $secret } too
cred-no-id = { $name } is set but no AccessKey ID is: set { $id } too
cred-no-file = { $place }: no such file
cred-cannot-read = cannot read: { $error }
cred-not-json = not valid JSON ({ $error })
cred-no-profile-here = { $place }: no profile named "{ $name }"
cred-no-section = { $place }: no [{ $name }] section
