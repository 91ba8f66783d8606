//! What every HTTP exchange of vodcut shares: which redirects are followed, bodies read as
//! they stream and never past a cap, and the check of URLs a service hands out before
//! anything (reqwest, ffmpeg) follows them.
//!
//! Redirects: API and OSS calls carry credentials (a signature, an STS token, the file) and
//! the services never redirect them, so they follow none: a 3xx is an error naming its
//! status. Downloads of signed media, covers and pictures carry no credentials of ours (the
//! signature is in the URL the service gave) and may follow a few redirects to http(s) only.

use std::time::Duration;

/// The most an API answer may hold, unless its call says otherwise ([`api_body_cap`]).
pub const API_BODY_CAP: usize = 4 << 20;
/// GetEditingProject carries a whole Timeline: as large as any vodcut sends.
pub const PROJECT_BODY_CAP: usize = 64 << 20;
/// The most a picture (cover, snapshot, image overlay, thumbnail) may be.
pub const PICTURE_CAP: usize = 64 << 20;
/// The longest URL taken from a service (signed CDN URLs are a few hundred bytes; a
/// program's argument cannot exceed 128 KiB on Linux).
pub const MAX_URL_BYTES: usize = 32 << 10;
/// Redirects a download may follow.
pub const MAX_DOWNLOAD_REDIRECTS: usize = 5;

/// The body cap of an API call's answer.
pub fn api_body_cap(action: &str) -> usize {
    match action {
        "GetEditingProject" => PROJECT_BODY_CAP,
        _ => API_BODY_CAP,
    }
}

/// Why a body could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyError {
    /// Longer than the cap (said by Content-Length, or found while reading).
    TooLarge { cap: usize },
    /// The connection failed or was cut off mid-body.
    Cut(String),
}

impl std::fmt::Display for BodyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BodyError::TooLarge { cap } => {
                f.write_str(&crate::t!("core-body-too-large", cap = crate::i18n::format::size(*cap as u64)))
            }
            BodyError::Cut(e) => f.write_str(e),
        }
    }
}

/// The body of `resp`, read piece by piece and refused as soon as it would pass `cap` bytes
/// (at once when its Content-Length says so), so a huge or endless answer never fills
/// memory. Time is the caller's to bound (its request timeout, its deadline).
pub async fn read_capped(mut resp: reqwest::Response, cap: usize) -> Result<Vec<u8>, BodyError> {
    if resp.content_length().is_some_and(|n| n > cap as u64) {
        return Err(BodyError::TooLarge { cap });
    }
    let mut body = Vec::with_capacity(resp.content_length().map_or(0, |n| n as usize));
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > cap {
                    return Err(BodyError::TooLarge { cap });
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(e) => return Err(BodyError::Cut(error_chain(&e.without_url()))),
        }
    }
}

/// The redirect rule of downloads: at most [`MAX_DOWNLOAD_REDIRECTS`], each to an http(s)
/// URL. (reqwest adds no credentials on the way: we give it none for these.)
pub fn download_redirects() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        if attempt.previous().len() > MAX_DOWNLOAD_REDIRECTS {
            attempt.error(crate::t!("core-too-many-redirects", n = MAX_DOWNLOAD_REDIRECTS))
        } else if !matches!(attempt.url().scheme(), "http" | "https") {
            let scheme = attempt.url().scheme().to_owned();
            attempt.error(crate::t!("core-redirect-scheme", scheme = scheme))
        } else {
            attempt.follow()
        }
    })
}

