//! Fiscal years and dates, read from real report text.

// Helpers outside `#[test]` functions are test code too; clippy.toml only
// exempts the test functions themselves.
#![allow(clippy::unwrap_used)]

use chrono::{Datelike, NaiveDate};
use juesuan::{
    FiscalYear, date::DateError, date::find_fiscal_year, date::parse_balance_date,
    date::parse_date, date::years_in,
};
use proptest::prelude::*;

const XINJIANG: &str = include_str!("fixtures/xinjiang-hrss-2024.txt");
const FIXTURES: [(&str, &str); 4] = [
    ("xinjiang-hrss-2024", XINJIANG),
    (
        "putuo-planning-resources-2024",
        include_str!("fixtures/putuo-planning-resources-2024.txt"),
    ),
    (
        "putuo-social-work-2024",
        include_str!("fixtures/putuo-social-work-2024.txt"),
    ),
    ("template-2024", include_str!("fixtures/template-2024.txt")),
];

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fy(year: i32) -> FiscalYear {
    FiscalYear::new(year).unwrap()
}

// --- the reference report's phrases ---------------------------------------

#[test]
fn reference_phrases() {
    assert_eq!(
        parse_balance_date("截至 2024 年 12 月 31 日"),
        Ok(ymd(2024, 12, 31))
    );
    assert_eq!("2024 年度".parse::<FiscalYear>(), Ok(fy(2024)));
    assert_eq!(
        find_fiscal_year("新疆维吾尔自治区人力资源和社会保障厅 2024 年度"),
        Ok(fy(2024))
    );
    assert_eq!(
        find_fiscal_year("新疆维吾尔自治区人力资源和社会保障厅2024年度部门决算"),
        Ok(fy(2024))
    );
}

#[test]
fn balance_date_in_every_fixture() {
    for (name, text) in FIXTURES {
        let line = text
            .lines()
            .find(|line| line.trim_start().starts_with("截至"))
            .unwrap_or_else(|| panic!("{name}: no 截至 line"));
        let phrase = line.split('，').next().unwrap();
        assert_eq!(parse_balance_date(phrase), Ok(ymd(2024, 12, 31)), "{name}");
    }
}

#[test]
fn fiscal_year_of_every_fixture() {
    for (name, text) in FIXTURES {
        assert_eq!(find_fiscal_year(text), Ok(fy(2024)), "{name}");
    }
}

#[test]
fn years_mentioned_in_reference_report() {
    let years: Vec<(usize, i32)> = years_in(XINJIANG).collect();
    assert!(years.len() > 20, "{years:?}");
    for &(offset, year) in &years {
        assert!((2023..=2025).contains(&year), "{year} at {offset}");
        assert!(XINJIANG[offset..].starts_with(&year.to_string()));
    }
    // "2023 年度卫生健康支出" names the prior year.
    let prior = XINJIANG.find("2023 年度卫生健康支出").unwrap();
    assert!(years.contains(&(prior, 2023)));
    // Codes such as 2080103 and amounts are not years.
    assert!(XINJIANG.contains("2080103"));
    assert!(years.iter().all(|&(_, y)| y != 2080));
}

#[test]
fn years_in_prior_year_comparison() {
    let text = "与 2023 年度相比，增加 1,382.98 万元";
    assert_eq!(years_in(text).collect::<Vec<_>>(), vec![(4, 2023)]);
    assert_eq!(years_in("２０２３年").collect::<Vec<_>>(), vec![(0, 2023)]);
    assert_eq!(years_in("2023-12-31，12023年，202年").count(), 0);
}

// --- impossible dates -------------------------------------------------------

