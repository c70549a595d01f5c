//! Fiscal years and the dates printed in reports.
//!
//! A Chinese fiscal year (财政年度) is the calendar year, 1 January to
//! 31 December. [`FiscalYear`] is a validated year; the free functions read
//! the dates and years that 部门决算 texts print:
//!
//! | function | reads | example |
//! |---|---|---|
//! | [`parse_date`] | a whole date | `2024 年 12 月 31 日`, `2024-12-31` |
//! | [`parse_balance_date`] | a "state as of" phrase | `截至 2024 年 12 月 31 日`, `截至2024年末` |
//! | [`find_fiscal_year`] | the year a title or phrase names | `…保障厅 2024 年度部门决算` |
//! | [`years_in`] | every `YYYY 年` in a text, with byte offsets | `与 2023 年度相比` |
//! | [`FiscalYear::from_str`](std::str::FromStr) | a bare year | `2024`, `2024年度`, `２０２４年度` |
//!
//! Text extracted from PDFs carries stray spaces between characters
//! (`2024 年 12 月 31 日`), so every parser skips whitespace (including the
//! ideographic space U+3000 and zero-width spaces) between tokens, and reads
//! full-width digits (`０`–`９`) as ASCII digits. Spaces never join two digit
//! runs: `20 24年` is not a year.
//!
//! `parse_*` functions read the whole input and reject anything left over;
//! `find_*` and `*_in` functions search inside a longer text.

use std::fmt;
use std::iter::Peekable;
use std::str::FromStr;
use std::sync::Arc;

use chrono::Datelike;
/// The calendar date of [`FiscalYear::start`], [`parse_date`] and the
/// other date functions (re-exported from chrono, so that users need not
/// depend on it themselves).
pub use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

// ---------------------------------------------------------------------------
// Bounds, declared once.

/// Smallest accepted year, for fiscal years and for dates.
const YEAR_MIN: i32 = 1949;
/// Largest accepted year, for fiscal years and for dates.
const YEAR_MAX: i32 = 9999;
/// How many characters of the input an error keeps for its message.
const QUOTE_MAX_CHARS: usize = 80;

// ---------------------------------------------------------------------------
// Errors.

/// A year or date could not be read, or does not exist.
///
/// Messages are lowercase, carry no trailing period, and quote the input
/// (shortened to its first 80 characters, with `…` marking the cut). Cloning
/// is cheap: the quoted text is shared.
///
/// # Example
///
/// ```
/// use juesuan::date::parse_date;
///
/// let err = parse_date("2024年2月30日").unwrap_err();
/// assert!(err.is_no_such_date());
/// assert_eq!(
///     err.to_string(),
///     r#"no such date: 2024-02-30 in "2024年2月30日" (2024-02 has 29 days)"#,
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum DateError {
    /// The text does not have the expected shape.
    #[error("expected {expected}, but found {found} in {input:?}")]
    #[non_exhaustive]
    Syntax {
        /// The text that was read (possibly shortened).
        input: Arc<str>,
        /// What the parser was looking for at the point of failure.
        expected: &'static str,
        /// What it found there, quoted, or `end of text`.
        found: Arc<str>,
    },
    /// A year, month or day is outside the range it can take.
    #[error("expected a {unit} from {min} to {max}, but found {found}{}", in_input(input.as_deref()))]
    #[non_exhaustive]
    OutOfRange {
        /// The text that was read (possibly shortened), or `None` when the
        /// value did not come from text (as in [`FiscalYear::new`]).
        input: Option<Arc<str>>,
        /// `"year"`, `"month"` or `"day"`.
        unit: &'static str,
        /// Smallest accepted value.
        min: i32,
        /// Largest accepted value.
        max: i32,
        /// The value found.
        found: i32,
    },
    /// Year, month and day are each in range, but the month is shorter than
    /// the day (`2024年2月30日`, `2023年2月29日`, `2024年4月31日`).
    #[error(
        "no such date: {year:04}-{month:02}-{day:02} in {input:?} ({year:04}-{month:02} has {days_in_month} days)"
    )]
    #[non_exhaustive]
    NoSuchDate {
        /// The text that was read (possibly shortened).
        input: Arc<str>,
        /// The year read.
        year: i32,
        /// The month read, 1 to 12.
        month: u32,
        /// The day read, 1 to 31.
        day: u32,
        /// How many days that month has in that year.
        days_in_month: u32,
    },
    /// A search found nothing of the kind it looks for.
    #[error("expected {expected}, but found none in {input:?}")]
    #[non_exhaustive]
    NotFound {
        /// The text that was searched (possibly shortened).
        input: Arc<str>,
        /// What the search looks for.
        expected: &'static str,
    },
}

impl DateError {
    /// The text that was read, shortened to its first 80 characters, or
    /// `None` when the value did not come from text.
    ///
    /// ```
    /// use juesuan::{date::parse_date, FiscalYear};
    ///
    /// assert_eq!(parse_date("2024年13月1日").unwrap_err().input(), Some("2024年13月1日"));
    /// assert_eq!(FiscalYear::new(1900).unwrap_err().input(), None);
    /// ```
    pub fn input(&self) -> Option<&str> {
        match self {
            DateError::Syntax { input, .. }
            | DateError::NoSuchDate { input, .. }
            | DateError::NotFound { input, .. } => Some(input),
            DateError::OutOfRange { input, .. } => input.as_deref(),
        }
    }

