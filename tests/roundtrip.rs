#![allow(clippy::unwrap_used)]
//! parse ∘ render: the regenerated narrative states the same figures, in the
//! same roles, as the published text.

use std::collections::{BTreeMap, BTreeSet};

use juesuan::{Disclosure, FinalAccounts, fact::FactKind, render::narrative, text::parse_report};

/// The figures (amounts, percentages, counts) of a disclosure: id → the set
/// of values stated for it, as printed.
fn figures(d: &Disclosure) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (id, facts) in d.iter() {
        if matches!(id.kind(), FactKind::Text) || id.as_str().starts_with("document.") {
            continue;
        }
        for f in facts {
            out.entry(id.to_string())
                .or_default()
                .insert(f.value().plain());
        }
    }
    out
}

fn diff(a: &BTreeMap<String, BTreeSet<String>>, b: &BTreeMap<String, BTreeSet<String>>) -> String {
    let mut out = String::new();
    for (id, va) in a {
        match b.get(id) {
            None => out.push_str(&format!("only in original: {id} = {va:?}\n")),
            Some(vb) if vb != va => out.push_str(&format!("differs: {id}: {va:?} vs {vb:?}\n")),
            _ => {}
        }
    }
    for (id, vb) in b {
        if !a.contains_key(id) {
            out.push_str(&format!("only in rendered: {id} = {vb:?}\n"));
        }
    }
    out
}

#[test]
fn rendered_narrative_states_every_published_figure() {
    let original = parse_report(include_str!("fixtures/xinjiang-hrss-2024.txt")).disclosure;
    let accounts =
        FinalAccounts::from_json(include_str!("../examples/data/xinjiang-hrss-2024.json")).unwrap();
    let rendered = parse_report(&narrative(&accounts.to_disclosure())).disclosure;
    let (a, b) = (figures(&original), figures(&rendered));
    let d = diff(&a, &b);
    assert!(d.is_empty(), "{d}");
    assert!(
        a.len() > 150,
        "only {} figures read from the original",
        a.len()
    );
}

/// The published text, read and then held strictly as FinalAccounts, states
/// the same figures as the reference data; the facts set aside are only
/// words and what the document says about itself.
#[test]
fn published_text_becomes_the_typed_reference_report() {
    let parsed = parse_report(include_str!("fixtures/xinjiang-hrss-2024.txt")).disclosure;
    let (accounts, set_aside) = FinalAccounts::from_text_disclosure(&parsed).unwrap();
    let data =
        FinalAccounts::from_json(include_str!("../examples/data/xinjiang-hrss-2024.json")).unwrap();
    let d = diff(
        &figures(&data.to_disclosure()),
        &figures(&accounts.to_disclosure()),
    );
    assert!(d.is_empty(), "{d}");
    // The performance results outside the template, as the data has them.
    assert_eq!(accounts.indicators(), data.indicators());
    assert_eq!(data.indicators().len(), 5);
    assert!(!set_aside.is_empty());
    for id in &set_aside {
        let s = id.as_str();
        assert!(
            s.ends_with("_word") || s.starts_with("document."),
            "{s} set aside"
        );
    }
    // Strict reading refuses the same disclosure, naming a word fact.
    let err = FinalAccounts::from_disclosure(&parsed).unwrap_err();
    assert!(err.to_string().contains("_word"), "{err}");
}

/// Whether the narrative states this fact (its base and suffix have a
/// sentence in the 2024 template's 情况说明).
fn narrated(id: &str) -> bool {
    const BASES: &[&str] = &[
        "revenue.total",
        "revenue.current_year",
        "revenue.appropriation",
        "revenue.superior_subsidy",
        "revenue.business",
        "revenue.operating",
        "revenue.affiliate_remittance",
        "revenue.other",
        "revenue.non_appropriation_balance_used",
        "revenue.opening_balance",
        "expenditure.total",
        "expenditure.current_year",
        "expenditure.basic",
        "expenditure.project",
        "expenditure.remittance_to_superior",
        "expenditure.operating",
        "expenditure.subsidy_to_affiliates",
        "expenditure.surplus_distribution",
        "expenditure.closing_balance",
        "appropriation.revenue_total",
        "appropriation.opening_balance",
        "appropriation.revenue",
        "appropriation.expenditure_total",
        "appropriation.expenditure",
        "appropriation.closing_balance",
        "appropriation.initial_budget",
        "general_budget.expenditure",
        "basic.total",
        "basic.personnel",
        "basic.public",
        "government_fund.revenue",
        "government_fund.expenditure",
        "government_fund.opening_balance",
        "government_fund.closing_balance",
        "state_capital.revenue",
        "state_capital.expenditure",
        "state_capital.opening_balance",
        "state_capital.closing_balance",
        "office_operating_cost",
        "institution_public_cost",
        "staff.total",
        "staff.active",
        "staff.retired_cadre",
        "staff.retired",
        "organization.divisions",
        "performance.budget_total",
        "performance.executed_total",
    ];
    const PREFIXES: &[&str] = &["three_public.", "procurement.", "assets."];
    // The template states year-on-year changes of these totals only (收入支出
    // 总体, 财政拨款收入支出总体 and the one-line totals), and shares only of
    // income and spending by kind, of classes, of 三公 items and of the
    // procurement granted to SMEs.
    const CHANGED: &[&str] = &[
        "revenue.total",
        "expenditure.total",
        "appropriation.revenue_total",
        "appropriation.expenditure_total",
        "general_budget.expenditure",
    ];
    const NOT_SHARED: &[&str] = &[
        "revenue.non_appropriation_balance_used",
        "revenue.opening_balance",
        "basic.personnel",
        "basic.public",
        "procurement.goods",
        "procurement.works",
        "procurement.services",
    ];
    let Ok(fid) = juesuan::FactId::new(id) else {
        return false;
    };
    let base = fid.base();
    let suffix_ok = match fid.suffix() {
        Some(juesuan::fact::Suffix::PriorYear) => false,
        Some(juesuan::fact::Suffix::Change | juesuan::fact::Suffix::ChangeRate) => {
            CHANGED.contains(&base)
                || base.starts_with("general_budget.function.")
                || base.starts_with("three_public.")
                || base.starts_with("staff.")
                || ["office_operating_cost", "institution_public_cost"].contains(&base)
        }
        Some(juesuan::fact::Suffix::Share) => !NOT_SHARED.contains(&base),
        _ => true,
    };
    let function_row = base.starts_with("general_budget.function.")
        && fid.spec().pattern == "general_budget.function.{f}";
    suffix_ok
        && (BASES.contains(&base) || PREFIXES.iter().any(|p| base.starts_with(p)) || function_row)
}

#[cfg(feature = "proptest")]
mod generated {
    use super::*;
    use juesuan::strategy::{DisclosureConfig, consistent_disclosure_with};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// For generated consistent reports, reading back the written
        /// narrative gives the report's own figures: every narrated figure,
        /// with its value, and no figure the report does not state.
        #[test]
        fn parse_of_render_gives_the_same_figures(d in consistent_disclosure_with(DisclosureConfig::all())) {
            let parsed = parse_report(&narrative(&d)).disclosure;
            let original: BTreeMap<_, _> = figures(&d)
                .into_iter()
                .filter(|(id, _)| narrated(id))
                .collect();
            let back = figures(&parsed);
            let d = diff(&original, &back);
            prop_assert!(d.is_empty(), "{}", d);
        }
    }
}
