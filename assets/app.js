// Kairos: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // What the page's language says for the few texts this script writes (data-messages
  // on body, from the catalogues); the English text when a page has none.
  var messages = null;
  function message(key, english) {
    if (messages === null) {
      try { messages = JSON.parse(document.body.dataset.messages || "{}"); } catch (e) { messages = {}; }
    }
    return messages[key] || english;
  }

  document.documentElement.classList.add("js");

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      return "";
    }
  }

  // A time-zone select still at its default picks the browser's zone.
  function detectZones() {
    var zone = browserZone();
    if (!zone) return;
    document.querySelectorAll("select[data-detect-zone]").forEach(function (select) {
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
      if (option) option.selected = true;
    });
  }

  // Time-zone menus: the detected zone first, and a search box that narrows the list
  // as you type (Enter picks the first match).
  function zoneMenus(root) {
    var detected = browserZone();
    root.querySelectorAll("select[data-zone-menu]:not([data-zone-enhanced])").forEach(function (select) {
      select.setAttribute("data-zone-enhanced", "");
      var mine = Array.prototype.find.call(select.options, function (o) { return o.value === detected; });
      if (mine) {
        var group = document.createElement("optgroup");
        group.label = message("zoneDetected", "Your zone (detected)");
        var copy = mine.cloneNode(true);
        copy.removeAttribute("selected");
        group.appendChild(copy);
        select.insertBefore(group, select.firstChild);
        if (mine.selected) copy.selected = true;
      }
      var search = document.createElement("input");
      search.type = "search";
      search.className = "zone-search";
      search.placeholder = message("zoneSearch", "Search time zones");
      search.setAttribute("aria-label", search.placeholder);
      search.setAttribute("aria-controls", select.id || "");
      select.parentNode.insertBefore(search, select);
      function matches(option, words) {
        var text = (option.textContent + " " + option.value).toLowerCase().replace(/_/g, " ");
        return words.every(function (w) { return text.indexOf(w) >= 0; });
      }
      search.addEventListener("input", function () {
        var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
        select.querySelectorAll("optgroup").forEach(function (group) {
          var any = false;
          Array.prototype.forEach.call(group.children, function (option) {
            var shown = matches(option, words);
            option.hidden = !shown;
            any = any || shown;
          });
          group.hidden = !any;
        });
      });
      search.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") return;
        event.preventDefault();
        var first = Array.prototype.find.call(select.options, function (o) { return !o.hidden && !o.parentNode.hidden; });
        if (first) {
          select.value = first.value;
          select.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
    });
  }

  // "Repeat the password" says at once when it does not match.
  function checkPasswordRepeat() {
    document.querySelectorAll("input[name=password_confirm], input[name=new_password_confirm]").forEach(function (repeat) {
      var form = repeat.form;
      var first = form && form.querySelector("input[name=password], input[name=new_password]");
      if (!first) return;
      function check() {
        repeat.setCustomValidity(repeat.value && repeat.value !== first.value ? message("passwordsDiffer", "The passwords do not match.") : "");
      }
      repeat.addEventListener("input", check);
      first.addEventListener("input", check);
    });
  }

  // ---- The booker: swap the booker in place instead of reloading ----------------------

  var status;
  function announce(text) {
    if (!status) {
      status = document.createElement("div");
      status.className = "visually-hidden";
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    status.textContent = text;
  }

  function describe(link) {
    return {
      day: link.hasAttribute("data-day"),
      label: link.getAttribute("aria-label"),
      text: link.textContent.trim()
    };
  }

  function restoreFocus(root, clicked) {
    var target = null;
    if (clicked && clicked.day) {
      target = root.querySelector("a[data-day][aria-current]");
    } else if (clicked && clicked.label) {
      target = root.querySelector('a[aria-label="' + clicked.label.replace(/"/g, "") + '"]');
    } else if (clicked) {
      target = Array.prototype.find.call(root.querySelectorAll("a[data-nav]"), function (a) {
        return a.textContent.trim() === clicked.text;
      });
    }
    if (!target) target = root.querySelector("#slots-title, #form-title, h2");
    if (target) {
      if (!target.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT)$/.test(target.tagName)) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus({ preventScroll: false });
    }
  }

  function load(url, mode, clicked) {
    var current = document.querySelector("[data-booker]");
    if (current) current.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-booker]");
        var old = document.querySelector("[data-booker]");
        if (!fresh || !old) {
          window.location.href = url;
          return;
        }
        old.replaceWith(fresh);
        document.title = doc.title;
        if (mode === "push") history.pushState({ booker: true }, "", url);
        if (mode === "replace") history.replaceState({ booker: true }, "", url);
        enhanceBooker();
        zoneMenus(fresh);
        if (clicked) restoreFocus(fresh, clicked);
        var slots = fresh.querySelectorAll("[data-slots] a");
        var title = fresh.querySelector("#slots-title");
        if (clicked && clicked.day && title) {
          announce(slots.length + " times on " + title.textContent);
        }
      })
      .catch(function () { window.location.href = url; });
  }

  function enhanceBooker() {
    var root = document.querySelector("[data-booker]");
    if (!root) return;
    var zoneForm = root.querySelector("[data-zone-form]");
    if (zoneForm) {
      var select = zoneForm.querySelector("[data-zone-select]");
      select.addEventListener("change", function () {
        var params = new URLSearchParams(new FormData(zoneForm));
        load(zoneForm.getAttribute("action") + "?" + params.toString(), "push", null);
      });
    }
    // The calendar is one tab stop; arrow keys move between bookable days.
    var grid = root.querySelector("[data-calendar]");
    if (grid) {
      var days = Array.prototype.slice.call(grid.querySelectorAll("a[data-day]"));
      var active = grid.querySelector("a[data-day][aria-current]") || days[0];
      days.forEach(function (a) { a.setAttribute("tabindex", a === active ? "0" : "-1"); });
      grid.addEventListener("keydown", function (event) {
        var cells = Array.prototype.slice.call(grid.querySelectorAll("tbody td"));
        var index = cells.indexOf(document.activeElement && document.activeElement.parentNode);
        if (index < 0) return;
        var steps = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[event.key];
        var next = null;
        if (steps) {
          for (var i = index + steps; i >= 0 && i < cells.length; i += steps) {
            next = cells[i].querySelector("a[data-day]");
            if (next) break;
          }
          if (!next && Math.abs(steps) === 7) {
            for (var j = index + steps / 7; j >= 0 && j < cells.length; j += steps / 7) {
              next = cells[j].querySelector("a[data-day]");
              if (next) break;
            }
          }
        } else if (event.key === "Home") {
          next = days[0];
        } else if (event.key === "End") {
          next = days[days.length - 1];
        } else {
          return;
        }
        event.preventDefault();
        if (next) {
          days.forEach(function (a) { a.setAttribute("tabindex", a === next ? "0" : "-1"); });
          next.focus();
        }
      });
    }
    // Up and down move through the times.
    var list = root.querySelector("[data-slots]");
    if (list) {
      list.addEventListener("keydown", function (event) {
        var links = Array.prototype.slice.call(list.querySelectorAll("a"));
        var index = links.indexOf(document.activeElement);
        if (index < 0) return;
        var next = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: links.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        if (links[next]) links[next].focus();
      });
    }
    enhanceForms(root);
  }

  function booker() {
    if (!document.querySelector("[data-booker]")) return;
    enhanceBooker();
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-nav]");
      if (!link || !link.closest("[data-booker]")) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
      event.preventDefault();
      load(link.href, "push", describe(link));
    });
    window.addEventListener("popstate", function () {
      load(window.location.href, null, null);
    });
    // Times are shown in the invitee's zone: the browser's, unless they chose one.
    var params = new URLSearchParams(window.location.search);
    var zone = browserZone();
    var select = document.querySelector("[data-zone-select]");
    if (!params.has("tz") && zone && select && select.value !== zone &&
        Array.prototype.some.call(select.options, function (o) { return o.value === zone; })) {
      params.set("tz", zone);
      load(window.location.pathname + "?" + params.toString(), "replace", null);
    }
  }

  // ---- Forms: messages next to fields, guests, one submission --------------------------

  function showError(field, message) {
    var container = field.closest(".field") || field.parentNode;
    var id = (field.id || field.name.replace(/\W/g, "-")) + "-client-error";
    var existing = document.getElementById(id);
    if (!existing) {
      existing = document.createElement("p");
      existing.className = "error";
      existing.id = id;
      container.appendChild(existing);
    }
    existing.textContent = message;
    container.classList.add("invalid");
    field.setAttribute("aria-invalid", "true");
    var described = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (described.indexOf(id) < 0) described.push(id);
    field.setAttribute("aria-describedby", described.join(" "));
  }

  function clearError(field, all) {
    var id = (field.id || field.name.replace(/\W/g, "-")) + "-client-error";
    var existing = document.getElementById(id);
    if (existing) existing.remove();
    field.removeAttribute("aria-invalid");
    var container = field.closest(".field");
    if (container && all) container.querySelectorAll(".error").forEach(function (e) { e.remove(); });
    if (container && !container.querySelector(".error")) container.classList.remove("invalid");
  }

  function enhanceForms(scope) {
    scope.querySelectorAll("form[data-validate]").forEach(function (form) {
      if (form.dataset.enhanced) return;
      form.dataset.enhanced = "1";
      form.setAttribute("novalidate", "");
      form.addEventListener("input", function (event) {
        // Once a field is fixed, its old message goes, the server's included.
        if (event.target.validity && event.target.validity.valid) clearError(event.target, true);
      });
      form.addEventListener("submit", function (event) {
        var first = null;
        Array.prototype.forEach.call(form.elements, function (field) {
          if (!field.willValidate) return;
          if (!field.checkValidity()) {
            showError(field, field.validationMessage);
            first = first || field;
          } else {
            clearError(field);
          }
        });
        form.querySelectorAll("fieldset[data-required]").forEach(function (group) {
          var box = group.querySelector("input");
          if (box && !group.querySelector("input:checked")) {
            showError(box, message("chooseOne", "Choose at least one."));
            first = first || box;
          }
        });
        if (first) {
          event.preventDefault();
          first.focus();
        }
      });
    });
    scope.querySelectorAll("[data-add-guest]").forEach(function (button) {
      var list = button.parentNode.querySelector("[data-guests]");
      if (!list || button.dataset.enhanced) return;
      button.dataset.enhanced = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        var fields = list.querySelectorAll(".field");
        if (fields.length >= 10) return;
        var copy = fields[fields.length - 1].cloneNode(true);
        var n = fields.length + 1;
        var input = copy.querySelector("input");
        var label = copy.querySelector("label");
        copy.querySelectorAll(".error").forEach(function (e) { e.remove(); });
        copy.classList.remove("invalid");
        input.value = "";
        input.id = "f-guest-" + (n - 1);
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
        label.setAttribute("for", input.id);
        label.textContent = message("guestEmail", "Guest email {n}").replace("{n}", n);
        list.appendChild(copy);
        input.focus();
        if (n >= 10) button.hidden = true;
      });
    });
  }

  // Submit buttons say once that the form is on its way; a second click does nothing.
  function oneSubmission() {
    document.addEventListener("submit", function (event) {
      if (event.defaultPrevented) return;
      var button = event.target.querySelector("[data-submit]");
      if (!button) return;
      if (event.target.dataset.sent) {
        event.preventDefault();
        return;
      }
      event.target.dataset.sent = "1";
      button.setAttribute("aria-disabled", "true");
      button.textContent = message("sending", "Sending…");
    });
  }

  // Buttons that ask before something that cannot be undone.
  function confirmations() {
    document.addEventListener("submit", function (event) {
      var message = event.target.getAttribute("data-confirm");
      if (message && !window.confirm(message)) event.preventDefault();
    }, true);
  }

  // Copy buttons next to links and keys.
  function copyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var source = document.querySelector(button.getAttribute("data-copy"));
        var text = source ? (source.value || source.innerText || source.textContent) : button.getAttribute("data-copy-text");
        if (!text || !navigator.clipboard) return;
        navigator.clipboard.writeText(text.trim()).then(function () {
          var before = button.textContent;
          button.textContent = message("copied", "Copied");
          setTimeout(function () { button.textContent = before; }, 1600);
        });
      });
    });
  }

  // Fields that apply to some choices only (a workflow's offset, a step's target): each
  // [data-show-for="A B"] in the same [data-choice-scope] as a [data-choice] select shows
  // while A or B is chosen there.
  function choiceFields() {
    document.querySelectorAll("[data-choice] select").forEach(function (select) {
      var scope = select.closest("[data-choice-scope]") || select.form;
      if (!scope) return;
      function update() {
        scope.querySelectorAll("[data-show-for]").forEach(function (field) {
          if (field.closest("[data-choice-scope]") !== scope) return;
          var shown = field.getAttribute("data-show-for").split(" ").indexOf(select.value) >= 0;
          field.hidden = !shown;
        });
      }
      select.addEventListener("change", update);
      update();
    });
  }

  // Inside another site's frame: tell the page how tall the booking page is.
  function embedHeight() {
    if (window.parent === window || !document.body.classList.contains("embed")) return;
    function send() {
      window.parent.postMessage({ type: "kairos:height", height: document.documentElement.scrollHeight }, "*");
    }
    if (window.ResizeObserver) new ResizeObserver(send).observe(document.body);
    send();
  }

  // Automatic logoff: a minute before an idle session ends, ask whether the person is
  // still there; "Stay signed in" keeps the session alive, otherwise go to sign-in.
  function idleLogoff() {
    var left = parseInt(document.body.getAttribute("data-session-left"), 10);
    var dialog = document.getElementById("idle-warning");
    if (isNaN(left) || !dialog || typeof dialog.showModal !== "function") return;
    var form = dialog.querySelector("form[data-extend-session]");
    var countdown = dialog.querySelector("[data-idle-countdown]");
    var deadline = 0, warnTimer, endTimer, ticker;
    function update() {
      countdown.textContent = String(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
    }
    function end() {
      window.location.href = "/login?notice=session-ended&next=" +
        encodeURIComponent(window.location.pathname + window.location.search);
    }
    function warn() {
      update();
      ticker = setInterval(update, 1000);
      if (!dialog.open) dialog.showModal();
    }
    function schedule(seconds) {
      clearTimeout(warnTimer);
      clearTimeout(endTimer);
      clearInterval(ticker);
      deadline = Date.now() + seconds * 1000;
      warnTimer = setTimeout(warn, Math.max(0, seconds - 60) * 1000);
      endTimer = setTimeout(end, seconds * 1000);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) throw new Error("session ended");
        return response.json();
      }).then(function (answer) {
        clearInterval(ticker);
        dialog.close();
        schedule(answer.sessionEndsIn);
      }).catch(end);
    });
    dialog.addEventListener("cancel", function (event) { event.preventDefault(); });
    schedule(left);
  }

  // The language menu: choosing a language reloads the page in it, keeping the page's
  // other parameters (the month and day shown); without script its button does the same.
  function languageMenus() {
    document.querySelectorAll("form[data-language-menu]").forEach(function (form) {
      var button = form.querySelector("[data-no-js]");
      if (button) button.hidden = true;
      var select = form.querySelector("select");
      select.addEventListener("change", function () {
        var url = new URL(window.location.href);
        url.searchParams.set("lang", select.value);
        window.location.assign(url.toString());
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    languageMenus();
    idleLogoff();
    detectZones();
    zoneMenus(document);
    checkPasswordRepeat();
    booker();
    enhanceForms(document);
    oneSubmission();
    confirmations();
    copyButtons();
    choiceFields();
    embedHeight();
  });
})();
