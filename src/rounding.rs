//! Rounding-aware checks between printed figures.
//!
//! A printed figure stands for the closed interval of true values that round
//! to it (四舍五入). A relation between printed figures holds when some choice
//! of true values inside their intervals satisfies it exactly: this is the
//! round-to-nearest semantics of XBRL Calculations 1.1. For a sum of `n` parts
//! all printed to two decimals it comes to |Σ parts − total| ≤ 0.005 × (n + 1).
//!
//! Every check returns a [`Verdict`]: the [`Outcome`], the expected and stated
//! figures, their difference and the tolerance, so that a finding can give
//! every number.

#![deny(clippy::arithmetic_side_effects)]

use std::fmt;

use rust_decimal::Decimal;

use crate::amount::{Amount, AmountError, Percent, round_half_away_from_zero};

/// A closed interval of decimals, `[lo, hi]`.
///
/// ```
/// use juesuan::amount::Interval;
/// use rust_decimal::Decimal;
///
/// let i = Interval::new(Decimal::new(3, 0), Decimal::new(1, 0));
/// assert_eq!(i.lo(), Decimal::new(1, 0));
/// assert!(i.contains(Decimal::new(2, 0)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Interval {
    lo: Decimal,
    hi: Decimal,
}

impl Interval {
    /// The interval between `a` and `b`, in whichever order they are given.
    ///
    /// ```
    /// use juesuan::amount::Interval;
    /// use rust_decimal::Decimal;
    ///
    /// let i = Interval::new(Decimal::ONE, Decimal::TWO);
    /// assert_eq!(i.hi(), Decimal::TWO);
    /// ```
    pub fn new(a: Decimal, b: Decimal) -> Interval {
        if a <= b {
            Interval { lo: a, hi: b }
        } else {
            Interval { lo: b, hi: a }
        }
    }

    /// The lower end.
    ///
    /// ```
    /// use juesuan::amount::Interval;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Interval::new(Decimal::ONE, Decimal::TWO).lo(), Decimal::ONE);
    /// ```
    pub fn lo(&self) -> Decimal {
        self.lo
    }

    /// The upper end.
    ///
    /// ```
    /// use juesuan::amount::Interval;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Interval::new(Decimal::ONE, Decimal::TWO).hi(), Decimal::TWO);
    /// ```
    pub fn hi(&self) -> Decimal {
        self.hi
    }

    /// Whether `x` lies in the interval (ends included).
    ///
    /// ```
    /// use juesuan::amount::Interval;
    /// use rust_decimal::Decimal;
    /// assert!(Interval::new(Decimal::ONE, Decimal::TWO).contains(Decimal::TWO));
    /// ```
    pub fn contains(&self, x: Decimal) -> bool {
        self.lo <= x && x <= self.hi
    }

    /// Whether the two intervals share at least one point.
    ///
    /// ```
    /// use juesuan::amount::Interval;
    /// use rust_decimal::Decimal;
    /// let a = Interval::new(Decimal::ZERO, Decimal::ONE);
    /// let b = Interval::new(Decimal::ONE, Decimal::TWO);
    /// assert!(a.intersects(&b));
    /// ```
    pub fn intersects(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }
}

/// How a relation between printed figures came out.
///
/// ```
/// use juesuan::amount::Outcome;
/// assert!(Outcome::WithinRounding.is_consistent());
/// assert!(!Outcome::Inconsistent.is_consistent());
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// The printed figures satisfy the relation exactly (for a share or
    /// rate: the printed figures give exactly the stated percentage).
    Exact,
    /// The printed figures differ, but by no more than rounding explains.
    WithinRounding,
    /// A percentage that rounding cannot explain but truncation (cutting
    /// off the digits) can: some departments truncate.
    Truncated,
    /// A rate stated on a base of zero (e.g. "增长 100%" when last year was
    /// zero): the rate is undefined.
    ZeroBase,
    /// The figures disagree by more than rounding can explain.
    Inconsistent,
}

impl Outcome {
    /// Whether the figures are consistent: [`Outcome::Exact`] or
    /// [`Outcome::WithinRounding`].
    ///
    /// ```
    /// assert!(juesuan::amount::Outcome::Exact.is_consistent());
    /// assert!(!juesuan::amount::Outcome::ZeroBase.is_consistent());
    /// ```
    pub fn is_consistent(self) -> bool {
        matches!(self, Outcome::Exact | Outcome::WithinRounding)
    }

    /// The name in snake case, as in JSON: `exact`, `within_rounding`,
    /// `truncated`, `zero_base`, `inconsistent`.
    ///
    /// ```
    /// assert_eq!(juesuan::amount::Outcome::WithinRounding.as_str(), "within_rounding");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Exact => "exact",
            Outcome::WithinRounding => "within_rounding",
            Outcome::Truncated => "truncated",
            Outcome::ZeroBase => "zero_base",
            Outcome::Inconsistent => "inconsistent",
        }
    }
}

impl fmt::Display for Outcome {
    /// The name as [`Outcome::as_str`] gives it.
    ///
    /// ```
    /// assert_eq!(juesuan::amount::Outcome::ZeroBase.to_string(), "zero_base");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The result of a rounding-aware check, with every figure needed to report it.
///
/// `expected` is what the other figures imply (Σ parts, or the percentage
/// computed from the printed amounts and rounded like the stated one);
/// `actual` is the stated figure; `difference` is `actual − expected`;
/// `tolerance` is the largest difference rounding can explain.
///
/// ```
/// use juesuan::{amount::check_sum, Amount, amount::Outcome};
///
/// let total: Amount = "20,021.91".parse()?;
/// let parts: [Amount; 2] = ["17,968.72".parse()?, "2,053.19".parse()?];
/// let v = check_sum(&total, &parts)?;
/// assert_eq!(v.outcome(), Outcome::Exact);
/// assert_eq!(v.expected().map(|d| d.to_string()), Some("20021.91".into()));
/// assert_eq!(serde_json::to_value(v)?["outcome"], "exact");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Verdict {
    outcome: Outcome,
    expected: Option<Decimal>,
    actual: Decimal,
    difference: Option<Decimal>,
    tolerance: Decimal,
}

