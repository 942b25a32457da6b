//! Profile C, the workers'-compensation dunning and recovery tender (労災保険
//! 求償債権等 納入督促・債権回収業務, seed 004, digest C). This build has its
//! blocks' tables and the tender's money (#15); the dunning records, duties
//! and reports are #17.

pub mod blocks;
pub mod tender;
