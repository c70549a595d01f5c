#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! The accounting identities as the official 2024 template defines them,
//! written here by hand from its tables (`tests/fixtures/template-2024.txt`,
//! the 上海市 2024 年度部门决算 template) and checked against the audit.
//!
//! Nothing here reads the crate's identity tables (`SUM_IDENTITIES`,
//! `BALANCE_IDENTITIES`, `FUNCTION_TABLES`): the tests, generators and
//! coverage checks that read them agree with them by construction, so a part
//! deleted from an identity broke none of them. Each relation below states a
//! table's rows and columns in the template's words and its fact ids (the
//! schema, DESIGN §7); for each, a report that satisfies it exactly gets no
//! finding of its rule, and moving any one of its figures by 1.00 gets an
//! error of that rule naming that figure, with difference ∓1.00.

use juesuan::audit::Quantity;
use juesuan::{Disclosure, Finding, Severity, audit};

/// A relation: `total = Σ parts − Σ minus`, the audit's rule id for it, and
/// where the template states it.
struct Relation {
    rule: &'static str,
    total: &'static str,
    parts: &'static [&'static str],
    minus: &'static [&'static str],
    template: &'static str,
}

const fn sum(
    rule: &'static str,
    total: &'static str,
    parts: &'static [&'static str],
    template: &'static str,
) -> Relation {
    Relation {
        rule,
        total,
        parts,
        minus: &[],
        template,
    }
}

