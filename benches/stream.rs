//! Streaming audit of 10,000 generated reports held in memory as JSON Lines
//! (the DESIGN target is 100,000 in 10 s: 1 s for these 10,000), and what
//! the crate's second JSON reader (`src/disclosure_fast.rs`, serde straight
//! from the text) is worth against the thorough reader alone (a
//! `serde_json::Value` tree, then `Disclosure::from_json_value`): the same
//! lines read and audited one by one, each way.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use juesuan::strategy::{DisclosureConfig, consistent_disclosure_with};
use juesuan::{Audit, Disclosure, stream::audit_jsonl};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};

const REPORTS: u64 = 10_000;

fn jsonl(n: u64) -> Vec<u8> {
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]);
    let mut runner = TestRunner::new_with_rng(proptest::test_runner::Config::default(), rng);
    let strategy = consistent_disclosure_with(DisclosureConfig::all());
    let mut out = Vec::new();
    for _ in 0..n {
        let d = strategy.new_tree(&mut runner).unwrap().current();
        out.extend_from_slice(
            serde_json::to_string(&d.to_json_value())
                .unwrap()
                .as_bytes(),
        );
        out.push(b'\n');
    }
    out
}

fn bench(c: &mut Criterion) {
    // `cargo test --benches` runs this once without `--bench`, in a debug
    // build: a few reports are enough to see that it works.
    let reports = if std::env::args().any(|a| a == "--bench") {
        REPORTS
    } else {
        20
    };
    let data = jsonl(reports);
    let audit = Audit::new();
    let mut group = c.benchmark_group("stream");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.throughput(Throughput::Elements(reports));
    group.bench_function(format!("audit_jsonl/{reports} generated reports"), |b| {
        b.iter(|| audit_jsonl(black_box(data.as_slice()), &audit, |_| {}).unwrap())
    });
    // The two readers, line by line, each followed by the same audit.
    let text = std::str::from_utf8(&data).unwrap();
    group.bench_function(
        format!("fast reader + audit/{reports} generated reports"),
        |b| {
            b.iter(|| {
                text.lines()
                    .map(|l| {
                        audit
                            .run(&Disclosure::from_json(black_box(l)).unwrap())
                            .len()
                    })
                    .sum::<usize>()
            })
        },
    );
    group.bench_function(
        format!("JSON tree reader + audit/{reports} generated reports"),
        |b| {
            b.iter(|| {
                text.lines()
                    .map(|l| {
                        let v: serde_json::Value = serde_json::from_str(black_box(l)).unwrap();
                        audit.run(&Disclosure::from_json_value(&v).unwrap()).len()
                    })
                    .sum::<usize>()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
