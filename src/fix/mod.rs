//! Fixing scanned pages: which of a page's fixes hold together ([`converge`], checked by
//! rescanning the fixed page), splicing their edits into the original bytes ([`splice`]), and
//! writing the fixed file back in place through folder handles ([`mod@write`]), recording what
//! `fix --write --journal` wrote ([`journal`]) and undoing it ([`revert`]).

pub mod converge;
pub mod journal;
pub mod revert;
pub mod splice;
pub mod write;

pub use converge::Fixer;
