//! Where a sentence stands in a report (part, section) and what its labels name there.
//!
//! The same words mean different figures in different sections: 年初结转和结余 is the
//! report's opening balance in 一、 and the fund's in 七、; 公用经费 is the 基本支出 item
//! in 六、 and the institutions' public cost in 十、. The label tables below say, per
//! section, which label names which fact base.

use std::sync::OnceLock;

use super::patterns::{IdeographSet, is_ideograph};
use crate::fact::VehicleKind;

/// The parts of a report (第一部分 …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// Before the first heading: the title.
    Title,
    /// The table of contents.
    Contents,
    /// 部门概况.
    Overview,
    /// The nine tables, skipped.
    Tables,
    /// 部门决算情况说明.
    Narrative,
    /// 名词解释, skipped.
    Glossary,
    /// A text without part headings.
    Unknown,
}

/// The sections (一、 …) whose sentences the reader knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    /// 主要职能: no figures.
    Functions,
    /// 机构设置及人员情况, 部门决算单位构成.
    Overview,
    /// 收入支出决算总体情况说明.
    Totals,
    /// 收入决算情况说明.
    Revenue,
    /// 支出决算情况说明.
    Expenditure,
    /// 财政拨款收入支出决算总体情况说明.
    Appropriation,
    /// 一般公共预算财政拨款支出决算情况说明.
    GeneralBudget,
    /// 一般公共预算财政拨款基本支出决算情况说明.
    Basic,
    /// 政府性基金预算财政拨款收入支出决算情况说明.
    GovernmentFund,
    /// 国有资本经营预算财政拨款收入支出决算情况说明.
    StateCapital,
    /// 财政拨款“三公”经费支出决算情况说明.
    ThreePublic,
    /// 其他重要事项的情况说明 (机关运行经费, 政府采购, 国有资产).
    Other,
    /// 预算绩效的情况说明.
    Performance,
    /// 其他需说明的事项.
    OtherMatters,
    /// No section heading seen (a fragment): every table applies.
    Unknown,
}

impl Section {
    const fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// Classifies a section heading (its text after the marker) of the narrative.
pub(super) fn narrative_section(heading: &str) -> Option<Section> {
    let has = |w: &str| heading.contains(w);
    let section = if has("三公") {
        Section::ThreePublic
    } else if has("政府性基金") {
        Section::GovernmentFund
    } else if has("国有资本经营") {
        Section::StateCapital
    } else if has("基本支出") {
        Section::Basic
    } else if has("一般公共预算") {
        Section::GeneralBudget
    } else if has("财政拨款收入支出") {
        Section::Appropriation
    } else if has("收入支出决算总体") || has("收入支出总体") {
        Section::Totals
    } else if has("收入决算") {
        Section::Revenue
    } else if has("支出决算") {
        Section::Expenditure
    } else if has("绩效") {
        Section::Performance
    } else if has("其他需说明") || has("其他需要说明") {
        Section::OtherMatters
    } else if has("其他重要事项") || has("机关运行经费") || has("政府采购") || has("国有资产")
    {
        Section::Other
    } else if has("主要职能") || has("职能") {
        Section::Functions
    } else if has("机构设置") || has("人员情况") || has("单位构成") {
        Section::Overview
    } else {
        return None;
    };
    Some(section)
}

/// Classifies a part heading (第一部分 …).
pub(super) fn part(heading: &str) -> Part {
    if heading.contains("概况") {
        Part::Overview
    } else if heading.contains("名词解释") {
        Part::Glossary
    } else if heading.contains("决算表") || heading.contains("报表") {
        Part::Tables
    } else {
        Part::Narrative
    }
}

/// What a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// One fact base.
    One(&'static str),
    /// Two fact bases stated by one figure (收入支出总计 is both totals).
    Two(&'static str, &'static str),
    /// 价值: the value of the asset named last (房屋 or 车辆).
    AssetValue,
}

impl Target {
    /// The base the following relations (share, change, reason) are about.
    pub(super) fn subject(self) -> Option<&'static str> {
        match self {
            Target::One(id) | Target::Two(id, _) => Some(id),
            Target::AssetValue => None,
        }
    }
}

/// The kind of figure a label expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Want {
    /// Money.
    Amount,
    /// A count.
    Count,
    /// An area.
    Quantity,
}

