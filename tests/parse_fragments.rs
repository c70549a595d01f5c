#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
//! Fragments written for these tests: words that contradict the figures, years that do
//! not fit the report year, template placeholders, and the styles PDF extraction
//! produces (broken lines, spaces in numbers, traditional characters, 元 amounts, a
//! missing "%", six decimals). Each checks what is read and what the audit then says.

use juesuan::audit::Quantity;
use juesuan::{Disclosure, Finding, Unit, audit, text::ParsedReport, text::parse_report};

fn parse(text: &str) -> ParsedReport {
    let parsed = parse_report(text);
    assert!(!parsed.disclosure.is_empty(), "nothing read from {text:?}");
    parsed
}

fn amount(d: &Disclosure, id: &str) -> String {
    d.amount(id)
        .map(|a| a.to_string())
        .unwrap_or_else(|| panic!("{id} not stated"))
}

fn percent(d: &Disclosure, id: &str) -> String {
    d.percent(id)
        .map(|p| p.to_string())
        .unwrap_or_else(|| panic!("{id} not stated"))
}

/// The one finding of `rule`, which must point at the line of the original that
/// contains `on_line`.
fn finding<'f>(findings: &'f [Finding], rule: &str, original: &str, on_line: &str) -> &'f Finding {
    let found: Vec<&Finding> = findings.iter().filter(|f| f.rule() == rule).collect();
    assert_eq!(found.len(), 1, "{rule}: {findings:#?}");
    let f = found[0];
    let span = f.span().unwrap_or_else(|| panic!("{rule} has no span"));
    let line = span.source_line(original).unwrap();
    assert!(line.contains(on_line), "{rule} points at {line:?}");
    f
}

// ---------------------------------------------------------------------------------------
// Words against figures.

#[test]
fn final_said_larger_than_budget_when_it_is_smaller() {
    let text = "五、一般公共预算财政拨款支出决算情况说明\n\
                （三）一般公共预算财政拨款支出决算具体情况\n\
                一般公共预算财政拨款支出年初预算为 1,250.00 万元，支出决算为 1,187.50 万元，\n\
                完成年初预算的 95.00%。决算数大于预算数的主要原因：部分项目延至下年实施。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(
        amount(d, "general_budget.expenditure.budget"),
        "1,250.00万元"
    );
    assert_eq!(amount(d, "general_budget.expenditure"), "1,187.50万元");
    assert_eq!(
        d.text("general_budget.expenditure.comparison_word"),
        Some("大于")
    );
    assert_eq!(
        d.text("general_budget.expenditure.budget_reason"),
        Some("部分项目延至下年实施。")
    );
    let findings = audit(d);
    let f = finding(
        &findings,
        "wording.budget-comparison",
        text,
        "决算数大于预算数",
    );
    assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("小于"));
    assert_eq!(
        f.difference().map(Quantity::plain).as_deref(),
        Some("-62.50")
    );
    // The completion rate itself agrees with the figures.
    assert!(
        findings
            .iter()
            .all(|f| f.rule() != "narrative.completion-rate")
    );
}

#[test]
fn an_item_said_equal_to_its_budget_when_it_is_not() {
    let text = "五、一般公共预算财政拨款支出决算情况说明\n\
                1、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：\n\
                住房公积金支出。全年预算为 18.12 万元，支出决算为 17.70 万元。\n\
                决算数与全年预算数持平。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(
        d.text("general_budget.function.2210201.name"),
        Some("住房公积金")
    );
    assert_eq!(
        d.text("general_budget.function.2210201.comparison_word"),
        Some("持平")
    );
    let findings = audit(d);
    finding(&findings, "wording.budget-comparison", text, "持平");
}

/// 315 (淮北杜集 2021, traditional characters): 无增减 said of a budget of 20
/// against an actual of 0: the word is read, and judged once.
#[test]
fn no_change_from_the_budget_said_of_a_difference() {
    let text = "杜集區政府辦2021年度一般公共預算財政撥款“三公”經費支出決算中，\
                因公出國(境)費預算數20萬元。\n\
                1.因公出國(境)費支出0萬元，與2021年度預算相比無增減。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(
        d.text("three_public.overseas_travel.comparison_word"),
        Some("无增减")
    );
    let findings = audit(d);
    let f = finding(&findings, "wording.budget-comparison", text, "無增減");
    assert!(
        f.facts()
            .iter()
            .any(|x| x.as_str() == "three_public.overseas_travel.budget_variance"),
        "{f}"
    );
    assert!(
        findings
            .iter()
            .all(|f| f.rule() != "narrative.budget-variance"),
        "{findings:#?}"
    );
}

