//! Reading published report text into a [`Disclosure`]: the document-level pass (parts,
//! sections, title, department, years, unit list, placeholders) around the sentence
//! reader of [`clauses`](super::clauses).

use std::collections::BTreeMap;
use std::fmt;

use super::clauses::Reader;
use super::flat_table::{self, Cell};
use super::normalize::{NormalizedText, is_numeral, normalize};
use super::patterns::{Frame, frame_at, years as years_in};
use super::sections::{Part, Section, narrative_section, part, sub_section};
use crate::amount::{Amount, Percent, Unit};
use crate::date::FiscalYear;
use crate::disclosure::{Disclosure, Fact, Indicator, Reading, Value};
use crate::fact::FactId;
use crate::span::Span;

/// The note the narrative reader gives where the tables begin: it reads
/// past them ([`crate::table::read_layout`] reads them from the layout text and
/// drops this note).
pub(crate) const TABLES_SKIPPED: &str =
    "the tables (部门决算表) are not read; their figures are skipped";

/// How serious a [`Diagnostic`] is.
///
/// ```
/// use juesuan::text::DiagnosticLevel;
/// assert!(DiagnosticLevel::Warning > DiagnosticLevel::Note);
/// assert_eq!(DiagnosticLevel::Note.to_string(), "note");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DiagnosticLevel {
    /// Something read past: a sentence no pattern matches, a table region, a template
    /// instruction.
    Note,
    /// Something the reader could not take as stated: an item name the catalog does not
    /// know, a malformed number or date.
    Warning,
}

impl DiagnosticLevel {
    /// The lowercase English name.
    ///
    /// ```
    /// assert_eq!(juesuan::text::DiagnosticLevel::Warning.as_str(), "warning");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            DiagnosticLevel::Note => "note",
            DiagnosticLevel::Warning => "warning",
        }
    }
}

impl fmt::Display for DiagnosticLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something [`parse_report`] met while reading: how serious, what, and where in the
/// original text.
///
/// ```
/// use juesuan::{text::DiagnosticLevel, parse_report};
///
/// let text = "城镇调查失业率控制在 4.6%。";
/// let parsed = parse_report(text);
/// let d = &parsed.diagnostics[0];
/// assert_eq!(d.level, DiagnosticLevel::Note);
/// assert_eq!((d.span.line, d.span.column), (1, 12));
/// assert_eq!(d.to_string(), "note: figure not attributed: 4.6% in “城镇调查失业率控制在4.6%”");
/// ```
#[doc(alias = "诊断")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious it is.
    pub level: DiagnosticLevel,
    /// What happened, in one line.
    pub message: String,
    /// Where in the original text.
    pub span: Span,
}

impl fmt::Display for Diagnostic {
    /// `level: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.level, self.message)
    }
}

/// What [`parse_report`] read from a text: the facts it states, each with its span, and
/// the diagnostics.
///
/// ```
/// use juesuan::parse_report;
///
/// let parsed = parse_report("本年收入 73,274.06 万元，其中：财政拨款收入 68,460.73 万元，占 93.43%。");
/// assert_eq!(parsed.disclosure.len(), 3);
/// assert!(parsed.diagnostics.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedReport {
    /// The facts, department, fiscal year, units and divisions the text states.
    pub disclosure: Disclosure,
    /// Sentences skipped, names not resolved, regions not read: in document order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a report's text (as extracted from its PDF) into a [`Disclosure`].
