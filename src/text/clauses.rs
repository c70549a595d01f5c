//! Reading the sentences of one paragraph into facts.
//!
//! A paragraph is lexed into numbers, keywords and delimiters (see
//! [`patterns`](super::patterns)); the text between them is label text. A label
//! followed by a number states a figure (收入总计 74,194.06万元); a label followed by a
//! delimiter or keyword names the *subject* that the following relations are about
//! (占, 增加/减少, 增长/下降, 持平, 预算数, 决算数, 预决算差异率, 完成…的, 主要原因是).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use super::parse::{Diagnostic, DiagnosticLevel};
use super::patterns::{
    BudgetKind, Frame, Kw, Num, NumUnit, Reach, Tok, Token, end_within, find_any, find_any_within,
    has_figure, is_delimiter, next_token,
};
use super::sections::{Label, Section, Target, Want, lookup, vehicle_kind};
use crate::amount::{Amount, Percent, Unit};
use crate::code::{Catalog, CodeError, FunctionCode, normalize_code_name};
use crate::disclosure::{Fact, Indicator, Reading, Value};
use crate::fact::FactId;
use crate::model::cited_codes;
use crate::span::Span;
use crate::text::NormalizedText;

/// What the relations of a clause are about.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Subject {
    /// Nothing named yet.
    None,
    /// An item the reader could not resolve: its relations are skipped.
    Unknown,
    /// A fact base.
    Base {
        id: Rc<str>,
        /// A count (staff), whose changes are counts too.
        count: bool,
        unit: Unit,
        decimals: u32,
    },
}

/// The last relation stated about the subject: a reason explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    None,
    Change,
    Budget,
}

/// Which asset 价值 refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asset {
    Building,
    Vehicles,
}

/// What the reader knows while it reads a section.
#[derive(Debug, Clone)]
struct State {
    subject: Subject,
    relation: Relation,
    /// The fact a bare 人次 count belongs to (after 团组 or 批次).
    persons: Option<&'static str>,
    asset: Option<Asset>,
    /// What a change is measured against: last year unless the sentence named the
    /// budget (较年初预算).
    frame: Frame,
    /// Inside an open comparison (与2014年度 … 相比): a figure here is the one compared
    /// with (last year's, or the budget), not this year's.
    frame_open: bool,
    /// The second total of a pair subject (收入、支出总计): its relations are stated
    /// together with the subject's.
    pair: Option<&'static str>,
    /// The sentence states budgets (“三公”经费预算为…，其中：因公出国（境）费39万元):
    /// the items listed next are budget figures too, until final figures are named.
    budget_list: bool,
    /// The total whose breakdown by function class the sentence gives: the prefix of
    /// its classes' fact ids (一般公共预算财政拨款支出…主要用于…).
    breakdown: Option<&'static str>,
}

impl State {
    fn new() -> State {
        State {
            subject: Subject::None,
            relation: Relation::None,
            persons: None,
            asset: None,
            frame: Frame::Prior,
            frame_open: false,
            pair: None,
            budget_list: false,
            breakdown: None,
        }
    }
}

/// Whose figures a sentence states (see `Reader::sentence_scope`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    ThisYear,
    PriorYear,
    Elsewhere,
}

/// Where the reader is in the current paragraph.
struct Para<'p> {
    p: &'p str,
    /// Byte offset of the paragraph in the normalised text.
    base: usize,
    /// Where the current label starts.
    label_start: usize,
    /// Everything before this was consumed (a reason, a list).
    skip_to: usize,
    /// Where the current sentence starts.
    sentence_start: usize,
    /// The reader's first fact of the current sentence.
    sentence_first_fact: usize,
    /// Whether the previous token was a number (a cell of a table flattened into
    /// text when only spaces stand between them).
    after_num: bool,
    /// A number already read with the one before it (the second of a pair).
    skip_past: Option<usize>,
    /// The year the current sentence opens with, once looked at.
    sentence_year: Option<Option<i32>>,
    /// Scope words (全县; 县本级, 区直) seen in the current sentence, and up to where.
    scope_words: (bool, bool),
    scope_scanned: usize,
    /// The last scope answered, and up to where the sentence was read for it.
    scope_answer: Option<(usize, Scope)>,
    /// Whether the paragraph has a character of a scope word (全, 直, 级) at all.
    scope_chars: bool,
    /// The subject a list of parts belongs to (编制数11个，其中：…): a figure of the
    /// same id after 其中 is a part, not the whole.
    list_parent: Option<Rc<str>>,
    /// 分别 was said in this sentence: the relations that follow give one figure per
    /// subject named before, which the reader does not pair up.
    respectively: bool,
    /// The subject before a bracketed list of parts (公车购置及运行费995万元（其中公务
    /// 用车购置费38万元，…）): what follows the bracket is about it again.
    bracket: Option<(Subject, Option<&'static str>, Option<&'static str>)>,
    /// The first figure of the sentence no pattern took.
    unmatched: Vec<Range<usize>>,
    /// 持平 stated in this sentence: each change (or budget variance, by its fact id) is
    /// 0 unless a figure is stated too.
    pending_zero: Vec<(String, Value, Range<usize>)>,
    /// Changes and budget variances stated with a figure in this sentence, by fact id.
    changed: BTreeSet<String>,
    /// The subjects whose change this sentence stated with a figure, in order: the
    /// rates after 分别 belong to them one by one.
    changed_order: Vec<String>,
    /// The 年初 budget stated in this paragraph, replaced by a 全年 budget of the same
    /// subject (the completion rate refers to the latter).
    initial_budget: Option<(usize, String)>,
    full_budget: Option<String>,
}

/// How reading continues after a keyword.
enum Flow {
    /// Consumed up to this byte offset.
    Next(usize),
    /// The keyword is part of the label text.
    AsText,
}

/// Reads paragraphs into facts and diagnostics.
pub(super) struct Reader<'t, 'a> {
    text: &'t NormalizedText<'a>,
    /// Facts in document order; `None` for one withdrawn later.
    pub(super) facts: Vec<Option<(FactId, Fact)>>,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) section: Section,
    pub(super) divisions: Vec<String>,
    /// Figures outside the schema (performance results), in document order.
    pub(super) indicators: Vec<Indicator>,
    /// The year the report is for, once the title has said: a comparison with the
    /// year before it is a comparison with last year.
    pub(super) report_year: Option<i32>,
    /// Whether the document's figures are the whole region's (全县) or its own level's
    /// (县本级, 区直), as its first figure with such a word said.
    scope: Option<bool>,
    /// Whether the section has moved on to another scope than the document's.
    elsewhere: bool,
    /// The revenue and spending totals named last in the section (收入总计 or 本年收入
    /// 合计), which 收入 and 支出 alone stand for.
    last_side: [Option<&'static str>; 2],
    state: State,
    /// Paths resolved so far, up to their last level: `教育支出（类）职业教育（款）` → 20503.
    parents: BTreeMap<String, FunctionCode>,
}

/// Gaps allowed between a keyword and its number.
fn short_gap(gap: &str) -> bool {
    matches!(
        gap,
        "" | "为"
            | "是"
            | "了"
            | "达"
            | "约"
            | "共"
            | "计"
            | "共计"
            | "达到"
            | "汇总数为"
            | "汇总数"
            | "合计为"
            | "合计数为"
            | "总额为"
            | "总数为"
            | "数为"
            | "支出"
            | "经费"
            | "资金"
    )
}

/// Direction words that may stand in brackets after the one the text chose, when the
/// template's alternative was left in (增加（减少）).
const ALTERNATIVES: &[&str] = &[
    "增加", "减少", "增长", "下降", "上升", "降低", "大于", "小于", "等于", "持平",
];

/// Past a bracketed alternative at `at`, if there is one.
fn skip_alternative(p: &str, at: usize) -> Option<usize> {
    let rest = p.get(at..)?.strip_prefix('（')?;
    let close = rest.char_indices().take(4).find(|(_, c)| *c == '）')?.0;
    let inner = rest.get(..close)?;
    ALTERNATIVES
        .contains(&inner)
        .then_some(at + '（'.len_utf8() + close + '）'.len_utf8())
}

/// Openers of a sentence that does not continue a reason.
fn starts_new_statement(s: &str) -> bool {
    ["其中", "与", "决算", "具体", "（", "主要用于"]
        .iter()
        .any(|w| s.starts_with(w))
        || s.starts_with(|c: char| c.is_ascii_digit())
}

/// Where a reason starting at `start` ends: at a `；` (exclusive) or after a `。`; a
/// following sentence without figures that does not start a new statement belongs to it.
fn reason_end(p: &str, start: usize) -> usize {
    let end = reason_end_by_stops(p, start);
    // 主要原因是减少防控经费支其中：财政拨款收入7548.19万元 (a 。 lost in
    // extraction): a list of parts with figures ends the reason before it.
    let mut from = start;
    while let Some(at) = p.get(from..end).and_then(|r| r.find("其中：")) {
        let list = from + at;
        let after = list + "其中：".len();
        let clause_end = find_any(p, after, &['，', '；', '。']).map_or(p.len(), |(i, _)| i);
        if p.get(after..clause_end).is_some_and(has_figure) {
            return list;
        }
        from = after;
    }
    end
}

/// [`reason_end`] by its stops alone.
fn reason_end_by_stops(p: &str, start: usize) -> usize {
    let mut from = start;
    loop {
        match find_any(p, from, &['；', '。']) {
            None => return p.len(),
            Some((at, '；')) => return at,
            Some((at, _)) => {
                let after = at + '。'.len_utf8();
                let next_end = find_any(p, after, &['；', '。']).map_or(p.len(), |(i, c)| {
                    if c == '。' { i + c.len_utf8() } else { i }
                });
                let next = p.get(after..next_end).unwrap_or_default();
                if next.is_empty()
                    || has_figure(next)
                    || next.contains("原因")
                    || starts_new_statement(next)
                {
                    return after;
                }
                from = after;
            }
        }
    }
}

/// `决算数[与]小于[年初]预算数`, `决算数同预算数持平`: the comparison word, its range
/// and the end of the phrase, read from `from` (just after 决算数).
fn comparison(p: &str, from: usize) -> Option<(&'static str, Range<usize>, usize)> {
    let rest = |i: usize| p.get(i..).unwrap_or_default();
    let mut i = from;
    if let Some(w) = ["与", "同", "较", "比", "和"]
        .iter()
        .find(|w| rest(i).starts_with(**w))
    {
        i += w.len();
    }
    let mut word = None;
    if let Some(w) = [
        "大于", "小于", "等于", "高于", "低于", "超过", "超出", "多于", "少于", "超",
    ]
    .iter()
    .find(|w| rest(i).starts_with(**w))
    {
        word = Some((*w, i..i + w.len()));
        i += w.len();
        i = skip_alternative(p, i).unwrap_or(i);
    }
    if let Some(w) = ["年初", "全年", "年度"]
        .iter()
        .find(|w| rest(i).starts_with(**w))
    {
        i += w.len();
    }
    if !rest(i).starts_with("预算") {
        return None;
    }
    i += "预算".len();
    if rest(i).starts_with('数') {
        i += '数'.len_utf8();
    }
    if word.is_none() {
        if let Some(w) = ["持平", "一致", "相等", "相同"]
            .iter()
            .find(|w| rest(i).starts_with(**w))
        {
            word = Some((*w, i..i + w.len()));
            i += w.len();
        }
    }
    word.map(|(w, r)| (w, r, i))
}

/// The levels of a narrative path: `(name, name range, level char)`.
fn path_segments(path: &str) -> Vec<(&str, Range<usize>, char)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (at, _) in path.match_indices('（') {
        let marker = path.get(at + '（'.len_utf8()..).and_then(|rest| {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(level @ ('类' | '款' | '项')), Some('）')) => Some(level),
                _ => None,
            }
        });
        if let Some(level) = marker {
            out.push((path.get(from..at).unwrap_or_default(), from..at, level));
            from = at + "（类）".len();
        }
    }
    out
}

/// Whether `label` is a path so far (paths are short: longer labels are not looked at,
/// which keeps this test bounded while a label grows over keywords read as text).
fn in_path(label: &str) -> bool {
    label.len() <= 600 && label.contains('类') && label.contains("（类）")
}

/// Whether a path interrupted at `from` (by `、` or a keyword inside a catalog name)
/// goes on to a `（款）` or `（项）` marker.
fn path_continues(p: &str, from: usize) -> bool {
    let rest = p.get(from..).unwrap_or_default();
    for (at, c) in rest.char_indices().take(40) {
        match c {
            '（' => {
                let marker = rest.get(at + c.len_utf8()..).unwrap_or_default();
                return marker.starts_with("款）") || marker.starts_with("项）");
            }
            '：' | '。' | '；' | '，' => return false,
            c if c.is_ascii_digit() => return false,
            _ => {}
        }
    }
    false
}

/// Whether the bare number `n` is a cell of a table row flattened into text: a number
/// next to another with only spaces between them.
fn table_cell(cx: &Para<'_>, label: &str, n: &Num) -> bool {
    let spaces = |s: &str| !s.is_empty() && s.chars().all(char::is_whitespace);
    if cx.after_num && spaces(label) {
        return true;
    }
    match next_token(cx.p, n.unit_end) {
        Some(Token {
            tok: Tok::Num(next),
            start,
            ..
        }) => next.unit != NumUnit::Year && spaces(cx.p.get(n.unit_end..start).unwrap_or_default()),
        _ => false,
    }
}

