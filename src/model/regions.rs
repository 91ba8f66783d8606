//! The VOD service regions (api.md 7.1): plain data, so validation can check a project's
//! Region without the network layer. `api::region` maps them to endpoints.

/// A VOD service region the user can pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub id: &'static str,
    pub name: &'static str,
}

pub const REGIONS: &[Region] = &[
    Region { id: "cn-shanghai", name: "China (Shanghai)" },
    Region { id: "cn-beijing", name: "China (Beijing)" },
    Region { id: "cn-shenzhen", name: "China (Shenzhen)" },
    Region { id: "cn-hangzhou", name: "China (Hangzhou), served by Shanghai" },
    Region { id: "cn-hongkong", name: "China (Hong Kong)" },
    Region { id: "ap-southeast-1", name: "Singapore" },
    Region { id: "ap-northeast-1", name: "Japan (Tokyo)" },
    Region { id: "ap-southeast-5", name: "Indonesia (Jakarta)" },
    Region { id: "ap-south-1", name: "India (Mumbai)" },
    Region { id: "us-west-1", name: "US (Silicon Valley)" },
    Region { id: "eu-central-1", name: "Germany (Frankfurt)" },
    Region { id: "me-central-1", name: "Saudi Arabia (Riyadh)" },
    Region { id: "cn-north-2-gov-1", name: "China North 2 Ali Gov 1" },
];

/// Whether `id` is a region vodcut knows an endpoint for.
pub fn is_known(id: &str) -> bool {
    REGIONS.iter().any(|r| r.id == id)
}
