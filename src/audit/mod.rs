//! The audit: every identity over a [`Disclosure`], all findings returned.
//!
//! Each rule has a stable id (e.g. `T1.revenue-total`), a Chinese
//! description and a class ([`Severity`]): **error** for hard accounting
//! identities (基本平衡), **warning** for plausibility, wording, codes and
//! counts (核实性), **info** for figures consistent only within rounding or
//! explained in the text. A rule runs when its operands are stated; absent
//! is not zero. The audit never stops at the first finding.

#![deny(clippy::arithmetic_side_effects)]

mod identities;
mod quantity;
mod rules;

use std::collections::BTreeSet;
use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use serde_json::{Value as Json, json};
use thiserror::Error;

pub use identities::*;
pub use quantity::Quantity;

use crate::disclosure::Disclosure;
use crate::fact::{FactId, Key};
use crate::span::Span;

/// How serious a finding is.
///
/// ```
/// use juesuan::Severity;
/// assert!(Severity::Error > Severity::Warning);
/// assert_eq!(Severity::Warning.to_string(), "warning");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Consistent only within rounding, or a difference the text explains.
    Info,
    /// Plausibility, wording, codes, counts (核实性).
    Warning,
    /// A hard accounting identity is broken (基本平衡).
    Error,
}

impl Severity {
    /// The lowercase English name.
    ///
    /// ```
    /// assert_eq!(juesuan::Severity::Info.as_str(), "info");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The Chinese name.
    ///
    /// ```
    /// assert_eq!(juesuan::Severity::Error.label(), "错误");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A severity name that is not `info`, `warning` or `error` (nor 提示, 警告,
/// 错误).
///
/// ```
/// let err = "fatal".parse::<juesuan::Severity>().unwrap_err();
/// assert_eq!(err.to_string(), r#"expected info, warning or error, but found "fatal""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("expected info, warning or error, but found {input:?}")]
pub struct UnknownSeverity {
    /// The text as given.
    pub input: String,
}

impl std::str::FromStr for Severity {
    type Err = UnknownSeverity;

    /// Reads the English name ([`Severity::as_str`]) or the Chinese one
    /// ([`Severity::label`]).
    ///
    /// ```
    /// use juesuan::Severity;
    /// assert_eq!("warning".parse::<Severity>()?, Severity::Warning);
    /// assert_eq!("错误".parse::<Severity>()?, Severity::Error);
    /// # Ok::<(), juesuan::audit::UnknownSeverity>(())
    /// ```
    fn from_str(s: &str) -> Result<Severity, UnknownSeverity> {
        [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .find(|v| v.as_str() == s || v.label() == s)
            .ok_or_else(|| UnknownSeverity {
                input: s.to_owned(),
            })
    }
}

/// One problem (or noteworthy agreement) the audit found.
///
/// Its message, figures and fact ids are written the first time any of
/// them is read, so an audit whose findings are only counted (as when
/// streaming many reports) formats nothing. A finding owns all it needs:
/// it outlives the [`Disclosure`] it came from.
///
/// ```
/// use juesuan::{audit, Disclosure, Severity};
///
/// let mut d = Disclosure::default();
/// d.insert_str("three_public.total", "181.58")?;
/// d.insert_str("three_public.overseas_travel", "0.00")?;
/// d.insert_str("three_public.vehicles", "179.78")?;
/// d.insert_str("three_public.reception", "1.90")?;
/// let findings = audit(&d);
/// let f = &findings[0];
/// assert_eq!(f.rule(), "T9.total");
/// assert_eq!(f.severity(), Severity::Error);
/// assert_eq!(f.difference().map(ToString::to_string).as_deref(), Some("-0.10"));
/// assert_eq!(f.tolerance().map(ToString::to_string).as_deref(), Some("0.02"));
/// assert!(f.facts().iter().any(|id| id.as_str() == "three_public.reception"));
/// # Ok::<(), juesuan::fact::FactError>(())
/// ```
#[derive(Clone)]
pub struct Finding {
    rule: &'static str,
    severity: Severity,
    facts: LazyFacts,
    span: Option<Span>,
    texts: LazyTexts,
}

/// The facts a finding names, as keys; their ids are made when first
/// asked for (a finding over a table names dozens of facts).
#[derive(Clone)]
struct LazyFacts {
    keys: Vec<Key>,
    ids: OnceLock<Vec<FactId>>,
}

impl LazyFacts {
    fn get(&self) -> &[FactId] {
        self.ids
            .get_or_init(|| self.keys.iter().filter_map(|k| k.id()).collect())
    }
}

/// The words and figures of a finding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Texts {
    pub message: String,
    pub expected: Option<Quantity>,
    pub actual: Option<Quantity>,
    pub difference: Option<Quantity>,
    pub tolerance: Option<Quantity>,
}

/// A finding's [`Texts`], written the first time they are asked for: an
/// audit of many reports that only counts findings never formats them.
#[derive(Clone)]
struct LazyTexts {
    written: OnceLock<Texts>,
    write: Arc<dyn Fn() -> Texts + Send + Sync>,
}

impl LazyTexts {
    fn get(&self) -> &Texts {
        self.written.get_or_init(|| (self.write)())
    }
}

impl PartialEq for Finding {
    fn eq(&self, other: &Finding) -> bool {
        self.rule == other.rule
            && self.severity == other.severity
            && self.facts.keys == other.facts.keys
            && self.span == other.span
            && self.texts.get() == other.texts.get()
    }
}

impl Eq for Finding {}

impl fmt::Debug for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.texts.get();
        f.debug_struct("Finding")
            .field("rule", &self.rule)
            .field("severity", &self.severity)
            .field("message", &t.message)
            .field("facts", &self.facts.get())
            .field("expected", &t.expected)
            .field("actual", &t.actual)
            .field("difference", &t.difference)
            .field("tolerance", &t.tolerance)
            .field("span", &self.span)
            .finish()
    }
}

