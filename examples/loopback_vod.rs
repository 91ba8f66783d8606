//! Runs the tests' loopback VOD server by hand, for trying the editor or the CLI offline:
//!
//!     cargo run --example loopback_vod
//!     # then, in another shell, with the key it prints:
//!     VODCUT_ENDPOINT=http://127.0.0.1:PORT/ ALIBABA_CLOUD_ACCESS_KEY_ID=... \
//!       ALIBABA_CLOUD_ACCESS_KEY_SECRET=... cargo run -- submit project.vodcut
//!
//! `--video ID=PATH` (repeatable) serves a local media file as video ID too.

#[path = "../tests/support/mod.rs"]
mod support;
use support::media_server::TestMedia;
use support::vod_server;

fn main() {
    let server = vod_server::VodServer::start();
    server.add_media("a0000000000000000000000000000001", "video", "Beach (demo)", 42.5, "Normal");
    server.add_media("a0000000000000000000000000000002", "audio", "Theme (demo)", 180.0, "Normal");
    // Real footage (needs ffmpeg): every second a colour, served with expiring URLs.
    server.add_test_video("c0000000000000000000000000000001", "Colour seconds (20 s)");
    server.add_test_image("d0000000000000000000000000000001", "Magenta logo", 64, 32, [230, 0, 230]);
    // `--video ID=PATH`: more real media (scripts/e2e-sound.sh serves its sync clip so).
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.windows(2).filter(|w| w[0] == "--video").map(|w| w[1].clone()) {
        if let Some((id, path)) = pair.split_once('=') {
            server.add_video_file(id, "video", id, path.into(), 6.0);
        }
    }
    println!("loopback VOD server at {}", server.url());
    println!("ALIBABA_CLOUD_ACCESS_KEY_ID={}", vod_server::KEY_ID);
    println!("ALIBABA_CLOUD_ACCESS_KEY_SECRET={}", vod_server::KEY_SECRET);
    println!("(Ctrl+C to stop)");
    loop {
        std::thread::park();
    }
}
