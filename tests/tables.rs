#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The nine tables of the two Shanghai dev reports, read from their layout
//! text, against what was read from them by hand.
//!
//! Every count and figure below was read off the layout text
//! (`tests/fixtures/*.layout.txt`, which `pdftotext -layout` reproduces from
//! the PDFs exactly) and checked against the PDF pages, not taken from the
//! reader's output. The sums quoted in comments were done with a calculator.

use juesuan::audit::Quantity;
use std::collections::BTreeMap;

use juesuan::{
    Finding, Severity, audit, disclosure::Value, render::TableId, table::ReadReport,
    table::TableReading, table::read_layout, table::read_tables, text::DiagnosticLevel,
};

const SOCIAL_READING: &str = include_str!("fixtures/putuo-social-work-2024.txt");
const SOCIAL_LAYOUT: &str = include_str!("fixtures/putuo-social-work-2024.layout.txt");
const PLANNING_READING: &str = include_str!("fixtures/putuo-planning-resources-2024.txt");
const PLANNING_LAYOUT: &str = include_str!("fixtures/putuo-planning-resources-2024.layout.txt");

/// Per table: (cells read, of which figures, of which printed empty).
fn counts(read: &TableReading) -> BTreeMap<TableId, (usize, usize, usize)> {
    read.tables()
        .iter()
        .map(|t| {
            let all = t.cells().count();
            let blank = t.cells().filter(|c| c.is_blank()).count();
            (t.id(), (all, all - blank, blank))
        })
        .collect()
}

/// The value of `fact` as stated by table `table`, as printed.
fn cell(read: &TableReading, table: TableId, fact: &str) -> Option<String> {
    read.table(table)?
        .cells()
        .find(|c| c.fact().as_str() == fact)
        .map(|c| match c.value() {
            Value::Blank => String::new(),
            v => v.plain(),
        })
}

// ---------------------------------------------------------------------------
// 中共上海市普陀区委社会工作部 2024 (24 pages; tables on pages 5–16).

#[test]
fn social_work_every_cell_is_read() {
    let read = read_tables(SOCIAL_LAYOUT);
    let ids: Vec<TableId> = read.tables().iter().map(|t| t.id()).collect();
    assert_eq!(
        ids,
        [
            TableId::T1,
            TableId::T2,
            TableId::T3,
            TableId::T4,
            TableId::T5,
            TableId::T6,
            TableId::T9,
            TableId::T7,
            TableId::T8
        ]
    );
    let expected: BTreeMap<TableId, (usize, usize, usize)> = [
        // T1: 收入 12 lines (一…八, 本年收入合计, 使用非财政拨款结余, 年初结转和
        // 结余, 总计), figures on 一, 本年收入合计 and 总计; 支出 30 lines of
        // which 外交支出 and 抗疫特别国债安排的支出 have no catalog code (so
        // 28 stated), figures on 201, 208, 210, 221, 本年支出合计, 总计.
        (TableId::T1, (12 + 28, 3 + 6, 9 + 22)),
        // T2: 合计 and 17 coded rows × 7 columns, two figures a row.
        (TableId::T2, (18 * 7, 18 * 2, 18 * 5)),
        // T3: 18 rows × 6; three figures on 合计, 201, 20139, two elsewhere.
        (TableId::T3, (18 * 6, 3 * 3 + 15 * 2, 108 - 39)),
        // T4: 收入 9 lines (3 figures); 支出 26 + 3 lines × 4 columns less the
        // two uncoded lines = 108 cells, 12 figures (201, 208, 210, 221,
        // 本年支出合计, 总计: 合计 and 一般公共预算).
        (TableId::T4, (9 + 108, 3 + 12, 6 + 96)),
        // T5: 17 coded rows and 合计 × 3; three figures on 201, 20139, 合计.
        (TableId::T5, (18 * 3, 3 * 3 + 15 * 2, 54 - 39)),
        // T6: 27 rows of 301/303 and 人员经费合计; 38 rows of 302/310 and
        // 公用经费合计; every one printed, zeros as 0.00.
        (TableId::T6, (28 + 39, 67, 0)),
        // T7, T8, T9: declared empty.
        (TableId::T7, (0, 0, 0)),
        (TableId::T8, (0, 0, 0)),
        (TableId::T9, (0, 0, 0)),
    ]
    .into_iter()
    .collect();
    assert_eq!(counts(&read), expected);
    let total: usize = expected.values().map(|c| c.0).sum();
    assert_eq!(total, 512);
}

