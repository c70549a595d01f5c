#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! Issue 11: one regression test per reproducer of `tests/fixtures/repro/`
//! (inputs found by fuzzing that panicked, lost data or changed it without a
//! word). Each test states what the input did and asserts what it must do.
//!
//! Two reproducers are about time (`make-long-sentence.sh`, the reference
//! text repeated): their tests are in `tests/complexity.rs`. Two are about
//! the audit example's exit status (`empty.txt`, an all-unreadable JSON
//! Lines file): `.ci/run` runs the example on them and checks the status.

mod common;
use common::facts;
use juesuan::audit::Quantity;

use std::collections::BTreeMap;

use juesuan::{
    Amount, Audit, Disclosure, FactId, FinalAccounts, Severity, Span, Unit, audit,
    disclosure::Fact, disclosure::Value, render::TableId, render::tables, stream::audit_jsonl,
    text::parse_report,
};
use rust_decimal::Decimal;

const XINJIANG: &str = include_str!("fixtures/xinjiang-hrss-2024.txt");
const XINJIANG_FACTS: &str = include_str!("fixtures/xinjiang-hrss-2024.facts.json");

macro_rules! repro {
    ($name:literal) => {
        include_str!(concat!("fixtures/repro/", $name))
    };
}

/// Facts by id: each statement's value and where it is (line, column).
type Located = BTreeMap<String, Vec<(String, Option<(u32, u32)>)>>;

/// Every fact of `d` with its span's line and column.
fn located(d: &Disclosure) -> Located {
    d.iter()
        .map(|(id, stmts)| {
            let values = stmts
                .iter()
                .map(|f| (f.value().plain(), f.span().map(|s| (s.line, s.column))))
                .collect();
            (id.to_string(), values)
        })
        .collect()
}

/// The findings as (rule, severity, difference), comparable across runs.
fn judged(d: &Disclosure) -> Vec<(String, Severity, Option<String>)> {
    let mut all: Vec<_> = audit(d)
        .iter()
        .map(|f| {
            (
                f.rule().to_owned(),
                f.severity(),
                f.difference().map(Quantity::plain),
            )
        })
        .collect();
    all.sort();
    all
}

/// The whitespace-separated tokens of `text`, without the punctuation that
/// ends a clause: an exact figure is one of them, never a piece of a longer
/// one ("1.80" is not found in "11.80").
fn tokens(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|t| t.trim_end_matches([',', ':', ';', '，', '：', '；', '。']))
        .collect()
}

// ---------------------------------------------------------------- panics

#[test]
fn audit_subtract_overflow_is_a_finding_not_a_panic() {
    // `revenue.appropriation` 9.99 × 10²⁷ 元 against `revenue.current_year`
    // −7.9 × 10²⁴ 万元: their difference does not fit a decimal; the bound
    // rule subtracted them unchecked and panicked.
    let d = Disclosure::from_any_json(repro!("audit-subtract-overflow.json")).unwrap();
    let findings = audit(&d);
    let bound = findings
        .iter()
        .find(|f| f.rule() == "T1.appropriation-bound")
        .expect("the bound is judged");
    assert_eq!(bound.severity(), Severity::Error);
    assert_eq!(
        bound.actual().map(Quantity::plain).as_deref(),
        Some("9999999999999999999999999999")
    );
    assert!(
        bound
            .difference()
            .map(Quantity::plain)
            .unwrap_or_default()
            .contains("7.9 × 10²⁸"),
        "{bound}"
    );
    // In a stream the line is one report among others, not a crash.
    let stream = format!(
        "{}\n{}\n",
        repro!("audit-subtract-overflow.json").trim(),
        XINJIANG_FACTS.replace('\n', "")
    );
    let summary = audit_jsonl(stream.as_bytes(), &Audit::new(), |_| {}).unwrap();
    assert_eq!((summary.reports(), summary.unreadable()), (2, 0));
    assert_eq!(summary.reports_with_errors(), 1);
}

