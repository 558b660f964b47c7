/* A document's page: hovering a claim highlights its evidence in the text, and the other way
   round; clicking a highlighted passage brings its claim into view. */
"use strict";

marsadWidget("evidence", (text) => {
  const marks = text.querySelectorAll("mark");
  function focus(ids, on) {
    ids.forEach((id) => {
      const card = document.getElementById("claim-" + id);
      if (card) { card.classList.toggle("focus", on); }
      marks.forEach((m) => { if (m.dataset.claims.split(" ").includes(id)) { m.classList.toggle("focus", on); } });
    });
  }
  marks.forEach((m) => {
    const ids = m.dataset.claims.split(" ");
    m.addEventListener("mouseenter", () => focus(ids, true));
    m.addEventListener("mouseleave", () => focus(ids, false));
    m.addEventListener("click", () => { const c = document.getElementById("claim-" + ids[0]); if (c) { c.scrollIntoView({behavior: "smooth", block: "center"}); } });
  });
  document.querySelectorAll(".claim-card").forEach((card) => {
    const ids = [card.dataset.claim];
    card.addEventListener("mouseenter", () => focus(ids, true));
    card.addEventListener("mouseleave", () => focus(ids, false));
  });
});
