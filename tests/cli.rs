#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! The `juesuan` command, run as a user runs it: the reference report,
//! every kind of input that is no report, JSON Lines with good, bad and
//! identity-breaking lines, standard input, many files in parallel. Each
//! test asserts the exit code, the message, and that no good report is
//! lost.
//!
//! Expected findings of the reference report are the anomalies read by
//! hand from it (DESIGN §8): six warnings (two rates on a zero base, two
//! code names, two malformed codes), five infos within rounding or
//! explained, no error; its facts are counted in the hand-written fact
//! table (`tests/fixtures/xinjiang-hrss-2024.facts.json`).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value as Json;

const BIN: &str = env!("CARGO_BIN_EXE_juesuan");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const TEXT: &str = "tests/fixtures/xinjiang-hrss-2024.txt";
const JSON: &str = "examples/data/xinjiang-hrss-2024.json";

/// Runs `juesuan ARGS` in the crate's directory, with `stdin` piped in.
fn run_with(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn run(args: &[&str]) -> Output {
    run_with(args, b"")
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, content: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_str().unwrap().to_owned()
}

/// The reference FinalAccounts with two identities broken by hand: T9's
/// 公务接待费 1.80 → 1.90 (Σ = 181.68 against 181.58) and T6's 公用经费
/// 2,053.19 → 2,054.19 (Σ = 20,022.91 against 20,021.91).
fn broken_final_accounts() -> String {
    let mut json: Json =
        serde_json::from_str(&std::fs::read_to_string(Path::new(ROOT).join(JSON)).unwrap())
            .unwrap();
    json["three_public"]["reception"]["amount"] = "1.90".into();
    json["basic"]["public"] = "2054.19".into();
    json.to_string()
}

/// The reference FinalAccounts on one line.
fn reference_line() -> String {
    let json: Json =
        serde_json::from_str(&std::fs::read_to_string(Path::new(ROOT).join(JSON)).unwrap())
            .unwrap();
    json.to_string()
}

/// How many facts the hand-written fact table of the reference text has.
fn hand_read_facts() -> usize {
    let table: Json = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(ROOT).join("tests/fixtures/xinjiang-hrss-2024.facts.json"),
        )
        .unwrap(),
    )
    .unwrap();
    table["facts"].as_object().unwrap().len()
}

/// The line of the reference text that holds `needle` (1-based), read from
/// the fixture, not from the program.
fn line_of(needle: &str) -> usize {
    std::fs::read_to_string(Path::new(ROOT).join(TEXT))
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap()
        + 1
}

// ------------------------------------------------------------ the basics

#[test]
fn help_goes_to_stdout_with_the_exit_codes() {
    for args in [
        &["--help"][..],
        &["audit", "--help"][..],
        &["help", "audit"][..],
    ] {
        let o = run(args);
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("Exit status:"), "{out}");
        assert!(out.contains("1  some input has an error finding"), "{out}");
        assert!(
            out.contains("2  some input could not be read as a report"),
            "{out}"
        );
    }
    let o = run(&["--version"]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o).trim(),
        format!("juesuan {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_wrong_command_line_is_exit_2_without_debug_text() {
    for args in [
        &["audit", "--format", "xml", TEXT][..],
        &["audit", "--bogus", TEXT][..],
        &["audit"][..],
        &["frobnicate"][..],
    ] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with("error:"), "{err}");
        assert!(!err.contains("Some("), "{err}");
        assert!(stdout(&o).is_empty());
    }
    let o = run(&["audit", "--format", "xml", TEXT]);
    assert!(stderr(&o).contains("possible values: text, json, jsonl, html"));
    let o = run(&["audit", "--disable", "T99.nothing", TEXT]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("T99.nothing"), "{}", stderr(&o));
}

#[test]
fn format_with_equals_or_space_is_the_same() {
    let a = run(&["audit", "--format=json", JSON]);
    let b = run(&["audit", "--format", "json", JSON]);
    let c = run(&["audit", "-f", "json", JSON]);
    assert_eq!(code(&a), 0);
    assert_eq!(stdout(&a), stdout(&b));
    assert_eq!(stdout(&a), stdout(&c));
    serde_json::from_str::<Json>(&stdout(&a)).unwrap();
}

// ----------------------------------------------------- the reference text

