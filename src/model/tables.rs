//! The nine tables (附表) of a 部门决算.
//!
//! Each table is plain data: public fields, checked as a whole when a
//! [`crate::FinalAccounts`] is built. A figure printed in two tables (the
//! 一般公共预算 column of T4 and the 合计 of T5, for example) appears in both,
//! and must agree; the builder fills the copy a table leaves out.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::amount::Amount;
use crate::code::{EconomicCode, FunctionCode};

use super::figure::Figure;

/// 收入支出决算总表 (T1), with the narrative's sections 一 to 三.
///
/// Income lines 一 to 八, the totals, and the splits the narrative gives
/// (财政拨款收入 and its share; 基本支出, 项目支出, … with their shares). The
/// same figures are the 合计 rows of the [`RevenueTable`] (T2) and the
/// [`ExpenditureTable`] (T3). T1's expenditure lines by 功能分类 类 are the 类
/// rows of the `ExpenditureTable` (the same facts,
/// `expenditure.function.<类>`), so they are held there.
///
/// **Required** when the table is present: `revenue_total` (收入总计),
/// `revenue_current_year` (本年收入合计), `expenditure_current_year`
/// (本年支出合计) and `expenditure_total` (支出总计).
///
/// ```
/// use juesuan::model::RevenueExpenditureSummary;
///
/// let t1 = RevenueExpenditureSummary {
///     revenue_total: Some("74194.06".parse()?),
///     revenue_current_year: Some("73274.06".parse()?),
///     expenditure_current_year: Some("73702.79".parse()?),
///     expenditure_total: Some("74194.06".parse()?),
///     ..Default::default()
/// };
/// assert!(t1.revenue_business.is_none());
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "收入支出决算总表")]
#[doc(alias = "收入")]
#[doc(alias = "支出")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevenueExpenditureSummary {
    /// 收入总计 (`revenue.total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_total: Option<Figure>,
    /// 本年收入合计 (`revenue.current_year`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_current_year: Option<Figure>,
    /// 财政拨款收入 (`revenue.appropriation`): 一 + 二 + 三.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_appropriation: Option<Figure>,
    /// 一、一般公共预算财政拨款收入 (`revenue.general_budget`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_general_budget: Option<Figure>,
    /// 二、政府性基金预算财政拨款收入 (`revenue.government_fund`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_government_fund: Option<Figure>,
    /// 三、国有资本经营预算财政拨款收入 (`revenue.state_capital`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_state_capital: Option<Figure>,
    /// 四、上级补助收入 (`revenue.superior_subsidy`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_superior_subsidy: Option<Figure>,
    /// 五、事业收入 (`revenue.business`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_business: Option<Figure>,
    /// 六、经营收入 (`revenue.operating`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_operating: Option<Figure>,
    /// 七、附属单位上缴收入 (`revenue.affiliate_remittance`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_affiliate_remittance: Option<Figure>,
    /// 八、其他收入 (`revenue.other`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_other: Option<Figure>,
    /// 使用非财政拨款结余 (`revenue.non_appropriation_balance_used`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_non_appropriation_balance_used: Option<Figure>,
    /// 年初结转和结余 (`revenue.opening_balance`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_opening_balance: Option<Figure>,
    /// 支出总计 (`expenditure.total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_total: Option<Figure>,
    /// 本年支出合计 (`expenditure.current_year`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_current_year: Option<Figure>,
    /// 基本支出 (`expenditure.basic`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_basic: Option<Figure>,
    /// 项目支出 (`expenditure.project`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_project: Option<Figure>,
    /// 上缴上级支出 (`expenditure.remittance_to_superior`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_remittance_to_superior: Option<Figure>,
    /// 经营支出 (`expenditure.operating`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_operating: Option<Figure>,
    /// 对附属单位补助支出 (`expenditure.subsidy_to_affiliates`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_subsidy_to_affiliates: Option<Figure>,
    /// 结余分配 (`expenditure.surplus_distribution`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_surplus_distribution: Option<Figure>,
    /// 年末结转和结余 (`expenditure.closing_balance`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_closing_balance: Option<Figure>,
}

