//! `vodcut account templates|categories|apps` as a user runs them, against the loopback VOD
//! server: the lists as VOD answers them, kept per account and region, refreshed on request.

mod support;

#[path = "support/cli.rs"]
mod cli;

use cli::Env;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

#[test]
fn the_lists_come_from_vod_once_then_from_the_cache_until_refreshed() {
    let env = Env::new();
    let out = env.run(&["account", "apps", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let apps: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = apps.as_array().unwrap().iter().map(|a| a["AppId"].as_str().unwrap()).collect();
    assert_eq!(ids, ["app-1000000", "app-2000001"]);
    let asked = |action: &str| env.server.handled(action);
    // Each application's template groups were asked for, with its AppId.
    let groups_asked: Vec<String> = env
        .server
        .requests()
        .iter()
        .filter(|r| r.action == "ListTranscodeTemplateGroup")
        .map(|r| r.params.get("AppId").cloned().unwrap_or_default())
        .collect();
    assert_eq!(groups_asked, ["app-1000000", "app-2000001"]);
    // The tree: the top level, then each category with children (Sports, News, News/Local).
    assert_eq!(asked("GetCategories"), 4);

    let out = env.run(&["account", "templates", "--app-id", "app-2000001"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.contains("Brand 4K") && shown.contains("[default]") && !shown.contains("No transcoding"), "{shown}");
    assert!(text(&out.stderr).contains("--refresh"), "a cached list says so: {}", text(&out.stderr));
    assert_eq!(asked("ListAppInfo"), 1, "the second command read the cache");

    let out = env.run(&["account", "categories", "--refresh"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(asked("ListAppInfo"), 2, "--refresh asked VOD again");
    let tree = text(&out.stdout);
    assert!(tree.contains("1000001  Sports\n  1000011  Football\n"), "{tree}");
    assert!(tree.contains("\n    1000211  Harbour\n"), "three levels, indented: {tree}");

    // Kept in the cache folder under a hash: neither the key's ID nor its secret is written.
    let files = walk(&env.home.path().join("cache"));
    assert_eq!(files.len(), 1, "{files:?}");
    let kept = std::fs::read_to_string(&files[0]).unwrap();
    for secret in [support::vod_server::KEY_ID, support::vod_server::KEY_SECRET] {
        assert!(!kept.contains(secret) && !files[0].to_string_lossy().contains(secret));
    }
}

#[test]
fn a_refused_list_exits_5_and_says_why() {
    let env = Env::new();
    env.server.fault_on("ListAppInfo", support::vod_server::Fault::Error { status: 403, code: "Forbidden.RAM" });
    let out = env.run(&["account", "apps"]);
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("Forbidden.RAM"), "{}", text(&out.stderr));
}

#[test]
fn media_upload_and_search_take_an_app_id() {
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let video = dir.path().join("Harbour.mp4");
    std::fs::write(&video, vec![7u8; 50_000]).unwrap();
    let image = dir.path().join("Harbour poster.png");
    std::fs::write(&image, vec![9u8; 5_000]).unwrap();
    let out =
        env.run(&["media", "upload", video.to_str().unwrap(), image.to_str().unwrap(), "--app-id", "app-2000001"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for action in ["CreateUploadVideo", "CreateUploadImage"] {
        let sent = env.server.requests().into_iter().find(|r| r.action == action).expect(action);
        assert_eq!(sent.params.get("AppId").map(String::as_str), Some("app-2000001"), "{action}");
    }
    let out = env.run(&["media", "search", "Harbour", "--app-id", "app-2000001", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(found["Total"], 1, "the video (images are another SearchType): {found}");
    let sent = env.server.requests().into_iter().rfind(|r| r.action == "SearchMedia").unwrap();
    assert_eq!(sent.params["Match"], "Title in ('Harbour') and AppId = 'app-2000001'");
    // The default application has none of them.
    let out = env.run(&["media", "search", "Harbour", "--app-id", "app-1000000", "--json"]);
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(found["Total"], 0, "{found}");
}
