//! Catalogs: code → name, with the fiscal years each name was seen in.

use std::fmt;
use std::io::Read;
use std::sync::LazyLock;

use super::digits::is_space;
use super::errors::kept;
use super::kind::is_ancestor;
use super::load::{self, Separator};
use super::{CatalogError, ClassificationCode, CodeError, CodeLevel, EconomicCode, FunctionCode};

/// A catalog of [`FunctionCode`]s (支出功能分类科目).
///
/// ```
/// use juesuan::{code::FunctionCatalog, code::FunctionCode};
/// let catalog: &FunctionCatalog = FunctionCatalog::function();
/// assert_eq!(catalog.name("221".parse()?), Some("住房保障支出"));
/// # Ok::<(), juesuan::code::CodeError>(())
/// ```
#[doc(alias = "功能分类科目")]
pub type FunctionCatalog = Catalog<FunctionCode>;

/// A catalog of [`EconomicCode`]s (部门预算支出经济分类科目).
///
/// ```
/// use juesuan::{code::EconomicCatalog, code::EconomicCode};
/// let catalog: &EconomicCatalog = EconomicCatalog::economic();
/// assert_eq!(catalog.name("302".parse()?), Some("商品和服务支出"));
/// # Ok::<(), juesuan::code::CodeError>(())
/// ```
#[doc(alias = "经济分类科目")]
pub type EconomicCatalog = Catalog<EconomicCode>;

static FUNCTION: LazyLock<FunctionCatalog> = LazyLock::new(|| {
    builtin(
        include_str!("../../data/function-codes.tsv"),
        include_str!("../../data/function-code-variants.tsv"),
    )
    .unwrap_or_default()
});

static ECONOMIC: LazyLock<EconomicCatalog> = LazyLock::new(|| {
    builtin(
        include_str!("../../data/economic-codes.tsv"),
        include_str!("../../data/economic-code-variants.tsv"),
    )
    .unwrap_or_default()
});

pub(crate) fn function_builtin() -> &'static FunctionCatalog {
    &FUNCTION
}

pub(crate) fn economic_builtin() -> &'static EconomicCatalog {
    &ECONOMIC
}

/// Builds a built-in catalog from its main file and its variants file.
///
/// The data files are tested to load; should they ever fail, the built-in
/// catalog is empty rather than a panic.
fn builtin<C: ClassificationCode>(main: &str, variants: &str) -> Result<Catalog<C>, CatalogError> {
    let mut catalog: Catalog<C> = load::read(main.as_bytes(), Some(Separator::Tab))?;
    let variants: Catalog<C> = load::read(variants.as_bytes(), Some(Separator::Tab))?;
    for entry in variants.entries {
        let code = entry.code;
        for name in std::iter::once(entry.main).chain(entry.variants) {
            catalog.add_name(code, name, false);
        }
    }
    Ok(catalog)
}

/// Normalises a name for comparison: removes whitespace (including the
/// ideographic space and zero-width spaces PDF extraction leaves) and
/// quotation marks, and makes parentheses full-width.
///
/// Catalog lookups by name compare names normalised this way, so
/// `"维修(护)费"` matches `"维修（护）费"` and `"行政 运行"` matches `"行政运行"`.
///
/// ```
/// use juesuan::code::normalize_code_name;
/// assert_eq!(normalize_code_name(" 因公出国(境)费 "), "因公出国（境）费");
/// assert_eq!(normalize_code_name("事业单 位离\u{3000}退休"), "事业单位离退休");
/// ```
#[doc(alias = "名称规范化")]
pub fn normalize_code_name(name: &str) -> String {
    // Sized once (a name grows by at most 2 bytes a character, `(` → `（`): collecting
    // characters one by one would grow the string several times.
    let mut out = String::with_capacity(name.len() + name.len() / 2);
    out.extend(name.chars().filter_map(|c| match c {
        '(' => Some('（'),
        ')' => Some('）'),
        '"' | '\'' | '“' | '”' | '‘' | '’' => None,
        c if is_space(c) => None,
        c => Some(c),
    }));
    out
}

/// A name a catalog knows for a code, with the fiscal years it was seen in.
///
/// An empty year list means the years are not known (as for names added
/// with [`Catalog::insert`]).
///
/// ```
/// use juesuan::{code::Catalog, code::FunctionCode};
///
/// let entry = Catalog::function().get("20805".parse()?).unwrap();
/// let old = &entry.variants()[0];
/// assert_eq!(old.as_str(), "行政事业单位离退休");
/// assert_eq!(old.years(), [2017, 2018, 2019]);
/// assert!(old.seen_in(2018));
/// # Ok::<(), juesuan::code::CodeError>(())
/// ```
#[doc(alias = "科目名称")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogName {
    text: Box<str>,
    key: Box<str>,
    years: Vec<i32>,
}

impl CatalogName {
    pub(crate) fn new(text: &str, years: impl IntoIterator<Item = i32>) -> CatalogName {
        let text = text.trim_matches(is_space);
        let mut name = CatalogName {
            text: text.into(),
            key: normalize_code_name(text).into(),
            years: Vec::new(),
        };
        name.add_years(years);
        name
    }

