//! Auditing many reports at once, one at a time, from a JSON Lines stream.
//!
//! Memory stays flat in the number of reports: each line is read into one
//! reused buffer, audited, reported to the caller and dropped; the summary
//! keeps only counts per rule.

#![deny(clippy::arithmetic_side_effects)]

use std::collections::BTreeMap;
use std::fmt;
use std::io::BufRead;

use crate::audit::{Audit, Finding, Severity};
use crate::disclosure::{Disclosure, JsonError, parse_json};
use crate::model::FinalAccounts;

/// Findings counted by severity.
///
/// ```
/// let c = juesuan::SeverityCounts::default();
/// assert_eq!(c.total(), 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeverityCounts {
    /// Error findings.
    pub error: u64,
    /// Warning findings.
    pub warning: u64,
    /// Info findings.
    pub info: u64,
}

impl SeverityCounts {
    /// All findings counted.
    ///
    /// ```
    /// let c = juesuan::SeverityCounts { error: 1, warning: 2, info: 3 };
    /// assert_eq!(c.total(), 6);
    /// ```
    pub fn total(&self) -> u64 {
        self.error
            .saturating_add(self.warning)
            .saturating_add(self.info)
    }

    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error = self.error.saturating_add(1),
            Severity::Warning => self.warning = self.warning.saturating_add(1),
            Severity::Info => self.info = self.info.saturating_add(1),
        }
    }
}

/// What a streamed audit saw: reports read, reports that could not be
/// read, findings by rule and severity.
///
/// ```
/// use juesuan::{Audit, audit_jsonl};
///
/// let lines = "{\"facts\": {\"staff.total\": 2, \"staff.active\": 1, \"staff.retired_cadre\": 0, \"staff.retired\": 0}}\nnot json\n";
/// let summary = audit_jsonl(lines.as_bytes(), &Audit::new(), |_| {})?;
/// assert_eq!(summary.reports(), 1);
/// assert_eq!(summary.unreadable(), 1);
/// assert_eq!(summary.by_rule()["staff.total"].error, 1);
/// assert_eq!(summary.reports_with_errors(), 1);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StreamSummary {
    reports: u64,
    unreadable: u64,
    reports_with_errors: u64,
    by_rule: BTreeMap<&'static str, SeverityCounts>,
    totals: SeverityCounts,
}

impl StreamSummary {
    /// Reports read and audited.
    ///
    /// ```
    /// assert_eq!(juesuan::StreamSummary::default().reports(), 0);
    /// ```
    pub fn reports(&self) -> u64 {
        self.reports
    }

    /// Non-blank lines that were not a readable report.
    ///
    /// ```
    /// assert_eq!(juesuan::StreamSummary::default().unreadable(), 0);
    /// ```
    pub fn unreadable(&self) -> u64 {
        self.unreadable
    }

    /// Reports with at least one error finding.
    ///
    /// ```
    /// assert_eq!(juesuan::StreamSummary::default().reports_with_errors(), 0);
    /// ```
    pub fn reports_with_errors(&self) -> u64 {
        self.reports_with_errors
    }

    /// Findings per rule id, by severity.
    ///
    /// ```
    /// assert!(juesuan::StreamSummary::default().by_rule().is_empty());
    /// ```
    pub fn by_rule(&self) -> &BTreeMap<&'static str, SeverityCounts> {
        &self.by_rule
    }

    /// All findings by severity.
    ///
    /// ```
    /// assert_eq!(juesuan::StreamSummary::default().totals().total(), 0);
    /// ```
    pub fn totals(&self) -> SeverityCounts {
        self.totals
    }
}

impl fmt::Display for StreamSummary {
    /// A plain-text summary: totals, then one line per rule.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} reports ({} unreadable), {} with errors; findings: {} errors, {} warnings, {} info",
            self.reports,
            self.unreadable,
            self.reports_with_errors,
            self.totals.error,
            self.totals.warning,
            self.totals.info
        )?;
        for (rule, c) in &self.by_rule {
            writeln!(
                f,
                "  {rule:<36} {:>9} errors {:>9} warnings {:>9} info",
                c.error, c.warning, c.info
            )?;
        }
        Ok(())
    }
}

/// One line of the stream, as the callback of [`audit_jsonl`] sees it.
#[derive(Debug)]
pub struct StreamItem<'a> {
    /// 1-based line number in the input.
    pub line: u64,
    /// The findings, or why the line could not be read.
    pub result: Result<&'a [Finding], &'a JsonError>,
    /// The summary so far (including this line).
    pub summary: &'a StreamSummary,
}

