//! Sync without surprises, the same in both faces: before a production with a ProjectId (which
//! replaces the cloud project's Timeline), the cloud project is read (GetEditingProject) and
//! compared with the base (the Timeline last synced, `store::sync_base`). A change in the cloud
//! since (an edit in the VOD console) is never overwritten silently: the faces show the
//! difference and let the user keep mine, take theirs or merge.

use crate::api::{ApiError, Client};
use crate::edit::Edit;
use crate::edit::merge::{Choice, Merged, merge, replace_timeline};
use crate::model::Project;
use crate::model::diff::{Diff, diff};
use crate::model::export::timeline;
use crate::model::wire::Timeline;
use crate::store::sync_base::SyncBases;
use std::path::Path;

/// What the cloud project holds compared with the base and the project.
#[derive(Clone, Debug)]
pub enum Sync {
    /// The cloud has not changed since the base, or holds what the project holds: sending
    /// loses nothing.
    Unchanged,
    /// Changed in the cloud since the base. `diff`: the cloud's changes (base -> theirs);
    /// `merge`: theirs' changes carried into mine, with the conflicts.
    CloudChanged { base: Box<Timeline>, theirs: Box<Timeline>, diff: Diff, merge: Box<Merged> },
    /// No base (a file from another machine, or from before vodcut kept one) and the cloud
    /// differs from the project. `diff`: what taking theirs would change (mine -> theirs).
    NoBase { theirs: Box<Timeline>, diff: Diff },
}

impl Sync {
    /// The cloud's Timeline, when it differs.
    pub fn theirs(&self) -> Option<&Timeline> {
        match self {
            Sync::Unchanged => None,
            Sync::CloudChanged { theirs, .. } | Sync::NoBase { theirs, .. } => Some(theirs),
        }
    }

    /// The difference to show.
    pub fn diff(&self) -> Option<&Diff> {
        match self {
            Sync::Unchanged => None,
            Sync::CloudChanged { diff, .. } | Sync::NoBase { diff, .. } => Some(diff),
        }
    }
}

/// Why the check could not be made (nothing is sent then).
#[derive(Debug)]
pub enum CheckError {
    Api(ApiError),
    /// The cloud's Timeline is not one vodcut can read: said in words.
    Unreadable(String),
}

impl std::fmt::Display for CheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckError::Api(e) => write!(f, "{e}"),
            CheckError::Unreadable(e) => f.write_str(&crate::t!("sync-cloud-unreadable", error = e.as_str())),
        }
    }
}

/// The Timeline as vodcut writes it: what is sent, and the form every side is compared in
/// (the same Timeline read from the cloud and from a file compares equal).
pub fn normal(project: &Project) -> Timeline {
    timeline(project)
}

/// A Timeline as the API carries it (JSON text; empty for a project without one) in the
/// normal form.
pub fn read_timeline(text: &str) -> Result<Timeline, String> {
    if text.trim().is_empty() {
        return Ok(Timeline::default());
    }
    crate::model::export::import_timeline_str(text)
        .map(|p| normal(&p))
        .map_err(|e| crate::i18n::describe::import_error(&e))
}

/// The base this project synced last, if this machine keeps it (blocking: the disk).
pub fn load_base(bases: &SyncBases, project: &Project, region: &str) -> Option<Timeline> {
    let (pid, wanted) = (project.project_id.as_deref()?, project.sync_base.as_deref()?);
    match bases.load(region, pid, wanted) {
        Ok(text) => read_timeline(&text?).ok(),
        Err(e) => {
            // A base that cannot be read is no base: the comparison is two-way, never lost.
            log::warn!("sync base of {pid}: {e}");
            None
        }
    }
}

/// Compares the cloud project's Timeline with the base and the project.
pub fn compare(project: &Project, base: Option<&Timeline>, theirs: Timeline) -> Sync {
    let mine = normal(project);
    if theirs == mine || base == Some(&theirs) {
        return Sync::Unchanged;
    }
    match base {
        Some(base) => {
            let merged = merge(base, &mine, &theirs, &[]);
            Sync::CloudChanged {
                diff: diff(base, &theirs),
                merge: Box::new(merged),
                base: Box::new(base.clone()),
                theirs: Box::new(theirs),
            }
        }
        None => Sync::NoBase { diff: diff(&mine, &theirs), theirs: Box::new(theirs) },
    }
}

/// Reads the cloud project (GetEditingProject) and compares it. A project without a
/// ProjectId has nothing in the cloud to lose.
pub async fn check(client: &Client, project: &Project, base: Option<&Timeline>) -> Result<Sync, CheckError> {
    let Some(pid) = project.project_id.as_deref() else { return Ok(Sync::Unchanged) };
    let cloud = client.get_editing_project(pid).await.map_err(CheckError::Api)?;
    let theirs = read_timeline(cloud.timeline.as_deref().unwrap_or_default()).map_err(CheckError::Unreadable)?;
    Ok(compare(project, base, theirs))
}

