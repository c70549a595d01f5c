#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The fuzz harness: mutated inputs through every reader, the audit and
//! every renderer, with overflow checks on (a debug build). Four targets:
//!
//! - `text`: report texts (`tests/fixtures`, the corpus, the reproducers)
//!   with edits at character boundaries (numbers, full-width forms, units,
//!   keywords, line breaks, BOMs, huge and over-precise figures);
//! - `disclosure_json`: Disclosure JSON, edited as text and as a tree (fact
//!   values replaced by edge cases, keys repeated, units changed);
//! - `final_accounts_json`: the FinalAccounts form, likewise;
//! - `jsonl`: JSON Lines streams of good, edited and broken lines (invalid
//!   UTF-8, BOMs, blank and CR lines).
//!
//! Whatever reads is audited and rendered (tables as text, Markdown and CSV,
//! the narrative, every finding, its JSON, source and caret lines), and must
//! round-trip through its JSON exactly. A case fails on a panic, on a broken
//! round trip, on a span outside its text, or when it runs longer than
//! [`HANG`] (a hang).
//!
//! How long it runs:
//!
//! ```sh
//! cargo test --all-features --test fuzz                                       # 24 cases per target
//! JUESUAN_FUZZ_CASES=5000 cargo test --all-features --test fuzz -- --nocapture # 5,000 per target
//! JUESUAN_FUZZ_SECONDS=600 cargo test --all-features --test fuzz -- --nocapture # 10 minutes per target
//! ```
//!
//! With `JUESUAN_FUZZ_SECONDS`, each target runs batches of cases until its
//! time is up (the targets run in parallel, two at a time on two cores).
//! `--nocapture` prints what each input class got, for the README's table.
//! A failure prints the shrunk input; the RNG seed is printed too
//! (`PROPTEST_RNG_SEED=… ` reruns it).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use juesuan::{
    Audit, Disclosure, FinalAccounts, audit, render::narrative, render::tables,
    stream::audit_jsonl, text::parse_report,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use serde_json::Value as Json;

/// A case that takes longer than this is a hang (a debug build reads the
/// largest seed, 64 KB, in well under a second).
const HANG: Duration = Duration::from_secs(10);

