/* Pickers (web/pickers.py): htmx fills the list of proposals as the reader types; this file
   opens and closes the list, moves through it with the arrow keys, and puts the chosen record's
   value in the hidden input the form sends. Nothing typed is ever sent as a value: a name that
   matches no proposal leaves the field empty, and the form says so. */
"use strict";

marsadWidget("picker", (element) => {
  const hidden = element.querySelector("[data-picker-value]");
  const search = element.querySelector("[data-picker-search]");
  const list = element.querySelector("[role=listbox]");
  const chosenList = element.querySelector("[data-picker-chosen]");
  const multiple = element.dataset.multiple === "1";
  let active = -1;
  let chosenLabel = search.value;
  /* What the proposals answer. htmx asks again as the reader types (hx-sync replace: only the
     last request can answer), but an answer may land after the reader typed on, chose, or left
     the field: the proposals of another text are never shown, nor chosen with Enter. */
  let asked = null;
  let answered = null;
  const current = () => answered === search.value;

  const options = () => Array.from(list.querySelectorAll("[role=option]:not([aria-disabled])"));
  const values = () => hidden.value.split(",").filter((v) => v !== "");

  function open(show) {
    list.hidden = !show;
    search.setAttribute("aria-expanded", show ? "true" : "false");
    if (!show) { mark(-1); }
  }

  function mark(index) {
    const all = options();
    active = index;
    all.forEach((option, i) => {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
      if (!option.id) { option.id = list.id + "-" + i; }
    });
    if (index >= 0 && all[index]) {
      search.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      search.removeAttribute("aria-activedescendant");
    }
  }

  function chip(value, label) {
    const item = document.createElement("li");
    item.className = "list-inline-item badge text-bg-secondary";
    item.dataset.value = value;
    const name = document.createElement("bdi");
    name.textContent = label;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "btn-close btn-close-white picker-remove";
    remove.dataset.pickerRemove = "";
    remove.setAttribute("aria-label", (element.dataset.removeLabel || "×") + " " + label);
    item.append(name, " ", remove);
    chosenList.append(item);
  }

  function choose(option) {
    const value = option.dataset.value;
    const label = option.dataset.label;
    if (multiple) {
      if (!values().includes(value)) {
        hidden.value = values().concat([value]).join(",");
        chip(value, label);
      }
      search.value = "";
    } else {
      hidden.value = value;
      search.value = label;
      chosenLabel = label;
    }
    hidden.dispatchEvent(new Event("change", { bubbles: true }));
    open(false);
  }

  search.addEventListener("htmx:beforeRequest", () => { asked = search.value; });
  list.addEventListener("htmx:afterSwap", () => {
    answered = asked;
    open(current() && document.activeElement === search);
    mark(-1);
  });
  list.addEventListener("mousedown", (event) => {
    const option = event.target.closest("[role=option]:not([aria-disabled])");
    if (option) { event.preventDefault(); choose(option); }
  });
  search.addEventListener("input", () => {
    if (!multiple && search.value !== chosenLabel) { hidden.value = ""; chosenLabel = ""; }
    if (!current()) { open(false); }
  });
  search.addEventListener("keydown", (event) => {
    const all = options();
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!current()) { return; }
      if (list.hidden) { open(true); }
      mark(Math.min(active + 1, all.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      mark(Math.max(active - 1, 0));
    } else if (event.key === "Enter" && !list.hidden) {
      /* Enter in an open list chooses; it does not send the form. */
      event.preventDefault();
      if (all[active >= 0 ? active : 0]) { choose(all[active >= 0 ? active : 0]); }
    } else if (event.key === "Escape") {
      open(false);
    }
  });
  search.addEventListener("blur", () => { window.setTimeout(() => open(false), 150); });
  if (chosenList) {
    chosenList.addEventListener("click", (event) => {
      const remove = event.target.closest("[data-picker-remove]");
      if (!remove) { return; }
      const item = remove.closest("li");
      hidden.value = values().filter((v) => v !== item.dataset.value).join(",");
      item.remove();
      search.focus();
    });
  }
});