#[test]
fn a_rise_in_words_with_a_fall_in_the_rate() {
    let text = "九、财政拨款“三公”经费支出决算情况说明\n\
                2024 年度财政拨款“三公”经费支出 181.58 万元，比上年增加 13.18 万元，\n\
                下降 6.77%，主要原因是：严格控制经费支出。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(amount(d, "three_public.total.change"), "13.18万元");
    assert_eq!(percent(d, "three_public.total.change_rate"), "-6.77%");
    assert_eq!(d.text("three_public.total.change_word"), Some("增加"));
    assert_eq!(d.text("three_public.total.change_rate_word"), Some("下降"));
    let findings = audit(d);
    let f = finding(&findings, "wording.change-direction", text, "比上年增加");
    assert!(f.message().contains("增加") && f.message().contains("下降"));
    // The rate does not fit the change either: 13.18 on 168.40 is a rise of 7.83%.
    assert!(findings.iter().any(|f| f.rule() == "narrative.change-rate"));
}

#[test]
fn unchanged_in_words_with_a_change_in_figures() {
    let text = "十、其他重要事项的情况说明\n\
                （一）机关运行经费支出情况\n\
                机关运行经费支出 120.00 万元，与上年持平，比上年增加 5.00 万元。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    let words: Vec<&str> = d
        .statements("office_operating_cost.change_word")
        .iter()
        .filter_map(|f| f.value().as_text())
        .collect();
    assert_eq!(words, ["持平", "增加"]);
    // The figure stated in the sentence is the change; 持平 adds no zero of its own.
    assert_eq!(d.statements("office_operating_cost.change").len(), 1);
    let findings = audit(d);
    let f = finding(&findings, "wording.unchanged", text, "与上年持平");
    assert_eq!(
        f.expected().map(Quantity::plain).as_deref(),
        Some("增加/增长")
    );
}

#[test]
fn unchanged_on_its_own_is_a_zero_change() {
    let text = "十一、其他重要事项的情况说明\n\
                机关运行经费支出 120.00 万元，与上年持平。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(amount(d, "office_operating_cost.change"), "0.00万元");
    assert_eq!(d.text("office_operating_cost.change_word"), Some("持平"));
    assert!(audit(d).is_empty());
}

// ---------------------------------------------------------------------------------------
// Years and placeholders.

#[test]
fn a_section_heading_naming_the_wrong_year() {
    let text = "上海市普陀区示例局\n\
                2024年度部门决算\n\
                第三部分 上海市普陀区示例局2023年度部门决算情况说明\n\
                一、收入支出决算总体情况说明\n\
                上海市普陀区示例局2024年度收入支出总计1,024.00万元。与2023年度相比，\n\
                收入支出总计增加24.00万元，增长2.40%。主要原因：人员增加。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(d.fiscal_year().map(|y| y.year()), Some(2024));
    assert_eq!(d.department(), Some("上海市普陀区示例局"));
    assert_eq!(d.count("document.title_year"), Some(2024));
    assert_eq!(d.count("document.heading_year"), Some(2023));
    assert_eq!(d.count("document.prior_year"), Some(2023));
    let findings = audit(d);
    let f = finding(&findings, "year.heading", text, "第三部分");
    assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("2024"));
    assert_eq!(findings.len(), 1, "{findings:#?}");
}

#[test]
fn a_comparison_naming_the_wrong_prior_year() {
    let text = "示例局2024年度部门决算\n\
                一、收入支出决算总体情况说明\n\
                示例局2024年度收入支出总计1,024.00万元。与2022年度相比，收入支出总计增加24.00万元。";
    let findings = audit(&parse(text).disclosure);
    let f = finding(&findings, "year.prior", text, "与2022年度相比");
    assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("2023"));
}

