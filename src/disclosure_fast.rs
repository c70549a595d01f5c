//! A fast path for reading the JSON form of a [`Disclosure`].
//!
//! The slow path, [`Disclosure::from_json_value`] over a parsed
//! [`serde_json::Value`], first builds the whole JSON tree (every key and
//! string allocated) and then reads it, keeping track of JSON paths so that
//! an error can name where it happened. Streaming audits read many reports,
//! almost all of them valid, so this module deserializes the text directly:
//! field names, fact ids and string values without escapes are borrowed from
//! the text, nothing is formatted, and any problem yields `None`. The caller
//! then falls back to the slow path, which finds the same problem and names
//! it precisely.
//!
//! The result is exactly what the slow path returns whenever that succeeds.
//! Shapes the slow path accepts but this one refuses (it returns `None`, and
//! the caller falls back) are all rare and never written by
//! [`Disclosure::to_json_value`]:
//!
//! - numbers read with serde_json's `arbitrary_precision` feature enabled
//!   (by some other crate in the build).
//!
//! A key repeated in one object (a top-level field, a fact id, a span id)
//! is refused by both paths; this one yields `None` so that the slow path
//! names the key.
//!
//! Why two readers: `benches/stream.rs` reads and audits the same 10,000
//! generated reports line by line each way. With this reader the stream
//! takes 1.58–1.85 s (5.8 k reports/s); with the JSON tree alone, 2.63–3.24
//! s (3.4 k reports/s): this reader is worth about 40 % of the stream's time
//! (the issue's bar was 20 %). See benches/README.md, "One JSON reader or
//! two".

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt::{self, Write as _};

use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use crate::amount::Unit;
use crate::date::FiscalYear;
use crate::disclosure::{Disclosure, Fact, Value};
use crate::fact::{FactId, FactKind, Key};
use crate::span::Span;

/// Reads the JSON form of [`Disclosure::from_json`] without building a
/// [`serde_json::Value`] tree.
///
/// Returns exactly what the slow path (`Disclosure::from_json_value` of the
/// parsed text) returns when that succeeds, and `None` whenever it fails
/// (and, for a few rare shapes listed in the module documentation, even
/// though it would succeed): on `None`, call the slow path for the result
/// or the precise error.
pub(crate) fn disclosure_from_str(text: &str) -> Option<Disclosure> {
    let raw: RawDisclosure<'_> = serde_json::from_str(crate::disclosure::strip_bom(text)).ok()?;
    raw.build()
}

/// As [`disclosure_from_str`], but also `None` when the top-level object has
/// no `"facts"` field (not even `null`): the test `read_report` uses to tell
/// a Disclosure JSON from a FinalAccounts JSON.
pub(crate) fn report_from_str(text: &str) -> Option<Disclosure> {
    let raw: RawDisclosure<'_> = serde_json::from_str(crate::disclosure::strip_bom(text)).ok()?;
    if !raw.has_facts {
        return None;
    }
    raw.build()
}

/// The top-level object as read, before any fact is parsed (bare amounts
/// depend on `"unit"`, which may come after `"facts"`).
#[derive(Default)]
struct RawDisclosure<'de> {
    fiscal_year: Option<i64>,
    department: Option<String>,
    unit: Option<Cow<'de, str>>,
    /// Whether a `"facts"` field was present (even as `null`).
    has_facts: bool,
    facts: Vec<(Cow<'de, str>, RawValues<'de>)>,
    spans: Vec<(Cow<'de, str>, RawSpans)>,
    units: Option<Vec<String>>,
    divisions: Option<Vec<String>>,
    /// Rare and small: read as a JSON value, checked by the thorough reader's code.
    indicators: Option<serde_json::Value>,
}

/// A fact's value as written: a string or a number.
enum RawValue<'de> {
    Str(Cow<'de, str>),
    Num(Number),
}