impl Finding {
    /// The stable id of the rule that produced it.
    ///
    /// ```
    /// # use juesuan::{audit, Disclosure};
    /// # let mut d = Disclosure::default();
    /// # d.insert_str("staff.total", "3")?;
    /// # d.insert_str("staff.active", "1")?;
    /// # d.insert_str("staff.retired_cadre", "1")?;
    /// # d.insert_str("staff.retired", "2")?;
    /// assert_eq!(audit(&d)[0].rule(), "staff.total");
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn rule(&self) -> &'static str {
        self.rule
    }

    /// How serious it is.
    ///
    /// ```
    /// # use juesuan::{audit, Disclosure, Severity};
    /// # let mut d = Disclosure::default();
    /// # d.insert_str("staff.total", "3")?;
    /// # d.insert_str("staff.active", "1")?;
    /// # d.insert_str("staff.retired_cadre", "1")?;
    /// # d.insert_str("staff.retired", "2")?;
    /// assert_eq!(audit(&d)[0].severity(), Severity::Error);
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// One line giving every figure, the difference and the tolerance.
    ///
    /// ```
    /// # use juesuan::{audit, Disclosure};
    /// # let mut d = Disclosure::default();
    /// # d.insert_str("staff.total", "3")?;
    /// # d.insert_str("staff.active", "1")?;
    /// # d.insert_str("staff.retired_cadre", "1")?;
    /// # d.insert_str("staff.retired", "2")?;
    /// assert!(audit(&d)[0].message().contains("实有人数"));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn message(&self) -> &str {
        &self.texts.get().message
    }

    /// The fact ids involved, the stated (checked) figure first.
    ///
    /// ```
    /// # use juesuan::{audit, Disclosure};
    /// # let mut d = Disclosure::default();
    /// # d.insert_str("staff.total", "3")?;
    /// # d.insert_str("staff.active", "1")?;
    /// # d.insert_str("staff.retired_cadre", "1")?;
    /// # d.insert_str("staff.retired", "2")?;
    /// assert_eq!(audit(&d)[0].facts()[0].as_str(), "staff.total");
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn facts(&self) -> &[FactId] {
        self.facts.get()
    }

    /// What the other figures imply: an amount at the precision of the
    /// figures it comes from, a percentage at the stated one's, a count, a
    /// word, or a bound ([`Quantity::AtMost`]).
    ///
    /// ```
    /// # use juesuan::{audit, Disclosure};
    /// # let mut d = Disclosure::default();
    /// # d.insert_str("staff.total", "3")?;
    /// # d.insert_str("staff.active", "1")?;
    /// # d.insert_str("staff.retired_cadre", "1")?;
    /// # d.insert_str("staff.retired", "2")?;
    /// use juesuan::audit::Quantity;
    /// assert_eq!(audit(&d)[0].expected(), Some(&Quantity::Count(4)));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn expected(&self) -> Option<&Quantity> {
        self.texts.get().expected.as_ref()
    }

    /// The stated figure.
    ///
    /// ```
    /// # use juesuan::{audit, Disclosure};
    /// # let mut d = Disclosure::default();
    /// # d.insert_str("staff.total", "3")?;
    /// # d.insert_str("staff.active", "1")?;
    /// # d.insert_str("staff.retired_cadre", "1")?;
    /// # d.insert_str("staff.retired", "2")?;
    /// use juesuan::audit::Quantity;
    /// assert_eq!(audit(&d)[0].actual(), Some(&Quantity::Count(3)));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn actual(&self) -> Option<&Quantity> {
        self.texts.get().actual.as_ref()
    }

    /// `actual − expected`, in the figures' unit and precision (for
    /// percentages, in percentage points).
    ///
    /// ```
    /// # use juesuan::{audit, Disclosure};
    /// # let mut d = Disclosure::default();
    /// # d.insert_str("staff.total", "3")?;
    /// # d.insert_str("staff.active", "1")?;
    /// # d.insert_str("staff.retired_cadre", "1")?;
    /// # d.insert_str("staff.retired", "2")?;
    /// use juesuan::audit::Quantity;
    /// assert_eq!(audit(&d)[0].difference(), Some(&Quantity::Count(-1)));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn difference(&self) -> Option<&Quantity> {
        self.texts.get().difference.as_ref()
    }

    /// The largest difference rounding explains, at the figures' precision:
    /// three figures printed to 0.01 explain up to 0.015, that is 0.01
    /// between printed figures.
    ///
    /// ```
    /// # use juesuan::{audit, Disclosure};
    /// # let mut d = Disclosure::default();
    /// # d.insert_str("staff.total", "3")?;
    /// # d.insert_str("staff.active", "1")?;
    /// # d.insert_str("staff.retired_cadre", "1")?;
    /// # d.insert_str("staff.retired", "2")?;
    /// use juesuan::audit::Quantity;
    /// assert_eq!(audit(&d)[0].tolerance(), Some(&Quantity::Count(0)));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn tolerance(&self) -> Option<&Quantity> {
        self.texts.get().tolerance.as_ref()
    }

    /// Where the stated figure is in the source text, when known.
    ///
    /// ```
    /// # use juesuan::{audit, Disclosure};
    /// # let mut d = Disclosure::default();
    /// # d.insert_str("staff.total", "3")?;
    /// # d.insert_str("staff.active", "1")?;
    /// # d.insert_str("staff.retired_cadre", "1")?;
    /// # d.insert_str("staff.retired", "2")?;
    /// assert_eq!(audit(&d)[0].span(), None);
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn span(&self) -> Option<Span> {
        self.span
    }

    /// The finding as a JSON object with the fields `rule`, `severity`,
    /// `message`, `facts`, `expected`, `actual`, `difference`, `tolerance`
    /// and `span` (null when unknown); the figures as [`Quantity`]'s serde
    /// form writes them ("54662.05万元", "93.43%", "3").
    ///
    /// ```
    /// # use juesuan::{audit, Disclosure};
    /// # let mut d = Disclosure::default();
    /// # d.insert_str("staff.total", "3")?;
    /// # d.insert_str("staff.active", "1")?;
    /// # d.insert_str("staff.retired_cadre", "1")?;
    /// # d.insert_str("staff.retired", "2")?;
    /// let j = audit(&d)[0].to_json();
    /// assert_eq!(j["rule"], "staff.total");
    /// assert_eq!(j["severity"], "error");
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn to_json(&self) -> Json {
        let t = self.texts.get();
        json!({
            "rule": self.rule,
            "severity": self.severity.as_str(),
            "message": t.message,
            "facts": self.facts.get().iter().map(FactId::as_str).collect::<Vec<_>>(),
            "expected": t.expected,
            "actual": t.actual,
            "difference": t.difference,
            "tolerance": t.tolerance,
            "span": self.span,
        })
    }
}

