//! Tables whose rows are function codes: T2, T3, T5, T7, T8.
//!
//! A row is a line with a code (类, 款 or 项, or a code split over 类 | 款 |
//! 项 columns) or the 合计 label, its figures right of the name column. Name
//! lines without figures belong to the rows above or below them (see
//! [`names`](super::names)).

use super::columns::{self, Anchors, Model};
use super::layout::{Line, Token};
use super::names::{self, Anchor, Known};
use super::{Context, ReadCell, ReadRow};
use crate::audit::FUNCTION_TABLES;
use crate::code::{Catalog, FunctionCode, normalize_code_name};
use crate::render::TableId;

/// A printed column: its fact-id suffix after the code, its official
/// heading and the headings accepted for it.
type Column = (&'static str, &'static str, &'static [&'static str]);

/// The printed columns of each table, in printed order.
fn printed(id: TableId) -> &'static [Column] {
    match id {
        TableId::T2 => &[
            ("", "本年收入合计", &["本年收入合计", "合计", "收入合计"]),
            (
                ".appropriation",
                "财政拨款收入",
                &["财政拨款收入", "财政拨款"],
            ),
            (".superior_subsidy", "上级补助收入", &["上级补助收入"]),
            (".business", "事业收入", &["事业收入"]),
            (".operating", "经营收入", &["经营收入"]),
            (
                ".affiliate_remittance",
                "附属单位上缴收入",
                &["附属单位上缴收入"],
            ),
            (".other", "其他收入", &["其他收入"]),
        ],
        TableId::T3 => &[
            ("", "本年支出合计", &["本年支出合计", "合计", "支出合计"]),
            (".basic", "基本支出", &["基本支出"]),
            (".project", "项目支出", &["项目支出"]),
            (".remittance_to_superior", "上缴上级支出", &["上缴上级支出"]),
            (".operating", "经营支出", &["经营支出"]),
            (
                ".subsidy_to_affiliates",
                "对附属单位补助支出",
                &["对附属单位补助支出"],
            ),
        ],
        TableId::T5 => &[
            ("", "合计", &["合计", "小计"]),
            (".basic", "基本支出", &["基本支出"]),
            (".project", "项目支出", &["项目支出"]),
        ],
        TableId::T7 | TableId::T8 => &[
            (".opening_balance", "年初结转和结余", &["年初结转和结余"]),
            (".revenue", "本年收入", &["本年收入"]),
            ("", "本年支出合计", &["合计", "本年支出合计"]),
            (".basic", "基本支出", &["基本支出"]),
            (".project", "项目支出", &["项目支出"]),
            (".closing_balance", "年末结转和结余", &["年末结转和结余"]),
        ],
        _ => &[],
    }
}

/// Words of the header that are not column headings.
const LABEL_WORDS: &[&str] = &[
    "项目",
    "功能分类",
    "科目编码",
    "科目名称",
    "功能分类科目编码",
    "类",
    "款",
    "项",
    "本年支出",
    "栏次",
];

/// Labels of the 合计 row.
const TOTAL_LABELS: &[&str] = &["合计", "总计", "小计"];

/// One line of the body, classified.
enum Item<'a> {
    /// A row: its code, its name on the line, its figures.
    Row {
        line: usize,
        code: Option<String>,
        own: Vec<Token<'a>>,
        figures: Vec<Token<'a>>,
    },
    /// Words of a wrapped name.
    Fragment { line: usize, text: String },
}

