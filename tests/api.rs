#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
//! The library as a user crate sees it: public paths only, no glob import.
//!
//! Each common trait a user expects is checked at compile time (a function
//! that only compiles when the type has the trait), then the behaviour
//! behind the most used ones: findings read back from their JSON, Amount
//! arithmetic, fact-id lookups that fail loudly.

use std::fmt::{Debug, Display};
use std::str::FromStr;

use juesuan::{
    Amount, Disclosure, FactId, FinalAccounts, Finding, FiscalYear, Percent, Severity, Span,
    amount::AmountError, amount::Outcome, amount::Verdict, audit, audit::Quantity,
    disclosure::Value, fact::Suffix, model::Figure, render::Table, render::TableId,
};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

const XINJIANG: &str = include_str!("fixtures/xinjiang-hrss-2024.txt");

fn display<T: Display>() {}
fn from_str<T: FromStr>() {}
fn serialize<T: Serialize>() {}
fn deserialize<T: DeserializeOwned>() {}
fn default<T: Default>() {}
fn debug<T: Debug>() {}
fn clone_eq<T: Clone + PartialEq>() {}

#[test]
fn the_common_traits_are_there() {
    // Display, as the issue lists.
    display::<Table>();
    display::<Span>();
    display::<Outcome>();
    display::<Disclosure>();
    display::<FinalAccounts>();
    display::<Suffix>();
    // FromStr.
    from_str::<Severity>();
    from_str::<TableId>();
    from_str::<Amount>();
    from_str::<Percent>();
    from_str::<FactId>();
    from_str::<Quantity>();
    display::<Quantity>();
    serialize::<Quantity>();
    clone_eq::<Quantity>();
    // Serialize.
    serialize::<Table>();
    serialize::<Verdict>();
    serialize::<juesuan::text::Diagnostic>();
    serialize::<TableId>();
    serialize::<Value>();
    serialize::<Outcome>();
    // Deserialize: the JSON output reads back.
    deserialize::<Finding>();
    deserialize::<Quantity>();
    deserialize::<TableId>();
    deserialize::<Outcome>();
    deserialize::<Disclosure>();
    deserialize::<FinalAccounts>();
    // Default, Debug, Clone + PartialEq.
    default::<Figure>();
    default::<Disclosure>();
    debug::<Finding>();
    clone_eq::<Finding>();
    clone_eq::<Table>();
}

#[test]
fn conversions_between_the_two_report_forms() {
    fn from<A, B: From<A>>() {}
    fn try_from<A, B: TryFrom<A>>() {}
    from::<FinalAccounts, Disclosure>();
    from::<&FinalAccounts, Disclosure>();
    try_from::<Disclosure, FinalAccounts>();
    try_from::<&Disclosure, FinalAccounts>();

    let reference = include_str!("../examples/data/xinjiang-hrss-2024.json");
    let accounts = FinalAccounts::from_json(reference).unwrap();
    let d = Disclosure::from(&accounts);
    assert_eq!(FinalAccounts::try_from(&d).unwrap(), accounts);
    // A disclosure without fiscal year or department is no FinalAccounts.
    let mut bare = Disclosure::default();
    bare.insert_str("three_public.total", "1.00").unwrap();
    let err = FinalAccounts::try_from(bare).unwrap_err();
    assert!(err.to_string().contains("fiscal year"), "{err}");
}

#[test]
fn debug_is_readable() {
    let id = FactId::new("general_budget.function.2080101.change").unwrap();
    assert_eq!(
        format!("{id:?}"),
        r#"FactId("general_budget.function.2080101.change")"#
    );
}

#[test]
fn findings_have_typed_figures_in_one_format() {
    let findings = audit(&Disclosure::from_text(XINJIANG));
    // 一般公共预算财政拨款支出 68,369.46 against its four classes, which sum
    // to 68,369.45 (read by hand from the report); five figures printed to
    // 0.01 explain 0.025, that is 0.02 between printed figures.
    let t5 = findings.iter().find(|f| f.rule() == "T5.total").unwrap();
    let amount = |s: &str| Some(Quantity::Amount(s.parse::<Amount>().unwrap()));
    assert_eq!(t5.expected().cloned(), amount("68,369.45"));
    assert_eq!(t5.actual().cloned(), amount("68,369.46"));
    assert_eq!(t5.difference().cloned(), amount("0.01"));
    assert_eq!(t5.tolerance().cloned(), amount("0.02"));
    assert!(
        t5.message().ends_with(
            "expected 68,369.45, found 68,369.46: difference 0.01 within rounding tolerance 0.02"
        ),
        "{t5}"
    );
    // 2080106 stated at 873.46 with a change of 873.46 and a rate of 100.00%:
    // a rate on a base of zero, a percentage.
    let zero = findings
        .iter()
        .find(|f| f.rule() == "rate.zero-base")
        .unwrap();
    assert_eq!(
        zero.actual().cloned(),
        Some(Quantity::Percent("100.00%".parse().unwrap()))
    );
    assert!(
        zero.message().contains("found 100.00% on a base of zero"),
        "{zero}"
    );
    // No message prints a figure of four or more digits before the point
    // without separators.
    for f in &findings {
        for token in f
            .message()
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        {
            let whole = token.split('.').next().unwrap_or_default();
            assert!(
                whole.len() < 4 || whole.contains(',') || !token.contains('.'),
                "{token} in {f}"
            );
        }
    }
}