    /// The name as given.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let entry = Catalog::economic().get("30101".parse()?).unwrap();
    /// assert_eq!(entry.main_name().as_str(), "基本工资");
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The fiscal years the name was seen in, ascending; empty if unknown.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let entry = Catalog::function().get("2080104".parse()?).unwrap();
    /// assert_eq!(entry.main_name().years(), [2020, 2026]);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn years(&self) -> &[i32] {
        &self.years
    }

    /// Whether the name was recorded for `year`.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let entry = Catalog::function().get("20805".parse()?).unwrap();
    /// assert!(entry.main_name().seen_in(2024));
    /// assert!(!entry.main_name().seen_in(2017));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn seen_in(&self, year: impl Into<i32>) -> bool {
        self.years.binary_search(&year.into()).is_ok()
    }

    /// Whether `name` is this name once both are normalised with
    /// [`normalize_code_name`].
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let entry = Catalog::economic().get("30213".parse()?).unwrap();
    /// assert!(entry.main_name().matches("维修(护)费"));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn matches(&self, name: &str) -> bool {
        *self.key == *normalize_code_name(name)
    }

    /// The name as [`normalize_code_name`] leaves it.
    pub(crate) fn key(&self) -> &str {
        &self.key
    }

    fn add_years(&mut self, years: impl IntoIterator<Item = i32>) {
        self.years.extend(years);
        self.years.sort_unstable();
        self.years.dedup();
    }
}

impl fmt::Display for CatalogName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.text)
    }
}

/// A code with its main name and the other names it has been published
/// under.
///
/// ```
/// use juesuan::{code::CatalogEntry, code::FunctionCode};
///
/// let entry = CatalogEntry::new(FunctionCode::parse("20805")?, "行政事业单位养老支出")
///     .with_years([2021, 2024])
///     .with_variant("行政事业单位离退休", [2017, 2018, 2019]);
/// assert_eq!(entry.name(), "行政事业单位养老支出");
/// assert_eq!(entry.name_in(2018), "行政事业单位离退休");
/// assert!(entry.has_name("行政事业单位 离退休"));
/// # Ok::<(), juesuan::code::CodeError>(())
/// ```
#[doc(alias = "科目")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogEntry<C> {
    code: C,
    main: CatalogName,
    variants: Vec<CatalogName>,
}

impl<C: ClassificationCode> CatalogEntry<C> {
    /// An entry for `code` with main name `name` and no known years.
    ///
    /// ```
    /// use juesuan::{code::CatalogEntry, code::EconomicCode};
    /// let entry = CatalogEntry::new(EconomicCode::parse("30101")?, "基本工资");
    /// assert_eq!(entry.name(), "基本工资");
    /// assert!(entry.main_name().years().is_empty());
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn new(code: C, name: &str) -> CatalogEntry<C> {
        CatalogEntry {
            code,
            main: CatalogName::new(name, []),
            variants: Vec::new(),
        }
    }

