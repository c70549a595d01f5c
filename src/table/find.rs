//! Finding the nine tables in the layout text: by title (numbered or not,
//! with its variant names), then their unit line, header, body and notes.

use std::ops::Range;

use super::layout::Line;
use crate::amount::Unit;
use crate::render::TableId;

/// Title variants, compared with the line's words without spaces, quotation
/// marks and a leading number. The first match wins, so longer titles that
/// contain shorter ones come first.
const TITLES: &[(TableId, &str)] = &[
    (TableId::T4, "财政拨款收入支出决算总表"),
    (TableId::T4, "财政拨款收支决算总表"),
    (TableId::T1, "收入支出决算总表"),
    (TableId::T1, "收支决算总表"),
    (TableId::T6, "一般公共预算财政拨款基本支出决算表"),
    (TableId::T9, "一般公共预算财政拨款三公经费支出决算表"),
    (TableId::T9, "财政拨款三公经费支出决算表"),
    (TableId::T9, "三公经费支出决算表"),
    (TableId::T5, "一般公共预算财政拨款支出决算表"),
    (TableId::T7, "政府性基金预算财政拨款收入支出决算表"),
    (TableId::T7, "政府性基金预算财政拨款支出决算表"),
    (TableId::T8, "国有资本经营预算财政拨款收入支出决算表"),
    (TableId::T8, "国有资本经营预算财政拨款支出决算表"),
    (TableId::T2, "收入决算表"),
    (TableId::T3, "支出决算表"),
];

/// One table's lines.
#[derive(Debug, Clone)]
pub(crate) struct Region {
    pub id: TableId,
    /// The title as printed (words without spaces).
    pub title: String,
    /// Index of the title line.
    pub title_line: usize,
    /// Index of the unit line, and the unit.
    pub unit: Option<(usize, Unit)>,
    /// Lines after the title (and unit) up to the notes: header and body.
    pub lines: Range<usize>,
    /// The notes under the table (注, 说明), up to the next table.
    pub notes: Range<usize>,
}

/// What a line says once spaces, quotation marks and a leading number
/// ("一、", "表1", "附表2-1", "（三）") are gone.
fn title_text(s: &str) -> &str {
    const NUMERALS: &str = "0123456789一二三四五六七八九十";
    let (s, tabled) = match s.strip_prefix("附表").or_else(|| s.strip_prefix('表')) {
        Some(rest) => (rest, true),
        None => (s, false),
    };
    if let Some(inner) = s.strip_prefix(['（', '(']) {
        let n: usize = inner
            .chars()
            .take_while(|c| NUMERALS.contains(*c))
            .map(char::len_utf8)
            .sum();
        if n > 0 {
            if let Some(rest) = inner.get(n..).and_then(|r| r.strip_prefix(['）', ')'])) {
                return rest;
            }
        }
        return s;
    }
    let n: usize = s
        .chars()
        .take_while(|c| NUMERALS.contains(*c) || (tabled && *c == '-'))
        .map(char::len_utf8)
        .sum();
    if n == 0 {
        return s;
    }
    let rest = s.get(n..).unwrap_or_default();
    match rest.strip_prefix(['、', '.', '．', '：', ':']) {
        Some(r) => r,
        None if tabled => rest,
        None => s,
    }
}

fn unquoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(
        s.chars()
            .filter(|c| !matches!(c, '“' | '”' | '"' | '\'' | '‘' | '’' | '「' | '」')),
    );
    out
}

/// The table a line titles, if it is a title: the whole line, or a line
/// ending in the title after the department and year ("某局2024年度收入决算表").
pub(crate) fn title_of(line: &Line<'_>) -> Option<TableId> {
    // Every title ends in 表; most lines have none.
    if !line.text.contains('表') {
        return None;
    }
    let compact = unquoted(&line.compact());
    if compact.chars().count() > 60 {
        return None;
    }
    let bare = title_text(&compact);
    let bare = bare.strip_suffix("（续）").unwrap_or(bare);
    for (id, title) in TITLES {
        // "三公" loses its quotes, and "（续）" marks a continued table.
        if bare == *title {
            return Some(*id);
        }
        if let Some(head) = bare.strip_suffix(title) {
            // A department and year in front ("…2024年度收入决算表"), not
            // another title word ("财政拨款" before "收入支出决算总表").
            if head.ends_with("年度") || head.ends_with("年") {
                return Some(*id);
            }
        }
    }
    None
}

