pub mod media_files;
pub mod media_server;
pub mod oss_server;
pub mod ui;
pub mod upload_api;
pub mod vod_server;

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

/// What a finished command printed, stdout then stderr, as one text to search.
#[allow(dead_code)] // not every test binary that includes `support` runs a command
pub fn output_text(o: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// `program` as a user with nothing of this machine's vodcut state runs it: the environment
/// cleared but PATH, and every folder vodcut may read or write (home, the XDG data, config,
/// cache and runtime folders, and so the sandbox's session folder, vodcut's data and cache
/// folders) inside `home`. Tests add what they need after it (LANG, keys, an endpoint, PATH).
#[allow(dead_code)] // not every test binary that includes `support` runs the binary
pub fn isolated(program: impl AsRef<OsStr>, home: &Path) -> Command {
    // Not made here: the sandbox makes its session folder in it (0700) when it is used, and a
    // test that lists `home` sees only what the command made.
    let run = home.join("run");
    let mut c = Command::new(program);
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_RUNTIME_DIR", &run)
        .env("XDG_DATA_HOME", home.join("share"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache-home"))
        .env("VODCUT_DATA_DIR", home.join("data"))
        .env("VODCUT_CACHE_DIR", home.join("cache"));
    c
}
