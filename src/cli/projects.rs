//! `vodcut projects list | pull | push | delete`: cloud editing projects, through the core's
//! `cloudproj` (the same calls the editor's Save to cloud and project browser make).

use super::cloud::{client, exit_for, link_with_base};
use super::{
    CliResult, EXIT_BAD_INPUT, EXIT_OK, EXIT_OUTCOME_UNKNOWN, EXIT_PROBLEMS, EXIT_REFUSED, EXIT_WRITE_FAILED,
    ProjectsCommand, Shell, print,
};
use crate::core::cloudproj::{self, Failure, PushError, Search};
use crate::i18n::Clock;
use crate::store::{Origin, input};
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

fn failed(f: Failure) -> (i32, String) {
    (f.api.as_ref().map_or(EXIT_BAD_INPUT, exit_for), f.message)
}

pub fn run(sh: &Shell, command: ProjectsCommand, out: &mut dyn Write, err: &mut dyn Write) -> CliResult {
    match command {
        ProjectsCommand::List { title, status, page, page_size, json, conn } => {
            let search =
                Search { title: title.unwrap_or_default(), status: status.unwrap_or_default(), page, page_size };
            // What is wrong with the search is said before credentials are even looked for.
            search.query().map_err(|e| (EXIT_BAD_INPUT, e))?;
            let (client, _) = client(sh, &conn, None)?;
            let (total, list) = sh.block_on(cloudproj::list(&client, &search))?.map_err(failed)?;
            list_out(sh, total, &list, page, json, out)
        }
        ProjectsCommand::Pull { project_id, output, force, conn } => {
            let (client, region) = client(sh, &conn, None)?;
            let project = sh.block_on(cloudproj::pull(&client, &project_id, &region))?.map_err(failed)?;
            super::write_project(&project, &[], &output, force, out, err)
        }
        ProjectsCommand::Push { project, new, side, json, conn } => {
            push(sh, &project, new, side.choice(), json, &conn, out, err)
        }
        ProjectsCommand::Delete { project_ids, yes, conn } => {
            let stdin = std::io::stdin();
            let ask = (!yes).then(|| Asker { tty: stdin.is_terminal(), input: Box::new(stdin.lock()) });
            delete(sh, &project_ids, ask, &conn, out, err)
        }
    }
}

fn list_out(
    sh: &Shell,
    total: u64,
    list: &[crate::api::calls::EditingProject],
    page: u32,
    json: bool,
    out: &mut dyn Write,
) -> CliResult {
    if json {
        let items: Vec<_> = list
            .iter()
            .map(|p| {
                serde_json::json!({"ProjectId": p.project_id, "Title": p.title, "Description": p.description,
                    "Status": p.status, "Duration": p.duration, "CoverURL": crate::model::url::unsigned(&p.cover_url),
                    "CreationTime": p.creation_time, "ModifiedTime": p.modified_time})
            })
            .collect();
        let mut v = serde_json::json!({"Total": total, "PageNo": page, "ProjectList": items});
        if sh.env.is_sandbox() {
            v["Sandbox"] = true.into();
        }
        return print(out, &serde_json::to_string_pretty(&v).unwrap_or_default());
    }
    let line = crate::t!("cli-projects-found", total = total, shown = list.len(), page = page);
    print(out, &if sh.env.is_sandbox() { crate::t!("cli-sandbox-tagged", text = line) } else { line })?;
    // Padded by characters shown, so Chinese words line up too.
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
    for p in list {
        let len = p.duration.filter(|d| *d > 0.0).map(|d| Clock::without_project().length_secs(d));
        let (status, len) = (cloudproj::status_words(&p.status), len.unwrap_or_else(|| "-".into()));
        print(
            out,
            &format!("{}  {}  {} {} {}", p.project_id, p.modified_time, pad(&status, 10), pad(&len, 10), p.title),
        )?;
    }
    Ok(EXIT_OK)
}

#[allow(clippy::too_many_arguments)]
fn push(
    sh: &Shell,
    file: &Path,
    new: bool,
    side: Option<crate::edit::merge::Choice>,
    json: bool,
    conn: &super::Connection,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    // The ProjectId goes back into the file: a project file, not a bare Timeline or stdin.
    if input::is_stdio(file) {
        return Err((EXIT_BAD_INPUT, crate::t!("cli-push-needs-file")));
    }
    let opened = super::open_input(file)?;
    if opened.origin != Origin::Project {
        return Err((EXIT_BAD_INPUT, crate::t!("cli-push-not-project", file = file.display().to_string())));
    }
    let mut project = opened.project;
    if new {
        project.project_id = None;
    }
    let (client, region) = client(sh, conn, Some(&project.region))?;
    // A save replaces the cloud project's Timeline: an edit made in the console since the
    // last sync is not overwritten silently (as for `submit`).
    if super::cloud::sync_first(sh, &region, &client, &project, file, true, side, out)? {
        return Ok(EXIT_OK);
    }
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let pushed = sh.block_on(cloudproj::push(&client, &project, &stem))?.map_err(|e| {
        let code = match &e {
            PushError::Refused(_) => EXIT_PROBLEMS,
            PushError::Api(a) => exit_for(a),
            PushError::Gone { .. } => EXIT_REFUSED,
            PushError::Unknown { .. } => EXIT_OUTCOME_UNKNOWN,
        };
        (code, e.to_string())
    })?;
    // Saved to the cloud: the file must know its ProjectId, or the next push makes another,
    // and the Timeline saved is the base the next push compares the cloud with.
    let saved = link_with_base(sh, file, &project, &region, &pushed.project_id, err);
    let linked = if pushed.created || new || saved.is_err() { Some(saved) } else { None };
    if json {
        let mut v = serde_json::json!({"ProjectId": pushed.project_id, "Created": pushed.created,
            "Title": pushed.title, "Materials": pushed.materials.as_ref().ok()});
        if sh.env.is_sandbox() {
            v["Sandbox"] = true.into();
        }
        print(out, &serde_json::to_string_pretty(&v).unwrap_or_default())?;
    } else {
        let (title, id) = (pushed.title.as_str(), pushed.project_id.as_str());
        let line = if pushed.created {
            crate::t!("cli-push-added", title = title, id = id)
        } else {
            crate::t!("cli-push-updated", title = title, id = id)
        };
        print(out, &if sh.env.is_sandbox() { crate::t!("cli-sandbox-tagged", text = line) } else { line })?;
        if let Ok(n) = &pushed.materials {
            print(out, &crate::t!("cli-push-materials", n = *n))?;
        }
    }
    match linked {
        Some(Ok(())) => {
            let (id, file) = (pushed.project_id.as_str(), file.display().to_string());
            let _ = writeln!(err, "{}", crate::t!("cli-push-linked", id = id, file = file));
        }
        Some(Err(e)) => {
            // Saved in the cloud, but the file does not say so: a failure the user must see.
            let id = pushed.project_id.as_str();
            return Err((EXIT_WRITE_FAILED, crate::t!("cli-push-not-linked", id = id, error = e.as_str())));
        }
        None => {}
    }
    match pushed.materials {
        Ok(_) => Ok(EXIT_OK),
        Err(e) => Err((EXIT_REFUSED, e)),
    }
}