    /// Adds fiscal years in which the main name was seen.
    ///
    /// ```
    /// use juesuan::{code::CatalogEntry, code::EconomicCode};
    /// let entry = CatalogEntry::new(EconomicCode::parse("30101")?, "基本工资").with_years([2024, 2023]);
    /// assert_eq!(entry.main_name().years(), [2023, 2024]);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn with_years(mut self, years: impl IntoIterator<Item = i32>) -> CatalogEntry<C> {
        self.main.add_years(years);
        self
    }

    /// Adds another name the code has been published under, with the years
    /// it was seen in. A name equal to one already known (after
    /// normalisation) only adds its years.
    ///
    /// ```
    /// use juesuan::{code::CatalogEntry, code::EconomicCode};
    /// let entry = CatalogEntry::new(EconomicCode::parse("303")?, "对个人和家庭的补助")
    ///     .with_variant("对个人和家庭补助", [2026]);
    /// assert_eq!(entry.variants().len(), 1);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn with_variant(
        mut self,
        name: &str,
        years: impl IntoIterator<Item = i32>,
    ) -> CatalogEntry<C> {
        self.add(CatalogName::new(name, years), false);
        self
    }

    /// The code.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let entry = Catalog::function().classes().next().unwrap();
    /// assert_eq!(entry.code().to_string(), "201");
    /// ```
    pub fn code(&self) -> C {
        self.code
    }

    /// The level of the code.
    ///
    /// ```
    /// use juesuan::{code::Catalog, code::CodeLevel};
    /// let entry = Catalog::function().get("2080101".parse()?).unwrap();
    /// assert_eq!(entry.level(), CodeLevel::Item);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn level(&self) -> CodeLevel {
        self.code.level()
    }

    /// The main name: the one in current use.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let entry = Catalog::function().get("210".parse()?).unwrap();
    /// assert_eq!(entry.name(), "卫生健康支出");
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn name(&self) -> &str {
        self.main.as_str()
    }

    /// The main name with its years.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let entry = Catalog::function().get("210".parse()?).unwrap();
    /// assert!(entry.main_name().seen_in(2024));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn main_name(&self) -> &CatalogName {
        &self.main
    }

    /// The other names the code has been published under.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let entry = Catalog::function().get("20805".parse()?).unwrap();
    /// assert_eq!(entry.variants()[0].as_str(), "行政事业单位离退休");
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn variants(&self) -> &[CatalogName] {
        &self.variants
    }

    /// All names, main name first.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let entry = Catalog::function().get("20805".parse()?).unwrap();
    /// let names: Vec<&str> = entry.names().map(|n| n.as_str()).collect();
    /// assert_eq!(names, ["行政事业单位养老支出", "行政事业单位离退休"]);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &CatalogName> {
        std::iter::once(&self.main).chain(&self.variants)
    }

    /// The name the code had in fiscal `year`: the main name if it was seen
    /// that year, else the first other name seen that year, else the main
    /// name.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let entry = Catalog::function().get("20805".parse()?).unwrap();
    /// assert_eq!(entry.name_in(2024), "行政事业单位养老支出");
    /// assert_eq!(entry.name_in(2018), "行政事业单位离退休");
    /// assert_eq!(entry.name_in(2030), "行政事业单位养老支出");
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn name_in(&self, year: impl Into<i32>) -> &str {
        let year = year.into();
        if self.main.seen_in(year) {
            return self.main.as_str();
        }
        self.variants
            .iter()
            .find(|name| name.seen_in(year))
            .unwrap_or(&self.main)
            .as_str()
    }

    /// Whether `name` is the main name or one of the other names, after
    /// normalising both with [`normalize_code_name`].
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let entry = Catalog::function().get("2080104".parse()?).unwrap();
    /// assert!(entry.has_name("综合业务 管理"));
    /// assert!(!entry.has_name("综合事务管理"));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn has_name(&self, name: &str) -> bool {
        // A name as the catalog writes it needs no normalising (the audit
        // asks this for every name a report states).
        self.has_key(name) || self.has_key(&normalize_code_name(name))
    }

    fn has_key(&self, key: &str) -> bool {
        self.names().any(|name| *name.key == *key)
    }

    /// Adds a name; `as_main` makes it the main name (the old main name
    /// becomes the first variant).
    fn add(&mut self, name: CatalogName, as_main: bool) {
        if self.main.key == name.key {
            self.main.add_years(name.years);
            return;
        }
        if let Some(pos) = self.variants.iter().position(|v| v.key == name.key) {
            if let Some(variant) = self.variants.get_mut(pos) {
                variant.add_years(name.years);
            }
            if as_main {
                let promoted = self.variants.remove(pos);
                let old = std::mem::replace(&mut self.main, promoted);
                self.variants.insert(0, old);
            }
            return;
        }
        if as_main {
            let old = std::mem::replace(&mut self.main, name);
            self.variants.insert(0, old);
        } else {
            self.variants.push(name);
        }
    }
}

/// Codes and their names, per fiscal year: a 科目 catalog.
///
/// A catalog holds one [`CatalogEntry`] per code, in code order. Use the
/// built-in catalogs ([`Catalog::function`], [`Catalog::economic`]), load
/// your own ([`Catalog::from_reader`]) or extend a copy of a built-in one.
///
/// The built-in catalogs come from `data/*.tsv`, harvested from published
/// budgets and final accounts (mostly 2026 budgets; see `data/README.md`).
/// They list only codes seen in those documents, so a code missing from them
/// may still be valid.
///
/// ```
/// use juesuan::{code::Catalog, code::FunctionCode};
///
/// let catalog = Catalog::function();
/// let section = catalog.child_named(catalog.class_named("社会保障和就业支出").unwrap(), "行政事业单位养老支出");
/// assert_eq!(section, Some(FunctionCode::parse("20805")?));
/// assert_eq!(catalog.name_in(FunctionCode::parse("20805")?, 2018), Some("行政事业单位离退休"));
///
/// let mut mine = catalog.clone();
/// mine.insert(FunctionCode::parse("2089950")?, "某项新增支出");
/// assert!(mine.contains(FunctionCode::parse("2089950")?));
/// # Ok::<(), juesuan::code::CodeError>(())
/// ```
#[doc(alias = "科目表")]
#[doc(alias = "目录")]
#[doc(alias = "政府收支分类科目")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog<C> {
    entries: Vec<CatalogEntry<C>>,
}

impl<C> Default for Catalog<C> {
    fn default() -> Catalog<C> {
        Catalog {
            entries: Vec::new(),
        }
    }
}

impl Catalog<FunctionCode> {
    /// The built-in catalog of function codes (支出功能分类).
    ///
    /// It is parsed once, on first use.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// assert!(Catalog::function().len() > 700);
    /// ```
    #[doc(alias = "功能分类")]
    pub fn function() -> &'static Catalog<FunctionCode> {
        function_builtin()
    }
}

impl Catalog<EconomicCode> {
    /// The built-in catalog of economic codes (部门预算支出经济分类).
    ///
    /// It is parsed once, on first use.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// assert_eq!(Catalog::economic().name("303".parse()?), Some("对个人和家庭的补助"));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    #[doc(alias = "经济分类")]
    pub fn economic() -> &'static Catalog<EconomicCode> {
        economic_builtin()
    }
}

impl<C: ClassificationCode> Catalog<C> {
    /// An empty catalog.
    ///
    /// ```
    /// use juesuan::code::FunctionCatalog;
    /// assert!(FunctionCatalog::new().is_empty());
    /// ```
    pub fn new() -> Catalog<C> {
        Catalog::default()
    }