/// One row of the 收入决算表 (T2), by 功能分类 code.
///
/// Fact ids `revenue.function.<code>` (本年收入合计) and
/// `revenue.function.<code>.<column>`. **Required**: `total`.
///
/// ```
/// let row = juesuan::model::RevenueRow::new("264.87".parse()?);
/// assert!(row.appropriation.is_none());
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "收入决算表")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevenueRow {
    /// 本年收入合计.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Figure>,
    /// 财政拨款收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appropriation: Option<Amount>,
    /// 上级补助收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superior_subsidy: Option<Amount>,
    /// 事业收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business: Option<Amount>,
    /// 经营收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operating: Option<Amount>,
    /// 附属单位上缴收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliate_remittance: Option<Amount>,
    /// 其他收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<Amount>,
}

impl RevenueRow {
    /// A row with its 本年收入合计 only.
    ///
    /// ```
    /// assert!(juesuan::model::RevenueRow::new("1.00".parse()?).total.is_some());
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn new(total: Amount) -> RevenueRow {
        RevenueRow {
            total: Some(Figure::new(total)),
            ..RevenueRow::default()
        }
    }
}

/// 收入决算表 (T2): rows by 功能分类 类/款/项.
///
/// Its 合计 row is held by [`RevenueExpenditureSummary`] (the same facts).
/// **Required**: at least one row.
///
/// ```
/// use juesuan::{model::RevenueRow, model::RevenueTable};
///
/// let mut t2 = RevenueTable::default();
/// t2.rows.insert("201".parse()?, RevenueRow::new("264.87".parse()?));
/// assert_eq!(t2.rows.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "收入决算表")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevenueTable {
    /// The rows, by code (类, 款 and 项 in table order).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::map"
    )]
    pub rows: BTreeMap<FunctionCode, RevenueRow>,
}

/// One row of the 支出决算表 (T3), by 功能分类 code.
///
/// Fact ids `expenditure.function.<code>` (本年支出合计) and
/// `expenditure.function.<code>.<column>`. **Required**: `total`.
///
/// ```
/// let row = juesuan::model::ExpenditureRow::new("264.87".parse()?);
/// assert!(row.basic.is_none());
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "支出决算表")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpenditureRow {
    /// 本年支出合计.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Figure>,
    /// 基本支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic: Option<Amount>,
    /// 项目支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<Amount>,
    /// 上缴上级支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remittance_to_superior: Option<Amount>,
    /// 经营支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operating: Option<Amount>,
    /// 对附属单位补助支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsidy_to_affiliates: Option<Amount>,
}

impl ExpenditureRow {
    /// A row with its 本年支出合计 only.
    ///
    /// ```
    /// assert!(juesuan::model::ExpenditureRow::new("1.00".parse()?).total.is_some());
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn new(total: Amount) -> ExpenditureRow {
        ExpenditureRow {
            total: Some(Figure::new(total)),
            ..ExpenditureRow::default()
        }
    }
}

/// 支出决算表 (T3): rows by 功能分类 类/款/项.
///
/// Its 合计 row is held by [`RevenueExpenditureSummary`]; its 类 rows are
/// also T1's expenditure lines. **Required**: at least one row.
///
/// ```
/// use juesuan::{model::ExpenditureRow, model::ExpenditureTable};
///
/// let mut t3 = ExpenditureTable::default();
/// t3.rows.insert("201".parse()?, ExpenditureRow::new("264.87".parse()?));
/// assert_eq!(t3.rows.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "支出决算表")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpenditureTable {
    /// The rows, by code.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::map"
    )]
    pub rows: BTreeMap<FunctionCode, ExpenditureRow>,
}

