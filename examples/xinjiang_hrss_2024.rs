//! The reference report, rebuilt from data: the 2024 final accounts of
//! 新疆维吾尔自治区人力资源和社会保障厅.
//!
//! `cargo run --example xinjiang_hrss_2024` loads
//! `examples/data/xinjiang-hrss-2024.json` as a strict, typed
//! [`FinalAccounts`] (every identity checked on load) and prints, in one
//! screen: the verdict of that reconstruction, the audit's findings, and
//! T1 (收入支出决算总表) as published, 收入 beside 支出.
//!
//! The rest goes to files:
//! - `--narrative FILE` writes the regenerated 部门决算情况说明;
//! - `--csv DIR` writes every table to `DIR/T1.csv` … (long layout, header
//!   [`juesuan::render::CSV_HEADER`]) and the whole report to `DIR/tables.csv`;
//! - `--markdown DIR` writes every table to `DIR/T1.md` … and
//!   `DIR/tables.md`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use juesuan::{
    FinalAccounts, audit, render::CSV_HEADER, render::Table, render::TableId, render::narrative,
    render::tables,
};

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
    let csv = ext == "csv";
    let mut whole = if csv {
        format!("{CSV_HEADER}\n")
    } else {
        String::new()
    };
    for t in all {
        let body = one(t);
        let file = if csv {
            format!("{CSV_HEADER}\n{body}")
        } else {
            body.clone()
        };
        write(&dir.join(format!("{}.{ext}", t.id())), &file)?;
        whole.push_str(&body);
        if !csv {
            whole.push('\n');
        }
    }
    write(&dir.join(format!("tables.{ext}")), &whole)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    // The verdict: the strict model accepts the report only if every
    // identity holds (within rounding).
    let accounts = match FinalAccounts::from_json(DATA) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: examples/data/xinjiang-hrss-2024.json: {e}");
            if let Some(model) = e.model_error() {
                eprintln!("  because: {model}");
            }
            return ExitCode::FAILURE;
        }
    };
    let report = accounts.to_disclosure();
    let all = tables(&report);
    let files = args
        .csv
        .as_deref()
        .map(|dir| write_tables(dir, &all, "csv", Table::to_csv_rows))
        .into_iter()
        .chain(
            args.markdown
                .as_deref()
                .map(|dir| write_tables(dir, &all, "md", Table::to_markdown)),
        )
        .chain(
            args.narrative
                .as_deref()
                .map(|path| write(path, &narrative(&report))),
        )
        .collect::<Result<Vec<()>, String>>();
    if let Err(e) = files {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }

    let mut out = String::new();
    let findings = audit(&report);
    let _ = writeln!(
        out,
        "{} {}部门决算: rebuilt as FinalAccounts, {} facts; every identity holds within rounding\n",
        accounts.department(),
        accounts.fiscal_year().label(),
        report.len(),
    );
    let _ = writeln!(out, "Findings ({}):", findings.len());
    for f in &findings {
        let _ = writeln!(out, "  {f}");
    }
    if let Some(t1) = all.iter().find(|t| t.id() == TableId::T1) {
        let _ = writeln!(out, "\n{}", t1.to_text());
    }
    let _ = writeln!(
        out,
        "Other tables: --csv DIR, --markdown DIR; the narrative: --narrative FILE"
    );
    // One write at the end: a closed pipe (`| head`) ends the program
    // quietly instead of panicking.
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write to stdout: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