    /// The built-in catalog for codes of type `C`; the same as
    /// [`Catalog::function`] or [`Catalog::economic`].
    ///
    /// ```
    /// use juesuan::{code::Catalog, code::EconomicCode};
    /// assert!(std::ptr::eq(Catalog::<EconomicCode>::builtin(), Catalog::economic()));
    /// ```
    pub fn builtin() -> &'static Catalog<C> {
        C::builtin_catalog()
    }

    /// Loads a catalog from CSV or TSV text, detected from the header: a
    /// header with a tab is read as TSV, otherwise one with a comma as CSV.
    ///
    /// The header names the columns; `code` and `name` are required (also
    /// accepted: `编码`/`代码`/`科目编码` and `名称`/`科目名称`), `level`
    /// (`类`/`款`/`项`) and `years_seen` (years separated by commas,
    /// semicolons or spaces) are optional, and other columns are ignored.
    /// Blank lines and lines starting with `#` are skipped. CSV fields may be
    /// double-quoted. When a code appears on several rows, its first row
    /// gives the main name and later rows other names.
    ///
    /// # Errors
    ///
    /// Returns a [`CatalogError`] naming the line, column and what was
    /// expected when the header lacks a code or name column, a row has the
    /// wrong number of fields, a code is malformed, a name is empty, a level
    /// does not match its code, or a year is not four digits; or when the
    /// reader fails or the text is not UTF-8.
    ///
    /// ```
    /// use juesuan::{code::FunctionCatalog, code::FunctionCode};
    ///
    /// let csv = "code,name,years_seen\n208,社会保障和就业支出,\"2023,2024\"\n2089950,某项新增支出,2024\n";
    /// let catalog = FunctionCatalog::from_reader(csv.as_bytes())?;
    /// assert_eq!(catalog.len(), 2);
    /// assert_eq!(catalog.name(FunctionCode::parse("2089950")?), Some("某项新增支出"));
    /// # Ok::<(), juesuan::Error>(())
    /// ```
    pub fn from_reader<R: Read>(reader: R) -> Result<Catalog<C>, CatalogError> {
        load::read(reader, None)
    }

    /// Loads a catalog from tab-separated text; see
    /// [`from_reader`](Self::from_reader) for the columns.
    ///
    /// # Errors
    ///
    /// As [`from_reader`](Self::from_reader); a header without a tab is an
    /// error.
    ///
    /// ```
    /// use juesuan::{code::EconomicCatalog, code::EconomicCode};
    ///
    /// let tsv = "code\tname\tlevel\n302\t商品和服务支出\t类\n30201\t办公费\t款\n";
    /// let catalog = EconomicCatalog::from_tsv_reader(tsv.as_bytes())?;
    /// assert_eq!(catalog.name(EconomicCode::parse("30201")?), Some("办公费"));
    /// # Ok::<(), juesuan::Error>(())
    /// ```
    pub fn from_tsv_reader<R: Read>(reader: R) -> Result<Catalog<C>, CatalogError> {
        load::read(reader, Some(Separator::Tab))
    }

    /// Loads a catalog from comma-separated text; see
    /// [`from_reader`](Self::from_reader) for the columns.
    ///
    /// # Errors
    ///
    /// As [`from_reader`](Self::from_reader); a header without a comma is an
    /// error.
    ///
    /// ```
    /// use juesuan::code::FunctionCatalog;
    ///
    /// let err = FunctionCatalog::from_csv_reader("code,name\n208,社会保障和就业支出\n2080101x,行政运行\n".as_bytes())
    ///     .unwrap_err();
    /// assert_eq!(err.line(), Some(3));
    /// ```
    pub fn from_csv_reader<R: Read>(reader: R) -> Result<Catalog<C>, CatalogError> {
        load::read(reader, Some(Separator::Comma))
    }

    /// How many codes the catalog lists.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// assert_eq!(Catalog::economic().len(), 113);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the catalog lists no code.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// assert!(!Catalog::function().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in code order (a code before its children).
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let first: Vec<String> = Catalog::economic().iter().take(3).map(|e| e.code().to_string()).collect();
    /// assert_eq!(first, ["301", "30101", "30102"]);
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, CatalogEntry<C>> {
        self.entries.iter()
    }

    fn position(&self, code: C) -> Result<usize, usize> {
        self.entries.binary_search_by(|entry| entry.code.cmp(&code))
    }

    /// The entry of `code`, if the catalog lists it.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let entry = Catalog::function().get("2210201".parse()?).unwrap();
    /// assert_eq!(entry.name(), "住房公积金");
    /// assert!(Catalog::function().get("2089998".parse()?).is_none());
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn get(&self, code: C) -> Option<&CatalogEntry<C>> {
        self.position(code).ok().and_then(|i| self.entries.get(i))
    }

    /// Whether the catalog lists `code`.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// assert!(Catalog::function().contains("2080505".parse()?));
    /// assert!(!Catalog::economic().contains("30198".parse()?));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn contains(&self, code: C) -> bool {
        self.position(code).is_ok()
    }

    /// The main name of `code`, if the catalog lists it.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// assert_eq!(Catalog::function().name("2080101".parse()?), Some("行政运行"));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn name(&self, code: C) -> Option<&str> {
        self.get(code).map(CatalogEntry::name)
    }

    /// The name of `code` in fiscal `year` (see [`CatalogEntry::name_in`]),
    /// if the catalog lists it. `year` may be an `i32` or a
    /// [`FiscalYear`](crate::FiscalYear).
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let catalog = Catalog::economic();
    /// assert_eq!(catalog.name_in("310".parse()?, 2017), Some("其他资本性支出"));
    /// assert_eq!(catalog.name_in("310".parse()?, 2024), Some("资本性支出"));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn name_in(&self, code: C, year: impl Into<i32>) -> Option<&str> {
        let year = year.into();
        self.get(code).map(|entry| entry.name_in(year))
    }

    /// Whether `name` is a name the catalog knows for `code` (its main name
    /// or another name it was published under, compared after
    /// [`normalize_code_name`]). `false` when the code is not listed.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let catalog = Catalog::function();
    /// assert!(catalog.has_name("2080104".parse()?, "综合业务管理"));
    /// assert!(!catalog.has_name("2080104".parse()?, "综合事务管理"));
    /// assert!(catalog.has_name("20805".parse()?, "行政事业单位离退休"));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn has_name(&self, code: C, name: &str) -> bool {
        self.get(code).is_some_and(|entry| entry.has_name(name))
    }

    /// Checks that the catalog lists `code` under `name`, as
    /// [`has_name`](Self::has_name) does, and says what is wrong if not.
    ///
    /// # Errors
    ///
    /// [`CodeError::Unknown`] when the catalog does not list `code`;
    /// [`CodeError::NameMismatch`], carrying the catalog's main name, when
    /// `name` is not one of its names.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let err = Catalog::function().check_name("2080104".parse()?, "综合事务管理").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     r#"wrong name for function code 2080104: expected "综合业务管理", but found "综合事务管理""#,
    /// );
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn check_name(&self, code: C, name: &str) -> Result<(), CodeError> {
        let entry = self.get(code).ok_or_else(|| CodeError::Unknown {
            kind: C::KIND,
            code: code.to_string().into(),
        })?;
        if entry.has_name(name) {
            Ok(())
        } else {
            Err(CodeError::NameMismatch {
                kind: C::KIND,
                code: code.to_string().into(),
                expected: entry.name().into(),
                found: kept(name),
            })
        }
    }

    /// The 类 entries, in code order.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let names: Vec<&str> = Catalog::economic().classes().map(|e| e.name()).take(2).collect();
    /// assert_eq!(names, ["工资福利支出", "商品和服务支出"]);
    /// ```
    #[doc(alias = "类")]
    pub fn classes(&self) -> impl Iterator<Item = &CatalogEntry<C>> + Clone {
        self.entries
            .iter()
            .filter(|entry| entry.level() == CodeLevel::Class)
    }

    /// The entries one level below `parent`, in code order.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let items: Vec<String> = Catalog::function()
    ///     .children("21011".parse()?)
    ///     .map(|e| format!("{} {}", e.code(), e.name()))
    ///     .collect();
    /// assert_eq!(items[..3], ["2101101 行政单位医疗", "2101102 事业单位医疗", "2101103 公务员医疗补助"]);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn children(&self, parent: C) -> impl Iterator<Item = &CatalogEntry<C>> + Clone {
        let start = self.entries.partition_point(|entry| entry.code <= parent);
        self.entries
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |entry| is_ancestor(parent, entry.code))
            .filter(move |entry| entry.code.parent() == Some(parent))
    }

    /// The 类 named `name` (main name first, then other names; compared
    /// after [`normalize_code_name`]).
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// assert_eq!(Catalog::function().class_named("社会保障和就业支出"), Some("208".parse()?));
    /// assert_eq!(Catalog::function().class_named("行政运行"), None);
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    #[doc(alias = "类")]
    pub fn class_named(&self, name: &str) -> Option<C> {
        find_named(self.classes(), &normalize_code_name(name))
    }

    /// The child of `parent` named `name` (main name first, then other
    /// names; compared after [`normalize_code_name`]).
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let catalog = Catalog::function();
    /// assert_eq!(catalog.child_named("20805".parse()?, "事业单位离退休"), Some("2080502".parse()?));
    /// assert_eq!(catalog.child_named("208".parse()?, "行政事业单位离退休"), Some("20805".parse()?));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn child_named(&self, parent: C, name: &str) -> Option<C> {
        find_named(self.children(parent), &normalize_code_name(name))
    }

    /// Resolves a narrative path such as
    /// `社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）` to its
    /// code.
    ///
    /// The path is a 类 name followed by `（类）`, optionally a 款 name and
    /// `（款）`, and for function codes optionally a 项 name and `（项）`.
    /// Whitespace anywhere is ignored (PDF extraction inserts it) and
    /// half-width parentheses are read as full-width; a name is found with or
    /// without a final 支出 (社会保障和就业（类）).
    ///
    /// # Errors
    ///
    /// [`CodeError::InvalidPath`] when the text is not such a path (a level
    /// missing, out of order, an empty name, or text after the last level);
    /// [`CodeError::UnknownName`], naming the segment and its parent, when a
    /// name does not resolve.
    ///
    /// ```
    /// use juesuan::code::Catalog;
    /// let catalog = Catalog::function();
    /// assert_eq!(
    ///     catalog.resolve_path("教育支出(类) 职业教育(款) 中等职业 教育(项)")?.to_string(),
    ///     "2050302",
    /// );
    /// assert_eq!(catalog.resolve_path("卫生健康支出（类）")?.to_string(), "210");
    /// // Names are found with or without their 支出.
    /// assert_eq!(catalog.resolve_path("卫生健康（类）")?.to_string(), "210");
    ///
    /// let err = catalog.resolve_path("社会保障和就业支出（类）行政事业单位福利（款）").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     r#"unknown 款 in function code path: expected a 款 under 208 社会保障和就业支出, but found "行政事业单位福利""#,
    /// );
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    #[doc(alias = "路径")]
    pub fn resolve_path(&self, path: &str) -> Result<C, CodeError> {
        let kind = C::KIND;
        let normalized = normalize_code_name(path);
        let invalid = |expected: &'static str, found: &str| CodeError::InvalidPath {
            kind,
            input: kept(path),
            expected,
            found: kept(found),
        };
        let mut rest = normalized.as_str();
        let mut current: Option<C> = None;
        let mut next_level = Some(CodeLevel::Class);
        while !rest.is_empty() {
            let Some(level) = next_level.filter(|level| *level <= kind.deepest()) else {
                return Err(invalid("the end of the path", rest));
            };
            let segment =
                next_segment(rest).filter(|(name, found, _)| *found == level && !name.is_empty());
            let Some((name, _, after)) = segment else {
                return Err(invalid(expected_segment(level), rest));
            };
            let code = match current {
                None => find_named(self.classes(), name),
                Some(parent) => find_named(self.children(parent), name),
            };
            let Some(code) = code else {
                return Err(CodeError::UnknownName {
                    kind,
                    level,
                    name: kept(name),
                    parent: current.map(|parent| self.describe(parent).into()),
                });
            };
            current = Some(code);
            next_level = level.child();
            rest = after;
        }
        current.ok_or_else(|| invalid(expected_segment(CodeLevel::Class), ""))
    }

    /// `"208 社会保障和就业支出"`, or just the code if it is not listed.
    fn describe(&self, code: C) -> String {
        match self.name(code) {
            Some(name) => format!("{code} {name}"),
            None => code.to_string(),
        }
    }

    /// Adds `name` as the main name of `code`. A new code gets an entry; for
    /// a listed code the previous main name is kept as another name.
    /// Returns whether the code is new.
    ///
    /// ```
    /// use juesuan::{code::Catalog, code::FunctionCode};
    ///
    /// let mut catalog = Catalog::function().clone();
    /// let code = FunctionCode::parse("2080104")?;
    /// assert!(!catalog.insert(code, "综合业务管理（新）"));
    /// assert_eq!(catalog.name(code), Some("综合业务管理（新）"));
    /// assert!(catalog.has_name(code, "综合业务管理"));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn insert(&mut self, code: C, name: &str) -> bool {
        self.insert_entry(CatalogEntry::new(code, name))
    }

    /// Merges an entry: a new code is added; for a listed code, the entry's
    /// main name becomes the main name, its other names are added, and the
    /// years of names already known are merged. Returns whether the code is
    /// new.
    ///
    /// ```
    /// use juesuan::{code::CatalogEntry, code::EconomicCatalog, code::EconomicCode};
    ///
    /// let mut catalog = EconomicCatalog::new();
    /// let code = EconomicCode::parse("39999")?;
    /// assert!(catalog.insert_entry(CatalogEntry::new(code, "其他支出").with_years([2024])));
    /// assert_eq!(catalog.name_in(code, 2024), Some("其他支出"));
    /// # Ok::<(), juesuan::code::CodeError>(())
    /// ```
    pub fn insert_entry(&mut self, entry: CatalogEntry<C>) -> bool {
        match self.position(entry.code) {
            Ok(i) => {
                if let Some(existing) = self.entries.get_mut(i) {
                    existing.add(entry.main, true);
                    for variant in entry.variants {
                        existing.add(variant, false);
                    }
                }
                false
            }
            Err(i) => {
                self.entries.insert(i, entry);
                true
            }
        }
    }

    /// Merges every entry of `other` into this catalog, as
    /// [`insert_entry`](Self::insert_entry) does: `other`'s names take
    /// precedence.
    ///
    /// ```
    /// use juesuan::{code::Catalog, code::FunctionCatalog, code::FunctionCode};
    ///
    /// let mine = FunctionCatalog::from_reader("code,name\n2089950,某项新增支出\n".as_bytes())?;
    /// let mut catalog = Catalog::function().clone();
    /// catalog.merge(mine);
    /// assert!(catalog.contains(FunctionCode::parse("2089950")?));
    /// assert!(catalog.contains(FunctionCode::parse("2080101")?));
    /// # Ok::<(), juesuan::Error>(())
    /// ```
    pub fn merge(&mut self, other: Catalog<C>) {
        self.extend(other);
    }

    /// Adds a name read from a file: the first name of a code is its main
    /// name, later ones (with `as_main` false) are other names.
    pub(crate) fn add_name(&mut self, code: C, name: CatalogName, as_main: bool) {
        match self.position(code) {
            Ok(i) => {
                if let Some(existing) = self.entries.get_mut(i) {
                    existing.add(name, as_main);
                }
            }
            Err(i) => self.entries.insert(
                i,
                CatalogEntry {
                    code,
                    main: name,
                    variants: Vec::new(),
                },
            ),
        }
    }
}