/// The rest of a label that starts by saying its figure is last year's (上年末在职教师,
/// 去年…); 上年结转 is a balance, not last year's figure.
fn prior_prefix(label: &str) -> Option<&str> {
    if label.starts_with("上年结转") {
        return None;
    }
    ["上年末", "上年度", "上一年度", "去年"]
        .iter()
        .find_map(|w| label.strip_prefix(w))
        .filter(|rest| !rest.is_empty())
}

/// The member of a family of 三公 counts that a count's unit or counted noun names:
/// 人次 counts persons, 批次 and 个团组 count batches and groups (因公出国（境）1个团组
/// 8人次; 国内公务接待139,466人次).
fn count_family(id: &'static str, unit: NumUnit, after: &str) -> &'static str {
    const FAMILIES: &[(&str, &str)] = &[
        (
            "three_public.overseas_groups",
            "three_public.overseas_persons",
        ),
        (
            "three_public.reception_batches",
            "three_public.reception_persons",
        ),
        (
            "three_public.foreign_reception_batches",
            "three_public.foreign_reception_persons",
        ),
    ];
    let Some((groups, persons)) = FAMILIES.iter().find(|(g, p)| *g == id || *p == id) else {
        return id;
    };
    match unit {
        NumUnit::PersonTimes | NumUnit::Person => persons,
        NumUnit::Batch => groups,
        NumUnit::Piece if after.starts_with("团组") || after.starts_with('团') => groups,
        NumUnit::Piece if *groups != "three_public.overseas_groups" => groups,
        _ => id,
    }
}

/// Whether a label the lexicon does not know still names something: it has words
/// beyond list markers, years, quotation marks, brackets and the connecting words of
/// a report sentence (其中, 具体情况如下, 全年, 本年, 同时, 另外…).
fn names_something(label: &str) -> bool {
    const CONNECTIVES: &[&str] = &[
        "具体情况如下",
        "具体情况",
        "情况如下",
        "如下",
        "其中",
        "全年",
        "本年度",
        "本年",
        "同时",
        "另外",
        "此外",
        "并且",
        "合计",
        "累计",
        "总计",
        "共计",
        "年度",
        "年",
        "度",
        "的",
        "为",
        "是",
        "共",
        "均",
        "各",
        "达",
    ];
    let mut rest = without_markers(label);
    let mut words = 0;
    while let Some(c) = rest.chars().next() {
        if let Some(w) = CONNECTIVES.iter().find(|w| rest.starts_with(**w)) {
            rest = rest.get(w.len()..).unwrap_or_default();
            continue;
        }
        if super::patterns::is_ideograph(c) {
            words += 1;
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    words >= 2
}

/// Whether `label` names a subject of the lexicon in some section of the
/// narrative.
fn known_elsewhere(label: &str) -> bool {
    [
        Section::Totals,
        Section::Revenue,
        Section::Expenditure,
        Section::Appropriation,
        Section::GeneralBudget,
        Section::Basic,
        Section::GovernmentFund,
        Section::StateCapital,
        Section::ThreePublic,
        Section::Other,
    ]
    .into_iter()
    .any(|section| lookup(label, section, None).is_some())
}

/// `s` without the list markers it opens with (（一）, 一、, 1、, 1., （1）).
fn without_markers(s: &str) -> &str {
    let mut s = s.trim_start();
    loop {
        let numerals = s
            .char_indices()
            .take_while(|(_, c)| "一二三四五六七八九十".contains(*c))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let next = if let Some(inner) = s.strip_prefix('（') {
            inner
                .char_indices()
                .take(4)
                .find(|(_, c)| *c == '）')
                .and_then(|(i, c)| inner.get(i + c.len_utf8()..))
        } else if numerals > 0 {
            s.get(numerals..).and_then(|r| r.strip_prefix('、'))
        } else if (1..=2).contains(&digits) {
            s.get(digits..).and_then(|r| {
                r.strip_prefix('、').or_else(|| {
                    r.strip_prefix('.')
                        .filter(|r| !r.starts_with(|c: char| c.is_ascii_digit()))
                })
            })
        } else {
            None
        };
        match next {
            Some(rest) => s = rest.trim_start(),
            None => return s,
        }
    }
}

/// The second figure of a pair stated together (4125.49，4143.91万元 or 1267.86、2570.97
/// 万元): the number right after `n` and a comma or 、.
fn pair_second(p: &str, n: &Num) -> Option<Num> {
    let rest = p.get(n.unit_end..)?;
    let sep = [',', '，', '、']
        .into_iter()
        .find(|c| rest.starts_with(*c))?;
    let t = next_token(p, n.unit_end + sep.len_utf8())?;
    match t.tok {
        Tok::Num(second)
            if t.start == n.unit_end + sep.len_utf8() && second.unit != NumUnit::Year =>
        {
            Some(second)
        }
        _ => None,
    }
}

/// The 款 of the economic catalog named `name` exactly (基本工资 → 30101).
fn economic_named(name: &str) -> Option<crate::code::EconomicCode> {
    if name.is_empty() {
        return None;
    }
    Catalog::economic()
        .iter()
        .filter(|entry| entry.level() == crate::code::CodeLevel::Section)
        .find(|entry| entry.names().any(|n| n.matches(name)))
        .map(|entry| entry.code())
}

/// The function class (类) that `label` names: its catalog name, with or without its
/// 支出, after list markers and 其中 (…：社会保障和就业支出, 2、卫生健康). A class name
/// inside a longer noun (基本教育支出) names no class.
fn class_at_end(label: &str) -> Option<FunctionCode> {
    let label = without_markers(label)
        .trim_start_matches("其中")
        .trim_start_matches(['：', '、'])
        .trim_end_matches(['：', '为', '是']);
    if label.chars().count() > 20 {
        return None;
    }
    Catalog::function().class_named(label)
}

/// Whether two values state the same figure (equal amounts in any unit and
/// precision, equal numbers).
fn same_figure(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Amount(x), Value::Amount(y)) => {
            x.to_unit(Unit::Yuan).map(|x| x.value()) == y.to_unit(Unit::Yuan).map(|y| y.value())
        }
        (Value::Percent(x), Value::Percent(y)) => x.value() == y.value(),
        (Value::Quantity(x), Value::Quantity(y)) => x == y,
        _ => a == b,
    }
}

/// The parts of `完成[年初|全年]预算[数][X万元]的Y%` after 完成 (at `from`): the budget
/// figure when one is stated inside, and the rate. The words must name the budget
/// before the figures; the look-ahead stops at the clause's end.
fn completion_parts(p: &str, from: usize) -> (Option<Num>, Option<Num>) {
    let mut at = from;
    let mut budget_named = false;
    let mut budget = None;
    for _ in 0..6 {
        let Some(t) = next_token(p, at) else {
            break;
        };
        if p.get(at..t.start).is_some_and(|gap| gap.contains("预算")) {
            budget_named = true;
        }
        match t.tok {
            Tok::Kw(Kw::Budget(_)) => budget_named = true,
            Tok::Num(n) if budget_named && budget.is_none() && n.unit.is_money() => {
                budget = Some(n);
            }
            Tok::Num(n) if budget_named && matches!(n.unit, NumUnit::Percent | NumUnit::Bare) => {
                // After a budget figure only 的 may stand before the rate: 完成预算0万元
                // 的--%（基数为0…） states no rate.
                let gap = p.get(at..t.start).unwrap_or_default();
                if budget.is_some() && !matches!(gap, "" | "的") {
                    return (budget, None);
                }
                return (budget, Some(n));
            }
            Tok::Num(n) if n.unit == NumUnit::Year => {}
            Tok::Num(_) | Tok::Delim(_) => break,
            Tok::Kw(_) => {}
        }
        at = t.end;
    }
    (None, None)
}

/// Whether a count states the internal divisions (内设机构): `Some(true)` when the
/// counted noun or the label says so (内设10个办公室, 内设机构15个, 设9个内设机构,
/// 下设24个，分别是), `Some(false)` for subordinate units (下设6个二级单位, 内设2个中队),
/// `None` when the count is about something else.
fn division_count(label: &str, after: &str) -> Option<bool> {
    const UNITS: &[&str] = &[
        "二级单位",
        "下属单位",
        "所属单位",
        "直属单位",
        "事业单位",
        "单位",
        "中队",
        "大队",
    ];
    const NOUNS: &[&str] = &[
        "内设机构",
        "职能处室",
        "职能科室",
        "职能部门",
        "处室",
        "科室",
        "股室",
        "机构",
        "部门",
        "办公室",
        "科",
        "处",
        "股",
        "室",
        "庭",
        "部",
    ];
    let said = label.contains("内设") || label.contains("下设");
    let sets = said || label.ends_with('设') || label.ends_with("设有");
    if UNITS.iter().any(|w| after.starts_with(w)) {
        return sets.then_some(false);
    }
    let noun = NOUNS.iter().find(|w| after.starts_with(**w));
    let rest = match noun {
        // …等13个内设机构: the noun says it all.
        Some(&"内设机构") => return Some(true),
        Some(w) if sets => after.get(w.len()..).unwrap_or_default(),
        Some(_) => return None,
        None if said && (after.is_empty() || after.starts_with(['，', '。', '；', '：', '（'])) => {
            after
        }
        None => return None,
    };
    // 6个科室（…）、1个办公室 or 6个处室及3个年级: one count of several, not the whole.
    let rest = match rest.strip_prefix('（') {
        Some(inner) => inner
            .find('）')
            .map_or("", |c| inner.get(c + '）'.len_utf8()..).unwrap_or_default()),
        None => rest,
    };
    let partial = rest.starts_with(['、', '及', '和']);
    Some(!partial)
}

/// Whether a `、` after `label` joins the two halves of a pair of totals (收入、支出总计,
/// 收、支总计) rather than two subjects.
fn pair_continues(label: &str, rest: &str) -> bool {
    (label.ends_with("收入") || label.ends_with('收'))
        && ["支出总计", "支总计", "支出决算总计", "支出合计", "支"]
            .iter()
            .any(|w| rest.starts_with(w))
}

/// The fact id `base.suffix` (assembled without the formatting machinery: the reader
/// builds one for most facts it emits).
fn dotted(base: &str, suffix: &str) -> String {
    let mut id = String::with_capacity(base.len() + 1 + suffix.len());
    id.push_str(base);
    id.push('.');
    id.push_str(suffix);
    id
}

/// Whether `text` has a run of five to seven ASCII digits, as a cited code does.
fn may_cite_codes(text: &str) -> bool {
    let mut run = 0;
    for b in text.bytes() {
        if b.is_ascii_digit() {
            run += 1;
        } else {
            if (5..=7).contains(&run) {
                return true;
            }
            run = 0;
        }
    }
    (5..=7).contains(&run)
}

impl<'t, 'a> Reader<'t, 'a> {
    pub(super) fn new(text: &'t NormalizedText<'a>) -> Reader<'t, 'a> {
        Reader {
            text,
            // About one fact per 80 bytes of a report: growing the vector copies them.
            facts: Vec::with_capacity(text.as_str().len() / 64),
            diagnostics: Vec::new(),
            section: Section::Unknown,
            divisions: Vec::new(),
            indicators: Vec::new(),
            report_year: None,
            scope: None,
            elsewhere: false,
            last_side: [None, None],
            state: State::new(),
            parents: BTreeMap::new(),
        }
    }

    /// Starts a new section: nothing is carried over.
    pub(super) fn enter(&mut self, section: Section) {
        self.section = section;
        self.elsewhere = false;
        self.last_side = [None, None];
        self.state = State::new();
    }

    /// The span of the normalised byte range `range`.
    pub(super) fn span(&self, range: Range<usize>) -> Span {
        self.text.span(range)
    }

    /// Records a diagnostic at the normalised byte range `range`.
    pub(super) fn diagnose(
        &mut self,
        level: DiagnosticLevel,
        message: String,
        range: Range<usize>,
    ) {
        let span = self.span(range);
        self.diagnostics.push(Diagnostic {
            level,
            message,
            span,
        });
    }

    /// Records a fact stated at the normalised byte range `range`; returns its index.
    pub(super) fn emit(
        &mut self,
        id: &str,
        value: Value,
        range: Range<usize>,
        how: Reading,
    ) -> Option<usize> {
        match FactId::new(id) {
            Ok(fact_id) if fact_id.kind() == value.kind() => {
                let span = self.span(range);
                self.facts.push(Some((
                    fact_id,
                    Fact::new(value).with_span(Some(span)).with_reading(how),
                )));
                Some(self.facts.len() - 1)
            }
            Ok(fact_id) => {
                self.diagnose(
                    DiagnosticLevel::Warning,
                    format!(
                        "{id}: expected {}, but found {value}",
                        fact_id.kind().describe()
                    ),
                    range,
                );
                None
            }
            Err(_) => None,
        }
    }

    fn emit_at(
        &mut self,
        cx: &Para<'_>,
        id: &str,
        value: Value,
        r: Range<usize>,
        how: Reading,
    ) -> Option<usize> {
        self.emit(id, value, cx.base + r.start..cx.base + r.end, how)
    }

    fn note_at(&mut self, cx: &Para<'_>, level: DiagnosticLevel, message: String, r: Range<usize>) {
        self.diagnose(level, message, cx.base + r.start..cx.base + r.end);
    }

    /// Reads one paragraph of sentences, starting at byte `body` (after an item marker).
    pub(super) fn paragraph(&mut self, p: &str, base: usize, body: usize) {
        let mut cx = Para {
            p,
            base,
            label_start: body,
            skip_to: body,
            sentence_start: body,
            sentence_first_fact: self.facts.len(),
            after_num: false,
            skip_past: None,
            sentence_year: None,
            scope_words: (false, false),
            scope_scanned: 0,
            scope_answer: None,
            scope_chars: p.contains('全') || p.contains('直') || p.contains('级'),
            list_parent: None,
            respectively: false,
            bracket: None,
            unmatched: Vec::new(),
            pending_zero: Vec::new(),
            changed: BTreeSet::new(),
            changed_order: Vec::new(),
            initial_budget: None,
            full_budget: None,
        };
        let mut at = body;
        let bracketed = p.contains('（');
        while let Some(t) = next_token(p, at) {
            if bracketed {
                self.brackets(&mut cx, p.get(at..t.start).unwrap_or_default());
            }
            at = t.end;
            let label_from = cx.label_start.max(cx.skip_to);
            let label = p.get(label_from..t.start).unwrap_or_default();
            if !matches!(t.tok, Tok::Num(_)) {
                cx.after_num = false;
            }
            match t.tok {
                Tok::Delim('、') | Tok::Kw(_) if in_path(label) && path_continues(p, t.end) => {
                    // Inside an item name the path goes on: 公诉、审判、侦查、执行等检察
                    // 监督支出（项）, 无线电及信息通信监管（项）.
                }
                Tok::Delim('、') if pair_continues(label, p.get(t.end..).unwrap_or_default()) => {
                    // 收入、支出总计: one subject naming two totals.
                }
                Tok::Delim(c) => {
                    if label.ends_with("其中") {
                        cx.list_parent = self.subject_id().map(Rc::from);
                    }
                    self.subject_from_label(&cx, label, label_from);
                    if c != '、' {
                        self.state.frame_open = false;
                    }
                    cx.label_start = t.end;
                    if c == '。' {
                        self.end_sentence(&mut cx, t.end);
                    }
                }
                Tok::Num(n) => {
                    if n.unit == NumUnit::Year || cx.skip_past.is_some_and(|end| n.start < end) {
                        continue;
                    }
                    self.number(&mut cx, label, label_from, n);
                    cx.label_start = n.unit_end;
                    cx.after_num = true;
                    continue;
                }
                Tok::Kw(kw) => match self.keyword(&mut cx, t, kw, label, label_from) {
                    Flow::Next(next) => {
                        cx.skip_to = next;
                        cx.label_start = next;
                        at = at.max(next);
                    }
                    Flow::AsText => {}
                },
            }
        }
        let label_from = cx.label_start.max(cx.skip_to);
        if let Some(label) = p.get(label_from..) {
            self.subject_from_label(&cx, label, label_from);
        }
        self.end_sentence(&mut cx, p.len());
    }

    /// Whose figures the sentence up to `upto` states: a sentence that opens with
    /// another year (2021年的三公经费…) states that year's (last year's when it is the
    /// year before the report's), and one that names another scope than the
    /// document's (区直 in a summary of 全区) states another unit's.
    fn sentence_scope(&mut self, cx: &mut Para<'_>, upto: usize) -> Scope {
        // Nothing new read since the last answer: the same answer.
        if let Some((at, scope)) = cx.scope_answer {
            if upto <= at && at <= cx.scope_scanned.max(cx.sentence_start) {
                return scope;
            }
        }
        let scope = self.sentence_scope_uncached(cx, upto);
        cx.scope_answer = Some((upto.max(cx.scope_scanned), scope));
        scope
    }

    fn sentence_scope_uncached(&mut self, cx: &mut Para<'_>, upto: usize) -> Scope {
        const WHOLE: &[&str] = &[
            "全区", "全县", "全市", "全州", "全省", "全旗", "全镇", "全乡",
        ];
        const LEVEL: &[&str] = &[
            "区本级",
            "县本级",
            "市本级",
            "州本级",
            "区直",
            "县直",
            "市直",
            "州直",
            "区级",
            "县级",
            "市级",
        ];
        // Scanned once per sentence, in the part not scanned yet (with a margin for a
        // word cut at the boundary), so that a sentence of many figures stays linear.
        if cx.scope_chars && upto > cx.scope_scanned.max(cx.sentence_start) {
            let from = cx.scope_scanned.max(cx.sentence_start);
            let mut from = from.saturating_sub(9).max(cx.sentence_start);
            while !cx.p.is_char_boundary(from) {
                from += 1;
            }
            let new = cx.p.get(from..upto).unwrap_or_default();
            // Every scope word has 全, 直 or 级: most text has none of them (each
            // character is looked for on its own, which is memchr-fast).
            if new.contains('全') || new.contains('直') || new.contains('级') {
                // A scope word qualifies the figures of its own clause: one in a
                // clause without a figure (…主要是加快推进全县城乡一体化进程；) says
                // nothing about whose figures these are. The last clause runs up to
                // the figure being read.
                let mut clauses = new.split(is_delimiter).peekable();
                while let Some(clause) = clauses.next() {
                    let last = clauses.peek().is_none();
                    if !(last || clause.bytes().any(|b| b.is_ascii_digit())) {
                        continue;
                    }
                    cx.scope_words.0 |= WHOLE.iter().any(|w| clause.contains(w));
                    cx.scope_words.1 |= LEVEL.iter().any(|w| clause.contains(w));
                }
            }
            cx.scope_scanned = upto;
        }
        let (whole, level) = cx.scope_words;
        if whole != level {
            match self.scope {
                None => self.scope = Some(whole),
                Some(scope) if scope != whole => {
                    // Another scope, and the sentences after it that name none (（1）因公
                    // 出国（境）费决算数0万元… after 2022年区直…具体情况为：).
                    self.elsewhere = true;
                    return Scope::Elsewhere;
                }
                Some(_) => self.elsewhere = false,
            }
        } else if self.elsewhere {
            return Scope::Elsewhere;
        }
        let year = *cx.sentence_year.get_or_insert_with(|| {
            let sentence = cx.p.get(cx.sentence_start..upto).unwrap_or_default();
            let opening = without_markers(sentence);
            opening
                .get(..4)
                .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
                .filter(|_| opening.get(4..).is_some_and(|r| r.starts_with('年')))
                .and_then(|y| y.parse::<i32>().ok())
        });
        match (year, self.report_year) {
            (Some(y), Some(report)) if y == report => Scope::ThisYear,
            (Some(y), Some(report)) if Some(y) == report.checked_sub(1) => Scope::PriorYear,
            (Some(_), Some(_)) => Scope::Elsewhere,
            _ => Scope::ThisYear,
        }
    }

    /// Brackets in the text between two tokens: a list of parts in brackets (（其中…）)
    /// does not change the subject of what follows it.
    fn brackets(&mut self, cx: &mut Para<'_>, gap: &str) {
        for (i, c) in gap.char_indices() {
            match c {
                '（' if cx.bracket.is_none()
                    && gap
                        .get(i + c.len_utf8()..)
                        .is_some_and(|r| r.starts_with("其中") || r.starts_with("含")) =>
                {
                    cx.bracket = Some((
                        self.state.subject.clone(),
                        self.state.pair,
                        self.state.persons,
                    ));
                }
                '）' => {
                    if let Some((subject, pair, persons)) = cx.bracket.take() {
                        self.state.subject = subject;
                        self.state.pair = pair;
                        self.state.persons = persons;
                    }
                }
                _ => {}
            }
        }
    }

    /// Closes a sentence: a pending 持平 becomes a zero change, figures no pattern took
    /// are reported.
    fn end_sentence(&mut self, cx: &mut Para<'_>, end: usize) {
        for (id, zero, range) in std::mem::take(&mut cx.pending_zero) {
            if !cx.changed.contains(&id) {
                self.emit_at(cx, &id, zero, range, Reading::Unchanged);
            }
        }
        cx.changed.clear();
        cx.changed_order.clear();
        self.state.frame = Frame::Prior;
        self.state.frame_open = false;
        self.state.budget_list = false;
        self.state.breakdown = None;
        self.change_of_parent(cx);
        self.withdraw_conflicts(cx);
        let unmatched = std::mem::take(&mut cx.unmatched);
        if !unmatched.is_empty() {
            let sentence =
                cx.p.get(cx.sentence_start..end)
                    .unwrap_or_default()
                    .trim_end_matches(['。', '；']);
            let mut excerpt: String = sentence.chars().take(40).collect();
            if sentence.chars().nth(40).is_some() {
                excerpt.push('…');
            }
            for figure in unmatched {
                let printed = cx.p.get(figure.clone()).unwrap_or_default();
                self.note_at(
                    cx,
                    DiagnosticLevel::Note,
                    format!("figure not attributed: {printed} in “{excerpt}”"),
                    figure,
                );
            }
        }
        cx.sentence_start = end;
        cx.sentence_first_fact = self.facts.len();
        cx.bracket = None;
        cx.respectively = false;
        cx.list_parent = None;
        cx.sentence_year = None;
        cx.scope_words = (false, false);
        cx.scope_answer = None;
    }

    /// 收入总计3759.2万元，其中年初结转和结余1366.76万元，较2019年增加197.03万元，增加5.5%:
    /// a change and rate after a part listed under 其中 may be the part's or the
    /// whole's. When they fit the whole (197.03 / (3759.2 − 197.03) = 5.53%) and not the
    /// part (16.84%), and the whole has no change of its own, they are the whole's;
    /// the reading is reported.
    fn change_of_parent(&mut self, cx: &mut Para<'_>) {
        use crate::fact::Suffix;
        let Some(parent) = cx.list_parent.clone() else {
            return;
        };
        let first = cx.sentence_first_fact.min(self.facts.len());
        let sentence = self.facts.get(first..).unwrap_or_default();
        let amount = |base: &str, suffix: Option<Suffix>| {
            sentence.iter().flatten().find_map(|(id, f)| {
                (id.base() == base && id.suffix() == suffix)
                    .then(|| f.value().as_amount())
                    .flatten()
            })
        };
        let rate = |base: &str| {
            sentence.iter().flatten().find_map(|(id, f)| {
                (id.base() == base && id.suffix() == Some(Suffix::ChangeRate))
                    .then(|| f.value().as_percent())
                    .flatten()
            })
        };
        let Some(whole) = amount(&parent, None) else {
            return;
        };
        if amount(&parent, Some(Suffix::Change)).is_some() || rate(&parent).is_some() {
            return;
        }
        let parts: Vec<String> = sentence
            .iter()
            .flatten()
            .filter(|(id, _)| id.suffix() == Some(Suffix::Change) && id.base() != &*parent)
            .map(|(id, _)| id.base().to_owned())
            .collect();
        let fits = |value: &Amount, change: &Amount, r: &Percent| {
            crate::rounding::check_change(value, change, r)
                .is_ok_and(|v| v.outcome() != crate::rounding::Outcome::Inconsistent)
        };
        for part in parts {
            let (Some(value), Some(change), Some(r)) = (
                amount(&part, None),
                amount(&part, Some(Suffix::Change)),
                rate(&part),
            ) else {
                continue;
            };
            if fits(&value, &change, &r) || !fits(&whole, &change, &r) {
                continue;
            }
            let mut span = None;
            for slot in self.facts.iter_mut().skip(first) {
                let Some((id, fact)) = slot else { continue };
                if id.base() != part || id.suffix().is_none() {
                    continue;
                }
                let Ok(moved) = FactId::new(&format!(
                    "{parent}.{}",
                    id.suffix().map_or("", Suffix::as_str)
                )) else {
                    continue;
                };
                if matches!(
                    id.suffix(),
                    Some(
                        Suffix::Change
                            | Suffix::ChangeRate
                            | Suffix::ChangeWord
                            | Suffix::ChangeRateWord
                    )
                ) {
                    span = span.or(fact.span());
                    *id = moved;
                }
            }
            if let Some(span) = span {
                self.diagnostics.push(Diagnostic {
                    level: DiagnosticLevel::Note,
                    message: format!(
                        "the change stated after the part {part} fits the whole {parent}, not the part: read as the whole's"
                    ),
                    span,
                });
            }
            return;
        }
    }

    /// Gives the statements of `from` made in this sentence (and their relations) to
    /// `to` instead; whether there were any.
    fn rekey_in_sentence(&mut self, cx: &Para<'_>, from: &str, to: &str) -> bool {
        let first = cx.sentence_first_fact.min(self.facts.len());
        let mut any = false;
        for slot in self.facts.iter_mut().skip(first) {
            let Some((id, _)) = slot else { continue };
            if id.base() != from {
                continue;
            }
            let moved = match id.suffix() {
                None => FactId::new(to),
                Some(suffix) => FactId::new(&dotted(to, suffix.as_str())),
            };
            if let Ok(moved) = moved {
                *id = moved;
                any = true;
            }
        }
        if any {
            self.set_subject(to, Want::Amount, None, Unit::WanYuan);
        }
        any
    }

    /// One sentence giving one figure two different values (行政编制25人、事业编制26人
    /// read as 编制数 twice) says something the reader did not understand: the
    /// figures are parts of a breakdown the schema lacks, or of two subjects. Both are
    /// withdrawn and reported, rather than kept as a contradiction the text never made.
    fn withdraw_conflicts(&mut self, cx: &mut Para<'_>) {
        let first = cx.sentence_first_fact.min(self.facts.len());
        if self.facts.len() < first + 2 {
            return;
        }
        let mut conflicting: Vec<usize> = Vec::new();
        let sentence = self.facts.get(first..).unwrap_or_default();
        // The figures by id (sorted, not compared pairwise: a sentence of
        // thousands of clauses stays linear). Where one id has two different
        // values, each of its figures differs from another: all conflict.
        let mut by_id: Vec<(crate::fact::Key, usize)> = sentence
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let (id, _) = a.as_ref()?;
                let words = id.kind() == crate::fact::FactKind::Text
                    || id.as_str().starts_with("document.");
                (!words).then(|| (id.key(), i))
            })
            .collect();
        by_id.sort_unstable();
        for group in by_id.chunk_by(|a, b| a.0 == b.0) {
            let value = |k: usize| {
                sentence
                    .get(k)
                    .and_then(|f| f.as_ref())
                    .map(|(_, f)| f.value())
            };
            let Some(head) = group.first().and_then(|&(_, i)| value(i)) else {
                continue;
            };
            if group
                .iter()
                .any(|&(_, i)| value(i).is_some_and(|v| !same_figure(head, v)))
            {
                conflicting.extend(group.iter().map(|&(_, i)| first + i));
            }
        }
        conflicting.sort_unstable();
        conflicting.dedup();
        for k in conflicting {
            let Some((id, fact)) = self.facts.get_mut(k).and_then(Option::take) else {
                continue;
            };
            if let Some(span) = fact.span() {
                self.diagnostics.push(Diagnostic {
                    level: DiagnosticLevel::Note,
                    message: format!(
                        "figure not attributed: {} is given two values in one sentence; {} is not kept",
                        id,
                        fact.value()
                    ),
                    span,
                });
            }
        }
    }

    /// A figure no clause shape attributed: reported when its sentence ends (once,
    /// however many shapes declined it).
    fn unmatched(cx: &mut Para<'_>, n: &Num) {
        // Figures come in reading order: an earlier report of this one is at
        // the end (looking back further would make a long sentence quadratic).
        let reported = cx
            .unmatched
            .iter()
            .rev()
            .take_while(|r| r.start >= n.start)
            .any(|r| r.start == n.start);
        if n.is_figure() && !reported {
            cx.unmatched.push(n.start..n.unit_end);
        }
    }

    fn set_subject(&mut self, id: &str, want: Want, n: Option<&Num>, unit: Unit) {
        const SIDES: [(&str, usize); 8] = [
            ("revenue.total", 0),
            ("revenue.current_year", 0),
            ("expenditure.total", 1),
            ("expenditure.current_year", 1),
            ("appropriation.revenue_total", 0),
            ("appropriation.revenue", 0),
            ("appropriation.expenditure_total", 1),
            ("appropriation.expenditure", 1),
        ];
        if let Some((known, side)) = SIDES.iter().find(|(known, _)| *known == id) {
            if let Some(slot) = self.last_side.get_mut(*side) {
                *slot = Some(known);
            }
        }
        let decimals = n.map_or(2, |n| u32::try_from(n.decimals).unwrap_or(2));
        let same =
            matches!(&self.state.subject, Subject::Base { id: current, .. } if &**current == id);
        if same && n.is_none() {
            return;
        }
        let id = match &self.state.subject {
            // The same subject restated with its figure: its id is shared, not copied.
            Subject::Base { id: current, .. } if same => Rc::clone(current),
            _ => {
                self.state.relation = Relation::None;
                self.state.frame = Frame::Prior;
                self.state.pair = None;
                self.state.breakdown = match id {
                    "general_budget.expenditure" => Some("general_budget.function."),
                    "appropriation.expenditure" => Some("appropriation.expenditure.function."),
                    "expenditure.current_year" | "expenditure.total" => {
                        Some("expenditure.function.")
                    }
                    _ => None,
                };
                Rc::from(id)
            }
        };
        self.state.subject = Subject::Base {
            id,
            count: want == Want::Count,
            unit,
            decimals,
        };
    }

    fn subject_id(&self) -> Option<&str> {
        match &self.state.subject {
            Subject::Base { id, .. } => Some(id),
            _ => None,
        }
    }

    /// A label not followed by a number may still name the subject.
    fn subject_from_label(&mut self, cx: &Para<'_>, label: &str, label_from: usize) {
        self.subject_before(cx, label, label_from, false);
    }

    /// [`subject_from_label`](Self::subject_from_label) before a relation (增加, 占,
    /// 预算数, …): there, words the lexicon does not know name a subject of their own,
    /// and the relation is not about the subject before them.
    fn subject_before(&mut self, cx: &Para<'_>, label: &str, label_from: usize, relation: bool) {
        if label.is_empty() || self.section == Section::Functions {
            return;
        }
        if self.path(cx, label, label_from) {
            return;
        }
        match lookup(label, self.section, None) {
            Some(entry) => self.subject_of(entry, None, Unit::WanYuan),
            None if relation && names_something(label) => {
                // 1、公务用车购置全区增加…: words the lexicon does not know name a
                // subject of their own; what follows is not about the one before.
                self.state.subject = Subject::Unknown;
                self.state.pair = None;
            }
            None if names_something(label) && known_elsewhere(label) => {
                // 一般公共预算财政拨款收入：… in a section on 支出: a subject the
                // lexicon knows, but not here. What follows is about it, not about
                // the subject before, and is left unattributed rather than guessed.
                self.state.subject = Subject::Unknown;
                self.state.pair = None;
            }
            None => {}
        }
    }

    /// The fact base the entry names here: 收入 and 支出 alone name the total of their
    /// side named last in the section.
    fn resolve(&self, target: Target) -> Option<&'static str> {
        match target {
            Target::Side(revenue) => Some(
                self.last_side
                    .get(usize::from(!revenue))
                    .copied()
                    .flatten()
                    .unwrap_or(match (self.section, revenue) {
                        (Section::Appropriation, true) => "appropriation.revenue",
                        (Section::Appropriation, false) => "appropriation.expenditure",
                        (_, true) => "revenue.current_year",
                        (_, false) => "expenditure.current_year",
                    }),
            ),
            other => other.subject(),
        }
    }

    /// Makes the lexicon entry `entry` the subject (both totals of a pair).
    fn subject_of(&mut self, entry: &Label, n: Option<&Num>, unit: Unit) {
        if let Some(id) = self.resolve(entry.target) {
            self.set_subject(id, entry.want, n, unit);
            if let Target::Two(_, second) = entry.target {
                self.state.pair = Some(second);
                if let Some(slot) = self.last_side.get_mut(1) {
                    if second == "expenditure.total" {
                        *slot = Some(second);
                    }
                }
            }
        }
    }

    /// A label naming an item by path (教育支出（类）职业教育（款）…（项）): resolves it
    /// through the catalog and makes it the subject. Returns whether the label was a path.
    fn path(&mut self, cx: &Para<'_>, label: &str, label_from: usize) -> bool {
        let prefix = match self.section {
            Section::GeneralBudget | Section::Unknown => "general_budget.function.",
            Section::GovernmentFund => "government_fund.function.",
            Section::StateCapital => "state_capital.function.",
            _ => return false,
        };
        // A cheap test first: most labels are no path.
        if !label.contains('类') {
            return false;
        }
        let Some(class_at) = label.find("（类）") else {
            return false;
        };
        let end = ["（项）", "（款）"]
            .iter()
            .find_map(|m| label.rfind(m).map(|at| at + m.len()))
            .unwrap_or(class_at + "（类）".len());
        let Some(path) = label.get(..end) else {
            return false;
        };
        let segments = path_segments(path);
        let range = label_from..label_from + end;
        // The parent of an item named before: only the last level is looked up.
        let parent_end = segments
            .len()
            .checked_sub(2)
            .and_then(|i| segments.get(i))
            .map(|(_, r, _)| r.end + "（类）".len());
        let cached = parent_end
            .and_then(|e| path.get(..e))
            .and_then(|prefix| self.parents.get(prefix))
            .zip(segments.last())
            .and_then(|(parent, (name, _, _))| Catalog::function().child_named(*parent, name));
        let resolved = match cached {
            Some(code) => Ok((code, None)),
            None => resolve(path, &segments),
        };
        let resolved = resolved.map(|(code, warning)| match segments.last() {
            Some((name, _, _)) if segments.len() > 1 => (prefer_common(code, name), warning),
            _ => (code, warning),
        });
        if let (Ok((code, None)), Some(prefix)) =
            (&resolved, parent_end.and_then(|e| path.get(..e)))
        {
            if let Some(parent) = code.parent() {
                self.parents.entry(prefix.to_owned()).or_insert(parent);
            }
        }
        let code = match resolved {
            Ok((code, warning)) => {
                if let Some(w) = warning {
                    self.note_at(cx, DiagnosticLevel::Warning, w, range.clone());
                }
                code
            }
            Err(message) => {
                // Record the unknown item under its deepest known ancestor,
                // so the audit knows that row's items are incomplete rather
                // than judging a sum it cannot see.
                if let Some(ancestor) = known_ancestor(&segments) {
                    self.emit_at(
                        cx,
                        &format!("{prefix}{ancestor}.unresolved_item"),
                        Value::Text(path.to_owned()),
                        range.clone(),
                        Reading::Path,
                    );
                }
                self.note_at(
                    cx,
                    DiagnosticLevel::Warning,
                    format!("item “{path}” skipped: {message}"),
                    range,
                );
                self.state.subject = Subject::Unknown;
                self.state.relation = Relation::None;
                return true;
            }
        };
        let id = format!("{prefix}{code}");
        if self.subject_id() == Some(id.as_str()) {
            return true;
        }
        self.set_subject(&id, Want::Amount, None, Unit::WanYuan);
        if segments.len() > 1 {
            if let Some((name, r, _)) = segments.last() {
                let r = label_from + r.start..label_from + r.end;
                self.emit_at(
                    cx,
                    &dotted(&id, "name"),
                    Value::Text((*name).to_owned()),
                    r,
                    Reading::Path,
                );
            }
        }
        true
    }

    /// A number after a label.
    fn number(&mut self, cx: &mut Para<'_>, label: &str, label_from: usize, n: Num) {
        if self.section == Section::Functions {
            return;
        }
        if n.unit == NumUnit::Bare && table_cell(cx, label, &n) {
            // A row of a table flattened into text (公务用车购置及运行费 44.00 43.87): which
            // column a cell is in is not established.
            Self::unmatched(cx, &n);
            return;
        }
        if cx.p.get(n.end..) == Some(".")
            || (n.unit == NumUnit::Bare && cx.p.get(n.unit_end..).is_some_and(str::is_empty))
        {
            // 经营收入0. or 支出总计4461 at the end of a cut-off passage: the figure
            // is incomplete.
            Self::unmatched(cx, &n);
            return;
        }
        if label.starts_with("其中") && cx.list_parent.is_none() {
            // 收入总计…，其中年初结转和结余…: the parts of the subject before.
            cx.list_parent = self.subject_id().map(Rc::from);
        }
        let scope = self.sentence_scope(cx, n.start);
        if scope == Scope::Elsewhere {
            // 2021年的三公经费…, 2022年区直…: another year's or another scope's figures.
            Self::unmatched(cx, &n);
            return;
        }
        if self.state.frame_open && (n.unit.is_money() || n.unit.is_count()) {
            self.compared(cx, label, label_from, &n);
            return;
        }
        if matches!(self.section, Section::Overview | Section::Unknown)
            && matches!(n.unit, NumUnit::Piece | NumUnit::Bare)
        {
            match division_count(label, cx.p.get(n.unit_end..).unwrap_or_default()) {
                Some(true) => {
                    let id = "organization.divisions";
                    if !self.figure(cx, id, Want::Count, &n, Reading::Subject) {
                        Self::unmatched(cx, &n);
                    }
                    // The names listed next (分别是：…) are the divisions'.
                    self.set_subject(id, Want::Count, Some(&n), Unit::WanYuan);
                    return;
                }
                Some(false) => {
                    Self::unmatched(cx, &n);
                    return;
                }
                None => {}
            }
        }

        if self.path(cx, label, label_from) {
            match self.state.subject.clone() {
                Subject::Base { id, .. } => {
                    if !self.figure(cx, &id, Want::Amount, &n, Reading::Path) {
                        Self::unmatched(cx, &n);
                    }
                    self.set_subject(&id, Want::Amount, Some(&n), unit_of(&n));
                }
                _ => Self::unmatched(cx, &n),
            }
            return;
        }
        if self.state.budget_list
            && (label.contains("决算") || label.contains("支出") || label.contains("实际"))
        {
            self.state.budget_list = false;
        }
        // 上年末在职教师509人: last year's figure of the subject named after it; in a
        // sentence about last year (2021年的三公经费决算数…), every figure is.
        let (label, prior) = match prior_prefix(label) {
            Some(rest) => (rest, true),
            None => (label, scope == Scope::PriorYear),
        };
        let trimmed = label.trim_start_matches(['累', '计', '共', '合']);
        let persons_unit = n.unit == NumUnit::PersonTimes
            || (n.unit == NumUnit::Person && self.state.persons.is_some());
        if persons_unit && lookup(label, self.section, Some(Want::Count)).is_none() {
            let bare = trimmed.is_empty()
                || matches!(
                    trimmed,
                    "接待" | "出国" | "出访" | "共接待" | "人数" | "人次" | "接待人数" | "出国人数"
                );
            if let Some(id) = self.state.persons.take().filter(|_| bare) {
                if self.figure(cx, id, Want::Count, &n, Reading::Persons) {
                    return;
                }
            }
            Self::unmatched(cx, &n);
            return;
        }
        if matches!(n.unit, NumUnit::Vehicle | NumUnit::Bare)
            && matches!(
                self.section,
                Section::Other | Section::ThreePublic | Section::Unknown
            )
        {
            if let Some(kind) = vehicle_kind(label) {
                let id = dotted("assets.vehicles", kind.id_segment());
                if !self.figure(cx, &id, Want::Count, &n, Reading::Subject) {
                    Self::unmatched(cx, &n);
                }
                return;
            }
        }
        let want = match n.unit {
            u if u.is_money() => Some(Want::Amount),
            u if u.is_count() => Some(Want::Count),
            NumUnit::SquareMeter => Some(Want::Quantity),
            NumUnit::Bare => None,
            _ if self.section == Section::Performance && self.indicator(cx, label, &n) => return,
            _ => {
                Self::unmatched(cx, &n);
                return;
            }
        };
        let entry = lookup(label, self.section, want);
        if entry.is_none() && self.section == Section::Performance && self.indicator(cx, label, &n)
        {
            return;
        }
        if entry.is_none() && want != Some(Want::Count) && self.class_figure(cx, label, &n) {
            return;
        }
        let Some(entry) = entry else {
            // A figure of something the reader does not know: what follows (增加, 占, …)
            // is about it, not about the subject before it.
            self.state.persons = None;
            if n.is_figure() {
                self.state.subject = Subject::Unknown;
            }
            Self::unmatched(cx, &n);
            return;
        };
        let after = cx.p.get(n.unit_end..).unwrap_or_default();
        if entry.target == Target::Nothing {
            self.state.subject = Subject::Unknown;
            Self::unmatched(cx, &n);
            return;
        }
        if let (Target::Two(a, b), Some(second)) = (entry.target, pair_second(cx.p, &n)) {
            // 收、支总计各是4125.49，4143.91万元: one figure each, in order.
            let unit = unit_of(&second);
            let first = Num {
                unit: if n.unit == NumUnit::Bare {
                    second.unit
                } else {
                    n.unit
                },
                ..n
            };
            let ok = self.figure(cx, a, Want::Amount, &first, Reading::Pair)
                & self.figure(cx, b, Want::Amount, &second, Reading::Pair);
            if !ok {
                Self::unmatched(cx, &n);
            }
            self.subject_of(entry, Some(&second), unit);
            cx.skip_past = Some(second.unit_end);
            return;
        }
        if let Some(parent) = cx.list_parent.clone() {
            if entry.target.subject() == Some(&*parent) {
                let total = match &*parent {
                    "revenue.current_year" => Some("revenue.total"),
                    "expenditure.current_year" => Some("expenditure.total"),
                    _ => None,
                };
                // 总支出125.08万元，其中本年支出116.12万元: a whole whose part is the
                // year's spending is the 支出总计.
                if !total.is_some_and(|total| self.rekey_in_sentence(cx, &parent, total)) {
                    // 编制数11个，其中：行政编制0个: a part after 其中 is never its parent.
                    Self::unmatched(cx, &n);
                    return;
                }
                cx.list_parent = total.map(Rc::from);
            }
        }
        let ids: Vec<&str> = match entry.target {
            // 接待人次142人 after 国（境）外公务接待批次23个: the persons of those batches.
            Target::One(id) if entry.generic && id.ends_with("_persons") => {
                vec![self.state.persons.unwrap_or(id)]
            }
            Target::One(id) => vec![count_family(id, n.unit, after)],
            Target::Side(_) => self.resolve(entry.target).into_iter().collect(),
            Target::Two(a, b) => vec![a, b],
            Target::Nothing => vec![],
            Target::AssetValue => match self.state.asset {
                Some(Asset::Building) => vec!["assets.building_value"],
                Some(Asset::Vehicles) => vec!["assets.vehicle_value"],
                None => vec![],
            },
        };
        let (suffix, how) = if prior {
            (Some("prior_year"), Reading::Prior)
        } else if self.state.budget_list && entry.want == Want::Amount {
            (Some("budget"), Reading::Budget)
        } else if matches!(entry.target, Target::Two(..)) {
            (None, Reading::Pair)
        } else {
            (None, Reading::Subject)
        };
        let mut any = false;
        for id in &ids {
            let id = suffix.map_or_else(|| (*id).to_owned(), |s| dotted(id, s));
            any |= self.figure(cx, &id, entry.want, &n, how);
        }
        if !any {
            Self::unmatched(cx, &n);
            return;
        }
        if suffix.is_some() {
            // Last year's figure or a budget item: the subject is named, not restated.
            self.subject_of(entry, None, unit_of(&n));
            return;
        }
        if ["全部为", "均为", "全部是", "全部系"]
            .iter()
            .any(|w| label.starts_with(w))
            && matches!(self.state.subject, Subject::Base { .. })
        {
            // …维护费11.9万元，全部为公务用车运行维护费11.9万元，与上年持平: the part
            // restates the whole, which stays the subject.
            return;
        }
        self.state.persons = match ids.first().copied() {
            Some("three_public.overseas_groups") => Some("three_public.overseas_persons"),
            Some("three_public.reception_batches") => Some("three_public.reception_persons"),
            Some("three_public.foreign_reception_batches") => {
                Some("three_public.foreign_reception_persons")
            }
            _ => None,
        };
        match ids.first().copied() {
            Some("assets.building_area") => self.state.asset = Some(Asset::Building),
            Some("assets.vehicles") => self.state.asset = Some(Asset::Vehicles),
            _ => {}
        }
        self.subject_of(entry, Some(&n), unit_of(&n));
    }

    /// A function class named without its （类） marker in a breakdown of a total
    /// (主要用于以下方面：社会保障和就业支出67.64万元，占5.35%): the class of the total
    /// being broken down, or of the section's total.
    fn class_figure(&mut self, cx: &mut Para<'_>, label: &str, n: &Num) -> bool {
        let prefix = match self.state.breakdown.or(match self.section {
            Section::GeneralBudget => Some("general_budget.function."),
            Section::Appropriation => Some("appropriation.expenditure.function."),
            Section::Expenditure => Some("expenditure.function."),
            _ => None,
        }) {
            Some(prefix) => prefix,
            None => return false,
        };
        let Some(code) = class_at_end(label) else {
            return false;
        };
        let id = format!("{prefix}{code}");
        if !self.figure(cx, &id, Want::Amount, n, Reading::Path) {
            return false;
        }
        let breakdown = self.state.breakdown;
        self.set_subject(&id, Want::Amount, Some(n), unit_of(n));
        self.state.breakdown = breakdown.or(Some(prefix));
        true
    }

    /// A figure inside an open comparison (与2014年度财政拨款收入218.4万元相比, 较年初
    /// 预算数 500万元减少…): the prior-year figure or the budget of the subject the
    /// label names (or of the current subject when it names none).
    fn compared(&mut self, cx: &mut Para<'_>, label: &str, label_from: usize, n: &Num) {
        self.state.frame_open = false;
        if !label.is_empty() && !self.path(cx, label, label_from) {
            let want = if n.unit.is_count() {
                Want::Count
            } else {
                Want::Amount
            };
            match lookup(label, self.section, Some(want)).and_then(|e| e.target.subject()) {
                Some(id) => self.set_subject(id, want, None, unit_of(n)),
                None => {
                    self.state.subject = Subject::Unknown;
                    Self::unmatched(cx, n);
                    return;
                }
            }
        }
        self.money_of_count(n);
        let Subject::Base { id, count, .. } = self.state.subject.clone() else {
            Self::unmatched(cx, n);
            return;
        };
        let (suffix, how) = match self.state.frame {
            Frame::Prior => ("prior_year", Reading::Prior),
            Frame::Budget => ("budget", Reading::Budget),
            Frame::Other | Frame::Year(_) | Frame::YearBudget(_) => {
                Self::unmatched(cx, n);
                return;
            }
        };
        let want = if count { Want::Count } else { Want::Amount };
        if !self.figure(cx, &dotted(&id, suffix), want, n, how) {
            Self::unmatched(cx, n);
        }
    }

    /// A sum of money compared after a 三公 item's count (公务接待费4万元，接待74批813人，
    /// 同比去年1.05万元增加2.95万元): it is the item's money, never the count's. The
    /// subject becomes the item's amount; a count with no item of its own (公务用车
    /// 保有量) stays, and the money is then not attributed.
    fn money_of_count(&mut self, n: &Num) {
        const OWNERS: &[(&str, &str)] = &[
            ("three_public.reception_batches", "three_public.reception"),
            ("three_public.reception_persons", "three_public.reception"),
            (
                "three_public.overseas_groups",
                "three_public.overseas_travel",
            ),
            (
                "three_public.overseas_persons",
                "three_public.overseas_travel",
            ),
            (
                "three_public.foreign_reception_batches",
                "three_public.foreign_reception",
            ),
            (
                "three_public.foreign_reception_persons",
                "three_public.foreign_reception",
            ),
        ];
        let Subject::Base {
            id, count: true, ..
        } = &self.state.subject
        else {
            return;
        };
        if !n.unit.is_money() {
            return;
        }
        if let Some((_, owner)) = OWNERS.iter().find(|(counted, _)| **counted == **id) {
            self.set_subject(owner, Want::Amount, None, unit_of(n));
        }
    }

    /// A performance result outside the schema: `[一是|使|全年…] label 达到|为|控制在|…
    /// figure unit` (城镇新增就业人数达到48.32万人, 调解成功率达到68.56%). Money is
    /// never an indicator: it is the schema's, or not attributed.
    fn indicator(&mut self, cx: &Para<'_>, label: &str, n: &Num) -> bool {
        const VERBS: &[&str] = &[
            "控制在",
            "保持在",
            "提高到",
            "提高至",
            "提升到",
            "提升至",
            "下降到",
            "下降至",
            "降低到",
            "降低至",
            "增长到",
            "增长至",
            "达到了",
            "达到",
            "实现",
            "为",
            "达",
        ];
        const LEADS: &[&str] = &[
            "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "全年", "使",
            "其中", "累计", "共", "并",
        ];
        if n.unit.is_money() || !(n.unit == NumUnit::Percent || n.unit_end > n.end) {
            return false;
        }
        let Some(verb) = VERBS.iter().find(|v| label.ends_with(**v)) else {
            return false;
        };
        let mut subject = label.get(..label.len() - verb.len()).unwrap_or_default();
        while let Some(lead) = LEADS.iter().find(|l| subject.starts_with(**l)) {
            subject = subject.get(lead.len()..).unwrap_or_default();
        }
        let plain = |c: char| super::patterns::is_ideograph(c) || matches!(c, '（' | '）');
        if subject.is_empty() || subject.chars().count() > 24 || !subject.chars().all(plain) {
            return false;
        }
        let Ok(value) = n
            .text(cx.p)
            .replace(',', "")
            .parse::<rust_decimal::Decimal>()
        else {
            return false;
        };
        let unit = cx.p.get(n.end..n.unit_end).unwrap_or_default();
        let span = self.span(cx.base + n.start..cx.base + n.end);
        self.indicators
            .push(Indicator::new(subject, value, unit).with_span(Some(span)));
        true
    }

    /// Emits the figure `n` as fact `id` of kind `want`; false when it does not fit.
    fn figure(&mut self, cx: &mut Para<'_>, id: &str, want: Want, n: &Num, how: Reading) -> bool {
        // A sentence about last year states last year's figures; one about another
        // year or another scope states none of this report's.
        let prior_id;
        let id = match self.sentence_scope(cx, n.start) {
            Scope::ThisYear => id,
            Scope::Elsewhere => return false,
            Scope::PriorYear if id.ends_with(".prior_year") => id,
            Scope::PriorYear => match FactId::new(id) {
                Ok(fact) if fact.suffix().is_none() => {
                    prior_id = dotted(id, "prior_year");
                    prior_id.as_str()
                }
                _ => return false,
            },
        };
        let value = match want {
            Want::Amount if n.unit.is_money() || n.unit == NumUnit::Bare => {
                match Amount::parse_in(n.text(cx.p), unit_of(n)) {
                    Ok(a) => Value::Amount(a),
                    Err(e) => {
                        self.note_at(
                            cx,
                            DiagnosticLevel::Warning,
                            format!("{id}: {e}"),
                            n.start..n.end,
                        );
                        return true;
                    }
                }
            }
            Want::Count if n.unit.is_count() || n.unit == NumUnit::Bare => {
                match count_of(cx.p, n) {
                    Some(c) => Value::Count(c),
                    None => return false,
                }
            }
            Want::Quantity if matches!(n.unit, NumUnit::SquareMeter | NumUnit::Bare) => {
                match Amount::parse_in(n.text(cx.p), Unit::WanYuan) {
                    Ok(a) => Value::Quantity(a.value()),
                    Err(_) => return false,
                }
            }
            _ => return false,
        };
        self.emit_at(cx, id, value, n.start..n.end, how).is_some()
    }

    /// The number at `from`, if only a short gap (为, 是, a colon, …) separates it from
    /// there.
    fn adjacent(p: &str, from: usize) -> Option<Num> {
        let mut next = next_token(p, from)?;
        if next.tok == Tok::Delim('：') && short_gap(p.get(from..next.start)?) {
            next = next_token(p, next.end)?;
        }
        let Tok::Num(n) = next.tok else {
            return None;
        };
        let gap = p.get(from..n.start)?;
        short_gap(gap.strip_suffix('：').unwrap_or(gap)).then_some(n)
    }

    /// The next number in the same clause after `from` (keywords may stand between; a
    /// few tokens at most, so that the look-ahead stays bounded).
    fn in_clause(p: &str, from: usize) -> Option<Num> {
        let mut at = from;
        for _ in 0..4 {
            let t = next_token(p, at)?;
            match t.tok {
                Tok::Delim(_) => return None,
                Tok::Num(n) if n.unit != NumUnit::Year => return Some(n),
                _ => at = t.end,
            }
        }
        None
    }

    fn keyword(
        &mut self,
        cx: &mut Para<'_>,
        t: Token,
        kw: Kw,
        label: &str,
        label_from: usize,
    ) -> Flow {
        let p = cx.p;
        if self.section == Section::Functions {
            return Flow::Next(t.end);
        }
        let text_section = matches!(self.section, Section::Performance | Section::OtherMatters);
        if matches!(kw, Kw::Budget(_)) && text_section {
            return Flow::AsText;
        }
        if !matches!(kw, Kw::Share | Kw::Completion) {
            let relation = matches!(
                kw,
                Kw::Direction { .. } | Kw::Unchanged | Kw::Budget(_) | Kw::Variance
            );
            self.subject_before(cx, label, label_from, relation);
        }
        match kw {
            Kw::Direction { up, rate } => self.direction(cx, t, up, rate),
            Kw::Unchanged => {
                let word = p.get(t.start..t.end).unwrap_or_default().to_owned();
                let Subject::Base {
                    id,
                    count,
                    unit,
                    decimals,
                } = self.state.subject.clone()
                else {
                    return Flow::Next(t.end);
                };
                if label.contains("预决算") {
                    // 预决算持平的不用说明: an instruction, not a statement.
                    return Flow::Next(t.end);
                }
                let frame = self.state.frame;
                if matches!(frame, Frame::Other | Frame::Year(_) | Frame::YearBudget(_)) {
                    return Flow::Next(t.end);
                }
                let zero = if count {
                    Value::SignedCount(0)
                } else {
                    Value::Amount(Amount::zero(unit, decimals))
                };
                if label.contains("预算") || frame == Frame::Budget {
                    self.emit_at(
                        cx,
                        &dotted(&id, "comparison_word"),
                        Value::Text(word),
                        t.start..t.end,
                        Reading::BudgetComparison,
                    );
                    if !count {
                        cx.pending_zero.push((
                            dotted(&id, "budget_variance"),
                            zero,
                            t.start..t.end,
                        ));
                    }
                    self.state.relation = Relation::Budget;
                } else {
                    self.emit_at(
                        cx,
                        &dotted(&id, "change_word"),
                        Value::Text(word),
                        t.start..t.end,
                        Reading::Unchanged,
                    );
                    cx.pending_zero
                        .push((dotted(&id, "change"), zero, t.start..t.end));
                    self.state.relation = Relation::Change;
                }
                Flow::Next(t.end)
            }
            Kw::Share => {
                let Some(n) = Self::in_clause(p, t.end)
                    .filter(|n| matches!(n.unit, NumUnit::Percent | NumUnit::Bare))
                else {
                    return Flow::AsText;
                };
                self.subject_from_label(cx, label, label_from);
                self.percent(cx, "share", &n, false, Reading::Share);
                Flow::Next(n.unit_end)
            }
            Kw::Budget(kind) => {
                let Some(n) = Self::adjacent(p, t.end) else {
                    return Flow::Next(t.end);
                };
                self.budget(cx, kind, &n);
                Flow::Next(n.unit_end)
            }
            Kw::Final => {
                self.state.budget_list = false;
                // 公务用车购置支出决算为: the keyword took the subject's 支出.
                if p.get(t.start..).is_some_and(|r| r.starts_with("支出")) && !label.is_empty() {
                    let extended = format!("{label}支出");
                    if let Some(entry) = lookup(&extended, self.section, Some(Want::Amount)) {
                        self.subject_of(entry, None, Unit::WanYuan);
                    }
                }
                if let Some(n) = Self::adjacent(p, t.end)
                    .filter(|n| n.unit.is_money() || n.unit == NumUnit::Bare)
                {
                    match self.state.subject.clone() {
                        Subject::Base { id, .. } => {
                            if !self.figure(cx, &id, Want::Amount, &n, Reading::Final) {
                                Self::unmatched(cx, &n);
                            }
                        }
                        _ => Self::unmatched(cx, &n),
                    }
                    return Flow::Next(n.unit_end);
                }
                if let Some((word, range, end)) = comparison(p, t.end) {
                    if range.end > range.start {
                        self.alternative_note(cx, range.end);
                    }
                    if let Some(id) = self.subject_id().map(str::to_owned) {
                        self.emit_at(
                            cx,
                            &dotted(&id, "comparison_word"),
                            Value::Text(word.to_owned()),
                            range,
                            Reading::BudgetComparison,
                        );
                    }
                    self.state.relation = Relation::Budget;
                    return Flow::Next(end);
                }
                Flow::Next(t.end)
            }
            Kw::Variance => {
                let Some(n) = Self::adjacent(p, t.end)
                    .filter(|n| matches!(n.unit, NumUnit::Percent | NumUnit::Bare))
                else {
                    return Flow::Next(t.end);
                };
                self.percent(
                    cx,
                    "budget_variance_rate",
                    &n,
                    false,
                    Reading::BudgetVarianceRate,
                );
                self.state.relation = Relation::Budget;
                Flow::Next(n.unit_end)
            }
            Kw::Completion => {
                // 未完成年初预算 / 超额完成全年预算: words comparing final and budget.
                let said = [("未", "未完成"), ("超额", "超额完成"), ("超", "超额完成")]
                    .iter()
                    .find(|(before, _)| label.ends_with(before));
                let budget_follows = p
                    .get(t.end..end_within(p, t.end, 4))
                    .is_some_and(|s| s.contains("预算"));
                if let (Some((before, word)), true) = (said, budget_follows) {
                    self.subject_from_label(cx, label, label_from);
                    if let Some(id) = self.subject_id().map(str::to_owned) {
                        let start = t.start.saturating_sub(before.len());
                        self.emit_at(
                            cx,
                            &dotted(&id, "comparison_word"),
                            Value::Text((*word).to_owned()),
                            start..t.end,
                            Reading::BudgetComparison,
                        );
                        self.state.relation = Relation::Budget;
                    }
                }
                let (budget, rate) = completion_parts(p, t.end);
                let Some(n) = rate else {
                    if let Some(b) = budget {
                        // 完成预算0万元的--%（基数为0，不可比）: the budget, and no rate.
                        self.subject_from_label(cx, label, label_from);
                        self.budget(cx, BudgetKind::Plain, &b);
                        self.state.relation = Relation::Budget;
                        return Flow::Next(b.unit_end);
                    }
                    return if said.is_some() && budget_follows {
                        Flow::Next(t.end)
                    } else {
                        Flow::AsText
                    };
                };
                self.subject_from_label(cx, label, label_from);
                if let Some(b) = budget {
                    // 完成全年预算84.82万元的73.2%: the budget stated inside.
                    self.budget(cx, BudgetKind::Plain, &b);
                }
                self.percent(cx, "completion_rate", &n, false, Reading::Completion);
                self.state.relation = Relation::Budget;
                Flow::Next(n.unit_end)
            }
            Kw::Reason => {
                let mut start = t.end;
                if p.get(start..).is_some_and(|r| r.starts_with('：')) {
                    start += '：'.len_utf8();
                }
                let end = reason_end(p, start).max(start);
                self.reason(cx, start..end);
                self.reason_figures(cx, start..end);
                Flow::Next(end)
            }
            Kw::List(reach) => {
                let end = reach_end(p, t.end, reach);
                if matches!(self.section, Section::Basic | Section::Unknown) {
                    self.economic_items(cx, t.end..end);
                }
                Flow::Next(end)
            }
            Kw::Enumeration => {
                let end = reach_end(p, t.end, Reach::Sentence);
                if self.subject_id() == Some("organization.divisions") {
                    let list = p.get(t.end..end).unwrap_or_default();
                    let list = list.trim_start_matches('：').trim_end_matches('。');
                    self.divisions.extend(
                        list.split('、')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned),
                    );
                }
                Flow::Next(end)
            }
            Kw::Date => self.date(cx, t),
            Kw::Equipment => {
                let window_end = find_any_within(p, t.end, &['，', '；', '。'], 40)
                    .map_or_else(|| end_within(p, t.end, 40), |(i, _)| i);
                let window = p.get(t.end..window_end).unwrap_or_default();
                let Some(at) = window.find("设备") else {
                    return Flow::Next(t.end);
                };
                let mut end = t.end + at + "设备".len();
                for tail in ["（不含车辆）", "（不包括车辆）"] {
                    if p.get(end..).is_some_and(|r| r.starts_with(tail)) {
                        end += tail.len();
                    }
                }
                let next = next_token(p, end).and_then(|t| match t.tok {
                    Tok::Num(n) if n.start == end => Some(n),
                    _ => None,
                });
                let Some(n) = next else {
                    return Flow::Next(end);
                };
                if !self.figure(
                    cx,
                    "assets.equipment_over_1m",
                    Want::Count,
                    &n,
                    Reading::Subject,
                ) {
                    Self::unmatched(cx, &n);
                }
                Flow::Next(n.unit_end)
            }
            Kw::Nothing => self.nothing(cx, t),
            Kw::Prior => {
                let Some(n) = Self::adjacent(p, t.end) else {
                    return Flow::Next(t.end);
                };
                match self.state.subject.clone() {
                    Subject::Base { id, count, .. } => {
                        let want = if count { Want::Count } else { Want::Amount };
                        if !self.figure(cx, &dotted(&id, "prior_year"), want, &n, Reading::Prior) {
                            Self::unmatched(cx, &n);
                        }
                    }
                    _ => Self::unmatched(cx, &n),
                }
                Flow::Next(n.unit_end)
            }
            Kw::TemplateNote => {
                let end = find_any(p, t.end, &['）']).map_or(p.len(), |(i, c)| i + c.len_utf8());
                let note = p.get(t.start..end).unwrap_or_default().to_owned();
                self.note_at(
                    cx,
                    DiagnosticLevel::Note,
                    format!("template instruction left in the text: “{note}”"),
                    t.start..end,
                );
                Flow::Next(end)
            }
            Kw::Filler => Flow::Next(t.end),
            Kw::Frame(frame, closed) => {
                self.state.frame = match frame {
                    Frame::Year(y) => match self.report_year {
                        Some(report) if report.checked_sub(1) != Some(y) => Frame::Other,
                        _ => Frame::Prior,
                    },
                    Frame::YearBudget(y) => match self.report_year {
                        Some(report) if report != y => Frame::Other,
                        _ => Frame::Budget,
                    },
                    other => other,
                };
                self.state.frame_open = !closed;
                Flow::Next(t.end)
            }
            Kw::Close => {
                self.state.frame_open = false;
                Flow::Next(t.end)
            }
            Kw::Respectively => {
                cx.respectively = true;
                Flow::Next(t.end)
            }
        }
    }

    fn alternative_note(&mut self, cx: &Para<'_>, at: usize) {
        if let Some(end) = skip_alternative(cx.p, at) {
            let alt = cx.p.get(at..end).unwrap_or_default().to_owned();
            self.note_at(
                cx,
                DiagnosticLevel::Note,
                format!(
                    "template alternative “{alt}” left in the text; the word before it is read"
                ),
                at..end,
            );
        }
    }

    /// 收入减少84.55、支出减少99.6万元，分别下降18%、21.6%: one rate per change this
    /// sentence stated, in order. Read only when the rates are as many as those
    /// changes (two or more, of different subjects); else `None`, and nothing is
    /// read. The end of the last rate when read.
    fn respective_rates(&mut self, cx: &mut Para<'_>, first: &Num, up: bool) -> Option<usize> {
        let p = cx.p;
        let mut rates = vec![*first];
        let mut at = first.unit_end;
        while let Some(t) = next_token(p, at) {
            match t.tok {
                Tok::Delim('、') => at = t.end,
                Tok::Num(n)
                    if n.unit == NumUnit::Percent
                        && p.get(at..n.start)
                            .is_some_and(|gap| matches!(gap.trim(), "" | "、" | "和" | "及")) =>
                {
                    rates.push(n);
                    at = n.unit_end;
                }
                _ => break,
            }
        }
        let subjects = &cx.changed_order;
        let distinct = subjects
            .iter()
            .enumerate()
            .all(|(i, s)| !subjects.iter().skip(i.saturating_add(1)).any(|o| o == s));
        if rates.len() < 2 || rates.len() != subjects.len() || !distinct {
            return None;
        }
        let subjects = subjects.clone();
        for (base, n) in subjects.iter().zip(&rates) {
            self.percent_of(cx, base, "change_rate", n, !up, Reading::ChangeRate);
        }
        Some(at)
    }

    /// 增加/减少 X 万元, 增长/下降 Y%.
    fn direction(&mut self, cx: &mut Para<'_>, t: Token, up: bool, rate: bool) -> Flow {
        let p = cx.p;
        let word = p.get(t.start..t.end).unwrap_or_default().to_owned();
        if self.state.pair.is_none() && p.get(..t.start).is_some_and(|b| b.ends_with('各')) {
            // 收入总计…，支出总计…，与2020年度相比，各增加29.6万元: both totals named.
            self.state.pair = self.pair_named(cx);
        }
        let mut from = t.end;
        if let Some(after) = skip_alternative(p, from) {
            self.alternative_note(cx, from);
            from = after;
        }
        if p.get(from..).is_some_and(|r| r.starts_with('了')) {
            from += '了'.len_utf8();
        }
        self.state.relation = Relation::Change;
        self.state.frame_open = false;
        self.state.budget_list = false;
        let Some(n) = Self::adjacent(p, from) else {
            return Flow::Next(from);
        };
        if cx.respectively
            && rate
            && n.unit == NumUnit::Percent
            && matches!(self.state.frame, Frame::Prior)
        {
            if let Some(end) = self.respective_rates(cx, &n, up) {
                return Flow::Next(end);
            }
        }
        if cx.respectively
            || matches!(
                self.state.frame,
                Frame::Other | Frame::Year(_) | Frame::YearBudget(_)
            )
        {
            // Measured against something the schema has no suffix for (上年预算数,
            // another year).
            Self::unmatched(cx, &n);
            return Flow::Next(n.unit_end);
        }
        self.money_of_count(&n);
        let Subject::Base { id, count, .. } = self.state.subject.clone() else {
            Self::unmatched(cx, &n);
            return Flow::Next(n.unit_end);
        };
        let is_rate = n.unit == NumUnit::Percent || (n.unit == NumUnit::Bare && rate && !count);
        if n.unit == NumUnit::Bare
            && !p
                .get(n.unit_end..)
                .is_some_and(|r| r.starts_with(['，', '。', '；', '、', '）', '的']))
        {
            // 增长1 at the end of a cut-off passage: whether a rate or an amount, and
            // how much, is not established.
            Self::unmatched(cx, &n);
            return Flow::Next(n.unit_end);
        }
        let budget = self.state.frame == Frame::Budget;
        // A pair of totals (收入、支出总计各减少…) states the relation of both: one
        // figure for both, or one each (各减少1267.86，2570.97万元).
        let second = self.state.pair.and_then(|_| pair_second(p, &n));
        let mut ok = self.relation(cx, &id, t, &n, up, is_rate, count, budget, &word);
        if let Some(pair) = self.state.pair {
            let other = second.unwrap_or(n);
            ok &= self.relation(cx, pair, t, &other, up, is_rate, count, budget, &word);
        }
        if let Some(second) = second {
            cx.skip_past = Some(second.unit_end);
            if !ok {
                Self::unmatched(cx, &n);
            }
            return Flow::Next(second.unit_end);
        }
        if !ok {
            Self::unmatched(cx, &n);
        }
        Flow::Next(n.unit_end)
    }

    /// The other total of a pair when the sentence named both (收入总计…，支出总计…):
    /// the subject is one of them, and the other was named in the sentence.
    fn pair_named(&self, cx: &Para<'_>) -> Option<&'static str> {
        const PAIRS: &[(&str, &str)] = &[
            ("revenue.total", "expenditure.total"),
            ("revenue.current_year", "expenditure.current_year"),
            (
                "appropriation.revenue_total",
                "appropriation.expenditure_total",
            ),
            ("appropriation.revenue", "appropriation.expenditure"),
        ];
        let subject = self.subject_id()?;
        let first = cx.sentence_first_fact.min(self.facts.len());
        let named = |id: &str| {
            self.facts
                .get(first..)
                .unwrap_or_default()
                .iter()
                .flatten()
                .any(|(f, _)| f.as_str() == id)
        };
        PAIRS.iter().find_map(|(a, b)| {
            if subject == *b && named(a) {
                Some(*a)
            } else if subject == *a && named(b) {
                Some(*b)
            } else {
                None
            }
        })
    }

    /// One direction relation (增加 x 万元, 下降 y%) of `id`, against last year or the
    /// budget; false when the figure does not fit.
    #[allow(clippy::too_many_arguments)]
    fn relation(
        &mut self,
        cx: &mut Para<'_>,
        id: &str,
        t: Token,
        n: &Num,
        up: bool,
        is_rate: bool,
        count: bool,
        budget: bool,
        word: &str,
    ) -> bool {
        let p = cx.p;
        if self.sentence_scope(cx, n.start) != Scope::ThisYear {
            // The change of another year's or another scope's figure.
            return false;
        }
        if is_rate {
            let (suffix, how) = if budget {
                ("budget_variance_rate", Reading::BudgetVarianceRate)
            } else {
                ("change_rate", Reading::ChangeRate)
            };
            let ok = self.percent_of(cx, id, suffix, n, !up, how);
            if ok && !budget {
                self.emit_at(
                    cx,
                    &dotted(id, "change_rate_word"),
                    Value::Text(word.to_owned()),
                    t.start..t.end,
                    Reading::ChangeRate,
                );
            }
            return ok;
        }
        let value = if count && (n.unit.is_count() || n.unit == NumUnit::Bare) {
            count_of(p, n)
                .and_then(|c| i64::try_from(c).ok())
                .map(|c| Value::SignedCount(if up { c } else { -c }))
        } else if count {
            None
        } else if n.unit.is_money() || n.unit == NumUnit::Bare {
            Amount::parse_in(n.text(p), unit_of(n)).ok().map(|a| {
                // 减少-3.00万元: the sign is redundant, the change is a fall.
                let fall = !up && a.value().is_sign_positive();
                Value::Amount(if fall { a.negated() } else { a })
            })
        } else {
            None
        };
        match value {
            Some(v) if budget => {
                let variance = dotted(id, "budget_variance");
                let ok = self
                    .emit_at(cx, &variance, v, n.start..n.end, Reading::BudgetVariance)
                    .is_some();
                cx.changed.insert(variance);
                ok
            }
            Some(v) => {
                let change = dotted(id, "change");
                let ok = self
                    .emit_at(cx, &change, v, n.start..n.end, Reading::Change)
                    .is_some();
                if ok {
                    self.emit_at(
                        cx,
                        &dotted(id, "change_word"),
                        Value::Text(word.to_owned()),
                        t.start..t.end,
                        Reading::Change,
                    );
                    cx.changed.insert(change);
                    cx.changed_order.push(id.to_owned());
                }
                ok
            }
            None => false,
        }
    }

    /// A percentage about the subject, stored as `<subject>.<suffix>`.
    fn percent(
        &mut self,
        cx: &mut Para<'_>,
        suffix: &str,
        n: &Num,
        negative: bool,
        how: Reading,
    ) -> bool {
        let Some(id) = self.subject_id().map(str::to_owned) else {
            Self::unmatched(cx, n);
            return false;
        };
        self.percent_of(cx, &id, suffix, n, negative, how)
    }

    /// A percentage about `base`, stored as `<base>.<suffix>`.
    fn percent_of(
        &mut self,
        cx: &mut Para<'_>,
        base: &str,
        suffix: &str,
        n: &Num,
        negative: bool,
        how: Reading,
    ) -> bool {
        if self.sentence_scope(cx, n.start) != Scope::ThisYear {
            return false;
        }
        let id = dotted(base, suffix);
        match n.text(cx.p).parse::<Percent>() {
            Ok(v) => {
                // A fall may carry a redundant sign (下降-5.2%): it is a fall all the same.
                let v = if negative && v.value().is_sign_positive() {
                    v.negated()
                } else {
                    v
                };
                let ok = self
                    .emit_at(cx, &id, Value::Percent(v), n.start..n.end, how)
                    .is_some();
                if !ok {
                    Self::unmatched(cx, n);
                }
                ok
            }
            Err(e) => {
                self.note_at(
                    cx,
                    DiagnosticLevel::Warning,
                    format!("{id}: {e}"),
                    n.start..n.end,
                );
                false
            }
        }
    }

    /// 年初预算数 / 全年预算为 X 万元.
    fn budget(&mut self, cx: &mut Para<'_>, kind: BudgetKind, n: &Num) {
        let Some(id) = self.subject_id().map(str::to_owned) else {
            Self::unmatched(cx, n);
            return;
        };
        let budget_id = if id == "appropriation.revenue_total" {
            "appropriation.initial_budget".to_owned()
        } else {
            dotted(&id, "budget")
        };
        self.state.relation = Relation::Budget;
        if kind == BudgetKind::Initial && cx.full_budget.as_deref() == Some(id.as_str()) {
            self.note_at(
                cx,
                DiagnosticLevel::Note,
                format!(
                    "{budget_id}: the 年初预算 is not recorded, the 全年预算 stated with it is"
                ),
                n.start..n.end,
            );
            return;
        }
        let Ok(amount) = Amount::parse_in(n.text(cx.p), unit_of(n)) else {
            Self::unmatched(cx, n);
            return;
        };
        if !(n.unit.is_money() || n.unit == NumUnit::Bare) {
            Self::unmatched(cx, n);
            return;
        }
        let index = self.emit_at(
            cx,
            &budget_id,
            Value::Amount(amount),
            n.start..n.end,
            Reading::Budget,
        );
        self.state.budget_list = index.is_some();
        match kind {
            BudgetKind::Initial => cx.initial_budget = index.map(|i| (i, id)),
            BudgetKind::Full => {
                if let Some((i, initial_of)) = cx.initial_budget.take() {
                    if initial_of == id {
                        if let Some(slot) = self.facts.get_mut(i) {
                            *slot = None;
                        }
                        self.note_at(
                            cx,
                            DiagnosticLevel::Note,
                            format!("{budget_id}: the 年初预算 is not recorded, the 全年预算 stated with it is"),
                            n.start..n.end,
                        );
                    }
                }
                cx.full_budget = Some(id);
            }
            BudgetKind::Plain => {}
        }
    }

    /// 主要原因是：… — the reason for the last change or budget comparison.
    /// The changes a reason states of named subjects (主要原因是基本支出减少6.08万元，项目
    /// 支出减少34.15万元): only `subject 增加/减少 figure [，增长/下降 x%]` with a subject the
    /// lexicon names specifically in the same clause; nothing else in a reason is
    /// read, and the subject of the sentence is not changed.
    fn reason_figures(&mut self, cx: &mut Para<'_>, range: Range<usize>) {
        let p = cx.p;
        let saved = (
            self.state.subject.clone(),
            self.state.pair,
            self.state.frame,
        );
        let mut at = range.start;
        let mut label_start = range.start;
        let mut subject: Option<&'static str> = None;
        while let Some(t) = next_token(p, at).filter(|t| t.end <= range.end) {
            at = t.end;
            match t.tok {
                Tok::Delim(c) => {
                    if c != '，' {
                        subject = None;
                    }
                    label_start = t.end;
                }
                Tok::Kw(Kw::Direction { up, rate }) => {
                    let label = p.get(label_start..t.start).unwrap_or_default();
                    if !label.is_empty() {
                        subject = lookup(label, self.section, Some(Want::Amount))
                            .filter(|e| !e.generic)
                            .and_then(|e| e.target.subject());
                    }
                    let Some(id) = subject else {
                        label_start = t.end;
                        continue;
                    };
                    let word = p.get(t.start..t.end).unwrap_or_default().to_owned();
                    let Some(n) = Self::adjacent(p, t.end) else {
                        label_start = t.end;
                        continue;
                    };
                    let is_rate = n.unit == NumUnit::Percent;
                    if is_rate || n.unit.is_money() || (n.unit == NumUnit::Bare && !rate) {
                        self.relation(cx, id, t, &n, up, is_rate, false, false, &word);
                    }
                    at = n.unit_end;
                    label_start = n.unit_end;
                }
                Tok::Kw(Kw::Frame(..)) => {
                    // A comparison the reason names itself (较年初预算…): not read.
                    subject = None;
                    label_start = t.end;
                }
                Tok::Kw(_) | Tok::Num(_) => label_start = t.end,
            }
        }
        (self.state.subject, self.state.pair, self.state.frame) = saved;
    }

    /// The items a list of 基本支出 names with their figures (人员经费…主要包括基本工资
    /// 547.19万元、绩效工资578.36万元…): each name the economic catalog knows as a 款
    /// (30101 基本工资) is `basic.economic.<code>`; anything else in the list is not
    /// read.
    fn economic_items(&mut self, cx: &mut Para<'_>, range: Range<usize>) {
        let p = cx.p;
        let mut at = range.start;
        let mut label_start = range.start;
        while let Some(t) = next_token(p, at).filter(|t| t.end <= range.end) {
            at = t.end;
            match t.tok {
                Tok::Num(n) if n.unit.is_money() => {
                    let label = p.get(label_start..t.start).unwrap_or_default();
                    let label = label.trim_start_matches(['：', '、', '和', '及']);
                    if let Some(code) = economic_named(label) {
                        let id = format!("basic.economic.{code}");
                        if !self.figure(cx, &id, Want::Amount, &n, Reading::Subject) {
                            Self::unmatched(cx, &n);
                        }
                    }
                    label_start = n.unit_end;
                }
                _ => label_start = t.end,
            }
        }
    }

    fn reason(&mut self, cx: &Para<'_>, range: Range<usize>) {
        let text = cx.p.get(range.clone()).unwrap_or_default().trim();
        let Some(id) = self.subject_id().map(str::to_owned) else {
            return;
        };
        if text.is_empty() {
            return;
        }
        let suffix = if self.state.relation == Relation::Budget {
            "budget_reason"
        } else {
            "reason"
        };
        self.emit_at(
            cx,
            &dotted(&id, suffix),
            Value::Text(text.to_owned()),
            range.clone(),
            Reading::Reason,
        );
        if !may_cite_codes(text) {
            return;
        }
        let cited_id = dotted(&id, "cited_code");
        if FactId::new(&cited_id).is_err() {
            return;
        }
        let mut from = range.start;
        for code in cited_codes(text) {
            let digits = code.split(' ').next().unwrap_or_default();
            let at =
                cx.p.get(from..range.end)
                    .and_then(|r| r.find(digits))
                    .map_or(range.start, |i| from + i);
            let len = code.replace(' ', "").len();
            let end = (at + len).min(range.end);
            let end = if cx.p.is_char_boundary(end) {
                end
            } else {
                at + digits.len()
            };
            self.emit_at(cx, &cited_id, Value::Text(code), at..end, Reading::Reason);
            from = end;
        }
    }

    /// 截至2024年12月31日.
    fn date(&mut self, cx: &Para<'_>, t: Token) -> Flow {
        let p = cx.p;
        let mut end = None;
        for (i, c) in p.get(t.end..).unwrap_or_default().char_indices().take(16) {
            if matches!(c, '日' | '末' | '底') {
                end = Some(t.end + i + c.len_utf8());
                break;
            }
            if super::patterns::is_delimiter(c) {
                break;
            }
        }
        let Some(end) = end else {
            return Flow::Next(t.end);
        };
        let phrase = p.get(t.start..end).unwrap_or_default();
        match crate::date::parse_balance_date(phrase) {
            Ok(date) => {
                self.emit_at(
                    cx,
                    "document.balance_date",
                    Value::Text(date.to_string()),
                    t.end..end,
                    Reading::Date,
                );
            }
            Err(e) => self.note_at(
                cx,
                DiagnosticLevel::Warning,
                format!("balance date not read: {e}"),
                t.end..end,
            ),
        }
        Flow::Next(end)
    }

    /// 无政府性基金预算财政拨款收入、支出及结转和结余; 无“三公”经费财政拨款支出.
    fn nothing(&mut self, cx: &Para<'_>, t: Token) -> Flow {
        let p = cx.p;
        let end = find_any_within(p, t.end, &['，', '。', '；'], 60)
            .map_or_else(|| end_within(p, t.end, 60), |(i, _)| i);
        let segment = p.get(t.end..end).unwrap_or_default();
        if segment.contains("的部门") || segment.ends_with('的') || segment.is_empty() {
            return Flow::Next(t.end);
        }
        let fund = |name: &str| segment.contains(name);
        let prefix = match self.section {
            Section::GovernmentFund => Some("government_fund"),
            Section::StateCapital => Some("state_capital"),
            _ if fund("政府性基金") => Some("government_fund"),
            _ if fund("国有资本经营") => Some("state_capital"),
            _ => None,
        };
        let zero = || Value::Amount(Amount::zero(Unit::WanYuan, 2));
        let range = t.start..end;
        let mut ids: Vec<String> = Vec::new();
        if let Some(prefix) = prefix {
            if segment.contains("收入") {
                ids.push(dotted(prefix, "revenue"));
            }
            if segment.contains("支出") {
                ids.push(dotted(prefix, "expenditure"));
            }
            if segment.contains("结转") || segment.contains("结余") {
                ids.push(dotted(prefix, "opening_balance"));
                ids.push(dotted(prefix, "closing_balance"));
            }
        } else if segment.contains("三公")
            && matches!(self.section, Section::ThreePublic | Section::Unknown)
        {
            ids.push("three_public.total".to_owned());
        } else if segment.contains("机关运行经费")
            && matches!(self.section, Section::Other | Section::Unknown)
        {
            ids.push("office_operating_cost".to_owned());
        } else if segment.starts_with("预算") || segment.starts_with("年初预算") {
            // 因公出国（境）费支出决算为0.00万元，本年无预算: a budget of nothing.
            if let Subject::Base {
                id, count: false, ..
            } = &self.state.subject
            {
                ids.push(dotted(id, "budget"));
            }
        } else if matches!(self.section, Section::ThreePublic | Section::Unknown) {
            // 无因公出国（境）人数, 无新购车辆, 无车辆购置费支出: a 三公 figure of nothing.
            // Only words that say what is counted: 无外事接待 could be the money or
            // the batches.
            let said = [
                "人数", "人次", "人员", "车辆", "批次", "费", "费用", "支出", "经费",
            ]
            .iter()
            .any(|w| segment.ends_with(w));
            if let Some(id) = lookup(segment, self.section, None)
                .and_then(|e| e.target.subject())
                .filter(|_| said)
            {
                if id.starts_with("three_public.") {
                    ids.push(id.to_owned());
                }
            }
        }
        if ids.is_empty() {
            return Flow::Next(t.end);
        }
        for id in ids {
            let value = match FactId::new(&id).map(|f| f.kind()) {
                Ok(crate::fact::FactKind::Count) => Value::Count(0),
                _ => zero(),
            };
            self.emit_at(cx, &id, value, range.clone(), Reading::Nil);
        }
        Flow::Next(end)
    }
}