    /// Whether the text does not have the shape of a year or date.
    ///
    /// ```
    /// use juesuan::date::parse_date;
    /// assert!(parse_date("2024年12月").unwrap_err().is_syntax());
    /// ```
    pub fn is_syntax(&self) -> bool {
        matches!(self, DateError::Syntax { .. })
    }

    /// Whether a year, month or day is outside its range.
    ///
    /// ```
    /// use juesuan::date::parse_date;
    /// assert!(parse_date("2024年13月1日").unwrap_err().is_range());
    /// assert!(parse_date("2024年1月0日").unwrap_err().is_range());
    /// ```
    pub fn is_range(&self) -> bool {
        matches!(self, DateError::OutOfRange { .. })
    }

    /// Whether the day does not exist in its month (`2023年2月29日`).
    ///
    /// ```
    /// use juesuan::date::parse_date;
    /// assert!(parse_date("2023年2月29日").unwrap_err().is_no_such_date());
    /// ```
    pub fn is_no_such_date(&self) -> bool {
        matches!(self, DateError::NoSuchDate { .. })
    }

    /// Whether a search found nothing.
    ///
    /// ```
    /// use juesuan::date::find_fiscal_year;
    /// assert!(find_fiscal_year("部门决算").unwrap_err().is_not_found());
    /// ```
    pub fn is_not_found(&self) -> bool {
        matches!(self, DateError::NotFound { .. })
    }
}

/// Formats ` in "input"` when there is an input, nothing otherwise.
fn in_input(input: Option<&str>) -> String {
    match input {
        Some(text) => format!(" in {text:?}"),
        None => String::new(),
    }
}

/// The input as kept by an error: its first [`QUOTE_MAX_CHARS`] characters.
fn quoted(input: &str) -> Arc<str> {
    match input.char_indices().nth(QUOTE_MAX_CHARS) {
        Some((cut, _)) => {
            let head = input.get(..cut).unwrap_or(input);
            Arc::from(format!("{head}…"))
        }
        None => Arc::from(input),
    }
}

// ---------------------------------------------------------------------------
// FiscalYear.

/// A fiscal year (财政年度), which in China is the calendar year.
///
/// Holds a year from 1949 to 9999. [`Display`](fmt::Display) prints the bare
/// year (`2024`); [`FiscalYear::label`] gives the form reports print
/// (`2024年度`). Parsing accepts `2024`, `2024年`, `2024年度`, spaces between
/// the parts and full-width digits. Serde reads and writes the bare integer
/// year, and rejects years out of range.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use juesuan::FiscalYear;
///
/// let fy: FiscalYear = "2024 年度".parse()?;
/// assert_eq!(fy.year(), 2024);
/// assert_eq!(fy.to_string(), "2024");
/// assert_eq!(fy.label(), "2024年度");
/// assert_eq!(fy.end(), NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
/// assert_eq!(fy.previous(), Some(FiscalYear::new(2023)?));
/// # Ok::<(), juesuan::date::DateError>(())
/// ```
#[doc(alias = "年度")]
#[doc(alias = "财政年度")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i32", into = "i32")]
pub struct FiscalYear(i32);

impl FiscalYear {
    /// The earliest fiscal year accepted, 1949.
    ///
    /// ```
    /// use juesuan::FiscalYear;
    /// assert_eq!(FiscalYear::MIN.year(), 1949);
    /// ```
    pub const MIN: FiscalYear = FiscalYear(YEAR_MIN);

    /// The latest fiscal year accepted, 9999.
    ///
    /// ```
    /// use juesuan::FiscalYear;
    /// assert_eq!(FiscalYear::MAX.year(), 9999);
    /// ```
    pub const MAX: FiscalYear = FiscalYear(YEAR_MAX);

    /// The fiscal year `year`.
    ///
    /// # Errors
    ///
    /// [`DateError::OutOfRange`] when `year` is outside 1949 to 9999.
    ///
    /// # Example
    ///
    /// ```
    /// use juesuan::FiscalYear;
    ///
    /// assert_eq!(FiscalYear::new(2024)?.year(), 2024);
    /// assert_eq!(
    ///     FiscalYear::new(1900).unwrap_err().to_string(),
    ///     "expected a year from 1949 to 9999, but found 1900",
    /// );
    /// # Ok::<(), juesuan::date::DateError>(())
    /// ```
    pub fn new(year: i32) -> Result<FiscalYear, DateError> {
        check_year(year, None).map(FiscalYear)
    }

    /// The fiscal year that contains `date`.
    ///
    /// # Errors
    ///
    /// [`DateError::OutOfRange`] when the date's year is outside 1949 to 9999.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use juesuan::FiscalYear;
    ///
    /// let date = NaiveDate::from_ymd_opt(2025, 8, 29).unwrap();
    /// assert_eq!(FiscalYear::containing(date)?.year(), 2025);
    /// # Ok::<(), juesuan::date::DateError>(())
    /// ```
    pub fn containing(date: NaiveDate) -> Result<FiscalYear, DateError> {
        FiscalYear::new(date.year())
    }

