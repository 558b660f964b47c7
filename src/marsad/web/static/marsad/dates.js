/* Date inputs in the interface's language: every <input type="date"> gets a calendar with the
   page's month and day names and digit style (flatpickr, served locally), instead of the
   browser's own picker, which follows the browser's language (mm/dd/yyyy in an English one).
   The form still sends YYYY-MM-DD. */
"use strict";

function marsadDatePicker(input) {
  if (!window.flatpickr || input.dataset.picker) { return null; }
  input.dataset.picker = "1";
  const arabic = document.documentElement.lang === "ar";
  const show = (picker) => {
    if (picker.altInput) { picker.altInput.value = marsadDigits(picker.altInput.value); }
  };
  return flatpickr(input, {
    dateFormat: "Y-m-d",
    altInput: true,
    altFormat: "j F Y",
    allowInput: false,
    locale: arabic && flatpickr.l10ns.ar ? flatpickr.l10ns.ar : "default",
    onReady: (_dates, _text, picker) => {
      show(picker);
      if (picker.altInput) {
        picker.altInput.id = input.id ? input.id + "-shown" : "";
        if (input.id) {
          document.querySelectorAll(`label[for="${input.id}"]`).forEach((l) => { l.htmlFor = picker.altInput.id; });
        }
      }
    },
    onValueUpdate: (_dates, _text, picker) => show(picker),
    onDayCreate: (_dates, _text, _picker, day) => { day.textContent = marsadDigits(day.textContent); },
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll('input[type="date"]').forEach(marsadDatePicker);
});
/* Forms that htmx brings in later get their pickers too. */
document.addEventListener("htmx:afterSettle", (event) => {
  event.target.querySelectorAll('input[type="date"]').forEach(marsadDatePicker);
});
