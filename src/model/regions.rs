//! The VOD service regions (api.md 7.1): plain data, so validation can check a project's
//! Region without the network layer. `api::region` maps them to endpoints.

/// A VOD service region the user can pick. Its name (the console's, in the user's language)
/// is the faces' (`i18n::describe::region_name`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub id: &'static str,
}

pub const REGIONS: &[Region] = &[
    Region { id: "cn-shanghai" },
    Region { id: "cn-beijing" },
    Region { id: "cn-shenzhen" },
    Region { id: "cn-hangzhou" },
    Region { id: "cn-hongkong" },
    Region { id: "ap-southeast-1" },
    Region { id: "ap-northeast-1" },
    Region { id: "ap-southeast-5" },
    Region { id: "ap-south-1" },
    Region { id: "us-west-1" },
    Region { id: "eu-central-1" },
    Region { id: "me-central-1" },
    Region { id: "cn-north-2-gov-1" },
];

/// The region `id` names, when vodcut knows it.
pub fn find(id: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.id == id)
}

/// Whether `id` is a region vodcut knows an endpoint for.
pub fn is_known(id: &str) -> bool {
    REGIONS.iter().any(|r| r.id == id)
}
