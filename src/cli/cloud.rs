//! `submit`, `status`, `jobs`: the commands that talk to VOD.

use super::EXIT_BAD_INPUT;
use super::{
    CliResult, Connection, EXIT_CLOUD_CHANGED, EXIT_NETWORK, EXIT_OK, EXIT_OUTCOME_UNKNOWN, EXIT_PROBLEMS,
    EXIT_REFUSED, EXIT_SETTINGS, EXIT_WRITE_FAILED, Shell, print,
};
use crate::api::{ApiError, Client};
use crate::core::lost::Earlier;
use crate::core::produce::{self, Verdict};
use crate::i18n::{Clock, describe};
use crate::store::jobs::{Job, JobStore};
use crate::store::settings::CredentialChoice;
use crate::store::{Origin, project_file};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// The core's connection for the command line's flags, in the shell's environment (the
/// region as given, else the project's, else the credentials', else cn-shanghai).
pub(crate) fn connection(
    sh: &Shell,
    conn: &Connection,
    project_region: Option<&str>,
) -> Result<(crate::core::Connection, crate::api::Credentials), (i32, String)> {
    let mut c = crate::core::Connection::new(sh.env.clone(), crate::model::project::DEFAULT_REGION);
    c.choice = conn.profile.clone().map_or(CredentialChoice::Automatic, CredentialChoice::Profile);
    let creds = c.credentials().map_err(|e| (EXIT_SETTINGS, e.to_string()))?;
    c.region = conn
        .region
        .clone()
        .or_else(|| project_region.map(str::to_owned))
        .or_else(|| creds.region.clone())
        .unwrap_or_else(|| crate::model::project::DEFAULT_REGION.to_owned());
    c.endpoint = conn.endpoint.clone().unwrap_or_default();
    c.allow_insecure_http = conn.allow_insecure_http;
    c.timeout = Duration::from_secs(conn.timeout.max(1));
    c.signature = conn.signature;
    Ok((c, creds))
}

pub(crate) fn client(
    sh: &Shell,
    conn: &Connection,
    project_region: Option<&str>,
) -> Result<(Client, String), (i32, String)> {
    let (c, creds) = connection(sh, conn, project_region)?;
    let client = c.client_with(creds).map_err(|e| (EXIT_SETTINGS, e.to_string()))?;
    Ok((client, c.region))
}

pub(crate) fn jobs_store(sh: &Shell) -> Result<JobStore, (i32, String)> {
    let no_folder = || (EXIT_SETTINGS, crate::t!("cli-job-history", error = crate::t!("core-no-data-folder")));
    sh.env.job_store().ok_or_else(no_folder)
}

pub(super) fn exit_for(e: &ApiError) -> i32 {
    match e {
        ApiError::Service(_) | ApiError::BadResponse { .. } => EXIT_REFUSED,
        ApiError::Connect { .. } | ApiError::Network { .. } => EXIT_NETWORK,
        ApiError::OutcomeUnknown { .. } => EXIT_OUTCOME_UNKNOWN,
        ApiError::Credentials(_) | ApiError::Config(_) => EXIT_SETTINGS,
    }
}

pub struct SubmitOptions {
    /// Go ahead despite warnings.
    pub yes: bool,
    /// Go ahead despite media VOD says are not Normal.
    pub force_status: bool,
    /// Send even when an earlier send's production is in doubt.
    pub resend_unknown: bool,
    /// `--mine` or `--theirs`: what to do when the cloud project changed since the last sync.
    pub side: Option<crate::edit::merge::Choice>,
    pub json: bool,
    /// `--wait`: follow the production this long at most.
    pub wait: Option<Duration>,
}

