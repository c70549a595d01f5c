//! The first stage of reading a report: PDF-extracted text → one clean, matchable string,
//! with a map from every normalised character back to the original.

use std::fmt;
use std::iter::FusedIterator;
use std::ops::Range;

use super::fold::{self, Fold};
use crate::span::{Span, display_width};

/// Whitespace at least this wide inside a line is a column gap (kept as `'\t'`).
const GAP_WIDTH: usize = 3;
/// Leading whitespace at least this wide marks an indented first line of a paragraph.
const INDENT_WIDTH: usize = 2;
/// Only lines at least this wide take part in estimating the full line width.
const MIN_MEASURED_WIDTH: usize = 20;
/// With fewer measured lines than this the widest one is taken as full.
const MIN_SAMPLE: usize = 5;
/// Half-width of the window of widths that counts as "the same width".
const WIDTH_WINDOW: usize = 2;
/// Share (percent) of measured lines that must fall in the best window for the text to
/// count as wrapped at a fixed width.
const MIN_DOMINANT_PERCENT: usize = 25;
/// Lines with more characters than this are never page numbers or running headers.
const MAX_ARTEFACT_CHARS: usize = 40;

/// Report text after [`normalize`]: the clean string, the original it came from, and
/// where each of its characters came from.
///
/// ```
/// use juesuan::text::normalize;
///
/// let original = "二、收入决算情况说明\n\n本 年收 入 73,274.06 万 元， 其 中：";
/// let text = normalize(original);
/// assert_eq!(text.as_str(), "二、收入决算情况说明\n本年收入73,274.06万元，其中：");
/// assert_eq!(text.original(), original);
/// assert_eq!(text.paragraphs().count(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct NormalizedText<'a> {
    original: &'a str,
    text: String,
    /// Where the characters of `text` came from, as pieces in order (see [`Segment`]).
    segments: Segments,
    /// Where every [`MARK`]-th byte of the original stands (see [`Mark`]).
    marks: Vec<Mark>,
    /// Byte offset of every form feed (page break) of the original.
    page_breaks: Vec<usize>,
}

/// A piece of the normalised text and the original bytes it stands for. It covers the
/// normalised bytes from `at` to the next segment's `at` (or the end). When it is as
/// long as `start..end`, byte `at + k` stands for original byte `start + k`: a run
/// copied as it stands (most of a report). Otherwise it is one character standing for
/// all of `start..end` (a folded character, a kept space, a line break).
///
/// A map of pieces costs a few bytes per line where one of characters cost 24 bytes per
/// character: reading a text takes at most a few bytes per byte of it (issue 11).
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Byte offset in the normalised text.
    at: usize,
    /// Byte range in the original.
    start: usize,
    end: usize,
}

/// What is known at one byte of the original, every [`MARK`] bytes, so that a line and
/// column are counted from the nearest mark rather than from the start of the text or
/// of the line (a report of one 4 MB line would otherwise cost a pass over it per
/// figure).
#[derive(Debug, Clone, Copy)]
struct Mark {
    /// Characters before it.
    chars: usize,
    /// Line breaks before it.
    lines: usize,
    /// Byte offset of the start of the line it is on.
    line_start: usize,
}

/// The [`Segment`]s of a text, in 32-bit offsets when the texts are shorter than 1 GiB
/// (all reports): 12 bytes a piece instead of 24.
#[derive(Debug, Clone)]
enum Segments {
    Narrow(Vec<[u32; 3]>),
    Wide(Vec<Segment>),
}

impl Segments {
    /// No segments yet, for the text normalised from `original_len` bytes: narrow
    /// when every offset fits 32 bits (the output is at most three times as long as
    /// the original: `(` becomes `（`).
    fn for_original(original_len: usize) -> Segments {
        if original_len.saturating_mul(3) <= u32::MAX as usize {
            Segments::Narrow(Vec::new())
        } else {
            Segments::Wide(Vec::new())
        }
    }

    fn narrow(s: Segment) -> [u32; 3] {
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        [n(s.at), n(s.start), n(s.end)]
    }

    fn len(&self) -> usize {
        match self {
            Segments::Narrow(v) => v.len(),
            Segments::Wide(v) => v.len(),
        }
    }

    fn push(&mut self, s: Segment) {
        match self {
            Segments::Narrow(v) => v.push(Segments::narrow(s)),
            Segments::Wide(v) => v.push(s),
        }
    }

    fn set(&mut self, i: usize, s: Segment) {
        match self {
            Segments::Narrow(v) => {
                if let Some(slot) = v.get_mut(i) {
                    *slot = Segments::narrow(s);
                }
            }
            Segments::Wide(v) => {
                if let Some(slot) = v.get_mut(i) {
                    *slot = s;
                }
            }
        }
    }

    /// Replaces segment `i` with `pieces`.
    fn split(&mut self, i: usize, pieces: &[Segment]) {
        match self {
            Segments::Narrow(v) => {
                if i < v.len() {
                    v.splice(i..=i, pieces.iter().map(|&p| Segments::narrow(p)));
                }
            }
            Segments::Wide(v) => {
                if i < v.len() {
                    v.splice(i..=i, pieces.iter().copied());
                }
            }
        }
    }

    /// Moves the segments from index `from` on `by` bytes later in the text.
    fn shift(&mut self, from: usize, by: usize) {
        match self {
            Segments::Narrow(v) => {
                let by = u32::try_from(by).unwrap_or(u32::MAX);
                for s in v.iter_mut().skip(from) {
                    s[0] = s[0].saturating_add(by);
                }
            }
            Segments::Wide(v) => {
                for s in v.iter_mut().skip(from) {
                    s.at += by;
                }
            }
        }
    }

    fn shrink_to_fit(&mut self) {
        match self {
            Segments::Narrow(v) => v.shrink_to_fit(),
            Segments::Wide(v) => v.shrink_to_fit(),
        }
    }

    fn get(&self, i: usize) -> Option<Segment> {
        match self {
            Segments::Narrow(v) => v.get(i).map(|&[at, start, end]| Segment {
                at: at as usize,
                start: start as usize,
                end: end as usize,
            }),
            Segments::Wide(v) => v.get(i).copied(),
        }
    }

    /// The index of the last segment starting at or before normalised byte `at`.
    fn containing(&self, at: usize) -> Option<usize> {
        let after = match self {
            Segments::Narrow(v) => v.partition_point(|s| s[0] as usize <= at),
            Segments::Wide(v) => v.partition_point(|s| s.at <= at),
        };
        after.checked_sub(1)
    }
}

/// Bytes between two [`Mark`]s.
const MARK: usize = 256;

/// Whether byte `i` of `bytes` ends a line: a `'\n'`, or a `'\r'` not followed by
/// `'\n'` (a line ends at "\n", "\r\n" or a lone "\r").
fn ends_line(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b'\n') => true,
        Some(b'\r') => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// The marks of `original`, one every [`MARK`] bytes from byte 0, and the byte offset
/// of every form feed (page break), in one pass of block-wise counts.
fn marks(original: &str) -> (Vec<Mark>, Vec<usize>) {
    let bytes = original.as_bytes();
    let mut marks = Vec::with_capacity(bytes.len() / MARK + 1);
    let mut page_breaks = Vec::new();
    let mut mark = Mark {
        chars: 0,
        lines: 0,
        line_start: 0,
    };
    for (k, block) in bytes.chunks(MARK).enumerate() {
        marks.push(mark);
        let from = k * MARK;
        mark.chars += chars_in(block);
        if block.contains(&b'\r') || block.contains(&0x0c) {
            // Rare: line ends of "\r" alone or "\r\n", page breaks.
            for (j, &b) in block.iter().enumerate() {
                if b == 0x0c {
                    page_breaks.push(from + j);
                }
                if matches!(b, b'\n' | b'\r') && ends_line(bytes, from + j) {
                    mark.lines += 1;
                    mark.line_start = from + j + 1;
                }
            }
        } else {
            mark.lines += block.iter().fold(0u32, |n, &b| n + u32::from(b == b'\n')) as usize;
            if let Some(j) = block.iter().rposition(|&b| b == b'\n') {
                mark.line_start = from + j + 1;
            }
        }
    }
    if bytes.len() % MARK == 0 {
        marks.push(mark);
    }
    (marks, page_breaks)
}

/// The characters that start in `bytes` (UTF-8 lead bytes), wherever it is cut.
fn chars_in(bytes: &[u8]) -> usize {
    // Summed in blocks of u32 counts, a form the compiler vectorises.
    bytes
        .chunks(1 << 16)
        .map(|block| {
            block
                .iter()
                .fold(0u32, |n, &b| n + u32::from((b & 0xC0) != 0x80)) as usize
        })
        .sum()
}

