//! The JSON form of a FinalAccounts, with the JSON path of every problem.

use serde::Deserialize;

use crate::amount::{BareUnit, Unit, reading_with};
use crate::disclosure::{Disclosure, JsonError, strip_bom};

use super::error::ModelError;
use super::walk::{Index, Reunit, walk};
use super::{FinalAccounts, Parts};

/// serde_path_to_error writes the document itself as ".".
fn path_text(path: &serde_path_to_error::Path) -> String {
    let p = path.to_string();
    if p.is_empty() || p == "." || p == "?" {
        "$".to_owned()
    } else {
        p
    }
}

/// Where in the document an error of validation points.
fn error_path(e: &ModelError, parts: &Parts) -> String {
    if let Some(field) = e.field() {
        return field.to_owned();
    }
    let Some(fact) = e.fact() else {
        return match e {
            ModelError::Missing { what } if *what == "department" => "department".to_owned(),
            _ => "$".to_owned(),
        };
    };
    let mut index = Index::default();
    let mut copy = parts.clone();
    if walk(&mut index, &mut copy).is_err() {
        return "$".to_owned();
    }
    index
        .paths
        .get(fact)
        .cloned()
        .unwrap_or_else(|| "$".to_owned())
}

/// Deserializes parts from any serde format, whose unit field may come
/// after the amounts: bare numbers are read in 万元 and relabelled for a 元
/// document, which is exact because an amount written with "万元" in a 元
/// document is refused (see [`BareUnit::Recording`]).
pub(crate) fn deserialize_parts<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Parts, D::Error> {
    let (parts, seen) = reading_with(
        BareUnit::Recording {
            explicit_wan: false,
        },
        || Parts::deserialize(deserializer),
    );
    let mut parts = parts?;
    if parts.unit != Unit::WanYuan {
        if seen == (BareUnit::Recording { explicit_wan: true }) {
            return Err(serde::de::Error::custom(format!(
                "an amount is written in 万元 in a document in {}: write every amount in the \
                 document's unit",
                parts.unit
            )));
        }
        let mut reunit = Reunit(parts.unit);
        let _ = walk(&mut reunit, &mut parts);
    }
    Ok(parts)
}

/// The `unit` field of a FinalAccounts document, read without reading the
/// rest (every other field is skipped); `None` when absent or unreadable
/// (the full reading then says what is wrong).
fn document_unit(text: &str) -> Option<Unit> {
    #[derive(Deserialize)]
    struct UnitOnly {
        #[serde(default)]
        unit: Option<Unit>,
    }
    serde_json::from_str::<UnitOnly>(text).ok()?.unit
}

/// Reads the parts of a FinalAccounts JSON, with the JSON path of a
/// structural problem. Bare amounts are in the document's unit, which may
/// be written after them: it is read first, and an amount written with the
/// other unit is refused (never relabelled). A leading BOM is skipped.
fn parts_from_json(text: &str) -> Result<Parts, JsonError> {
    let text = strip_bom(text);
    let unit = document_unit(text).unwrap_or(Unit::WanYuan);
    let mut de = serde_json::Deserializer::from_str(text);
    let (parts, _) = reading_with(BareUnit::Document(unit), || {
        serde_path_to_error::deserialize::<_, Parts>(&mut de)
    });
    let parts = parts.map_err(|e| JsonError::new(path_text(e.path()), e.inner().to_string()))?;
    de.end()
        .map_err(|e| JsonError::new("$", format!("trailing characters after the document: {e}")))?;
    Ok(parts)
}

/// Validates deserialized parts. (Without copying them: on an error, the
/// parts as validation left them locate the figure it names.)
pub(crate) fn from_parts(mut parts: Parts) -> Result<FinalAccounts, JsonError> {
    match super::validate::validate(&mut parts) {
        Ok(()) => Ok(FinalAccounts { parts }),
        Err(e) => Err(JsonError::invalid(error_path(&e, &parts), e)),
    }
}

