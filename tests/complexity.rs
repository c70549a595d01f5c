#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! Time that grows with the input as the input grows, not faster: a reader or
//! a printer that rescans its input per figure goes quadratic on long
//! inputs (issue 11: 16–18 s for a 4 MB sentence, 7 s to print the findings
//! of a 10 MB text).
//!
//! Each test times the same work on an input and on one sixteen times as
//! large, the best of several runs each, and requires the large one to take
//! less than 32 times as long: linear work takes about sixteen times,
//! quadratic work 256 times (and still well over 32 when a linear part
//! dominates the small input). The factor of two between linear and the
//! bound absorbs a busy machine; the best of several runs absorbs a
//! preempted one.

use std::time::{Duration, Instant};

use juesuan::{span::SourceLines, text::parse_report};

const XINJIANG: &str = include_str!("fixtures/xinjiang-hrss-2024.txt");

/// The best of `runs` timings of `f`.
fn best_of(runs: u32, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Held while timing, so that the tests of this file do not time each other.
static TIMING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// How much larger the large input is.
const FACTOR: f64 = 16.0;

/// Asserts that `work` on `large` (about [`FACTOR`] times `small`) takes
/// less than twice [`FACTOR`] times as long as on `small`.
fn grows_linearly<T: ?Sized>(
    name: &str,
    small: &T,
    large: &T,
    size: impl Fn(&T) -> usize,
    work: impl Fn(&T),
) {
    let grown = size(large) as f64 / size(small) as f64;
    assert!(
        (FACTOR * 0.95..FACTOR * 1.05).contains(&grown),
        "{name}: inputs ×{grown:.2}"
    );
    let _alone = TIMING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // Warm up (page in, allocate), then measure, alternating the two inputs so
    // that a busy spell of the machine falls on both.
    work(small);
    // A ratio over the bound is measured again, up to twice: a busy spell
    // may slow one measure, but quadratic work exceeds the bound every time.
    let (mut a, mut b, mut ratio) = (Duration::MAX, Duration::MAX, f64::MAX);
    for _ in 0..3 {
        let (mut small_best, mut large_best) = (Duration::MAX, Duration::MAX);
        for _ in 0..4 {
            small_best = small_best.min(best_of(3, || work(small)));
            large_best = large_best.min(best_of(2, || work(large)));
        }
        let r = large_best.as_secs_f64() / small_best.as_secs_f64().max(1e-9);
        if r < ratio {
            (a, b, ratio) = (small_best, large_best, r);
        }
        if ratio < 2.0 * FACTOR {
            break;
        }
    }
    eprintln!("{name}: {a:?} → {b:?} (×{ratio:.1} for ×{grown:.1} input)");
    assert!(
        ratio < 2.0 * FACTOR,
        "{name}: {a:?} for size {}, {b:?} for size {}: ×{ratio:.1} for ×{grown:.1} input",
        size(small),
        size(large)
    );
}

/// The long-sentence reproducer (`tests/fixtures/repro/make-long-sentence.sh`)
/// with `clauses` clauses: one sentence, every clause a figure and a share.
pub fn long_sentence(clauses: usize) -> String {
    let mut text = String::from("二、收入决算情况说明\n本年收入");
    for _ in 0..clauses {
        text.push_str("，其中：财政拨款收入1.00万元，占 1.00%");
    }
    text.push_str("。\n");
    text
}

#[test]
fn a_long_sentence_is_read_in_linear_time() {
    grows_linearly(
        "one long sentence",
        long_sentence(1_500).as_str(),
        long_sentence(24_000).as_str(),
        str::len,
        |t| {
            let parsed = parse_report(t);
            std::hint::black_box(parsed.disclosure.len());
        },
    );
}

#[test]
fn every_figure_of_a_long_text_is_shown_in_linear_time() {
    // What the audit example does with each finding: the source line of its
    // span and the carets under it. A text of many lines (the reference
    // report repeated) and one of a single long line.
    let show = |(text, spans): &(String, Vec<juesuan::Span>)| {
        let mut shown = 0usize;
        for s in spans {
            shown += s.source_line(text).map_or(0, str::len);
            shown += s.caret_line(text).map_or(0, |c| c.len());
        }
        std::hint::black_box(shown);
    };
    let spans_of = |text: String| {
        let spans: Vec<juesuan::Span> = parse_report(&text)
            .disclosure
            .iter()
            .flat_map(|(_, stmts)| stmts.iter().filter_map(|f| f.span()))
            .collect();
        (text, spans)
    };
    let count = |(_, spans): &(String, Vec<juesuan::Span>)| spans.len();
    grows_linearly(
        "source lines of a repeated report",
        &spans_of(XINJIANG.to_owned()),
        &spans_of(XINJIANG.repeat(16)),
        count,
        show,
    );
    // An index of the lines, built once, for the same.
    let show_indexed = |(text, spans): &(String, Vec<juesuan::Span>)| {
        let lines = SourceLines::new(text);
        let mut shown = 0usize;
        for s in spans {
            shown += s.source_line_in(&lines).map_or(0, str::len);
        }
        std::hint::black_box(shown);
    };
    grows_linearly(
        "indexed source lines of a repeated report",
        &spans_of(XINJIANG.to_owned()),
        &spans_of(XINJIANG.repeat(16)),
        count,
        show_indexed,
    );
}

#[test]
fn the_reference_text_and_pathological_shapes_are_read_in_linear_time() {
    let parse = |t: &str| {
        let parsed = parse_report(t);
        std::hint::black_box(parsed.disclosure.len());
    };
    grows_linearly(
        "the reference report repeated",
        XINJIANG,
        XINJIANG.repeat(16).as_str(),
        str::len,
        parse,
    );
    // One giant paragraph, long runs of digits, keywords, X; runs of every
    // keyword, in a section where budget words are label text too.
    let mut units: Vec<(String, &str)> = [
        "增加",
        "1",
        "主要原因是：",
        "（类）",
        "X",
        "1,000,",
        "增加（",
        "教育支出（类）、",
        "教育支出（类）无",
        "占",
        "完成",
        "未完成",
        "无",
        "单价",
        "截至",
        "决算数",
        "持平",
        "（如",
        "分别是",
        "预决算",
    ]
    .iter()
    .map(|u| ((*u).to_owned(), ""))
    .collect();
    units.push(("全年预算数".to_owned(), "十一、预算绩效的情况说明\n"));
    for (unit, head) in &units {
        // About 4 KB and 64 KB.
        let n = 4096 / unit.len();
        let shape = |k: usize| format!("{head}{}", unit.repeat(n * k));
        grows_linearly(
            &format!("{head}{unit}…"),
            shape(1).as_str(),
            shape(16).as_str(),
            |t: &str| t.len() - head.len(),
            parse,
        );
    }
}