impl<'a> NormalizedText<'a> {
    /// The normalised text: paragraphs separated by `'\n'`.
    ///
    /// ```
    /// use juesuan::text::normalize;
    ///
    /// assert_eq!(normalize("財政撥款收入 1,234.56 萬元").as_str(), "财政拨款收入1,234.56万元");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original text this was normalised from.
    ///
    /// ```
    /// use juesuan::text::normalize;
    ///
    /// assert_eq!(normalize("占 93.43%").original(), "占 93.43%");
    /// ```
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// Where the normalised byte range `range` came from in the original.
    ///
    /// The span starts at the first character of the original behind `range` and ends
    /// after the last one. Out-of-bounds ranges are clamped, a range starting inside a
    /// character starts at that character, and an empty range gives an empty span at
    /// its position. Never panics.
    ///
    /// ```
    /// use juesuan::text::normalize;
    ///
    /// let original = "收入决算\n\n本 年收 入 73,274.06 万 元";
    /// let text = normalize(original);
    /// let at = text.as_str().find("73,274.06").unwrap();
    /// let span = text.span(at..at + "73,274.06".len());
    /// assert_eq!((span.line, span.column, span.len), (3, 8, 9));
    /// assert_eq!(&original[span.start..span.end], "73,274.06");
    /// ```
    pub fn span(&self, range: Range<usize>) -> Span {
        let bytes = self.original_range(range);
        let original = self.original.as_bytes();
        let (lines_before, line_start) = self.locate(bytes.start);
        // The span ends at the end of its first line: "\n" and "\r" end a line.
        let on_line = original
            .get(bytes.start..bytes.end)
            .and_then(|span| span.iter().position(|&b| matches!(b, b'\n' | b'\r')))
            .map_or(bytes.end, |i| bytes.start + i);
        let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        // Characters from the line's start: counted directly when the line
        // starts within the span's mark block (the usual short line), else
        // through the marks (a line of megabytes stays linear).
        let column = if bytes.start.saturating_sub(line_start) <= MARK {
            chars_in(original.get(line_start..bytes.start).unwrap_or_default())
        } else {
            self.chars_before(bytes.start)
                .saturating_sub(self.chars_before(line_start))
        };
        let len = chars_in(original.get(bytes.start..on_line).unwrap_or_default());
        let page = (!self.page_breaks.is_empty())
            .then(|| to_u32(self.page_breaks.partition_point(|&b| b < bytes.start) + 1));
        Span::new(
            to_u32(lines_before + 1),
            to_u32(column + 1),
            to_u32(len),
            bytes,
        )
        .with_page(page)
    }

    /// The mark at or before byte `at`, and the bytes from it to `at`.
    fn mark(&self, at: usize) -> (Mark, &[u8]) {
        let at = at.min(self.original.len());
        let block = at / MARK;
        let mark = self.marks.get(block).copied().unwrap_or(Mark {
            chars: 0,
            lines: 0,
            line_start: 0,
        });
        let since = self
            .original
            .as_bytes()
            .get(block * MARK..at)
            .unwrap_or_default();
        (mark, since)
    }

    /// The number of characters of the original before byte `at` (a character
    /// boundary).
    fn chars_before(&self, at: usize) -> usize {
        let (mark, since) = self.mark(at);
        mark.chars + chars_in(since)
    }

    /// The number of line breaks of the original before byte `at`, and the byte
    /// offset of the start of the line `at` is on, in one pass over the bytes
    /// since the mark.
    fn locate(&self, at: usize) -> (usize, usize) {
        let (mark, since) = self.mark(at);
        let from = at.min(self.original.len()) - since.len();
        let bytes = self.original.as_bytes();
        let (mut lines, mut line_start) = (mark.lines, mark.line_start);
        if since.contains(&b'\r') {
            // Rare: line ends of "\r" alone or "\r\n".
            for (k, &b) in since.iter().enumerate() {
                if matches!(b, b'\n' | b'\r') && ends_line(bytes, from + k) {
                    lines += 1;
                    line_start = from + k + 1;
                }
            }
        } else if let Some(k) = since.iter().rposition(|&b| b == b'\n') {
            lines += since.iter().fold(0u32, |n, &b| n + u32::from(b == b'\n')) as usize;
            line_start = from + k + 1;
        }
        (lines, line_start)
    }

    /// The original bytes behind the character of the normalised text at byte `at`
    /// (which must be a character boundary).
    fn origin_of(&self, at: usize) -> Option<(usize, usize)> {
        let i = self.segments.containing(at)?;
        let seg = self.segments.get(i)?;
        let seg_end = self.segments.get(i + 1).map_or(self.text.len(), |n| n.at);
        if seg_end - seg.at == seg.end - seg.start {
            let start = seg.start + (at - seg.at);
            let len = self.text.get(at..)?.chars().next()?.len_utf8();
            Some((start, start + len))
        } else {
            Some((seg.start, seg.end))
        }
    }

    /// Byte range in the original behind the normalised byte range `range` (see
    /// [`span`](NormalizedText::span) for how ranges are clamped).
    fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let len = self.text.len();
        let floor = |mut i: usize| {
            while i > 0 && !self.text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let start = range.start.min(len);
        let end = range.end.min(len).max(start);
        if start == end {
            let at = if start >= len {
                len.checked_sub(1)
                    .and_then(|last| self.origin_of(floor(last)))
                    .map_or(0, |o| o.1)
            } else {
                self.origin_of(floor(start)).map_or(0, |o| o.0)
            };
            return at..at;
        }
        match (self.origin_of(floor(start)), self.origin_of(floor(end - 1))) {
            (Some(first), Some(last)) => first.0..last.1.max(first.0),
            _ => 0..0,
        }
    }

    /// The paragraphs (the `'\n'`-separated lines of the normalised text) with their
    /// byte offsets in it. There are no empty paragraphs.
    ///
    /// ```
    /// use juesuan::text::normalize;
    ///
    /// let text = normalize("一、主要职能\n\n负责促进就业工作。");
    /// let paragraphs: Vec<_> = text.paragraphs().map(|p| (p.start(), p.as_str())).collect();
    /// assert_eq!(paragraphs, [(0, "一、主要职能"), (19, "负责促进就业工作。")]);
    /// ```
    pub fn paragraphs(&self) -> Paragraphs<'_> {
        Paragraphs {
            text: &self.text,
            offset: 0,
        }
    }
}

impl fmt::Display for NormalizedText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl AsRef<str> for NormalizedText<'_> {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// One paragraph of a [`NormalizedText`]: its text and where it starts in the
/// normalised string.
///
/// ```
/// use juesuan::text::normalize;
///
/// let text = normalize("一、主要职能\n\n负责促进就业工作。");
/// let second = text.paragraphs().nth(1).unwrap();
/// assert_eq!(&text.as_str()[second.range()], "负责促进就业工作。");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph<'t> {
    start: usize,
    text: &'t str,
}

impl<'t> Paragraph<'t> {
    /// The paragraph text, without the separating `'\n'`.
    ///
    /// ```
    /// use juesuan::text::normalize;
    ///
    /// let text = normalize("注：本表反映部门本年度的总收支。");
    /// assert_eq!(text.paragraphs().next().unwrap().as_str(), "注：本表反映部门本年度的总收支。");
    /// ```
    pub fn as_str(&self) -> &'t str {
        self.text
    }

    /// Byte offset of the paragraph in the normalised text.
    ///
    /// ```
    /// use juesuan::text::normalize;
    ///
    /// let text = normalize("一、主要职能\n二、机构设置");
    /// assert_eq!(text.paragraphs().nth(1).unwrap().start(), "一、主要职能\n".len());
    /// ```
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte range of the paragraph in the normalised text, ready for
    /// [`NormalizedText::span`].
    ///
    /// ```
    /// use juesuan::text::normalize;
    ///
    /// let text = normalize("一、主要职能\n\n二、机构设置");
    /// let second = text.paragraphs().nth(1).unwrap();
    /// assert_eq!(text.span(second.range()).line, 3);
    /// ```
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }
}

/// Iterator over the [`Paragraph`]s of a [`NormalizedText`], from
/// [`NormalizedText::paragraphs`].
///
/// ```
/// use juesuan::text::normalize;
///
/// let text = normalize("第一部分 部门概况\n一、主要职能");
/// assert_eq!(text.paragraphs().count(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Paragraphs<'t> {
    text: &'t str,
    offset: usize,
}

impl<'t> Iterator for Paragraphs<'t> {
    type Item = Paragraph<'t>;

    fn next(&mut self) -> Option<Paragraph<'t>> {
        if self.text.is_empty() {
            return None;
        }
        let (line, rest, consumed) = match self.text.split_once('\n') {
            Some((line, rest)) => (line, rest, line.len() + 1),
            None => (self.text, "", self.text.len()),
        };
        let paragraph = Paragraph {
            start: self.offset,
            text: line,
        };
        self.text = rest;
        self.offset += consumed;
        Some(paragraph)
    }
}

impl FusedIterator for Paragraphs<'_> {}

