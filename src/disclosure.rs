//! What a published document states: facts by id, consistent or not.
//!
//! A [`Disclosure`] is lenient: it holds every statement a document makes,
//! each with where it came from, so the audit can check them all. The same
//! figure may be stated more than once (the narrative restates the tables);
//! every statement is kept, in order.

#![deny(clippy::arithmetic_side_effects)]

use std::fmt;

use rust_decimal::Decimal;
use serde_json::{Map, Value as Json};

/// The JSON value of [`Disclosure::from_json_value`],
/// [`Disclosure::to_json_value`] and `Finding::to_json` (re-exported from
/// serde_json, so that users need not depend on it themselves).
pub use serde_json::Value as JsonValue;

use crate::amount::{Amount, MAX_PRINTED_DECIMALS, Percent, Unit};
use crate::date::FiscalYear;
use crate::fact::{FactError, FactId, FactKind, Key, key_of};
use crate::span::Span;

/// A stated value, of the kind its fact id requires.
///
/// ```
/// use juesuan::{FactId, Unit, disclosure::Value};
///
/// let id = FactId::new("revenue.total")?;
/// let v = Value::parse(&id, "74194.06", Unit::WanYuan)?;
/// assert_eq!(v.as_amount().map(|a| a.to_string()), Some("74,194.06万元".into()));
/// # Ok::<(), juesuan::fact::FactError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Value {
    /// Money.
    Amount(Amount),
    /// A percentage.
    Percent(Percent),
    /// A non-negative count.
    Count(u64),
    /// A signed count (the change of a count).
    SignedCount(i64),
    /// A measured quantity, exact, with its printed decimals as scale.
    Quantity(Decimal),
    /// Words.
    Text(String),
    /// A table cell printed empty: the document states that the figure of
    /// this (amount) fact is nothing, which is not a printed zero. JSON
    /// writes it as `""`. The audit counts it as zero, within the rounding
    /// of the figures it is summed with, and a figure stated elsewhere for
    /// the same fact must be zero within rounding.
    ///
    /// ```
    /// use juesuan::{FactId, Unit, disclosure::Value};
    ///
    /// let id = FactId::new("revenue.business")?;
    /// assert_eq!(Value::parse(&id, "", Unit::WanYuan)?, Value::Blank);
    /// assert_eq!(Value::Blank.as_amount(), None);
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    #[doc(alias = "空白")]
    Blank,
}

impl Value {
    /// Parses `text` as the kind of value `id` requires; bare amounts are in
    /// `unit`.
    ///
    /// # Errors
    ///
    /// [`FactError::BadValue`] naming the id, what was expected and what was
    /// found (with the parser's reason).
    ///
    /// ```
    /// use juesuan::{FactId, Unit, disclosure::Value};
    ///
    /// let id = FactId::new("three_public.vehicles_held")?;
    /// assert_eq!(Value::parse(&id, "91", Unit::WanYuan)?, Value::Count(91));
    /// assert!(Value::parse(&id, "-1", Unit::WanYuan).is_err());
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn parse(id: &FactId, text: &str, unit: Unit) -> Result<Value, FactError> {
        let kind = id.kind();
        let bad = |detail: String| FactError::BadValue {
            id: id.to_string(),
            expected: kind.describe(),
            found: text.to_owned(),
            detail,
        };
        match kind {
            FactKind::Amount if text.trim().is_empty() => Ok(Value::Blank),
            FactKind::Amount => Amount::parse_in(text, unit)
                .map(Value::Amount)
                .map_err(|e| bad(format!(": {e}"))),
            FactKind::Percent => text
                .parse::<Percent>()
                .map(Value::Percent)
                .map_err(|e| bad(format!(": {e}"))),
            FactKind::Count => {
                let t = text.trim();
                if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit()) {
                    return Err(bad(String::new()));
                }
                // Counts are compared and summed as signed 64-bit numbers:
                // larger ones are refused here, not skipped by the audit.
                t.parse::<i64>()
                    .ok()
                    .and_then(|n| u64::try_from(n).ok())
                    .map(Value::Count)
                    .ok_or_else(|| bad(format!(": too large (at most {})", i64::MAX)))
            }
            FactKind::SignedCount => {
                let t = text.trim();
                let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
                if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                    return Err(bad(String::new()));
                }
                t.parse::<i64>()
                    .map(Value::SignedCount)
                    .map_err(|_| bad(format!(": too large (at most {} either way)", i64::MAX)))
            }
            FactKind::Quantity => Amount::parse_in(text, Unit::WanYuan)
                .ok()
                .filter(|a| a.unit() == Unit::WanYuan)
                .map(|a| Value::Quantity(a.value()))
                .ok_or_else(|| bad(String::new())),
            FactKind::Text => Ok(Value::Text(text.to_owned())),
        }
    }

    /// Why this value is not one a report can print, if it is not: an
    /// amount or percentage with more than [`MAX_PRINTED_DECIMALS`]
    /// decimals (or fewer than none, as a converted 万元 figure in 元 has), a
    /// quantity likewise, a count beyond `i64::MAX`. Every way into a
    /// [`Disclosure`] (text, JSON, [`Disclosure::insert`]) applies this one
    /// limit, so whatever it holds is written to JSON and read back as is.
    ///
    /// ```
    /// use juesuan::{Amount, Unit, disclosure::Value};
    /// use rust_decimal::Decimal;
    ///
    /// let fine = Value::Amount(Amount::new(Decimal::new(123, 2), Unit::WanYuan));
    /// assert_eq!(fine.unprintable(), None);
    /// let fine_grained = Value::Amount(Amount::new(Decimal::new(1, 7), Unit::WanYuan));
    /// assert!(fine_grained.unprintable().is_some());
    /// ```
    pub fn unprintable(&self) -> Option<String> {
        let max = MAX_PRINTED_DECIMALS;
        match self {
            Value::Amount(a) => {
                let d = a.decimals();
                (!u32::try_from(d).is_ok_and(|d| d <= max))
                    .then(|| format!("printed with {d} decimals, but reports print 0 to {max}"))
            }
            Value::Percent(p) => (p.decimals() > max).then(|| {
                format!(
                    "printed with {} decimals, but reports print 0 to {max}",
                    p.decimals()
                )
            }),
            Value::Quantity(q) => (q.scale() > max).then(|| {
                format!(
                    "printed with {} decimals, but reports print 0 to {max}",
                    q.scale()
                )
            }),
            Value::Count(n) => {
                (i64::try_from(*n).is_err()).then(|| format!("too large (at most {})", i64::MAX))
            }
            Value::SignedCount(_) | Value::Text(_) | Value::Blank => None,
        }
    }

    /// The kind of this value ([`Value::Blank`] is an empty amount cell).
    ///
    /// ```
    /// use juesuan::{fact::FactKind, disclosure::Value};
    /// assert_eq!(Value::Count(3).kind(), FactKind::Count);
    /// ```
    pub fn kind(&self) -> FactKind {
        match self {
            Value::Amount(_) => FactKind::Amount,
            Value::Percent(_) => FactKind::Percent,
            Value::Count(_) => FactKind::Count,
            Value::SignedCount(_) => FactKind::SignedCount,
            Value::Quantity(_) => FactKind::Quantity,
            Value::Text(_) => FactKind::Text,
            Value::Blank => FactKind::Amount,
        }
    }

    /// The amount, if this is one.
    ///
    /// ```
    /// assert_eq!(juesuan::disclosure::Value::Count(3).as_amount(), None);
    /// ```
    pub fn as_amount(&self) -> Option<Amount> {
        match self {
            Value::Amount(a) => Some(*a),
            _ => None,
        }
    }

    /// The percentage, if this is one.
    ///
    /// ```
    /// let p: juesuan::Percent = "1.90".parse()?;
    /// assert_eq!(juesuan::disclosure::Value::Percent(p).as_percent(), Some(p));
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn as_percent(&self) -> Option<Percent> {
        match self {
            Value::Percent(p) => Some(*p),
            _ => None,
        }
    }

    /// The count (signed counts included), if this is one.
    ///
    /// ```
    /// assert_eq!(juesuan::disclosure::Value::SignedCount(-25).as_count(), Some(-25));
    /// ```
    pub fn as_count(&self) -> Option<i64> {
        match self {
            Value::Count(n) => i64::try_from(*n).ok(),
            Value::SignedCount(n) => Some(*n),
            _ => None,
        }
    }

    /// The text, if this is text.
    ///
    /// ```
    /// assert_eq!(juesuan::disclosure::Value::Text("增加".into()).as_text(), Some("增加"));
    /// ```
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The value as JSON writes it: amounts and percentages as printed,
    /// without separators, unit or "%"; quantities likewise; text as is.
    ///
    /// ```
    /// use juesuan::{Amount, disclosure::Value};
    /// let a: Amount = "74,194.06".parse()?;
    /// assert_eq!(Value::Amount(a).plain(), "74194.06");
    /// # Ok::<(), juesuan::amount::AmountError>(())
    /// ```
    pub fn plain(&self) -> String {
        match self {
            Value::Amount(a) => a.printed().replace(',', ""),
            Value::Percent(p) => p.to_string().trim_end_matches('%').replace(',', ""),
            Value::Count(n) => n.to_string(),
            Value::SignedCount(n) => n.to_string(),
            Value::Quantity(q) => q.to_string(),
            Value::Text(t) => t.clone(),
            Value::Blank => String::new(),
        }
    }
}

