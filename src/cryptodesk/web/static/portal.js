/* The portal's conversation page: replies appear as they arrive. */
(function () {
  "use strict";
  var live = window.cryptodeskLive;
  var thread = document.getElementById("thread");
  if (!thread) return;
  var refresh = live.debounce(function () {
    live.swap(thread.getAttribute("data-src"), "thread-list");
  }, 150);
  live.keepOpen("/ws/conversations/" + encodeURIComponent(thread.getAttribute("data-conversation")), {
    state: function () {},
    open: function (ws) {
      var items = document.querySelectorAll("#thread-list li[id^='m']");
      var last = items.length ? parseInt(items[items.length - 1].id.slice(1), 10) || 0 : 0;
      ws.send(JSON.stringify({ type: "hello", after_id: last }));
    },
    message: function (data) {
      if (data.type === "message" || data.type === "changed") refresh();
    }
  });
})();
