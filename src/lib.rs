//! # juesuan (决算)
//!
//! Typed values, rounding-aware audits, reading and writing of Chinese
//! government department final accounts (部门决算).
//!
//! Every budget department publishes its final accounts each year: nine
//! standard tables and a narrative (情况说明) explaining them. This crate holds
//! such a report as exact, typed values, checks every accounting identity
//! (勾稽关系) within and between the tables and the narrative — judging printed
//! figures by the rounding they went through — reads published text into facts
//! with their source lines, and writes reports back out.
//!
//! ## Walkthrough
//!
//! **Read published text and audit it.** [`Disclosure::from_text`] reads the text
//! extracted from a PDF into a [`Disclosure`]: every figure it states, by
//! stable fact id, with its line and column. [`audit()`] checks them all.
//!
//! ```
//! use juesuan::{Disclosure, Severity, audit};
//!
//! let text = "九、财政拨款“三公”经费支出决算情况说明\n\
//!     2024 年度财政拨款“三公”经费支出 181.58 万元。其中：因公出国（境）费支出 0.00 万元，\
//!     占 0.00%；公务用车购置及运行维护费支出 179.78 万元，占 99.01%；公务接待费支出 1.90 万元，占 0.99%。";
//! let disclosure = Disclosure::from_text(text);
//! let findings = audit(&disclosure);
//! let f = findings.iter().find(|f| f.rule() == "T9.total").unwrap();
//! assert_eq!(f.severity(), Severity::Error);
//! // The figures are typed: amounts in 万元, printed to 0.01.
//! assert_eq!(f.expected().and_then(|q| q.as_amount()), Some("181.68".parse()?));
//! assert_eq!(f.actual().map(|q| q.to_string()).as_deref(), Some("181.58"));
//! assert_eq!(f.span().map(|s| s.line), Some(2));
//! # Ok::<(), juesuan::amount::AmountError>(())
//! ```
//!
//! **Hold a report as typed values.** [`FinalAccounts`] is strict: its
//! builder runs the same identities and refuses a report that breaks one
//! beyond rounding, naming the rule and the figures.
//!
//! ```
//! use juesuan::{model::Figure, FinalAccounts, FiscalYear, model::ThreePublicExpenses};
//!
//! let amount = |s: &str| -> Figure { Figure::new(s.parse().unwrap()) };
//! let t9 = ThreePublicExpenses {
//!     total: Some(amount("181.58")),
//!     overseas_travel: Some(amount("0.00")),
//!     vehicles: Some(amount("179.78")),
//!     reception: Some(amount("1.90")),
//!     ..ThreePublicExpenses::default()
//! };
//! let err = FinalAccounts::builder()
//!     .fiscal_year(FiscalYear::new(2024)?)
//!     .department("某部门")
//!     .three_public(t9)
//!     .build()
//!     .unwrap_err();
//! assert_eq!(err.rule(), Some("T9.total"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! **Write it back out.** [`render::narrative`] writes the 情况说明 in the official
//! phrasing, [`render::tables`] the nine tables as text, Markdown or long CSV.
//!
//! ## A first rounding check
//!
//! The reference report (2024 final accounts of 新疆维吾尔自治区人力资源和社会保障厅)
//! states its general-budget expenditure by class and the total. The printed
//! parts sum to 68,369.45 while the total is printed as 68,369.46: one cent
//! apart, which rounding alone explains for four parts.
//!
//! ```
//! use juesuan::{amount::check_sum, Amount, amount::Outcome};
//!
//! let parts: Vec<Amount> = ["12,086.90万元", "54,662.05万元", "887.96万元", "732.54万元"]
//!     .iter()
//!     .map(|s| s.parse())
//!     .collect::<Result<_, _>>()?;
//! let total: Amount = "68,369.46万元".parse()?;
//! let verdict = check_sum(&total, &parts)?;
//! assert_eq!(verdict.outcome(), Outcome::WithinRounding);
//! assert_eq!(verdict.difference().map(|d| d.to_string()), Some("0.01".into()));
//! assert_eq!(verdict.tolerance().to_string(), "0.025");
//! # Ok::<(), juesuan::Error>(())
//! ```
//!
//! ## Rounding semantics
//!
//! A printed figure stands for the closed interval of true values that round
//! to it under 四舍五入 (round half away from zero): 68,369.46 printed to two
//! decimals means [68,369.455, 68,369.465]. A relation between printed figures
//! is consistent when some choice of true values inside their intervals
//! satisfies it exactly. Every check returns a [`Verdict`](amount::Verdict) that says whether the
//! printed figures agree exactly, agree within rounding, or disagree, and
//! carries the expected and stated figures, their difference and the tolerance.
//! The audit turns exact agreement into no finding, agreement within rounding
//! into an info finding, and disagreement into an error.
//!
//! ## Where things are
//!
//! The central types are at the root: [`Amount`], [`Percent`], [`Unit`],
//! [`Decimal`], [`FiscalYear`], [`FactId`], the two report forms
//! ([`Disclosure`], read with [`Disclosure::from_text`],
//! [`Disclosure::from_json`], [`Disclosure::from_any_json`] or
//! [`Disclosure::from_pdf`]; [`FinalAccounts`], read with
//! [`FinalAccounts::from_json`]), the audit ([`audit()`], [`Audit`],
//! [`Finding`], [`Severity`]), [`Span`] and [`Error`]. The rest is in
//! modules named for their concern:
//!
//! | module | concern |
//! | --- | --- |
//! | [`amount`] | amounts, percentages and rounding: [`amount::check_sum`] and the other checks, [`amount::Verdict`] |
//! | [`code`] | classification codes and catalogs: [`code::FunctionCode`], [`code::EconomicCode`], [`code::Catalog`] |
//! | [`date`] | fiscal years and dates in report text |
//! | [`fact`] | fact ids and their schema: [`fact::BASES`], [`fact::Suffix`], [`fact::FactKind`] |
//! | [`schema`] | the schema as a page: every fact id with its name, kind and unit |
//! | [`disclosure`] | what a document states: [`disclosure::Fact`], [`disclosure::Value`], [`disclosure::JsonError`] |
//! | [`model`] | the strict typed report: its tables, [`model::Figure`], [`model::ModelError`] |
//! | [`mod@audit`] | the rules and the identities as data ([`audit::SUM_IDENTITIES`], …) |
//! | [`text`] | reading published text: [`text::normalize`], [`text::parse_report`] and its diagnostics |
//! | [`table`] | reading the nine tables from a PDF's layout text |
//! | [`pdf`] | reading a PDF through `pdftotext` |
//! | [`render`] | writing out: [`render::narrative`], [`render::tables`], [`render::write_csv`], [`render::write_facts_jsonl`] |
//! | [`stream`] | auditing JSON Lines with flat memory: [`stream::audit_jsonl`] |
//! | [`span`] | source locations and lines |
//! | `strategy` | with the `proptest` feature: generators for property tests |

