//! Everything needed to make a client, gathered by a face (the editor's settings, the command
//! line's flags) and resolved in the background (the credential lookup reads files), with the
//! environment it runs in.

use super::env::Env;
use crate::api::credentials::Credentials;
use crate::api::region::{check_endpoint, resolve_endpoint};
use crate::api::sign::SignatureVersion;
use crate::api::{ApiError, Client, ClientConfig};
use crate::store::settings::CredentialChoice;
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Connection {
    /// Where this runs: the credential chain's variables and home, `VODCUT_ENDPOINT`, a sandbox.
    pub env: Arc<Env>,
    pub choice: CredentialChoice,
    /// Credentials typed in for this session (used with [`CredentialChoice::Session`]).
    pub session: Option<Credentials>,
    pub region: String,
    /// Override; empty means the environment's (`VODCUT_ENDPOINT`), else the region's.
    pub endpoint: String,
    pub allow_insecure_http: bool,
    pub timeout: Duration,
    pub signature: SignatureVersion,
}

impl Connection {
    /// A connection in `env` with the defaults: the credential chain, the region's endpoint,
    /// 30 s a call, signature V1.
    pub fn new(env: Arc<Env>, region: &str) -> Connection {
        Connection {
            env,
            choice: CredentialChoice::Automatic,
            session: None,
            region: region.to_owned(),
            endpoint: String::new(),
            allow_insecure_http: false,
            timeout: Duration::from_secs(30),
            signature: SignatureVersion::V1,
        }
    }

    pub fn credentials(&self) -> Result<Credentials, ApiError> {
        // In the sandbox even keys typed for the session stay unused: only its own keys sign.
        if let Some(s) = self.env.sandbox() {
            return Ok(s.credentials());
        }
        match &self.choice {
            CredentialChoice::Automatic => Ok(self.env.find_credentials(None)?),
            CredentialChoice::Profile(name) => Ok(self.env.find_credentials(Some(name))?),
            CredentialChoice::Session => {
                self.session.clone().ok_or_else(|| ApiError::Config(crate::t!("core-api-no-session-keys")))
            }
        }
    }

    /// The endpoint requests go to: the sandbox's in a sandbox (whatever else is set); else
    /// this connection's override, else the environment's, else the region's.
    pub fn endpoint(&self) -> Result<reqwest::Url, ApiError> {
        if let Some(pinned) = self.env.pinned_endpoint() {
            return check_endpoint(pinned, false).map_err(ApiError::Config);
        }
        let explicit = Some(self.endpoint.trim()).filter(|e| !e.is_empty()).or(self.env.endpoint.as_deref());
        resolve_endpoint(&self.region, explicit, self.allow_insecure_http).map_err(ApiError::Config)
    }

    pub fn client(&self) -> Result<Client, ApiError> {
        self.client_with(self.credentials()?)
    }

    /// A client signing with `creds` (found already, e.g. to default the region from them).
    pub fn client_with(&self, creds: Credentials) -> Result<Client, ApiError> {
        let mut config = ClientConfig::new(self.endpoint()?);
        config.timeout = self.timeout;
        config.signature = self.signature;
        Client::new(config, creds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoint_is_the_connections_then_the_environments_then_the_regions() {
        let dir = tempfile::tempdir().unwrap();
        let mut env = Env::isolated(dir.path());
        let c = Connection::new(Arc::new(env.clone()), "cn-beijing");
        assert_eq!(c.endpoint().unwrap().as_str(), "https://vod.cn-beijing.aliyuncs.com/");
        env.endpoint = Some("http://127.0.0.1:9/".into());
        let mut c = Connection::new(Arc::new(env), "cn-beijing");
        assert_eq!(c.endpoint().unwrap().as_str(), "http://127.0.0.1:9/");
        c.endpoint = "https://vod.example.com/".into();
        assert_eq!(c.endpoint().unwrap().as_str(), "https://vod.example.com/");
        c.endpoint = "http://10.0.0.1/".into();
        assert!(c.endpoint().unwrap_err().to_string().contains("plain http"), "checked as ever");
    }

    #[test]
    fn credentials_come_from_the_environment_given_not_the_process() {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::isolated(dir.path())
            .with_var("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI-given")
            .with_var("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "given-secret");
        let c = Connection::new(Arc::new(env), "cn-shanghai");
        assert_eq!(c.credentials().unwrap().access_key_id, "LTAI-given");
        let bare = Connection::new(Arc::new(Env::isolated(dir.path())), "cn-shanghai");
        assert!(bare.credentials().is_err(), "an isolated environment has no keys");
    }
}