/// The leading code of a line (also 类 | 款 | 项 printed apart) and the
/// number of tokens it takes.
fn leading_code(tokens: &[Token<'_>]) -> Option<(String, usize)> {
    let first = tokens.first()?.digits()?;
    match first.len() {
        5 | 7 => Some((first.to_owned(), 1)),
        3 => {
            let mut code = first.to_owned();
            let mut used = 1;
            for t in tokens.iter().skip(1).take(2) {
                match t.digits() {
                    Some(d) if d.len() == 2 => {
                        code.push_str(d);
                        used += 1;
                    }
                    _ => break,
                }
            }
            Some((code, used))
        }
        _ => None,
    }
}

fn classify<'a>(cx: &mut Context<'_>, lines: &[Line<'a>]) -> Vec<Item<'a>> {
    let mut items = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank()
            || line
                .tokens
                .iter()
                .all(|t| t.text.chars().all(|c| c == '…' || c == '.'))
        {
            continue;
        }
        let (code, skip) = match leading_code(&line.tokens) {
            Some((c, n)) => (Some(c), n),
            None => (None, 0),
        };
        let rest = line.tokens.get(skip..).unwrap_or_default();
        let split = rest.iter().position(Token::is_figure).unwrap_or(rest.len());
        let (own, figures) = rest.split_at(split);
        if let Some(stray) = figures.iter().find(|t| !t.is_figure()) {
            cx.warn(
                format!("“{}” among the figures: the row is not read", stray.text),
                line.span(stray),
            );
            continue;
        }
        let own_text: String = own.iter().map(|t| t.text).collect();
        let is_total = TOTAL_LABELS.contains(&normalize_code_name(&own_text).as_str());
        if code.is_some() || !figures.is_empty() || is_total {
            if code.is_none() && !is_total {
                let t = figures.first().copied().or(own.first().copied());
                if let Some(t) = t {
                    cx.warn(
                        format!(
                            "figures without a code or 合计 (“{own_text}”): the row is not read"
                        ),
                        line.span(&t),
                    );
                }
                continue;
            }
            items.push(Item::Row {
                line: i,
                code,
                own: own.to_vec(),
                figures: figures.to_vec(),
            });
        } else {
            items.push(Item::Fragment {
                line: i,
                text: own_text,
            });
        }
    }
    items
}

/// Reads a function table's header and body lines.
pub(crate) fn read(cx: &mut Context<'_>, lines: &[Line<'_>]) -> (Vec<String>, Vec<ReadRow>) {
    let columns = printed(cx.id);
    let headings: Vec<String> = columns.iter().map(|(_, h, _)| (*h).to_owned()).collect();
    let Some(table) = FUNCTION_TABLES.iter().find(|t| t.table == cx.id.as_str()) else {
        return (headings, Vec::new());
    };
    // The body starts at the first row; the header is above it.
    let items = classify(cx, lines);
    let first_row = items.iter().find_map(|it| match it {
        Item::Row { line, .. } => Some(*line),
        Item::Fragment { .. } => None,
    });
    let Some(first_row) = first_row else {
        return (headings, Vec::new());
    };
    let header_end = lines
        .iter()
        .take(first_row)
        .rposition(|l| {
            l.tokens.iter().any(|t| {
                let w = normalize_code_name(t.text);
                LABEL_WORDS.contains(&w.as_str())
                    || columns
                        .iter()
                        .any(|(_, _, accepted)| accepted.contains(&w.as_str()))
                    || t.text.starts_with("单位")
            })
        })
        .map_or(0, |i| i + 1);
    let items: Vec<Item<'_>> = items
        .into_iter()
        .filter(|it| match it {
            Item::Row { line, .. } | Item::Fragment { line, .. } => *line >= header_end,
        })
        .collect();
    let header = lines.get(..header_end).unwrap_or_default();
    let name_heading = header
        .iter()
        .flat_map(|l| l.tokens.iter())
        .filter(|t| t.text == "科目名称" || t.text == "项目")
        .map(|t| t.end)
        .max()
        .unwrap_or(0);
    let wanted: Vec<&[&str]> = columns.iter().map(|(_, _, a)| *a).collect();
    let found = columns::locate(header, &wanted, name_heading);
    let header_page = lines.get(first_row).map_or(0, |l| l.page);
    let first_filled = columns.first().is_some_and(|(s, _, _)| s.is_empty());
    let anchors_of = |page: u32| page_anchors(lines, &items, page, first_filled);
    let Some(mut model) = Model::new(&found, anchors_of(header_page), first_filled) else {
        let span = lines.get(first_row).map(|l| l.span_at(0));
        if let Some(span) = span {
            cx.warn(
                format!(
                    "no heading “{}” found: the table is not read",
                    columns.first().map_or("", |c| c.1)
                ),
                span,
            );
        }
        return (headings, Vec::new());
    };
    // Where the figures of each column are on the header page.
    let header_edges = model.on_page(anchors_of(header_page));
    let mut seen: Vec<Vec<u32>> = vec![Vec::new(); model.len()];
    for item in &items {
        if let Item::Row { line, figures, .. } = item {
            if lines.get(*line).is_some_and(|l| l.page == header_page) {
                if let Ok(cols) = model.assign(&header_edges, figures) {
                    for (c, f) in cols.iter().zip(figures) {
                        if let Some(s) = seen.get_mut(*c) {
                            s.push(f.end);
                        }
                    }
                }
            }
        }
    }
    model.refine(&seen);
    let totals: Vec<Option<&str>> = columns
        .iter()
        .map(|(suffix, _, _)| {
            table
                .columns
                .iter()
                .chain(table.other_columns)
                .find(|(s, _)| s == suffix)
                .and_then(|(_, total)| *total)
        })
        .collect();

    // Names: rows and the fragments between them.
    let catalog = Catalog::function();
    let mut anchors: Vec<Anchor> = Vec::new();
    let mut gaps: Vec<Vec<String>> = vec![Vec::new()];
    for item in &items {
        match item {
            Item::Row { code, own, .. } => {
                let own: String = own.iter().map(|t| t.text).collect();
                let known = match code {
                    Some(c) => FunctionCode::parse(c)
                        .ok()
                        .and_then(|c| catalog.get(c))
                        .map_or(Known::Any, |e| {
                            Known::Names(e.names().map(|n| n.key()).collect())
                        }),
                    None => Known::Exactly(normalize_code_name(&own)),
                };
                anchors.push(Anchor { own, known });
                gaps.push(Vec::new());
            }
            Item::Fragment { text, .. } => {
                if let Some(g) = gaps.last_mut() {
                    g.push(text.clone());
                }
            }
        }
    }
    let names = names::split(&anchors, &gaps);

    let mut rows = Vec::new();
    let mut k = 0usize;
    let mut edges_cache: Option<(u32, Vec<Option<f64>>)> = None;
    for item in &items {
        let Item::Row {
            line,
            code,
            own,
            figures,
        } = item
        else {
            continue;
        };
        let (name, certain) = names.get(k).cloned().unwrap_or_default();
        k += 1;
        let Some(l) = lines.get(*line) else {
            continue;
        };
        let code = match code {
            Some(c) => match FunctionCode::parse(c) {
                Ok(code) => Some(code),
                Err(e) => {
                    cx.warn(
                        format!("code “{c}”: {e}: the row is not read"),
                        l.span_at(0),
                    );
                    continue;
                }
            },
            None => None,
        };
        let edges = match &edges_cache {
            Some((page, edges)) if *page == l.page => edges.clone(),
            _ => {
                let calibrated = anchors_of(l.page);
                let edges = if l.page == header_page || calibrated.first_edge.is_some() {
                    model.on_page(calibrated)
                } else {
                    // No way to place columns on this page: only full rows.
                    vec![None; model.len()]
                };
                edges_cache = Some((l.page, edges.clone()));
                edges
            }
        };
        let assigned = if figures.is_empty() {
            Ok(Vec::new())
        } else if edges.iter().all(Option::is_none) && figures.len() == model.len() {
            Ok((0..model.len()).collect())
        } else {
            model.assign(&edges, figures)
        };
        let assigned = match assigned {
            Ok(a) => a,
            Err(why) => {
                let what = code.map_or_else(|| name.clone(), |c| c.to_string());
                cx.warn(
                    format!("row {what}: {why}: the row is not read"),
                    l.span_at(0),
                );
                continue;
            }
        };
        let mut cells: Vec<Option<ReadCell>> = Vec::with_capacity(columns.len());
        // The row's ids: prefix and code once, each column's suffix after.
        let mut fact = String::with_capacity(64);
        let stem = code.map(|code| {
            fact.push_str(table.prefix);
            fact.push_str(&code.to_string());
            fact.len()
        });
        for (c, (suffix, _, _)) in columns.iter().enumerate() {
            let heading_found = found.get(c).is_some_and(Option::is_some);
            match stem {
                Some(len) => {
                    fact.truncate(len);
                    fact.push_str(suffix);
                }
                None => {
                    fact.clear();
                    fact.push_str(totals.get(c).copied().flatten().unwrap_or_default());
                }
            }
            if fact.is_empty() || !heading_found {
                cells.push(None);
                continue;
            }
            let edge = edges.get(c).copied().flatten();
            let figure = assigned
                .iter()
                .position(|a| *a == c)
                .and_then(|i| figures.get(i));
            let cell = match figure {
                Some(t) => cx.figure(l, t, &fact),
                None => {
                    let x = edge.map_or(0, column_at).saturating_sub(2);
                    Context::blank(l, x, &fact)
                }
            };
            cells.push(cell);
        }
        let shown = if certain {
            name.clone()
        } else {
            own.iter().map(|t| t.text).collect()
        };
        let name_fact = match (code, certain) {
            (Some(code), true) => {
                let span = own.first().map_or_else(|| l.span_at(0), |t| l.span(t));
                Some((format!("{}{code}.name", table.prefix), name.clone(), span))
            }
            (Some(code), false) => {
                cx.note(
                    format!(
                        "the name of row {code} cannot be told from the wrapped lines around it"
                    ),
                    l.span_at(0),
                );
                None
            }
            _ => None,
        };
        rows.push(ReadRow {
            code: code.map(|c| c.to_string()),
            name: shown,
            cells,
            name_fact: name_fact.and_then(|(id, text, span)| {
                Some((crate::fact::FactId::new(&id).ok()?, text, span))
            }),
        });
    }
    (headings, rows)
}

/// A position as a character column.
pub(crate) fn column_at(x: f64) -> u32 {
    // Float to integer casts saturate; positions are small.
    x.clamp(0.0, 100_000.0).round() as u32
}

/// The label column and first figure column of `page`.
fn page_anchors(lines: &[Line<'_>], items: &[Item<'_>], page: u32, first_filled: bool) -> Anchors {
    let mut label_xs = Vec::new();
    let mut edges = Vec::new();
    for item in items {
        match item {
            Item::Row {
                line, own, figures, ..
            } => {
                if lines.get(*line).is_some_and(|l| l.page == page) {
                    if let Some(t) = own.first() {
                        label_xs.push(t.x);
                    }
                    if first_filled {
                        if let Some(f) = figures.first() {
                            edges.push(f.end);
                        }
                    }
                }
            }
            Item::Fragment { line, .. } => {
                if let Some(l) = lines.get(*line).filter(|l| l.page == page) {
                    if let Some(t) = l.tokens.first() {
                        label_xs.push(t.x);
                    }
                }
            }
        }
    }
    Anchors {
        label_x: columns::mode(&label_xs),
        first_edge: columns::median(&edges),
    }
}
