//! The accounting identities (勾稽关系), declared once as data.
//!
//! The audit evaluates these tables; the strict model's constructors run the
//! same audit; the proptest generators compute totals from parts with them.
//! An id names the table (T1…T9) or area and the relation; ids are stable.

/// `total = Σ parts`, between fact ids (amounts or counts).
///
/// ```
/// use juesuan::audit::SUM_IDENTITIES;
///
/// let t9 = SUM_IDENTITIES.iter().find(|s| s.rule == "T9.total").unwrap();
/// assert_eq!(t9.total, "three_public.total");
/// assert_eq!(t9.parts.len(), 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SumIdentity {
    /// Stable rule id.
    pub rule: &'static str,
    /// The total's fact id.
    pub total: &'static str,
    /// The parts' fact ids.
    pub parts: &'static [&'static str],
    /// What the identity says, in Chinese.
    pub description: &'static str,
}

const fn sum(
    rule: &'static str,
    total: &'static str,
    parts: &'static [&'static str],
    description: &'static str,
) -> SumIdentity {
    SumIdentity {
        rule,
        total,
        parts,
        description,
    }
}

/// The parts a report leaves out when it has none of them: 其他人员 is
/// listed among the 实有人数 only by the units that have some. A sum
/// identity counts these as zero when they are not stated; every other
/// part must be stated for its identity to run.
///
/// ```
/// use juesuan::audit;
///
/// let mut d = juesuan::Disclosure::from_text("年末实有人数14人，其中在职人员9人，离休人员0人，退休人员0人，其他人员5人。");
/// assert!(audit(&d).iter().all(|f| f.rule() != "staff.total"));
/// assert!(juesuan::audit::ABSENT_IS_ZERO.contains(&"staff.other"));
/// ```
pub const ABSENT_IS_ZERO: &[&str] = &["staff.other", "staff.other.change"];

/// Amounts that cannot be negative: the report's totals, and the 三公
/// items with their budgets. One stated below zero is an error
/// (`amount.negative`), and the strict constructors refuse it, as they
/// refuse every error finding.
///
/// ```
/// use juesuan::audit;
///
/// let d = juesuan::Disclosure::from_text("2024年度“三公”经费财政拨款支出决算为-1.00万元。");
/// assert!(audit(&d).iter().any(|f| f.rule() == "amount.negative"));
/// assert!(juesuan::audit::NON_NEGATIVE.contains(&"three_public.total"));
/// ```
pub const NON_NEGATIVE: &[&str] = &[
    "revenue.total",
    "revenue.current_year",
    "expenditure.total",
    "expenditure.current_year",
    "appropriation.revenue_total",
    "appropriation.expenditure_total",
    "general_budget.expenditure",
    "basic.total",
    "three_public.total",
    "three_public.overseas_travel",
    "three_public.vehicles",
    "three_public.vehicle_purchase",
    "three_public.vehicle_operation",
    "three_public.reception",
    "three_public.total.budget",
    "three_public.overseas_travel.budget",
    "three_public.vehicles.budget",
    "three_public.vehicle_purchase.budget",
    "three_public.vehicle_operation.budget",
    "three_public.reception.budget",
];

/// Amounts that a stated count of zero makes zero when they are not stated
/// themselves: with 无新购车辆 (no vehicle bought) the 公务用车购置费 is
/// none. `(amount, count)`; a sum identity counts the amount as zero.
///
/// ```
/// let (amount, count) = juesuan::audit::ZERO_BY_COUNT[0];
/// assert_eq!((amount, count), ("three_public.vehicle_purchase", "three_public.vehicles_purchased"));
/// ```
pub const ZERO_BY_COUNT: &[(&str, &str)] = &[(
    "three_public.vehicle_purchase",
    "three_public.vehicles_purchased",
)];

