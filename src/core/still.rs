//! The compositor's picture of the output at one time (`vodcut still`, "Compare with
//! draft"): the plan of layers at that time, their pictures and the composed frame.

use crate::compose::{self, Image, Plan};
use crate::media::{Footage, Pictures};
use crate::model::{Project, Time};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// A composed frame and what went into it.
pub struct Still {
    pub plan: Plan,
    pub pictures: Pictures,
    /// The composed frame, `width` wide (the output's own width when `None`).
    pub image: Image,
}

/// The output at `at`, `size` large (`Footage::output_size`), composed `width` wide. Layers
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
