//! Shūnō (収納): settlement, import and progress charts for public-revenue
//! collection contracts in Japan.
//!
//! [`core`] is the pure functional core (no DOM, no network, no globals), shared by
//! the browser app ([`app`], feature `app`) and the command line ([`cli`], feature
//! `cli`). See `ARCHITECTURE.md` for the map.

pub mod core;
pub mod profiles;

#[cfg(feature = "app")]
pub mod app;

#[cfg(feature = "cli")]
pub mod cli;

#[cfg(feature = "cli")]
pub mod demo;
