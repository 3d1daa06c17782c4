/* The timeline: stacked bars of events per day or week and type, drawn as SVG.
   Dragging across bars (or Enter on a focused bar) filters the page to those dates. */
(function () {
  'use strict';
  var box = document.getElementById('timeline');
  if (!box) return;
  var SVG = 'http://www.w3.org/2000/svg';
  var DAY = 86400000;

  function svgNode(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, String(attributes[name]));
    });
    return node;
  }
  function toDay(text) { return Date.parse(text + 'T00:00:00Z'); }
  function toText(time) { return new Date(time).toISOString().slice(0, 10); }

  /* Every bucket from the first to the last, empty ones included, so time is to scale. */
  function buckets(data) {
    var counts = {};
    data.series.forEach(function (item) { counts[item.date] = item.counts; });
    var step = data.bucket === 'week' ? 7 * DAY : DAY;
    var first = toDay(data.series[0].date);
    var last = toDay(data.series[data.series.length - 1].date);
    var all = [];
    for (var time = first; time <= last; time += step) {
      var day = toText(time);
      all.push({ start: day, end: toText(time + step - DAY), counts: counts[day] || {} });
    }
    return all;
  }

  function draw(data) {
    document.getElementById('timeline-bucket').textContent =
      data.series.length ? '(events per ' + data.bucket + ')' : '';
    if (!data.series.length) {
      box.appendChild(window.marsad.element('p', 'hint', 'No dated event matches.'));
      return;
    }
    var all = buckets(data);
    var width = Math.max(box.clientWidth, 300);
    var height = 260;
    var left = 34, right = 8, top = 10, bottom = 40;
    var slot = (width - left - right) / all.length;
    var totals = all.map(function (bucket) {
      return Object.keys(bucket.counts).reduce(function (sum, key) {
        return sum + bucket.counts[key];
      }, 0);
    });
    var peak = Math.max.apply(null, totals.concat([1]));
    var scale = (height - top - bottom) / peak;
    var svg = svgNode('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'group',
                               'aria-label': 'Events per ' + data.bucket });
    svg.appendChild(svgNode('line', { x1: left, x2: width - right, y1: height - bottom,
                                      y2: height - bottom, stroke: '#8895a0' }));
    var peakLabel = svgNode('text', { x: left - 4, y: top + 10, 'text-anchor': 'end',
                                      class: 'axis' });
    peakLabel.textContent = String(peak);
    svg.appendChild(peakLabel);

    var every = Math.max(1, Math.ceil(all.length / 6));
    all.forEach(function (bucket, index) {
      var x = left + index * slot;
      var group = svgNode('g', { class: 'bucket', tabindex: 0, role: 'button',
                                 'data-index': index,
                                 'aria-label': bucket.start + ': ' + totals[index] + ' events' });
      var title = svgNode('title');
      title.textContent = bucket.start + (bucket.end !== bucket.start ? ' – ' + bucket.end : '') +
        ': ' + totals[index] + ' events';
      group.appendChild(title);
      group.appendChild(svgNode('rect', { class: 'hit', x: x, y: top, width: slot,
                                          height: height - top - bottom }));
      var y = height - bottom;
      data.types.forEach(function (eventType) {
        var count = bucket.counts[eventType] || 0;
        if (!count) return;
        var barHeight = count * scale;
        y -= barHeight;
        group.appendChild(svgNode('rect', {
          class: window.marsad.typeClass(eventType), x: x + Math.min(1, slot * 0.1), y: y,
          width: Math.max(slot - Math.min(2, slot * 0.2), 0.5), height: barHeight
        }));
      });
      group.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          select(index, index);
        }
      });
      svg.appendChild(group);
      if (index % every === 0) {
        var label = svgNode('text', { x: x, y: height - bottom + 16, class: 'axis' });
        label.textContent = bucket.start;
        svg.appendChild(label);
      }
    });

    var brush = svgNode('rect', { class: 'brush', x: 0, y: top, width: 0,
                                  height: height - top - bottom, visibility: 'hidden' });
    svg.appendChild(brush);
    box.appendChild(svg);

    function indexAt(clientX) {
      var bounds = svg.getBoundingClientRect();
      var x = (clientX - bounds.left) * (width / bounds.width);
      return Math.max(0, Math.min(all.length - 1, Math.floor((x - left) / slot)));
    }
    function select(first, last) {
      window.marsad.applyFilters({ date_from: all[Math.min(first, last)].start,
                                   date_to: all[Math.max(first, last)].end });
    }
    var anchor = null;
    svg.addEventListener('pointerdown', function (event) {
      anchor = indexAt(event.clientX);
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener('pointermove', function (event) {
      if (anchor === null) return;
      var current = indexAt(event.clientX);
      var first = Math.min(anchor, current), last = Math.max(anchor, current);
      brush.setAttribute('x', String(left + first * slot));
      brush.setAttribute('width', String((last - first + 1) * slot));
      brush.setAttribute('visibility', 'visible');
    });
    svg.addEventListener('pointerup', function (event) {
      if (anchor === null) return;
      var current = indexAt(event.clientX);
      var first = anchor;
      anchor = null;
      select(first, current);
    });
  }

  fetch('/api/timeline' + window.location.search)
    .then(function (response) { return response.json(); })
    .then(draw)
    .catch(function (error) {
      box.appendChild(window.marsad.element('p', 'error', 'Could not load: ' + error.message));
    });
}());
