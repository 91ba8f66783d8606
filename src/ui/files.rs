//! File dialogs and disk I/O off the UI thread.
//!
//! Each request runs on the core's executor (its blocking pool) and reports back over a
//! channel; the executor then wakes the UI. Every dialog sits behind [`Picker`] (opening,
//! saving, choosing media to upload), so tests answer them without a desktop portal.

use crate::interchange::media::{self, Resolution};
use crate::interchange::report::Imported;
use crate::model::Project;
use crate::store::project_file::{self, FileError, Opened};
use crate::store::stamp::{self, Change, Stamp};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// Asks the user for a path. `None` means they cancelled.
pub trait Picker: Send + Sync {
    fn pick_open(&self) -> Option<PathBuf>;
    fn pick_save(&self, suggested_name: &str) -> Option<PathBuf>;
    /// Video, audio and image files to upload (File > Upload media…); empty: cancelled.
    fn pick_media(&self) -> Vec<PathBuf> {
        Vec::new()
    }
    /// A subtitle file to import (File > Import subtitles…); by default the open dialog's
    /// answer (test pickers give one path for both).
    fn pick_subtitles(&self) -> Option<PathBuf> {
        self.pick_open()
    }
    /// Where to write an .srt (File > Export subtitles…); by default the save dialog's answer.
    fn pick_subtitles_save(&self, suggested_name: &str) -> Option<PathBuf> {
        self.pick_save(suggested_name)
    }
    /// An edit from another editor to import (File > Import edit…).
    fn pick_edit(&self) -> Option<PathBuf> {
        None
    }
    /// A `file,MediaId` map for the edit just imported (the report's Apply a media map…).
    fn pick_map(&self) -> Option<PathBuf> {
        None
    }
    /// Where to write an `.otio` (File > Export > OpenTimelineIO…).
    fn pick_otio(&self, _suggested_name: &str) -> Option<PathBuf> {
        None
    }
    /// Whether a dialog can be shown at all (else the editor asks for a typed path, instead
    /// of a dialog that silently never appears).
    fn available(&self) -> bool {
        true
    }
}

/// The platform's file dialogs (xdg portal, zenity fallback on Linux). The default knows of
/// no desktop (on Linux: no dialog is available, so the editor offers its typed-path browser).
#[derive(Default)]
pub struct NativePicker {
    /// Where a session bus or zenity would be, from the environment.
    desktop: DesktopHints,
}

/// What the environment says about dialogs: a session bus, its runtime folder, the PATH.
#[derive(Clone, Debug, Default)]
struct DesktopHints {
    bus_address: bool,
    runtime_dir: Option<PathBuf>,
    path: Option<String>,
}

impl NativePicker {
    pub fn new(env: &crate::core::Env) -> Self {
        let desktop = DesktopHints {
            bus_address: env.var("DBUS_SESSION_BUS_ADDRESS").is_some(), // i18n-exempt: a variable's name
            runtime_dir: env.runtime_dir.clone(),
            path: env.var("PATH"), // i18n-exempt: a variable's name
        };
        NativePicker { desktop }
    }
}

impl Picker for NativePicker {
    /// On Linux, rfd needs an xdg desktop portal (over the session D-Bus) or zenity; with
    /// neither it returns "cancelled" without showing anything.
    fn available(&self) -> bool {
        if !cfg!(target_os = "linux") {
            return true;
        }
        let d = &self.desktop;
        let on_path =
            |name: &str| d.path.as_ref().is_some_and(|p| std::env::split_paths(p).any(|dir| dir.join(name).is_file()));
        let bus = d.bus_address || d.runtime_dir.as_ref().is_some_and(|r| r.join("bus").exists());
        bus || on_path("zenity") // i18n-exempt: a program's name
    }

