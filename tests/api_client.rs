//! The VOD client against the loopback server: signatures, errors, retries, safe production.

mod support;

use std::time::Duration;
use support::vod_server::{Fault, KEY_ID, KEY_SECRET, STS_KEY_ID, STS_SECRET, STS_TOKEN, VodServer};
use vodcut::api::calls::MediaQuery;
use vodcut::api::credentials::Secret;
use vodcut::api::{ApiError, Client, ClientConfig, Credentials};
use vodcut::model::export::{import_timeline_str, request_fields, timeline_json};
use vodcut::model::generate::generated_project;
use vodcut::store::jobs::JobState;

fn config(server: &VodServer) -> ClientConfig {
    let mut c = ClientConfig::new(server.url().parse().unwrap());
    c.backoff_base = Duration::from_millis(5);
    c.backoff_cap = Duration::from_millis(20);
    c.timeout = Duration::from_secs(5);
    c
}

fn client(server: &VodServer) -> Client {
    Client::new(config(server), Credentials::session(KEY_ID, KEY_SECRET)).unwrap()
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

fn small_project() -> vodcut::model::Project {
    let mut p =
        import_timeline_str(r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"m1","In":0,"Out":4}]}]}"#).unwrap();
    p.title = "Loopback test".into();
    p
}

#[test]
fn produce_returns_the_ids_and_the_project_is_kept() {
    let server = VodServer::start();
    let c = client(&server);
    let r = rt().block_on(c.produce(&request_fields(&small_project()))).unwrap();
    assert!(!r.request_id.is_empty() && !r.media_id.is_empty() && !r.project_id.is_empty());
    let p = rt().block_on(c.get_editing_project(&r.project_id)).unwrap();
    assert_eq!(p.title, "Loopback test");
    assert_eq!(p.status, "Producing");
    assert_eq!(p.timeline.as_deref(), Some(timeline_json(&small_project()).as_str()));
    // Polling: Produced on the next look, and the video is then registered.
    assert_eq!(rt().block_on(c.get_editing_project(&r.project_id)).unwrap().status, "Produced");
    assert_eq!(rt().block_on(c.get_video_info(&r.media_id)).unwrap().status, "Normal");
}

#[test]
fn wrong_secret_is_signature_does_not_match_and_never_echoes_secrets() {
    let server = VodServer::start();
    let mut creds = Credentials::session(STS_KEY_ID, "not-the-secret");
    creds.security_token = Some(Secret::new(STS_TOKEN));
    let c = Client::new(config(&server), creds).unwrap();
    let e = rt().block_on(c.produce(&request_fields(&small_project()))).unwrap_err();
    let s = e.service().expect("a service error");
    assert_eq!((s.code.as_str(), s.status), ("SignatureDoesNotMatch", 400));
    let text = e.to_string();
    assert!(text.contains("check the secret"), "{text}");
    assert!(!text.contains("not-the-secret") && !text.contains("CAIS"), "secrets leaked: {text}");
    assert!(!format!("{e:?}").contains("CAIS"), "secrets leaked in Debug");
    assert_eq!(server.handled("ProduceEditingProjectVideo"), 0);
}

#[test]
fn unknown_key_and_sts() {
    let server = VodServer::start();
    let c = Client::new(config(&server), Credentials::session("LTAIunknown000000", "x")).unwrap();
    let e = rt().block_on(c.get_video_info("v")).unwrap_err();
    assert_eq!(e.service().unwrap().code, "InvalidAccessKeyId.NotFound");
    assert!(e.to_string().contains("AccessKey ID is not known"));

    let mut sts = Credentials::session(STS_KEY_ID, STS_SECRET);
    sts.security_token = Some(Secret::new(STS_TOKEN));
    let c = Client::new(config(&server), sts).unwrap();
    assert!(rt().block_on(c.produce(&request_fields(&small_project()))).is_ok(), "the token is signed and accepted");
    let sent = server.requests().last().unwrap().params.clone();
    assert_eq!(sent.get("SecurityToken").map(String::as_str), Some(STS_TOKEN));
}