/// The rest of the core's pre-flight, as the editor makes it: VOD's word on the media used
/// (validation's is in `pre`). Every problem goes to `err`; what blocks (or needs `--yes`) is
/// an error.
fn preflight(
    sh: &Shell,
    c: &crate::core::Connection,
    project: &crate::model::Project,
    pre: produce::Preflight,
    o: &SubmitOptions,
    err: &mut dyn Write,
) -> Result<(), (i32, String)> {
    let answer = if pre.asks_vod() { Some(sh.block_on(produce::ask_status(c, &pre.media))?) } else { None };
    let checked = pre.finish(project, &c.region, answer.as_ref());
    let problems = if o.force_status {
        // Media not Normal are said, but neither block nor ask: the user takes the risk of a
        // failed, billed production. The check's warnings (media VOD does not know, a check
        // that could not be made) still need --yes, as without the option.
        let (overridden, warnings): (Vec<_>, Vec<_>) =
            checked.status.iter().cloned().partition(|p| p.severity == crate::model::validate::Severity::Error);
        for p in &overridden {
            let _ = writeln!(err, "{}", crate::t!("cli-status-overridden", problem = describe::line(p, project)));
        }
        checked.problems.iter().cloned().chain(warnings).collect()
    } else {
        checked.all()
    };
    for p in &problems {
        let _ = writeln!(err, "{}", describe::line(p, project));
    }
    match produce::verdict(problems) {
        Verdict::Blocked(p) => {
            let errors = p.iter().filter(|p| p.severity == crate::model::validate::Severity::Error).count();
            let status =
                !o.force_status && checked.status.iter().any(|p| p.severity == crate::model::validate::Severity::Error);
            let line = crate::t!("cli-errors-block", errors = errors);
            Err((EXIT_PROBLEMS, if status { format!("{line}\n{}", crate::t!("cli-force-status-hint")) } else { line }))
        }
        Verdict::Warned(p) if !o.yes => Err((EXIT_PROBLEMS, crate::t!("cli-warnings-need-yes", warnings = p.len()))),
        Verdict::Warned(_) | Verdict::Clear => Ok(()),
    }
}

pub fn submit(
    sh: &Shell,
    file: &Path,
    conn: &Connection,
    o: SubmitOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    let opened = super::open_input(file)?;
    // Standard input has no file to link the cloud project into.
    let from_project_file = opened.origin == Origin::Project && !crate::store::input::is_stdio(file);
    let project = opened.project;
    // Validation's errors block before anything else is looked at (credentials included).
    let local = produce::Preflight::start(&project);
    if crate::model::validate::has_errors(&local.problems) {
        for p in &local.problems {
            let _ = writeln!(err, "{}", describe::line(p, &project));
        }
        let errors = local.problems.iter().filter(|p| p.severity == crate::model::validate::Severity::Error).count();
        return Err((EXIT_PROBLEMS, crate::t!("cli-errors-block", errors = errors)));
    }
    let (c, creds) = connection(sh, conn, Some(&project.region))?;
    // A setting that cannot work (plain http to another machine) is said before VOD is asked
    // anything.
    let client = c.client_with(creds).map_err(|e| (EXIT_SETTINGS, e.to_string()))?;
    if sync_first(sh, &c.region, &client, &project, file, from_project_file, o.side, out)? {
        return Ok(EXIT_OK);
    }
    preflight(sh, &c, &project, local, &o, err)?;
    let region = c.region.clone();
    let store = jobs_store(sh)?;
    let file_for_job = from_project_file.then_some(file);
    // An earlier send whose answer was lost may have made this production already.
    if !o.resend_unknown && earlier_found(sh, &client, &store, &project, file_for_job, conn, &region, out)? {
        return Ok(EXIT_OK);
    }
    let produced = sh
        .block_on(produce::send(&client, &store, &project, file_for_job, &region))?
        .map_err(|e| (EXIT_WRITE_FAILED, crate::t!("cli-job-not-recorded", error = e.to_string())))?;
    let r = match produced.result {
        Ok(r) => r,
        Err(e) => {
            let code = exit_for(&e);
            return Err((code, crate::t!("cli-failed-job", error = e.to_string(), job = produced.job.id.as_str())));
        }
    };
    // Link the file to the cloud project so the next submission updates it, and note the
    // Timeline sent as the base the next one compares the cloud with. Re-read the file first:
    // the editor may have saved it since we opened it.
    let mut linked = None;
    if from_project_file && !r.project_id.is_empty() {
        let new_link = project.project_id.as_deref() != Some(&r.project_id);
        let saved = link_with_base(sh, file, &project, &region, &r.project_id, err);
        if new_link || saved.is_err() {
            linked = Some(saved);
        }
    }
    if let Some(timeout) = o.wait {
        say_linked(&linked, &r.project_id, file, err);
        let mut job = produced.job;
        // The IDs at once, on stderr: stdout gets one result, the followed job (its IDs among
        // its fields; with --json one JSON document).
        let _ = writeln!(err, "RequestId: {}\nMediaId:   {}\nProjectId: {}", r.request_id, r.media_id, r.project_id);
        return super::follow::wait(sh, &client, Some(&store), &mut job, timeout, o.json, out, err);
    }
    if o.json {
        let mut v = serde_json::json!({
            "RequestId": r.request_id, "MediaId": r.media_id, "ProjectId": r.project_id, "JobId": produced.job.id,
        });
        if produced.job.sandbox {
            v["Sandbox"] = true.into();
        }
        print(out, &serde_json::to_string_pretty(&v).unwrap_or_default())?;
    } else {
        let facts = produce::facts(&project, &sh.env);
        let endpoint = client.endpoint().to_string();
        print(
            out,
            &if facts.sandbox {
                crate::t!("cli-submitted-sandbox", title = facts.title, endpoint = endpoint)
            } else {
                crate::t!("cli-submitted", title = facts.title, region = region.as_str(), endpoint = endpoint)
            },
        )?;
        print(out, &format!("RequestId: {}\nMediaId:   {}\nProjectId: {}", r.request_id, r.media_id, r.project_id))?;
        let id = if r.media_id.is_empty() { &r.project_id } else { &r.media_id };
        // i18n-exempt: a command line
        let next = conn.next_command(&["status", id.as_str()], Some(&region));
        print(out, &crate::t!("cli-follow-with", command = next))?;
    }
    say_linked(&linked, &r.project_id, file, err);
    Ok(EXIT_OK)
}

