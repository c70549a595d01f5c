#![allow(clippy::unwrap_used)]
//! Streaming audit of JSON Lines: counts, errors located by line, and memory
//! that does not grow with the number of reports.

use std::alloc::System;

use juesuan::{Audit, stream::audit_jsonl};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// A small report; every seventh is broken (T9 total off by 0.10), every
/// thirteenth line is not JSON at all.
fn line(i: u64) -> String {
    if i % 13 == 12 {
        return "{not json\n".to_owned();
    }
    let yuan = 1_000_000 + i * 7_919;
    let a = yuan / 100;
    let b = yuan % 100 + 100;
    let total = a + b + if i % 7 == 6 { 10 } else { 0 };
    let cents = |x: u64| format!("{}.{:02}", x / 100, x % 100);
    format!(
        concat!(
            "{{\"fiscal_year\": 2024, \"unit\": \"万元\", \"facts\": {{",
            "\"three_public.total\": \"{}\", \"three_public.overseas_travel\": \"0.00\", ",
            "\"three_public.vehicles\": \"{}\", \"three_public.reception\": \"{}\", ",
            "\"staff.total\": {}, \"staff.active\": {}, \"staff.retired_cadre\": 0, \"staff.retired\": 3}}}}\n"
        ),
        cents(total),
        cents(a),
        cents(b),
        i % 50 + 3,
        i % 50
    )
}

fn input(n: u64) -> Vec<u8> {
    (0..n).map(line).collect::<String>().into_bytes()
}

#[test]
fn streaming_counts_and_locates_and_stays_flat() {
    let audit = Audit::new();

    // Counts and line numbers.
    let small = input(100);
    let mut broken_lines = Vec::new();
    let summary = audit_jsonl(small.as_slice(), &audit, |item| {
        if let Ok(findings) = item.result {
            if findings.iter().any(|f| f.rule() == "T9.total") {
                broken_lines.push(item.line);
            }
        }
    })
    .unwrap();
    let unreadable = (0..100).filter(|i| i % 13 == 12).count() as u64;
    assert_eq!(summary.unreadable(), unreadable);
    assert_eq!(summary.reports(), 100 - unreadable);
    let expected: Vec<u64> = (0..100u64)
        .filter(|i| i % 7 == 6 && i % 13 != 12)
        .map(|i| i + 1)
        .collect();
    assert_eq!(broken_lines, expected);
    assert_eq!(summary.by_rule()["T9.total"].error, expected.len() as u64);
    assert_eq!(summary.reports_with_errors(), expected.len() as u64);
    assert!(summary.to_string().contains("T9.total"));

    // Peak live heap while streaming 1,000 vs 20,000 reports: the input is
    // built before measuring, so only the audit's own memory counts.
    let peak = |n: u64| -> isize {
        let data = input(n);
        let region = Region::new(GLOBAL);
        let mut peak = 0isize;
        let summary = audit_jsonl(data.as_slice(), &audit, |_| {
            let c = region.change();
            // stats_alloc already books a realloc's growth or shrinkage in
            // bytes_allocated / bytes_deallocated.
            let live = c.bytes_allocated as isize - c.bytes_deallocated as isize;
            peak = peak.max(live);
        })
        .unwrap();
        assert!(summary.reports() > 0);
        peak
    };
    let p1 = peak(1_000);
    let p20 = peak(20_000);
    // Flat: twenty times the reports may not cost more than a few KiB more
    // (the summary's per-rule map is the only state that lives on).
    assert!(
        p20 <= p1 + 16 * 1024,
        "peak {p1} bytes for 1,000 reports, {p20} for 20,000"
    );
}
