//! Source locations in the original text.

use std::num::NonZeroU32;

use serde::{Deserialize, Serialize};

/// Where a figure stands in the original text: 1-based line and column
/// (columns count characters, not bytes), its length in characters, the
/// byte range in the original string, and the page.
///
/// The page is the 1-based page of the document the text was extracted
/// from, counted by the form feeds (`'\f'`) that PDF text extraction puts
/// between pages; it is `None` when the text has none. [`Span::describe`]
/// writes the location as a reader of the PDF looks for it: `page 12, line
/// 7:14`, the line counted from the top of the page.
///
/// ```
/// use juesuan::Span;
///
/// let text = "第一行\n收入 74,194.06 万元";
/// let start = text.find("74,194.06").unwrap();
/// let span = Span::new(2, 4, 9, start..start + 9);
/// assert_eq!(span.source_line(text), Some("收入 74,194.06 万元"));
/// assert_eq!(span.caret_line(text).as_deref(), Some("     ^^^^^^^^^"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// 1-based line number in the original text.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// Length in characters (up to the end of the line when a figure is
    /// broken across lines).
    pub len: u32,
    /// Byte offset where the span starts in the original text.
    pub start: usize,
    /// Byte offset where the span ends in the original text.
    pub end: usize,
    /// 1-based page (form feeds before the span, plus one), when the text
    /// marks its pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<NonZeroU32>,
}

impl Span {
    /// A span at `line`:`column` of `len` characters, covering `bytes`.
    ///
    /// ```
    /// let s = juesuan::Span::new(1, 1, 2, 0..2);
    /// assert_eq!((s.line, s.column, s.len), (1, 1, 2));
    /// ```
    pub fn new(line: u32, column: u32, len: u32, bytes: std::ops::Range<usize>) -> Span {
        Span {
            line,
            column,
            len,
            start: bytes.start,
            end: bytes.end,
            page: None,
        }
    }

    /// The span on `page` (1-based; see [`page_at`] to find it from the
    /// text). Page 0 is no page.
    ///
    /// ```
    /// let s = juesuan::Span::new(3, 1, 2, 10..12).with_page(Some(2));
    /// assert_eq!(s.page_number(), Some(2));
    /// ```
    #[must_use]
    pub fn with_page(mut self, page: Option<u32>) -> Span {
        self.page = page.and_then(NonZeroU32::new);
        self
    }

    /// The page as a plain number.
    ///
    /// ```
    /// assert_eq!(juesuan::Span::new(1, 1, 1, 0..1).page_number(), None);
    /// ```
    pub fn page_number(&self) -> Option<u32> {
        self.page.map(NonZeroU32::get)
    }

    /// The line of the span counted from the top of its page as a reader
    /// counts the lines of a printed page: lines with no visible character
    /// (the layout's vertical gaps) are not counted. `None` when the span
    /// has no page or lies outside `original`.
    ///
    /// ```
    /// let text = "p1\n\u{c}p2 first\n\np2 third 307.82";
    /// let start = text.find("307.82").unwrap();
    /// let span = juesuan::Span::new(4, 10, 6, start..start + 6).with_page(Some(2));
    /// assert_eq!(span.page_line(text), Some(2));
    /// ```
    pub fn page_line(&self, original: &str) -> Option<u32> {
        self.page?;
        let before = original.get(..self.start)?;
        let page_start = before.rfind('\u{c}').map_or(0, |i| i + 1);
        let first_line_start = before.get(..page_start)?.rfind('\n').map_or(0, |i| i + 1);
        let earlier = original
            .get(first_line_start..self.start)?
            .split('\n')
            .rev()
            .skip(1)
            .filter(|l| l.chars().any(|c| !c.is_whitespace() && c != '\u{c}'))
            .count();
        u32::try_from(earlier).ok()?.checked_add(1)
    }

