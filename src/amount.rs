//! Exact amounts and percentages that remember how they were printed.
//!
//! A published figure such as "74,194.06 万元" is held as an exact decimal, its
//! unit, and the number of decimals it was printed with. The number of
//! decimals matters: it tells which interval of true values the figure stands
//! for (see [`Amount::interval`]).

#![deny(clippy::arithmetic_side_effects)]

use std::fmt;
use std::str::FromStr;

pub use crate::rounding::{
    Interval, Outcome, Verdict, check_change, check_change_from_prior, check_difference,
    check_share, check_sum, check_variance_rate,
};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The most decimals an amount or percentage may be printed with.
///
/// Real reports print 0 to 6 decimals; anything finer is rejected as malformed.
///
/// ```
/// assert_eq!(juesuan::amount::MAX_PRINTED_DECIMALS, 6);
/// ```
pub const MAX_PRINTED_DECIMALS: u32 = 6;

/// The most significant digits a printed number may have.
///
/// rust_decimal holds 28 to 29 significant digits; inputs with more are an
/// overflow error rather than being rounded silently.
///
/// ```
/// assert_eq!(juesuan::amount::MAX_SIGNIFICANT_DIGITS, 28);
/// ```
pub const MAX_SIGNIFICANT_DIGITS: usize = 28;

/// Rounds `value` to `decimals` places, half away from zero (四舍五入).
///
/// This is how Chinese reports round, and the only rounding this crate uses.
/// (rust_decimal's `round_dp` rounds half to even, which is not it.)
///
/// ```
/// use juesuan::amount::round_half_away_from_zero;
/// use rust_decimal::Decimal;
///
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(round_half_away_from_zero(d("68369.455"), 2), d("68369.46"));
/// assert_eq!(round_half_away_from_zero(d("2.5"), 0), d("3"));
/// assert_eq!(round_half_away_from_zero(d("-2.5"), 0), d("-3"));
/// ```
#[doc(alias = "四舍五入")]
pub fn round_half_away_from_zero(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// Half of one unit in the last printed place: 0.005 for two decimals.
///
/// Negative `decimals` mean a figure printed to tens, hundreds, …; a figure
/// finer than rust_decimal can represent has no rounding slack (zero).
pub(crate) fn half_unit(decimals: i32) -> Decimal {
    if decimals >= 0 {
        u32::try_from(decimals)
            .ok()
            .and_then(|d| d.checked_add(1))
            .filter(|d| *d <= 28)
            .map_or(Decimal::ZERO, |d| Decimal::new(5, d))
    } else {
        let mut h = Decimal::new(5, 1);
        for _ in 0..decimals.unsigned_abs() {
            h = match h.checked_mul(Decimal::TEN) {
                Some(v) => v,
                None => return Decimal::MAX,
            };
        }
        h
    }
}

/// A currency unit used in 部门决算: 元 or 万元 (ten thousand yuan).
///
/// ```
/// use juesuan::Unit;
///
/// assert_eq!("万元".parse::<Unit>()?, Unit::WanYuan);
/// assert_eq!(Unit::Yuan.to_string(), "元");
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "单位")]
#[doc(alias = "金额单位")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Unit {
    /// 元, the yuan.
    #[doc(alias = "元")]
    #[serde(rename = "元")]
    Yuan,
    /// 万元, ten thousand yuan: the unit of the nine standard tables.
    #[doc(alias = "万元")]
    #[serde(rename = "万元")]
    WanYuan,
}

impl Unit {
    /// The official label: "元" or "万元".
    ///
    /// ```
    /// assert_eq!(juesuan::Unit::WanYuan.label(), "万元");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::WanYuan => "万元",
        }
    }

    /// The power of ten this unit stands for in yuan: 0 for 元, 4 for 万元.
    ///
    /// ```
    /// assert_eq!(juesuan::Unit::WanYuan.exponent(), 4);
    /// ```
    pub const fn exponent(self) -> u32 {
        match self {
            Unit::Yuan => 0,
            Unit::WanYuan => 4,
        }
    }
}

impl Default for Unit {
    /// 万元, the unit of the nine standard tables.
    fn default() -> Unit {
        Unit::WanYuan
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for Unit {
    type Err = AmountError;

    fn from_str(s: &str) -> Result<Unit, AmountError> {
        let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        match compact.as_str() {
            "元" => Ok(Unit::Yuan),
            "万元" => Ok(Unit::WanYuan),
            _ => Err(AmountError::UnknownUnit {
                input: s.to_owned(),
            }),
        }
    }
}

/// Why a printed amount or percentage could not be read or converted.
///
/// ```
/// use juesuan::{Amount, amount::AmountError};
///
/// let err = "1.2345678 万元".parse::<Amount>().unwrap_err();
/// assert!(matches!(err, AmountError::TooManyDecimals { decimals: 7, .. }));
/// assert_eq!(
///     err.to_string(),
///     r#"expected at most 6 decimals, but found 7 in "1.2345678 万元""#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AmountError {
    /// The input was empty or only white space.
    #[error("expected a number, but found nothing in {input:?}")]
    Empty {
        /// The input as given.
        input: String,
    },
    /// A character that does not belong in a printed number.
    #[error("expected {expected}, but found {found:?} at character {position} in {input:?}")]
    Malformed {
        /// The input as given.
        input: String,
        /// Zero-based character index of the offending character.
        position: usize,
        /// What would have been acceptable there.
        expected: &'static str,
        /// What was there (`"end of input"` when the input stopped short).
        found: String,
    },
    /// More decimals than [`MAX_PRINTED_DECIMALS`].
    #[error("expected at most 6 decimals, but found {decimals} in {input:?}")]
    TooManyDecimals {
        /// The input as given.
        input: String,
        /// How many decimals it has.
        decimals: usize,
    },
    /// More digits than an exact decimal can hold, or an arithmetic result out
    /// of range.
    #[error("number out of range: {input:?} needs more than 28 significant digits")]
    Overflow {
        /// The input, or the figures of the computation that overflowed.
        input: String,
    },
    /// A unit other than 元 or 万元.
    #[error("expected the unit 元 or 万元, but found {input:?}")]
    UnknownUnit {
        /// The text that stood where the unit should be.
        input: String,
    },
}

impl AmountError {
    pub(crate) fn overflow(what: impl fmt::Display) -> AmountError {
        AmountError::Overflow {
            input: what.to_string(),
        }
    }
}

/// A printed number: exact value plus the number of decimals it was printed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Printed {
    value: Decimal,
    decimals: u32,
}

