use clap::Parser;
use vodcut::cli::{Cli, run};

fn main() {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => {
            let code = run(command, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
            std::process::exit(code);
        }
        None => {
            env_logger::init();
            if let Err(e) = vodcut::ui::run(cli.file) {
                eprintln!("vodcut: cannot open the editor window: {e}");
                std::process::exit(1);
            }
        }
    }
}
