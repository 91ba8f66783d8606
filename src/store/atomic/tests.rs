use super::*;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

pub(crate) fn mkfifo(p: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(p.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

#[test]
fn a_failure_midway_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.vodcut");
    fs::write(&path, b"old complete content").unwrap();
    let r = write_atomic_with(&path, true, |f| {
        f.write_all(b"new half")?;
        Err(io::Error::other("disk full"))
    });
    assert!(r.is_err());
    assert_eq!(fs::read(&path).unwrap(), b"old complete content");
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, vec![std::ffi::OsString::from("p.vodcut")], "temp file cleaned up");
}

#[test]
fn leftovers_of_killed_saves_are_cleaned_up_once_old_whatever_their_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.vodcut");
    let old = dir.path().join(".p.vodcut.tmp-999-0");
    let fresh = dir.path().join(".p.vodcut.tmp-998-0");
    let other = dir.path().join(".q.vodcut.tmp-997-0");
    let settings = dir.path().join(".settings.json.tmp-996-12");
    let not_ours = dir.path().join(".notes.tmp-draft");
    for f in [&old, &fresh, &other, &settings, &not_ours] {
        fs::write(f, b"partial").unwrap();
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for f in [&old, &other, &settings, &not_ours] {
        File::options().write(true).open(f).unwrap().set_modified(hour_ago).unwrap();
    }
    write_atomic(&path, b"new", true).unwrap();
    assert!(!old.exists(), "an old leftover of this file goes");
    assert!(!other.exists(), "an old leftover of another file's save goes too");
    assert!(!settings.exists());
    assert!(fresh.exists(), "a recent one may be another save in progress");
    assert!(not_ours.exists(), "only names our saves make");
}

#[test]
fn writes_into_a_missing_folder_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/folder/p.vodcut");
    assert!(write_atomic(&path, b"x", true).is_err());
}

#[test]
fn saving_to_a_symlink_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("p.vodcut");
    fs::write(&real, b"v1").unwrap();
    let link = dir.path().join("link.vodcut");
    std::os::unix::fs::symlink("real/p.vodcut", &link).unwrap();
    // A link to the link, to follow a chain.
    let link2 = dir.path().join("link2.vodcut");
    std::os::unix::fs::symlink(&link, &link2).unwrap();
    write_atomic(&link2, b"v2", true).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert!(fs::symlink_metadata(&link2).unwrap().file_type().is_symlink());
    assert_eq!(fs::read(&real).unwrap(), b"v2", "the target got the new content");
    assert_eq!(fs::read(backup_name(&real, 1)).unwrap(), b"v1", "the backup is beside the target");
    assert!(!backup_name(&link, 1).exists() && !backup_name(&link2, 1).exists());
    // A dangling link: the save creates its target.
    let dangling = dir.path().join("new.vodcut");
    std::os::unix::fs::symlink("real/created.vodcut", &dangling).unwrap();
    write_atomic(&dangling, b"fresh", true).unwrap();
    assert_eq!(fs::read(real_dir.join("created.vodcut")).unwrap(), b"fresh");
    assert!(fs::symlink_metadata(&dangling).unwrap().file_type().is_symlink());
}

/// A private character device in `dir` (a twin of /dev/null, or /dev/zero with minor 5), so
/// a test run against broken code can never replace the system's own node. `None` where
/// device nodes cannot be made (not root, no CAP_MKNOD): those runs test FIFOs only.
pub(crate) fn char_device(dir: &Path, name: &str, minor: u32) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    let p = dir.join(name);
    let c = std::ffi::CString::new(p.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mknod only creates a node there.
    let made = unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, minor)) } == 0;
    made.then_some(p)
}