#[test]
fn the_reference_text_is_audited_like_a_compiler() {
    let o = run(&["audit", TEXT]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "{TEXT}: 新疆维吾尔自治区人力资源和社会保障厅 2024年度: {} facts, 11 findings",
            hand_read_facts()
        )
    );
    assert!(out.ends_with("\n0 errors, 6 warnings, 5 info\n"), "{out}");
    // The malformed code, at the line the fixture has it on, underlined.
    let line = line_of("调整为 208001 行政运行");
    let at = format!("--> {TEXT}:{line}:");
    assert!(out.contains(&at), "{at} missing:\n{out}");
    let block = out.split("\n\n").find(|b| b.contains(&at)).unwrap();
    assert!(block.starts_with("warning[code.malformed]"), "{block}");
    assert!(block.contains("调整为 208001 行政运行"), "{block}");
    assert!(
        block
            .lines()
            .any(|l| l.trim_start().starts_with('|') && l.contains("^^^^^^")),
        "{block}"
    );
    for rule in [
        "warning[rate.zero-base]",
        "warning[code.name-mismatch]",
        "info[T5.total]",
        "info[T5.hierarchy]",
        "info[T5.change-sum]",
        "info[T5.prior-year-sum]",
        "info[assets.vehicles-held-difference]",
    ] {
        assert!(out.contains(rule), "{rule} missing");
    }
    assert!(out.contains("difference 0.01 within rounding tolerance 0.02"));
    // What the reader skipped is said on stderr, and --quiet silences it.
    assert!(stderr(&o).contains("note: "), "{}", stderr(&o));
    let quiet = run(&["audit", "--quiet", TEXT]);
    assert_eq!(stderr(&quiet), "");
    assert_eq!(stdout(&quiet), out);
}

#[test]
fn json_output_has_findings_diagnostics_and_a_summary() {
    let o = run(&["audit", "--format", "json", TEXT]);
    assert_eq!(code(&o), 0);
    let j: Json = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["status"], "audited");
    assert_eq!(j["file"], TEXT);
    assert_eq!(j["facts_stated"], hand_read_facts());
    assert_eq!(j["findings"].as_array().unwrap().len(), 11);
    assert_eq!(
        j["summary"],
        serde_json::json!({"error": 0, "warning": 6, "info": 5})
    );
    assert!(!j["diagnostics"].as_array().unwrap().is_empty());
    assert!(j.get("facts").is_none(), "facts only with --facts");
    let line = line_of("调整为 208001 行政运行");
    assert!(
        j["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "code.malformed" && f["span"]["line"] == line),
        "{j}"
    );
    let with = run(&["audit", "--format", "json", "--facts", TEXT]);
    let j: Json = serde_json::from_str(&stdout(&with)).unwrap();
    assert_eq!(j["facts"]["revenue.total"], "74194.06");
}

// ------------------------------------------------- inputs that are no report

/// Every kind of input that is no report: exit 2, the reason on stderr,
/// nothing on stdout.
#[test]
fn what_is_no_report_is_exit_2_with_the_reason() {
    let dir = scratch("malformed");
    let cases: Vec<(String, &str)> = vec![
        (write(&dir, "empty.txt", b""), "empty input"),
        (write(&dir, "blank.json", b"  \n\n"), "empty input"),
        (write(&dir, "array.json", b"[1,2,3]"), "but found an array"),
        (
            write(
                &dir,
                "package.json",
                br#"{"name": "x", "version": "1.0.0"}"#,
            ),
            "but found an object with the fields `name`, `version`",
        ),
        (
            write(&dir, "title.txt", "新疆某厅2024年度部门决算\n".as_bytes()),
            "no report sentence",
        ),
        ("Cargo.toml".to_owned(), "no report sentence"),
        (
            write(&dir, "binary.txt", b"\xff\xfe\x00garbage"),
            "not UTF-8 text",
        ),
        (
            write(
                &dir,
                "two.json",
                b"{\"facts\": {\"staff.total\": 1}}\n{\"facts\": {\"staff.total\": 2}}\n",
            ),
            "audit it with `juesuan audit --jsonl`",
        ),
        (
            write(
                &dir,
                "report.pdf",
                b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
            ),
            "cannot read the PDF",
        ),
        (
            write(
                &dir,
                "strict.json",
                br#"{"fiscal_year": 2024, "department": "x", "three_public": {"total": 1.5}}"#,
            ),
            "numbers lose trailing zeros",
        ),
        (
            dir.join("missing.txt").to_str().unwrap().to_owned(),
            "cannot read it",
        ),
    ];
    for (path, reason) in &cases {
        for format in ["text", "json"] {
            let o = run(&["audit", "--format", format, path]);
            assert_eq!(code(&o), 2, "{path} ({format}): {}", stderr(&o));
            let err = stderr(&o);
            assert!(
                err.starts_with(&format!("error: {path}: ")),
                "{path}: {err}"
            );
            assert!(err.contains(reason), "{path}: expected {reason:?} in {err}");
            if format == "text" {
                assert_eq!(stdout(&o), "", "{path}");
            } else {
                let j: Json = serde_json::from_str(&stdout(&o)).unwrap();
                assert_eq!(j["status"], "unreadable", "{path}");
                assert!(j["error"].as_str().unwrap().contains(reason));
            }
        }
    }
}

