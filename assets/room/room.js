// The phone page of a datakompas room. It renders what the server sends
// (one view for every phone) and finds its own slot by the participant id
// it got when joining. The device token stays in localStorage, so a reload
// or a lost connection rejoins the same slot. Texts come from the app.
"use strict";

(function () {
  const parts = location.pathname.split("/").filter(Boolean);
  const token = /^[0-9a-f]{32}$/.test(parts[0] || "") ? parts[0] : null;
  const base = token ? "/" + token + "/" : "/";
  const key = (name) => "datakompas-" + name + "-" + token;
  const store = {
    get(name) { try { return localStorage.getItem(key(name)); } catch (e) { return null; } },
    set(name, v) { try { localStorage.setItem(key(name), v); } catch (e) { /* private mode: works until reload */ } },
    drop(name) { try { localStorage.removeItem(key(name)); } catch (e) { /* nothing to drop */ } },
  };

  const { el, translate, decimal, bar, loadTexts, follow } = window.datakompasLive;

  let texts = null;
  let lang = null;
  let view = null;
  let participant = store.get("participant");
  let device = store.get("device");
  let joining = false;
  let notice = null; // { text, kind } shown under the screen
  let live = null; // the event stream, once the texts are in
  let autoJoined = null; // the view an automatic join was tried for

  const screen = document.getElementById("screen");
  const status = document.getElementById("status");
  const langButton = document.getElementById("lang");

  function t(name, args) {
    return translate(texts, lang, name, args);
  }

  function say(text, kind) {
    notice = text ? { text, kind: kind || "" } : null;
    paintStatus();
  }

  function paintStatus() {
    let text = notice ? notice.text : "";
    let kind = notice ? notice.kind : "";
    if (token && !(live && live.online()) && !(view && view.closed)) {
      text = view ? t("Reconnecting") : t("Connecting");
      kind = "warn";
    }
    status.textContent = text;
    status.className = "status " + kind;
  }

  async function post(path, body) {
    const res = await fetch(base + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
      credentials: "omit",
    });
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    return { ok: res.ok, status: res.status, data: data || {} };
  }

  function setLang(next) {
    lang = next === "nl" ? "nl" : "en";
    document.documentElement.lang = lang;
    document.title = t("PageTitle");
    langButton.textContent = t("LangSwitch");
    langButton.setAttribute("aria-label", t("LangSwitchLabel"));
    langButton.setAttribute("lang", lang === "en" ? "nl" : "en");
    langButton.hidden = false;
  }

  langButton.addEventListener("click", () => {
    setLang(lang === "en" ? "nl" : "en");
    try { localStorage.setItem("datakompas-lang", lang); } catch (e) { /* not kept */ }
    if (notice && notice.key) notice.text = t(notice.key);
    render();
  });

  function sayKey(name, kind) {
    say(t(name), kind);
    notice.key = name;
  }

  // ----- the code page (no room token in the address) -----

  function renderCode() {
    const input = el("input", {
      id: "code", name: "code", inputmode: "text", autocomplete: "off",
      autocapitalize: "characters", spellcheck: "false", maxlength: "9", required: "",
    });
    const form = el("form", { novalidate: "" },
      el("h1", { text: t("CodeTitle") }),
      el("p", { text: t("CodeHint") }),
      el("label", { for: "code", text: t("CodeLabel") }),
      input,
      el("p", {}, el("button", { type: "submit", class: "primary", text: t("CodeButton") })),
    );
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      try {
        const res = await post("code", { code: input.value });
        if (res.ok && res.data.url) { location.href = res.data.url; return; }
        sayKey(res.status === 429 ? "CodeTooMany" : "CodeWrong", "warn");
      } catch (e) {
        sayKey("Error", "warn");
      }
      input.focus();
    });
    screen.replaceChildren(form);
  }

  // ----- the room -----

  function mySlot() {
    return view && participant ? view.slots.find((s) => s.participant === participant) : null;
  }

  function nameOf(slot) {
    return slot.name && slot.name.trim() ? slot.name : t("VoterN", { n: slot.number });
  }

  async function join(wanted) {
    if (joining) return;
    joining = true;
    try {
      const body = {};
      if (device) body.device = device;
      if (wanted) body.participant = wanted;
      const res = await post("join", body);
      if (res.ok) {
        device = res.data.device;
        participant = res.data.participant;
        store.set("device", device);
        store.set("participant", participant);
        if (res.data.view && live.take(res.data.view)) view = res.data.view;
        say(null);
      } else if (res.data.error === "taken") {
        sayKey("NameTaken", "warn");
      } else if (res.data.error === "full") {
        sayKey("RoomFullHint", "warn");
      } else if (res.data.error !== "name_required") {
        sayKey("Error", "warn");
      }
    } catch (e) {
      sayKey("Error", "warn");
    } finally {
      joining = false;
      render();
    }
  }

  async function leave() {
    if (device) {
      try { await post("leave", { device }); } catch (e) { /* the slot is freed by the facilitator then */ }
    }
    participant = null;
    store.drop("participant");
    say(null);
    render();
  }

  async function vote(card, value) {
    sayKey("VoteSending", "");
    try {
      const res = await post("vote", { device, card, value });
      if (res.ok) {
        store.set("vote-" + card, String(value));
        sayKey("VoteIn", "ok");
      } else if (res.status === 403) {
        participant = null;
        store.drop("participant");
        sayKey("VoteFailed", "warn");
      } else if (res.status === 429) {
        sayKey("VoteTooFast", "warn");
      } else if (res.data.error === "locked" || res.data.error === "not_voting" || res.data.error === "other_card") {
        sayKey("VoteLocked", "warn");
      } else {
        sayKey("VoteFailed", "warn");
      }
    } catch (e) {
      sayKey("VoteFailed", "warn");
    }
    render();
  }

  function whoAmI(slot) {
    // Without names there is nobody else to be: no "Not you?".
    const notYou = view.named
      ? el("button", { type: "button", class: "link", onclick: leave, text: t("NotYou") })
      : null;
    return el("p", { class: "who" }, el("span", { text: t("YouAre", { name: nameOf(slot) }) }), notYou);
  }

  function renderWho() {
    const free = view.slots.filter((s) => !s.joined);
    const nodes = [el("h1", { text: t("WhoAreYou") })];
    if (free.length === 0) {
      nodes.push(el("p", { text: t("NoNamesLeft") }));
    } else {
      nodes.push(el("p", { class: "muted", text: t("WhoHint") }));
      const list = el("ul", { class: "choices" });
      for (const slot of free) {
        list.append(el("li", {}, el("button", {
          type: "button", class: "choice", text: nameOf(slot),
          onclick: () => join(slot.participant),
        })));
      }
      nodes.push(list);
    }
    screen.replaceChildren(...nodes);
  }

  function stageText(stage) {
    return {
      story: "StageStory", gut_check: "Question", discuss: "StageDiscuss",
      decide: "StageDecide", reveal: "StageReveal",
    }[stage];
  }

  function cardHeading(card) {
    return [
      el("p", { class: "muted small", text: t("CardOf", { n: card.number, total: card.total }) }),
      el("h1", { text: card.title[lang] || card.title.en }),
    ];
  }

  function votedCount() {
    const voted = view.slots.filter((s) => s.voted).length;
    return el("p", { class: "muted small", text: t("VotedCount", { n: voted, total: view.slots.length }) });
  }

  function renderVoting(card) {
    const mine = store.get("vote-" + card.id);
    const list = el("ul", { class: "choices", "aria-label": t("Question") });
    for (let v = 1; v <= 5; v++) {
      const button = el("button", {
        type: "button", class: "vote", "aria-pressed": String(mine === String(v)),
        onclick: () => vote(card.id, v),
      }, el("span", { class: "num", "aria-hidden": "true", text: String(v) }),
         el("span", { class: "word", text: t("Scale" + v) }));
      button.setAttribute("aria-label", v + ": " + t("Scale" + v));
      list.append(el("li", {}, button));
    }
    return [el("h2", { text: t("Question") }), votedCount(), list];
  }

  function renderReveal(reveal) {
    const s = reveal.summary;
    const nodes = [el("h2", { text: t("RevealTitle") })];
    if (!s.total) {
      nodes.push(el("p", { text: t("RevealNone") }));
      return nodes;
    }
    const peak = Math.max(...s.counts, 1);
    const chart = el("ul", { class: "chart" });
    s.counts.forEach((count, i) => {
      const label = t("RevealBar", { value: i + 1, label: t("Scale" + (i + 1)), count });
      chart.append(el("li", { "aria-label": label },
        el("span", { "aria-hidden": "true", text: String(i + 1) }),
        bar(count, peak),
        el("span", { class: "count", "aria-hidden": "true", text: String(count) })));
    });
    nodes.push(chart);
    const legend = el("ul", { class: "legend" },
      el("li", { text: "1 = " + t("Scale1") }), el("li", { text: "5 = " + t("Scale5") }));
    nodes.push(legend);
    nodes.push(el("p", { text: t("RevealAverage", { avg: decimal(s.average, lang), lo: s.min, hi: s.max }) }));
    nodes.push(el("p", { text: t("RevealSpread", { spread: s.spread }) }));
    if (s.split) nodes.push(el("p", { class: "muted", text: t("RevealSplit") }));
    if (reveal.names && reveal.names.length) {
      nodes.push(el("h2", { text: t("RevealNames") }));
      const list = el("ul", { class: "names" });
      for (const n of reveal.names) {
        const slot = view.slots.find((x) => x.participant === n.participant);
        const who = slot ? nameOf(slot) : n.participant;
        list.append(el("li", { text: who + ": " + n.value + " (" + t("Scale" + n.value) + ")" }));
      }
      nodes.push(list);
    }
    return nodes;
  }

  function render() {
    if (!texts) return;
    if (!token) { renderCode(); paintStatus(); return; }
    if (!view) { screen.replaceChildren(); paintStatus(); return; }
    if (view.closed) {
      screen.replaceChildren(el("div", { class: "closed" },
        el("h1", { text: t("Closed") }), el("p", { class: "muted", text: t("ClosedThanks") })));
      say(null);
      return;
    }
    const slot = mySlot();
    if (!slot || !slot.joined) {
      if (participant && slot && !slot.joined) {
        // The facilitator freed this phone's slot: ask again.
        participant = null;
        store.drop("participant");
      }
      if (!view.can_join) {
        screen.replaceChildren(el("h1", { text: t("RoomFull") }), el("p", { class: "muted", text: t("RoomFullHint") }));
      } else if (view.named) {
        renderWho();
      } else {
        screen.replaceChildren();
        // Once per view: a failed join waits for the room to change.
        const at = view.run + ":" + view.seq;
        if (autoJoined !== at) {
          autoJoined = at;
          join(null);
        }
      }
      paintStatus();
      return;
    }
    const nodes = [whoAmI(slot)];
    const card = view.card;
    if (!card) {
      nodes.push(el("p", { class: "stage", text: t("Waiting") }), el("p", { class: "muted", text: t("LookUp") }));
    } else {
      nodes.push(...cardHeading(card));
      if (card.stage === "gut_check" && !view.reveal) {
        nodes.push(...renderVoting(card));
      } else {
        if (card.stage !== "gut_check") {
          nodes.push(el("p", { class: "stage", text: t(stageText(card.stage)) }));
          nodes.push(el("p", { class: "muted", text: t("LookUp") }));
        }
        if (view.reveal) nodes.push(...renderReveal(view.reveal));
        // A confirmation belongs to the voting screen only.
        if (notice && (notice.key === "VoteIn" || notice.key === "VoteSending")) say(null);
      }
    }
    screen.replaceChildren(...nodes);
    paintStatus();
  }

  // A newer view from the stream; after a reload or a lost connection
  // (`fresh`), the phone takes its slot back.
  function arrived(next, fresh) {
    const first = !view;
    view = next;
    if (first && !chosenLang()) setLang(view.lang);
    if (fresh && device && participant && !view.closed) join(null);
    render();
  }

  function chosenLang() {
    try { return localStorage.getItem("datakompas-lang"); } catch (e) { return null; }
  }

  async function start() {
    texts = await loadTexts("/texts.json", status);
    setLang(chosenLang() || (navigator.language || "en").slice(0, 2));
    if (token) live = follow(base + "events", { view: arrived, status: paintStatus });
    render();
  }

  start();
})();
