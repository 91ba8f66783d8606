use clap::Parser;
use vodcut::cli::{Cli, EXIT_SETTINGS, Globals, run_with};

fn main() {
    // Before parsing, so what clap's value checks say (`--signature v2`) is in it too.
    vodcut::i18n::set(vodcut::i18n::flag_in_args(std::env::args()).unwrap_or_else(vodcut::i18n::system));
    let cli = Cli::parse();
    // The editor's language: `--lang`, else the one saved in the user's settings (read before
    // a sandbox takes the data folder over), else the system's. Set now, so the sandbox's
    // banner is in it too; the commands follow `--lang`, else the system's.
    let lang = match &cli.command {
        Some(_) => cli.lang.unwrap_or_else(vodcut::i18n::system),
        None => {
            let saved =
                vodcut::store::jobs::data_dir().and_then(|d| vodcut::store::settings::Settings::load(&d).0.language);
            vodcut::i18n::startup(cli.lang, saved, vodcut::i18n::system())
        }
    };
    vodcut::i18n::set(lang);
    if let (Some(_), Some(file)) = (&cli.command, &cli.file) {
        eprintln!("vodcut: {}", vodcut::t!("cli-file-with-command", file = file.display().to_string()));
        std::process::exit(vodcut::cli::EXIT_BAD_INPUT);
    }
    let sandbox = cli.sandbox || cli.sandbox_keep;
    // Started before anything reads settings, credentials or folders, and kept running until
    // the process ends: while active, the whole process talks to it only.
    let _sandbox = sandbox.then(|| start_sandbox(cli.sandbox_keep));
    match cli.command {
        Some(command) => {
            let globals = Globals { signature: cli.signature, sandbox, sandbox_keep: cli.sandbox_keep, lang: cli.lang };
            let code = run_with(command, globals, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
            std::process::exit(code);
        }
        None => {
            // The editor starts its own logging (a rotating file in the data folder); its
            // language was chosen above.
            if let Err(e) = vodcut::ui::run(cli.file) {
                eprintln!("vodcut: {}", vodcut::t!("cli-no-window", error = e.to_string()));
                std::process::exit(1);
            }
        }
    }
}

/// Starts and activates the sandbox, or exits saying why (nothing is sent anywhere else).
fn start_sandbox(keep: bool) -> vodcut::sandbox::Sandbox {
    let ffmpeg = vodcut::sandbox::find_ffmpeg(None);
    let started = vodcut::sandbox::Sandbox::start(keep, ffmpeg.as_deref()).and_then(|s| s.activate().map(|()| s));
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
