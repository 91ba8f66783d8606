//! A small OSS client for what an upload needs: PutObject and the multipart calls, signed with
//! V1 and the STS token as the VOD upload SDKs do. One call = one attempt; the retry policy
//! lives in the engine, which knows which calls are safe to repeat.

use super::sign::{SignParts, content_md5, http_date, v1_authorization, v1_string_to_sign};
use crate::api::http::error_chain;
use crate::api::upload_calls::{UploadAddress, UploadAuth};
use std::fmt;
use std::time::Duration;

/// An OSS error answer (`<Error><Code>…`), or a failure to get one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OssError {
    Service {
        status: u16,
        code: String,
        message: String,
        request_id: Option<String>,
        ec: Option<String>,
    },
    /// No usable answer: connection refused, timeout, cut off.
    Network(String),
    /// An answer that is not what OSS sends.
    Bad {
        status: u16,
        detail: String,
    },
    /// OSS stored something other than what was sent (ETag differs from the MD5).
    Integrity(String),
}

impl OssError {
    pub fn code(&self) -> Option<&str> {
        match self {
            OssError::Service { code, .. } => Some(code),
            _ => None,
        }
    }

    /// The temporary credentials ran out (or were replaced): refresh them and try again.
    /// The VOD web SDK treats these codes the same way.
    pub fn is_expired_credentials(&self) -> bool {
        matches!(
            self.code(),
            Some("SecurityTokenExpired" | "InvalidSecurityToken.Expired" | "InvalidAccessKeyId" | "ExpiredToken")
        )
    }

    /// Worth another try of the same request.
    pub fn is_transient(&self) -> bool {
        match self {
            OssError::Network(_) | OssError::Integrity(_) => true,
            OssError::Bad { status, .. } => *status >= 500 || *status < 300,
            OssError::Service { status, code, .. } => {
                *status >= 500
                    || matches!(
                        code.as_str(),
                        "RequestTimeout" | "InternalError" | "ServiceUnavailable" | "InvalidDigest"
                    )
                    || *status == 429
            }
        }
    }

    fn hint(&self) -> Option<String> {
        let key = match self.code()? {
            "SecurityTokenExpired" | "InvalidSecurityToken.Expired" => "oss-hint-token-expired",
            "InvalidAccessKeyId" => "oss-hint-unknown-key",
            "SignatureDoesNotMatch" => "oss-hint-signature",
            "RequestTimeTooSkewed" => "oss-hint-clock",
            "AccessDenied" => "oss-hint-denied",
            "NoSuchUpload" => "oss-hint-no-upload",
            "InvalidPart" | "InvalidPartOrder" => "oss-hint-parts",
            "EntityTooSmall" => "oss-hint-too-small",
            "EntityTooLarge" => "oss-hint-too-large",
            "InvalidDigest" => "oss-hint-digest",
            "RequestTimeout" => "oss-hint-timeout",
            _ => return None,
        };
        Some(crate::i18n::tr(key))
    }
}

impl fmt::Display for OssError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OssError::Service { status, code, message, request_id, ec } => {
                f.write_str(&crate::t!(
                    "oss-refused",
                    code = code.as_str(),
                    status = *status,
                    message = message.as_str()
                ))?;
                if let Some(h) = self.hint() {
                    f.write_str(&crate::t!("oss-what-it-means", hint = h))?;
                }
                if let Some(id) = request_id {
                    write!(f, " [RequestId {id}]")?;
                }
                if let Some(ec) = ec {
                    write!(f, " [EC {ec}]")?;
                }
                Ok(())
            }
            OssError::Network(d) => f.write_str(&crate::t!("oss-network", detail = d.as_str())),
            OssError::Bad { status, detail } => {
                f.write_str(&crate::t!("oss-bad", status = *status, detail = detail.as_str()))
            }
            OssError::Integrity(d) => f.write_str(&crate::t!("oss-integrity", detail = d.as_str())),
        }
    }
}

/// The text inside `<name>…</name>`, first occurrence.
pub fn xml_tag<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let start = body.find(&open)? + open.len();
    let end = body[start..].find(&format!("</{name}>"))? + start;
    Some(body[start..end].trim())
}

/// Every `<name>…</name>` block, in order.
pub fn xml_blocks<'a>(body: &'a str, name: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{name}>"), format!("</{name}>"));
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(s) = rest.find(&open) {
        let after = &rest[s + open.len()..];
        let Some(e) = after.find(&close) else { break };
        out.push(&after[..e]);
        rest = &after[e + close.len()..];
    }
    out
}

