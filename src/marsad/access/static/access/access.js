/* Maps and charts of humanitarian access. Like marsad/maps.js, no tile server is reached:
   crossings, corridors and incidents are drawn from their own geometries over the OCHA
   governorate outlines. */
"use strict";

/* Crossings coloured by their status, corridors as lines, and (optionally) incidents near a
   corridor. `data` = {crossings, corridors, incidents, outline}: GeoJSON FeatureCollections whose
   properties carry name, label, colour and url. */
function marsadAccessMap(elementId, data) {
  const element = document.getElementById(elementId);
  if (!element || !window.L) { return null; }
  const map = L.map(element, {attributionControl: true, zoomSnap: 0.25});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("<bdi translate=\"no\">OCHA COD-AB (CC BY-IGO)</bdi>");
  const label = (props) => {
    const span = document.createElement("span");
    const name = document.createElement("bdi");
    name.textContent = props.name || "";
    span.append(name);
    if (props.label) { span.append(" — " + props.label); }
    return span;
  };
  const link = (feature, item) => {
    const props = feature.properties || {};
    item.bindTooltip(label(props), {sticky: true});
    if (props.url) { item.on("click", () => { window.location.href = props.url; }); }
  };
  const layers = [];
  if (data.outline) {
    layers.push(L.geoJSON(data.outline, {
      style: () => ({color: "#0f3a4a", weight: 1, fillColor: "#7fb3c4", fillOpacity: 0.12}),
      interactive: false,
    }).addTo(map));
  }
  if (data.corridors) {
    layers.push(L.geoJSON(data.corridors, {
      style: (feature) => ({color: feature.properties.colour, weight: 5, opacity: 0.85, dashArray: "8 5"}),
      onEachFeature: link,
    }).addTo(map));
  }
  if (data.incidents) {
    layers.push(L.geoJSON(data.incidents, {
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, {
        radius: 5, color: "#7a1f1f", weight: 1, fillColor: "#c0504d", fillOpacity: 0.85,
      }),
      onEachFeature: link,
    }).addTo(map));
  }
  if (data.crossings) {
    layers.push(L.geoJSON(data.crossings, {
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, {
        radius: 9, color: "#1f2d33", weight: 2, fillColor: feature.properties.colour, fillOpacity: 0.95,
      }),
      onEachFeature: link,
    }).addTo(map));
  }
  const bounds = L.latLngBounds([]);
  layers.forEach((layer) => { if (layer.getBounds().isValid()) { bounds.extend(layer.getBounds()); } });
  if (bounds.isValid()) {
    map.fitBounds(bounds, {padding: [16, 16], maxZoom: 13});
  } else {
    map.setView([31.42, 34.38], 10);
  }
  element.dataset.ready = "1";
  return map;
}

/* Stacked bars per day, one series per crossing: `data` = {days, label, datasets: [{label,
   values, colour}]}. Right-to-left pages read time from the right. */
function marsadStackedChart(elementId, data) {
  const canvas = document.getElementById(elementId);
  if (!canvas || !window.Chart) { return null; }
  const rtl = document.documentElement.dir === "rtl";
  return new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.days,
      datasets: data.datasets.map((series) => ({
        label: series.label, data: series.values, backgroundColor: series.colour, stack: "trucks",
      })),
    },
    options: {
      maintainAspectRatio: false, animation: false,
      scales: {
        x: {stacked: true, reverse: rtl, ticks: {maxTicksLimit: 12}},
        y: {stacked: true, position: rtl ? "right" : "left", beginAtZero: true, ticks: {precision: 0},
            title: {display: true, text: data.label}},
      },
      plugins: {legend: {display: true, rtl: rtl, position: "bottom"}},
    },
  });
}

marsadWidget("access-map", (element, data) => marsadAccessMap(element.id, data.layers));
marsadWidget("stacked-chart", (canvas, data) => marsadStackedChart(canvas.id, data.series));
