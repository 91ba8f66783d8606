//! The editor's resident memory (issue 28): the real window with a 10 000- and a 100 000-clip
//! project open, after opening and after a minute of zooming and scrolling the timeline,
//! beside `vodcut validate` of the same file (the reference, measured in the same run) and an
//! editor holding a one-clip project (what the window costs whatever it shows). Whole
//! processes: the window on an Xvfb display of its own, driven with xdotool; the figures are
//! the kernel's (VmRSS, VmHWM; the validate's peak from wait4).
//!
//! And the launch (issue 28): the time from starting `vodcut PROJECT` to its window showing on
//! the display, the median of 5, beside xev's (a bare X client: the floor of showing a window
//! on this display) measured the same way.
//!
//! Run: `cargo bench --bench editor_memory` (about four minutes; `VODCUT_BENCH_SCROLL_SECS`
//! sets the scrolling, 60 by default). Needs Xvfb and xdotool (scripts/install-deps.sh);
//! without them it says so and measures nothing. `cargo test --all-targets` runs it
//! unoptimised with a 1 000-clip project and 2 s of scrolling, as a smoke test.
//! `VODCUT_BENCH_SHOTS=FOLDER` keeps a screenshot of each window after its scrolling.

#[path = "../tests/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn smoke() -> bool {
    cfg!(debug_assertions)
}

fn have(program: &str) -> bool {
    Command::new("sh").arg("-c").arg(format!("command -v {program}")).output().is_ok_and(|o| o.status.success())
}