/// Folds full-width digits and punctuation to ASCII; other characters pass.
fn fold_width(c: char) -> char {
    match c {
        '０'..='９' => u32::from(c)
            .checked_sub(u32::from('０'))
            .and_then(|d| char::from_digit(d, 10))
            .unwrap_or(c),
        '，' => ',',
        '．' => '.',
        '－' | '−' | '﹣' => '-',
        '＋' => '+',
        '％' => '%',
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Reads the number at the start of `chars` (already width-folded, trimmed).
///
/// Returns the number and how many characters it used. Grammar: optional
/// sign, integer digits (plain, or grouped by commas in threes), optional
/// fraction of 1 to 6 digits.
fn parse_number(input: &str, chars: &[char]) -> Result<(Printed, usize), AmountError> {
    let malformed = |position: usize, expected: &'static str| {
        let found = chars
            .get(position)
            .map_or_else(|| "end of input".to_owned(), |c| c.to_string());
        AmountError::Malformed {
            input: input.to_owned(),
            position,
            expected,
            found,
        }
    };
    let mut i: usize = 0;
    let negative = match chars.first() {
        Some('-') => {
            i = i.saturating_add(1);
            true
        }
        Some('+') => {
            i = i.saturating_add(1);
            false
        }
        _ => false,
    };
    let mut digits: Vec<u8> = Vec::with_capacity(chars.len());
    // Integer part, with optional thousands separators.
    let mut group_len = 0usize;
    let mut groups = 0usize;
    loop {
        match chars.get(i) {
            Some(c) if c.is_ascii_digit() => {
                digits.push((*c as u8).wrapping_sub(b'0'));
                group_len = group_len.saturating_add(1);
                i = i.saturating_add(1);
            }
            Some(',') => {
                if group_len == 0 {
                    return Err(malformed(i, "a digit"));
                }
                if groups == 0 && group_len > 3 {
                    return Err(malformed(i, "a digit or '.' (groups of three digits)"));
                }
                if groups > 0 && group_len != 3 {
                    return Err(malformed(i, "three digits between separators"));
                }
                groups = groups.saturating_add(1);
                group_len = 0;
                i = i.saturating_add(1);
            }
            _ => break,
        }
    }
    if digits.is_empty() {
        return Err(malformed(i, "a digit"));
    }
    if groups > 0 && group_len != 3 {
        return Err(malformed(i, "three digits after a thousands separator"));
    }
    // Fraction.
    let mut decimals = 0usize;
    if chars.get(i) == Some(&'.') {
        i = i.saturating_add(1);
        while let Some(c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
            digits.push((*c as u8).wrapping_sub(b'0'));
            decimals = decimals.saturating_add(1);
            i = i.saturating_add(1);
        }
        if decimals == 0 {
            return Err(malformed(i, "a digit after the decimal point"));
        }
    }
    if decimals > MAX_PRINTED_DECIMALS as usize {
        return Err(AmountError::TooManyDecimals {
            input: input.to_owned(),
            decimals,
        });
    }
    let significant = digits.iter().skip_while(|d| **d == 0).count();
    if significant > MAX_SIGNIFICANT_DIGITS {
        return Err(AmountError::overflow(input));
    }
    let mut mantissa: i128 = 0;
    for d in &digits {
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(i128::from(*d)))
            .ok_or_else(|| AmountError::overflow(input))?;
    }
    if negative {
        mantissa = mantissa
            .checked_neg()
            .ok_or_else(|| AmountError::overflow(input))?;
    }
    let scale = u32::try_from(decimals).map_err(|_| AmountError::overflow(input))?;
    let mut value = Decimal::try_from_i128_with_scale(mantissa, scale)
        .map_err(|_| AmountError::overflow(input))?;
    if value.is_zero() {
        value.set_sign_positive(true);
    }
    Ok((
        Printed {
            value,
            decimals: scale,
        },
        i,
    ))
}

/// The common case, without allocating: an optional minus, ASCII digits (plain, or
/// grouped by commas in threes), an optional fraction of 1 to 6 digits, no unit
/// ("74194.06", "74,194.06", "-50.41", "0"). Anything else (or anything this would
/// get wrong) returns `None` and takes the general path.
fn parse_plain(text: &str, unit: Unit) -> Option<Amount> {
    let (value, decimals) = plain_number(text)?;
    Some(Amount {
        value,
        decimals: i32::try_from(decimals).ok()?,
        unit,
    })
}

