//! Writing reports back out: the nine tables as aligned text, Markdown and
//! long-layout CSV.

mod table;

pub use table::*;
