//! The rules: how each identity and plausibility check is evaluated.

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use super::identities::{
    ABSENT_IS_ZERO, BALANCE_IDENTITIES, BOUNDS, BalanceIdentity, Bound, ECONOMIC_TABLES,
    EMPTY_TABLES, EconomicTable, FUNCTION_TABLES, FunctionTable, NON_NEGATIVE,
    ROW_BALANCE_IDENTITIES, ROW_SUM_IDENTITIES, SHARE_BASES, SUM_IDENTITIES, SumIdentity,
    ZERO_BY_COUNT,
};
use super::{Quantity, RuleInfo, Severity, Sink, Texts};
use crate::amount::{Amount, AmountError, Percent, Unit, round_half_away_from_zero};
use crate::code::{Catalog, CatalogEntry, CodeLevel, EconomicCode, FunctionCode};
use crate::disclosure::{Disclosure, Fact, Statements, Value};
use crate::fact::{FactId, Key, Suffix, suffix_code};
use crate::rounding::{
    ExactSum, Outcome, RatioKind, Verdict, check_change, check_change_from_prior, check_share,
    check_sum, check_variance_rate, ratio_outcome,
};
use crate::span::Span;

/// Rules that are not generated from the identity tables.
const OTHER_RULES: &[RuleInfo] = &[
    info("restatement", Severity::Error, "同一数字多处表述应一致"),
    info(
        "narrative.share",
        Severity::Error,
        "占比 = 部分 / 整体，在舍入范围内",
    ),
    info(
        "narrative.change-rate",
        Severity::Error,
        "增减率 = 增减额 / 上年数，在舍入范围内",
    ),
    info(
        "narrative.prior-year",
        Severity::Error,
        "上年数 = 本年数 − 增减额",
    ),
    info(
        "narrative.budget-variance",
        Severity::Error,
        "预决算差异率 = (决算数 − 预算数) / 预算数",
    ),
    info(
        "narrative.completion-rate",
        Severity::Error,
        "完成率 = 决算数 / 预算数",
    ),
    info(
        "rate.zero-base",
        Severity::Warning,
        "上年数（或预算数）为零时增减率无意义",
    ),
    info(
        "rate.truncated",
        Severity::Warning,
        "百分比似为截断而非四舍五入",
    ),
    info(
        "rate.wrong-base",
        Severity::Error,
        "增减率以上年数（差异率以预算数）为基数；所述比率只与以本年数（决算数）为基数相符",
    ),
    info(
        "amount.negative",
        Severity::Error,
        "总计、合计与“三公”经费各项及其预算不为负",
    ),
    info(
        "narrative.same-change",
        Severity::Warning,
        "总额与其每个组成部分所述增减额相同，似为照抄",
    ),
    info(
        "T5-T3.item-bound",
        Severity::Warning,
        "一般公共预算财政拨款支出（各科目）≤ 支出决算表同科目本年支出",
    ),
    info(
        "assets.vehicles-held-difference",
        Severity::Warning,
        "公务用车保有量与国有资产车辆数的差异应有说明",
    ),
    info(
        "wording.change-direction",
        Severity::Warning,
        "增加/增长、减少/下降须与数字方向一致",
    ),
    info(
        "wording.unchanged",
        Severity::Warning,
        "“持平”“无变化”仅用于没有变化时",
    ),
    info(
        "wording.budget-comparison",
        Severity::Warning,
        "决算数大于/小于/等于预算数的表述须与数字一致",
    ),
    info("year.title", Severity::Warning, "标题年度应为报告年度"),
    info(
        "year.heading",
        Severity::Warning,
        "章节标题年度应为报告年度",
    ),
    info(
        "year.prior",
        Severity::Warning,
        "“与上年相比”所指年度应为报告年度的上一年",
    ),
    info(
        "year.balance-date",
        Severity::Warning,
        "资产截止日期应为报告年度的 12 月 31 日",
    ),
    info(
        "template.placeholder",
        Severity::Warning,
        "模板占位符（XX、XXX）未替换",
    ),
    info(
        "code.malformed",
        Severity::Warning,
        "科目编码格式错误（类 3 位、款 5 位、项 7 位）",
    ),
    info(
        "code.unknown",
        Severity::Warning,
        "科目编码不在该年度科目目录中",
    ),
    info(
        "code.name-mismatch",
        Severity::Warning,
        "科目名称与科目目录不一致",
    ),
    info(
        "code.unresolved-item",
        Severity::Warning,
        "文中科目名称在科目目录中找不到，其数字无法归入科目（上级科目不再做合计核对）",
    ),
];

const fn info(id: &'static str, class: Severity, description: &'static str) -> RuleInfo {
    RuleInfo {
        id,
        class,
        description,
    }
}

pub(super) fn all() -> &'static [RuleInfo] {
    static ALL: OnceLock<Vec<RuleInfo>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut v: Vec<RuleInfo> = Vec::new();
        let mut push = |r: RuleInfo| {
            if !v.iter().any(|x: &RuleInfo| x.id == r.id) {
                v.push(r);
            }
        };
        for s in SUM_IDENTITIES {
            push(info(s.rule, Severity::Error, s.description));
        }
        for s in derived_sums() {
            push(info(&s.rule, Severity::Error, &s.description));
        }
        for b in BALANCE_IDENTITIES {
            push(info(b.rule, Severity::Error, b.description));
        }
        for t in FUNCTION_TABLES {
            push(info(
                t.rules.total,
                Severity::Error,
                "合计 = 各类之和（逐列）",
            ));
            push(info(
                t.rules.hierarchy,
                Severity::Error,
                "类 = 款之和 = 项之和（逐列）",
            ));
            push(info(t.rules.row, Severity::Error, "各行合计 = 各列之和"));
            push(info(
                t.rules.change_sum,
                Severity::Error,
                "各科目增减额之和 = 合计增减额",
            ));
            push(info(
                t.rules.prior_year_sum,
                Severity::Error,
                "各科目上年数之和 = 合计上年数",
            ));
        }
        for r in ROW_SUM_IDENTITIES {
            push(info(r.rule, Severity::Error, r.description));
        }
        for r in ROW_BALANCE_IDENTITIES {
            push(info(r.rule, Severity::Error, r.description));
        }
        for t in ECONOMIC_TABLES {
            push(info(
                t.hierarchy,
                Severity::Error,
                "经济分类类级 = 其款级之和",
            ));
            for g in t.groups {
                push(info(g.rule, Severity::Error, g.description));
            }
        }
        for e in EMPTY_TABLES {
            push(info(e.rule, e.severity, e.description));
        }
        for b in BOUNDS {
            push(info(b.rule, b.severity, b.description));
        }
        for r in OTHER_RULES {
            push(*r);
        }
        v
    })
}

/// A sum of figures that holds of last year's figures too, and so of the
/// changes: `<rule>.change-sum` (Σ parts' 增减额 = the total's) and
/// `<rule>.prior-year-sum` (Σ parts' 上年数 = the total's), for every
/// [`SUM_IDENTITIES`] entry whose total is a figure and that no entry
/// already states for changes (`staff.total-change`).
struct DerivedSum {
    /// The rule of the sum of figures.
    base: &'static str,
    rule: String,
    description: String,
    total: Key,
    parts: Vec<Key>,
}

/// The [`DerivedSum`]s, built once.
fn derived_sums() -> &'static [DerivedSum] {
    static DERIVED: OnceLock<Vec<DerivedSum>> = OnceLock::new();
    DERIVED.get_or_init(|| {
        let mut out = Vec::new();
        for s in SUM_IDENTITIES {
            let (Some(total), Some(parts)) = (
                key(s.total),
                s.parts.iter().map(|p| key(p)).collect::<Option<Vec<Key>>>(),
            ) else {
                continue;
            };
            if total.with_suffix(None) != total {
                continue;
            }
            for (suffix, name, what) in [
                (Suffix::Change, "change-sum", "增减额"),
                (Suffix::PriorYear, "prior-year-sum", "上年数"),
            ] {
                let derived = total.with_suffix(Some(suffix));
                let stated = SUM_IDENTITIES.iter().any(|x| key(x.total) == Some(derived));
                if stated {
                    continue;
                }
                out.push(DerivedSum {
                    base: s.rule,
                    rule: format!("{}.{name}", s.rule),
                    description: format!("{}（{what}同此）", s.description),
                    total: derived,
                    parts: parts.iter().map(|p| p.with_suffix(Some(suffix))).collect(),
                });
            }
        }
        out
    })
}

/// A stated amount with its id and location.
#[derive(Clone, Copy)]
struct Stated<'a> {
    id: &'a FactId,
    amount: Amount,
    span: Option<Span>,
}

impl<'a> Stated<'a> {
    /// `f`, stated for `id`, if it is an amount.
    fn new(id: &'a FactId, f: &'a Fact) -> Option<Stated<'a>> {
        Some(Stated {
            id,
            amount: f.value().as_amount()?,
            span: f.span(),
        })
    }

    /// `f` as a part of a sum: an amount, or a cell printed empty as a zero
    /// printed like `like` (so with its rounding).
    fn part(id: &'a FactId, f: &'a Fact, like: &Amount) -> Option<Stated<'a>> {
        Some(Stated {
            id,
            amount: as_part(f.value(), like)?,
            span: f.span(),
        })
    }
}

/// A value as a part of a sum: an amount as is, a cell printed empty
/// ([`Value::Blank`]) as a zero printed to the decimals of `like`.
fn as_part(v: &Value, like: &Amount) -> Option<Amount> {
    match v {
        Value::Amount(a) => Some(*a),
        Value::Blank => Some(Amount::zero(
            like.unit(),
            u32::try_from(like.decimals()).unwrap_or(0),
        )),
        _ => None,
    }
}

/// One stated entry: the id and its statements.
type Entry = (FactId, Statements);

/// The disclosure's entries, in schema order, looked up by key: a figure
/// and its suffixes are adjacent, a table column is a contiguous run.
#[derive(Clone, Copy)]
struct Ledger<'a> {
    entries: &'a [Entry],
    index: &'a Index,
}

/// Where each key and each base is among the entries, built once per audit
/// (a few thousand instructions) so that the hundreds of lookups the rules
/// make cost a hash probe rather than a binary search.
struct Index {
    /// Open addressing, linear probing: entry position + 1, 0 when empty.
    slots: Vec<u32>,
    /// Per base position in [`crate::BASES`]: the range of its entries.
    bases: Vec<(u32, u32)>,
}

impl Index {
    fn new(entries: &[Entry]) -> Index {
        let size = entries
            .len()
            .saturating_mul(2)
            .checked_next_power_of_two()
            .unwrap_or(usize::MAX / 2 + 1)
            .max(64);
        let mut slots = vec![0u32; size];
        let mut bases = vec![(0u32, 0u32); crate::fact::BASES.len()];
        let mask = size.wrapping_sub(1);
        for (i, (id, _)) in entries.iter().enumerate() {
            let key = id.key();
            let pos = u32::try_from(i).unwrap_or(u32::MAX);
            let mut at = Index::hash(key) & mask;
            while let Some(slot) = slots.get_mut(at) {
                if *slot == 0 {
                    *slot = pos.saturating_add(1);
                    break;
                }
                at = at.wrapping_add(1) & mask;
            }
            if let Some(range) = bases.get_mut(key.base_index()) {
                if range.1 == 0 {
                    range.0 = pos;
                }
                range.1 = pos.saturating_add(1);
            }
        }
        Index { slots, bases }
    }

    fn hash(key: Key) -> usize {
        // Fibonacci hashing: the high bits of the product are well mixed.
        (key.raw().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize
    }
}

impl<'a> Ledger<'a> {
    fn find(&self, key: Key) -> Option<&'a Entry> {
        let slots = &self.index.slots;
        let mask = slots.len().wrapping_sub(1);
        let mut at = Index::hash(key) & mask;
        loop {
            let pos = *slots.get(at)?;
            let entry = self.entries.get(pos.checked_sub(1)? as usize)?;
            if entry.0.key() == key {
                return Some(entry);
            }
            at = at.wrapping_add(1) & mask;
        }
    }

    /// The first statement of `key`.
    fn first(&self, key: Key) -> Option<(&'a FactId, &'a Fact)> {
        let (id, stmts) = self.find(key)?;
        Some((id, stmts.first()?))
    }

