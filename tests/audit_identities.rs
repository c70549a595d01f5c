#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Every identity the audit knows, on small hand-made disclosures: one where
//! it holds exactly (no finding), one where it holds only within rounding
//! (an info finding with the right expected, actual, difference and
//! tolerance, all computed here by hand), and one where it fails (an error,
//! or a warning for warning-class rules, naming the changed fact). Then the
//! plausibility rules (rates, wording, years, codes, vehicles), switching
//! rules off, whole messages, and the reference report's exact findings.

use juesuan::audit::Quantity;
use std::collections::BTreeSet;

use juesuan::{
    Audit, Disclosure, FactId, FinalAccounts, Finding, FiscalYear, Severity, Unit, audit,
    audit::BALANCE_IDENTITIES, audit::BOUNDS, audit::ECONOMIC_TABLES, audit::EMPTY_TABLES,
    audit::FUNCTION_TABLES, audit::ROW_BALANCE_IDENTITIES, audit::ROW_SUM_IDENTITIES,
    audit::SUM_IDENTITIES, audit::rules, fact::FactKind,
};

// ---------------------------------------------------------------------------
// Helpers.

/// A 2024 disclosure in 万元 stating `facts` in order.
fn disclosure(facts: &[(&str, &str)]) -> Disclosure {
    let mut d = Disclosure::new(Unit::WanYuan);
    d.set_fiscal_year(Some(FiscalYear::new(2024).unwrap()));
    for (id, value) in facts {
        d.insert_str(id, value)
            .unwrap_or_else(|e| panic!("{id} = {value:?}: {e}"));
    }
    d
}

/// [`disclosure`] from owned pairs.
fn disclosure_of(facts: &[(String, String)]) -> Disclosure {
    let pairs: Vec<(&str, &str)> = facts
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    disclosure(&pairs)
}

fn of_rule<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule() == rule).collect()
}

fn describe(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            let facts: Vec<&str> = f.facts().iter().map(FactId::as_str).collect();
            format!("  {f}\n    facts: {}", facts.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `Err` describing the problem unless the audit of `d` gives no finding of
/// `rule`.
fn holds(d: &Disclosure, rule: &str) -> Result<(), String> {
    let findings = audit(d);
    if of_rule(&findings, rule).is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{rule}: expected no finding, got\n{}",
            describe(&findings)
        ))
    }
}

/// The figures an info (within rounding) finding must carry.
struct Figures<'a> {
    expected: &'a str,
    actual: &'a str,
    difference: &'a str,
    tolerance: &'a str,
}

/// `Err` unless the audit gives exactly one finding of `rule`, of severity
/// info, with these figures.
fn within(d: &Disclosure, rule: &str, want: &Figures<'_>) -> Result<(), String> {
    let findings = audit(d);
    let got = of_rule(&findings, rule);
    let [f] = got.as_slice() else {
        return Err(format!(
            "{rule}: expected one info finding, got\n{}",
            describe(&findings)
        ));
    };
    let plain = |q: Option<&Quantity>| q.map(Quantity::plain);
    let fields = (
        plain(f.expected()),
        plain(f.actual()),
        plain(f.difference()),
        plain(f.tolerance()),
    );
    let wanted = (
        Some(want.expected.to_owned()),
        Some(want.actual.to_owned()),
        Some(want.difference.to_owned()),
        Some(want.tolerance.to_owned()),
    );
    if f.severity() != Severity::Info || fields != wanted {
        return Err(format!(
            "{rule}: expected info with (expected, actual, difference, tolerance) = {wanted:?}, \
             got {:?} with {fields:?}: {f}",
            f.severity()
        ));
    }
    Ok(())
}

/// `Err` unless the audit gives a finding of `rule` with `severity` whose
/// facts include `fact`; returns that finding.
fn fails(d: &Disclosure, rule: &str, severity: Severity, fact: &str) -> Result<Finding, String> {
    let findings = audit(d);
    of_rule(&findings, rule)
        .into_iter()
        .find(|f| f.severity() == severity && f.facts().iter().any(|id| id.as_str() == fact))
        .cloned()
        .ok_or_else(|| {
            format!(
                "{rule}: expected a {severity} naming {fact}, got\n{}",
                describe(&findings)
            )
        })
}

/// Collects the `Err`s of many cases and fails once, listing them all.
#[derive(Default)]
struct Cases(Vec<String>);

impl Cases {
    fn check<T>(&mut self, what: &str, r: Result<T, String>) -> Option<T> {
        match r {
            Ok(x) => Some(x),
            Err(e) => {
                self.0.push(format!("[{what}] {e}"));
                None
            }
        }
    }

    fn done(self) {
        assert!(
            self.0.is_empty(),
            "{} failing case(s):\n{}",
            self.0.len(),
            self.0.join("\n\n")
        );
    }
}

/// `cents` as printed to two decimals, without separators: 12345 → "123.45".
fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.abs();
    format!("{sign}{}.{:02}", c / 100, c % 100)
}

/// The rounding tolerance of `figures` figures printed to two decimals, as
/// the audit writes it: half a cent each, cut to whole cents (the
/// difference of printed figures is whole cents): 2 → "0.01", 3 → "0.01"
/// (0.015), 4 → "0.02".
fn tolerance(figures: usize) -> String {
    let cents = 5 * figures / 10;
    format!("{}.{:02}", cents / 100, cents % 100)
}

#[test]
fn helpers_compute_by_hand() {
    assert_eq!(money(12345), "123.45");
    assert_eq!(money(-100), "-1.00");
    assert_eq!(money(5), "0.05");
    assert_eq!(tolerance(2), "0.01");
    assert_eq!(tolerance(3), "0.01");
    assert_eq!(tolerance(5), "0.02");
    assert_eq!(tolerance(200), "1.00");
}

// ---------------------------------------------------------------------------
// Coverage: every identity rule has cases below.

/// Rule ids covered by the tests of this file, by section.
fn covered() -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = BTreeSet::new();
    ids.extend(SUM_IDENTITIES.iter().map(|s| s.rule.to_owned()));
    // every_sum_of_changes_and_last_years_holds_and_fails, below.
    ids.extend(derived_sums().into_iter().map(|(rule, _, _)| rule));
    ids.extend(BALANCE_IDENTITIES.iter().map(|b| b.rule.to_owned()));
    for t in FUNCTION_TABLES {
        ids.extend(
            [
                t.rules.total,
                t.rules.hierarchy,
                t.rules.row,
                t.rules.change_sum,
                t.rules.prior_year_sum,
            ]
            .map(str::to_owned),
        );
    }
    ids.extend(BOUNDS.iter().map(|b| b.rule.to_owned()));
    // The table identities, below.
    ids.extend(ROW_SUM_IDENTITIES.iter().map(|r| r.rule.to_owned()));
    ids.extend(ROW_BALANCE_IDENTITIES.iter().map(|r| r.rule.to_owned()));
    for t in ECONOMIC_TABLES {
        ids.insert(t.hierarchy.to_owned());
        ids.extend(t.groups.iter().map(|g| g.rule.to_owned()));
    }
    ids.extend(EMPTY_TABLES.iter().map(|e| e.rule.to_owned()));
    ids.extend(
        [
            "restatement",
            "narrative.share",
            "narrative.change-rate",
            "narrative.prior-year",
            "narrative.budget-variance",
            "narrative.completion-rate",
            "rate.zero-base",
            "rate.truncated",
            // a_rate_on_this_year_instead_of_last_is_named, a_negative_total_or_three_public_item_is_an_error,
            // a_total_change_copied_to_every_part_is_a_warning.
            "rate.wrong-base",
            "amount.negative",
            "narrative.same-change",
            "T5-T3.item-bound",
            "assets.vehicles-held-difference",
            "wording.change-direction",
            "wording.unchanged",
            "wording.budget-comparison",
            "year.title",
            "year.heading",
            "year.prior",
            "year.balance-date",
            "template.placeholder",
            "code.malformed",
            "code.unknown",
            "code.name-mismatch",
            "code.unresolved-item",
        ]
        .map(str::to_owned),
    );
    ids
}

#[test]
fn every_rule_is_covered() {
    let covered = covered();
    let missing: Vec<&str> = rules()
        .iter()
        .map(|r| r.id)
        .filter(|id| !covered.contains(*id))
        .collect();
    assert!(missing.is_empty(), "rules without tests here: {missing:?}");
    // And every id named here is a rule.
    for id in &covered {
        assert!(rules().iter().any(|r| r.id == id), "{id} is not a rule");
    }
}

// ---------------------------------------------------------------------------
// SUM_IDENTITIES, data-driven: parts 1.00, 2.00, …, n.00; total their sum.

#[test]
fn every_sum_identity_holds_within_rounding_and_fails() {
    let mut cases = Cases::default();
    for s in SUM_IDENTITIES {
        let kind = FactId::new(s.total).unwrap().kind();
        let n = s.parts.len();
        let n_i64 = i64::try_from(n).unwrap();
        let sum: i64 = n_i64 * (n_i64 + 1) / 2;
        let last = s.parts.last().copied().unwrap();
        match kind {
            FactKind::Amount => {
                let stated = |total_cents: i64, last_cents: i64| -> Vec<(String, String)> {
                    let mut v = vec![(s.total.to_owned(), money(total_cents))];
                    for (i, p) in s.parts.iter().enumerate() {
                        let k = i64::try_from(i).unwrap() + 1;
                        let c = if i + 1 == n { last_cents } else { k * 100 };
                        v.push(((*p).to_owned(), money(c)));
                    }
                    v
                };
                let exact = disclosure_of(&stated(sum * 100, n_i64 * 100));
                cases.check(s.rule, holds(&exact, s.rule));
                // One cent over: within n + 1 half cents.
                let near = disclosure_of(&stated(sum * 100 + 1, n_i64 * 100));
                cases.check(
                    s.rule,
                    within(
                        &near,
                        s.rule,
                        &Figures {
                            expected: &money(sum * 100),
                            actual: &money(sum * 100 + 1),
                            difference: "0.01",
                            tolerance: &tolerance(n + 1),
                        },
                    ),
                );
                // The last part 1.00 too large.
                let off = disclosure_of(&stated(sum * 100, n_i64 * 100 + 100));
                if let Some(f) = cases.check(s.rule, fails(&off, s.rule, Severity::Error, last)) {
                    assert_eq!(f.facts()[0].as_str(), s.total, "{}", s.rule);
                    assert_eq!(
                        f.expected().map(Quantity::plain).as_deref(),
                        Some(money(sum * 100 + 100).as_str())
                    );
                    assert_eq!(
                        f.actual().map(Quantity::plain).as_deref(),
                        Some(money(sum * 100).as_str())
                    );
                    assert_eq!(
                        f.difference().map(Quantity::plain).as_deref(),
                        Some("-1.00")
                    );
                    assert_eq!(
                        f.tolerance().map(Quantity::plain).as_deref(),
                        Some(tolerance(n + 1).as_str())
                    );
                }
            }
            FactKind::Count | FactKind::SignedCount => {
                // Counts are exact: there is no "within rounding".
                let stated = |total: i64, last_part: i64| -> Vec<(String, String)> {
                    let mut v = vec![(s.total.to_owned(), total.to_string())];
                    for (i, p) in s.parts.iter().enumerate() {
                        let k = i64::try_from(i).unwrap() + 1;
                        let c = if i + 1 == n { last_part } else { k };
                        v.push(((*p).to_owned(), c.to_string()));
                    }
                    v
                };
                cases.check(s.rule, holds(&disclosure_of(&stated(sum, n_i64)), s.rule));
                let off = disclosure_of(&stated(sum, n_i64 + 1));
                if let Some(f) = cases.check(s.rule, fails(&off, s.rule, Severity::Error, last)) {
                    assert_eq!(
                        f.expected().map(Quantity::plain).as_deref(),
                        Some((sum + 1).to_string().as_str())
                    );
                    assert_eq!(
                        f.actual().map(Quantity::plain).as_deref(),
                        Some(sum.to_string().as_str())
                    );
                    assert_eq!(f.difference().map(Quantity::plain).as_deref(), Some("-1"));
                    assert_eq!(f.tolerance().map(Quantity::plain).as_deref(), Some("0"));
                }
            }
            other => panic!("{}: unexpected kind {other:?}", s.rule),
        }
    }
    cases.done();
}