/// Every fixed summation identity. Each runs when the total and all parts
/// are stated; absent is not zero, except for [`ABSENT_IS_ZERO`] and
/// [`ZERO_BY_COUNT`].
pub const SUM_IDENTITIES: &[SumIdentity] = &[
    // T1 收入支出决算总表.
    sum(
        "T1.revenue-current-year",
        "revenue.current_year",
        &[
            "revenue.general_budget",
            "revenue.government_fund",
            "revenue.state_capital",
            "revenue.superior_subsidy",
            "revenue.business",
            "revenue.operating",
            "revenue.affiliate_remittance",
            "revenue.other",
        ],
        "本年收入合计 = 收入一至八项之和",
    ),
    sum(
        "T1.revenue-by-source",
        "revenue.current_year",
        &[
            "revenue.appropriation",
            "revenue.superior_subsidy",
            "revenue.business",
            "revenue.operating",
            "revenue.affiliate_remittance",
            "revenue.other",
        ],
        "本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入",
    ),
    sum(
        "T1.appropriation-by-budget",
        "revenue.appropriation",
        &[
            "revenue.general_budget",
            "revenue.government_fund",
            "revenue.state_capital",
        ],
        "财政拨款收入 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款收入",
    ),
    sum(
        "T1.revenue-total",
        "revenue.total",
        &[
            "revenue.current_year",
            "revenue.non_appropriation_balance_used",
            "revenue.opening_balance",
        ],
        "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
    ),
    sum(
        "T1.expenditure-total",
        "expenditure.total",
        &[
            "expenditure.current_year",
            "expenditure.surplus_distribution",
            "expenditure.closing_balance",
        ],
        "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
    ),
    sum(
        "T1.balance",
        "revenue.total",
        &["expenditure.total"],
        "收入总计 = 支出总计",
    ),
    sum(
        "T1.expenditure-by-kind",
        "expenditure.current_year",
        &[
            "expenditure.basic",
            "expenditure.project",
            "expenditure.remittance_to_superior",
            "expenditure.operating",
            "expenditure.subsidy_to_affiliates",
        ],
        "本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出",
    ),
    // T4 财政拨款收入支出决算总表.
    sum(
        "T4.revenue-total",
        "appropriation.revenue_total",
        &["appropriation.opening_balance", "appropriation.revenue"],
        "财政拨款收入总计 = 年初财政拨款结转和结余 + 本年财政拨款收入",
    ),
    sum(
        "T4.expenditure-total",
        "appropriation.expenditure_total",
        &["appropriation.expenditure", "appropriation.closing_balance"],
        "财政拨款支出总计 = 本年财政拨款支出 + 年末财政拨款结转和结余",
    ),
    sum(
        "T4.balance",
        "appropriation.revenue_total",
        &["appropriation.expenditure_total"],
        "财政拨款收入总计 = 财政拨款支出总计",
    ),
    sum(
        "T4.revenue-by-budget",
        "appropriation.revenue",
        &[
            "general_budget.revenue",
            "government_fund.revenue",
            "state_capital.revenue",
        ],
        "本年财政拨款收入 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算",
    ),
    sum(
        "T4.expenditure-by-budget",
        "appropriation.expenditure",
        &[
            "general_budget.expenditure",
            "government_fund.expenditure",
            "state_capital.expenditure",
        ],
        "本年财政拨款支出 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算",
    ),
    sum(
        "T4.opening-by-budget",
        "appropriation.opening_balance",
        &[
            "general_budget.opening_balance",
            "government_fund.opening_balance",
            "state_capital.opening_balance",
        ],
        "年初财政拨款结转和结余 = 三本预算之和",
    ),
    sum(
        "T4.closing-by-budget",
        "appropriation.closing_balance",
        &[
            "general_budget.closing_balance",
            "government_fund.closing_balance",
            "state_capital.closing_balance",
        ],
        "年末财政拨款结转和结余 = 三本预算之和",
    ),
    // T1 ↔ T4.
    sum(
        "T1-T4.appropriation-revenue",
        "revenue.appropriation",
        &["appropriation.revenue"],
        "收入支出决算总表财政拨款收入 = 财政拨款收入支出决算总表本年财政拨款收入",
    ),
    sum(
        "T1-T4.general-budget-revenue",
        "revenue.general_budget",
        &["general_budget.revenue"],
        "一般公共预算财政拨款收入（总表）= 财政拨款收入支出决算总表一般公共预算列",
    ),
    sum(
        "T1-T4.government-fund-revenue",
        "revenue.government_fund",
        &["government_fund.revenue"],
        "政府性基金预算财政拨款收入（总表）= 财政拨款收入支出决算总表政府性基金列",
    ),
    sum(
        "T1-T4.state-capital-revenue",
        "revenue.state_capital",
        &["state_capital.revenue"],
        "国有资本经营预算财政拨款收入（总表）= 财政拨款收入支出决算总表国有资本经营列",
    ),
    // T4 总计 by budget, and T5's 合计 row (read from the tables).
    sum(
        "T4.general-budget-expenditure-total",
        "general_budget.expenditure_total",
        &[
            "general_budget.expenditure",
            "general_budget.closing_balance",
        ],
        "一般公共预算财政拨款支出总计 = 本年支出 + 年末结转和结余",
    ),
    sum(
        "T4.government-fund-expenditure-total",
        "government_fund.expenditure_total",
        &[
            "government_fund.expenditure",
            "government_fund.closing_balance",
        ],
        "政府性基金预算财政拨款支出总计 = 本年支出 + 年末结转和结余",
    ),
    sum(
        "T4.state-capital-expenditure-total",
        "state_capital.expenditure_total",
        &["state_capital.expenditure", "state_capital.closing_balance"],
        "国有资本经营预算财政拨款支出总计 = 本年支出 + 年末结转和结余",
    ),
    sum(
        "T4.expenditure-total-by-budget",
        "appropriation.expenditure_total",
        &[
            "general_budget.expenditure_total",
            "government_fund.expenditure_total",
            "state_capital.expenditure_total",
        ],
        "财政拨款支出总计 = 三本预算支出总计之和",
    ),
    sum(
        "T5.total-row",
        "general_budget.expenditure",
        &["basic.total", "general_budget.expenditure.project"],
        "一般公共预算财政拨款支出合计 = 基本支出 + 项目支出",
    ),
    // T6 一般公共预算财政拨款基本支出决算表, and T5 ↔ T6.
    sum(
        "T6.total",
        "basic.total",
        &["basic.personnel", "basic.public"],
        "基本支出 = 人员经费 + 公用经费",
    ),
    // T7, T8: 年末 = 年初 + 本年收入 − 本年支出, as 年初 + 收入 = 支出 + 年末.
    sum(
        "T7.expenditure-split",
        "government_fund.expenditure",
        &[
            "government_fund.expenditure.basic",
            "government_fund.expenditure.project",
        ],
        "政府性基金预算财政拨款支出 = 基本支出 + 项目支出",
    ),
    sum(
        "T8.expenditure-split",
        "state_capital.expenditure",
        &[
            "state_capital.expenditure.basic",
            "state_capital.expenditure.project",
        ],
        "国有资本经营预算财政拨款支出 = 基本支出 + 项目支出",
    ),
    // T9 财政拨款"三公"经费支出决算表.
    sum(
        "T9.total",
        "three_public.total",
        &[
            "three_public.overseas_travel",
            "three_public.vehicles",
            "three_public.reception",
        ],
        "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费",
    ),
    sum(
        "T9.vehicles",
        "three_public.vehicles",
        &[
            "three_public.vehicle_purchase",
            "three_public.vehicle_operation",
        ],
        "公务用车购置及运行维护费 = 购置费 + 运行维护费",
    ),
    sum(
        "T9.budget-total",
        "three_public.total.budget",
        &[
            "three_public.overseas_travel.budget",
            "three_public.vehicles.budget",
            "three_public.reception.budget",
        ],
        "“三公”经费预算数合计 = 各项预算数之和",
    ),
    sum(
        "T9.budget-vehicles",
        "three_public.vehicles.budget",
        &[
            "three_public.vehicle_purchase.budget",
            "three_public.vehicle_operation.budget",
        ],
        "公务用车购置及运行维护费预算数 = 购置费 + 运行维护费预算数",
    ),
    // Text-only facts.
    sum(
        "procurement.total",
        "procurement.total",
        &[
            "procurement.goods",
            "procurement.works",
            "procurement.services",
        ],
        "政府采购支出总额 = 货物 + 工程 + 服务",
    ),
    sum(
        "staff.total",
        "staff.total",
        &[
            "staff.active",
            "staff.retired_cadre",
            "staff.retired",
            "staff.other",
        ],
        "实有人数 = 在职人员 + 离休人员 + 退休人员（+ 其他人员，列出时）",
    ),
    sum(
        "staff.total-change",
        "staff.total.change",
        &[
            "staff.active.change",
            "staff.retired_cadre.change",
            "staff.retired.change",
            "staff.other.change",
        ],
        "实有人数增减 = 各类人员增减之和",
    ),
    sum(
        "basic.public-split",
        "basic.public",
        &["office_operating_cost", "institution_public_cost"],
        "公用经费 = 机关运行经费 + 事业单位公用经费",
    ),
    sum(
        "assets.vehicles-by-kind",
        "assets.vehicles",
        &[
            "assets.vehicles.ministerial",
            "assets.vehicles.principal",
            "assets.vehicles.confidential",
            "assets.vehicles.emergency",
            "assets.vehicles.law_enforcement",
            "assets.vehicles.special",
            "assets.vehicles.retiree_service",
            "assets.vehicles.other",
        ],
        "车辆总数 = 各类车辆之和",
    ),
    sum(
        "performance.executed",
        "performance.executed_total",
        &["expenditure.current_year"],
        "预算绩效实际执行总额 = 本年支出合计",
    ),
];