impl Verdict {
    /// How the check came out.
    ///
    /// ```
    /// use juesuan::{amount::check_share, Amount, amount::Outcome, Percent};
    /// let v = check_share(&"68,460.73".parse()?, &"73,274.06".parse()?, &"93.43%".parse()?)?;
    /// assert_eq!(v.outcome(), Outcome::Exact);
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn outcome(&self) -> Outcome {
        self.outcome
    }

    /// Whether the figures are consistent (exactly or within rounding).
    ///
    /// ```
    /// use juesuan::amount::check_sum;
    /// // One cent off on two parts: within the tolerance of 0.015.
    /// let v = check_sum(&"3.00".parse()?, &["1.00".parse()?, "2.01".parse()?])?;
    /// assert!(v.is_consistent());
    /// // Two cents off: not.
    /// let v = check_sum(&"3.00".parse()?, &["1.00".parse()?, "2.02".parse()?])?;
    /// assert!(!v.is_consistent());
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn is_consistent(&self) -> bool {
        self.outcome.is_consistent()
    }

    /// What the other figures imply; `None` when undefined (zero base).
    ///
    /// ```
    /// use juesuan::amount::check_sum;
    /// let v = check_sum(&"3.00".parse()?, &["1.00".parse()?, "2.01".parse()?])?;
    /// assert_eq!(v.expected().map(|d| d.to_string()), Some("3.01".into()));
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn expected(&self) -> Option<Decimal> {
        self.expected
    }

    /// The stated figure.
    ///
    /// ```
    /// use juesuan::amount::check_sum;
    /// let v = check_sum(&"3.00".parse()?, &["1.00".parse()?, "2.01".parse()?])?;
    /// assert_eq!(v.actual().to_string(), "3.00");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn actual(&self) -> Decimal {
        self.actual
    }

    /// `actual − expected`; `None` when the expected figure is undefined.
    ///
    /// ```
    /// use juesuan::amount::check_sum;
    /// let v = check_sum(&"3.00".parse()?, &["1.00".parse()?, "2.01".parse()?])?;
    /// assert_eq!(v.difference().map(|d| d.to_string()), Some("-0.01".into()));
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn difference(&self) -> Option<Decimal> {
        self.difference
    }

    /// The largest difference rounding can explain.
    ///
    /// For a sum, the half-units of all figures added up (0.015 for two parts
    /// and a total at two decimals). For a percentage, half a unit of the
    /// stated percentage plus how far the printed amounts' rounding can move
    /// the computed one; when the printed amounts give the stated percentage
    /// exactly ([`Outcome::Exact`]) that spread is not computed and the
    /// tolerance is half a unit of the stated percentage.
    ///
    /// ```
    /// use juesuan::amount::check_sum;
    /// let v = check_sum(&"3.00".parse()?, &["1.00".parse()?, "2.01".parse()?])?;
    /// assert_eq!(v.tolerance().to_string(), "0.015");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn tolerance(&self) -> Decimal {
        self.tolerance
    }
}

impl fmt::Display for Verdict {
    /// One line with every figure, e.g. "expected 68369.45, found 68369.46:
    /// difference 0.01 within rounding tolerance 0.025".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (Some(expected), Some(diff)) = (self.expected, self.difference) else {
            return write!(
                f,
                "found {} on a base of zero: the rate is undefined",
                self.actual
            );
        };
        let (e, a, d, t) = (expected, self.actual, diff, self.tolerance);
        match self.outcome {
            Outcome::Exact => write!(f, "found {a}, as expected"),
            Outcome::WithinRounding => write!(
                f,
                "expected {e}, found {a}: difference {d} within rounding tolerance {t}"
            ),
            Outcome::Truncated => write!(
                f,
                "expected {e}, found {a}: difference {d} exceeds rounding tolerance {t}, \
                 but matches truncation"
            ),
            Outcome::ZeroBase => write!(f, "found {a} on a base of zero: the rate is undefined"),
            Outcome::Inconsistent => write!(
                f,
                "expected {e}, found {a}: difference {d} exceeds rounding tolerance {t}"
            ),
        }
    }
}

/// The integer form of `a` when it is printed at `scale` decimals in
/// `unit` and holds exactly that many: its mantissa.
fn mantissa_at(a: &Amount, unit: crate::Unit, scale: u32) -> Option<i128> {
    let v = a.value();
    (a.unit() == unit && v.scale() == scale && i64::from(scale) == i64::from(a.decimals()))
        .then(|| v.mantissa())
}

/// A running check that figures add up exactly, in integers: the audit
/// asks this first and builds a [`Verdict`] (with [`check_sum`]) only for
/// sums that are not exact. Figures of another unit or precision make it
/// unknown, never wrong.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ExactSum {
    unit: crate::Unit,
    scale: u32,
    /// Total − Σ parts so far, or `None` once unknown.
    rest: Option<i128>,
}

impl ExactSum {
    /// Starts a check of `total = Σ parts`.
    pub(crate) fn new(total: &Amount) -> ExactSum {
        let (unit, scale) = (total.unit(), total.value().scale());
        ExactSum {
            unit,
            scale,
            rest: mantissa_at(total, unit, scale),
        }
    }

    /// Adds a part.
    pub(crate) fn add(&mut self, part: &Amount) {
        let m = mantissa_at(part, self.unit, self.scale);
        self.rest = self.rest.zip(m).and_then(|(r, m)| r.checked_sub(m));
    }

    /// Subtracts a part (adds its negation).
    pub(crate) fn sub(&mut self, part: &Amount) {
        let m = mantissa_at(part, self.unit, self.scale);
        self.rest = self.rest.zip(m).and_then(|(r, m)| r.checked_add(m));
    }

    /// Whether the parts are known to add up to the total exactly.
    pub(crate) fn is_exact(&self) -> bool {
        self.rest == Some(0)
    }
}

