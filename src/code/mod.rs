//! Classification codes (科目) and their catalogs.
//!
//! Two classifications label the rows of a 部门决算:
//!
//! - [`FunctionCode`] (支出功能分类): what money is spent on, in three levels,
//!   类 `208` → 款 `20805` → 项 `2080505`.
//! - [`EconomicCode`] (部门预算支出经济分类): what kind of spending it is, in two
//!   levels, 类 `301` → 款 `30101`.
//!
//! Both are small `Copy` values validated when made; [`CodeLevel`] says which
//! level a code is at and [`CodeKind`] which classification it belongs to.
//!
//! A [`Catalog`] maps codes to names, remembering the fiscal years each name
//! was seen in, since names change (20805 was 行政事业单位离退休 until 2019 and
//! is 行政事业单位养老支出 since). The built-in catalogs
//! ([`Catalog::function`], [`Catalog::economic`]) are compiled from the data
//! files in `data/` (harvested from published budgets and final accounts;
//! see `data/README.md`). Users can load their own from CSV or TSV and merge
//! them in.
//!
//! ```
//! use juesuan::{code::Catalog, code::FunctionCode};
//!
//! let catalog = Catalog::function();
//! let code: FunctionCode = "2080104".parse()?;
//! assert_eq!(catalog.name(code), Some("综合业务管理"));
//! assert!(!catalog.has_name(code, "综合事务管理"));
//!
//! let path = "社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）";
//! assert_eq!(catalog.resolve_path(path)?.to_string(), "2080502");
//! # Ok::<(), juesuan::code::CodeError>(())
//! ```

/// Implements the traits both code types share, in terms of their inherent
/// `parse`, `value`, `level` and `parent`.
macro_rules! impl_code_traits {
    ($ty:ident, $kind:expr, $builtin:ident) => {
        impl std::str::FromStr for $ty {
            type Err = CodeError;

            fn from_str(input: &str) -> Result<$ty, CodeError> {
                $ty::parse(input)
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Display::fmt(&self.value(), f)
            }
        }

        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}({})", stringify!($ty), self.value())
            }
        }

        impl TryFrom<u32> for $ty {
            type Error = CodeError;

            fn try_from(value: u32) -> Result<$ty, CodeError> {
                Packed::from_number(value, $kind).map($ty)
            }
        }

        impl $ty {
            /// The code as one number in table order (see `Packed::ordinal`).
            pub(crate) fn ordinal(self) -> u32 {
                self.0.ordinal()
            }

            /// The code with this ordinal, if any.
            pub(crate) fn from_ordinal(ordinal: u32) -> Option<$ty> {
                Packed::from_ordinal(ordinal, $kind).map($ty)
            }
        }

        impl From<$ty> for u32 {
            fn from(code: $ty) -> u32 {
                code.value()
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                deserializer
                    .deserialize_str(crate::code::kind::CodeVisitor(std::marker::PhantomData))
            }
        }

        impl crate::code::ClassificationCode for $ty {
            const KIND: CodeKind = $kind;

            fn level(self) -> CodeLevel {
                $ty::level(self)
            }

            fn parent(self) -> Option<$ty> {
                $ty::parent(self)
            }

            fn builtin_catalog() -> &'static crate::code::Catalog<$ty> {
                crate::code::catalog::$builtin()
            }
        }
    };
}
use impl_code_traits;

mod catalog;
mod digits;
mod economic;
mod errors;
mod function;
mod kind;
mod load;

pub use catalog::{
    Catalog, CatalogEntry, CatalogName, EconomicCatalog, FunctionCatalog, normalize_code_name,
};
pub use economic::EconomicCode;
pub use errors::{CatalogError, CodeError};
pub use function::FunctionCode;
pub use kind::{ClassificationCode, CodeKind, CodeLevel};
