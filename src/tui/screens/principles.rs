//! Brand principles: "What does your brand stand for?" Pick 3–7 from the
//! library and/or write your own. Reachable again from the card loop.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::context::Ctx;
use crate::domain::{ChosenPrinciple, Lang, PrincipleLibrary, Session};
use crate::i18n::{fill, tui::T};
use crate::tui::effect::{Effect, Goto};
use crate::tui::keymap::Action;
use crate::tui::widgets::{Target, clean_paste, field_text, line_field};

pub use super::principles_view::{leaning_label, render};

pub use crate::domain::setup::{MAX_PRINCIPLES as MAX, MIN_PRINCIPLES as MIN};

pub struct Form {
    pub name: TextArea<'static>,
    pub meaning: TextArea<'static>,
    pub on_meaning: bool,
}

pub struct PrinciplesView {
    pub cursor: usize,
    pub form: Option<Form>,
    /// Opened from the card loop: Esc goes back there.
    pub from_card: bool,
    /// A custom principle the user asked to drop once; asking again drops
    /// it (its definition is not kept once unticked).
    pub confirm_drop: Option<String>,
}

/// One row of the list: a library principle or one of the team's own.
pub(super) enum Row<'a> {
    Library(&'a crate::domain::PrincipleDef),
    Custom {
        id: &'a str,
        name: &'a str,
        meaning: &'a str,
    },
}

impl PrinciplesView {
    /// `from_card`: opened from the card loop, so Esc goes back there.
    pub fn new(from_card: bool) -> PrinciplesView {
        PrinciplesView {
            cursor: 0,
            form: None,
            from_card,
            confirm_drop: None,
        }
    }

    pub fn typing(&self) -> bool {
        self.form.is_some()
    }

    pub fn relabel(&mut self, lang: Lang) {
        if let Some(form) = self.form.as_mut() {
            form.name
                .set_placeholder_text(T::PrincipleNamePlaceholder.get(lang));
            form.meaning
                .set_placeholder_text(T::PrincipleMeaningPlaceholder.get(lang));
        }
    }
}

/// The library's principles, then the team's own.
pub(super) fn rows<'a>(
    library: &'a PrincipleLibrary,
    session: Option<&'a Session>,
) -> Vec<Row<'a>> {
    let mut out: Vec<Row> = library.principles.iter().map(Row::Library).collect();
    if let Some(session) = session {
        for p in &session.principles {
            if let ChosenPrinciple::Custom { id, name, meaning } = p {
                out.push(Row::Custom { id, name, meaning });
            }
        }
    }
    out
}

pub(super) fn chosen_count(session: Option<&Session>) -> usize {
    session.map_or(0, |s| s.principles.len())
}

fn row_count(ctx: &Ctx) -> usize {
    rows(ctx.content.library, ctx.open().map(|o| o.session)).len()
}

/// The principle under the cursor: its id, and whether it is the team's own.
fn at_cursor(v: &PrinciplesView, ctx: &Ctx) -> Option<(String, bool)> {
    match rows(ctx.content.library, ctx.open().map(|o| o.session)).get(v.cursor)? {
        Row::Library(p) => Some((p.id.clone(), false)),
        Row::Custom { id, .. } => Some((id.to_string(), true)),
    }
}

pub fn act(v: &mut PrinciplesView, ctx: &mut Ctx, action: Action) -> Vec<Effect> {
    let n = row_count(ctx);
    // The offer to drop a custom principle holds for the next action only.
    let confirmed = v.confirm_drop.take();
    match action {
        Action::Up => v.cursor = v.cursor.saturating_sub(1),
        Action::Down => v.cursor = (v.cursor + 1).min(n.saturating_sub(1)),
        Action::Click(Target::Principle(i)) => {
            v.cursor = i.min(n.saturating_sub(1));
            toggle(v, ctx, confirmed.as_deref());
        }
        Action::Toggle | Action::Select => toggle(v, ctx, confirmed.as_deref()),
        Action::Remove => {
            if let Some((id, true)) = at_cursor(v, ctx) {
                drop_custom(v, ctx, &id, confirmed.as_deref());
            }
        }
        Action::Add if ctx.editable() => {
            if chosen_count(ctx.open().map(|o| o.session)) >= MAX {
                too_many(ctx);
            } else {
                v.form = Some(Form {
                    name: line_field("", T::PrincipleNamePlaceholder.get(ctx.lang)),
                    meaning: line_field("", T::PrincipleMeaningPlaceholder.get(ctx.lang)),
                    on_meaning: false,
                });
            }
        }
        Action::FocusNext | Action::FocusPrev => {
            if let Some(form) = v.form.as_mut() {
                form.on_meaning = !form.on_meaning;
            }
        }
        Action::Back if v.form.is_some() => v.form = None,
        Action::Back if v.from_card => return vec![Effect::Go(Goto::Card)],
        Action::Back => return vec![Effect::Go(Goto::LeaveSession)],
        Action::Continue => return carry_on(ctx),
        _ => {}
    }
    Vec::new()
}