#[test]
fn social_work_total_rows() {
    let read = read_tables(SOCIAL_LAYOUT);
    let t = |table, fact| cell(&read, table, fact);
    // T1 (page 5, lines 114–117).
    assert_eq!(
        t(TableId::T1, "revenue.current_year").as_deref(),
        Some("307.82")
    );
    assert_eq!(t(TableId::T1, "revenue.total").as_deref(), Some("307.82"));
    assert_eq!(
        t(TableId::T1, "expenditure.current_year").as_deref(),
        Some("307.82")
    );
    assert_eq!(
        t(TableId::T1, "expenditure.total").as_deref(),
        Some("307.82")
    );
    assert_eq!(
        t(TableId::T1, "revenue.opening_balance").as_deref(),
        Some("")
    );
    // T2 合计 (page 6): 307.82 | 307.82 | five empty.
    assert_eq!(
        t(TableId::T2, "revenue.current_year").as_deref(),
        Some("307.82")
    );
    assert_eq!(
        t(TableId::T2, "revenue.appropriation").as_deref(),
        Some("307.82")
    );
    assert_eq!(t(TableId::T2, "revenue.business").as_deref(), Some(""));
    // T3 合计 (page 8): 307.82 | 105.58 | 202.24.
    assert_eq!(
        t(TableId::T3, "expenditure.current_year").as_deref(),
        Some("307.82")
    );
    assert_eq!(
        t(TableId::T3, "expenditure.basic").as_deref(),
        Some("105.58")
    );
    assert_eq!(
        t(TableId::T3, "expenditure.project").as_deref(),
        Some("202.24")
    );
    // T4 总计 (page 11): 307.82 | 307.82 on the 支出 side, 307.82 收入.
    assert_eq!(
        t(TableId::T4, "appropriation.revenue_total").as_deref(),
        Some("307.82")
    );
    assert_eq!(
        t(TableId::T4, "appropriation.expenditure_total").as_deref(),
        Some("307.82")
    );
    assert_eq!(
        t(TableId::T4, "general_budget.expenditure_total").as_deref(),
        Some("307.82")
    );
    assert_eq!(
        t(TableId::T4, "government_fund.expenditure_total").as_deref(),
        Some("")
    );
    // T5 合计 (page 12): 307.82 | 105.58 | 202.24.
    assert_eq!(
        t(TableId::T5, "general_budget.expenditure").as_deref(),
        Some("307.82")
    );
    assert_eq!(t(TableId::T5, "basic.total").as_deref(), Some("105.58"));
    assert_eq!(
        t(TableId::T5, "general_budget.expenditure.project").as_deref(),
        Some("202.24")
    );
    // T6 (page 13): 人员经费合计 95.36, 公用经费合计 10.23.
    assert_eq!(t(TableId::T6, "basic.personnel").as_deref(), Some("95.36"));
    assert_eq!(t(TableId::T6, "basic.public").as_deref(), Some("10.23"));
}

#[test]
fn social_work_cells_carry_page_line_and_column() {
    let read = read_tables(SOCIAL_LAYOUT);
    let span = |table, fact: &str| {
        read.table(table)
            .and_then(|t| t.cells().find(|c| c.fact().as_str() == fact))
            .map(|c| c.span())
            .unwrap()
    };
    // T1's left 总计: line 117 of the text, page 5: "         总计        307.82".
    let s = span(TableId::T1, "revenue.total");
    assert_eq!((s.page_number(), s.line, s.column), (Some(5), 117, 20));
    assert_eq!(&SOCIAL_LAYOUT[s.start..s.end], "307.82");
    // T2 2101101 opens page 7 ("\f2101101   行政单位医疗        2.22").
    let s = span(TableId::T2, "revenue.function.2101101");
    assert_eq!((s.page_number(), s.line), (Some(7), 150));
    assert_eq!(s.describe(SOCIAL_LAYOUT), "page 7, line 1:25");
    // T6 31007, whose name is printed above and below its code.
    let s = span(TableId::T6, "basic.economic.31007");
    assert_eq!((s.page_number(), s.line), (Some(13), 377));
    assert_eq!(&SOCIAL_LAYOUT[s.start..s.end], "0.00");
}

