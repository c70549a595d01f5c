//! The nine tables, filled from whatever a [`Disclosure`] states, and their
//! printers: aligned plain text (CJK-width aware), Markdown, and CSV in a long
//! layout.

#![deny(clippy::arithmetic_side_effects)]

use std::fmt::{self, Write as _};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::amount::{Amount, Percent, round_half_away_from_zero};
use crate::audit::SUM_IDENTITIES;
use crate::code::{Catalog, CodeLevel, EconomicCode, FunctionCode};
use crate::disclosure::{Disclosure, Value};
use crate::fact::FactId;
use crate::span::display_width;

/// The nine standard tables of a 部门决算, in the order of the 2024 template
/// for the narrative's numbering (T1…T9).
///
/// ```
/// use juesuan::render::TableId;
/// assert_eq!(TableId::T5.title(), "一般公共预算财政拨款支出决算表");
/// assert_eq!(TableId::ALL.len(), 9);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[doc(alias = "附表")]
pub enum TableId {
    /// 收入支出决算总表.
    T1,
    /// 收入决算表.
    T2,
    /// 支出决算表.
    T3,
    /// 财政拨款收入支出决算总表.
    T4,
    /// 一般公共预算财政拨款支出决算表.
    T5,
    /// 一般公共预算财政拨款基本支出决算表.
    T6,
    /// 政府性基金预算财政拨款收入支出决算表.
    T7,
    /// 国有资本经营预算财政拨款收入支出决算表.
    T8,
    /// 财政拨款“三公”经费支出决算表.
    T9,
}

impl TableId {
    /// All nine, in order.
    ///
    /// ```
    /// assert_eq!(juesuan::render::TableId::ALL[0], juesuan::render::TableId::T1);
    /// ```
    pub const ALL: [TableId; 9] = [
        TableId::T1,
        TableId::T2,
        TableId::T3,
        TableId::T4,
        TableId::T5,
        TableId::T6,
        TableId::T7,
        TableId::T8,
        TableId::T9,
    ];

