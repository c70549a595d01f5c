#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
//! The strict model: construction, identities, codes, Disclosure and JSON
//! round trips, JSON errors with paths, and the reference report.

use juesuan::{
    Amount, Disclosure, FinalAccounts, FiscalYear, Severity, Unit, model::AppropriationSummary,
    model::CountFigure, model::ExpenditureRow, model::ExpenditureTable, model::Figure,
    model::FinalAccountsBuilder, model::FundTable, model::GeneralBudgetRow,
    model::GeneralBudgetTable, model::ModelError, model::RevenueExpenditureSummary,
    model::ThreePublicExpenses, model::cited_codes,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn a(s: &str) -> Amount {
    s.parse().unwrap()
}

fn f(s: &str) -> Figure {
    s.parse().unwrap()
}

fn fy() -> FiscalYear {
    FiscalYear::new(2024).unwrap()
}

fn builder() -> FinalAccountsBuilder {
    FinalAccounts::builder()
        .fiscal_year(fy())
        .department("测试部门")
}

fn t1() -> RevenueExpenditureSummary {
    RevenueExpenditureSummary {
        revenue_total: Some(f("1100.00")),
        revenue_current_year: Some(f("1000.00")),
        revenue_appropriation: Some(Figure::new(a("900.00")).with_share("90.00".parse().unwrap())),
        revenue_general_budget: Some(f("900.00")),
        revenue_business: Some(f("100.00")),
        revenue_non_appropriation_balance_used: Some(f("0.00")),
        revenue_opening_balance: Some(f("100.00")),
        expenditure_total: Some(f("1100.00")),
        expenditure_current_year: Some(f("950.00")),
        expenditure_basic: Some(f("600.00")),
        expenditure_project: Some(f("350.00")),
        expenditure_surplus_distribution: Some(f("0.00")),
        expenditure_closing_balance: Some(f("150.00")),
        ..Default::default()
    }
}

fn t4() -> AppropriationSummary {
    let mut t = AppropriationSummary {
        revenue_total: Some(
            Figure::new(a("950.00")).with_budget(a("800.00"), Some("18.75".parse().unwrap())),
        ),
        expenditure_total: Some(f("950.00")),
        ..Default::default()
    };
    t.total.opening_balance = Some(f("50.00"));
    t.total.revenue = Some(f("900.00"));
    t.total.expenditure = Some(f("850.00"));
    t.total.closing_balance = Some(f("100.00"));
    t.general_budget = t.total.clone();
    t
}

fn t5() -> GeneralBudgetTable {
    let mut t = GeneralBudgetTable {
        total: Some(
            Figure::new(a("850.00")).with_change("50.00".parse().unwrap(), "6.25".parse().unwrap()),
        ),
        ..Default::default()
    };
    let rows = [
        ("208", "600.00"),
        ("2080101", "400.00"),
        ("2080105", "200.00"),
        ("221", "250.00"),
        ("2210201", "250.00"),
    ];
    for (code, amount) in rows {
        t.rows
            .insert(code.parse().unwrap(), GeneralBudgetRow::new(a(amount)));
    }
    t
}

fn t9() -> ThreePublicExpenses {
    ThreePublicExpenses {
        total: Some(
            Figure::new(a("181.58")).with_budget(a("181.58"), Some("0.00".parse().unwrap())),
        ),
        overseas_travel: Some(f("0.00")),
        vehicles: Some(f("179.78")),
        vehicle_purchase: Some(f("0.00")),
        vehicle_operation: Some(f("179.78")),
        reception: Some(f("1.80")),
        vehicles_held: Some(CountFigure::new(91).with_reason("两家单位车辆停用")),
        reception_batches: Some(CountFigure::new(48)),
        reception_persons: Some(CountFigure::new(188)),
        ..Default::default()
    }
}

fn small() -> FinalAccountsBuilder {
    builder()
        .summary(t1())
        .appropriation(t4())
        .general_budget(t5())
        .three_public(t9())
}

fn rule(err: &ModelError) -> &str {
    assert!(err.is_identity(), "expected an identity error, got {err}");
    err.rule().unwrap()
}

#[test]
fn a_consistent_report_builds() {
    let r = small().build().unwrap();
    assert_eq!(r.department(), "测试部门");
    // The 一般公共预算 column of T4 and the 合计 of T5 are one figure.
    assert_eq!(
        r.appropriation()
            .unwrap()
            .general_budget
            .expenditure
            .as_ref()
            .map(|f| f.amount),
        Some(a("850.00"))
    );
    assert!(r.audit().iter().all(|f| f.severity() != Severity::Error));
}

#[test]
fn shared_figures_are_filled_and_must_agree() {
    let mut appr = t4();
    appr.general_budget.expenditure = None;
    let r = builder()
        .appropriation(appr.clone())
        .general_budget(t5())
        .build()
        .unwrap();
    assert_eq!(
        r.appropriation().unwrap().general_budget.expenditure,
        r.general_budget().unwrap().total
    );
    appr.general_budget.expenditure = Some(f("849.00"));
    let err = builder()
        .appropriation(appr)
        .general_budget(t5())
        .build()
        .unwrap_err();
    assert!(matches!(err, ModelError::Conflict { .. }), "{err}");
    assert_eq!(err.fact(), Some("general_budget.expenditure"));
}

#[test]
fn broken_t1_revenue_total_is_refused() {
    let mut t = t1();
    t.revenue_opening_balance = Some(f("101.00"));
    let err = small().summary(t).build().unwrap_err();
    assert_eq!(rule(&err), "T1.revenue-total");
    assert_eq!(err.fact(), Some("revenue.total"));
    assert!(err.to_string().contains("1,100.00"), "{err}");
    assert!(!err.findings().is_empty());
}

#[test]
fn broken_t5_hierarchy_is_refused() {
    let mut t = t5();
    t.rows.insert(
        "2080105".parse().unwrap(),
        GeneralBudgetRow::new(a("200.10")),
    );
    let err = small().general_budget(t).build().unwrap_err();
    assert_eq!(rule(&err), "T5.hierarchy");
    assert_eq!(err.fact(), Some("general_budget.function.208"));
}

#[test]
fn broken_t9_total_is_refused() {
    let mut t = t9();
    t.reception = Some(f("1.90"));
    let err = small().three_public(t).build().unwrap_err();
    assert_eq!(rule(&err), "T9.total");
    assert!(err.to_string().contains("difference"), "{err}");
}

#[test]
fn every_error_finding_is_kept() {
    let mut t = t9();
    t.reception = Some(f("1.90"));
    t.vehicle_operation = Some(f("179.00"));
    let err = small().three_public(t).build().unwrap_err();
    let rules: Vec<&str> = err.findings().iter().map(|f| f.rule()).collect();
    assert!(rules.contains(&"T9.total"), "{rules:?}");
    assert!(rules.contains(&"T9.vehicles"), "{rules:?}");
    assert!(err.to_string().contains("more error"), "{err}");
}

#[test]
fn one_cent_off_on_four_parts_is_within_rounding() {
    // The reference report: 12,086.90 + 54,662.05 + 887.96 + 732.54 = 68,369.45.
    let mut t = GeneralBudgetTable {
        total: Some(f("68369.46")),
        ..Default::default()
    };
    for (code, amount) in [
        ("205", "12086.90"),
        ("208", "54662.05"),
        ("210", "887.96"),
        ("221", "732.54"),
    ] {
        t.rows
            .insert(code.parse().unwrap(), GeneralBudgetRow::new(a(amount)));
    }
    let r = builder().general_budget(t.clone()).build().unwrap();
    let info: Vec<_> = r
        .audit()
        .into_iter()
        .filter(|f| f.rule() == "T5.total")
        .collect();
    assert_eq!(info.len(), 1);
    assert_eq!(info[0].severity(), Severity::Info);
    // Two cents beyond the bound of 0.025 is an error.
    t.total = Some(f("68369.48"));
    let err = builder().general_budget(t).build().unwrap_err();
    assert_eq!(rule(&err), "T5.total");
}

#[test]
fn unknown_codes_are_refused() {
    let mut t = t5();
    t.rows
        .insert("2999999".parse().unwrap(), GeneralBudgetRow::new(a("0.00")));
    let err = small().general_budget(t).build().unwrap_err();
    assert!(matches!(err, ModelError::UnknownCode { .. }), "{err}");
    assert!(err.to_string().contains("2999999"), "{err}");
    assert_eq!(err.field(), Some("general_budget.rows.2999999"));

    let mut basic = juesuan::model::BasicExpenditureTable {
        total: Some(f("1.00")),
        personnel: Some(f("1.00")),
        public: Some(f("0.00")),
        ..Default::default()
    };
    basic.rows.insert("30188".parse().unwrap(), f("1.00"));
    let err = builder().basic(basic).build().unwrap_err();
    assert!(err.to_string().contains("30188"), "{err}");
}

#[test]
fn required_totals_and_rows() {
    let mut t = t1();
    t.revenue_total = None;
    let err = builder().summary(t).build().unwrap_err();
    assert!(
        matches!(err, ModelError::MissingTotal { table: "T1", .. }),
        "{err}"
    );
    assert_eq!(err.fact(), Some("revenue.total"));

    let err = builder()
        .general_budget(GeneralBudgetTable::default())
        .build()
        .unwrap_err();
    assert_eq!(err.fact(), Some("general_budget.expenditure"));

    let mut t3 = ExpenditureTable::default();
    let err = builder().expenditure(t3.clone()).build().unwrap_err();
    assert!(
        matches!(err, ModelError::EmptyTable { table: "T3", .. }),
        "{err}"
    );
    t3.rows
        .insert("208".parse().unwrap(), ExpenditureRow::default());
    let err = builder().expenditure(t3).build().unwrap_err();
    assert!(matches!(err, ModelError::MissingRowTotal { .. }), "{err}");

    let err = builder()
        .government_fund(FundTable::default())
        .build()
        .unwrap_err();
    assert!(
        matches!(err, ModelError::EmptyTable { table: "T7", .. }),
        "{err}"
    );
    let note = FundTable {
        note: Some("本表无数据".into()),
        ..Default::default()
    };
    assert!(builder().government_fund(note).build().is_ok());
}

#[test]
fn units_must_be_the_documents() {
    let mut t = t9();
    t.reception = Some(Figure::new(a("18000元")));
    let err = small().three_public(t).build().unwrap_err();
    assert!(matches!(err, ModelError::Unit { .. }), "{err}");
}

#[test]
fn disclosure_round_trip() {
    let r = small().build().unwrap();
    let d = r.to_disclosure();
    assert_eq!(d.fiscal_year(), Some(fy()));
    assert_eq!(
        d.amount("appropriation.initial_budget")
            .map(|a| a.printed()),
        Some("800.00".into())
    );
    assert_eq!(
        d.percent("appropriation.revenue_total.budget_variance_rate")
            .map(|p| p.to_string()),
        Some("18.75%".into())
    );
    assert_eq!(d.amount("three_public.total.budget"), Some(a("181.58")));
    assert_eq!(
        d.text("three_public.vehicles_held.reason"),
        Some("两家单位车辆停用")
    );
    // A figure T4 and T5 both hold is one fact, stated once.
    assert!(d.iter().all(|(_, stmts)| stmts.len() == 1));
    assert_eq!(FinalAccounts::from_disclosure(&d).unwrap(), r);
}

#[test]
fn from_disclosure_is_strict() {
    let r = small().build().unwrap();
    let mut d = r.to_disclosure();
    d.insert_str("document.title_year", "2024").unwrap();
    let err = FinalAccounts::from_disclosure(&d).unwrap_err();
    assert!(matches!(err, ModelError::Unmappable { .. }), "{err}");
    assert_eq!(err.fact(), Some("document.title_year"));

    let mut d = r.to_disclosure();
    d.insert_str("three_public.reception", "1.81").unwrap();
    let err = FinalAccounts::from_disclosure(&d).unwrap_err();
    assert!(matches!(err, ModelError::Conflict { .. }), "{err}");

    // A shared figure with no table to hold it.
    let mut d = Disclosure::new(Unit::WanYuan);
    d.set_fiscal_year(Some(fy()));
    d.set_department(Some("测试部门".into()));
    d.insert_str("general_budget.expenditure", "1.00").unwrap();
    let err = FinalAccounts::from_disclosure(&d).unwrap_err();
    assert_eq!(err.fact(), Some("general_budget.expenditure"));

    let err = FinalAccounts::from_disclosure(&Disclosure::default()).unwrap_err();
    assert_eq!(
        err,
        ModelError::Missing {
            what: "fiscal year"
        }
    );
}

#[test]
fn cited_codes_become_facts() {
    let mut t = t5();
    t.rows.insert(
        "2080105".parse().unwrap(),
        GeneralBudgetRow::new(
            Figure::new(a("200.00"))
                .with_reason("上年度列入本科目项目本年度调整至 2080116 引进人才费用。"),
        ),
    );
    let r = small().general_budget(t).build().unwrap();
    let d = r.to_disclosure();
    assert_eq!(
        d.text("general_budget.function.2080105.cited_code"),
        Some("2080116 引进人才费用")
    );
    assert_eq!(FinalAccounts::from_disclosure(&d).unwrap(), r);
    assert_eq!(cited_codes("调整为 208001 行政运行"), ["208001 行政运行"]);
}

#[test]
fn json_round_trip() {
    let r = small().build().unwrap();
    let json = r.to_json();
    assert!(json.contains("\"unit\": \"万元\""), "{json}");
    assert!(json.contains("\"1100.00\""), "{json}");
    assert_eq!(FinalAccounts::from_json(&json).unwrap(), r);
    let via_serde: FinalAccounts = serde_json::from_str(&json).unwrap();
    assert_eq!(via_serde, r);
}

#[test]
fn yuan_documents_are_read_in_yuan() {
    let json = r#"{
        "fiscal_year": 2024, "department": "测试部门", "unit": "元",
        "three_public": {"total": "1815800", "overseas_travel": "0",
                         "vehicles": "1797800", "reception": "18000"}
    }"#;
    let r = FinalAccounts::from_json(json).unwrap();
    assert_eq!(r.unit(), Unit::Yuan);
    let total = r.three_public().unwrap().total.as_ref().unwrap().amount;
    assert_eq!(total.unit(), Unit::Yuan);
    assert_eq!(total.value(), Decimal::new(1_815_800, 0));
    assert_eq!(FinalAccounts::from_json(&r.to_json()).unwrap(), r);
    let broken = json.replace("18000", "18100");
    let err = FinalAccounts::from_json(&broken).unwrap_err();
    assert_eq!(
        err.model_error().and_then(|m| m.rule()),
        Some("T9.total"),
        "{err}"
    );
}