#[test]
fn social_work_wrapped_names_are_joined() {
    let read = read_tables(SOCIAL_LAYOUT);
    let name = |table, code: &str| {
        read.table(table)
            .and_then(|t| t.rows().iter().find(|r| r.code() == Some(code)))
            .map(|r| r.name().to_owned())
    };
    // Above and below an empty name cell (T2, lines 142–144).
    assert_eq!(
        name(TableId::T2, "2080505").as_deref(),
        Some("机关事业单位基本养老保险缴费支出")
    );
    // Three lines, the code on the middle one (T5, lines 303–305).
    assert_eq!(
        name(TableId::T5, "2080505").as_deref(),
        Some("机关事业单位基本养老保险缴费支出")
    );
    // Two rows' wrapped names meeting (T5, lines 294–299).
    assert_eq!(
        name(TableId::T5, "2013999").as_deref(),
        Some("其他社会工作事务支出")
    );
    assert_eq!(
        name(TableId::T5, "208").as_deref(),
        Some("社会保障和就业支出")
    );
    // T6: code alone, name and figure below (lines 367–368); glued to its name (line 369).
    assert_eq!(
        name(TableId::T6, "30299").as_deref(),
        Some("其他商品和服务支出")
    );
    assert_eq!(name(TableId::T6, "310").as_deref(), Some("资本性支出"));
    assert_eq!(
        name(TableId::T6, "31007").as_deref(),
        Some("信息网络及软件购置更新")
    );
}

#[test]
fn social_work_empty_tables_are_recorded() {
    let read = read_tables(SOCIAL_LAYOUT);
    for id in [TableId::T7, TableId::T8, TableId::T9] {
        let t = read.table(id).unwrap();
        assert!(t.is_empty());
        assert!(t.note().unwrap().ends_with("故本表无数据。"), "{id}");
    }
    let facts = read.facts();
    let note = |id: &str| {
        facts
            .iter()
            .find(|(f, _)| f.as_str() == id)
            .map(|(_, f)| f.value().plain())
    };
    assert_eq!(
        note("three_public.note").as_deref(),
        Some("中共上海市普陀区委社会工作部本年度没有财政拨款“三公”经费支出，故本表无数据。")
    );
    assert!(note("government_fund.note").is_some());
    assert!(note("state_capital.note").is_some());
}

#[test]
fn only_the_uncoded_class_lines_are_left_unread() {
    for layout in [SOCIAL_LAYOUT, PLANNING_LAYOUT] {
        let read = read_tables(layout);
        for d in read.diagnostics() {
            assert_eq!(d.level, DiagnosticLevel::Note, "{d}");
            assert!(
                d.message.contains("外交支出") || d.message.contains("抗疫特别国债安排的支出"),
                "{d}"
            );
        }
        // T1 and T4 each print both lines.
        assert_eq!(read.diagnostics().len(), 4);
    }
}

// ---------------------------------------------------------------------------
// 上海市普陀区规划和自然资源局 2024 (30 pages; tables on pages 7–19).

#[test]
fn planning_resources_every_cell_is_read() {
    let read = read_tables(PLANNING_LAYOUT);
    let expected: BTreeMap<TableId, (usize, usize, usize)> = [
        // T1: 收入 12 lines, figures on 一, 本年收入合计, 年初结转和结余, 总计;
        // 支出 24 类 lines (二十四 is 抗疫) + 4, less 外交 and 抗疫 = 26;
        // figures on 208, 210, 212, 220, 221, 本年支出合计, 年末, 总计.
        (TableId::T1, (12 + 26, 4 + 8, 8 + 18)),
        // T2: 合计 and 24 coded rows × 7, two figures a row.
        (TableId::T2, (25 * 7, 25 * 2, 25 * 5)),
        // T3: 25 rows × 6, three figures a row (zeros printed 0.00).
        (TableId::T3, (25 * 6, 25 * 3, 25 * 3)),
        // T4: 收入 9 lines (3 figures); 支出 (22 coded 类 + 3) × 4 = 100
        // cells, figures on 208, 210, 212, 220, 221, 本年支出合计, 总计 (two each).
        (TableId::T4, (9 + 100, 3 + 14, 6 + 86)),
        // T5: 24 coded rows and 合计 × 3, all printed.
        (TableId::T5, (25 * 3, 75, 0)),
        // T6: as in the other report, 67 rows.
        (TableId::T6, (67, 67, 0)),
        // T9: one row of twelve.
        (TableId::T9, (12, 12, 0)),
        (TableId::T7, (0, 0, 0)),
        (TableId::T8, (0, 0, 0)),
    ]
    .into_iter()
    .collect();
    assert_eq!(counts(&read), expected);
    let total: usize = expected.values().map(|c| c.0).sum();
    assert_eq!(total, 626);
}

