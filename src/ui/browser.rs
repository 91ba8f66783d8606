//! The in-app file browser, for desktops where no native file dialog can appear (no xdg
//! portal, no zenity): a path bar (focused on opening, so a typed path and Enter still work),
//! the folder's contents (folders first), recent places, a file-type filter and a name filter,
//! and for saving a file name. Used for Open, Save As and Upload.
//!
//! Hand-written rather than egui_file: that crate has no places list, its path bar cannot be
//! given the keyboard focus, and it reads folders on the UI thread. Here a folder is read on
//! a thread of its own and shown when it arrives, so a slow or hung mount never stalls a frame.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

/// What the browser is choosing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrowseFor {
    Open,
    Save,
    Upload,
    /// An edit from another editor (File > Import edit…).
    ImportEdit,
    /// Where an `.otio` goes (File > Export > OpenTimelineIO…).
    ExportOtio,
    /// A `file,MediaId` map (the import's dialog, the import report).
    Map,
}

/// Which files are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `.vodcut` projects and API Timeline `.json` files.
    Projects,
    /// Edits from other editors: `.otio`, `.xml`, `.fcpxml`, `.edl`.
    Edits,
    /// Video, audio and images VOD takes.
    Media,
    /// `file,MediaId` maps: `.csv`.
    Maps,
    All,
}

impl Kind {
    pub fn label(self) -> String {
        match self {
            Kind::Projects => crate::t!("shell-kind-projects"),
            Kind::Edits => crate::t!("ix-ui-filter-edits"),
            Kind::Media => crate::t!("shell-kind-media"),
            Kind::Maps => crate::t!("ix-ui-filter-map"),
            Kind::All => crate::t!("shell-kind-all"),
        }
    }

    pub fn accepts(self, name: &str) -> bool {
        let ext = Path::new(name).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        match self {
            Kind::Projects => ext == crate::store::project_file::EXTENSION || ext == "json",
            Kind::Edits => crate::interchange::Format::of_path(Path::new(name)).is_some(),
            Kind::Media => {
                use crate::upload::check::{AUDIO_EXTS, IMAGE_EXTS, VIDEO_EXTS};
                VIDEO_EXTS.iter().chain(AUDIO_EXTS).chain(IMAGE_EXTS).any(|x| x.eq_ignore_ascii_case(&ext))
            }
            Kind::Maps => ext == "csv",
            Kind::All => true,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub path: PathBuf,
    pub is_dir: bool,
    pub size: u64,
}

/// Reads a folder: folders first, then files, each by name (case-insensitive). Hidden entries
/// (a leading dot) only when asked.
pub fn read_folder(dir: &Path, hidden: bool) -> Result<Vec<Entry>, String> {
    let rd = std::fs::read_dir(dir)
        .map_err(|e| crate::t!("shell-cannot-read", path = dir.display().to_string(), error = e.to_string()))?;
    let mut out: Vec<Entry> = rd
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if !hidden && name.starts_with('.') {
                return None;
            }
            let path = e.path();
            // Follows symlinks, so a linked folder opens like a folder.
            let meta = std::fs::metadata(&path).ok();
            Some(Entry {
                is_dir: meta.as_ref().is_some_and(|m| m.is_dir()),
                size: meta.as_ref().map_or(0, |m| m.len()),
                name,
                path,
            })
        })
        .collect();
    out.sort_by(|a, b| b.is_dir.cmp(&a.is_dir).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())));
    Ok(out)
}

/// What is shown of a folder: every folder, and the files of `kind` whose name contains
/// `filter` (case-insensitive).
pub fn visible<'a>(entries: &'a [Entry], kind: Kind, filter: &str) -> Vec<&'a Entry> {
    let needle = filter.trim().to_lowercase();
    entries
        .iter()
        .filter(|e| e.is_dir || kind.accepts(&e.name))
        .filter(|e| needle.is_empty() || e.name.to_lowercase().contains(&needle))
        .collect()
}