#[test]
fn devices_fifos_and_folders_are_refused_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.vodcut");
    mkfifo(&fifo);
    let e = write_atomic(&fifo, b"x", true).unwrap_err();
    assert!(e.to_string().contains("FIFO"), "{e}");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    let mut expected = 1;
    if let Some(null) = char_device(dir.path(), "null", 3) {
        expected += 1;
        let forced = WriteOptions { backups: 3, replace_read_only: true, ..Default::default() };
        let e = write_atomic_opts(&null, forced, |_| Ok(())).unwrap_err();
        assert!(matches!(e, WriteError::NotRegular("file-kind-device")), "{e}");
        assert!(fs::symlink_metadata(&null).unwrap().file_type().is_char_device());
        // Through a link too.
        let link = dir.path().join("to-null");
        std::os::unix::fs::symlink(&null, &link).unwrap();
        expected += 1;
        assert!(write_atomic(&link, b"x", false).is_err());
        assert!(fs::symlink_metadata(&null).unwrap().file_type().is_char_device());
    }
    let e = write_atomic(dir.path(), b"x", false).unwrap_err();
    assert!(e.to_string().contains("a folder"), "{e}");
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), expected, "no temp or backup left: {names:?}");
}

#[test]
fn the_mode_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.vodcut");
    fs::write(&path, b"v1").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    write_atomic(&path, b"v2", true).unwrap();
    assert_eq!(mode(&path), 0o600);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    write_atomic(&path, b"v3", false).unwrap();
    assert_eq!(mode(&path), 0o640);
    assert_eq!(fs::read(&path).unwrap(), b"v3");
}

#[test]
fn read_only_files_are_replaced_only_when_asked_and_stay_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.vodcut");
    fs::write(&path, b"v1").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let e = write_atomic(&path, b"v2", true).unwrap_err();
    assert!(e.to_string().contains("read-only"), "{e}");
    assert_eq!(fs::read(&path).unwrap(), b"v1");
    let forced = WriteOptions { backups: 1, replace_read_only: true, ..Default::default() };
    write_atomic_opts(&path, forced, |f| f.write_all(b"v2")).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"v2");
    assert_eq!(mode(&path), 0o444, "still read-only");
}

#[test]
fn backups_keep_several_generations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.vodcut");
    for v in ["v1", "v2", "v3", "v4", "v5"] {
        write_atomic(&path, v.as_bytes(), true).unwrap();
    }
    let read = |n| fs::read_to_string(backup_name(&path, n)).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "v5");
    assert_eq!((read(1), read(2), read(3)), ("v4".into(), "v3".into(), "v2".into()));
    assert!(!backup_name(&path, 4).exists(), "{BACKUPS} generations");
    assert_eq!(backup_name(&path, 1).file_name().unwrap(), "p.vodcut.bak");
    assert_eq!(backup_name(&path, 2).file_name().unwrap(), "p.vodcut.bak.2");
}

#[test]
fn temp_names_are_recognised_exactly() {
    assert!(is_our_temp(".p.vodcut.tmp-12-0"), "an earlier version's name");
    assert!(is_our_temp(".a.b.tmp-1-22"));
    assert!(is_our_temp(".p.vodcut.tmp-0123456789abcdef"));
    assert!(!is_our_temp(".p.vodcut.tmp-0123456789abcdeg"));
    assert!(!is_our_temp(".p.vodcut.tmp-0123456789abcde"));
    assert!(!is_our_temp("p.vodcut.tmp-12-0"));
    assert!(!is_our_temp(".p.vodcut.tmp-12"));
    assert!(!is_our_temp(".p.vodcut.tmp-x-1"));
    assert!(!is_our_temp("..tmp-1-1"));
}

#[test]
fn the_owner_is_kept_where_allowed() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return; // only root may give a file to someone else
    }
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.vodcut");
    fs::write(&path, b"v1").unwrap();
    std::os::unix::fs::chown(&path, Some(1234), Some(2345)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    write_atomic(&path, b"v2", true).unwrap();
    let m = fs::metadata(&path).unwrap();
    assert_eq!((m.uid(), m.gid(), m.mode() & 0o777), (1234, 2345, 0o640));
}

