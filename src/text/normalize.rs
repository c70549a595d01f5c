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
/// use juesuan::normalize;
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
    /// One entry per character of `text`, in order.
    origins: Vec<Origin>,
    /// Byte offset of the start of every original line; the first is 0.
    line_starts: Vec<usize>,
    /// Byte offset of every form feed (page break) of the original.
    page_breaks: Vec<usize>,
}

/// Where one normalised character came from.
#[derive(Debug, Clone, Copy)]
struct Origin {
    /// Byte offset of the character in the normalised text.
    at: usize,
    /// Byte range in the original it stands for.
    start: usize,
    end: usize,
}

impl<'a> NormalizedText<'a> {
    /// The normalised text: paragraphs separated by `'\n'`.
    ///
    /// ```
    /// use juesuan::normalize;
    ///
    /// assert_eq!(normalize("財政撥款收入 1,234.56 萬元").as_str(), "财政拨款收入1,234.56万元");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original text this was normalised from.
    ///
    /// ```
    /// use juesuan::normalize;
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
    /// use juesuan::normalize;
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
        let line = self
            .line_starts
            .partition_point(|&s| s <= bytes.start)
            .max(1);
        let line_start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let line_end = self
            .line_starts
            .get(line)
            .map_or(self.original.len(), |&next| next - 1);
        let line_text = self.original.get(line_start..line_end).unwrap_or_default();
        let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
        let chars = |r: Range<usize>| line_text.get(r).map_or(0, |s| s.chars().count());
        let offset = bytes.start.saturating_sub(line_start);
        let on_line = bytes
            .end
            .saturating_sub(line_start)
            .min(line_text.len())
            .max(offset);
        let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let page = (!self.page_breaks.is_empty())
            .then(|| to_u32(self.page_breaks.partition_point(|&b| b < bytes.start) + 1));
        Span::new(
            to_u32(line),
            to_u32(chars(0..offset) + 1),
            to_u32(chars(offset..on_line)),
            bytes,
        )
        .with_page(page)
    }

    /// Byte range in the original behind the normalised byte range `range` (see
    /// [`span`](NormalizedText::span) for how ranges are clamped).
    fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let len = self.text.len();
        let start = range.start.min(len);
        let end = range.end.min(len).max(start);
        // Index just past the character containing `start`.
        let containing = self.origins.partition_point(|o| o.at <= start);
        let first = containing.checked_sub(1).and_then(|i| self.origins.get(i));
        if start == end {
            let at = if start >= len {
                self.origins.last().map_or(0, |o| o.end)
            } else {
                first.map_or(0, |o| o.start)
            };
            return at..at;
        }
        // The characters from `start` on begin at least a byte apart, so the last one
        // before `end` is among the next `end - start` origins: search only those.
        let window = self
            .origins
            .get(
                containing
                    ..containing
                        .saturating_add(end - start)
                        .min(self.origins.len()),
            )
            .unwrap_or_default();
        let last = (containing + window.partition_point(|o| o.at < end))
            .checked_sub(1)
            .and_then(|i| self.origins.get(i));
        match (first, last) {
            (Some(first), Some(last)) => first.start..last.end.max(first.start),
            _ => 0..0,
        }
    }

    /// The paragraphs (the `'\n'`-separated lines of the normalised text) with their
    /// byte offsets in it. There are no empty paragraphs.
    ///
    /// ```
    /// use juesuan::normalize;
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
/// use juesuan::normalize;
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
    /// use juesuan::normalize;
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
    /// use juesuan::normalize;
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
    /// use juesuan::normalize;
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
/// use juesuan::normalize;
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
/// use juesuan::normalize;
///
/// let text = normalize("二、收入决算情况说明\n\n本 年收 入 ７４，１９４．０６ 萬 元，占 93.43%。");
/// assert_eq!(text.as_str(), "二、收入决算情况说明\n本年收入74,194.06万元，占93.43%。");
/// ```
#[doc(alias = "规范化")]
pub fn normalize(original: &str) -> NormalizedText<'_> {
    let scan = Scan::new(original);
    let mut lines = scan.lines;
    let items = scan.items;
    drop_page_artefacts(&items, &mut lines, scan.pages);
    let full = full_width(&lines);

    let mut out = Output::with_capacity(original.len());
    // The previous kept line and the width of the visual line it ends: a line that
    // starts with closing punctuation is the tail of the line before it, split by the
    // extraction, so their widths add up.
    let mut previous: Option<(&Line, usize)> = None;
    for line in lines.iter().filter(|l| !l.dropped) {
        let mut join = None;
        let mut width = line.width;
        if let Some((prev, prev_width)) = previous {
            let line_break = prev.newline.map_or((prev.end, prev.end), |n| (n, n + 1));
            if starts_paragraph((prev, prev_width), line, full) {
                out.end_paragraph();
                out.separator(line_break);
            } else {
                join = Some(line_break);
                if is_closing(line.shape.first) {
                    width += prev_width;
                }
            }
        }
        emit_line(&mut out, original, &items, line, join);
        previous = Some((line, width));
    }
    out.end_paragraph();

    NormalizedText {
        original,
        text: out.text,
        origins: out.origins,
        line_starts: scan.line_starts,
        page_breaks: scan.page_breaks,
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
    /// Display width of the original character, or of the whole whitespace run.
    width: usize,
    /// Whether the original was a full-width form (U+FF01–FF5E).
    wide: bool,
    /// Whether this is a whitespace run.
    space: bool,
    /// Whether the character is written as it stands in the original: folding left it
    /// unchanged and it is no `,` or `:` (whose form depends on their neighbours).
    verbatim: bool,
}

