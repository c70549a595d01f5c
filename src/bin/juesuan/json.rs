//! JSON output: one object per report, and the summary of a run.
//!
//! A report: `{"file", "status": "audited", "input": "text" | "json" |
//! "pdf", "department", "fiscal_year", "facts_stated", "summary": {"error",
//! "warning", "info"}, "findings": [{"rule", "severity", "message", "facts",
//! "expected", "actual", "difference", "tolerance", "span", "page"}],
//! "diagnostics": [{"level", "message", "span", "page"}]}`, the figures of a
//! finding written as `juesuan::audit::Quantity` writes them (an amount with
//! its unit, "54662.05万元"; a percentage with "%"; a count; a word), with `"facts"`
//! (every stated fact) when asked for. An input that is no report:
//! `{"file", "status": "unreadable", "error"}`.

use serde_json::{Map, Value as Json, json};

use juesuan::{stream::SeverityCounts, stream::StreamSummary};

use crate::input::Unreadable;
use crate::output::{Report, SourceIndex};

fn counts(c: SeverityCounts) -> Json {
    json!({"error": c.error, "warning": c.warning, "info": c.info})
}

/// The report as a JSON object.
pub fn report(r: &Report, facts: bool) -> Json {
    let d = &r.loaded.disclosure;
    let index = r.loaded.source.as_deref().map(SourceIndex::new);
    let page = |span: &juesuan::Span| index.as_ref().and_then(|i| i.page(span));
    let findings: Vec<Json> = r
        .findings
        .iter()
        .map(|f| {
            let mut j = f.to_json();
            if let Some(o) = j.as_object_mut() {
                o.insert("page".into(), json!(f.span().and_then(|s| page(&s))));
            }
            j
        })
        .collect();
    let diagnostics: Vec<Json> = r
        .loaded
        .diagnostics
        .iter()
        .map(|d| {
            json!({
                "level": d.level.as_str(),
                "message": d.message,
                "span": d.span,
                "page": page(&d.span),
            })
        })
        .collect();
    let mut o = Map::new();
    o.insert("file".into(), json!(r.loaded.name));
    o.insert("status".into(), json!("audited"));
    o.insert("input".into(), json!(r.loaded.form.as_str()));
    o.insert("department".into(), json!(d.department()));
    o.insert(
        "fiscal_year".into(),
        json!(d.fiscal_year().map(|y| y.year())),
    );
    o.insert("facts_stated".into(), json!(d.len()));
    o.insert("summary".into(), counts(r.counts()));
    o.insert("findings".into(), Json::Array(findings));
    o.insert("diagnostics".into(), Json::Array(diagnostics));
    if facts {
        let all = d.to_json_value().get("facts").cloned().unwrap_or_default();
        o.insert("facts".into(), all);
    }
    Json::Object(o)
}

/// An input that is no report.
pub fn unreadable(u: &Unreadable) -> Json {
    json!({"file": u.name, "status": "unreadable", "error": u.reason})
}

/// The summary of a run: reports, unreadable inputs, findings by severity
/// and by rule.
pub fn summary(s: &StreamSummary) -> Json {
    let by_rule: Map<String, Json> = s
        .by_rule()
        .iter()
        .map(|(rule, c)| ((*rule).to_owned(), counts(*c)))
        .collect();
    json!({
        "reports": s.reports(),
        "unreadable": s.unreadable(),
        "reports_with_errors": s.reports_with_errors(),
        "findings": counts(s.totals()),
        "by_rule": by_rule,
    })
}

/// Compact or pretty JSON text (serializing a `Value` cannot fail).
pub fn text(j: &Json, pretty: bool) -> String {
    let s = if pretty {
        serde_json::to_string_pretty(j)
    } else {
        serde_json::to_string(j)
    };
    s.unwrap_or_default()
}
