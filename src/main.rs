use clap::Parser;
use vodcut::cli::{Cli, EXIT_SETTINGS, Globals, run_with};

fn main() {
    let cli = Cli::parse();
    // The commands' language (the editor may choose its own from its settings later); set
    // first, so the sandbox's banner is in it too.
    vodcut::i18n::set(cli.lang.unwrap_or_else(vodcut::i18n::system));
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
            let globals = Globals { signature: cli.signature, sandbox };
            let code = run_with(command, globals, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
            std::process::exit(code);
        }
        None => {
            // The editor starts its own logging (a rotating file in the data folder) and
            // chooses its language: `--lang`, else its settings, else the system's.
            if let Err(e) = vodcut::ui::run(cli.file, cli.lang) {
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