/// Says whether the project file now names its cloud project.
fn say_linked(linked: &Option<Result<(), String>>, project_id: &str, file: &Path, err: &mut dyn Write) {
    match linked {
        Some(Ok(())) => {
            let _ = writeln!(
                err,
                "{}",
                crate::t!("cli-project-linked", id = project_id, file = file.display().to_string())
            );
        }
        Some(Err(e)) => {
            let _ = writeln!(err, "{}", crate::t!("cli-project-not-linked", error = e.as_str()));
        }
        None => {}
    }
}

/// Looks for the production of an earlier submission of `project` whose answer was lost
/// (`core::lost`): found, it is said (`Ok(true)`: nothing is to be sent); in doubt, the
/// submission stops (exit 7) until `--resend-unknown`.
#[allow(clippy::too_many_arguments)]
fn earlier_found(
    sh: &Shell,
    client: &Client,
    store: &JobStore,
    project: &crate::model::Project,
    file: Option<&Path>,
    conn: &Connection,
    region: &str,
    out: &mut dyn Write,
) -> Result<bool, (i32, String)> {
    match sh.block_on(crate::core::lost::earlier(client, store, project, file, region))? {
        Earlier::Clear => Ok(false),
        Earlier::Found(job) => {
            let project_id = job.project_id.clone().unwrap_or_default();
            print(out, &crate::t!("cli-earlier-found", job = job.id.as_str(), project = project_id.as_str()))?;
            let next = conn.next_command(&["status", job.id.as_str()], Some(region)); // i18n-exempt: a command line
            print(out, &crate::t!("cli-follow-with", command = next))?;
            Ok(true)
        }
        Earlier::InDoubt { job, why } => {
            Err((EXIT_OUTCOME_UNKNOWN, crate::t!("cli-earlier-in-doubt", job = job.id.as_str(), why = why.as_str())))
        }
    }
}

/// Before a production or a save that replaces a cloud project's Timeline: refuses (exit 3,
/// the difference said) when the cloud changed since the last sync, unless `--mine` (go on)
/// or `--theirs` (the cloud's Timeline written into the file, nothing sent: `Ok(true)`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn sync_first(
    sh: &Shell,
    region: &str,
    client: &Client,
    project: &crate::model::Project,
    file: &Path,
    from_project_file: bool,
    side: Option<crate::edit::merge::Choice>,
    out: &mut dyn Write,
) -> Result<bool, (i32, String)> {
    use crate::core::sync::{self, CheckError, Sync};
    use crate::edit::merge::Choice;
    let Some(pid) = project.project_id.clone() else { return Ok(false) };
    let bases = sync::bases(sh.env.data_dir.as_deref());
    let base = bases.as_ref().and_then(|b| sync::load_base(b, project, region));
    let state = match sh.block_on(sync::check(client, project, base.as_ref()))? {
        Ok(state) => state,
        // No cloud project left to protect (deleted in the console): what comes next says so
        // in its own words (a push offers --new).
        Err(CheckError::Api(a)) if crate::core::cloudproj::is_not_found(&a) => return Ok(false),
        Err(e) => {
            let code = match &e {
                CheckError::Api(a) => exit_for(a),
                CheckError::Unreadable(_) => EXIT_REFUSED,
            };
            return Err((code, e.to_string()));
        }
    };
    match (&state, side) {
        (Sync::Unchanged, Some(Choice::Theirs)) => {
            print(out, &crate::t!("sync-nothing-to-take", id = pid.as_str()))?;
            Ok(true)
        }
        (Sync::Unchanged, _) | (_, Some(Choice::Mine)) => Ok(false),
        (_, Some(Choice::Theirs)) => {
            if !from_project_file {
                return Err((EXIT_BAD_INPUT, crate::t!("sync-theirs-needs-file")));
            }
            let theirs = state.theirs().cloned().unwrap_or_default();
            let mut opened = project_file::open(file).map_err(|e| (EXIT_BAD_INPUT, e.to_string()))?;
            if let Some(edit) = sync::take_theirs(&opened.project, &theirs) {
                crate::edit::apply(&mut opened.project, edit);
            }
            if let Some(b) = &bases {
                sync::record(b, &mut opened.project, region, &theirs)
                    .map_err(|e| (EXIT_WRITE_FAILED, crate::t!("sync-base-not-written", error = e.to_string())))?;
            }
            project_file::save(file, &opened.project).map_err(|e| (EXIT_WRITE_FAILED, e.to_string()))?;
            print(out, &crate::t!("sync-took-theirs", file = file.display().to_string()))?;
            Ok(true)
        }
        (_, None) => Err((EXIT_CLOUD_CHANGED, refusal(&state, project, &pid))),
    }
}

