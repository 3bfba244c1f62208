// The live stream (/live): one EventSource per page; the browser reconnects by itself, and when the stream was
// closed for good (e.g. the session expired) we open a new one after a pause.
// - [data-live-feed]: a list the events are prepended to;
// - [data-live-src] with [data-live-subject="ORD-…"] (events of that subject) or [data-live-kind="order"] (any event
//   of that kind): the fragment at data-live-src is fetched again and replaces the element's content, so a timeline
//   moves without reloading the page;
// - [data-poll="N"]: the page reloads after N seconds (waiting for something another service does asynchronously).
(function () {
  'use strict';
  var feed = document.querySelector('[data-live-feed]');
  var statuses = document.querySelectorAll('[data-live-status]');
  var targets = document.querySelectorAll('[data-live-src]');
  var poll = document.querySelector('[data-poll]');
  if (poll) {
    setTimeout(function () { window.location.reload(); }, 1000 * (parseInt(poll.dataset.poll, 10) || 5));
  }
  if ((!feed && targets.length === 0) || !window.EventSource) { return; }
  var MAX_ITEMS = 50;
  var source;

  function setStatus(on) {
    Array.prototype.forEach.call(statuses, function (status) {
      status.textContent = on ? status.dataset.connected : status.dataset.reconnecting;
      status.classList.toggle('on', on);
    });
  }

  function refresh(target) {
    if (target.dataset.loading) { target.dataset.again = '1'; return; }
    target.dataset.loading = '1';
    fetch(target.dataset.liveSrc, { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) { target.innerHTML = html; } })
      .catch(function () {})
      .then(function () {
        delete target.dataset.loading;
        if (target.dataset.again) { delete target.dataset.again; refresh(target); }
      });
  }

  function show(data) {
    if (!feed) { return; }
    var item = document.createElement('li');
    item.dataset.eventId = data.id;
    var label = document.createElement('span');
    label.className = 'label';
    label.textContent = data.label;
    var text = document.createElement('span');
    text.textContent = [data.subject, data.summary, data.customerId].filter(Boolean).join(' · ');
    item.appendChild(label);
    item.appendChild(text);
    feed.insertBefore(item, feed.firstChild);
    while (feed.children.length > MAX_ITEMS) { feed.removeChild(feed.lastChild); }
  }

  function receive(event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    show(data);
    Array.prototype.forEach.call(targets, function (target) {
      if (target.dataset.liveSubject ? target.dataset.liveSubject === data.subject
          : target.dataset.liveKind === data.kind) {
        refresh(target);
      }
    });
  }

  function connect() {
    source = new EventSource('/live');
    source.addEventListener('ready', function () {
      setStatus(true);
      // whatever happened while we were away: fetch once on (re)connect
      Array.prototype.forEach.call(targets, refresh);
    });
    source.onmessage = receive;
    source.onerror = function () {
      setStatus(false);
      if (source.readyState === EventSource.CLOSED) { setTimeout(connect, 5000); }
    };
  }

  connect();
})();

if ('serviceWorker' in navigator) {
  window.addEventListener('load', function () { navigator.serviceWorker.register('/sw.js').catch(function () {}); });
}