#[test]
fn impossible_dates_quote_input_and_say_why() {
    let cases = [
        (
            "2024年2月30日",
            r#"no such date: 2024-02-30 in "2024年2月30日" (2024-02 has 29 days)"#,
        ),
        (
            "2023年2月29日",
            r#"no such date: 2023-02-29 in "2023年2月29日" (2023-02 has 28 days)"#,
        ),
        (
            "2024年6月31日",
            r#"no such date: 2024-06-31 in "2024年6月31日" (2024-06 has 30 days)"#,
        ),
        (
            "2024年13月1日",
            r#"expected a month from 1 to 12, but found 13 in "2024年13月1日""#,
        ),
        (
            "2024年0月5日",
            r#"expected a month from 1 to 12, but found 0 in "2024年0月5日""#,
        ),
        (
            "2024年1月0日",
            r#"expected a day from 1 to 31, but found 0 in "2024年1月0日""#,
        ),
        (
            "2024-01-32",
            r#"expected a day from 1 to 31, but found 32 in "2024-01-32""#,
        ),
    ];
    for (input, message) in cases {
        let err = parse_date(input).unwrap_err();
        assert_eq!(err.to_string(), message);
        assert_eq!(err.input(), Some(input));
        assert!(err.is_no_such_date() || err.is_range());
    }
}

#[test]
fn malformed_dates() {
    for input in [
        "",
        "2024",
        "2024年",
        "2024年12月",
        "2024年12月31",
        "2024-12.31",
        "24-12-31",
        "2024年12月31日 止",
        "二〇二四年十二月三十一日",
    ] {
        let err = parse_date(input).unwrap_err();
        assert!(err.is_syntax(), "{input}: {err}");
        assert!(err.to_string().starts_with("expected "), "{err}");
    }
}

#[test]
fn leap_years() {
    assert_eq!(parse_date("2024年2月29日"), Ok(ymd(2024, 2, 29)));
    assert_eq!(parse_date("2024-02-29"), Ok(ymd(2024, 2, 29)));
    assert!(parse_date("2023-02-29").unwrap_err().is_no_such_date());
    assert!(parse_date("2023年2月29日").unwrap_err().is_no_such_date());
}

#[test]
fn full_width_digits() {
    assert_eq!(parse_date("２０２４年１２月３１日"), Ok(ymd(2024, 12, 31)));
    assert_eq!(parse_date("２０２４－１２－３１"), Ok(ymd(2024, 12, 31)));
    assert_eq!("２０２４年度".parse::<FiscalYear>(), Ok(fy(2024)));
    assert_eq!(
        parse_balance_date("截至２０２４年末"),
        Ok(ymd(2024, 12, 31))
    );
}

#[test]
fn publication_dates() {
    assert_eq!(parse_date("2025年8月29日"), Ok(ymd(2025, 8, 29)));
    assert_eq!(parse_date("2025 年 8 月 29 日"), Ok(ymd(2025, 8, 29)));
    assert_eq!(parse_date("2025.08.29"), Ok(ymd(2025, 8, 29)));
    assert_eq!(parse_date("2025/8/29"), Ok(ymd(2025, 8, 29)));
}

// --- FiscalYear ---------------------------------------------------------------

#[test]
fn fiscal_year_calendar() {
    let y = fy(2024);
    assert_eq!(y.start(), ymd(2024, 1, 1));
    assert_eq!(y.end(), ymd(2024, 12, 31));
    assert!(y.contains(ymd(2024, 2, 29)));
    assert!(!y.contains(ymd(2023, 12, 31)));
    assert_eq!(y.previous(), Some(fy(2023)));
    assert_eq!(y.next(), Some(fy(2025)));
    assert_eq!(FiscalYear::MIN.previous(), None);
    assert_eq!(FiscalYear::MAX.next(), None);
    assert_eq!(FiscalYear::containing(ymd(2025, 8, 29)), Ok(fy(2025)));
    assert_eq!(y.to_string(), "2024");
    assert_eq!(y.label(), "2024年度");
    assert!(fy(2023) < y);
}

#[test]
fn fiscal_year_range_error() {
    let err = FiscalYear::new(1900).unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected a year from 1949 to 9999, but found 1900"
    );
    assert!(err.is_range());
    assert_eq!(err.input(), None);
}

