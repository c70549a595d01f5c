//! Tables flattened into text: web pages and PDF extraction write a table's cells one
//! per line, each ending with `|` (`项目|` `预算数|` `决算数|` `合计|` `15.24|` …), or a
//! row per line with `|` between its cells (`合计|1953.72|1957.23|-3.51|-0.2%|`).
//!
//! A flattened table is read only when it is certain which figure each cell is: its
//! header names the row labels' column first (项目, 经费项目, …), then columns the
//! reader knows (预算数, 决算数, 2015年决算数, 增减额, 增减率, …); each row is a label the
//! lexicon knows followed by exactly one cell per column. Anything else (a column it
//! does not know, a row with a cell missing, a label it does not know) is reported and
//! not read: a table read wrong is worse than a table not read.

use std::ops::Range;

use super::sections::{Section, Target, Want, lookup};

/// The notes this module gives on a table flattened into the reading-order
/// text: a column it does not know (“…” and the text between), a cell under no
/// row label, a row with a cell missing.
const COLUMN_NOTE: (&str, &str) = ("table column “", "” not known: the table is not read");
const CELL_NOTE: &str = "table cell not under a row label";
const ROW_NOTE: (&str, &str) = ("table row “", "” has a cell missing: the row is not read");

/// `note` with `text` between its two halves.
fn note(note: (&str, &str), text: &str) -> String {
    format!("{}{text}{}", note.0, note.1)
}

/// Whether `message` is one of this module's notes on a table flattened into
/// the reading-order text (a column or row it could not read): moot when the
/// tables are read from the layout text instead.
pub(crate) fn is_flat_table_note(message: &str) -> bool {
    let around =
        |(before, after): (&str, &str)| message.starts_with(before) && message.ends_with(after);
    around(COLUMN_NOTE) || message == CELL_NOTE || around(ROW_NOTE)
}

/// One cell: its text (without the `|`) and its byte range in the normalised text.
#[derive(Debug, Clone)]
pub(super) struct Cell {
    pub text: String,
    pub range: Range<usize>,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    /// This year's figure (决算数, 2016年决算数, 2020年度支出).
    Final,
    /// The budget (预算数).
    Budget,
    /// Last year's figure (上年决算数, 2015年决算数 in a 2016 report).
    Prior,
    /// The change from last year; `true` when the column counts falls as positive
    /// (支出减少情况).
    Change(bool),
    /// The rate of change from last year, in percent; `true` as for [`Column::Change`].
    ChangeRate(bool),
    /// The completion rate (完成率, 执行率).
    Completion,
    /// A column read past: 行次, 栏次.
    Skip,
}

impl Column {
    /// The suffix of the facts the column holds (`None` for this year's figure).
    pub(super) fn suffix(self) -> Option<&'static str> {
        match self {
            Column::Final | Column::Skip => None,
            Column::Budget => Some("budget"),
            Column::Prior => Some("prior_year"),
            Column::Change(_) => Some("change"),
            Column::ChangeRate(_) => Some("change_rate"),
            Column::Completion => Some("completion_rate"),
        }
    }

    /// Whether the column's figures are percentages.
    pub(super) fn is_rate(self) -> bool {
        matches!(self, Column::ChangeRate(_) | Column::Completion)
    }

    /// Whether the column states falls as positive figures.
    pub(super) fn falls_positive(self) -> bool {
        matches!(self, Column::Change(true) | Column::ChangeRate(true))
    }
}

/// Whether a paragraph is the header cell of the labels' column, which starts a table
/// flattened one cell per line.
pub(super) fn is_label_header(text: &str, year: Option<i32>) -> bool {
    label_column(text)
        || (text.len() <= 40 && column(text, year).is_some_and(|c| c != Column::Skip))
}

/// Whether a header cell names the row labels' column.
fn label_column(text: &str) -> bool {
    // The names are short: a long paragraph is no header (and is not copied).
    if text.len() > 40 {
        return false;
    }
    let mut plain = String::with_capacity(text.len());
    plain.extend(text.chars().filter(|c| !c.is_whitespace()));
    matches!(
        plain.as_str(),
        "项目"
            | "经费项目"
            | "使用项目"
            | "三公经费项目"
            | "科目"
            | "项目名称"
            | "名称"
            | "支出项目"
    )
}