    fn amount(&self, key: Key) -> Option<Stated<'a>> {
        let (id, f) = self.first(key)?;
        Stated::new(id, f)
    }

    fn amount_of(&self, key: Option<Key>) -> Option<Stated<'a>> {
        self.amount(key?)
    }

    /// The first statement of `key` as a part of a sum (see [`as_part`]).
    fn part(&self, key: Key, like: &Amount) -> Option<Stated<'a>> {
        let (id, f) = self.first(key)?;
        Stated::part(id, f, like)
    }

    /// The statement of `key` printed on the same line as `near` (a cell of
    /// the same table row), else its first, as a part of a sum.
    fn part_near(&self, key: Key, like: &Amount, near: Option<Span>) -> Option<Stated<'a>> {
        let (id, stmts) = self.find(key)?;
        let f = match stmts.as_slice() {
            [one] => one,
            many => {
                let same_line = |f: &&Fact| {
                    f.span().zip(near).is_some_and(|(a, b)| {
                        a.page == b.page && a.line == b.line && a.start != b.start
                    })
                };
                many.iter().find(same_line).or_else(|| many.first())?
            }
        };
        Stated::part(id, f, like)
    }

    /// Whether any row of the column `template` (its base and suffix) is
    /// stated, figure or cell printed empty.
    fn has_column(&self, template: Key) -> bool {
        self.base(template.base_index())
            .iter()
            .any(|(id, _)| template.with_slot_of(id.key()) == id.key())
    }

    /// Every entry of the base at `index` in [`crate::BASES`].
    fn base(&self, index: usize) -> &'a [Entry] {
        let (lo, hi) = self.index.bases.get(index).copied().unwrap_or((0, 0));
        self.entries.get(lo as usize..hi as usize).unwrap_or(&[])
    }

    /// The stated amounts of one table column (`template`: its base and
    /// suffix), in table order.
    fn column(&self, template: Key) -> Vec<Row<'a>> {
        let base = self.base(template.base_index());
        let mut rows = Vec::with_capacity(base.len());
        rows.extend(
            base.iter()
                .filter(|(id, _)| template.with_slot_of(id.key()) == id.key())
                .filter_map(|(id, stmts)| {
                    Some(Row {
                        code: id.function_code()?,
                        stated: Stated::new(id, stmts.first()?)?,
                    })
                }),
        );
        rows
    }
}

/// One row of a table column.
#[derive(Clone, Copy)]
struct Row<'a> {
    code: FunctionCode,
    stated: Stated<'a>,
}

/// A function table with its columns as keys.
struct TablePlan {
    table: &'static FunctionTable,
    /// Positions in [`crate::BASES`] of the bases under the table's prefix.
    bases: Vec<usize>,
    /// Each column of `table.columns`: its key (base and suffix; any slot)
    /// and the key of its 合计.
    columns: Vec<(Key, Option<Key>)>,
    /// The columns outside the row sum, likewise.
    other_columns: Vec<(Key, Option<Key>)>,
    /// The first column's `.change`.
    change: Option<Key>,
    total: Option<Key>,
    total_change: Option<Key>,
}

