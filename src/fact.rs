//! Fact identifiers: the stable names of every figure a report can state.
//!
//! A fact id is a dotted string such as `revenue.total`,
//! `general_budget.function.2080101.change` or `three_public.vehicles_held`.
//! It is a *base* (what the figure is) optionally followed by one *suffix*
//! (how it is stated: a share, a change, last year's figure, the budget, …).
//! The bases are declared once, in [`BASES`]; the suffixes in [`Suffix`].
//! The kind of value a fact holds follows from its id ([`FactId::kind`]).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::code::{EconomicCode, FunctionCode};

/// What kind of value a fact holds.
///
/// ```
/// use juesuan::{FactId, fact::FactKind};
///
/// let id: FactId = "general_budget.function.2080101.change_rate".parse()?;
/// assert_eq!(id.kind(), FactKind::Percent);
/// # Ok::<(), juesuan::fact::FactError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum FactKind {
    /// Money, in the document's unit unless the value says otherwise.
    Amount,
    /// A percentage (93.43 means 93.43%), possibly signed.
    Percent,
    /// A non-negative whole number: people, vehicles, projects.
    Count,
    /// A signed whole number: the change of a count.
    SignedCount,
    /// A measured quantity that is not money, e.g. floor area in m².
    Quantity,
    /// Words: reasons, names, cited codes, direction words.
    Text,
}

/// How a figure is stated relative to its base, the last segment of a fact id.
///
/// ```
/// use juesuan::{FactId, fact::Suffix};
///
/// let id: FactId = "revenue.appropriation.share".parse()?;
/// assert_eq!(id.suffix(), Some(Suffix::Share));
/// assert_eq!(id.base(), "revenue.appropriation");
/// # Ok::<(), juesuan::fact::FactError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Suffix {
    /// `.share`: the stated percentage of a whole (占比).
    #[doc(alias = "占比")]
    Share,
    /// `.change`: signed change from last year (增加 +, 减少 −).
    #[doc(alias = "增减")]
    Change,
    /// `.change_rate`: signed rate of change from last year, in percent.
    #[doc(alias = "增长率")]
    ChangeRate,
    /// `.prior_year`: last year's figure (上年决算数).
    #[doc(alias = "上年")]
    PriorYear,
    /// `.budget`: the budget figure (年初预算数 / 全年预算数).
    #[doc(alias = "预算数")]
    Budget,
    /// `.budget_variance`: the signed difference final − budget (较年初预算增加 +,
    /// 减少 −), in money.
    #[doc(alias = "预决算差异")]
    BudgetVariance,
    /// `.budget_variance_rate`: 预决算差异率, (final − budget) / budget in percent.
    #[doc(alias = "预决算差异率")]
    BudgetVarianceRate,
    /// `.completion_rate`: 完成率, final / budget in percent.
    #[doc(alias = "完成率")]
    CompletionRate,
    /// `.reason`: the stated reason (主要原因) for the change from last year.
    #[doc(alias = "主要原因")]
    Reason,
    /// `.budget_reason`: the stated reason for the difference between the
    /// final and the budget figure.
    BudgetReason,
    /// `.cited_code`: a classification code cited in the text about this
    /// figure, with the name given beside it ("2080104 综合事务管理").
    CitedCode,
    /// `.name`: the name the text gives this figure's classification item.
    Name,
    /// `.unresolved_item`: a subordinate item the text names (by path) that
    /// the catalog does not know, so its figures could not be placed; the
    /// audit does not sum this row's items.
    UnresolvedItem,
    /// `.change_word`: the word stating the direction of the change
    /// (增加, 减少, 持平, 无变化).
    ChangeWord,
    /// `.change_rate_word`: the word stating the direction of the rate
    /// (增长, 下降, 持平).
    ChangeRateWord,
    /// `.comparison_word`: the word comparing final and budget figures
    /// (大于, 小于, 等于, 超, 未完成).
    ComparisonWord,
}

impl Suffix {
    /// Every suffix, in declaration order.
    ///
    /// ```
    /// assert!(juesuan::fact::Suffix::ALL.contains(&juesuan::fact::Suffix::Share));
    /// ```
    pub const ALL: [Suffix; 16] = [
        Suffix::Share,
        Suffix::Change,
        Suffix::ChangeRate,
        Suffix::PriorYear,
        Suffix::Budget,
        Suffix::BudgetVariance,
        Suffix::BudgetVarianceRate,
        Suffix::CompletionRate,
        Suffix::Reason,
        Suffix::BudgetReason,
        Suffix::CitedCode,
        Suffix::Name,
        Suffix::UnresolvedItem,
        Suffix::ChangeWord,
        Suffix::ChangeRateWord,
        Suffix::ComparisonWord,
    ];

