//! `vodcut subtitles import|export`: the subtitle files of `crate::subtitles`, with a
//! project saved in place as the editor saves it (atomically, the old version kept as .bak).

use super::{CliResult, EXIT_BAD_INPUT, EXIT_OK, EXIT_WRITE_FAILED, SubtitlesCommand, print, time_arg};
use crate::model::Time;
use crate::store::output::{self, Kind, Target};
use crate::store::{input, project_file};
use crate::subtitles::{ImportOptions, export_srt, import_edit, read};
use crate::t;
use std::io::Write;
use std::path::Path;

pub fn run(command: SubtitlesCommand, out: &mut dyn Write) -> CliResult {
    match command {
        SubtitlesCommand::Import { project, file, track, as_text_effects, offset, encoding } => {
            let opened = project_file::open(&project).map_err(|e| (EXIT_BAD_INPUT, e.to_string()))?;
            if opened.origin != project_file::Origin::Project {
                return Err((EXIT_BAD_INPUT, t!("subtitles-timeline-file", file = shown(&project))));
            }
            let mut p = opened.project;
            let rate = p.frame_rate;
            let offset = match offset {
                Some(text) => time_arg("--offset", &text, rate)?,
                None => Time::ZERO,
            };
            let bad = |e: crate::subtitles::SubError| (EXIT_BAD_INPUT, e.describe(&file, rate));
            let cues = read(&file, encoding.as_deref()).map_err(bad)?;
            let options = ImportOptions { track, as_text_effects, offset };
            let (edit, made) = import_edit(&p, &cues, &options).map_err(bad)?;
            crate::edit::apply(&mut p, edit);
            project_file::save(&project, &p).map_err(|e| (EXIT_WRITE_FAILED, e.to_string()))?;
            let track = made.first().and_then(|r| p.tracks.get(r.track)).map_or("", |t| t.name.as_str());
            let place = if as_text_effects {
                t!("subtitles-where-effects", track = track)
            } else {
                t!("subtitles-where-track", track = track)
            };
            print(out, &t!("subtitles-imported", n = cues.len(), r#where = place, file = shown(&project)))
        }
        SubtitlesCommand::Export { project, output, track, force } => {
            let p = super::load(&project)?;
            let srt =
                export_srt(&p, track.as_deref()).map_err(|e| (EXIT_BAD_INPUT, e.describe(&project, p.frame_rate)))?;
            if input::is_stdio(&output) {
                out.write_all(srt.as_bytes())
                    .and_then(|()| out.flush())
                    .map_err(|e| (EXIT_WRITE_FAILED, t!("cli-cannot-write", error = e.to_string())))?;
                return Ok(EXIT_OK);
            }
            let target = Target { path: output.clone(), kind: Kind::Srt, inputs: vec![project], force };
            output::write(&target, srt.as_bytes()).map_err(|e| (super::frames::exit_for(&e), e.to_string()))?;
            let n = srt.matches(" --> ").count();
            print(out, &t!("subtitles-exported", n = n, file = shown(&output)))
        }
    }
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}
