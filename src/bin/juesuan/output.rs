//! What every output format shares: the audited report, where its spans
//! stand in the source (line and page), and a writer that ends quietly on
//! a closed pipe.

use std::fs::File;
use std::io::{BufWriter, ErrorKind, Write};
use std::ops::Range;
use std::path::Path;

use juesuan::{Finding, Severity, SeverityCounts, Span};

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
/// binary search, not a scan of the text.
pub struct SourceIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
    /// Byte offsets of form feeds (page breaks, as pdftotext writes them).
    page_breaks: Vec<usize>,
}

impl<'a> SourceIndex<'a> {
    pub fn new(text: &'a str) -> SourceIndex<'a> {
        let mut line_starts = vec![0];
        let mut page_breaks = Vec::new();
        for (i, b) in text.bytes().enumerate() {
            match b {
                b'\n' => line_starts.push(i + 1),
                b'\x0c' => page_breaks.push(i),
                _ => {}
            }
        }
        SourceIndex {
            text,
            line_starts,
            page_breaks,
        }
    }

    /// How many lines the text has.
    pub fn lines(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte range of 1-based line `n`, without its line break.
    pub fn line_range(&self, n: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(n.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(n)
            .map_or(self.text.len(), |next| next.saturating_sub(1));
        let line = self.text.get(start..end)?;
        let end = start + line.strip_suffix('\r').unwrap_or(line).len();
        Some(start..end)
    }

    /// 1-based line `n`, without its line break (and without form feeds).
    pub fn line(&self, n: usize) -> Option<&'a str> {
        self.text.get(self.line_range(n)?)
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
        self.line_starts.partition_point(|&s| s <= at)
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
