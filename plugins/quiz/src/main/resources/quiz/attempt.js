// The attempt page's autosave and countdown (no library). Every few seconds each changed answer is sent to the REST
// API with the sequence number the page last saw; the server answers the next one, or refuses a stale save (409).
// The countdown shows the server's deadline, corrected for the difference between the server's and this clock.
(function () {
  'use strict';
  var form = document.querySelector('form[data-attempt]');
  if (!form) return;
  var id = form.getAttribute('data-attempt');
  var token = form.querySelector('input[name="_csrf"]').value;
  var every = Number(form.getAttribute('data-autosave')) || 5000;
  var status = document.getElementById('quiz-autosave');
  var countdown = document.getElementById('quiz-countdown');
  var stopped = false;
  var running = false;

  function slots() {
    return Array.prototype.map.call(form.querySelectorAll('input[name^="seq"]'), function (s) { return s.name.substring(3); });
  }

  // the same value the server builds from the form: the values of a field name, trimmed, joined with commas
  function value(slot) {
    var parts = [];
    Array.prototype.forEach.call(form.elements, function (e) {
      if (e.name !== 'q' + slot) return;
      if ((e.type === 'radio' || e.type === 'checkbox') && !e.checked) return;
      parts.push(e.value.trim());
    });
    return parts.join(',');
  }

  var saved = {};
  slots().forEach(function (slot) { saved[slot] = value(slot); });

  function show(text, bad) {
    if (!status) return;
    status.textContent = text;
    status.className = bad ? 'small text-danger' : 'small text-body-secondary';
  }

  function saveOne(slot) {
    var v = value(slot);
    if (v === saved[slot]) return Promise.resolve(false);
    var seq = form.querySelector('input[name="seq' + slot + '"]');
    return fetch('/api/quiz/attempts/' + id + '/answers/' + slot, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': token},
      body: JSON.stringify({response: v, sequence: Number(seq.value)})
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (r.ok) {
          seq.value = body.sequence;
          saved[slot] = v;
          return true;
        }
        stopped = r.status === 409 || r.status === 404;
        throw new Error(body.detail || form.getAttribute('data-failed'));
      });
    });
  }

  function saveAll() {
    if (running || stopped) return;
    running = true;
    var chain = Promise.resolve(false);
    var any = false;
    slots().forEach(function (slot) {
      chain = chain.then(function () { return saveOne(slot); }).then(function (did) { any = any || did; });
    });
    chain.then(function () {
      if (any) show(form.getAttribute('data-saved') + ' ' + new Date().toLocaleTimeString());
    }).catch(function (e) {
      show(e.message, true);
    }).then(function () { running = false; });
  }

  setInterval(saveAll, every);

  var deadline = form.getAttribute('data-deadline');
  if (countdown && deadline) {
    var skew = Date.parse(form.getAttribute('data-now')) - Date.now();
    var end = Date.parse(deadline);
    var tick = function () {
      var left = Math.max(0, Math.floor((end - (Date.now() + skew)) / 1000));
      var h = Math.floor(left / 3600);
      var m = Math.floor(left % 3600 / 60);
      var s = left % 60;
      countdown.textContent = form.getAttribute('data-left') + ' ' + (h > 0 ? h + ':' : '') + (h > 0 && m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
      if (left === 0) {
        clearInterval(timer);
        countdown.textContent = form.getAttribute('data-timeup');
        saveAll();
        setTimeout(function () { window.location.reload(); }, 1500); // the server closes the attempt as the quiz says
      }
    };
    var timer = setInterval(tick, 1000);
    tick();
  }
}());