/// Records `tl` as the base of the project's cloud project and notes its hash in `project`
/// (the caller saves the file). Blocking: the disk.
pub fn record(bases: &SyncBases, project: &mut Project, region: &str, tl: &Timeline) -> std::io::Result<()> {
    let Some(pid) = project.project_id.clone() else { return Ok(()) };
    let text = serde_json::to_string(tl).map_err(std::io::Error::other)?;
    project.sync_base = Some(bases.save(region, &pid, &text)?);
    Ok(())
}

/// The hash a project notes of a Timeline it synced ([`record`] writes the same).
pub fn hash_of(tl: &Timeline) -> String {
    crate::store::sync_base::hash(&serde_json::to_string(tl).unwrap_or_default())
}

/// The bases of an environment (in its data folder).
pub fn bases(data_dir: Option<&Path>) -> Option<SyncBases> {
    data_dir.map(SyncBases::new)
}

/// The edit taking theirs: one undo step (None when nothing would change).
pub fn take_theirs(project: &Project, theirs: &Timeline) -> Option<Edit> {
    replace_timeline(project, theirs)
}

/// The edit of a merge settled by `choices` (one per conflict, in the order listed), and the
/// validation's errors of its result: the faces say them (the result is still undoable).
pub fn take_merge(
    project: &Project,
    base: &Timeline,
    theirs: &Timeline,
    choices: &[Choice],
) -> (Option<Edit>, Vec<crate::model::validate::Problem>) {
    let merged = merge(base, &normal(project), theirs, choices);
    let edit = replace_timeline(project, &merged.timeline);
    let mut result = project.clone();
    if let Some(e) = edit.clone() {
        crate::edit::apply(&mut result, e);
    }
    let errors = crate::model::validate::validate(&result)
        .into_iter()
        .filter(|p| p.severity == crate::model::validate::Severity::Error)
        .collect();
    (edit, errors)
}

/// The two Timelines a [`Sync`]'s difference goes from and to.
pub fn sides<'a>(sync: &'a Sync, mine: &'a Timeline) -> Option<(&'a Timeline, &'a Timeline)> {
    match sync {
        Sync::Unchanged => None,
        Sync::CloudChanged { base, theirs, .. } => Some((base, theirs)),
        Sync::NoBase { theirs, .. } => Some((mine, theirs)),
    }
}

/// A track's name as the timeline shows it (V1, A2...).
pub fn track_name(at: crate::model::diff::TrackAt) -> String {
    format!("{}{}", at.kind.letter(), at.ordinal + 1)
}

/// What a clip shows, in a few words: its media's title from the bin, else its ID, else its
/// text.
pub fn clip_words(project: &Project, clip: &crate::model::wire::Clip) -> String {
    if let Some(id) = clip.material_id() {
        let title = project.bin.iter().find(|e| e.media_id == id).map(|e| e.title.trim()).filter(|t| !t.is_empty());
        return match title {
            Some(t) => format!("\u{201c}{t}\u{201d}"),
            None => id.chars().take(12).collect(),
        };
    }
    let text: String = clip.content.as_deref().unwrap_or_default().chars().take(24).collect();
    format!("\u{201c}{text}\u{201d}")
}

/// One clip change in words: where (the new side's place, else the old's), what, and how.
pub fn change_words(project: &Project, old: &Timeline, new: &Timeline, c: &crate::model::diff::ClipChange) -> String {
    use crate::model::diff::{ChangeKind, clip_at};
    let (at, side) = match (c.new, c.old) {
        (Some(n), _) => (n, new),
        (None, Some(o)) => (o, old),
        (None, None) => return String::new(),
    };
    let what = clip_at(side, at).map(|clip| clip_words(project, clip)).unwrap_or_default();
    let kinds: Vec<String> = c
        .kinds()
        .into_iter()
        .map(|k| match k {
            ChangeKind::Added => crate::t!("sync-kind-added"),
            ChangeKind::Removed => crate::t!("sync-kind-removed"),
            ChangeKind::Moved => match c.old.filter(|o| Some(o.track) != c.new.map(|n| n.track)) {
                Some(o) => crate::t!("sync-kind-moved-from", track = track_name(o.track)),
                None => crate::t!("sync-kind-moved"),
            },
            ChangeKind::Trimmed => crate::t!("sync-kind-trimmed"),
            ChangeKind::EffectsChanged => crate::t!("sync-kind-effects"),
            ChangeKind::Changed => crate::t!("sync-kind-changed"),
        })
        .collect();
    crate::t!(
        "sync-change",
        track = track_name(at.track),
        index = at.index + 1,
        what = what,
        kinds = kinds.join(&crate::t!("sync-kind-separator"))
    )
}