/// Reads one report: a Disclosure JSON (with a `"facts"` object) or a
/// FinalAccounts JSON (validated strictly).
///
/// # Errors
///
/// [`JsonError`] with the JSON path when the text is not a readable report.
///
/// ```
/// let d = juesuan::read_report(r#"{"facts": {"staff.total": 3}}"#)?;
/// assert_eq!(d.count("staff.total"), Some(3));
/// # Ok::<(), juesuan::JsonError>(())
/// ```
pub fn read_report(text: &str) -> Result<Disclosure, JsonError> {
    // The fast reader takes the usual Disclosure lines; errors and the
    // FinalAccounts form go the thorough way.
    if let Some(d) = crate::disclosure_fast::report_from_str(text) {
        return Ok(d);
    }
    // A FinalAccounts goes straight to its reader; the JSON tree is built only
    // to say what is wrong with a Disclosure (or with neither).
    if has_facts(text) == Some(false) {
        return FinalAccounts::from_json(text).map(FinalAccounts::into_disclosure);
    }
    let json = parse_json(text)?;
    if !json.is_object() {
        return Err(JsonError::new(
            "$",
            format!(
                "expected a report (a JSON object), but found {}",
                crate::disclosure::describe_json(&json)
            ),
        ));
    }
    if json.get("facts").is_some() {
        Disclosure::from_json_value(&json)
    } else {
        FinalAccounts::from_json(text).map(FinalAccounts::into_disclosure)
    }
}

/// Whether the JSON object `text` has a top-level `"facts"` field (even
/// `null`), read without building it; `None` when `text` is no JSON object.
fn has_facts(text: &str) -> Option<bool> {
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(default, deserialize_with = "present")]
        facts: bool,
    }
    fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| true)
    }
    use serde::Deserialize as _;
    serde_json::from_str::<Probe>(crate::disclosure::strip_bom(text))
        .ok()
        .map(|p| p.facts)
}

/// Audits a JSON Lines stream of reports one at a time (blank lines are
/// skipped), calling `each` after every non-blank line, and returns the
/// summary. Memory does not grow with the number of reports.
///
/// A line that is not UTF-8 is an unreadable report like any other (its
/// number and the offending byte are given); a byte-order mark before a
/// line is skipped.
///
/// # Errors
///
/// Only I/O errors of `reader`; unreadable reports are counted and passed
/// to `each`, never fatal.
///
/// ```
/// use juesuan::{Audit, audit_jsonl};
///
/// let lines = concat!(
///     "{\"facts\": {\"three_public.total\": \"1.00\", \"three_public.overseas_travel\": \"0.00\",",
///     " \"three_public.vehicles\": \"0.50\", \"three_public.reception\": \"0.50\"}}\n",
///     "\n",
///     "{\"facts\": {\"revenue.total\": \"2.00\", \"expenditure.total\": \"2.50\"}}\n",
/// );
/// let mut errors = Vec::new();
/// let summary = audit_jsonl(lines.as_bytes(), &Audit::new(), |item| {
///     if let Ok(findings) = item.result {
///         errors.extend(findings.iter().map(|f| (item.line, f.rule())));
///     }
/// })?;
/// assert_eq!(summary.reports(), 2);
/// assert_eq!(errors, [(3, "T1.balance")]);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn audit_jsonl<R: BufRead>(
    mut reader: R,
    audit: &Audit,
    mut each: impl FnMut(StreamItem<'_>),
) -> std::io::Result<StreamSummary> {
    let mut summary = StreamSummary::default();
    let mut buf = Vec::new();
    let mut line = 0u64;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line = line.saturating_add(1);
        let read = std::str::from_utf8(&buf)
            .map(|text| crate::disclosure::strip_bom(text).trim())
            .map_err(|e| {
                JsonError::new(
                    "$",
                    format!(
                        "the line is not UTF-8: invalid byte at offset {}",
                        e.valid_up_to()
                    ),
                )
            });
        if read.as_ref().is_ok_and(|text| text.is_empty()) {
            continue;
        }
        match read.and_then(read_report) {
            Ok(d) => {
                let findings = audit.run(&d);
                summary.reports = summary.reports.saturating_add(1);
                let mut errors = false;
                for f in &findings {
                    summary
                        .by_rule
                        .entry(f.rule())
                        .or_default()
                        .add(f.severity());
                    summary.totals.add(f.severity());
                    errors |= f.severity() == Severity::Error;
                }
                if errors {
                    summary.reports_with_errors = summary.reports_with_errors.saturating_add(1);
                }
                each(StreamItem {
                    line,
                    result: Ok(&findings),
                    summary: &summary,
                });
            }
            Err(e) => {
                summary.unreadable = summary.unreadable.saturating_add(1);
                each(StreamItem {
                    line,
                    result: Err(&e),
                    summary: &summary,
                });
            }
        }
    }
    Ok(summary)
}
