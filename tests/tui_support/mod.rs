//! Shared by the app's tests: a small deck built in code, a clock, and a
//! way to run the real loop over a `TestBackend`.
#![allow(dead_code)]

use datakompas::domain::session::DeckRef;
use datakompas::domain::*;
use datakompas::room::{RoomInfo, RoomSecrets};
use datakompas::store::{MemoryStore, SessionStore};
use datakompas::tui::app::{App, Assets};
use datakompas::tui::event_loop::{self, Runtime, Scripted};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

pub fn t(en: &str, nl: &str) -> Text {
    Text::new(en, nl)
}

/// Presses each key in turn.
pub fn keys(mut s: Scripted, codes: &[KeyCode]) -> Scripted {
    for c in codes {
        s = s.key(*c);
    }
    s
}

/// A left click at a cell.
pub fn click(column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

/// The column and row where `text` first shows on `screen`.
pub fn find(screen: &str, text: &str) -> (u16, u16) {
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(text))
        .unwrap_or_else(|| panic!("{text:?} is not on the screen:\n{screen}"));
    let col = line[..line.find(text).unwrap()].chars().count();
    (col as u16, row as u16)
}

pub fn t0() -> Timestamp {
    "2026-11-29T10:00:00Z".parse().unwrap()
}

fn option(id: &str, stance: Stance, en: &str, nl: &str) -> DecisionOption {
    DecisionOption {
        id: id.into(),
        stance,
        label: t(en, nl),
        description: t(
            &format!("What choosing “{en}” would mean in practice for customers and the team."),
            &format!("Wat kiezen voor “{nl}” in de praktijk betekent voor klanten en het team."),
        ),
    }
}

fn card(id: &str, kind: CardKind, en: &str, nl: &str) -> Card {
    Card {
        id: id.into(),
        kind,
        title: t(en, nl),
        organisation: t("A supermarket chain", "Een supermarktketen"),
        country: Some(t("United States", "Verenigde Staten")),
        year: (kind != CardKind::Hypothetical).then_some(2012),
        decision_point: (kind != CardKind::Hypothetical).then(|| DecisionPoint {
            date: "2012-02".into(),
            moment: t("The coupons go out", "De bonnen gaan de deur uit"),
        }),
        story: t(
            "A retailer noticed that what customers buy changes before big moments in life. It built a model that scores shoppers on how likely such a moment is, and sent coupons to match.\n\nOne father found out from the coupons sent to his daughter before she had told him anything. The story spread quickly and the company changed how it mixed the offers.",
            "Een winkelketen zag dat wat klanten kopen verandert vlak voor grote momenten in het leven. Ze bouwde een model dat klanten scoort op hoe waarschijnlijk zo'n moment is, en stuurde bonnen die daarbij pasten.\n\nEen vader ontdekte het via de bonnen die zijn dochter kreeg, voordat zij hem iets had verteld. Het verhaal ging snel rond en het bedrijf veranderde hoe het de aanbiedingen mengde.",
        ),
        practice: t(
            "Predicting a sensitive life event from shopping baskets and targeting offers on it.",
            "Een gevoelige gebeurtenis voorspellen uit boodschappen en daar aanbiedingen op richten.",
        ),
        policy_practice: t(
            "Inferring health or life events such as pregnancy from purchase data to time our marketing",
            "Gezondheid of levensgebeurtenissen zoals zwangerschap afleiden uit aankoopgegevens om onze marketing te timen",
        ),
        data_categories: vec![t("Purchase history", "Aankoopgeschiedenis"), t("Loyalty card id", "Klantkaartnummer")],
        tags: vec![PracticeTag::SensitiveInference, PracticeTag::Profiling],
        areas: vec!["sensitive".into()],
        facts: {
            let source = || Source {
                publisher: "The New York Times Magazine".into(),
                date: "2012-02-16".into(),
                title: Some("How Companies Learn Your Secrets".into()),
                url: None,
            };
            let mut facts = vec![Fact {
                text: t("The model used about 25 products.", "Het model gebruikte zo'n 25 producten."),
                part: FactPart::Story,
                disputed: false,
                source: source(),
            }];
            // What came after: only the reveal shows it.
            if kind != CardKind::Hypothetical {
                facts.push(Fact {
                    text: t(
                        "A store manager later called the father to apologise.",
                        "Een filiaalmanager belde de vader later om excuses aan te bieden.",
                    ),
                    part: FactPart::Reveal,
                    disputed: false,
                    source: source(),
                });
            }
            facts
        },
        prompts: vec![
            t("Who benefits from the prediction?", "Wie heeft baat bij de voorspelling?"),
            t("What would the customer say if they knew?", "Wat zou de klant zeggen als die het wist?"),
        ],
        options: vec![
            option("go", Stance::Go, "Run the model and send the offers", "Draai het model en stuur de aanbiedingen"),
            option("safe", Stance::GoWithSafeguards, "Only with explicit opt-in", "Alleen met uitdrukkelijke toestemming"),
            option("redesign", Stance::Redesign, "Let customers tell us themselves", "Laat klanten het zelf vertellen"),
            option("no", Stance::NoGo, "Do not predict sensitive events", "Voorspel geen gevoelige gebeurtenissen"),
        ],
        safeguards: vec!["purpose".into(), "optin".into(), "explain".into()],
        red_line: t("We do not infer pregnancy.", "We leiden geen zwangerschap af."),
        outcome: (kind != CardKind::Hypothetical).then(|| {
            t(
                "The company kept the model but mixed the baby offers among unrelated ones, so they looked random.",
                "Het bedrijf hield het model, maar mengde de babyaanbiedingen tussen andere, zodat ze toevallig leken.",
            )
        }),
        facilitator_notes: t(
            "Let the group feel the discomfort before naming the law.",
            "Laat de groep het ongemak voelen voordat je de wet noemt.",
        ),
    }
}