/// A column of the 财政拨款收入支出决算总表 (T4): 合计 or one of the three
/// budgets.
///
/// ```
/// use juesuan::model::BudgetKind;
///
/// assert_eq!(BudgetKind::GeneralBudget.label(), "一般公共预算财政拨款");
/// assert_eq!(BudgetKind::GovernmentFund.fact_prefix(), "government_fund");
/// assert_eq!(BudgetKind::ALL.len(), 4);
/// ```
#[doc(alias = "预算类型")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BudgetKind {
    /// 合计: all appropriations (`appropriation.*`).
    #[doc(alias = "合计")]
    Total,
    /// 一般公共预算财政拨款 (`general_budget.*`).
    #[doc(alias = "一般公共预算")]
    GeneralBudget,
    /// 政府性基金预算财政拨款 (`government_fund.*`).
    #[doc(alias = "政府性基金预算")]
    GovernmentFund,
    /// 国有资本经营预算财政拨款 (`state_capital.*`).
    #[doc(alias = "国有资本经营预算")]
    StateCapital,
}

impl BudgetKind {
    /// Every column, in table order.
    ///
    /// ```
    /// assert_eq!(juesuan::model::BudgetKind::ALL[0], juesuan::model::BudgetKind::Total);
    /// ```
    pub const ALL: [BudgetKind; 4] = [
        BudgetKind::Total,
        BudgetKind::GeneralBudget,
        BudgetKind::GovernmentFund,
        BudgetKind::StateCapital,
    ];

    /// The first segment of the column's fact ids.
    ///
    /// ```
    /// assert_eq!(juesuan::model::BudgetKind::Total.fact_prefix(), "appropriation");
    /// ```
    pub const fn fact_prefix(self) -> &'static str {
        match self {
            BudgetKind::Total => "appropriation",
            BudgetKind::GeneralBudget => "general_budget",
            BudgetKind::GovernmentFund => "government_fund",
            BudgetKind::StateCapital => "state_capital",
        }
    }

    /// The official column label.
    ///
    /// ```
    /// assert_eq!(juesuan::model::BudgetKind::StateCapital.label(), "国有资本经营预算财政拨款");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            BudgetKind::Total => "合计",
            BudgetKind::GeneralBudget => "一般公共预算财政拨款",
            BudgetKind::GovernmentFund => "政府性基金预算财政拨款",
            BudgetKind::StateCapital => "国有资本经营预算财政拨款",
        }
    }

    /// The JSON field of the column in [`AppropriationSummary`].
    pub(crate) const fn json_field(self) -> &'static str {
        match self {
            BudgetKind::Total => "total",
            BudgetKind::GeneralBudget => "general_budget",
            BudgetKind::GovernmentFund => "government_fund",
            BudgetKind::StateCapital => "state_capital",
        }
    }
}

/// One column of T4: 年初结转和结余, 本年收入, 本年支出, 年末结转和结余.
///
/// Fact ids `<prefix>.opening_balance`, `.revenue`, `.expenditure`,
/// `.closing_balance` with the prefix of its [`BudgetKind`].
///
/// ```
/// let c = juesuan::model::AppropriationColumn::default();
/// assert!(c.is_empty());
/// ```
#[doc(alias = "财政拨款")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppropriationColumn {
    /// 年初结转和结余.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_balance: Option<Figure>,
    /// 本年收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Figure>,
    /// 本年支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure: Option<Figure>,
    /// 年末结转和结余.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_balance: Option<Figure>,
}

impl AppropriationColumn {
    /// Whether no cell is stated.
    ///
    /// ```
    /// let mut c = juesuan::model::AppropriationColumn::default();
    /// c.revenue = Some("1.00".parse()?);
    /// assert!(!c.is_empty());
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        *self == AppropriationColumn::default()
    }
}