///
/// The text is [`normalize`]d first, then read paragraph by paragraph: the part and
/// section headings (部门概况, 部门决算情况说明 and its sections 一、 to 十二、) say what
/// the labels of each sentence mean; every figure of a known sentence pattern becomes a
/// fact with the [`Span`] of its number in the original text (of its words for reasons,
/// names and direction words). Changes are signed by their word (减少 and 下降 make
/// them negative). Item paths (教育支出（类）职业教育（款）中等职业教育（项）) resolve to
/// codes through [`Catalog::function`](crate::code::Catalog::function). The nine tables and
/// the glossary are not read.
///
/// Never panics and runs in time linear in the text. Sentences with figures that match
/// no pattern are skipped and reported as [`Diagnostic`]s, as are names the catalog does
/// not know; text that is no report gives an empty disclosure and a diagnostic saying so.
///
/// ```
/// use juesuan::{audit, parse_report};
///
/// let text = "一、收入支出决算总体情况说明\n\
///             2024 年度收入总计 74,194.06 万元。\n\
///             收入支出总体与上年相比，增加 1,382.98 万元，增长 1.90%，主要原因是：追加项目预算。";
/// let parsed = parse_report(text);
/// let d = &parsed.disclosure;
/// assert_eq!(d.amount("revenue.total.change").map(|a| a.to_string()), Some("1,382.98万元".into()));
/// assert_eq!(d.text("revenue.total.change_word"), Some("增加"));
/// assert_eq!(d.text("revenue.total.reason"), Some("追加项目预算。"));
/// let span = d.get("revenue.total").and_then(|f| f.span()).unwrap();
/// assert_eq!((span.line, span.column), (2, 13));
/// assert!(audit(d).is_empty());
/// ```
#[doc(alias = "解析")]
#[doc(alias = "读取")]
pub fn parse_report(text: &str) -> ParsedReport {
    let normalized = normalize(text);
    let read = read_paragraphs(&normalized);
    // The facts own their spans: the normalised text is freed before the
    // disclosure is built from them, so that the two are never held at once.
    drop(normalized);
    read.build()
}

/// Reads already [`normalize`]d text (see [`parse_report`]).
///
/// ```
/// use juesuan::{text::normalize, text::parse_normalized};
///
/// let text = normalize("財政撥款收入 68,460.73 萬元，佔 93.43%");
/// let parsed = parse_normalized(&text);
/// assert_eq!(parsed.disclosure.percent("revenue.appropriation.share").map(|p| p.to_string()),
///            Some("93.43%".into()));
/// ```
pub fn parse_normalized(text: &NormalizedText<'_>) -> ParsedReport {
    read_paragraphs(text).build()
}

/// Reads every paragraph of `text`: what the report states, not yet a
/// [`Disclosure`].
fn read_paragraphs(text: &NormalizedText<'_>) -> Read {
    let mut doc = Document::new(text);
    let full: &str = text.as_ref();
    let mut paragraphs = text.paragraphs().peekable();
    while let Some(paragraph) = paragraphs.next() {
        let (p, start) = (paragraph.as_str(), paragraph.start());
        // A table flattened one cell per line with the bar on a line of its own
        // (年度 / | / 合计 / |), or a cell broken over two lines inside such a table
        // (公务用车 / 购置费 |): one cell.
        let joined = paragraphs.peek().filter(|next| {
            let next = next.as_str();
            cell_text(p)
                && (next.trim() == "|"
                    || (doc.in_cell_table()
                        && next.ends_with('|')
                        && cell_text(next.trim_end_matches('|'))))
        });
        if let Some(next) = joined {
            let end = next.start() + next.as_str().len();
            if let Some(merged) = full.get(start..end) {
                doc.paragraph(merged, start);
                paragraphs.next();
                continue;
            }
        }
        doc.paragraph(p, start);
    }
    doc.finish()
}

/// Whether a paragraph can be (part of) a table cell: short, no sentence, no bar.
fn cell_text(p: &str) -> bool {
    !p.trim().is_empty() && p.len() <= 120 && !p.contains('|') && cell_like(p)
}

/// Whether text can be one cell of a flattened table: short, and no sentence.
fn cell_like(s: &str) -> bool {
    s.chars().count() <= 40 && !s.contains(['。', '；', '，'])
}

/// What a text states, read to its end and independent of it: the facts in
/// document order (with their spans) and what the disclosure is built with.
struct Read {
    unit: Unit,
    year: Option<i32>,
    department: Option<String>,
    units: Vec<String>,
    divisions: Vec<String>,
    indicators: Vec<Indicator>,
    diagnostics: Vec<Diagnostic>,
    facts: Vec<Option<(FactId, Fact)>>,
    /// The span of the text's start, for diagnostics of no place.
    start: Span,
    /// Whether the text has anything but whitespace.
    has_text: bool,
}

/// Heading levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// 第一部分.
    Part,
    /// 一、.
    Section,
    /// （一）.
    Sub,
}

/// The length in bytes of a run of Chinese numerals at the start of `s`.
fn numerals(s: &str) -> usize {
    s.chars()
        .take_while(|c| is_numeral(*c))
        .map(char::len_utf8)
        .sum()
}

