//! Proptest strategies that generate final accounts (feature `proptest`).
//!
//! [`consistent_disclosure`] generates a [`Disclosure`] the way a department
//! produces one. It draws the *true* figures in whole 元, derives every total
//! from its parts with the identity tables the audit checks
//! ([`SUM_IDENTITIES`], [`BALANCE_IDENTITIES`], [`FUNCTION_TABLES`]), computes
//! shares (for every pair in [`SHARE_BASES`]), year-on-year changes and
//! budget comparisons from the true figures, and only then prints every
//! amount in 万元 to two decimals, rounding 四舍五入. So the printed figures
//! carry the one-cent artefacts of real reports (parts that sum to 68,369.45
//! under a total printed 68,369.46), and a correct audit finds nothing worse
//! than [`Severity::Info`](crate::Severity::Info) in them.
//!
//! [`perturbed_disclosure`] and [`multi_perturbed_disclosure`] then change
//! printed amounts that take part in an identity by more than rounding can
//! explain: a correct audit reports an error naming each changed fact.
//!
//! ```
//! use juesuan::strategy::{consistent_disclosure, perturbed_disclosure};
//! use juesuan::{Severity, audit};
//! use proptest::prelude::*;
//! use proptest::test_runner::{Config, TestRunner};
//!
//! let mut runner = TestRunner::new(Config::with_cases(8));
//! runner.run(&consistent_disclosure(), |d| {
//!     prop_assert!(audit(&d).iter().all(|f| f.severity() == Severity::Info));
//!     Ok(())
//! })?;
//! runner.run(&perturbed_disclosure(), |(d, p)| {
//!     let findings = audit(&d);
//!     prop_assert!(findings
//!         .iter()
//!         .any(|f| f.severity() == Severity::Error && f.facts().contains(&p.fact)));
//!     Ok(())
//! })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! In a test suite, use them with the `proptest!` macro (and mark the
//! function `#[test]`):
//!
//! ```
//! use juesuan::strategy::consistent_disclosure;
//! use juesuan::Disclosure;
//! use proptest::prelude::*;
//!
//! proptest! {
//!     #![proptest_config(ProptestConfig::with_cases(4))]
//!     fn json_round_trip(d in consistent_disclosure()) {
//!         prop_assert_eq!(Disclosure::from_json(&d.to_json()).ok(), Some(d));
//!     }
//! }
//! # json_round_trip();
//! ```

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use proptest::array::{uniform8, uniform16, uniform24};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, subsequence};
use rust_decimal::Decimal;

use crate::amount::{Amount, Percent, Unit, round_half_away_from_zero};
use crate::audit::{
    ABSENT_IS_ZERO, BALANCE_IDENTITIES, FUNCTION_TABLES, SHARE_BASES, SUM_IDENTITIES,
};
use crate::code::{Catalog, CodeLevel, FunctionCode};
use crate::date::FiscalYear;
use crate::disclosure::{Disclosure, Fact, Value};
use crate::fact::{FactId, FactKind, VehicleKind};
use crate::model::{FinalAccounts, ModelError, ThreePublicExpenses};

/// The fiscal year of every generated report.
const YEAR: i32 = 2024;

/// Fact id prefix of the rows of 一般公共预算财政拨款支出决算表 (T5).
const T5: &str = "general_budget.function.";

/// The smallest last-year figure generated, in 元 (1.00 万元): rates of
/// change are never stated on a zero base.
const MIN_PRIOR: i64 = 10_000;

/// Which parts of a report [`consistent_disclosure_with`] states.
///
/// The true figures are always generated in full, so a printed total agrees
/// with its parts even when the parts are not printed; the switches only
/// choose which facts the [`Disclosure`] states. [`DisclosureConfig::default`] states
/// everything; [`DisclosureConfig::tables`] only the tables, without the narrative's
/// shares, changes, budget comparisons, words, cited codes and restatements.
///
/// The struct is `#[non_exhaustive]`: start from a constructor and set fields.
///
/// ```
/// use juesuan::strategy::{DisclosureConfig, consistent_disclosure_with};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut config = DisclosureConfig::tables();
/// config.three_public = false;
/// let d = consistent_disclosure_with(config)
///     .new_tree(&mut TestRunner::deterministic())?
///     .current();
/// assert!(d.contains("revenue.total"));
/// assert!(!d.contains("three_public.total"));
/// assert!(!d.contains("revenue.appropriation.share"));
/// # Ok::<(), proptest::test_runner::Reason>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DisclosureConfig {
    /// 收入支出决算总表 (T1): `revenue.*`, `expenditure.*`.
    pub revenue_expenditure: bool,
    /// 财政拨款收入支出决算总表 (T4) with its three budget columns:
    /// `appropriation.*`, `general_budget.{opening_balance, revenue,
    /// expenditure, closing_balance}`, `government_fund.*`, `state_capital.*`.
    pub appropriation: bool,
    /// Whether 政府性基金预算 and 国有资本经营预算 may have non-zero figures
    /// (most departments have none: their columns are all 0.00).
    pub fund_budgets: bool,
    /// 一般公共预算财政拨款支出决算表 (T5): 类/款/项 rows with real codes from
    /// [`Catalog::function`], their 基本支出 and 项目支出 columns, and the 合计.
    pub function_rows: bool,
    /// 基本支出决算表 (T6) totals: `basic.{total, personnel, public}`,
    /// `office_operating_cost`, `institution_public_cost`.
    pub basic: bool,
    /// "三公"经费 (T9): amounts, counts and (with [`DisclosureConfig::budgets`]) budgets.
    pub three_public: bool,
    /// 政府采购: `procurement.*`.
    pub procurement: bool,
    /// Staffing counts and their changes: `staff.*`, `organization.divisions`.
    pub staff: bool,
    /// 国有资产: vehicles by kind, building area and values, equipment.
    pub assets: bool,
    /// 预算绩效: `performance.{budget_total, executed_total}`.
    pub performance: bool,
    /// `.share` of every stated pair in [`SHARE_BASES`] (a whole printed as
    /// 0.00 gets no share).
    pub shares: bool,
    /// Year-on-year `.change`, `.change_rate` and `.prior_year` of the T5
    /// rows and total, `revenue.total`, `expenditure.total` and
    /// `appropriation.revenue_total`.
    pub changes: bool,
    /// Budget figures (`.budget`, `appropriation.initial_budget`) with
    /// `.budget_variance_rate` and, for "三公"经费, `.completion_rate`.
    pub budgets: bool,
    /// Direction words (`.change_word`, `.change_rate_word`,
    /// `.comparison_word`) agreeing with the figures.
    pub wording: bool,
    /// `.name` and `.cited_code` of the T5 items, as the catalog names them.
    pub codes: bool,
    /// `document.{title_year, heading_year, prior_year, balance_date}`.
    pub document: bool,
    /// Totals the narrative restates, stated a second time (same figure).
    pub restatements: bool,
    /// The most 类 in T5 (at least 1).
    pub max_classes: usize,
    /// The most 项 per 类 in T5 (at least 1).
    pub max_items_per_class: usize,
}

