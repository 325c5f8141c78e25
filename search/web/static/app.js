// Faro's progressive enhancements. Every page works without this file; it
// only adds: suggestions under the search box as you type (a native
// datalist: arrow keys and Enter pick one), a filters toggle on narrow
// screens, "/" to focus the search box, focus kept on the facet link followed with the keyboard, and a busy
// bar while a slow page loads. Loaded in <head> without defer so the "js" class is set
// before the first paint (no flash of the open filters on phones).
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');

  var store = {
    get: function (k) { try { return window.sessionStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { window.sessionStorage.setItem(k, v); } catch (e) { /* private mode */ } },
    del: function (k) { try { window.sessionStorage.removeItem(k); } catch (e) { /* private mode */ } }
  };

  function busy(on) {
    root.classList.toggle('busy', on);
    var main = document.getElementById('main');
    if (main) {
      if (on) { main.setAttribute('aria-busy', 'true'); } else { main.removeAttribute('aria-busy'); }
    }
  }

  function ready() {
    var aside = document.getElementById('filters');
    var toggle = document.querySelector('.filter-toggle');
    function setOpen(open) {
      aside.classList.toggle('open', open);
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    if (aside && toggle) {
      toggle.addEventListener('click', function () { setOpen(!aside.classList.contains('open')); });
      if (store.get('faro.filters') === 'open') { setOpen(true); }
    }
    store.del('faro.filters');

    // Put the focus back on the facet value that was followed, so a
    // keyboard user can go on choosing.
    var back = store.get('faro.focus');
    store.del('faro.focus');
    if (back) {
      var parts = back.split('\n');
      var links = document.querySelectorAll('.facet a.fv');
      for (var i = 0; i < links.length; i++) {
        var sec = links[i].closest('.facet');
        if (sec && sec.getAttribute('data-facet') === parts[0] && links[i].getAttribute('data-value') === parts[1]) {
          var more = links[i].closest('details');
          if (more) { more.open = true; }
          links[i].focus();
          break;
        }
      }
    }

    var q = document.getElementById('q');
    document.addEventListener('keydown', function (e) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || !q) { return; }
      var t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
      e.preventDefault();
      q.focus();
      q.select();
    });

    document.addEventListener('submit', function () { busy(true); });
    document.addEventListener('click', function (e) {
      var a = e.target.closest ? e.target.closest('a[href]') : null;
      if (!a || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) { return; }
      if (a.origin !== location.origin || /\/file$|^\/api\/|\.atom$/.test(a.pathname)) { return; }
      if (a.pathname === location.pathname && a.search === location.search && a.hash) { return; }
      if (a.classList.contains('fv')) {
        var sec = a.closest('.facet');
        // detail is 0 when the keyboard (Enter) followed the link.
        if (sec && e.detail === 0) { store.set('faro.focus', sec.getAttribute('data-facet') + '\n' + a.getAttribute('data-value')); }
        if (aside && aside.classList.contains('open')) { store.set('faro.filters', 'open'); }
      }
      busy(true);
    });
    // Back from the back/forward cache: nothing is loading.
    window.addEventListener('pageshow', function () { busy(false); });
    suggestions();
  }

  // suggestions fills the search box's datalist from /api/v1/suggest as
  // the user types (after a short pause; stale answers are dropped).
  function suggestions() {
    var box = document.getElementById('q');
    var list = document.getElementById('suggestions');
    if (!box || !list || !window.fetch) { return; }
    var timer = null, seq = 0;
    box.addEventListener('input', function () {
      clearTimeout(timer);
      var text = box.value;
      if (text.trim().length < 2) { list.innerHTML = ''; return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        var ui = root.getAttribute('lang') || 'en';
        fetch('/api/v1/suggest?q=' + encodeURIComponent(text) + '&lang=' + encodeURIComponent(ui))
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (d) {
            if (mine !== seq) { return; }
            list.innerHTML = '';
            (d.suggestions || []).forEach(function (s) {
              var o = document.createElement('option');
              o.value = s.text;
              o.label = s.kind + ' · ' + s.count;
              list.appendChild(o);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 120);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
}());
