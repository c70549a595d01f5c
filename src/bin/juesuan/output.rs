//! What every output format shares: the audited report, where its spans
//! stand in the source (line and page), and a writer that ends quietly on
//! a closed pipe.

use std::fs::File;
use std::io::{BufWriter, ErrorKind, Write};
use std::ops::Range;
use std::path::Path;

use juesuan::{Finding, Severity, Span, span::SourceLines, stream::SeverityCounts};

use crate::input::Loaded;

/// A report read and audited.
pub struct Report {
    pub loaded: Loaded,
    pub findings: Vec<Finding>,
}

impl Report {
    /// Findings by severity.
    pub fn counts(&self) -> SeverityCounts {
        let mut c = SeverityCounts::default();
        for f in &self.findings {
            match f.severity() {
                Severity::Error => c.error += 1,
                Severity::Warning => c.warning += 1,
                Severity::Info => c.info += 1,
            }
        }
        c
    }

    /// "新疆…厅 2024年度", or what is known of it.
    pub fn title(&self) -> String {
        let d = &self.loaded.disclosure;
        let name = d.department().unwrap_or("(department not stated)");
        match d.fiscal_year() {
            Some(y) => format!("{name} {}", y.label()),
            None => name.to_owned(),
        }
    }
}

/// `n` and the noun, singular or plural.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Lines and pages of a source text, indexed once: finding a line costs a
/// binary search, not a scan of the text. Lines end as the reader ends them
/// (`"\n"`, `"\r\n"` or a lone `"\r"`), so line numbers agree with spans.
pub struct SourceIndex<'a> {
    text: &'a str,
    lines: SourceLines<'a>,
    /// Byte offsets of form feeds (page breaks, as pdftotext writes them).
    page_breaks: Vec<usize>,
}

impl<'a> SourceIndex<'a> {
    pub fn new(text: &'a str) -> SourceIndex<'a> {
        SourceIndex {
            text,
            lines: SourceLines::new(text),
            page_breaks: text
                .bytes()
                .enumerate()
                .filter_map(|(i, b)| (b == 0x0c).then_some(i))
                .collect(),
        }
    }

    /// How many lines the text has.
    pub fn lines(&self) -> usize {
        self.lines.len()
    }

    /// The byte range of 1-based line `n`, without its line break.
    pub fn line_range(&self, n: usize) -> Option<Range<usize>> {
        self.lines.byte_range(u32::try_from(n).ok()?)
    }

    /// 1-based line `n`, without its line break.
    pub fn line(&self, n: usize) -> Option<&'a str> {
        self.lines.line(u32::try_from(n).ok()?)
    }

    /// The 1-based page a span stands on: the page it carries (the
    /// readers set it on text with pages), else counted from the text's
    /// page breaks, when it has any.
    pub fn page(&self, span: &Span) -> Option<usize> {
        if let Some(p) = span.page.and_then(|p| usize::try_from(p.get()).ok()) {
            return Some(p);
        }
        if self.page_breaks.is_empty() {
            return None;
        }
        Some(self.page_breaks.partition_point(|&b| b < span.start) + 1)
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, at: usize) -> usize {
        usize::try_from(self.lines.line_at(at)).unwrap_or(usize::MAX)
    }

    /// Spaces and carets under the span on its line (wide characters take
    /// two columns).
    pub fn carets(&self, span: &Span) -> Option<String> {
        span.carets_under(self.line(usize::try_from(span.line).ok()?)?)
    }

    /// The sentence around a byte range: back past the previous 。 and on
    /// to the next one (line breaks inside a sentence, as PDF text has
    /// them, do not end it), at most `reach` bytes each way.
    pub fn sentence(&self, at: Range<usize>, reach: usize) -> Range<usize> {
        let text = self.text;
        let floor = |i: usize| {
            let mut i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let start = floor(at.start);
        let end = floor(at.end.max(start));
        let lo = floor(start.saturating_sub(reach));
        let hi = floor(end.saturating_add(reach));
        let before = text.get(lo..start).unwrap_or_default();
        let begin = before.rfind('。').map_or(lo, |i| lo + i + '。'.len_utf8());
        let after = text.get(end..hi).unwrap_or_default();
        let finish = after.find('。').map_or(hi, |i| end + i + '。'.len_utf8());
        begin..finish
    }
}

/// Where a span stands: `FILE:LINE:COLUMN`, and the page when the text has
/// page breaks.
pub fn location(name: &str, span: &Span, index: Option<&SourceIndex<'_>>) -> String {
    let page = index.and_then(|i| i.page(span));
    match page {
        Some(p) => format!("{name}:{}:{} (page {p})", span.line, span.column),
        None => format!("{name}:{}:{}", span.line, span.column),
    }
}

/// Standard output or a file, buffered; a closed pipe ends the output
/// quietly (`juesuan audit … | head`).
pub struct Out {
    w: Box<dyn Write>,
    closed: bool,
    error: Option<String>,
}

impl Out {
    pub fn open(path: Option<&Path>) -> Result<Out, String> {
        let w: Box<dyn Write> = match path {
            Some(p) => Box::new(BufWriter::new(
                File::create(p).map_err(|e| format!("cannot write {}: {e}", p.display()))?,
            )),
            None => Box::new(BufWriter::new(std::io::stdout().lock())),
        };
        Ok(Out {
            w,
            closed: false,
            error: None,
        })
    }

    pub fn write(&mut self, s: &str) {
        if self.closed {
            return;
        }
        if let Err(e) = self.w.write_all(s.as_bytes()) {
            self.fail(e);
        }
    }

    fn fail(&mut self, e: std::io::Error) {
        self.closed = true;
        if e.kind() != ErrorKind::BrokenPipe {
            self.error = Some(format!("cannot write the output: {e}"));
        }
    }

    /// Flushes; the error of a failed write other than a closed pipe.
    pub fn finish(mut self) -> Result<(), String> {
        if !self.closed {
            if let Err(e) = self.w.flush() {
                self.fail(e);
            }
        }
        match self.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}
