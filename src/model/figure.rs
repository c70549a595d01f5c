//! The building blocks: a stated amount with what the text says about it,
//! and a stated count.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::amount::{Amount, AmountError, Percent};

/// A stated amount and what the report says about it: its share of a whole,
/// the change from last year, the budget and the reason.
///
/// Every figure of the model is a `Figure`: a table cell carries only the
/// amount; the narrative (情况说明) adds the rest. Each field maps to one
/// fact (see [`crate::FactId`]): the amount to the base id, the others to
/// its suffixes (`.share`, `.change`, `.change_rate`, `.prior_year`,
/// `.budget`, `.budget_variance_rate`, `.completion_rate`, `.reason`,
/// `.name`). The fields are plain data; [`crate::FinalAccounts`] checks them
/// together when it is built (a share that does not fit the amounts is an
/// error there, not here).
///
/// In JSON a figure with only an amount is the amount string (`"181.58"`);
/// otherwise an object with `"amount"` and the stated fields.
///
/// ```
/// use juesuan::model::Figure;
///
/// let f = Figure::new("5948.68".parse()?)
///     .with_change("82.75".parse()?, "1.41".parse()?)
///     .with_reason("现有行政人员职务职级正常调整");
/// assert_eq!(f.amount.to_string(), "5,948.68万元");
/// assert_eq!(serde_json::to_string(&Figure::new("181.58".parse()?)).unwrap(), r#""181.58""#);
/// # Ok::<(), juesuan::amount::AmountError>(())
/// ```
#[doc(alias = "数字")]
#[doc(alias = "金额")]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(remote = "Self")]
pub struct Figure {
    /// The amount (决算数).
    pub amount: Amount,
    /// The name the report gives the classification item, as printed
    /// (`.name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The stated share of its whole, in percent (占比, `.share`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Percent>,
    /// The signed change from last year (增加 +, 减少 −; `.change`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Amount>,
    /// The signed rate of change from last year, in percent (`.change_rate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_rate: Option<Percent>,
    /// Last year's figure (上年决算数, `.prior_year`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_year: Option<Amount>,
    /// The budget (年初预算数 or 全年预算数, `.budget`; for 财政拨款收入总计
    /// the fact `appropriation.initial_budget`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Amount>,
    /// 预决算差异率, in percent (`.budget_variance_rate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_variance_rate: Option<Percent>,
    /// 完成率 (final / budget), in percent (`.completion_rate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_rate: Option<Percent>,
    /// The stated reason (主要原因, `.reason`). Classification codes cited in
    /// it become `.cited_code` facts (see [`crate::model::cited_codes`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The stated reason for the difference between the final figure and
    /// the budget (预决算差异原因, `.budget_reason`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_reason: Option<String>,
}

impl Default for Figure {
    /// 0.00 万元, with nothing else stated.
    ///
    /// ```
    /// let f = juesuan::model::Figure::default();
    /// assert_eq!(f.amount.to_string(), "0.00万元");
    /// assert_eq!(f.share, None);
    /// ```
    fn default() -> Figure {
        Figure::new(Amount::zero(crate::amount::Unit::WanYuan, 2))
    }
}

impl Figure {
    /// A figure with only its amount.
    ///
    /// ```
    /// let f = juesuan::model::Figure::new("0.00".parse()?);
    /// assert!(f.is_bare());
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn new(amount: Amount) -> Figure {
        Figure {
            amount,
            name: None,
            share: None,
            change: None,
            change_rate: None,
            prior_year: None,
            budget: None,
            budget_variance_rate: None,
            completion_rate: None,
            reason: None,
            budget_reason: None,
        }
    }

    /// Whether only the amount is stated.
    ///
    /// ```
    /// let f = juesuan::model::Figure::new("1.00".parse()?).with_share("100".parse()?);
    /// assert!(!f.is_bare());
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn is_bare(&self) -> bool {
        *self == Figure::new(self.amount)
    }

