//! Reading published report text.
//!
//! Text extracted from PDFs breaks lines inside words, puts spaces inside words and
//! numbers, splits sentences at page breaks and mixes full- and half-width punctuation
//! and traditional characters. [`normalize`] turns it into one clean string whose
//! paragraphs are separated by `'\n'`, and keeps a map back to the original so that
//! everything matched in the clean string can be reported with a
//! [`Span`](crate::Span) (line and column in the original).
//!
//! ```
//! use juesuan::text::normalize;
//!
//! let original = "二、收入决算情况说明\n\n本 年收 入 73,274.06 万 元， 其 中： 财 政拨 款 收 入\n\n\
//!                 68,460.73 万元,占 93.43%；";
//! let text = normalize(original);
//! let mut paragraphs = text.paragraphs();
//! assert_eq!(paragraphs.next().unwrap().as_str(), "二、收入决算情况说明");
//! let sentence = paragraphs.next().unwrap().as_str();
//! assert_eq!(sentence, "本年收入73,274.06万元，其中：财政拨款收入68,460.73万元，占93.43%；");
//!
//! // Report a figure where the reader will find it.
//! let at = text.as_str().find("68,460.73").unwrap();
//! let span = text.span(at..at + "68,460.73".len());
//! assert_eq!((span.line, span.column), (5, 1));
//! assert_eq!(span.source_line(original), Some("68,460.73 万元,占 93.43%；"));
//! assert_eq!(span.caret_line(original).as_deref(), Some("^^^^^^^^^"));
//! ```
//!
//! [`parse_report`] then reads the normalised text into a
//! [`Disclosure`](crate::Disclosure): the section headings say what the labels of
//! each sentence mean, and every figure of a known sentence pattern becomes a fact
//! with the span of its number. What it cannot read it reports as a [`Diagnostic`].
//!
//! ```
//! use juesuan::{audit, parse_report};
//!
//! let original = "三、支出决算情况说明\n\n本年支出 73,702.79 万元，其中：基本支出 20,021.91 万\n\n元，占 27.17%；项目支出 52,408.25 万元，占 71.11%。";
//! let parsed = parse_report(original);
//! let d = &parsed.disclosure;
//! assert_eq!(d.percent("expenditure.basic.share").map(|p| p.to_string()), Some("27.17%".into()));
//! let span = d.get("expenditure.project").and_then(|f| f.span()).unwrap();
//! assert_eq!((span.line, span.column), (5, 17));
//! assert!(audit(d).is_empty());
//! ```
//!
//! The reader is built from small matchers (`patterns`: numbers, units, keywords),
//! per-section label tables (`sections`), the sentence reader (`clauses`) and the
//! document pass (`parse`: parts, headings, title, department, years, unit list,
//! placeholders). It never panics and runs in time linear in the text.

mod clauses;
mod flat_table;
mod fold;
mod normalize;
mod parse;
mod patterns;
mod sections;

pub(crate) use flat_table::is_flat_table_note;
pub use normalize::{NormalizedText, Paragraph, Paragraphs, normalize};
pub(crate) use parse::TABLES_SKIPPED;
pub use parse::{Diagnostic, DiagnosticLevel, ParsedReport, parse_normalized, parse_report};
