//! The VOD service regions (api.md 7.1): plain data, so validation can check a project's
//! Region without the network layer. `api::region` maps them to endpoints.

/// A VOD service region the user can pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub id: &'static str,
    /// The console's name for it, shown in the current language (`{}`).
    pub name: RegionName,
}

/// A region's name: a catalog key, shown in the current language when displayed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionName(&'static str);

impl std::fmt::Display for RegionName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::tr(self.0))
    }
}

pub const REGIONS: &[Region] = &[
    Region { id: "cn-shanghai", name: RegionName("core-region-shanghai") },
    Region { id: "cn-beijing", name: RegionName("core-region-beijing") },
    Region { id: "cn-shenzhen", name: RegionName("core-region-shenzhen") },
    Region { id: "cn-hangzhou", name: RegionName("core-region-hangzhou") },
    Region { id: "cn-hongkong", name: RegionName("core-region-hongkong") },
    Region { id: "ap-southeast-1", name: RegionName("core-region-singapore") },
    Region { id: "ap-northeast-1", name: RegionName("core-region-tokyo") },
    Region { id: "ap-southeast-5", name: RegionName("core-region-jakarta") },
    Region { id: "ap-south-1", name: RegionName("core-region-mumbai") },
    Region { id: "us-west-1", name: RegionName("core-region-silicon-valley") },
    Region { id: "eu-central-1", name: RegionName("core-region-frankfurt") },
    Region { id: "me-central-1", name: RegionName("core-region-riyadh") },
    Region { id: "cn-north-2-gov-1", name: RegionName("core-region-gov") },
];

/// The region `id` names, when vodcut knows it.
pub fn find(id: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.id == id)
}

/// Whether `id` is a region vodcut knows an endpoint for.
pub fn is_known(id: &str) -> bool {
    REGIONS.iter().any(|r| r.id == id)
}