#[test]
fn planning_resources_total_rows() {
    let read = read_tables(PLANNING_LAYOUT);
    let t = |table, fact| cell(&read, table, fact);
    // T1 (page 7, lines 217–220).
    assert_eq!(
        t(TableId::T1, "revenue.current_year").as_deref(),
        Some("9746.50")
    );
    assert_eq!(
        t(TableId::T1, "revenue.opening_balance").as_deref(),
        Some("112.88")
    );
    assert_eq!(t(TableId::T1, "revenue.total").as_deref(), Some("9859.38"));
    assert_eq!(
        t(TableId::T1, "expenditure.current_year").as_deref(),
        Some("9759.38")
    );
    assert_eq!(
        t(TableId::T1, "expenditure.closing_balance").as_deref(),
        Some("100.00")
    );
    assert_eq!(
        t(TableId::T1, "expenditure.total").as_deref(),
        Some("9859.38")
    );
    // T1 prints 卫生健康 236.63 and 城乡社区 3845.25 (T3: 236.64, 3845.24).
    assert_eq!(
        t(TableId::T1, "expenditure.function.210").as_deref(),
        Some("236.63")
    );
    assert_eq!(
        t(TableId::T1, "expenditure.function.212").as_deref(),
        Some("3845.25")
    );
    // T2 合计 (page 8).
    assert_eq!(
        t(TableId::T2, "revenue.current_year").as_deref(),
        Some("9746.50")
    );
    assert_eq!(
        t(TableId::T2, "revenue.appropriation").as_deref(),
        Some("9746.50")
    );
    // T3 合计 (page 10): 9759.38 | 5377.64 | 4381.74.
    assert_eq!(
        t(TableId::T3, "expenditure.current_year").as_deref(),
        Some("9759.38")
    );
    assert_eq!(
        t(TableId::T3, "expenditure.basic").as_deref(),
        Some("5377.64")
    );
    assert_eq!(
        t(TableId::T3, "expenditure.project").as_deref(),
        Some("4381.74")
    );
    // T3 on page 11, after the page break: 21201 1105.68 | 1096.91 | 8.77.
    assert_eq!(
        t(TableId::T3, "expenditure.function.21201.project").as_deref(),
        Some("8.77")
    );
    // T4 总计 (page 13): 9746.50 收入; 9746.50 | 9746.50 支出.
    assert_eq!(
        t(TableId::T4, "appropriation.revenue_total").as_deref(),
        Some("9746.50")
    );
    assert_eq!(
        t(TableId::T4, "appropriation.expenditure_total").as_deref(),
        Some("9746.50")
    );
    assert_eq!(
        t(TableId::T4, "general_budget.expenditure_total").as_deref(),
        Some("9746.50")
    );
    // T5 合计 (page 15): 9746.50 | 5364.75 | 4381.74.
    assert_eq!(
        t(TableId::T5, "general_budget.expenditure").as_deref(),
        Some("9746.50")
    );
    assert_eq!(t(TableId::T5, "basic.total").as_deref(), Some("5364.75"));
    assert_eq!(
        t(TableId::T5, "general_budget.expenditure.project").as_deref(),
        Some("4381.74")
    );
    // T6 (page 16): 4884.09 and 480.66.
    assert_eq!(
        t(TableId::T6, "basic.personnel").as_deref(),
        Some("4884.09")
    );
    assert_eq!(t(TableId::T6, "basic.public").as_deref(), Some("480.66"));
    // T6's right group prints codes on one line and name and figure on the next.
    assert_eq!(
        t(TableId::T6, "basic.economic.30207").as_deref(),
        Some("8.05")
    );
    assert_eq!(
        t(TableId::T6, "basic.economic.30217").as_deref(),
        Some("0.39")
    );
    // T9 (page 17): "2.85 0.39 0.00 0.00  0.00  …  2.85  0.39", squeezed.
    let t9: Vec<String> = read
        .table(TableId::T9)
        .unwrap()
        .cells()
        .map(|c| c.value().plain())
        .collect();
    assert_eq!(
        t9,
        [
            "2.85", "0.39", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2.85",
            "0.39"
        ]
    );
    assert_eq!(
        t(TableId::T9, "three_public.reception.budget").as_deref(),
        Some("2.85")
    );
}