impl fmt::Display for Finding {
    /// `severity[rule]: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity, self.rule, self.message())
    }
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

/// A finding as [`Finding::to_json`] writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FindingJson {
    rule: String,
    severity: Severity,
    message: String,
    facts: Vec<FactId>,
    expected: Option<Quantity>,
    actual: Option<Quantity>,
    difference: Option<Quantity>,
    tolerance: Option<Quantity>,
    span: Option<Span>,
}

impl<'de> Deserialize<'de> for Finding {
    /// Reads a finding back from its JSON ([`Finding::to_json`]): the rule
    /// must be one of [`rules()`], the facts valid fact ids.
    ///
    /// ```
    /// use juesuan::{Disclosure, Finding, audit};
    ///
    /// let mut d = Disclosure::default();
    /// d.insert_str("staff.total", "3")?;
    /// d.insert_str("staff.active", "4")?;
    /// let f = &audit(&d)[0];
    /// let back: Finding = serde_json::from_str(&serde_json::to_string(f)?)?;
    /// assert_eq!(&back, f);
    /// assert!(serde_json::from_str::<Finding>(r#"{"rule": "nope"}"#).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Finding, D::Error> {
        let j = FindingJson::deserialize(deserializer)?;
        let rule = rules()
            .iter()
            .map(|r| r.id)
            .find(|id| *id == j.rule)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown rule {:?}: see juesuan::audit::rules() for the ids",
                    j.rule
                ))
            })?;
        let keys = j.facts.iter().map(FactId::key).collect();
        let ids = OnceLock::from(j.facts);
        let texts = Texts {
            message: j.message,
            expected: j.expected,
            actual: j.actual,
            difference: j.difference,
            tolerance: j.tolerance,
        };
        Ok(Finding {
            rule,
            severity: j.severity,
            facts: LazyFacts { keys, ids },
            span: j.span,
            texts: LazyTexts {
                written: OnceLock::from(texts),
                write: Arc::new(Texts::default),
            },
        })
    }
}

