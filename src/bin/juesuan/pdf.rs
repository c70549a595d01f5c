//! PDF input: the one place the command line reads a PDF.
//!
//! Inputs are recognised as PDFs by their magic bytes (`%PDF-`) and routed
//! here. The library's reader extracts the PDF's two texts with poppler's
//! `pdftotext` (reading order for the narrative, page layout for the nine
//! tables) and reads both into one disclosure whose spans point into the
//! layout text, so that locations name the page, and the HTML report shows
//! the lines the figures stand on.

use juesuan::pdf::Extractor;

use crate::input::{Form, Input, Loaded, Source, Unreadable, chain};

/// Reads a PDF report: a file by its path, standard input by its bytes.
pub fn read(input: &Input, bytes: &[u8]) -> Result<Loaded, Unreadable> {
    let extractor = Extractor::new();
    let text = match &input.source {
        Source::File(path) => extractor.extract(path),
        Source::Stdin => extractor.extract_bytes(bytes, &input.name),
    }
    .map_err(|e| Unreadable {
        name: input.name.clone(),
        reason: format!("cannot read the PDF: {}", chain(&e)),
    })?;
    let report = juesuan::table::read_layout(&text.reading, &text.layout);
    if !crate::input::states_a_figure(&report.disclosure) {
        return Err(Unreadable {
            name: input.name.clone(),
            reason: format!(
                "no report sentence or table: the PDF's text ({} pages) states no figure of a \
                 部门决算 (final accounts) that the reader knows; a scanned PDF has no text to \
                 read",
                text.pages()
            ),
        });
    }
    Ok(Loaded {
        name: input.name.clone(),
        form: Form::Pdf,
        disclosure: report.disclosure,
        source: Some(text.layout),
        diagnostics: report.diagnostics,
    })
}
