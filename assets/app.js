// Kairos: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // A time-zone select still at its default picks the browser's zone.
  function detectZones() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone) return;
    document.querySelectorAll("select[data-detect-zone]").forEach(function (select) {
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
      if (option) option.selected = true;
    });
  }

  // "Repeat the password" says at once when it does not match.
  function checkPasswordRepeat() {
    document.querySelectorAll("input[name=password_confirm]").forEach(function (repeat) {
      var form = repeat.form;
      var first = form && form.querySelector("input[name=password]");
      if (!first) return;
      function check() {
        repeat.setCustomValidity(repeat.value && repeat.value !== first.value ? "The passwords do not match." : "");
      }
      repeat.addEventListener("input", check);
      first.addEventListener("input", check);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    detectZones();
    checkPasswordRepeat();
  });
})();