/// A fact's statements as written: one value, or a non-empty array.
enum RawValues<'de> {
    One(RawValue<'de>),
    Many(Vec<RawValue<'de>>),
}

/// A fact's spans as written: `null`, one span, or an array of spans and
/// nulls.
enum RawSpans {
    Null,
    One(Span),
    Many(Vec<Option<Span>>),
}

impl RawSpans {
    /// The span of statement `i`, if any.
    fn get(&self, i: usize) -> Option<Span> {
        match self {
            RawSpans::Null => None,
            RawSpans::One(s) => (i == 0).then_some(*s),
            RawSpans::Many(list) => list.get(i).copied().flatten(),
        }
    }
}

impl RawDisclosure<'_> {
    /// Parses the collected values, mirroring `Disclosure::from_json_value`.
    fn build(self) -> Option<Disclosure> {
        let unit = match &self.unit {
            None => Unit::default(),
            Some(s) => s.parse::<Unit>().ok()?,
        };
        let mut d = Disclosure::new(unit);
        if let Some(y) = self.fiscal_year {
            let year = FiscalYear::new(i32::try_from(y).ok()?).ok()?;
            d.set_fiscal_year(Some(year));
        }
        d.set_department(self.department);
        if let Some(units) = self.units {
            *d.units_mut() = units;
        }
        if let Some(v) = self.indicators.filter(|v| !v.is_null()) {
            *d.indicators_mut() = crate::disclosure::indicators_from_json(&v).ok()?;
        }
        if let Some(divisions) = self.divisions {
            *d.divisions_mut() = divisions;
        }
        // serde_json's map iterates keys in order: do the same (a repeated
        // key is refused), then pair facts with spans by a merge.
        let facts = sorted_unique(self.facts)?;
        let spans = sorted_unique(self.spans)?;
        // Each fact's id and the index of its spans, if any.
        let mut ids = Vec::with_capacity(facts.len());
        let mut next_span = 0;
        for (key, _) in &facts {
            let span_at = match spans.get(next_span) {
                None => None,
                Some((span_key, _)) => match span_key.as_ref().cmp(key) {
                    // A span for a fact that is not stated.
                    Ordering::Less => return None,
                    Ordering::Equal => {
                        next_span += 1;
                        Some(next_span - 1)
                    }
                    Ordering::Greater => None,
                },
            };
            ids.push((FactId::new(key).ok()?, span_at));
        }
        if next_span != spans.len() {
            // A span for a fact that is not stated.
            return None;
        }
        // Insert in id order (the order facts are kept in), so that each
        // insertion appends. Distinct keys are distinct ids, so an unstable
        // sort of (key, position) pairs is cheap and gives that order; the
        // statements of one id stay in written order.
        let mut ids: Vec<(Option<FactId>, Option<usize>)> =
            ids.into_iter().map(|(id, span)| (Some(id), span)).collect();
        let order: Vec<(Key, usize)> = ids
            .iter()
            .enumerate()
            .filter_map(|(i, (id, _))| Some((id.as_ref()?.key(), i)))
            .collect();
        let order = sort_into_schema_order(order);
        d.reserve(order.len());
        for (_, i) in order {
            let ((slot, span_at), (_, values)) = (ids.get_mut(i)?, facts.get(i)?);
            // Moved, not cloned: each id is used once (and its count is
            // shared with every other report's).
            let id = slot.take()?;
            let span_list = match span_at {
                Some(at) => &spans.get(*at)?.1,
                None => &RawSpans::Null,
            };
            // Values parsed for `id` are of its kind: no need to check again.
            match values {
                RawValues::One(raw) => {
                    let value = parse_value(&id, raw, unit)?;
                    d.insert_parsed(id, Fact::new(value).with_span(span_list.get(0)));
                }
                RawValues::Many(list) => {
                    for (i, raw) in list.iter().enumerate() {
                        let value = parse_value(&id, raw, unit)?;
                        d.insert_parsed(id.clone(), Fact::new(value).with_span(span_list.get(i)));
                    }
                }
            }
        }
        Some(d)
    }
}

/// Sorts (key, position) pairs into schema order: first by base with a
/// counting sort (one pass; JSON objects list bases alphabetically, not in
/// schema order), then within each base, where key-string order leaves
/// only a figure's few suffixes shuffled, by [`sort_nearly_sorted`].
fn sort_into_schema_order(pairs: Vec<(Key, usize)>) -> Vec<(Key, usize)> {
    let mut starts = vec![0usize; crate::fact::BASES.len() + 1];
    for (key, _) in &pairs {
        match starts.get_mut(key.base_index() + 1) {
            Some(n) => *n += 1,
            None => {
                let mut pairs = pairs;
                pairs.sort_unstable();
                return pairs;
            }
        }
    }
    for i in 1..starts.len() {
        let before = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(n) = starts.get_mut(i) {
            *n += before;
        }
    }
    let mut sorted = pairs.clone();
    for pair in pairs {
        if let Some(at) = starts.get_mut(pair.0.base_index()) {
            if let Some(slot) = sorted.get_mut(*at) {
                *slot = pair;
            }
            *at += 1;
        }
    }
    sort_nearly_sorted(&mut sorted);
    sorted
}

