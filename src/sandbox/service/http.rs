//! The loopback server's HTTP side: reading a request, answering, and the form and
//! percent-encodings, written independently of the client's.

use super::*;

pub(crate) struct Request {
    pub(crate) method: String,
    pub(crate) path: String,
    pub(crate) query: String,
    pub(crate) body: String,
    pub(crate) content_type: String,
    /// Lower-cased names; a name given twice keeps its values joined by commas.
    pub(crate) headers: BTreeMap<String, String>,
    pub(crate) range: Option<String>,
}

pub(crate) fn read_request(conn: &TcpStream) -> std::io::Result<Request> {
    let mut r = BufReader::new(conn);
    let mut line = String::new();
    r.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_owned();
    let target = parts.next().unwrap_or("/").to_owned();
    let mut length = 0usize;
    let mut content_type = String::new();
    let mut headers: BTreeMap<String, String> = BTreeMap::new();
    let mut range = None;
    loop {
        let mut h = String::new();
        if r.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers
                .entry(k.trim().to_ascii_lowercase())
                .and_modify(|old| *old = format!("{old},{}", v.trim()))
                .or_insert_with(|| v.trim().to_owned());
            match k.trim().to_ascii_lowercase().as_str() {
                "content-length" => length = v.trim().parse().unwrap_or(0),
                "content-type" => content_type = v.trim().to_owned(),
                "range" => range = Some(v.trim().to_owned()),
                _ => {}
            }
        }
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body)?;
    let query = target.split_once('?').map(|(_, q)| q.to_owned()).unwrap_or_default();
    let path = target.split('?').next().unwrap_or("/").to_owned();
    Ok(Request { method, path, query, body: String::from_utf8_lossy(&body).into_owned(), content_type, headers, range })
}

pub(crate) fn respond(mut conn: &TcpStream, status: u16, body: &str, extra_headers: &[(&str, String)]) {
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in extra_headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = conn.write_all(head.as_bytes());
    let _ = conn.write_all(body.as_bytes());
    let _ = conn.flush();
}

/// Percent-decoding of `application/x-www-form-urlencoded` text.
pub(crate) fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let hex = (b == b'%' && i + 2 < bytes.len())
            .then(|| std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()))
            .flatten();
        match (b, hex) {
            (_, Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (other, None) => {
                out.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub(crate) fn pairs(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// The signature's percent-encoding, written independently of the client's: a character is
/// kept when it is an RFC 3986 unreserved character, else each UTF-8 byte becomes %XX.
pub(crate) fn pct(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() || "-_.~".contains(ch) {
            out.push(ch);
        } else {
            let mut buf = [0u8; 4];
            for b in ch.encode_utf8(&mut buf).bytes() {
                out += &format!("%{b:02X}");
            }
        }
    }
    out
}

pub(crate) fn error_body(code: &str, message: &str, request_id: &str) -> String {
    json!({"RequestId": request_id, "HostId": "vod.loopback", "Code": code, "Message": message,
           "Recommend": format!("https://api.aliyun.com/troubleshoot?q={code}")})
    .to_string()
}
