#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
//! `docs/SCHEMA.md` is what `juesuan::schema::markdown()` writes: the page
//! changes with the schema, on purpose. `UPDATE_SCHEMA=1` rewrites it.

use juesuan::{FactId, fact::BASES, fact::FactKind, fact::Suffix, schema};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/SCHEMA.md");

#[test]
fn the_schema_page_is_up_to_date() {
    let page = schema::markdown();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(PATH, &page).unwrap();
    }
    let committed = std::fs::read_to_string(PATH).unwrap();
    assert!(
        committed == page,
        "docs/SCHEMA.md is out of date: run `UPDATE_SCHEMA=1 cargo test --test schema` and commit it"
    );
}

#[test]
fn the_page_lists_every_base_and_suffix() {
    let page = schema::markdown();
    for base in BASES {
        assert!(
            page.contains(&format!("| `{}` | {} |", base.pattern, base.label)),
            "{}",
            base.pattern
        );
    }
    for suffix in Suffix::ALL {
        assert!(page.contains(&format!("| `.{}` | {} |", suffix.as_str(), suffix.label())));
    }
    // Rows read by hand from the declarations in src/fact.rs.
    assert!(page.contains("| `staff.total` | 实有人数 | count | count |"));
    assert!(page.contains("| `assets.building_area` | 房屋面积（平方米） | quantity | as named |"));
    assert!(page.contains("| `.change` | 比上年增减 | count | signed_count |"));
    assert!(page.contains("| `.reason` | 主要原因 | amount | text |"));
}

#[test]
fn lookups_fail_loudly_on_a_typo() {
    let mut d = juesuan::Disclosure::default();
    d.insert_str("revenue.total", "74194.06").unwrap();
    // The unchecked lookup cannot tell a typo from a figure not stated …
    assert_eq!(d.amount("revenue.totl"), None);
    // … the checked one can.
    let err = d.try_amount("revenue.totl").unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"unknown fact id "revenue.totl": expected an id such as "revenue.total" (see BASES)"#
    );
    assert_eq!(
        d.try_amount("revenue.total").unwrap().map(|a| a.printed()),
        Some("74,194.06".into())
    );
    assert_eq!(d.try_amount("revenue.other").unwrap(), None);
    let err = d.try_amount("staff.total").unwrap_err();
    assert_eq!(
        err.to_string(),
        "fact staff.total holds a whole number of at least 0, but an amount was asked for"
    );
    assert!(d.try_count("staff.total").unwrap().is_none());
    assert!(d.try_text("revenue.total.reason").unwrap().is_none());
    assert!(
        d.try_percent("revenue.total").is_err(),
        "an amount, not a percentage"
    );
    assert_eq!(
        FactId::new("revenue.total").unwrap().kind(),
        FactKind::Amount
    );
}