/// [`check_sum`] in integers, when every figure has the total's unit and
/// printed decimals (the usual case): the same verdict without `Decimal`
/// arithmetic. `None` sends the check to the general path.
fn sum_fast(total: &Amount, parts: &[Amount]) -> Option<Verdict> {
    if parts.is_empty() {
        return None;
    }
    let mut exact = ExactSum::new(total);
    for p in parts {
        exact.add(p);
    }
    // Known only when every figure has the total's unit and precision.
    let difference = exact.rest?;
    let scale = total.value().scale();
    let expected = total.value().mantissa().checked_sub(difference)?;
    // Each figure may be off by half a unit in its last place: 5 at one
    // more decimal.
    let count = i128::try_from(parts.len()).ok()?.checked_add(1)?;
    let tolerance = count.checked_mul(5)?;
    let outcome = if difference == 0 {
        Outcome::Exact
    } else if difference.checked_mul(10)?.abs() <= tolerance {
        Outcome::WithinRounding
    } else {
        Outcome::Inconsistent
    };
    let dec = |m: i128, s: u32| Decimal::try_from_i128_with_scale(m, s).ok();
    Some(Verdict {
        outcome,
        expected: Some(dec(expected, scale)?),
        actual: total.value(),
        difference: Some(dec(difference, scale)?),
        tolerance: {
            // Normalised: trailing zeros dropped, in integers.
            let (mut m, mut sc) = (tolerance, scale.checked_add(1)?);
            while sc > 0 && m % 10 == 0 {
                m /= 10;
                sc = sc.saturating_sub(1);
            }
            dec(m, sc)?
        },
    })
}

/// The test of [`ratio_rounds_to`] in one integer width: `n`, `d` (> 0),
/// the percentage's mantissa `m` and `10^k` for its `k` decimals, all of
/// that width; `None` (returned) on overflow.
macro_rules! rounds_to {
    ($n:expr, $d:expr, $m:expr, $pow:expr) => {{
        let (n, d) = ($n, $d);
        let scaled = n.checked_mul(200)?.checked_mul($pow)?;
        let twice = $m.checked_mul(2)?;
        let lo = twice.checked_sub(1)?.checked_mul(d)?;
        let hi = twice.checked_add(1)?.checked_mul(d)?;
        Some(if n < 0 {
            lo < scaled && scaled <= hi
        } else {
            lo <= scaled && scaled < hi
        })
    }};
}

/// Whether `100 · n / d` rounds half away from zero to `stated`, in
/// integers (`n` and `d` at one scale, `d ≠ 0`); `None` on overflow. The
/// same test as the fast path of [`judge_ratio`], multiplied through by
/// `2 · 10^k` for a percentage printed with `k` decimals.
fn ratio_rounds_to(n: i128, d: i128, stated: &Percent) -> Option<bool> {
    let (n, d) = if d < 0 {
        (n.checked_neg()?, d.checked_neg()?)
    } else {
        (n, d)
    };
    // Report-sized figures fit in 64 bits, whose arithmetic is much cheaper.
    if let (Ok(n), Ok(d), Ok(m)) = (
        i64::try_from(n),
        i64::try_from(d),
        i64::try_from(stated.value().mantissa()),
    ) {
        if let Some(exact) = ratio_rounds_to_64(n, d, m, stated.value().scale()) {
            return Some(exact);
        }
    }
    let p = stated.value();
    rounds_to!(n, d, p.mantissa(), 10i128.checked_pow(p.scale())?)
}

/// [`ratio_rounds_to`] in 64 bits (`d > 0`, `m` the percentage's mantissa
/// at `scale`); `None` on overflow.
fn ratio_rounds_to_64(n: i64, d: i64, m: i64, scale: u32) -> Option<bool> {
    rounds_to!(n, d, m, 10i64.checked_pow(scale)?)
}

/// The verdict when the printed figures give exactly the stated percentage,
/// decided in integers by [`ratio_outcome`]; `None` sends the check to
/// [`judge_ratio`].
fn ratio_exact(kind: RatioKind, a: &Amount, b: &Amount, stated: &Percent) -> Option<Verdict> {
    if ratio_outcome(kind, a, b, stated)? != Outcome::Exact {
        return None;
    }
    let actual = stated.value();
    Some(Verdict {
        outcome: Outcome::Exact,
        expected: Some(actual),
        actual,
        difference: Some(Decimal::ZERO),
        tolerance: stated.half_unit(),
    })
}

/// Which ratio a stated percentage is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RatioKind {
    /// `a / b` ([`check_share`], and 完成率 with `a` the final figure).
    Share,
    /// `b / (a − b)`: change `b` on last year, with `a` this year
    /// ([`check_change`]).
    Change,
    /// `(b − a) / a`: actual `b` against budget `a` ([`check_variance_rate`]).
    Variance,
}

/// The outcome of a ratio check, decided in integers when it is
/// [`Outcome::Exact`] or [`Outcome::WithinRounding`] (the usual cases);
/// `None` otherwise, or when the figures need the general path. Always the
/// outcome the check function's verdict has; the audit builds that
/// verdict only when a finding is read.
pub(crate) fn ratio_outcome(
    kind: RatioKind,
    a: &Amount,
    b: &Amount,
    stated: &Percent,
) -> Option<Outcome> {
    let scale = a.value().scale();
    // In half-units of the last printed place, so every interval bound is
    // an integer: a figure m is [2m − 1, 2m + 1].
    let x = mantissa_at(a, a.unit(), scale)?.checked_mul(2)?;
    let y = mantissa_at(b, a.unit(), scale)?.checked_mul(2)?;
    let corner = |dx: i128, dy: i128| -> Option<(i128, i128)> {
        let (u, v) = (x.checked_add(dx)?, y.checked_add(dy)?);
        match kind {
            RatioKind::Share => Some((u, v)),
            RatioKind::Change => Some((v, u.checked_sub(v)?)),
            RatioKind::Variance => Some((v.checked_sub(u)?, u)),
        }
    };
    let (pn, pd) = corner(0, 0)?;
    if pd == 0 {
        return None;
    }
    if ratio_rounds_to(pn, pd, stated)? {
        return Some(Outcome::Exact);
    }
    let corners = [
        corner(-1, -1)?,
        corner(-1, 1)?,
        corner(1, -1)?,
        corner(1, 1)?,
    ];
    let positive = corners.iter().all(|(_, d)| *d > 0);
    let negative = corners.iter().all(|(_, d)| *d < 0);
    if !(positive || negative) {
        // The denominator may be zero: any percentage is reachable.
        return Some(Outcome::WithinRounding);
    }
    // Is some corner-spanned ratio inside the stated interval? With the
    // percentage's mantissa p at k decimals, its bounds are (2p ∓ 1) / (2·10^k).
    let p = stated.value();
    let scaled_by = 10i128.checked_pow(p.scale())?.checked_mul(200)?;
    let twice = p.mantissa().checked_mul(2)?;
    let (lo, hi) = (twice.checked_sub(1)?, twice.checked_add(1)?);
    let (mut above_lo, mut below_hi) = (false, false);
    for (n, d) in corners {
        let (n, d) = if negative {
            (n.checked_neg()?, d.checked_neg()?)
        } else {
            (n, d)
        };
        let scaled = n.checked_mul(scaled_by)?;
        above_lo |= scaled >= lo.checked_mul(d)?;
        below_hi |= scaled <= hi.checked_mul(d)?;
    }
    (above_lo && below_hi).then_some(Outcome::WithinRounding)
}

