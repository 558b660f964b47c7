/* Charts of Marsad (Chart.js, served locally). Right-to-left pages read time from the right. */
"use strict";

/* Shaded bands behind a time chart, one per phase, labelled at the top. */
const marsadPhaseBands = {
  id: "marsadPhaseBands",
  beforeDatasetsDraw(chart, _args, options) {
    const bands = options.bands || [];
    const x = chart.scales.x;
    const area = chart.chartArea;
    const ctx = chart.ctx;
    const colours = ["rgba(15,58,74,0.07)", "rgba(200,135,43,0.10)", "rgba(47,125,149,0.10)"];
    bands.forEach((band, index) => {
      const labels = chart.data.labels;
      const first = labels.indexOf(band.start);
      const startIndex = first >= 0 ? first : (band.start < labels[0] ? 0 : -1);
      if (startIndex < 0) { return; }
      const lastIndex = band.end && labels.indexOf(band.end) >= 0 ? labels.indexOf(band.end) : labels.length - 1;
      const left = x.getPixelForValue(startIndex);
      const right = x.getPixelForValue(lastIndex);
      ctx.save();
      ctx.fillStyle = colours[index % colours.length];
      ctx.fillRect(Math.min(left, right), area.top, Math.abs(right - left), area.bottom - area.top);
      ctx.fillStyle = "#0f3a4a";
      ctx.font = "12px sans-serif";
      ctx.textAlign = "center";
      ctx.fillText(band.label, (left + right) / 2, area.top + 14);
      ctx.restore();
    });
  },
};

function marsadDailyChart(elementId, data) {
  const canvas = document.getElementById(elementId);
  if (!canvas || !window.Chart) { return null; }
  const rtl = document.documentElement.dir === "rtl";
  return new Chart(canvas, {
    type: "bar",
    data: {labels: data.days, datasets: [{label: data.label, data: data.values, backgroundColor: "#0f3a4a"}]},
    options: {
      maintainAspectRatio: false, animation: false,
      scales: {x: {reverse: rtl, ticks: {maxTicksLimit: 12}}, y: {position: rtl ? "right" : "left", beginAtZero: true, ticks: {precision: 0}}},
      plugins: {legend: {display: false}, marsadPhaseBands: {bands: data.phases}},
    },
    plugins: [marsadPhaseBands],
  });
}

/* Horizontal bars, one per category (claims by type): `data` = {labels, label, values}. */
function marsadCategoryChart(canvas, data) {
  const rtl = document.documentElement.dir === "rtl";
  return new Chart(canvas, {
    type: "bar",
    data: {labels: data.labels, datasets: [{label: data.label, data: data.values, backgroundColor: "#0f3a4a"}]},
    options: {indexAxis: "y", maintainAspectRatio: false, plugins: {legend: {display: false}},
              locale: marsadLocale(),
              // Right-to-left pages read bars from the right, labels on the right.
              scales: {x: {reverse: rtl, ticks: {precision: 0}},
                       y: {position: rtl ? "right" : "left", ticks: {autoSkip: false}}}},
  });
}

/* Pledges and refusals side by side per kind: `data` = {labels, pledges, pledges_label,
   refusals, refusals_label}. */
function marsadPledgeChart(canvas, data) {
  const rtl = document.documentElement.dir === "rtl";
  return new Chart(canvas, {
    type: "bar",
    data: {labels: data.labels, datasets: [
      {label: data.pledges_label, data: data.pledges, backgroundColor: "#0f3a4a"},
      {label: data.refusals_label, data: data.refusals, backgroundColor: "#c0504d"}]},
    options: {maintainAspectRatio: false, scales: {x: {reverse: rtl}, y: {position: rtl ? "right" : "left", ticks: {precision: 0}}},
              plugins: {legend: {rtl: rtl}}},
  });
}

marsadWidget("daily-chart", (canvas, data) => marsadDailyChart(canvas.id, data.series));
marsadWidget("category-chart", (canvas, data) => window.Chart && marsadCategoryChart(canvas, data.series));
marsadWidget("pledge-chart", (canvas, data) => window.Chart && marsadPledgeChart(canvas, data.series));