/// One label: the words, what they name, which figure they take, where they apply.
#[derive(Debug, Clone, Copy)]
pub(super) struct Label {
    pub key: &'static str,
    pub target: Target,
    pub want: Want,
    sections: u32,
}

// Runs at compile time: an index out of range fails the build, it cannot panic at run time.
#[allow(clippy::indexing_slicing)]
const fn mask(sections: &[Section]) -> u32 {
    let mut m = 0;
    let mut i = 0;
    while i < sections.len() {
        m |= sections[i].bit();
        i += 1;
    }
    m
}

use Section as S;

const TOTALS: u32 = mask(&[S::Totals, S::Revenue, S::Expenditure]);
const REVENUE: u32 = mask(&[S::Revenue, S::Totals]);
const EXPENDITURE: u32 = mask(&[S::Expenditure, S::Totals]);
const APPROPRIATION: u32 = mask(&[S::Appropriation]);
const GENERAL: u32 = mask(&[S::GeneralBudget]);
const BASIC: u32 = mask(&[S::Basic]);
const FUND: u32 = mask(&[S::GovernmentFund]);
const CAPITAL: u32 = mask(&[S::StateCapital]);
const THREE: u32 = mask(&[S::ThreePublic]);
const OTHER: u32 = mask(&[S::Other]);
const ASSETS: u32 = mask(&[S::Other, S::ThreePublic]);
const PERFORMANCE: u32 = mask(&[S::Performance]);
const MATTERS: u32 = mask(&[S::OtherMatters]);
const OVERVIEW: u32 = mask(&[S::Overview]);

const fn amount(key: &'static str, id: &'static str, sections: u32) -> Label {
    Label {
        key,
        target: Target::One(id),
        want: Want::Amount,
        sections,
    }
}

const fn count(key: &'static str, id: &'static str, sections: u32) -> Label {
    Label {
        key,
        target: Target::One(id),
        want: Want::Count,
        sections,
    }
}

const fn both(key: &'static str, a: &'static str, b: &'static str, sections: u32) -> Label {
    Label {
        key,
        target: Target::Two(a, b),
        want: Want::Amount,
        sections,
    }
}

