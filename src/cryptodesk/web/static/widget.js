/* cryptodesk chat widget. One tag on any page of the exchange:
 *
 *   <script src="https://support.example/static/widget.js" data-token="IDENTITY TOKEN"
 *           data-lang="zh" defer></script>
 *
 * data-token: the identity token the exchange signed for its signed-in user (omit it for an
 * anonymous visitor; the visitor token the desk hands out is kept in sessionStorage).
 * data-lang: zh or en (else the page's lang attribute, else the browser's language).
 *
 * Messages carry a client_message_id made here, so a resend after a network drop is stored
 * once. Replies arrive over a WebSocket; after a reconnect the socket first replays what came
 * after the last message shown. Text is only ever set with textContent (bold and links in
 * the bot's answers are built as nodes); a bot message's `data` adds tappable options, the
 * diagnosis of the customer's own case and, for a signed-in customer, a button that opens the
 * case the bot offers (after a confirmation; visitors cannot open cases).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.cryptodeskWidget) return;

  var TEXT = {
    en: {
      launcher: "Chat with support", title: "Support", human: "Talk to a person",
      close: "Close chat", label: "Message", placeholder: "Type your question…", send: "Send",
      sending: "Sending…", retrying: "Not sent yet, retrying…", failed: "Not sent: ",
      typing: "Support is typing…", queued: "You are in the queue: a support agent will reply here.",
      queueWait: "You are number {n} in the queue, expected wait about {m} minutes.",
      queueSoon: "You are number {n} in the queue, a person will reply shortly (we aim for {m} minutes).",
      queueNow: "You are number {n} in the queue, a person will reply shortly.",
      offline: "Connection lost, reconnecting…", closed: "This conversation has ended. Send a message to start a new one.",
      welcome: "Hello! Ask us anything, in English or Chinese. You can talk to a person at any time.",
      expired: "Your sign-in has expired. Reload the page to continue.",
      you: "You", agent: "Support", bot: "Assistant", system: "Notice", unread: "new messages",
      eta: "Expected in about {m} min.", next: "What to do next", article: "Read the full article",
      ticket: "Ticket #{id}", freeze: "Yes, freeze my account now", freezeWord: "yes",
      cases: {
        appeal: ["Submit an appeal", "an appeal"], refund: ["Request a refund", "a refund request"],
        deposit_recovery: ["Open a deposit recovery case", "a deposit recovery case"],
        dispute: ["Open a dispute", "a dispute"],
        security_incident: ["Report a security incident", "a security incident report"]
      },
      caseConfirm: "Open {name}? Our team reviews it with this chat attached and tells you here what happens next.",
      caseYes: "Yes, open it", caseNo: "Not now", caseOpening: "Opening…",
      caseOpened: "Case #{id} opened. We will answer by {due}.",
      caseFailed: "The case was not opened: "
    },
    zh: {
      launcher: "在线客服", title: "客服中心", human: "转人工", close: "关闭聊天",
      label: "消息", placeholder: "请输入您的问题…", send: "发送", sending: "发送中…",
      retrying: "尚未发出，正在重试…", failed: "发送失败：", typing: "客服正在输入…",
      queued: "已为您排队，客服人员会在这里回复您。", offline: "连接已断开，正在重新连接…",
      queueWait: "您前面还有 {a} 位，预计等待约 {m} 分钟。",
      queueSoon: "您前面还有 {a} 位，客服会尽快回复（目标 {m} 分钟内）。",
      queueNow: "您前面还有 {a} 位，客服会尽快回复。",
      closed: "本次会话已结束，发送消息即可开始新的会话。",
      welcome: "您好！中英文问题都可以问我们，也可以随时转人工客服。",
      expired: "登录已过期，请刷新页面后继续。",
      you: "您", agent: "客服", bot: "智能助手", system: "通知", unread: "条新消息",
      eta: "预计约 {m} 分钟。", next: "接下来您可以", article: "阅读完整文章",
      ticket: "工单 #{id}", freeze: "确认，立即冻结账户", freezeWord: "确认",
      cases: {
        appeal: ["提交申诉", "申诉"], refund: ["申请退款", "退款申请"],
        deposit_recovery: ["提交充值找回申请", "充值找回申请"], dispute: ["发起争议处理", "争议处理申请"],
        security_incident: ["报告安全事件", "安全事件报告"]
      },
      caseConfirm: "确认提交{name}吗？我们的团队会结合本次对话审核，并在这里告诉您后续进展。",
      caseYes: "确认提交", caseNo: "暂不提交", caseOpening: "正在提交…",
      caseOpened: "申请已提交，编号 #{id}。我们最晚将于 {due} 前答复您。",
      caseFailed: "申请未能提交："
    }
  };

  function pickLanguage(given) {
    var tag = (given || document.documentElement.lang || navigator.language || "en").toLowerCase();
    return tag.indexOf("zh") === 0 ? "zh" : "en";
  }

  function tokenRef(value) {
    try {
      var payload = value.split(".")[0].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(payload)).ref || "customer";
    } catch (e) { return "customer"; }
  }

  var base = new URL(script.src, location.href).origin;
  var token = script.getAttribute("data-token") || null;
  var lang = pickLanguage(script.getAttribute("data-lang"));
  var T = TEXT[lang];
  var storageKey = "cryptodesk:" + base + ":" + (token ? "customer:" + tokenRef(token) : "visitor");
  var state = load();
  var seen = {};
  var lastId = 0;
  var ws = null;
  var reconnectTimer = null;
  var reconnectAttempt = 0;
  var flushing = false;
  var retryTimer = null;
  var retryAttempt = 0;
  var handoffWanted = false;
  var queueTimer = null;
  var queueText = "";
  var queueAsk = 0;
  var lastTypingSent = 0;
  var typingTimer = null;
  var unread = 0;

  function load() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(storageKey) || "null");
      if (saved && typeof saved === "object") {
        saved.outbox = Array.isArray(saved.outbox) ? saved.outbox : [];
        saved.cases = saved.cases && typeof saved.cases === "object" ? saved.cases : {};
        return saved;
      }
    } catch (e) { /* storage off: keep going in memory */ }
    return { conversationId: null, visitorToken: null, outbox: [], open: false, cases: {} };
  }

  function save() {
    try { sessionStorage.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* ignore */ }
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /* ---- the view, in a shadow root so the host page's styles leave it alone ---- */
  var host = el("div", { "data-cryptodesk-widget": "" });
  var root = host.attachShadow({ mode: "open" });
  var sheet = el("link", { rel: "stylesheet", href: base + "/static/widget.css" });
  var launcher = el("button", { type: "button", "class": "launcher", "aria-expanded": "false",
                                "aria-controls": "cd-panel", hidden: "" }, T.launcher);
  var badge = el("span", { "class": "unread", hidden: "" });
  launcher.appendChild(badge);
  var panel = el("div", { id: "cd-panel", "class": "panel", role: "dialog",
                          "aria-labelledby": "cd-title", lang: lang === "zh" ? "zh-CN" : "en", hidden: "" });
  var head = el("div", { "class": "head" });
  head.appendChild(el("h2", { id: "cd-title" }, T.title));
  var human = el("button", { type: "button", "class": "human" }, T.human);
  var closer = el("button", { type: "button", "class": "close", "aria-label": T.close }, "×");
  head.appendChild(human);
  head.appendChild(closer);
  var status = el("p", { "class": "status", role: "status", "aria-live": "polite" });
  var log = el("ol", { "class": "log", "aria-live": "polite", "aria-relevant": "additions" });
  var typing = el("p", { "class": "typing", hidden: "" }, T.typing);
  var form = el("form", { "class": "compose" });
  var input = el("textarea", { id: "cd-input", rows: "2", maxlength: "20000", placeholder: T.placeholder });
  form.appendChild(el("label", { "for": "cd-input", "class": "sr" }, T.label));
  form.appendChild(input);
  form.appendChild(el("button", { type: "submit", "class": "send" }, T.send));
  [head, status, log, typing, form].forEach(function (n) { panel.appendChild(n); });
  [sheet, launcher, panel].forEach(function (n) { root.appendChild(n); });
  sheet.addEventListener("load", function () { launcher.hidden = false; });
  sheet.addEventListener("error", function () { launcher.hidden = false; });
  log.appendChild(el("li", { "class": "msg from-bot local" }, T.welcome));

  function setStatus(text) { status.textContent = text || ""; }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function openPanel(focus) {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    state.open = true; save();
    unread = 0; badge.hidden = true;
    scrollDown();
    if (focus !== false) input.focus();
  }

  function closePanel() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    state.open = false; save();
    launcher.focus();
  }

  /* Bot text may hold **bold**, headings and links; built as nodes, never parsed as HTML. */
  function renderText(node, text) {
    String(text).replace(/^#{1,6}[ \t]+(.+)$/gm, "**$1**")
      .split(/(\*\*[^*\n]+\*\*|https?:\/\/[^\s<>"')]+)/).forEach(function (part, i) {
      if (i % 2 === 0) { if (part) node.appendChild(document.createTextNode(part)); return; }
      if (part.indexOf("**") === 0) { node.appendChild(el("strong", null, part.slice(2, -2))); return; }
      node.appendChild(el("a", { href: part, target: "_blank", rel: "noopener noreferrer" }, part));
    });
    return node;
  }

  /* The bot's extras: choices to tap, a diagnosis of the customer's own case. */
  function renderData(m) {
    var data = m.data;
    var box = el("div", { "class": "card" });
    var diagnosis = data.diagnosis;
    if (diagnosis && typeof diagnosis === "object") {
      var found = el("ul", { "class": "findings" });
      (Array.isArray(diagnosis.findings) ? diagnosis.findings : []).forEach(function (f) {
        if (f && typeof f.message === "string") {
          found.appendChild(el("li", { "class": "finding sev-" + String(f.severity || "info") }, f.message));
        }
      });
      if (found.childNodes.length) box.appendChild(found);
      if (typeof diagnosis.eta_seconds === "number" && diagnosis.eta_seconds > 0) {
        var minutes = Math.max(1, Math.round(diagnosis.eta_seconds / 60));
        box.appendChild(el("p", { "class": "eta" }, T.eta.replace("{m}", minutes)));
      }
      var steps = Array.isArray(diagnosis.next_steps) ? diagnosis.next_steps : [];
      if (steps.length) {
        box.appendChild(el("p", { "class": "card-title" }, T.next));
        var list = el("ol");
        steps.forEach(function (step) { if (typeof step === "string") list.appendChild(el("li", null, step)); });
        box.appendChild(list);
      }
    }
    if (Array.isArray(data.options)) {
      var choices = el("div", { "class": "options" });
      data.options.forEach(function (option) {
        if (!option || typeof option.label !== "string") return;
        var button = el("button", { type: "button", "class": "option" }, option.label);
        button.addEventListener("click", function () { send(option.label); });
        choices.appendChild(button);
      });
      if (choices.childNodes.length) box.appendChild(choices);
    }
    if (token && data.confirm === "freeze_account") {
      /* The bot waits for a yes before freezing: this button is that yes. */
      var freeze = el("button", { type: "button", "class": "option danger" }, T.freeze);
      freeze.addEventListener("click", function () { freeze.disabled = true; send(T.freezeWord); });
      box.appendChild(freeze);
    }
    var kind = data.offer_case || (diagnosis && diagnosis.case_kind);
    if (token && typeof kind === "string" && T.cases[kind]) box.appendChild(caseOffer(kind));
    if (typeof data.ticket_id === "number" && String(m.body).indexOf("#" + data.ticket_id) < 0) {
      box.appendChild(el("p", { "class": "ticket" }, T.ticket.replace("{id}", data.ticket_id)));
    }
    if (typeof data.article === "string" && /^[a-z0-9-]+$/.test(data.article)
        && String(m.body).indexOf("/articles/" + data.article) < 0) {
      box.appendChild(el("a", { href: base + "/articles/" + data.article + "?lang=" + lang,
                                target: "_blank", rel: "noopener noreferrer" }, T.article));
    }
    return box.childNodes.length ? box : null;
  }

  /* A case the bot offers: one button, then a confirmation, then the desk's answer. */
  function caseOffer(kind) {
    var offer = el("div", { "class": "case-offer" });
    var key = state.conversationId + ":" + kind;
    var done = el("p", { "class": "case-done", role: "status" });
    function opened(found) {
      var due = new Date(found.review_due);
      var when = isNaN(due) ? "" : due.toLocaleString(lang === "zh" ? "zh-CN" : "en", {
        month: "short", day: "numeric", hour: "2-digit", minute: "2-digit"
      });
      done.textContent = T.caseOpened.replace("{id}", found.id).replace("{due}", when);
      offer.replaceChildren(done);
    }
    if (state.cases[key]) { opened(state.cases[key]); return offer; }
    var button = el("button", { type: "button", "class": "case-button" }, T.cases[kind][0]);
    var confirmBox = el("div", { "class": "case-confirm", role: "group", hidden: "" });
    var question = el("p", null, T.caseConfirm.replace("{name}", T.cases[kind][1]));
    var yes = el("button", { type: "button", "class": "case-yes" }, T.caseYes);
    var no = el("button", { type: "button", "class": "case-no" }, T.caseNo);
    var problem = el("p", { "class": "case-error", role: "alert", hidden: "" });
    [question, yes, no].forEach(function (n) { confirmBox.appendChild(n); });
    [button, confirmBox, problem].forEach(function (n) { offer.appendChild(n); });
    button.addEventListener("click", function () {
      button.hidden = true; confirmBox.hidden = false; problem.hidden = true; yes.focus();
    });
    no.addEventListener("click", function () {
      confirmBox.hidden = true; button.hidden = false; button.focus();
    });
    yes.addEventListener("click", function () {
      if (!state.conversationId) return;
      yes.disabled = no.disabled = true;
      yes.textContent = T.caseOpening;
      request("POST", "/conversations/" + state.conversationId + "/cases", { kind: kind }).then(function (res) {
        yes.disabled = no.disabled = false;
        yes.textContent = T.caseYes;
        if (res.status === 201 && res.data && typeof res.data.id === "number") {
          state.cases[key] = { id: res.data.id, review_due: res.data.review_due };
          save();
          opened(state.cases[key]);
          return;
        }
        if (res.status === 401) setStatus(T.expired);
        problem.textContent = T.caseFailed + (errorText(res) || T.offline);
        problem.hidden = false;
      });
    });
    return offer;
  }

  function renderMessage(m) {
    var li = el("li", { "class": "msg from-" + m.author, "data-id": String(m.id) });
    li.appendChild(el("span", { "class": "who" }, T[m.author === "customer" ? "you" : m.author] || ""));
    var body = el("div", { "class": "body" });
    if (m.author === "customer") body.textContent = m.body; else renderText(body, m.body);
    li.appendChild(body);
    var extra = m.data && typeof m.data === "object" ? renderData(m) : null;
    if (extra) li.appendChild(extra);
    return li;
  }

  function renderPending(item) {
    var li = el("li", { "class": "msg from-customer pending", "data-cid": item.cid });
    li.appendChild(el("span", { "class": "who" }, T.you));
    li.appendChild(el("div", { "class": "body" }, item.body));
    li.appendChild(el("span", { "class": "state" }, T.sending));
    log.appendChild(li);
    scrollDown();
  }

  function pendingNode(cid) {
    var found = null;
    log.querySelectorAll("li[data-cid]").forEach(function (li) {
      if (li.getAttribute("data-cid") === cid) found = li;
    });
    return found;
  }

  function markPending(item, text) {
    var li = pendingNode(item.cid);
    if (li) li.querySelector(".state").textContent = text;
  }

  function addMessage(m) {
    if (!m || typeof m.id !== "number" || seen[m.id]) return;
    seen[m.id] = true;
    if (m.id > lastId) lastId = m.id;
    var li = renderMessage(m);
    var pending = m.client_message_id ? pendingNode(m.client_message_id) : null;
    if (pending) {
      pending.replaceWith(li);
    } else {
      var before = null;
      log.querySelectorAll("li").forEach(function (node) {
        var id = parseInt(node.getAttribute("data-id") || "0", 10);
        if (!before && (node.hasAttribute("data-cid") || id > m.id)) before = node;
      });
      log.insertBefore(li, before);
    }
    if (m.author !== "customer") {
      typing.hidden = true;
      if (panel.hidden) { unread += 1; badge.textContent = unread + " " + T.unread; badge.hidden = false; }
    }
    scrollDown();
  }

  /* ---- talking to the desk ---- */
  function request(method, path, body) {
    var headers = { Accept: "application/json", "Accept-Language": lang };
    if (body) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = "Bearer " + token;
    else if (state.visitorToken) headers["X-Visitor-Token"] = state.visitorToken;
    return fetch(base + "/api/v1/customer" + path, {
      method: method, headers: headers, credentials: "omit", mode: "cors",
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, data: data };
      });
    }, function () { return { status: 0, data: {} }; });
  }

  function errorText(res) {
    return (res.data && res.data.error && res.data.error.message) || "";
  }

  function adopt(conversation) {
    state.conversationId = conversation.id;
    if (conversation.visitor_token) state.visitorToken = conversation.visitor_token;
    save();
    (conversation.messages || []).forEach(addMessage);
    if (conversation.state === "queued" || conversation.state === "assigned") queued();
    connect();
  }

  function forgetConversation() {
    state.conversationId = null;
    if (!token) state.visitorToken = null;
    save();
    if (ws) { var old = ws; ws = null; old.close(); }
  }

  /* What to do with a refused request: "later" retries, "again" retries now, "dropped" gives up. */
  function outcome(res, item) {
    if (res.status === 0 || res.status >= 500 || res.status === 429) return "later";
    var code = res.data && res.data.error && res.data.error.code;
    var gone = res.status === 404 || code === "conversation_closed" || (res.status === 401 && !token);
    if (gone && state.conversationId) { forgetConversation(); return "again"; }
    if (res.status === 401 && token) setStatus(T.expired);
    if (item) markPending(item, T.failed + errorText(res));
    return "dropped";
  }

  function recoverOpen(item) {
    /* The first message went out but its answer was lost: was the conversation made? */
    return request("GET", "/conversations?per_page=1").then(function (res) {
      var first = res.status === 200 && res.data.items && res.data.items[0];
      if (!first) return false;
      return request("GET", "/conversations/" + first.id).then(function (detail) {
        var mine = detail.status === 200 && (detail.data.messages || []).some(function (m) {
          return m.client_message_id === item.cid;
        });
        if (mine) adopt(detail.data);
        return mine;
      });
    });
  }

  function openWith(item) {
    var check = item.tried && token ? recoverOpen(item) : Promise.resolve(false);
    return check.then(function (found) {
      if (found) return "done";
      item.tried = true; save();
      return request("POST", "/conversations", {
        channel: "chat", language: lang, body: item.body, client_message_id: item.cid
      }).then(function (res) {
        if (res.status === 201) { adopt(res.data); return "done"; }
        return outcome(res, item);
      });
    });
  }

  function post(item) {
    return request("POST", "/conversations/" + state.conversationId + "/messages", {
      body: item.body, client_message_id: item.cid
    }).then(function (res) {
      if (res.status === 201 || res.status === 200) {
        addMessage(res.data.message);
        (res.data.replies || []).forEach(addMessage);
        return "done";
      }
      return outcome(res, item);
    });
  }

  function flush() {
    if (flushing) return;
    if (!state.outbox.length) {
      if (handoffWanted) { handoffWanted = false; handoff(); }
      return;
    }
    flushing = true;
    clearTimeout(retryTimer);
    var item = state.outbox[0];
    (state.conversationId ? post(item) : openWith(item)).then(function (result) {
      flushing = false;
      if (result === "later") {
        markPending(item, T.retrying);
        retryTimer = setTimeout(flush, Math.min(15000, 1000 * Math.pow(2, retryAttempt++)));
        return;
      }
      if (result !== "again") { state.outbox.shift(); save(); retryAttempt = 0; }
      flush();
    });
  }

  function send(text) {
    text = text.trim();
    if (!text) return;
    var item = { cid: newId(), body: text };
    state.outbox.push(item);
    save();
    renderPending(item);
    flush();
  }

  function handoff() {
    if (state.outbox.length && !state.conversationId) { handoffWanted = true; setStatus(T.queued); return; }
    human.disabled = true;
    var ready = state.conversationId ? Promise.resolve(true) :
      request("POST", "/conversations", { channel: "chat", language: lang }).then(function (res) {
        if (res.status === 201) { adopt(res.data); return true; }
        setStatus(errorText(res) || T.offline);
        return false;
      });
    ready.then(function (ok) {
      if (!ok) { human.disabled = false; return; }
      return request("POST", "/conversations/" + state.conversationId + "/handoff").then(function (res) {
        human.disabled = false;
        if (res.status === 200) { queued(); connect(); return; }
        if (outcome(res, null) === "again") { handoff(); return; }
        setStatus(errorText(res) || T.offline);
      });
    });
  }

  /* While nobody owns the ticket: its place in the queue, asked again every 30 s. */
  function queued() {
    setStatus(queueText || T.queued);
    watchQueue();
  }

  function watchQueue() {
    clearTimeout(queueTimer);
    var conversationId = state.conversationId;
    var ask = ++queueAsk;
    if (!conversationId) return;
    request("GET", "/conversations/" + conversationId + "/queue").then(function (res) {
      if (ask !== queueAsk || conversationId !== state.conversationId) return;
      var q = res.data || {};
      if (res.status === 200 && !q.queued) {
        if (queueText && status.textContent === queueText) setStatus(T.queued);
        queueText = "";
        return;
      }
      if (res.status === 200 && typeof q.position === "number") {
        var wait = typeof q.expected_wait_seconds === "number";
        var seconds = wait ? q.expected_wait_seconds : q.reply_target_seconds;
        var minutes = Math.max(1, Math.round((Number(seconds) || 0) / 60));
        var text = wait ? T.queueWait : (Number(seconds) > 0 ? T.queueSoon : T.queueNow);
        var line = text.replace("{n}", q.position)
          .replace("{a}", q.ahead).replace("{m}", minutes);
        var showing = !status.textContent || status.textContent === T.queued
          || status.textContent === queueText;
        queueText = T.queued + (lang === "zh" ? "" : " ") + line;
        if (showing) setStatus(queueText);
      }
      if (res.status !== 404 && res.status !== 401) queueTimer = setTimeout(watchQueue, 30000);
    });
  }

  function refreshConversation() {
    if (!state.conversationId) return;
    request("GET", "/conversations/" + state.conversationId).then(function (res) {
      if (res.status !== 200) return;
      (res.data.messages || []).forEach(addMessage);
      if (res.data.state === "closed") setStatus(T.closed);
    });
  }

  /* ---- live replies ---- */
  function connect() {
    if (ws || !state.conversationId) return;
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    var url = base.replace(/^http/, "ws") + "/ws/conversations/" + state.conversationId;
    var socket = new WebSocket(url);
    var conversationId = state.conversationId;
    ws = socket;
    socket.onopen = function () {
      var hello = { type: "hello", after_id: lastId };
      if (token) hello.token = token; else hello.visitor_token = state.visitorToken;
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (data.type === "message") addMessage(data.message);
      else if (data.type === "ready") {
        reconnectAttempt = 0;
        if (status.textContent === T.offline) setStatus("");
        if (data.state === "closed") setStatus(T.closed);
        else if (data.state === "queued" || data.state === "assigned") queued();
        flush();
      } else if (data.type === "typing") {
        typing.hidden = false;
        clearTimeout(typingTimer);
        typingTimer = setTimeout(function () { typing.hidden = true; }, 6000);
      } else if (data.type === "changed") refreshConversation();
    };
    socket.onclose = function (event) {
      if (ws === socket) ws = null;
      if (conversationId !== state.conversationId) return;
      if (event.code === 4404 || (event.code === 4401 && !token)) { forgetConversation(); return; }
      if (event.code === 4401) { setStatus(T.expired); return; }
      setStatus(T.offline);
      var delay = Math.min(15000, 500 * Math.pow(2, reconnectAttempt++)) + Math.random() * 300;
      reconnectTimer = setTimeout(connect, delay);
    };
  }

  /* ---- wiring ---- */
  launcher.addEventListener("click", function () { if (panel.hidden) openPanel(); else closePanel(); });
  closer.addEventListener("click", closePanel);
  human.addEventListener("click", handoff);
  panel.addEventListener("keydown", function (event) { if (event.key === "Escape") closePanel(); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send(input.value);
    input.value = "";
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener("input", function () {
    var now = Date.now();
    if (ws && ws.readyState === WebSocket.OPEN && now - lastTypingSent > 2500) {
      lastTypingSent = now;
      ws.send(JSON.stringify({ type: "typing" }));
    }
  });
  window.addEventListener("online", function () {
    if (!ws && state.conversationId) connect();
    retryAttempt = 0;
    flush();
  });
  document.addEventListener("click", function (event) {
    var target = event.target && event.target.closest && event.target.closest("[data-cryptodesk-open]");
    if (target) { event.preventDefault(); openPanel(); }
  });

  function start() {
    document.body.appendChild(host);
    state.outbox.forEach(renderPending);
    if (state.conversationId) connect();
    if (state.open) openPanel(false);
    flush();
  }

  window.cryptodeskWidget = { open: openPanel, close: closePanel };
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