/// The column a header cell names, when the reader knows it. `year` is the report's.
pub(super) fn column(text: &str, year: Option<i32>) -> Option<Column> {
    let mut plain = String::with_capacity(text.len());
    plain.extend(
        text.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '、' | '“' | '”')),
    );
    // （万元） and other remarks on the unit.
    let plain = match plain.find('（') {
        Some(at) => plain.get(..at).unwrap_or_default().to_owned(),
        None => plain,
    };
    // A year in the title: the report's is this year's, the one before is last year's.
    let (year_of, rest) = match plain.get(..4).and_then(|y| y.parse::<i32>().ok()) {
        Some(y) if plain.get(4..).is_some_and(|r| r.starts_with('年')) => {
            let rest = plain.get(4 + '年'.len_utf8()..).unwrap_or_default();
            (Some(y), rest.strip_prefix('度').unwrap_or(rest).to_owned())
        }
        _ => (None, plain.clone()),
    };
    let measure = match rest.as_str() {
        "决算数" | "决算" | "本年决算数" | "本-决算数" | "支出" | "决算支出" | "实际支出"
        | "数量或人次" | "决算数量" => Column::Final,
        "预算数" | "年初预算数" | "全年预算数" | "预算" | "本-预算数" => {
            Column::Budget
        }
        "上年决算数" | "上年数" | "上年决算" => Column::Prior,
        "增减额" | "增减" | "增减数" | "比上年增减" | "增减金额" | "增加额" => {
            Column::Change(false)
        }
        "支出减少情况" | "减少额" | "减少情况" => Column::Change(true),
        "增减率" | "增减幅度" | "增长率" | "增减比例" | "比上年增减率" => {
            Column::ChangeRate(false)
        }
        "支出减少率" | "减少率" | "下降率" => Column::ChangeRate(true),
        "完成率" | "执行率" | "完成预算" | "预算完成率" => Column::Completion,
        "行次" | "栏次" => Column::Skip,
        _ => return None,
    };
    match (year_of, year, measure) {
        (None, _, m) => Some(m),
        (Some(y), Some(report), Column::Final) if y == report => Some(Column::Final),
        (Some(y), Some(report), Column::Final) if report.checked_sub(1) == Some(y) => {
            Some(Column::Prior)
        }
        (Some(y), Some(report), Column::Budget) if y == report => Some(Column::Budget),
        // A year the reader cannot place: the column is not read.
        _ => None,
    }
}

/// A row as read: the subject its label names (and whether it counts things), the
/// label, and one cell per column.
type RowRead<'c> = (Option<(&'static str, bool)>, &'c Cell, Vec<&'c Cell>);

/// One figure a table states: the fact id, the cell's text and its range.
#[derive(Debug, Clone)]
pub(super) struct TableFigure {
    pub id: String,
    pub column: Column,
    pub count: bool,
    pub cell: Cell,
}

/// What a table gave: its figures, and the cells it could not place (with why).
#[derive(Debug, Default)]
pub(super) struct TableRead {
    pub figures: Vec<TableFigure>,
    pub skipped: Vec<(Range<usize>, String)>,
}

/// Whether a cell holds a figure (or stands for none: -, —, 无, blank).
fn is_value(text: &str) -> bool {
    let t = text.trim();
    t.is_empty()
        || matches!(t, "-" | "—" | "－" | "--" | "无" | "/")
        || t.trim_start_matches('-')
            .trim_end_matches('%')
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            && t.chars().any(|c| c.is_ascii_digit())
}

/// Whether a cell stands for no figure.
pub(super) fn is_blank(text: &str) -> bool {
    matches!(text.trim(), "" | "-" | "—" | "－" | "--" | "无" | "/")
}