    /// The official title.
    ///
    /// ```
    /// assert_eq!(juesuan::render::TableId::T9.title(), "财政拨款“三公”经费支出决算表");
    /// ```
    pub const fn title(self) -> &'static str {
        match self {
            TableId::T1 => "收入支出决算总表",
            TableId::T2 => "收入决算表",
            TableId::T3 => "支出决算表",
            TableId::T4 => "财政拨款收入支出决算总表",
            TableId::T5 => "一般公共预算财政拨款支出决算表",
            TableId::T6 => "一般公共预算财政拨款基本支出决算表",
            TableId::T7 => "政府性基金预算财政拨款收入支出决算表",
            TableId::T8 => "国有资本经营预算财政拨款收入支出决算表",
            TableId::T9 => "财政拨款“三公”经费支出决算表",
        }
    }

    /// The short id, "T1"…"T9".
    ///
    /// ```
    /// assert_eq!(juesuan::render::TableId::T4.as_str(), "T4");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            TableId::T1 => "T1",
            TableId::T2 => "T2",
            TableId::T3 => "T3",
            TableId::T4 => "T4",
            TableId::T5 => "T5",
            TableId::T6 => "T6",
            TableId::T7 => "T7",
            TableId::T8 => "T8",
            TableId::T9 => "T9",
        }
    }

    /// The table with short id `s` ("T1"…"T9").
    ///
    /// ```
    /// assert_eq!(juesuan::render::TableId::from_id("T9"), Some(juesuan::render::TableId::T9));
    /// ```
    pub fn from_id(s: &str) -> Option<TableId> {
        TableId::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl fmt::Display for TableId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A table id that is not "T1"…"T9".
///
/// ```
/// let err = "T10".parse::<juesuan::render::TableId>().unwrap_err();
/// assert_eq!(err.to_string(), r#"expected a table id T1 to T9, but found "T10""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a table id T1 to T9, but found {input:?}")]
pub struct UnknownTable {
    /// The text as given.
    pub input: String,
}

impl std::str::FromStr for TableId {
    type Err = UnknownTable;

    /// Reads the short id ("T1"…"T9", as [`TableId::as_str`] writes it).
    ///
    /// ```
    /// assert_eq!("T5".parse::<juesuan::render::TableId>()?, juesuan::render::TableId::T5);
    /// # Ok::<(), juesuan::render::UnknownTable>(())
    /// ```
    fn from_str(s: &str) -> Result<TableId, UnknownTable> {
        TableId::from_id(s).ok_or_else(|| UnknownTable {
            input: s.to_owned(),
        })
    }
}

impl Serialize for TableId {
    /// The short id, "T1"…"T9".
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for TableId {
    /// Reads the short id, "T1"…"T9".
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<TableId, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// One cell: the printed figure and the fact it shows (none for a figure
/// derived for display, such as last year = this year − change).
///
/// ```
/// use juesuan::render::Cell;
/// let c = Cell::derived("65,909.05");
/// assert_eq!(c.text(), "65,909.05");
/// assert!(c.fact().is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    text: String,
    plain: String,
    fact: Option<FactId>,
}

impl Cell {
    /// A cell showing `value`, stated as fact `id`.
    ///
    /// ```
    /// use juesuan::{render::Cell, FactId, disclosure::Value};
    /// let c = Cell::stated(FactId::new("staff.total")?, &Value::Count(1785));
    /// assert_eq!(c.text(), "1785");
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn stated(id: FactId, value: &Value) -> Cell {
        let text = match value {
            Value::Amount(a) => a.printed(),
            Value::Percent(p) => percent_text(*p),
            other => other.plain(),
        };
        Cell {
            text,
            plain: value.plain(),
            fact: Some(id),
        }
    }

    /// A cell derived for display.
    ///
    /// ```
    /// assert_eq!(juesuan::render::Cell::derived("x").plain(), "x");
    /// ```
    pub fn derived(text: &str) -> Cell {
        Cell {
            text: text.to_owned(),
            plain: text.replace(',', ""),
            fact: None,
        }
    }

    /// The figure as printed (thousands separators, "%").
    ///
    /// ```
    /// assert_eq!(juesuan::render::Cell::derived("1,000.00").text(), "1,000.00");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The figure without separators, as CSV and JSON carry it.
    ///
    /// ```
    /// assert_eq!(juesuan::render::Cell::derived("1,000.00").plain(), "1000.00");
    /// ```
    pub fn plain(&self) -> &str {
        &self.plain
    }

    /// The fact the cell shows, if it is stated.
    ///
    /// ```
    /// assert!(juesuan::render::Cell::derived("1").fact().is_none());
    /// ```
    pub fn fact(&self) -> Option<&FactId> {
        self.fact.as_ref()
    }
}

/// A rate as tables print it: at least two decimals ("-100%" is shown as
/// "-100.00%", the same value), more when it was stated with more.
fn percent_text(p: Percent) -> String {
    if p.decimals() >= 2 {
        return p.to_string();
    }
    let mut v = p.value();
    v.rescale(2);
    if v == p.value() {
        Percent::new(v).to_string()
    } else {
        p.to_string()
    }
}

/// One row: an optional classification code, a name, one cell per column.
///
/// ```
/// use juesuan::render::Row;
/// let r = Row::new(Some("205".into()), "教育支出", 3);
/// assert_eq!(r.cells().len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    code: Option<String>,
    name: String,
    cells: Vec<Option<Cell>>,
}

impl Row {
    /// An empty row with `columns` cells.
    ///
    /// ```
    /// let r = juesuan::render::Row::new(None, "本年收入合计", 1);
    /// assert_eq!(r.name(), "本年收入合计");
    /// ```
    pub fn new(code: Option<String>, name: &str, columns: usize) -> Row {
        Row {
            code,
            name: name.to_owned(),
            cells: vec![None; columns],
        }
    }

    /// The classification code (科目编码), if the row has one.
    ///
    /// ```
    /// assert_eq!(juesuan::render::Row::new(Some("205".into()), "教育支出", 1).code(), Some("205"));
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The row's name (项目 / 科目名称).
    ///
    /// ```
    /// assert_eq!(juesuan::render::Row::new(None, "合计", 1).name(), "合计");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The cells, one per column; `None` where the report states nothing.
    ///
    /// ```
    /// assert!(juesuan::render::Row::new(None, "合计", 2).cells()[0].is_none());
    /// ```
    pub fn cells(&self) -> &[Option<Cell>] {
        &self.cells
    }

    /// Sets the cell of `column` (for tables read from a document).
    pub(crate) fn set_cell(&mut self, column: usize, cell: Cell) {
        self.set(column, Some(cell));
    }

    fn set(&mut self, column: usize, cell: Option<Cell>) {
        if let Some(slot) = self.cells.get_mut(column) {
            *slot = cell;
        }
    }

    fn is_empty(&self) -> bool {
        self.cells.iter().all(Option::is_none)
    }
}

/// A table filled from a disclosure.
///
/// ```
/// use juesuan::{Disclosure, render::TableId, render::tables};
///
/// let mut d = Disclosure::default();
/// d.insert_str("three_public.total", "181.58")?;
/// let t9 = tables(&d).into_iter().find(|t| t.id() == TableId::T9).unwrap();
/// assert!(t9.to_text().contains("181.58"));
/// # Ok::<(), juesuan::fact::FactError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    id: TableId,
    columns: Vec<String>,
    rows: Vec<Row>,
    note: Option<String>,
    fiscal_year: Option<i32>,
    department: Option<String>,
    unit: String,
    /// For a two-sided table: each printed line's 收入 row and 支出 row.
    #[serde(skip_serializing_if = "Option::is_none")]
    sides: Option<Vec<[Option<usize>; 2]>>,
}

impl fmt::Display for Table {
    /// The table as aligned text ([`Table::to_text`]).
    ///
    /// ```
    /// use juesuan::{Disclosure, render::TableId, render::tables};
    ///
    /// let mut d = Disclosure::default();
    /// d.insert_str("three_public.total", "181.58")?;
    /// let t9 = tables(&d).into_iter().find(|t| t.id() == TableId::T9).unwrap();
    /// assert_eq!(t9.to_string(), t9.to_text());
    /// assert_eq!(serde_json::to_value(&t9)?["id"], "T9");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

impl Table {
    /// A table as read from a document: its columns and rows as printed.
    pub(crate) fn read(
        id: TableId,
        columns: Vec<String>,
        rows: Vec<Row>,
        note: Option<String>,
        unit: crate::amount::Unit,
    ) -> Table {
        Table {
            id,
            columns,
            rows,
            note,
            fiscal_year: None,
            department: None,
            unit: unit.label().to_owned(),
            sides: None,
        }
    }

