//! `vodcut account templates|categories|apps`: what the account offers a production, from
//! the lists the editor's pickers use (kept per account and region; `--refresh` asks again).

use super::cloud::{connection, exit_for};
use super::{AccountCommand, CliResult, EXIT_OK, Shell, print};
use crate::model::account::AccountLists;
use std::io::Write;

pub fn run(sh: &Shell, command: AccountCommand, out: &mut dyn Write, err: &mut dyn Write) -> CliResult {
    let list = command.list().clone();
    let (c, _) = connection(sh, &list.conn, None)?;
    let (lists, cached) =
        sh.block_on(crate::core::account::lists(&c, list.refresh))?.map_err(|e| (exit_for(&e), e.to_string()))?;
    if cached {
        // A note, not data: on stderr, so `--json` and pipes read only the list.
        let when = crate::when::local(lists.fetched);
        let _ = writeln!(err, "{}", crate::t!("cli-account-cached", when = when));
    }
    match command {
        AccountCommand::Templates { app_id, .. } => templates(&lists, app_id.as_deref(), list.json, out),
        AccountCommand::Categories { .. } => categories(&lists, list.json, out),
        AccountCommand::Apps { .. } => apps(&lists, list.json, out),
    }
}

fn json(out: &mut dyn Write, v: &impl serde::Serialize) -> CliResult {
    print(out, &serde_json::to_string_pretty(v).unwrap_or_default())?;
    Ok(EXIT_OK)
}

fn templates(lists: &AccountLists, app_id: Option<&str>, as_json: bool, out: &mut dyn Write) -> CliResult {
    let shown: Vec<_> = lists.templates.iter().filter(|g| app_id.is_none_or(|a| g.app_id == a)).collect();
    if as_json {
        return json(out, &shown);
    }
    if shown.is_empty() {
        print(out, &crate::t!("cli-account-none"))?;
    }
    for g in shown {
        let default = if g.is_default() { format!(" {}", crate::t!("cli-account-default")) } else { String::new() };
        print(out, &format!("{}  {}  ({}){default}", g.transcode_template_group_id, g.name, g.app_id))?;
    }
    Ok(EXIT_OK)
}

fn categories(lists: &AccountLists, as_json: bool, out: &mut dyn Write) -> CliResult {
    if as_json {
        return json(out, &lists.categories);
    }
    if lists.categories.is_empty() {
        print(out, &crate::t!("cli-account-none"))?;
    }
    // Children indented under their parent.
    for (c, depth) in lists.category_tree() {
        print(out, &format!("{}{}  {}", "  ".repeat(depth), c.cate_id, c.cate_name))?;
    }
    Ok(EXIT_OK)
}

fn apps(lists: &AccountLists, as_json: bool, out: &mut dyn Write) -> CliResult {
    if as_json {
        return json(out, &lists.apps);
    }
    if lists.apps.is_empty() {
        print(out, &crate::t!("cli-account-none"))?;
    }
    for a in &lists.apps {
        // Type (System, Custom) and Status (Normal, Disable) as VOD names them.
        print(out, &format!("{}  {}  ({}, {})", a.app_id, a.app_name, a.kind, a.status))?;
    }
    Ok(EXIT_OK)
}
