/* The map: offline base layer, clustered markers coloured by type and sized by fatalities. */
(function () {
  'use strict';
  var mapElement = document.getElementById('map');
  if (!mapElement || !window.L) return;
  var status = document.getElementById('map-status');
  var map = L.map(mapElement, { preferCanvas: true, minZoom: 2, maxZoom: 16 })
    .setView([34.8, 38.5], 6);
  var tiles = mapElement.getAttribute('data-tiles');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: 'tiles: configured tile server' }).addTo(map);
  } else {
    drawOfflineBase();
  }

  /* Graticule every 5 degrees and the first-level divisions' capitals as labels: the
     offline stand-in for boundaries, which no installed package ships. */
  function drawOfflineBase() {
    var lines = L.layerGroup().addTo(map);
    var style = { color: '#9fb3c4', weight: 1, opacity: 0.6, interactive: false };
    for (var lon = -180; lon <= 180; lon += 5) {
      L.polyline([[-80, lon], [80, lon]], style).addTo(lines);
    }
    for (var lat = -80; lat <= 80; lat += 5) {
      L.polyline([[lat, -180], [lat, 180]], style).addTo(lines);
    }
    fetch('/api/basemap').then(function (response) { return response.json(); })
      .then(function (data) {
        data.places.forEach(function (place) {
          var label = window.marsad.element('div', 'place-label');
          label.appendChild(window.marsad.element('span', null, place.name));
          L.marker([place.lat, place.lon], {
            icon: L.divIcon({ className: '', html: label, iconSize: [0, 0] }),
            interactive: false, keyboard: false
          }).addTo(lines);
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

  function drawn(count, total) {
    mapElement.setAttribute('data-markers', String(count));
    window.marsadMarkersDrawn = performance.now();
    status.textContent = count + ' event' + (count === 1 ? '' : 's') + ' on the map' +
      (total > count ? ' (the first ' + count + ' of ' + total + ')' : '') + '.';
  }

  var search = window.location.search;
  fetch('/api/map' + search).then(function (response) {
    if (!response.ok) throw new Error('HTTP ' + response.status);
    return response.json();
  }).then(function (data) {
    var markers = data.points.map(function (point) {
      var marker = L.marker([point[1], point[2]], {
        icon: icon(point[3], point[4]),
        title: point[3] + ', ' + (point[5] || '') + ', ' + (point[6] || 'undated')
      });
      marker.bindPopup(function () { return popup(point); });
      return marker;
    });
    var clusters = L.markerClusterGroup({
      // Large chunks: fewer yields to the event loop, markers drawn sooner.
      chunkedLoading: true, chunkInterval: 400, chunkDelay: 10,
      showCoverageOnHover: false, maxClusterRadius: 45,
      chunkProgress: function (processed, total) {
        if (processed === total) finish();
      }
    });
    var finished = false;
    function finish() {
      if (finished) return;
      finished = true;
      if (markers.length) {
        var bounds = L.latLngBounds(data.points.map(function (point) {
          return [point[1], point[2]];
        }));
        map.fitBounds(bounds, { maxZoom: 9, padding: [20, 20] });
      }
      drawn(markers.length, data.total);
    }
    map.addLayer(clusters);
    clusters.addLayers(markers);
    if (!markers.length) finish();
  }).catch(function (error) {
    status.textContent = 'Could not load the markers: ' + error.message;
  });

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
