use clap::Parser;
use vodcut::cli::{Cli, Globals, run_with};

fn main() {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => {
            vodcut::i18n::set(cli.lang.unwrap_or_else(vodcut::i18n::system));
            let globals = Globals { signature: cli.signature };
            let code = run_with(command, globals, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
            std::process::exit(code);
        }
        None => {
            // The editor's own words are not in the catalog yet: it stays English unless asked
            // (`--lang`), so a window never mixes two languages.
            vodcut::i18n::set(cli.lang.unwrap_or_default());
            // The editor starts its own logging (a rotating file in the data folder).
            if let Err(e) = vodcut::ui::run(cli.file) {
                eprintln!("vodcut: cannot open the editor window: {e}");
                std::process::exit(1);
            }
        }
    }
}
