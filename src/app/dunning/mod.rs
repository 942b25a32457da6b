//! The dunning blocks' pages (profile C, #17): progress against the caps per
//! block and bureau, the duty checks with their switches, the result codes,
//! the reports, the settlement and the tender's calculators, and a slide per
//! block. The files are read, and every page written out as blocks, in the
//! profile's own worker ([`crate::profiles::dunning::pages`]); the pages here
//! only ask and draw.

pub mod pages;

use crate::app::paged::PagedState;
use crate::profiles::dunning::Dunning;

pub type DunningState = PagedState<Dunning>;