    /// Which of the nine tables this is.
    ///
    /// ```
    /// # use juesuan::{Disclosure, render::TableId, render::tables};
    /// assert_eq!(tables(&Disclosure::default())[0].id(), TableId::T7);
    /// ```
    pub fn id(&self) -> TableId {
        self.id
    }

    /// The column headings of the figures (after 科目编码 and 项目).
    ///
    /// ```
    /// # use juesuan::{Disclosure, render::tables};
    /// assert_eq!(tables(&Disclosure::default())[0].columns()[0], "年初结转和结余");
    /// ```
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The rows that state at least one figure.
    ///
    /// ```
    /// # use juesuan::{Disclosure, render::tables};
    /// assert!(tables(&Disclosure::default())[0].rows().is_empty());
    /// ```
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The note under the table ("本表无数据" for an empty T7/T8).
    ///
    /// ```
    /// # use juesuan::{Disclosure, render::tables};
    /// assert!(tables(&Disclosure::default())[0].note().unwrap().contains("本表无数据"));
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// For a two-sided table (T1, 收入 | 支出, as published), each printed
    /// line: the index in [`Table::rows`] of its 收入 row and of its 支出
    /// row (`None` for a blank side). The totals pair up as published:
    /// 本年收入合计 beside 本年支出合计, …, 总计 beside 总计.
    ///
    /// ```
    /// use juesuan::{Disclosure, render::TableId, render::tables};
    ///
    /// let mut d = Disclosure::default();
    /// d.insert_str("revenue.total", "10.00")?;
    /// d.insert_str("expenditure.total", "10.00")?;
    /// let t1 = tables(&d).into_iter().find(|t| t.id() == TableId::T1).unwrap();
    /// assert_eq!(t1.sides(), Some(&[[Some(0), Some(1)]][..]));
    /// assert!(t1.to_text().lines().any(|l| l.starts_with("总计") && l.contains("10.00  总计")));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn sides(&self) -> Option<&[[Option<usize>; 2]]> {
        self.sides.as_deref()
    }