impl serde::Serialize for Value {
    /// Counts as JSON numbers; amounts as printed without separators and
    /// with their unit ("74194.06万元"), percentages with "%" ("93.43%"),
    /// quantities and text as strings, a blank cell as `""`.
    ///
    /// ```
    /// use juesuan::{Amount, disclosure::Value};
    ///
    /// let a: Amount = "74,194.06".parse()?;
    /// assert_eq!(serde_json::to_string(&Value::Amount(a))?, r#""74194.06万元""#);
    /// assert_eq!(serde_json::to_string(&Value::Count(3))?, "3");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Count(n) => serializer.serialize_u64(*n),
            Value::SignedCount(n) => serializer.serialize_i64(*n),
            Value::Amount(a) => {
                serializer.collect_str(&format_args!("{}{}", self.plain(), a.unit().label()))
            }
            Value::Percent(_) => serializer.collect_str(&format_args!("{}%", self.plain())),
            other => serializer.serialize_str(&other.plain()),
        }
    }
}

impl fmt::Display for Value {
    /// Amounts with separators and unit, percentages with "%".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Amount(a) => write!(f, "{a}"),
            Value::Percent(p) => write!(f, "{p}"),
            Value::Blank => f.write_str("(blank)"),
            other => f.write_str(&other.plain()),
        }
    }
}

/// How the text reader attributed a figure: the clause shape that matched. Kept
/// with each fact it reads (see [`Fact::reading`]), so that a wrong attribution can
/// be traced to the rule that made it.
///
/// ```
/// use juesuan::{disclosure::Reading, text::parse_report};
///
/// let parsed = parse_report("三公经费支出20.2万元，比上年减少0.8万元，较年初预算减少1.0万元。");
/// let d = &parsed.disclosure;
/// assert_eq!(d.get("three_public.total").and_then(|f| f.reading()), Some(Reading::Subject));
/// assert_eq!(d.get("three_public.total.change").and_then(|f| f.reading()), Some(Reading::Change));
/// assert_eq!(
///     d.get("three_public.total.budget_variance").and_then(|f| f.reading()),
///     Some(Reading::BudgetVariance)
/// );
/// assert_eq!(Reading::Change.to_string(), "change: [比上年] 增加/减少 figure");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Reading {
    /// `subject [为|是|…] figure`: a lexicon subject followed by its figure.
    Subject,
    /// `total-pair figure`: one figure stating two totals (收入支出总计).
    Pair,
    /// `class（类）item（项） figure`: a classification item resolved through the
    /// catalog.
    Path,
    /// `…团组/批次, n 人次`: the persons of the groups or batches just counted.
    Persons,
    /// `[比上年] 增加/减少 figure`: a change from last year.
    Change,
    /// `[比上年] 增长/下降 x%`: a rate of change from last year.
    ChangeRate,
    /// `[与上年] 持平`: no change, stated in words.
    Unchanged,
    /// `占 [whole 的] x%`: a share.
    Share,
    /// `[年初|全年] 预算 [数] [为] figure`: the budget.
    Budget,
    /// `决算 [数] [为] figure`: the final figure.
    Final,
    /// `较年初预算 增加/减少 figure`: final minus budget.
    BudgetVariance,
    /// `较年初预算 增长/下降 x%`, `预决算差异率 x%`: the budget variance rate.
    BudgetVarianceRate,
    /// `决算数 大于/小于/等于 预算数`, `(未|超额)完成 预算`: the comparison words.
    BudgetComparison,
    /// `完成 [年初] 预算 的 x%`: the completion rate.
    Completion,
    /// `上年决算数 [为] figure`: last year's figure.
    Prior,
    /// `无 …`: a nil figure stated in words.
    Nil,
    /// `主要原因是 …`: the reason, and codes cited in it.
    Reason,
    /// `截至 YYYY年M月D日`: the balance date.
    Date,
    /// What the document says about itself: its years, placeholders left in.
    Document,
    /// A cell of a table flattened into text (`项目|预算数|决算数|合计|15.24|4.60|`),
    /// under a row label and a column the reader knows.
    Table,
}

impl Reading {
    /// The clause shape, as shown in messages.
    ///
    /// ```
    /// assert_eq!(juesuan::disclosure::Reading::Share.as_str(), "share: 占 [whole 的] x%");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Reading::Subject => "subject: lexicon phrase [为] figure",
            Reading::Pair => "pair: one figure for two totals",
            Reading::Path => "path: class（类）…（项） figure",
            Reading::Persons => "persons: groups or batches, then n 人次",
            Reading::Change => "change: [比上年] 增加/减少 figure",
            Reading::ChangeRate => "change rate: [比上年] 增长/下降 x%",
            Reading::Unchanged => "unchanged: [与上年] 持平",
            Reading::Share => "share: 占 [whole 的] x%",
            Reading::Budget => "budget: [年初|全年] 预算 [数] [为] figure",
            Reading::Final => "final: 决算 [数] [为] figure",
            Reading::BudgetVariance => "budget variance: 较年初预算 增加/减少 figure",
            Reading::BudgetVarianceRate => "budget variance rate: 较年初预算 增长/下降 x%",
            Reading::BudgetComparison => "budget comparison: 决算数 大于/小于 预算数",
            Reading::Completion => "completion: 完成 [年初] 预算 的 x%",
            Reading::Prior => "prior year: 上年决算数 figure",
            Reading::Nil => "nil: 无 …",
            Reading::Reason => "reason: 主要原因是 …",
            Reading::Date => "date: 截至 …",
            Reading::Document => "document: title, headings, placeholders",
            Reading::Table => "table: a cell under its row label and column",
        }
    }
}

impl fmt::Display for Reading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One statement of a fact: its value, where the document states it, and how the
/// reader read it.
///
/// Two statements are equal when their values and spans are: how a figure was read
/// is provenance, not content.
///
/// ```
/// use juesuan::{disclosure::Fact, disclosure::Value};
/// let f = Fact::new(Value::Count(91));
/// assert_eq!(f.span(), None);
/// ```
#[derive(Debug, Clone)]
pub struct Fact {
    value: Value,
    span: Option<Span>,
    reading: Option<Reading>,
}

impl PartialEq for Fact {
    fn eq(&self, other: &Fact) -> bool {
        self.value == other.value && self.span == other.span
    }
}

impl Eq for Fact {}

impl std::hash::Hash for Fact {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
        self.span.hash(state);
    }
}

