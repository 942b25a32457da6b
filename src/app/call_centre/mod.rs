//! The call centre's pages (profile B, #16): progress and the shortfall
//! warning, quality, the reports and deadlines, and the meeting's slides. The
//! files are read, and every page written out as blocks, in the profile's own
//! worker ([`crate::profiles::call_centre::pages`]); the pages here only ask
//! and draw.

pub mod pages;

use crate::app::paged::PagedState;
use crate::profiles::call_centre::CallCentre;

pub type CallCentreState = PagedState<CallCentre>;
