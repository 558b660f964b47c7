/* The review page: select words of the text to add a claim, and pick attribute values from the
   contract's vocabulary for the chosen claim type. */
"use strict";

(function () {
  const vocabulary = JSON.parse(document.getElementById("attribute-vocabulary").textContent);
  const text = document.getElementById("document-text");

  /* The server counts characters (Python's code points); the browser counts UTF-16 units,
     in which an emoji or any other character beyond U+FFFF takes two. Offsets sent to the
     server are counted in code points, or every selection after such a character would be
     shifted. */
  function codePoints(units) {
    let count = 0;
    for (const _character of units) { count += 1; }  // a string iterates by code point
    return count;
  }

  /* Each piece of the text carries its offset in code points (data-start): a position in a
     piece's text node is that plus the code points before it in the node. A position given
     as a child index of an element (a selection ending at a piece's edge) is measured from
     the start of the text instead. */
  function offsetOf(node, offset) {
    if (!text.contains(node)) { return null; }
    const piece = node.nodeType === Node.TEXT_NODE ? node.parentElement : null;
    if (piece && piece.dataset.start !== undefined) {
      return parseInt(piece.dataset.start, 10) + codePoints(node.data.slice(0, offset));
    }
    const before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(node, offset);
    return codePoints(before.toString());
  }

  function onSelection() {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) { return; }
    const range = selection.getRangeAt(0);
    let start = offsetOf(range.startContainer, range.startOffset);
    let end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null) { return; }
    if (end < start) { [start, end] = [end, start]; }
    const form = document.getElementById("add-claim");
    if (!form) { return; }
    document.getElementById("sel-start").value = start;
    document.getElementById("sel-end").value = end;
    document.getElementById("selection-quote").textContent = selection.toString();
    document.getElementById("add-submit").disabled = false;
  }

  function fillAttributes(select) {
    const box = select.closest("form").querySelector(".attribute-box");
    if (!box) { return; }
    const values = box.dataset.values ? JSON.parse(box.dataset.values) : {};
    box.replaceChildren();
    Object.entries(vocabulary[select.value] || {}).forEach(([name, allowed]) => {
      let input;
      if (Array.isArray(allowed)) {
        input = document.createElement("select");
        input.className = "form-select form-select-sm";
        input.append(new Option("–", ""));
        allowed.forEach((value) => input.append(new Option(value, value, false, values[name] === value)));
      } else {
        input = document.createElement("input");
        input.type = "number";
        input.className = "form-control form-control-sm";
        input.value = values[name] === undefined ? "" : values[name];
      }
      input.name = "attr_" + name;
      input.setAttribute("aria-label", name);
      input.title = name;
      box.append(input);
    });
  }

  if (text) { text.addEventListener("mouseup", onSelection); text.addEventListener("keyup", onSelection); }
  document.querySelectorAll("select.claim-type").forEach((select) => {
    fillAttributes(select);
    select.addEventListener("change", () => fillAttributes(select));
  });
})();
