//! Text output: each finding like a compiler diagnostic.
//!
//! ```text
//! warning[code.malformed]: cited code “208001 行政运行”: …
//!    --> report.txt:509:19
//!     |
//! 509 | 应的科目调整，2024 年把离退休人员公用经费从 2080501，
//!     |                                  ^^^^^^^
//!   = facts: general_budget.function.2080501.cited_code
//! ```

use std::fmt::Write as _;

use crate::output::{Report, SourceIndex, counted, location};

/// How many fact ids a finding lists before "… and N more".
const FACTS_SHOWN: usize = 6;

/// The report's findings, then its counts.
pub fn report(r: &Report) -> String {
    let mut out = String::new();
    let d = &r.loaded.disclosure;
    let _ = writeln!(
        out,
        "{}: {}: {}, {}",
        r.loaded.name,
        r.title(),
        counted(d.len(), "fact", "facts"),
        counted(r.findings.len(), "finding", "findings")
    );
    let index = r.loaded.source.as_deref().map(SourceIndex::new);
    for f in &r.findings {
        let _ = writeln!(out, "\n{f}");
        let ids: Vec<&str> = f.facts().iter().map(|i| i.as_str()).collect();
        match (f.span(), &index) {
            (Some(span), Some(index)) => {
                let number = span.line.to_string();
                let pad = " ".repeat(number.len());
                let _ = writeln!(
                    out,
                    "{pad}--> {}",
                    location(&r.loaded.name, &span, Some(index))
                );
                let line = usize::try_from(span.line).ok().and_then(|n| index.line(n));
                if let (Some(line), Some(carets)) = (line, index.carets(&span)) {
                    let _ = writeln!(out, "{pad} |");
                    let _ = writeln!(out, "{number} | {}", line.replace('\x0c', ""));
                    let _ = writeln!(out, "{pad} | {carets}");
                }
            }
            _ => {
                if let Some(first) = ids.first() {
                    let _ = writeln!(out, "  --> {}: {first}", r.loaded.name);
                }
            }
        }
        match ids.len() {
            0 => {}
            n if n > FACTS_SHOWN => {
                let shown = ids.get(..FACTS_SHOWN).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  = facts: {}, … and {} more",
                    shown.join(", "),
                    n - FACTS_SHOWN
                );
            }
            _ => {
                let _ = writeln!(out, "  = facts: {}", ids.join(", "));
            }
        }
    }
    let _ = writeln!(out, "\n{}", r.counts());
    out
}

/// What the text reader skipped, as notes for standard error.
pub fn diagnostics(r: &Report) -> String {
    let mut out = String::new();
    let index = r.loaded.source.as_deref().map(SourceIndex::new);
    for d in &r.loaded.diagnostics {
        let _ = writeln!(out, "{d}");
        let _ = writeln!(
            out,
            "   --> {}",
            location(&r.loaded.name, &d.span, index.as_ref())
        );
    }
    out
}
