// Document view: mark every piece of the record named in the URL fragment and bring it into view.
(function () {
  "use strict";
  function mark() {
    var ref = decodeURIComponent(window.location.hash.slice(1));
    document.querySelectorAll(".hl.current").forEach(function (el) { el.classList.remove("current"); });
    document.querySelectorAll(".side-ref.current").forEach(function (el) { el.classList.remove("current"); });
    if (!ref) { return; }
    var pieces = document.querySelectorAll('#doc-text [data-ref="' + CSS.escape(ref) + '"]');
    pieces.forEach(function (el) { el.classList.add("current"); });
    document.querySelectorAll('.side-ref[data-target="' + CSS.escape(ref) + '"]')
      .forEach(function (el) { el.classList.add("current"); });
    var anchor = document.getElementById(ref) || pieces[0];
    if (anchor) { anchor.scrollIntoView({block: "center"}); }
    document.body.setAttribute("data-marked", pieces.length ? ref : "");
  }
  window.addEventListener("hashchange", mark);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
// Side list ⇄ text: hovering (or focusing) an entry of the side list outlines its span.
(function () {
  "use strict";
  function pieces(ref) {
    return document.querySelectorAll('#doc-text [data-ref="' + CSS.escape(ref) + '"]');
  }
  function toggle(ref, on) {
    pieces(ref).forEach(function (el) { el.classList.toggle("hover", on); });
  }
  function wire() {
    document.querySelectorAll(".side-ref[data-target]").forEach(function (el) {
      var ref = el.getAttribute("data-target");
      ["mouseenter", "focus"].forEach(function (ev) {
        el.addEventListener(ev, function () { toggle(ref, true); });
      });
      ["mouseleave", "blur"].forEach(function (ev) {
        el.addEventListener(ev, function () { toggle(ref, false); });
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();
