//! The page layout text (`pdftotext -layout`) as lines of positioned tokens.
//!
//! A token is a run of characters between gaps: two or more spaces separate
//! cells; a single space separates words of one cell, except that figures
//! stand alone ("2.85 0.39" is two cells) and leading code digits are split
//! from a name glued to them ("310资本性支出"). Positions are character
//! columns, which is what the layout keeps aligned; a form feed that starts
//! a page is not counted.

use std::ops::Range;

use crate::span::Span;

/// One line of the layout text.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// 1-based line number in the text.
    pub number: u32,
    /// 1-based page (form feeds before the line's content, plus one).
    pub page: u32,
    /// Byte offset of the line's content (after leading form feeds).
    pub start: usize,
    /// Characters before column 0 on the line (its leading form feeds).
    pub lead: u32,
    /// The content, without leading form feeds and the line break.
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
}

/// A cell's text on a line, with its columns and bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// First character column (0-based, after any leading form feed).
    pub x: u32,
    /// One past the last character column.
    pub end: u32,
    pub text: &'a str,
    /// Byte offset of the text in the whole layout text.
    pub at: usize,
}

impl<'a> Token<'a> {
    /// Whether the token is a printed figure: digits with optional thousands
    /// separators, an optional decimal part, an optional leading minus.
    pub fn is_figure(&self) -> bool {
        is_figure(self.text)
    }

    /// The token's digits when it is all ASCII digits (a code or part of one).
    pub fn digits(&self) -> Option<&'a str> {
        (!self.text.is_empty() && self.text.bytes().all(|b| b.is_ascii_digit()))
            .then_some(self.text)
    }

    /// Whether the token is words (neither a figure nor bare digits).
    pub fn is_text(&self) -> bool {
        !self.is_figure() && self.digits().is_none()
    }

    /// Byte range in the whole text.
    pub fn bytes(&self) -> Range<usize> {
        self.at..self.at + self.text.len()
    }
}

/// Whether `s` is a figure as tables print them.
pub(crate) fn is_figure(s: &str) -> bool {
    let body = s.strip_prefix(['-', '－']).unwrap_or(s);
    let mut digits = 0usize;
    let mut dots = 0usize;
    for (i, b) in body.bytes().enumerate() {
        match b {
            b'0'..=b'9' => digits += 1,
            b',' if i > 0 => {}
            b'.' if i > 0 => dots += 1,
            _ => return false,
        }
    }
    // Bare digits are a code or a count: a figure needs its decimals or
    // separators to be told apart (counts are read where a table has them).
    digits > 0 && dots <= 1 && (dots == 1 || body.contains(','))
}

impl<'a> Line<'a> {
    /// The span of `token` on this line.
    pub fn span(&self, token: &Token<'_>) -> Span {
        Span::new(
            self.number,
            self.lead + token.x + 1,
            token.end.saturating_sub(token.x),
            token.bytes(),
        )
        .with_page(Some(self.page))
    }

    /// An empty span at column `x` of this line (for a cell printed empty).
    pub fn span_at(&self, x: u32) -> Span {
        let at = self.byte_at(x);
        Span::new(self.number, self.lead + x + 1, 0, at..at).with_page(Some(self.page))
    }

    /// Byte offset of character column `x` (the line's end when beyond it).
    fn byte_at(&self, x: u32) -> usize {
        let offset = self
            .text
            .char_indices()
            .nth(x as usize)
            .map_or(self.text.len(), |(i, _)| i);
        self.start + offset
    }

    /// The line's words without spaces (for titles and labels).
    pub fn compact(&self) -> String {
        let mut out = String::with_capacity(self.text.len());
        out.extend(self.text.chars().filter(|c| !is_space(*c)));
        out
    }

    /// Whether the line's words, spaces aside, start with `prefix`.
    pub fn starts_with(&self, prefix: &str) -> bool {
        let first = self.tokens.first().and_then(|t| t.text.chars().next());
        if first != prefix.chars().next() {
            return false;
        }
        let mut words = self.text.chars().filter(|c| !is_space(*c));
        prefix.chars().all(|p| words.next() == Some(p))
    }

    /// Whether the line has no token.
    pub fn is_blank(&self) -> bool {
        self.tokens.is_empty()
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{a0}' || c == '\r'
}

/// Splits `text` into lines of tokens.
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(text.len() / 40);
    let mut page = 1u32;
    let mut offset = 0usize;
    for (i, raw) in text.split('\n').enumerate() {
        let line_start = offset;
        offset += raw.len() + 1;
        let content = raw.trim_start_matches('\u{c}');
        let lead = raw.len() - content.len();
        page = page.saturating_add(u32::try_from(lead).unwrap_or(u32::MAX));
        // A form feed elsewhere on the line (rare) starts the next page after it.
        let later = if content.contains('\u{c}') {
            content.bytes().filter(|b| *b == 0x0c).count()
        } else {
            0
        };
        let content = content.strip_suffix('\r').unwrap_or(content);
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let start = line_start + lead;
        out.push(Line {
            number,
            page,
            start,
            lead: u32::try_from(lead).unwrap_or(u32::MAX),
            text: content,
            tokens: tokens(content, start),
        });
        page = page.saturating_add(u32::try_from(later).unwrap_or(u32::MAX));
    }
    out
}