    fn pick_media(&self) -> Vec<PathBuf> {
        use crate::upload::check::{AUDIO_EXTS, IMAGE_EXTS, VIDEO_EXTS};
        let mut exts: Vec<&str> = VIDEO_EXTS.to_vec();
        exts.extend_from_slice(AUDIO_EXTS);
        exts.extend_from_slice(IMAGE_EXTS);
        rfd::FileDialog::new().add_filter(crate::t!("cloud-up-filter"), &exts).pick_files().unwrap_or_default()
    }

    fn pick_subtitles(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(crate::t!("subtitles-filter"), &["srt", "vtt", "ass", "ssa"]) // i18n-exempt: extensions
            .add_filter(crate::t!("shell-kind-all"), &["*"])
            .pick_file()
    }

    fn pick_subtitles_save(&self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(crate::t!("subtitles-filter-srt"), &["srt"]) // i18n-exempt: an extension
            .set_file_name(suggested_name)
            .save_file()
    }

    fn pick_open(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(crate::t!("shell-filter-project-or-timeline"), &["vodcut", "json"]) // i18n-exempt: extensions
            .add_filter(crate::t!("shell-kind-all"), &["*"])
            .pick_file()
    }

    fn pick_edit(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(crate::t!("ix-ui-filter-edits"), &["otio", "xml", "fcpxml", "edl"]) // i18n-exempt: extensions
            .add_filter(crate::t!("shell-kind-all"), &["*"])
            .pick_file()
    }

    fn pick_map(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(crate::t!("ix-ui-filter-map"), &["csv"]) // i18n-exempt: an extension
            .add_filter(crate::t!("shell-kind-all"), &["*"])
            .pick_file()
    }

    fn pick_otio(&self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("OpenTimelineIO", &["otio"]) // i18n-exempt: a format's name and extension
            .set_file_name(suggested_name)
            .save_file()
            .map(|p| if p.extension().is_none() { p.with_extension("otio") } else { p })
    }

    fn pick_save(&self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(crate::t!("shell-filter-project"), &[project_file::EXTENSION])
            .set_file_name(suggested_name)
            .save_file()
            .map(|p| if p.extension().is_none() { p.with_extension(project_file::EXTENSION) } else { p })
    }
}

pub enum FileEvent {
    /// With the stamp of what was read (see [`crate::store::stamp`]).
    Opened { path: PathBuf, result: Result<Box<(Opened, Stamp)>, FileError> },
    /// `revision` is the document revision that was written; the stamp is what was written.
    Saved { path: PathBuf, revision: u64, result: Result<Stamp, FileError> },
    /// The file changed on disk since it was opened or saved (`submit` wrote a ProjectId into
    /// it, another program...): nothing was written. `saving`: found by a save (else by the
    /// check when the window came back to the front).
    ChangedOnDisk { path: PathBuf, saving: bool },
    /// The file is as stamped, or only touched (its new stamp).
    Unchanged { path: PathBuf, stamp: Option<Stamp> },
    /// The user closed a dialog without choosing.
    Cancelled,
    /// No file dialog can be shown here: the editor falls back to its own browser.
    NoDialog { purpose: crate::ui::browser::BrowseFor },
    /// Media chosen to upload.
    MediaChosen(Vec<PathBuf>),
    /// A subtitle file read and checked (for the track named, when dropped on one).
    SubtitlesRead {
        path: PathBuf,
        track: Option<String>,
        result: Result<Vec<crate::subtitles::Cue>, crate::subtitles::SubError>,
    },
    /// An .srt written (its number of subtitles), or why not.
    SubtitlesWritten { path: PathBuf, result: Result<usize, String> },
    /// An edit from another editor chosen: the import's dialog asks the rest (a map; an
    /// EDL's frame rate, `drop_frame` when its timecode says drop-frame).
    EditChosen { path: PathBuf, drop_frame: bool },
    /// A `file,MediaId` map chosen for the import's dialog.
    MapChosen(PathBuf),
    /// An edit from another editor, read and made a project, or why not.
    Imported { path: PathBuf, result: Result<Box<ImportDone>, String> },
    /// A map read for the clips still waiting for their media (the report's Apply a media map…).
    MapRead { path: PathBuf, result: Result<crate::interchange::media::MediaMap, String> },
    /// The project written as `.otio`: what it could not carry (or why nothing was written).
    ExportedOtio { path: PathBuf, result: Result<Vec<String>, String> },
    /// The executor could not start: nothing was done.
    Failed(String),
}