/// A place's name: the usual folders by what they are (in the user's language), the others
/// by their name on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Home,
    Desktop,
    Documents,
    Videos,
    /// A recent file's folder.
    Recent(String),
    Root,
}

impl Place {
    /// The name shown, looked up when drawn (the language can change while the browser is open).
    pub fn label(&self) -> String {
        match self {
            Place::Home => format!("🏠 {}", crate::t!("shell-place-home")),
            Place::Desktop => format!("📁 {}", crate::t!("shell-place-desktop")),
            Place::Documents => format!("📁 {}", crate::t!("shell-place-documents")),
            Place::Videos => format!("📁 {}", crate::t!("shell-place-videos")),
            Place::Recent(name) => format!("🕘 {name}"),
            Place::Root => "💻 /".into(),
        }
    }
}

/// Places to jump to: home and its usual folders, the folders of recent files, the root.
pub fn places(recent: &[PathBuf]) -> Vec<(Place, PathBuf)> {
    let mut out: Vec<(Place, PathBuf)> = Vec::new();
    let mut add = |place: Place, p: PathBuf| {
        if !out.iter().any(|(_, q)| *q == p) {
            out.push((place, p));
        }
    };
    if let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_owned()) {
        add(Place::Home, home);
    }
    if let Some(u) = directories::UserDirs::new() {
        for (place, dir) in
            [(Place::Desktop, u.desktop_dir()), (Place::Documents, u.document_dir()), (Place::Videos, u.video_dir())]
        {
            if let Some(d) = dir {
                add(place, d.to_owned());
            }
        }
    }
    for f in recent {
        if let Some(parent) = f.parent().filter(|p| !p.as_os_str().is_empty()) {
            let name = parent.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "/".into());
            add(Place::Recent(name), parent.to_owned());
        }
    }
    add(Place::Root, PathBuf::from("/"));
    out
}

/// A folder read on its thread: which folder, and what it holds (or why not).
type Listing = (PathBuf, Result<Vec<Entry>, String>);

/// The answer of a frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Pending,
    Chosen(Vec<PathBuf>),
    Cancelled,
}

pub struct Browser {
    pub purpose: BrowseFor,
    pub dir: PathBuf,
    /// The path bar's text.
    pub path_text: String,
    /// Save: the file name.
    pub name: String,
    pub kind: Kind,
    /// Only names containing this.
    pub filter: String,
    pub show_hidden: bool,
    /// Why this browser is shown instead of the desktop's dialog.
    pub note: Option<String>,
    entries: Option<Result<Vec<Entry>, String>>,
    listing: Option<Receiver<Listing>>,
    /// Selected files (several for Upload).
    pub selected: Vec<PathBuf>,
    places: Vec<(Place, PathBuf)>,
    /// Just opened: the path bar takes the focus.
    fresh: bool,
    /// Folders are read on the core's executor (it wakes the editor when one is read).
    executor: crate::core::Executor,
}

impl Browser {
    /// A browser at `start` (else the current folder), listing it at once.
    pub fn new(
        executor: crate::core::Executor,
        purpose: BrowseFor,
        start: Option<PathBuf>,
        name: String,
        recent: &[PathBuf],
    ) -> Self {
        let dir = start.filter(|d| d.is_absolute()).unwrap_or_else(|| std::env::current_dir().unwrap_or_default());
        let kind = match purpose {
            BrowseFor::Upload => Kind::Media,
            BrowseFor::ImportEdit | BrowseFor::ExportOtio => Kind::Edits,
            BrowseFor::Map => Kind::Maps,
            _ => Kind::Projects,
        };
        let mut b = Browser {
            purpose,
            path_text: String::new(),
            dir: PathBuf::new(),
            name,
            kind,
            filter: String::new(),
            show_hidden: false,
            note: None,
            entries: None,
            listing: None,
            selected: Vec::new(),
            places: places(recent),
            fresh: true,
            executor,
        };
        b.go(dir);
        b
    }