    /// Whether the table states no figure.
    ///
    /// ```
    /// # use juesuan::{Disclosure, render::tables};
    /// assert!(tables(&Disclosure::default())[0].is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn has_codes(&self) -> bool {
        self.rows.iter().any(|r| r.code.is_some())
    }

    /// What the printers lay out: header lines, body lines, and which
    /// columns hold text (aligned left) rather than figures.
    fn grid(&self) -> Grid {
        let codes = self.has_codes();
        let line = |r: &Row| {
            let mut line = Vec::new();
            if codes {
                line.push(r.code.clone().unwrap_or_default());
            }
            line.push(r.name.clone());
            line.extend(
                r.cells
                    .iter()
                    .map(|c| c.as_ref().map_or_else(String::new, |c| c.text.clone())),
            );
            line
        };
        let mut side = Vec::new();
        if codes {
            side.push("科目编码".to_owned());
        }
        side.push("项目".to_owned());
        side.extend(self.columns.iter().cloned());
        let width = side.len();
        let mut text: Vec<bool> = (0..width).map(|i| i < if codes { 2 } else { 1 }).collect();
        let Some(sides) = &self.sides else {
            return Grid {
                header: vec![side],
                body: self.rows.iter().map(line).collect(),
                text,
            };
        };
        let mut over = vec![String::new(); width.saturating_mul(2)];
        if let Some(o) = over.get_mut(0) {
            "收入".clone_into(o);
        }
        if let Some(o) = over.get_mut(width) {
            "支出".clone_into(o);
        }
        let half = |i: Option<usize>| {
            i.and_then(|i| self.rows.get(i))
                .map_or_else(|| vec![String::new(); width], line)
        };
        let body = sides
            .iter()
            .map(|[l, r]| {
                let mut both = half(*l);
                both.extend(half(*r));
                both
            })
            .collect();
        text.extend(text.clone());
        let mut names = side.clone();
        names.extend(side);
        Grid {
            header: vec![over, names],
            body,
            text,
        }
    }

    /// The table as aligned plain text: title, unit, header, rows, note.
    /// Names align left, figures right, by terminal display width (CJK
    /// characters count two columns).
    ///
    /// ```
    /// # use juesuan::{Disclosure, render::TableId, render::tables};
    /// let mut d = Disclosure::default();
    /// d.insert_str("basic.total", "20021.91")?;
    /// let t6 = tables(&d).into_iter().find(|t| t.id() == TableId::T6).unwrap();
    /// assert!(t6.to_text().lines().any(|l| l.ends_with("20,021.91")));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn to_text(&self) -> String {
        let Grid { header, body, text } = self.grid();
        let width = |s: &str| s.chars().map(display_width).sum::<usize>();
        let mut widths: Vec<usize> = vec![0; text.len()];
        for line in header.iter().chain(&body) {
            for (w, cell) in widths.iter_mut().zip(line) {
                *w = (*w).max(width(cell));
            }
        }
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.id.title());
        let _ = writeln!(out, "单位：{}", self.unit);
        let pad = |out: &mut String, s: &str, w: usize, left: bool| {
            let fill = " ".repeat(w.saturating_sub(width(s)));
            if left {
                out.push_str(s);
                out.push_str(&fill);
            } else {
                out.push_str(&fill);
                out.push_str(s);
            }
        };
        let write_line = |out: &mut String, line: &[String]| {
            for (i, (cell, w)) in line.iter().zip(&widths).enumerate() {
                if i > 0 {
                    out.push_str("  ");
                }
                pad(out, cell, *w, text.get(i).copied().unwrap_or(false));
            }
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
            out.push('\n');
        };
        for line in &header {
            write_line(&mut out, line);
        }
        let total: usize = widths
            .iter()
            .fold(0usize, |a, w| a.saturating_add(*w))
            .saturating_add(widths.len().saturating_sub(1).saturating_mul(2));
        out.push_str(&"-".repeat(total));
        out.push('\n');
        for line in &body {
            write_line(&mut out, line);
        }
        if let Some(note) = &self.note {
            let _ = writeln!(out, "{note}");
        }
        out
    }

    /// The table as a GitHub-flavoured Markdown table under a heading.
    ///
    /// ```
    /// # use juesuan::{Disclosure, render::TableId, render::tables};
    /// let mut d = Disclosure::default();
    /// d.insert_str("basic.total", "20021.91")?;
    /// let t6 = tables(&d).into_iter().find(|t| t.id() == TableId::T6).unwrap();
    /// assert!(t6.to_markdown().contains("| 20,021.91 |"));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        let Grid {
            mut header,
            body,
            text,
        } = self.grid();
        // Markdown has one header line: a two-sided table names its sides
        // in the names of its columns.
        let over = if header.len() > 1 {
            header.remove(0)
        } else {
            Vec::new()
        };
        let header: Vec<String> = header
            .into_iter()
            .next()
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, h)| match over.get(i).filter(|o| !o.is_empty()) {
                Some(o) => format!("{h}（{o}）"),
                None => h,
            })
            .collect();
        let mut out = String::new();
        let _ = writeln!(out, "### {}\n\n单位：{}\n", self.id.title(), self.unit);
        let esc = |s: &str| s.replace('|', "\\|");
        let _ = writeln!(
            out,
            "| {} |",
            header
                .iter()
                .map(|h| esc(h))
                .collect::<Vec<_>>()
                .join(" | ")
        );
        let rule: Vec<&str> = (0..header.len())
            .map(|i| {
                if text.get(i).copied().unwrap_or(false) {
                    "---"
                } else {
                    "---:"
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", rule.join(" | "));
        for line in body {
            let _ = writeln!(
                out,
                "| {} |",
                line.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")
            );
        }
        if let Some(note) = &self.note {
            let _ = writeln!(out, "\n{note}");
        }
        out
    }

    /// The table's figures in the long CSV layout, one line per stated
    /// figure, without the header line (see [`CSV_HEADER`]).
    ///
    /// ```
    /// # use juesuan::{Disclosure, render::TableId, render::tables};
    /// let mut d = Disclosure::default();
    /// d.insert_str("basic.total", "20021.91")?;
    /// let t6 = tables(&d).into_iter().find(|t| t.id() == TableId::T6).unwrap();
    /// assert_eq!(
    ///     t6.to_csv_rows(),
    ///     ",,T6,,基本支出合计,合计,20021.91,万元,basic.total\n"
    /// );
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn to_csv_rows(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let year = self.fiscal_year.map(|y| y.to_string()).unwrap_or_default();
        let dept = self.department.clone().unwrap_or_default();
        for row in &self.rows {
            for (cell, column) in row.cells.iter().zip(&self.columns) {
                let Some(cell) = cell else {
                    continue;
                };
                let Some(fact) = &cell.fact else {
                    continue;
                };
                let unit = match fact.kind() {
                    crate::fact::FactKind::Amount => self.unit.as_str(),
                    crate::fact::FactKind::Percent => "%",
                    crate::fact::FactKind::Quantity => "平方米",
                    _ => "",
                };
                // Writing into a Vec cannot fail.
                let _ = w.write_record([
                    year.as_str(),
                    dept.as_str(),
                    self.id.as_str(),
                    row.code.as_deref().unwrap_or(""),
                    row.name.as_str(),
                    column.as_str(),
                    cell.plain.as_str(),
                    unit,
                    fact.as_str(),
                ]);
            }
        }
        let bytes = w.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

/// A table laid out for printing.
struct Grid {
    header: Vec<Vec<String>>,
    body: Vec<Vec<String>>,
    /// Per column: text (aligned left) or figures (aligned right).
    text: Vec<bool>,
}

/// The header of the long CSV layout: one line per figure.
///
/// Columns: `fiscal_year` (e.g. 2024), `department`, `table` (T1…T9),
/// `row_code` (科目编码, empty for rows without one), `row_name` (项目),
/// `column` (the column heading), `amount` (the figure as printed, without
/// separators: "74194.06"), `unit` (万元 or 元 for money, % for rates,
/// empty for counts), `fact_id` (the stable fact id, for loading back).
///
/// ```
/// assert!(juesuan::render::CSV_HEADER.starts_with("fiscal_year,department,table"));
/// ```
pub const CSV_HEADER: &str =
    "fiscal_year,department,table,row_code,row_name,column,amount,unit,fact_id";

/// All tables of a disclosure as one CSV document with [`CSV_HEADER`].
///
/// ```
/// # #![allow(deprecated)]
/// use juesuan::{Disclosure, render::tables_to_csv};
/// let mut d = Disclosure::default();
/// d.insert_str("three_public.total", "181.58")?;
/// let csv = tables_to_csv(&d);
/// assert!(csv.lines().nth(1).unwrap().contains("three_public.total"));
/// # Ok::<(), juesuan::fact::FactError>(())
/// ```
#[deprecated(
    since = "0.2.0",
    note = "use `write_csv`: any io::Write, with kind, group, level and is_total columns"
)]
pub fn tables_to_csv(report: &(impl super::Renderable + ?Sized)) -> String {
    let facts = report.facts();
    let d: &Disclosure = &facts;
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    for t in tables(d) {
        out.push_str(&t.to_csv_rows());
    }
    out
}

/// Builds rows of one table.
struct Builder<'a> {
    d: &'a Disclosure,
    table: Table,
}