fn doc(body: &str) -> String {
    format!(r#"{{"fiscal_year": 2024, "department": "测试部门", "unit": "万元", {body}}}"#)
}

fn json_err(body: &str) -> juesuan::disclosure::JsonError {
    FinalAccounts::from_json(&doc(body)).unwrap_err()
}

/// The error's message and its sources, as a program printing the chain
/// shows them.
fn chain(e: &juesuan::disclosure::JsonError) -> String {
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

#[test]
fn json_errors_name_the_path() {
    let e = json_err(r#""three_public": {"total": 181.58}"#);
    assert_eq!(e.path(), "three_public.total");
    assert!(chain(&e).contains("numbers lose trailing zeros"), "{e}");

    let e = json_err(r#""three_public": {"total": "1.00", "vehicles_held": -1}"#);
    assert_eq!(e.path(), "three_public.vehicles_held");
    assert!(chain(&e).contains("at least 0"), "{e}");
    assert!(chain(&e).contains("-1"), "{e}");

    let e =
        json_err(r#""general_budget": {"total": "1.00", "rows": {"2999999": {"total": "1.00"}}}"#);
    assert_eq!(e.path(), "general_budget.rows.2999999");
    assert!(chain(&e).contains("unknown function code 2999999"), "{e}");

    let e =
        json_err(r#""general_budget": {"total": "1.00", "rows": {"208001": {"total": "1.00"}}}"#);
    assert!(e.path().starts_with("general_budget.rows"), "{e}");
    assert!(chain(&e).contains("208001"), "{e}");

    let forty = "1234567890123456789012345678901234567890";
    let e = json_err(&format!(r#""three_public": {{"total": "{forty}"}}"#));
    assert_eq!(e.path(), "three_public.total");
    assert!(chain(&e).contains("out of range"), "{e}");

    let e = json_err(r#""three_public": {"overseas_travel": "0.00"}"#);
    assert_eq!(e.path(), "three_public.total");
    assert!(chain(&e).contains("required"), "{e}");

    let e = json_err(r#""three_public": {"total": "1.00", "totl": "1.00"}"#);
    assert!(e.path().starts_with("three_public"), "{e}");
    assert!(chain(&e).contains("unknown field `totl`"), "{e}");

    let e = json_err(r#""extra": 1"#);
    assert!(chain(&e).contains("unknown field `extra`"), "{e}");

    let e = json_err(r#""three_public": {"total": {"amount": "1.00", "shar": "1"}}"#);
    assert!(e.path().starts_with("three_public.total"), "{e}");
    assert!(chain(&e).contains("unknown field `shar`"), "{e}");

    let e = json_err(
        r#""three_public": {"total": "1.00", "overseas_travel": "0.00", "vehicles": "0.00", "reception": "0.50"}"#,
    );
    assert_eq!(e.path(), "three_public.total");
    assert_eq!(e.message(), "fails validation");
    let model = std::error::Error::source(&e)
        .and_then(|s| s.downcast_ref::<juesuan::model::ModelError>())
        .unwrap();
    assert_eq!(model.rule(), Some("T9.total"));
    assert!(chain(&e).contains("T9.total"), "{e}");

    let e = FinalAccounts::from_json(r#"{"department": "测试部门", "unit": "万元"}"#).unwrap_err();
    assert!(chain(&e).contains("fiscal_year"), "{e}");

    let e = FinalAccounts::from_json("{").unwrap_err();
    assert_eq!(e.path(), "$");

    let e = json_err(r#""assets": {"vehicles_by_kind": {"bus": 1}}"#);
    assert!(e.path().starts_with("assets.vehicles_by_kind"), "{e}");
    assert!(chain(&e).contains("bus"), "{e}");
}

// ------------------------------------------------------------ proptest

fn cents(c: i64) -> Amount {
    Amount::new(Decimal::new(c, 2), Unit::WanYuan)
}

fn sum(parts: &[i64]) -> i64 {
    parts.iter().sum()
}

const TREE: [(&str, [&str; 2]); 4] = [
    ("205", ["2050302", "2050303"]),
    ("208", ["2080101", "2080105"]),
    ("210", ["2101101", "2101102"]),
    ("221", ["2210201", "2210203"]),
];

prop_compose! {
    fn report()(
        items in prop::collection::vec(0i64..5_000_000, 8),
        split in prop::collection::vec(0i64..=100, 8),
        present in prop::collection::vec(any::<bool>(), 4),
        balances in prop::collection::vec(0i64..1_000_000, 6),
        three in prop::collection::vec(0i64..50_000, 4),
        budgets in prop::collection::vec(0i64..50_000, 4),
        counts in prop::collection::vec(0u64..500, 3),
        with_t1 in any::<bool>(),
        with_t9 in any::<bool>(),
        reason in prop::option::of("[一-龥]{1,8}"),
    ) -> FinalAccounts {
        // T5: rows by class and item; class = Σ items; total = Σ classes.
        let mut t5 = GeneralBudgetTable::default();
        let mut classes = Vec::new();
        for (k, (class, kids)) in TREE.iter().enumerate() {
            let keep = present[k] || (k == 0 && present.iter().all(|p| !p));
            if !keep {
                continue;
            }
            let mut class_sum = Vec::new();
            for (j, kid) in kids.iter().enumerate() {
                let n = k * 2 + j;
                let amount = items[n];
                let basic = amount * split[n] / 100;
                let mut row = GeneralBudgetRow::new(cents(amount));
                row.basic = Some(cents(basic));
                row.project = Some(cents(amount - basic));
                if let (Some(r), Some(total)) = (&reason, row.total.as_mut()) {
                    total.reason = Some(format!("{r}，调整至 2080199 其他人力资源和社会保障管理事务支出"));
                }
                t5.rows.insert(kid.parse().unwrap(), row);
                class_sum.push(amount);
            }
            let c = sum(&class_sum);
            t5.rows.insert(class.parse().unwrap(), GeneralBudgetRow::new(cents(c)));
            classes.push(c);
        }
        let e = sum(&classes);
        t5.total = Some(Figure::new(cents(e)));

        // T4: opening + revenue = expenditure + closing, for 合计 and 一般公共预算.
        let closing = balances[0];
        let opening = balances[1].min(e + closing);
        let revenue = e + closing - opening;
        let mut t4 = AppropriationSummary {
            revenue_total: Some(Figure::new(cents(opening + revenue))),
            expenditure_total: Some(Figure::new(cents(e + closing))),
            ..Default::default()
        };
        t4.total.opening_balance = Some(Figure::new(cents(opening)));
        t4.total.revenue = Some(Figure::new(cents(revenue)));
        t4.total.expenditure = Some(Figure::new(cents(e)));
        t4.total.closing_balance = Some(Figure::new(cents(closing)));
        t4.general_budget = t4.total.clone();

        let mut b = FinalAccounts::builder()
            .fiscal_year(FiscalYear::new(2024).unwrap())
            .department("生成的部门")
            .appropriation(t4)
            .general_budget(t5);

        if with_t1 {
            let business = balances[2];
            let used = balances[3];
            let current = revenue + business;
            let t1_opening = balances[4];
            let total = current + used + t1_opening;
            let spent = e + (total - e).max(0) * balances[5] / 1_000_000;
            let basic = spent / 3;
            b = b.summary(RevenueExpenditureSummary {
                revenue_total: Some(Figure::new(cents(total))),
                revenue_current_year: Some(Figure::new(cents(current))),
                revenue_appropriation: Some(Figure::new(cents(revenue))),
                revenue_general_budget: Some(Figure::new(cents(revenue))),
                revenue_business: Some(Figure::new(cents(business))),
                revenue_non_appropriation_balance_used: Some(Figure::new(cents(used))),
                revenue_opening_balance: Some(Figure::new(cents(t1_opening))),
                expenditure_total: Some(Figure::new(cents(total))),
                expenditure_current_year: Some(Figure::new(cents(spent))),
                expenditure_basic: Some(Figure::new(cents(basic))),
                expenditure_project: Some(Figure::new(cents(spent - basic))),
                expenditure_closing_balance: Some(Figure::new(cents(total - spent))),
                ..Default::default()
            });
        }
        if with_t9 {
            let [overseas, purchase, operation, reception] = [three[0], three[1], three[2], three[3]];
            let [bo, bp, bq, br] = [budgets[0], budgets[1], budgets[2], budgets[3]];
            let fig = |x: i64, bx: i64| Figure::new(cents(x)).with_budget(cents(bx), None);
            b = b.three_public(ThreePublicExpenses {
                total: Some(fig(overseas + purchase + operation + reception, bo + bp + bq + br)),
                overseas_travel: Some(fig(overseas, bo)),
                vehicles: Some(fig(purchase + operation, bp + bq)),
                vehicle_purchase: Some(fig(purchase, bp)),
                vehicle_operation: Some(fig(operation, bq)),
                reception: Some(fig(reception, br)),
                overseas_groups: Some(CountFigure::new(counts[0])),
                vehicles_held: Some(CountFigure::new(counts[1]).with_change(-3)),
                reception_batches: Some(CountFigure::new(counts[2])),
                ..Default::default()
            });
        }
        b.build().unwrap()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_reports_round_trip_through_json(r in report()) {
        let json = r.to_json();
        let back = FinalAccounts::from_json(&json).unwrap();
        prop_assert_eq!(back, r);
    }

    #[test]
    fn generated_reports_round_trip_through_disclosure(r in report()) {
        let back = FinalAccounts::from_disclosure(&r.to_disclosure()).unwrap();
        prop_assert_eq!(back, r);
    }
}

// ------------------------------------------------------------ reference report

/// The reference report (2024, 新疆维吾尔自治区人力资源和社会保障厅) as
/// stated in its narrative; its tables were not published.
const XINJIANG: &str = r#"{
  "fiscal_year": 2024,
  "department": "新疆维吾尔自治区人力资源和社会保障厅",
  "unit": "万元",
  "overview": {
    "divisions": ["办公室", "政策法规处（政研室）", "规划财务处", "就业促进处", "人力资源市场处",
      "职业能力建设处", "专业技术人员管理处", "事业单位人事管理处", "农民工工作处", "劳动关系处",
      "工资福利处", "养老保险处", "失业保险处", "工伤保险处", "农村社会保险处", "社会保险基金监督处",
      "调解仲裁管理处", "信访办公室", "劳动监察处", "人事处", "自治区表彰奖励办公室", "机关党委",
      "机关纪委", "离退休干部工作处"],
    "division_count": 24,
    "units": ["新疆维吾尔自治区人力资源和社会保障厅", "新疆维吾尔自治区技工教师进修学校",
      "新疆维吾尔自治区劳动就业培训中心", "新疆维吾尔自治区职业技能鉴定中心",
      "新疆维吾尔自治区公共就业服务中心", "新疆铁道职业技术学院", "新疆维吾尔自治区社会保险中心",
      "新疆维吾尔自治区人事考试中心", "新疆维吾尔自治区干部疗养院"],
    "staffing": {
      "total": 1785,
      "active": {"count": 803, "change": -25},
      "retired_cadre": {"count": 5, "change": -3},
      "retired": {"count": 977, "change": 24}
    }
  },
  "summary": {
    "revenue_total": {"amount": "74194.06", "change": "1382.98", "change_rate": "1.90",
      "reason": "本年度各下属单位为推动相关工作顺利开展，追加人才发展项目和学生教育补助项目等预算收入，推进项目落实，提高资金使用效率。"},
    "revenue_current_year": "73274.06",
    "revenue_appropriation": {"amount": "68460.73", "share": "93.43"},
    "revenue_superior_subsidy": {"amount": "0.00", "share": "0.00"},
    "revenue_business": {"amount": "3540.70", "share": "4.83"},
    "revenue_operating": {"amount": "1272.63", "share": "1.74"},
    "revenue_affiliate_remittance": {"amount": "0.00", "share": "0.00"},
    "revenue_other": {"amount": "0.00", "share": "0.00"},
    "revenue_non_appropriation_balance_used": "520.00",
    "revenue_opening_balance": "400.00",
    "expenditure_total": "74194.06",
    "expenditure_current_year": "73702.79",
    "expenditure_basic": {"amount": "20021.91", "share": "27.17"},
    "expenditure_project": {"amount": "52408.25", "share": "71.11"},
    "expenditure_remittance_to_superior": {"amount": "0.00", "share": "0.00"},
    "expenditure_operating": {"amount": "1272.63", "share": "1.73"},
    "expenditure_subsidy_to_affiliates": {"amount": "0.00", "share": "0.00"},
    "expenditure_surplus_distribution": "0.00",
    "expenditure_closing_balance": "491.27"
  },
  "appropriation": {
    "revenue_total": {"amount": "68860.73", "change": "2951.68", "change_rate": "4.48",
      "budget": "45059.04", "budget_variance_rate": "52.82",
      "reason": "本年度各下属单位为推动相关工作顺利开展，追加人才发展项目和学生教育补助项目等预算收入，推进项目落实，提高资金使用效率。"},
    "expenditure_total": "68860.73",
    "total": {"opening_balance": "400.00", "revenue": "68460.73", "expenditure": "68369.46",
      "closing_balance": "491.27"}
  },
  "general_budget": {
    "total": {"amount": "68369.46", "share": "92.76", "change": "2460.41", "change_rate": "3.73",
      "budget": "45059.04", "budget_variance_rate": "51.73",
      "reason": "本年度各下属单位为推动相关工作顺利开展，追加人才发展项目和学生教育补助项目等预算收入，推进项目落实，提高资金使用效率。"},
    "basic_total": "20021.91",
    "rows": {
      "205": {"total": {"amount": "12086.90", "name": "教育支出", "share": "17.68"}},
      "2050302": {"total": {"amount": "287.40", "name": "中等职业教育", "change": "-50.41", "change_rate": "-14.92", "reason": "2024 年中等职业教育学生人数较上年减少，享受中等职业教育各项补贴减少。"}},
      "2050303": {"total": {"amount": "361.08", "name": "技校教育", "change": "17.13", "change_rate": "4.98"}},
      "2050305": {"total": {"amount": "10970.29", "name": "高等职业教育", "change": "186.34", "change_rate": "1.73"}},
      "2050801": {"total": {"amount": "468.13", "name": "教师进修", "change": "157.83", "change_rate": "50.86"}},
      "208": {"total": {"amount": "54662.05", "name": "社会保障和就业支出", "share": "79.95"}},
      "2080101": {"total": {"amount": "5948.68", "name": "行政运行", "change": "82.75", "change_rate": "1.41", "reason": "现有行政人员职务职级正常调整。"}},
      "2080103": {"total": {"amount": "0.00", "name": "机关服务", "change": "-1351.63", "change_rate": "-100.00", "reason": "根据《2024 年政府收支分类科目》以及部门业务情况，进行相应的科目调整，2024 年把 2080103 机关服务项调整为 2080150 事业运行。"}},
      "2080104": {"total": {"amount": "105.00", "name": "综合业务管理", "change": "-14280.92", "change_rate": "-99.27", "reason": "根据《2024 年政府收支分类科目》以及部门业务情况，进行相应的科目调整，2024 年把 2080104 综合事务管理调整为 2080199 其他人力资源和社会保障管理事务支出。"}},
      "2080105": {"total": {"amount": "13.00", "name": "劳动保障监察", "change": "3.00", "change_rate": "30.00"}},
      "2080106": {"total": {"amount": "873.46", "name": "就业管理事务", "change": "873.46", "change_rate": "100.00", "reason": "新疆人才发展基金 2024 年度第一轮支持资金-天山英才培养计划，纳入 2080106 就业管理事务。"}},
      "2080107": {"total": {"amount": "20.00", "name": "社会保险业务管理事务", "change": "20.00", "change_rate": "100.00", "reason": "新增社会保险基金监督管理费用，纳入 2080107 社会保险业务管理事务（项）。"}},
      "2080108": {"total": {"amount": "1100.00", "name": "信息化建设", "change": "-110.00", "change_rate": "-9.09"}},
      "2080109": {"total": {"amount": "1683.00", "name": "社会保险经办机构", "change": "-0.08", "change_rate": "0.00"}},
      "2080111": {"total": {"amount": "1135.87", "name": "公共就业服务和职业技能鉴定机构", "change": "-705.89", "change_rate": "-38.33"}},
      "2080112": {"total": {"amount": "77.00", "name": "劳动人事争议调解仲裁", "change": "-2.90", "change_rate": "-3.63"}},
      "2080115": {"total": {"amount": "4.50", "name": "博士后日常经费", "change": "-295.50", "change_rate": "-98.50", "reason": "上年度列入本科目项目本年度调整至 2080116 引进人才费用。"}},
      "2080116": {"total": {"amount": "249.50", "name": "引进人才费用", "change": "178.50", "change_rate": "251.41"}},
      "2080150": {"total": {"amount": "3096.06", "name": "事业运行", "change": "1326.33", "change_rate": "74.95"}},
      "2080199": {"total": {"amount": "37835.85", "name": "其他人力资源和社会保障管理事务支出", "change": "16382.08", "change_rate": "76.36"}},
      "2080501": {"total": {"amount": "949.77", "name": "行政单位离退休", "change": "-116.65", "change_rate": "-10.94", "reason": "2024 年把离退休人员公用经费从 2080501，2080502 调整为 208001 行政运行。同时，2023 年提高了离退休人员基础绩效奖及艰边贴。"}},
      "2080502": {"total": {"amount": "289.67", "name": "事业单位离退休", "change": "-125.59", "change_rate": "-30.24", "reason": "2024 年把离退休人员公用经费从 2080501，2080502 调整为 208001 行政运行。同时，2023 年提高了离退休人员基础绩效奖及艰边贴。"}},
      "2080505": {"total": {"amount": "976.72", "name": "机关事业单位基本养老保险缴费支出", "change": "31.02", "change_rate": "3.28"}},
      "2080506": {"total": {"amount": "303.98", "name": "机关事业单位职业年金缴费支出", "change": "190.12", "change_rate": "166.98"}},
      "210": {"total": {"amount": "887.96", "name": "卫生健康支出", "share": "1.30"}},
      "2101101": {"total": {"amount": "278.09", "name": "行政单位医疗", "change": "27.95", "change_rate": "11.17"}},
      "2101102": {"total": {"amount": "181.20", "name": "事业单位医疗", "change": "-13.38", "change_rate": "-6.88"}},
      "2101103": {"total": {"amount": "428.67", "name": "公务员医疗补助", "change": "13.60", "change_rate": "3.28"}},
      "221": {"total": {"amount": "732.54", "name": "住房保障支出", "share": "1.07"}},
      "2210201": {"total": {"amount": "732.54", "name": "住房公积金", "change": "23.26", "change_rate": "3.28"}}
    }
  },
  "basic": {"total": "20021.91", "personnel": "17968.72", "public": "2053.19"},
  "government_fund": {"note": "本部门本年度无政府性基金预算财政拨款收入、支出及结转和结余，政府性基金预算财政拨款收入支出决算表为空表。"},
  "state_capital": {"note": "本部门本年度无国有资本经营预算财政拨款收入、支出及结转和结余，国有资本经营预算财政拨款收入支出决算表为空表。"},
  "three_public": {
    "total": {"amount": "181.58", "change": "-13.18", "change_rate": "-6.77", "budget": "181.58", "budget_variance_rate": "0.00"},
    "overseas_travel": {"amount": "0.00", "share": "0.00", "change": "-12.18", "change_rate": "-100", "budget": "0.00", "budget_variance_rate": "0.00", "reason": "2024 年自治区人社厅无出国任务安排"},
    "vehicles": {"amount": "179.78", "share": "99.01", "change": "-1.00", "change_rate": "-0.55"},
    "vehicle_purchase": {"amount": "0.00", "budget": "0.00", "budget_variance_rate": "0.00"},
    "vehicle_operation": {"amount": "179.78", "budget": "179.78", "budget_variance_rate": "0.00"},
    "reception": {"amount": "1.80", "share": "0.99", "change": "0.00", "budget": "1.80", "budget_variance_rate": "0.00"},
    "overseas_groups": 0,
    "overseas_persons": 0,
    "vehicles_purchased": 0,
    "vehicles_held": {"count": 91, "reason": "下属单位自治区劳动就业培训中心和自治区干部疗养院两家单位为培疗机构改革单位，业务基本停滞，车辆处于停用状态，两家单位无公务用车运行维护费，公务用车保有量不做统计。"},
    "reception_batches": 48,
    "reception_persons": 188
  },
  "operating_costs": {
    "office": {"amount": "1058.16", "change": "134.30", "change_rate": "14.54", "reason": "2024 年机关运行经费本年度追加了访惠聚工作经费支出。"},
    "institution": {"amount": "995.03", "change": "5.03", "change_rate": "0.51"}
  },
  "procurement": {
    "total": "18332.45",
    "goods": "5386.52",
    "works": "0.00",
    "services": "12945.93",
    "sme": {"amount": "17296.42", "share": "94.35"},
    "small_micro": {"amount": "14367.77", "share": "78.37"}
  },
  "assets": {
    "balance_date": "2024-12-31",
    "building_area": "165381.14",
    "building_value": "20558.79",
    "vehicles": 97,
    "vehicles_by_kind": {"ministerial": 0, "principal": 0, "confidential": 0, "emergency": 0,
      "law_enforcement": 0, "special": 0, "retiree_service": 0, "other": 97},
    "vehicle_value": "2483.81",
    "equipment_over_1m": 51
  },
  "performance": {
    "self_evaluations": 1,
    "budget_total": "75400.72",
    "executed_total": "73702.79",
    "projects": 25,
    "projects_budget": "619993.01",
    "projects_executed": "619987.55",
    "excluded_projects": 5,
    "excluded_budget": "2727838.00",
    "excluded_executed": "2726565.95",
    "evaluated_excluded_projects": 4
  }
}"#;

#[test]
fn the_reference_report_is_held_and_its_anomalies_found() {
    let r = FinalAccounts::from_json(XINJIANG);
    assert!(r.is_ok(), "{r:?}");
    let r = r.unwrap();
    assert_eq!(r.general_budget().unwrap().rows.len(), 30);
    // T4's 一般公共预算 column and T6's total were filled from T5.
    assert!(
        r.appropriation()
            .unwrap()
            .general_budget
            .expenditure
            .is_some()
    );
    let findings = r.audit();
    let has = |rule: &str, severity: Severity| {
        findings
            .iter()
            .any(|f| f.rule() == rule && f.severity() == severity)
    };
    for (rule, severity) in [
        ("T5.total", Severity::Info),
        ("T5.hierarchy", Severity::Info),
        ("T5.change-sum", Severity::Info),
        ("T5.prior-year-sum", Severity::Info),
        ("code.malformed", Severity::Warning),
        ("code.name-mismatch", Severity::Warning),
        ("rate.zero-base", Severity::Warning),
        ("assets.vehicles-held-difference", Severity::Info),
    ] {
        assert!(has(rule, severity), "{rule} {severity}: {findings:#?}");
    }
    assert!(findings.iter().all(|f| f.severity() != Severity::Error));
    // Round trips.
    assert_eq!(FinalAccounts::from_json(&r.to_json()).unwrap(), r);
    assert_eq!(
        FinalAccounts::from_disclosure(&r.to_disclosure()).unwrap(),
        r
    );
}

/// Every table of 中共上海市普陀区委社会工作部 2024 (the published tables).
#[test]
fn a_report_with_full_tables_round_trips() {
    use juesuan::{
        fact::VehicleKind, model::Assets, model::BasicExpenditureTable, model::OperatingCosts,
        model::Procurement, model::RevenueRow, model::RevenueTable,
    };
    // code, total, basic, project
    let rows = [
        ("201", "264.87", Some("62.63"), Some("202.24")),
        ("20139", "264.87", Some("62.63"), Some("202.24")),
        ("2013901", "51.32", Some("51.32"), None),
        ("2013950", "11.31", Some("11.31"), None),
        ("2013999", "202.24", None, Some("202.24")),
        ("208", "10.82", Some("10.82"), None),
        ("20805", "10.82", Some("10.82"), None),
        ("2080505", "6.18", Some("6.18"), None),
        ("2080506", "4.64", Some("4.64"), None),
        ("210", "2.71", Some("2.71"), None),
        ("21011", "2.71", Some("2.71"), None),
        ("2101101", "2.22", Some("2.22"), None),
        ("2101102", "0.49", Some("0.49"), None),
        ("221", "29.42", Some("29.42"), None),
        ("22102", "29.42", Some("29.42"), None),
        ("2210201", "17.70", Some("17.70"), None),
        ("2210203", "11.72", Some("11.72"), None),
    ];
    let mut t2 = RevenueTable::default();
    let mut t3 = ExpenditureTable::default();
    let mut t5 = GeneralBudgetTable {
        total: Some(f("307.82")),
        basic_total: Some(f("105.58")),
        ..Default::default()
    };
    let mut t4 = AppropriationSummary {
        revenue_total: Some(f("307.82")),
        expenditure_total: Some(f("307.82")),
        ..Default::default()
    };
    t4.total.revenue = Some(f("307.82"));
    t4.total.expenditure = Some(f("307.82"));
    t4.general_budget.revenue = Some(f("307.82"));
    for (code, total, basic, project) in rows {
        let c: juesuan::code::FunctionCode = code.parse().unwrap();
        let mut r2 = RevenueRow::new(a(total));
        r2.appropriation = Some(a(total));
        t2.rows.insert(c, r2);
        let mut r3 = ExpenditureRow::new(a(total));
        r3.basic = basic.map(a);
        r3.project = project.map(a);
        t3.rows.insert(c, r3);
        let mut r5 = GeneralBudgetRow::new(a(total));
        r5.basic = basic.map(a);
        r5.project = project.map(a);
        t5.rows.insert(c, r5);
        if code.len() == 3 {
            t4.expenditure_by_function.insert(c, f(total));
        }
    }
    let mut t6 = BasicExpenditureTable {
        personnel: Some(f("95.36")),
        public: Some(f("10.23")),
        ..Default::default()
    };
    for (code, amount) in [
        ("301", "95.36"),
        ("30101", "14.12"),
        ("30102", "39.72"),
        ("30103", "0.00"),
        ("30106", "0.00"),
        ("30107", "10.16"),
        ("30108", "6.18"),
        ("30109", "4.64"),
        ("30110", "2.71"),
        ("30111", "0.00"),
        ("30112", "0.09"),
        ("30113", "17.70"),
        ("30114", "0.00"),
        ("30199", "0.04"),
    ] {
        t6.rows.insert(code.parse().unwrap(), f(amount));
    }
    let summary = RevenueExpenditureSummary {
        revenue_total: Some(
            Figure::new(a("307.82")).with_change(a("307.82"), "100.00".parse().unwrap()),
        ),
        revenue_current_year: Some(f("307.82")),
        revenue_appropriation: Some(Figure::new(a("307.82")).with_share("100.00".parse().unwrap())),
        revenue_general_budget: Some(f("307.82")),
        expenditure_total: Some(f("307.82")),
        expenditure_current_year: Some(f("307.82")),
        expenditure_basic: Some(Figure::new(a("105.58")).with_share("34.30".parse().unwrap())),
        expenditure_project: Some(Figure::new(a("202.24")).with_share("65.70".parse().unwrap())),
        ..Default::default()
    };
    let note = |s: &str| FundTable {
        note: Some(s.to_owned()),
        ..Default::default()
    };
    let mut assets = Assets {
        balance_date: Some("2024-12-31".parse().unwrap()),
        vehicles: Some(CountFigure::new(0)),
        equipment_over_1m: Some(CountFigure::new(0)),
        ..Default::default()
    };
    for kind in VehicleKind::ALL {
        assets.vehicles_by_kind.insert(kind, 0);
    }
    let r = builder()
        .summary(summary)
        .revenue(t2)
        .expenditure(t3)
        .appropriation(t4)
        .general_budget(t5)
        .basic(t6)
        .government_fund(note(
            "本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。",
        ))
        .state_capital(note(
            "本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。",
        ))
        .operating_costs(OperatingCosts {
            office: Some(
                Figure::new(a("10.23")).with_change(a("10.23"), "100.00".parse().unwrap()),
            ),
            institution: None,
        })
        .procurement(Procurement {
            total: Some(f("21.07")),
            goods: Some(f("21.07")),
            works: Some(f("0.00")),
            services: Some(f("0.00")),
            sme: Some(f("21.07")),
            small_micro: Some(f("21.07")),
        })
        .assets(assets)
        .build();
    assert!(r.is_ok(), "{r:?}");
    let r = r.unwrap();
    // T6's total was filled from T5.
    assert_eq!(r.basic().unwrap().total, Some(f("105.58")));
    let findings = r.audit();
    assert!(
        findings
            .iter()
            .any(|f| f.rule() == "T6.total" && f.severity() == Severity::Info),
        "{findings:#?}"
    );
    assert_eq!(FinalAccounts::from_json(&r.to_json()).unwrap(), r);
    assert_eq!(
        FinalAccounts::from_disclosure(&r.to_disclosure()).unwrap(),
        r
    );
}

// ------------------------------------------------ reading what a report states

const REFERENCE: &str = include_str!("../examples/data/xinjiang-hrss-2024.json");

/// A valid report reads the same either way: as what it states, and
/// strictly then written out.
#[test]
fn a_valid_report_states_what_its_strict_form_writes() {
    let strict = FinalAccounts::from_json(REFERENCE).unwrap().to_disclosure();
    let stated = Disclosure::from_final_accounts_json(REFERENCE).unwrap();
    assert_eq!(stated.to_json(), strict.to_json());
    assert_eq!(
        juesuan::Disclosure::from_any_json(REFERENCE)
            .unwrap()
            .to_json(),
        strict.to_json()
    );
}

/// A FinalAccounts that breaks two identities is refused by the strict
/// reader (which keeps the first rule as the source), and read as what it
/// states for the audit, which lists both.
#[test]
fn a_broken_report_is_read_as_stated_and_every_finding_listed() {
    let mut json: serde_json::Value = serde_json::from_str(REFERENCE).unwrap();
    // T9: 181.58 = 0.00 + 179.78 + 1.80 breaks by 0.10; T6: 20,021.91 =
    // 17,968.72 + 2,053.19 breaks by 1.00 (hand-computed).
    json["three_public"]["reception"]["amount"] = "1.90".into();
    json["basic"]["public"] = "2054.19".into();
    let text = json.to_string();

    let err = FinalAccounts::from_json(&text).unwrap_err();
    let model = err.model_error().unwrap();
    assert!(model.is_identity(), "{model}");
    assert!(model.findings().len() >= 2, "{model}");

    let d = juesuan::Disclosure::from_any_json(&text).unwrap();
    let errors: std::collections::BTreeSet<&str> = juesuan::audit(&d)
        .iter()
        .filter(|f| f.severity() == Severity::Error)
        .map(|f| f.rule())
        .collect();
    assert!(errors.contains("T9.total"), "{errors:?}");
    assert!(errors.iter().any(|r| r.starts_with("T6.")), "{errors:?}");
    // Nothing of the report was lost on the way.
    assert_eq!(
        d.amount("three_public.reception").map(|a| a.printed()),
        Some("1.90".to_owned())
    );
    assert_eq!(
        d.len(),
        juesuan::Disclosure::from_any_json(REFERENCE).unwrap().len()
    );
}

/// Two tables that hold one figure with two values: both statements are
/// kept, and the audit says they disagree.
#[test]
fn a_figure_stated_twice_differently_is_kept_twice() {
    let mut json: serde_json::Value = serde_json::from_str(REFERENCE).unwrap();
    json["appropriation"]["general_budget"]["expenditure"]["amount"] = "68369.47".into();
    let text = json.to_string();
    let err = FinalAccounts::from_json(&text).unwrap_err();
    assert!(
        matches!(err.model_error(), Some(ModelError::Conflict { .. })),
        "{err:?}"
    );
    let d = juesuan::Disclosure::from_any_json(&text).unwrap();
    let values: Vec<String> = d
        .statements("general_budget.expenditure")
        .iter()
        .filter_map(|f| f.value().as_amount())
        .map(|a| a.printed())
        .collect();
    assert_eq!(values.len(), 2, "{values:?}");
    assert!(values.contains(&"68,369.47".to_owned()), "{values:?}");
    assert!(
        juesuan::audit(&d).iter().any(|f| f.rule() == "restatement"),
        "the restatement rule names the disagreement"
    );
}
