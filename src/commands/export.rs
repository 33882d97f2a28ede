//! `datakompas export …`

use super::{Context, Failure, Outcome};
use crate::cli::ExportArgs;

pub fn run(_args: &ExportArgs, _ctx: &Context) -> Outcome {
    Err(Failure::runtime("export: under construction"))
}
