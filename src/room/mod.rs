//! The room: a small web server inside the app that participants join
//! from their phones to cast their gut-check votes privately.
//!
//! The app opens a [`Room`] with the [`RoomState`] it may show, gets a
//! [`RoomEvent`] for everything a phone does (through `on_event`, called
//! on the server's thread), and publishes a new state after every change.
//! The server keeps only who holds which slot, which the app mirrors in
//! the session from the events. It runs on a tokio runtime in a thread
//! of its own, started by [`Room::open`] and stopped by [`Room::close`] or
//! drop, so the app's loop stays synchronous and no socket is open
//! outside a room.

mod assets;
mod interfaces;
mod limits;
mod screen;
mod server;
mod tokens;

use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

pub use interfaces::{Interface, InterfaceKind, interfaces};
pub use tokens::CODE_ALPHABET;

use crate::domain::room::{Membership, RoomEvent, RoomState, ScreenView};

/// How to open a room.
#[derive(Debug, Clone, Default)]
pub struct RoomConfig {
    /// The address to listen on; the best of [`interfaces`] when none.
    /// Never an unspecified address (0.0.0.0, ::).
    pub bind: Option<IpAddr>,
    /// 0 lets the system pick a free port.
    pub port: u16,
    /// The address participants use when the facilitator forwards the
    /// port through a tunnel (`https://room.example.org`). It changes
    /// only the advertised URL, never where the room listens.
    pub public_url: Option<String>,
    /// Who held which slot, from the session file, so phones rejoin their
    /// own slots when the room reopens.
    pub members: Membership,
    /// The previous room's token and code, so phones that kept the page
    /// open reconnect after the app restarts on the same port.
    pub secrets: Option<RoomSecrets>,
}

/// The room's secrets: the token in the join URL, the short code, and the
/// shared screen's own token, which lets no one vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomSecrets {
    pub token: String,
    pub code: String,
    pub screen: String,
}

/// What the app shows about an open room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomInfo {
    /// The URL for the QR code, with the room token.
    pub join_url: String,
    /// Where to type the join code instead.
    pub code_url: String,
    /// The shared screen's page, for the projector; its token is not the
    /// join token.
    pub screen_url: String,
    pub code: String,
    /// Where the server listens.
    pub addr: SocketAddr,
    /// The interface that address belongs to, when known.
    pub interface: Option<String>,
    /// Phones holding a slot.
    pub joined: usize,
    /// Phones with the page open right now.
    pub connected: usize,
    pub secrets: RoomSecrets,
}

/// The callback that receives what phones do. It runs on the server's
/// thread and must not call back into the [`Room`]; send the event on to
/// the app's loop instead.
pub type OnEvent = Box<dyn Fn(RoomEvent) + Send + Sync>;

/// An open room. Closing or dropping it tells every phone "The
/// facilitator closed the room" and stops the server.
pub struct Room {
    shared: Arc<server::Shared>,
    info: RoomInfo,
    thread: Option<JoinHandle<()>>,
}

/// How long closing waits for phones to receive the news.
const CLOSE_GRACE: Duration = Duration::from_secs(2);

impl Room {
    pub fn open(cfg: RoomConfig, initial: RoomState, on_event: OnEvent) -> io::Result<Room> {
        let (addr, interface) = choose_addr(&cfg)?;
        let listener = TcpListener::bind(addr)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let secrets = kept_or_new(cfg.secrets);
        let base = match &cfg.public_url {
            Some(url) => public_base(url)?,
            None => format!("http://{addr}"),
        };
        let info = RoomInfo {
            join_url: format!("{base}/{}/", secrets.token),
            code_url: format!("{base}/"),
            screen_url: format!("{base}/s/{}/", secrets.screen),
            code: secrets.code.clone(),
            addr,
            interface,
            joined: 0,
            connected: 0,
            secrets: secrets.clone(),
        };
        let screen_page = screen::Page::new(&info.join_url, &info.code_url, &info.code);
        let shared = Arc::new(server::Shared::new(
            secrets,
            initial,
            cfg.members,
            on_event,
            screen_page,
        ));
        let thread = spawn(listener, Arc::clone(&shared))?;
        Ok(Room {
            shared,
            info,
            thread: Some(thread),
        })
    }