impl Disclosure {
    /// Reads the JSON form of a [`FinalAccounts`] as what it states: every
    /// figure it holds becomes a fact, without validation, so that a report
    /// that breaks identities (which [`FinalAccounts::from_json`] refuses)
    /// can still be audited and every finding listed. A figure that two
    /// tables hold is stated once when both copies agree and twice when they
    /// differ (the audit's `restatement` rule then reports it).
    ///
    /// # Errors
    ///
    /// [`JsonError`] with the JSON path for what makes the text no
    /// FinalAccounts JSON at all: malformed JSON, an unknown field, a value
    /// of the wrong type, a malformed amount or code, an amount in another
    /// unit than the document's.
    ///
    /// ```
    /// use juesuan::{Disclosure, FinalAccounts, audit};
    ///
    /// let broken = r#"{
    ///     "fiscal_year": 2024, "department": "某部门", "unit": "万元",
    ///     "three_public": {"total": "181.58", "overseas_travel": "0.00",
    ///                      "vehicles": "179.78", "reception": "1.90"}
    /// }"#;
    /// assert!(FinalAccounts::from_json(broken).is_err());
    /// let d = Disclosure::from_final_accounts_json(broken)?;
    /// assert_eq!(d.department(), Some("某部门"));
    /// let rules: Vec<&str> = audit(&d).iter().map(|f| f.rule()).collect();
    /// assert_eq!(rules, ["T9.total"]);
    /// # Ok::<(), juesuan::disclosure::JsonError>(())
    /// ```
    pub fn from_final_accounts_json(text: &str) -> Result<Disclosure, JsonError> {
        let mut parts = parts_from_json(text)?;
        super::validate::write_statements(&mut parts)
            .map_err(|e| JsonError::invalid(error_path(&e, &parts), e))
    }
}

impl FinalAccounts {
    /// Reads the JSON form (see [`FinalAccounts`]) and validates it.
    ///
    /// Amounts are strings as printed ("74194.06"); JSON numbers are refused
    /// because they lose trailing zeros. Counts are integers. The `unit` is
    /// stated once: "万元", or "元" (every amount is then read in 元, so
    /// write amounts as bare numbers; one written with the other unit is
    /// refused, never relabelled). Every object refuses unknown fields and
    /// repeated keys. A leading byte-order mark is skipped.
    ///
    /// # Errors
    ///
    /// [`JsonError`] with the JSON path of the problem: malformed JSON, an
    /// unknown field or a repeated key, a value of the wrong type, a
    /// negative count, an amount that is malformed, out of range or in
    /// another unit than the document's, a malformed code; and
    /// every [`ModelError`] of validation, at the path of the figure it
    /// names (a broken identity at its stated total), kept as the error's
    /// [`source`](std::error::Error::source) ([`JsonError::model_error`]).
    /// To audit a report that fails validation, read it with
    /// [`Disclosure::from_final_accounts_json`].
    ///
    /// ```
    /// use juesuan::FinalAccounts;
    ///
    /// let err = FinalAccounts::from_json(r#"{
    ///     "fiscal_year": 2024, "department": "某部门", "unit": "万元",
    ///     "three_public": {"total": 181.58}
    /// }"#).unwrap_err();
    /// assert_eq!(err.path(), "three_public.total");
    /// assert!(err.message().contains("numbers lose trailing zeros"));
    ///
    /// let err = FinalAccounts::from_json(r#"{
    ///     "fiscal_year": 2024, "department": "某部门", "unit": "万元",
    ///     "three_public": {"total": "181.58", "overseas_travel": "0.00",
    ///                      "vehicles": "179.78", "reception": "1.90"}
    /// }"#).unwrap_err();
    /// assert_eq!(err.path(), "three_public.total");
    /// assert_eq!(err.model_error().and_then(|e| e.rule()), Some("T9.total"));
    /// ```
    pub fn from_json(text: &str) -> Result<FinalAccounts, JsonError> {
        from_parts(parts_from_json(text)?)
    }

    /// The JSON form, pretty-printed.
    ///
    /// ```
    /// use juesuan::{FinalAccounts, FiscalYear};
    ///
    /// let r = FinalAccounts::builder()
    ///     .fiscal_year(FiscalYear::new(2024)?)
    ///     .department("某部门")
    ///     .build()?;
    /// assert_eq!(
    ///     r.to_json(),
    ///     "{\n  \"fiscal_year\": 2024,\n  \"department\": \"某部门\",\n  \"unit\": \"万元\"\n}"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.parts).unwrap_or_default()
    }
}