/// The first entry whose main name has `key`, else the first with another
/// name of `key`.
fn find_named<'a, C: ClassificationCode>(
    entries: impl Iterator<Item = &'a CatalogEntry<C>> + Clone,
    key: &str,
) -> Option<C> {
    let exact = |key: &str| {
        entries
            .clone()
            .find(|entry| *entry.main.key == *key)
            .or_else(|| {
                entries
                    .clone()
                    .find(|entry| entry.variants.iter().any(|v| *v.key == *key))
            })
            .map(|entry| entry.code)
    };
    // Reports name an item with or without its 支出: 社会保障和就业（类）.
    exact(key).or_else(|| match key.strip_suffix("支出") {
        Some(bare) if !bare.is_empty() => exact(bare),
        Some(_) => None,
        None => exact(&format!("{key}支出")),
    })
}

/// What a path reader expects before the marker of `level`.
fn expected_segment(level: CodeLevel) -> &'static str {
    match level {
        CodeLevel::Class => "a name followed by （类）",
        CodeLevel::Section => "a name followed by （款）",
        CodeLevel::Item => "a name followed by （项）",
    }
}

/// Splits a normalised path at its first level marker: the name before it,
/// the marker's level, and the text after it.
fn next_segment(text: &str) -> Option<(&str, CodeLevel, &str)> {
    const MARKERS: [(&str, CodeLevel); 3] = [
        ("（类）", CodeLevel::Class),
        ("（款）", CodeLevel::Section),
        ("（项）", CodeLevel::Item),
    ];
    let (start, marker, level) = MARKERS
        .iter()
        .filter_map(|(marker, level)| text.find(marker).map(|start| (start, *marker, *level)))
        .min_by_key(|(start, _, _)| *start)?;
    let name = text.get(..start)?;
    let after = text.get(start + marker.len()..)?;
    Some((name, level, after))
}

