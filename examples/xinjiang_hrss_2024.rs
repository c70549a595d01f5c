//! The reference report, rebuilt from data: the 2024 final accounts of
//! 新疆维吾尔自治区人力资源和社会保障厅.
//!
//! `cargo run --example xinjiang_hrss_2024` loads `examples/data/xinjiang-hrss-2024.json`,
//! audits it, prints the findings grouped by severity, then the tables the
//! data fills, as aligned text.

use std::process::ExitCode;

use juesuan::{Disclosure, Severity, TableId, audit, tables};

const DATA: &str = include_str!("data/xinjiang-hrss-2024.json");

fn main() -> ExitCode {
    let report = match Disclosure::from_json(DATA) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: examples/data/xinjiang-hrss-2024.json: {e}");
            return ExitCode::from(2);
        }
    };
    println!(
        "{} {}部门决算: {} facts",
        report.department().unwrap_or_default(),
        report.fiscal_year().map(|y| y.label()).unwrap_or_default(),
        report.len()
    );
    let findings = audit(&report);
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let group: Vec<_> = findings
            .iter()
            .filter(|f| f.severity() == severity)
            .collect();
        println!("\n== {} ({}): {}", severity.label(), severity, group.len());
        for f in group {
            let first = f.facts().first().map(|id| id.as_str()).unwrap_or_default();
            println!("[{}] {} ({first})", f.rule(), f.message());
        }
    }
    for table in tables(&report) {
        if matches!(
            table.id(),
            TableId::T1
                | TableId::T4
                | TableId::T5
                | TableId::T6
                | TableId::T7
                | TableId::T8
                | TableId::T9
        ) {
            println!("\n{}", table.to_text());
        }
    }
    ExitCode::SUCCESS
}