/// A row label without its list markers (1、, （1）, 其中：, 一、).
fn row_label(text: &str) -> String {
    let mut s: &str = text.trim();
    loop {
        let before = s;
        s = s.trim_start_matches("其中：").trim_start_matches("其中");
        let digits = s
            .char_indices()
            .take_while(|(_, c)| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        if digits > 0 {
            if let Some(rest) = s.get(digits..).and_then(|r| {
                r.strip_prefix('、')
                    .or_else(|| r.strip_prefix('）'))
                    .or_else(|| r.strip_prefix('.'))
            }) {
                s = rest;
            }
        }
        if let Some(inner) = s.strip_prefix('（') {
            if let Some(close) = inner.char_indices().take(4).find(|(_, c)| *c == '）') {
                s = inner.get(close.0 + '）'.len_utf8()..).unwrap_or_default();
            }
        }
        s = s.trim();
        if s == before {
            return s.chars().filter(|c| !c.is_whitespace()).collect();
        }
    }
}

/// The fact base a row label names, and whether it counts things.
fn row_subject(label: &str, section: Section) -> Option<(&'static str, bool)> {
    let label = row_label(label);
    if matches!(
        label.as_str(),
        "合计" | "总计" | "三公经费合计" | "总三公经费支出" | "支出合计" | "小计"
    ) {
        return None;
    }
    // Both an amount and a count may fit (公务用车购置 and 公务用车购置数): the
    // longer phrase says more.
    [(Want::Amount, false), (Want::Count, true)]
        .into_iter()
        .filter_map(|(want, count)| {
            let entry = lookup(&label, section, Some(want))?;
            match entry.target {
                Target::One(id) => Some((entry.key.len(), id, count)),
                _ => None,
            }
        })
        .max_by_key(|(len, _, count)| (*len, *count))
        .map(|(_, id, count)| (id, count))
}

/// Reads one flattened table, given as rows of cells (a table written one cell per
/// line comes as one row). `year` is the report's year; `section` where the table
/// stands (三公 tables are read in [`Section::ThreePublic`] when no section is known).
pub(super) fn read(rows: &[Vec<Cell>], year: Option<i32>, section: Section) -> TableRead {
    let mut out = TableRead::default();
    let cells: Vec<&Cell> = rows.iter().flatten().collect();
    let section = if section == Section::Unknown {
        Section::ThreePublic
    } else {
        section
    };
    // The header: the labels' column, then the columns.
    // The header starts at the labels' column (项目), or, in tables that print no
    // name for it, at the first column the reader knows (2023年决算数).
    let labelled = cells.iter().position(|c| label_column(&c.text));
    let start = match labelled {
        Some(at) => at + 1,
        None => match cells.iter().position(|c| column(&c.text, year).is_some()) {
            Some(at) => at,
            None => return out,
        },
    };
    let mut columns: Vec<Column> = Vec::new();
    let mut at = start;
    while let Some(cell) = cells.get(at) {
        if cell.text.trim().is_empty() {
            // The empty cells a row-per-line header ends with.
            at += 1;
            continue;
        }
        match column(&cell.text, year) {
            Some(c) => columns.push(c),
            // A header over two rows (2015年决算比上年增、减情况 over 增、减额 and 增、减
            // 幅度): its columns follow.
            None if is_group(&cell.text) => {}
            None => break,
        }
        at += 1;
    }
    // A table without the labels' column may put its total first, without a label:
    // exactly one cell per column before the first label.
    let width = columns.len();
    let mut unlabelled_total: Option<Vec<&Cell>> = None;
    if labelled.is_none() && width >= 2 {
        let values: Vec<&Cell> = cells
            .get(at..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| is_value(&c.text) && !c.text.trim().is_empty())
            .copied()
            .collect();
        if values.len() == width {
            at += width;
            unlabelled_total = Some(values);
        }
    }
    let next_is_row = cells.get(at).is_some_and(|c| {
        !is_value(&c.text) && row_subject(&c.text, section).is_some() || total_label(&c.text)
    });
    if columns.is_empty() || !next_is_row {
        if let Some(cell) = cells.get(at) {
            if !columns.is_empty() {
                out.skipped
                    .push((cell.range.clone(), note(COLUMN_NOTE, &cell.text)));
            }
        }
        return out;
    }
    // The rows: a label, then one cell per column. The total row takes the subject
    // the other rows share a table with (三公).
    let mut rows_read: Vec<RowRead<'_>> = Vec::new();
    while let Some(label) = cells.get(at) {
        if is_value(&label.text) && !label.text.trim().is_empty() {
            out.skipped.push((label.range.clone(), CELL_NOTE.into()));
            at += 1;
            continue;
        }
        let values: Vec<&Cell> = cells
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| is_value(&c.text))
            .take(width)
            .copied()
            .collect();
        // A row of a row-per-line table ends with an empty cell: drop the ones past
        // the width.
        let mut taken = values.len();
        while cells
            .get(at + 1 + taken)
            .is_some_and(|c| c.text.trim().is_empty() && taken >= width)
        {
            taken += 1;
        }
        if values.len() < width || label.text.trim().is_empty() {
            if !label.text.trim().is_empty() {
                out.skipped
                    .push((label.range.clone(), note(ROW_NOTE, &label.text)));
            }
            at += 1 + values.len();
            continue;
        }
        rows_read.push((row_subject(&label.text, section), label, values));
        at += 1 + taken;
    }
    let three_public = rows_read
        .iter()
        .any(|(s, _, _)| s.is_some_and(|(id, _)| id.starts_with("three_public.")));
    if let (Some(values), true) = (unlabelled_total, three_public) {
        if let Some(first) = values.first() {
            rows_read.insert(0, (Some(("three_public.total", false)), *first, values));
        }
    }
    for (subject, label, values) in rows_read {
        let subject = match subject {
            Some(s) => s,
            None if total_label(&label.text) && three_public => ("three_public.total", false),
            None => {
                out.skipped.push((
                    label.range.clone(),
                    format!("table row “{}” not known: the row is not read", label.text),
                ));
                continue;
            }
        };
        for (column, cell) in columns.iter().zip(values) {
            if *column == Column::Skip || is_blank(&cell.text) {
                continue;
            }
            // Counts have no rates or budgets in these tables.
            if subject.1 && *column != Column::Final {
                continue;
            }
            let id = match column.suffix() {
                Some(suffix) => format!("{}.{suffix}", subject.0),
                None => subject.0.to_owned(),
            };
            out.figures.push(TableFigure {
                id,
                column: *column,
                count: subject.1,
                cell: cell.clone(),
            });
        }
    }
    out
}

