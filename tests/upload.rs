//! The upload engine against the loopback VOD + OSS server: simple PUT, 200 MB in parts,
//! credentials expiring mid-upload, parts failing, resuming, changed files, pause and cancel.

mod support;

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use support::media_files::write_random;
use support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use vodcut::api::calls::MediaQuery;
use vodcut::api::{Client, ClientConfig, Credentials};
use vodcut::upload::engine::MIB;
use vodcut::upload::{Control, FileRequest, MediaKind, Progress, StateStore, UploadConfig, UploadError, upload_file};

fn client(server: &VodServer) -> Client {
    let mut config = ClientConfig::new(reqwest::Url::parse(&server.url()).unwrap());
    config.backoff_base = Duration::from_millis(10);
    Client::new(config, Credentials::session(KEY_ID, KEY_SECRET)).unwrap()
}

/// Small parts so that multipart tests run in a blink; quick backoff.
fn small_parts() -> UploadConfig {
    UploadConfig {
        part_size: 128 * 1024,
        simple_limit: 200 * 1024,
        parts_in_flight: 3,
        attempts: 3,
        backoff_base: Duration::from_millis(5),
        backoff_cap: Duration::from_millis(20),
        ..UploadConfig::default()
    }
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

struct Setup {
    server: VodServer,
    dir: tempfile::TempDir,
    store: StateStore,
    client: Client,
}

fn setup() -> Setup {
    let server = VodServer::start();
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(&dir.path().join("data"));
    let client = client(&server);
    Setup { server, dir, store, client }
}

impl Setup {
    fn upload(
        &self,
        req: &FileRequest,
        cfg: &UploadConfig,
    ) -> (Result<vodcut::upload::Uploaded, UploadError>, Progress) {
        let progress = Progress::default();
        let r = rt().block_on(upload_file(&self.client, &self.store, req, cfg, &Control::default(), &progress));
        (r, progress)
    }

    fn part_oks(&self, n: u32) -> usize {
        self.server.oss_log().iter().filter(|l| l.op == "UploadPart" && l.part == Some(n) && l.status == 200).count()
    }

    /// Polls GetVideoInfo until the media is Normal.
    fn wait_normal(&self, id: &str) -> vodcut::api::calls::VideoInfo {
        let start = Instant::now();
        loop {
            let v = rt().block_on(self.client.get_video_info(id)).unwrap();
            if v.status == "Normal" || start.elapsed() > Duration::from_secs(10) {
                return v;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

fn req(path: &std::path::Path) -> FileRequest {
    FileRequest { path: path.to_owned(), ..Default::default() }
}

#[test]
fn a_small_file_goes_in_one_put_and_appears_in_search() {
    let s = setup();
    let (path, md5) = write_random(s.dir.path(), "Beach day.mp4", 300 * 1024, 1);
    let (r, progress) =
        s.upload(&FileRequest { tags: Some("sea, sun".into()), ..req(&path) }, &UploadConfig::default());
    let u = r.unwrap();
    assert_eq!((u.kind, u.parts, u.title.as_str()), (MediaKind::Video, 1, "Beach day"));
    assert_eq!(progress.fraction(), 1.0);
    assert_eq!(s.server.object_md5_from_disk(&u.media_id).as_deref(), Some(md5.as_str()), "stored object differs");
    let log = s.server.oss_log();
    assert_eq!(log.iter().map(|l| l.op).collect::<Vec<_>>(), ["PutObject"]);
    let sent = s.server.requests().into_iter().find(|r| r.action == "CreateUploadVideo").unwrap();
    assert_eq!(sent.params.get("Tags").map(String::as_str), Some("sea,sun"));
    assert_eq!(sent.params.get("FileName").map(String::as_str), Some("Beach day.mp4"));
    // Search by title finds it right away (Uploading or later), then it turns Normal with a length.
    let found =
        rt().block_on(s.client.search_media(&MediaQuery::search("Beach day", "video", 1, 20, None, true))).unwrap();
    assert_eq!(found.media_list.iter().map(|m| m.media_id.as_str()).collect::<Vec<_>>(), [u.media_id.as_str()]);
    let v = s.wait_normal(&u.media_id);
    assert_eq!((v.status.as_str(), v.duration, v.title.as_str()), ("Normal", Some(6.0), "Beach day"));
    // Finished uploads leave no state behind.
    assert!(s.store.list().is_empty());
}

#[test]
fn images_use_create_upload_image_and_are_normal_at_once() {
    let s = setup();
    let (path, md5) = write_random(s.dir.path(), "logo.PNG", 50_000, 2);
    let u = s.upload(&req(&path), &UploadConfig::default()).0.unwrap();
    assert_eq!(u.kind, MediaKind::Image);
    assert_eq!(s.server.handled("CreateUploadImage"), 1);
    let sent = s.server.requests().into_iter().find(|r| r.action == "CreateUploadImage").unwrap();
    assert_eq!(sent.params.get("ImageExt").map(String::as_str), Some("png"));
    assert_eq!(s.server.object_md5_from_disk(&u.media_id).as_deref(), Some(md5.as_str()));
    let found = rt().block_on(s.client.search_media(&MediaQuery::search("logo", "image", 1, 20, None, true))).unwrap();
    assert_eq!(found.media_list[0].details().unwrap().status, "Normal");
}

#[test]
fn a_200_mb_file_goes_in_parts_byte_identical() {
    let s = setup();
    let size = 200 * MIB + 12_345;
    let (path, md5) = write_random(s.dir.path(), "holiday.mov", size, 3);
    let start = Instant::now();
    let (r, progress) =
        s.upload(&FileRequest { title: Some("Holiday 2026".into()), ..req(&path) }, &UploadConfig::default());
    let took = start.elapsed();
    let u = r.unwrap();
    assert_eq!(u.parts, 26, "8 MiB parts");
    assert_eq!(progress.done.load(Ordering::Relaxed), size);
    assert_eq!(s.server.object_md5(&u.media_id).as_deref(), Some(md5.as_str()));
    assert_eq!(s.server.object_md5_from_disk(&u.media_id).as_deref(), Some(md5.as_str()));
    for n in 1..=26 {
        assert_eq!(s.part_oks(n), 1, "part {n} sent once");
    }
    let found =
        rt().block_on(s.client.search_media(&MediaQuery::search("Holiday 2026", "video", 1, 20, None, true))).unwrap();
    assert_eq!(found.media_list.len(), 1);
    assert!(took < Duration::from_secs(60), "200 MB over loopback took {took:?}");
    eprintln!("200 MB uploaded in {took:?}");
}

#[test]
fn credentials_expiring_mid_upload_are_renewed() {
    let s = setup();
    let (path, md5) = write_random(s.dir.path(), "long.mp4", 2 * MIB, 4);
    s.server.oss().oss.expire_after_parts = Some(4);
    let (r, progress) = s.upload(&req(&path), &small_parts());
    let u = r.unwrap();
    assert!(progress.renewals.load(Ordering::Relaxed) >= 1);
    assert!(s.server.handled("RefreshUploadVideo") >= 1);
    assert!(s.server.oss_log().iter().any(|l| l.code == "SecurityTokenExpired"), "the server did expire the token");
    assert_eq!(s.server.object_md5(&u.media_id).as_deref(), Some(md5.as_str()));
}

#[test]
fn a_part_failing_twice_is_retried_and_the_upload_succeeds() {
    let s = setup();
    let (path, md5) = write_random(s.dir.path(), "clip.mp4", MIB, 5);
    s.server.fail_part(2, 2);
    let (r, progress) = s.upload(&req(&path), &small_parts());
    let u = r.unwrap();
    let tries: Vec<u16> =
        s.server.oss_log().iter().filter(|l| l.op == "UploadPart" && l.part == Some(2)).map(|l| l.status).collect();
    assert_eq!(tries, [500, 500, 200]);
    assert_eq!(progress.retries.load(Ordering::Relaxed), 2);
    assert_eq!(s.server.object_md5(&u.media_id).as_deref(), Some(md5.as_str()));
}

#[test]
fn a_part_failing_forever_gives_a_clear_error_and_a_resumable_state() {
    let s = setup();
    let (path, md5) = write_random(s.dir.path(), "clip.mp4", MIB, 6);
    s.server.fail_part(3, u32::MAX);
    let e = s.upload(&req(&path), &small_parts()).0.unwrap_err();
    let text = e.to_string();
    assert!(text.contains("part 3 failed after 3 tries"), "{text}");
    assert!(text.contains("InternalError (HTTP 500)") && text.contains("run the same upload again"), "{text}");
    let saved = s.store.list();
    assert_eq!(saved.len(), 1);
    assert!(!saved[0].parts.contains_key(&3) && saved[0].parts.len() >= 2, "{:?}", saved[0].parts);
    assert!(!format!("{:?}", saved[0]).contains("upload-secret"), "no secret in the state");
    let state_text =
        std::fs::read_to_string(std::fs::read_dir(s.store.dir()).unwrap().next().unwrap().unwrap().path()).unwrap();
    assert!(!state_text.contains("upload-secret") && !state_text.contains("CAIS"), "{state_text}");
    let confirmed: Vec<u32> = saved[0].parts.keys().copied().collect();

    // The network comes back: the same upload continues with the same media, and no confirmed
    // part is sent again.
    s.server.fail_part(3, 0);
    let (r, _) = s.upload(&req(&path), &small_parts());
    let u = r.unwrap();
    assert_eq!(u.media_id, saved[0].media_id);
    assert!(u.resumed_parts as usize >= confirmed.len());
    for n in confirmed {
        assert_eq!(s.part_oks(n), 1, "part {n} re-sent");
    }
    assert_eq!(s.server.handled("CreateUploadVideo"), 1);
    assert_eq!(s.server.object_md5(&u.media_id).as_deref(), Some(md5.as_str()));
    assert!(s.store.list().is_empty());
}

#[test]
fn a_file_changed_since_its_upload_began_is_not_mixed_in() {
    let s = setup();
    let (path, _) = write_random(s.dir.path(), "clip.mp4", MIB, 7);
    s.server.fail_part(4, u32::MAX);
    assert!(s.upload(&req(&path), &small_parts()).0.is_err());
    s.server.fail_part(4, 0);
    let (path, md5) = write_random(s.dir.path(), "clip.mp4", MIB + 5, 8);
    let e = s.upload(&req(&path), &small_parts()).0.unwrap_err();
    assert!(matches!(e, UploadError::Changed { .. }), "{e}");
    assert!(e.to_string().contains("changed since its upload began") && e.to_string().contains("--restart"), "{e}");
    // The user agrees: a new media, uploaded whole.
    let u = s.upload(&FileRequest { restart: true, ..req(&path) }, &small_parts()).0.unwrap();
    assert_eq!(s.server.handled("CreateUploadVideo"), 2);
    assert_eq!(s.server.object_md5(&u.media_id).as_deref(), Some(md5.as_str()));
}

#[test]
fn pause_keeps_the_state_and_cancel_aborts_the_multipart_upload() {
    let s = setup();
    let (path, md5) = write_random(s.dir.path(), "clip.mp4", 2 * MIB, 9);
    s.server.oss().oss.part_delay = Duration::from_millis(60);
    #[allow(clippy::result_large_err)] // a test helper: the size does not matter
    let run = |ctl: &Control, action: fn(&Control)| {
        let progress = Progress::default();
        let rt = rt();
        rt.block_on(async {
            let (r, cfg) = (req(&path), small_parts());
            let up = upload_file(&s.client, &s.store, &r, &cfg, ctl, &progress);
            let poke = async {
                while progress.done.load(Ordering::Relaxed) < 4 * 128 * 1024 {
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
                action(ctl);
                std::future::pending::<()>().await
            };
            tokio::select! { r = up => r, _ = poke => unreachable!() }
        })
    };
    let e = run(&Control::default(), Control::pause).unwrap_err();
    assert!(matches!(e, UploadError::Paused));
    let kept = s.store.list();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].parts.len() >= 4);
    let e = run(&Control::default(), Control::cancel).unwrap_err();
    assert!(matches!(e, UploadError::Cancelled));
    assert!(s.server.oss_log().iter().any(|l| l.op == "AbortMultipartUpload" && l.status == 204));
    assert!(s.store.list().is_empty(), "cancel forgets the state");
    // After a cancel, uploading again starts afresh.
    s.server.oss().oss.part_delay = Duration::ZERO;
    let u = s.upload(&req(&path), &small_parts()).0.unwrap();
    assert_eq!(s.server.object_md5(&u.media_id).as_deref(), Some(md5.as_str()));
}

/// The saved state file of the only upload under way (its name is a hash of the path).
fn state_file(s: &Setup) -> std::path::PathBuf {
    let files: Vec<_> = std::fs::read_dir(s.store.dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// An upload of 1 MiB in 128 KiB parts whose part 4 fails: parts 1-3 (at least) confirmed and
/// recorded in the state, the rest not.
fn interrupted(s: &Setup, name: &str, seed: u64) -> (std::path::PathBuf, String) {
    let (path, md5) = write_random(s.dir.path(), name, MIB, seed);
    s.server.fail_part(4, u32::MAX);
    assert!(s.upload(&req(&path), &small_parts()).0.is_err());
    s.server.fail_part(4, 0);
    (path, md5)
}

#[test]
fn a_file_replaced_by_a_copy_keeping_size_and_time_is_not_mixed_in() {
    let s = setup();
    let (path, _) = interrupted(&s, "clip.mp4", 10);
    let old_upload = s.store.list()[0].upload_id.clone().unwrap();
    // `cp -p other.mp4 clip.mp4`: other bytes, the same size and modification time.
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    let (other, md5) = write_random(s.dir.path(), "other.mp4", MIB, 21);
    std::fs::copy(&other, &path).unwrap();
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(mtime).unwrap();
    let parts_before = s.server.oss_log().iter().filter(|l| l.op == "UploadPart").count();
    let e = s.upload(&req(&path), &small_parts()).0.unwrap_err();
    assert!(matches!(e, UploadError::Changed { .. }), "{e}");
    let text = e.to_string();
    assert!(text.contains("part 1 is no longer the bytes uploaded") && text.contains("--restart"), "{text}");
    assert_eq!(s.server.oss_log().iter().filter(|l| l.op == "UploadPart").count(), parts_before, "nothing sent");
    // Starting over: the old multipart upload is aborted, the new media is the new file.
    let u = s.upload(&FileRequest { restart: true, ..req(&path) }, &small_parts()).0.unwrap();
    assert_eq!(s.server.object_md5(&u.media_id).as_deref(), Some(md5.as_str()));
    let aborted = s.server.oss_log().iter().filter(|l| l.op == "AbortMultipartUpload" && l.status == 204).count();
    assert_eq!(aborted, 1, "the old upload ({old_upload}) is aborted");
}

#[test]
fn a_tampered_or_unreadable_state_is_refused_and_starting_over_moves_it_aside() {
    let s = setup();
    let (path, md5) = interrupted(&s, "clip.mp4", 12);
    let file = state_file(&s);
    let good: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let sent = || s.server.requests().len() + s.server.oss_log().len();
    // PartSize 0 or 1 ran on; u64::MAX reported success with the first part as the whole file.
    for (part_size, says) in [(0u64, "part size 0"), (1, "part size 1"), (u64::MAX, "part size 18446744073709551615")] {
        let mut v = good.clone();
        v["PartSize"] = part_size.into();
        std::fs::write(&file, serde_json::to_vec(&v).unwrap()).unwrap();
        let before = sent();
        let e = s.upload(&req(&path), &small_parts()).0.unwrap_err();
        assert!(matches!(e, UploadError::StateUnusable { .. }), "{says}: {e}");
        assert!(e.to_string().contains(says) && e.to_string().contains("--restart"), "{e}");
        assert_eq!(sent(), before, "{says}: nothing sent");
    }
    // A FIFO in its place is refused at once (it would block a read for ever).
    std::fs::remove_file(&file).unwrap();
    let c = std::ffi::CString::new(file.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let e = s.upload(&req(&path), &small_parts()).0.unwrap_err();
    assert!(e.to_string().contains("FIFO"), "{e}");
    // Starting over keeps it aside and uploads the file whole as new media.
    let u = s.upload(&FileRequest { restart: true, ..req(&path) }, &small_parts()).0.unwrap();
    assert_eq!(s.server.object_md5(&u.media_id).as_deref(), Some(md5.as_str()));
    assert!(file.with_extension("json.unreadable").exists());
    assert!(s.store.list().is_empty());
}

#[test]
fn two_uploads_of_one_file_at_once_the_second_says_so() {
    let s = setup();
    let (path, md5) = write_random(s.dir.path(), "clip.mp4", MIB, 13);
    s.server.oss().oss.part_delay = Duration::from_millis(40);
    let rt = rt();
    let (first, second) = rt.block_on(async {
        let (a, b) = (Progress::default(), Progress::default());
        let (ctl_a, ctl_b) = (Control::default(), Control::default());
        let (r, cfg) = (req(&path), small_parts());
        let one = upload_file(&s.client, &s.store, &r, &cfg, &ctl_a, &a);
        let two = async {
            // Once the first is under way.
            while a.done.load(Ordering::Relaxed) == 0 {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            upload_file(&s.client, &s.store, &r, &cfg, &ctl_b, &b).await
        };
        tokio::join!(one, two)
    });
    let e = second.unwrap_err();
    assert!(matches!(e, UploadError::Busy { .. }), "{e}");
    assert!(e.to_string().contains("is already being uploaded"), "{e}");
    let u = first.unwrap();
    assert_eq!(s.server.object_md5(&u.media_id).as_deref(), Some(md5.as_str()));
    assert_eq!(s.server.handled("CreateUploadVideo"), 1);
    for n in 1..=8 {
        assert_eq!(s.part_oks(n), 1, "part {n} sent once");
    }
    // Once it is over, the file can be uploaded again.
    s.server.oss().oss.part_delay = Duration::ZERO;
    assert!(s.upload(&req(&path), &small_parts()).0.is_ok());
}

#[test]
fn a_refused_upload_address_is_not_kept_for_the_next_try() {
    let s = setup();
    let (path, md5) = write_random(s.dir.path(), "clip.mp4", MIB, 14);
    let endpoint = s.server.oss().oss.endpoint.clone();
    // Plain http to another machine: the temporary credentials would cross it in clear.
    s.server.oss().oss.endpoint = "http://192.0.2.1:9".into();
    let e = s.upload(&req(&path), &small_parts()).0.unwrap_err();
    assert!(e.to_string().contains("192.0.2.1"), "{e}");
    assert!(s.store.list().is_empty(), "the refused address is dropped");
    // VOD answers with a good address next time: the upload asks anew and succeeds.
    s.server.oss().oss.endpoint = endpoint;
    let u = s.upload(&req(&path), &small_parts()).0.unwrap();
    assert_eq!(s.server.object_md5(&u.media_id).as_deref(), Some(md5.as_str()));
    assert_eq!(s.server.handled("CreateUploadVideo"), 2);
}
