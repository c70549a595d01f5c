//! Strict validation: shared figures, required totals, codes, units, and
//! the audit's identities.

use crate::audit::{Audit, Finding, Severity};
use crate::code::{Catalog, CodeKind};
use crate::disclosure::Disclosure;

use super::Parts;
use super::error::ModelError;
use super::figure::Figure;
use super::walk::{Writer, join, walk};

type R = Result<(), ModelError>;

/// A figure printed in two tables: the copy one table leaves out is filled
/// from the other, and what one copy states that the other does not (the
/// narrative's change of a table cell, say) is added to both; two different
/// values of one field are an error.
fn pair(a: &mut Option<Figure>, b: &mut Option<Figure>, fact: &str) -> R {
    let merged = match (a.as_ref(), b.as_ref()) {
        (None, None) => return Ok(()),
        (Some(x), None) | (None, Some(x)) => x.clone(),
        (Some(x), Some(y)) => merge(x, y).ok_or_else(|| ModelError::Conflict {
            fact: fact.to_owned(),
            first: figure_text(x),
            second: figure_text(y),
        })?,
    };
    *a = Some(merged.clone());
    *b = Some(merged);
    Ok(())
}

/// One figure from two statements of it, unless they disagree.
fn merge(x: &Figure, y: &Figure) -> Option<Figure> {
    fn one<T: Clone + PartialEq>(a: &Option<T>, b: &Option<T>) -> Option<Option<T>> {
        match (a, b) {
            (Some(p), Some(q)) if p != q => None,
            (Some(p), _) | (None, Some(p)) => Some(Some(p.clone())),
            (None, None) => Some(None),
        }
    }
    if x.amount != y.amount {
        return None;
    }
    Some(Figure {
        amount: x.amount,
        name: one(&x.name, &y.name)?,
        share: one(&x.share, &y.share)?,
        change: one(&x.change, &y.change)?,
        change_rate: one(&x.change_rate, &y.change_rate)?,
        prior_year: one(&x.prior_year, &y.prior_year)?,
        budget: one(&x.budget, &y.budget)?,
        budget_variance_rate: one(&x.budget_variance_rate, &y.budget_variance_rate)?,
        completion_rate: one(&x.completion_rate, &y.completion_rate)?,
        reason: one(&x.reason, &y.reason)?,
        budget_reason: one(&x.budget_reason, &y.budget_reason)?,
    })
}

fn figure_text(f: &Figure) -> String {
    if f.is_bare() {
        f.amount.printed()
    } else {
        serde_json::to_string(f).unwrap_or_else(|_| f.amount.printed())
    }
}

/// Fills shared figures and drops empty optional sections.
fn normalize(p: &mut Parts) -> R {
    if let (Some(t4), Some(t5)) = (p.appropriation.as_mut(), p.general_budget.as_mut()) {
        pair(
            &mut t4.general_budget.expenditure,
            &mut t5.total,
            "general_budget.expenditure",
        )?;
    }
    if let (Some(t5), Some(t6)) = (p.general_budget.as_mut(), p.basic.as_mut()) {
        pair(&mut t5.basic_total, &mut t6.total, "basic.total")?;
    }
    if let Some(t4) = p.appropriation.as_mut() {
        for (column, fund, prefix) in [
            (
                &mut t4.government_fund,
                p.government_fund.as_mut(),
                "government_fund",
            ),
            (
                &mut t4.state_capital,
                p.state_capital.as_mut(),
                "state_capital",
            ),
        ] {
            let Some(fund) = fund else {
                continue;
            };
            pair(
                &mut column.opening_balance,
                &mut fund.opening_balance,
                &format!("{prefix}.opening_balance"),
            )?;
            pair(
                &mut column.revenue,
                &mut fund.revenue,
                &format!("{prefix}.revenue"),
            )?;
            pair(
                &mut column.expenditure,
                &mut fund.expenditure,
                &format!("{prefix}.expenditure"),
            )?;
            pair(
                &mut column.closing_balance,
                &mut fund.closing_balance,
                &format!("{prefix}.closing_balance"),
            )?;
        }
    }
    if p.assets.as_ref().is_some_and(|a| a.is_empty()) {
        p.assets = None;
    }
    if p.performance.as_ref().is_some_and(|a| a.is_empty()) {
        p.performance = None;
    }
    if p.operating_costs
        .as_ref()
        .is_some_and(|c| c.office.is_none() && c.institution.is_none())
    {
        p.operating_costs = None;
    }
    Ok(())
}

