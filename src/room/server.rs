//! The routes. Everything a phone may reach lives under the room token;
//! a request without it, or with a wrong one, gets a bare 404. Outside
//! the token there is only the page that asks for the join code.

use std::convert::Infallible;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::sse::{Event, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::json;
use tokio::sync::{Semaphore, mpsc, watch};
use tokio_stream::wrappers::ReceiverStream;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use super::limits::{CappedListener, Limiter};
use super::{OnEvent, RoomSecrets, assets, screen, tokens};
use crate::domain::Lang;
use crate::domain::room::{
    DeviceId, JoinError, Membership, PhoneView, RoomEvent, RoomState, ScreenView, VoteError,
};

/// Request bodies are tiny JSON objects; anything larger is refused.
pub const MAX_BODY: usize = 1024;
/// Open connections at once: a room of 100 with a reload or two each.
pub const MAX_CONNECTIONS: usize = 400;
/// Open event streams at once.
pub const MAX_STREAMS: usize = 300;
/// Open shared-screen streams at once, counted apart from the phones': a
/// projector, a second screen, a reload or two.
pub const MAX_SCREENS: usize = 4;
/// Votes per phone per window: plenty for changing one's mind.
pub const VOTES_PER_WINDOW: u32 = 20;
pub const VOTE_WINDOW: Duration = Duration::from_secs(10);
/// Wrong join codes per window for the whole room (no IP is kept to
/// count per phone): guessing one of 31⁶ codes stays hopeless.
pub const WRONG_CODES_PER_WINDOW: u32 = 20;
pub const CODE_WINDOW: Duration = Duration::from_secs(60);
/// A quiet stream gets a ping this often, so proxies keep it and the page
/// can tell a dead connection (no ping for a while) from a quiet room.
pub const KEEPALIVE: Duration = Duration::from_secs(15);
/// How long a phone waits before reconnecting a lost stream.
const RETRY: Duration = Duration::from_secs(2);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// What every phone is shown, serialised once per change.
pub struct ViewMsg {
    pub json: String,
    pub closed: bool,
}

pub struct Shared {
    /// Tells this server's views from a restarted one's, whose numbers start over.
    run: String,
    secrets: RoomSecrets,
    inner: Mutex<Inner>,
    views: watch::Sender<Arc<ViewMsg>>,
    /// What the shared screen is shown, apart from the phones' view.
    pub(super) screens: watch::Sender<Arc<ViewMsg>>,
    on_event: OnEvent,
    streams: Arc<Semaphore>,
    pub(super) screen_streams: Arc<Semaphore>,
    /// The screen's page, with the join QR code inline.
    pub(super) screen_page: screen::Page,
}

struct Inner {
    state: RoomState,
    members: Membership,
    /// Numbers the views, so a phone can drop one that arrives late.
    seq: u64,
    screen: ScreenView,
    screen_seq: u64,
    votes: Limiter<DeviceId>,
    wrong_codes: Limiter<()>,
}

impl Shared {
    pub fn new(
        secrets: RoomSecrets,
        state: RoomState,
        members: Membership,
        on_event: OnEvent,
        screen_page: screen::Page,
    ) -> Shared {
        let run = tokens::random_token();
        let view = view_of(&state, &members, &run, 0);
        let screen = ScreenView::empty(state.lang);
        let screen_view = screen_of(&screen, state.closed, &run, 0);
        Shared {
            run,
            secrets,
            inner: Mutex::new(Inner {
                state,
                members,
                seq: 0,
                screen,
                screen_seq: 0,
                votes: Limiter::new(VOTES_PER_WINDOW, VOTE_WINDOW),
                wrong_codes: Limiter::new(WRONG_CODES_PER_WINDOW, CODE_WINDOW),
            }),
            views: watch::channel(Arc::new(view)).0,
            screens: watch::channel(Arc::new(screen_view)).0,
            on_event,
            streams: Arc::new(Semaphore::new(MAX_STREAMS)),
            screen_streams: Arc::new(Semaphore::new(MAX_SCREENS)),
            screen_page,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic elsewhere must not close the room for everyone.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn refresh(&self, inner: &mut Inner) {
        inner.seq += 1;
        self.views.send_replace(Arc::new(view_of(
            &inner.state,
            &inner.members,
            &self.run,
            inner.seq,
        )));
    }

    fn refresh_screen(&self, inner: &mut Inner) {
        inner.screen_seq += 1;
        self.screens.send_replace(Arc::new(screen_of(
            &inner.screen,
            inner.state.closed,
            &self.run,
            inner.screen_seq,
        )));
    }

    pub fn publish(&self, mut state: RoomState) {
        let mut inner = self.lock();
        // Once closed, a room stays closed.
        state.closed |= inner.state.closed;
        if inner.state != state {
            let closing = state.closed && !inner.state.closed;
            inner.state = state;
            self.refresh(&mut inner);
            if closing {
                self.refresh_screen(&mut inner);
            }
        }
    }

    pub fn publish_screen(&self, view: ScreenView) {
        let mut inner = self.lock();
        if inner.screen != view {
            inner.screen = view;
            self.refresh_screen(&mut inner);
        }
    }

    pub fn free(&self, participant: &str) -> bool {
        let mut inner = self.lock();
        let freed = inner.members.free(participant).is_some();
        if freed {
            self.refresh(&mut inner);
        }
        freed
    }

    pub fn members(&self) -> Membership {
        self.lock().members.clone()
    }

    pub fn counts(&self) -> (usize, usize) {
        let joined = self.lock().members.len();
        (joined, MAX_STREAMS - self.streams.available_permits())
    }

    pub fn close(&self) {
        let mut inner = self.lock();
        inner.state.closed = true;
        self.refresh(&mut inner);
        self.refresh_screen(&mut inner);
    }

    fn token_ok(&self, token: &str) -> bool {
        tokens::same(token, &self.secrets.token)
    }

    /// The language the shared screen shows now.
    pub(super) fn screen_lang(&self) -> Lang {
        self.lock().screen.lang
    }

    pub(super) fn screen_token_ok(&self, token: &str) -> bool {
        tokens::same(token, &self.secrets.screen)
    }

    fn emit(&self, event: RoomEvent) {
        (self.on_event)(event);
    }
}

fn view_of(state: &RoomState, members: &Membership, run: &str, seq: u64) -> ViewMsg {
    let view = PhoneView::new(state, members);
    let mut value = serde_json::to_value(&view).expect("a phone view always serialises");
    value["seq"] = seq.into();
    value["run"] = run.into();
    ViewMsg {
        json: value.to_string(),
        closed: view.closed,
    }
}

/// The shared screen's view, numbered like the phones'.
fn screen_of(view: &ScreenView, closed: bool, run: &str, seq: u64) -> ViewMsg {
    let mut value = serde_json::to_value(view).expect("a screen view always serialises");
    value["closed"] = closed.into();
    value["seq"] = seq.into();
    value["run"] = run.into();
    ViewMsg {
        json: value.to_string(),
        closed,
    }
}

/// Serves until the room closes, then gives the phones a moment to hear it.
pub async fn serve(listener: std::net::TcpListener, shared: Arc<Shared>) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    let mut closing = shared.views.subscribe();
    let mut closed = shared.views.subscribe();
    let app = router(Arc::clone(&shared));
    let server = axum::serve(CappedListener::new(listener, MAX_CONNECTIONS), app)
        .with_graceful_shutdown(async move {
            let _ = closing.wait_for(|v| v.closed).await;
        });
    tokio::select! {
        _ = server => {}
        _ = async {
            let _ = closed.wait_for(|v| v.closed).await;
            tokio::time::sleep(super::CLOSE_GRACE).await;
        } => {}
    }
}

fn router(shared: Arc<Shared>) -> Router {
    let headers = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        // The URL carries the room token: never hand it to another site.
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ];
    let mut app = Router::new()
        .route("/", get(page).fallback(not_found))
        .route("/live.js", get(live_script).fallback(not_found))
        .route("/room.js", get(script).fallback(not_found))
        .route("/room.css", get(style).fallback(not_found))
        .route("/texts.json", get(texts).fallback(not_found))
        .route("/icon.svg", get(icon).fallback(not_found))
        .route("/screen.js", get(screen::script).fallback(not_found))
        .route("/screen.css", get(screen::style).fallback(not_found))
        .route("/screen-texts.json", get(screen::texts).fallback(not_found))
        .route("/s/{token}", get(screen::page_at).fallback(not_found))
        .route("/s/{token}/", get(screen::page_at).fallback(not_found))
        .route("/s/{token}/state", get(screen::state).fallback(not_found))
        .route("/code", post(code).fallback(not_found))
        .route("/{token}", get(room_page).fallback(not_found))
        .route("/{token}/", get(room_page).fallback(not_found))
        .route("/{token}/state", get(state).fallback(not_found))
        .route("/{token}/join", post(join).fallback(not_found))
        .route("/{token}/vote", post(vote).fallback(not_found))
        .route("/{token}/leave", post(leave).fallback(not_found))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        // The event stream stays open for good, so it has no timeout.
        .route("/{token}/events", get(events).fallback(not_found))
        .route("/s/{token}/events", get(screen::events).fallback(not_found))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .with_state(shared);
    for (name, value) in headers {
        app = app.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ));
    }
    app
}

