/* First-level division (province) outlines of the offline base layer, from
   /api/boundaries/admin1 (Natural Earth admin-1 TopoJSON, see marsad.web.outlines).

   Why this shape: the whole world's divisions are ~200,000 points; meshing them all takes
   ~0.3 s of the main thread and Leaflet re-projects every path it holds on each zoom. So a
   country's inner borders (shared borders once; coastlines and country borders are the
   country layer's) are meshed when the country first comes into view, and its layer is
   only kept on the map while it is in view and the map is zoomed in to ADMIN1_ZOOM or
   closer. A click on the map there names the division under it and offers its events
   (the admin1 filter takes our names, which the server put on the outlines). */
(function () {
  'use strict';
  // Below this zoom the provinces would be a grey blur; the province labels stay.
  var ADMIN1_ZOOM = 5;
  var STYLE = { color: '#9d9385', weight: 0.7, opacity: 0.9 };

  /* Is [lon, lat] inside this ring (ray casting)? */
  function inRing(point, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      var a = ring[i];
      var b = ring[j];
      if ((a[1] > point[1]) !== (b[1] > point[1]) &&
          point[0] < (b[0] - a[0]) * (point[1] - a[1]) / (b[1] - a[1]) + a[0]) {
        inside = !inside;
      }
    }
    return inside;
  }

  function inPolygon(point, rings) {
    if (!inRing(point, rings[0])) return false;
    for (var i = 1; i < rings.length; i += 1) if (inRing(point, rings[i])) return false;
    return true;
  }

  function contains(feature, point) {
    var geometry = feature.geometry;
    if (!geometry) return false;
    if (geometry.type === 'Polygon') return inPolygon(point, geometry.coordinates);
    if (geometry.type !== 'MultiPolygon') return false;
    return geometry.coordinates.some(function (rings) { return inPolygon(point, rings); });
  }

  /* One entry per country: its divisions' geometries and its extent (``country_bbox``,
     added by the server); its inner borders are meshed when it first comes into view. */
  function countries(topology) {
    var byCountry = {};
    topology.objects.admin1.geometries.forEach(function (geometry) {
      var iso = (geometry.properties && geometry.properties.iso) || '';
      (byCountry[iso] = byCountry[iso] || []).push(geometry);
    });
    var boxes = topology.country_bbox || {};
    return Object.keys(byCountry).filter(function (iso) {
      return byCountry[iso].length > 1 && boxes[iso];  // one division: no inner border
    }).map(function (iso) {
      var box = boxes[iso];
      return { iso: iso, geometries: byCountry[iso], layer: null,
               bounds: L.latLngBounds([box[1], box[0]], [box[3], box[2]]) };
    });
  }

  /* The Leaflet layer of a country's inner borders (each shared border once). */
  function innerBorders(topology, entry, renderer) {
    var collection = { type: 'GeometryCollection', geometries: entry.geometries };
    var lines = window.topojson.mesh(topology, collection, function (a, b) { return a !== b; });
    return L.geoJSON(lines, { renderer: renderer, interactive: false, style: STYLE });
  }

  /* Draw the outlines of ``topology`` on ``map`` (in ``pane``) from ADMIN1_ZOOM on; the
     number of countries whose provinces are drawn is kept in ``data-admin1``. */
  function draw(map, mapElement, topology, pane) {
    var renderer = L.canvas({ pane: pane, padding: 0.3 });
    var entries = countries(topology);

    function update() {
      var near = map.getZoom() >= ADMIN1_ZOOM;
      var view = map.getBounds().pad(0.3);
      var shown = 0;
      entries.forEach(function (entry) {
        var wanted = near && view.intersects(entry.bounds);
        if (wanted) {
          shown += 1;
          if (!entry.layer) entry.layer = innerBorders(topology, entry, renderer);
          if (!map.hasLayer(entry.layer)) entry.layer.addTo(map);
        } else if (entry.layer && map.hasLayer(entry.layer)) {
          map.removeLayer(entry.layer);
        }
      });
      mapElement.setAttribute('data-admin1', String(shown));
    }

    /* The division under ``latlng`` (its GeoJSON feature), or null. */
    function divisionAt(latlng) {
      var point = [latlng.lng, latlng.lat];
      for (var i = 0; i < entries.length; i += 1) {
        if (!entries[i].bounds.contains(latlng)) continue;
        var geometries = entries[i].geometries;
        for (var j = 0; j < geometries.length; j += 1) {
          var feature = window.topojson.feature(topology, geometries[j]);
          if (contains(feature, point)) return feature;
        }
      }
      return null;
    }

    function popup(properties) {
      var box = window.marsad.element('div', 'popup province');
      box.appendChild(window.marsad.element('h3', null, properties.admin1 || properties.name));
      if (properties.admin1) {
        var button = window.marsad.element('button', 'filter-admin1',
                                           'Show events in ' + properties.admin1);
        button.type = 'button';
        button.addEventListener('click', function () {
          window.marsad.applyFilters({ admin1: properties.admin1 });
        });
        box.appendChild(button);
      } else {
        box.appendChild(window.marsad.element('p', null, 'Not in marsad\'s province list (resources/admin1.csv): filter by country.'));
      }
      return box;
    }

    map.on('click', function (event) {
      if (map.getZoom() < ADMIN1_ZOOM) return;
      var found = divisionAt(event.latlng);
      if (found) L.popup().setLatLng(event.latlng).setContent(popup(found.properties)).openOn(map);
    });
    map.on('moveend', update);
    update();
    window.marsadAdmin1Drawn = performance.now();  // read by benchmarks/web_bench.py
    return { divisionAt: divisionAt };
  }

  window.marsadOutlines = { draw: draw, ADMIN1_ZOOM: ADMIN1_ZOOM };
}());
