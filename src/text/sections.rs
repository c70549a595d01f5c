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

/// Classifies a sub-heading (（一）…) inside `current`: only a heading that names
/// another section by its own words moves there (（一）“三公”经费…, （二）政府采购…);
/// generic ones (（一）财政拨款支出决算总体情况 under 五、一般公共预算…) stay where they are.
pub(super) fn sub_section(heading: &str, current: Section) -> Section {
    let has = |w: &str| heading.contains(w);
    if has("三公") {
        Section::ThreePublic
    } else if has("政府性基金") {
        Section::GovernmentFund
    } else if has("国有资本经营") {
        Section::StateCapital
    } else if has("一般公共预算财政拨款基本支出") {
        Section::Basic
    } else if has("机关运行经费") || has("政府采购") || has("国有资产") {
        Section::Other
    } else if has("绩效") {
        Section::Performance
    } else if (has("职能") || has("主要职责")) && !has("机构") && !has("人员") {
        Section::Functions
    } else if has("机构设置") || has("人员情况") || has("单位构成") {
        Section::Overview
    } else if current == Section::Unknown {
        narrative_section(heading).unwrap_or(current)
    } else {
        current
    }
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
    /// Words that look like a subject but name no figure of the schema (离退休人员
    /// is 离休 and 退休 together): a figure of theirs is not attributed.
    Nothing,
    /// 收入 or 支出 alone: the revenue (`true`) or spending total named last in the
    /// section (收入总计 or 本年收入合计), the year's when none was.
    Side(bool),
}

impl Target {
    /// The base the following relations (share, change, reason) are about.
    pub(super) fn subject(self) -> Option<&'static str> {
        match self {
            Target::One(id) | Target::Two(id, _) => Some(id),
            Target::AssetValue | Target::Nothing => None,
            Target::Side(true) => Some("revenue.current_year"),
            Target::Side(false) => Some("expenditure.current_year"),
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

/// One lexicon entry: the words, what they name, which figure they take, where they
/// apply.
#[derive(Debug, Clone, Copy)]
pub(super) struct Label {
    pub key: &'static str,
    pub target: Target,
    pub want: Want,
    sections: u32,
    /// A generic measure (总支出, 财政拨款支出) loses to a specific subject in the
    /// same label (“三公”经费总支出 is the 三公 total).
    pub generic: bool,
}

/// The subject lexicon (`data/lexicon.tsv`, compiled into the crate).
const LEXICON: &str = include_str!("../../data/lexicon.tsv");

fn section_named(name: &str) -> Option<Section> {
    Some(match name {
        "overview" => Section::Overview,
        "totals" => Section::Totals,
        "revenue" => Section::Revenue,
        "expenditure" => Section::Expenditure,
        "appropriation" => Section::Appropriation,
        "general_budget" => Section::GeneralBudget,
        "basic" => Section::Basic,
        "government_fund" => Section::GovernmentFund,
        "state_capital" => Section::StateCapital,
        "three_public" => Section::ThreePublic,
        "other" => Section::Other,
        "performance" => Section::Performance,
        "other_matters" => Section::OtherMatters,
        _ => return None,
    })
}

/// One line of the lexicon, or why it is malformed.
fn lexicon_line(line: &'static str) -> Result<Label, String> {
    let mut cells = line.split('\t');
    let (Some(key), Some(base), Some(kind), Some(sections), flag, None) = (
        cells.next(),
        cells.next(),
        cells.next(),
        cells.next(),
        cells.next(),
        cells.next(),
    ) else {
        return Err(format!(
            "expected four or five tab-separated cells: {line:?}"
        ));
    };
    let generic = match flag {
        None => false,
        Some("generic") => true,
        Some(other) => return Err(format!("unknown flag {other:?}: {line:?}")),
    };
    let target = match base.split_once('+') {
        _ if base == "@asset_value" => Target::AssetValue,
        _ if base == "-" => Target::Nothing,
        _ if base == "@revenue" => Target::Side(true),
        _ if base == "@expenditure" => Target::Side(false),
        Some((a, b)) => Target::Two(a, b),
        None => Target::One(base),
    };
    let want = match kind {
        "amount" => Want::Amount,
        "count" => Want::Count,
        "quantity" => Want::Quantity,
        other => return Err(format!("unknown kind {other:?}: {line:?}")),
    };
    let mut mask = 0;
    for name in sections.split(',') {
        mask |= match name {
            "*" => u32::MAX,
            name => section_named(name)
                .ok_or_else(|| format!("unknown section {name:?}: {line:?}"))?
                .bit(),
        };
    }
    Ok(Label {
        key,
        target,
        want,
        sections: mask,
        generic,
    })
}

/// The lexicon's entries, in file order; malformed lines are left out (a test checks
/// that there are none).
pub(super) fn labels() -> &'static [Label] {
    static LABELS: OnceLock<Vec<Label>> = OnceLock::new();
    LABELS.get_or_init(|| {
        LEXICON
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| lexicon_line(l).ok())
            .collect()
    })
}

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

