//! The calls that say where a medium's pictures and sound are: GetPlayInfo (play URLs),
//! GetMezzanineInfo's FileURL (the source file), GetImageInfo (an image's URL) and
//! GetVideoInfo's cover and snapshots (pictures without a decoder).
//!
//! Response shapes follow the official SDK models: `PlayInfoList` is wrapped
//! (`{"PlayInfoList":{"PlayInfo":[...]}}`) and its Duration/Bitrate/Fps are strings.

use super::client::{Client, Safety};
use super::error::ApiError;
use serde::Deserialize;
use serde_json::Value;

/// How long a signed play or image URL is asked to stay valid (seconds). The CDN answers 403
/// after it; the frame source asks again before that and whenever a 403 comes back.
pub const AUTH_TIMEOUT_SECS: u64 = 3600;

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PlayInfo {
    #[serde(rename = "PlayURL")]
    pub play_url: String,
    pub definition: String,
    /// mp4 | m3u8 | mp3 | mpd | flv
    pub format: String,
    #[serde(deserialize_with = "lenient_u64")]
    pub width: Option<u64>,
    #[serde(deserialize_with = "lenient_u64")]
    pub height: Option<u64>,
    #[serde(deserialize_with = "lenient_u64")]
    pub size: Option<u64>,
    pub status: String,
    /// video | audio
    pub stream_type: String,
}

fn lenient_u64<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_u64().or_else(|| n.as_f64().map(|f| f.max(0.0) as u64)),
        Value::String(s) => s.trim().parse::<f64>().ok().map(|f| f.max(0.0) as u64),
        _ => None,
    })
}

/// The source file of a video (GetMezzanineInfo), for when there is no MP4 rendition.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct MezzanineFile {
    #[serde(rename = "FileURL")]
    pub file_url: String,
    #[serde(deserialize_with = "lenient_u64")]
    pub width: Option<u64>,
    #[serde(deserialize_with = "lenient_u64")]
    pub height: Option<u64>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ImageInfo {
    pub image_id: String,
    pub title: String,
    /// Signed access URL.
    #[serde(rename = "URL")]
    pub url: String,
    #[serde(deserialize_with = "lenient_u64")]
    pub width: Option<u64>,
    #[serde(deserialize_with = "lenient_u64")]
    pub height: Option<u64>,
    pub status: String,
}

/// Pictures VOD already has for a video: the cover and the snapshots.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stills {
    pub title: String,
    pub duration: Option<f64>,
    pub cover_url: String,
    pub snapshots: Vec<String>,
}

/// The smallest MP4 rendition: preview size is all the editor needs, and the fewer bytes the
/// faster a seek over HTTP. Renditions that are not Normal are skipped.
pub fn smallest_mp4(list: &[PlayInfo]) -> Option<&PlayInfo> {
    list.iter()
        .filter(|p| p.format.eq_ignore_ascii_case("mp4") && !p.play_url.is_empty())
        .filter(|p| p.status.is_empty() || p.status == "Normal")
        .min_by_key(|p| (p.width.unwrap_or(u64::MAX).saturating_mul(p.height.unwrap_or(1)), p.size.unwrap_or(u64::MAX)))
}

/// `Snapshots` comes as a plain list of URLs or wrapped as `{"Snapshot":[...]}` depending on
/// the call; both are read.
fn url_list(v: Option<&Value>) -> Vec<String> {
    let list = match v {
        Some(Value::Array(a)) => a.clone(),
        Some(Value::Object(o)) => o.get("Snapshot").and_then(Value::as_array).cloned().unwrap_or_default(),
        _ => vec![],
    };
    list.into_iter().filter_map(|v| v.as_str().map(str::to_owned)).filter(|s| !s.is_empty()).collect()
}

fn bad(action: &str, detail: impl Into<String>) -> ApiError {
    ApiError::BadResponse { status: 200, detail: crate::t!("core-api-answer", action = action, detail = detail.into()) }
}

