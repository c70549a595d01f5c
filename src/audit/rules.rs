//! The rules: how each identity and plausibility check is evaluated.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use super::identities::{
    BALANCE_IDENTITIES, BOUNDS, FUNCTION_TABLES, FunctionTable, SHARE_BASES, SUM_IDENTITIES,
};
use super::{Draft, RuleInfo, Severity, Sink};
use crate::amount::Amount;
use crate::code::{Catalog, EconomicCode, FunctionCode};
use crate::disclosure::{Disclosure, Fact, Value};
use crate::fact::{FactId, Suffix};
use crate::rounding::{
    Outcome, Verdict, check_change, check_share, check_sum, check_variance_rate,
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
        for b in BOUNDS {
            push(info(b.rule, b.severity, b.description));
        }
        for r in OTHER_RULES {
            push(*r);
        }
        v
    })
}

/// A stated amount with its id and location.
#[derive(Clone, Copy)]
struct Stated<'a> {
    id: &'a str,
    amount: Amount,
    span: Option<Span>,
}

fn stated<'a>(d: &Disclosure, id: &'a str) -> Option<Stated<'a>> {
    let f = d.get(id)?;
    Some(Stated {
        id,
        amount: f.value().as_amount()?,
        span: f.span(),
    })
}

/// `base` followed by `suffix`, without the formatting machinery (this is
/// on the audit's hot path).
fn cat(base: &str, suffix: &str) -> String {
    let mut s = String::with_capacity(base.len() + suffix.len());
    s.push_str(base);
    s.push_str(suffix);
    s
}

/// The fact ids named, cloned from the disclosure's keys where stated.
fn fact_ids<'a>(d: &Disclosure, ids: impl IntoIterator<Item = &'a str>) -> Vec<FactId> {
    ids.into_iter()
        .filter_map(|s| d.key(s).cloned().or_else(|| FactId::new(s).ok()))
        .collect()
}

fn plain(d: Decimal) -> String {
    d.normalize_scale().to_string()
}

trait ScaleNormalize {
    fn normalize_scale(self) -> Decimal;
}

impl ScaleNormalize for Decimal {
    /// Keeps printed trailing zeros: only strips a negative zero's sign.
    fn normalize_scale(mut self) -> Decimal {
        if self.is_zero() {
            self.set_sign_positive(true);
        }
        self
    }
}

/// Turns a verdict into a finding (none when exact).
fn report(
    sink: &mut Sink<'_>,
    rule: &'static str,
    class: Severity,
    verdict: &Verdict,
    what: impl FnOnce() -> String,
    facts: impl FnOnce() -> Vec<FactId>,
    span: Option<Span>,
) {
    let (rule, severity) = match verdict.outcome() {
        Outcome::Exact => return,
        Outcome::WithinRounding => (rule, Severity::Info),
        Outcome::ZeroBase => ("rate.zero-base", Severity::Warning),
        Outcome::Truncated => ("rate.truncated", Severity::Warning),
        _ => (rule, class),
    };
    sink.push(Draft {
        rule,
        severity,
        message: format!("{}: {verdict}", what()),
        facts: facts(),
        expected: verdict.expected().map(plain),
        actual: Some(plain(verdict.actual())),
        difference: verdict.difference().map(plain),
        tolerance: Some(plain(verdict.tolerance())),
        span,
    });
}

/// `total = Σ parts` over stated facts (amounts, or exact counts).
fn sum_rule(
    d: &Disclosure,
    sink: &mut Sink<'_>,
    rule: &'static str,
    description: &str,
    total_id: &str,
    part_ids: &[&str],
) {
    if !sink.enabled(rule) {
        return;
    }
    let Some(total) = d.get(total_id) else {
        return;
    };
    let parts: Option<Vec<&Fact>> = part_ids.iter().map(|p| d.get(p)).collect();
    let Some(parts) = parts else {
        return;
    };
    let facts = || fact_ids(d, std::iter::once(total_id).chain(part_ids.iter().copied()));
    match total.value() {
        Value::Amount(t) => {
            let amounts: Option<Vec<Amount>> =
                parts.iter().map(|f| f.value().as_amount()).collect();
            let Some(amounts) = amounts else {
                return;
            };
            if let Ok(v) = check_sum(t, &amounts) {
                report(
                    sink,
                    rule,
                    Severity::Error,
                    &v,
                    || format!("{description}: {} {}", label(total_id), t.printed()),
                    facts,
                    total.span(),
                );
            }
        }
        Value::Count(_) | Value::SignedCount(_) => {
            let counts: Option<Vec<i64>> = parts.iter().map(|f| f.value().as_count()).collect();
            let (Some(counts), Some(t)) = (counts, total.value().as_count()) else {
                return;
            };
            let expected: i64 = counts.iter().sum();
            if expected != t {
                sink.push(Draft {
                    rule,
                    severity: Severity::Error,
                    message: format!(
                        "{description}: {} {t}, but the parts sum to {expected}: difference {}, tolerance 0",
                        label(total_id),
                        t - expected
                    ),
                    facts: facts(),
                    expected: Some(expected.to_string()),
                    actual: Some(t.to_string()),
                    difference: Some((t - expected).to_string()),
                    tolerance: Some("0".to_owned()),
                    span: total.span(),
                });
            }
        }
        _ => {}
    }
}

