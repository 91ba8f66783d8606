pub mod vod_server;