    /// Shows `dir` (read in the background; the editor is woken when it is read).
    pub fn go(&mut self, dir: PathBuf) {
        self.path_text = dir.display().to_string();
        self.dir = dir.clone();
        self.selected.clear();
        self.entries = None;
        let (tx, rx) = channel();
        self.listing = Some(rx);
        let hidden = self.show_hidden;
        self.executor.run_blocking(tx, move || {
            let result = read_folder(&dir, hidden);
            (dir, result)
        });
    }

    /// Whether the folder is still being read.
    pub fn loading(&self) -> bool {
        self.entries.is_none()
    }

    fn poll(&mut self, ctx: &egui::Context) {
        if let Some(rx) = &self.listing {
            match rx.try_recv() {
                Ok((dir, result)) if dir == self.dir => {
                    self.entries = Some(result);
                    self.listing = None;
                }
                Ok(_) => {}
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(50));
                }
                Err(_) => self.listing = None,
            }
        }
    }

    /// The path typed in the bar, resolved against the folder shown.
    fn typed_path(&self) -> PathBuf {
        let t = self.path_text.trim();
        let p = PathBuf::from(t);
        if p.is_absolute() { p } else { self.dir.join(p) }
    }

    /// What Enter in the path bar means: a folder is shown; a file is chosen (for saving, a
    /// path whose folder exists is chosen too).
    fn submit_path(&mut self) -> Outcome {
        let p = self.typed_path();
        if p.is_dir() {
            self.go(p);
            return Outcome::Pending;
        }
        match self.purpose {
            BrowseFor::Open | BrowseFor::Upload | BrowseFor::ImportEdit | BrowseFor::Map if p.is_file() => {
                Outcome::Chosen(vec![p])
            }
            BrowseFor::Save | BrowseFor::ExportOtio if p.parent().is_some_and(Path::is_dir) => {
                Outcome::Chosen(vec![self.with_extension(p)])
            }
            _ => {
                self.note = Some(crate::t!("shell-does-not-exist", path = p.display().to_string()));
                Outcome::Pending
            }
        }
    }

    /// Whether it chooses a file to write (a name is typed), not one to read.
    fn saving(&self) -> bool {
        matches!(self.purpose, BrowseFor::Save | BrowseFor::ExportOtio)
    }

    fn with_extension(&self, p: PathBuf) -> PathBuf {
        let otio = self.purpose == BrowseFor::ExportOtio;
        let ext = if otio { "otio" } else { crate::store::project_file::EXTENSION }; // i18n-exempt: an extension
        if p.extension().is_none() { p.with_extension(ext) } else { p }
    }

    /// The file a Save would write.
    pub fn save_target(&self) -> Option<PathBuf> {
        let name = self.name.trim();
        (!name.is_empty()).then(|| self.with_extension(self.dir.join(name)))
    }

    fn title(&self) -> String {
        match self.purpose {
            BrowseFor::Open => crate::t!("shell-browse-open"),
            BrowseFor::Save => crate::t!("shell-browse-save"),
            BrowseFor::Upload => crate::t!("shell-browse-upload"),
            BrowseFor::ImportEdit => crate::t!("ix-ui-browse-import"),
            BrowseFor::ExportOtio => crate::t!("ix-ui-browse-export"),
            BrowseFor::Map => crate::t!("ix-ui-browse-map"),
        }
    }

    fn verb(&self) -> String {
        match self.purpose {
            BrowseFor::Open => crate::t!("ui-open"),
            BrowseFor::Save => crate::t!("ui-save"),
            BrowseFor::Upload => crate::t!("shell-upload-chosen"),
            BrowseFor::ImportEdit => crate::t!("ix-ui-import"),
            BrowseFor::ExportOtio => crate::t!("ix-ui-export"),
            BrowseFor::Map => crate::t!("ix-ui-browse-map-verb"),
        }
    }

    /// Draws the browser (a modal) and says what the user did.
    pub fn show(&mut self, ctx: &egui::Context) -> Outcome {
        self.poll(ctx);
        let mut outcome = Outcome::Pending;
        let mut go_to: Option<PathBuf> = None;
        let modal = egui::Modal::new(egui::Id::unique("vodcut-file-browser")).show(ctx, |ui| {
            ui.set_width(720.0);
            ui.heading(self.title());
            if let Some(note) = &self.note {
                ui.colored_label(ui.visuals().warn_fg_color, note);
            }
            // The path bar.
            ui.horizontal(|ui| {
                let up = ui.add_enabled(self.dir.parent().is_some(), egui::Button::new("⬆"));
                if up.on_hover_text(crate::t!("shell-folder-above")).clicked() {
                    go_to = self.dir.parent().map(Path::to_owned);
                }
                let out = egui::TextEdit::singleline(&mut self.path_text).desired_width(600.0).show(ui);
                let r = out.response.response.clone();
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, crate::t!("shell-path")));
                if self.fresh {
                    self.fresh = false;
                    r.request_focus();
                    // Selected, so typing a whole path replaces the folder shown.
                    let mut state = out.state;
                    let n = self.path_text.chars().count();
                    let all = egui::text::CCursorRange::two(egui::text::CCursor::new(0), egui::text::CCursor::new(n));
                    state.cursor.set_char_range(Some(all));
                    state.store(ui.ctx(), r.id);
                }
                if (r.lost_focus() || r.has_focus()) && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    outcome = self.submit_path();
                }
                if ui.button(crate::t!("shell-go")).clicked() {
                    outcome = self.submit_path();
                }
            });
            ui.separator();
            ui.horizontal_top(|ui| {
                // Recent places.
                ui.vertical(|ui| {
                    ui.set_width(150.0);
                    ui.label(egui::RichText::new(crate::t!("shell-places")).strong());
                    for (place, p) in &self.places {
                        let label = place.label();
                        if ui.selectable_label(*p == self.dir, label).on_hover_text(p.display().to_string()).clicked() {
                            go_to = Some(p.clone());
                        }
                    }
                });
                // No separator here: in a row it would stretch to the (unbounded) height.
                ui.add_space(8.0);
                ui.vertical(|ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("browser-list")
                        .max_height(320.0)
                        .min_scrolled_height(320.0)
                        .show(ui, |ui| {
                            ui.set_min_width(540.0);
                            match &self.entries {
                                None => {
                                    ui.horizontal(|ui| {
                                        ui.spinner();
                                        ui.label(crate::t!("shell-reading-folder"));
                                    });
                                }
                                Some(Err(e)) => {
                                    ui.colored_label(ui.visuals().error_fg_color, e);
                                }
                                Some(Ok(entries)) => {
                                    let shown = visible(entries, self.kind, &self.filter);
                                    if shown.is_empty() {
                                        ui.weak(crate::t!("shell-nothing-matches"));
                                    }
                                    for e in shown {
                                        let text = if e.is_dir {
                                            format!("📁 {}/", e.name)
                                        } else {
                                            format!("🗋 {}    {}", e.name, crate::i18n::format::size(e.size))
                                        };
                                        let on = self.selected.contains(&e.path);
                                        let r = ui.selectable_label(on, text);
                                        if r.double_clicked() {
                                            if e.is_dir {
                                                go_to = Some(e.path.clone());
                                            } else {
                                                // A file: open it, upload it, or save over it.
                                                outcome = Outcome::Chosen(vec![e.path.clone()]);
                                            }
                                        } else if r.clicked() && !e.is_dir {
                                            let add = self.purpose == BrowseFor::Upload
                                                && ui.input(|i| i.modifiers.command || i.modifiers.shift);
                                            if !add {
                                                self.selected.clear();
                                            }
                                            if on && add {
                                                self.selected.retain(|p| *p != e.path);
                                            } else {
                                                self.selected.push(e.path.clone());
                                            }
                                            if self.saving() {
                                                self.name = e.name.clone();
                                            }
                                        } else if r.clicked() {
                                            go_to = Some(e.path.clone());
                                        }
                                    }
                                }
                            }
                        });
                });
            });
            ui.separator();
            ui.horizontal(|ui| {
                let l = ui.label(crate::t!("shell-show"));
                egui::ComboBox::from_id_salt("browser-kind")
                    .selected_text(self.kind.label())
                    .show_ui(ui, |ui| {
                        for k in [Kind::Projects, Kind::Edits, Kind::Media, Kind::Maps, Kind::All] {
                            ui.selectable_value(&mut self.kind, k, k.label());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                let l = ui.label(crate::t!("shell-names-containing"));
                ui.add(egui::TextEdit::singleline(&mut self.filter).desired_width(160.0)).labelled_by(l.id);
                if ui.checkbox(&mut self.show_hidden, crate::t!("shell-hidden-files")).changed() {
                    go_to = Some(self.dir.clone());
                }
            });
            if self.saving() {
                ui.horizontal(|ui| {
                    let l = ui.label(crate::t!("shell-file-name"));
                    let r = ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(400.0)).labelled_by(l.id);
                    if r.lost_focus()
                        && ui.input(|i| i.key_pressed(egui::Key::Enter))
                        && let Some(p) = self.save_target()
                    {
                        outcome = Outcome::Chosen(vec![p]);
                    }
                });
                if let Some(p) = self.save_target().filter(|p| p.exists()) {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        crate::t!(
                            "shell-save-replaces",
                            name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
                        ),
                    );
                }
            }
            ui.horizontal(|ui| {
                let ready = if self.saving() { self.save_target().is_some() } else { !self.selected.is_empty() };
                if ui.add_enabled(ready, egui::Button::new(egui::RichText::new(self.verb()).strong())).clicked() {
                    outcome = if self.saving() {
                        Outcome::Chosen(self.save_target().into_iter().collect())
                    } else {
                        Outcome::Chosen(self.selected.clone())
                    };
                }
                if ui.button(crate::t!("ui-cancel")).clicked() {
                    outcome = Outcome::Cancelled;
                }
                if self.purpose == BrowseFor::Upload {
                    ui.weak(crate::t!("shell-ctrl-click"));
                }
            });
        });
        if modal.should_close() && outcome == Outcome::Pending {
            outcome = Outcome::Cancelled;
        }
        if let Some(dir) = go_to {
            self.go(dir);
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_first_then_files_filtered_by_kind_and_name() {
        let d = tempfile::tempdir().unwrap();
        for f in ["b.vodcut", "A.json", "clip.MP4", "notes.txt", ".hidden.vodcut"] {
            std::fs::write(d.path().join(f), "x").unwrap();
        }
        std::fs::create_dir(d.path().join("zfolder")).unwrap();
        let all = read_folder(d.path(), false).unwrap();
        let names: Vec<&str> = all.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["zfolder", "A.json", "b.vodcut", "clip.MP4", "notes.txt"]);
        let names = |k, f| visible(&all, k, f).iter().map(|e| e.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(Kind::Projects, ""), ["zfolder", "A.json", "b.vodcut"]);
        assert_eq!(names(Kind::Media, ""), ["zfolder", "clip.MP4"]);
        assert_eq!(names(Kind::All, "NOT"), ["notes.txt"]);
        assert_eq!(read_folder(d.path(), true).unwrap().len(), 6);
        let e = read_folder(&d.path().join("missing"), false).unwrap_err();
        assert!(e.contains("cannot read") && e.contains("missing"), "{e}");
    }

    #[test]
    fn recent_files_give_their_folders_once() {
        let p = places(&["/work/a/x.vodcut".into(), "/work/a/y.vodcut".into(), "/other/z.json".into()]);
        let dirs: Vec<&Path> = p.iter().map(|(_, d)| d.as_path()).collect();
        assert_eq!(dirs.iter().filter(|d| **d == Path::new("/work/a")).count(), 1);
        assert!(dirs.contains(&Path::new("/other")));
        assert_eq!(*dirs.last().unwrap(), Path::new("/"));
    }
}