// ---------------------------------------------------------------------------
// The audit of each report, tables and narrative together.

/// (rule, severity, first fact) of each finding.
fn summary(findings: &[Finding]) -> Vec<(String, Severity, String)> {
    findings
        .iter()
        .map(|f| {
            (
                f.rule().to_owned(),
                f.severity(),
                f.facts()
                    .first()
                    .map(|id| id.as_str().to_owned())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn has(s: &[(String, Severity, String)], rule: &str, severity: Severity, fact: &str) -> bool {
    s.iter()
        .any(|(r, sv, f)| r == rule && *sv == severity && f == fact)
}

#[test]
fn social_work_audit_has_no_false_error() {
    let report = read_layout(SOCIAL_READING, SOCIAL_LAYOUT);
    let findings = audit(&report.disclosure);
    let s = summary(&findings);
    // No error: the report's tables and narrative agree beyond rounding.
    assert!(
        findings.iter().all(|f| f.severity() != Severity::Error),
        "{findings:#?}"
    );
    // What there is, found by hand:
    // T6: 人员经费 95.36 + 公用经费 10.23 = 105.59 vs T5's 基本支出 105.58.
    assert!(has(&s, "T6.total", Severity::Info, "basic.total"));
    // T6 302: its 27 items sum to 10.22 (3.78 + 1.15 + 0.02 + 0.68 + 0.48
    // + 1.48 + 2.43 + 0.20), printed 10.23.
    assert!(has(
        &s,
        "T6.hierarchy",
        Severity::Info,
        "basic.economic.302"
    ));
    // The narrative: 住房保障 29.42 / 307.82 = 9.557%, stated 9.55%.
    assert!(has(
        &s,
        "rate.truncated",
        Severity::Warning,
        "general_budget.function.221.share"
    ));
    // Rates "增长 100.00%" on a zero base (the department was set up in 2024).
    assert!(s.iter().filter(|(r, _, _)| r == "rate.zero-base").count() >= 4);
    // And nothing else about the tables: the two above are all.
    let tables: Vec<_> = s
        .iter()
        .filter(|(r, _, _)| r.starts_with('T') || r == "restatement")
        .collect();
    assert_eq!(tables.len(), 2, "{tables:#?}");
    // Every finding is located, by page.
    for f in &findings {
        let span = f.span().unwrap();
        assert!(span.page_number().is_some(), "{f}");
    }
}

#[test]
fn planning_resources_audit_reports_every_inconsistency_and_no_false_error() {
    let report = read_layout(PLANNING_READING, PLANNING_LAYOUT);
    let findings = audit(&report.disclosure);
    let s = summary(&findings);
    let errors: Vec<_> = s
        .iter()
        .filter(|(_, sv, _)| *sv == Severity::Error)
        .collect();
    // The two real errors: the narrative's 六 states the 基本支出 and 人员经费
    // of all funds (T3: 5377.64; 4884.09 + 12.89) where T5 and T6 state the
    // general budget's: 5364.75 and 4884.09.
    assert_eq!(
        errors,
        [
            &(
                "restatement".to_owned(),
                Severity::Error,
                "basic.total".to_owned()
            ),
            &(
                "restatement".to_owned(),
                Severity::Error,
                "basic.personnel".to_owned()
            ),
        ]
    );
    let basic = findings
        .iter()
        .find(|f| f.facts()[0].as_str() == "basic.total")
        .unwrap();
    assert_eq!(
        (
            basic.expected().map(Quantity::plain).as_deref(),
            basic.actual().map(Quantity::plain).as_deref(),
            basic.difference().map(Quantity::plain).as_deref()
        ),
        (Some("5364.75"), Some("5377.64"), Some("12.89"))
    );
    // Within rounding, all true:
    // T1 prints 卫生健康 236.63 and 城乡社区 3845.25; T3 236.64 and 3845.24.
    assert!(has(
        &s,
        "restatement",
        Severity::Info,
        "expenditure.function.210"
    ));
    assert!(has(
        &s,
        "restatement",
        Severity::Info,
        "expenditure.function.212"
    ));
    // T4 and the narrative print 卫生健康 236.63; T5 236.64.
    assert_eq!(
        s.iter()
            .filter(|x| x.0 == "restatement" && x.2 == "general_budget.function.210")
            .count(),
        2
    );
    // T4: its 类 sum to 9746.49, 本年支出合计 9746.50.
    assert!(has(
        &s,
        "T4.total",
        Severity::Info,
        "appropriation.expenditure"
    ));
    // T5 合计: 5364.75 + 4381.74 = 9746.49 vs 9746.50.
    assert!(has(
        &s,
        "T5.total-row",
        Severity::Info,
        "general_budget.expenditure"
    ));
    // T5 rows 212, 21201, 2120101: 1572.70 + 2259.65 = 3832.35 vs 3832.36;
    // 1084.02 + 8.77 = 1092.79 vs 1092.80.
    for code in ["212", "21201", "2120101"] {
        assert!(
            has(
                &s,
                "T5.row",
                Severity::Info,
                &format!("general_budget.function.{code}")
            ),
            "{code}"
        );
    }
    // T6 302: 27 items sum to 440.88, printed 440.90; 人员经费 4816.14 + 67.96
    // = 4884.10, printed 4884.09.
    assert!(has(
        &s,
        "T6.hierarchy",
        Severity::Info,
        "basic.economic.302"
    ));
    assert!(has(&s, "T6.personnel", Severity::Info, "basic.personnel"));
    // And nothing else about the tables: the 13 above are all.
    let tables = s
        .iter()
        .filter(|(r, _, _)| r.starts_with('T') || r == "restatement")
        .count();
    assert_eq!(tables, 13, "{findings:#?}");
    // The narrative names 2080599 and 2200199 otherwise than T5 does
    // (机关事业单位退休人员活动费支出, 其他国土资源事务支出).
    assert_eq!(
        s.iter().filter(|x| x.0 == "code.unresolved-item").count(),
        2
    );
    // Every finding is located, by page.
    for f in &findings {
        assert!(f.span().and_then(|s| s.page_number()).is_some(), "{f}");
    }
    // And the narrative's 住房保障支出（款） for T5's 住房改革支出 is a diagnostic.
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.level == DiagnosticLevel::Warning && d.message.contains("“住房保障支出”"))
    );
}

#[test]
fn narrative_spans_move_to_the_layout_text() {
    let report: ReadReport = read_layout(PLANNING_READING, PLANNING_LAYOUT);
    // The narrative's 人员经费 4896.98 (page 24).
    let stmts = report.disclosure.statements("basic.personnel");
    assert_eq!(stmts.len(), 2);
    let s = stmts[1].span().unwrap();
    assert_eq!(&PLANNING_LAYOUT[s.start..s.end], "4896.98");
    assert_eq!(s.page_number(), Some(24));
    assert_eq!(
        s.source_line(PLANNING_LAYOUT),
        Some("经费 4896.98 万元，主要包括：基本工资、津贴补贴、奖金、绩")
    );
    // No narrative figure was left unplaced.
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("not found in the layout"))
    );
}

