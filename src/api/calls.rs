//! Typed calls: ProduceEditingProjectVideo, the editing projects (Add, Update, Get, Search,
//! Delete, Set/GetEditingProjectMaterials), SearchMedia, GetVideoInfo, GetVideoInfos, GetMezzanineInfo. Response shapes follow the
//! official SDK models: some lists are wrapped (`{"ProjectList":{"Project":[...]}}`), others
//! plain arrays (`"VideoList":[...]`).

use super::client::{Client, Safety};
use super::error::ApiError;
use crate::model::export::RequestFields;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A number the service may send as a number or a string (Duration, Size, Fps...).
fn lenient_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

pub(crate) fn parse<T: serde::de::DeserializeOwned>(action: &str, v: Value) -> Result<T, ApiError> {
    parse_or_say(action, v).map_err(|detail| ApiError::BadResponse { status: 200, detail })
}

/// As [`parse`], with what is wrong as text.
fn parse_or_say<T: serde::de::DeserializeOwned>(action: &str, v: Value) -> Result<T, String> {
    serde_path_to_error::deserialize(v).map_err(|e| {
        crate::t!("core-api-answer-at", action = action, at = e.path().to_string(), error = e.inner().to_string())
    })
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ProduceResult {
    pub request_id: String,
    pub media_id: String,
    pub project_id: String,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EditingProject {
    pub project_id: String,
    pub title: String,
    pub description: String,
    /// Timeline JSON text (GetEditingProject only).
    pub timeline: Option<String>,
    #[serde(rename = "CoverURL")]
    pub cover_url: String,
    pub creation_time: String,
    pub modified_time: String,
    /// Normal | Producing | Produced | ProduceFailed
    pub status: String,
    pub region_id: String,
    pub storage_location: String,
    #[serde(deserialize_with = "lenient_f64")]
    pub duration: Option<f64>,
    /// Every other field of the answer (a failed production's error fields among them).
    #[serde(flatten)]
    pub extra: serde_json::Map<String, Value>,
}

/// A media Status of VOD (`UploadSucc`, `Transcoding`…) in words of the user's language, as
/// the console writes it ("uploaded", "transcoding"); a status this version does not know is
/// quoted as is.
pub fn media_status_words(status: &str) -> String {
    match status {
        "Uploading" => crate::t!("api-status-uploading"),
        "UploadFail" => crate::t!("api-status-upload-fail"),
        "UploadSucc" => crate::t!("api-status-upload-succ"),
        "Transcoding" => crate::t!("api-status-transcoding"),
        "TranscodeFail" => crate::t!("api-status-transcode-fail"),
        "Checking" => crate::t!("api-status-checking"),
        "Blocked" => crate::t!("api-status-blocked"),
        "Normal" => crate::t!("api-status-normal"),
        "" => crate::t!("api-status-unknown"),
        other => crate::t!("api-status-other", status = other),
    }
}

/// A production's ProductionStatus (`Producing`, `Produced`, `ProduceFailed`) in words.
pub fn production_status_words(status: &str) -> String {
    match status {
        "Producing" => crate::t!("api-production-producing"),
        "Produced" => crate::t!("api-production-produced"),
        "ProduceFailed" => crate::t!("api-production-failed"),
        other => crate::t!("api-status-other", status = other),
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct VideoInfo {
    pub video_id: String,
    pub title: String,
    pub description: String,
    #[serde(deserialize_with = "lenient_f64")]
    pub duration: Option<f64>,
    #[serde(rename = "CoverURL")]
    pub cover_url: String,
    /// Uploading | UploadFail | UploadSucc | Transcoding | TranscodeFail | Blocked | Normal
    pub status: String,
    pub creation_time: String,
    #[serde(deserialize_with = "lenient_f64")]
    pub size: Option<f64>,
    pub cate_id: Option<Value>,
    pub tags: String,
    pub storage_location: String,
    /// Every other field of the answer (error fields among them).
    #[serde(flatten)]
    pub extra: serde_json::Map<String, Value>,
}

/// The fields of an answer that say what went wrong: any whose name holds `Error`, `Fail`
/// or `Reason` (ErrorCode, ErrorMessage... ; which ones GetEditingProject and GetVideoInfo
/// carry for a failed production is not documented, so none is left out), with `prefix`.
pub fn error_fields(prefix: &str, extra: &serde_json::Map<String, Value>) -> Vec<(String, String)> {
    extra
        .iter()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            k.contains("error") || k.contains("fail") || k.contains("reason")
        })
        .filter_map(|(k, v)| {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Null => return None,
                other => other.to_string(),
            };
            Some((format!("{prefix}.{k}"), text)).filter(|(_, t)| !t.is_empty())
        })
        .collect()
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct MediaItem {
    pub media_id: String,
    /// video | audio | image | attached
    pub media_type: String,
    pub creation_time: String,
    pub video: Option<MediaDetails>,
    pub audio: Option<MediaDetails>,
    pub image: Option<MediaDetails>,
}

impl MediaItem {
    pub fn details(&self) -> Option<&MediaDetails> {
        self.video.as_ref().or(self.audio.as_ref()).or(self.image.as_ref())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct MediaDetails {
    pub title: String,
    #[serde(deserialize_with = "lenient_f64")]
    pub duration: Option<f64>,
    #[serde(rename = "CoverURL")]
    pub cover_url: String,
    #[serde(rename = "URL")]
    pub url: String,
    pub status: String,
    #[serde(deserialize_with = "lenient_f64")]
    pub size: Option<f64>,
    pub creation_time: String,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct SearchMediaResult {
    pub request_id: String,
    pub total: u64,
    pub scroll_token: Option<String>,
    pub media_list: Vec<MediaItem>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Mezzanine {
    pub video_id: String,
    pub file_name: String,
    #[serde(deserialize_with = "lenient_f64")]
    pub size: Option<f64>,
    #[serde(deserialize_with = "lenient_f64")]
    pub duration: Option<f64>,
    #[serde(deserialize_with = "lenient_f64")]
    pub width: Option<f64>,
    #[serde(deserialize_with = "lenient_f64")]
    pub height: Option<f64>,
    #[serde(deserialize_with = "lenient_f64")]
    pub fps: Option<f64>,
    pub status: String,
}

/// A material of a cloud editing project (GetEditingProjectMaterials).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Material {
    pub material_id: String,
    /// video | audio | image
    pub material_type: String,
    pub title: String,
    #[serde(deserialize_with = "lenient_f64")]
    pub duration: Option<f64>,
    #[serde(rename = "CoverURL")]
    pub cover_url: String,
    pub status: String,
    #[serde(deserialize_with = "lenient_f64")]
    pub size: Option<f64>,
}

/// Query for SearchEditingProject.
#[derive(Clone, Debug, Default)]
pub struct ProjectQuery {
    pub title: Option<String>,
    /// Comma list of Normal/Producing/Produced/ProduceFailed.
    pub status: Option<String>,
    pub page_no: Option<u32>,
    pub page_size: Option<u32>,
    /// Made at or after this time (`yyyy-MM-ddTHH:mm:ssZ`, UTC).
    pub start_time: Option<String>,
    /// Made at or before this time (same format).
    pub end_time: Option<String>,
    /// `CreationTime:Desc` (the service's default) or `CreationTime:Asc`.
    pub sort_by: Option<String>,
}

/// What AddEditingProject and UpdateEditingProject send (an empty value is left out).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectFields {
    pub title: String,
    pub description: String,
    /// The Timeline JSON text.
    pub timeline: String,
    pub cover_url: String,
}

/// The most materials SetEditingProjectMaterials takes in one project.
pub const MAX_MATERIALS: usize = 200;

/// Query for SearchMedia.
#[derive(Clone, Debug, Default)]
pub struct MediaQuery {
    /// video (default) | audio | image
    pub search_type: Option<String>,
    /// A Match expression; build title searches with [`match_title`].
    pub match_expr: Option<String>,
    pub sort_by: Option<String>,
    pub page_no: Option<u32>,
    pub page_size: Option<u32>,
    pub scroll_token: Option<String>,
    /// Only the media of this application (a Match clause: SearchMedia has no AppId
    /// parameter, AppId is one of the Match fields).
    pub app_id: Option<String>,
}

impl MediaQuery {
    /// The library search both front ends make: title text (quoted safely), kind, newest
    /// first, a page, or a ScrollToken for results past the first 5 000.
    pub fn search(
        text: &str,
        kind: &str,
        page_no: u32,
        page_size: u32,
        scroll_token: Option<String>,
        newest_first: bool,
    ) -> Self {
        let text = text.trim();
        MediaQuery {
            search_type: Some(kind.to_owned()),
            match_expr: (!text.is_empty()).then(|| match_title(text)),
            // i18n-exempt: the API's SortBy values
            sort_by: Some(if newest_first { "CreationTime:Desc" } else { "CreationTime:Asc" }.into()),
            page_no: scroll_token.is_none().then_some(page_no.max(1)),
            page_size: Some(page_size.clamp(1, 100)),
            scroll_token,
            app_id: None,
        }
    }

    /// Only the media of application `app_id` (none when empty).
    pub fn in_app(mut self, app_id: &str) -> Self {
        self.app_id = Some(app_id.trim().to_owned()).filter(|a| !a.is_empty());
        self
    }

    /// The Match expression sent: the title's, the application's, or both.
    pub fn match_sent(&self) -> Option<String> {
        let app = self.app_id.as_deref().map(|a| {
            let escaped = a.replace('\\', "\\\\").replace('\'', "\\'");
            format!("AppId = '{escaped}'") // i18n-exempt: the API's Match syntax
        });
        match (self.match_expr.clone(), app) {
            (Some(m), Some(a)) => Some(format!("{m} and {a}")), // i18n-exempt: the API's Match syntax
            (m, a) => m.or(a),
        }
    }
}

/// A Match expression searching titles for `text`, quoted so that quotes, parentheses and
/// backslashes in the text cannot break (or change) the expression.
pub fn match_title(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('\'', "\\'");
    format!("Title in ('{escaped}')") // i18n-exempt: the API's Match syntax
}

fn request_id(v: &Value) -> String {
    v.get("RequestId").and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// The parameters of Add (no ID) and Update (with one); empty values are left out.
fn project_fields(project_id: Option<&str>, f: &ProjectFields) -> Vec<(String, String)> {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    pairs(&[
        ("ProjectId", project_id.map(str::to_owned)),
        ("Title", some(&f.title)),
        ("Description", some(&f.description)),
        ("Timeline", some(&f.timeline)),
        ("CoverURL", some(&f.cover_url)),
    ])
}

fn pairs(list: &[(&str, Option<String>)]) -> Vec<(String, String)> {
    list.iter().filter_map(|(k, v)| v.clone().map(|v| (k.to_string(), v))).collect()
}

impl Client {
    /// Submits a production. Billed: never repeated unless it provably did not arrive.
    pub async fn produce(&self, fields: &RequestFields) -> Result<ProduceResult, ApiError> {
        let params: Vec<(String, String)> = fields.0.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        let action = "ProduceEditingProjectVideo";
        let v = self.call(action, &params, Safety::Billed).await?;
        // A 200 answer means the service took the request: one we cannot read, or one without
        // IDs, says nothing about whether a (billed) production started. Calling it refused
        // would invite a second submission; it is an unknown outcome, like a lost answer.
        let unknown = |detail: String| ApiError::OutcomeUnknown { action: action.into(), detail };
        let r: ProduceResult = parse_or_say(action, v).map_err(unknown)?;
        if r.media_id.is_empty() && r.project_id.is_empty() {
            return Err(unknown(crate::t!("core-api-no-ids", request = r.request_id.as_str())));
        }
        Ok(r)
    }

    pub async fn get_editing_project(&self, project_id: &str) -> Result<EditingProject, ApiError> {
        let v =
            self.call("GetEditingProject", &pairs(&[("ProjectId", Some(project_id.into()))]), Safety::ReadOnly).await?;
        parse("GetEditingProject", v.get("Project").cloned().unwrap_or(Value::Null))
    }

    /// AddEditingProject: a new cloud project (not billed). Not idempotent (a repeat makes a
    /// second project), so it is repeated only when it provably did not arrive, as Produce is.
    pub async fn add_editing_project(&self, f: &ProjectFields) -> Result<EditingProject, ApiError> {
        let action = "AddEditingProject";
        let v = self.call(action, &project_fields(None, f), Safety::Billed).await?;
        let p: EditingProject = parse(action, v.get("Project").cloned().unwrap_or(Value::Null))?;
        if p.project_id.is_empty() {
            let body: String = v.to_string().chars().take(200).collect();
            let detail = crate::t!("core-api-answer-missing", action = action, name = "Project.ProjectId", body = body);
            return Err(ApiError::OutcomeUnknown { action: action.into(), detail });
        }
        Ok(p)
    }

    /// UpdateEditingProject: replaces the title, description, Timeline and cover of a cloud
    /// project. Returns the RequestId.
    pub async fn update_editing_project(&self, project_id: &str, f: &ProjectFields) -> Result<String, ApiError> {
        let v = self.call("UpdateEditingProject", &project_fields(Some(project_id), f), Safety::ReadOnly).await?;
        Ok(request_id(&v))
    }

    /// DeleteEditingProject of one or more projects. Returns the RequestId.
    pub async fn delete_editing_project(&self, project_ids: &[String]) -> Result<String, ApiError> {
        let params = pairs(&[("ProjectIds", Some(project_ids.join(",")))]);
        let v = self.call("DeleteEditingProject", &params, Safety::ReadOnly).await?;
        Ok(request_id(&v))
    }

    /// SetEditingProjectMaterials: the project's materials become exactly `material_ids` (at
    /// most [`MAX_MATERIALS`]). Returns the RequestId.
    pub async fn set_editing_project_materials(
        &self,
        project_id: &str,
        material_ids: &[String],
    ) -> Result<String, ApiError> {
        if material_ids.len() > MAX_MATERIALS {
            let n = material_ids.len().to_string();
            return Err(ApiError::Config(crate::t!("core-api-too-many-materials", n = n, max = MAX_MATERIALS)));
        }
        let params = pairs(&[("ProjectId", Some(project_id.into())), ("MaterialIds", Some(material_ids.join(",")))]);
        let v = self.call("SetEditingProjectMaterials", &params, Safety::ReadOnly).await?;
        Ok(request_id(&v))
    }

    pub async fn search_editing_project(&self, q: &ProjectQuery) -> Result<(u64, Vec<EditingProject>), ApiError> {
        let params = pairs(&[
            ("Title", q.title.clone()),
            ("Status", q.status.clone()),
            ("PageNo", q.page_no.map(|n| n.to_string())),
            ("PageSize", q.page_size.map(|n| n.to_string())),
            ("StartTime", q.start_time.clone()),
            ("EndTime", q.end_time.clone()),
            ("SortBy", q.sort_by.clone()),
        ]);
        let v = self.call("SearchEditingProject", &params, Safety::ReadOnly).await?;
        let total = v.get("Total").and_then(Value::as_u64).unwrap_or(0);
        // i18n-exempt: a JSON pointer
        let list = v.pointer("/ProjectList/Project").cloned().unwrap_or(Value::Array(vec![]));
        Ok((total, parse("SearchEditingProject", list)?))
    }

    pub async fn search_media(&self, q: &MediaQuery) -> Result<SearchMediaResult, ApiError> {
        let params = pairs(&[
            ("SearchType", q.search_type.clone()),
            ("Match", q.match_sent()),
            // i18n-exempt: the API's field names
            ("Fields", Some("Title,CoverURL,Duration,Status,Size,CreationTime".into())),
            ("SortBy", q.sort_by.clone()),
            ("PageNo", q.page_no.map(|n| n.to_string())),
            ("PageSize", q.page_size.map(|n| n.to_string())),
            ("ScrollToken", q.scroll_token.clone()),
        ]);
        let v = self.call("SearchMedia", &params, Safety::ReadOnly).await?;
        // Every SearchMedia answer counts its matches; one that does not is no answer (not "0
        // items match").
        if v.get("Total").is_none_or(Value::is_null) {
            let body: String = v.to_string().chars().take(200).collect();
            let detail = crate::t!("core-api-answer-missing", action = "SearchMedia", name = "Total", body = body);
            return Err(ApiError::BadResponse { status: 200, detail });
        }
        parse("SearchMedia", v)
    }

    pub async fn get_video_info(&self, video_id: &str) -> Result<VideoInfo, ApiError> {
        let v = self.call("GetVideoInfo", &pairs(&[("VideoId", Some(video_id.into()))]), Safety::ReadOnly).await?;
        parse("GetVideoInfo", v.get("Video").cloned().unwrap_or(Value::Null))
    }

    /// Up to 20 IDs per call. Returns the found videos and the IDs that do not exist.
    pub async fn get_video_infos(&self, ids: &[String]) -> Result<(Vec<VideoInfo>, Vec<String>), ApiError> {
        if ids.len() > 20 {
            return Err(ApiError::Config(crate::t!("core-api-too-many-ids", n = ids.len().to_string())));
        }
        let v = self.call("GetVideoInfos", &pairs(&[("VideoIds", Some(ids.join(",")))]), Safety::ReadOnly).await?;
        let list = v.get("VideoList").cloned().unwrap_or(Value::Array(vec![]));
        let missing = v.get("NonExistVideoIds").cloned().unwrap_or(Value::Array(vec![]));
        Ok((parse("GetVideoInfos", list)?, parse("GetVideoInfos", missing)?))
    }

    /// The materials of a cloud editing project (a wrapped list: `{"MaterialList":{"Material":[...]}}`).
    pub async fn get_editing_project_materials(&self, project_id: &str) -> Result<Vec<Material>, ApiError> {
        let v = self
            .call("GetEditingProjectMaterials", &pairs(&[("ProjectId", Some(project_id.into()))]), Safety::ReadOnly)
            .await?;
        parse(
            "GetEditingProjectMaterials",
            // i18n-exempt: a JSON pointer
            v.pointer("/MaterialList/Material").cloned().unwrap_or(Value::Array(vec![])),
        )
    }

    /// GetVideoInfos over any number of IDs, 20 per call.
    pub async fn get_video_infos_batched(&self, ids: &[String]) -> Result<(Vec<VideoInfo>, Vec<String>), ApiError> {
        let (mut found, mut missing) = (Vec::new(), Vec::new());
        for chunk in ids.chunks(20) {
            let (f, m) = self.get_video_infos(chunk).await?;
            found.extend(f);
            missing.extend(m);
        }
        Ok((found, missing))
    }

    pub async fn get_mezzanine_info(&self, video_id: &str) -> Result<Mezzanine, ApiError> {
        let v = self.call("GetMezzanineInfo", &pairs(&[("VideoId", Some(video_id.into()))]), Safety::ReadOnly).await?;
        parse("GetMezzanineInfo", v.get("Mezzanine").cloned().unwrap_or(Value::Null))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_quoted_safely() {
        assert_eq!(match_title("it's (draft)"), r"Title in ('it\'s (draft)')");
        assert_eq!(match_title(r"a\b"), r"Title in ('a\\b')");
    }

    #[test]
    fn an_app_id_joins_the_title_in_the_match_expression() {
        let q = MediaQuery::search("it's", "video", 1, 20, None, true);
        assert_eq!(q.clone().in_app("app-2").match_sent().as_deref(), Some(r"Title in ('it\'s') and AppId = 'app-2'"));
        assert_eq!(q.clone().in_app("  ").match_sent(), q.match_expr);
        let all = MediaQuery::search("", "video", 1, 20, None, true).in_app("app-2");
        assert_eq!(all.match_sent().as_deref(), Some("AppId = 'app-2'"));
    }

    #[test]
    fn shapes_parse() {
        let p: EditingProject = serde_json::from_value(
            serde_json::json!({"ProjectId":"p","Status":"Produced","Duration":"12.5","Timeline":"{}"}),
        )
        .unwrap();
        assert_eq!((p.status.as_str(), p.duration), ("Produced", Some(12.5)));
        let m: SearchMediaResult = serde_json::from_value(serde_json::json!({"Total":1,"MediaList":[{"MediaId":"m","MediaType":"video","Video":{"Title":"t","Duration":3.2,"Status":"Normal"}}]})).unwrap();
        assert_eq!(m.media_list[0].details().unwrap().duration, Some(3.2));
    }
}
