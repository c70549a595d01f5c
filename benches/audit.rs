//! Benchmarks of the audit, JSON loading and rendering on the reference report.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use juesuan::{Disclosure, FinalAccounts, audit, render::narrative, render::tables};

/// The reference report as typed FinalAccounts JSON.
const REFERENCE: &str = include_str!("../examples/data/xinjiang-hrss-2024.json");
/// The same report as a Disclosure (every statement, with restatements).
const FACTS: &str = include_str!("../tests/fixtures/xinjiang-hrss-2024.facts.json");

fn bench(c: &mut Criterion) {
    let report = Disclosure::from_json(FACTS).unwrap();
    c.bench_function("audit/reference", |b| b.iter(|| audit(black_box(&report))));
    c.bench_function("json/load reference disclosure", |b| {
        b.iter(|| Disclosure::from_json(black_box(FACTS)).unwrap())
    });
    c.bench_function("json/load reference final accounts", |b| {
        b.iter(|| FinalAccounts::from_json(black_box(REFERENCE)).unwrap())
    });
    c.bench_function("render/narrative reference", |b| {
        b.iter(|| narrative(black_box(&report)))
    });
    c.bench_function("render/tables reference", |b| {
        b.iter(|| tables(black_box(&report)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
