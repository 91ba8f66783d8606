//! Paging through the VOD media library (SearchMedia), for the editor's library panel and
//! `vodcut media search`: PageNo within the first 5 000 results, the ScrollToken an answer
//! gave past them, rows as the faces list them.

use crate::api::calls::{Material, MediaItem, MediaQuery, SearchMediaResult};
use crate::model::Time;
use crate::model::project::{BinEntry, MediaKind};

/// Rows a page of the editor's panel holds.
pub const PAGE_SIZE: u32 = 50;
/// PageNo/PageSize can reach this many results; beyond, only ScrollToken.
pub const PAGE_WINDOW: u32 = 5_000;

/// A page past the first 5 000 results was asked for by number, without the ScrollToken that
/// reaches it (each face says how to get one: Next in the editor, `--scroll-token` on the
/// command line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooFar {
    /// The 1-based page asked for.
    pub page: u32,
}

/// Whether 1-based page `page` of `page_size` results lies within the first 5 000.
pub fn within_window(page: u32, page_size: u32) -> bool {
    u64::from(page.max(1)) * u64::from(page_size.clamp(1, 100)) <= u64::from(PAGE_WINDOW)
}

/// The query for 1-based page `page` of `page_size` results, or the one `token` continues
/// (past the window a token is the only way: refused without one).
pub fn query(
    text: &str,
    kind: MediaKind,
    page: u32,
    page_size: u32,
    token: Option<String>,
    newest_first: bool,
) -> Result<MediaQuery, TooFar> {
    let page = page.max(1);
    if token.is_none() && !within_window(page, page_size) {
        return Err(TooFar { page });
    }
    Ok(MediaQuery::search(text, api_kind(kind), page, page_size, token, newest_first))
}

/// The kind as SearchMedia's MediaType names it.
pub fn api_kind(k: MediaKind) -> &'static str {
    // i18n-exempt: SearchMedia's MediaType values, sent to VOD, never shown
    const NAMES: [&str; 3] = ["video", "audio", "image"];
    NAMES[k as usize]
}

/// The kind of a SearchMedia MediaType (`video` for anything unknown).
pub fn kind_of(t: &str) -> MediaKind {
    match t {
        "audio" => MediaKind::Audio,
        "image" => MediaKind::Image,
        _ => MediaKind::Video,
    }
}

/// One row of the list, from a search or from a project's materials.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub media_id: String,
    pub kind: MediaKind,
    pub title: String,
    pub duration: Option<Time>,
    pub status: String,
    pub size: Option<f64>,
    pub cover_url: String,
}

impl Row {
    pub fn from_item(m: &MediaItem) -> Row {
        let d = m.details().cloned().unwrap_or_default();
        Row {
            media_id: m.media_id.clone(),
            kind: kind_of(&m.media_type),
            title: d.title,
            duration: d.duration.and_then(Time::from_secs_f64),
            status: d.status,
            size: d.size,
            cover_url: d.cover_url,
        }
    }

    pub fn from_material(m: &Material) -> Row {
        Row {
            media_id: m.material_id.clone(),
            kind: kind_of(&m.material_type),
            title: m.title.clone(),
            duration: m.duration.and_then(Time::from_secs_f64),
            status: m.status.clone(),
            size: m.size,
            cover_url: m.cover_url.clone(),
        }
    }

    /// The row as a bin entry (dropped on a track, opened in the source viewer).
    pub fn entry(&self) -> BinEntry {
        BinEntry {
            media_id: self.media_id.clone(),
            title: self.title.clone(),
            duration: self.duration,
            kind: self.kind,
            ..Default::default()
        }
    }
}

/// The library as the editor lists it: the search, the page shown, the tokens answers gave.
#[derive(Clone, Debug)]
pub struct Library {
    pub text: String,
    pub kind: MediaKind,
    pub newest_first: bool,
    /// 0-based page shown.
    pub page: usize,
    /// `tokens[p]`: the ScrollToken that fetches page `p` (from page `p - 1`'s answer).
    tokens: Vec<Option<String>>,
    pub rows: Vec<Row>,
    pub total: u64,
    pub error: Option<String>,
    pub loading: bool,
    /// Showing the linked cloud project's materials instead of a search.
    pub materials: bool,
    /// The next page is appended to the list instead of replacing it ("Load more").
    appending: bool,
    /// Only the media of this application (the project's AppId; empty: every one).
    app_id: String,
}