pub struct FileWorker {
    picker: Arc<dyn Picker>,
    executor: crate::core::Executor,
    tx: Sender<FileEvent>,
    rx: Receiver<FileEvent>,
    /// Requests started and not yet reported.
    busy: usize,
}

impl FileWorker {
    pub fn new(picker: Arc<dyn Picker>, executor: crate::core::Executor) -> Self {
        let (tx, rx) = channel();
        FileWorker { picker, executor, tx, rx, busy: 0 }
    }

    pub fn is_busy(&self) -> bool {
        self.busy > 0
    }

    fn spawn(&mut self, job: impl FnOnce(&dyn Picker) -> FileEvent + Send + 'static) {
        let picker = self.picker.clone();
        if self.executor.run_blocking(self.tx.clone(), move || job(picker.as_ref())) {
            self.busy += 1;
        } else {
            let _ = self.tx.send(FileEvent::Failed(self.executor.error().unwrap_or_default()));
            self.busy += 1;
        }
    }

    /// Asks for media files to upload (File > Upload media…).
    pub fn choose_media(&mut self) {
        self.spawn(|picker| {
            if !picker.available() {
                return FileEvent::NoDialog { purpose: crate::ui::browser::BrowseFor::Upload };
            }
            match picker.pick_media() {
                paths if paths.is_empty() => FileEvent::Cancelled,
                paths => FileEvent::MediaChosen(paths),
            }
        });
    }

    /// Reads a subtitle file (asking for one unless `path` is given: a file dropped on the
    /// window, on `track` when that is a subtitle track). Reading and checking are disk work:
    /// here, off the UI thread; the UI makes the edit from the cues.
    pub fn read_subtitles(&mut self, path: Option<PathBuf>, track: Option<String>) {
        self.spawn(move |picker| {
            if path.is_none() && !picker.available() {
                return FileEvent::Failed(crate::t!("subtitles-no-dialog"));
            }
            match path.or_else(|| picker.pick_subtitles()) {
                Some(path) => FileEvent::SubtitlesRead { result: crate::subtitles::read(&path, None), path, track },
                None => FileEvent::Cancelled,
            }
        });
    }

    /// Asks where, then writes `srt` (`n` subtitles) there through the output rules
    /// (`store::output`: never over the project `input`, an .srt replaced, anything else kept).
    pub fn write_subtitles(&mut self, srt: String, n: usize, suggested: String, input: Option<PathBuf>) {
        self.spawn(move |picker| {
            if !picker.available() {
                return FileEvent::Failed(crate::t!("subtitles-no-dialog"));
            }
            let Some(path) = picker.pick_subtitles_save(&suggested) else { return FileEvent::Cancelled };
            let target = crate::store::output::Target {
                path: path.clone(),
                kind: crate::store::output::Kind::Srt,
                inputs: input.into_iter().collect(),
                force: false,
            };
            let result = crate::store::output::write(&target, srt.as_bytes()).map(|()| n).map_err(|e| e.to_string());
            FileEvent::SubtitlesWritten { path, result }
        });
    }

    /// Asks for a file (unless `path` is given) and opens it.
    pub fn open(&mut self, path: Option<PathBuf>) {
        self.spawn(move |picker| {
            if path.is_none() && !picker.available() {
                return FileEvent::NoDialog { purpose: crate::ui::browser::BrowseFor::Open };
            }
            match path.or_else(|| picker.pick_open()) {
                // A template too, whose time and number fields hold slots (template::open).
                Some(path) => {
                    FileEvent::Opened { result: crate::template::open::open_stamped(&path).map(Box::new), path }
                }
                None => FileEvent::Cancelled,
            }
        });
    }