/// What `submit` says when it refuses: what changed in the cloud, then the way out.
fn refusal(state: &crate::core::sync::Sync, project: &crate::model::Project, pid: &str) -> String {
    use crate::core::sync::Sync;
    let mut text = match state {
        Sync::NoBase { .. } => crate::t!("sync-no-base", id = pid),
        _ => crate::t!("sync-cloud-changed", id = pid),
    };
    for line in crate::core::sync::lines(state, project) {
        text.push_str("\n  ");
        text.push_str(&line);
    }
    if let Sync::CloudChanged { merge, .. } = state
        && !merge.conflicts.is_empty()
    {
        text.push('\n');
        text.push_str(&crate::t!("sync-conflicts", count = merge.conflicts.len()));
    }
    text.push('\n');
    text.push_str(&crate::t!("sync-cli-hint"));
    text
}

/// Links the project file `file` to the cloud project `project_id` with the Timeline of
/// `project` (what was just sent) as the base the next check compares the cloud with (a
/// base that cannot be kept is said on `err`: the next check is then two-way). The file is
/// read again first: the editor may have saved it since the command opened it.
pub(crate) fn link_with_base(
    sh: &Shell,
    file: &Path,
    project: &crate::model::Project,
    region: &str,
    project_id: &str,
    err: &mut dyn Write,
) -> Result<(), String> {
    let sent = crate::core::sync::normal(project);
    let bases = crate::core::sync::bases(sh.env.data_dir.as_deref());
    let saved = project_file::open(file).and_then(|mut o| {
        o.project.project_id = Some(project_id.to_owned());
        match &bases {
            Some(b) => {
                if let Err(e) = crate::core::sync::record(b, &mut o.project, region, &sent) {
                    let _ = writeln!(err, "{}", crate::t!("sync-base-not-kept", error = e.to_string()));
                }
            }
            None => o.project.sync_base = None,
        }
        project_file::save(file, &o.project)
    });
    saved.map_err(|e| e.to_string())
}

/// Follows a production: one of the history's (updated there), or a MediaId or ProjectId the
/// history does not know, which is asked about and shown but never recorded.
pub fn status(
    sh: &Shell,
    id: &str,
    conn: &Connection,
    json: bool,
    wait: Option<Duration>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    use crate::store::jobs::{LookupId, lookup_id};
    let kind = lookup_id(id).map_err(|e| (EXIT_BAD_INPUT, e))?;
    let store = jobs_store(sh)?;
    let known = store.find(id);
    if known.is_none() && kind != LookupId::Service {
        return Err((
            EXIT_BAD_INPUT,
            crate::t!("cli-job-not-found", id = id, folder = store.dir().display().to_string()),
        ));
    }
    let (base, creds) = connection(sh, conn, None)?;
    let recorded = known.is_some();
    let (mut job, client) = match known {
        Some(mut j) => {
            // Asked where it was sent; flags still win.
            let c = crate::core::jobs::connection_for(&base, &j, conn.region.as_deref(), conn.endpoint.as_deref());
            let client = c.client_with(creds).map_err(|e| (EXIT_SETTINGS, e.to_string()))?;
            sh.block_on(produce::refresh(&client, &store, &mut j))?.map_err(|e| (exit_for(&e), e.to_string()))?;
            (j, client)
        }
        None => {
            let client = base.client_with(creds).map_err(|e| (EXIT_SETTINGS, e.to_string()))?;
            let mut j =
                sh.block_on(crate::core::jobs::probe(&client, id))?.map_err(|e| (exit_for(&e), e.to_string()))?;
            j.sandbox = sh.env.is_sandbox();
            (j, client)
        }
    };
    if let Some(timeout) = wait {
        // A job of the history is kept up to date; one it does not know stays out of it.
        let store = recorded.then_some(&store);
        return super::follow::wait(sh, &client, store, &mut job, timeout, json, out, err);
    }
    if json { print(out, &serde_json::to_string_pretty(&job).unwrap_or_default()) } else { print(out, &describe(&job)) }
}

