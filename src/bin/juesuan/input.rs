//! Inputs: files, standard input and directories, and what each holds.

use std::error::Error;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use juesuan::{Disclosure, fact::FactKind, text::Diagnostic, text::parse_report};

/// Where an input comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// `-`.
    Stdin,
    /// A file named on the command line or found in a directory.
    File(PathBuf),
}

/// One input to read: its name for messages and its source.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub source: Source,
}

/// An input that could not be read as a report, and why.
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub name: String,
    pub reason: String,
}

/// What an input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The text of a published report.
    Text,
    /// A Disclosure or FinalAccounts JSON document.
    Json,
    /// A PDF.
    Pdf,
}

impl Form {
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Text => "text",
            Form::Json => "json",
            Form::Pdf => "pdf",
        }
    }
}

/// A report read from an input.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub name: String,
    pub form: Form,
    pub disclosure: Disclosure,
    /// The text the facts' spans point into (text and PDF input).
    pub source: Option<String>,
    /// What the text reader skipped or could not take.
    pub diagnostics: Vec<Diagnostic>,
}

/// The extensions a directory walk picks up.
const WALKED: [&str; 3] = ["txt", "json", "pdf"];

/// The command line's FILE arguments as inputs: `-` is standard input, a
/// directory is walked (its .txt, .json and .pdf files, in name order),
/// anything else is a file, read whatever its name.
pub fn expand(args: &[PathBuf]) -> Vec<Result<Input, Unreadable>> {
    let mut out = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            out.push(Ok(Input {
                name: "<stdin>".to_owned(),
                source: Source::Stdin,
            }));
        } else if arg.is_dir() {
            walk(arg, &mut out);
        } else {
            out.push(Ok(file(arg)));
        }
    }
    out
}

fn file(path: &Path) -> Input {
    Input {
        name: path.display().to_string(),
        source: Source::File(path.to_owned()),
    }
}

fn walk(dir: &Path, out: &mut Vec<Result<Input, Unreadable>>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let picked = e
                    .path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| WALKED.iter().any(|w| w.eq_ignore_ascii_case(x)));
                if picked {
                    out.push(Ok(file(e.path())));
                }
            }
            Ok(_) => {}
            Err(e) => out.push(Err(Unreadable {
                name: e
                    .path()
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string()),
                reason: format!("cannot walk the directory: {}", chain(&e)),
            })),
        }
    }
}

/// The input's bytes.
pub fn read(input: &Input) -> Result<Vec<u8>, Unreadable> {
    let result = match &input.source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
        }
        Source::File(path) => std::fs::read(path),
    };
    result.map_err(|e| Unreadable {
        name: input.name.clone(),
        reason: format!("cannot read it: {e}"),
    })
}

/// Whether the input is a PDF, by its magic bytes.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// Reads an input as a report: a PDF (by its magic bytes), JSON (text
/// that starts with `{`, a JSON array, or a .json file), or the text of a
/// report.
pub fn load(input: &Input) -> Result<Loaded, Unreadable> {
    let bytes = read(input)?;
    let unreadable = |reason: String| Unreadable {
        name: input.name.clone(),
        reason,
    };
    if is_pdf(&bytes) {
        return crate::pdf::read(input, &bytes);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        unreadable(format!(
            "not UTF-8 text (invalid byte at offset {}): neither a report's text, nor JSON, nor a PDF",
            e.valid_up_to()
        ))
    })?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(unreadable(
            "empty input: there is no report in it".to_owned(),
        ));
    }
    let json_name = match &input.source {
        Source::File(p) => p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| x.eq_ignore_ascii_case("json") || x.eq_ignore_ascii_case("jsonl")),
        Source::Stdin => false,
    };
    // `{` opens JSON; `[` only when the whole is JSON (a TOML or INI file
    // opens with `[section]`, and is text that states no report).
    let json = json_name
        || trimmed.starts_with('{')
        || (trimmed.starts_with('[')
            && serde_json::from_str::<serde::de::IgnoredAny>(trimmed).is_ok());
    if json {
        let disclosure = Disclosure::from_any_json(trimmed).map_err(|e| {
            let mut reason = format!("not a readable report: {}", chain(&e));
            if looks_like_json_lines(trimmed) {
                reason.push_str(
                    " (it holds one JSON document per line: audit it with `juesuan audit --jsonl`)",
                );
            }
            unreadable(reason)
        })?;
        return Ok(Loaded {
            name: input.name.clone(),
            form: Form::Json,
            disclosure,
            source: None,
            diagnostics: Vec::new(),
        });
    }
    let loaded = from_text(&input.name, text.to_owned(), Form::Text);
    if !states_a_figure(&loaded.disclosure) {
        return Err(unreadable(
            "no report sentence: the text states no figure of a 部门决算 (final accounts) \
             that the reader knows, so there is nothing to audit"
                .to_owned(),
        ));
    }
    Ok(loaded)
}

/// Reads report text (from a file, or extracted from a PDF).
pub fn from_text(name: &str, text: String, form: Form) -> Loaded {
    let parsed = parse_report(&text);
    Loaded {
        name: name.to_owned(),
        form,
        disclosure: parsed.disclosure,
        source: Some(text),
        diagnostics: parsed.diagnostics,
    }
}

/// Whether a disclosure states a figure (not only words, or what the
/// document says about itself).
pub fn states_a_figure(d: &Disclosure) -> bool {
    d.iter().any(|(id, _)| {
        !id.as_str().starts_with("document.")
            && matches!(
                id.kind(),
                FactKind::Amount
                    | FactKind::Percent
                    | FactKind::Count
                    | FactKind::SignedCount
                    | FactKind::Quantity
            )
    })
}

/// Two or more lines, each a JSON object on its own.
fn looks_like_json_lines(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first_two: Vec<&str> = lines.by_ref().take(2).collect();
    first_two.len() == 2
        && first_two
            .iter()
            .all(|l| l.starts_with('{') && l.ends_with('}'))
}

/// An error and its sources, as one line.
pub fn chain(e: &dyn Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}
