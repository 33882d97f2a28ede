// The room's shared screen (the projector). It only looks: it renders the
// view the server sends for the screen, in the session's language, and
// follows the facilitator over server-sent events. The QR code and the
// join code come inline with the page; this script shows them when the
// view says people are joining or voting.
"use strict";

(function () {
  const parts = location.pathname.split("/").filter(Boolean);
  const token = parts[0] === "s" && /^[0-9a-f]{32}$/.test(parts[1] || "") ? parts[1] : null;
  const base = token ? "/s/" + token + "/" : "/";

  const { el, translate, decimal, bar, loadTexts, follow } = window.datakompasLive;

  let texts = null;
  let view = null;
  let live = null; // the event stream, once the texts are in
  let busy = false;

  const screen = document.getElementById("screen");
  const status = document.getElementById("status");
  const join = document.getElementById("join");

  // The view's language; before the first view, the page's, which the
  // server wrote in the screen's language.
  function lang() {
    const asked = view ? view.lang : document.documentElement.lang;
    return asked === "nl" ? "nl" : "en";
  }

  function t(name, args) {
    return translate(texts, lang(), name, args);
  }

  function paintStatus() {
    let text = "";
    if (busy) text = t("Busy");
    else if (!(live && live.online()) && !(view && view.closed)) text = view ? t("Reconnecting") : t("Connecting");
    status.textContent = text;
    status.hidden = !text;
  }

  const STAGES = {
    story: "StageStory", gut_check: "StageGutCheck", discuss: "StageDiscuss",
    decide: "StageDecide", reveal: "StageReveal",
  };

  function paragraphs(text, cls) {
    return String(text).split(/\n\s*\n/).filter((p) => p.trim()).map((p) => el("p", { class: cls || "", text: p.trim() }));
  }

  // "March 2014" from the deck's "2014-03", as the terminal writes it;
  // a year alone, or what is no date, as it is.
  function proseDate(date) {
    const [y, m, d] = date.split("-").map(Number);
    const day = d === undefined || (d >= 1 && d <= 31);
    if (!(y >= 1000 && m >= 1 && m <= 12 && day)) return date;
    const shown = { month: "long", year: "numeric", timeZone: "UTC" };
    if (d) shown.day = "numeric";
    return new Date(Date.UTC(y, m - 1, d || 1)).toLocaleDateString(lang() === "nl" ? "nl-NL" : "en-GB", shown);
  }

  // Where the story stops: the moment the team now stands at.
  function stops(stop) {
    return [
      el("h3", { text: t("DecisionPoint") }),
      el("p", { class: "stops", text: proseDate(stop.date) + ": " + stop.moment }),
    ];
  }

  function voterName(v) {
    return v.name && v.name.trim() ? v.name : t("VoterN", { n: v.number });
  }

  function chart(reveal, small) {
    const s = reveal.summary;
    const box = el("section", { class: small ? "result small" : "result" });
    box.append(el("h2", { text: t("RevealTitle") }));
    if (!s.total) {
      box.append(el("p", { text: t("RevealNone") }));
      return box;
    }
    const peak = Math.max(...s.counts, 1);
    const list = el("ul", { class: "chart" });
    s.counts.forEach((count, i) => {
      const label = t("Scale" + (i + 1));
      const row = el("li", { "aria-label": t("RevealBar", { value: i + 1, label, count }) },
        el("span", { class: "value", "aria-hidden": "true", text: String(i + 1) }),
        el("span", { class: "label", "aria-hidden": "true", text: label }),
        bar(count, peak),
        el("span", { class: "count", "aria-hidden": "true", text: String(count) }));
      list.append(row);
    });
    box.append(list);
    box.append(el("p", { class: "average", text: t("RevealAverage", { avg: decimal(s.average, lang()), lo: s.min, hi: s.max }) }));
    if (s.split) box.append(el("p", { class: "muted", text: t("RevealSplit") }));
    if (reveal.names && reveal.names.length) {
      const names = el("ul", { class: "names" });
      for (const v of reveal.names) names.append(el("li", { text: voterName(v) + ": " + v.value }));
      box.append(names);
    }
    return box;
  }

  function scale() {
    const list = el("ol", { class: "scale" });
    for (let v = 1; v <= 5; v++) {
      list.append(el("li", {}, el("span", { class: "value", text: String(v) }), el("span", { text: t("Scale" + v) })));
    }
    return list;
  }

  function decision(d, small) {
    const box = el("section", { class: small ? "decision small" : "decision" });
    box.append(el("h2", { text: t("Decision") }));
    box.append(el("p", { class: "option stance-" + d.stance, text: d.option }));
    if (d.safeguards.length) {
      box.append(el("h3", { text: t("Safeguards") }));
      const list = el("ul", { class: "safeguards" });
      for (const s of d.safeguards) list.append(el("li", { text: s }));
      box.append(list);
    }
    return box;
  }

  function outcome(o) {
    const box = el("section", { class: "outcome" });
    if (o.text) box.append(...paragraphs(o.text));
    else box.append(el("p", { class: "muted", text: t("Hypothetical") }));
    return box;
  }

  function facts(o) {
    if (!o.facts.length) return null;
    const box = el("section", { class: "facts" });
    box.append(el("h2", { text: t("Facts") }));
    const list = el("ul", {});
    for (const f of o.facts) {
      const text = f.disputed ? f.text + " (" + t("Disputed") + ")" : f.text;
      list.append(el("li", {}, el("span", { text }), el("span", { class: "source", text: f.source })));
    }
    box.append(list);
    // Says how many facts gave way when they do not all fit (see fit).
    box.append(el("p", { class: "more muted", hidden: "" }));
    return box;
  }

  // The stage's own content: one or two columns.
  function content(card) {
    const main = [];
    const side = [];
    switch (card.stage) {
      case "story":
        main.push(...paragraphs(card.story, "story"));
        if (card.stops) main.push(...stops(card.stops));
        break;
      case "gut_check":
        if (card.reveal) {
          main.push(chart(card.reveal, false));
        } else {
          main.push(el("h2", { class: "question", text: t("Question") }));
          main.push(el("p", { class: "practice-label muted", text: t("Practice") }));
          main.push(el("p", { class: "practice", text: card.practice }));
          main.push(scale());
          if (card.voted) {
            main.push(el("p", { class: "voted", id: "voted", text: t("VotedCount", { n: card.voted.voted, total: card.voted.voters }) }));
          }
          main.push(el("p", { class: "muted", text: t("VoteOnPhone") }));
        }
        break;
      case "discuss":
        if (card.prompts.length) {
          main.push(el("h2", { text: t("Prompts") }));
          const list = el("ul", { class: "prompts" });
          for (const p of card.prompts) list.append(el("li", { text: p }));
          main.push(list);
        }
        if (card.reveal) side.push(chart(card.reveal, true));
        break;
      case "decide":
        if (card.decision) main.push(decision(card.decision, false));
        else main.push(el("h2", { class: "question", text: t("Deciding") }), el("p", { class: "practice", text: card.practice }));
        if (card.reveal) side.push(chart(card.reveal, true));
        break;
      case "reveal":
        if (card.outcome) {
          main.push(outcome(card.outcome));
          const f = facts(card.outcome);
          if (f) side.push(f);
        }
        if (card.decision) main.push(decision(card.decision, true));
        break;
    }
    return { main, side };
  }

  // Shrinks each column's text until it fits the screen: a projector
  // cannot scroll. Columns shrink apart, so a long list of facts beside
  // the outcome does not make the outcome small too. Facts shrink only so
  // far: past that the last ones give way to "+ 3 more", which the
  // facilitator has on the terminal, and only one left still shrinks.
  function fit() {
    for (const column of screen.querySelectorAll(".body > section")) {
      column.style.setProperty("--fit", "1");
      const more = column.querySelector(".facts .more");
      let scale = 1;
      if (more) {
        for (const item of column.querySelectorAll(".facts li")) item.hidden = false;
        more.hidden = true;
        scale = shrink(column, scale, FACTS_FLOOR);
        capFacts(column, more);
      }
      shrink(column, scale, 0.4);
    }
  }

  // Facts at 80 % still read from the back of a room on a 720p projector.
  const FACTS_FLOOR = 0.8;

  function overflows(column) {
    return column.scrollHeight > column.clientHeight + 1;
  }

  function shrink(column, scale, floor) {
    while (scale > floor && overflows(column)) {
      scale -= 0.03;
      column.style.setProperty("--fit", scale.toFixed(2));
    }
    return scale;
  }

  // Shows as many facts as fit, at least one, and how many more there are.
  function capFacts(column, more) {
    const items = [...column.querySelectorAll(".facts li")];
    let shown = items.length;
    while (shown > 1 && overflows(column)) {
      shown -= 1;
      items[shown].hidden = true;
      more.textContent = t("FactsMore", { n: items.length - shown });
      more.hidden = false;
    }
  }

  function render() {
    if (!texts) return;
    document.documentElement.lang = lang();
    document.title = t("PageTitle");
    if (!token) { screen.replaceChildren(); return; }
    if (!view) { paintStatus(); return; }
    if (view.closed) {
      join.hidden = true;
      screen.replaceChildren(el("div", { class: "closed" }, el("h1", { text: t("Closed") })));
      paintStatus();
      return;
    }
    document.getElementById("join-scan").textContent = t("JoinScan");
    document.getElementById("join-type").textContent = t("JoinType");
    document.getElementById("qr").setAttribute("aria-label", t("JoinScan"));
    const card = view.card;
    const nodes = [];
    const body = el("div", { class: "body" });
    if (!card) {
      nodes.push(el("p", { class: "where", text: "datakompas" }));
      nodes.push(el("h1", { class: "title", text: view.title || t("Welcome") }));
      body.classList.add("welcome");
      body.append(el("section", { class: "main" }, el("p", { class: "lead", text: t("WaitingForCard") })));
    } else {
      nodes.push(el("p", { class: "where" },
        el("span", { text: t("CardOf", { n: card.number, total: card.total }) }),
        el("span", { class: "stage", text: t(STAGES[card.stage] || "StageStory") })));
      nodes.push(el("h1", { class: "title", text: card.title }));
      if (card.byline) nodes.push(el("p", { class: "byline", text: card.byline }));
      const { main, side } = content(card);
      body.append(el("section", { class: "main" }, ...main));
      if (side.length && !view.join) body.append(el("section", { class: "side" }, ...side));
    }
    if (view.join) {
      join.hidden = false;
      body.append(join);
      body.classList.add("joining");
    } else {
      join.hidden = true;
      document.body.append(join);
    }
    nodes.push(body);
    screen.dataset.stage = card ? card.stage : "none";
    screen.replaceChildren(...nodes);
    fit();
    paintStatus();
  }

  function arrived(next) {
    view = next;
    busy = false;
    render();
  }

  // A refused stream: say so if it is because too many screens are open.
  async function checkBusy() {
    try {
      const res = await fetch(base + "events", { cache: "no-store", credentials: "omit" });
      busy = res.status === 503;
      if (res.body) res.body.cancel();
    } catch (e) { busy = false; }
    paintStatus();
  }

  window.addEventListener("resize", () => { if (view) fit(); });

  async function start() {
    texts = await loadTexts("/screen-texts.json", status);
    if (token) live = follow(base + "events", { view: arrived, status: paintStatus, refused: checkBusy });
    render();
  }

  start();
})();