/// 财政拨款收入支出决算总表 (T4), with the narrative's section 四.
///
/// The 财政拨款年初预算 is `revenue_total.budget` (fact
/// `appropriation.initial_budget`) and its 预决算差异率
/// `revenue_total.budget_variance_rate`
/// (`appropriation.revenue_total.budget_variance_rate`). The 一般公共预算
/// column's 本年支出 is also the 合计 of the [`GeneralBudgetTable`] (T5); the
/// 政府性基金 and 国有资本经营 columns are also the totals of T7 and T8.
///
/// **Required** when present: `revenue_total` (财政拨款收入总计) and
/// `expenditure_total` (财政拨款支出总计).
///
/// ```
/// use juesuan::{model::AppropriationSummary, model::BudgetKind};
///
/// let mut t4 = AppropriationSummary::default();
/// t4.column_mut(BudgetKind::Total).revenue = Some("68460.73".parse()?);
/// assert!(t4.column(BudgetKind::Total).revenue.is_some());
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "财政拨款收入支出决算总表")]
#[doc(alias = "财政拨款")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppropriationSummary {
    /// 财政拨款收入总计 (`appropriation.revenue_total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_total: Option<Figure>,
    /// 财政拨款支出总计 (`appropriation.expenditure_total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_total: Option<Figure>,
    /// The 合计 column.
    #[serde(default, skip_serializing_if = "AppropriationColumn::is_empty")]
    pub total: AppropriationColumn,
    /// The 一般公共预算财政拨款 column.
    #[serde(default, skip_serializing_if = "AppropriationColumn::is_empty")]
    pub general_budget: AppropriationColumn,
    /// The 政府性基金预算财政拨款 column.
    #[serde(default, skip_serializing_if = "AppropriationColumn::is_empty")]
    pub government_fund: AppropriationColumn,
    /// The 国有资本经营预算财政拨款 column.
    #[serde(default, skip_serializing_if = "AppropriationColumn::is_empty")]
    pub state_capital: AppropriationColumn,
    /// 本年支出 by 功能分类, 合计 column
    /// (`appropriation.expenditure.function.<code>`).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::map"
    )]
    pub expenditure_by_function: BTreeMap<FunctionCode, Figure>,
}

impl AppropriationSummary {
    /// The column of `kind`.
    ///
    /// ```
    /// use juesuan::{model::AppropriationSummary, model::BudgetKind};
    /// assert!(AppropriationSummary::default().column(BudgetKind::StateCapital).is_empty());
    /// ```
    pub fn column(&self, kind: BudgetKind) -> &AppropriationColumn {
        match kind {
            BudgetKind::Total => &self.total,
            BudgetKind::GeneralBudget => &self.general_budget,
            BudgetKind::GovernmentFund => &self.government_fund,
            BudgetKind::StateCapital => &self.state_capital,
        }
    }

    /// The column of `kind`, for editing.
    ///
    /// ```
    /// use juesuan::{model::AppropriationSummary, model::BudgetKind};
    /// let mut t4 = AppropriationSummary::default();
    /// t4.column_mut(BudgetKind::GeneralBudget).expenditure = Some("1.00".parse()?);
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn column_mut(&mut self, kind: BudgetKind) -> &mut AppropriationColumn {
        match kind {
            BudgetKind::Total => &mut self.total,
            BudgetKind::GeneralBudget => &mut self.general_budget,
            BudgetKind::GovernmentFund => &mut self.government_fund,
            BudgetKind::StateCapital => &mut self.state_capital,
        }
    }
}

/// One row of the 一般公共预算财政拨款支出决算表 (T5).
///
/// Fact ids `general_budget.function.<code>` (合计, with the narrative's
/// change, rate, share, budget, reason and the item name as printed in
/// [`Figure`]), `.basic` and `.project`. **Required**: `total`.
///
/// ```
/// use juesuan::{model::Figure, model::GeneralBudgetRow};
///
/// let row = GeneralBudgetRow {
///     total: Some(Figure::new("287.40".parse()?).with_change("-50.41".parse()?, "-14.92".parse()?)),
///     basic: Some("287.40".parse()?),
///     project: None,
/// };
/// assert!(row.total.is_some());
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "一般公共预算财政拨款支出决算表")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneralBudgetRow {
    /// 合计.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Figure>,
    /// 基本支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic: Option<Amount>,
    /// 项目支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<Amount>,
}

impl GeneralBudgetRow {
    /// A row with its 合计 only.
    ///
    /// ```
    /// let row = juesuan::model::GeneralBudgetRow::new("1.00".parse::<juesuan::model::Figure>()?);
    /// assert!(row.basic.is_none());
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn new(total: impl Into<Figure>) -> GeneralBudgetRow {
        GeneralBudgetRow {
            total: Some(total.into()),
            ..GeneralBudgetRow::default()
        }
    }
}

