//! Where a page's bytes come from: the walk over folder handles ([`walk`], [`pinned`]), the
//! bounded read of one file ([`read`]), its decoding ([`encoding`]), how the run names a file it
//! read ([`names`]) and where a patch of it applies from ([`patch_base`]). Temporary files of
//! interrupted runs are recognised here ([`leftover`]).

pub mod encoding;
pub mod leftover;
pub mod names;
pub mod patch_base;
pub mod pinned;
pub mod read;
pub mod tenant;
pub mod walk;