/// Sorts `v`, cheaply when it is nearly sorted. JSON objects written in
/// key-string order come out of it nearly in schema order (codes order the
/// same way; only a figure's few suffixes are shuffled), so an insertion
/// sort costs little more than one pass; past a budget of moves it stops
/// and leaves the rest to `sort_unstable`, so no input costs more than
/// that budget on top of it.
fn sort_nearly_sorted<T: Ord>(v: &mut [T]) {
    let mut budget = v.len().saturating_mul(4);
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v.get(j - 1) > v.get(j) {
            if budget == 0 {
                v.sort_unstable();
                return;
            }
            budget -= 1;
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts entries by key, or `None` when a key is repeated (the slow path
/// names it). Already sorted input (what `Disclosure::to_json_value`
/// writes) costs one pass.
fn sorted_unique<T>(mut entries: Vec<(Cow<'_, str>, T)>) -> Option<Vec<(Cow<'_, str>, T)>> {
    let in_order = |a: &(Cow<'_, str>, T), b: &(Cow<'_, str>, T)| a.0 < b.0;
    if entries
        .windows(2)
        .all(|w| matches!(w, [a, b] if in_order(a, b)))
    {
        return Some(entries);
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    if entries
        .windows(2)
        .any(|w| matches!(w, [a, b] if a.0 == b.0))
    {
        return None;
    }
    Some(entries)
}

/// Parses one written value of `id`, as `value_from_json` does: strings of
/// any kind, numbers only for counts (through the number's text).
fn parse_value(id: &FactId, raw: &RawValue<'_>, unit: Unit) -> Option<Value> {
    match raw {
        RawValue::Str(s) => Value::parse(id, s, unit).ok(),
        RawValue::Num(n) => {
            if !matches!(id.kind(), FactKind::Count | FactKind::SignedCount) {
                return None;
            }
            let mut buf = StackText::default();
            match write!(buf, "{n}").ok().and_then(|()| buf.as_str()) {
                Some(text) => Value::parse(id, text, unit).ok(),
                None => Value::parse(id, &n.to_string(), unit).ok(),
            }
        }
    }
}

/// A small text buffer on the stack, for a number's text.
struct StackText {
    buf: [u8; 40],
    len: usize,
}

impl Default for StackText {
    fn default() -> StackText {
        StackText {
            buf: [0; 40],
            len: 0,
        }
    }
}

impl StackText {
    /// The text written so far.
    fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.buf.get(..self.len)?).ok()
    }
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        self.buf
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// A top-level field name.
#[derive(Clone, Copy)]
enum Field {
    FiscalYear,
    Department,
    Unit,
    Facts,
    Spans,
    Units,
    Divisions,
    Indicators,
}

/// The field names, for serde's error (which is never shown: the slow
/// path words the error).
const FIELDS: &[&str] = crate::disclosure::JSON_FIELDS;

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field, D::Error> {
        struct FieldVisitor;
        impl Visitor<'_> for FieldVisitor {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Field, E> {
                Ok(match v {
                    "fiscal_year" => Field::FiscalYear,
                    "department" => Field::Department,
                    "unit" => Field::Unit,
                    "facts" => Field::Facts,
                    "spans" => Field::Spans,
                    "units" => Field::Units,
                    "divisions" => Field::Divisions,
                    "indicators" => Field::Indicators,
                    other => return Err(E::unknown_field(other, FIELDS)),
                })
            }
        }
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

impl<'de> Deserialize<'de> for RawDisclosure<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TopVisitor;
        impl<'de> Visitor<'de> for TopVisitor {
            type Value = RawDisclosure<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Disclosure JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                // A repeated field is refused (the slow path names it).
                let mut raw = RawDisclosure::default();
                let mut seen = [false; FIELDS.len()];
                while let Some(field) = map.next_key::<Field>()? {
                    let once = seen
                        .get_mut(field as usize)
                        .is_some_and(|seen| !std::mem::replace(seen, true));
                    if !once {
                        return Err(de::Error::custom("repeated field"));
                    }
                    match field {
                        Field::FiscalYear => raw.fiscal_year = map.next_value()?,
                        Field::Department => raw.department = map.next_value()?,
                        Field::Unit => {
                            raw.unit = map.next_value::<Option<Str<'de>>>()?.map(|s| s.0);
                        }
                        Field::Facts => {
                            raw.has_facts = true;
                            raw.facts = map
                                .next_value::<Option<FactsMap<'de>>>()?
                                .map(|m| m.0)
                                .unwrap_or_default();
                        }
                        Field::Spans => {
                            raw.spans = map
                                .next_value::<Option<SpansMap<'de>>>()?
                                .map(|m| m.0)
                                .unwrap_or_default();
                        }
                        Field::Units => raw.units = map.next_value()?,
                        Field::Divisions => raw.divisions = map.next_value()?,
                        Field::Indicators => raw.indicators = map.next_value()?,
                    }
                }
                Ok(raw)
            }
        }
        deserializer.deserialize_map(TopVisitor)
    }
}

