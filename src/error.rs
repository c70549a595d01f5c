//! The crate's error type.
//!
//! Each concern has its own narrow error (`AmountError`, `CodeError`,
//! `CatalogError`, `DateError`), returned by the functions of that concern so
//! callers can match on exactly what can go wrong. [`Error`] wraps them all for
//! callers who just want one type (`?` converts every narrow error into it).

use thiserror::Error as ThisError;

use crate::amount::AmountError;
use crate::audit::UnknownRule;
use crate::code::{CatalogError, CodeError};
use crate::date::DateError;
use crate::disclosure::JsonError;
use crate::fact::FactError;
use crate::model::ModelError;
use crate::pdf::PdfError;

/// Any error this crate returns.
///
/// Messages are lowercase, carry no trailing period, and quote the input
/// together with what was expected.
///
/// # Example
///
/// ```
/// use juesuan::{Amount, Error};
///
/// let err: Error = "12,34.5 万元".parse::<Amount>().unwrap_err().into();
/// assert!(err.is_amount());
/// assert!(err.to_string().contains("12,34.5"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, ThisError)]
#[non_exhaustive]
pub enum Error {
    /// A printed amount or percentage could not be read.
    #[error(transparent)]
    Amount(#[from] AmountError),
    /// A classification code is malformed or unknown.
    #[error(transparent)]
    Code(#[from] CodeError),
    /// A classification catalog could not be loaded.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// A year or date could not be read, or does not exist.
    #[error(transparent)]
    Date(#[from] DateError),
    /// A fact id or fact value was refused.
    #[error(transparent)]
    Fact(#[from] FactError),
    /// A JSON document could not be read.
    #[error(transparent)]
    Json(#[from] JsonError),
    /// A strict report was refused (an identity broken beyond rounding, an
    /// unknown code, a missing total).
    #[error(transparent)]
    Model(#[from] ModelError),
    /// A rule id the audit does not know.
    #[error(transparent)]
    Rule(#[from] UnknownRule),
    /// A PDF's text could not be extracted.
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

impl Error {
    /// Whether this error concerns an amount or percentage.
    ///
    /// ```
    /// use juesuan::{Amount, Error};
    /// let err: Error = "abc".parse::<Amount>().unwrap_err().into();
    /// assert!(err.is_amount());
    /// ```
    pub fn is_amount(&self) -> bool {
        matches!(self, Error::Amount(_))
    }

    /// Whether this error concerns a classification code.
    ///
    /// ```
    /// use juesuan::{Error, code::FunctionCode};
    /// let err: Error = "208001".parse::<FunctionCode>().unwrap_err().into();
    /// assert!(err.is_code());
    /// ```
    pub fn is_code(&self) -> bool {
        matches!(self, Error::Code(_))
    }

    /// Whether this error concerns loading a catalog.
    ///
    /// ```
    /// use juesuan::{Error, code::FunctionCatalog};
    /// let err: Error = FunctionCatalog::from_tsv_reader("code\tname\nxyz\t行政运行\n".as_bytes())
    ///     .unwrap_err()
    ///     .into();
    /// assert!(err.is_catalog());
    /// ```
    pub fn is_catalog(&self) -> bool {
        matches!(self, Error::Catalog(_))
    }

    /// Whether this error concerns a year or date.
    ///
    /// ```
    /// use juesuan::{Error, date::parse_date};
    /// let err: Error = parse_date("2024年2月30日").unwrap_err().into();
    /// assert!(err.is_date());
    /// ```
    pub fn is_date(&self) -> bool {
        matches!(self, Error::Date(_))
    }

    /// Whether this error concerns a fact id or value.
    ///
    /// ```
    /// use juesuan::{Error, FactId};
    /// let err: Error = FactId::new("revenue.totl").unwrap_err().into();
    /// assert!(err.is_fact());
    /// ```
    pub fn is_fact(&self) -> bool {
        matches!(self, Error::Fact(_))
    }

    /// Whether this error concerns reading JSON.
    ///
    /// ```
    /// use juesuan::{Disclosure, Error};
    /// let err: Error = Disclosure::from_json("{").unwrap_err().into();
    /// assert!(err.is_json());
    /// ```
    pub fn is_json(&self) -> bool {
        matches!(self, Error::Json(_))
    }

    /// Whether a strict report was refused.
    ///
    /// ```
    /// use juesuan::{Error, FinalAccounts};
    /// let bad = juesuan::Disclosure::from_json(r#"{"facts": {"three_public.total": "1.00",
    ///     "three_public.overseas_travel": "0.00", "three_public.vehicles": "0.00",
    ///     "three_public.reception": "0.00"}}"#)?;
    /// let err: Error = FinalAccounts::from_disclosure(&bad).unwrap_err().into();
    /// assert!(err.is_model());
    /// # Ok::<(), juesuan::disclosure::JsonError>(())
    /// ```
    pub fn is_model(&self) -> bool {
        matches!(self, Error::Model(_))
    }

    /// Whether a PDF's text could not be extracted.
    ///
    /// ```
    /// use juesuan::{Error, pdf::Extractor};
    /// let err: Error = Extractor::with_program("/nonexistent/pdftotext")
    ///     .extract("tests/fixtures/putuo-social-work-2024.pdf")
    ///     .unwrap_err()
    ///     .into();
    /// assert!(err.is_pdf());
    /// ```
    pub fn is_pdf(&self) -> bool {
        matches!(self, Error::Pdf(_))
    }
}
