//! Signed RPC calls to VOD with the retry policy that fits each call.
//!
//! Where parameters travel: every call is an HTTP POST with the common parameters and the
//! Signature in the URL query. API parameters go in the query too (as the official VOD SDKs
//! send them) while the encoded query stays under [`QUERY_LIMIT`]; larger ones (big Timelines)
//! go in an `application/x-www-form-urlencoded` body, which the RPC signature covers the same
//! way (signature vector "legacy-post-timeline-in-form-body"). UNSURE: VOD documents no URL
//! length limit; gateways commonly refuse URLs past 8-16 KB, so long ones are not risked.

use super::credentials::Credentials;
use super::error::{ApiError, ServiceError};
use super::http::error_chain;
use super::sign;
use super::sign::SignatureVersion;
use serde_json::Value;
use std::time::Duration;

pub const API_VERSION: &str = "2017-03-21";
/// Encoded API parameters beyond this many bytes go in the form body, not the URL.
pub const QUERY_LIMIT: usize = 6 * 1024;

#[derive(Clone, Debug)]
pub struct ClientConfig {
    pub endpoint: reqwest::Url,
    pub connect_timeout: Duration,
    /// The whole call, connection to last byte, retries and their waits included: one
    /// deadline, however the answer dribbles in.
    pub timeout: Duration,
    /// Attempts for read-only calls (1 = no retry).
    pub read_attempts: u32,
    /// Attempts for a billed call answered with Throttling (the only answer that proves it
    /// was not carried out).
    pub billed_throttle_attempts: u32,
    pub backoff_base: Duration,
    pub backoff_cap: Duration,
    /// V1 unless asked: V3 has not met the real service yet.
    pub signature: SignatureVersion,
}

impl ClientConfig {
    pub fn new(endpoint: reqwest::Url) -> Self {
        ClientConfig {
            endpoint,
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(30),
            read_attempts: 4,
            billed_throttle_attempts: 3,
            backoff_base: Duration::from_millis(400),
            backoff_cap: Duration::from_secs(10),
            signature: SignatureVersion::V1,
        }
    }
}

/// Whether a call may be repeated without consequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Safety {
    /// Reads: repeat on network failure, 5xx, ServiceUnavailable and Throttling.
    ReadOnly,
    /// Billed and not idempotent: repeat only when the request provably did not reach the
    /// service (connection refused) or the service answered Throttling.
    Billed,
}

pub struct Client {
    http: reqwest::Client,
    config: ClientConfig,
    creds: Credentials,
}

/// One attempt's result, before the retry policy looks at it.
enum Attempt {
    Ok(Value),
    Service(ServiceError, Option<Duration>),
    /// The connection was never made: nothing was sent.
    NotSent(String),
    /// Sent (or possibly sent), then timed out or lost.
    Lost(String),
    Bad(u16, String),
}

impl Client {
    pub fn new(config: ClientConfig, creds: Credentials) -> Result<Self, ApiError> {
        // No per-request timeout: `call` bounds the whole call, tries and waits included.
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            // Requests carry a signature (and perhaps an STS token): never re-sent elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("vodcut/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ApiError::Config(crate::t!("core-api-no-https", error = e.to_string())))?;
        // Every output of this process scrubs them from now on.
        super::redact::remember(&creds.access_key_id);
        super::redact::remember(creds.secret.expose());
        if let Some(t) = &creds.security_token {
            super::redact::remember(t.expose());
        }
        Ok(Client { http, config, creds })
    }

    pub fn endpoint(&self) -> &reqwest::Url {
        &self.config.endpoint
    }

    pub fn credentials(&self) -> &Credentials {
        &self.creds
    }

