//! THE CLOUD: signing, credentials, regions, typed requests and responses, errors, retries.

pub mod account_calls;
pub mod calls;
pub mod client;
pub mod credentials;
pub mod error;
pub mod http;
pub mod play;
pub mod redact;
pub mod region;
pub mod sign;
pub mod upload_calls;

pub use client::{Client, ClientConfig, Safety};
pub use credentials::Credentials;
pub use error::{ApiError, ServiceError};
