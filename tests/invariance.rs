#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! Invariance properties (issue 11):
//!
//! 1. reading, writing to JSON and reading again gives the same facts, units,
//!    spans and findings;
//! 2. text that differs only in line endings, a byte-order mark, full-width
//!    or half-width digits and punctuation, or spaces inside numbers gives the
//!    same facts;
//! 3. the audit is monotone, in the sense that holds (see
//!    `severity_grows_with_the_distance_from_consistency` for what is proved
//!    and why the literal "a larger figure never has fewer findings" is
//!    false).

mod common;
use common::facts;
use juesuan::audit::Quantity;

use std::collections::BTreeMap;

use juesuan::{
    Disclosure, FactId, FinalAccounts, Severity, Unit, audit, disclosure::Fact, disclosure::Value,
    text::parse_report,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

const XINJIANG: &str = include_str!("fixtures/xinjiang-hrss-2024.txt");

/// The report texts: fixtures and the corpus.
fn texts() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/fixtures", "tests/corpus/docs"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((
                    path.file_name().unwrap().to_string_lossy().into_owned(),
                    text,
                ));
            }
        }
    }
    out.sort();
    out
}

/// Every finding, whole: rule, severity, facts, figures, message and span.
fn findings(d: &Disclosure) -> Vec<String> {
    audit(d)
        .iter()
        .map(|f| format!("{:?}", f.to_json()))
        .collect()
}

// ------------------------------------------------------- 1. JSON round trip

/// Reading the JSON a disclosure writes gives it back: the same facts
/// (values, units, printed precision), spans and findings.
fn round_trips(d: &Disclosure) -> Result<(), TestCaseError> {
    let json = d.to_json();
    let back = Disclosure::from_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, d);
    prop_assert_eq!(facts(&back), facts(d));
    prop_assert_eq!(findings(&back), findings(d));
    let compact = serde_json::to_string(&d.to_json_value()).unwrap();
    prop_assert_eq!(&juesuan::Disclosure::from_any_json(&compact).unwrap(), d);
    Ok(())
}

#[test]
fn every_text_read_round_trips_through_json() {
    for (name, text) in texts() {
        let d = parse_report(&text).disclosure;
        round_trips(&d).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let fa =
        FinalAccounts::from_json(include_str!("../examples/data/xinjiang-hrss-2024.json")).unwrap();
    round_trips(&fa.to_disclosure()).unwrap();
    assert_eq!(FinalAccounts::from_json(&fa.to_json()).unwrap(), fa);
}

/// `d` with the amounts picked by `mask` restated in 元, exactly: 74,194.06
/// 万元 becomes 741,940,600.00 元 (the same figure, printed to the fen).
fn some_in_yuan(d: &Disclosure, mask: u64) -> Disclosure {
    let mut out = Disclosure::new(d.unit());
    out.set_fiscal_year(d.fiscal_year());
    out.set_department(d.department().map(str::to_owned));
    for (i, (id, stmts)) in d.iter().enumerate() {
        for f in stmts {
            let value = match f.value() {
                Value::Amount(a) if mask >> (i % 64) & 1 == 1 => {
                    Value::Amount(a.to_unit(Unit::Yuan).unwrap().round_to(2))
                }
                v => v.clone(),
            };
            out.insert(id.clone(), Fact::new(value).with_span(f.span()))
                .unwrap();
        }
    }
    out
}

#[cfg(feature = "proptest")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_reports_round_trip_through_json(
        d in juesuan::strategy::consistent_disclosure_with(juesuan::strategy::DisclosureConfig::all()),
        mask in any::<u64>(),
        yuan_document in any::<bool>(),
    ) {
        round_trips(&d)?;
        // Amounts in both units, in a document of either unit.
        let mixed = some_in_yuan(&d, mask);
        round_trips(&mixed)?;
        let mut other = Disclosure::new(if yuan_document { Unit::Yuan } else { Unit::WanYuan });
        for (id, stmts) in mixed.iter() {
            for f in stmts {
                other.insert(id.clone(), f.clone()).unwrap();
            }
        }
        round_trips(&other)?;
    }

    #[test]
    fn perturbed_reports_round_trip_through_json(
        (d, _) in juesuan::strategy::perturbed_disclosure(),
    ) {
        round_trips(&d)?;
    }
}

// ------------------------------------------------------- 2. text variants

