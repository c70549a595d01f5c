//! Auditing a report with the library, in a few lines:
//! `cargo run --example audit -- FILE`, or `-- --jsonl FILE` for one JSON
//! report per line. (The `juesuan` command does this for real: formats,
//! directories, parallel runs, exit codes; see `juesuan audit --help`.)
//!
//! FILE is a Disclosure or FinalAccounts JSON, read with
//! [`Disclosure::from_any_json`](juesuan::Disclosure::from_any_json), a published report's PDF (`.pdf`), read with
//! [`juesuan::pdf::read_pdf`] (narrative and tables; each finding located by
//! page), or its text, read with [`Disclosure::from_text`](juesuan::Disclosure::from_text). Every finding is
//! printed; the exit status is 1 when one is an error, 2 when FILE cannot be
//! read.

use std::io::BufReader;
use std::process::ExitCode;

use juesuan::{Audit, Disclosure, Severity, audit, stream::audit_jsonl};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (jsonl, path) = match args.as_slice() {
        [flag, path] if flag == "--jsonl" => (true, path),
        [path] => (false, path),
        _ => {
            eprintln!("usage: audit FILE | audit --jsonl FILE");
            return ExitCode::from(2);
        }
    };
    if jsonl {
        // One report per line, audited one at a time in flat memory.
        let Ok(file) = std::fs::File::open(path) else {
            eprintln!("error: cannot read {path}");
            return ExitCode::from(2);
        };
        let summary = audit_jsonl(BufReader::new(file), &Audit::new(), |item| {
            match item.result {
                Ok(findings) => findings
                    .iter()
                    .filter(|f| f.severity() == Severity::Error)
                    .for_each(|f| println!("{path}:{}: {f}", item.line)),
                Err(e) => eprintln!("{path}:{}: not a report: {e}", item.line),
            }
        });
        return match summary {
            Ok(s) => {
                print!("{s}");
                ExitCode::from(match (s.unreadable(), s.reports_with_errors()) {
                    (0, 0) => 0,
                    (0, _) => 1,
                    _ => 2,
                })
            }
            Err(e) => {
                eprintln!("error: cannot read {path}: {e}");
                ExitCode::from(2)
            }
        };
    }
    if path.to_ascii_lowercase().ends_with(".pdf") {
        return pdf(path);
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("error: cannot read {path}");
        return ExitCode::from(2);
    };
    // A byte-order mark is no part of the report; nothing at all is no report.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        eprintln!("error: {path}: no report in the input (it is empty)");
        return ExitCode::from(2);
    }
    let report = if text.trim_start().starts_with('{') {
        match Disclosure::from_any_json(text) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: {path}: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        Disclosure::from_text(text)
    };
    let findings = audit(&report);
    for f in &findings {
        println!("{f}");
    }
    println!("{} facts, {} findings", report.len(), findings.len());
    if findings.iter().any(|f| f.severity() == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A PDF: its narrative and its tables, each finding with its page.
fn pdf(path: &str) -> ExitCode {
    let pdf = match juesuan::pdf::read_pdf(path) {
        Ok(pdf) => pdf,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let report = &pdf.report.disclosure;
    let findings = audit(report);
    for f in &findings {
        println!("{f}");
        if let Some(span) = f.span() {
            println!("   --> {}", span.describe(&pdf.text.layout));
        }
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity() == Severity::Error)
        .count();
    println!("{} facts, {} findings", report.len(), findings.len());
    println!("{errors} errors");
    ExitCode::from(u8::from(errors > 0))
}
