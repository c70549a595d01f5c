//! One walk over the model that names every slot with its fact id and JSON
//! path. Writing a Disclosure, reading one back, indexing JSON paths and
//! converting units are visitors of the same walk, so the mapping between
//! fields and fact ids is written once.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::amount::{Amount, Percent, Unit};
use crate::code::{EconomicCode, FunctionCode};
use crate::disclosure::{Disclosure, Fact, Value};
use crate::fact::{FactId, VehicleKind};

use super::Parts;
use super::cited::cited_codes;
use super::error::ModelError;
use super::figure::{CountFigure, Figure};
use super::other::{Assets, OperatingCosts, Overview, Performance, Procurement};
use super::tables::{
    AppropriationColumn, AppropriationSummary, BasicExpenditureTable, BudgetKind, ExpenditureTable,
    FundTable, GeneralBudgetTable, RevenueExpenditureSummary, RevenueTable, ThreePublicCount,
    ThreePublicExpenses, ThreePublicItem,
};

type R = Result<(), ModelError>;

/// The fact a figure's `budget` field maps to.
pub(crate) fn budget_id(id: &str) -> String {
    if id == "appropriation.revenue_total" {
        "appropriation.initial_budget".to_owned()
    } else {
        format!("{id}.budget")
    }
}

pub(crate) fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

/// What is done at each slot.
pub(crate) trait Visitor {
    /// Whether the walk fills the model from facts.
    fn reading(&self) -> bool {
        false
    }
    /// How many facts unique to a table were read so far, and the length of
    /// the consumption log (reading only).
    fn mark(&self) -> (usize, usize) {
        (0, 0)
    }
    /// Forgets what was consumed since `mark` (a table that stays absent).
    fn rollback(&mut self, _log_len: usize) {}
    fn figure(&mut self, id: &str, path: &str, shared: bool, slot: &mut Option<Figure>) -> R;
    fn amount(&mut self, id: &str, path: &str, slot: &mut Option<Amount>) -> R;
    fn count(&mut self, id: &str, path: &str, slot: &mut Option<CountFigure>) -> R;
    fn plain_count(&mut self, id: &str, path: &str, slot: &mut Option<u64>) -> R;
    fn quantity(&mut self, id: &str, path: &str, slot: &mut Option<Decimal>) -> R;
    fn text(&mut self, id: &str, path: &str, slot: &mut Option<String>) -> R;
    fn date(&mut self, id: &str, path: &str, slot: &mut Option<NaiveDate>) -> R;
    /// The row codes under `prefix`: the model's, or the disclosure's when
    /// reading.
    fn codes<C: RowCode>(&mut self, _prefix: &str, have: Vec<C>) -> Vec<C> {
        have
    }
}

/// A classification code that keys a table's rows.
pub(crate) trait RowCode: Copy + Ord + std::fmt::Display {
    /// The code of this kind inside a fact id, if any.
    fn of(id: &FactId) -> Option<Self>;
}

impl RowCode for FunctionCode {
    fn of(id: &FactId) -> Option<FunctionCode> {
        id.function_code()
    }
}

impl RowCode for EconomicCode {
    fn of(id: &FactId) -> Option<EconomicCode> {
        id.economic_code()
    }
}

fn table<T: Default, V: Visitor>(
    v: &mut V,
    slot: &mut Option<T>,
    f: impl FnOnce(&mut V, &mut T) -> R,
) -> R {
    if v.reading() {
        let (hits, log) = v.mark();
        let mut t = T::default();
        f(v, &mut t)?;
        if v.mark().0 > hits {
            *slot = Some(t);
        } else {
            v.rollback(log);
        }
        Ok(())
    } else if let Some(t) = slot.as_mut() {
        f(v, t)
    } else {
        Ok(())
    }
}

fn function_rows<T: Default, V: Visitor>(
    v: &mut V,
    prefix: &str,
    path: &str,
    rows: &mut BTreeMap<FunctionCode, T>,
    mut f: impl FnMut(&mut V, &str, &str, &mut T) -> R,
) -> R {
    let codes = v.codes(prefix, rows.keys().copied().collect());
    for code in codes {
        let mut row = rows.remove(&code).unwrap_or_default();
        f(
            v,
            &format!("{prefix}{code}"),
            &join(path, &code.to_string()),
            &mut row,
        )?;
        rows.insert(code, row);
    }
    Ok(())
}

