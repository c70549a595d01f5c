//! The typed, strict 部门决算: [`FinalAccounts`] and its parts.
//!
//! ```
//! use juesuan::{FinalAccounts, FiscalYear, model::ThreePublicExpenses};
//!
//! let mut t9 = ThreePublicExpenses::default();
//! t9.total = Some("181.58".parse()?);
//! t9.overseas_travel = Some("0.00".parse()?);
//! t9.vehicles = Some("179.78".parse()?);
//! t9.reception = Some("1.80".parse()?);
//! let report = FinalAccounts::builder()
//!     .fiscal_year(FiscalYear::new(2024)?)
//!     .department("新疆维吾尔自治区人力资源和社会保障厅")
//!     .three_public(t9)
//!     .build()?;
//! let d = report.to_disclosure();
//! assert_eq!(d.amount("three_public.total").map(|a| a.printed()), Some("181.58".into()));
//! assert_eq!(FinalAccounts::from_disclosure(&d)?, report);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(clippy::arithmetic_side_effects)]

mod cited;
mod error;
mod figure;
mod json;
mod other;
mod tables;
mod unique;
mod validate;
mod walk;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use cited::cited_codes;
pub use error::ModelError;
pub use figure::{CountFigure, Figure};
pub use other::{Assets, OperatingCosts, Overview, Performance, Procurement, Staffing};
pub use tables::{
    AppropriationColumn, AppropriationSummary, BasicExpenditureTable, BudgetKind, ExpenditureRow,
    ExpenditureTable, FundTable, GeneralBudgetRow, GeneralBudgetTable, RevenueExpenditureSummary,
    RevenueRow, RevenueTable, ThreePublicCount, ThreePublicExpenses, ThreePublicItem,
};

use crate::amount::Unit;
use crate::audit::{Audit, Finding};
use crate::date::FiscalYear;
use crate::disclosure::{Disclosure, Indicator};
use crate::fact::Suffix;

/// The fields of a report: the JSON document, before validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Parts {
    fiscal_year: FiscalYear,
    department: String,
    unit: Unit,
    #[serde(default, skip_serializing_if = "Overview::is_empty")]
    overview: Overview,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<RevenueExpenditureSummary>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    revenue: Option<RevenueTable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expenditure: Option<ExpenditureTable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    appropriation: Option<AppropriationSummary>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    general_budget: Option<GeneralBudgetTable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    basic: Option<BasicExpenditureTable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    government_fund: Option<FundTable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    state_capital: Option<FundTable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    three_public: Option<ThreePublicExpenses>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    operating_costs: Option<OperatingCosts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    procurement: Option<Procurement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    assets: Option<Assets>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    performance: Option<Performance>,
    /// Figures outside the template (performance results), with their
    /// labels and units.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "crate::disclosure::indicators_serde"
    )]
    indicators: Vec<Indicator>,
}

impl Parts {
    fn new(fiscal_year: FiscalYear, department: String, unit: Unit) -> Parts {
        Parts {
            fiscal_year,
            department,
            unit,
            overview: Overview::default(),
            summary: None,
            revenue: None,
            expenditure: None,
            appropriation: None,
            general_budget: None,
            basic: None,
            government_fund: None,
            state_capital: None,
            three_public: None,
            operating_costs: None,
            procurement: None,
            assets: None,
            performance: None,
            indicators: Vec::new(),
        }
    }
}

