//! The facilitator's console and the session clock: what only the
//! facilitator sees while the room shows the card.

crate::texts! {
    pub enum C {
        Session => ("Session {elapsed} of {planned} min", "Sessie {elapsed} van {planned} min"),
        Card => ("card {spent} of {box} min", "kaart {spent} van {box} min"),
        Behind => ("{n} min behind plan", "{n} min achter op schema"),
        OnPlan => ("on plan", "op schema"),
        Left => (
            "{left} min left for {n} cards: about {each} each",
            "nog {left} min voor {n} kaarten: ongeveer {each} per kaart",
        ),
        LeftLast => ("{left} min left for this last card", "nog {left} min voor deze laatste kaart"),
        LeftNone => (
            "The planned time for the cards is used up, with {n} to go",
            "De geplande tijd voor de kaarten is op, met nog {n} te gaan",
        ),
        Next => ("Next: {what}", "Hierna: {what}"),
        ThenCard => ("then card {n}: {title}", "daarna kaart {n}: {title}"),
        NextCard => ("card {n}: {title}", "kaart {n}: {title}"),
        ThenEnd => ("then the end of the session", "daarna het einde van de sessie"),
        End => ("the end of the session", "het einde van de sessie"),
        On => (
            "Console: notes, what comes next and the clock, for you; p for the presentation layout.",
            "Console: notities, wat er komt en de klok, voor jou; p voor de presentatie-indeling.",
        ),
        Off => (
            "Presentation layout; p brings back the console.",
            "Presentatie-indeling; p brengt de console terug.",
        ),
        NotesAlways => (
            "In the console the notes always show; p switches to the presentation layout.",
            "In de console staan de notities altijd; p schakelt naar de presentatie-indeling.",
        ),
        Lowest => ("lowest {v}", "laagste {v}"),
        Highest => ("highest {v}", "hoogste {v}"),
        LowestNamed => ("lowest {v}: {names}", "laagste {v}: {names}"),
        HighestNamed => ("highest {v}: {names}", "hoogste {v}: {names}"),
        ColTime => ("Time", "Tijd"),
        Average => ("average {avg}", "gemiddeld {avg}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_in_both_languages() {
        crate::i18n::check_table(C::ALL, C::get);
    }
}
