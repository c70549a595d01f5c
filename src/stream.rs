//! Auditing many reports at once, one at a time, from a JSON Lines stream.
//!
//! Memory stays flat in the number of reports: each line is read into one
//! reused buffer, audited, reported to the caller and dropped; the summary
//! keeps only counts per rule.

#![deny(clippy::arithmetic_side_effects)]

use std::collections::BTreeMap;
use std::fmt;
use std::io::BufRead;

use serde_json::Value as Json;

use crate::audit::{Audit, Finding, Severity};
use crate::disclosure::{Disclosure, JsonError, describe_json, parse_json};

/// Findings counted by severity.
///
/// ```
/// let c = juesuan::stream::SeverityCounts::default();
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
    /// let c = juesuan::stream::SeverityCounts { error: 1, warning: 2, info: 3 };
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
/// use juesuan::{Audit, stream::audit_jsonl};
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
    /// assert_eq!(juesuan::stream::StreamSummary::default().reports(), 0);
    /// ```
    pub fn reports(&self) -> u64 {
        self.reports
    }

    /// Non-blank lines that were not a readable report.
    ///
    /// ```
    /// assert_eq!(juesuan::stream::StreamSummary::default().unreadable(), 0);
    /// ```
    pub fn unreadable(&self) -> u64 {
        self.unreadable
    }

    /// Reports with at least one error finding.
    ///
    /// ```
    /// assert_eq!(juesuan::stream::StreamSummary::default().reports_with_errors(), 0);
    /// ```
    pub fn reports_with_errors(&self) -> u64 {
        self.reports_with_errors
    }

    /// Findings per rule id, by severity.
    ///
    /// ```
    /// assert!(juesuan::stream::StreamSummary::default().by_rule().is_empty());
    /// ```
    pub fn by_rule(&self) -> &BTreeMap<&'static str, SeverityCounts> {
        &self.by_rule
    }

    /// All findings by severity.
    ///
    /// ```
    /// assert_eq!(juesuan::stream::StreamSummary::default().totals().total(), 0);
    /// ```
    pub fn totals(&self) -> SeverityCounts {
        self.totals
    }
}

impl StreamSummary {
    /// Counts one report read and audited, with its findings: for a caller
    /// that reads reports its own way (files, say) and wants the same
    /// summary as [`audit_jsonl`] gives.
    ///
    /// ```
    /// use juesuan::{Disclosure, stream::StreamSummary, audit};
    ///
    /// let mut d = Disclosure::default();
    /// for (id, v) in [("staff.total", "3"), ("staff.active", "1"),
    ///                 ("staff.retired_cadre", "1"), ("staff.retired", "2")] {
    ///     d.insert_str(id, v)?;
    /// }
    /// let mut summary = StreamSummary::default();
    /// summary.record(&audit(&d));
    /// summary.record_unreadable();
    /// assert_eq!((summary.reports(), summary.unreadable()), (1, 1));
    /// assert_eq!(summary.reports_with_errors(), 1);
    /// assert_eq!(summary.by_rule()["staff.total"].error, 1);
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn record(&mut self, findings: &[Finding]) {
        self.reports = self.reports.saturating_add(1);
        let mut errors = false;
        for f in findings {
            self.by_rule.entry(f.rule()).or_default().add(f.severity());
            self.totals.add(f.severity());
            errors |= f.severity() == Severity::Error;
        }
        if errors {
            self.reports_with_errors = self.reports_with_errors.saturating_add(1);
        }
    }

    /// Counts one input that could not be read as a report.
    ///
    /// ```
    /// let mut s = juesuan::stream::StreamSummary::default();
    /// s.record_unreadable();
    /// assert_eq!((s.reports(), s.unreadable()), (0, 1));
    /// ```
    pub fn record_unreadable(&mut self) {
        self.unreadable = self.unreadable.saturating_add(1);
    }
}

/// `n` followed by the singular or plural form of a noun.
fn counted(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

impl fmt::Display for SeverityCounts {
    /// `1 error, 2 warnings, 0 info`, in correct English plurals.
    ///
    /// ```
    /// let c = juesuan::stream::SeverityCounts { error: 1, warning: 2, info: 1 };
    /// assert_eq!(c.to_string(), "1 error, 2 warnings, 1 info");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {}, {} info",
            counted(self.error, "error", "errors"),
            counted(self.warning, "warning", "warnings"),
            self.info
        )
    }
}

