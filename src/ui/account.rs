//! Account settings: where credentials come from (never showing a secret), default region,
//! endpoint override, and a "Test connection" that makes one cheap read-only call.

use crate::api::credentials::{Credentials, Source, cli_profile_names};
use crate::api::region::REGIONS;
use crate::core::Kind;
use crate::core::cloud::Cloud;
use crate::store::settings::CredentialChoice;
use crate::t;
use std::sync::{Arc, Mutex};

/// Form state of the window (the typed secret lives here only until it becomes the
/// session's credentials, in memory).
#[derive(Default)]
pub struct AccountForm {
    /// Why "Use these" did nothing, shown under the session keys.
    missing: Option<Missing>,
    id: String,
    secret: String,
    token: String,
    /// aliyun CLI profile names, read off the UI thread.
    profiles: Arc<Mutex<Option<Vec<String>>>>,
    /// Which credentials the current choice finds ("environment variables, LTAI****ey01"),
    /// resolved off the UI thread; keyed by the choice it was resolved for.
    active: Arc<Mutex<Option<Resolved>>>,
    /// Sound output devices (listed off the UI thread).
    devices: crate::ui::sound::DeviceList,
}

/// The key "Use these" still needs.
#[derive(Clone, Copy)]
enum Missing {
    Id,
    Secret,
}

/// The credential choice and what it resolved to.
type Resolved = (CredentialChoice, Result<String, String>);

/// Where credentials came from, in the user's language.
fn source_text(s: &Source) -> String {
    match s {
        Source::Environment => t!("cloud-source-env"),
        Source::CliProfile { path, profile } => {
            t!("cloud-source-cli-profile", profile = profile.as_str(), path = path.display().to_string())
        }
        Source::CredentialsFile { path, profile } => {
            t!("cloud-source-file", profile = profile.as_str(), path = path.display().to_string())
        }
        Source::Session => t!("cloud-source-session"),
        Source::Sandbox => t!("cloud-source-sandbox"),
    }
}

fn describe(c: &Credentials) -> String {
    let (source, id) = (source_text(&c.source), c.masked_id());
    if c.security_token.is_some() {
        t!("cloud-cred-described-sts", source = source, id = id)
    } else {
        t!("cloud-cred-described", source = source, id = id)
    }
}

