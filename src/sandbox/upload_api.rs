//! The VOD upload actions of the loopback server: CreateUploadVideo, CreateUploadImage and
//! RefreshUploadVideo. They register the media (status Uploading) and issue temporary
//! credentials for exactly one object on the loopback OSS endpoint (oss_server.rs).

use super::oss::{BUCKET, Token, Upload};
use super::service::{Media, State};
use base64::Engine as _;
use serde_json::{Value, json};
use std::collections::BTreeMap;

const VIDEO: &[&str] = &[
    "mp4", "ts", "3gp", "mpg", "mpeg", "mpe", "dat", "vob", "asf", "avi", "wmv", "flv", "f4v", "rm", "rmvb", "mov",
    "mkv", "m3u8", "dv", "gif", "m2t", "m4v", "mj2", "mjpeg", "mts", "ogg", "qt", "swf", "webm",
];
const AUDIO: &[&str] = &["mp3", "wma", "wav", "aac", "ra", "m4a", "flac", "ape", "ac3", "amr", "caf", "acm"];
const IMAGE: &[&str] = &["png", "jpg", "jpeg", "gif", "heic", "webp"];

type Refusal = (u16, &'static str, String);

fn b64(v: &Value) -> String {
    base64::engine::general_purpose::STANDARD.encode(v.to_string())
}

fn issue(st: &mut State, media_id: &str, key: &str) -> (String, String) {
    st.oss.counter += 1;
    let n = st.oss.counter;
    let ak = format!("STS.LoopUpload{n:06}");
    // Random: the OSS side listens on 127.0.0.1 too, where any local user could otherwise
    // forge an upload into this sandbox with a guessed secret.
    let secret = format!("upload-secret-{}", super::keys::random_hex(16));
    let token = format!("CAIS{}/upload+token=", super::keys::random_hex(12));
    st.oss.tokens.insert(
        ak.clone(),
        Token { secret: secret.clone(), token: token.clone(), media_id: media_id.to_owned(), expired: false },
    );
    let expire = time::OffsetDateTime::now_utc() + time::Duration::seconds(st.oss.token_lifetime);
    let f = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    let auth = json!({"SecurityToken": token, "AccessKeyId": ak, "ExpireUTCTime": expire.format(&f).unwrap(),
        "AccessKeySecret": secret, "Expiration": "3600", "Region": "cn-shanghai"});
    let address = json!({"Endpoint": st.oss.endpoint, "Bucket": BUCKET, "FileName": key});
    (b64(&address), b64(&auth))
}

fn new_id(st: &mut State) -> String {
    st.oss.counter += 1;
    format!("{:08x}{:024x}", st.oss.counter, st.oss.counter.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// The upload actions of the VOD API, or None for other actions.
pub fn vod_action(
    action: &str,
    p: &BTreeMap<String, String>,
    st: &mut State,
    rid: &str,
) -> Option<Result<Value, Refusal>> {
    let missing = |name: &str| {
        (
            400u16,
            "MissingParameter",
            format!("The input parameter \"{name}\" that is mandatory for processing this request is not supplied."),
        )
    };
    let title_ok = |t: &str| -> Result<(), Refusal> {
        if t.len() > 128 {
            return Err((400, "LengthExceededMax", "The specified Title length has exceeded 128 bytes.".into()));
        }
        Ok(())
    };
    Some(match action {
        "CreateUploadVideo" => (|| {
            let title = p.get("Title").ok_or_else(|| missing("Title"))?.clone();
            let file_name = p.get("FileName").ok_or_else(|| missing("FileName"))?.clone();
            title_ok(&title)?;
            let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
            let kind = if VIDEO.contains(&ext.as_str()) {
                "video"
            } else if AUDIO.contains(&ext.as_str()) {
                "audio"
            } else {
                return Err((
                    400,
                    "InvalidFileName.Extension",
                    format!("The file extension of {file_name} is not supported."),
                ));
            };
            let id = new_id(st);
            let key = format!("sv/{}/{}.{ext}", &id[..16], &id[..16]);
            st.oss.uploads.insert(
                id.clone(),
                Upload { media_id: id.clone(), key: key.clone(), kind, title: title.clone(), file_name },
            );
            st.media.push(Media { id: id.clone(), kind, title, duration: 0.0, status: "Uploading" });
            if let Some(app) = p.get("AppId") {
                st.media_apps.insert(id.clone(), app.clone());
            }
            let (address, auth) = issue(st, &id, &key);
            Ok(json!({"RequestId": rid, "VideoId": id, "UploadAddress": address, "UploadAuth": auth}))
        })(),
        "CreateUploadImage" => (|| {
            let image_type = p.get("ImageType").ok_or_else(|| missing("ImageType"))?;
            if image_type != "default" && image_type != "cover" {
                return Err((400, "InvalidParameter", format!("The ImageType {image_type} is not valid.")));
            }
            let ext = p.get("ImageExt").cloned().unwrap_or_else(|| "png".into());
            if !IMAGE.contains(&ext.as_str()) {
                return Err((400, "InvalidParameter", format!("The ImageExt {ext} is not valid.")));
            }
            let title = p.get("Title").cloned().unwrap_or_default();
            title_ok(&title)?;
            let id = new_id(st);
            let key = format!("image/default/{}.{ext}", id.to_ascii_uppercase());
            st.oss.uploads.insert(
                id.clone(),
                Upload {
                    media_id: id.clone(),
                    key: key.clone(),
                    kind: "image",
                    title: title.clone(),
                    file_name: p.get("OriginalFileName").cloned().unwrap_or_default(),
                },
            );
            st.media.push(Media { id: id.clone(), kind: "image", title, duration: 0.0, status: "Uploading" });
            if let Some(app) = p.get("AppId") {
                st.media_apps.insert(id.clone(), app.clone());
            }
            let (address, auth) = issue(st, &id, &key);
            let url = format!("{}/{BUCKET}/{key}", st.oss.endpoint);
            Ok(json!({"RequestId": rid, "ImageId": id, "ImageURL": url, "FileURL": url,
                "UploadAddress": address, "UploadAuth": auth}))
        })(),
        "RefreshUploadVideo" => (|| {
            let id = p.get("VideoId").ok_or_else(|| missing("VideoId"))?.clone();
            let Some(u) = st.oss.uploads.get(&id).filter(|u| u.kind != "image").cloned() else {
                return Err((404, "InvalidVideo.NotFound", "The video does not exist.".into()));
            };
            let (address, auth) = issue(st, &id, &u.key);
            Ok(json!({"RequestId": rid, "VideoId": id, "UploadAddress": address, "UploadAuth": auth}))
        })(),
        _ => return None,
    })
}