// Hand-written, with the reference report's figures.

#[test]
fn t1_revenue_total_by_hand() {
    let mut cases = Cases::default();
    let rule = "T1.revenue-total";
    let d = |total: &str, opening: &str| {
        disclosure(&[
            ("revenue.total", total),
            ("revenue.current_year", "73274.06"),
            ("revenue.non_appropriation_balance_used", "520.00"),
            ("revenue.opening_balance", opening),
        ])
    };
    // 73,274.06 + 520.00 + 400.00 = 74,194.06.
    cases.check("exact", holds(&d("74194.06", "400.00"), rule));
    cases.check(
        "within",
        within(
            &d("74194.07", "400.00"),
            rule,
            &Figures {
                expected: "74194.06",
                actual: "74194.07",
                difference: "0.01",
                tolerance: "0.02",
            },
        ),
    );
    if let Some(f) = cases.check(
        "fails",
        fails(
            &d("74194.06", "500.00"),
            rule,
            Severity::Error,
            "revenue.opening_balance",
        ),
    ) {
        assert_eq!(
            f.expected().map(Quantity::plain).as_deref(),
            Some("74294.06")
        );
        assert_eq!(
            f.difference().map(Quantity::plain).as_deref(),
            Some("-100.00")
        );
    }
    cases.done();
}

#[test]
fn t9_total_by_hand() {
    let mut cases = Cases::default();
    let rule = "T9.total";
    let d = |reception: &str| {
        disclosure(&[
            ("three_public.total", "181.58"),
            ("three_public.overseas_travel", "0.00"),
            ("three_public.vehicles", "179.78"),
            ("three_public.reception", reception),
        ])
    };
    cases.check("exact", holds(&d("1.80"), rule));
    cases.check(
        "within",
        within(
            &d("1.81"),
            rule,
            &Figures {
                expected: "181.59",
                actual: "181.58",
                difference: "-0.01",
                tolerance: "0.02",
            },
        ),
    );
    if let Some(f) = cases.check(
        "fails",
        fails(&d("1.90"), rule, Severity::Error, "three_public.reception"),
    ) {
        assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("181.68"));
        assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some("181.58"));
        assert_eq!(
            f.difference().map(Quantity::plain).as_deref(),
            Some("-0.10")
        );
        assert_eq!(f.tolerance().map(Quantity::plain).as_deref(), Some("0.02"));
    }
    cases.done();
}

// ---------------------------------------------------------------------------
// BALANCE_IDENTITIES: 1.00 + 10.00 − 8.00 = 3.00.

#[test]
fn every_balance_identity_holds_within_rounding_and_fails() {
    let mut cases = Cases::default();
    for b in BALANCE_IDENTITIES {
        let d = |revenue: &str, closing: &str| {
            disclosure(&[
                (b.opening, "1.00"),
                (b.revenue, revenue),
                (b.expenditure, "8.00"),
                (b.closing, closing),
            ])
        };
        cases.check(b.rule, holds(&d("10.00", "3.00"), b.rule));
        cases.check(
            b.rule,
            within(
                &d("10.00", "3.01"),
                b.rule,
                &Figures {
                    expected: "3.00",
                    actual: "3.01",
                    difference: "0.01",
                    tolerance: "0.02",
                },
            ),
        );
        if let Some(f) = cases.check(
            b.rule,
            fails(&d("12.00", "3.00"), b.rule, Severity::Error, b.revenue),
        ) {
            assert_eq!(f.facts()[0].as_str(), b.closing);
            assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("5.00"));
            assert_eq!(
                f.difference().map(Quantity::plain).as_deref(),
                Some("-2.00")
            );
        }
    }
    cases.done();
}

// ---------------------------------------------------------------------------
// FUNCTION_TABLES, data-driven over every table and column.

fn row(prefix: &str, code: &str, column: &str) -> String {
    format!("{prefix}{code}{column}")
}

#[test]
fn every_table_total_holds_within_rounding_and_fails() {
    let mut cases = Cases::default();
    for t in FUNCTION_TABLES {
        let rule = t.rules.total;
        for (column, total) in t.columns {
            let Some(total) = total else {
                continue;
            };
            let what = format!("{rule} column {column:?}");
            let c208 = row(t.prefix, "208", column);
            let d = |total_value: &str, v208: &str| {
                disclosure_of(&[
                    ((*total).to_owned(), total_value.to_owned()),
                    (row(t.prefix, "205", column), "1.00".to_owned()),
                    (c208.clone(), v208.to_owned()),
                ])
            };
            cases.check(&what, holds(&d("3.00", "2.00"), rule));
            cases.check(
                &what,
                within(
                    &d("3.01", "2.00"),
                    rule,
                    &Figures {
                        expected: "3.00",
                        actual: "3.01",
                        difference: "0.01",
                        tolerance: "0.01", // 0.015 at the figures' precision
                    },
                ),
            );
            if let Some(f) = cases.check(
                &what,
                fails(&d("3.00", "4.00"), rule, Severity::Error, &c208),
            ) {
                assert_eq!(f.facts()[0].as_str(), *total);
                assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("5.00"));
                assert_eq!(
                    f.difference().map(Quantity::plain).as_deref(),
                    Some("-2.00")
                );
            }
        }
    }
    cases.done();
}

#[test]
fn every_table_hierarchy_holds_within_rounding_and_fails() {
    let mut cases = Cases::default();
    for t in FUNCTION_TABLES {
        let rule = t.rules.hierarchy;
        for (column, _) in t.columns {
            let what = format!("{rule} column {column:?}");
            let c20805 = row(t.prefix, "20805", column);
            // 类 208 = 款 20801 + 款 20805; 款 20805 = 项 2080501 + 项 2080505.
            let d = |v208: &str, v20805: &str| {
                disclosure_of(&[
                    (row(t.prefix, "208", column), v208.to_owned()),
                    (row(t.prefix, "20801", column), "1.00".to_owned()),
                    (c20805.clone(), v20805.to_owned()),
                    (row(t.prefix, "2080501", column), "0.50".to_owned()),
                    (row(t.prefix, "2080505", column), "1.50".to_owned()),
                ])
            };
            cases.check(&what, holds(&d("3.00", "2.00"), rule));
            cases.check(
                &what,
                within(
                    &d("3.01", "2.00"),
                    rule,
                    &Figures {
                        expected: "3.00",
                        actual: "3.01",
                        difference: "0.01",
                        tolerance: "0.01", // 0.015 at the figures' precision
                    },
                ),
            );
            // 款 20805 at 5.00 breaks both levels: 208 (as a part) and
            // 20805 (as a total).
            let off = d("3.00", "5.00");
            if let Some(f) = cases.check(&what, fails(&off, rule, Severity::Error, &c20805)) {
                assert!(
                    f.facts()[0].as_str() == row(t.prefix, "208", column)
                        || f.facts()[0].as_str() == c20805
                );
            }
            let findings = audit(&off);
            let errors = of_rule(&findings, rule)
                .iter()
                .filter(|f| f.severity() == Severity::Error)
                .count();
            if errors != 2 {
                cases.0.push(format!(
                    "[{what}] expected 2 errors (208 and 20805), got\n{}",
                    describe(&findings)
                ));
            }
        }
    }
    cases.done();
}

#[test]
fn every_table_row_holds_within_rounding_and_fails() {
    let mut cases = Cases::default();
    for t in FUNCTION_TABLES {
        let rule = t.rules.row;
        let others: Vec<&str> = t
            .columns
            .iter()
            .map(|(c, _)| *c)
            .filter(|c| !c.is_empty())
            .collect();
        let first = row(t.prefix, "2080101", "");
        if others.is_empty() {
            // A one-column table has no row sum: the rule never fires.
            let d = disclosure_of(&[(first.clone(), "3.00".to_owned())]);
            cases.check(rule, holds(&d, rule));
            continue;
        }
        let n = others.len();
        let n_i64 = i64::try_from(n).unwrap();
        let sum = n_i64 * (n_i64 + 1) / 2 * 100;
        let last = row(t.prefix, "2080101", others[n - 1]);
        let d = |total: i64, last_value: i64| {
            let mut v = vec![(first.clone(), money(total))];
            for (i, c) in others.iter().enumerate() {
                let k = i64::try_from(i).unwrap() + 1;
                let value = if i + 1 == n { last_value } else { k * 100 };
                v.push((row(t.prefix, "2080101", c), money(value)));
            }
            disclosure_of(&v)
        };
        cases.check(rule, holds(&d(sum, n_i64 * 100), rule));
        cases.check(
            rule,
            within(
                &d(sum + 1, n_i64 * 100),
                rule,
                &Figures {
                    expected: &money(sum),
                    actual: &money(sum + 1),
                    difference: "0.01",
                    tolerance: &tolerance(n + 1),
                },
            ),
        );
        if let Some(f) = cases.check(
            rule,
            fails(&d(sum, n_i64 * 100 + 100), rule, Severity::Error, &last),
        ) {
            assert_eq!(f.facts()[0].as_str(), first);
            assert_eq!(
                f.difference().map(Quantity::plain).as_deref(),
                Some("-1.00")
            );
        }
    }
    cases.done();
}

/// Total 3.00 changed by `total_change`; 类 205 = 1.00 (+0.10) and 类 208 =
/// `v208` (+`c208`).
fn change_table(
    t: &juesuan::audit::FunctionTable,
    total: &str,
    total_change: &str,
    v208: &str,
    c208: &str,
) -> Disclosure {
    let total_id = t.total.unwrap();
    disclosure_of(&[
        (total_id.to_owned(), total.to_owned()),
        (format!("{total_id}.change"), total_change.to_owned()),
        (row(t.prefix, "205", ""), "1.00".to_owned()),
        (row(t.prefix, "205", ".change"), "0.10".to_owned()),
        (row(t.prefix, "208", ""), v208.to_owned()),
        (row(t.prefix, "208", ".change"), c208.to_owned()),
    ])
}