/// Normalises PDF-extracted report text for sentence matching.
///
/// Runs in time linear in the input, never panics, and keeps for every output character
/// the original byte range it came from (see [`NormalizedText::span`]).
///
/// # Characters
///
/// - Digits and Latin letters become ASCII; other full-width ASCII forms (U+FF01–FF5E)
///   fold to ASCII and then follow the punctuation rules below.
/// - Parentheses become full-width `（` `）`; semicolon `；`; exclamation and question
///   marks `！` `？`; the ideographic full stop `。` and enumeration comma `、` stay.
/// - Commas become `，`, except a digit-grouping comma, which is ASCII `,`: one that
///   follows a digit and is followed by exactly three digits. A full-width comma groups
///   only between full-width digits (`７４，１９４．０６` → `74,194.06`), so a list of
///   codes such as `201，208` keeps its `，`.
/// - Colons become `：`, except between two digits (`10:30`), where they are `:`.
/// - `．` → `.`, `％` → `%`, `－` `−` `‐` `‑` `‒` `–` → `-`; `—`, `…`, `《》` and quotes
///   (`“”‘’` and ASCII `"` `'`) are kept as they are.
/// - Traditional characters of government and finance text (財→财, 撥→拨, 萬→万, …) and
///   the Kangxi or CJK radicals that extraction emits for ideographs (⼈→人) become the
///   simplified characters.
/// - Control characters, zero-width characters, soft hyphens and byte order marks are
///   removed.
///
/// # Whitespace
///
/// Whitespace inside a line and at a joined line break is removed, except:
/// - between an ASCII letter or digit (or `%`) and a following ASCII letter or digit,
///   where one space `' '` is kept, so the cells of a table row `0.00 0.00` stay apart
///   while `2024 年` becomes `2024年` and `本 年收 入` becomes `本年收入`;
/// - a run at least three cells wide (a tab, three spaces, an ideographic space and a
///   space), which is a column gap in layout-preserving text and becomes one `'\t'`.
///
/// Digits are therefore never glued across a space or a line break: a number the PDF
/// split as `1,382.9` / `8 万元` stays `1,382.9 8万元` (or two paragraphs). The reports
/// break lines inside words, not inside numbers, and gluing would merge table cells.
///
/// # Page artefacts
///
/// Form feeds are removed. Lines that are page numbers are dropped: `- 12 -`, `—12—` or
/// `第12页` (optionally `共30页`) anywhere, and a bare number at the top or bottom of
/// pages when it counts up with the page breaks on several pages. A short line without
/// a colon repeated at the top (or bottom) of at least three pages and half of all
/// pages is a running header (footer) and is dropped too.
///
/// # Paragraphs
///
/// Paragraphs are separated by one `'\n'`; headings end up on their own line. Blank
/// lines carry no meaning (the reference text has one after every line, and page breaks
/// add more in mid-sentence). For each pair of consecutive kept lines, the first rule
/// that applies decides whether the second line starts a paragraph:
/// 1. it starts with closing punctuation (`，。、；：）”》%…`): no;
/// 2. it starts with a heading or item marker (`第一部分`, `一、`, `（一）`, `1、`, `1.`,
///    `（1）`, `注：`, `说明：`, `备注：`): yes;
/// 3. the previous line ends with `，` `、` or an opening bracket or quote, leaves a
///    bracket or quote open, is only a marker (`（一）` alone), or ends with a digit while
///    this line starts with a unit (`年`, `万`, `元`, `个`, `辆`, `%`, …) and the previous
///    line is not just a figure (a table cell): no;
/// 4. the previous line ends a sentence (`。！？`, possibly followed by a closing quote or
///    bracket): yes;
/// 5. this line is indented by at least two cells, or either line has a column gap (a
///    table row of layout-preserving text): yes;
/// 6. otherwise it depends on the full line width `W` of the document, the width in
///    display cells (CJK characters count two) around which most lines cluster: the
///    previous line ends a paragraph if it is a section heading (`第一部分`, `一、`,
///    `（一）` without `。，；：！？`) narrower than 95 % of `W`, or if it plus the first
///    word of this line is narrower than 85 % of `W` (it stopped short although the
///    next word would have fit). A line that starts with closing punctuation counts
///    together with the line before it, as the extraction split one printed line. When
///    no width is shared by a quarter of the lines (or many lines are wider), the text is
///    not wrapped at a fixed width and every remaining line starts a paragraph; with
///    fewer than five lines of 20 cells or more the widest is taken as `W`.
///
/// Normalising normalised text gives it back unchanged for real reports (the tests check
/// the fixtures) and for any single line; for contrived multi-line input the width
/// estimate of the second pass can differ and join lines again.
///
/// ```
/// use juesuan::text::normalize;
///
/// let text = normalize("二、收入决算情况说明\n\n本 年收 入 ７４，１９４．０６ 萬 元，占 93.43%。");
/// assert_eq!(text.as_str(), "二、收入决算情况说明\n本年收入74,194.06万元，占93.43%。");
/// ```
#[doc(alias = "规范化")]
pub fn normalize(original: &str) -> NormalizedText<'_> {
    // First pass: the start of every line as the paragraph rules see it, the line
    // widths (for the full width) and the lines at the edges of the pages (for page
    // numbers and running headers). Lines are not kept, only these few facts.
    let mut starts: Vec<LineStart> = Vec::with_capacity(original.len() / 48);
    let mut widths: Vec<u32> = Vec::new();
    let mut edges = Edges::default();
    let mut scanner = Scanner::new(original);
    loop {
        let at = scanner.at;
        let Some(line) = scanner.line(&mut |_| {}) else {
            break;
        };
        if line.shape.chars == 0 {
            continue;
        }
        let dropped = line.page_number(&scanner.head);
        if !dropped {
            edges.note(starts.len(), &line, &scanner.head);
            if !line.has_gap && line.width >= MIN_MEASURED_WIDTH {
                widths.push(u32::try_from(line.width).unwrap_or(u32::MAX));
            }
        }
        starts.push(LineStart::new(at, &line, dropped));
    }
    let dropped = edges.dropped(scanner.pages);
    for &ordinal in &dropped {
        if let Some(start) = starts.get_mut(ordinal) {
            start.dropped = true;
        }
    }
    // The lines dropped as running headers or numbers counted up are not measured.
    widths.sort_unstable();
    for w in edges.widths_of(&dropped) {
        let w = u32::try_from(w).unwrap_or(u32::MAX);
        if let Ok(i) = widths.binary_search(&w) {
            widths.remove(i);
        }
    }
    let full = full_width(&widths);
    drop(widths);
    drop(edges);

    // Second pass: the lines again, each written as it is read.
    let mut out = Output::with_capacity(original.len());
    // The previous kept line and the width of the visual line it ends: a line that
    // starts with closing punctuation is the tail of the line before it, split by the
    // extraction, so their widths add up.
    let mut previous: Option<(Line, usize)> = None;
    let mut writer = Scanner::new(original);
    // The heads and markers of lines are known from the first pass.
    writer.keep_head = false;
    let mut starts = starts.iter().peekable();
    loop {
        let Some(start) = starts.next_if(|s| s.at == writer.at) else {
            // A line without visible characters, or the end.
            if writer.line(&mut |_| {}).is_none() {
                break;
            }
            continue;
        };
        if start.dropped {
            let _ = writer.line(&mut |_| {});
            continue;
        }
        let line = start.line();
        let marker = line.shape.marker;
        let mut join = None;
        let mut width = 0;
        if let Some((prev, prev_width)) = &previous {
            let line_break = prev.newline.map_or((prev.end, prev.end), |n| (n, n + 1));
            if starts_paragraph((prev, *prev_width), &line, full) {
                out.end_paragraph();
                out.separator(line_break);
            } else {
                join = Some(line_break);
                if is_closing(line.shape.first) {
                    width = *prev_width;
                }
            }
        }
        let mut emitter = Emitter {
            out: &mut out,
            original,
            pending: join,
            run: None,
        };
        let Some(mut line) = writer.line(&mut |item| emitter.item(item)) else {
            break;
        };
        line.shape.marker = marker;
        emitter.flush();
        width += line.width;
        previous = Some((line, width));
    }
    out.end_paragraph();

    let mut text = out.text;
    text.shrink_to_fit();
    let mut segments = out.segments;
    segments.shrink_to_fit();
    let (marks, page_breaks) = marks(original);
    NormalizedText {
        original,
        text,
        segments,
        marks,
        page_breaks,
    }
}

/// What the first pass keeps of a line with visible characters: where it starts and
/// what the paragraph rules read of its start (the rest is read again as it is
/// written).
#[derive(Debug, Clone, Copy)]
struct LineStart {
    /// Byte offset of the line in the original.
    at: usize,
    first: char,
    indent: u32,
    first_word: u32,
    marker: Option<(Marker, u8)>,
    has_gap: bool,
    /// A page number or running header: not part of the text.
    dropped: bool,
}

impl LineStart {
    fn new(at: usize, line: &Line, dropped: bool) -> LineStart {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        LineStart {
            at,
            first: line.shape.first,
            indent: narrow(line.indent),
            first_word: narrow(line.shape.first_word),
            marker: line
                .shape
                .marker
                .map(|(kind, len)| (kind, u8::try_from(len).unwrap_or(u8::MAX))),
            has_gap: line.has_gap,
            dropped,
        }
    }

