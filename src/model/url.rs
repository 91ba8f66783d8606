//! URLs as vodcut may show or keep them. A service's URLs can be signed (VOD's URL
//! authentication puts `auth_key` in the query, OSS `Signature`, `Expires`, `x-oss-signature`
//! and `security-token`): whoever holds one reads the file until it expires. So a URL that
//! reaches the terminal or a file has no query, no fragment and no user information; `?…`
//! says a query was left out. Signed URLs are used whole only in memory, to fetch.

/// `url` without what may sign it (see the module's note).
pub fn unsigned(url: &str) -> String {
    let cut = url.find(['?', '#']).unwrap_or(url.len());
    let (base, rest) = url.split_at(cut);
    // scheme://user:password@host/...: the user information goes too.
    let base = match base.split_once("://") {
        Some((scheme, after)) => {
            let host_end = after.find('/').unwrap_or(after.len());
            let host = &after[..host_end];
            let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
            format!("{scheme}://{host}{}", &after[host_end..])
        }
        None => base.to_owned(),
    };
    if rest.starts_with('?') && rest.len() > 1 { format!("{base}?…") } else { base }
}

#[cfg(test)]
mod tests {
    use super::unsigned;

    #[test]
    fn signatures_tokens_and_passwords_are_left_out() {
        assert_eq!(
            unsigned("https://outin-1.oss-cn-shanghai.aliyuncs.com/c.jpg?auth_key=1700000000-0-0-abcdef"),
            "https://outin-1.oss-cn-shanghai.aliyuncs.com/c.jpg?…"
        );
        assert_eq!(
            unsigned(
                "https://b.oss.aliyuncs.com/k.png?OSSAccessKeyId=LTAI&Expires=1&Signature=x%2B&security-token=t#f"
            ),
            "https://b.oss.aliyuncs.com/k.png?…"
        );
        assert_eq!(unsigned("http://user:pw@127.0.0.1:80/a.png"), "http://127.0.0.1:80/a.png");
        assert_eq!(unsigned("https://cdn.example.com/plain.jpg"), "https://cdn.example.com/plain.jpg");
        assert_eq!(unsigned("https://cdn.example.com/x.jpg?"), "https://cdn.example.com/x.jpg");
        assert_eq!(unsigned(""), "");
    }
}
