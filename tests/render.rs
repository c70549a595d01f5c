#![allow(clippy::unwrap_used)]
//! Rendering: snapshots of the reference report's tables, the CSV layout
//! loading back into the same figures, and the narrative's figures.

use juesuan::{Disclosure, FinalAccounts, render::TableId, render::narrative, render::tables};

fn reference() -> Disclosure {
    FinalAccounts::from_json(include_str!("../examples/data/xinjiang-hrss-2024.json"))
        .unwrap()
        .to_disclosure()
}

fn table(id: TableId) -> juesuan::render::Table {
    tables(&reference())
        .into_iter()
        .find(|t| t.id() == id)
        .unwrap()
}

/// Whether snapshots are to be rewritten: only when asked with exactly
/// `UPDATE_SNAPSHOTS=1` (`0`, an empty value or anything else compares).
fn updating(value: Option<&str>) -> bool {
    value == Some("1")
}

#[test]
fn snapshots_are_rewritten_only_when_asked() {
    assert!(updating(Some("1")));
    for v in [
        None,
        Some("0"),
        Some(""),
        Some("true"),
        Some("yes"),
        Some(" 1"),
    ] {
        assert!(!updating(v), "{v:?}");
    }
}

/// Compares with `tests/snapshots/NAME`; with `UPDATE_SNAPSHOTS=1` in the
/// environment, rewrites it instead (then review the diff by hand).
fn snapshot(name: &str, actual: &str) {
    let path = format!("{}/tests/snapshots/{name}", env!("CARGO_MANIFEST_DIR"));
    if updating(std::env::var("UPDATE_SNAPSHOTS").ok().as_deref()) {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        actual, expected,
        "snapshot {name} differs; rerun with UPDATE_SNAPSHOTS=1 and review"
    );
}

#[test]
fn t1_snapshot() {
    snapshot("t1.txt", &table(TableId::T1).to_text());
}

#[test]
fn t5_snapshot() {
    snapshot("t5.txt", &table(TableId::T5).to_text());
}

#[test]
fn t9_snapshot() {
    snapshot("t9.txt", &table(TableId::T9).to_text());
}

#[test]
fn t9_markdown_snapshot() {
    snapshot("t9.md", &table(TableId::T9).to_markdown());
}

/// Whether `text` has `figure` as a whole number: not inside a longer one
/// ("1.80" is not found in "11.80", "287.40" not in "1,287.40" or "287.401").
fn has_figure(text: &str, figure: &str) -> bool {
    let part_of_number = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    text.match_indices(figure).any(|(at, _)| {
        let mut before = text[..at].chars().rev();
        let b1 = before.next();
        let b2 = before.next();
        let mut after = text[at + figure.len()..].chars();
        let a1 = after.next();
        let a2 = after.next();
        // A digit next to it, or a separator with a digit beyond, continues
        // the number.
        let joined_before =
            part_of_number(b1) || (matches!(b1, Some(',' | '.' | '-')) && part_of_number(b2));
        let joined_after =
            part_of_number(a1) || (matches!(a1, Some(',' | '.')) && part_of_number(a2));
        !joined_before && !joined_after
    })
}

#[test]
fn figures_are_found_whole() {
    assert!(has_figure("接待费1.80万元", "1.80"));
    assert!(!has_figure("接待费11.80万元", "1.80"));
    assert!(!has_figure("1,287.40", "287.40"));
    assert!(!has_figure("287.401", "287.40"));
    assert!(!has_figure("12.34", "12"));
    assert!(has_figure("共12，占", "12"));
    assert!(has_figure("合计287.40。", "287.40"));
}

