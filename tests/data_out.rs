#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
//! Data out for data tools: the reference report's long CSV, loaded with
//! the `csv` crate as a data tool would, adds up: in every table, the rows
//! that are parts (not totals) sum to their group's total; and the JSON
//! Lines facts export gives one line per statement.

use std::collections::BTreeMap;

use juesuan::{Amount, Decimal, Disclosure, FinalAccounts, amount::check_sum};

fn reference() -> FinalAccounts {
    FinalAccounts::from_json(include_str!("../examples/data/xinjiang-hrss-2024.json")).unwrap()
}

#[derive(Debug, serde::Deserialize)]
struct Record {
    table: String,
    row_name: String,
    column: String,
    group: String,
    level: Option<u32>,
    is_total: bool,
    kind: String,
    value: Decimal,
    unit: String,
}

fn records() -> Vec<Record> {
    let mut out = Vec::new();
    juesuan::render::write_csv(&reference(), &mut out).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    reader.deserialize().map(|r| r.unwrap()).collect()
}

#[test]
fn units_are_never_mixed_within_a_kind() {
    let records = records();
    assert!(records.len() > 100);
    for r in &records {
        let want = match r.kind.as_str() {
            "amount" => "万元",
            "percent" => "%",
            "count" => "",
            other => panic!("kind {other} in the reference tables"),
        };
        assert_eq!(r.unit, want, "{r:?}");
    }
}

#[test]
fn leaf_rows_sum_to_each_tables_total() {
    let records = records();
    // (table, group, column) -> (total, parts), amounts only.
    type Key = (String, String, String);
    let mut totals: BTreeMap<Key, Amount> = BTreeMap::new();
    let mut parts: BTreeMap<Key, Vec<Amount>> = BTreeMap::new();
    let mut leaves_per_group: BTreeMap<(String, String), usize> = BTreeMap::new();
    for r in records
        .iter()
        .filter(|r| r.kind == "amount" && r.level.is_some())
    {
        let key = (r.table.clone(), r.group.clone(), r.column.clone());
        let amount = Amount::wan_yuan(r.value);
        if r.level == Some(0) {
            assert!(r.is_total, "{r:?}");
            totals.insert(key, amount);
        } else if !r.is_total {
            parts.entry(key).or_default().push(amount);
        }
    }
    // The rows that are parts of each group, whatever column they state.
    for r in records
        .iter()
        .filter(|r| r.kind == "amount" && r.level.is_some() && !r.is_total)
    {
        leaves_per_group.insert((r.table.clone(), r.group.clone()), 0);
    }
    for ((table, group), n) in leaves_per_group.iter_mut() {
        let mut rows: Vec<&str> = records
            .iter()
            .filter(|r| &r.table == table && &r.group == group && r.level.is_some() && !r.is_total)
            .map(|r| r.row_name.as_str())
            .collect();
        rows.sort_unstable();
        rows.dedup();
        *n = rows.len();
    }
    let mut checked = Vec::new();
    for (key, total) in &totals {
        let Some(parts) = parts.get(key) else {
            continue;
        };
        // Only where every part of the group states this column.
        if parts.len() != leaves_per_group[&(key.0.clone(), key.1.clone())] {
            continue;
        }
        let verdict = check_sum(total, parts).unwrap();
        assert!(
            verdict.outcome().is_consistent(),
            "{key:?}: parts {parts:?} do not add up to {total}: {verdict}"
        );
        checked.push(format!(
            "{} {} {} = {}",
            key.0,
            key.1,
            key.2,
            total.printed()
        ));
    }
    // Totals read by hand from the reference report's tables.
    for expected in [
        "T1 revenue.total 决算数 = 74,194.06",
        "T1 expenditure.total 决算数 = 74,194.06",
        "T6 basic.total 合计 = 20,021.91",
        "T9 three_public.total 决算数 = 181.58",
        "T9 three_public.total 预算数 = 181.58",
    ] {
        assert!(
            checked.iter().any(|c| c == expected),
            "{expected} not checked: {checked:#?}"
        );
    }
    // Every table with parts has a group that was checked: T1 and T4 on both
    // sides, T5 by its function codes. (The reference's T2 and T3 state only
    // their 合计 row; T7 and T8 are empty.)
    for table in ["T1", "T4", "T5", "T6", "T9"] {
        assert!(
            checked.iter().any(|c| c.starts_with(&format!("{table} "))),
            "{table}: {checked:#?}"
        );
    }
}

#[test]
fn facts_export_as_json_lines() {
    let d: Disclosure = reference().into();
    let mut out = Vec::new();
    juesuan::render::write_facts_jsonl(&d, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let statements: usize = d.iter().map(|(_, s)| s.len()).sum();
    assert_eq!(text.lines().count(), statements);
    let mut back = Disclosure::new(d.unit());
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = v["fact_id"].as_str().unwrap();
        let value = match &v["value"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        back.insert_str(id, &value).unwrap();
    }
    for (id, statements) in d.iter() {
        assert_eq!(back.statements(id.as_str()), statements, "{id}");
    }
}
