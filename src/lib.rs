//! vodcut: a desktop timeline editor for Alibaba Cloud ApsaraVideo VOD productions.
//!
//! Dependency direction: `ui -> model`, `ui -> store -> model`, `cli -> store/model`.
//! Nothing below `ui` imports egui; nothing in `model` does I/O.

pub mod api;
pub mod cli;
pub mod compose;
pub mod desktop;
pub mod draft;
pub mod edit;
pub mod i18n;
pub mod interchange;
pub mod media;
pub mod model;
pub mod process;
pub mod sandbox;
pub mod sound;
pub mod store;
pub mod tasks;
pub mod ui;
pub mod upload;
pub mod when;
pub mod workflow;
