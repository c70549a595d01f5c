//! Source locations in the original text.

use std::fmt;
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

impl fmt::Display for Span {
    /// `line L:C`, with ` (page P)` when the page is known. Lines count
    /// from the start of the text; [`Span::describe`] gives the line within
    /// its page.
    ///
    /// ```
    /// let s = juesuan::Span::new(9, 2, 6, 40..46);
    /// assert_eq!(s.to_string(), "line 9:2");
    /// assert_eq!(s.with_page(Some(2)).to_string(), "line 9:2 (page 2)");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}:{}", self.line, self.column)?;
        if let Some(page) = self.page {
            write!(f, " (page {page})")?;
        }
        Ok(())
    }
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
    /// Lines end at `"\n"`, `"\r\n"` or a lone `"\r"`. The line is found from the
    /// span's byte offset, looking only at that line, so showing every span of a
    /// long text costs one pass over it; a span whose `start` is not a character
    /// boundary of `original` is looked up by its line number instead (a pass over
    /// the text up to that line; [`SourceLines`] indexes a text's lines once).
    ///
    /// ```
    /// let s = juesuan::Span::new(2, 1, 1, 2..3);
    /// assert_eq!(s.source_line("a\nb\nc"), Some("b"));
    /// assert_eq!(s.source_line("a\rb\rc"), Some("b"));
    /// ```
    pub fn source_line<'a>(&self, original: &'a str) -> Option<&'a str> {
        if original.is_char_boundary(self.start) {
            let bytes = original.as_bytes();
            let before = bytes.get(..self.start)?;
            let from = before
                .iter()
                .rposition(|b| matches!(b, b'\n' | b'\r'))
                .map_or(0, |i| i + 1);
            let after = bytes.get(self.start..)?;
            let to = after
                .iter()
                .position(|b| matches!(b, b'\n' | b'\r'))
                .map_or(original.len(), |i| self.start + i);
            return original.get(from..to);
        }
        let index = usize::try_from(self.line).ok()?.checked_sub(1)?;
        let (from, to) = line_ranges(original).nth(index)?;
        original.get(from..to)
    }

    /// [`Span::source_line`] from an index of the text's lines, by the span's line
    /// number.
    ///
    /// ```
    /// use juesuan::{span::SourceLines, Span};
    ///
    /// let lines = SourceLines::new("第一行\r\n收入 74,194.06 万元");
    /// let span = Span::new(2, 4, 9, 17..26);
    /// assert_eq!(span.source_line_in(&lines), Some("收入 74,194.06 万元"));
    /// ```
    pub fn source_line_in<'a>(&self, lines: &SourceLines<'a>) -> Option<&'a str> {
        lines.line(self.line)
    }

    /// [`Span::caret_line`] from an index of the text's lines.
    ///
    /// ```
    /// use juesuan::{span::SourceLines, Span};
    ///
    /// let lines = SourceLines::new("收入12");
    /// assert_eq!(Span::new(1, 3, 2, 6..8).caret_line_in(&lines).as_deref(), Some("    ^^"));
    /// ```
    pub fn caret_line_in(&self, lines: &SourceLines<'_>) -> Option<String> {
        self.carets_under(self.source_line_in(lines)?)
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

/// The byte ranges of the lines of `text`, without their breaks (`"\n"`,
/// `"\r\n"` or `"\r"`).
fn line_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut from = Some(0usize);
    std::iter::from_fn(move || {
        let start = from?;
        let rest = bytes.get(start..)?;
        match rest.iter().position(|b| matches!(b, b'\n' | b'\r')) {
            Some(i) => {
                let end = start.saturating_add(i);
                let crlf = bytes.get(end..end.saturating_add(2)) == Some(b"\r\n");
                from = Some(end.saturating_add(if crlf { 2 } else { 1 }));
                Some((start, end))
            }
            None => {
                from = None;
                Some((start, text.len()))
            }
        }
    })
}