    /// The segment as written in a fact id, without the dot.
    ///
    /// ```
    /// assert_eq!(juesuan::fact::Suffix::ChangeRate.as_str(), "change_rate");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Suffix::Share => "share",
            Suffix::Change => "change",
            Suffix::ChangeRate => "change_rate",
            Suffix::PriorYear => "prior_year",
            Suffix::Budget => "budget",
            Suffix::BudgetVariance => "budget_variance",
            Suffix::BudgetVarianceRate => "budget_variance_rate",
            Suffix::CompletionRate => "completion_rate",
            Suffix::Reason => "reason",
            Suffix::BudgetReason => "budget_reason",
            Suffix::CitedCode => "cited_code",
            Suffix::Name => "name",
            Suffix::UnresolvedItem => "unresolved_item",
            Suffix::ChangeWord => "change_word",
            Suffix::ChangeRateWord => "change_rate_word",
            Suffix::ComparisonWord => "comparison_word",
        }
    }

    /// The Chinese label used in messages and rendering.
    ///
    /// ```
    /// assert_eq!(juesuan::fact::Suffix::Share.label(), "占比");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            Suffix::Share => "占比",
            Suffix::Change => "比上年增减",
            Suffix::ChangeRate => "增减率",
            Suffix::PriorYear => "上年数",
            Suffix::Budget => "预算数",
            Suffix::BudgetVariance => "预决算差异",
            Suffix::BudgetVarianceRate => "预决算差异率",
            Suffix::CompletionRate => "完成率",
            Suffix::Reason => "主要原因",
            Suffix::BudgetReason => "预决算差异原因",
            Suffix::CitedCode => "引用科目",
            Suffix::Name => "科目名称",
            Suffix::UnresolvedItem => "未能识别的下级科目",
            Suffix::ChangeWord => "增减用语",
            Suffix::ChangeRateWord => "增减率用语",
            Suffix::ComparisonWord => "预决算比较用语",
        }
    }

    /// The kind of value a fact with this suffix holds on a base of kind
    /// `base`; `None` when the suffix does not apply to such a base.
    ///
    /// ```
    /// use juesuan::{fact::FactKind, fact::Suffix};
    /// assert_eq!(Suffix::Share.kind_on_base(FactKind::Amount), Some(FactKind::Percent));
    /// assert_eq!(Suffix::Share.kind_on_base(FactKind::Count), None);
    /// ```
    pub fn kind_on_base(self, base: FactKind) -> Option<FactKind> {
        self.kind_on(base)
    }

    fn from_segment(s: &str) -> Option<Suffix> {
        Suffix::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The kind of value a fact with this suffix holds, given its base's kind;
    /// `None` when the suffix does not apply to such a base.
    fn kind_on(self, base: FactKind) -> Option<FactKind> {
        use FactKind as K;
        match (self, base) {
            (Suffix::Share, K::Amount) => Some(K::Percent),
            (Suffix::Change, K::Amount | K::Quantity) => Some(base),
            (Suffix::Change, K::Count) => Some(K::SignedCount),
            (Suffix::ChangeRate, K::Amount | K::Count | K::Quantity) => Some(K::Percent),
            (Suffix::PriorYear, K::Amount | K::Count | K::Quantity) => Some(base),
            (Suffix::Budget | Suffix::BudgetVariance, K::Amount) => Some(K::Amount),
            (Suffix::BudgetVarianceRate | Suffix::CompletionRate, K::Amount) => Some(K::Percent),
            (Suffix::Reason, K::Amount | K::Count | K::Quantity) => Some(K::Text),
            (
                Suffix::CitedCode | Suffix::Name | Suffix::BudgetReason | Suffix::UnresolvedItem,
                K::Amount,
            ) => Some(K::Text),
            (Suffix::ChangeWord | Suffix::ChangeRateWord, K::Amount | K::Count | K::Quantity) => {
                Some(K::Text)
            }
            (Suffix::ComparisonWord, K::Amount) => Some(K::Text),
            _ => None,
        }
    }
}

impl fmt::Display for Suffix {
    /// The segment as written in a fact id ([`Suffix::as_str`]).
    ///
    /// ```
    /// assert_eq!(juesuan::fact::Suffix::ChangeRate.to_string(), "change_rate");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kinds of vehicles 国有资产占用 lists, as used in `assets.vehicles.<kind>`.
///
/// ```
/// use juesuan::fact::VehicleKind;
/// assert_eq!(VehicleKind::Other.label(), "其他用车");
/// assert_eq!(VehicleKind::from_id_segment("emergency"), Some(VehicleKind::Emergency));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[doc(alias = "车辆")]
#[non_exhaustive]
pub enum VehicleKind {
    /// 副部（省）级及以上领导用车.
    Ministerial,
    /// 主要负责人用车.
    Principal,
    /// 机要通信用车.
    Confidential,
    /// 应急保障用车.
    Emergency,
    /// 执法执勤用车.
    LawEnforcement,
    /// 特种专业技术用车.
    Special,
    /// 离退休干部服务用车.
    RetireeService,
    /// 其他用车.
    Other,
}

impl VehicleKind {
    /// Every kind, in the order reports list them.
    ///
    /// ```
    /// assert_eq!(juesuan::fact::VehicleKind::ALL.len(), 8);
    /// ```
    pub const ALL: [VehicleKind; 8] = [
        VehicleKind::Ministerial,
        VehicleKind::Principal,
        VehicleKind::Confidential,
        VehicleKind::Emergency,
        VehicleKind::LawEnforcement,
        VehicleKind::Special,
        VehicleKind::RetireeService,
        VehicleKind::Other,
    ];

    /// The segment used in fact ids.
    ///
    /// ```
    /// assert_eq!(juesuan::fact::VehicleKind::LawEnforcement.id_segment(), "law_enforcement");
    /// ```
    pub const fn id_segment(self) -> &'static str {
        match self {
            VehicleKind::Ministerial => "ministerial",
            VehicleKind::Principal => "principal",
            VehicleKind::Confidential => "confidential",
            VehicleKind::Emergency => "emergency",
            VehicleKind::LawEnforcement => "law_enforcement",
            VehicleKind::Special => "special",
            VehicleKind::RetireeService => "retiree_service",
            VehicleKind::Other => "other",
        }
    }

    /// The official label.
    ///
    /// ```
    /// assert_eq!(juesuan::fact::VehicleKind::Ministerial.label(), "副部（省）级及以上领导用车");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            VehicleKind::Ministerial => "副部（省）级及以上领导用车",
            VehicleKind::Principal => "主要负责人用车",
            VehicleKind::Confidential => "机要通信用车",
            VehicleKind::Emergency => "应急保障用车",
            VehicleKind::LawEnforcement => "执法执勤用车",
            VehicleKind::Special => "特种专业技术用车",
            VehicleKind::RetireeService => "离退休干部服务用车",
            VehicleKind::Other => "其他用车",
        }
    }

    /// The kind whose id segment is `s`.
    ///
    /// ```
    /// assert_eq!(juesuan::fact::VehicleKind::from_id_segment("bus"), None);
    /// ```
    pub fn from_id_segment(s: &str) -> Option<VehicleKind> {
        VehicleKind::ALL.into_iter().find(|k| k.id_segment() == s)
    }
}

/// One declared base: a dotted pattern, the kind of its value, its label.
///
/// Pattern segments `{f}`, `{e}` and `{v}` stand for a function code, an
/// economic code and a [`VehicleKind`] segment.
///
/// ```
/// use juesuan::{fact::BASES, fact::FactKind};
///
/// let total = BASES.iter().find(|b| b.pattern == "revenue.total").unwrap();
/// assert_eq!(total.kind, FactKind::Amount);
/// assert_eq!(total.label, "收入总计");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BaseSpec {
    /// The dotted pattern, e.g. `general_budget.function.{f}`.
    pub pattern: &'static str,
    /// The kind of value the base holds.
    pub kind: FactKind,
    /// The official Chinese label (`{f}`/`{e}`/`{v}` filled in when shown).
    pub label: &'static str,
}

const fn base(pattern: &'static str, kind: FactKind, label: &'static str) -> BaseSpec {
    BaseSpec {
        pattern,
        kind,
        label,
    }
}

use FactKind::{Amount as A, Count as C, Quantity as Q};

