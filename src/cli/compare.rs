//! `vodcut compare`: the produced video against the draft, at every cut and marker
//! (core::compare). Exit 0 when nothing differs over the threshold, 1 when something does.

use super::frames::{PngOut, check_output_size, footage};
use super::{CliResult, Connection, EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED, EXIT_SETTINGS, Shell};
use crate::core::compare::{self, CompareError, Report, Why};
use crate::i18n::Clock;
use crate::store::project_file;
use std::io::Write;
use std::path::{Path, PathBuf};

pub struct CompareArgs {
    pub file: PathBuf,
    pub media: Option<String>,
    pub pictures: Option<PathBuf>,
    pub threshold: f32,
    pub json: bool,
    pub ffmpeg: Option<PathBuf>,
}

pub fn compare(sh: &Shell, a: CompareArgs, conn: &Connection, out: &mut dyn Write, err: &mut dyn Write) -> CliResult {
    if !(a.threshold > 0.0 && a.threshold < 100.0) {
        return Err((EXIT_BAD_INPUT, crate::t!("cli-compare-threshold", value = a.threshold.to_string())));
    }
    let project = project_file::open(&a.file).map_err(|e| (EXIT_BAD_INPUT, e.to_string()))?.project;
    check_output_size(&project)?;
    let media_id = match a.media {
        Some(m) if !m.trim().is_empty() => m.trim().to_owned(),
        _ => {
            let jobs = sh.env.job_store().map(|s| s.list().0).unwrap_or_default();
            compare::newest_production(&jobs, &a.file).ok_or_else(|| {
                (EXIT_BAD_INPUT, crate::t!("cli-compare-no-production", file = a.file.display().to_string()))
            })?
        }
    };
    if let Some(dir) = &a.pictures {
        prepare_folder(dir)?;
    }
    let footage = footage(sh, conn, Some(&project.region), a.ffmpeg.as_deref())?;
    let cancel = super::render::catch_ctrl_c();
    let progress = compare::Progress::default();
    let opts = compare::Options { threshold: a.threshold, ..Default::default() };
    let report = sh.block_on(compare::compare(&footage, &project, &media_id, &opts, &cancel, &progress))?.map_err(
        |e| match e {
            CompareError::NoFfmpeg(m) => (EXIT_SETTINGS, m),
            CompareError::Produced(m) => (EXIT_REFUSED, m),
            CompareError::Cancelled => (super::render::EXIT_CANCELLED, e.to_string()),
        },
    )?;
    let names = match &a.pictures {
        Some(dir) => write_pictures(&report, dir, &a.file, Clock::of(project.frame_rate))?,
        None => Vec::new(),
    };
    for n in &report.notes {
        let _ = writeln!(err, "{n}");
    }
    let clock = Clock::of(project.frame_rate);
    if a.json {
        print_json(&report, &names, clock, out)?;
    } else {
        print_text(&report, &names, clock, out)?;
    }
    Ok(if report.differences().next().is_some() { EXIT_PROBLEMS } else { EXIT_OK })
}

/// The pictures' folder: made if missing; a file or a link there is refused (nothing is
/// written through a link someone else placed).
fn prepare_folder(dir: &Path) -> Result<(), (i32, String)> {
    let shown = dir.display().to_string();
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err((EXIT_BAD_INPUT, crate::t!("cli-compare-not-folder", path = shown))),
        Err(_) => std::fs::create_dir_all(dir)
            .map_err(|e| (super::EXIT_WRITE_FAILED, crate::t!("cli-cannot-write", error = format!("{shown}: {e}")))),
    }
}

/// Each difference's side-by-side picture, `compare-NNN-HH_MM_SS_FF.png`; the names, in the
/// order of the differences.
/// A difference past [`compare::MAX_PICTURES`] has no pictures kept, and no file.
fn write_pictures(
    report: &Report,
    dir: &Path,
    project: &Path,
    clock: Clock,
) -> Result<Vec<Option<PathBuf>>, (i32, String)> {
    let mut names = Vec::new();
    let mut sink = std::io::sink();
    for (i, c) in report.differences().enumerate() {
        let Some(img) = compare::side_by_side(c) else {
            names.push(None);
            continue;
        };
        let stamp: String =
            clock.time(c.point.at).chars().map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' }).collect();
        let path = dir.join(format!("compare-{:03}-{stamp}.png", i + 1));
        let mut png = PngOut::new(&path, vec![project.to_owned()], false, &mut sink);
        png.write(&img)?;
        names.push(Some(path));
    }
    Ok(names)
}

fn print_text(
    report: &Report,
    names: &[Option<PathBuf>],
    clock: Clock,
    out: &mut dyn Write,
) -> Result<(), (i32, String)> {
    let mut lines = Vec::new();
    for (i, c) in report.differences().enumerate() {
        let score = if c.past_end { crate::t!("compare-past-end") } else { format!("{:.1}%", c.difference.score) };
        let mut line = format!("{}  {:<10}  {score}", clock.time(c.point.at), c.point.why.words());
        if let Some(Some(n)) = names.get(i) {
            line.push_str(&format!("  {}", n.display()));
        }
        lines.push(line);
    }
    let differ = lines.len();
    lines.push(crate::t!(
        "cli-compare-summary",
        checked = report.checked.len(),
        found = report.points_found,
        differ = differ,
        threshold = format!("{:.1}", report.threshold)
    ));
    super::print(out, &lines.join("\n")).map(drop)
}

fn print_json(
    report: &Report,
    names: &[Option<PathBuf>],
    clock: Clock,
    out: &mut dyn Write,
) -> Result<(), (i32, String)> {
    let mut pictures = names.iter();
    let points: Vec<serde_json::Value> = report
        .checked
        .iter()
        .map(|c| {
            let over = c.difference.score > report.threshold;
            // JSON values a script matches on, the same in every language.
            let (kind, label) = match &c.point.why {
                Why::Start => ("start", None),         // i18n-exempt: a JSON value
                Why::Cut => ("cut", None),             // i18n-exempt: a JSON value
                Why::Marker(l) => ("marker", Some(l.as_str())), // i18n-exempt: a JSON value
            };
            serde_json::json!({"Time": clock.time(c.point.at), "Seconds": c.point.at.as_secs_f64(),
                "SampledAt": c.point.sample.as_secs_f64(), "Kind": kind, "Label": label,
                "Difference": (c.difference.score * 10.0).round() / 10.0, "Mean": (c.difference.mean * 10.0).round() / 10.0,
                "Worst": c.difference.worst, "PastEnd": c.past_end, "Differs": over,
                "Picture": if over { pictures.next().and_then(Option::as_ref).map(|p| p.display().to_string()) } else { None }})
        })
        .collect();
    let v = serde_json::json!({"MediaId": report.media_id, "Threshold": report.threshold,
        "PointsFound": report.points_found, "DraftSeconds": report.draft_end.as_secs_f64(),
        "ProducedSeconds": report.produced_end.map(|t| t.as_secs_f64()), "Notes": report.notes,
        "Differences": report.differences().count(), "Points": points});
    super::print(out, &serde_json::to_string_pretty(&v).unwrap_or_default()).map(drop)
}
