//! Writing reports back out: the 情况说明 ([`narrative`]) and the nine
//! tables ([`tables`]) as aligned text, Markdown and long-layout CSV.
//!
//! Every renderer takes a [`Disclosure`] or a
//! [`FinalAccounts`] (anything that is
//! [`Renderable`]).

use std::borrow::Cow;

use crate::disclosure::Disclosure;
use crate::model::FinalAccounts;

mod long_csv;
mod narrative;
mod table;

pub use long_csv::{CSV_COLUMNS, write_csv, write_facts_jsonl};
pub use narrative::*;
pub use table::*;

/// A report the renderers can write: a [`Disclosure`] as it is, or a
/// [`FinalAccounts`] through [`FinalAccounts::to_disclosure`].
///
/// ```
/// use juesuan::{FinalAccounts, FiscalYear, render::narrative};
///
/// let accounts = FinalAccounts::builder()
///     .fiscal_year(FiscalYear::new(2024)?)
///     .department("某部门")
///     .build()?;
/// assert!(narrative(&accounts).contains("名词解释"));
/// assert_eq!(narrative(&accounts), narrative(&accounts.to_disclosure()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Renderable {
    /// The facts to render.
    fn facts(&self) -> Cow<'_, Disclosure>;
}

impl Renderable for Disclosure {
    fn facts(&self) -> Cow<'_, Disclosure> {
        Cow::Borrowed(self)
    }
}

impl Renderable for FinalAccounts {
    fn facts(&self) -> Cow<'_, Disclosure> {
        Cow::Owned(self.to_disclosure())
    }
}