/// How a text is written differently, the same report.
#[derive(Debug, Clone)]
enum Variant {
    /// Every line break as "\r\n".
    Crlf,
    /// Every line break as "\r" (old Mac).
    Cr,
    /// A byte-order mark first.
    Bom,
    /// Digits in the byte range (from, len), per mille of the text, in
    /// full-width forms; with `punctuation`, the number punctuation between
    /// them too (`，` `．` `％`).
    FullWidth {
        from: u16,
        len: u16,
        punctuation: bool,
    },
    /// Sentence punctuation (`，：；（）`) outside numbers in the byte range,
    /// per mille, in ASCII forms (or back).
    Punctuation { from: u16, len: u16 },
    /// One or two spaces at each grouping comma, decimal point and percent
    /// sign of a number, and between a number and its unit, in the range.
    SpacedNumbers { from: u16, len: u16, two: bool },
}

fn variant() -> impl Strategy<Value = Variant> {
    prop_oneof![
        Just(Variant::Crlf),
        Just(Variant::Cr),
        Just(Variant::Bom),
        (0u16..1000, 1u16..1000, any::<bool>()).prop_map(|(from, len, punctuation)| {
            Variant::FullWidth {
                from,
                len,
                punctuation,
            }
        }),
        (0u16..1000, 1u16..1000).prop_map(|(from, len)| Variant::Punctuation { from, len }),
        (0u16..1000, 1u16..1000, any::<bool>())
            .prop_map(|(from, len, two)| { Variant::SpacedNumbers { from, len, two } }),
    ]
}

/// The characters in the per-mille range of `text`, with their position.
fn in_range(text: &str, from: u16, len: u16) -> impl Fn(usize) -> bool {
    let n = text.len();
    let a = n * usize::from(from) / 1000;
    let b = (a + n * usize::from(len) / 1000).min(n);
    move |i| (a..b).contains(&i)
}

/// `text` with every line break as "\n".
fn lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn full_width(c: char) -> char {
    match c {
        '0'..='9' => char::from_u32(u32::from(c) - 0x30 + 0xFF10).unwrap(),
        ',' => '，',
        '.' => '．',
        '%' => '％',
        c => c,
    }
}

fn apply(text: &str, v: &Variant) -> String {
    match v {
        Variant::Crlf => lf(text).replace('\n', "\r\n"),
        Variant::Cr => lf(text).replace('\n', "\r"),
        Variant::Bom => format!("\u{feff}{text}"),
        Variant::FullWidth {
            from,
            len,
            punctuation,
        } => {
            let inside = in_range(text, *from, *len);
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let digit = |k: Option<&(usize, char)>| k.is_some_and(|(_, c)| c.is_ascii_digit());
            let mut out = String::with_capacity(text.len() * 2);
            for (k, &(i, c)) in chars.iter().enumerate() {
                let between = digit(k.checked_sub(1).and_then(|j| chars.get(j)))
                    && (digit(chars.get(k + 1)) || c == '%');
                let swap = inside(i)
                    && (c.is_ascii_digit()
                        || (*punctuation && between && matches!(c, ',' | '.' | '%')));
                out.push(if swap { full_width(c) } else { c });
            }
            out
        }
        Variant::Punctuation { from, len } => {
            let inside = in_range(text, *from, *len);
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let mut out = String::with_capacity(text.len());
            for (k, &(i, c)) in chars.iter().enumerate() {
                let next_digit = chars.get(k + 1).is_some_and(|(_, c)| c.is_ascii_digit());
                let swapped = match c {
                    // A comma or colon before a digit may group or time it.
                    '，' if !next_digit => ',',
                    '：' if !next_digit => ':',
                    '；' => ';',
                    '（' => '(',
                    '）' => ')',
                    ';' => '；',
                    c => c,
                };
                out.push(if inside(i) { swapped } else { c });
            }
            out
        }
        Variant::SpacedNumbers { from, len, two } => {
            let inside = in_range(text, *from, *len);
            let gap = if *two { "  " } else { " " };
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let mut out = String::with_capacity(text.len() * 2);
            for (k, &(i, c)) in chars.iter().enumerate() {
                let prev = k.checked_sub(1).and_then(|j| chars.get(j)).map(|p| p.1);
                let next = chars.get(k + 1).map(|p| p.1);
                out.push(c);
                if !inside(i) {
                    continue;
                }
                let number_punct = matches!(c, ',' | '.')
                    && prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                let before_percent = c.is_ascii_digit() && next == Some('%');
                let before_unit = c.is_ascii_digit() && matches!(next, Some('万' | '元'));
                if number_punct || before_percent || before_unit {
                    out.push_str(gap);
                }
            }
            out
        }
    }
}