/// Every fact base this crate knows, declared once.
///
/// Ids are stable: entries are added, never renamed.
pub const BASES: &[BaseSpec] = &[
    // 收入 (T1, T2, narrative 一、二).
    base("revenue.total", A, "收入总计"),
    base("revenue.current_year", A, "本年收入合计"),
    base("revenue.appropriation", A, "财政拨款收入"),
    base("revenue.general_budget", A, "一般公共预算财政拨款收入"),
    base("revenue.government_fund", A, "政府性基金预算财政拨款收入"),
    base("revenue.state_capital", A, "国有资本经营预算财政拨款收入"),
    base("revenue.superior_subsidy", A, "上级补助收入"),
    base("revenue.business", A, "事业收入"),
    base("revenue.operating", A, "经营收入"),
    base("revenue.affiliate_remittance", A, "附属单位上缴收入"),
    base("revenue.other", A, "其他收入"),
    base(
        "revenue.non_appropriation_balance_used",
        A,
        "使用非财政拨款结余",
    ),
    base("revenue.opening_balance", A, "年初结转和结余"),
    base("revenue.function.{f}", A, "收入决算表 {f} 本年收入合计"),
    base(
        "revenue.function.{f}.appropriation",
        A,
        "收入决算表 {f} 财政拨款收入",
    ),
    base(
        "revenue.function.{f}.superior_subsidy",
        A,
        "收入决算表 {f} 上级补助收入",
    ),
    base(
        "revenue.function.{f}.business",
        A,
        "收入决算表 {f} 事业收入",
    ),
    base(
        "revenue.function.{f}.operating",
        A,
        "收入决算表 {f} 经营收入",
    ),
    base(
        "revenue.function.{f}.affiliate_remittance",
        A,
        "收入决算表 {f} 附属单位上缴收入",
    ),
    base("revenue.function.{f}.other", A, "收入决算表 {f} 其他收入"),
    // 支出 (T1, T3, narrative 一、三).
    base("expenditure.total", A, "支出总计"),
    base("expenditure.current_year", A, "本年支出合计"),
    base("expenditure.basic", A, "基本支出"),
    base("expenditure.project", A, "项目支出"),
    base("expenditure.remittance_to_superior", A, "上缴上级支出"),
    base("expenditure.operating", A, "经营支出"),
    base("expenditure.subsidy_to_affiliates", A, "对附属单位补助支出"),
    base("expenditure.surplus_distribution", A, "结余分配"),
    base("expenditure.closing_balance", A, "年末结转和结余"),
    base("expenditure.function.{f}", A, "支出决算表 {f} 本年支出合计"),
    base(
        "expenditure.function.{f}.basic",
        A,
        "支出决算表 {f} 基本支出",
    ),
    base(
        "expenditure.function.{f}.project",
        A,
        "支出决算表 {f} 项目支出",
    ),
    base(
        "expenditure.function.{f}.remittance_to_superior",
        A,
        "支出决算表 {f} 上缴上级支出",
    ),
    base(
        "expenditure.function.{f}.operating",
        A,
        "支出决算表 {f} 经营支出",
    ),
    base(
        "expenditure.function.{f}.subsidy_to_affiliates",
        A,
        "支出决算表 {f} 对附属单位补助支出",
    ),
    // 财政拨款 (T4, narrative 四).
    base("appropriation.revenue_total", A, "财政拨款收入总计"),
    base("appropriation.opening_balance", A, "年初财政拨款结转和结余"),
    base("appropriation.revenue", A, "本年财政拨款收入"),
    base("appropriation.expenditure_total", A, "财政拨款支出总计"),
    base("appropriation.expenditure", A, "本年财政拨款支出"),
    base("appropriation.closing_balance", A, "年末财政拨款结转和结余"),
    base("appropriation.initial_budget", A, "财政拨款年初预算数"),
    base(
        "appropriation.expenditure.function.{f}",
        A,
        "财政拨款支出 {f}",
    ),
    // 一般公共预算 (T4 column, T5, narrative 五).
    base(
        "general_budget.opening_balance",
        A,
        "年初一般公共预算财政拨款结转和结余",
    ),
    base("general_budget.revenue", A, "本年一般公共预算财政拨款收入"),
    base("general_budget.expenditure", A, "一般公共预算财政拨款支出"),
    base(
        "general_budget.closing_balance",
        A,
        "年末一般公共预算财政拨款结转和结余",
    ),
    base(
        "general_budget.function.{f}",
        A,
        "一般公共预算财政拨款支出 {f}",
    ),
    base(
        "general_budget.function.{f}.basic",
        A,
        "一般公共预算财政拨款基本支出 {f}",
    ),
    base(
        "general_budget.function.{f}.project",
        A,
        "一般公共预算财政拨款项目支出 {f}",
    ),
    // Read from the tables (T4 总计 by column, T5 合计 row).
    base(
        "general_budget.expenditure.project",
        A,
        "一般公共预算财政拨款项目支出",
    ),
    base(
        "general_budget.expenditure_total",
        A,
        "一般公共预算财政拨款支出总计",
    ),
    // 政府性基金预算 (T4 column, T7, narrative 七).
    base(
        "government_fund.opening_balance",
        A,
        "年初政府性基金预算财政拨款结转和结余",
    ),
    base(
        "government_fund.revenue",
        A,
        "本年政府性基金预算财政拨款收入",
    ),
    base(
        "government_fund.expenditure",
        A,
        "政府性基金预算财政拨款支出",
    ),
    base(
        "government_fund.expenditure.basic",
        A,
        "政府性基金预算财政拨款基本支出",
    ),
    base(
        "government_fund.expenditure.project",
        A,
        "政府性基金预算财政拨款项目支出",
    ),
    base(
        "government_fund.closing_balance",
        A,
        "年末政府性基金预算财政拨款结转和结余",
    ),
    base(
        "government_fund.function.{f}",
        A,
        "政府性基金预算财政拨款支出 {f}",
    ),
    // Read from the tables (T4 总计 by column, T7 by row).
    base(
        "government_fund.expenditure_total",
        A,
        "政府性基金预算财政拨款支出总计",
    ),
    base(
        "government_fund.function.{f}.opening_balance",
        A,
        "政府性基金预算财政拨款 {f} 年初结转和结余",
    ),
    base(
        "government_fund.function.{f}.revenue",
        A,
        "政府性基金预算财政拨款 {f} 本年收入",
    ),
    base(
        "government_fund.function.{f}.basic",
        A,
        "政府性基金预算财政拨款基本支出 {f}",
    ),
    base(
        "government_fund.function.{f}.project",
        A,
        "政府性基金预算财政拨款项目支出 {f}",
    ),
    base(
        "government_fund.function.{f}.closing_balance",
        A,
        "政府性基金预算财政拨款 {f} 年末结转和结余",
    ),
    // 国有资本经营预算 (T4 column, T8, narrative 八).
    base(
        "state_capital.opening_balance",
        A,
        "年初国有资本经营预算财政拨款结转和结余",
    ),
    base(
        "state_capital.revenue",
        A,
        "本年国有资本经营预算财政拨款收入",
    ),
    base(
        "state_capital.expenditure",
        A,
        "国有资本经营预算财政拨款支出",
    ),
    base(
        "state_capital.expenditure.basic",
        A,
        "国有资本经营预算财政拨款基本支出",
    ),
    base(
        "state_capital.expenditure.project",
        A,
        "国有资本经营预算财政拨款项目支出",
    ),
    base(
        "state_capital.closing_balance",
        A,
        "年末国有资本经营预算财政拨款结转和结余",
    ),
    base(
        "state_capital.function.{f}",
        A,
        "国有资本经营预算财政拨款支出 {f}",
    ),
    // Read from the tables (T4 总计 by column, T8 by row).
    base(
        "state_capital.expenditure_total",
        A,
        "国有资本经营预算财政拨款支出总计",
    ),
    base(
        "state_capital.function.{f}.opening_balance",
        A,
        "国有资本经营预算财政拨款 {f} 年初结转和结余",
    ),
    base(
        "state_capital.function.{f}.revenue",
        A,
        "国有资本经营预算财政拨款 {f} 本年收入",
    ),
    base(
        "state_capital.function.{f}.basic",
        A,
        "国有资本经营预算财政拨款基本支出 {f}",
    ),
    base(
        "state_capital.function.{f}.project",
        A,
        "国有资本经营预算财政拨款项目支出 {f}",
    ),
    base(
        "state_capital.function.{f}.closing_balance",
        A,
        "国有资本经营预算财政拨款 {f} 年末结转和结余",
    ),
    // 空表说明 of T7 and T8 (added for the typed model: "本表无数据" notes).
    base(
        "government_fund.note",
        FactKind::Text,
        "政府性基金预算财政拨款收入支出决算表说明",
    ),
    base(
        "state_capital.note",
        FactKind::Text,
        "国有资本经营预算财政拨款收入支出决算表说明",
    ),
    // 基本支出 (T6, narrative 六).
    base("basic.total", A, "一般公共预算财政拨款基本支出"),
    base("basic.personnel", A, "人员经费"),
    base("basic.public", A, "公用经费"),
    base("basic.economic.{e}", A, "基本支出 {e}"),
    // "三公"经费 (T9, narrative 九).
    base("three_public.total", A, "财政拨款“三公”经费支出"),
    base("three_public.overseas_travel", A, "因公出国（境）费"),
    base("three_public.vehicles", A, "公务用车购置及运行维护费"),
    base("three_public.vehicle_purchase", A, "公务用车购置费"),
    base("three_public.vehicle_operation", A, "公务用车运行维护费"),
    base("three_public.reception", A, "公务接待费"),
    base("three_public.overseas_groups", C, "因公出国（境）团组数"),
    base("three_public.overseas_persons", C, "因公出国（境）人次"),
    base("three_public.vehicles_purchased", C, "公务用车购置数"),
    base("three_public.vehicles_held", C, "公务用车保有量"),
    base("three_public.reception_batches", C, "国内公务接待批次"),
    base("three_public.reception_persons", C, "国内公务接待人次"),
    // The 空表说明 of T9 ("本年度没有财政拨款“三公”经费支出，故本表无数据").
    base(
        "three_public.note",
        FactKind::Text,
        "财政拨款“三公”经费支出决算表说明",
    ),
    // 公务接待费 split into domestic and foreign reception (older templates and
    // finance bureaus' summaries state both).
    base("three_public.domestic_reception", A, "国内公务接待费"),
    base(
        "three_public.foreign_reception",
        A,
        "国（境）外公务接待费（外事接待费）",
    ),
    base(
        "three_public.foreign_reception_batches",
        C,
        "国（境）外公务接待批次",
    ),
    base(
        "three_public.foreign_reception_persons",
        C,
        "国（境）外公务接待人次",
    ),
    // 会议费 and 培训费, which many provinces publish beside the 三公 (“三公”经费及会议费、培训费).
    base("meeting_fee", A, "会议费"),
    base("training_fee", A, "培训费"),
    // 其他重要事项 (narrative 十).
    base("office_operating_cost", A, "机关运行经费"),
    base("institution_public_cost", A, "事业单位公用经费"),
    base("procurement.total", A, "政府采购支出总额"),
    base("procurement.goods", A, "政府采购货物支出"),
    base("procurement.works", A, "政府采购工程支出"),
    base("procurement.services", A, "政府采购服务支出"),
    base("procurement.sme", A, "授予中小企业合同金额"),
    base("procurement.small_micro", A, "授予小微企业合同金额"),
    base("purchased_services", A, "政府购买服务支出"),
    base("assets.total", A, "资产总额"),
    base("assets.building_area", Q, "房屋面积（平方米）"),
    base("assets.building_value", A, "房屋价值"),
    base("assets.vehicles", C, "车辆数"),
    base("assets.vehicles.{v}", C, "{v}"),
    base("assets.vehicle_value", A, "车辆价值"),
    base(
        "assets.equipment_over_1m",
        C,
        "单价100万元（含）以上设备（不含车辆）",
    ),
    // The wording of templates before 2020: two kinds of costly equipment.
    base(
        "assets.general_equipment_over_500k",
        C,
        "单价50万元（含）以上通用设备",
    ),
    base(
        "assets.special_equipment_over_1m",
        C,
        "单价100万元（含）以上专用设备",
    ),
    // 预算绩效 (narrative 十一, 十二).
    base("performance.budget_total", A, "整体支出全年预算总额"),
    base("performance.executed_total", A, "整体支出实际执行总额"),
    base("performance.self_evaluations", C, "整体支出绩效自评表数"),
    base("performance.projects", C, "预算绩效评价项目数"),
    base("performance.projects_budget", A, "评价项目全年预算数"),
    base("performance.projects_executed", A, "评价项目全年执行数"),
    base("performance.excluded_projects", C, "未纳入决算项目数"),
    base("performance.excluded_budget", A, "未纳入决算项目全年预算数"),
    base(
        "performance.excluded_executed",
        A,
        "未纳入决算项目全年执行数",
    ),
    base(
        "performance.evaluated_excluded_projects",
        C,
        "绩效评价项目数（未纳入决算）",
    ),
    // 部门概况.
    base("staff.total", C, "实有人数"),
    base("staff.active", C, "在职人员"),
    base("staff.retired_cadre", C, "离休人员"),
    base("staff.retired", C, "退休人员"),
    base("staff.other", C, "其他人员（聘用等）"),
    base("staff.authorized", C, "编制数"),
    base("organization.divisions", C, "内设机构数"),
    // What the document says about itself (for the year and template rules).
    base("document.title_year", C, "标题年度"),
    base("document.heading_year", C, "章节标题年度"),
    base("document.prior_year", C, "比较年度（上年）"),
    base("document.balance_date", FactKind::Text, "资产截止日期"),
    base("document.placeholder", FactKind::Text, "未替换的模板占位符"),
];