impl<C: ClassificationCode> Extend<CatalogEntry<C>> for Catalog<C> {
    fn extend<I: IntoIterator<Item = CatalogEntry<C>>>(&mut self, entries: I) {
        for entry in entries {
            self.insert_entry(entry);
        }
    }
}

impl<C: ClassificationCode> FromIterator<CatalogEntry<C>> for Catalog<C> {
    fn from_iter<I: IntoIterator<Item = CatalogEntry<C>>>(entries: I) -> Catalog<C> {
        let mut catalog = Catalog::new();
        catalog.extend(entries);
        catalog
    }
}

impl<C> IntoIterator for Catalog<C> {
    type Item = CatalogEntry<C>;
    type IntoIter = std::vec::IntoIter<CatalogEntry<C>>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, C> IntoIterator for &'a Catalog<C> {
    type Item = &'a CatalogEntry<C>;
    type IntoIter = std::slice::Iter<'a, CatalogEntry<C>>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::CodeKind;

    fn f(code: &str) -> FunctionCode {
        code.parse().unwrap()
    }

    #[test]
    fn builtin_data_loads() {
        let function: FunctionCatalog = builtin(
            include_str!("../../data/function-codes.tsv"),
            include_str!("../../data/function-code-variants.tsv"),
        )
        .unwrap();
        assert_eq!(function.len(), 774);
        assert_eq!(function.classes().count(), 25);
        assert_eq!(&function, Catalog::function());
        let economic: EconomicCatalog = builtin(
            include_str!("../../data/economic-codes.tsv"),
            include_str!("../../data/economic-code-variants.tsv"),
        )
        .unwrap();
        assert_eq!(economic.len(), 113);
        assert_eq!(economic.classes().count(), 10);
        assert_eq!(&economic, Catalog::economic());
    }