pub fn account_ui(ctx: &egui::Context, cloud: &mut Cloud, form: &mut AccountForm, region: &str) {
    if !cloud.settings_open {
        return;
    }
    if form.profiles.lock().map(|p| p.is_none()).unwrap_or(false) {
        // Reading ~/.aliyun/config.json is disk work: do it on a thread.
        let slot = form.profiles.clone();
        if let Ok(mut s) = slot.lock() {
            *s = Some(Vec::new());
        }
        let env = cloud.env.clone();
        cloud.in_background(move || {
            let names = env.with_lookup(cli_profile_names);
            if let Ok(mut s) = slot.lock() {
                *s = Some(names);
            }
        });
    }
    let choice_now = cloud.settings.credentials.clone();
    let stale = form.active.lock().map(|a| a.as_ref().is_none_or(|(c, _)| *c != choice_now)).unwrap_or(false);
    if stale && choice_now != CredentialChoice::Session {
        // Reading the profile files is disk work: resolve on a thread.
        let slot = form.active.clone();
        let conn = cloud.connection(region);
        if let Ok(mut a) = slot.lock() {
            *a = Some((choice_now.clone(), Ok(t!("cloud-cred-looking"))));
        }
        cloud.in_background(move || {
            let found = conn.credentials().map(|c| describe(&c)).map_err(|e| e.to_string());
            if let Ok(mut a) = slot.lock() {
                *a = Some((conn.choice, found));
            }
        });
    }
    let mut open = cloud.settings_open;
    let mut changed = false;
    // A modal: while it is open no key reaches the editor behind it.
    egui::Modal::new(egui::Id::unique("account-settings")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading(t!("cloud-account-title"));
        crate::ui::language::setting(ui, cloud);
        changed |= editing_settings(ui, cloud);
        if cloud.sandbox {
            ui.colored_label(ui.visuals().warn_fg_color, t!("cloud-account-sandbox"));
        }
        ui.label(egui::RichText::new(t!("cloud-credentials")).strong());
        let choice = cloud.settings.credentials.clone();
        if ui.radio(choice == CredentialChoice::Automatic, t!("cloud-cred-automatic")).clicked() {
            cloud.settings.credentials = CredentialChoice::Automatic;
            changed = true;
        }
        let profiles = form.profiles.lock().ok().and_then(|p| p.clone()).unwrap_or_default();
        ui.horizontal(|ui| {
            let current = match &choice {
                CredentialChoice::Profile(p) => p.clone(),
                _ => String::new(),
            };
            if ui.radio(matches!(choice, CredentialChoice::Profile(_)), t!("cloud-cred-profile")).clicked()
                && !matches!(choice, CredentialChoice::Profile(_))
            {
                // i18n-exempt: the aliyun CLI's own name for its first profile
                let first = profiles.first().cloned().unwrap_or_else(|| "default".into());
                cloud.settings.credentials = CredentialChoice::Profile(first);
                changed = true;
            }
            egui::ComboBox::from_id_salt("credential-profile")
                .selected_text(if current.is_empty() { t!("cloud-cred-choose") } else { current.clone() })
                .show_ui(ui, |ui| {
                    if profiles.is_empty() {
                        ui.label(t!("cloud-cred-no-profiles"));
                    }
                    for p in &profiles {
                        if ui.selectable_label(*p == current, p).clicked() {
                            cloud.settings.credentials = CredentialChoice::Profile(p.clone());
                            changed = true;
                        }
                    }
                })
                .response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, t!("cloud-cred-profile-name")));
        });
        if ui.radio(choice == CredentialChoice::Session, t!("cloud-cred-session")).clicked() {
            cloud.settings.credentials = CredentialChoice::Session;
            changed = true;
        }
        if cloud.settings.credentials != CredentialChoice::Session {
            match form.active.lock().ok().and_then(|a| a.clone()).map(|(_, r)| r) {
                Some(Ok(text)) => {
                    ui.label(t!("cloud-cred-active", what = text));
                }
                Some(Err(e)) => {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                None => {}
            }
        }
        if cloud.settings.credentials == CredentialChoice::Session {
            let row = |ui: &mut egui::Ui, label: &str, text: &mut String, secret: bool| {
                ui.horizontal(|ui| {
                    let l = ui.add_sized([120.0, 18.0], egui::Label::new(label));
                    ui.add(egui::TextEdit::singleline(text).password(secret).desired_width(260.0)).labelled_by(l.id);
                });
            };
            row(ui, &t!("cloud-key-id"), &mut form.id, false);
            row(ui, &t!("cloud-key-secret"), &mut form.secret, true);
            row(ui, &t!("cloud-key-token"), &mut form.token, true);
            let mut remember = cloud.settings.remember_keys;
            let tick = ui.checkbox(&mut remember, t!("cloud-remember")).on_hover_text(t!("cloud-remember-tip"));
            if tick.changed() {
                cloud.settings.remember_keys = remember;
                changed = true;
                if remember {
                    if let Some(c) = &cloud.session {
                        cloud.keychain.remember(c);
                    }
                } else {
                    cloud.keychain.forget();
                }
            }
            if cloud.keychain.busy > 0 {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t!("cloud-asking-keychain"));
                });
            } else if let Some(note) = &cloud.keychain.note {
                let color =
                    if cloud.keychain.unavailable { ui.visuals().warn_fg_color } else { ui.visuals().text_color() };
                ui.colored_label(color, note);
            }
            let use_these = ui.button(t!("cloud-use-these")).clicked();
            if use_these {
                form.missing = match (form.id.trim().is_empty(), form.secret.is_empty()) {
                    (true, _) => Some(Missing::Id),
                    (false, true) => Some(Missing::Secret),
                    _ => None,
                };
            }
            if let Some(why) = form.missing {
                let why = match why {
                    Missing::Id => t!("cloud-enter-id"),
                    Missing::Secret => t!("cloud-enter-secret"),
                };
                ui.colored_label(ui.visuals().warn_fg_color, why);
            }
            if use_these && form.missing.is_none() {
                let mut c = Credentials::session(form.id.trim(), std::mem::take(&mut form.secret));
                let token = std::mem::take(&mut form.token);
                c.security_token =
                    (!token.trim().is_empty()).then(|| crate::api::credentials::Secret::new(token.trim()));
                crate::core::keys::protect(&c);
                if cloud.settings.remember_keys {
                    cloud.keychain.remember(&c);
                }
                cloud.session = Some(c);
            }
            match &cloud.session {
                Some(c) => ui.label(t!("cloud-cred-active", what = describe(c))),
                None => ui.label(t!("cloud-none-entered")),
            };
        }
        ui.separator();
        ui.horizontal(|ui| {
            let l = ui.label(t!("cloud-default-region"));
            let shown = if cloud.settings.default_region.is_empty() {
                t!("cloud-default-region-auto")
            } else {
                cloud.settings.default_region.clone()
            };
            egui::ComboBox::from_id_salt("default-region")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for r in REGIONS {
                        if ui.selectable_label(cloud.settings.default_region == r.id, r.id).clicked() {
                            cloud.settings.default_region = r.id.to_owned();
                            changed = true;
                        }
                    }
                })
                .response
                .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui.label(t!("cloud-endpoint"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut cloud.settings.endpoint)
                        .hint_text(t!("cloud-endpoint-hint"))
                        .desired_width(260.0),
                )
                .labelled_by(l.id);
            changed |= r.lost_focus();
        });
        changed |= ui.checkbox(&mut cloud.settings.allow_insecure_http, t!("cloud-allow-http")).changed();
        ui.horizontal(|ui| {
            let l = ui.label(t!("cloud-signature"));
            egui::ComboBox::from_id_salt("signature-version")
                .selected_text(signature_text(cloud.settings.signature))
                .show_ui(ui, |ui| {
                    for v in crate::api::sign::SignatureVersion::ALL {
                        if ui.selectable_label(cloud.settings.signature == v, signature_text(v)).clicked() {
                            cloud.settings.signature = v;
                            changed = true;
                        }
                    }
                })
                .response
                .labelled_by(l.id);
        });
        ui.separator();
        ui.horizontal(|ui| {
            let l = ui.label(t!("cloud-ffmpeg"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut cloud.settings.ffmpeg_path)
                        .hint_text(t!("cloud-ffmpeg-hint"))
                        .desired_width(260.0),
                )
                .labelled_by(l.id)
                .on_hover_text(t!("cloud-ffmpeg-tip"));
            changed |= r.lost_focus();
        });
        ui.horizontal(|ui| {
            let l = ui.label(t!("cloud-frame-memory"));
            let mut mb = if cloud.settings.frame_memory_mb == 0 { 256 } else { cloud.settings.frame_memory_mb };
            let r = ui.add(egui::DragValue::new(&mut mb).range(16..=4096)).labelled_by(l.id);
            if r.changed() {
                cloud.settings.frame_memory_mb = mb;
                changed = true;
            }
        });
        let executor = cloud.executor().clone();
        changed |= crate::ui::sound::device_row(ui, &mut cloud.settings.sound, &mut form.devices, &executor);
        ui.separator();
        ui.horizontal(|ui| {
            let testing = cloud.tasks.is_running(Kind::TestConnection);
            if ui.add_enabled(!testing, egui::Button::new(t!("cloud-test-connection"))).clicked() {
                cloud.test_connection(region);
            }
            if testing {
                ui.spinner();
            }
        });
        match &cloud.test_result {
            Some(Ok(m)) => {
                ui.colored_label(egui::Color32::from_rgb(90, 200, 120), m);
            }
            Some(Err(m)) => {
                ui.colored_label(ui.visuals().error_fg_color, m);
            }
            None => {}
        }
        ui.separator();
        if crate::ui::dialog::default_button(ui, &t!("ui-close")).clicked() || crate::ui::dialog::escape(ui) {
            open = false;
        }
    });
    cloud.settings_open = open;
    if changed {
        cloud.save_settings();
    }
}