impl Fact {
    /// A statement with no known source location.
    ///
    /// ```
    /// let f = juesuan::disclosure::Fact::new(juesuan::disclosure::Value::Count(1));
    /// assert_eq!(f.value(), &juesuan::disclosure::Value::Count(1));
    /// ```
    pub fn new(value: Value) -> Fact {
        Fact {
            value,
            span: None,
            reading: None,
        }
    }

    /// The statement, recording how the reader read it.
    ///
    /// ```
    /// use juesuan::{disclosure::Fact, disclosure::Reading, disclosure::Value};
    /// let f = Fact::new(Value::Count(1)).with_reading(Reading::Subject);
    /// assert_eq!(f.reading(), Some(Reading::Subject));
    /// ```
    pub fn with_reading(mut self, reading: Reading) -> Fact {
        self.reading = Some(reading);
        self
    }

    /// How the text reader read it (`None` for a fact from JSON or a builder).
    ///
    /// ```
    /// assert_eq!(juesuan::disclosure::Fact::new(juesuan::disclosure::Value::Count(1)).reading(), None);
    /// ```
    pub fn reading(&self) -> Option<Reading> {
        self.reading
    }

    /// A statement located at `span` in the source text.
    ///
    /// ```
    /// # use juesuan::{disclosure::Fact, disclosure::Value};
    /// let f = Fact::new(Value::Count(1)).with_span(None);
    /// assert!(f.span().is_none());
    /// ```
    pub fn with_span(mut self, span: Option<Span>) -> Fact {
        self.span = span;
        self
    }

    /// The stated value.
    ///
    /// ```
    /// let f = juesuan::disclosure::Fact::new(juesuan::disclosure::Value::Count(1));
    /// assert_eq!(f.value().as_count(), Some(1));
    /// ```
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// Where the document states it, when known.
    ///
    /// ```
    /// let f = juesuan::disclosure::Fact::new(juesuan::disclosure::Value::Count(1));
    /// assert!(f.span().is_none());
    /// ```
    pub fn span(&self) -> Option<Span> {
        self.span
    }
}

/// An error reading a Disclosure (or FinalAccounts) from JSON, with the JSON
/// path to the offending value.
///
/// ```
/// use juesuan::Disclosure;
///
/// let err = Disclosure::from_json(r#"{"unit": "万元", "facts": {"revenue.total": 74194.06}}"#)
///     .unwrap_err();
/// assert_eq!(err.path(), r#"facts."revenue.total""#);
/// assert!(err.to_string().contains("expected a string"));
/// ```
///
/// A FinalAccounts that is well-formed JSON but fails validation keeps the
/// [`ModelError`](crate::model::ModelError) (with its rule) as the error's
/// [`source`](std::error::Error::source):
///
/// ```
/// use std::error::Error as _;
/// use juesuan::{FinalAccounts, model::ModelError};
///
/// let err = FinalAccounts::from_json(r#"{
///     "fiscal_year": 2024, "department": "某部门", "unit": "万元",
///     "three_public": {"total": "181.58", "overseas_travel": "0.00",
///                      "vehicles": "179.78", "reception": "1.90"}
/// }"#).unwrap_err();
/// let model = err.source().and_then(|e| e.downcast_ref::<ModelError>()).unwrap();
/// assert_eq!(model.rule(), Some("T9.total"));
/// assert_eq!(err.model_error(), Some(model));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    path: String,
    message: String,
    source: Option<Box<crate::model::ModelError>>,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.path, self.message)
    }
}

impl std::error::Error for JsonError {
    /// The [`ModelError`](crate::model::ModelError) of a report that fails
    /// validation (the error itself, not its box, so that it downcasts).
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl JsonError {
    /// A JSON error at `path`.
    ///
    /// ```
    /// let e = juesuan::disclosure::JsonError::new("facts", "expected an object");
    /// assert_eq!(e.to_string(), "at facts: expected an object");
    /// ```
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> JsonError {
        JsonError {
            path: path.into(),
            message: message.into(),
            source: None,
        }
    }

    /// A report that is well-formed but fails validation, at `path`: the
    /// message says so, and `source` is kept as the error's
    /// [`source`](std::error::Error::source).
    ///
    /// ```
    /// use std::error::Error as _;
    /// use juesuan::{disclosure::JsonError, model::ModelError};
    ///
    /// let e = JsonError::invalid("department", ModelError::Missing { what: "department" });
    /// assert_eq!(e.to_string(), "at department: fails validation");
    /// assert!(e.source().unwrap().to_string().starts_with("missing department"));
    /// ```
    pub fn invalid(path: impl Into<String>, source: crate::model::ModelError) -> JsonError {
        JsonError {
            path: path.into(),
            message: "fails validation".to_owned(),
            source: Some(Box::new(source)),
        }
    }

    /// The validation error, when the JSON was well-formed but the report
    /// it holds is not valid (see [`JsonError::invalid`]).
    ///
    /// ```
    /// let e = juesuan::disclosure::JsonError::new("facts", "expected an object");
    /// assert!(e.model_error().is_none());
    /// ```
    pub fn model_error(&self) -> Option<&crate::model::ModelError> {
        self.source.as_deref()
    }

    /// The JSON path of the offending value ("$" for the document itself).
    ///
    /// ```
    /// let e = juesuan::disclosure::JsonError::new("facts", "expected an object");
    /// assert_eq!(e.path(), "facts");
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What was wrong, without the path.
    ///
    /// ```
    /// let e = juesuan::disclosure::JsonError::new("facts", "expected an object");
    /// assert_eq!(e.message(), "expected an object");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The text without a leading byte-order mark (U+FEFF), which editors on
/// Windows write and serde_json does not skip.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses JSON text, reporting a syntax error with its line and column and
/// refusing a key repeated in one object (serde_json's map would keep the
/// last and lose the others without a word). A leading byte-order mark is
/// skipped.
pub(crate) fn parse_json(text: &str) -> Result<Json, JsonError> {
    let duplicate = std::cell::RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(strip_bom(text));
    let parsed = serde::de::DeserializeSeed::deserialize(
        Strict {
            duplicate: &duplicate,
        },
        &mut de,
    )
    .and_then(|json| de.end().map(|()| json));
    parsed.map_err(|e| match duplicate.into_inner() {
        Some(Duplicate { key, mut path }) => {
            path.reverse();
            JsonError::new(
                path_text(&path),
                format!(
                    "duplicate key {key:?}: stated twice in one object, where only one can count \
                     (state a fact several times as an array)"
                ),
            )
        }
        None => JsonError::new(
            "$",
            format!(
                "invalid JSON at line {}, column {}: {e}",
                e.line(),
                e.column()
            ),
        ),
    })
}

/// A JSON path from its segments, as the readers write paths: `facts`,
/// `facts."revenue.total"`, `units[2]`; `$` for the document.
fn path_text(segments: &[Segment]) -> String {
    let mut out = String::new();
    for (i, s) in segments.iter().enumerate() {
        match s {
            Segment::Key(k) if i == 0 => out.push_str(k),
            Segment::Key(k) => {
                out.push('.');
                out.push_str(&format!("{k:?}"));
            }
            Segment::Index(n) => out.push_str(&format!("[{n}]")),
        }
    }
    if out.is_empty() { "$".to_owned() } else { out }
}

/// A repeated key, and the path to it (innermost segment first, collected
/// while the error unwinds).
struct Duplicate {
    key: String,
    path: Vec<Segment>,
}

/// One step of a JSON path.
enum Segment {
    Key(String),
    Index(usize),
}

/// Deserializes a [`Json`] value like serde_json does, but refuses a key
/// repeated in an object, recording it in `duplicate`.
#[derive(Clone, Copy)]
struct Strict<'a> {
    duplicate: &'a std::cell::RefCell<Option<Duplicate>>,
}

impl Strict<'_> {
    /// Adds `segment` to the path of a duplicate found below it.
    fn on_the_way_out(&self, segment: impl FnOnce() -> Segment) {
        if let Some(d) = self.duplicate.borrow_mut().as_mut() {
            d.path.push(segment());
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Strict<'_> {
    type Value = Json;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Strict<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Json::Null, Json::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        serde::de::DeserializeSeed::deserialize(self, d)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        loop {
            match seq.next_element_seed(self) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(Json::Array(items)),
                Err(e) => {
                    let at = items.len();
                    self.on_the_way_out(|| Segment::Index(at));
                    return Err(e);
                }
            }
        }
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = match map.next_value_seed(self) {
                Ok(v) => v,
                Err(e) => {
                    self.on_the_way_out(|| Segment::Key(key));
                    return Err(e);
                }
            };
            if out.contains_key(&key) {
                *self.duplicate.borrow_mut() = Some(Duplicate {
                    key: key.clone(),
                    path: vec![Segment::Key(key)],
                });
                return Err(serde::de::Error::custom("duplicate key"));
            }
            out.insert(key, value);
        }
        Ok(Json::Object(out))
    }
}

