// Every page: a table scrolls sideways inside its own box, never the page (narrow screens, wide tables).
(function () {
  function wrap(root) {
    root.querySelectorAll('table').forEach(function (t) {
      if (t.parentElement && !t.parentElement.classList.contains('table-scroll') && !t.closest('.map-list')) {
        var box = document.createElement('div');
        box.className = 'table-scroll';
        t.parentNode.insertBefore(box, t);
        box.appendChild(t);
      }
    });
  }
  wrap(document);
  document.addEventListener('htmx:afterSwap', function (e) { wrap(e.target); });
})();