/// Why a fact id or fact value was refused.
///
/// ```
/// use juesuan::FactId;
///
/// let err = "revenue.totl".parse::<FactId>().unwrap_err();
/// assert_eq!(err.to_string(), r#"unknown fact id "revenue.totl": expected an id such as "revenue.total" (see BASES)"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum FactError {
    /// The id matches no declared base and suffix.
    #[error("unknown fact id {id:?}: expected an id such as \"revenue.total\" (see BASES)")]
    UnknownId {
        /// The id as given.
        id: String,
    },
    /// The suffix does not apply to the base (e.g. a share of a count).
    #[error("suffix .{suffix} does not apply to {base:?}, which holds {kind}")]
    SuffixMismatch {
        /// The base part of the id.
        base: String,
        /// The suffix segment.
        suffix: String,
        /// What the base holds.
        kind: &'static str,
    },
    /// A classification code segment is malformed.
    #[error("fact id {id:?}: {reason}")]
    BadCode {
        /// The id as given.
        id: String,
        /// Why the code was refused.
        reason: String,
    },
    /// A checked lookup asked for a kind of value the id does not hold
    /// (e.g. an amount of `staff.total`, a count).
    #[error("fact {id} holds {holds}, but {asked} was asked for")]
    WrongKind {
        /// The fact id.
        id: String,
        /// What the lookup asked for.
        asked: &'static str,
        /// What the id holds.
        holds: &'static str,
    },
    /// The value does not fit the kind the id requires.
    #[error("fact {id}: expected {expected}, but found {found:?}{detail}")]
    BadValue {
        /// The fact id.
        id: String,
        /// What the id requires.
        expected: &'static str,
        /// The value as given.
        found: String,
        /// Extra explanation (starts with ": " when present).
        detail: String,
    },
}

