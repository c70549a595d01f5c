//! Writing reports back out: the nine tables as aligned text, Markdown and
//! long-layout CSV.

mod narrative;
mod table;

pub use narrative::*;
pub use table::*;
