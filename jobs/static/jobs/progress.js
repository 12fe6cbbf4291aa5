// Polite auto-refresh of the background jobs' pages while a job runs: the job page polls its
// status and updates the progress bar and its text in place (the text sits in a polite live
// region), reloading once the job has finished; the list replaces its table. Without
// JavaScript the pages still work: they show the state when loaded.
(function () {
  "use strict";
  var job = document.querySelector("[data-job-status-url]");
  if (job) {
    var url = job.getAttribute("data-job-status-url");
    var seconds = Number(job.getAttribute("data-job-refresh")) || 3;
    var poll = function () {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (status) {
          if (!status) { return; }
          if (status.finished) { window.location.reload(); return; }
          var bar = job.querySelector("[data-job-progress]");
          var text = job.querySelector("[data-job-progress-text]");
          var state = job.querySelector("[data-job-state]");
          if (bar && status.total) { bar.max = status.total; bar.value = status.done; }
          if (text) {
            var format = job.getAttribute("data-job-progress-format") || "{done} / {total} ({percent} %)";
            var label = status.total
              ? format.replace("{done}", status.done.toLocaleString(document.documentElement.lang))
                  .replace("{total}", status.total.toLocaleString(document.documentElement.lang))
                  .replace("{percent}", status.percent)
              : status.state_label;
            text.textContent = (status.stage ? status.stage + ": " : "") + label;
          }
          if (state) { state.textContent = status.state_label; }
          window.setTimeout(poll, seconds * 1000);
        })
        .catch(function () { window.setTimeout(poll, seconds * 4000); });
    };
    window.setTimeout(poll, seconds * 1000);
  }
  var list = document.querySelector("[data-job-list-refresh]");
  if (list) {
    var every = Number(list.getAttribute("data-job-list-refresh")) || 3;
    var refresh = function () {
      fetch(window.location.href, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (!html) { return; }
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("job-list");
          if (!fresh) { return; }
          list.innerHTML = fresh.innerHTML;
          if (fresh.hasAttribute("data-job-list-refresh")) { window.setTimeout(refresh, every * 1000); }
        })
        .catch(function () { window.setTimeout(refresh, every * 4000); });
    };
    window.setTimeout(refresh, every * 1000);
  }
})();