/// The figures of a table's rows keyed by `C` codes.
fn code_figures<C: RowCode, V: Visitor>(
    v: &mut V,
    prefix: &str,
    path: &str,
    rows: &mut BTreeMap<C, Figure>,
) -> R {
    let codes = v.codes(prefix, rows.keys().copied().collect());
    for code in codes {
        let mut slot = rows.remove(&code);
        v.figure(
            &format!("{prefix}{code}"),
            &join(path, &code.to_string()),
            false,
            &mut slot,
        )?;
        if let Some(f) = slot {
            rows.insert(code, f);
        }
    }
    Ok(())
}

/// Walks every slot of the model.
pub(crate) fn walk<V: Visitor>(v: &mut V, p: &mut Parts) -> R {
    overview(v, &mut p.overview)?;
    table(v, &mut p.summary, summary)?;
    table(v, &mut p.revenue, revenue)?;
    table(v, &mut p.expenditure, expenditure)?;
    table(v, &mut p.appropriation, appropriation)?;
    table(v, &mut p.general_budget, general_budget)?;
    table(v, &mut p.basic, basic)?;
    table(v, &mut p.government_fund, |v, t| {
        fund(v, t, BudgetKind::GovernmentFund)
    })?;
    table(v, &mut p.state_capital, |v, t| {
        fund(v, t, BudgetKind::StateCapital)
    })?;
    table(v, &mut p.three_public, three_public)?;
    table(v, &mut p.operating_costs, operating_costs)?;
    table(v, &mut p.procurement, procurement)?;
    table(v, &mut p.assets, assets)?;
    table(v, &mut p.performance, performance)
}

fn overview<V: Visitor>(v: &mut V, o: &mut Overview) -> R {
    v.plain_count(
        "organization.divisions",
        "overview.division_count",
        &mut o.division_count,
    )?;
    let s = &mut o.staffing;
    v.count("staff.total", "overview.staffing.total", &mut s.total)?;
    v.count("staff.active", "overview.staffing.active", &mut s.active)?;
    v.count(
        "staff.retired_cadre",
        "overview.staffing.retired_cadre",
        &mut s.retired_cadre,
    )?;
    v.count("staff.retired", "overview.staffing.retired", &mut s.retired)
}

fn summary<V: Visitor>(v: &mut V, t: &mut RevenueExpenditureSummary) -> R {
    let slots: [(&str, &str, &mut Option<Figure>); 22] = [
        ("revenue.total", "revenue_total", &mut t.revenue_total),
        (
            "revenue.current_year",
            "revenue_current_year",
            &mut t.revenue_current_year,
        ),
        (
            "revenue.appropriation",
            "revenue_appropriation",
            &mut t.revenue_appropriation,
        ),
        (
            "revenue.general_budget",
            "revenue_general_budget",
            &mut t.revenue_general_budget,
        ),
        (
            "revenue.government_fund",
            "revenue_government_fund",
            &mut t.revenue_government_fund,
        ),
        (
            "revenue.state_capital",
            "revenue_state_capital",
            &mut t.revenue_state_capital,
        ),
        (
            "revenue.superior_subsidy",
            "revenue_superior_subsidy",
            &mut t.revenue_superior_subsidy,
        ),
        (
            "revenue.business",
            "revenue_business",
            &mut t.revenue_business,
        ),
        (
            "revenue.operating",
            "revenue_operating",
            &mut t.revenue_operating,
        ),
        (
            "revenue.affiliate_remittance",
            "revenue_affiliate_remittance",
            &mut t.revenue_affiliate_remittance,
        ),
        ("revenue.other", "revenue_other", &mut t.revenue_other),
        (
            "revenue.non_appropriation_balance_used",
            "revenue_non_appropriation_balance_used",
            &mut t.revenue_non_appropriation_balance_used,
        ),
        (
            "revenue.opening_balance",
            "revenue_opening_balance",
            &mut t.revenue_opening_balance,
        ),
        (
            "expenditure.total",
            "expenditure_total",
            &mut t.expenditure_total,
        ),
        (
            "expenditure.current_year",
            "expenditure_current_year",
            &mut t.expenditure_current_year,
        ),
        (
            "expenditure.basic",
            "expenditure_basic",
            &mut t.expenditure_basic,
        ),
        (
            "expenditure.project",
            "expenditure_project",
            &mut t.expenditure_project,
        ),
        (
            "expenditure.remittance_to_superior",
            "expenditure_remittance_to_superior",
            &mut t.expenditure_remittance_to_superior,
        ),
        (
            "expenditure.operating",
            "expenditure_operating",
            &mut t.expenditure_operating,
        ),
        (
            "expenditure.subsidy_to_affiliates",
            "expenditure_subsidy_to_affiliates",
            &mut t.expenditure_subsidy_to_affiliates,
        ),
        (
            "expenditure.surplus_distribution",
            "expenditure_surplus_distribution",
            &mut t.expenditure_surplus_distribution,
        ),
        (
            "expenditure.closing_balance",
            "expenditure_closing_balance",
            &mut t.expenditure_closing_balance,
        ),
    ];
    for (id, field, slot) in slots {
        v.figure(id, &join("summary", field), false, slot)?;
    }
    Ok(())
}

