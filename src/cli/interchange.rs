//! `vodcut import` (an API Timeline, or an edit from another editor) and `vodcut export-otio`:
//! the command line over [`crate::interchange`] (reading, the media map, the library match,
//! the report) and the core's upload queue.

use super::cloud::{client, connection};
use super::{CliResult, Connection, EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEMS, Shell, write_project};
use crate::core::uploads::ItemState;
use crate::interchange::media::{self, Found, Resolution};
use crate::interchange::{Format, Options, report};
use crate::store::{input, output};
use crate::upload::FileRequest;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub struct ImportArgs {
    pub file: PathBuf,
    pub output: Option<PathBuf>,
    pub force: bool,
    pub media: Option<PathBuf>,
    pub upload: bool,
    pub offline: bool,
    pub fps: Option<String>,
}

pub fn import(sh: &Shell, a: ImportArgs, conn: &Connection, out: &mut dyn Write, err: &mut dyn Write) -> CliResult {
    let format = (!input::is_stdio(&a.file)).then(|| Format::of_path(&a.file)).flatten();
    let Some(format) = format else {
        // An API Timeline (.json, or standard input), as before.
        let Some(output) = a.output else {
            return Err((EXIT_BAD_INPUT, crate::t!("cli-import-needs-output")));
        };
        let project = super::load(&a.file)?;
        return write_project(&project, &[&a.file], &output, a.force, out, err);
    };
    let output = a.output.clone().unwrap_or_else(|| a.file.with_extension("vodcut"));
    let edl_rate = a.fps.as_deref().map(super::render::parse_fps).transpose()?;
    if edl_rate.is_some() && format != Format::Edl {
        return Err((EXIT_BAD_INPUT, crate::t!("cli-ix-fps-edl-only")));
    }
    // Everything the command reads is checked before anything is asked or sent.
    let mut inputs: Vec<&Path> = vec![&a.file];
    inputs.extend(a.media.as_deref());
    for i in &inputs {
        if !input::is_stdio(&output) && output::same_file(i, &output) {
            return Err((EXIT_BAD_INPUT, crate::t!("cli-import-same-file", file = output.display().to_string())));
        }
    }
    let seq = crate::interchange::read_file(&a.file, &Options { edl_rate, edl_drop: None })
        .map_err(|e| (EXIT_BAD_INPUT, e.to_string()))?;
    let map = a.media.as_deref().map(media::read_map).transpose().map_err(|e| (EXIT_BAD_INPUT, e))?;
    let mut res = Resolution::new(&seq, map.as_ref());
    if res.missing().next().is_some() && !a.offline {
        library(sh, conn, &seq, &mut res, err)?;
    }
    let mut upload_failed = None;
    if a.upload && res.missing().next().is_some() {
        upload_failed = upload(sh, conn, &seq, &mut res, err)?;
    }
    let imported = report::finish(&seq, &res);
    for line in &imported.report {
        let _ = writeln!(err, "{line}");
    }
    write_project(&imported.project, &inputs, &output, a.force, out, err)?;
    if let Some(code) = upload_failed {
        return Err((code, crate::t!("cli-ix-upload-failed", missing = imported.missing)));
    }
    if imported.missing > 0 {
        return Err((
            EXIT_PROBLEMS,
            crate::t!("cli-ix-missing", missing = imported.missing, clips = imported.clips_missing),
        ));
    }
    Ok(EXIT_OK)
}

/// Looks the sources still without a MediaId up in the library (SearchMedia, by file name).
/// Without credentials or network, the sources stay unmapped and the reason is said: the
/// import itself does not need VOD.
fn library(
    sh: &Shell,
    conn: &Connection,
    seq: &crate::interchange::Sequence,
    res: &mut Resolution,
    err: &mut dyn Write,
) -> Result<(), (i32, String)> {
    let client = match client(sh, conn, None) {
        Ok((client, _)) => client,
        Err((_, why)) => {
            let _ = writeln!(err, "{}", crate::t!("cli-ix-library-skipped", error = why));
            return Ok(());
        }
    };
    if let Err(e) = sh.block_on(media::match_library(&client, seq, res))? {
        let _ = writeln!(err, "{}", crate::t!("cli-ix-library-skipped", error = e.to_string()));
    }
    Ok(())
}

