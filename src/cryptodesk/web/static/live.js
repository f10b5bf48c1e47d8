/* Shared by the console and the portal: a WebSocket that comes back after a drop, and
   swapping a server-rendered (already escaped) fragment into the page. */
(function () {
  "use strict";

  function socketUrl(path) {
    return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
  }

  /* Keeps one socket open to `path`; calls handlers.open(ws), .message(obj), .state(bool). */
  function keepOpen(path, handlers) {
    var attempt = 0;
    var timer = null;
    var ws = null;
    var stopped = false;
    function connect() {
      timer = null;
      ws = new WebSocket(socketUrl(path));
      ws.onopen = function () {
        attempt = 0;
        handlers.state(true);
        if (handlers.open) handlers.open(ws);
      };
      ws.onmessage = function (event) {
        var data;
        try { data = JSON.parse(event.data); } catch (e) { return; }
        if (data && typeof data === "object") handlers.message(data);
      };
      ws.onclose = function (event) {
        ws = null;
        handlers.state(false);
        if (stopped || event.code === 4401 || event.code === 4404) {
          if (handlers.refused) handlers.refused(event.code);
          return;
        }
        later();
      };
    }
    function later() {
      if (timer || stopped) return;
      var delay = Math.min(15000, 500 * Math.pow(2, attempt)) + Math.random() * 300;
      attempt += 1;
      timer = setTimeout(connect, delay);
    }
    window.addEventListener("online", function () {
      if (!ws && !stopped) { clearTimeout(timer); timer = null; connect(); }
    });
    connect();
    return {
      send: function (obj) {
        if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(obj));
      },
      stop: function () { stopped = true; if (ws) ws.close(); }
    };
  }

  /* Fetch `src` and put its element `id` in place of ours; false when signed out. */
  function swap(src, id) {
    return fetch(src, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok || response.redirected) return null;
        return response.text();
      })
      .then(function (html) {
        if (html === null) return false;
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(id);
        var current = document.getElementById(id);
        if (!fresh || !current) return false;
        current.replaceWith(document.importNode(fresh, true));
        return true;
      })
      .catch(function () { return false; });
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  window.cryptodeskLive = { keepOpen: keepOpen, swap: swap, debounce: debounce };
})();