/// Value and half-unit of `a` in `unit`.
fn in_unit(a: &Amount, unit: crate::Unit) -> Result<(Decimal, Decimal), AmountError> {
    let c = a.to_unit(unit)?;
    Ok((c.value(), c.half_unit()))
}

/// `a + b`, exactly: rust_decimal rounds a sum that needs more than 28
/// digits, which would hide a difference, so that is an error here.
fn add(a: Decimal, b: Decimal) -> Result<Decimal, AmountError> {
    // rust_decimal only rounds a sum by dropping decimal places, so a result
    // that keeps the finer scale of its operands is exact.
    a.checked_add(b)
        .filter(|c| c.scale() >= a.scale().max(b.scale()) || c.checked_sub(a) == Some(b))
        .ok_or_else(|| AmountError::overflow(format!("{a} + {b}")))
}

/// `a − b`, exactly (see [`add`]).
fn sub(a: Decimal, b: Decimal) -> Result<Decimal, AmountError> {
    add(a, -b).map_err(|_| AmountError::overflow(format!("{a} - {b}")))
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, AmountError> {
    a.checked_mul(b)
        .ok_or_else(|| AmountError::overflow(format!("{a} × {b}")))
}

/// Judges `stated = Σ terms` where each term is (value, half-unit).
fn judge_linear(
    stated: (Decimal, Decimal),
    terms: impl IntoIterator<Item = Result<(Decimal, Decimal), AmountError>>,
) -> Result<Verdict, AmountError> {
    let (actual, mut tolerance) = stated;
    let mut expected = Decimal::ZERO;
    for term in terms {
        let (v, h) = term?;
        expected = add(expected, v)?;
        tolerance = add(tolerance, h)?;
    }
    let difference = sub(actual, expected)?;
    let outcome = if difference.is_zero() {
        Outcome::Exact
    } else if difference.abs() <= tolerance {
        Outcome::WithinRounding
    } else {
        Outcome::Inconsistent
    };
    Ok(Verdict {
        outcome,
        expected: Some(expected.normalize_zero()),
        actual,
        difference: Some(difference.normalize_zero()),
        tolerance: tolerance.normalize(),
    })
}

trait NormalizeZero {
    fn normalize_zero(self) -> Self;
}

impl NormalizeZero for Decimal {
    /// Drops the sign of a negative zero so it prints as "0".
    fn normalize_zero(mut self) -> Decimal {
        if self.is_zero() {
            self.set_sign_positive(true);
        }
        self
    }
}

/// Checks a printed total against its printed parts.
///
/// Consistent iff the total's interval meets the sum of the parts' intervals:
/// |Σ parts − total| ≤ Σ half-units (0.005 × (n + 1) at two decimals). Parts
/// in another unit are converted exactly to the total's unit.
///
/// # Errors
///
/// [`AmountError::Overflow`] if converting or adding overflows.
///
/// ```
/// use juesuan::{amount::check_sum, Amount, amount::Outcome};
///
/// // 18 items of 208 in the reference report sum to 54,662.06; 类 says 54,662.05.
/// let total: Amount = "54,662.05".parse()?;
/// let parts: Vec<Amount> = ["54,662.06".parse()?].to_vec();
/// let v = check_sum(&total, &parts)?;
/// assert_eq!(v.outcome(), Outcome::WithinRounding);
/// assert_eq!(v.to_string(), "expected 54662.06, found 54662.05: difference -0.01 within rounding tolerance 0.01");
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "合计")]
#[doc(alias = "勾稽")]
pub fn check_sum(total: &Amount, parts: &[Amount]) -> Result<Verdict, AmountError> {
    match sum_fast(total, parts) {
        Some(v) => Ok(v),
        None => sum_general(total, parts),
    }
}

/// [`check_sum`] for figures of any unit and precision.
fn sum_general(total: &Amount, parts: &[Amount]) -> Result<Verdict, AmountError> {
    let unit = total.unit();
    judge_linear(
        (total.value(), total.half_unit()),
        parts.iter().map(|p| in_unit(p, unit)),
    )
}

/// Checks a stated difference: `stated = minuend − subtrahend`.
///
/// Use it for 决算 − 预算, last year = this year − change, or any gap stated in
/// words ("车辆 97 辆 … 保有量 91 辆" is a count, not an amount, but the same
/// rule). The tolerance adds the three half-units.
///
/// # Errors
///
/// [`AmountError::Overflow`] if converting or subtracting overflows.
///
/// ```
/// use juesuan::{amount::check_difference, amount::Outcome};
///
/// // 5,948.68 this year, up 82.75: last year was 5,865.93.
/// let v = check_difference(&"5,948.68".parse()?, &"82.75".parse()?, &"5,865.93".parse()?)?;
/// assert_eq!(v.outcome(), Outcome::Exact);
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "差额")]
pub fn check_difference(
    minuend: &Amount,
    subtrahend: &Amount,
    stated: &Amount,
) -> Result<Verdict, AmountError> {
    let unit = stated.unit();
    let neg = |a: &Amount| in_unit(a, unit).map(|(v, h)| (-v, h));
    judge_linear(
        (stated.value(), stated.half_unit()),
        [in_unit(minuend, unit), neg(subtrahend)],
    )
}

