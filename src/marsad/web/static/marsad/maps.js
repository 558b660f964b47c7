/* Maps of Marsad. No tile server is reached (the system works offline): places are drawn from
   their own geometries, the OCHA governorate polygons and crossing points. */
"use strict";

function marsadPlacesMap(elementId, featureCollection, legend) {
  const element = document.getElementById(elementId);
  if (!element || !window.L) { return null; }
  const map = L.map(element, {attributionControl: true, zoomSnap: 0.25});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("<bdi translate=\"no\">OCHA COD-AB (CC BY-IGO)</bdi>");
  const layer = L.geoJSON(featureCollection, {
    style: () => ({color: "#0f3a4a", weight: 1.5, fillColor: "#7fb3c4", fillOpacity: 0.35}),
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, {
      radius: 7, color: "#7a4a0c", weight: 2, fillColor: "#c8872b", fillOpacity: 0.9,
    }),
    onEachFeature: (feature, item) => {
      const props = feature.properties || {};
      const label = document.createElement("bdi");
      const point = feature.geometry && feature.geometry.type === "Point";
      // A crossing is named on the map itself; an area names itself under the pointer.
      label.textContent = props.name + (props.pcode && !point ? " (" + props.pcode + ")" : "");
      if (point && props.name) {
        item.bindTooltip(label, {permanent: true, direction: "top", offset: [0, -6], className: "crossing-label"});
      } else {
        item.bindTooltip(label, {sticky: true});
      }
      if (props.url) {
        item.on("click", () => { window.location.href = props.url; });
      }
    },
  }).addTo(map);
  if (legend && (legend.area || legend.crossing)) { marsadLegend(map, [["#7fb3c4", legend.area], ["#c8872b", legend.crossing]]); }
  const bounds = layer.getBounds();
  if (bounds.isValid()) {
    map.fitBounds(bounds, {padding: [12, 12], maxZoom: 13});
  } else {
    map.setView([31.42, 34.38], 10);
  }
  return map;
}

/* A legend in the map's corner: [colour, text] pairs, the text in the page's language. */
function marsadLegend(map, entries) {
  const control = L.control({position: "bottomleft"});
  control.onAdd = () => {
    const box = L.DomUtil.create("div", "map-legend");
    box.dir = document.documentElement.dir;
    entries.filter(([, text]) => text).forEach(([colour, text]) => {
      const row = document.createElement("div");
      const swatch = document.createElement("span");
      swatch.className = "legend-swatch";
      swatch.style.backgroundColor = colour;
      row.append(swatch, text);
      box.append(row);
    });
    return box;
  };
  control.addTo(map);
  return control;
}

/* States coloured by their standing, on Natural Earth outlines (world-atlas, public domain).
   `countries` maps ISO numeric codes to {name, label, colour, url}. */
function marsadWorldMap(elementId, atlasUrl, countries) {
  const element = document.getElementById(elementId);
  if (!element || !window.L || !window.topojson) { return null; }
  const map = L.map(element, {attributionControl: true, zoomSnap: 0.25, worldCopyJump: false});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("<bdi translate=\"no\">Natural Earth</bdi>");
  map.setView([30, 20], 2);
  fetch(atlasUrl).then((response) => response.json()).then((atlas) => {
    const world = topojson.feature(atlas, atlas.objects.countries);
    const layer = L.geoJSON(world, {
      style: (feature) => {
        const entry = countries[feature.id];
        return {color: "#6c757d", weight: 0.5, fillColor: entry ? entry.colour : "#f1f3f5",
                fillOpacity: entry ? 0.9 : 0.6};
      },
      onEachFeature: (feature, item) => {
        const entry = countries[feature.id];
        if (!entry) { return; }
        const label = document.createElement("span");
        const name = document.createElement("bdi");
        name.textContent = entry.name;
        label.append(name, " — ", entry.label);
        item.bindTooltip(label, {sticky: true});
        item.on("click", () => { window.location.href = entry.url; });
      },
    }).addTo(map);
    const marked = L.featureGroup(layer.getLayers().filter((l) => countries[l.feature.id]));
    if (marked.getLayers().length) { map.fitBounds(marked.getBounds(), {padding: [10, 10], maxZoom: 4}); }
    element.dataset.ready = "1";
  });
  return map;
}

