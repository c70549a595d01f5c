//! The fact-id schema as documentation and data: every fact id with its
//! Chinese name, kind and unit, generated from [`BASES`] and [`Suffix::ALL`]
//! into `docs/SCHEMA.md` (shown below), which a test keeps in sync.
//!
//! Regenerate it with `UPDATE_SCHEMA=1 cargo test --test schema`.
//!
#![doc = include_str!("../docs/SCHEMA.md")]

use std::fmt::Write as _;

use crate::fact::{BASES, FactKind, Suffix};

/// The kinds in the order the schema lists them.
const KINDS: [FactKind; 6] = [
    FactKind::Amount,
    FactKind::Percent,
    FactKind::Count,
    FactKind::SignedCount,
    FactKind::Quantity,
    FactKind::Text,
];

/// The schema page (`docs/SCHEMA.md`): a Markdown table of every base
/// with its Chinese name, kind and unit, then every suffix with the kinds
/// of base it applies to and the kind it gives.
///
/// ```
/// let page = juesuan::schema::markdown();
/// assert!(page.contains("| `revenue.total` | 收入总计 | amount | 万元 ¹ |"));
/// assert!(page.contains("| `.share` | 占比 | amount | percent |"));
/// ```
pub fn markdown() -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# The fact-id schema\n");
    let _ = writeln!(
        out,
        "Generated from `BASES` and `Suffix::ALL` (`juesuan::schema::markdown`); \
         `cargo test --test schema` fails when this page is out of date, and \
         `UPDATE_SCHEMA=1 cargo test --test schema` rewrites it.\n"
    );
    let _ = writeln!(
        out,
        "A fact id is a base, optionally followed by a suffix: `revenue.appropriation` \
         (an amount), `revenue.appropriation.share` (its share, a percentage). In a \
         base, `{{f}}` stands for a function code (`2080101`), `{{e}}` for an economic \
         code (`30101`) and `{{v}}` for a vehicle kind (`VehicleKind`).\n"
    );
    let _ = writeln!(out, "## Bases ({})\n", BASES.len());
    let _ = writeln!(out, "| fact id | 名称 | kind | unit |");
    let _ = writeln!(out, "| --- | --- | --- | --- |");
    for base in BASES {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            base.pattern,
            base.label,
            base.kind,
            unit_of(base.kind)
        );
    }
    let _ = writeln!(
        out,
        "\n¹ The report's unit: 万元 unless the report states its amounts in 元; \
         an amount may carry its own unit (`\"18000.00元\"`).\n"
    );
    let _ = writeln!(out, "## Suffixes ({})\n", Suffix::ALL.len());
    let _ = writeln!(out, "| suffix | 名称 | on a base of kind | gives |");
    let _ = writeln!(out, "| --- | --- | --- | --- |");
    for suffix in Suffix::ALL {
        for base in KINDS {
            if let Some(kind) = suffix.kind_on_base(base) {
                let _ = writeln!(
                    out,
                    "| `.{}` | {} | {} | {} |",
                    suffix.as_str(),
                    suffix.label(),
                    base,
                    kind
                );
            }
        }
    }
    out
}

/// The unit column of a kind.
fn unit_of(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Amount => "万元 ¹",
        FactKind::Percent => "%",
        FactKind::Count | FactKind::SignedCount => "count",
        FactKind::Quantity => "as named",
        FactKind::Text => "",
    }
}
