/* The security page's tools, answering as the reader types. Without script the same forms
 * post or get and the server renders the answer. Text is only ever set with textContent; the
 * password travels in a POST body, never in an address, and is not kept or logged here. */
(function () {
  "use strict";
  var lang = (document.documentElement.lang || "en").toLowerCase().indexOf("zh") === 0 ? "zh" : "en";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function errorOf(data) {
    return (data && data.error && data.error.message) || (lang === "zh" ? "暂时无法核验，请稍后再试。" : "We could not check that just now. Please try again.");
  }

  /* ---- is this official? and the link checker: GET /api/v1/verify ---- */
  function showVerdict(box, asked, data, ok) {
    clear(box);
    if (!ok) { box.appendChild(el("p", "error", errorOf(data))); return; }
    var wrap = el("div", "verdict verdict-" + String(data.status).replace(/[^a-z_]/g, ""));
    wrap.appendChild(el("p", "verdict-value", (box.getAttribute("data-result") || "").replace("{value}", asked)));
    var word = el("p", "verdict-word");
    word.appendChild(el("strong", null, box.getAttribute("data-" + data.status) || data.status));
    wrap.appendChild(word);
    wrap.appendChild(el("p", null, data.message));
    box.appendChild(wrap);
  }

  document.querySelectorAll("form.verify-form").forEach(function (form) {
    var input = form.querySelector("input");
    var box = document.getElementById(form.getAttribute("data-target"));
    if (!input || !box) return;
    form.addEventListener("submit", function (event) {
      var asked = input.value.trim();
      if (!asked) return;
      event.preventDefault();
      var button = form.querySelector("button");
      if (button) button.disabled = true;
      fetch("/api/v1/verify?value=" + encodeURIComponent(asked), {
        headers: { Accept: "application/json", "Accept-Language": lang }, credentials: "same-origin"
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          showVerdict(box, asked, data, response.ok);
        });
      }, function () { showVerdict(box, asked, {}, false); }).then(function () {
        if (button) button.disabled = false;
        var query = new URLSearchParams();
        query.set(input.name, asked);
        history.replaceState(null, "", "/security?" + query.toString());
      });
    });
  });

  /* ---- the password meter: POST /api/v1/help/password-strength, debounced ---- */
  var pwForm = document.getElementById("password-form");
  var pwInput = document.getElementById("password-input");
  var pwBox = document.getElementById("password-result");
  if (!pwForm || !pwInput || !pwBox) return;
  var timer = null;
  var asked = 0;

  function showStrength(data) {
    clear(pwBox);
    var line = el("p");
    line.appendChild(el("span", "meter-label", pwBox.getAttribute("data-strength") + ": "));
    line.appendChild(el("strong", "score-" + Number(data.score), data.label));
    pwBox.appendChild(line);
    var meter = document.createElement("meter");
    ["min", "max", "low", "high", "optimum", "value"].forEach(function (name, i) {
      meter.setAttribute(name, String([0, 4, 2, 3, 4, Number(data.score)][i]));
    });
    meter.textContent = data.score + "/4";
    pwBox.appendChild(meter);
    var crack = el("p", null, pwBox.getAttribute("data-crack-time") + ": ");
    crack.appendChild(el("strong", null, data.crack_time));
    pwBox.appendChild(crack);
    pwBox.appendChild(el("p", data.acceptable ? "done" : "error",
      pwBox.getAttribute(data.acceptable ? "data-acceptable" : "data-not-acceptable")));
    if (data.warning) pwBox.appendChild(el("p", "warning", data.warning));
    if (Array.isArray(data.suggestions) && data.suggestions.length) {
      var list = el("ul");
      data.suggestions.forEach(function (s) { list.appendChild(el("li", null, s)); });
      pwBox.appendChild(list);
    }
  }

  function measure() {
    clearTimeout(timer);
    var mine = ++asked;
    var password = pwInput.value;
    if (!password) { clear(pwBox); return; }
    fetch("/api/v1/help/password-strength", {
      method: "POST", credentials: "omit",
      headers: { Accept: "application/json", "Content-Type": "application/json", "Accept-Language": lang },
      body: JSON.stringify({ password: password.slice(0, 1000), language: lang })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (mine !== asked) return;  /* a later keystroke already asked again */
        if (response.ok) showStrength(data);
        else { clear(pwBox); pwBox.appendChild(el("p", "error", errorOf(data))); }
      });
    }, function () {
      if (mine === asked) { clear(pwBox); pwBox.appendChild(el("p", "error", errorOf({}))); }
    });
  }

  pwInput.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(measure, 350);
  });
  pwForm.addEventListener("submit", function (event) {
    event.preventDefault();
    measure();
  });
})();
