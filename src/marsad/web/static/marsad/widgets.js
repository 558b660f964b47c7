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
  document.querySelectorAll("[data-widget]").forEach((element) => {
    const start = marsadWidgets[element.dataset.widget];
    if (start) {
      start(element, marsadWidgetData(element));
    } else {
      console.error("Marsad: no widget named " + element.dataset.widget);
    }
  });
});
