//! `submit --wait` and `status --wait`: a production followed to its end (the core's
//! `follow`), its statuses on stderr as they change, and an exit code for scripts: 0 its
//! video is ready, 4 it failed (every error field VOD gave printed), 5 the time ran out.

use super::cloud::{describe, exit_for};
use super::{CliResult, EXIT_OK, EXIT_PRODUCE_FAILED, EXIT_TIMED_OUT, Shell, print};
use crate::api::Client;
use crate::core::follow::{Backoff, Ending, follow};
use crate::store::jobs::{Job, JobStore};
use std::io::Write;
use std::time::Duration;

/// How long `--wait` follows when no `--wait-timeout` is given.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(2 * 3600);

/// A duration as typed: seconds (`90`), or with units (`90s`, `30m`, `2h`, `1h30m`).
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let bad = || crate::t!("cli-bad-duration", text = text);
    let t = text.trim();
    if t.is_empty() {
        return Err(bad());
    }
    if let Ok(secs) = t.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let (mut total, mut number) = (0u64, String::new());
    for c in t.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(bad()),
        };
        let n: u64 = number.parse().map_err(|_| bad())?;
        total = n.checked_mul(unit).and_then(|s| total.checked_add(s)).ok_or_else(bad)?;
        number.clear();
    }
    if !number.is_empty() {
        return Err(bad());
    }
    Ok(Duration::from_secs(total))
}

/// Follows `job` to its end and says how it ended (the job's record updated in `store` when
/// given). `--json` prints the job with its `Ending`.
#[allow(clippy::too_many_arguments)]
pub fn wait(
    sh: &Shell,
    client: &Client,
    store: Option<&JobStore>,
    job: &mut Job,
    timeout: Duration,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    let backoff = Backoff::from_env(&sh.env);
    // Each new status as it comes, on stderr (stdout keeps the result alone).
    let mut said: Vec<String> = Vec::new();
    let mut progress = |j: &Job| {
        let words = [
            j.production_status.as_deref().map(crate::api::calls::production_status_words),
            j.video_status.as_deref().map(crate::api::calls::media_status_words),
        ];
        said.push(words.into_iter().flatten().collect::<Vec<_>>().join(", "));
    };
    let ended = sh.block_on(follow(client, store, job, timeout, backoff, &mut progress))?;
    for line in said.iter().filter(|l| !l.is_empty()) {
        let _ = writeln!(err, "{}", crate::t!("cli-wait-now", status = line.as_str()));
    }
    let ended = ended.map_err(|e| (exit_for(&e), e.to_string()))?;
    let word = ending_word(ended);
    if json {
        let mut v = serde_json::to_value(&*job).unwrap_or_default();
        v["Ending"] = word.into();
        print(out, &serde_json::to_string_pretty(&v).unwrap_or_default())?;
    } else {
        print(out, &describe(job))?;
    }
    let id = job.media_id.clone().or(job.project_id.clone()).unwrap_or_else(|| job.id.clone());
    match ended {
        Ending::Finished => Ok(EXIT_OK),
        Ending::Failed => {
            let _ = writeln!(err, "{}", crate::t!("cli-wait-failed", id = id.as_str()));
            Ok(EXIT_PRODUCE_FAILED)
        }
        Ending::TimedOut => {
            let waited = crate::i18n::Clock::without_project().length_secs(timeout.as_secs_f64());
            let _ = writeln!(err, "{}", crate::t!("cli-wait-timed-out", id = id.as_str(), waited = waited));
            Ok(EXIT_TIMED_OUT)
        }
    }
}

/// The ending as `--json` names it for scripts (not translated).
// i18n-exempt: JSON values for scripts
fn ending_word(e: Ending) -> &'static str {
    match e {
        Ending::Finished => "finished",
        Ending::Failed => "failed",
        Ending::TimedOut => "timed_out",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_seconds_or_with_units() {
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("2d"), Ok(Duration::from_secs(172_800)));
        for bad in ["", "h", "5x", "1.5h", "10m5", "-3", "99999999999999999999h"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