/// `closing = opening + revenue − expenditure` for a budget column.
///
/// ```
/// use juesuan::audit::BALANCE_IDENTITIES;
/// assert!(BALANCE_IDENTITIES.iter().any(|b| b.rule == "T7.balance"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BalanceIdentity {
    /// Stable rule id.
    pub rule: &'static str,
    /// 年初结转和结余.
    pub opening: &'static str,
    /// 本年收入.
    pub revenue: &'static str,
    /// 本年支出.
    pub expenditure: &'static str,
    /// 年末结转和结余.
    pub closing: &'static str,
    /// What the identity says, in Chinese.
    pub description: &'static str,
}

/// Every balance roll-forward identity.
pub const BALANCE_IDENTITIES: &[BalanceIdentity] = &[
    BalanceIdentity {
        rule: "T4.general-budget-balance",
        opening: "general_budget.opening_balance",
        revenue: "general_budget.revenue",
        expenditure: "general_budget.expenditure",
        closing: "general_budget.closing_balance",
        description: "一般公共预算：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余",
    },
    BalanceIdentity {
        rule: "T7.balance",
        opening: "government_fund.opening_balance",
        revenue: "government_fund.revenue",
        expenditure: "government_fund.expenditure",
        closing: "government_fund.closing_balance",
        description: "政府性基金预算：年末结转和结余 = 年初 + 本年收入 − 本年支出",
    },
    BalanceIdentity {
        rule: "T8.balance",
        opening: "state_capital.opening_balance",
        revenue: "state_capital.revenue",
        expenditure: "state_capital.expenditure",
        closing: "state_capital.closing_balance",
        description: "国有资本经营预算：年末结转和结余 = 年初 + 本年收入 − 本年支出",
    },
];