    /// Saves a snapshot of the project to `path`, or asks where first. With `expected` (the
    /// stamp of the file as the document last read or wrote it), a file changed since is not
    /// replaced: [`FileEvent::ChangedOnDisk`] instead.
    pub fn save(&mut self, project: Project, revision: u64, path: Option<PathBuf>, expected: Option<Stamp>) {
        let suggested = format!("{}.{}", crate::i18n::describe::project_title(&project), project_file::EXTENSION);
        self.spawn(move |picker| {
            if path.is_none() && !picker.available() {
                return FileEvent::NoDialog { purpose: crate::ui::browser::BrowseFor::Save };
            }
            let Some(path) = path.or_else(|| picker.pick_save(&suggested)) else { return FileEvent::Cancelled };
            if let Some(known) = &expected
                && matches!(stamp::compare(&path, known), Change::Changed | Change::Unreadable(_))
            {
                return FileEvent::ChangedOnDisk { path, saving: true };
            }
            FileEvent::Saved { result: project_file::save_stamped(&path, &project), path, revision }
        });
    }

    /// Asks for an edit from another editor (unless `path` is given); for an EDL, looks at
    /// whether its timecode is drop-frame (the import's dialog offers its frame rate).
    pub fn choose_edit(&mut self, path: Option<PathBuf>) {
        self.spawn(move |picker| {
            if path.is_none() && !picker.available() {
                return FileEvent::NoDialog { purpose: crate::ui::browser::BrowseFor::ImportEdit };
            }
            let Some(path) = path.or_else(|| picker.pick_edit()) else { return FileEvent::Cancelled };
            let drop_frame = crate::interchange::Format::of_path(&path) == Some(crate::interchange::Format::Edl)
                && crate::store::input::read_bounded(&path, crate::interchange::bounds::MAX_BYTES)
                    .is_ok_and(|b| crate::interchange::edl::says_drop_frame(&b));
            FileEvent::EditChosen { path, drop_frame }
        });
    }

    /// Asks for a `file,MediaId` map (for the import's dialog).
    pub fn choose_map(&mut self) {
        self.spawn(move |picker| {
            if !picker.available() {
                return FileEvent::NoDialog { purpose: crate::ui::browser::BrowseFor::Map };
            }
            picker.pick_map().map_or(FileEvent::Cancelled, FileEvent::MapChosen)
        });
    }

    /// Reads the edit at `path` and makes it a project, as `vodcut import` does: MediaIds the
    /// file carries, then the map, then (with `conn`) the library by file name. What is still
    /// missing is listed with whether its file is on this machine (to offer an upload).
    pub fn import_edit(
        &mut self,
        path: PathBuf,
        options: crate::interchange::Options,
        map: Option<PathBuf>,
        conn: Option<crate::core::connect::Connection>,
    ) {
        self.spawn(move |_| {
            let result = import_now(&path, &options, map.as_deref(), conn).map(Box::new);
            FileEvent::Imported { path, result }
        });
    }

    /// Asks for a `file,MediaId` map (unless `path` is given) and reads it (the report's Apply
    /// a media map…).
    pub fn read_map(&mut self, path: Option<PathBuf>) {
        self.spawn(move |picker| {
            if path.is_none() && !picker.available() {
                return FileEvent::NoDialog { purpose: crate::ui::browser::BrowseFor::Map };
            }
            let Some(path) = path.or_else(|| picker.pick_map()) else { return FileEvent::Cancelled };
            FileEvent::MapRead { result: crate::interchange::media::read_map(&path), path }
        });
    }