#[test]
fn every_table_change_sum_holds_within_rounding_and_fails() {
    let mut cases = Cases::default();
    for t in FUNCTION_TABLES {
        let rule = t.rules.change_sum;
        let Some(total_id) = t.total else {
            continue;
        };
        cases.check(
            rule,
            holds(&change_table(t, "3.00", "0.30", "2.00", "0.20"), rule),
        );
        cases.check(
            rule,
            within(
                &change_table(t, "3.00", "0.31", "2.00", "0.20"),
                rule,
                &Figures {
                    expected: "0.30",
                    actual: "0.31",
                    difference: "0.01",
                    tolerance: "0.01", // 0.015 at the figures' precision
                },
            ),
        );
        let c208 = row(t.prefix, "208", ".change");
        if let Some(f) = cases.check(
            rule,
            fails(
                &change_table(t, "3.00", "0.30", "2.00", "1.20"),
                rule,
                Severity::Error,
                &c208,
            ),
        ) {
            assert_eq!(f.facts()[0].as_str(), format!("{total_id}.change"));
            assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("1.30"));
            assert_eq!(
                f.difference().map(Quantity::plain).as_deref(),
                Some("-1.00")
            );
        }
    }
    cases.done();
}

#[test]
fn every_table_prior_year_sum_holds_within_rounding_and_fails() {
    let mut cases = Cases::default();
    for t in FUNCTION_TABLES {
        let rule = t.rules.prior_year_sum;
        if t.total.is_none() {
            continue;
        }
        cases.check(
            rule,
            holds(&change_table(t, "3.00", "0.30", "2.00", "0.20"), rule),
        );
        // Total 3.01, changes exact: last year 3.01 − 0.30 = 2.71 stated,
        // (1.00 − 0.10) + (2.00 − 0.20) = 2.70 from the rows; six figures.
        cases.check(
            rule,
            within(
                &change_table(t, "3.01", "0.30", "2.00", "0.20"),
                rule,
                &Figures {
                    expected: "2.70",
                    actual: "2.71",
                    difference: "0.01",
                    tolerance: "0.03",
                },
            ),
        );
        // 类 208 at 3.00: the rows give 0.90 + 2.80 = 3.70 for last year.
        let v208 = row(t.prefix, "208", "");
        if let Some(f) = cases.check(
            rule,
            fails(
                &change_table(t, "3.00", "0.30", "3.00", "0.20"),
                rule,
                Severity::Error,
                &v208,
            ),
        ) {
            assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("3.70"));
            assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some("2.70"));
            assert_eq!(
                f.difference().map(Quantity::plain).as_deref(),
                Some("-1.00")
            );
            assert_eq!(f.tolerance().map(Quantity::plain).as_deref(), Some("0.03"));
        }
    }
    cases.done();
}

// Hand-written T5, with the reference report's figures.

#[test]
fn t5_total_by_hand() {
    let mut cases = Cases::default();
    let d = |total: &str, c221: &str| {
        disclosure(&[
            ("general_budget.expenditure", total),
            ("general_budget.function.205", "12086.90"),
            ("general_budget.function.208", "54662.05"),
            ("general_budget.function.210", "887.96"),
            ("general_budget.function.221", c221),
        ])
    };
    // 12,086.90 + 54,662.05 + 887.96 + 732.54 = 68,369.45.
    cases.check("exact", holds(&d("68369.45", "732.54"), "T5.total"));
    cases.check(
        "within",
        within(
            &d("68369.46", "732.54"),
            "T5.total",
            &Figures {
                expected: "68369.45",
                actual: "68369.46",
                difference: "0.01",
                tolerance: "0.02", // 0.025 at the figures' precision
            },
        ),
    );
    if let Some(f) = cases.check(
        "fails",
        fails(
            &d("68369.46", "832.54"),
            "T5.total",
            Severity::Error,
            "general_budget.function.221",
        ),
    ) {
        assert_eq!(
            f.expected().map(Quantity::plain).as_deref(),
            Some("68469.45")
        );
        assert_eq!(
            f.difference().map(Quantity::plain).as_deref(),
            Some("-99.99")
        );
        assert_eq!(f.tolerance().map(Quantity::plain).as_deref(), Some("0.02"));
    }
    cases.done();
}

#[test]
fn t5_hierarchy_by_hand() {
    let mut cases = Cases::default();
    let rule = "T5.hierarchy";
    let d = |v208: &str, basic208: &str, v20805: &str| {
        disclosure(&[
            ("general_budget.function.208", v208),
            ("general_budget.function.208.basic", basic208),
            ("general_budget.function.20801", "30000.00"),
            ("general_budget.function.20801.basic", "1000.00"),
            ("general_budget.function.20805", v20805),
            ("general_budget.function.20805.basic", "662.05"),
        ])
    };
    cases.check("exact", holds(&d("54662.05", "1662.05", "24662.05"), rule));
    // 30,000.00 + 24,662.06 = 54,662.06 against 54,662.05.
    cases.check(
        "within",
        within(
            &d("54662.05", "1662.05", "24662.06"),
            rule,
            &Figures {
                expected: "54662.06",
                actual: "54662.05",
                difference: "-0.01",
                tolerance: "0.01", // 0.015 at the figures' precision
            },
        ),
    );
    // The 基本支出 column is checked too.
    if let Some(f) = cases.check(
        "fails (basic column)",
        fails(
            &d("54662.05", "1762.05", "24662.05"),
            rule,
            Severity::Error,
            "general_budget.function.208.basic",
        ),
    ) {
        assert_eq!(
            f.expected().map(Quantity::plain).as_deref(),
            Some("1662.05")
        );
        assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some("1762.05"));
        assert_eq!(
            f.difference().map(Quantity::plain).as_deref(),
            Some("100.00")
        );
    }
    if let Some(f) = cases.check(
        "fails",
        fails(
            &d("54662.05", "1662.05", "24762.05"),
            rule,
            Severity::Error,
            "general_budget.function.20805",
        ),
    ) {
        assert_eq!(
            f.expected().map(Quantity::plain).as_deref(),
            Some("54762.05")
        );
        assert_eq!(
            f.difference().map(Quantity::plain).as_deref(),
            Some("-100.00")
        );
    }
    cases.done();
}

// ---------------------------------------------------------------------------
// BOUNDS: part ≤ whole beyond rounding. Within rounding a bound reports
// nothing (there is no info finding for a bound).

#[test]
fn every_bound_holds_within_rounding_and_fails() {
    let mut cases = Cases::default();
    for b in BOUNDS {
        let kind = FactId::new(b.part).unwrap().kind();
        match kind {
            FactKind::Amount => {
                let d = |part: &str| disclosure(&[(b.part, part), (b.whole, "2.00")]);
                cases.check(b.rule, holds(&d("1.00"), b.rule));
                cases.check(b.rule, holds(&d("2.00"), b.rule));
                // One cent over: within the two half cents.
                cases.check(b.rule, holds(&d("2.01"), b.rule));
                if let Some(f) = cases.check(b.rule, fails(&d("3.00"), b.rule, b.severity, b.part))
                {
                    assert_eq!(
                        f.expected().map(Quantity::plain).as_deref(),
                        Some("≤ 2.00"),
                        "{}",
                        b.rule
                    );
                    assert_eq!(
                        f.actual().map(Quantity::plain).as_deref(),
                        Some("3.00"),
                        "{}",
                        b.rule
                    );
                    assert_eq!(
                        f.difference().map(Quantity::plain).as_deref(),
                        Some("1.00"),
                        "{}",
                        b.rule
                    );
                    assert_eq!(
                        f.tolerance().map(Quantity::plain).as_deref(),
                        Some("0.01"),
                        "{}",
                        b.rule
                    );
                }
            }
            FactKind::Count => {
                let d = |part: &str| disclosure(&[(b.part, part), (b.whole, "97")]);
                cases.check(b.rule, holds(&d("91"), b.rule));
                cases.check(b.rule, holds(&d("97"), b.rule));
                if let Some(f) = cases.check(b.rule, fails(&d("100"), b.rule, b.severity, b.part)) {
                    assert_eq!(f.difference().map(Quantity::plain).as_deref(), Some("3"));
                    assert_eq!(f.tolerance().map(Quantity::plain).as_deref(), Some("0"));
                }
            }
            other => panic!("{}: unexpected kind {other:?}", b.rule),
        }
    }
    cases.done();
}

#[test]
fn t5_items_are_bounded_by_t3() {
    let mut cases = Cases::default();
    let rule = "T5-T3.item-bound";
    let d = |gb: &str| {
        disclosure(&[
            ("general_budget.function.2080101", gb),
            ("expenditure.function.2080101", "2.00"),
        ])
    };
    cases.check("holds", holds(&d("1.00"), rule));
    cases.check("within", holds(&d("2.01"), rule));
    cases.check(
        "fails",
        fails(
            &d("3.00"),
            rule,
            Severity::Warning,
            "general_budget.function.2080101",
        ),
    );
    cases.done();
}

// ---------------------------------------------------------------------------
// Narrative: shares, changes, last years, budgets, restatements.

#[test]
fn narrative_share_by_hand() {
    let mut cases = Cases::default();
    let rule = "narrative.share";
    // 68,460.73 / 73,274.06 = 93.4307…%.
    cases.check(
        "exact",
        holds(
            &disclosure(&[
                ("revenue.appropriation", "68460.73"),
                ("revenue.current_year", "73274.06"),
                ("revenue.appropriation.share", "93.43"),
            ]),
            rule,
        ),
    );
    // 1.00 / 3.00 = 33.33%, but true figures in [0.995, 1.005] and
    // [2.995, 3.005] reach 33.11% to 33.56%: 33.34% is within rounding.
    // Tolerance: 0.005 + (100 × 1.005 / 2.995 − 100 / 3) = 0.005 +
    // 0.222593… = 0.227593 (to six places).
    let d = |share: &str| {
        disclosure(&[
            ("revenue.business", "1.00"),
            ("revenue.current_year", "3.00"),
            ("revenue.business.share", share),
        ])
    };
    cases.check(
        "within",
        within(
            &d("33.34"),
            rule,
            &Figures {
                expected: "33.33",
                actual: "33.34",
                difference: "0.01",
                tolerance: "0.22", // 0.227593 at the rate's precision
            },
        ),
    );
    if let Some(f) = cases.check(
        "fails",
        fails(&d("35.00"), rule, Severity::Error, "revenue.business.share"),
    ) {
        let ids: Vec<&str> = f.facts().iter().map(FactId::as_str).collect();
        assert_eq!(
            ids,
            [
                "revenue.business.share",
                "revenue.business",
                "revenue.current_year"
            ]
        );
        assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("33.33"));
        assert_eq!(f.difference().map(Quantity::plain).as_deref(), Some("1.67"));
    }
    // The share of a 类 in T5 is of the T5 total.
    cases.check(
        "class share",
        fails(
            &disclosure(&[
                ("general_budget.expenditure", "4.00"),
                ("general_budget.function.208", "1.00"),
                ("general_budget.function.208.share", "50.00"),
            ]),
            rule,
            Severity::Error,
            "general_budget.function.208.share",
        ),
    );
    cases.done();
}