/// A table whose rows are function codes: its rows sum up the hierarchy
/// (合计 = Σ 类, 类 = Σ 款 = Σ 项) in each column, and each row sums across
/// its columns.
///
/// ```
/// use juesuan::audit::FUNCTION_TABLES;
/// let t5 = FUNCTION_TABLES.iter().find(|t| t.table == "T5").unwrap();
/// assert_eq!(t5.prefix, "general_budget.function.");
/// assert_eq!(t5.total, Some("general_budget.expenditure"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FunctionTable {
    /// Table id, the first part of each rule id ("T5" → "T5.total", …).
    pub table: &'static str,
    /// Fact id prefix of the rows, ending in a dot.
    pub prefix: &'static str,
    /// The fact id of the table's 合计 row in the first column, if any.
    pub total: Option<&'static str>,
    /// Column suffixes after the code ("" for the first, 合计, column),
    /// with the 合计 row's fact id for that column. Each row's first column
    /// is the sum of the others.
    pub columns: &'static [(&'static str, Option<&'static str>)],
    /// Further columns, summed up the hierarchy like the others but not part
    /// of the row sum (T7, T8: 年初 and 年末结转和结余, 本年收入).
    pub other_columns: &'static [(&'static str, Option<&'static str>)],
    /// Chinese name of the table.
    pub name: &'static str,
    /// Rule ids: 合计 = Σ 类; 类 = Σ 款 = Σ 项; row = Σ columns; Σ changes;
    /// Σ last year's figures.
    pub rules: TableRules,
}