    /// Asks where (unless `path` is given) and writes `project` as `.otio`: never over the
    /// project's own file (`input`), nor over a file of another kind.
    pub fn export_otio(&mut self, project: Project, input: Option<PathBuf>, path: Option<PathBuf>) {
        let suggested = format!("{}.otio", crate::i18n::describe::project_title(&project)); // i18n-exempt: an extension
        self.spawn(move |picker| {
            if path.is_none() && !picker.available() {
                return FileEvent::NoDialog { purpose: crate::ui::browser::BrowseFor::ExportOtio };
            }
            let Some(path) = path.or_else(|| picker.pick_otio(&suggested)) else { return FileEvent::Cancelled };
            let (text, notes) = crate::interchange::otio_write::write(&project);
            let target = crate::store::output::Target {
                path: path.clone(),
                kind: crate::store::output::Kind::Otio,
                inputs: input.into_iter().collect(),
                force: false,
            };
            let result =
                crate::store::output::write(&target, text.as_bytes()).map(|()| notes).map_err(|e| e.to_string());
            FileEvent::ExportedOtio { path, result }
        });
    }

    /// Compares the file at `path` with `known` (the window came back to the front).
    pub fn check(&mut self, path: PathBuf, known: Stamp) {
        self.spawn(move |_| match stamp::compare(&path, &known) {
            Change::Changed => FileEvent::ChangedOnDisk { path, saving: false },
            Change::Touched(now) => FileEvent::Unchanged { path, stamp: Some(now) },
            // Gone or unreadable for now: the next save finds out (and says why).
            _ => FileEvent::Unchanged { path, stamp: None },
        });
    }

    /// Events that have arrived since the last call.
    pub fn poll(&mut self) -> Vec<FileEvent> {
        let events: Vec<_> = self.rx.try_iter().collect();
        self.busy -= events.len().min(self.busy);
        events
    }
}

/// An import made: the project and its report, and the sources still without media.
#[derive(Debug)]
pub struct ImportDone {
    pub imported: Imported,
    pub waiting: Vec<Waiting>,
}

/// A source of an imported edit that has no media yet: its clips keep their place, named by
/// `file` (the clips' [`crate::model::wire::SOURCE_FILE`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Waiting {
    pub file: String,
    pub clips: usize,
    /// The file itself, when it is a file on this machine (it can be uploaded).
    pub local: Option<PathBuf>,
}

/// The import's work, on the blocking pool: reading, the map, the library (the CLI's order).
fn import_now(
    path: &std::path::Path,
    options: &crate::interchange::Options,
    map: Option<&std::path::Path>,
    conn: Option<crate::core::connect::Connection>,
) -> Result<ImportDone, String> {
    let seq = crate::interchange::read_file(path, options).map_err(|e| e.to_string())?;
    let map = map.map(media::read_map).transpose()?;
    let mut res = Resolution::new(&seq, map.as_ref());
    if res.missing().next().is_some()
        && let Some(conn) = conn
    {
        // On the blocking pool, inside the runtime: waiting here holds no UI.
        let searched = match tokio::runtime::Handle::try_current() {
            Ok(rt) => rt
                .block_on(async {
                    let client = conn.client()?;
                    media::match_library(&client, &seq, &mut res).await
                })
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        if let Err(e) = searched {
            res.problems.push(crate::t!("ix-ui-library-skipped", error = e));
        }
    }
    let imported = crate::interchange::report::finish(&seq, &res);
    let missing: Vec<usize> = res.missing().collect();
    let waiting = missing
        .into_iter()
        .map(|i| {
            let s = &seq.sources[i];
            let clips = seq.tracks.iter().flat_map(|t| &t.clips).filter(|c| c.source == i).count();
            let local = s.path.as_deref().map(PathBuf::from).filter(|p| p.is_file());
            Waiting { file: s.key().to_owned(), clips, local }
        })
        .filter(|w| w.clips > 0)
        .collect();
    Ok(ImportDone { imported, waiting })
}
