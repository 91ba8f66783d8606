//! Alibaba Cloud RPC signature, version 1.0 (HMAC-SHA1).
//!
//! percent-encode UTF-8 keeping only `A-Za-z0-9-_.~`; sort parameters by name (byte order);
//! `METHOD&%2F&percent_encode(canonical query)`; HMAC-SHA1 with key `secret + "&"`; base64.
//! Every parameter sent, in the query or the form body, is signed; `Signature` never is.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha1::Sha1;

/// RFC 3986 percent-encoding as the signature defines it: space is `%20`, `*` is `%2A`,
/// `~` stays, hex digits are uppercase.
pub fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xF)] as char);
        }
    }
    out
}

/// `k=v&k=v` over every parameter, sorted by name (then value, for a stable order should a
/// name repeat).
pub fn canonical_query(params: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()).then_with(|| a.1.cmp(&b.1)));
    let mut out = String::new();
    for (i, (k, v)) in sorted.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&percent_encode(k));
        out.push('=');
        out.push_str(&percent_encode(v));
    }
    out
}

pub fn string_to_sign(method: &str, canonical_query: &str) -> String {
    format!("{method}&{}&{}", percent_encode("/"), percent_encode(canonical_query))
}

/// base64(HMAC-SHA1(secret + "&", string_to_sign)).
pub fn signature(secret: &str, string_to_sign: &str) -> String {
    hmac_sha1_base64(format!("{secret}&").as_bytes(), string_to_sign.as_bytes())
}

pub fn hmac_sha1_base64(key: &[u8], data: &[u8]) -> String {
    // HMAC accepts keys of any length.
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data);
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Signs `params` for `method`: the signature over exactly these parameters.
pub fn sign(method: &str, secret: &str, params: &[(String, String)]) -> String {
    signature(secret, &string_to_sign(method, &canonical_query(params)))
}