pub(super) async fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

/// A refusal a phone can act on: a status and a short machine-readable reason.
pub(super) fn refuse(status: StatusCode, reason: &str) -> Response {
    (status, axum::Json(json!({ "error": reason }))).into_response()
}

pub(super) fn typed(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

async fn page() -> Response {
    typed("text/html; charset=utf-8", assets::PAGE)
}

async fn live_script() -> Response {
    typed("text/javascript; charset=utf-8", assets::LIVE_SCRIPT)
}

async fn script() -> Response {
    typed("text/javascript; charset=utf-8", assets::SCRIPT)
}

async fn style() -> Response {
    typed("text/css; charset=utf-8", assets::STYLE)
}

async fn icon() -> Response {
    typed("image/svg+xml", assets::ICON)
}

async fn texts() -> Response {
    typed("application/json", assets::texts_json())
}

async fn room_page(State(s): State<Arc<Shared>>, Path(token): Path<String>) -> Response {
    if !s.token_ok(&token) {
        return not_found().await;
    }
    page().await
}

async fn state(State(s): State<Arc<Shared>>, Path(token): Path<String>) -> Response {
    if !s.token_ok(&token) {
        return not_found().await;
    }
    let view = Arc::clone(&s.views.borrow());
    (
        [(header::CONTENT_TYPE, "application/json")],
        view.json.clone(),
    )
        .into_response()
}

async fn events(State(s): State<Arc<Shared>>, Path(token): Path<String>) -> Response {
    if !s.token_ok(&token) {
        return not_found().await;
    }
    let Ok(permit) = Arc::clone(&s.streams).try_acquire_owned() else {
        return refuse(StatusCode::SERVICE_UNAVAILABLE, "busy");
    };
    stream(s.views.subscribe(), permit)
}

/// An event stream of `views`: the current one at once, each change after
/// it, pings while quiet; it ends once a view says the room is closed.
pub(super) fn stream(
    mut views: watch::Receiver<Arc<ViewMsg>>,
    permit: tokio::sync::OwnedSemaphorePermit,
) -> Response {
    let (tx, rx) = mpsc::channel::<Result<Event, Infallible>>(8);
    tokio::spawn(async move {
        let _permit = permit;
        let mut first = true;
        loop {
            let view = Arc::clone(&views.borrow_and_update());
            let mut event = Event::default();
            if first {
                event = event.retry(RETRY);
                first = false;
            }
            let event = event.event("state").data(&view.json);
            if tx.send(Ok(event)).await.is_err() || view.closed {
                break;
            }
            // Quiet for a while: a ping keeps proxies from dropping the
            // stream and tells the page its connection still lives.
            loop {
                tokio::select! {
                    changed = views.changed() => if changed.is_err() { return } else { break },
                    _ = tx.closed() => return,
                    _ = tokio::time::sleep(KEEPALIVE) => {
                        let ping = Event::default().event("ping").data("");
                        if tx.send(Ok(ping)).await.is_err() {
                            return;
                        }
                    }
                }
            }
        }
    });
    Sse::new(ReceiverStream::new(rx)).into_response()
}

fn parse<T: for<'de> Deserialize<'de>>(body: &Bytes) -> Option<T> {
    serde_json::from_slice(body).ok()
}

fn malformed() -> Response {
    refuse(StatusCode::BAD_REQUEST, "malformed")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeReq {
    code: String,
}

async fn code(State(s): State<Arc<Shared>>, body: Bytes) -> Response {
    let Some(req) = parse::<CodeReq>(&body) else {
        return malformed();
    };
    let now = Instant::now();
    let mut inner = s.lock();
    if inner.wrong_codes.blocked(&(), now) {
        return refuse(StatusCode::TOO_MANY_REQUESTS, "too_many");
    }
    if tokens::same(&tokens::normalize_code(&req.code), &s.secrets.code) {
        return axum::Json(json!({ "url": format!("/{}/", s.secrets.token) })).into_response();
    }
    inner.wrong_codes.allow(&(), now);
    refuse(StatusCode::FORBIDDEN, "wrong_code")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinReq {
    #[serde(default)]
    device: Option<String>,
    #[serde(default)]
    participant: Option<String>,
}

async fn join(State(s): State<Arc<Shared>>, Path(token): Path<String>, body: Bytes) -> Response {
    if !s.token_ok(&token) {
        return not_found().await;
    }
    let Some(req) = parse::<JoinReq>(&body) else {
        return malformed();
    };
    let mut inner = s.lock();
    // A phone keeps its token only while it holds a slot; otherwise it
    // gets a fresh one, so no phone chooses its own.
    let kept = req
        .device
        .filter(|d| tokens::is_token(d))
        .filter(|d| inner.members.holder(&tokens::device_id(d)).is_some());
    let device_token = kept.unwrap_or_else(tokens::random_token);
    let device = tokens::device_id(&device_token);
    let inner = &mut *inner;
    match inner
        .members
        .join(&inner.state, &device, req.participant.as_deref())
    {
        Ok(joined) => {
            if !joined.rejoined {
                s.emit(RoomEvent::Joined {
                    participant: joined.participant.clone(),
                    device,
                    new_slot: joined.new_slot,
                });
                s.refresh(inner);
            }
            // The view that already shows this phone in its slot, so the
            // page need not wait for the stream to catch up.
            let view: serde_json::Value =
                serde_json::from_str(&s.views.borrow().json).unwrap_or_default();
            axum::Json(json!({
                "device": device_token,
                "participant": joined.participant,
                "view": view,
            }))
            .into_response()
        }
        Err(e) => {
            let (status, reason) = match e {
                JoinError::Closed => (StatusCode::GONE, "closed"),
                JoinError::NameRequired => (StatusCode::UNPROCESSABLE_ENTITY, "name_required"),
                JoinError::UnknownName => (StatusCode::UNPROCESSABLE_ENTITY, "unknown_name"),
                JoinError::Taken => (StatusCode::CONFLICT, "taken"),
                JoinError::Full => (StatusCode::CONFLICT, "full"),
            };
            refuse(status, reason)
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VoteReq {
    device: String,
    card: String,
    /// Wide, so a vote of 700 is "out of range", not "malformed".
    value: i64,
}

async fn vote(State(s): State<Arc<Shared>>, Path(token): Path<String>, body: Bytes) -> Response {
    if !s.token_ok(&token) {
        return not_found().await;
    }
    let Some(req) = parse::<VoteReq>(&body) else {
        return malformed();
    };
    if !tokens::is_token(&req.device) {
        return malformed();
    }
    let device = tokens::device_id(&req.device);
    let mut inner = s.lock();
    let Some(participant) = inner.members.holder(&device).map(str::to_string) else {
        return refuse(StatusCode::FORBIDDEN, "not_joined");
    };
    if !inner.votes.allow(&device, Instant::now()) {
        return refuse(StatusCode::TOO_MANY_REQUESTS, "too_many");
    }
    let value = u8::try_from(req.value).unwrap_or(0);
    if let Err(e) = inner.state.check_vote(&req.card, value) {
        let (status, reason) = match e {
            VoteError::Closed => (StatusCode::GONE, "closed"),
            VoteError::OutOfRange => (StatusCode::UNPROCESSABLE_ENTITY, "out_of_range"),
            VoteError::NoCard => (StatusCode::CONFLICT, "no_card"),
            VoteError::OtherCard => (StatusCode::CONFLICT, "other_card"),
            VoteError::NotVoting => (StatusCode::CONFLICT, "not_voting"),
            VoteError::Locked => (StatusCode::CONFLICT, "locked"),
        };
        return refuse(status, reason);
    }
    // Emitted under the lock, so the app sees a phone's events in order.
    s.emit(RoomEvent::Vote {
        participant: participant.clone(),
        card: req.card.clone(),
        value,
    });
    drop(inner);
    axum::Json(json!({ "participant": participant, "card": req.card, "value": value }))
        .into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeaveReq {
    device: String,
}

async fn leave(State(s): State<Arc<Shared>>, Path(token): Path<String>, body: Bytes) -> Response {
    if !s.token_ok(&token) {
        return not_found().await;
    }
    let Some(req) = parse::<LeaveReq>(&body) else {
        return malformed();
    };
    if !tokens::is_token(&req.device) {
        return malformed();
    }
    let mut inner = s.lock();
    if let Some(participant) = inner.members.leave(&tokens::device_id(&req.device)) {
        s.emit(RoomEvent::Left { participant });
        s.refresh(&mut inner);
    }
    axum::Json(json!({ "left": true })).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::room::ROOM_CAP;

    /// The README states the room's limits; they must be the real ones.
    #[test]
    fn the_readme_states_the_real_limits() {
        let readme = include_str!("../../README.md");
        let start = readme
            .find("## The room")
            .expect("the README has a room section");
        let section = &readme[start..];
        let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
        let flat = section.split_whitespace().collect::<Vec<_>>().join(" ");
        for claim in [
            format!("request bodies of {} KB", MAX_BODY / 1024),
            format!("{MAX_CONNECTIONS} open connections"),
            format!("{MAX_STREAMS} open event streams"),
            format!("{MAX_SCREENS} open screens"),
            format!("{ROOM_CAP} phones per room"),
            format!(
                "{VOTES_PER_WINDOW} votes per phone per {} seconds",
                VOTE_WINDOW.as_secs()
            ),
            format!("limited to {WRONG_CODES_PER_WINDOW} a minute"),
        ] {
            assert!(flat.contains(&claim), "the README should say: {claim}");
        }
        assert_eq!(CODE_WINDOW, Duration::from_secs(60));
    }
}