/// The old name of [`DisclosureConfig`], which clashed with proptest's
/// `Config`.
#[deprecated(
    since = "0.2.0",
    note = "renamed `DisclosureConfig`: proptest has a `Config` too"
)]
pub type Config = DisclosureConfig;

impl Default for DisclosureConfig {
    /// Everything stated; up to 4 类 of up to 4 项 each.
    fn default() -> DisclosureConfig {
        DisclosureConfig {
            revenue_expenditure: true,
            appropriation: true,
            fund_budgets: true,
            function_rows: true,
            basic: true,
            three_public: true,
            procurement: true,
            staff: true,
            assets: true,
            performance: true,
            shares: true,
            changes: true,
            budgets: true,
            wording: true,
            codes: true,
            document: true,
            restatements: true,
            max_classes: 4,
            max_items_per_class: 4,
        }
    }
}

impl DisclosureConfig {
    /// Everything stated (the same as [`DisclosureConfig::default`]).
    ///
    /// ```
    /// use juesuan::strategy::DisclosureConfig;
    /// assert_eq!(DisclosureConfig::all(), DisclosureConfig::default());
    /// assert!(DisclosureConfig::all().shares);
    /// ```
    pub fn all() -> DisclosureConfig {
        DisclosureConfig::default()
    }

    /// The tables only: every table figure, but no shares, changes, budget
    /// comparisons, words, cited codes, document facts or restatements.
    ///
    /// ```
    /// use juesuan::strategy::DisclosureConfig;
    /// let c = DisclosureConfig::tables();
    /// assert!(c.function_rows && !c.shares && !c.changes);
    /// ```
    pub fn tables() -> DisclosureConfig {
        DisclosureConfig {
            shares: false,
            changes: false,
            budgets: false,
            wording: false,
            codes: false,
            document: false,
            restatements: false,
            ..DisclosureConfig::default()
        }
    }
}

/// One printed amount changed by [`perturbed_disclosure`] or
/// [`multi_perturbed_disclosure`].
///
/// Every statement of `fact` now reads `to` instead of `from`. The change is
/// at least 1.00 万元 plus one cent for every amount the disclosure states,
/// which is more than twice the rounding tolerance of any identity: the
/// identity held within its tolerance before, so it is off by more than its
/// tolerance after.
///
/// ```
/// use juesuan::strategy::perturbed_disclosure;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let (d, p) = perturbed_disclosure()
///     .new_tree(&mut TestRunner::deterministic())?
///     .current();
/// assert_eq!(d.amount(p.fact.as_str()), Some(p.to));
/// assert!((p.to.value() - p.from.value()).abs() >= rust_decimal::Decimal::ONE);
/// # Ok::<(), proptest::test_runner::Reason>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perturbation {
    /// The fact whose printed amount was changed.
    pub fact: FactId,
    /// The amount as the consistent report printed it.
    pub from: Amount,
    /// The amount the perturbed report prints instead.
    pub to: Amount,
}

/// Consistent reports with every part stated ([`DisclosureConfig::default`]).
///
/// Fiscal year 2024, amounts in 万元 to two decimals. The audit of such a
/// report gives no error and no warning; findings of
/// [`Severity::Info`](crate::Severity::Info) (consistent within rounding)
/// are expected.
///
/// ```
/// use juesuan::strategy::consistent_disclosure;
/// use juesuan::{Severity, Unit, audit};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let d = consistent_disclosure()
///     .new_tree(&mut TestRunner::deterministic())?
///     .current();
/// assert_eq!(d.fiscal_year().map(|y| y.year()), Some(2024));
/// assert_eq!(d.unit(), Unit::WanYuan);
/// assert!(audit(&d).iter().all(|f| f.severity() == Severity::Info));
/// # Ok::<(), proptest::test_runner::Reason>(())
/// ```
pub fn consistent_disclosure() -> impl Strategy<Value = Disclosure> {
    consistent_disclosure_with(DisclosureConfig::default())
}

/// Consistent reports stating the parts `config` selects.
///
/// ```
/// use juesuan::strategy::{DisclosureConfig, consistent_disclosure_with};
/// use juesuan::{Severity, audit};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut config = DisclosureConfig::default();
/// config.max_classes = 1;
/// config.max_items_per_class = 1;
/// let d = consistent_disclosure_with(config)
///     .new_tree(&mut TestRunner::deterministic())?
///     .current();
/// // One 类, one 款, one 项.
/// let rows = d
///     .ids_with_prefix("general_budget.function.")
///     .filter(|id| id.suffix().is_none() && !id.as_str().ends_with(".basic") && !id.as_str().ends_with(".project"))
///     .count();
/// assert_eq!(rows, 3);
/// assert!(audit(&d).iter().all(|f| f.severity() == Severity::Info));
/// # Ok::<(), proptest::test_runner::Reason>(())
/// ```
pub fn consistent_disclosure_with(config: DisclosureConfig) -> impl Strategy<Value = Disclosure> {
    plan(&config)
        .prop_map(move |plan| print(&Truth::new(&plan, &config), &plan, &config))
        .boxed()
}

/// A consistent report ([`DisclosureConfig::default`]) with one printed amount that
/// takes part in an identity changed beyond rounding.
///
/// ```
/// use juesuan::strategy::perturbed_disclosure;
/// use juesuan::{Severity, audit};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let (d, p) = perturbed_disclosure()
///     .new_tree(&mut TestRunner::deterministic())?
///     .current();
/// assert!(audit(&d)
///     .iter()
///     .any(|f| f.severity() == Severity::Error && f.facts().contains(&p.fact)));
/// # Ok::<(), proptest::test_runner::Reason>(())
/// ```
pub fn perturbed_disclosure() -> impl Strategy<Value = (Disclosure, Perturbation)> {
    perturbed_disclosure_with(DisclosureConfig::default())
}

/// As [`perturbed_disclosure`], from reports stating the parts `config`
/// selects. Reports in which no stated amount takes part in an identity are
/// rejected (so a `config` that states no table makes the strategy fail).
///
/// ```
/// use juesuan::strategy::{DisclosureConfig, perturbed_disclosure_with};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let (_, p) = perturbed_disclosure_with(DisclosureConfig::tables())
///     .new_tree(&mut TestRunner::deterministic())?
///     .current();
/// assert_ne!(p.from, p.to);
/// # Ok::<(), proptest::test_runner::Reason>(())
/// ```
pub fn perturbed_disclosure_with(
    config: DisclosureConfig,
) -> impl Strategy<Value = (Disclosure, Perturbation)> {
    multi_perturbed_disclosure_with(config, 1)
        .prop_filter_map("no amount to perturb", |(d, mut ps)| {
            ps.pop().map(|p| (d, p))
        })
        .boxed()
}

