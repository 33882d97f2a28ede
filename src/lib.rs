//! datakompas: privacy and data-ethics workshops for marketing teams.
//!
//! Dependencies point one way: `tui` → `export`, `store`, `deck` → `domain`.

pub mod cli;
pub mod commands;
pub mod context;
pub mod deck;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod store;
pub mod tui;