fn need(
    slot: Option<&Figure>,
    table: &'static str,
    what: &'static str,
    fact: &str,
    field: &str,
) -> R {
    if slot.is_some() {
        Ok(())
    } else {
        Err(ModelError::MissingTotal {
            table,
            what,
            fact: fact.to_owned(),
            field: field.to_owned(),
        })
    }
}

fn rows_need_totals<'a, T: 'a, C: std::fmt::Display + 'a>(
    rows: impl IntoIterator<Item = (&'a C, &'a T)>,
    total: impl Fn(&T) -> bool,
    prefix: &str,
    path: &str,
) -> R {
    for (code, row) in rows {
        if !total(row) {
            return Err(ModelError::MissingRowTotal {
                fact: format!("{prefix}{code}"),
                field: join(path, &format!("{code}.total")),
            });
        }
    }
    Ok(())
}

fn non_empty(empty: bool, table: &'static str, expected: &'static str, field: &str) -> R {
    if empty {
        Err(ModelError::EmptyTable {
            table,
            expected,
            field: field.to_owned(),
        })
    } else {
        Ok(())
    }
}

/// Required totals per table.
fn required(p: &Parts) -> R {
    if let Some(t) = &p.summary {
        need(
            t.revenue_total.as_ref(),
            "T1",
            "收入总计",
            "revenue.total",
            "summary.revenue_total",
        )?;
        need(
            t.revenue_current_year.as_ref(),
            "T1",
            "本年收入合计",
            "revenue.current_year",
            "summary.revenue_current_year",
        )?;
        need(
            t.expenditure_current_year.as_ref(),
            "T1",
            "本年支出合计",
            "expenditure.current_year",
            "summary.expenditure_current_year",
        )?;
        need(
            t.expenditure_total.as_ref(),
            "T1",
            "支出总计",
            "expenditure.total",
            "summary.expenditure_total",
        )?;
    }
    if let Some(t) = &p.revenue {
        non_empty(t.rows.is_empty(), "T2", "at least one row", "revenue.rows")?;
        rows_need_totals(
            &t.rows,
            |r| r.total.is_some(),
            "revenue.function.",
            "revenue.rows",
        )?;
    }
    if let Some(t) = &p.expenditure {
        non_empty(
            t.rows.is_empty(),
            "T3",
            "at least one row",
            "expenditure.rows",
        )?;
        rows_need_totals(
            &t.rows,
            |r| r.total.is_some(),
            "expenditure.function.",
            "expenditure.rows",
        )?;
    }
    if let Some(t) = &p.appropriation {
        need(
            t.revenue_total.as_ref(),
            "T4",
            "财政拨款收入总计",
            "appropriation.revenue_total",
            "appropriation.revenue_total",
        )?;
        need(
            t.expenditure_total.as_ref(),
            "T4",
            "财政拨款支出总计",
            "appropriation.expenditure_total",
            "appropriation.expenditure_total",
        )?;
    }
    if let Some(t) = &p.general_budget {
        need(
            t.total.as_ref(),
            "T5",
            "合计",
            "general_budget.expenditure",
            "general_budget.total",
        )?;
        non_empty(
            t.rows.is_empty(),
            "T5",
            "at least one row",
            "general_budget.rows",
        )?;
        rows_need_totals(
            &t.rows,
            |r| r.total.is_some(),
            "general_budget.function.",
            "general_budget.rows",
        )?;
    }
    if let Some(t) = &p.basic {
        need(
            t.total.as_ref(),
            "T6",
            "基本支出合计",
            "basic.total",
            "basic.total",
        )?;
        need(
            t.personnel.as_ref(),
            "T6",
            "人员经费合计",
            "basic.personnel",
            "basic.personnel",
        )?;
        need(
            t.public.as_ref(),
            "T6",
            "公用经费合计",
            "basic.public",
            "basic.public",
        )?;
    }
    for (t, table, field) in [
        (&p.government_fund, "T7", "government_fund"),
        (&p.state_capital, "T8", "state_capital"),
    ] {
        if let Some(t) = t {
            non_empty(
                t.rows.is_empty()
                    && t.note.is_none()
                    && t.expenditure_basic.is_none()
                    && t.expenditure_project.is_none(),
                table,
                "a row, the 基本/项目 split of 本年支出, or a note (说明)",
                field,
            )?;
        }
    }
    if let Some(t) = &p.three_public {
        need(
            t.total.as_ref(),
            "T9",
            "“三公”经费合计",
            "three_public.total",
            "three_public.total",
        )?;
    }
    if let Some(t) = &p.procurement {
        need(
            t.total.as_ref(),
            "procurement",
            "政府采购支出总额",
            "procurement.total",
            "procurement.total",
        )?;
    }
    Ok(())
}