/// Facts by id, values only (spans move when characters are added).
fn values(d: &Disclosure) -> BTreeMap<String, Vec<String>> {
    d.iter()
        .map(|(id, stmts)| {
            let mut v: Vec<String> = stmts.iter().map(|f| f.value().to_string()).collect();
            v.sort();
            (id.to_string(), v)
        })
        .collect()
}

/// Facts by id with the line of each statement (line breaks are counted
/// the same in every variant).
fn lines_of(d: &Disclosure) -> BTreeMap<String, Vec<(String, u32)>> {
    d.iter()
        .map(|(id, stmts)| {
            let v = stmts
                .iter()
                .map(|f| (f.value().to_string(), f.span().map_or(0, |s| s.line)))
                .collect();
            (id.to_string(), v)
        })
        .collect()
}

/// Which text a case reads: the reference report most often, then the
/// corpus.
fn text_index(n: usize) -> impl Strategy<Value = usize> {
    prop_oneof![1 => Just(usize::MAX), 2 => 0..n]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn text_variants_give_the_same_facts(
        which in text_index(texts().len()),
        variants in proptest::collection::vec(variant(), 1..4),
    ) {
        let all = texts();
        let (name, original) = match all.get(which) {
            Some((n, t)) => (n.as_str(), t.as_str()),
            None => ("xinjiang-hrss-2024.txt", XINJIANG),
        };
        let mut text = original.to_owned();
        for v in &variants {
            text = apply(&text, v);
        }
        let a = parse_report(original).disclosure;
        let b = parse_report(&text).disclosure;
        let (a, b) = (lines_of(&a), lines_of(&b));
        let differing: Vec<_> = a
            .iter()
            .filter(|(id, v)| b.get(*id) != Some(*v))
            .map(|(id, v)| format!("{id}: {v:?} vs {:?}", b.get(id)))
            .chain(b.keys().filter(|id| !a.contains_key(*id)).map(|id| format!("{id}: only in the variant")))
            .take(5)
            .collect();
        prop_assert!(differing.is_empty(), "{} {:?}: {:#?}", name, variants, differing);
    }
}

