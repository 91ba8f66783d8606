//! The documented parameters beyond the fields every clip has: the Text style fields of
//! effects.md 5.1 and 5.2 and the custom colour grade's keys (3.4), each with its type, its
//! documented range and how sure the documents are. The inspector makes a typed field of each
//! and the validator checks each against the same spec.

use super::Evidence::{self, Documented as D, ImsOnly as I, ThirdParty as T};
use super::Family;

/// What a parameter holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A whole number within the bounds (None: unbounded on that side).
    Int { min: Option<i64>, max: Option<i64> },
    /// A number within the bounds.
    Float { min: Option<f64>, max: Option<f64> },
    /// `#rrggbb`.
    Colour,
    /// One of these values (numbers are written as numbers).
    Choice(&'static [&'static str]),
    /// A ratio of the frame (0..1) or whole pixels, as X/Y are.
    Position,
    /// A SubType of a catalogue family.
    Catalogue(Family),
}

/// One parameter: its key as the service spells it, what it holds, and its evidence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Param {
    pub key: &'static str,
    pub kind: Kind,
    pub evidence: Evidence,
}

const fn int(min: Option<i64>, max: Option<i64>) -> Kind {
    Kind::Int { min, max }
}

const fn float(min: Option<f64>, max: Option<f64>) -> Kind {
    Kind::Float { min, max }
}

/// Text effect and subtitle fields that are not among every clip's (effects.md 5.1-5.3),
/// in the order the inspector shows them. FontSize's IMS maximum (5000) bounds FixedFontSize
/// too.
pub const TEXT_PARAMS: &[Param] = &[
    Param { key: "FixedFontSize", kind: int(Some(1), Some(5000)), evidence: D },
    Param { key: "FixedX", kind: Kind::Position, evidence: D },
    Param { key: "FixedY", kind: Kind::Position, evidence: D },
    Param { key: "Spacing", kind: int(None, None), evidence: D },
    Param { key: "Angle", kind: float(Some(-360.0), Some(360.0)), evidence: D },
    Param { key: "BorderStyle", kind: Kind::Choice(&["1", "3"]), evidence: D },
    Param { key: "Outline", kind: int(Some(0), None), evidence: D },
    Param { key: "OutlineColour", kind: Kind::Colour, evidence: D },
    Param { key: "EffectColorStyle", kind: Kind::Catalogue(Family::WordArt), evidence: D },
    Param { key: "AaiMotionInEffect", kind: Kind::Catalogue(Family::MotionIn), evidence: D },
    Param { key: "AaiMotionIn", kind: float(Some(0.0), None), evidence: T },
    Param { key: "AaiMotionOutEffect", kind: Kind::Catalogue(Family::MotionOut), evidence: T },
    Param { key: "AaiMotionOut", kind: float(Some(0.0), None), evidence: T },
    Param { key: "AaiMotionLoopEffect", kind: Kind::Catalogue(Family::MotionLoop), evidence: T },
    Param { key: "Ratio", kind: float(Some(0.0), None), evidence: T },
    Param { key: "SizeRequestType", kind: Kind::Choice(&["RealDim", "Nominal"]), evidence: I },
    Param { key: "LineSpacing", kind: int(None, None), evidence: I },
    Param { key: "Shadow", kind: int(Some(0), None), evidence: T },
    Param { key: "BackColour", kind: Kind::Colour, evidence: T },
];

/// The keys of the custom colour grade (`Filter` SubType `color`), carried in `ExtParams` as
/// `effect=color,brightness=-10,...` (effects.md 3.4; third-party ranges, IMS only).
pub const COLOR_GRADE_PARAMS: &[Param] = &[
    Param { key: "brightness", kind: int(Some(-255), Some(255)), evidence: T }, // i18n-exempt: an ExtParams key
    Param { key: "contrast", kind: int(Some(-100), Some(100)), evidence: T },   // i18n-exempt: an ExtParams key
    Param { key: "saturation", kind: int(Some(-100), Some(100)), evidence: T }, // i18n-exempt: an ExtParams key
    Param { key: "kelvin_temperature", kind: int(Some(1000), Some(40000)), evidence: T },
    Param { key: "temperature_ratio", kind: int(Some(0), Some(100)), evidence: T },
    Param { key: "tint", kind: int(Some(-100), Some(100)), evidence: T }, // i18n-exempt: an ExtParams key
    Param { key: "dark_corner_ratio", kind: int(Some(0), Some(100)), evidence: T },
];

