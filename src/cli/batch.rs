//! `vodcut batch TEMPLATE ROWS`: one production per row (in each shape), every row filled and
//! validated before anything is sent, the manifest in `--out` recording each row.

use super::cloud::{connection, jobs_store};
use super::{
    CliResult, Connection, EXIT_BAD_INPUT, EXIT_NETWORK, EXIT_OK, EXIT_OUTCOME_UNKNOWN, EXIT_PROBLEMS, EXIT_REFUSED,
    EXIT_SETTINGS, EXIT_WRITE_FAILED, Shell, print,
};
use crate::core::batch::{self as engine, Item, Plan, VARIANT_SLOT, plan, row_words};
use crate::core::produce;
use crate::i18n::describe;
use crate::model::validate::Severity;
use crate::store::manifest::{Manifest, RowState};
use crate::template::variants::{Aspect, Fit};
use crate::template::{Template, rows};
use std::io::Write;
use std::path::{Path, PathBuf};

pub(super) struct Args {
    pub template: PathBuf,
    pub rows: PathBuf,
    pub dry_run: bool,
    pub concurrency: usize,
    pub wait: bool,
    pub wait_timeout: std::time::Duration,
    pub out: Option<PathBuf>,
    pub skip_bad: bool,
    pub variants: Vec<String>,
    pub fill: bool,
    pub yes: bool,
    pub resend_unknown: bool,
}

/// The slot a shape's label fills, when the rows do not name it themselves.
// i18n-exempt: a slot's name, as templates spell it
fn read(path: &Path, limit: u64) -> Result<Vec<u8>, (i32, String)> {
    crate::store::input::read_file_limited(path, limit).map_err(|e| {
        let e = match e {
            crate::store::input::ReadError::TooLarge => {
                crate::t!("batch-too-large", limit = limit / (1024 * 1024))
            }
            e => e.to_string(),
        };
        (EXIT_BAD_INPUT, crate::t!("batch-cannot-read", file = path.display().to_string(), error = e))
    })
}

fn load_template(path: &Path) -> Result<Template, (i32, String)> {
    let bytes = read(path, crate::template::MAX_TEMPLATE_BYTES)?;
    let shown = path.display().to_string();
    let template = Template::parse(&bytes).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("{shown}: {p}")).collect();
        (EXIT_BAD_INPUT, lines.join("\n"))
    })?;
    if !template.has_slots() {
        return Err((EXIT_BAD_INPUT, crate::t!("batch-no-slots", file = shown)));
    }
    Ok(template)
}

fn load_rows(path: &Path) -> Result<rows::Rows, (i32, String)> {
    let bytes = read(path, rows::MAX_ROWS_BYTES)?;
    let json = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("json"));
    let shown = path.display().to_string();
    let rows = rows::parse(&bytes, json).map_err(|e| (EXIT_BAD_INPUT, format!("{shown}: {e}")))?;
    if rows.rows.is_empty() {
        return Err((EXIT_BAD_INPUT, crate::t!("batch-no-rows", file = shown)));
    }
    Ok(rows)
}

fn parse_variants(list: &[String]) -> Result<Vec<Option<Aspect>>, (i32, String)> {
    if list.is_empty() {
        return Ok(vec![None]);
    }
    let mut out = Vec::new();
    for text in list {
        let a = Aspect::parse(text)
            .ok_or_else(|| (EXIT_BAD_INPUT, crate::t!("batch-bad-variant", text = text.as_str())))?;
        if !out.contains(&Some(a)) {
            out.push(Some(a));
        }
    }
    Ok(out)
}

/// The columns the rows must have: every slot (but `variant` with --variants); the others are
/// said once and not used.
fn check_columns(
    template: &Template,
    rows: &rows::Rows,
    shaped: bool,
    err: &mut dyn Write,
) -> Result<(), (i32, String)> {
    let names = template.names();
    let missing: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| !(rows.columns.iter().any(|c| c == n) || shaped && *n == VARIANT_SLOT))
        .collect();
    for c in rows.columns.iter().filter(|c| !names.contains(c.as_str())) {
        let _ = writeln!(err, "{}", crate::t!("batch-unused-column", column = c.as_str()));
    }
    if missing.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = missing
        .iter()
        .map(|n| {
            let at: Vec<&str> =
                template.uses().iter().filter(|u| u.name == *n).map(|u| u.place.shown.as_str()).collect();
            crate::t!("batch-missing-column", column = *n, place = at.join("; "))
        })
        .collect();
    Err((EXIT_PROBLEMS, format!("{}\n{}", lines.join("\n"), crate::t!("batch-nothing-sent"))))
}