/// A string, borrowed from the text when it has no escapes.
struct Str<'de>(Cow<'de, str>);

/// Visits a string into a `Cow`, borrowing when it can.
struct StrVisitor;

impl<'de> Visitor<'de> for StrVisitor {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

impl<'de> Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(StrVisitor).map(Str)
    }
}

/// The `"facts"` object, in written order.
struct FactsMap<'de>(Vec<(Cow<'de, str>, RawValues<'de>)>);

impl<'de> Deserialize<'de> for FactsMap<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FactsVisitor;
        impl<'de> Visitor<'de> for FactsVisitor {
            type Value = FactsMap<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of fact id → value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut facts = Vec::with_capacity(map.size_hint().unwrap_or(256));
                while let Some(key) = map.next_key::<Str<'de>>()? {
                    facts.push((key.0, map.next_value::<RawValues<'de>>()?));
                }
                Ok(FactsMap(facts))
            }
        }
        deserializer.deserialize_map(FactsVisitor)
    }
}

/// Visits a string or a number (a fact's value), or also a non-empty array
/// of them when `ARRAY` (a fact's statements).
struct ValueVisitor<const ARRAY: bool>;

impl<'de, const ARRAY: bool> Visitor<'de> for ValueVisitor<ARRAY> {
    type Value = RawValues<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a fact value")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(RawValues::One(RawValue::Str(Cow::Borrowed(v))))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(RawValues::One(RawValue::Str(Cow::Owned(v.to_owned()))))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(RawValues::One(RawValue::Str(Cow::Owned(v))))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(RawValues::One(RawValue::Num(Number::from(v))))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(RawValues::One(RawValue::Num(Number::from(v))))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // As serde_json's Value: a non-finite float would be null, which no
        // fact accepts.
        Number::from_f64(v)
            .map(|n| RawValues::One(RawValue::Num(n)))
            .ok_or_else(|| E::custom("non-finite number"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        if !ARRAY {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(2));
        while let Some(item) = seq.next_element::<ScalarValue<'de>>()? {
            list.push(item.0);
        }
        if list.is_empty() {
            return Err(de::Error::invalid_length(0, &"a non-empty array of values"));
        }
        Ok(RawValues::Many(list))
    }
}

impl<'de> Deserialize<'de> for RawValues<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor::<true>)
    }
}

/// One value inside a fact's array of statements.
struct ScalarValue<'de>(RawValue<'de>);

impl<'de> Deserialize<'de> for ScalarValue<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match deserializer.deserialize_any(ValueVisitor::<false>)? {
            RawValues::One(v) => Ok(ScalarValue(v)),
            RawValues::Many(_) => Err(de::Error::custom("nested array")),
        }
    }
}

/// The `"spans"` object, in written order.
struct SpansMap<'de>(Vec<(Cow<'de, str>, RawSpans)>);

impl<'de> Deserialize<'de> for SpansMap<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SpansVisitor;
        impl<'de> Visitor<'de> for SpansVisitor {
            type Value = SpansMap<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of fact id → span")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut spans = Vec::with_capacity(map.size_hint().unwrap_or(256));
                while let Some(key) = map.next_key::<Str<'de>>()? {
                    spans.push((key.0, map.next_value::<RawSpans>()?));
                }
                Ok(SpansMap(spans))
            }
        }
        deserializer.deserialize_map(SpansVisitor)
    }
}

impl<'de> Deserialize<'de> for RawSpans {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SpansVisitor;
        impl<'de> Visitor<'de> for SpansVisitor {
            type Value = RawSpans;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a span, null or an array of spans")
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawSpans, E> {
                Ok(RawSpans::Null)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawSpans, A::Error> {
                // Each element is null or a span (an object, or an array of
                // its five fields, as serde_json::from_value accepts).
                let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(2));
                while let Some(item) = seq.next_element::<Option<Span>>()? {
                    list.push(item);
                }
                Ok(RawSpans::Many(list))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawSpans, A::Error> {
                Span::deserialize(MapAccessDeserializer::new(map)).map(RawSpans::One)
            }
        }
        deserializer.deserialize_any(SpansVisitor)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::FinalAccounts;

