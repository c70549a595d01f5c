//! Source locations in the original text.

use serde::{Deserialize, Serialize};

/// Where a figure stands in the original text: 1-based line and column
/// (columns count characters, not bytes), its length in characters, and the
/// byte range in the original string.
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
