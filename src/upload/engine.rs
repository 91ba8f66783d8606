//! One file's upload, start to end: check the file, CreateUpload* (or resume from the saved
//! state with fresh credentials), then one PUT or a multipart upload with a few parts in
//! flight, each part retried with backoff, credentials renewed when they expire, the state
//! saved after every confirmed part. Memory is bounded by `parts_in_flight * part_size`.

mod files;

use files::{Part, changed, file_md5, parts_changed, read_part};

use super::check::{Checked, MediaKind, check_file, check_tags, content_type, title_for};
use super::error::UploadError;
use super::oss::{OssClient, OssError, Payload, etag_of};
use super::state::{StateStore, UploadState};
use crate::api::upload_calls::{UploadAuth, UploadMeta};
use crate::api::{ApiError, Client};
use futures_util::StreamExt as _;
use futures_util::stream::FuturesUnordered;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

pub const MIB: u64 = 1024 * 1024;

#[derive(Clone, Debug)]
pub struct UploadConfig {
    /// Preferred part size; grown when the file would need more than 10 000 parts.
    pub part_size: u64,
    /// Files up to this size go in one PutObject.
    pub simple_limit: u64,
    pub parts_in_flight: usize,
    /// Tries per request (parts, PUT, completion) before giving up.
    pub attempts: u32,
    pub backoff_base: Duration,
    pub backoff_cap: Duration,
    /// One OSS request, connection to last byte.
    pub request_timeout: Duration,
    /// Allow a plain-http OSS endpoint that is not this machine.
    pub allow_insecure_http: bool,
    /// Renew the credentials this long before they expire.
    pub refresh_margin: Duration,
}

impl Default for UploadConfig {
    fn default() -> Self {
        UploadConfig {
            part_size: 8 * MIB,
            simple_limit: 10 * MIB,
            parts_in_flight: 4,
            attempts: 5,
            backoff_base: Duration::from_millis(500),
            backoff_cap: Duration::from_secs(15),
            request_timeout: Duration::from_secs(300),
            allow_insecure_http: false,
            refresh_margin: Duration::from_secs(300),
        }
    }
}

/// Part size within the OSS limits: at least 100 KB, at most 10 000 parts.
pub fn choose_part_size(size: u64, preferred: u64) -> u64 {
    let p = preferred.max(100 * 1024);
    let needed = size.div_ceil(10_000);
    if needed > p { (needed.div_ceil(MIB) * MIB).min(5 * 1024 * MIB) } else { p }
}

/// Pause and cancel, from another thread.
#[derive(Default)]
pub struct Control {
    paused: AtomicBool,
    cancelled: AtomicBool,
    wake: tokio::sync::Notify,
}

impl Control {
    /// Stops after dropping the parts in flight; the state stays for a resume.
    pub fn pause(&self) {
        self.paused.store(true, Ordering::SeqCst);
        self.wake.notify_one();
    }
    pub fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
    }
    /// Stops and aborts the multipart upload; the state is removed.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
        self.wake.notify_one();
    }
    pub fn is_paused(&self) -> bool {
        self.paused.load(Ordering::SeqCst)
    }
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }
}

/// What a front end shows while a file goes up.
#[derive(Default)]
pub struct Progress {
    /// Bytes confirmed by OSS.
    pub done: AtomicU64,
    pub total: AtomicU64,
    /// Known once CreateUpload* answered (or from the saved state).
    pub media_id: Mutex<Option<String>>,
    /// Credential renewals so far.
    pub renewals: AtomicU64,
    /// Parts retried after a failure.
    pub retries: AtomicU64,
}

impl Progress {
    pub fn media_id(&self) -> Option<String> {
        self.media_id.lock().ok().and_then(|m| m.clone())
    }
    pub fn fraction(&self) -> f32 {
        let t = self.total.load(Ordering::Relaxed);
        if t == 0 { 0.0 } else { self.done.load(Ordering::Relaxed) as f32 / t as f32 }
    }
}

