//! Credentials, found in the ecosystem's order: environment variables, the aliyun CLI's
//! config.json, the shared `~/.alibabacloud/credentials` file.
//!
//! The secret and the STS token live in [`Secret`], whose Debug shows `***` and which has no
//! Display, so they cannot reach logs, files or error text by accident.

use std::fmt;
use std::path::{Path, PathBuf};

/// A value that must never be shown.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    /// The value itself, for signing only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)") // i18n-exempt: a debug form, never shown
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Environment,
    CliProfile {
        path: PathBuf,
        profile: String,
    },
    CredentialsFile {
        path: PathBuf,
        profile: String,
    },
    /// Typed into the editor for this session; never saved.
    Session,
    /// The sandbox's own keys (`vodcut --sandbox`: random, one pair per state folder).
    Sandbox,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Environment => f.write_str(&crate::t!("core-source-env")),
            Source::CliProfile { path, profile } => {
                let path = path.display().to_string();
                f.write_str(&crate::t!("core-source-cli", profile = profile.as_str(), path = path))
            }
            Source::CredentialsFile { path, profile } => {
                let path = path.display().to_string();
                f.write_str(&crate::t!("core-source-file", profile = profile.as_str(), path = path))
            }
            Source::Session => f.write_str(&crate::t!("core-source-session")),
            Source::Sandbox => f.write_str(&crate::t!("core-source-sandbox")),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    pub access_key_id: String,
    pub secret: Secret,
    /// STS token, for temporary credentials.
    pub security_token: Option<Secret>,
    /// A region the source names (the CLI profile's region_id, ALIBABA_CLOUD_REGION_ID).
    pub region: Option<String>,
    pub source: Source,
}

impl Credentials {
    pub fn session(access_key_id: impl Into<String>, secret: impl Into<String>) -> Self {
        Credentials {
            access_key_id: access_key_id.into(),
            secret: Secret::new(secret),
            security_token: None,
            region: None,
            source: Source::Session,
        }
    }

    /// `LTAI****ey01`: enough to recognise, not enough to use.
    pub fn masked_id(&self) -> String {
        mask(&self.access_key_id)
    }

    /// Removes the secret, the token and the AccessKey ID (leaving its masked form) from
    /// text that may echo them: a server's message can quote the string it signed, which
    /// contains the key ID and the token.
    pub fn redact(&self, text: &str) -> String {
        let mut values = vec![self.secret.expose()];
        if let Some(t) = &self.security_token {
            values.push(t.expose());
        }
        let out = redact_values(text, &values);
        replace_forms(&out, &self.access_key_id, &self.masked_id())
    }
}

/// `text` without any of `values` (in every form they can take there: see
/// [`super::redact`]), each replaced by `***`. Values shorter than 4 characters are left: they
/// would match ordinary text.
pub fn redact_values(text: &str, values: &[&str]) -> String {
    let mut out = text.to_owned();
    for v in values.iter().filter(|v| v.len() >= super::redact::MIN_LEN) {
        out = replace_forms(&out, v, "***");
    }
    out
}

fn replace_forms(text: &str, value: &str, with: &str) -> String {
    super::redact::replace_forms(text, value, with)
}

pub fn mask(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 8 {
        return "****".into();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}****{tail}")
}

#[derive(Debug, PartialEq, Eq)]
pub enum CredentialError {
    /// Nothing found: where it looked (each place with why it had nothing).
    NotFound(Vec<String>),
    /// `--profile NAME` names a profile that neither file has.
    NoSuchProfile {
        name: String,
        existing: Vec<String>,
    },
    Incomplete(String),
    Malformed {
        place: String,
        message: String,
    },
    Unsupported {
        place: String,
        mode: String,
    },
}

