//! Reading the nine tables (部门决算表) from page-layout text.
//!
//! `pdftotext -layout` keeps a table's columns by position. [`read_tables`]
//! finds each of the nine tables by its title (numbered or not, with its
//! variant names), reads its unit and column headers, splits the two-sided
//! T1 and T4 (收入 | 支出) by position, and reads every row: its code (类, 款
//! or 项, also when split over three columns), its name (however the layout
//! wrapped it) and its figures. A table that runs over several pages is
//! joined; a table declared empty ("本表无数据") is recorded as such.
//!
//! Every cell becomes a fact in the same fact-id space as the narrative, with
//! the [`Span`] of its figure (page, line, column): a cell
//! printed empty becomes [`Value::Blank`], which is not
//! a zero. A row or cell that cannot be read with certainty (a figure that
//! falls between two columns, a label the lexicon does not know, a code
//! that is no code) becomes a [`Diagnostic`], never a
//! fact: a table read wrong would make the audit report false errors.
//!
//! ```
//! use juesuan::{render::TableId, table::read_tables};
//!
//! let layout = "\
//! \u{c}                         财政拨款“三公”经费支出决算表
//!                                                           单位：万元
//!          合计         因公出国（境）费    公务用车购置及运行维护费               公务接待费
//!                                         小计      购置费    运行维护费
//!    预算数    决算数    预算数    决算数   预算数   决算数   预算数   决算数   预算数   决算数   预算数   决算数
//!      2.85     0.39     0.00     0.00     0.00     0.00     0.00     0.00     0.00     0.00     2.85     0.39
//! 注：本表反映部门本年度“三公”经费支出预决算情况。";
//! let read = read_tables(layout);
//! let t9 = read.table(TableId::T9).unwrap();
//! assert_eq!(t9.cells().count(), 12);
//! let facts = read.facts();
//! let (id, fact) = facts.iter().find(|(id, _)| id.as_str() == "three_public.reception").unwrap();
//! assert_eq!(fact.value().to_string(), "0.39万元");
//! assert_eq!(fact.span().map(|s| (s.page_number(), s.line)), Some((Some(2), 6)));
//! # let _ = id;
//! ```

mod columns;
mod economic;
mod find;
mod function;
mod layout;
mod merge;
mod names;
mod sided;
mod three;

pub use merge::{ReadReport, read_layout};

use crate::amount::{Amount, Unit};
use crate::disclosure::{Fact, Value};
use crate::fact::FactId;
use crate::render::{Cell, Row, Table, TableId};
use crate::span::Span;
use crate::text::{Diagnostic, DiagnosticLevel};

use layout::{Line, Token};

/// One cell as read: the fact it states, its value (an amount, or
/// [`Value::Blank`] for a cell printed empty) and where it is.
///
/// ```
/// use juesuan::{render::TableId, disclosure::Value, table::read_tables};
///
/// let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
/// let t3 = read.table(TableId::T3).unwrap();
/// let basic = t3.cells().find(|c| c.fact().as_str() == "expenditure.function.2013999.basic").unwrap();
/// assert!(basic.is_blank());
/// assert_eq!(basic.value(), &Value::Blank);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadCell {
    fact: FactId,
    value: Value,
    span: Span,
}

impl ReadCell {
    /// The fact the cell states.
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// let first = read.table(TableId::T2).unwrap().cells().next().unwrap();
    /// assert_eq!(first.fact().as_str(), "revenue.current_year");
    /// ```
    pub fn fact(&self) -> &FactId {
        &self.fact
    }

    /// The value: an amount, or [`Value::Blank`].
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// let first = read.table(TableId::T2).unwrap().cells().next().unwrap();
    /// assert_eq!(first.value().to_string(), "307.82万元");
    /// ```
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// Where the figure is (for a blank cell, where it would be).
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// let layout = include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt");
    /// let read = read_tables(layout);
    /// let first = read.table(TableId::T2).unwrap().cells().next().unwrap();
    /// assert_eq!(first.span().describe(layout), "page 6, line 8:29");
    /// ```
    pub fn span(&self) -> Span {
        self.span
    }

    /// Whether the cell is printed empty.
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// let t2 = read.table(TableId::T2).unwrap();
    /// assert_eq!(t2.cells().filter(|c| c.is_blank()).count(), 90);
    /// ```
    pub fn is_blank(&self) -> bool {
        self.value == Value::Blank
    }
}

