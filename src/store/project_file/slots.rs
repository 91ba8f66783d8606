//! Writing back a template's time and number slots. The editor opens such a template with
//! each slot's sample value in its field (a clip's In is a number to the editor) and the slot's
//! text kept beside it, in [`TEMPLATE_SLOTS_FIELD`]; the file gets the text back in place, as
//! the template was and as `vodcut batch` reads it. Only the writing is here: the reading is
//! the templates' (`template::open`), which know what a slot is.

use crate::model::Project;
use crate::model::project::TEMPLATE_SLOTS_FIELD;
use serde_json::Value;

/// Whether any clip, or the project, keeps a slot to write back.
pub(super) fn holds_slots(p: &Project) -> bool {
    p.other_fields.contains_key(TEMPLATE_SLOTS_FIELD)
        || p.tracks.iter().flat_map(|t| &t.clips).any(|c| c.extra.contains_key(TEMPLATE_SLOTS_FIELD))
}

/// Puts each kept slot's text where it belongs and removes the fields that kept them. A path
/// that no longer leads anywhere (the effect it was in was deleted) is dropped with it.
pub(super) fn put_back(project: &mut Value) {
    if let Some(Value::Array(tracks)) = project.get_mut("Tracks") {
        for track in tracks {
            if let Some(Value::Array(clips)) = track.get_mut("Clips") {
                clips.iter_mut().for_each(put_back_in);
            }
        }
    }
    put_back_in(project);
}

fn put_back_in(object: &mut Value) {
    let Some(Value::Object(kept)) = object.as_object_mut().and_then(|m| m.shift_remove(TEMPLATE_SLOTS_FIELD)) else {
        return;
    };
    for (path, text) in kept {
        if let (Some(at), Value::String(_)) = (at_path(object, &path), &text) {
            *at = text;
        }
    }
}

/// The value at a dotted path (`In`, `Effects.0.Duration`, `ProduceConfig.Width`), when
/// there is one.
fn at_path<'v>(mut v: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    for part in path.split('.') {
        v = match v {
            Value::Object(m) => m.get_mut(part)?,
            Value::Array(a) => a.get_mut(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_go_back_in_place_and_their_keeper_goes() {
        let mut v = serde_json::json!({
            "Tracks": [{"Clips": [
                {"MediaId": "m", "In": 2, "Out": 6, "TemplateSlots": {"In": "{{start}}", "Out": "{{end}}", "Effects.3.Duration": "{{d}}"}},
                {"MediaId": "n", "In": 0}
            ]}],
            "ProduceConfig": {"Width": 1280},
            "TemplateSlots": {"ProduceConfig.Width": "{{w}}", "Nowhere.At": "{{x}}"}
        });
        put_back(&mut v);
        assert_eq!(
            v,
            serde_json::json!({
                "Tracks": [{"Clips": [{"MediaId": "m", "In": "{{start}}", "Out": "{{end}}"}, {"MediaId": "n", "In": 0}]}],
                "ProduceConfig": {"Width": "{{w}}"}
            })
        );
    }
}
