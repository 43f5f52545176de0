// The chat widget for the exchange's own sites. Put on a page of an origin listed in
// CEXDESK_WIDGET_ORIGINS:
//
//   <script src="https://desk.example.com/static/js/embed.js" data-lang="en"
//           data-token-url="/support/token" async></script>
//
// data-token-url is an endpoint of the exchange's site answering the signed-in user's
// cexdesk token as text (fetched with the site's own cookies). The button opens the chat
// in a frame of the desk's origin; when the token runs out the frame asks for another.
"use strict";

(function () {
  const script = document.currentScript;
  if (!script) return;
  const desk = new URL(script.src).origin;
  const lang = script.dataset.lang || document.documentElement.lang || "en";
  const tokenUrl = script.dataset.tokenUrl;
  let frame = null;

  function fetchToken() {
    return fetch(tokenUrl, { credentials: "include" }).then(function (response) {
      if (!response.ok) throw new Error("no cexdesk token: " + response.status);
      return response.text();
    }).then(function (text) { return text.trim(); });
  }

  function open() {
    if (frame) { frame.hidden = !frame.hidden; return; }
    fetchToken().then(function (token) {
      frame = document.createElement("iframe");
      frame.id = "cexdesk-chat";
      frame.title = "Support chat";
      frame.src = desk + "/help/" + encodeURIComponent(lang) + "/chat?embed=1#token=" + encodeURIComponent(token);
      Object.assign(frame.style, {
        position: "fixed", bottom: "80px", right: "20px", width: "360px", height: "520px",
        border: "1px solid #d0d7de", borderRadius: "12px", background: "#fff", zIndex: "2147483646",
      });
      document.body.appendChild(frame);
    });
  }

  window.addEventListener("message", function (event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== desk) return;
    if ((event.data || {}).type === "cexdesk:token-needed") {
      fetchToken().then(function (token) {
        frame.contentWindow.postMessage({ type: "cexdesk:token", token: token }, desk);
      });
    }
  });

  const button = document.createElement("button");
  button.id = "cexdesk-launcher";
  button.type = "button";
  button.textContent = script.dataset.label || "Support";
  Object.assign(button.style, {
    position: "fixed", bottom: "20px", right: "20px", padding: "12px 18px",
    borderRadius: "24px", border: "none", background: "#1f6feb", color: "#fff",
    font: "600 15px system-ui, sans-serif", cursor: "pointer", zIndex: "2147483647",
  });
  button.addEventListener("click", open);
  (document.body || document.documentElement).appendChild(button);
})();