/// Every figure printed in the rendered T5 (but the derived last-year
/// column) is printed in the published text too.
#[test]
fn t5_figures_come_from_the_document() {
    let seed: String = include_str!("fixtures/xinjiang-hrss-2024.txt")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let t5 = table(TableId::T5);
    for row in t5.rows() {
        for (cell, column) in row.cells().iter().zip(t5.columns()) {
            let Some(cell) = cell else { continue };
            if column == "上年决算数" {
                assert!(cell.fact().is_none(), "last year is derived, not stated");
                continue;
            }
            let printed = cell.text().trim_start_matches('-').trim_end_matches('%');
            assert!(
                has_figure(&seed, printed),
                "{} {column} {printed} not in the document",
                row.name()
            );
        }
    }
}

#[test]
fn csv_loads_back_into_the_same_figures() {
    let d = reference();
    let mut csv = Vec::new();
    juesuan::render::write_csv(&d, &mut csv).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, juesuan::render::CSV_COLUMNS);
    let mut loaded = Disclosure::new(d.unit());
    for row in reader.records() {
        let row = row.unwrap();
        assert_eq!(row.len(), header.len(), "{row:?}");
        assert_eq!(&row[0], "2024");
        assert_eq!(&row[1], "新疆维吾尔自治区人力资源和社会保障厅");
        assert!(TableId::from_id(&row[2]).is_some());
        let (value, id) = (&row[10], &row[12]);
        loaded.insert_str(id, value).unwrap();
        // Same figure as the report states, to the last printed decimal.
        assert_eq!(
            d.get(id).unwrap().value(),
            loaded.get(id).unwrap().value(),
            "{id}"
        );
    }
    // Every amount of the tables the reference fills comes back.
    for id in [
        "revenue.total",
        "expenditure.closing_balance",
        "appropriation.initial_budget",
        "general_budget.function.2080199",
        "general_budget.function.2080199.change",
        "basic.public",
        "three_public.vehicle_operation.budget",
        "three_public.vehicles_held",
    ] {
        assert!(loaded.contains(id), "{id} missing from the CSV");
    }
}

#[test]
fn empty_fund_tables_say_so() {
    for id in [TableId::T7, TableId::T8] {
        let t = table(id);
        assert!(t.is_empty());
        assert!(t.note().unwrap().contains("本表无数据"));
        assert!(t.to_text().contains("本表无数据"));
    }
}

/// Every number the published report's narrative prints (its parts one
/// and two, before the glossary: figures, counts, rates, years, codes),
/// found whole in the narrative rebuilt from the reference data: the
/// report is reproduced, performance indicators and 1,785 included.
#[test]
fn the_rebuilt_narrative_prints_every_published_figure() {
    let published = include_str!("fixtures/xinjiang-hrss-2024.txt");
    let end = published.find("第三部分 专业名词解释").unwrap();
    let body = &published[..end];
    // Numbers as printed: a digit run with the separators inside it.
    let mut figures = Vec::new();
    let mut current = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        let inside = !current.is_empty()
            && matches!(c, ',' | '.')
            && chars.peek().is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || inside {
            current.push(c);
        } else if !current.is_empty() {
            figures.push(std::mem::take(&mut current));
        }
    }
    assert!(figures.len() > 300, "{} numbers", figures.len());
    let rebuilt = narrative(&reference());
    let missing: Vec<&String> = figures
        .iter()
        .filter(|f| !has_figure(&rebuilt, f))
        .collect();
    assert!(
        missing.is_empty(),
        "missing from the rebuilt narrative: {missing:?}"
    );
    for figure in ["48.32", "4.6", "333.52", "68.56", "98.61", "1,785"] {
        assert!(figures.iter().any(|f| f == figure), "{figure}");
    }
}

#[test]
fn narrative_restates_every_amount() {
    let d = reference();
    let text = narrative(&d);
    for (id, facts) in d.iter() {
        for f in facts {
            if let Some(a) = f.value().as_amount() {
                // Changes are printed without sign, after 增加/减少.
                let a = if a.value().is_sign_negative() {
                    a.negated()
                } else {
                    a
                };
                let printed = format!("{}万元", a.printed());
                assert!(
                    has_figure(&text, &printed),
                    "{id}: {printed} missing from the narrative"
                );
            }
        }
    }
    assert!(text.contains("名词解释"));
    // Directions chosen by sign, 无变化 for zero.
    assert!(text.contains("比上年决算减少50.41万元，下降14.92%"));
    assert!(text.contains("公务接待费支出1.80万元，占0.99%，与上年相比无变化"));
}