/// The rule ids of one [`FunctionTable`].
///
/// ```
/// use juesuan::audit::FUNCTION_TABLES;
/// assert_eq!(FUNCTION_TABLES[0].rules.total, "T2.total");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableRules {
    /// 合计 = Σ 类, per column.
    pub total: &'static str,
    /// 类 = Σ 款 = Σ 项, per column.
    pub hierarchy: &'static str,
    /// Each row's first column = Σ its other columns.
    pub row: &'static str,
    /// Σ changes of the rows = the total's (or parent's) change.
    pub change_sum: &'static str,
    /// Σ last year's figures of the rows = the total's last year.
    pub prior_year_sum: &'static str,
}

macro_rules! table_rules {
    ($t:literal) => {
        TableRules {
            total: concat!($t, ".total"),
            hierarchy: concat!($t, ".hierarchy"),
            row: concat!($t, ".row"),
            change_sum: concat!($t, ".change-sum"),
            prior_year_sum: concat!($t, ".prior-year-sum"),
        }
    };
}

/// Every table with function-code rows.
pub const FUNCTION_TABLES: &[FunctionTable] = &[
    FunctionTable {
        table: "T2",
        rules: table_rules!("T2"),
        prefix: "revenue.function.",
        total: Some("revenue.current_year"),
        other_columns: &[],
        columns: &[
            ("", Some("revenue.current_year")),
            (".appropriation", Some("revenue.appropriation")),
            (".superior_subsidy", Some("revenue.superior_subsidy")),
            (".business", Some("revenue.business")),
            (".operating", Some("revenue.operating")),
            (
                ".affiliate_remittance",
                Some("revenue.affiliate_remittance"),
            ),
            (".other", Some("revenue.other")),
        ],
        name: "收入决算表",
    },
    FunctionTable {
        table: "T3",
        rules: table_rules!("T3"),
        prefix: "expenditure.function.",
        total: Some("expenditure.current_year"),
        other_columns: &[],
        columns: &[
            ("", Some("expenditure.current_year")),
            (".basic", Some("expenditure.basic")),
            (".project", Some("expenditure.project")),
            (
                ".remittance_to_superior",
                Some("expenditure.remittance_to_superior"),
            ),
            (".operating", Some("expenditure.operating")),
            (
                ".subsidy_to_affiliates",
                Some("expenditure.subsidy_to_affiliates"),
            ),
        ],
        name: "支出决算表",
    },
    FunctionTable {
        table: "T4",
        rules: table_rules!("T4"),
        prefix: "appropriation.expenditure.function.",
        total: Some("appropriation.expenditure"),
        columns: &[("", Some("appropriation.expenditure"))],
        other_columns: &[],
        name: "财政拨款收入支出决算总表",
    },
    FunctionTable {
        table: "T5",
        rules: table_rules!("T5"),
        prefix: "general_budget.function.",
        total: Some("general_budget.expenditure"),
        columns: &[
            ("", Some("general_budget.expenditure")),
            (".basic", Some("basic.total")),
            (".project", Some("general_budget.expenditure.project")),
        ],
        other_columns: &[],
        name: "一般公共预算财政拨款支出决算表",
    },
    FunctionTable {
        table: "T7",
        rules: table_rules!("T7"),
        prefix: "government_fund.function.",
        total: Some("government_fund.expenditure"),
        columns: &[
            ("", Some("government_fund.expenditure")),
            (".basic", Some("government_fund.expenditure.basic")),
            (".project", Some("government_fund.expenditure.project")),
        ],
        other_columns: &[
            (".opening_balance", Some("government_fund.opening_balance")),
            (".revenue", Some("government_fund.revenue")),
            (".closing_balance", Some("government_fund.closing_balance")),
        ],
        name: "政府性基金预算财政拨款收入支出决算表",
    },
    FunctionTable {
        table: "T8",
        rules: table_rules!("T8"),
        prefix: "state_capital.function.",
        total: Some("state_capital.expenditure"),
        columns: &[
            ("", Some("state_capital.expenditure")),
            (".basic", Some("state_capital.expenditure.basic")),
            (".project", Some("state_capital.expenditure.project")),
        ],
        other_columns: &[
            (".opening_balance", Some("state_capital.opening_balance")),
            (".revenue", Some("state_capital.revenue")),
            (".closing_balance", Some("state_capital.closing_balance")),
        ],
        name: "国有资本经营预算财政拨款收入支出决算表",
    },
];

