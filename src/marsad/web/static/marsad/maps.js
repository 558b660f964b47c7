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