/// One file to upload.
#[derive(Clone, Debug, Default)]
pub struct FileRequest {
    pub path: PathBuf,
    pub title: Option<String>,
    pub tags: Option<String>,
    pub cate_id: Option<i64>,
    /// The application the new media belongs to (the project's AppId; absent: the default).
    pub app_id: Option<String>,
    /// Start over even if a saved state exists (used after the user agreed to, when the file
    /// changed since its upload began).
    pub restart: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Uploaded {
    pub media_id: String,
    pub kind: MediaKind,
    pub title: String,
    pub size: u64,
    pub parts: u32,
    /// Parts found already uploaded (a resume).
    pub resumed_parts: u32,
}

/// The temporary credentials, renewed by whichever part first finds them expired.
struct Session<'a> {
    client: &'a Client,
    kind: MediaKind,
    media_id: String,
    /// Generation, credentials.
    auth: tokio::sync::Mutex<(u64, UploadAuth)>,
    progress: &'a Progress,
    path: String,
}

impl Session<'_> {
    async fn current(&self) -> (u64, UploadAuth) {
        let g = self.auth.lock().await;
        (g.0, g.1.clone())
    }

    async fn refresh(&self, seen: u64) -> Result<(), UploadError> {
        let mut g = self.auth.lock().await;
        if g.0 != seen {
            return Ok(());
        }
        if self.kind == MediaKind::Image {
            return Err(UploadError::Input(crate::t!("cloud-up-image-expired", path = self.path.as_str())));
        }
        let t = self
            .client
            .refresh_upload_video(&self.media_id)
            .await
            .map_err(|error| UploadError::Api { path: self.path.clone(), error })?;
        *g = (g.0 + 1, t.auth);
        self.progress.renewals.fetch_add(1, Ordering::Relaxed);
        log::info!("{}: upload credentials renewed", self.path);
        Ok(())
    }
}

fn now_secs() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn backoff(cfg: &UploadConfig, attempt: u32) -> Duration {
    let exp = cfg.backoff_base.saturating_mul(1 << attempt.min(16).saturating_sub(1));
    let cap = exp.min(cfg.backoff_cap);
    let mut b = [0u8; 4];
    let _ = getrandom::fill(&mut b);
    cap.mul_f64(0.5 + 0.5 * (f64::from(u32::from_le_bytes(b)) / f64::from(u32::MAX)))
}

