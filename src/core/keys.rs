//! The editor's side of the system keychain: remembered keys loaded at start, stored when the
//! user ticks "Remember in system keychain" and presses "Use these", deleted when they untick
//! it. Every keychain call runs off the UI thread; its answer arrives in `inbox` and is taken
//! by [`Keychain::poll`] on the next frame.

use super::executor::Executor;
use crate::api::credentials::{Credentials, Secret};
use crate::desktop::keychain::{KeyStore, KeychainError, StoredKeys, SystemKeyStore, TIMEOUT};
use std::sync::{Arc, Mutex};

enum Answer {
    Loaded(Result<Option<StoredKeys>, KeychainError>),
    Stored(Result<(), KeychainError>),
    Deleted(Result<(), KeychainError>),
}

pub struct Keychain {
    pub store: Arc<dyn KeyStore>,
    inbox: Arc<Mutex<Vec<Answer>>>,
    /// Calls started and not answered yet.
    pub busy: usize,
    /// What the last call did, in words (shown under the tick box).
    pub note: Option<String>,
    /// The last call found no keychain service (the tick box says so).
    pub unavailable: bool,
    executor: Executor,
}

/// Keys in the form the client signs with (a typed-in, session source).
pub fn credentials_of(k: &StoredKeys) -> Credentials {
    let mut c = Credentials::session(k.access_key_id.clone(), k.secret.expose().to_owned());
    c.security_token = k.security_token.clone();
    c
}

pub fn stored_of(c: &Credentials) -> StoredKeys {
    StoredKeys {
        access_key_id: c.access_key_id.clone(),
        secret: Secret::new(c.secret.expose()),
        security_token: c.security_token.clone(),
    }
}

/// Crash reports must never hold these.
pub fn protect(c: &Credentials) {
    crate::desktop::crash::remember_secret(c.secret.expose());
    if let Some(t) = &c.security_token {
        crate::desktop::crash::remember_secret(t.expose());
    }
}

impl Keychain {
    /// The system's keychain, its calls on `executor`.
    pub fn new(executor: Executor) -> Self {
        Keychain::with_store(Arc::new(SystemKeyStore), executor)
    }

    pub fn with_store(store: Arc<dyn KeyStore>, executor: Executor) -> Self {
        Keychain { store, inbox: Default::default(), busy: 0, note: None, unavailable: false, executor }
    }

    /// Runs `job` on the executor's blocking pool; a call that takes longer than [`TIMEOUT`]
    /// (a locked keychain whose prompt nobody answers) counts as unavailable.
    fn call<T: Send + 'static>(
        &mut self,
        job: impl FnOnce(&dyn KeyStore) -> Result<T, KeychainError> + Send + 'static,
        wrap: fn(Result<T, KeychainError>) -> Answer,
    ) {
        let (store, inbox) = (self.store.clone(), self.inbox.clone());
        let started = self.executor.spawn(async move {
            let call = tokio::task::spawn_blocking(move || job(store.as_ref()));
            let r = match tokio::time::timeout(TIMEOUT, call).await {
                Ok(Ok(r)) => r,
                _ => Err(KeychainError::Unavailable(crate::t!("core-keychain-timeout"))),
            };
            inbox.lock().unwrap_or_else(|e| e.into_inner()).push(wrap(r));
        });
        if started {
            self.busy += 1;
        }
    }

    /// Reads remembered keys (at start, when the settings say they were remembered).
    pub fn load(&mut self) {
        self.call(|s| s.load(), Answer::Loaded);
    }

    pub fn remember(&mut self, c: &Credentials) {
        let keys = stored_of(c);
        self.call(move |s| s.store(&keys), Answer::Stored);
    }

    pub fn forget(&mut self) {
        self.call(|s| s.delete(), Answer::Deleted);
    }

    /// Takes the answers that arrived. Keys loaded become the session's credentials. Returns
    /// false when the keychain turned out unavailable for storing, so the caller can clear
    /// the "remember" setting.
    pub fn poll(&mut self, session: &mut Option<Credentials>) -> bool {
        let answers: Vec<Answer> = std::mem::take(&mut *self.inbox.lock().unwrap_or_else(|e| e.into_inner()));
        let mut still_remembering = true;
        for a in answers {
            self.busy = self.busy.saturating_sub(1);
            match a {
                Answer::Loaded(Ok(Some(keys))) => {
                    let c = credentials_of(&keys);
                    protect(&c);
                    self.note = Some(crate::t!("timeline-keychain-loaded", id = c.masked_id()));
                    self.unavailable = false;
                    if session.is_none() {
                        *session = Some(c);
                    }
                }
                Answer::Loaded(Ok(None)) => {
                    self.note = Some(crate::t!("timeline-keychain-none"));
                }
                Answer::Stored(Ok(())) => {
                    self.unavailable = false;
                    self.note = Some(crate::t!("timeline-keychain-stored"));
                }
                Answer::Deleted(Ok(())) => {
                    self.note = Some(crate::t!("timeline-keychain-removed"));
                }
                Answer::Loaded(Err(e)) | Answer::Stored(Err(e)) | Answer::Deleted(Err(e)) => {
                    if matches!(e, KeychainError::Unavailable(_)) {
                        self.unavailable = true;
                        still_remembering = false;
                    }
                    log::warn!("keychain: {e}");
                    self.note = Some(e.to_string());
                }
            }
        }
        still_remembering
    }
}