impl fmt::Display for FactKind {
    /// The name in snake case ([`FactKind::as_str`]).
    ///
    /// ```
    /// assert_eq!(juesuan::fact::FactKind::SignedCount.to_string(), "signed_count");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FactKind {
    /// The name in snake case: `amount`, `percent`, `count`,
    /// `signed_count`, `quantity`, `text`.
    ///
    /// ```
    /// assert_eq!(juesuan::fact::FactKind::Amount.as_str(), "amount");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            FactKind::Amount => "amount",
            FactKind::Percent => "percent",
            FactKind::Count => "count",
            FactKind::SignedCount => "signed_count",
            FactKind::Quantity => "quantity",
            FactKind::Text => "text",
        }
    }

    /// A short English description, for messages.
    ///
    /// ```
    /// assert_eq!(juesuan::fact::FactKind::Count.describe(), "a whole number of at least 0");
    /// ```
    pub const fn describe(self) -> &'static str {
        match self {
            FactKind::Amount => "an amount such as \"74194.06\"",
            FactKind::Percent => "a percentage such as \"93.43\"",
            FactKind::Count => "a whole number of at least 0",
            FactKind::SignedCount => "a whole number such as \"-25\"",
            FactKind::Quantity => "a number such as \"165381.14\"",
            FactKind::Text => "text",
        }
    }
}

/// Segment kinds that a pattern placeholder accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Function(FunctionCode),
    Economic(EconomicCode),
    Vehicle(VehicleKind),
}

/// What a parsed id is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parsed {
    spec: &'static BaseSpec,
    slot: Option<Slot>,
    suffix: Option<Suffix>,
    base_len: usize,
    key: Key,
}

/// A fact id as one number, ordered as the schema is: the base's position in
/// [`BASES`], then its code in table order (`208 < 20801 < 2080101 < 20802`)
/// or vehicle kind, then the suffix (none first, then [`Suffix::ALL`]
/// order). A base and all its suffixes are adjacent, and the rows of one
/// table column are contiguous, in table order.
///
/// Layout: base index in bits 40.., slot in bits 8..40, suffix in bits 0..8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Key(u64);

impl Key {
    fn new(base: u16, slot: Option<Slot>, suffix: Option<Suffix>) -> Key {
        let slot = match slot {
            None => 0,
            Some(Slot::Function(c)) => c.ordinal(),
            Some(Slot::Economic(c)) => c.ordinal(),
            Some(Slot::Vehicle(k)) => k as u32,
        };
        Key(u64::from(base) << 40 | u64::from(slot) << 8 | u64::from(suffix_code(suffix)))
    }

    /// The number itself.
    pub(crate) fn raw(self) -> u64 {
        self.0
    }

    /// The base and slot without the suffix: equal for `x` and `x.share`.
    pub(crate) fn group(self) -> u64 {
        self.0 >> 8
    }

    /// The position of the base in [`BASES`].
    pub(crate) fn base_index(self) -> usize {
        (self.0 >> 40) as usize
    }

    /// The same base and slot with another suffix.
    pub(crate) fn with_suffix(self, suffix: Option<Suffix>) -> Key {
        Key(self.0 & !0xff | u64::from(suffix_code(suffix)))
    }

    /// The suffix part: 0 for none (see [`suffix_code`]).
    pub(crate) fn suffix_code(self) -> u8 {
        (self.0 & 0xff) as u8
    }

    /// This base and suffix with the slot (code) of `other`.
    pub(crate) fn with_slot_of(self, other: Key) -> Key {
        const SLOT: u64 = ((1 << 32) - 1) << 8;
        Key(self.0 & !SLOT | other.0 & SLOT)
    }
}

