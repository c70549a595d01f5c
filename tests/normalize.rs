#![allow(clippy::unwrap_used)]
//! Normalising published report text: the three real reports, spans back to the original,
//! character folding, and properties over arbitrary input.

use juesuan::{text::NormalizedText, text::normalize};
use proptest::prelude::*;

const XINJIANG: &str = include_str!("fixtures/xinjiang-hrss-2024.txt");
const SOCIAL_WORK: &str = include_str!("fixtures/putuo-social-work-2024.txt");
const SOCIAL_WORK_LAYOUT: &str = include_str!("fixtures/putuo-social-work-2024.layout.txt");
const PLANNING: &str = include_str!("fixtures/putuo-planning-resources-2024.txt");
const PLANNING_LAYOUT: &str = include_str!("fixtures/putuo-planning-resources-2024.layout.txt");
const TEMPLATE: &str = include_str!("fixtures/template-2024.txt");

const FIXTURES: [(&str, &str); 6] = [
    ("xinjiang", XINJIANG),
    ("social-work", SOCIAL_WORK),
    ("social-work.layout", SOCIAL_WORK_LAYOUT),
    ("planning", PLANNING),
    ("planning.layout", PLANNING_LAYOUT),
    ("template", TEMPLATE),
];

fn has_paragraph(text: &NormalizedText<'_>, expected: &str) -> bool {
    text.paragraphs().any(|p| p.as_str() == expected)
}

/// (1-based line, 1-based column in chars) of the first occurrence of `needle` inside
/// the first original line containing `context`, found without the normaliser.
fn locate(original: &str, context: &str, needle: &str) -> (usize, usize) {
    let (index, line) = original
        .split('\n')
        .enumerate()
        .find(|(_, line)| line.contains(context))
        .unwrap();
    let at = line.find(context).unwrap();
    let at = at + line[at..].find(needle).unwrap();
    (index + 1, line[..at].chars().count() + 1)
}

#[test]
fn reference_report_reads_cleanly() {
    let text = normalize(XINJIANG);
    let s = text.as_str();
    assert!(s.contains("本年收入73,274.06万元，其中：财政拨款收入68,460.73万元，占93.43%；"));
    assert!(s.contains("2024年度收入总计74,194.06万元"));
    assert!(s.contains("本年收入合计73,274.06万元"));
    assert!(s.contains("占93.43%"));
    assert!(s.contains("实有人数1,785人"));
    assert!(s.contains("截至2024年12月31日，房屋165,381.14平方米"));
    assert!(s.contains("其他用车97辆"));
    // A page break inside a sentence (three blank lines) is joined.
    assert!(s.contains("（八）会同有关部门拟订表彰奖励制度"));
    // Codes stay apart and keep their Chinese comma.
    assert!(s.contains("从2080501，2080502调整为208001行政运行"));
    for heading in [
        "第一部分部门概况",
        "一、主要职能",
        "第二部分部门决算情况说明",
        "二、收入决算情况说明",
        "六、一般公共预算财政拨款基本支出决算情况说明",
        "（一）一般公共预算财政拨款支出决算总体情况",
        "十一、预算绩效的情况说明",
        "第三部分专业名词解释",
    ] {
        assert!(
            has_paragraph(&text, heading),
            "{heading} is not on its own line"
        );
    }
    // List items start paragraphs; a wrapped item heading stays with its figures.
    assert!(text.paragraphs().any(|p| p.as_str().starts_with(
        "1、教育支出（类）职业教育（款）中等职业教育（项）：支出决算数为287.40万元，"
    )));
    assert!(has_paragraph(&text, "新疆维吾尔自治区干部疗养院"));
    // No artefacts are left.
    assert!(!s.contains(' '), "no space between CJK or around numbers");
    assert!(!s.contains("\n\n"));
    assert!(!s.contains('\u{c}'));
}

