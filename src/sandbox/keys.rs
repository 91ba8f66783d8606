//! The sandbox's own AccessKey pair, one per state folder.
//!
//! The sandbox listens on 127.0.0.1, where every local user can connect: with a fixed, public
//! key pair anyone on the machine could list the user's sandbox library, upload into it and
//! read the uploads. So each state folder gets a random pair the first time a sandbox starts
//! in it, kept in `service/keys.json`: mode 0600 in the 0700 `service` folder, read back by
//! every later start (the editor and each CLI command start their own service on that
//! folder's state). A file another user could have written or read is not trusted: a new
//! pair replaces it (nothing else depends on the old one: each service takes its keys when it
//! starts).

use crate::api::credentials::Credentials;
use crate::store::atomic::{self, WriteOptions};
use std::path::Path;

const FILE: &str = "keys.json";

/// The largest keys file read (it holds two short strings).
const MAX_BYTES: u64 = 16 * 1024;

/// `n` random bytes as lowercase hex.
pub(crate) fn random_hex(n: usize) -> String {
    let mut b = vec![0u8; n];
    if getrandom::fill(&mut b).is_err() {
        // No system randomness: still unpredictable enough to keep other users guessing.
        for chunk in b.chunks_mut(8) {
            let r = atomic::random_u64().to_le_bytes();
            chunk.copy_from_slice(&r[..chunk.len()]);
        }
    }
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The folder's keys: those in `service/keys.json` when that file is ours and private, else a
/// new random pair written there.
pub fn load_or_make(service: &Path) -> Result<Credentials, String> {
    let path = service.join(FILE);
    if let Some(keys) = read(&path) {
        return Ok(keys);
    }
    // An AccessKey ID looks like a real one (LTAI + 20 characters); 160 random bits of secret.
    let keys = Credentials::session(format!("LTAI{}", random_hex(10)), random_hex(20));
    let body = serde_json::json!({"AccessKeyId": keys.access_key_id, "AccessKeySecret": keys.secret.expose()});
    let private = WriteOptions { new_mode: Some(0o600), ..Default::default() };
    // A file that is there is replaced; the new one is private whatever the old mode was.
    let _ = std::fs::remove_file(&path);
    atomic::write_atomic_opts(&path, private, |f| {
        use std::io::Write;
        f.write_all(body.to_string().as_bytes())
    })
    .map_err(|e| crate::t!("sandbox-cannot-keep", file = path.display().to_string(), error = e.to_string()))?;
    Ok(keys)
}

/// The pair in `path`, if the file is a private regular file of ours holding one.
fn read(path: &Path) -> Option<Credentials> {
    let m = std::fs::symlink_metadata(path).ok()?;
    if !m.is_file() || !private_and_ours(&m) {
        return None;
    }
    let bytes = crate::store::input::read_file_limited(path, MAX_BYTES).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let good = |k: &str| {
        v[k].as_str().filter(|s| (16..=128).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()))
    };
    Some(Credentials::session(good("AccessKeyId")?, good("AccessKeySecret")?))
}

#[cfg(unix)]
fn private_and_ours(m: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions.
    m.uid() == unsafe { libc::geteuid() } && m.mode() & 0o077 == 0
}

#[cfg(not(unix))]
fn private_and_ours(_m: &std::fs::Metadata) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn each_folder_gets_random_private_keys_kept_between_starts() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let ka = load_or_make(a.path()).unwrap();
        let kb = load_or_make(b.path()).unwrap();
        assert_ne!(ka.access_key_id, kb.access_key_id);
        assert_ne!(ka.secret, kb.secret);
        assert!(ka.access_key_id.starts_with("LTAI") && ka.access_key_id.len() == 24);
        assert_eq!(ka.secret.expose().len(), 40);
        let file = a.path().join(FILE);
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(load_or_make(a.path()).unwrap(), ka, "the same keys at the next start");
        assert!(!format!("{ka:?}").contains(ka.secret.expose()), "Debug never shows the secret");
        // Readable by others (or tampered into garbage): not trusted, replaced.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let again = load_or_make(a.path()).unwrap();
        assert_ne!(again, ka);
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        std::fs::write(&file, "{\"AccessKeyId\":\"x\"}").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_ne!(load_or_make(a.path()).unwrap(), again);
    }
}