/// The HTTP client for downloads of signed URLs (media, covers, pictures): its connection
/// timeout, a whole-request `timeout` (which bounds a slow body too) and [`download_redirects`].
pub fn download_client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .timeout(timeout)
        .redirect(download_redirects())
        .user_agent(concat!("vodcut/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap_or_default()
}

/// Why a download failed: the HTTP status when there was one (0 otherwise), and the reason.
pub type DownloadError = (u16, String);

/// GETs `url` (checked with [`check_service_url`]) with `http`, at most `cap` bytes, and only
/// a 200 answer.
pub async fn download(http: &reqwest::Client, what: &str, url: &str, cap: usize) -> Result<Vec<u8>, DownloadError> {
    check_service_url(what, url).map_err(|e| (0, e))?;
    let failed = |e: String| (0, crate::t!("media-download-failed", error = e));
    let resp = http.get(url).send().await.map_err(|e| failed(error_chain(&e.without_url())))?;
    let status = resp.status().as_u16();
    if status != 200 {
        return Err((status, crate::t!("media-http-status", status = status)));
    }
    read_capped(resp, cap).await.map_err(|e| match e {
        BodyError::TooLarge { .. } => {
            (0, crate::t!("media-picture-too-large", cap = crate::i18n::format::size(cap as u64)))
        }
        BodyError::Cut(e) => failed(e),
    })
}

/// Checks a URL a service gave (`what` names it: "the PlayURL of …"): it must be http or
/// https with a host, and not longer than [`MAX_URL_BYTES`]. Anything else (`file:`, a bare
/// path, `concat:`, `subfile:`, `gopher://`, `data:`…) would make ffmpeg or the downloader
/// read local files or reach local services, so it is refused, saying which scheme came.
pub fn check_service_url(what: &str, url: &str) -> Result<(), String> {
    if url.len() > MAX_URL_BYTES {
        return Err(crate::t!(
            "core-url-too-long",
            what = what,
            size = crate::i18n::format::size(url.len() as u64),
            max = crate::i18n::format::size(MAX_URL_BYTES as u64)
        ));
    }
    let refused = |scheme: &str| crate::t!("core-url-not-http", what = what, scheme = scheme);
    // No leading or trailing spaces and no control characters: ffmpeg and reqwest would read
    // such a URL differently.
    if url.trim() != url || url.chars().any(char::is_control) {
        return Err(refused("?"));
    }
    match reqwest::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty()) => {
            // The text ffmpeg gets must name the protocol as ffmpeg spells it (lower case).
            if url.starts_with("http://") || url.starts_with("https://") { Ok(()) } else { Err(refused("?")) }
        }
        Ok(u) => Err(refused(u.scheme())),
        Err(_) => {
            // A bare path or something unparsable: name what it starts with, briefly.
            let scheme: String = url.split(':').next().unwrap_or("").chars().take(16).collect();
            Err(refused(if url.contains(':') && !scheme.contains('/') { &scheme } else { "?" }))
        }
    }
}

/// An error and its sources, each once.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(inner) = cur {
        let text = inner.to_string();
        if !s.contains(&text) {
            s.push_str(": ");
            s.push_str(&text);
        }
        cur = inner.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_with_a_host_are_taken() {
        let ok = ["https://cdn.example.com/v.mp4?auth_key=1-0-0-abc", "http://127.0.0.1:8080/a.mp4"];
        for u in ok {
            assert_eq!(check_service_url("the PlayURL", u), Ok(()), "{u}");
        }
        let refused = [
            ("file:///etc/passwd", "file"),
            ("/home/me/secret.mp4", "?"),
            ("concat:/a.mp4|/b.mp4", "concat"),
            ("subfile:,,start,0,end,0,:/etc/passwd", "subfile"),
            ("gopher://127.0.0.1:25/_HELO", "gopher"),
            ("data:video/mp4;base64,AAAA", "data"),
            ("ftp://example.com/a.mp4", "ftp"),
            ("HTTPS://CDN/A.MP4", "?"),
            (" https://cdn/a.mp4", "?"),
            ("https://cdn/a.mp4\n-i file:/etc/passwd", "?"),
        ];
        for (u, scheme) in refused {
            let e = check_service_url("the PlayURL", u).unwrap_err();
            assert!(e.contains("the PlayURL") && e.contains("http"), "{u}: {e}");
            if scheme != "?" {
                assert!(e.contains(&format!("{scheme}:")), "{u}: {e}");
            }
        }
        let long = format!("https://cdn.example.com/{}", "a".repeat(200_000));
        let e = check_service_url("the PlayURL", &long).unwrap_err();
        assert!(e.contains("195 KB") || e.contains("KB"), "{e}");
        assert!(e.len() < 300, "the URL is not quoted: {e}");
    }

    #[test]
    fn api_answers_have_their_caps() {
        assert_eq!(api_body_cap("SearchMedia"), API_BODY_CAP);
        assert_eq!(api_body_cap("GetEditingProject"), PROJECT_BODY_CAP);
    }
}
