// What the room's two pages share, the phone page (room.js) and the
// shared screen (screen.js): building elements by hand (the CSP allows no
// inline script or style), the texts from the app, and following the
// facilitator over server-sent events through sleep, lost Wi-Fi and a
// restarted app. Loaded before either page's own script.
"use strict";

window.datakompasLive = (function () {
  // An element with `class`, `text`, `on<event>` handlers and attributes.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const k in attrs || {}) {
      if (k === "class") node.className = attrs[k];
      else if (k === "text") node.textContent = attrs[k];
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    }
    for (const c of children) if (c) node.append(c);
    return node;
  }

  // The text `name` in `lang` (English when missing), `{k}` filled from `args`.
  function translate(texts, lang, name, args) {
    const table = texts[lang] || texts.en;
    let s = table[name] || texts.en[name] || name;
    for (const k in args || {}) s = s.split("{" + k + "}").join(String(args[k]));
    return s;
  }

  // An average as the app writes it: one decimal, the language's comma.
  function decimal(x, lang) {
    return x.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  // One bar of the vote chart, as long as `count` against the longest.
  // Its width is set through the DOM: the CSP refuses inline styles.
  function bar(count, peak) {
    const fill = el("div", { class: "fill" });
    fill.style.width = (100 * count / peak) + "%";
    return el("div", { class: "track", "aria-hidden": "true" }, fill);
  }

  // The page's texts; while the server cannot be reached, says so in both
  // languages (none is known yet) and tries again.
  async function loadTexts(url, status) {
    for (;;) {
      try {
        const res = await fetch(url, { cache: "no-store", credentials: "omit" });
        return await res.json();
      } catch (e) {
        status.textContent = "Connection lost · Verbinding kwijt";
        await new Promise((done) => setTimeout(done, 3000));
      }
    }
  }

  // The server pings every 15 s; this long without a word means the
  // connection died quietly (a phone that slept, Wi-Fi that dropped).
  const SILENCE_MS = 40000;

  // Follows the event stream at `url` until a view says the room is
  // closed. `on.view(view, fresh)` gets each newer view, `fresh` for the
  // first of each connection; `on.status()` is told the connection was
  // lost; `on.refused()`, if given, that the server refused the stream.
  function follow(url, on) {
    let view = null;
    let stream = null;
    let online = false;
    let lastHeard = Date.now();
    const closed = () => Boolean(view && view.closed);

    // Views are numbered per server run; one that arrives after a newer one is dropped.
    function take(next) {
      if (view && next.run === view.run && next.seq < view.seq) return false;
      view = next;
      return true;
    }

    function connect() {
      if (stream) stream.close();
      lastHeard = Date.now();
      let fresh = true;
      const source = new EventSource(url);
      stream = source;
      source.addEventListener("state", (ev) => {
        lastHeard = Date.now();
        online = true;
        if (!take(JSON.parse(ev.data))) return;
        if (view.closed) source.close();
        on.view(view, fresh);
        fresh = false;
      });
      source.addEventListener("ping", () => { lastHeard = Date.now(); });
      source.addEventListener("open", () => { lastHeard = Date.now(); });
      source.addEventListener("error", () => {
        if (source !== stream) return;
        online = false;
        on.status();
        // The browser retries by itself unless the stream was refused.
        if (source.readyState === EventSource.CLOSED && !closed()) {
          if (on.refused) on.refused();
          setTimeout(() => { if (source === stream) connect(); }, 3000);
        }
      });
    }

    function lost() {
      if (closed()) return;
      online = false;
      if (stream) stream.close();
      on.status();
    }

    window.addEventListener("offline", lost);
    window.addEventListener("online", () => { if (!closed()) connect(); });
    setInterval(() => {
      if (stream && !closed() && Date.now() - lastHeard > SILENCE_MS) {
        lost();
        connect();
      }
    }, 5000);
    connect();

    return { take, online: () => online };
  }

  return { el, translate, decimal, bar, loadTexts, follow };
})();
