//! Import: bytes of a user's file → decoded text → a recognised table → typed,
//! validated rows, with every rejected row reported (file, line, column, value,
//! reason) and counted: read = accepted + rejected.
