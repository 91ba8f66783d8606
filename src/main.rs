use clap::Parser;
use vodcut::cli::{Cli, EXIT_SETTINGS, Globals, run_with};
use vodcut::core::Env;

fn main() {
    // The environment, read once: nothing below reads a variable of its own.
    let mut env = Env::from_process();
    // Before parsing, so what clap's value checks say (`--signature v2`) is in it too.
    vodcut::i18n::set(vodcut::i18n::flag_in_args(std::env::args()).unwrap_or(env.system_lang));
    let cli = Cli::parse();
    // The editor's language: `--lang`, else the one saved in the user's settings (read before
    // a sandbox takes the data folder over), else the system's. Set now, so the sandbox's
    // banner is in it too; the commands follow `--lang`, else the system's.
    env.lang = match &cli.command {
        Some(_) => cli.lang.unwrap_or(env.system_lang),
        None => {
            let saved = env.data_dir.as_deref().and_then(|d| vodcut::store::settings::Settings::load(d).0.language);
            vodcut::i18n::startup(cli.lang, saved, env.system_lang)
        }
    };
    vodcut::i18n::set(env.lang);
    if let (Some(_), Some(file)) = (&cli.command, &cli.file) {
        eprintln!("vodcut: {}", vodcut::t!("cli-file-with-command", file = file.display().to_string()));
        std::process::exit(vodcut::cli::EXIT_BAD_INPUT);
    }
    let sandbox = cli.sandbox || cli.sandbox_keep;
    // Started before anything reads settings, credentials or folders, and kept running until
    // the process ends: the environment the face gets is the sandbox's (its endpoint, its
    // keys, its folders), so the whole run talks to it only.
    let _sandbox = sandbox.then(|| {
        let s = start_sandbox(&env, cli.sandbox_keep);
        env = env.clone().in_sandbox(s.info());
        s
    });
    match cli.command {
        Some(command) => {
            let globals = Globals { signature: cli.signature, sandbox, sandbox_keep: cli.sandbox_keep, lang: cli.lang };
            let code = run_with(&env, command, globals, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
            std::process::exit(code);
        }
        None => {
            // The editor starts its own logging (a rotating file in the data folder); its
            // language was chosen above.
            if let Err(e) = vodcut::ui::run(env, cli.file) {
                eprintln!("vodcut: {}", vodcut::t!("cli-no-window", error = e.to_string()));
                std::process::exit(1);
            }
        }
    }
}

/// Starts the sandbox in the folder the environment picks, or exits saying why (nothing is
/// sent anywhere else).
fn start_sandbox(env: &Env, keep: bool) -> vodcut::sandbox::Sandbox {
    let ffmpeg = vodcut::sandbox::find_ffmpeg(env.ffmpeg.as_deref());
    let started = env
        .sandbox_folder(keep)
        .ok_or_else(|| vodcut::t!("sandbox-no-folder"))
        .and_then(|(dir, kept)| vodcut::sandbox::Sandbox::start_in(&dir, kept, ffmpeg.as_deref()));
    match started {
        Ok(s) => {
            eprintln!("{}", vodcut::sandbox::banner(s.info()));
            s
        }
        Err(e) => {
            eprintln!("vodcut: {e}");
            std::process::exit(EXIT_SETTINGS);
        }
    }
}
