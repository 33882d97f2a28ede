use std::process::ExitCode;

fn main() -> ExitCode {
    datakompas::commands::main()
}