/// Every identity's fact ids turned into keys once.
struct Plan {
    sums: Vec<(&'static SumIdentity, Key, Vec<Key>)>,
    /// Per [`ROW_SUM_IDENTITIES`] entry: the total's row template and the
    /// parts' (any code).
    row_sums: Vec<(&'static str, &'static str, Key, Vec<Key>)>,
    /// Per [`ROW_BALANCE_IDENTITIES`] entry: opening, revenue, expenditure,
    /// closing row templates.
    row_balances: Vec<(&'static str, &'static str, [Key; 4])>,
    economic: Vec<EconomicPlan>,
    /// Per [`EMPTY_TABLES`] entry: the note's key and the bases under its
    /// prefixes (positions in [`crate::BASES`], with a code slot to match
    /// when the prefix names one code).
    empties: Vec<EmptyPlan>,
    balances: Vec<(&'static BalanceIdentity, [Key; 4])>,
    bounds: Vec<(&'static Bound, Key, Key)>,
    tables: Vec<TablePlan>,
    /// Per base position: the whole its `.share` refers to, and whether
    /// only 类 rows have one.
    share_wholes: Vec<Option<(Key, bool)>>,
    /// A base whose budget is another figure: (its key, the budget's key).
    budget_elsewhere: Option<(Key, Key)>,
    /// Parts that count as zero when not stated: [`ABSENT_IS_ZERO`]
    /// (no count), [`ZERO_BY_COUNT`] (with the count that must be zero).
    zero_parts: Vec<(Key, Option<Key>)>,
    /// [`NON_NEGATIVE`].
    non_negative: Vec<Key>,
    general_budget_rows: Option<Key>,
    expenditure_rows: Option<Key>,
    expenditure_bases: Vec<usize>,
    vehicles_held: Option<Key>,
    vehicles_held_reason: Option<Key>,
    asset_vehicles: Option<Key>,
    placeholder: Option<Key>,
    years: [(&'static str, &'static str, i64, &'static str, Option<Key>); 3],
    balance_date: Option<Key>,
}

fn key(id: &str) -> Option<Key> {
    FactId::new(id).ok().map(|f| f.key())
}

/// The positions of the bases whose ids start with `prefix`.
fn bases_under(prefix: &str) -> Vec<usize> {
    crate::fact::BASES
        .iter()
        .enumerate()
        .filter(|(_, b)| b.pattern.starts_with(prefix))
        .map(|(i, _)| i)
        .collect()
}

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| {
        let sums = SUM_IDENTITIES
            .iter()
            .filter_map(|s| {
                let parts: Option<Vec<Key>> = s.parts.iter().map(|p| key(p)).collect();
                Some((s, key(s.total)?, parts?))
            })
            .collect();
        let balances = BALANCE_IDENTITIES
            .iter()
            .filter_map(|b| {
                Some((
                    b,
                    [
                        key(b.opening)?,
                        key(b.revenue)?,
                        key(b.expenditure)?,
                        key(b.closing)?,
                    ],
                ))
            })
            .collect();
        let bounds = BOUNDS
            .iter()
            .filter_map(|b| Some((b, key(b.part)?, key(b.whole)?)))
            .collect();
        // A class code stands for any code: only the base and suffix count.
        let row = |prefix: &str, col: &str| key(&format!("{prefix}205{col}"));
        let tables = FUNCTION_TABLES
            .iter()
            .map(|t| TablePlan {
                table: t,
                bases: bases_under(t.prefix),
                columns: t
                    .columns
                    .iter()
                    .filter_map(|(col, total)| Some((row(t.prefix, col)?, total.and_then(key))))
                    .collect(),
                other_columns: t
                    .other_columns
                    .iter()
                    .filter_map(|(col, total)| Some((row(t.prefix, col)?, total.and_then(key))))
                    .collect(),
                change: row(t.prefix, ".change"),
                total: t.total.and_then(key),
                total_change: t.total.and_then(|id| key(&cat(id, ".change"))),
            })
            .collect();
        let mut share_wholes = vec![None; crate::fact::BASES.len()];
        for (pattern, whole) in SHARE_BASES {
            let (base, class_only) = match pattern.strip_suffix("{class}") {
                Some(prefix) => (key(&format!("{prefix}205")), true),
                None => (key(pattern), false),
            };
            if let (Some(base), Some(whole)) = (base, key(whole)) {
                if let Some(slot) = share_wholes.get_mut(base.base_index()) {
                    *slot = Some((whole, class_only));
                }
            }
        }
        let fy = |rule, id, offset, what| (rule, id, offset, what, key(id));
        let row_sums = ROW_SUM_IDENTITIES
            .iter()
            .filter_map(|r| {
                let parts: Option<Vec<Key>> = r.parts.iter().map(|p| row(p, "")).collect();
                Some((r.rule, r.description, row(r.total, "")?, parts?))
            })
            .collect();
        let row_balances = ROW_BALANCE_IDENTITIES
            .iter()
            .filter_map(|b| {
                Some((
                    b.rule,
                    b.description,
                    [
                        row(b.prefix, b.opening)?,
                        row(b.prefix, b.revenue)?,
                        row(b.prefix, b.expenditure)?,
                        row(b.prefix, b.closing)?,
                    ],
                ))
            })
            .collect();
        let economic = ECONOMIC_TABLES
            .iter()
            .filter_map(|t| {
                Some(EconomicPlan {
                    table: t,
                    rows: key(&format!("{}30101", t.prefix))?.base_index(),
                    groups: t
                        .groups
                        .iter()
                        .filter_map(|g| Some((key(g.total)?, g)))
                        .collect(),
                })
            })
            .collect();
        let empties = EMPTY_TABLES
            .iter()
            .filter_map(|e| {
                let mut bases = Vec::new();
                for prefix in e.prefixes {
                    match key(prefix) {
                        // A whole id: that base, that slot.
                        Some(k) => bases.push((k.base_index(), Some(k))),
                        None => bases.extend(bases_under(prefix).into_iter().map(|b| (b, None))),
                    }
                }
                Some(EmptyPlan {
                    rule: e.rule,
                    severity: e.severity,
                    description: e.description,
                    note: key(e.note)?,
                    bases,
                })
            })
            .collect();
        Plan {
            sums,
            row_sums,
            row_balances,
            economic,
            empties,
            balances,
            bounds,
            tables,
            share_wholes,
            budget_elsewhere: key("appropriation.revenue_total")
                .zip(key("appropriation.initial_budget")),
            zero_parts: ABSENT_IS_ZERO
                .iter()
                .filter_map(|p| Some((key(p)?, None)))
                .chain(
                    ZERO_BY_COUNT
                        .iter()
                        .filter_map(|(p, c)| Some((key(p)?, Some(key(c)?)))),
                )
                .collect(),
            non_negative: NON_NEGATIVE.iter().filter_map(|id| key(id)).collect(),
            general_budget_rows: key("general_budget.function.205"),
            expenditure_rows: key("expenditure.function.205"),
            expenditure_bases: bases_under("expenditure.function."),
            vehicles_held: key("three_public.vehicles_held"),
            vehicles_held_reason: key("three_public.vehicles_held.reason"),
            asset_vehicles: key("assets.vehicles"),
            placeholder: key("document.placeholder"),
            years: [
                fy("year.title", "document.title_year", 0, "the report year"),
                fy(
                    "year.heading",
                    "document.heading_year",
                    0,
                    "the report year",
                ),
                fy(
                    "year.prior",
                    "document.prior_year",
                    -1,
                    "the year before the report year",
                ),
            ],
            balance_date: key("document.balance_date"),
        }
    })
}

/// An [`EconomicTable`] with its keys.
struct EconomicPlan {
    table: &'static EconomicTable,
    /// Position in [`crate::BASES`] of the rows' base.
    rows: usize,
    groups: Vec<(Key, &'static super::identities::EconomicGroup)>,
}

/// An [`super::identities::EmptyTable`] with its keys.
struct EmptyPlan {
    rule: &'static str,
    severity: Severity,
    description: &'static str,
    note: Key,
    bases: Vec<(usize, Option<Key>)>,
}

/// `base` followed by `suffix`.
fn cat(base: &str, suffix: &str) -> String {
    let mut s = String::with_capacity(base.len().saturating_add(suffix.len()));
    s.push_str(base);
    s.push_str(suffix);
    s
}

/// The keys of the ids a finding names.
fn owned<'a>(ids: impl IntoIterator<Item = &'a FactId>) -> Vec<Key> {
    ids.into_iter().map(FactId::key).collect()
}

/// How the numbers of a [`Verdict`] are typed: amounts in a unit, or
/// percentages.
#[derive(Debug, Clone, Copy)]
enum Like {
    Amount(Unit),
    Percent,
}

/// `d` typed as `like`, printed at its own scale; a zero without sign.
fn typed(d: Decimal, like: Like) -> Quantity {
    let mut d = d;
    if d.is_zero() {
        d.set_sign_positive(true);
    }
    match like {
        Like::Amount(unit) => Quantity::Amount(Amount::new(d, unit)),
        Like::Percent => Quantity::Percent(Percent::new(d)),
    }
}

/// The end of a comparison's message, every figure in the one format of
/// [`Quantity`]'s `Display`: "expected 68,369.45, found 68,369.46:
/// difference 0.01 within rounding tolerance 0.02".
fn judged(
    outcome: Outcome,
    expected: Option<&Quantity>,
    actual: &Quantity,
    difference: Option<&Quantity>,
    tolerance: &Quantity,
) -> String {
    let (Some(e), Some(d)) = (expected, difference) else {
        return format!("found {actual} on a base of zero: the rate is undefined");
    };
    let a = actual;
    let t = tolerance;
    match outcome {
        Outcome::Exact => format!("found {a}, as expected"),
        Outcome::WithinRounding => {
            format!("expected {e}, found {a}: difference {d} within rounding tolerance {t}")
        }
        Outcome::Truncated => format!(
            "expected {e}, found {a}: difference {d} exceeds rounding tolerance {t}, \
             but matches truncation"
        ),
        Outcome::ZeroBase => format!("found {a} on a base of zero: the rate is undefined"),
        _ => format!("expected {e}, found {a}: difference {d} exceeds rounding tolerance {t}"),
    }
}

/// Turns the result of a check into a finding (none when exact). `what`
/// writes the start of the message, only if the finding is read. A check
/// that could not be computed (figures beyond the range of exact decimals)
/// is a finding of the rule's class too: never silently fine.
fn report(
    sink: &mut Sink<'_>,
    rule: &'static str,
    class: Severity,
    (result, like): (Result<Verdict, AmountError>, Like),
    span: Option<Span>,
    facts: impl FnOnce() -> Vec<Key>,
    what: impl Fn() -> String + Send + Sync + 'static,
) {
    let verdict = match result {
        Ok(v) => v,
        Err(e) => {
            unjudged(sink, rule, class, span, facts, what, Some(e));
            return;
        }
    };
    let (rule, severity) = match verdict.outcome() {
        Outcome::Exact => return,
        Outcome::WithinRounding => (rule, Severity::Info),
        Outcome::ZeroBase => ("rate.zero-base", Severity::Warning),
        Outcome::Truncated => ("rate.truncated", Severity::Warning),
        _ => (rule, class),
    };
    sink.push(rule, severity, span, facts, move || {
        verdict_texts(&verdict, &what(), like)
    });
}

/// A check whose figures are beyond what it can compute exactly (sums or
/// products past about 7.9 × 10²⁸): a finding of the rule's class, since
/// figures that cannot be checked cannot be taken as consistent.
fn unjudged(
    sink: &mut Sink<'_>,
    rule: &'static str,
    class: Severity,
    span: Option<Span>,
    facts: impl FnOnce() -> Vec<Key>,
    what: impl Fn() -> String + Send + Sync + 'static,
    reason: Option<AmountError>,
) {
    sink.push(rule, class, span, facts, move || Texts {
        message: match &reason {
            Some(e) => format!(
                "{}: cannot be checked, the figures are out of range ({e})",
                what()
            ),
            None => format!(
                "{}: cannot be checked, the figures are out of range",
                what()
            ),
        },
        ..Texts::default()
    });
}

/// A finding's texts from its verdict, after `what` was checked, its
/// numbers typed as `like`; the tolerance at the precision of the
/// difference.
fn verdict_texts(v: &Verdict, what: &str, like: Like) -> Texts {
    let expected = v.expected().map(|d| typed(d, like));
    let actual = typed(v.actual(), like);
    let difference = v.difference().map(|d| typed(d, like));
    let tolerance = Quantity::tolerance_like(v.tolerance(), difference.as_ref().unwrap_or(&actual));
    Texts {
        message: format!(
            "{what}: {}",
            judged(
                v.outcome(),
                expected.as_ref(),
                &actual,
                difference.as_ref(),
                &tolerance
            )
        ),
        expected,
        actual: Some(actual),
        difference,
        tolerance: Some(tolerance),
    }
}

/// The label of the fact `key` stands for.
fn label_of(key: Key) -> String {
    key.id().map(|id| id.label()).unwrap_or_default()
}

/// A stated percentage against the ratio of two stated figures `(a, b)`.
/// Exact and within-rounding outcomes are decided in integers, and the
/// verdict of a within-rounding one is built only when its finding is
/// read; anything else is judged by the check function at once.
fn ratio_rule(
    sink: &mut Sink<'_>,
    rule: &'static str,
    kind: RatioKind,
    (a, b, rate): (Amount, Amount, Percent),
    span: Option<Span>,
    facts: impl FnOnce() -> Vec<Key>,
    what: impl Fn() -> String + Send + Sync + 'static,
) {
    let verdict = move || match kind {
        RatioKind::Share => check_share(&a, &b, &rate),
        RatioKind::Change => check_change(&a, &b, &rate),
        RatioKind::Variance => check_variance_rate(&a, &b, &rate),
    };
    match ratio_outcome(kind, &a, &b, &rate) {
        Some(Outcome::Exact) => {}
        Some(Outcome::WithinRounding) => {
            sink.push(rule, Severity::Info, span, facts, move || match verdict() {
                Ok(v) => verdict_texts(&v, &what(), Like::Percent),
                Err(e) => Texts {
                    message: format!("{}: {e}", what()),
                    ..Texts::default()
                },
            })
        }
        _ => {
            let v = verdict();
            if let (RatioKind::Change, Ok(judged)) = (kind, &v) {
                let fit = (judged.outcome() == Outcome::Inconsistent)
                    .then(|| on_this_year(&a, &b, &rate))
                    .flatten();
                if let Some(fit) = fit {
                    let judged = *judged;
                    // A change rate's base is last year's figure; a
                    // variance rate's (read without its budget) the budget.
                    let base = if rule == "narrative.change-rate" {
                        "this year's figure instead of last year's"
                    } else {
                        "the final figure instead of the budget"
                    };
                    sink.push("rate.wrong-base", Severity::Error, span, facts, move || {
                        let mut texts = verdict_texts(&judged, &what(), Like::Percent);
                        texts.message = format!(
                            "{}; it is the difference divided by {base}: {fit}",
                            texts.message
                        );
                        texts
                    });
                    return;
                }
            }
            report(
                sink,
                rule,
                Severity::Error,
                (v, Like::Percent),
                span,
                facts,
                what,
            );
        }
    }
}

/// A stated change rate that fits `change / current` (this year's figure as
/// the base, where last year's belongs): that ratio as printed
/// ("84.55 / 476.17 = 17.76%"), when it fits within rounding and has the
/// stated sign.
fn on_this_year(current: &Amount, change: &Amount, rate: &Percent) -> Option<String> {
    if change.is_zero() || rate.value().is_zero() {
        return None;
    }
    if change.value().is_sign_negative() != rate.value().is_sign_negative() {
        return None;
    }
    let magnitude = |a: &Amount| {
        if a.value().is_sign_negative() {
            a.negated()
        } else {
            *a
        }
    };
    let rate_abs = if rate.value().is_sign_negative() {
        rate.negated()
    } else {
        *rate
    };
    let change_abs = magnitude(change);
    let v = check_share(&change_abs, current, &rate_abs).ok()?;
    matches!(v.outcome(), Outcome::Exact | Outcome::WithinRounding).then(|| {
        format!(
            "{} / {} = {}",
            change_abs.printed(),
            current.printed(),
            v.expected().map_or_else(
                || rate_abs.to_string(),
                |e| Percent::new(round_half_away_from_zero(e, rate_abs.decimals())).to_string()
            )
        )
    })
}

/// Whether the part `part`, when not stated, counts as zero: `Some(None)`
/// for one of [`ABSENT_IS_ZERO`], `Some(Some(count))` for one of
/// [`ZERO_BY_COUNT`] whose count is stated as zero (the count is then among
/// the finding's facts).
fn zero_count<'a>(ledger: Ledger<'a>, part: Key) -> Option<Option<&'a FactId>> {
    let (_, count) = plan().zero_parts.iter().find(|(k, _)| *k == part)?;
    let Some(count) = count else {
        return Some(None);
    };
    let (count_id, f) = ledger.first(*count)?;
    (f.value().as_count() == Some(0)).then_some(Some(count_id))
}

/// `total = Σ parts` over stated facts (amounts, or exact counts). Whether
/// the figures break it (an error was reported).
fn sum_rule(
    ledger: Ledger<'_>,
    sink: &mut Sink<'_>,
    rule: &'static str,
    description: &'static str,
    total_key: Key,
    part_keys: &[Key],
) -> bool {
    if !sink.enabled(rule) {
        return false;
    }
    let Some((total_id, total)) = ledger.first(total_key) else {
        return false;
    };
    let Some((parts, zeros)) = stated_parts(ledger, part_keys) else {
        return false;
    };
    let facts = || {
        owned(
            std::iter::once(total_id)
                .chain(
                    parts
                        .iter()
                        .filter_map(|k| ledger.find(*k).map(|(id, _)| id)),
                )
                .chain(zeros.iter().copied()),
        )
    };
    let label = total_id.key();
    match total.value() {
        Value::Amount(t) => {
            let amount = |k: &Key| ledger.first(*k).and_then(|(_, f)| as_part(f.value(), t));
            let mut exact = ExactSum::new(t);
            for k in &parts {
                let Some(a) = amount(k) else {
                    return false;
                };
                exact.add(&a);
            }
            if exact.is_exact() {
                return false;
            }
            let amounts: Vec<Amount> = parts.iter().filter_map(amount).collect();
            let t = *t;
            let result = check_sum(&t, &amounts);
            // Figures out of range are reported, and count as broken.
            let failed = result
                .as_ref()
                .map_or(true, |v| !v.outcome().is_consistent());
            report(
                sink,
                rule,
                Severity::Error,
                (result, Like::Amount(t.unit())),
                total.span(),
                facts,
                move || format!("{description}: {} {}", label_of(label), t.printed()),
            );
            failed
        }
        Value::Count(_) | Value::SignedCount(_) => {
            // In 128 bits: the sum of a few 64-bit counts, and its
            // difference from the total, cannot overflow there.
            let mut expected: i128 = 0;
            for k in &parts {
                let Some(n) = ledger.first(*k).and_then(|(_, f)| wide_count(f.value())) else {
                    return false;
                };
                expected = expected.saturating_add(n);
            }
            let Some(t) = wide_count(total.value()) else {
                return false;
            };
            if expected != t {
                let difference = t.saturating_sub(expected);
                let (expected, t, difference) = (
                    Quantity::Count(expected),
                    Quantity::Count(t),
                    Quantity::Count(difference),
                );
                sink.push(rule, Severity::Error, total.span(), facts, move || Texts {
                    message: format!(
                        "{description}: {} {t}, but the parts sum to {expected}: difference {difference}, tolerance 0",
                        label_of(label),
                    ),
                    expected: Some(expected.clone()),
                    actual: Some(t.clone()),
                    difference: Some(difference.clone()),
                    tolerance: Some(Quantity::Count(0)),
                });
                return true;
            }
            false
        }
        _ => false,
    }
}

/// The parts of a sum as stated: each part that is stated; none for one
/// that is zero when absent ([`zero_count`]: its count, if any, is in the
/// second list); for a part that is not stated but is itself the total of
/// a sum identity (公务用车购置及运行维护费 of 购置费 and 运行维护费), that
/// identity's stated parts. `None` when a part is not stated and cannot
/// be had so.
fn stated_parts<'a>(ledger: Ledger<'a>, part_keys: &[Key]) -> Option<(Vec<Key>, Vec<&'a FactId>)> {
    let mut parts = Vec::with_capacity(part_keys.len());
    let mut zeros = Vec::new();
    for &k in part_keys {
        if ledger.find(k).is_some() {
            parts.push(k);
        } else if let Some(count) = zero_count(ledger, k) {
            zeros.extend(count);
        } else {
            let judged = |sub: &[Key]| {
                sub.iter()
                    .all(|s| ledger.find(*s).is_some() || zero_count(ledger, *s).is_some())
            };
            let sub = plan()
                .sums
                .iter()
                .map(|(_, total, sub)| (*total, sub))
                .chain(derived_sums().iter().map(|d| (d.total, &d.parts)))
                .find(|(total, sub)| *total == k && judged(sub))
                .map(|(_, sub)| sub)?;
            for &s in sub {
                if ledger.find(s).is_some() {
                    parts.push(s);
                } else {
                    zeros.extend(zero_count(ledger, s).flatten());
                }
            }
        }
    }
    Some((parts, zeros))
}

pub(super) fn run(d: &Disclosure, sink: &mut Sink<'_>) {
    let index = Index::new(d.entries());
    let ledger = Ledger {
        entries: d.entries(),
        index: &index,
    };
    let plan = plan();
    let mut broken: Vec<&str> = Vec::new();
    for (s, total, parts) in &plan.sums {
        if sum_rule(ledger, sink, s.rule, s.description, *total, parts) {
            broken.push(s.rule);
        }
    }
    for s in derived_sums() {
        // When this year's figures break the sum, its changes do too: no
        // second finding for the same fault.
        if !broken.contains(&s.base) {
            sum_rule(ledger, sink, &s.rule, &s.description, s.total, &s.parts);
        }
    }
    for (b, keys) in &plan.balances {
        balance(ledger, sink, b.rule, b.description, *keys);
    }
    for t in &plan.tables {
        function_table(ledger, sink, t);
    }
    row_sums(ledger, sink, plan);
    row_balances(ledger, sink, plan);
    for t in &plan.economic {
        economic_table(ledger, sink, t);
    }
    empty_tables(ledger, sink, plan);
    for (b, part, whole) in &plan.bounds {
        bound(
            ledger,
            sink,
            b.rule,
            b.severity,
            b.description,
            ledger.first(*part),
            ledger.first(*whole),
        );
    }
    item_bound(ledger, sink, plan);
    part_bounds(ledger, sink, plan);
    non_negative(ledger, sink, plan);
    same_changes(ledger, sink, plan);
    restatements(ledger, sink);
    suffixed(ledger, sink, plan);
    vehicles_held(ledger, sink, plan);
    years(d, ledger, sink, plan);
    codes(d, ledger, sink);
}