/// A bad input among good ones: every good report is still audited and
/// written, and the run exits 2.
#[test]
fn a_bad_input_loses_no_good_report() {
    let dir = scratch("mixed-files");
    let bad = write(&dir, "bad.json", b"[1,2,3]");
    let o = run(&["audit", "--jobs", "1", TEXT, &bad, JSON]);
    assert_eq!(code(&o), 2);
    let out = stdout(&o);
    assert!(out.starts_with(&format!("{TEXT}: ")), "{out}");
    assert!(out.contains(&format!("\n{JSON}: ")), "{out}");
    assert!(
        out.contains(
            "2 reports, 1 unreadable, 0 with errors; findings: 0 errors, 12 warnings, 10 info"
        ),
        "{out}"
    );
    assert!(stderr(&o).contains(&format!("error: {bad}: ")));
}

// ------------------------------------------- strict reports that break rules

#[test]
fn a_broken_final_accounts_is_audited_with_every_finding() {
    let dir = scratch("broken");
    let path = write(&dir, "broken.json", broken_final_accounts().as_bytes());
    let o = run(&["audit", &path]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("error[T9.total]"), "{out}");
    assert!(out.contains("error[T6.total]"), "{out}");
    assert!(out.contains("expected 181.68, found 181.58"), "{out}");
    assert!(
        !out.contains("more error"),
        "every finding is listed: {out}"
    );
    // The warnings of the unbroken rest are still there.
    assert!(out.contains("warning[code.malformed]"), "{out}");
}

// ------------------------------------------------------------- JSON Lines

/// Lines: 1 the reference, 2 a small clean Disclosure, 3 not JSON, 4
/// blank, 5 the reference with two identities broken, 6 `[1,2,3]`.
fn mixed_jsonl(dir: &Path) -> String {
    let lines = [
        reference_line(),
        r#"{"facts": {"staff.total": 3, "staff.active": 1, "staff.retired_cadre": 1, "staff.retired": 1}}"#.to_owned(),
        "not json at all".to_owned(),
        String::new(),
        broken_final_accounts(),
        "[1,2,3]".to_owned(),
    ];
    write(dir, "mixed.jsonl", (lines.join("\n") + "\n").as_bytes())
}

