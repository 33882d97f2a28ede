//! The loop's side of the room: the server itself, opened and closed on
//! the app's effects, fed every new [`RoomState`], its events handed back
//! to the loop as inputs. No socket exists until the facilitator opens
//! the room.

use std::net::IpAddr;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use crate::domain::room::{RoomEvent, RoomState, ScreenView};
use crate::room::{Room, RoomConfig, RoomInfo, RoomSecrets};
use crate::tui::event_loop::Input;

/// How the room is to listen, from the command line.
#[derive(Debug, Clone, Default)]
pub struct RoomOptions {
    /// Open the room as soon as a team session is on screen.
    pub open_at_start: bool,
    pub bind: Option<IpAddr>,
    pub port: u16,
    pub public_url: Option<String>,
}

/// The room server while it is open, and how to reach the loop.
#[derive(Default)]
pub struct RoomLink {
    pub options: RoomOptions,
    room: Option<Room>,
    /// The state last shown to phones, so an unchanged one is not sent again.
    published: Option<RoomState>,
    /// The view last shown on the shared screen, likewise.
    screen: Option<ScreenView>,
    /// Events from the server's thread, waiting for the loop, when the
    /// loop's event source has no channel of its own.
    inbox: Option<Receiver<RoomEvent>>,
    /// The loop's input channel, once the loop runs; shared with the
    /// server's callback, so a room opened before the loop started (with
    /// `--room`) sends there too from then on.
    feed: Arc<Mutex<Option<Sender<Input>>>>,
}

impl RoomLink {
    pub fn new(options: RoomOptions) -> RoomLink {
        RoomLink {
            options,
            ..RoomLink::default()
        }
    }

    /// Where a room opened from now on sends its events: the loop's input
    /// channel, merged with the keys; none keeps them for [`Self::drain`].
    pub fn feed(&mut self, sender: Option<Sender<Input>>) {
        if let Ok(mut feed) = self.feed.lock() {
            *feed = sender;
        }
    }

    pub fn is_open(&self) -> bool {
        self.room.is_some()
    }

    /// Opens the room (or moves it to `bind`), keeping the join code, the
    /// token and who holds which slot, so phones that joined stay joined.
    pub fn open(
        &mut self,
        bind: Option<IpAddr>,
        initial: RoomState,
        members: crate::domain::room::Membership,
    ) -> std::io::Result<RoomInfo> {
        let secrets: Option<RoomSecrets> = self.room.as_ref().map(|r| r.info().secrets);
        let (members, keep_port) = match self.room.as_ref() {
            Some(r) => (r.members(), r.info().addr.port()),
            None => (members, self.options.port),
        };
        let cfg = RoomConfig {
            bind: bind.or(self.options.bind),
            port: if bind.is_some() {
                self.options.port
            } else {
                keep_port
            },
            public_url: self.options.public_url.clone(),
            members,
            secrets,
        };
        // The old server lets go of its address before the new one binds.
        self.close();
        let (local, inbox): (Sender<RoomEvent>, Receiver<RoomEvent>) = mpsc::channel();
        let feed = Arc::clone(&self.feed);
        let on_event: crate::room::OnEvent = Box::new(move |ev: RoomEvent| {
            // Without the loop's channel (or with it gone) the event waits
            // for the loop to look; a send that fails then means the app is
            // leaving.
            let ev = match feed.lock().ok().and_then(|f| f.clone()) {
                Some(feed) => match feed.send(Input::Room(ev)) {
                    Ok(()) => return,
                    Err(mpsc::SendError(Input::Room(ev))) => ev,
                    Err(_) => return,
                },
                None => ev,
            };
            let _ = local.send(ev);
        });
        let room = Room::open(cfg, initial.clone(), on_event)?;
        let info = room.info();
        self.room = Some(room);
        self.published = Some(initial);
        self.inbox = Some(inbox);
        Ok(info)
    }

    /// Stops the server; phones are told the room is closed.
    pub fn close(&mut self) {
        if let Some(room) = self.room.take() {
            room.close();
        }
        self.published = None;
        self.screen = None;
        self.inbox = None;
    }

    /// Shows phones `state` if it differs from what they have.
    pub fn publish(&mut self, state: Option<RoomState>) {
        let (Some(room), Some(state)) = (self.room.as_ref(), state) else {
            return;
        };
        if self.published.as_ref() != Some(&state) {
            room.publish(state.clone());
            self.published = Some(state);
        }
    }

    /// Shows the shared screen `view` if it differs from what it has.
    pub fn publish_screen(&mut self, view: Option<ScreenView>) {
        let (Some(room), Some(view)) = (self.room.as_ref(), view) else {
            return;
        };
        if self.screen.as_ref() != Some(&view) {
            room.publish_screen(view.clone());
            self.screen = Some(view);
        }
    }

    /// Events that arrived since the last look.
    pub fn drain(&mut self) -> Vec<RoomEvent> {
        self.inbox
            .as_ref()
            .map(|rx| rx.try_iter().collect())
            .unwrap_or_default()
    }

    pub fn info(&self) -> Option<RoomInfo> {
        self.room.as_ref().map(Room::info)
    }

    pub fn free(&self, participant: &str) {
        if let Some(room) = self.room.as_ref() {
            room.free(participant);
        }
    }
}
