//! The typed figures of a finding: what it expected, what was stated, the
//! difference and the tolerance.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::amount::{Amount, Percent};

/// A figure a [`Finding`](super::Finding) names, typed: an amount keeps its
/// unit and printed precision, a percentage its decimals.
///
/// [`Display`](fmt::Display) writes it as the finding's message does, the
/// one number format of every message: thousands separators, the printed
/// precision, an amount without its unit ("54,662.05"), a percentage with
/// "%" ("93.43%"). Serde writes it as a string without separators and with
/// the unit ("54662.05万元", "93.43%", "3", "2024年", a word as it is), which
/// [`FromStr`] reads back.
///
/// ```
/// use juesuan::{audit, Amount, Disclosure, audit::Quantity};
///
/// let report = Disclosure::from_json(r#"{"facts": {
///     "three_public.total": "181.58", "three_public.overseas_travel": "0.00",
///     "three_public.vehicles": "179.78", "three_public.reception": "1.90"}}"#)?;
/// let f = &audit(&report)[0];
/// let expected: Amount = "181.68".parse()?;
/// assert_eq!(f.expected(), Some(&Quantity::Amount(expected)));
/// assert_eq!(f.difference().map(ToString::to_string).as_deref(), Some("-0.10"));
/// // Four figures printed to 0.01 explain 0.02.
/// assert_eq!(f.tolerance().map(ToString::to_string).as_deref(), Some("0.02"));
/// assert_eq!(serde_json::to_string(&f.expected())?, r#""181.68万元""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Quantity {
    /// Money, in its unit and printed precision.
    Amount(Amount),
    /// A percentage; a difference of two is in percentage points.
    Percent(Percent),
    /// A count (persons, vehicles), or a difference of two.
    Count(i128),
    /// A measured quantity (an area, say), exact, at its printed decimals.
    Measure(Decimal),
    /// A calendar year the text names.
    Year(i32),
    /// Words, names, codes and dates, as printed.
    Text(String),
    /// A bound the stated figure must not exceed.
    AtMost(Box<Quantity>),
    /// A bound the stated figure must not fall below.
    AtLeast(Box<Quantity>),
}

impl Quantity {
    /// The amount, when it is one.
    ///
    /// ```
    /// use juesuan::audit::Quantity;
    /// let q: Quantity = "1.90万元".parse()?;
    /// assert_eq!(q.as_amount().map(|a| a.decimals()), Some(2));
    /// assert_eq!(Quantity::Count(3).as_amount(), None);
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn as_amount(&self) -> Option<Amount> {
        match self {
            Quantity::Amount(a) => Some(*a),
            _ => None,
        }
    }

    /// The percentage, when it is one.
    ///
    /// ```
    /// use juesuan::audit::Quantity;
    /// let q: Quantity = "93.43%".parse()?;
    /// assert_eq!(q.as_percent().map(|p| p.to_string()).as_deref(), Some("93.43%"));
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn as_percent(&self) -> Option<Percent> {
        match self {
            Quantity::Percent(p) => Some(*p),
            _ => None,
        }
    }

    /// The number, exact, of an amount (in its unit), a percentage, a
    /// count, a measure or a year; `None` for words and bounds.
    ///
    /// ```
    /// use juesuan::{Decimal, audit::Quantity};
    /// let q: Quantity = "-0.10万元".parse()?;
    /// assert_eq!(q.value(), Some(Decimal::new(-10, 2)));
    /// assert_eq!(Quantity::Text("小于".into()).value(), None);
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn value(&self) -> Option<Decimal> {
        match self {
            Quantity::Amount(a) => Some(a.value()),
            Quantity::Percent(p) => Some(p.value()),
            Quantity::Count(n) => Decimal::try_from_i128_with_scale(*n, 0).ok(),
            Quantity::Measure(m) => Some(*m),
            Quantity::Year(y) => Some(Decimal::from(*y)),
            Quantity::Text(_) | Quantity::AtMost(_) | Quantity::AtLeast(_) => None,
        }
    }