/// One row as read: its code (科目编码) if it has one, its name as printed
/// (wrapped lines joined), and one cell per column of the table (`None`
/// where the row has no such column, as the 收入 rows of T4 beyond 决算数).
///
/// ```
/// # use juesuan::{render::TableId, table::read_tables};
/// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
/// let t4 = read.table(TableId::T4).unwrap();
/// let first = &t4.rows()[0];
/// assert_eq!(first.name(), "一、一般公共预算财政拨款");
/// assert!(first.cells()[0].is_some() && first.cells()[1].is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadRow {
    code: Option<String>,
    name: String,
    cells: Vec<Option<ReadCell>>,
    /// The name stated as a fact (`<prefix><code>.name`), when it was read
    /// with certainty.
    name_fact: Option<(FactId, String, Span)>,
}

impl ReadRow {
    /// The classification code, if the row has one.
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// let codes: Vec<_> = read.table(TableId::T6).unwrap().rows().iter().filter_map(|r| r.code()).take(2).collect();
    /// assert_eq!(codes, ["301", "30101"]);
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The name as printed (spaces and line breaks inside it removed).
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// let row = read.table(TableId::T6).unwrap().rows().iter().find(|r| r.code() == Some("31007")).unwrap();
    /// assert_eq!(row.name(), "信息网络及软件购置更新");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The cells, one per column.
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// let t5 = read.table(TableId::T5).unwrap();
    /// assert!(t5.rows().iter().all(|r| r.cells().len() == 3));
    /// ```
    pub fn cells(&self) -> &[Option<ReadCell>] {
        &self.cells
    }
}

/// One of the nine tables as read from the layout.
///
/// ```
/// use juesuan::{render::TableId, table::read_tables};
///
/// let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
/// let t5 = read.table(TableId::T5).unwrap();
/// assert_eq!(t5.pages(), (12, 12));
/// assert_eq!(t5.rows()[0].code(), Some("201"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadTable {
    id: TableId,
    title: String,
    unit: Unit,
    pages: (u32, u32),
    columns: Vec<String>,
    rows: Vec<ReadRow>,
    note: Option<String>,
    note_span: Option<Span>,
}

impl ReadTable {
    /// Which of the nine tables it is.
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// assert_eq!(read.tables()[0].id(), TableId::T1);
    /// ```
    pub fn id(&self) -> TableId {
        self.id
    }

    /// The title as printed (without spaces).
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// assert_eq!(read.tables()[0].title(), "收入支出决算总表");
    /// ```
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The unit of its figures (单位).
    ///
    /// ```
    /// # use juesuan::{render::TableId, Unit, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// assert_eq!(read.tables()[0].unit(), Unit::WanYuan);
    /// ```
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The first and last page it is printed on.
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// assert_eq!(read.table(TableId::T2).unwrap().pages(), (6, 7));
    /// ```
    pub fn pages(&self) -> (u32, u32) {
        self.pages
    }

    /// The column headings of the cells (the official ones).
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// assert_eq!(read.table(TableId::T5).unwrap().columns(), ["合计", "基本支出", "项目支出"]);
    /// ```
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The rows read with certainty, in printed order.
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// assert_eq!(read.table(TableId::T9).unwrap().rows().len(), 0);
    /// ```
    pub fn rows(&self) -> &[ReadRow] {
        &self.rows
    }

    /// The note that declares the table empty ("…故本表无数据"), if any.
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// assert!(read.table(TableId::T7).unwrap().note().unwrap().ends_with("故本表无数据。"));
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// Whether no cell was read.
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// assert!(read.table(TableId::T8).unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.cells().next().is_none()
    }

    /// Every cell, row by row.
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// let t6 = read.table(TableId::T6).unwrap();
    /// assert!(t6.cells().all(|c| !c.is_blank()));
    /// ```
    pub fn cells(&self) -> impl Iterator<Item = &ReadCell> {
        self.rows.iter().flat_map(|r| r.cells.iter().flatten())
    }

    /// The table as the renderers take it, to write what was read as text,
    /// Markdown or CSV (see [`Table`]).
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// let md = read.table(TableId::T5).unwrap().to_table().to_markdown();
    /// assert!(md.contains("| 2013999 | 其他社会工作事务支出 | 202.24 |  | 202.24 |"));
    /// ```
    pub fn to_table(&self) -> Table {
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let mut row = Row::new(r.code.clone(), &r.name, self.columns.len());
                for (i, cell) in r.cells.iter().enumerate() {
                    if let Some(c) = cell {
                        row.set_cell(i, Cell::stated(c.fact.clone(), &c.value));
                    }
                }
                row
            })
            .collect();
        Table::read(
            self.id,
            self.columns.clone(),
            rows,
            self.note.clone(),
            self.unit,
        )
    }
}

