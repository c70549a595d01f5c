//! The two-sided tables: T1 收入支出决算总表 and T4 财政拨款收入支出决算总表.
//!
//! Each line holds a 收入 row on the left and a 支出 row on the right. The
//! right side's labels start at one column (the split); a figure belongs to
//! the side of the label before it on its line. Labels are read through a
//! lexicon (numbered or not, a 支出 类 by its catalog name); a label the
//! lexicon does not know, or one wrapped in a way that cannot be joined,
//! leaves its row unread.

use super::columns::{self, Anchors, Model};
use super::function::column_at;
use super::layout::{Line, Token};
use super::{Context, ReadCell, ReadRow};
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::code::{Catalog, FunctionCode, normalize_code_name};
use crate::render::TableId;

/// A label without its number ("二十二、", "（一）") and "其中：".
fn bare(label: &str) -> String {
    let c = normalize_code_name(label);
    let s = c.as_str();
    let s = s
        .strip_prefix("其中：")
        .or_else(|| s.strip_prefix("其中:"))
        .unwrap_or(s);
    let numerals = |c: char| "一二三四五六七八九十0123456789".contains(c);
    let s = match s.char_indices().find(|(_, c)| !numerals(*c)) {
        Some((i, c)) if i > 0 && matches!(c, '、' | '.' | '．') => {
            s.get(i + c.len_utf8()..).unwrap_or(s)
        }
        _ => s,
    };
    let s = match s.strip_prefix('（').and_then(|r| {
        let n: usize = r
            .chars()
            .take_while(|c| numerals(*c))
            .map(char::len_utf8)
            .sum();
        (n > 0)
            .then(|| r.get(n..))
            .flatten()
            .and_then(|r| r.strip_prefix('）'))
    }) {
        Some(r) => r,
        None => s,
    };
    s.to_owned()
}

/// The label itself when it has no number (so that "支出" alone, a line
/// wrapped off a longer label, is not taken for a label).
fn bare_number_only(label: &str) -> String {
    normalize_code_name(label)
}

/// What a left (收入) label of `table` states; `opening` when the label
/// follows 年初结转和结余 (T4 lists the budgets again under it).
fn left_fact(table: TableId, label: &str, opening: bool) -> Option<&'static str> {
    let l = label;
    let gb = matches!(
        l,
        "一般公共预算财政拨款收入" | "一般公共预算财政拨款" | "一般公共预算"
    );
    let gf = matches!(
        l,
        "政府性基金预算财政拨款收入" | "政府性基金预算财政拨款" | "政府性基金预算"
    );
    let sc = matches!(
        l,
        "国有资本经营预算财政拨款收入" | "国有资本经营预算财政拨款" | "国有资本经营预算"
    );
    match table {
        TableId::T1 => Some(match l {
            _ if gb => "revenue.general_budget",
            _ if gf => "revenue.government_fund",
            _ if sc => "revenue.state_capital",
            "财政拨款收入" => "revenue.appropriation",
            "上级补助收入" => "revenue.superior_subsidy",
            "事业收入" => "revenue.business",
            "经营收入" => "revenue.operating",
            "附属单位上缴收入" => "revenue.affiliate_remittance",
            "其他收入" => "revenue.other",
            "本年收入合计" | "收入合计" => "revenue.current_year",
            "使用非财政拨款结余"
            | "使用非财政拨款结余（含专用结余）"
            | "用事业基金弥补收支差额" => "revenue.non_appropriation_balance_used",
            "年初结转和结余" => "revenue.opening_balance",
            "总计" | "收入总计" => "revenue.total",
            _ => return None,
        }),
        TableId::T4 => Some(match l {
            _ if gb && opening => "general_budget.opening_balance",
            _ if gf && opening => "government_fund.opening_balance",
            _ if sc && opening => "state_capital.opening_balance",
            _ if gb => "general_budget.revenue",
            _ if gf => "government_fund.revenue",
            _ if sc => "state_capital.revenue",
            "本年收入合计" | "收入合计" | "本年财政拨款收入合计" => {
                "appropriation.revenue"
            }
            "年初财政拨款结转和结余" | "年初结转和结余" => {
                "appropriation.opening_balance"
            }
            "总计" | "收入总计" => "appropriation.revenue_total",
            _ => return None,
        }),
        _ => None,
    }
}

/// The 类 the catalog names `label` (normalised), looked up in a map made
/// once.
fn class_named(label: &str) -> Option<FunctionCode> {
    static CLASSES: OnceLock<HashMap<&'static str, FunctionCode>> = OnceLock::new();
    let map = CLASSES.get_or_init(|| {
        let mut map = HashMap::new();
        for entry in Catalog::function().classes() {
            for name in entry.names() {
                map.entry(name.key()).or_insert(entry.code());
            }
        }
        map
    });
    map.get(label).copied()
}