/// Describes a JSON value for "but found …" messages.
pub(crate) fn describe_json(v: &Json) -> String {
    match v {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => format!("the boolean {b}"),
        Json::Number(n) => format!("the number {n}"),
        Json::String(s) => format!("the string {s:?}"),
        Json::Array(_) => "an array".to_owned(),
        Json::Object(_) => "an object".to_owned(),
    }
}

/// The statements of one fact id, in the order made. Most ids are stated
/// once, and keeping that one inline saves an allocation per fact (the
/// cost that dominated loading many reports).
#[derive(Debug, Clone, Default)]
pub(crate) enum Statements {
    /// Only while an entry is being made.
    #[default]
    None,
    One(Fact),
    /// Two or more.
    Many(Vec<Fact>),
}

impl Statements {
    fn push(&mut self, fact: Fact) {
        *self = match std::mem::take(self) {
            Statements::None => Statements::One(fact),
            Statements::One(first) => Statements::Many(vec![first, fact]),
            Statements::Many(mut all) => {
                all.push(fact);
                Statements::Many(all)
            }
        };
    }

    /// The statements as a slice.
    pub(crate) fn as_slice(&self) -> &[Fact] {
        self
    }

    fn into_vec(self) -> Vec<Fact> {
        match self {
            Statements::None => Vec::new(),
            Statements::One(f) => vec![f],
            Statements::Many(all) => all,
        }
    }
}

impl std::ops::Deref for Statements {
    type Target = [Fact];

    fn deref(&self) -> &[Fact] {
        match self {
            Statements::None => &[],
            Statements::One(f) => std::slice::from_ref(f),
            Statements::Many(all) => all,
        }
    }
}

impl PartialEq for Statements {
    fn eq(&self, other: &Statements) -> bool {
        **self == **other
    }
}

impl Eq for Statements {}

/// A figure outside the template's schema, kept with its own label and unit:
/// a performance result (城镇新增就业人数 48.32 万人, 调解成功率 68.56%) or another
/// indicator a report states. The audit does not check indicators; they are kept so
/// that nothing a report states is lost.
///
/// ```
/// use juesuan::{disclosure::Indicator, text::parse_report};
///
/// let parsed = parse_report("十一、预算绩效情况说明\n使城镇新增就业人数达到 48.32 万人。");
/// let i: &Indicator = &parsed.disclosure.indicators()[0];
/// assert_eq!((i.label(), i.value().to_string(), i.unit()), ("城镇新增就业人数", "48.32".into(), "万人"));
/// assert_eq!(i.to_string(), "城镇新增就业人数 48.32万人");
/// ```
#[doc(alias = "绩效指标")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Indicator {
    label: String,
    value: Decimal,
    unit: String,
    span: Option<Span>,
}

impl Indicator {
    /// An indicator: its label, its value as printed (the decimals are kept), and
    /// its unit as printed (`%`, `万人`, `人次`, or empty).
    ///
    /// ```
    /// use juesuan::{Decimal, disclosure::Indicator};
    /// let i = Indicator::new("仲裁结案率", Decimal::new(9861, 2), "%");
    /// assert_eq!(i.to_string(), "仲裁结案率 98.61%");
    /// ```
    pub fn new(label: impl Into<String>, value: Decimal, unit: impl Into<String>) -> Indicator {
        Indicator {
            label: label.into(),
            value,
            unit: unit.into(),
            span: None,
        }
    }

    /// The same indicator without its span (as a FinalAccounts holds it).
    ///
    /// ```
    /// use juesuan::{Decimal, disclosure::Indicator};
    /// let i = Indicator::new("仲裁结案率", Decimal::new(9861, 2), "%");
    /// assert_eq!(i.without_span(), i);
    /// ```
    pub fn without_span(&self) -> Indicator {
        Indicator {
            span: None,
            ..self.clone()
        }
    }

    /// The indicator located at `span` in the source text.
    ///
    /// ```
    /// # use juesuan::{Decimal, disclosure::Indicator};
    /// let i = Indicator::new("仲裁结案率", Decimal::new(9861, 2), "%").with_span(None);
    /// assert!(i.span().is_none());
    /// ```
    pub fn with_span(mut self, span: Option<Span>) -> Indicator {
        self.span = span;
        self
    }

    /// What the figure is, in the report's words.
    ///
    /// ```
    /// # use juesuan::{Decimal, disclosure::Indicator};
    /// assert_eq!(Indicator::new("仲裁结案率", Decimal::ONE, "%").label(), "仲裁结案率");
    /// ```
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The value, with the decimals it was printed with.
    ///
    /// ```
    /// # use juesuan::{Decimal, disclosure::Indicator};
    /// assert_eq!(Indicator::new("x", Decimal::new(4832, 2), "万人").value().to_string(), "48.32");
    /// ```
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The unit as printed (`%` for a percentage, empty when none).
    ///
    /// ```
    /// # use juesuan::{Decimal, disclosure::Indicator};
    /// assert_eq!(Indicator::new("x", Decimal::ONE, "万人").unit(), "万人");
    /// ```
    pub fn unit(&self) -> &str {
        &self.unit
    }

    /// Where the document states it, when known.
    ///
    /// ```
    /// # use juesuan::{Decimal, disclosure::Indicator};
    /// assert!(Indicator::new("x", Decimal::ONE, "").span().is_none());
    /// ```
    pub fn span(&self) -> Option<Span> {
        self.span
    }
}

impl fmt::Display for Indicator {
    /// `label value unit`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}{}", self.label, self.value, self.unit)
    }
}

/// The top-level fields of the JSON form (see [`Disclosure::from_json`]).
pub(crate) const JSON_FIELDS: &[&str] = &[
    "fiscal_year",
    "department",
    "unit",
    "facts",
    "spans",
    "units",
    "divisions",
    "indicators",
];

/// The facts a published document states, each with where it came from.
///
/// ```
/// use juesuan::{Disclosure, Unit};
///
/// let mut d = Disclosure::new(Unit::WanYuan);
/// d.insert_str("revenue.total", "74194.06")?;
/// d.insert_str("revenue.total", "74194.06")?; // restated
/// assert_eq!(d.statements("revenue.total").len(), 2);
/// assert_eq!(d.amount("revenue.total").map(|a| a.to_string()), Some("74,194.06万元".into()));
/// # Ok::<(), juesuan::fact::FactError>(())
/// ```
#[doc(alias = "公开文本")]
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Disclosure {
    fiscal_year: Option<FiscalYear>,
    department: Option<String>,
    unit: Unit,
    /// Sorted by [`FactId::key`] (schema order), one entry per id.
    facts: Vec<(FactId, Statements)>,
    units: Vec<String>,
    divisions: Vec<String>,
    indicators: Vec<Indicator>,
}

impl Disclosure {
    /// An empty disclosure whose bare amounts are in `unit`.
    ///
    /// ```
    /// let d = juesuan::Disclosure::new(juesuan::Unit::WanYuan);
    /// assert!(d.is_empty());
    /// ```
    pub fn new(unit: Unit) -> Disclosure {
        Disclosure {
            unit,
            ..Disclosure::default()
        }
    }