impl Default for Library {
    fn default() -> Self {
        Library {
            text: String::new(),
            kind: MediaKind::Video,
            newest_first: true,
            page: 0,
            tokens: Vec::new(),
            rows: Vec::new(),
            total: 0,
            error: None,
            loading: false,
            materials: false,
            appending: false,
            app_id: String::new(),
        }
    }
}

impl Library {
    /// The query for 0-based page `page`: PageNo within the 5 000-result window, the
    /// ScrollToken an earlier answer gave past it.
    pub fn query_for(&self, page: usize) -> Result<MediaQuery, TooFar> {
        let within = within_window(page as u32 + 1, PAGE_SIZE);
        let token = if within { None } else { self.tokens.get(page).cloned().flatten() };
        query(&self.text, self.kind, page as u32 + 1, PAGE_SIZE, token, self.newest_first)
            .map(|q| q.in_app(&self.app_id))
    }

    /// Searches only application `app_id` from now on; whether that changed it (the list
    /// shown is then another application's).
    pub fn set_app(&mut self, app_id: &str) -> bool {
        let app_id = app_id.trim();
        if self.app_id == app_id {
            return false;
        }
        self.app_id = app_id.to_owned();
        self.tokens.clear();
        true
    }

    /// Starts asking for page `page` (replacing the list when it comes): the query to send.
    pub fn begin(&mut self, page: usize) -> Result<MediaQuery, TooFar> {
        let q = self.query_for(page)?;
        if page == 0 {
            self.tokens.clear();
        }
        self.appending = false;
        self.materials = false;
        self.loading = true;
        self.error = None;
        Ok(q)
    }

    /// Starts asking for the page after the one shown, to append to the list (the list can
    /// grow to thousands; only rows in view are laid out and fetch covers).
    pub fn begin_more(&mut self) -> Option<MediaQuery> {
        let q = self.begin(self.page + 1).ok()?;
        self.appending = true;
        Some(q)
    }

    /// Puts rows in the list directly (project materials, tests).
    pub fn set_rows(&mut self, rows: Vec<Row>) {
        self.total = rows.len() as u64;
        self.rows = rows;
    }

    pub fn on_page(&mut self, page: usize, result: Result<SearchMediaResult, String>) {
        self.loading = false;
        match result {
            Ok(r) => {
                self.page = page;
                self.total = r.total;
                let rows = r.media_list.iter().map(Row::from_item);
                if self.appending {
                    self.rows.extend(rows);
                } else {
                    self.rows = rows.collect();
                }
                self.appending = false;
                if self.tokens.len() <= page + 1 {
                    self.tokens.resize(page + 2, None);
                }
                self.tokens[page + 1] = r.scroll_token.filter(|t| !t.is_empty());
                self.error = None;
            }
            Err(e) => self.error = Some(e),
        }
    }

    pub fn on_materials(&mut self, result: Result<Vec<Material>, String>) {
        self.loading = false;
        match result {
            Ok(list) => {
                self.materials = true;
                self.set_rows(list.iter().map(Row::from_material).collect());
            }
            Err(e) => self.error = Some(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_past_the_window_use_scroll_tokens() {
        let mut lib = Library::default();
        let q = lib.query_for(3).unwrap();
        assert_eq!((q.page_no, q.scroll_token.as_deref()), (Some(4), None));
        // Page 100 (results 5 001-5 050) needs the token page 99's answer gave.
        assert_eq!(lib.query_for(100).unwrap_err(), TooFar { page: 101 }, "no token yet");
        lib.tokens = vec![None; 101];
        lib.tokens[100] = Some("tok".into());
        let q = lib.query_for(100).unwrap();
        assert_eq!((q.page_no, q.scroll_token.as_deref()), (None, Some("tok")));
    }

    #[test]
    fn the_command_lines_pages_follow_the_same_window() {
        assert!(query("", MediaKind::Video, 250, 20, None, true).is_ok(), "results 4 981-5 000");
        assert_eq!(query("", MediaKind::Audio, 251, 20, None, true).unwrap_err(), TooFar { page: 251 });
        let q = query("beach", MediaKind::Audio, 251, 20, Some("t".into()), false).unwrap();
        assert_eq!((q.search_type.as_deref(), q.scroll_token.as_deref()), (Some("audio"), Some("t")));
        let q = query("", MediaKind::Image, 1, 20, Some("t".into()), true).unwrap();
        assert_eq!((q.page_no, q.scroll_token.as_deref()), (None, Some("t")), "a token given is followed");
    }
}
