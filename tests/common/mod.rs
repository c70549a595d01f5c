//! Helpers shared by the reliability tests.

use std::collections::BTreeMap;

use juesuan::{Disclosure, Unit};

/// Facts by id: each statement's value as JSON writes it, with its unit.
pub type Facts = BTreeMap<String, Vec<(String, Option<Unit>)>>;

/// Every fact of `d`: what JSON writes of each statement, and the unit of
/// amounts (spans left out: they move when characters are added).
pub fn facts(d: &Disclosure) -> Facts {
    d.iter()
        .map(|(id, stmts)| {
            let values = stmts
                .iter()
                .map(|f| (f.value().plain(), f.value().as_amount().map(|a| a.unit())))
                .collect();
            (id.to_string(), values)
        })
        .collect()
}
