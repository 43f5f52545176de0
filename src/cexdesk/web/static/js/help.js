// Help-centre pages: the language switch, and trading the exchange's token (in the URL
// fragment, which never reaches a server) for the help-centre session.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-language-switch]").forEach(function (select) {
    select.addEventListener("change", function () {
      const tail = select.dataset.tail ? "/" + select.dataset.tail : "";
      location.assign("/help/" + encodeURIComponent(select.value) + tail);
    });
  });

  const state = document.getElementById("signin-state");
  if (!state) return;
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get("token");
  const next = params.get("next") || "chat";
  history.replaceState(null, "", location.pathname);  // the token leaves the address bar
  if (!token) return;
  fetch("/help/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token: token }),
    credentials: "same-origin",
  }).then(function (response) {
    if (response.status === 204) {
      const safeNext = /^[a-z]+$/.test(next) ? next : "chat";
      location.replace("/help/" + state.dataset.lang + "/" + safeNext);
    } else {
      state.classList.add("error");
    }
  });
});