/// Cases per target without `JUESUAN_FUZZ_SECONDS`.
fn cases() -> u32 {
    std::env::var("JUESUAN_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(24)
}

/// The time budget per target, if any.
fn budget() -> Option<Duration> {
    std::env::var("JUESUAN_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs)
}

/// What the cases of one target got, by input class and outcome.
#[derive(Default)]
struct Tally {
    counts: BTreeMap<(String, String), u64>,
    slowest: Duration,
}

impl Tally {
    fn note(&mut self, class: &str, outcome: &str) {
        *self
            .counts
            .entry((class.to_owned(), outcome.to_owned()))
            .or_default() += 1;
    }

    fn print(&self, target: &str, total: u64, elapsed: Duration) {
        println!(
            "fuzz {target}: {total} cases in {elapsed:.1?}, 0 panics, 0 hangs (slowest case {:.1?})",
            self.slowest
        );
        for ((class, outcome), n) in &self.counts {
            println!("  {target:<20} {class:<28} {outcome:<40} {n:>8}");
        }
    }
}

/// Runs `test` on values of `strategy`: `cases()` of them, or batches until
/// the budget is spent. Panics in `test` are caught, shrunk and reported by
/// proptest.
fn fuzz<S: Strategy>(
    target: &str,
    strategy: S,
    test: impl Fn(S::Value, &mut Tally) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let tally = RefCell::new(Tally::default());
    let seed: [u8; 32] = match std::env::var("PROPTEST_RNG_SEED") {
        Ok(s) => {
            let n: u64 = s.parse().unwrap_or(0);
            let mut seed = [0u8; 32];
            seed[..8].copy_from_slice(&n.to_le_bytes());
            seed
        }
        Err(_) => {
            let n = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            println!("fuzz {target}: PROPTEST_RNG_SEED={n}");
            let mut seed = [0u8; 32];
            seed[..8].copy_from_slice(&n.to_le_bytes());
            seed
        }
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
    let batch = if budget().is_some() { 64 } else { cases() };
    let config = Config {
        cases: batch,
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..Config::default()
    };
    let mut rng = rng;
    let start = Instant::now();
    let mut total = 0u64;
    loop {
        // A runner runs its configured number of cases once: a new one per
        // batch, drawing on the same random stream.
        let mut runner = TestRunner::new_with_rng(config.clone(), rng);
        let result = runner.run(&strategy, |value| {
            let begun = Instant::now();
            let mut t = tally.borrow_mut();
            let outcome = test(value, &mut t);
            let took = begun.elapsed();
            t.slowest = t.slowest.max(took);
            outcome?;
            if took > HANG {
                return Err(TestCaseError::fail(format!("hang: one case took {took:?}")));
            }
            Ok(())
        });
        if let Err(e) = result {
            panic!("fuzz {target}: {e}");
        }
        rng = runner.new_rng();
        total += u64::from(batch);
        match budget() {
            Some(b) if start.elapsed() < b => continue,
            _ => break,
        }
    }
    tally.borrow().print(target, total, start.elapsed());
}

// ------------------------------------------------------------------ seeds

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Text files under `dir` (sorted), as (name, text).
fn texts_in(dir: &str, ext: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(repo().join(dir))
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            if path.extension()? != ext {
                return None;
            }
            let text = std::fs::read_to_string(&path).ok()?;
            Some((path.file_name()?.to_string_lossy().into_owned(), text))
        })
        .collect();
    out.sort();
    out
}

/// The report texts: fixtures, reproducers and the corpus.
fn text_seeds() -> Vec<(String, String)> {
    let mut seeds = texts_in("tests/fixtures", "txt");
    seeds.extend(texts_in("tests/fixtures/repro", "txt"));
    seeds.extend(texts_in("tests/corpus/docs", "txt"));
    seeds
}

/// Disclosure JSON: the reference facts, reproducers, and what every text
/// seed reads as.
fn disclosure_seeds() -> Vec<(String, String)> {
    let mut seeds = vec![(
        "xinjiang-hrss-2024.facts.json".to_owned(),
        std::fs::read_to_string(repo().join("tests/fixtures/xinjiang-hrss-2024.facts.json"))
            .unwrap(),
    )];
    for (name, text) in texts_in("tests/fixtures/repro", "json") {
        if text.contains("\"facts\"") {
            seeds.push((name, text));
        }
    }
    for (name, text) in texts_in("tests/fixtures", "txt") {
        seeds.push((
            format!("{name} → json"),
            parse_report(&text).disclosure.to_json(),
        ));
    }
    seeds
}

/// FinalAccounts JSON: the reference report and the reproducers.
fn final_accounts_seeds() -> Vec<(String, String)> {
    let mut seeds = vec![(
        "xinjiang-hrss-2024.json".to_owned(),
        std::fs::read_to_string(repo().join("examples/data/xinjiang-hrss-2024.json")).unwrap(),
    )];
    for (name, text) in texts_in("tests/fixtures/repro", "json") {
        if text.contains("\"fiscal_year\"") && !text.contains("\"facts\"") {
            seeds.push((name, text));
        }
    }
    seeds
}

// ------------------------------------------------------------------ edits

/// Pieces inserted into texts: what breaks readers.
const TEXT_PIECES: &[&str] = &[
    "0",
    "7",
    "1,234.56",
    "１２３４．５６",
    "１,２３４.５６",
    "-",
    "－",
    "%",
    "％",
    ".",
    ",",
    "，",
    "。",
    "；",
    "：",
    "、",
    "（",
    "）",
    "万元",
    "元",
    "万 元",
    "亿元",
    "增加",
    "减少",
    "增长",
    "下降",
    "持平",
    "占",
    "上年",
    "年初预算",
    "决算数",
    "完成",
    "（类）",
    "（款）",
    "（项）",
    "2080101",
    "208001",
    "主要原因是",
    "第二部分",
    "一、",
    "（一）",
    "XX",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\u{c}",
    "\u{feff}",
    " ",
    "\t",
    "\u{3000}",
    "\u{200b}",
    "9999999999999999999999999999",
    "79228162514264337593543950335",
    "0.0000001",
    "1.2345678",
    "0.000000",
    "99,999,999,999,999,999,999,999,999.99",
    "9223372036854775808",
    "-9223372036854775809",
];

/// One edit of a string at character boundaries (positions are taken
/// modulo the length).
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    Replace(usize, usize, String),
    /// Copies a range elsewhere (repeats a sentence, a key, a number).
    Duplicate(usize, usize, usize),
    /// Swaps full-width and ASCII forms of the digits in a range.
    Widen(usize, usize),
}

