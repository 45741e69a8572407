//! The command line's own parts: its arguments and its console.

pub mod args;
pub mod console;
