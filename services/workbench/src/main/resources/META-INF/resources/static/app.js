// The live stream (/live): one EventSource per page; the browser reconnects by itself, and when the stream was
// closed for good (e.g. the session expired) we open a new one after a pause.
(function () {
  'use strict';
  var feed = document.querySelector('[data-live-feed]');
  var status = document.querySelector('[data-live-status]');
  if (!feed || !window.EventSource) { return; }
  var MAX_ITEMS = 50;
  var source;

  function setStatus(on) {
    if (!status) { return; }
    status.textContent = on ? status.dataset.connected : status.dataset.reconnecting;
    status.classList.toggle('on', on);
  }

  function show(event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
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

  function connect() {
    source = new EventSource('/live');
    source.addEventListener('ready', function () { setStatus(true); });
    source.onmessage = show;
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