    pub fn info(&self) -> RoomInfo {
        let (joined, connected) = self.shared.counts();
        RoomInfo {
            joined,
            connected,
            ..self.info.clone()
        }
    }

    /// Shows phones a new state. Cheap when nothing changed.
    pub fn publish(&self, state: RoomState) {
        self.shared.publish(state);
    }

    /// Shows the shared screen a new view. Cheap when nothing changed.
    pub fn publish_screen(&self, view: ScreenView) {
        self.shared.publish_screen(view);
    }

    /// Frees a participant's slot, so another phone can take it. The phone
    /// that held it is asked who it is again. True if the slot was held.
    pub fn free(&self, participant: &str) -> bool {
        self.shared.free(participant)
    }

    /// Who holds which slot right now.
    pub fn members(&self) -> Membership {
        self.shared.members()
    }

    pub fn close(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        self.shared.close();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The previous room's secrets if they are whole and the two tokens
/// differ; otherwise fresh ones.
fn kept_or_new(kept: Option<RoomSecrets>) -> RoomSecrets {
    match kept {
        Some(s)
            if tokens::is_token(&s.token)
                && tokens::is_code(&s.code)
                && tokens::is_token(&s.screen)
                && s.screen != s.token =>
        {
            s
        }
        _ => RoomSecrets {
            token: tokens::random_token(),
            code: tokens::random_code(),
            screen: tokens::random_token(),
        },
    }
}

/// The server on a tokio runtime in a thread of its own, until the room closes.
fn spawn(listener: TcpListener, shared: Arc<server::Shared>) -> io::Result<JoinHandle<()>> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("datakompas-room")
        .enable_all()
        .build()?;
    std::thread::Builder::new()
        .name("datakompas-room".into())
        .spawn(move || {
            runtime.block_on(server::serve(listener, shared));
            runtime.shutdown_timeout(CLOSE_GRACE);
        })
}

/// The address to bind: the one asked for, or the best interface.
fn choose_addr(cfg: &RoomConfig) -> io::Result<(SocketAddr, Option<String>)> {
    let candidates = interfaces();
    let ip = match cfg.bind {
        Some(ip) if ip.is_unspecified() => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "the room listens on one address, not on every interface",
            ));
        }
        Some(ip) => ip,
        None => candidates.first().map(|i| i.addr).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::AddrNotAvailable,
                "no private network interface to open the room on",
            )
        })?,
    };
    let name = candidates
        .iter()
        .find(|i| i.addr == ip)
        .map(|i| i.name.clone());
    Ok((SocketAddr::new(ip, cfg.port), name))
}

/// A public URL as the base of the advertised links: http(s), a host, no
/// trailing slash, nothing a QR code or terminal would mangle.
fn public_base(url: &str) -> io::Result<String> {
    let trimmed = url.trim().trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    let ok = rest.is_some_and(|host| {
        !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_graphic() && !matches!(c, '?' | '#' | '"' | '<' | '>'))
    });
    if ok {
        Ok(trimmed.to_string())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("not a usable public URL (http:// or https:// and a host): {url}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls_are_http_or_https_with_a_host() {
        assert_eq!(
            public_base("https://room.example.org/").unwrap(),
            "https://room.example.org"
        );
        assert_eq!(
            public_base("http://host:8080/dk").unwrap(),
            "http://host:8080/dk"
        );
        for bad in [
            "ftp://x",
            "https://",
            "room.example.org",
            "https://a b",
            "https://x?y",
        ] {
            assert!(public_base(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_interface_at_once_is_refused() {
        let cfg = RoomConfig {
            bind: Some("0.0.0.0".parse().unwrap()),
            ..RoomConfig::default()
        };
        let err = choose_addr(&cfg).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}