#[test]
fn throttled_produce_is_repeated_with_a_new_nonce_and_runs_once() {
    let server = VodServer::start();
    server.fault(Fault::Throttle { retry_after_ms: 30 });
    let r = rt().block_on(client(&server).produce(&request_fields(&small_project())));
    assert!(r.is_ok(), "{r:?}");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_ne!(reqs[0].params["SignatureNonce"], reqs[1].params["SignatureNonce"]);
    assert_ne!(reqs[0].params["Signature"], reqs[1].params["Signature"]);
    assert_eq!(server.handled("ProduceEditingProjectVideo"), 1);
}

#[test]
fn a_read_call_survives_a_500() {
    let server = VodServer::start();
    server.add_media("v1", "video", "Holiday", 42.5, "Normal");
    server.fault(Fault::Error { status: 500, code: "InternalError" });
    server.fault(Fault::Error { status: 503, code: "ServiceUnavailable" });
    let v = rt().block_on(client(&server).get_video_info("v1")).unwrap();
    assert_eq!((v.title.as_str(), v.duration), ("Holiday", Some(42.5)));
    assert_eq!(server.received("GetVideoInfo"), 3);
}

#[test]
fn produce_is_not_repeated_after_a_500() {
    let server = VodServer::start();
    server.fault(Fault::Error { status: 500, code: "InternalError" });
    let e = rt().block_on(client(&server).produce(&request_fields(&small_project()))).unwrap_err();
    assert_eq!(e.service().unwrap().code, "InternalError");
    assert_eq!(server.received("ProduceEditingProjectVideo"), 1);
}

#[test]
fn a_slow_server_makes_the_outcome_unknown_and_nothing_is_resent() {
    let server = VodServer::start();
    server.fault(Fault::Delay(Duration::from_millis(1500)));
    let mut cfg = config(&server);
    cfg.timeout = Duration::from_millis(500);
    let c = Client::new(cfg, Credentials::session(KEY_ID, KEY_SECRET)).unwrap();
    let e = rt().block_on(c.produce(&request_fields(&small_project()))).unwrap_err();
    assert!(matches!(e, ApiError::OutcomeUnknown { .. }), "{e}");
    assert!(e.to_string().contains("GetEditingProject"), "says how to check: {e}");
    std::thread::sleep(Duration::from_millis(1300));
    assert_eq!(server.received("ProduceEditingProjectVideo"), 1, "exactly one request");
    assert_eq!(server.handled("ProduceEditingProjectVideo"), 1, "and the server did carry it out");
}

#[test]
fn a_dropped_connection_after_handling_is_an_unknown_outcome() {
    let server = VodServer::start();
    server.fault(Fault::DropAfterHandling);
    let e = rt().block_on(client(&server).produce(&request_fields(&small_project()))).unwrap_err();
    assert!(matches!(e, ApiError::OutcomeUnknown { .. }), "{e}");
    assert_eq!(server.received("ProduceEditingProjectVideo"), 1);
    assert_eq!(server.state.lock().unwrap().projects.len(), 1, "the production exists: retrying would double it");
}

#[test]
fn connection_refused_is_reported_as_nothing_sent() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let cfg = {
        let mut c = ClientConfig::new(format!("http://127.0.0.1:{port}/").parse().unwrap());
        c.backoff_base = Duration::from_millis(5);
        c
    };
    let c = Client::new(cfg, Credentials::session(KEY_ID, KEY_SECRET)).unwrap();
    let e = rt().block_on(c.produce(&request_fields(&small_project()))).unwrap_err();
    assert!(matches!(e, ApiError::Connect { .. }), "{e}");
    assert!(e.to_string().contains("nothing was sent"));
}

#[test]
fn garbage_and_truncated_bodies_are_errors_not_panics() {
    let server = VodServer::start();
    server.fault(Fault::Garbage);
    let mut cfg = config(&server);
    cfg.read_attempts = 1;
    let c = Client::new(cfg, Credentials::session(KEY_ID, KEY_SECRET)).unwrap();
    let e = rt().block_on(c.get_video_info("v")).unwrap_err();
    assert!(matches!(e, ApiError::BadResponse { status: 200, .. }), "{e}");
    server.fault(Fault::Truncated);
    let e = rt().block_on(c.get_video_info("v")).unwrap_err();
    assert!(matches!(e, ApiError::Network { .. }), "{e}");
    // For the billed call the same answers mean "may have happened".
    server.fault(Fault::Garbage);
    let e = rt().block_on(c.produce(&request_fields(&small_project()))).unwrap_err();
    assert!(matches!(e, ApiError::OutcomeUnknown { .. }), "{e}");
}

