//! Audit a report: `cargo run --example audit -- FILE [--format json]`, or many:
//! `cargo run --release --example audit -- --jsonl FILE`.
//!
//! FILE is a Disclosure JSON (`{"fiscal_year": …, "unit": "万元", "facts":
//! {…}}`), a FinalAccounts JSON (validated strictly on load), or the text of a
//! published report as extracted from its PDF (anything that does not start
//! with `{`, or a `.txt` file), which is read with [`juesuan::parse_report`];
//! what the reader skipped goes to stderr as notes.
//!
//! With `--jsonl`, FILE holds one report (Disclosure or FinalAccounts JSON) per
//! line; they are audited one at a time with memory independent of their
//! number (see [`juesuan::audit_jsonl`]), with a progress line on stderr every
//! second, the errors listed by line, and a summary at the end: reports, and
//! findings by rule and severity.
//!
//! Text output is for people: each finding like a compiler diagnostic,
//!
//! ```text
//! warning[code.malformed]: cited code “208001 行政运行”: …
//!    --> report.txt:509:19
//!     |
//! 509 | 应的科目调整，2024 年把离退休人员公用经费从 2080501，
//!     |                                  ^^^^^^^
//! ```
//!
//! `--format json` prints `{"facts": {id: value, …}, "findings": [{"rule", "severity",
//! "message", "facts", "expected", "actual", "difference", "tolerance", "span"}, …]}`.
//!
//! Exit status: 0 when there is no error finding, 1 when there is, 2 when the input
//! cannot be read or parsed (with the reason on stderr).

use std::io::BufReader;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use juesuan::{
    Audit, Disclosure, Finding, Severity, Span, audit, audit_jsonl, parse_report, read_report,
};

enum Format {
    Text,
    Json,
}

struct Args {
    file: String,
    format: Format,
    jsonl: bool,
}

fn usage() -> String {
    "usage: audit FILE [--format text|json]\n       audit --jsonl FILE".to_owned()
}

fn parse_args() -> Result<Args, String> {
    let mut file = None;
    let mut format = Format::Text;
    let mut jsonl = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jsonl" => jsonl = true,
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
        jsonl,
    })
}

/// What was loaded: the disclosure, and the source text when it was read from text.
struct Loaded {
    disclosure: Disclosure,
    source: Option<String>,
}

fn is_text(path: &str, content: &str) -> bool {
    let txt = Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    txt || !content.trim_start().starts_with('{')
}

fn load(path: &str) -> Result<Loaded, String> {
    let content = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    // A byte-order mark is no part of the report.
    let content = content
        .strip_prefix('\u{feff}')
        .unwrap_or(&content)
        .to_owned();
    if content.trim().is_empty() {
        return Err(format!("{path}: no report in the input (it is empty)"));
    }
    if !is_text(path, &content) {
        let disclosure = read_report(&content).map_err(|e| format!("{path}: {e}"))?;
        return Ok(Loaded {
            disclosure,
            source: None,
        });
    }
    let parsed = parse_report(&content);
    for d in &parsed.diagnostics {
        eprintln!("{d}");
        eprintln!("   --> {path}:{}:{}", d.span.line, d.span.column);
    }
    Ok(Loaded {
        disclosure: parsed.disclosure,
        source: Some(content),
    })
}

/// The source line under a gutter and the carets under the span, like a compiler.
fn print_location(path: &str, span: &Span, source: &str) {
    let number = span.line.to_string();
    let pad = " ".repeat(number.len());
    println!("{pad}--> {path}:{}:{}", span.line, span.column);
    if let (Some(line), Some(carets)) = (span.source_line(source), span.caret_line(source)) {
        println!("{pad} |");
        println!("{number} | {line}");
        println!("{pad} | {carets}");
    }
}

fn print_text(path: &str, loaded: &Loaded, findings: &[Finding]) {
    let d = &loaded.disclosure;
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
        println!();
        println!("{}[{}]: {}", f.severity(), f.rule(), f.message());
        match (f.span(), &loaded.source) {
            (Some(span), Some(source)) => print_location(path, &span, source),
            (Some(span), None) => println!("  --> {path}: fact at line {}", span.line),
            _ => {}
        }
        let ids: Vec<&str> = f.facts().iter().map(|i| i.as_str()).collect();
        println!("  = facts: {}", ids.join(", "));
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity() == s).count();
    println!();
    println!(
        "{} errors, {} warnings, {} info",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
}

/// Streams a JSON Lines file: progress on stderr, errors by line, summary.
fn stream(path: &str) -> ExitCode {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let mut last = start;
    let result = audit_jsonl(BufReader::new(file), &Audit::new(), |item| {
        match item.result {
            Ok(findings) => {
                for f in findings.iter().filter(|f| f.severity() == Severity::Error) {
                    println!("{path}:{}: {f}", item.line);
                }
            }
            Err(e) => eprintln!("{path}:{}: unreadable report: {e}", item.line),
        }
        if last.elapsed() >= Duration::from_secs(1) {
            last = Instant::now();
            let s = item.summary;
            let rate = s.reports() as f64 / start.elapsed().as_secs_f64().max(1e-9);
            eprintln!(
                "progress: {} reports, {} with errors, {} unreadable ({rate:.0} reports/s)",
                s.reports(),
                s.reports_with_errors(),
                s.unreadable()
            );
        }
    });
    match result {
        Ok(summary) => {
            print!("{summary}");
            println!("in {:.2?}", start.elapsed());
            if summary.reports() == 0 {
                eprintln!("error: {path}: no readable report in the input");
                ExitCode::from(2)
            } else if summary.reports_with_errors() > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if args.jsonl {
        return stream(&args.file);
    }
    let loaded = match load(&args.file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let findings = audit(&loaded.disclosure);
    match args.format {
        Format::Text => print_text(&args.file, &loaded, &findings),
        Format::Json => {
            let facts = loaded
                .disclosure
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