#[test]
fn jsonl_audits_every_good_line_and_names_every_bad_one() {
    let dir = scratch("jsonl");
    let path = mixed_jsonl(&dir);
    let o = run(&["audit", "--jsonl", &path]);
    assert_eq!(code(&o), 2, "a bad line makes the run exit 2");
    let out = stdout(&o);
    let err = stderr(&o);
    // Errors of line 5, by line.
    assert!(out.contains(&format!("{path}:5: error[T9.total]")), "{out}");
    assert!(out.contains(&format!("{path}:5: error[T6.total]")), "{out}");
    assert!(!out.contains(&format!("{path}:1: error")), "{out}");
    // Bad lines named by number, with the reason.
    assert!(
        err.contains(&format!("{path}:3: not a report: at $: invalid JSON")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{path}:6: not a report: at $: expected a report")),
        "{err}"
    );
    assert_eq!(err.matches("not a report").count(), 2, "{err}");
    // Every good line counted: three reports, two unreadable lines.
    let summary = out.lines().find(|l| l.contains(" unreadable, ")).unwrap();
    assert!(
        summary.starts_with("3 reports, 2 unreadable, 1 with errors; findings: "),
        "{summary}"
    );
    // Six warnings in each copy of the reference.
    assert!(summary.contains(" 12 warnings, "), "{summary}");
    assert!(out.contains("T9.total"));
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("T9.total") && l.trim_end().ends_with(" 1 error")),
        "{out}"
    );
    assert!(!out.contains("1 errors") && !out.contains("1 warnings") && !out.contains("1 reports"));

    // The same as JSON Lines: one line per non-blank input line.
    let o = run(&["audit", "--jsonl", "--format", "jsonl", &path]);
    assert_eq!(code(&o), 2);
    let lines: Vec<Json> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let status: Vec<(u64, &str)> = lines
        .iter()
        .map(|j| (j["line"].as_u64().unwrap(), j["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        status,
        [
            (1, "audited"),
            (2, "audited"),
            (3, "unreadable"),
            (5, "audited"),
            (6, "unreadable")
        ]
    );
    assert!(lines[3]["summary"]["error"].as_u64().unwrap() >= 2);
}

#[test]
fn jsonl_exit_codes() {
    let dir = scratch("jsonl-codes");
    let clean = write(&dir, "clean.jsonl", (reference_line() + "\n").as_bytes());
    let o = run(&["audit", "--jsonl", &clean]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).starts_with("1 report, 0 unreadable, 0 with errors"));

    let broken = write(
        &dir,
        "broken.jsonl",
        (reference_line() + "\n" + &broken_final_accounts() + "\n").as_bytes(),
    );
    let o = run(&["audit", "--jsonl", &broken]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).contains("2 reports, 0 unreadable, 1 with errors"));

    let empty = write(&dir, "empty.jsonl", b"");
    let o = run(&["audit", "--jsonl", &empty]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("empty input"), "{}", stderr(&o));

    // A pretty-printed JSON document is no JSON Lines: every line is named,
    // and the user is told what to do.
    let o = run(&["audit", "--jsonl", JSON]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("not one report per line: audit it without --jsonl"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("0 reports, "), "{}", stdout(&o));

    let o = run(&["audit", "--jsonl", "--format", "html", &clean]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--jsonl writes --format text or jsonl"));
}

// ------------------------------------------------------------------ stdin

#[test]
fn standard_input_is_dash() {
    let text = std::fs::read(Path::new(ROOT).join(TEXT)).unwrap();
    let from_file = run(&["audit", TEXT]);
    let from_stdin = run_with(&["audit", "-"], &text);
    assert_eq!(code(&from_stdin), 0, "{}", stderr(&from_stdin));
    assert_eq!(
        stdout(&from_stdin).replace("<stdin>", TEXT),
        stdout(&from_file)
    );

    let json = std::fs::read(Path::new(ROOT).join(JSON)).unwrap();
    let o = run_with(&["audit", "--format", "json", "-"], &json);
    assert_eq!(code(&o), 0);
    let j: Json = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["file"], "<stdin>");
    assert_eq!(j["input"], "json");

    let dir = scratch("stdin");
    let lines = std::fs::read(mixed_jsonl(&dir)).unwrap();
    let o = run_with(&["audit", "--jsonl", "-"], &lines);
    assert_eq!(code(&o), 2);
    assert!(stdout(&o).contains("3 reports, 2 unreadable, 1 with errors"));
    assert!(stderr(&o).contains("<stdin>:3: not a report"));

    let o = run_with(&["audit", "-"], b"");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("error: <stdin>: empty input"));
}

// ------------------------------------------------------- many at a time