    /// With the item name as printed.
    ///
    /// ```
    /// let f = juesuan::model::Figure::new("287.40".parse()?).with_name("中等职业教育");
    /// assert_eq!(f.name.as_deref(), Some("中等职业教育"));
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn with_name(mut self, name: impl Into<String>) -> Figure {
        self.name = Some(name.into());
        self
    }

    /// With a stated share.
    ///
    /// ```
    /// let f = juesuan::model::Figure::new("3540.70".parse()?).with_share("4.83".parse()?);
    /// assert_eq!(f.share.map(|p| p.to_string()), Some("4.83%".into()));
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn with_share(mut self, share: Percent) -> Figure {
        self.share = Some(share);
        self
    }

    /// With the change from last year and its rate (both signed).
    ///
    /// ```
    /// let f = juesuan::model::Figure::new("287.40".parse()?)
    ///     .with_change("-50.41".parse()?, "-14.92".parse()?);
    /// assert_eq!(f.change.map(|a| a.printed()), Some("-50.41".into()));
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn with_change(mut self, change: Amount, rate: Percent) -> Figure {
        self.change = Some(change);
        self.change_rate = Some(rate);
        self
    }

    /// With the budget and the stated 预决算差异率.
    ///
    /// ```
    /// let f = juesuan::model::Figure::new("181.58".parse()?)
    ///     .with_budget("181.58".parse()?, Some("0.00".parse()?));
    /// assert!(f.budget.is_some());
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn with_budget(mut self, budget: Amount, variance_rate: Option<Percent>) -> Figure {
        self.budget = Some(budget);
        self.budget_variance_rate = variance_rate;
        self
    }

    /// With the stated reason.
    ///
    /// ```
    /// let f = juesuan::model::Figure::new("1.80".parse()?).with_reason("控制成本");
    /// assert_eq!(f.reason.as_deref(), Some("控制成本"));
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn with_reason(mut self, reason: impl Into<String>) -> Figure {
        self.reason = Some(reason.into());
        self
    }

    /// Every amount of the figure, for unit checks and conversions.
    pub(crate) fn amounts_mut(&mut self) -> [Option<&mut Amount>; 4] {
        [
            Some(&mut self.amount),
            self.change.as_mut(),
            self.prior_year.as_mut(),
            self.budget.as_mut(),
        ]
    }
}

impl From<Amount> for Figure {
    fn from(amount: Amount) -> Figure {
        Figure::new(amount)
    }
}

impl FromStr for Figure {
    type Err = AmountError;

    /// A bare figure from a printed amount ("74,194.06", in 万元 unless a
    /// unit follows).
    fn from_str(s: &str) -> Result<Figure, AmountError> {
        s.parse().map(Figure::new)
    }
}

