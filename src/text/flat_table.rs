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
use crate::audit::SUM_IDENTITIES;

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
            | "年度"
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
    let (year_of, rest) = match leading_year(&plain) {
        Some((y, rest)) => (Some(y), rest.to_owned()),
        None => (None, plain.clone()),
    };
    // 2016年比2015年增减%: the change from the year before the first.
    if let (Some(y), Some((before, after))) =
        (year_of, rest.strip_prefix('比').and_then(leading_year))
    {
        if Some(before) == y.checked_sub(1) {
            return match after {
                "增减%" | "增减率" | "增减幅度" | "增长率" => {
                    (Some(y) == year).then_some(Column::ChangeRate(false))
                }
                "增减" | "增减额" | "增减数" => {
                    (Some(y) == year).then_some(Column::Change(false))
                }
                _ => None,
            };
        }
    }
    let measure = match rest.as_str() {
        // 2015年 alone, as a row or column of a table by year.
        "" if year_of.is_some() => Column::Final,
        "决算数" | "决算" | "本年决算数" | "本-决算数" | "支出" | "决算支出" | "实际支出"
        | "数量或人次" | "决算数量" => Column::Final,
        "预算数" | "年初预算数" | "全年预算数" | "预算" | "本-预算数" => {
            Column::Budget
        }
        "上年决算数" | "上年数" | "上年决算" => Column::Prior,
        "增减额" | "增减" | "增减数" | "比上年增减" | "增减金额" | "增加额" | "决算对比" => {
            Column::Change(false)
        }
        "支出减少情况" | "减少额" | "减少情况" => Column::Change(true),
        "增减率" | "增减幅度" | "增长率" | "增减比例" | "比上年增减率" | "增减%" => {
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
    if columns.is_empty() && labelled.is_some() {
        // 年度 | 合计 | 因公出国（境）费 | … : the items are the columns.
        read_transposed(&cells, start, year, section, &mut out);
        return out;
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

/// The 三公 item a header cell of a table by measure names: the item, or `None` for a
/// column the reader does not know (行政运行 under 公务接待费), which is then not read.
fn item_of(text: &str, section: Section) -> Option<&'static str> {
    if total_label(text) {
        return Some("three_public.total");
    }
    match row_subject(text, section) {
        Some((id, false)) => Some(id),
        _ => None,
    }
}

/// Whether a header cell is the subtotal of a group of columns (小计, 合计).
fn is_subtotal(text: &str) -> bool {
    matches!(row_label(text).as_str(), "小计" | "合计")
}

/// The total whose parts include `part` ([`SUM_IDENTITIES`]).
fn parent_of(part: &str) -> Option<&'static str> {
    SUM_IDENTITIES
        .iter()
        .find(|identity| identity.parts.contains(&part))
        .map(|identity| identity.total)
}

/// Whether `id` is the total of parts ([`SUM_IDENTITIES`]).
fn has_parts(id: &str) -> bool {
    SUM_IDENTITIES.iter().any(|identity| identity.total == id)
}

/// The columns of a header over one or two rows, as the items they hold: the first
/// row's cells, then (after the first 小计 or 合计 that is not the first cell) the
/// second row's, which split the first row's groups (公务用车购置及运行费 over 小计 |
/// 购置费 | 运行费). `None` unless the columns come out `width` wide, each group
/// under an item that has parts, in order.
fn header_leaves(
    header: &[&Cell],
    width: usize,
    section: Section,
) -> Option<Vec<Option<&'static str>>> {
    let items = |cells: &[&Cell]| -> Vec<Option<&'static str>> {
        cells.iter().map(|c| item_of(&c.text, section)).collect()
    };
    // Each item is one column: an item twice (合计 twice in a header whose
    // second row is not split off) means the columns are not what they seem.
    let distinct = |leaves: &[Option<&'static str>]| {
        let known: Vec<&str> = leaves.iter().flatten().copied().collect();
        known
            .iter()
            .enumerate()
            .all(|(i, id)| !known.get(i + 1..).unwrap_or_default().contains(id))
    };
    if header.len() == width {
        let leaves = items(header);
        let one_row = !header.iter().skip(1).any(|c| is_subtotal(&c.text));
        return (one_row && distinct(&leaves)).then_some(leaves);
    }
    let split = header
        .iter()
        .skip(1)
        .position(|c| is_subtotal(&c.text))
        .map(|i| i + 1)?;
    let (first, second) = header.split_at(split);
    // The second row's groups, each starting at its 小计.
    let mut groups: Vec<Vec<&Cell>> = Vec::new();
    for cell in second {
        match groups.last_mut() {
            Some(group) if !is_subtotal(&cell.text) => group.push(cell),
            _ => groups.push(vec![cell]),
        }
    }
    let mut leaves = Vec::new();
    let mut groups = groups.into_iter().peekable();
    for cell in first {
        let item = item_of(&cell.text, section);
        let group = groups.peek().filter(|group| {
            let Some(parent) = item.filter(|id| has_parts(id)) else {
                return false;
            };
            // The group's parts must be known, and this item's.
            let parts: Vec<Option<&str>> = group
                .iter()
                .skip(1)
                .map(|c| item_of(&c.text, section))
                .collect();
            !parts.is_empty()
                && parts
                    .iter()
                    .all(|part| part.is_some_and(|part| parent_of(part) == Some(parent)))
        });
        if group.is_some() {
            let group = groups.next()?;
            leaves.push(item);
            leaves.extend(group.iter().skip(1).map(|c| item_of(&c.text, section)));
        } else {
            leaves.push(item);
        }
    }
    (groups.next().is_none() && leaves.len() == width && distinct(&leaves)).then_some(leaves)
}

