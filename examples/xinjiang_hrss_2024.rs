//! The reference report, rebuilt from data: the 2024 final accounts of
//! 新疆维吾尔自治区人力资源和社会保障厅.
//!
//! `cargo run --example xinjiang_hrss_2024` loads
//! `examples/data/xinjiang-hrss-2024.json` as a strict, typed
//! [`FinalAccounts`] (every identity checked on load), audits it, prints the findings
//! grouped by severity, the tables the data fills as aligned text, and the
//! regenerated 部门决算情况说明.
//!
//! Flags:
//! - `--narrative FILE` writes the narrative alone to FILE (and prints
//!   nothing else);
//! - `--csv DIR` writes every table to `DIR/T1.csv` … (long layout, header
//!   [`juesuan::CSV_HEADER`]) and the whole report to `DIR/tables.csv`;
//! - `--markdown DIR` writes every table to `DIR/T1.md` … and
//!   `DIR/tables.md`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use juesuan::{CSV_HEADER, Disclosure, FinalAccounts, Severity, Table, audit, narrative, tables};

const DATA: &str = include_str!("data/xinjiang-hrss-2024.json");

#[derive(Default)]
struct Args {
    narrative: Option<PathBuf>,
    csv: Option<PathBuf>,
    markdown: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut out = Args::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .map(PathBuf::from)
                .ok_or_else(|| format!("{flag} needs a path"))
        };
        match a.as_str() {
            "--narrative" => out.narrative = Some(value("--narrative")?),
            "--csv" => out.csv = Some(value("--csv")?),
            "--markdown" => out.markdown = Some(value("--markdown")?),
            other => {
                return Err(format!(
                    "unknown argument {other:?}\nusage: xinjiang_hrss_2024 [--narrative FILE] [--csv DIR] [--markdown DIR]"
                ));
            }
        }
    }
    Ok(out)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn write_tables(
    dir: &Path,
    all: &[Table],
    ext: &str,
    one: fn(&Table) -> String,
) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut whole = String::new();
    if ext == "csv" {
        whole.push_str(CSV_HEADER);
        whole.push('\n');
    }
    for t in all {
        let body = one(t);
        let file = if ext == "csv" {
            format!("{CSV_HEADER}\n{body}")
        } else {
            body.clone()
        };
        write(&dir.join(format!("{}.{ext}", t.id())), &file)?;
        whole.push_str(&body);
        if ext != "csv" {
            whole.push('\n');
        }
    }
    write(&dir.join(format!("tables.{ext}")), &whole)
}

fn run(args: &Args, report: &Disclosure) -> Result<(), String> {
    let all = tables(report);
    if let Some(dir) = &args.csv {
        write_tables(dir, &all, "csv", Table::to_csv_rows)?;
    }
    if let Some(dir) = &args.markdown {
        write_tables(dir, &all, "md", Table::to_markdown)?;
    }
    if let Some(path) = &args.narrative {
        return write(path, &narrative(report));
    }
    // Everything goes through one buffer, written at the end, so that a
    // closed pipe (`| head`) ends the program quietly instead of panicking.
    let mut out = String::new();
    macro_rules! outln {
        ($o:expr, $($arg:tt)*) => {{
            let _ = writeln!($o, $($arg)*);
        }};
    }
    outln!(
        out,
        "{} {}部门决算: {} facts",
        report.department().unwrap_or_default(),
        report.fiscal_year().map(|y| y.label()).unwrap_or_default(),
        report.len()
    );
    let findings = audit(report);
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let group: Vec<_> = findings
            .iter()
            .filter(|f| f.severity() == severity)
            .collect();
        outln!(
            out,
            "\n== {} ({}): {}",
            severity.label(),
            severity,
            group.len()
        );
        for f in group {
            let first = f.facts().first().map(|id| id.as_str()).unwrap_or_default();
            outln!(out, "[{}] {} ({first})", f.rule(), f.message());
        }
    }
    for table in &all {
        outln!(out, "\n{}", table.to_text());
    }
    outln!(out, "\n{}", narrative(report));
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            return Err(format!("cannot write to stdout: {e}"));
        }
        _ => {}
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let accounts = match FinalAccounts::from_json(DATA) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: examples/data/xinjiang-hrss-2024.json: {e}");
            return ExitCode::from(2);
        }
    };
    let report = accounts.to_disclosure();
    match run(&args, &report) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