fn label(id: &str) -> String {
    FactId::new(id).map_or_else(|_| id.to_owned(), |f| f.label())
}

pub(super) fn run(d: &Disclosure, sink: &mut Sink<'_>) {
    for s in SUM_IDENTITIES {
        sum_rule(d, sink, s.rule, s.description, s.total, s.parts);
    }
    for b in BALANCE_IDENTITIES {
        let (Some(o), Some(r), Some(e), Some(c)) = (
            stated(d, b.opening),
            stated(d, b.revenue),
            stated(d, b.expenditure),
            stated(d, b.closing),
        ) else {
            continue;
        };
        // closing = opening + revenue − expenditure.
        if let Ok(v) = check_sum(&c.amount, &[o.amount, r.amount, e.amount.negated()]) {
            report(
                sink,
                b.rule,
                Severity::Error,
                &v,
                || format!("{}: {} {}", b.description, label(c.id), c.amount.printed()),
                || fact_ids(d, [c.id, o.id, r.id, e.id]),
                c.span,
            );
        }
    }
    for t in FUNCTION_TABLES {
        function_table(d, sink, t);
    }
    for b in BOUNDS {
        bound(d, sink, b.rule, b.severity, b.description, b.part, b.whole);
    }
    item_bound(d, sink);
    restatements(d, sink);
    suffixed(d, sink);
    vehicles_held(d, sink);
    years(d, sink);
    codes(d, sink);
}

/// One column of a function table: code → (fact id, stated amount, span).
type Rows<'a> = BTreeMap<FunctionCode, (&'a FactId, Amount, Option<Span>)>;

/// Every column of a function table in one pass over its facts: column
/// suffix ("" for the first column, ".basic", ".change", …) → rows.
fn table_columns<'a>(d: &'a Disclosure, prefix: &'a str) -> BTreeMap<&'a str, Rows<'a>> {
    let mut columns: BTreeMap<&'a str, Rows<'a>> = BTreeMap::new();
    for (id, stmts) in d.facts_with_prefix(prefix) {
        let Some(code) = id.function_code() else {
            continue;
        };
        let rest = id.as_str().get(prefix.len()..).unwrap_or("");
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let Some(after) = rest.get(digits..) else {
            continue;
        };
        let Some((f, a)) = stmts
            .first()
            .and_then(|f| Some((f, f.value().as_amount()?)))
        else {
            continue;
        };
        columns
            .entry(after)
            .or_default()
            .insert(code, (id, a, f.span()));
    }
    columns
}

/// The stated rows directly below `node`: its children if any is stated,
/// else its grandchildren (a 类 whose 款 rows the text skips).
fn below<T>(rows: &BTreeMap<FunctionCode, T>, node: FunctionCode) -> Vec<(&FunctionCode, &T)> {
    let children: Vec<_> = rows
        .iter()
        .filter(|(c, _)| node.is_parent_of(**c))
        .collect();
    if !children.is_empty() {
        return children;
    }
    rows.iter()
        .filter(|(c, _)| {
            node.is_ancestor_of(**c) && c.parent().is_some_and(|p| node.is_parent_of(p))
        })
        .collect()
}

/// Rows whose items the text names but the catalog does not know: their
/// sums cannot be judged.
fn incomplete_rows(d: &Disclosure, prefix: &str) -> Vec<FunctionCode> {
    d.facts_with_prefix(prefix)
        .filter(|(id, _)| id.suffix() == Some(Suffix::UnresolvedItem))
        .filter_map(|(id, _)| id.function_code())
        .collect()
}