/// `key` of /proc/PID/status, in KiB.
fn status_kib(pid: u32, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = text.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

struct Display {
    xvfb: Child,
    name: String,
}

impl Display {
    fn start() -> Option<Display> {
        let n = (90..200).find(|n| !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists())?;
        let name = format!(":{n}");
        let xvfb = Command::new("Xvfb")
            .args([name.as_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let start = Instant::now();
        while !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
            if start.elapsed() > Duration::from_secs(10) {
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(Display { xvfb, name })
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let o = Command::new("xdotool").args(args).env("DISPLAY", &self.name).output();
        o.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default()
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

/// The peak resident memory (KiB) of `vodcut validate FILE`, from wait4.
fn validate_peak(home: &Path, file: &Path) -> u64 {
    #[allow(clippy::zombie_processes)] // reaped by wait4, which also gives its peak memory
    let child = support::isolated(env!("CARGO_BIN_EXE_vodcut"), home)
        .arg("validate")
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("vodcut validate");
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; the pointers are to live locals.
    unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    // Reaped by wait4 above: this only drops the handle.
    std::mem::forget(child);
    usage.ru_maxrss as u64
}

/// Waits until the resident size has stayed within 1% for `quiet`.
fn settle(pid: u32, quiet: Duration) -> u64 {
    let (mut last, mut since) = (0u64, Instant::now());
    let start = Instant::now();
    loop {
        let now = status_kib(pid, "VmRSS:").unwrap_or(0);
        if now.abs_diff(last) * 100 > last.max(1) {
            (last, since) = (now, Instant::now());
        } else if since.elapsed() >= quiet || start.elapsed() > Duration::from_secs(120) {
            return now;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Milliseconds from spawning `cmd` to a visible window named `name` (polled every 10 ms).
fn launch_ms(display: &Display, mut cmd: Command, name: &str) -> f64 {
    let start = Instant::now();
    let mut child = cmd.env("DISPLAY", &display.name).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let ms = loop {
        if !display.xdotool(&["search", "--onlyvisible", "--name", name]).trim().is_empty() {
            break start.elapsed().as_secs_f64() * 1000.0;
        }
        if start.elapsed() > Duration::from_secs(30) {
            break f64::NAN;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let _ = child.kill();
    let _ = child.wait();
    // The window gone before the next start.
    while !display.xdotool(&["search", "--onlyvisible", "--name", name]).trim().is_empty() {
        std::thread::sleep(Duration::from_millis(20));
    }
    ms
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn launches(display: &Display, home: &Path, file: &Path) {
    let runs = if smoke() { 1 } else { 5 };
    let editor = median(
        (0..runs)
            .map(|_| {
                let mut c = support::isolated(env!("CARGO_BIN_EXE_vodcut"), home);
                c.arg(file);
                launch_ms(display, c, "vodcut")
            })
            .collect(),
    );
    let xev = median((0..runs).map(|_| launch_ms(display, Command::new("xev"), "Event Tester")).collect());
    println!(
        "launch to a visible window (median of {runs}): vodcut {editor:.0} ms, xev {xev:.0} ms ({:.1}x)",
        editor / xev
    );
}

struct Row {
    clips: usize,
    opened: u64,
    scrolled: u64,
    peak: u64,
    validate: u64,
}

/// `+` presses (x1.25 each) from the fitted view of a timeline `secs` long to about 10
/// points a second (the time area is about 1 100 points wide).
fn presses_to_working_zoom(secs: f64) -> u32 {
    let fitted = 0.95 * 1100.0 / secs.max(1.0);
    ((10.0 / fitted).ln() / 1.25f64.ln()).ceil().max(0.0) as u32
}

fn measure(display: &Display, home: &Path, file: &Path, (clips, secs): (usize, f64), scroll: Duration) -> Row {
    let validate = validate_peak(home, file);
    let mut editor = support::isolated(env!("CARGO_BIN_EXE_vodcut"), home)
        .arg(file)
        .env("DISPLAY", &display.name)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the editor");
    let pid = editor.id();
    let wid = display.xdotool(&["search", "--sync", "--onlyvisible", "--name", "vodcut"]);
    let wid = wid.lines().next().unwrap_or_default().to_owned();
    let opened = settle(pid, Duration::from_secs(3));
    // The keys go to the window with the input focus (there is no window manager).
    display.xdotool(&["windowfocus", "--sync", &wid]);
    // The timeline's rows: four fifths down the window, right of the track headers.
    let geometry = display.xdotool(&["getwindowgeometry", "--shell", &wid]);
    let value =
        |k: &str| geometry.lines().find_map(|l| l.strip_prefix(k)).and_then(|v| v.parse::<i32>().ok()).unwrap_or(0);
    let (x, y, w, h) = (value("X="), value("Y="), value("WIDTH="), value("HEIGHT="));
    let (mx, my) = ((x + w / 2).to_string(), (y + h * 4 / 5).to_string());
    display.xdotool(&["mousemove", &mx, &my]);
    // From the fitted view to a working zoom (about 10 points a second: clips drawn one by
    // one, with their titles), then pan time, scroll the tracks, zoom a little in and out.
    for _ in 0..presses_to_working_zoom(secs) {
        display.xdotool(&["key", "equal"]);
        std::thread::sleep(Duration::from_millis(100));
    }
    let start = Instant::now();
    let mut step = 0u32;
    while start.elapsed() < scroll {
        // Every 80 steps: as far right as left, as far down as up, as much in as out, so
        // the view stays on the clips.
        match step % 80 {
            0..=1 => display.xdotool(&["key", "equal"]),
            2..=3 => display.xdotool(&["key", "minus"]),
            4..=33 => display.xdotool(&["keydown", "shift", "click", "5", "keyup", "shift"]),
            34..=63 => display.xdotool(&["keydown", "shift", "click", "4", "keyup", "shift"]),
            64..=71 => display.xdotool(&["click", "5"]),
            _ => display.xdotool(&["click", "4"]),
        };
        step += 1;
        std::thread::sleep(Duration::from_millis(50));
    }
    let scrolled = settle(pid, Duration::from_secs(2));
    // To see what the scrolling left on screen: VODCUT_BENCH_SHOTS=FOLDER.
    if let Some(dir) = std::env::var_os("VODCUT_BENCH_SHOTS") {
        let shot = Path::new(&dir).join(format!("editor-memory-{clips}.png"));
        let _ = Command::new("import").args(["-window", "root"]).arg(shot).env("DISPLAY", &display.name).status();
    }
    let peak = status_kib(pid, "VmHWM:").unwrap_or(0);
    let _ = editor.kill();
    let _ = editor.wait();
    Row { clips, opened, scrolled, peak, validate }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // cargo's listing of benchmarks: nothing to list.
    }
    if !have("Xvfb") || !have("xdotool") {
        println!("editor_memory: Xvfb and xdotool are needed (scripts/install-deps.sh); nothing measured");
        return;
    }
    let secs = std::env::var("VODCUT_BENCH_SCROLL_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let (sizes, scroll): (Vec<usize>, _) = if smoke() {
        (vec![1, 1_000], Duration::from_secs(2))
    } else {
        (vec![1, 10_000, 100_000], Duration::from_secs(secs))
    };
    let dir = tempfile::tempdir().unwrap();
    let Some(display) = Display::start() else {
        println!("editor_memory: Xvfb did not start; nothing measured");
        return;
    };
    let mut rows = Vec::new();
    if have("xev") {
        let file = dir.path().join("launch.vodcut");
        vodcut::store::project_file::save(&file, &vodcut::model::generate::generated_project(1, 1)).unwrap();
        launches(&display, &dir.path().join("home-launch"), &file);
    }
    for &clips in &sizes {
        let mut project = vodcut::model::generate::generated_project(clips, 20.min(clips));
        project.zoom = 50.0;
        let file: PathBuf = dir.path().join(format!("clips-{clips}.vodcut"));
        vodcut::store::project_file::save(&file, &project).unwrap();
        let home = dir.path().join(format!("home-{clips}"));
        let placements = vodcut::model::project::placements(&project, &project.media_durations());
        let end = placements.iter().flatten().map(|p| p.end).max().unwrap_or_default();
        rows.push(measure(&display, &home, &file, (clips, end.as_secs_f64()), scroll));
    }
    println!(
        "editor resident memory (MiB), {} s of zooming and scrolling; reference: vodcut validate",
        scroll.as_secs()
    );
    println!(
        "| clips | editor after opening | after scrolling | editor peak | validate peak | ratio (after scrolling / validate) |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    for r in &rows {
        println!(
            "| {} | {:.0} | {:.0} | {:.0} | {:.0} | {:.2}x |",
            r.clips,
            mib(r.opened),
            mib(r.scrolled),
            mib(r.peak),
            mib(r.validate),
            r.scrolled as f64 / r.validate.max(1) as f64
        );
    }
}
