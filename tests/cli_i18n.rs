//! The command line speaks the user's language: LC_ALL/LC_MESSAGES/LANG choose Chinese or
//! English, `--lang` wins over them, and validation problems come with their places in
//! that language. The real binary, as a user runs it.

mod support;

use std::ffi::OsStr;
use std::path::Path;
use std::process::Output;

const BROKEN: &str = r#"{"VideoTracks":[{"VideoTrackClips":[
    {"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":5,"Out":2},
    {"MediaId":"5aed81b74ba84920be578cdfe004af4b","In":0,"Out":4,"TimelineIn":9,"Effects":[{"Type":"Text","Content":"","FontColor":"red"}]}]}]}"#;

fn validate(env: &[(&str, &str)], extra: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.json");
    std::fs::write(&file, BROKEN).unwrap();
    let mut c = support::isolated(env!("CARGO_BIN_EXE_vodcut"), dir.path());
    for (k, v) in env {
        c.env(k, v);
    }
    c.args(extra).arg("validate").arg(&file).output().unwrap()
}

fn text(o: &[u8]) -> String {
    String::from_utf8(o.to_vec()).unwrap()
}

#[test]
fn lang_zh_prints_the_problems_in_chinese_with_their_places() {
    let o = validate(&[("LANG", "zh_CN.UTF-8")], &[]);
    assert_eq!(o.status.code(), Some(1), "errors: exit 1");
    let out = text(&o.stdout);
    assert!(out.contains("错误：轨道 1（V1），第 1 个片段，字段 Out：Out（2 秒）必须晚于 In（5 秒）"), "{out}");
    assert!(
        out.contains("错误：轨道 1（V1），第 2 个片段，第 1 个效果（Text），字段 Content：文字效果没有文字"),
        "{out}"
    );
    assert!(out.contains("字段 FontColor：颜色“red”不是 #RRGGBB 格式"), "{out}");
    assert!(!out.contains("error") && !out.contains("track"), "no English left: {out}");
    assert!(text(&o.stderr).contains("：2 个错误") || text(&o.stderr).contains("：3 个错误"), "{}", text(&o.stderr));
}

#[test]
fn lang_option_wins_over_the_environment_and_may_come_before_the_command() {
    let o = validate(&[("LANG", "zh_CN.UTF-8")], &["--lang", "en"]);
    let out = text(&o.stdout);
    assert!(out.contains("error: track 1 (V1), clip 1, field Out: Out (2 s) must be after In (5 s)"), "{out}");
    assert!(text(&o.stderr).contains("3 errors, 0 warnings"));
    let o = validate(&[("LANG", "en_US.UTF-8")], &["--lang", "zh-CN"]);
    assert!(text(&o.stdout).contains("必须晚于"), "{}", text(&o.stdout));
    let o = validate(&[], &["--lang", "fr"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("use en or zh-CN"), "{}", text(&o.stderr));
}

#[test]
fn lc_all_comes_before_lang_and_an_unknown_locale_is_english() {
    let o = validate(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")], &[]);
    assert!(text(&o.stdout).contains("必须晚于"));
    let o = validate(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")], &[]);
    assert!(text(&o.stdout).contains("must be after"));
    let o = validate(&[("LANG", "de_DE.UTF-8")], &[]);
    assert!(text(&o.stdout).contains("must be after"));
}

#[test]
fn json_keeps_machine_words_and_gives_the_message_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.json");
    std::fs::write(&file, BROKEN).unwrap();
    let o = support::isolated(env!("CARGO_BIN_EXE_vodcut"), dir.path())
        .env("LANG", "zh_CN.UTF-8")
        .args(["validate", "--json"])
        .arg(&file)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &v[0];
    assert!(first["severity"] == "error" || first["severity"] == "warning", "{first}");
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|p| p["field"] == "Out" && p["message"].as_str().unwrap().contains("必须晚于"))
    );
}

#[test]
fn global_options_may_come_before_the_command_and_a_file_still_opens_the_editor() {
    use clap::Parser;
    use vodcut::cli::{Cli, Command};
    let cli = Cli::try_parse_from(["vodcut", "--signature", "v3", "--lang", "zh-CN", "validate", "a.json"]).unwrap();
    assert!(matches!(cli.command, Some(Command::Validate { .. })));
    assert_eq!(cli.lang, Some(vodcut::i18n::Lang::Zh));
    let cli = Cli::try_parse_from(["vodcut", "film.vodcut"]).unwrap();
    assert!(cli.command.is_none());
    assert_eq!(cli.file.as_deref(), Some(std::path::Path::new("film.vodcut")));
}

/// Runs vodcut in Chinese (`LANG=zh_CN.UTF-8`) as a newcomer would: nothing else in the
/// environment but PATH, `extra`, and an empty home and data folder in `home`.
fn zh(home: &Path, extra: &[(&str, &str)], args: &[&OsStr]) -> Output {
    support::isolated(env!("CARGO_BIN_EXE_vodcut"), home)
        .env("LANG", "zh_CN.UTF-8")
        .envs(extra.iter().copied())
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn service_errors_are_explained_in_the_language() {
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/", l.local_addr().unwrap())
    };
    let dir = tempfile::tempdir().unwrap();
    let keys = [
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tExampleKey0001"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-a-real-secret"),
    ];
    let args = ["media", "search", "海边", "--endpoint", &closed, "--timeout", "2"].map(OsStr::new);
    let o = zh(dir.path(), &keys, &args);
    assert_eq!(o.status.code(), Some(6), "network: exit 6");
    let err = text(&o.stderr);
    assert!(err.contains("无法连接到") && err.contains("没有发送任何请求"), "{err}");
    assert!(!err.contains("not-a-real-secret"));
}

#[test]
fn upload_refusals_are_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("notes.docx");
    std::fs::write(&doc, b"x").unwrap();
    let o = zh(dir.path(), &[], &["media".as_ref(), "upload".as_ref(), doc.as_os_str(), dir.path().as_os_str()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(err.contains("点播不接受 .docx 文件"), "{err}");
}

#[test]
fn submit_refusals_and_results_are_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.json");
    std::fs::write(&file, BROKEN).unwrap();
    let o = zh(dir.path(), &[], &["--sandbox".as_ref(), "submit".as_ref(), file.as_os_str()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("个错误阻止了合成；没有发送任何请求"), "{}", text(&o.stderr));
    let o = zh(dir.path(), &[], &["--sandbox", "jobs"].map(OsStr::new));
    assert!(text(&o.stdout).contains("还没有合成任务"), "{}", text(&o.stdout));
}

#[test]
fn missing_credentials_are_explained_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let o = zh(dir.path(), &[], &["media", "search", "海边"].map(OsStr::new));
    assert_eq!(o.status.code(), Some(4), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(err.contains("没有找到阿里云凭证。查看了："), "{err}");
    assert!(err.contains("环境变量：没有设置 ALIBABA_CLOUD_ACCESS_KEY_ID"), "{err}");
    assert!(err.contains("设置方法：运行 `aliyun configure`"), "{err}");
}

#[test]
fn file_problems_are_explained_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.vodcut");
    std::fs::write(&empty, b"").unwrap();
    let o = zh(dir.path(), &[], &["validate".as_ref(), empty.as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("empty.vodcut：文件是空的"), "{}", text(&o.stderr));
    let o = zh(dir.path(), &[], &["validate".as_ref(), dir.path().as_os_str()]);
    assert!(text(&o.stderr).contains("这是文件夹，不是普通文件"), "{}", text(&o.stderr));
}
