/* Sensi – small progressive enhancements; every page works without them. */
(function () {
  "use strict";

  // An error summary gets the focus, so that screen readers read it and keyboard users
  // start from it (its links lead to the fields).
  function focusErrorSummary() {
    var summary = document.querySelector(".error-summary[tabindex='-1']");
    if (summary) {
      summary.focus();
    }
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
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusErrorSummary);
  } else {
    focusErrorSummary();
  }
})();
