//! Which VOD media each source of an imported edit is: the MediaId the file carries (an .otio
//! vodcut wrote), else the map (`--media MAP.csv`, header `file,MediaId`: a source's file name
//! or its path), else the library (SearchMedia by the file's name: a title equal to the name
//! with or without its extension, or a source file of that name), else nothing yet: the
//! clip keeps its place without a MediaId, and the report lists the file for upload.

use super::otio_write::SOURCE_FILE_FIELD;
use super::sequence::{Sequence, Source, SourceKind};
use crate::api::calls::MediaQuery;
use crate::api::{ApiError, Client};
use crate::model::Project;
use crate::model::project::{BinEntry, MediaKind};
use crate::model::validate::is_media_id;
use crate::t;
use std::collections::HashMap;
use std::path::Path;

/// The largest map read: a line per source, far below this for any edit.
pub const MAX_MAP_BYTES: u64 = 16 * 1024 * 1024;

/// How a source got its MediaId.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// The file itself named it (`metadata.vodcut.MediaId`).
    InFile,
    Map,
    /// The library, by this title.
    Library(String),
    Uploaded,
}

/// `file,MediaId` rows: by path (a row whose `file` has a `/` or `\`) and by file name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MediaMap {
    by_path: HashMap<String, String>,
    by_name: HashMap<String, String>,
}

impl MediaMap {
    /// The MediaId for `source`: its path first, then its file name (names compared without
    /// regard to case, as the file systems editors run on do).
    pub fn find(&self, source: &Source) -> Option<&str> {
        if let Some(p) = &source.path
            && let Some(id) = self.by_path.get(&p.replace('\\', "/"))
        {
            return Some(id);
        }
        self.by_name.get(&source.file_name().to_lowercase()).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.by_path.len() + self.by_name.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl MediaMap {
    /// The MediaId for a source file as an imported clip keeps it ([`crate::model::wire::SOURCE_FILE`]:
    /// a path, or a name when the edit gave no path).
    pub fn find_file(&self, file: &str) -> Option<&str> {
        self.find(&Source::of_file(file))
    }
}

/// Gives the clips of `project` that wait for their source file (imported without a MediaId:
/// [`crate::model::wire::SOURCE_FILE`]) the MediaId `find` has for that file, and adds each
/// new media to the bin with the file it came from: one edit, so one undo step. `find` gets the
/// file as the clip keeps it. `None` when no clip is placed; else the edit, the clips placed,
/// and the files they came from.
pub fn place_waiting(
    project: &Project,
    find: impl Fn(&str) -> Option<String>,
) -> Option<(crate::edit::Edit, usize, Vec<String>)> {
    use crate::edit::Edit;
    let mut edits = Vec::new();
    let mut bin = project.bin.clone();
    let mut files: Vec<String> = Vec::new();
    for (t, track) in project.tracks.iter().enumerate() {
        for (i, clip) in track.clips.iter().enumerate() {
            let Some(file) = clip.source_file().filter(|_| clip.material_id().is_none()) else { continue };
            let Some(id) = find(&file) else { continue };
            let mut placed = clip.clone();
            placed.extra.remove(crate::model::wire::SOURCE_FILE);
            placed.media_id = Some(id.clone());
            edits.push(Edit::SetClip { track: t, index: i, clip: Box::new(placed) });
            if !bin.iter().any(|b| b.media_id == id) {
                let mut entry = BinEntry {
                    media_id: id,
                    title: super::file_name(&file).to_owned(),
                    kind: match SourceKind::of_name(&file) {
                        SourceKind::Video => MediaKind::Video,
                        SourceKind::Audio => MediaKind::Audio,
                        SourceKind::Image => MediaKind::Image,
                    },
                    ..Default::default()
                };
                entry.other_fields.insert_value(SOURCE_FILE_FIELD, &serde_json::Value::String(file.clone()));
                bin.push(entry);
            }
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    if edits.is_empty() {
        return None;
    }
    let clips = edits.len();
    if bin.len() != project.bin.len() {
        edits.push(Edit::SetBin(bin));
    }
    Some((Edit::Batch(edits), clips, files))
}

/// Reads a map file (a regular file, at most [`MAX_MAP_BYTES`]).
pub fn read_map(path: &Path) -> Result<MediaMap, String> {
    let shown = path.display().to_string();
    let bytes = crate::store::input::read_bounded(path, MAX_MAP_BYTES)
        .map_err(|e| t!("ix-map-cannot-read", file = shown.as_str(), error = e))?;
    let text = String::from_utf8(bytes).map_err(|_| t!("ix-map-not-utf8", file = shown.as_str()))?;
    parse_map(&text).map_err(|e| format!("{shown}: {e}"))
}

/// Parses `file,MediaId` CSV (RFC 4180 quoting; a header naming the two columns, in either
/// order, with any other columns ignored). Errors name the line.
pub fn parse_map(text: &str) -> Result<MediaMap, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rows = csv_rows(text)?;
    let Some((_, header)) = rows.first() else { return Err(t!("ix-map-no-header")) };
    let col = |name: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(file_col), Some(id_col)) = (col("file"), col("MediaId")) else { return Err(t!("ix-map-no-header")) };
    let mut map = MediaMap::default();
    for (line, row) in rows.iter().skip(1) {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let file = row.get(file_col).map(|s| s.trim()).unwrap_or("");
        let id = row.get(id_col).map(|s| s.trim()).unwrap_or("");
        if file.is_empty() {
            return Err(t!("ix-map-no-file", line = *line));
        }
        if !is_media_id(id) {
            return Err(t!("ix-map-bad-id", line = *line, id = crate::i18n::format::quoted_id(id)));
        }
        let (table, key) = if file.contains(['/', '\\']) {
            (&mut map.by_path, super::url_to_path(file).replace('\\', "/"))
        } else {
            (&mut map.by_name, file.to_lowercase())
        };
        if let Some(old) = table.insert(key, id.to_owned())
            && old != id
        {
            return Err(t!("ix-map-twice", line = *line, file = file));
        }
    }
    Ok(map)
}

/// CSV records with the line each starts on.
fn csv_rows(text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let (mut line, mut start_line) = (1, 1);
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push((start_line, std::mem::take(&mut row)));
                line += 1;
                start_line = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(t!("ix-map-open-quote", line = start_line));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push((start_line, row));
    }
    Ok(rows)
}

/// MediaIds of a sequence's sources, and how each was found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resolution {
    pub ids: Vec<Option<String>>,
    pub found: Vec<Option<Found>>,
    /// What the library search could not settle (several media of one name, a failed call).
    pub problems: Vec<String>,
}

