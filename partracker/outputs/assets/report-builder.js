/* Report builder (Công cụ lập báo cáo): a form that turns a clerk's choices into the YAML of a
 * progress report, checked with the same vocabulary and rules as `partracker validate`.
 * Works without a server and makes no request beyond the site's own data/report-builder.json.
 * When the deployment setting names the repository, "Open on GitHub" opens GitHub's new-file page
 * with the path and the YAML filled in; a report too long for an address is copied or downloaded.
 * Its messages are the validator's (data.messages, from errors.py) and its words the label catalogue's
 * (data.words): none is written here. What the clerk types is kept in the browser's local storage.
 * The pure functions (buildYaml, validateState, fileName, githubUrl, isoDate) are exported for tests under Node. */
(function (root) {
  "use strict";

  var ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

  // A JSON string is a valid YAML double-quoted scalar; line and paragraph separators are escaped
  // because YAML would fold them.
  function q(value) {
    return JSON.stringify(String(value)).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  }

  // Numbers as the strict loader reads them: 12, 12.5 (never 1e21, never a leading "+").
  function num(value) {
    var n = Number(value);
    if (Number.isInteger(n)) return String(n);
    return String(Number(n.toFixed(6)));
  }

  function realDate(value) {
    if (typeof value !== "string" || !ISO_DATE.test(value)) return false;
    var parts = value.split("-").map(Number);
    var d = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return d.getUTCFullYear() === parts[0] && d.getUTCMonth() === parts[1] - 1 && d.getUTCDate() === parts[2];
  }

  // A date as typed on the page → "YYYY-MM-DD" when it is a real day, else the text as typed (the checks
  // then say it does not exist). /vi/ writes day/month/year (05/03/2017, also 5-3-2017 or 05.03.2017);
  // both pages take year-month-day, which cannot be misread. /en/ takes only that: "05/03/2017" reads as
  // 5 March in Vietnam and 3 May in the United States, so the English page asks for the one unambiguous form.
  function isoDate(text, lang) {
    var s = String(text === undefined || text === null ? "" : text).trim();
    var m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/.exec(s);
    var parts = m ? [m[1], m[2], m[3]] : null;
    if (!parts && lang === "vi") {
      m = /^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$/.exec(s);
      if (m) parts = [m[3], m[2], m[1]];
    }
    if (!parts) return s;
    var iso = parts[0] + "-" + ("0" + parts[1]).slice(-2) + "-" + ("0" + parts[2]).slice(-2);
    return realDate(iso) ? iso : s;
  }

  // "YYYY-MM-DD" as the page shows a date: 05/03/2017 on /vi/, 2017-03-05 on /en/.
  function shownDate(iso, lang) {
    if (lang !== "vi" || !ISO_DATE.test(iso || "")) return iso || "";
    return iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4);
  }

  function blank(value) {
    return value === undefined || value === null || String(value).trim() === "";
  }

  function fileName(state) {
    return "plan-data/progress/" + state.agency + "/" + state.period + ".yaml";
  }

  // GitHub's "new file" page for this report, path and text filled in; null when the site names no
  // repository, or when the address would be longer than data.github.url_limit (see report_builder.py).
  function githubUrl(state, yaml, data) {
    var gh = data.github;
    if (!gh || !gh.new_file) return null;
    var url = gh.new_file + "?filename=" + encodeURIComponent(fileName(state)) + "&value=" + encodeURIComponent(yaml);
    return url.length <= gh.url_limit ? url : null;
  }

  function buildYaml(state, data) {
    var out = [data.schema_comment];
    out.push("agency: " + q(state.agency));
    out.push("period: " + q(state.period));
    out.push("submitted: " + q(state.submitted));
    out.push("entries:");
    state.entries.forEach(function (e, i) {
      out.push("  - id: " + q(e.id || "e" + (i + 1)));
      out.push("    task: " + q(e.task));
      out.push("    status: " + q(e.status));
      if (!blank(e.percent)) out.push("    percent: " + num(e.percent));
      var targetIds = Object.keys(e.targets || {}).filter(function (k) { return !blank(e.targets[k]); }).sort();
      if (targetIds.length) {
        out.push("    targets:");
        targetIds.forEach(function (k) { out.push("      " + k + ": " + num(e.targets[k])); });
      }
      var evidence = (e.evidence || []).filter(function (ev) { return !blank(ev.document); });
      if (evidence.length) {
        out.push("    evidence:");
        evidence.forEach(function (ev) {
          out.push("      - document: " + q(ev.document.trim()));
          if (!blank(ev.date)) out.push("        date: " + q(ev.date.trim()));
          if (!blank(ev.url)) out.push("        url: " + q(ev.url.trim()));
        });
      }
      if (e.note && (!blank(e.note.vi) || !blank(e.note.en))) {
        // Vietnamese is enough; English only when the clerk gives it.
        out.push("    note:");
        out.push("      vi: " + q((e.note.vi || "").trim()));
        if (!blank(e.note.en)) out.push("      en: " + q(e.note.en.trim()));
      }
      out.push("    reported: " + q(e.reported || state.submitted));
      if (e.status === "done" && !blank(e.completed)) out.push("    completed: " + q(e.completed));
      if (!blank(e.corrects)) out.push("    corrects: " + q(e.corrects.trim()));
    });
    return out.join("\n") + "\n";
  }

  // --- checks: the validator's own messages, from data.messages (errors.py), never written here ---

  // "{name}" placeholders filled as the validator fills them; an unknown one stays as written.
  function fill(template, params) {
    return template.replace(/\{([a-z_]+)\}/g, function (all, k) { return params[k] === undefined ? all : String(params[k]); });
  }

  // A value as the validator's messages show it (errors.quote): text in single quotes, cut at 60 characters.
  function shown(value) {
    var s = String(value);
    return "'" + (s.length <= 60 ? s : s.slice(0, 57) + "\u2026") + "'";
  }

  // One problem: where (task code or null, and the form field) and what (message code and its values).
  // Its words in both languages: "A-I-1: <message> — fix: <fix>", as `partracker validate` says them.
  function problem(data, task, field, code, params, fixWord) {
    var p = { task: task, field: field, code: code };
    ["vi", "en"].forEach(function (lang) {
      var m = data.messages[code][lang];
      var fix = fixWord ? data.words[fixWord][lang] : m.fix;
      p[lang] = (task ? task + ": " : "") + fill(m.message, params) + " \u2014 " + data.fix_label[lang] + ": " + fill(fix, params);
    });
    return p;
  }

  function checkDate(list, data, task, field, value, today) {
    if (!realDate(value)) list.push(problem(data, task, field, "date.invalid", { got: shown(value) }));
    else if (today && value > today) list.push(problem(data, task, field, "date.future", { got: shown(value), as_of: today }));
  }

  function unsafeNames(text, data) {
    var found = {};
    Array.prototype.forEach.call(text, function (c) { if (data.unsafe_chars[c]) found[c] = data.unsafe_chars[c]; });
    return Object.keys(found).sort().map(function (c) { return found[c]; });
  }

  function validateState(state, data, today) {
    var problems = [];
    var agency = data.agencies.filter(function (a) { return a.id === state.agency; })[0];
    if (!agency) problems.push(problem(data, null, "agency", "schema.required", { name: "agency" }));
    if (!new RegExp(data.period_pattern).test(state.period || "")) {
      problems.push(problem(data, null, "period", "schema.required", { name: "period" }));
    } else if (data.years.indexOf(Number(state.period.slice(0, 4))) < 0) {
      problems.push(problem(data, null, "period", "report.period_outside", { got: state.period, start: data.years[0], end: data.years[data.years.length - 1] }));
    }
    checkDate(problems, data, null, "submitted", state.submitted, today);
    if (!state.entries.length) problems.push(problem(data, null, "entries", "schema.min_items", { limit: 1 }));
    var owed = agency ? agency.tasks.map(function (t) { return t.id; }) : [];
    state.entries.forEach(function (e) {
      var t = e.task;
      if (agency && owed.indexOf(t) < 0) problems.push(problem(data, t, "task", "report.not_assigned", { agency: state.agency, task: t }));
      if (!blank(e.percent)) {
        var p = Number(e.percent);
        if (!isFinite(p) || p < 0 || p > 100) problems.push(problem(data, t, "percent", "schema.range", { got: e.percent, minimum: 0, maximum: 100 }));
      }
      Object.keys(e.targets || {}).sort().forEach(function (k) {
        if (blank(e.targets[k])) return;
        var v = Number(e.targets[k]);
        if (!isFinite(v) || v < 0) problems.push(problem(data, t, "target:" + k, "schema.minimum", { got: e.targets[k], minimum: 0 }));
      });
      (e.evidence || []).forEach(function (ev) {
        if (blank(ev.document)) {
          if (!blank(ev.date) || !blank(ev.url)) problems.push(problem(data, t, "document", "schema.required", { name: "document" }, "builder.fix.document"));
          return;
        }
        if (!blank(ev.date)) checkDate(problems, data, t, "docdate", ev.date.trim(), today);
        if (!blank(ev.url) && ev.url.trim().indexOf("https://") !== 0) problems.push(problem(data, t, "url", "url.not_https", { got: shown(ev.url.trim()) }));
      });
      if (e.note && blank(e.note.vi) && !blank(e.note.en)) problems.push(problem(data, t, "note-vi", "schema.min_length", {}));
      // The form dates every entry with the report's own date, checked once above.
      if (!blank(e.reported) && e.reported !== state.submitted) checkDate(problems, data, t, "reported", e.reported, today);
      if (e.status === "done") {
        if (blank(e.completed)) problems.push(problem(data, t, "completed", "report.completed_missing", {}));
        else checkDate(problems, data, t, "completed", e.completed, today);
      }
      [["note-vi", e.note && e.note.vi], ["note-en", e.note && e.note.en], ["document", (e.evidence || []).map(function (ev) { return ev.document; }).join("")]].forEach(function (pair) {
        var names = pair[1] ? unsafeNames(pair[1], data) : [];
        if (names.length) problems.push(problem(data, t, pair[0], "text.unsafe_chars", { chars: names.join(", ") }));
      });
    });
    return problems;
  }

  // --- the page ------------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function todayIso() {
    // The plan's dates are in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
    return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  }

  function start(form, data) {
    var lang = form.getAttribute("data-lang") === "en" ? "en" : "vi";
    var agencySel = form.querySelector("[name=agency]");
    var yearSel = form.querySelector("[name=year]");
    var kindSel = form.querySelector("[name=kind]");
    var submitted = form.querySelector("[name=submitted]");
    var tasksBox = form.querySelector("[data-role=tasks]");
    var output = form.querySelector("[data-role=output]");
    var problemsBox = form.querySelector("[data-role=problems]");
    var problemsSummary = form.querySelector("[data-role=problems-summary]");
    var fileBox = form.querySelector("[data-role=file]");
    var githubBox = form.querySelector("[data-role=github]");
    var githubLink = form.querySelector("[data-role=github-link]");
    var tooLong = form.querySelector("[data-role=too-long]");
    var noRepository = form.querySelector("[data-role=no-repository]");
    var download = form.querySelector("[data-role=download]");
    var today = todayIso();
    // Dates are text fields: the browser's own date field shows the format of its locale (mm/dd/yyyy in
    // en-US), not the page's.
    var datePattern = lang === "vi" ? "[0-9]{1,2}[\\/.\\-][0-9]{1,2}[\\/.\\-][0-9]{4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}" : "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}";
    function dateField(name) {
      var format = data.words["builder.date_format"][lang];
      return el("input", { name: name, type: "text", inputmode: "numeric", autocomplete: "off", pattern: datePattern, placeholder: format, title: format, size: "10", "data-date": "" });
    }
    submitted.setAttribute("pattern", datePattern);
    submitted.setAttribute("placeholder", data.words["builder.date_format"][lang]);
    submitted.setAttribute("title", data.words["builder.date_format"][lang]);
    submitted.value = shownDate(today, lang);
    data.agencies.forEach(function (a) { agencySel.appendChild(el("option", { value: a.id }, [a.name[lang]])); });
    data.years.forEach(function (y) { yearSel.appendChild(el("option", { value: String(y) }, [String(y)])); });
    data.periods.forEach(function (p) { kindSel.appendChild(el("option", { value: p.id }, [p.label[lang]])); });

    function renderTasks() {
      tasksBox.textContent = "";
      var agency = data.agencies.filter(function (a) { return a.id === agencySel.value; })[0];
      if (!agency) return;
      var groups = {};
      agency.tasks.forEach(function (owed) {
        var task = data.tasks[owed.id];
        var status = el("select", { name: "status", "aria-label": form.getAttribute("data-label-status") }, [el("option", { value: "" }, ["—"])]);
        data.statuses.forEach(function (s) { status.appendChild(el("option", { value: s.id }, [s.label[lang]])); });
        var fields = [
          el("label", {}, [form.getAttribute("data-label-status") + " ", status]),
          el("label", {}, [form.getAttribute("data-label-percent") + " ", el("input", { name: "percent", type: "number", min: "0", max: "100", step: "any" })]),
        ];
        task.targets.forEach(function (t) {
          fields.push(el("label", { title: t.metric[lang] }, [t.id + " (" + t.metric[lang] + ") ", el("input", { name: "target", "data-target": t.id, type: "number", min: "0", step: "any" })]));
        });
        fields.push(el("label", {}, [form.getAttribute("data-label-completed") + " ", dateField("completed")]));
        fields.push(el("label", {}, [form.getAttribute("data-label-document") + " ", el("input", { name: "document", type: "text" })]));
        fields.push(el("label", {}, [form.getAttribute("data-label-docdate") + " ", dateField("docdate")]));
        fields.push(el("label", {}, [form.getAttribute("data-label-url") + " ", el("input", { name: "url", type: "url", placeholder: "https://" })]));
        fields.push(el("label", {}, [form.getAttribute("data-label-note-vi") + " ", el("textarea", { name: "note-vi", rows: "2" })]));
        fields.push(el("label", {}, [form.getAttribute("data-label-note-en") + " ", el("textarea", { name: "note-en", rows: "2" })]));
        var via = owed.via ? data.agencies.filter(function (x) { return x.id === owed.via; })[0] : null;
        var role = owed.role_words[lang] + (owed.via ? " \u2014 " + (via ? via.name[lang] : owed.via) : "");
        var head = [el("p", { class: "pt-card-role" }, [role])];
        // The full text only when the short title leaves some out.
        if (task.title[lang] !== task.content[lang].trim()) {
          head.push(el("details", {}, [el("summary", {}, [data.words.content[lang]]), el("p", {}, [task.content[lang]])]));
        }
        var legend = el("legend", {}, [el("strong", {}, [owed.id]), " " + task.title[lang]]);
        var card = el("fieldset", { "data-task": owed.id, class: "pt-card" }, [legend].concat(head, [el("div", { class: "pt-card-fields" }, fields.map(function (f) { return el("div", { class: "pt-field" }, [f]); }))]));
        var group = owed.via ? "via" : owed.role;
        groups[group] = groups[group] || [];
        groups[group].push(card);
      });
      // One group per role, in the order of weight: what the agency leads, coordinates on, owes through a collective.
      ["lead", "coordinating", "via"].forEach(function (g) {
        if (!groups[g]) return;
        var heading = el("h3", {}, [data.words["builder.group." + g][lang] + " (" + groups[g].length + ")"]);
        tasksBox.appendChild(el("section", { class: "pt-group", "data-group": g }, [heading].concat(groups[g])));
      });
    }

    function collect() {
      var entries = [];
      Array.prototype.forEach.call(tasksBox.querySelectorAll("fieldset[data-task]"), function (fs) {
        var status = fs.querySelector("[name=status]").value;
        if (!status) return;
        var targets = {};
        Array.prototype.forEach.call(fs.querySelectorAll("[name=target]"), function (inp) { targets[inp.getAttribute("data-target")] = inp.value; });
        entries.push({
          id: "e" + (entries.length + 1),
          task: fs.getAttribute("data-task"),
          status: status,
          percent: fs.querySelector("[name=percent]").value,
          targets: targets,
          evidence: [{ document: fs.querySelector("[name=document]").value, date: isoDate(fs.querySelector("[name=docdate]").value, lang), url: fs.querySelector("[name=url]").value }],
          note: { vi: fs.querySelector("[name=note-vi]").value, en: fs.querySelector("[name=note-en]").value },
          reported: isoDate(submitted.value, lang),
          completed: isoDate(fs.querySelector("[name=completed]").value, lang),
        });
      });
      return { agency: agencySel.value, period: yearSel.value + "-" + kindSel.value, submitted: isoDate(submitted.value, lang), entries: entries };
    }

    // The form field a problem is about: in its task's card, or at the top of the form.
    function fieldOf(p) {
      if (p.field === "entries") return tasksBox.querySelector("[name=status]");
      if (!p.task) return form.querySelector("[name=" + (p.field === "period" ? "year" : p.field) + "]");
      var card = tasksBox.querySelector("fieldset[data-task='" + p.task + "']");
      if (!card) return null;
      if (p.field.indexOf("target:") === 0) return card.querySelector("[data-target='" + p.field.slice(7) + "']");
      var name = { task: "status", reported: "status" }[p.field] || p.field;
      return card.querySelector("[name='" + name + "']");
    }

    // Each problem beside its field (highlighted, described by it), a summary linking to each, focus on the first.
    function showProblems(problems) {
      Array.prototype.forEach.call(form.querySelectorAll(".pt-field-error"), function (n) { n.remove(); });
      Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (n) {
        n.removeAttribute("aria-invalid");
        n.removeAttribute("aria-describedby");
      });
      problemsBox.textContent = "";
      if (problemsSummary) problemsSummary.textContent = problems.length ? fill(data.words["builder.problems"][lang], { count: problems.length }) : "";
      var first = null;
      problems.forEach(function (p, i) {
        var field = fieldOf(p);
        var id = "pt-error-" + i;
        var item = el("li", {}, []);
        if (field) {
          if (!field.id) field.id = "pt-field-" + (p.task ? p.task + "-" : "") + field.name + (field.getAttribute("data-target") || "");
          var note = el("span", { id: id, class: "pt-field-error" }, [p[lang]]);
          var holder = field.closest("label") || field;
          holder.parentNode.insertBefore(note, holder.nextSibling);
          field.setAttribute("aria-invalid", "true");
          field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + id).trim());
          item.appendChild(el("a", { href: "#" + field.id }, [p[lang]]));
          first = first || field;
        } else {
          item.textContent = p[lang];
        }
        problemsBox.appendChild(item);
      });
      // The first field marked on the page, top to bottom, whatever order the checks ran in.
      if (first) form.querySelector("[aria-invalid=true]").focus();
    }

    // --- the draft: what the clerk typed, kept in this browser by agency and period ---------------
    var DRAFT = "partracker:report-builder:draft:";
    var draftBox = form.querySelector("[data-role=draft]");
    var draftStatus = el("span", { "data-role": "draft-status" }, []);
    var clearDraft = el("button", { type: "button", "data-role": "clear-draft" }, [data.words["builder.clear_draft"][lang]]);
    if (draftBox) {
      draftBox.appendChild(draftStatus);
      draftBox.appendChild(document.createTextNode(" "));
      draftBox.appendChild(clearDraft);
    }

    // Local storage may be refused (a private window, a page opened from disk): the form works without it.
    function storage() {
      try { return root.localStorage || null; } catch (e) { return null; }
    }

    function draftKey() { return DRAFT + agencySel.value + ":" + yearSel.value + "-" + kindSel.value; }

    // Every field as typed, by its task and name: restored into the same fields, whatever the form's layout.
    function snapshot() {
      var fields = {};
      Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-task] [name]"), function (f) {
        var key = f.closest("fieldset").getAttribute("data-task") + " " + f.name + (f.getAttribute("data-target") ? " " + f.getAttribute("data-target") : "");
        if (f.value !== "") fields[key] = f.value;
      });
      return { submitted: submitted.value, fields: fields };
    }

    function saveDraft() {
      var store = storage();
      if (!store) return;
      try {
        store.setItem(draftKey(), JSON.stringify(snapshot()));
        store.setItem(DRAFT + "last", JSON.stringify({ agency: agencySel.value, year: yearSel.value, kind: kindSel.value }));
        draftStatus.textContent = data.words["builder.draft_saved"][lang];
      } catch (e) { /* storage full or refused: nothing kept, nothing broken */ }
    }

    function restoreDraft() {
      var store = storage();
      var saved = null;
      try { saved = store && JSON.parse(store.getItem(draftKey()) || "null"); } catch (e) { saved = null; }
      if (!saved) return false;
      submitted.value = saved.submitted || "";
      Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-task] [name]"), function (f) {
        var key = f.closest("fieldset").getAttribute("data-task") + " " + f.name + (f.getAttribute("data-target") ? " " + f.getAttribute("data-target") : "");
        f.value = saved.fields[key] === undefined ? "" : saved.fields[key];
      });
      draftStatus.textContent = data.words["builder.draft_restored"][lang];
      return true;
    }

    clearDraft.addEventListener("click", function () {
      var store = storage();
      if (store) {
        try { store.removeItem(draftKey()); store.removeItem(DRAFT + "last"); } catch (e) { /* nothing kept */ }
      }
      renderTasks();
      submitted.value = shownDate(today, lang);
      showProblems([]);
      output.value = "";
      draftStatus.textContent = "";
    });

    form.addEventListener("input", function (event) { if (event.target.closest("fieldset[data-task]") || event.target === submitted) saveDraft(); });
    form.addEventListener("change", function (event) { if (event.target.closest("fieldset[data-task]")) saveDraft(); });
    agencySel.addEventListener("change", function () { renderTasks(); restoreDraft(); });
    // Another period of the same agency: its own draft if there is one, else what is typed stays, kept under the new period.
    [yearSel, kindSel].forEach(function (sel) { sel.addEventListener("change", function () { if (!restoreDraft()) saveDraft(); }); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var state = collect();
      var problems = validateState(state, data, today);
      showProblems(problems);
      output.value = problems.length ? "" : buildYaml(state, data);
      fileBox.textContent = problems.length ? "" : fileName(state);
      var url = problems.length ? null : githubUrl(state, output.value, data);
      if (githubBox) githubBox.hidden = !url;
      if (githubLink) githubLink.href = url || "#";
      // Without the one-click link: say why, and offer copy + download with the path shown above.
      if (tooLong) tooLong.hidden = !!(problems.length || url || !data.github);
      if (noRepository) noRepository.hidden = !!(problems.length || data.github);
      if (download) download.hidden = !!problems.length;
    });
    if (download) {
      download.hidden = true;
      download.addEventListener("click", function () {
        var name = fileBox.textContent.split("/").pop();
        var a = el("a", { href: URL.createObjectURL(new Blob([output.value], { type: "text/yaml" })), download: name }, []);
        document.body.appendChild(a);
        a.click();
        a.remove();
      });
    }
    var copy = form.querySelector("[data-role=copy]");
    if (copy) copy.addEventListener("click", function () { output.select(); if (navigator.clipboard) navigator.clipboard.writeText(output.value); });
    // The last draft of this browser, back where it was.
    var last = null;
    try { last = storage() && JSON.parse(storage().getItem(DRAFT + "last") || "null"); } catch (e) { last = null; }
    if (last && data.agencies.some(function (a) { return a.id === last.agency; })) {
      agencySel.value = last.agency;
      yearSel.value = last.year;
      kindSel.value = last.kind;
    }
    renderTasks();
    restoreDraft();
  }

  function boot() {
    var form = document.getElementById("report-builder");
    if (!form || form.getAttribute("data-started")) return;
    form.setAttribute("data-started", "1");
    fetch(form.getAttribute("data-src"), { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (data) { start(form, data); })
      .catch(function (err) {
        // Opened from a saved file, the browser refuses to read the data beside it: say what to do.
        var fromDisk = root.location && root.location.protocol === "file:" && form.getAttribute("data-msg-from-disk");
        form.querySelector("[data-role=problems]").textContent = fromDisk || "report-builder.json: " + err.message;
      });
  }

  var api = { buildYaml: buildYaml, validateState: validateState, fileName: fileName, realDate: realDate, isoDate: isoDate, shownDate: shownDate, githubUrl: githubUrl };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.partrackerReportBuilder = api;
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
    else boot();
    // mkdocs-material's instant navigation swaps pages without a reload.
    if (root.document$ && root.document$.subscribe) root.document$.subscribe(boot);
  }
})(typeof window !== "undefined" ? window : globalThis);