impl fmt::Display for StreamSummary {
    /// A plain-text summary: reports, unreadable inputs and findings by
    /// severity, then the findings of each rule.
    ///
    /// ```
    /// use juesuan::{Audit, stream::audit_jsonl};
    ///
    /// let lines = "{\"facts\": {\"revenue.total\": \"2.00\", \"expenditure.total\": \"2.50\"}}\n[]\n";
    /// let summary = audit_jsonl(lines.as_bytes(), &Audit::new(), |_| {})?;
    /// assert_eq!(
    ///     summary.to_string(),
    ///     "1 report, 1 unreadable, 1 with errors; findings: 1 error, 0 warnings, 0 info\n\
    ///      \x20 T1.balance  1 error\n"
    /// );
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}, {} unreadable, {} with errors; findings: {}",
            counted(self.reports, "report", "reports"),
            self.unreadable,
            self.reports_with_errors,
            self.totals
        )?;
        let width = self.by_rule.keys().map(|r| r.len()).max().unwrap_or(0);
        for (rule, c) in &self.by_rule {
            let mut parts = Vec::new();
            if c.error > 0 {
                parts.push(counted(c.error, "error", "errors"));
            }
            if c.warning > 0 {
                parts.push(counted(c.warning, "warning", "warnings"));
            }
            if c.info > 0 {
                parts.push(format!("{} info", c.info));
            }
            writeln!(f, "  {rule:<width$}  {}", parts.join(", "))?;
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

/// Reads one report, in either JSON form: see [`Disclosure::from_any_json`].
///
/// # Errors
///
/// As [`Disclosure::from_any_json`].
///
/// ```
/// # #![allow(deprecated)]
/// let d = juesuan::read_report(r#"{"facts": {"staff.total": 3}}"#)?;
/// assert_eq!(d.count("staff.total"), Some(3));
/// # Ok::<(), juesuan::disclosure::JsonError>(())
/// ```
#[deprecated(
    since = "0.2.0",
    note = "use `Disclosure::from_any_json` (or `Disclosure::from_json` for the Disclosure form only)"
)]
pub fn read_report(text: &str) -> Result<Disclosure, JsonError> {
    Disclosure::from_any_json(text)
}

impl Disclosure {
    /// Reads one report: a Disclosure JSON (with a `"facts"` object) or a
    /// FinalAccounts JSON (with `"fiscal_year"` and `"department"`), read as
    /// what it states ([`Disclosure::from_final_accounts_json`]): a report that
    /// breaks identities is read, for the audit to list every finding.
    ///
    /// # Errors
    ///
    /// [`JsonError`] with the JSON path when the text is not a readable report:
    /// malformed JSON, JSON of another shape (an array, or an object with
    /// neither form's fields), or a malformed report.
    ///
    /// ```
    /// let d = juesuan::Disclosure::from_any_json(r#"{"facts": {"staff.total": 3}}"#)?;
    /// assert_eq!(d.count("staff.total"), Some(3));
    ///
    /// let e = juesuan::Disclosure::from_any_json("[1, 2, 3]").unwrap_err();
    /// assert!(e.message().contains("but found an array"), "{e}");
    /// let e = juesuan::Disclosure::from_any_json(r#"{"name": "juesuan"}"#).unwrap_err();
    /// assert!(e.message().contains("but found an object with the field `name`"), "{e}");
    /// # Ok::<(), juesuan::disclosure::JsonError>(())
    /// ```
    #[doc(alias = "read_report")]
    pub fn from_any_json(text: &str) -> Result<Disclosure, JsonError> {
        // The fast reader takes the usual Disclosure lines; errors and the
        // FinalAccounts form go the thorough way.
        if let Some(d) = crate::disclosure_fast::report_from_str(text) {
            return Ok(d);
        }
        // A FinalAccounts goes straight to its reader; the JSON tree is built only
        // to say what is wrong with a Disclosure (or with neither).
        if let Some(Probe {
            facts: false,
            fiscal_year,
            department,
        }) = probe(text)
        {
            if fiscal_year || department {
                return Disclosure::from_final_accounts_json(text);
            }
        }
        let json = parse_json(text)?;
        let Json::Object(fields) = &json else {
            return Err(not_a_report(&describe_json(&json)));
        };
        if fields.contains_key("facts") {
            Disclosure::from_json_value(&json)
        } else if fields.contains_key("fiscal_year") || fields.contains_key("department") {
            Disclosure::from_final_accounts_json(text)
        } else {
            let names: Vec<String> = fields.keys().take(5).map(|k| format!("`{k}`")).collect();
            let found = match fields.len() {
                0 => "an empty object".to_owned(),
                1 => format!("an object with the field {}", names.join(", ")),
                n if n > names.len() => {
                    format!("an object with the fields {}, …", names.join(", "))
                }
                _ => format!("an object with the fields {}", names.join(", ")),
            };
            Err(not_a_report(&found))
        }
    }
}

/// Which fields a JSON object has at the top level (even as `null`).
#[derive(serde::Deserialize)]
struct Probe {
    #[serde(default, deserialize_with = "present")]
    facts: bool,
    #[serde(default, deserialize_with = "present")]
    fiscal_year: bool,
    #[serde(default, deserialize_with = "present")]
    department: bool,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    use serde::Deserialize as _;
    serde::de::IgnoredAny::deserialize(d).map(|_| true)
}

/// The fields of the JSON object `text`, read without building it (every
/// value is skipped); `None` when `text` is no JSON object, or repeats one
/// of the fields.
fn probe(text: &str) -> Option<Probe> {
    serde_json::from_str::<Probe>(crate::disclosure::strip_bom(text)).ok()
}

fn not_a_report(found: &str) -> JsonError {
    JsonError::new(
        "$",
        format!(
            "expected a report: a Disclosure (an object with \"facts\") or a FinalAccounts \
             (an object with \"fiscal_year\" and \"department\"), but found {found}"
        ),
    )
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
/// use juesuan::{Audit, stream::audit_jsonl};
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
        match read.and_then(Disclosure::from_any_json) {
            Ok(d) => {
                let findings = audit.run(&d);
                summary.record(&findings);
                each(StreamItem {
                    line,
                    result: Ok(&findings),
                    summary: &summary,
                });
            }
            Err(e) => {
                summary.record_unreadable();
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