/// The number of [`parse_plain`] and its decimals, as [`parse_number`] reads it.
fn plain_number(text: &str) -> Option<(Decimal, u32)> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let mut mantissa: i64 = 0;
    let mut decimals: Option<u32> = None;
    let mut count = 0u32;
    // Digits of the integer part since the last comma, and commas seen.
    let mut group_len = 0u32;
    let mut groups = 0u32;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa
                    .checked_mul(10)?
                    .checked_add(i64::from(b.wrapping_sub(b'0')))?;
                count = count.saturating_add(1);
                match decimals.as_mut() {
                    Some(d) => *d = d.saturating_add(1),
                    None => group_len = group_len.saturating_add(1),
                }
            }
            // The grouping rules of `parse_number`: a first group of one to three
            // digits, then groups of exactly three.
            b',' if decimals.is_none()
                && group_len > 0
                && (if groups == 0 {
                    group_len <= 3
                } else {
                    group_len == 3
                }) =>
            {
                groups = groups.saturating_add(1);
                group_len = 0;
            }
            b'.' if decimals.is_none() && count > 0 && (groups == 0 || group_len == 3) => {
                decimals = Some(0);
            }
            _ => return None,
        }
    }
    let decimals = decimals.unwrap_or(0);
    // Reject "1." and more than six decimals here; the general path words
    // the error. 18 digits always fit an i64.
    if count == 0
        || count > 18
        || decimals > MAX_PRINTED_DECIMALS
        || text.ends_with('.')
        || (groups > 0 && group_len != 3)
    {
        return None;
    }
    let mut value = Decimal::new(
        if negative {
            mantissa.checked_neg()?
        } else {
            mantissa
        },
        decimals,
    );
    if value.is_zero() {
        value.set_sign_positive(true);
    }
    Some((value, decimals))
}

/// `value` rounded 四舍五入 to `decimals` places and written with exactly that
/// many decimals, without sign or separators: "74194.06".
///
/// Written digit by digit rather than with `format!("{:.*}")`, whose fixed
/// buffer in rust_decimal panics ("CapacityError") when a large value is asked
/// for many decimals.
fn fixed_abs(value: Decimal, decimals: u32) -> String {
    let decimals = decimals.min(28);
    let rounded = round_half_away_from_zero(value, decimals).abs();
    // Display without a precision writes the digits the scale holds (at most
    // 29 and a point): it never overflows.
    let mut text = rounded.to_string();
    let have = rounded.scale();
    if have < decimals {
        if have == 0 {
            text.push('.');
        }
        for _ in have..decimals {
            text.push('0');
        }
    }
    text
}

/// Writes `value` at `decimals` places with thousands separators.
fn write_grouped(f: &mut fmt::Formatter<'_>, value: Decimal, decimals: u32) -> fmt::Result {
    let rounded = round_half_away_from_zero(value, decimals.min(28));
    let text = fixed_abs(value, decimals);
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, fr)) => (i, Some(fr)),
        None => (text.as_str(), None),
    };
    if rounded.is_sign_negative() && !rounded.is_zero() {
        f.write_str("-")?;
    }
    let len = int_part.chars().count();
    for (k, c) in int_part.chars().enumerate() {
        if k > 0 && len.saturating_sub(k) % 3 == 0 {
            f.write_str(",")?;
        }
        write!(f, "{c}")?;
    }
    if let Some(fr) = frac_part {
        write!(f, ".{fr}")?;
    }
    Ok(())
}

/// An exact money amount, its unit, and the decimals it was printed with.
///
/// Amounts never pass through floating point. Two amounts are equal when they
/// have the same value, unit and printed precision: "1.0 万元" and "1.00 万元"
/// are different printed figures (they stand for different intervals).
///
/// Text parsing accepts what real reports contain: "74,194.06", "4125.49",
/// "0", full-width digits and commas, 0 to 6 decimals, a leading minus and an
/// optional trailing unit. A bare number parsed with [`FromStr`] is in 万元,
/// the unit of the standard tables; use [`Amount::parse_in`] to choose.
///
/// ```
/// use juesuan::{Amount, Unit};
///
/// let a: Amount = "74,194.06 万元".parse()?;
/// assert_eq!(a.unit(), Unit::WanYuan);
/// assert_eq!(a.decimals(), 2);
/// assert_eq!(a.to_string(), "74,194.06万元");
///
/// let yuan = a.to_unit(Unit::Yuan)?;
/// assert_eq!(yuan.value().to_string(), "741940600");
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "金额")]
#[doc(alias = "万元")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Amount {
    value: Decimal,
    decimals: i32,
    unit: Unit,
}

impl Amount {
    /// An amount printed with as many decimals as `value` carries (its scale).
    ///
    /// ```
    /// use juesuan::{Amount, Unit};
    /// use rust_decimal::Decimal;
    ///
    /// let a = Amount::new(Decimal::new(7419406, 2), Unit::WanYuan);
    /// assert_eq!(a.to_string(), "74,194.06万元");
    /// ```
    pub fn new(value: Decimal, unit: Unit) -> Amount {
        let decimals = i32::try_from(value.scale()).unwrap_or(28);
        Amount {
            value,
            decimals,
            unit,
        }
    }

    /// An amount in 万元 with the decimals `value` carries.
    ///
    /// ```
    /// use juesuan::Amount;
    /// use rust_decimal::Decimal;
    ///
    /// assert_eq!(Amount::wan_yuan(Decimal::new(18158, 2)).to_string(), "181.58万元");
    /// ```
    pub fn wan_yuan(value: Decimal) -> Amount {
        Amount::new(value, Unit::WanYuan)
    }

    /// An amount in 元 with the decimals `value` carries.
    ///
    /// ```
    /// use juesuan::Amount;
    /// use rust_decimal::Decimal;
    ///
    /// assert_eq!(Amount::yuan(Decimal::new(1815800, 0)).to_string(), "1,815,800元");
    /// ```
    pub fn yuan(value: Decimal) -> Amount {
        Amount::new(value, Unit::Yuan)
    }

    /// A zero printed with `decimals` decimals.
    ///
    /// ```
    /// use juesuan::{Amount, Unit};
    ///
    /// assert_eq!(Amount::zero(Unit::WanYuan, 2).to_string(), "0.00万元");
    /// ```
    pub fn zero(unit: Unit, decimals: u32) -> Amount {
        Amount {
            value: Decimal::new(0, decimals.min(28)),
            decimals: i32::try_from(decimals.min(28)).unwrap_or(28),
            unit,
        }
    }

