//! The command line's help in Dutch. The English is the doc comments of
//! `cli.rs`, which clap reads; this table gives each of them in Dutch, by
//! subcommand path and argument id (`*` for any subcommand).

/// The Dutch `about` of a subcommand, by its path ("deck list").
pub fn about(path: &str) -> Option<&'static str> {
    Some(match path {
        "" => "Workshops over privacy en data-ethiek voor marketingteams",
        "new" => "Een sessie klaarzetten; opent die in de app, tenzij --no-open",
        "resume" => "Een opgeslagen sessie openen in de app",
        "sessions" => "Opgeslagen sessies tonen, of er een verwijderen",
        "sessions delete" => "Een opgeslagen sessie verwijderen",
        "export" => "Het sessieverslag en het concept-beleid van een sessie exporteren",
        "compare" => {
            "Zelfscans vergelijken: waar mensen verschillen, en een voorstel voor de agenda"
        }
        "deck" => "Werken met kaartsets: kaarten tonen, een kaartset controleren, het schema tonen",
        "deck list" => "De kaarten van een kaartset tonen",
        "deck validate" => "Kaartsetbestanden controleren en elk probleem melden",
        "deck schema" => "Het JSON Schema van het kaartsetformaat tonen",
        "deck show" => "Eén kaart als leesbare tekst tonen",
        "completions" => "Aanvullingen voor je shell tonen",
        "help" | "sessions help" | "deck help" => {
            "Deze hulp tonen, of die van de genoemde opdracht(en)"
        }
        _ => return None,
    })
}

/// The Dutch help of argument `id` under subcommand `path`.
pub fn arg(path: &str, id: &str) -> Option<&'static str> {
    global_arg(id)
        .or_else(|| new_arg(path, id))
        .or_else(|| room_arg(path, id))
        .or_else(|| file_arg(path, id))
}

/// The options every subcommand takes.
fn global_arg(id: &str) -> Option<&'static str> {
    Some(match id {
        "help" => "Hulp tonen",
        "version" => "Versie tonen",
        "data_dir" => {
            "Waar sessies en kaartsets staan [standaard: de gegevensmap van de gebruiker]"
        }
        "lang" => "Taal van alles wat je ziet [standaard: uit LC_ALL / LANG]",
        "color" => "Wanneer kleur gebruiken (auto houdt rekening met NO_COLOR)",
        _ => return None,
    })
}

/// What `new` sets up, and the deck the deck commands read.
fn new_arg(path: &str, id: &str) -> Option<&'static str> {
    Some(match (path, id) {
        ("new", "title") => "Titel van de sessie",
        ("new", "solo") => "Een zelfscan voor één persoon in plaats van een teamsessie",
        ("new", "name") => {
            "Wie de zelfscan doet: die naam staat boven de kolom in compare en in de exports"
        }
        ("new", "participants") => "Namen van de deelnemers, met komma's: \"Ann,Bo,Cem\"",
        ("new", "anonymous") => "Aantal anonieme stemmers in plaats van namen",
        ("new", "principles") => "Merkprincipes uit de bibliotheek, op id, met komma's",
        ("new", "cards") => {
            "Te spelen kaarten, op id, in deze volgorde [standaard: de hele kaartset]"
        }
        ("new", "minutes_per_card") => "Minuten gesprek per kaart",
        ("new" | "deck list" | "deck show", "deck") => {
            "Een kaartsetbestand in plaats van de ingebouwde kaartset"
        }
        ("new", "no_open") => "Alleen klaarzetten; id en pad van de sessie tonen",
        _ => return None,
    })
}

/// How `new` and `resume` open the room.
fn room_arg(path: &str, id: &str) -> Option<&'static str> {
    if !matches!(path, "new" | "resume") {
        return None;
    }
    Some(match id {
        "room" => "De zaal meteen openen: deelnemers doen mee vanaf hun telefoon",
        "bind" => {
            "Het adres waarop de zaal luistert [standaard: het adres van deze computer op wifi of ethernet]"
        }
        "port" => "De poort waarop de zaal luistert [standaard: een vrije poort]",
        "public_url" => {
            "Het adres voor de deelnemers als je de poort via een tunnel doorstuurt (https://…)"
        }
        _ => return None,
    })
}

/// The sessions and files the other commands read and write.
fn file_arg(path: &str, id: &str) -> Option<&'static str> {
    Some(match (path, id) {
        ("resume" | "export", "session") => "Sessie-id of pad naar een sessiebestand",
        ("resume", "read_only") => {
            "Openen zonder de sessie te vergrendelen; er wordt niets bewaard"
        }
        ("sessions delete", "session") => "Sessie-id of pad",
        ("sessions delete", "yes") => "Niet vragen",
        ("export", "format") => {
            "Formaat: md, html, json of docx (Word; docx heeft --output nodig, tenzij de uitvoer is omgeleid)"
        }
        ("export", "policy_only") => "Alleen het concept-databeleid",
        ("export", "notes_only") => "Alleen het sessieverslag",
        ("export" | "compare", "output") => {
            "Naar dit bestand schrijven in plaats van naar de standaarduitvoer"
        }
        ("export" | "compare", "force") => "Het uitvoerbestand overschrijven als het bestaat",
        ("compare", "sessions") => "Twee of meer sessie-id's of paden naar sessiebestanden",
        ("compare", "format") => {
            "Formaat: text (een uitgelijnde tabel en de agenda, voor de terminal) of md (hetzelfde als Markdown, voor een wiki)"
        }
        ("deck validate", "files") => "Kaartsetbestanden om te controleren",
        ("deck show", "id") => "Kaart-id",
        ("completions", "shell") => "De shell",
        _ => return None,
    })
}

/// Headings and words of clap's help layout.
pub const USAGE: &str = "Gebruik:";
pub const COMMANDS: &str = "Opdrachten";
pub const OPTIONS: &str = "Opties";
pub const ARGUMENTS: &str = "Argumenten";
pub const DEFAULT: &str = "standaard";
pub const POSSIBLE: &str = "mogelijke waarden";
