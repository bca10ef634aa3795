// Keyboard shortcuts of the review page: a accept, c correct, r reject, j/k next/previous.
// Served from /review/static/ (the Content-Security-Policy allows no inline script).
(function () {
  "use strict";
  function typing(event) {
    var t = event.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
  }
  function click(id) { var el = document.getElementById(id); if (el) { el.click(); } }
  function go(id) { var el = document.getElementById(id); if (el) { window.location.href = el.href; } }

  // Bring the highlighted evidence into view inside the scrolling text box.
  var mark = document.getElementById("evidence");
  var box = document.getElementById("text");
  if (mark && box) { box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 80); }

  var valueInput = document.getElementById("value-input");
  if (valueInput) {
    valueInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); click("btn-correct"); }
    });
  }

  var rows = Array.prototype.slice.call(document.querySelectorAll("table.queue tr[data-fingerprint]"));
  var selected = -1;
  function select(i) {
    if (!rows.length) { return; }
    if (selected >= 0) { rows[selected].classList.remove("selected"); }
    selected = Math.max(0, Math.min(rows.length - 1, i));
    rows[selected].classList.add("selected");
    rows[selected].scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "Escape" && typing(event)) { event.target.blur(); return; }
    if (typing(event)) { return; }
    if (rows.length) {
      if (event.key === "j") { select(selected + 1); }
      else if (event.key === "k") { select(selected - 1); }
      else if (event.key === "Enter" && selected >= 0) {
        window.location.href = rows[selected].querySelector("a.open").href;
      }
      return;
    }
    if (event.key === "a") { click("btn-accept"); }
    else if (event.key === "r") { click("btn-reject"); }
    else if (event.key === "c" && valueInput) { event.preventDefault(); valueInput.focus(); }
    else if (event.key === "j") { go("next"); }
    else if (event.key === "k") { go("prev"); }
  });
})();