impl Key {
    /// The fact id this key stands for (the inverse of [`FactId::key`]).
    pub(crate) fn id(self) -> Option<FactId> {
        use std::fmt::Write as _;
        let spec = BASES.get(self.base_index())?;
        let slot = ((self.0 >> 8) & 0xffff_ffff) as u32;
        let mut text = String::with_capacity(spec.pattern.len() + 24);
        for (i, seg) in spec.pattern.split('.').enumerate() {
            if i > 0 {
                text.push('.');
            }
            match seg {
                "{f}" => write!(text, "{}", FunctionCode::from_ordinal(slot)?).ok()?,
                "{e}" => write!(text, "{}", EconomicCode::from_ordinal(slot)?).ok()?,
                "{v}" => text.push_str(VehicleKind::ALL.get(slot as usize)?.id_segment()),
                lit => text.push_str(lit),
            }
        }
        if let Some(code) = self.suffix_code().checked_sub(1) {
            text.push('.');
            text.push_str(Suffix::ALL.get(usize::from(code))?.as_str());
        }
        FactId::new(&text).ok().filter(|id| id.key() == self)
    }
}

/// 0 for no suffix, else 1 + the position in [`Suffix::ALL`].
pub(crate) fn suffix_code(suffix: Option<Suffix>) -> u8 {
    suffix.map_or(0, |s| s as u8 + 1)
}

/// One segment of a compiled base pattern.
#[derive(Debug, Clone, Copy)]
enum Seg {
    Lit(&'static str),
    Function,
    Economic,
    Vehicle,
}

/// A base pattern split into segments once.
struct Compiled {
    spec: &'static BaseSpec,
    index: u16,
    segs: Vec<Seg>,
}

/// The declared bases, compiled and grouped by their first segment, so an
/// id is matched against the few bases that can fit it.
fn index() -> &'static std::collections::HashMap<&'static str, Vec<Compiled>, IdHash> {
    static INDEX: std::sync::OnceLock<
        std::collections::HashMap<&'static str, Vec<Compiled>, IdHash>,
    > = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: std::collections::HashMap<&'static str, Vec<Compiled>, IdHash> =
            std::collections::HashMap::with_hasher(IdHash::default());
        for (index, spec) in BASES.iter().enumerate() {
            let index = u16::try_from(index).unwrap_or(u16::MAX);
            let segs: Vec<Seg> = spec
                .pattern
                .split('.')
                .map(|p| match p {
                    "{f}" => Seg::Function,
                    "{e}" => Seg::Economic,
                    "{v}" => Seg::Vehicle,
                    lit => Seg::Lit(lit),
                })
                .collect();
            let first = spec.pattern.split('.').next().unwrap_or("");
            map.entry(first)
                .or_default()
                .push(Compiled { spec, index, segs });
        }
        map
    })
}

/// Matches `segments` against a compiled pattern. `Err` for a code segment
/// that is all digits but malformed (so the user hears why), `Ok(None)` for
/// no match.
fn match_base(c: &Compiled, segments: &[&str]) -> Result<Option<Option<Slot>>, String> {
    if c.segs.len() != segments.len() {
        return Ok(None);
    }
    let mut slot = None;
    for (pat, seg) in c.segs.iter().zip(segments) {
        let digits = !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit());
        match pat {
            Seg::Lit(lit) => {
                if lit != seg {
                    return Ok(None);
                }
            }
            Seg::Function if digits => {
                // Fast path for the usual bare digits; the full parser only
                // to explain a malformed code.
                let fast = seg
                    .parse::<u32>()
                    .ok()
                    .filter(|_| matches!(seg.len(), 3 | 5 | 7))
                    .and_then(|n| FunctionCode::try_from(n).ok());
                match fast.map_or_else(|| seg.parse::<FunctionCode>(), Ok) {
                    Ok(code) => slot = Some(Slot::Function(code)),
                    Err(e) => return Err(e.to_string()),
                }
            }
            Seg::Economic if digits => {
                let fast = seg
                    .parse::<u32>()
                    .ok()
                    .filter(|_| matches!(seg.len(), 3 | 5))
                    .and_then(|n| EconomicCode::try_from(n).ok());
                match fast.map_or_else(|| seg.parse::<EconomicCode>(), Ok) {
                    Ok(code) => slot = Some(Slot::Economic(code)),
                    Err(e) => return Err(e.to_string()),
                }
            }
            Seg::Function | Seg::Economic => return Ok(None),
            Seg::Vehicle => match VehicleKind::from_id_segment(seg) {
                Some(k) => slot = Some(Slot::Vehicle(k)),
                None => return Ok(None),
            },
        }
    }
    Ok(Some(slot))
}

/// The most segments an id can have: the longest base plus a suffix.
const MAX_SEGMENTS: usize = 8;

/// How many parsed ids each thread remembers. Reports use a few thousand
/// distinct ids at most; the cap bounds memory on adversarial input.
const CACHE_CAPACITY: usize = 1 << 16;

thread_local! {
    static PARSED: std::cell::RefCell<
        std::collections::HashMap<std::sync::Arc<str>, Parsed, IdHash>,
    > = std::cell::RefCell::new(std::collections::HashMap::with_hasher(IdHash::default()));
}

/// Hashing for the id caches: foldhash, seeded once per process so that
/// colliding ids cannot be prepared in advance. SipHash, the default, was a
/// fifth of the cost of reading a report's JSON.
type IdHash = foldhash::fast::RandomState;

/// [`parse_id`], remembered per thread: loading many reports parses the
/// same ids over and over. Returns the shared text too, so a remembered id
/// costs no allocation.
fn parse_cached(id: &str) -> Result<(std::sync::Arc<str>, Parsed), FactError> {
    let hit = PARSED.with(|c| {
        c.borrow()
            .get_key_value(id)
            .map(|(k, p)| (std::sync::Arc::clone(k), *p))
    });
    if let Some(hit) = hit {
        return Ok(hit);
    }
    let parsed = parse_id(id)?;
    let text: std::sync::Arc<str> = id.into();
    PARSED.with(|c| {
        let mut cache = c.borrow_mut();
        if cache.len() < CACHE_CAPACITY {
            cache.insert(std::sync::Arc::clone(&text), parsed);
        }
    });
    Ok((text, parsed))
}

/// The key of `id` if it is a valid id (see [`parse_cached`]; no text is
/// shared out, so nothing is cloned).
pub(crate) fn key_of(id: &str) -> Option<Key> {
    let hit = PARSED.with(|c| c.borrow().get(id).map(|p| p.key));
    hit.or_else(|| parse_cached(id).ok().map(|(_, p)| p.key))
}

