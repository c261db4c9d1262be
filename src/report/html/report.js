// The HTML report's only script (src/report/html.rs allows it by its hash in the page's
// Content-Security-Policy). It builds the tenants, findings and problems tables from the JSON
// data block, a page of rows at a time: a hosting run has tens of thousands of tenants, and
// tens of thousands of table rows in the document would make the page slow to open.
//
// Everything in the data block comes from tenants (paths, folder names) or from the run: it is
// put in the page with textContent and attribute values built from numbers, never parsed as HTML.
"use strict";
(function () {
  var PAGE_SIZE = 100;
  var errors = [];

  // A script error or a blocked load is recorded in the page itself, where a support person
  // sees it and a test reading the DOM finds it (a headless browser's console is not kept).
  function record(text) {
    errors.push(String(text));
    var list = document.getElementById("script-errors");
    if (list) {
      showErrors(list);
    }
  }
  function showErrors(list) {
    while (list.childNodes.length < errors.length) {
      var item = document.createElement("li");
      item.textContent = errors[list.childNodes.length];
      list.appendChild(item);
    }
    list.hidden = errors.length === 0;
    document.documentElement.setAttribute("data-errors", String(errors.length));
  }
  window.onerror = function (message, source, line, column) {
    record("script error: " + message + " (" + source + ":" + line + ":" + column + ")");
  };
  // Something in the page tried to load or run what the policy forbids: either the report
  // let tenant content through as markup, or a browser extension injected it.
  document.addEventListener("securitypolicyviolation", function (event) {
    record("blocked by the page's security policy: " + event.violatedDirective +
      " " + (event.blockedURI || "inline"));
  });

  function number(value) {
    return typeof value === "number" ? value.toLocaleString("en-US") : String(value);
  }

  function element(name, className, text) {
    var made = document.createElement(name);
    if (className) {
      made.className = className;
    }
    if (text !== undefined) {
      made.textContent = text;
    }
    return made;
  }

  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") {
      return a - b;
    }
    a = String(a);
    b = String(b);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  // A paged table over `spec.rows`. Each column has a title, `text(row)` to show, and
  // optionally `key(row)` to sort by (else the text), `numeric` (right-aligned, sorted from
  // the largest first on the first click) and `anchor(row)` (a details section's number: the
  // cell links to it). `spec.toggle` adds a checkbox that keeps only the rows it accepts.
  function Table(host, spec) {
    var columns = spec.columns;
    var rows = spec.rows.map(function (row, index) {
      var texts = columns.map(function (column) { return String(column.text(row)); });
      return { row: row, index: index, texts: texts, search: texts.join("\n").toLowerCase() };
    });
    var state = { filter: "", only: false, sort: spec.sort, desc: spec.desc, page: 0 };
    var shown = rows;

    var controls = element("div", "controls");
    var filterLabel = element("label", null, "Filter ");
    var filter = element("input");
    filter.type = "search";
    filter.placeholder = spec.placeholder;
    filter.setAttribute("aria-label", "Filter " + spec.name);
    filterLabel.appendChild(filter);
    controls.appendChild(filterLabel);
    var only = null;
    if (spec.toggle) {
      var toggleLabel = element("label", "toggle");
      only = element("input");
      only.type = "checkbox";
      toggleLabel.appendChild(only);
      toggleLabel.appendChild(document.createTextNode(" " + spec.toggle.label));
      controls.appendChild(toggleLabel);
    }
    var previous = element("button", "previous", "\u2039 Previous");
    var position = element("span", "position");
    var next = element("button", "next", "Next \u203a");
    previous.type = next.type = "button";
    controls.appendChild(previous);
    controls.appendChild(position);
    controls.appendChild(next);

    var table = element("table");
    var head = element("thead");
    var headRow = element("tr");
    var headers = columns.map(function (column, index) {
      var cell = element("th", column.numeric ? "num" : null);
      cell.scope = "col";
      var button = element("button", "sort", column.title);
      button.type = "button";
      button.title = "Sort by " + column.title.toLowerCase();
      button.addEventListener("click", function () {
        if (state.sort === index) {
          state.desc = !state.desc;
        } else {
          state.sort = index;
          state.desc = !!column.numeric;
        }
        state.page = 0;
        update();
      });
      cell.appendChild(button);
      headRow.appendChild(cell);
      return cell;
    });
    head.appendChild(headRow);
    table.appendChild(head);
    var body = element("tbody");
    table.appendChild(body);
    host.appendChild(controls);
    var scroller = element("div", "scroller");
    scroller.appendChild(table);
    host.appendChild(scroller);

    function key(entry, index) {
      var column = columns[index];
      return column.key ? column.key(entry.row) : entry.texts[index];
    }

    function update() {
      var needle = state.filter.toLowerCase();
      shown = rows.filter(function (entry) {
        return (!needle || entry.search.indexOf(needle) !== -1) &&
          (!state.only || spec.toggle.keep(entry.row));
      });
      if (state.sort !== null) {
        var sign = state.desc ? -1 : 1;
        shown.sort(function (a, b) {
          return sign * compare(key(a, state.sort), key(b, state.sort)) || a.index - b.index;
        });
      }
      headers.forEach(function (cell, index) {
        cell.setAttribute("aria-sort", index !== state.sort ? "none" :
          state.desc ? "descending" : "ascending");
      });
      render();
    }

    function render() {
      var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
      state.page = Math.min(Math.max(state.page, 0), pages - 1);
      var first = state.page * PAGE_SIZE;
      var last = Math.min(first + PAGE_SIZE, shown.length);
      var fragment = document.createDocumentFragment();
      for (var i = first; i < last; i++) {
        var entry = shown[i];
        var tr = element("tr");
        columns.forEach(function (column, index) {
          var cell = element("td", column.numeric ? "num" : column.className);
          var anchor = column.anchor ? column.anchor(entry.row) : null;
          if (typeof anchor === "number") {
            var link = element("a", null, entry.texts[index]);
            link.href = "#file-" + anchor;
            cell.appendChild(link);
          } else {
            cell.textContent = entry.texts[index];
          }
          tr.appendChild(cell);
        });
        fragment.appendChild(tr);
      }
      body.replaceChildren(fragment);
      var of = shown.length === rows.length ? "" : " (filtered from " + number(rows.length) + ")";
      position.textContent = shown.length === 0 ? "No rows" + of :
        "Rows " + number(first + 1) + "\u2013" + number(last) + " of " + number(shown.length) +
        of + " \u00b7 page " + number(state.page + 1) + " of " + number(pages);
      previous.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
      host.setAttribute("data-rows", String(shown.length));
      host.setAttribute("data-page", String(state.page + 1));
    }

    filter.addEventListener("input", function () {
      state.filter = filter.value;
      state.page = 0;
      update();
    });
    if (only) {
      only.addEventListener("change", function () {
        state.only = only.checked;
        state.page = 0;
        update();
      });
    }
    previous.addEventListener("click", function () { state.page--; render(); });
    next.addEventListener("click", function () { state.page++; render(); });
    update();
  }

  function build(data) {
    var files = data.files;
    var texts = data.texts;
    function file(row) { return files[row[0]]; }

    var tenants = document.getElementById("tenants-table");
    if (tenants) {
      var counts = ["Files scanned", "With findings", "Findings", "Fixable", "Fixed", "Errors",
        "Skipped"];
      Table(tenants, {
        name: "tenants",
        placeholder: "tenant name",
        rows: data.tenants,
        // The stale tenants first: they are what the report is read for.
        sort: 3,
        desc: true,
        columns: [{ title: "Tenant", text: function (row) { return row[0]; } }].concat(
          counts.map(function (title, index) {
            return {
              title: title,
              numeric: true,
              // A row leaves out its trailing zeros (src/report/html.rs, TenantCells).
              text: function (row) { return number(row[index + 1] || 0); },
              key: function (row) { return row[index + 1] || 0; }
            };
          })),
        toggle: {
          label: "only tenants with findings, errors or skipped files",
          keep: function (row) { return row[3] > 0 || row[6] > 0 || row[7] > 0; }
        }
      });
    }

    var findings = document.getElementById("findings-table");
    if (findings) {
      Table(findings, {
        name: "findings",
        placeholder: "path, tenant, rule, message",
        rows: data.findings,
        sort: null,
        desc: false,
        columns: [
          {
            title: "File",
            className: "path",
            text: function (row) { return file(row)[0]; },
            key: function (row) { return row[0]; },
            anchor: function (row) { return file(row)[2]; }
          },
          {
            title: "Line",
            numeric: true,
            text: function (row) { return row[1] + ":" + row[2]; },
            key: function (row) { return row[1] * 1e9 + row[2]; }
          },
          { title: "Tenant", className: "short", text: function (row) { return file(row)[1]; } },
          { title: "Severity", className: "short", text: function (row) { return row[3]; } },
          { title: "Rule", className: "short", text: function (row) { return row[4]; } },
          { title: "Kind", className: "short", text: function (row) { return row[5]; } },
          { title: "Fix", className: "short", text: function (row) { return row[6]; } },
          { title: "Message", className: "message", text: function (row) { return texts[row[7]]; } }
        ]
      });
    }

    var problems = document.getElementById("problems-table");
    if (problems) {
      Table(problems, {
        name: "files not checked",
        placeholder: "path, tenant, reason",
        rows: data.problems,
        sort: null,
        desc: false,
        columns: [
          { title: "File", className: "path", text: function (row) { return file(row)[0]; } },
          { title: "Tenant", text: function (row) { return file(row)[1]; } },
          { title: "Reason", className: "short", text: function (row) { return row[1]; } },
          { title: "Message", className: "message", text: function (row) { return texts[row[2]]; } }
        ]
      });
    }
  }

  // A link to a file's details opens them: a closed <details> hides its target.
  function openTarget() {
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (malformed) {
      return; // a hand-typed `#%E0` names no section
    }
    var target = id ? document.getElementById(id) : null;
    if (target && target.tagName === "DETAILS") {
      target.open = true;
      target.scrollIntoView();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    try {
      var block = document.getElementById("report-data");
      build(JSON.parse(block.textContent));
      window.addEventListener("hashchange", openTarget);
      openTarget();
    } catch (error) {
      record("the report could not be built: " + error);
    }
    showErrors(document.getElementById("script-errors"));
    // Set last: a reader (or a test) knows the tables are built.
    document.body.setAttribute("data-ready", "1");
  });
})();