/// What [`read_tables`] read: the tables, and what it could not read.
///
/// ```
/// let read = juesuan::table::read_tables("no tables here");
/// assert!(read.tables().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableReading {
    tables: Vec<ReadTable>,
    diagnostics: Vec<Diagnostic>,
}

impl TableReading {
    /// The tables found, in document order.
    ///
    /// ```
    /// # use juesuan::table::read_tables;
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// assert_eq!(read.tables().len(), 9);
    /// ```
    pub fn tables(&self) -> &[ReadTable] {
        &self.tables
    }

    /// The table `id`, if found.
    ///
    /// ```
    /// # use juesuan::{render::TableId, table::read_tables};
    /// assert!(read_tables("").table(TableId::T1).is_none());
    /// ```
    pub fn table(&self, id: TableId) -> Option<&ReadTable> {
        self.tables.iter().find(|t| t.id == id)
    }

    /// Rows and cells that could not be read with certainty, in document
    /// order.
    ///
    /// ```
    /// # use juesuan::table::read_tables;
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// assert!(read.diagnostics().iter().all(|d| d.level == juesuan::text::DiagnosticLevel::Note));
    /// ```
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Every cell as a fact, and the notes of tables declared empty, with
    /// their spans. The detail tables come first (T2, T3, T5, T6, T7, T8,
    /// T9), then the summaries that restate them (T1, T4), so that a figure
    /// stated in both is first the detail table's.
    ///
    /// ```
    /// # use juesuan::table::read_tables;
    /// # let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
    /// let facts = read.facts();
    /// assert!(facts.iter().any(|(id, f)| id.as_str() == "revenue.current_year"
    ///     && f.value().to_string() == "307.82万元"));
    /// ```
    pub fn facts(&self) -> Vec<(FactId, Fact)> {
        const ORDER: [TableId; 9] = [
            TableId::T2,
            TableId::T3,
            TableId::T5,
            TableId::T6,
            TableId::T7,
            TableId::T8,
            TableId::T9,
            TableId::T1,
            TableId::T4,
        ];
        let mut out = Vec::new();
        for id in ORDER {
            for t in self.tables.iter().filter(|t| t.id == id) {
                for r in &t.rows {
                    for c in r.cells.iter().flatten() {
                        out.push((
                            c.fact.clone(),
                            Fact::new(c.value.clone()).with_span(Some(c.span)),
                        ));
                    }
                    if let Some((id, name, span)) = &r.name_fact {
                        out.push((
                            id.clone(),
                            Fact::new(Value::Text(name.clone())).with_span(Some(*span)),
                        ));
                    }
                }
                if let (Some(note), Some((id, span))) = (&t.note, note_fact(t)) {
                    out.push((id, Fact::new(Value::Text(note.clone())).with_span(span)));
                }
            }
        }
        out
    }
}

/// The fact a table's empty note states, and where.
fn note_fact(t: &ReadTable) -> Option<(FactId, Option<Span>)> {
    let id = match t.id {
        TableId::T7 => "government_fund.note",
        TableId::T8 => "state_capital.note",
        TableId::T9 => "three_public.note",
        _ => return None,
    };
    Some((FactId::new(id).ok()?, t.note_span))
}

/// Reads the nine tables from page-layout text (`pdftotext -layout`): every
/// cell becomes a fact with its span (page, line, column); what cannot be
/// read with certainty becomes a diagnostic. Never panics; linear in the
/// text.
///
/// ```
/// use juesuan::{render::TableId, table::read_tables};
///
/// let read = read_tables(include_str!("../../tests/fixtures/putuo-social-work-2024.layout.txt"));
/// let t1 = read.table(TableId::T1).unwrap();
/// let total = t1.rows().iter().find(|r| r.name() == "总计").unwrap();
/// let cell = total.cells()[0].as_ref().unwrap();
/// assert_eq!(cell.fact().as_str(), "revenue.total");
/// assert_eq!(cell.span().page_number(), Some(5));
/// ```
#[doc(alias = "读表")]
pub fn read_tables(layout: &str) -> TableReading {
    let lines = layout::lines(layout);
    let mut out = TableReading::default();
    for region in find::regions(&lines) {
        let mut diags = Vec::new();
        let read = read_region(&lines, &region, &mut diags);
        out.diagnostics.append(&mut diags);
        if let Some(t) = read {
            out.tables.push(t);
        }
    }
    out
}