/// The four corners of the box of true (numerator, denominator) pairs, and
/// the printed point. The ratio is monotone in each variable where the
/// denominator keeps its sign, so its range over the box is spanned by them.
struct Ratio {
    corners: [(Decimal, Decimal); 4],
    point: (Decimal, Decimal),
}

/// Judges a stated percentage against a ratio of printed figures.
fn judge_ratio(r: &Ratio, stated: &Percent) -> Result<Verdict, AmountError> {
    let hundred = Decimal::ONE_HUNDRED;
    let actual = stated.value();
    let (pn, pd) = r.point;
    let half = stated.half_unit();
    if pd.is_zero() {
        // Nothing to divide by. 0 of 0 stated as 0% is the usual convention.
        let outcome = if pn.is_zero() && actual.is_zero() {
            Outcome::Exact
        } else {
            Outcome::ZeroBase
        };
        let known = outcome == Outcome::Exact;
        return Ok(Verdict {
            outcome,
            expected: known.then_some(Decimal::ZERO),
            actual,
            difference: known.then_some(Decimal::ZERO),
            tolerance: half,
        });
    }
    // Fast path, without division: do the printed figures give exactly the
    // stated percentage (100·n/d rounds half away from zero to it)?
    let (sn, sd) = if pd.is_sign_negative() {
        (-pn, -pd)
    } else {
        (pn, pd)
    };
    let scaled = mul(sn, hundred)?;
    let lo = mul(sub(actual, half)?, sd)?;
    let hi = mul(add(actual, half)?, sd)?;
    let exact = if sn.is_sign_negative() && !sn.is_zero() {
        lo < scaled && scaled <= hi
    } else {
        lo <= scaled && scaled < hi
    };
    if exact {
        return Ok(Verdict {
            outcome: Outcome::Exact,
            expected: Some(actual),
            actual,
            difference: Some(Decimal::ZERO),
            tolerance: half,
        });
    }
    let point = pn
        .checked_div(pd)
        .and_then(|q| q.checked_mul(hundred))
        .ok_or_else(|| AmountError::overflow(format!("{pn} / {pd}")))?;
    let expected = round_half_away_from_zero(point, stated.decimals()).normalize_zero();
    let difference = sub(actual, expected)?.normalize_zero();

    // Orient every corner so its denominator is positive; if the
    // denominators straddle zero the ratio is unbounded.
    let positive = r
        .corners
        .iter()
        .all(|(_, d)| d.is_sign_positive() && !d.is_zero());
    let negative = r
        .corners
        .iter()
        .all(|(_, d)| d.is_sign_negative() && !d.is_zero());
    let reachable_range = if positive || negative {
        let mut lo: Option<Decimal> = None;
        let mut hi: Option<Decimal> = None;
        for (n, d) in r.corners {
            let q = n
                .checked_div(d)
                .and_then(|q| q.checked_mul(hundred))
                .ok_or_else(|| AmountError::overflow(format!("{n} / {d}")))?;
            lo = Some(lo.map_or(q, |x: Decimal| x.min(q)));
            hi = Some(hi.map_or(q, |x: Decimal| x.max(q)));
        }
        lo.zip(hi)
    } else {
        None
    };
    // Exact test, by cross-multiplication: is there a corner-spanned ratio
    // n/d with lo ≤ 100·n/d ≤ hi?
    let reachable = |target: Interval| -> Result<bool, AmountError> {
        if !(positive || negative) {
            return Ok(true);
        }
        let mut above_lo = false;
        let mut below_hi = false;
        for (n, d) in r.corners {
            let (n, d) = if negative { (-n, -d) } else { (n, d) };
            let scaled = mul(n, hundred)?;
            above_lo |= scaled >= mul(target.lo(), d)?;
            below_hi |= scaled <= mul(target.hi(), d)?;
        }
        Ok(above_lo && below_hi)
    };
    let tolerance = match reachable_range {
        Some((lo, hi)) => {
            let spread = sub(hi, point)?.abs().max(sub(point, lo)?.abs());
            add(half, spread)?
        }
        None => Decimal::MAX,
    };
    let tolerance =
        round_half_away_from_zero(tolerance, stated.decimals().saturating_add(4)).normalize();
    let outcome = if expected == actual {
        Outcome::Exact
    } else if reachable(stated.interval())? {
        Outcome::WithinRounding
    } else {
        let unit = add(half, half)?;
        let truncation = if actual.is_zero() {
            Interval::new(-unit, unit)
        } else if actual.is_sign_positive() {
            Interval::new(actual, add(actual, unit)?)
        } else {
            Interval::new(sub(actual, unit)?, actual)
        };
        if reachable(truncation)? {
            Outcome::Truncated
        } else {
            Outcome::Inconsistent
        }
    };
    Ok(Verdict {
        outcome,
        expected: Some(expected),
        actual,
        difference: Some(difference),
        tolerance,
    })
}

/// Checks a stated share: `stated ≈ part / whole × 100`.
///
/// Consistent iff some true part and whole inside their printed intervals give
/// a percentage that rounds to the stated one. A whole printed as zero makes
/// the share undefined ([`Outcome::ZeroBase`]), except 0 of 0 stated as 0%.
///
/// # Errors
///
/// [`AmountError::Overflow`] if converting or multiplying overflows.
///
/// ```
/// use juesuan::{amount::check_share, amount::Outcome};
///
/// // 财政拨款收入 68,460.73 of 本年收入 73,274.06 is 93.43%.
/// let v = check_share(&"68,460.73".parse()?, &"73,274.06".parse()?, &"93.43%".parse()?)?;
/// assert_eq!(v.outcome(), Outcome::Exact);
/// let bad = check_share(&"68,460.73".parse()?, &"73,274.06".parse()?, &"93.53%".parse()?)?;
/// assert_eq!(bad.outcome(), Outcome::Inconsistent);
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "占比")]
pub fn check_share(
    part: &Amount,
    whole: &Amount,
    stated: &Percent,
) -> Result<Verdict, AmountError> {
    match ratio_exact(RatioKind::Share, part, whole, stated) {
        Some(v) => Ok(v),
        None => share_general(part, whole, stated),
    }
}

