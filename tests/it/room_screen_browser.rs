//! The room's shared screen in a real browser (Debian's headless
//! `chromium`) at projector sizes, 1280×720 and 1920×1080, through a whole
//! card in both languages: people joining with the QR code, votes coming
//! in, the reveal, the discussion, the decision and what happened. Every
//! stage fits the screen without scrolling, the QR code is whole, nothing
//! is requested elsewhere, no console error. Screenshots land in
//! `target/room-screenshots/screen-*.png`.

use crate::room_support;
use crate::session_support;

use std::path::Path;

use datakompas::domain::room::ScreenView;
use datakompas::domain::{CardProgress, FactPart, Lang, Session, Stage};
use datakompas::i18n::dates::prose_date;
use datakompas::i18n::labels::Label;
use datakompas::i18n::room::Screen;
use datakompas::room::{RoomConfig, RoomSecrets};
use room_support::cdp::{Browser, chromium_or_skip, screenshot_dir};
use room_support::*;
use serde_json::json;
use session_support::brand_team;

fn session(lang: Lang) -> Session {
    let mut s = brand_team(lang);
    s.cards = [CARD, "butcher", "target-pregnancy", "bol-privacy-statement"]
        .map(CardProgress::new)
        .to_vec();
    s
}

struct Projector<'a> {
    browser: Browser,
    t: &'a TestRoom,
    lang: Lang,
    prefix: String,
}

impl Projector<'_> {
    fn show(&mut self, s: &Session, playing: bool) {
        let view = ScreenView::new(
            s,
            &datakompas::deck::builtin(),
            &datakompas::deck::framework(),
            self.lang,
            playing,
        );
        self.t.room.publish_screen(view);
    }

    fn shows(&mut self, what: &str, text: &str) {
        let cond = format!("document.body.innerText.includes({})", json!(text));
        self.browser.wait(what, &cond);
    }

    /// The stage fits the viewport, its text no smaller than the floor,
    /// and the QR code (when up) lies whole inside the window.
    fn fits(&mut self, name: &str) {
        let fit = self.browser.eval(
            "(() => [...document.querySelectorAll('.body > *')]
                      .every((c) => c.scrollHeight <= c.clientHeight + 1)
                        && document.documentElement.scrollHeight <= innerHeight + 1
                        && document.documentElement.scrollWidth <= innerWidth)()",
        );
        assert_eq!(fit, json!(true), "{name}: the stage overflows the screen");
        let qr = self.browser.eval(
            "(() => { const j = document.getElementById('join');
                      if (j.hidden) return 'hidden';
                      const r = document.querySelector('#qr svg').getBoundingClientRect();
                      return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight
                        && r.right <= innerWidth && r.width >= 160 ? 'whole' : JSON.stringify(r); })()",
        );
        assert!(
            qr == json!("hidden") || qr == json!("whole"),
            "{name}: the QR code is clipped or tiny: {qr}"
        );
        let code = self.browser.eval(
            "(() => { const c = document.querySelector('#join:not([hidden]) .join-code');
                      if (!c) return 'hidden';
                      const one = c.offsetHeight < 2 * parseFloat(getComputedStyle(c).fontSize);
                      return one && c.scrollWidth <= c.clientWidth ? 'one line' : c.offsetHeight; })()",
        );
        assert!(
            code == json!("hidden") || code == json!("one line"),
            "{name}: the join code wraps or overflows: {code}"
        );
        // The main text stays readable from the back of the room: at
        // least 2 % of the screen's height (22 px on a 1080p projector);
        // a column beside it at least 1.3 %.
        let height = f64::from(self.height());
        for (column, share) in [(".body > .main", 0.02), (".body > .side", 0.013)] {
            let size = self.browser.eval(&format!(
                "(() => {{ const c = document.querySelector('{column}');
                          return c ? parseFloat(getComputedStyle(c).fontSize) : null; }})()"
            ));
            if let Some(size) = size.as_f64() {
                assert!(
                    size >= share * height,
                    "{name}: {column} has text of {size} px"
                );
            }
        }
    }

    /// Every fact is either shown or counted in "+ N more", and at least one shows.
    fn facts_add_up(&mut self, total: usize) {
        let got = self.browser.eval(
            "(() => { const items = [...document.querySelectorAll('.facts li')];
                      const more = document.querySelector('.facts .more');
                      return [items.length, items.filter((i) => !i.hidden).length,
                              more.hidden ? '' : more.textContent]; })()",
        );
        let shown = got[1].as_u64().unwrap() as usize;
        assert_eq!(got[0], json!(total), "every fact is on the page");
        assert!(shown >= 1, "at least one fact shows");
        let more = match total - shown {
            0 => String::new(),
            n => datakompas::i18n::fill(Screen::FactsMore.get(self.lang), &[("n", &n.to_string())]),
        };
        assert_eq!(got[2], json!(more), "{shown} of {total} facts shown");
    }

    fn height(&mut self) -> u32 {
        self.browser.eval("innerHeight").as_u64().unwrap() as u32
    }

    fn shot(&mut self, name: &str) {
        self.fits(name);
        let path = screenshot_dir().join(format!("screen-{}-{name}.png", self.prefix));
        self.browser.screenshot(&path);
    }
}