#[test]
fn narrative_change_rate_by_hand() {
    let mut cases = Cases::default();
    let rule = "narrative.change-rate";
    let id = "general_budget.function.2080101";
    // 行政运行 5,948.68, up 82.75: 82.75 / 5,865.93 = 1.4107…%.
    cases.check(
        "exact",
        holds(
            &disclosure(&[
                (id, "5948.68"),
                ("general_budget.function.2080101.change", "82.75"),
                ("general_budget.function.2080101.change_rate", "1.41"),
            ]),
            rule,
        ),
    );
    // 10.00 up 1.00: 1 / 9 = 11.11%; the true figures reach 0.995 / 9.01 =
    // 11.0433% to 1.005 / 8.99 = 11.1791%: 11.12% is within rounding.
    // Tolerance 0.005 + (11.179088 − 11.111111) = 0.072977.
    let d = |rate: &str| {
        disclosure(&[
            (id, "10.00"),
            ("general_budget.function.2080101.change", "1.00"),
            ("general_budget.function.2080101.change_rate", rate),
        ])
    };
    cases.check(
        "within",
        within(
            &d("11.12"),
            rule,
            &Figures {
                expected: "11.11",
                actual: "11.12",
                difference: "0.01",
                tolerance: "0.07", // 0.072977 at the rate's precision
            },
        ),
    );
    if let Some(f) = cases.check(
        "fails",
        fails(
            &d("20.00"),
            rule,
            Severity::Error,
            "general_budget.function.2080101.change_rate",
        ),
    ) {
        assert!(f.facts().iter().any(|x| x.as_str() == id));
        assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("11.11"));
        assert_eq!(f.difference().map(Quantity::plain).as_deref(), Some("8.89"));
    }
    // A fall: 287.40 down 50.41 is −14.92%.
    cases.check(
        "fall",
        holds(
            &disclosure(&[
                (id, "287.40"),
                ("general_budget.function.2080101.change", "-50.41"),
                ("general_budget.function.2080101.change_rate", "-14.92"),
            ]),
            rule,
        ),
    );
    cases.done();
}

#[test]
fn narrative_prior_year() {
    let mut cases = Cases::default();
    let rule = "narrative.prior-year";
    let d = |prior: &str| {
        disclosure(&[
            ("revenue.total", "10.00"),
            ("revenue.total.prior_year", prior),
            ("revenue.total.change", "1.00"),
        ])
    };
    cases.check("exact", holds(&d("9.00"), rule));
    cases.check(
        "within",
        within(
            &d("9.01"),
            rule,
            &Figures {
                expected: "10.01",
                actual: "10.00",
                difference: "-0.01",
                tolerance: "0.01", // 0.015 at the figures' precision
            },
        ),
    );
    cases.check(
        "fails",
        fails(
            &d("8.00"),
            rule,
            Severity::Error,
            "revenue.total.prior_year",
        ),
    );
    cases.done();
}

#[test]
fn narrative_budget_variance() {
    let mut cases = Cases::default();
    let rule = "narrative.budget-variance";
    // (68,860.73 − 45,059.04) / 45,059.04 = 52.8226…%.
    cases.check(
        "exact",
        holds(
            &disclosure(&[
                ("appropriation.revenue_total", "68860.73"),
                ("appropriation.initial_budget", "45059.04"),
                ("appropriation.revenue_total.budget_variance_rate", "52.82"),
            ]),
            rule,
        ),
    );
    // (4.00 − 3.00) / 3.00 = 33.33%; reachable 32.9451% to 33.7229%.
    // Tolerance 0.005 + (33.722871 − 33.333333) = 0.394538.
    let d = |rate: &str| {
        disclosure(&[
            ("general_budget.expenditure", "4.00"),
            ("general_budget.expenditure.budget", "3.00"),
            ("general_budget.expenditure.budget_variance_rate", rate),
        ])
    };
    cases.check(
        "within",
        within(
            &d("33.34"),
            rule,
            &Figures {
                expected: "33.33",
                actual: "33.34",
                difference: "0.01",
                tolerance: "0.39", // 0.394538 at the rate's precision
            },
        ),
    );
    cases.check(
        "fails",
        fails(
            &d("40.00"),
            rule,
            Severity::Error,
            "general_budget.expenditure.budget_variance_rate",
        ),
    );
    cases.done();
}

#[test]
fn narrative_completion_rate() {
    let mut cases = Cases::default();
    let rule = "narrative.completion-rate";
    let d = |budget: &str, rate: &str| {
        disclosure(&[
            ("three_public.total", "1.00"),
            ("three_public.total.budget", budget),
            ("three_public.total.completion_rate", rate),
        ])
    };
    cases.check("exact", holds(&d("4.00", "25.00"), rule));
    // 1.00 / 3.00, as for the share above.
    cases.check(
        "within",
        within(
            &d("3.00", "33.34"),
            rule,
            &Figures {
                expected: "33.33",
                actual: "33.34",
                difference: "0.01",
                tolerance: "0.22", // 0.227593 at the rate's precision
            },
        ),
    );
    cases.check(
        "fails",
        fails(
            &d("3.00", "50.00"),
            rule,
            Severity::Error,
            "three_public.total.completion_rate",
        ),
    );
    cases.done();
}

#[test]
fn restatement() {
    let mut cases = Cases::default();
    let rule = "restatement";
    let d = |again: &str| disclosure(&[("revenue.total", "74194.06"), ("revenue.total", again)]);
    cases.check("exact", holds(&d("74194.06"), rule));
    // Finding::expected and ::actual are documented as "as printed (no
    // separators)", like every other finding's figures.
    cases.check(
        "within",
        within(
            &d("74194.07"),
            rule,
            &Figures {
                expected: "74194.06",
                actual: "74194.07",
                difference: "0.01",
                tolerance: "0.01",
            },
        ),
    );
    cases.check(
        "fails",
        fails(&d("74194.16"), rule, Severity::Error, "revenue.total"),
    );
    // Counts restated differently are errors too.
    cases.check(
        "counts",
        fails(
            &disclosure(&[("staff.total", "1785"), ("staff.total", "1786")]),
            rule,
            Severity::Error,
            "staff.total",
        ),
    );
    cases.done();
}

// ---------------------------------------------------------------------------
// Rates: zero base, truncation.

#[test]
fn rate_on_a_zero_base_is_a_warning() {
    let d = disclosure(&[
        ("general_budget.function.2080106", "873.46"),
        ("general_budget.function.2080106.change", "873.46"),
        ("general_budget.function.2080106.change_rate", "100.00"),
    ]);
    let f = fails(
        &d,
        "rate.zero-base",
        Severity::Warning,
        "general_budget.function.2080106.change_rate",
    )
    .unwrap();
    assert_eq!(f.expected().map(Quantity::plain).as_deref(), None);
    assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some("100.00"));
    assert_eq!(f.difference().map(Quantity::plain).as_deref(), None);
    // Half a unit of the rate (0.005), cut to its printed precision.
    assert_eq!(f.tolerance().map(Quantity::plain).as_deref(), Some("0.00"));
    // Not also reported as a broken rate.
    assert!(of_rule(&audit(&d), "narrative.change-rate").is_empty());

    // A share of a whole printed as zero, and a variance on a zero budget.
    let share = disclosure(&[
        ("revenue.business", "1.00"),
        ("revenue.current_year", "0.00"),
        ("revenue.business.share", "5.00"),
    ]);
    fails(
        &share,
        "rate.zero-base",
        Severity::Warning,
        "revenue.business.share",
    )
    .unwrap();
    let variance = disclosure(&[
        ("general_budget.expenditure", "1.00"),
        ("general_budget.expenditure.budget", "0.00"),
        ("general_budget.expenditure.budget_variance_rate", "100.00"),
    ]);
    fails(
        &variance,
        "rate.zero-base",
        Severity::Warning,
        "general_budget.expenditure.budget_variance_rate",
    )
    .unwrap();
    // 0 of 0 stated as 0.00% is the convention, not a finding.
    let none = disclosure(&[
        ("revenue.other", "0.00"),
        ("revenue.current_year", "0.00"),
        ("revenue.other.share", "0.00"),
    ]);
    assert!(audit(&none).is_empty(), "{}", describe(&audit(&none)));
}

#[test]
fn truncated_percentages_are_a_warning() {
    // 20,000.00 / 30,000.00 = 66.6667%: rounds to 66.67, truncates to 66.66;
    // with such large figures rounding slack cannot reach 66.665.
    let d = |share: &str| {
        disclosure(&[
            ("revenue.business", "20000.00"),
            ("revenue.current_year", "30000.00"),
            ("revenue.business.share", share),
        ])
    };
    let f = fails(
        &d("66.66"),
        "rate.truncated",
        Severity::Warning,
        "revenue.business.share",
    )
    .unwrap();
    assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("66.67"));
    assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some("66.66"));
    assert_eq!(
        f.difference().map(Quantity::plain).as_deref(),
        Some("-0.01")
    );
    assert!(audit(&d("66.67")).is_empty());
    // 66.65 is neither rounded nor truncated: an error.
    fails(
        &d("66.65"),
        "narrative.share",
        Severity::Error,
        "revenue.business.share",
    )
    .unwrap();
}

// ---------------------------------------------------------------------------
// Wording.

#[test]
fn change_words_must_agree_with_the_figures() {
    // 增加 with a negative change.
    let d = disclosure(&[
        ("revenue.total", "10.00"),
        ("revenue.total.change", "-1.00"),
        ("revenue.total.change_word", "增加"),
    ]);
    let f = fails(
        &d,
        "wording.change-direction",
        Severity::Warning,
        "revenue.total.change_word",
    )
    .unwrap();
    assert_eq!(
        f.expected().map(Quantity::plain).as_deref(),
        Some("减少/下降")
    );
    assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some("增加"));
    // 增长 with a fall, judged from the stated last year.
    let d = disclosure(&[
        ("revenue.total", "9.00"),
        ("revenue.total.prior_year", "10.00"),
        ("revenue.total.change_rate_word", "增长"),
    ]);
    let f = fails(
        &d,
        "wording.change-direction",
        Severity::Warning,
        "revenue.total.change_rate_word",
    )
    .unwrap();
    assert!(f.facts().iter().any(|id| id.as_str() == "revenue.total"));
    // Agreeing words give nothing.
    let ok = disclosure(&[
        ("revenue.total", "10.00"),
        ("revenue.total.change", "-1.00"),
        ("revenue.total.change_word", "减少"),
        ("revenue.total.change_rate", "-9.09"),
        ("revenue.total.change_rate_word", "下降"),
    ]);
    assert!(audit(&ok).is_empty(), "{}", describe(&audit(&ok)));
    // The two words of one sentence must agree with each other.
    let clash = disclosure(&[
        ("revenue.total.change_word", "增加"),
        ("revenue.total.change_rate_word", "下降"),
    ]);
    fails(
        &clash,
        "wording.change-direction",
        Severity::Warning,
        "revenue.total.change_rate_word",
    )
    .unwrap();
}

#[test]
fn unchanged_only_when_nothing_changed() {
    let d = |change: &str| {
        disclosure(&[
            ("revenue.total", "10.00"),
            ("revenue.total.change", change),
            ("revenue.total.change_word", "持平"),
        ])
    };
    let f = fails(
        &d("1.00"),
        "wording.unchanged",
        Severity::Warning,
        "revenue.total.change_word",
    )
    .unwrap();
    assert_eq!(
        f.expected().map(Quantity::plain).as_deref(),
        Some("增加/增长")
    );
    assert!(audit(&d("0.00")).is_empty());
}