/// The fact of each right column for a right (支出) label of `table`.
fn right_facts(table: TableId, label: &str) -> Option<Vec<String>> {
    let fixed: Option<[&str; 4]> = match label {
        "本年支出合计" | "支出合计" => Some([
            "expenditure.current_year",
            "appropriation.expenditure",
            "general_budget.expenditure",
            "government_fund.expenditure",
        ]),
        "结余分配" => Some(["expenditure.surplus_distribution", "", "", ""]),
        "年末结转和结余" | "年末财政拨款结转和结余" => Some([
            "expenditure.closing_balance",
            "appropriation.closing_balance",
            "general_budget.closing_balance",
            "government_fund.closing_balance",
        ]),
        "总计" | "支出总计" => Some([
            "expenditure.total",
            "appropriation.expenditure_total",
            "general_budget.expenditure_total",
            "government_fund.expenditure_total",
        ]),
        _ => None,
    };
    if let Some([t1, t4, gb, gf]) = fixed {
        return match table {
            TableId::T1 => Some(vec![t1.to_owned()]),
            TableId::T4 if !t4.is_empty() => {
                let sc = gf.replacen("government_fund", "state_capital", 1);
                Some(vec![t4.to_owned(), gb.to_owned(), gf.to_owned(), sc])
            }
            _ => None,
        };
    }
    let class = class_named(label)?;
    Some(match table {
        TableId::T1 => vec![format!("expenditure.function.{class}")],
        _ => vec![
            format!("appropriation.expenditure.function.{class}"),
            format!("general_budget.function.{class}"),
            format!("government_fund.function.{class}"),
            format!("state_capital.function.{class}"),
        ],
    })
}

/// A label of one side being read: its text, its line, its figures.
struct Pending<'a> {
    text: String,
    line: usize,
    figures: Vec<Token<'a>>,
    /// The first token of the label, for the name's span.
    first: Token<'a>,
}

/// Which side a line's tokens are on.
struct Sides<'a> {
    left: Vec<Token<'a>>,
    right: Vec<Token<'a>>,
}

fn sides<'a>(line: &Line<'a>, split: u32) -> Sides<'a> {
    let mut out = Sides {
        left: Vec::new(),
        right: Vec::new(),
    };
    let mut right = false;
    for t in &line.tokens {
        if t.is_text() && t.x + 1 >= split {
            right = true;
        }
        if !t.is_text() && !right && t.x >= split + 4 {
            // A figure far right of the split with no label before it.
            right = true;
        }
        if right {
            out.right.push(*t);
        } else {
            out.left.push(*t);
        }
    }
    out
}

fn is_label_line(table: TableId, text: &str) -> bool {
    let b = bare(text);
    left_fact(table, &b, false).is_some() || right_facts(table, &b).is_some()
}

