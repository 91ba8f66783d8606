use super::*;
use std::collections::HashMap;

struct World {
    env: HashMap<String, String>,
    home: tempfile::TempDir,
}

impl World {
    fn new() -> Self {
        World { env: HashMap::new(), home: tempfile::tempdir().unwrap() }
    }
    fn set(&mut self, k: &str, v: &str) -> &mut Self {
        self.env.insert(k.into(), v.into());
        self
    }
    fn file(&self, rel: &str, text: &str) {
        let p = self.home.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    fn find(&self, profile: Option<&str>) -> Result<Credentials, CredentialError> {
        let env = |k: &str| self.env.get(k).cloned();
        // The plain reader: the bounded one (FIFOs, size) is the disk layer's, tested there.
        let read = |p: &std::path::Path| match std::fs::read_to_string(p) {
            Ok(t) => Ok(Some(t)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.to_string()),
        };
        find(&Lookup { env: &env, home: Some(self.home.path().to_owned()), read: &read }, profile)
    }
}

const CLI_CONFIG: &str = r#"{"current":"default","profiles":[
  {"name":"default","mode":"AK","access_key_id":"LTAIcliDefault01","access_key_secret":"cli-secret","region_id":"cn-beijing"},
  {"name":"sts","mode":"StsToken","access_key_id":"STS.cliKey0001","access_key_secret":"sts-secret","sts_token":"tok"},
  {"name":"role","mode":"RamRoleArn","access_key_id":"x","access_key_secret":"y","ram_role_arn":"acs:ram::1:role/r"}]}"#;

#[test]
fn environment_comes_first_and_aliases_work() {
    let mut w = World::new();
    w.file(".aliyun/config.json", CLI_CONFIG);
    w.set("ALICLOUD_ACCESS_KEY_ID", "LTAIenvKey000001").set("ALIBABACLOUD_ACCESS_KEY_SECRET", "env-secret");
    w.set("ALIBABA_CLOUD_SECURITY_TOKEN", "env-token").set("ALIBABA_CLOUD_REGION_ID", "ap-southeast-1");
    let c = w.find(None).unwrap();
    assert_eq!(c.access_key_id, "LTAIenvKey000001");
    assert_eq!(c.secret.expose(), "env-secret");
    assert_eq!(c.security_token.as_ref().unwrap().expose(), "env-token");
    assert_eq!(c.region.as_deref(), Some("ap-southeast-1"));
    assert_eq!(c.source, Source::Environment);
}

#[test]
fn half_set_environment_is_an_error_not_a_fallthrough() {
    let mut w = World::new();
    w.set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIx");
    let e = w.find(None).unwrap_err();
    assert!(e.to_string().contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), "{e}");
}

#[test]
fn cli_profiles_current_named_and_sts() {
    let mut w = World::new();
    w.file(".aliyun/config.json", CLI_CONFIG);
    let c = w.find(None).unwrap();
    assert_eq!(c.access_key_id, "LTAIcliDefault01");
    assert_eq!(c.region.as_deref(), Some("cn-beijing"));
    assert!(matches!(c.source, Source::CliProfile { ref profile, .. } if profile == "default"));
    let c = w.find(Some("sts")).unwrap();
    assert_eq!(c.security_token.unwrap().expose(), "tok");
    w.set("ALIBABA_CLOUD_PROFILE", "sts");
    assert_eq!(w.find(None).unwrap().access_key_id, "STS.cliKey0001");
}

#[test]
fn unsupported_modes_say_so() {
    let w = World::new();
    w.file(".aliyun/config.json", CLI_CONFIG);
    let e = w.find(Some("role")).unwrap_err();
    assert!(matches!(e, CredentialError::Unsupported { ref mode, .. } if mode == "RamRoleArn"));
    assert!(e.to_string().contains("not supported yet"));
}

#[test]
fn shared_credentials_file() {
    let w = World::new();
    w.file(".alibabacloud/credentials", "[default]\ntype = access_key\naccess_key_id = LTAIiniKey000001\naccess_key_secret = ini-secret\n\n[role]\ntype = ecs_ram_role\nrole_name = R\n");
    let c = w.find(None).unwrap();
    assert_eq!(c.access_key_id, "LTAIiniKey000001");
    assert!(matches!(w.find(Some("role")), Err(CredentialError::Unsupported { .. })));
}

#[test]
fn nothing_found_lists_every_place() {
    let w = World::new();
    let e = w.find(None).unwrap_err().to_string();
    assert!(e.contains("environment: ALIBABA_CLOUD_ACCESS_KEY_ID"), "{e}");
    assert!(e.contains(".aliyun/config.json: no such file"), "{e}");
    assert!(e.contains(".alibabacloud/credentials: no such file"), "{e}");
    w.file(".aliyun/config.json", CLI_CONFIG);
    // A profile asked for by name that neither file has: the names that do exist.
    let e = w.find(Some("nobody")).unwrap_err().to_string();
    assert!(e.contains("no credentials profile named \"nobody\""), "{e}");
    assert!(e.contains("Profiles that exist: default (aliyun CLI config), sts (aliyun CLI config)"), "{e}");
    w.file(".alibabacloud/credentials", "[default]\naccess_key_id = a\naccess_key_secret = b\n");
    let e = w.find(Some("nobody")).unwrap_err().to_string();
    assert!(e.contains("default (credentials file)"), "{e}");
}

#[test]
fn broken_config_is_reported_with_its_path() {
    let w = World::new();
    w.file(".aliyun/config.json", "{\"profiles\": [");
    let e = w.find(None).unwrap_err().to_string();
    assert!(e.contains("config.json") && e.contains("not valid JSON"), "{e}");
}

#[test]
fn the_secret_never_shows() {
    let mut c = Credentials::session("LTAI5tSessionKey01", "very-secret-value");
    c.security_token = Some(Secret::new("token/with+chars="));
    let debug = format!("{c:?}");
    assert!(!debug.contains("very-secret-value") && !debug.contains("token/with"), "{debug}");
    assert_eq!(c.masked_id(), "LTAI****ey01");
    let echoed = "server string to sign: ...SecurityToken%3Dtoken%252Fwith%252Bchars%253D... very-secret-value";
    let clean = c.redact(echoed);
    assert!(!clean.contains("very-secret") && !clean.contains("token%252F"), "{clean}");
}

#[test]
fn nothing_found_says_how_to_set_credentials_up() {
    let w = World::new();
    let e = w.find(None).unwrap_err().to_string();
    assert!(e.contains("aliyun configure"), "{e}");
    assert!(e.contains("ALIBABA_CLOUD_ACCESS_KEY_ID") && e.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), "{e}");
}

#[test]
fn an_unknown_profile_lists_the_profiles_that_exist() {
    let w = World::new();
    w.file(".aliyun/config.json", CLI_CONFIG);
    w.file(
        ".alibabacloud/credentials",
        "[default]\naccess_key_id = a\naccess_key_secret = b\n[project-x]\ntype = access_key\n",
    );
    let e = w.find(Some("other")).unwrap_err().to_string();
    assert!(e.contains("\"other\""), "{e}");
    for name in ["default (aliyun CLI config)", "sts (aliyun CLI config)", "role", "project-x (credentials file)"] {
        assert!(e.contains(name), "{name} missing: {e}");
    }
    assert!(e.contains("aliyun configure --profile other"), "{e}");
    // With no files at all, it says that none exist.
    let empty = World::new().find(Some("other")).unwrap_err().to_string();
    assert!(empty.contains("No profile exists yet"), "{empty}");
}