/// A consistent report ([`DisclosureConfig::default`]) with `n` distinct printed
/// amounts changed beyond rounding (fewer if fewer amounts take part in an
/// identity).
///
/// The k-th change (from 0) is 2^k times a base larger than twice any
/// identity's tolerance, so no combination of changes can cancel out in an
/// identity: every identity with a changed figure fails, and the audit
/// reports an error naming each changed fact.
///
/// ```
/// use juesuan::strategy::multi_perturbed_disclosure;
/// use juesuan::{Severity, audit};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let (d, ps) = multi_perturbed_disclosure(3)
///     .new_tree(&mut TestRunner::deterministic())?
///     .current();
/// assert_eq!(ps.len(), 3);
/// let findings = audit(&d);
/// for p in &ps {
///     assert!(findings
///         .iter()
///         .any(|f| f.severity() == Severity::Error && f.facts().contains(&p.fact)));
/// }
/// # Ok::<(), proptest::test_runner::Reason>(())
/// ```
pub fn multi_perturbed_disclosure(
    n: usize,
) -> impl Strategy<Value = (Disclosure, Vec<Perturbation>)> {
    multi_perturbed_disclosure_with(DisclosureConfig::default(), n)
}

/// As [`multi_perturbed_disclosure`], from reports stating the parts
/// `config` selects. Reports in which no stated amount takes part in an
/// identity are rejected.
///
/// ```
/// use juesuan::strategy::{DisclosureConfig, multi_perturbed_disclosure_with};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let (_, ps) = multi_perturbed_disclosure_with(DisclosureConfig::tables(), 2)
///     .new_tree(&mut TestRunner::deterministic())?
///     .current();
/// assert_ne!(ps[0].fact, ps[1].fact);
/// # Ok::<(), proptest::test_runner::Reason>(())
/// ```
pub fn multi_perturbed_disclosure_with(
    config: DisclosureConfig,
    n: usize,
) -> impl Strategy<Value = (Disclosure, Vec<Perturbation>)> {
    (
        consistent_disclosure_with(config),
        vec((any::<Index>(), any::<bool>()), n),
        0..=100_000i64,
    )
        .prop_filter_map("no amount to perturb", |(d, picks, extra_cents)| {
            perturb(d, &picks, extra_cents)
        })
        .boxed()
}

// ---------------------------------------------------------------------------
// What is drawn.

/// One T5 item: its code, 基本支出 and 项目支出 in 元, and last year's figure
/// as (500 + `prior_permille`) ‰ of this year's: 50 % to 200 %.
#[derive(Debug, Clone)]
struct Item {
    code: FunctionCode,
    basic: i64,
    project: i64,
    prior_permille: i64,
}

/// Everything drawn for one report; [`Truth::new`] turns it into figures.
#[derive(Debug, Clone)]
struct Plan {
    items: Vec<Item>,
    /// Amounts up to 3×10⁹ 元.
    big: [i64; 24],
    /// Amounts up to 5×10⁶ 元 ("三公"经费).
    small: [i64; 8],
    /// Ratios, per mille.
    permille: [i64; 16],
    /// Raw counts, reduced to each count's range.
    counts: [i64; 24],
}

/// An amount in 元: sometimes zero, sometimes small enough to print as a few
/// cents, mostly up to `max`.
fn yuan(max: i64) -> BoxedStrategy<i64> {
    prop_oneof![
        1 => Just(0i64),
        2 => 1..100_000i64,
        7 => 100_000..=max.max(100_000),
    ]
    .boxed()
}

/// The 项 of the built-in function catalog whose 款 and 类 it also lists,
/// by 类.
struct Tree {
    classes: Vec<FunctionCode>,
    items: BTreeMap<FunctionCode, Vec<FunctionCode>>,
}

impl Tree {
    fn items_of(&'static self, class: FunctionCode) -> &'static [FunctionCode] {
        self.items.get(&class).map_or(&[], Vec::as_slice)
    }
}

fn tree() -> &'static Tree {
    static TREE: OnceLock<Tree> = OnceLock::new();
    TREE.get_or_init(|| {
        let catalog = Catalog::function();
        let mut items: BTreeMap<FunctionCode, Vec<FunctionCode>> = BTreeMap::new();
        for entry in catalog.iter() {
            let code = entry.code();
            let listed =
                code.level() == CodeLevel::Item && code.ancestors().all(|a| catalog.contains(a));
            // A narrative names items by path, so an item whose name a
            // sibling shares (2089901 and 2089999 are both 其他社会保障和就业
            // 支出) cannot be told apart in text: real reports avoid that, and
            // so do the generated ones.
            let unique = code.parent().is_none_or(|p| {
                catalog
                    .children(p)
                    .filter(|sibling| sibling.name() == entry.name())
                    .count()
                    == 1
            });
            if listed && unique {
                items.entry(code.class()).or_default().push(code);
            }
        }
        Tree {
            classes: items.keys().copied().collect(),
            items,
        }
    })
}

/// The T5 items: 1 to `max_classes` 类, each with 1 to `max_items_per_class`
/// 项, with their amounts.
fn items(config: &DisclosureConfig) -> BoxedStrategy<Vec<Item>> {
    let tree = tree();
    let max_classes = config.max_classes.clamp(1, tree.classes.len().max(1));
    let per_class = config.max_items_per_class.max(1);
    subsequence(tree.classes.as_slice(), 1..=max_classes)
        .prop_flat_map(move |classes| {
            classes
                .into_iter()
                .map(|class| {
                    let items = tree.items_of(class);
                    subsequence(items, 1..=per_class.min(items.len()).max(1))
                })
                .collect::<Vec<_>>()
        })
        .prop_flat_map(|groups| {
            let codes: Vec<FunctionCode> = groups.concat();
            let n = codes.len();
            (
                Just(codes),
                vec((yuan(2_000_000_000), yuan(3_000_000_000), 0..=1500i64), n),
            )
        })
        .prop_map(|(codes, amounts)| {
            codes
                .into_iter()
                .zip(amounts)
                .map(|(code, (basic, project, prior_permille))| Item {
                    code,
                    basic,
                    project,
                    prior_permille,
                })
                .collect()
        })
        .boxed()
}

fn plan(config: &DisclosureConfig) -> BoxedStrategy<Plan> {
    (
        items(config),
        uniform24(yuan(3_000_000_000)),
        uniform8(yuan(5_000_000)),
        uniform16(0..=1000i64),
        uniform24(0..=5000i64),
    )
        .prop_map(|(items, big, small, permille, counts)| Plan {
            items,
            big,
            small,
            permille,
            counts,
        })
        .boxed()
}

// ---------------------------------------------------------------------------
// True figures, derived with the identity tables.

/// A map keyed by fact id.
/// foldhash with a fixed seed: fact ids are short and trusted, SipHash
/// showed in profiles, and a fixed seed keeps generation reproducible.
type IdMap<V> = HashMap<String, V, foldhash::fast::FixedState>;

