//! Properties of the audit over generated reports, using the crate's own
//! strategies (`juesuan::strategy`): consistent reports raise nothing worse
//! than info, a figure changed beyond rounding is always reported as an
//! error naming it, the JSON form is lossless, and the audit never panics on
//! any subset of facts.
// Without the feature this file is empty (its docs stay, for missing_docs).
#![cfg(feature = "proptest")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use juesuan::strategy::{
    DisclosureConfig, consistent_disclosure, consistent_disclosure_with,
    multi_perturbed_disclosure, perturbed_disclosure,
};
use juesuan::{Disclosure, FactId, Finding, Severity, Unit, audit};
use proptest::prelude::*;
use proptest::sample::Index;

/// Every finding of `severity` or worse, one per line, for failure messages.
fn worse_than_info(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.severity() > Severity::Info)
        .map(|f| {
            let facts: Vec<&str> = f.facts().iter().map(FactId::as_str).collect();
            format!("{f}\n    facts: {}", facts.join(", "))
        })
        .collect()
}

/// A [`DisclosureConfig`] with every switch drawn.
fn any_config() -> impl Strategy<Value = DisclosureConfig> {
    (any::<[bool; 17]>(), 1..=5usize, 1..=5usize).prop_map(|(b, classes, items)| {
        let mut c = DisclosureConfig::default();
        let [
            revenue_expenditure,
            appropriation,
            fund_budgets,
            function_rows,
            basic,
            three_public,
            procurement,
            staff,
            assets,
            performance,
            shares,
            changes,
            budgets,
            wording,
            codes,
            document,
            restatements,
        ] = b;
        c.revenue_expenditure = revenue_expenditure;
        c.appropriation = appropriation;
        c.fund_budgets = fund_budgets;
        c.function_rows = function_rows;
        c.basic = basic;
        c.three_public = three_public;
        c.procurement = procurement;
        c.staff = staff;
        c.assets = assets;
        c.performance = performance;
        c.shares = shares;
        c.changes = changes;
        c.budgets = budgets;
        c.wording = wording;
        c.codes = codes;
        c.document = document;
        c.restatements = restatements;
        c.max_classes = classes;
        c.max_items_per_class = items;
        c
    })
}

/// Fact ids the arbitrary disclosures draw from: every base with a few real
/// and made-up codes, and every suffix on a few bases.
fn some_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for spec in juesuan::fact::BASES {
        for (f, e, v) in [
            ("208", "301", "other"),
            ("20801", "30201", "emergency"),
            ("2080101", "30231", "special"),
            ("2089998", "30199", "principal"),
        ] {
            ids.push(
                spec.pattern
                    .replace("{f}", f)
                    .replace("{e}", e)
                    .replace("{v}", v),
            );
        }
    }
    ids.sort();
    ids.dedup();
    let mut with_suffixes = Vec::new();
    for id in &ids {
        for suffix in juesuan::fact::Suffix::ALL {
            with_suffixes.push(format!("{id}.{}", suffix.as_str()));
        }
    }
    ids.extend(with_suffixes);
    ids.retain(|id| FactId::new(id).is_ok());
    ids
}