/// 一般公共预算财政拨款支出决算表 (T5), with the narrative's section 五.
///
/// `total` (`general_budget.expenditure`) carries the section's change,
/// share of 本年支出合计, 年初预算 and 差异率; it is also the 本年支出 of T4's
/// 一般公共预算 column. `basic_total` (`basic.total`) is the 合计 row's
/// 基本支出, also the total of the [`BasicExpenditureTable`] (T6).
///
/// **Required** when present: `total` and at least one row.
///
/// ```
/// use juesuan::{model::GeneralBudgetRow, model::GeneralBudgetTable};
///
/// let mut t5 = GeneralBudgetTable::default();
/// t5.total = Some("732.54".parse()?);
/// t5.rows.insert("221".parse()?, GeneralBudgetRow::new("732.54".parse::<juesuan::Amount>()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "一般公共预算财政拨款支出决算表")]
#[doc(alias = "一般公共预算")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneralBudgetTable {
    /// 合计 (`general_budget.expenditure`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Figure>,
    /// 合计 row, 基本支出 (`basic.total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_total: Option<Figure>,
    /// The rows, by code.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::map"
    )]
    pub rows: BTreeMap<FunctionCode, GeneralBudgetRow>,
}

/// 一般公共预算财政拨款基本支出决算表 (T6), with the narrative's section 六.
///
/// **Required** when present: `total` (基本支出, `basic.total`),
/// `personnel` (人员经费合计) and `public` (公用经费合计).
///
/// ```
/// use juesuan::model::BasicExpenditureTable;
///
/// let mut t6 = BasicExpenditureTable::default();
/// t6.personnel = Some("17968.72".parse()?);
/// t6.rows.insert("30201".parse()?, "3.78".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "一般公共预算财政拨款基本支出决算表")]
#[doc(alias = "基本支出")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasicExpenditureTable {
    /// 基本支出合计 (`basic.total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Figure>,
    /// 人员经费合计 (`basic.personnel`): 301 and 303.
    #[doc(alias = "人员经费")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personnel: Option<Figure>,
    /// 公用经费合计 (`basic.public`): 302, 310 and others.
    #[doc(alias = "公用经费")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<Figure>,
    /// The rows by 经济分类 类 and 款 (`basic.economic.<code>`).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::map"
    )]
    pub rows: BTreeMap<EconomicCode, Figure>,
}

/// 政府性基金预算 (T7) or 国有资本经营预算 (T8) 财政拨款收入支出决算表.
///
/// Its 合计 row: 年初结转和结余, 本年收入, 本年支出 (合计, 基本, 项目), 年末结转和
/// 结余 (`government_fund.*` or `state_capital.*`); the first four are also
/// T4's column of the same budget. Rows by 功能分类 hold 本年支出. Most
/// departments publish these tables empty, with a 说明 (`note`).
///
/// **Required** when present: at least one row, a `note`, or the 基本/项目
/// split of 本年支出.
///
/// ```
/// use juesuan::model::FundTable;
///
/// let t7 = FundTable {
///     note: Some("本部门本年度无政府性基金预算财政拨款收入、支出及结转和结余".into()),
///     ..Default::default()
/// };
/// assert!(t7.rows.is_empty());
/// ```
#[doc(alias = "政府性基金预算财政拨款收入支出决算表")]
#[doc(alias = "国有资本经营预算财政拨款收入支出决算表")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundTable {
    /// 年初结转和结余.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_balance: Option<Figure>,
    /// 本年收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Figure>,
    /// 本年支出合计.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure: Option<Figure>,
    /// 本年支出: 基本支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_basic: Option<Figure>,
    /// 本年支出: 项目支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_project: Option<Figure>,
    /// 年末结转和结余.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_balance: Option<Figure>,
    /// 本年支出 by 功能分类 code (`<prefix>.function.<code>`).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::map"
    )]
    pub rows: BTreeMap<FunctionCode, Figure>,
    /// The 说明 printed under an empty table (`<prefix>.note`).
    #[doc(alias = "说明")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An item of the 财政拨款“三公”经费支出决算表 (T9).