fn revenue<V: Visitor>(v: &mut V, t: &mut RevenueTable) -> R {
    function_rows(
        v,
        "revenue.function.",
        "revenue.rows",
        &mut t.rows,
        |v, id, path, row| {
            v.figure(id, &join(path, "total"), false, &mut row.total)?;
            let cols: [(&str, &mut Option<Amount>); 6] = [
                ("appropriation", &mut row.appropriation),
                ("superior_subsidy", &mut row.superior_subsidy),
                ("business", &mut row.business),
                ("operating", &mut row.operating),
                ("affiliate_remittance", &mut row.affiliate_remittance),
                ("other", &mut row.other),
            ];
            for (col, slot) in cols {
                v.amount(&format!("{id}.{col}"), &join(path, col), slot)?;
            }
            Ok(())
        },
    )
}

fn expenditure<V: Visitor>(v: &mut V, t: &mut ExpenditureTable) -> R {
    function_rows(
        v,
        "expenditure.function.",
        "expenditure.rows",
        &mut t.rows,
        |v, id, path, row| {
            v.figure(id, &join(path, "total"), false, &mut row.total)?;
            let cols: [(&str, &mut Option<Amount>); 5] = [
                ("basic", &mut row.basic),
                ("project", &mut row.project),
                ("remittance_to_superior", &mut row.remittance_to_superior),
                ("operating", &mut row.operating),
                ("subsidy_to_affiliates", &mut row.subsidy_to_affiliates),
            ];
            for (col, slot) in cols {
                v.amount(&format!("{id}.{col}"), &join(path, col), slot)?;
            }
            Ok(())
        },
    )
}

fn column<V: Visitor>(v: &mut V, kind: BudgetKind, c: &mut AppropriationColumn) -> R {
    let prefix = kind.fact_prefix();
    let path = join("appropriation", kind.json_field());
    // The three budget columns' cells are also held by T5, T7 and T8; the
    // general budget's opening, revenue and closing cells only by T4.
    let shared = |cell: &str| match kind {
        BudgetKind::Total => false,
        BudgetKind::GeneralBudget => cell == "expenditure",
        BudgetKind::GovernmentFund | BudgetKind::StateCapital => true,
    };
    let cells: [(&str, &mut Option<Figure>); 4] = [
        ("opening_balance", &mut c.opening_balance),
        ("revenue", &mut c.revenue),
        ("expenditure", &mut c.expenditure),
        ("closing_balance", &mut c.closing_balance),
    ];
    for (cell, slot) in cells {
        v.figure(
            &format!("{prefix}.{cell}"),
            &join(&path, cell),
            shared(cell),
            slot,
        )?;
    }
    Ok(())
}

fn appropriation<V: Visitor>(v: &mut V, t: &mut AppropriationSummary) -> R {
    v.figure(
        "appropriation.revenue_total",
        "appropriation.revenue_total",
        false,
        &mut t.revenue_total,
    )?;
    v.figure(
        "appropriation.expenditure_total",
        "appropriation.expenditure_total",
        false,
        &mut t.expenditure_total,
    )?;
    for kind in BudgetKind::ALL {
        column(v, kind, t.column_mut(kind))?;
    }
    code_figures(
        v,
        "appropriation.expenditure.function.",
        "appropriation.expenditure_by_function",
        &mut t.expenditure_by_function,
    )
}

fn general_budget<V: Visitor>(v: &mut V, t: &mut GeneralBudgetTable) -> R {
    v.figure(
        "general_budget.expenditure",
        "general_budget.total",
        true,
        &mut t.total,
    )?;
    v.figure(
        "basic.total",
        "general_budget.basic_total",
        true,
        &mut t.basic_total,
    )?;
    function_rows(
        v,
        "general_budget.function.",
        "general_budget.rows",
        &mut t.rows,
        |v, id, path, row| {
            v.figure(id, &join(path, "total"), false, &mut row.total)?;
            v.amount(&format!("{id}.basic"), &join(path, "basic"), &mut row.basic)?;
            v.amount(
                &format!("{id}.project"),
                &join(path, "project"),
                &mut row.project,
            )
        },
    )
}