/// A 部门决算 held as values, checked against every accounting identity.
///
/// It holds the overview, the nine tables (each optional: a report may lack
/// whole tables, and absent is not zero) and the figures the narrative
/// states outside them. Build one with [`FinalAccounts::builder`], from a
/// [`Disclosure`] with [`FinalAccounts::from_disclosure`], or from JSON with
/// [`FinalAccounts::from_json`] (or serde). Each validates once, by viewing
/// the report as a Disclosure and running the crate's [`Audit`]: an
/// error-severity finding refuses the value, naming the rule (identities
/// are declared once, in the audit, and not re-implemented here). A value
/// that exists is consistent; to change one, turn it back into a builder
/// ([`FinalAccounts::into_builder`]).
///
/// Strict construction also refuses
/// - row codes unknown to the built-in catalogs
///   ([`Catalog::function`](crate::code::Catalog::function),
///   [`Catalog::economic`](crate::code::Catalog::economic)); malformed codes
///   cannot be represented at all;
/// - amounts in another unit than the document's;
/// - a table without its required totals: T1 needs 收入总计, 本年收入合计,
///   本年支出合计 and 支出总计; T2 and T3 at least one row, each with its
///   合计; T4 财政拨款收入总计 and 支出总计; T5 its 合计 and at least one row;
///   T6 基本支出, 人员经费 and 公用经费; T7 and T8 a row, the 基本/项目 split
///   or a 说明; T9 the 合计; 政府采购 its 总额;
/// - a figure printed in two tables with two values. T4's 一般公共预算
///   column 本年支出 is T5's 合计, its 政府性基金 and 国有资本经营 columns are
///   T7's and T8's totals, and T5's 基本支出 is T6's total: the copy one
///   table leaves out is filled from the other, and what only one copy
///   states (the narrative's change of a table cell) is added to both.
///
/// Warnings and infos (a code cited in a reason that the catalog does not
/// know, a sum consistent only within rounding) do not refuse a value;
/// [`FinalAccounts::audit`] returns them.
///
/// The JSON form names the fiscal year, department and unit once, then the
/// sections; amounts are strings exactly as printed, counts integers:
///
/// ```
/// use juesuan::FinalAccounts;
///
/// let report = FinalAccounts::from_json(r#"{
///     "fiscal_year": 2024,
///     "department": "某部门",
///     "unit": "万元",
///     "three_public": {
///         "total": {"amount": "181.58", "budget": "181.58", "budget_variance_rate": "0.00"},
///         "overseas_travel": "0.00",
///         "vehicles": "179.78",
///         "reception": "1.80",
///         "vehicles_held": 91
///     }
/// }"#)?;
/// assert_eq!(report.fiscal_year().year(), 2024);
/// let t9 = report.three_public().unwrap();
/// assert_eq!(t9.vehicles_held.as_ref().map(|c| c.count), Some(91));
/// assert_eq!(FinalAccounts::from_json(&report.to_json())?, report);
/// # Ok::<(), juesuan::disclosure::JsonError>(())
/// ```
#[doc(alias = "部门决算")]
#[doc(alias = "决算")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinalAccounts {
    parts: Parts,
}

/// Builds a [`FinalAccounts`]: set the sections in any order, then
/// [`build`](FinalAccountsBuilder::build) validates once.
///
/// ```
/// use juesuan::{FinalAccounts, FiscalYear, model::Procurement};
///
/// let p = Procurement {
///     total: Some("18332.45".parse()?),
///     goods: Some("5386.52".parse()?),
///     works: Some("0.00".parse()?),
///     services: Some("12945.93".parse()?),
///     ..Default::default()
/// };
/// let report = FinalAccounts::builder()
///     .fiscal_year(FiscalYear::new(2024)?)
///     .department("某部门")
///     .procurement(p)
///     .build()?;
/// assert!(report.procurement().is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "部门决算")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinalAccountsBuilder {
    fiscal_year: Option<FiscalYear>,
    department: Option<String>,
    parts: Parts,
}

impl Default for FinalAccountsBuilder {
    fn default() -> FinalAccountsBuilder {
        FinalAccountsBuilder {
            fiscal_year: None,
            department: None,
            parts: Parts::new(FiscalYear::MIN, String::new(), Unit::WanYuan),
        }
    }
}

macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident: $ty:ty;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, value: $ty) -> FinalAccountsBuilder {
                self.parts.$name = Some(value);
                self
            }
        )*
    };
}

impl FinalAccountsBuilder {
    /// Sets the fiscal year (required).
    ///
    /// ```
    /// let b = juesuan::FinalAccounts::builder().fiscal_year(juesuan::FiscalYear::new(2024)?);
    /// # Ok::<(), juesuan::date::DateError>(())
    /// ```
    pub fn fiscal_year(mut self, year: FiscalYear) -> FinalAccountsBuilder {
        self.fiscal_year = Some(year);
        self
    }