    /// The line as the paragraph rules see the line that may start a paragraph.
    fn line(&self) -> Line {
        let mut shape = ShapeScan::new().finish(0, &[]);
        shape.first = self.first;
        shape.marker = self.marker.map(|(kind, len)| (kind, usize::from(len)));
        shape.first_word = self.first_word as usize;
        Line {
            newline: None,
            end: 0,
            indent: self.indent as usize,
            width: 0,
            has_gap: self.has_gap,
            page: 0,
            shape,
        }
    }
}

/// A character or a whitespace run of one original line, after folding.
#[derive(Debug, Clone, Copy)]
struct Item {
    /// Byte range in the original.
    start: usize,
    end: usize,
    /// The folded character (`' '` for whitespace).
    c: char,
    /// Display width of the character as written, or of the whole whitespace run.
    width: usize,
    /// Whether the original was a full-width form (U+FF01–FF5E).
    wide: bool,
    /// Whether this is a whitespace run.
    space: bool,
    /// Whether the character is written as it stands in the original: folding left it
    /// unchanged and it is no `,` or `:` (whose form depends on their neighbours).
    verbatim: bool,
}

/// One original line with at least one visible character, as the paragraph rules see
/// it. Lines are read as they are needed, never kept all at once.
#[derive(Debug, Clone, Copy)]
struct Line {
    /// Byte offset of the line break ending it, if any.
    newline: Option<usize>,
    /// Byte offset just past its last visible character.
    end: usize,
    /// Display width of its leading whitespace.
    indent: usize,
    /// Display width of its content (the internal whitespace the output keeps
    /// included).
    width: usize,
    /// Whether it contains a column gap.
    has_gap: bool,
    /// Page (number of form feeds before its first visible character).
    page: usize,
    /// What the paragraph rules look at.
    shape: Shape,
}

impl Line {
    /// The visible characters, if there are at most [`MAX_ARTEFACT_CHARS`], from
    /// `head`, the line's first visible characters ([`Scanner::head`]).
    fn short<'h>(&self, head: &'h [char]) -> Option<&'h [char]> {
        if self.shape.chars > MAX_ARTEFACT_CHARS {
            return None;
        }
        head.get(..self.shape.chars)
    }

    /// Whether it is a page number of its own: `- 12 -`, `—12—`, `第12页` (`head` as
    /// for [`short`](Line::short)).
    fn page_number(&self, head: &[char]) -> bool {
        matches!(self.shape.first, '-' | '—' | '~' | '第')
            && self.short(head).is_some_and(is_page_number)
    }
}

/// The facts about a line that the paragraph rules use.
#[derive(Debug, Clone, Copy)]
struct Shape {
    first: char,
    last: char,
    /// Number of visible characters.
    chars: usize,
    marker: Option<(Marker, usize)>,
    /// Leaves a bracket or quote open.
    unclosed: bool,
    /// Ends with `。！？`, possibly followed by closing quotes or brackets.
    ends_sentence: bool,
    /// Only a figure (a table cell), such as `307.82` or `-1,234.5%`.
    figure: bool,
    /// Contains clause punctuation `。，；：！？`.
    clause: bool,
    /// Display width of the first unbreakable unit: opening brackets, then a number or
    /// word in ASCII or one other character, then closing punctuation.
    first_word: usize,
}

/// The facts of [`Shape`] gathered character by character while a line is scanned.
#[derive(Debug, Clone, Copy)]
struct ShapeScan {
    first: char,
    last: char,
    /// Brackets and quotes open.
    depth: usize,
    /// The last character that is no closing bracket or quote.
    last_unquoted: char,
    figure: bool,
    clause: bool,
    first_word: FirstWord,
}

impl ShapeScan {
    const fn new() -> ShapeScan {
        ShapeScan {
            first: ' ',
            last: ' ',
            depth: 0,
            last_unquoted: ' ',
            figure: true,
            clause: false,
            first_word: FirstWord::Opening(0),
        }
    }

    /// Takes in the `n`th visible (folded) character of the line, of display width
    /// `width`.
    #[inline(always)]
    fn push(&mut self, c: char, width: usize, n: usize) {
        if n == 0 {
            self.first = c;
        }
        if !matches!(self.first_word, FirstWord::Done(_)) {
            self.first_word = self.first_word.push(c, width);
        }
        self.last = c;
        if is_ideograph(c) {
            // The common case, decided at once: an ideograph is no bracket, quote,
            // figure or clause punctuation.
            self.figure = false;
            self.last_unquoted = c;
            return;
        }
        if is_opening(c) {
            self.depth += 1;
        } else if is_closing_bracket(c) {
            self.depth = self.depth.saturating_sub(1);
        }
        if !is_closing_bracket(c) && !matches!(c, '"' | '\'') {
            self.last_unquoted = c;
        }
        self.figure &= c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-');
        self.clause |= matches!(c, '。' | ',' | '；' | ':' | '！' | '？');
    }

    /// The shape of the line of `chars` visible characters pushed, `head` being its
    /// first visible characters.
    fn finish(self, chars: usize, head: &[char]) -> Shape {
        let start = head.get(..chars.min(8)).unwrap_or_default();
        let marker = if may_start_marker(self.first) {
            marker(start.iter().copied())
        } else {
            None
        };
        Shape {
            first: self.first,
            last: self.last,
            chars,
            marker,
            unclosed: self.depth > 0,
            ends_sentence: matches!(self.last_unquoted, '。' | '！' | '？'),
            figure: self.figure,
            clause: self.clause,
            first_word: self.first_word.width(),
        }
    }
}

/// The width of a line's first unbreakable unit, taken in character by character:
/// opening brackets, then a number or word in ASCII (or one other character), then
/// closing punctuation.
#[derive(Debug, Clone, Copy)]
enum FirstWord {
    /// Among the opening brackets, so far this wide.
    Opening(usize),
    /// In the ASCII number or word.
    Run(usize),
    /// Among the closing punctuation.
    Closing(usize),
    /// Complete.
    Done(usize),
}

impl FirstWord {
    fn push(self, c: char, w: usize) -> FirstWord {
        match self {
            FirstWord::Opening(n) if is_opening(c) => FirstWord::Opening(n + w),
            FirstWord::Opening(n) if c.is_ascii_alphanumeric() => FirstWord::Run(n + w),
            FirstWord::Opening(n) => FirstWord::Closing(n + w),
            FirstWord::Run(n) if c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '%') => {
                FirstWord::Run(n + w)
            }
            FirstWord::Run(n) | FirstWord::Closing(n) if is_closing(c) => FirstWord::Closing(n + w),
            FirstWord::Run(n) | FirstWord::Closing(n) | FirstWord::Done(n) => FirstWord::Done(n),
        }
    }

    fn width(self) -> usize {
        match self {
            FirstWord::Opening(n)
            | FirstWord::Run(n)
            | FirstWord::Closing(n)
            | FirstWord::Done(n) => n,
        }
    }
}

/// CJK unified ideographs (U+4E00–U+9FFF): most characters of a report.
fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The length in bytes of a pinyin gloss and its closing bracket at the start of
/// `rest` (`yù)` in 预(yù)算): one syllable of lowercase letters with a tone mark.
/// Mirror sites insert these after characters; they are not the report's text.
fn pinyin_gloss(rest: &str) -> Option<usize> {
    const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
    let mut toned = false;
    let mut letters = 0;
    for (i, c) in rest.char_indices().take(8) {
        match c {
            ')' | '）' => return (toned && letters > 0).then_some(i + c.len_utf8()),
            'a'..='z' => letters += 1,
            c if TONED.contains(c) => {
                toned = true;
                letters += 1;
            }
            _ => return None,
        }
    }
    None
}

/// Reads the original line by line: each line's items (characters and inner whitespace
/// runs, after folding) go to a callback as they are read, and the line's facts are
/// returned at its end.
struct Scanner<'o> {
    original: &'o str,
    /// Byte offset of the next line.
    at: usize,
    /// Form feeds read so far, plus one.
    pages: usize,
    done: bool,
    /// The last item read (`' '` for whitespace), of this line or an earlier one.
    last_item: char,
    /// The first [`MAX_ARTEFACT_CHARS`] visible characters of the line read last (all
    /// of them when it has no more: a line that may be a page number or running
    /// header). Slots past its visible characters hold those of earlier lines.
    head: [char; MAX_ARTEFACT_CHARS],
    /// Whether `head` is kept (and with it the line's marker): not when the lines are
    /// read again to be written.
    keep_head: bool,
}