impl Resolution {
    /// From what the file says and the map: no network.
    pub fn new(seq: &Sequence, map: Option<&MediaMap>) -> Resolution {
        let mut r = Resolution::default();
        for s in &seq.sources {
            let (id, found) = match (&s.media_id, map.and_then(|m| m.find(s))) {
                (Some(id), _) => (Some(id.clone()), Some(Found::InFile)),
                (None, Some(id)) => (Some(id.to_owned()), Some(Found::Map)),
                (None, None) => (None, None),
            };
            r.ids.push(id);
            r.found.push(found);
        }
        r
    }

    /// The sources without a MediaId yet.
    pub fn missing(&self) -> impl Iterator<Item = usize> + '_ {
        self.ids.iter().enumerate().filter(|(_, id)| id.is_none()).map(|(i, _)| i)
    }

    pub fn set(&mut self, source: usize, id: String, how: Found) {
        self.ids[source] = Some(id);
        self.found[source] = Some(how);
    }
}

/// The file name without its extension (`harbour.mov` -> `harbour`): what `media upload`
/// titles a file by default.
fn stem(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((s, ext)) if !s.is_empty() && !ext.is_empty() && ext.len() <= 5 => s,
        _ => name,
    }
}

/// Looks for each missing source in the library. A call that fails stops the search (the
/// sources stay missing; the error is returned with what was found so far kept).
pub async fn match_library(client: &Client, seq: &Sequence, res: &mut Resolution) -> Result<(), ApiError> {
    let missing: Vec<usize> = res.missing().collect();
    for i in missing {
        let s = &seq.sources[i];
        let name = s.file_name().to_owned();
        let stem = stem(&name).to_owned();
        if stem.trim().is_empty() {
            continue;
        }
        let q = MediaQuery::search(&stem, s.kind.search_type(), 1, 50, None, true);
        let list = client.search_media(&q).await?.media_list;
        let titled: Vec<_> = list
            .iter()
            .filter(|m| {
                m.details().is_some_and(|d| d.title.eq_ignore_ascii_case(&stem) || d.title.eq_ignore_ascii_case(&name))
            })
            .collect();
        let chosen = match titled.as_slice() {
            [one] => Some((one.media_id.clone(), one.details().map(|d| d.title.clone()).unwrap_or_default())),
            [] => by_file_name(client, &list, &name).await?,
            many => {
                let ids: Vec<String> = many.iter().map(|m| m.media_id.clone()).collect();
                res.problems.push(t!("ix-library-several", file = name.as_str(), ids = ids.join(", ")));
                None
            }
        };
        if let Some((id, title)) = chosen {
            res.set(i, id, Found::Library(title));
        }
    }
    Ok(())
}