    /// Sets the department's name (required).
    ///
    /// ```
    /// let b = juesuan::FinalAccounts::builder().department("某部门");
    /// ```
    pub fn department(mut self, name: impl Into<String>) -> FinalAccountsBuilder {
        self.department = Some(name.into());
        self
    }

    /// Sets the unit every amount is in (万元 unless set).
    ///
    /// ```
    /// let b = juesuan::FinalAccounts::builder().unit(juesuan::Unit::WanYuan);
    /// ```
    pub fn unit(mut self, unit: Unit) -> FinalAccountsBuilder {
        self.parts.unit = unit;
        self
    }

    /// Sets the overview (部门概况).
    ///
    /// ```
    /// let b = juesuan::FinalAccounts::builder().overview(juesuan::model::Overview::default());
    /// ```
    pub fn overview(mut self, overview: Overview) -> FinalAccountsBuilder {
        self.parts.overview = overview;
        self
    }

    /// Sets the indicators outside the template (performance results such
    /// as 城镇新增就业人数 48.32 万人), which the audit does not check.
    ///
    /// ```
    /// use juesuan::{Decimal, disclosure::Indicator};
    /// let b = juesuan::FinalAccounts::builder()
    ///     .indicators(vec![Indicator::new("仲裁结案率", Decimal::new(9861, 2), "%")]);
    /// ```
    pub fn indicators(mut self, indicators: Vec<Indicator>) -> FinalAccountsBuilder {
        self.parts.indicators = indicators.iter().map(Indicator::without_span).collect();
        self
    }

    setters! {
        /// Sets T1, 收入支出决算总表.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder()
        ///     .summary(juesuan::model::RevenueExpenditureSummary::default());
        /// ```
        summary: RevenueExpenditureSummary;
        /// Sets T2, 收入决算表.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder().revenue(juesuan::model::RevenueTable::default());
        /// ```
        revenue: RevenueTable;
        /// Sets T3, 支出决算表.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder()
        ///     .expenditure(juesuan::model::ExpenditureTable::default());
        /// ```
        expenditure: ExpenditureTable;
        /// Sets T4, 财政拨款收入支出决算总表.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder()
        ///     .appropriation(juesuan::model::AppropriationSummary::default());
        /// ```
        appropriation: AppropriationSummary;
        /// Sets T5, 一般公共预算财政拨款支出决算表.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder()
        ///     .general_budget(juesuan::model::GeneralBudgetTable::default());
        /// ```
        general_budget: GeneralBudgetTable;
        /// Sets T6, 一般公共预算财政拨款基本支出决算表.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder()
        ///     .basic(juesuan::model::BasicExpenditureTable::default());
        /// ```
        basic: BasicExpenditureTable;
        /// Sets T7, 政府性基金预算财政拨款收入支出决算表.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder()
        ///     .government_fund(juesuan::model::FundTable::default());
        /// ```
        government_fund: FundTable;
        /// Sets T8, 国有资本经营预算财政拨款收入支出决算表.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder()
        ///     .state_capital(juesuan::model::FundTable::default());
        /// ```
        state_capital: FundTable;
        /// Sets T9, 财政拨款“三公”经费支出决算表.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder()
        ///     .three_public(juesuan::model::ThreePublicExpenses::default());
        /// ```
        three_public: ThreePublicExpenses;
        /// Sets 机关运行经费 and 事业单位公用经费.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder()
        ///     .operating_costs(juesuan::model::OperatingCosts::default());
        /// ```
        operating_costs: OperatingCosts;
        /// Sets 政府采购.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder().procurement(juesuan::model::Procurement::default());
        /// ```
        procurement: Procurement;
        /// Sets 国有资产占用.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder().assets(juesuan::model::Assets::default());
        /// ```
        assets: Assets;
        /// Sets 预算绩效.
        ///
        /// ```
        /// let b = juesuan::FinalAccounts::builder().performance(juesuan::model::Performance::default());
        /// ```
        performance: Performance;
    }

