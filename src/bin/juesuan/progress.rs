//! Progress on standard error for long runs, drawn by indicatif; hidden
//! when standard error is not a terminal or with `--quiet`.

use std::io::IsTerminal as _;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// What a bar counts.
pub enum Unit {
    /// Reports (files).
    Reports,
    /// Bytes of input read (JSON Lines).
    Bytes,
}

/// A bar of `len` steps (a spinner when the length is unknown), or a
/// hidden one.
pub fn bar(len: Option<u64>, unit: Unit, shown: bool) -> ProgressBar {
    if !shown || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (template, spinner) = match unit {
        Unit::Reports => (
            "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} reports, eta {eta} {msg}",
            "{spinner} [{elapsed_precise}] {pos} reports {msg}",
        ),
        Unit::Bytes => (
            "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} ({bytes_per_sec}), eta {eta} {msg}",
            "{spinner} [{elapsed_precise}] {bytes} ({bytes_per_sec}) {msg}",
        ),
    };
    let bar = match len {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    let template = if len.is_some() { template } else { spinner };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Writes to standard error without tearing the bar.
pub fn note(bar: &ProgressBar, text: &str) {
    if text.is_empty() {
        return;
    }
    bar.suspend(|| eprint!("{text}"));
}
