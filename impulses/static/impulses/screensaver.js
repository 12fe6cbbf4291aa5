// The screensaver page (impulses/templates/impulses/screensaver.html): shows one impulse
// after another every data-seconds seconds. Everything is in the page already, so it keeps
// rotating without a network. Once an hour it asks the server whether it is reachable and
// then reloads for new impulses; offline it carries on with what it has.
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  var seconds = parseInt(document.body.dataset.seconds, 10) || 30;
  var current = 0;
  if (slides.length > 1) {
    window.setInterval(function () {
      slides[current].hidden = true;
      current = (current + 1) % slides.length;
      slides[current].hidden = false;
    }, seconds * 1000);
  }
  window.setInterval(function () {
    if (!window.fetch) { return; }
    window.fetch(window.location.href, { cache: "no-store", credentials: "omit" })
      .then(function (response) { if (response.ok) { window.location.reload(); } })
      .catch(function () { /* offline: keep showing what is loaded */ });
  }, 60 * 60 * 1000);
})();
