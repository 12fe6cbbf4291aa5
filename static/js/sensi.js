/* Sensi – small progressive enhancements; every page works without them. */
(function () {
  "use strict";

  // An error summary gets the focus, so that screen readers read it and keyboard users
  // start from it (its links lead to the fields). So does the notice at a lesson's end that
  // says why moving on did not count yet (the button to try again follows it).
  function focusErrorSummary() {
    var summary = document.querySelector(
      ".error-summary[tabindex='-1'], .lesson-end__notice[tabindex='-1']"
    );
    if (summary) {
      summary.focus();
    }
  }

  // After answering an exercise the server sends the learner back to the heading of its
  // result (or its error message), by the address's fragment: focus it, so that screen
  // readers read it and keyboard users continue from there.
  function focusFragmentTarget() {
    if (!window.location.hash) {
      return;
    }
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target && target.getAttribute("tabindex") === "-1") {
      target.focus();
    }
  }

  // A lesson counts as read after a minimum time, which the server checks. Once that time
  // has passed, say so once in a polite live region: no ticking countdown that a screen
  // reader would read out or that would distract (WCAG 2.2.2). Without JavaScript the
  // lesson works the same; the hint above the button states the minimum time.
  function announceReadingTime() {
    var status = document.querySelector("[data-reading-ready]");
    if (!status) {
      return;
    }
    var seconds = parseInt(status.getAttribute("data-reading-ready"), 10);
    if (isNaN(seconds) || seconds <= 0) {
      return;
    }
    window.setTimeout(function () {
      status.textContent = status.getAttribute("data-ready-text");
    }, seconds * 1000);
  }

  // A form marked data-submit-once ignores a second submit while the first is on its way
  // (the server also counts a form only once).
  function submitOnce(event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-submit-once")) {
      return;
    }
    if (form.getAttribute("data-submitting") === "true") {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-submitting", "true");
    var button = form.querySelector("[type='submit']");
    if (button) {
      button.setAttribute("aria-disabled", "true");
    }
  }

  document.addEventListener("submit", submitOnce);
  function ready() {
    focusErrorSummary();
    focusFragmentTarget();
    announceReadingTime();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
