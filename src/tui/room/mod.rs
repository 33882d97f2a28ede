//! The room in the app: what the facilitator sees of it (the panel, the
//! join code in the header), what the app lets phones see ([`state`]), and
//! what phones did, applied through [`App::update`] like a key press.

pub mod link;
pub mod panel;
pub mod qr;

use std::net::IpAddr;

use jiff::Timestamp;

use super::app::{App, Effect};
use super::keymap::Action;
use super::screens::{Screen, card};
use crate::domain::room::{
    DeviceId, Membership, RevealResult, RevealedVote, RoomCard, RoomEvent, RoomSlot, RoomState,
    ScreenView,
};
use crate::domain::{Mode, Participant, VoteSummary};
use crate::i18n::{fill, tui::T};
use crate::room::{Interface, RoomInfo};

/// The open room as the app shows it.
#[derive(Debug, Clone)]
pub struct RoomView {
    pub info: RoomInfo,
    /// The panel with the QR code is on screen.
    pub panel: bool,
    /// An anonymous session takes phones beyond the planned voters.
    pub allow_extra: bool,
    /// The interfaces the room could listen on, best first.
    pub interfaces: Vec<Interface>,
}

impl RoomView {
    pub fn new(info: RoomInfo, interfaces: Vec<Interface>) -> RoomView {
        RoomView {
            info,
            panel: true,
            allow_extra: false,
            interfaces,
        }
    }

    /// The interface after the one in use, round the list.
    fn next_interface(&self) -> Option<IpAddr> {
        let ip = self.info.addr.ip();
        let at = self.interfaces.iter().position(|i| i.addr == ip);
        let next = match at {
            Some(i) => (i + 1) % self.interfaces.len(),
            None => 0,
        };
        self.interfaces
            .get(next)
            .map(|i| i.addr)
            .filter(|addr| *addr != ip)
    }
}

/// What the room may show right now; none without an open room. Votes
/// appear only once revealed, names only when the facilitator shows them.
pub fn state(app: &App) -> Option<RoomState> {
    let room = app.room.as_ref()?;
    state_with(app, room.allow_extra)
}

/// [`state`], also before the room is open (its first state).
pub fn state_with(app: &App, allow_extra: bool) -> Option<RoomState> {
    let open = app.open.as_ref()?;
    let session = &open.session;
    let progress = session.cards.get(session.position.card);
    let playing = playing(app);
    let card = progress
        .filter(|_| playing)
        .and_then(|p| Some((p, open.deck.card(&p.card)?)));
    let slots = session
        .participants
        .iter()
        .map(|v| RoomSlot {
            participant: v.id.clone(),
            name: v.name.clone(),
            voted: card.is_some_and(|(p, _)| p.votes.contains_key(&v.id)),
        })
        .collect();
    let reveal = card.filter(|(p, _)| p.revealed).map(|(p, _)| RevealResult {
        summary: VoteSummary::of(&p.votes),
        names: p.names_shown.then(|| {
            p.votes
                .iter()
                .map(|(who, v)| RevealedVote {
                    participant: who.clone(),
                    value: *v,
                })
                .collect()
        }),
    });
    Some(RoomState {
        lang: app.lang,
        card: card.map(|(_, c)| RoomCard {
            id: c.id.clone(),
            title: c.title.clone(),
            stage: session.position.stage,
            number: session.position.card + 1,
            total: session.cards.len(),
        }),
        slots,
        reveal,
        allow_extra: allow_extra && anonymous(app),
        closed: false,
    })
}

/// What the room's shared screen shows right now; none without an open room.
pub fn screen(app: &App) -> Option<ScreenView> {
    app.room.as_ref()?;
    let open = app.open.as_ref()?;
    Some(ScreenView::new(
        &open.session,
        &open.deck,
        &app.assets.framework,
        app.lang,
        playing(app),
    ))
}

/// A card is on the table: the facilitator is on it or just beside it.
fn playing(app: &App) -> bool {
    matches!(
        app.screen,
        Screen::Card | Screen::Overview(_) | Screen::Principles(_)
    )
}

fn anonymous(app: &App) -> bool {
    app.open
        .as_ref()
        .is_some_and(|o| o.session.participants.iter().all(|p| p.name.is_empty()))
}

/// A phone did something: the same update as a key press, saved the same way.
pub fn on_event(app: &mut App, ev: RoomEvent, now: Timestamp) -> Vec<Effect> {
    if app.room.is_none() || app.open.as_ref().is_none_or(|o| o.read_only.is_some()) {
        return Vec::new();
    }
    match ev {
        RoomEvent::Joined {
            participant,
            device,
            new_slot,
        } => joined(app, participant, device, new_slot, now),
        RoomEvent::Vote {
            participant,
            card,
            value,
        } => {
            let current = app.open.as_ref().and_then(|o| {
                let p = o.session.cards.get(o.session.position.card)?;
                (o.session.position.stage == crate::domain::Stage::GutCheck).then_some(p)
            });
            if current.is_some_and(|p| p.card == card) {
                super::route::cast_vote(app, &participant, value, now);
            }
        }
        RoomEvent::Left { participant } => {
            if let Some(open) = app.open.as_mut() {
                let mut members = open.session.room_members.clone();
                if members.free(&participant).is_some() {
                    open.session.room_members = members;
                    app.changed(now);
                }
            }
        }
    }
    Vec::new()
}