/// `k=v&...` in the given order, percent-encoded (for the URL query or a form body).
pub fn encode_pairs(params: &[(String, String)]) -> String {
    params.iter().map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v))).collect::<Vec<_>>().join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn pairs(v: &Value) -> Vec<(String, String)> {
        v.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned())).collect()
    }

    /// Every vector made with the official SDK, byte for byte.
    #[test]
    fn official_sdk_vectors() {
        let text = include_str!("../../tests/data/signature-vectors.json");
        let doc: Value = serde_json::from_str(text).unwrap();
        let vectors = doc["vectors"].as_array().unwrap();
        assert!(vectors.len() >= 5);
        for v in vectors {
            let name = v["name"].as_str().unwrap();
            let method = v["method"].as_str().unwrap();
            let params = pairs(&v["params"]);
            let canonical = canonical_query(&params);
            assert_eq!(canonical, v["canonicalized_query_string"].as_str().unwrap(), "{name}: canonical query");
            let sts = string_to_sign(method, &canonical);
            assert_eq!(sts, v["string_to_sign"].as_str().unwrap(), "{name}: string to sign");
            let sig = signature(v["secret"].as_str().unwrap(), &sts);
            assert_eq!(sig, v["signature"].as_str().unwrap(), "{name}: signature");
            // On the wire the signature's + / = are escaped.
            let wire_query = v["wire"]["query"].as_str().unwrap();
            assert!(wire_query.ends_with(&format!("Signature={}", percent_encode(&sig))), "{name}: wire signature");
        }
    }

    fn p(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    /// api.md 6.4 A: the VOD signature doc (GetVideoPlayAuth).
    #[test]
    fn vod_doc_example() {
        let params = p(&[
            ("AccessKeyId", "testAccessKeyId"),
            ("Action", "GetVideoPlayAuth"),
            ("Format", "JSON"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureNonce", "8f8a035d-6496-4268-afd4-67c22837e38d"),
            ("SignatureVersion", "1.0"),
            ("Timestamp", "2017-10-10T12:02:54Z"),
            ("Version", "2017-03-21"),
            ("VideoId", "5aed81b74ba84920be578cdfe004af4b"),
        ]);
        let sts = string_to_sign("GET", &canonical_query(&params));
        assert_eq!(
            sts,
            "GET&%2F&AccessKeyId%3DtestAccessKeyId%26Action%3DGetVideoPlayAuth%26Format%3DJSON%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D8f8a035d-6496-4268-afd4-67c22837e38d%26SignatureVersion%3D1.0%26Timestamp%3D2017-10-10T12%253A02%253A54Z%26Version%3D2017-03-21%26VideoId%3D5aed81b74ba84920be578cdfe004af4b"
        );
        assert_eq!(signature("testAccessKeySecret", &sts), "Ibgh7y8Vp47LBuAsf5Xhi1SvDss=");
        assert_eq!(percent_encode("Ibgh7y8Vp47LBuAsf5Xhi1SvDss="), "Ibgh7y8Vp47LBuAsf5Xhi1SvDss%3D");
    }

    /// api.md 6.4 C: UTF-8 and JSON values (SMS doc).
    #[test]
    fn sms_doc_example_with_utf8() {
        let params = p(&[
            ("AccessKeyId", "testId"),
            ("Action", "SendSms"),
            ("Format", "XML"),
            ("OutId", "123"),
            ("PhoneNumbers", "15300000001"),
            ("RegionId", "cn-hangzhou"),
            ("SignName", "阿里云短信测试专用"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
            ("SignatureVersion", "1.0"),
            ("TemplateCode", "SMS_71390007"),
            ("TemplateParam", "{\"customer\":\"test\"}"),
            ("Timestamp", "2017-07-12T02:42:19Z"),
            ("Version", "2017-05-25"),
        ]);
        assert_eq!(sign("GET", "testSecret", &params), "zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    }

    /// api.md 6.4 D: the Go SDK's test, with empty values and an STS token.
    #[test]
    fn go_sdk_example_with_empty_values_and_sts() {
        let mut params = p(&[
            ("AccessKeyId", "accessKeyId"),
            ("Action", ""),
            ("Format", "JSON"),
            ("RegionId", "regionId"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureNonce", "MOCK_UUID"),
            ("SignatureType", ""),
            ("SignatureVersion", "1.0"),
            ("Timestamp", "mock date"),
            ("Version", ""),
        ]);
        assert_eq!(
            string_to_sign("GET", &canonical_query(&params)),
            "GET&%2F&AccessKeyId%3DaccessKeyId%26Action%3D%26Format%3DJSON%26RegionId%3DregionId%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3DMOCK_UUID%26SignatureType%3D%26SignatureVersion%3D1.0%26Timestamp%3Dmock%2520date%26Version%3D"
        );
        assert_eq!(sign("GET", "accessKeySecret", &params), "7loPmFjvDnzOVnQeQNj85S6nFGY=");
        params.push(("SecurityToken".into(), "accessKeyStsToken".into()));
        assert_eq!(sign("GET", "accessKeySecret", &params), "5Nxdcler+ihqWqv0Hr2On4PsBf4=");
        assert_eq!(string_to_sign("GET", &canonical_query(&[])), "GET&%2F&");
        let q = p(&[("key", "value"), ("q", "http://domain/?q=value&q2=value2")]);
        assert_eq!(
            string_to_sign("GET", &canonical_query(&q)),
            "GET&%2F&key%3Dvalue%26q%3Dhttp%253A%252F%252Fdomain%252F%253Fq%253Dvalue%2526q2%253Dvalue2"
        );
    }

    /// api.md 6.4 E and F: the raw HMAC helper and the Tea helpers.
    #[test]
    fn raw_hmac_and_tea_examples() {
        assert_eq!(hmac_sha1_base64(b"secret", b"source"), "Jv4yi8SobFhg5t1C7nWLbhBSFZQ=");
        assert_eq!(hmac_sha1_base64(b"secret", "中文unicode".as_bytes()), "szlfHs3WVaO/HgY3Cg7/uyXDaRw=");
        let params = p(&[("query", "test"), ("body", "test")]);
        assert_eq!(string_to_sign("GET", &canonical_query(&params)), "GET&%2F&body%3Dtest%26query%3Dtest");
        assert_eq!(sign("GET", "secret", &params), "XlUyV4sXjOuX5FnjUz9IF9tm5rU=");
        assert_eq!(sign("", "accessKeySecret", &p(&[("test", "ok")])), "jHx/oHoHNrbVfhncHEvPdHXZwHU=");
    }

    /// api.md 6.4 G: POST with JSON and `*~ +` in a title (self-computed, matches A-F).
    #[test]
    fn vod_post_example_with_special_characters() {
        let params = p(&[
            ("AccessKeyId", "testid"),
            ("Action", "ProduceEditingProjectVideo"),
            ("Format", "JSON"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
            ("SignatureVersion", "1.0"),
            ("Timestamp", "2024-01-01T00:00:00Z"),
            ("Version", "2017-03-21"),
            ("Timeline", r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"abc","In":1.5,"Out":4}]}]}"#),
            ("Title", "Test *~ 视频+1"),
        ]);
        assert!(canonical_query(&params).contains("Title=Test%20%2A~%20%E8%A7%86%E9%A2%91%2B1"));
        assert_eq!(sign("GET", "testsecret", &params), "DRIfyJ41E+COenAxyyQyQPxi+5A=");
        assert_eq!(sign("POST", "testsecret", &params), "IgGBa08PEQv4+XpV62bEncc3Ngo=");
    }

    #[test]
    fn names_sort_by_bytes_not_by_pair_text() {
        // "Key" < "Key.1" by name; sorting "Key.1=..." against "Key=..." as text would differ.
        let q = canonical_query(&p(&[("Key.1", "a"), ("Key", "b")]));
        assert_eq!(q, "Key=b&Key.1=a");
    }
}