impl Item {
    /// The folded character, if this is not whitespace.
    fn visible(&self) -> Option<char> {
        (!self.space).then_some(self.c)
    }
}

/// One original line with at least one visible character.
#[derive(Debug, Clone)]
struct Line {
    /// Its items in [`Scan::items`], without leading and trailing whitespace.
    items: Range<usize>,
    /// Byte offset of the `'\n'` ending it, if any.
    newline: Option<usize>,
    /// Byte offset just past its last visible character.
    end: usize,
    /// Display width of its leading whitespace.
    indent: usize,
    /// Display width of its content (internal whitespace included).
    width: usize,
    /// Whether it contains a column gap.
    has_gap: bool,
    /// Page (number of form feeds before its first visible character).
    page: usize,
    /// Page number or running header: not part of the text.
    dropped: bool,
    /// What the paragraph rules look at.
    shape: Shape,
}

/// The facts about a line that the paragraph rules use, computed once.
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

/// The facts of [`Shape`] that are gathered character by character while a line is
/// scanned, so that finishing a line does not read it again.
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
        }
    }

    /// Takes in the next visible (folded) character of the line.
    #[inline]
    fn push(&mut self, c: char, first: bool) {
        if first {
            self.first = c;
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

    /// The shape of the line whose visible characters were pushed, `items` being the
    /// line's items (only its start is read again, for the marker and the first word).
    fn finish(self, items: &[Item], chars: usize) -> Shape {
        let visible = items
            .iter()
            .filter(|item| !item.space)
            .map(|item| (item.c, item.width));
        let marker = if may_start_marker(self.first) {
            marker(visible.clone().map(|(c, _)| c))
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
            first_word: first_word_width(visible),
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

struct Scan {
    items: Vec<Item>,
    lines: Vec<Line>,
    line_starts: Vec<usize>,
    page_breaks: Vec<usize>,
    pages: usize,
}

impl Scan {
    fn new(original: &str) -> Scan {
        let mut scan = Scan {
            items: Vec::with_capacity(original.len() / 2),
            // Roughly one kept line per 50 bytes in the reports: growing a vector of
            // lines copies them.
            lines: Vec::with_capacity(original.len() / 48),
            line_starts: vec![0],
            page_breaks: Vec::new(),
            pages: 1,
        };
        let mut current = LineBuilder::new(0);
        // Up to where a pinyin gloss a mirror site inserted is being dropped.
        let mut gloss_end = 0;
        for (i, c) in original.char_indices() {
            let end = i + c.len_utf8();
            if i < gloss_end {
                continue;
            }
            if c == '\n' {
                scan.finish(current, Some(i));
                scan.line_starts.push(end);
                current = LineBuilder::new(scan.items.len());
                continue;
            }
            match fold::fold(c) {
                Fold::PageBreak => {
                    scan.pages += 1;
                    scan.page_breaks.push(i);
                }
                Fold::Drop => {}
                Fold::Space(width) => {
                    if current.visible == 0 {
                        current.indent += width;
                    } else {
                        current.running_width += width;
                        if let Some(run) = scan.items.last_mut().filter(|item| item.space) {
                            run.width += width;
                            run.end = end;
                        } else {
                            scan.items.push(Item {
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
                }
                Fold::Char('（')
                    if scan.items.last().is_some_and(|item| is_ideograph(item.c))
                        && original.get(end..).and_then(pinyin_gloss).is_some() =>
                {
                    // 预(yù)算 → 预算: a gloss a mirror site inserted.
                    gloss_end = end + original.get(end..).and_then(pinyin_gloss).unwrap_or(0);
                }
                Fold::Char(folded) => {
                    if current.visible == 0 {
                        current.page = scan.pages - 1;
                        current.first = scan.items.len();
                    } else if scan
                        .items
                        .last()
                        .is_some_and(|item| item.space && item.width >= GAP_WIDTH)
                    {
                        // The whitespace run before this character is inside the line.
                        current.has_gap = true;
                    }
                    let width = cell_width(c);
                    current.running_width += width;
                    current.width = current.running_width;
                    current.shape.push(folded, current.visible == 0);
                    current.visible += 1;
                    current.end = end;
                    scan.items.push(Item {
                        start: i,
                        end,
                        c: folded,
                        width,
                        wide: fold::is_fullwidth_form(c),
                        space: false,
                        verbatim: folded == c && c != ',' && c != ':',
                    });
                    current.last = scan.items.len();
                }
            }
        }
        scan.finish(current, None);
        scan
    }

    /// Records the line being built, if it has visible characters, and drops any
    /// trailing whitespace item.
    fn finish(&mut self, current: LineBuilder, newline: Option<usize>) {
        self.items.truncate(current.last.max(current.first));
        if current.visible == 0 {
            return;
        }
        let items = current.first..current.last;
        let line_items = self.items.get(items.clone()).unwrap_or_default();
        let shape = current.shape.finish(line_items, current.visible);
        self.lines.push(Line {
            items,
            newline,
            end: current.end,
            indent: current.indent,
            width: current.width,
            has_gap: current.has_gap,
            page: current.page,
            dropped: false,
            shape,
        });
    }
}

/// The line being scanned (`Copy`, and passed by value, so that the scan keeps it in
/// registers).
#[derive(Clone, Copy)]
struct LineBuilder {
    /// Index of the first visible item.
    first: usize,
    /// Index just past the last visible item.
    last: usize,
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
    fn new(at: usize) -> LineBuilder {
        LineBuilder {
            first: at,
            last: at,
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

/// Display width of an original character ([`display_width`] with the common cases first).
fn cell_width(c: char) -> usize {
    if c.is_ascii() {
        1
    } else if ('\u{4e00}'..='\u{9fff}').contains(&c) {
        2
    } else {
        display_width(c)
    }
}

fn line_items<'i>(items: &'i [Item], line: &Line) -> &'i [Item] {
    items.get(line.items.clone()).unwrap_or_default()
}

fn line_chars<'i>(items: &'i [Item], line: &Line) -> impl Iterator<Item = char> + use<'i> {
    line_items(items, line).iter().filter_map(Item::visible)
}

// ---------------------------------------------------------------------------------------
// Page numbers and running headers

fn drop_page_artefacts(items: &[Item], lines: &mut [Line], pages: usize) {
    let mut buffer = [' '; MAX_ARTEFACT_CHARS];
    for line in lines.iter_mut() {
        if matches!(line.shape.first, '-' | '—' | '~' | '第') {
            if let Some(chars) = short_chars(items, line, &mut buffer) {
                line.dropped = is_page_number(chars);
            }
        }
    }
    if pages < 2 {
        return;
    }
    // First and last kept line of every page that has one.
    let mut firsts: Vec<usize> = Vec::new();
    let mut lasts: Vec<usize> = Vec::new();
    let mut page = None;
    for (i, line) in lines.iter().enumerate().filter(|(_, l)| !l.dropped) {
        if page != Some(line.page) {
            firsts.push(i);
            page = Some(line.page);
        }
        match lasts.last_mut() {
            Some(last) if lines.get(*last).is_some_and(|l| l.page == line.page) => *last = i,
            _ => lasts.push(i),
        }
    }
    let with_content = firsts.len();
    for edge in [&firsts, &lasts] {
        drop_counting_numbers(items, lines, edge, with_content);
        drop_repeated(items, lines, edge, with_content);
    }
}

/// The visible characters of a line short enough to be a page artefact, in `buffer`.
fn short_chars<'b>(
    items: &[Item],
    line: &Line,
    buffer: &'b mut [char; MAX_ARTEFACT_CHARS],
) -> Option<&'b [char]> {
    if line.shape.chars > MAX_ARTEFACT_CHARS {
        return None;
    }
    let mut len = 0;
    for (slot, c) in buffer.iter_mut().zip(line_chars(items, line)) {
        *slot = c;
        len += 1;
    }
    buffer.get(..len)
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
fn drop_counting_numbers(items: &[Item], lines: &mut [Line], edge: &[usize], pages: usize) {
    let mut offsets: Vec<(i64, usize)> = Vec::new();
    let mut buffer = [' '; MAX_ARTEFACT_CHARS];
    for &i in edge {
        let Some(line) = lines.get(i) else { continue };
        let number = short_chars(items, line, &mut buffer).and_then(bare_number);
        let (Some(number), Ok(page)) = (number, i64::try_from(line.page)) else {
            continue;
        };
        if let Ok(number) = i64::try_from(number) {
            offsets.push((number - page, i));
        }
    }
    let Some((offset, count)) = most_common(offsets.iter().map(|&(o, _)| o)) else {
        return;
    };
    if count >= 3 || (count >= 2 && count * 2 >= pages) {
        for &(o, i) in &offsets {
            if let Some(line) = lines.get_mut(i).filter(|_| o == offset) {
                line.dropped = true;
            }
        }
    }
}

/// Drops a line without a colon repeated at one edge of at least three pages and half
/// of them.
fn drop_repeated(items: &[Item], lines: &mut [Line], edge: &[usize], pages: usize) {
    let mut keys: Vec<(String, usize)> = Vec::new();
    let mut buffer = [' '; MAX_ARTEFACT_CHARS];
    for &i in edge {
        let Some(line) = lines.get(i).filter(|l| !l.dropped) else {
            continue;
        };
        if let Some(chars) = short_chars(items, line, &mut buffer).filter(|c| !c.contains(&':')) {
            keys.push((chars.iter().collect(), i));
        }
    }
    let Some((key, count)) = most_common(keys.iter().map(|(k, _)| k.as_str())) else {
        return;
    };
    if count >= 3 && count * 2 >= pages {
        let key = key.to_owned();
        for (k, i) in &keys {
            if let Some(line) = lines.get_mut(*i).filter(|_| *k == key) {
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
/// of the measured lines and at most half as many are wider.
fn full_width(lines: &[Line]) -> Option<usize> {
    let widths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.dropped && !l.has_gap && l.width >= MIN_MEASURED_WIDTH)
        .map(|l| l.width)
        .collect();
    let widest = widths.iter().copied().max()?;
    if widths.len() < MIN_SAMPLE {
        return Some(widest);
    }
    let mut histogram = vec![0usize; widest + 1];
    for &w in &widths {
        if let Some(count) = histogram.get_mut(w) {
            *count += 1;
        }
    }
    let mut best = (0, 0);
    let mut in_window: usize = histogram.iter().take(WIDTH_WINDOW + 1).sum();
    for center in 0..=widest {
        if in_window > best.0 {
            best = (in_window, center);
        }
        // Slide the window [center - W, center + W] one to the right.
        let entering = histogram.get(center + WIDTH_WINDOW + 1).copied();
        let leaving = center
            .checked_sub(WIDTH_WINDOW)
            .and_then(|i| histogram.get(i))
            .copied();
        in_window = in_window + entering.unwrap_or(0) - leaving.unwrap_or(0);
    }
    let (count, center) = best;
    let wider = widths
        .iter()
        .filter(|&&w| w > center + WIDTH_WINDOW)
        .count();
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

/// Display width of the first unbreakable unit of a line (see [`Shape::first_word`]),
/// from its visible characters and their widths.
fn first_word_width(chars: impl Iterator<Item = (char, usize)>) -> usize {
    let mut chars = chars.peekable();
    let mut width = 0;
    while let Some((_, w)) = chars.next_if(|&(c, _)| is_opening(c)) {
        width += w;
    }
    match chars.next() {
        Some((c, w)) if c.is_ascii_alphanumeric() => {
            width += w;
            while let Some((_, w)) =
                chars.next_if(|&(c, _)| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '%'))
            {
                width += w;
            }
        }
        Some((_, w)) => width += w,
        None => {}
    }
    while let Some((_, w)) = chars.next_if(|&(c, _)| is_closing(c)) {
        width += w;
    }
    width
}

// ---------------------------------------------------------------------------------------
// Output

/// Whether one space is kept between `before` and `after`.
fn keeps_space(before: char, after: char) -> bool {
    (before.is_ascii_alphanumeric() || before == '%') && after.is_ascii_alphanumeric()
}

/// Appends the items of `line` to the current paragraph, `join` being the line break
/// before it when it continues the paragraph.
fn emit_line(
    out: &mut Output,
    original: &str,
    items: &[Item],
    line: &Line,
    join: Option<(usize, usize)>,
) {
    let items = line_items(items, line);
    let mut pending = join;
    let mut k = 0;
    while let Some(item) = items.get(k) {
        let range = (item.start, item.end);
        if item.space {
            if item.width >= GAP_WIDTH {
                out.push('\t', false, range);
                pending = None;
            } else {
                pending = Some(range);
            }
            k += 1;
            continue;
        }
        if let Some(space) = pending.take() {
            if out
                .last
                .is_some_and(|(before, _)| keeps_space(before, item.c))
            {
                out.push(' ', false, space);
            }
        }
        if item.verbatim && out.pending.is_none() {
            // Fast path: a run of characters written as they stand, contiguous in the
            // original, is copied in one piece (most of a report's text).
            let mut end = k + 1;
            let mut last_end = item.end;
            while let Some(next) = items
                .get(end)
                .filter(|next| next.verbatim && next.start == last_end)
            {
                last_end = next.end;
                end += 1;
            }
            if let Some(run) = items.get(k..end) {
                out.push_verbatim(original, run);
            }
            k = end;
        } else {
            out.push(item.c, item.wide, range);
            k += 1;
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
    origins: Vec<Origin>,
    /// The last character of the current paragraph (`,` and `:` as folded, before
    /// their rule) and whether its original was a full-width form.
    last: Option<(char, bool)>,
    /// A `,` or `:` after a digit whose form depends on what follows.
    pending: Option<Pending>,
}

/// A `,` or `:` written as ASCII until what follows it decides.
#[derive(Debug, Clone, Copy)]
struct Pending {
    /// Index of its origin.
    index: usize,
    /// Whether it is a comma (else a colon).
    comma: bool,
    /// Digits that followed it so far.
    digits: usize,
}

impl Output {
    fn with_capacity(original_len: usize) -> Output {
        Output {
            text: String::with_capacity(original_len),
            origins: Vec::with_capacity(original_len / 2),
            last: None,
            pending: None,
        }
    }

    /// Writes `c` standing for the original byte range `(start, end)`.
    fn write(&mut self, c: char, (start, end): (usize, usize)) {
        self.origins.push(Origin {
            at: self.text.len(),
            start,
            end,
        });
        self.text.push(c);
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

    /// Appends `run`, characters of the current paragraph that are written as they
    /// stand and are contiguous in `original`, with no `,` or `:` pending.
    fn push_verbatim(&mut self, original: &str, run: &[Item]) {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return;
        };
        let Some(bytes) = original.get(first.start..last.end) else {
            for item in run {
                self.push(item.c, item.wide, (item.start, item.end));
            }
            return;
        };
        let at = self.text.len();
        self.text.push_str(bytes);
        self.origins.extend(run.iter().map(|item| Origin {
            at: at + (item.start - first.start),
            start: item.start,
            end: item.end,
        }));
        self.last = Some((last.c, last.wide));
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
                index: self.origins.len(),
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
            self.widen(pending.index, if pending.comma { '，' } else { '：' });
        }
    }

    /// Replaces the ASCII `,` or `:` of origin `index` with `wide`; the (at most three)
    /// characters written after it move.
    fn widen(&mut self, index: usize, wide: char) {
        let Some(at) = self.origins.get(index).map(|o| o.at) else {
            return;
        };
        if !self
            .text
            .get(at..at + 1)
            .is_some_and(|s| s == "," || s == ":")
        {
            return;
        }
        let mut buffer = [0; 4];
        self.text
            .replace_range(at..at + 1, wide.encode_utf8(&mut buffer));
        let shift = wide.len_utf8() - 1;
        for origin in self.origins.iter_mut().skip(index + 1) {
            origin.at += shift;
        }
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
