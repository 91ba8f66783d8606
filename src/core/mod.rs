//! THE APPLICATION: what the editor (`ui/`) and the command line (`cli/`) both do, with no
//! egui in it. The faces draw and parse; they ask the core, which makes the same checks with
//! the same words for both:
//!
//! - [`env`]: the environment a run is given (folders, endpoint, credential source, real or
//!   sandbox, language, ffmpeg), built once in `main`;
//! - [`executor`]: the one background runtime, waking a face through a plain callback;
//! - [`connect`]: a connection (credentials, region, endpoint) turned into a client;
//! - [`batch`]: a production per row of a template's rows, with the batch's manifest;
//! - [`sync`]: the cloud project compared with the Timeline last synced before it is
//!   replaced (the difference, keep mine, take theirs, merge);
//! - [`produce`]: the pre-flight (validation, then VOD's word on the media used), the
//!   confirmation's facts, sending once, following a production;
//! - [`uploads`]: the queue of local files going to VOD, resumed and followed until Normal;
//! - [`library`]: paging through the media library;
//! - [`still`]: the compositor's frame of the output at a time; [`compare`]: a produced video
//!   set against those frames at every cut and marker ("Compare with draft");
//! - [`cloudproj`]: the project saved as a cloud editing project (save, browse, pull, delete);
//! - [`jobs`]: the job history and following the productions still going;
//! - [`cloud`]: the editor's session with the cloud (settings, background calls and their
//!   answers), [`keys`]: keys remembered in the system keychain.
//!
//! docs/architecture.md states the layers and what each may use.

pub mod account;
pub mod batch;
pub mod cloud;
pub mod cloudproj;
pub mod compare;
pub mod connect;
pub mod env;
pub mod executor;
pub mod follow;
pub mod jobs;
pub mod keys;
pub mod library;
pub mod lost;
pub mod produce;
pub mod still;
pub mod sync;
pub mod uploads;

pub use connect::Connection;
pub use env::Env;
pub use executor::{Executor, Kind, Tasks};