#[test]
fn tables_render_a_large_figure_at_six_decimals() {
    // 公务用车 10²⁵ 万元 with a change of 0.000000: its last year, printed to
    // six decimals, needs 32 digits; rust_decimal's `{:.6}` panicked
    // (CapacityError).
    let d = Disclosure::from_any_json(repro!("tables-capacity-panic.json")).unwrap();
    let t9 = tables(&d)
        .into_iter()
        .find(|t| t.id() == TableId::T9)
        .unwrap()
        .to_text();
    let toks = tokens(&t9);
    assert!(toks.contains(&"10,000,000,000,000,000,000,000,000"), "{t9}");
    // 上年决算数 = 10²⁵ − 0.000000, at the change's six decimals.
    assert!(
        toks.contains(&"10,000,000,000,000,000,000,000,000.000000"),
        "{t9}"
    );
    assert!(toks.contains(&"0.000000"), "{t9}");
    // Every other rendering of it too.
    juesuan::render::write_csv(&d, std::io::sink()).unwrap();
    let _ = juesuan::render::narrative(&d);
}

#[test]
fn csv_keeps_an_amount_too_large_for_the_report_unit_in_its_own_unit() {
    // Found by the text fuzzer: a 28-digit figure in 万元 in a report in 元.
    // ×10,000 has no exact decimal; the CSV once refused the whole report.
    let mut d = Disclosure::new(Unit::Yuan);
    d.insert_str("revenue.total", "9999999999999999999999999999万元")
        .unwrap();
    d.insert_str("revenue.appropriation", "6160234.82元")
        .unwrap();
    let mut out = Vec::new();
    juesuan::render::write_csv(&d, &mut out).unwrap();
    let csv = String::from_utf8(out).unwrap();
    let row = |id: &str| {
        csv.lines()
            .find(|l| l.ends_with(&format!(",{id}")))
            .unwrap_or_else(|| panic!("no row for {id}:\n{csv}"))
            .to_owned()
    };
    assert!(
        row("revenue.total").ends_with(",amount,9999999999999999999999999999,万元,revenue.total"),
        "{csv}"
    );
    // The others stay in the report's unit.
    assert!(
        row("revenue.appropriation").ends_with(",amount,6160234.82,元,revenue.appropriation"),
        "{csv}"
    );
}

#[test]
fn tables_render_what_the_text_reader_keeps() {
    // The same shape read from text: the 7-decimal figure is refused (one
    // precision limit, see below) and what is kept renders.
    let parsed = parse_report(repro!("tables-capacity-panic.txt"));
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| d.message.contains("7") && d.message.contains("decimals")),
        "{:?}",
        parsed.diagnostics
    );
    assert!(
        parsed
            .disclosure
            .get("three_public.vehicles.change")
            .is_none()
    );
    for t in tables(&parsed.disclosure) {
        let _ = t.to_text();
        let _ = t.to_markdown();
    }
}

#[test]
fn count_differences_are_exact_beyond_i64() {
    // i64::MIN stated against parts summing to 1: `t - expected` overflowed
    // (a panic with overflow checks, a wrong sign without).
    // The message prints the difference as every message prints numbers,
    // with thousands separators.
    for (text, total, expected, difference, printed) in [
        (
            repro!("count-diff-wraps.json"),
            "-9223372036854775808",
            "1",
            "-9223372036854775809",
            "-9,223,372,036,854,775,809",
        ),
        (
            repro!("count-diff-wraps-2.json"),
            "9223372036854775807",
            "-1",
            "9223372036854775808",
            "9,223,372,036,854,775,808",
        ),
    ] {
        let d = Disclosure::from_any_json(text).unwrap();
        let findings = audit(&d);
        let f = findings
            .iter()
            .find(|f| f.rule() == "staff.total-change")
            .unwrap();
        assert_eq!(f.severity(), Severity::Error);
        assert_eq!(f.actual().map(Quantity::plain).as_deref(), Some(total));
        assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some(expected));
        assert_eq!(
            f.difference().map(Quantity::plain).as_deref(),
            Some(difference)
        );
        assert!(tokens(f.message()).contains(&printed), "{f}");
    }
}

// ---------------------------------------------------------------- lost or changed data

#[test]
fn an_amount_in_another_unit_keeps_it_through_json() {
    // 公务接待费 18,000.00 元 in a report in 万元: written to JSON as
    // "18000.00" under "unit": "万元", it came back 10,000 times too large.
    let parsed = parse_report(repro!("mixed-unit-roundtrip.txt")).disclosure;
    assert_eq!(parsed.unit(), Unit::WanYuan);
    let reception = parsed.amount("three_public.reception").unwrap();
    assert_eq!(reception.unit(), Unit::Yuan);
    assert_eq!(reception.value(), Decimal::new(1_800_000, 2));
    let json = parsed.to_json();
    assert!(json.contains("\"18000.00元\""), "{json}");
    let back = Disclosure::from_json(&json).unwrap();
    assert_eq!(
        back, parsed,
        "the round trip is exact: values, units, spans"
    );
    assert_eq!(judged(&back), judged(&parsed));
    // And through the streaming reader, compact.
    let line = serde_json::to_string(&parsed.to_json_value()).unwrap();
    assert_eq!(Disclosure::from_any_json(&line).unwrap(), parsed);
}