/// Parses an OSS error body leniently (as oss2 does): any `<Code>` makes it a service error.
pub fn parse_error(status: u16, body: &str, request_id_header: Option<String>) -> OssError {
    match xml_tag(body, "Code") {
        Some(code) => OssError::Service {
            status,
            code: code.to_owned(),
            message: xml_tag(body, "Message").unwrap_or("").to_owned(),
            request_id: xml_tag(body, "RequestId").map(str::to_owned).or(request_id_header),
            ec: xml_tag(body, "EC").map(str::to_owned),
        },
        None => {
            let cut: String = body.trim().chars().take(200).collect();
            OssError::Bad { status, detail: if cut.is_empty() { "(empty body)".into() } else { cut } }
        }
    }
}

/// A part OSS holds (ListParts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedPart {
    pub number: u32,
    /// Without quotes, upper case.
    pub etag: String,
    pub size: u64,
}

/// Hex MD5 as OSS shows it in ETags (upper case, no quotes).
pub fn etag_of(md5: &[u8]) -> String {
    md5.iter().map(|b| format!("{b:02X}")).collect()
}

fn clean_etag(s: &str) -> String {
    s.trim().trim_matches('"').replace("&quot;", "").to_ascii_uppercase()
}

/// Percent-encodes an object key for the URL path, keeping `/`.
fn encode_key(key: &str) -> String {
    let mut out = String::new();
    for &b in key.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What a request sends: nothing, bytes in memory (a part, at most `parts_in_flight` of them),
/// or a whole file read as it goes out (one PUT of an image, which may be gigabytes).
#[derive(Clone)]
pub enum Payload {
    Empty,
    Bytes(bytes::Bytes),
    File { path: std::path::PathBuf, len: u64 },
}

impl Payload {
    fn into_body(self) -> reqwest::Body {
        match self {
            // An empty body still says `Content-Length: 0`, as OSS expects on POST/DELETE.
            Payload::Empty => reqwest::Body::from(bytes::Bytes::new()),
            Payload::Bytes(b) => reqwest::Body::from(b),
            Payload::File { path, len } => reqwest::Body::wrap(FileBody::open(path, len)),
        }
    }
}

/// A file as a request body: read on a thread in pieces of 256 KiB, at most four ahead of
/// the network, so memory stays at about a megabyte whatever the file's size. Its exact
/// length is declared (Content-Length), and a file that ends early or grows is an error
/// rather than a different object.
struct FileBody {
    rx: tokio::sync::mpsc::Receiver<std::io::Result<bytes::Bytes>>,
    len: u64,
    sent: u64,
}

const FILE_PIECE: usize = 256 * 1024;

impl FileBody {
    fn open(path: std::path::PathBuf, len: u64) -> FileBody {
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        std::thread::spawn(move || {
            use std::io::Read as _;
            let mut f = match std::fs::File::open(&path) {
                Ok(f) => f.take(len),
                Err(e) => {
                    let _ = tx.blocking_send(Err(e));
                    return;
                }
            };
            loop {
                let mut buf = vec![0u8; FILE_PIECE];
                match f.read(&mut buf) {
                    Ok(0) => return,
                    Ok(n) => {
                        buf.truncate(n);
                        if tx.blocking_send(Ok(bytes::Bytes::from(buf))).is_err() {
                            return;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        let _ = tx.blocking_send(Err(e));
                        return;
                    }
                }
            }
        });
        FileBody { rx, len, sent: 0 }
    }
}

impl http_body::Body for FileBody {
    type Data = bytes::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<bytes::Bytes>, std::io::Error>>> {
        use std::task::Poll;
        match self.rx.poll_recv(cx) {
            Poll::Ready(Some(Ok(b))) => {
                self.sent += b.len() as u64;
                Poll::Ready(Some(Ok(http_body::Frame::data(b))))
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(e))),
            Poll::Ready(None) if self.sent < self.len => Poll::Ready(Some(Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                crate::t!("cloud-file-shrank", len = self.len, sent = self.sent),
            )))),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.len)
    }
}

/// The most an OSS answer may hold (errors and part listings are far smaller).
pub const OSS_BODY_CAP: usize = 4 << 20;

pub struct OssClient {
    http: reqwest::Client,
    /// `scheme://host[:port]` plus, for path style, `/bucket`.
    base: String,
    bucket: String,
    key: String,
}