    /// Parses a printed amount; a bare number is taken to be in `default_unit`.
    ///
    /// A trailing unit in the text ("元", "万元", spaces allowed) wins over
    /// `default_unit`.
    ///
    /// # Errors
    ///
    /// Returns [`AmountError`] when the text is not a number as reports print
    /// them (quoting the input and saying what was expected), has more than six
    /// decimals, has more than 28 significant digits, or ends in another unit.
    ///
    /// ```
    /// use juesuan::{Amount, Unit};
    ///
    /// let a = Amount::parse_in("１，３１１．７４", Unit::WanYuan)?;
    /// assert_eq!(a.to_string(), "1,311.74万元");
    /// let b = Amount::parse_in("5,000元", Unit::WanYuan)?;
    /// assert_eq!(b.unit(), Unit::Yuan);
    /// assert!(Amount::parse_in("12,34.5", Unit::WanYuan).is_err());
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn parse_in(text: &str, default_unit: Unit) -> Result<Amount, AmountError> {
        match parse_plain(text, default_unit) {
            Some(a) => Ok(a),
            None => Amount::parse_general(text, default_unit),
        }
    }

    /// [`Amount::parse_in`] for every printed form.
    fn parse_general(text: &str, default_unit: Unit) -> Result<Amount, AmountError> {
        let chars: Vec<char> = text.chars().map(fold_width).collect();
        let start = chars.iter().take_while(|c| c.is_whitespace()).count();
        let end = chars
            .len()
            .saturating_sub(chars.iter().rev().take_while(|c| c.is_whitespace()).count());
        let body = chars.get(start..end.max(start)).unwrap_or(&[]);
        if body.is_empty() {
            return Err(AmountError::Empty {
                input: text.to_owned(),
            });
        }
        let (number, used) = parse_number(text, body).map_err(|e| shift(e, start))?;
        let rest: String = body.get(used..).unwrap_or(&[]).iter().collect();
        let unit = if rest.trim().is_empty() {
            default_unit
        } else {
            match rest.parse::<Unit>() {
                Ok(u) => u,
                Err(_) => {
                    let position = start.saturating_add(used);
                    let first = body
                        .get(used..)
                        .and_then(|r| r.iter().find(|c| !c.is_whitespace()))
                        .copied();
                    let expected = if rest.trim_start().starts_with(['万', '元']) {
                        "the unit 元 or 万元"
                    } else {
                        "a digit, '.', or the unit 元 or 万元"
                    };
                    return Err(AmountError::Malformed {
                        input: text.to_owned(),
                        position,
                        expected,
                        found: first.map_or_else(|| rest.clone(), |c| c.to_string()),
                    });
                }
            }
        };
        Ok(Amount {
            value: number.value,
            decimals: i32::try_from(number.decimals).unwrap_or(28),
            unit,
        })
    }

    /// The exact value, in [`Amount::unit`].
    ///
    /// ```
    /// let a: juesuan::Amount = "1,382.98".parse()?;
    /// assert_eq!(a.value().to_string(), "1382.98");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The unit the amount is expressed in.
    ///
    /// ```
    /// let a: juesuan::Amount = "5元".parse()?;
    /// assert_eq!(a.unit(), juesuan::Unit::Yuan);
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The number of decimals the figure was printed with.
    ///
    /// Negative after converting a coarse figure to a finer unit: 74,194.06
    /// 万元 is 741,940,600 元 known to the nearest 100 元, so −2.
    ///
    /// ```
    /// use juesuan::{Amount, Unit};
    ///
    /// let a: Amount = "74,194.06".parse()?;
    /// assert_eq!(a.decimals(), 2);
    /// assert_eq!(a.to_unit(Unit::Yuan)?.decimals(), -2);
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn decimals(&self) -> i32 {
        self.decimals
    }

    /// Half a unit in the last printed place: the rounding slack of this figure.
    ///
    /// ```
    /// let a: juesuan::Amount = "68,369.46".parse()?;
    /// assert_eq!(a.half_unit().to_string(), "0.005");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn half_unit(&self) -> Decimal {
        half_unit(self.decimals)
    }

    /// The closed interval of true values that print as this figure.
    ///
    /// ```
    /// let a: juesuan::Amount = "68,369.46".parse()?;
    /// let i = a.interval();
    /// assert_eq!(i.lo().to_string(), "68369.455");
    /// assert_eq!(i.hi().to_string(), "68369.465");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn interval(&self) -> Interval {
        let h = self.half_unit();
        Interval::new(self.value.saturating_sub(h), self.value.saturating_add(h))
    }

    /// Whether the value is zero.
    ///
    /// ```
    /// let a: juesuan::Amount = "0.00".parse()?;
    /// assert!(a.is_zero());
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn is_zero(&self) -> bool {
        self.value.is_zero()
    }

    /// The same amount in another unit, exactly.
    ///
    /// 元 → 万元 shifts the decimal point (and the printed precision) four
    /// places; 万元 → 元 multiplies by 10,000.
    ///
    /// # Errors
    ///
    /// [`AmountError::Overflow`] when the result does not fit an exact decimal
    /// (more than 28 decimals, or a value beyond about 7.9 × 10²⁸).
    ///
    /// ```
    /// use juesuan::{Amount, Unit};
    ///
    /// let a: Amount = "741,940,600元".parse()?;
    /// let w = a.to_unit(Unit::WanYuan)?;
    /// assert_eq!(w.value().to_string(), "74194.0600");
    /// assert_eq!(w.to_unit(Unit::Yuan)?, a);
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn to_unit(&self, unit: Unit) -> Result<Amount, AmountError> {
        if unit == self.unit {
            return Ok(*self);
        }
        let overflow = || AmountError::overflow(format!("{self} in {unit}"));
        let shift = i32::try_from(self.unit.exponent())
            .unwrap_or(0)
            .saturating_sub(i32::try_from(unit.exponent()).unwrap_or(0));
        if shift > 0 {
            // Coarser to finer unit: multiply.
            let factor = Decimal::from(10i64.pow(shift.unsigned_abs()));
            let mut value = self.value.checked_mul(factor).ok_or_else(overflow)?;
            let decimals = self.decimals.saturating_sub(shift);
            // Keep the scale natural: no more places than printed, none negative.
            let scale = u32::try_from(decimals.max(0)).unwrap_or(0);
            if value.scale() > scale {
                value.rescale(scale);
            }
            Ok(Amount {
                value,
                decimals,
                unit,
            })
        } else {
            // Finer to coarser unit: move the decimal point.
            let places = shift.unsigned_abs();
            let scale = self
                .value
                .scale()
                .checked_add(places)
                .ok_or_else(overflow)?;
            let value = Decimal::try_from_i128_with_scale(self.value.mantissa(), scale)
                .map_err(|_| overflow())?;
            Ok(Amount {
                value,
                decimals: self.decimals.saturating_add(shift.saturating_abs()),
                unit,
            })
        }
    }

    /// The figure printed to `decimals` places, rounding 四舍五入.
    ///
    /// ```
    /// use juesuan::{Amount, Unit};
    ///
    /// let a: Amount = "741,940,650元".parse()?;
    /// let printed = a.to_unit(Unit::WanYuan)?.round_to(2);
    /// assert_eq!(printed.to_string(), "74,194.07万元");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn round_to(&self, decimals: u32) -> Amount {
        let decimals = decimals.min(28);
        let mut value = round_half_away_from_zero(self.value, decimals);
        if value.scale() < decimals {
            value.rescale(decimals);
        }
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        Amount {
            value,
            decimals: i32::try_from(decimals).unwrap_or(28),
            unit: self.unit,
        }
    }

    /// The same figure with the opposite sign (same unit and precision).
    ///
    /// ```
    /// let a: juesuan::Amount = "50.41".parse()?;
    /// assert_eq!(a.negated().to_string(), "-50.41万元");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn negated(&self) -> Amount {
        let mut value = -self.value;
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        Amount { value, ..*self }
    }

    /// The number as printed, with thousands separators and without the unit.
    ///
    /// ```
    /// let a: juesuan::Amount = "-1382.98".parse()?;
    /// assert_eq!(a.printed(), "-1,382.98");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn printed(&self) -> String {
        struct P<'a>(&'a Amount);
        impl fmt::Display for P<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let d = u32::try_from(self.0.decimals.max(0)).unwrap_or(0);
                write_grouped(f, self.0.value, d)
            }
        }
        P(self).to_string()
    }
}

