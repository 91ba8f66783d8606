#![allow(dead_code)]
//! The real binary as a user runs it: an empty home and data folder, nothing else in the
//! environment but PATH, pointed at a loopback VOD server. Included with `#[path]` by the CLI
//! tests that need it (not from `support/mod.rs`: examples and benches share that module, and
//! only tests know where the binary is).

use crate::support::vod_server::{KEY_ID, KEY_SECRET, VodServer};
use std::process::{Command, Output};

pub struct Env {
    pub server: VodServer,
    pub home: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Self {
        let server = VodServer::start();
        // The media the tests' projects use, Normal: submit asks VOD about them first.
        server.add_media("5aed81b74ba84920be578cdfe004af4b", "video", "Beach", 20.0, "Normal");
        Env { server, home: tempfile::tempdir().unwrap() }
    }

    /// `vodcut ARGS` against the loopback server, without credentials.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = crate::support::isolated(env!("CARGO_BIN_EXE_vodcut"), self.home.path());
        c.args(args).env("VODCUT_ENDPOINT", self.server.url());
        c
    }

    /// As [`Env::command`], with the loopback server's keys in the environment.
    pub fn command_with_keys(&self, args: &[&str]) -> Command {
        let mut c = self.command(args);
        c.env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID).env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET);
        c
    }

    /// Runs `vodcut ARGS` with the keys and waits for it.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command_with_keys(args).output().unwrap()
    }
}