#[test]
fn a_balance_date_with_the_wrong_year() {
    let text = "（三）国有资产占用情况说明\n\
                截至 2023 年 12 月 31 日，房屋 2,400.50 平方米，价值 1,280.00 万元。\n\
                车辆 3 辆，价值 45.60 万元，其中：其他用车 3 辆。\n\
                2024 年度政府采购支出总额 88.00 万元。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(d.fiscal_year().map(|y| y.year()), Some(2024));
    assert_eq!(d.text("document.balance_date"), Some("2023-12-31"));
    assert_eq!(amount(d, "assets.building_value"), "1,280.00万元");
    assert_eq!(amount(d, "assets.vehicle_value"), "45.60万元");
    assert_eq!(d.count("assets.vehicles.other"), Some(3));
    let findings = audit(d);
    let f = finding(&findings, "year.balance-date", text, "截至 2023 年");
    assert_eq!(
        f.expected().map(Quantity::plain).as_deref(),
        Some("2024-12-31")
    );
}

#[test]
fn a_template_placeholder_left_in() {
    let text = "第一部分 上海市XX局概况\n\
                二、部门决算单位构成\n\
                从预算单位构成看，上海市XX局部门决算包括：上海市XX局本级决算。\n\
                第三部分 部门决算情况说明\n\
                二、收入决算情况说明\n\
                本年收入合计 512.30 万元，其中：财政拨款收入 512.30 万元，占 100.00%。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(amount(d, "revenue.appropriation"), "512.30万元");
    let placeholders: Vec<&str> = d
        .statements("document.placeholder")
        .iter()
        .filter_map(|f| f.value().as_text())
        .collect();
    assert_eq!(placeholders, ["XX局", "XX局", "XX局"]);
    let findings = audit(d);
    let found: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule() == "template.placeholder")
        .collect();
    assert_eq!(found.len(), 3);
    let span = found[0].span().unwrap();
    assert_eq!((span.line, span.column), (1, 9));
    assert_eq!(
        span.caret_line(text).as_deref(),
        Some("               ^^^^")
    );
}

// ---------------------------------------------------------------------------------------
// Styles of extracted text.

#[test]
fn lines_broken_mid_word_with_blank_lines_between() {
    // Wrapped at a fixed width, every line full but the last, a blank line after each
    // (as the reference text is), words and the label 本年收入合计 broken across lines.
    let text = "一、收入支出决算总体情况说明\n\n\
                2024 年度收入总计 12,345.67 万元，其中：本年收入合\n\n\
                计 12,000.00 万元，使用非财政拨款结余（含专用结余）\n\n\
                145.67 万元，年初结转和结余 200.00 万元。收入支出总\n\n\
                体与上年相比，减少 654.33 万元，下降 5.03%，主要原\n\n\
                因是：本年度压减一般性支出。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(amount(d, "revenue.total"), "12,345.67万元");
    assert_eq!(amount(d, "revenue.current_year"), "12,000.00万元");
    assert_eq!(
        amount(d, "revenue.non_appropriation_balance_used"),
        "145.67万元"
    );
    assert_eq!(amount(d, "revenue.opening_balance"), "200.00万元");
    assert_eq!(amount(d, "revenue.total.change"), "-654.33万元");
    assert_eq!(percent(d, "revenue.total.change_rate"), "-5.03%");
    assert_eq!(
        d.text("revenue.total.reason"),
        Some("本年度压减一般性支出。")
    );
    // Each figure is found on its own line of the original.
    let span = d.get("revenue.current_year").unwrap().span().unwrap();
    assert_eq!(span.line, 5);
    assert_eq!(
        span.source_line(text),
        Some("计 12,000.00 万元，使用非财政拨款结余（含专用结余）")
    );
    assert!(audit(d).is_empty(), "{:#?}", audit(d));
}

#[test]
fn spaces_inside_numbers_and_words() {
    let text = "二、收入决算情况说明\n\
                本 年收 入 73, 274.06 万 元， 其 中： 财 政拨 款 收 入 68,460.73 万元,占 93.43 %；\
                事 业 收 入 3,540.70 万 元，占 4.83%；经营收入 1, 272.63 万元，占 1.74%。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(amount(d, "revenue.current_year"), "73,274.06万元");
    assert_eq!(amount(d, "revenue.appropriation"), "68,460.73万元");
    assert_eq!(percent(d, "revenue.appropriation.share"), "93.43%");
    assert_eq!(amount(d, "revenue.business"), "3,540.70万元");
    assert_eq!(amount(d, "revenue.operating"), "1,272.63万元");
    assert_eq!(percent(d, "revenue.operating.share"), "1.74%");
    let span = d.get("revenue.current_year").unwrap().span().unwrap();
    assert_eq!(&text[span.start..span.end], "73, 274.06");
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
}