fn row<'a>(t: &'a juesuan::render::Table, name: &str) -> &'a juesuan::render::Row {
    t.rows().iter().find(|r| r.name().trim() == name).unwrap()
}

fn column(t: &juesuan::render::Table, heading: &str) -> usize {
    t.columns().iter().position(|c| c == heading).unwrap()
}

/// Cells an identity determines from stated figures are filled, and marked
/// as derived (no fact id, so CSV, which carries stated figures only, leaves
/// them out). Expected values computed by hand from the report.
#[test]
fn cells_the_data_determines_are_filled() {
    let t9 = table(TableId::T9);
    let budget = column(&t9, "预算数");
    // 公务用车购置及运行维护费 预算数 = 购置费 0.00 + 运行维护费 179.78.
    let cell = row(&t9, "公务用车购置及运行维护费").cells()[budget]
        .as_ref()
        .unwrap();
    assert_eq!((cell.text(), cell.fact()), ("179.78", None));
    // 公务接待费: changed by 0.00 on last year's 1.80, so 0.00%.
    let rate = column(&t9, "增减率");
    let cell = row(&t9, "公务接待费").cells()[rate].as_ref().unwrap();
    assert_eq!((cell.text(), cell.fact()), ("0.00%", None));

    // T1 一、一般公共预算财政拨款收入: T4's 本年财政拨款收入 68,460.73 less
    // the fund columns 0.00 and 0.00.
    let t1 = table(TableId::T1);
    let cell = row(&t1, "一、一般公共预算财政拨款收入").cells()[0]
        .as_ref()
        .unwrap();
    assert_eq!((cell.text(), cell.fact()), ("68,460.73", None));

    // What the data does not determine stays blank: a sub-row alone.
    let mut d = Disclosure::default();
    d.insert_str("three_public.vehicle_operation.budget", "179.78")
        .unwrap();
    d.insert_str("three_public.vehicle_operation", "179.78")
        .unwrap();
    let t9 = tables(&d)
        .into_iter()
        .find(|t| t.id() == TableId::T9)
        .unwrap();
    assert!(
        t9.rows()
            .iter()
            .all(|r| r.name().trim() != "公务用车购置及运行维护费"),
        "{}",
        t9.to_text()
    );
}

/// Every rate of every table prints with two decimals.
#[test]
fn rates_print_in_one_format() {
    let mut rates = 0;
    for t in tables(&reference()) {
        for r in t.rows() {
            for cell in r.cells().iter().flatten() {
                if let Some(number) = cell.text().strip_suffix('%') {
                    rates += 1;
                    let decimals = number.split('.').nth(1).map_or(0, str::len);
                    assert_eq!(decimals, 2, "{} {}: {}", t.id(), r.name(), cell.text());
                }
            }
        }
    }
    assert!(rates > 30, "{rates} rates");
}

/// T1 is two-sided as published: 收入 lines beside 支出 lines, the totals in
/// pairs.
#[test]
fn t1_is_two_sided() {
    let t1 = table(TableId::T1);
    let sides = t1.sides().unwrap();
    let name = |i: Option<usize>| i.map(|i| t1.rows()[i].name().to_owned());
    let last = sides.last().unwrap();
    assert_eq!(
        (name(last[0]), name(last[1])),
        (Some("总计".to_owned()), Some("总计".to_owned()))
    );
    let text = t1.to_text();
    assert!(
        text.lines()
            .any(|l| l.starts_with("本年收入合计") && l.contains("73,274.06  本年支出合计")),
        "{text}"
    );
    let md = t1.to_markdown();
    assert!(
        md.contains("| 项目（收入） | 决算数 | 项目（支出） | 决算数 |"),
        "{md}"
    );
}
