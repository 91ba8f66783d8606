pub mod media_files;
pub mod media_server;
pub mod oss_server;
pub mod ui;
pub mod upload_api;
pub mod vod_server;
