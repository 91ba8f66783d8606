//! `vodcut media upload FILE...`: every file checked first, then handed to the core's upload
//! queue (the editor's), which uploads them one after another (large ones in parallel parts);
//! a progress line on stderr when it is a terminal, the new MediaIds on stdout. Interrupted
//! uploads continue when the same command runs again; with `--wait`, each is followed until
//! VOD says Normal, as the editor does.

use super::cloud::{connection, exit_for};
use super::{
    CliResult, Connection, EXIT_BAD_INPUT, EXIT_NETWORK, EXIT_OK, EXIT_REFUSED, EXIT_SETTINGS, EXIT_WRITE_FAILED,
    Shell, print,
};
use crate::core::uploads::{Item, ItemState, Uploads};
use crate::upload::check::{check_file, check_tags, title_for};
use crate::upload::oss::OssError;
use crate::upload::{FileRequest, Speed, UploadError, human_bytes, human_duration};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

pub struct Options {
    pub title: Option<String>,
    pub tags: Option<String>,
    pub cate_id: Option<i64>,
    /// The application the new media belong to.
    pub app_id: Option<String>,
    pub restart: bool,
    pub parallel: usize,
    /// Follow each upload until VOD says Normal.
    pub wait: bool,
    pub json: bool,
}

pub(crate) fn exit_for_upload(e: &UploadError) -> i32 {
    match e {
        UploadError::Input(_) | UploadError::Changed { .. } | UploadError::StateUnusable { .. } => EXIT_BAD_INPUT,
        UploadError::Busy { .. } => EXIT_BAD_INPUT,
        UploadError::Api { error, .. } => exit_for(error),
        UploadError::Oss { error: OssError::Network(_), .. } => EXIT_NETWORK,
        UploadError::Oss { .. } => EXIT_REFUSED,
        UploadError::Io { .. } => EXIT_WRITE_FAILED,
        UploadError::Paused | UploadError::Cancelled => EXIT_NETWORK,
    }
}

/// `name  [####----]  42%  120 MB of 290 MB  35.2 MB/s  0:05 left`, redrawn in place.
fn progress_line(item: &Item, speed: &mut Speed, since: Instant) -> String {
    let (done, total) = (item.progress.done.load(Ordering::Relaxed), item.progress.total.load(Ordering::Relaxed));
    speed.sample(since.elapsed().as_secs_f64(), done);
    let pct = (done * 100).checked_div(total).unwrap_or(0);
    let width = 24usize;
    let filled = (pct as usize * width / 100).min(width);
    let rate = speed.bytes_per_sec().map(|s| crate::t!("cli-up-rate", size = human_bytes(s))).unwrap_or_default();
    let left = speed
        .time_left(total.saturating_sub(done))
        .map(|d| crate::t!("cli-up-left", time = human_duration(d)))
        .unwrap_or_default();
    let amount = crate::t!("cli-up-amount", done = human_bytes(done as f64), total = human_bytes(total as f64));
    format!(
        "\r\x1b[2K{}  [{}{}] {pct:>3}%  {amount}{rate}{left}",
        item.name,
        "#".repeat(filled),
        "-".repeat(width - filled)
    )
}

/// The files' problems, all of them, before anything is sent: one bad name does not leave
/// half a batch uploaded.
fn check_all(files: &[PathBuf], opts: &Options) -> Result<(), (i32, String)> {
    let mut problems = Vec::new();
    for f in files {
        if let Err(e) = check_file(f) {
            problems.push(e);
        } else if let Err(e) = title_for(f, opts.title.as_deref()) {
            problems.push(format!("{}: {e}", f.display()));
        }
    }
    if let Some(t) = &opts.tags
        && let Err(e) = check_tags(t)
    {
        problems.push(format!("--tags: {e}")); // i18n-exempt: the option's name
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err((EXIT_BAD_INPUT, crate::t!("cli-up-nothing", problems = problems.join("\n  "))))
    }
}