fn share_general(part: &Amount, whole: &Amount, stated: &Percent) -> Result<Verdict, AmountError> {
    let unit = whole.unit();
    let (n, hn) = in_unit(part, unit)?;
    let (d, hd) = in_unit(whole, unit)?;
    let (nlo, nhi, dlo, dhi) = (sub(n, hn)?, add(n, hn)?, sub(d, hd)?, add(d, hd)?);
    judge_ratio(
        &Ratio {
            corners: [(nlo, dlo), (nlo, dhi), (nhi, dlo), (nhi, dhi)],
            point: (n, d),
        },
        stated,
    )
}

/// Checks a year-on-year change: this year `current`, signed `change`
/// (增加 positive, 减少 negative) and signed `rate` in percent (增长/下降).
///
/// Last year is `current − change`; the rate must be reachable as
/// change / last year from values inside the printed intervals. A last year
/// of zero makes the rate undefined ([`Outcome::ZeroBase`]): "增长 100%" on a
/// zero base is the classic case. A rate that only truncation explains is
/// [`Outcome::Truncated`].
///
/// # Errors
///
/// [`AmountError::Overflow`] if converting or multiplying overflows.
///
/// ```
/// use juesuan::{amount::check_change, amount::Outcome, Percent};
///
/// // 行政运行 5,948.68, up 82.75: 1.41%.
/// let v = check_change(&"5,948.68".parse()?, &"82.75".parse()?, &"1.41".parse()?)?;
/// assert_eq!(v.outcome(), Outcome::Exact);
/// // 就业管理事务 873.46, up 873.46, "增长 100.00%": last year was zero.
/// let z = check_change(&"873.46".parse()?, &"873.46".parse()?, &"100.00".parse()?)?;
/// assert_eq!(z.outcome(), Outcome::ZeroBase);
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "增减变化")]
#[doc(alias = "增长率")]
pub fn check_change(
    current: &Amount,
    change: &Amount,
    rate: &Percent,
) -> Result<Verdict, AmountError> {
    match ratio_exact(RatioKind::Change, current, change, rate) {
        Some(v) => Ok(v),
        None => change_general(current, change, rate),
    }
}

fn change_general(
    current: &Amount,
    change: &Amount,
    rate: &Percent,
) -> Result<Verdict, AmountError> {
    let unit = current.unit();
    let (c, hc) = in_unit(current, unit)?;
    let (x, hx) = in_unit(change, unit)?;
    let corner = |cv: Decimal, xv: Decimal| -> Result<(Decimal, Decimal), AmountError> {
        Ok((xv, sub(cv, xv)?))
    };
    let (clo, chi, xlo, xhi) = (sub(c, hc)?, add(c, hc)?, sub(x, hx)?, add(x, hx)?);
    judge_ratio(
        &Ratio {
            corners: [
                corner(clo, xlo)?,
                corner(clo, xhi)?,
                corner(chi, xlo)?,
                corner(chi, xhi)?,
            ],
            point: (x, sub(c, x)?),
        },
        rate,
    )
}

/// Checks a year-on-year change rate against this year's figure `current` and
/// last year's `prior`, when the change itself is not stated (a table by year:
/// 2015年 | 2016年 | 2016年比2015年增减%).
///
/// The rate must be reachable as (current − prior) / prior from values inside
/// both printed intervals; a prior that may be zero makes it undefined
/// ([`Outcome::ZeroBase`]).
///
/// # Errors
///
/// [`AmountError::Overflow`] if converting or multiplying overflows.
///
/// ```
/// use juesuan::{amount::check_change_from_prior, amount::Outcome};
///
/// // 公务接待费 1,356 against 1,400 the year before: −3.14 %.
/// let v = check_change_from_prior(&"1356".parse()?, &"1400".parse()?, &"-3.14".parse()?)?;
/// assert_eq!(v.outcome(), Outcome::Exact);
/// // 公务用车购置费 37 against 73: −49.3 %, not the −47.95 % printed.
/// let w = check_change_from_prior(&"37".parse()?, &"73".parse()?, &"-47.95".parse()?)?;
/// assert_eq!(w.outcome(), Outcome::Inconsistent);
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "增长率")]
pub fn check_change_from_prior(
    current: &Amount,
    prior: &Amount,
    rate: &Percent,
) -> Result<Verdict, AmountError> {
    // The same ratio as a 预决算差异率, with last year's figure as the base.
    check_variance_rate(prior, current, rate)
}

/// Checks a stated 预决算差异率: `(actual − budget) / budget × 100`.
///
/// A budget printed as zero makes the rate undefined ([`Outcome::ZeroBase`]),
/// except the usual "0.00%" when both are zero.
///
/// # Errors
///
/// [`AmountError::Overflow`] if converting or multiplying overflows.
///
/// ```
/// use juesuan::{amount::check_variance_rate, amount::Outcome};
///
/// // 年初预算 45,059.04, 决算 68,860.73, 差异率 52.82%.
/// let v = check_variance_rate(&"45,059.04".parse()?, &"68,860.73".parse()?, &"52.82%".parse()?)?;
/// assert_eq!(v.outcome(), Outcome::Exact);
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "预决算差异率")]
pub fn check_variance_rate(
    budget: &Amount,
    actual: &Amount,
    stated: &Percent,
) -> Result<Verdict, AmountError> {
    match ratio_exact(RatioKind::Variance, budget, actual, stated) {
        Some(v) => Ok(v),
        None => variance_general(budget, actual, stated),
    }
}