fn joined(app: &mut App, participant: String, device: DeviceId, new_slot: bool, now: Timestamp) {
    let extra_ok = app.room.as_ref().is_some_and(|r| r.allow_extra) && anonymous(app);
    let Some(open) = app.open.as_mut() else {
        return;
    };
    let session = &mut open.session;
    let known = session.participants.iter().any(|p| p.id == participant);
    if !known {
        if !(new_slot && extra_ok && session.mode == Mode::Team) {
            return;
        }
        session.participants.push(Participant {
            id: participant.clone(),
            name: String::new(),
        });
    }
    let claims = session
        .room_members
        .claims()
        .map(|(p, d)| (p.to_string(), d.clone()))
        .chain(std::iter::once((participant, device)));
    session.room_members = Membership::from_claims(claims.collect::<Vec<_>>());
    app.changed(now);
}

/// The room keys: open it or bring back its panel, and the panel's own.
pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let lang = app.lang;
    match action {
        Action::Room => {
            let team = app.open.as_ref().is_some_and(|o| !o.solo());
            if !team {
                app.notice = Some(T::RoomTeamOnly.get(lang).into());
                return Vec::new();
            }
            if let Some(room) = app.room.as_mut() {
                room.panel = !room.panel;
                Vec::new()
            } else if app.editable() {
                vec![Effect::OpenRoom { bind: None }]
            } else {
                Vec::new()
            }
        }
        Action::Back => {
            if let Some(room) = app.room.as_mut() {
                room.panel = false;
            }
            Vec::new()
        }
        Action::RoomInterface => {
            let next = app.room.as_ref().and_then(RoomView::next_interface);
            match next {
                Some(ip) => vec![Effect::OpenRoom { bind: Some(ip) }],
                None => {
                    app.notice = Some(T::RoomOneInterface.get(lang).into());
                    Vec::new()
                }
            }
        }
        Action::RoomExtra => {
            if !anonymous(app) {
                app.notice = Some(T::RoomExtraNamed.get(lang).into());
                return Vec::new();
            }
            if let Some(room) = app.room.as_mut() {
                room.allow_extra = !room.allow_extra;
                let said = if room.allow_extra {
                    T::RoomExtraOn
                } else {
                    T::RoomExtraOff
                };
                app.notice = Some(said.get(lang).into());
            }
            Vec::new()
        }
        Action::RoomClose => vec![Effect::CloseRoom],
        Action::FreeSlot => free_slot(app, now),
        _ => Vec::new(),
    }
}

/// Lets the highlighted voter's phone go, so another phone can take the slot.
fn free_slot(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let lang = app.lang;
    if app.room.is_none() {
        app.notice = Some(T::RoomNotOpen.get(lang).into());
        return Vec::new();
    }
    if !app.editable() {
        return Vec::new();
    }
    let Some(open) = app.open.as_mut() else {
        return Vec::new();
    };
    let at = open.view.gut.voter;
    let Some((id, name)) = open
        .session
        .participants
        .get(at)
        .map(|p| (p.id.clone(), card::gut::voter_name(p, at, lang)))
    else {
        return Vec::new();
    };
    let mut members = open.session.room_members.clone();
    if members.free(&id).is_none() {
        app.notice = Some(fill(T::RoomSlotNotHeld.get(lang), &[("name", &name)]));
        return Vec::new();
    }
    open.session.room_members = members;
    app.notice = Some(fill(T::RoomSlotFreed.get(lang), &[("name", &name)]));
    app.changed(now);
    vec![Effect::FreeSlot(id)]
}

/// Why the room did not open, in the user's language where the cause is
/// known: what they asked for, or what this computer lacks.
pub fn why_not_open(
    e: &std::io::Error,
    options: &link::RoomOptions,
    lang: crate::domain::Lang,
) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::InvalidInput if options.bind.is_some_and(|ip| ip.is_unspecified()) => {
            T::RoomEveryInterface.get(lang).to_string()
        }
        ErrorKind::InvalidInput if options.public_url.is_some() => fill(
            T::RoomBadPublicUrl.get(lang),
            &[("url", options.public_url.as_deref().unwrap_or_default())],
        ),
        ErrorKind::AddrInUse => fill(
            T::RoomPortInUse.get(lang),
            &[("port", &options.port.to_string())],
        ),
        ErrorKind::AddrNotAvailable if options.bind.is_some() => fill(
            T::RoomNoSuchAddress.get(lang),
            &[(
                "addr",
                &options.bind.map(|b| b.to_string()).unwrap_or_default(),
            )],
        ),
        ErrorKind::AddrNotAvailable => T::RoomNoNetwork.get(lang).to_string(),
        _ => e.to_string(),
    }
}

/// Whether a phone holds this participant's slot.
pub fn has_phone(app: &App, participant: &str) -> bool {
    app.room.is_some()
        && app
            .open
            .as_ref()
            .is_some_and(|o| o.session.room_members.is_taken(participant))
}

/// "room K7MQ2X · 5 joined", for the header while the room is open.
pub fn header_text(app: &App) -> Option<String> {
    let room = app.room.as_ref()?;
    Some(fill(
        T::RoomHeader.get(app.lang),
        &[
            ("code", &room.info.code),
            ("n", &room.info.joined.to_string()),
        ],
    ))
}