/// # Arithmetic
///
/// Sums and differences of printed amounts are exact, and keep the printing
/// rule: **the result is in the left operand's unit, printed with the larger
/// number of decimals of the two** (after the right operand is converted
/// exactly into that unit: 1.50万元 + 200元 = 1.5200万元). Only checked
/// methods exist, because a sum can leave the range of an exact decimal
/// (about 7.9 × 10²⁸) and the crate never panics on data: there is no `+`
/// or `-` operator. [`Neg`](std::ops::Neg) is total and keeps unit and precision.
///
/// `Result<Amount, AmountError>` implements [`Sum`](std::iter::Sum), with the same rule
/// (the unit of the first amount); the sum of nothing is 0 万元 with no
/// decimals.
///
/// Amounts in one unit are ordered by value, then by printed precision
/// (so that the order agrees with `==`: 1.0 and 1.00 are different printed
/// figures); amounts in different units are not compared (`partial_cmp`
/// gives `None`): convert one with [`Amount::to_unit`] first.
///
/// ```
/// use juesuan::{Amount, amount::AmountError};
///
/// let a: Amount = "1,382.98".parse()?;
/// let b: Amount = "0.1".parse()?;
/// assert_eq!(a.checked_add(b)?.to_string(), "1,383.08万元");
/// assert_eq!(a.checked_sub(b)?.to_string(), "1,382.88万元");
/// assert_eq!((-a).to_string(), "-1,382.98万元");
/// let yuan: Amount = "200元".parse()?;
/// assert_eq!(b.checked_add(yuan)?.to_string(), "0.1200万元");
/// let parts: [Amount; 3] = ["12,086.90".parse()?, "54,662.05".parse()?, "887.96".parse()?];
/// let total: Result<Amount, AmountError> = parts.iter().sum();
/// assert_eq!(total?.to_string(), "67,636.91万元");
/// assert!(b < a);
/// assert_eq!(yuan.partial_cmp(&a), None);
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
impl Amount {
    /// `self + rhs`, exactly (see [the arithmetic rules](#arithmetic)).
    ///
    /// # Errors
    ///
    /// [`AmountError::Overflow`] when `rhs` cannot be converted into this
    /// unit, or the sum does not fit an exact decimal.
    ///
    /// ```
    /// let a: juesuan::Amount = "181.58".parse()?;
    /// assert_eq!(a.checked_add("0.1".parse()?)?.to_string(), "181.68万元");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn checked_add(self, rhs: Amount) -> Result<Amount, AmountError> {
        self.combine(rhs, '+', Decimal::checked_add)
    }

    /// `self − rhs`, exactly (see [the arithmetic rules](#arithmetic)).
    ///
    /// # Errors
    ///
    /// As [`Amount::checked_add`].
    ///
    /// ```
    /// let a: juesuan::Amount = "181.58".parse()?;
    /// assert_eq!(a.checked_sub("181.68".parse()?)?.to_string(), "-0.10万元");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn checked_sub(self, rhs: Amount) -> Result<Amount, AmountError> {
        self.combine(rhs, '-', Decimal::checked_sub)
    }

    fn combine(
        self,
        rhs: Amount,
        op: char,
        f: fn(Decimal, Decimal) -> Option<Decimal>,
    ) -> Result<Amount, AmountError> {
        let overflow = || AmountError::overflow(format!("{self} {op} {rhs}"));
        let rhs = rhs.to_unit(self.unit).map_err(|_| overflow())?;
        let mut value = f(self.value, rhs.value).ok_or_else(overflow)?;
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        Ok(Amount {
            value,
            decimals: self.decimals.max(rhs.decimals),
            unit: self.unit,
        })
    }
}