/// The relations of the template's tables.
const RELATIONS: &[Relation] = &[
    // 一、收入支出决算总表 (template lines 92-165): 收入 一 … 八, 本年收入合计;
    // 使用非财政拨款结余, 年初结转和结余, 总计; 支出 本年支出合计, 结余分配,
    // 年末结转和结余, 总计.
    sum(
        "T1.revenue-current-year",
        "revenue.current_year",
        &[
            "revenue.general_budget",       // 一、一般公共预算财政拨款收入
            "revenue.government_fund",      // 二、政府性基金预算财政拨款收入
            "revenue.state_capital",        // 三、国有资本经营预算财政拨款收入
            "revenue.superior_subsidy",     // 四、上级补助收入
            "revenue.business",             // 五、事业收入
            "revenue.operating",            // 六、经营收入
            "revenue.affiliate_remittance", // 七、附属单位上缴收入
            "revenue.other",                // 八、其他收入
        ],
        "收入支出决算总表: 本年收入合计 = 一 … 八",
    ),
    sum(
        "T1.revenue-total",
        "revenue.total",
        &[
            "revenue.current_year",                   // 本年收入合计
            "revenue.non_appropriation_balance_used", // 使用非财政拨款结余
            "revenue.opening_balance",                // 年初结转和结余
        ],
        "收入支出决算总表: 收入总计",
    ),
    sum(
        "T1.expenditure-total",
        "expenditure.total",
        &[
            "expenditure.current_year",         // 本年支出合计
            "expenditure.surplus_distribution", // 结余分配
            "expenditure.closing_balance",      // 年末结转和结余
        ],
        "收入支出决算总表: 支出总计",
    ),
    sum(
        "T1.balance",
        "revenue.total",
        &["expenditure.total"],
        "收入支出决算总表: 收入总计 = 支出总计 (one 总计 row for both sides)",
    ),
    // 二、收入决算表 (lines 169-225), 合计 row: 本年收入合计 | 财政拨款收入 |
    // 上级补助收入 | 事业收入 | 经营收入 | 附属单位上缴收入 | 其他收入.
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
        "收入决算表 合计 row: 本年收入合计 = Σ columns",
    ),
    // 财政拨款收入 of 收入决算表 is 一 + 二 + 三 of 收入支出决算总表.
    sum(
        "T1.appropriation-by-budget",
        "revenue.appropriation",
        &[
            "revenue.general_budget",
            "revenue.government_fund",
            "revenue.state_capital",
        ],
        "收入决算表 财政拨款收入 = 总表 一、二、三",
    ),
    // 三、支出决算表 (lines 226-280), 合计 row: 本年支出合计 | 基本支出 | 项目支出 |
    // 上缴上级支出 | 经营支出 | 对附属单位补助支出.
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
        "支出决算表 合计 row: 本年支出合计 = Σ columns",
    ),
    // 四、财政拨款收入支出决算总表 (lines 281-355): 收入 一、二、三 and 本年收入合计,
    // 年初财政拨款结转和结余 (一、二、三), 总计; 支出 by 类 in columns 合计 | 一般公共预算
    // | 政府性基金预算 | 国有资本经营预算, 本年支出合计, 年末财政拨款结转和结余 (一、二、三),
    // 总计.
    sum(
        "T4.revenue-by-budget",
        "appropriation.revenue",
        &[
            "general_budget.revenue",
            "government_fund.revenue",
            "state_capital.revenue",
        ],
        "财政拨款收入支出决算总表: 本年收入合计 = 一 + 二 + 三",
    ),
    sum(
        "T4.revenue-total",
        "appropriation.revenue_total",
        &["appropriation.opening_balance", "appropriation.revenue"],
        "财政拨款收入支出决算总表: 收入总计 = 本年收入合计 + 年初结转和结余",
    ),
    sum(
        "T4.expenditure-total",
        "appropriation.expenditure_total",
        &["appropriation.expenditure", "appropriation.closing_balance"],
        "财政拨款收入支出决算总表: 支出总计 = 本年支出合计 + 年末结转和结余",
    ),
    sum(
        "T4.balance",
        "appropriation.revenue_total",
        &["appropriation.expenditure_total"],
        "财政拨款收入支出决算总表: 收入总计 = 支出总计",
    ),
    sum(
        "T4.expenditure-by-budget",
        "appropriation.expenditure",
        &[
            "general_budget.expenditure",
            "government_fund.expenditure",
            "state_capital.expenditure",
        ],
        "财政拨款收入支出决算总表: 本年支出合计, 合计 = Σ three budget columns",
    ),
    sum(
        "T4.opening-by-budget",
        "appropriation.opening_balance",
        &[
            "general_budget.opening_balance",
            "government_fund.opening_balance",
            "state_capital.opening_balance",
        ],
        "财政拨款收入支出决算总表: 年初财政拨款结转和结余 = 一 + 二 + 三",
    ),
    sum(
        "T4.closing-by-budget",
        "appropriation.closing_balance",
        &[
            "general_budget.closing_balance",
            "government_fund.closing_balance",
            "state_capital.closing_balance",
        ],
        "财政拨款收入支出决算总表: 年末财政拨款结转和结余 = 一 + 二 + 三",
    ),
    // The 一般公共预算 column of the same table: 年初 + 本年收入 = 本年支出 + 年末.
    Relation {
        rule: "T4.general-budget-balance",
        total: "general_budget.closing_balance",
        parts: &["general_budget.opening_balance", "general_budget.revenue"],
        minus: &["general_budget.expenditure"],
        template: "财政拨款收入支出决算总表, 一般公共预算 column: 年末 = 年初 + 收入 − 支出",
    },
    // 收入支出决算总表 一、二、三 restate the 财政拨款收入支出决算总表 columns.
    sum(
        "T1-T4.general-budget-revenue",
        "revenue.general_budget",
        &["general_budget.revenue"],
        "总表 一 = 财政拨款总表 一般公共预算",
    ),
    sum(
        "T1-T4.government-fund-revenue",
        "revenue.government_fund",
        &["government_fund.revenue"],
        "总表 二 = 财政拨款总表 政府性基金预算",
    ),
    sum(
        "T1-T4.state-capital-revenue",
        "revenue.state_capital",
        &["state_capital.revenue"],
        "总表 三 = 财政拨款总表 国有资本经营预算",
    ),
    sum(
        "T1-T4.appropriation-revenue",
        "revenue.appropriation",
        &["appropriation.revenue"],
        "收入决算表 财政拨款收入 = 财政拨款总表 本年收入合计",
    ),
    // 六、一般公共预算财政拨款基本支出决算表 (lines 401-552): 人员经费合计,
    // 公用经费合计; their sum is the 基本支出 of 一般公共预算财政拨款支出决算表.
    sum(
        "T6.total",
        "basic.total",
        &["basic.personnel", "basic.public"],
        "基本支出决算表: 人员经费合计 + 公用经费合计",
    ),
    // 七、财政拨款“三公”经费支出决算表 (lines 553-596): 合计, 因公出国（境）费,
    // 公务用车购置及运行维护费 (小计, 公务用车购置费, 公务用车运行维护费), 公务接待费;
    // each as 预算数 and 决算数.
    sum(
        "T9.total",
        "three_public.total",
        &[
            "three_public.overseas_travel",
            "three_public.vehicles",
            "three_public.reception",
        ],
        "“三公”经费表 决算数: 合计",
    ),
    sum(
        "T9.vehicles",
        "three_public.vehicles",
        &[
            "three_public.vehicle_purchase",
            "three_public.vehicle_operation",
        ],
        "“三公”经费表 决算数: 公务用车 小计",
    ),
    sum(
        "T9.budget-total",
        "three_public.total.budget",
        &[
            "three_public.overseas_travel.budget",
            "three_public.vehicles.budget",
            "three_public.reception.budget",
        ],
        "“三公”经费表 预算数: 合计",
    ),
    sum(
        "T9.budget-vehicles",
        "three_public.vehicles.budget",
        &[
            "three_public.vehicle_purchase.budget",
            "three_public.vehicle_operation.budget",
        ],
        "“三公”经费表 预算数: 公务用车 小计",
    ),
    // 八、政府性基金预算 and 九、国有资本经营预算财政拨款收入支出决算表 (lines 597-659):
    // 年初结转和结余 | 本年收入 | 本年支出 (合计, 基本支出, 项目支出) | 年末结转和结余.
    sum(
        "T7.expenditure-split",
        "government_fund.expenditure",
        &[
            "government_fund.expenditure.basic",
            "government_fund.expenditure.project",
        ],
        "政府性基金表: 本年支出 合计 = 基本支出 + 项目支出",
    ),
    Relation {
        rule: "T7.balance",
        total: "government_fund.closing_balance",
        parts: &["government_fund.opening_balance", "government_fund.revenue"],
        minus: &["government_fund.expenditure"],
        template: "政府性基金表: 年末 = 年初 + 本年收入 − 本年支出",
    },
    sum(
        "T8.expenditure-split",
        "state_capital.expenditure",
        &[
            "state_capital.expenditure.basic",
            "state_capital.expenditure.project",
        ],
        "国有资本经营表: 本年支出 合计 = 基本支出 + 项目支出",
    ),
    Relation {
        rule: "T8.balance",
        total: "state_capital.closing_balance",
        parts: &["state_capital.opening_balance", "state_capital.revenue"],
        minus: &["state_capital.expenditure"],
        template: "国有资本经营表: 年末 = 年初 + 本年收入 − 本年支出",
    },
];

