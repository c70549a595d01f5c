//! # juesuan (决算)
//!
//! Typed values and rounding-aware checks for Chinese government department
//! final accounts (部门决算).
//!
//! This is the foundation layer: exact amounts that remember their unit and the
//! precision they were printed with ([`Amount`], [`Percent`]), the rounding
//! checks the audit uses ([`check_sum`], [`check_share`], [`check_change`],
//! [`check_variance_rate`], [`check_difference`]), classification codes with
//! their catalogs ([`FunctionCode`], [`EconomicCode`], [`Catalog`]) and fiscal
//! years and dates ([`FiscalYear`]).
//!
//! ## A first check
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

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod amount;
mod audit;
mod code;
mod date;
mod disclosure;
mod error;
mod fact;
mod model;
mod render;
mod rounding;
mod span;
#[cfg(feature = "proptest")]
pub mod strategy;
mod stream;
mod text;

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
pub use span::*;
pub use stream::*;
pub use text::{NormalizedText, Paragraph, Paragraphs, normalize};
