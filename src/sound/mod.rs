//! THE SOUND: the mix (pure: which media sound when, at what gain), fades and ducking as VOD
//! takes them, and hearing it: decoding with ffmpeg, mixing, and the output device, all off
//! the UI thread.

pub mod decode;
pub mod fades;
pub mod levels;
pub mod mix;
pub mod out;
pub mod player;
#[cfg(target_os = "linux")]
pub mod pulse;
pub mod session;
pub mod warm;
