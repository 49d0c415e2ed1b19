/* Report builder (Công cụ lập báo cáo): a form that turns a clerk's choices into the YAML of a
 * progress report, checked with the same vocabulary and rules as `partracker validate`.
 * Works without a server and makes no request beyond the site's own data/report-builder.json.
 * When the deployment setting names the repository, "Open on GitHub" opens GitHub's new-file page
 * with the path and the YAML filled in; a report too long for an address is copied or downloaded.
 * The pure functions (buildYaml, validateState, fileName, githubUrl) are exported for tests under Node. */
(function (root) {
  "use strict";

  var ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  var UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c]/;

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

  function msg(list, field, vi, en) {
    list.push({ field: field, vi: vi, en: en });
  }

  function checkDate(list, field, value, today) {
    if (!realDate(value)) {
      msg(list, field, "ngày " + JSON.stringify(value) + " không có thật (dạng YYYY-MM-DD)", "date " + JSON.stringify(value) + " does not exist (YYYY-MM-DD)");
    } else if (today && value > today) {
      msg(list, field, "ngày " + value + " muộn hơn hôm nay (" + today + ")", "date " + value + " is after today (" + today + ")");
    }
  }

  function validateState(state, data, today) {
    var problems = [];
    var agency = data.agencies.filter(function (a) { return a.id === state.agency; })[0];
    if (!agency) msg(problems, "agency", "chọn đơn vị", "choose an agency");
    if (!new RegExp(data.period_pattern).test(state.period || "")) {
      msg(problems, "period", "chọn kỳ báo cáo", "choose a reporting period");
    } else if (data.years.indexOf(Number(state.period.slice(0, 4))) < 0) {
      msg(problems, "period", "kỳ nằm ngoài các năm của kế hoạch", "the period is outside the plan years");
    }
    checkDate(problems, "submitted", state.submitted, today);
    if (!state.entries.length) msg(problems, "entries", "chọn trạng thái cho ít nhất một nhiệm vụ", "set a status for at least one task");
    var owed = agency ? agency.tasks.map(function (t) { return t.id; }) : [];
    var statuses = data.statuses.map(function (s) { return s.id; });
    var seen = {};
    state.entries.forEach(function (e, i) {
      var f = "entries[" + i + "]";
      if (seen[e.task] && blank(e.corrects)) msg(problems, f + ".task", "nhiệm vụ " + e.task + " đã có trong báo cáo", "task " + e.task + " is already in the report");
      seen[e.task] = true;
      if (agency && owed.indexOf(e.task) < 0) msg(problems, f + ".task", "đơn vị không được giao nhiệm vụ " + e.task, "the agency is not assigned task " + e.task);
      if (statuses.indexOf(e.status) < 0) msg(problems, f + ".status", "trạng thái không hợp lệ", "invalid status");
      if (!blank(e.percent)) {
        var p = Number(e.percent);
        if (!isFinite(p) || p < 0 || p > 100) msg(problems, f + ".percent", "phần trăm phải từ 0 đến 100", "percent must be from 0 to 100");
      }
      var task = data.tasks[e.task];
      var targetIds = task ? task.targets.map(function (t) { return t.id; }) : [];
      Object.keys(e.targets || {}).forEach(function (k) {
        if (blank(e.targets[k])) return;
        if (targetIds.indexOf(k) < 0) msg(problems, f + ".targets." + k, "nhiệm vụ không có chỉ tiêu " + k, "the task has no target " + k);
        var v = Number(e.targets[k]);
        if (!isFinite(v) || v < 0) msg(problems, f + ".targets." + k, "giá trị chỉ tiêu phải là số không âm", "a target value must be a non-negative number");
      });
      (e.evidence || []).forEach(function (ev, j) {
        var g = f + ".evidence[" + j + "]";
        if (blank(ev.document)) {
          if (!blank(ev.date) || !blank(ev.url)) msg(problems, g + ".document", "thiếu số văn bản", "the document number is missing");
          return;
        }
        if (!blank(ev.date)) checkDate(problems, g + ".date", ev.date.trim(), today);
        if (!blank(ev.url) && ev.url.trim().indexOf("https://") !== 0) msg(problems, g + ".url", "liên kết phải bắt đầu bằng https://", "the link must start with https://");
      });
      if (e.note && blank(e.note.vi) && !blank(e.note.en)) msg(problems, f + ".note", "ghi chú cần phần tiếng Việt", "a note needs its Vietnamese");
      checkDate(problems, f + ".reported", e.reported || state.submitted, today);
      if (e.status === "done") {
        if (blank(e.completed)) msg(problems, f + ".completed", "trạng thái done cần ngày hoàn thành", "status done needs the completion date");
        else checkDate(problems, f + ".completed", e.completed, today);
      }
      var texts = [e.note && e.note.vi, e.note && e.note.en].concat((e.evidence || []).map(function (ev) { return ev.document; }));
      texts.forEach(function (t) {
        if (t && UNSAFE.test(t)) msg(problems, f, "văn bản chứa ký tự ẩn (thường do sao chép từ Word/PDF)", "the text holds invisible characters (usually copied from Word/PDF)");
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
    var fileBox = form.querySelector("[data-role=file]");
    var githubBox = form.querySelector("[data-role=github]");
    var githubLink = form.querySelector("[data-role=github-link]");
    var tooLong = form.querySelector("[data-role=too-long]");
    var noRepository = form.querySelector("[data-role=no-repository]");
    var download = form.querySelector("[data-role=download]");
    var today = todayIso();
    submitted.value = today;
    data.agencies.forEach(function (a) { agencySel.appendChild(el("option", { value: a.id }, [a.name[lang]])); });
    data.years.forEach(function (y) { yearSel.appendChild(el("option", { value: String(y) }, [String(y)])); });
    data.periods.forEach(function (p) { kindSel.appendChild(el("option", { value: p.id }, [p.label[lang]])); });

    function renderTasks() {
      tasksBox.textContent = "";
      var agency = data.agencies.filter(function (a) { return a.id === agencySel.value; })[0];
      if (!agency) return;
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
        fields.push(el("label", {}, [form.getAttribute("data-label-completed") + " ", el("input", { name: "completed", type: "date" })]));
        fields.push(el("label", {}, [form.getAttribute("data-label-document") + " ", el("input", { name: "document", type: "text" })]));
        fields.push(el("label", {}, [form.getAttribute("data-label-docdate") + " ", el("input", { name: "docdate", type: "date" })]));
        fields.push(el("label", {}, [form.getAttribute("data-label-url") + " ", el("input", { name: "url", type: "url", placeholder: "https://" })]));
        fields.push(el("label", {}, [form.getAttribute("data-label-note-vi") + " ", el("textarea", { name: "note-vi", rows: "2" })]));
        fields.push(el("label", {}, [form.getAttribute("data-label-note-en") + " ", el("textarea", { name: "note-en", rows: "2" })]));
        var via = owed.via ? data.agencies.filter(function (a) { return a.id === owed.via; })[0] : null;
        var role = data.roles[owed.role][lang] + (owed.via ? " — " + (via ? via.name[lang] : owed.via) : "");
        tasksBox.appendChild(el("fieldset", { "data-task": owed.id }, [el("legend", {}, [owed.id + " (" + role + ")"]), el("p", {}, [task.content[lang]])].concat(fields)));
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
          evidence: [{ document: fs.querySelector("[name=document]").value, date: fs.querySelector("[name=docdate]").value, url: fs.querySelector("[name=url]").value }],
          note: { vi: fs.querySelector("[name=note-vi]").value, en: fs.querySelector("[name=note-en]").value },
          reported: submitted.value,
          completed: fs.querySelector("[name=completed]").value,
        });
      });
      return { agency: agencySel.value, period: yearSel.value + "-" + kindSel.value, submitted: submitted.value, entries: entries };
    }

    agencySel.addEventListener("change", renderTasks);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var state = collect();
      var problems = validateState(state, data, today);
      problemsBox.textContent = "";
      problems.forEach(function (p) { problemsBox.appendChild(el("li", {}, [p.field + ": " + p[lang]])); });
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
    renderTasks();
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

  var api = { buildYaml: buildYaml, validateState: validateState, fileName: fileName, realDate: realDate, githubUrl: githubUrl };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.partrackerReportBuilder = api;
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
    else boot();
    // mkdocs-material's instant navigation swaps pages without a reload.
    if (root.document$ && root.document$.subscribe) root.document$.subscribe(boot);
  }
})(typeof window !== "undefined" ? window : globalThis);
