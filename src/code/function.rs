//! 支出功能分类 codes.

use super::digits::Packed;
use super::{CodeError, CodeKind, CodeLevel};

/// A code of the 支出功能分类 (expenditure function classification):
/// 类 `208`, 款 `20805` or 项 `2080505`.
///
/// The first digit is always 2 (类 201 to 299; 201–234 are in use). The value
/// is validated when it is made and cannot be malformed afterwards. Codes
/// order as the tables list them: a code comes right before its children,
/// so `208 < 20801 < 2080101 < 2080199 < 20805 < 210`.
///
/// Text is read leniently, as reports print it: `"2080101"`, `"208 01 01"`,
/// `"208-01-01"`, `"[2080101]"`, `"【2080101】"` and full-width digits
/// `"２０８０１０１"` all give the same code. [`Display`](std::fmt::Display)
/// and serde print the bare digits.
///
/// ```
/// use juesuan::{code::CodeLevel, code::FunctionCode};
///
/// let code: FunctionCode = "【２０８０５０２】".parse()?;
/// assert_eq!(code.to_string(), "2080502");
/// assert_eq!(code.level(), CodeLevel::Item);
/// assert_eq!(code.parent(), Some("20805".parse()?));
/// assert_eq!(code.class().to_string(), "208");
///
/// let err = FunctionCode::parse("208001").unwrap_err();
/// assert!(err.to_string().contains("expected 3, 5 or 7 digits (类/款/项), but found 6"));
/// # Ok::<(), juesuan::code::CodeError>(())
/// ```
#[doc(alias = "功能分类")]
#[doc(alias = "支出功能分类")]
#[doc(alias = "功能科目")]
#[doc(alias = "科目")]
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FunctionCode(Packed);

const KIND: CodeKind = CodeKind::Function;

impl FunctionCode {
    /// Reads a function code; the same as [`str::parse`].
    ///
    /// Surrounding whitespace and one pair of brackets (`[]`, `【】`, `()`,
    /// `（）`, `［］`, `〔〕`) are removed, full-width digits are read as
    /// digits, and whitespace or hyphens between digits are ignored.
    ///
    /// # Errors
    ///
    /// Returns a [`CodeError`] when the text holds no digits, a character
    /// that is neither a digit nor a separator, a number of digits other than
    /// 3, 5 or 7, or does not start with 2 (类 201 to 299).
    ///
    /// ```
    /// use juesuan::code::FunctionCode;
    ///
    /// assert_eq!(FunctionCode::parse("208 05 02")?.to_string(), "2080502");
    /// assert!(FunctionCode::parse("1080101").is_err());
    /// assert!(FunctionCode::parse("20a0101").is_err());
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn parse(input: &str) -> Result<FunctionCode, CodeError> {
        Packed::parse(input, KIND).map(FunctionCode)
    }