fn basic<V: Visitor>(v: &mut V, t: &mut BasicExpenditureTable) -> R {
    v.figure("basic.total", "basic.total", true, &mut t.total)?;
    v.figure(
        "basic.personnel",
        "basic.personnel",
        false,
        &mut t.personnel,
    )?;
    v.figure("basic.public", "basic.public", false, &mut t.public)?;
    code_figures(v, "basic.economic.", "basic.rows", &mut t.rows)
}

fn fund<V: Visitor>(v: &mut V, t: &mut FundTable, kind: BudgetKind) -> R {
    let prefix = kind.fact_prefix();
    let path = kind.json_field();
    let cells: [(&str, &str, bool, &mut Option<Figure>); 6] = [
        (
            "opening_balance",
            "opening_balance",
            true,
            &mut t.opening_balance,
        ),
        ("revenue", "revenue", true, &mut t.revenue),
        ("expenditure", "expenditure", true, &mut t.expenditure),
        (
            "expenditure.basic",
            "expenditure_basic",
            false,
            &mut t.expenditure_basic,
        ),
        (
            "expenditure.project",
            "expenditure_project",
            false,
            &mut t.expenditure_project,
        ),
        (
            "closing_balance",
            "closing_balance",
            true,
            &mut t.closing_balance,
        ),
    ];
    for (cell, field, shared, slot) in cells {
        v.figure(
            &format!("{prefix}.{cell}"),
            &join(path, field),
            shared,
            slot,
        )?;
    }
    code_figures(
        v,
        &format!("{prefix}.function."),
        &join(path, "rows"),
        &mut t.rows,
    )?;
    v.text(&format!("{prefix}.note"), &join(path, "note"), &mut t.note)
}

fn three_public<V: Visitor>(v: &mut V, t: &mut ThreePublicExpenses) -> R {
    for item in ThreePublicItem::ALL {
        let path = join("three_public", item.json_field());
        v.figure(item.fact_id(), &path, false, t.item_mut(item))?;
    }
    for which in ThreePublicCount::ALL {
        let path = join("three_public", which.json_field());
        v.count(which.fact_id(), &path, t.count_mut(which))?;
    }
    Ok(())
}

fn operating_costs<V: Visitor>(v: &mut V, t: &mut OperatingCosts) -> R {
    v.figure(
        "office_operating_cost",
        "operating_costs.office",
        false,
        &mut t.office,
    )?;
    v.figure(
        "institution_public_cost",
        "operating_costs.institution",
        false,
        &mut t.institution,
    )
}

fn procurement<V: Visitor>(v: &mut V, t: &mut Procurement) -> R {
    let slots: [(&str, &mut Option<Figure>); 6] = [
        ("total", &mut t.total),
        ("goods", &mut t.goods),
        ("works", &mut t.works),
        ("services", &mut t.services),
        ("sme", &mut t.sme),
        ("small_micro", &mut t.small_micro),
    ];
    for (field, slot) in slots {
        v.figure(
            &format!("procurement.{field}"),
            &join("procurement", field),
            false,
            slot,
        )?;
    }
    Ok(())
}

fn assets<V: Visitor>(v: &mut V, t: &mut Assets) -> R {
    v.date(
        "document.balance_date",
        "assets.balance_date",
        &mut t.balance_date,
    )?;
    v.quantity(
        "assets.building_area",
        "assets.building_area",
        &mut t.building_area,
    )?;
    v.figure(
        "assets.building_value",
        "assets.building_value",
        false,
        &mut t.building_value,
    )?;
    v.count("assets.vehicles", "assets.vehicles", &mut t.vehicles)?;
    for kind in VehicleKind::ALL {
        let mut slot = t.vehicles_by_kind.remove(&kind);
        v.plain_count(
            &format!("assets.vehicles.{}", kind.id_segment()),
            &join("assets.vehicles_by_kind", kind.id_segment()),
            &mut slot,
        )?;
        if let Some(n) = slot {
            t.vehicles_by_kind.insert(kind, n);
        }
    }
    v.figure(
        "assets.vehicle_value",
        "assets.vehicle_value",
        false,
        &mut t.vehicle_value,
    )?;
    v.count(
        "assets.equipment_over_1m",
        "assets.equipment_over_1m",
        &mut t.equipment_over_1m,
    )
}