fn parse_id(id: &str) -> Result<Parsed, FactError> {
    let unknown = || FactError::UnknownId { id: id.to_owned() };
    let mut buf = [""; MAX_SEGMENTS];
    let mut n = 0;
    for seg in id.split('.') {
        let slot = buf.get_mut(n).ok_or_else(unknown)?;
        *slot = seg;
        n += 1;
    }
    let segments = buf.get(..n).ok_or_else(unknown)?;
    let candidates = segments
        .first()
        .and_then(|first| index().get(first))
        .ok_or_else(unknown)?;
    let mut bad_code = None;
    // Longest base first, so "assets.vehicles.other" is a base, not a suffix.
    for split in [n, n.saturating_sub(1)] {
        let Some(head) = segments.get(..split) else {
            continue;
        };
        let suffix = match segments.get(split) {
            None => None,
            Some(s) => match Suffix::from_segment(s) {
                Some(x) => Some(x),
                None => continue,
            },
        };
        for c in candidates {
            match match_base(c, head) {
                Ok(Some(slot)) => {
                    let base_len = head.iter().map(|s| s.len()).sum::<usize>() + head.len() - 1;
                    if let Some(sfx) = suffix {
                        if sfx.kind_on(c.spec.kind).is_none() {
                            return Err(FactError::SuffixMismatch {
                                base: id.get(..base_len).unwrap_or(id).to_owned(),
                                suffix: sfx.as_str().to_owned(),
                                kind: c.spec.kind.describe(),
                            });
                        }
                    }
                    return Ok(Parsed {
                        spec: c.spec,
                        slot,
                        suffix,
                        base_len,
                        key: Key::new(c.index, slot, suffix),
                    });
                }
                Ok(None) => {}
                Err(reason) => bad_code = Some(reason),
            }
        }
    }
    Err(match bad_code {
        Some(reason) => FactError::BadCode {
            id: id.to_owned(),
            reason,
        },
        None => unknown(),
    })
}

/// A validated fact identifier such as `revenue.total`.
///
/// Parsing checks the id against [`BASES`] and [`Suffix`]; codes inside it
/// must be well-formed. Ids order as the schema does, not as strings: by
/// the base's position in [`BASES`], then code in table order, then suffix
/// (none first, then [`Suffix::ALL`] order), so a figure and its share,
/// change and rate sort together.
///
/// ```
/// use juesuan::{FactId, fact::FactKind, fact::Suffix};
///
/// let id: FactId = "general_budget.function.2080101.change".parse()?;
/// assert_eq!(id.kind(), FactKind::Amount);
/// assert_eq!(id.suffix(), Some(Suffix::Change));
/// assert_eq!(id.function_code().map(|c| c.to_string()), Some("2080101".into()));
/// assert_eq!(id.label(), "一般公共预算财政拨款支出 2080101 比上年增减");
/// assert!("general_budget.function.208001".parse::<FactId>().is_err());
///
/// let ids: Vec<FactId> = ["revenue.function.205", "revenue.total.share", "revenue.total"]
///     .iter().map(|s| s.parse()).collect::<Result<_, _>>()?;
/// let mut sorted = ids.clone();
/// sorted.sort();
/// assert_eq!(sorted, [ids[2].clone(), ids[1].clone(), ids[0].clone()]);
/// # Ok::<(), juesuan::fact::FactError>(())
/// ```
#[doc(alias = "事实")]
#[derive(Clone)]
pub struct FactId {
    text: std::sync::Arc<str>,
    parsed: Parsed,
}

// Equality, hashing and order all go by the key, which is one-to-one with
// the text (codes and vehicle kinds have one spelling each).
impl PartialEq for FactId {
    fn eq(&self, other: &FactId) -> bool {
        self.parsed.key == other.parsed.key
    }
}

impl Eq for FactId {}

impl std::hash::Hash for FactId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.parsed.key.hash(state);
    }
}

impl PartialOrd for FactId {
    fn partial_cmp(&self, other: &FactId) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FactId {
    fn cmp(&self, other: &FactId) -> std::cmp::Ordering {
        self.parsed.key.cmp(&other.parsed.key)
    }
}

impl FactId {
    /// Parses and validates a fact id.
    ///
    /// # Errors
    ///
    /// [`FactError::UnknownId`] when no declared base matches,
    /// [`FactError::SuffixMismatch`] when the suffix does not apply to the
    /// base, [`FactError::BadCode`] when a code segment is malformed.
    ///
    /// ```
    /// use juesuan::FactId;
    /// assert!(FactId::new("three_public.vehicles_held").is_ok());
    /// assert!(FactId::new("three_public.vehicles_held.share").is_err());
    /// ```
    pub fn new(id: &str) -> Result<FactId, FactError> {
        let (text, parsed) = parse_cached(id)?;
        Ok(FactId { text, parsed })
    }

    /// The id as a string.
    ///
    /// ```
    /// let id = juesuan::FactId::new("revenue.total")?;
    /// assert_eq!(id.as_str(), "revenue.total");
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The id as one number in schema order.
    pub(crate) fn key(&self) -> Key {
        self.parsed.key
    }

    /// The kind of value this fact holds.
    ///
    /// ```
    /// use juesuan::{FactId, fact::FactKind};
    /// assert_eq!(FactId::new("staff.active.change")?.kind(), FactKind::SignedCount);
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn kind(&self) -> FactKind {
        let p = self.parsed;
        match p.suffix {
            Some(s) => s.kind_on(p.spec.kind).unwrap_or(FactKind::Text),
            None => p.spec.kind,
        }
    }

    /// The base part of the id (everything before the suffix).
    ///
    /// ```
    /// let id = juesuan::FactId::new("revenue.business.share")?;
    /// assert_eq!(id.base(), "revenue.business");
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn base(&self) -> &str {
        self.text.get(..self.parsed.base_len).unwrap_or(&self.text)
    }

    /// The suffix, if any.
    ///
    /// ```
    /// let id = juesuan::FactId::new("revenue.business")?;
    /// assert_eq!(id.suffix(), None);
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn suffix(&self) -> Option<Suffix> {
        self.parsed.suffix
    }

    /// The declared base this id instantiates.
    ///
    /// ```
    /// let id = juesuan::FactId::new("general_budget.function.205.share")?;
    /// assert_eq!(id.spec().pattern, "general_budget.function.{f}");
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn spec(&self) -> &'static BaseSpec {
        self.parsed.spec
    }