impl std::fmt::Display for CredentialError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            CredentialError::NotFound(looked) => crate::t!(
                "cred-not-found",
                looked = looked.iter().map(|l| format!("  - {l}")).collect::<Vec<_>>().join("\n")
            ),
            CredentialError::NoSuchProfile { name, existing } => {
                let known = if existing.is_empty() {
                    crate::t!("cred-no-profiles")
                } else {
                    crate::t!("cred-profiles", list = existing.join(", "))
                };
                crate::t!("cred-no-such-profile", name = name.as_str(), known = known)
            }
            CredentialError::Incomplete(s) => s.clone(),
            CredentialError::Malformed { place, message } => format!("{place}: {message}"),
            CredentialError::Unsupported { place, mode } => {
                crate::t!("cred-unsupported", place = place.as_str(), mode = mode.as_str())
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for CredentialError {}

/// What the chain reads: environment variables, the home folder and the profile files, as the
/// environment (`core::env::Env`) gives them; tests give their own, so they neither depend on
/// nor touch the real ones.
pub struct Lookup<'a> {
    pub env: &'a dyn Fn(&str) -> Option<String>,
    pub home: Option<PathBuf>,
    /// Reads a profile file as state files are read: `Ok(None)` when it does not exist, an
    /// error for a FIFO, a device or a file past a few MB (the core passes the disk layer's
    /// bounded reader).
    pub read: &'a dyn Fn(&Path) -> Result<Option<String>, String>,
}

impl Lookup<'_> {
    fn first(&self, names: &[&str]) -> Option<(String, String)> {
        names
            .iter()
            .find_map(|n| (self.env)(n).filter(|v| !v.trim().is_empty()).map(|v| (n.to_string(), v.trim().to_owned())))
    }
}

const ENV_ID: [&str; 4] = // i18n-exempt: environment variable names
    ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_ID", "ACCESS_KEY_ID"];
pub const ENV_SECRET: [&str; 4] = [
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET", // i18n-exempt: an environment variable
    "ALIBABACLOUD_ACCESS_KEY_SECRET",  // i18n-exempt: an environment variable
    "ALICLOUD_ACCESS_KEY_SECRET",      // i18n-exempt: an environment variable
    "ACCESS_KEY_SECRET",               // i18n-exempt: an environment variable
];
pub const ENV_TOKEN: [&str; 4] = // i18n-exempt: environment variable names
    ["ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABACLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN", "SECURITY_TOKEN"];
const ENV_REGION: [&str; 5] = // i18n-exempt: environment variable names
    ["ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID", "REGION_ID", "REGION"];
const ENV_PROFILE: [&str; 3] = ["ALIBABA_CLOUD_PROFILE", "ALIBABACLOUD_PROFILE", "ALICLOUD_PROFILE"]; // i18n-exempt: an environment variable