/// Per function code, one table's row is the sum of the same code's rows
/// under other prefixes (T4: 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算).
/// Runs for each code whose total and every part are stated (a cell printed
/// empty counts as zero).
///
/// ```
/// use juesuan::audit::ROW_SUM_IDENTITIES;
/// assert_eq!(ROW_SUM_IDENTITIES[0].rule, "T4.row");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowSumIdentity {
    /// Stable rule id.
    pub rule: &'static str,
    /// Prefix of the total's ids (the code follows).
    pub total: &'static str,
    /// Prefixes of the parts' ids.
    pub parts: &'static [&'static str],
    /// What the identity says, in Chinese.
    pub description: &'static str,
}

/// Every cross-column row identity.
pub const ROW_SUM_IDENTITIES: &[RowSumIdentity] = &[RowSumIdentity {
    rule: "T4.row",
    total: "appropriation.expenditure.function.",
    parts: &[
        "general_budget.function.",
        "government_fund.function.",
        "state_capital.function.",
    ],
    description: "财政拨款支出（各科目）合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算",
}];

/// Per function code: `closing = opening + revenue − expenditure` across a
/// row of T7 or T8 (suffixes after the code; "" is the code itself).
///
/// ```
/// use juesuan::audit::ROW_BALANCE_IDENTITIES;
/// assert!(ROW_BALANCE_IDENTITIES.iter().any(|b| b.rule == "T7.row-balance"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowBalanceIdentity {
    /// Stable rule id.
    pub rule: &'static str,
    /// Prefix of the rows' ids.
    pub prefix: &'static str,
    /// Suffix of 年初结转和结余.
    pub opening: &'static str,
    /// Suffix of 本年收入.
    pub revenue: &'static str,
    /// Suffix of 本年支出.
    pub expenditure: &'static str,
    /// Suffix of 年末结转和结余.
    pub closing: &'static str,
    /// What the identity says, in Chinese.
    pub description: &'static str,
}

/// Every per-row balance identity.
pub const ROW_BALANCE_IDENTITIES: &[RowBalanceIdentity] = &[
    RowBalanceIdentity {
        rule: "T7.row-balance",
        prefix: "government_fund.function.",
        opening: ".opening_balance",
        revenue: ".revenue",
        expenditure: "",
        closing: ".closing_balance",
        description: "政府性基金预算（各科目）：年末结转和结余 = 年初 + 本年收入 − 本年支出",
    },
    RowBalanceIdentity {
        rule: "T8.row-balance",
        prefix: "state_capital.function.",
        opening: ".opening_balance",
        revenue: ".revenue",
        expenditure: "",
        closing: ".closing_balance",
        description: "国有资本经营预算（各科目）：年末结转和结余 = 年初 + 本年收入 − 本年支出",
    },
];

/// A table whose rows are economic codes (T6): each 类 is the sum of its
/// stated 款, and each group total the sum of its stated 类.
///
/// ```
/// use juesuan::audit::ECONOMIC_TABLES;
/// let t6 = &ECONOMIC_TABLES[0];
/// assert_eq!(t6.groups[0].total, "basic.personnel");
/// assert_eq!(t6.groups[0].classes, [301, 303]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EconomicTable {
    /// Table id.
    pub table: &'static str,
    /// Fact id prefix of the rows, ending in a dot.
    pub prefix: &'static str,
    /// Rule id of 类 = Σ 款.
    pub hierarchy: &'static str,
    /// The group totals and the 类 they sum.
    pub groups: &'static [EconomicGroup],
    /// Chinese name of the table.
    pub name: &'static str,
}