#[test]
fn traditional_characters() {
    let text = "二、收入決算情況說明\n\
                本年收入 73,274.06 萬元，其中：財政撥款收入 68,460.73 萬元，佔 93.43%。\n\
                十、其他重要事項的情況說明\n\
                （一）機關運行經費支出情況\n\
                機關運行經費支出 1,058.16 萬元，比上年增加 134.30 萬元，增長 14.54%，\
                主要原因是：追加了工作經費。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(amount(d, "revenue.appropriation"), "68,460.73万元");
    assert_eq!(percent(d, "revenue.appropriation.share"), "93.43%");
    assert_eq!(amount(d, "office_operating_cost"), "1,058.16万元");
    assert_eq!(amount(d, "office_operating_cost.change"), "134.30万元");
    assert_eq!(
        d.text("office_operating_cost.change_rate_word"),
        Some("增长")
    );
    assert_eq!(
        d.text("office_operating_cost.reason"),
        Some("追加了工作经费。")
    );
    // Spans still point into the traditional original.
    let span = d
        .get("office_operating_cost.change_word")
        .unwrap()
        .span()
        .unwrap();
    assert_eq!(&text[span.start..span.end], "增加");
    let span = d
        .get("office_operating_cost.change_rate_word")
        .unwrap()
        .span()
        .unwrap();
    assert_eq!(&text[span.start..span.end], "增長");
}

#[test]
fn amounts_in_yuan() {
    let text = "二、收入决算情况说明\n\
                本年收入 732,740,600.00 元，其中：财政拨款收入 684,607,300.00 元，占 93.43%；\
                事业收入 35,407,000.00 元，占 4.83%。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    let a = d.amount("revenue.appropriation").unwrap();
    assert_eq!(a.unit(), Unit::Yuan);
    assert_eq!(a.decimals(), 2);
    assert_eq!(a.to_string(), "684,607,300.00元");
    assert_eq!(d.unit(), Unit::Yuan);
    // The audit converts: 684,607,300 / 732,740,600 = 93.43%.
    assert!(audit(d).is_empty(), "{:#?}", audit(d));
}

#[test]
fn percent_signs_missing() {
    let text = "三、支出决算情况说明\n\
                本年支出 73,702.79 万元，其中：基本支出 20,021.91 万元，占 27.17；\
                项目支出 52,408.25 万元，占 71.11。\n\
                五、一般公共预算财政拨款支出决算情况说明\n\
                一般公共预算财政拨款支出 68,369.46 万元，与上年相比，增加 2,460.41 万元，增长 3.73。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(percent(d, "expenditure.basic.share"), "27.17%");
    assert_eq!(percent(d, "expenditure.project.share"), "71.11%");
    assert_eq!(
        percent(d, "general_budget.expenditure.change_rate"),
        "3.73%"
    );
    assert!(audit(d).is_empty(), "{:#?}", audit(d));
}

#[test]
fn six_decimals() {
    let text = "十、其他重要事项的情况说明\n\
                2024 年度政府采购支出总额 1,234.567891 万元，其中：政府采购货物支出 234.567891 万元、\
                政府采购工程支出 0.000000 万元、政府采购服务支出 1,000.000000 万元。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    let total = d.amount("procurement.total").unwrap();
    assert_eq!(total.decimals(), 6);
    assert_eq!(total.to_string(), "1,234.567891万元");
    assert_eq!(amount(d, "procurement.works"), "0.000000万元");
    assert!(audit(d).is_empty(), "{:#?}", audit(d));
    // Seven decimals are refused with a warning, not a panic.
    let parsed = parse_report("政府采购支出总额 1.2345678 万元。");
    assert!(parsed.disclosure.get("procurement.total").is_none());
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| d.message.contains("at most 6 decimals")),
        "{:#?}",
        parsed.diagnostics
    );
}

#[test]
fn full_width_digits_and_half_width_punctuation() {
    let text = "二、收入决算情况说明\n本年收入７３，２７４．０６万元,其中:财政拨款收入68,460.73万元,占93.43%.";
    let d = &parse(text).disclosure;
    assert_eq!(amount(d, "revenue.current_year"), "73,274.06万元");
    assert_eq!(percent(d, "revenue.appropriation.share"), "93.43%");
}

