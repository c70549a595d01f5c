//! Classification codes cited inside free text (reasons, explanations).

/// Words that end a cited code's name: the verb or marker that follows it.
const STOP_WORDS: [&str; 4] = ["调整", "纳入", "项", "等"];

/// Whether `c` is a CJK ideograph (the characters of a code's name).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Finds the classification codes a text cites, each with the name written
/// beside it.
///
/// A cited code is a run of 6 or 7 ASCII digits starting with 2 (a function
/// code 项, or a malformed one such as "208001" that the audit will report),
/// or of 5 digits starting with 3 (an economic code 款). A run that is part of
/// a longer number or of a printed amount ("200000.00", "619993.01") is not
/// a code. The name is the CJK text that follows, after at most one space,
/// up to the next punctuation, space or one of the words 调整, 纳入, 项, 等.
/// Each result is `"<digits> <name>"`, or just the digits when no name
/// follows; duplicates are kept in order (the text cites them twice).
///
/// The strict model derives `<figure>.cited_code` facts from reasons with
/// this function, and the text parser reuses it, so both agree.
///
/// ```
/// use juesuan::model::cited_codes;
///
/// let reason = "2024 年把 2080104 综合事务管理调整为 2080199 其他人力资源和社会保障管理事务支出。";
/// assert_eq!(
///     cited_codes(reason),
///     ["2080104 综合事务管理", "2080199 其他人力资源和社会保障管理事务支出"],
/// );
/// let other = "把离退休人员公用经费从 2080501，2080502 调整为 208001 行政运行。";
/// assert_eq!(cited_codes(other), ["2080501", "2080502", "208001 行政运行"]);
/// assert_eq!(cited_codes("2080103 机关服务项调整为 2080150 事业运行"), ["2080103 机关服务", "2080150 事业运行"]);
/// assert_eq!(cited_codes("调整至 30201 办公费。"), ["30201 办公费"]);
/// assert!(cited_codes("全年预算数 200000.00 万元，执行数 619993.01 万元，2024 年").is_empty());
/// ```
#[doc(alias = "引用科目")]
pub fn cited_codes(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(c) = chars.get(i).copied() else {
            break;
        };
        if !c.is_ascii_digit() {
            i = i.saturating_add(1);
            continue;
        }
        let start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i = i.saturating_add(1);
        }
        let digits: String = chars.get(start..i).unwrap_or(&[]).iter().collect();
        let before = start.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let after = chars.get(i).copied();
        let after2 = chars.get(i.saturating_add(1)).copied();
        // Part of a printed number: the fraction or integer part of "12.5".
        // (A thousands group has three digits, never a code's five to seven.)
        let glued_before = matches!(before, Some('.' | '．'))
            && start
                .checked_sub(2)
                .and_then(|p| chars.get(p))
                .is_some_and(char::is_ascii_digit);
        let glued_after =
            matches!(after, Some('.' | '．')) && after2.is_some_and(|c| c.is_ascii_digit());
        let len = digits.len();
        let is_code = (digits.starts_with('2') && (len == 6 || len == 7))
            || (digits.starts_with('3') && len == 5);
        if !is_code || glued_before || glued_after {
            continue;
        }
        // The name: skip at most one space, then CJK up to a stop.
        let mut j = i;
        if chars.get(j).is_some_and(|c| c.is_whitespace()) {
            j = j.saturating_add(1);
        }
        let mut name = String::new();
        while let Some(c) = chars.get(j).copied() {
            if !is_cjk(c) {
                break;
            }
            let rest: String = chars.get(j..).unwrap_or(&[]).iter().take(2).collect();
            if STOP_WORDS.iter().any(|w| rest.starts_with(w)) {
                break;
            }
            name.push(c);
            j = j.saturating_add(1);
        }
        if name.is_empty() {
            found.push(digits);
        } else {
            found.push(format!("{digits} {name}"));
            i = j;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_report_citations() {
        assert_eq!(
            cited_codes("新增社会保险基金监督管理费用，纳入 2080107 社会保险业务管理事务（项）。"),
            ["2080107 社会保险业务管理事务"]
        );
        assert_eq!(
            cited_codes("上年度列入本科目项目本年度调整至 2080116 引进人才费用。"),
            ["2080116 引进人才费用"]
        );
        assert_eq!(
            cited_codes("天山英才培养计划，纳入 2080106 就业管理事务。"),
            ["2080106 就业管理事务"]
        );
        assert_eq!(
            cited_codes("2080106就业管理事务等"),
            ["2080106 就业管理事务"]
        );
    }

    #[test]
    fn numbers_are_not_codes() {
        assert!(cited_codes("20241231").is_empty());
        assert!(cited_codes("2,727,838.00").is_empty());
        assert!(cited_codes("265656.00 万元").is_empty());
        assert!(cited_codes("1.2080101").is_empty());
        assert!(cited_codes("").is_empty());
        assert_eq!(cited_codes("(2080101)"), ["2080101"]);
    }
}
