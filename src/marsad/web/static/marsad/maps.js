/* Maps of Marsad. No tile server is reached (the system works offline): places are drawn from
   their own geometries, the OCHA governorate polygons and crossing points. */
"use strict";

function marsadPlacesMap(elementId, featureCollection) {
  const element = document.getElementById(elementId);
  if (!element || !window.L) { return null; }
  const map = L.map(element, {attributionControl: true, zoomSnap: 0.25});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("OCHA COD-AB (CC BY-IGO)");
  const layer = L.geoJSON(featureCollection, {
    style: () => ({color: "#0f3a4a", weight: 1.5, fillColor: "#7fb3c4", fillOpacity: 0.35}),
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, {
      radius: 7, color: "#7a4a0c", weight: 2, fillColor: "#c8872b", fillOpacity: 0.9,
    }),
    onEachFeature: (feature, item) => {
      const props = feature.properties || {};
      const label = document.createElement("bdi");
      label.textContent = props.name + (props.pcode ? " (" + props.pcode + ")" : "");
      item.bindTooltip(label, {sticky: true});
      if (props.url) {
        item.on("click", () => { window.location.href = props.url; });
      }
    },
  }).addTo(map);
  const bounds = layer.getBounds();
  if (bounds.isValid()) {
    map.fitBounds(bounds, {padding: [12, 12], maxZoom: 13});
  } else {
    map.setView([31.42, 34.38], 10);
  }
  return map;
}

/* States coloured by their standing, on Natural Earth outlines (world-atlas, public domain).
   `countries` maps ISO numeric codes to {name, label, colour, url}. */
function marsadWorldMap(elementId, atlasUrl, countries) {
  const element = document.getElementById(elementId);
  if (!element || !window.L || !window.topojson) { return null; }
  const map = L.map(element, {attributionControl: true, zoomSnap: 0.25, worldCopyJump: false});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth");
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