    /// Validates once and returns the report.
    ///
    /// # Errors
    ///
    /// [`ModelError::Missing`] without a fiscal year or department;
    /// [`ModelError::MissingTotal`], [`ModelError::EmptyTable`] or
    /// [`ModelError::MissingRowTotal`] for a table without its required
    /// totals or rows; [`ModelError::UnknownCode`] for a row code the
    /// built-in catalog does not list; [`ModelError::Unit`] for an amount in
    /// another unit; [`ModelError::Conflict`] for a figure two tables state
    /// differently; [`ModelError::Identity`] for an accounting identity
    /// broken beyond rounding (the first error finding, all of them kept).
    ///
    /// ```
    /// use juesuan::{FinalAccounts, model::ModelError};
    ///
    /// let err = FinalAccounts::builder().department("某部门").build().unwrap_err();
    /// assert_eq!(err, ModelError::Missing { what: "fiscal year" });
    /// ```
    pub fn build(self) -> Result<FinalAccounts, ModelError> {
        let mut parts = self.parts;
        parts.fiscal_year = self.fiscal_year.ok_or(ModelError::Missing {
            what: "fiscal year",
        })?;
        parts.department = self
            .department
            .ok_or(ModelError::Missing { what: "department" })?;
        FinalAccounts::from_parts(parts)
    }
}