    /// The location as a reader looks for it: `page 12, line 7:14` (the line
    /// on the page as [`Span::page_line`] counts it, the column on the line)
    /// when the span has a page, else `line 407:14`. The form feed that
    /// starts a page's first line is not counted as a column.
    ///
    /// ```
    /// let text = "p1\n\u{c}307.82";
    /// let span = juesuan::Span::new(2, 2, 6, 4..10).with_page(Some(2));
    /// assert_eq!(span.describe(text), "page 2, line 1:1");
    /// assert_eq!(juesuan::Span::new(2, 2, 6, 4..10).describe(text), "line 2:2");
    /// ```
    pub fn describe(&self, original: &str) -> String {
        match (self.page, self.page_line(original)) {
            (Some(page), Some(line)) => {
                let form_feed = self
                    .source_line(original)
                    .is_some_and(|l| l.starts_with('\u{c}'));
                let column = if form_feed {
                    self.column.saturating_sub(1).max(1)
                } else {
                    self.column
                };
                format!("page {page}, line {line}:{column}")
            }
            _ => format!("line {}:{}", self.line, self.column),
        }
    }

    /// The whole original line the span starts on (without its line break).
    ///
    /// ```
    /// let s = juesuan::Span::new(2, 1, 1, 2..3);
    /// assert_eq!(s.source_line("a\nb\nc"), Some("b"));
    /// ```
    pub fn source_line<'a>(&self, original: &'a str) -> Option<&'a str> {
        let index = usize::try_from(self.line).ok()?.checked_sub(1)?;
        original
            .split('\n')
            .nth(index)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }

    /// A line of spaces and carets that marks the span under
    /// [`Span::source_line`], CJK-width aware (wide characters take two
    /// columns in a terminal).
    ///
    /// ```
    /// let s = juesuan::Span::new(1, 3, 2, 6..8);
    /// assert_eq!(s.caret_line("收入12").as_deref(), Some("    ^^"));
    /// ```
    pub fn caret_line(&self, original: &str) -> Option<String> {
        self.carets_under(self.source_line(original)?)
    }

    /// The carets of [`Span::caret_line`] under `line`, the span's source
    /// line already at hand (a caller that shows many spans of one text
    /// indexes its lines once).
    ///
    /// ```
    /// let s = juesuan::Span::new(7, 3, 2, 0..0);
    /// assert_eq!(s.carets_under("收入12").as_deref(), Some("    ^^"));
    /// ```
    pub fn carets_under(&self, line: &str) -> Option<String> {
        let skip = usize::try_from(self.column.saturating_sub(1)).ok()?;
        let take = usize::try_from(self.len.max(1)).ok()?;
        let mut out = String::new();
        for c in line.chars().take(skip) {
            out.push_str(if display_width(c) == 2 { "  " } else { " " });
        }
        for c in line.chars().skip(skip).take(take) {
            out.push_str(if display_width(c) == 2 { "^^" } else { "^" });
        }
        if out.trim().is_empty() {
            out.push('^');
        }
        Some(out)
    }
}

/// The 1-based page of byte offset `at` in `text`: one more than the number
/// of form feeds before it; `None` when `text` has no form feed at all
/// (then it marks no pages).
///
/// ```
/// let text = "第一页\n\u{c}第二页";
/// assert_eq!(juesuan::page_at(text, text.find("第二").unwrap()), Some(2));
/// assert_eq!(juesuan::page_at("没有分页", 3), None);
/// ```
pub fn page_at(text: &str, at: usize) -> Option<u32> {
    if !text.contains('\u{c}') {
        return None;
    }
    let before = text
        .as_bytes()
        .get(..at.min(text.len()))
        .unwrap_or_default();
    let feeds = before.iter().filter(|b| **b == 0x0c).count();
    u32::try_from(feeds).ok()?.checked_add(1)
}

/// Terminal display width of a character: 2 for East Asian wide and
/// full-width characters, 1 otherwise.
///
/// ```
/// assert_eq!(juesuan::display_width('收'), 2);
/// assert_eq!(juesuan::display_width('7'), 1);
/// assert_eq!(juesuan::display_width('，'), 2);
/// ```
pub fn display_width(c: char) -> usize {
    let u = u32::from(c);
    let wide = matches!(u,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD);
    if wide { 2 } else { 1 }
}