    #[test]
    fn variants_are_attached() {
        let function = Catalog::function();
        let variants: usize = function.iter().map(|e| e.variants().len()).sum();
        assert_eq!(variants, 5);
        let economic = Catalog::economic();
        let variants: usize = economic.iter().map(|e| e.variants().len()).sum();
        assert_eq!(variants, 5);
        let e303 = economic.get("303".parse().unwrap()).unwrap();
        assert_eq!(e303.name(), "对个人和家庭的补助");
        assert!(e303.has_name("对个人和家庭补助"));
        assert_eq!(
            economic.name_in("30307".parse().unwrap(), 2017),
            Some("医疗费")
        );
    }

    #[test]
    fn entries_are_sorted_and_unique() {
        let codes: Vec<FunctionCode> = Catalog::function().iter().map(|e| e.code()).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn children_in_code_order() {
        let catalog = Catalog::function();
        let items: Vec<String> = catalog
            .children(f("20805"))
            .map(|e| e.code().to_string())
            .collect();
        assert!(items.starts_with(&["2080501".to_owned(), "2080502".to_owned()]));
        assert!(items.iter().all(|c| c.starts_with("20805") && c.len() == 7));
        let sections: Vec<FunctionCode> = catalog.children(f("208")).map(|e| e.code()).collect();
        assert!(sections.contains(&f("20801")) && sections.contains(&f("20805")));
        assert!(sections.iter().all(|c| c.level() == CodeLevel::Section));
        assert_eq!(catalog.children(f("2080101")).count(), 0);
        // A code the catalog does not list can still have listed children.
        let mut partial = FunctionCatalog::new();
        partial.insert(f("2080101"), "行政运行");
        assert_eq!(partial.children(f("20801")).count(), 1);
        assert_eq!(partial.children(f("208")).count(), 0);
    }

    #[test]
    fn path_errors() {
        let catalog = Catalog::function();
        let invalid = |path: &str| match catalog.resolve_path(path) {
            Err(CodeError::InvalidPath {
                expected, found, ..
            }) => (expected, found.to_string()),
            other => panic!("{path}: {other:?}"),
        };
        assert_eq!(invalid(""), ("a name followed by （类）", String::new()));
        assert_eq!(
            invalid("教育支出"),
            ("a name followed by （类）", "教育支出".to_owned())
        );
        assert_eq!(
            invalid("职业教育（款）"),
            ("a name followed by （类）", "职业教育（款）".to_owned())
        );
        assert_eq!(
            invalid("教育支出（类）（款）"),
            ("a name followed by （款）", "（款）".to_owned())
        );
        assert_eq!(
            invalid("教育支出（类）职业教育（款）中等职业教育（项）：支出决算数"),
            ("the end of the path", "：支出决算数".to_owned())
        );
        assert_eq!(
            invalid("教育支出（类）中等职业教育（项）"),
            ("a name followed by （款）", "中等职业教育（项）".to_owned())
        );
        // A name is found with or without its 支出, as reports write it.
        assert_eq!(
            catalog.resolve_path("教育（类）").unwrap().to_string(),
            "205"
        );
        let err = catalog.resolve_path("星际教育（类）").unwrap_err();
        assert_eq!(
            err,
            CodeError::UnknownName {
                kind: CodeKind::Function,
                level: CodeLevel::Class,
                name: "星际教育".into(),
                parent: None,
            }
        );
        assert_eq!(
            err.to_string(),
            r#"unknown 类 in function code path: expected a 类 in the catalog, but found "星际教育""#
        );
        let err = catalog
            .resolve_path("社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退（项）")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"unknown 项 in function code path: expected a 项 under 20805 行政事业单位养老支出, but found "事业单位离退""#
        );
    }