    /// The level of the code: 类 (3 digits), 款 (5) or 项 (7).
    ///
    /// ```
    /// use juesuan::{code::CodeLevel, code::FunctionCode};
    /// assert_eq!(FunctionCode::parse("20805")?.level(), CodeLevel::Section);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn level(self) -> CodeLevel {
        self.0.level()
    }

    /// The digits of the code as a number.
    ///
    /// ```
    /// use juesuan::code::FunctionCode;
    /// assert_eq!(FunctionCode::parse("208 05 02")?.value(), 2080502);
    /// assert_eq!(FunctionCode::parse("208")?.value(), 208);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn value(self) -> u32 {
        self.0.value(KIND)
    }

    /// The first ordinal after this code's subtree (see `Packed::subtree_end`).
    pub(crate) fn subtree_end(self) -> u32 {
        self.0.subtree_end(KIND)
    }

    /// The code one level up: the 款 of a 项, the 类 of a 款, `None` for a 类.
    ///
    /// ```
    /// use juesuan::code::FunctionCode;
    /// let item = FunctionCode::parse("2080502")?;
    /// assert_eq!(item.parent(), Some(FunctionCode::parse("20805")?));
    /// assert_eq!(FunctionCode::parse("208")?.parent(), None);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn parent(self) -> Option<FunctionCode> {
        self.0.parent(KIND).map(FunctionCode)
    }

    /// The 类 the code belongs to (itself for a 类).
    ///
    /// ```
    /// use juesuan::code::FunctionCode;
    /// assert_eq!(FunctionCode::parse("2101101")?.class(), FunctionCode::parse("210")?);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    #[doc(alias = "类")]
    pub fn class(self) -> FunctionCode {
        FunctionCode(self.0.truncate(CodeLevel::Class, KIND))
    }

    /// The 款 the code belongs to (itself for a 款), or `None` for a 类.
    ///
    /// ```
    /// use juesuan::code::FunctionCode;
    /// assert_eq!(FunctionCode::parse("2101101")?.section(), Some(FunctionCode::parse("21011")?));
    /// assert_eq!(FunctionCode::parse("210")?.section(), None);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    #[doc(alias = "款")]
    pub fn section(self) -> Option<FunctionCode> {
        (self.level() >= CodeLevel::Section)
            .then(|| FunctionCode(self.0.truncate(CodeLevel::Section, KIND)))
    }

    /// The ancestors of the code from its parent up to its 类.
    ///
    /// ```
    /// use juesuan::code::FunctionCode;
    /// let chain: Vec<String> = FunctionCode::parse("2080502")?
    ///     .ancestors()
    ///     .map(|c| c.to_string())
    ///     .collect();
    /// assert_eq!(chain, ["20805", "208"]);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn ancestors(self) -> impl Iterator<Item = FunctionCode> {
        std::iter::successors(self.parent(), |code| code.parent())
    }

    /// Whether `self` is the parent of `other` (one level up, same prefix).
    ///
    /// ```
    /// use juesuan::code::FunctionCode;
    /// let section = FunctionCode::parse("20805")?;
    /// assert!(section.is_parent_of(FunctionCode::parse("2080502")?));
    /// assert!(!section.is_parent_of(FunctionCode::parse("2080101")?));
    /// assert!(!FunctionCode::parse("208")?.is_parent_of(FunctionCode::parse("2080502")?));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn is_parent_of(self, other: FunctionCode) -> bool {
        other.parent() == Some(self)
    }

    /// Whether `self` is a strict ancestor of `other`: its parent, or the
    /// parent of its parent. A code is not its own ancestor.
    ///
    /// ```
    /// use juesuan::code::FunctionCode;
    /// let class = FunctionCode::parse("208")?;
    /// assert!(class.is_ancestor_of(FunctionCode::parse("2080502")?));
    /// assert!(!class.is_ancestor_of(class));
    /// assert!(!class.is_ancestor_of(FunctionCode::parse("2101101")?));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn is_ancestor_of(self, other: FunctionCode) -> bool {
        self.0.is_ancestor_of(other.0, KIND)
    }
}

super::impl_code_traits!(FunctionCode, CodeKind::Function, function_builtin);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_spellings() {
        let expected = FunctionCode::parse("2080101").unwrap();
        for text in [
            "2080101",
            " 2080101 ",
            "208 01 01",
            "208-01-01",
            "[2080101]",
            "【2080101】",
            "（2080101）",
            "２０８０１０１",
            "【２０８ ０１ ０１】",
            "2080 101",
        ] {
            assert_eq!(FunctionCode::parse(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn error_messages() {
        let cases = [
            (
                "208001",
                r#"invalid function code: expected 3, 5 or 7 digits (类/款/项), but found 6 in "208001""#,
            ),
            (
                "",
                r#"invalid function code: expected 3, 5 or 7 digits (类/款/项), but found no digits in """#,
            ),
            (
                "20a0101",
                r#"invalid function code: expected digits, but found 'a' in "20a0101""#,
            ),
            (
                "1080101",
                r#"invalid function code: expected a code starting with 2 (类 201 to 299), but found "1080101""#,
            ),
            (
                "200",
                r#"invalid function code: expected a code starting with 2 (类 201 to 299), but found "200""#,
            ),
        ];
        for (input, message) in cases {
            assert_eq!(FunctionCode::parse(input).unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn levels_and_relations() {
        let item = FunctionCode::parse("2080502").unwrap();
        let section = item.parent().unwrap();
        let class = section.parent().unwrap();
        assert_eq!(section.to_string(), "20805");
        assert_eq!(class.to_string(), "208");
        assert_eq!(item.section(), Some(section));
        assert_eq!(section.section(), Some(section));
        assert_eq!(item.class(), class);
        assert!(class.is_ancestor_of(item));
        assert!(class.is_parent_of(section));
        assert!(!item.is_ancestor_of(class));
    }

    #[test]
    fn conversions_and_serde() {
        let code = FunctionCode::try_from(2080101u32).unwrap();
        assert_eq!(u32::from(code), 2080101);
        assert!(FunctionCode::try_from(208001u32).is_err());
        assert_eq!(format!("{code:?}"), "FunctionCode(2080101)");
        assert_eq!(format!("{code:>9}"), "  2080101");
    }
}
