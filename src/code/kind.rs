//! What every classification code shares: its level (类/款/项), the
//! classification it belongs to, and the sealed [`ClassificationCode`] trait
//! that lets [`Catalog`] work with both kinds of code.

use std::fmt;
use std::hash::Hash;
use std::marker::PhantomData;
use std::str::FromStr;

use super::{Catalog, CodeError};

/// The level of a code in its classification: 类, 款 or 项.
///
/// A 类 (class) has 3 digits, a 款 (section) 5 and a 项 (item) 7; each level
/// extends its parent by two digits. Function codes use all three levels,
/// economic codes only 类 and 款. Levels order from the top down, so
/// `Class < Section < Item`.
///
/// ```
/// use juesuan::{code::CodeLevel, code::FunctionCode};
///
/// let code: FunctionCode = "2080505".parse()?;
/// assert_eq!(code.level(), CodeLevel::Item);
/// assert_eq!(code.level().to_string(), "项");
/// assert!(CodeLevel::Class < CodeLevel::Item);
/// # Ok::<(), juesuan::code::CodeError>(())
/// ```
#[doc(alias = "类")]
#[doc(alias = "款")]
#[doc(alias = "项")]
#[doc(alias = "级次")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CodeLevel {
    /// 类: the top level, 3 digits (`208` 社会保障和就业支出).
    #[doc(alias = "类")]
    Class,
    /// 款: the middle level, 5 digits (`20805` 行政事业单位养老支出).
    #[doc(alias = "款")]
    Section,
    /// 项: the bottom level, 7 digits (`2080505` 机关事业单位基本养老保险缴费支出).
    #[doc(alias = "项")]
    Item,
}

impl CodeLevel {
    /// How many digits a code of this level has: 3, 5 or 7.
    ///
    /// ```
    /// use juesuan::code::CodeLevel;
    /// assert_eq!(CodeLevel::Class.digits(), 3);
    /// assert_eq!(CodeLevel::Section.digits(), 5);
    /// assert_eq!(CodeLevel::Item.digits(), 7);
    /// ```
    pub const fn digits(self) -> usize {
        match self {
            CodeLevel::Class => 3,
            CodeLevel::Section => 5,
            CodeLevel::Item => 7,
        }
    }

    /// The Chinese label of the level: `"类"`, `"款"` or `"项"`.
    ///
    /// ```
    /// use juesuan::code::CodeLevel;
    /// assert_eq!(CodeLevel::Section.label(), "款");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            CodeLevel::Class => "类",
            CodeLevel::Section => "款",
            CodeLevel::Item => "项",
        }
    }

    /// The level above this one, or `None` for 类.
    ///
    /// ```
    /// use juesuan::code::CodeLevel;
    /// assert_eq!(CodeLevel::Item.parent(), Some(CodeLevel::Section));
    /// assert_eq!(CodeLevel::Class.parent(), None);
    /// ```
    pub const fn parent(self) -> Option<CodeLevel> {
        match self {
            CodeLevel::Class => None,
            CodeLevel::Section => Some(CodeLevel::Class),
            CodeLevel::Item => Some(CodeLevel::Section),
        }
    }

    /// The level below this one, or `None` for 项.
    ///
    /// Economic codes stop at 款 even though this returns `Some(Item)` for
    /// 款; see [`CodeKind::deepest`].
    ///
    /// ```
    /// use juesuan::code::CodeLevel;
    /// assert_eq!(CodeLevel::Class.child(), Some(CodeLevel::Section));
    /// assert_eq!(CodeLevel::Item.child(), None);
    /// ```
    pub const fn child(self) -> Option<CodeLevel> {
        match self {
            CodeLevel::Class => Some(CodeLevel::Section),
            CodeLevel::Section => Some(CodeLevel::Item),
            CodeLevel::Item => None,
        }
    }

    /// The level with this many digits.
    pub(crate) const fn from_digits(digits: usize) -> Option<CodeLevel> {
        match digits {
            3 => Some(CodeLevel::Class),
            5 => Some(CodeLevel::Section),
            7 => Some(CodeLevel::Item),
            _ => None,
        }
    }

    /// Reads a level column of a catalog file: `类`/`款`/`项` or the English
    /// names, in any case.
    pub(crate) fn from_label(label: &str) -> Option<CodeLevel> {
        match label.trim().to_ascii_lowercase().as_str() {
            "类" | "class" => Some(CodeLevel::Class),
            "款" | "section" => Some(CodeLevel::Section),
            "项" | "item" => Some(CodeLevel::Item),
            _ => None,
        }
    }
}

impl fmt::Display for CodeLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.label())
    }
}

/// Which classification a code belongs to.
///
/// ```
/// use juesuan::{code::ClassificationCode, code::CodeKind, code::EconomicCode, code::FunctionCode};
///
/// assert_eq!(FunctionCode::KIND, CodeKind::Function);
/// assert_eq!(EconomicCode::KIND.to_string(), "economic code");
/// assert_eq!(CodeKind::Function.label(), "支出功能分类");
/// ```
#[doc(alias = "分类")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum CodeKind {
    /// 支出功能分类: what the money is spent on (`2080101` 行政运行).
    #[doc(alias = "功能分类")]
    #[doc(alias = "支出功能分类")]
    Function,
    /// 部门预算支出经济分类: what kind of spending it is (`30101` 基本工资).
    #[doc(alias = "经济分类")]
    #[doc(alias = "部门预算支出经济分类")]
    Economic,
}