/// True figures by fact id, this year's and last year's: amounts in 元,
/// counts in units. Ids are interned, so that identities are evaluated on
/// indices.
#[derive(Debug, Clone, Default)]
struct Sheet {
    index: IdMap<usize>,
    names: Vec<String>,
    now: Vec<Option<i64>>,
    prior: Vec<Option<i64>>,
}

impl Sheet {
    fn slot(&mut self, id: &str) -> usize {
        if let Some(i) = self.index.get(id) {
            return *i;
        }
        let i = self.names.len();
        self.index.insert(id.to_owned(), i);
        self.names.push(id.to_owned());
        self.now.push(None);
        self.prior.push(None);
        i
    }

    fn get(&self, id: &str) -> Option<i64> {
        self.index
            .get(id)
            .and_then(|i| self.now.get(*i).copied().flatten())
    }

    fn or0(&self, id: &str) -> i64 {
        self.get(id).unwrap_or(0)
    }

    fn set(&mut self, id: impl AsRef<str>, value: i64) {
        let i = self.slot(id.as_ref());
        if let Some(x) = self.now.get_mut(i) {
            *x = Some(value);
        }
    }

    fn set_prior(&mut self, id: impl AsRef<str>, value: i64) {
        let i = self.slot(id.as_ref());
        if let Some(x) = self.prior.get_mut(i) {
            *x = Some(value);
        }
    }

    /// (id, figure) of every known figure of `column` (`now` or `prior`).
    fn known<'a>(&'a self, column: &'a [Option<i64>]) -> impl Iterator<Item = (&'a str, i64)> + 'a {
        self.names
            .iter()
            .zip(column)
            .filter_map(|(id, x)| x.map(|x| (id.as_str(), x)))
    }
}

/// Σ sign × figure = 0 over `terms` (signs ±1): fills in the one unknown
/// figure, if exactly one is unknown. Whether it filled one in.
fn solve(figures: &mut [Option<i64>], terms: &[(usize, i64)]) -> bool {
    let mut unknown: Option<(usize, i64)> = None;
    let mut acc: i64 = 0;
    for (i, sign) in terms {
        match figures.get(*i).copied().flatten() {
            Some(x) => acc += sign * x,
            None if unknown.is_none() => unknown = Some((*i, *sign)),
            None => return false,
        }
    }
    match unknown.and_then(|(i, sign)| figures.get_mut(i).map(|x| (x, sign))) {
        Some((x, sign)) => {
            *x = Some(-acc * sign);
            true
        }
        None => false,
    }
}

/// Fills in every figure the identities determine, until none is left.
fn derive(figures: &mut [Option<i64>], identities: &[Vec<(usize, i64)>]) {
    loop {
        let mut changed = false;
        for terms in identities {
            changed |= solve(figures, terms);
        }
        if !changed {
            break;
        }
    }
}

/// Every identity as `Σ sign × fact = 0`: [`SUM_IDENTITIES`] (total − Σ
/// parts), [`BALANCE_IDENTITIES`] (opening + revenue − expenditure −
/// closing) and, for the rows `codes` of each of [`FUNCTION_TABLES`], each
/// row across its columns and, per column, 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类.
fn identities(codes: &BTreeSet<FunctionCode>, sheet: &mut Sheet) -> Vec<Vec<(usize, i64)>> {
    let mut out: Vec<Vec<(String, i64)>> = Vec::new();
    let sum = |total: String, parts: Vec<String>| {
        std::iter::once((total, 1))
            .chain(parts.into_iter().map(|p| (p, -1)))
            .collect::<Vec<_>>()
    };
    for t in FUNCTION_TABLES {
        if !t.prefix.starts_with(T5) {
            continue;
        }
        let row = |code: &FunctionCode, column: &str| format!("{}{code}{column}", t.prefix);
        // Parts before totals, so one pass usually derives everything.
        let others: Vec<&str> = t
            .columns
            .iter()
            .map(|(c, _)| *c)
            .filter(|c| !c.is_empty())
            .collect();
        if !others.is_empty() {
            for code in codes {
                out.push(sum(
                    row(code, ""),
                    others.iter().map(|c| row(code, c)).collect(),
                ));
            }
        }
        for (column, total) in t.columns {
            for level in [CodeLevel::Section, CodeLevel::Class] {
                for code in codes.iter().filter(|c| c.level() == level) {
                    let kids: Vec<String> = codes
                        .iter()
                        .filter(|k| code.is_parent_of(**k))
                        .map(|k| row(k, column))
                        .collect();
                    if !kids.is_empty() {
                        out.push(sum(row(code, column), kids));
                    }
                }
            }
            if let Some(total) = total {
                let classes: Vec<String> = codes
                    .iter()
                    .filter(|c| c.parent().is_none())
                    .map(|c| row(c, column))
                    .collect();
                if !classes.is_empty() {
                    out.push(sum((*total).to_owned(), classes));
                }
            }
        }
    }
    for s in SUM_IDENTITIES {
        // The generator states none of ABSENT_IS_ZERO: absent, they are
        // zero, and not unknowns to solve for.
        out.push(sum(
            s.total.to_owned(),
            s.parts
                .iter()
                .filter(|p| !ABSENT_IS_ZERO.contains(p))
                .map(|p| (*p).to_owned())
                .collect(),
        ));
    }
    for b in BALANCE_IDENTITIES {
        out.push(vec![
            (b.opening.to_owned(), 1),
            (b.revenue.to_owned(), 1),
            (b.expenditure.to_owned(), -1),
            (b.closing.to_owned(), -1),
        ]);
    }
    out.into_iter()
        .map(|terms| {
            terms
                .into_iter()
                .map(|(id, sign)| (sheet.slot(&id), sign))
                .collect()
        })
        .collect()
}

/// `value × permille / 1000`, rounded down.
fn per_mille(value: i64, permille: i64) -> i64 {
    value.saturating_mul(permille) / 1000
}

/// A last-year figure: `current` × (50 % to 200 %), at least [`MIN_PRIOR`].
fn prior_of(current: i64, permille: i64) -> i64 {
    per_mille(current, 500 + permille).max(MIN_PRIOR)
}

/// The true figures of one report.
struct Truth {
    /// This year's figures, and last year's for the facts whose change is
    /// stated.
    sheet: Sheet,
    /// 房屋面积 in m², to two decimals.
    building_area: Decimal,
}

