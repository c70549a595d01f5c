#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
//! The public surface changes only on purpose: `docs/public-api.txt` lists
//! every `pub` item of the library's sources (functions with their
//! signatures, types, fields, constants, re-exports) and every trait
//! implementation, by file; this test fails when the sources differ from
//! it. After a deliberate change, rewrite it with
//! `UPDATE_PUBLIC_API=1 cargo test --test public_api` and commit the diff,
//! which then shows the change in review.
//!
//! It reads the sources rather than rustdoc's JSON, which needs a nightly
//! compiler: it runs in milliseconds on stable. Items of private modules
//! that are not re-exported are listed too (the list is a superset of what
//! users can reach), and `pub(crate)` items are not.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const LISTING: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/public-api.txt");

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            // The command line is a separate crate, not the library's API.
            if path.file_name().is_some_and(|n| n == "bin") {
                continue;
            }
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The item that starts at `lines[i]`, up to its body or end, on one line.
fn signature(lines: &[&str], i: usize) -> String {
    let mut sig = String::new();
    for line in &lines[i..] {
        let line = line.split(" //").next().unwrap_or(line).trim();
        if !sig.is_empty() {
            sig.push(' ');
        }
        sig.push_str(line);
        if line.ends_with('{') || line.ends_with(';') || line.ends_with(',') || line.ends_with('}')
        {
            break;
        }
    }
    let sig = sig.trim_end_matches(['{', ',', ';']).trim();
    sig.replace("( ", "(")
        .replace(" )", ")")
        .replace(", )", ")")
}

fn listing() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut out = String::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.strip_prefix(root).unwrap().display().to_string();
        let lines: Vec<&str> = text.lines().collect();
        let mut context = String::new();
        let mut skip_tests = false;
        for (i, line) in lines.iter().enumerate() {
            // Unit tests sit at the end of a file, behind #[cfg(test)].
            if *line == "#[cfg(test)]" && lines.get(i + 1).is_some_and(|l| l.starts_with("mod ")) {
                skip_tests = true;
            }
            if skip_tests {
                continue;
            }
            if line.starts_with("impl") {
                context = signature(&lines, i);
                let _ = writeln!(out, "{name} | {context}");
                continue;
            }
            if line.starts_with('}') {
                context.clear();
                continue;
            }
            if (line.starts_with("pub struct") || line.starts_with("pub enum"))
                && line.ends_with('{')
            {
                context = signature(&lines, i);
                let _ = writeln!(out, "{name} | {context}");
                continue;
            }
            // An enum's variants are as public as the enum.
            let variant = line.strip_prefix("    ").is_some_and(|v| {
                v.starts_with(|c: char| c.is_ascii_uppercase()) && !v.starts_with("Self")
            });
            if context.starts_with("pub enum") && variant {
                let _ = writeln!(out, "{name} | {context} | {}", signature(&lines, i));
                continue;
            }
            let trimmed = line.trim_start();
            if trimmed.starts_with("pub ") {
                let item = signature(&lines, i);
                if context.is_empty() {
                    let _ = writeln!(out, "{name} | {item}");
                } else {
                    let _ = writeln!(out, "{name} | {context} | {item}");
                }
            }
        }
    }
    out
}

#[test]
fn the_public_api_changes_only_on_purpose() {
    let now = listing();
    if std::env::var_os("UPDATE_PUBLIC_API").is_some() {
        std::fs::write(LISTING, &now).unwrap();
    }
    let committed = std::fs::read_to_string(LISTING).unwrap_or_default();
    if committed != now {
        let old: Vec<&str> = committed.lines().collect();
        let new: Vec<&str> = now.lines().collect();
        let removed: Vec<&&str> = old.iter().filter(|l| !new.contains(l)).take(20).collect();
        let added: Vec<&&str> = new.iter().filter(|l| !old.contains(l)).take(20).collect();
        panic!(
            "the public API differs from docs/public-api.txt (run `UPDATE_PUBLIC_API=1 cargo test \
             --test public_api` if the change is deliberate)\nremoved: {removed:#?}\nadded: {added:#?}"
        );
    }
}

#[test]
fn the_listing_names_what_users_call() {
    let now = listing();
    for line in [
        "src/read.rs | impl Disclosure | pub fn from_text(text: &str) -> Disclosure",
        "src/amount.rs | impl Amount | pub fn checked_add(self, rhs: Amount) -> Result<Amount, AmountError>",
        "src/audit/mod.rs | impl<'de> Deserialize<'de> for Finding",
        "src/span.rs | pub struct Span | pub line: u32",
    ] {
        assert!(now.lines().any(|l| l == line), "{line} not in\n{now}");
    }
    // Private and crate-visible items are not listed.
    assert!(!now.contains("pub(crate)"));
    assert!(!now.contains("fn combine("));
}