/// Whether `rest` (a heading after its marker) is shaped like a heading: short, no
/// sentence punctuation outside brackets except a final `。`, no figures.
fn heading_shape(rest: &str) -> bool {
    if rest.is_empty() || rest.chars().count() > 60 {
        return false;
    }
    let body = rest.strip_suffix('。').unwrap_or(rest);
    let mut depth = 0usize;
    let mut previous_digits = 0usize;
    for c in body.chars() {
        match c {
            '（' => depth += 1,
            '）' => depth = depth.saturating_sub(1),
            '，' | '；' | '：' | '。' if depth == 0 => return false,
            _ => {}
        }
        if c.is_ascii_digit() {
            previous_digits += 1;
        } else {
            // Digits only as a year: four of them followed by 年.
            if previous_digits > 0 && !(previous_digits == 4 && c == '年') {
                return false;
            }
            previous_digits = 0;
        }
    }
    previous_digits == 0
}

/// A heading: its level and its text after the marker.
fn heading(p: &str) -> Option<(Level, &str)> {
    let (level, rest) = if let Some(after) = p.strip_prefix('第') {
        let n = numerals(after);
        let rest = after.get(n..)?.strip_prefix("部分")?;
        (n > 0).then_some((Level::Part, rest))?
    } else if let Some(after) = p.strip_prefix('（') {
        let n = numerals(after);
        let rest = after.get(n..)?.strip_prefix('）')?;
        (n > 0 && n <= 9).then_some((Level::Sub, rest))?
    } else {
        let n = numerals(p);
        let rest = p.get(n..)?.strip_prefix('、')?;
        (n > 0 && n <= 9).then_some((Level::Section, rest))?
    };
    heading_shape(rest).then_some((level, rest))
}

/// Whether a paragraph starts the tables: `单位：万元` or a table title.
fn starts_tables(p: &str) -> bool {
    if p == "单位：万元" || p == "单位：元" {
        return true;
    }
    // Table titles are short (a cheap test before the searches).
    p.len() <= 240
        && (p.contains("决算表") || p.contains("决算总表"))
        && !p.contains(['，', '。', '；'])
        && p.chars().count() <= 60
}

/// Whether a paragraph is the title of an explanation (关于…决算情况说明,
/// …“三公”经费支出情况说明): no sentence, no figure but a year.
fn explanation_title(p: &str) -> bool {
    p.len() <= 240
        && (p.ends_with("情况说明") || p.ends_with("决算说明"))
        && !p.contains(['，', '。', '；', '：', '%', '|'])
        && heading_shape(p)
}

/// Whether a paragraph before any heading can be (part of) the title.
fn title_like(p: &str) -> bool {
    p.len() <= 160 && !p.contains(['，', '。', '；', '：', '%']) && p.chars().count() <= 40
}

/// Item markers at the start of a paragraph (`1、`, `（1）`, `1.`, `1）`): the byte
/// length to skip.
fn item_marker(p: &str) -> usize {
    let digits = p.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = p.get(digits..).unwrap_or_default();
        for m in ["、", "）"] {
            if rest.starts_with(m) {
                return digits + m.len();
            }
        }
        if rest.starts_with('.')
            && !rest
                .get(1..)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        {
            return digits + 1;
        }
    }
    if let Some(after) = p.strip_prefix('（') {
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&digits) && after.get(digits..).is_some_and(|r| r.starts_with('）')) {
            return '（'.len_utf8() + digits + '）'.len_utf8();
        }
    }
    0
}

/// Where the department's name was found, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum NameSource {
    /// 第一部分X概况.
    PartHeading,
    /// 从…构成看，X部门决算包括.
    Composition,
    /// 纳入X2024年度部门决算编制范围.
    UnitList,
    /// X2024年度，实有人数.
    Staffing,
    /// The title before its year.
    Title,
}

/// The document-level reader.
struct Document<'t, 'a> {
    reader: Reader<'t, 'a>,
    part: Part,
    title: String,
    units: Vec<String>,
    units_mode: bool,
    department: BTreeMap<NameSource, String>,
    /// Years of `YYYY年度` in the body and headings: the report year is the most named.
    votes: BTreeMap<i32, usize>,
    /// Years compared with (与2023年度相比): the year before the report's.
    priors: Vec<i32>,
    /// Whether the last section heading named no section (三、部门决算情况说明), so
    /// that its sub-headings are the sections.
    sections_below: bool,
    /// A table flattened into text being read: its rows of cells.
    table_rows: Vec<Vec<Cell>>,
    /// Whether the table comes one cell per line (all cells in one row).
    one_per_line: bool,
    /// The unit the tables state (单位：万元).
    table_unit: Unit,
    /// Whether a table flattened one cell per line without bars is being read.
    bare_table: bool,
    title_year: Option<i32>,
    tables_noted: bool,
}