fn function_table(d: &Disclosure, sink: &mut Sink<'_>, t: &FunctionTable) {
    let columns = table_columns(d, t.prefix);
    let incomplete = incomplete_rows(d, t.prefix);
    let complete = |node: FunctionCode| {
        !incomplete
            .iter()
            .any(|u| *u == node || node.is_ancestor_of(*u))
    };
    let empty = Rows::new();
    let first = columns.get("").unwrap_or(&empty);
    for (col, total_id) in t.columns {
        let Some(rows) = columns.get(col) else {
            continue;
        };
        // 合计 = Σ 类.
        if let Some(total) = total_id.and_then(|id| stated(d, id)) {
            let classes: Vec<_> = rows.iter().filter(|(c, _)| c.parent().is_none()).collect();
            if !classes.is_empty() && sink.enabled(t.rules.total) {
                let parts: Vec<Amount> = classes.iter().map(|(_, r)| r.1).collect();
                if let Ok(v) = check_sum(&total.amount, &parts) {
                    report(
                        sink,
                        t.rules.total,
                        Severity::Error,
                        &v,
                        || {
                            format!(
                                "{}合计 = Σ {} 类: {} {}",
                                t.name,
                                classes.len(),
                                label(total.id),
                                total.amount.printed()
                            )
                        },
                        || {
                            let mut ids = vec![total.id];
                            ids.extend(classes.iter().map(|(_, r)| r.0.as_str()));
                            fact_ids(d, ids)
                        },
                        total.span,
                    );
                }
            }
        }
        // 类 = Σ 款 = Σ 项.
        if sink.enabled(t.rules.hierarchy) {
            for (code, (id, amount, span)) in rows {
                let kids = below(rows, *code);
                if kids.is_empty() || !complete(*code) {
                    continue;
                }
                let parts: Vec<Amount> = kids.iter().map(|(_, r)| r.1).collect();
                if let Ok(v) = check_sum(amount, &parts) {
                    report(
                        sink,
                        t.rules.hierarchy,
                        Severity::Error,
                        &v,
                        || {
                            format!(
                                "{} {code} = Σ {} 个下级科目: stated {}",
                                t.name,
                                kids.len(),
                                amount.printed()
                            )
                        },
                        || {
                            let mut ids = vec![id.as_str()];
                            ids.extend(kids.iter().map(|(_, r)| r.0.as_str()));
                            fact_ids(d, ids)
                        },
                        *span,
                    );
                }
            }
        }
    }
    // Each row = Σ its other columns (all of them stated).
    let others: Vec<&Rows<'_>> = t
        .columns
        .iter()
        .filter(|(c, _)| !c.is_empty())
        .filter_map(|(c, _)| columns.get(c))
        .collect();
    let all_columns = others.len() + 1 == t.columns.len();
    if all_columns && !others.is_empty() && sink.enabled(t.rules.row) {
        for (code, (id, amount, span)) in first {
            let cells: Option<Vec<_>> = others.iter().map(|col| col.get(code)).collect();
            let Some(cells) = cells else {
                continue;
            };
            let parts: Vec<Amount> = cells.iter().map(|c| c.1).collect();
            if let Ok(v) = check_sum(amount, &parts) {
                report(
                    sink,
                    t.rules.row,
                    Severity::Error,
                    &v,
                    || {
                        format!(
                            "{} {code} 行合计 = 各列之和: stated {}",
                            t.name,
                            amount.printed()
                        )
                    },
                    || {
                        let mut ids = vec![id.as_str()];
                        ids.extend(cells.iter().map(|c| c.0.as_str()));
                        fact_ids(d, ids)
                    },
                    *span,
                );
            }
        }
    }
    if let Some(changes) = columns.get(".change") {
        if incomplete.is_empty() {
            change_sums(d, sink, t, first, changes);
        }
    }
}