#[test]
fn nil_statements_and_counts() {
    let text = "七、政府性基金预算财政拨款收入支出决算情况说明\n\
                本部门本年度无政府性基金预算财政拨款收入、支出及结转和结余。\n\
                九、财政拨款“三公”经费支出决算情况说明\n\
                单位全年安排的因公出国（境）团组 2 个，因公出国（境）9 人次。\
                单位全年安排的国内公务接待 12 批次，80 人次。公务用车购置数 1 辆，公务用车保有量 6 辆。";
    let d = &parse(text).disclosure;
    for id in [
        "government_fund.revenue",
        "government_fund.expenditure",
        "government_fund.opening_balance",
        "government_fund.closing_balance",
    ] {
        assert_eq!(amount(d, id), "0.00万元", "{id}");
    }
    assert_eq!(d.count("three_public.overseas_groups"), Some(2));
    assert_eq!(d.count("three_public.overseas_persons"), Some(9));
    assert_eq!(d.count("three_public.reception_batches"), Some(12));
    assert_eq!(d.count("three_public.reception_persons"), Some(80));
    assert_eq!(d.count("three_public.vehicles_purchased"), Some(1));
    assert_eq!(d.count("three_public.vehicles_held"), Some(6));
}

#[test]
fn unknown_item_names_are_warnings() {
    let text = "五、一般公共预算财政拨款支出决算情况说明\n\
                1、教育支出（类）职业教育（款）星际教育（项）：支出决算数为 10.00 万元，\
                比上年决算增加 1.00 万元，增长 11.11%。\n\
                2、教育支出（类）职业教育（款）技校教育（项）：支出决算数为 20.00 万元。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    // The unknown item's figures are skipped, its path is recorded under
    // the 款 the catalog knows (so the audit does not sum 20503's items),
    // and the next item is read.
    assert_eq!(d.len(), 3, "{d:#?}");
    assert_eq!(amount(d, "general_budget.function.2050303"), "20.00万元");
    assert_eq!(
        d.text("general_budget.function.20503.unresolved_item"),
        Some("教育支出（类）职业教育（款）星际教育（项）")
    );
    let warning = &parsed.diagnostics[0];
    assert_eq!(warning.level, juesuan::text::DiagnosticLevel::Warning);
    assert!(warning.message.contains("星际教育"), "{}", warning.message);
    assert_eq!(warning.span.line, 2);
}

#[test]
fn relations_after_an_unknown_figure_are_not_misattributed() {
    // In 三、支出决算, 专项资金支出 is no label the lexicon knows: its change must not
    // become the change of 项目支出 stated before it.
    let text = "三、支出决算情况说明\n\
                本年支出 73,702.79 万元，其中：项目支出 52,408.25 万元，占 71.11%。\n\
                专项资金使用支出 68,369.46 万元，与上年相比，增加 2,460.41 万元。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert!(d.get("expenditure.project.change").is_none());
    // Both figures of the sentence are reported as not attributed, each at its place.
    assert_eq!(parsed.diagnostics.len(), 2, "{:#?}", parsed.diagnostics);
    for (diagnostic, column) in parsed.diagnostics.iter().zip([10, 32]) {
        assert!(diagnostic.message.starts_with("figure not attributed"));
        assert_eq!((diagnostic.span.line, diagnostic.span.column), (3, column));
    }
}

#[test]
fn general_budget_spending_in_the_spending_section_is_not_all_appropriation() {
    // 一般公共预算财政拨款支出 is the general budget's part of 财政拨款支出, in whatever
    // section it is stated.
    let text = "三、支出决算情况说明\n\
                一般公共预算财政拨款支出 68,369.46 万元，与上年相比，增加 2,460.41 万元。";
    let d = parse(text).disclosure;
    assert!(d.get("appropriation.expenditure").is_none());
    assert_eq!(
        d.amount("general_budget.expenditure.change")
            .map(|a| a.to_string()),
        Some("2,460.41万元".into())
    );
}

