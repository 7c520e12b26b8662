// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Filters and sort submit their form when changed.
  document.addEventListener("change", function (ev) {
    var el = ev.target;
    if (el.name === "sort") el.removeAttribute("data-default");
    if (el.hasAttribute && el.hasAttribute("data-autosubmit") && el.form) {
      search(el.form);
    }
  });

  // Search as you type: fetch the result page for the new words and
  // replace the result list, keeping the URL in step.
  var timer = null;
  document.addEventListener("input", function (ev) {
    var el = ev.target;
    if (el.id !== "q" || !el.form || !el.form.hasAttribute("data-live-search")) return;
    clearTimeout(timer);
    timer = setTimeout(function () { search(el.form); }, 300);
  });

  var latest = 0; // only the newest answer is shown when several overlap
  function search(form) {
    if (!form.hasAttribute("data-live-search")) { form.submit(); return; }
    var params = new URLSearchParams(new FormData(form));
    // An order the user never chose follows the words: relevance with
    // words, newest without.
    var sort = form.querySelector("select[name=sort][data-default]");
    if (sort) params.delete("sort");
    var url = form.action + "?" + params.toString();
    var seq = ++latest;
    fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        if (seq !== latest) return;
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector(".search-layout");
        var old = document.querySelector(".search-layout");
        if (!fresh || !old) { window.location.href = url; return; }
        var active = document.activeElement && document.activeElement.id;
        var panel = old.querySelector("details[data-collapse-narrow]");
        var freshPanel = fresh.querySelector("details[data-collapse-narrow]");
        if (panel && freshPanel) freshPanel.open = panel.open;
        old.replaceWith(fresh);
        history.replaceState(null, "", url);
        document.title = doc.title;
        var count = document.getElementById("antal");
        var status = document.getElementById("live-status");
        if (count && status) status.textContent = count.textContent;
        if (active && active !== "q") {
          var again = document.getElementById(active);
          if (again) again.focus();
        }
      })
      .catch(function () { window.location.href = url; });
  }

  // On narrow screens the filters are folded, so that the results show
  // first; without JavaScript they stay open.
  var narrow = window.matchMedia("(max-width: 56rem)");
  function fold() {
    document.querySelectorAll("details[data-collapse-narrow]").forEach(function (d) { d.open = !narrow.matches; });
  }
  fold();
  narrow.addEventListener("change", fold);

  // Move focus to an error summary so that screen readers announce it.
  var summary = document.querySelector(".error-summary[tabindex]");
  if (summary) summary.focus();
})();
