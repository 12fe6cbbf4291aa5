/*
 * Warns shortly before the server ends an idle session and lets the person extend it.
 *
 * Loaded with <script src defer> by accounts/session_timeout.html; everything it needs (timing,
 * URLs, translated texts) comes from the data- attributes of that script element, so that
 * the page needs no inline script. The server enforces the timeouts
 * (accounts.middleware.SessionTimeoutMiddleware); this script only warns and extends.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) {
    return;
  }
  var data = script.dataset;
  var warningSeconds = parseInt(data.warningSeconds, 10);
  var expiresIn = parseInt(data.expiresIn || data.idleSeconds, 10);
  var deadline = Date.now() + expiresIn * 1000;
  // Tabs share the latest deadline: a page load or an extension in one tab is activity for
  // the one server session of all of them.
  var STORAGE_KEY = "sensi-session-deadline";
  var timer = null;
  var restoreFocus = null;

  function csrfToken() {
    if (data.csrfToken) {
      return data.csrfToken;
    }
    var config = document.getElementById("wagtail-config");
    if (config) {
      try {
        return JSON.parse(config.textContent).CSRF_TOKEN || "";
      } catch (error) {
        return "";
      }
    }
    return "";
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  if (data.stylesheet) {
    document.head.appendChild(element("link", { rel: "stylesheet", href: data.stylesheet }));
  }

  var dialog = element("div", {
    id: "session-timeout",
    class: "session-timeout",
    role: "alertdialog",
    "aria-modal": "false",
    "aria-labelledby": "session-timeout-title",
    "aria-describedby": "session-timeout-message",
    hidden: "",
  });
  var title = element("h2", { id: "session-timeout-title" }, data.textTitle);
  var message = element("p", { id: "session-timeout-message" }, data.textWarning);
  var countdown = element("p", { class: "session-timeout__countdown" });
  var extend = element("button", { type: "button" }, data.textExtend);
  var login = element("a", { href: loginHref(), hidden: "" }, data.textLogin);
  dialog.append(title, message, countdown, extend, login);
  // A polite live region outside the dialog for "extended" (the dialog is hidden by then).
  var status = element("div", { class: "session-timeout-status", role: "status" });
  document.body.append(dialog, status);

  function loginHref() {
    var next = window.location.pathname + window.location.search;
    return data.loginUrl + "?next=" + encodeURIComponent(next);
  }

  function formatTime(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function secondsLeft() {
    return Math.max(0, Math.round((deadline - Date.now()) / 1000));
  }

  function show() {
    if (!dialog.hidden) {
      return;
    }
    restoreFocus = document.activeElement;
    dialog.hidden = false;
    extend.focus();
  }

  function hide() {
    dialog.hidden = true;
    if (restoreFocus && typeof restoreFocus.focus === "function") {
      restoreFocus.focus();
    }
    restoreFocus = null;
  }

  function showExpired() {
    window.clearInterval(timer);
    message.textContent = data.textExpired;
    countdown.textContent = "";
    extend.hidden = true;
    login.hidden = false;
    show();
    login.focus();
  }

  function tick() {
    var left = secondsLeft();
    if (left <= 0) {
      showExpired();
      return;
    }
    if (left <= warningSeconds) {
      countdown.textContent = data.textCountdown.replace("{time}", formatTime(left));
      show();
    }
  }

  function shareDeadline() {
    try {
      window.localStorage.setItem(STORAGE_KEY, String(deadline));
    } catch (error) {
      // Storage may be disabled; each tab then keeps its own timer.
    }
  }

  function extended(expires) {
    deadline = Date.now() + expires * 1000;
    shareDeadline();
    if (expires <= warningSeconds) {
      // The absolute limit is near: extending does not help any more.
      message.textContent = data.textFinal;
      extend.hidden = true;
      return;
    }
    hide();
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = data.textExtended;
    }, 100);
  }

  extend.addEventListener("click", function () {
    extend.disabled = true;
    window
      .fetch(data.extendUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
      })
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.ok && body.signed_in) {
            extended(body.expires_in);
          } else {
            showExpired();
          }
        });
      })
      .catch(showExpired)
      .finally(function () {
        extend.disabled = false;
      });
  });

  window.addEventListener("storage", function (event) {
    var shared = parseInt(event.newValue, 10);
    if (event.key !== STORAGE_KEY || !(shared > deadline)) {
      return;
    }
    deadline = shared;
    if (!dialog.hidden && extend.hidden === false && secondsLeft() > warningSeconds) {
      hide();
    }
  });

  shareDeadline();
  timer = window.setInterval(tick, 1000);
})();
