//! External programs (ffmpeg and the wrappers people put in its place) with deadlines that
//! hold. Each runs in a process group of its own, and the whole group is killed on timeout or
//! cancel: killing only the program started would leave whatever it started running, holding
//! the output pipes open, and a reader waiting for their end would wait forever. Output is
//! read on threads that hand it over in pieces, so waiting for it has a deadline too.

use std::io::Read;
use std::process::{Child, Command, ExitStatus};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long output is still awaited once the program itself has ended: what it wrote is in
/// the pipe already; only a process it left behind can keep the pipe open longer.
pub const GRACE: Duration = Duration::from_secs(2);

/// Makes `cmd` start a process group of its own (its pid is the group's id).
pub fn own_group(cmd: &mut Command) -> &mut Command {
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(cmd, 0);
    cmd
}

/// Kills the process group led by `child` (everything it started that did not leave the
/// group), then the child itself, and reaps it. Once the child has been reaped its id may
/// name a new process, so the group is then left alone.
pub fn kill_group(child: &mut Child) {
    if unreaped(child.id()) {
        signal_group(child.id());
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Whether our child `pid` is running or a zombie (its id still reserved), without reaping it.
fn unreaped(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let id: libc::id_t = pid;
        // SAFETY: waitid(2) writes only into `info`, a zeroed siginfo_t we own.
        unsafe {
            let mut info: libc::siginfo_t = std::mem::zeroed();
            libc::waitid(libc::P_PID, id, &mut info, libc::WEXITED | libc::WNOHANG | libc::WNOWAIT) == 0
        }
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// SIGKILL to the group `pgid` (a no-op when it is gone). The id stays reserved while any
/// member lives, so it cannot name another group even after the leader was reaped.
fn signal_group(pgid: u32) {
    #[cfg(unix)]
    if let Ok(id) = i32::try_from(pgid)
        && id > 1
    {
        // SAFETY: kill(2) with a negative pid signals that process group; no memory involved.
        unsafe {
            libc::kill(-id, libc::SIGKILL);
        }
    }
    #[cfg(not(unix))]
    let _ = pgid;
}

/// How waiting for a program ended.
#[derive(Debug)]
pub enum Ended {
    Exited(ExitStatus),
    /// The deadline passed; the group was killed.
    TimedOut,
    /// `cancel` was set; the group was killed.
    Cancelled,
    Failed(std::io::Error),
}

/// Waits for `child` until `deadline` or `cancel`; then its whole group is killed.
pub fn wait(child: &mut Child, deadline: Instant, cancel: &AtomicBool) -> Ended {
    loop {
        match child.try_wait() {
            Ok(Some(s)) => return Ended::Exited(s),
            Ok(None) if cancel.load(Ordering::Relaxed) => {
                kill_group(child);
                return Ended::Cancelled;
            }
            Ok(None) if Instant::now() >= deadline => {
                kill_group(child);
                return Ended::TimedOut;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => {
                kill_group(child);
                return Ended::Failed(e);
            }
        }
    }
}

/// A pipe read on a thread of its own, at most `max` bytes (the rest is left unread). The
/// thread never waits for the caller (the program must not stall on a full pipe while the
/// caller waits for it to end): what it read is queued, at most `max` bytes in all.
pub struct Pipe {
    rx: Receiver<Vec<u8>>,
    got: Vec<u8>,
    ended: bool,
}

impl Pipe {
    pub fn read(from: Option<impl Read + Send + 'static>, max: usize) -> Pipe {
        let (tx, rx) = channel::<Vec<u8>>();
        if let Some(mut r) = from {
            std::thread::spawn(move || {
                let mut left = max;
                let mut buf = vec![0u8; 64 * 1024];
                while left > 0 {
                    let want = left.min(buf.len());
                    match r.read(&mut buf[..want]) {
                        Ok(0) => break,
                        Ok(n) => {
                            left -= n;
                            if tx.send(buf[..n].to_vec()).is_err() {
                                break;
                            }
                        }
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(_) => break,
                    }
                }
            });
        }
        Pipe { rx, got: Vec::new(), ended: false }
    }

    /// Takes what arrives until the pipe ends or `deadline`; true when it ended.
    pub fn wait_until(&mut self, deadline: Instant) -> bool {
        while !self.ended {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(chunk) => self.got.extend_from_slice(&chunk),
                Err(RecvTimeoutError::Disconnected) => self.ended = true,
                Err(RecvTimeoutError::Timeout) => return false,
            }
        }
        true
    }

    /// What was read (the whole output once [`Pipe::wait_until`] said it ended).
    pub fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.got)
    }
}

/// Kills what is left of the group of `pgid` after its leader ended and was reaped. Only for
/// when a member is known to live (one holds our end of a pipe), which keeps the id reserved.
pub fn end_leftovers(pgid: u32) {
    signal_group(pgid);
}

/// The program's output after it ended (or was killed): waits for the pipes at most until
/// `deadline` (or [`GRACE`] after an exit); if something the program left behind still holds
/// them then, its group is killed and the pipes get one more short wait. Returns whether both
/// ended.
pub fn drain(child_pid: u32, pipes: &mut [&mut Pipe], deadline: Instant) -> bool {
    let first = deadline.min(Instant::now() + GRACE);
    if pipes.iter_mut().all(|p| p.wait_until(first)) {
        return true;
    }
    end_leftovers(child_pid);
    let last = Instant::now() + Duration::from_millis(500);
    pipes.iter_mut().all(|p| p.wait_until(last))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::process::Stdio;

    fn sh(script: &str) -> Child {
        let mut c = Command::new("/bin/sh");
        c.args(["-c", script]).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
        own_group(&mut c).spawn().unwrap()
    }

    #[test]
    fn a_child_left_holding_the_pipes_does_not_hold_the_caller() {
        // The program ends at once, its child keeps stdout and stderr open for a minute.
        let mut child = sh("sleep 60 & echo done");
        let (mut out, mut err) = (Pipe::read(child.stdout.take(), 1 << 20), Pipe::read(child.stderr.take(), 1 << 20));
        let t = Instant::now();
        let ended = wait(&mut child, Instant::now() + Duration::from_secs(20), &AtomicBool::new(false));
        assert!(matches!(ended, Ended::Exited(s) if s.success()), "{ended:?}");
        assert!(drain(child.id(), &mut [&mut out, &mut err], Instant::now() + Duration::from_secs(20)));
        assert_eq!(out.take(), b"done\n");
        assert!(t.elapsed() < Duration::from_secs(10), "waited {:?}", t.elapsed());
    }

    #[test]
    fn a_timeout_kills_the_program_and_everything_it_started() {
        let dir = tempfile::tempdir().unwrap();
        let mark = dir.path().join("alive");
        let script = format!("(sleep 3; touch '{}') & sleep 60", mark.display());
        let mut child = sh(&script);
        let mut out = Pipe::read(child.stdout.take(), 1 << 20);
        let t = Instant::now();
        let ended = wait(&mut child, Instant::now() + Duration::from_millis(300), &AtomicBool::new(false));
        assert!(matches!(ended, Ended::TimedOut), "{ended:?}");
        assert!(drain(child.id(), &mut [&mut out], Instant::now() + Duration::from_secs(5)));
        assert!(t.elapsed() < Duration::from_secs(3), "waited {:?}", t.elapsed());
        std::thread::sleep(Duration::from_secs(4));
        assert!(!mark.exists(), "the grandchild was killed with its group");
    }

    #[test]
    fn a_large_output_does_not_stall_the_program_while_it_is_awaited() {
        let mut child = sh("head -c 8388608 /dev/zero");
        let mut out = Pipe::read(child.stdout.take(), 16 << 20);
        let ended = wait(&mut child, Instant::now() + Duration::from_secs(20), &AtomicBool::new(false));
        assert!(matches!(ended, Ended::Exited(s) if s.success()), "{ended:?}");
        assert!(drain(child.id(), &mut [&mut out], Instant::now() + Duration::from_secs(5)));
        assert_eq!(out.take().len(), 8 << 20);
    }

    #[test]
    fn output_is_bounded() {
        let mut child = sh("yes");
        let mut out = Pipe::read(child.stdout.take(), 1000);
        assert!(out.wait_until(Instant::now() + Duration::from_secs(10)));
        assert_eq!(out.take().len(), 1000);
        kill_group(&mut child);
    }
}