    /// The unit of bare amounts (万元 unless set otherwise).
    ///
    /// ```
    /// assert_eq!(juesuan::Disclosure::default().unit(), juesuan::Unit::WanYuan);
    /// ```
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The fiscal year the document reports on, when known.
    ///
    /// ```
    /// let d = juesuan::Disclosure::default();
    /// assert_eq!(d.fiscal_year(), None);
    /// ```
    pub fn fiscal_year(&self) -> Option<FiscalYear> {
        self.fiscal_year
    }

    /// Sets the fiscal year.
    ///
    /// ```
    /// use juesuan::{Disclosure, FiscalYear};
    /// let mut d = Disclosure::default();
    /// d.set_fiscal_year(Some(FiscalYear::new(2024)?));
    /// assert_eq!(d.fiscal_year().map(|y| y.year()), Some(2024));
    /// # Ok::<(), juesuan::date::DateError>(())
    /// ```
    pub fn set_fiscal_year(&mut self, year: Option<FiscalYear>) {
        self.fiscal_year = year;
    }

    /// The department's name, when known.
    ///
    /// ```
    /// let d = juesuan::Disclosure::default();
    /// assert_eq!(d.department(), None);
    /// ```
    pub fn department(&self) -> Option<&str> {
        self.department.as_deref()
    }

    /// Sets the department's name.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.set_department(Some("新疆维吾尔自治区人力资源和社会保障厅".into()));
    /// assert!(d.department().is_some());
    /// ```
    pub fn set_department(&mut self, name: Option<String>) {
        self.department = name;
    }

    /// The budget units consolidated in the report (纳入编制范围的单位).
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.units_mut().push("新疆铁道职业技术学院".into());
    /// assert_eq!(d.units().len(), 1);
    /// ```
    pub fn units(&self) -> &[String] {
        &self.units
    }

    /// The consolidated units, for editing.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.units_mut().clear();
    /// ```
    pub fn units_mut(&mut self) -> &mut Vec<String> {
        &mut self.units
    }

    /// The internal divisions (内设机构) named in the report.
    ///
    /// ```
    /// let d = juesuan::Disclosure::default();
    /// assert!(d.divisions().is_empty());
    /// ```
    pub fn divisions(&self) -> &[String] {
        &self.divisions
    }

    /// The internal divisions, for editing.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.divisions_mut().push("办公室".into());
    /// ```
    pub fn divisions_mut(&mut self) -> &mut Vec<String> {
        &mut self.divisions
    }

    /// The figures the document states outside the schema, in document order.
    ///
    /// ```
    /// let d = juesuan::Disclosure::default();
    /// assert!(d.indicators().is_empty());
    /// ```
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// The indicators, for editing.
    ///
    /// ```
    /// use juesuan::{Decimal, Disclosure, disclosure::Indicator};
    /// let mut d = Disclosure::default();
    /// d.indicators_mut().push(Indicator::new("仲裁结案率", Decimal::new(9861, 2), "%"));
    /// assert_eq!(d.indicators().len(), 1);
    /// ```
    pub fn indicators_mut(&mut self) -> &mut Vec<Indicator> {
        &mut self.indicators
    }

    /// Adds a statement of `id`. Earlier statements of the same id are kept.
    ///
    /// # Errors
    ///
    /// [`FactError::BadValue`] when the value's kind is not the kind `id`
    /// requires (or a count stated as negative where it cannot be).
    ///
    /// ```
    /// use juesuan::{Disclosure, disclosure::Fact, FactId, disclosure::Value};
    ///
    /// let mut d = Disclosure::default();
    /// d.insert(FactId::new("staff.total")?, Fact::new(Value::Count(1785)))?;
    /// assert!(d.insert(FactId::new("staff.total")?, Fact::new(Value::Text("x".into()))).is_err());
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn insert(&mut self, id: FactId, fact: Fact) -> Result<(), FactError> {
        self.check_kind(&id, &fact)?;
        self.insert_parsed(id, fact);
        Ok(())
    }

    /// [`Disclosure::insert`] of a value made for `id` (by [`Value::parse`]
    /// with this id), so of its kind: readers skip the check.
    pub(crate) fn insert_parsed(&mut self, id: FactId, fact: Fact) {
        // A new id at the end (the usual case when reading in schema order)
        // is made with its statement in place.
        if self
            .facts
            .last()
            .is_none_or(|(last, _)| last.key() < id.key())
        {
            self.facts.push((id, Statements::One(fact)));
        } else {
            self.with_statements(id, |s| s.push(fact));
        }
    }

    /// Whether `fact`'s value is of the kind `id` requires.
    fn check_kind(&self, id: &FactId, fact: &Fact) -> Result<(), FactError> {
        let want = id.kind();
        let got = fact.value.kind();
        let fits = want == got || (want == FactKind::SignedCount && got == FactKind::Count);
        if !fits {
            return Err(FactError::BadValue {
                id: id.to_string(),
                expected: want.describe(),
                found: fact.value.to_string(),
                detail: format!(": a value of kind {got:?}"),
            });
        }
        if let Some(why) = fact.value.unprintable() {
            return Err(FactError::BadValue {
                id: id.to_string(),
                expected: want.describe(),
                found: fact.value.to_string(),
                detail: format!(": {why}"),
            });
        }
        Ok(())
    }

    /// Applies `f` to the statements of `id`, made empty if it was not
    /// stated. Adding ids in schema order (as JSON written by this crate is
    /// read) costs no search.
    fn with_statements(&mut self, id: FactId, f: impl FnOnce(&mut Statements)) {
        let key = id.key();
        let at = match self.facts.last() {
            Some((last, _)) if last.key() < key => Err(self.facts.len()),
            None => Err(0),
            Some(_) => self.position(key),
        };
        let i = at.unwrap_or_else(|i| {
            self.facts.insert(i, (id, Statements::None));
            i
        });
        if let Some((_, stmts)) = self.facts.get_mut(i) {
            f(stmts);
        }
    }

    /// Makes room for up to `additional` more fact ids (readers that know how
    /// many they will add save the reallocations). A count of statements may
    /// be given, where restated facts share one entry: beyond what a report
    /// has ids for, the room is left to grow (an entry is some 90 bytes, and a
    /// text restating its figures hundreds of times would otherwise reserve
    /// more than itself).
    pub(crate) fn reserve(&mut self, additional: usize) {
        /// More ids than any report states (the reference report has 375).
        const MOST_IDS: usize = 1024;
        self.facts.reserve(additional.min(MOST_IDS));
    }

    /// Where `key` is, or would be inserted.
    fn position(&self, key: Key) -> Result<usize, usize> {
        self.facts.binary_search_by(|(id, _)| id.key().cmp(&key))
    }

    /// The entry of `id` as a string, if stated.
    fn entry(&self, id: &str) -> Option<&(FactId, Statements)> {
        let key = key_of(id)?;
        self.facts.get(self.position(key).ok()?)
    }

    /// Every entry, in schema order, for the audit.
    pub(crate) fn entries(&self) -> &[(FactId, Statements)] {
        &self.facts
    }

    /// Parses `value` for `id` and adds it, with no span.
    ///
    /// # Errors
    ///
    /// [`FactError`] when the id is unknown or the value does not parse as
    /// the kind the id requires.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("revenue.appropriation.share", "93.43")?;
    /// assert!(d.insert_str("revenue.appropriation.share", "93,4").is_err());
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn insert_str(&mut self, id: &str, value: &str) -> Result<(), FactError> {
        let id = FactId::new(id)?;
        let value = Value::parse(&id, value, self.unit())?;
        self.insert(id, Fact::new(value))
    }

    /// Replaces every statement of `id` with one value (no span).
    ///
    /// # Errors
    ///
    /// As [`Disclosure::insert`].
    ///
    /// ```
    /// use juesuan::{Disclosure, FactId, disclosure::Value};
    /// let mut d = Disclosure::default();
    /// d.insert_str("staff.total", "1")?;
    /// d.set(FactId::new("staff.total")?, Value::Count(2))?;
    /// assert_eq!(d.count("staff.total"), Some(2));
    /// assert_eq!(d.statements("staff.total").len(), 1);
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn set(&mut self, id: FactId, value: Value) -> Result<(), FactError> {
        let fact = Fact::new(value);
        self.check_kind(&id, &fact)?;
        self.with_statements(id, |s| *s = Statements::One(fact));
        Ok(())
    }

