//! The interactive workshop.

use crate::commands::{Context, Failure, Outcome};

pub fn run_home(_ctx: &Context) -> Outcome {
    Err(Failure::runtime("the workshop screen is not built yet"))
}

pub fn run_resume(_ctx: &Context, _session: &str, _read_only: bool) -> Outcome {
    Err(Failure::runtime("the workshop screen is not built yet"))
}
