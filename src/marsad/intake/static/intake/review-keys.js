/* The review page's keyboard: j and k move between claims, a accepts, r rejects (asking for
   the reason first), e opens the correction form, x selects the claim for one action on many.
   Keys typed in a field are the field's. Started by data-widget="review-keys". */
"use strict";

marsadWidget("review-keys", (element) => {
  const claims = Array.from(document.querySelectorAll("article.claim, [id^='claim-']"))
    .filter((node) => /^claim-\d+$/.test(node.id));
  const picks = Array.from(document.querySelectorAll("input.bulk-pick"));
  const all = document.getElementById("pick-all");
  const count = document.getElementById("picked-count");
  let current = -1;

  function showCount() {
    if (!count) { return; }
    const n = picks.filter((p) => p.checked).length;
    count.textContent = n ? String(n) + " ✓" : "";
  }
  picks.forEach((p) => p.addEventListener("change", showCount));
  if (all) {
    all.addEventListener("change", () => {
      picks.forEach((p) => { p.checked = all.checked; });
      showCount();
    });
  }
  const bulkReject = document.getElementById("bulk-reject");
  const bulkReason = document.getElementById("bulk-reason");
  if (bulkReject && bulkReason) {
    /* A rejection needs its reason: the reason field becomes required only for it. */
    bulkReject.addEventListener("click", () => { bulkReason.required = true; });
    document.getElementById("bulk-accept").addEventListener("click", () => {
      bulkReason.required = false;
    });
  }

  function focus(index) {
    if (!claims.length) { return; }
    current = Math.max(0, Math.min(claims.length - 1, index));
    claims.forEach((c) => c.classList.remove("border-primary", "border-2"));
    const claim = claims[current];
    claim.classList.add("border-primary", "border-2");
    claim.scrollIntoView({ block: "center" });
  }

  function actions() {
    if (current < 0) { return null; }
    const claim = claims[current];
    const id = claim.id.slice("claim-".length);
    return document.querySelector(".review-actions[data-claim='" + id + "']");
  }

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (target.closest("input, textarea, select, [contenteditable]")) { return; }
    const box = actions();
    switch (event.key) {
      case "j": focus(current + 1); break;
      case "k": focus(current - 1); break;
      case "a":
        if (box) { box.querySelector("input[value='accept']").form.requestSubmit(); }
        break;
      case "r":
        if (box) { box.querySelector("input.reject-reason").focus(); }
        break;
      case "e":
        if (box) {
          const details = box.querySelector("details");
          details.open = true;
          details.querySelector("select, input:not([type=hidden])").focus();
        }
        break;
      case "x":
        if (box) {
          const pick = document.getElementById("pick-" + box.dataset.claim);
          if (pick) { pick.checked = !pick.checked; showCount(); }
        }
        break;
      default: return;
    }
    event.preventDefault();
  });
  element.dataset.ready = "1";
});
