//! vodcut: a desktop timeline editor for Alibaba Cloud ApsaraVideo VOD productions.
//!
//! The layers, and what each may use, are stated in one place: docs/architecture.md (and
//! checked by tests/architecture.rs). In short: `main` builds an environment
//! ([`core::Env`]) and starts a face (`ui`, `cli`); the faces drive the application
//! ([`core`]), which uses the capabilities (`edit`, `media`, `compose`, `draft`, `upload`,
//! `sound`) and the leaves (`api`: the cloud, `store`: the disk) over the document (`model`).

pub mod api;
pub mod cli;
pub mod compose;
pub mod core;
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
pub mod subtitles;
pub mod template;
pub mod ui;
pub mod upload;
pub mod when;