impl Truth {
    fn new(plan: &Plan, config: &DisclosureConfig) -> Truth {
        let [
            gb_closing,
            gb_opening,
            gf_basic,
            gf_project,
            gf_closing,
            gf_opening,
            sc_basic,
            sc_project,
            sc_closing,
            sc_opening,
            superior_subsidy,
            business,
            operating,
            affiliate_remittance,
            other,
            balance_used,
            opening_extra,
            surplus,
            building_value,
            procurement_goods,
            procurement_works,
            procurement_services,
            vehicle_value,
            _,
        ] = plan.big;
        let [
            overseas,
            purchase,
            operation,
            reception,
            overseas_budget,
            purchase_budget,
            operation_budget,
            reception_budget,
        ] = plan.small;
        let [
            personnel_share,
            office_share,
            sme_share,
            small_micro_share,
            w_basic,
            w_project,
            w_remittance,
            w_operating,
            w_subsidy,
            gb_budget,
            initial_budget,
            performance_budget,
            revenue_prior,
            appropriation_prior,
            surplus_share,
            other_spending,
        ] = plan.permille;
        let [
            active,
            retired_cadre,
            retired,
            active_change,
            cadre_change,
            retired_change,
            v0,
            v1,
            v2,
            v3,
            v4,
            v5,
            v6,
            v7,
            unlisted_vehicles,
            overseas_groups,
            overseas_persons,
            vehicles_purchased,
            reception_batches,
            reception_persons,
            equipment,
            divisions,
            area,
            area_cents,
        ] = plan.counts;
        let fund = |x: i64| if config.fund_budgets { x } else { 0 };

        let mut v = Sheet::default();
        // 1. Leaves: T5 items, T7/T8 splits, closing balances, T9, counts.
        let mut codes = BTreeSet::new();
        for item in &plan.items {
            codes.insert(item.code);
            codes.extend(item.code.ancestors());
            v.set(format!("{T5}{}.basic", item.code), item.basic);
            v.set(format!("{T5}{}.project", item.code), item.project);
        }
        let identities = identities(&codes, &mut v);
        v.set("government_fund.expenditure.basic", fund(gf_basic));
        v.set("government_fund.expenditure.project", fund(gf_project));
        v.set("state_capital.expenditure.basic", fund(sc_basic));
        v.set("state_capital.expenditure.project", fund(sc_project));
        v.set("general_budget.closing_balance", gb_closing);
        v.set("government_fund.closing_balance", fund(gf_closing));
        v.set("state_capital.closing_balance", fund(sc_closing));
        for (id, x) in [
            ("overseas_travel", overseas),
            ("vehicle_purchase", purchase),
            ("vehicle_operation", operation),
            ("reception", reception),
        ] {
            v.set(format!("three_public.{id}"), x);
        }
        for (id, x) in [
            ("overseas_travel", overseas_budget),
            ("vehicle_purchase", purchase_budget),
            ("vehicle_operation", operation_budget),
            ("reception", reception_budget),
        ] {
            v.set(format!("three_public.{id}.budget"), x);
        }
        v.set("procurement.goods", procurement_goods);
        v.set("procurement.works", procurement_works);
        v.set("procurement.services", procurement_services);
        let (active, retired_cadre, retired) = (active, retired_cadre % 51, retired % 3001);
        v.set("staff.active", active);
        v.set("staff.retired_cadre", retired_cadre);
        v.set("staff.retired", retired);
        // A change never takes last year's count below zero.
        let change = |raw: i64, now: i64| (raw % 101 - 50).max(-now);
        v.set("staff.active.change", change(active_change, active));
        v.set(
            "staff.retired_cadre.change",
            change(cadre_change, retired_cadre),
        );
        v.set("staff.retired.change", change(retired_change, retired));
        for (kind, n) in VehicleKind::ALL
            .iter()
            .zip([v0, v1, v2, v3, v4, v5, v6, v7])
        {
            v.set(format!("assets.vehicles.{}", kind.id_segment()), n % 31);
        }
        derive(&mut v.now, &identities);

        // 2. Opening balances no larger than what there was to spend, so
        // that revenue (derived) is never negative; shares of totals.
        for b in BALANCE_IDENTITIES {
            let raw = match b.opening {
                "general_budget.opening_balance" => gb_opening,
                "government_fund.opening_balance" => fund(gf_opening),
                "state_capital.opening_balance" => fund(sc_opening),
                _ => 0,
            };
            let room = v.or0(b.expenditure).saturating_add(v.or0(b.closing));
            v.set(b.opening, raw.min(room).max(0));
        }
        v.set(
            "basic.personnel",
            per_mille(v.or0("basic.total"), personnel_share),
        );
        let sme = per_mille(v.or0("procurement.total"), sme_share);
        v.set("procurement.sme", sme);
        v.set("procurement.small_micro", per_mille(sme, small_micro_share));
        let vehicles = v.or0("assets.vehicles");
        v.set(
            "three_public.vehicles_held",
            vehicles - (unlisted_vehicles % 4).min(vehicles),
        );
        derive(&mut v.now, &identities);

        // 3. T1 revenue: its lines, and 年初结转和结余 at least the
        // appropriation's own.
        v.set(
            "office_operating_cost",
            per_mille(v.or0("basic.public"), office_share),
        );
        v.set("revenue.superior_subsidy", superior_subsidy);
        v.set("revenue.business", business);
        v.set("revenue.operating", operating);
        v.set("revenue.affiliate_remittance", affiliate_remittance);
        v.set("revenue.other", other);
        v.set("revenue.non_appropriation_balance_used", balance_used);
        v.set(
            "revenue.opening_balance",
            v.or0("appropriation.opening_balance") + opening_extra,
        );
        derive(&mut v.now, &identities);

        // 4. T1 expenditure: the appropriation's spending plus some of the
        // other money, by kind; what is left is 年末结转和结余.
        let appropriation = v.or0("appropriation.expenditure");
        let basic_total = v.or0("basic.total");
        let room = (v.or0("revenue.total") - appropriation).max(0);
        let surplus = surplus.min(per_mille(room, surplus_share));
        let spent = per_mille(room - surplus, other_spending);
        let weights = [w_basic, w_project, w_remittance, w_operating, w_subsidy];
        let total_weight: i64 = weights.iter().sum();
        let mut split = weights.map(|w| {
            if total_weight == 0 {
                0
            } else {
                spent.saturating_mul(w) / total_weight
            }
        });
        let rest = spent - split.iter().sum::<i64>();
        if let Some(first) = split.first_mut() {
            *first += rest;
        }
        let [x_basic, x_project, x_remittance, x_operating, x_subsidy] = split;
        v.set("expenditure.basic", basic_total + x_basic);
        v.set(
            "expenditure.project",
            appropriation - basic_total + x_project,
        );
        v.set("expenditure.remittance_to_superior", x_remittance);
        v.set("expenditure.operating", x_operating);
        v.set("expenditure.subsidy_to_affiliates", x_subsidy);
        v.set("expenditure.surplus_distribution", surplus);
        derive(&mut v.now, &identities);

        // 5. Budgets, other counts and figures without identities.
        v.set(
            "general_budget.expenditure.budget",
            per_mille(v.or0("general_budget.expenditure"), 500 + gb_budget).max(MIN_PRIOR),
        );
        v.set(
            "appropriation.initial_budget",
            per_mille(v.or0("appropriation.revenue_total"), 500 + initial_budget).max(MIN_PRIOR),
        );
        v.set(
            "performance.budget_total",
            per_mille(
                v.or0("performance.executed_total"),
                1000 + performance_budget / 4,
            ),
        );
        v.set("assets.building_value", building_value);
        v.set("assets.vehicle_value", vehicle_value);
        for (id, n) in [
            ("three_public.overseas_groups", overseas_groups % 21),
            ("three_public.overseas_persons", overseas_persons % 101),
            ("three_public.vehicles_purchased", vehicles_purchased % 11),
            ("three_public.reception_batches", reception_batches % 501),
            ("three_public.reception_persons", reception_persons),
            ("assets.equipment_over_1m", equipment % 51),
            ("organization.divisions", divisions % 41),
        ] {
            v.set(id, n);
        }
        let building_area = Decimal::new(area * 37 + area_cents % 100, 2);

        // Last year: per T5 item, summed up the table; T1 and T4 totals.
        for item in &plan.items {
            v.set_prior(
                format!("{T5}{}", item.code),
                prior_of(item.basic + item.project, item.prior_permille),
            );
        }
        v.set_prior(
            "revenue.total",
            prior_of(v.or0("revenue.total"), revenue_prior),
        );
        v.set_prior(
            "appropriation.revenue_total",
            prior_of(v.or0("appropriation.revenue_total"), appropriation_prior),
        );
        derive(&mut v.prior, &identities);
        Truth {
            sheet: v,
            building_area,
        }
    }
}