#[test]
fn budget_comparison_words_must_agree() {
    let d = |word: &str| {
        disclosure(&[
            ("three_public.total", "1.00"),
            ("three_public.total.budget", "2.00"),
            ("three_public.total.comparison_word", word),
        ])
    };
    let f = fails(
        &d("大于"),
        "wording.budget-comparison",
        Severity::Warning,
        "three_public.total.comparison_word",
    )
    .unwrap();
    assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("小于"));
    assert_eq!(
        f.difference().map(Quantity::plain).as_deref(),
        Some("-1.00")
    );
    assert!(audit(&d("小于")).is_empty());
    assert!(audit(&d("未完成")).is_empty());
    // The budget of 财政拨款收入总计 is 年初预算数.
    let initial = disclosure(&[
        ("appropriation.revenue_total", "3.00"),
        ("appropriation.initial_budget", "2.00"),
        ("appropriation.revenue_total.comparison_word", "小于"),
    ]);
    fails(
        &initial,
        "wording.budget-comparison",
        Severity::Warning,
        "appropriation.initial_budget",
    )
    .unwrap();
}

// ---------------------------------------------------------------------------
// Years and template placeholders.

#[test]
fn years_must_fit_the_report_year() {
    let right = disclosure(&[
        ("document.title_year", "2024"),
        ("document.heading_year", "2024"),
        ("document.prior_year", "2023"),
        ("document.balance_date", "2024-12-31"),
    ]);
    assert!(audit(&right).is_empty(), "{}", describe(&audit(&right)));
    let wrong = disclosure(&[
        ("document.title_year", "2023"),
        ("document.heading_year", "2024"),
        ("document.heading_year", "2025"),
        ("document.prior_year", "2024"),
        ("document.balance_date", "2023-12-31"),
    ]);
    let title = fails(
        &wrong,
        "year.title",
        Severity::Warning,
        "document.title_year",
    )
    .unwrap();
    assert_eq!(
        (
            title.expected().map(Quantity::plain).as_deref(),
            title.actual().map(Quantity::plain).as_deref(),
            title.difference().map(Quantity::plain).as_deref()
        ),
        (Some("2024"), Some("2023"), Some("-1"))
    );
    let heading = fails(
        &wrong,
        "year.heading",
        Severity::Warning,
        "document.heading_year",
    )
    .unwrap();
    assert_eq!(
        heading.actual().map(Quantity::plain).as_deref(),
        Some("2025")
    );
    assert_eq!(of_rule(&audit(&wrong), "year.heading").len(), 1);
    let prior = fails(
        &wrong,
        "year.prior",
        Severity::Warning,
        "document.prior_year",
    )
    .unwrap();
    assert_eq!(
        prior.expected().map(Quantity::plain).as_deref(),
        Some("2023")
    );
    let date = fails(
        &wrong,
        "year.balance-date",
        Severity::Warning,
        "document.balance_date",
    )
    .unwrap();
    assert_eq!(
        date.expected().map(Quantity::plain).as_deref(),
        Some("2024-12-31")
    );
    assert_eq!(
        date.actual().map(Quantity::plain).as_deref(),
        Some("2023-12-31")
    );
}

#[test]
fn template_placeholders_are_warnings() {
    let d = disclosure(&[
        ("document.placeholder", "XX局"),
        ("document.placeholder", "XXX"),
    ]);
    let findings = audit(&d);
    let found = of_rule(&findings, "template.placeholder");
    assert_eq!(found.len(), 2, "{}", describe(&findings));
    assert!(found.iter().all(|f| f.severity() == Severity::Warning));
    assert_eq!(
        found[0].actual().map(Quantity::plain).as_deref(),
        Some("XX局")
    );
}

// ---------------------------------------------------------------------------
// Codes.

#[test]
fn malformed_unknown_and_misnamed_codes_are_warnings() {
    let d = disclosure(&[
        (
            "general_budget.function.2080501.cited_code",
            "208001 行政运行",
        ),
        (
            "general_budget.function.2080101.cited_code",
            "2089998 某项支出",
        ),
        ("general_budget.function.2089998", "1.00"),
        ("general_budget.function.2080104.name", "综合事务管理"),
        (
            "general_budget.function.2080199.cited_code",
            "2080104 综合事务管理",
        ),
        // Right code, right name (including a former name): nothing.
        ("general_budget.function.2080105.name", "劳动保障监察"),
        ("general_budget.function.20805.name", "行政事业单位离退休"),
        (
            "general_budget.function.2080109.cited_code",
            "2080109 社会保险经办机构",
        ),
    ]);
    let findings = audit(&d);
    let malformed = fails(
        &d,
        "code.malformed",
        Severity::Warning,
        "general_budget.function.2080501.cited_code",
    )
    .unwrap();
    assert!(malformed.message().contains("208001"), "{malformed}");
    fails(
        &d,
        "code.unknown",
        Severity::Warning,
        "general_budget.function.2080101.cited_code",
    )
    .unwrap();
    fails(
        &d,
        "code.unknown",
        Severity::Warning,
        "general_budget.function.2089998",
    )
    .unwrap();
    let named = fails(
        &d,
        "code.name-mismatch",
        Severity::Warning,
        "general_budget.function.2080104.name",
    )
    .unwrap();
    assert_eq!(
        named.expected().map(Quantity::plain).as_deref(),
        Some("综合业务管理")
    );
    assert_eq!(
        named.actual().map(Quantity::plain).as_deref(),
        Some("综合事务管理")
    );
    fails(
        &d,
        "code.name-mismatch",
        Severity::Warning,
        "general_budget.function.2080199.cited_code",
    )
    .unwrap();
    assert_eq!(of_rule(&findings, "code.malformed").len(), 1);
    assert_eq!(of_rule(&findings, "code.unknown").len(), 2);
    assert_eq!(
        of_rule(&findings, "code.name-mismatch").len(),
        2,
        "{}",
        describe(&findings)
    );
}

#[test]
fn unresolved_items_warn_and_suspend_their_sums() {
    // 20805 states 3.00, its two placed items sum to 2.00: the third item is
    // named in the text but unknown to the catalog (a real slip of the
    // Shanghai planning report), so the sum cannot be judged.
    let facts = [
        ("general_budget.expenditure", "3.00"),
        ("general_budget.function.208", "3.00"),
        ("general_budget.function.20805", "3.00"),
        ("general_budget.function.2080501", "1.00"),
        ("general_budget.function.2080502", "1.00"),
        (
            "general_budget.function.20805.unresolved_item",
            "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员活动费支出（项）",
        ),
    ];
    let d = disclosure(&facts);
    let findings = audit(&d);
    assert!(
        of_rule(&findings, "T5.hierarchy").is_empty(),
        "{}",
        describe(&findings)
    );
    let w = fails(
        &d,
        "code.unresolved-item",
        Severity::Warning,
        "general_budget.function.20805.unresolved_item",
    )
    .unwrap();
    assert!(
        w.message().contains("机关事业单位退休人员活动费支出"),
        "{w}"
    );
    assert!(w.message().contains("20805 行政事业单位养老支出"), "{w}");
    // Without the marker the same figures are an error.
    let d = disclosure(&facts[..5]);
    let findings = audit(&d);
    assert_eq!(
        of_rule(&findings, "T5.hierarchy").len(),
        1,
        "{}",
        describe(&findings)
    );
}

// ---------------------------------------------------------------------------
// Vehicles.

#[test]
fn vehicles_held_difference_is_info_when_explained() {
    let d = |held: &str, reason: Option<&str>| {
        let mut facts = vec![
            ("assets.vehicles", "97"),
            ("three_public.vehicles_held", held),
        ];
        if let Some(r) = reason {
            facts.push(("three_public.vehicles_held.reason", r));
        }
        disclosure(&facts)
    };
    let rule = "assets.vehicles-held-difference";
    let explained = fails(
        &d("91", Some("执法执勤用车不属于公务用车")),
        rule,
        Severity::Info,
        "three_public.vehicles_held",
    )
    .unwrap();
    assert_eq!(
        explained.expected().map(Quantity::plain).as_deref(),
        Some("97")
    );
    assert_eq!(
        explained.actual().map(Quantity::plain).as_deref(),
        Some("91")
    );
    assert_eq!(
        explained.difference().map(Quantity::plain).as_deref(),
        Some("-6")
    );
    fails(
        &d("91", None),
        rule,
        Severity::Warning,
        "three_public.vehicles_held",
    )
    .unwrap();
    assert!(audit(&d("97", None)).is_empty());
}

// ---------------------------------------------------------------------------
// Switching rules off.

#[test]
fn disabled_rules_report_nothing() {
    let d = disclosure(&[
        ("three_public.total", "1.00"),
        ("three_public.overseas_travel", "0.00"),
        ("three_public.vehicles", "0.00"),
        ("three_public.reception", "0.00"),
        ("general_budget.function.2080106", "873.46"),
        ("general_budget.function.2080106.change", "873.46"),
        ("general_budget.function.2080106.change_rate", "100.00"),
    ]);
    let all = Audit::new().run(&d);
    assert_eq!(of_rule(&all, "T9.total").len(), 1);
    assert_eq!(of_rule(&all, "rate.zero-base").len(), 1);

    let mut quiet = Audit::new();
    quiet.disable("T9.total").unwrap();
    let some = quiet.run(&d);
    assert!(of_rule(&some, "T9.total").is_empty());
    assert_eq!(of_rule(&some, "rate.zero-base").len(), 1);

    quiet.disable("rate.zero-base").unwrap();
    assert!(quiet.run(&d).is_empty());

    quiet.enable("T9.total").unwrap();
    assert_eq!(of_rule(&quiet.run(&d), "T9.total").len(), 1);
    assert!(Audit::new().disable("T9.nope").is_err());
}

// ---------------------------------------------------------------------------
// Whole messages, so wording regressions are caught.

#[test]
fn messages_snapshot() {
    let d = disclosure(&[
        ("three_public.total", "181.58"),
        ("three_public.overseas_travel", "0.00"),
        ("three_public.vehicles", "179.78"),
        ("three_public.reception", "1.90"),
        ("general_budget.expenditure", "68369.46"),
        ("general_budget.function.205", "12086.90"),
        ("general_budget.function.208", "54662.05"),
        ("general_budget.function.210", "887.96"),
        ("general_budget.function.221", "732.54"),
        // An item of a class not stated, so no hierarchy check involves it.
        ("general_budget.function.2010101", "873.46"),
        ("general_budget.function.2010101.change", "873.46"),
        ("general_budget.function.2010101.change_rate", "100.00"),
        (
            "general_budget.function.2080199.cited_code",
            "2080104 综合事务管理",
        ),
        ("assets.vehicles", "97"),
        ("three_public.vehicles_held", "91"),
        ("three_public.vehicles_held.reason", "说明"),
        ("revenue.total", "10.00"),
        ("revenue.total.change", "-1.00"),
        ("revenue.total.change_word", "增加"),
    ]);
    // Most serious first; within a severity, in schema order of the facts.
    let got: Vec<String> = audit(&d).iter().map(ToString::to_string).collect();
    let want = [
        "error[T9.total]: “三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费: \
         财政拨款“三公”经费支出 181.58: expected 181.68, found 181.58: difference -0.10 exceeds \
         rounding tolerance 0.02",
        "warning[wording.change-direction]: 收入总计: the text says “增加” but the stated figure is \
         -1.00",
        "warning[rate.zero-base]: 一般公共预算财政拨款支出 2010101 873.46, change 873.46, rate \
         100.00%: found 100.00% on a base of zero: the rate is undefined",
        "warning[code.name-mismatch]: cited code 2080104 is named “综合事务管理”, but the catalog \
         names it “综合业务管理”",
        "info[T5.total]: 一般公共预算财政拨款支出决算表合计 = Σ 4 类: 一般公共预算财政拨款支出 \
         68,369.46: expected 68,369.45, found 68,369.46: difference 0.01 within rounding tolerance \
         0.02",
        "info[assets.vehicles-held-difference]: 公务用车保有量 91 辆 vs 国有资产车辆 97 辆: \
         difference -6, explained in the text",
    ];
    assert_eq!(got, want);
}

