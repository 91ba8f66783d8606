//! OSS request signatures: V1 (`OSS AK:base64(HMAC-SHA1)`, what the VOD upload SDKs send)
//! and V4 (`OSS4-HMAC-SHA256`). Pure functions over the parts of a request, so the worked
//! examples of the reference are reproduced byte for byte in the tests below.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The parts of an OSS request that its signature covers.
#[derive(Clone, Debug, Default)]
pub struct SignParts<'a> {
    pub method: &'a str,
    pub bucket: &'a str,
    /// The raw (not URL-encoded) object key.
    pub key: &'a str,
    /// Query parameters as sent (value `""` for a bare name such as `uploads`).
    pub query: &'a [(&'a str, &'a str)],
    pub content_md5: &'a str,
    pub content_type: &'a str,
    /// Every header sent whose name starts with `x-oss-` (any case).
    pub oss_headers: &'a [(&'a str, &'a str)],
}

/// Query keys that are part of the V1 CanonicalizedResource (oss2's `_subresource_key_set`);
/// others (`max-parts`, `encoding-type`...) are sent but not signed.
const SUBRESOURCES: &[&str] = &[
    "acl",
    "uploads",
    "location",
    "cors",
    "logging",
    "website",
    "referer",
    "lifecycle",
    "delete",
    "append",
    "tagging",
    "objectMeta",
    "uploadId",
    "partNumber",
    "security-token",
    "position",
    "img",
    "style",
    "styleName",
    "replication",
    "replicationProgress",
    "replicationLocation",
    "cname",
    "bucketInfo",
    "comp",
    "qos",
    "live",
    "status",
    "vod",
    "startTime",
    "endTime",
    "symlink",
    "x-oss-process",
    "response-content-type",
    "response-content-language",
    "response-expires",
    "response-cache-control",
    "response-content-disposition",
    "response-content-encoding",
    "udf",
    "udfName",
    "udfImage",
    "udfId",
    "udfImageDesc",
    "udfApplication",
    "udfApplicationLog",
    "restore",
    "callback",
    "callback-var",
    "versionId",
    "versioning",
    "versions",
    "encryption",
    "policy",
    "sequential",
];

fn oss_header_lines(headers: &[(&str, &str)]) -> String {
    let mut h: Vec<(String, &str)> = headers
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.trim()))
        .filter(|(k, _)| k.starts_with("x-oss-"))
        .collect();
    h.sort();
    h.iter().map(|(k, v)| format!("{k}:{v}\n")).collect()
}

/// V1 StringToSign: `VERB\nContent-MD5\nContent-Type\nDate\nCanonicalizedOSSHeaders` +
/// `CanonicalizedResource`.
pub fn v1_string_to_sign(parts: &SignParts, date: &str) -> String {
    let mut resource =
        if parts.bucket.is_empty() { "/".to_owned() } else { format!("/{}/{}", parts.bucket, parts.key) };
    let mut sub: Vec<&(&str, &str)> = parts.query.iter().filter(|(k, _)| SUBRESOURCES.contains(k)).collect();
    sub.sort();
    for (i, (k, v)) in sub.iter().enumerate() {
        resource.push(if i == 0 { '?' } else { '&' });
        resource.push_str(k);
        if !v.is_empty() {
            resource.push('=');
            resource.push_str(v);
        }
    }
    format!(
        "{}\n{}\n{}\n{}\n{}{}",
        parts.method,
        parts.content_md5,
        parts.content_type,
        date,
        oss_header_lines(parts.oss_headers),
        resource
    )
}

/// `OSS <AccessKeyId>:<base64(HMAC-SHA1(secret, StringToSign))>`.
pub fn v1_authorization(access_key_id: &str, secret: &str, string_to_sign: &str) -> String {
    let sig = crate::api::sign::hmac_sha1_base64(secret.as_bytes(), string_to_sign.as_bytes());
    format!("OSS {access_key_id}:{sig}")
}