/// How `delete` asks: on a terminal, a line read from it; elsewhere it cannot ask.
pub(crate) struct Asker<'a> {
    pub tty: bool,
    pub input: Box<dyn BufRead + 'a>,
}

impl Asker<'_> {
    /// Whether the answer to `question` (written to `err`) is yes. Without a terminal there
    /// is nobody to answer: refused, and the caller says to pass --yes.
    fn confirm(&mut self, question: &str, err: &mut dyn Write) -> Result<bool, (i32, String)> {
        if !self.tty {
            return Err((EXIT_PROBLEMS, crate::t!("cli-delete-needs-yes")));
        }
        let _ = write!(err, "{question} ");
        let _ = err.flush();
        let mut line = String::new();
        // A bounded read: a line, at most 1 KiB of it.
        let read = std::io::Read::take(&mut *self.input, 1024).read_line(&mut line);
        read.map_err(|e| (EXIT_BAD_INPUT, crate::t!("cli-cannot-read-answer", error = e.to_string())))?;
        Ok(yes_word(line.trim()))
    }
}

/// "y", "yes", "是" (any case): anything else, an empty line included, is no.
fn yes_word(answer: &str) -> bool {
    // i18n-exempt: answers typed in either language, not shown
    ["y", "yes", "是", "是的"].contains(&answer.to_lowercase().as_str())
}

pub(crate) fn delete(
    sh: &Shell,
    ids: &[String],
    mut ask: Option<Asker<'_>>,
    conn: &super::Connection,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    let mut ids: Vec<String> = ids.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    ids.dedup();
    if ids.is_empty() {
        return Err((EXIT_BAD_INPUT, crate::t!("cli-delete-no-ids")));
    }
    // Refused before credentials or the network when nobody can answer.
    if let Some(a) = &ask
        && !a.tty
    {
        return Err((EXIT_PROBLEMS, crate::t!("cli-delete-needs-yes")));
    }
    let (client, _) = client(sh, conn, None)?;
    // Each named by its title (and found: an unknown ID stops everything before anything is
    // deleted).
    let mut named = Vec::new();
    for id in &ids {
        named.push(sh.block_on(cloudproj::look_up(&client, id))?.map_err(failed)?);
    }
    if let Some(a) = &mut ask {
        for p in &named {
            let _ =
                writeln!(err, "{}", crate::t!("cli-delete-item", title = p.title.as_str(), id = p.project_id.as_str()));
        }
        if !a.confirm(&crate::t!("cli-delete-question", n = named.len()), err)? {
            return Err((EXIT_PROBLEMS, crate::t!("cli-delete-not-confirmed")));
        }
    }
    sh.block_on(cloudproj::delete(&client, &ids))?.map_err(failed)?;
    for p in &named {
        print(out, &crate::t!("cli-deleted", title = p.title.as_str(), id = p.project_id.as_str()))?;
    }
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_yes_is_a_yes() {
        for y in ["y", "Y", "yes", "YES", "是"] {
            assert!(yes_word(y), "{y}");
        }
        for n in ["", "n", "no", "yess", "否", "delete"] {
            assert!(!yes_word(n), "{n}");
        }
    }

    #[test]
    fn the_question_reads_one_bounded_line_and_needs_a_terminal() {
        let mut err = Vec::new();
        let mut a = Asker { tty: true, input: Box::new(&b"yes\nmore"[..]) };
        assert_eq!(a.confirm("Delete?", &mut err), Ok(true));
        assert_eq!(String::from_utf8(err).unwrap(), "Delete? ");
        let long = vec![b'y'; 5000];
        let mut a = Asker { tty: true, input: Box::new(&long[..]) };
        assert_eq!(a.confirm("Delete?", &mut Vec::new()), Ok(false), "1 KiB of y is not yes");
        let mut a = Asker { tty: false, input: Box::new(&b"y\n"[..]) };
        assert_eq!(a.confirm("Delete?", &mut Vec::new()).unwrap_err().0, EXIT_PROBLEMS);
    }
}