/// The spec of a Text field, by key.
pub fn text_param(key: &str) -> Option<&'static Param> {
    TEXT_PARAMS.iter().find(|p| p.key == key)
}

/// What is wrong with `value` for `kind`, in a form the caller words: None when it fits.
#[derive(Clone, Debug, PartialEq)]
pub enum Misfit {
    NotANumber,
    NotWhole,
    Below(String),
    Above(String),
    NotColour,
    NotOneOf(&'static [&'static str]),
    NotPosition,
}

/// Checks a value given as JSON text (`12`, `"#ff0000"`, `"Nominal"`) against `kind`.
/// Catalogue values are not checked here (an unknown SubType is a warning, not a misfit).
pub fn check(kind: Kind, value: &serde_json::Value) -> Option<Misfit> {
    let num = || match value {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    match kind {
        Kind::Int { min, max } => {
            let Some(v) = num().filter(|v| v.is_finite()) else { return Some(Misfit::NotANumber) };
            if v.fract() != 0.0 {
                return Some(Misfit::NotWhole);
            }
            bounds(v, min.map(|m| m as f64), max.map(|m| m as f64))
        }
        Kind::Float { min, max } => {
            let Some(v) = num().filter(|v| v.is_finite()) else { return Some(Misfit::NotANumber) };
            bounds(v, min, max)
        }
        Kind::Colour => match value {
            serde_json::Value::String(s) if crate::model::validate::is_hex_colour(s) => None,
            _ => Some(Misfit::NotColour),
        },
        Kind::Choice(options) => {
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (!options.contains(&text.as_str())).then_some(Misfit::NotOneOf(options))
        }
        Kind::Position => {
            let Some(v) = num().filter(|v| v.is_finite()) else { return Some(Misfit::NotANumber) };
            let fits = (0.0..=1.0).contains(&v) || (v > 1.0 && v.fract() == 0.0);
            (!fits).then_some(Misfit::NotPosition)
        }
        Kind::Catalogue(_) => match value {
            serde_json::Value::String(_) => None,
            _ => Some(Misfit::NotOneOf(&[])),
        },
    }
}

fn bounds(v: f64, min: Option<f64>, max: Option<f64>) -> Option<Misfit> {
    if let Some(m) = min
        && v < m
    {
        return Some(Misfit::Below(m.to_string()));
    }
    if let Some(m) = max
        && v > m
    {
        return Some(Misfit::Above(m.to_string()));
    }
    None
}

/// The custom colour grade's `ExtParams` read into (key, value) pairs, in their order;
/// `effect=color` and pairs without `=` are left out.
pub fn parse_ext_params(text: &str) -> Vec<(String, String)> {
    text.split(',')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .filter(|(k, _)| k != "effect")
        .collect()
}

/// `ExtParams` text from pairs, `effect=color` first as the documents write it.
pub fn write_ext_params(pairs: &[(String, String)]) -> String {
    let mut s = String::from("effect=color"); // i18n-exempt: the ExtParams syntax
    for (k, v) in pairs {
        s.push(',');
        s.push_str(k);
        s.push('=');
        s.push_str(v);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_checked_against_their_documented_ranges() {
        let fixed = text_param("FixedFontSize").unwrap().kind;
        assert_eq!(check(fixed, &json!(40)), None);
        assert_eq!(check(fixed, &json!(0)), Some(Misfit::Below("1".into())));
        assert_eq!(check(fixed, &json!(5001)), Some(Misfit::Above("5000".into())));
        assert_eq!(check(fixed, &json!(2.5)), Some(Misfit::NotWhole));
        let border = text_param("BorderStyle").unwrap().kind;
        assert_eq!(check(border, &json!(3)), None);
        assert!(matches!(check(border, &json!(2)), Some(Misfit::NotOneOf(_))));
        assert_eq!(check(text_param("OutlineColour").unwrap().kind, &json!("#00ff00")), None);
        assert_eq!(check(text_param("OutlineColour").unwrap().kind, &json!("green")), Some(Misfit::NotColour));
        assert_eq!(check(Kind::Position, &json!(0.5)), None);
        assert_eq!(check(Kind::Position, &json!(1.5)), Some(Misfit::NotPosition));
    }

    #[test]
    fn ext_params_round_trip() {
        let text = "effect=color,brightness=-10,contrast=10,saturation=10,kelvin_temperature=6000";
        let pairs = parse_ext_params(text);
        assert_eq!(pairs[0], ("brightness".to_owned(), "-10".to_owned()));
        assert_eq!(pairs.len(), 4);
        assert_eq!(write_ext_params(&pairs), text);
    }
}
