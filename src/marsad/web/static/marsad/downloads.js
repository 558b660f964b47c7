/* A download that takes a while (an export, a report as PDF: any link marked data-download)
   shows that the file is being prepared until it arrives. The browser says nothing meanwhile,
   since the page stays where it is, and the page may not fetch the file itself (the policy's
   connect-src, and Chromium saves no file made by a page), so the link is followed as it is,
   with a one-time token added to its address; the server (web/downloads.py) answers the file
   with a cookie naming that token, which this file looks for every quarter of a second.

   A refused download answers a page in the reader's language, which replaces this one: the
   indicator goes with it, and should the reader come back (the browser's back button keeps
   pages as they were), pageshow ends it. Should neither come, a message replaces the bar after
   a generous wait. */
"use strict";

(() => {
  const COOKIE = "marsad_download_"; // and the token: one cookie per file asked
  const EVERY = 250; // ms between two looks at the cookie
  const QUIET = 500; // a file that arrives sooner shows nothing
  const PATIENCE = 90000; // then the bar gives way to a message
  const MESSAGE = 15000; // how long that message stays
  let current = null;

  function note() {
    return document.getElementById("download-note");
  }

  function newToken() {
    const bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function arrived(token) {
    return document.cookie.split(";").some((part) => part.trim() === COOKIE + token + "=1");
  }

  function forget(token) {
    document.cookie = COOKIE + token + "=; path=/; max-age=0; SameSite=Lax";
  }

  /* The note says `text`; with a moving bar while the file is prepared. */
  function say(text, working) {
    const box = note();
    if (!box) { return; }
    const words = document.createElement("span");
    words.textContent = text;
    const parts = [words];
    if (working) {
      const bar = document.createElement("span");
      bar.className = "download-bar";
      bar.setAttribute("aria-hidden", "true");
      parts.push(bar);
    }
    box.replaceChildren(...parts);
  }

  function quiet() {
    const box = note();
    if (box) { box.replaceChildren(); }
  }

  /* The download is over (`late`: or it is taking too long to wait for it any more). */
  function stop(late) {
    if (!current) { return; }
    window.clearInterval(current.poll);
    window.clearTimeout(current.show);
    window.clearTimeout(current.patience);
    current.link.removeAttribute("aria-busy");
    current = null;
    if (late) {
      const box = note();
      say(box ? box.dataset.late : "", false);
      window.setTimeout(() => { if (!current) { quiet(); } }, MESSAGE);
    } else {
      quiet();
    }
  }

  function start(link) {
    stop(false);
    const token = newToken();
    const address = new URL(link.href, document.baseURI);
    address.searchParams.set("download_token", token);
    current = { link, token };
    link.setAttribute("aria-busy", "true");
    current.show = window.setTimeout(() => { const box = note(); say(box ? box.dataset.preparing : "", true); }, QUIET);
    current.poll = window.setInterval(() => {
      if (current && arrived(current.token)) { forget(current.token); stop(false); }
    }, EVERY);
    current.patience = window.setTimeout(() => stop(true), PATIENCE);
    window.location.assign(address.toString());
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[data-download]");
    if (!link || event.defaultPrevented || event.button !== 0) { return; }
    // A new tab or window, or a saved link: the browser's own way, without a token.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
    if (new URL(link.href, document.baseURI).origin !== window.location.origin) { return; }
    event.preventDefault();
    start(link);
  });

  window.addEventListener("pageshow", () => stop(false));
})();