/// `closing = opening + revenue − expenditure` over the four keys (cells
/// printed empty count as zero; at least one must be an amount).
fn balance(
    ledger: Ledger<'_>,
    sink: &mut Sink<'_>,
    rule: &'static str,
    description: &'static str,
    [opening, revenue, expenditure, closing]: [Key; 4],
) {
    if !sink.enabled(rule) {
        return;
    }
    // Any stated amount sets how a cell printed empty is printed.
    let Some(like) = [opening, revenue, expenditure, closing]
        .into_iter()
        .find_map(|k| ledger.amount(k))
        .map(|s| s.amount)
    else {
        return;
    };
    let (Some(o), Some(r), Some(e), Some(c)) = (
        ledger.part(opening, &like),
        ledger.part(revenue, &like),
        ledger.part(expenditure, &like),
        ledger.part(closing, &like),
    ) else {
        return;
    };
    // closing = opening + revenue − expenditure.
    let mut exact = ExactSum::new(&c.amount);
    exact.add(&o.amount);
    exact.add(&r.amount);
    exact.sub(&e.amount);
    if exact.is_exact() {
        return;
    }
    {
        let (description, label, printed) = (description, c.id.key(), c.amount);
        report(
            sink,
            rule,
            Severity::Error,
            (
                check_sum(&c.amount, &[o.amount, r.amount, e.amount.negated()]),
                Like::Amount(c.amount.unit()),
            ),
            c.span,
            || owned([c.id, o.id, r.id, e.id]),
            move || format!("{description}: {} {}", label_of(label), printed.printed()),
        );
    }
}

/// The stated rows directly below row `i` of `rows` (in table order): its
/// children if any is stated, else its grandchildren (a 类 whose 款 rows
/// the text skips). Descendants follow a row directly in table order.
fn below<'r, 'a>(rows: &'r [Row<'a>], i: usize, into: &mut Vec<&'r Row<'a>>) {
    into.clear();
    let (Some(node), Some(after)) = (rows.get(i), rows.get(i.saturating_add(1)..)) else {
        return;
    };
    let (end, level) = (node.code.subtree_end(), node.code.level() as u8);
    let subtree = after.iter().take_while(|r| r.code.ordinal() < end);
    into.extend(
        subtree
            .clone()
            .filter(|r| r.code.level() as u8 == level.saturating_add(1)),
    );
    if into.is_empty() {
        into.extend(subtree.filter(|r| r.code.level() as u8 == level.saturating_add(2)));
    }
}

/// Whether `total` is stated with its parts exactly (then there is nothing
/// to report and no verdict to build).
fn adds_up<'x>(total: &Amount, parts: impl IntoIterator<Item = &'x Amount>) -> bool {
    let mut exact = ExactSum::new(total);
    for p in parts {
        exact.add(p);
    }
    exact.is_exact()
}