/// Finds credentials. With `profile` (the user's explicit `--profile`), only the two profile
/// files are consulted, for that profile.
pub fn find(lookup: &Lookup, profile: Option<&str>) -> Result<Credentials, CredentialError> {
    let mut looked = Vec::new();
    if profile.is_none() {
        match from_env(lookup)? {
            Some(c) => return Ok(c),
            None => looked.push(crate::t!("cred-env-unset", id = ENV_ID[0], secret = ENV_SECRET[0])),
        }
    }
    let profile_name = profile.map(str::to_owned).or_else(|| lookup.first(&ENV_PROFILE).map(|(_, v)| v));

    let cli_disabled = // i18n-exempt: an environment variable
        (lookup.env)("ALIBABA_CLOUD_CLI_PROFILE_DISABLED").is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let cli_path = (lookup.env)("ALIBABA_CLOUD_CONFIG_FILE") // i18n-exempt: an environment variable
        .map(PathBuf::from)
        .or_else(|| lookup.home.as_ref().map(|h| h.join(".aliyun/config.json")));
    match (&cli_path, cli_disabled) {
        (_, true) => looked.push(crate::t!("cred-cli-disabled")),
        (None, _) => looked.push(crate::t!("cred-cli-no-home")),
        (Some(path), false) => match from_cli_config(lookup, path, profile_name.as_deref())? {
            Ok(c) => return Ok(c),
            Err(why) => looked.push(why),
        },
    }

    let ini_path = (lookup.env)("ALIBABA_CLOUD_CREDENTIALS_FILE") // i18n-exempt: an environment variable
        .map(PathBuf::from)
        .or_else(|| lookup.home.as_ref().map(|h| h.join(".alibabacloud/credentials")));
    match &ini_path {
        None => looked.push(crate::t!("cred-file-no-home")),
        // i18n-exempt: the profile name the tools use by default
        Some(path) => match from_credentials_file(lookup, path, profile_name.as_deref().unwrap_or("default"))? {
            Ok(c) => return Ok(c),
            Err(why) => looked.push(why),
        },
    }
    if let Some(name) = profile {
        // The user named a profile: the useful answer is which names do exist.
        let mut existing: Vec<String> = Vec::new();
        if !cli_disabled && let Some(path) = &cli_path {
            existing.extend(cli_names(lookup, path).into_iter().map(|n| crate::t!("core-profile-in-cli", name = n)));
        }
        if let Some(text) = ini_path.as_ref().and_then(|p| (lookup.read)(p).ok().flatten()) {
            existing.extend(ini_section_names(&text).into_iter().map(|n| crate::t!("core-profile-in-file", name = n)));
        }
        return Err(CredentialError::NoSuchProfile { name: name.to_owned(), existing });
    }
    Err(CredentialError::NotFound(looked))
}

fn from_env(lookup: &Lookup) -> Result<Option<Credentials>, CredentialError> {
    let id = lookup.first(&ENV_ID);
    let secret = lookup.first(&ENV_SECRET);
    match (id, secret) {
        (None, None) => Ok(None),
        (Some((name, _)), None) => {
            Err(CredentialError::Incomplete(crate::t!("cred-no-secret", name = name, secret = ENV_SECRET[0])))
        }
        (None, Some((name, _))) => {
            Err(CredentialError::Incomplete(crate::t!("cred-no-id", name = name, id = ENV_ID[0])))
        }
        (Some((_, id)), Some((_, secret))) => Ok(Some(Credentials {
            access_key_id: id,
            secret: Secret::new(secret),
            security_token: lookup.first(&ENV_TOKEN).map(|(_, t)| Secret::new(t)),
            region: lookup.first(&ENV_REGION).map(|(_, r)| r),
            source: Source::Environment,
        })),
    }
}

/// A credentials file's text; Ok(Err(why)) when there is no such file (look elsewhere), Err
/// when it exists but cannot be read (stop: the user meant it).
fn read_config(lookup: &Lookup, path: &Path, place: &str) -> Result<Result<String, String>, CredentialError> {
    match (lookup.read)(path) {
        Ok(Some(t)) => Ok(Ok(t)),
        Ok(None) => Ok(Err(crate::t!("cred-no-file", place = place))),
        Err(e) => Err(CredentialError::Malformed {
            place: place.to_owned(),
            message: crate::t!("cred-cannot-read", error = e),
        }),
    }
}