/// On to the cards once the count is right; a read-only session goes on anyway.
fn carry_on(ctx: &mut Ctx) -> Vec<Effect> {
    let open = ctx.open();
    let count = chosen_count(open.map(|o| o.session));
    if (MIN..=MAX).contains(&count) || open.is_some_and(|o| o.read_only) {
        return vec![Effect::Go(Goto::Card)];
    }
    ctx.say(fill(
        T::PrinciplesPickRange.get(ctx.lang),
        &[
            ("min", &MIN.to_string()),
            ("max", &MAX.to_string()),
            ("n", &count.to_string()),
        ],
    ));
    Vec::new()
}

fn too_many(ctx: &mut Ctx) {
    ctx.say(fill(
        T::PrinciplesTooMany.get(ctx.lang),
        &[("max", &MAX.to_string())],
    ));
}

fn toggle(v: &mut PrinciplesView, ctx: &mut Ctx, confirmed: Option<&str>) {
    let id = match at_cursor(v, ctx) {
        Some((id, false)) => id,
        Some((id, true)) => {
            // Unticking one's own principle deletes it: asked first.
            drop_custom(v, ctx, &id, confirmed);
            return;
        }
        None => return,
    };
    if !ctx.editable() {
        return;
    }
    let session = ctx.open().map(|o| o.session);
    let chosen = session.is_some_and(|s| s.principles.iter().any(|p| p.id() == id));
    if chosen {
        remove(v, ctx, &id);
    } else if chosen_count(session) >= MAX {
        too_many(ctx);
    } else if let Some(session) = ctx.session_mut() {
        session.principles.push(ChosenPrinciple::Library { id });
        ctx.changed();
    }
}

/// Drops a custom principle once the user confirmed it by asking twice.
fn drop_custom(v: &mut PrinciplesView, ctx: &mut Ctx, id: &str, confirmed: Option<&str>) {
    if !ctx.editable() {
        return;
    }
    if confirmed == Some(id) {
        remove(v, ctx, id);
        return;
    }
    let name = ctx
        .open()
        .and_then(|o| o.session.principles.iter().find(|p| p.id() == id))
        .map_or_else(String::new, |p| match p {
            ChosenPrinciple::Custom { name, .. } => name.clone(),
            ChosenPrinciple::Library { id } => id.clone(),
        });
    ctx.say(fill(
        T::PrincipleDropConfirm.get(ctx.lang),
        &[("name", &name)],
    ));
    v.confirm_drop = Some(id.to_string());
}

/// Takes a principle off the team's list. What cards said about it stays
/// in the session, so choosing it again brings those checks back; the
/// policy draft, exports and screens only show chosen principles.
fn remove(v: &mut PrinciplesView, ctx: &mut Ctx, id: &str) {
    if !ctx.editable() {
        return;
    }
    if let Some(session) = ctx.session_mut() {
        session.principles.retain(|p| p.id() != id);
        ctx.changed();
    }
    v.cursor = v.cursor.min(row_count(ctx).saturating_sub(1));
}

pub fn type_key(v: &mut PrinciplesView, ctx: &mut Ctx, ev: KeyEvent) -> Vec<Effect> {
    let Some(form) = v.form.as_mut() else {
        return Vec::new();
    };
    match ev.code {
        KeyCode::Enter if !form.on_meaning => form.on_meaning = true,
        KeyCode::Enter => add_custom(v, ctx),
        _ if form.on_meaning => {
            form.meaning.input(ev);
        }
        _ => {
            form.name.input(ev);
        }
    }
    Vec::new()
}

pub fn paste(v: &mut PrinciplesView, text: &str) -> Vec<Effect> {
    if let Some(form) = v.form.as_mut() {
        let text = clean_paste(text, false);
        if form.on_meaning {
            form.meaning.insert_str(text);
        } else {
            form.name.insert_str(text);
        }
    }
    Vec::new()
}

fn add_custom(v: &mut PrinciplesView, ctx: &mut Ctx) {
    let Some(form) = v.form.as_mut() else {
        return;
    };
    let name = field_text(&form.name).trim().to_string();
    let meaning = field_text(&form.meaning).trim().to_string();
    if name.is_empty() {
        form.on_meaning = false;
        ctx.say(T::PrincipleNeedsName.get(ctx.lang));
        return;
    }
    let Some(session) = ctx.session_mut() else {
        return;
    };
    let base = format!("own-{}", crate::store::slug(&name));
    let mut id = base.clone();
    let mut n = 2;
    while session.principles.iter().any(|p| p.id() == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    session
        .principles
        .push(ChosenPrinciple::Custom { id, name, meaning });
    ctx.changed();
    v.form = None;
    v.cursor = row_count(ctx).saturating_sub(1);
}