fn function_table(ledger: Ledger<'_>, sink: &mut Sink<'_>, tp: &TablePlan) {
    let t = tp.table;
    let incomplete: Vec<FunctionCode> = tp
        .bases
        .iter()
        .flat_map(|b| ledger.base(*b))
        .filter(|(id, _)| id.suffix() == Some(Suffix::UnresolvedItem))
        .filter_map(|(id, _)| id.function_code())
        .collect();
    let complete = |node: FunctionCode| {
        !incomplete
            .iter()
            .any(|u| *u == node || node.is_ancestor_of(*u))
    };
    let columns: Vec<(Key, Vec<Row<'_>>, Option<Key>)> = tp
        .columns
        .iter()
        .map(|(k, total)| (*k, ledger.column(*k), *total))
        .collect();
    let other_columns: Vec<(Key, Vec<Row<'_>>, Option<Key>)> = tp
        .other_columns
        .iter()
        .map(|(k, total)| (*k, ledger.column(*k), *total))
        .collect();
    let mut kids = Vec::new();
    for (_, rows, total_key) in columns.iter().chain(&other_columns) {
        if rows.is_empty() {
            continue;
        }
        // 合计 = Σ 类.
        if let Some(total) = ledger.amount_of(*total_key) {
            let classes: Vec<&Row<'_>> = rows
                .iter()
                .filter(|r| r.code.level() == CodeLevel::Class)
                .collect();
            if !classes.is_empty()
                && sink.enabled(t.rules.total)
                && !adds_up(&total.amount, classes.iter().map(|r| &r.stated.amount))
            {
                let parts: Vec<Amount> = classes.iter().map(|r| r.stated.amount).collect();
                {
                    let v = check_sum(&total.amount, &parts);
                    let (name, n, label, printed) =
                        (t.name, classes.len(), total.id.key(), total.amount);
                    report(
                        sink,
                        t.rules.total,
                        Severity::Error,
                        (v, Like::Amount(total.amount.unit())),
                        total.span,
                        || {
                            owned(
                                std::iter::once(total.id)
                                    .chain(classes.iter().map(|r| r.stated.id)),
                            )
                        },
                        move || {
                            format!(
                                "{name}合计 = Σ {n} 类: {} {}",
                                label_of(label),
                                printed.printed()
                            )
                        },
                    );
                }
            }
        }
        // 类 = Σ 款 = Σ 项.
        if sink.enabled(t.rules.hierarchy) {
            let mut parts = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                below(rows, i, &mut kids);
                if kids.is_empty()
                    || adds_up(&row.stated.amount, kids.iter().map(|r| &r.stated.amount))
                    || !complete(row.code)
                {
                    continue;
                }
                parts.clear();
                parts.extend(kids.iter().map(|r| r.stated.amount));
                {
                    let v = check_sum(&row.stated.amount, &parts);
                    let (name, code, n, printed) =
                        (t.name, row.code, kids.len(), row.stated.amount);
                    report(
                        sink,
                        t.rules.hierarchy,
                        Severity::Error,
                        (v, Like::Amount(row.stated.amount.unit())),
                        row.stated.span,
                        || {
                            owned(
                                std::iter::once(row.stated.id)
                                    .chain(kids.iter().map(|r| r.stated.id)),
                            )
                        },
                        move || {
                            format!(
                                "{name} {code} = Σ {n} 个下级科目: stated {}",
                                printed.printed()
                            )
                        },
                    );
                }
            }
        }
    }
    let Some(((_, first, _), others)) = columns.split_first() else {
        return;
    };
    // Each row = Σ its other columns (all of them stated; a table read from
    // a document states its empty cells too).
    let others: Vec<Key> = others
        .iter()
        .filter(|(k, rows, _)| !rows.is_empty() || ledger.has_column(*k))
        .map(|(k, _, _)| *k)
        .collect();
    let all_columns = others.len().saturating_add(1) == t.columns.len();
    if all_columns && !others.is_empty() && sink.enabled(t.rules.row) {
        let mut cells = Vec::with_capacity(others.len());
        for row in first {
            cells.clear();
            for col in &others {
                match ledger.part_near(
                    col.with_slot_of(row.stated.id.key()),
                    &row.stated.amount,
                    row.stated.span,
                ) {
                    Some(c) => cells.push(c),
                    None => break,
                }
            }
            if cells.len() != others.len()
                || adds_up(&row.stated.amount, cells.iter().map(|c| &c.amount))
            {
                continue;
            }
            let parts: Vec<Amount> = cells.iter().map(|c| c.amount).collect();
            {
                let v = check_sum(&row.stated.amount, &parts);
                let (name, code, printed) = (t.name, row.code, row.stated.amount);
                report(
                    sink,
                    t.rules.row,
                    Severity::Error,
                    (v, Like::Amount(row.stated.amount.unit())),
                    row.stated.span,
                    || owned(std::iter::once(row.stated.id).chain(cells.iter().map(|c| c.id))),
                    move || {
                        format!(
                            "{name} {code} 行合计 = 各列之和: stated {}",
                            printed.printed()
                        )
                    },
                );
            }
        }
    }
    if let Some(change) = tp.change {
        let changes = ledger.column(change);
        if !changes.is_empty() && incomplete.is_empty() {
            change_sums(ledger, sink, tp, first, &changes);
        }
    }
}

/// Σ changes (and Σ last years) of the most detailed rows stated with a
/// change = the table total's change (and last year).
fn change_sums(
    ledger: Ledger<'_>,
    sink: &mut Sink<'_>,
    tp: &TablePlan,
    first: &[Row<'_>],
    changes: &[Row<'_>],
) {
    let t = tp.table;
    let (Some(total), Some(total_change)) = (
        ledger.amount_of(tp.total),
        ledger.amount_of(tp.total_change),
    ) else {
        return;
    };
    // Leaves: rows with a change and no stated descendant with a change
    // (which would follow them directly).
    let leaves: Vec<&Row<'_>> = changes
        .iter()
        .enumerate()
        .filter(|(i, r)| {
            changes
                .get(i.saturating_add(1))
                .is_none_or(|next| next.code.ordinal() >= r.code.subtree_end())
        })
        .map(|(_, r)| r)
        .collect();
    // They must cover every class of the table.
    let mut classes = first
        .iter()
        .filter(|r| r.code.level() == CodeLevel::Class)
        .peekable();
    let covered = classes.peek().is_some()
        && classes.all(|cl| {
            let (lo, hi) = (cl.code.ordinal(), cl.code.subtree_end());
            leaves.iter().any(|l| (lo..hi).contains(&l.code.ordinal()))
        });
    if !covered {
        return;
    }
    let change_parts: Vec<Amount> = leaves.iter().map(|l| l.stated.amount).collect();
    if adds_up(&total_change.amount, &change_parts) {
        // Exact: nothing to report.
    } else if sink.enabled(t.rules.change_sum) {
        let v = check_sum(&total_change.amount, &change_parts);
        {
            let (n, label, printed) = (
                change_parts.len(),
                total_change.id.key(),
                total_change.amount,
            );
            report(
                sink,
                t.rules.change_sum,
                Severity::Error,
                (v, Like::Amount(total_change.amount.unit())),
                total_change.span,
                || {
                    owned(
                        std::iter::once(total_change.id).chain(leaves.iter().map(|l| l.stated.id)),
                    )
                },
                move || {
                    format!(
                        "Σ {n} 个科目增减额 = {}: stated {}",
                        label_of(label),
                        printed.printed()
                    )
                },
            );
        }
    }
    // Last years: Σ (x − Δ) over leaves vs total − total change. As a sum
    // check on the total: total = Δtotal + Σ x − Σ Δ, every figure's
    // rounding counted once.
    let Some(first_column) = first.first().map(|r| r.stated.id.key()) else {
        return;
    };
    let mut parts = Vec::with_capacity(leaves.len().saturating_mul(2).saturating_add(1));
    parts.push(total_change.amount);
    let mut prior_ids = Vec::with_capacity(leaves.len().saturating_mul(2).saturating_add(2));
    prior_ids.extend([total.id, total_change.id]);
    for l in &leaves {
        let Some(x) = ledger.amount(first_column.with_slot_of(l.stated.id.key())) else {
            return;
        };
        parts.push(x.amount);
        parts.push(l.stated.amount.negated());
        prior_ids.push(x.id);
        prior_ids.push(l.stated.id);
    }
    if !sink.enabled(t.rules.prior_year_sum) || adds_up(&total.amount, &parts) {
        return;
    }
    let (n, total_printed, change_printed) = (leaves.len(), total.amount, total_change.amount);
    let what = move || {
        format!(
            "Σ {n} 个科目上年数 = 合计上年数: {} − {}",
            total_printed.printed(),
            change_printed.printed()
        )
    };
    let checked = check_sum(&total.amount, &parts).and_then(|v| {
        // Both in the total's unit, as the verdict is.
        let change = total_change.amount.to_unit(total.amount.unit())?;
        let stated_prior = total.amount.value().checked_sub(change.value());
        let sum_prior = stated_prior
            .zip(v.difference())
            .and_then(|(p, d)| p.checked_sub(d));
        stated_prior
            .zip(sum_prior)
            .map(|(p, s)| (v, p, s))
            .ok_or_else(|| AmountError::overflow(what()))
    });
    let (v, stated_prior, sum_prior) = match checked {
        Ok(found) => found,
        Err(_) => {
            let rule = t.rules.prior_year_sum;
            let facts = || owned(prior_ids);
            unjudged(
                sink,
                rule,
                Severity::Error,
                total_change.span,
                facts,
                what,
                None,
            );
            return;
        }
    };
    if v.outcome() == Outcome::Exact {
        return;
    }
    let diff = v.difference().unwrap_or_default();
    let unit = total.amount.unit();
    let severity = if v.is_consistent() {
        Severity::Info
    } else {
        Severity::Error
    };
    sink.push(
        t.rules.prior_year_sum,
        severity,
        total_change.span,
        || owned(prior_ids),
        move || {
            let like = Like::Amount(unit);
            let (stated, rows, diff) = (
                typed(stated_prior, like),
                typed(sum_prior, like),
                typed(diff, like),
            );
            let tolerance = Quantity::tolerance_like(v.tolerance(), &diff);
            Texts {
                message: format!(
                    "{} = {stated} stated, rows give {rows}: difference {diff} {} rounding tolerance {tolerance}",
                    what(),
                    if v.is_consistent() {
                        "within"
                    } else {
                        "exceeds"
                    },
                ),
                expected: Some(rows),
                actual: Some(stated),
                difference: Some(diff),
                tolerance: Some(tolerance),
            }
        },
    );
}

/// [`ROW_SUM_IDENTITIES`]: per code, the total's row = Σ the parts' rows.
fn row_sums(ledger: Ledger<'_>, sink: &mut Sink<'_>, plan: &Plan) {
    for (rule, description, total, parts) in &plan.row_sums {
        if !sink.enabled(rule) {
            continue;
        }
        for (id, stmts) in ledger.base(total.base_index()) {
            if id.key().with_suffix(None) != id.key() {
                continue;
            }
            let Some(t) = stmts.first().and_then(|f| Stated::new(id, f)) else {
                continue;
            };
            let cells: Option<Vec<Stated<'_>>> = parts
                .iter()
                .map(|p| ledger.part_near(p.with_slot_of(id.key()), &t.amount, t.span))
                .collect();
            let Some(cells) = cells else {
                continue;
            };
            if adds_up(&t.amount, cells.iter().map(|c| &c.amount)) {
                continue;
            }
            let amounts: Vec<Amount> = cells.iter().map(|c| c.amount).collect();
            {
                let result = check_sum(&t.amount, &amounts);
                let (description, code, printed) = (*description, id.function_code(), t.amount);
                report(
                    sink,
                    rule,
                    Severity::Error,
                    (result, Like::Amount(t.amount.unit())),
                    t.span,
                    || owned(std::iter::once(t.id).chain(cells.iter().map(|c| c.id))),
                    move || {
                        format!(
                            "{description}: {} stated {}",
                            code.map(|c| c.to_string()).unwrap_or_default(),
                            printed.printed()
                        )
                    },
                );
            }
        }
    }
}

/// [`ROW_BALANCE_IDENTITIES`]: per code, closing = opening + revenue − expenditure.
fn row_balances(ledger: Ledger<'_>, sink: &mut Sink<'_>, plan: &Plan) {
    for (rule, description, [opening, revenue, expenditure, closing]) in &plan.row_balances {
        if !sink.enabled(rule) {
            continue;
        }
        for (id, _) in ledger.base(expenditure.base_index()) {
            if expenditure.with_slot_of(id.key()) != id.key() {
                continue;
            }
            let at = |k: &Key| k.with_slot_of(id.key());
            balance(
                ledger,
                sink,
                rule,
                description,
                [at(opening), at(revenue), id.key(), at(closing)],
            );
        }
    }
}

/// [`ECONOMIC_TABLES`]: 类 = Σ its stated 款; each group total = Σ its 类.
fn economic_table(ledger: Ledger<'_>, sink: &mut Sink<'_>, plan: &EconomicPlan) {
    let t = plan.table;
    let rows: Vec<(EconomicCode, &FactId, &Fact)> = ledger
        .base(plan.rows)
        .iter()
        .filter(|(id, _)| id.suffix().is_none())
        .filter_map(|(id, stmts)| Some((id.economic_code()?, id, stmts.first()?)))
        .collect();
    if rows.is_empty() {
        return;
    }
    let classes: Vec<&(EconomicCode, &FactId, &Fact)> = rows
        .iter()
        .filter(|(c, _, _)| c.level() == CodeLevel::Class)
        .collect();
    if sink.enabled(t.hierarchy) {
        for (class, id, f) in &classes {
            let Some(total) = Stated::new(id, f) else {
                continue;
            };
            let kids: Vec<Stated<'_>> = rows
                .iter()
                .filter(|(c, _, _)| c.parent() == Some(*class))
                .filter_map(|(_, kid, kf)| Stated::part(kid, kf, &total.amount))
                .collect();
            if kids.is_empty() || adds_up(&total.amount, kids.iter().map(|k| &k.amount)) {
                continue;
            }
            let parts: Vec<Amount> = kids.iter().map(|k| k.amount).collect();
            {
                let result = check_sum(&total.amount, &parts);
                let (name, code, n, printed) = (t.name, *class, kids.len(), total.amount);
                report(
                    sink,
                    t.hierarchy,
                    Severity::Error,
                    (result, Like::Amount(total.amount.unit())),
                    total.span,
                    || owned(std::iter::once(total.id).chain(kids.iter().map(|k| k.id))),
                    move || {
                        format!(
                            "{name} {code} = Σ {n} 个款级科目: stated {}",
                            printed.printed()
                        )
                    },
                );
            }
        }
    }
    for (total_key, group) in &plan.groups {
        if !sink.enabled(group.rule) {
            continue;
        }
        let Some(total) = ledger.amount(*total_key) else {
            continue;
        };
        let listed = |c: u32| {
            if group.classes.is_empty() {
                !t.groups.iter().any(|g| g.classes.contains(&c))
            } else {
                group.classes.contains(&c)
            }
        };
        let members: Vec<Stated<'_>> = classes
            .iter()
            .filter(|(c, _, _)| listed(u32::from(*c)))
            .filter_map(|(_, id, f)| Stated::part(id, f, &total.amount))
            .collect();
        if members.is_empty() || adds_up(&total.amount, members.iter().map(|m| &m.amount)) {
            continue;
        }
        let parts: Vec<Amount> = members.iter().map(|m| m.amount).collect();
        {
            let result = check_sum(&total.amount, &parts);
            let (description, label, printed) = (group.description, total.id.key(), total.amount);
            report(
                sink,
                group.rule,
                Severity::Error,
                (result, Like::Amount(total.amount.unit())),
                total.span,
                || owned(std::iter::once(total.id).chain(members.iter().map(|m| m.id))),
                move || format!("{description}: {} {}", label_of(label), printed.printed()),
            );
        }
    }
}

/// [`EMPTY_TABLES`]: a table declared empty, and a figure of it stated.
fn empty_tables(ledger: Ledger<'_>, sink: &mut Sink<'_>, plan: &Plan) {
    for e in &plan.empties {
        if !sink.enabled(e.rule) {
            continue;
        }
        let Some((note_id, note)) = ledger.first(e.note) else {
            continue;
        };
        for (base, only) in &e.bases {
            for (id, stmts) in ledger.base(*base) {
                let k = id.key();
                if only.is_some_and(|o| o != k)
                    || !matches!(id.suffix(), None | Some(Suffix::Budget))
                {
                    continue;
                }
                for f in stmts.iter() {
                    let Some(a) = f.value().as_amount() else {
                        continue;
                    };
                    if a.value().abs() <= a.half_unit() {
                        continue;
                    }
                    let (description, label, printed, note_text) = (
                        e.description,
                        k,
                        a,
                        note.value().as_text().unwrap_or_default().to_owned(),
                    );
                    sink.push(
                        e.rule,
                        e.severity,
                        f.span(),
                        || owned([id, note_id]),
                        move || Texts {
                            message: format!(
                                "{description}: the table says “{note_text}”, but {} is stated as {}",
                                label_of(label),
                                printed.printed()
                            ),
                            expected: Some(Quantity::Amount(Amount::zero(
                                printed.unit(),
                                u32::try_from(printed.decimals()).unwrap_or(0),
                            ))),
                            actual: Some(Quantity::Amount(printed)),
                            difference: Some(Quantity::Amount(printed)),
                            tolerance: Some(Quantity::tolerance_like(
                                printed.half_unit(),
                                &Quantity::Amount(printed),
                            )),
                        },
                    );
                }
            }
        }
    }
}

/// `part ≤ whole`, beyond rounding.
fn bound(
    _ledger: Ledger<'_>,
    sink: &mut Sink<'_>,
    rule: &'static str,
    severity: Severity,
    description: &'static str,
    part: Option<(&FactId, &Fact)>,
    whole: Option<(&FactId, &Fact)>,
) {
    if !sink.enabled(rule) {
        return;
    }
    let (Some((part_id, part)), Some((whole_id, whole))) = (part, whole) else {
        return;
    };
    let excess = match (part.value(), whole.value()) {
        (Value::Amount(p), Value::Amount(w)) => {
            // A whole too large for the part's unit exceeds any part.
            let Ok(w) = w.to_unit(p.unit()) else {
                return;
            };
            if p.value() <= w.value() {
                return;
            }
            // Half-units are at most 0.5 × 10^k: their sum fits.
            let slack = p.half_unit().saturating_add(w.half_unit());
            // The part exceeds the whole; by more than a decimal holds when
            // the subtraction overflows.
            let excess = p.value().checked_sub(w.value());
            if excess.is_some_and(|x| x <= slack) {
                return;
            }
            let excess = excess.map_or_else(
                || Quantity::Text("more than 7.9 × 10²⁸".to_owned()),
                |x| typed(x, Like::Amount(p.unit())),
            );
            let like = match &excess {
                q @ Quantity::Amount(_) => q.clone(),
                _ => Quantity::Amount(*p),
            };
            (
                Quantity::Amount(*p),
                Quantity::Amount(w),
                excess,
                Quantity::tolerance_like(slack, &like),
            )
        }
        (a, b) => {
            let (Some(p), Some(w)) = (wide_count(a), wide_count(b)) else {
                return;
            };
            if p <= w {
                return;
            }
            (
                Quantity::Count(p),
                Quantity::Count(w),
                Quantity::Count(p.saturating_sub(w)),
                Quantity::Count(0),
            )
        }
    };
    let (part_label, whole_label) = (part_id.key(), whole_id.key());
    sink.push(
        rule,
        severity,
        part.span(),
        || owned([part_id, whole_id]),
        move || {
            let (p, w, x, t) = excess.clone();
            Texts {
                message: format!(
                    "{description}: {} {p} exceeds {} {w} by {x}, beyond rounding tolerance {t}",
                    label_of(part_label),
                    label_of(whole_label),
                ),
                expected: Some(Quantity::AtMost(Box::new(w))),
                actual: Some(p),
                difference: Some(x),
                tolerance: Some(t),
            }
        },
    );
}

/// Each stated part of a sum is at most its total, when the sum itself
/// cannot be judged for a part not stated: a 公务接待费 above the 三公经费
/// 合计 is an error whatever the other parts are. Under the sum's rule id;
/// only for sums of figures (not of changes), and only when the total and
/// every stated part are not negative (a negative part would let another
/// exceed the total).
fn part_bounds(ledger: Ledger<'_>, sink: &mut Sink<'_>, plan: &Plan) {
    for (s, total_key, parts) in &plan.sums {
        let of_figures = [None, Some(Suffix::Budget), Some(Suffix::PriorYear)]
            .into_iter()
            .any(|x| total_key.with_suffix(x) == *total_key);
        if !of_figures || !sink.enabled(s.rule) {
            continue;
        }
        let Some(total) = ledger.first(*total_key) else {
            continue;
        };
        if stated_parts(ledger, parts).is_some() {
            // Judged whole by sum_rule.
            continue;
        }
        let stated: Vec<(&FactId, &Fact)> = parts.iter().filter_map(|k| ledger.first(*k)).collect();
        let negative = |v: &Value| match v {
            Value::Amount(a) => a.value().is_sign_negative(),
            other => other.as_count().is_some_and(|n| n < 0),
        };
        if negative(total.1.value()) || stated.iter().any(|(_, f)| negative(f.value())) {
            continue;
        }
        for part in stated {
            bound(
                ledger,
                sink,
                s.rule,
                Severity::Error,
                s.description,
                Some(part),
                Some(total),
            );
        }
    }
}

/// [`NON_NEGATIVE`]: a total, a 三公 item or its budget stated below
/// zero.
fn non_negative(ledger: Ledger<'_>, sink: &mut Sink<'_>, plan: &Plan) {
    const RULE: &str = "amount.negative";
    if !sink.enabled(RULE) {
        return;
    }
    for key in &plan.non_negative {
        let Some((id, stmts)) = ledger.find(*key) else {
            continue;
        };
        for f in stmts.as_slice() {
            let Value::Amount(a) = f.value() else {
                continue;
            };
            if !a.value().is_sign_negative() || a.is_zero() {
                continue;
            }
            let (label, a) = (id.key(), *a);
            sink.push(
                RULE,
                Severity::Error,
                f.span(),
                || owned([id]),
                move || Texts {
                    message: format!(
                        "{} {}: an amount that cannot be negative is stated below zero",
                        label_of(label),
                        a.printed()
                    ),
                    expected: Some(Quantity::AtLeast(Box::new(Quantity::Amount(Amount::zero(
                        a.unit(),
                        u32::try_from(a.decimals()).unwrap_or(0),
                    ))))),
                    actual: Some(Quantity::Amount(a)),
                    difference: Some(Quantity::Amount(a)),
                    tolerance: Some(Quantity::tolerance_like(
                        Decimal::ZERO,
                        &Quantity::Amount(a),
                    )),
                },
            );
        }
    }
}

/// The same change stated for a total and for each of at least two of its
/// parts (三公经费 增加 10 万元, 其中公务接待费 增加 10 万元, 公务用车 增加 10
/// 万元): a change copied from the total.
fn same_changes(ledger: Ledger<'_>, sink: &mut Sink<'_>, plan: &Plan) {
    const RULE: &str = "narrative.same-change";
    if !sink.enabled(RULE) {
        return;
    }
    for (s, total_key, parts) in &plan.sums {
        if total_key.with_suffix(None) != *total_key || parts.len() < 2 {
            continue;
        }
        let change = |k: Key| ledger.amount(k.with_suffix(Some(Suffix::Change)));
        let Some(total) = change(*total_key) else {
            continue;
        };
        if total.amount.is_zero() {
            continue;
        }
        let stated: Vec<Stated<'_>> = parts.iter().filter_map(|k| change(*k)).collect();
        let same = |p: &Stated<'_>| {
            p.amount
                .to_unit(total.amount.unit())
                .is_ok_and(|a| a.value() == total.amount.value())
        };
        if stated.len() < 2 || !stated.iter().all(same) {
            continue;
        }
        let (description, label, printed, n) =
            (s.description, total.id.key(), total.amount, stated.len());
        sink.push(
            RULE,
            Severity::Warning,
            total.span,
            || owned(std::iter::once(total.id).chain(stated.iter().map(|p| p.id))),
            move || Texts {
                message: format!(
                    "{description}: the change of {} is {}, and each of its {n} stated parts has the same change: copied from the total?",
                    label_of(label),
                    printed.printed()
                ),
                expected: None,
                actual: Some(Quantity::Amount(printed)),
                difference: None,
                tolerance: None,
            },
        );
    }
}

/// T5 per 项 ≤ T3 per 项.
fn item_bound(ledger: Ledger<'_>, sink: &mut Sink<'_>, plan: &Plan) {
    let (Some(rows), Some(whole)) = (plan.general_budget_rows, plan.expenditure_rows) else {
        return;
    };
    if !sink.enabled("T5-T3.item-bound")
        || plan
            .expenditure_bases
            .iter()
            .all(|b| ledger.base(*b).is_empty())
    {
        return;
    }
    for row in ledger.column(rows) {
        let part_key = row.stated.id.key();
        bound(
            ledger,
            sink,
            "T5-T3.item-bound",
            Severity::Warning,
            "一般公共预算财政拨款支出 ≤ 支出决算表同科目本年支出",
            ledger.first(part_key),
            ledger.first(whole.with_slot_of(part_key)),
        );
    }
}

/// Every statement of a restated fact must agree.
fn restatements(ledger: Ledger<'_>, sink: &mut Sink<'_>) {
    if !sink.enabled("restatement") {
        return;
    }
    for (id, stmts) in ledger.entries {
        let Some((first, rest)) = stmts.split_first() else {
            continue;
        };
        for other in rest {
            // The figures, written only when the finding is read.
            let (severity, figures): (Severity, Box<dyn Fn() -> Restated + Send + Sync>) =
                match (first.value(), other.value()) {
                    (Value::Blank, Value::Blank) => continue,
                    (
                        x @ (Value::Amount(_) | Value::Blank),
                        y @ (Value::Amount(_) | Value::Blank),
                    ) => {
                        // A cell printed empty is a zero printed like the other.
                        let (Some(a), Some(b)) = (
                            y.as_amount()
                                .and_then(|like| as_part(x, &like))
                                .or(x.as_amount()),
                            x.as_amount()
                                .and_then(|like| as_part(y, &like))
                                .or(y.as_amount()),
                        ) else {
                            continue;
                        };
                        if adds_up(&b, [&a]) {
                            continue;
                        }
                        let Ok(v) = check_sum(&b, &[a]) else {
                            continue;
                        };
                        let severity = match v.outcome() {
                            Outcome::Exact => continue,
                            Outcome::WithinRounding => Severity::Info,
                            _ => Severity::Error,
                        };
                        let (x_blank, y_blank) = (*x == Value::Blank, *y == Value::Blank);
                        let shown = move |blank: bool, a: &Amount| {
                            if blank {
                                Quantity::Text("(blank)".to_owned())
                            } else {
                                Quantity::Amount(*a)
                            }
                        };
                        (
                            severity,
                            Box::new(move || {
                                let difference =
                                    v.difference().map(|d| typed(d, Like::Amount(b.unit())));
                                let tolerance = Quantity::tolerance_like(
                                    v.tolerance(),
                                    difference.as_ref().unwrap_or(&Quantity::Amount(b)),
                                );
                                Restated {
                                    expected: shown(x_blank, &a),
                                    actual: shown(y_blank, &b),
                                    difference,
                                    tolerance,
                                }
                            }),
                        )
                    }
                    (Value::Text(_), Value::Text(_)) => continue,
                    (a, b) if a == b => continue,
                    (a, b) => {
                        let difference = wide_count(a)
                            .zip(wide_count(b))
                            .map(|(a, b)| Quantity::Count(b.saturating_sub(a)));
                        let (a, b) = (of_value(a), of_value(b));
                        (
                            Severity::Error,
                            Box::new(move || Restated {
                                tolerance: Quantity::tolerance_like(Decimal::ZERO, &a),
                                expected: a.clone(),
                                actual: b.clone(),
                                difference: difference.clone(),
                            }),
                        )
                    }
                };
            let label = id.key();
            sink.push(
                "restatement",
                severity,
                other.span().or(first.span()),
                || vec![id.key()],
                move || {
                    let Restated {
                        expected,
                        actual,
                        difference,
                        tolerance,
                    } = figures();
                    let by = difference
                        .as_ref()
                        .map(|d| format!(": difference {d}, tolerance {tolerance}"))
                        .unwrap_or_default();
                    Texts {
                        message: format!(
                            "{} is stated as {expected} and again as {actual}{by}",
                            label_of(label)
                        ),
                        expected: Some(expected),
                        actual: Some(actual),
                        difference,
                        tolerance: Some(tolerance),
                    }
                },
            );
        }
    }
}

/// The figures of a restatement: the first, the other, and their
/// difference (when they are numbers of one kind) and tolerance.
struct Restated {
    expected: Quantity,
    actual: Quantity,
    difference: Option<Quantity>,
    tolerance: Quantity,
}

/// A stated value as a finding's figure.
fn of_value(v: &Value) -> Quantity {
    match v {
        Value::Amount(a) => Quantity::Amount(*a),
        Value::Percent(p) => Quantity::Percent(*p),
        Value::Count(n) => Quantity::Count(i128::from(*n)),
        Value::SignedCount(n) => Quantity::Count(i128::from(*n)),
        Value::Quantity(q) => Quantity::Measure(*q),
        Value::Text(t) => Quantity::Text(t.clone()),
        Value::Blank => Quantity::Text("(blank)".to_owned()),
    }
}

/// The statements of one figure: its base entry and its suffixed entries.
#[derive(Clone, Copy)]
struct Group<'a> {
    entries: &'a [Entry],
}

impl<'a> Group<'a> {
    /// The first statement with this suffix (`None`: the base itself).
    fn first(&self, suffix: Option<Suffix>) -> Option<(&'a FactId, &'a Fact)> {
        let code = suffix_code(suffix);
        let (id, stmts) = self
            .entries
            .iter()
            .find(|(id, _)| id.key().suffix_code() == code)?;
        Some((id, stmts.first()?))
    }

    /// The first stated amount with this suffix (`None`: the base itself).
    fn amount(&self, suffix: Option<Suffix>) -> Option<Stated<'a>> {
        let (id, f) = self.first(suffix)?;
        Stated::new(id, f)
    }

    fn fact(&self, suffix: Suffix) -> Option<(&'a FactId, &'a Fact)> {
        self.first(Some(suffix))
    }
}

