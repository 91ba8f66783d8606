//! What the account offers a production (template groups, categories, applications), for
//! the editor's pickers and `vodcut account`: fetched together, kept in the cache folder per
//! account and region, read from there until a refresh is asked for.

use super::connect::Connection;
use crate::api::{ApiError, Client};
use crate::model::account::AccountLists;
use crate::store::account_cache::AccountCache;

/// Template groups are asked for at most this many applications (each is one call).
pub const MAX_APPS_ASKED: usize = 20;

/// Every list, from the service: the applications, the template groups of each (the
/// groups belong to an application) and the category tree.
pub async fn fetch(client: &Client) -> Result<AccountLists, ApiError> {
    let apps = client.all_apps().await?;
    let mut templates = Vec::new();
    if apps.is_empty() {
        // An account that may not list its applications still has the default one.
        templates = client.list_transcode_template_groups(None).await?;
    }
    for app in apps.iter().take(MAX_APPS_ASKED) {
        let mut groups = client.list_transcode_template_groups(Some(&app.app_id)).await?;
        for g in groups.iter_mut().filter(|g| g.app_id.is_empty()) {
            g.app_id = app.app_id.clone();
        }
        templates.extend(groups);
    }
    let categories = client.category_tree().await?;
    Ok(AccountLists { fetched: crate::store::jobs::now_secs(), templates, categories, apps })
}

/// Where `conn`'s account keeps its lists (none without a cache folder or credentials).
pub fn cache_for(conn: &Connection) -> Option<AccountCache> {
    let dir = conn.env.cache_dir.as_deref()?;
    let creds = conn.credentials().ok()?;
    Some(AccountCache::new(dir, &creds.access_key_id, &conn.region))
}

/// The lists, and whether they came from the cache: the cached ones unless `refresh` (or
/// there are none), else fetched and cached. A cache that cannot be written is logged: the
/// lists are still good.
pub async fn lists(conn: &Connection, refresh: bool) -> Result<(AccountLists, bool), ApiError> {
    let cache = cache_for(conn);
    if !refresh && let Some(cached) = cache.as_ref().and_then(AccountCache::load) {
        return Ok((cached, true));
    }
    let fetched = fetch(&conn.client()?).await?;
    if let Some(c) = &cache
        && let Err(e) = c.save(&fetched)
    {
        log::warn!("could not keep the account's lists in {}: {e}", c.path().display());
    }
    Ok((fetched, false))
}