impl<'t, 'a> Document<'t, 'a> {
    fn new(text: &'t NormalizedText<'a>) -> Document<'t, 'a> {
        Document {
            reader: Reader::new(text),
            part: Part::Title,
            title: String::new(),
            units: Vec::new(),
            units_mode: false,
            department: BTreeMap::new(),
            votes: BTreeMap::new(),
            priors: Vec::new(),
            sections_below: true,
            table_rows: Vec::new(),
            one_per_line: false,
            table_unit: Unit::WanYuan,
            bare_table: false,
            title_year: None,
            tables_noted: false,
        }
    }

    fn name(&mut self, source: NameSource, name: &str) {
        let name = name
            .trim_matches(|c: char| c.is_whitespace() || "，：、".contains(c))
            .trim_end_matches("（本级）");
        if name.is_empty() || name == "本部门" || name == "部门" || name.chars().count() > 40 {
            return;
        }
        self.department
            .entry(source)
            .or_insert_with(|| name.to_owned());
    }

    fn paragraph(&mut self, p: &str, base: usize) {
        if self.table_cells(p, base) || self.bare_table_cell(p, base) {
            return;
        }
        self.flush_table();
        if p.len() <= 60 && p.chars().count() <= 20 {
            if p.contains("单位：万元") {
                self.table_unit = Unit::WanYuan;
            } else if p.contains("单位：元") {
                self.table_unit = Unit::Yuan;
            }
        }
        self.placeholders(p, base);
        if let Some((level, text)) = heading(p) {
            self.heading(level, text, p, base);
            return;
        }
        if matches!(p, "目录" | "目" | "录") {
            self.part = Part::Contents;
            return;
        }
        if self.part == Part::Title {
            if title_like(p) {
                self.title_paragraph(p, base);
                return;
            }
            self.part = Part::Unknown;
        }
        if self.part == Part::Tables && explanation_title(p) {
            // 关于…2017年度…决算情况说明 after the tables: the narrative resumes.
            self.part = Part::Narrative;
            self.reader.enter(Section::Unknown);
            self.heading_years(p, base);
            return;
        }
        if matches!(self.part, Part::Tables | Part::Glossary | Part::Contents) {
            return;
        }
        if starts_tables(p) {
            self.table_unit = match p {
                "单位：元" => Unit::Yuan,
                _ => Unit::WanYuan,
            };
            self.tables(base, p.len());
            return;
        }
        if self.units_mode && self.unit_line(p) {
            return;
        }
        if self.reader.section == Section::Functions {
            return;
        }
        let overview = matches!(self.reader.section, Section::Overview | Section::Unknown);
        if overview && p.contains("编制范围") && p.contains("包括") && !counts_something(p) {
            self.unit_list(p);
            return;
        }
        if overview {
            self.names_in(p);
        }
        self.years(p, base);
        self.reader.paragraph(p, base, item_marker(p));
    }

    /// Whether a table flattened one cell per line is being read.
    fn in_cell_table(&self) -> bool {
        self.one_per_line && !self.table_rows.is_empty()
    }

    /// A paragraph that is a cell (`预算数|`, `|`) or a row (`合计|15.24|4.60|`) of a
    /// table flattened into text: kept for [`Self::flush_table`]. Whether it was one.
    fn table_cells(&mut self, p: &str, base: usize) -> bool {
        let bars = p.matches('|').count();
        if bars == 0 {
            return false;
        }
        // A cell is short and no sentence: narrative that ends with a stray bar (…占
        // 0.0001%。！[]（）|) is read as narrative.
        if !p.split('|').all(cell_like) {
            return false;
        }
        if bars == 1 && p.ends_with('|') {
            let text = p.trim_end_matches('|');
            let cell = Cell {
                text: text.to_owned(),
                range: base..base + text.len(),
            };
            match self.table_rows.last_mut() {
                Some(row) if self.one_per_line => row.push(cell),
                _ => self.table_rows.push(vec![cell]),
            }
            self.one_per_line = true;
            return true;
        }
        if bars >= 2 {
            let mut row = Vec::new();
            let mut from = 0;
            for piece in p.split('|') {
                row.push(Cell {
                    text: piece.trim().to_owned(),
                    range: base + from..base + from + piece.len(),
                });
                from += piece.len() + 1;
            }
            self.table_rows.push(row);
            self.one_per_line = false;
            return true;
        }
        false
    }