/// Texts a fact may be stated as: numbers of every shape, words, junk.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (any::<i64>(), 0..=6u32)
            .prop_map(|(m, scale)| { rust_decimal::Decimal::new(m, scale).to_string() }),
        (-1_000_000i64..1_000_000, 0..=2u32)
            .prop_map(|(m, scale)| { rust_decimal::Decimal::new(m, scale).to_string() }),
        Just("0".to_owned()),
        Just("0.00".to_owned()),
        Just("100.00".to_owned()),
        Just("99999999999999999999999999.99".to_owned()),
        Just("-0.00".to_owned()),
        prop::sample::select(vec![
            "增加",
            "减少",
            "增长",
            "下降",
            "持平",
            "无变化",
            "大于",
            "小于",
            "等于",
            "超",
            "未完成",
            "2023",
            "2024-12-31",
            "XX局",
            "208001 行政运行",
            "2080104 综合事务管理",
            "2089998",
            "30231",
            "行政运行",
            "",
        ])
        .prop_map(str::to_owned),
        "[0-9,.%元万 -]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A consistent report gives no error and, since the generator never
    /// states a rate on a zero base, no warning: only info findings
    /// (consistent within rounding).
    #[test]
    fn consistent_reports_raise_nothing_worse_than_info(d in consistent_disclosure()) {
        let findings = audit(&d);
        let bad = worse_than_info(&findings);
        prop_assert!(bad.is_empty(), "{}\n{}", bad.join("\n"), d.to_json());
    }

    /// The same holds whichever parts of the report are stated.
    #[test]
    fn consistent_parts_raise_nothing_worse_than_info(
        d in any_config().prop_flat_map(consistent_disclosure_with)
    ) {
        let findings = audit(&d);
        let bad = worse_than_info(&findings);
        prop_assert!(bad.is_empty(), "{}\n{}", bad.join("\n"), d.to_json());
    }

    /// One printed amount changed beyond rounding is reported as an error
    /// that names it.
    #[test]
    fn a_perturbed_amount_is_an_error_naming_it((d, p) in perturbed_disclosure()) {
        prop_assert_ne!(p.from, p.to);
        prop_assert_eq!(d.amount(p.fact.as_str()), Some(p.to));
        let findings = audit(&d);
        prop_assert!(
            findings
                .iter()
                .any(|f| f.severity() == Severity::Error && f.facts().contains(&p.fact)),
            "{} changed from {} to {}, but no error names it:\n{}",
            p.fact,
            p.from,
            p.to,
            findings.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        );
    }

    /// Several changed amounts are each reported: the changes cannot cancel
    /// out.
    #[test]
    fn every_perturbed_amount_is_an_error_naming_it(
        (d, ps) in multi_perturbed_disclosure(4)
    ) {
        prop_assert_eq!(ps.len(), 4);
        let findings = audit(&d);
        for p in &ps {
            prop_assert!(
                findings
                    .iter()
                    .any(|f| f.severity() == Severity::Error && f.facts().contains(&p.fact)),
                "{} changed from {} to {}, but no error names it",
                p.fact,
                p.from,
                p.to
            );
        }
    }

    /// The JSON form is lossless.
    #[test]
    fn json_round_trip_is_lossless(d in consistent_disclosure()) {
        let json = d.to_json();
        let back = Disclosure::from_json(&json);
        prop_assert_eq!(back.as_ref().ok(), Some(&d), "{}", json);
        // Through serde too.
        let value = serde_json::to_value(&d).unwrap();
        let back: Disclosure = serde_json::from_value(value).unwrap();
        prop_assert_eq!(back, d);
    }

    /// The JSON form of a perturbed report is lossless too (the perturbed
    /// figure keeps its two decimals).
    #[test]
    fn json_round_trip_of_perturbed_reports((d, _) in perturbed_disclosure()) {
        prop_assert_eq!(Disclosure::from_json(&d.to_json()).ok(), Some(d));
    }

    /// The audit never panics on any subset of a generated report's facts,
    /// with arbitrary extra statements (wrong years, junk codes, zeros,
    /// huge numbers, words) mixed in.
    #[test]
    fn audit_never_panics_on_arbitrary_subsets(
        (d, _) in perturbed_disclosure(),
        keep in prop::collection::vec(any::<bool>(), 0..400),
        extra in prop::collection::vec((any::<Index>(), any_text()), 0..40),
        unit in prop_oneof![Just(Unit::WanYuan), Just(Unit::Yuan)],
        year in prop::option::of(2000..2100i32),
    ) {
        let ids = some_ids();
        let mut sub = Disclosure::new(unit);
        sub.set_fiscal_year(year.and_then(|y| juesuan::FiscalYear::new(y).ok()));
        for (i, (id, stmts)) in d.iter().enumerate() {
            if keep.get(i).copied().unwrap_or(true) {
                for f in stmts {
                    sub.insert(id.clone(), f.clone()).unwrap();
                }
            }
        }
        for (pick, text) in &extra {
            // Values that do not fit the id are refused; that is fine.
            let _ = sub.insert_str(pick.get(ids.as_slice()).as_str(), text);
        }
        let findings = audit(&sub);
        for f in &findings {
            prop_assert!(!f.message().is_empty());
            let _ = f.to_json();
        }
    }
}