/// Indices into [`labels`] by the first character of their key, sorted by character.
fn index() -> &'static [(char, Vec<usize>)] {
    static INDEX: OnceLock<Vec<(char, Vec<usize>)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: Vec<(char, Vec<usize>)> = Vec::new();
        for (i, entry) in labels().iter().enumerate() {
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
    })
}

/// The ideographs a lexicon key starts with: an exact test before the index is
/// searched.
fn label_firsts() -> &'static IdeographSet {
    static FIRSTS: OnceLock<IdeographSet> = OnceLock::new();
    FIRSTS.get_or_init(|| {
        labels()
            .iter()
            .fold(IdeographSet::EMPTY, |set, l| set.with_first_of(l.key))
    })
}

fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'')
}

/// `label` without quotation marks and without bracketed remarks of three characters
/// or more (（含结余分配和年末结转结余）, （以合同签订为准）): a remark names no subject.
/// Short brackets are part of names: 因公出国（境）费, 教育支出（类）.
fn without_remarks(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut rest = label;
    while let Some(open) = rest.find('（') {
        let after = rest.get(open + '（'.len_utf8()..).unwrap_or_default();
        let close = after.find('）');
        let inner = close.map_or(after, |c| after.get(..c).unwrap_or_default());
        // An unclosed bracket opens a list the label is part of: （其中公务用车购置费.
        let keep = close.is_none() || inner.chars().count() < 3;
        out.push_str(rest.get(..open).unwrap_or_default());
        if close.is_none() {
            out.push_str(inner);
        } else if keep {
            out.push('（');
            out.push_str(inner);
            if close.is_some() {
                out.push('）');
            }
        }
        rest = close.map_or("", |c| after.get(c + '）'.len_utf8()..).unwrap_or_default());
    }
    out.push_str(rest);
    out.retain(|c| !is_quote(c));
    out
}

/// Words that may stand between a subject and its figure without naming anything else
/// (支出, 决算数, 合计, 共计, 本年度, …): a phrase followed by anything more is not the
/// label's subject (下级预算单位 is no 编制).
fn is_filler(c: char) -> bool {
    c.is_ascii_digit()
        || "支出决算数为是共计合达金额总资费用了约实际本年度累的各均其中：（）".contains(c)
}