#[test]
fn each_variant_on_every_text() {
    // Each variant over the whole of every text, deterministically.
    let whole = [
        Variant::Crlf,
        Variant::Cr,
        Variant::Bom,
        Variant::FullWidth {
            from: 0,
            len: 1000,
            punctuation: true,
        },
        Variant::FullWidth {
            from: 0,
            len: 1000,
            punctuation: false,
        },
        Variant::Punctuation { from: 0, len: 1000 },
        Variant::SpacedNumbers {
            from: 0,
            len: 1000,
            two: false,
        },
        Variant::SpacedNumbers {
            from: 0,
            len: 1000,
            two: true,
        },
    ];
    let mut failures = Vec::new();
    for (name, original) in texts() {
        let a = values(&parse_report(&original).disclosure);
        for v in &whole {
            let b = values(&parse_report(&apply(&original, v)).disclosure);
            if a != b {
                let differing: Vec<_> = a
                    .iter()
                    .filter(|(id, vals)| b.get(*id) != Some(*vals))
                    .map(|(id, _)| id.clone())
                    .chain(b.keys().filter(|id| !a.contains_key(*id)).cloned())
                    .take(5)
                    .collect();
                failures.push(format!("{name} {v:?}: {differing:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ------------------------------------------------------- 3. monotonicity
//
// The literal property, "an audit never has fewer findings because a figure
// grew larger", is false, and must be: a figure that grows can grow into
// agreement. `the_literal_property_is_false` shows it for each kind of rule.
//
// What holds, and is tested here, is monotonicity in the distance from
// agreement:
//
// - Linear rules (sum and balance identities, table totals, hierarchies,
//   rows, Σ changes, Σ last years, restatements, last year = this year −
//   change) compare a stated figure with an exact sum of stated figures in
//   which each figure appears once, with coefficient ±1. Moving one figure by
//   t moves each difference d by ±t, and the tolerance (from the printed
//   precisions) does not move. The finding is none when d = 0, info when
//   0 < |d| ≤ tolerance, error when |d| > tolerance: a non-decreasing
//   function of |d|. So for every identity, whatever figure moves and in
//   whichever direction, a larger |difference| never has a milder finding;
//   and from a report where an identity holds exactly, moving any of its
//   figures further away never removes or softens its finding.
//   `severity_grows_with_the_distance_from_consistency` checks this over
//   generated reports and perturbations.
// - Bounds (part ≤ whole) are monotone in the excess part − whole: a growing
//   part never removes a finding; a growing whole never adds one.
// - Ratio rules (shares, rates of change, completion and variance rates):
//   100·n/d is monotone in each of n and d wherever d keeps its sign, so the
//   range of percentages the printed intervals reach moves monotonically, and
//   once it no longer meets the stated percentage's interval it never meets
//   it again: from agreement, moving a figure one way gives none → info →
//   (truncation warning, on one side only) → error, never back. Where the
//   denominator's interval reaches zero the rate is undefined (a warning),
//   which is milder than the error just before it: the one place where a
//   growing distance softens a finding. `ratio_findings_only_grow_moving_away`
//   checks shares and rates of change from agreement.

/// Where severities order: no finding, info, warning, error.
fn rank(s: Option<Severity>) -> u8 {
    match s {
        None => 0,
        Some(Severity::Info) => 1,
        Some(Severity::Warning) => 2,
        Some(Severity::Error) => 3,
    }
}

/// The rules that compare a stated figure with a sum of stated figures.
fn linear(rule: &str) -> bool {
    juesuan::audit::SUM_IDENTITIES
        .iter()
        .any(|s| s.rule == rule)
        || juesuan::audit::BALANCE_IDENTITIES
            .iter()
            .any(|b| b.rule == rule)
        || juesuan::audit::FUNCTION_TABLES.iter().any(|t| {
            let r = &t.rules;
            [r.total, r.hierarchy, r.row, r.change_sum, r.prior_year_sum].contains(&rule)
        })
        || matches!(rule, "restatement" | "narrative.prior-year")
}

/// `d` with the first statement of its `which`th amount fact moved by
/// `by` units of its last printed place.
fn moved(d: &Disclosure, which: usize, by: i64) -> (Disclosure, String) {
    let ids: Vec<&FactId> = d
        .iter()
        .filter(|(_, stmts)| {
            stmts
                .first()
                .is_some_and(|f| f.value().as_amount().is_some())
        })
        .map(|(id, _)| id)
        .collect();
    let target = ids[which % ids.len()].clone();
    let mut out = Disclosure::new(d.unit());
    out.set_fiscal_year(d.fiscal_year());
    for (id, stmts) in d.iter() {
        for (k, f) in stmts.iter().enumerate() {
            let value = match f.value() {
                Value::Amount(a) if *id == target && k == 0 => {
                    let scale = u32::try_from(a.decimals()).unwrap();
                    let value = a.value() + Decimal::new(by, scale);
                    Value::Amount(juesuan::Amount::new(value, a.unit()).round_to(scale))
                }
                v => v.clone(),
            };
            out.insert(id.clone(), Fact::new(value)).unwrap();
        }
    }
    (out, target.to_string())
}

#[cfg(feature = "proptest")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn severity_grows_with_the_distance_from_consistency(
        d in juesuan::strategy::consistent_disclosure_with(juesuan::strategy::DisclosureConfig::all()),
        which in any::<usize>(),
        step in prop_oneof![Just(1i64), Just(2), Just(5), Just(100), Just(10_000)],
        up in any::<bool>(),
    ) {
        // Each linear finding by (rule, facts): at every step, |difference|
        // and severity (no finding: an exact identity, difference 0).
        type Key = (String, Vec<String>);
        // |difference|, severity rank, tolerance.
        type Seen = (Decimal, u8, Option<String>);
        let steps = 6;
        let mut at_step: Vec<BTreeMap<Key, Seen>> = Vec::new();
        let mut target = String::new();
        for k in 0..=steps {
            let by = if up { k * step } else { -k * step };
            let (dk, t) = moved(&d, which, by);
            target = t;
            let mut here = BTreeMap::new();
            for f in audit(&dk) {
                if !linear(f.rule()) {
                    continue;
                }
                let Some(diff) = f.difference().map(Quantity::plain).as_deref().and_then(|s| s.parse::<Decimal>().ok()) else {
                    continue;
                };
                let key = (
                    f.rule().to_owned(),
                    f.facts().iter().map(|i| i.to_string()).collect::<Vec<_>>(),
                );
                here.insert(
                    key,
                    (diff.abs(), rank(Some(f.severity())), f.tolerance().map(Quantity::plain).as_deref().map(str::to_owned)),
                );
            }
            at_step.push(here);
        }
        // Every identity at every step; without a finding it held exactly.
        let mut seen: BTreeMap<Key, Vec<Seen>> = BTreeMap::new();
        for here in &at_step {
            for key in here.keys() {
                seen.entry(key.clone()).or_default();
            }
        }
        for (key, list) in seen.iter_mut() {
            for here in &at_step {
                list.push(here.get(key).cloned().unwrap_or((Decimal::ZERO, 0, None)));
            }
        }
        for (key, list) in &seen {
            let mut sorted = list.clone();
            sorted.sort();
            for w in sorted.windows(2) {
                let ((d1, r1, t1), (d2, r2, t2)) = (&w[0], &w[1]);
                if let (Some(t1), Some(t2)) = (t1, t2) {
                    prop_assert_eq!(t1, t2, "{:?}: the tolerance moved", key);
                }
                prop_assert!(
                    d1 == d2 || r1 <= r2,
                    "moving {} by {} per step: {:?} is milder at |difference| {} than at {}: {:?}",
                    target, step, key, d2, d1, list
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn ratio_findings_only_grow_moving_away(
        part in 1i64..1_000_000,
        whole in 1i64..1_000_000,
        step in 1i64..500,
        up in any::<bool>(),
        change in any::<bool>(),
    ) {
        let amount = |cents: i64| juesuan::Amount::new(Decimal::new(cents, 2), Unit::WanYuan);
        // A share or a rate of change that holds at the start.
        let verdict = |a: i64| {
            // The stated percentage is what the starting figures give.
            let rate = juesuan::Percent::new(juesuan::amount::round_half_away_from_zero(
                Decimal::new(part, 0) * Decimal::ONE_HUNDRED / Decimal::new(whole, 0),
                2,
            ));
            if change {
                // Changed by `part` on last year `whole`; this year moves by
                // `a`, and last year with it.
                juesuan::amount::check_change(&amount(whole + part + a), &amount(part), &rate)
            } else {
                juesuan::amount::check_share(&amount(part + a), &amount(whole), &rate)
            }
        };
        let severity = |o: juesuan::amount::Outcome| match o {
            juesuan::amount::Outcome::Exact => 0,
            juesuan::amount::Outcome::WithinRounding => 1,
            juesuan::amount::Outcome::Truncated | juesuan::amount::Outcome::ZeroBase => 2,
            _ => 3,
        };
        let mut last = 0;
        for k in 0..40 {
            let a = if up { k * step } else { -k * step };
            // Keep the denominator (the whole; last year) positive.
            if !change && part + a < 0 {
                break;
            }
            if change && whole + a <= 0 {
                break;
            }
            let s = severity(verdict(a).unwrap().outcome());
            if k == 0 {
                prop_assert!(s <= 1);
            }
            prop_assert!(s >= last, "k {}: severity {} after {}", k, s, last);
            last = s;
        }
    }
}

#[test]
fn the_literal_property_is_false() {
    let report = |facts: &[(&str, &str)]| {
        let mut d = Disclosure::default();
        for (id, v) in facts {
            d.insert_str(id, v).unwrap();
        }
        audit(&d)
            .iter()
            .map(|f| (f.rule().to_owned(), f.severity()))
            .collect::<Vec<_>>()
    };
    let t9 = |total: &str| {
        report(&[
            ("three_public.total", total),
            ("three_public.overseas_travel", "0.00"),
            ("three_public.vehicles", "179.78"),
            ("three_public.reception", "1.80"),
        ])
    };
    // A total stated too small: growing it into the sum removes the error.
    assert_eq!(t9("181.48"), [("T9.total".to_owned(), Severity::Error)]);
    assert!(t9("181.58").is_empty());
    // A bound: the whole growing past the part removes the error.
    let sme = |total: &str| report(&[("procurement.total", total), ("procurement.sme", "10.00")]);
    assert_eq!(
        sme("9.00"),
        [("procurement.sme-bound".to_owned(), Severity::Error)]
    );
    assert!(sme("10.00").is_empty());
    // A rate: the change growing until last year is zero turns an error into
    // the milder zero-base warning.
    let rate = |change: &str| {
        report(&[
            ("revenue.total", "100.00"),
            ("revenue.total.change", change),
            ("revenue.total.change_rate", "100.00"),
        ])
    };
    assert!(rate("50.00").is_empty());
    assert_eq!(
        rate("60.00"),
        [("narrative.change-rate".to_owned(), Severity::Error)]
    );
    assert_eq!(
        rate("100.00"),
        [("rate.zero-base".to_owned(), Severity::Warning)]
    );
    // A direction word: 增加 with a fall is a warning, gone once it rises.
    let word = |change: &str| {
        report(&[
            ("revenue.total.change", change),
            ("revenue.total.change_word", "增加"),
        ])
    };
    assert_eq!(
        word("-5.00"),
        [("wording.change-direction".to_owned(), Severity::Warning)]
    );
    assert!(word("5.00").is_empty());
}
