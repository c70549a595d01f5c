#![allow(clippy::unwrap_used)]
//! The Disclosure JSON form: what it accepts, what it refuses and how it
//! says so (with the JSON path), and that it round-trips.

use juesuan::{Disclosure, FinalAccounts, Unit};

fn err(json: &str) -> juesuan::disclosure::JsonError {
    Disclosure::from_json(json).unwrap_err()
}

#[test]
fn reads_the_hand_written_form() {
    let d = Disclosure::from_json(
        r#"{"fiscal_year": 2024, "department": "某部门", "unit": "万元",
            "facts": {"revenue.total": "74194.06",
                      "general_budget.function.2080101.change": "82.75",
                      "staff.total": 1785,
                      "staff.active.change": "-25"}}"#,
    );
    let d = d.unwrap();
    assert_eq!(
        d.amount("revenue.total").unwrap().to_string(),
        "74,194.06万元"
    );
    assert_eq!(
        d.amount("general_budget.function.2080101.change")
            .unwrap()
            .decimals(),
        2
    );
    assert_eq!(d.count("staff.total"), Some(1785));
    assert_eq!(d.count("staff.active.change"), Some(-25));
    assert_eq!(d.department(), Some("某部门"));
    assert_eq!(d.fiscal_year().unwrap().year(), 2024);
}

#[test]
fn restated_facts_are_arrays() {
    let d =
        Disclosure::from_json(r#"{"facts": {"revenue.current_year": ["73274.06", "73274.06"]}}"#)
            .unwrap();
    assert_eq!(d.statements("revenue.current_year").len(), 2);
    let back = Disclosure::from_json(&d.to_json()).unwrap();
    assert_eq!(back, d);
}

#[test]
fn wrong_types_name_the_path() {
    let e = err(r#"{"facts": {"revenue.total": 74194.06}}"#);
    assert_eq!(e.path(), r#"facts."revenue.total""#);
    assert!(e.message().contains("numbers lose trailing zeros"), "{e}");

    let e = err(r#"{"facts": {"staff.total": "many"}}"#);
    assert_eq!(e.path(), r#"facts."staff.total""#);
    assert!(e.message().contains("a whole number of at least 0"), "{e}");

    let e = err(r#"{"facts": {"revenue.total": ["1.00", 2]}}"#);
    assert_eq!(e.path(), r#"facts."revenue.total"[1]"#);

    let e = err(r#"{"fiscal_year": "2024", "facts": {}}"#);
    assert_eq!(e.path(), "fiscal_year");

    let e = err(r#"{"unit": "美元", "facts": {}}"#);
    assert_eq!(e.path(), "unit");

    let e = err(r#"{"facts": []}"#);
    assert_eq!(e.path(), "facts");

    let e = err(r#"{"units": ["a", 1], "facts": {}}"#);
    assert_eq!(e.path(), "units[1]");

    let e = err(r#"[1, 2]"#);
    assert_eq!(e.path(), "$");
}

#[test]
fn negative_counts_are_refused() {
    let e = err(r#"{"facts": {"three_public.vehicles_held": -1}}"#);
    assert_eq!(e.path(), r#"facts."three_public.vehicles_held""#);
    assert!(e.message().contains("at least 0"), "{e}");
    // A change of a count may be negative.
    assert!(Disclosure::from_json(r#"{"facts": {"staff.retired.change": -3}}"#).is_ok());
}

#[test]
fn unknown_fields_and_ids_are_refused() {
    let e = err(r#"{"facts": {}, "fiscal_yaer": 2024}"#);
    assert_eq!(e.path(), "fiscal_yaer");
    assert!(e.message().contains("unknown field"), "{e}");

    let e = err(r#"{"facts": {"revenue.totl": "1.00"}}"#);
    assert_eq!(e.path(), r#"facts."revenue.totl""#);
    assert!(e.message().contains("unknown fact id"), "{e}");

    // A malformed code inside an id says why.
    let e = err(r#"{"facts": {"general_budget.function.208001": "1.00"}}"#);
    assert!(e.message().contains("6"), "{e}");

    let e = err(r#"{"facts": {}, "spans": {"revenue.total": null}}"#);
    assert!(e.message().contains("not stated"), "{e}");
}

#[test]
fn unknown_codes_are_lenient_here_and_strict_in_final_accounts() {
    // A well-formed code the catalog does not know: the Disclosure holds
    // it (the audit warns), FinalAccounts refuses it.
    let json = r#"{"fiscal_year": 2024, "unit": "万元", "facts": {
        "general_budget.expenditure": "1.00",
        "general_budget.function.299": "1.00"}}"#;
    let d = Disclosure::from_json(json).unwrap();
    let findings = juesuan::audit(&d);
    assert!(
        findings.iter().any(|f| f.rule() == "code.unknown"),
        "{findings:?}"
    );
    assert!(FinalAccounts::from_disclosure(&d).is_err());
}

#[test]
fn forty_digit_numbers_are_errors_not_roundings() {
    let e = err(r#"{"facts": {"revenue.total": "1234567890123456789012345678901234567890"}}"#);
    assert_eq!(e.path(), r#"facts."revenue.total""#);
    assert!(e.message().contains("out of range"), "{e}");
    let e = err(r#"{"facts": {"staff.total": 12345678901234567890123456789012345678901}}"#);
    assert_eq!(e.path(), r#"facts."staff.total""#);
}

#[test]
fn malformed_json_reports_line_and_column() {
    let e = err("{\n  \"facts\": {\n    \"revenue.total\": \"1.00\",\n  }\n}");
    assert_eq!(e.path(), "$");
    assert!(e.message().contains("line 4"), "{e}");
}

#[test]
fn units_apply_to_bare_amounts() {
    let d = Disclosure::from_json(r#"{"unit": "元", "facts": {"revenue.total": "741940600"}}"#)
        .unwrap();
    let a = d.amount("revenue.total").unwrap();
    assert_eq!(a.unit(), Unit::Yuan);
    assert_eq!(
        a.to_unit(Unit::WanYuan).unwrap().value().to_string(),
        "74194.0600"
    );
}

#[test]
fn reference_fixture_round_trips() {
    let text = include_str!("fixtures/xinjiang-hrss-2024.facts.json");
    let d = Disclosure::from_json(text).unwrap();
    let again = Disclosure::from_json(&d.to_json()).unwrap();
    assert_eq!(again, d);
    // serde impls agree with the hand-written form.
    let via_serde: Disclosure = serde_json::from_str(&d.to_json()).unwrap();
    assert_eq!(via_serde, d);
}