/// The default batch folder: ROWS with the extension `.batch`.
fn default_out(rows: &Path) -> PathBuf {
    rows.with_extension("batch")
}

pub(super) fn run(sh: &Shell, a: Args, conn: &Connection, out: &mut dyn Write, err: &mut dyn Write) -> CliResult {
    let template = load_template(&a.template)?;
    let rows = load_rows(&a.rows)?;
    let shapes = parse_variants(&a.variants)?;
    check_columns(&template, &rows, shapes.iter().any(Option::is_some), err)?;
    let fit = if a.fill { Fit::Fill } else { Fit::Fit };
    let maker = engine::Maker { template, fit, path: a.template.clone() };
    let mut plan = plan(&maker, &rows, &shapes);
    refuse_bad(&plan.bad, plan.bad_rows.len(), a.skip_bad, err)?;
    say_warnings(&plan.warnings, err);
    if plan.items.is_empty() {
        return Err((EXIT_PROBLEMS, crate::t!("batch-nothing-left")));
    }
    if !plan.warnings.is_empty() && !a.yes && !a.dry_run {
        return Err((EXIT_PROBLEMS, crate::t!("cli-warnings-need-yes", warnings = plan.warnings.len())));
    }
    let folder = a.out.clone().unwrap_or_else(|| default_out(&a.rows));
    if a.dry_run {
        return dry_run(&maker, &plan.items, &folder, out, err);
    }
    let scrub: crate::store::jobs::Scrub = |text| crate::api::redact::scrub(text).into_owned();
    let manifest = Manifest::open(&folder, scrub).map_err(|e| (EXIT_WRITE_FAILED, e))?;
    check_unchanged(&plan.items, &manifest)?;
    let region_of_project = plan.items[0].region.clone();
    let mut regions: Vec<&str> = plan.items.iter().map(|i| i.region.as_str()).collect();
    regions.dedup();
    if conn.region.is_none() && regions.len() > 1 {
        regions.sort_unstable();
        regions.dedup();
        return Err((EXIT_BAD_INPUT, crate::t!("batch-regions", regions = regions.join(", "))));
    }
    let (c, creds) = connection(sh, conn, Some(&region_of_project))?;
    let client = c.client_with(creds).map_err(|e| (EXIT_SETTINGS, e.to_string()))?;
    check_media(sh, &c, &maker, &mut plan, &manifest, &a, err)?;
    let store = jobs_store(sh)?;
    let cancel = super::render::catch_ctrl_c();
    let manifest = std::sync::Mutex::new(manifest);
    let opts = engine::Options {
        concurrency: a.concurrency,
        wait: a.wait,
        wait_timeout: a.wait_timeout,
        resend_unknown: a.resend_unknown,
        poll: poll_interval(),
        ..Default::default()
    };
    let err_cell = std::cell::RefCell::new(&mut *err);
    let progress = |ch: engine::Change| {
        let e = &ch.entry;
        let state = crate::t!("batch-state", state = e.state.word());
        let line = crate::t!(
            "batch-progress",
            bar = progress_bar(ch.done, ch.total),
            done = ch.done,
            total = ch.total,
            flight = ch.in_flight,
            row = row_words(e.row, e.variant.as_deref()),
            state = state
        );
        let _ = writeln!(err_cell.borrow_mut(), "{line}");
    };
    let summary = sh.block_on(engine::run(
        &client,
        &store,
        &c.region,
        &manifest,
        &plan.items,
        &maker,
        &opts,
        &cancel,
        &progress,
    ))?;
    let manifest = manifest.into_inner().unwrap_or_else(|p| p.into_inner());
    report(&plan.items, &manifest, &summary, out, err)
}

