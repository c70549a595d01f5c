//! Errors of codes and catalogs.

use std::sync::Arc;

use thiserror::Error;

use super::{CodeKind, CodeLevel};

/// How many characters of an input an error keeps for its message.
const KEPT_CHARS: usize = 80;

/// Keeps the first [`KEPT_CHARS`] characters of `input` for an error.
pub(crate) fn kept(input: &str) -> Arc<str> {
    match input.char_indices().nth(KEPT_CHARS) {
        Some((end, _)) => match input.get(..end) {
            Some(head) => format!("{head}…").into(),
            None => input.into(),
        },
        None => input.into(),
    }
}

/// A classification code is malformed, unknown, or does not match a name.
///
/// Messages are lowercase, quote the input and say what was expected. The
/// error is cheap to clone (inputs are shared).
///
/// ```
/// use juesuan::{code::CodeError, code::FunctionCode};
///
/// let err = FunctionCode::parse("208001").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"invalid function code: expected 3, 5 or 7 digits (类/款/项), but found 6 in "208001""#,
/// );
/// assert!(matches!(err, CodeError::DigitCount { found: 6, .. }));
/// ```
#[doc(alias = "科目错误")]
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CodeError {
    /// The text holds no digits at all (`""`, `"[]"`).
    #[error("invalid {kind}: expected {}, but found no digits in {input:?}", .kind.expected_digits())]
    #[non_exhaustive]
    Empty {
        /// The classification the code was read for.
        kind: CodeKind,
        /// The text that was read (shortened to 80 characters).
        input: Arc<str>,
    },
    /// The text holds a character that cannot be part of a code.
    #[error("invalid {kind}: expected digits, but found {found:?} in {input:?}")]
    #[non_exhaustive]
    InvalidCharacter {
        /// The classification the code was read for.
        kind: CodeKind,
        /// The text that was read (shortened to 80 characters).
        input: Arc<str>,
        /// The first character that is neither a digit nor a separator.
        found: char,
    },
    /// The code has a number of digits no level has (`"208001"`: 6).
    #[error("invalid {kind}: expected {}, but found {found} in {input:?}", .kind.expected_digits())]
    #[non_exhaustive]
    DigitCount {
        /// The classification the code was read for.
        kind: CodeKind,
        /// The text that was read (shortened to 80 characters).
        input: Arc<str>,
        /// How many digits it has.
        found: usize,
    },
    /// The digits are well formed but the class is outside the
    /// classification (`"1080101"` as a function code).
    #[error("invalid {kind}: expected {}, but found {input:?}", .kind.expected_class())]
    #[non_exhaustive]
    OutOfRange {
        /// The classification the code was read for.
        kind: CodeKind,
        /// The text that was read (shortened to 80 characters).
        input: Arc<str>,
    },
    /// The code is well formed but the catalog does not list it.
    #[error("unknown {kind}: expected a code listed in the catalog, but found {code}")]
    #[non_exhaustive]
    Unknown {
        /// The classification of the code.
        kind: CodeKind,
        /// The code, as digits.
        code: Arc<str>,
    },
    /// A code is given a name the catalog does not know for it.
    #[error("wrong name for {kind} {code}: expected {expected:?}, but found {found:?}")]
    #[non_exhaustive]
    NameMismatch {
        /// The classification of the code.
        kind: CodeKind,
        /// The code, as digits.
        code: Arc<str>,
        /// The catalog's main name for the code.
        expected: Arc<str>,
        /// The name that was given.
        found: Arc<str>,
    },
    /// A segment of a narrative path such as
    /// `社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）` names
    /// no code under its parent.
    #[error("unknown {level} in {kind} path: expected a {level} {}, but found {name:?}", under(.parent.as_deref()))]
    #[non_exhaustive]
    UnknownName {
        /// The classification of the path.
        kind: CodeKind,
        /// The level of the segment that did not resolve.
        level: CodeLevel,
        /// The segment's name (whitespace removed, parentheses full-width).
        name: Arc<str>,
        /// The parent the name was looked up under, as code and name
        /// (`"20805 行政事业单位养老支出"`), or `None` for a 类.
        parent: Option<Arc<str>>,
    },
    /// A narrative path is not a sequence of `name（类）name（款）name（项）`.
    #[error("invalid {kind} path {input:?}: expected {expected}, but found {found:?}")]
    #[non_exhaustive]
    InvalidPath {
        /// The classification of the path.
        kind: CodeKind,
        /// The path that was read (shortened to 80 characters).
        input: Arc<str>,
        /// What the reader was looking for where it failed.
        expected: &'static str,
        /// What it found there (normalised, shortened), or `""` at the end.
        found: Arc<str>,
    },
}