impl fmt::Display for Figure {
    /// The amount as printed, with its unit.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.amount, f)
    }
}

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_bare() {
            self.amount.serialize(serializer)
        } else {
            Figure::serialize(self, serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Figure, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Figure;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an amount string such as \"74194.06\" (numbers lose trailing zeros) or an object with \"amount\"",
                )
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Figure, E> {
                // Through Amount's Deserialize, which reads a bare number in
                // the document's unit.
                Amount::deserialize(de::IntoDeserializer::<E>::into_deserializer(v))
                    .map(Figure::new)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Figure, A::Error> {
                Figure::deserialize(de::value::MapAccessDeserializer::new(map))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// A stated count (people, vehicles, projects) and what the report says
/// about it.
///
/// Counts cannot be negative; their changes can. In JSON a count with
/// nothing else stated is the integer (`91`); otherwise an object with
/// `"count"`.
///
/// ```
/// use juesuan::model::CountFigure;
///
/// let active = CountFigure::new(803).with_change(-25);
/// assert_eq!(active.change, Some(-25));
/// assert_eq!(serde_json::to_string(&CountFigure::new(91)).unwrap(), "91");
/// ```
#[doc(alias = "数量")]
#[doc(alias = "人数")]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(remote = "Self")]
pub struct CountFigure {
    /// The count.
    pub count: u64,
    /// The signed change from last year (`.change`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<i64>,
    /// The signed rate of change, in percent (`.change_rate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_rate: Option<Percent>,
    /// Last year's count (`.prior_year`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_year: Option<u64>,
    /// The stated reason or explanation (`.reason`), e.g. why 公务用车保有量
    /// differs from the vehicles in 国有资产.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl CountFigure {
    /// A count with nothing else stated.
    ///
    /// ```
    /// assert!(juesuan::model::CountFigure::new(0).is_bare());
    /// ```
    pub fn new(count: u64) -> CountFigure {
        CountFigure {
            count,
            change: None,
            change_rate: None,
            prior_year: None,
            reason: None,
        }
    }

    /// Whether only the count is stated.
    ///
    /// ```
    /// assert!(!juesuan::model::CountFigure::new(5).with_change(-3).is_bare());
    /// ```
    pub fn is_bare(&self) -> bool {
        *self == CountFigure::new(self.count)
    }

    /// With the signed change from last year.
    ///
    /// ```
    /// assert_eq!(juesuan::model::CountFigure::new(977).with_change(24).change, Some(24));
    /// ```
    pub fn with_change(mut self, change: i64) -> CountFigure {
        self.change = Some(change);
        self
    }

    /// With a stated reason.
    ///
    /// ```
    /// let held = juesuan::model::CountFigure::new(91).with_reason("培疗机构改革单位车辆停用");
    /// assert!(held.reason.is_some());
    /// ```
    pub fn with_reason(mut self, reason: impl Into<String>) -> CountFigure {
        self.reason = Some(reason.into());
        self
    }
}

impl From<u64> for CountFigure {
    fn from(count: u64) -> CountFigure {
        CountFigure::new(count)
    }
}

impl Serialize for CountFigure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_bare() {
            serializer.serialize_u64(self.count)
        } else {
            CountFigure::serialize(self, serializer)
        }
    }
}

impl<'de> Deserialize<'de> for CountFigure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CountFigure, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CountFigure;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number of at least 0 or an object with \"count\"")
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<CountFigure, E> {
                Ok(CountFigure::new(v))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<CountFigure, E> {
                u64::try_from(v).map(CountFigure::new).map_err(|_| {
                    E::custom(format!(
                        "expected a whole number of at least 0, but found {v}"
                    ))
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CountFigure, A::Error> {
                CountFigure::deserialize(de::value::MapAccessDeserializer::new(map))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Serde for plain `u64` counts: integers, with a clear message for a
/// negative one.
pub(crate) mod count {
    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};
    use std::fmt;

    #[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)]
    pub(crate) fn serialize<S: Serializer>(v: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(n) => s.serialize_u64(*n),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        d.deserialize_any(CountVisitor).map(Some)
    }

    pub(crate) struct CountVisitor;

    impl Visitor<'_> for CountVisitor {
        type Value = u64;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a whole number of at least 0")
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
            Ok(v)
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
            u64::try_from(v).map_err(|_| {
                E::custom(format!(
                    "expected a whole number of at least 0, but found {v}"
                ))
            })
        }
    }
}

/// Serde for exact quantities (m²): strings, never floats.
pub(crate) mod quantity {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::amount::{Amount, Unit};

    #[allow(clippy::ref_option)]
    pub(crate) fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(q) => s.collect_str(q),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Decimal>, D::Error> {
        let text = String::deserialize(d)?;
        let a = Amount::parse_in(&text, Unit::WanYuan).map_err(serde::de::Error::custom)?;
        if a.unit() != Unit::WanYuan {
            return Err(serde::de::Error::custom(format!(
                "expected a number such as \"165381.14\", but found {text:?}"
            )));
        }
        if a.value().is_sign_negative() && !a.value().is_zero() {
            return Err(serde::de::Error::custom(format!(
                "expected a quantity of at least 0, but found {text:?}"
            )));
        }
        Ok(Some(a.value()))
    }
}
