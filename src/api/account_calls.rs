//! What an account offers a production: ListTranscodeTemplateGroup, GetCategories and
//! ListAppInfo. None of them is in shared/vod/api.md; parameters and answers follow the
//! official SDK models (alibabacloud vod-20170321: `ListTranscodeTemplateGroupRequest` has
//! `AppId`; `GetCategoriesRequest` has `CateId` (-1: the top level), `PageNo`, `PageSize`
//! (at most 100), `SortBy`, `Type`; `ListAppInfoRequest` has `Status`, `PageNo`, `PageSize`
//! (at most 100)) and the ListAppInfo API reference page. Lists are plain arrays except
//! GetCategories' `SubCategories: {Category: [...]}` (wrapped, as the SDK model has it).

use super::calls::parse as parse_answer;
use super::client::{Client, Safety};
use super::error::ApiError;
use crate::model::account::{AppInfo, Category, ROOT_CATEGORY, TemplateGroup};
use serde_json::Value;

/// At most this many categories are read (VOD allows 3 levels of at most 100 each; a
/// bigger answer is a fault, not a reason to keep asking).
pub const MAX_CATEGORIES: usize = 3_000;
/// At most this many applications are read.
pub const MAX_APPS: usize = 1_000;
/// Page size for the paged lists: the most the service allows.
const PAGE: u32 = 100;

/// One page of GetCategories: the category asked about and its direct children.
#[derive(Clone, Debug, Default)]
pub struct CategoryPage {
    pub category: Option<Category>,
    pub sub_total: u64,
    pub children: Vec<Category>,
}

fn owned(list: &[(&str, String)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

impl Client {
    /// The account's transcoding template groups (of `app_id`, else the default application).
    pub async fn list_transcode_template_groups(&self, app_id: Option<&str>) -> Result<Vec<TemplateGroup>, ApiError> {
        let mut p = Vec::new();
        if let Some(a) = app_id.filter(|a| !a.is_empty()) {
            p.push(("AppId".to_owned(), a.to_owned()));
        }
        let action = "ListTranscodeTemplateGroup";
        let v = self.call(action, &p, Safety::ReadOnly).await?;
        parse_answer(action, v.get("TranscodeTemplateGroupList").cloned().unwrap_or(Value::Array(vec![])))
    }

    /// One page of the children of `cate_id` (`ROOT_CATEGORY` for the top level).
    pub async fn get_categories(&self, cate_id: i64, page_no: u32, page_size: u32) -> Result<CategoryPage, ApiError> {
        let action = "GetCategories";
        let p = owned(&[
            ("CateId", cate_id.to_string()),
            ("PageNo", page_no.max(1).to_string()),
            ("PageSize", page_size.clamp(1, PAGE).to_string()),
        ]);
        let v = self.call(action, &p, Safety::ReadOnly).await?;
        let category = match v.get("Category") {
            Some(c) if !c.is_null() => Some(parse_answer(action, c.clone())?),
            _ => None,
        };
        // i18n-exempt: a JSON pointer
        let children = v.pointer("/SubCategories/Category").cloned().unwrap_or(Value::Array(vec![]));
        Ok(CategoryPage {
            category,
            sub_total: v.get("SubTotal").and_then(Value::as_u64).unwrap_or(0),
            children: parse_answer(action, children)?,
        })
    }

    /// Every category, parents before children: each level paged through, each child with
    /// children asked about in turn. Bounded by [`MAX_CATEGORIES`] and three levels deep.
    pub async fn category_tree(&self) -> Result<Vec<Category>, ApiError> {
        let mut all: Vec<Category> = Vec::new();
        let mut queue = vec![(ROOT_CATEGORY, 0u32)];
        while let Some((parent, depth)) = queue.pop() {
            let mut page = 1;
            loop {
                let got = self.get_categories(parent, page, PAGE).await?;
                let n = got.children.len();
                for mut c in got.children {
                    // The answer names the parent; a missing one is the one asked about.
                    if c.parent_id == 0 && parent != 0 {
                        c.parent_id = parent;
                    }
                    if c.sub_total > 0 && depth < 2 {
                        queue.push((c.cate_id, depth + 1));
                    }
                    if all.len() >= MAX_CATEGORIES {
                        return Ok(all);
                    }
                    all.push(c);
                }
                let seen = u64::from(page) * u64::from(PAGE);
                if n < PAGE as usize || seen >= got.sub_total {
                    break;
                }
                page += 1;
            }
        }
        Ok(all)
    }

    /// One page of the account's applications, and how many there are.
    pub async fn list_app_info(&self, page_no: u32, page_size: u32) -> Result<(u64, Vec<AppInfo>), ApiError> {
        let action = "ListAppInfo";
        let p = owned(&[("PageNo", page_no.max(1).to_string()), ("PageSize", page_size.clamp(1, PAGE).to_string())]);
        let v = self.call(action, &p, Safety::ReadOnly).await?;
        let total = v.get("Total").and_then(Value::as_u64).unwrap_or(0);
        Ok((total, parse_answer(action, v.get("AppInfoList").cloned().unwrap_or(Value::Array(vec![])))?))
    }

    /// Every application (bounded by [`MAX_APPS`]).
    pub async fn all_apps(&self) -> Result<Vec<AppInfo>, ApiError> {
        let mut all = Vec::new();
        for page in 1.. {
            let (total, list) = self.list_app_info(page, PAGE).await?;
            let n = list.len();
            all.extend(list);
            if n < PAGE as usize || all.len() as u64 >= total || all.len() >= MAX_APPS {
                break;
            }
        }
        all.truncate(MAX_APPS);
        Ok(all)
    }
}