impl<'o> Scanner<'o> {
    fn new(original: &'o str) -> Scanner<'o> {
        Scanner {
            original,
            at: 0,
            pages: 1,
            done: false,
            last_item: ' ',
            head: [' '; MAX_ARTEFACT_CHARS],
            keep_head: true,
        }
    }

    /// Reads the next line, calling `on_item` for each of its items (whitespace runs
    /// only between visible characters); `None` after the last line. A line without
    /// visible characters has `shape.chars == 0`.
    fn line(&mut self, on_item: &mut impl FnMut(&Item)) -> Option<Line> {
        if self.done {
            return None;
        }
        let original = self.original;
        let bytes = original.as_bytes();
        let mut b = LineBuilder::new();
        // A whitespace run after a visible character, written when the next one comes.
        let mut run: Option<Item> = None;
        let mut newline = None;
        let from = self.at;
        // Up to where a pinyin gloss a mirror site inserted is being dropped.
        let mut gloss_end = 0;
        let mut chars = original.get(from..).unwrap_or_default().char_indices();
        let mut base = from;
        while let Some((offset, c)) = chars.next() {
            let i = base + offset;
            let end = i + c.len_utf8();
            if i < gloss_end {
                continue;
            }
            if matches!(c, '(' | '（') && run.is_none() && is_ideograph(self.last_item) {
                if let Some(len) = original.get(end..).and_then(pinyin_gloss) {
                    // 预(yù)算 → 预算.
                    gloss_end = end + len;
                    continue;
                }
            }
            // A line ends at "\n", "\r\n" or a lone "\r" (old Mac files): the "\r" of
            // "\r\n" is passed over, the "\n" ends the line.
            if c == '\r' && bytes.get(end) == Some(&b'\n') {
                continue;
            }
            if c == '\n' || c == '\r' {
                newline = Some(i);
                self.at = end;
                break;
            }
            match fold::fold(c) {
                Fold::PageBreak => self.pages += 1,
                Fold::Drop => {}
                Fold::Space(width) => {
                    if b.visible == 0 {
                        b.indent += width;
                    } else if let Some(r) = run.as_mut() {
                        r.width += width;
                        r.end = end;
                    } else {
                        run = Some(Item {
                            start: i,
                            end,
                            c: ' ',
                            width,
                            wide: false,
                            space: true,
                            verbatim: false,
                        });
                    }
                }
                Fold::Char(folded) => {
                    if b.visible == 0 {
                        b.page = self.pages - 1;
                    } else if let Some(r) = run.take() {
                        // The whitespace run before this character is inside the line. It
                        // takes room on the line only if the output keeps it: as a column
                        // gap, or as the one space between two ASCII letters or digits.
                        // Spaces that extraction puts around numbers and inside words
                        // ("本 年收 入 73, 274.06 万 元") are dropped, and a text with
                        // more or fewer of them wraps and joins the same.
                        if r.width >= GAP_WIDTH {
                            b.has_gap = true;
                            b.running_width += r.width;
                        } else if keeps_space(b.shape.last, folded) {
                            b.running_width += 1;
                        }
                        on_item(&r);
                        self.last_item = ' ';
                    }
                    let between_digits = matches!(folded, ',' | ':')
                        && b.visible > 0
                        && b.shape.last.is_ascii_digit()
                        && digit_follows(original, end);
                    let width = cell_width(folded, between_digits);
                    b.running_width += width;
                    b.width = b.running_width;
                    b.shape.push(folded, width, b.visible);
                    if self.keep_head && b.visible < MAX_ARTEFACT_CHARS {
                        if let Some(slot) = self.head.get_mut(b.visible) {
                            *slot = folded;
                        }
                    }
                    b.visible += 1;
                    b.end = end;
                    on_item(&Item {
                        start: i,
                        end,
                        c: folded,
                        width,
                        wide: fold::is_fullwidth_form(c),
                        space: false,
                        verbatim: folded == c && c != ',' && c != ':',
                    });
                    self.last_item = folded;
                    // The ideographs that follow an ideograph and fold to themselves
                    // (most of a report), and the digits, points and percent signs
                    // that follow a digit, are taken in as one verbatim item: what
                    // the rules above do for each of them, done for the run.
                    let run_end = if folded != c {
                        end
                    } else if is_ideograph(c) {
                        self.ideographs(end, &mut b, on_item)
                    } else if c.is_ascii_digit() {
                        self.figure(end, &mut b, on_item)
                    } else {
                        end
                    };
                    if run_end > end {
                        base = run_end;
                        chars = original.get(run_end..).unwrap_or_default().char_indices();
                    }
                }
            }
        }
        if newline.is_none() {
            self.done = true;
            self.at = original.len();
        }
        Some(Line {
            newline,
            end: b.end,
            indent: b.indent,
            width: b.width,
            has_gap: b.has_gap,
            page: b.page,
            shape: b
                .shape
                .finish(b.visible, if self.keep_head { &self.head } else { &[] }),
        })
    }

    /// Takes in the run of ideographs that fold to themselves starting at byte `from`,
    /// right after an ideograph of the line, as one verbatim item: each is two cells
    /// wide and adds to the line's shape as an ideograph does. Returns the end of the
    /// run (`from` when there is none).
    fn ideographs(
        &mut self,
        from: usize,
        b: &mut LineBuilder,
        on_item: &mut impl FnMut(&Item),
    ) -> usize {
        let rest = self.original.as_bytes().get(from..).unwrap_or_default();
        let head = match self.keep_head {
            true => self.head.get_mut(b.visible..).unwrap_or_default(),
            false => &mut [],
        };
        let (n, last) = plain_ideographs(rest, head);
        if n == 0 {
            return from;
        }
        let visible = b.visible + n;
        // After an ideograph the first word is complete or closing, and an ideograph
        // completes it.
        if let FirstWord::Closing(w) = b.shape.first_word {
            b.shape.first_word = FirstWord::Done(w);
        }
        b.visible = visible;
        let last = char::from_u32(last).unwrap_or(' ');
        self.end_run(b, (from, from + 3 * n), last, 2 * n, on_item)
    }

    /// Ends a run of plain characters taken in at once (original bytes `start..end`,
    /// `width` cells, `last` its last character, none of them a bracket or quote):
    /// the line's width and last character, and the run as one verbatim item.
    /// Returns the end of the run.
    fn end_run(
        &mut self,
        b: &mut LineBuilder,
        (start, end): (usize, usize),
        last: char,
        width: usize,
        on_item: &mut impl FnMut(&Item),
    ) -> usize {
        b.running_width += width;
        b.width = b.running_width;
        b.shape.last = last;
        b.shape.last_unquoted = last;
        b.end = end;
        self.last_item = last;
        on_item(&Item {
            start,
            end,
            c: last,
            width,
            wide: false,
            space: false,
            verbatim: true,
        });
        end
    }

    /// Takes in the ASCII digits, points and percent signs starting at byte `from`,
    /// right after a digit of the line, as one verbatim item (see
    /// [`ideographs`](Scanner::ideographs)): each is one cell wide, and none of them
    /// changes whether the line is only a figure. Returns the end of the run.
    fn figure(
        &mut self,
        from: usize,
        b: &mut LineBuilder,
        on_item: &mut impl FnMut(&Item),
    ) -> usize {
        let rest = self.original.as_bytes().get(from..).unwrap_or_default();
        let n = rest
            .iter()
            .take_while(|&&byte| byte.is_ascii_digit() || byte == b'.' || byte == b'%')
            .count();
        let run = rest.get(..n).unwrap_or_default();
        let Some(&last) = run.last() else {
            return from;
        };
        for &byte in run {
            let c = char::from(byte);
            if !matches!(b.shape.first_word, FirstWord::Done(_)) {
                b.shape.first_word = b.shape.first_word.push(c, 1);
            }
            if self.keep_head {
                if let Some(slot) = self.head.get_mut(b.visible) {
                    *slot = c;
                }
            }
            b.visible += 1;
        }
        self.end_run(b, (from, from + n), char::from(last), n, on_item)
    }
}

/// The number of ideographs that fold to themselves at the start of `bytes`, and the
/// last of them; the first of them are written to `head`'s slots. Kept out of line, a
/// loop of a few registers.
#[inline(never)]
fn plain_ideographs(bytes: &[u8], head: &mut [char]) -> (usize, u32) {
    let mut n = 0;
    let mut last = 0;
    let mut slots = head.iter_mut();
    for ideograph in bytes.chunks_exact(3) {
        let &[b0, b1, b2] = ideograph else {
            break;
        };
        let Some(code) = fold::plain_ideograph(b0, b1, b2) else {
            break;
        };
        if let Some(slot) = slots.next() {
            *slot = char::from_u32(code).unwrap_or(' ');
        }
        last = code;
        n += 1;
    }
    (n, last)
}

/// The line being scanned.
#[derive(Clone, Copy)]
struct LineBuilder {
    visible: usize,
    indent: usize,
    end: usize,
    page: usize,
    /// Display width from the first visible character on, whitespace included.
    running_width: usize,
    /// Display width up to the last visible character: the width of the line.
    width: usize,
    /// Whether a column gap stands between visible characters.
    has_gap: bool,
    shape: ShapeScan,
}

impl LineBuilder {
    fn new() -> LineBuilder {
        LineBuilder {
            visible: 0,
            indent: 0,
            end: 0,
            page: 0,
            running_width: 0,
            width: 0,
            has_gap: false,
            shape: ShapeScan::new(),
        }
    }
}

/// Display width of a character as the output writes it, from its folded form
/// ([`display_width`] with the common cases first): a character and its full-width or
/// half-width twin take the same room, so that a text written with either wraps and
/// joins the same. Digits, letters and number punctuation are narrow (`１２．３４` as
/// `12.34`); the sentence punctuation the output writes full-width is wide (`(` as
/// `（`); a comma or colon is narrow between two digits (`74,194`, `10:30`) and wide
/// elsewhere, where it becomes `，` or `：`.
fn cell_width(folded: char, between_digits: bool) -> usize {
    match folded {
        ',' | ':' if !between_digits => 2,
        c if c.is_ascii() => 1,
        c if is_ideograph(c) => 2,
        c => display_width(c),
    }
}

/// Whether the next visible character of the line after byte `at` is a digit (ASCII
/// or full-width).
fn digit_follows(original: &str, at: usize) -> bool {
    original
        .get(at..)
        .unwrap_or_default()
        .chars()
        .find(|c| !matches!(c, ' ' | '\t' | '\u{3000}'))
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

// ---------------------------------------------------------------------------------------
// Page numbers and running headers

/// The first and last kept line of every page that has one, as the first pass meets
/// them: what deciding on page numbers and running headers needs, and no more.
#[derive(Default)]
struct Edges {
    firsts: Vec<EdgeLine>,
    lasts: Vec<EdgeLine>,
}

/// A line at the top or bottom of a page.
#[derive(Debug, Clone, Copy)]
struct EdgeLine {
    /// Its number among the lines with visible characters.
    ordinal: usize,
    page: usize,
    width: usize,
    /// Whether it counts towards the full width.
    measured: bool,
    chars: usize,
    head: [char; MAX_ARTEFACT_CHARS],
    dropped: bool,
}

impl EdgeLine {
    fn short(&self) -> Option<&[char]> {
        if self.chars > MAX_ARTEFACT_CHARS {
            return None;
        }
        self.head.get(..self.chars)
    }
}

impl Edges {
    /// Takes in a kept line (not a page number of its own), in order.
    fn note(&mut self, ordinal: usize, line: &Line, head: &[char; MAX_ARTEFACT_CHARS]) {
        let edge = EdgeLine {
            ordinal,
            page: line.page,
            width: line.width,
            measured: !line.has_gap && line.width >= MIN_MEASURED_WIDTH,
            chars: line.shape.chars,
            head: *head,
            dropped: false,
        };
        if self.firsts.last().is_none_or(|f| f.page != line.page) {
            self.firsts.push(edge);
        }
        match self.lasts.last_mut() {
            Some(last) if last.page == line.page => *last = edge,
            _ => self.lasts.push(edge),
        }
    }

    /// The ordinals of the lines dropped as page numbers counting up with the pages or
    /// as running headers and footers, in order.
    fn dropped(&mut self, pages: usize) -> Vec<usize> {
        if pages < 2 {
            return Vec::new();
        }
        let with_content = self.firsts.len();
        let mut dropped = Vec::new();
        for edge in [&mut self.firsts, &mut self.lasts] {
            drop_counting_numbers(edge, with_content, &dropped);
            dropped.extend(edge.iter().filter(|e| e.dropped).map(|e| e.ordinal));
            drop_repeated(edge, with_content, &dropped);
            dropped.extend(edge.iter().filter(|e| e.dropped).map(|e| e.ordinal));
        }
        dropped.sort_unstable();
        dropped.dedup();
        dropped
    }

    /// The widths of the measured lines among `dropped`.
    fn widths_of(&self, dropped: &[usize]) -> Vec<usize> {
        let mut widths: Vec<(usize, usize)> = self
            .firsts
            .iter()
            .chain(&self.lasts)
            .filter(|e| e.measured && dropped.binary_search(&e.ordinal).is_ok())
            .map(|e| (e.ordinal, e.width))
            .collect();
        widths.sort_unstable();
        widths.dedup();
        widths.into_iter().map(|(_, w)| w).collect()
    }
}

/// `- 12 -`, `—12—`, `第12页`, `第12页共30页` (spaces already removed).
fn is_page_number(chars: &[char]) -> bool {
    let dash = |c: &char| matches!(c, '-' | '—' | '~');
    if let [first, middle @ .., last] = chars {
        if dash(first) && dash(last) && bare_number(middle).is_some() {
            return true;
        }
    }
    let Some(rest) = chars.strip_prefix(&['第']) else {
        return false;
    };
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let Some(rest) = rest.get(digits..).and_then(|r| r.strip_prefix(&['页'])) else {
        return false;
    };
    if digits == 0 || digits > 4 {
        return false;
    }
    let rest = rest.strip_prefix(&[',']).unwrap_or(rest);
    match rest.strip_prefix(&['共']) {
        None => rest.is_empty(),
        Some(total) => total
            .strip_suffix(&['页'])
            .is_some_and(|n| bare_number(n).is_some()),
    }
}

/// A number of one to four ASCII digits and nothing else.
fn bare_number(chars: &[char]) -> Option<usize> {
    if chars.is_empty() || chars.len() > 4 {
        return None;
    }
    chars.iter().try_fold(0usize, |n, c| {
        c.to_digit(10)
            .and_then(|d| usize::try_from(d).ok())
            .map(|d| n * 10 + d)
    })
}

/// Drops the bare numbers at one edge of the pages that count up with the pages.
fn drop_counting_numbers(edge: &mut [EdgeLine], pages: usize, _dropped: &[usize]) {
    let mut offsets: Vec<(i64, usize)> = Vec::new();
    for (k, line) in edge.iter().enumerate() {
        let number = line.short().and_then(bare_number);
        let (Some(number), Ok(page)) = (number, i64::try_from(line.page)) else {
            continue;
        };
        if let Ok(number) = i64::try_from(number) {
            offsets.push((number - page, k));
        }
    }
    let Some((offset, count)) = most_common(offsets.iter().map(|&(o, _)| o)) else {
        return;
    };
    if count >= 3 || (count >= 2 && count * 2 >= pages) {
        for &(o, k) in &offsets {
            if let Some(line) = edge.get_mut(k).filter(|_| o == offset) {
                line.dropped = true;
            }
        }
    }
}

/// Drops a line without a colon repeated at one edge of at least three pages and half
/// of them.
fn drop_repeated(edge: &mut [EdgeLine], pages: usize, dropped: &[usize]) {
    let mut keys: Vec<(String, usize)> = Vec::new();
    for (k, line) in edge.iter().enumerate() {
        if line.dropped || dropped.contains(&line.ordinal) {
            continue;
        }
        if let Some(chars) = line.short().filter(|c| !c.contains(&':')) {
            keys.push((chars.iter().collect(), k));
        }
    }
    let Some((key, count)) = most_common(keys.iter().map(|(k, _)| k.as_str())) else {
        return;
    };
    if count >= 3 && count * 2 >= pages {
        let key = key.to_owned();
        for (k, i) in &keys {
            if let Some(line) = edge.get_mut(*i).filter(|_| *k == key) {
                line.dropped = true;
            }
        }
    }
}

/// The most common value and how often it occurs (ties: the smallest value).
fn most_common<T: Ord + Copy>(values: impl Iterator<Item = T>) -> Option<(T, usize)> {
    let mut values: Vec<T> = values.collect();
    values.sort_unstable();
    let mut best: Option<(T, usize)> = None;
    for run in values.chunk_by(|a, b| a == b) {
        if let Some(&value) = run.first() {
            if best.is_none_or(|(_, count)| run.len() > count) {
                best = Some((value, run.len()));
            }
        }
    }
    best
}

// ---------------------------------------------------------------------------------------
// Paragraphs

/// The full line width of a text wrapped at a fixed width, if it is one: the centre of
/// the narrowest window of widths holding the most lines, provided it holds a quarter
/// of the measured lines and at most half as many are wider. `widths` are the measured
/// lines' widths, sorted.
fn full_width(widths: &[u32]) -> Option<usize> {
    let widest = widths.last().map(|&w| w as usize)?;
    if widths.len() < MIN_SAMPLE {
        return Some(widest);
    }
    // The lines within the window around `center`.
    let in_window = |center: usize| {
        let lo = widths.partition_point(|&w| (w as usize) < center.saturating_sub(WIDTH_WINDOW));
        let hi = widths.partition_point(|&w| w as usize <= center + WIDTH_WINDOW);
        hi - lo
    };
    // The count can only rise where a width enters the window: at 0 or at a width
    // minus the window. The first centre with the most lines is among those.
    let mut best = (in_window(0), 0);
    for &w in widths {
        let center = (w as usize).saturating_sub(WIDTH_WINDOW);
        let count = in_window(center);
        if count > best.0 || (count == best.0 && center < best.1) {
            best = (count, center);
        }
    }
    let (count, center) = best;
    let wider = widths.len() - widths.partition_point(|&w| w as usize <= center + WIDTH_WINDOW);
    (count * 100 >= widths.len() * MIN_DOMINANT_PERCENT && wider * 2 <= count).then_some(center)
}

/// Whether `line` starts a new paragraph after `prev`, whose visual line is
/// `prev_width` wide (the rules of [`normalize`]).
fn starts_paragraph((prev, prev_width): (&Line, usize), line: &Line, full: Option<usize>) -> bool {
    let (p, l) = (&prev.shape, &line.shape);
    if is_closing(l.first) {
        return false;
    }
    if l.marker.is_some() {
        return true;
    }
    let bare_marker = p.marker.is_some_and(|(_, len)| len == p.chars);
    if is_continuation(p.last)
        || (p.last.is_ascii_digit() && is_unit(l.first) && !p.figure)
        || p.unclosed
        || bare_marker
    {
        return false;
    }
    if p.ends_sentence {
        return true;
    }
    if line.indent >= INDENT_WIDTH || line.has_gap || prev.has_gap {
        return true;
    }
    let Some(full) = full else {
        return true;
    };
    let section_heading = p.marker.is_some_and(|(kind, _)| kind == Marker::Section) && !p.clause;
    if section_heading && prev_width * 20 < full * 19 {
        return true;
    }
    (prev_width + l.first_word) * 20 < full * 17
}

/// Kinds of markers that open a heading or a list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `第一部分`, `一、`, `（一）`.
    Section,
    /// `1、`, `1.`, `（1）`, `1）`.
    Item,
    /// `注：`, `说明：`, `备注：`.
    Note,
}

/// Whether `c` is a Chinese numeral of a heading or item marker (一、, 第十二部分).
pub(super) fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '零'
            | '〇'
            | '两'
    )
}

