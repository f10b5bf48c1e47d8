/* The agent console live: queues and the open ticket refresh when the desk says so, the
   customer's typing shows, and ours is relayed. */
(function () {
  "use strict";
  var live = window.cryptodeskLive;
  var inbox = document.getElementById("inbox");
  var ticket = document.getElementById("ticket");
  var transcript = document.getElementById("transcript");
  var badge = document.getElementById("live");
  var typing = document.getElementById("typing");
  var typingTimer = null;

  function refreshInbox() {
    if (!inbox) return;
    var focused = document.activeElement && document.activeElement.getAttribute("href");
    live.swap(inbox.getAttribute("data-src"), "rows").then(function (ok) {
      if (!ok) return;
      document.querySelectorAll("[data-count-for]").forEach(function (node) {
        var count = document.querySelector('.count[data-queue="' + node.getAttribute("data-count-for") + '"]');
        if (count) count.textContent = node.textContent;
      });
      if (focused) {
        var again = document.querySelector('#rows a[href="' + focused + '"]');
        if (again) again.focus();
      }
    });
  }

  function refreshThread() {
    if (!transcript) return;
    live.swap(transcript.getAttribute("data-src"), "thread-list").then(function (ok) {
      if (ok && typing) typing.hidden = true;
    });
  }

  var onInbox = live.debounce(refreshInbox, 250);
  var onThread = live.debounce(refreshThread, 150);
  var path = "/ws/console" + (ticket ? "?ticket=" + encodeURIComponent(ticket.getAttribute("data-ticket")) : "");

  var line = live.keepOpen(path, {
    state: function (on) {
      if (!badge) return;
      badge.textContent = badge.getAttribute(on ? "data-on" : "data-off");
      badge.classList.toggle("on", on);
    },
    open: function () { onInbox(); onThread(); },  // catch up on anything missed while away
    message: function (data) {
      if (data.type === "inbox") onInbox();
      else if (data.type === "thread") onThread();
      else if (data.type === "typing" && typing) {
        typing.hidden = false;
        clearTimeout(typingTimer);
        typingTimer = setTimeout(function () { typing.hidden = true; }, 5000);
      }
    },
    refused: function (code) { if (code === 4401) location.reload(); }
  });

  var reply = document.getElementById("reply-body");
  var lastTyping = 0;
  if (reply) {
    reply.addEventListener("input", function () {
      var now = Date.now();
      if (now - lastTyping > 2000) { lastTyping = now; line.send({ type: "typing" }); }
    });
  }
})();

/* Suggested replies and articles: a button copies the text into the reply box. */
(function () {
  "use strict";
  var box = document.getElementById("reply-body");
  if (!box) return;
  document.querySelectorAll("button[data-insert]").forEach(function (button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-insert"));
      if (!source) return;
      var text = source.textContent.trim();
      var append = button.getAttribute("data-mode") === "append" && box.value.trim() !== "";
      box.value = append ? box.value.replace(/\s+$/, "") + "\n\n" + text : text;
      box.focus();
    });
  });
})();
