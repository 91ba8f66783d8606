//! The largest input vodcut accepts opens and validates within 1 GB, and one with more
//! entries than it opens is refused at once, saying the limit (issue 24 item 18).
//!
//! Each run of `vodcut validate` gets an address-space limit of 1 GiB (as `prlimit --as`
//! does), which bounds its resident memory too: past it an allocation fails and the program
//! aborts, so the test fails rather than the machine swapping. Its peak resident memory is
//! read from the kernel (`wait4`) and printed.
#![cfg(target_os = "linux")]

mod support;

use std::io::{BufWriter, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::Stdio;
use vodcut::model::budget::MAX_PIECES;
use vodcut::model::generate::padded_timeline;
use vodcut::store::input::MAX_INPUT_BYTES;

const GIB: u64 = 1024 * 1024 * 1024;

struct Run {
    /// The exit code, or `None` when a signal ended it (an abort on a failed allocation).
    code: Option<i32>,
    signal: Option<i32>,
    max_rss: u64,
    stderr: String,
}

/// `vodcut validate FILE` under an address-space limit of `limit` bytes.
fn validate_capped(file: &Path, home: &Path, limit: u64) -> Run {
    let err_path = home.join("stderr.txt");
    let mut cmd = support::isolated(env!("CARGO_BIN_EXE_vodcut"), home);
    cmd.arg("validate")
        .arg(file)
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&err_path).unwrap());
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit { rlim_cur: limit, rlim_max: limit };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    // Reaped below by wait4, which clippy cannot see.
    #[allow(clippy::zombie_processes)]
    let child = cmd.spawn().unwrap();
    // wait4 rather than Child::wait: it gives this child's own peak resident memory (tests of
    // one binary run in parallel, so RUSAGE_CHILDREN would mix in the others').
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value of that plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our own child, not yet waited for; both pointers are valid.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4: {}", std::io::Error::last_os_error());
    let status = std::process::ExitStatus::from_raw(status);
    Run {
        code: status.code(),
        signal: status.signal(),
        max_rss: usage.ru_maxrss as u64 * 1024,
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
    }
}

#[test]
fn the_largest_accepted_timeline_validates_within_1_gb() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("largest.json");
    // As many pieces as the budget allows: the track, the padded clip, the clips and the
    // effects of every second one (an effect is three: itself, its Type and its Gain).
    let clips = (MAX_PIECES - 4) * 2 / 5;
    let text = padded_timeline(clips, 2, MAX_INPUT_BYTES as usize).expect("the clips fit");
    std::fs::write(&file, text).unwrap();
    assert_eq!(std::fs::metadata(&file).unwrap().len(), MAX_INPUT_BYTES);
    let run = validate_capped(&file, dir.path(), GIB);
    eprintln!("largest accepted Timeline: peak resident {} MiB", run.max_rss >> 20);
    // Validated: no problems, or problems found (exit 1), not refused nor aborted.
    assert!(
        matches!(run.code, Some(0 | 1)),
        "exit {:?}, signal {:?} under a 1 GiB limit:\n{}",
        run.code,
        run.signal,
        run.stderr.chars().take(2000).collect::<String>()
    );
    assert!(run.stderr.contains("largest.json"), "{}", run.stderr.chars().take(2000).collect::<String>());
    assert!(run.max_rss < GIB, "peak resident {} bytes", run.max_rss);
}

/// The most clips per byte (`{},`): 256 MB of them made 89 million clips, some 40 GB in the
/// model. Refused at the first piece over the limit (it aborted under the 1 GiB limit).
#[test]
fn a_timeline_of_more_pieces_than_vodcut_opens_is_refused_saying_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("minimal.json");
    let head = br#"{"VideoTracks":[{"VideoTrackClips":[{}"#;
    let end = b"]}]}";
    let n = (MAX_INPUT_BYTES as usize - head.len() - end.len()) / 3;
    let mut f = BufWriter::new(std::fs::File::create(&file).unwrap());
    f.write_all(head).unwrap();
    let chunk = b",{}".repeat(1 << 18);
    let mut left = n;
    while left > 0 {
        let k = left.min(1 << 18);
        f.write_all(&chunk[..k * 3]).unwrap();
        left -= k;
    }
    f.write_all(end).unwrap();
    drop(f);
    let run = validate_capped(&file, dir.path(), GIB);
    eprintln!("{} minimal clips: peak resident {} MiB", n + 1, run.max_rss >> 20);
    assert_eq!(run.code, Some(2), "signal {:?}: {}", run.signal, run.stderr);
    let limit = MAX_PIECES.to_string();
    assert!(run.stderr.contains("minimal.json"), "names the file: {}", run.stderr);
    assert!(run.stderr.contains(&limit), "names the limit: {}", run.stderr);
    // The track is the first piece: the clip past the limit is number MAX_PIECES - 1 from 0.
    let at = format!("VideoTracks[0].VideoTrackClips[{}]", MAX_PIECES - 1);
    assert!(run.stderr.contains(&at), "says where: {}", run.stderr);
    // The text (256 MB) and the clips read up to the limit (about 230 MB): under 1 GiB.
    assert!(run.max_rss < GIB, "peak resident {} bytes", run.max_rss);
}