/// Among search results, the one media whose uploaded file had this name (GetMezzanineInfo).
async fn by_file_name(
    client: &Client,
    list: &[crate::api::calls::MediaItem],
    name: &str,
) -> Result<Option<(String, String)>, ApiError> {
    let mut hits = Vec::new();
    for m in list.iter().filter(|m| m.media_type == "video" || m.media_type == "audio").take(20) {
        match client.get_mezzanine_info(&m.media_id).await {
            Ok(mz) if mz.file_name.rsplit(['/', '\\']).next().is_some_and(|f| f.eq_ignore_ascii_case(name)) => {
                hits.push((m.media_id.clone(), m.details().map(|d| d.title.clone()).unwrap_or_default()));
            }
            Ok(_) => {}
            // A medium without a source file (an image, a production) is simply not it.
            Err(ApiError::Service(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(if hits.len() == 1 { hits.pop() } else { None })
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "5aed81b74ba84920be578cdfe004af4b";
    const B: &str = "789f9b4d7cf14dc7b83b0e801cbe0002";

    fn source(path: &str) -> Source {
        Source { name: "x".into(), path: Some(path.into()), kind: SourceKind::Video, duration: None, media_id: None }
    }

    #[test]
    fn a_map_matches_by_path_then_by_name() {
        let text = format!(
            "\u{feff}MediaId,file,note\r\n{A},harbour.mov,x\n\"{B}\",\"/media/shots/Market, day 2.mov\",\"said \"\"hi\"\"\"\n\n"
        );
        let map = parse_map(&text).unwrap();
        assert_eq!(map.find(&source("/elsewhere/HARBOUR.MOV")), Some(A));
        assert_eq!(map.find(&source("/media/shots/Market, day 2.mov")), Some(B));
        assert_eq!(map.find(&source("/other/Market, day 2.mov")), None, "a path row matches that path only");
        let url = parse_map(&format!("file,MediaId\nfile:///m/a%20b.mov,{A}\n")).unwrap();
        assert_eq!(url.find(&source("/m/a b.mov")), Some(A));
    }

    #[test]
    fn bad_maps_say_which_line() {
        assert!(parse_map("name,id\nx,y\n").unwrap_err().contains("file,MediaId"));
        let e = parse_map(&format!("file,MediaId\na.mov,{A}\nb.mov,not-an-id\n")).unwrap_err();
        assert!(e.contains('3') && e.contains("not-an-id"), "{e}");
        let e = parse_map(&format!("file,MediaId\na.mov,{A}\nA.MOV,{B}\n")).unwrap_err();
        assert!(e.contains('3'), "{e}");
        assert!(parse_map(&format!("file,MediaId\n\"a.mov,{A}\n")).unwrap_err().contains('2'));
        assert!(parse_map(&format!("file,MediaId\n,{A}\n")).is_err());
        assert!(parse_map("").is_err());
    }

    #[test]
    fn stems_drop_one_extension() {
        assert_eq!(stem("harbour.mov"), "harbour");
        assert_eq!(stem("take.1.mov"), "take.1");
        assert_eq!(stem(".hidden"), ".hidden");
        assert_eq!(stem("reel 3"), "reel 3");
    }
}