/// Whether a line starting with `c` can start with a marker (a cheap test before
/// [`marker`]).
fn may_start_marker(c: char) -> bool {
    is_numeral(c) || c.is_ascii_digit() || matches!(c, '第' | '（' | '注' | '说' | '备')
}

/// The marker a line starts with, if any, and its length in characters.
fn marker(chars: impl Iterator<Item = char>) -> Option<(Marker, usize)> {
    let mut buffer = [' '; 8];
    let mut len = 0;
    for (slot, c) in buffer.iter_mut().zip(chars) {
        *slot = c;
        len += 1;
    }
    let head = buffer.get(..len).unwrap_or_default();
    let count = |from: usize, f: fn(char) -> bool| -> usize {
        head.get(from..)
            .map_or(0, |rest| rest.iter().take_while(|&&c| f(c)).count())
    };
    let at = |i: usize| head.get(i).copied();
    let numerals = count(0, is_numeral);
    if (1..=3).contains(&numerals) && at(numerals) == Some('、') {
        return Some((Marker::Section, numerals + 1));
    }
    if at(0) == Some('第') {
        let n = count(1, is_numeral);
        if n >= 1 && at(n + 1) == Some('部') && at(n + 2) == Some('分') {
            return Some((Marker::Section, n + 3));
        }
    }
    if at(0) == Some('（') {
        let n = count(1, is_numeral);
        if (1..=3).contains(&n) && at(n + 1) == Some('）') {
            return Some((Marker::Section, n + 2));
        }
        let d = count(1, |c| c.is_ascii_digit());
        if (1..=2).contains(&d) && at(d + 1) == Some('）') {
            return Some((Marker::Item, d + 2));
        }
    }
    let digits = count(0, |c| c.is_ascii_digit());
    if (1..=2).contains(&digits) {
        match at(digits) {
            Some('、' | '）') => return Some((Marker::Item, digits + 1)),
            Some('.') if at(digits + 1).is_none_or(|c| !c.is_ascii_digit()) => {
                return Some((Marker::Item, digits + 1));
            }
            _ => {}
        }
    }
    for word in [&['注'][..], &['说', '明'], &['备', '注']] {
        if head.starts_with(word) && head.get(word.len()) == Some(&':') {
            return Some((Marker::Note, word.len() + 1));
        }
    }
    None
}