fn under(parent: Option<&str>) -> String {
    match parent {
        Some(parent) => format!("under {parent}"),
        None => "in the catalog".to_owned(),
    }
}

impl CodeError {
    /// The classification the failing code or path belongs to.
    ///
    /// ```
    /// use juesuan::{code::CodeKind, code::EconomicCode};
    /// let err = EconomicCode::parse("2080101").unwrap_err();
    /// assert_eq!(err.kind(), CodeKind::Economic);
    /// ```
    pub fn kind(&self) -> CodeKind {
        match self {
            CodeError::Empty { kind, .. }
            | CodeError::InvalidCharacter { kind, .. }
            | CodeError::DigitCount { kind, .. }
            | CodeError::OutOfRange { kind, .. }
            | CodeError::Unknown { kind, .. }
            | CodeError::NameMismatch { kind, .. }
            | CodeError::UnknownName { kind, .. }
            | CodeError::InvalidPath { kind, .. } => *kind,
        }
    }

    /// Whether the text is not a well-formed code at all (as opposed to a
    /// well-formed code the catalog does not know, or a name that does not
    /// match).
    ///
    /// ```
    /// use juesuan::{code::Catalog, code::FunctionCode};
    ///
    /// assert!(FunctionCode::parse("208001").unwrap_err().is_malformed());
    /// let unknown = Catalog::function().check_name("2089998".parse()?, "x").unwrap_err();
    /// assert!(!unknown.is_malformed());
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn is_malformed(&self) -> bool {
        matches!(
            self,
            CodeError::Empty { .. }
                | CodeError::InvalidCharacter { .. }
                | CodeError::DigitCount { .. }
                | CodeError::OutOfRange { .. }
        )
    }
}

/// A catalog file could not be read.
///
/// Row errors name the line (1-based, the header is line 1), the column and
/// what was expected.
///
/// ```
/// use juesuan::{code::CatalogError, code::FunctionCatalog};
///
/// let text = "code\tname\n2080101\t行政运行\n20801x\t人力资源和社会保障管理事务\n";
/// let err = FunctionCatalog::from_tsv_reader(text.as_bytes()).unwrap_err();
/// assert_eq!(err.line(), Some(3));
/// assert_eq!(
///     err.to_string(),
///     r#"invalid catalog line 3, column code: invalid function code: expected digits, but found 'x' in "20801x""#,
/// );
/// ```
#[doc(alias = "目录错误")]
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// The reader failed or the text is not UTF-8.
    #[error("could not read catalog line {line}: {message}")]
    #[non_exhaustive]
    Io {
        /// The line that could not be read.
        line: usize,
        /// The I/O error's message.
        message: Arc<str>,
    },
    /// The first line is not a header naming the code and name columns.
    #[error("invalid catalog header: expected {expected}, but found {found:?}")]
    #[non_exhaustive]
    Header {
        /// What the header should look like.
        expected: &'static str,
        /// The first line (shortened to 80 characters), or `""` for an empty
        /// input.
        found: Arc<str>,
    },
    /// A row cannot be split into the header's columns.
    #[error("invalid catalog line {line}: expected {expected}, but found {found}")]
    #[non_exhaustive]
    Row {
        /// The line, 1-based.
        line: usize,
        /// What the row should look like.
        expected: Arc<str>,
        /// What it looks like.
        found: Arc<str>,
    },
    /// A field of a row has a bad value.
    #[error(
        "invalid catalog line {line}, column {column}: expected {expected}, but found {found:?}"
    )]
    #[non_exhaustive]
    Field {
        /// The line, 1-based.
        line: usize,
        /// The column's name in the header (`name`, `level`, `years_seen`).
        column: &'static str,
        /// What the field should hold.
        expected: Arc<str>,
        /// What it holds (shortened to 80 characters).
        found: Arc<str>,
    },
    /// The code column holds a malformed code.
    #[error("invalid catalog line {line}, column code: {error}")]
    #[non_exhaustive]
    Code {
        /// The line, 1-based.
        line: usize,
        /// Why the code is malformed.
        error: CodeError,
    },
}

impl CatalogError {
    /// The line the error is on, or `None` for a header error.
    ///
    /// ```
    /// use juesuan::code::FunctionCatalog;
    ///
    /// let err = FunctionCatalog::from_reader("编号,名字\n".as_bytes()).unwrap_err();
    /// assert_eq!(err.line(), None);
    /// let err = FunctionCatalog::from_reader("code,name\n208,\n".as_bytes()).unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    pub fn line(&self) -> Option<usize> {
        match self {
            CatalogError::Header { .. } => None,
            CatalogError::Io { line, .. }
            | CatalogError::Row { line, .. }
            | CatalogError::Field { line, .. }
            | CatalogError::Code { line, .. } => Some(*line),
        }
    }
}
