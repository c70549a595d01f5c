#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! Lints that clippy has no rule for, checked over the library's source.
//!
//! - No formatting precision (`{:.2}`, `{:.*}`, `{x:>8.3}`) in the library:
//!   on a `Decimal` it goes through a fixed buffer in rust_decimal that panics
//!   (CapacityError) when a large value is asked for many decimals, which is
//!   how `tables()` panicked (issue 11). The library has no floats to format,
//!   so the rule is simply: none. Amounts are written by `amount::fixed_abs`.
//! - clippy's `arithmetic_side_effects` stays denied where input figures are
//!   computed with: the rules, the model, rounding, amounts, streaming and
//!   table rendering.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn library() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

/// The format specs (`{…:…}`) with a precision in the string literals of
/// one line of code (comments skipped).
fn precisions(line: &str) -> Vec<String> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut in_string = false;
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' && (i == 0 || chars[i - 1] != '\\') {
            in_string = !in_string;
        } else if in_string && c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                i += 2;
                continue;
            }
            let end = chars[i..].iter().position(|&c| c == '}').map(|e| i + e);
            if let Some(end) = end {
                let spec: String = chars[i + 1..end].iter().collect();
                if is_precision(&spec) {
                    found.push(format!("{{{spec}}}"));
                }
                i = end;
            }
        }
        i += 1;
    }
    found
}

/// Whether `spec` (between the braces) is a format spec with a precision:
/// an argument (a name or position, or none), `:`, then fill, alignment,
/// sign, width and `.` with digits, `*` or `name$`. Text that is no format
/// spec (JSON in a test string: `{"facts": …}`) has quotes or spaces.
fn is_precision(spec: &str) -> bool {
    let Some((argument, format)) = spec.split_once(':') else {
        return false;
    };
    let plain = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !plain(argument) || format.contains(['"', '\\', ' ', '{', ':']) {
        return false;
    }
    format.split_once('.').is_some_and(|(_, precision)| {
        precision.starts_with(|c: char| c.is_ascii_digit() || c == '*')
            || precision
                .split_once('$')
                .is_some_and(|(name, _)| !name.is_empty() && plain(name))
    })
}

#[test]
fn the_scanner_finds_precisions() {
    assert_eq!(precisions(r#"format!("{:.*}", d, x)"#), ["{:.*}"]);
    assert_eq!(precisions(r#"write!(f, "{x:>8.2} and {y}")"#), ["{x:>8.2}"]);
    assert_eq!(precisions(r#"format!("{:.prec$}", x)"#), ["{:.prec$}"]);
    assert!(precisions(r#"format!("{x:?} {{:.2}} {y:>8}")"#).is_empty());
    assert!(precisions(r#"// format!("{:.2}")"#).is_empty());
    assert!(precisions(r#"same("{\"facts\": {\"revenue.total\": \"1.00\"}}")"#).is_empty());
}

#[test]
fn no_formatting_precision_in_the_library() {
    let mut offenders = Vec::new();
    for (path, text) in library() {
        for (n, line) in text.lines().enumerate() {
            for spec in precisions(line) {
                offenders.push(format!("{}:{}: {spec}", path.display(), n + 1));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "formatting precision (a panic on a large Decimal): {offenders:#?}"
    );
}

#[test]
fn arithmetic_side_effects_stay_denied() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for file in [
        "audit/mod.rs",
        "model/mod.rs",
        "rounding.rs",
        "amount.rs",
        "stream.rs",
        "render/table.rs",
        "disclosure.rs",
    ] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        assert!(
            text.contains("#![deny(clippy::arithmetic_side_effects)]"),
            "{file} no longer denies clippy::arithmetic_side_effects"
        );
    }
}

/// Every public item behind a cargo feature says so on docs.rs: a
/// `#[cfg(feature = "x")]` on a `pub` item (outside the command's own
/// source) is followed by `#[cfg_attr(docsrs, doc(cfg(feature = "x")))]`
/// among its attributes. And the package metadata that docs.rs reads is
/// there: the documentation URL, and a build with every feature.
#[test]
fn feature_gated_items_are_marked_for_docs_rs() {
    let mut gated = 0;
    for (path, text) in library() {
        if path.components().any(|c| c.as_os_str() == "bin") {
            continue;
        }
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(feature) = line
                .strip_prefix("#[cfg(feature = \"")
                .and_then(|r| r.strip_suffix("\")]"))
            else {
                continue;
            };
            let attributes: Vec<&str> = lines[i + 1..]
                .iter()
                .copied()
                .take_while(|l| l.starts_with("#[") || l.starts_with("///"))
                .collect();
            let item = lines[i + 1 + attributes.len()..]
                .first()
                .copied()
                .unwrap_or_default();
            if !item.starts_with("pub ") {
                continue;
            }
            gated += 1;
            let mark = format!("#[cfg_attr(docsrs, doc(cfg(feature = \"{feature}\")))]");
            assert!(
                attributes.contains(&mark.as_str()),
                "{}:{}: `{item}` is behind feature {feature} without {mark}",
                path.display(),
                i + 1
            );
        }
    }
    assert!(gated > 0, "the proptest strategies are feature-gated");
    let manifest: toml::Table =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .unwrap()
            .parse()
            .unwrap();
    let package = &manifest["package"];
    assert_eq!(
        package["documentation"].as_str(),
        Some("https://docs.rs/juesuan")
    );
    let docs_rs = &package["metadata"]["docs"]["rs"];
    assert_eq!(docs_rs["all-features"].as_bool(), Some(true));
    assert!(
        docs_rs["rustdoc-args"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a.as_str() == Some("docsrs"))
    );
}

/// An embeddable library writes nothing to stdout or stderr: what it has to
/// say is a value (a diagnostic, a finding, an error). Only the command
/// (`src/bin`) prints. Doc comments and examples in them are skipped.
#[test]
fn the_library_does_not_print() {
    let mut offenders = Vec::new();
    for (path, text) in library() {
        if path.components().any(|c| c.as_os_str() == "bin") {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for mac in ["println!", "print!", "eprintln!", "eprint!", "dbg!"] {
                if code.contains(mac) {
                    offenders.push(format!("{}:{}: {}", path.display(), n + 1, code));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "prints in the library: {offenders:#?}"
    );
}