fn performance<V: Visitor>(v: &mut V, t: &mut Performance) -> R {
    let counts: [(&str, &mut Option<u64>); 4] = [
        ("self_evaluations", &mut t.self_evaluations),
        ("projects", &mut t.projects),
        ("excluded_projects", &mut t.excluded_projects),
        (
            "evaluated_excluded_projects",
            &mut t.evaluated_excluded_projects,
        ),
    ];
    for (field, slot) in counts {
        v.plain_count(
            &format!("performance.{field}"),
            &join("performance", field),
            slot,
        )?;
    }
    let figures: [(&str, &mut Option<Figure>); 6] = [
        ("budget_total", &mut t.budget_total),
        ("executed_total", &mut t.executed_total),
        ("projects_budget", &mut t.projects_budget),
        ("projects_executed", &mut t.projects_executed),
        ("excluded_budget", &mut t.excluded_budget),
        ("excluded_executed", &mut t.excluded_executed),
    ];
    for (field, slot) in figures {
        v.figure(
            &format!("performance.{field}"),
            &join("performance", field),
            false,
            slot,
        )?;
    }
    Ok(())
}

// ---------------------------------------------------------------- writer

/// Writes every stated slot as a fact, checking units.
pub(crate) struct Writer {
    pub(crate) d: Disclosure,
    unit: Unit,
    /// Writing an unvalidated report: every copy of a shared figure is
    /// written, and a statement already made with the same value is not
    /// made again.
    statements: bool,
}

impl Writer {
    pub(crate) fn new(unit: Unit) -> Writer {
        Writer {
            d: Disclosure::new(unit),
            unit,
            statements: false,
        }
    }

    /// A writer of what an unvalidated report states (see
    /// [`Writer::statements`]).
    pub(crate) fn statements(unit: Unit) -> Writer {
        Writer {
            statements: true,
            ..Writer::new(unit)
        }
    }

    fn put(&mut self, id: &str, value: Value) -> R {
        if self.statements && self.d.statements(id).iter().any(|f| f.value() == &value) {
            return Ok(());
        }
        let fid = FactId::new(id).map_err(|e| ModelError::Fact {
            fact: id.to_owned(),
            message: e.to_string(),
        })?;
        self.d
            .insert(fid, Fact::new(value))
            .map_err(|e| ModelError::Fact {
                fact: id.to_owned(),
                message: e.to_string(),
            })
    }

    fn put_amount(&mut self, id: &str, path: &str, a: Amount) -> R {
        if a.unit() != self.unit {
            return Err(ModelError::Unit {
                fact: id.to_owned(),
                field: path.to_owned(),
                expected: self.unit,
                found: a.to_string(),
            });
        }
        self.put(id, Value::Amount(a))
    }
}

impl Visitor for Writer {
    fn figure(&mut self, id: &str, path: &str, shared: bool, slot: &mut Option<Figure>) -> R {
        let Some(f) = slot.as_ref() else {
            return Ok(());
        };
        // A figure two tables hold (one value, after validation) is one fact.
        if shared && !self.statements && self.d.contains(id) {
            return Ok(());
        }
        self.put_amount(id, path, f.amount)?;
        if let Some(n) = &f.name {
            self.put(&format!("{id}.name"), Value::Text(n.clone()))?;
        }
        for (suffix, p) in [
            ("share", f.share),
            ("change_rate", f.change_rate),
            ("budget_variance_rate", f.budget_variance_rate),
            ("completion_rate", f.completion_rate),
        ] {
            if let Some(p) = p {
                self.put(&format!("{id}.{suffix}"), Value::Percent(p))?;
            }
        }
        if let Some(a) = f.change {
            self.put_amount(&format!("{id}.change"), &join(path, "change"), a)?;
        }
        if let Some(a) = f.prior_year {
            self.put_amount(&format!("{id}.prior_year"), &join(path, "prior_year"), a)?;
        }
        if let Some(a) = f.budget {
            self.put_amount(&budget_id(id), &join(path, "budget"), a)?;
        }
        if let Some(r) = &f.reason {
            self.put(&format!("{id}.reason"), Value::Text(r.clone()))?;
            for code in cited_codes(r) {
                self.put(&format!("{id}.cited_code"), Value::Text(code))?;
            }
        }
        if let Some(r) = &f.budget_reason {
            self.put(&format!("{id}.budget_reason"), Value::Text(r.clone()))?;
        }
        Ok(())
    }

