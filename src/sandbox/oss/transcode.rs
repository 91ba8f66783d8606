//! What happens to an uploaded object after it arrives: the media's simulated transcode,
//! Uploading → UploadSucc → Transcoding → Normal, made playable where ffmpeg can read it.

use super::super::service::State;
use std::time::Duration;

/// The object of a media arrived: Uploading -> UploadSucc, then Transcoding, then Normal with
/// a duration after the simulated transcode (images are Normal at once). The steps are worked
/// out from the clock when a request comes ([`advance`]), so they survive a restart of a
/// sandbox kept on disk.
pub(super) fn finished(st: &mut State, key: &str) {
    let Some(u) = st.oss.uploads.values().find(|u| u.key == key).cloned() else { return };
    st.sync();
    if u.kind == "image" {
        set_status(st, &u.media_id, "Normal", 0.0);
    } else {
        set_status(st, &u.media_id, "UploadSucc", 0.0);
        st.oss.finishing.push((u.media_id.clone(), crate::sandbox::now_ms()));
        // One piece (up to 10 MiB): a file ffmpeg can read as it is, made playable once its
        // simulated transcode is over.
        let file = st.oss.objects.get(key).filter(|o| o.pieces.len() == 1).and_then(|o| o.pieces[0].file.clone());
        if let (Some(_), Some(file)) = (&st.oss.probe_with, file) {
            st.oss.arrived.insert(u.media_id, file);
        }
    }
    st.changed();
}

/// Makes an arrived file playable with the length ffmpeg reads from it (the sandbox). Files
/// ffmpeg cannot read stay unplayable, as VOD would fail to transcode them. Runs under the
/// server's lock, once per upload: a local file of at most 10 MiB, and at most 20 s.
fn make_playable(st: &mut State, id: &str) -> Option<f64> {
    let file = st.oss.arrived.remove(id)?;
    let seconds = probe_seconds(st.oss.probe_with.as_deref()?, &file)?;
    st.oss.probed.insert(id.to_owned(), seconds);
    st.files.videos.insert(id.to_owned(), file);
    Some(seconds)
}

fn probe_seconds(ffmpeg: &std::path::Path, file: &std::path::Path) -> Option<f64> {
    use crate::process::{Ended, Pipe};
    let mut cmd = std::process::Command::new(ffmpeg);
    cmd.args(["-hide_banner", "-nostdin", "-protocol_whitelist", "file", "-i"])
        .arg(file)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let mut child = crate::process::own_group(&mut cmd).spawn().ok()?;
    // ffmpeg without an output prints the input's description and stops; a watchdog stops
    // one that hangs (with whatever it started).
    let mut err = Pipe::read(child.stderr.take(), 1 << 20);
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let ended = crate::process::wait(&mut child, deadline, &std::sync::atomic::AtomicBool::new(false));
    let complete = crate::process::drain(child.id(), &mut [&mut err], deadline);
    if !matches!(ended, Ended::Exited(_)) || !complete {
        return None;
    }
    crate::media::decode::parse_duration(&String::from_utf8_lossy(&err.take()))
}

/// Moves finished uploads along their simulated transcode, by the time since they arrived.
pub fn advance(st: &mut State) {
    let now = crate::sandbox::now_ms();
    let total = st.oss.transcode.as_millis() as u64;
    for (id, since) in std::mem::take(&mut st.oss.finishing) {
        let age = now.saturating_sub(since);
        if age >= total {
            let duration = make_playable(st, &id).unwrap_or(st.oss.media_duration);
            set_status(st, &id, "Normal", duration);
        } else {
            if age >= total / 3 {
                set_status(st, &id, "Transcoding", 0.0);
            }
            st.oss.finishing.push((id, since));
        }
    }
}

fn set_status(st: &mut State, id: &str, status: &'static str, duration: f64) {
    if let Some(m) = st.media.iter_mut().find(|m| m.id == id) {
        m.status = status;
        m.duration = duration;
    }
}