/// Each warning once, with the rows it is about (the first three, and how many more).
fn say_warnings(warnings: &[(String, String)], err: &mut dyn Write) {
    let mut said: Vec<(&str, Vec<&str>)> = Vec::new();
    for (at, what) in warnings {
        match said.iter_mut().find(|(w, _)| w == what) {
            Some((_, rows)) => rows.push(at),
            None => said.push((what, vec![at])),
        }
    }
    for (what, rows) in said {
        let mut at = rows.iter().take(3).copied().collect::<Vec<_>>().join(", ");
        if rows.len() > 3 {
            at = crate::t!("batch-and-more", rows = at, more = rows.len() - 3);
        }
        let _ = writeln!(err, "{at}: {what}");
    }
}

/// Bad rows stop everything (all listed), unless `--skip-bad` leaves them out.
fn refuse_bad(bad: &[String], rows: usize, skip: bool, err: &mut dyn Write) -> Result<(), (i32, String)> {
    if bad.is_empty() {
        return Ok(());
    }
    for line in bad {
        let _ = writeln!(err, "{line}");
    }
    if skip {
        let _ = writeln!(err, "{}", crate::t!("batch-skipping", rows = rows));
        return Ok(());
    }
    Err((EXIT_PROBLEMS, format!("{}\n{}", crate::t!("batch-bad-rows", rows = rows), crate::t!("batch-nothing-sent"))))
}

/// A row whose values changed since the manifest recorded it is not the row that was sent.
fn check_unchanged(items: &[Item], manifest: &Manifest) -> Result<(), (i32, String)> {
    let changed: Vec<String> = items
        .iter()
        .filter_map(|i| {
            let e = manifest.get(&i.key())?;
            (e.fingerprint != i.fingerprint && e.state != RowState::Failed).then(|| {
                let state = crate::t!("batch-state", state = e.state.word());
                crate::t!("batch-row-changed", row = row_words(i.row, i.variant.as_deref()), state = state)
            })
        })
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    let folder = manifest.path().parent().unwrap_or(Path::new("")).display().to_string();
    Err((EXIT_BAD_INPUT, format!("{}\n{}", changed.join("\n"), crate::t!("batch-changed-hint", folder = folder))))
}

/// VOD's word on the media of the rows still to send, asked once for all (as `submit` asks
/// for one project): a media not Normal blocks its row.
fn check_media(
    sh: &Shell,
    c: &crate::core::Connection,
    maker: &engine::Maker,
    plan: &mut Plan,
    manifest: &Manifest,
    a: &Args,
    err: &mut dyn Write,
) -> Result<(), (i32, String)> {
    let pending: Vec<usize> = (0..plan.items.len())
        .filter(|&i| manifest.get(&plan.items[i].key()).is_none_or(|e| !e.state.is_sent()))
        .collect();
    // Each row's project is made again here and below, one at a time (an Item keeps only
    // its values); a row that cannot be made again is refused with the rest.
    let made = |item: &Item| maker.project(item).map_err(|why| (EXIT_PROBLEMS, why));
    let mut media: Vec<String> = Vec::new();
    for &i in &pending {
        for m in crate::model::validate::status_checked_media(&made(&plan.items[i])?) {
            if !media.contains(&m) {
                media.push(m);
            }
        }
    }
    if media.is_empty() {
        return Ok(());
    }
    let answer = sh.block_on(produce::ask_status(c, &media))?;
    let (mut bad, mut bad_rows, mut warnings) = (Vec::new(), std::collections::BTreeSet::new(), 0);
    for &i in &pending {
        let item = &plan.items[i];
        let project = made(item)?;
        let pre = produce::Preflight { problems: Vec::new(), media: Vec::new() };
        let checked = pre.finish(&project, &c.region, Some(&answer));
        for p in &checked.status {
            let line = format!("{}: {}", row_words(item.row, item.variant.as_deref()), describe::line(p, &project));
            if p.severity == Severity::Error {
                bad.push(line);
                bad_rows.insert(item.row);
            } else {
                warnings += 1;
                let _ = writeln!(err, "{line}");
            }
        }
    }
    refuse_bad(&bad, bad_rows.len(), a.skip_bad, err)?;
    plan.items.retain(|i| !bad_rows.contains(&i.row));
    if warnings > 0 && !a.yes {
        return Err((EXIT_PROBLEMS, crate::t!("cli-warnings-need-yes", warnings = warnings)));
    }
    if plan.items.is_empty() {
        return Err((EXIT_PROBLEMS, crate::t!("batch-nothing-left")));
    }
    Ok(())
}

