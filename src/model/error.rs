//! Why a FinalAccounts could not be built.

use thiserror::Error;

use crate::amount::Unit;
use crate::audit::Finding;
use crate::code::CodeKind;
use crate::fact::FactId;

fn more(findings: &[Finding]) -> String {
    match findings.len() {
        0 | 1 => String::new(),
        2 => " (and 1 more error)".to_owned(),
        n => format!(" (and {} more errors)", n.saturating_sub(1)),
    }
}

/// Why strict construction of a [`crate::FinalAccounts`] failed.
///
/// Every variant names the fact involved (see [`ModelError::fact`]);
/// structural errors also name the field as a JSON path
/// ([`ModelError::field`]).
///
/// ```
/// use juesuan::{FinalAccounts, FiscalYear, model::ModelError, model::ThreePublicExpenses};
///
/// let mut t9 = ThreePublicExpenses::default();
/// t9.total = Some("181.58".parse()?);
/// t9.overseas_travel = Some("0.00".parse()?);
/// t9.vehicles = Some("179.78".parse()?);
/// t9.reception = Some("1.90".parse()?);
/// let err = FinalAccounts::builder()
///     .fiscal_year(FiscalYear::new(2024)?)
///     .department("某部门")
///     .three_public(t9)
///     .build()
///     .unwrap_err();
/// assert_eq!(err.rule(), Some("T9.total"));
/// assert_eq!(err.fact(), Some("three_public.total"));
/// assert!(matches!(err, ModelError::Identity { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "错误")]
#[derive(Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ModelError {
    /// An accounting identity is broken beyond rounding (an error-severity
    /// finding of the audit).
    #[error("identity {rule} is broken: {message}{}", more(.findings))]
    Identity {
        /// The rule id of the first error finding, e.g. `T1.revenue-total`.
        rule: &'static str,
        /// Its message, with every figure, the difference and the tolerance.
        message: String,
        /// The facts involved, the stated total first.
        facts: Vec<FactId>,
        /// Every error finding, the first one first.
        findings: Vec<Finding>,
    },
    /// A row's classification code is not in the built-in catalog.
    #[error("unknown {kind} {code} at {field}: expected a code listed in the built-in catalog")]
    UnknownCode {
        /// Function or economic classification.
        kind: CodeKind,
        /// The code, as digits.
        code: String,
        /// The row's fact id.
        fact: String,
        /// The row, as a JSON path.
        field: String,
    },
    /// A table is present without one of its required totals.
    #[error(
        "{table} is present, so its {what} is required: expected {fact} at {field}, but found nothing"
    )]
    MissingTotal {
        /// The table ("T1", …, "T9", "procurement").
        table: &'static str,
        /// The total, in Chinese.
        what: &'static str,
        /// Its fact id.
        fact: String,
        /// Its JSON path.
        field: String,
    },
    /// A table is present without the rows (or note) that make it a table.
    #[error("{table} is present but empty: expected {expected} at {field}")]
    EmptyTable {
        /// The table.
        table: &'static str,
        /// What it needs.
        expected: &'static str,
        /// The table, as a JSON path.
        field: String,
    },
    /// A row of T2, T3 or T5 without its 合计 column.
    #[error("row {fact} has no total: expected its 合计 at {field}")]
    MissingRowTotal {
        /// The row's fact id.
        fact: String,
        /// Its JSON path.
        field: String,
    },
    /// An amount in another unit than the document's.
    #[error("{fact}: expected an amount in {expected} (the document's unit), but found {found}")]
    Unit {
        /// The fact id.
        fact: String,
        /// The JSON path (empty when reading a Disclosure).
        field: String,
        /// The document's unit.
        expected: Unit,
        /// The amount as given.
        found: String,
    },
    /// A figure held by two tables (or stated twice) with two values.
    #[error("{fact} is stated as {first} and again as {second}: a figure has one value")]
    Conflict {
        /// The fact id.
        fact: String,
        /// The first value.
        first: String,
        /// The other value.
        second: String,
    },
    /// The fiscal year or the department is missing.
    #[error("missing {what}: a FinalAccounts names its fiscal year and department")]
    Missing {
        /// "fiscal year" or "department".
        what: &'static str,
    },
    /// A fact of the Disclosure that the model has no place for.
    #[error("fact {fact} cannot be held by FinalAccounts: {reason}")]
    Unmappable {
        /// The fact id.
        fact: String,
        /// Why.
        reason: String,
    },
    /// A fact that could not be written or read.
    #[error("fact {fact}: {message}")]
    Fact {
        /// The fact id.
        fact: String,
        /// What went wrong.
        message: String,
    },
}

