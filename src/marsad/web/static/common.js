/* Shared helpers of the desk's scripts (no framework, no network beyond this origin). */
(function () {
  'use strict';
  window.marsad = {
    /* CSS class of an event type's colour; the server's type_class() gives the same. */
    typeClass: function (eventType) {
      var slug = String(eventType || '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
      return 'ev-' + slug.replace(/^-+|-+$/g, '');
    },
    /* Build an element with text content only: untrusted strings never become markup. */
    element: function (tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined && text !== null) node.textContent = String(text);
      return node;
    },
    /* Set filter fields of the page's form and submit it (the URL stays shareable). */
    applyFilters: function (values) {
      var form = document.getElementById('filters');
      Object.keys(values).forEach(function (name) {
        var input = form.elements.namedItem(name);
        if (!input) {
          input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          form.appendChild(input);
        }
        input.value = values[name];
      });
      form.submit();
    }
  };
}());