    /// Removes every statement of `id`, returning them.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("staff.total", "1")?;
    /// assert_eq!(d.remove("staff.total").len(), 1);
    /// assert!(d.get("staff.total").is_none());
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn remove(&mut self, id: &str) -> Vec<Fact> {
        match key_of(id).and_then(|k| self.position(k).ok()) {
            Some(i) => self.facts.remove(i).1.into_vec(),
            None => Vec::new(),
        }
    }

    /// The first statement of `id`.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("staff.total", "1785")?;
    /// assert_eq!(d.get("staff.total").map(|f| f.value().as_count()), Some(Some(1785)));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn get(&self, id: &str) -> Option<&Fact> {
        self.entry(id).and_then(|(_, v)| v.first())
    }

    /// Every statement of `id`, in the order made.
    ///
    /// ```
    /// let d = juesuan::Disclosure::default();
    /// assert!(d.statements("revenue.total").is_empty());
    /// ```
    pub fn statements(&self, id: &str) -> &[Fact] {
        self.entry(id).map_or(&[], |(_, v)| v.as_slice())
    }

    /// Whether `id` is stated.
    ///
    /// ```
    /// let d = juesuan::Disclosure::default();
    /// assert!(!d.contains("revenue.total"));
    /// ```
    pub fn contains(&self, id: &str) -> bool {
        self.entry(id).is_some()
    }

    /// The first stated amount of `id`.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("revenue.total", "1.00")?;
    /// assert!(d.amount("revenue.total").is_some());
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn amount(&self, id: &str) -> Option<Amount> {
        self.get(id).and_then(|f| f.value.as_amount())
    }

    /// The first stated percentage of `id`.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("revenue.business.share", "4.83")?;
    /// assert!(d.percent("revenue.business.share").is_some());
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn percent(&self, id: &str) -> Option<Percent> {
        self.get(id).and_then(|f| f.value.as_percent())
    }

    /// The first stated count of `id` (signed counts included).
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("staff.active.change", "-25")?;
    /// assert_eq!(d.count("staff.active.change"), Some(-25));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn count(&self, id: &str) -> Option<i64> {
        self.get(id).and_then(|f| f.value.as_count())
    }

    /// The first stated text of `id`.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("revenue.total.reason", "追加预算")?;
    /// assert_eq!(d.text("revenue.total.reason"), Some("追加预算"));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn text(&self, id: &str) -> Option<&str> {
        self.get(id).and_then(|f| f.value.as_text())
    }

    /// The first statement of `id`, checking the id: a typo fails loudly
    /// instead of reading as "not stated" (as [`Disclosure::get`] does).
    ///
    /// # Errors
    ///
    /// [`FactError`] when `id` is no valid fact id ([`FactId::new`]).
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("revenue.total", "1.00")?;
    /// assert!(d.try_get("revenue.total")?.is_some());
    /// assert!(d.try_get("revenue.other")?.is_none());
    /// let err = d.try_get("revenue.totl").unwrap_err();
    /// assert!(err.to_string().starts_with(r#"unknown fact id "revenue.totl""#));
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn try_get(&self, id: &str) -> Result<Option<&Fact>, FactError> {
        let id = FactId::new(id)?;
        Ok(self.get(id.as_str()))
    }

    /// Checks `id` and that it holds one of `kinds`.
    fn checked(
        &self,
        id: &str,
        asked: &'static str,
        kinds: &[FactKind],
    ) -> Result<Option<&Fact>, FactError> {
        let fact_id = FactId::new(id)?;
        if !kinds.contains(&fact_id.kind()) {
            return Err(FactError::WrongKind {
                id: fact_id.to_string(),
                asked,
                holds: fact_id.kind().describe(),
            });
        }
        Ok(self.get(fact_id.as_str()))
    }

    /// The first stated amount of `id`, checking that `id` is a fact id that
    /// holds an amount.
    ///
    /// # Errors
    ///
    /// [`FactError`] when `id` is no valid fact id, or
    /// [`FactError::WrongKind`] when it holds no amount.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("revenue.total", "1.00")?;
    /// assert_eq!(d.try_amount("revenue.total")?.map(|a| a.to_string()), Some("1.00万元".into()));
    /// assert!(d.try_amount("revenue.totl").is_err());
    /// assert!(d.try_amount("staff.total").is_err()); // a count
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn try_amount(&self, id: &str) -> Result<Option<Amount>, FactError> {
        Ok(self
            .checked(id, "an amount", &[FactKind::Amount])?
            .and_then(|f| f.value.as_amount()))
    }

    /// The first stated percentage of `id`, checking the id and its kind.
    ///
    /// # Errors
    ///
    /// As [`Disclosure::try_amount`], for percentages.
    ///
    /// ```
    /// let d = juesuan::Disclosure::default();
    /// assert_eq!(d.try_percent("revenue.business.share")?, None);
    /// assert!(d.try_percent("revenue.business").is_err());
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn try_percent(&self, id: &str) -> Result<Option<Percent>, FactError> {
        Ok(self
            .checked(id, "a percentage", &[FactKind::Percent])?
            .and_then(|f| f.value.as_percent()))
    }

    /// The first stated count of `id` (signed counts included), checking the
    /// id and its kind.
    ///
    /// # Errors
    ///
    /// As [`Disclosure::try_amount`], for counts.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("staff.total", "12")?;
    /// assert_eq!(d.try_count("staff.total")?, Some(12));
    /// assert!(d.try_count("staff.totl").is_err());
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn try_count(&self, id: &str) -> Result<Option<i64>, FactError> {
        Ok(self
            .checked(id, "a count", &[FactKind::Count, FactKind::SignedCount])?
            .and_then(|f| f.value.as_count()))
    }

    /// The first stated text of `id`, checking the id and its kind.
    ///
    /// # Errors
    ///
    /// As [`Disclosure::try_amount`], for text.
    ///
    /// ```
    /// let d = juesuan::Disclosure::default();
    /// assert_eq!(d.try_text("revenue.total.reason")?, None);
    /// assert!(d.try_text("revenue.total.reasons").is_err());
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn try_text(&self, id: &str) -> Result<Option<&str>, FactError> {
        Ok(self
            .checked(id, "text", &[FactKind::Text])?
            .and_then(|f| f.value.as_text()))
    }

    /// Every fact id with its statements, in schema order (see [`FactId`]).
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("staff.total", "1")?;
    /// assert_eq!(d.iter().count(), 1);
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&FactId, &[Fact])> {
        self.facts.iter().map(|(k, v)| (k, v.as_slice()))
    }

    /// The ids that start with `prefix`, in schema order.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("general_budget.function.205", "1.00")?;
    /// d.insert_str("general_budget.function.208", "2.00")?;
    /// assert_eq!(d.ids_with_prefix("general_budget.function.").count(), 2);
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn ids_with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a FactId> + 'a {
        self.facts_with_prefix(prefix).map(|(k, _)| k)
    }

    /// The ids that start with `prefix`, with their statements, in schema
    /// order.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("general_budget.function.205", "1.00")?;
    /// let (id, facts) = d.facts_with_prefix("general_budget.").next().unwrap();
    /// assert_eq!(id.as_str(), "general_budget.function.205");
    /// assert_eq!(facts.len(), 1);
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn facts_with_prefix<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a FactId, &'a [Fact])> + 'a {
        self.facts
            .iter()
            .filter(move |(k, _)| k.as_str().starts_with(prefix))
            .map(|(k, v)| (k, v.as_slice()))
    }

    /// How many distinct fact ids are stated.
    ///
    /// ```
    /// assert_eq!(juesuan::Disclosure::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// Whether nothing is stated.
    ///
    /// ```
    /// assert!(juesuan::Disclosure::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// Reads the JSON form:
    /// `{"fiscal_year": 2024, "department": "…", "unit": "万元", "facts":
    /// {"revenue.total": "74194.06", …}}`, with optional `"spans"` (id →
    /// span, or array of spans for restated facts), `"units"` and
    /// `"divisions"`. A fact stated more than once is an array of strings.
    /// A bare amount is in the document's `"unit"`; one in the other unit
    /// carries it (`"18000.00元"` in a 万元 document), as
    /// [`Disclosure::to_json`] writes it, so that reading what was written
    /// gives back the same facts. A leading byte-order mark is skipped.
    ///
    /// # Errors
    ///
    /// [`JsonError`] naming the JSON path: malformed JSON, a key repeated in
    /// one object (the error names it), unknown fields or fact ids, values
    /// of the wrong type (amounts must be strings, so that trailing zeros
    /// survive), negative counts, numbers out of range (counts beyond
    /// `i64::MAX`, more than six decimals).
    ///
    /// ```
    /// use juesuan::Disclosure;
    ///
    /// let d = Disclosure::from_json(r#"{
    ///     "fiscal_year": 2024, "unit": "万元",
    ///     "facts": {"revenue.total": "74194.06", "staff.total": 1785}
    /// }"#)?;
    /// assert_eq!(d.count("staff.total"), Some(1785));
    /// let err = Disclosure::from_json(r#"{"facts": {}, "extra": 1}"#).unwrap_err();
    /// assert_eq!(err.path(), "extra");
    /// # Ok::<(), juesuan::disclosure::JsonError>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Disclosure, JsonError> {
        // One pass over the text without a JSON tree; anything it refuses
        // is read again the thorough way, which names what is wrong.
        if let Some(d) = crate::disclosure_fast::disclosure_from_str(text) {
            return Ok(d);
        }
        Disclosure::from_json_value(&parse_json(text)?)
    }

    /// Reads the JSON form from an already parsed JSON value.
    ///
    /// # Errors
    ///
    /// As [`Disclosure::from_json`].
    ///
    /// ```
    /// let v = serde_json::json!({"facts": {"staff.total": "3"}});
    /// let d = juesuan::Disclosure::from_json_value(&v)?;
    /// assert_eq!(d.count("staff.total"), Some(3));
    /// # Ok::<(), juesuan::disclosure::JsonError>(())
    /// ```
    pub fn from_json_value(json: &Json) -> Result<Disclosure, JsonError> {
        let obj = json.as_object().ok_or_else(|| {
            JsonError::new(
                "$",
                format!("expected an object, but found {}", describe_json(json)),
            )
        })?;
        for key in obj.keys() {
            if !JSON_FIELDS.contains(&key.as_str()) {
                return Err(JsonError::new(
                    key.clone(),
                    "unknown field: expected one of fiscal_year, department, unit, facts, spans, units, divisions, indicators",
                ));
            }
        }
        let mut d = Disclosure::default();
        if let Some(v) = obj.get("unit").filter(|v| !v.is_null()) {
            let s = v.as_str().ok_or_else(|| {
                JsonError::new(
                    "unit",
                    format!(
                        "expected \"万元\" or \"元\", but found {}",
                        describe_json(v)
                    ),
                )
            })?;
            d.unit = s
                .parse::<Unit>()
                .map_err(|e| JsonError::new("unit", e.to_string()))?;
        }
        if let Some(v) = obj.get("fiscal_year").filter(|v| !v.is_null()) {
            let y = v
                .as_i64()
                .and_then(|y| i32::try_from(y).ok())
                .ok_or_else(|| {
                    JsonError::new(
                        "fiscal_year",
                        format!(
                            "expected a year such as 2024, but found {}",
                            describe_json(v)
                        ),
                    )
                })?;
            d.fiscal_year =
                Some(FiscalYear::new(y).map_err(|e| JsonError::new("fiscal_year", e.to_string()))?);
        }
        if let Some(v) = obj.get("department").filter(|v| !v.is_null()) {
            d.department = Some(
                v.as_str()
                    .ok_or_else(|| {
                        JsonError::new(
                            "department",
                            format!("expected a string, but found {}", describe_json(v)),
                        )
                    })?
                    .to_owned(),
            );
        }
        if let Some(v) = obj.get("indicators").filter(|v| !v.is_null()) {
            d.indicators = indicators_from_json(v)?;
        }
        for field in ["units", "divisions"] {
            if let Some(v) = obj.get(field).filter(|v| !v.is_null()) {
                let list = string_list(v, field)?;
                if field == "units" {
                    d.units = list;
                } else {
                    d.divisions = list;
                }
            }
        }
        let empty = Map::new();
        let facts = match obj.get("facts") {
            None | Some(Json::Null) => &empty,
            Some(Json::Object(m)) => m,
            Some(other) => {
                return Err(JsonError::new(
                    "facts",
                    format!(
                        "expected an object of fact id → value, but found {}",
                        describe_json(other)
                    ),
                ));
            }
        };
        let spans = match obj.get("spans") {
            None | Some(Json::Null) => &empty,
            Some(Json::Object(m)) => m,
            Some(other) => {
                return Err(JsonError::new(
                    "spans",
                    format!(
                        "expected an object of fact id → span, but found {}",
                        describe_json(other)
                    ),
                ));
            }
        };
        let unit = d.unit();
        for (key, v) in facts {
            // Paths are only formatted for an error: this loop is hot when
            // streaming many reports.
            let path = || format!("facts.{key:?}");
            let id = FactId::new(key).map_err(|e| JsonError::new(path(), e.to_string()))?;
            let values: &[Json] = match v {
                Json::Array(items) if items.is_empty() => {
                    return Err(JsonError::new(
                        path(),
                        "expected a value or a non-empty array of values",
                    ));
                }
                Json::Array(items) => items,
                single => std::slice::from_ref(single),
            };
            let array = v.is_array();
            let span_list: Vec<Option<Span>> = match spans.get(key) {
                None | Some(Json::Null) => Vec::new(),
                Some(Json::Array(items)) => items
                    .iter()
                    .enumerate()
                    .map(|(i, s)| span_from_json(s, &format!("spans.{key:?}[{i}]")))
                    .collect::<Result<_, _>>()?,
                Some(s) => vec![span_from_json(s, &format!("spans.{key:?}"))?],
            };
            let mut parsed = Vec::with_capacity(values.len());
            for (i, raw) in values.iter().enumerate() {
                let value = value_from_json(&id, raw, unit).map_err(|m| {
                    let p = if array {
                        format!("{}[{i}]", path())
                    } else {
                        path()
                    };
                    JsonError::new(p, m)
                })?;
                let span = span_list.get(i).copied().flatten();
                parsed.push(Fact::new(value).with_span(span));
            }
            d.with_statements(id, |s| {
                for f in parsed {
                    s.push(f);
                }
            });
        }
        for key in spans.keys() {
            if !facts.contains_key(key) {
                return Err(JsonError::new(
                    format!("spans.{key:?}"),
                    "span for a fact that is not stated",
                ));
            }
        }
        Ok(d)
    }

    /// The JSON form as a value (see [`Disclosure::from_json`]).
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("revenue.total", "74194.06")?;
    /// let v = d.to_json_value();
    /// assert_eq!(v["facts"]["revenue.total"], "74194.06");
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    pub fn to_json_value(&self) -> Json {
        let mut obj = Map::new();
        if let Some(y) = self.fiscal_year {
            obj.insert("fiscal_year".into(), Json::from(y.year()));
        }
        if let Some(dep) = &self.department {
            obj.insert("department".into(), Json::from(dep.clone()));
        }
        obj.insert("unit".into(), Json::from(self.unit().label()));
        let mut facts = Map::new();
        let mut spans = Map::new();
        for (id, stmts) in &self.facts {
            let to_json = |f: &Fact| match &f.value {
                Value::Count(n) => Json::from(*n),
                Value::SignedCount(n) => Json::from(*n),
                // An amount in another unit than the document's keeps it:
                // "18000.00元" in a 万元 document.
                Value::Amount(a) if a.unit() != self.unit => {
                    Json::from(format!("{}{}", f.value.plain(), a.unit().label()))
                }
                other => Json::from(other.plain()),
            };
            let value = match stmts.as_slice() {
                [one] => to_json(one),
                many => Json::Array(many.iter().map(to_json).collect()),
            };
            facts.insert(id.to_string(), value);
            if stmts.iter().any(|f| f.span.is_some()) {
                let span_json = |f: &Fact| f.span.map_or(Json::Null, span_to_json);
                let s = match stmts.as_slice() {
                    [one] => span_json(one),
                    many => Json::Array(many.iter().map(span_json).collect()),
                };
                spans.insert(id.to_string(), s);
            }
        }
        obj.insert("facts".into(), Json::Object(facts));
        if !spans.is_empty() {
            obj.insert("spans".into(), Json::Object(spans));
        }
        if !self.units.is_empty() {
            obj.insert("units".into(), Json::from(self.units.clone()));
        }
        if !self.divisions.is_empty() {
            obj.insert("divisions".into(), Json::from(self.divisions.clone()));
        }
        if !self.indicators.is_empty() {
            let list = self.indicators.iter().map(indicator_to_json).collect();
            obj.insert("indicators".into(), Json::Array(list));
        }
        Json::Object(obj)
    }

    /// The JSON form, pretty-printed.
    ///
    /// ```
    /// let d = juesuan::Disclosure::default();
    /// assert!(d.to_json().contains("\"facts\""));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_json_value()).unwrap_or_default()
    }
}

