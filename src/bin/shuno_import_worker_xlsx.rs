//! The import Web Worker with the workbook reader (calamine), started for a
//! job that has an .xlsx file; the same worker as `shuno-import-worker`
//! otherwise (built by Trunk with the `workbooks` feature).

fn main() {
    shuno::app::import_worker::start();
}
