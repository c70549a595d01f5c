//! The nine tables as one long CSV for data tools, and the facts as JSON
//! Lines.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write as _};

use crate::audit::SUM_IDENTITIES;
use crate::disclosure::{Disclosure, Value};
use crate::fact::{FactId, FactKind};

use super::{Renderable, Row, Table, tables};

/// The columns of [`write_csv`], in order.
///
/// | column | type | what |
/// | --- | --- | --- |
/// | `fiscal_year` | integer, or empty | the report's year (2024) |
/// | `department` | text, or empty | the department |
/// | `table` | text | `T1` … `T9` |
/// | `row_code` | text, or empty | 科目编码 (`2080101`; text: codes are not numbers) |
/// | `row_name` | text | 项目, as printed |
/// | `column` | text | the column heading (决算数, 财政拨款收入, …) |
/// | `group` | text, or empty | the fact id of the total the row adds up to (`revenue.total`, `three_public.total`); empty for a row outside the table's sums |
/// | `level` | integer, or empty | 0 for the group's total, 1 for its parts, 2 for their parts (款 under 类), …; empty outside the sums |
/// | `is_total` | `true` / `false` | the row is the sum of other rows of its group |
/// | `kind` | text | `amount`, `percent`, `count` or `quantity` |
/// | `value` | decimal | the figure at its printed precision, no separators (`74194.06`) |
/// | `unit` | text | `万元` or `元` for every amount (the report's unit: amounts in another unit are converted exactly; one too large for that keeps its printed unit), `%` for percentages, empty for counts, `平方米` for quantities |
/// | `fact_id` | text | the stable fact id, for loading back |
///
/// Summing `value` over the rows with `kind = 'amount'`, a `level` and
/// `is_total = false`, by `table`, `group` and `column`, gives the group's
/// total (within rounding) wherever every such row states that column.
///
/// ```
/// assert_eq!(juesuan::render::CSV_COLUMNS[7], "level");
/// ```
pub const CSV_COLUMNS: [&str; 13] = [
    "fiscal_year",
    "department",
    "table",
    "row_code",
    "row_name",
    "column",
    "group",
    "level",
    "is_total",
    "kind",
    "value",
    "unit",
    "fact_id",
];

/// Writes every table of `report` as one long CSV (one record per figure,
/// columns [`CSV_COLUMNS`]) into `out`, through the `csv` crate.
///
/// # Errors
///
/// The writer's I/O error. An amount that cannot be converted into the
/// report's unit exactly (beyond the range of an exact decimal) is not an
/// error: it is written in the unit it was printed in, which its `unit`
/// column names.
///
/// ```
/// use juesuan::{Disclosure, render::write_csv};
///
/// let mut d = Disclosure::default();
/// d.insert_str("three_public.total", "1.90")?;
/// d.insert_str("three_public.overseas_travel", "0.00")?;
/// d.insert_str("three_public.vehicles", "0.00")?;
/// d.insert_str("three_public.reception", "1.90")?;
/// let mut out = Vec::new();
/// write_csv(&d, &mut out)?;
/// let text = String::from_utf8(out)?;
/// let mut lines = text.lines();
/// assert_eq!(
///     lines.next(),
///     Some("fiscal_year,department,table,row_code,row_name,column,group,level,is_total,kind,value,unit,fact_id")
/// );
/// assert_eq!(
///     lines.next(),
///     Some(",,T9,,合计,决算数,three_public.total,0,true,amount,1.90,万元,three_public.total")
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_csv(report: &(impl Renderable + ?Sized), out: impl io::Write) -> io::Result<()> {
    let facts = report.facts();
    let d: &Disclosure = &facts;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    let year = d
        .fiscal_year()
        .map(|y| y.year().to_string())
        .unwrap_or_default();
    let department = d.department().unwrap_or_default();
    for table in tables(d) {
        let roles = roles(&table);
        for (row, role) in table.rows().iter().zip(&roles) {
            for (cell, column) in row.cells().iter().zip(table.columns()) {
                let Some(id) = cell.as_ref().and_then(|c| c.fact()) else {
                    continue;
                };
                let Some((kind, value, unit)) = figure(d, id) else {
                    continue;
                };
                let level = role.level.map(|l| l.to_string()).unwrap_or_default();
                w.write_record([
                    year.as_str(),
                    department,
                    table.id().as_str(),
                    row.code().unwrap_or(""),
                    row.name(),
                    column.as_str(),
                    role.group.as_deref().unwrap_or(""),
                    level.as_str(),
                    if role.is_total { "true" } else { "false" },
                    kind,
                    value.as_str(),
                    unit.as_str(),
                    id.as_str(),
                ])?;
            }
        }
    }
    w.flush()
}