/// Σ changes (and Σ last years) of the most detailed rows stated with a
/// change = the table total's change (and last year).
fn change_sums(
    d: &Disclosure,
    sink: &mut Sink<'_>,
    t: &FunctionTable,
    first: &Rows<'_>,
    changes: &Rows<'_>,
) {
    let Some(total_id) = t.total else {
        return;
    };
    let total_change_id = cat(total_id, ".change");
    let (Some(total), Some(total_change)) = (stated(d, total_id), stated(d, &total_change_id))
    else {
        return;
    };
    // Leaves: rows with a change and no stated descendant with a change.
    let leaves: Vec<FunctionCode> = changes
        .keys()
        .filter(|c| !changes.keys().any(|o| c.is_ancestor_of(*o)))
        .copied()
        .collect();
    // They must cover every class of the table.
    let classes: Vec<FunctionCode> = first
        .keys()
        .filter(|c| c.parent().is_none())
        .copied()
        .collect();
    let covered = !classes.is_empty()
        && classes
            .iter()
            .all(|cl| leaves.iter().any(|l| *l == *cl || cl.is_ancestor_of(*l)));
    if !covered {
        return;
    }
    let mut ids = vec![total_change.id.to_owned()];
    let mut change_parts = Vec::new();
    for l in &leaves {
        if let Some((id, a, _)) = changes.get(l) {
            change_parts.push(*a);
            ids.push(id.to_string());
        }
    }
    if let Ok(v) = check_sum(&total_change.amount, &change_parts) {
        if sink.enabled(t.rules.change_sum) {
            report(
                sink,
                t.rules.change_sum,
                Severity::Error,
                &v,
                || {
                    format!(
                        "Σ {} 个科目增减额 = {}: stated {}",
                        change_parts.len(),
                        label(&total_change_id),
                        total_change.amount.printed()
                    )
                },
                || fact_ids(d, ids.iter().map(String::as_str)),
                total_change.span,
            );
        }
    }
    // Last years: Σ (x − Δ) over leaves vs total − total change. As a sum
    // check on the total: total = Δtotal + Σ x − Σ Δ, every figure's
    // rounding counted once.
    let mut parts = vec![total_change.amount];
    let mut prior_ids = vec![total.id.to_owned(), total_change.id.to_owned()];
    for l in &leaves {
        let (Some((xid, x, _)), Some((cid, c, _))) = (first.get(l), changes.get(l)) else {
            return;
        };
        parts.push(*x);
        parts.push(c.negated());
        prior_ids.push(xid.to_string());
        prior_ids.push(cid.to_string());
    }
    if !sink.enabled(t.rules.prior_year_sum) {
        return;
    }
    let Ok(v) = check_sum(&total.amount, &parts) else {
        return;
    };
    if v.outcome() == Outcome::Exact {
        return;
    }
    let stated_prior = total.amount.value() - total_change.amount.value();
    let diff = v.difference().unwrap_or_default();
    let sum_prior = stated_prior - diff;
    let severity = if v.is_consistent() {
        Severity::Info
    } else {
        Severity::Error
    };
    sink.push(Draft {
        rule: t.rules.prior_year_sum,
        severity,
        message: format!(
            "Σ {} 个科目上年数 = 合计上年数: {} − {} = {} stated, rows give {}: difference {} {} rounding tolerance {}",
            leaves.len(),
            total.amount.printed(),
            total_change.amount.printed(),
            plain(stated_prior),
            plain(sum_prior),
            plain(diff),
            if v.is_consistent() { "within" } else { "exceeds" },
            plain(v.tolerance())
        ),
        facts: fact_ids(d, prior_ids.iter().map(String::as_str)),
        expected: Some(plain(sum_prior)),
        actual: Some(plain(stated_prior)),
        difference: Some(plain(diff)),
        tolerance: Some(plain(v.tolerance())),
        span: total_change.span,
    });
}

/// `part ≤ whole`, beyond rounding.
fn bound(
    d: &Disclosure,
    sink: &mut Sink<'_>,
    rule: &'static str,
    severity: Severity,
    description: &str,
    part_id: &str,
    whole_id: &str,
) {
    if !sink.enabled(rule) {
        return;
    }
    let (Some(part), Some(whole)) = (d.get(part_id), d.get(whole_id)) else {
        return;
    };
    let excess = match (part.value(), whole.value()) {
        (Value::Amount(p), Value::Amount(w)) => {
            let Ok(w) = w.to_unit(p.unit()) else {
                return;
            };
            let slack = p.half_unit() + w.half_unit();
            let excess = p.value() - w.value();
            if excess <= slack {
                return;
            }
            (
                plain(p.value()),
                plain(w.value()),
                plain(excess),
                plain(slack.normalize()),
            )
        }
        (a, b) => {
            let (Some(p), Some(w)) = (a.as_count(), b.as_count()) else {
                return;
            };
            if p <= w {
                return;
            }
            (
                p.to_string(),
                w.to_string(),
                (p - w).to_string(),
                "0".to_owned(),
            )
        }
    };
    sink.push(Draft {
        rule,
        severity,
        message: format!(
            "{description}: {} {} exceeds {} {} by {}, beyond rounding tolerance {}",
            label(part_id),
            excess.0,
            label(whole_id),
            excess.1,
            excess.2,
            excess.3
        ),
        facts: fact_ids(d, [part_id, whole_id]),
        expected: Some(format!("≤ {}", excess.1)),
        actual: Some(excess.0),
        difference: Some(excess.2),
        tolerance: Some(excess.3),
        span: part.span(),
    });
}

/// T5 per 项 ≤ T3 per 项.
fn item_bound(d: &Disclosure, sink: &mut Sink<'_>) {
    if !sink.enabled("T5-T3.item-bound")
        || d.facts_with_prefix("expenditure.function.")
            .next()
            .is_none()
    {
        return;
    }
    let columns = table_columns(d, "general_budget.function.");
    let Some(gb) = columns.get("") else {
        return;
    };
    for code in gb.keys() {
        let part = format!("general_budget.function.{code}");
        let whole = format!("expenditure.function.{code}");
        bound(
            d,
            sink,
            "T5-T3.item-bound",
            Severity::Warning,
            "一般公共预算财政拨款支出 ≤ 支出决算表同科目本年支出",
            &part,
            &whole,
        );
    }
}