impl<'a> Builder<'a> {
    fn new(d: &'a Disclosure, id: TableId, columns: &[&str]) -> Builder<'a> {
        Builder {
            d,
            table: Table {
                id,
                columns: columns.iter().map(|c| (*c).to_owned()).collect(),
                rows: Vec::new(),
                note: None,
                fiscal_year: d.fiscal_year().map(|y| y.year()),
                department: d.department().map(str::to_owned),
                unit: d.unit().label().to_owned(),
                sides: None,
            },
        }
    }

    /// The cell of fact `id`: stated, or else determined by the data.
    fn cell(&self, id: &str) -> Option<Cell> {
        let Some(f) = self.d.get(id) else {
            return derived_cell(self.d, id);
        };
        // A cell printed empty is shown empty.
        if *f.value() == Value::Blank {
            return None;
        }
        let fid = FactId::new(id).ok()?;
        Some(Cell::stated(fid, f.value()))
    }

    /// A row whose cells are the given fact ids (or none).
    fn row(&mut self, code: Option<String>, name: &str, ids: &[Option<String>]) {
        let mut row = Row::new(code, name, self.table.columns.len());
        for (i, id) in ids.iter().enumerate() {
            row.set(i, id.as_deref().and_then(|id| self.cell(id)));
        }
        if !row.is_empty() {
            self.table.rows.push(row);
        }
    }

    fn simple(&mut self, name: &str, id: &str) {
        self.row(None, name, &[Some(id.to_owned())]);
    }

    fn finish(self) -> Table {
        self.table
    }
}

fn function_name(d: &Disclosure, prefix: &str, code: FunctionCode) -> String {
    if let Some(name) = d.text(&format!("{prefix}{code}.name")) {
        return name.to_owned();
    }
    let year = d.fiscal_year().map_or(2024, |y| y.year());
    Catalog::function()
        .name_in(code, year)
        .unwrap_or_default()
        .to_owned()
}

/// Codes stated under `prefix` (first column), in table order.
fn function_codes(d: &Disclosure, prefix: &str) -> Vec<FunctionCode> {
    let mut codes: Vec<FunctionCode> = d
        .ids_with_prefix(prefix)
        .filter_map(FactId::function_code)
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

fn indent(code: FunctionCode, name: &str) -> String {
    let depth = match code.level() {
        CodeLevel::Class => 0,
        CodeLevel::Section => 1,
        _ => 2,
    };
    format!("{}{name}", "  ".repeat(depth))
}

/// Last year's figure, at the precision of the figures it comes from:
/// stated, or this year − change.
fn prior_amount(d: &Disclosure, id: &str) -> Option<Amount> {
    if let Some(a) = d.amount(&format!("{id}.prior_year")) {
        return Some(a);
    }
    let current = determined(d, id, DEPTH)?;
    let change = d.amount(&format!("{id}.change"))?;
    let change = change.to_unit(current.unit()).ok()?;
    let prior: Decimal = current.value().checked_sub(change.value())?;
    let decimals = u32::try_from(current.decimals().max(change.decimals()).max(0)).ok()?;
    Some(Amount::new(prior, current.unit()).round_to(decimals))
}

/// Last year's figure for display: stated, or this year − change.
fn prior_cell(d: &Disclosure, id: &str) -> Option<Cell> {
    if let Some(f) = d.get(&format!("{id}.prior_year")) {
        let fid = FactId::new(&format!("{id}.prior_year")).ok()?;
        return Some(Cell::stated(fid, f.value()));
    }
    prior_amount(d, id).map(|a| Cell::derived(&a.printed()))
}

/// The year-on-year rate of `id`: stated, or change ÷ last year, rounded
/// half away from zero to two decimals (none on a zero base).
fn rate_cell(d: &Disclosure, id: &str) -> Option<Cell> {
    let rate_id = format!("{id}.change_rate");
    if let Some(f) = d.get(&rate_id) {
        return Some(Cell::stated(FactId::new(&rate_id).ok()?, f.value()));
    }
    let change = d.amount(&format!("{id}.change"))?;
    let prior = prior_amount(d, id)?;
    if prior.is_zero() {
        return None;
    }
    let change = change.to_unit(prior.unit()).ok()?;
    let ratio = change
        .value()
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(prior.value())?;
    let rate = Percent::new(round_half_away_from_zero(ratio, 2));
    Some(Cell::derived(&percent_text(rate)))
}

/// How many identities deep [`determined`] looks for a figure.
const DEPTH: u8 = 2;

/// An amount the disclosure states, or one its sum identities
/// ([`SUM_IDENTITIES`]) determine from stated figures: a total from all its
/// parts, or the one missing part of a stated total (a figure two tables
/// print, like 一般公共预算财政拨款收入 in T1 and T4, is a one-part
/// identity). Looks `depth` identities deep.
fn determined(d: &Disclosure, id: &str, depth: u8) -> Option<Amount> {
    if let Some(a) = d.amount(id) {
        return a.to_unit(d.unit()).ok();
    }
    let depth = depth.checked_sub(1)?;
    let sum = |ids: &mut dyn Iterator<Item = &str>| -> Option<(Decimal, i32)> {
        let mut total = Decimal::ZERO;
        let mut decimals = 0;
        for part in ids {
            let a = determined(d, part, depth)?;
            total = total.checked_add(a.value())?;
            decimals = decimals.max(a.decimals());
        }
        Some((total, decimals))
    };
    let amount = |value: Decimal, decimals: i32| {
        let decimals = u32::try_from(decimals.max(0)).ok()?;
        Some(Amount::new(value, d.unit()).round_to(decimals))
    };
    for s in SUM_IDENTITIES.iter().filter(|s| s.total == id) {
        if let Some((value, decimals)) = sum(&mut s.parts.iter().copied()) {
            return amount(value, decimals);
        }
    }
    for s in SUM_IDENTITIES.iter().filter(|s| s.parts.contains(&id)) {
        let Some(total) = determined(d, s.total, depth) else {
            continue;
        };
        let Some((others, decimals)) = sum(&mut s.parts.iter().copied().filter(|p| *p != id))
        else {
            continue;
        };
        let value = total.value().checked_sub(others)?;
        return amount(value, decimals.max(total.decimals()));
    }
    None
}

/// A cell for a figure the disclosure does not state but determines.
fn derived_cell(d: &Disclosure, id: &str) -> Option<Cell> {
    let fid = FactId::new(id).ok()?;
    if fid.kind() != crate::fact::FactKind::Amount {
        return None;
    }
    determined(d, id, DEPTH).map(|a| Cell::derived(&a.printed()))
}

/// A table of function-code rows with the given column suffixes.
fn function_table(
    d: &Disclosure,
    id: TableId,
    prefix: &str,
    total: Option<&str>,
    columns: &[(&str, &str, Option<&str>)],
    with_change: bool,
) -> Table {
    let mut headings: Vec<&str> = columns.iter().map(|(h, _, _)| *h).collect();
    if with_change {
        headings.extend(["上年决算数", "增减额", "增减率"]);
    }
    let mut b = Builder::new(d, id, &headings);
    let n = columns.len();
    if let Some(total) = total {
        let mut row = Row::new(None, "合计", b.table.columns.len());
        for (i, (_, _, total_id)) in columns.iter().enumerate() {
            row.set(i, total_id.and_then(|t| b.cell(t)));
        }
        row.set(0, b.cell(total));
        if with_change {
            row.set(n, prior_cell(d, total));
            row.set(n.saturating_add(1), b.cell(&format!("{total}.change")));
            row.set(n.saturating_add(2), rate_cell(d, total));
        }
        if !row.is_empty() {
            b.table.rows.push(row);
        }
    }
    for code in function_codes(d, prefix) {
        let base = format!("{prefix}{code}");
        let mut row = Row::new(
            Some(code.to_string()),
            &indent(code, &function_name(d, prefix, code)),
            b.table.columns.len(),
        );
        for (i, (_, suffix, _)) in columns.iter().enumerate() {
            row.set(i, b.cell(&format!("{base}{suffix}")));
        }
        if with_change {
            row.set(n, prior_cell(d, &base));
            row.set(n.saturating_add(1), b.cell(&format!("{base}.change")));
            row.set(n.saturating_add(2), rate_cell(d, &base));
        }
        if !row.is_empty() {
            b.table.rows.push(row);
        }
    }
    b.finish()
}

/// T1 as published: 收入 lines 一 to 八 and the stated 支出 classes side by
/// side, then the totals in pairs (本年收入合计 | 本年支出合计, 使用非财政拨款结余
/// | 结余分配, 年初结转和结余 | 年末结转和结余, 总计 | 总计). Only lines that
/// state (or determine) a figure are kept.
fn t1(d: &Disclosure) -> Table {
    let mut b = Builder::new(d, TableId::T1, &["决算数"]);
    let add = |b: &mut Builder<'_>, name: &str, id: &str| {
        let before = b.table.rows.len();
        b.simple(name, id);
        (b.table.rows.len() > before).then_some(before)
    };
    let mut income = Vec::new();
    for (name, id) in [
        ("一、一般公共预算财政拨款收入", "revenue.general_budget"),
        ("二、政府性基金预算财政拨款收入", "revenue.government_fund"),
        ("三、国有资本经营预算财政拨款收入", "revenue.state_capital"),
        ("四、上级补助收入", "revenue.superior_subsidy"),
        ("五、事业收入", "revenue.business"),
        ("六、经营收入", "revenue.operating"),
        ("七、附属单位上缴收入", "revenue.affiliate_remittance"),
        ("八、其他收入", "revenue.other"),
    ] {
        income.extend(add(&mut b, name, id));
    }
    let mut classes = Vec::new();
    for code in function_codes(d, "expenditure.function.") {
        if code.level() == CodeLevel::Class {
            let name = function_name(d, "expenditure.function.", code);
            classes.extend(add(&mut b, &name, &format!("expenditure.function.{code}")));
        }
    }
    let mut lines: Vec<[Option<usize>; 2]> = (0..income.len().max(classes.len()))
        .map(|i| [income.get(i).copied(), classes.get(i).copied()])
        .collect();
    for [(left, left_id), (right, right_id)] in [
        [
            ("本年收入合计", "revenue.current_year"),
            ("本年支出合计", "expenditure.current_year"),
        ],
        [
            (
                "使用非财政拨款结余",
                "revenue.non_appropriation_balance_used",
            ),
            ("结余分配", "expenditure.surplus_distribution"),
        ],
        [
            ("年初结转和结余", "revenue.opening_balance"),
            ("年末结转和结余", "expenditure.closing_balance"),
        ],
        [("总计", "revenue.total"), ("总计", "expenditure.total")],
    ] {
        let pair = [add(&mut b, left, left_id), add(&mut b, right, right_id)];
        if pair != [None, None] {
            lines.push(pair);
        }
    }
    let mut t = b.finish();
    t.sides = Some(lines);
    t
}

fn t4(d: &Disclosure) -> Table {
    let mut b = Builder::new(
        d,
        TableId::T4,
        &[
            "合计",
            "一般公共预算财政拨款",
            "政府性基金预算财政拨款",
            "国有资本经营预算财政拨款",
        ],
    );
    let s = |x: &str| Some(x.to_owned());
    let rows: [(&str, [Option<String>; 4]); 7] = [
        (
            "年初财政拨款结转和结余",
            [
                s("appropriation.opening_balance"),
                s("general_budget.opening_balance"),
                s("government_fund.opening_balance"),
                s("state_capital.opening_balance"),
            ],
        ),
        (
            "本年财政拨款收入",
            [
                s("appropriation.revenue"),
                s("general_budget.revenue"),
                s("government_fund.revenue"),
                s("state_capital.revenue"),
            ],
        ),
        (
            "财政拨款收入总计",
            [s("appropriation.revenue_total"), None, None, None],
        ),
        (
            "本年财政拨款支出",
            [
                s("appropriation.expenditure"),
                s("general_budget.expenditure"),
                s("government_fund.expenditure"),
                s("state_capital.expenditure"),
            ],
        ),
        (
            "年末财政拨款结转和结余",
            [
                s("appropriation.closing_balance"),
                s("general_budget.closing_balance"),
                s("government_fund.closing_balance"),
                s("state_capital.closing_balance"),
            ],
        ),
        (
            "财政拨款支出总计",
            [s("appropriation.expenditure_total"), None, None, None],
        ),
        (
            "年初预算数",
            [s("appropriation.initial_budget"), None, None, None],
        ),
    ];
    for (name, ids) in rows {
        b.row(None, name, &ids);
    }
    for code in function_codes(d, "appropriation.expenditure.function.") {
        let name = indent(
            code,
            &function_name(d, "appropriation.expenditure.function.", code),
        );
        b.row(
            Some(code.to_string()),
            &name,
            &[
                Some(format!("appropriation.expenditure.function.{code}")),
                None,
                None,
                None,
            ],
        );
    }
    b.finish()
}

fn t6(d: &Disclosure) -> Table {
    let mut b = Builder::new(d, TableId::T6, &["合计"]);
    b.simple("人员经费", "basic.personnel");
    b.simple("公用经费", "basic.public");
    let mut codes: Vec<EconomicCode> = d
        .ids_with_prefix("basic.economic.")
        .filter_map(FactId::economic_code)
        .collect();
    codes.sort();
    codes.dedup();
    let year = d.fiscal_year().map_or(2024, |y| y.year());
    for code in codes {
        let name = Catalog::economic()
            .name_in(code, year)
            .unwrap_or_default()
            .to_owned();
        b.row(
            Some(code.to_string()),
            &name,
            &[Some(format!("basic.economic.{code}"))],
        );
    }
    b.simple("基本支出合计", "basic.total");
    b.finish()
}

fn fund(d: &Disclosure, id: TableId, prefix: &str, kind: &str) -> Table {
    let mut b = Builder::new(
        d,
        id,
        &[
            "年初结转和结余",
            "本年收入",
            "本年支出合计",
            "基本支出",
            "项目支出",
            "年末结转和结余",
        ],
    );
    let ids: Vec<Option<String>> = [
        "opening_balance",
        "revenue",
        "expenditure",
        "expenditure.basic",
        "expenditure.project",
        "closing_balance",
    ]
    .iter()
    .map(|s| Some(format!("{prefix}.{s}")))
    .collect();
    b.row(None, "合计", &ids);
    for code in function_codes(d, &format!("{prefix}.function.")) {
        let name = indent(
            code,
            &function_name(d, &format!("{prefix}.function."), code),
        );
        b.row(
            Some(code.to_string()),
            &name,
            &[
                None,
                None,
                Some(format!("{prefix}.function.{code}")),
                None,
                None,
                None,
            ],
        );
    }
    let mut t = b.finish();
    let all_zero = t.rows.iter().all(|r| {
        r.cells.iter().flatten().all(|c| {
            c.plain
                .trim_start_matches('-')
                .chars()
                .all(|x| x == '0' || x == '.')
        })
    });
    if all_zero {
        let who = d.department().unwrap_or("本部门");
        t.note = Some(format!(
            "说明：{who}本年度没有{kind}财政拨款收入和支出，故本表无数据。"
        ));
        t.rows.clear();
    }
    t
}

fn t9(d: &Disclosure) -> Table {
    let mut b = Builder::new(
        d,
        TableId::T9,
        &["预算数", "决算数", "上年决算数", "增减额", "增减率", "占比"],
    );
    for (name, key) in [
        ("合计", "total"),
        ("因公出国（境）费", "overseas_travel"),
        ("公务用车购置及运行维护费", "vehicles"),
        ("  其中：公务用车购置费", "vehicle_purchase"),
        ("        公务用车运行维护费", "vehicle_operation"),
        ("公务接待费", "reception"),
    ] {
        let base = format!("three_public.{key}");
        let mut row = Row::new(None, name, 6);
        row.set(0, b.cell(&format!("{base}.budget")));
        row.set(1, b.cell(&base));
        row.set(2, prior_cell(d, &base));
        row.set(3, b.cell(&format!("{base}.change")));
        row.set(4, rate_cell(d, &base));
        row.set(5, b.cell(&format!("{base}.share")));
        if !row.is_empty() {
            b.table.rows.push(row);
        }
    }
    for (name, key) in [
        ("因公出国（境）团组数（个）", "overseas_groups"),
        ("因公出国（境）人次数（人）", "overseas_persons"),
        ("公务用车购置数（辆）", "vehicles_purchased"),
        ("公务用车保有量（辆）", "vehicles_held"),
        ("国内公务接待批次（个）", "reception_batches"),
        ("国内公务接待人次（人）", "reception_persons"),
    ] {
        let id = format!("three_public.{key}");
        let mut row = Row::new(None, name, 6);
        row.set(1, b.cell(&id));
        if !row.is_empty() {
            b.table.rows.push(row);
        }
    }
    b.finish()
}

/// Every table the disclosure states anything of, T1 to T9 (T7 and T8 always,
/// with the "本表无数据" note when empty).
///
/// ```
/// use juesuan::{Disclosure, render::TableId, render::tables};
///
/// let d = Disclosure::default();
/// let ids: Vec<TableId> = tables(&d).iter().map(|t| t.id()).collect();
/// assert_eq!(ids, [TableId::T7, TableId::T8]);
/// ```
pub fn tables(report: &(impl super::Renderable + ?Sized)) -> Vec<Table> {
    let facts = report.facts();
    let d: &Disclosure = &facts;
    let mut out = Vec::new();
    let keep = |t: Table, out: &mut Vec<Table>| {
        if !t.is_empty() || t.note.is_some() {
            out.push(t);
        }
    };
    keep(t1(d), &mut out);
    keep(
        function_table(
            d,
            TableId::T2,
            "revenue.function.",
            Some("revenue.current_year"),
            &[
                ("本年收入合计", "", Some("revenue.current_year")),
                (
                    "财政拨款收入",
                    ".appropriation",
                    Some("revenue.appropriation"),
                ),
                (
                    "上级补助收入",
                    ".superior_subsidy",
                    Some("revenue.superior_subsidy"),
                ),
                ("事业收入", ".business", Some("revenue.business")),
                ("经营收入", ".operating", Some("revenue.operating")),
                (
                    "附属单位上缴收入",
                    ".affiliate_remittance",
                    Some("revenue.affiliate_remittance"),
                ),
                ("其他收入", ".other", Some("revenue.other")),
            ],
            false,
        ),
        &mut out,
    );
    keep(
        function_table(
            d,
            TableId::T3,
            "expenditure.function.",
            Some("expenditure.current_year"),
            &[
                ("本年支出合计", "", Some("expenditure.current_year")),
                ("基本支出", ".basic", Some("expenditure.basic")),
                ("项目支出", ".project", Some("expenditure.project")),
                (
                    "上缴上级支出",
                    ".remittance_to_superior",
                    Some("expenditure.remittance_to_superior"),
                ),
                ("经营支出", ".operating", Some("expenditure.operating")),
                (
                    "对附属单位补助支出",
                    ".subsidy_to_affiliates",
                    Some("expenditure.subsidy_to_affiliates"),
                ),
            ],
            false,
        ),
        &mut out,
    );
    keep(t4(d), &mut out);
    keep(
        function_table(
            d,
            TableId::T5,
            "general_budget.function.",
            Some("general_budget.expenditure"),
            &[
                ("合计", "", Some("general_budget.expenditure")),
                ("基本支出", ".basic", Some("basic.total")),
                ("项目支出", ".project", None),
            ],
            true,
        ),
        &mut out,
    );
    keep(t6(d), &mut out);
    keep(
        fund(d, TableId::T7, "government_fund", "政府性基金预算"),
        &mut out,
    );
    keep(
        fund(d, TableId::T8, "state_capital", "国有资本经营预算"),
        &mut out,
    );
    keep(t9(d), &mut out);
    out
}
