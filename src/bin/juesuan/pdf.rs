//! PDF input: the one place the command line reads a PDF.
//!
//! Inputs are recognised as PDFs by their magic bytes (`%PDF-`) and routed
//! here. The library's PDF reader (text with page numbers, via poppler's
//! `pdftotext`) is being built separately; until it lands, a PDF is an input
//! that cannot be read, with the reason and what to do instead. Wiring it
//! in means replacing the body of [`read`] with a call to that reader and
//! [`crate::input::from_text`]-like packing of its result (form
//! [`Form::Pdf`], the extracted text as the source, so that spans, pages and
//! the HTML report work as for text).

use crate::input::{Form, Input, Loaded, Unreadable};

/// Reads a PDF report.
pub fn read(input: &Input, _bytes: &[u8]) -> Result<Loaded, Unreadable> {
    // `Form::Pdf` is what a reader will return; named here so that the
    // route stays in place until then.
    let _ = Form::Pdf;
    Err(Unreadable {
        name: input.name.clone(),
        reason: "PDF input needs the PDF reader (poppler's pdftotext), which this build of \
                 juesuan does not have yet: extract the text with `pdftotext -layout FILE.pdf \
                 FILE.txt` and audit FILE.txt"
            .to_owned(),
    })
}
