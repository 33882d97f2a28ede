//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "datakompas",
    version,
    about = "Privacy and data-ethics workshops for marketing teams"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Where sessions and decks are kept [default: the user's data folder]
    #[arg(long, global = true, env = "DATAKOMPAS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language of everything shown [default: from LC_ALL / LANG]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// When to use colour (NO_COLOR is respected by auto)
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Nl,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Nl => Lang::Nl,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Prepare a session; opens it in the app unless --no-open
    New(NewArgs),
    /// Open a saved session in the app
    Resume {
        /// Session id or path to a session file
        session: String,
        /// Open without taking the lock; nothing is saved
        #[arg(long)]
        read_only: bool,
        #[command(flatten)]
        room: RoomArgs,
    },
    /// List saved sessions, or delete one
    Sessions {
        #[command(subcommand)]
        action: Option<SessionsAction>,
    },
    /// Export a session's notes and policy draft
    Export(ExportArgs),
    /// Compare self-assessments: where people differ, and a suggested agenda
    Compare(CompareArgs),
    /// Work with decks: list cards, validate a deck file, print the schema
    Deck {
        #[command(subcommand)]
        action: DeckAction,
    },
    /// Print shell completions
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Title of the session
    #[arg(long)]
    pub title: String,
    /// A self-assessment for one person instead of a team session
    #[arg(long, conflicts_with_all = ["participants", "anonymous"])]
    pub solo: bool,
    /// The person doing the self-assessment: names their column in compare and their exports
    #[arg(long, value_name = "NAME", requires = "solo")]
    pub name: Option<String>,
    /// Participants' names, comma separated: "Ann,Bo,Cem"
    #[arg(long, value_delimiter = ',', conflicts_with = "anonymous")]
    pub participants: Vec<String>,
    /// Number of anonymous voters instead of names
    #[arg(long, value_name = "N")]
    pub anonymous: Option<u16>,
    /// Brand principles from the library, by id, comma separated
    #[arg(long, value_delimiter = ',')]
    pub principles: Vec<String>,
    /// Cards to play, by id, in this order [default: the whole deck]
    #[arg(long, value_delimiter = ',')]
    pub cards: Vec<String>,
    /// Minutes of discussion per card
    #[arg(long, value_name = "M", default_value_t = 10)]
    pub minutes_per_card: u16,
    /// A deck file instead of the built-in deck
    #[arg(long, value_name = "FILE")]
    pub deck: Option<PathBuf>,
    /// Only prepare the session; print its id and path
    #[arg(long)]
    pub no_open: bool,
    #[command(flatten)]
    pub room: RoomArgs,
}

/// Where and whether the room opens, for participants to vote by phone.
#[derive(Debug, Clone, Default, Args)]
pub struct RoomArgs {
    /// Open the room at once: participants join from their phones
    #[arg(long)]
    pub room: bool,
    /// The address the room listens on [default: this computer's address on its Wi-Fi or ethernet]
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<std::net::IpAddr>,
    /// The port the room listens on [default: any free port]
    #[arg(long, value_name = "N", default_value_t = 0, hide_default_value = true)]
    pub port: u16,
    /// The address participants use when you forward the port through a tunnel (https://…)
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
}

impl RoomArgs {
    pub fn options(&self) -> crate::tui::event_loop::RoomOptions {
        crate::tui::event_loop::RoomOptions {
            open_at_start: self.room,
            bind: self.bind,
            port: self.port,
            public_url: self.public_url.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum SessionsAction {
    /// Delete a saved session
    Delete {
        /// Session id or path
        session: String,
        /// Do not ask
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Session id or path to a session file
    pub session: String,
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    /// Only the draft data-policy summary
    #[arg(long, conflicts_with = "notes_only")]
    pub policy_only: bool,
    /// Only the session notes
    #[arg(long)]
    pub notes_only: bool,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
    Json,
    /// Word (.docx); needs --output unless standard output is redirected
    Docx,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more session ids or paths to session files
    #[arg(required = true, value_name = "SESSION")]
    pub sessions: Vec<String>,
    #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
    pub format: CompareFormat,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// An aligned table and the agenda, for the terminal
    Text,
    /// The same as Markdown, to paste into a wiki
    Md,
}

#[derive(Debug, Subcommand)]
pub enum DeckAction {
    /// List the cards of a deck
    List {
        /// A deck file instead of the built-in deck
        #[arg(long, value_name = "FILE")]
        deck: Option<PathBuf>,
    },
    /// Check deck files and report every problem
    Validate {
        /// Deck files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the deck format
    Schema,
    /// Show one card as readable text
    Show {
        /// Card id
        id: String,
        /// A deck file instead of the built-in deck
        #[arg(long, value_name = "FILE")]
        deck: Option<PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