/// Whether a header cell names a group of columns the next header row splits.
fn is_group(text: &str) -> bool {
    let plain: String = text.chars().filter(|c| !matches!(c, '、' | ' ')).collect();
    plain.ends_with("增减情况") || plain.ends_with("对比情况") || plain.ends_with("增减变化情况")
}

/// Whether a row label is the table's total.
fn total_label(text: &str) -> bool {
    matches!(
        row_label(text).as_str(),
        "合计" | "总计" | "三公经费合计" | "总三公经费支出" | "支出合计"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(texts: &[&str]) -> Vec<Vec<Cell>> {
        let mut at = 0;
        vec![
            texts
                .iter()
                .map(|t| {
                    let c = Cell {
                        text: (*t).to_owned(),
                        range: at..at + t.len(),
                    };
                    at += t.len() + 1;
                    c
                })
                .collect(),
        ]
    }

    #[test]
    fn columns() {
        assert_eq!(column("预 算 数", None), Some(Column::Budget));
        assert_eq!(column("2015年决算数", Some(2015)), Some(Column::Final));
        assert_eq!(column("2014年决算数", Some(2015)), Some(Column::Prior));
        assert_eq!(column("2013年决算数", Some(2015)), None);
        assert_eq!(
            column("2020年度支出（万元）", Some(2020)),
            Some(Column::Final)
        );
        assert_eq!(
            column("支出减少情况（万元）", None),
            Some(Column::Change(true))
        );
        assert_eq!(column("增、减幅度", None), Some(Column::ChangeRate(false)));
        assert_eq!(column("单位名称", None), None);
    }

    #[test]
    fn a_table_one_cell_per_line() {
        // 314: the budget and final figures of the 三公, a blank cell in one row, a row
        // cut off at the end.
        let t = cells(&[
            "项目",
            "预算数",
            "决算数",
            "合计",
            "15.24",
            "4.60",
            "因公出国（境）费",
            "0",
            "",
            "公务接待费",
            "0.84",
            "0.27",
            "其中：公务用车运行维护费",
            "14.40",
            "4.33",
            "公务用车购置费",
            "0",
        ]);
        let read = read(&t, Some(2021), Section::Unknown);
        let got: Vec<(String, String)> = read
            .figures
            .iter()
            .map(|f| (f.id.clone(), f.cell.text.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("three_public.total.budget".to_owned(), "15.24".to_owned()),
                ("three_public.total".to_owned(), "4.60".to_owned()),
                (
                    "three_public.overseas_travel.budget".to_owned(),
                    "0".to_owned()
                ),
                (
                    "three_public.reception.budget".to_owned(),
                    "0.84".to_owned()
                ),
                ("three_public.reception".to_owned(), "0.27".to_owned()),
                (
                    "three_public.vehicle_operation.budget".to_owned(),
                    "14.40".to_owned()
                ),
                (
                    "three_public.vehicle_operation".to_owned(),
                    "4.33".to_owned()
                ),
            ]
        );
        assert_eq!(read.skipped.len(), 1, "{:?}", read.skipped);
    }

    #[test]
    fn a_table_whose_total_comes_first_without_a_label() {
        // 410: no 项目 column, the total right under the header.
        let t = cells(&[
            "2023年决算数",
            "2022年决算数",
            "820.33",
            "688.84",
            "1、因公出国（境）费",
            "0",
            "0",
            "2、公务接待费",
            "249.29",
            "247.21",
        ]);
        let read = read(&t, Some(2023), Section::Unknown);
        let got: Vec<(String, String)> = read
            .figures
            .iter()
            .map(|f| (f.id.clone(), f.cell.text.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("three_public.total".to_owned(), "820.33".to_owned()),
                (
                    "three_public.total.prior_year".to_owned(),
                    "688.84".to_owned()
                ),
                ("three_public.overseas_travel".to_owned(), "0".to_owned()),
                (
                    "three_public.overseas_travel.prior_year".to_owned(),
                    "0".to_owned()
                ),
                ("three_public.reception".to_owned(), "249.29".to_owned()),
                (
                    "three_public.reception.prior_year".to_owned(),
                    "247.21".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn an_unknown_column_reads_nothing() {
        let t = cells(&["项目", "预算数", "调整数", "合计", "1", "2"]);
        let read = read(&t, None, Section::Unknown);
        assert!(read.figures.is_empty());
        assert_eq!(read.skipped.len(), 1);
    }
}
