//! Everything needed to make a client, gathered on the UI side and resolved in the background
//! (credential lookup reads files).

use super::credentials::{Credentials, Lookup, find};
use super::region::resolve_endpoint;
use super::sign::SignatureVersion;
use super::{ApiError, Client, ClientConfig};
use crate::store::settings::CredentialChoice;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Connection {
    pub choice: CredentialChoice,
    /// Credentials typed in for this session (used with [`CredentialChoice::Session`]).
    pub session: Option<Credentials>,
    pub region: String,
    /// Override; empty means the region's endpoint (or `VODCUT_ENDPOINT`).
    pub endpoint: String,
    pub allow_insecure_http: bool,
    pub timeout: Duration,
    pub signature: SignatureVersion,
}

impl Connection {
    pub fn credentials(&self) -> Result<Credentials, ApiError> {
        // In the sandbox even keys typed for the session stay unused: only its own keys sign.
        if let Some(sandbox) = crate::sandbox::active() {
            return Ok(sandbox.credentials());
        }
        match &self.choice {
            CredentialChoice::Automatic => Ok(find(&Lookup::system(), None)?),
            CredentialChoice::Profile(name) => Ok(find(&Lookup::system(), Some(name))?),
            CredentialChoice::Session => {
                self.session.clone().ok_or_else(|| ApiError::Config(crate::t!("core-api-no-session-keys")))
            }
        }
    }

    pub fn client(&self) -> Result<Client, ApiError> {
        let creds = self.credentials()?;
        let explicit = Some(self.endpoint.trim()).filter(|e| !e.is_empty());
        let endpoint = resolve_endpoint(&self.region, explicit, self.allow_insecure_http).map_err(ApiError::Config)?;
        let mut config = ClientConfig::new(endpoint);
        config.timeout = self.timeout;
        config.signature = self.signature;
        Client::new(config, creds)
    }
}