/// Reads a two-sided table's header and body lines.
pub(crate) fn read(cx: &mut Context<'_>, lines: &[Line<'_>]) -> (Vec<String>, Vec<ReadRow>) {
    let table = cx.id;
    let right_columns: &[(&str, &[&str])] = match table {
        TableId::T4 => &[
            ("合计", &["合计"]),
            (
                "一般公共预算财政拨款",
                &["一般公共预算财政拨款", "一般公共预算"],
            ),
            (
                "政府性基金预算财政拨款",
                &["政府性基金预算财政拨款", "政府性基金预算"],
            ),
            (
                "国有资本经营预算财政拨款",
                &["国有资本经营预算财政拨款", "国有资本经营预算"],
            ),
        ],
        _ => &[("决算数", &["决算数", "金额"])],
    };
    let headings: Vec<String> = right_columns.iter().map(|(h, _)| (*h).to_owned()).collect();
    // The body starts at the first line with a figure or a known label.
    let Some(first) = lines.iter().position(|l| {
        l.tokens.iter().any(Token::is_figure)
            || l.tokens
                .iter()
                .any(|t| t.is_text() && is_label_line(table, t.text))
    }) else {
        return (headings, Vec::new());
    };
    let header = lines.get(..first).unwrap_or_default();
    let body = lines.get(first..).unwrap_or_default();
    // The split: where the right side's labels start (the second label of
    // a line, or a label that stands alone far right).
    let seconds: Vec<u32> = body
        .iter()
        .filter_map(|l| {
            let mut texts = l.tokens.iter().filter(|t| t.is_text());
            let a = texts.next()?;
            match texts.next() {
                Some(b) => Some(b.x),
                None => (a.x >= 20).then_some(a.x),
            }
        })
        .collect();
    let Some(split) = seconds.iter().min().copied() else {
        if let Some(l) = body.first() {
            cx.warn("no 支出 side found: the table is not read", l.span_at(0));
        }
        return (headings, Vec::new());
    };
    // Right columns.
    let wanted: Vec<&[&str]> = right_columns.iter().map(|(_, a)| *a).collect();
    let found = columns::locate(header, &wanted, split.saturating_sub(2));
    let body_at = |page: u32| -> Anchors {
        let mut labels = Vec::new();
        let mut edges = Vec::new();
        for l in body.iter().filter(|l| l.page == page) {
            let s = sides(l, split);
            if let Some(t) = s.right.iter().find(|t| t.is_text()) {
                labels.push(t.x);
            }
            if let Some(f) = s.right.iter().find(|t| t.is_figure()) {
                edges.push(f.end);
            }
        }
        Anchors {
            label_x: columns::mode(&labels),
            first_edge: columns::median(&edges),
        }
    };
    let header_page = body.first().map_or(0, |l| l.page);
    let Some(mut model) = Model::new(&found, body_at(header_page), true) else {
        if let Some(l) = body.first() {
            cx.warn(
                "no heading of the 支出 figures found: the table is not read",
                l.span_at(0),
            );
        }
        return (headings, Vec::new());
    };

    // Where the 支出 figures of each column are on the header page.
    let header_edges = model.on_page(body_at(header_page));
    let mut seen: Vec<Vec<u32>> = vec![Vec::new(); model.len()];
    for l in body.iter().filter(|l| l.page == header_page) {
        let figures: Vec<Token<'_>> = sides(l, split)
            .right
            .into_iter()
            .filter(Token::is_figure)
            .collect();
        if let Ok(cols) = model.assign(&header_edges, &figures) {
            for (c, f) in cols.iter().zip(&figures) {
                if let Some(s) = seen.get_mut(*c) {
                    s.push(f.end);
                }
            }
        }
    }
    model.refine(&seen);

    // Rows of each side, labels joined across wrapped lines.
    let mut left: Vec<Pending<'_>> = Vec::new();
    let mut right: Vec<Pending<'_>> = Vec::new();
    for (i, line) in body.iter().enumerate() {
        let s = sides(line, split);
        push_side(cx, line, i, &s.left, &mut left, |t| {
            left_fact(table, &bare(t), false).is_some()
                || left_fact(table, &bare(t), true).is_some()
        });
        // A 支出 类 the catalog lacks still ends in 支出 once joined.
        push_side(cx, line, i, &s.right, &mut right, |t| {
            let b = bare(t);
            right_facts(table, &b).is_some() || (b.ends_with("支出") && b != bare_number_only(t))
        });
    }

    let mut rows = Vec::new();
    let mut opening = false;
    for p in &left {
        let Some(line) = body.get(p.line) else {
            continue;
        };
        let label = bare(&p.text);
        let Some(fact) = left_fact(table, &label, opening) else {
            cx.warn(
                format!("收入 label “{}” not known: the row is not read", p.text),
                line.span(&p.first),
            );
            continue;
        };
        if fact.ends_with("opening_balance") && fact.starts_with("appropriation") {
            opening = true;
        }
        if p.figures.len() > 1 {
            cx.warn(
                format!(
                    "{} figures for “{}”: the row is not read",
                    p.figures.len(),
                    p.text
                ),
                line.span(&p.first),
            );
            continue;
        }
        let mut cells: Vec<Option<ReadCell>> = vec![None; right_columns.len()];
        let cell = match p.figures.first() {
            Some(t) => cx.figure(line, t, fact),
            None => Context::blank(line, split.saturating_sub(8), fact),
        };
        if let Some(slot) = cells.first_mut() {
            *slot = cell;
        }
        rows.push(ReadRow {
            code: None,
            name: p.text.clone(),
            cells,
            name_fact: None,
        });
    }
    let mut edges_cache: Option<(u32, Vec<Option<f64>>)> = None;
    for p in &right {
        let Some(line) = body.get(p.line) else {
            continue;
        };
        let label = bare(&p.text);
        let Some(facts) = right_facts(table, &label) else {
            if p.figures.is_empty() && label.ends_with("支出") {
                cx.note(
                    format!(
                        "“{}” is printed empty, and the catalog has no code for it: not stated",
                        p.text
                    ),
                    line.span(&p.first),
                );
            } else {
                cx.warn(
                    format!("支出 label “{}” not known: the row is not read", p.text),
                    line.span(&p.first),
                );
            }
            continue;
        };
        let edges = match &edges_cache {
            Some((page, e)) if *page == line.page => e.clone(),
            _ => {
                let e = model.on_page(body_at(line.page));
                edges_cache = Some((line.page, e.clone()));
                e
            }
        };
        let assigned = if p.figures.is_empty() {
            Ok(Vec::new())
        } else if model.len() == 1 {
            if p.figures.len() == 1 {
                Ok(vec![0])
            } else {
                Err(format!("{} figures for one column", p.figures.len()))
            }
        } else {
            model.assign(&edges, &p.figures)
        };
        let assigned = match assigned {
            Ok(a) => a,
            Err(why) => {
                cx.warn(
                    format!("“{}”: {why}: the row is not read", p.text),
                    line.span(&p.first),
                );
                continue;
            }
        };
        let mut cells: Vec<Option<ReadCell>> = Vec::with_capacity(facts.len());
        for (c, fact) in facts.iter().enumerate() {
            if fact.is_empty() || found.get(c).is_none_or(Option::is_none) {
                cells.push(None);
                continue;
            }
            let figure = assigned
                .iter()
                .position(|a| *a == c)
                .and_then(|i| p.figures.get(i));
            let cell = match figure {
                Some(t) => cx.figure(line, t, fact),
                None => {
                    let x = edges
                        .get(c)
                        .copied()
                        .flatten()
                        .map_or(0, column_at)
                        .saturating_sub(2);
                    Context::blank(line, x, fact)
                }
            };
            cells.push(cell);
        }
        rows.push(ReadRow {
            code: None,
            name: p.text.clone(),
            cells,
            name_fact: None,
        });
    }
    (headings, rows)
}

