//! The JSON form of a FinalAccounts, with the JSON path of every problem.

use serde::Deserialize;

use crate::amount::{BareUnit, Unit, reading_with};
use crate::disclosure::{JsonError, strip_bom};

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

/// Validates deserialized parts. (Without copying them: on an error, the
/// parts as validation left them locate the figure it names.)
pub(crate) fn from_parts(mut parts: Parts) -> Result<FinalAccounts, JsonError> {
    match super::validate::validate(&mut parts) {
        Ok(()) => Ok(FinalAccounts { parts }),
        Err(e) => Err(JsonError::new(error_path(&e, &parts), e.to_string())),
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
    /// names (a broken identity at its stated total).
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
    /// assert!(err.message().contains("T9.total"));
    /// ```
    pub fn from_json(text: &str) -> Result<FinalAccounts, JsonError> {
        let text = strip_bom(text);
        // Bare amounts are in the document's unit, which may be written
        // after them: read it first.
        let unit = document_unit(text).unwrap_or(Unit::WanYuan);
        let mut de = serde_json::Deserializer::from_str(text);
        let (parts, _) = reading_with(BareUnit::Document(unit), || {
            serde_path_to_error::deserialize::<_, Parts>(&mut de)
        });
        let parts =
            parts.map_err(|e| JsonError::new(path_text(e.path()), e.inner().to_string()))?;
        de.end().map_err(|e| {
            JsonError::new("$", format!("trailing characters after the document: {e}"))
        })?;
        from_parts(parts)
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
