//! The README's quick tour, run as written: every command between the tour markers must
//! succeed on a machine with no account (an empty home folder, no credentials in the
//! environment), from a fresh folder holding the repository's `assets/`.

use std::path::Path;
use std::process::Command;

/// The commands between `<!-- tour:begin` and `<!-- tour:end -->`, as written.
fn tour_commands(readme: &str) -> Vec<String> {
    let start = readme.find("<!-- tour:begin").expect("README has the tour:begin marker");
    let end = readme[start..].find("<!-- tour:end -->").expect("README has the tour:end marker") + start;
    readme[start..end].lines().map(str::trim).filter(|l| l.starts_with("vodcut ")).map(str::to_owned).collect()
}

/// Splits a command line as a POSIX shell would for these simple lines: spaces separate
/// words, double quotes keep spaces.
fn words(line: &str) -> Vec<String> {
    let (mut out, mut cur, mut quoted, mut any) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    assert!(!quoted, "unbalanced quotes in {line}");
    if any {
        out.push(cur);
    }
    out
}

#[test]
fn words_split_like_a_shell() {
    assert_eq!(words(r#"vodcut a "b c"  d"#), ["vodcut", "a", "b c", "d"]);
}

#[test]
fn the_readme_tour_runs_as_written_without_an_account() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let commands = tour_commands(&readme);
    assert!(commands.len() >= 6, "the tour shows the product: {commands:?}");
    let home = tempfile::tempdir().unwrap();
    let cwd = home.path().join("work");
    std::fs::create_dir_all(&cwd).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("assets"), cwd.join("assets")).unwrap();
    // Twice: a reader may run the tour again in the same folder.
    for line in commands.iter().chain(&commands) {
        let args = words(line);
        let out = Command::new(env!("CARGO_BIN_EXE_vodcut"))
            .args(&args[1..])
            .current_dir(&cwd)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home.path())
            .env("XDG_RUNTIME_DIR", home.path().join("run"))
            .env("XDG_DATA_HOME", home.path().join("share"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .output()
            .unwrap();
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "`{line}` failed:\n{stdout}{stderr}");
        if line.contains("--sandbox") {
            assert!(stderr.contains("nothing is sent to Alibaba Cloud"), "`{line}` says it is the sandbox: {stderr}");
        }
        if line.contains(" submit ") {
            assert!(stdout.contains("to the sandbox") && stdout.contains("MediaId:"), "{stdout}");
        }
        if line.ends_with(" jobs") {
            assert!(stdout.contains("Sandbox") && stdout.contains("Submitted"), "the production is listed: {stdout}");
        }
    }
    // The session folder was used (XDG_RUNTIME_DIR), not the user's data folder.
    assert!(home.path().join("run/vodcut-sandbox/service/state.json").exists());
    assert!(!home.path().join("share/vodcut/jobs").exists(), "no job in the real history");
}