    fn amount(&mut self, id: &str, path: &str, slot: &mut Option<Amount>) -> R {
        match slot {
            Some(a) => self.put_amount(id, path, *a),
            None => Ok(()),
        }
    }

    fn count(&mut self, id: &str, _path: &str, slot: &mut Option<CountFigure>) -> R {
        let Some(c) = slot.as_ref() else {
            return Ok(());
        };
        self.put(id, Value::Count(c.count))?;
        if let Some(n) = c.change {
            self.put(&format!("{id}.change"), Value::SignedCount(n))?;
        }
        if let Some(p) = c.change_rate {
            self.put(&format!("{id}.change_rate"), Value::Percent(p))?;
        }
        if let Some(n) = c.prior_year {
            self.put(&format!("{id}.prior_year"), Value::Count(n))?;
        }
        if let Some(r) = &c.reason {
            self.put(&format!("{id}.reason"), Value::Text(r.clone()))?;
        }
        Ok(())
    }

    fn plain_count(&mut self, id: &str, _path: &str, slot: &mut Option<u64>) -> R {
        match slot {
            Some(n) => self.put(id, Value::Count(*n)),
            None => Ok(()),
        }
    }

    fn quantity(&mut self, id: &str, _path: &str, slot: &mut Option<Decimal>) -> R {
        match slot {
            Some(q) => self.put(id, Value::Quantity(*q)),
            None => Ok(()),
        }
    }

    fn text(&mut self, id: &str, _path: &str, slot: &mut Option<String>) -> R {
        match slot {
            Some(t) => self.put(id, Value::Text(t.clone())),
            None => Ok(()),
        }
    }

    fn date(&mut self, id: &str, _path: &str, slot: &mut Option<NaiveDate>) -> R {
        match slot {
            Some(d) => self.put(id, Value::Text(d.format("%Y-%m-%d").to_string())),
            None => Ok(()),
        }
    }
}

// ---------------------------------------------------------------- reader

/// Fills the model from a Disclosure, remembering which facts it used.
pub(crate) struct Reader<'a> {
    d: &'a Disclosure,
    unit: Unit,
    log: Vec<String>,
    hits: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(d: &'a Disclosure) -> Reader<'a> {
        Reader {
            d,
            unit: d.unit(),
            log: Vec::new(),
            hits: 0,
        }
    }

    /// The ids read.
    pub(crate) fn consumed(&self) -> BTreeSet<&str> {
        self.log.iter().map(String::as_str).collect()
    }

    /// The single value of `id` (every statement must agree), consuming it.
    fn value(&mut self, id: &str, unique: bool) -> Result<Option<Value>, ModelError> {
        let stmts = self.d.statements(id);
        let Some(first) = stmts.first() else {
            return Ok(None);
        };
        if let Some(other) = stmts.iter().find(|f| f.value() != first.value()) {
            return Err(ModelError::Conflict {
                fact: id.to_owned(),
                first: first.value().to_string(),
                second: other.value().to_string(),
            });
        }
        self.log.push(id.to_owned());
        if unique {
            self.hits = self.hits.saturating_add(1);
        }
        Ok(Some(first.value().clone()))
    }

    fn unexpected(id: &str, v: &Value) -> ModelError {
        ModelError::Fact {
            fact: id.to_owned(),
            message: format!("unexpected value {v}"),
        }
    }

    fn amount_of(&mut self, id: &str, unique: bool) -> Result<Option<Amount>, ModelError> {
        let Some(v) = self.value(id, unique)? else {
            return Ok(None);
        };
        // A cell printed empty states no figure for the strict model.
        if v == Value::Blank {
            return Ok(None);
        }
        let a = v.as_amount().ok_or_else(|| Reader::unexpected(id, &v))?;
        if a.unit() != self.unit {
            return Err(ModelError::Unit {
                fact: id.to_owned(),
                field: String::new(),
                expected: self.unit,
                found: a.to_string(),
            });
        }
        Ok(Some(a))
    }

    fn percent_of(&mut self, id: &str, unique: bool) -> Result<Option<Percent>, ModelError> {
        match self.value(id, unique)? {
            None => Ok(None),
            Some(v) => v
                .as_percent()
                .map(Some)
                .ok_or_else(|| Reader::unexpected(id, &v)),
        }
    }

    fn text_of(&mut self, id: &str, unique: bool) -> Result<Option<String>, ModelError> {
        match self.value(id, unique)? {
            None => Ok(None),
            Some(Value::Text(t)) => Ok(Some(t)),
            Some(v) => Err(Reader::unexpected(id, &v)),
        }
    }

    fn count_of(&mut self, id: &str) -> Result<Option<u64>, ModelError> {
        match self.value(id, true)? {
            None => Ok(None),
            Some(Value::Count(n)) => Ok(Some(n)),
            Some(v) => Err(Reader::unexpected(id, &v)),
        }
    }
}