impl CodeKind {
    /// The deepest level codes of this kind have: 项 for function codes, 款
    /// for economic codes.
    ///
    /// ```
    /// use juesuan::{code::CodeKind, code::CodeLevel};
    /// assert_eq!(CodeKind::Function.deepest(), CodeLevel::Item);
    /// assert_eq!(CodeKind::Economic.deepest(), CodeLevel::Section);
    /// ```
    pub const fn deepest(self) -> CodeLevel {
        match self {
            CodeKind::Function => CodeLevel::Item,
            CodeKind::Economic => CodeLevel::Section,
        }
    }

    /// The official Chinese name of the classification.
    ///
    /// ```
    /// use juesuan::code::CodeKind;
    /// assert_eq!(CodeKind::Economic.label(), "部门预算支出经济分类");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            CodeKind::Function => "支出功能分类",
            CodeKind::Economic => "部门预算支出经济分类",
        }
    }

    /// The first digit every code of this kind starts with.
    pub(crate) const fn first_digit(self) -> u32 {
        match self {
            CodeKind::Function => 2,
            CodeKind::Economic => 3,
        }
    }

    /// The digit counts codes of this kind may have, for error messages.
    pub(crate) const fn expected_digits(self) -> &'static str {
        match self {
            CodeKind::Function => "3, 5 or 7 digits (类/款/项)",
            CodeKind::Economic => "3 or 5 digits (类/款)",
        }
    }

    /// The class range codes of this kind may have, for error messages.
    pub(crate) const fn expected_class(self) -> &'static str {
        match self {
            CodeKind::Function => "a code starting with 2 (类 201 to 299)",
            CodeKind::Economic => "a code starting with 3 (类 301 to 399)",
        }
    }
}

impl fmt::Display for CodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            CodeKind::Function => "function code",
            CodeKind::Economic => "economic code",
        })
    }
}

mod sealed {
    /// Keeps [`ClassificationCode`](super::ClassificationCode) implemented
    /// only by this crate's code types.
    pub trait Sealed {}
    impl Sealed for crate::code::FunctionCode {}
    impl Sealed for crate::code::EconomicCode {}
}

/// A code of one of the budget classifications: [`FunctionCode`] or
/// [`EconomicCode`].
///
/// The trait is sealed: it exists so that [`Catalog`] and user code can be
/// generic over the two kinds of code, not to be implemented elsewhere. Both
/// types have inherent methods of the same names, so the trait only needs to
/// be imported for generic code.
///
/// [`FunctionCode`]: crate::code::FunctionCode
/// [`EconomicCode`]: crate::code::EconomicCode
///
/// ```
/// use juesuan::{code::ClassificationCode, code::CodeLevel, code::EconomicCode, code::FunctionCode};
///
/// fn depth<C: ClassificationCode>(code: C) -> usize {
///     std::iter::successors(Some(code), |c| ClassificationCode::parent(*c)).count()
/// }
/// assert_eq!(depth("2080101".parse::<FunctionCode>()?), 3);
/// assert_eq!(depth("30101".parse::<EconomicCode>()?), 2);
/// # Ok::<(), juesuan::code::CodeError>(())
/// ```
#[doc(alias = "科目")]
pub trait ClassificationCode:
    sealed::Sealed
    + Copy
    + Eq
    + Ord
    + Hash
    + fmt::Debug
    + fmt::Display
    + FromStr<Err = CodeError>
    + Send
    + Sync
    + 'static
{
    /// The classification this type belongs to.
    ///
    /// ```
    /// use juesuan::{code::ClassificationCode, code::CodeKind, code::FunctionCode};
    /// assert_eq!(FunctionCode::KIND, CodeKind::Function);
    /// ```
    const KIND: CodeKind;

    /// The level of the code (类, 款 or 项).
    ///
    /// ```
    /// use juesuan::{code::ClassificationCode, code::CodeLevel, code::EconomicCode};
    /// let code: EconomicCode = "302".parse()?;
    /// assert_eq!(ClassificationCode::level(code), CodeLevel::Class);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    fn level(self) -> CodeLevel;

    /// The code one level up, or `None` for a 类.
    ///
    /// ```
    /// use juesuan::{code::ClassificationCode, code::FunctionCode};
    /// let code: FunctionCode = "20805".parse()?;
    /// assert_eq!(ClassificationCode::parent(code), Some("208".parse()?));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    fn parent(self) -> Option<Self>;

    /// The catalog compiled into the crate for this kind of code.
    ///
    /// ```
    /// use juesuan::{code::ClassificationCode, code::EconomicCode};
    /// let catalog = EconomicCode::builtin_catalog();
    /// assert_eq!(catalog.name("30101".parse()?), Some("基本工资"));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    fn builtin_catalog() -> &'static Catalog<Self>;
}

/// Whether `ancestor` is a strict ancestor of `code` (parent, grandparent…).
pub(crate) fn is_ancestor<C: ClassificationCode>(ancestor: C, code: C) -> bool {
    std::iter::successors(code.parent(), |c| c.parent()).any(|c| c == ancestor)
}

/// Serde visitor shared by both code types: reads the digit string with the
/// same validation as [`FromStr`].
pub(crate) struct CodeVisitor<C>(pub(crate) PhantomData<C>);

impl<C: ClassificationCode> serde::de::Visitor<'_> for CodeVisitor<C> {
    type Value = C;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} written as {}", C::KIND, C::KIND.expected_digits())
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<C, E> {
        value.parse().map_err(E::custom)
    }
}
