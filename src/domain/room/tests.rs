use super::*;
use crate::domain::Stage;

fn device(n: u32) -> DeviceId {
    DeviceId(format!("{n:064x}"))
}

fn slots(names: &[&str]) -> Vec<RoomSlot> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| RoomSlot {
            participant: format!("p{}", i + 1),
            name: n.to_string(),
            voted: false,
        })
        .collect()
}

fn named() -> RoomState {
    RoomState {
        slots: slots(&["Ann", "Bo", "Cem"]),
        ..voting()
    }
}

fn anonymous(voters: usize) -> RoomState {
    RoomState {
        slots: slots(&vec![""; voters]),
        ..voting()
    }
}

fn voting() -> RoomState {
    RoomState {
        card: Some(RoomCard {
            id: "ing-2014".into(),
            title: Text::new("ING", "ING"),
            stage: Stage::GutCheck,
            number: 1,
            total: 3,
        }),
        ..RoomState::new(Lang::En)
    }
}

#[test]
fn named_session_offers_names_not_yet_taken() {
    let state = named();
    let mut book = Membership::new();
    let got = book.join(&state, &device(1), Some("p2")).unwrap();
    assert_eq!(got.participant, "p2");
    assert!(!got.new_slot && !got.rejoined);
    assert_eq!(
        book.join(&state, &device(2), Some("p2")),
        Err(JoinError::Taken)
    );
    assert_eq!(
        book.join(&state, &device(2), None),
        Err(JoinError::NameRequired)
    );
    assert_eq!(
        book.join(&state, &device(2), Some("p9")),
        Err(JoinError::UnknownName)
    );
    let view = PhoneView::new(&state, &book);
    let free: Vec<&str> = view
        .slots
        .iter()
        .filter(|s| !s.joined)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(free, ["Ann", "Cem"]);
    assert!(view.named && view.can_join);
}

#[test]
fn anonymous_session_takes_the_next_voter() {
    let state = anonymous(2);
    let mut book = Membership::new();
    assert_eq!(
        book.join(&state, &device(1), None).unwrap().participant,
        "p1"
    );
    // What a phone asks for does not matter without names.
    assert_eq!(
        book.join(&state, &device(2), Some("p1"))
            .unwrap()
            .participant,
        "p2"
    );
    assert_eq!(book.join(&state, &device(3), None), Err(JoinError::Full));
    assert!(!PhoneView::new(&state, &book).can_join);
}

#[test]
fn rejoin_with_the_same_device_gets_the_same_slot() {
    let state = named();
    let mut book = Membership::new();
    book.join(&state, &device(1), Some("p3")).unwrap();
    let again = book.join(&state, &device(1), Some("p1")).unwrap();
    assert_eq!(again.participant, "p3");
    assert!(again.rejoined);
    assert_eq!(book.len(), 1);
    // A book restored from the session file behaves the same.
    let saved: Vec<(String, DeviceId)> = book
        .claims()
        .map(|(p, d)| (p.to_string(), d.clone()))
        .collect();
    let mut restored = Membership::from_claims(saved);
    assert_eq!(restored, book);
    assert_eq!(
        restored.join(&state, &device(1), None).unwrap().participant,
        "p3"
    );
}

#[test]
fn a_device_named_twice_in_a_file_keeps_one_slot() {
    let book =
        Membership::from_claims([("p1".to_string(), device(1)), ("p2".to_string(), device(1))]);
    assert_eq!(book.len(), 1);
    assert_eq!(book.holder(&device(1)), Some("p2"));
}

#[test]
fn freeing_a_slot_lets_another_phone_take_it() {
    let state = named();
    let mut book = Membership::new();
    book.join(&state, &device(1), Some("p1")).unwrap();
    assert_eq!(book.free("p1"), Some(device(1)));
    assert_eq!(book.free("p1"), None);
    assert_eq!(book.holder(&device(1)), None);
    assert_eq!(
        book.join(&state, &device(2), Some("p1"))
            .unwrap()
            .participant,
        "p1"
    );
    // The freed phone joins anew and must pick a free name.
    assert_eq!(
        book.join(&state, &device(1), Some("p1")),
        Err(JoinError::Taken)
    );
}

#[test]
fn leaving_gives_the_slot_up() {
    let state = anonymous(1);
    let mut book = Membership::new();
    book.join(&state, &device(1), None).unwrap();
    assert_eq!(book.leave(&device(1)), Some("p1".to_string()));
    assert_eq!(book.leave(&device(1)), None);
    assert_eq!(
        book.join(&state, &device(2), None).unwrap().participant,
        "p1"
    );
}

#[test]
fn extra_voters_get_new_slots_up_to_the_cap() {
    let state = RoomState {
        allow_extra: true,
        ..anonymous(3)
    };
    let mut book = Membership::new();
    for n in 0..ROOM_CAP {
        let got = book.join(&state, &device(n as u32), None).unwrap();
        assert_eq!(got.participant, format!("p{}", n + 1));
        assert_eq!(got.new_slot, n >= 3, "phone {n}");
    }
    assert_eq!(book.join(&state, &device(999), None), Err(JoinError::Full));
    let view = PhoneView::new(&state, &book);
    assert_eq!(view.slots.len(), ROOM_CAP);
    assert_eq!(view.slots[ROOM_CAP - 1].number, ROOM_CAP);
    assert!(!view.can_join);
    // Rejoining still works at the cap.
    assert!(book.join(&state, &device(7), None).unwrap().rejoined);
}