impl std::ops::Neg for Amount {
    type Output = Amount;

    /// [`Amount::negated`].
    fn neg(self) -> Amount {
        self.negated()
    }
}

impl PartialOrd for Amount {
    /// By value, then by printed precision, within one unit; `None` across
    /// units.
    fn partial_cmp(&self, other: &Amount) -> Option<std::cmp::Ordering> {
        (self.unit == other.unit).then(|| {
            self.value
                .cmp(&other.value)
                .then(self.decimals.cmp(&other.decimals))
        })
    }
}

impl std::iter::Sum<Amount> for Result<Amount, AmountError> {
    /// The exact sum, in the first amount's unit, at the largest precision.
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Result<Amount, AmountError> {
        let mut total: Option<Amount> = None;
        for a in iter {
            total = Some(match total {
                None => a,
                Some(t) => t.checked_add(a)?,
            });
        }
        Ok(total.unwrap_or_else(|| Amount::zero(Unit::WanYuan, 0)))
    }
}

impl<'a> std::iter::Sum<&'a Amount> for Result<Amount, AmountError> {
    /// The exact sum, in the first amount's unit, at the largest precision.
    fn sum<I: Iterator<Item = &'a Amount>>(iter: I) -> Result<Amount, AmountError> {
        iter.copied().sum()
    }
}

fn shift(e: AmountError, by: usize) -> AmountError {
    match e {
        AmountError::Malformed {
            input,
            position,
            expected,
            found,
        } => AmountError::Malformed {
            input,
            position: position.saturating_add(by),
            expected,
            found,
        },
        other => other,
    }
}

impl fmt::Display for Amount {
    /// Prints the figure as reports do, with the unit: "74,194.06万元".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = u32::try_from(self.decimals.max(0)).unwrap_or(0);
        write_grouped(f, self.value, d)?;
        f.write_str(self.unit.label())
    }
}

impl FromStr for Amount {
    type Err = AmountError;

    /// Parses a printed amount; a bare number is in 万元.
    fn from_str(s: &str) -> Result<Amount, AmountError> {
        Amount::parse_in(s, Unit::WanYuan)
    }
}

/// An exact percentage as printed: "93.43%" is 93.43 with two decimals.
///
/// The value is in percent (93.43, not 0.9343) and may be negative (a fall).
/// The "%" sign is optional when parsing, as PDF extraction sometimes loses it.
///
/// ```
/// use juesuan::Percent;
///
/// let p: Percent = "93.43%".parse()?;
/// assert_eq!(p.value().to_string(), "93.43");
/// assert_eq!(p.decimals(), 2);
/// assert_eq!(p.to_string(), "93.43%");
/// assert_eq!("－6.77％".parse::<Percent>()?.to_string(), "-6.77%");
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "百分比")]
#[doc(alias = "占比")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Percent {
    value: Decimal,
    decimals: u32,
}

impl Percent {
    /// A percentage printed with as many decimals as `value` carries.
    ///
    /// ```
    /// use juesuan::Percent;
    /// use rust_decimal::Decimal;
    ///
    /// assert_eq!(Percent::new(Decimal::new(190, 2)).to_string(), "1.90%");
    /// ```
    pub fn new(value: Decimal) -> Percent {
        Percent {
            value,
            decimals: value.scale(),
        }
    }

    /// The value in percent.
    ///
    /// ```
    /// let p: juesuan::Percent = "100%".parse()?;
    /// assert_eq!(p.value().to_string(), "100");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The decimals the percentage was printed with.
    ///
    /// ```
    /// let p: juesuan::Percent = "100%".parse()?;
    /// assert_eq!(p.decimals(), 0);
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn decimals(&self) -> u32 {
        self.decimals
    }

    /// The same percentage with the sign flipped (下降 6.77% is −6.77%).
    ///
    /// ```
    /// let p: juesuan::Percent = "6.77".parse()?;
    /// assert_eq!(p.negated().to_string(), "-6.77%");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn negated(&self) -> Percent {
        let mut value = -self.value;
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        Percent {
            value,
            decimals: self.decimals,
        }
    }

    /// Half a unit in the last printed place: 0.005 for "93.43%".
    ///
    /// ```
    /// let p: juesuan::Percent = "93.43%".parse()?;
    /// assert_eq!(p.half_unit().to_string(), "0.005");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn half_unit(&self) -> Decimal {
        half_unit(i32::try_from(self.decimals).unwrap_or(28))
    }

    /// The closed interval of true percentages that print as this one.
    ///
    /// ```
    /// let p: juesuan::Percent = "93.43%".parse()?;
    /// assert_eq!(p.interval().lo().to_string(), "93.425");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn interval(&self) -> Interval {
        let h = self.half_unit();
        Interval::new(self.value.saturating_sub(h), self.value.saturating_add(h))
    }
}

impl std::ops::Neg for Percent {
    type Output = Percent;

    /// [`Percent::negated`].
    ///
    /// ```
    /// let p: juesuan::Percent = "6.77%".parse()?;
    /// assert_eq!((-p).to_string(), "-6.77%");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    fn neg(self) -> Percent {
        self.negated()
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_grouped(f, self.value, self.decimals)?;
        f.write_str("%")
    }
}

impl FromStr for Percent {
    type Err = AmountError;

    /// Parses "93.43%", "93.43", "100%", full-width "９３．４３％".
    fn from_str(s: &str) -> Result<Percent, AmountError> {
        // The common case without allocating: a plain number and its `%`;
        // everything else takes the general path.
        if let Some((value, decimals)) = plain_number(s.strip_suffix('%').unwrap_or(s)) {
            return Ok(Percent { value, decimals });
        }
        parse_percent_general(s)
    }
}