/// Whether `tail`, what follows a phrase in a label, is filler words and bracketed
/// remarks only (使用非财政拨款结余（含专用结余）, 政府采购金额（以合同签订为准）).
fn filler_tail(tail: &str) -> bool {
    /// Words that say where the money came from, not what it is (三公经费公共财政拨款支出,
    /// 因公出国（境）费一般公共预算财政拨款支出).
    const QUALIFIERS: &[&str] = &[
        "一般公共预算",
        "公共财政",
        "财政拨款",
        "公共预算",
        "拨款",
        "经费",
        "全区",
        "全县",
        "全市",
        "全镇",
    ];
    let mut depth = 0usize;
    let mut rest = tail;
    while let Some(c) = rest.chars().next() {
        if depth == 0 {
            if let Some(q) = QUALIFIERS.iter().find(|q| rest.starts_with(**q)) {
                rest = rest.get(q.len()..).unwrap_or_default();
                continue;
            }
        }
        match c {
            '（' => depth += 1,
            '）' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if is_filler(c) => {}
            _ => return false,
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    true
}

/// Whether `prefix`, the words before 收入 or 支出 in a label, only says whose and
/// when (本部门2016年度, 全年, 单位).
fn side_prefix(prefix: &str) -> bool {
    // 马关卫生院单位支出: a unit's name before 单位 or 部门 says whose.
    if prefix.ends_with("单位") || prefix.ends_with("部门") || prefix.ends_with("本级") {
        return true;
    }
    const WORDS: &[&str] = &[
        "本部门",
        "本单位",
        "我单位",
        "部门",
        "单位",
        "本年度",
        "本年",
        "全年",
        "年度",
        "年",
        "度",
        "其中",
        "的",
    ];
    let mut rest = prefix;
    while let Some(c) = rest.chars().next() {
        if let Some(w) = WORDS.iter().find(|w| rest.starts_with(**w)) {
            rest = rest.get(w.len()..).unwrap_or_default();
            continue;
        }
        if !(c.is_ascii_digit()
            || c.is_whitespace()
            || "、，：.（）一二三四五六七八九十".contains(c))
        {
            return false;
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    true
}

/// The lexicon entry that `label` names in `section`, taking a figure of kind `want`
/// (any kind when `None`). Of the phrases the label contains, the one that ends last
/// wins (a specific one before a generic measure), then the longest, then the first
/// listed; what follows the phrase must be
/// filler words ([`is_filler`]). Quotation marks in `label` are ignored.
pub(super) fn lookup(label: &str, section: Section, want: Option<Want>) -> Option<&'static Label> {
    if label.is_empty() {
        return None;
    }
    let plain: String;
    let label = if label.chars().any(|c| is_quote(c) || c == '（') {
        plain = without_remarks(label);
        plain.as_str()
    } else {
        label
    };
    let index = index();
    let firsts = label_firsts();
    let all = labels();
    let bit = section.bit();
    // (specific, end, length) of the best match, and its index: greater is better,
    // then the first listed.
    let mut best: Option<((bool, usize, usize), usize)> = None;
    for (at, c) in label.char_indices() {
        if is_ideograph(c) && !firsts.contains(c) {
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
            let Some(entry) = all.get(i) else {
                continue;
            };
            if section != Section::Unknown && entry.sections & bit == 0 {
                continue;
            }
            if want.is_some_and(|w| w != entry.want) || !rest.starts_with(entry.key) {
                continue;
            }
            let end = at + entry.key.len();
            if !label.get(end..).is_some_and(filler_tail) {
                continue;
            }
            let side = matches!(entry.target, Target::Side(_));
            let bare_pair =
                matches!(entry.target, Target::Two(..)) && entry.key.chars().count() <= 3;
            // 收入 and 支出 alone name a total only in the sections about totals, and
            // only when nothing but the unit and the year comes before them
            // (纳入专户管理的非税收入拨款支出 is no total); 收支 and 收、支 only when
            // nothing else comes before them either (人员经费收支减少13.25万元 is no
            // total).
            if (side && section == Section::Unknown)
                || ((side || bare_pair) && !side_prefix(label.get(..at).unwrap_or_default()))
            {
                continue;
            }
            let rank = (!entry.generic, end, entry.key.len());
            let better = best.is_none_or(|(r, j)| rank > r || (rank == r && i < j));
            if better {
                best = Some((rank, i));
            }
        }
    }
    best.and_then(|(_, i)| all.get(i))
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
    use Section as S;

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
    fn the_lexicon_is_well_formed() {
        for line in LEXICON.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let label = lexicon_line(line).unwrap();
            for base in [
                label.target.subject(),
                match label.target {
                    Target::Two(_, b) => Some(b),
                    _ => None,
                },
            ]
            .into_iter()
            .flatten()
            {
                let id: crate::fact::FactId = base.parse().unwrap();
                let kind = match label.want {
                    Want::Amount => crate::fact::FactKind::Amount,
                    Want::Count => crate::fact::FactKind::Count,
                    Want::Quantity => crate::fact::FactKind::Quantity,
                };
                assert_eq!(id.kind(), kind, "{line}");
            }
        }
        assert!(labels().len() > 150);
    }

    #[test]
    fn remarks_are_not_subjects() {
        assert_eq!(without_remarks("（含结余分配和年末结转结余）"), "");
        assert_eq!(without_remarks("因公出国（境）费"), "因公出国（境）费");
        assert_eq!(without_remarks("“三公”经费（不含会议费）"), "三公经费");
        assert_eq!(
            without_remarks("（其中公务用车购置费"),
            "其中公务用车购置费"
        );
        assert_eq!(id("（含结余分配和年末结转结余）", S::Totals, None), None);
    }

    #[test]
    fn head_final_and_filler() {
        assert_eq!(
            id(
                "2017年一般公共预算财政拨款三公经费",
                S::Unknown,
                Some(Want::Amount)
            ),
            Some("three_public.total")
        );
        assert_eq!(
            id(
                "本单位无纳入2020年度决算编制的下级预算单位",
                S::Overview,
                None
            ),
            None
        );
        assert_eq!(
            id("有事业编制", S::Overview, None),
            Some("staff.authorized")
        );
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