// ---------------------------------------------------------------------------
// Printing.

/// `yuan` 元 printed in 万元 to two decimals, 四舍五入.
fn wan(yuan: i64) -> Option<Amount> {
    Amount::yuan(Decimal::from(yuan))
        .to_unit(Unit::WanYuan)
        .ok()
        .map(|a| a.round_to(2))
}

/// Whether `yuan` 元 prints as 0.00 万元.
fn prints_zero(yuan: i64) -> bool {
    wan(yuan).is_none_or(|a| a.value().is_zero())
}

/// `100 × num / den`, printed to two decimals, 四舍五入.
fn percent_of(num: i64, den: i64) -> Option<Percent> {
    let q = Decimal::from(num)
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(Decimal::from(den))?;
    let mut p = round_half_away_from_zero(q, 2);
    p.rescale(2);
    if p.is_zero() {
        p.set_sign_positive(true);
    }
    Some(Percent::new(p))
}

/// Whether the fact `id` is stated under `config`.
fn shown(config: &DisclosureConfig, id: &str) -> bool {
    let base = id.strip_suffix(".budget").unwrap_or(id);
    if (base != id || id == "appropriation.initial_budget") && !config.budgets {
        return false;
    }
    let starts = |p: &str| base.starts_with(p);
    if starts(T5) {
        config.function_rows
    } else if base == "general_budget.expenditure" {
        config.function_rows || config.appropriation
    } else if starts("appropriation.")
        || starts("general_budget.")
        || starts("government_fund.")
        || starts("state_capital.")
    {
        config.appropriation
    } else if starts("revenue.") || starts("expenditure.") {
        config.revenue_expenditure
    } else if starts("basic.")
        || base == "office_operating_cost"
        || base == "institution_public_cost"
    {
        config.basic
    } else if starts("three_public.") {
        config.three_public
    } else if starts("procurement.") {
        config.procurement
    } else if starts("staff.") || starts("organization.") {
        config.staff
    } else if starts("assets.") {
        config.assets
    } else if starts("performance.") {
        config.performance
    } else {
        true
    }
}

/// `FactId::new(id)`, remembered: parsing an id costs microseconds, and a
/// report states hundreds of facts from a small set of ids.
fn fact_id(id: &str) -> Option<FactId> {
    thread_local! {
        static IDS: RefCell<IdMap<FactId>> = RefCell::new(IdMap::default());
    }
    IDS.with(|ids| {
        let mut ids = ids.try_borrow_mut().ok()?;
        if let Some(known) = ids.get(id) {
            return Some(known.clone());
        }
        let parsed = FactId::new(id).ok()?;
        ids.insert(id.to_owned(), parsed.clone());
        Some(parsed)
    })
    .or_else(|| FactId::new(id).ok())
}

fn put(d: &mut Disclosure, id: &str, value: Value) {
    if let Some(id) = fact_id(id) {
        // The kind follows from the id; a mismatch is skipped, never stated.
        d.insert(id, Fact::new(value)).ok();
    }
}

fn put_text(d: &mut Disclosure, id: &str, text: &str) {
    put(d, id, Value::Text(text.to_owned()));
}

fn put_percent(d: &mut Disclosure, id: &str, p: Option<Percent>) {
    if let Some(p) = p {
        put(d, id, Value::Percent(p));
    }
}

fn put_figure(d: &mut Disclosure, id: &str, figure: i64) {
    let Some(fid) = fact_id(id) else {
        return;
    };
    let value = match fid.kind() {
        FactKind::Amount => wan(figure).map(Value::Amount),
        FactKind::Count => u64::try_from(figure).ok().map(Value::Count),
        FactKind::SignedCount => Some(Value::SignedCount(figure)),
        _ => None,
    };
    if let Some(value) = value {
        d.insert(fid, Fact::new(value)).ok();
    }
}

/// Direction words for a signed figure: (增减, 增长率).
fn direction(x: i64) -> (&'static str, &'static str) {
    match x.signum() {
        1 => ("增加", "增长"),
        -1 => ("减少", "下降"),
        _ => ("持平", "持平"),
    }
}

/// This year's true figures of the facts `config` states.
struct Printed<'a> {
    sheet: &'a Sheet,
    config: &'a DisclosureConfig,
}

impl<'a> Printed<'a> {
    fn get(&self, id: &str) -> Option<i64> {
        self.sheet.get(id).filter(|_| shown(self.config, id))
    }