fn variance_general(
    budget: &Amount,
    actual: &Amount,
    stated: &Percent,
) -> Result<Verdict, AmountError> {
    let unit = budget.unit();
    let (b, hb) = in_unit(budget, unit)?;
    let (a, ha) = in_unit(actual, unit)?;
    let corner = |bv: Decimal, av: Decimal| -> Result<(Decimal, Decimal), AmountError> {
        Ok((sub(av, bv)?, bv))
    };
    let (blo, bhi, alo, ahi) = (sub(b, hb)?, add(b, hb)?, sub(a, ha)?, add(a, ha)?);
    judge_ratio(
        &Ratio {
            corners: [
                corner(blo, alo)?,
                corner(blo, ahi)?,
                corner(bhi, alo)?,
                corner(bhi, ahi)?,
            ],
            point: (sub(a, b)?, b),
        },
        stated,
    )
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use crate::Unit;
    use proptest::prelude::*;

    /// An amount of `cents` hundredths (万元, two decimals).
    fn wan(cents: i64) -> Amount {
        Amount::new(Decimal::new(cents, 2), Unit::WanYuan)
    }

    fn rate(hundredths: i64) -> Percent {
        Percent::new(Decimal::new(hundredths, 2))
    }

    /// Same verdict, and the same printed figures.
    fn same(fast: &Verdict, general: &Verdict) {
        assert_eq!(fast, general);
        assert_eq!(fast.to_string(), general.to_string());
        assert_eq!(
            fast.tolerance().to_string(),
            general.tolerance().to_string()
        );
    }

    proptest! {
        // The integer fast paths give exactly the general verdict.
        #[test]
        fn sum_fast_is_the_general_sum(
            total in -10_000_000i64..10_000_000,
            parts in prop::collection::vec(-10_000_000i64..10_000_000, 1..20),
            skew in -3i64..=3,
        ) {
            // Totals at, near and far from the sum of the parts.
            let sum: i64 = parts.iter().sum();
            for t in [total, sum, sum + skew] {
                let parts: Vec<Amount> = parts.iter().map(|c| wan(*c)).collect();
                let fast = sum_fast(&wan(t), &parts).unwrap();
                same(&fast, &sum_general(&wan(t), &parts).unwrap());
                let mut exact = ExactSum::new(&wan(t));
                for p in &parts {
                    exact.add(p);
                }
                prop_assert_eq!(exact.is_exact(), fast.outcome() == Outcome::Exact);
            }
        }

        #[test]
        fn ratio_exact_agrees_with_the_general_ratio(
            a in -1_000_000i64..10_000_000,
            b in -1_000_000i64..10_000_000,
            r in -20_000i64..20_000,
        ) {
            let (a, b, r) = (wan(a), wan(b), rate(r));
            // Also the rate the point gives, so the fast path is taken.
            let point = |n: i64, d: i64| (d != 0).then(|| {
                let p = Decimal::new(n, 0) * Decimal::ONE_HUNDRED / Decimal::new(d, 0);
                Percent::new(round_half_away_from_zero(p, 2))
            });
            let m = |x: &Amount| i64::try_from(x.value().mantissa()).unwrap();
            let shares = [Some(r), point(m(&a), m(&b))];
            for r in shares.into_iter().flatten() {
                if let Some(fast) = ratio_exact(RatioKind::Share, &a, &b, &r) {
                    same(&fast, &share_general(&a, &b, &r).unwrap());
                }
                if let Some(fast) = ratio_exact(RatioKind::Change, &a, &b, &r) {
                    same(&fast, &change_general(&a, &b, &r).unwrap());
                }
                if let Some(fast) = ratio_exact(RatioKind::Variance, &a, &b, &r) {
                    same(&fast, &variance_general(&a, &b, &r).unwrap());
                }
            }
        }
    }

    proptest! {
        // The integer outcome, when given, is the verdict's.
        #[test]
        fn ratio_outcome_is_the_verdicts(
            a in -1_000_000i64..10_000_000,
            b in -1_000_000i64..10_000_000,
            r in -20_000i64..20_000,
            nudge in -2i64..=2,
        ) {
            let (a, b) = (wan(a), wan(b));
            let m = |x: &Amount| i64::try_from(x.value().mantissa()).unwrap();
            let (x, y) = (m(&a), m(&b));
            let near = |n: i64, d: i64| (d != 0).then(|| {
                let p = Decimal::new(n, 0) * Decimal::ONE_HUNDRED / Decimal::new(d, 0);
                let p = round_half_away_from_zero(p, 2);
                Percent::new(p + Decimal::new(nudge, 2))
            });
            let cases = [
                (RatioKind::Share, near(x, y)),
                (RatioKind::Change, near(y, x - y)),
                (RatioKind::Variance, near(y - x, x)),
            ];
            for (kind, rate_near) in cases {
                for r in [Some(rate(r)), rate_near].into_iter().flatten() {
                    let verdict = match kind {
                        RatioKind::Share => check_share(&a, &b, &r),
                        RatioKind::Change => check_change(&a, &b, &r),
                        RatioKind::Variance => check_variance_rate(&a, &b, &r),
                    };
                    if let Some(o) = ratio_outcome(kind, &a, &b, &r) {
                        prop_assert_eq!(o, verdict.unwrap().outcome(), "{:?} {} {} {}", kind, a, b, r);
                    }
                }
            }
        }
    }

    #[test]
    fn ratio_outcome_decides_the_usual_cases() {
        let (part, whole) = (wan(100), wan(300));
        let outcome = |r: i64| ratio_outcome(RatioKind::Share, &part, &whole, &rate(r));
        let verdict = |r: i64| check_share(&part, &whole, &rate(r)).unwrap().outcome();
        // 1.00 / 3.00 = 33.33%; up to 1.005 / 2.995 = 33.56% is reachable.
        assert_eq!(outcome(3333), Some(Outcome::Exact));
        assert_eq!(outcome(3334), Some(Outcome::WithinRounding));
        assert_eq!(verdict(3334), Outcome::WithinRounding);
        // Beyond reach: the general path says what it is.
        assert_eq!(outcome(3370), None);
        assert_eq!(verdict(3370), Outcome::Inconsistent);
    }

    /// The integer path reaches every corner of the figures' intervals: a
    /// stated percentage that only one corner explains is still decided
    /// there (each assertion fails if that corner is dropped).
    #[test]
    fn ratio_outcome_reaches_every_corner() {
        let share = |r: i64| ratio_outcome(RatioKind::Share, &wan(100), &wan(300), &rate(r));
        // 1.00 / 3.00: 0.995 / 3.005 = 33.11 % and 1.005 / 2.995 = 33.56 %.
        assert_eq!(share(3311), Some(Outcome::WithinRounding));
        assert_eq!(share(3355), Some(Outcome::WithinRounding));
        // A fall of 5.00 to 10.00 (from 15.00) is -33.33 %; its corners give
        // -5.005 / 15.000 = -33.367 % and -4.995 / 15.000 = -33.300 %, which
        // no other corner reaches.
        let fall = |r: i64| ratio_outcome(RatioKind::Change, &wan(1000), &wan(-500), &rate(r));
        for r in [-3336, -3331] {
            assert_eq!(fall(r), Some(Outcome::WithinRounding), "{r}");
            assert_eq!(
                check_change(&wan(1000), &wan(-500), &rate(r))
                    .unwrap()
                    .outcome(),
                Outcome::WithinRounding
            );
        }
        assert_eq!(fall(-3333), Some(Outcome::Exact));
    }

    /// The general ratio path orients its corners by the sign of their
    /// denominators: a last year that may be zero makes any rate reachable,
    /// and a negative last year is judged, not waved through.
    #[test]
    fn judge_ratio_orients_the_denominators() {
        // 0.02 up 0.01: last year is 0.01 ± 0.01, which may be zero.
        assert_eq!(
            check_change(&wan(2), &wan(1), &rate(50_000))
                .unwrap()
                .outcome(),
            Outcome::WithinRounding
        );
        // The same on the general path (a change printed to 0.001): 0.02 up
        // 0.015 leaves last year between -0.0005 and 0.0105.
        let fine = Amount::new(Decimal::new(15, 3), Unit::WanYuan);
        for r in [50_000, -50_000, 1_000] {
            assert_eq!(
                check_change(&wan(2), &fine, &rate(r)).unwrap().outcome(),
                Outcome::WithinRounding,
                "{r}"
            );
        }
        // 10.00 up 15.00: last year -5.00, a rate of -300 %; 100 % is wrong.
        assert_eq!(
            check_change(&wan(1000), &wan(1500), &rate(10_000))
                .unwrap()
                .outcome(),
            Outcome::Inconsistent
        );
        assert_eq!(
            check_change(&wan(1000), &wan(1500), &rate(-30_000))
                .unwrap()
                .outcome(),
            Outcome::Exact
        );
    }

    /// An exact sum with a subtracted part: forgetting the subtraction
    /// would call 10 + 5 − 3 = 15 exact.
    #[test]
    fn exact_sum_subtracts() {
        let mut exact = ExactSum::new(&wan(1200));
        exact.add(&wan(1000));
        exact.add(&wan(500));
        exact.sub(&wan(300));
        assert!(exact.is_exact());
        let mut wrong = ExactSum::new(&wan(1500));
        wrong.add(&wan(1000));
        wrong.add(&wan(500));
        wrong.sub(&wan(300));
        assert!(!wrong.is_exact());
    }

    #[test]
    fn fast_paths_step_aside_for_mixed_figures() {
        let yuan = Amount::new(Decimal::new(100, 0), Unit::Yuan);
        assert!(sum_fast(&wan(1), &[yuan]).is_none());
        let coarse = Amount::new(Decimal::new(1, 1), Unit::WanYuan);
        assert!(sum_fast(&wan(10), &[coarse]).is_none());
        // No parts: the general path, whose empty sum is a bare 0.
        assert!(sum_fast(&wan(10), &[]).is_none());
        // Still judged, by the general path.
        assert_eq!(
            check_sum(&wan(10), &[coarse]).unwrap().outcome(),
            Outcome::Exact
        );
    }

    fn amt(s: &str) -> Amount {
        s.parse().unwrap()
    }
    fn pct(s: &str) -> Percent {
        s.parse().unwrap()
    }

    #[test]
    fn sum_mixed_units() {
        let total = amt("1.00");
        let parts = [amt("5,000元"), amt("0.50")];
        let v = check_sum(&total, &parts).unwrap();
        assert_eq!(v.outcome(), Outcome::Exact);
        // 5,000 元 printed to 1 元 has half-unit 0.00005 万元.
        assert_eq!(v.tolerance().to_string(), "0.01005");
    }

    #[test]
    fn share_truncated_rate() {
        // 2/3 = 66.666…%: rounds to 66.67, truncates to 66.66.
        let v = check_share(&amt("2.00"), &amt("3.00"), &pct("66.66")).unwrap();
        // Rounding slack of the amounts already covers 66.66 here, so use
        // precise figures to isolate truncation.
        assert!(v.is_consistent());
        let v = check_share(&amt("2.000000"), &amt("3.000000"), &pct("66.66")).unwrap();
        assert_eq!(v.outcome(), Outcome::Truncated);
        let v = check_share(&amt("2.000000"), &amt("3.000000"), &pct("66.67")).unwrap();
        assert_eq!(v.outcome(), Outcome::Exact);
        let v = check_share(&amt("2.000000"), &amt("3.000000"), &pct("66.65")).unwrap();
        assert_eq!(v.outcome(), Outcome::Inconsistent);
    }

    #[test]
    fn negative_rates() {
        let v = check_change(&amt("1,683.00"), &amt("-0.08"), &pct("-0.00")).unwrap();
        assert_eq!(v.outcome(), Outcome::Exact);
        let v = check_change(&amt("287.40"), &amt("-50.41"), &pct("-14.92")).unwrap();
        assert_eq!(v.outcome(), Outcome::Exact);
        let v = check_change(&amt("287.40"), &amt("-50.41"), &pct("14.92")).unwrap();
        assert_eq!(v.outcome(), Outcome::Inconsistent);
    }

    #[test]
    fn zero_of_zero_is_conventional() {
        let v = check_variance_rate(&amt("0.00"), &amt("0.00"), &pct("0.00")).unwrap();
        assert_eq!(v.outcome(), Outcome::Exact);
        let v = check_variance_rate(&amt("0.00"), &amt("1.00"), &pct("0.00")).unwrap();
        assert_eq!(v.outcome(), Outcome::ZeroBase);
        assert_eq!(v.expected(), None);
        assert!(v.to_string().contains("undefined"));
    }

    #[test]
    fn units_convert_in_share() {
        let v = check_share(&amt("5,000元"), &amt("1.00"), &pct("50%")).unwrap();
        assert_eq!(v.outcome(), Outcome::Exact);
        assert_eq!(amt("5,000元").unit(), Unit::Yuan);
    }
}