/// Every change of a [`Sync`] in words, one a line: clips, then tracks, then the Timeline's
/// own fields.
pub fn lines(sync: &Sync, project: &Project) -> Vec<String> {
    use crate::model::diff::TrackChange;
    let mine = normal(project);
    let (Some((old, new)), Some(d)) = (sides(sync, &mine), sync.diff()) else { return Vec::new() };
    let mut out: Vec<String> = d.clips.iter().map(|c| change_words(project, old, new, c)).collect();
    out.extend(d.tracks.iter().map(|t| match t {
        TrackChange::Added(at) => crate::t!("sync-track-added", track = track_name(*at)),
        TrackChange::Removed(at) => crate::t!("sync-track-removed", track = track_name(*at)),
        TrackChange::Changed(at) => crate::t!("sync-track-changed", track = track_name(*at)),
    }));
    if d.timeline {
        out.push(crate::t!("sync-timeline-changed"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(tl: &str) -> Project {
        let mut p = crate::model::export::import_timeline_str(tl).unwrap();
        p.project_id = Some("p1".into());
        p
    }

    const A: &str = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4}]}]}"#;
    const B: &str =
        r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"b","In":0,"Out":2}]}]}"#;
    const C: &str = r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":1,"Out":4}]}]}"#;

    #[test]
    fn the_cloud_is_compared_with_the_base_and_the_project() {
        let base = read_timeline(A).unwrap();
        let mine = project(B);
        // The cloud as last synced: mine goes.
        assert!(matches!(compare(&mine, Some(&base), base.clone()), Sync::Unchanged));
        // The cloud holds what mine holds: nothing to lose either.
        assert!(matches!(compare(&mine, None, read_timeline(B).unwrap()), Sync::Unchanged));
        // Changed in the console: their trim is the difference, and the merge keeps both.
        let s = compare(&mine, Some(&base), read_timeline(C).unwrap());
        let Sync::CloudChanged { diff, merge, .. } = &s else { panic!("{s:?}") };
        assert_eq!(diff.clips.len(), 1);
        assert!(merge.conflicts.is_empty());
        assert_eq!(merge.timeline.video_tracks[0].clips.len(), 2);
        // Without a base the same cloud is a two-way difference.
        let s = compare(&mine, None, read_timeline(C).unwrap());
        let Sync::NoBase { diff, .. } = &s else { panic!("{s:?}") };
        assert_eq!(diff.clips.len(), 2, "a trimmed, b removed, from mine to theirs");
    }

    #[test]
    fn a_base_is_recorded_and_found_only_by_the_file_that_synced_it() {
        let dir = tempfile::tempdir().unwrap();
        let bases = SyncBases::new(dir.path());
        let mut p = project(A);
        assert_eq!(load_base(&bases, &p, "cn-shanghai"), None);
        let tl = normal(&p);
        record(&bases, &mut p, "cn-shanghai", &tl).unwrap();
        assert_eq!(load_base(&bases, &p, "cn-shanghai"), Some(normal(&p)));
        let mut moved = p.clone();
        moved.sync_base = None;
        assert_eq!(load_base(&bases, &moved, "cn-shanghai"), None);
        assert_eq!(load_base(&SyncBases::new(&dir.path().join("other")), &p, "cn-shanghai"), None);
    }

    #[test]
    fn a_cloud_timeline_that_cannot_be_read_is_said_and_an_empty_one_is_empty() {
        assert_eq!(read_timeline("  ").unwrap(), Timeline::default());
        assert!(read_timeline("{\"VideoTracks\":5}").is_err());
    }

    #[test]
    fn a_merge_is_validated_and_its_errors_counted() {
        let base = read_timeline(A).unwrap();
        let mine = project(B);
        // Theirs adds a clip whose Out is before its In: kept (theirs made it), and counted.
        let theirs = read_timeline(
            r#"{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"a","In":0,"Out":4},{"MediaId":"c","In":5,"Out":1}]}]}"#,
        )
        .unwrap();
        let (edit, errors) = take_merge(&mine, &base, &theirs, &[]);
        let mut merged = mine.clone();
        crate::edit::apply(&mut merged, edit.unwrap()).unwrap();
        assert_eq!(merged.clip_count(), 3, "b of mine and c of theirs both kept");
        assert!(!errors.is_empty(), "the clip with Out before In is an error");
        let (_, errors) = take_merge(&mine, &base, &base, &[]);
        assert!(errors.is_empty());
    }
}