    /// Calls `action` with `params`, retrying as `safety` allows. Returns the response JSON.
    pub async fn call(&self, action: &str, params: &[(String, String)], safety: Safety) -> Result<Value, ApiError> {
        let max = match safety {
            Safety::ReadOnly => self.config.read_attempts.max(1),
            Safety::Billed => self.config.billed_throttle_attempts.max(1),
        };
        let endpoint = self.config.endpoint.to_string();
        let deadline = tokio::time::Instant::now() + self.config.timeout;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = match tokio::time::timeout_at(deadline, self.attempt(action, params)).await {
                Ok(r) => r,
                Err(_) => Attempt::Lost(crate::t!("core-api-deadline", secs = self.config.timeout.as_secs())),
            };
            let last = attempt >= max;
            let wait = match (&result, safety) {
                (Attempt::Ok(_), _) => None,
                (Attempt::Service(e, after), _) if e.is_throttling() => Some(*after),
                (Attempt::Service(e, after), Safety::ReadOnly)
                    if e.status >= 500 || e.code.eq_ignore_ascii_case("ServiceUnavailable") =>
                {
                    Some(*after)
                }
                (Attempt::NotSent(_), _) => Some(None),
                (Attempt::Lost(_), Safety::ReadOnly) => Some(None),
                (Attempt::Bad(status, _), Safety::ReadOnly) if *status >= 500 => Some(None),
                _ => None,
            };
            let delay = wait.map(|after| after.unwrap_or_else(|| self.backoff(attempt)));
            // A retry that could not end before the deadline is not begun.
            let in_time = delay.is_some_and(|d| tokio::time::Instant::now() + d < deadline);
            if let (Some(delay), false, true) = (delay, last, in_time) {
                log::info!("{action}: attempt {attempt} failed, trying again in {delay:?}");
                tokio::time::sleep(delay).await;
                continue;
            }
            return match result {
                Attempt::Ok(v) => Ok(v),
                Attempt::Service(e, _) => Err(ApiError::Service(Box::new(e))),
                Attempt::NotSent(detail) => Err(ApiError::Connect { endpoint, detail }),
                Attempt::Lost(detail) => match safety {
                    Safety::ReadOnly => Err(ApiError::Network { endpoint, detail }),
                    Safety::Billed => Err(ApiError::OutcomeUnknown { action: action.into(), detail }),
                },
                Attempt::Bad(status, detail) => match safety {
                    // Something between us and the service redirected: it may have passed
                    // the request on first.
                    Safety::Billed if (300..400).contains(&status) => {
                        Err(ApiError::OutcomeUnknown { action: action.into(), detail })
                    }
                    // A 2xx with a broken body, or a 5xx from a proxy: the call may have run.
                    Safety::Billed if !(400..500).contains(&status) => Err(ApiError::OutcomeUnknown {
                        action: action.into(),
                        detail: crate::t!("core-api-unreadable-body", status = status.to_string(), detail = detail),
                    }),
                    _ => Err(ApiError::BadResponse { status, detail }),
                },
            };
        }
    }

    /// Exponential backoff with full jitter, capped.
    fn backoff(&self, attempt: u32) -> Duration {
        let exp = self.config.backoff_base.saturating_mul(1 << attempt.min(16).saturating_sub(1));
        let cap = exp.min(self.config.backoff_cap);
        let mut b = [0u8; 4];
        let _ = getrandom::fill(&mut b);
        let r = f64::from(u32::from_le_bytes(b)) / f64::from(u32::MAX);
        cap.mul_f64(0.5 + 0.5 * r)
    }

    /// The signed parameters for one attempt: common ones with a fresh nonce and timestamp.
    fn common_params(&self, action: &str) -> Vec<(String, String)> {
        let mut p = vec![
            ("Action".to_owned(), action.to_owned()),
            ("Version".to_owned(), API_VERSION.to_owned()),
            ("Format".to_owned(), "JSON".to_owned()), // i18n-exempt: protocol value
            ("AccessKeyId".to_owned(), self.creds.access_key_id.clone()),
            ("SignatureMethod".to_owned(), "HMAC-SHA1".to_owned()), // i18n-exempt: protocol value
            ("SignatureVersion".to_owned(), "1.0".to_owned()),
            ("SignatureNonce".to_owned(), nonce()),
            ("Timestamp".to_owned(), timestamp_now()),
        ];
        if let Some(t) = &self.creds.security_token {
            p.push(("SecurityToken".to_owned(), t.expose().to_owned()));
        }
        p
    }

    /// Text from the network made safe to show or store: no secret, token, key ID or
    /// signature, in any of the forms they travel in.
    fn scrub(&self, text: &str, signature: &str) -> String {
        let text = self.creds.redact(text);
        super::credentials::redact_values(&text, &[signature])
    }

    /// A V1 request: common parameters and the Signature in the query.
    fn request_v1(&self, action: &str, params: &[(String, String)]) -> (reqwest::RequestBuilder, String) {
        let common = self.common_params(action);
        let mut all = common.clone();
        all.extend_from_slice(params);
        let signature = sign::sign("POST", self.creds.secret.expose(), &all); // i18n-exempt: HTTP method

        let api_encoded = sign::encode_pairs(params);
        let in_body = api_encoded.len() > QUERY_LIMIT;
        let mut query = sign::encode_pairs(&common);
        if !in_body && !params.is_empty() {
            query.push('&');
            query.push_str(&api_encoded);
        }
        query.push_str("&Signature="); // i18n-exempt: protocol
        query.push_str(&sign::percent_encode(&signature));
        let mut url = self.config.endpoint.clone();
        url.set_query(Some(&query));
        let mut req = self.http.post(url).header("Accept", "application/json");
        if in_body {
            req = req.header("Content-Type", "application/x-www-form-urlencoded").body(api_encoded);
        }
        (req, signature)
    }

    /// A V3 request (api.md 6.5): action, version, date and nonce in `x-acs-*` headers, API
    /// parameters in the query (a form body past [`QUERY_LIMIT`], covered by the payload
    /// hash), and the signature in `Authorization`.
    fn request_v3(&self, action: &str, params: &[(String, String)]) -> (reqwest::RequestBuilder, String) {
        let api_encoded = sign::encode_pairs(params);
        let in_body = api_encoded.len() > QUERY_LIMIT;
        let (query, body): (&[(String, String)], &str) = if in_body { (&[], &api_encoded) } else { (params, "") };
        let mut url = self.config.endpoint.clone();
        url.set_query(if query.is_empty() { None } else { Some(&api_encoded) });
        let host = match (url.host_str(), url.port()) {
            (Some(h), Some(port)) => format!("{h}:{port}"),
            (Some(h), None) => h.to_owned(),
            (None, _) => String::new(),
        };
        let hashed_payload = sign::v3::hex_sha256(body.as_bytes());
        let mut headers: Vec<(String, String)> = vec![
            ("host".into(), host), // i18n-exempt: a header name
            ("x-acs-action".into(), action.to_owned()),
            ("x-acs-version".into(), API_VERSION.to_owned()),
            ("x-acs-date".into(), timestamp_now()),
            ("x-acs-signature-nonce".into(), nonce()),
            ("x-acs-content-sha256".into(), hashed_payload.clone()),
        ];
        if in_body {
            headers.push(("content-type".into(), "application/x-www-form-urlencoded".into()));
        }
        if let Some(t) = &self.creds.security_token {
            headers.push(("x-acs-security-token".into(), t.expose().to_owned()));
            headers.push(("x-acs-accesskey-id".into(), self.creds.access_key_id.clone()));
        }
        // i18n-exempt: HTTP method
        let (request, signed) = sign::v3::canonical_request("POST", url.path(), query, &headers, &hashed_payload);
        let signature = sign::v3::signature(self.creds.secret.expose(), &sign::v3::string_to_sign(&request));
        let authorization = format!(
            // i18n-exempt: the Authorization header's syntax
            "{} Credential={},SignedHeaders={signed},Signature={signature}",
            sign::v3::ALGORITHM,
            self.creds.access_key_id
        );
        // reqwest sets Host itself, from the same URL.
        let mut req = self.http.post(url).header("Accept", "application/json");
        for (k, v) in headers.into_iter().filter(|(k, _)| k != "host") {
            req = req.header(k, v);
        }
        req = req.header("Authorization", authorization);
        if in_body {
            req = req.body(api_encoded);
        }
        (req, signature)
    }

    async fn attempt(&self, action: &str, params: &[(String, String)]) -> Attempt {
        let (req, signature) = match self.config.signature {
            SignatureVersion::V1 => self.request_v1(action, params),
            SignatureVersion::V3 => self.request_v3(action, params),
        };
        // reqwest names the whole URL in its errors, and ours carries the AccessKeyId, the
        // Signature and perhaps the Timeline: say only what failed (the endpoint is named by
        // the caller).
        let scrub = |text: &str| self.scrub(text, &signature);
        let resp = match req.send().await {
            Ok(r) => r,
            Err(e) if e.is_connect() => return Attempt::NotSent(scrub(&error_chain(&e.without_url()))),
            Err(e) => return Attempt::Lost(scrub(&error_chain(&e.without_url()))),
        };
        let status = resp.status().as_u16();
        let retry_after = resp
            .headers()
            .get("x-acs-retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|&ms| ms > 0)
            .map(|ms| Duration::from_millis(ms.min(60_000)));
        if resp.status().is_redirection() {
            // Not followed (the policy is none): the other origin's answer is never taken.
            return Attempt::Bad(status, crate::t!("core-api-redirected", status = status));
        }
        let body = match super::http::read_capped(resp, super::http::api_body_cap(action)).await {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e @ super::http::BodyError::TooLarge { .. }) => return Attempt::Bad(status, e.to_string()),
            Err(super::http::BodyError::Cut(error)) => {
                return Attempt::Lost(scrub(&crate::t!("core-api-cut-off", error = error)));
            }
        };
        // Scrubbed as it came (every encoding of the values), then once decoded: a form the
        // raw scrub did not foresee is plain text after parsing.
        let body = scrub(&body);
        match interpret(status, &body, retry_after) {
            Attempt::Ok(mut v) => {
                super::redact::scrub_json(&mut v, &scrub);
                Attempt::Ok(v)
            }
            Attempt::Service(mut e, after) => {
                for field in [&mut e.code, &mut e.message] {
                    *field = scrub(field);
                }
                for field in [&mut e.request_id, &mut e.host_id, &mut e.recommend].into_iter().flatten() {
                    *field = scrub(field);
                }
                Attempt::Service(e, after)
            }
            Attempt::Bad(status, detail) => Attempt::Bad(status, scrub(&detail)),
            other => other,
        }
    }
}

