/* Starts the maps, charts and other behaviours a page declares. Pages carry no script of their
   own (the Content-Security-Policy runs only Marsad's files): an element names its widget in
   data-widget, and gives it data in attributes. data-json-NAME="ID" hands the widget, as NAME,
   the parsed content of the <script type="application/json" id="ID"> block (json_script);
   any other data-NAME attribute is handed as text. Each script file registers its widgets with
   marsadWidget(name, start), and start(element, data) is called once the page is parsed. */
"use strict";

const marsadWidgets = {};

function marsadWidget(name, start) {
  marsadWidgets[name] = start;
}

/* The page's language with its one digit style (the reader's choice, on <body data-digits>),
   for every number and date a script writes: charts, maps and counters alike. */
function marsadLocale() {
  const root = document.documentElement;
  return (root.lang || "ar") + "-u-nu-" + (document.body && document.body.dataset.digits === "arab" ? "arab" : "latn");
}

function marsadNumber(value) {
  return Number(value).toLocaleString(marsadLocale());
}

/* Digits inside a text (a date, a label) in the page's digit style: Arabic-Indic ones take the
   Arabic separators between digits, ٬ for thousands and ٫ for decimals, as Intl writes them
   (marsad.web.counting.in_style on the server). */
function marsadDigits(text) {
  if (!document.body || document.body.dataset.digits !== "arab") { return String(text); }
  return String(text)
    .replace(/(\d)([,.])(?=\d)/g, (_all, digit, mark) => digit + (mark === "," ? "\u066c" : "\u066b"))
    .replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

/* Chart.js writes numbers, axis labels and tooltips in the page's digit style. */
function marsadChartDefaults() {
  if (!window.Chart) { return; }
  Chart.defaults.locale = marsadLocale();
  const category = Chart.defaults.scales.category;
  if (category) {
    category.ticks.callback = function (value) { return marsadDigits(this.getLabelForValue(value)); };
  }
  Chart.defaults.plugins.tooltip.callbacks.title = (items) => items.map((i) => marsadDigits(i.label));
}

function marsadWidgetData(element) {
  const data = {};
  Object.entries(element.dataset).forEach(([key, value]) => {
    if (key === "widget") { return; }
    if (/^json[A-Z]/.test(key)) {
      const name = key.charAt(4).toLowerCase() + key.slice(5);
      data[name] = JSON.parse(document.getElementById(value).textContent);
    } else {
      data[key] = value;
    }
  });
  return data;
}

/* A control that applies itself as soon as it changes (a switch that reloads the page). */
marsadWidget("submit-on-change", (element) => {
  // requestSubmit, unlike submit, announces the submission: the busy indicator sees it.
  element.addEventListener("change", () => element.form.requestSubmit());
});

document.addEventListener("DOMContentLoaded", () => {
  marsadChartDefaults();
  document.querySelectorAll("[data-widget]").forEach((element) => {
    const start = marsadWidgets[element.dataset.widget];
    if (start) {
      start(element, marsadWidgetData(element));
    } else {
      console.error("Marsad: no widget named " + element.dataset.widget);
    }
  });
});

/* Anything sent that takes over half a second (an intake, a force generation, an import, an
   export) shows that Marsad is working: a bar at the top and a spoken status. One mechanism for
   whole-page submissions and htmx requests; a request that ends sooner shows nothing. */
let marsadPending = 0;
let marsadTimer = null;

function marsadBusy(on) {
  document.body.classList.toggle("marsad-busy", on);
  const note = document.getElementById("busy-note");
  if (note) { note.hidden = !on; }
}

function marsadWorkStarts() {
  marsadPending += 1;
  if (marsadPending === 1) { marsadTimer = setTimeout(() => marsadBusy(true), 500); }
}

function marsadWorkEnds() {
  marsadPending = Math.max(0, marsadPending - 1);
  if (marsadPending === 0) { clearTimeout(marsadTimer); marsadBusy(false); }
}

document.addEventListener("submit", (event) => {
  if (event.defaultPrevented || event.target.hasAttribute("hx-post") || event.target.hasAttribute("hx-get")) { return; }
  marsadWorkStarts();
  // The next page ends the work; should none come (a download, a refusal), stop after a while.
  setTimeout(marsadWorkEnds, 60000);
});
window.addEventListener("pageshow", () => { marsadPending = 0; clearTimeout(marsadTimer); marsadBusy(false); });

/* htmx requests, except a poll (hx-trigger "every …"), which shows its own progress. */
function marsadPolls(element) {
  return /^\s*every\s/.test((element && element.getAttribute("hx-trigger")) || "");
}
document.addEventListener("htmx:beforeRequest", (event) => {
  if (!marsadPolls(event.detail.elt)) { event.detail.elt.dataset.marsadWork = "1"; marsadWorkStarts(); }
});
document.addEventListener("htmx:afterRequest", (event) => {
  const element = event.detail.elt;
  if (element && element.dataset.marsadWork) { delete element.dataset.marsadWork; marsadWorkEnds(); }
});