/// Characters that cannot start a paragraph: the line continues the previous one.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        ',' | '。' | '、' | '；' | ':' | '！' | '？' | '>' | '%' | '.' | '…'
    ) || is_closing_bracket(c)
}

/// Characters that cannot end a paragraph: the next line continues this one.
fn is_continuation(c: char) -> bool {
    matches!(c, ',' | '、' | '<') || is_opening(c)
}

/// Opening brackets and quotes.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '[' | '{' | '“' | '‘' | '「' | '『' | '《' | '【' | '〔'
    )
}

/// Closing brackets and quotes.
fn is_closing_bracket(c: char) -> bool {
    matches!(
        c,
        '）' | ']' | '}' | '”' | '’' | '」' | '』' | '》' | '】' | '〕'
    )
}

/// Characters that follow a number in running text.
fn is_unit(c: char) -> bool {
    matches!(
        c,
        '年' | '月'
            | '日'
            | '万'
            | '亿'
            | '千'
            | '百'
            | '元'
            | '个'
            | '人'
            | '名'
            | '户'
            | '家'
            | '辆'
            | '台'
            | '套'
            | '次'
            | '批'
            | '项'
            | '件'
            | '份'
            | '所'
            | '座'
            | '间'
            | '张'
            | '条'
            | '亩'
            | '平'
            | '米'
            | '吨'
            | '倍'
            | '分'
            | '岁'
            | '%'
    )
}

// ---------------------------------------------------------------------------------------
// Output

/// Whether one space is kept between `before` and `after`.
fn keeps_space(before: char, after: char) -> bool {
    (before.is_ascii_alphanumeric() || before == '%') && after.is_ascii_alphanumeric()
}

/// Writes the items of one line as they are read, `pending` first being the line break
/// before it when it continues the paragraph.
struct Emitter<'w, 'o> {
    out: &'w mut Output,
    original: &'o str,
    /// A whitespace run (or the joined line break) before the next character.
    pending: Option<(usize, usize)>,
    /// A run of characters written as they stand and contiguous in the original, not
    /// yet written: copied in one piece (most of a report's text).
    run: Option<(usize, usize, char, bool)>,
}

impl Emitter<'_, '_> {
    fn item(&mut self, item: &Item) {
        if item.verbatim && self.out.pending.is_some() && item.end - item.start > item.c.len_utf8()
        {
            // A run taken in as one item while a `,` or `:` waits on what follows:
            // its characters one by one.
            let Some(run) = self.original.get(item.start..item.end) else {
                return;
            };
            for (k, c) in run.char_indices() {
                let start = item.start + k;
                self.item(&Item {
                    start,
                    end: start + c.len_utf8(),
                    c,
                    width: 0,
                    wide: false,
                    space: false,
                    verbatim: true,
                });
            }
            return;
        }
        let range = (item.start, item.end);
        if item.space {
            self.flush();
            if item.width >= GAP_WIDTH {
                self.out.push('\t', false, range);
                self.pending = None;
            } else {
                self.pending = Some(range);
            }
            return;
        }
        if let Some(space) = self.pending.take() {
            self.flush();
            if self
                .out
                .last
                .is_some_and(|(before, _)| keeps_space(before, item.c))
            {
                self.out.push(' ', false, space);
            }
        }
        if item.verbatim && self.out.pending.is_none() {
            match self.run.as_mut() {
                Some((_, end, last, wide)) if *end == item.start => {
                    *end = item.end;
                    *last = item.c;
                    *wide = item.wide;
                }
                _ => {
                    self.flush();
                    self.run = Some((item.start, item.end, item.c, item.wide));
                }
            }
        } else {
            self.flush();
            self.out.push(item.c, item.wide, range);
        }
    }

    /// Writes the run of verbatim characters read so far.
    fn flush(&mut self) {
        if let Some((start, end, last, wide)) = self.run.take() {
            self.out
                .push_verbatim(self.original, (start, end), (last, wide));
        }
    }
}

/// The normalised text being written, paragraph by paragraph, with the origin of
/// every character.
///
/// Characters are written as they come. The one rule that looks ahead, the form of a
/// `,` or `:` after a digit, is settled when the characters it depends on have come
/// (at most four later, or at the end of the paragraph): until then it stands as
/// ASCII, and becoming full-width moves only the few characters written after it.
struct Output {
    text: String,
    segments: Segments,
    /// The last character of the current paragraph (`,` and `:` as folded, before
    /// their rule) and whether its original was a full-width form.
    last: Option<(char, bool)>,
    /// A `,` or `:` after a digit whose form depends on what follows.
    pending: Option<Pending>,
}

/// A `,` or `:` written as ASCII until what follows it decides.
#[derive(Debug, Clone, Copy)]
struct Pending {
    /// Its byte offset in the text.
    at: usize,
    /// Whether it is a comma (else a colon).
    comma: bool,
    /// Digits that followed it so far.
    digits: usize,
}

impl Output {
    fn with_capacity(original_len: usize) -> Output {
        Output {
            text: String::with_capacity(original_len),
            segments: Segments::for_original(original_len),
            last: None,
            pending: None,
        }
    }

    /// Records that the text from `at` to its end stands for original bytes
    /// `start..end`, extending the last segment when it continues it byte for byte.
    fn map(&mut self, at: usize, (start, end): (usize, usize)) {
        let len = self.text.len();
        if let Some(i) = self.segments.len().checked_sub(1) {
            if let Some(mut last) = self.segments.get(i) {
                let linear = at - last.at == last.end - last.start;
                if linear && last.end == start && len - at == end - start {
                    last.end = end;
                    self.segments.set(i, last);
                    return;
                }
            }
        }
        self.segments.push(Segment { at, start, end });
    }

