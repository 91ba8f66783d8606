//! Why an upload stopped, said so the user knows what happened to the file and what to do.

use super::oss::OssError;
use crate::api::error::ApiError;

/// Why an upload stopped (a pause and a cancel are stops too).
#[derive(Debug)]
pub enum UploadError {
    Input(String),
    /// `restart_hint`: say how to start over (the file changed before the upload could end).
    Changed {
        path: String,
        detail: String,
        restart_hint: bool,
    },
    /// The saved state of an earlier upload of the file cannot be used (unreadable, damaged,
    /// tampered): starting over (`FileRequest::restart`) moves it aside.
    StateUnusable {
        path: String,
        detail: String,
    },
    /// Another upload of the same file (another window, another command) is running.
    Busy {
        path: String,
    },
    Api {
        path: String,
        error: ApiError,
    },
    /// `kept`: the upload can be resumed from its confirmed parts.
    Oss {
        path: String,
        what: String,
        error: OssError,
        attempts: u32,
        kept: bool,
    },
    Io {
        path: String,
        detail: String,
    },
    Paused,
    Cancelled,
}

impl std::fmt::Display for UploadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::t;
        let text = match self {
            UploadError::Input(s) => s.clone(),
            UploadError::Changed { path, detail, restart_hint } => {
                let hint = if *restart_hint { t!("up-restart-hint") } else { String::new() };
                t!("up-changed", path = path.as_str(), detail = detail.as_str(), hint = hint)
            }
            UploadError::StateUnusable { path, detail } => {
                t!("up-state-unusable", path = path.as_str(), detail = detail.as_str(), hint = t!("up-restart-hint"))
            }
            UploadError::Busy { path } => t!("up-busy", path = path.as_str()),
            UploadError::Api { path, error } => format!("{path}: {error}"),
            UploadError::Oss { path, what, error, attempts, kept } => {
                let kept = if *kept { t!("up-state-kept") } else { String::new() };
                t!(
                    "up-oss-failed",
                    path = path.as_str(),
                    what = what.as_str(),
                    tries = *attempts,
                    error = error.to_string(),
                    kept = kept
                )
            }
            UploadError::Io { path, detail } => format!("{path}: {detail}"),
            UploadError::Paused => t!("up-paused"),
            UploadError::Cancelled => t!("up-cancelled"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for UploadError {}

impl UploadError {
    /// Starting over (as new media) is the way on: the user is asked to confirm.
    pub fn needs_restart(&self) -> bool {
        matches!(self, UploadError::Changed { .. } | UploadError::StateUnusable { .. })
    }

    pub fn api(&self) -> Option<&ApiError> {
        match self {
            UploadError::Api { error, .. } => Some(error),
            _ => None,
        }
    }
}