    /// The figure without separators or unit, as [`Value::plain`](crate::disclosure::Value::plain)
    /// writes a stated one: "54662.05", "93.43", "3", "2024", "≤ 1.90", a
    /// word as it is.
    ///
    /// ```
    /// use juesuan::audit::Quantity;
    /// let q: Quantity = "54662.05万元".parse()?;
    /// assert_eq!(q.to_string(), "54,662.05");
    /// assert_eq!(q.plain(), "54662.05");
    /// assert_eq!("-0.01%".parse::<Quantity>()?.plain(), "-0.01");
    /// # Ok::<(), std::convert::Infallible>(())
    /// ```
    pub fn plain(&self) -> String {
        match self {
            Quantity::Amount(a) => a.printed().replace(',', ""),
            Quantity::Percent(p) => p.to_string().trim_end_matches('%').replace(',', ""),
            Quantity::Count(n) => n.to_string(),
            Quantity::Measure(m) => m.to_string(),
            Quantity::Year(y) => y.to_string(),
            Quantity::Text(t) => t.clone(),
            Quantity::AtMost(q) => format!("≤ {}", q.plain()),
            Quantity::AtLeast(q) => format!("≥ {}", q.plain()),
        }
    }

    /// The largest difference at the precision of `like` that is at most
    /// `tolerance`: the tolerance as the figures are printed. Differences
    /// of figures printed to 0.01 are whole hundredths, so a difference is
    /// within 0.025 exactly when it is within 0.02.
    pub(crate) fn tolerance_like(tolerance: Decimal, like: &Quantity) -> Quantity {
        let at = |decimals: u32| {
            let mut t = tolerance.round_dp_with_strategy(decimals, RoundingStrategy::ToZero);
            t.rescale(decimals);
            t
        };
        match like {
            Quantity::Amount(a) => Quantity::Amount(Amount::new(
                at(u32::try_from(a.decimals()).unwrap_or(0)),
                a.unit(),
            )),
            Quantity::Percent(p) => Quantity::Percent(Percent::new(at(p.decimals()))),
            Quantity::Measure(m) => Quantity::Measure(at(m.scale())),
            _ => Quantity::Count(0),
        }
    }

    /// Writes the serde form (see the type's documentation).
    fn write_plain(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Quantity::Amount(a) => {
                write!(f, "{}{}", a.printed().replace(',', ""), a.unit().label())
            }
            Quantity::Percent(p) => f.write_str(&p.to_string().replace(',', "")),
            Quantity::Count(n) => write!(f, "{n}"),
            Quantity::Measure(m) => write!(f, "{m}"),
            Quantity::Year(y) => write!(f, "{y}年"),
            Quantity::Text(t) => f.write_str(t),
            Quantity::AtMost(q) => {
                f.write_str("≤ ")?;
                q.write_plain(f)
            }
            Quantity::AtLeast(q) => {
                f.write_str("≥ ")?;
                q.write_plain(f)
            }
        }
    }
}

/// A count with thousands separators.
fn write_count(f: &mut fmt::Formatter<'_>, n: i128) -> fmt::Result {
    let digits = n.unsigned_abs().to_string();
    if n < 0 {
        f.write_str("-")?;
    }
    let len = digits.len();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && len.saturating_sub(k) % 3 == 0 {
            f.write_str(",")?;
        }
        write!(f, "{c}")?;
    }
    Ok(())
}

impl fmt::Display for Quantity {
    /// As messages print it: "54,662.05", "93.43%", "1,234", "2024",
    /// "≤ 1.90", a word as it is.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Quantity::Amount(a) => f.write_str(&a.printed()),
            Quantity::Percent(p) => write!(f, "{p}"),
            Quantity::Count(n) => write_count(f, *n),
            Quantity::Measure(m) => write!(f, "{m}"),
            Quantity::Year(y) => write!(f, "{y}"),
            Quantity::Text(t) => f.write_str(t),
            Quantity::AtMost(q) => write!(f, "≤ {q}"),
            Quantity::AtLeast(q) => write!(f, "≥ {q}"),
        }
    }
}

impl FromStr for Quantity {
    type Err = std::convert::Infallible;