/// Adds a line's tokens of one side: a label starts a row, or continues
/// the last one when it does not stand alone but does so joined; figures go
/// to the row of their line.
fn push_side<'a>(
    cx: &mut Context<'_>,
    line: &Line<'a>,
    i: usize,
    tokens: &[Token<'a>],
    rows: &mut Vec<Pending<'a>>,
    known: impl Fn(&str) -> bool,
) {
    let text: String = tokens
        .iter()
        .filter(|t| t.is_text())
        .map(|t| t.text)
        .collect();
    let figures: Vec<Token<'a>> = tokens.iter().filter(|t| !t.is_text()).copied().collect();
    if let Some(stray) = tokens
        .iter()
        .skip_while(|t| t.is_text())
        .find(|t| t.is_text())
    {
        cx.warn(
            format!("“{}” after a figure: not read", stray.text),
            line.span(stray),
        );
    }
    if text.is_empty() {
        if let Some(f) = figures.first() {
            cx.warn(
                format!("figure {} without a label: not read", f.text),
                line.span(f),
            );
        }
        return;
    }
    let first = tokens.iter().find(|t| t.is_text()).copied();
    let Some(first) = first else { return };
    if !known(&text) {
        if let Some(last) = rows.last_mut() {
            let joined = format!("{}{text}", last.text);
            if !known(&last.text) && known(&joined) && figures.is_empty() {
                last.text = joined;
                return;
            }
        }
    }
    rows.push(Pending {
        text,
        line: i,
        figures,
        first,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_lose_their_numbers() {
        assert_eq!(
            bare("二十二、灾害防治及应急管理支出"),
            "灾害防治及应急管理支出"
        );
        assert_eq!(bare("（一）一般公共预算"), "一般公共预算");
        assert_eq!(
            bare("其中：政府性基金预算财政拨款"),
            "政府性基金预算财政拨款"
        );
        assert_eq!(bare("本年收入合计"), "本年收入合计");
    }

    #[test]
    fn every_class_line_of_the_template_is_known() {
        for label in [
            "一般公共服务支出",
            "国防支出",
            "公共安全支出",
            "教育支出",
            "科学技术支出",
            "文化旅游体育与传媒支出",
            "社会保障和就业支出",
            "卫生健康支出",
            "节能环保支出",
            "城乡社区支出",
            "农林水支出",
            "交通运输支出",
            "资源勘探工业信息等支出",
            "商业服务业等支出",
            "金融支出",
            "援助其他地区支出",
            "自然资源海洋气象等支出",
            "住房保障支出",
            "粮油物资储备支出",
            "国有资本经营预算支出",
            "灾害防治及应急管理支出",
            "其他支出",
            "债务还本支出",
            "债务付息支出",
        ] {
            assert!(right_facts(TableId::T1, label).is_some(), "{label}");
        }
        // The catalog, harvested from published reports, has no code for
        // these two: their lines are not stated (a note says so).
        for label in ["外交支出", "抗疫特别国债安排的支出"] {
            assert!(right_facts(TableId::T1, label).is_none(), "{label}");
        }
    }
}