fn read_region(
    lines: &[Line<'_>],
    region: &find::Region,
    diags: &mut Vec<Diagnostic>,
) -> Option<ReadTable> {
    let title_line = lines.get(region.title_line)?;
    let Some((_, unit)) = region.unit else {
        diags.push(diagnostic(
            DiagnosticLevel::Warning,
            format!(
                "{}: no unit line (单位：万元 or 元) under the title; the table is not read",
                region.id.title()
            ),
            title_line.span_at(0),
        ));
        return None;
    };
    let body = lines.get(region.lines.clone()).unwrap_or_default();
    let mut cx = Context {
        id: region.id,
        unit,
        diags,
    };
    let (columns, rows) = match region.id {
        TableId::T1 | TableId::T4 => sided::read(&mut cx, body),
        TableId::T6 => economic::read(&mut cx, body),
        TableId::T9 => three::read(&mut cx, body),
        _ => function::read(&mut cx, body),
    };
    let notes = lines.get(region.notes.clone()).unwrap_or_default();
    let empty = notes.iter().chain(body).find(|l| declares_empty(l));
    let last_page = body
        .iter()
        .rev()
        .find(|l| !l.is_blank())
        .map_or(title_line.page, |l| l.page);
    Some(ReadTable {
        id: region.id,
        title: find::title_of(title_line)
            .map(|id| id.title().to_owned())
            .unwrap_or_else(|| region.title.clone()),
        unit,
        pages: (title_line.page, last_page),
        columns,
        rows,
        note: empty.map(|l| note_text(l)),
        note_span: empty.and_then(|l| l.tokens.first().map(|t| l.span(t))),
    })
}

/// Whether a line declares its table empty.
fn declares_empty(line: &Line<'_>) -> bool {
    if !line.text.contains('据') && !line.text.contains('空') {
        return false;
    }
    let c = line.compact();
    c.contains("本表无数据")
        || c.contains("本表为空")
        || (c.starts_with("说明") && c.contains("无数据"))
}

/// The note without its "说明：".
fn note_text(line: &Line<'_>) -> String {
    let c = line.compact();
    c.strip_prefix("说明：")
        .or_else(|| c.strip_prefix("说明:"))
        .unwrap_or(&c)
        .to_owned()
}

/// What the readers share: the table, its unit, the diagnostics.
pub(crate) struct Context<'d> {
    pub id: TableId,
    pub unit: Unit,
    pub diags: &'d mut Vec<Diagnostic>,
}

impl Context<'_> {
    /// A note about something not read.
    pub fn note(&mut self, message: impl Into<String>, span: Span) {
        let message = format!("{}: {}", self.id.title(), message.into());
        self.diags
            .push(diagnostic(DiagnosticLevel::Note, message, span));
    }

    /// A warning about a row or cell not read.
    pub fn warn(&mut self, message: impl Into<String>, span: Span) {
        let message = format!("{}: {}", self.id.title(), message.into());
        self.diags
            .push(diagnostic(DiagnosticLevel::Warning, message, span));
    }

    /// A cell stating `token`'s figure as `fact`.
    pub fn figure(&mut self, line: &Line<'_>, token: &Token<'_>, fact: &str) -> Option<ReadCell> {
        let fact = FactId::new(fact).ok()?;
        match Amount::parse_in(token.text, self.unit) {
            Ok(a) => Some(ReadCell {
                fact,
                value: Value::Amount(a),
                span: line.span(token),
            }),
            Err(e) => {
                self.warn(
                    format!("figure “{}” not read: {e}", token.text),
                    line.span(token),
                );
                None
            }
        }
    }

    /// A cell printed empty for `fact`, at column `x` of `line`.
    pub fn blank(line: &Line<'_>, x: u32, fact: &str) -> Option<ReadCell> {
        Some(ReadCell {
            fact: FactId::new(fact).ok()?,
            value: Value::Blank,
            span: line.span_at(x),
        })
    }
}

pub(crate) fn diagnostic(level: DiagnosticLevel, message: String, span: Span) -> Diagnostic {
    Diagnostic {
        level,
        message,
        span,
    }
}
