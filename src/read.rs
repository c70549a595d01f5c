//! The read entry point for published text, beside
//! [`Disclosure::from_json`], [`Disclosure::from_any_json`] and
//! [`Disclosure::from_pdf`]: one constructor per input format, named for it.

use crate::disclosure::Disclosure;

impl Disclosure {
    /// The facts a report's text states (as `pdftotext` extracts it from the
    /// published PDF): its narrative, read by [`text::parse_report`](crate::text::parse_report),
    /// each fact with its line and column. The reader's diagnostics (sentences
    /// skipped, names not resolved) are dropped: call
    /// [`text::parse_report`](crate::text::parse_report) to keep them.
    ///
    /// Never panics and runs in time linear in the text; text that is no
    /// report gives an empty disclosure.
    ///
    /// ```
    /// use juesuan::{Disclosure, audit};
    ///
    /// let d = Disclosure::from_text("九、财政拨款“三公”经费支出决算情况说明\n\
    ///     2024 年度财政拨款“三公”经费支出 1.80 万元。");
    /// assert_eq!(d.amount("three_public.total").map(|a| a.to_string()), Some("1.80万元".into()));
    /// assert!(audit(&d).is_empty());
    /// ```
    #[doc(alias = "parse_report")]
    #[doc(alias = "解析")]
    pub fn from_text(text: &str) -> Disclosure {
        crate::text::parse_report(text).disclosure
    }
}

impl serde::Serialize for crate::text::DiagnosticLevel {
    /// The lowercase name: `"note"` or `"warning"`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl serde::Serialize for crate::text::Diagnostic {
    /// `{"level": …, "message": …, "span": …}`.
    ///
    /// ```
    /// let parsed = juesuan::text::parse_report("三公经费支出 1.2345678 万元。");
    /// let j = serde_json::to_value(&parsed.diagnostics)?;
    /// assert_eq!(j[0]["level"], "warning");
    /// assert_eq!(j[0]["span"]["line"], 1);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut s = serializer.serialize_struct("Diagnostic", 3)?;
        s.serialize_field("level", &self.level)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("span", &self.span)?;
        s.end()
    }
}