fn tokens(line: &str, base: usize) -> Vec<Token<'_>> {
    let mut out = if line.trim_start().is_empty() {
        Vec::new()
    } else {
        Vec::with_capacity(6)
    };
    let mut pending: Option<Token<'_>> = None;
    // The word being read: first column, first byte; spaces before it.
    let mut word: Option<(u32, usize)> = None;
    let mut gap = 0u32;
    let mut col = 0u32;
    let bytes = line.as_bytes();
    let mut i = 0;
    // By bytes: the layout is mostly ASCII spaces. A column is a character:
    // every byte but UTF-8 continuation bytes starts one.
    while let Some(&b) = bytes.get(i) {
        let space_len = match b {
            b' ' | b'\t' | b'\r' | 0x0c => 1,
            // U+00A0 and U+3000.
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => 2,
            0xE3 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x80) => 3,
            _ => 0,
        };
        if space_len > 0 {
            if let Some((x, from)) = word.take() {
                let text = line.get(from..i).unwrap_or_default();
                push_word(
                    &mut out,
                    &mut pending,
                    line,
                    base,
                    (x, col, from, text),
                    gap,
                );
                gap = 0;
            }
            // A run of ASCII spaces (most of a layout line) in one step.
            let run = if b == b' ' {
                bytes
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|&&c| c == b' ')
                    .count()
            } else {
                1
            };
            let cells = u32::try_from(run).unwrap_or(u32::MAX);
            gap = gap.saturating_add(cells);
            col = col.saturating_add(cells);
            i += space_len.max(run);
            continue;
        }
        if b & 0xC0 != 0x80 {
            if word.is_none() {
                word = Some((col, i));
            }
            col = col.saturating_add(1);
        }
        i += 1;
    }
    if let Some((x, from)) = word {
        let text = line.get(from..).unwrap_or_default();
        push_word(
            &mut out,
            &mut pending,
            line,
            base,
            (x, col, from, text),
            gap,
        );
    }
    if let Some(p) = pending {
        out.push(p);
    }
    out
}

/// Adds a word (column, end column, byte offset, text) to the cells of a
/// line: a single space joins words of text; figures and bare digits stand
/// alone; a code glued to a name is split from it.
fn push_word<'a>(
    out: &mut Vec<Token<'a>>,
    pending: &mut Option<Token<'a>>,
    line: &'a str,
    base: usize,
    (x, end, from, text): (u32, u32, usize, &'a str),
    gap: u32,
) {
    let token = |x: u32, end: u32, from: usize, text: &'a str| Token {
        x,
        end,
        text,
        at: base + from,
    };
    let (first, rest) = match split_code_prefix(text) {
        Some(digits) => {
            let n = u32::try_from(digits.len()).unwrap_or(0);
            let name = text.get(digits.len()..).unwrap_or_default();
            (
                token(x, x + n, from, digits),
                Some(token(x + n, end, from + digits.len(), name)),
            )
        }
        None => (token(x, end, from, text), None),
    };
    match pending.as_mut() {
        Some(p) if gap == 1 && p.is_text() && first.is_text() => {
            p.end = first.end;
            let to = first.at - base + first.text.len();
            p.text = line.get(p.at - base..to).unwrap_or(p.text);
        }
        _ => {
            if let Some(p) = pending.replace(first) {
                out.push(p);
            }
        }
    }
    if let Some(rest) = rest {
        if let Some(p) = pending.replace(rest) {
            out.push(p);
        }
    }
}

/// The leading code of a word glued to a name ("310资本性支出" → "310"): 3, 5
/// or 7 ASCII digits directly followed by a character that is not a digit,
/// a separator or a decimal point.
fn split_code_prefix(word: &str) -> Option<&str> {
    let n = word.bytes().take_while(u8::is_ascii_digit).count();
    let rest = word.get(n..)?;
    let next = rest.chars().next()?;
    (matches!(n, 3 | 5 | 7) && !matches!(next, '.' | ',' | '%') && !next.is_ascii_digit())
        .then(|| word.get(..n))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<(u32, &str)> {
        tokens(line, 0).iter().map(|t| (t.x, t.text)).collect()
    }

    #[test]
    fn cells_words_and_figures() {
        assert_eq!(
            texts("2013901   行政运行              51.32     51.32"),
            [
                (0, "2013901"),
                (10, "行政运行"),
                (28, "51.32"),
                (38, "51.32")
            ]
        );
        assert_eq!(
            texts("     2.85 0.39 0.00  0.00"),
            [(5, "2.85"), (10, "0.39"), (15, "0.00"), (21, "0.00")]
        );
        assert_eq!(
            texts("    信息 网络 及软件 购置"),
            [(4, "信息 网络 及软件 购置")]
        );
        assert_eq!(
            texts("   310资本性支出    0.00"),
            [(3, "310"), (6, "资本性支出"), (15, "0.00")]
        );
    }

    #[test]
    fn figures() {
        for yes in ["307.82", "0.00", "1,092.80", "-3.5", "12,345"] {
            assert!(is_figure(yes), "{yes}");
        }
        for no in ["2013901", "205", "合计", "1.2.3", ".5", "", "-"] {
            assert!(!is_figure(no), "{no}");
        }
    }

    #[test]
    fn pages_and_spans() {
        let text = "标题\n\u{c}2101101   行政单位医疗        2.22\n";
        let ls = lines(text);
        assert_eq!((ls[1].page, ls[1].lead, ls[1].number), (2, 1, 2));
        let fig = ls[1].tokens[2];
        let span = ls[1].span(&fig);
        assert_eq!(&text[span.start..span.end], "2.22");
        assert_eq!(span.describe(text), "page 2, line 1:25");
    }
}