    /// A cell of a table flattened one cell per line without bars (项目, 预算数, 决算数,
    /// 合计, 77.00, 68.30, …): from a paragraph that names the labels' column to the
    /// first paragraph that is no cell. Such a table drops its blank cells, so only
    /// its complete rows are read. Whether the paragraph was such a cell.
    fn bare_table_cell(&mut self, p: &str, base: usize) -> bool {
        let cell = || Cell {
            text: p.to_owned(),
            range: base..base + p.len(),
        };
        if self.bare_table {
            let cell_like = p.chars().count() <= 30
                && !p.contains(['。', '；', '，', '：'])
                && heading(p).is_none();
            if cell_like {
                if let Some(row) = self.table_rows.last_mut() {
                    row.push(cell());
                }
                return true;
            }
            self.bare_table = false;
            return false;
        }
        if self.table_rows.is_empty()
            && flat_table::is_label_header(p, self.reader.report_year.or(self.title_year))
        {
            self.table_rows.push(vec![cell()]);
            self.bare_table = true;
            self.one_per_line = true;
            return true;
        }
        false
    }

    /// Reads the flattened table kept so far, if any (see [`flat_table`]).
    fn flush_table(&mut self) {
        if self.table_rows.is_empty() {
            return;
        }
        let rows = std::mem::take(&mut self.table_rows);
        let year = self.reader.report_year.or(self.title_year).or_else(|| {
            self.votes
                .iter()
                .max_by_key(|(year, n)| (**n, **year))
                .map(|(year, _)| *year)
        });
        let read = flat_table::read(&rows, year, self.reader.section);
        for figure in read.figures {
            let text = figure.cell.text.trim().replace(',', "");
            let value = if figure.column.is_rate() {
                text.trim_end_matches('%').parse::<Percent>().ok().map(|p| {
                    Value::Percent(if figure.column.falls_positive() {
                        p.negated()
                    } else {
                        p
                    })
                })
            } else if figure.count {
                text.parse::<u64>().ok().map(Value::Count)
            } else {
                Amount::parse_in(&text, self.table_unit).ok().map(|a| {
                    Value::Amount(if figure.column.falls_positive() {
                        a.negated()
                    } else {
                        a
                    })
                })
            };
            match value {
                Some(value) => {
                    self.reader
                        .emit(&figure.id, value, figure.cell.range.clone(), Reading::Table);
                }
                None => self.reader.diagnose(
                    DiagnosticLevel::Note,
                    format!(
                        "table cell “{}” is no figure of {}",
                        figure.cell.text, figure.id
                    ),
                    figure.cell.range.clone(),
                ),
            }
        }
        for (range, message) in read.skipped {
            self.reader.diagnose(DiagnosticLevel::Note, message, range);
        }
    }

    fn tables(&mut self, at: usize, len: usize) {
        self.part = Part::Tables;
        self.units_mode = false;
        if !self.tables_noted {
            self.tables_noted = true;
            self.reader.diagnose(
                DiagnosticLevel::Note,
                TABLES_SKIPPED.to_owned(),
                at..at + len,
            );
        }
    }

    fn title_paragraph(&mut self, p: &str, base: usize) {
        for (at, year) in years_in(p) {
            if is_date(p.get(at + 4..).unwrap_or_default()) {
                // 2025年9月: when the report was published, not the year it is for.
                continue;
            }
            self.title_year.get_or_insert(year);
            self.reader.report_year.get_or_insert(year);
            let range = base + at..base + at + 4;
            self.reader.emit(
                "document.title_year",
                Value::Count(count(year)),
                range,
                Reading::Document,
            );
        }
        self.title.push_str(p);
    }

    /// The years of a heading: votes for the report's year, and facts.
    fn heading_years(&mut self, p: &str, base: usize) {
        for (at, year) in years_in(p) {
            *self.votes.entry(year).or_default() += 1;
            let range = base + at..base + at + 4;
            self.reader.emit(
                "document.heading_year",
                Value::Count(count(year)),
                range,
                Reading::Document,
            );
        }
    }