impl Visitor for Reader<'_> {
    fn reading(&self) -> bool {
        true
    }

    fn mark(&self) -> (usize, usize) {
        (self.hits, self.log.len())
    }

    fn rollback(&mut self, log_len: usize) {
        self.log.truncate(log_len);
    }

    fn figure(&mut self, id: &str, _path: &str, shared: bool, slot: &mut Option<Figure>) -> R {
        let Some(amount) = self.amount_of(id, !shared)? else {
            *slot = None;
            return Ok(());
        };
        let u = !shared;
        let mut f = Figure::new(amount);
        f.name = self.text_of(&format!("{id}.name"), u)?;
        f.share = self.percent_of(&format!("{id}.share"), u)?;
        f.change = self.amount_of(&format!("{id}.change"), u)?;
        f.change_rate = self.percent_of(&format!("{id}.change_rate"), u)?;
        f.prior_year = self.amount_of(&format!("{id}.prior_year"), u)?;
        f.budget = self.amount_of(&budget_id(id), u)?;
        f.budget_variance_rate = self.percent_of(&format!("{id}.budget_variance_rate"), u)?;
        f.completion_rate = self.percent_of(&format!("{id}.completion_rate"), u)?;
        f.reason = self.text_of(&format!("{id}.reason"), u)?;
        f.budget_reason = self.text_of(&format!("{id}.budget_reason"), u)?;
        let cited_id = format!("{id}.cited_code");
        let stated: Vec<&str> = self
            .d
            .statements(&cited_id)
            .iter()
            .filter_map(|s| s.value().as_text())
            .collect();
        if !stated.is_empty() {
            let expected = f.reason.as_deref().map(cited_codes).unwrap_or_default();
            if stated != expected {
                return Err(ModelError::Unmappable {
                    fact: cited_id,
                    reason: format!(
                        "the cited codes {stated:?} are not those the reason cites ({expected:?})"
                    ),
                });
            }
            self.log.push(cited_id);
        }
        *slot = Some(f);
        Ok(())
    }

    fn amount(&mut self, id: &str, _path: &str, slot: &mut Option<Amount>) -> R {
        *slot = self.amount_of(id, true)?;
        Ok(())
    }

    fn count(&mut self, id: &str, _path: &str, slot: &mut Option<CountFigure>) -> R {
        let Some(n) = self.count_of(id)? else {
            *slot = None;
            return Ok(());
        };
        let mut c = CountFigure::new(n);
        let change_id = format!("{id}.change");
        c.change = match self.value(&change_id, true)? {
            None => None,
            Some(v) => Some(
                v.as_count()
                    .ok_or_else(|| Reader::unexpected(&change_id, &v))?,
            ),
        };
        c.change_rate = self.percent_of(&format!("{id}.change_rate"), true)?;
        c.prior_year = self.count_of(&format!("{id}.prior_year"))?;
        c.reason = self.text_of(&format!("{id}.reason"), true)?;
        *slot = Some(c);
        Ok(())
    }

    fn plain_count(&mut self, id: &str, _path: &str, slot: &mut Option<u64>) -> R {
        *slot = self.count_of(id)?;
        Ok(())
    }

    fn quantity(&mut self, id: &str, _path: &str, slot: &mut Option<Decimal>) -> R {
        *slot = match self.value(id, true)? {
            None => None,
            Some(Value::Quantity(q)) => Some(q),
            Some(v) => return Err(Reader::unexpected(id, &v)),
        };
        Ok(())
    }

    fn text(&mut self, id: &str, _path: &str, slot: &mut Option<String>) -> R {
        *slot = self.text_of(id, true)?;
        Ok(())
    }

    fn date(&mut self, id: &str, _path: &str, slot: &mut Option<NaiveDate>) -> R {
        *slot =
            match self.text_of(id, true)? {
                None => None,
                Some(t) => Some(NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|_| {
                    ModelError::Fact {
                        fact: id.to_owned(),
                        message: format!("expected a date such as \"2024-12-31\", but found {t:?}"),
                    }
                })?),
            };
        Ok(())
    }

    fn codes<C: RowCode>(&mut self, prefix: &str, _have: Vec<C>) -> Vec<C> {
        // An item the text names but the catalog does not know is no row.
        let mut codes: Vec<C> = self
            .d
            .ids_with_prefix(prefix)
            .filter(|id| id.suffix() != Some(crate::fact::Suffix::UnresolvedItem))
            .filter_map(C::of)
            .collect();
        codes.sort();
        codes.dedup();
        codes
    }
}