/// [`Percent`]'s `from_str` for every printed form.
fn parse_percent_general(s: &str) -> Result<Percent, AmountError> {
    let chars: Vec<char> = s.chars().map(fold_width).collect();
    let start = chars.iter().take_while(|c| c.is_whitespace()).count();
    let end = chars
        .len()
        .saturating_sub(chars.iter().rev().take_while(|c| c.is_whitespace()).count());
    let body = chars.get(start..end.max(start)).unwrap_or(&[]);
    if body.is_empty() {
        return Err(AmountError::Empty {
            input: s.to_owned(),
        });
    }
    let (number, used) = parse_number(s, body).map_err(|e| shift(e, start))?;
    let rest = body.get(used..).unwrap_or(&[]);
    let mut tail = rest.iter().filter(|c| !c.is_whitespace());
    match (tail.next(), tail.next()) {
        (None, _) | (Some('%'), None) => Ok(Percent {
            value: number.value,
            decimals: number.decimals,
        }),
        (Some(c), _) => Err(AmountError::Malformed {
            input: s.to_owned(),
            position: start
                .saturating_add(used)
                .saturating_add(rest.iter().take_while(|x| x.is_whitespace()).count()),
            expected: "a digit, '.' or '%'",
            found: if *c == '%' {
                "text after '%'".to_owned()
            } else {
                c.to_string()
            },
        }),
    }
}

impl Serialize for Amount {
    /// Serializes as the printed number without separators or unit ("74194.06").
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&plain(self.value, self.decimals))
    }
}

/// The value at its printed precision, without separators: "74194.06".
fn plain(value: Decimal, decimals: i32) -> String {
    let d = u32::try_from(decimals.max(0)).unwrap_or(0);
    let rounded = round_half_away_from_zero(value, d.min(28));
    let digits = fixed_abs(value, d);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        format!("-{digits}")
    } else {
        digits
    }
}

/// How [`Amount`]'s `Deserialize` reads a bare number. Outside the
/// FinalAccounts reader a bare number is in 万元, as documented; while that
/// reader reads a document, it sets the document's unit here, because
/// serde gives a field no way to see a sibling field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BareUnit {
    /// 万元.
    Default,
    /// The document's unit; an amount written with another unit is refused
    /// (relabelling "179.78万元" as 179.78 元 would change it 10,000-fold).
    Document(Unit),
    /// 万元, noting whether some amount was written with "万元" explicitly:
    /// for a reader that learns the document's unit only afterwards.
    Recording {
        /// Whether an amount carried the unit 万元 in its text.
        explicit_wan: bool,
    },
}

thread_local! {
    static BARE_UNIT: std::cell::Cell<BareUnit> = const { std::cell::Cell::new(BareUnit::Default) };
}

/// Runs `f` with amounts read in `mode` (see [`BareUnit`]); returns its
/// result and the mode as `f` left it (with what a recording noted).
pub(crate) fn reading_with<T>(mode: BareUnit, f: impl FnOnce() -> T) -> (T, BareUnit) {
    /// Puts the previous mode back, even if `f` unwinds.
    struct Restore(BareUnit);
    impl Drop for Restore {
        fn drop(&mut self) {
            BARE_UNIT.with(|b| b.set(self.0));
        }
    }
    let previous = BARE_UNIT.with(|b| b.replace(mode));
    let _restore = Restore(previous);
    let out = f();
    (out, BARE_UNIT.with(std::cell::Cell::get))
}

impl<'de> Deserialize<'de> for Amount {
    /// Deserializes from a string ("74194.06", "74,194.06 万元"); a bare
    /// number is in 万元. JSON numbers are refused: they lose trailing zeros.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Amount, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        match BARE_UNIT.with(std::cell::Cell::get) {
            BareUnit::Default => s.parse().map_err(serde::de::Error::custom),
            BareUnit::Document(unit) => {
                let a = Amount::parse_in(&s, unit).map_err(serde::de::Error::custom)?;
                if a.unit() != unit {
                    return Err(serde::de::Error::custom(format!(
                        "expected an amount in {unit} (the document's unit), but found {s:?} in {}: \
                         write every amount in the document's unit",
                        a.unit()
                    )));
                }
                Ok(a)
            }
            BareUnit::Recording { explicit_wan } => {
                let a: Amount = s.parse().map_err(serde::de::Error::custom)?;
                // A printed number holds no 万: only a unit written after it.
                if !explicit_wan && a.unit() == Unit::WanYuan && s.contains('万') {
                    BARE_UNIT.with(|b| b.set(BareUnit::Recording { explicit_wan: true }));
                }
                Ok(a)
            }
        }
    }
}

impl Serialize for Percent {
    /// Serializes as the printed number without "%" ("93.43").
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&plain(
            self.value,
            i32::try_from(self.decimals).unwrap_or(28),
        ))
    }
}

