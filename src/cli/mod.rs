//! Subcommands that are more than a line or two of `main`.

pub mod campaign;