/// A figure's kind, value and unit as the CSV writes them; `None` for
/// text and blank cells.
fn figure(d: &Disclosure, id: &FactId) -> Option<(&'static str, String, String)> {
    let fact = d.get(id.as_str())?;
    match fact.value() {
        Value::Amount(a) => {
            // An amount too large for an exact decimal in the report's unit
            // stays in the unit it was printed in: the `unit` column says
            // which, and nothing is rounded or dropped.
            let a = a.to_unit(d.unit()).unwrap_or(*a);
            Some((
                "amount",
                Value::Amount(a).plain(),
                a.unit().label().to_owned(),
            ))
        }
        v @ Value::Percent(_) => Some(("percent", v.plain(), "%".to_owned())),
        v @ (Value::Count(_) | Value::SignedCount(_)) => Some(("count", v.plain(), String::new())),
        v @ Value::Quantity(_) => Some(("quantity", v.plain(), "平方米".to_owned())),
        _ => None,
    }
}

/// Where a row stands in its table's sums.
#[derive(Debug, Clone, Default)]
struct Role {
    group: Option<String>,
    level: Option<u32>,
    is_total: bool,
}

/// The fact a row stands for: its first figure's id without suffix.
fn row_key(row: &Row) -> Option<FactId> {
    let id = row.cells().iter().flatten().find_map(|c| c.fact())?;
    match id.kind() {
        FactKind::Amount | FactKind::Count | FactKind::Quantity if id.suffix().is_none() => {
            Some(id.clone())
        }
        _ => id.with_suffix(None).ok(),
    }
}

/// Each row's group, level and whether it is a total: from the code
/// hierarchy for coded rows (类 1, 款 2, 项 3 under the table's 合计), and
/// from the sum identities ([`SUM_IDENTITIES`]) between the table's
/// uncoded rows.
fn roles(table: &Table) -> Vec<Role> {
    let rows = table.rows();
    let keys: Vec<Option<FactId>> = rows.iter().map(row_key).collect();
    let present: BTreeSet<&str> = keys.iter().flatten().map(FactId::as_str).collect();
    // total -> parts, for identities of at least two parts all of which are
    // rows here (a balance, total = total, is no sum).
    let mut parts_of: BTreeMap<&str, &[&str]> = BTreeMap::new();
    for s in SUM_IDENTITIES {
        if s.parts.len() >= 2
            && present.contains(s.total)
            && s.parts.iter().all(|p| present.contains(p))
        {
            parts_of.entry(s.total).or_insert(s.parts);
        }
    }
    let mut role: BTreeMap<&str, (String, u32)> = BTreeMap::new();
    let is_part: BTreeSet<&str> = parts_of.values().flat_map(|p| p.iter().copied()).collect();
    for root in parts_of.keys().filter(|t| !is_part.contains(**t)) {
        let mut stack = vec![(*root, 0u32)];
        while let Some((id, level)) = stack.pop() {
            if role.contains_key(id) {
                continue;
            }
            role.insert(id, ((*root).to_owned(), level));
            for p in parts_of.get(id).copied().unwrap_or_default() {
                stack.push((p, level.saturating_add(1)));
            }
        }
    }
    let codes: Vec<&str> = rows.iter().filter_map(Row::code).collect();
    // A coded table's total is its uncoded row that no identity places.
    let coded_total = (!codes.is_empty())
        .then(|| {
            keys.iter()
                .zip(rows)
                .filter(|(_, r)| r.code().is_none())
                .filter_map(|(k, _)| k.as_ref())
                .find(|k| {
                    !role.contains_key(k.as_str())
                        || role.get(k.as_str()).is_some_and(|(_, l)| *l == 0)
                })
                .map(|k| k.as_str().to_owned())
        })
        .flatten();
    rows.iter()
        .zip(&keys)
        .map(|(row, key)| {
            if let Some(code) = row.code() {
                let has_children = codes
                    .iter()
                    .any(|c| c.len() > code.len() && c.starts_with(code));
                let level = match code.len() {
                    0..=3 => 1,
                    4..=5 => 2,
                    _ => 3,
                };
                return Role {
                    group: coded_total.clone(),
                    level: coded_total.as_ref().map(|_| level),
                    is_total: has_children,
                };
            }
            let Some(key) = key else {
                return Role::default();
            };
            if coded_total.as_deref() == Some(key.as_str()) {
                return Role {
                    group: Some(key.as_str().to_owned()),
                    level: Some(0),
                    is_total: true,
                };
            }
            match role.get(key.as_str()) {
                Some((group, level)) => Role {
                    group: Some(group.clone()),
                    level: Some(*level),
                    is_total: parts_of.contains_key(key.as_str()) || !codes.is_empty(),
                },
                None => Role::default(),
            }
        })
        .collect()
}