/// `[######------]`: the rows finished of the batch, 20 wide (a line per change, so a log
/// of the run reads as well as a terminal).
fn progress_bar(done: usize, total: usize) -> String {
    const WIDTH: usize = 20;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH).min(WIDTH);
    format!("[{}{}]", "#".repeat(filled), "-".repeat(WIDTH - filled))
}

/// How often `--wait` asks (VODCUT_BATCH_POLL_MS for tests; 5 s).
fn poll_interval() -> std::time::Duration {
    let ms = std::env::var("VODCUT_BATCH_POLL_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(5000u64);
    std::time::Duration::from_millis(ms.clamp(50, 600_000))
}

fn dry_run(
    maker: &engine::Maker,
    items: &[Item],
    folder: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    // Read only: the folder is neither made nor locked.
    let recorded = crate::store::manifest::peek(folder).map_err(|e| (EXIT_BAD_INPUT, e))?;
    let mut sending = 0;
    for i in items {
        let project = maker.project(i).map_err(|why| (EXIT_PROBLEMS, why))?;
        let (w, h) = crate::template::variants::base_size(&project);
        let title = i.title.clone();
        let row = row_words(i.row, i.variant.as_deref());
        let line = match recorded.get(&i.key()).filter(|e| e.state != RowState::Failed) {
            Some(e) => {
                let state = crate::t!("batch-state", state = e.state.word());
                crate::t!("batch-dry-recorded", row = row, title = title, state = state)
            }
            None => {
                sending += 1;
                crate::t!(
                    "batch-dry-line",
                    row = row,
                    title = title,
                    clips = project.clip_count(),
                    width = w,
                    height = h
                )
            }
        };
        print(out, &line)?;
    }
    let _ = writeln!(err, "{}", crate::t!("batch-dry-summary", sending = sending, total = items.len()));
    Ok(EXIT_OK)
}

fn report(
    items: &[Item],
    manifest: &Manifest,
    summary: &engine::Summary,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    // Each row's last state; None: never sent.
    let mut states: Vec<Option<RowState>> = Vec::new();
    for i in items {
        let Some(e) = manifest.get(&i.key()) else {
            states.push(None);
            continue;
        };
        states.push(Some(e.state));
        let state = crate::t!("batch-state", state = e.state.word());
        let dash = || "-".to_owned();
        print(
            out,
            &format!(
                "{}\t{}\t{}\t{}",
                row_words(i.row, i.variant.as_deref()),
                state,
                e.media_id.clone().unwrap_or_else(dash),
                e.project_id.clone().unwrap_or_else(dash)
            ),
        )?;
        if let Some(error) = e.error.as_deref().filter(|_| !e.state.is_sent() || e.state == RowState::ProduceFailed) {
            let _ = writeln!(err, "{}: {error}", row_words(i.row, i.variant.as_deref()));
        }
    }
    let _ = writeln!(err, "{}", crate::t!("batch-manifest", file = manifest.path().display().to_string()));
    if let Some(broken) = &summary.broken {
        return Err((EXIT_WRITE_FAILED, broken.clone()));
    }
    let n = |s: Option<RowState>| states.iter().filter(|x| **x == s).count();
    let lost = n(Some(RowState::Unknown)) + n(Some(RowState::Sending)) + n(Some(RowState::NotFound));
    let failed = n(Some(RowState::Failed));
    if summary.cancelled {
        let _ = writeln!(err, "{}", crate::t!("batch-stopped", unsent = n(None) + failed));
        return Ok(super::render::EXIT_CANCELLED);
    }
    if summary.wait_timed_out {
        let going = n(Some(RowState::Submitted));
        return Err((EXIT_NETWORK, crate::t!("batch-wait-timeout", rows = going)));
    }
    if lost > 0 {
        return Err((EXIT_OUTCOME_UNKNOWN, crate::t!("batch-lost", rows = lost)));
    }
    if failed > 0 {
        return Err((EXIT_REFUSED, crate::t!("batch-failed", rows = failed)));
    }
    let produce_failed = n(Some(RowState::ProduceFailed));
    if produce_failed > 0 {
        return Err((super::EXIT_PRODUCE_FAILED, crate::t!("batch-produce-failed", rows = produce_failed)));
    }
    Ok(EXIT_OK)
}