/// Shares, changes, last years, budget comparisons and wording, for every
/// stated suffix.
fn suffixed(ledger: Ledger<'_>, sink: &mut Sink<'_>, plan: &Plan) {
    let mut rest = ledger.entries;
    while let Some((head, _)) = rest.first() {
        let g = head.key().group();
        let len = rest
            .iter()
            .take_while(|(id, _)| id.key().group() == g)
            .count()
            .max(1);
        let (entries, tail) = rest.split_at(len.min(rest.len()));
        rest = tail;
        let group = Group { entries };
        for (id, stmts) in entries {
            let (Some(suffix), Some(fact)) = (id.suffix(), stmts.first()) else {
                continue;
            };
            suffix_rule(ledger, sink, plan, group, id, fact, suffix);
        }
    }
}

/// A change rate stated with this year's and last year's figures but no change
/// (a table by year): judged as (current − prior) / prior.
fn change_from_prior(
    sink: &mut Sink<'_>,
    id: &FactId,
    fact: &Fact,
    rate: Percent,
    current: Stated<'_>,
    prior: Stated<'_>,
) {
    let (ck, ca, pk, pa) = (
        current.id.key(),
        current.amount,
        prior.id.key(),
        prior.amount,
    );
    report(
        sink,
        "narrative.change-rate",
        Severity::Error,
        (
            check_change_from_prior(&current.amount, &prior.amount, &rate),
            Like::Percent,
        ),
        fact.span(),
        || owned([id, current.id, prior.id]),
        move || {
            format!(
                "{} {}, last year {} {}, rate {rate}",
                label_of(ck),
                ca.printed(),
                label_of(pk),
                pa.printed()
            )
        },
    );
}

