//! One report from the two extractions of its PDF: the narrative read from
//! the reading-order text, the tables from the layout text, every span moved
//! to the layout text so that one text locates them all.

use std::cell::OnceCell;

use super::{ReadTable, read_tables};
use crate::disclosure::Disclosure;
use crate::span::{Span, page_at};
use crate::text::{Diagnostic, DiagnosticLevel, parse_report};

/// A report read from both texts of its PDF: the facts of the narrative and
/// of the nine tables in one [`Disclosure`], the tables as read, and every
/// diagnostic. All spans point into the layout text.
///
/// ```
/// use juesuan::{audit, table::read_layout};
///
/// let reading = include_str!("../../tests/fixtures/putuo-social-work-2024.txt");
/// let layout = include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt");
/// let report = read_layout(reading, layout);
/// assert_eq!(report.tables.len(), 9);
/// let f = report.disclosure.statements("revenue.total");
/// // 总计 of T1 (page 5), then the narrative's 收入支出总计 (page 17).
/// let pages: Vec<_> = f.iter().map(|f| f.span().and_then(|s| s.page_number())).collect();
/// assert_eq!(pages, [Some(5), Some(17)]);
/// assert!(audit(&report.disclosure).iter().all(|f| f.severity() != juesuan::Severity::Error));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadReport {
    /// The facts: each table cell, then the narrative's statements.
    pub disclosure: Disclosure,
    /// The tables as read (for rendering what was read).
    pub tables: Vec<ReadTable>,
    /// What the narrative reader skipped and the table reader could not
    /// read, by page and line.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a report from the two texts `pdftotext` gives of its PDF: the
/// narrative from `reading` (reading order, as [`parse_report`] takes it),
/// the nine tables from `layout` (`pdftotext -layout`, see
/// [`read_tables`]). Table cells come first among the statements of a fact,
/// then the narrative's, so that the narrative restates the tables. Every
/// span is moved to `layout` (same page, same words); one that cannot be
/// placed keeps its page and points at the page's first line, with a note.
///
/// Never panics; linear in the texts.
///
/// ```
/// use juesuan::table::read_layout;
///
/// let reading = include_str!("../../tests/fixtures/putuo-social-work-2024.txt");
/// let layout = include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt");
/// let report = read_layout(reading, layout);
/// let span = report.disclosure.statements("basic.total")[1].span().unwrap();
/// assert_eq!(span.describe(layout), "page 20, line 10:18");
/// assert_eq!(&layout[span.start..span.end], "105.58");
/// ```
#[doc(alias = "读取PDF")]
pub fn read_layout(reading: &str, layout: &str) -> ReadReport {
    let narrative = parse_report(reading);
    let tables = read_tables(layout);
    let map = SpanMap::new(reading, layout);
    let n = narrative.disclosure;
    let mut d = Disclosure::new(n.unit());
    d.set_fiscal_year(n.fiscal_year());
    d.set_department(n.department().map(str::to_owned));
    d.units_mut().extend(n.units().iter().cloned());
    d.divisions_mut().extend(n.divisions().iter().cloned());
    let mut diagnostics = tables.diagnostics().to_vec();
    let mut facts = tables.facts();
    let mut lost: Vec<Span> = Vec::new();
    for (id, stmts) in n.iter() {
        for f in stmts {
            let span = f.span().map(|s| {
                let (moved, found) = map.place(s);
                if !found {
                    lost.push(moved);
                }
                moved
            });
            facts.push((id.clone(), f.clone().with_span(span)));
        }
    }
    // In schema order, each inserted at the end; a fact's statements keep
    // their order (the tables', then the narrative's).
    // Sorted as (key, position) pairs, which gives the stable order without
    // moving the facts themselves about.
    let mut order: Vec<(crate::fact::Key, usize)> = facts
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.key(), i))
        .collect();
    order.sort_unstable();
    let mut facts: Vec<Option<_>> = facts.into_iter().map(Some).collect();
    d.reserve(facts.len());
    for (_, i) in order {
        if let Some((id, fact)) = facts.get_mut(i).and_then(Option::take) {
            // Cells are made for their ids, statements were read for theirs:
            // the kinds fit.
            let _ = d.insert(id, fact);
        }
    }
    // The narrative reader reads past the tables, and notes what it cannot
    // read of tables flattened into its text; here they are read from the
    // layout, so those notes are moot when any table was found there.
    let tables_read = !tables.tables.is_empty();
    for diag in narrative.diagnostics.into_iter().filter(|d| {
        d.message != crate::text::TABLES_SKIPPED
            && !(tables_read && crate::text::is_flat_table_note(&d.message))
    }) {
        let (span, _) = map.place(diag.span);
        diagnostics.push(Diagnostic { span, ..diag });
    }
    for span in lost {
        diagnostics.push(Diagnostic {
            level: DiagnosticLevel::Note,
            message: "a figure of the narrative was not found in the layout text: its location is the top of its page".to_owned(),
            span,
        });
    }
    diagnostics.sort_by_key(|d| (d.span.page, d.span.line, d.span.column));
    ReadReport {
        disclosure: d,
        tables: tables.tables,
        diagnostics,
    }
}

