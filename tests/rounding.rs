#![allow(clippy::unwrap_used)]
//! Rounding-aware checks: boundaries, the reference report's figures, and
//! properties over generated true values.

use juesuan::{
    Amount, Percent, Unit, amount::Outcome, amount::check_change, amount::check_change_from_prior,
    amount::check_difference, amount::check_share, amount::check_sum, amount::check_variance_rate,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn amt(s: &str) -> Amount {
    s.parse().unwrap()
}
fn amts(ss: &[&str]) -> Vec<Amount> {
    ss.iter().map(|s| amt(s)).collect()
}
fn pct(s: &str) -> Percent {
    s.parse().unwrap()
}
fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// `n` parts of 1.00 and a total of n + `offset`.
fn sum_with_offset(n: usize, offset: &str) -> juesuan::amount::Verdict {
    let parts = vec![amt("1.00"); n];
    let total = Amount::wan_yuan(Decimal::from(n as u64) + dec(offset));
    check_sum(&total, &parts).unwrap()
}

#[test]
fn sum_boundary_one_part() {
    // Bound 0.005 × 2 = 0.01.
    assert_eq!(sum_with_offset(1, "0.00").outcome(), Outcome::Exact);
    let v = sum_with_offset(1, "0.01");
    assert_eq!(v.outcome(), Outcome::WithinRounding);
    assert_eq!(v.tolerance(), dec("0.01"));
    assert_eq!(v.difference(), Some(dec("0.01")));
    assert_eq!(
        sum_with_offset(1, "-0.01").outcome(),
        Outcome::WithinRounding
    );
    assert_eq!(sum_with_offset(1, "0.02").outcome(), Outcome::Inconsistent);
    assert_eq!(sum_with_offset(1, "-0.02").outcome(), Outcome::Inconsistent);
}

#[test]
fn sum_boundary_four_parts() {
    // Bound 0.005 × 5 = 0.025: 0.02 is inside, 0.03 (one cent more) is not.
    let v = sum_with_offset(4, "0.02");
    assert_eq!(v.tolerance(), dec("0.025"));
    assert_eq!(v.outcome(), Outcome::WithinRounding);
    assert_eq!(
        sum_with_offset(4, "-0.02").outcome(),
        Outcome::WithinRounding
    );
    assert_eq!(sum_with_offset(4, "0.03").outcome(), Outcome::Inconsistent);
    assert_eq!(sum_with_offset(4, "-0.03").outcome(), Outcome::Inconsistent);
    // Exactly at the bound, which two-decimal figures cannot reach for four
    // parts: parts at three decimals, total at two.
    // Bound = 4 × 0.0005 + 0.005 = 0.007.
    let at = check_sum(&amt("4.00"), &amts(&["1.000", "1.000", "1.000", "1.007"])).unwrap();
    assert_eq!(at.tolerance(), dec("0.007"));
    assert_eq!(at.outcome(), Outcome::WithinRounding);
    let beyond = check_sum(&amt("4.00"), &amts(&["1.000", "1.000", "1.000", "1.008"])).unwrap();
    assert_eq!(beyond.outcome(), Outcome::Inconsistent);
}

#[test]
fn sum_boundary_eighteen_parts() {
    // Bound 0.005 × 19 = 0.095: 0.09 inside, 0.10 not.
    let v = sum_with_offset(18, "0.09");
    assert_eq!(v.tolerance(), dec("0.095"));
    assert_eq!(v.outcome(), Outcome::WithinRounding);
    assert_eq!(sum_with_offset(18, "0.10").outcome(), Outcome::Inconsistent);
    assert_eq!(
        sum_with_offset(18, "-0.10").outcome(),
        Outcome::Inconsistent
    );
    // Exactly at the bound: parts at three decimals, total at two.
    // Bound = 18 × 0.0005 + 0.005 = 0.014.
    let mut parts = vec![amt("1.000"); 17];
    parts.push(amt("1.014"));
    let at = check_sum(&amt("18.00"), &parts).unwrap();
    assert_eq!(at.tolerance(), dec("0.014"));
    assert_eq!(at.outcome(), Outcome::WithinRounding);
    parts.pop();
    parts.push(amt("1.015"));
    assert_eq!(
        check_sum(&amt("18.00"), &parts).unwrap().outcome(),
        Outcome::Inconsistent
    );
}

#[test]
fn reference_t5_classes_within_rounding() {
    let v = check_sum(
        &amt("68,369.46"),
        &amts(&["12,086.90", "54,662.05", "887.96", "732.54"]),
    )
    .unwrap();
    assert_eq!(v.outcome(), Outcome::WithinRounding);
    assert_eq!(v.expected(), Some(dec("68369.45")));
    assert_eq!(v.difference(), Some(dec("0.01")));
    assert_eq!(v.tolerance(), dec("0.025"));
}

/// The 18 项 of 208 社会保障和就业支出 as the reference report states them.
const ITEMS_208: [&str; 18] = [
    "5,948.68",
    "0.00",
    "105.00",
    "13.00",
    "873.46",
    "20.00",
    "1,100.00",
    "1,683.00",
    "1,135.87",
    "77.00",
    "4.50",
    "249.50",
    "3,096.06",
    "37,835.85",
    "949.77",
    "289.67",
    "976.72",
    "303.98",
];

#[test]
fn reference_class_208_within_rounding() {
    let v = check_sum(&amt("54,662.05"), &amts(&ITEMS_208)).unwrap();
    assert_eq!(v.outcome(), Outcome::WithinRounding);
    assert_eq!(v.expected(), Some(dec("54662.06")));
    assert_eq!(v.difference(), Some(dec("-0.01")));
    assert_eq!(v.tolerance(), dec("0.095"));
}

#[test]
fn reference_basic_expenditure_exact() {
    let v = check_sum(&amt("20,021.91"), &amts(&["17,968.72", "2,053.19"])).unwrap();
    assert_eq!(v.outcome(), Outcome::Exact);
    assert_eq!(v.difference(), Some(Decimal::ZERO));
}

#[test]
fn five_cent_gap_on_four_parts_is_inconsistent() {
    let v = check_sum(
        &amt("68,369.50"),
        &amts(&["12,086.90", "54,662.05", "887.96", "732.54"]),
    )
    .unwrap();
    assert_eq!(v.outcome(), Outcome::Inconsistent);
    assert_eq!(v.difference(), Some(dec("0.05")));
    assert_eq!(
        v.to_string(),
        "expected 68369.45, found 68369.50: difference 0.05 exceeds rounding tolerance 0.025"
    );
}

#[test]
fn reference_shares() {
    for (part, whole, stated) in [
        ("68,460.73", "73,274.06", "93.43"),
        ("3,540.70", "73,274.06", "4.83"),
        ("1,272.63", "73,274.06", "1.74"),
        ("20,021.91", "73,702.79", "27.17"),
        ("52,408.25", "73,702.79", "71.11"),
        ("1,272.63", "73,702.79", "1.73"),
        ("68,369.46", "73,702.79", "92.76"),
        ("12,086.90", "68,369.46", "17.68"),
        ("54,662.05", "68,369.46", "79.95"),
        ("887.96", "68,369.46", "1.30"),
        ("732.54", "68,369.46", "1.07"),
        ("179.78", "181.58", "99.01"),
        ("1.80", "181.58", "0.99"),
        ("17,296.42", "18,332.45", "94.35"),
        ("14,367.77", "18,332.45", "78.37"),
        ("0.00", "73,274.06", "0.00"),
    ] {
        let v = check_share(&amt(part), &amt(whole), &pct(stated)).unwrap();
        assert_eq!(
            v.outcome(),
            Outcome::Exact,
            "{part}/{whole} = {stated}%: {v}"
        );
    }
    let off = check_share(&amt("68,460.73"), &amt("73,274.06"), &pct("93.44")).unwrap();
    assert_eq!(off.outcome(), Outcome::Inconsistent);
    assert_eq!(off.expected(), Some(dec("93.43")));
}

#[test]
fn reference_changes() {
    for (current, change, rate) in [
        ("5,948.68", "82.75", "1.41"),
        ("1,683.00", "-0.08", "-0.00"),
        ("74,194.06", "1,382.98", "1.90"),
        ("68,860.73", "2,951.68", "4.48"),
        ("68,369.46", "2,460.41", "3.73"),
        ("287.40", "-50.41", "-14.92"),
        ("0.00", "-1,351.63", "-100.00"),
        ("249.50", "178.50", "251.41"),
        ("303.98", "190.12", "166.98"),
        ("181.58", "-13.18", "-6.77"),
        ("0.00", "-12.18", "-100"),
        ("1,058.16", "134.30", "14.54"),
        ("995.03", "5.03", "0.51"),
    ] {
        let v = check_change(&amt(current), &amt(change), &pct(rate)).unwrap();
        assert!(v.is_consistent(), "{current} {change} {rate}%: {v}");
    }
    // 1,683.00 down 0.08 is exactly 0.00% once rounded.
    let v = check_change(&amt("1,683.00"), &amt("-0.08"), &pct("-0.00")).unwrap();
    assert_eq!(v.outcome(), Outcome::Exact);
    // 873.46 up 873.46 stated as 100.00%: last year was zero.
    for (c, x) in [("873.46", "873.46"), ("20.00", "20.00")] {
        let v = check_change(&amt(c), &amt(x), &pct("100.00")).unwrap();
        assert_eq!(v.outcome(), Outcome::ZeroBase);
        assert_eq!(v.expected(), None);
    }
    // 0 changed by 0, stated 0.00%, is the usual convention.
    let v = check_change(&amt("1.80"), &amt("0.00"), &pct("0.00")).unwrap();
    assert_eq!(v.outcome(), Outcome::Exact);
    // A wrong rate.
    let v = check_change(&amt("5,948.68"), &amt("82.75"), &pct("1.51")).unwrap();
    assert_eq!(v.outcome(), Outcome::Inconsistent);
}

#[test]
fn truncated_rate_is_flagged() {
    // 1/3 = 33.333…%: truncation and rounding agree; 2/3 does not.
    let v = check_change(&amt("5.000000"), &amt("2.000000"), &pct("66.66")).unwrap();
    assert_eq!(v.outcome(), Outcome::Truncated);
    let v = check_change(&amt("5.000000"), &amt("2.000000"), &pct("66.67")).unwrap();
    assert_eq!(v.outcome(), Outcome::Exact);
    // A fall truncated toward zero.
    let v = check_change(&amt("1.000000"), &amt("-2.000000"), &pct("-66.66")).unwrap();
    assert_eq!(v.outcome(), Outcome::Truncated);
}

#[test]
fn variance_rates() {
    let v = check_variance_rate(&amt("45,059.04"), &amt("68,369.46"), &pct("51.73")).unwrap();
    assert_eq!(v.outcome(), Outcome::Exact);
    let v = check_variance_rate(&amt("181.58"), &amt("181.58"), &pct("0.00")).unwrap();
    assert_eq!(v.outcome(), Outcome::Exact);
    let v = check_variance_rate(&amt("0.00"), &amt("0.00"), &pct("0.00")).unwrap();
    assert_eq!(v.outcome(), Outcome::Exact);
    let v = check_variance_rate(&amt("45,059.04"), &amt("68,860.73"), &pct("50.00")).unwrap();
    assert_eq!(v.outcome(), Outcome::Inconsistent);
    assert_eq!(v.expected(), Some(dec("52.82")));
}

#[test]
fn differences() {
    // 1,058.16 up 134.30: last year 923.86.
    let v = check_difference(&amt("1,058.16"), &amt("134.30"), &amt("923.86")).unwrap();
    assert_eq!(v.outcome(), Outcome::Exact);
    let v = check_difference(&amt("1,058.16"), &amt("134.30"), &amt("923.87")).unwrap();
    assert_eq!(v.outcome(), Outcome::WithinRounding);
    assert_eq!(v.tolerance(), dec("0.015"));
    let v = check_difference(&amt("1,058.16"), &amt("134.30"), &amt("923.90")).unwrap();
    assert_eq!(v.outcome(), Outcome::Inconsistent);
}

#[test]
fn overflow_is_an_error_not_a_panic() {
    // 28 significant digits parse; twelve of them overflow when added.
    let big = amt("7,000,000,000,000,000,000,000,000,000");
    let r = check_sum(&big, &[big; 12]);
    assert!(r.is_err(), "{r:?}");
    // Adding would need more than 28 digits: an error, not a silent rounding.
    let fine = amt("0.000001");
    let r = check_sum(&big, &[big, fine]);
    assert!(r.is_err(), "{r:?}");
    let y = Amount::parse_in("79,000,000,000,000,000,000,000,000", Unit::WanYuan).unwrap();
    assert!(y.to_unit(Unit::Yuan).is_err());
}

/// True values in 元 (whole yuan, as ledgers hold them), printed in 万元 to 0.01.
fn print_wan(yuan: i64) -> Amount {
    Amount::yuan(Decimal::from(yuan))
        .to_unit(Unit::WanYuan)
        .unwrap()
        .round_to(2)
}

proptest! {
    /// (a) Printed parts and printed total of true values are never judged
    /// inconsistent: no false alarm.
    #[test]
    fn printed_sums_are_consistent(parts in prop::collection::vec(0i64..10_000_000_000, 1..25)) {
        let total: i64 = parts.iter().sum();
        let printed: Vec<Amount> = parts.iter().map(|y| print_wan(*y)).collect();
        let v = check_sum(&print_wan(total), &printed).unwrap();
        prop_assert!(v.is_consistent(), "{v}");
        prop_assert!(v.difference().unwrap().abs() <= v.tolerance());
    }

    /// Negative values (e.g. changes) too.
    #[test]
    fn printed_signed_sums_are_consistent(parts in prop::collection::vec(-10_000_000_000i64..10_000_000_000, 1..25)) {
        let total: i64 = parts.iter().sum();
        let printed: Vec<Amount> = parts.iter().map(|y| print_wan(*y)).collect();
        prop_assert!(check_sum(&print_wan(total), &printed).unwrap().is_consistent());
    }

    /// (b) A total further from Σ printed parts than the bound is always inconsistent.
    #[test]
    fn totals_beyond_the_bound_are_inconsistent(
        parts in prop::collection::vec(0i64..10_000_000_000, 1..25),
        extra_cents in 1i64..1000,
        up in any::<bool>(),
    ) {
        let printed: Vec<Amount> = parts.iter().map(|y| print_wan(*y)).collect();
        let sum: Decimal = printed.iter().map(Amount::value).sum();
        let bound = Decimal::new(5, 3) * Decimal::from(printed.len() as u64 + 1);
        // The smallest whole number of cents beyond the bound, plus extra.
        let cents = (bound * Decimal::ONE_HUNDRED).floor() + Decimal::from(extra_cents);
        let shift = cents / Decimal::ONE_HUNDRED;
        let moved = if up { sum + shift } else { sum - shift };
        let total = Amount::wan_yuan(moved.round_dp(2));
        let v = check_sum(&total, &printed).unwrap();
        prop_assert_eq!(v.outcome(), Outcome::Inconsistent, "{}", v);
    }

    /// (c) Parsing what an amount prints gives the amount back.
    #[test]
    fn parse_print_round_trip(mantissa in any::<i64>(), scale in 0u32..=6, yuan in any::<bool>()) {
        let unit = if yuan { Unit::Yuan } else { Unit::WanYuan };
        let a = Amount::new(Decimal::new(mantissa, scale), unit);
        let back: Amount = a.to_string().parse().unwrap();
        prop_assert_eq!(back, a);
        prop_assert_eq!(Amount::parse_in(&a.printed(), unit).unwrap(), a);
    }

    /// Unit conversion is exact both ways.
    #[test]
    fn unit_conversion_round_trips(mantissa in -1_000_000_000_000i64..1_000_000_000_000, scale in 0u32..=6) {
        let a = Amount::new(Decimal::new(mantissa, scale), Unit::Yuan);
        let w = a.to_unit(Unit::WanYuan).unwrap();
        prop_assert_eq!(w.value() * Decimal::from(10_000), a.value());
        prop_assert_eq!(w.to_unit(Unit::Yuan).unwrap(), a);
    }

    /// Shares computed from true values and printed are judged consistent.
    #[test]
    fn printed_shares_are_consistent(part in 0i64..1_000_000_000, rest in 1i64..1_000_000_000) {
        let whole = part + rest;
        let ratio = Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole);
        let stated = Percent::new(juesuan::amount::round_half_away_from_zero(ratio, 2).round_dp(2));
        let stated = if stated.decimals() < 2 { Percent::new(stated.value().round_dp(2) + Decimal::new(0, 2)) } else { stated };
        let v = check_share(&print_wan(part), &print_wan(whole), &stated).unwrap();
        prop_assert!(v.is_consistent(), "{} of {}: {}", part, whole, v);
    }

    /// Changes computed from true values and printed are judged consistent.
    #[test]
    fn printed_changes_are_consistent(prior in 1i64..1_000_000_000, current in 0i64..1_000_000_000) {
        let change = current - prior;
        let ratio = Decimal::from(change) * Decimal::ONE_HUNDRED / Decimal::from(prior);
        let stated = Percent::new(juesuan::amount::round_half_away_from_zero(ratio, 2));
        let v = check_change(&print_wan(current), &print_wan(change), &stated).unwrap();
        prop_assert!(v.is_consistent() || v.outcome() == Outcome::ZeroBase, "{}", v);
    }

    /// Rates computed from true figures of this year and last year, all printed,
    /// are consistent with the printed figures when no change is stated.
    #[test]
    fn printed_rates_from_last_year_are_consistent(prior in 1i64..1_000_000_000, current in 0i64..1_000_000_000) {
        let ratio = Decimal::from(current - prior) * Decimal::ONE_HUNDRED / Decimal::from(prior);
        let stated = Percent::new(juesuan::amount::round_half_away_from_zero(ratio, 2));
        let v = check_change_from_prior(&print_wan(current), &print_wan(prior), &stated).unwrap();
        prop_assert!(v.is_consistent() || v.outcome() == Outcome::ZeroBase, "{}", v);
    }

    /// A rate off by more than rounding allows is inconsistent: one more unit
    /// in the rate's last place than the widest reading of the printed figures
    /// gives.
    #[test]
    fn rates_from_last_year_beyond_rounding_are_caught(prior in 10_000i64..1_000_000_000, tenths in 0i64..100) {
        // Last year ≥ 100.00 万元 and this year ≤ 10 times it: the printed
        // intervals move the rate by less than 0.07 percentage point.
        let current = prior * tenths / 10;
        let ratio = Decimal::from(current - prior) * Decimal::ONE_HUNDRED / Decimal::from(prior);
        let off = juesuan::amount::round_half_away_from_zero(ratio, 2) + Decimal::ONE;
        let v = check_change_from_prior(&print_wan(current), &print_wan(prior), &Percent::new(off)).unwrap();
        prop_assert!(!v.is_consistent(), "{}", v);
    }

    /// The allocation-free path for plain numbers agrees with the general
    /// parser (forced by a trailing unit).
    #[test]
    fn plain_numbers_parse_like_the_general_path(s in "-?[0-9]{1,20}(\\.[0-9]{0,7})?") {
        let fast = Amount::parse_in(&s, Unit::WanYuan);
        let slow = Amount::parse_in(&format!("{s} 万元"), Unit::Yuan);
        match (fast, slow) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(_), Err(_)) => {}
            (a, b) => prop_assert!(false, "{s:?}: {a:?} vs {b:?}"),
        }
    }

    /// Arbitrary text never panics the amount or percent parsers.
    #[test]
    fn parsers_never_panic(s in "\\PC{0,40}") {
        let _ = s.parse::<Amount>();
        let _ = s.parse::<Percent>();
    }
}