impl fmt::Display for Disclosure {
    /// One line per statement, `id = value`, in id order, with where the
    /// text states it when known; the department, fiscal year and unit
    /// first when stated.
    ///
    /// ```
    /// let mut d = juesuan::Disclosure::default();
    /// d.insert_str("revenue.total", "74194.06")?;
    /// d.insert_str("staff.total", "12")?;
    /// assert_eq!(d.to_string(), "unit 万元\nrevenue.total = 74,194.06万元\nstaff.total = 12\n");
    /// # Ok::<(), juesuan::fact::FactError>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(department) = &self.department {
            writeln!(f, "department {department}")?;
        }
        if let Some(year) = self.fiscal_year {
            writeln!(f, "fiscal year {}", year.year())?;
        }
        writeln!(f, "unit {}", self.unit())?;
        for (id, stmts) in &self.facts {
            for fact in stmts.as_slice() {
                write!(f, "{id} = {}", fact.value)?;
                if let Some(span) = fact.span {
                    write!(f, " ({span})")?;
                }
                writeln!(f)?;
            }
        }
        Ok(())
    }
}

fn string_list(v: &Json, field: &str) -> Result<Vec<String>, JsonError> {
    let items = v.as_array().ok_or_else(|| {
        JsonError::new(
            field,
            format!(
                "expected an array of strings, but found {}",
                describe_json(v)
            ),
        )
    })?;
    items
        .iter()
        .enumerate()
        .map(|(i, x)| {
            x.as_str().map(str::to_owned).ok_or_else(|| {
                JsonError::new(
                    format!("{field}[{i}]"),
                    format!("expected a string, but found {}", describe_json(x)),
                )
            })
        })
        .collect()
}