pub fn deck() -> Deck {
    Deck {
        schema: None,
        id: "test-deck".into(),
        version: "1".into(),
        title: t("Test deck", "Testdeck"),
        description: t("Cards for tests", "Kaarten voor tests"),
        cards: vec![
            card(
                "butcher",
                CardKind::Baseline,
                "The butcher on the corner",
                "De slager om de hoek",
            ),
            card(
                "target",
                CardKind::RealCase,
                "Target: the pregnancy prediction",
                "Target: de zwangerschapsvoorspelling",
            ),
            card(
                "walkby",
                CardKind::Hypothetical,
                "Walk-by push offers",
                "Pushberichten in het voorbijgaan",
            ),
        ],
        agendas: vec![],
    }
}

pub fn library() -> PrincipleLibrary {
    let p = |id: &str, en: &str, nl: &str, leaning| PrincipleDef {
        id: id.into(),
        name: t(en, nl),
        meaning: t(
            &format!("We are {en} in everything we do with data."),
            &format!("We zijn {nl} in alles wat we met data doen."),
        ),
        leaning,
    };
    PrincipleLibrary {
        schema: None,
        principles: vec![
            p(
                "transparent",
                "Transparent",
                "Transparant",
                Leaning::Restraint,
            ),
            p("personal", "Personal", "Persoonlijk", Leaning::MoreData),
            p("fair", "Fair", "Eerlijk", Leaning::Balanced),
            p("discreet", "Discreet", "Discreet", Leaning::Restraint),
            p("helpful", "Helpful", "Behulpzaam", Leaning::MoreData),
        ],
    }
}

pub fn framework() -> Framework {
    let s = |id: &str, en: &str, nl: &str| Safeguard {
        id: id.into(),
        area: "sensitive".into(),
        label: t(en, nl),
        commitment: t(&format!("We {en}."), &format!("We {nl}.")),
        topic: None,
        level: 0,
        excludes: vec![],
    };
    Framework {
        schema: None,
        areas: vec![PolicyArea {
            id: "sensitive".into(),
            title: t("Sensitive data", "Gevoelige gegevens"),
            question: t("What do we infer?", "Wat leiden we af?"),
            gdpr: vec![GdprRef {
                article: "Art. 9".into(),
                summary: t("Special categories", "Bijzondere gegevens"),
            }],
        }],
        safeguards: vec![
            s("purpose", "Purpose stated up front", "Doel vooraf benoemd"),
            s("optin", "Explicit opt-in", "Uitdrukkelijke toestemming"),
            s("explain", "Every offer says why", "Elk aanbod zegt waarom"),
        ],
        other_law: Vec::new(),
    }
}

pub fn assets() -> Assets {
    Assets {
        deck: deck(),
        library: library(),
        framework: framework(),
    }
}

pub fn app(lang: Lang) -> App {
    let mut app = App::new(lang, false, assets());
    app.tz = TimeZone::UTC.into();
    app
}