    /// The function code inside the id, if its base has one.
    ///
    /// ```
    /// let id = juesuan::FactId::new("general_budget.function.205")?;
    /// assert_eq!(id.function_code().map(|c| c.to_string()), Some("205".into()));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn function_code(&self) -> Option<FunctionCode> {
        match self.parsed.slot? {
            Slot::Function(c) => Some(c),
            _ => None,
        }
    }

    /// The economic code inside the id, if its base has one.
    ///
    /// ```
    /// let id = juesuan::FactId::new("basic.economic.30101")?;
    /// assert_eq!(id.economic_code().map(|c| c.to_string()), Some("30101".into()));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn economic_code(&self) -> Option<EconomicCode> {
        match self.parsed.slot? {
            Slot::Economic(c) => Some(c),
            _ => None,
        }
    }

    /// The vehicle kind inside the id, if its base has one.
    ///
    /// ```
    /// use juesuan::{FactId, fact::VehicleKind};
    /// let id = FactId::new("assets.vehicles.other")?;
    /// assert_eq!(id.vehicle_kind(), Some(VehicleKind::Other));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn vehicle_kind(&self) -> Option<VehicleKind> {
        match self.parsed.slot? {
            Slot::Vehicle(k) => Some(k),
            _ => None,
        }
    }

    /// The same base with another suffix (or none).
    ///
    /// ```
    /// use juesuan::{FactId, fact::Suffix};
    /// let id = FactId::new("revenue.business.share")?;
    /// assert_eq!(id.with_suffix(Some(Suffix::Change))?.as_str(), "revenue.business.change");
    /// assert_eq!(id.with_suffix(None)?.as_str(), "revenue.business");
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`FactError::SuffixMismatch`] when the suffix does not apply.
    pub fn with_suffix(&self, suffix: Option<Suffix>) -> Result<FactId, FactError> {
        let base = self.base();
        match suffix {
            None => FactId::new(base),
            Some(s) => FactId::new(&format!("{base}.{}", s.as_str())),
        }
    }

    /// The Chinese label: the base's label with codes filled in, then the
    /// suffix's label.
    ///
    /// ```
    /// let id = juesuan::FactId::new("revenue.appropriation.share")?;
    /// assert_eq!(id.label(), "财政拨款收入 占比");
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn label(&self) -> String {
        let p = self.parsed;
        let fill = match p.slot {
            Some(Slot::Function(c)) => c.to_string(),
            Some(Slot::Economic(c)) => c.to_string(),
            Some(Slot::Vehicle(k)) => k.label().to_owned(),
            None => String::new(),
        };
        let mut label = p
            .spec
            .label
            .replace("{f}", &fill)
            .replace("{e}", &fill)
            .replace("{v}", &fill);
        if let Some(s) = p.suffix {
            label.push(' ');
            label.push_str(s.label());
        }
        label
    }
}

impl fmt::Debug for FactId {
    /// The id as its text: `FactId("revenue.total")`.
    ///
    /// ```
    /// let id = juesuan::FactId::new("revenue.total")?;
    /// assert_eq!(format!("{id:?}"), r#"FactId("revenue.total")"#);
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("FactId").field(&&*self.text).finish()
    }
}

impl fmt::Display for FactId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl FromStr for FactId {
    type Err = FactError;

    fn from_str(s: &str) -> Result<FactId, FactError> {
        FactId::new(s)
    }
}

impl AsRef<str> for FactId {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl Serialize for FactId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for FactId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<FactId, D::Error> {
        let s = String::deserialize(deserializer)?;
        FactId::new(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_base_parses_as_itself() {
        for spec in BASES {
            let id = spec
                .pattern
                .replace("{f}", "2080101")
                .replace("{e}", "30101")
                .replace("{v}", "other");
            let parsed = FactId::new(&id).unwrap();
            assert_eq!(parsed.spec().pattern, spec.pattern, "{id}");
            assert_eq!(parsed.kind(), spec.kind, "{id}");
            assert_eq!(parsed.suffix(), None, "{id}");
        }
    }

    #[test]
    fn keys_give_back_their_ids() {
        for spec in BASES {
            for code in [
                "208",
                "20805",
                "2080505",
                "30101",
                "302",
                "other",
                "ministerial",
            ] {
                let id = spec
                    .pattern
                    .replace("{f}", code)
                    .replace("{e}", code)
                    .replace("{v}", code);
                for suffix in std::iter::once(None).chain(Suffix::ALL.map(Some)) {
                    let text = match suffix {
                        None => id.clone(),
                        Some(s) => format!("{id}.{}", s.as_str()),
                    };
                    if let Ok(parsed) = FactId::new(&text) {
                        assert_eq!(parsed.key().id().as_ref(), Some(&parsed), "{text}");
                        assert_eq!(parsed.key().id().unwrap().as_str(), text);
                    }
                }
            }
        }
    }

    #[test]
    fn design_ids_parse() {
        for id in [
            "revenue.total",
            "general_budget.function.2080101.change",
            "general_budget.function.208.share",
            "three_public.vehicles.budget_variance_rate",
            "three_public.reception_persons",
            "assets.vehicles.other",
            "assets.vehicles.change",
            "staff.retired.change",
            "appropriation.initial_budget",
            "general_budget.expenditure.budget",
            "expenditure.function.205.basic",
            "government_fund.expenditure.basic",
            "basic.economic.302",
        ] {
            assert!(FactId::new(id).is_ok(), "{id}");
        }
    }

    #[test]
    fn bad_ids_say_why() {
        let e = FactId::new("general_budget.function.208001").unwrap_err();
        assert!(matches!(e, FactError::BadCode { .. }), "{e}");
        assert!(e.to_string().contains("208001"));
        let e = FactId::new("staff.total.share").unwrap_err();
        assert!(matches!(e, FactError::SuffixMismatch { .. }), "{e}");
        assert!(FactId::new("").is_err());
        assert!(FactId::new("revenue").is_err());
        assert!(FactId::new("revenue.total.share.share").is_err());
        assert!(FactId::new("assets.vehicles.bus").is_err());
    }

    #[test]
    fn kinds_follow_suffixes() {
        let k = |s: &str| FactId::new(s).unwrap().kind();
        assert_eq!(k("revenue.total.change"), FactKind::Amount);
        assert_eq!(k("revenue.total.reason"), FactKind::Text);
        assert_eq!(k("assets.building_area"), FactKind::Quantity);
        assert_eq!(k("staff.total.change"), FactKind::SignedCount);
        assert_eq!(
            k("general_budget.function.2080104.cited_code"),
            FactKind::Text
        );
    }
}
