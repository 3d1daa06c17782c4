/* The map: offline base layer (country and province outlines, province labels), clustered markers
   coloured by type and sized by fatalities. Clustering: cluster.js. */
(function () {
  'use strict';
  var mapElement = document.getElementById('map');
  if (!mapElement || !window.L || !window.marsadCluster) return;
  var cluster = window.marsadCluster;
  var status = document.getElementById('map-status');
  var MAX_ZOOM = 16;
  // From this zoom on every event in view is its own marker (clusters would not split).
  var SINGLE_ZOOM = 12;
  // Screen cells (pixels) whose events become one cluster.
  var CELL = 60;
  var map = L.map(mapElement, { preferCanvas: true, minZoom: 2, maxZoom: MAX_ZOOM })
    .setView([34.8, 38.5], 6);
  // Settled once the markers are drawn (or could not be): the outlines, costlier to
  // build, are drawn after them so the events show first.
  var markersSettled;
  var markersReady = new Promise(function (resolve) { markersSettled = resolve; });
  var tiles = mapElement.getAttribute('data-tiles');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: 'tiles: configured tile server' }).addTo(map);
  } else {
    drawOfflineBase();
  }

  /* Land and country borders (Natural Earth 1:50m via the vendored world-atlas TopoJSON),
     province borders from zoom 5 on (Natural Earth admin-1, outlines.js), each on its own
     canvas so the provinces' lines lie over the land and under the country borders; and
     the first-level divisions' capitals as labels. */
  function drawOfflineBase() {
    map.createPane('land').style.zIndex = 240;
    map.createPane('admin1').style.zIndex = 245;
    map.createPane('base').style.zIndex = 250;
    var renderer = L.canvas({ pane: 'base', padding: 0.3 });
    var landRenderer = L.canvas({ pane: 'land', padding: 0.3 });
    var outlines = fetch('/api/boundaries').then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
    Promise.all([outlines, markersReady]).then(function (loaded) {
      var world = loaded[0];
      var countries = world.objects.countries;
      L.geoJSON(window.topojson.feature(world, world.objects.land), {
        renderer: landRenderer, interactive: false,
        style: { stroke: false, fillColor: '#f6f3ea', fillOpacity: 1 }
      }).addTo(map);
      L.geoJSON(window.topojson.mesh(world, countries, function (a, b) { return a !== b; }), {
        renderer: renderer, interactive: false,
        style: { color: '#8a7f72', weight: 1, opacity: 0.8, dashArray: '4 3' }
      }).addTo(map);
      mapElement.setAttribute('data-boundaries', String(countries.geometries.length));
    }).catch(function () {
      mapElement.setAttribute('data-boundaries', '0');
    });
    // Fetched once the markers are drawn: 0.7 MB (gzipped) the first view does not need.
    markersReady.then(function () {
      return fetch('/api/boundaries/admin1');
    }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    }).then(function (topology) {
      // outlines.js is deferred (off the markers' path): run once it is there.
      if (window.marsadOutlines) {
        window.marsadOutlines.draw(map, mapElement, topology, 'admin1');
      } else {
        window.addEventListener('load', function () {
          window.marsadOutlines.draw(map, mapElement, topology, 'admin1');
        });
      }
    }).catch(function () {
      mapElement.setAttribute('data-admin1', '-1');
    });
    fetch('/api/basemap').then(function (response) { return response.json(); })
      .then(function (data) {
        var labels = L.layerGroup().addTo(map);
        data.places.forEach(function (place) {
          var label = window.marsad.element('div', 'place-label');
          label.appendChild(window.marsad.element('span', null, place.name));
          L.marker([place.lat, place.lon], {
            icon: L.divIcon({ className: '', html: label, iconSize: [0, 0] }),
            interactive: false, keyboard: false
          }).addTo(labels);
        });
      });
  }

  function markerSize(fatalities) {
    if (fatalities >= 100) return 30;
    if (fatalities >= 20) return 24;
    if (fatalities >= 5) return 19;
    if (fatalities >= 1) return 15;
    return 11;
  }

  var icons = {};
  function icon(eventType, fatalities) {
    var size = markerSize(fatalities);
    var key = eventType + '|' + size;
    if (!icons[key]) {
      icons[key] = L.divIcon({
        className: 'ev-marker ' + window.marsad.typeClass(eventType), iconSize: [size, size]
      });
    }
    return icons[key];
  }

  function popup(point) {
    var box = window.marsad.element('div', 'popup');
    box.appendChild(window.marsad.element('h3', null, point[3]));
    box.appendChild(window.marsad.element('p', null, (point[5] || 'unknown place') + ', ' +
                                          (point[6] || 'undated')));
    box.appendChild(window.marsad.element('p', null, 'Fatalities: ' + point[4]));
    var link = window.marsad.element('a', 'open-event', 'Open the event');
    link.href = '/events/' + encodeURIComponent(point[0]);
    box.appendChild(link);
    return box;
  }

  function single(point) {
    var marker = L.marker([point[1], point[2]], {
      icon: icon(point[3], point[4]),
      title: point[3] + ', ' + (point[5] || '') + ', ' + (point[6] || 'undated')
    });
    marker.bindPopup(function () { return popup(point); });
    return marker;
  }

  function group(points, found) {
    var count = found.members.length;
    var size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
    var inner = window.marsad.element('div');
    inner.appendChild(window.marsad.element('span', null, count));
    var marker = L.marker([found.lat, found.lon], {
      icon: L.divIcon({ html: inner, className: 'marker-cluster marker-cluster-' + size,
                        iconSize: [40, 40] }),
      title: count + ' events: zoom in'
    });
    marker.on('click', function () {
      var bounds = L.latLngBounds(found.members.map(function (index) {
        return [points[index][1], points[index][2]];
      }));
      var zoom = Math.min(map.getBoundsZoom(bounds, false, [40, 40]), SINGLE_ZOOM);
      // Always zoom in at least one level, so the cluster splits (or turns to markers).
      map.setView(bounds.getCenter(), Math.max(zoom, map.getZoom() + 1));
    });
    return marker;
  }

  var layer = L.layerGroup().addTo(map);
  var data = null;
  var projected = null;
  // An open popup pans the map into view (moveend); redrawing then would remove the marker
  // under the popup and rebuild it while the user reaches for its link. Redraw on close.
  var popupOpen = false;
  map.on('popupopen', function () { popupOpen = true; });
  map.on('popupclose', function () { popupOpen = false; draw(); });

  /* Draw the events in (a bit beyond) the current view: clusters below SINGLE_ZOOM. */
  function draw() {
    if (!data || popupOpen) return;
    var zoom = map.getZoom();
    var pixels = map.getPixelBounds();
    var margin = CELL * 2;
    var box = [pixels.min.x - margin, pixels.min.y - margin,
               pixels.max.x + margin, pixels.max.y + margin];
    var cells = cluster.grid(data.points, projected, zoom, box,
                             zoom >= SINGLE_ZOOM ? 0 : CELL);
    var markers = cells.singles.map(function (index) { return single(data.points[index]); })
      .concat(cells.clusters.map(function (found) { return group(data.points, found); }));
    // Those in view first (Tab order, and the first marker is one you can see); the margin
    // beyond the view only keeps a short pan from showing empty edges.
    var view = map.getBounds();
    var inView = markers.filter(function (marker) { return view.contains(marker.getLatLng()); });
    var outside = markers.filter(function (marker) { return !view.contains(marker.getLatLng()); });
    layer.clearLayers();
    inView.concat(outside).forEach(function (marker) { layer.addLayer(marker); });
  }

  function drawn(count, total) {
    mapElement.setAttribute('data-markers', String(count));
    window.marsadMarkersDrawn = performance.now();
    status.textContent = count + ' event' + (count === 1 ? '' : 's') + ' on the map' +
      (total > count ? ' (the first ' + count + ' of ' + total + ')' : '') + '.';
  }

  function fit(points, everything) {
    var bounds = everything ? L.latLngBounds(points.map(function (point) {
      return [point[1], point[2]];
    })) : L.latLngBounds(cluster.focus(points, 10, 0.5));
    map.fitBounds(bounds, { maxZoom: 9, padding: [20, 20], animate: false });
  }

  var search = window.location.search;
  fetch('/api/map' + search).then(function (response) {
    if (!response.ok) throw new Error('HTTP ' + response.status);
    return response.json();
  }).then(function (answer) {
    data = answer;
    projected = cluster.projectAll(answer.points);
    if (answer.points.length) fit(answer.points, false);
    draw();
    map.on('moveend', draw);
    drawn(answer.points.length, answer.total);
    markersSettled();
  }).catch(function (error) {
    status.textContent = 'Could not load the markers: ' + error.message;
    markersSettled();
  });

  var allButton = document.getElementById('fit-all');
  if (allButton) {
    allButton.addEventListener('click', function () {
      if (data && data.points.length) fit(data.points, true);
    });
  }

  var viewButton = document.getElementById('use-view');
  if (viewButton) {
    viewButton.addEventListener('click', function () {
      var bounds = map.getBounds();
      var clamp = function (value, limit) { return Math.max(-limit, Math.min(limit, value)); };
      window.marsad.applyFilters({
        bbox: [clamp(bounds.getWest(), 180), clamp(bounds.getSouth(), 90),
               clamp(bounds.getEast(), 180), clamp(bounds.getNorth(), 90)]
          .map(function (value) { return value.toFixed(4); }).join(',')
      });
    });
  }
}());