fn piece(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(pieces).prop_map(str::to_owned),
        1 => (proptest::sample::select(pieces), 2usize..400).prop_map(|(p, n)| p.repeat(n)),
        1 => "\\PC{1,8}",
    ]
}

fn edit(pieces: &'static [&'static str]) -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), piece(pieces)).prop_map(|(at, s)| Edit::Insert(at, s)),
        2 => (any::<usize>(), 0usize..300).prop_map(|(at, n)| Edit::Delete(at, n)),
        3 => (any::<usize>(), 0usize..20, piece(pieces)).prop_map(|(at, n, s)| Edit::Replace(at, n, s)),
        1 => (any::<usize>(), 1usize..400, any::<usize>()).prop_map(|(a, n, b)| Edit::Duplicate(a, n, b)),
        1 => (any::<usize>(), 1usize..2000).prop_map(|(at, n)| Edit::Widen(at, n)),
    ]
}

/// The char boundary at or before `at % (len + 1)`.
fn boundary(s: &str, at: usize) -> usize {
    let mut i = at % (s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(s: &mut String, e: &Edit) {
    match e {
        Edit::Insert(at, text) => {
            let a = boundary(s, *at);
            s.insert_str(a, text);
        }
        Edit::Delete(at, n) => {
            let a = boundary(s, *at);
            let b = boundary(s, a.saturating_add(*n).min(s.len()));
            s.replace_range(a..b.max(a), "");
        }
        Edit::Replace(at, n, text) => {
            let a = boundary(s, *at);
            let b = boundary(s, a.saturating_add(*n).min(s.len())).max(a);
            s.replace_range(a..b, text);
        }
        Edit::Duplicate(from, n, to) => {
            let a = boundary(s, *from);
            let b = boundary(s, a.saturating_add(*n).min(s.len())).max(a);
            let copy = s[a..b].to_owned();
            let at = boundary(s, *to);
            s.insert_str(at, &copy);
        }
        Edit::Widen(at, n) => {
            let a = boundary(s, *at);
            let b = boundary(s, a.saturating_add(*n).min(s.len())).max(a);
            let swapped: String = s[a..b]
                .chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(u32::from(c) - 0x30 + 0xFF10).unwrap_or(c),
                    '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + 0x30).unwrap_or(c),
                    c => c,
                })
                .collect();
            s.replace_range(a..b, &swapped);
        }
    }
}

/// Edits of a seed chosen from `seeds`.
fn edited(
    seeds: Vec<(String, String)>,
    pieces: &'static [&'static str],
    most: usize,
) -> impl Strategy<Value = (String, String)> {
    let n = seeds.len();
    (0..n, proptest::collection::vec(edit(pieces), 0..most)).prop_map(move |(i, edits)| {
        let (name, text) = &seeds[i];
        let mut text = text.clone();
        for e in &edits {
            apply(&mut text, e);
        }
        let class = if edits.is_empty() {
            "seed as is".to_owned()
        } else {
            class_of(name)
        };
        (class, text)
    })
}

/// The input class of a seed, for the tally.
fn class_of(name: &str) -> String {
    if name.contains(" → json") {
        "edited parsed-text JSON".to_owned()
    } else if name.ends_with(".json") || name.ends_with(".jsonl") {
        if name.contains("xinjiang") {
            "edited reference JSON".to_owned()
        } else {
            "edited reproducer".to_owned()
        }
    } else if name.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        "edited corpus text".to_owned()
    } else if name.contains("xinjiang") || name.contains("putuo") || name.contains("template") {
        "edited fixture text".to_owned()
    } else {
        "edited reproducer".to_owned()
    }
}

// ------------------------------------------------------------------ checks