/// A total of [`EconomicTable`] rows: 人员经费 or 公用经费.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EconomicGroup {
    /// Stable rule id.
    pub rule: &'static str,
    /// The total's fact id.
    pub total: &'static str,
    /// The 类 (3-digit economic codes) it sums; an empty list means every
    /// 类 that no other group of the table lists.
    pub classes: &'static [u32],
    /// What the identity says, in Chinese.
    pub description: &'static str,
}

/// Every economic-code table.
pub const ECONOMIC_TABLES: &[EconomicTable] = &[EconomicTable {
    table: "T6",
    prefix: "basic.economic.",
    hierarchy: "T6.hierarchy",
    groups: &[
        EconomicGroup {
            rule: "T6.personnel",
            total: "basic.personnel",
            classes: &[301, 303],
            description: "人员经费合计 = 工资福利支出 + 对个人和家庭的补助",
        },
        EconomicGroup {
            rule: "T6.public",
            total: "basic.public",
            classes: &[],
            description: "公用经费合计 = 商品和服务支出 + 资本性支出（及其他经济分类类级）",
        },
    ],
    name: "一般公共预算财政拨款基本支出决算表",
}];

/// A table declared empty ("本表无数据") must not have a figure elsewhere:
/// when `note` is stated, every stated amount of the ids under `prefixes`
/// (this year's figure and its budget) must be zero.
///
/// ```
/// use juesuan::{audit::EMPTY_TABLES, Severity};
/// let t7 = EMPTY_TABLES.iter().find(|e| e.rule == "T7.empty").unwrap();
/// assert_eq!(t7.note, "government_fund.note");
/// assert_eq!(t7.severity, Severity::Error);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmptyTable {
    /// Stable rule id.
    pub rule: &'static str,
    /// The fact id of the table's 说明 that it has no data.
    pub note: &'static str,
    /// Prefixes of the fact ids that must then be zero (or printed empty).
    pub prefixes: &'static [&'static str],
    /// Severity when one is not.
    pub severity: super::Severity,
    /// What the rule says, in Chinese.
    pub description: &'static str,
}

/// Every empty-table rule.
pub const EMPTY_TABLES: &[EmptyTable] = &[
    EmptyTable {
        rule: "T7.empty",
        note: "government_fund.note",
        prefixes: &["government_fund."],
        severity: super::Severity::Error,
        description: "政府性基金预算财政拨款收入支出决算表为空表时，政府性基金预算财政拨款各数应为零",
    },
    EmptyTable {
        rule: "T8.empty",
        note: "state_capital.note",
        prefixes: &["state_capital."],
        severity: super::Severity::Error,
        description: "国有资本经营预算财政拨款收入支出决算表为空表时，国有资本经营预算财政拨款各数应为零",
    },
    EmptyTable {
        rule: "T9.empty",
        note: "three_public.note",
        prefixes: &["three_public."],
        severity: super::Severity::Error,
        description: "“三公”经费支出决算表为空表时，“三公”经费各数应为零",
    },
    EmptyTable {
        rule: "T9-T6.empty",
        note: "three_public.note",
        prefixes: &[
            "basic.economic.30212",
            "basic.economic.30217",
            "basic.economic.30231",
        ],
        severity: super::Severity::Warning,
        description: "“三公”经费支出决算表为空表时，基本支出中的因公出国（境）费用、公务接待费、公务用车运行维护费应为零",
    },
];