    fn heading(&mut self, level: Level, text: &str, p: &str, base: usize) {
        if !(level != Level::Part && matches!(self.part, Part::Tables | Part::Glossary)) {
            self.heading_years(p, base);
        }
        self.units_mode = false;
        match level {
            Level::Part => {
                self.part = part(text);
                let section = if self.part == Part::Overview {
                    if let Some(name) = text.strip_suffix("概况") {
                        self.name(NameSource::PartHeading, name);
                    }
                    Section::Overview
                } else {
                    Section::Unknown
                };
                self.reader.enter(section);
                if self.part == Part::Tables {
                    self.tables(base, p.len());
                }
            }
            Level::Section => {
                if self.part == Part::Tables && (text.contains("情况") || text.contains("说明"))
                {
                    self.part = Part::Narrative;
                }
                if matches!(self.part, Part::Tables | Part::Glossary) {
                    return;
                }
                if matches!(self.part, Part::Title | Part::Contents) {
                    self.part = Part::Unknown;
                }
                let fallback = if self.part == Part::Overview {
                    Section::Overview
                } else {
                    Section::Unknown
                };
                let section = narrative_section(text);
                // 三、部门决算情况说明 names no section: its （一）（二） are the sections.
                self.sections_below = section.is_none();
                self.reader.enter(section.unwrap_or(fallback));
            }
            Level::Sub => {
                if self.part == Part::Tables && text.contains("情况说明") {
                    // （一）“三公”经费…决算总体情况说明 after a table.
                    self.part = Part::Narrative;
                    self.sections_below = true;
                }
                if matches!(self.part, Part::Tables | Part::Glossary) {
                    return;
                }
                let section = if self.sections_below {
                    narrative_section(text).unwrap_or(self.reader.section)
                } else {
                    sub_section(text, self.reader.section)
                };
                self.reader.enter(section);
            }
        }
    }

