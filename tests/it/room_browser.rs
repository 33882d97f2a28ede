//! The phone page in a real browser: Debian's headless `chromium` at
//! 375×667, driven over the DevTools protocol. The page loads without a
//! console error or an outside request, a tap casts the vote, the phone
//! confirms it, and the app receives it. Screenshots of every phone state,
//! in both languages and in dark mode, land in `target/room-screenshots/`.

use crate::room_support;

use std::path::{Path, PathBuf};

use datakompas::domain::room::{RevealResult, RevealedVote, RoomCard, RoomEvent, RoomState};
use datakompas::domain::{Lang, Stage, Text, VoteSummary};
use datakompas::i18n::labels::Label;
use datakompas::i18n::room::Phone;
use room_support::cdp::{Browser, chromium_or_skip, screenshot_dir};
use room_support::*;
use serde_json::json;

struct Phone_ {
    browser: Browser,
    prefix: String,
    dir: PathBuf,
}

impl Phone_ {
    fn shot(&mut self, name: &str) {
        let path = self.dir.join(format!("{}-{name}.png", self.prefix));
        self.browser.screenshot(&path);
    }

    fn text_is(&mut self, what: &str, selector: &str, text: &str) {
        let cond = format!(
            "(document.querySelector({sel}) || {{}}).textContent === {text}",
            sel = json!(selector),
            text = json!(text)
        );
        self.browser.wait(what, &cond);
    }

    fn shows(&mut self, what: &str, text: &str) {
        let cond = format!("document.body.innerText.includes({})", json!(text));
        self.browser.wait(what, &cond);
    }
}

fn published(t: &TestRoom, f: impl FnOnce(&mut RoomState)) {
    let mut state = named();
    state.slots[1].voted = true;
    f(&mut state);
    t.room.publish(state);
}

fn reveal(names: bool) -> Option<RevealResult> {
    Some(RevealResult {
        summary: VoteSummary::from_values([2, 4, 5]),
        names: names.then(|| {
            [("p1", 2), ("p2", 4), ("p3", 5)]
                .map(|(p, v)| RevealedVote {
                    participant: p.into(),
                    value: v,
                })
                .to_vec()
        }),
    })
}