/// RFC 3986 encoding (`*` as `%2A`); `/` kept when `keep_slash`.
fn uri_encode(s: &str, keep_slash: bool) -> String {
    let mut out = String::new();
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') || (keep_slash && b == b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn hmac256(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// V4 canonical request. `oss_headers` must already hold `x-oss-date` and
/// `x-oss-content-sha256: UNSIGNED-PAYLOAD` (and the security token when there is one).
pub fn v4_canonical_request(parts: &SignParts) -> String {
    let uri = if parts.bucket.is_empty() {
        "/".to_owned()
    } else {
        uri_encode(&format!("/{}/{}", parts.bucket, parts.key), true)
    };
    let mut q: Vec<(String, String)> =
        parts.query.iter().map(|(k, v)| (uri_encode(k, false), uri_encode(v, false))).collect();
    q.sort();
    let query =
        q.iter().map(|(k, v)| if v.is_empty() { k.clone() } else { format!("{k}={v}") }).collect::<Vec<_>>().join("&");
    let mut headers: Vec<(&str, &str)> = parts.oss_headers.to_vec();
    if !parts.content_type.is_empty() {
        headers.push(("content-type", parts.content_type));
    }
    if !parts.content_md5.is_empty() {
        headers.push(("content-md5", parts.content_md5));
    }
    let mut h: Vec<(String, &str)> = headers.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.trim())).collect();
    h.sort();
    let canonical_headers: String = h.iter().map(|(k, v)| format!("{k}:{v}\n")).collect();
    format!("{}\n{uri}\n{query}\n{canonical_headers}\n\nUNSIGNED-PAYLOAD", parts.method)
}

/// `OSS4-HMAC-SHA256 Credential=AK/date/region/oss/aliyun_v4_request, Signature=hex`.
/// `x_oss_date` is `YYYYMMDDTHHMMSSZ`.
pub fn v4_authorization(
    access_key_id: &str,
    secret: &str,
    region: &str,
    x_oss_date: &str,
    parts: &SignParts,
) -> String {
    let day = x_oss_date.get(..8).unwrap_or(x_oss_date);
    let scope = format!("{day}/{region}/oss/aliyun_v4_request");
    let canonical = v4_canonical_request(parts);
    let to_sign = format!("OSS4-HMAC-SHA256\n{x_oss_date}\n{scope}\n{}", hex(&Sha256::digest(canonical.as_bytes())));
    let mut key = hmac256(format!("aliyun_v4{secret}").as_bytes(), day.as_bytes());
    for p in [region, "oss", "aliyun_v4_request"] {
        key = hmac256(&key, p.as_bytes());
    }
    let sig = hex(&hmac256(&key, to_sign.as_bytes()));
    format!("OSS4-HMAC-SHA256 Credential={access_key_id}/{scope}, Signature={sig}")
}

/// RFC 1123 date for the `Date` header: `Tue, 21 Jul 2020 07:49:17 GMT`.
pub fn http_date(t: time::OffsetDateTime) -> String {
    let f = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    t.to_offset(time::UtcOffset::UTC).format(&f).unwrap_or_default()
}