#[test]
fn stale_clock_is_explained() {
    let server = VodServer::start();
    server.state.lock().unwrap().clock_skew_secs = 3600;
    let e = rt().block_on(client(&server).get_video_info("v")).unwrap_err();
    assert_eq!(e.service().unwrap().code, "InvalidTimeStamp.Expired");
    assert!(e.to_string().contains("clock"));
}

#[test]
fn a_replayed_nonce_is_refused_by_the_server() {
    // The server's own check, driven with a hand-signed request sent twice.
    let server = VodServer::start();
    let params: Vec<(String, String)> = [
        ("Action", "GetVideoInfo"),
        ("Version", "2017-03-21"),
        ("Format", "JSON"),
        ("AccessKeyId", KEY_ID),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", "fixed-nonce-1"),
        ("VideoId", "v"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .chain([("Timestamp".to_string(), vodcut::api::client::timestamp_now())])
    .collect();
    let sig = vodcut::api::sign::sign("POST", KEY_SECRET, &params);
    let url = format!(
        "{}?{}&Signature={}",
        server.url(),
        vodcut::api::sign::encode_pairs(&params),
        vodcut::api::sign::percent_encode(&sig)
    );
    let http = reqwest::Client::new();
    let first = rt().block_on(async { http.post(&url).send().await.unwrap().text().await.unwrap() });
    assert!(first.contains("InvalidVideo.NotFound"), "{first}");
    let second = rt().block_on(async { http.post(&url).send().await.unwrap().text().await.unwrap() });
    assert!(second.contains("SignatureNonceUsed"), "{second}");
}

#[test]
fn a_5000_clip_timeline_with_chinese_and_emoji_arrives_intact() {
    let server = VodServer::start();
    let mut p = generated_project(5_000, 8);
    p.title = "五千个片段 🎬 test".into();
    let fields = request_fields(&p);
    let r = rt().block_on(client(&server).produce(&fields)).unwrap();
    let stored = server.state.lock().unwrap().projects[&r.project_id].clone();
    assert_eq!(stored.timeline, fields.get("Timeline").unwrap());
    let last_subtitle = p.tracks.iter().flat_map(|t| &t.clips).filter_map(|c| c.content.clone()).next_back().unwrap();
    assert!(last_subtitle.contains("句字幕"));
    assert!(stored.timeline.contains(&last_subtitle), "{last_subtitle}");
    assert_eq!(stored.title, "五千个片段 🎬 test");
    assert!(server.requests().last().unwrap().had_body, "a large Timeline travels in the form body");
    // A small one stays in the URL, as the official SDK sends it.
    rt().block_on(client(&server).produce(&request_fields(&small_project()))).unwrap();
    assert!(!server.requests().last().unwrap().had_body);
}

#[test]
fn the_workflow_records_the_job_before_and_after() {
    let server = VodServer::start();
    let dir = tempfile::tempdir().unwrap();
    let jobs = vodcut::core::env::job_store_in(dir.path(), false);
    let c = client(&server);
    let done = rt().block_on(vodcut::core::produce::send(&c, &jobs, &small_project(), None, "cn-shanghai")).unwrap();
    let r = done.result.unwrap();
    let job = jobs.find(&r.media_id).unwrap();
    assert_eq!(job.state, JobState::Submitted);
    assert_eq!(job.project_id.as_deref(), Some(r.project_id.as_str()));
    let mut job = job;
    rt().block_on(vodcut::core::produce::refresh(&c, &jobs, &mut job)).unwrap();
    rt().block_on(vodcut::core::produce::refresh(&c, &jobs, &mut job)).unwrap();
    let job = jobs.find(&r.media_id).unwrap();
    assert_eq!(job.production_status.as_deref(), Some("Produced"));
    assert_eq!(job.video_status.as_deref(), Some("Normal"));
    assert!(!job.is_active());

    server.fault(Fault::DropAfterHandling);
    let done = rt().block_on(vodcut::core::produce::send(&c, &jobs, &small_project(), None, "cn-shanghai")).unwrap();
    assert!(done.result.is_err());
    assert_eq!(jobs.find(&done.job.id).unwrap().state, JobState::OutcomeUnknown);
}

#[test]
fn search_media_reads_the_plain_list() {
    let server = VodServer::start();
    server.add_media("a1", "audio", "Theme song", 180.0, "Normal");
    server.add_media("v1", "video", "Clip", 10.0, "Normal");
    let r = rt()
        .block_on(client(&server).search_media(&MediaQuery { search_type: Some("audio".into()), ..Default::default() }))
        .unwrap();
    assert_eq!(r.total, 1);
    assert_eq!(r.media_list[0].details().unwrap().title, "Theme song");
}

#[test]
fn mezzanine_info_reads_numbers_given_as_strings() {
    let server = VodServer::start();
    server.add_media("v1", "video", "Source", 61.25, "Normal");
    let m = rt().block_on(client(&server).get_mezzanine_info("v1")).unwrap();
    assert_eq!((m.duration, m.width, m.height, m.fps), (Some(61.25), Some(1920.0), Some(1080.0), Some(25.0)));
    let e = rt().block_on(client(&server).get_mezzanine_info("nope")).unwrap_err();
    assert_eq!(e.service().unwrap().code, "InvalidVideo.NotFound");
}

#[test]
fn editing_projects_are_added_updated_given_materials_and_deleted() {
    use vodcut::api::calls::{ProjectFields, ProjectQuery};
    let server = VodServer::start();
    server.add_media("m1", "video", "Beach", 20.0, "Normal");
    let c = client(&server);
    let fields = ProjectFields {
        title: "草稿 draft".into(),
        description: "first".into(),
        timeline: timeline_json(&small_project()),
        cover_url: String::new(),
    };
    let added = rt().block_on(c.add_editing_project(&fields)).unwrap();
    assert_eq!((added.title.as_str(), added.status.as_str()), ("草稿 draft", "Normal"));
    let id = added.project_id.clone();
    let changed = ProjectFields { title: "Final".into(), timeline: "{}".into(), ..fields.clone() };
    assert!(rt().block_on(c.update_editing_project(&id, &changed)).unwrap().starts_with("LOOPBACK"));
    let got = rt().block_on(c.get_editing_project(&id)).unwrap();
    assert_eq!((got.title.as_str(), got.timeline.as_deref()), ("Final", Some("{}")));
    assert_ne!(got.modified_time, got.creation_time, "an update moves ModifiedTime");
    rt().block_on(c.set_editing_project_materials(&id, &["m1".to_string()])).unwrap();
    let materials = rt().block_on(c.get_editing_project_materials(&id)).unwrap();
    assert_eq!(materials.iter().map(|m| m.material_id.as_str()).collect::<Vec<_>>(), ["m1"]);
    let too_many = vec!["m1".to_string(); 201];
    let e = rt().block_on(c.set_editing_project_materials(&id, &too_many)).unwrap_err();
    assert!(matches!(e, ApiError::Config(_)) && e.to_string().contains("200"), "{e}");
    let (total, list) = rt().block_on(c.search_editing_project(&ProjectQuery::default())).unwrap();
    assert_eq!((total, list[0].project_id.as_str(), list[0].duration), (1, id.as_str(), Some(0.0)));
    rt().block_on(c.delete_editing_project(std::slice::from_ref(&id))).unwrap();
    let e = rt().block_on(c.get_editing_project(&id)).unwrap_err();
    assert_eq!(e.service().map(|s| s.code.as_str()), Some("InvalidProject.NotFound"));
    assert_eq!(server.handled("ProduceEditingProjectVideo"), 0, "saving is not producing");
}

#[test]
fn a_lost_add_answer_is_not_repeated() {
    // AddEditingProject is not idempotent: a repeat would make a second cloud project.
    let server = VodServer::start();
    server.fault_on("AddEditingProject", Fault::DropAfterHandling);
    let c = client(&server);
    let fields = vodcut::api::calls::ProjectFields { title: "t".into(), ..Default::default() };
    let e = rt().block_on(c.add_editing_project(&fields)).unwrap_err();
    assert!(matches!(e, ApiError::OutcomeUnknown { .. }), "{e:?}");
    assert_eq!(server.received("AddEditingProject"), 1);
}
