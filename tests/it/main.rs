//! The integration tests, one binary: one executable to link instead of
//! one per file, which saves link time and disk. A test that changes what
//! the whole process shares (the umask, a signal's disposition, a resource
//! limit) keeps a file of its own in `tests/`, or does it in a child
//! process it starts from this binary.

// Support modules (declared below) are used by part of the tests each.
#[path = "../backend_support/mod.rs"]
mod backend_support;
mod cli_deck;
mod cli_no_terminal;
mod cli_reports;
#[path = "../cli_support/mod.rs"]
mod cli_support;
mod compare_cli;
mod deck_assets;
mod deck_builtin;
mod deck_fuzz;
mod deck_parse;
mod deck_readme;
mod deck_semantic;
mod deck_story_reveal;
#[path = "../deck_support/mod.rs"]
mod deck_support;
mod e2e_pty;
mod e2e_signals;
mod errors_in_dutch;
mod export_cli;
mod export_docx;
mod export_escape_props;
mod export_golden;
mod export_hidden_votes;
mod export_hostile;
mod export_print;
mod export_reveal_facts;
#[path = "../export_support/mod.rs"]
mod export_support;
mod export_time;
mod framework_law;
mod hostile_cli;
mod keys_readme;
mod migrate_v1_blind_vote;
mod migrate_v2_clock;
mod policy_rules;
mod principle_names;
mod pty_hostile;
#[path = "../pty_support/mod.rs"]
mod pty_support;
mod room_browser;
mod room_cli;
mod room_http;
mod room_screen_browser;
mod room_screen_http;
mod room_screen_view;
#[path = "../room_support/mod.rs"]
mod room_support;
mod self_assessment_cli;
#[path = "../session_support/mod.rs"]
mod session_support;
mod session_v2_butcher;
mod sessions_cli;
mod store_corrupt;
mod store_crash;
mod store_links;
mod store_list_cache;
mod store_lock;
mod store_readme;
#[path = "../store_support/mod.rs"]
mod store_support;
mod store_unwritable;
mod tui_autosave;
mod tui_blind_vote;
mod tui_butcher;
mod tui_clicks;
mod tui_console;
mod tui_flows;
mod tui_home_list;
mod tui_hostile;
mod tui_inputs;
mod tui_props;
mod tui_room;
mod tui_room_http;
mod tui_safety;
mod tui_scroll_marks;
mod tui_setup_agendas;
mod tui_setup_rules;
mod tui_snapshots;
#[path = "../tui_support/mod.rs"]
mod tui_support;
mod tui_usability;