/// Base64 of the MD5 digest, for `Content-MD5`.
pub fn content_md5(digest: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(digest)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AK: &str = "STS.NUofWJy7iqCzutjybAQgFLPCC";
    const SK: &str = "EW23MrGEWKaioiqGheRhX15e2P3YWvyLKX5QGryir9g9";
    const TOKEN: &str = "CAIS0wN1q6Ft5B2yfSjIr5bjEeLvpKsV0qWCRk3Zp0kAT8lZ3r3hsjz2IHhMeHJsB+4Xs/8xmWFS7f0Slq1vRoRZHQ==";
    const BUCKET: &str = "outin-0123456789abcdef0123456789abcdef";
    const KEY: &str = "sv/3d6c4e21-1737a3b4c5d/3d6c4e21-1737a3b4c5d.mp4";
    const DATE: &str = "Tue, 21 Jul 2020 07:49:17 GMT";
    const UPLOAD_ID: &str = "0004B9894A22E5B1888A1E29F823****";

    fn sts(method: &'static str, content_type: &'static str, query: &'static [(&'static str, &'static str)]) -> String {
        let headers = [("x-oss-security-token", TOKEN)];
        let parts = SignParts {
            method,
            bucket: BUCKET,
            key: KEY,
            query,
            content_type,
            oss_headers: &headers,
            ..Default::default()
        };
        let s = v1_string_to_sign(&parts, DATE);
        v1_authorization(AK, SK, &s)
    }

    #[test]
    fn v1_sts_put_object_matches_oss2() {
        let headers = [("x-oss-security-token", TOKEN)];
        let parts = SignParts {
            method: "PUT",
            bucket: BUCKET,
            key: KEY,
            content_type: "video/mp4",
            oss_headers: &headers,
            ..Default::default()
        };
        let s = v1_string_to_sign(&parts, DATE);
        assert_eq!(s, format!("PUT\n\nvideo/mp4\n{DATE}\nx-oss-security-token:{TOKEN}\n/{BUCKET}/{KEY}"));
        assert_eq!(v1_authorization(AK, SK, &s), "OSS STS.NUofWJy7iqCzutjybAQgFLPCC:KQuzBLi5PcI82acT5hsOzmQBBmA=");
    }

    #[test]
    fn v1_sts_multipart_requests_match_oss2() {
        assert!(sts("POST", "video/mp4", &[("uploads", "")]).ends_with(":gp6uZmAM1hVyKwYH1eKHg509fCg="));
        assert!(
            sts("PUT", "", &[("uploadId", UPLOAD_ID), ("partNumber", "1")]).ends_with(":jwsbil4Qdhv4easMhiyFNIiEPhA=")
        );
        assert!(sts("POST", "", &[("uploadId", UPLOAD_ID)]).ends_with(":d/7bvu52KFyGJf9T2qA7x8ZwwdI="));
        // Query keys outside the sub-resource list are not signed.
        assert_eq!(
            sts("POST", "", &[("uploadId", UPLOAD_ID)]),
            sts("POST", "", &[("uploadId", UPLOAD_ID), ("max-parts", "1000")])
        );
    }

    #[test]
    fn v1_plain_keys_and_the_doc_vector() {
        let headers = [("x-oss-meta-author", "alice"), ("X-OSS-Notification", "eyJWb2QiOnt9fQ==")];
        let parts = SignParts {
            method: "PUT",
            bucket: "examplebucket",
            key: "videos/demo.mp4",
            content_md5: "eB5eJF1ptWaXm4bijSPyxw==",
            content_type: "video/mp4",
            oss_headers: &headers,
            ..Default::default()
        };
        let s = v1_string_to_sign(&parts, DATE);
        assert_eq!(
            s,
            "PUT\neB5eJF1ptWaXm4bijSPyxw==\nvideo/mp4\nTue, 21 Jul 2020 07:49:17 GMT\nx-oss-meta-author:alice\nx-oss-notification:eyJWb2QiOnt9fQ==\n/examplebucket/videos/demo.mp4"
        );
        assert_eq!(
            v1_authorization("LTAI5tExampleAccessKeyId", "ExampleAccessKeySecret0123456789", &s),
            "OSS LTAI5tExampleAccessKeyId:KaHpVuTBrQadAsDwkPxrJVR7Jzc="
        );
        let headers = [("x-oss-magic", "abracadabra"), ("x-oss-meta-author", "foo@bar.com")];
        let parts = SignParts {
            method: "PUT",
            bucket: "oss-example",
            key: "nelson",
            content_md5: "ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=",
            content_type: "text/html",
            oss_headers: &headers,
            ..Default::default()
        };
        let s = v1_string_to_sign(&parts, "Thu, 17 Nov 2005 18:49:58 GMT");
        assert_eq!(
            v1_authorization("44CF9590006BF252F707", "OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV", &s),
            "OSS 44CF9590006BF252F707:26NBxoKdsyly4EDv6inkoDft/yA="
        );
    }

    #[test]
    fn v4_upload_part_matches_the_worked_example() {
        let headers = [
            ("x-oss-content-sha256", "UNSIGNED-PAYLOAD"),
            ("x-oss-date", "20200721T074917Z"),
            ("x-oss-security-token", TOKEN),
        ];
        let query = [("partNumber", "1"), ("uploadId", UPLOAD_ID)];
        let parts = SignParts {
            method: "PUT",
            bucket: BUCKET,
            key: KEY,
            query: &query,
            oss_headers: &headers,
            ..Default::default()
        };
        assert!(
            v4_canonical_request(&parts).contains("\npartNumber=1&uploadId=0004B9894A22E5B1888A1E29F823%2A%2A%2A%2A\n")
        );
        assert_eq!(
            v4_authorization(AK, SK, "cn-shanghai", "20200721T074917Z", &parts),
            "OSS4-HMAC-SHA256 Credential=STS.NUofWJy7iqCzutjybAQgFLPCC/20200721/cn-shanghai/oss/aliyun_v4_request, Signature=703b27fce4515288398ca8fe09fcff2d08b95d5b1f09a03e462bd3624b019e5c"
        );
    }

    #[test]
    fn dates_are_rfc1123() {
        assert_eq!(http_date(time::macros::datetime!(2020-07-21 07:49:17 UTC)), DATE);
    }
}