#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]

pub mod amount;
pub mod audit;
pub mod code;
pub mod date;
pub mod disclosure;
mod disclosure_fast;
mod error;
pub mod fact;
pub mod model;
pub mod pdf;
mod read;
pub mod render;
mod rounding;
pub mod schema;
pub mod span;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategy;
pub mod stream;
pub mod table;
pub mod text;

pub use amount::{Amount, Percent, Unit};
pub use audit::{Audit, Finding, Severity, audit};
pub use date::FiscalYear;
pub use disclosure::Disclosure;
pub use error::Error;
pub use fact::FactId;
pub use model::FinalAccounts;
/// The exact decimal type of every amount and percentage (re-exported from
/// rust_decimal, so that users need not depend on it themselves).
pub use rust_decimal::Decimal;
pub use span::Span;
#[allow(deprecated)]
pub use stream::read_report;

/// Reads a report's text: see [`Disclosure::from_text`] for its facts, and
/// [`text::parse_report`] (not deprecated) for its diagnostics too.
///
/// ```
/// # #![allow(deprecated)]
/// let parsed = juesuan::parse_report("2024 年度财政拨款“三公”经费支出 1.80 万元。");
/// assert!(parsed.disclosure.amount("three_public.total").is_some());
/// ```
#[deprecated(
    since = "0.2.0",
    note = "use `Disclosure::from_text`, or `text::parse_report` for the diagnostics too"
)]
pub fn parse_report(text: &str) -> text::ParsedReport {
    text::parse_report(text)
}

/// The README's examples, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