impl OssClient {
    /// A client for the object at `address`. Plain http is refused unless the host is this
    /// machine or `allow_insecure_http`: the temporary credentials must not cross a network
    /// in clear.
    pub fn new(address: &UploadAddress, timeout: Duration, allow_insecure_http: bool) -> Result<Self, String> {
        let url = reqwest::Url::parse(address.endpoint.trim()).map_err(|e| {
            crate::t!("cloud-oss-bad-endpoint", endpoint = address.endpoint.as_str(), error = e.to_string())
        })?;
        let host = url.host_str().unwrap_or_default().to_owned();
        let local = host == "localhost"
            || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
            || host.trim_matches(['[', ']']).parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
        match url.scheme() {
            "https" => {}
            "http" if local || allow_insecure_http => {}
            s => return Err(crate::t!("cloud-oss-insecure", scheme = s, host = host.as_str())),
        }
        let ip_like = local || host.parse::<std::net::IpAddr>().is_ok() || host.starts_with('[');
        let valid_bucket = (3..=63).contains(&address.bucket.len())
            && address.bucket.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !address.bucket.starts_with('-')
            && !address.bucket.ends_with('-');
        let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
        // As oss2: virtual-hosted style, except for IP endpoints or odd bucket names.
        let base = if ip_like || !valid_bucket {
            format!("{}://{host}{port}/{}", url.scheme(), address.bucket)
        } else {
            format!("{}://{}.{host}{port}", url.scheme(), address.bucket)
        };
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(timeout)
            // Requests carry the STS token and the file: never re-sent to another origin.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("vodcut/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| crate::t!("cloud-oss-no-https", error = e.to_string()))?;
        Ok(OssClient { http, base, bucket: address.bucket.clone(), key: address.file_name.clone() })
    }