/// What a finished file says on stderr, and its line or record on stdout.
fn report(
    item: &Item,
    opts: &Options,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<serde_json::Value, (i32, String)> {
    let f = &item.path;
    let Some(u) = &item.uploaded else {
        let e = item.failure.as_ref().map(ToString::to_string).unwrap_or_else(|| item.label());
        let _ = writeln!(err, "vodcut: {e}");
        let mut v = serde_json::json!({"File": f, "Error": e});
        if let Some(id) = item.media_id.clone().or_else(|| item.progress.media_id()) {
            v["MediaId"] = id.into();
        }
        return Ok(v);
    };
    let secs = match (item.started, item.finished) {
        (Some(a), Some(b)) => b.duration_since(a).as_secs_f64(),
        _ => 0.0,
    }
    .max(0.001);
    let resumed = if u.resumed_parts > 0 {
        crate::t!("cli-up-resumed", resumed = u.resumed_parts, parts = u.parts)
    } else {
        String::new()
    };
    let _ = writeln!(
        err,
        "{}",
        crate::t!(
            "cli-up-done",
            file = f.display().to_string(),
            size = human_bytes(u.size as f64),
            secs = format!("{secs:.1}"),
            speed = human_bytes(u.size as f64 / secs),
            resumed = resumed
        )
    );
    if !opts.json {
        print(out, &format!("{}  {:<5}  {}", u.media_id, u.kind.as_str(), f.display()))?;
    }
    let mut v = serde_json::json!({"File": f, "MediaId": u.media_id, "MediaType": u.kind.as_str(),
        "Title": u.title, "Size": u.size, "Parts": u.parts, "ResumedParts": u.resumed_parts});
    if opts.wait {
        let status = if item.state == ItemState::Ready { "Normal".to_owned() } else { item.label() };
        v["Status"] = status.into();
    }
    Ok(v)
}

/// Whether the item is done for this command: uploaded (and, with `--wait`, Normal or failed
/// in VOD), failed, or stopped.
fn settled(item: &Item, wait: bool) -> bool {
    match &item.state {
        ItemState::Queued | ItemState::Uploading => false,
        ItemState::Processing(_) => !wait,
        _ => true,
    }
}

/// The core's upload queue, its resumable state in the data folder, and the channel each
/// result wakes (the executor's callback); the command waits on it, else redraws every quarter
/// second.
pub(crate) fn queue(sh: &Shell) -> Result<(Uploads, std::sync::mpsc::Receiver<()>), (i32, String)> {
    let data = sh.env.data_dir.clone().ok_or_else(|| (EXIT_SETTINGS, crate::t!("cli-no-data-folder")))?;
    let (wake_tx, woken) = std::sync::mpsc::channel();
    let wake_tx = std::sync::Mutex::new(wake_tx);
    sh.executor.set_wake(std::sync::Arc::new(move || {
        let _ = wake_tx.lock().map(|t| t.send(()));
    }));
    Ok((Uploads::new(Some(data), sh.executor.clone()), woken))
}

pub fn run(
    sh: &Shell,
    files: &[PathBuf],
    opts: &Options,
    conn: &Connection,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    check_all(files, opts)?;
    // Credentials are looked for before anything is queued (a missing key is a settings
    // problem, said once).
    let (c, _) = connection(sh, conn, None)?;
    let region = c.region.clone();
    let (mut queue, woken) = queue(sh)?;
    queue.config.parts_in_flight = opts.parallel.max(1);
    queue.follow = opts.wait;
    queue.probe = false;
    for f in files {
        let req = FileRequest {
            path: f.clone(),
            title: opts.title.clone(),
            tags: opts.tags.clone(),
            cate_id: opts.cate_id,
            app_id: opts.app_id.clone(),
            restart: opts.restart,
        };
        queue.add_request(req).map_err(|e| (EXIT_BAD_INPUT, crate::t!("cli-up-nothing", problems = e)))?;
    }
    let tty = std::io::stderr().is_terminal();
    let mut stderr = std::io::stderr();
    let (mut speed, mut since, mut drawing) = (Speed::default(), Instant::now(), None);
    let mut reported = vec![false; queue.items.len()];
    let mut results = vec![serde_json::Value::Null; queue.items.len()];
    let mut first_failure = None;
    loop {
        queue.update(c.clone());
        for (n, item) in queue.items.iter().enumerate() {
            if !reported[n] && settled(item, opts.wait) {
                reported[n] = true;
                if drawing.take().is_some() {
                    let _ = write!(stderr, "\r\x1b[2K");
                }
                results[n] = report(item, opts, out, err)?;
                if item.uploaded.is_none() {
                    let code = item.failure.as_ref().map_or(EXIT_NETWORK, exit_for_upload);
                    first_failure.get_or_insert(code);
                } else if let ItemState::Failed(why) = &item.state {
                    let _ = writeln!(err, "vodcut: {}: {why}", item.path.display());
                    first_failure.get_or_insert(EXIT_REFUSED);
                }
            }
        }
        if reported.iter().all(|r| *r) {
            break;
        }
        if tty && let Some(item) = queue.items.iter().find(|i| i.state == ItemState::Uploading) {
            if drawing != Some(item.id) {
                (speed, since, drawing) = (Speed::default(), Instant::now(), Some(item.id));
            }
            let _ = write!(stderr, "{}", progress_line(item, &mut speed, since));
            let _ = stderr.flush();
        }
        let _ = woken.recv_timeout(Duration::from_millis(250));
    }
    if opts.json {
        print(out, &serde_json::to_string_pretty(&results).unwrap_or_default())?;
    }
    match first_failure {
        None => {
            if !opts.json && !opts.wait {
                // i18n-exempt: a command line
                let next = conn.next_command(&["media", "info", "ID"], Some(&region));
                let _ = writeln!(err, "{}", crate::t!("cli-up-follow", command = next));
            }
            Ok(EXIT_OK)
        }
        Some(code) => Err((
            code,
            crate::t!(
                "cli-up-failed",
                failed = results
                    .iter()
                    .filter(|r| r.get("Error").is_some() || r.get("Status").is_some_and(|s| s != "Normal"))
                    .count(),
                files = files.len()
            ),
        )),
    }
}