fn whole_card(chromium: &Path, lang: Lang, (w, h): (u32, u32)) {
    // The widest join code there can be: it must still read on one line.
    let secrets = RoomSecrets {
        token: "a".repeat(32),
        code: "WMWMWM".into(),
        screen: "b".repeat(32),
    };
    let cfg = RoomConfig {
        secrets: Some(secrets),
        ..loopback()
    };
    let t = TestRoom::open_with(cfg, named());
    let mut p = Projector {
        browser: Browser::launch(chromium, w, h),
        t: &t,
        lang,
        prefix: format!("{}-{w}x{h}", lang.code()),
    };
    let say = |key: Screen| key.get(lang).to_string();
    let mut s = session(lang);
    let deck = datakompas::deck::builtin();
    let card = deck.card(CARD).unwrap();

    // Before the first card: the session's title and a big code to join.
    p.show(&s, false);
    p.browser.navigate(&t.room.info().screen_url);
    p.shows("the welcome", "Brand team Q4");
    p.shows("the join hint", &say(Screen::JoinScan));
    p.shot("1-welcome");

    p.show(&s, true);
    p.shows("the story", card.title.get(lang));
    p.shows("the stage", &Label::StageStory.title(lang).to_uppercase());
    // Where the story stops, its date written as the terminal writes it.
    let point = card.decision_point.as_ref().unwrap();
    p.shows("where it stops", Label::DecisionPoint.get(lang));
    p.shows(
        "the moment",
        &format!(
            "{}: {}",
            prose_date(&point.date, lang),
            point.moment.get(lang)
        ),
    );
    p.shot("2-story");

    s.position.stage = Stage::GutCheck;
    p.show(&s, true);
    let count = |n: usize| {
        datakompas::i18n::fill(
            &say(Screen::VotedCount),
            &[("n", &n.to_string()), ("total", "3")],
        )
    };
    p.shows("nobody voted yet", &count(0));
    p.shot("3-gut-check");
    s.cards[0].votes.insert("p1".into(), 2);
    s.cards[0].votes.insert("p3".into(), 5);
    p.show(&s, true);
    p.shows("votes coming in", &count(2));
    p.shot("4-two-of-three");
    let page = p
        .browser
        .eval("document.body.innerText")
        .as_str()
        .unwrap()
        .to_string();
    assert!(!page.contains("Ann") && !page.contains("Cem"), "no names");

    s.cards[0].votes.insert("p2".into(), 4);
    s.cards[0].revealed = true;
    p.show(&s, true);
    p.shows("the reveal", &say(Screen::RevealTitle));
    p.browser.wait(
        "the chart",
        "document.querySelectorAll('.chart li').length === 5",
    );
    assert!(
        p.browser.eval("document.getElementById('join').hidden") == json!(true),
        "the code makes room for the chart"
    );
    p.shot("5-reveal");
    s.cards[0].names_shown = true;
    p.show(&s, true);
    p.browser
        .wait("the names", "document.querySelector('.names')");
    p.shot("6-reveal-names");

    s.position.stage = Stage::Discuss;
    p.show(&s, true);
    p.shows("the prompts", card.prompts[0].get(lang));
    p.shot("7-discuss");

    s.position.stage = Stage::Decide;
    p.show(&s, true);
    p.shows("deciding", &say(Screen::Deciding));
    p.shot("8-deciding");
    s.cards[0].decision.option = Some(card.options[1].id.clone());
    s.cards[0].decision.safeguards = vec!["opt_in_only".into(), "aggregate_only_sharing".into()];
    p.show(&s, true);
    p.shows("the decision", card.options[1].label.get(lang));
    p.shot("9-decision");

    s.position.stage = Stage::Reveal;
    p.show(&s, true);
    let outcome = card.outcome.as_ref().unwrap().get(lang);
    p.shows("what happened", outcome.split('.').next().unwrap());
    p.shot("10-what-happened");
    let facts = card.facts_in(FactPart::Reveal).count();
    p.facts_add_up(facts);

    // A laptop window that is neither: still fits.
    p.browser.resize(1024, 640);
    p.browser.wait("the resize", "innerWidth === 1024");
    p.browser.eval("window.dispatchEvent(new Event('resize'))");
    p.prefix = format!("{}-1024x640", lang.code());
    p.shot("10-what-happened");
    p.facts_add_up(facts);
    p.browser.resize(w, h);

    // Nothing went wrong and nothing left this computer.
    let errors = p.browser.errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    let own = [
        "live.js",
        "screen.js",
        "screen.css",
        "screen-texts.json",
        "events",
    ];
    p.browser.asked_only(&format!("{}/", t.base), &own);

    let mut browser = p.browser;
    t.room.close();
    let cond = format!(
        "document.body.innerText.includes({})",
        json!(say(Screen::Closed))
    );
    browser.wait("the goodbye", &cond);
}

#[test]
fn the_room_screen_follows_a_whole_card_on_a_projector() {
    let Some(chromium) = chromium_or_skip("the room screen's browser test") else {
        return;
    };
    for lang in Lang::ALL {
        for size in [(1280, 720), (1920, 1080)] {
            whole_card(&chromium, lang, size);
        }
    }
}
