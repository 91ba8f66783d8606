//! The loopback server's media side (src/sandbox/media.rs), and the test media: an MP4 made
//! with ffmpeg whose every second is a solid colour naming that second.
#![allow(dead_code, unused_imports)]

use vodcut::sandbox::VodServer;
pub use vodcut::sandbox::media::*;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The test video, made once per test run (shared by test processes through the target
/// folder; written under a temporary name and renamed, so parallel runs never see half a file).
pub fn test_video() -> PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let base = option_env!("CARGO_TARGET_TMPDIR").map_or_else(std::env::temp_dir, PathBuf::from);
        let dir = base.join("vodcut-test-media-v1");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("seconds.mp4");
        write_seconds_video(Path::new("ffmpeg"), &path)
            .expect("ffmpeg makes the test media (scripts/install-deps.sh installs it)");
        path
    })
    .clone()
}

/// Test media on the loopback server.
pub trait TestMedia {
    /// Adds a video backed by the test MP4 (length 20 s, 160x90).
    fn add_test_video(&self, id: &str, title: &str);
}

impl TestMedia for VodServer {
    fn add_test_video(&self, id: &str, title: &str) {
        self.add_video_file(id, "video", title, test_video(), SECONDS as f64);
    }
}

/// The colour of the test logo.
pub const MAGENTA: [u8; 3] = [230, 0, 230];

/// A loopback server holding the test video ("vid") and a 64x32 magenta logo ("logo").
pub fn colour_library() -> VodServer {
    let server = VodServer::start();
    server.add_test_video("vid", "Colour seconds");
    server.add_test_image("logo", "Logo", 64, 32, MAGENTA);
    server
}

/// A folder with a project file.
pub fn write_project(dir: &Path, timeline: &str, w: u32, h: u32) -> PathBuf {
    let mut p = vodcut::model::export::import_timeline_str(timeline).unwrap();
    p.produce_config.width = Some(w);
    p.produce_config.height = Some(h);
    let path = dir.join("film.vodcut");
    vodcut::store::project_file::save(&path, &p).unwrap();
    path
}
