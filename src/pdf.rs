//! Reading a published PDF: its text in reading order and in page layout.
//!
//! The text comes from poppler's `pdftotext` (Debian and Ubuntu package
//! `poppler-utils`, Homebrew `poppler`), run at run time: once plain, for
//! the narrative, once with `-layout`, for the tables. Both keep the pages,
//! separated by form feeds, so every span carries its page. The program is
//! `pdftotext` on the `PATH`, or the one the environment variable
//! `JUESUAN_PDFTOTEXT` names; [`Extractor::with_program`] picks another.
//!
//! Why poppler and not a Rust crate: the `pdf-extract` crate gives the same
//! characters on these reports, but not their positions, so a table's
//! empty cells cannot be told from its filled ones; see the README's
//! dependency section for the measurement.
//!
//! ```no_run
//! use juesuan::{audit, pdf};
//!
//! let report = pdf::read_pdf("tests/fixtures/putuo-social-work-2024.pdf")?;
//! for f in audit(&report.report.disclosure) {
//!     if let Some(span) = f.span() {
//!         println!("{f} ({})", span.describe(&report.text.layout));
//!     }
//! }
//! # Ok::<(), juesuan::Error>(())
//! ```

use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use thiserror::Error;

use crate::disclosure::Disclosure;
use crate::table::{ReadReport, read_layout};

/// The environment variable that names the `pdftotext` to run.
pub const PROGRAM_VARIABLE: &str = "JUESUAN_PDFTOTEXT";

/// Why a PDF's text could not be had.
///
/// ```
/// use juesuan::pdf::{Extractor, PdfError};
///
/// let err = Extractor::with_program("/nonexistent/pdftotext")
///     .extract("tests/fixtures/putuo-social-work-2024.pdf")
///     .unwrap_err();
/// assert!(matches!(err, PdfError::Missing { .. }));
/// assert!(err.to_string().contains("poppler-utils"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum PdfError {
    /// `pdftotext` is not installed (or not where it was said to be).
    #[error(
        "cannot run {program}: it is not installed; install poppler's pdftotext \
         (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler) \
         or set {PROGRAM_VARIABLE} to its path"
    )]
    Missing {
        /// The program that was looked for.
        program: String,
    },
    /// The PDF file cannot be read.
    #[error("cannot read {path}: {message}")]
    Unreadable {
        /// The PDF's path.
        path: String,
        /// The system's reason.
        message: String,
    },
    /// `pdftotext` ran and failed (a damaged or encrypted PDF).
    #[error("{program} failed on {path}: {message}")]
    Failed {
        /// The program run.
        program: String,
        /// The PDF's path.
        path: String,
        /// How it exited, and what it said on stderr (first lines).
        message: String,
    },
    /// `pdftotext` gave text that is not UTF-8.
    #[error("{program} gave text that is not UTF-8 for {path}")]
    NotUtf8 {
        /// The program run.
        program: String,
        /// The PDF's path.
        path: String,
    },
}

/// The two texts of a PDF, each with its pages separated by form feeds.
///
/// ```
/// let text = juesuan::pdf::PdfText {
///     reading: "第一页\u{c}第二页\u{c}".into(),
///     layout: "  第一页\u{c}  第二页\u{c}".into(),
/// };
/// assert_eq!(text.pages(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PdfText {
    /// Reading order (`pdftotext`), for the narrative.
    pub reading: String,
    /// Page layout (`pdftotext -layout`), for the tables.
    pub layout: String,
}

impl PdfText {
    /// The number of pages (pdftotext ends every page with a form feed).
    ///
    /// ```
    /// assert_eq!(juesuan::pdf::PdfText::default().pages(), 0);
    /// ```
    pub fn pages(&self) -> usize {
        self.layout.matches('\u{c}').count()
    }
}

