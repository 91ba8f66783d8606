//! What a message costs: the editor looks up every label when it draws it (so a language
//! switch shows at once), a few hundred a frame. Per lookup, plain and with arguments.

fn main() {
    divan::main();
}

#[divan::bench(args = vodcut::i18n::Lang::ALL)]
fn plain_message(lang: vodcut::i18n::Lang) -> String {
    vodcut::i18n::set(lang);
    vodcut::i18n::tr(divan::black_box("ui-cancel"))
}

#[divan::bench(args = vodcut::i18n::Lang::ALL)]
fn message_with_arguments(lang: vodcut::i18n::Lang) -> String {
    vodcut::i18n::set(lang);
    vodcut::t!("when-days-ago", n = divan::black_box(3u64))
}