/// A team session over all three cards with four participants and three principles.
pub fn team_session(id: &str) -> Session {
    let d = deck();
    let deck_ref = DeckRef {
        id: d.id.clone(),
        version: d.version.clone(),
        embedded: None,
    };
    let mut s = Session::new(
        id.into(),
        "Brand team Q4".into(),
        Mode::Team,
        Lang::En,
        deck_ref,
        t0(),
    );
    s.participants = Session::named_participants(&["Ann", "Bo", "Cem", "Dee"]);
    s.principles = ["transparent", "personal", "fair"]
        .iter()
        .map(|id| ChosenPrinciple::Library { id: id.to_string() })
        .collect();
    s.cards = d
        .cards
        .iter()
        .map(|c| CardProgress::new(c.id.clone()))
        .collect();
    s
}

pub fn solo_session(id: &str) -> Session {
    let mut s = team_session(id);
    s.title = "My self-assessment".into();
    s.mode = Mode::Solo;
    s.participants = Session::named_participants(&[""]);
    s
}

/// Where exports from tests go: inside the build folder, never left in the
/// system's temp folder.
pub fn export_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("tui-exports")
}

/// Runs the real loop over a `TestBackend` until the script runs out.
pub fn run(
    app: &mut App,
    store: &mut dyn SessionStore,
    w: u16,
    h: u16,
    script: Scripted,
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut rt = Runtime {
        store,
        export_dir: export_dir(),
        room: Default::default(),
    };
    let mut events = script;
    event_loop::run(&mut terminal, app, &mut rt, &mut events).unwrap();
    terminal
}

/// The session the app created last in `store`.
pub fn created(store: &MemoryStore) -> Session {
    let id = store
        .list()
        .unwrap()
        .pop()
        .expect("a session was created")
        .id;
    store.stored(&id).unwrap().clone()
}

/// Opens a stored session in the app, as picking it on the home screen would.
pub fn open(app: &mut App, store: &mut MemoryStore, id: &str) {
    let mut rt = Runtime {
        store,
        export_dir: export_dir(),
        room: Default::default(),
    };
    event_loop::open(app, &mut rt, id, false, t0()).expect("the session opens");
}

/// The screen as plain text, one line per row, trailing spaces trimmed.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buffer[(x, y)].symbol();
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn screen(terminal: &Terminal<TestBackend>) -> String {
    text(terminal.backend().buffer())
}

/// Two ready-made agendas over the test deck: the cards in a new order,
/// and a short one.
pub fn agendas() -> Vec<Agenda> {
    vec![
        Agenda {
            id: "60-minutes".into(),
            minutes: 60,
            title: t("60 minutes: three cards", "60 minuten: drie kaarten"),
            description: t(
                "Target first, then the butcher as the yardstick, and our own case.",
                "Eerst Target, dan de slager als meetlat, en een eigen casus.",
            ),
            cards: vec!["target".into(), "butcher".into(), "walkby".into()],
        },
        Agenda {
            id: "30-minutes".into(),
            minutes: 30,
            title: t("30 minutes: the butcher", "30 minuten: de slager"),
            description: t("Only the yardstick.", "Alleen de meetlat."),
            cards: vec!["butcher".into()],
        },
    ]
}

/// The app over the test deck with its agendas.
pub fn app_with_agendas(lang: Lang) -> App {
    let mut assets = assets();
    assets.deck.agendas = agendas();
    let mut app = App::new(lang, false, assets);
    app.tz = TimeZone::UTC.into();
    app
}

/// A room as the server would describe it, with fixed secrets so the
/// snapshots stay put.
pub fn room_info(joined: usize) -> RoomInfo {
    let token = "0123456789abcdef0123456789abcdef".to_string();
    RoomInfo {
        join_url: format!("http://192.168.178.24:41234/{token}/"),
        code_url: "http://192.168.178.24:41234/".into(),
        screen_url: "http://192.168.178.24:41234/s/fedcba9876543210fedcba9876543210/".into(),
        code: "K7MQ2X".into(),
        addr: "192.168.178.24:41234".parse().unwrap(),
        interface: Some("wlan0".into()),
        joined,
        connected: joined,
        secrets: RoomSecrets {
            token,
            code: "K7MQ2X".into(),
            screen: "fedcba9876543210fedcba9876543210".into(),
        },
    }
}