/// A job's state as a word of the catalog's `cli-job-state` selector.
// i18n-exempt: selector values, not shown
fn state_word(s: crate::store::jobs::JobState) -> &'static str {
    use crate::store::jobs::JobState;
    match s {
        JobState::Pending => "pending",
        JobState::Submitted => "submitted",
        JobState::Failed => "failed",
        JobState::OutcomeUnknown => "unknown",
    }
}

pub(super) fn describe(j: &Job) -> String {
    let name = if j.title.is_empty() { &j.id } else { &j.title };
    let head = crate::t!(
        "cli-job-head",
        name = name.as_str(),
        state = crate::t!("cli-job-state", state = state_word(j.state))
    );
    let mut lines = vec![if j.sandbox { crate::t!("cli-sandbox-tagged", text = head) } else { head }];
    let mut add = |k: &str, v: &Option<String>| {
        if let Some(v) = v {
            // Padded by characters shown, not bytes (Chinese labels are 3 bytes a character),
            // and never to nothing: the longest label ("Production:") keeps a space too.
            let pad = 12usize.saturating_sub(k.chars().count()).max(1);
            lines.push(format!("{k}{}{v}", " ".repeat(pad)));
        }
    };
    add("MediaId:", &j.media_id);
    add("ProjectId:", &j.project_id);
    add("RequestId:", &j.request_id);
    let words = |s: &Option<String>, f: fn(&str) -> String| s.as_deref().map(f);
    add(&crate::t!("cli-label-production"), &words(&j.production_status, crate::api::calls::production_status_words));
    add(&crate::t!("cli-label-video"), &words(&j.video_status, crate::api::calls::media_status_words));
    add(&crate::t!("cli-label-duration"), &j.duration.map(|d| Clock::without_project().length_secs(d)));
    // A cover URL may be signed: shown without its query (model::url).
    add(&crate::t!("cli-label-cover"), &j.cover_url.as_deref().map(crate::model::url::unsigned));
    add(&crate::t!("cli-label-error"), &j.error);
    // Every error field VOD gave, as it gave it (names are the service's).
    for (k, v) in &j.service_errors {
        add(&format!("{k}:"), &Some(v.clone()));
    }
    lines.join("\n")
}

pub fn jobs(sh: &Shell, json: bool, limit: usize, out: &mut dyn Write, err: &mut dyn Write) -> CliResult {
    let store = jobs_store(sh)?;
    let (jobs, broken) = store.list();
    let jobs: Vec<Job> = jobs.into_iter().take(limit).collect();
    if json {
        print(out, &serde_json::to_string_pretty(&jobs).unwrap_or_default())?;
    } else if jobs.is_empty() {
        print(out, &crate::t!("cli-no-jobs", folder = store.dir().display().to_string()))?;
    }
    for j in jobs.iter().filter(|_| !json) {
        let when = crate::when::local(j.created);
        let state = crate::t!("cli-job-state", state = state_word(j.state));
        let place = if j.sandbox { crate::t!("cli-sandbox") } else { j.region.clone() };
        // Padded by characters shown, so Chinese words line up too.
        let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
        let line = crate::t!(
            "cli-job-line",
            state = pad(&state, 15),
            place = pad(&place, 14),
            title = j.title.as_str(),
            media = j.media_id.as_deref().unwrap_or("-"),
            project = j.project_id.as_deref().unwrap_or("-"),
            status = j.production_status.as_deref().unwrap_or(""),
        );
        print(out, &format!("{when}  {line}"))?;
    }
    // A note, not data: on stderr, so `jobs | …` and `--json` read only jobs.
    for b in broken {
        let _ = writeln!(err, "{}", crate::t!("cli-job-unreadable", record = b.to_string()));
    }
    Ok(EXIT_OK)
}