    /// The year as a number.
    ///
    /// ```
    /// use juesuan::FiscalYear;
    /// assert_eq!(FiscalYear::new(2024)?.year(), 2024);
    /// # Ok::<(), juesuan::date::DateError>(())
    /// ```
    pub fn year(self) -> i32 {
        self.0
    }

    /// The first day, 1 January.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use juesuan::FiscalYear;
    ///
    /// let fy = FiscalYear::new(2024)?;
    /// assert_eq!(fy.start(), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    /// # Ok::<(), juesuan::date::DateError>(())
    /// ```
    pub fn start(self) -> NaiveDate {
        // Every year in YEAR_MIN..=YEAR_MAX is a valid chrono year, so the
        // fallback is never taken.
        NaiveDate::from_ymd_opt(self.0, 1, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day, 31 December: the balance date of the final accounts.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use juesuan::FiscalYear;
    ///
    /// let fy = FiscalYear::new(2024)?;
    /// assert_eq!(fy.end(), NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
    /// # Ok::<(), juesuan::date::DateError>(())
    /// ```
    pub fn end(self) -> NaiveDate {
        // As in `start`, the fallback is never taken.
        NaiveDate::from_ymd_opt(self.0, 12, 31).unwrap_or(NaiveDate::MAX)
    }

    /// Whether `date` falls within this fiscal year (both ends included).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use juesuan::FiscalYear;
    ///
    /// let fy = FiscalYear::new(2024)?;
    /// assert!(fy.contains(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()));
    /// assert!(!fy.contains(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()));
    /// # Ok::<(), juesuan::date::DateError>(())
    /// ```
    pub fn contains(self, date: NaiveDate) -> bool {
        date.year() == self.0
    }

    /// The year before (上年), or `None` before 1949.
    ///
    /// ```
    /// use juesuan::FiscalYear;
    ///
    /// assert_eq!(FiscalYear::new(2024)?.previous(), Some(FiscalYear::new(2023)?));
    /// assert_eq!(FiscalYear::MIN.previous(), None);
    /// # Ok::<(), juesuan::date::DateError>(())
    /// ```
    #[doc(alias = "上年")]
    pub fn previous(self) -> Option<FiscalYear> {
        self.0.checked_sub(1).and_then(|y| FiscalYear::new(y).ok())
    }

    /// The year after, or `None` after 9999.
    ///
    /// ```
    /// use juesuan::FiscalYear;
    ///
    /// assert_eq!(FiscalYear::new(2024)?.next(), Some(FiscalYear::new(2025)?));
    /// assert_eq!(FiscalYear::MAX.next(), None);
    /// # Ok::<(), juesuan::date::DateError>(())
    /// ```
    pub fn next(self) -> Option<FiscalYear> {
        self.0.checked_add(1).and_then(|y| FiscalYear::new(y).ok())
    }

    /// The year as reports print it: `2024年度`.
    ///
    /// ```
    /// use juesuan::FiscalYear;
    /// assert_eq!(FiscalYear::new(2024)?.label(), "2024年度");
    /// # Ok::<(), juesuan::date::DateError>(())
    /// ```
    pub fn label(self) -> String {
        format!("{}年度", self.0)
    }
}

/// Prints the bare year, `2024`; see [`FiscalYear::label`] for `2024年度`.
///
/// ```
/// use juesuan::FiscalYear;
/// assert_eq!(format!("{}", FiscalYear::new(2024)?), "2024");
/// # Ok::<(), juesuan::date::DateError>(())
/// ```
impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Reads `2024`, `2024年` or `2024年度`, with spaces between the parts and
/// ASCII or full-width digits; nothing else may surround them.
///
/// ```
/// use juesuan::FiscalYear;
///
/// for text in ["2024", "2024年", "2024年度", " 2024 年 度 ", "２０２４年度"] {
///     assert_eq!(text.parse::<FiscalYear>()?.year(), 2024);
/// }
/// assert!("2024年度决算".parse::<FiscalYear>().is_err());
/// # Ok::<(), juesuan::date::DateError>(())
/// ```
impl FromStr for FiscalYear {
    type Err = DateError;

    fn from_str(s: &str) -> Result<FiscalYear, DateError> {
        let mut p = Parser::new(s);
        let year = p.year()?;
        if p.eat('年') {
            p.eat('度');
        }
        p.finish()?;
        Ok(FiscalYear(year))
    }
}

/// Same as [`FiscalYear::new`]; lets serde validate while deserializing.
///
/// ```
/// use juesuan::FiscalYear;
/// assert!(FiscalYear::try_from(2024).is_ok());
/// assert!(FiscalYear::try_from(10_000).is_err());
/// ```
impl TryFrom<i32> for FiscalYear {
    type Error = DateError;

    fn try_from(year: i32) -> Result<FiscalYear, DateError> {
        FiscalYear::new(year)
    }
}

/// The bare year.
///
/// ```
/// use juesuan::FiscalYear;
/// assert_eq!(i32::from(FiscalYear::new(2024)?), 2024);
/// # Ok::<(), juesuan::date::DateError>(())
/// ```
impl From<FiscalYear> for i32 {
    fn from(fy: FiscalYear) -> i32 {
        fy.0
    }
}

// ---------------------------------------------------------------------------
// Free functions.

/// Reads a whole date: `2024年12月31日`, `2024 年 12 月 31 日`, `2024-12-31`,
/// `2024.12.31` or `2024/12/31`.
///
/// The year has four digits; month and day one or two (leading zeros are
/// fine). Whitespace may stand between any two parts, digits may be
/// full-width, and `－`, `．`, `／` count as their ASCII forms. The two
/// separators of the numeric forms must match; the Chinese form needs all of
/// `年`, `月` and `日`.
///
/// # Errors
///
/// - [`DateError::Syntax`] when the text is not shaped like a date or has
///   anything else around it,
/// - [`DateError::OutOfRange`] for a year outside 1949 to 9999, a month
///   outside 1 to 12 or a day outside 1 to 31,
/// - [`DateError::NoSuchDate`] for a day the month does not have
///   (`2024年2月30日`, `2023年2月29日`).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use juesuan::date::parse_date;
///
/// let published = NaiveDate::from_ymd_opt(2025, 8, 29).unwrap();
/// assert_eq!(parse_date("2025年8月29日")?, published);
/// assert_eq!(parse_date("2025 年 8 月 29 日")?, published);
/// assert_eq!(parse_date("２０２５年８月２９日")?, published);
/// assert_eq!(parse_date("2025-08-29")?, published);
/// assert_eq!(parse_date("2025.8.29")?, published);
///
/// assert_eq!(
///     parse_date("2024年13月1日").unwrap_err().to_string(),
///     r#"expected a month from 1 to 12, but found 13 in "2024年13月1日""#,
/// );
/// # Ok::<(), juesuan::date::DateError>(())
/// ```
#[doc(alias = "日期")]
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let mut p = Parser::new(s);
    let date = p.date()?;
    p.finish()?;
    Ok(date)
}

/// Reads the "state as of" phrase of a report: `截至 2024 年 12 月 31 日`,
/// `截止2024年12月31日`, or `截至2024年末` (also `年底`, `年度末`), which
/// means 31 December.
///
/// The phrase starts with `截至` or `截止`, optionally followed by `到`, then
/// a date as [`parse_date`] reads it or a year followed by `末`; an `止` and
/// one punctuation mark among `，,：:。` may follow. Whitespace may stand
/// between any two characters.
///
/// # Errors
///
/// As [`parse_date`], and [`DateError::Syntax`] when the phrase does not
/// start with `截至` or `截止`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use juesuan::date::parse_balance_date;
///
/// let end_2024 = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
/// assert_eq!(parse_balance_date("截至 2024 年 12 月 31 日")?, end_2024);
/// assert_eq!(parse_balance_date("截止2024年12月31日，")?, end_2024);
/// assert_eq!(parse_balance_date("截至2024年末")?, end_2024);
/// assert!(parse_balance_date("2024年12月31日").is_err());
/// # Ok::<(), juesuan::date::DateError>(())
/// ```
#[doc(alias = "截至")]
#[doc(alias = "截止")]
pub fn parse_balance_date(s: &str) -> Result<NaiveDate, DateError> {
    let mut p = Parser::new(s);
    if !(p.eat('截') && (p.eat('至') || p.eat('止'))) {
        return Err(p.syntax(r#""截至" or "截止""#));
    }
    p.eat('到');
    let date = p.date_or_year_end()?;
    p.eat('止');
    for mark in ['，', ',', '：', ':', '。'] {
        if p.eat(mark) {
            break;
        }
    }
    p.finish()?;
    Ok(date)
}

/// Finds the fiscal year a title or short phrase names, such as
/// `新疆维吾尔自治区人力资源和社会保障厅2024年度部门决算`.
///
/// Returns the first `YYYY年度` (spaces allowed between the parts). When the
/// text has none, falls back to the first `YYYY年` that does not start a date
/// (`XX局2024年部门决算`, but not the `2024年` of `2024年12月31日`). A year
/// counts only if its four digits are not part of a longer run of digits.
///
/// # Errors
///
/// - [`DateError::NotFound`] when the text names no year,
/// - [`DateError::OutOfRange`] when the year found is outside 1949 to 9999.
///
/// # Example
///
/// ```
/// use juesuan::date::find_fiscal_year;
///
/// let title = "新疆维吾尔自治区人力资源和社会保障厅 2024 年度部门决算";
/// assert_eq!(find_fiscal_year(title)?.year(), 2024);
/// assert_eq!(find_fiscal_year("上海市普陀区规划和自然资源局2024年部门决算")?.year(), 2024);
/// assert_eq!(find_fiscal_year("截至2024年12月31日，2023年度结转")?.year(), 2023);
/// assert!(find_fiscal_year("部门决算").is_err());
/// # Ok::<(), juesuan::date::DateError>(())
/// ```
#[doc(alias = "年度")]
pub fn find_fiscal_year(text: &str) -> Result<FiscalYear, DateError> {
    let mut fallback: Option<i32> = None;
    let mut tokens = Lexer::new(text).peekable();
    while let Some(token) = tokens.next() {
        let Some(year) = token.four_digit_value() else {
            continue;
        };
        if !next_is(&mut tokens, '年') {
            continue;
        }
        if next_is(&mut tokens, '度') {
            return check_year(year, Some(text)).map(FiscalYear);
        }
        let starts_date = matches!(tokens.peek(), Some(t) if t.is_number());
        if fallback.is_none() && !starts_date {
            fallback = Some(year);
        }
    }
    match fallback {
        Some(year) => check_year(year, Some(text)).map(FiscalYear),
        None => Err(DateError::NotFound {
            input: quoted(text),
            expected: r#"a year such as "2024年度""#,
        }),
    }
}

/// Every year a text mentions, as `(byte offset, year)` pairs in order.
///
/// A year is a run of exactly four digits (ASCII or full-width) followed,
/// after optional whitespace, by `年`: the `2023` of `与 2023 年度相比` or of
/// `2023年12月31日`, but not the `2023` of `2023-12-31` nor of `12023年`.
/// Years are not range-checked. The offset is that of the first digit, so
/// `text[offset..]` starts with the year.
///
/// # Example
///
/// ```
/// use juesuan::date::years_in;
///
/// let text = "与 2023 年度相比，2024 年支出增加；科目 2080150 调整";
/// let years: Vec<(usize, i32)> = years_in(text).collect();
/// assert_eq!(years, vec![(4, 2023), (24, 2024)]);
/// assert!(text[24..].starts_with("2024"));
/// ```
pub fn years_in(text: &str) -> YearsIn<'_> {
    YearsIn {
        tokens: Lexer::new(text).peekable(),
    }
}

/// Iterator over the years a text mentions; see [`years_in`].
///
/// ```
/// use juesuan::date::years_in;
///
/// let mut years = years_in("2023 年与 2024 年");
/// assert_eq!(years.next(), Some((0, 2023)));
/// assert_eq!(years.next(), Some((12, 2024)));
/// assert_eq!(years.next(), None);
/// ```
#[derive(Debug, Clone)]
pub struct YearsIn<'a> {
    tokens: Peekable<Lexer<'a>>,
}

impl Iterator for YearsIn<'_> {
    type Item = (usize, i32);

