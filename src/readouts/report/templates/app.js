// readouts web app: add another account slot to the form (a copy of the template).
(function () {
  "use strict";
  var add = document.getElementById("add-account");
  var box = document.getElementById("accounts");
  var tpl = document.getElementById("account-template");
  if (!add || !box || !tpl) { return; }
  var max = parseInt(add.getAttribute("data-max"), 10) || 8;
  add.addEventListener("click", function () {
    var n = box.querySelectorAll("fieldset").length + 1;
    if (n > max) { add.disabled = true; return; }
    var html = tpl.innerHTML.split("__N__").join(String(n));
    var holder = document.createElement("div");
    holder.innerHTML = html;
    while (holder.firstChild) { box.appendChild(holder.firstChild); }
    if (n >= max) { add.disabled = true; }
  });
})();