#[test]
fn the_cap_holds_for_named_sessions_too() {
    let names: Vec<String> = (0..ROOM_CAP + 5).map(|n| format!("N{n}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let state = RoomState {
        slots: slots(&refs),
        ..voting()
    };
    let mut book = Membership::new();
    for n in 0..ROOM_CAP {
        book.join(&state, &device(n as u32), Some(&format!("p{}", n + 1)))
            .unwrap();
    }
    assert_eq!(
        book.join(&state, &device(999), Some("p104")),
        Err(JoinError::Full)
    );
}

#[test]
fn a_closed_room_takes_nobody() {
    let state = RoomState {
        closed: true,
        ..anonymous(2)
    };
    assert_eq!(
        Membership::new().join(&state, &device(1), None),
        Err(JoinError::Closed)
    );
    assert_eq!(state.check_vote("ing-2014", 3), Err(VoteError::Closed));
}

#[test]
fn votes_are_taken_on_the_current_gut_check_only() {
    let mut state = named();
    assert_eq!(state.check_vote("ing-2014", 1), Ok(()));
    assert_eq!(state.check_vote("ing-2014", 5), Ok(()));
    // Changing a vote is the same check again.
    assert_eq!(state.check_vote("ing-2014", 2), Ok(()));
    assert_eq!(state.check_vote("ing-2014", 0), Err(VoteError::OutOfRange));
    assert_eq!(state.check_vote("ing-2014", 7), Err(VoteError::OutOfRange));
    assert_eq!(state.check_vote("target", 3), Err(VoteError::OtherCard));
    state.card.as_mut().unwrap().stage = Stage::Discuss;
    assert_eq!(state.check_vote("ing-2014", 3), Err(VoteError::NotVoting));
    state.card = None;
    assert_eq!(state.check_vote("ing-2014", 3), Err(VoteError::NoCard));
}

#[test]
fn the_reveal_locks_votes_and_reopening_unlocks_them() {
    let mut state = named();
    state.reveal = Some(RevealResult {
        summary: VoteSummary::from_values([2, 4]),
        names: None,
    });
    assert_eq!(state.check_vote("ing-2014", 3), Err(VoteError::Locked));
    state.reveal = None;
    assert_eq!(state.check_vote("ing-2014", 3), Ok(()));
}

#[test]
fn the_phone_view_shows_who_voted_never_a_value() {
    let mut state = named();
    state.slots[1].voted = true;
    let mut book = Membership::new();
    book.join(&state, &device(1), Some("p2")).unwrap();
    let json = serde_json::to_value(PhoneView::new(&state, &book)).unwrap();
    assert_eq!(json["slots"][1]["voted"], true);
    assert_eq!(json["slots"][1]["joined"], true);
    assert_eq!(json["slots"][0]["joined"], false);
    assert_eq!(json["reveal"], serde_json::Value::Null);
    let text = json.to_string();
    assert!(!text.contains(&device(1).0), "no device id reaches a phone");
}

#[test]
fn an_extra_voter_sees_their_slot_before_the_app_publishes_it() {
    let state = RoomState {
        allow_extra: true,
        ..anonymous(1)
    };
    let mut book = Membership::new();
    book.join(&state, &device(1), None).unwrap();
    let extra = book.join(&state, &device(2), None).unwrap();
    assert_eq!(extra.participant, "p2");
    let view = PhoneView::new(&state, &book);
    assert_eq!(view.slots[1].participant, "p2");
    assert_eq!(view.slots[1].number, 2);
    assert!(view.can_join);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        Join(u32, Option<usize>),
        Free(usize),
        Leave(u32),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0..8u32, proptest::option::of(0..7usize)).prop_map(|(d, w)| Op::Join(d, w)),
            (0..7usize).prop_map(Op::Free),
            (0..8u32).prop_map(Op::Leave),
        ]
    }

    proptest! {
        /// Whatever phones and the facilitator do, one phone holds at most
        /// one slot, a rejoin gets the same slot, and only real or new
        /// extra slots are ever held.
        #[test]
        fn one_phone_one_slot(named_session in any::<bool>(), ops in proptest::collection::vec(op(), 0..60)) {
            let state = if named_session {
                named()
            } else {
                RoomState { allow_extra: true, ..anonymous(3) }
            };
            let mut book = Membership::new();
            let mut extras: Vec<String> = Vec::new();
            for op in ops {
                match op {
                    Op::Join(d, wanted) => {
                        let before = book.holder(&device(d)).map(str::to_string);
                        let wanted = wanted.map(|w| format!("p{}", w + 1));
                        if let Ok(got) = book.join(&state, &device(d), wanted.as_deref()) {
                            if let Some(held) = before {
                                prop_assert_eq!(&got.participant, &held);
                                prop_assert!(got.rejoined);
                            }
                            if got.new_slot && !got.rejoined {
                                prop_assert!(!named_session);
                                extras.push(got.participant.clone());
                            }
                            prop_assert_eq!(book.holder(&device(d)), Some(got.participant.as_str()));
                        }
                    }
                    Op::Free(p) => {
                        book.free(&format!("p{}", p + 1));
                    }
                    Op::Leave(d) => {
                        book.leave(&device(d));
                        prop_assert_eq!(book.holder(&device(d)), None);
                    }
                }
                let devices: Vec<&DeviceId> = book.claims().map(|(_, d)| d).collect();
                let mut unique = devices.clone();
                unique.sort();
                unique.dedup();
                prop_assert_eq!(unique.len(), devices.len(), "a phone holds two slots");
                for (participant, _) in book.claims() {
                    prop_assert!(
                        state.slot(participant).is_some() || extras.iter().any(|e| e == participant),
                        "{} is no slot", participant
                    );
                }
                prop_assert!(book.len() <= ROOM_CAP);
            }
        }
    }
}
