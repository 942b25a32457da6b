pub mod tender;
