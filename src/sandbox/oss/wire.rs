//! The loopback OSS endpoint's wire: request heads, answers, and the V1 signature and body
//! checks, written independently of the client's.

use super::*;

pub(super) type Refusal = (u16, &'static str, String);

pub(super) struct Head {
    pub(super) method: String,
    pub(super) bucket: String,
    pub(super) key: String,
    pub(super) query: Vec<(String, String)>,
    pub(super) headers: HashMap<String, String>,
    pub(super) length: u64,
}

pub(super) fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(std::str::from_utf8(&b[i + 1..(i + 3).min(b.len())]).unwrap_or("zz"), 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub(super) fn read_head(r: &mut BufReader<&TcpStream>) -> std::io::Result<Head> {
    let mut line = String::new();
    r.read_line(&mut line)?;
    let mut it = line.split_whitespace();
    let method = it.next().unwrap_or("").to_owned();
    let target = it.next().unwrap_or("/").to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if r.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
        }
    }
    let (path, q) = target.split_once('?').unwrap_or((&target, ""));
    let path = decode(path);
    let rest = path.trim_start_matches('/');
    let (bucket, key) = rest.split_once('/').unwrap_or((rest, ""));
    let query = q
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect();
    let length = headers.get("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    Ok(Head { method, bucket: bucket.to_owned(), key: key.to_owned(), query, headers, length })
}

pub(super) fn respond(mut conn: &TcpStream, status: u16, body: &str, extra: &[(&str, String)]) {
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nConnection: close\r\nx-oss-request-id: 5F16A4LOOP{status}\r\n",
        body.len()
    );
    for (k, v) in extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = conn.write_all(head.as_bytes());
    let _ = conn.write_all(body.as_bytes());
    let _ = conn.flush();
}

pub(super) fn error_xml(code: &str, message: &str, extra: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>{code}</Code>\n  <Message>{message}</Message>\n  <RequestId>5F16A4LOOPBACK</RequestId>\n  <HostId>{BUCKET}.oss-loopback</HostId>{extra}\n  <EC>0002-00000000</EC>\n</Error>"
    )
}

pub(super) fn parse_date(s: &str) -> Option<i64> {
    let f = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    time::PrimitiveDateTime::parse(s, &f).ok().map(|t| t.assume_utc().unix_timestamp())
}

/// The V1 StringToSign of the request as received, built independently of the client.
pub(super) fn string_to_sign(h: &Head) -> String {
    let get = |k: &str| h.headers.get(k).cloned().unwrap_or_default();
    let mut oss: Vec<(String, String)> =
        h.headers.iter().filter(|(k, _)| k.starts_with("x-oss-")).map(|(k, v)| (k.clone(), v.clone())).collect();
    oss.sort();
    let mut s = format!("{}\n{}\n{}\n{}\n", h.method, get("content-md5"), get("content-type"), get("date"));
    for (k, v) in oss {
        s += &format!("{k}:{v}\n");
    }
    s += &format!("/{}/{}", h.bucket, h.key);
    let mut sub: Vec<&(String, String)> =
        h.query.iter().filter(|(k, _)| ["uploads", "uploadId", "partNumber"].contains(&k.as_str())).collect();
    sub.sort();
    for (i, (k, v)) in sub.iter().enumerate() {
        s.push(if i == 0 { '?' } else { '&' });
        s.push_str(k);
        if !v.is_empty() {
            s.push('=');
            s.push_str(v);
        }
    }
    s
}

pub(super) fn check_auth(h: &Head, st: &State) -> Result<(), Refusal> {
    let auth = h.headers.get("authorization").cloned().unwrap_or_default();
    let Some((ak, sig)) = auth.strip_prefix("OSS ").and_then(|a| a.split_once(':')) else {
        return Err((403, "AccessDenied", "Authorization header is missing or not OSS V1.".into()));
    };
    let Some(tok) = st.oss.tokens.get(ak) else {
        return Err((
            403,
            "InvalidAccessKeyId",
            "The OSS Access Key Id you provided does not exist in our records.".into(),
        ));
    };
    if h.headers.get("x-oss-security-token") != Some(&tok.token) {
        return Err((403, "InvalidSecurityToken", "The security token you provided is invalid.".into()));
    }
    if tok.expired {
        return Err((403, "SecurityTokenExpired", "The security token you provided has expired.".into()));
    }
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    match h.headers.get("date").and_then(|d| parse_date(d)) {
        Some(t) if (t - now).abs() <= 15 * 60 => {}
        Some(_) => {
            return Err((
                403,
                "RequestTimeTooSkewed",
                "The difference between the request time and the current time is too large.".into(),
            ));
        }
        None => return Err((403, "AccessDenied", "Missing or malformed Date header.".into())),
    }
    let to_sign = string_to_sign(h);
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(tok.secret.as_bytes()).unwrap();
    mac.update(to_sign.as_bytes());
    let expected = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    if expected != sig {
        return Err((
            403,
            "SignatureDoesNotMatch",
            format!(
                "The request signature we calculated does not match the signature you provided.</Message><StringToSign>{to_sign}</StringToSign><Message>"
            ),
        ));
    }
    let upload = st.oss.uploads.get(&tok.media_id);
    if h.bucket != BUCKET || upload.is_none_or(|u| u.key != h.key) {
        return Err((403, "AccessDenied", "The credentials were not issued for this object.".into()));
    }
    Ok(())
}

/// Streams the body to a file (or nowhere), returning its MD5 and size.
pub(super) fn take_body(
    r: &mut BufReader<&TcpStream>,
    len: u64,
    file: Option<&PathBuf>,
) -> std::io::Result<([u8; 16], u64)> {
    take_body_hashed(r, len, file, true)
}

/// As `take_body`; without `hash` the MD5 is all zeros (benchmarks: the server's hashing
/// would compete with the client for the same CPU, which a real OSS does not).
pub(super) fn take_body_hashed(
    r: &mut BufReader<&TcpStream>,
    len: u64,
    file: Option<&PathBuf>,
    hash: bool,
) -> std::io::Result<([u8; 16], u64)> {
    let mut out = match file {
        Some(p) => Some(std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(p)?)),
        None => None,
    };
    let mut h = md5::Md5::new();
    let mut left = len;
    let mut buf = vec![0u8; 256 * 1024];
    while left > 0 {
        let want = left.min(buf.len() as u64) as usize;
        let n = r.read(&mut buf[..want])?;
        if n == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "body cut short"));
        }
        if hash {
            h.update(&buf[..n]);
        }
        if let Some(o) = out.as_mut() {
            o.write_all(&buf[..n])?;
        }
        left -= n as u64;
    }
    if let Some(mut o) = out {
        o.flush()?;
    }
    Ok((h.finalize().into(), len))
}

pub(super) fn op_of(h: &Head) -> &'static str {
    let has = |k: &str| h.query.iter().any(|(q, _)| q == k);
    match h.method.as_str() {
        "PUT" if has("partNumber") && has("uploadId") => "UploadPart",
        "PUT" => "PutObject",
        "POST" if has("uploads") => "InitiateMultipartUpload",
        "POST" if has("uploadId") => "CompleteMultipartUpload",
        "GET" if has("uploadId") => "ListParts",
        "DELETE" if has("uploadId") => "AbortMultipartUpload",
        _ => "Unsupported",
    }
}
