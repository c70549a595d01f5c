#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The HTML report of the reference report, opened in a real browser:
//! headless Chromium from Debian's packages (`apt-get install chromium`,
//! which `.ci/run` does; `JUESUAN_CHROMIUM` names another binary). The test
//! reads the DOM after the page's scripts ran and checks that the page
//! rendered, that every finding of the audit is there, that its figures
//! are highlighted, that its link into the text and the table cells it
//! involves exist; and it saves a screenshot under
//! `target/html-report/` for a person to look at.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value as Json;

const BIN: &str = env!("CARGO_BIN_EXE_juesuan");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const TEXT: &str = "tests/fixtures/xinjiang-hrss-2024.txt";

/// Where the page and its screenshot go: `target/html-report/`.
fn out_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tmp.parent().unwrap_or(tmp).join("html-report");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn juesuan(args: &[&str]) -> String {
    let o = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// Runs headless Chromium with a fresh profile; its stdout.
fn chromium(args: &[String]) -> String {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-report");
    std::fs::create_dir_all(&scratch).unwrap();
    let bin = std::env::var("JUESUAN_CHROMIUM").unwrap_or_else(|_| "chromium".to_owned());
    let profile = scratch.join(format!("profile-{}", std::process::id()));
    let stdout = scratch.join(format!("stdout-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    let mut child = Command::new(&bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        // To a file: a pipe would fill up (the DOM is larger than its
        // buffer) while we wait.
        .stdout(Stdio::from(std::fs::File::create(&stdout).unwrap()))
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {bin} ({e}): this test needs headless Chromium \
                 (`apt-get install -y chromium`, as .ci/run does)"
            )
        });
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{bin} did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = child.wait().unwrap();
    assert!(status.success(), "{bin} failed: {status:?}");
    let _ = std::fs::remove_dir_all(&profile);
    let text = std::fs::read_to_string(&stdout).unwrap();
    let _ = std::fs::remove_file(&stdout);
    text
}

/// The inner texts of the `<mark>` elements of an HTML fragment.
fn marks(html: &str) -> Vec<String> {
    html.split("<mark")
        .skip(1)
        .filter_map(|m| {
            let inner = m.split_once('>')?.1;
            Some(inner.split_once("</mark>")?.0.to_owned())
        })
        .collect()
}

/// Digits, point and sign: how a figure reads whatever its separators,
/// spaces or unit.
fn digits(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
        .collect()
}

#[test]
fn the_reference_report_renders_with_every_finding_highlighted() {
    let dir = out_dir();
    let page = dir.join("xinjiang-hrss-2024.html");
    juesuan(&[
        "audit",
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
        TEXT,
    ]);
    let audit: Json =
        serde_json::from_str(&juesuan(&["audit", "--format", "json", "--facts", TEXT])).unwrap();
    let findings = audit["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 11);
    let facts = &audit["facts"];

    let url = format!("file://{}", page.display());
    let dom = chromium(&["--dump-dom".to_owned(), url.clone()]);

    // The page rendered and its script ran: it counted what it shows.
    let root = dom
        .split_once("<html")
        .unwrap()
        .1
        .split_once('>')
        .unwrap()
        .0;
    assert!(
        root.contains("data-ready=\"yes\""),
        "scripts did not run: {root}"
    );
    assert!(
        root.contains(&format!("data-findings=\"{}\"", findings.len())),
        "{root}"
    );
    assert!(dom.contains("新疆维吾尔自治区人力资源和社会保障厅 2024年度"));

    // Every finding, with its message, its place, and its figures marked.
    let articles: Vec<&str> = dom
        .split("<article ")
        .skip(1)
        .map(|a| a.split_once("</article>").unwrap().0)
        .collect();
    assert_eq!(articles.len(), findings.len());
    for (k, (f, article)) in findings.iter().zip(&articles).enumerate() {
        let rule = f["rule"].as_str().unwrap();
        assert!(article.contains(&format!("id=\"r0-f{k}\"")), "{article}");
        assert!(article.contains(&format!("data-rule=\"{rule}\"")), "{rule}");
        let message = f["message"]
            .as_str()
            .unwrap()
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(article.contains(&message), "{rule}: message missing");
        let severity = f["severity"].as_str().unwrap();
        let marked: Vec<String> = marks(article).iter().map(|m| digits(m)).collect();
        // Every stated figure of every fact the finding names is marked.
        for id in f["facts"].as_array().unwrap() {
            let id = id.as_str().unwrap();
            let values: Vec<String> = match &facts[id] {
                Json::Array(all) => all.iter().map(|v| v.to_string()).collect(),
                Json::Null => continue,
                v => vec![v.to_string()],
            };
            for v in values {
                let v = digits(&v);
                if v.is_empty() {
                    continue;
                }
                assert!(
                    marked.contains(&v),
                    "{rule}: figure {v} of {id} not highlighted; marks {marked:?}"
                );
            }
        }
        // The sentence it stands in, with its own figure marked.
        let sentence = article
            .split_once("<blockquote class=\"sentence\">")
            .unwrap()
            .1
            .split_once("</blockquote>")
            .unwrap()
            .0;
        assert!(
            sentence.contains(&format!("<mark class=\"sev-{severity}\"")),
            "{rule}: no figure marked in {sentence}"
        );
        // Page and line, and the link to where it stands in the text.
        let line = f["span"]["line"].as_u64().unwrap();
        let column = f["span"]["column"].as_u64().unwrap();
        assert!(
            article.contains(&format!("line {line}, column {column}")),
            "{rule}"
        );
        assert!(article.contains(&format!("href=\"#r0-L{line}\"")), "{rule}");
        assert!(dom.contains(&format!("id=\"r0-L{line}\"")), "{rule}");
    }

    // The tables as read, with the cells a finding involves marked: T5's
    // 2080106 (a rate on a zero base) is a warning.
    assert!(dom.contains("<table class=\"t\" id=\"r0-T5\">"));
    assert!(
        dom.contains(
            "class=\"num involved sev-warning\" id=\"r0-T5-general_budget.function.2080106\""
        ),
        "the 2080106 cell is not marked"
    );
    // And the text, with the malformed code marked where it stands.
    let line = std::fs::read_to_string(Path::new(ROOT).join(TEXT))
        .unwrap()
        .lines()
        .position(|l| l.contains("调整为 208001 行政运行"))
        .unwrap()
        + 1;
    let text_line = dom
        .split_once(&format!("<div class=\"l\" id=\"r0-L{line}\">"))
        .unwrap()
        .1
        .split_once("</div>")
        .unwrap()
        .0;
    assert!(
        marks(text_line).iter().any(|m| m.contains("208001")),
        "{text_line}"
    );

    // A screenshot for a person to look at.
    let shot = dir.join("xinjiang-hrss-2024.png");
    let _ = std::fs::remove_file(&shot);
    chromium(&[
        format!("--screenshot={}", shot.display()),
        "--window-size=1280,3000".to_owned(),
        "--hide-scrollbars".to_owned(),
        url,
    ]);
    let size = std::fs::metadata(&shot).unwrap().len();
    assert!(size > 20_000, "screenshot of {size} bytes");
}