#[test]
fn not_completed_in_words_when_the_final_exceeds_the_budget() {
    let text = "五、一般公共预算财政拨款支出决算情况说明\n\
                一般公共预算财政拨款支出年初预算为 100.00 万元，支出决算为 120.00 万元，\
                未完成年初预算，主要原因是：追加了项目。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(
        d.text("general_budget.expenditure.comparison_word"),
        Some("未完成")
    );
    assert_eq!(
        d.text("general_budget.expenditure.budget_reason"),
        Some("追加了项目。")
    );
    let findings = audit(d);
    let f = finding(&findings, "wording.budget-comparison", text, "未完成");
    assert_eq!(f.expected().map(Quantity::plain).as_deref(), Some("大于"));
    // 超额完成 with a final above the budget agrees.
    let text = "五、一般公共预算财政拨款支出决算情况说明\n\
                一般公共预算财政拨款支出年初预算为 100.00 万元，支出决算为 120.00 万元，\
                超额完成年初预算的 120.00%。";
    let d = &parse(text).disclosure;
    assert_eq!(
        d.text("general_budget.expenditure.comparison_word"),
        Some("超额完成")
    );
    assert_eq!(
        d.percent("general_budget.expenditure.completion_rate")
            .map(|p| p.to_string()),
        Some("120.00%".into())
    );
    assert!(audit(d).is_empty(), "{:#?}", audit(d));
}

#[test]
fn item_names_with_commas_and_keywords_inside() {
    let text = "五、一般公共预算财政拨款支出决算情况说明\n\
                1、公共安全支出（类）检察（款）公诉、审判、侦查、执行等检察监督支出（项）：\
                支出决算数为 12.00 万元，比上年决算减少 3.00 万元，下降 20.00%。\n\
                2、资源勘探工业信息等支出（类）工业和信息产业监管（款）无线电及信息通信监管（项）：\
                支出决算数为 5.00 万元。\n\
                3、社会保障和就业支出（类）其他社会保障和就业支出（款）其他社会保障和就业支出（项）：\
                支出决算数为 1.00 万元。";
    let parsed = parse(text);
    let d = &parsed.disclosure;
    assert_eq!(amount(d, "general_budget.function.2040405"), "12.00万元");
    assert_eq!(
        d.text("general_budget.function.2040405.name"),
        Some("公诉、审判、侦查、执行等检察监督支出")
    );
    assert_eq!(
        amount(d, "general_budget.function.2040405.change"),
        "-3.00万元"
    );
    assert_eq!(amount(d, "general_budget.function.2150508"), "5.00万元");
    // Two codes share this name in the catalog; the one seen in more years is read.
    assert_eq!(amount(d, "general_budget.function.2089999"), "1.00万元");
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
}

#[test]
fn negative_variance_rates_keep_their_sign() {
    let text = "四、财政拨款收入支出决算总体情况说明\n\
                2024年度财政拨款收入总计 810.00 万元。与年初预算相比，年初预算数 1,000.00 万元，\
                决算数 810.00 万元，预决算差异率-19.00%，主要原因是：项目未实施。";
    let d = &parse(text).disclosure;
    assert_eq!(amount(d, "appropriation.initial_budget"), "1,000.00万元");
    assert_eq!(
        percent(d, "appropriation.revenue_total.budget_variance_rate"),
        "-19.00%"
    );
    assert_eq!(
        d.text("appropriation.revenue_total.budget_reason"),
        Some("项目未实施。")
    );
    assert!(audit(d).is_empty(), "{:#?}", audit(d));
    // A date keeps its parts apart.
    let d = &parse("（三）国有资产占用情况说明\n截至2024-12-31，车辆 2 辆。").disclosure;
    assert_eq!(d.count("assets.vehicles"), Some(2));
}

/// A paragraph headed by a subject that the lexicon knows, but not in this
/// section (一般公共预算财政拨款收入 in a section on 支出, corpus 310): its
/// figures are about that subject, so they are not given to the subject
/// of the paragraph before; they are left unattributed, with a note.
/// Headed by the 支出 it means, the same paragraph is read.
#[test]
fn a_heading_subject_of_another_section_is_not_replaced_by_the_last_one() {
    let text = |head: &str| {
        format!(
            "(三)财政拨款支出决算具体情况\n\
             2020年度财政拨款支出年初预算数为1255.37万元,支出决算数为2112.86万元,完成年初预算的100%,其中:\n\
             {head}:\n\
             年初预算为1255.37万元,支出决算为1865.86万元,完成年初预算的100%。\n"
        )
    };
    let wrong = parse(&text("一般公共预算财政拨款收入"));
    let d = &wrong.disclosure;
    assert_eq!(amount(d, "appropriation.expenditure"), "2,112.86万元");
    assert_eq!(d.statements("appropriation.expenditure").len(), 1);
    assert!(d.get("general_budget.expenditure").is_none());
    assert!(
        wrong
            .diagnostics
            .iter()
            .any(|n| n.message.contains("1865.86")),
        "{:?}",
        wrong.diagnostics
    );
    let right = parse(&text("一般公共预算财政拨款支出"));
    assert_eq!(
        amount(&right.disclosure, "general_budget.expenditure"),
        "1,865.86万元"
    );
    assert_eq!(
        right
            .disclosure
            .statements("appropriation.expenditure")
            .len(),
        1
    );
}