// ---------------------------------------------------------------- index

/// Maps fact ids to the JSON paths of the slots that hold them.
#[derive(Default)]
pub(crate) struct Index {
    pub(crate) paths: BTreeMap<String, String>,
}

impl Index {
    fn add(&mut self, id: String, path: String) {
        self.paths.entry(id).or_insert(path);
    }
}

impl Visitor for Index {
    fn figure(&mut self, id: &str, path: &str, _shared: bool, slot: &mut Option<Figure>) -> R {
        if slot.is_none() {
            return Ok(());
        }
        self.add(id.to_owned(), path.to_owned());
        for suffix in [
            "name",
            "share",
            "change",
            "change_rate",
            "prior_year",
            "budget_variance_rate",
            "completion_rate",
            "reason",
            "budget_reason",
        ] {
            self.add(format!("{id}.{suffix}"), join(path, suffix));
        }
        self.add(budget_id(id), join(path, "budget"));
        self.add(format!("{id}.cited_code"), join(path, "reason"));
        Ok(())
    }

    fn amount(&mut self, id: &str, path: &str, _slot: &mut Option<Amount>) -> R {
        self.add(id.to_owned(), path.to_owned());
        Ok(())
    }

    fn count(&mut self, id: &str, path: &str, slot: &mut Option<CountFigure>) -> R {
        if slot.is_none() {
            return Ok(());
        }
        self.add(id.to_owned(), path.to_owned());
        for suffix in ["change", "change_rate", "prior_year", "reason"] {
            self.add(format!("{id}.{suffix}"), join(path, suffix));
        }
        Ok(())
    }

    fn plain_count(&mut self, id: &str, path: &str, _slot: &mut Option<u64>) -> R {
        self.add(id.to_owned(), path.to_owned());
        Ok(())
    }

    fn quantity(&mut self, id: &str, path: &str, _slot: &mut Option<Decimal>) -> R {
        self.add(id.to_owned(), path.to_owned());
        Ok(())
    }

    fn text(&mut self, id: &str, path: &str, _slot: &mut Option<String>) -> R {
        self.add(id.to_owned(), path.to_owned());
        Ok(())
    }

    fn date(&mut self, id: &str, path: &str, _slot: &mut Option<NaiveDate>) -> R {
        self.add(id.to_owned(), path.to_owned());
        Ok(())
    }
}

// ---------------------------------------------------------------- units

/// Re-reads the amounts of a document whose unit is 元: JSON amounts are
/// bare numbers, which [`Amount`]'s serde reads as 万元.
pub(crate) struct Reunit(pub(crate) Unit);

impl Reunit {
    fn fix(&self, a: &mut Amount) {
        if a.unit() != self.0 && a.unit() == Unit::WanYuan {
            *a = Amount::new(a.value(), self.0);
        }
    }
}

impl Visitor for Reunit {
    fn figure(&mut self, _id: &str, _path: &str, _shared: bool, slot: &mut Option<Figure>) -> R {
        if let Some(f) = slot.as_mut() {
            for a in f.amounts_mut().into_iter().flatten() {
                self.fix(a);
            }
        }
        Ok(())
    }

    fn amount(&mut self, _id: &str, _path: &str, slot: &mut Option<Amount>) -> R {
        if let Some(a) = slot.as_mut() {
            self.fix(a);
        }
        Ok(())
    }

    fn count(&mut self, _: &str, _: &str, _: &mut Option<CountFigure>) -> R {
        Ok(())
    }

    fn plain_count(&mut self, _: &str, _: &str, _: &mut Option<u64>) -> R {
        Ok(())
    }

    fn quantity(&mut self, _: &str, _: &str, _: &mut Option<Decimal>) -> R {
        Ok(())
    }

    fn text(&mut self, _: &str, _: &str, _: &mut Option<String>) -> R {
        Ok(())
    }

    fn date(&mut self, _: &str, _: &str, _: &mut Option<NaiveDate>) -> R {
        Ok(())
    }
}