/// Every statement of a restated fact must agree.
fn restatements(d: &Disclosure, sink: &mut Sink<'_>) {
    if !sink.enabled("restatement") {
        return;
    }
    for (id, stmts) in d.iter() {
        let Some((first, rest)) = stmts.split_first() else {
            continue;
        };
        for other in rest {
            let (severity, tolerance, expected, actual, diff) = match (first.value(), other.value())
            {
                (Value::Amount(a), Value::Amount(b)) => {
                    let Ok(v) = check_sum(b, &[*a]) else {
                        continue;
                    };
                    let severity = match v.outcome() {
                        Outcome::Exact => continue,
                        Outcome::WithinRounding => Severity::Info,
                        _ => Severity::Error,
                    };
                    (
                        severity,
                        plain(v.tolerance()),
                        plain(a.value()),
                        plain(b.value()),
                        v.difference().map(plain).unwrap_or_default(),
                    )
                }
                (Value::Text(_), Value::Text(_)) => continue,
                (a, b) if a == b => continue,
                (a, b) => (
                    Severity::Error,
                    "0".to_owned(),
                    a.plain(),
                    b.plain(),
                    String::new(),
                ),
            };
            sink.push(Draft {
                rule: "restatement",
                severity,
                message: format!(
                    "{} is stated as {expected} and again as {actual}: difference {diff}, tolerance {tolerance}",
                    id.label()
                ),
                facts: vec![id.clone()],
                expected: Some(expected),
                actual: Some(actual),
                difference: Some(diff),
                tolerance: Some(tolerance),
                span: other.span().or(first.span()),
            });
        }
    }
}

/// The whole a `<base>.share` refers to.
fn share_whole(base: &str, code: Option<FunctionCode>) -> Option<&'static str> {
    SHARE_BASES.iter().find_map(|(pattern, whole)| {
        if let Some(prefix) = pattern.strip_suffix("{class}") {
            let c = code?;
            let rest = base.strip_prefix(prefix)?;
            let matches =
                c.parent().is_none() && rest.len() == 3 && rest.bytes().all(|b| b.is_ascii_digit());
            matches.then_some(*whole)
        } else {
            (*pattern == base).then_some(*whole)
        }
    })
}

/// Shares, changes, last years, budget comparisons and wording, for every
/// stated suffix.
fn suffixed(d: &Disclosure, sink: &mut Sink<'_>) {
    for (id, stmts) in d.iter() {
        let Some(suffix) = id.suffix() else {
            continue;
        };
        let Some(fact) = stmts.first() else {
            continue;
        };
        let base_id = id.base();
        match suffix {
            Suffix::Share => {
                let (Some(p), Some(part), Some(whole_id)) = (
                    fact.value().as_percent(),
                    stated(d, base_id),
                    share_whole(base_id, id.function_code()),
                ) else {
                    continue;
                };
                let Some(whole) = stated(d, whole_id) else {
                    continue;
                };
                if let Ok(v) = check_share(&part.amount, &whole.amount, &p) {
                    report(
                        sink,
                        "narrative.share",
                        Severity::Error,
                        &v,
                        || {
                            format!(
                                "{} {} / {} {} = {p}?",
                                label(base_id),
                                part.amount.printed(),
                                label(whole_id),
                                whole.amount.printed()
                            )
                        },
                        || fact_ids(d, [id.as_str(), base_id, whole_id]),
                        fact.span(),
                    );
                }
            }
            Suffix::ChangeRate => {
                let change_id = cat(base_id, ".change");
                let (Some(rate), Some(current), Some(change)) = (
                    fact.value().as_percent(),
                    stated(d, base_id),
                    stated(d, &change_id),
                ) else {
                    continue;
                };
                if let Ok(v) = check_change(&current.amount, &change.amount, &rate) {
                    report(
                        sink,
                        "narrative.change-rate",
                        Severity::Error,
                        &v,
                        || {
                            format!(
                                "{} {}, change {}, rate {rate}",
                                label(base_id),
                                current.amount.printed(),
                                change.amount.printed()
                            )
                        },
                        || fact_ids(d, [id.as_str(), base_id, change_id.as_str()]),
                        fact.span(),
                    );
                }
            }
            Suffix::PriorYear => {
                let change_id = cat(base_id, ".change");
                sum_rule(
                    d,
                    sink,
                    "narrative.prior-year",
                    "本年数 = 上年数 + 增减额",
                    base_id,
                    &[id.as_str(), change_id.as_str()],
                );
            }
            Suffix::BudgetVarianceRate | Suffix::CompletionRate => {
                let budget_id = budget_of(base_id);
                let (Some(rate), Some(actual), Some(budget)) = (
                    fact.value().as_percent(),
                    stated(d, base_id),
                    stated(d, &budget_id),
                ) else {
                    continue;
                };
                let (rule, v) = if suffix == Suffix::CompletionRate {
                    (
                        "narrative.completion-rate",
                        check_share(&actual.amount, &budget.amount, &rate),
                    )
                } else {
                    (
                        "narrative.budget-variance",
                        check_variance_rate(&budget.amount, &actual.amount, &rate),
                    )
                };
                if let Ok(v) = v {
                    report(
                        sink,
                        rule,
                        Severity::Error,
                        &v,
                        || {
                            format!(
                                "{} 决算数 {}, 预算数 {}, {} {rate}",
                                label(base_id),
                                actual.amount.printed(),
                                budget.amount.printed(),
                                suffix.label()
                            )
                        },
                        || fact_ids(d, [id.as_str(), base_id, budget_id.as_str()]),
                        fact.span(),
                    );
                }
            }
            Suffix::ChangeWord | Suffix::ChangeRateWord => {
                wording_direction(d, sink, id, fact, base_id, suffix)
            }
            Suffix::ComparisonWord => wording_comparison(d, sink, id, fact, base_id),
            _ => {}
        }
    }
}

