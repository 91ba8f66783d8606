pub mod ui;
pub mod vod_server;