/// Every label, in priority order for equal lengths (the first wins). Keys are
/// compared without quotation marks.
pub(super) const LABELS: &[Label] = &[
    // 一、收入支出决算总体情况.
    both("收入支出总计", "revenue.total", "expenditure.total", TOTALS),
    amount("收入支出总体", "revenue.total", TOTALS),
    amount("收入总计", "revenue.total", TOTALS),
    amount("本年收入合计", "revenue.current_year", TOTALS),
    amount(
        "使用非财政拨款结余",
        "revenue.non_appropriation_balance_used",
        TOTALS,
    ),
    amount("年初结转和结余", "revenue.opening_balance", TOTALS),
    amount("支出总计", "expenditure.total", TOTALS),
    amount("本年支出合计", "expenditure.current_year", TOTALS),
    amount("结余分配", "expenditure.surplus_distribution", TOTALS),
    amount("年末结转和结余", "expenditure.closing_balance", TOTALS),
    // 二、收入决算.
    amount("本年收入", "revenue.current_year", REVENUE),
    amount("财政拨款收入", "revenue.appropriation", REVENUE),
    amount(
        "一般公共预算财政拨款收入",
        "revenue.general_budget",
        REVENUE,
    ),
    amount(
        "政府性基金预算财政拨款收入",
        "revenue.government_fund",
        REVENUE,
    ),
    amount(
        "国有资本经营预算财政拨款收入",
        "revenue.state_capital",
        REVENUE,
    ),
    amount("上级补助收入", "revenue.superior_subsidy", REVENUE),
    amount("事业收入", "revenue.business", REVENUE),
    amount("经营收入", "revenue.operating", REVENUE),
    amount("附属单位上缴收入", "revenue.affiliate_remittance", REVENUE),
    amount("其他收入", "revenue.other", REVENUE),
    // 三、支出决算.
    amount("本年支出", "expenditure.current_year", EXPENDITURE),
    amount("基本支出", "expenditure.basic", EXPENDITURE),
    amount("项目支出", "expenditure.project", EXPENDITURE),
    amount(
        "上缴上级支出",
        "expenditure.remittance_to_superior",
        EXPENDITURE,
    ),
    amount("经营支出", "expenditure.operating", EXPENDITURE),
    amount(
        "对附属单位补助支出",
        "expenditure.subsidy_to_affiliates",
        EXPENDITURE,
    ),
    // 四、财政拨款收入支出决算总体情况.
    both(
        "财政拨款收入支出总计",
        "appropriation.revenue_total",
        "appropriation.expenditure_total",
        APPROPRIATION,
    ),
    amount(
        "财政拨款收入支出总体",
        "appropriation.revenue_total",
        APPROPRIATION,
    ),
    amount(
        "财政拨款收入总计",
        "appropriation.revenue_total",
        APPROPRIATION,
    ),
    amount(
        "年初财政拨款结转和结余",
        "appropriation.opening_balance",
        APPROPRIATION,
    ),
    amount("本年财政拨款收入", "appropriation.revenue", APPROPRIATION),
    amount(
        "财政拨款支出总计",
        "appropriation.expenditure_total",
        APPROPRIATION,
    ),
    amount(
        "年末财政拨款结转和结余",
        "appropriation.closing_balance",
        APPROPRIATION,
    ),
    amount(
        "本年财政拨款支出",
        "appropriation.expenditure",
        APPROPRIATION,
    ),
    // 五、一般公共预算财政拨款支出.
    amount(
        "一般公共预算财政拨款支出",
        "general_budget.expenditure",
        GENERAL,
    ),
    amount(
        "一般公共预算财政拨款",
        "general_budget.expenditure",
        GENERAL,
    ),
    // 六、基本支出.
    amount("一般公共预算财政拨款基本支出", "basic.total", BASIC),
    amount("基本支出", "basic.total", BASIC),
    amount("人员经费", "basic.personnel", BASIC),
    amount("公用经费", "basic.public", BASIC),
    // 七、政府性基金.
    amount(
        "政府性基金预算财政拨款收入",
        "government_fund.revenue",
        FUND,
    ),
    amount(
        "政府性基金预算财政拨款支出",
        "government_fund.expenditure",
        FUND,
    ),
    amount("年初结转和结余", "government_fund.opening_balance", FUND),
    amount("本年收入", "government_fund.revenue", FUND),
    amount("本年支出", "government_fund.expenditure", FUND),
    amount("年末结转和结余", "government_fund.closing_balance", FUND),
    // 八、国有资本经营.
    amount(
        "国有资本经营预算财政拨款收入",
        "state_capital.revenue",
        CAPITAL,
    ),
    amount(
        "国有资本经营预算财政拨款支出",
        "state_capital.expenditure",
        CAPITAL,
    ),
    amount("年初结转和结余", "state_capital.opening_balance", CAPITAL),
    amount("本年收入", "state_capital.revenue", CAPITAL),
    amount("本年支出", "state_capital.expenditure", CAPITAL),
    amount("年末结转和结余", "state_capital.closing_balance", CAPITAL),
    // 九、“三公”经费.
    amount("三公经费", "three_public.total", THREE),
    amount("因公出国（境）费", "three_public.overseas_travel", THREE),
    amount("公务用车购置及运行维护费", "three_public.vehicles", THREE),
    amount("公务用车购置费", "three_public.vehicle_purchase", THREE),
    amount("公务用车购置支出", "three_public.vehicle_purchase", THREE),
    amount(
        "公务用车运行维护费",
        "three_public.vehicle_operation",
        THREE,
    ),
    amount(
        "公务用车运行维护支出",
        "three_public.vehicle_operation",
        THREE,
    ),
    amount("公务接待费", "three_public.reception", THREE),
    count("因公出国（境）团组", "three_public.overseas_groups", THREE),
    count("团组", "three_public.overseas_groups", THREE),
    count("因公出国（境）", "three_public.overseas_persons", THREE),
    count("公务用车购置数", "three_public.vehicles_purchased", THREE),
    count("公务用车保有量", "three_public.vehicles_held", THREE),
    count("公务接待", "three_public.reception_batches", THREE),
    // 十、其他重要事项: 机关运行经费, 政府采购.
    amount("机关运行经费", "office_operating_cost", OTHER),
    amount("公用经费", "institution_public_cost", OTHER),
    amount("政府采购支出总额", "procurement.total", OTHER),
    amount("政府采购金额", "procurement.total", OTHER),
    amount("政府采购总额", "procurement.total", OTHER),
    amount("货物支出", "procurement.goods", OTHER),
    amount("货物采购金额", "procurement.goods", OTHER),
    amount("工程支出", "procurement.works", OTHER),
    amount("工程采购金额", "procurement.works", OTHER),
    amount("服务支出", "procurement.services", OTHER),
    amount("服务采购金额", "procurement.services", OTHER),
    amount("中小企业合同金额", "procurement.sme", OTHER),
    amount("小微企业合同金额", "procurement.small_micro", OTHER),
    // 国有资产.
    Label {
        key: "房屋",
        target: Target::One("assets.building_area"),
        want: Want::Quantity,
        sections: OTHER,
    },
    Label {
        key: "价值",
        target: Target::AssetValue,
        want: Want::Amount,
        sections: OTHER,
    },
    count("车辆", "assets.vehicles", ASSETS),
    // 十一、预算绩效.
    count(
        "整体支出绩效自评表",
        "performance.self_evaluations",
        PERFORMANCE,
    ),
    amount("全年预算总额", "performance.budget_total", PERFORMANCE),
    amount("实际执行总额", "performance.executed_total", PERFORMANCE),
    count("绩效评价项目", "performance.projects", PERFORMANCE),
    amount("全年预算数", "performance.projects_budget", PERFORMANCE),
    amount("全年执行数", "performance.projects_executed", PERFORMANCE),
    // 十二、其他需说明的事项.
    count("未纳入决算项目", "performance.excluded_projects", MATTERS),
    amount("全年预算数", "performance.excluded_budget", MATTERS),
    amount("全年执行数", "performance.excluded_executed", MATTERS),
    count(
        "绩效评价项目",
        "performance.evaluated_excluded_projects",
        MATTERS,
    ),
    // 部门概况.
    count("实有人数", "staff.total", OVERVIEW),
    count("在职人员", "staff.active", OVERVIEW),
    count("离休人员", "staff.retired_cadre", OVERVIEW),
    count("退休人员", "staff.retired", OVERVIEW),
    count("下设", "organization.divisions", OVERVIEW),
    count("内设机构", "organization.divisions", OVERVIEW),
];