fn value_from_json(id: &FactId, raw: &Json, unit: Unit) -> Result<Value, String> {
    let kind = id.kind();
    let text = match (raw, kind) {
        (Json::String(s), _) => s.clone(),
        (Json::Number(n), FactKind::Count | FactKind::SignedCount) => n.to_string(),
        (other, FactKind::Amount | FactKind::Percent | FactKind::Quantity) => {
            return Err(format!(
                "expected a string such as \"74194.06\" (numbers lose trailing zeros), but found {}",
                describe_json(other)
            ));
        }
        (other, _) => {
            return Err(format!(
                "expected {}, but found {}",
                kind.describe(),
                describe_json(other)
            ));
        }
    };
    Value::parse(id, &text, unit).map_err(|e| match e {
        FactError::BadValue {
            expected,
            found,
            detail,
            ..
        } => format!("expected {expected}, but found {found:?}{detail}"),
        other => other.to_string(),
    })
}

/// `{"label": "…", "value": "48.32", "unit": "万人", "span": {…}}` (span optional).
fn indicator_to_json(i: &Indicator) -> Json {
    let mut obj = Map::new();
    obj.insert("label".into(), Json::from(i.label.clone()));
    obj.insert("value".into(), Json::from(i.value.to_string()));
    obj.insert("unit".into(), Json::from(i.unit.clone()));
    if let Some(span) = i.span {
        obj.insert("span".into(), span_to_json(span));
    }
    Json::Object(obj)
}

/// Serde for a list of indicators in the JSON form of
/// [`indicators_from_json`] (a FinalAccounts writes them without spans).
pub(crate) mod indicators_serde {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value as Json;

    use super::Indicator;

    pub(crate) fn serialize<S: Serializer>(v: &[Indicator], s: S) -> Result<S::Ok, S::Error> {
        Json::Array(v.iter().map(super::indicator_to_json).collect()).serialize(s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Indicator>, D::Error> {
        let json = Json::deserialize(d)?;
        super::indicators_from_json(&json).map_err(serde::de::Error::custom)
    }
}

/// The `"indicators"` array of the JSON form.
pub(crate) fn indicators_from_json(v: &Json) -> Result<Vec<Indicator>, JsonError> {
    let items = v.as_array().ok_or_else(|| {
        JsonError::new(
            "indicators",
            format!(
                "expected an array of indicators, but found {}",
                describe_json(v)
            ),
        )
    })?;
    let mut out = Vec::with_capacity(items.len());
    for (k, item) in items.iter().enumerate() {
        let path = format!("indicators[{k}]");
        let obj = item.as_object().ok_or_else(|| {
            JsonError::new(
                path.clone(),
                format!(
                    "expected an object with label, value and unit, but found {}",
                    describe_json(item)
                ),
            )
        })?;
        if let Some(key) = obj
            .keys()
            .find(|k| !["label", "value", "unit", "span"].contains(&k.as_str()))
        {
            return Err(JsonError::new(
                format!("{path}.{key}"),
                "unknown field: expected one of label, value, unit, span",
            ));
        }
        let text = |field: &str| -> Result<String, JsonError> {
            match obj.get(field) {
                Some(Json::String(s)) => Ok(s.clone()),
                Some(other) => Err(JsonError::new(
                    format!("{path}.{field}"),
                    format!("expected a string, but found {}", describe_json(other)),
                )),
                None => Err(JsonError::new(
                    format!("{path}.{field}"),
                    "missing field".to_owned(),
                )),
            }
        };
        let value_text = text("value")?;
        let value = Decimal::from_str_exact(&value_text).map_err(|e| {
            JsonError::new(
                format!("{path}.value"),
                format!("expected a number such as \"48.32\", but found {value_text:?}: {e}"),
            )
        })?;
        let span = match obj.get("span") {
            Some(s) => span_from_json(s, &format!("{path}.span"))?,
            None => None,
        };
        out.push(Indicator::new(text("label")?, value, text("unit")?).with_span(span));
    }
    Ok(out)
}

fn span_to_json(s: Span) -> Json {
    serde_json::to_value(s).unwrap_or(Json::Null)
}

fn span_from_json(v: &Json, path: &str) -> Result<Option<Span>, JsonError> {
    if v.is_null() {
        return Ok(None);
    }
    serde_json::from_value::<Span>(v.clone())
        .map(Some)
        .map_err(|e| JsonError::new(path, format!("expected a span: {e}")))
}

impl serde::Serialize for Disclosure {
    /// Serializes as the JSON form of [`Disclosure::from_json`].
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json_value().serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Disclosure {
    /// Deserializes the JSON form of [`Disclosure::from_json`].
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Disclosure, D::Error> {
        let json = Json::deserialize(deserializer)?;
        Disclosure::from_json_value(&json).map_err(serde::de::Error::custom)
    }
}
