//! What can go wrong talking to VOD, in words a person can act on.

use super::credentials::CredentialError;
use std::fmt;

/// The error body the service returns with a 4xx/5xx status.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ServiceError {
    pub status: u16,
    pub code: String,
    pub message: String,
    pub request_id: Option<String>,
    pub host_id: Option<String>,
    pub recommend: Option<String>,
}

impl ServiceError {
    pub fn is_throttling(&self) -> bool {
        self.code.starts_with("Throttling")
    }

    /// A short, actionable hint for the codes people meet.
    pub fn hint(&self) -> Option<&'static str> {
        let c = self.code.as_str();
        Some(match c {
            "SignatureDoesNotMatch" | "IncompleteSignature" => {
                "the AccessKey secret does not match the AccessKey ID: check the secret (copy it again from the RAM console)"
            }
            "InvalidAccessKeyId.NotFound" | "InvalidAccessKeyId" => {
                "the AccessKey ID is not known: check it, or renew it if it was temporary (STS)"
            }
            "InvalidAccessKeyId.Inactive" | "Forbidden.AccessKeyDisabled" => {
                "the AccessKey is disabled: enable it in the RAM console or use another"
            }
            "Forbidden.RAM" | "Forbidden" => {
                "this account or RAM user lacks the VOD permission for this action: grant it (e.g. AliyunVODFullAccess) in the RAM console"
            }
            "InvalidTimeStamp.Expired" | "IllegalTimestamp" => {
                "the request time is too far from the server's: check this computer's clock and time zone"
            }
            "SignatureNonceUsed" => "a request was replayed; try again",
            "OperationDenied" => "VOD is not activated for this account in this region",
            "OperationDenied.Suspended" => "the account is suspended, usually for an overdue payment",
            "InvalidSecurityToken.Expired"
            | "InvalidSecurityToken.Malformed"
            | "InvalidSecurityToken.MismatchWithAccessKey" => {
                "the STS token is expired or does not belong to this AccessKey: get new temporary credentials"
            }
            "ServiceUnavailable" | "ServiceUnAvailable" | "InternalError" => {
                "the service had a problem; try again later"
            }
            _ if c.starts_with("Throttling") => "too many requests: wait a moment and try again",
            _ if c.starts_with("InvalidParameter") || c == "MissingParameter" => {
                "a request field was refused: see the message"
            }
            _ => return None,
        })
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (HTTP {}): {}", self.code, self.status, self.message)?;
        if let Some(h) = self.hint() {
            write!(f, ". What to do: {h}")?;
        }
        if let Some(r) = &self.recommend {
            write!(f, ". More: {r}")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " [RequestId {id}]")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    Service(Box<ServiceError>),
    /// Nothing was sent: the connection could not be made.
    #[error("could not connect to {endpoint}: {detail}. Check the network and the endpoint; nothing was sent")]
    Connect { endpoint: String, detail: String },
    /// A read-only call timed out or lost its connection (safe to try again).
    #[error("no answer from {endpoint}: {detail}")]
    Network { endpoint: String, detail: String },
    /// A billed call may or may not have been carried out.
    #[error(
        "{action}: the outcome is unknown ({detail}). The request may have reached the service, so vodcut will not send it again by itself. Check with `vodcut jobs` / `vodcut status`, or SearchEditingProject / GetEditingProject, before producing again"
    )]
    OutcomeUnknown { action: String, detail: String },
    #[error("the service answered HTTP {status} with a body that is not the expected JSON: {detail}")]
    BadResponse { status: u16, detail: String },
    #[error(transparent)]
    Credentials(#[from] CredentialError),
    #[error("{0}")]
    Config(String),
}

impl ApiError {
    pub fn service(&self) -> Option<&ServiceError> {
        match self {
            ApiError::Service(s) => Some(s.as_ref()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_to_do() {
        let e = ServiceError {
            status: 400,
            code: "SignatureDoesNotMatch".into(),
            message: "Specified signature is not matched with our calculation.".into(),
            request_id: Some("R-1".into()),
            recommend: Some("https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch".into()),
            ..Default::default()
        };
        let text = e.to_string();
        assert!(text.starts_with("SignatureDoesNotMatch (HTTP 400)"), "{text}");
        assert!(text.contains("check the secret") && text.contains("RequestId R-1") && text.contains("troubleshoot"));
        let clock = ServiceError { code: "InvalidTimeStamp.Expired".into(), ..Default::default() };
        assert!(clock.to_string().contains("clock"));
        assert!(ServiceError { code: "Throttling.User".into(), ..Default::default() }.is_throttling());
    }
}