// ---------------------------------------------------------------------------
// The reference report.

#[test]
fn reference_report_gives_exactly_its_known_findings() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/xinjiang-hrss-2024.facts.json"
    ))
    .unwrap();
    let d = Disclosure::from_json(&text).unwrap();
    let mut got: Vec<(String, Severity, String)> = audit(&d)
        .iter()
        .map(|f| {
            (
                f.rule().to_owned(),
                f.severity(),
                f.facts()
                    .first()
                    .map(|id| id.as_str().to_owned())
                    .unwrap_or_default(),
            )
        })
        .collect();
    got.sort();
    let gb = |s: &str| format!("general_budget.{s}");
    let mut want: Vec<(String, Severity, String)> = vec![
        ("T5.total".into(), Severity::Info, gb("expenditure")),
        ("T5.hierarchy".into(), Severity::Info, gb("function.208")),
        (
            "T5.change-sum".into(),
            Severity::Info,
            gb("expenditure.change"),
        ),
        (
            "T5.prior-year-sum".into(),
            Severity::Info,
            gb("expenditure"),
        ),
        (
            "code.malformed".into(),
            Severity::Warning,
            gb("function.2080501.cited_code"),
        ),
        (
            "code.malformed".into(),
            Severity::Warning,
            gb("function.2080502.cited_code"),
        ),
        (
            "code.name-mismatch".into(),
            Severity::Warning,
            gb("function.2080104.cited_code"),
        ),
        (
            "code.name-mismatch".into(),
            Severity::Warning,
            gb("function.2080199.cited_code"),
        ),
        (
            "rate.zero-base".into(),
            Severity::Warning,
            gb("function.2080106.change_rate"),
        ),
        (
            "rate.zero-base".into(),
            Severity::Warning,
            gb("function.2080107.change_rate"),
        ),
        (
            "assets.vehicles-held-difference".into(),
            Severity::Info,
            "assets.vehicles".into(),
        ),
    ];
    want.sort();
    assert_eq!(got, want);
    // The figures of the anomalies DESIGN.md §8 lists.
    let findings = audit(&d);
    let t5 = of_rule(&findings, "T5.total")[0];
    assert_eq!(
        (
            t5.expected().map(Quantity::plain).as_deref(),
            t5.actual().map(Quantity::plain).as_deref(),
            t5.difference().map(Quantity::plain).as_deref(),
            t5.tolerance().map(Quantity::plain).as_deref()
        ),
        (
            Some("68369.45"),
            Some("68369.46"),
            Some("0.01"),
            Some("0.02")
        )
    );
    let h = of_rule(&findings, "T5.hierarchy")[0];
    assert_eq!(
        (
            h.expected().map(Quantity::plain).as_deref(),
            h.actual().map(Quantity::plain).as_deref(),
            h.difference().map(Quantity::plain).as_deref()
        ),
        (Some("54662.06"), Some("54662.05"), Some("-0.01"))
    );
    let c = of_rule(&findings, "T5.change-sum")[0];
    assert_eq!(
        (
            c.expected().map(Quantity::plain).as_deref(),
            c.actual().map(Quantity::plain).as_deref(),
            c.difference().map(Quantity::plain).as_deref()
        ),
        (Some("2460.42"), Some("2460.41"), Some("-0.01"))
    );
    let p = of_rule(&findings, "T5.prior-year-sum")[0];
    assert_eq!(
        (
            p.expected().map(Quantity::plain).as_deref(),
            p.actual().map(Quantity::plain).as_deref(),
            p.difference().map(Quantity::plain).as_deref()
        ),
        (Some("65909.04"), Some("65909.05"), Some("0.01"))
    );
    assert!(findings.iter().all(|f| f.severity() < Severity::Error));
}

/// Findings write their texts lazily, from what they own: they outlive the
/// disclosure they came from and can be read on another thread.
#[test]
fn findings_outlive_their_disclosure_and_cross_threads() {
    let findings = {
        let mut d = Disclosure::default();
        for (id, v) in [
            ("three_public.total", "181.58"),
            ("three_public.overseas_travel", "0.00"),
            ("three_public.vehicles", "179.78"),
            ("three_public.reception", "1.90"),
        ] {
            d.insert_str(id, v).unwrap();
        }
        audit(&d)
    };
    let read = std::thread::spawn(move || {
        findings
            .iter()
            .map(|f| {
                let ids: Vec<String> = f.facts().iter().map(ToString::to_string).collect();
                (
                    f.to_string(),
                    f.difference()
                        .map(Quantity::plain)
                        .as_deref()
                        .map(str::to_owned),
                    ids,
                )
            })
            .collect::<Vec<_>>()
    })
    .join()
    .unwrap();
    let (message, difference, ids) = &read[0];
    assert!(message.starts_with("error[T9.total]: "), "{message}");
    assert!(
        message.contains("difference -0.10 exceeds rounding tolerance 0.02"),
        "{message}"
    );
    assert_eq!(difference.as_deref(), Some("-0.10"));
    assert_eq!(
        ids,
        &[
            "three_public.total",
            "three_public.overseas_travel",
            "three_public.vehicles",
            "three_public.reception"
        ]
    );
}

// ---------------------------------------------------------------------------
// The identities of tables read from a document: T4 by row, T7/T8 rows, T6,
// empty tables, and cells printed empty.

#[test]
fn t4_row_holds_within_rounding_and_fails() {
    let mut cases = Cases::default();
    let row = |total: &str, gb: &str, gf: &str| {
        disclosure(&[
            ("appropriation.expenditure.function.210", total),
            ("general_budget.function.210", gb),
            ("government_fund.function.210", gf),
            ("state_capital.function.210", ""),
        ])
    };
    // 236.64 = 236.64 + 0 + (printed empty).
    cases.check("exact", holds(&row("236.64", "236.64", "0.00"), "T4.row"));
    // 236.63 vs 236.64 + 0.00 + empty: 0.01 apart, tolerance 4 × 0.005.
    cases.check(
        "within",
        within(
            &row("236.63", "236.64", "0.00"),
            "T4.row",
            &Figures {
                expected: "236.64",
                actual: "236.63",
                difference: "-0.01",
                tolerance: "0.02",
            },
        ),
    );
    cases.check(
        "fails",
        fails(
            &row("300.00", "236.64", ""),
            "T4.row",
            Severity::Error,
            "general_budget.function.210",
        ),
    );
    cases.done();
}

#[test]
fn t7_and_t8_rows_roll_forward() {
    let mut cases = Cases::default();
    for (rule, fund) in [
        ("T7.row-balance", "government_fund"),
        ("T8.row-balance", "state_capital"),
    ] {
        let row = |closing: &str| {
            disclosure_of(&[
                (
                    format!("{fund}.function.2120801.opening_balance"),
                    "10.00".to_owned(),
                ),
                (
                    format!("{fund}.function.2120801.revenue"),
                    "100.00".to_owned(),
                ),
                (format!("{fund}.function.2120801"), "95.50".to_owned()),
                (
                    format!("{fund}.function.2120801.closing_balance"),
                    closing.to_owned(),
                ),
            ])
        };
        // 10.00 + 100.00 − 95.50 = 14.50.
        cases.check(rule, holds(&row("14.50"), rule));
        cases.check(
            rule,
            within(
                &row("14.51"),
                rule,
                &Figures {
                    expected: "14.50",
                    actual: "14.51",
                    difference: "0.01",
                    tolerance: "0.02",
                },
            ),
        );
        cases.check(
            rule,
            fails(
                &row("4.50"),
                rule,
                Severity::Error,
                &format!("{fund}.function.2120801.revenue"),
            ),
        );
    }
    cases.done();
}

#[test]
fn t6_classes_and_groups() {
    let mut cases = Cases::default();
    // 302 = 30201 + 30211 + 30299: 3.78 + 1.15 + 0.20 = 5.13.
    let t6 = |c302: &str, personnel: &str, public: &str| {
        disclosure(&[
            ("basic.economic.301", "95.36"),
            ("basic.economic.30101", "95.36"),
            ("basic.economic.302", c302),
            ("basic.economic.30201", "3.78"),
            ("basic.economic.30211", "1.15"),
            ("basic.economic.30299", "0.20"),
            ("basic.economic.303", "0.00"),
            ("basic.economic.310", ""),
            ("basic.personnel", personnel),
            ("basic.public", public),
        ])
    };
    let exact = t6("5.13", "95.36", "5.13");
    for rule in ["T6.hierarchy", "T6.personnel", "T6.public"] {
        cases.check(rule, holds(&exact, rule));
    }
    cases.check(
        "T6.hierarchy within",
        within(
            &t6("5.14", "95.36", "5.14"),
            "T6.hierarchy",
            &Figures {
                expected: "5.13",
                actual: "5.14",
                difference: "0.01",
                tolerance: "0.02",
            },
        ),
    );
    cases.check(
        "T6.hierarchy fails",
        fails(
            &t6("6.13", "95.36", "6.13"),
            "T6.hierarchy",
            Severity::Error,
            "basic.economic.30211",
        ),
    );
    // 人员经费 = 301 + 303 = 95.36; 公用经费 = 302 + 310 (printed empty).
    cases.check(
        "T6.personnel fails",
        fails(
            &t6("5.13", "96.36", "5.13"),
            "T6.personnel",
            Severity::Error,
            "basic.economic.303",
        ),
    );
    cases.check(
        "T6.public fails",
        fails(
            &t6("5.13", "95.36", "5.31"),
            "T6.public",
            Severity::Error,
            "basic.economic.310",
        ),
    );
    cases.done();
}