#[test]
fn read_tables_render_as_markdown_and_csv() {
    let read = read_tables(SOCIAL_LAYOUT);
    let t5 = read.table(TableId::T5).unwrap().to_table();
    let md = t5.to_markdown();
    assert!(
        md.contains("| 科目编码 | 项目 | 合计 | 基本支出 | 项目支出 |"),
        "{md}"
    );
    assert!(
        md.contains("| 2080505 | 机关事业单位基本养老保险缴费支出 | 6.18 | 6.18 |  |"),
        "{md}"
    );
    let csv = t5.to_csv_rows();
    assert!(csv.contains(",T5,2013999,其他社会工作事务支出,项目支出,202.24,万元,general_budget.function.2013999.project\n"), "{csv}");
    // A cell printed empty is written empty, not as a zero.
    assert!(csv.contains(",T5,2013999,其他社会工作事务支出,基本支出,,万元,general_budget.function.2013999.basic\n"), "{csv}");
}

/// The reading-order text flattens the tables, and its reader notes the
/// columns and rows it cannot read there; with the layout text the tables
/// are read, so those notes would mislead ("the table is not read") and
/// are not given. Both texts alone still give them.
#[test]
fn flattened_table_notes_are_dropped_when_the_layout_is_read() {
    let flat = |m: &str| {
        m.starts_with("table column “")
            || m.starts_with("table row “")
                && m.ends_with("has a cell missing: the row is not read")
            || m == "table cell not under a row label"
    };
    let alone = juesuan::text::parse_report(SOCIAL_READING);
    assert!(alone.diagnostics.iter().any(|d| flat(&d.message)));
    let report = read_layout(SOCIAL_READING, SOCIAL_LAYOUT);
    let left: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .filter(|m| flat(m))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