    /// A line of the unit list after 编制范围的单位包括：; false when the list is over.
    /// Lines are names, row numbers, the header (序号, 单位名称, 备注) and remarks, or
    /// rows of tab-separated cells of those.
    fn unit_line(&mut self, p: &str) -> bool {
        if p == "备注" {
            self.units_mode = false;
            return true;
        }
        let skip = |cell: &str| {
            matches!(cell, "序号" | "单位名称" | "备注")
                || cell
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '。' | '.' | '…'))
        };
        let name_like = |cell: &str| {
            cell.chars().count() <= 40 && !cell.contains(['，', '；', '：', '。', '%'])
        };
        let cells = p.split('\t').map(str::trim).filter(|c| !c.is_empty());
        if !cells.clone().all(|c| skip(c) || name_like(c)) {
            self.units_mode = false;
            return false;
        }
        for cell in cells.filter(|c| !skip(c)) {
            // A remark of the 备注 column, (下属事业单位): not part of a name.
            if cell.starts_with('（') && cell.ends_with('）') {
                continue;
            }
            // The rest of a name the table cell wrapped: 管理事务中 / 心（下属事业单位）.
            let head = cell.split('（').next().unwrap_or(cell);
            if let Some(last) = self.units.last_mut() {
                if !head.is_empty() && head.chars().count() <= 4 && !ends_name(last) {
                    last.push_str(head);
                    continue;
                }
            }
            self.units.push(cell.to_owned());
        }
        true
    }

    /// 纳入X2024年度部门决算编制范围的单位包括：A、B。
    fn unit_list(&mut self, p: &str) {
        if let Some(after) = p.strip_prefix("纳入") {
            let end = years_in(after)
                .next()
                .map_or_else(|| after.find("部门决算").unwrap_or(0), |(at, _)| at);
            if let Some(name) = after.get(..end) {
                self.name(NameSource::UnitList, name);
            }
        }
        self.units_mode = true;
        let Some(at) = p.find("包括") else {
            return;
        };
        let rest = p
            .get(at + "包括".len()..)
            .unwrap_or_default()
            .trim_start_matches('：')
            .trim_end_matches('。');
        for name in rest.split('、').map(str::trim).filter(|s| !s.is_empty()) {
            if !matches!(name, "序号" | "单位名称") {
                self.units.push(name.to_owned());
            }
        }
    }

    /// Department names stated in overview sentences.
    fn names_in(&mut self, p: &str) {
        if let (Some(a), Some(b)) = (p.find("构成看，"), p.find("决算包括")) {
            let name = p
                .get(a + "构成看，".len()..b)
                .unwrap_or_default()
                .trim_end_matches("部门");
            self.name(NameSource::Composition, name);
        }
        if let Some(at) = p.find("实有人数") {
            let before = p.get(..at).unwrap_or_default();
            if let Some((year_at, _)) = years_in(before).last() {
                let name = before.get(..year_at).unwrap_or_default();
                self.name(NameSource::Staffing, name);
            }
        }
    }

    /// Years the body names: a year compared with (与2023年度相比, 比2023年, 较2022年度
    /// 决算数) is the prior year; every other `YYYY年度` votes for the report year.
    fn years(&mut self, p: &str, base: usize) {
        for (at, year) in years_in(p) {
            let lead = p.get(..at).and_then(|s| s.char_indices().next_back());
            let prior = lead.is_some_and(|(i, _)| {
                p.get(i..)
                    .and_then(frame_at)
                    .is_some_and(|(frame, _)| matches!(frame, Frame::Prior | Frame::Year(_)))
            });
            let after = p.get(at + 4..).unwrap_or_default();
            if prior {
                self.priors.push(year);
                let range = base + at..base + at + 4;
                self.reader.emit(
                    "document.prior_year",
                    Value::Count(count(year)),
                    range,
                    Reading::Document,
                );
            } else if after.starts_with("年度") {
                *self.votes.entry(year).or_default() += 1;
            }
        }
    }

    /// Template placeholders left in: runs of two or more `X` standing alone.
    fn placeholders(&mut self, p: &str, base: usize) {
        let bytes = p.as_bytes();
        let mut i = 0;
        while let Some(found) = p.get(i..).and_then(|rest| rest.find('X')) {
            i += found;
            let mut j = i;
            while bytes.get(j) == Some(&b'X') {
                j += 1;
            }
            let alone = !i
                .checked_sub(1)
                .and_then(|k| bytes.get(k))
                .is_some_and(u8::is_ascii_alphanumeric)
                && !bytes.get(j).is_some_and(u8::is_ascii_alphanumeric);
            if j - i >= 2 && alone {
                let end = if p.get(j..).is_some_and(|r| r.starts_with('局')) {
                    j + '局'.len_utf8()
                } else {
                    j
                };
                let value = p.get(i..end).unwrap_or_default().to_owned();
                self.reader.emit(
                    "document.placeholder",
                    Value::Text(value),
                    base + i..base + end,
                    Reading::Document,
                );
            }
            i = j;
        }
    }

    fn finish(mut self) -> Read {
        self.flush_table();
        let first_year = years_in(&self.title).next();
        if let Some((at, _)) = first_year {
            let name = self.title.get(..at).unwrap_or_default().to_owned();
            self.name(NameSource::Title, &name);
        }
        let year = self
            .title_year
            .or_else(|| {
                self.votes
                    .iter()
                    .max_by_key(|(year, n)| (**n, **year))
                    .map(|(year, _)| *year)
            })
            .or_else(|| self.priors.iter().max().and_then(|y| y.checked_add(1)));
        let mut units = BTreeMap::<Unit, usize>::new();
        for (_, fact) in self.reader.facts.iter().flatten() {
            if let Value::Amount(a) = fact.value() {
                *units.entry(a.unit()).or_default() += 1;
            }
        }
        let unit = units
            .iter()
            .max_by_key(|(unit, n)| (**n, **unit == Unit::WanYuan))
            .map_or(Unit::WanYuan, |(unit, _)| *unit);
        let text = self.reader.span(0..usize::MAX);
        let mut facts = std::mem::take(&mut self.reader.facts);
        facts.shrink_to_fit();
        Read {
            unit,
            year,
            department: self.department.into_values().next(),
            units: self.units,
            divisions: std::mem::take(&mut self.reader.divisions),
            indicators: std::mem::take(&mut self.reader.indicators),
            diagnostics: std::mem::take(&mut self.reader.diagnostics),
            facts,
            start: self.reader.span(0..0),
            has_text: text.end > text.start,
        }
    }
}

