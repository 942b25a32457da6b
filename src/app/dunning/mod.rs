//! Profile C in the app: the tender page (#15); the dunning pages are #17.

pub mod pages;
