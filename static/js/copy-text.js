/* Sensi – a copy button for text shown on the page (the TOTP secret key). Without
   JavaScript the button stays hidden and the text can be selected and copied as usual. */
(function () {
  "use strict";

  function enable(button) {
    if (!navigator.clipboard) {
      return;
    }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        button.textContent = button.getAttribute("data-copied-text");
        window.setTimeout(function () {
          button.textContent = label;
        }, 2000);
      });
    });
  }

  document.querySelectorAll("button[data-copy]").forEach(enable);
})();
