//! The `shuno` command line: the same core as the browser app, on files.

fn main() -> std::process::ExitCode {
    shuno::cli::main()
}