/// Reads a table whose rows are the measures and whose columns are the items (年度 |
/// 合计 | 因公出国（境）费 | … then 2015年 | 2840 | 90 | …, or 三公经费项目 | … then
/// 2015年度预算数 | 5.23 | …), starting at `start`, the first header cell after the
/// labels' column. Every row must name a measure the reader knows and give one cell
/// per column; a column whose item is not known is not read.
fn read_transposed(
    cells: &[&Cell],
    start: usize,
    year: Option<i32>,
    section: Section,
    out: &mut TableRead,
) {
    // A table by year that compares 2016年 with 2015年 reports on 2016 when no
    // title has said.
    let year = year.or_else(|| compared_year(cells.get(start..).unwrap_or_default()));
    let is_measure = |c: &Cell| column(&c.text, year).is_some();
    let header: Vec<&Cell> = cells
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| !is_measure(c) && !is_value(&c.text))
        .copied()
        .collect();
    let mut at = start + header.len();
    // The rows: a measure, then its cells.
    let mut rows: Vec<(Column, &Cell, Vec<&Cell>)> = Vec::new();
    while let Some(label) = cells.get(at) {
        let values: Vec<&Cell> = cells
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| is_value(&c.text) && !c.text.trim().is_empty())
            .copied()
            .collect();
        let taken = values.len();
        match column(&label.text, year) {
            Some(measure) => rows.push((measure, label, values)),
            None => out
                .skipped
                .push((label.range.clone(), note(ROW_NOTE, &label.text))),
        }
        at += 1 + taken;
    }
    let Some(width) = rows
        .iter()
        .find(|(m, _, _)| *m != Column::Skip)
        .map(|(_, _, v)| v.len())
    else {
        return;
    };
    let Some(leaves) = header_leaves(&header, width, section) else {
        if let Some(first) = header.first() {
            out.skipped
                .push((first.range.clone(), note(COLUMN_NOTE, &first.text)));
        }
        return;
    };
    for (measure, label, values) in rows {
        if measure == Column::Skip {
            continue;
        }
        if values.len() != width {
            out.skipped
                .push((label.range.clone(), note(ROW_NOTE, &label.text)));
            continue;
        }
        for (item, cell) in leaves.iter().zip(values) {
            let Some(item) = item else { continue };
            if is_blank(&cell.text) {
                continue;
            }
            let id = match measure.suffix() {
                Some(suffix) => format!("{item}.{suffix}"),
                None => (*item).to_owned(),
            };
            out.figures.push(TableFigure {
                id,
                column: measure,
                count: false,
                cell: cell.clone(),
            });
        }
    }
}

