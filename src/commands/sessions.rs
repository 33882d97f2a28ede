//! `datakompas new …` and `datakompas sessions …`

use super::{Context, Failure, Outcome};
use crate::cli::{NewArgs, SessionsAction};

pub fn new(_args: &NewArgs, _ctx: &Context) -> Outcome {
    Err(Failure::runtime("new: under construction"))
}

pub fn run(_action: Option<SessionsAction>, _ctx: &Context) -> Outcome {
    Err(Failure::runtime("sessions: under construction"))
}