impl ModelError {
    /// The rule id, for an identity error.
    ///
    /// ```
    /// let err = juesuan::model::ModelError::Missing { what: "department" };
    /// assert_eq!(err.rule(), None);
    /// ```
    pub fn rule(&self) -> Option<&'static str> {
        match self {
            ModelError::Identity { rule, .. } => Some(rule),
            _ => None,
        }
    }

    /// Every error finding, for an identity error (empty otherwise).
    ///
    /// ```
    /// let err = juesuan::model::ModelError::Missing { what: "department" };
    /// assert!(err.findings().is_empty());
    /// ```
    pub fn findings(&self) -> &[Finding] {
        match self {
            ModelError::Identity { findings, .. } => findings,
            _ => &[],
        }
    }

    /// The fact the error is about (for an identity, the stated total).
    ///
    /// ```
    /// let err = juesuan::model::ModelError::Conflict {
    ///     fact: "basic.total".into(),
    ///     first: "1.00".into(),
    ///     second: "2.00".into(),
    /// };
    /// assert_eq!(err.fact(), Some("basic.total"));
    /// ```
    pub fn fact(&self) -> Option<&str> {
        match self {
            ModelError::Identity { facts, .. } => facts.first().map(FactId::as_str),
            ModelError::UnknownCode { fact, .. }
            | ModelError::MissingTotal { fact, .. }
            | ModelError::MissingRowTotal { fact, .. }
            | ModelError::Unit { fact, .. }
            | ModelError::Conflict { fact, .. }
            | ModelError::Unmappable { fact, .. }
            | ModelError::Fact { fact, .. } => Some(fact),
            ModelError::EmptyTable { .. } | ModelError::Missing { .. } => None,
        }
    }

    /// The field the error is about, as a JSON path, when the check knows
    /// it.
    ///
    /// ```
    /// let err = juesuan::model::ModelError::Missing { what: "department" };
    /// assert_eq!(err.field(), None);
    /// ```
    pub fn field(&self) -> Option<&str> {
        match self {
            ModelError::UnknownCode { field, .. }
            | ModelError::MissingTotal { field, .. }
            | ModelError::MissingRowTotal { field, .. }
            | ModelError::EmptyTable { field, .. } => Some(field),
            ModelError::Unit { field, .. } if !field.is_empty() => Some(field),
            _ => None,
        }
    }

    /// Whether an accounting identity is broken.
    ///
    /// ```
    /// assert!(!juesuan::model::ModelError::Missing { what: "department" }.is_identity());
    /// ```
    pub fn is_identity(&self) -> bool {
        matches!(self, ModelError::Identity { .. })
    }
}

impl std::fmt::Debug for ModelError {
    /// The message and the fields a program branches on, not every finding
    /// in full: this is what `fn main() -> Result<…>` shows a user.
    ///
    /// ```
    /// use juesuan::{FinalAccounts, FiscalYear, model::ThreePublicExpenses};
    ///
    /// let t9 = ThreePublicExpenses {
    ///     total: Some("181.58".parse()?),
    ///     overseas_travel: Some("0.00".parse()?),
    ///     vehicles: Some("179.78".parse()?),
    ///     reception: Some("1.90".parse()?),
    ///     ..ThreePublicExpenses::default()
    /// };
    /// let err = FinalAccounts::builder()
    ///     .fiscal_year(FiscalYear::new(2024)?)
    ///     .department("某部门")
    ///     .three_public(t9)
    ///     .build()
    ///     .unwrap_err();
    /// let debug = format!("{err:?}");
    /// assert!(debug.starts_with(r#"ModelError { message: "#), "{debug}");
    /// assert!(debug.contains(r#"rule: Some("T9.total")"#), "{debug}");
    /// assert!(debug.len() < 600, "{}", debug.len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ModelError")
            .field("message", &self.to_string())
            .field("rule", &self.rule())
            .field("fact", &self.fact())
            .finish()
    }
}
