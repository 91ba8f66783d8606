//! The V3 signature (ACS3-HMAC-SHA256) against the loopback server, which verifies it with
//! its own code as the real service does: small and large (form body) requests, STS tokens,
//! a wrong secret, and that V1 stays the default.

mod support;

use std::time::Duration;
use support::vod_server::{KEY_ID, KEY_SECRET, STS_KEY_ID, STS_SECRET, STS_TOKEN, VodServer};
use vodcut::api::calls::MediaQuery;
use vodcut::api::credentials::Secret;
use vodcut::api::sign::SignatureVersion;
use vodcut::api::{Client, ClientConfig, Credentials};
use vodcut::model::export::{import_timeline_str, request_fields};
use vodcut::model::generate::generated_project;

fn client(server: &VodServer, creds: Credentials, signature: SignatureVersion) -> Client {
    let mut c = ClientConfig::new(server.url().parse().unwrap());
    c.backoff_base = Duration::from_millis(5);
    c.timeout = Duration::from_secs(10);
    c.signature = signature;
    Client::new(c, creds).unwrap()
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

#[test]
fn v1_is_the_default() {
    assert_eq!(
        ClientConfig::new("https://vod.cn-shanghai.aliyuncs.com/".parse().unwrap()).signature,
        SignatureVersion::V1
    );
    let server = VodServer::start();
    let c = Client::new(ClientConfig::new(server.url().parse().unwrap()), Credentials::session(KEY_ID, KEY_SECRET))
        .unwrap();
    rt().block_on(c.search_media(&MediaQuery::search("", "video", 1, 10, None, true))).unwrap();
    assert_eq!(server.requests()[0].signature, "v1");
}

#[test]
fn v3_requests_are_accepted_small_and_large() {
    let server = VodServer::start();
    let c = client(&server, Credentials::session(KEY_ID, KEY_SECRET), SignatureVersion::V3);
    let small = import_timeline_str(
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":0,"Out":4}]}]}"#,
    )
    .unwrap();
    let r = rt().block_on(c.produce(&request_fields(&small))).unwrap();
    let sent = server.requests().last().unwrap().clone();
    assert!(sent.handled && sent.signature == "v3" && !sent.had_body);
    assert_eq!(sent.action, "ProduceEditingProjectVideo");
    assert!(!sent.params.contains_key("Signature") && !sent.params.contains_key("AccessKeyId"), "{:?}", sent.params);
    assert!(sent.headers["authorization"].starts_with(&format!("ACS3-HMAC-SHA256 Credential={KEY_ID},")));
    // Chinese, emoji and a Timeline too long for a URL: the form body, covered by the hash.
    let mut big = generated_project(3_000, 6);
    big.title = "五千个片段 🎬 *~ +".into();
    let fields = request_fields(&big);
    let r2 = rt().block_on(c.produce(&fields)).unwrap();
    assert!(server.requests().last().unwrap().had_body);
    let stored = server.state.lock().unwrap().projects[&r2.project_id].clone();
    assert_eq!(stored.timeline, fields.get("Timeline").unwrap());
    assert_eq!(stored.title, "五千个片段 🎬 *~ +");
    // Reads too, and each attempt has its own nonce.
    let p = rt().block_on(c.get_editing_project(&r.project_id)).unwrap();
    assert_eq!(p.status, "Producing");
    let nonces: std::collections::HashSet<_> =
        server.requests().iter().map(|r| r.headers["x-acs-signature-nonce"].clone()).collect();
    assert_eq!(nonces.len(), server.requests().len());
}

#[test]
fn v3_with_sts_and_with_a_wrong_secret() {
    let server = VodServer::start();
    let mut sts = Credentials::session(STS_KEY_ID, STS_SECRET);
    sts.security_token = Some(Secret::new(STS_TOKEN));
    let q = MediaQuery::search("beach", "video", 1, 10, None, true);
    rt().block_on(client(&server, sts.clone(), SignatureVersion::V3).search_media(&q)).unwrap();
    assert_eq!(server.requests().last().unwrap().headers["x-acs-security-token"], STS_TOKEN);

    let mut wrong = sts;
    wrong.secret = Secret::new("not-the-secret");
    let e = rt().block_on(client(&server, wrong, SignatureVersion::V3).search_media(&q)).unwrap_err();
    assert_eq!(e.service().map(|s| s.code.as_str()), Some("SignatureDoesNotMatch"), "{e}");
    let text = e.to_string();
    assert!(!text.contains(STS_TOKEN) && !text.contains(STS_KEY_ID), "{text}");
}
