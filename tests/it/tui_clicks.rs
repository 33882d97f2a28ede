//! A click on a row of a list acts on the row drawn there: a principle, a
//! card of the deck, a row of the owners and next steps.

use crate::tui_support;

use datakompas::domain::Lang;
use datakompas::store::MemoryStore;
use datakompas::tui::app::App;
use datakompas::tui::event_loop::Scripted;
use ratatui::crossterm::event::KeyCode::Enter;
use tui_support::*;

/// The app on a memory store at one size: each step runs a script and
/// gives the screen after it.
struct Ui {
    app: App,
    store: MemoryStore,
    size: (u16, u16),
}

impl Ui {
    /// The home screen, with nothing saved.
    fn home(lang: Lang) -> Ui {
        Ui {
            app: app(lang),
            store: MemoryStore::new(),
            size: (80, 24),
        }
    }

    /// The home screen with the team session saved.
    fn saved(lang: Lang) -> Ui {
        Ui {
            store: MemoryStore::new().with_session(team_session("team")),
            ..Ui::home(lang)
        }
    }

    /// The team session open on its first card.
    fn opened(lang: Lang) -> Ui {
        let mut ui = Ui::saved(lang);
        open(&mut ui.app, &mut ui.store, "team");
        ui
    }

    fn sized(self, w: u16, h: u16) -> Ui {
        Ui {
            size: (w, h),
            ..self
        }
    }

    fn run(&mut self, script: Scripted) -> String {
        let (w, h) = self.size;
        screen(&run(&mut self.app, &mut self.store, w, h, script))
    }

    /// Clicks where `text` shows on `on`, moved `dx` columns and `dy` rows,
    /// then goes on with `then`.
    fn click_on(
        &mut self,
        on: &str,
        text: &str,
        (dx, dy): (i16, i16),
        then: impl FnOnce(Scripted) -> Scripted,
    ) -> String {
        let (col, row) = find(on, text);
        let at = click(col.saturating_add_signed(dx), row.saturating_add_signed(dy));
        self.run(then(Scripted::new(t0()).mouse(at)))
    }

    /// Clicks where `text` shows on `on`.
    fn click(&mut self, on: &str, text: &str) -> String {
        self.click_on(on, text, (0, 0), |s| s)
    }
}

#[test]
fn a_click_on_a_principle_ticks_or_unticks_the_one_clicked() {
    let mut ui = Ui::opened(Lang::En);
    let before = ui.run(Scripted::new(t0()).text("b"));
    assert!(before.contains("[ ] Discreet"), "{before}");
    assert!(before.contains("[x] Fair"), "{before}");
    let after = ui.click(&before, "Discreet");
    assert!(after.contains("[x] Discreet"), "{after}");
    assert!(after.contains("4 chosen (pick 3–7)"), "{after}");
    let after = ui.click(&after, "Fair");
    assert!(after.contains("3 chosen (pick 3–7)"), "{after}");
    assert!(after.contains("[ ] Fair"), "{after}");
    assert!(after.contains("[x] Discreet"), "{after}");
}

#[test]
fn a_click_on_a_card_of_the_deck_shows_that_card() {
    let mut ui = Ui::home(Lang::Nl);
    let home = ui.run(Scripted::new(t0()));
    let browse = ui.click(&home, "Door de kaarten bladeren");
    assert!(browse.contains("De slager om de hoek ·"), "{browse}");
    let shown = ui.click(&browse, "Pushberichten");
    assert!(
        shown.contains("Pushberichten in het voorbijgaan"),
        "{shown}"
    );
    assert!(!shown.contains("De slager om de hoek ·"), "{shown}");
}

#[test]
fn a_click_on_a_row_of_the_next_steps_opens_that_row_for_editing() {
    let mut ui = Ui::opened(Lang::En);
    let list = ui.run(Scripted::new(t0()).text("e").text("f"));
    let after = ui.click_on(&list, "Draft version", (0, 0), |s| s.text("v2").key(Enter));
    assert!(after.contains("Draft version: v2"), "{after}");
}

#[test]
fn a_click_on_a_saved_session_opens_it() {
    let mut ui = Ui::saved(Lang::En);
    let home = ui.run(Scripted::new(t0()));
    // The title's row, above its details; both answer the click.
    let opened = ui.click_on(&home, "decided ·", (0, -1), |s| s);
    assert!(!opened.contains("Saved sessions"), "{opened}");
    assert!(opened.contains("Card 1 of"), "{opened}");
}

#[test]
fn a_click_on_a_card_of_the_setup_turns_that_card_off() {
    let mut ui = Ui::home(Lang::En);
    let setup = ui.run(Scripted::new(t0()).key(Enter));
    assert!(setup.contains("[x]  2."), "{setup}");
    let after = ui.click(&setup, "[x]  2.");
    assert!(after.contains("[ ]  2."), "{after}");
    assert!(after.contains("[x]  1."), "{after}");
}

#[test]
fn a_click_on_a_card_of_the_overview_opens_that_card() {
    let mut ui = Ui::opened(Lang::En).sized(100, 30);
    let overview = ui.run(Scripted::new(t0()).text("o"));
    let card = ui.click_on(&overview, "▸ 1", (4, 1), |s| s);
    assert!(card.contains("Card 2 of"), "{card}");
}
