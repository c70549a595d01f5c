//! T6 一般公共预算财政拨款基本支出决算表: two groups of economic-code rows
//! side by side (人员经费 on the left, 公用经费 on the right), each row a
//! code, a name and one figure, each group closed by its total.
//!
//! The layout breaks these rows freely: a code on one line and its name and
//! figure on the next, a name above and below its code, a code glued to its
//! name. Each group is read as a sequence: a code opens a row, the words
//! until its figure are its name, the figure closes it; words between rows
//! are split between them by the catalog (see [`names`](super::names)).

use super::layout::{Line, Token};
use super::names::{self, Anchor, Known};
use super::{Context, ReadCell, ReadRow};
use crate::code::{Catalog, EconomicCode, normalize_code_name};

/// Group totals: label → fact.
const TOTALS: &[(&str, &str)] = &[
    ("人员经费合计", "basic.personnel"),
    ("人员经费", "basic.personnel"),
    ("公用经费合计", "basic.public"),
    ("公用经费", "basic.public"),
    ("基本支出合计", "basic.total"),
    ("合计", "basic.total"),
];

/// A row of one group.
struct Item<'a> {
    code: Option<(String, usize, Token<'a>)>,
    /// Words between the code and the figure.
    own: Vec<String>,
    figure: Option<(usize, Token<'a>)>,
    /// For a total row: its fact.
    total: Option<&'static str>,
}

#[derive(Default)]
struct Group<'a> {
    items: Vec<Item<'a>>,
    /// Words between rows: `gaps[i]` before item `i`.
    gaps: Vec<Vec<(usize, Token<'a>)>>,
    open: Option<Item<'a>>,
}

impl<'a> Group<'a> {
    fn new() -> Group<'a> {
        Group {
            items: Vec::new(),
            gaps: vec![Vec::new()],
            open: None,
        }
    }

    fn code(&mut self, cx: &mut Context<'_>, lines: &[Line<'_>], i: usize, t: Token<'a>) {
        if let Some(open) = self.open.take() {
            warn_open(cx, lines, &open);
        }
        self.open = Some(Item {
            code: Some((t.text.to_owned(), i, t)),
            own: Vec::new(),
            figure: None,
            total: None,
        });
    }

    fn text(&mut self, i: usize, t: Token<'a>) {
        match self.open.as_mut() {
            Some(open) => open.own.push(t.text.to_owned()),
            None => {
                if let Some(g) = self.gaps.last_mut() {
                    g.push((i, t));
                }
            }
        }
    }

    fn figure(&mut self, cx: &mut Context<'_>, lines: &[Line<'_>], i: usize, t: Token<'a>) {
        if let Some(mut open) = self.open.take() {
            open.figure = Some((i, t));
            self.items.push(open);
            self.gaps.push(Vec::new());
            return;
        }
        // A total: its label is the last words before the figure.
        let label = self.gaps.last_mut().and_then(|g| {
            let (_, last) = g.last()?;
            let key = normalize_code_name(last.text);
            let fact = TOTALS.iter().find(|(l, _)| *l == key).map(|(_, f)| *f)?;
            g.pop();
            Some(fact)
        });
        match label {
            Some(fact) => {
                self.items.push(Item {
                    code: None,
                    own: Vec::new(),
                    figure: Some((i, t)),
                    total: Some(fact),
                });
                self.gaps.push(Vec::new());
            }
            None => {
                if let Some(l) = lines.get(i) {
                    cx.warn(
                        format!(
                            "figure {} with no code or total before it: not read",
                            t.text
                        ),
                        l.span(&t),
                    );
                }
            }
        }
    }
}

fn warn_open(cx: &mut Context<'_>, lines: &[Line<'_>], open: &Item<'_>) {
    if let Some((code, i, t)) = &open.code {
        if let Some(l) = lines.get(*i) {
            cx.warn(format!("row {code} has no figure: not read"), l.span(t));
        }
    }
}