/// Where a list introduced at `from` ends.
fn reach_end(p: &str, from: usize, reach: Reach) -> usize {
    let stops: &[char] = match reach {
        Reach::Comma => &['，', '；', '。'],
        Reach::Clause => &['；', '。'],
        Reach::Sentence => &['。'],
    };
    match find_any(p, from, stops) {
        Some((i, '。')) => i + '。'.len_utf8(),
        Some((i, _)) => i,
        None => p.len(),
    }
}

/// The unit of a money figure (a bare number is in 万元).
fn unit_of(n: &Num) -> Unit {
    if n.unit == NumUnit::Yuan {
        Unit::Yuan
    } else {
        Unit::WanYuan
    }
}

/// A whole count, grouping commas allowed.
fn count_of(p: &str, n: &Num) -> Option<u64> {
    if n.decimals > 0 || n.text(p).starts_with('-') {
        return None;
    }
    let digits: String = n.text(p).chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The deepest level of a path the catalog knows: the 款 when its name is
/// found under the 类, else the 类.
fn known_ancestor(segments: &[(&str, Range<usize>, char)]) -> Option<FunctionCode> {
    let catalog = Catalog::function();
    let (class, _, _) = segments.first()?;
    let class = catalog.class_named(class)?;
    let section = segments
        .get(1)
        .filter(|(_, _, level)| *level == '款')
        .and_then(|(name, _, _)| catalog.child_named(class, name));
    Some(section.unwrap_or(class))
}

/// Resolves a narrative path through the function catalog. When the 款 name is wrong
/// but the 项 name is unique under the 类, the item is found by its 项 name and the
/// mismatch is returned as a warning.
fn resolve(
    path: &str,
    segments: &[(&str, Range<usize>, char)],
) -> Result<(FunctionCode, Option<String>), String> {
    let catalog = Catalog::function();
    let error = match catalog.resolve_path(path) {
        Ok(code) => return Ok((code, None)),
        Err(e) => e,
    };
    if let (Some((class, _, '类')), Some((item, _, '项')), 3) =
        (segments.first(), segments.last(), segments.len())
    {
        if let Some(class_code) = catalog.class_named(class) {
            let found: Vec<FunctionCode> = catalog
                .children(class_code)
                .filter_map(|section| catalog.child_named(section.code(), item))
                .collect();
            if let [code] = found.as_slice() {
                let section_name = segments.get(1).map_or("", |s| s.0);
                return Ok((
                    *code,
                    Some(format!(
                        "item “{path}”: {}; read as {code} by its 项 name “{item}” (its 款 “{section_name}” does not match)",
                        describe(&error)
                    )),
                ));
            }
        }
    }
    Err(describe(&error))
}

/// Among the codes under the same parent that bear the printed `name`, the one seen in
/// the most fiscal years: the catalog may list a rarely seen code under a common name
/// (2089901 and 2089999 are both 其他社会保障和就业支出).
fn prefer_common(code: FunctionCode, name: &str) -> FunctionCode {
    let catalog = Catalog::function();
    if ambiguous().binary_search(&code).is_err() {
        return code;
    }
    let Some(parent) = code.parent() else {
        return code;
    };
    let seen = |entry: &crate::code::CatalogEntry<FunctionCode>| {
        entry
            .names()
            .filter(|n| n.matches(name))
            .map(|n| n.years().len())
            .max()
    };
    let mut best = (catalog.get(code).and_then(seen).unwrap_or(0), code);
    for entry in catalog.children(parent) {
        if let Some(years) = seen(entry) {
            if years > best.0 {
                best = (years, entry.code());
            }
        }
    }
    best.1
}

/// The codes of the function catalog that share a name with a sibling, sorted.
fn ambiguous() -> &'static [FunctionCode] {
    static AMBIGUOUS: OnceLock<Vec<FunctionCode>> = OnceLock::new();
    AMBIGUOUS.get_or_init(|| {
        let mut by_name: BTreeMap<(FunctionCode, String), Vec<FunctionCode>> = BTreeMap::new();
        for entry in Catalog::function().iter() {
            let Some(parent) = entry.code().parent() else {
                continue;
            };
            for name in entry.names() {
                let codes = by_name
                    .entry((parent, normalize_code_name(name.as_str())))
                    .or_default();
                if !codes.contains(&entry.code()) {
                    codes.push(entry.code());
                }
            }
        }
        let mut codes: Vec<FunctionCode> = by_name
            .into_values()
            .filter(|codes| codes.len() > 1)
            .flatten()
            .collect();
        codes.sort_unstable();
        codes.dedup();
        codes
    })
}

