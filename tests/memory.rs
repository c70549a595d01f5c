#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! Memory per byte of input (issue 11): reading report text took 25 bytes
//! per byte of it, FinalAccounts JSON 18.
//!
//! Measured with the allocation counter of `stats_alloc`, which counts bytes
//! allocated and freed but keeps no peak. Two measures come from it:
//!
//! - **allocated**: every byte allocated while reading, freed or not. It is
//!   exact and bounds the peak from above.
//! - **peak**: the most live bytes (allocated − freed) seen by a thread that
//!   reads the counter without pause while the reading runs, three times over.
//!   It can miss a peak shorter than the reader thread's pauses (so it may
//!   read low, never high by more than a few allocations).
//!
//! The inputs are large (about 0.5 MB), so that the fixed cost of the
//! catalogs and caches, built once before measuring, does not count.

use std::alloc::System;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};

use juesuan::{Disclosure, FinalAccounts, text::normalize, text::parse_report};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const XINJIANG: &str = include_str!("fixtures/xinjiang-hrss-2024.txt");
const FINAL_ACCOUNTS: &str = include_str!("../examples/data/xinjiang-hrss-2024.json");

/// Bytes allocated, and the sampled peak of live bytes, per byte of input,
/// while `f` runs (its result is dropped before the next run).
fn per_byte<T>(len: usize, f: impl Fn() -> T) -> (f64, f64) {
    // Only one measurement at a time: the counter is global.
    static ONE: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _alone = ONE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let stop = AtomicBool::new(false);
    let peak = AtomicIsize::new(0);
    let region = Region::new(GLOBAL);
    let live = || {
        let c = region.change();
        c.bytes_allocated as isize - c.bytes_deallocated as isize
    };
    let mut allocated = 0usize;
    std::thread::scope(|s| {
        s.spawn(|| {
            while !stop.load(Ordering::Relaxed) {
                peak.fetch_max(live(), Ordering::Relaxed);
            }
        });
        for _ in 0..3 {
            let before = region.change().bytes_allocated;
            let out = f();
            peak.fetch_max(live(), Ordering::Relaxed);
            allocated = allocated.max(region.change().bytes_allocated - before);
            drop(out);
        }
        stop.store(true, Ordering::Relaxed);
    });
    let len = len as f64;
    (
        allocated as f64 / len,
        peak.load(Ordering::Relaxed) as f64 / len,
    )
}

/// A text of about 0.5 MB: the reference report 16 times.
fn big_text() -> String {
    XINJIANG.repeat(16)
}

/// Warms up the catalogs and caches that are built once.
fn warm_up() {
    let _ = parse_report(XINJIANG);
    let _ = FinalAccounts::from_json(FINAL_ACCOUNTS).unwrap().audit();
}

/// One test, so that nothing else allocates while it measures (the counter
/// counts every thread).
#[test]
fn bytes_per_byte_of_input() {
    warm_up();
    normalizing_allocates_under_three_and_a_half_bytes_per_byte();
    reading_json_takes_under_four_bytes_per_byte();
    reading_final_accounts_takes_under_four_bytes_per_byte();
    reading_text_takes_under_four_bytes_per_byte();
}

fn normalizing_allocates_under_three_and_a_half_bytes_per_byte() {
    for text in [
        big_text(),
        include_str!("fixtures/putuo-planning-resources-2024.txt").repeat(16),
    ] {
        let (allocated, peak) = per_byte(text.len(), || normalize(&text));
        println!("normalize: {allocated:.2} B/B allocated, peak {peak:.2} B/B");
        // Every byte allocated counts: an exact bound on the peak.
        assert!(allocated <= 3.5, "{allocated:.2} bytes per byte");
    }
}

fn reading_json_takes_under_four_bytes_per_byte() {
    let text = big_text();
    let d = parse_report(&text).disclosure;
    let pretty = d.to_json();
    let compact = serde_json::to_string(&d.to_json_value()).unwrap();
    for (name, json) in [("pretty", &pretty), ("compact", &compact)] {
        let (allocated, peak) = per_byte(json.len(), || Disclosure::from_json(json).unwrap());
        println!("Disclosure::from_json {name}: {allocated:.2} B/B allocated, peak {peak:.2} B/B");
        assert!(allocated <= 4.0, "{name}: {allocated:.2} bytes per byte");
        let (allocated, peak) = per_byte(json.len(), || Disclosure::from_any_json(json).unwrap());
        println!("read_report {name}: {allocated:.2} B/B allocated, peak {peak:.2} B/B");
        assert!(allocated <= 4.0, "{name}: {allocated:.2} bytes per byte");
    }
}

/// The reference FinalAccounts with every reason and name 200 times as long:
/// a document of about 1.5 MB, most of it text to keep.
fn big_final_accounts() -> String {
    let mut json: serde_json::Value = serde_json::from_str(FINAL_ACCOUNTS).unwrap();
    fn lengthen(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m.iter_mut() {
                    match v {
                        serde_json::Value::String(s) if k.ends_with("reason") => *s = s.repeat(200),
                        other => lengthen(other),
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(lengthen),
            _ => {}
        }
    }
    lengthen(&mut json);
    serde_json::to_string_pretty(&json).unwrap()
}

fn reading_final_accounts_takes_under_four_bytes_per_byte() {
    let json = big_final_accounts();
    assert!(json.len() > 1_000_000);
    let (allocated, peak) = per_byte(json.len(), || FinalAccounts::from_json(&json).unwrap());
    println!("FinalAccounts::from_json: {allocated:.2} B/B allocated, peak {peak:.2} B/B");
    assert!(peak <= 4.0, "{peak:.2} bytes per byte at the peak");
    let (allocated, peak) = per_byte(json.len(), || Disclosure::from_any_json(&json).unwrap());
    println!("read_report (FinalAccounts): {allocated:.2} B/B allocated, peak {peak:.2} B/B");
    assert!(peak <= 4.0, "{peak:.2} bytes per byte at the peak");
}

fn reading_text_takes_under_four_bytes_per_byte() {
    let text = big_text();
    let (allocated, peak) = per_byte(text.len(), || parse_report(&text));
    println!("parse_report: {allocated:.2} B/B allocated, peak {peak:.2} B/B");
    // The normalised text stays within 1.6 bytes per byte while the
    // sentences are read, with the reader's own list of facts; it is freed
    // before the disclosure is built from that list.
    let n = normalize(&text);
    let (held, _) = per_byte(text.len(), || n.clone());
    println!("NormalizedText held: {held:.2} B/B");
    assert!(held <= 1.6, "{held:.2} bytes per byte held");
    assert!(peak <= 4.0, "{peak:.2} bytes per byte at the peak");
}
