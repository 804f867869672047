//! Integration tests: each starts the emulator in-process on a free loopback port and talks
//! HTTP to it.

mod api;
mod common;
mod consent;
mod control;
mod events;
mod examples;
mod failing;
mod http;
mod state;