/// Uploads the files of the sources still without a MediaId (those the edit names by a path
/// that is a file here) through the core's upload queue; each uploaded source gets its
/// MediaId. Returns the exit code of the first failure, if any (the rest go on).
fn upload(
    sh: &Shell,
    conn: &Connection,
    seq: &crate::interchange::Sequence,
    res: &mut Resolution,
    err: &mut dyn Write,
) -> Result<Option<i32>, (i32, String)> {
    let (c, _) = connection(sh, conn, None)?;
    let (mut queue, woken) = super::upload::queue(sh)?;
    queue.follow = false;
    queue.probe = false;
    let mut sources: Vec<(u64, usize)> = Vec::new();
    let mut failed = None;
    let missing: Vec<usize> = res.missing().collect();
    for i in missing {
        let s = &seq.sources[i];
        let Some(path) = s.path.as_deref().map(PathBuf::from).filter(|p| p.is_file()) else {
            let shown = s.path.clone().unwrap_or_else(|| s.name.clone());
            let _ = writeln!(err, "{}", crate::t!("cli-ix-no-file", file = shown));
            continue;
        };
        let req =
            FileRequest { path: path.clone(), title: None, tags: None, cate_id: None, app_id: None, restart: false };
        match queue.add_request(req) {
            Ok(id) => sources.push((id, i)),
            Err(why) => {
                let _ = writeln!(err, "vodcut: {}: {why}", path.display());
                failed.get_or_insert(EXIT_BAD_INPUT);
            }
        }
    }
    let settled = |s: &ItemState| !matches!(s, ItemState::Queued | ItemState::Uploading);
    while !queue.items.iter().all(|i| settled(&i.state)) {
        queue.update(c.clone());
        let _ = woken.recv_timeout(Duration::from_millis(250));
    }
    for (id, source) in sources {
        let Some(item) = queue.items.iter().find(|i| i.id == id) else { continue };
        match (&item.media_id, &item.uploaded) {
            (Some(media_id), Some(_)) => {
                let _ = writeln!(
                    err,
                    "{}",
                    crate::t!("cli-ix-uploaded", file = item.path.display().to_string(), id = media_id.as_str())
                );
                res.set(source, media_id.clone(), Found::Uploaded);
            }
            _ => {
                let why = match &item.state {
                    ItemState::Failed(why) => why.clone(),
                    _ => item.label(),
                };
                let _ = writeln!(err, "vodcut: {}: {why}", item.path.display());
                let code = item.failure.as_ref().map_or(super::EXIT_NETWORK, super::upload::exit_for_upload);
                failed.get_or_insert(code);
            }
        }
    }
    Ok(failed)
}

/// `export-otio PROJECT -o FILE.otio`: the project as OpenTimelineIO, what it cannot carry
/// listed on stderr.
pub fn export_otio(file: &Path, out_path: &Path, force: bool, err: &mut dyn Write) -> CliResult {
    let project = super::load(file)?;
    let (text, notes) = crate::interchange::otio_write::write(&project);
    let target =
        output::Target { path: out_path.to_owned(), kind: output::Kind::Otio, inputs: vec![file.to_owned()], force };
    output::write(&target, text.as_bytes()).map_err(|e| (super::frames::exit_for(&e), e.to_string()))?;
    for n in &notes {
        let _ = writeln!(err, "{}", crate::t!("ix-report-note", note = n.as_str()));
    }
    let clips: usize = project.tracks.iter().map(|t| t.clips.len()).sum();
    let _ = writeln!(
        err,
        "{}",
        crate::t!("cli-ix-exported", file = out_path.display().to_string(), clips = clips, notes = notes.len())
    );
    Ok(EXIT_OK)
}