/// The lines of a text, indexed once: to show many [`Span`]s of one text (a
/// report's findings), look each up here rather than in the text.
///
/// Lines end at `"\n"`, `"\r\n"` or a lone `"\r"`, as the reader counts them.
///
/// ```
/// use juesuan::span::SourceLines;
///
/// let lines = SourceLines::new("一\n二\r\n三\r四");
/// assert_eq!(lines.len(), 4);
/// assert_eq!(lines.line(3), Some("三"));
/// assert_eq!(lines.line(5), None);
/// ```
#[derive(Debug, Clone)]
pub struct SourceLines<'a> {
    text: &'a str,
    /// Byte range of every line, without its break.
    ranges: Vec<(usize, usize)>,
}

impl<'a> SourceLines<'a> {
    /// Indexes the lines of `text`, in one pass.
    ///
    /// ```
    /// assert_eq!(juesuan::span::SourceLines::new("").len(), 1);
    /// ```
    pub fn new(text: &'a str) -> SourceLines<'a> {
        SourceLines {
            text,
            ranges: line_ranges(text).collect(),
        }
    }

    /// Line `number` (1-based), without its break.
    ///
    /// ```
    /// assert_eq!(juesuan::span::SourceLines::new("a\nb").line(2), Some("b"));
    /// ```
    pub fn line(&self, number: u32) -> Option<&'a str> {
        self.text.get(self.byte_range(number)?)
    }

    /// The byte range of line `number` (1-based) in the text, without its
    /// break.
    ///
    /// ```
    /// let lines = juesuan::span::SourceLines::new("ab\r\ncd");
    /// assert_eq!(lines.byte_range(2), Some(4..6));
    /// assert_eq!(lines.byte_range(0), None);
    /// ```
    pub fn byte_range(&self, number: u32) -> Option<std::ops::Range<usize>> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        let (from, to) = *self.ranges.get(index)?;
        Some(from..to)
    }

    /// The 1-based line that byte offset `at` stands on (a line break
    /// belongs to the line it ends; an offset past the end, to the last
    /// line).
    ///
    /// ```
    /// let lines = juesuan::span::SourceLines::new("ab\r\ncd\ref");
    /// assert_eq!(lines.line_at(0), 1);
    /// assert_eq!(lines.line_at(3), 1);
    /// assert_eq!(lines.line_at(4), 2);
    /// assert_eq!(lines.line_at(8), 3);
    /// ```
    pub fn line_at(&self, at: usize) -> u32 {
        let after = self.ranges.partition_point(|&(from, _)| from <= at);
        u32::try_from(after.max(1)).unwrap_or(u32::MAX)
    }

    /// The number of lines (an empty text has one, empty).
    ///
    /// ```
    /// assert_eq!(juesuan::span::SourceLines::new("a\n").len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Whether there are no lines (never: an empty text has one).
    ///
    /// ```
    /// assert!(!juesuan::span::SourceLines::new("").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }
}

/// The 1-based page of byte offset `at` in `text`: one more than the number
/// of form feeds before it; `None` when `text` has no form feed at all
/// (then it marks no pages).
///
/// ```
/// let text = "第一页\n\u{c}第二页";
/// assert_eq!(juesuan::span::page_at(text, text.find("第二").unwrap()), Some(2));
/// assert_eq!(juesuan::span::page_at("没有分页", 3), None);
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

/// Terminal display width of a character in a Chinese text, as
/// [`unicode-width`](unicode_width) counts it in a CJK context: 2 for East
/// Asian wide and full-width characters and for the ambiguous ones that CJK
/// fonts print wide (the quotation marks “” of 三公, ①, №), 0 for combining
/// and control characters, 1 otherwise.
///
/// ```
/// assert_eq!(juesuan::span::display_width('收'), 2);
/// assert_eq!(juesuan::span::display_width('7'), 1);
/// assert_eq!(juesuan::span::display_width('，'), 2);
/// assert_eq!(juesuan::span::display_width('“'), 2);
/// assert_eq!(juesuan::span::display_width('”'), 2);
/// ```
pub fn display_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width_cjk(c).unwrap_or(0)
}