/// `Ok(Ok(creds))` found; `Ok(Err(why))` not there, look further; `Err` the file is broken or
/// the profile is of a kind we cannot use (stop: guessing another source would surprise).
fn from_cli_config(
    lookup: &Lookup,
    path: &Path,
    profile: Option<&str>,
) -> Result<Result<Credentials, String>, CredentialError> {
    let place = path.display().to_string();
    let text = match read_config(lookup, path, &place)? {
        Ok(t) => t,
        Err(missing) => return Ok(Err(missing)),
    };
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| CredentialError::Malformed {
        place: place.clone(),
        message: crate::t!("cred-not-json", error = e.to_string()),
    })?;
    let wanted = profile
        .map(str::to_owned)
        .or_else(|| doc["current"].as_str().map(str::to_owned))
        .unwrap_or_else(|| "default".into()); // i18n-exempt: the profile name the tools use by default
    let profiles = doc["profiles"].as_array().cloned().unwrap_or_default();
    let Some(p) = profiles.iter().find(|p| p["name"].as_str() == Some(wanted.as_str())) else {
        return Ok(Err(crate::t!("cred-no-profile-here", place = place.as_str(), name = wanted)));
    };
    let s = |k: &str| p[k].as_str().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    let mode = s("mode").unwrap_or_else(|| "AK".into()); // i18n-exempt: a config field and value
    let place = crate::t!("core-cred-place-profile", place = place, name = wanted.as_str());
    let token = match mode.to_ascii_lowercase().as_str() {
        "ak" => None,
        "ststoken" => Some(s("sts_token").ok_or_else(|| CredentialError::Malformed {
            place: place.clone(),
            message: crate::t!("core-cred-no-sts-token"),
        })?),
        _ => return Err(CredentialError::Unsupported { place, mode }),
    };
    let (Some(id), Some(secret)) = (s("access_key_id"), s("access_key_secret")) else {
        return Err(CredentialError::Malformed { place, message: crate::t!("core-cred-key-empty") });
    };
    Ok(Ok(Credentials {
        access_key_id: id,
        secret: Secret::new(secret),
        security_token: token.map(Secret::new),
        region: s("region_id"),
        source: Source::CliProfile { path: path.to_owned(), profile: wanted },
    }))
}

fn from_credentials_file(
    lookup: &Lookup,
    path: &Path,
    profile: &str,
) -> Result<Result<Credentials, String>, CredentialError> {
    let place = path.display().to_string();
    let text = match read_config(lookup, path, &place)? {
        Ok(t) => t,
        Err(missing) => return Ok(Err(missing)),
    };
    let Some(section) = ini_section(&text, profile) else {
        return Ok(Err(crate::t!("cred-no-section", place = place.as_str(), name = profile)));
    };
    let get = |k: &str| section.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).filter(|v| !v.is_empty());
    let place = format!("{place}, [{profile}]");
    let kind = get("type").unwrap_or_else(|| "access_key".into()); // i18n-exempt: a config field
    if kind != "access_key" {
        return Err(CredentialError::Unsupported { place, mode: kind });
    }
    let (Some(id), Some(secret)) = (get("access_key_id"), get("access_key_secret")) else {
        return Err(CredentialError::Malformed { place, message: crate::t!("core-cred-key-missing") });
    };
    Ok(Ok(Credentials {
        access_key_id: id,
        secret: Secret::new(secret),
        security_token: None,
        region: get("region_id"),
        source: Source::CredentialsFile { path: path.to_owned(), profile: profile.to_owned() },
    }))
}

/// The `key = value` lines of `[name]` in an INI text.
fn ini_section(text: &str, name: &str) -> Option<Vec<(String, String)>> {
    let mut inside = false;
    let mut found = false;
    let mut pairs = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = header.trim() == name;
            found |= inside;
            continue;
        }
        if inside && let Some((k, v)) = line.split_once('=') {
            pairs.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    found.then_some(pairs)
}

/// Profile names in the aliyun CLI config, for a picker.
pub fn cli_profile_names(lookup: &Lookup) -> Vec<String> {
    let path = (lookup.env)("ALIBABA_CLOUD_CONFIG_FILE") // i18n-exempt: an environment variable
        .map(PathBuf::from)
        .or_else(|| lookup.home.as_ref().map(|h| h.join(".aliyun/config.json")));
    path.map(|p| cli_names(lookup, &p)).unwrap_or_default()
}

fn cli_names(lookup: &Lookup, path: &Path) -> Vec<String> {
    let Ok(Some(text)) = (lookup.read)(path) else { return Vec::new() };
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    doc["profiles"].as_array().into_iter().flatten().filter_map(|p| p["name"].as_str().map(str::to_owned)).collect()
}

/// The `[section]` names of an INI text, in order.
fn ini_section_names(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix('[').and_then(|l| l.strip_suffix(']')))
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
