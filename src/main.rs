use clap::Parser;
use vodcut::cli::{Cli, Globals, run_with};

fn main() {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => {
            let globals = Globals { signature: cli.signature };
            let code = run_with(command, globals, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
            std::process::exit(code);
        }
        None => {
            // The editor starts its own logging (a rotating file in the data folder).
            if let Err(e) = vodcut::ui::run(cli.file) {
                eprintln!("vodcut: cannot open the editor window: {e}");
                std::process::exit(1);
            }
        }
    }
}
