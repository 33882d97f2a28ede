//! datakompas: privacy and data-ethics workshops for marketing teams.
//!
//! Dependencies point one way: `commands` → `tui` → `context`, `room`,
//! `export`, `store`, `deck` → `regular_file` → `domain`. `i18n` holds every
//! text and depends on `domain` only; `store`, `deck` and `regular_file` word
//! their errors with it.

pub mod cli;
pub mod commands;
pub mod context;
pub mod deck;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod regular_file;
pub mod room;
pub mod store;
pub mod tui;