/// Status + body -> success JSON or a typed service error.
fn interpret(status: u16, body: &str, retry_after: Option<Duration>) -> Attempt {
    let parsed: Result<Value, _> = serde_json::from_str(body);
    if (200..300).contains(&status) {
        let from_vod = |v: &Value| v.get("RequestId").and_then(Value::as_str).is_some_and(|r| !r.trim().is_empty());
        return match parsed {
            Ok(v @ Value::Object(_)) if from_vod(&v) => Attempt::Ok(v),
            // Every VOD answer names its request: one without is from something else.
            Ok(Value::Object(_)) => Attempt::Bad(status, crate::t!("core-api-no-request-id", body = snippet(body))),
            Ok(_) => Attempt::Bad(status, crate::t!("core-api-not-object", body = snippet(body))),
            Err(e) => Attempt::Bad(status, format!("{e}: {}", snippet(body))),
        };
    }
    let field =
        |v: &Value, names: &[&str]| names.iter().find_map(|n| v.get(*n).and_then(Value::as_str)).map(str::to_owned);
    // i18n-exempt: the service's JSON field names
    match parsed {
        Ok(v) if field(&v, &["Code", "code"]).is_some() => {
            let error = ServiceError {
                status,
                code: field(&v, &["Code", "code"]).unwrap_or_default(),
                message: field(&v, &["Message", "message"]).unwrap_or_default(),
                request_id: field(&v, &["RequestId", "requestId"]),
                host_id: field(&v, &["HostId", "hostId"]),
                recommend: field(&v, &["Recommend", "recommend"]),
            };
            // The gateway signals throttling with this header even on odd codes.
            let retry_after = retry_after.or(None);
            Attempt::Service(error, retry_after)
        }
        _ => match xml_error(status, body) {
            Some(e) => Attempt::Service(e, retry_after),
            None => Attempt::Bad(status, snippet(body)),
        },
    }
}

