//! What the sandbox's account offers a production: two applications, a template group each
//! (the default application's marked Default), and a small category tree, answered as
//! ListAppInfo, ListTranscodeTemplateGroup and GetCategories answer (paging included), so
//! the pickers and `vodcut account` can be tried without an account.

use super::*;

/// The default application every account has, and one made by the user.
pub const APPS: [(&str, &str, &str); 2] =
    [("app-1000000", "Default", "System"), ("app-2000001", "Brand films", "Custom")];

/// (TranscodeTemplateGroupId, Name, AppId, IsDefault)
const GROUPS: [(&str, &str, &str, &str); 3] = [
    ("a7c9e0f1b2d34c5e8f6a7b8c9d0e1f2a", "Standard (HD + SD)", "app-1000000", "Default"),
    ("VOD_NO_TRANSCODE", "No transcoding", "app-1000000", "NotDefault"),
    ("b8d0f1a2c3e45d6f9a7b8c9d0e1f2a3b", "Brand 4K", "app-2000001", "Default"),
];

/// (CateId, Name, ParentId): two levels under the top.
pub const CATEGORIES: [(i64, &str, i64); 7] = [
    (1000001, "Sports", -1),
    (1000011, "Football", 1000001),
    (1000012, "Basketball", 1000001),
    (1000002, "News", -1),
    (1000021, "Local", 1000002),
    (1000211, "Harbour", 1000021),
    (1000003, "Vlogs", -1),
];

fn level(id: i64) -> i64 {
    let mut at = id;
    let mut n = 0;
    while let Some((_, _, parent)) = CATEGORIES.iter().find(|c| c.0 == at) {
        if *parent == -1 {
            return n;
        }
        at = *parent;
        n += 1;
    }
    n
}

fn category(id: i64, name: &str, parent: i64) -> Value {
    let subs = CATEGORIES.iter().filter(|c| c.2 == id).count();
    json!({"CateId": id, "CateName": name, "Level": level(id), "ParentId": parent, "SubTotal": subs, "Type": "default"})
}

fn paging(p: &BTreeMap<String, String>) -> Result<(usize, usize), Refusal> {
    let num = |k: &str, default: usize| -> Result<usize, Refusal> {
        match p.get(k) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| (400u16, "InvalidParameter", format!("The specified parameter \"{k}\" is not valid."))),
        }
    };
    let (no, size) = (num("PageNo", 1)?.max(1), num("PageSize", 10)?);
    if !(1..=100).contains(&size) {
        return Err((400, "InvalidParameter", "The specified parameter \"PageSize\" is not valid.".into()));
    }
    Ok((no, size))
}

/// The answer to an account action, or `None` for another action.
pub(crate) fn handle(action: &str, p: &BTreeMap<String, String>, rid: &str) -> Option<Result<Value, Refusal>> {
    Some(match action {
        "ListAppInfo" => paging(p).map(|(no, size)| {
            let list: Vec<Value> = APPS
                .iter()
                .filter(|_| p.get("Status").is_none_or(|s| s == "Normal"))
                .skip((no - 1) * size)
                .take(size)
                .map(|(id, name, kind)| {
                    json!({"AppId": id, "AppName": name, "Type": kind, "Status": "Normal", "Description": "",
                        "CreationTime": "2026-01-05T08:00:00Z", "ModificationTime": "2026-01-05T08:00:00Z"})
                })
                .collect();
            json!({"RequestId": rid, "Total": APPS.len(), "AppInfoList": list})
        }),
        "ListTranscodeTemplateGroup" => {
            let app = p.get("AppId").map(String::as_str).unwrap_or("app-1000000");
            if !APPS.iter().any(|a| a.0 == app) {
                return Some(Err((400, "InvalidParameter", format!("The app {app} does not exist."))));
            }
            let list: Vec<Value> = GROUPS
                .iter()
                .filter(|g| g.2 == app)
                .map(|(id, name, app, default)| {
                    json!({"TranscodeTemplateGroupId": id, "Name": name, "AppId": app, "IsDefault": default,
                        "Locked": "Disabled", "CreationTime": "2026-01-05T08:00:00Z", "ModifyTime": "2026-01-05T08:00:00Z"})
                })
                .collect();
            Ok(json!({"RequestId": rid, "TranscodeTemplateGroupList": list}))
        }
        "GetCategories" => paging(p).and_then(|(no, size)| {
            let id: i64 = match p.get("CateId").map(|v| v.parse()) {
                None => -1,
                Some(Ok(id)) => id,
                Some(Err(_)) => return Err((400, "InvalidParameter", "The specified parameter \"CateId\" is not valid.".into())),
            };
            let me = match CATEGORIES.iter().find(|c| c.0 == id) {
                Some(c) => category(c.0, c.1, c.2),
                None if id == -1 => json!({"CateId": -1, "Level": -1, "ParentId": -1, "Type": "default"}),
                None => return Err((400, "InvalidParameter", format!("The category {id} does not exist."))),
            };
            let children: Vec<&(i64, &str, i64)> = CATEGORIES.iter().filter(|c| c.2 == id).collect();
            let page: Vec<Value> =
                children.iter().skip((no - 1) * size).take(size).map(|c| category(c.0, c.1, c.2)).collect();
            Ok(json!({"RequestId": rid, "Category": me, "SubTotal": children.len(), "SubCategories": {"Category": page}}))
        }),
        _ => return None,
    })
}