    fn next(&mut self) -> Option<(usize, i32)> {
        while let Some(token) = self.tokens.next() {
            if let Some(year) = token.four_digit_value() {
                if next_is(&mut self.tokens, '年') {
                    return Some((token.start, year));
                }
            }
        }
        None
    }
}

// ---------------------------------------------------------------------------
// Lexer: digit runs and single characters, whitespace skipped.

/// Whether `c` is spacing that PDF extraction may put between characters.
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// The value of an ASCII or full-width decimal digit.
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(u32::from(c) - u32::from('0')),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

/// A full-width separator's ASCII form; other characters are unchanged.
fn fold_width(c: char) -> char {
    match c {
        '－' => '-',
        '．' => '.',
        '／' => '/',
        other => other,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    /// A maximal run of digits: its value (saturating) and digit count.
    Number { value: u32, digits: usize },
    /// Any other non-space character, full-width separators folded.
    Char(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token {
    kind: TokenKind,
    /// Byte offset of the first character.
    start: usize,
    /// Byte offset just past the last character.
    end: usize,
}

impl Token {
    fn is_number(&self) -> bool {
        matches!(self.kind, TokenKind::Number { .. })
    }

    fn is_char(&self, c: char) -> bool {
        self.kind == TokenKind::Char(c)
    }

    /// The value of a run of exactly four digits.
    fn four_digit_value(&self) -> Option<i32> {
        match self.kind {
            TokenKind::Number { value, digits: 4 } => i32::try_from(value).ok(),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
struct Lexer<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Lexer<'a> {
        Lexer { text, pos: 0 }
    }
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let rest = self.text.get(self.pos..)?;
        let mut chars = rest
            .char_indices()
            .skip_while(|&(_, c)| is_space(c))
            .peekable();
        let (offset, first) = chars.next()?;
        let start = self.pos + offset;
        let mut end = start + first.len_utf8();
        let kind = match digit_value(first) {
            Some(d) => {
                let mut value = d;
                let mut digits = 1;
                while let Some(&(i, c)) = chars.peek() {
                    let Some(d) = digit_value(c) else { break };
                    value = value.saturating_mul(10).saturating_add(d);
                    digits += 1;
                    end = self.pos + i + c.len_utf8();
                    chars.next();
                }
                TokenKind::Number { value, digits }
            }
            None => TokenKind::Char(fold_width(first)),
        };
        self.pos = end;
        Some(Token { kind, start, end })
    }
}

/// Consumes the next token if it is the character `c`.
fn next_is(tokens: &mut Peekable<Lexer<'_>>, c: char) -> bool {
    tokens.next_if(|t| t.is_char(c)).is_some()
}

// ---------------------------------------------------------------------------
// Parser: whole-input grammar on top of the lexer.

/// Checks a year against the bounds.
fn check_year(year: i32, input: Option<&str>) -> Result<i32, DateError> {
    if (YEAR_MIN..=YEAR_MAX).contains(&year) {
        Ok(year)
    } else {
        Err(DateError::OutOfRange {
            input: input.map(quoted),
            unit: "year",
            min: YEAR_MIN,
            max: YEAR_MAX,
            found: year,
        })
    }
}

struct Parser<'a> {
    input: &'a str,
    tokens: Peekable<Lexer<'a>>,
}

impl<'a> Parser<'a> {
    fn new(input: &'a str) -> Parser<'a> {
        Parser {
            input,
            tokens: Lexer::new(input).peekable(),
        }
    }

    /// Consumes the next token if it is the character `c`.
    fn eat(&mut self, c: char) -> bool {
        next_is(&mut self.tokens, c)
    }

    /// A syntax error at the next token.
    fn syntax(&mut self, expected: &'static str) -> DateError {
        let found: Arc<str> = match self.tokens.peek() {
            Some(t) => {
                let text = self.input.get(t.start..t.end).unwrap_or_default();
                Arc::from(format!("{text:?}"))
            }
            None => Arc::from("end of text"),
        };
        DateError::Syntax {
            input: quoted(self.input),
            expected,
            found,
        }
    }

    /// Requires that nothing but whitespace is left.
    fn finish(&mut self) -> Result<(), DateError> {
        if self.tokens.peek().is_none() {
            Ok(())
        } else {
            Err(self.syntax("end of text"))
        }
    }

    /// A number of `min_digits..=max_digits` digits.
    fn number(
        &mut self,
        min_digits: usize,
        max_digits: usize,
        expected: &'static str,
    ) -> Result<u32, DateError> {
        match self.tokens.peek().map(|t| t.kind) {
            Some(TokenKind::Number { value, digits })
                if (min_digits..=max_digits).contains(&digits) =>
            {
                self.tokens.next();
                Ok(value)
            }
            _ => Err(self.syntax(expected)),
        }
    }

    /// A four-digit year within bounds.
    fn year(&mut self) -> Result<i32, DateError> {
        let value = self.number(4, 4, "a 4-digit year")?;
        let year = i32::try_from(value).unwrap_or(i32::MAX);
        check_year(year, Some(self.input))
    }

    /// A month or day number in `1..=max`.
    fn part(
        &mut self,
        unit: &'static str,
        expected: &'static str,
        max: u32,
    ) -> Result<u32, DateError> {
        let value = self.number(1, 2, expected)?;
        if (1..=max).contains(&value) {
            Ok(value)
        } else {
            Err(DateError::OutOfRange {
                input: Some(quoted(self.input)),
                unit,
                min: 1,
                max: i32::try_from(max).unwrap_or(i32::MAX),
                found: i32::try_from(value).unwrap_or(i32::MAX),
            })
        }
    }

    /// The separator after the year: `年`, `-`, `.` or `/`.
    fn year_separator(&mut self) -> Result<char, DateError> {
        for sep in ['年', '-', '.', '/'] {
            if self.eat(sep) {
                return Ok(sep);
            }
        }
        Err(self.syntax(r#""年", "-", "." or "/" after the year"#))
    }

    /// Month, day and closing separators, after the year and its separator.
    fn month_day(&mut self, year: i32, sep: char) -> Result<NaiveDate, DateError> {
        let month = self.part("month", "a month number", 12)?;
        let day_sep_ok = if sep == '年' {
            self.eat('月')
        } else {
            self.eat(sep)
        };
        if !day_sep_ok {
            return Err(self.syntax(match sep {
                '年' => r#""月" after the month"#,
                '-' => r#""-" after the month"#,
                '.' => r#""." after the month"#,
                _ => r#""/" after the month"#,
            }));
        }
        let day = self.part("day", "a day number", 31)?;
        if sep == '年' && !self.eat('日') {
            return Err(self.syntax(r#""日" after the day"#));
        }
        NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| DateError::NoSuchDate {
            input: quoted(self.input),
            year,
            month,
            day,
            days_in_month: days_in_month(year, month),
        })
    }

    /// A full date.
    fn date(&mut self) -> Result<NaiveDate, DateError> {
        let year = self.year()?;
        let sep = self.year_separator()?;
        self.month_day(year, sep)
    }

    /// A full date, or `YYYY年末` / `YYYY年底` / `YYYY年度末` for 31 December.
    fn date_or_year_end(&mut self) -> Result<NaiveDate, DateError> {
        let year = self.year()?;
        let sep = self.year_separator()?;
        if sep == '年' {
            let year_end = if self.eat('度') {
                if self.eat('末') {
                    true
                } else {
                    return Err(self.syntax(r#""末" after "年度""#));
                }
            } else {
                self.eat('末') || self.eat('底')
            };
            if year_end {
                return Ok(FiscalYear(year).end());
            }
        }
        self.month_day(year, sep)
    }
}

/// The number of days in `month` of `year` (28 to 31).
fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn lexer_offsets_are_bytes() {
        let tokens: Vec<Token> = Lexer::new(" 年２０24 x").collect();
        assert_eq!(
            tokens,
            vec![
                Token {
                    kind: TokenKind::Char('年'),
                    start: 1,
                    end: 4
                },
                Token {
                    kind: TokenKind::Number {
                        value: 2024,
                        digits: 4
                    },
                    start: 4,
                    end: 12
                },
                Token {
                    kind: TokenKind::Char('x'),
                    start: 13,
                    end: 14
                },
            ]
        );
    }

    #[test]
    fn lexer_saturates_long_runs() {
        let tokens: Vec<Token> = Lexer::new("99999999999999999999").collect();
        assert_eq!(
            tokens.first().map(|t| t.kind),
            Some(TokenKind::Number {
                value: u32::MAX,
                digits: 20
            })
        );
    }

    #[test]
    fn date_forms() {
        let d = ymd(2024, 12, 31);
        for s in [
            "2024年12月31日",
            "2024 年 12 月 31 日",
            " 2024年12月31日 ",
            "2024\u{3000}年\u{3000}12\u{3000}月31日",
            "２０２４年１２月３１日",
            "2024-12-31",
            "2024 - 12 - 31",
            "2024.12.31",
            "2024/12/31",
            "2024－12－31",
            "2024年12月31 日",
        ] {
            assert_eq!(parse_date(s), Ok(d), "{s}");
        }
        assert_eq!(parse_date("2024-01-05"), Ok(ymd(2024, 1, 5)));
        assert_eq!(parse_date("2024年1月5日"), Ok(ymd(2024, 1, 5)));
    }

    #[test]
    fn date_syntax_errors() {
        let cases = [
            (
                "",
                r#"expected a 4-digit year, but found end of text in """#,
            ),
            (
                "24年1月1日",
                r#"expected a 4-digit year, but found "24" in "24年1月1日""#,
            ),
            (
                "2024年12月",
                r#"expected a day number, but found end of text in "2024年12月""#,
            ),
            (
                "2024年12月31",
                r#"expected "日" after the day, but found end of text in "2024年12月31""#,
            ),
            (
                "2024-12/31",
                r#"expected "-" after the month, but found "/" in "2024-12/31""#,
            ),
            (
                "2024年12-31",
                r#"expected "月" after the month, but found "-" in "2024年12-31""#,
            ),
            (
                "2024年12月31日，",
                r#"expected end of text, but found "，" in "2024年12月31日，""#,
            ),
            (
                "2024年123月1日",
                r#"expected a month number, but found "123" in "2024年123月1日""#,
            ),
            (
                "2024:12:31",
                r#"expected "年", "-", "." or "/" after the year, but found ":" in "2024:12:31""#,
            ),
        ];
        for (input, message) in cases {
            let err = parse_date(input).unwrap_err();
            assert!(err.is_syntax(), "{input}");
            assert_eq!(err.to_string(), message);
        }
    }

    #[test]
    fn impossible_dates() {
        let cases = [
            (
                "2024年2月30日",
                r#"no such date: 2024-02-30 in "2024年2月30日" (2024-02 has 29 days)"#,
            ),
            (
                "2023年2月29日",
                r#"no such date: 2023-02-29 in "2023年2月29日" (2023-02 has 28 days)"#,
            ),
            (
                "2024-04-31",
                r#"no such date: 2024-04-31 in "2024-04-31" (2024-04 has 30 days)"#,
            ),
            (
                "2024年13月1日",
                r#"expected a month from 1 to 12, but found 13 in "2024年13月1日""#,
            ),
            (
                "2024年0月1日",
                r#"expected a month from 1 to 12, but found 0 in "2024年0月1日""#,
            ),
            (
                "2024年1月0日",
                r#"expected a day from 1 to 31, but found 0 in "2024年1月0日""#,
            ),
            (
                "2024年1月32日",
                r#"expected a day from 1 to 31, but found 32 in "2024年1月32日""#,
            ),
            (
                "1900年1月1日",
                r#"expected a year from 1949 to 9999, but found 1900 in "1900年1月1日""#,
            ),
        ];
        for (input, message) in cases {
            assert_eq!(parse_date(input).unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn leap_years() {
        assert_eq!(parse_date("2024年2月29日"), Ok(ymd(2024, 2, 29)));
        assert_eq!(parse_date("2000-02-29"), Ok(ymd(2000, 2, 29)));
        assert!(parse_date("2100-02-29").unwrap_err().is_no_such_date());
        assert!(parse_date("2023年2月29日").unwrap_err().is_no_such_date());
    }

    #[test]
    fn long_inputs_are_shortened_in_errors() {
        let long = "年".repeat(200);
        let err = find_fiscal_year(&long).unwrap_err();
        let kept = err.input().unwrap();
        assert_eq!(kept.chars().count(), QUOTE_MAX_CHARS + 1);
        assert!(kept.ends_with('…'));
    }

    #[test]
    fn fiscal_year_bounds() {
        assert!(FiscalYear::new(1948).unwrap_err().is_range());
        assert!(FiscalYear::new(10_000).is_err());
        assert!(FiscalYear::new(i32::MIN).is_err());
        assert_eq!(FiscalYear::new(1949), Ok(FiscalYear::MIN));
        assert_eq!(FiscalYear::new(9999), Ok(FiscalYear::MAX));
        assert_eq!(FiscalYear::MAX.end(), ymd(9999, 12, 31));
        assert_eq!(FiscalYear::MIN.start(), ymd(1949, 1, 1));
    }

    #[test]
    fn fiscal_year_from_str() {
        for s in [
            "2024",
            "2024年",
            "2024年度",
            "2024 年度",
            "2024 年 度",
            "２０２４年度",
        ] {
            assert_eq!(
                s.parse::<FiscalYear>().map(FiscalYear::year),
                Ok(2024),
                "{s}"
            );
        }
        for s in [
            "",
            "24",
            "20245",
            "2024度",
            "2024年度度",
            "年度",
            "2024年12月",
        ] {
            assert!(s.parse::<FiscalYear>().is_err(), "{s}");
        }
        assert_eq!(
            "1900年度".parse::<FiscalYear>().unwrap_err().to_string(),
            r#"expected a year from 1949 to 9999, but found 1900 in "1900年度""#
        );
    }

    #[test]
    fn fiscal_year_display_and_serde() {
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error as ValueError, I32Deserializer};

        let fy = FiscalYear::new(2024).unwrap();
        assert_eq!(format!("{fy:>6}"), "  2024");
        let de: I32Deserializer<ValueError> = 2024.into_deserializer();
        assert_eq!(FiscalYear::deserialize(de), Ok(fy));
        let de: I32Deserializer<ValueError> = 1800.into_deserializer();
        let err = FiscalYear::deserialize(de).unwrap_err();
        assert!(err.to_string().contains("1800"), "{err}");
    }

    #[test]
    fn balance_dates() {
        let d = ymd(2024, 12, 31);
        for s in [
            "截至 2024 年 12 月 31 日",
            "截止2024年12月31日",
            "截 至 2024 年 12 月 31 日，",
            "截至2024年末",
            "截至 2024 年底",
            "截至2024年度末",
            "截止到2024年12月31日止",
            "截至2024-12-31",
        ] {
            assert_eq!(parse_balance_date(s), Ok(d), "{s}");
        }
        assert_eq!(
            parse_balance_date("截至2025年6月30日"),
            Ok(ymd(2025, 6, 30))
        );
        let err = parse_balance_date("到2024年末").unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"expected "截至" or "截止", but found "到" in "到2024年末""#
        );
        assert!(parse_balance_date("截至2024年度").is_err());
        assert!(
            parse_balance_date("截至2024年2月30日")
                .unwrap_err()
                .is_no_such_date()
        );
        assert!(parse_balance_date("截至2024年12月31日，房屋").is_err());
    }

    #[test]
    fn fiscal_year_search() {
        let fy = |s: &str| find_fiscal_year(s).map(FiscalYear::year);
        assert_eq!(
            fy("新疆维吾尔自治区人力资源和社会保障厅2024年度部门决算"),
            Ok(2024)
        );
        assert_eq!(
            fy("新疆维吾尔自治区人力资源和社会保障厅 2024 年度"),
            Ok(2024)
        );
        assert_eq!(fy("2024年"), Ok(2024));
        assert_eq!(
            fy("2024年12月31日"),
            Err(DateError::NotFound {
                input: Arc::from("2024年12月31日"),
                expected: r#"a year such as "2024年度""#,
            })
        );
        assert_eq!(fy("2023年部门决算，2024年度"), Ok(2024));
        assert_eq!(
            fy("12024年度"),
            Err(DateError::NotFound {
                input: Arc::from("12024年度"),
                expected: r#"a year such as "2024年度""#,
            })
        );
        assert!(fy("1900年度").unwrap_err().is_range());
    }

    #[test]
    fn years_in_text() {
        let text = "与 2023 年度相比，２０２４年；2025-01-01；12345年；0.06 万元";
        let found: Vec<(usize, i32)> = years_in(text).collect();
        assert_eq!(found, vec![(4, 2023), (24, 2024)]);
        for (offset, year) in found {
            let tail = text.get(offset..).unwrap();
            let first = tail.chars().next().unwrap();
            assert!(digit_value(first).is_some());
            assert!(year >= 2023);
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = parse_date(&s);
            let _ = parse_balance_date(&s);
            let _ = find_fiscal_year(&s);
            let _ = s.parse::<FiscalYear>();
            for (offset, _) in years_in(&s) {
                prop_assert!(s.is_char_boundary(offset));
            }
        }

        #[test]
        fn iso_round_trip(days in 0i64..3_000_000) {
            let date = FiscalYear::MIN.start() + chrono::Duration::days(days);
            prop_assume!(date <= FiscalYear::MAX.end());
            let text = date.format("%Y-%m-%d").to_string();
            prop_assert_eq!(parse_date(&text), Ok(date));
        }
    }
}