fn describe(e: &CodeError) -> String {
    e.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_end_at_the_next_statement() {
        let p = "主要原因是：甲。同时，乙。其中：丙1.00万元";
        let start = "主要原因是：".len();
        assert_eq!(p.get(start..reason_end(p, start)), Some("甲。同时，乙。"));
        let p = "原因：甲；公务用车";
        assert_eq!(reason_end(p, "原因：".len()), "原因：甲".len());
        let p = "甲。与年初预算相比，年初预算数1.00万元";
        assert_eq!(reason_end(p, 0), "甲。".len());
        let p = "主要原因是减少经费支其中：财政拨款收入7548.19万元，占100.0%。";
        let start = "主要原因是".len();
        assert_eq!(p.get(start..reason_end(p, start)), Some("减少经费支"));
        let p = "主要原因是人员增加，其中：在职人员。";
        assert_eq!(reason_end(p, start), p.len());
    }

    #[test]
    fn comparisons() {
        let w = |s: &str| comparison(s, 0).map(|(w, _, _)| w);
        assert_eq!(w("小于全年预算数的主要原因"), Some("小于"));
        assert_eq!(w("与全年预算数持平。"), Some("持平"));
        assert_eq!(w("同预算数持平"), Some("持平"));
        assert_eq!(w("大于（小于）预算数的"), Some("大于"));
        assert_eq!(w("比2023年度减少"), None);
        assert_eq!(w(""), None);
    }

    #[test]
    fn paths() {
        let s = path_segments("教育支出（类）职业教育（款）中等职业教育（项）");
        let names: Vec<&str> = s.iter().map(|x| x.0).collect();
        assert_eq!(names, ["教育支出", "职业教育", "中等职业教育"]);
        let (code, warning) = resolve(
            "住房保障支出（类）住房保障支出（款）住房公积金（项）",
            &path_segments("住房保障支出（类）住房保障支出（款）住房公积金（项）"),
        )
        .unwrap();
        assert_eq!(code.to_string(), "2210201");
        assert!(warning.is_some());
        let ambiguous: Vec<String> = ambiguous().iter().map(|c| c.to_string()).collect();
        assert!(ambiguous.contains(&"2089999".to_owned()), "{ambiguous:?}");
        assert!(ambiguous.len() < 10, "{ambiguous:?}");
    }
}
