pub mod media_server;
pub mod ui;
pub mod vod_server;