///
/// ```
/// use juesuan::model::ThreePublicItem;
///
/// assert_eq!(ThreePublicItem::Reception.fact_id(), "three_public.reception");
/// assert_eq!(ThreePublicItem::VehiclePurchase.label(), "公务用车购置费");
/// ```
#[doc(alias = "三公经费")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ThreePublicItem {
    /// 合计.
    Total,
    /// 因公出国（境）费.
    #[doc(alias = "因公出国（境）费")]
    OverseasTravel,
    /// 公务用车购置及运行维护费.
    #[doc(alias = "公务用车购置及运行维护费")]
    Vehicles,
    /// 公务用车购置费.
    #[doc(alias = "公务用车购置费")]
    VehiclePurchase,
    /// 公务用车运行维护费.
    #[doc(alias = "公务用车运行维护费")]
    VehicleOperation,
    /// 公务接待费.
    #[doc(alias = "公务接待费")]
    Reception,
}

impl ThreePublicItem {
    /// Every item, in table order.
    ///
    /// ```
    /// assert_eq!(juesuan::model::ThreePublicItem::ALL.len(), 6);
    /// ```
    pub const ALL: [ThreePublicItem; 6] = [
        ThreePublicItem::Total,
        ThreePublicItem::OverseasTravel,
        ThreePublicItem::Vehicles,
        ThreePublicItem::VehiclePurchase,
        ThreePublicItem::VehicleOperation,
        ThreePublicItem::Reception,
    ];

    /// The item's fact id (its 决算数; `.budget` is the 预算数).
    ///
    /// ```
    /// assert_eq!(juesuan::model::ThreePublicItem::Total.fact_id(), "three_public.total");
    /// ```
    pub const fn fact_id(self) -> &'static str {
        match self {
            ThreePublicItem::Total => "three_public.total",
            ThreePublicItem::OverseasTravel => "three_public.overseas_travel",
            ThreePublicItem::Vehicles => "three_public.vehicles",
            ThreePublicItem::VehiclePurchase => "three_public.vehicle_purchase",
            ThreePublicItem::VehicleOperation => "three_public.vehicle_operation",
            ThreePublicItem::Reception => "three_public.reception",
        }
    }

    /// The official label.
    ///
    /// ```
    /// assert_eq!(juesuan::model::ThreePublicItem::Total.label(), "合计");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            ThreePublicItem::Total => "合计",
            ThreePublicItem::OverseasTravel => "因公出国（境）费",
            ThreePublicItem::Vehicles => "公务用车购置及运行维护费",
            ThreePublicItem::VehiclePurchase => "公务用车购置费",
            ThreePublicItem::VehicleOperation => "公务用车运行维护费",
            ThreePublicItem::Reception => "公务接待费",
        }
    }

    pub(crate) const fn json_field(self) -> &'static str {
        match self {
            ThreePublicItem::Total => "total",
            ThreePublicItem::OverseasTravel => "overseas_travel",
            ThreePublicItem::Vehicles => "vehicles",
            ThreePublicItem::VehiclePurchase => "vehicle_purchase",
            ThreePublicItem::VehicleOperation => "vehicle_operation",
            ThreePublicItem::Reception => "reception",
        }
    }
}

/// A count of the 财政拨款“三公”经费支出决算表 (T9).
///
/// ```
/// use juesuan::model::ThreePublicCount;
///
/// assert_eq!(ThreePublicCount::VehiclesHeld.fact_id(), "three_public.vehicles_held");
/// assert_eq!(ThreePublicCount::ReceptionBatches.label(), "国内公务接待批次");
/// ```
#[doc(alias = "三公经费")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ThreePublicCount {
    /// 因公出国（境）团组数.
    OverseasGroups,
    /// 因公出国（境）人次.
    OverseasPersons,
    /// 公务用车购置数.
    VehiclesPurchased,
    /// 公务用车保有量.
    #[doc(alias = "保有量")]
    VehiclesHeld,
    /// 国内公务接待批次.
    ReceptionBatches,
    /// 国内公务接待人次.
    ReceptionPersons,
}