/// The labels of the vehicle kinds (both wordings) and their id segments.
pub(super) const VEHICLE_LABELS: &[(&str, VehicleKind)] = &[
    ("副部（省）级及以上领导用车", VehicleKind::Ministerial),
    ("部级领导干部用车", VehicleKind::Ministerial),
    ("主要负责人用车", VehicleKind::Principal),
    ("主要领导干部用车", VehicleKind::Principal),
    ("机要通信用车", VehicleKind::Confidential),
    ("应急保障用车", VehicleKind::Emergency),
    ("执法执勤用车", VehicleKind::LawEnforcement),
    ("特种专业技术用车", VehicleKind::Special),
    ("离退休干部服务用车", VehicleKind::RetireeService),
    ("离退休干部用车", VehicleKind::RetireeService),
    ("其他用车", VehicleKind::Other),
];

/// A bit standing for the character `c` in a 64-bit set (collisions are fine: the set
/// only rules characters out).
fn char_bit(c: char) -> u64 {
    1 << (u32::from(c) % 64)
}

/// Indices into [`LABELS`] by the first character of their key, sorted by character,
/// and the set of those first characters.
fn index() -> (&'static [(char, Vec<usize>)], u64) {
    static INDEX: OnceLock<Vec<(char, Vec<usize>)>> = OnceLock::new();
    static FIRSTS: OnceLock<u64> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: Vec<(char, Vec<usize>)> = Vec::new();
        for (i, entry) in LABELS.iter().enumerate() {
            let Some(first) = entry.key.chars().next() else {
                continue;
            };
            match index.binary_search_by_key(&first, |(c, _)| *c) {
                Ok(k) => {
                    if let Some((_, list)) = index.get_mut(k) {
                        list.push(i);
                    }
                }
                Err(k) => index.insert(k, (first, vec![i])),
            }
        }
        index
    });
    let firsts = *FIRSTS.get_or_init(|| index.iter().fold(0, |set, (c, _)| set | char_bit(*c)));
    (index, firsts)
}

