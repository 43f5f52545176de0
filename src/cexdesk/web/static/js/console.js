// The agent console's live parts: the realtime stream, offer countdowns, error toasts
// and keyboard shortcuts. Messages are never rendered here: the stream only says what
// changed, and htmx fetches the server-rendered (escaped) fragment again.
"use strict";

(function () {
  const body = document.body;
  const agentId = body.dataset.agentId;
  const teams = (body.dataset.teams || "").split(",").filter(Boolean);
  const serverOffset = Date.parse(body.dataset.serverNow) - Date.now();
  let socket = null;
  let backoff = 500;
  let currentTicket = null;
  const pending = new Set();

  function refresh(selector, delay) {
    // Debounced: a burst of events costs one request per fragment.
    if (pending.has(selector)) return;
    pending.add(selector);
    setTimeout(function () {
      pending.delete(selector);
      const element = document.querySelector(selector);
      if (element) htmx.trigger(element, "cx-refresh");
    }, delay || 150);
  }

  function setState(state) {
    const badge = document.getElementById("stream-state");
    if (!badge) return;
    badge.dataset.state = state;
    badge.textContent = state === "live" ? "live" : state === "connecting" ? "connecting…" : "offline, retrying…";
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  function watchTicket() {
    const live = document.getElementById("live");
    const ticket = live ? live.dataset.ticketId : null;
    if (ticket === currentTicket) return;
    if (currentTicket) send({ unsubscribe: ["ticket:" + currentTicket] });
    currentTicket = ticket;
    if (ticket) send({ subscribe: ["ticket:" + ticket] });
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(scheme + "//" + location.host + "/api/v1/stream");
    setState("connecting");
    socket.addEventListener("open", function () {
      backoff = 500;
      setState("live");
      const topics = teams.map(function (t) { return "team:" + t; });
      if (document.querySelector("[data-supervisor]")) topics.push("agents");
      if (topics.length) send({ subscribe: topics });
      currentTicket = null;
      watchTicket();
      // Whatever happened while we were away: fetch the lists again.
      refresh("#offers"); refresh("#mine"); refresh("#queue"); refresh("#live"); refresh("#board");
    });
    socket.addEventListener("message", function (event) {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      const type = message.type || "";
      if (type.indexOf("routing.offer") === 0) {
        refresh("#offers");
        return;
      }
      const current = currentTicket && String(message.ticket_id) === currentTicket;
      if (type === "chat.customer_typing") {
        const typing = document.getElementById("customer-typing");
        if (current && typing) {
          typing.hidden = false;
          clearTimeout(typing.timer);
          typing.timer = setTimeout(function () { typing.hidden = true; }, 4000);
        }
        return;
      }
      if (type === "chat.read") {
        // The customer has read up to here: mark our replies as seen.
        if (current) {
          document.querySelectorAll("#timeline .msg.agent[data-message-id]").forEach(function (m) {
            if (Number(m.dataset.messageId) <= Number(message.message_id)) m.classList.add("seen");
          });
        }
        return;
      }
      if (type.indexOf("ticket.") === 0 || type.indexOf("chat.") === 0) {
        refresh("#board", 2000);  // the whole board: at most every two seconds
        refresh("#mine");
        refresh("#queue");
        if (currentTicket && String(message.ticket_id) === currentTicket) refresh("#live");
      }
    });
    socket.addEventListener("close", function () {
      setState("offline");
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 15000);
    });
  }

  function tick() {
    const now = Date.now() + serverOffset;
    document.querySelectorAll("[data-expires-at]").forEach(function (element) {
      const left = Math.max(0, Math.round((Date.parse(element.dataset.expiresAt) - now) / 1000));
      element.textContent = left + " s";
      element.classList.toggle("urgent", left <= 5);
      if (left === 0) refresh("#offers");
    });
  }

  function flash(text) {
    const box = document.getElementById("flash");
    if (!box) return;
    box.textContent = text;
    box.hidden = false;
    clearTimeout(flash.timer);
    flash.timer = setTimeout(function () { box.hidden = true; }, 8000);
  }

  document.addEventListener("htmx:responseError", function (event) {
    const xhr = event.detail.xhr;
    let text = "The request failed (" + xhr.status + ").";
    try {
      const problem = JSON.parse(xhr.responseText);
      text = problem.detail || problem.title || text;
    } catch (e) { /* not a problem document */ }
    flash(text);
  });
  document.addEventListener("htmx:sendError", function () { flash("The server cannot be reached."); });
  document.addEventListener("htmx:afterSwap", watchTicket);
  document.addEventListener("htmx:afterRequest", function (event) {
    const form = event.detail.elt;
    if (event.detail.successful && form.classList && form.classList.contains("reply")) {
      const box = document.getElementById("reply-body");
      if (box) box.focus();
    }
  });

  // On a live chat, the customer sees "support is typing" while the agent writes.
  let lastTyping = 0;
  document.addEventListener("input", function (event) {
    if (event.target.id !== "reply-body") return;
    const grid = event.target.closest(".conv-grid");
    const note = document.getElementById("kind-note");
    if (!grid || grid.dataset.channel !== "chat" || (note && note.checked)) return;
    if (Date.now() - lastTyping < 3000) return;
    lastTyping = Date.now();
    const csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRF-Token"];
    fetch("/api/v1/channels/chat/" + grid.dataset.ticketId + "/typing", {
      method: "POST", headers: { "X-CSRF-Token": csrf || "" }, credentials: "same-origin",
    });
  });

  document.addEventListener("keydown", function (event) {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.target.form) {
      event.preventDefault();
      htmx.trigger(event.target.form, "submit");
      return;
    }
    if (event.altKey && !event.ctrlKey) {
      const key = event.key.toLowerCase();
      if (key === "a") {
        const accept = document.querySelector("#offers button.accept");
        if (accept) { event.preventDefault(); accept.click(); }
      } else if (key === "r" || key === "n") {
        const box = document.getElementById("reply-body");
        const note = document.getElementById("kind-note");
        if (box) {
          event.preventDefault();
          const radio = key === "n" ? note : document.querySelector("input[name=kind][value=reply]");
          if (radio) radio.checked = true;
          box.focus();
        }
      } else if (key === "q") {
        const first = document.querySelector("#queue-rows a");
        if (first) { event.preventDefault(); first.click(); }
      }
      return;
    }
    if (!typing && event.key === "?") {
      const dialog = document.getElementById("shortcuts");
      if (dialog) dialog.showModal();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    const button = document.getElementById("shortcuts-button");
    if (button) button.addEventListener("click", function () { document.getElementById("shortcuts").showModal(); });
    if (agentId) connect();
    setInterval(tick, 250);
  });
})();
