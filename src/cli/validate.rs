//! `vodcut validate`: the problems of a project, as lines or as JSON with their codes.

use super::{CliResult, EXIT_OK, EXIT_PROBLEMS, load, print};
use crate::i18n::describe;
use crate::model::Project;
use crate::model::validate::{Problem, Severity, has_errors, validate};
use std::io::Write;
use std::path::Path;

pub(super) fn run(file: &Path, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> CliResult {
    let project = match template(file, err)? {
        Some(project) => project,
        None => load(file)?,
    };
    let problems = validate(&project);
    if json {
        let list: Vec<_> = problems.iter().map(|p| problem_json(p, &project)).collect();
        print(out, &serde_json::to_string_pretty(&list).unwrap_or_default())?;
    } else {
        for p in &problems {
            print(out, &describe::line(p, &project))?;
        }
        let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
        let warnings = problems.len() - errors;
        let shown = file.display().to_string();
        let summary = if problems.is_empty() {
            crate::t!("cli-validate-clean", file = shown, clips = project.clip_count(), tracks = project.tracks.len())
        } else {
            crate::t!("cli-validate-summary", file = shown, errors = errors, warnings = warnings)
        };
        let _ = writeln!(err, "{summary}");
    }
    Ok(if has_errors(&problems) { EXIT_PROBLEMS } else { EXIT_OK })
}

/// A template (a project with {{slots}}) filled with its sample values, which is what is
/// validated; None for a plain project (or standard input), opened as usual.
fn template(file: &Path, err: &mut dyn Write) -> Result<Option<Project>, (i32, String)> {
    if crate::store::input::is_stdio(file) {
        return Ok(None);
    }
    let Ok(bytes) = crate::store::input::read_file_limited(file, crate::template::MAX_TEMPLATE_BYTES) else {
        return Ok(None);
    };
    let Ok(template) = crate::template::Template::parse(&bytes) else { return Ok(None) };
    if !template.has_slots() {
        return Ok(None);
    }
    let shown = file.display().to_string();
    let project = template.sample_project(file).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("{shown}: {}", p.message)).collect();
        (crate::cli::EXIT_PROBLEMS, format!("{}\n{}", lines.join("\n"), crate::t!("cli-template-samples-missing")))
    })?;
    let _ = writeln!(err, "{}", crate::t!("cli-template-samples", file = shown, slots = template.names().len()));
    Ok(Some(project))
}

/// One problem for programs: its stable code and typed arguments (docs/problems.md), where it
/// is (numbers counting from 1, the API's field name), and the words in the user's language.
fn problem_json(p: &Problem, project: &Project) -> serde_json::Value {
    let issue = serde_json::to_value(&p.issue).unwrap_or_default();
    let args = issue.get("args").cloned().unwrap_or_else(|| serde_json::json!({})); // i18n-exempt: a JSON key
    serde_json::json!({
        "severity": match p.severity { Severity::Error => "error", Severity::Warning => "warning" },
        "code": p.issue.code(),
        "args": args,
        "track": p.location.track.map(|t| t + 1),
        "clip": p.location.clip.map(|c| c + 1),
        "effect": p.location.effect.map(|e| e + 1),
        "field": p.location.field,
        "place": describe::place(&p.location, project),
        "message": describe::message(p, project),
    })
}