/// The rule of one suffixed statement.
fn suffix_rule(
    ledger: Ledger<'_>,
    sink: &mut Sink<'_>,
    plan: &Plan,
    group: Group<'_>,
    id: &FactId,
    fact: &Fact,
    suffix: Suffix,
) {
    match suffix {
        Suffix::Share => {
            let (Some(p), Some(part)) = (fact.value().as_percent(), group.amount(None)) else {
                return;
            };
            let whole = plan
                .share_wholes
                .get(id.key().base_index())
                .copied()
                .flatten()
                .filter(|(_, class_only)| {
                    !class_only || id.function_code().is_some_and(|c| c.parent().is_none())
                })
                .and_then(|(whole, _)| ledger.amount(whole));
            let Some(whole) = whole else {
                return;
            };
            let (pk, pa, wk, wa) = (part.id.key(), part.amount, whole.id.key(), whole.amount);
            ratio_rule(
                sink,
                "narrative.share",
                RatioKind::Share,
                (part.amount, whole.amount, p),
                fact.span(),
                || owned([id, part.id, whole.id]),
                move || {
                    format!(
                        "{} {} / {} {}, stated as {p}",
                        label_of(pk),
                        pa.printed(),
                        label_of(wk),
                        wa.printed()
                    )
                },
            );
        }
        Suffix::ChangeRate => {
            let (Some(rate), Some(current)) = (fact.value().as_percent(), group.amount(None))
            else {
                return;
            };
            let Some(change) = group.amount(Some(Suffix::Change)) else {
                // No change stated: against last year's figure, when stated.
                if let Some(prior) = group.amount(Some(Suffix::PriorYear)) {
                    change_from_prior(sink, id, fact, rate, current, prior);
                }
                return;
            };
            let (ck, ca, xa) = (current.id.key(), current.amount, change.amount);
            ratio_rule(
                sink,
                "narrative.change-rate",
                RatioKind::Change,
                (current.amount, change.amount, rate),
                fact.span(),
                || owned([id, current.id, change.id]),
                move || {
                    format!(
                        "{} {}, change {}, rate {rate}",
                        label_of(ck),
                        ca.printed(),
                        xa.printed()
                    )
                },
            );
        }
        Suffix::PriorYear => {
            let base = id.key().with_suffix(None);
            let change = id.key().with_suffix(Some(Suffix::Change));
            sum_rule(
                ledger,
                sink,
                "narrative.prior-year",
                "本年数 = 上年数 + 增减额",
                base,
                &[id.key(), change],
            );
        }
        Suffix::BudgetVariance => {
            // 较预算增减 x: 决算数 = 预算数 + x, as a last year is
            // this year less its change.
            let Some(budget) = budget_of(ledger, plan, group) else {
                return;
            };
            if matches!(fact.value(), Value::Amount(a) if a.value().is_zero())
                && group.fact(Suffix::ComparisonWord).is_some()
            {
                // 与预算相比无变化: a zero stated with a comparison word,
                // which wording.budget-comparison judges. (Not asked of
                // how the zero was read: that is not written to JSON, and
                // a report read back must have the same findings.)
                return;
            }
            sum_rule(
                ledger,
                sink,
                "narrative.budget-variance",
                "决算数 = 预算数 + 较预算增减额",
                id.key().with_suffix(None),
                &[budget.id.key(), id.key()],
            );
        }
        Suffix::BudgetVarianceRate | Suffix::CompletionRate => {
            let budget = budget_of(ledger, plan, group);
            let (Some(rate), Some(actual)) = (fact.value().as_percent(), group.amount(None)) else {
                return;
            };
            let Some(budget) = budget else {
                // 较预算增减 x，增减 y%, the budget unstated: it is the
                // actual less x, as last year is this year less its change.
                if suffix == Suffix::BudgetVarianceRate {
                    variance_rate_without_budget(sink, group, id, fact, (actual, rate));
                }
                return;
            };
            let (rule, kind, figures) = if suffix == Suffix::CompletionRate {
                (
                    "narrative.completion-rate",
                    RatioKind::Share,
                    (actual.amount, budget.amount, rate),
                )
            } else {
                (
                    "narrative.budget-variance",
                    RatioKind::Variance,
                    (budget.amount, actual.amount, rate),
                )
            };
            let (ak, aa, ba) = (actual.id.key(), actual.amount, budget.amount);
            ratio_rule(
                sink,
                rule,
                kind,
                figures,
                fact.span(),
                || owned([id, actual.id, budget.id]),
                move || {
                    format!(
                        "{} 决算数 {}, 预算数 {}, {} {rate}",
                        label_of(ak),
                        aa.printed(),
                        ba.printed(),
                        suffix.label()
                    )
                },
            );
        }
        Suffix::ChangeWord | Suffix::ChangeRateWord => {
            wording_direction(sink, group, id, fact, suffix)
        }
        Suffix::ComparisonWord => wording_comparison(ledger, sink, plan, group, id, fact),
        _ => {}
    }
}

/// `rate = variance / (actual − variance)`: a 预决算差异率 stated with the
/// difference from the budget but not the budget itself.
fn variance_rate_without_budget(
    sink: &mut Sink<'_>,
    group: Group<'_>,
    id: &FactId,
    fact: &Fact,
    (actual, rate): (Stated<'_>, Percent),
) {
    let Some(variance) = group.amount(Some(Suffix::BudgetVariance)) else {
        return;
    };
    let (ak, aa, va) = (actual.id.key(), actual.amount, variance.amount);
    ratio_rule(
        sink,
        "narrative.budget-variance",
        RatioKind::Change,
        (actual.amount, variance.amount, rate),
        fact.span(),
        || owned([id, actual.id, variance.id]),
        move || {
            format!(
                "{} 决算数 {}, 较预算增减 {} (预算数 {} − {}), 预决算差异率 {rate}",
                label_of(ak),
                aa.printed(),
                va.printed(),
                aa.printed(),
                va.printed(),
            )
        },
    );
}

/// The budget figure a base's budget comparison refers to.
fn budget_of<'a>(ledger: Ledger<'a>, plan: &Plan, group: Group<'a>) -> Option<Stated<'a>> {
    let base = group.entries.first()?.0.key().with_suffix(None);
    match plan.budget_elsewhere {
        Some((from, to)) if from == base => ledger.amount(to),
        _ => group.amount(Some(Suffix::Budget)),
    }
}

/// The sign a stated direction word implies: +1 rise (增加, 增长, 上升,
/// 提高), −1 fall (减少, 下降, 降低), 0 unchanged (持平, 无变化, …).
fn word_sign(word: &str) -> Option<i32> {
    let w = word.trim_start();
    let mut chars = w.chars();
    match (chars.next()?, chars.next()) {
        ('增', _) | ('上', Some('升')) | ('提', Some('高')) => Some(1),
        ('减', _) | ('下', Some('降')) | ('降', Some('低')) => Some(-1),
        _ => ["持平", "无变化", "没有变化", "不变", "相同", "一致"]
            .iter()
            .any(|x| w.contains(x))
            .then_some(0),
    }
}

/// `a − b` in `a`'s unit, exactly; `None` when it is beyond the range of
/// exact decimals (then the figures are no plausible report's).
fn difference_of(a: Amount, b: Amount) -> Option<Decimal> {
    let b = b.to_unit(a.unit()).ok()?;
    a.value().checked_sub(b.value())
}

/// A count as a wide integer, in which sums and differences of a few
/// 64-bit counts cannot overflow.
fn wide_count(v: &Value) -> Option<i128> {
    match v {
        Value::Count(n) => Some(i128::from(*n)),
        Value::SignedCount(n) => Some(i128::from(*n)),
        _ => None,
    }
}

fn sign_of(d: Decimal) -> i32 {
    if d.is_zero() {
        0
    } else if d.is_sign_negative() {
        -1
    } else {
        1
    }
}

/// The direction words must agree with the figures.
fn wording_direction(
    sink: &mut Sink<'_>,
    group: Group<'_>,
    id: &FactId,
    fact: &Fact,
    suffix: Suffix,
) {
    let Some(word) = fact.value().as_text() else {
        return;
    };
    let Some(said) = word_sign(word) else {
        return;
    };
    // The figure the word describes: the change (or rate); the difference
    // between this year and last year when last year is stated.
    let figure_suffix = if suffix == Suffix::ChangeWord {
        Suffix::Change
    } else {
        Suffix::ChangeRate
    };
    let figure = group
        .fact(figure_suffix)
        .and_then(|(fid, f)| match f.value() {
            Value::Amount(_) | Value::Percent(_) | Value::SignedCount(_) => {
                let q = of_value(f.value());
                Some((fid, q.value()?, q))
            }
            _ => None,
        });
    let prior = || {
        group
            .amount(Some(Suffix::PriorYear))
            .zip(group.amount(None))
            .and_then(|(p, c)| {
                let d = difference_of(c.amount, p.amount)?;
                Some((c.id, d, typed(d, Like::Amount(c.amount.unit()))))
            })
    };
    let clash = |sink: &mut Sink<'_>,
                 involved: &FactId,
                 (actual, shown): (Decimal, Quantity),
                 what: &'static str| {
        let is = sign_of(actual);
        // A printed zero may be a small rise or fall rounded away: only a
        // figure of the opposite sign, or 持平 with a change, contradicts.
        if is == said || (is == 0 && said != 0) {
            return;
        }
        let rule = if said == 0 {
            "wording.unchanged"
        } else {
            "wording.change-direction"
        };
        let (label, word) = (id.key().with_suffix(None), word.to_owned());
        sink.push(
            rule,
            Severity::Warning,
            fact.span(),
            || owned([id, involved]),
            move || Texts {
                message: format!(
                    "{}: the text says “{word}” but {what} is {shown}",
                    label_of(label),
                ),
                expected: Some(Quantity::Text(
                    match is {
                        1 => "增加/增长",
                        -1 => "减少/下降",
                        _ => "持平",
                    }
                    .to_owned(),
                )),
                actual: Some(Quantity::Text(word.clone())),
                difference: None,
                tolerance: None,
            },
        );
    };
    if let Some((fid, f, q)) = figure {
        clash(sink, fid, (f, q), "the stated figure");
    } else if let Some((cid, p, q)) = prior() {
        clash(sink, cid, (p, q), "this year − last year");
    }
    // The two words of one sentence must agree with each other.
    if suffix == Suffix::ChangeWord {
        let Some((other_id, other_fact)) = group.fact(Suffix::ChangeRateWord) else {
            return;
        };
        let Some(other_word) = other_fact.value().as_text() else {
            return;
        };
        if word_sign(other_word).is_some_and(|o| o != said)
            && sink.enabled("wording.change-direction")
        {
            let (label, word, other_word) = (
                id.key().with_suffix(None),
                word.to_owned(),
                other_word.to_owned(),
            );
            sink.push(
                "wording.change-direction",
                Severity::Warning,
                fact.span(),
                || owned([id, other_id]),
                move || Texts {
                    message: format!(
                        "{}: “{word}” and “{other_word}” state different directions",
                        label_of(label)
                    ),
                    expected: None,
                    actual: Some(Quantity::Text(word.clone())),
                    difference: None,
                    tolerance: None,
                },
            );
        }
    }
}

/// 决算数大于/小于/等于预算数 must match the figures.
fn wording_comparison(
    ledger: Ledger<'_>,
    sink: &mut Sink<'_>,
    plan: &Plan,
    group: Group<'_>,
    id: &FactId,
    fact: &Fact,
) {
    let Some(word) = fact.value().as_text() else {
        return;
    };
    let w: Cow<'_, str> = if word.chars().any(char::is_whitespace) {
        Cow::Owned(word.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(word)
    };
    let said = if w.contains("大于") || w.contains("超") || w.contains("高于") {
        1
    } else if w.contains("小于") || w.contains("未完成") || w.contains("低于") {
        -1
    } else if [
        "等于",
        "持平",
        "一致",
        "相等",
        "相同",
        "无增",
        "无变化",
        "没有变化",
        "没有增减",
        "不变",
    ]
    .iter()
    .any(|x| w.contains(x))
    {
        0
    } else {
        return;
    };
    let (Some(actual), Some(budget)) = (group.amount(None), budget_of(ledger, plan, group)) else {
        return;
    };
    // In the budget's unit (an actual in 元 against a budget in 万元).
    let Some(diff) = actual
        .amount
        .to_unit(budget.amount.unit())
        .ok()
        .and_then(|a| difference_of(a, budget.amount))
    else {
        return;
    };
    if sign_of(diff) == said {
        return;
    }
    let (label, aa, ba, word) = (
        actual.id.key(),
        actual.amount,
        budget.amount,
        word.to_owned(),
    );
    sink.push(
        "wording.budget-comparison",
        Severity::Warning,
        fact.span(),
        // With the zero variance the word was read as, when it was.
        || {
            owned(
                [id, actual.id, budget.id]
                    .into_iter()
                    .chain(group.fact(Suffix::BudgetVariance).map(|(v, _)| v)),
            )
        },
        move || Texts {
            message: format!(
                "{}: the text says 决算数“{word}”预算数, but 决算数 {} − 预算数 {} = {}",
                label_of(label),
                aa.printed(),
                ba.printed(),
                typed(diff, Like::Amount(ba.unit()))
            ),
            expected: Some(Quantity::Text(
                match sign_of(diff) {
                    1 => "大于",
                    -1 => "小于",
                    _ => "等于",
                }
                .to_owned(),
            )),
            actual: Some(Quantity::Text(word.clone())),
            difference: Some(typed(diff, Like::Amount(ba.unit()))),
            tolerance: None,
        },
    );
}

/// 公务用车保有量 vs 国有资产车辆数: a difference must be explained.
fn vehicles_held(ledger: Ledger<'_>, sink: &mut Sink<'_>, plan: &Plan) {
    let (Some((held_id, held)), Some((assets_id, assets))) = (
        plan.vehicles_held.and_then(|k| ledger.first(k)),
        plan.asset_vehicles.and_then(|k| ledger.first(k)),
    ) else {
        return;
    };
    let (Some(h), Some(a)) = (wide_count(held.value()), wide_count(assets.value())) else {
        return;
    };
    let difference = h.saturating_sub(a);
    if h == a {
        return;
    }
    let explained = plan
        .vehicles_held_reason
        .is_some_and(|k| ledger.find(k).is_some());
    sink.push(
        "assets.vehicles-held-difference",
        if explained {
            Severity::Info
        } else {
            Severity::Warning
        },
        held.span(),
        || owned([assets_id, held_id]),
        move || {
            let (h, a, difference) = (
                Quantity::Count(h),
                Quantity::Count(a),
                Quantity::Count(difference),
            );
            Texts {
                message: format!(
                    "公务用车保有量 {h} 辆 vs 国有资产车辆 {a} 辆: difference {difference}, {}",
                    if explained {
                        "explained in the text"
                    } else {
                        "not explained"
                    }
                ),
                expected: Some(a),
                actual: Some(h),
                difference: Some(difference),
                tolerance: Some(Quantity::Count(0)),
            }
        },
    );
}

