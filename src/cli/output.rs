//! Where a command's result goes: standard output, or the file `--out` names. A
//! workbook is binary, so it needs `--out`.

use crate::core::export::xlsx::workbook_xlsx;
use crate::core::export::Workbook;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// What a command made.
pub enum Output {
    Text(String),
    Workbook(Workbook),
}

/// Writes `output` to `out`, or text to standard output.
pub fn emit(output: Output, out: Option<&Path>) -> ExitCode {
    let bytes = match output {
        Output::Text(text) => text.into_bytes(),
        Output::Workbook(book) => {
            if out.is_none() {
                eprintln!("error: --format xlsx writes a binary workbook\n  help: name the file with --out FILE.xlsx");
                return ExitCode::from(2);
            }
            match workbook_xlsx(&book) {
                Ok(bytes) => bytes,
                Err(e) => {
                    eprintln!("error: cannot write the workbook: {}", e.0);
                    return ExitCode::from(1);
                }
            }
        }
    };
    match out {
        Some(path) => match std::fs::write(path, bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                ExitCode::from(1)
            }
        },
        None => {
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = std::io::stdout().lock().write_all(&bytes);
            ExitCode::SUCCESS
        }
    }
}