    #[test]
    fn nearly_sorted_sort_sorts_anything() {
        let mut runs: Vec<Vec<u32>> = vec![
            vec![],
            vec![1],
            (0..100).collect(),
            (0..100).rev().collect(),
            (0..100).map(|i| (i * 37) % 101).collect(),
            (0..100).map(|i| i ^ 3).collect(),
        ];
        // By base, then within: the schema order of real ids, whatever
        // order they were written in.
        let ids = [
            "revenue.total.share",
            "expenditure.total",
            "revenue.total",
            "general_budget.function.20501.change",
            "general_budget.function.205",
            "general_budget.function.20501",
            "revenue.total.change",
        ];
        let pairs: Vec<(Key, usize)> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (FactId::new(id).unwrap().key(), i))
            .collect();
        let mut want = pairs.clone();
        want.sort_unstable();
        assert_eq!(sort_into_schema_order(pairs), want);
        for v in &mut runs {
            let mut want = v.clone();
            want.sort_unstable();
            sort_nearly_sorted(v);
            assert_eq!(*v, want);
        }
    }

    const FACTS_JSON: &str = include_str!("../tests/fixtures/xinjiang-hrss-2024.facts.json");
    const REPORTS: &[(&str, &str)] = &[
        (
            "xinjiang-hrss-2024",
            include_str!("../tests/fixtures/xinjiang-hrss-2024.txt"),
        ),
        (
            "putuo-planning-resources-2024",
            include_str!("../tests/fixtures/putuo-planning-resources-2024.txt"),
        ),
        (
            "putuo-planning-resources-2024.layout",
            include_str!("../tests/fixtures/putuo-planning-resources-2024.layout.txt"),
        ),
        (
            "putuo-social-work-2024",
            include_str!("../tests/fixtures/putuo-social-work-2024.txt"),
        ),
        (
            "putuo-social-work-2024.layout",
            include_str!("../tests/fixtures/putuo-social-work-2024.layout.txt"),
        ),
        (
            "template-2024",
            include_str!("../tests/fixtures/template-2024.txt"),
        ),
    ];
    const FINAL_ACCOUNTS_JSON: &str = include_str!("../examples/data/xinjiang-hrss-2024.json");

    /// The slow path: the JSON tree, then `Disclosure::from_json_value`.
    fn slow(text: &str) -> Result<Disclosure, crate::disclosure::JsonError> {
        crate::disclosure::parse_json(text).and_then(|json| Disclosure::from_json_value(&json))
    }

    /// Asserts the fast path agrees with the slow path on `text`, which must
    /// be valid, and returns the result.
    fn same(text: &str) -> Disclosure {
        let slow = slow(text).unwrap();
        let fast = disclosure_from_str(text);
        assert_eq!(fast.as_ref(), Some(&slow), "{text}");
        // read_report reads a Disclosure only when there is a "facts" field.
        let json: serde_json::Value = serde_json::from_str(text).unwrap();
        let report = json.get("facts").is_some().then_some(&slow);
        assert_eq!(report_from_str(text).as_ref(), report, "{text}");
        slow
    }

    /// Compact and pretty JSON forms of `d` both read back as `d`.
    fn round_trips(d: &Disclosure) {
        let compact = serde_json::to_string(&d.to_json_value()).unwrap();
        assert_eq!(same(&compact), *d);
        assert_eq!(same(&d.to_json()), *d);
    }

    #[test]
    fn reads_the_reference_facts() {
        let d = same(FACTS_JSON);
        assert!(d.len() > 100);
        assert!(d.statements("revenue.current_year").len() == 2);
        round_trips(&d);
    }

    #[test]
    fn reads_every_fixture_report() {
        for (name, text) in REPORTS {
            let d = Disclosure::from_text(text);
            assert!(!d.is_empty(), "{name}");
            assert!(
                d.iter()
                    .any(|(_, stmts)| stmts.iter().any(|f| f.span().is_some())),
                "{name} has spans"
            );
            round_trips(&d);
        }
        let d = FinalAccounts::from_json(FINAL_ACCOUNTS_JSON)
            .unwrap()
            .to_disclosure();
        round_trips(&d);
    }