/// Reads T6's header and body lines.
pub(crate) fn read(cx: &mut Context<'_>, lines: &[Line<'_>]) -> (Vec<String>, Vec<ReadRow>) {
    let headings = vec!["决算数".to_owned()];
    let first = lines.iter().position(|l| {
        l.tokens
            .first()
            .and_then(Token::digits)
            .is_some_and(|d| d.len() == 3)
    });
    let Some(first) = first else {
        return (headings, Vec::new());
    };
    let header = lines.get(..first).unwrap_or_default();
    let find = |word: &str| -> Vec<Token<'_>> {
        let mut v: Vec<Token<'_>> = header
            .iter()
            .flat_map(|l| l.tokens.iter().copied())
            .filter(|t| t.text == word)
            .collect();
        v.sort_by_key(|t| t.x);
        v
    };
    let figures_at = find("决算数");
    let codes_at = {
        let mut v = find("经济分类");
        if v.len() < 2 {
            v = find("科目编码");
        }
        v
    };
    let names_at = find("科目名称");
    let (Some(fig_l), Some(fig_r), Some(code_l), Some(code_r)) = (
        figures_at.first(),
        figures_at.get(1),
        codes_at.first(),
        codes_at.get(1),
    ) else {
        if let Some(l) = lines.get(first) {
            cx.warn("the headings of the two groups (经济分类, 决算数) were not found: the table is not read", l.span_at(0));
        }
        return (headings, Vec::new());
    };
    let name_l = names_at.first().map_or(code_l.x + 8, |t| t.x);
    let code_mid = (code_l.x + code_r.x) / 2;
    let text_mid = (name_l + code_r.x) / 2;
    let body = lines.get(first..).unwrap_or_default();
    let mut left = Group::new();
    let mut right = Group::new();
    for (i, line) in body.iter().enumerate() {
        let mut on_right = false;
        for t in &line.tokens {
            let right_now = if t.digits().is_some_and(|d| matches!(d.len(), 3 | 5 | 7)) {
                t.x >= code_mid
            } else if t.is_figure() {
                let at = i64::from(t.end);
                on_right || (at - i64::from(fig_r.end)).abs() < (at - i64::from(fig_l.end)).abs()
            } else {
                t.x >= text_mid
            };
            on_right |= right_now;
            let group = if right_now { &mut right } else { &mut left };
            if t.digits().is_some_and(|d| matches!(d.len(), 3 | 5 | 7)) {
                group.code(cx, body, i, *t);
            } else if t.is_figure() {
                group.figure(cx, body, i, *t);
            } else {
                group.text(i, *t);
            }
        }
    }
    let mut rows = Vec::new();
    for g in [left, right] {
        if let Some(open) = &g.open {
            warn_open(cx, body, open);
        }
        rows.extend(rows_of(cx, body, g));
    }
    (headings, rows)
}

/// The rows of a group, names split between them by the catalog.
fn rows_of(cx: &mut Context<'_>, lines: &[Line<'_>], g: Group<'_>) -> Vec<ReadRow> {
    let catalog = Catalog::economic();
    let anchors: Vec<Anchor> = g
        .items
        .iter()
        .map(|item| {
            let own: String = item.own.concat();
            let known = match (&item.code, item.total) {
                (Some((c, _, _)), _) => c
                    .parse::<EconomicCode>()
                    .ok()
                    .and_then(|c| catalog.get(c))
                    .map_or(Known::Any, |e| {
                        Known::Names(e.names().map(|n| n.key()).collect())
                    }),
                (None, Some(_)) => Known::Exactly(String::new()),
                _ => Known::Any,
            };
            Anchor { own, known }
        })
        .collect();
    let gaps: Vec<Vec<String>> = g
        .gaps
        .iter()
        .map(|gap| gap.iter().map(|(_, t)| t.text.to_owned()).collect())
        .collect();
    let names = names::split(&anchors, &gaps);
    let mut rows = Vec::new();
    for (k, item) in g.items.iter().enumerate() {
        let Some((fi, ft)) = &item.figure else {
            continue;
        };
        let Some(fl) = lines.get(*fi) else { continue };
        let (name, certain) = names.get(k).cloned().unwrap_or_default();
        if let Some(total) = item.total {
            let label = TOTALS
                .iter()
                .find(|(_, f)| *f == total)
                .map_or("", |(l, _)| *l);
            let cell = cx.figure(fl, ft, total);
            rows.push(ReadRow {
                code: None,
                name: label.to_owned(),
                cells: vec![cell],
                name_fact: None,
            });
            continue;
        }
        let Some((code, ci, ct)) = &item.code else {
            continue;
        };
        let Ok(parsed) = code.parse::<EconomicCode>() else {
            if let Some(l) = lines.get(*ci) {
                cx.warn(
                    format!("code “{code}” is no economic code: the row is not read"),
                    l.span(ct),
                );
            }
            continue;
        };
        let fact = format!("basic.economic.{parsed}");
        let cell: Option<ReadCell> = cx.figure(fl, ft, &fact);
        let name_fact = if certain {
            lines.get(*ci).and_then(|l| {
                let id = crate::fact::FactId::new(&format!("{fact}.name")).ok()?;
                Some((id, name.clone(), l.span(ct)))
            })
        } else {
            if let Some(l) = lines.get(*ci) {
                cx.note(
                    format!(
                        "the name of row {code} cannot be told from the wrapped lines around it"
                    ),
                    l.span(ct),
                );
            }
            None
        };
        rows.push(ReadRow {
            code: Some(parsed.to_string()),
            name: if certain { name } else { item.own.concat() },
            cells: vec![cell],
            name_fact,
        });
    }
    rows
}
