//! The bundled Chinese font: Noto Sans CJK SC (SIL Open Font License 1.1,
//! `assets/fonts/OFL.txt`) cut down to GB 2312 (6 763 hanzi), CJK and full-width punctuation
//! and every character of the Chinese catalog by `scripts/make-cjk-subset.sh`. It adds about
//! 1.5 MB to the binary (without the OpenType layout tables, which horizontal text does not
//! need). The editor uses it only when no system font has a character (`ui/fonts.rs`); the
//! output frame's text (`compose/text.rs`) always uses it, so the preview, `vodcut still`
//! and the draft render draw the same pixels on every machine.

pub static NOTO_SANS_SC_SUBSET: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-vodcut.otf");