/// Runs `pdftotext`.
///
/// ```
/// let x = juesuan::pdf::Extractor::with_program("/usr/bin/pdftotext");
/// assert_eq!(x.program(), std::path::Path::new("/usr/bin/pdftotext"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extractor {
    program: PathBuf,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// `pdftotext` from the `PATH`, or the program [`PROGRAM_VARIABLE`]
    /// names.
    ///
    /// ```
    /// let x = juesuan::pdf::Extractor::new();
    /// assert!(x.program().to_string_lossy().contains("pdftotext"));
    /// ```
    pub fn new() -> Extractor {
        let program = std::env::var_os(PROGRAM_VARIABLE)
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| OsString::from("pdftotext"));
        Extractor {
            program: PathBuf::from(program),
        }
    }

    /// This `pdftotext` program.
    ///
    /// ```
    /// let x = juesuan::pdf::Extractor::with_program("pdftotext");
    /// assert_eq!(x.program().to_str(), Some("pdftotext"));
    /// ```
    pub fn with_program(program: impl Into<PathBuf>) -> Extractor {
        Extractor {
            program: program.into(),
        }
    }

    /// The program run.
    ///
    /// ```
    /// assert!(juesuan::pdf::Extractor::new().program().as_os_str().len() > 0);
    /// ```
    pub fn program(&self) -> &Path {
        &self.program
    }

    /// The reading-order and layout texts of the PDF at `path`.
    ///
    /// # Errors
    ///
    /// [`PdfError::Unreadable`] when the file cannot be opened,
    /// [`PdfError::Missing`] when the program is not installed (naming the
    /// package to install), [`PdfError::Failed`] when it fails on the file,
    /// [`PdfError::NotUtf8`] when its output is not UTF-8.
    ///
    /// ```no_run
    /// let text = juesuan::pdf::Extractor::new().extract("report.pdf")?;
    /// assert!(text.pages() > 0);
    /// # Ok::<(), juesuan::pdf::PdfError>(())
    /// ```
    pub fn extract(&self, path: impl AsRef<Path>) -> Result<PdfText, PdfError> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        std::fs::File::open(path).map_err(|e| PdfError::Unreadable {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        let from = Pdf::Path(path);
        Ok(PdfText {
            reading: self.run(&from, &[])?,
            layout: self.run(&from, &["-layout"])?,
        })
    }

    /// The reading-order and layout texts of a PDF held in memory (read
    /// from standard input, a network body, an archive), given to
    /// `pdftotext` on its standard input; `name` names it in errors.
    ///
    /// # Errors
    ///
    /// As [`Extractor::extract`], but never [`PdfError::Unreadable`].
    ///
    /// ```no_run
    /// let bytes = std::fs::read("tests/fixtures/putuo-social-work-2024.pdf")?;
    /// let text = juesuan::pdf::Extractor::new().extract_bytes(&bytes, "<stdin>")?;
    /// assert_eq!(text.pages(), 24);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extract_bytes(&self, bytes: &[u8], name: &str) -> Result<PdfText, PdfError> {
        let from = Pdf::Bytes { bytes, name };
        Ok(PdfText {
            reading: self.run(&from, &[])?,
            layout: self.run(&from, &["-layout"])?,
        })
    }

    fn run(&self, from: &Pdf<'_>, options: &[&str]) -> Result<String, PdfError> {
        let program = self.program.display().to_string();
        let shown = from.name();
        let mut command = Command::new(&self.program);
        command.args(options).args(["-enc", "UTF-8"]);
        let output = match from {
            Pdf::Path(path) => command.arg(path).arg("-").output(),
            Pdf::Bytes { bytes, .. } => command
                .args(["-", "-"])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .and_then(|mut child| {
                    // Written from another thread: pdftotext may write
                    // before it has read all, and a full pipe either way
                    // would stop both.
                    let stdin = child.stdin.take();
                    std::thread::scope(|s| {
                        s.spawn(move || {
                            if let Some(mut stdin) = stdin {
                                // A program that stops reading early says why
                                // on stderr and by its status.
                                let _ = stdin.write_all(bytes);
                            }
                        });
                        child.wait_with_output()
                    })
                }),
        }
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => {
                PdfError::Missing {
                    program: program.clone(),
                }
            }
            _ => PdfError::Failed {
                program: program.clone(),
                path: shown.clone(),
                message: format!("not started: {e}"),
            },
        })?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let message: Vec<&str> = stderr.lines().take(3).collect();
            return Err(PdfError::Failed {
                program,
                path: shown,
                message: format!("{}: {}", output.status, message.join("; ")),
            });
        }
        String::from_utf8(output.stdout).map_err(|_| PdfError::NotUtf8 {
            program,
            path: shown,
        })
    }
}