/// Moves spans of the reading-order text to the layout text: the pages are
/// the same, and so are the words of a narrative page once spaces are gone.
struct SpanMap<'a> {
    reading: &'a str,
    layout: &'a str,
    /// Byte ranges of each page in either text.
    reading_pages: Vec<(usize, usize)>,
    layout_pages: Vec<(usize, usize)>,
    /// Start of every line of the layout text.
    layout_lines: Vec<usize>,
    /// The visible characters of each page, made when first needed.
    visible: Vec<OnceCell<PagePair>>,
}

fn pages(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\u{c}') {
        out.push((start, i));
        start = i + 1;
    }
    out.push((start, text.len()));
    out
}

/// A page's visible characters in both texts, and how far they agree from
/// the start and from the end.
struct PagePair {
    reading: Vec<(usize, char)>,
    layout: Vec<(usize, char)>,
    common_prefix: usize,
    common_suffix: usize,
}

impl PagePair {
    fn new(reading: Vec<(usize, char)>, layout: Vec<(usize, char)>) -> PagePair {
        let common_prefix = reading
            .iter()
            .zip(&layout)
            .take_while(|(a, b)| a.1 == b.1)
            .count();
        let common_suffix = reading
            .iter()
            .rev()
            .zip(layout.iter().rev())
            .take_while(|(a, b)| a.1 == b.1)
            .count();
        PagePair {
            reading,
            layout,
            common_prefix,
            common_suffix,
        }
    }
}

/// The visible characters of `text[range]`, with their byte offsets.
fn visible(text: &str, (from, to): (usize, usize)) -> Vec<(usize, char)> {
    text.get(from..to)
        .unwrap_or_default()
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| (from + i, c))
        .collect()
}

impl<'a> SpanMap<'a> {
    fn new(reading: &'a str, layout: &'a str) -> SpanMap<'a> {
        let mut layout_lines = vec![0];
        layout_lines.extend(layout.match_indices('\n').map(|(i, _)| i + 1));
        let (reading_pages, layout_pages) = (pages(reading), pages(layout));
        SpanMap {
            reading,
            layout,
            visible: reading_pages.iter().map(|_| OnceCell::new()).collect(),
            reading_pages,
            layout_pages,
            layout_lines,
        }
    }

    /// The span in the layout text, and whether its words were found there.
    fn place(&self, s: Span) -> (Span, bool) {
        let page = s
            .page_number()
            .or_else(|| page_at(self.reading, s.start))
            .unwrap_or(1);
        let index = page.saturating_sub(1) as usize;
        let (Some(rp), Some(lp)) = (self.reading_pages.get(index), self.layout_pages.get(index))
        else {
            return (self.top_of(page), false);
        };
        let Some(pair) = self.visible.get(index) else {
            return (self.top_of(page), false);
        };
        let pair = pair
            .get_or_init(|| PagePair::new(visible(self.reading, *rp), visible(self.layout, *lp)));
        let (r, l) = (&pair.reading, &pair.layout);
        // The span's visible characters: from k, m of them.
        let k = r.partition_point(|(b, _)| *b < s.start);
        let m = r
            .iter()
            .skip(k)
            .take_while(|(b, _)| *b < s.end)
            .count()
            .max(1);
        let tail = r.len().saturating_sub(k);
        let at = if k + m <= pair.common_prefix {
            Some(k)
        } else if tail <= pair.common_suffix && l.len() >= tail {
            // From the end of the page, where its ends agree.
            Some(l.len() - tail)
        } else {
            // The span's words with a little context, once on the page.
            let lo = k.saturating_sub(4);
            let needle: Vec<char> = r
                .iter()
                .skip(lo)
                .take(k + m - lo)
                .map(|(_, c)| *c)
                .collect();
            let hay: Vec<char> = l.iter().map(|(_, c)| *c).collect();
            let hits: Vec<usize> = if needle.is_empty() {
                Vec::new()
            } else {
                hay.windows(needle.len())
                    .enumerate()
                    .filter(|(_, w)| *w == needle.as_slice())
                    .map(|(i, _)| i)
                    .collect()
            };
            match hits.as_slice() {
                [i] => Some(i + (k - lo)),
                _ => None,
            }
        };
        let Some(at) = at else {
            return (self.top_of(page), false);
        };
        let (Some((start, _)), Some((last, c))) = (l.get(at), l.get(at + m - 1)) else {
            return (self.top_of(page), false);
        };
        let end = last + c.len_utf8();
        (self.span(*start, end.max(*start), page), true)
    }

    /// A span of the layout text's bytes `start..end`.
    fn span(&self, start: usize, end: usize, page: u32) -> Span {
        let line = self.layout_lines.partition_point(|s| *s <= start).max(1);
        let line_start = self.layout_lines.get(line - 1).copied().unwrap_or(0);
        let line_end = self
            .layout_lines
            .get(line)
            .map_or(self.layout.len(), |n| n.saturating_sub(1));
        let chars = |a: usize, b: usize| self.layout.get(a..b).map_or(0, |s| s.chars().count());
        let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span::new(
            to_u32(line),
            to_u32(chars(line_start, start) + 1),
            to_u32(chars(start, end.min(line_end).max(start))),
            start..end,
        )
        .with_page(Some(page))
    }

    /// The first line of `page` in the layout text.
    fn top_of(&self, page: u32) -> Span {
        let start = self
            .layout_pages
            .get(page.saturating_sub(1) as usize)
            .map_or(0, |(s, _)| *s);
        self.span(start, start, page)
    }
}