    #[test]
    fn economic_paths_stop_at_sections() {
        let catalog = Catalog::economic();
        assert_eq!(
            catalog
                .resolve_path("工资福利支出（类）基本工资（款）")
                .unwrap()
                .to_string(),
            "30101"
        );
        assert!(matches!(
            catalog.resolve_path("工资福利支出（类）基本工资（款）x（项）"),
            Err(CodeError::InvalidPath {
                expected: "the end of the path",
                ..
            })
        ));
    }

    #[test]
    fn old_names_resolve_in_paths() {
        let catalog = Catalog::function();
        assert_eq!(
            catalog
                .resolve_path(
                    "社会保障和就业支出（类）行政事业单位离退休（款）事业单位离退休（项）"
                )
                .unwrap(),
            f("2080502")
        );
    }

    #[test]
    fn insert_and_merge_semantics() {
        let mut catalog = FunctionCatalog::new();
        assert!(catalog.insert(f("208"), "社会保障和就业支出"));
        assert!(!catalog.insert(f("208"), "社会保障和就业支出"));
        assert_eq!(catalog.get(f("208")).unwrap().variants().len(), 0);
        catalog.insert_entry(CatalogEntry::new(f("208"), "社会保障 和就业支出").with_years([2024]));
        assert_eq!(catalog.get(f("208")).unwrap().main_name().years(), [2024]);
        catalog.insert(f("208"), "新名称");
        let entry = catalog.get(f("208")).unwrap();
        assert_eq!(entry.name(), "新名称");
        assert_eq!(entry.variants()[0].as_str(), "社会保障和就业支出");
        // Promoting a variant back to the main name keeps both.
        catalog.insert(f("208"), "社会保障和就业支出");
        let entry = catalog.get(f("208")).unwrap();
        assert_eq!(entry.name(), "社会保障和就业支出");
        assert_eq!(entry.variants().len(), 1);
        assert_eq!(entry.variants()[0].as_str(), "新名称");

        let collected: FunctionCatalog = [
            CatalogEntry::new(f("2080101"), "行政运行"),
            CatalogEntry::new(f("208"), "社会保障和就业支出"),
            CatalogEntry::new(f("20801"), "人力资源和社会保障管理事务"),
        ]
        .into_iter()
        .collect();
        let order: Vec<String> = (&collected)
            .into_iter()
            .map(|e| e.code().to_string())
            .collect();
        assert_eq!(order, ["208", "20801", "2080101"]);
    }

    #[test]
    fn check_name_errors() {
        let catalog = Catalog::function();
        assert_eq!(catalog.check_name(f("2080104"), "综合业务管理"), Ok(()));
        assert_eq!(
            catalog
                .check_name(f("2089998"), "x")
                .unwrap_err()
                .to_string(),
            "unknown function code: expected a code listed in the catalog, but found 2089998"
        );
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalize_code_name("“三公”经费 (含)"), "三公经费（含）");
        let entry = CatalogEntry::new(f("208"), " 社会保障和就业支出\u{3000}");
        assert_eq!(entry.name(), "社会保障和就业支出");
    }
}