/// The budget figure a base's budget comparison refers to.
fn budget_of(base_id: &str) -> String {
    if base_id == "appropriation.revenue_total" {
        "appropriation.initial_budget".to_owned()
    } else {
        cat(base_id, ".budget")
    }
}

/// The sign a stated direction word implies: +1 rise, −1 fall, 0 unchanged.
fn word_sign(word: &str) -> Option<i32> {
    let w = word.trim();
    if ["增加", "增长", "上升", "提高", "增"]
        .iter()
        .any(|x| w.starts_with(x))
    {
        Some(1)
    } else if ["减少", "下降", "降低", "减"]
        .iter()
        .any(|x| w.starts_with(x))
    {
        Some(-1)
    } else if ["持平", "无变化", "没有变化", "不变", "相同", "一致"]
        .iter()
        .any(|x| w.contains(x))
    {
        Some(0)
    } else {
        None
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
    d: &Disclosure,
    sink: &mut Sink<'_>,
    id: &FactId,
    fact: &Fact,
    base_id: &str,
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
    let figure_id = if suffix == Suffix::ChangeWord {
        cat(base_id, ".change")
    } else {
        cat(base_id, ".change_rate")
    };
    let figure = d.get(&figure_id).and_then(|f| match f.value() {
        Value::Amount(a) => Some(a.value()),
        Value::Percent(p) => Some(p.value()),
        Value::SignedCount(n) => Some(Decimal::from(*n)),
        _ => None,
    });
    let prior = stated(d, &cat(base_id, ".prior_year"))
        .zip(stated(d, base_id))
        .map(|(p, c)| c.amount.value() - p.amount.value());
    let mut clash = |actual: Decimal, what: &str, involved: &str| {
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
        sink.push(Draft {
            rule,
            severity: Severity::Warning,
            message: format!(
                "{}: the text says “{word}” but {what} is {}",
                label(base_id),
                plain(actual)
            ),
            facts: fact_ids(d, [id.as_str(), involved]),
            expected: Some(match is {
                1 => "增加/增长".to_owned(),
                -1 => "减少/下降".to_owned(),
                _ => "持平".to_owned(),
            }),
            actual: Some(word.to_owned()),
            difference: None,
            tolerance: None,
            span: fact.span(),
        });
    };
    if let Some(f) = figure {
        clash(f, "the stated figure", &figure_id);
    } else if let Some(p) = prior {
        clash(p, "this year − last year", base_id);
    }
    // The two words of one sentence must agree with each other.
    if suffix == Suffix::ChangeWord {
        let rate_word_id = cat(base_id, ".change_rate_word");
        if let Some(other) = d.text(&rate_word_id).and_then(word_sign) {
            if other != said && sink.enabled("wording.change-direction") {
                sink.push(Draft {
                    rule: "wording.change-direction",
                    severity: Severity::Warning,
                    message: format!(
                        "{}: “{word}” and “{}” state different directions",
                        label(base_id),
                        d.text(&rate_word_id).unwrap_or_default()
                    ),
                    facts: fact_ids(d, [id.as_str(), rate_word_id.as_str()]),
                    expected: None,
                    actual: Some(word.to_owned()),
                    difference: None,
                    tolerance: None,
                    span: fact.span(),
                });
            }
        }
    }
}

/// 决算数大于/小于/等于预算数 must match the figures.
fn wording_comparison(
    d: &Disclosure,
    sink: &mut Sink<'_>,
    id: &FactId,
    fact: &Fact,
    base_id: &str,
) {
    let Some(word) = fact.value().as_text() else {
        return;
    };
    let w: String = word.chars().filter(|c| !c.is_whitespace()).collect();
    let said = if w.contains("大于") || w.contains("超") || w.contains("高于") {
        1
    } else if w.contains("小于") || w.contains("未完成") || w.contains("低于") {
        -1
    } else if w.contains("等于") || w.contains("持平") || w.contains("一致") {
        0
    } else {
        return;
    };
    let budget_id = budget_of(base_id);
    let (Some(actual), Some(budget)) = (stated(d, base_id), stated(d, &budget_id)) else {
        return;
    };
    let diff = actual.amount.value() - budget.amount.value();
    if sign_of(diff) == said {
        return;
    }
    sink.push(Draft {
        rule: "wording.budget-comparison",
        severity: Severity::Warning,
        message: format!(
            "{}: the text says 决算数“{word}”预算数, but 决算数 {} − 预算数 {} = {}",
            label(base_id),
            actual.amount.printed(),
            budget.amount.printed(),
            plain(diff)
        ),
        facts: fact_ids(d, [id.as_str(), base_id, budget_id.as_str()]),
        expected: Some(
            match sign_of(diff) {
                1 => "大于",
                -1 => "小于",
                _ => "等于",
            }
            .to_owned(),
        ),
        actual: Some(word.to_owned()),
        difference: Some(plain(diff)),
        tolerance: None,
        span: fact.span(),
    });
}

/// 公务用车保有量 vs 国有资产车辆数: a difference must be explained.
fn vehicles_held(d: &Disclosure, sink: &mut Sink<'_>) {
    let (Some(held), Some(assets)) = (
        d.get("three_public.vehicles_held"),
        d.get("assets.vehicles"),
    ) else {
        return;
    };
    let (Some(h), Some(a)) = (held.value().as_count(), assets.value().as_count()) else {
        return;
    };
    if h == a {
        return;
    }
    let explained = d.contains("three_public.vehicles_held.reason");
    sink.push(Draft {
        rule: "assets.vehicles-held-difference",
        severity: if explained {
            Severity::Info
        } else {
            Severity::Warning
        },
        message: format!(
            "公务用车保有量 {h} 辆 vs 国有资产车辆 {a} 辆: difference {}, {}",
            h - a,
            if explained {
                "explained in the text"
            } else {
                "not explained"
            }
        ),
        facts: fact_ids(d, ["assets.vehicles", "three_public.vehicles_held"]),
        expected: Some(a.to_string()),
        actual: Some(h.to_string()),
        difference: Some((h - a).to_string()),
        tolerance: Some("0".to_owned()),
        span: held.span(),
    });
}

/// Years named in the text must fit the report year; placeholders left in.
fn years(d: &Disclosure, sink: &mut Sink<'_>) {
    for f in d.statements("document.placeholder") {
        let text = f.value().as_text().unwrap_or_default();
        sink.push(Draft {
            rule: "template.placeholder",
            severity: Severity::Warning,
            message: format!("template placeholder left in the text: “{text}”"),
            facts: fact_ids(d, ["document.placeholder"]),
            expected: None,
            actual: Some(text.to_owned()),
            difference: None,
            tolerance: None,
            span: f.span(),
        });
    }
    let Some(fy) = d.fiscal_year().map(|y| i64::from(y.year())) else {
        return;
    };
    let checks: [(&'static str, &str, i64, &str); 3] = [
        ("year.title", "document.title_year", fy, "the report year"),
        (
            "year.heading",
            "document.heading_year",
            fy,
            "the report year",
        ),
        (
            "year.prior",
            "document.prior_year",
            fy - 1,
            "the year before the report year",
        ),
    ];
    for (rule, id, want, what) in checks {
        for f in d.statements(id) {
            let Some(y) = f.value().as_count() else {
                continue;
            };
            if y != want {
                sink.push(Draft {
                    rule,
                    severity: Severity::Warning,
                    message: format!(
                        "{}: the text names {y}, expected {want} ({what})",
                        label(id)
                    ),
                    facts: fact_ids(d, [id]),
                    expected: Some(want.to_string()),
                    actual: Some(y.to_string()),
                    difference: Some((y - want).to_string()),
                    tolerance: Some("0".to_owned()),
                    span: f.span(),
                });
            }
        }
    }
    let want = format!("{fy}-12-31");
    for f in d.statements("document.balance_date") {
        let Some(text) = f.value().as_text() else {
            continue;
        };
        if text != want {
            sink.push(Draft {
                rule: "year.balance-date",
                severity: Severity::Warning,
                message: format!("资产截止日期: the text names {text}, expected {want}"),
                facts: fact_ids(d, ["document.balance_date"]),
                expected: Some(want.clone()),
                actual: Some(text.to_owned()),
                difference: None,
                tolerance: None,
                span: f.span(),
            });
        }
    }
}

/// Codes in fact ids, cited codes and stated names against the catalogs.
fn codes(d: &Disclosure, sink: &mut Sink<'_>) {
    let functions = Catalog::function();
    let economics = Catalog::economic();
    let year = d.fiscal_year().map_or(2024, |y| y.year());
    let mut seen = std::collections::BTreeSet::new();
    for (id, stmts) in d.iter() {
        if let Some(code) = id.function_code() {
            if seen.insert(u32::from(code)) && !functions.contains(code) {
                push_code(
                    sink,
                    "code.unknown",
                    id,
                    stmts.first(),
                    format!("function code {code} is not in the {year} catalog"),
                    None,
                );
            }
        }
        if let Some(code) = id.economic_code() {
            if seen.insert(u32::from(code)) && !economics.contains(code) {
                push_code(
                    sink,
                    "code.unknown",
                    id,
                    stmts.first(),
                    format!("economic code {code} is not in the {year} catalog"),
                    None,
                );
            }
        }
        match id.suffix() {
            Some(Suffix::Name) => {
                let Some(code) = id.function_code() else {
                    continue;
                };
                for f in stmts {
                    let Some(name) = f.value().as_text() else {
                        continue;
                    };
                    if functions.contains(code) && !functions.has_name(code, name) {
                        let expected = functions.name_in(code, year).unwrap_or_default().to_owned();
                        push_code(
                            sink,
                            "code.name-mismatch",
                            id,
                            Some(f),
                            format!(
                                "{code} is named “{name}”, but the catalog names it “{expected}”"
                            ),
                            Some(expected),
                        );
                    }
                }
            }
            Some(Suffix::UnresolvedItem) => {
                let Some(code) = id.function_code() else {
                    continue;
                };
                let known = functions.name_in(code, year).unwrap_or_default();
                for f in stmts {
                    let path = f.value().as_text().unwrap_or_default();
                    push_code(
                        sink,
                        "code.unresolved-item",
                        id,
                        Some(f),
                        format!(
                            "“{path}”: the {year} catalog has no such item under {code} {known}; \
                             its figures are not placed, so {code}'s items are not summed"
                        ),
                        None,
                    );
                }
            }
            Some(Suffix::CitedCode) => {
                for f in stmts {
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

/// One cited code, "2080104 综合事务管理" or "208001": a function code, or an
/// economic code when it starts with 3.
fn cited(sink: &mut Sink<'_>, id: &FactId, f: &Fact, text: &str, year: i32) {
    let digits: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || c.is_whitespace())
        .filter(char::is_ascii_digit)
        .collect();
    let name: String = text
        .chars()
        .skip_while(|c| c.is_ascii_digit() || c.is_whitespace())
        .filter(|c| !c.is_whitespace())
        .collect();
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
    fn check<C: crate::code::ClassificationCode>(&self, sink: &mut Sink<'_>) {
        let catalog = C::builtin_catalog();
        let (id, f, year) = (self.id, Some(self.f), self.year);
        match self.digits.parse::<C>() {
            Err(e) => push_code(
                sink,
                "code.malformed",
                id,
                f,
                format!("cited code “{}”: {e}", self.text),
                None,
            ),
            Ok(code) if !catalog.contains(code) => push_code(
                sink,
                "code.unknown",
                id,
                f,
                format!("cited {} {code} is not in the {year} catalog", C::KIND),
                None,
            ),
            Ok(code) if !self.name.is_empty() && !catalog.has_name(code, self.name) => {
                let expected = catalog.name_in(code, year).unwrap_or_default().to_owned();
                push_code(
                    sink,
                    "code.name-mismatch",
                    id,
                    f,
                    format!(
                        "cited code {code} is named “{}”, but the catalog names it “{expected}”",
                        self.name
                    ),
                    Some(expected),
                );
            }
            Ok(_) => {}
        }
    }
}

fn push_code(
    sink: &mut Sink<'_>,
    rule: &'static str,
    id: &FactId,
    f: Option<&Fact>,
    message: String,
    expected: Option<String>,
) {
    sink.push(Draft {
        rule,
        severity: Severity::Warning,
        message,
        facts: vec![id.clone()],
        expected,
        actual: f.and_then(|f| f.value().as_text().map(str::to_owned)),
        difference: None,
        tolerance: None,
        span: f.and_then(Fact::span),
    });
}