impl Client {
    /// The MP4 play URLs of a video (GetPlayInfo, Formats=mp4).
    pub async fn get_play_info(&self, video_id: &str) -> Result<Vec<PlayInfo>, ApiError> {
        let params = vec![
            ("VideoId".to_owned(), video_id.to_owned()),
            ("Formats".to_owned(), "mp4".to_owned()), // i18n-exempt: protocol value
            ("AuthTimeout".to_owned(), AUTH_TIMEOUT_SECS.to_string()),
            ("ResultType".to_owned(), "Multiple".to_owned()),
        ];
        let v = self.call("GetPlayInfo", &params, Safety::ReadOnly).await?;
        // i18n-exempt: a JSON pointer
        let list = v.pointer("/PlayInfoList/PlayInfo").cloned().unwrap_or(Value::Array(vec![]));
        serde_json::from_value(list).map_err(|e| bad("GetPlayInfo", e.to_string()))
    }

    /// The source file's URL (GetMezzanineInfo, OutputType=cdn).
    pub async fn get_mezzanine_file(&self, video_id: &str) -> Result<MezzanineFile, ApiError> {
        let params = vec![
            ("VideoId".to_owned(), video_id.to_owned()),
            ("AuthTimeout".to_owned(), AUTH_TIMEOUT_SECS.to_string()),
        ];
        let v = self.call("GetMezzanineInfo", &params, Safety::ReadOnly).await?;
        serde_json::from_value(v.get("Mezzanine").cloned().unwrap_or(Value::Null))
            .map_err(|e| bad("GetMezzanineInfo", e.to_string()))
    }

    pub async fn get_image_info(&self, image_id: &str) -> Result<ImageInfo, ApiError> {
        let params = vec![
            ("ImageId".to_owned(), image_id.to_owned()),
            ("AuthTimeout".to_owned(), AUTH_TIMEOUT_SECS.to_string()),
        ];
        let v = self.call("GetImageInfo", &params, Safety::ReadOnly).await?;
        serde_json::from_value(v.get("ImageInfo").cloned().unwrap_or(Value::Null))
            .map_err(|e| bad("GetImageInfo", e.to_string()))
    }

    /// Cover and snapshots of a video (GetVideoInfo).
    pub async fn get_video_stills(&self, video_id: &str) -> Result<Stills, ApiError> {
        let v = self.call("GetVideoInfo", &[("VideoId".to_owned(), video_id.to_owned())], Safety::ReadOnly).await?;
        let video = v.get("Video").cloned().unwrap_or(Value::Null);
        let mut snapshots = url_list(video.get("Snapshots"));
        if snapshots.is_empty() {
            snapshots = url_list(video.get("SpriteSnapshots"));
        }
        Ok(Stills {
            title: video.get("Title").and_then(Value::as_str).unwrap_or_default().to_owned(),
            duration: match video.get("Duration") {
                Some(Value::Number(n)) => n.as_f64(),
                Some(Value::String(s)) => s.parse().ok(),
                _ => None,
            },
            cover_url: video.get("CoverURL").and_then(Value::as_str).unwrap_or_default().to_owned(),
            snapshots,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_normal_mp4_wins() {
        let list: Vec<PlayInfo> = serde_json::from_value(serde_json::json!([
            {"PlayURL":"https://cdn/hd.mp4","Format":"mp4","Width":1920,"Height":1080,"Size":9000,"Status":"Normal"},
            {"PlayURL":"https://cdn/ld.m3u8","Format":"m3u8","Width":320,"Height":180,"Status":"Normal"},
            {"PlayURL":"https://cdn/sd.mp4","Format":"mp4","Width":"640","Height":"360","Size":"3000","Status":"Normal"},
            {"PlayURL":"https://cdn/ld.mp4","Format":"mp4","Width":320,"Height":180,"Status":"Transcoding"}
        ]))
        .unwrap();
        assert_eq!(smallest_mp4(&list).map(|p| p.play_url.as_str()), Some("https://cdn/sd.mp4"));
        assert!(smallest_mp4(&list[1..2]).is_none(), "HLS is not a file ffmpeg can seek by range");
    }

    #[test]
    fn snapshots_plain_or_wrapped() {
        let plain = serde_json::json!(["a.jpg", "b.jpg"]);
        let wrapped = serde_json::json!({"Snapshot": ["a.jpg"]});
        assert_eq!(url_list(Some(&plain)), vec!["a.jpg", "b.jpg"]);
        assert_eq!(url_list(Some(&wrapped)), vec!["a.jpg"]);
        assert!(url_list(None).is_empty());
    }
}