impl<'de> Deserialize<'de> for Percent {
    /// Deserializes from a string ("93.43" or "93.43%").
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Percent, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// `m` at `scale` decimals, its integer part grouped by commas.
    fn grouped(m: i64, scale: u32) -> String {
        let plain = Decimal::new(m, scale).to_string();
        let (sign, rest) = plain.split_at(usize::from(plain.starts_with('-')));
        let (int, frac) = rest
            .split_once('.')
            .map_or((rest, None), |(i, f)| (i, Some(f)));
        let mut out = String::from(sign);
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push('.');
            out.push_str(f);
        }
        out
    }

    proptest::proptest! {
        // Grouped and plain figures, and near-misses of grouping, read the
        // same on the allocation-free path as on the general one.
        #[test]
        fn plain_amounts_parse_as_in_general(
            m in -10_000_000_000i64..10_000_000_000,
            scale in 0u32..8,
            mangle in 0usize..4,
        ) {
            let mut text = grouped(m, scale);
            match mangle {
                1 => text = text.replacen(',', "", 1),
                2 => text.push(','),
                3 => text = text.replacen(',', ",,", 1),
                _ => {}
            }
            let fast = Amount::parse_in(&text, Unit::WanYuan).map_err(|e| e.to_string());
            let general = Amount::parse_general(&text, Unit::WanYuan).map_err(|e| e.to_string());
            proptest::prop_assert_eq!(&fast, &general, "{}", text);
            if let (Ok(a), Ok(b)) = (fast, general) {
                proptest::prop_assert_eq!(a.decimals(), b.decimals());
            }
        }
    }

    proptest::proptest! {
        // The allocation-free path reads plain figures exactly as the
        // general parser does.
        #[test]
        fn plain_percentages_parse_as_in_general(
            m in -10_000_000i64..10_000_000,
            scale in 0u32..8,
            sign in proptest::bool::ANY,
        ) {
            let text = format!("{}{}", Decimal::new(m, scale), if sign { "%" } else { "" });
            let fast = text.parse::<Percent>().map_err(|e| e.to_string());
            let general = parse_percent_general(&text).map_err(|e| e.to_string());
            proptest::prop_assert_eq!(&fast, &general);
            if let Ok(p) = fast {
                proptest::prop_assert_eq!(p.decimals(), general.map(|g| g.decimals()).unwrap_or(99));
            }
        }
    }

    #[test]
    fn parses_what_reports_print() {
        for (text, value, decimals, unit) in [
            ("74,194.06", "74194.06", 2, Unit::WanYuan),
            ("4125.49", "4125.49", 2, Unit::WanYuan),
            ("0", "0", 0, Unit::WanYuan),
            ("1,311.74", "1311.74", 2, Unit::WanYuan),
            ("７４，１９４．０６", "74194.06", 2, Unit::WanYuan),
            ("-1,382.98", "-1382.98", 2, Unit::WanYuan),
            ("－0.08 万元", "-0.08", 2, Unit::WanYuan),
            ("741,940,600元", "741940600", 0, Unit::Yuan),
            ("1.234567", "1.234567", 6, Unit::WanYuan),
            (" 73,274.06 万 元 ", "73274.06", 2, Unit::WanYuan),
            ("0.00", "0.00", 2, Unit::WanYuan),
        ] {
            let a: Amount = text.parse().unwrap();
            assert_eq!(a.value(), d(value), "{text}");
            assert_eq!(a.decimals(), decimals, "{text}");
            assert_eq!(a.unit(), unit, "{text}");
        }
    }

    #[test]
    fn rejects_malformed_with_position() {
        for (text, needle) in [
            ("12,34.5", "three digits after a thousands separator"),
            ("1,2345", "three digits after a thousands separator"),
            ("1234,567", "groups of three"),
            (",123", "a digit"),
            ("1.", "a digit after the decimal point"),
            (".5", "a digit"),
            ("12a", "unit"),
            ("12 美元", "unit"),
            ("--5", "a digit"),
            ("5万", "the unit 元 or 万元"),
        ] {
            let err = text.parse::<Amount>().unwrap_err();
            let msg = err.to_string();
            assert!(msg.contains(needle), "{text}: {msg}");
            assert!(msg.contains(&format!("{text:?}")), "{text}: {msg}");
        }
        assert_eq!(
            "".parse::<Amount>().unwrap_err(),
            AmountError::Empty {
                input: String::new()
            }
        );
        assert_eq!(
            "12a".parse::<Amount>().unwrap_err().to_string(),
            r#"expected a digit, '.', or the unit 元 or 万元, but found "a" at character 2 in "12a""#
        );
    }

    #[test]
    fn rejects_overflow_without_rounding() {
        let forty = "1234567890123456789012345678901234567890";
        assert!(matches!(
            forty.parse::<Amount>(),
            Err(AmountError::Overflow { .. })
        ));
        // 28 significant digits fit exactly.
        let ok = "1234567890123456789012.345678";
        assert_eq!(ok.parse::<Amount>().unwrap().value(), d(ok));
        // 29 do not.
        let bad = "12345678901234567890123.345678";
        assert!(matches!(
            bad.parse::<Amount>(),
            Err(AmountError::Overflow { .. })
        ));
        // Leading zeros are not significant.
        assert!("000000000000000000000000000001.5".parse::<Amount>().is_ok());
    }

    #[test]
    fn unit_conversion_is_exact() {
        let a: Amount = "74,194.06".parse().unwrap();
        let y = a.to_unit(Unit::Yuan).unwrap();
        assert_eq!(y.value(), d("741940600"));
        assert_eq!(y.half_unit(), d("50"));
        let back = y.to_unit(Unit::WanYuan).unwrap();
        assert_eq!(back.value(), a.value());
        assert_eq!(back.decimals(), 2);
        let small: Amount = "0.000001".parse().unwrap();
        let y = small.to_unit(Unit::Yuan).unwrap();
        assert_eq!(y.value(), d("0.01"));
        assert_eq!(y.decimals(), 2);
    }

    #[test]
    fn half_away_from_zero_not_bankers() {
        assert_eq!(round_half_away_from_zero(d("0.125"), 2), d("0.13"));
        assert_eq!(round_half_away_from_zero(d("0.135"), 2), d("0.14"));
        assert_eq!(round_half_away_from_zero(d("-0.125"), 2), d("-0.13"));
    }

    #[test]
    fn percent_parse_and_errors() {
        assert_eq!("100%".parse::<Percent>().unwrap().decimals(), 0);
        assert_eq!("  1.90 ％".parse::<Percent>().unwrap().value(), d("1.90"));
        assert!("1.90%%".parse::<Percent>().is_err());
        assert!("1.9x".parse::<Percent>().is_err());
        assert_eq!("-0.00%".parse::<Percent>().unwrap().to_string(), "0.00%");
    }

    #[test]
    fn display_groups_thousands() {
        for s in [
            "0.00",
            "1.00",
            "999.99",
            "1,000.00",
            "-12,345,678.9",
            "123,456",
        ] {
            let a: Amount = s.parse().unwrap();
            assert_eq!(a.printed(), s);
        }
    }
}
