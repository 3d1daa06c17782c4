/* Event page: bring the evidence sentence into view inside the article column. */
(function () {
  'use strict';
  if (window.location.hash) return;  // a followed "show" link already chose the place
  var evidence = document.getElementById('span-evidence');
  var article = document.getElementById('article');
  if (evidence && article) {
    article.scrollTop = Math.max(0, evidence.offsetTop - article.offsetTop - 40);
  }
}());