/// Audits `d` and renders everything about it; `text` is its source, if
/// it was read from text. Returns the number of findings.
fn exercise(d: &Disclosure, text: Option<&str>) -> Result<usize, TestCaseError> {
    let findings = audit(d);
    let lines = text.map(juesuan::span::SourceLines::new);
    for f in &findings {
        let _ = f.to_string();
        let _ = f.to_json();
        let _ = (f.expected(), f.actual(), f.difference(), f.tolerance());
        if let (Some(span), Some(text), Some(lines)) = (f.span(), text, lines.as_ref()) {
            prop_assert!(
                span.start <= span.end && span.end <= text.len(),
                "{f}: {span:?}"
            );
            prop_assert_eq!(span.source_line(text), span.source_line_in(lines));
            let _ = span.caret_line(text);
        }
    }
    for t in tables(d) {
        let _ = t.to_text();
        let _ = t.to_markdown();
    }
    juesuan::render::write_csv(d, std::io::sink())
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let _ = narrative(d);
    // Whatever was read round-trips through its JSON exactly: every fact,
    // unit, span and finding.
    let json = d.to_json();
    let back = Disclosure::from_json(&json).map_err(|e| {
        TestCaseError::fail(format!("its own JSON does not read back: {e}\n{json}"))
    })?;
    prop_assert_eq!(&back, d, "JSON round trip");
    let compact = serde_json::to_string(&d.to_json_value()).unwrap();
    prop_assert_eq!(
        &Disclosure::from_any_json(&compact).unwrap(),
        d,
        "compact round trip"
    );
    Ok(findings.len())
}

#[test]
fn text() {
    fuzz(
        "text",
        edited(text_seeds(), TEXT_PIECES, 8),
        |(class, text), tally| {
            let parsed = parse_report(&text);
            for diag in &parsed.diagnostics {
                prop_assert!(diag.span.start <= diag.span.end && diag.span.end <= text.len());
            }
            let d = &parsed.disclosure;
            for (_, stmts) in d.iter() {
                for f in stmts {
                    let span = f.span().unwrap();
                    prop_assert!(span.end <= text.len());
                    prop_assert!(
                        text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
                    );
                    prop_assert!(span.source_line(&text).is_some());
                }
            }
            let findings = exercise(d, Some(&text))?;
            let outcome = match (d.is_empty(), findings) {
                (true, _) => "no fact read",
                (false, 0) => "facts read, no finding",
                (false, _) => "facts read and audited, findings",
            };
            tally.note(&class, outcome);
            Ok(())
        },
    );
}

/// Values that fact JSON may hold, good and bad.
const JSON_VALUES: &[&str] = &[
    "\"0.00\"",
    "\"1.00\"",
    "\"-1.00\"",
    "\"18000.00元\"",
    "\"179.78万元\"",
    "\"1,234.56\"",
    "\"１２.３４\"",
    "\"9999999999999999999999999999\"",
    "\"-79228162514264337593543950335\"",
    "\"0.0000001\"",
    "\"0.000000\"",
    "\"1e5\"",
    "\"\"",
    "\"  \"",
    "\"93.43\"",
    "\"100%\"",
    "0",
    "1",
    "-1",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "18446744073709551616",
    "1.5",
    "1e400",
    "null",
    "true",
    "[]",
    "[\"1.00\", \"2.00\"]",
    "{}",
    "\"增加\"",
];

/// Fact ids to add or overwrite.
const JSON_IDS: &[&str] = &[
    "revenue.total",
    "revenue.current_year",
    "revenue.appropriation",
    "expenditure.total",
    "three_public.total",
    "three_public.vehicles",
    "three_public.vehicles.change",
    "general_budget.function.208",
    "general_budget.function.20801",
    "general_budget.function.2080101",
    "general_budget.function.2080101.change",
    "general_budget.function.2080102.change",
    "staff.total",
    "staff.total.change",
    "staff.active",
    "assets.vehicles",
    "revenue.appropriation.share",
    "no.such.fact",
];

/// An edit of a JSON tree.
#[derive(Debug, Clone)]
enum TreeEdit {
    /// Sets fact `id` to a value.
    Set(usize, usize),
    /// Removes the `n`th fact.
    Remove(usize),
    /// Sets the document's unit.
    Unit(bool),
    /// Repeats the `n`th key of the facts object (as text).
    RepeatKey(usize),
}