impl FinalAccounts {
    /// A builder with nothing set (unit 万元).
    ///
    /// ```
    /// use juesuan::{FinalAccounts, FiscalYear};
    ///
    /// let r = FinalAccounts::builder()
    ///     .fiscal_year(FiscalYear::new(2024)?)
    ///     .department("某部门")
    ///     .build()?;
    /// assert!(r.summary().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder() -> FinalAccountsBuilder {
        FinalAccountsBuilder::default()
    }

    /// A builder holding this report, to change it.
    ///
    /// ```
    /// use juesuan::{FinalAccounts, FiscalYear};
    ///
    /// let r = FinalAccounts::builder()
    ///     .fiscal_year(FiscalYear::new(2024)?)
    ///     .department("某部门")
    ///     .build()?;
    /// let renamed = r.into_builder().department("另一部门").build()?;
    /// assert_eq!(renamed.department(), "另一部门");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_builder(self) -> FinalAccountsBuilder {
        FinalAccountsBuilder {
            fiscal_year: Some(self.parts.fiscal_year),
            department: Some(self.parts.department.clone()),
            parts: self.parts,
        }
    }

    fn from_parts(mut parts: Parts) -> Result<FinalAccounts, ModelError> {
        validate::validate(&mut parts)?;
        Ok(FinalAccounts { parts })
    }

    /// The fiscal year reported on.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert_eq!(r.fiscal_year().year(), 2024);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fiscal_year(&self) -> FiscalYear {
        self.parts.fiscal_year
    }

    /// The department's name.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert_eq!(r.department(), "某部门");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn department(&self) -> &str {
        &self.parts.department
    }

    /// The unit every amount is in.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert_eq!(r.unit(), juesuan::Unit::WanYuan);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit(&self) -> Unit {
        self.parts.unit
    }

    /// 部门概况.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.overview().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overview(&self) -> &Overview {
        &self.parts.overview
    }

    /// The indicators outside the template: performance results with their
    /// labels and units, as stated.
    ///
    /// ```
    /// let fa = juesuan::FinalAccounts::from_json(include_str!("../../examples/data/xinjiang-hrss-2024.json"))?;
    /// assert_eq!(fa.indicators()[0].to_string(), "城镇新增就业人数 48.32万人");
    /// # Ok::<(), juesuan::disclosure::JsonError>(())
    /// ```
    pub fn indicators(&self) -> &[Indicator] {
        &self.parts.indicators
    }

    /// T1, 收入支出决算总表, when present.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.summary().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn summary(&self) -> Option<&RevenueExpenditureSummary> {
        self.parts.summary.as_ref()
    }

    /// T2, 收入决算表, when present.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.revenue().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn revenue(&self) -> Option<&RevenueTable> {
        self.parts.revenue.as_ref()
    }

    /// T3, 支出决算表, when present.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.expenditure().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expenditure(&self) -> Option<&ExpenditureTable> {
        self.parts.expenditure.as_ref()
    }

    /// T4, 财政拨款收入支出决算总表, when present.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.appropriation().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn appropriation(&self) -> Option<&AppropriationSummary> {
        self.parts.appropriation.as_ref()
    }

    /// T5, 一般公共预算财政拨款支出决算表, when present.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.general_budget().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn general_budget(&self) -> Option<&GeneralBudgetTable> {
        self.parts.general_budget.as_ref()
    }

    /// T6, 一般公共预算财政拨款基本支出决算表, when present.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.basic().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basic(&self) -> Option<&BasicExpenditureTable> {
        self.parts.basic.as_ref()
    }

    /// T7, 政府性基金预算财政拨款收入支出决算表, when present.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.government_fund().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn government_fund(&self) -> Option<&FundTable> {
        self.parts.government_fund.as_ref()
    }

    /// T8, 国有资本经营预算财政拨款收入支出决算表, when present.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.state_capital().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn state_capital(&self) -> Option<&FundTable> {
        self.parts.state_capital.as_ref()
    }

    /// T9, 财政拨款“三公”经费支出决算表, when present.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.three_public().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn three_public(&self) -> Option<&ThreePublicExpenses> {
        self.parts.three_public.as_ref()
    }

    /// 机关运行经费 and 事业单位公用经费, when stated.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.operating_costs().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn operating_costs(&self) -> Option<&OperatingCosts> {
        self.parts.operating_costs.as_ref()
    }

    /// 政府采购, when stated.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.procurement().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn procurement(&self) -> Option<&Procurement> {
        self.parts.procurement.as_ref()
    }

    /// 国有资产占用, when stated.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.assets().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assets(&self) -> Option<&Assets> {
        self.parts.assets.as_ref()
    }

    /// 预算绩效, when stated.
    ///
    /// ```
    /// # use juesuan::{FinalAccounts, FiscalYear};
    /// # let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.performance().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn performance(&self) -> Option<&Performance> {
        self.parts.performance.as_ref()
    }

    /// The report as facts (DESIGN §7): every field under its fact id, codes
    /// cited in reasons as `.cited_code` facts, the fiscal year, department,
    /// units and divisions.
    ///
    /// ```
    /// use juesuan::{model::Figure, FinalAccounts, FiscalYear, model::GeneralBudgetRow, model::GeneralBudgetTable};
    ///
    /// let mut t5 = GeneralBudgetTable::default();
    /// t5.total = Some("105.00".parse()?);
    /// t5.rows.insert("208".parse()?, GeneralBudgetRow::new("105.00".parse::<juesuan::Amount>()?));
    /// t5.rows.insert("2080104".parse()?, GeneralBudgetRow::new(
    ///     Figure::new("105.00".parse()?)
    ///         .with_change("-14280.92".parse()?, "-99.27".parse()?)
    ///         .with_reason("2024 年把 2080104 综合事务管理调整为 2080199 其他人力资源和社会保障管理事务支出"),
    /// ));
    /// let r = FinalAccounts::builder()
    ///     .fiscal_year(FiscalYear::new(2024)?)
    ///     .department("某部门")
    ///     .general_budget(t5)
    ///     .build()?;
    /// let d = r.to_disclosure();
    /// assert_eq!(d.amount("general_budget.function.2080104.change").map(|a| a.printed()), Some("-14,280.92".into()));
    /// let cited: Vec<_> = d.statements("general_budget.function.2080104.cited_code")
    ///     .iter().filter_map(|f| f.value().as_text()).collect();
    /// assert_eq!(cited, ["2080104 综合事务管理", "2080199 其他人力资源和社会保障管理事务支出"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_disclosure(&self) -> Disclosure {
        // Writing cannot fail for a validated report: construction wrote it.
        validate::write(&self.parts).unwrap_or_else(|_| Disclosure::new(self.parts.unit))
    }

    /// Reads a report back from facts: the inverse of
    /// [`FinalAccounts::to_disclosure`], then validates.
    ///
    /// A table is present when a fact only it holds is stated. Every
    /// statement of a fact must agree; `.cited_code` facts must be the codes
    /// the reason cites.
    ///
    /// # Errors
    ///
    /// [`ModelError::Missing`] without a fiscal year or department;
    /// [`ModelError::Unmappable`] naming the first fact the model has no
    /// place for (direction words such as `.change_word`, which the model
    /// derives from the figures; what a document says about itself,
    /// `document.*`; a suffix without its base figure; a shared figure
    /// without a table to hold it); [`ModelError::Conflict`] for a fact
    /// stated twice with different values; [`ModelError::Unit`] for an
    /// amount in another unit; and every error of
    /// [`FinalAccountsBuilder::build`].
    ///
    /// ```
    /// use juesuan::{Disclosure, FinalAccounts, FiscalYear, model::ModelError, Unit};
    ///
    /// let mut d = Disclosure::new(Unit::WanYuan);
    /// d.set_fiscal_year(Some(FiscalYear::new(2024)?));
    /// d.set_department(Some("某部门".into()));
    /// d.insert_str("procurement.total", "21.07")?;
    /// d.insert_str("procurement.goods.change_word", "增加")?;
    /// let err = FinalAccounts::from_disclosure(&d).unwrap_err();
    /// assert_eq!(err.fact(), Some("procurement.goods.change_word"));
    /// d.remove("procurement.goods.change_word");
    /// assert!(FinalAccounts::from_disclosure(&d)?.procurement().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_disclosure(d: &Disclosure) -> Result<FinalAccounts, ModelError> {
        FinalAccounts::read_disclosure(d, false).map(|(f, _)| f)
    }

    /// Like [`FinalAccounts::from_disclosure`], for a disclosure read from
    /// text: the facts that only say *how* the text states its figures —
    /// direction words (`.change_word`, `.change_rate_word`,
    /// `.comparison_word`), what the document says about itself
    /// (`document.*`) and item names the catalog does not know
    /// (`.unresolved_item`) — are set aside and returned, instead of refusing
    /// the report. Every figure must still be held and every identity hold.
    /// Run [`audit`](crate::audit()) on the disclosure first to see what the
    /// set-aside facts say (wrong words or years are warnings there).
    ///
    /// # Errors
    ///
    /// As [`FinalAccounts::from_disclosure`], for everything but the facts
    /// set aside.
    ///
    /// ```
    /// use juesuan::{Disclosure, FinalAccounts};
    ///
    /// let text = "新疆维吾尔自治区某厅2024年度部门决算\n\
    ///     九、财政拨款“三公”经费支出决算情况说明\n\
    ///     2024 年度财政拨款“三公”经费支出 1.80 万元，比上年增加 0.30 万元，增长 20.00%。";
    /// let parsed = Disclosure::from_text(text);
    /// let (accounts, set_aside) = FinalAccounts::from_text_disclosure(&parsed)?;
    /// assert_eq!(accounts.fiscal_year().year(), 2024);
    /// assert!(set_aside.iter().any(|id| id.as_str() == "three_public.total.change_word"));
    /// # Ok::<(), juesuan::model::ModelError>(())
    /// ```
    pub fn from_text_disclosure(
        d: &Disclosure,
    ) -> Result<(FinalAccounts, Vec<crate::fact::FactId>), ModelError> {
        FinalAccounts::read_disclosure(d, true)
    }

    fn read_disclosure(
        d: &Disclosure,
        set_aside_wording: bool,
    ) -> Result<(FinalAccounts, Vec<crate::fact::FactId>), ModelError> {
        let fiscal_year = d.fiscal_year().ok_or(ModelError::Missing {
            what: "fiscal year",
        })?;
        let department = d
            .department()
            .ok_or(ModelError::Missing { what: "department" })?;
        let mut parts = Parts::new(fiscal_year, department.to_owned(), d.unit());
        parts.overview.units = d.units().to_vec();
        parts.overview.divisions = d.divisions().to_vec();
        parts.indicators = d.indicators().iter().map(Indicator::without_span).collect();
        let mut reader = walk::Reader::new(d);
        walk::walk(&mut reader, &mut parts)?;
        let used = reader.consumed();
        let wording = |id: &crate::fact::FactId| {
            matches!(
                id.suffix(),
                Some(
                    Suffix::ChangeWord
                        | Suffix::ChangeRateWord
                        | Suffix::ComparisonWord
                        | Suffix::UnresolvedItem
                )
            ) || id.as_str().starts_with("document.")
        };
        let mut set_aside = Vec::new();
        for (id, _) in d.iter().filter(|(id, _)| !used.contains(id.as_str())) {
            if set_aside_wording && wording(id) {
                set_aside.push(id.clone());
                continue;
            }
            let reason = match id.suffix() {
                Some(Suffix::ChangeWord | Suffix::ChangeRateWord | Suffix::ComparisonWord) => {
                    "direction words follow from the figures; the model does not hold them"
                }
                _ if id.as_str().starts_with("document.") => {
                    "the model does not hold what a document says about itself"
                }
                Some(_) => "the figure it qualifies is not stated, or no table holds it",
                None => "no section of the model that is present holds it",
            };
            return Err(ModelError::Unmappable {
                fact: id.to_string(),
                reason: reason.to_owned(),
            });
        }
        FinalAccounts::from_parts(parts).map(|f| (f, set_aside))
    }

    /// The audit's findings for this report: infos and warnings only (a
    /// report with an error could not be built).
    ///
    /// ```
    /// use juesuan::{FinalAccounts, FiscalYear, model::Staffing, model::Overview, model::CountFigure};
    ///
    /// let overview = Overview {
    ///     staffing: Staffing { total: Some(CountFigure::new(3)), ..Default::default() },
    ///     ..Default::default()
    /// };
    /// let r = FinalAccounts::builder()
    ///     .fiscal_year(FiscalYear::new(2024)?)
    ///     .department("某部门")
    ///     .overview(overview)
    ///     .build()?;
    /// assert!(r.audit().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn audit(&self) -> Vec<Finding> {
        Audit::new().run(&self.to_disclosure())
    }
}

