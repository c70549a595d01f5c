//! Audit a report: `cargo run --example audit -- FILE [--format json]`.
//!
//! FILE is a Disclosure JSON (`{"fiscal_year": …, "unit": "万元", "facts":
//! {…}}`) or a FinalAccounts JSON (validated strictly on load). Text output is for people; `--format json` prints
//! `{"facts": {id: value, …}, "findings": [{"rule", "severity", "message",
//! "facts", "expected", "actual", "difference", "tolerance", "span"}, …]}`.
//!
//! Exit status: 0 when there is no error finding, 1 when there is, 2 when the
//! input cannot be read or parsed (with the reason on stderr).

use std::process::ExitCode;

use juesuan::{Disclosure, FinalAccounts, Finding, Severity, audit};

enum Format {
    Text,
    Json,
}

struct Args {
    file: String,
    format: Format,
}

fn usage() -> String {
    "usage: audit FILE [--format text|json]".to_owned()
}

fn parse_args() -> Result<Args, String> {
    let mut file = None;
    let mut format = Format::Text;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" => {
                format = match args.next().as_deref() {
                    Some("json") => Format::Json,
                    Some("text") => Format::Text,
                    other => {
                        return Err(format!(
                            "--format: expected text or json, but found {other:?}\n{}",
                            usage()
                        ));
                    }
                }
            }
            "-h" | "--help" => return Err(usage()),
            s if s.starts_with('-') => return Err(format!("unknown option {s:?}\n{}", usage())),
            s => {
                if file.replace(s.to_owned()).is_some() {
                    return Err(format!("expected one FILE\n{}", usage()));
                }
            }
        }
    }
    Ok(Args {
        file: file.ok_or_else(usage)?,
        format,
    })
}

/// Reads a Disclosure JSON (it has a "facts" object) or a FinalAccounts
/// JSON (anything else), the latter strictly validated on load.
fn load(path: &str) -> Result<Disclosure, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{path}: invalid JSON at line {}, column {}: {e}",
            e.line(),
            e.column()
        )
    })?;
    if json.get("facts").is_some() {
        Disclosure::from_json_value(&json).map_err(|e| format!("{path}: {e}"))
    } else {
        FinalAccounts::from_json(&text)
            .map(|f| f.to_disclosure())
            .map_err(|e| format!("{path}: {e}"))
    }
}

fn print_text(d: &Disclosure, findings: &[Finding]) {
    let name = d.department().unwrap_or("(department not stated)");
    let year = d
        .fiscal_year()
        .map_or_else(|| "?".to_owned(), |y| y.label());
    println!(
        "{name} {year}: {} facts, {} findings",
        d.len(),
        findings.len()
    );
    for f in findings {
        println!("{}[{}]: {}", f.severity(), f.rule(), f.message());
        let ids: Vec<&str> = f.facts().iter().map(|i| i.as_str()).collect();
        println!("  facts: {}", ids.join(", "));
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity() == s).count();
    println!(
        "{} errors, {} warnings, {} info",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let disclosure = match load(&args.file) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let findings = audit(&disclosure);
    match args.format {
        Format::Text => print_text(&disclosure, &findings),
        Format::Json => {
            let facts = disclosure
                .to_json_value()
                .get("facts")
                .cloned()
                .unwrap_or_default();
            let out = serde_json::json!({
                "facts": facts,
                "findings": findings.iter().map(Finding::to_json).collect::<Vec<_>>(),
            });
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
    }
    if findings.iter().any(|f| f.severity() == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