fn tree_edit() -> impl Strategy<Value = TreeEdit> {
    prop_oneof![
        4 => (any::<usize>(), any::<usize>()).prop_map(|(i, v)| TreeEdit::Set(i, v)),
        2 => any::<usize>().prop_map(TreeEdit::Remove),
        1 => any::<bool>().prop_map(TreeEdit::Unit),
        1 => any::<usize>().prop_map(TreeEdit::RepeatKey),
    ]
}

/// Applies tree edits to a Disclosure JSON (text edits apply after).
fn edit_tree(text: &str, edits: &[TreeEdit]) -> String {
    let Ok(mut json) = serde_json::from_str::<Json>(text.trim_start_matches('\u{feff}')) else {
        return text.to_owned();
    };
    let mut repeat = None;
    for e in edits {
        let Some(obj) = json.as_object_mut() else {
            break;
        };
        match e {
            TreeEdit::Unit(yuan) => {
                obj.insert("unit".into(), Json::from(if *yuan { "元" } else { "万元" }));
            }
            TreeEdit::Set(i, v) => {
                let value: Json =
                    serde_json::from_str(JSON_VALUES[v % JSON_VALUES.len()]).unwrap_or(Json::Null);
                if let Some(facts) = obj.get_mut("facts").and_then(Json::as_object_mut) {
                    facts.insert(JSON_IDS[i % JSON_IDS.len()].to_owned(), value);
                }
            }
            TreeEdit::Remove(i) => {
                if let Some(facts) = obj.get_mut("facts").and_then(Json::as_object_mut) {
                    if let Some(k) = facts.keys().nth(i % facts.len().max(1)).cloned() {
                        facts.remove(&k);
                        if let Some(spans) = obj.get_mut("spans").and_then(Json::as_object_mut) {
                            spans.remove(&k);
                        }
                    }
                }
            }
            TreeEdit::RepeatKey(i) => repeat = Some(*i),
        }
    }
    let mut out = serde_json::to_string(&json).unwrap();
    if let (Some(i), Some(facts)) = (repeat, json.get("facts").and_then(Json::as_object)) {
        if let Some((k, v)) = facts.iter().nth(i % facts.len().max(1)) {
            let entry = format!("{}: {}, ", Json::from(k.clone()), v);
            if let Some(at) = out.find("\"facts\":{") {
                out.insert_str(at + "\"facts\":{".len(), &entry);
            }
        }
    }
    out
}

/// Pieces inserted into JSON text.
const JSON_PIECES: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "\\u0000",
    "\\ud800",
    "\u{feff}",
    "1e400",
    "-0",
    "\"revenue.total\": \"1.00\", ",
    "\"staff.total\": 18446744073709551616, ",
    "\"unit\": \"元\", ",
    "\"9999999999999999999999999999\"",
    "\"0.0000001\"",
    "万元",
    "元",
    "\n",
    "\r",
    " ",
];

fn json_case(seeds: Vec<(String, String)>) -> impl Strategy<Value = (String, String)> {
    (
        proptest::collection::vec(tree_edit(), 0..3),
        edited(seeds, JSON_PIECES, 3),
    )
        .prop_map(|(tree, (class, text))| {
            let class = if tree.is_empty() {
                class
            } else {
                format!("{class} + tree edits")
            };
            (class, edit_tree(&text, &tree))
        })
}

#[test]
fn disclosure_json() {
    fuzz(
        "disclosure_json",
        json_case(disclosure_seeds()),
        |(class, text), tally| {
            let outcome = match Disclosure::from_json(&text) {
                Ok(d) => {
                    prop_assert_eq!(&Disclosure::from_any_json(&text).unwrap(), &d);
                    exercise(&d, None)?;
                    "read, audited, rendered, round-tripped"
                }
                Err(e) => {
                    prop_assert!(!e.message().is_empty());
                    prop_assert!(
                        Disclosure::from_any_json(&text).is_err() || !text.contains("\"facts\"")
                    );
                    "refused with a JSON path"
                }
            };
            tally.note(&class, outcome);
            Ok(())
        },
    );
}