/// The service sends XML errors when it ignores Format=JSON (rare): `<Code>..</Code>`.
fn xml_error(status: u16, body: &str) -> Option<ServiceError> {
    let tag = |name: &str| {
        let start = body.find(&format!("<{name}>"))? + name.len() + 2;
        let end = body[start..].find(&format!("</{name}>"))? + start;
        Some(body[start..end].trim().to_owned())
    };
    Some(ServiceError {
        status,
        code: tag("Code")?,
        message: tag("Message").unwrap_or_default(),
        request_id: tag("RequestId"),
        host_id: tag("HostId"),
        recommend: tag("Recommend"),
    })
}

fn snippet(body: &str) -> String {
    let t = body.trim();
    if t.is_empty() {
        return crate::t!("core-api-empty-body");
    }
    let cut: String = t.chars().take(200).collect();
    if cut.len() < t.len() { format!("{cut}…") } else { cut }
}

/// 32 random hex digits, new for every attempt (the service rejects reused nonces).
pub fn nonce() -> String {
    let mut b = [0u8; 16];
    if getrandom::fill(&mut b).is_err() {
        // Never reuse a nonce even if the OS source fails: fall back to time and a counter.
        use std::sync::atomic::{AtomicU64, Ordering};
        static N: AtomicU64 = AtomicU64::new(0);
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
        b[..8].copy_from_slice(&(t as u64).to_le_bytes());
        b[8..].copy_from_slice(&N.fetch_add(1, Ordering::Relaxed).to_le_bytes());
    }
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// UTC now as `yyyy-MM-ddTHH:mm:ssZ`.
pub fn timestamp_now() -> String {
    format_timestamp(time::OffsetDateTime::now_utc())
}

pub fn format_timestamp(t: time::OffsetDateTime) -> String {
    // i18n-exempt: a timestamp format
    let f = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    t.to_offset(time::UtcOffset::UTC).format(&f).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_and_nonces() {
        let t = time::macros::datetime!(2017-10-10 12:02:54 UTC);
        assert_eq!(format_timestamp(t), "2017-10-10T12:02:54Z");
        let n = nonce();
        assert_eq!(n.len(), 32);
        assert_ne!(n, nonce());
    }

    #[test]
    fn interprets_error_bodies() {
        let body = r#"{"RequestId":"R1","HostId":"vod.cn-shanghai.aliyuncs.com","Code":"Forbidden.RAM","Message":"User not authorized","Recommend":"https://x"}"#;
        let Attempt::Service(e, _) = interpret(403, body, None) else { panic!() };
        assert_eq!((e.code.as_str(), e.request_id.as_deref(), e.status), ("Forbidden.RAM", Some("R1"), 403));
        assert!(matches!(interpret(200, "{\"RequestId\":", None), Attempt::Bad(200, _)));
        assert!(matches!(interpret(200, "{\"RequestId\":\"R\",\"Total\":0}", None), Attempt::Ok(_)));
        let padded = format!("{{\"Total\":0,\"Padding\":\"{}\"}}{}", "x".repeat(500), " ".repeat(5000));
        assert!(
            matches!(interpret(200, &padded, None), Attempt::Bad(200, d) if d.contains("RequestId") && d.len() < 400)
        );
        assert!(matches!(interpret(502, "<html>bad gateway</html>", None), Attempt::Bad(502, _)));
        let xml = "<Error><RequestId>X</RequestId><Code>Throttling.User</Code><Message>slow</Message></Error>";
        let Attempt::Service(e, _) = interpret(400, xml, None) else { panic!() };
        assert!(e.is_throttling());
    }
}
