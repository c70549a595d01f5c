//! Benchmarks of the rounding checks the audit runs most.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use juesuan::{Amount, Percent, amount::check_change, amount::check_share, amount::check_sum};

/// The 18 项 of class 208 in the reference report, and its printed total.
const ITEMS_208: [&str; 18] = [
    "5,948.68",
    "0.00",
    "105.00",
    "13.00",
    "873.46",
    "20.00",
    "1,100.00",
    "1,683.00",
    "1,135.87",
    "77.00",
    "4.50",
    "249.50",
    "3,096.06",
    "37,835.85",
    "949.77",
    "289.67",
    "976.72",
    "303.98",
];

fn bench(c: &mut Criterion) {
    let parts: Vec<Amount> = ITEMS_208.iter().map(|s| s.parse().unwrap()).collect();
    let total: Amount = "54,662.05".parse().unwrap();
    c.bench_function("check_sum/18 parts", |b| {
        b.iter(|| check_sum(black_box(&total), black_box(&parts)).unwrap())
    });
    let four: Vec<Amount> = ["12,086.90", "54,662.05", "887.96", "732.54"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    let t5: Amount = "68,369.46".parse().unwrap();
    c.bench_function("check_sum/4 parts", |b| {
        b.iter(|| check_sum(black_box(&t5), black_box(&four)).unwrap())
    });
    let part: Amount = "68,460.73".parse().unwrap();
    let whole: Amount = "73,274.06".parse().unwrap();
    let share: Percent = "93.43%".parse().unwrap();
    c.bench_function("check_share", |b| {
        b.iter(|| check_share(black_box(&part), black_box(&whole), black_box(&share)).unwrap())
    });
    let current: Amount = "5,948.68".parse().unwrap();
    let change: Amount = "82.75".parse().unwrap();
    let rate: Percent = "1.41".parse().unwrap();
    c.bench_function("check_change", |b| {
        b.iter(|| check_change(black_box(&current), black_box(&change), black_box(&rate)).unwrap())
    });
    c.bench_function("parse amount", |b| {
        b.iter(|| black_box("74,194.06 万元").parse::<Amount>().unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