/// The year a table by year reports on: the later of two years one of its row
/// labels compares (2016年比2015年增减%).
fn compared_year(cells: &[&Cell]) -> Option<i32> {
    cells.iter().find_map(|c| {
        let plain: String = c.text.chars().filter(|c| !c.is_whitespace()).collect();
        let (later, _) = leading_year(&plain)?;
        let (_, after) = plain.split_once('比')?;
        let (earlier, _) = leading_year(after)?;
        (earlier == later.checked_sub(1)?).then_some(later)
    })
}

/// The year `s` starts with (`2016年`, `2016年度`), and what follows it.
fn leading_year(s: &str) -> Option<(i32, &str)> {
    let year = s.get(..4)?.parse::<i32>().ok()?;
    let rest = s.get(4..)?.strip_prefix('年')?;
    Some((year, rest.strip_prefix('度').unwrap_or(rest)))
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

    /// 207: a table by year (rows are years, columns the items), with
    /// 公车购置及运行维护费 over 合计 | 车辆购置 | 车辆运行 in a second header row, and
    /// no title to give the report's year.
    const BY_YEAR: &[&str] = &[
        "年度",
        "合计",
        "因公出国（境）经费",
        "公务接待费",
        "公车购置及运行维护费",
        "合计",
        "车辆购置",
        "车辆运行",
        "2015年",
        "2840",
        "90",
        "1400",
        "1350",
        "73",
        "1277",
        "2016年",
        "2364",
        "12",
        "1356",
        "996",
        "37",
        "959",
        "2016年比2015年增减%",
        "-16.77",
        "-86.62",
        "-3.14",
        "-26.24",
        "-47.95",
        "-24.98",
    ];

    fn figures(read: &TableRead) -> Vec<(String, String)> {
        read.figures
            .iter()
            .map(|f| (f.id.clone(), f.cell.text.clone()))
            .collect()
    }

    #[test]
    fn a_table_by_year_with_a_two_row_header() {
        let got = figures(&read(&cells(BY_YEAR), None, Section::Unknown));
        let has = |id: &str, v: &str| got.contains(&(id.to_owned(), v.to_owned()));
        assert_eq!(got.len(), 18, "{got:?}");
        assert!(has("three_public.total.prior_year", "2840"));
        assert!(has("three_public.overseas_travel", "12"));
        assert!(has("three_public.reception", "1356"));
        assert!(has("three_public.vehicles", "996"));
        assert!(has("three_public.vehicle_purchase", "37"));
        assert!(has("three_public.vehicle_operation.prior_year", "1277"));
        assert!(has("three_public.vehicle_purchase.change_rate", "-47.95"));
        assert!(has("three_public.total.change_rate", "-16.77"));
    }

    #[test]
    fn a_table_by_year_whose_columns_cannot_be_placed_reads_nothing() {
        // The second header row's parts unknown: which item they split is not
        // established.
        let mut unknown = BY_YEAR.to_vec();
        for cell in &mut unknown {
            if cell.starts_with("车辆") {
                *cell = "其他";
            }
        }
        let got = read(&cells(&unknown), None, Section::Unknown);
        assert!(got.figures.is_empty(), "{:?}", figures(&got));
        assert!(!got.skipped.is_empty());
        // A column missing from the header: the widths do not agree.
        let mut short = BY_YEAR.to_vec();
        short.remove(2);
        let got = read(&cells(&short), None, Section::Unknown);
        assert!(got.figures.is_empty(), "{:?}", figures(&got));
        // The years another report's: 2015 and 2016 in a 2020 report are not read.
        let got = read(&cells(BY_YEAR), Some(2020), Section::Unknown);
        assert!(got.figures.is_empty(), "{:?}", figures(&got));
    }

    #[test]
    fn an_unknown_column_reads_nothing() {
        let t = cells(&["项目", "预算数", "调整数", "合计", "1", "2"]);
        let read = read(&t, None, Section::Unknown);
        assert!(read.figures.is_empty());
        assert_eq!(read.skipped.len(), 1);
    }
}
