//! T9 财政拨款“三公”经费支出决算表: one row of twelve figures, 预算数 and
//! 决算数 of 合计, 因公出国（境）费, 公务用车购置及运行维护费 (小计, 购置费,
//! 运行维护费) and 公务接待费.

use super::columns::{Anchors, Heading, Model};
use super::layout::{Line, Token};
use super::{Context, ReadCell, ReadRow};

/// The twelve cells, in printed order.
const FACTS: [&str; 12] = [
    "three_public.total.budget",
    "three_public.total",
    "three_public.overseas_travel.budget",
    "three_public.overseas_travel",
    "three_public.vehicles.budget",
    "three_public.vehicles",
    "three_public.vehicle_purchase.budget",
    "three_public.vehicle_purchase",
    "three_public.vehicle_operation.budget",
    "three_public.vehicle_operation",
    "three_public.reception.budget",
    "three_public.reception",
];

/// The group headings, in the order the columns must have them.
const GROUPS: [&str; 6] = [
    "合计",
    "因公出国",
    "小计",
    "购置费",
    "运行维护费",
    "公务接待费",
];

/// Reads T9's header and body lines.
pub(crate) fn read(cx: &mut Context<'_>, lines: &[Line<'_>]) -> (Vec<String>, Vec<ReadRow>) {
    let headings: Vec<String> = [
        "合计 预算数",
        "合计 决算数",
        "因公出国（境）费 预算数",
        "因公出国（境）费 决算数",
        "公务用车购置及运行维护费 小计 预算数",
        "公务用车购置及运行维护费 小计 决算数",
        "公务用车购置费 预算数",
        "公务用车购置费 决算数",
        "公务用车运行维护费 预算数",
        "公务用车运行维护费 决算数",
        "公务接待费 预算数",
        "公务接待费 决算数",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    // The line of 预算数 | 决算数 headings.
    let Some(at) = lines.iter().position(|l| {
        l.tokens.len() >= 10
            && l.tokens
                .iter()
                .all(|t| t.text == "预算数" || t.text == "决算数")
    }) else {
        return (headings, Vec::new());
    };
    let Some(head) = lines.get(at) else {
        return (headings, Vec::new());
    };
    let pairs_ok = head.tokens.len() == 12
        && head
            .tokens
            .iter()
            .enumerate()
            .all(|(i, t)| t.text == if i % 2 == 0 { "预算数" } else { "决算数" });
    // The groups above must come in the template's order.
    let group_x: Vec<Option<u32>> = GROUPS
        .iter()
        .map(|g| {
            lines
                .iter()
                .take(at)
                .flat_map(|l| l.tokens.iter())
                .filter(|t| {
                    let w: String = t.text.chars().filter(|c| !c.is_whitespace()).collect();
                    if *g == "因公出国" {
                        w.starts_with(g)
                    } else {
                        w == *g
                    }
                })
                .map(|t| t.x)
                .min()
        })
        .collect();
    let ordered =
        group_x.iter().all(Option::is_some) && group_x.windows(2).all(|w| w.first() < w.get(1));
    if !pairs_ok || !ordered {
        cx.warn(
            "the column headings are not those of the template (合计, 因公出国（境）费, 公务用车 小计, 购置费, 运行维护费, 公务接待费; 预算数 and 决算数 each): the table is not read",
            head.span_at(0),
        );
        return (headings, Vec::new());
    }
    let body: Vec<(usize, &Line<'_>)> = lines
        .iter()
        .enumerate()
        .skip(at + 1)
        .filter(|(_, l)| l.tokens.iter().any(Token::is_figure))
        .collect();
    let [(_, line)] = body.as_slice() else {
        if let Some((_, l)) = body.get(1) {
            cx.warn(
                format!(
                    "{} lines of figures, where the template has one: not read",
                    body.len()
                ),
                l.span_at(0),
            );
        }
        return (headings, Vec::new());
    };
    if let Some(stray) = line.tokens.iter().find(|t| !t.is_figure()) {
        cx.warn(
            format!("“{}” among the figures: not read", stray.text),
            line.span(stray),
        );
        return (headings, Vec::new());
    }
    let found: Vec<Option<Heading>> = head
        .tokens
        .iter()
        .map(|t| {
            Some(Heading {
                label: t.text.to_owned(),
                x: t.x,
                end: t.end,
            })
        })
        .collect();
    let Some(model) = Model::new(&found, Anchors::default(), false) else {
        return (headings, Vec::new());
    };
    let edges = model.on_page(Anchors::default());
    let assigned = match model.assign(&edges, &line.tokens) {
        Ok(a) => a,
        Err(why) => {
            cx.warn(format!("{why}: the row is not read"), line.span_at(0));
            return (headings, Vec::new());
        }
    };
    let mut cells: Vec<Option<ReadCell>> = Vec::with_capacity(12);
    for (c, fact) in FACTS.iter().enumerate() {
        let figure = assigned
            .iter()
            .position(|a| *a == c)
            .and_then(|i| line.tokens.get(i));
        cells.push(match figure {
            Some(t) => cx.figure(line, t, fact),
            None => Context::blank(line, head.tokens.get(c).map_or(0, |t| t.x), fact),
        });
    }
    let row = ReadRow {
        code: None,
        name: "财政拨款“三公”经费".to_owned(),
        cells,
        name_fact: None,
    };
    (headings, vec![row])
}
