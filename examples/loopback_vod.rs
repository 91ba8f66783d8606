//! Runs the tests' loopback VOD server by hand, for trying the editor or the CLI offline:
//!
//!     cargo run --example loopback_vod
//!     # then, in another shell, with the key it prints:
//!     VODCUT_ENDPOINT=http://127.0.0.1:PORT/ ALIBABA_CLOUD_ACCESS_KEY_ID=... \
//!       ALIBABA_CLOUD_ACCESS_KEY_SECRET=... cargo run -- submit project.vodcut

#[path = "../tests/support/vod_server.rs"]
mod vod_server;
// Uploads (CreateUploadVideo and an OSS endpoint) live beside it.
#[path = "../tests/support/oss_server.rs"]
mod oss_server;
#[path = "../tests/support/upload_api.rs"]
mod upload_api;

fn main() {
    let server = vod_server::VodServer::start();
    server.add_media("a0000000000000000000000000000001", "video", "Beach (demo)", 42.5, "Normal");
    server.add_media("a0000000000000000000000000000002", "audio", "Theme (demo)", 180.0, "Normal");
    println!("loopback VOD server at {}", server.url());
    println!("ALIBABA_CLOUD_ACCESS_KEY_ID={}", vod_server::KEY_ID);
    println!("ALIBABA_CLOUD_ACCESS_KEY_SECRET={}", vod_server::KEY_SECRET);
    println!("(Ctrl+C to stop)");
    loop {
        std::thread::park();
    }
}
