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
//! stable fact id, with its line and column. [`audit`] checks them all.
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
//! assert_eq!((f.expected(), f.actual()), (Some("181.68"), Some("181.58")));
//! assert_eq!(f.span().map(|s| s.line), Some(2));
//! ```
//!
//! **Hold a report as typed values.** [`FinalAccounts`] is strict: its
//! builder runs the same identities and refuses a report that breaks one
//! beyond rounding, naming the rule and the figures.
//!
//! ```
//! use juesuan::{Figure, FinalAccounts, FiscalYear, ThreePublicExpenses};
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
//! **Write it back out.** [`narrative`] writes the 情况说明 in the official
//! phrasing, [`tables`] the nine tables as text, Markdown or long CSV.
//!
//! ## A first rounding check
//!
//! The reference report (2024 final accounts of 新疆维吾尔自治区人力资源和社会保障厅)
//! states its general-budget expenditure by class and the total. The printed
//! parts sum to 68,369.45 while the total is printed as 68,369.46: one cent
//! apart, which rounding alone explains for four parts.
//!
//! ```
//! use juesuan::{check_sum, Amount, Outcome};
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
//! satisfies it exactly. Every check returns a [`Verdict`] that says whether the
//! printed figures agree exactly, agree within rounding, or disagree, and
//! carries the expected and stated figures, their difference and the tolerance.
//! The audit turns exact agreement into no finding, agreement within rounding
//! into an info finding, and disagreement into an error.
//!
//! ## Where things are
//!
//! Amounts and rounding ([`Amount`], [`Percent`], [`round_half_away_from_zero`],
//! the `check_*` functions); classification ([`FunctionCode`], [`EconomicCode`],
//! [`Catalog`]); years ([`FiscalYear`]); fact ids ([`FactId`], [`BASES`]); the
//! two report forms ([`Disclosure`], [`FinalAccounts`]); identities as data
//! ([`SUM_IDENTITIES`], [`FUNCTION_TABLES`], …) and the audit ([`audit`],
//! [`Audit`], [`rules`]); text ([`Disclosure::from_text`], the [`text`] module); output
//! ([`narrative`], [`tables`]); streaming ([`audit_jsonl`]); and, with the
//! `proptest` feature, generators for property tests (`strategy`).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod amount;
mod audit;
mod code;
mod date;
mod disclosure;
mod disclosure_fast;
mod error;
mod fact;
mod model;
pub mod pdf;
mod read;
mod render;
mod rounding;
pub mod schema;
mod span;
#[cfg(feature = "proptest")]
pub mod strategy;
mod stream;
mod table;
pub mod text;

pub use amount::*;
pub use audit::*;
pub use code::*;
pub use date::*;
pub use disclosure::*;
pub use error::Error;
pub use fact::*;
pub use model::*;
pub use render::*;
pub use rounding::*;
/// The exact decimal type of every amount and percentage (re-exported from
/// rust_decimal, so that users need not depend on it themselves).
pub use rust_decimal::Decimal;
pub use span::*;
pub use stream::*;
pub use table::{ReadCell, ReadReport, ReadRow, ReadTable, TableReading, read_layout, read_tables};
pub use text::{
    Diagnostic, DiagnosticLevel, NormalizedText, Paragraph, Paragraphs, ParsedReport, normalize,
    parse_normalized,
};

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
pub fn parse_report(text: &str) -> ParsedReport {
    text::parse_report(text)
}

/// The README's examples, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