/// Where a PDF is: a file, or bytes in memory.
enum Pdf<'a> {
    Path(&'a Path),
    Bytes { bytes: &'a [u8], name: &'a str },
}

impl Pdf<'_> {
    fn name(&self) -> String {
        match self {
            Pdf::Path(p) => p.display().to_string(),
            Pdf::Bytes { name, .. } => (*name).to_owned(),
        }
    }
}

/// The texts of [`Extractor::new`]`.extract(path)`.
///
/// # Errors
///
/// As [`Extractor::extract`].
///
/// ```no_run
/// let text = juesuan::pdf::extract_text("report.pdf")?;
/// println!("{} pages", text.pages());
/// # Ok::<(), juesuan::pdf::PdfError>(())
/// ```
pub fn extract_text(path: impl AsRef<Path>) -> Result<PdfText, PdfError> {
    Extractor::new().extract(path)
}

/// A PDF read: its texts, and what [`read_layout`] read from them (spans
/// point into `text.layout`).
///
/// ```no_run
/// let pdf = juesuan::pdf::read_pdf("report.pdf")?;
/// println!("{} facts on {} pages", pdf.report.disclosure.len(), pdf.text.pages());
/// # Ok::<(), juesuan::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfReport {
    /// The texts the PDF gave.
    pub text: PdfText,
    /// The narrative and the tables, as one disclosure.
    pub report: ReadReport,
}

/// Reads the report in the PDF at `path`: its narrative and its nine tables
/// (see [`read_layout`]).
///
/// # Errors
///
/// [`Error::Pdf`](crate::Error::Pdf) when the text cannot be extracted (see
/// [`Extractor::extract`]).
///
/// ```no_run
/// use juesuan::{audit, pdf};
///
/// let pdf = pdf::read_pdf("tests/fixtures/putuo-social-work-2024.pdf")?;
/// assert!(audit(&pdf.report.disclosure).is_empty() || pdf.text.pages() == 24);
/// # Ok::<(), juesuan::Error>(())
/// ```
pub fn read_pdf(path: impl AsRef<Path>) -> Result<PdfReport, crate::Error> {
    let text = extract_text(path)?;
    let report = read_layout(&text.reading, &text.layout);
    Ok(PdfReport { text, report })
}

impl Disclosure {
    /// The facts of the report in the PDF at `path`: its narrative and its
    /// nine tables, each with its page, line and column in the PDF's layout
    /// text (see [`read_pdf`] to keep the text, the tables and the
    /// diagnostics too).
    ///
    /// # Errors
    ///
    /// [`Error::Pdf`](crate::Error::Pdf) when the text cannot be extracted,
    /// naming the package to install when `pdftotext` is missing.
    ///
    /// ```no_run
    /// let d = juesuan::Disclosure::from_pdf("tests/fixtures/putuo-social-work-2024.pdf")?;
    /// assert_eq!(d.amount("revenue.total").map(|a| a.to_string()), Some("307.82万元".into()));
    /// # Ok::<(), juesuan::Error>(())
    /// ```
    #[doc(alias = "PDF")]
    pub fn from_pdf(path: impl AsRef<Path>) -> Result<Disclosure, crate::Error> {
        Ok(read_pdf(path)?.report.disclosure)
    }
}
