//! The editor's log file: in the data folder, at the level of the setting (changed while
//! running), rotated (the rotation itself is unit-tested in src/desktop/logfile.rs).
//!
//! One test: the logger is process-wide.

#[test]
fn the_log_goes_to_the_data_folder_at_the_chosen_level() {
    // RUST_LOG reaches the log only through the environment main builds: none here.
    let data = tempfile::tempdir().unwrap();
    let path = vodcut::desktop::logfile::init(Some(data.path()), log::LevelFilter::Info, None).expect("a log file");
    assert_eq!(path, data.path().join("logs").join("vodcut.log"));
    log::info!(target: "vodcut::test", "info record one");
    log::debug!(target: "vodcut::test", "debug record hidden");
    vodcut::desktop::logfile::set_level(log::LevelFilter::Debug);
    log::debug!(target: "vodcut::test", "debug record shown");
    // Other crates (the HTTP stack) stay at warnings unless RUST_LOG asks.
    log::info!(target: "hyper::client", "other crate info");
    log::logger().flush();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("info record one"), "{text}");
    assert!(!text.contains("debug record hidden"), "{text}");
    assert!(text.contains("debug record shown"), "{text}");
    assert!(!text.contains("other crate info"), "{text}");
    assert!(vodcut::desktop::logfile::recent_lines().iter().any(|l| l.contains("debug record shown")));
    assert_eq!(vodcut::desktop::logfile::active_path(), Some(path));
}