    fn iter(&self) -> impl Iterator<Item = (&'a str, i64)> + 'a {
        let config = self.config;
        self.sheet
            .known(&self.sheet.now)
            .filter(move |(id, _)| shown(config, id))
    }
}

fn print(t: &Truth, plan: &Plan, config: &DisclosureConfig) -> Disclosure {
    let mut d = Disclosure::new(Unit::WanYuan);
    d.set_fiscal_year(FiscalYear::new(YEAR).ok());
    d.set_department(Some("模拟部门（生成）".to_owned()));
    let printed = Printed {
        sheet: &t.sheet,
        config,
    };
    for (id, x) in printed.iter() {
        put_figure(&mut d, id, x);
    }
    if config.assets {
        put(
            &mut d,
            "assets.building_area",
            Value::Quantity(t.building_area),
        );
    }
    let held = printed.get("three_public.vehicles_held");
    let listed = printed.get("assets.vehicles");
    if held.zip(listed).is_some_and(|(h, l)| h != l) {
        put_text(
            &mut d,
            "three_public.vehicles_held.reason",
            "部分车辆为执法执勤和特种专业技术用车，不属于公务用车",
        );
    }

    if config.shares {
        for (pattern, whole_id) in SHARE_BASES {
            let Some(whole) = printed.get(whole_id) else {
                continue;
            };
            if prints_zero(whole) {
                continue;
            }
            let parts: Vec<&str> = match pattern.strip_suffix("{class}") {
                Some(prefix) => printed
                    .iter()
                    .map(|(id, _)| id)
                    .filter(|id| {
                        id.strip_prefix(prefix).is_some_and(|rest| {
                            rest.len() == 3 && rest.bytes().all(|b| b.is_ascii_digit())
                        })
                    })
                    .collect(),
                None => vec![*pattern],
            };
            for part in parts {
                if let Some(x) = printed.get(part) {
                    put_percent(&mut d, &format!("{part}.share"), percent_of(x, whole));
                }
            }
        }
    }

    if config.changes {
        for (id, prior) in t.sheet.known(&t.sheet.prior) {
            let Some(current) = printed.get(id) else {
                continue;
            };
            let change = current - prior;
            put_figure(&mut d, &format!("{id}.change"), change);
            put_figure(&mut d, &format!("{id}.prior_year"), prior);
            // The rate is stated only on a base that does not print as zero.
            let base = wan(current)
                .zip(wan(change))
                .map(|(c, x)| c.value() - x.value());
            if base.is_some_and(|b| !b.is_zero()) {
                put_percent(
                    &mut d,
                    &format!("{id}.change_rate"),
                    percent_of(change, prior),
                );
            }
            if config.wording {
                let (word, rate_word) = direction(change);
                put_text(&mut d, &format!("{id}.change_word"), word);
                put_text(&mut d, &format!("{id}.change_rate_word"), rate_word);
            }
        }
    }

    if config.budgets {
        let mut pairs: Vec<(String, String)> = vec![
            (
                "general_budget.expenditure".to_owned(),
                "general_budget.expenditure.budget".to_owned(),
            ),
            (
                "appropriation.revenue_total".to_owned(),
                "appropriation.initial_budget".to_owned(),
            ),
        ];
        pairs.extend(
            printed
                .iter()
                .map(|(id, _)| id)
                .filter(|id| id.starts_with("three_public."))
                .filter_map(|id| id.strip_suffix(".budget"))
                .map(|base| (base.to_owned(), format!("{base}.budget"))),
        );
        for (base, budget_id) in &pairs {
            let (Some(actual), Some(budget)) =
                (printed.get(base.as_str()), printed.get(budget_id.as_str()))
            else {
                continue;
            };
            if !prints_zero(budget) {
                if base.starts_with("three_public.") {
                    put_percent(
                        &mut d,
                        &format!("{base}.completion_rate"),
                        percent_of(actual, budget),
                    );
                } else {
                    put_percent(
                        &mut d,
                        &format!("{base}.budget_variance_rate"),
                        percent_of(actual - budget, budget),
                    );
                }
            }
            if config.wording {
                // The words compare the printed figures.
                let diff = wan(actual)
                    .zip(wan(budget))
                    .map(|(a, b)| a.value() - b.value())
                    .unwrap_or_default();
                let word = if diff.is_zero() {
                    "等于"
                } else if diff.is_sign_positive() {
                    "大于"
                } else {
                    "小于"
                };
                put_text(&mut d, &format!("{base}.comparison_word"), word);
            }
        }
    }

    if config.codes && config.function_rows {
        let catalog = Catalog::function();
        for item in &plan.items {
            if let Some(name) = catalog.name(item.code) {
                put_text(&mut d, &format!("{T5}{}.name", item.code), name);
                put_text(
                    &mut d,
                    &format!("{T5}{}.cited_code", item.code),
                    &format!("{} {name}", item.code),
                );
            }
        }
    }

    if config.document {
        put(&mut d, "document.title_year", Value::Count(2024));
        put(&mut d, "document.heading_year", Value::Count(2024));
        put(&mut d, "document.prior_year", Value::Count(2023));
        put_text(&mut d, "document.balance_date", "2024-12-31");
    }

    if config.restatements {
        for id in [
            "revenue.current_year",
            "expenditure.current_year",
            "appropriation.revenue_total",
            "general_budget.expenditure",
        ] {
            if let Some(x) = printed.get(id) {
                put_figure(&mut d, id, x);
            }
        }
    }
    d
}

// ---------------------------------------------------------------------------
// Perturbation.

/// The stated amounts that take part in an identity the audit evaluates: the
/// total and parts of a [`SUM_IDENTITIES`] entry or the four figures of a
/// [`BALANCE_IDENTITIES`] entry when all are stated as amounts; a row of a
/// [`FUNCTION_TABLES`] table whose parent row is stated in the same column;
/// a 类 row or column total when the other is stated.
fn perturbable(d: &Disclosure) -> Vec<FactId> {
    let amount = |id: &str| d.amount(id).is_some();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for s in SUM_IDENTITIES {
        if amount(s.total) && s.parts.iter().all(|p| amount(p)) {
            ids.insert(s.total.to_owned());
            ids.extend(s.parts.iter().map(|p| (*p).to_owned()));
        }
    }
    for b in BALANCE_IDENTITIES {
        let all = [b.opening, b.revenue, b.expenditure, b.closing];
        if all.iter().all(|id| amount(id)) {
            ids.extend(all.iter().map(|id| (*id).to_owned()));
        }
    }
    for t in FUNCTION_TABLES {
        for (column, total) in t.columns {
            let rows: BTreeMap<FunctionCode, String> = d
                .ids_with_prefix(t.prefix)
                .filter_map(|id| {
                    let code = id.function_code()?;
                    let rest = id.as_str().strip_prefix(t.prefix)?;
                    let after = rest.strip_prefix(code.to_string().as_str())?;
                    (after == *column && amount(id.as_str())).then(|| (code, id.to_string()))
                })
                .collect();
            let total = total.filter(|id| amount(id));
            let mut any_class = false;
            for (code, id) in &rows {
                let checked = match code.parent() {
                    Some(parent) => rows.contains_key(&parent),
                    None => {
                        any_class = true;
                        total.is_some()
                    }
                };
                if checked {
                    ids.insert(id.clone());
                }
            }
            if let (Some(total), true) = (total, any_class) {
                ids.insert(total.to_owned());
            }
        }
    }
    ids.iter().filter_map(|id| fact_id(id)).collect()
}

/// Changes the amounts `picks` select, the k-th by 2^k × a base that exceeds
/// twice any identity's tolerance (down when asked and it stays ≥ 0).
fn perturb(
    mut d: Disclosure,
    picks: &[(Index, bool)],
    extra_cents: i64,
) -> Option<(Disclosure, Vec<Perturbation>)> {
    let mut candidates = perturbable(&d);
    if candidates.is_empty() {
        return None;
    }
    // Rounding explains at most half a unit of each figure in an identity,
    // and no identity has more figures than the disclosure states amounts.
    let amounts = d
        .iter()
        .flat_map(|(_, stmts)| stmts)
        .filter(|f| f.value().as_amount().is_some())
        .count();
    let cents = i64::try_from(amounts)
        .ok()?
        .checked_add(100 + extra_cents)?;
    let mut delta = Decimal::new(cents, 2);
    let mut out = Vec::with_capacity(picks.len());
    for (pick, down) in picks {
        if candidates.is_empty() {
            break;
        }
        let fact = candidates.remove(pick.index(candidates.len()));
        let from = d.amount(fact.as_str())?;
        let lower = from.value().checked_sub(delta)?;
        let value = if *down && !lower.is_sign_negative() {
            lower
        } else {
            from.value().checked_add(delta)?
        };
        let to = Amount::new(value, from.unit()).round_to(2);
        d.set(fact.clone(), Value::Amount(to)).ok()?;
        out.push(Perturbation { fact, from, to });
        delta = delta.checked_mul(Decimal::TWO)?;
    }
    Some((d, out))
}

/// Amounts as reports print them: 万元 to two decimals, from 0.00 to
/// 100,000,000.00 (a department's whole budget fits well inside).
///
/// A user's property test:
///
/// ```
/// use juesuan::amount::check_sum;
/// use juesuan::strategy::amount;
/// use proptest::prelude::*;
///
/// proptest! {
///     #![proptest_config(ProptestConfig::with_cases(16))]
///     fn a_part_never_exceeds_its_total(a in amount(), b in amount()) {
///         let total = a.checked_add(b)?;
///         prop_assert!(check_sum(&total, &[a, b])?.outcome().is_consistent());
///     }
/// }
/// # fn main() { a_part_never_exceeds_its_total(); }
/// ```
pub fn amount() -> impl Strategy<Value = Amount> {
    (0i64..=10_000_000_000).prop_map(|cents| Amount::wan_yuan(Decimal::new(cents, 2)))
}

/// Percentages as reports print them: two decimals, from −100.00% (all
/// gone) to 1,000.00%.
///
/// ```
/// use juesuan::strategy::percent;
/// use proptest::prelude::*;
///
/// proptest! {
///     #![proptest_config(ProptestConfig::with_cases(16))]
///     fn percentages_print_and_parse_back(p in percent()) {
///         prop_assert_eq!(p.to_string().parse::<juesuan::Percent>()?, p);
///     }
/// }
/// # fn main() { percentages_print_and_parse_back(); }
/// ```
pub fn percent() -> impl Strategy<Value = Percent> {
    (-10_000i64..=100_000).prop_map(|hundredths| Percent::new(Decimal::new(hundredths, 2)))
}

/// Function classification codes (类, 款 and 项) from the catalog
/// ([`Catalog::function`]).
///
/// ```
/// use juesuan::code::Catalog;
/// use juesuan::strategy::function_code;
/// use proptest::prelude::*;
///
/// proptest! {
///     #![proptest_config(ProptestConfig::with_cases(16))]
///     fn every_code_has_a_name(code in function_code()) {
///         prop_assert!(Catalog::function().name(code).is_some());
///     }
/// }
/// # fn main() { every_code_has_a_name(); }
/// ```
pub fn function_code() -> impl Strategy<Value = FunctionCode> {
    let codes: Vec<FunctionCode> = Catalog::function().iter().map(|e| e.code()).collect();
    proptest::sample::select(codes)
}

/// Economic classification codes (类 and 款) from the catalog
/// ([`Catalog::economic`]).
///
/// ```
/// use juesuan::strategy::economic_code;
/// use proptest::prelude::*;
///
/// proptest! {
///     #![proptest_config(ProptestConfig::with_cases(16))]
///     fn codes_print_and_parse_back(code in economic_code()) {
///         prop_assert_eq!(code.to_string().parse::<juesuan::code::EconomicCode>()?, code);
///     }
/// }
/// # fn main() { codes_print_and_parse_back(); }
/// ```
pub fn economic_code() -> impl Strategy<Value = crate::code::EconomicCode> {
    let codes: Vec<crate::code::EconomicCode> =
        Catalog::economic().iter().map(|e| e.code()).collect();
    proptest::sample::select(codes)
}

/// Consistent final accounts: a [`consistent_disclosure`] read into the
/// typed model ([`FinalAccounts::from_disclosure`]), so every identity the
/// audit checks holds within rounding (the model validates with the same
/// identity tables), with the 三公 table, counts, changes, budgets and
/// shares. What the model has no place for is left out: direction words
/// (they follow from the figures), what a document says about itself, cited
/// codes without a reason that cites them.
///
/// ```
/// use juesuan::strategy::final_accounts;
/// use juesuan::{Disclosure, FinalAccounts, Severity, audit};
/// use proptest::prelude::*;
///
/// proptest! {
///     #![proptest_config(ProptestConfig::with_cases(4))]
///     fn the_model_round_trips_and_audits_clean(r in final_accounts()) {
///         let d = Disclosure::from(&r);
///         prop_assert!(audit(&d).iter().all(|f| f.severity() == Severity::Info));
///         prop_assert_eq!(FinalAccounts::try_from(&d)?, r.clone());
///         prop_assert_eq!(FinalAccounts::from_json(&r.to_json())?, r);
///     }
/// }
/// # fn main() { the_model_round_trips_and_audits_clean(); }
/// ```
pub fn final_accounts() -> impl Strategy<Value = FinalAccounts> {
    consistent_disclosure().prop_filter_map(
        "a consistent report the model refuses (a generator bug)",
        held,
    )
}

/// The typed model of `d`, less the facts it has no place for
/// ([`ModelError::Unmappable`]); `None` when it refuses `d` for another
/// reason.
fn held(mut d: Disclosure) -> Option<FinalAccounts> {
    for _ in 0..=d.len() {
        match FinalAccounts::from_disclosure(&d) {
            Ok(r) => return Some(r),
            Err(ModelError::Unmappable { fact, .. }) if !d.remove(&fact).is_empty() => {}
            Err(_) => return None,
        }
    }
    None
}

/// Consistent 财政拨款“三公”经费支出决算表 (T9): the table of a
/// [`final_accounts`] report, its 合计 the sum of its three items and 公务用车
/// the sum of 购置 and 运行维护 within rounding ([`SUM_IDENTITIES`]), every
/// figure in 万元 to two decimals, with its budget.
///
/// ```
/// use juesuan::amount::check_sum;
/// use juesuan::strategy::three_public_expenses;
/// use proptest::prelude::*;
///
/// proptest! {
///     #![proptest_config(ProptestConfig::with_cases(8))]
///     fn the_total_is_the_sum_of_the_items(t in three_public_expenses()) {
///         let amounts = [&t.total, &t.overseas_travel, &t.vehicles, &t.reception]
///             .map(|f| f.as_ref().map(|f| f.amount));
///         if let [Some(total), Some(a), Some(b), Some(c)] = amounts {
///             prop_assert!(check_sum(&total, &[a, b, c])?.is_consistent());
///         }
///     }
/// }
/// # fn main() { the_total_is_the_sum_of_the_items(); }
/// ```
pub fn three_public_expenses() -> impl Strategy<Value = ThreePublicExpenses> {
    final_accounts().prop_filter_map("a report without its 三公 table", |r| {
        r.three_public().cloned()
    })
}