impl ThreePublicCount {
    /// Every count, in table order.
    ///
    /// ```
    /// assert_eq!(juesuan::model::ThreePublicCount::ALL.len(), 6);
    /// ```
    pub const ALL: [ThreePublicCount; 6] = [
        ThreePublicCount::OverseasGroups,
        ThreePublicCount::OverseasPersons,
        ThreePublicCount::VehiclesPurchased,
        ThreePublicCount::VehiclesHeld,
        ThreePublicCount::ReceptionBatches,
        ThreePublicCount::ReceptionPersons,
    ];

    /// The count's fact id.
    ///
    /// ```
    /// assert_eq!(juesuan::model::ThreePublicCount::OverseasGroups.fact_id(), "three_public.overseas_groups");
    /// ```
    pub const fn fact_id(self) -> &'static str {
        match self {
            ThreePublicCount::OverseasGroups => "three_public.overseas_groups",
            ThreePublicCount::OverseasPersons => "three_public.overseas_persons",
            ThreePublicCount::VehiclesPurchased => "three_public.vehicles_purchased",
            ThreePublicCount::VehiclesHeld => "three_public.vehicles_held",
            ThreePublicCount::ReceptionBatches => "three_public.reception_batches",
            ThreePublicCount::ReceptionPersons => "three_public.reception_persons",
        }
    }

    /// The official label.
    ///
    /// ```
    /// assert_eq!(juesuan::model::ThreePublicCount::VehiclesHeld.label(), "公务用车保有量");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            ThreePublicCount::OverseasGroups => "因公出国（境）团组数",
            ThreePublicCount::OverseasPersons => "因公出国（境）人次",
            ThreePublicCount::VehiclesPurchased => "公务用车购置数",
            ThreePublicCount::VehiclesHeld => "公务用车保有量",
            ThreePublicCount::ReceptionBatches => "国内公务接待批次",
            ThreePublicCount::ReceptionPersons => "国内公务接待人次",
        }
    }

    pub(crate) const fn json_field(self) -> &'static str {
        match self {
            ThreePublicCount::OverseasGroups => "overseas_groups",
            ThreePublicCount::OverseasPersons => "overseas_persons",
            ThreePublicCount::VehiclesPurchased => "vehicles_purchased",
            ThreePublicCount::VehiclesHeld => "vehicles_held",
            ThreePublicCount::ReceptionBatches => "reception_batches",
            ThreePublicCount::ReceptionPersons => "reception_persons",
        }
    }
}

/// 财政拨款“三公”经费支出决算表 (T9), with the narrative's section 九.
///
/// Each item's [`Figure`] holds the 决算数 with its 预算数 (`budget`), 差异率,
/// change, share and reasons. **Required** when present: `total` (合计
/// 决算数).
///
/// ```
/// use juesuan::{model::ThreePublicExpenses, model::ThreePublicItem};
///
/// let mut t9 = ThreePublicExpenses::default();
/// t9.total = Some("181.58".parse()?);
/// assert!(t9.item(ThreePublicItem::Total).is_some());
/// assert!(t9.item(ThreePublicItem::Reception).is_none());
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "财政拨款“三公”经费支出决算表")]
#[doc(alias = "三公经费")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThreePublicExpenses {
    /// 合计.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Figure>,
    /// 因公出国（境）费.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overseas_travel: Option<Figure>,
    /// 公务用车购置及运行维护费.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicles: Option<Figure>,
    /// 公务用车购置费.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle_purchase: Option<Figure>,
    /// 公务用车运行维护费.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle_operation: Option<Figure>,
    /// 公务接待费.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reception: Option<Figure>,
    /// 因公出国（境）团组数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overseas_groups: Option<super::figure::CountFigure>,
    /// 因公出国（境）人次.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overseas_persons: Option<super::figure::CountFigure>,
    /// 公务用车购置数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicles_purchased: Option<super::figure::CountFigure>,
    /// 公务用车保有量; its `reason` explains a difference from the vehicles
    /// in 国有资产 (`three_public.vehicles_held.reason`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicles_held: Option<super::figure::CountFigure>,
    /// 国内公务接待批次.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reception_batches: Option<super::figure::CountFigure>,
    /// 国内公务接待人次.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reception_persons: Option<super::figure::CountFigure>,
}