#[test]
fn temporary_names_are_random_private_and_exclusive() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.png");
    let mut a = stage(&path, WriteOptions::default()).unwrap();
    let b = stage(&path, WriteOptions::default()).unwrap();
    assert_ne!(a.tmp, b.tmp);
    let name = a.tmp.file_name().unwrap().to_string_lossy().into_owned();
    assert!(is_our_temp(&name) && name.starts_with(".out.png.tmp-") && !name.contains(&std::process::id().to_string()));
    assert_eq!(mode(&a.tmp), 0o600, "private while the content is written");
    a.file().write_all(b"png").unwrap();
    a.commit().unwrap();
    assert_eq!(mode(&path), 0o666 & !umask(), "a new file gets the usual mode at the end");
    drop(b);
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, vec![std::ffi::OsString::from("out.png")], "the other stage left nothing");
    // A name that exists is never opened: create_temp is O_EXCL.
    let taken = dir.path().join("taken");
    std::os::unix::fs::symlink(&path, &taken).unwrap();
    let e = fs::OpenOptions::new().write(true).create_new(true).open(&taken).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
    let private = WriteOptions { new_mode: Some(0o600), ..Default::default() };
    write_atomic_opts(&dir.path().join("keys"), private, |f| f.write_all(b"k")).unwrap();
    assert_eq!(mode(&dir.path().join("keys")), 0o600);
}

#[test]
fn concurrent_saves_with_backups_all_succeed() {
    // 3 of 90 concurrent forced imports failed with "No such file or directory": a backup
    // another save had just moved.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.vodcut");
    fs::write(&path, b"v0").unwrap();
    let threads: Vec<_> = (0..16)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                for i in 0..20 {
                    write_atomic(&path, format!("t{t}-{i}").as_bytes(), true).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    for n in 0..=BACKUPS {
        let p = if n == 0 { path.clone() } else { backup_name(&path, n) };
        let text = fs::read_to_string(&p).unwrap();
        assert!(text.starts_with('t') || text == "v0", "{}: {text:?}", p.display());
    }
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "no temporary file left: {left:?}");
}

/// Runs only as root (tests run as root here): only root can give a link to another user.
fn as_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn lchown(p: &Path, uid: u32) {
    std::os::unix::fs::lchown(p, Some(uid), None).unwrap();
}

#[test]
fn a_link_another_user_planted_in_a_shared_folder_is_not_followed() {
    if !as_root() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("secret");
    fs::write(&mine, b"root's own").unwrap();
    fs::set_permissions(&mine, fs::Permissions::from_mode(0o600)).unwrap();
    for shared_mode in [0o1777, 0o1770, 0o777, 0o775] {
        let shared = dir.path().join(format!("shared-{shared_mode:o}"));
        fs::create_dir(&shared).unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(shared_mode)).unwrap();
        std::os::unix::fs::chown(&shared, Some(65534), Some(65534)).unwrap();
        let link = shared.join("out.png");
        std::os::unix::fs::symlink(&mine, &link).unwrap();
        lchown(&link, 65534);
        let e = write_atomic(&link, b"PNG", true).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied, "{shared_mode:o}: {e}");
        assert!(e.to_string().contains("owned by another user"), "{e}");
        assert_eq!(fs::read(&mine).unwrap(), b"root's own", "{shared_mode:o}");
        assert!(resolve_target(&link).is_err());
        // The user's own link there is followed.
        lchown(&link, 0);
        write_atomic(&link, b"mine", false).unwrap();
        assert_eq!(fs::read(&mine).unwrap(), b"mine");
        fs::write(&mine, b"root's own").unwrap();
    }
    // In a folder only its owner may write to, another user's link is theirs to make: followed.
    let private = dir.path().join("private");
    fs::create_dir(&private).unwrap();
    fs::set_permissions(&private, fs::Permissions::from_mode(0o755)).unwrap();
    let link = private.join("out.png");
    std::os::unix::fs::symlink(&mine, &link).unwrap();
    lchown(&link, 65534);
    write_atomic(&link, b"through", false).unwrap();
    assert_eq!(fs::read(&mine).unwrap(), b"through");
}

#[test]
fn a_strangers_file_in_a_shared_folder_is_replaced_by_ours() {
    if !as_root() {
        return;
    }
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o1777)).unwrap();
    let path = dir.path().join("out.png");
    fs::write(&path, b"planted").unwrap();
    std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o666)).unwrap();
    write_atomic(&path, b"ours", false).unwrap();
    let m = fs::metadata(&path).unwrap();
    assert_eq!(m.uid(), 0, "not given to whoever planted the old file");
}