#[test]
fn types_are_send_sync_and_small() {
    fn send_sync<T: Send + Sync + Clone + std::error::Error + 'static>() {}
    send_sync::<DateError>();
    assert_eq!(std::mem::size_of::<FiscalYear>(), 4);
    assert!(std::mem::size_of::<DateError>() <= 56);
}

// --- properties ---------------------------------------------------------------

/// Any date the crate accepts: 1949-01-01 to 9999-12-31.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = FiscalYear::MIN.start();
    let span = (FiscalYear::MAX.end() - first).num_days();
    (0..=span).prop_map(move |days| first + chrono::Duration::days(days))
}

/// Spacing PDF extraction may put between tokens.
fn spacing() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", "", " ", "  ", "\u{3000}", "\t", "\n", "\u{200B}"])
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0xFF10 + d).unwrap(),
            None => c,
        })
        .collect()
}

proptest! {
    #[test]
    fn chinese_dates_round_trip(
        date in any_date(),
        sp in prop::collection::vec(spacing(), 7),
        wide in any::<bool>(),
    ) {
        let text = format!(
            "{}{}{}年{}{}{}月{}{}{}日{}",
            sp[0], date.year(), sp[1], sp[2], date.month(), sp[3], sp[4], date.day(), sp[5], sp[6],
        );
        let text = if wide { full_width(&text) } else { text };
        prop_assert_eq!(parse_date(&text), Ok(date));
        let phrase = format!("截{}至{}", sp[0], text);
        prop_assert_eq!(parse_balance_date(&phrase), Ok(date));
    }

    #[test]
    fn numeric_dates_round_trip(date in any_date(), sep in prop::sample::select(vec!['-', '.', '/'])) {
        let text = date.format(&format!("%Y{sep}%m{sep}%d")).to_string();
        prop_assert_eq!(parse_date(&text), Ok(date));
        let text = date.format(&format!("%Y{sep}%-m{sep}%-d")).to_string();
        prop_assert_eq!(parse_date(&text), Ok(date));
    }

    #[test]
    fn fiscal_years_round_trip(year in 1949i32..=9999, sp in spacing()) {
        let y = FiscalYear::new(year).unwrap();
        prop_assert_eq!(y.to_string().parse::<FiscalYear>(), Ok(y));
        prop_assert_eq!(y.label().parse::<FiscalYear>(), Ok(y));
        let title = format!("某某部门{sp}{year}{sp}年度部门决算");
        prop_assert_eq!(find_fiscal_year(&title), Ok(y));
        prop_assert_eq!(parse_balance_date(&format!("截至{year}年末")), Ok(y.end()));
    }

    #[test]
    fn years_in_points_at_the_year(
        prefix in "[\\p{Han}，、 ]{0,12}",
        year in 1000i32..=9999,
        sp in spacing(),
    ) {
        let text = format!("{prefix}{year}{sp}年度");
        let found: Vec<(usize, i32)> = years_in(&text).collect();
        prop_assert_eq!(found, vec![(prefix.len(), year)]);
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC*") {
        let _ = parse_date(&s);
        let _ = parse_balance_date(&s);
        let _ = find_fiscal_year(&s);
        let _ = s.parse::<FiscalYear>();
        for (offset, year) in years_in(&s) {
            prop_assert!(s.is_char_boundary(offset));
            prop_assert!((0..=9999).contains(&year));
        }
    }

    #[test]
    fn date_like_text_never_panics(s in "[0-9０-９年月日度末截至止 .\\-/]{0,24}") {
        if let Ok(date) = parse_date(&s) {
            prop_assert!(FiscalYear::containing(date).is_ok());
        }
        let _ = parse_balance_date(&s);
        let _ = find_fiscal_year(&s);
        let _ = s.parse::<FiscalYear>();
        prop_assert!(years_in(&s).all(|(offset, _)| s.is_char_boundary(offset)));
    }
}