#[test]
fn final_accounts_json() {
    fuzz(
        "final_accounts_json",
        edited(final_accounts_seeds(), JSON_PIECES, 4),
        |(class, text), tally| {
            let outcome = match FinalAccounts::from_json(&text) {
                Ok(f) => {
                    let again = FinalAccounts::from_json(&f.to_json()).map_err(|e| {
                        TestCaseError::fail(format!("its own JSON does not read back: {e}"))
                    })?;
                    prop_assert_eq!(&again, &f);
                    let d = f.to_disclosure();
                    exercise(&d, None)?;
                    let _ = f.audit();
                    "read, validated, rendered, round-tripped"
                }
                Err(e) => {
                    prop_assert!(!e.message().is_empty());
                    "refused with a JSON path"
                }
            };
            tally.note(&class, outcome);
            Ok(())
        },
    );
}

/// One line of a stream.
#[derive(Debug, Clone)]
enum Line {
    Good(usize),
    Edited(usize, Vec<Edit>),
    Bytes(Vec<u8>),
    Bom(usize),
    Blank,
    Cr,
}

#[test]
fn jsonl() {
    let seeds: Vec<String> = disclosure_seeds()
        .into_iter()
        .chain(final_accounts_seeds())
        .filter_map(|(_, text)| {
            let json: Json = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
            Some(serde_json::to_string(&json).unwrap())
        })
        .collect();
    let n = seeds.len();
    let line = prop_oneof![
        3 => (0..n).prop_map(Line::Good),
        3 => (0..n, proptest::collection::vec(edit(JSON_PIECES), 1..4)).prop_map(|(i, e)| Line::Edited(i, e)),
        1 => proptest::collection::vec(any::<u8>(), 0..40).prop_map(Line::Bytes),
        1 => (0..n).prop_map(Line::Bom),
        1 => Just(Line::Blank),
        1 => Just(Line::Cr),
    ];
    fuzz(
        "jsonl",
        proptest::collection::vec(line, 1..12),
        |lines, tally| {
            let mut bytes = Vec::new();
            let mut non_blank = 0u64;
            for l in &lines {
                let text: Vec<u8> = match l {
                    Line::Good(i) => seeds[*i].clone().into_bytes(),
                    Line::Edited(i, edits) => {
                        let mut s = seeds[*i].clone();
                        for e in edits {
                            apply(&mut s, e);
                        }
                        s.replace(['\n', '\r'], " ").into_bytes()
                    }
                    Line::Bytes(b) => b
                        .iter()
                        .map(|&c| if c == b'\n' { b' ' } else { c })
                        .collect(),
                    Line::Bom(i) => format!("\u{feff}{}", seeds[*i]).into_bytes(),
                    Line::Blank => Vec::new(),
                    Line::Cr => b"\r".to_vec(),
                };
                let blank = match std::str::from_utf8(&text) {
                    // One leading BOM is skipped (as in every JSON reader of the
                    // crate); a second is content, and the line is reported.
                    Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t).trim().is_empty(),
                    Err(_) => false,
                };
                if !blank {
                    non_blank += 1;
                }
                bytes.extend_from_slice(&text);
                bytes.push(b'\n');
            }
            let mut last_line = 0;
            let mut read = vec![None; lines.len()];
            let summary = audit_jsonl(bytes.as_slice(), &Audit::new(), |item| {
                assert!(item.line > last_line);
                last_line = item.line;
                if let Ok(findings) = item.result {
                    for f in findings {
                        let _ = f.to_string();
                    }
                }
                if let Some(slot) = read.get_mut(item.line as usize - 1) {
                    *slot = Some(item.result.is_ok());
                }
            })
            .unwrap();
            prop_assert_eq!(summary.reports() + summary.unreadable(), non_blank);
            let _ = summary.to_string();
            for (l, read) in lines.iter().zip(&read) {
                let class = match l {
                    Line::Good(_) => "seed line as is",
                    Line::Edited(..) => "edited line",
                    Line::Bytes(_) => "random bytes",
                    Line::Bom(_) => "line with a BOM",
                    Line::Blank => "blank line",
                    Line::Cr => "CR line",
                };
                let outcome = match read {
                    Some(true) => "read and audited",
                    Some(false) => "unreadable, reported by line",
                    None => "skipped (blank)",
                };
                tally.note(&format!("JSON Lines: {class}"), outcome);
            }
            tally.note(
                "JSON Lines stream",
                if summary.unreadable() == 0 {
                    "every line read"
                } else if summary.reports() == 0 {
                    "no line read"
                } else {
                    "some lines unreadable, the rest read"
                },
            );
            Ok(())
        },
    );
}