/// One phone through a whole card, in `lang`, light or dark.
fn walk_through(chromium: &Path, lang: Lang, dark: bool) {
    let t = TestRoom::open(named());
    let info = t.room.info();
    let mut phone = Phone_ {
        browser: Browser::launch(chromium, 375, 667),
        prefix: format!("{}-{}", lang.code(), if dark { "dark" } else { "light" }),
        dir: screenshot_dir(),
    };
    phone.browser.dark(dark);
    let say = |key: Phone| key.get(lang).to_string();

    // The code page; the language switch sits in its header.
    phone.browser.navigate(&info.code_url);
    phone
        .browser
        .wait("the code field", "document.getElementById('code')");
    if lang == Lang::Nl {
        phone.browser.tap("#lang");
        phone
            .browser
            .wait("Dutch", "document.documentElement.lang === 'nl'");
    }
    phone.shows("the code page", &say(Phone::CodeHint));
    phone.shot("1-code");
    let wrong = if info.code == "222222" {
        "333333"
    } else {
        "222222"
    };
    phone.browser.tap("#code");
    phone.browser.type_text(wrong);
    phone.browser.tap("button[type=submit]");
    phone.text_is("the refusal", "#status", &say(Phone::CodeWrong));
    phone.shot("2-code-wrong");
    phone
        .browser
        .eval("document.getElementById('code').value = ''");
    phone.browser.tap("#code");
    phone.browser.type_text(&info.code.to_lowercase());
    phone.browser.tap("button[type=submit]");
    phone.browser.wait(
        "the room page",
        &format!("location.pathname === '/{}/'", t.token),
    );

    // Who are you?
    phone.shows("the names", &say(Phone::WhoAreYou));
    phone.browser.wait(
        "three names",
        "document.querySelectorAll('.choice').length === 3",
    );
    phone.shot("3-who");
    phone.browser.tap("ul.choices li:nth-child(2) button");
    phone.browser.wait(
        "the vote buttons",
        "document.querySelectorAll('.vote').length === 5",
    );
    assert!(
        matches!(t.next_event(), RoomEvent::Joined { ref participant, .. } if participant == "p2")
    );
    phone.shows("the scale", Label::Vote5.title(lang));
    phone.shows("the question", &say(Phone::Question));
    phone.shot("4-vote");

    // A tap casts the vote; the phone confirms it; the app has it.
    phone.browser.tap("ul.choices li:nth-child(4) button");
    phone.text_is("the confirmation", "#status", &say(Phone::VoteIn));
    assert_eq!(
        t.next_event(),
        RoomEvent::Vote {
            participant: "p2".into(),
            card: CARD.into(),
            value: 4
        }
    );
    published(&t, |_| {});
    let count = datakompas::i18n::fill(&say(Phone::VotedCount), &[("n", "1"), ("total", "3")]);
    phone.shows("the count", &count);
    phone.browser.wait(
        "the chosen button",
        "document.querySelector('ul.choices li:nth-child(4) button').getAttribute('aria-pressed') === 'true'",
    );
    phone.shot("5-voted");

    // At 320 px nothing spills sideways.
    phone.browser.resize(320, 568);
    phone
        .browser
        .wait("the narrow layout", "innerWidth === 320");
    assert_eq!(
        phone
            .browser
            .eval("document.documentElement.scrollWidth <= 320"),
        json!(true),
        "the page is wider than 320 px"
    );
    phone.shot("6-vote-320px");
    phone.browser.resize(375, 667);

    // A reload keeps the slot.
    phone.browser.navigate(&info.join_url);
    phone.browser.wait(
        "the vote buttons again",
        "document.querySelectorAll('.vote').length === 5",
    );
    t.assert_no_event();

    published(&t, |s| s.reveal = reveal(false));
    phone
        .browser
        .wait("the chart", "document.querySelector('.chart')");
    phone.shows("the reveal", &say(Phone::RevealTitle));
    phone.shot("7-reveal");
    published(&t, |s| s.reveal = reveal(true));
    phone
        .browser
        .wait("the names", "document.querySelector('.names')");
    phone.shot("8-reveal-names");

    for (stage, key, name) in [
        (Stage::Discuss, Phone::StageDiscuss, "9-discuss"),
        (Stage::Decide, Phone::StageDecide, "10-decide"),
        (Stage::Reveal, Phone::StageReveal, "11-what-happened"),
    ] {
        published(&t, |s| {
            s.reveal = reveal(false);
            s.card.as_mut().unwrap().stage = stage;
        });
        phone.text_is(name, ".stage", &say(key));
        phone.shot(name);
    }
    published(&t, |s| {
        s.slots[1].voted = false;
        s.card = Some(RoomCard {
            id: "target".into(),
            title: Text::new(
                "Target predicts pregnancies",
                "Target voorspelt zwangerschappen",
            ),
            stage: Stage::Story,
            number: 2,
            total: 4,
        });
    });
    phone.text_is("the story", ".stage", &say(Phone::StageStory));
    phone.shot("12-story");
    published(&t, |s| s.card = None);
    phone.text_is("between cards", ".stage", &say(Phone::Waiting));
    phone.shot("13-waiting");

    // The Wi-Fi drops: the phone says so, reconnects by itself when it
    // returns, and votes again from the same slot.
    published(&t, |_| {});
    phone.browser.wait(
        "the vote buttons",
        "document.querySelectorAll('.vote').length === 5",
    );
    phone.browser.offline(true);
    phone.text_is("the lost connection", "#status", &say(Phone::Reconnecting));
    phone.shot("13b-reconnecting");
    phone.browser.offline(false);
    phone.browser.wait(
        "back online",
        "document.getElementById('status').textContent === ''",
    );
    phone.browser.tap("ul.choices li:nth-child(2) button");
    phone.text_is("the confirmation", "#status", &say(Phone::VoteIn));
    assert!(
        matches!(t.next_event(), RoomEvent::Vote { ref participant, value: 2, .. } if participant == "p2")
    );

    // Nothing went wrong and nothing left this computer.
    let errors: Vec<String> = phone
        .browser
        .errors()
        .into_iter()
        // The wrong code was refused on purpose.
        .filter(|e| !e.contains("/code\""))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    // The log is real: it holds the page's own requests.
    let own = [
        "live.js",
        "room.js",
        "room.css",
        "texts.json",
        "events",
        "vote",
    ];
    phone.browser.asked_only(&format!("{}/", t.base), &own);

    t.room.close();
    phone.shows("the goodbye", &say(Phone::Closed));
    phone.shot("14-closed");
}

/// The phones that do not pick a name: the next "Voter N", and a full room.
fn anonymous_and_full(chromium: &Path, lang: Lang) {
    let mut phone = Phone_ {
        browser: Browser::launch(chromium, 375, 667),
        prefix: format!("{}-light", lang.code()),
        dir: screenshot_dir(),
    };
    let say = |key: Phone| key.get(lang).to_string();
    let t = TestRoom::open(RoomState {
        lang,
        ..anonymous(2)
    });
    t.join(None);
    phone.browser.navigate(&t.room.info().join_url);
    let me = datakompas::i18n::fill(&say(Phone::YouAre), &[("name", &say(Phone::VoterN))]);
    phone.shows("Voter 2", &me.replace("{n}", "2"));
    phone.shot("15-anonymous");

    let full = TestRoom::open(RoomState {
        lang,
        ..anonymous(1)
    });
    full.join(None);
    phone.browser.navigate(&full.room.info().join_url);
    phone.shows("the room is full", &say(Phone::RoomFull));
    phone.shot("16-full");
    // A place comes free: the page takes it by itself.
    assert!(matches!(full.next_event(), RoomEvent::Joined { .. }));
    assert!(full.room.free("p1"));
    phone
        .browser
        .wait("a place", "document.querySelectorAll('.vote').length === 5");
    assert!(
        matches!(full.next_event(), RoomEvent::Joined { ref participant, .. } if participant == "p1")
    );
    let errors = phone.browser.errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[test]
fn the_phone_page_votes_in_a_real_browser() {
    let Some(chromium) = chromium_or_skip("the phone page's browser test") else {
        return;
    };
    walk_through(&chromium, Lang::En, false);
    walk_through(&chromium, Lang::Nl, false);
    walk_through(&chromium, Lang::En, true);
    anonymous_and_full(&chromium, Lang::En);
    anonymous_and_full(&chromium, Lang::Nl);
}