pub fn media(sh: &Shell, command: super::MediaCommand, out: &mut dyn Write, err: &mut dyn Write) -> CliResult {
    match command {
        super::MediaCommand::Search { text, kind, page, page_size, scroll_token, oldest_first, app_id, conn, json } => {
            // The library's paging rule, as the editor keeps it: past the first 5 000 results
            // only a ScrollToken reaches a page.
            let media_kind = crate::core::library::kind_of(&kind);
            let text = text.as_deref().unwrap_or("");
            let query = crate::core::library::query(text, media_kind, page, page_size, scroll_token, !oldest_first)
                .map_err(|e| (EXIT_BAD_INPUT, crate::t!("cli-page-too-far", page = e.page, size = page_size)))?
                .in_app(app_id.as_deref().unwrap_or(""));
            let (client, _) = client(sh, &conn, None)?;
            let r = sh.block_on(client.search_media(&query))?.map_err(|e| (exit_for(&e), e.to_string()))?;
            if json {
                let list: Vec<_> = r
                    .media_list
                    .iter()
                    .map(|m| {
                        let d = m.details().cloned().unwrap_or_default();
                        serde_json::json!({"MediaId": m.media_id, "MediaType": m.media_type, "Title": d.title,
                            "Duration": d.duration, "Status": d.status, "Size": d.size, "CoverURL": crate::model::url::unsigned(&d.cover_url)})
                    })
                    .collect();
                let mut v = serde_json::json!({"Total": r.total, "ScrollToken": r.scroll_token, "MediaList": list});
                if sh.env.is_sandbox() {
                    v["Sandbox"] = true.into();
                }
                return print(out, &serde_json::to_string_pretty(&v).unwrap_or_default());
            }
            let line = crate::t!("cli-search-found", total = r.total, kind = kind.as_str(), shown = r.media_list.len());
            let line = if sh.env.is_sandbox() { crate::t!("cli-sandbox-tagged", text = line) } else { line };
            print(out, &line)?;
            for m in &r.media_list {
                let d = m.details().cloned().unwrap_or_default();
                let len = d.duration.map(|d| Clock::without_project().length_secs(d)).unwrap_or_else(|| "-".into());
                let warn = if d.status.is_empty() || d.status == "Normal" {
                    String::new()
                } else {
                    crate::t!("cli-not-usable-yet", status = crate::api::calls::media_status_words(&d.status))
                };
                print(out, &format!("{}  {:<10} {}{warn}", m.media_id, len, d.title))?;
            }
            if let Some(t) = r.scroll_token.filter(|t| !t.is_empty()) {
                print(out, &crate::t!("cli-more", token = t.as_str()))?;
            }
            Ok(EXIT_OK)
        }
        super::MediaCommand::Upload { files, title, tags, cate_id, app_id, restart, parallel, wait, conn, json } => {
            let parallel = usize::from(parallel);
            let opts = super::upload::Options { title, tags, cate_id, app_id, restart, parallel, wait, json };
            super::upload::run(sh, &files, &opts, &conn, out, err)
        }
        super::MediaCommand::Info { ids, conn, json } => {
            let (client, _) = client(sh, &conn, None)?;
            let (found, missing) =
                sh.block_on(client.get_video_infos_batched(&ids))?.map_err(|e| (exit_for(&e), e.to_string()))?;
            if json {
                let list: Vec<_> = found
                    .iter()
                    .map(|v| serde_json::json!({"VideoId": v.video_id, "Title": v.title, "Duration": v.duration, "Status": v.status, "CoverURL": crate::model::url::unsigned(&v.cover_url)}))
                    .collect();
                print(
                    out,
                    &serde_json::to_string_pretty(&serde_json::json!({"VideoList": list, "NonExistVideoIds": missing}))
                        .unwrap_or_default(),
                )?;
                return Ok(if missing.is_empty() { EXIT_OK } else { EXIT_REFUSED });
            }
            for v in &found {
                let len = v.duration.map(|d| Clock::without_project().length_secs(d)).unwrap_or_else(|| "-".into());
                print(out, &format!("{}  {:<10} {:<12} {}", v.video_id, len, v.status, v.title))?;
            }
            for m in &missing {
                print(out, &crate::t!("cli-no-such-video", id = m.as_str()))?;
            }
            Ok(if missing.is_empty() { EXIT_OK } else { EXIT_REFUSED })
        }
    }
}