#[test]
fn a_table_declared_empty_has_no_figure_elsewhere() {
    let mut cases = Cases::default();
    let note = "本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。";
    // The narrative's "无政府性基金…" read as zeros agrees with the note.
    let zeros = disclosure(&[
        ("government_fund.note", note),
        ("government_fund.expenditure", "0.00"),
        ("government_fund.revenue", ""),
    ]);
    cases.check("T7 zeros", holds(&zeros, "T7.empty"));
    let f = cases.check(
        "T7 figure",
        fails(
            &disclosure(&[
                ("government_fund.note", note),
                ("government_fund.expenditure", "12.00"),
            ]),
            "T7.empty",
            Severity::Error,
            "government_fund.note",
        ),
    );
    if let Some(f) = f {
        assert_eq!(
            (
                f.expected().map(Quantity::plain).as_deref(),
                f.actual().map(Quantity::plain).as_deref()
            ),
            (Some("0.00"), Some("12.00"))
        );
    }
    cases.check(
        "T8 figure",
        fails(
            &disclosure(&[
                ("state_capital.note", "故本表无数据"),
                ("state_capital.revenue", "1.00"),
            ]),
            "T8.empty",
            Severity::Error,
            "state_capital.revenue",
        ),
    );
    let t9 = |total: &str, reception: &str| {
        disclosure(&[
            (
                "three_public.note",
                "本年度没有财政拨款“三公”经费支出，故本表无数据。",
            ),
            ("three_public.total", total),
            ("basic.economic.30217", reception),
        ])
    };
    cases.check("T9 zeros", holds(&t9("0.00", "0.00"), "T9.empty"));
    cases.check("T9-T6 zeros", holds(&t9("0.00", "0.00"), "T9-T6.empty"));
    cases.check(
        "T9 figure",
        fails(
            &t9("0.39", "0.00"),
            "T9.empty",
            Severity::Error,
            "three_public.total",
        ),
    );
    cases.check(
        "T9-T6 figure",
        fails(
            &t9("0.00", "0.39"),
            "T9-T6.empty",
            Severity::Warning,
            "basic.economic.30217",
        ),
    );
    cases.done();
}

#[test]
fn cells_printed_empty_count_as_zero_but_are_not_zeros() {
    let mut cases = Cases::default();
    // 本年收入合计 = 一 … 八 with seven lines printed empty.
    let mut facts = vec![
        ("revenue.current_year", "307.82"),
        ("revenue.general_budget", "307.82"),
    ];
    for id in [
        "revenue.government_fund",
        "revenue.state_capital",
        "revenue.superior_subsidy",
        "revenue.business",
        "revenue.operating",
        "revenue.affiliate_remittance",
        "revenue.other",
    ] {
        facts.push((id, ""));
    }
    cases.check(
        "blanks add nothing",
        holds(&disclosure(&facts), "T1.revenue-current-year"),
    );
    let mut wrong = facts.clone();
    wrong[0] = ("revenue.current_year", "317.82");
    cases.check(
        "blanks are judged",
        fails(
            &disclosure(&wrong),
            "T1.revenue-current-year",
            Severity::Error,
            "revenue.business",
        ),
    );
    // A total printed empty is not judged: nothing is stated to check.
    let mut blank_total = facts.clone();
    blank_total[0] = ("revenue.current_year", "");
    cases.check(
        "blank total",
        holds(&disclosure(&blank_total), "T1.revenue-current-year"),
    );
    // A figure stated where a table prints nothing: a zero agrees …
    let mut d = disclosure(&[("revenue.business", "")]);
    d.insert_str("revenue.business", "0.00").unwrap();
    cases.check("blank and zero", holds(&d, "restatement"));
    // … anything else does not.
    d.insert_str("revenue.business", "5.00").unwrap();
    if let Some(f) = cases.check(
        "blank and figure",
        fails(&d, "restatement", Severity::Error, "revenue.business"),
    ) {
        assert_eq!(
            (
                f.expected().map(Quantity::plain).as_deref(),
                f.actual().map(Quantity::plain).as_deref()
            ),
            (Some("(blank)"), Some("5.00"))
        );
    }
    cases.done();
}

// ---------------------------------------------------------------------------
// Parts that are absent, zero by a count, or a sum themselves; the budget
// variance stated as an amount, or as a rate without the budget.

/// 037 (青海同德 2016): 年末人数14人，其中在职人员9人，离休人员0人，退休人员0人，
/// 其他人员5人 holds; a unit without 其他人员 leaves them out.
#[test]
fn staff_total_counts_other_staff_when_listed() {
    let mut cases = Cases::default();
    let rule = "staff.total";
    let listed = |other: &str| {
        disclosure(&[
            ("staff.total", "14"),
            ("staff.active", "9"),
            ("staff.retired_cadre", "0"),
            ("staff.retired", "0"),
            ("staff.other", other),
        ])
    };
    cases.check("with other", holds(&listed("5"), rule));
    if let Some(f) = cases.check(
        "other wrong",
        fails(&listed("4"), rule, Severity::Error, "staff.other"),
    ) {
        assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("13"));
        assert_eq!(f.difference().map(Quantity::plain).as_deref(), Some("1"));
    }
    let without = |total: &str| {
        disclosure(&[
            ("staff.total", total),
            ("staff.active", "9"),
            ("staff.retired_cadre", "0"),
            ("staff.retired", "5"),
        ])
    };
    cases.check("without other", holds(&without("14"), rule));
    if let Some(f) = cases.check(
        "without other, wrong",
        fails(&without("15"), rule, Severity::Error, "staff.retired"),
    ) {
        assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("14"));
        assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some("15"));
    }
    cases.done();
}

/// 509 (寻甸塘子 2023): 公务用车购置及运行维护费 4.02, of which 购置 0 and
/// 运行维护 0; 009 (甘南交通 2015): a total of 31.23 whose listed parts are
/// 1.58 + 28.91 + 0 with 无新购车辆 and no 公务用车购置及运行维护费 stated.
#[test]
fn t9_total_from_nested_parts_and_a_zero_count() {
    let mut cases = Cases::default();
    let rule = "T9.total";
    let d = |extra: &[(&'static str, &'static str)]| {
        let mut v = vec![
            ("three_public.total", "31.23"),
            ("three_public.reception", "1.58"),
            ("three_public.vehicle_operation", "28.91"),
            ("three_public.overseas_travel", "0"),
        ];
        v.extend_from_slice(extra);
        disclosure(&v)
    };
    // No purchase stated, no count: the sum cannot be judged.
    cases.check("purchase unknown", holds(&d(&[]), rule));
    // 无新购车辆: the purchase is none; 30.49 ≠ 31.23.
    if let Some(f) = cases.check(
        "no vehicle bought",
        fails(
            &d(&[("three_public.vehicles_purchased", "0")]),
            rule,
            Severity::Error,
            "three_public.vehicles_purchased",
        ),
    ) {
        assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("30.49"));
        assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some("31.23"));
        assert!(
            f.facts()
                .iter()
                .any(|x| x.as_str() == "three_public.vehicle_operation")
        );
    }
    // A vehicle bought: its cost may be the 0.74.
    cases.check(
        "one vehicle bought",
        holds(&d(&[("three_public.vehicles_purchased", "1")]), rule),
    );
    // The purchase stated: 1.58 + (0.74 + 28.91) + 0 = 31.23.
    cases.check(
        "purchase stated",
        holds(&d(&[("three_public.vehicle_purchase", "0.74")]), rule),
    );
    cases.done();
}

/// 315 (淮北杜集 2021): 公务接待费 预算 14.9, 决算 5.21, "减少0.1万元，下降0.006%".
#[test]
fn budget_variance_amount_and_rate() {
    let mut cases = Cases::default();
    let rule = "narrative.budget-variance";
    let d = |variance: &'static str| {
        disclosure(&[
            ("three_public.reception", "5.21"),
            ("three_public.reception.budget", "14.9"),
            ("three_public.reception.budget_variance", variance),
        ])
    };
    cases.check("true", holds(&d("-9.69"), rule));
    if let Some(f) = cases.check(
        "stated -0.1",
        fails(
            &d("-0.1"),
            rule,
            Severity::Error,
            "three_public.reception.budget_variance",
        ),
    ) {
        // 14.9 − 0.1 = 14.8, against 5.21.
        assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("14.8"));
        assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some("5.21"));
    }
    // 102 (重庆沙坪坝检察院 2016): 财政拨款收入 6955.73, 较预算减少 1311.69,
    // 下降 15.86%: −1311.69 / 8267.42 = −15.866%, which rounds to −15.87;
    // −15.86 is the truncation. No budget is stated.
    let rate = |r: &'static str| {
        disclosure(&[
            ("appropriation.revenue", "6955.73"),
            ("appropriation.revenue.budget_variance", "-1311.69"),
            ("appropriation.revenue.budget_variance_rate", r),
        ])
    };
    cases.check("rate exact", holds(&rate("-15.87"), rule));
    cases.check(
        "rate truncated",
        fails(
            &rate("-15.86"),
            "rate.truncated",
            Severity::Warning,
            "appropriation.revenue.budget_variance_rate",
        )
        .map(|_| ()),
    );
    if let Some(f) = cases.check(
        "rate wrong",
        fails(
            &rate("-20.00"),
            rule,
            Severity::Error,
            "appropriation.revenue.budget_variance",
        ),
    ) {
        assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("-15.87"));
    }
    // -1,311.69 / 6,955.73 = -18.86 %: the variance divided by the final
    // figure, where the budget belongs.
    if let Some(f) = cases.check(
        "rate on the final figure",
        fails(
            &rate("-18.86"),
            "rate.wrong-base",
            Severity::Error,
            "appropriation.revenue.budget_variance",
        ),
    ) {
        assert!(f.message().contains("instead of the budget"), "{f}");
    }
    cases.done();
}

/// A part above its total is an error even when the other parts are not
/// stated, so the sum cannot be judged; not for sums of changes, nor when
/// a part is negative.
#[test]
fn a_part_above_its_total_with_the_sum_unjudged() {
    let mut cases = Cases::default();
    let rule = "T9.total";
    let d = |reception: &'static str| {
        disclosure(&[
            ("three_public.total", "30.00"),
            ("three_public.reception", reception),
        ])
    };
    cases.check("below", holds(&d("29.99"), rule));
    // 30.01 vs 30.00: one cent, within two half cents.
    cases.check("within rounding", holds(&d("30.01"), rule));
    if let Some(f) = cases.check(
        "above",
        fails(&d("30.02"), rule, Severity::Error, "three_public.reception"),
    ) {
        assert_eq!(
            f.expected().map(Quantity::plain).as_deref(),
            Some("≤ 30.00")
        );
        assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some("30.02"));
        assert_eq!(f.difference().map(Quantity::plain).as_deref(), Some("0.02"));
        assert_eq!(f.tolerance().map(Quantity::plain).as_deref(), Some("0.01"));
    }
    // Changes may be of any sign: a part's change above the total's is no error.
    cases.check(
        "changes",
        holds(
            &disclosure(&[("staff.total.change", "1"), ("staff.active.change", "5")]),
            "staff.total-change",
        ),
    );
    // 其他收入 −3.00 would let 财政拨款收入 exceed 本年收入合计.
    cases.check(
        "a negative part",
        holds(
            &disclosure(&[
                ("revenue.current_year", "10.00"),
                ("revenue.general_budget", "12.00"),
                ("revenue.other", "-3.00"),
            ]),
            "T1.revenue-current-year",
        ),
    );
    // Counts: 在职人员 above 实有人数.
    if let Some(f) = cases.check(
        "count above",
        fails(
            &disclosure(&[("staff.total", "10"), ("staff.active", "12")]),
            "staff.total",
            Severity::Error,
            "staff.active",
        ),
    ) {
        assert_eq!(f.difference().map(Quantity::plain).as_deref(), Some("2"));
    }
    cases.done();
}