/// Rates after 分别 belong, one by one, to the changes the sentence stated
/// (corpus 316); when their numbers differ, none is guessed.
#[test]
fn respective_rates_go_to_the_changes_in_order() {
    let d = parse(
        "一、收入支出决算总体情况说明\n\
         2020年度收入总计476.17万元、支出总计460.06万元。与2019年相比，收入总计减少84.55万元、\
         支出总计减少99.6万元，分别下降15.08%、17.80%。",
    )
    .disclosure;
    assert_eq!(percent(&d, "revenue.total.change_rate"), "-15.08%");
    assert_eq!(percent(&d, "expenditure.total.change_rate"), "-17.80%");
    let d = parse(
        "一、收入支出决算总体情况说明\n\
         2020年度收入总计476.17万元、支出总计460.06万元。与2019年相比，收入总计减少84.55万元、\
         支出总计减少99.6万元，分别下降15.08%、17.80%、3.5%。",
    )
    .disclosure;
    assert!(d.get("revenue.total.change_rate").is_none());
    assert!(d.get("expenditure.total.change_rate").is_none());
}

/// A count of a 三公 item, then money compared with last year (corpus 010): the money
/// is the item's, with 同比去年 naming what is compared and 少/多 as the direction.
#[test]
fn money_after_a_count_is_the_items_and_less_or_more_is_a_change() {
    let d = parse(
        "三、“三公”经费支出情况说明\n\
         1、决算车辆运行维护费用2.94万元，比去年3.01万元少0.07万元，基本持平；\n\
         2、公务接待费用4万元，接待74批（次）813人，同比去年1.05万元增加2.95万元。",
    )
    .disclosure;
    assert_eq!(amount(&d, "three_public.vehicle_operation"), "2.94万元");
    assert_eq!(
        amount(&d, "three_public.vehicle_operation.prior_year"),
        "3.01万元"
    );
    assert_eq!(
        amount(&d, "three_public.vehicle_operation.change"),
        "-0.07万元"
    );
    assert_eq!(d.count("three_public.reception_batches"), Some(74));
    assert_eq!(d.count("three_public.reception_persons"), Some(813));
    assert_eq!(amount(&d, "three_public.reception.prior_year"), "1.05万元");
    assert_eq!(amount(&d, "three_public.reception.change"), "2.95万元");
    // The count has no money of its own.
    assert!(d.get("three_public.reception_batches.change").is_none());
    // 至少 is no direction: no change is read from it.
    let d = parse(
        "三、“三公”经费支出情况说明\n\
         公务接待费10.00万元，每批次至少3人。",
    )
    .disclosure;
    assert!(d.get("three_public.reception.change").is_none());
}

/// A 三公 disclosure that prints its table first: the explanation after it
/// (关于…情况说明, （一）…情况说明) is narrative again (corpus 205).
#[test]
fn an_explanation_after_the_table_is_read() {
    let d = parse(
        "2017年度一般公共预算财政拨款“三公”经费支出决算表\n\
         单位：万元\n\
         合计 | 因公出国（境）费 | 公务接待费 |\n\
         8.77 | 0 | 0.30 |\n\
         关于某区司法局2017年度一般公共预算财政拨款“三公”经费支出决算情况说明\n\
         （一）“三公”经费财政拨款支出决算总体情况说明。\n\
         某区司法局2017年度“三公”经费财政拨款支出年初预算为22.00万元，支出决算为8.77万元，完成预算的39.86%。",
    )
    .disclosure;
    assert_eq!(amount(&d, "three_public.total"), "8.77万元");
    assert_eq!(amount(&d, "three_public.total.budget"), "22.00万元");
    assert_eq!(percent(&d, "three_public.total.completion_rate"), "39.86%");
}

