//! VOD regions and their endpoints (api.md 7.1), and the endpoint override.

pub use crate::model::regions::{REGIONS, Region, is_known};

/// The HTTPS endpoint of a region. cn-hangzhou is served by Shanghai (the SDK's map).
pub fn endpoint_for(region: &str) -> Result<String, String> {
    if region == "cn-hangzhou" {
        return Ok("https://vod.cn-shanghai.aliyuncs.com/".into());
    }
    if is_known(region) {
        return Ok(format!("https://vod.{region}.aliyuncs.com/"));
    }
    let list = REGIONS.iter().map(|r| r.id).collect::<Vec<_>>().join(", ");
    Err(crate::t!("core-region-unknown", region = region, list = list))
}

/// Checks an endpoint override. HTTPS anywhere; plain http only to this machine unless
/// `allow_insecure` (a private endpoint the user vouches for), so a typo cannot send signed
/// requests in clear text across a network.
pub fn check_endpoint(url: &str, allow_insecure: bool) -> Result<reqwest::Url, String> {
    let parsed = reqwest::Url::parse(url.trim())
        .map_err(|e| crate::t!("core-endpoint-not-url", url = url, error = e.to_string()))?;
    let host = parsed.host_str().unwrap_or("");
    match parsed.scheme() {
        "https" => {}
        "http" if allow_insecure || is_loopback(host) => {} // i18n-exempt: a URL scheme
        "http" => return Err(crate::t!("core-endpoint-plain-http", url = url)),
        other => return Err(crate::t!("core-endpoint-scheme", url = url, scheme = other)),
    }
    if host.is_empty() {
        return Err(crate::t!("core-endpoint-no-host", url = url));
    }
    Ok(parsed)
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The endpoint to use: an explicit override (`--endpoint`, the settings, `VODCUT_ENDPOINT`:
/// the caller picks which, from what its environment holds), checked; else the region's.
pub fn resolve_endpoint(region: &str, explicit: Option<&str>, allow_insecure: bool) -> Result<reqwest::Url, String> {
    match explicit.map(str::trim).filter(|e| !e.is_empty()) {
        Some(url) => check_endpoint(url, allow_insecure),
        None => check_endpoint(&endpoint_for(region)?, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints() {
        assert_eq!(endpoint_for("cn-hangzhou").unwrap(), "https://vod.cn-shanghai.aliyuncs.com/");
        assert_eq!(endpoint_for("ap-southeast-1").unwrap(), "https://vod.ap-southeast-1.aliyuncs.com/");
        assert!(endpoint_for("mars-1").unwrap_err().contains("cn-shanghai"));
    }

    #[test]
    fn overrides_are_https_or_loopback() {
        assert!(check_endpoint("https://vod.example.com", false).is_ok());
        assert!(check_endpoint("http://127.0.0.1:8080", false).is_ok());
        assert!(check_endpoint("http://localhost:1/", false).is_ok());
        assert!(check_endpoint("http://[::1]:9/", false).is_ok());
        assert!(check_endpoint("http://10.0.0.5/", false).unwrap_err().contains("plain http"));
        assert!(check_endpoint("http://10.0.0.5/", true).is_ok());
        assert!(check_endpoint("ftp://x", true).is_err());
        assert!(check_endpoint("not a url", false).is_err());
    }
}