#[test]
fn figure_spans_point_into_the_original() {
    let text = normalize(XINJIANG);
    let at = text.as_str().find("本年收入73,274.06").unwrap() + "本年收入".len();
    let span = text.span(at..at + "73,274.06".len());

    let (line, column) = locate(XINJIANG, "本 年收 入 73,274.06 万 元", "73,274.06");
    assert_eq!((span.line as usize, span.column as usize), (line, column));
    assert_eq!(span.len, 9);
    assert_eq!(&XINJIANG[span.start..span.end], "73,274.06");
    assert_eq!(
        span.source_line(XINJIANG),
        Some("本 年收 入 73,274.06 万 元， 其 中： 财 政拨 款 收 入")
    );

    // The whole sentence runs over three original lines: the span starts at 本 and its
    // byte range ends after the 。 on the third.
    let sentence = "本年收入73,274.06万元，其中：财政拨款收入68,460.73万元，占93.43%；";
    let at = text.as_str().find(sentence).unwrap();
    let span = text.span(at..at + sentence.len());
    let (line, column) = locate(XINJIANG, "本 年收 入", "本");
    assert_eq!((span.line as usize, span.column as usize), (line, column));
    assert!(XINJIANG[span.start..span.end].ends_with("占 93.43%；"));
}

#[test]
fn every_figure_maps_back_verbatim() {
    // In the reference text numbers are never broken, so the original behind every
    // figure of the normalised text is that figure.
    let text = normalize(XINJIANG);
    let s = text.as_str();
    let mut checked = 0;
    let mut rest = s;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let offset = s.len() - rest.len() + start;
        let len = rest[start..]
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(rest.len() - start);
        let figure = s[offset..offset + len].trim_end_matches(['.', ',']);
        let span = text.span(offset..offset + figure.len());
        assert_eq!(
            &XINJIANG[span.start..span.end],
            figure,
            "at {}:{}",
            span.line,
            span.column
        );
        checked += 1;
        rest = &s[offset + len..];
    }
    assert!(checked > 300, "only {checked} figures");
}

#[test]
fn shanghai_reports_read_cleanly() {
    for original in [SOCIAL_WORK, SOCIAL_WORK_LAYOUT] {
        let text = normalize(original);
        for paragraph in [
            "二、收入决算情况说明",
            "本年收入合计307.82万元，其中：财政拨款收入307.82万元，占100.00%。",
            "本年支出合计307.82万元，其中：基本支出105.58万元，占34.30%；项目支出202.24万元，占65.70%。",
            "（三）国有资产占有使用情况说明",
        ] {
            assert!(has_paragraph(&text, paragraph), "missing {paragraph}");
        }
        // A page break between 合计的 and 100.00% is joined.
        assert!(
            text.as_str()
                .contains("一般公共预算财政拨款支出307.82万元，占本年支出合计的100.00%。")
        );
        // So is a number at the end of a short line and its unit on the next.
        assert!(
            text.as_str()
                .contains("主要原因：单位2024年新成立，人员变动，按实际支出。")
        );
    }
    for original in [PLANNING, PLANNING_LAYOUT] {
        let text = normalize(original);
        assert!(has_paragraph(
            &text,
            "本年收入合计9746.50万元，其中：财政拨款收入9746.50万元，占100.00%。"
        ));
        // An extraction that put every quote on its own line.
        assert!(
            text.as_str()
                .contains("除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。")
        );
        assert!(has_paragraph(
            &text,
            "（一）“三公”经费财政拨款支出决算总体情况说明。"
        ));
    }
}

#[test]
fn layout_tables_keep_their_columns() {
    let text = normalize(SOCIAL_WORK_LAYOUT);
    assert!(has_paragraph(&text, "2013901\t行政运行\t51.32\t51.32"));
    assert!(has_paragraph(
        &text,
        "本年收入合计\t307.82\t本年支出合计\t307.82"
    ));
    // Table cells in the plain extraction are not glued together either.
    let plain = normalize(SOCIAL_WORK);
    assert!(has_paragraph(&plain, "307.82"));
    assert!(!plain.as_str().contains("307.82项目"));
}

#[test]
fn traditional_and_full_width_text() {
    assert_eq!(
        normalize("財政撥款收入 1,234.56 萬元").as_str(),
        "财政拨款收入1,234.56万元"
    );
    assert_eq!(
        normalize("７４，１９４．０６万元").as_str(),
        "74,194.06万元"
    );
    assert_eq!(
        normalize("本年收入７３，２７４．０６萬元，佔９３．４３％；").as_str(),
        "本年收入73,274.06万元，占93.43%；"
    );
    assert_eq!(
        normalize("一般公共預算財政撥款支出決算情況說明").as_str(),
        "一般公共预算财政拨款支出决算情况说明"
    );
    // Kangxi radicals that some PDF fonts emit instead of ideographs.
    assert_eq!(normalize("⼀般公共预算⽀出").as_str(), "一般公共预算支出");
    // Half-width punctuation gets the canonical forms.
    assert_eq!(
        normalize("经营收入 1,272.63 万元,占 1.74%;其中: (一)").as_str(),
        "经营收入1,272.63万元，占1.74%；其中：（一）"
    );
}