/// A rule the audit knows: its id, class and description.
///
/// ```
/// use juesuan::{audit::rules, Severity};
///
/// let r = rules().iter().find(|r| r.id == "T1.balance").unwrap();
/// assert_eq!(r.class, Severity::Error);
/// assert_eq!(r.description, "收入总计 = 支出总计");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RuleInfo {
    /// Stable id.
    pub id: &'static str,
    /// The most serious finding the rule gives.
    pub class: Severity,
    /// What the rule checks, in Chinese.
    pub description: &'static str,
}

/// Every rule the audit runs, in the order it runs them.
///
/// ```
/// let ids: Vec<_> = juesuan::audit::rules().iter().map(|r| r.id).collect();
/// assert!(ids.contains(&"T5.hierarchy"));
/// assert!(ids.contains(&"rate.zero-base"));
/// ```
pub fn rules() -> &'static [RuleInfo] {
    rules::all()
}

/// A rule id the audit does not know.
///
/// ```
/// let err = juesuan::Audit::new().disable("T1.nope").unwrap_err();
/// assert_eq!(err.to_string(), r#"unknown rule "T1.nope": see juesuan::audit::rules() for the ids"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown rule {id:?}: see juesuan::audit::rules() for the ids")]
pub struct UnknownRule {
    /// The id as given.
    pub id: String,
}

/// A configured audit: which rules are switched off.
///
/// ```
/// use juesuan::{Audit, Disclosure};
///
/// let mut d = Disclosure::default();
/// d.insert_str("three_public.total", "1.00")?;
/// d.insert_str("three_public.overseas_travel", "0.00")?;
/// d.insert_str("three_public.vehicles", "0.00")?;
/// d.insert_str("three_public.reception", "0.00")?;
/// assert_eq!(Audit::new().run(&d).len(), 1);
/// let mut quiet = Audit::new();
/// quiet.disable("T9.total")?;
/// assert!(quiet.run(&d).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Audit {
    disabled: BTreeSet<&'static str>,
}

