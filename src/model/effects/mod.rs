//! THE EFFECTS VOD DOCUMENTS (shared/vod/effects.md): transitions, filters, visual effects,
//! subtitle motions, word art and fonts, with their names in both languages, where each goes
//! in the Timeline and how sure the documents are. Pure data and lookups; the compositor
//! decides how each looks (`compose::looks`), the validator what to say about it.

mod catalog;
pub mod params;

use catalog::{CATEGORIES, FILTERS, FONTS, MOTIONS_IN, MOTIONS_LOOP, MOTIONS_OUT, TRANSITIONS, VFX, WORD_ART};

/// A family of the catalogue: what the Effects panel groups by. Named in words by
/// `i18n::describe::family_name`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    Transition,
    Filter,
    Vfx,
    MotionIn,
    MotionOut,
    MotionLoop,
    WordArt,
    Font,
}

impl Family {
    pub const ALL: [Family; 8] = [
        Family::Transition,
        Family::Filter,
        Family::Vfx,
        Family::MotionIn,
        Family::MotionOut,
        Family::MotionLoop,
        Family::WordArt,
        Family::Font,
    ];

    /// The effect `Type` this family is (transitions, filters, VFX), or None for the
    /// families that are fields of a Text effect or subtitle.
    pub fn effect_type(self) -> Option<&'static str> {
        match self {
            Family::Transition => Some("Transition"),
            Family::Filter => Some("Filter"),
            Family::Vfx => Some("VFX"), // i18n-exempt: the API's Type name
            _ => None,
        }
    }

    /// The Text field this family sets (motions, word art, fonts).
    pub fn text_field(self) -> Option<&'static str> {
        match self {
            Family::MotionIn => Some("AaiMotionInEffect"),
            Family::MotionOut => Some("AaiMotionOutEffect"),
            Family::MotionLoop => Some("AaiMotionLoopEffect"),
            Family::WordArt => Some("EffectColorStyle"),
            Family::Font => Some("Font"),
            _ => None,
        }
    }

    /// The family whose SubType an effect of `Type` names.
    pub fn of_type(effect_type: &str) -> Option<Family> {
        match effect_type {
            "Transition" => Some(Family::Transition),
            "Filter" => Some(Family::Filter),
            "VFX" => Some(Family::Vfx),
            _ => None,
        }
    }

    /// Every entry of the family, in the documents' order.
    pub fn entries(self) -> impl Iterator<Item = &'static Entry> {
        let groups: &'static [&'static [Entry]] = match self {
            Family::Transition => std::slice::from_ref(&TRANSITIONS),
            Family::Filter => FILTERS,
            Family::Vfx => VFX,
            Family::MotionIn => std::slice::from_ref(&MOTIONS_IN),
            Family::MotionOut => std::slice::from_ref(&MOTIONS_OUT),
            Family::MotionLoop => std::slice::from_ref(&MOTIONS_LOOP),
            Family::WordArt => WORD_ART,
            Family::Font => std::slice::from_ref(&FONTS),
        };
        groups.iter().flat_map(|g| g.iter())
    }

    /// The entry with this exact (case-sensitive) SubType or value.
    pub fn find(self, id: &str) -> Option<&'static Entry> {
        self.entries().find(|e| e.id == id)
    }
}

/// How sure the documents are of an entry (effects.md's marks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// On a current VOD page.
    Documented,
    /// From third-party code or notes (marked (T)), not an Alibaba page.
    ThirdParty,
    /// Stated for the sister service (IMS) only.
    ImsOnly,
    /// From VOD's 2021 list; whether it is still current is UNSURE.
    #[serde(rename = "legacy-2021")]
    Legacy2021,
    /// Marked UNSURE for another reason (a machine-translated id, a spelling in doubt, a
    /// value the current list dropped).
    Unsure,
}

impl Evidence {
    pub fn is_sure(self) -> bool {
        self == Evidence::Documented
    }
}

/// A category of filters, VFX or word art, named in both languages as the documents do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Category {
    pub zh: &'static str,
    pub en: &'static str,
}

/// One documented effect, motion, word-art style or font.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub family: Family,
    /// Index into the category table (0: none).
    pub category: usize,
    /// The SubType (or value) exactly as the service takes it.
    pub id: &'static str,
    /// The Chinese name, "" where the documents give none.
    pub zh: &'static str,
    /// The English name, "" where no English page was readable.
    pub en: &'static str,
    pub evidence: Evidence,
}

impl Entry {
    /// The name shown in Chinese (`chinese`) or English: that language's, else the other's,
    /// else the SubType. (A flag, not `i18n::Lang`: the model uses no other module.)
    pub fn name(&self, chinese: bool) -> &'static str {
        let (first, second) = if chinese { (self.zh, self.en) } else { (self.en, self.zh) };
        [first, second, self.id].into_iter().find(|s| !s.is_empty()).unwrap_or(self.id)
    }

    pub fn category(&self) -> Category {
        CATEGORIES.get(self.category).copied().unwrap_or(Category { zh: "", en: "" })
    }

    /// The category's name in Chinese or English ("" for none).
    pub fn category_name(&self, chinese: bool) -> &'static str {
        let c = self.category();
        if chinese { c.zh } else { c.en }
    }

    /// Whether `query` finds this entry: every word of it (any case) is part of the SubType,
    /// the Chinese or English name, or the category's name in either language.
    pub fn matches(&self, query: &str) -> bool {
        let c = self.category();
        let hay = [self.id, self.zh, self.en, c.zh, c.en].map(str::to_lowercase);
        query.split_whitespace().all(|w| {
            let w = w.to_lowercase();
            hay.iter().any(|h| h.contains(&w))
        })
    }
}

