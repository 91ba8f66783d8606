//! Which signature requests carry: a plain choice the settings keep and the client applies.
//! Here, below both, so the settings (`store`) need nothing of the network layer (`api`);
//! `api::sign` gives it words and parses what users type.

/// Which signature a client uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SignatureVersion {
    /// RPC SignatureVersion 1.0 (HMAC-SHA1): what the service has long accepted.
    #[default]
    V1,
    /// ACS3-HMAC-SHA256.
    V3,
}

impl SignatureVersion {
    pub const ALL: [SignatureVersion; 2] = [SignatureVersion::V1, SignatureVersion::V3];
}

impl std::fmt::Display for SignatureVersion {
    // i18n-exempt: the names `--signature` takes
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SignatureVersion::V1 => "v1",
            SignatureVersion::V3 => "v3",
        })
    }
}
