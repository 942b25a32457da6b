//! Profile C, the workers'-compensation dunning and recovery tender (労災保険
//! 求償債権等 納入督促・債権回収業務, seed 004, digest C). This build has its
//! blocks' tables, the tender's money (#15), and the timing duties of a debt
//! with the 民法's day counting and the debtor's time slot (#17, begun: the
//! tables, caps, reports and pages are still to come).

pub mod blocks;
pub mod days;
pub mod duties;
pub mod slot;
pub mod tender;