/// Writes every statement of `report` as JSON Lines into `out`: one object
/// per statement, `{"fact_id", "kind", "value", "unit", "span"}`, in fact-id
/// order. `kind` is `amount`, `percent`, `count`, `signed_count`,
/// `quantity` or `text`; `value` a string for amounts, percentages,
/// quantities and text (exact, at the printed precision, no separators;
/// `""` for a cell printed blank) and a number for counts; `unit` the
/// amount's own unit (`万元` or `元`), `%`, or `null`; `span` where the text
/// states it, or `null`.
///
/// # Errors
///
/// The writer's I/O error.
///
/// ```
/// use juesuan::{Disclosure, render::write_facts_jsonl};
///
/// let mut d = Disclosure::default();
/// d.insert_str("revenue.total", "74194.06")?;
/// d.insert_str("staff.total", "12")?;
/// let mut out = Vec::new();
/// write_facts_jsonl(&d, &mut out)?;
/// let text = String::from_utf8(out)?;
/// let lines: Vec<&str> = text.lines().collect();
/// assert_eq!(lines[0], r#"{"fact_id":"revenue.total","kind":"amount","value":"74194.06","unit":"万元","span":null}"#);
/// assert_eq!(lines[1], r#"{"fact_id":"staff.total","kind":"count","value":12,"unit":null,"span":null}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_facts_jsonl(
    report: &(impl Renderable + ?Sized),
    out: impl io::Write,
) -> io::Result<()> {
    let facts = report.facts();
    let mut out = io::BufWriter::new(out);
    for (id, statements) in facts.iter() {
        for fact in statements {
            let value = fact.value();
            let (json_value, unit) = match value {
                Value::Count(n) => (serde_json::Value::from(*n), None),
                Value::SignedCount(n) => (serde_json::Value::from(*n), None),
                Value::Amount(a) => (value.plain().into(), Some(a.unit().label())),
                Value::Percent(_) => (value.plain().into(), Some("%")),
                other => (other.plain().into(), None),
            };
            let line = FactLine {
                fact_id: id,
                kind: id.kind().as_str(),
                value: json_value,
                unit,
                span: fact.span(),
            };
            serde_json::to_writer(&mut out, &line)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()
}

/// One line of [`write_facts_jsonl`], its fields in order.
#[derive(serde::Serialize)]
struct FactLine<'a> {
    fact_id: &'a FactId,
    kind: &'static str,
    value: serde_json::Value,
    unit: Option<&'static str>,
    span: Option<crate::span::Span>,
}
