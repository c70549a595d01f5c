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
//! use juesuan::normalize;
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

mod fold;
mod normalize;

pub use normalize::{NormalizedText, Paragraph, Paragraphs, normalize};