    #[test]
    fn reads_hand_written_shapes() {
        let d = same(
            r#"{"facts": {"staff.total": 1785, "staff.active": "803",
                "staff.active.change": -25, "staff.retired.change": "+24",
                "staff.retired_cadre.change": 3,
                "revenue.total": "74194.06", "revenue.current_year": ["1.00", "1.00"]},
                "unit": "元", "fiscal_year": 2024, "department": "某\"部门\"",
                "units": ["本级", "下属单位"], "divisions": ["办公室"]}"#,
        );
        assert_eq!(d.unit(), Unit::Yuan);
        assert_eq!(d.count("staff.total"), Some(1785));
        assert_eq!(d.count("staff.active"), Some(803));
        assert_eq!(d.count("staff.active.change"), Some(-25));
        assert_eq!(d.units().len(), 2);
        assert_eq!(
            d.amount("revenue.total").unwrap().to_string(),
            "74,194.06元"
        );
        round_trips(&d);
        // Nulls are absent fields; an empty object is an empty disclosure.
        same(r#"{}"#);
        same(
            r#"{"facts": null, "spans": null, "unit": null, "fiscal_year": null,
                 "department": null, "units": null, "divisions": null}"#,
        );
        same(r#"{"facts": {}, "spans": {}, "units": [], "divisions": []}"#);
        // Escapes in keys, values and field names.
        same(
            r#"{"fa\u0063ts": {"revenue.tot\u0061l": "7419\u0034.06", "staff.active.change_word": "\u51cf\u5c11"}}"#,
        );
        // Spans: one, null, arrays with nulls, fewer or more than statements,
        // a span written as an array of its fields.
        let d = same(
            r#"{"facts": {"revenue.total": "1.00", "revenue.current_year": ["1.00", "1.00", "1.00"],
                 "expenditure.total": "1.00", "staff.total": 3, "staff.active": [1, 2]},
                "spans": {"revenue.total": {"line": 1, "column": 2, "len": 4, "start": 1, "end": 5},
                 "revenue.current_year": [null, {"line": 2, "column": 1, "len": 4, "start": 7, "end": 11}],
                 "expenditure.total": null,
                 "staff.total": [[3, 1, 1, 20, 21], null, null],
                 "staff.active": {"line": 4, "column": 1, "len": 1, "start": 30, "end": 31}}}"#,
        );
        assert_eq!(
            d.statements("revenue.current_year")[1]
                .span()
                .map(|s| s.line),
            Some(2)
        );
        assert_eq!(d.statements("staff.active")[1].span(), None);
        round_trips(&d);
        // Whitespace around counts written as strings.
        same(r#"{"facts": {"staff.total": " 12 ", "staff.active.change": " -3"}}"#);
    }

    #[test]
    fn counts_as_numbers_and_as_strings_agree() {
        let a = same(r#"{"facts": {"staff.total": 1785, "staff.active.change": -25}}"#);
        let b = same(r#"{"facts": {"staff.total": "1785", "staff.active.change": "-25"}}"#);
        assert_eq!(a, b);
        same(r#"{"facts": {"staff.total": 9223372036854775807}}"#);
        same(r#"{"facts": {"staff.active.change": -9223372036854775808}}"#);
    }

    #[test]
    fn refuses_exactly_what_the_slow_path_refuses() {
        let bad = [
            r#"{"facts": {}, "extra": 1}"#,
            r#"{"facts": {"no.such.fact": "1.00"}}"#,
            r#"{"facts": {"revenue.total": []}}"#,
            r#"{"facts": {"revenue.total": 74194.06}}"#,
            r#"{"facts": {"revenue.total": 74194}}"#,
            r#"{"facts": {"staff.total": 3.0}}"#,
            r#"{"facts": {"staff.total": 3e2}}"#,
            r#"{"facts": {"staff.total": -3}}"#,
            r#"{"facts": {"staff.total": "-3"}}"#,
            r#"{"facts": {"staff.total": 18446744073709551616}}"#,
            r#"{"facts": {"staff.total": 9223372036854775808}}"#,
            r#"{"facts": {"staff.total": "9223372036854775808"}}"#,
            // Repeated keys, at every level: the slow path names them.
            r#"{"facts": {"revenue.total": "1.00", "revenue.total": "2.00"}}"#,
            r#"{"unit": "元", "facts": {"revenue.total": "1"}, "unit": "万元"}"#,
            r#"{"facts": {"revenue.total": "1"}, "facts": {"expenditure.total": "2"}}"#,
            r#"{"facts": {"revenue.total": "1", "expenditure.total": "2"},
                "spans": {"expenditure.total": null, "revenue.total": null, "expenditure.total": [null]}}"#,
            r#"{"facts": {"revenue.total": true, "revenue.total": "1.00"}}"#,
            r#"{"fiscal_year": "x", "fiscal_year": 2024}"#,
            r#"{"facts": {"revenue.total": "1"}, "spans": {"revenue.total": 3, "revenue.total": null}}"#,
            r#"{"facts": {"revenue.total": "1"}, "spans": {"revenue.total":
                {"line": 1, "line": 1, "column": 2, "len": 4, "start": 1, "end": 5}}}"#,
            r#"{"facts": {"staff.active.change": 9223372036854775808}}"#,
            r#"{"facts": {"staff.total": "many"}}"#,
            r#"{"facts": {"staff.total": true}}"#,
            r#"{"facts": {"staff.total": null}}"#,
            r#"{"facts": {"staff.total": {"n": 3}}}"#,
            r#"{"facts": {"staff.total": [[3]]}}"#,
            r#"{"facts": {"revenue.total": ["1.00", 2]}}"#,
            r#"{"facts": {"revenue.total": "abc"}}"#,
            r#"{"facts": {"revenue.total": "1.00"}, "spans": {"expenditure.total": null}}"#,
            r#"{"facts": {"revenue.total": "1.00"}, "spans": {"a": null}}"#,
            r#"{"facts": {"revenue.total": "1.00"}, "spans": {"zzz": null}}"#,
            r#"{"facts": {"revenue.total": "1.00"}, "spans": {"revenue.total": {"line": 1}}}"#,
            r#"{"facts": {"revenue.total": "1.00"}, "spans": {"revenue.total": 3}}"#,
            r#"{"facts": {"revenue.total": "1.00"}, "spans": {"revenue.total": [3]}}"#,
            r#"{"facts": {"revenue.total": "1.00"}, "spans": {"revenue.total":
                {"line": 1, "column": 2, "len": 4, "start": 1, "end": 5, "extra": 0}}}"#,
            r#"{"facts": {"revenue.total": "1.00"}, "spans": {"revenue.total":
                {"line": -1, "column": 2, "len": 4, "start": 1, "end": 5}}}"#,
            r#"{"facts": {"revenue.total": "1.00"}, "spans": {"revenue.total":
                [[1, 2, 4, 1, 5, 6, 7]]}}"#,
            r#"{"facts": {"revenue.total": "1.00"}, "spans": []}"#,
            r#"{"facts": []}"#,
            r#"{"facts": "revenue.total"}"#,
            r#"{"facts": {"revenue.total": "1.00"}"#,
            r#"{"facts": {"revenue.total": "1.00",}}"#,
            r#"[{"facts": {}}]"#,
            r#"null"#,
            r#""facts""#,
            r#""#,
            r#"{"facts": {}} x"#,
            r#"{"facts": {}} {}"#,
            r#"{"fiscal_year": 1800, "facts": {}}"#,
            r#"{"fiscal_year": 99999999999, "facts": {}}"#,
            r#"{"fiscal_year": 2024.0, "facts": {}}"#,
            r#"{"fiscal_year": "2024", "facts": {}}"#,
            r#"{"unit": "千元", "facts": {}}"#,
            r#"{"unit": 1, "facts": {}}"#,
            r#"{"department": 1, "facts": {}}"#,
            r#"{"units": ["a", 1], "facts": {}}"#,
            r#"{"units": "a", "facts": {}}"#,
            r#"{"divisions": [null], "facts": {}}"#,
            r#"{"facts": {"revenue.total": "\ud800"}}"#,
            r#"{"facts": {"revenue.total": "1.00"}, "facts": {"no.such": "1"}}"#,
        ];
        for text in bad {
            assert!(slow(text).is_err(), "slow path accepts {text}");
            assert!(
                disclosure_from_str(text).is_none(),
                "fast path accepts {text}"
            );
            assert!(report_from_str(text).is_none(), "fast path accepts {text}");
        }
    }

    #[test]
    fn reports_need_a_facts_field() {
        assert!(disclosure_from_str(r#"{"fiscal_year": 2024}"#).is_some());
        assert!(report_from_str(r#"{"fiscal_year": 2024}"#).is_none());
        assert!(report_from_str(r#"{"facts": null}"#).is_some());
        assert!(report_from_str(FINAL_ACCOUNTS_JSON).is_none());
    }

    #[test]
    fn number_text_matches_serde_json() {
        for n in [
            Number::from(0u64),
            Number::from(u64::MAX),
            Number::from(i64::MIN),
            Number::from_f64(-1.797_693_134_862_315_7e308).unwrap(),
            Number::from_f64(1e-300).unwrap(),
            Number::from_f64(3.0).unwrap(),
        ] {
            let mut buf = StackText::default();
            write!(buf, "{n}").unwrap();
            assert_eq!(buf.as_str(), Some(n.to_string().as_str()));
        }
    }

    /// Pieces of JSON objects, good and bad, for the differential test.
    const FIELD_VALUES: &[(&str, &[&str])] = &[
        (
            "fiscal_year",
            &["2024", "1800", "null", "\"2024\"", "2024.0"],
        ),
        ("department", &["\"某部门\"", "null", "1", "\"a\\\"b\""]),
        (
            "unit",
            &["\"万元\"", "\"元\"", "\" 元 \"", "\"千元\"", "null", "1"],
        ),
        ("units", &["[]", "[\"a\", \"b\"]", "[1]", "null", "\"a\""]),
        ("divisions", &["[\"办公室\"]", "null", "{}"]),
        ("extra", &["1"]),
    ];
    const FACT_KEYS: &[&str] = &[
        "revenue.total",
        "expenditure.total",
        "staff.total",
        "staff.active.change",
        "revenue.total.reason",
        "revenue.appropriation.share",
        "revenue.tot\\u0061l",
        "no.such",
    ];
    const FACT_VALUES: &[&str] = &[
        "\"1.00\"",
        "\"1\"",
        "\"1,234.5万元\"",
        "\"12%\"",
        "1",
        "-1",
        "0",
        "1.5",
        "1e2",
        "\"abc\"",
        "\"-2\"",
        "null",
        "true",
        "{}",
        "[]",
        "[\"1.00\", \"2\"]",
        "[1, 2]",
        "[\"1\", null]",
        "[[1]]",
    ];
    const SPAN_VALUES: &[&str] = &[
        "null",
        "{\"line\": 1, \"column\": 2, \"len\": 4, \"start\": 1, \"end\": 5}",
        "[null, {\"end\": 9, \"start\": 1, \"len\": 4, \"column\": 2, \"line\": 3}]",
        "[[1, 2, 3, 4, 5]]",
        "[]",
        "3",
        "{\"line\": 1}",
        "[1, 2, 3, 4, 5]",
    ];

    /// Renders a JSON object from indices into the tables above, and
    /// whether some key is repeated (an escaped key and its plain spelling
    /// are the same key).
    fn render(
        fields: &[(usize, usize)],
        facts: Option<&[(usize, usize)]>,
        spans: Option<&[(usize, usize)]>,
    ) -> (String, bool) {
        let mut repeated = false;
        let mut object = |entries: Vec<(&str, String)>| {
            let mut keys: Vec<String> = entries
                .iter()
                .map(|(k, _)| k.replace("\\u0061", "a"))
                .collect();
            keys.sort();
            keys.dedup();
            repeated |= keys.len() != entries.len();
            let body: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("\"{k}\": {v}"))
                .collect();
            format!("{{{}}}", body.join(", "))
        };
        let pick =
            |list: &[(usize, usize)], values: &[&'static str]| -> Vec<(&'static str, String)> {
                list.iter()
                    .map(|&(k, v)| {
                        (
                            FACT_KEYS[k % FACT_KEYS.len()],
                            values[v % values.len()].to_owned(),
                        )
                    })
                    .collect()
            };
        let mut top: Vec<(&str, String)> = fields
            .iter()
            .map(|&(f, v)| {
                let (name, values) = FIELD_VALUES[f % FIELD_VALUES.len()];
                (name, values[v % values.len()].to_owned())
            })
            .collect();
        if let Some(facts) = facts {
            top.push(("facts", object(pick(facts, FACT_VALUES))));
        }
        if let Some(spans) = spans {
            top.push(("spans", object(pick(spans, SPAN_VALUES))));
        }
        let text = object(top);
        (text, repeated)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// On generated objects, good and bad: the fast path reads exactly
        /// what the slow path reads, and refuses a repeated key as it does.
        #[test]
        fn agrees_with_the_slow_path(
            fields in proptest::collection::vec((0..64usize, 0..64usize), 0..4),
            facts in proptest::option::weighted(0.9, proptest::collection::vec((0..64usize, 0..64usize), 0..6)),
            spans in proptest::option::weighted(0.5, proptest::collection::vec((0..64usize, 0..64usize), 0..3)),
        ) {
            let (text, repeated) = render(&fields, facts.as_deref(), spans.as_deref());
            let slow = slow(&text);
            let fast = disclosure_from_str(&text);
            if repeated {
                proptest::prop_assert!(fast.is_none(), "{}", text);
                let refused = slow.as_ref().err().map(|e| e.message().to_owned());
                proptest::prop_assert!(refused.is_some(), "{}", text);
            } else {
                proptest::prop_assert_eq!(fast, slow.ok(), "{}", text);
            }
        }
    }

    #[cfg(feature = "proptest")]
    mod generated {
        use proptest::prelude::*;

        use super::super::disclosure_from_str;
        use crate::strategy::{DisclosureConfig, consistent_disclosure_with};

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            #[test]
            fn generated_disclosures_round_trip(d in consistent_disclosure_with(DisclosureConfig::all())) {
                let text = serde_json::to_string(&d.to_json_value()).unwrap();
                prop_assert_eq!(disclosure_from_str(&text), Some(d));
            }
        }
    }
}
