/* Grid clustering of map points for the current view, and the view to open the map on.

   Why our own and not Leaflet.markercluster: that plugin builds a cluster tree over every
   zoom level for every marker before it draws anything, about 1.5 s for 20,000 events on a
   laptop. Here the points are projected once (zoom 0) and, on each move, only those in
   view are counted into square cells of the screen: a few milliseconds, and only the
   cells (tens to hundreds of DOM markers) are drawn. Pure functions: map.js draws.
   A point is [event_id, lat, lon, event_type, fatalities, place, date] (/api/map). */
(function () {
  'use strict';

  var RADIANS = Math.PI / 180;

  /* Web Mercator at zoom 0 (a 256-pixel world), the projection Leaflet's default CRS uses. */
  function project(lat, lon) {
    var clamped = Math.max(-85.0511287798, Math.min(85.0511287798, lat));
    var sin = Math.sin(clamped * RADIANS);
    return [256 * (lon + 180) / 360,
            256 * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI))];
  }

  /* Projected x, y of every point, in one flat array (computed once per data set). */
  function projectAll(points) {
    var xy = new Float64Array(points.length * 2);
    for (var i = 0; i < points.length; i++) {
      var p = project(points[i][1], points[i][2]);
      xy[2 * i] = p[0];
      xy[2 * i + 1] = p[1];
    }
    return xy;
  }

  /* Count the points inside the pixel box [minX, minY, maxX, maxY] (at `zoom`) into cells of
     `cell` pixels (0: no clustering, every point a single). Returns {singles: [index], clusters: [{members: [index], lat, lon}]};
     a cluster's position is its members' mean. */
  function grid(points, xy, zoom, box, cell) {
    var scale = Math.pow(2, zoom);
    var cells = new Map();
    var order = [];
    var singles = [];
    var clusters = [];
    for (var i = 0; i < points.length; i++) {
      var x = xy[2 * i] * scale;
      var y = xy[2 * i + 1] * scale;
      if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) continue;
      if (!(cell > 0)) {
        singles.push(i);
        continue;
      }
      var key = Math.floor(x / cell) * 1048576 + Math.floor(y / cell);
      var found = cells.get(key);
      if (!found) {
        found = [];
        cells.set(key, found);
        order.push(key);
      }
      found.push(i);
    }
    order.forEach(function (key) {
      var members = cells.get(key);
      if (members.length === 1) {
        singles.push(members[0]);
        return;
      }
      var lat = 0;
      var lon = 0;
      members.forEach(function (index) {
        lat += points[index][1];
        lon += points[index][2];
      });
      clusters.push({ members: members, lat: lat / members.length, lon: lon / members.length });
    });
    return { singles: singles, clusters: clusters };
  }

  function quantile(sorted, share) {
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(share * (sorted.length - 1))))];
  }

  /* [[south, west], [north, east]] of where most events are, for the first view: the
     densest `span`-degree square and its neighbours when they hold more than `share` of
     the points (else all points), trimmed to their 1st-99th percentiles so a few far-away
     places (an event in the United States among thousands in Syria) do not zoom the map
     out to the whole world. Null without points. */
  function focus(points, span, share) {
    if (!points.length) return null;
    var counts = new Map();
    var best = null;
    var bestCount = 0;
    points.forEach(function (point) {
      var key = Math.floor(point[1] / span) + ':' + Math.floor(point[2] / span);
      var count = (counts.get(key) || 0) + 1;
      counts.set(key, count);
      if (count > bestCount) {
        bestCount = count;
        best = [Math.floor(point[1] / span), Math.floor(point[2] / span)];
      }
    });
    var near = points.filter(function (point) {
      return Math.abs(Math.floor(point[1] / span) - best[0]) <= 1 &&
        Math.abs(Math.floor(point[2] / span) - best[1]) <= 1;
    });
    var chosen = near.length > share * points.length ? near : points;
    var lats = chosen.map(function (point) { return point[1]; }).sort(function (a, b) { return a - b; });
    var lons = chosen.map(function (point) { return point[2]; }).sort(function (a, b) { return a - b; });
    return [[quantile(lats, 0.01), quantile(lons, 0.01)], [quantile(lats, 0.99), quantile(lons, 0.99)]];
  }

  window.marsadCluster = { project: project, projectAll: projectAll, grid: grid, focus: focus };
}());
