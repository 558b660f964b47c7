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

/* Digits inside a text (a date, a label) in the page's digit style. */
function marsadDigits(text) {
  if (!document.body || document.body.dataset.digits !== "arab") { return String(text); }
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
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
  element.addEventListener("change", () => element.form.submit());
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
   export) shows that Marsad is working: a bar at the top and a spoken status. htmx requests
   show their own indicators (hx-indicator); this covers whole-page submissions. */
function marsadBusy(on) {
  document.body.classList.toggle("marsad-busy", on);
  const note = document.getElementById("busy-note");
  if (note) { note.hidden = !on; }
}

document.addEventListener("submit", (event) => {
  if (event.defaultPrevented || event.target.hasAttribute("hx-post") || event.target.hasAttribute("hx-get")) { return; }
  const timer = setTimeout(() => marsadBusy(true), 500);
  // A download leaves the page where it is: stop showing work after a while.
  setTimeout(() => { clearTimeout(timer); marsadBusy(false); }, 60000);
});
window.addEventListener("pageshow", () => marsadBusy(false));