    /// Reads the serde form: "≤ " or "≥ " and a quantity, an amount with
    /// its unit ("1.90万元"), a percentage ("93.43%"), a year ("2024年"), a
    /// whole number (a count), a decimal (a measure); anything else is
    /// text, so that reading never fails (a word that reads as a number
    /// comes back as that number).
    ///
    /// ```
    /// use juesuan::audit::Quantity;
    /// for written in ["54662.05万元", "-0.01%", "3", "2024年", "≤ 1.90万元", "增加/增长"] {
    ///     let q: Quantity = written.parse()?;
    ///     assert_eq!(serde_json::to_value(&q)?, written);
    /// }
    /// assert_eq!("3".parse::<Quantity>()?, Quantity::Count(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(s: &str) -> Result<Quantity, std::convert::Infallible> {
        if let Some(rest) = s.strip_prefix("≤ ") {
            return Ok(Quantity::AtMost(Box::new(rest.parse()?)));
        }
        if let Some(rest) = s.strip_prefix("≥ ") {
            return Ok(Quantity::AtLeast(Box::new(rest.parse()?)));
        }
        let plain = s
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && b == b'-'));
        if let Some(number) = s.strip_suffix('%') {
            if plain_number(number) {
                if let Ok(p) = s.parse::<Percent>() {
                    return Ok(Quantity::Percent(p));
                }
            }
        }
        if let Some(number) = s.strip_suffix('元') {
            if plain_number(number.strip_suffix('万').unwrap_or(number)) {
                if let Ok(a) = s.parse::<Amount>() {
                    return Ok(Quantity::Amount(a));
                }
            }
        }
        if let Some(Ok(y)) = s.strip_suffix('年').map(str::parse::<i32>) {
            return Ok(Quantity::Year(y));
        }
        if plain {
            if let Ok(n) = s.parse::<i128>() {
                return Ok(Quantity::Count(n));
            }
            if let Ok(m) = Decimal::from_str_exact(s) {
                return Ok(Quantity::Measure(m));
            }
        }
        Ok(Quantity::Text(s.to_owned()))
    }
}

/// Whether `s` is a number as the serde form writes it: an optional minus,
/// digits, at most one point.
fn plain_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    !body.is_empty()
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().filter(|b| *b == b'.').count() <= 1
}

impl Serialize for Quantity {
    /// The serde form: see [`Quantity`].
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Plain<'a>(&'a Quantity);
        impl fmt::Display for Plain<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.write_plain(f)
            }
        }
        serializer.collect_str(&Plain(self))
    }
}

impl<'de> Deserialize<'de> for Quantity {
    /// Reads the serde form with [`FromStr`].
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Quantity, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerances_are_cut_to_the_figures_precision() {
        let like = Quantity::Amount(
            "1.00"
                .parse()
                .unwrap_or_else(|_| Amount::zero(crate::Unit::WanYuan, 2)),
        );
        let t = |s: &str| {
            Quantity::tolerance_like(Decimal::from_str_exact(s).unwrap_or_default(), &like)
                .to_string()
        };
        assert_eq!(t("0.025"), "0.02");
        assert_eq!(t("0.015"), "0.01");
        assert_eq!(t("0.02"), "0.02");
        assert_eq!(t("0.005"), "0.00");
        let rate = Quantity::Percent(Percent::new(Decimal::new(9986, 2)));
        let t = Quantity::tolerance_like(Decimal::new(5102, 6), &rate);
        assert_eq!(t.to_string(), "0.00%");
    }

    #[test]
    fn counts_are_grouped() {
        assert_eq!(Quantity::Count(1234567).to_string(), "1,234,567");
        assert_eq!(Quantity::Count(-1000).to_string(), "-1,000");
        assert_eq!(Quantity::Count(-6).to_string(), "-6");
        assert_eq!(Quantity::Year(2024).to_string(), "2024");
    }

    #[test]
    fn words_that_look_like_units_stay_words() {
        for w in ["万元", "元", "%", "年", "-", "大于", "2024-12-31", "XX局"] {
            assert_eq!(
                w.parse::<Quantity>(),
                Ok(Quantity::Text(w.to_owned())),
                "{w}"
            );
        }
    }
}