#[test]
fn a_yuan_document_refuses_amounts_in_wan_yuan() {
    // "unit": "元" with "179.78万元": relabelled as 179.78 元.
    for (name, text, path) in [
        (
            "fa-yuan-doc-wan-suffix",
            repro!("fa-yuan-doc-wan-suffix.json"),
            "three_public.total",
        ),
        (
            "fa-yuan-doc-wan-suffix-relabelled",
            repro!("fa-yuan-doc-wan-suffix-relabelled.json"),
            "three_public.vehicles",
        ),
    ] {
        let e = FinalAccounts::from_json(text).unwrap_err();
        assert_eq!(e.path(), path, "{name}: {e}");
        assert!(e.message().contains("万元"), "{name}: {e}");
        assert!(e.message().contains("document's unit"), "{name}: {e}");
        // serde's own entry point, which cannot look ahead for the unit.
        let e = serde_json::from_str::<FinalAccounts>(text).unwrap_err();
        assert!(e.to_string().contains("万元"), "{name}: {e}");
        // And the streaming reader.
        assert!(Disclosure::from_any_json(text).is_err(), "{name}");
    }
    // Bare numbers in a 元 document are 元, on both entry points.
    let bare = repro!("fa-yuan-doc-wan-suffix-relabelled.json")
        .replace("179.78万元", "1797800")
        .replace("1815800元", "1815800");
    let r = FinalAccounts::from_json(&bare).unwrap();
    let vehicles = r.three_public().unwrap().vehicles.as_ref().unwrap().amount;
    assert_eq!(
        (vehicles.value(), vehicles.unit()),
        (Decimal::from(1_797_800), Unit::Yuan)
    );
    assert_eq!(serde_json::from_str::<FinalAccounts>(&bare).unwrap(), r);
}

#[test]
fn duplicate_keys_are_refused_by_name() {
    for (text, path, key) in [
        (
            repro!("dj-duplicate-key.json"),
            r#"facts."revenue.total""#,
            "revenue.total",
        ),
        (repro!("dj-duplicate-facts-object.json"), "facts", "facts"),
    ] {
        for e in [
            Disclosure::from_json(text).unwrap_err(),
            Disclosure::from_any_json(text).unwrap_err(),
        ] {
            assert_eq!(e.path(), path, "{e}");
            assert!(
                e.message().contains(&format!("duplicate key {key:?}")),
                "{e}"
            );
        }
    }
    // In a stream: that line is unreadable, naming the key; the others are
    // audited.
    let mut unreadable = Vec::new();
    let summary = audit_jsonl(
        repro!("jsonl-dupkey-line.jsonl").as_bytes(),
        &Audit::new(),
        |item| {
            if let Err(e) = item.result {
                unreadable.push((item.line, e.to_string()));
            }
        },
    )
    .unwrap();
    assert_eq!((summary.reports(), summary.unreadable()), (2, 1));
    assert_eq!(unreadable.len(), 1);
    assert_eq!(unreadable[0].0, 3);
    assert!(
        unreadable[0].1.contains("duplicate key \"revenue.total\""),
        "{unreadable:?}"
    );
    // FinalAccounts: a row code twice in one table.
    let fa = r#"{"fiscal_year": 2024, "department": "某部门", "unit": "万元",
        "general_budget": {"total": "2.00",
            "rows": {"208": {"total": "1.00"}, "208": {"total": "2.00"}}}}"#;
    let e = FinalAccounts::from_json(fa).unwrap_err();
    assert!(e.message().contains("duplicate key \"208\""), "{e}");
}

#[test]
fn a_sum_beyond_range_is_judged() {
    // Eight parts of 10²⁸ − 1 against a total of 1.00: their sum overflows
    // a decimal, the check returned an error, and the rule skipped it: 0
    // findings, exit 0.
    let d = Disclosure::from_any_json(repro!("sum-overflow-skipped.json")).unwrap();
    let findings = audit(&d);
    let f = findings
        .iter()
        .find(|f| f.rule() == "T1.revenue-current-year")
        .expect("the identity is judged");
    assert_eq!(f.severity(), Severity::Error);
    assert!(f.message().contains("out of range"), "{f}");
}