#[test]
fn findings_read_back_from_their_json() {
    let d = Disclosure::from_text(XINJIANG);
    // The reference report's narrative, with two figures made wrong so that
    // there are error findings with figures and spans.
    let broken = XINJIANG.replacen("181.58", "181.68", 1);
    let findings: Vec<Finding> = audit(&d)
        .into_iter()
        .chain(audit(&Disclosure::from_text(&broken)))
        .collect();
    assert!(findings.iter().any(|f| f.severity() == Severity::Error));
    assert!(findings.iter().any(|f| f.span().is_some()));
    let json = serde_json::to_string(&findings).unwrap();
    let back: Vec<Finding> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, findings);
    for (b, f) in back.iter().zip(&findings) {
        assert_eq!(
            (b.rule(), b.message(), b.facts()),
            (f.rule(), f.message(), f.facts())
        );
        assert_eq!(
            (b.expected(), b.difference()),
            (f.expected(), f.difference())
        );
    }
    // A rule the audit does not have, or a malformed fact id, is refused.
    let mut j = serde_json::to_value(&findings[0]).unwrap();
    j["rule"] = "T1.nope".into();
    let err = serde_json::from_value::<Finding>(j.clone()).unwrap_err();
    assert!(
        err.to_string().contains("unknown rule \"T1.nope\""),
        "{err}"
    );
    j["rule"] = findings[0].rule().into();
    j["facts"] = serde_json::json!(["revenue.totl"]);
    assert!(serde_json::from_value::<Finding>(j).is_err());
}

#[test]
fn severity_and_table_id_parse_what_they_print() {
    for s in [Severity::Info, Severity::Warning, Severity::Error] {
        assert_eq!(s.to_string().parse::<Severity>().unwrap(), s);
    }
    for t in TableId::ALL {
        assert_eq!(t.to_string().parse::<TableId>().unwrap(), t);
        assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{t}\""));
    }
    assert!("T0".parse::<TableId>().is_err());
    assert!("Error".parse::<Severity>().is_err());
}

#[test]
fn amount_arithmetic_keeps_unit_and_precision() {
    let a: Amount = "54,662.05".parse().unwrap();
    let b: Amount = "887.9".parse().unwrap();
    let sum = a.checked_add(b).unwrap();
    assert_eq!(sum.to_string(), "55,549.95万元");
    assert_eq!(sum.decimals(), 2);
    let yuan: Amount = "5,000元".parse().unwrap();
    // The left operand's unit; the right converted exactly.
    assert_eq!(a.checked_add(yuan).unwrap().to_string(), "54,662.5500万元");
    assert_eq!(yuan.checked_add(b).unwrap().to_string(), "8,884,000元");
    // Out of range is an error, not a panic.
    let huge = Amount::yuan(juesuan::Decimal::MAX);
    assert!(matches!(
        huge.checked_add(huge),
        Err(AmountError::Overflow { .. })
    ));
    // The reference report's general-budget classes sum to 68,369.45.
    let parts: Vec<Amount> = ["12,086.90", "54,662.05", "887.96", "732.54"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    let total: Result<Amount, AmountError> = parts.iter().sum();
    assert_eq!(total.unwrap().to_string(), "68,369.45万元");
    let none: Result<Amount, AmountError> = std::iter::empty::<Amount>().sum();
    assert!(none.unwrap().is_zero());
    assert!(parts[2] < parts[0]);
    assert_eq!(yuan.partial_cmp(&a), None);
}

fn amount() -> impl Strategy<Value = Amount> {
    (-10_000_000_000i64..10_000_000_000, 0u32..4)
        .prop_map(|(m, scale)| Amount::wan_yuan(juesuan::Decimal::new(m, scale)))
}

proptest! {
    #[test]
    fn sums_are_exact(a in amount(), b in amount()) {
        let s = a.checked_add(b).unwrap();
        prop_assert_eq!(s.value(), a.value() + b.value());
        prop_assert_eq!(s.decimals(), a.decimals().max(b.decimals()));
        prop_assert_eq!(s.checked_sub(b).unwrap().value(), a.value());
        prop_assert_eq!(b.checked_add(a).unwrap().value(), s.value());
        prop_assert_eq!((-a).value(), -a.value());
    }
}

#[test]
fn renderers_take_either_report_form() {
    let reference = include_str!("../examples/data/xinjiang-hrss-2024.json");
    let accounts = FinalAccounts::from_json(reference).unwrap();
    let d = accounts.to_disclosure();
    assert_eq!(
        juesuan::render::narrative(&accounts),
        juesuan::render::narrative(&d)
    );
    assert_eq!(
        juesuan::render::tables(&accounts),
        juesuan::render::tables(&d)
    );
    assert_eq!(juesuan::render::tables(&accounts).len(), 9);
}

#[test]
fn every_input_format_has_its_constructor() {
    let d = Disclosure::from_text(XINJIANG);
    assert_eq!(
        d.amount("three_public.total").map(|a| a.to_string()),
        Some("181.58万元".into())
    );
    let json = d.to_json();
    assert_eq!(Disclosure::from_json(&json).unwrap(), d);
    assert_eq!(Disclosure::from_any_json(&json).unwrap(), d);
    let reference = include_str!("../examples/data/xinjiang-hrss-2024.json");
    assert_eq!(
        Disclosure::from_any_json(reference).unwrap(),
        Disclosure::from_final_accounts_json(reference).unwrap()
    );
    assert_eq!(
        FinalAccounts::from_json(reference).unwrap().fiscal_year(),
        FiscalYear::new(2024).unwrap()
    );
}