impl Audit {
    /// An audit with every rule on.
    ///
    /// ```
    /// let a = juesuan::Audit::new();
    /// assert!(a.is_enabled("T1.balance"));
    /// ```
    pub fn new() -> Audit {
        Audit::default()
    }

    /// Switches a rule off by id.
    ///
    /// # Errors
    ///
    /// [`UnknownRule`] when no rule has that id.
    ///
    /// ```
    /// let mut a = juesuan::Audit::new();
    /// a.disable("rate.zero-base")?;
    /// assert!(!a.is_enabled("rate.zero-base"));
    /// # Ok::<(), juesuan::audit::UnknownRule>(())
    /// ```
    pub fn disable(&mut self, id: &str) -> Result<&mut Audit, UnknownRule> {
        let rule = rules()
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| UnknownRule { id: id.to_owned() })?;
        self.disabled.insert(rule.id);
        Ok(self)
    }

    /// Switches a rule back on.
    ///
    /// # Errors
    ///
    /// [`UnknownRule`] when no rule has that id.
    ///
    /// ```
    /// let mut a = juesuan::Audit::new();
    /// a.disable("T1.balance")?.enable("T1.balance")?;
    /// assert!(a.is_enabled("T1.balance"));
    /// # Ok::<(), juesuan::audit::UnknownRule>(())
    /// ```
    pub fn enable(&mut self, id: &str) -> Result<&mut Audit, UnknownRule> {
        if !rules().iter().any(|r| r.id == id) {
            return Err(UnknownRule { id: id.to_owned() });
        }
        self.disabled.remove(id);
        Ok(self)
    }

    /// Whether the rule runs.
    ///
    /// ```
    /// assert!(juesuan::Audit::new().is_enabled("T9.total"));
    /// ```
    pub fn is_enabled(&self, id: &str) -> bool {
        !self.disabled.contains(id)
    }

    /// Runs every enabled rule over `disclosure`; returns all findings, most
    /// serious first, then in rule order.
    ///
    /// ```
    /// let d = juesuan::Disclosure::default();
    /// assert!(juesuan::Audit::new().run(&d).is_empty());
    /// ```
    pub fn run(&self, disclosure: &Disclosure) -> Vec<Finding> {
        let mut sink = Sink {
            audit: self,
            findings: Vec::new(),
        };
        rules::run(disclosure, &mut sink);
        let mut findings = sink.findings;
        findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
        findings
    }
}

/// Runs every rule over `disclosure` (see [`Audit::run`]).
///
/// ```
/// use juesuan::{audit, Disclosure};
///
/// let mut d = Disclosure::default();
/// d.insert_str("revenue.total", "74194.06")?;
/// d.insert_str("expenditure.total", "74194.06")?;
/// assert!(audit(&d).is_empty());
/// # Ok::<(), juesuan::fact::FactError>(())
/// ```
pub fn audit(disclosure: &Disclosure) -> Vec<Finding> {
    Audit::new().run(disclosure)
}

/// Collects findings, dropping those of disabled rules.
pub(crate) struct Sink<'a> {
    audit: &'a Audit,
    findings: Vec<Finding>,
}

impl Sink<'_> {
    pub(crate) fn enabled(&self, rule: &str) -> bool {
        self.audit.is_enabled(rule)
    }

    /// Adds a finding unless its rule is off. The fact list is built only
    /// then; the texts only when first read.
    pub(crate) fn push(
        &mut self,
        rule: &'static str,
        severity: Severity,
        span: Option<Span>,
        facts: impl FnOnce() -> Vec<Key>,
        texts: impl Fn() -> Texts + Send + Sync + 'static,
    ) {
        if self.audit.is_enabled(rule) {
            self.findings.push(Finding {
                rule,
                severity,
                facts: LazyFacts {
                    keys: facts(),
                    ids: OnceLock::new(),
                },
                span,
                texts: LazyTexts {
                    written: OnceLock::new(),
                    write: Arc::new(texts),
                },
            });
        }
    }
}
