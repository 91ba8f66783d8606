//! The VOD calls that start an upload: CreateUploadVideo, CreateUploadImage and
//! RefreshUploadVideo. Their UploadAddress and UploadAuth come Base64-encoded JSON; both are
//! decoded here. UploadAuth holds temporary credentials: it lives in [`Secret`]s and is never
//! written anywhere.

use super::client::{Client, Safety};
use super::credentials::Secret;
use super::error::ApiError;
use base64::Engine as _;
use serde::Deserialize;
use serde_json::Value;

/// Where the file goes (decoded `UploadAddress`). Not secret: it is saved for resuming.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UploadAddress {
    /// With the scheme, e.g. `https://oss-cn-shanghai.aliyuncs.com`.
    pub endpoint: String,
    pub bucket: String,
    /// The object key VOD assigned.
    pub file_name: String,
}

/// Temporary OSS credentials (decoded `UploadAuth`).
#[derive(Clone, Debug)]
pub struct UploadAuth {
    pub access_key_id: String,
    pub secret: Secret,
    pub security_token: Secret,
    /// When they stop working (`ExpireUTCTime`), as a Unix time, if given.
    pub expires_at: Option<i64>,
    pub region: Option<String>,
}

/// What CreateUploadVideo / CreateUploadImage / RefreshUploadVideo give back.
#[derive(Clone, Debug)]
pub struct UploadTicket {
    pub request_id: String,
    /// VideoId, or ImageId for images.
    pub media_id: String,
    pub address: UploadAddress,
    pub auth: UploadAuth,
}

/// The metadata of a new media.
#[derive(Clone, Debug, Default)]
pub struct UploadMeta {
    pub title: String,
    /// The local file name, with its extension (VOD checks the extension).
    pub file_name: String,
    pub file_size: u64,
    pub tags: Option<String>,
    pub cate_id: Option<i64>,
    pub description: Option<String>,
    /// The application the media belongs to (absent: the account's default, app-1000000).
    pub app_id: Option<String>,
}

fn decode_json(what: &str, b64: &str) -> Result<Value, ApiError> {
    let bad = |detail: String| ApiError::BadResponse { status: 200, detail: format!("{what}: {detail}") };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|e| bad(crate::t!("core-api-not-base64", error = e.to_string())))?;
    serde_json::from_slice(&bytes).map_err(|e| bad(crate::t!("core-api-not-json", error = e.to_string())))
}

/// Decodes the Base64 JSON pair. Only the three keys and the token are required in the auth.
pub fn decode_ticket(action: &str, v: &Value, id_field: &str) -> Result<UploadTicket, ApiError> {
    let s = |name: &str| v.get(name).and_then(Value::as_str).unwrap_or_default().to_owned();
    let missing = |name: &str| ApiError::BadResponse {
        status: 200,
        detail: crate::t!("core-api-answer-lacks", action = action, name = name, request = s("RequestId")),
    };
    let media_id = s(id_field);
    if media_id.is_empty() {
        return Err(missing(id_field));
    }
    let address_json = decode_json(&format!("{action} UploadAddress"), &s("UploadAddress"))?;
    let address: UploadAddress = serde_json::from_value(address_json)
        .map_err(|e| ApiError::BadResponse { status: 200, detail: format!("{action} UploadAddress: {e}") })?;
    // Temporary credentials: every output of this process scrubs them (and their Base64)
    // from now on, the key ID included (an OSS error can quote it).
    super::redact::remember(s("UploadAuth").trim());
    let auth_json = decode_json(&format!("{action} UploadAuth"), &s("UploadAuth"))?;
    let field = |name: &str| auth_json.get(name).and_then(Value::as_str).map(str::to_owned);
    let need = |name: &str| field(name).filter(|v| !v.is_empty()).ok_or_else(|| missing(&format!("UploadAuth.{name}")));
    let expires_at = field("ExpireUTCTime").and_then(|t| parse_utc(&t));
    for name in ["AccessKeyId", "AccessKeySecret", "SecurityToken"] {
        if let Some(v) = field(name) {
            super::redact::remember(&v);
        }
    }
    let auth = UploadAuth {
        access_key_id: need("AccessKeyId")?,
        secret: Secret::new(need("AccessKeySecret")?),
        security_token: Secret::new(need("SecurityToken")?),
        expires_at,
        region: field("Region").filter(|r| !r.is_empty()),
    };
    Ok(UploadTicket { request_id: s("RequestId"), media_id, address, auth })
}

fn parse_utc(s: &str) -> Option<i64> {
    // i18n-exempt: a timestamp format
    let f = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    time::PrimitiveDateTime::parse(s.trim(), &f).ok().map(|t| t.assume_utc().unix_timestamp())
}