impl Read {
    /// The disclosure of what was read, and the diagnostics.
    fn build(self) -> ParsedReport {
        let Read {
            unit,
            year,
            department,
            units,
            divisions,
            indicators,
            mut diagnostics,
            mut facts,
            start,
            has_text,
        } = self;
        let mut disclosure = Disclosure::new(unit);
        disclosure.set_fiscal_year(year.and_then(|y| FiscalYear::new(y).ok()));
        disclosure.set_department(department);
        *disclosure.units_mut() = units;
        *disclosure.divisions_mut() = divisions;
        *disclosure.indicators_mut() = indicators;
        let any = facts.iter().any(Option::is_some);
        // The disclosure keeps its facts in schema order (the order of `FactId`) and
        // appends at the end without a search: inserting in that order, rather than in
        // document order, saves a search and a shift per fact. Restatements of one id
        // keep their document order, and so do diagnostics.
        // (Keys with their document index are distinct: an unstable sort of them is
        // that stable sort, and cheap.)
        let mut order: Vec<_> = facts
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.as_ref().map(|(id, _)| (id.key(), i)))
            .collect();
        order.sort_unstable();
        disclosure.reserve(order.len());
        let mut rejected: Vec<(usize, Diagnostic)> = Vec::new();
        for (_, i) in order {
            let Some((id, fact)) = facts.get_mut(i).and_then(Option::take) else {
                continue;
            };
            let span = fact.span();
            if let Err(e) = disclosure.insert(id, fact) {
                rejected.push((
                    i,
                    Diagnostic {
                        level: DiagnosticLevel::Warning,
                        message: e.to_string(),
                        span: span.unwrap_or(start),
                    },
                ));
            }
        }
        rejected.sort_by_key(|(i, _)| *i);
        diagnostics.extend(rejected.into_iter().map(|(_, d)| d));
        if !any && has_text {
            diagnostics.push(Diagnostic {
                level: DiagnosticLevel::Warning,
                message: "no sentence of a 部门决算 report was recognised: the disclosure is empty"
                    .to_owned(),
                span: start,
            });
        }
        ParsedReport {
            disclosure,
            diagnostics,
        }
    }
}

/// Whether a paragraph states a figure other than a year (编制范围包括各级预算单位1个…
/// 年末人数14人): then it is read as sentences, not as a list of unit names.
fn counts_something(p: &str) -> bool {
    let mut digits = 0;
    for (i, c) in p.char_indices() {
        if c.is_ascii_digit() {
            digits += 1;
            continue;
        }
        let is_year = digits == 4 && c == '年';
        if digits > 0 && !is_year {
            return true;
        }
        digits = 0;
        let _ = i;
    }
    digits > 0
}

/// Whether the text after `YYYY` continues as a date (年9月, 年12月31日).
fn is_date(after: &str) -> bool {
    let Some(rest) = after.strip_prefix('年') else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && rest.get(digits..).is_some_and(|r| r.starts_with('月'))
}

/// Whether a unit name ends as names of units do (…局, …中心, …（本级）).
fn ends_name(name: &str) -> bool {
    name.ends_with([
        '局', '队', '心', '院', '所', '校', '站', '部', '委', '办', '会', '处', '室', '馆', '团',
        '社', '厅', '司', '组', '场', '园', '级', '）', '厂', '库', '台', '署', '宫', '庭',
    ])
}

fn count(year: i32) -> u64 {
    u64::try_from(year).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(
            heading("第二部分部门决算情况说明").map(|h| h.0),
            Some(Level::Part)
        );
        assert_eq!(
            heading("十一、预算绩效的情况说明").map(|h| h.0),
            Some(Level::Section)
        );
        assert_eq!(
            heading("（一）“三公”经费财政拨款支出决算总体情况说明。").map(|h| h.0),
            Some(Level::Sub)
        );
        assert_eq!(
            heading("二、部门决算单位构成（仅有一个单位的部门，本部分内容为“机构设置”）")
                .map(|h| h.0),
            Some(Level::Section)
        );
        assert!(heading("一、财政拨款收入：指同级财政当年拨付的资金。").is_none());
        assert!(heading("一是高效完成").is_none());
        assert!(heading("第三部分上海市XX局2024年度部门决算情况说明").is_some());
        assert!(heading("一、收入12.00万元").is_none());
    }

    #[test]
    fn markers() {
        assert_eq!(item_marker("1、教育支出"), "1、".len());
        assert_eq!(item_marker("12、教育"), "12、".len());
        assert_eq!(item_marker("（3）教育"), "（3）".len());
        assert_eq!(item_marker("1.74%"), 0);
        assert_eq!(item_marker("2024年"), 0);
    }
}