    /// One signed request. Returns the headers and body text of a 2xx answer (at most
    /// [`OSS_BODY_CAP`]: an error, or an XML listing); a redirect is an error, never followed.
    async fn send(
        &self,
        auth: &UploadAuth,
        method: reqwest::Method,
        query: &[(&str, &str)],
        content_type: &str,
        md5: &str,
        body: Payload,
    ) -> Result<(reqwest::header::HeaderMap, String), OssError> {
        let date = http_date(time::OffsetDateTime::now_utc());
        let token = auth.security_token.expose();
        let headers = [("x-oss-security-token", token)];
        let parts = SignParts {
            method: method.as_str(),
            bucket: &self.bucket,
            key: &self.key,
            query,
            content_md5: md5,
            content_type,
            oss_headers: &headers,
        };
        let authorization =
            v1_authorization(&auth.access_key_id, auth.secret.expose(), &v1_string_to_sign(&parts, &date));
        let mut url = format!("{}/{}", self.base, encode_key(&self.key));
        for (i, (k, v)) in query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(k);
            if !v.is_empty() {
                url.push('=');
                url.push_str(&crate::api::sign::percent_encode(v));
            }
        }
        let mut req = self
            .http
            .request(method, url)
            .header("Date", date)
            .header("Authorization", &authorization)
            .header("x-oss-security-token", token);
        if !content_type.is_empty() {
            req = req.header("Content-Type", content_type);
        }
        if !md5.is_empty() {
            req = req.header("Content-MD5", md5);
        }
        req = req.body(body.into_body());
        // The answer may quote what was sent: the temporary key ID, the token, the
        // Authorization header (key ID and signature), in any encoding.
        let signature = authorization.rsplit(':').next().unwrap_or_default();
        let values = [auth.secret.expose(), token, &auth.access_key_id, signature];
        let scrub = |s: String| crate::api::credentials::redact_values(&s, &values);
        let resp = req.send().await.map_err(|e| OssError::Network(scrub(error_chain(&e.without_url()))))?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        if resp.status().is_redirection() {
            return Err(OssError::Bad { status, detail: crate::t!("cloud-oss-redirected", status = status) });
        }
        let text = match crate::api::http::read_capped(resp, OSS_BODY_CAP).await {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e @ crate::api::http::BodyError::TooLarge { .. }) => {
                return Err(OssError::Bad { status, detail: e.to_string() });
            }
            Err(crate::api::http::BodyError::Cut(e)) => {
                return Err(OssError::Network(scrub(crate::t!("cloud-oss-cut-off", error = e))));
            }
        };
        if !(200..300).contains(&status) {
            let rid = headers.get("x-oss-request-id").and_then(|v| v.to_str().ok()).map(str::to_owned);
            return Err(parse_error(status, &scrub(text), rid));
        }
        Ok((headers, text))
    }

    fn etag(headers: &reqwest::header::HeaderMap) -> Option<String> {
        headers.get("ETag").and_then(|v| v.to_str().ok()).map(clean_etag)
    }

    /// PutObject with Content-MD5; checks the returned ETag (a PutObject ETag is the MD5).
    pub async fn put_object(
        &self,
        auth: &UploadAuth,
        body: Payload,
        md5: &[u8],
        content_type: &str,
    ) -> Result<(), OssError> {
        let (h, _) = self.send(auth, reqwest::Method::PUT, &[], content_type, &content_md5(md5), body).await?;
        check_etag(Self::etag(&h), md5, &crate::t!("cloud-step-object"))
    }

    pub async fn initiate(&self, auth: &UploadAuth, content_type: &str) -> Result<String, OssError> {
        let (_, body) =
            self.send(auth, reqwest::Method::POST, &[("uploads", "")], content_type, "", Payload::Empty).await?;
        xml_tag(&body, "UploadId").filter(|id| !id.is_empty()).map(str::to_owned).ok_or_else(|| OssError::Bad {
            status: 200,
            detail: "InitiateMultipartUpload answer without UploadId".into(),
        })
    }

    /// UploadPart; returns the ETag after checking it is the part's MD5.
    pub async fn upload_part(
        &self,
        auth: &UploadAuth,
        upload_id: &str,
        number: u32,
        body: bytes::Bytes,
        md5: &[u8],
    ) -> Result<String, OssError> {
        let n = number.to_string();
        let query = [("partNumber", n.as_str()), ("uploadId", upload_id)];
        let (h, _) = self.send(auth, reqwest::Method::PUT, &query, "", &content_md5(md5), Payload::Bytes(body)).await?;
        let etag = Self::etag(&h);
        check_etag(etag.clone(), md5, &crate::t!("cloud-step-part", n = number))?;
        Ok(etag.unwrap_or_default())
    }

    pub async fn complete(&self, auth: &UploadAuth, upload_id: &str, parts: &[(u32, String)]) -> Result<(), OssError> {
        let mut sorted = parts.to_vec();
        sorted.sort_by_key(|p| p.0);
        let mut xml = String::from("<CompleteMultipartUpload>");
        for (n, etag) in &sorted {
            xml.push_str(&format!("<Part><PartNumber>{n}</PartNumber><ETag>\"{etag}\"</ETag></Part>"));
        }
        xml.push_str("</CompleteMultipartUpload>");
        let body = bytes::Bytes::from(xml);
        let md5 = md5_of(&body);
        self.send(auth, reqwest::Method::POST, &[("uploadId", upload_id)], "", &content_md5(&md5), Payload::Bytes(body))
            .await
            .map(|_| ())
    }

    /// Every part OSS holds for `upload_id`, following pages.
    pub async fn list_parts(&self, auth: &UploadAuth, upload_id: &str) -> Result<Vec<ListedPart>, OssError> {
        let mut out = Vec::new();
        let mut marker = String::new();
        for _ in 0..20 {
            let mut query = vec![("uploadId", upload_id), ("max-parts", "1000")];
            if !marker.is_empty() {
                query.push(("part-number-marker", marker.as_str()));
            }
            let (_, body) = self.send(auth, reqwest::Method::GET, &query, "", "", Payload::Empty).await?;
            for p in xml_blocks(&body, "Part") {
                let number = xml_tag(p, "PartNumber").and_then(|n| n.parse().ok());
                let size = xml_tag(p, "Size").and_then(|n| n.parse().ok());
                if let (Some(number), Some(size), Some(etag)) = (number, size, xml_tag(p, "ETag")) {
                    out.push(ListedPart { number, etag: clean_etag(etag), size });
                }
            }
            if xml_tag(&body, "IsTruncated") != Some("true") {
                break;
            }
            marker = xml_tag(&body, "NextPartNumberMarker").unwrap_or("").to_owned();
            if marker.is_empty() {
                break;
            }
        }
        Ok(out)
    }

    pub async fn abort(&self, auth: &UploadAuth, upload_id: &str) -> Result<(), OssError> {
        self.send(auth, reqwest::Method::DELETE, &[("uploadId", upload_id)], "", "", Payload::Empty).await.map(|_| ())
    }
}