    /// Writes `c` standing for the original byte range `(start, end)`.
    fn write(&mut self, c: char, range: (usize, usize)) {
        let at = self.text.len();
        self.text.push(c);
        self.map(at, range);
    }

    /// Appends a character of the current paragraph (`wide`: its original was a
    /// full-width form), applying the contextual comma and colon rules.
    fn push(&mut self, c: char, wide: bool, range: (usize, usize)) {
        if let Some(pending) = self.pending.take() {
            self.settle(pending, Some(c));
        }
        let written = match c {
            ',' | ':' => self.contextual(c, wide),
            c => c,
        };
        self.write(written, range);
        self.last = Some((c, wide));
    }

    /// Appends original bytes `start..end`, characters of the current paragraph that
    /// are written as they stand, with no `,` or `:` pending; `last` is the last of
    /// them and whether it was a full-width form.
    fn push_verbatim(&mut self, original: &str, (start, end): (usize, usize), last: (char, bool)) {
        let Some(bytes) = original.get(start..end) else {
            return;
        };
        let at = self.text.len();
        self.text.push_str(bytes);
        self.map(at, (start, end));
        self.last = Some(last);
    }

    /// The form of a `,` or `:` about to be written, from the character before it:
    /// `，` or `：` at once, or ASCII pending what follows. A comma groups digits when
    /// it follows a digit (a full-width comma only a full-width digit) and is followed
    /// by exactly three digits; a colon is ASCII between two digits.
    fn contextual(&mut self, c: char, wide: bool) -> char {
        let comma = c == ',';
        let possible = self.last.is_some_and(|(before, before_wide)| {
            before.is_ascii_digit() && (!comma || !wide || before_wide)
        });
        if possible {
            self.pending = Some(Pending {
                at: self.text.len(),
                comma,
                digits: 0,
            });
            c
        } else if comma {
            '，'
        } else {
            '：'
        }
    }

    /// Goes on with a pending `,` or `:` given the next character of the paragraph
    /// (`None` at its end): keeps it pending, keeps it ASCII, or makes it full-width.
    fn settle(&mut self, mut pending: Pending, next: Option<char>) {
        let digit = next.is_some_and(|c| c.is_ascii_digit());
        let ascii = if !pending.comma {
            digit
        } else if pending.digits < 3 {
            if digit {
                pending.digits += 1;
                self.pending = Some(pending);
                return;
            }
            false
        } else {
            !digit
        };
        if !ascii {
            self.widen(pending.at, if pending.comma { '，' } else { '：' });
        }
    }

    /// Replaces the ASCII `,` or `:` at byte `at` with `wide`; the (at most three)
    /// characters written after it move.
    fn widen(&mut self, at: usize, wide: char) {
        if !self
            .text
            .get(at..at + 1)
            .is_some_and(|s| s == "," || s == ":")
        {
            return;
        }
        let Some(i) = self.segments.containing(at) else {
            return;
        };
        let Some(seg) = self.segments.get(i) else {
            return;
        };
        let seg_end = self.segments.get(i + 1).map_or(self.text.len(), |n| n.at);
        let mut buffer = [0; 4];
        self.text
            .replace_range(at..at + 1, wide.encode_utf8(&mut buffer));
        let shift = wide.len_utf8() - 1;
        // The character stood for one original byte in a run copied byte for byte, or
        // for its own range: either way it now takes `shift` more bytes, so it becomes
        // a segment of its own (the run around it split), and what follows moves.
        let linear = seg_end - seg.at == seg.end - seg.start;
        let mut pieces: Vec<Segment> = Vec::with_capacity(3);
        let mut after = i + 1;
        if linear && seg_end - seg.at > 1 {
            let here = seg.start + (at - seg.at);
            if at > seg.at {
                pieces.push(Segment {
                    at: seg.at,
                    start: seg.start,
                    end: here,
                });
            }
            pieces.push(Segment {
                at,
                start: here,
                end: here + 1,
            });
            if at + 1 < seg_end {
                pieces.push(Segment {
                    at: at + 1,
                    start: here + 1,
                    end: seg.end,
                });
            }
            self.segments.split(i, &pieces);
            // The pieces after the one for the widened character.
            after = i + pieces.iter().filter(|p| p.at <= at).count();
        }
        self.segments.shift(after, shift);
    }

    /// Ends the current paragraph: a pending `,` or `:` is settled.
    fn end_paragraph(&mut self) {
        if let Some(pending) = self.pending.take() {
            self.settle(pending, None);
        }
        self.last = None;
    }

    /// Writes the `'\n'` that starts a new paragraph, standing for the line break
    /// `range`.
    fn separator(&mut self, range: (usize, usize)) {
        self.write('\n', range);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s).as_str().to_owned()
    }

    proptest::proptest! {
        /// `locate` (line breaks before a byte, and its line's start) is what
        /// counting from the start of the text gives, for LF, CRLF and CR
        /// line ends, across mark boundaries.
        #[test]
        fn locate_counts_lines_as_from_the_start(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "中", "\n", "\r", "\r\n", "甲乙丙丁戊己庚辛"]),
                0..400,
            ),
        ) {
            let text: String = pieces.concat();
            let n = normalize(&text);
            let bytes = text.as_bytes();
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let ends: Vec<usize> = (0..at).filter(|&i| ends_line(bytes, i)).collect();
                let want = (ends.len(), ends.last().map_or(0, |&i| i + 1));
                proptest::prop_assert_eq!(n.locate(at), want, "at {}", at);
            }
        }
    }

    #[test]
    fn spaces_inside_words_and_numbers() {
        assert_eq!(norm("本 年收 入 73,274.06 万 元"), "本年收入73,274.06万元");
        assert_eq!(norm("2024 年"), "2024年");
        assert_eq!(norm("0.00 0.00"), "0.00 0.00");
        assert_eq!(norm("73, 274.06 万元"), "73,274.06万元");
        assert_eq!(norm("增长 4.48% 5.00%"), "增长4.48% 5.00%");
        assert_eq!(norm("合计      307.82    307.82"), "合计\t307.82\t307.82");
        assert_eq!(norm("  过紧  日子  "), "过紧日子");
    }

    #[test]
    fn commas_and_colons() {
        assert_eq!(norm("７４，１９４．０６万元"), "74,194.06万元");
        assert_eq!(norm("2080501，2080502"), "2080501，2080502");
        assert_eq!(norm("201，208"), "201，208");
        assert_eq!(norm("68,460.73 万元,占 93.43%"), "68,460.73万元，占93.43%");
        assert_eq!(norm("2,727,838.00"), "2,727,838.00");
        assert_eq!(norm("其中: 10:30"), "其中：10:30");
        assert_eq!(norm(" (一)贯彻执行"), "（一）贯彻执行");
    }

    #[test]
    fn page_numbers() {
        assert_eq!(norm("甲。\n- 12 -\n乙。"), "甲。\n乙。");
        assert_eq!(norm("甲。\n第 3 页\n乙。"), "甲。\n乙。");
        let pages = "甲。\n1\n\u{c}乙。\n2\n\u{c}丙。\n3\n\u{c}丁。\n4";
        assert_eq!(norm(pages), "甲。\n乙。\n丙。\n丁。");
        let codes = "甲\n201\n\u{c}乙\n208";
        assert_eq!(norm(codes), "甲\n201\n乙\n208");
    }

    #[test]
    fn markers() {
        let m = |s: &str| marker(s.chars()).map(|(kind, _)| kind);
        assert_eq!(m("第二部分 部门决算情况说明"), Some(Marker::Section));
        assert_eq!(m("十一、其他"), Some(Marker::Section));
        assert_eq!(m("（三）支出"), Some(Marker::Section));
        assert_eq!(m("12、社会保障"), Some(Marker::Item));
        assert_eq!(m("6.负责"), Some(Marker::Item));
        assert_eq!(m("1.74%"), None);
        assert_eq!(m("2024年"), None);
        assert_eq!(m("注:本表"), Some(Marker::Note));
        assert_eq!(m("一般公共预算"), None);
        assert_eq!(m("（项）：支出"), None);
    }

    #[test]
    fn spans_of_inserted_characters() {
        let text = normalize("甲。\n\n乙");
        assert_eq!(text.as_str(), "甲。\n乙");
        let newline = text.as_str().find('\n').unwrap();
        let bytes = |r: Range<usize>| {
            let span = text.span(r);
            span.start..span.end
        };
        assert_eq!(bytes(newline..newline + 1), 6..7);
        assert_eq!(bytes(0..100), 0..11);
        assert_eq!(bytes(100..200), 11..11);
        assert_eq!(bytes(1..2), 0..3);
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(norm(""), "");
        assert_eq!(norm("\n\n \u{c}\u{3000}\n"), "");
        assert_eq!(normalize("").span(0..0).line, 1);
    }
}