#[test]
fn numbers_are_never_glued_across_breaks() {
    // Two cells of a table row, and a number broken over a line: both keep a boundary.
    assert_eq!(normalize("0.00 0.00").as_str(), "0.00 0.00");
    let broken = normalize("增加 1,382.9\n8 万元");
    assert!(!broken.as_str().contains("1,382.98"), "{broken}");
    // A number at the end of a line and its unit on the next are joined.
    assert_eq!(normalize("其他用车 97\n\n辆，").as_str(), "其他用车97辆，");
}

#[test]
fn page_numbers_and_form_feeds_are_removed() {
    let original = "收入支出总体与上年相比，增加\n- 1 -\n\u{c}1,382.98 万元。\n第 2 页\n";
    assert_eq!(
        normalize(original).as_str(),
        "收入支出总体与上年相比，增加1,382.98万元。"
    );
    let counted = "甲。\n1\n\u{c}乙。\n2\n\u{c}丙。\n3\n\u{c}丁。\n4\n";
    assert_eq!(normalize(counted).as_str(), "甲。\n乙。\n丙。\n丁。");
}

#[test]
fn fixtures_are_fixed_points() {
    for (name, original) in FIXTURES {
        let once = normalize(original);
        let twice = normalize(once.as_str());
        assert_eq!(once.as_str(), twice.as_str(), "{name}");
    }
}

#[test]
fn paragraphs_cover_the_text() {
    let text = normalize(XINJIANG);
    let mut rebuilt = String::new();
    for (i, p) in text.paragraphs().enumerate() {
        if i > 0 {
            rebuilt.push('\n');
        }
        assert_eq!(p.start(), rebuilt.len());
        assert_eq!(&text.as_str()[p.range()], p.as_str());
        assert!(!p.as_str().is_empty());
        rebuilt.push_str(p.as_str());
    }
    assert_eq!(rebuilt, text.as_str());
}

fn check_invariants(original: &str) {
    let text = normalize(original);
    let s = text.as_str();
    assert!(!s.contains('\u{c}'));
    assert!(!s.contains("\n\n") && !s.starts_with('\n') && !s.ends_with('\n'));
    assert!(!s.contains("  "));
    for p in text.paragraphs() {
        assert_eq!(p.as_str().trim(), p.as_str());
    }
    let mut last_end = 0;
    for (i, c) in s.char_indices() {
        let span = text.span(i..i + c.len_utf8());
        assert!(span.start <= span.end && span.end <= original.len());
        assert!(original.get(span.start..span.end).is_some());
        assert!(span.start >= last_end || c == '\n', "spans go forward");
        assert!(span.line >= 1 && span.column >= 1);
        last_end = span.end;
        if !c.is_whitespace() {
            assert!(span.end > span.start, "{c:?} comes from somewhere");
        }
    }
    // Ranges that are not on character boundaries or out of bounds are fine too.
    for start in [0, 1, s.len() / 2, s.len(), s.len() + 7] {
        let span = text.span(start..start + 3);
        assert!(original.get(span.start..span.end).is_some());
    }
}

#[test]
fn fixtures_keep_the_invariants() {
    for (_, original) in FIXTURES {
        check_invariants(original);
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(original in any::<String>()) {
        check_invariants(&original);
    }

    #[test]
    fn report_like_text_never_panics(
        original in "[0-9０-９,，.．%％:：;；()（）一二三十、。第部分年万元本收入財撥 \t\n\u{c}\u{3000}-]{0,200}"
    ) {
        check_invariants(&original);
    }

    #[test]
    fn one_line_is_a_fixed_point(original in "[^\n\r]{0,200}") {
        let once = normalize(&original);
        let twice = normalize(once.as_str());
        prop_assert_eq!(once.as_str(), twice.as_str());
    }

    #[test]
    fn one_report_like_line_is_a_fixed_point(
        original in "[0-9０-９,，.．%％:：;；()（）一二三十、。第部分年万元本收入財撥 \t\u{c}\u{3000}-]{0,200}"
    ) {
        let once = normalize(&original);
        let twice = normalize(once.as_str());
        prop_assert_eq!(once.as_str(), twice.as_str());
    }
}
