//! The command line in the user's language: `--help` of every command in
//! English or Dutch. The language is known before clap parses, from a look
//! at the arguments for `--lang`, else the environment, as for the rest.

use std::ffi::OsString;

use clap::{Arg, Command, CommandFactory};

use crate::cli::Cli;
use crate::domain::Lang;
use crate::i18n::cli_help as nl;

/// The language asked with `--lang X` or `--lang=X` before any `--`;
/// otherwise the environment's. A value that is no language is left to
/// clap, which reports it.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut asked = None;
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        match value.as_deref() {
            Some("en") => asked = Some(Lang::En),
            Some("nl") => asked = Some(Lang::Nl),
            _ => {}
        }
    }
    asked.unwrap_or_else(crate::i18n::lang_from_env)
}

/// The whole command line with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Nl => {
            let mut cmd = cmd;
            // Built first, so the generated help flags and `help`
            // subcommands are there to be worded too.
            cmd.build();
            dutch(cmd, "")
        }
    }
}

fn dutch(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = nl::about(path) {
        cmd = cmd.about(about).long_about(None);
    }
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            nl::USAGE
        ))
        .subcommand_help_heading(nl::COMMANDS);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let text = nl::arg(path, &id);
        cmd = cmd.mut_arg(&id, |a| dutch_arg(a, text));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        // The `help` subcommand lists the others again; those stay as they are.
        if name == "help" {
            cmd = cmd.mut_subcommand(&name, |s| match nl::about(&sub_path) {
                Some(about) => s.about(about),
                None => s,
            });
            continue;
        }
        cmd = cmd.mut_subcommand(&name, |s| dutch(s, &sub_path));
    }
    cmd
}

/// One argument with its Dutch help `text`, its default and possible
/// values said in Dutch, under a Dutch heading.
fn dutch_arg(a: Arg, text: Option<&str>) -> Arg {
    let mut help = text.map(str::to_string).unwrap_or_default();
    // clap writes these in English; say them in Dutch instead.
    help.push_str(&default_note(&a, &help));
    help.push_str(&values_note(&a, &help));
    let heading = if a.is_positional() {
        nl::ARGUMENTS
    } else {
        nl::OPTIONS
    };
    a.help(help.clone())
        .long_help(help)
        .hide_default_value(true)
        .hide_possible_values(true)
        .help_heading(heading)
}

/// " [standaard: …]", unless there is none or the help names it already.
fn default_note(a: &Arg, help: &str) -> String {
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_value = a.get_action().takes_values();
    if takes_value && !defaults.is_empty() && !a.is_hide_default_value_set() && !help.contains('[')
    {
        format!(" [{}: {}]", nl::DEFAULT, defaults.join(", "))
    } else {
        String::new()
    }
}

/// " [mogelijke waarden: …]", unless the help already names each value itself.
fn values_note(a: &Arg, help: &str) -> String {
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    let words: Vec<&str> = help.split(|c: char| !c.is_alphanumeric()).collect();
    let named = values.iter().all(|v| words.contains(&v.as_str()));
    if !values.is_empty() && !a.is_hide_possible_values_set() && !named {
        format!(" [{}: {}]", nl::POSSIBLE, values.join(", "))
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        assert_eq!(lang_of(&args(&["dk", "--lang", "nl", "--help"])), Lang::Nl);
        assert_eq!(lang_of(&args(&["dk", "sessions", "--lang=nl"])), Lang::Nl);
        assert_eq!(lang_of(&args(&["dk", "--lang", "en", "new"])), Lang::En);
        // After `--` it is a value, not an option.
        assert_eq!(
            lang_of(&args(&["dk", "--lang", "nl", "--", "--lang", "en"])),
            Lang::Nl
        );
    }

    /// Every command and every option has its Dutch help: one added later
    /// without it fails here instead of showing English in Dutch help.
    #[test]
    fn every_command_and_option_has_dutch_help() {
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            if nl::about(path).is_none() {
                missing.push(format!("about of `{path}`"));
            }
            for a in cmd.get_arguments() {
                if nl::arg(path, a.get_id().as_str()).is_none() {
                    missing.push(format!("`{path}` {}", a.get_id()));
                }
            }
            for s in cmd.get_subcommands() {
                let sub = if path.is_empty() {
                    s.get_name().to_string()
                } else {
                    format!("{path} {}", s.get_name())
                };
                if s.get_name() == "help" {
                    if nl::about(&sub).is_none() {
                        missing.push(format!("about of `{sub}`"));
                    }
                } else {
                    walk(s, &sub, missing);
                }
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, "", &mut missing);
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn the_dutch_command_line_is_consistent() {
        command(Lang::Nl).debug_assert();
    }
}
