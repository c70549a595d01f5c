#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Perturbing a cell of a real table: the audit catches it and names it.
//!
//! For each of the two Shanghai dev reports (tables and narrative read from
//! their texts), every figure the tables print takes part in at least one
//! identity (a sum within its table or across tables, or a restatement).
//! Moving it by more than any rounding tolerance must bring an error that
//! was not there before and that names its fact.

use std::collections::BTreeSet;

use juesuan::{
    Amount, Disclosure, FactId, Severity, Span, audit, disclosure::Fact, disclosure::Value,
    table::read_layout,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

const REPORTS: [(&str, &str); 2] = [
    (
        include_str!("fixtures/putuo-social-work-2024.txt"),
        include_str!("fixtures/putuo-social-work-2024.layout.txt"),
    ),
    (
        include_str!("fixtures/putuo-planning-resources-2024.txt"),
        include_str!("fixtures/putuo-planning-resources-2024.layout.txt"),
    ),
];

/// A report's disclosure, its figure cells (fact, span), and the errors it
/// has unperturbed.
struct Case {
    disclosure: Disclosure,
    cells: Vec<(FactId, Span)>,
    errors: BTreeSet<(String, Vec<String>)>,
}

fn errors(d: &Disclosure) -> BTreeSet<(String, Vec<String>)> {
    audit(d)
        .iter()
        .filter(|f| f.severity() == Severity::Error)
        .map(|f| {
            (
                f.rule().to_owned(),
                f.facts().iter().map(|i| i.as_str().to_owned()).collect(),
            )
        })
        .collect()
}

fn case(i: usize) -> Case {
    let (reading, layout) = REPORTS[i];
    let report = read_layout(reading, layout);
    let cells = report
        .tables
        .iter()
        .flat_map(|t| t.cells())
        .filter(|c| c.value().as_amount().is_some())
        .map(|c| (c.fact().clone(), c.span()))
        .collect();
    let errors = errors(&report.disclosure);
    Case {
        disclosure: report.disclosure,
        cells,
        errors,
    }
}

/// `d` with the statement of `id` at `span` moved by `delta`.
fn perturbed(d: &Disclosure, id: &FactId, span: Span, delta: Decimal) -> Disclosure {
    let mut d = d.clone();
    for f in d.remove(id.as_str()) {
        let f = match (f.value(), f.span() == Some(span)) {
            (Value::Amount(a), true) => {
                let moved = Amount::new(a.value() + delta, a.unit());
                Fact::new(Value::Amount(moved)).with_span(f.span())
            }
            _ => f,
        };
        d.insert(id.clone(), f).unwrap();
    }
    d
}

/// The new errors that name `id`.
fn caught(c: &Case, id: &FactId, span: Span, delta: Decimal) -> Vec<String> {
    let d = perturbed(&c.disclosure, id, span, delta);
    errors(&d)
        .into_iter()
        .filter(|e| !c.errors.contains(e))
        .filter(|(_, facts)| facts.iter().any(|f| f == id.as_str()))
        .map(|(rule, _)| rule)
        .collect()
}

#[test]
fn every_figure_of_every_table_is_caught_when_moved() {
    for i in 0..REPORTS.len() {
        let c = case(i);
        assert!(c.cells.len() > 200, "report {i}: {} cells", c.cells.len());
        let mut missed = Vec::new();
        for (id, span) in &c.cells {
            for delta in [Decimal::new(100, 2), Decimal::new(-37, 2)] {
                if caught(&c, id, *span, delta).is_empty() {
                    missed.push(format!("{id} at line {} by {delta}", span.line));
                }
            }
        }
        assert!(missed.is_empty(), "report {i}: not caught: {missed:#?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any cell, moved by any amount beyond twice the widest tolerance
    /// (0.14 for a 类 of 27 款), up or down.
    #[test]
    fn a_moved_cell_is_caught_and_named(
        report in 0usize..2,
        pick in any::<prop::sample::Index>(),
        cents in 30i64..1_000_000,
        down in any::<bool>(),
    ) {
        let c = case(report);
        let (id, span) = pick.get(&c.cells).clone();
        let delta = Decimal::new(if down { -cents } else { cents }, 2);
        let rules = caught(&c, &id, span, delta);
        prop_assert!(!rules.is_empty(), "{id} at line {} moved by {delta}: not caught", span.line);
    }
}