/// The sums of changes and of last years the audit derives from
/// [`SUM_IDENTITIES`]: `(rule, total, parts)`, written out here from the
/// rule naming the docs give (`<rule>.change-sum`, `<rule>.prior-year-sum`),
/// for each sum of figures with no sum of changes of its own.
fn derived_sums() -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for s in SUM_IDENTITIES {
        if FactId::new(s.total).unwrap().suffix().is_some() {
            continue;
        }
        for (suffix, name) in [("change", "change-sum"), ("prior_year", "prior-year-sum")] {
            let total = format!("{}.{suffix}", s.total);
            if SUM_IDENTITIES.iter().any(|x| x.total == total) {
                continue;
            }
            let parts = s.parts.iter().map(|p| format!("{p}.{suffix}")).collect();
            out.push((format!("{}.{name}", s.rule), total, parts));
        }
    }
    out
}

/// 201 (福州长乐 2017): the 三公 total fell 613.80, its items' changes
/// −28.23 − 79.40 − 596.98 + 1.36 = −703.25. And for every derived sum:
/// parts' changes (or last years) 1, 2, …, n against their sum, one too
/// many, and silence when this year's figures already break the sum.
#[test]
fn every_sum_of_changes_and_last_years_holds_and_fails() {
    let mut cases = Cases::default();
    let derived = derived_sums();
    let known: BTreeSet<&str> = rules().iter().map(|r| r.id).collect();
    assert!(derived.len() > 20, "{derived:?}");
    for (rule, total, parts) in &derived {
        assert!(known.contains(rule.as_str()), "{rule} is not a rule");
        let count = matches!(
            FactId::new(total).unwrap().kind(),
            FactKind::Count | FactKind::SignedCount
        );
        let figure = |k: i64| if count { k.to_string() } else { money(k * 100) };
        let n = i64::try_from(parts.len()).unwrap();
        let stated = |total_k: i64| -> Vec<(String, String)> {
            let mut v = vec![(total.clone(), figure(total_k))];
            for (i, p) in parts.iter().enumerate() {
                v.push((p.clone(), figure(i64::try_from(i).unwrap() + 1)));
            }
            v
        };
        let sum = n * (n + 1) / 2;
        cases.check(rule, holds(&disclosure_of(&stated(sum)), rule));
        let last = parts.last().unwrap();
        cases.check(
            rule,
            fails(
                &disclosure_of(&stated(sum + 1)),
                rule,
                Severity::Error,
                last,
            )
            .map(|_| ()),
        );
    }
    let d = |reception_change: &'static str| {
        disclosure(&[
            ("three_public.total.change", "-613.80"),
            ("three_public.overseas_travel.change", "-28.23"),
            ("three_public.vehicle_purchase.change", "-79.40"),
            ("three_public.vehicle_operation.change", "-596.98"),
            ("three_public.reception.change", reception_change),
        ])
    };
    let rule = "T9.total.change-sum";
    if let Some(f) = cases.check(
        "201",
        fails(
            &d("1.36"),
            rule,
            Severity::Error,
            "three_public.vehicle_purchase.change",
        ),
    ) {
        assert_eq!(
            f.expected().map(Quantity::plain).as_deref(),
            Some("-703.25")
        );
        assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some("-613.80"));
    }
    cases.check("201 if it added up", holds(&d("90.81"), rule));
    // This year's total already breaks T9.total: one finding, not two.
    let both = disclosure(&[
        ("three_public.total", "10.00"),
        ("three_public.overseas_travel", "1.00"),
        ("three_public.vehicles", "1.00"),
        ("three_public.reception", "1.00"),
        ("three_public.total.change", "10.00"),
        ("three_public.overseas_travel.change", "1.00"),
        ("three_public.vehicles.change", "1.00"),
        ("three_public.reception.change", "1.00"),
    ]);
    cases.check(
        "broken this year",
        fails(&both, "T9.total", Severity::Error, "three_public.reception").map(|_| ()),
    );
    cases.check("not twice", holds(&both, rule));
    cases.done();
}

/// A change rate that only the wrong base explains (issue 10): 84.55 on a
/// year of 560.72 is 84.55 / 476.17 = 17.76 %, but 84.55 / 560.72 is
/// 15.08 %; a fall of 25.00 to 100.00 is 20.00 %, but 25.00 / 100.00 is
/// 25.00 %.
#[test]
fn a_rate_on_this_year_instead_of_last_is_named() {
    let mut cases = Cases::default();
    let rise = |rate: &'static str| {
        disclosure(&[
            ("revenue.current_year", "560.72"),
            ("revenue.current_year.change", "84.55"),
            ("revenue.current_year.change_rate", rate),
        ])
    };
    let fall = |rate: &'static str| {
        disclosure(&[
            ("expenditure.total", "100.00"),
            ("expenditure.total.change", "-25.00"),
            ("expenditure.total.change_rate", rate),
        ])
    };
    let fact = "revenue.current_year.change_rate";
    cases.check("right rise", holds(&rise("17.76%"), "rate.wrong-base"));
    cases.check(
        "right rise",
        holds(&rise("17.76%"), "narrative.change-rate"),
    );
    if let Some(f) = cases.check(
        "rise on this year",
        fails(&rise("15.08%"), "rate.wrong-base", Severity::Error, fact),
    ) {
        assert!(f.message().contains("84.55 / 560.72 = 15.08%"), "{f}");
        assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("17.76"));
        assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some("15.08"));
    }
    // Within rounding of the wrong ratio: 15.1 %.
    cases.check(
        "rise on this year, one decimal",
        fails(&rise("15.1%"), "rate.wrong-base", Severity::Error, fact),
    );
    // A wrong rate that no base explains stays a change-rate error.
    cases.check("neither", holds(&rise("30.00%"), "rate.wrong-base"));
    cases.check(
        "neither",
        fails(
            &rise("30.00%"),
            "narrative.change-rate",
            Severity::Error,
            fact,
        ),
    );
    let fact = "expenditure.total.change_rate";
    cases.check("right fall", holds(&fall("-20.00%"), "rate.wrong-base"));
    cases.check(
        "fall on this year",
        fails(&fall("-25.00%"), "rate.wrong-base", Severity::Error, fact),
    );
    // The wrong base with the wrong sign is no such mistake.
    cases.check("sign", holds(&fall("25.00%"), "rate.wrong-base"));
    cases.done();
}

/// Totals and 三公 items cannot be negative; changes can.
#[test]
fn a_negative_total_or_three_public_item_is_an_error() {
    let mut cases = Cases::default();
    let rule = "amount.negative";
    for id in [
        "three_public.total",
        "three_public.reception",
        "three_public.vehicles.budget",
        "revenue.total",
        "general_budget.expenditure",
    ] {
        cases.check(
            id,
            fails(&disclosure(&[(id, "-1.00")]), rule, Severity::Error, id),
        );
        cases.check(id, holds(&disclosure(&[(id, "0.00")]), rule));
        cases.check(id, holds(&disclosure(&[(id, "1.00")]), rule));
    }
    for id in [
        "three_public.total.change",
        "revenue.other",
        "expenditure.total.change",
    ] {
        cases.check(id, holds(&disclosure(&[(id, "-1.00")]), rule));
    }
    cases.done();
}

/// The strict constructor refuses what the audit calls an error: a T9
/// total of 1.00 with a reception of 2.00, and a total of -1.00.
#[test]
fn the_strict_model_refuses_a_part_above_its_total_and_a_negative_total() {
    let json = |total: &str, reception: &str| {
        format!(
            r#"{{"department":"某局","fiscal_year":2024,"unit":"万元",
                "three_public":{{"total":"{total}","reception":"{reception}"}}}}"#
        )
    };
    let rule = |total: &str, reception: &str| {
        FinalAccounts::from_json(&json(total, reception))
            .unwrap_err()
            .model_error()
            .and_then(|e| e.rule())
    };
    assert_eq!(rule("1.00", "2.00"), Some("T9.total"));
    assert_eq!(rule("-1.00", "0.00"), Some("amount.negative"));
    assert!(FinalAccounts::from_json(&json("2.00", "2.00")).is_ok());
}

/// The change of a total copied to each of its parts is a warning; parts
/// with their own changes are not.
#[test]
fn a_total_change_copied_to_every_part_is_a_warning() {
    let mut cases = Cases::default();
    let rule = "narrative.same-change";
    let d = |vehicles: &'static str| {
        disclosure(&[
            ("three_public.total.change", "10.00"),
            ("three_public.reception.change", "10.00"),
            ("three_public.vehicles.change", vehicles),
        ])
    };
    cases.check(
        "copied",
        fails(
            &d("10.00"),
            rule,
            Severity::Warning,
            "three_public.total.change",
        ),
    );
    cases.check("own changes", holds(&d("-0.50"), rule));
    // One part alone may carry the whole change.
    cases.check(
        "one part",
        holds(
            &disclosure(&[
                ("three_public.total.change", "10.00"),
                ("three_public.reception.change", "10.00"),
            ]),
            rule,
        ),
    );
    cases.done();
}

/// A balance whose closing figure leaves out the spending (10 + 5 = 15,
/// with 3 spent): an error, however close opening + revenue comes to the
/// closing figure. (Mutation testing found the subtraction untested.)
#[test]
fn a_balance_that_forgets_the_spending_fails() {
    let mut cases = Cases::default();
    let d = |closing: &'static str| {
        disclosure(&[
            ("general_budget.opening_balance", "10.00"),
            ("general_budget.revenue", "5.00"),
            ("general_budget.expenditure", "3.00"),
            ("general_budget.closing_balance", closing),
        ])
    };
    let rule = "T4.general-budget-balance";
    cases.check("right", holds(&d("12.00"), rule));
    if let Some(f) = cases.check(
        "spending left out",
        fails(
            &d("15.00"),
            rule,
            Severity::Error,
            "general_budget.expenditure",
        ),
    ) {
        assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("12.00"));
        assert_eq!(f.difference().map(Quantity::plain).as_deref(), Some("3.00"));
    }
    cases.done();
}

/// Findings say what they judged: a share within rounding, and a sum
/// whose figures are beyond what can be computed exactly. (Mutation
/// testing found their messages unchecked.)
#[test]
fn within_rounding_and_unjudged_findings_have_their_messages() {
    let d = disclosure(&[
        ("revenue.current_year", "3.00"),
        ("revenue.appropriation", "1.00"),
        ("revenue.appropriation.share", "33.34%"),
    ]);
    let f = fails(
        &d,
        "narrative.share",
        Severity::Info,
        "revenue.appropriation.share",
    )
    .unwrap();
    assert!(f.message().contains("within rounding"), "{f}");
    assert!(f.message().contains("33.34"), "{f}");
    // Eight parts of 10^28 − 1: their sum is beyond Decimal's 7.9 × 10^28.
    let d = disclosure_of(
        &std::iter::once(("revenue.current_year".to_owned(), "1.00".to_owned()))
            .chain(
                [
                    "general_budget",
                    "government_fund",
                    "state_capital",
                    "superior_subsidy",
                    "business",
                    "operating",
                    "affiliate_remittance",
                    "other",
                ]
                .map(|p| (format!("revenue.{p}"), "9".repeat(28))),
            )
            .collect::<Vec<_>>(),
    );
    let f = fails(
        &d,
        "T1.revenue-current-year",
        Severity::Error,
        "revenue.current_year",
    )
    .unwrap();
    assert!(f.message().contains("cannot be checked"), "{f}");
}