impl ThreePublicExpenses {
    /// The figure of `item`, when stated.
    ///
    /// ```
    /// use juesuan::{model::ThreePublicExpenses, model::ThreePublicItem};
    /// assert!(ThreePublicExpenses::default().item(ThreePublicItem::Vehicles).is_none());
    /// ```
    pub fn item(&self, item: ThreePublicItem) -> Option<&Figure> {
        self.slot(item).as_ref()
    }

    /// The slot of `item`, for editing.
    ///
    /// ```
    /// use juesuan::{model::ThreePublicExpenses, model::ThreePublicItem};
    /// let mut t9 = ThreePublicExpenses::default();
    /// *t9.item_mut(ThreePublicItem::Reception) = Some("1.80".parse()?);
    /// assert!(t9.reception.is_some());
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn item_mut(&mut self, item: ThreePublicItem) -> &mut Option<Figure> {
        match item {
            ThreePublicItem::Total => &mut self.total,
            ThreePublicItem::OverseasTravel => &mut self.overseas_travel,
            ThreePublicItem::Vehicles => &mut self.vehicles,
            ThreePublicItem::VehiclePurchase => &mut self.vehicle_purchase,
            ThreePublicItem::VehicleOperation => &mut self.vehicle_operation,
            ThreePublicItem::Reception => &mut self.reception,
        }
    }

    fn slot(&self, item: ThreePublicItem) -> &Option<Figure> {
        match item {
            ThreePublicItem::Total => &self.total,
            ThreePublicItem::OverseasTravel => &self.overseas_travel,
            ThreePublicItem::Vehicles => &self.vehicles,
            ThreePublicItem::VehiclePurchase => &self.vehicle_purchase,
            ThreePublicItem::VehicleOperation => &self.vehicle_operation,
            ThreePublicItem::Reception => &self.reception,
        }
    }

    /// The count `which`, when stated.
    ///
    /// ```
    /// use juesuan::{model::CountFigure, model::ThreePublicCount, model::ThreePublicExpenses};
    /// let mut t9 = ThreePublicExpenses::default();
    /// *t9.count_mut(ThreePublicCount::VehiclesHeld) = Some(CountFigure::new(91));
    /// assert_eq!(t9.count(ThreePublicCount::VehiclesHeld).map(|c| c.count), Some(91));
    /// ```
    pub fn count(&self, which: ThreePublicCount) -> Option<&super::figure::CountFigure> {
        match which {
            ThreePublicCount::OverseasGroups => self.overseas_groups.as_ref(),
            ThreePublicCount::OverseasPersons => self.overseas_persons.as_ref(),
            ThreePublicCount::VehiclesPurchased => self.vehicles_purchased.as_ref(),
            ThreePublicCount::VehiclesHeld => self.vehicles_held.as_ref(),
            ThreePublicCount::ReceptionBatches => self.reception_batches.as_ref(),
            ThreePublicCount::ReceptionPersons => self.reception_persons.as_ref(),
        }
    }

    /// The slot of count `which`, for editing.
    ///
    /// ```
    /// use juesuan::{model::ThreePublicCount, model::ThreePublicExpenses};
    /// let mut t9 = ThreePublicExpenses::default();
    /// assert!(t9.count_mut(ThreePublicCount::ReceptionPersons).is_none());
    /// ```
    pub fn count_mut(
        &mut self,
        which: ThreePublicCount,
    ) -> &mut Option<super::figure::CountFigure> {
        match which {
            ThreePublicCount::OverseasGroups => &mut self.overseas_groups,
            ThreePublicCount::OverseasPersons => &mut self.overseas_persons,
            ThreePublicCount::VehiclesPurchased => &mut self.vehicles_purchased,
            ThreePublicCount::VehiclesHeld => &mut self.vehicles_held,
            ThreePublicCount::ReceptionBatches => &mut self.reception_batches,
            ThreePublicCount::ReceptionPersons => &mut self.reception_persons,
        }
    }
}