/// A scope word in a clause without a figure (…加快推进全县城乡一体化进程) does not make
/// the figures after it another scope's than the 县本级 the sentence before named
/// (corpus 208).
#[test]
fn a_scope_word_in_a_reason_does_not_move_the_figures_elsewhere() {
    let d = parse(
        "三、“三公”经费支出情况说明\n\
         2015年县本级“三公”经费决算支出数为1957.23万元，较2014年决算数1953.72万元减少3.51万元。\
         其中，因公出国（境）费65.98万元，增加53.75万元，主要是加快推进全县城乡一体化进程；\
         公务接待费918.5万元，减少58.8万元，下降6.1%。",
    )
    .disclosure;
    assert_eq!(amount(&d, "three_public.reception"), "918.5万元");
    assert_eq!(amount(&d, "three_public.reception.change"), "-58.8万元");
    // A figure of 全县 in a sentence about 县本级 is still another scope's.
    let d = parse(
        "三、“三公”经费支出情况说明\n\
         2015年县本级“三公”经费决算支出数为1957.23万元。\
         全县“三公”经费决算支出数为5000.00万元。",
    )
    .disclosure;
    assert_eq!(d.statements("three_public.total").len(), 1);
    assert_eq!(amount(&d, "three_public.total"), "1,957.23万元");
}

/// 收支 names the two totals only when nothing but a year or the unit comes before it:
/// 人员经费收支 in the reason is no total, and its change is not the totals' (corpus
/// 403).
#[test]
fn a_qualified_shou_zhi_is_no_total() {
    let d = parse(
        "一、收入支出决算总体情况说明\n\
         2023年度收入总计2828.33万元，支出总计2828.33万元。收支较上年决算数增加128.63万元，增长4.76%，\
         主要原因是2023年人员经费收支减少13.25万元，公用经费收支增加50.87万元。",
    )
    .disclosure;
    assert_eq!(amount(&d, "revenue.total.change"), "128.63万元");
    assert_eq!(amount(&d, "expenditure.total.change"), "128.63万元");
    assert_eq!(d.statements("revenue.total.change").len(), 1);
}

/// A table by year flattened one cell per line with each bar on a line of its own
/// (corpus 207): read, and a figure the narrative prints otherwise is named as a
/// restatement (within rounding at one unit apart: a note, not an error, since a
/// table's row may be the sum of rounded parts).
#[test]
fn a_table_by_year_with_bars_on_their_own_lines() {
    let cells = [
        "年度",
        "合计",
        "公务接待费",
        "公车购置及运行维护费",
        "合计",
        "车辆购置",
        "车辆运行",
        "2015年",
        "2840",
        "1400",
        "1350",
        "73",
        "1277",
        "2016年",
        "2364",
        "1356",
        "996",
        "37",
        "959",
        // The row that says which year the table is for (no title here says).
        "2016年比2015年增减%",
        "-16.77",
        "-3.14",
        "-26.24",
        "-47.95",
        "-24.98",
    ];
    let mut text = String::from(
        "衢江区2016年一般公共预算安排“三公”经费决算数2364万元。分项情况是：公务接待费1356万元；\
         公车购置及运行费995万元（其中公务用车购置费38万元，公务用车运行费958万元）。\n",
    );
    for cell in cells {
        text.push_str(cell);
        text.push_str("\n|\n");
    }
    let parsed = parse(&text);
    let d = &parsed.disclosure;
    let stated = |id: &str| -> Vec<String> {
        d.statements(id)
            .iter()
            .map(|f| f.value().to_string())
            .collect()
    };
    assert_eq!(stated("three_public.vehicles"), ["995万元", "996万元"]);
    assert_eq!(
        amount(d, "three_public.vehicle_operation.prior_year"),
        "1,277万元"
    );
    assert_eq!(amount(d, "three_public.total.prior_year"), "2,840万元");
    let findings = audit(d);
    let restated: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule() == "restatement")
        .collect();
    assert_eq!(restated.len(), 3, "{findings:#?}");
    assert!(
        restated
            .iter()
            .all(|f| f.severity() == juesuan::Severity::Info),
        "{restated:#?}"
    );
}
