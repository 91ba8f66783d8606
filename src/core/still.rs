//! The compositor's picture of the output at one time (`vodcut still`, "Compare with
//! draft"): the output size the service would use, the plan of layers at that time, their
//! pictures and the composed frame.

use crate::compose::{self, Image, Plan};
use crate::media::{Footage, Pictures};
use crate::model::{Project, Time, TrackKind};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The output's size: ProduceConfig's Width and Height, else the largest video source's
/// (each asked of VOD once; a project with both given asks nothing).
pub async fn output_size(footage: &Footage, project: &Project) -> (u32, u32) {
    let needs_sizes =
        project.produce_config.width.is_none_or(|w| w == 0) || project.produce_config.height.is_none_or(|h| h == 0);
    let mut sizes = HashMap::new();
    if needs_sizes {
        for t in project.tracks.iter().filter(|t| t.kind == TrackKind::Video && !t.hidden) {
            for id in t.clips.iter().filter_map(|c| c.media_id.as_deref()) {
                if !sizes.contains_key(id) {
                    sizes.insert(id.to_owned(), footage.source_size(id).await);
                }
            }
        }
    }
    compose::output_size(project, &|id| sizes.get(id).copied().flatten())
}

/// A composed frame and what went into it.
pub struct Still {
    pub plan: Plan,
    pub pictures: Pictures,
    /// The composed frame, `width` wide (the output's own width when `None`).
    pub image: Image,
}

/// The output at `at`, `size` large (see [`output_size`]), composed `width` wide. Layers
/// whose pictures could not be had are left out; `pictures.problems` says which and why.
pub async fn compose_at(
    footage: &Arc<Footage>,
    project: &Project,
    size: (u32, u32),
    at: Time,
    width: Option<u32>,
    cancel: &Arc<AtomicBool>,
) -> Still {
    let plan = compose::plan_at(project, at, size, &compose::active_by_layout(project, at));
    let (_, _, zoom) = compose::canvas_size(size.0, size.1, width);
    let pictures = footage.pictures(&plan, zoom, cancel).await;
    let image = compose::compose(&plan, &pictures.images, width);
    Still { plan, pictures, image }
}
