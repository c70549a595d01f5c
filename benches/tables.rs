//! Reading a full report with its nine tables from its two texts (layout
//! text, no PDF step), and auditing it. Targets (issue 12): read ≤ 2 ms,
//! audit ≤ 50 µs, for the larger Shanghai report (30 pages, 626 cells).
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use juesuan::{audit, table::read_layout, table::read_tables};

const REPORTS: [(&str, &str, &str); 2] = [
    (
        "social work (24 pages, 512 cells)",
        include_str!("../tests/fixtures/putuo-social-work-2024.txt"),
        include_str!("../tests/fixtures/putuo-social-work-2024.layout.txt"),
    ),
    (
        "planning and resources (30 pages, 626 cells)",
        include_str!("../tests/fixtures/putuo-planning-resources-2024.txt"),
        include_str!("../tests/fixtures/putuo-planning-resources-2024.layout.txt"),
    ),
];

fn bench(c: &mut Criterion) {
    for (name, reading, layout) in REPORTS {
        c.bench_function(&format!("tables/read tables, {name}"), |b| {
            b.iter(|| read_tables(black_box(layout)).tables().len())
        });
        c.bench_function(&format!("tables/read report with tables, {name}"), |b| {
            b.iter(|| {
                read_layout(black_box(reading), black_box(layout))
                    .disclosure
                    .len()
            })
        });
        let report = read_layout(reading, layout);
        c.bench_function(&format!("tables/audit report with tables, {name}"), |b| {
            b.iter(|| audit(black_box(&report.disclosure)).len())
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
