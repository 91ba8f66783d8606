//! Chinese on machines without a CJK font. egui asks its font providers, in order, for a font
//! when no installed one has a character; eframe's system provider comes first, so where the
//! system has a CJK font it is used as before. Only when it has none does [`BundledCjk`] hand
//! over the bundled Noto Sans SC subset (GB 2312 plus the catalog's characters; see
//! `scripts/make-cjk-subset.sh`). The font is compiled in; egui parses it the first time a
//! Chinese character finds no system font, and never otherwise.

use egui::epaint::text::{FallbackRequest, FontData, FontInsert, FontPriority, FontProvider, InsertFontFamily};

use crate::i18n::font::NOTO_SANS_SC_SUBSET;

/// The bundled Chinese font, for characters no installed font has.
pub struct BundledCjk {
    face: Option<ab_glyph::FontRef<'static>>,
}

impl Default for BundledCjk {
    fn default() -> Self {
        BundledCjk { face: ab_glyph::FontRef::try_from_slice(NOTO_SANS_SC_SUBSET).ok() }
    }
}

impl BundledCjk {
    /// Whether the bundled font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        use ab_glyph::Font as _;
        self.face.as_ref().is_some_and(|f| f.glyph_id(c).0 != 0)
    }
}

impl FontProvider for BundledCjk {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let c = request.cluster.chars().next()?;
        if !self.covers(c) {
            return None;
        }
        log::debug!("no system font has {c:?}: using the bundled Noto Sans SC subset");
        Some(FontInsert {
            name: "bundled:NotoSansSC-vodcut".into(), // i18n-exempt: the font's name in egui
            data: FontData::from_static(NOTO_SANS_SC_SUBSET),
            families: vec![InsertFontFamily { family: request.family.clone(), priority: FontPriority::Lowest }],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_font_covers_common_chinese_and_the_catalog() {
        let f = BundledCjk::default();
        for c in "媒资剪辑工程合成时间线轨道素材字幕转码模板组存储地址回调海边夏天，。！".chars()
        {
            assert!(f.covers(c), "{c}");
        }
        assert!(!f.covers('𠀀'), "a rare ideograph outside GB 2312 is left to system fonts");
        let zh = std::fs::read_dir("locales/zh-CN").unwrap();
        for entry in zh {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for c in text.chars().filter(|c| !c.is_ascii() && !matches!(c, '“' | '”' | '‘' | '’' | '…' | '·' | '—'))
            {
                assert!(
                    f.covers(c),
                    "{c} of the Chinese catalog is not in the bundled font: run scripts/make-cjk-subset.sh"
                );
            }
        }
    }
}