/// The ideographs a label key starts with: an exact test for the common characters,
/// before the index is searched.
// Runs at compile time: an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
const LABEL_FIRSTS: IdeographSet = {
    let mut set = IdeographSet::EMPTY;
    let mut i = 0;
    while i < LABELS.len() {
        set = set.with_first_of(LABELS[i].key);
        i += 1;
    }
    set
};

fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'')
}

/// The label `label` contains that applies in `section` and takes a figure of kind
/// `want` (any kind when `None`): the longest key wins, then the first listed. Quotation
/// marks in `label` are ignored (keys have none).
pub(super) fn lookup(label: &str, section: Section, want: Option<Want>) -> Option<&'static Label> {
    if label.is_empty() {
        return None;
    }
    let plain: String;
    let label = if label.contains(is_quote) {
        plain = label.chars().filter(|c| !is_quote(*c)).collect();
        plain.as_str()
    } else {
        label
    };
    let (index, firsts) = index();
    let bit = section.bit();
    let mut best: Option<(usize, usize)> = None;
    for (at, c) in label.char_indices() {
        let may_start = if is_ideograph(c) {
            LABEL_FIRSTS.contains(c)
        } else {
            firsts & char_bit(c) != 0
        };
        if !may_start {
            continue;
        }
        let Ok(k) = index.binary_search_by_key(&c, |(c, _)| *c) else {
            continue;
        };
        let Some((_, candidates)) = index.get(k) else {
            continue;
        };
        let rest = label.get(at..).unwrap_or_default();
        for &i in candidates {
            let Some(entry) = LABELS.get(i) else {
                continue;
            };
            if section != Section::Unknown && entry.sections & bit == 0 {
                continue;
            }
            if want.is_some_and(|w| w != entry.want) || !rest.starts_with(entry.key) {
                continue;
            }
            let better = best
                .is_none_or(|(len, j)| entry.key.len() > len || (entry.key.len() == len && i < j));
            if better {
                best = Some((entry.key.len(), i));
            }
        }
    }
    best.and_then(|(_, i)| LABELS.get(i))
}

/// The vehicle kind a label names, if any.
pub(super) fn vehicle_kind(label: &str) -> Option<VehicleKind> {
    VEHICLE_LABELS
        .iter()
        .filter(|(key, _)| label.contains(key))
        .max_by_key(|(key, _)| key.len())
        .map(|(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(label: &str, section: Section, want: Option<Want>) -> Option<&'static str> {
        lookup(label, section, want).and_then(|l| l.target.subject())
    }

    #[test]
    fn longest_label_wins() {
        assert_eq!(
            id("2024年度收入总计", S::Totals, Some(Want::Amount)),
            Some("revenue.total")
        );
        assert_eq!(
            id("本年收入合计", S::Totals, None),
            Some("revenue.current_year")
        );
        assert_eq!(
            id("其中：本年财政拨款收入", S::Appropriation, None),
            Some("appropriation.revenue")
        );
        assert_eq!(
            id("公务用车购置及运行维护费支出", S::ThreePublic, None),
            Some("three_public.vehicles")
        );
        assert_eq!(
            id(
                "单位全年安排的因公出国（境）团组",
                S::ThreePublic,
                Some(Want::Count)
            ),
            Some("three_public.overseas_groups")
        );
        assert_eq!(
            id("2024年度财政拨款“三公”经费支出", S::ThreePublic, None),
            Some("three_public.total")
        );
        assert_eq!(id("公用经费", S::Basic, None), Some("basic.public"));
        assert_eq!(
            id("（事业单位）公用经费支出", S::Other, None),
            Some("institution_public_cost")
        );
        assert_eq!(id("比上年决算", S::GeneralBudget, None), None);
    }

    #[test]
    fn headings() {
        assert_eq!(
            narrative_section("财政拨款“三公”经费支出决算情况说明"),
            Some(S::ThreePublic)
        );
        assert_eq!(
            narrative_section("财政拨款收入支出决算总体情况说明"),
            Some(S::Appropriation)
        );
        assert_eq!(narrative_section("收入决算情况说明"), Some(S::Revenue));
        assert_eq!(narrative_section("支出决算情况说明"), Some(S::Expenditure));
        assert_eq!(narrative_section("其他需说明的事项"), Some(S::OtherMatters));
        assert_eq!(part("部门决算报表（见附表）"), Part::Tables);
        assert_eq!(vehicle_kind("、其他用车"), Some(VehicleKind::Other));
    }
}
