//! The loopback server's request authentication, checked as the real service does: the RPC
//! (V1) signature with its nonce and clock window, and the ACS3-HMAC-SHA256 (V3) header
//! signature.

use super::*;

fn expected_signature(method: &str, secret: &str, params: &BTreeMap<String, String>) -> (String, String) {
    let canonical: Vec<String> = params
        .iter()
        .filter(|(k, _)| k.as_str() != "Signature")
        .map(|(k, v)| format!("{}={}", pct(k), pct(v)))
        .collect();
    let to_sign = format!("{method}&{}&{}", pct("/"), pct(&canonical.join("&")));
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(format!("{secret}&").as_bytes()).unwrap();
    mac.update(to_sign.as_bytes());
    (base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()), to_sign)
}

fn parse_timestamp(s: &str) -> Option<i64> {
    let f = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    time::PrimitiveDateTime::parse(s, &f).ok().map(|t| t.assume_utc().unix_timestamp())
}

pub(super) fn check(
    method: &str,
    p: &BTreeMap<String, String>,
    state: &Mutex<State>,
    _request_id: &str,
) -> Result<(), Refusal> {
    for required in [
        "Action",
        "Version",
        "AccessKeyId",
        "SignatureMethod",
        "SignatureVersion",
        "SignatureNonce",
        "Timestamp",
        "Signature",
    ] {
        if p.get(required).is_none_or(|v| v.is_empty()) {
            return Err((
                400,
                "MissingParameter",
                format!(
                    "The input parameter \"{required}\" that is mandatory for processing this request is not supplied."
                ),
            ));
        }
    }
    if method != "POST" && method != "GET" {
        return Err((400, "UnsupportedHTTPMethod", format!("{method} is not supported")));
    }
    if p["Version"] != "2017-03-21" {
        return Err((400, "InvalidVersion", "Specified parameter Version is not valid.".into()));
    }
    if p["SignatureMethod"] != "HMAC-SHA1" || p["SignatureVersion"] != "1.0" {
        return Err((400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.".into()));
    }
    let mut st = state.lock().unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp() + st.clock_skew_secs;
    match parse_timestamp(&p["Timestamp"]) {
        Some(t) if (t - now).abs() <= 15 * 60 => {}
        Some(_) => {
            return Err((
                400,
                "InvalidTimeStamp.Expired",
                format!("Specified time stamp or date value is expired. Timestamp {}", p["Timestamp"]),
            ));
        }
        None => {
            return Err((
                400,
                "InvalidTimeStamp.Format",
                "Specified time stamp or date value is not well formatted.".into(),
            ));
        }
    }
    let Some((secret, token)) = st.keys.get(&p["AccessKeyId"]).cloned() else {
        return Err((404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.".into()));
    };
    if let Some(token) = token
        && p.get("SecurityToken") != Some(&token)
    {
        return Err((
            400,
            "InvalidSecurityToken.MismatchWithAccessKey",
            "The security token does not match the access key.".into(),
        ));
    }
    let (expected, to_sign) = expected_signature(method, &secret, p);
    if expected != p["Signature"] {
        return Err((
            400,
            "SignatureDoesNotMatch",
            format!("Specified signature is not matched with our calculation. server string to sign is:{to_sign}"),
        ));
    }
    if !st.nonces.insert(p["SignatureNonce"].clone()) {
        return Err((400, "SignatureNonceUsed", "Specified signature nonce was used already.".into()));
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(data))
}

/// The V3 checks (api.md 6.5), written from the document, not from the client: the
/// Authorization header's parts, the required `x-acs-*` headers, the payload hash, which
/// headers must be signed, the date window, the nonce, the key and token, and the signature
/// over the canonical request rebuilt from what arrived.
pub(super) fn check_v3(req: &Request, state: &Mutex<State>) -> Result<(), Refusal> {
    let incomplete = |why: &str| {
        (400u16, "IncompleteSignature", format!("The request signature does not conform to Aliyun standards. {why}"))
    };
    let auth = req.headers.get("authorization").cloned().unwrap_or_default();
    let rest = auth.strip_prefix("ACS3-HMAC-SHA256 ").ok_or_else(|| incomplete("unknown algorithm"))?;
    let mut parts: HashMap<&str, &str> = HashMap::new();
    for part in rest.split(',') {
        let (k, v) = part.trim().split_once('=').ok_or_else(|| incomplete("malformed Authorization"))?;
        parts.insert(k, v);
    }
    let (Some(&key_id), Some(&signed), Some(&signature)) =
        (parts.get("Credential"), parts.get("SignedHeaders"), parts.get("Signature"))
    else {
        return Err(incomplete("Authorization lacks Credential, SignedHeaders or Signature"));
    };
    for required in ["x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"] {
        if req.headers.get(required).is_none_or(|v| v.is_empty()) {
            return Err((400, "MissingParameter", format!("The header \"{required}\" is required.")));
        }
    }
    let h = |name: &str| req.headers.get(name).cloned().unwrap_or_default();
    if h("x-acs-version") != "2017-03-21" {
        return Err((400, "InvalidVersion", "Specified parameter Version is not valid.".into()));
    }
    if h("x-acs-content-sha256") != sha256_hex(req.body.as_bytes()) {
        return Err((
            400,
            "ContentSHA256NotMatched",
            "The x-acs-content-sha256 header does not match the body.".into(),
        ));
    }
    let signed_names: Vec<&str> = signed.split(';').collect();
    let must_sign = req.headers.keys().filter(|k| k.starts_with("x-acs-") || *k == "host" || *k == "content-type");
    for name in must_sign {
        if !signed_names.contains(&name.as_str()) {
            return Err(incomplete(&format!("header {name} must be signed")));
        }
    }
    let mut st = state.lock().unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp() + st.clock_skew_secs;
    match parse_timestamp(&h("x-acs-date")) {
        Some(t) if (t - now).abs() <= 15 * 60 => {}
        Some(_) => {
            return Err((
                400,
                "InvalidTimeStamp.Expired",
                format!("Specified time stamp or date value is expired. Date {}", h("x-acs-date")),
            ));
        }
        None => {
            return Err((
                400,
                "InvalidTimeStamp.Format",
                "Specified time stamp or date value is not well formatted.".into(),
            ));
        }
    }
    let Some((secret, token)) = st.keys.get(key_id).cloned() else {
        return Err((404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.".into()));
    };
    if let Some(token) = token
        && req.headers.get("x-acs-security-token") != Some(&token)
    {
        return Err((
            400,
            "InvalidSecurityToken.MismatchWithAccessKey",
            "The security token does not match the access key.".into(),
        ));
    }
    let mut query: Vec<(String, String)> = pairs(&req.query).into_iter().map(|(k, v)| (pct(&k), pct(&v))).collect();
    query.sort();
    let canonical_query = query.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
    let mut canonical_headers = String::new();
    for name in &signed_names {
        canonical_headers += &format!("{name}:{}\n", h(name).trim());
    }
    let canonical = format!(
        "{}\n{}\n{canonical_query}\n{canonical_headers}\n{signed}\n{}",
        req.method,
        req.path,
        h("x-acs-content-sha256")
    );
    let to_sign = format!("ACS3-HMAC-SHA256\n{}", sha256_hex(canonical.as_bytes()));
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(to_sign.as_bytes());
    if hex(&mac.finalize().into_bytes()) != signature {
        return Err((
            400,
            "SignatureDoesNotMatch",
            format!("Specified signature is not matched with our calculation. server string to sign is:{to_sign}"),
        ));
    }
    if !st.nonces.insert(h("x-acs-signature-nonce")) {
        return Err((400, "SignatureNonceUsed", "Specified signature nonce was used already.".into()));
    }
    Ok(())
}
