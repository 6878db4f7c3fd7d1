// readouts HTML report: click (or Enter on) a claim to highlight it and its counterparts
// in the other account, and scroll the other column to the first one. A one-sided claim
// has no counterpart; the nearest claims of the other account are marked as related.
// The report's data lives in escaped attributes; this script only reads them and sets
// textContent.
(function () {
  "use strict";
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var status = document.getElementById("status");

  function clear() {
    var marked = document.querySelectorAll(".claim.selected, .claim.counterpart, .claim.related");
    for (var i = 0; i < marked.length; i++) {
      marked[i].classList.remove("selected", "counterpart", "related");
      marked[i].removeAttribute("aria-current");
    }
  }

  function reveal(el) {
    var box = el.closest(".text");
    if (!box) { return; }
    var top = Math.max(0, el.offsetTop - box.clientHeight / 3);
    box.scrollTo({ top: top, behavior: still ? "auto" : "smooth" });
  }

  function describe(el) {
    return el.getAttribute("data-side") + " " + el.getAttribute("data-short") +
      " (" + el.getAttribute("data-info") + ")";
  }

  function mark(el, attribute, cls) {
    var ids = (el.getAttribute(attribute) || "").split(" ");
    var found = [];
    for (var i = 0; i < ids.length; i++) {
      var other = ids[i] ? document.getElementById(ids[i]) : null;
      if (other) {
        other.classList.add(cls);
        found.push(other);
      }
    }
    return found;
  }

  function names(list) {
    return list.map(function (p) {
      return p.getAttribute("data-side") + " " + p.getAttribute("data-short");
    }).join(", ");
  }

  // the words of a claim as the account has them (its badge left out), cut when long
  function words(el) {
    var out = "";
    var nodes = el.childNodes;
    for (var i = 0; i < nodes.length; i++) {
      if (!(nodes[i].classList && nodes[i].classList.contains("badge"))) {
        out += nodes[i].textContent;
      }
    }
    out = out.replace(/\s+/g, " ").trim();
    return out.length > 320 ? out.slice(0, 319) + "\u2026" : out;
  }

  // one line per counterpart under the status line: its side, its id and its words
  function quote(list, sign) {
    var box = document.createElement("span");
    box.className = "counterparts";
    for (var i = 0; i < list.length; i++) {
      var line = document.createElement("span");
      line.className = "counterpart-text";
      line.setAttribute("lang", list[i].closest(".text").getAttribute("lang") || "");
      line.textContent = sign + " " + list[i].getAttribute("data-side") + " " +
        list[i].getAttribute("data-short") + ": \u201c" + words(list[i]) + "\u201d";
      box.appendChild(line);
    }
    return box;
  }

  function select(el) {
    clear();
    el.classList.add("selected");
    el.setAttribute("aria-current", "true");
    var found = mark(el, "data-partners", "counterpart");
    var near = mark(el, "data-related", "related");
    if (found.length) { reveal(found[0]); } else if (near.length) { reveal(near[0]); }
    if (status) {
      var line = describe(el);
      if (found.length) {
        line += " \u2194 " + names(found);
      } else if (near.length) {
        line += ": no counterpart; the nearest in the other account: " + names(near);
      } else {
        line += ": no counterpart in the other account";
      }
      status.textContent = line;
      if (found.length) {
        status.appendChild(quote(found, "\u2194"));
      } else if (near.length) {
        status.appendChild(quote(near, "\u2248"));
      }
    }
  }

  document.addEventListener("click", function (ev) {
    var el = ev.target.closest ? ev.target.closest(".claim") : null;
    if (el) { select(el); }
  });
  document.addEventListener("keydown", function (ev) {
    var el = ev.target;
    if (ev.key === "Escape") { clear(); return; }
    if ((ev.key === "Enter" || ev.key === " ") && el.classList && el.classList.contains("claim")) {
      ev.preventDefault();
      select(el);
    }
  });

  var toggles = document.querySelectorAll(".legend button[data-relation]");
  for (var k = 0; k < toggles.length; k++) {
    toggles[k].addEventListener("click", function () {
      var on = this.getAttribute("aria-pressed") !== "false";
      this.setAttribute("aria-pressed", on ? "false" : "true");
      document.body.classList.toggle("hide-" + this.getAttribute("data-relation"), on);
    });
  }
})();