/* Governorates shaded by a count (incidents, say), from white to the ink colour. */
function marsadChoropleth(elementId, shapes, counts) {
  const element = document.getElementById(elementId);
  if (!element || !window.L) { return null; }
  const map = L.map(element, {attributionControl: true, zoomSnap: 0.25});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("<bdi translate=\"no\">OCHA COD-AB (CC BY-IGO)</bdi>");
  const highest = Math.max(1, ...Object.values(counts));
  const layer = L.geoJSON(shapes, {
    style: (feature) => {
      const share = (counts[feature.properties.pcode] || 0) / highest;
      return {color: "#0f3a4a", weight: 1, fillColor: "#0f3a4a", fillOpacity: 0.08 + 0.75 * share};
    },
    onEachFeature: (feature, item) => {
      const label = document.createElement("span");
      const name = document.createElement("bdi");
      name.textContent = feature.properties.name;
      label.append(name, ": " + (counts[feature.properties.pcode] || 0).toLocaleString(marsadLocale()));
      item.bindTooltip(label, {sticky: true});
    },
  }).addTo(map);
  if (layer.getBounds().isValid()) { map.fitBounds(layer.getBounds(), {padding: [8, 8]}); }
  element.dataset.ready = "1";
  return map;
}

/* The incident map: clusters (H3 hexagons counted by the server) when many, points when few,
   reloaded as the view moves. `query` holds the page's filters; `incidentUrl` is the page of
   incident 0 in the reader's language, the id replaced for each point; `types` the labels of
   the data's type codes in that language, given by the page. */
function marsadIncidentMap(elementId, dataUrl, query, shapes, incidentUrl, types) {
  const element = document.getElementById(elementId);
  if (!element || !window.L) { return null; }
  const map = L.map(element, {attributionControl: true, zoomSnap: 0.5, maxZoom: 18});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("<bdi translate=\"no\">OCHA COD-AB (CC BY-IGO)</bdi>");
  const outline = L.geoJSON(shapes, {style: () => ({color: "#0f3a4a", weight: 1, fillOpacity: 0.04})}).addTo(map);
  map.fitBounds(outline.getBounds(), {padding: [8, 8]});
  const markers = L.markerClusterGroup ? L.markerClusterGroup({chunkedLoading: true}) : L.layerGroup();
  markers.addTo(map);
  const status = document.getElementById(elementId + "-status");
  let request = 0;
  function load() {
    const mine = ++request;
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(5)).join(",");
    const url = dataUrl + "?" + (query ? query + "&" : "") + "zoom=" + map.getZoom() + "&bbox=" + bbox;
    fetch(url, {headers: {"Accept": "application/json"}}).then((r) => r.json()).then((data) => {
      if (mine !== request) { return; }
      markers.clearLayers();
      (data.features || []).forEach((feature) => {
        const [lon, lat] = feature.geometry.coordinates;
        const p = feature.properties;
        let marker;
        if (data.mode === "clusters") {
          const size = 18 + Math.min(40, Math.sqrt(p.count) * 2);
          marker = L.marker([lat, lon], {icon: L.divIcon({className: "hex-cluster", html: "<span>" + p.count.toLocaleString(marsadLocale()) + "</span>", iconSize: [size, size]})});
          marker.on("click", () => map.setView([lat, lon], map.getZoom() + 2));
        } else {
          marker = L.circleMarker([lat, lon], {radius: 6, color: "#7a1f1f", fillColor: "#c0504d", fillOpacity: 0.85, weight: 1});
          const link = document.createElement("a");
          link.href = incidentUrl.replace("/0/", "/" + p.id + "/");
          const type = (types && types[p.type]) || p.type_label || p.type;
          link.textContent = [marsadDigits(p.date), type, p.fatalities ? marsadNumber(p.fatalities) : ""].filter(Boolean).join(" | ");
          marker.bindPopup(link);
        }
        markers.addLayer(marker);
      });
      if (status) { status.textContent = data.features.length.toLocaleString(marsadLocale()); status.dataset.mode = data.mode; }
      element.dataset.ready = "1";
    });
  }
  map.on("moveend", load);
  load();
  return map;
}

marsadWidget("places-map", (element, data) => marsadPlacesMap(element.id, data.places,
  {area: data.legendArea, crossing: data.legendCrossing}));
/* One point (an incident's place), from data-latitude and data-longitude. */
marsadWidget("point-map", (element, data) => marsadPlacesMap(element.id, {
  type: "FeatureCollection",
  features: [{
    type: "Feature",
    geometry: {type: "Point", coordinates: [parseFloat(data.longitude), parseFloat(data.latitude)]},
    properties: {name: ""},
  }],
}));
marsadWidget("world-map", (element, data) => marsadWorldMap(element.id, data.atlas, data.map.countries));
marsadWidget("choropleth", (element, data) => marsadChoropleth(element.id, data.shapes, data.counts));
marsadWidget("incident-map", (element, data) => marsadIncidentMap(
  element.id, data.source, data.query, data.shapes, data.incidentUrl, data.types));