/// Entries of `family` that `query` finds (all of them for an empty query), those whose
/// SubType, then whose name, is the query itself first.
pub fn search(family: Family, query: &str) -> Vec<&'static Entry> {
    let q = query.trim().to_lowercase();
    let mut found: Vec<&'static Entry> = family.entries().filter(|e| e.matches(query)).collect();
    if !q.is_empty() {
        // (A name the documents leave empty is no match for anything.)
        let named = |e: &Entry| [e.zh, e.en].iter().any(|n| !n.is_empty() && n.to_lowercase() == q);
        found.sort_by_key(|e| (e.id.to_lowercase() != q, !named(e)));
    }
    found
}

/// The cross-dissolve: Premiere's default transition (Ctrl+D), VOD's `fade` (渐隐).
pub const DEFAULT_TRANSITION: &str = "fade"; // i18n-exempt: a SubType, the service's name

/// A transition's length when its Duration is not given ([I-TFX]; UNSURE for VOD).
pub const DEFAULT_TRANSITION_SECS: i64 = 1;

/// The fonts the current documents list (the legacy ones left out): what a font warning
/// offers instead.
pub fn documented_fonts() -> impl Iterator<Item = &'static str> {
    Family::Font.entries().filter(|e| e.evidence.is_sure()).map(|e| e.id)
}

/// SubType `random` or a comma list: the service picks one ([I-TFX], IMS only).
pub fn is_random_choice(sub_type: &str) -> bool {
    sub_type == "random" || sub_type.contains(',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_catalogue_has_what_the_documents_count() {
        let count = |f: Family| f.entries().count();
        // 63 transitions (+ random), 58 filters (+ the IMS custom grade), 108 legacy VFX + 10
        // Atmosphere, 31 readable entrance motions, 16 fonts (+ 4 legacy).
        assert_eq!(count(Family::Transition), 64);
        assert_eq!(count(Family::Filter), 59);
        assert_eq!(count(Family::Vfx), 118);
        assert_eq!(count(Family::MotionIn), 31);
        assert_eq!(count(Family::Font), 20);
        assert_eq!(Family::Font.entries().filter(|e| e.evidence.is_sure()).count(), 16);
        assert_eq!(count(Family::WordArt), 24);
        for f in Family::ALL {
            let ids: HashSet<&str> = f.entries().map(|e| e.id).collect();
            assert_eq!(ids.len(), count(f), "{f:?} has a SubType twice");
        }
    }

    #[test]
    fn ids_are_kept_exactly_as_documented() {
        assert!(Family::Filter.find("tokoyo").is_some(), "the documented misspelling");
        assert!(Family::Filter.find("tokyo").is_none());
        assert!(Family::MotionIn.find("dissovle_in").is_some());
        assert!(Family::Transition.find("bowTieVertical").is_some());
        assert!(Family::Transition.find("bowtievertical").is_none(), "case-sensitive");
        assert_eq!(Family::Vfx.find("starry").map(|e| e.evidence), Some(Evidence::Unsure));
        assert_eq!(Family::Transition.find("wind").map(|e| e.evidence), Some(Evidence::ThirdParty));
    }

    #[test]
    fn search_finds_in_both_languages() {
        let ids = |f, q| search(f, q).iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(ids(Family::Transition, "渐隐"), vec!["fade", "fadecolor", "fadegrayscale"]);
        assert_eq!(ids(Family::Filter, "warm")[0], "warm", "the exact name first");
        assert_eq!(ids(Family::Transition, "WIPE RIGHT"), vec!["wiperight"]);
        assert!(ids(Family::Filter, "灰阶").contains(&"pfb"));
        assert!(ids(Family::Filter, "grayscale").contains(&"pfb"));
        assert!(ids(Family::Vfx, "mosaic").contains(&"mosaic_rect"), "by SubType");
        assert!(ids(Family::Vfx, "分屏").len() >= 9, "by category");
        assert_eq!(search(Family::Vfx, "").len(), 118);
        assert_eq!(ids(Family::Transition, "")[..2], ["directional", "displacement"], "the documents' order");
        assert!(search(Family::Transition, "no such thing").is_empty());
    }

    #[test]
    fn names_fall_back_to_the_other_language_then_the_id() {
        let fade = Family::Transition.find("fade").unwrap();
        assert_eq!(fade.name(true), "渐隐");
        assert_eq!(fade.name(false), "渐隐", "no English name was readable");
        let out = Family::MotionOut.find("fade_out").unwrap();
        assert_eq!(out.name(false), "fade_out");
        assert_eq!(Family::Filter.find("pfb").unwrap().category_name(false), "Film");
    }
}