/// How the editor shows times, and how long a still lasts when dropped. True when changed.
fn editing_settings(ui: &mut egui::Ui, cloud: &mut Cloud) -> bool {
    use crate::model::time::TimeUnit;
    let c = crate::ui::commands::Command::TimesInSeconds;
    let mut seconds = cloud.settings.time_unit == TimeUnit::Seconds;
    let r = ui.checkbox(&mut seconds, c.text()).on_hover_text(c.tooltip());
    if r.changed() {
        cloud.settings.time_unit = if seconds { TimeUnit::Seconds } else { TimeUnit::Timecode };
    }
    let mut changed = r.changed();
    ui.horizontal(|ui| {
        let l = ui.label(t!("cloud-still-duration")).on_hover_text(t!("cloud-still-duration-tip"));
        let mut secs = cloud.settings.still_duration().as_secs_f64();
        let r = ui
            .add(egui::DragValue::new(&mut secs).range(0.1..=3600.0).speed(0.1).suffix(t!("cloud-seconds-suffix")))
            .labelled_by(l.id);
        if r.changed() {
            cloud.settings.still_duration = crate::model::Time::from_secs_f64(secs);
            changed = true;
        }
    });
    changed
}

/// A signature version as the settings list it.
fn signature_text(v: crate::api::sign::SignatureVersion) -> String {
    match v {
        crate::api::sign::SignatureVersion::V1 => t!("cloud-signature-v1"),
        crate::api::sign::SignatureVersion::V3 => t!("cloud-signature-v3"),
    }
}