impl fmt::Display for FinalAccounts {
    /// The facts the report states, as [`Disclosure`]'s `Display` writes
    /// them ([`FinalAccounts::to_disclosure`]).
    ///
    /// ```
    /// use juesuan::{FinalAccounts, FiscalYear};
    ///
    /// let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// assert!(r.to_string().starts_with("department 某部门\nfiscal year 2024\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.to_disclosure(), f)
    }
}

impl From<&FinalAccounts> for Disclosure {
    /// [`FinalAccounts::to_disclosure`]: lossless.
    ///
    /// ```
    /// use juesuan::{Disclosure, FinalAccounts, FiscalYear};
    ///
    /// let r = FinalAccounts::builder().fiscal_year(FiscalYear::new(2024)?).department("某部门").build()?;
    /// let d = Disclosure::from(&r);
    /// assert_eq!(FinalAccounts::try_from(&d)?, r);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from(report: &FinalAccounts) -> Disclosure {
        report.to_disclosure()
    }
}

impl From<FinalAccounts> for Disclosure {
    /// [`FinalAccounts::to_disclosure`]: lossless.
    fn from(report: FinalAccounts) -> Disclosure {
        report.to_disclosure()
    }
}

impl TryFrom<&Disclosure> for FinalAccounts {
    type Error = ModelError;