/// Runs one OSS request with the retry policy: transient failures are tried again with
/// backoff (OSS requests of an upload are idempotent), expired credentials are renewed.
async fn with_retries<T, F, Fut>(s: &Session<'_>, cfg: &UploadConfig, what: &str, mut f: F) -> Result<T, UploadError>
where
    F: FnMut(UploadAuth) -> Fut,
    Fut: std::future::Future<Output = Result<T, OssError>>,
{
    let mut attempt = 0u32;
    let mut renewals = 0u32;
    loop {
        let (gen_seen, auth) = s.current().await;
        if auth.expires_at.is_some_and(|t| t - now_secs() < cfg.refresh_margin.as_secs() as i64)
            && s.kind != MediaKind::Image
            && renewals == 0
        {
            renewals += 1;
            s.refresh(gen_seen).await?;
            continue;
        }
        attempt += 1;
        match f(auth).await {
            Ok(v) => return Ok(v),
            Err(e) if e.is_expired_credentials() && renewals < 3 => {
                renewals += 1;
                attempt -= 1;
                s.refresh(gen_seen).await?;
            }
            Err(e) if e.is_transient() && attempt < cfg.attempts.max(1) => {
                s.progress.retries.fetch_add(1, Ordering::Relaxed);
                let d = backoff(cfg, attempt);
                log::info!("{}: {what} failed ({e}); trying again in {d:?}", s.path);
                tokio::time::sleep(d).await;
            }
            Err(error) => {
                return Err(UploadError::Oss {
                    path: s.path.clone(),
                    what: what.to_owned(),
                    error,
                    attempts: attempt,
                    kept: false,
                });
            }
        }
    }
}

/// The OSS client for a state's address. An address refused here (plain http to another
/// machine, not a URL) is not kept: the state is removed, so the next try asks VOD anew.
fn oss_for(st: &UploadState, cfg: &UploadConfig, store: &StateStore, shown: &str) -> Result<OssClient, String> {
    OssClient::new(&st.address, cfg.request_timeout, cfg.allow_insecure_http).map_err(|e| {
        store.remove(&st.path);
        format!("{shown}: {e}")
    })
}

/// Starting over: the old multipart upload is aborted (its parts would otherwise stay in OSS,
/// unbilled but unused, until its lifecycle rule drops them). Best effort: the new upload goes
/// on whatever happens here.
async fn abort_old(client: &Client, st: &UploadState, cfg: &UploadConfig) {
    let Some(upload_id) = &st.upload_id else { return };
    let Ok(oss) = OssClient::new(&st.address, cfg.request_timeout, cfg.allow_insecure_http) else { return };
    let aborted = match client.refresh_upload_video(&st.media_id).await {
        Ok(t) => oss.abort(&t.auth, upload_id).await.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    if let Err(e) = aborted {
        log::warn!("{}: could not abort the earlier multipart upload: {e}", st.path.display());
    }
}

/// The saved state to continue from, if any and if it may be: the file must be the same
/// (size, time, the bytes of the confirmed parts). Starting over removes it (aborting its
/// multipart upload) or, when it cannot be read, moves it aside.
async fn saved_state(
    client: &Client,
    store: &StateStore,
    req: &FileRequest,
    cfg: &UploadConfig,
    checked: &Checked,
    abs: &Path,
) -> Result<Option<UploadState>, UploadError> {
    let shown = req.path.display().to_string();
    let saved = match store.load(abs) {
        Ok(s) => s,
        Err(detail) if !req.restart => return Err(UploadError::StateUnusable { path: shown, detail }),
        Err(detail) => {
            match store.move_aside(abs) {
                Ok(aside) => log::warn!("{detail}; moved aside as {}", aside.display()),
                Err(e) => log::warn!("{detail}; could not move it aside ({e})"),
            }
            return Ok(None);
        }
    };
    let Some(mut s) = saved else { return Ok(None) };
    if req.restart || s.kind == MediaKind::Image {
        abort_old(client, &s, cfg).await;
        store.remove(abs);
        return Ok(None);
    }
    let differs = match changed(checked, &s) {
        Some(why) => Some(why),
        None => parts_changed(&req.path, &mut s).await?,
    };
    match differs {
        Some(detail) => Err(UploadError::Changed { path: shown, detail, restart_hint: true }),
        None => Ok(Some(s)),
    }
}

/// Uploads one file (or continues its saved upload). Returns when OSS has the whole object.
pub async fn upload_file(
    client: &Client,
    store: &StateStore,
    req: &FileRequest,
    cfg: &UploadConfig,
    ctl: &Control,
    progress: &Progress,
) -> Result<Uploaded, UploadError> {
    let checked = check_file(&req.path).map_err(UploadError::Input)?;
    let abs = std::path::absolute(&req.path).unwrap_or_else(|_| req.path.clone());
    let shown = req.path.display().to_string();
    let title = title_for(&req.path, req.title.as_deref()).map_err(|e| UploadError::Input(format!("{shown}: {e}")))?;
    let tags = match req.tags.as_deref() {
        Some(t) => Some(check_tags(t).map_err(|e| UploadError::Input(format!("{shown}: {e}")))?),
        None => None,
    };
    progress.total.store(checked.size, Ordering::Relaxed);
    let api = |error: ApiError| UploadError::Api { path: shown.clone(), error };

    // One upload of a file at a time: two would send every part twice and then fight over
    // one multipart upload.
    let _lock = match store.lock(&abs) {
        Ok(Some(lock)) => lock,
        Ok(None) => return Err(UploadError::Busy { path: shown }),
        Err(detail) => return Err(UploadError::Io { path: shown, detail }),
    };
    let resumed = saved_state(client, store, req, cfg, &checked, &abs).await?;

    let (mut st, auth, oss) = match resumed {
        Some(s) => {
            let oss = oss_for(&s, cfg, store, &shown).map_err(UploadError::Input)?;
            let t = client.refresh_upload_video(&s.media_id).await.map_err(api)?;
            (s, t.auth, oss)
        }
        None => {
            let meta = UploadMeta {
                title: title.clone(),
                file_name: req.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                file_size: checked.size,
                tags,
                cate_id: req.cate_id,
                description: None,
                app_id: req.app_id.clone(),
            };
            let ticket = match checked.kind {
                MediaKind::Image => client.create_upload_image(&meta, &checked.ext).await,
                _ => client.create_upload_video(&meta).await,
            }
            .map_err(api)?;
            let multipart = checked.kind != MediaKind::Image && checked.size > cfg.simple_limit;
            let s = UploadState {
                version: 1,
                path: abs.clone(),
                size: checked.size,
                mtime_ns: checked.mtime_ns.to_string(),
                kind: checked.kind,
                media_id: ticket.media_id.clone(),
                title: title.clone(),
                address: ticket.address.clone(),
                upload_id: None,
                part_size: if multipart { choose_part_size(checked.size, cfg.part_size) } else { checked.size },
                parts: Default::default(),
                checks: Default::default(),
                started: now_secs().max(0) as u64,
            };
            // An address we refuse is never saved: a resume would only meet it again.
            let oss = oss_for(&s, cfg, store, &shown).map_err(UploadError::Input)?;
            // Saved before any byte goes out, so a crash from here on resumes this media
            // instead of creating another. Images cannot renew credentials: no resume.
            if checked.kind != MediaKind::Image {
                store.save(&s).map_err(|detail| UploadError::Io { path: shown.clone(), detail })?;
            }
            (s, ticket.auth, oss)
        }
    };
    if let Ok(mut m) = progress.media_id.lock() {
        *m = Some(st.media_id.clone());
    }
    let session = Session {
        client,
        kind: st.kind,
        media_id: st.media_id.clone(),
        auth: tokio::sync::Mutex::new((0, auth)),
        progress,
        path: shown.clone(),
    };
    let ctype = content_type(&checked.ext);
    let kind = st.kind;
    let kept = |e: UploadError| match e {
        UploadError::Oss { path, what, error, attempts, .. } if kind != MediaKind::Image => {
            UploadError::Oss { path, what, error, attempts, kept: true }
        }
        other => other,
    };

    if st.upload_id.is_none() && st.part_size >= st.size {
        // One PUT, streamed from the file.
        if ctl.is_cancelled() {
            store.remove(&abs);
            return Err(UploadError::Cancelled);
        }
        // Streamed from the file (an image may be gigabytes): its MD5 first, then each try
        // reads it again as it goes out. OSS checks the MD5, so a file changed in between is
        // refused rather than stored.
        let md5 = file_md5(&req.path, st.size).await?;
        let step = crate::t!("cloud-step-upload");
        let put = with_retries(&session, cfg, &step, |auth| {
            let data = Payload::File { path: req.path.clone(), len: st.size };
            let oss = &oss;
            async move { oss.put_object(&auth, data, &md5, ctype).await }
        });
        tokio::select! {
            r = put => r.map_err(kept)?,
            _ = wait_for_stop(ctl) => return stop(ctl, store, &abs, None, &oss, &session).await,
        }
        progress.done.store(st.size, Ordering::Relaxed);
        store.remove(&abs);
        return Ok(Uploaded {
            media_id: st.media_id.clone(),
            kind: st.kind,
            title: st.title.clone(),
            size: st.size,
            parts: 1,
            resumed_parts: 0,
        });
    }

    // Multipart.
    let mut resumed_parts = 0;
    match st.upload_id.clone() {
        None => {
            let id = with_retries(&session, cfg, &crate::t!("cloud-step-initiate"), |auth| {
                let oss = &oss;
                async move { oss.initiate(&auth, ctype).await }
            })
            .await
            .map_err(kept)?;
            st.upload_id = Some(id);
            store.save(&st).map_err(|detail| UploadError::Io { path: shown.clone(), detail })?;
        }
        Some(id) => {
            // Parts OSS confirmed after the last state save (a kill between the answer and the
            // save) are taken over when their ETag is the MD5 of the local bytes.
            let listed = with_retries(&session, cfg, &crate::t!("cloud-step-list"), |auth| {
                let (oss, id) = (&oss, &id);
                async move { oss.list_parts(&auth, id).await }
            })
            .await;
            match listed {
                Ok(list) => {
                    for p in list {
                        if p.number == 0 || p.number > st.part_count() || st.parts.contains_key(&p.number) {
                            continue;
                        }
                        let (off, len) = st.part_range(p.number);
                        if p.size != len {
                            continue;
                        }
                        let part = read_part(&req.path, off, len).await?;
                        if etag_of(&part.md5) == p.etag {
                            st.parts.insert(p.number, p.etag);
                            st.checks.insert(p.number, part.check);
                        }
                    }
                    resumed_parts = st.parts.len() as u32;
                    store.save(&st).map_err(|detail| UploadError::Io { path: shown.clone(), detail })?;
                }
                Err(UploadError::Oss { error: OssError::Service { ref code, .. }, .. }) if code == "NoSuchUpload" => {
                    // Completed before the state could be removed, or aborted: ask VOD.
                    let info = client.get_video_info(&st.media_id).await.map_err(api)?;
                    if info.status != "Uploading" && !info.status.is_empty() {
                        store.remove(&abs);
                        progress.done.store(st.size, Ordering::Relaxed);
                        return Ok(Uploaded {
                            media_id: st.media_id.clone(),
                            kind: st.kind,
                            title: st.title.clone(),
                            size: st.size,
                            parts: st.part_count(),
                            resumed_parts: st.part_count(),
                        });
                    }
                    let id = with_retries(&session, cfg, &crate::t!("cloud-step-initiate"), |auth| {
                        let oss = &oss;
                        async move { oss.initiate(&auth, ctype).await }
                    })
                    .await
                    .map_err(kept)?;
                    st.upload_id = Some(id);
                    st.parts.clear();
                    st.checks.clear();
                    store.save(&st).map_err(|detail| UploadError::Io { path: shown.clone(), detail })?;
                }
                Err(e) => return Err(kept(e)),
            }
        }
    }
    let upload_id = st.upload_id.clone().unwrap_or_default();
    progress.done.store(st.confirmed_bytes(), Ordering::Relaxed);
    let mut pending: std::collections::VecDeque<u32> =
        (1..=st.part_count()).filter(|n| !st.parts.contains_key(n)).collect();
    let mut in_flight = FuturesUnordered::new();
    let (part_size, size) = (st.part_size, st.size);
    let send = |n: u32| {
        let off = u64::from(n - 1) * part_size;
        let len = (off + part_size).min(size) - off;
        let (oss, session, path, upload_id) = (&oss, &session, &req.path, &upload_id);
        async move {
            let Part { data, md5, check } = read_part(path, off, len).await?;
            let etag = with_retries(session, cfg, &crate::t!("cloud-step-part", n = n), |auth| {
                let data = data.clone();
                async move { oss.upload_part(&auth, upload_id, n, data, &md5).await }
            })
            .await?;
            Ok::<_, UploadError>((n, etag, len, check))
        }
    };
    loop {
        if ctl.is_cancelled() || ctl.is_paused() {
            drop(in_flight);
            return stop(ctl, store, &abs, Some(&upload_id), &oss, &session).await;
        }
        while in_flight.len() < cfg.parts_in_flight.max(1) {
            let Some(n) = pending.pop_front() else { break };
            in_flight.push(send(n));
        }
        if in_flight.is_empty() {
            break;
        }
        tokio::select! {
            r = in_flight.next() => match r {
                Some(Ok((n, etag, len, check))) => {
                    st.parts.insert(n, etag);
                    st.checks.insert(n, check);
                    store.save(&st).map_err(|detail| UploadError::Io { path: shown.clone(), detail })?;
                    progress.done.fetch_add(len, Ordering::Relaxed);
                }
                Some(Err(e)) => return Err(kept(e)),
                None => break,
            },
            _ = ctl.wake.notified() => {}
        }
    }
    drop(in_flight);

    // The parts were read over time: make sure they are all of the same file (its size and
    // time, and each part's bytes: a copy keeping both may have replaced it meanwhile).
    let differs = match check_file(&req.path) {
        Ok(now) => match changed(&now, &st) {
            Some(why) => Some(why),
            None => parts_changed(&req.path, &mut st).await?,
        },
        // Gone since: every part was read, the object is whole.
        Err(_) => None,
    };
    if let Some(detail) = differs {
        return Err(UploadError::Changed { path: shown, detail, restart_hint: true });
    }
    let parts: Vec<(u32, String)> = st.parts.iter().map(|(n, e)| (*n, e.clone())).collect();
    let done = with_retries(&session, cfg, &crate::t!("cloud-step-complete"), |auth| {
        let (oss, upload_id, parts) = (&oss, &upload_id, &parts);
        async move { oss.complete(&auth, upload_id, parts).await }
    })
    .await;
    match done {
        Ok(()) => {}
        // A completion whose answer was lost, then repeated: OSS no longer knows the upload
        // because it completed.
        Err(UploadError::Oss { error: OssError::Service { ref code, .. }, attempts, .. })
            if code == "NoSuchUpload" && attempts > 1 => {}
        Err(e) => return Err(kept(e)),
    }
    store.remove(&abs);
    Ok(Uploaded {
        media_id: st.media_id.clone(),
        kind: st.kind,
        title: st.title.clone(),
        size: st.size,
        parts: st.part_count(),
        resumed_parts,
    })
}

async fn wait_for_stop(ctl: &Control) {
    while !(ctl.is_paused() || ctl.is_cancelled()) {
        ctl.wake.notified().await;
    }
}

/// Paused: keep the state. Cancelled: abort the multipart upload and forget the state.
async fn stop(
    ctl: &Control,
    store: &StateStore,
    abs: &Path,
    upload_id: Option<&str>,
    oss: &OssClient,
    session: &Session<'_>,
) -> Result<Uploaded, UploadError> {
    if !ctl.is_cancelled() {
        return Err(UploadError::Paused);
    }
    if let Some(id) = upload_id {
        let (_, auth) = session.current().await;
        if let Err(e) = oss.abort(&auth, id).await {
            // OSS deletes the parts of an abandoned upload after 7 days anyway.
            log::warn!("{}: aborting the multipart upload failed: {e}", session.path);
        }
    }
    store.remove(abs);
    Err(UploadError::Cancelled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_sizes_stay_within_oss_limits() {
        assert_eq!(choose_part_size(200 * MIB, 8 * MIB), 8 * MIB);
        assert_eq!(choose_part_size(1, 1), 100 * 1024);
        let huge = 48_800_000_000_000;
        let p = choose_part_size(huge, 8 * MIB);
        assert!(huge.div_ceil(p) <= 10_000 && p <= 5 * 1024 * MIB, "{p}");
    }
}