/// The unit a line states ("单位：万元", "金额单位：元").
pub(crate) fn unit_of(line: &Line<'_>) -> Option<Unit> {
    if !line.text.contains('位') {
        return None;
    }
    let compact = line.compact();
    let at = compact.find("单位")?;
    let rest = compact.get(at + "单位".len()..)?;
    let rest = rest.trim_start_matches(['：', ':']);
    if rest.starts_with("万元") {
        Some(Unit::WanYuan)
    } else if rest.starts_with('元') {
        Some(Unit::Yuan)
    } else {
        None
    }
}

/// Whether a line starts another part of the report (第三部分 …), which
/// ends the last table.
fn ends_tables(line: &Line<'_>) -> bool {
    ["第三部分", "第四部分", "第一部分"]
        .iter()
        .any(|p| line.starts_with(p))
}

fn is_note(line: &Line<'_>) -> bool {
    ["注：", "注:", "说明：", "说明:"]
        .iter()
        .any(|p| line.starts_with(p))
}

/// Where a table starts: its title line, its id, its unit line and unit.
type Start = (usize, TableId, Option<(usize, Unit)>);

/// Every table in `lines`, in document order.
pub(crate) fn regions(lines: &[Line<'_>]) -> Vec<Region> {
    // Titles followed within a few lines by a unit: the contents page lists
    // the titles too, without units.
    let mut starts: Vec<Start> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(id) = title_of(line) else {
            continue;
        };
        let unit = lines
            .iter()
            .enumerate()
            .skip(i + 1)
            .filter(|(_, l)| !l.is_blank())
            .take(3)
            .find_map(|(j, l)| unit_of(l).map(|u| (j, u)));
        let header_like = unit.is_some()
            || lines
                .iter()
                .skip(i + 1)
                .filter(|l| !l.is_blank())
                .take(4)
                .any(|l| l.text.contains("项目") || l.text.contains("科目"));
        if header_like {
            starts.push((i, id, unit));
        }
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, (i, id, unit)) in starts.iter().enumerate() {
        let next = starts.get(k + 1).map_or(lines.len(), |s| s.0);
        let end = lines
            .iter()
            .enumerate()
            .take(next)
            .skip(i + 1)
            .find(|(_, l)| ends_tables(l))
            .map_or(next, |(j, _)| j);
        let first = unit.map_or(i + 1, |(u, _)| u + 1);
        let notes_at = lines
            .iter()
            .enumerate()
            .take(end)
            .skip(first)
            .find(|(_, l)| is_note(l))
            .map_or(end, |(j, _)| j);
        let title = lines.get(*i).map(Line::compact).unwrap_or_default();
        out.push(Region {
            id: *id,
            title,
            title_line: *i,
            unit: *unit,
            lines: first..notes_at,
            notes: notes_at..end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::layout::lines;
    use super::*;

    #[test]
    fn titles_and_variants() {
        let ls = lines(
            "   收入支出决算总表\n财政拨款收入支出决算总表\n表3 支出决算表\n某局2024年度收入决算表\n\
             财政拨款“三公”经费支出决算表\n一、收入支出决算总体情况说明\n一般公共预算财政拨款支出决算表（续）",
        );
        let ids: Vec<_> = ls.iter().map(title_of).collect();
        assert_eq!(
            ids,
            [
                Some(TableId::T1),
                Some(TableId::T4),
                Some(TableId::T3),
                Some(TableId::T2),
                Some(TableId::T9),
                None,
                Some(TableId::T5)
            ]
        );
    }

    #[test]
    fn units() {
        let ls = lines("   单位：万元\n金额单位:元\n单位 万人");
        assert_eq!(unit_of(&ls[0]), Some(Unit::WanYuan));
        assert_eq!(unit_of(&ls[1]), Some(Unit::Yuan));
        assert_eq!(unit_of(&ls[2]), None);
    }
}
