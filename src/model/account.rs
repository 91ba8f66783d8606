//! What an account offers a production: its transcoding template groups, its media
//! categories (a tree) and its applications, as ListTranscodeTemplateGroup, GetCategories and
//! ListAppInfo answer them (field names from the official SDK models: alibabacloud
//! vod-20170321 `ListTranscodeTemplateGroupResponseBody`, `GetCategoriesResponseBody`,
//! `ListAppInfoResponseBody`). Plain data: the api reads it, the store caches it, both faces
//! show it.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// A number the service may send as a number or a string.
fn lenient_i64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_i64().unwrap_or_default(),
        Value::String(s) => s.trim().parse().unwrap_or_default(),
        _ => 0,
    })
}

/// A transcoding template group (ListTranscodeTemplateGroup).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct TemplateGroup {
    pub transcode_template_group_id: String,
    pub name: String,
    /// `Default` | `NotDefault`
    pub is_default: String,
    /// `Normal` | `Disabled` (a locked group cannot be changed; it can still be used)
    pub locked: String,
    pub app_id: String,
    pub creation_time: String,
    pub modify_time: String,
}

impl TemplateGroup {
    pub fn is_default(&self) -> bool {
        self.is_default == "Default" // i18n-exempt: the API's value
    }
}

/// A media category (GetCategories). Level 0 is a top category, whose ParentId is -1.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Category {
    #[serde(deserialize_with = "lenient_i64")]
    pub cate_id: i64,
    pub cate_name: String,
    #[serde(deserialize_with = "lenient_i64")]
    pub level: i64,
    #[serde(deserialize_with = "lenient_i64")]
    pub parent_id: i64,
    /// Subcategories it has (in a SubCategories list).
    #[serde(deserialize_with = "lenient_i64")]
    pub sub_total: i64,
    /// `default` | `material`
    #[serde(rename = "Type")]
    pub kind: String,
}

/// The parent of the top categories.
pub const ROOT_CATEGORY: i64 = -1;

/// An application (ListAppInfo): `app-1000000` is every account's default one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AppInfo {
    pub app_id: String,
    pub app_name: String,
    pub description: String,
    /// `Normal` | `Disable`
    pub status: String,
    /// `System` | `Custom`
    #[serde(rename = "Type")]
    pub kind: String,
    pub creation_time: String,
    pub modification_time: String,
}

/// What the pickers offer, as last fetched for one account and region.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountLists {
    /// When they were fetched (Unix seconds).
    pub fetched: u64,
    pub templates: Vec<TemplateGroup>,
    /// Every category, parents before their children.
    pub categories: Vec<Category>,
    pub apps: Vec<AppInfo>,
}

impl AccountLists {
    /// The children of category `parent` (`ROOT_CATEGORY` for the top ones), in the order
    /// the service gave them.
    pub fn children(&self, parent: i64) -> impl Iterator<Item = &Category> {
        self.categories.iter().filter(move |c| c.parent_id == parent)
    }

    /// Every category under its parent, depth first, with its depth (0: a top one); a loop
    /// in a damaged list is cut, never followed for ever.
    pub fn category_tree(&self) -> Vec<(&Category, usize)> {
        let mut out = Vec::new();
        let mut stack: Vec<(&Category, usize)> = self.children(ROOT_CATEGORY).map(|c| (c, 0)).collect();
        stack.reverse();
        while let Some((c, depth)) = stack.pop() {
            out.push((c, depth));
            if out.len() > self.categories.len() || depth > 8 {
                break;
            }
            let mut kids: Vec<(&Category, usize)> = self.children(c.cate_id).map(|k| (k, depth + 1)).collect();
            kids.reverse();
            stack.extend(kids);
        }
        out
    }

    /// A category's path of names from the top ("Sports / Football"), for the picker's
    /// closed state and the CLI.
    pub fn category_path(&self, id: i64) -> Option<String> {
        let mut names = Vec::new();
        let mut at = id;
        // Bounded by the list's length: a loop in a damaged answer cannot hang.
        for _ in 0..=self.categories.len() {
            let c = self.categories.iter().find(|c| c.cate_id == at)?;
            names.push(c.cate_name.as_str());
            if c.parent_id == ROOT_CATEGORY {
                names.reverse();
                return Some(names.join(" / "));
            }
            at = c.parent_id;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_parse_as_the_sdk_models_name_them_and_paths_follow_parents() {
        let c: Category = serde_json::from_value(serde_json::json!(
            {"CateId": "12", "CateName": "Football", "Level": 1, "ParentId": 10, "SubTotal": 0, "Type": "default"}
        ))
        .unwrap();
        assert_eq!((c.cate_id, c.parent_id, c.kind.as_str()), (12, 10, "default"));
        let top = Category { cate_id: 10, cate_name: "Sports".into(), parent_id: ROOT_CATEGORY, ..Default::default() };
        let lists = AccountLists { categories: vec![top, c], ..Default::default() };
        assert_eq!(lists.category_path(12).as_deref(), Some("Sports / Football"));
        assert_eq!(lists.children(10).count(), 1);
        let tree: Vec<(i64, usize)> = lists.category_tree().iter().map(|(c, d)| (c.cate_id, *d)).collect();
        assert_eq!(tree, [(10, 0), (12, 1)]);
        assert_eq!(lists.category_path(99), None);
        // A loop (a damaged answer) ends instead of hanging.
        let a = Category { cate_id: 1, parent_id: 2, ..Default::default() };
        let b = Category { cate_id: 2, parent_id: 1, ..Default::default() };
        assert_eq!(AccountLists { categories: vec![a, b], ..Default::default() }.category_path(1), None);
        let g: TemplateGroup = serde_json::from_value(
            serde_json::json!({"TranscodeTemplateGroupId": "g1", "Name": "Default", "IsDefault": "Default"}),
        )
        .unwrap();
        assert!(g.is_default());
    }
}