impl Client {
    /// CreateUploadVideo (also for audio). Not repeated after a lost answer: each call makes
    /// a new media.
    pub async fn create_upload_video(&self, meta: &UploadMeta) -> Result<UploadTicket, ApiError> {
        let mut p = vec![
            ("Title".to_owned(), meta.title.clone()),
            ("FileName".to_owned(), meta.file_name.clone()),
            ("FileSize".to_owned(), meta.file_size.to_string()),
        ];
        push_common(&mut p, meta);
        let v = self.call("CreateUploadVideo", &p, Safety::Billed).await?;
        decode_ticket("CreateUploadVideo", &v, "VideoId")
    }

    /// CreateUploadImage (`ImageType=default`, so the image shows in the console).
    pub async fn create_upload_image(&self, meta: &UploadMeta, ext: &str) -> Result<UploadTicket, ApiError> {
        let mut p = vec![
            ("ImageType".to_owned(), "default".to_owned()), // i18n-exempt: protocol value
            ("ImageExt".to_owned(), ext.to_ascii_lowercase()),
            ("Title".to_owned(), meta.title.clone()),
            ("OriginalFileName".to_owned(), meta.file_name.clone()),
        ];
        push_common(&mut p, meta);
        let v = self.call("CreateUploadImage", &p, Safety::Billed).await?;
        decode_ticket("CreateUploadImage", &v, "ImageId")
    }

    /// New credentials for a video upload in progress; the address stays the same.
    pub async fn refresh_upload_video(&self, video_id: &str) -> Result<UploadTicket, ApiError> {
        let p = vec![("VideoId".to_owned(), video_id.to_owned())];
        let v = self.call("RefreshUploadVideo", &p, Safety::ReadOnly).await?;
        let mut t = decode_ticket("RefreshUploadVideo", &v, "VideoId").or_else(|e| {
            // Some answers omit VideoId; it is the one asked for.
            let mut v = v.clone();
            v["VideoId"] = Value::String(video_id.to_owned());
            decode_ticket("RefreshUploadVideo", &v, "VideoId").map_err(|_| e)
        })?;
        t.media_id = video_id.to_owned();
        Ok(t)
    }
}

fn push_common(p: &mut Vec<(String, String)>, meta: &UploadMeta) {
    if let Some(t) = meta.tags.as_ref().filter(|t| !t.is_empty()) {
        p.push(("Tags".to_owned(), t.clone()));
    }
    if let Some(c) = meta.cate_id {
        p.push(("CateId".to_owned(), c.to_string()));
    }
    if let Some(a) = meta.app_id.as_ref().filter(|a| !a.trim().is_empty()) {
        p.push(("AppId".to_owned(), a.trim().to_owned()));
    }
    if let Some(d) = meta.description.as_ref().filter(|d| !d.is_empty()) {
        p.push(("Description".to_owned(), d.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_reference_address_and_a_real_shaped_auth() {
        let address = "eyJFbmRwb2ludCI6Imh0dHBzOi8vb3NzLWNuLXNoYW5naGFpLmFsaXl1bmNzLmNvbSIsIkJ1Y2tldCI6Im91dGluLTAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmIiwiRmlsZU5hbWUiOiJzdi8zZDZjNGUyMS0xNzM3YTNiNGM1ZC8zZDZjNGUyMS0xNzM3YTNiNGM1ZC5tcDQifQ==";
        let auth = base64::engine::general_purpose::STANDARD.encode(
            r#"{"SecurityToken":"CAIS-token","AccessKeyId":"STS.NUofWJy7iqCzutjybAQgFLPCC","ExpireUTCTime":"2020-07-29T15:20:31Z","AccessKeySecret":"EW23","Expiration":"3600","Region":"cn-shanghai"}"#,
        );
        let v = serde_json::json!({"RequestId":"R","VideoId":"v1","UploadAddress":address,"UploadAuth":auth});
        let t = decode_ticket("CreateUploadVideo", &v, "VideoId").unwrap();
        assert_eq!(t.address.endpoint, "https://oss-cn-shanghai.aliyuncs.com");
        assert_eq!(t.address.bucket, "outin-0123456789abcdef0123456789abcdef");
        assert_eq!(t.address.file_name, "sv/3d6c4e21-1737a3b4c5d/3d6c4e21-1737a3b4c5d.mp4");
        assert_eq!(t.auth.expires_at, Some(1_596_036_031));
        assert_eq!(t.auth.region.as_deref(), Some("cn-shanghai"));
        assert!(!format!("{:?}", t.auth).contains("EW23"));
        // A broken answer is a clear error, not a panic.
        let bad = serde_json::json!({"RequestId":"R","VideoId":"v1","UploadAddress":"%%","UploadAuth":auth});
        let e = decode_ticket("CreateUploadVideo", &bad, "VideoId").unwrap_err().to_string();
        assert!(e.contains("UploadAddress") && e.contains("Base64"), "{e}");
        let e = decode_ticket("CreateUploadVideo", &serde_json::json!({"RequestId":"R9"}), "VideoId")
            .unwrap_err()
            .to_string();
        assert!(e.contains("VideoId") && e.contains("R9"), "{e}");
    }
}