/// A year named in the text; a number no year can be, as a count.
fn year(y: i128) -> Quantity {
    i32::try_from(y).map_or(Quantity::Count(y), Quantity::Year)
}

/// Years named in the text must fit the report year; placeholders left in.
fn years(d: &Disclosure, ledger: Ledger<'_>, sink: &mut Sink<'_>, plan: &Plan) {
    let statements = |key: Option<Key>| -> &[Fact] {
        key.and_then(|k| ledger.find(k))
            .map_or(&[], |(_, stmts)| stmts.as_slice())
    };
    let id_of = |key: Option<Key>| key.and_then(|k| ledger.find(k)).map(|(id, _)| id);
    for f in statements(plan.placeholder) {
        let text = f.value().as_text().unwrap_or_default().to_owned();
        sink.push(
            "template.placeholder",
            Severity::Warning,
            f.span(),
            || owned(id_of(plan.placeholder)),
            move || Texts {
                message: format!("template placeholder left in the text: “{text}”"),
                expected: None,
                actual: Some(Quantity::Text(text.clone())),
                difference: None,
                tolerance: None,
            },
        );
    }
    let Some(fy) = d.fiscal_year().map(|y| i128::from(y.year())) else {
        return;
    };
    for (rule, _, offset, what, key) in plan.years {
        let want = fy.saturating_add(i128::from(offset));
        for f in statements(key) {
            let Some(y) = wide_count(f.value()) else {
                continue;
            };
            if y != want {
                let label = id_of(key).cloned();
                sink.push(
                    rule,
                    Severity::Warning,
                    f.span(),
                    || owned(id_of(key)),
                    move || Texts {
                        message: format!(
                            "{}: the text names {y}, expected {want} ({what})",
                            label.as_ref().map(FactId::label).unwrap_or_default()
                        ),
                        expected: Some(year(want)),
                        actual: Some(year(y)),
                        difference: Some(Quantity::Count(y.saturating_sub(want))),
                        tolerance: Some(Quantity::Count(0)),
                    },
                );
            }
        }
    }
    let want = format!("{fy}-12-31");
    for f in statements(plan.balance_date) {
        let Some(text) = f.value().as_text() else {
            continue;
        };
        if text != want {
            let (text, want) = (text.to_owned(), want.clone());
            sink.push(
                "year.balance-date",
                Severity::Warning,
                f.span(),
                || owned(id_of(plan.balance_date)),
                move || Texts {
                    message: format!("资产截止日期: the text names {text}, expected {want}"),
                    expected: Some(Quantity::Text(want.clone())),
                    actual: Some(Quantity::Text(text.clone())),
                    difference: None,
                    tolerance: None,
                },
            );
        }
    }
}

/// Codes in fact ids, cited codes and stated names against the catalogs.
fn codes(d: &Disclosure, ledger: Ledger<'_>, sink: &mut Sink<'_>) {
    let functions = Catalog::function();
    let year = d.fiscal_year().map_or(2024, |y| y.year());
    // Codes already looked up, with their catalog entries, and the last one
    // (a code's suffixes are adjacent).
    let mut checked = SeenCodes::new();
    let mut last: Option<u32> = None;
    let mut entries = (None, None);
    for (id, stmts) in ledger.entries {
        let (function, economic) = (id.function_code(), id.economic_code());
        let ordinal = function
            .map(FunctionCode::ordinal)
            .or_else(|| economic.map(|c| c.ordinal() | 1 << 31));
        if let Some(ordinal) = ordinal.filter(|o| last != Some(*o)) {
            last = Some(ordinal);
            let (f, e, new) = checked.get(ordinal, function, economic);
            entries = (f, e);
            if new {
                let unknown = match (function, economic) {
                    (Some(c), _) if f.is_none() => Some(("function", u32::from(c))),
                    (None, Some(c)) if e.is_none() => Some(("economic", u32::from(c))),
                    _ => None,
                };
                if let Some((kind, number)) = unknown {
                    push_code(sink, "code.unknown", id, stmts.first(), None, move || {
                        format!("{kind} code {number} is not in the {year} catalog")
                    });
                }
            }
        }
        match id.suffix() {
            Some(Suffix::Name) => {
                // The name the catalog gives the code in the report's year,
                // when the stated name is none of its names.
                let (f_entry, e_entry) = entries;
                let mismatch = |name: &str| -> Option<(String, String)> {
                    let (expected, code) = match (id.function_code(), id.economic_code()) {
                        (Some(c), _) => {
                            let entry = f_entry?;
                            if entry.has_name(name) {
                                return None;
                            }
                            (entry.name_in(year).to_owned(), c.to_string())
                        }
                        (None, Some(c)) => {
                            let entry = e_entry?;
                            if entry.has_name(name) {
                                return None;
                            }
                            (entry.name_in(year).to_owned(), c.to_string())
                        }
                        _ => return None,
                    };
                    Some((expected, code))
                };
                for f in stmts.iter() {
                    let Some(name) = f.value().as_text() else {
                        continue;
                    };
                    if let Some((expected, code)) = mismatch(name) {
                        let name = name.to_owned();
                        push_code(
                            sink,
                            "code.name-mismatch",
                            id,
                            Some(f),
                            Some(expected.clone()),
                            move || {
                                format!(
                                    "{code} is named “{name}”, but the catalog names it “{expected}”"
                                )
                            },
                        );
                    }
                }
            }
            Some(Suffix::UnresolvedItem) => {
                let Some(code) = id.function_code() else {
                    continue;
                };
                let known = functions.name_in(code, year).unwrap_or_default().to_owned();
                for f in stmts.iter() {
                    let path = f.value().as_text().unwrap_or_default().to_owned();
                    let known = known.clone();
                    push_code(sink, "code.unresolved-item", id, Some(f), None, move || {
                        format!(
                            "“{path}”: the {year} catalog has no such item under {code} {known}; \
                             its figures are not placed, so {code}'s items are not summed"
                        )
                    });
                }
            }
            Some(Suffix::CitedCode) => {
                for f in stmts.iter() {
                    let Some(text) = f.value().as_text() else {
                        continue;
                    };
                    cited(sink, id, f, text, year);
                }
            }
            _ => {}
        }
    }
}

/// A code's entries in the function and economic catalogs.
type Entries = (
    Option<&'static CatalogEntry<FunctionCode>>,
    Option<&'static CatalogEntry<EconomicCode>>,
);

/// The codes of a report looked up in the catalogs, by ordinal (economic
/// ones marked by the top bit): open addressing, linear probing (a report
/// with its tables uses a hundred codes or more, each in several tables).
struct SeenCodes {
    /// Ordinal + 1 (0 when empty), and the catalogs' entries.
    slots: Vec<(u64, Entries)>,
    len: usize,
}

impl SeenCodes {
    fn new() -> SeenCodes {
        SeenCodes {
            slots: vec![(0, (None, None)); 256],
            len: 0,
        }
    }

    fn home(&self, want: u64) -> usize {
        let mask = self.slots.len().wrapping_sub(1);
        (want.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
    }

    /// The catalogs' entries of `ordinal`'s code, and whether it is new
    /// (looked up then).
    fn get(
        &mut self,
        ordinal: u32,
        function: Option<FunctionCode>,
        economic: Option<EconomicCode>,
    ) -> (
        Option<&'static CatalogEntry<FunctionCode>>,
        Option<&'static CatalogEntry<EconomicCode>>,
        bool,
    ) {
        // At most half full, so that a probe always ends.
        if self.len.saturating_add(1).saturating_mul(2) > self.slots.len() {
            let bigger = vec![(0, (None, None)); self.slots.len().saturating_mul(2)];
            let old = std::mem::replace(&mut self.slots, bigger);
            for entry in old.into_iter().filter(|e| e.0 != 0) {
                let mask = self.slots.len().wrapping_sub(1);
                let mut at = self.home(entry.0);
                while self.slots.get(at).is_some_and(|s| s.0 != 0) {
                    at = at.wrapping_add(1) & mask;
                }
                if let Some(slot) = self.slots.get_mut(at) {
                    *slot = entry;
                }
            }
        }
        let mask = self.slots.len().wrapping_sub(1);
        let want = u64::from(ordinal) + 1;
        let mut at = self.home(want);
        while let Some(slot) = self.slots.get_mut(at) {
            if slot.0 == want {
                return (slot.1.0, slot.1.1, false);
            }
            if slot.0 == 0 {
                *slot = (
                    want,
                    (
                        function.and_then(|c| Catalog::function().get(c)),
                        economic.and_then(|c| Catalog::economic().get(c)),
                    ),
                );
                self.len = self.len.saturating_add(1);
                return (slot.1.0, slot.1.1, true);
            }
            at = at.wrapping_add(1) & mask;
        }
        (None, None, false)
    }
}

/// One cited code, "2080104 综合事务管理" or "208001": a function code, or an
/// economic code when it starts with 3.
fn cited(sink: &mut Sink<'_>, id: &FactId, f: &Fact, text: &str, year: i32) {
    // "2080104 综合事务管理": digits (maybe spaced), then the name. Copies
    // only when spaces must be dropped.
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c.is_whitespace()))
        .unwrap_or(text.len());
    let (head, tail) = text.split_at(split);
    let head = head.trim();
    let digits: Cow<'_, str> = if head.bytes().all(|b| b.is_ascii_digit()) {
        Cow::Borrowed(head)
    } else {
        Cow::Owned(head.chars().filter(char::is_ascii_digit).collect())
    };
    let name: Cow<'_, str> = if tail.chars().any(char::is_whitespace) {
        Cow::Owned(tail.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(tail)
    };
    let cite = Cite {
        id,
        f,
        text,
        digits: &digits,
        name: &name,
        year,
    };
    if digits.starts_with('3') {
        cite.check::<EconomicCode>(sink);
    } else {
        cite.check::<FunctionCode>(sink);
    }
}

/// A code cited in a text, with the name written beside it.
struct Cite<'a> {
    id: &'a FactId,
    f: &'a Fact,
    text: &'a str,
    digits: &'a str,
    name: &'a str,
    year: i32,
}

impl Cite<'_> {
    /// Malformed, unknown to the catalog, or named otherwise than the catalog
    /// names it: each a warning.
    fn check<C>(&self, sink: &mut Sink<'_>)
    where
        C: crate::code::ClassificationCode + TryFrom<u32>,
    {
        let catalog = C::builtin_catalog();
        let (id, f, year) = (self.id, Some(self.f), self.year);
        // Plain digits convert without the text parser, which is kept to
        // explain a malformed code.
        let fast = Some(self.digits)
            .filter(|d| matches!(d.len(), 3 | 5 | 7))
            .and_then(|d| d.parse::<u32>().ok())
            .and_then(|n| C::try_from(n).ok());
        match fast.map_or_else(|| self.digits.parse::<C>(), Ok) {
            Err(e) => {
                let text = self.text.to_owned();
                push_code(sink, "code.malformed", id, f, None, move || {
                    format!("cited code “{text}”: {e}")
                });
            }
            Ok(code) => match catalog.get(code) {
                None => {
                    push_code(sink, "code.unknown", id, f, None, move || {
                        format!("cited {} {code} is not in the {year} catalog", C::KIND)
                    });
                }
                Some(entry) if !self.name.is_empty() && !entry.has_name(self.name) => {
                    let expected = entry.name_in(year).to_owned();
                    let name = self.name.to_owned();
                    push_code(
                        sink,
                        "code.name-mismatch",
                        id,
                        f,
                        Some(expected.clone()),
                        move || {
                            format!(
                                "cited code {code} is named “{name}”, but the catalog names it “{expected}”"
                            )
                        },
                    );
                }
                Some(_) => {}
            },
        }
    }
}

/// A warning about one fact's code or name.
fn push_code(
    sink: &mut Sink<'_>,
    rule: &'static str,
    id: &FactId,
    f: Option<&Fact>,
    expected: Option<String>,
    message: impl Fn() -> String + Send + Sync + 'static,
) {
    let actual = f.and_then(|f| f.value().as_text().map(|t| Quantity::Text(t.to_owned())));
    let expected = expected.map(Quantity::Text);
    sink.push(
        rule,
        Severity::Warning,
        f.and_then(Fact::span),
        || vec![id.key()],
        move || Texts {
            message: message(),
            expected: expected.clone(),
            actual: actual.clone(),
            difference: None,
            tolerance: None,
        },
    );
}