    /// [`FinalAccounts::from_disclosure`]: the facts must map onto the
    /// model and every identity hold.
    ///
    /// ```
    /// use juesuan::{Disclosure, FinalAccounts};
    ///
    /// let mut d = Disclosure::default();
    /// d.insert_str("three_public.total", "1.00")?;
    /// assert!(FinalAccounts::try_from(&d).is_err()); // no fiscal year, no department
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn try_from(d: &Disclosure) -> Result<FinalAccounts, ModelError> {
        FinalAccounts::from_disclosure(d)
    }
}

impl TryFrom<Disclosure> for FinalAccounts {
    type Error = ModelError;

    /// [`FinalAccounts::from_disclosure`].
    fn try_from(d: Disclosure) -> Result<FinalAccounts, ModelError> {
        FinalAccounts::from_disclosure(&d)
    }
}

impl Serialize for FinalAccounts {
    /// The JSON form (see [`FinalAccounts`]).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.parts.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for FinalAccounts {
    /// Reads the JSON form and validates it as [`FinalAccounts::from_json`]
    /// does (without the JSON path of validation errors).
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<FinalAccounts, D::Error> {
        let parts = json::deserialize_parts(deserializer)?;
        json::from_parts(parts).map_err(|e| match e.model_error() {
            Some(m) => serde::de::Error::custom(format!("{e}: {m}")),
            None => serde::de::Error::custom(e),
        })
    }
}