#[test]
fn counts_beyond_i64_are_refused_on_reading() {
    // `staff.active` 2⁶³ was accepted, then every count rule skipped it.
    let e = Disclosure::from_any_json(repro!("count-over-i64-skipped.json")).unwrap_err();
    assert_eq!(e.path(), r#"facts."staff.active""#);
    assert!(e.message().contains("too large"), "{e}");
    // The same limit on every way in.
    let mut d = Disclosure::default();
    let id = FactId::new("staff.active").unwrap();
    assert!(
        d.insert(id.clone(), Fact::new(Value::Count(1 << 63)))
            .is_err()
    );
    assert!(
        d.insert(id, Fact::new(Value::Count(i64::MAX as u64)))
            .is_ok()
    );
    assert!(d.insert_str("staff.total", "9223372036854775808").is_err());
}

#[test]
fn a_byte_order_mark_is_skipped_everywhere() {
    // A BOM made the example take the JSON for text (3 facts instead of
    // 375) and the first JSON Lines report unreadable.
    let with_bom = repro!("dj-with-bom.json");
    assert!(with_bom.starts_with('\u{feff}'));
    let without = with_bom.trim_start_matches('\u{feff}');
    let expected = Disclosure::from_json(without).unwrap();
    assert_eq!(expected.len(), 375);
    assert_eq!(Disclosure::from_json(with_bom).unwrap(), expected);
    assert_eq!(Disclosure::from_any_json(with_bom).unwrap(), expected);
    let summary = audit_jsonl(
        repro!("jsonl-bom-first-line.jsonl").as_bytes(),
        &Audit::new(),
        |_| {},
    )
    .unwrap();
    assert_eq!((summary.reports(), summary.unreadable()), (3, 0));
    // FinalAccounts and text too.
    let fa = include_str!("../examples/data/xinjiang-hrss-2024.json");
    assert_eq!(
        FinalAccounts::from_json(&format!("\u{feff}{fa}")).unwrap(),
        FinalAccounts::from_json(fa).unwrap()
    );
    assert_eq!(
        located(&parse_report(&format!("\u{feff}{XINJIANG}")).disclosure),
        located(&parse_report(XINJIANG).disclosure)
    );
}

#[test]
fn text_with_old_mac_line_endings_reads_like_lf() {
    // Lone CR line breaks: all 375 facts were lost, exit 0.
    let cr = repro!("cr-line-endings.txt");
    assert!(!cr.contains('\n'));
    assert_eq!(cr, XINJIANG.replace('\n', "\r"));
    let lf = parse_report(XINJIANG).disclosure;
    let parsed = parse_report(cr).disclosure;
    assert_eq!(parsed.len(), lf.len());
    // The same facts at the same lines and columns.
    assert_eq!(located(&parsed), located(&lf));
    assert_eq!(judged(&parsed), judged(&lf));
    // And CRLF.
    let crlf = XINJIANG.replace('\n', "\r\n");
    assert_eq!(located(&parse_report(&crlf).disclosure), located(&lf));
    // The source line of a span is the line without its break.
    let f = parsed.get("revenue.total").unwrap();
    let span = f.span().unwrap();
    let line = span.source_line(cr).unwrap();
    assert!(
        !line.contains('\r') && line.contains("74,194.06"),
        "{line:?}"
    );
}

#[test]
fn one_precision_limit_on_every_path() {
    // A text fact with 7 decimals was accepted from text, then its own JSON
    // could not be read back. Now text, JSON and insert refuse it alike.
    let parsed = parse_report("三公经费支出 1.2345678 万元。").disclosure;
    let json = parsed.to_json();
    assert_eq!(Disclosure::from_json(&json).unwrap(), parsed);
    let seven = Amount::new(Decimal::new(12_345_678, 7), Unit::WanYuan);
    let mut d = Disclosure::default();
    let id = FactId::new("three_public.total").unwrap();
    let e = d
        .insert(id.clone(), Fact::new(Value::Amount(seven)))
        .unwrap_err();
    assert!(e.to_string().contains("7 decimals"), "{e}");
    assert!(d.insert_str("three_public.total", "1.2345678").is_err());
    // A 万元 figure converted to 元 is known to the hundred 元 (−2
    // decimals): not a printed figure either.
    let coarse = "1.00"
        .parse::<Amount>()
        .unwrap()
        .to_unit(Unit::Yuan)
        .unwrap();
    assert_eq!(coarse.decimals(), -2);
    assert!(
        d.insert(id.clone(), Fact::new(Value::Amount(coarse)))
            .is_err()
    );
    // Six decimals are fine, and round-trip exactly.
    let six = Amount::new(Decimal::new(1_234_567, 6), Unit::Yuan);
    d.insert(id, Fact::new(Value::Amount(six))).unwrap();
    assert_eq!(Disclosure::from_json(&d.to_json()).unwrap(), d);
}

#[test]
fn full_width_digits_read_like_ascii() {
    // Full-width digits, spaced as PDF extraction spaces them: 239 of 375
    // facts were lost and 43 false errors raised.
    let full = parse_report(repro!("fullwidth-digits-xinjiang.txt")).disclosure;
    let ascii = parse_report(XINJIANG).disclosure;
    assert_eq!(facts(&full), facts(&ascii));
    assert_eq!(judged(&full), judged(&ascii));
    let min = parse_report(repro!("fullwidth-digits-min.txt")).disclosure;
    let min_ascii = parse_report(repro!("fullwidth-digits-min.ascii.txt")).disclosure;
    assert!(min.len() >= 5, "{min:?}");
    assert_eq!(facts(&min), facts(&min_ascii));
}

#[test]
fn an_invalid_utf8_line_is_reported_by_number() {
    // Line 4 is not UTF-8: it aborted the whole stream, without a summary.
    let bytes = include_bytes!("fixtures/repro/jsonl-invalid-utf8-line4-aborts.jsonl");
    let mut unreadable = Vec::new();
    let summary = audit_jsonl(&bytes[..], &Audit::new(), |item| {
        if let Err(e) = item.result {
            unreadable.push((item.line, e.to_string()));
        }
    })
    .unwrap();
    assert_eq!((summary.reports(), summary.unreadable()), (6, 1));
    assert_eq!(unreadable.len(), 1);
    assert_eq!(unreadable[0].0, 4);
    assert!(unreadable[0].1.contains("not UTF-8"), "{unreadable:?}");
}

#[test]
fn an_all_unreadable_stream_reads_no_report() {
    // The example exited 0 (`.ci/run` checks its exit status 2); the
    // library's summary says there was no report.
    let summary = audit_jsonl(
        repro!("jsonl-all-unreadable-exit0.jsonl").as_bytes(),
        &Audit::new(),
        |_| {},
    )
    .unwrap();
    assert_eq!((summary.reports(), summary.unreadable()), (0, 3));
}

#[test]
fn empty_input_is_no_report() {
    // `empty.txt` gave "0 facts", exit 0; the example now exits 2 (checked by
    // `.ci/run`). Every reader of the library says so too.
    assert_eq!(repro!("empty.txt"), "");
    assert!(Disclosure::from_json("").is_err());
    assert!(Disclosure::from_any_json("").is_err());
    assert!(Disclosure::from_any_json("\u{feff}").is_err());
    assert!(FinalAccounts::from_json("").is_err());
    assert!(parse_report("").disclosure.is_empty());
}

#[test]
fn source_lines_are_indexed_once() {
    let lines = juesuan::span::SourceLines::new(XINJIANG);
    let parsed = parse_report(XINJIANG).disclosure;
    for (_, stmts) in parsed.iter() {
        for f in stmts {
            let span: Span = f.span().unwrap();
            assert_eq!(span.source_line_in(&lines), span.source_line(XINJIANG));
            assert_eq!(span.caret_line_in(&lines), span.caret_line(XINJIANG));
        }
    }
}

#[test]
fn a_json_lines_line_of_two_byte_order_marks_is_reported_not_skipped() {
    // Found by the JSON Lines fuzzer: one leading BOM is skipped, a second is
    // content; the line is unreadable and said so, never taken as blank.
    let stream = "\u{feff}\u{feff}\n\n";
    let mut lines = Vec::new();
    let summary = audit_jsonl(stream.as_bytes(), &Audit::new(), |item| {
        lines.push((item.line, item.result.is_ok()));
    })
    .unwrap();
    assert_eq!(lines, [(1, false)]);
    assert_eq!(summary.unreadable(), 1);
    assert_eq!(summary.reports(), 0);
}