/// Every row code must be in the built-in catalog.
fn codes(p: &Parts) -> R {
    let functions = Catalog::function();
    let mut function_rows: Vec<(String, String, crate::code::FunctionCode)> = Vec::new();
    let mut push = |prefix: &str, path: &str, codes: Vec<crate::code::FunctionCode>| {
        for c in codes {
            function_rows.push((format!("{prefix}{c}"), join(path, &c.to_string()), c));
        }
    };
    if let Some(t) = &p.revenue {
        push(
            "revenue.function.",
            "revenue.rows",
            t.rows.keys().copied().collect(),
        );
    }
    if let Some(t) = &p.expenditure {
        push(
            "expenditure.function.",
            "expenditure.rows",
            t.rows.keys().copied().collect(),
        );
    }
    if let Some(t) = &p.appropriation {
        push(
            "appropriation.expenditure.function.",
            "appropriation.expenditure_by_function",
            t.expenditure_by_function.keys().copied().collect(),
        );
    }
    if let Some(t) = &p.general_budget {
        push(
            "general_budget.function.",
            "general_budget.rows",
            t.rows.keys().copied().collect(),
        );
    }
    if let Some(t) = &p.government_fund {
        push(
            "government_fund.function.",
            "government_fund.rows",
            t.rows.keys().copied().collect(),
        );
    }
    if let Some(t) = &p.state_capital {
        push(
            "state_capital.function.",
            "state_capital.rows",
            t.rows.keys().copied().collect(),
        );
    }
    for (fact, field, code) in function_rows {
        if !functions.contains(code) {
            return Err(ModelError::UnknownCode {
                kind: CodeKind::Function,
                code: code.to_string(),
                fact,
                field,
            });
        }
    }
    if let Some(t) = &p.basic {
        let economics = Catalog::economic();
        for code in t.rows.keys() {
            if !economics.contains(*code) {
                return Err(ModelError::UnknownCode {
                    kind: CodeKind::Economic,
                    code: code.to_string(),
                    fact: format!("basic.economic.{code}"),
                    field: join("basic.rows", &code.to_string()),
                });
            }
        }
    }
    Ok(())
}

/// Writes the facts of `p` with `w` (checking units), and what the report
/// says of itself. The walk visits fields mutably (other visitors change
/// them); the writer only reads, and leaves `p` as it is.
fn write_with(p: &mut Parts, mut w: Writer) -> Result<Disclosure, ModelError> {
    walk(&mut w, p)?;
    let mut d = w.d;
    d.set_fiscal_year(Some(p.fiscal_year));
    let department = p.department.trim();
    d.set_department((!department.is_empty()).then(|| p.department.clone()));
    d.units_mut().clone_from(&p.overview.units);
    d.divisions_mut().clone_from(&p.overview.divisions);
    d.indicators_mut().clone_from(&p.indicators);
    Ok(d)
}

/// Writes the facts of a validated `p` (checking units).
pub(crate) fn write(p: &Parts) -> Result<Disclosure, ModelError> {
    write_from(&mut p.clone())
}

/// [`write`] without copying `p`.
pub(crate) fn write_from(p: &mut Parts) -> Result<Disclosure, ModelError> {
    let w = Writer::new(p.unit);
    write_with(p, w)
}

/// Writes what `p` states, unvalidated: a figure two tables hold is written
/// once when the copies agree and twice when they differ, for the audit to
/// judge.
pub(crate) fn write_statements(p: &mut Parts) -> Result<Disclosure, ModelError> {
    let w = Writer::statements(p.unit);
    write_with(p, w)
}

/// Validates once: normalizes shared figures, checks required totals,
/// codes and units, then runs the audit and refuses every error finding.
pub(crate) fn validate(p: &mut Parts) -> R {
    if p.department.trim().is_empty() {
        return Err(ModelError::Missing { what: "department" });
    }
    normalize(p)?;
    required(p)?;
    codes(p)?;
    let d = write_from(p)?;
    let errors: Vec<Finding> = Audit::new()
        .run(&d)
        .into_iter()
        .filter(|f| f.severity() == Severity::Error)
        .collect();
    match errors.first() {
        None => Ok(()),
        Some(first) => Err(ModelError::Identity {
            rule: first.rule(),
            message: first.message().to_owned(),
            facts: first.facts().to_vec(),
            findings: errors,
        }),
    }
}
