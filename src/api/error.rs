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
    pub fn hint(&self) -> Option<String> {
        let c = self.code.as_str();
        let key = match c {
            "SignatureDoesNotMatch" | "IncompleteSignature" => "api-hint-signature",
            "InvalidAccessKeyId.NotFound" | "InvalidAccessKeyId" => "api-hint-unknown-key",
            "InvalidAccessKeyId.Inactive" | "Forbidden.AccessKeyDisabled" => "api-hint-key-disabled",
            "Forbidden.RAM" | "Forbidden" => "api-hint-forbidden",
            "InvalidTimeStamp.Expired" | "IllegalTimestamp" => "api-hint-clock",
            "SignatureNonceUsed" => "api-hint-replayed",
            "OperationDenied" => "api-hint-not-activated",
            "OperationDenied.Suspended" => "api-hint-suspended",
            "InvalidSecurityToken.Expired"
            | "InvalidSecurityToken.Malformed"
            | "InvalidSecurityToken.MismatchWithAccessKey" => "api-hint-sts",
            "ServiceUnavailable" | "ServiceUnAvailable" | "InternalError" => "api-hint-service",
            _ if c.starts_with("Throttling") => "api-hint-throttling",
            _ if c.starts_with("InvalidParameter") || c == "MissingParameter" => "api-hint-parameter",
            _ => return None,
        };
        Some(crate::i18n::tr(key))
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (code, status, message) = (self.code.as_str(), self.status.to_string(), self.message.as_str());
        f.write_str(&crate::t!("core-api-service-error", code = code, status = status, message = message))?;
        if let Some(h) = self.hint() {
            f.write_str(&crate::t!("api-what-to-do", hint = h))?;
        }
        if let Some(r) = &self.recommend {
            f.write_str(&crate::t!("api-more", url = r.as_str()))?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " [RequestId {id}]")?;
        }
        Ok(())
    }
}

#[derive(Debug)]
pub enum ApiError {
    Service(Box<ServiceError>),
    /// Nothing was sent: the connection could not be made.
    Connect {
        endpoint: String,
        detail: String,
    },
    /// A read-only call timed out or lost its connection (safe to try again).
    Network {
        endpoint: String,
        detail: String,
    },
    /// A billed call may or may not have been carried out.
    OutcomeUnknown {
        action: String,
        detail: String,
    },
    BadResponse {
        status: u16,
        detail: String,
    },
    Credentials(CredentialError),
    Config(String),
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ApiError::Service(s) => s.to_string(),
            ApiError::Connect { endpoint, detail } => {
                crate::t!("api-connect", endpoint = endpoint.as_str(), detail = detail.as_str())
            }
            ApiError::Network { endpoint, detail } => {
                crate::t!("api-network", endpoint = endpoint.as_str(), detail = detail.as_str())
            }
            ApiError::OutcomeUnknown { action, detail } => {
                crate::t!("api-outcome-unknown", action = action.as_str(), detail = detail.as_str())
            }
            ApiError::BadResponse { status, detail } => {
                crate::t!("api-bad-response", status = *status, detail = detail.as_str())
            }
            ApiError::Credentials(e) => e.to_string(),
            ApiError::Config(s) => s.clone(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ApiError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ApiError::Credentials(e) => Some(e),
            _ => None,
        }
    }
}

impl From<CredentialError> for ApiError {
    fn from(e: CredentialError) -> Self {
        ApiError::Credentials(e)
    }
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
