// The customer's live chat. Speaks the chat socket protocol (channels/chat/connection.py):
// every message is sent with a client id and shown as "sending" until the server's ack;
// after a reconnect it resumes after the last message it has, so nothing is lost or
// shown twice. Text is only ever set with textContent: nothing a message says is markup.
"use strict";

(function () {
  let socket = null;
  let backoff = 500;
  let lastId = 0;
  const seen = new Set();
  const unsent = new Map();  // client_id -> text, until acknowledged
  let strings = {};
  let typingTimer = null;
  // Embedded on an exchange's site: its token (the URL fragment, later postMessage from
  // an allowed origin) instead of the help-centre cookie, which a third-party frame lacks.
  const embedded = document.body.dataset.embedded === "1";
  let token = null;
  let allowedOrigins = [];
  let ticketId = null;  // the open chat conversation, from hello and acks
  let withPeople = false;  // "talk to a human" done: the bot's buttons are gone

  function el(id) { return document.getElementById(id); }

  function status(text) { el("chat-status").textContent = text || ""; }

  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  function line(kind, text, key) {
    const log = el("chat-log");
    const item = document.createElement("li");
    item.className = kind;
    if (key) item.dataset.key = key;
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    bubble.textContent = text;
    item.appendChild(bubble);
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  function showMessage(message) {
    if (seen.has(message.id)) return;
    seen.add(message.id);
    lastId = Math.max(lastId, message.id);
    const mine = message.author_type === "customer";
    if (mine && message.client_id) {
      const pending = document.querySelector('[data-key="' + CSS.escape(message.client_id) + '"]');
      if (pending) {
        pending.classList.remove("sending");
        pending.dataset.messageId = message.id;
        unsent.delete(message.client_id);
        return;
      }
    }
    const item = line(mine ? "mine" : "theirs " + message.author_type, message.body);
    item.dataset.messageId = message.id;
    // The bot answered (an article, their account): the customer may say it solved
    // their question; not after a question back or "I'm not sure I understood".
    el("chat-solved").hidden = withPeople || !(message.buttons || []).includes("solved");
    if (message.author_type === "agent") botDone();
    if (!mine) {
      status("");
      sendFrame({ type: "read", message_id: message.id });  // the agent sees it was read
    }
  }

  function sendFrame(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  function botDone() {
    withPeople = true;
    el("chat-solved").hidden = true;
    el("chat-human").hidden = true;
  }

  function pressed(frame) {
    // {"type": "bot", "button", "done"}: done false means no bot holds the conversation;
    // a handoff then still applies to the next message.
    if (frame.button === "human") botDone();
    if (frame.button === "solved") el("chat-solved").hidden = true;
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const query = token ? "?token=" + encodeURIComponent(token) : "";
    socket = new WebSocket(scheme + "//" + location.host + "/api/v1/channels/chat/ws" + query);
    socket.addEventListener("open", function () {
      backoff = 500;
      status("");
      sendFrame({ type: "resume", after_message_id: lastId });
      unsent.forEach(function (text, clientId) {
        sendFrame({ type: "message", client_id: clientId, text: text });
      });
    });
    socket.addEventListener("message", function (event) {
      let frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame.type === "hello") {
        ticketId = frame.ticket_id;
        // The bot introduces itself to someone starting a conversation (not stored).
        const greeting = el("chat-bot-actions").dataset.greeting;
        if (greeting && !ticketId && !el("chat-log").children.length) line("theirs bot", greeting);
      } else if (frame.type === "message") {
        if (frame.ticket_id) ticketId = frame.ticket_id;
        showMessage(frame);
      } else if (frame.type === "ack") {
        const pending = document.querySelector('[data-key="' + CSS.escape(frame.client_id) + '"]');
        if (pending) { pending.classList.remove("sending"); pending.dataset.messageId = frame.message_id; }
        seen.add(frame.message_id);
        ticketId = frame.ticket_id;
        lastId = Math.max(lastId, frame.message_id);
        unsent.delete(frame.client_id);
      } else if (frame.type === "agent_joined") {
        botDone();
        line("system", (strings.agent_joined || "{name}").replace("{name}", frame.agent_name || ""));
      } else if (frame.type === "typing") {
        status(strings.typing);
        clearTimeout(typingTimer);
        typingTimer = setTimeout(function () { status(""); }, 4000);
      } else if (frame.type === "bot") {
        pressed(frame);
      } else if (frame.type === "notice") {
        line("system", frame.text || "");
      } else if (frame.type === "error" && frame.retrying === false && frame.client_id) {
        // Not stored: it stays in `unsent` and goes again on the next connection.
        status(strings.offline);
      }
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4401 || event.code === 4403) {
        if (embedded && window.parent !== window) {
          // Ask the exchange's page for a fresh token; connect again when it comes.
          window.parent.postMessage({ type: "cexdesk:token-needed" }, "*");
        }
        status(strings.sign_in_first);
        return;
      }
      status(strings.offline);
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 15000);
    });
  }

  function upload() {
    const input = el("chat-file");
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    if (!ticketId) { status(strings.type_message); return; }  // say something first
    const form = new FormData();
    form.append("file", file);
    const headers = {};
    if (token) {
      headers.Authorization = "Bearer " + token;
    } else {
      const hx = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
      headers["X-Help-CSRF"] = hx["X-Help-CSRF"] || "";
    }
    const pending = line("mine sending", "📎 " + file.name);
    fetch("/help/chat/" + ticketId + "/attachments", {
      method: "POST", body: form, headers: headers, credentials: "same-origin",
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function () {
      // The socket brings the stored message; this placeholder gives way to it.
      pending.remove();
    }).catch(function () {
      pending.classList.add("failed");
      status(strings.offline);
    });
  }

  function submit(event) {
    event.preventDefault();
    const input = el("chat-input");
    const text = input.value.trim();
    if (!text) return;
    const clientId = uuid();
    unsent.set(clientId, text);
    line("mine sending", text, clientId);
    sendFrame({ type: "message", client_id: clientId, text: text });
    input.value = "";
    input.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    const chat = el("chat");
    if (!chat) return;
    strings = JSON.parse(el("chat-strings").textContent);
    allowedOrigins = (chat.dataset.origins || "").split(" ").filter(Boolean);
    if (embedded) {
      const params = new URLSearchParams(location.hash.slice(1));
      token = params.get("token");
      history.replaceState(null, "", location.pathname + location.search);
      window.addEventListener("message", function (event) {
        if (event.source !== window.parent || allowedOrigins.indexOf(event.origin) < 0) return;
        const data = event.data || {};
        if (data.type === "cexdesk:token" && typeof data.token === "string") {
          token = data.token;
          if (!socket || socket.readyState === WebSocket.CLOSED) connect();
        }
      });
    }
    el("chat-form").addEventListener("submit", submit);
    el("chat-human").addEventListener("click", function () { sendFrame({ type: "handoff" }); });
    el("chat-solved").addEventListener("click", function () { sendFrame({ type: "solved" }); });
    el("chat-file").addEventListener("change", upload);
    el("chat-input").addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) submit(event);
    });
    let lastTyping = 0;
    el("chat-input").addEventListener("input", function () {
      if (Date.now() - lastTyping > 3000) { lastTyping = Date.now(); sendFrame({ type: "typing" }); }
    });
    connect();
  });
})();
