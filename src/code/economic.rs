//! 部门预算支出经济分类 codes.

use super::digits::Packed;
use super::{CodeError, CodeKind, CodeLevel};

/// A code of the 部门预算支出经济分类 (economic classification of department
/// budget expenditure): 类 `301` or 款 `30101`.
///
/// The first digit is always 3 (类 301 to 399; 301–313 and 399 are in use).
/// Codes order as the tables list them (`301 < 30101 < 30199 < 302`), and
/// text is read as leniently as for [`FunctionCode`](crate::code::FunctionCode).
///
/// ```
/// use juesuan::{code::CodeLevel, code::EconomicCode};
///
/// let code: EconomicCode = "302 01".parse()?;
/// assert_eq!(code.to_string(), "30201");
/// assert_eq!(code.level(), CodeLevel::Section);
/// assert_eq!(code.parent(), Some("302".parse()?));
///
/// assert!("3020101".parse::<EconomicCode>().is_err()); // no 项 level
/// # Ok::<(), juesuan::code::CodeError>(())
/// ```
#[doc(alias = "经济分类")]
#[doc(alias = "部门预算支出经济分类")]
#[doc(alias = "经济科目")]
#[doc(alias = "科目")]
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EconomicCode(Packed);

const KIND: CodeKind = CodeKind::Economic;

impl EconomicCode {
    /// Reads an economic code; the same as [`str::parse`].
    ///
    /// Surrounding whitespace and one pair of brackets are removed,
    /// full-width digits are read as digits, and whitespace or hyphens
    /// between digits are ignored.
    ///
    /// # Errors
    ///
    /// Returns a [`CodeError`] when the text holds no digits, a character
    /// that is neither a digit nor a separator, a number of digits other than
    /// 3 or 5, or does not start with 3 (类 301 to 399).
    ///
    /// ```
    /// use juesuan::code::EconomicCode;
    ///
    /// assert_eq!(EconomicCode::parse("［３０１０１］")?.to_string(), "30101");
    /// assert!(EconomicCode::parse("2080101").is_err());
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn parse(input: &str) -> Result<EconomicCode, CodeError> {
        Packed::parse(input, KIND).map(EconomicCode)
    }

    /// The level of the code: 类 (3 digits) or 款 (5).
    ///
    /// ```
    /// use juesuan::{code::CodeLevel, code::EconomicCode};
    /// assert_eq!(EconomicCode::parse("303")?.level(), CodeLevel::Class);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn level(self) -> CodeLevel {
        self.0.level()
    }

    /// The digits of the code as a number.
    ///
    /// ```
    /// use juesuan::code::EconomicCode;
    /// assert_eq!(EconomicCode::parse("30101")?.value(), 30101);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn value(self) -> u32 {
        self.0.value(KIND)
    }

    /// The 类 of a 款, or `None` for a 类.
    ///
    /// ```
    /// use juesuan::code::EconomicCode;
    /// assert_eq!(EconomicCode::parse("30101")?.parent(), Some(EconomicCode::parse("301")?));
    /// assert_eq!(EconomicCode::parse("301")?.parent(), None);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn parent(self) -> Option<EconomicCode> {
        self.0.parent(KIND).map(EconomicCode)
    }

    /// The 类 the code belongs to (itself for a 类).
    ///
    /// ```
    /// use juesuan::code::EconomicCode;
    /// assert_eq!(EconomicCode::parse("30217")?.class(), EconomicCode::parse("302")?);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    #[doc(alias = "类")]
    pub fn class(self) -> EconomicCode {
        EconomicCode(self.0.truncate(CodeLevel::Class, KIND))
    }

    /// Whether `self` is the parent of `other`. For economic codes this is
    /// the same as [`is_ancestor_of`](Self::is_ancestor_of).
    ///
    /// ```
    /// use juesuan::code::EconomicCode;
    /// assert!(EconomicCode::parse("302")?.is_parent_of(EconomicCode::parse("30201")?));
    /// assert!(!EconomicCode::parse("301")?.is_parent_of(EconomicCode::parse("30201")?));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn is_parent_of(self, other: EconomicCode) -> bool {
        other.parent() == Some(self)
    }

    /// Whether `self` is a strict ancestor of `other`. A code is not its own
    /// ancestor.
    ///
    /// ```
    /// use juesuan::code::EconomicCode;
    /// let class = EconomicCode::parse("302")?;
    /// assert!(class.is_ancestor_of(EconomicCode::parse("30201")?));
    /// assert!(!class.is_ancestor_of(class));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn is_ancestor_of(self, other: EconomicCode) -> bool {
        self.0.is_ancestor_of(other.0, KIND)
    }
}

super::impl_code_traits!(EconomicCode, CodeKind::Economic, economic_builtin);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_relates() {
        let code = EconomicCode::parse("30101").unwrap();
        assert_eq!(code.level(), CodeLevel::Section);
        assert_eq!(code.class().to_string(), "301");
        assert!(EconomicCode::parse("301").unwrap().is_parent_of(code));
        assert_eq!(
            EconomicCode::parse("3010101").unwrap_err().to_string(),
            r#"invalid economic code: expected 3 or 5 digits (类/款), but found 7 in "3010101""#
        );
        assert_eq!(
            EconomicCode::parse("501").unwrap_err().to_string(),
            r#"invalid economic code: expected a code starting with 3 (类 301 to 399), but found "501""#
        );
    }
}