/// Cents as an amount string: 123 → "1.23".
fn cents(n: i64) -> String {
    format!(
        "{}{}.{:02}",
        if n < 0 { "-" } else { "" },
        n.abs() / 100,
        n.abs() % 100
    )
}

/// The relation's figures, exactly consistent: parts 1.00, 2.00, …, minus
/// terms 0.10, 0.20, …, the total their sum.
fn consistent(r: &Relation) -> Vec<(&'static str, i64)> {
    let mut figures = Vec::new();
    let mut total = 0;
    for (i, p) in r.parts.iter().enumerate() {
        let v = 100 * (i as i64 + 1);
        total += v;
        figures.push((*p, v));
    }
    for (i, m) in r.minus.iter().enumerate() {
        let v = 10 * (i as i64 + 1);
        total -= v;
        figures.push((*m, v));
    }
    figures.insert(0, (r.total, total));
    figures
}

fn disclosure(figures: &[(&str, i64)]) -> Disclosure {
    let mut d = Disclosure::default();
    for (id, v) in figures {
        d.insert_str(id, &cents(*v)).unwrap();
    }
    d
}

fn of_rule<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule() == rule).collect()
}

#[test]
fn every_relation_of_the_template_is_audited_figure_by_figure() {
    let mut failures = Vec::new();
    for r in RELATIONS {
        let figures = consistent(r);
        let exact = audit(&disclosure(&figures));
        if !of_rule(&exact, r.rule).is_empty() {
            failures.push(format!(
                "{} ({}): finding on consistent figures",
                r.rule, r.template
            ));
        }
        // Each figure moved by 1.00 in turn.
        for (k, (id, _)) in figures.iter().enumerate() {
            let mut moved = figures.clone();
            moved[k].1 += 100;
            let findings = audit(&disclosure(&moved));
            let hits = of_rule(&findings, r.rule);
            let Some(f) = hits.first() else {
                failures.push(format!(
                    "{} ({}): {id} moved by 1.00, no finding",
                    r.rule, r.template
                ));
                continue;
            };
            // The stated total exceeds the rest, or falls short of it.
            let sign = if k == 0 || r.minus.contains(id) {
                ""
            } else {
                "-"
            };
            let named = f.facts().iter().any(|i| i.as_str() == *id);
            if f.severity() != Severity::Error
                || !named
                || f.difference().map(Quantity::plain).as_deref()
                    != Some(&format!("{sign}1.00")[..])
            {
                failures.push(format!(
                    "{} ({}): {id} moved by 1.00 gives {f} (difference {:?}, facts {:?})",
                    r.rule,
                    r.template,
                    f.difference().map(Quantity::plain).as_deref(),
                    f.facts().iter().map(|i| i.as_str()).collect::<Vec<_>>()
                ));
            }
        }
        // A figure not stated is not zero: the relation is not checked.
        for (k, _) in figures.iter().enumerate() {
            let mut fewer = figures.clone();
            fewer.remove(k);
            if !of_rule(&audit(&disclosure(&fewer)), r.rule).is_empty() {
                failures.push(format!("{}: judged with a figure missing", r.rule));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The template's 一般公共预算财政拨款支出决算表 (lines 356-400): rows 205 教育支出,
/// 20502 普通教育, 2050205 高等教育, … 207 文化旅游体育与传媒支出, 20799 …; columns
/// 合计 | 基本支出 | 项目支出; a 合计 row.
#[test]
fn the_function_table_adds_up_by_rows_and_columns() {
    // (id, 合计, 基本支出, 项目支出), consistent.
    let rows: &[(&str, i64, i64, i64)] = &[
        ("205", 600, 400, 200),
        ("20502", 600, 400, 200),
        ("2050205", 350, 250, 100),
        ("2050204", 250, 150, 100),
        ("207", 300, 100, 200),
        ("20799", 300, 100, 200),
        ("2079999", 300, 100, 200),
    ];
    let build = |rows: &[(&str, i64, i64, i64)], total: (i64, i64)| {
        let mut d = Disclosure::default();
        d.insert_str("general_budget.expenditure", &cents(total.0))
            .unwrap();
        d.insert_str("basic.total", &cents(total.1)).unwrap();
        for (code, all, basic, project) in rows {
            let id = format!("general_budget.function.{code}");
            d.insert_str(&id, &cents(*all)).unwrap();
            d.insert_str(&format!("{id}.basic"), &cents(*basic))
                .unwrap();
            d.insert_str(&format!("{id}.project"), &cents(*project))
                .unwrap();
        }
        audit(&d)
    };
    let errors = |f: &[Finding], rule: &str| {
        f.iter()
            .filter(|f| f.rule() == rule && f.severity() == Severity::Error)
            .count()
    };
    let base = build(rows, (900, 500));
    for rule in ["T5.total", "T5.hierarchy", "T5.row"] {
        assert_eq!(errors(&base, rule), 0, "{rule}: {base:#?}");
    }
    // 合计 = Σ 类 (205 + 207), in the 合计 and 基本支出 columns.
    assert_eq!(errors(&build(rows, (1000, 500)), "T5.total"), 1);
    assert_eq!(errors(&build(rows, (900, 600)), "T5.total"), 1);
    // 类 = Σ 款, 款 = Σ 项: moving a 项 breaks its 款 (and its row).
    let mut moved = rows.to_vec();
    moved[2].1 += 100;
    moved[2].2 += 100;
    let f = build(&moved, (900, 500));
    assert!(errors(&f, "T5.hierarchy") >= 1, "{f:#?}");
    assert!(f.iter().any(|f| {
        f.rule() == "T5.hierarchy"
            && f.facts()
                .iter()
                .any(|i| i.as_str() == "general_budget.function.20502")
    }));
    // A row = its 基本支出 + 项目支出.
    let mut moved = rows.to_vec();
    moved[3].3 += 100;
    let f = build(&moved, (900, 500));
    assert!(f.iter().any(|f| {
        f.rule() == "T5.row"
            && f.facts()
                .iter()
                .any(|i| i.as_str() == "general_budget.function.2050204")
    }));
}

/// What the table rules leave alone: a column without 类 rows has no 合计 to
/// check; a row without all its columns is no row sum; Σ changes needs a
/// change under every class, and no unresolved item below; a figure restated
/// with another precision but the same value is one figure.
#[test]
fn the_table_rules_judge_only_what_is_stated() {
    let rules = |facts: &[(&str, &str)]| {
        let mut d = Disclosure::default();
        for (id, v) in facts {
            d.insert_str(id, v).unwrap();
        }
        audit(&d)
            .iter()
            .map(|f| (f.rule().to_owned(), f.severity()))
            .collect::<Vec<_>>()
    };
    let has = |found: &[(String, Severity)], rule: &str| found.iter().any(|(r, _)| r == rule);
    // Only 项 rows: no 类 to sum into the 合计.
    let only_items = rules(&[
        ("general_budget.expenditure", "300.00"),
        ("general_budget.function.2050101", "100.00"),
    ]);
    assert!(!has(&only_items, "T5.total"), "{only_items:?}");
    // Row 205 states both columns, row 206 only 基本支出: 206 is no row sum.
    let partial = rules(&[
        ("general_budget.function.205", "100.00"),
        ("general_budget.function.205.basic", "60.00"),
        ("general_budget.function.205.project", "40.00"),
        ("general_budget.function.206", "200.00"),
        ("general_budget.function.206.basic", "50.00"),
    ]);
    assert!(!has(&partial, "T5.row"), "{partial:?}");
    // And when it is complete, it is summed.
    let complete = rules(&[
        ("general_budget.function.205", "100.00"),
        ("general_budget.function.205.basic", "60.00"),
        ("general_budget.function.205.project", "40.00"),
        ("general_budget.function.206", "200.00"),
        ("general_budget.function.206.basic", "50.00"),
        ("general_budget.function.206.project", "50.00"),
    ]);
    assert!(has(&complete, "T5.row"), "{complete:?}");
    // A class without a change: Σ changes does not cover the table.
    let uncovered = rules(&[
        ("general_budget.expenditure", "300.00"),
        ("general_budget.expenditure.change", "31.00"),
        ("general_budget.function.205", "100.00"),
        ("general_budget.function.205.change", "10.00"),
        ("general_budget.function.206", "200.00"),
    ]);
    assert!(!has(&uncovered, "T5.change-sum"), "{uncovered:?}");
    // An item the catalog does not know under a class: its changes are not
    // all placed, so they are not summed.
    let unresolved = rules(&[
        ("general_budget.expenditure", "300.00"),
        ("general_budget.expenditure.change", "31.00"),
        ("general_budget.function.205", "100.00"),
        ("general_budget.function.205.change", "10.00"),
        (
            "general_budget.function.205.unresolved_item",
            "教育支出（类）某某（项）",
        ),
        ("general_budget.function.206", "200.00"),
        ("general_budget.function.206.change", "20.00"),
    ]);
    assert!(!has(&unresolved, "T5.change-sum"), "{unresolved:?}");
    // 1.00 and 1.0: one value, two precisions; 1.00 and 1.01: a difference
    // within rounding (info); 1.00 and 1.10: an error.
    let restated = |b: &str| {
        let mut d = Disclosure::default();
        d.insert_str("revenue.total", "1.00").unwrap();
        d.insert_str("revenue.total", b).unwrap();
        audit(&d)
            .iter()
            .filter(|f| f.rule() == "restatement")
            .map(Finding::severity)
            .collect::<Vec<_>>()
    };
    assert!(restated("1.0").is_empty());
    assert!(restated("1.00").is_empty());
    assert_eq!(restated("1.01"), [Severity::Info]);
    assert_eq!(restated("1.10"), [Severity::Error]);
}
