//! `datakompas deck …`

use super::{Context, Failure, Outcome};
use crate::cli::DeckAction;

pub fn run(_action: DeckAction, _ctx: &Context) -> Outcome {
    Err(Failure::runtime("deck commands: under construction"))
}