fn check_etag(etag: Option<String>, md5: &[u8], what: &str) -> Result<(), OssError> {
    let want = etag_of(md5);
    match etag {
        Some(e) if e == want => Ok(()),
        Some(e) => Err(OssError::Integrity(crate::t!("cloud-etag-mismatch", what = what, etag = e, md5 = want))),
        None => Err(OssError::Integrity(crate::t!("cloud-etag-missing", what = what))),
    }
}

pub fn md5_of(data: &[u8]) -> [u8; 16] {
    use md5::Digest;
    md5::Md5::digest(data).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_are_parsed_and_explained() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>SecurityTokenExpired</Code><Message>The security token you provided has expired.</Message>
  <RequestId>57ABD896CCB80C366955****</RequestId><HostId>oss-example.oss-cn-hangzhou.aliyuncs.com</HostId>
  <EC>0016-00000502</EC>
</Error>"#;
        let e = parse_error(403, body, None);
        assert!(e.is_expired_credentials() && !e.is_transient());
        let text = e.to_string();
        assert!(
            text.contains("SecurityTokenExpired (HTTP 403)") && text.contains("57ABD896CCB80C366955****"),
            "{text}"
        );
        assert!(text.contains("EC 0016-00000502") && text.contains("expired"), "{text}");
        let e = parse_error(502, "<html>bad gateway</html>", Some("R".into()));
        assert!(e.is_transient() && e.to_string().contains("bad gateway"));
        assert!(parse_error(500, "<Error><Code>InternalError</Code></Error>", None).is_transient());
        assert!(!parse_error(403, "<Error><Code>AccessDenied</Code></Error>", None).is_transient());
    }

    #[test]
    fn etags_and_listings() {
        assert_eq!(etag_of(&md5_of(b"")), "D41D8CD98F00B204E9800998ECF8427E");
        assert!(check_etag(Some(clean_etag("\"d41d8cd98f00b204e9800998ecf8427e\"")), &md5_of(b""), "x").is_ok());
        assert!(
            matches!(check_etag(Some("AB".into()), &md5_of(b""), "part 3"), Err(OssError::Integrity(m)) if m.contains("part 3"))
        );
        let xml = "<ListPartsResult><IsTruncated>false</IsTruncated><Part><PartNumber>1</PartNumber><ETag>\"AA\"</ETag><Size>5</Size></Part><Part><PartNumber>3</PartNumber><ETag>&quot;bb&quot;</ETag><Size>7</Size></Part></ListPartsResult>";
        let parts: Vec<_> =
            xml_blocks(xml, "Part").iter().map(|p| xml_tag(p, "PartNumber").unwrap().to_owned()).collect();
        assert_eq!(parts, ["1", "3"]);
        assert_eq!(clean_etag("&quot;bb&quot;"), "BB");
        assert_eq!(encode_key("sv/a b/中.mp4"), "sv/a%20b/%E4%B8%AD.mp4");
    }

    #[test]
    fn urls_follow_oss2_and_refuse_clear_text_abroad() {
        let a = |endpoint: &str, bucket: &str| UploadAddress {
            endpoint: endpoint.into(),
            bucket: bucket.into(),
            file_name: "sv/x.mp4".into(),
        };
        let t = Duration::from_secs(5);
        let c = OssClient::new(&a("https://oss-cn-shanghai.aliyuncs.com", "outin-1"), t, false).unwrap();
        assert_eq!(c.base, "https://outin-1.oss-cn-shanghai.aliyuncs.com");
        let c = OssClient::new(&a("http://127.0.0.1:9000", "outin-1"), t, false).unwrap();
        assert_eq!(c.base, "http://127.0.0.1:9000/outin-1");
        let e = OssClient::new(&a("http://oss-cn-shanghai.aliyuncs.com", "outin-1"), t, false).err().unwrap();
        assert!(e.contains("http://"), "{e}");
        // An upload endpoint from the service is https (or local http), nothing else.
        for bad in ["file:///etc", "gopher://127.0.0.1:25", "ftp://oss.example.com"] {
            let scheme = bad.split(':').next().unwrap();
            let e = OssClient::new(&a(bad, "outin-1"), t, true).err().unwrap();
            assert!(e.contains(&format!("{scheme}://")), "{bad}: {e}");
        }
    }
}