#[test]
fn many_files_in_parallel_keep_their_order() {
    let dir = scratch("many");
    let text = std::fs::read(Path::new(ROOT).join(TEXT)).unwrap();
    let json = std::fs::read(Path::new(ROOT).join(JSON)).unwrap();
    let mut expected = Vec::new();
    for i in 0..12 {
        let (name, content, status) = match i % 4 {
            0 => (format!("{i:02}.txt"), text.clone(), "audited"),
            1 => (format!("{i:02}.json"), json.clone(), "audited"),
            2 => (
                format!("{i:02}.json"),
                broken_final_accounts().into_bytes(),
                "audited",
            ),
            _ => (
                format!("{i:02}.txt"),
                b"no figures here".to_vec(),
                "unreadable",
            ),
        };
        let path = write(&dir, &name, &content);
        expected.push((path, status));
    }
    // Not picked up by the walk.
    write(&dir, "notes.md", b"# notes");
    let dir_arg = dir.to_str().unwrap();

    let parallel = run(&["audit", "--jobs", "4", "--format", "jsonl", dir_arg]);
    let serial = run(&["audit", "--jobs", "1", "--format", "jsonl", dir_arg]);
    assert_eq!(code(&parallel), 2, "three unreadable inputs");
    assert_eq!(
        stdout(&parallel),
        stdout(&serial),
        "same output, same order"
    );
    let got: Vec<(String, String)> = stdout(&parallel)
        .lines()
        .map(|l| {
            let j: Json = serde_json::from_str(l).unwrap();
            (
                j["file"].as_str().unwrap().to_owned(),
                j["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = expected
        .into_iter()
        .map(|(p, s)| (p, s.to_owned()))
        .collect();
    assert_eq!(got, expected);

    // Standard error is no terminal here: no progress bar, only the
    // unreadable inputs.
    for line in stderr(&parallel).lines() {
        assert!(line.starts_with("error: "), "{line}");
    }

    // Text: one summary for the run.
    let o = run(&["audit", "--jobs", "3", dir_arg]);
    assert_eq!(code(&o), 2);
    assert!(
        stdout(&o).contains("9 reports, 3 unreadable, 3 with errors"),
        "{}",
        stdout(&o)
    );
    // JSON: the reports and the summary.
    let o = run(&["audit", "--jobs", "3", "--format", "json", dir_arg]);
    let j: Json = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["reports"].as_array().unwrap().len(), 12);
    assert_eq!(j["summary"]["reports"], 9);
    assert_eq!(j["summary"]["unreadable"], 3);
    assert_eq!(j["summary"]["by_rule"]["T9.total"]["error"], 3);
}

// ------------------------------------------------------- other commands

#[test]
fn tables_narrative_and_schema() {
    let o = run(&["tables", "--table", "T1", JSON]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let t1 = stdout(&o);
    assert!(t1.starts_with("收入支出决算总表\n"), "{t1}");
    assert!(
        t1.lines()
            .any(|l| l.starts_with("本年收入合计") && l.contains("73,274.06  本年支出合计")),
        "{t1}"
    );
    let o = run(&["tables", "--format", "csv", JSON]);
    assert!(stdout(&o).starts_with(&juesuan::render::CSV_COLUMNS.join(",")));
    let o = run(&["tables", "--format", "csv", "--table", "T9", JSON]);
    let csv = stdout(&o);
    assert!(csv.lines().skip(1).all(|l| l.contains(",T9,")), "{csv}");
    assert!(
        csv.contains(
            ",T9,,合计,决算数,three_public.total,0,true,amount,181.58,万元,three_public.total"
        ),
        "{csv}"
    );
    let o = run(&["tables", "--table", "T10", JSON]);
    assert_eq!(code(&o), 2);
    let o = run(&["tables", "Cargo.toml"]);
    assert_eq!(code(&o), 2);

    let o = run(&["narrative", JSON]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("74,194.06万元"), "{}", stdout(&o));

    let o = run(&["schema"]);
    assert_eq!(code(&o), 0);
    let schema = stdout(&o);
    assert!(
        schema.contains("\nrevenue.total\tamount\t收入总计\n"),
        "{schema}"
    );
    assert!(
        schema.contains("\nthree_public.vehicles_held\tcount\t"),
        "{schema}"
    );
    assert!(schema.contains("\n.change_rate\t"), "{schema}");
    // Every base of the schema is listed.
    assert_eq!(
        schema
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with('.'))
            .count(),
        juesuan::fact::BASES.len()
    );
    let o = run(&["schema", "--format", "json"]);
    let j: Json = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        j["facts"].as_array().unwrap().len(),
        juesuan::fact::BASES.len()
    );
    let o = run(&["schema", "--rules"]);
    assert!(stdout(&o).contains("\nT9.total\terror\t"), "{}", stdout(&o));
}

#[test]
fn html_is_one_self_contained_file() {
    let dir = scratch("html");
    let out = dir.join("report.html");
    let o = run(&[
        "audit",
        "--format",
        "html",
        "-o",
        out.to_str().unwrap(),
        TEXT,
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "", "written to the file");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // No network: nothing fetched, no external link.
    for needle in ["<link", " src=", "http://", "https://", "@import", "url("] {
        assert!(!html.contains(needle), "{needle} in the page");
    }
    assert_eq!(html.matches("<article class=\"finding ").count(), 11);
}

/// Text from pdftotext has a form feed between pages: a finding says its
/// page, counted from them.
#[test]
fn findings_say_their_page() {
    let path = "tests/fixtures/putuo-social-work-2024.txt";
    let text = std::fs::read_to_string(Path::new(ROOT).join(path)).unwrap();
    let o = run(&["audit", "--format", "json", path]);
    let j: Json = serde_json::from_str(&stdout(&o)).unwrap();
    let findings = j["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    let out = stdout(&run(&["audit", path]));
    for f in findings {
        let start = f["span"]["start"].as_u64().unwrap() as usize;
        let page = 1 + text[..start].matches('\x0c').count();
        assert_eq!(f["page"], page, "{f}");
        let at = format!(
            "--> {path}:{}:{} (page {page})",
            f["span"]["line"], f["span"]["column"]
        );
        assert!(out.contains(&at), "{at} missing:\n{out}");
    }
}

/// A PDF is read through pdftotext, from a file or from standard input
/// alike: its narrative and its tables, each finding on its page of the
/// layout text, and the figure the span points at is the one the message
/// names. The reference figures are read by hand from the PDF: 收入总计
/// 307.82 (page 5, 收入支出决算总表), 基本支出 105.58 (page 20).
#[test]
fn a_pdf_is_read_with_its_tables_and_pages() {
    let path = "tests/fixtures/putuo-social-work-2024.pdf";
    let from_file = run(&["audit", "--format", "json", "--facts", path]);
    let bytes = std::fs::read(Path::new(ROOT).join(path)).unwrap();
    let from_stdin = run_with(&["audit", "--format", "json", "--facts", "-"], &bytes);
    let (a, b): (Json, Json) = (
        serde_json::from_str(&stdout(&from_file)).unwrap(),
        serde_json::from_str(&stdout(&from_stdin)).unwrap(),
    );
    assert_eq!(a["input"], "pdf", "{}", stderr(&from_file));
    assert_eq!(a["facts"], b["facts"]);
    assert_eq!(a["findings"], b["findings"]);
    assert_eq!(code(&from_file), code(&from_stdin));
    let facts = a["facts"].as_object().unwrap();
    assert!(facts["revenue.total"].to_string().contains("307.82"));
    assert!(facts["basic.total"].to_string().contains("105.58"));
    let findings = a["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        let page = f["page"].as_u64().unwrap();
        assert!((1..=24).contains(&page), "{f}");
    }
    // No note that the tables are skipped: they are read.
    let notes = stderr(&run(&["audit", path]));
    assert!(!notes.contains("are not read; their figures"), "{notes}");
    assert!(notes.contains("(page "), "{notes}");
}

/// Without pdftotext, a PDF is unreadable (exit 2) with the package to
/// install, and the other inputs are still audited.
#[test]
fn a_pdf_without_pdftotext_names_the_package() {
    let o = Command::new(BIN)
        .args(["audit", "tests/fixtures/putuo-social-work-2024.pdf", TEXT])
        .env("JUESUAN_PDFTOTEXT", "/nonexistent/pdftotext")
        .current_dir(ROOT)
        .output()
        .unwrap();
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("poppler-utils"), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("xinjiang-hrss-2024.txt"),
        "{}",
        stdout(&o)
    );
}

/// Old-Mac line endings (a lone CR): the command shows the same lines,
/// columns and carets as for the LF text, because it counts lines as the
/// reader does.
#[test]
fn cr_line_endings_show_the_same_source_lines() {
    let cr = "tests/fixtures/repro/cr-line-endings.txt";
    let lf = run(&["audit", TEXT]);
    let old_mac = run(&["audit", cr]);
    assert_eq!(code(&lf), code(&old_mac));
    let text = stdout(&old_mac);
    // The line of a finding, with the figure under its carets.
    assert!(
        text.contains("351 | 元，比上年决算增加 873.46 万元，增长 100.00%，主要原因"),
        "{text}"
    );
    assert_eq!(stdout(&lf).replace(TEXT, cr), text);
}
