//! Reading the reference report's text (32 KB): normalising alone, and the whole parse
//! into a Disclosure with spans. Target (DESIGN §10): parse ≤ 1 ms.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use juesuan::{text::normalize, text::parse_normalized, text::parse_report};

const XINJIANG: &str = include_str!("../tests/fixtures/xinjiang-hrss-2024.txt");
const SOCIAL_WORK: &str = include_str!("../tests/fixtures/putuo-social-work-2024.txt");

fn parse(c: &mut Criterion) {
    c.bench_function("normalize reference text", |b| {
        b.iter(|| normalize(black_box(XINJIANG)).as_str().len())
    });
    c.bench_function("parse reference text", |b| {
        b.iter(|| parse_report(black_box(XINJIANG)).disclosure.len())
    });
    let text = normalize(XINJIANG);
    c.bench_function("parse normalised reference text", |b| {
        b.iter(|| parse_normalized(black_box(&text)).disclosure.len())
    });
    c.bench_function("parse Shanghai report with tables", |b| {
        b.iter(|| parse_report(black_box(SOCIAL_WORK)).disclosure.len())
    });
}

criterion_group!(benches, parse);
criterion_main!(benches);