/// The whole a stated share (`<base>.share`) is a share of.
///
/// Patterns may end in `{class}`, `{f}` (any function code under the
/// prefix); the first matching row wins.
///
/// ```
/// use juesuan::audit::SHARE_BASES;
/// assert!(SHARE_BASES.iter().any(|(part, whole)| *part == "revenue.business" && *whole == "revenue.current_year"));
/// ```
pub const SHARE_BASES: &[(&str, &str)] = &[
    ("revenue.appropriation", "revenue.current_year"),
    ("revenue.general_budget", "revenue.current_year"),
    ("revenue.government_fund", "revenue.current_year"),
    ("revenue.state_capital", "revenue.current_year"),
    ("revenue.superior_subsidy", "revenue.current_year"),
    ("revenue.business", "revenue.current_year"),
    ("revenue.operating", "revenue.current_year"),
    ("revenue.affiliate_remittance", "revenue.current_year"),
    ("revenue.other", "revenue.current_year"),
    ("revenue.non_appropriation_balance_used", "revenue.total"),
    ("revenue.opening_balance", "revenue.total"),
    ("expenditure.basic", "expenditure.current_year"),
    ("expenditure.project", "expenditure.current_year"),
    (
        "expenditure.remittance_to_superior",
        "expenditure.current_year",
    ),
    ("expenditure.operating", "expenditure.current_year"),
    (
        "expenditure.subsidy_to_affiliates",
        "expenditure.current_year",
    ),
    ("expenditure.function.{class}", "expenditure.current_year"),
    ("general_budget.expenditure", "expenditure.current_year"),
    (
        "general_budget.function.{class}",
        "general_budget.expenditure",
    ),
    ("basic.personnel", "basic.total"),
    ("basic.public", "basic.total"),
    ("three_public.overseas_travel", "three_public.total"),
    ("three_public.vehicles", "three_public.total"),
    ("three_public.reception", "three_public.total"),
    ("procurement.goods", "procurement.total"),
    ("procurement.works", "procurement.total"),
    ("procurement.services", "procurement.total"),
    ("procurement.sme", "procurement.total"),
    ("procurement.small_micro", "procurement.total"),
];

/// `part ≤ whole` bounds (beyond rounding), with the severity class they
/// carry: hard bounds are errors, plausibility bounds warnings.
///
/// ```
/// use juesuan::{audit::BOUNDS, Severity};
/// assert!(BOUNDS.iter().any(|b| b.rule == "procurement.sme-bound" && b.severity == Severity::Error));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    /// Stable rule id.
    pub rule: &'static str,
    /// The part's fact id.
    pub part: &'static str,
    /// The whole's fact id.
    pub whole: &'static str,
    /// Severity when the part exceeds the whole.
    pub severity: super::Severity,
    /// What the bound says, in Chinese.
    pub description: &'static str,
}

/// Every part ≤ whole bound.
pub const BOUNDS: &[Bound] = &[
    Bound {
        rule: "T4.general-budget-bound",
        part: "general_budget.expenditure",
        whole: "appropriation.expenditure",
        severity: super::Severity::Error,
        description: "一般公共预算财政拨款支出 ≤ 本年财政拨款支出",
    },
    Bound {
        rule: "T4.appropriation-bound",
        part: "appropriation.expenditure",
        whole: "expenditure.current_year",
        severity: super::Severity::Error,
        description: "本年财政拨款支出 ≤ 本年支出合计",
    },
    Bound {
        rule: "T1.appropriation-bound",
        part: "revenue.appropriation",
        whole: "revenue.current_year",
        severity: super::Severity::Error,
        description: "财政拨款收入 ≤ 本年收入合计",
    },
    Bound {
        rule: "procurement.sme-bound",
        part: "procurement.sme",
        whole: "procurement.total",
        severity: super::Severity::Error,
        description: "授予中小企业合同金额 ≤ 政府采购支出总额",
    },
    Bound {
        rule: "procurement.small-micro-bound",
        part: "procurement.small_micro",
        whole: "procurement.sme",
        severity: super::Severity::Error,
        description: "授予小微企业合同金额 ≤ 授予中小企业合同金额",
    },
    Bound {
        rule: "T9.vehicles-held-bound",
        part: "three_public.vehicles_held",
        whole: "assets.vehicles",
        severity: super::Severity::Warning,
        description: "公务用车保有量 ≤ 国有资产车辆数",
    },
    Bound {
        rule: "T9-T6.vehicle-operation",
        part: "basic.economic.30231",
        whole: "three_public.vehicle_operation",
        severity: super::Severity::Warning,
        description: "基本支出公务用车运行维护费（30231）≤ “三公”经费公务用车运行维护费",
    },
    Bound {
        rule: "T9-T6.reception",
        part: "basic.economic.30217",
        whole: "three_public.reception",
        severity: super::Severity::Warning,
        description: "基本支出公务接待费（30217）≤ “三公”经费公务接待费",
    },
    Bound {
        rule: "T9-T6.overseas",
        part: "basic.economic.30212",
        whole: "three_public.overseas_travel",
        severity: super::Severity::Warning,
        description: "基本支出因公出国（境）费用（30212）≤ “三公”经费因公出国（境）费",
    },
];
