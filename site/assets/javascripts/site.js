/* The guidance site's own script: a split search index and table filters.
 *
 * Search: MkDocs' search plugin writes one index of every page; at national scale that is
 * megabytes fetched whole on the first search. The build splits it (compiler/emit/
 * search_split.py): search/search_index.json keeps the national pages in full and the title
 * of every authority's page, and names a file per authority with that authority's full text.
 * The theme requests search/search_index.json; this script answers that request with the
 * national index merged with the reader's authority's file, when the page belongs to one.
 * Loaded in <head>, before the theme's bundle asks.
 *
 * Filters: a paragraph with class "table-filter" gains a labelled box that hides the rows of
 * the next table that do not contain the words typed, and says how many rows remain.
 */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;

  function readJson(address) {
    return window.fetch(address).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + address);
      return response.json();
    });
  }

  function readerAuthority(indexAddress) {
    var root = new URL("..", indexAddress).href;
    var here = location.href.split("#")[0].split("?")[0];
    if (here.indexOf(root) !== 0) return "";
    var inside = here.slice(root.length).split("/");
    return inside.length > 1 ? decodeURIComponent(inside[0]) : "";
  }

  /* The national index, merged with the part of the authority the page belongs to. */
  function searchIndex(address) {
    var authority = readerAuthority(address);
    return readJson(address.href).then(function (national) {
      var parts = national.parts || {};
      delete national.parts;
      if (!Object.prototype.hasOwnProperty.call(parts, authority)) return national;
      return readJson(new URL(parts[authority], address).href).then(function (local) {
        var prefix = authority + "/";
        national.docs = national.docs
          .filter(function (doc) {
            return doc.location.indexOf(prefix) !== 0;
          })
          .concat(local.docs);
        return national;
      });
    });
  }

  /* The theme asks for the index with XMLHttpRequest (responseType "blob"): answer that
     request with the merged index, as a successful load. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var address = new URL(String(url), document.baseURI);
    this.standardsIndex = method === "GET" && INDEX.test(address.pathname) ? address : null;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    if (!request.standardsIndex) return send.apply(request, arguments);
    searchIndex(request.standardsIndex).then(
      function (index) {
        var blob = new Blob([JSON.stringify(index)], { type: "application/json" });
        Object.defineProperty(request, "status", { value: 200 });
        Object.defineProperty(request, "response", { value: blob });
        request.dispatchEvent(new Event("load"));
      },
      function () {
        request.dispatchEvent(new Event("error"));
      }
    );
  };

  function nextTable(element) {
    for (var next = element.nextElementSibling; next; next = next.nextElementSibling) {
      var table = next.matches("table") ? next : next.querySelector("table");
      if (table) return table;
    }
    return null;
  }

  function addFilter(paragraph, number) {
    var table = nextTable(paragraph);
    if (!table || !table.tBodies.length) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var id = "table-filter-" + number;
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = "Show only rows containing";
    var box = document.createElement("input");
    box.type = "search";
    box.id = id;
    box.className = "table-filter__box";
    box.autocomplete = "off";
    var status = document.createElement("span");
    status.className = "table-filter__status";
    status.setAttribute("role", "status");
    var holder = document.createElement("span");
    holder.className = "table-filter__control";
    holder.append(label, " ", box, " ", status);
    paragraph.append(" ", holder);
    box.addEventListener("input", function () {
      var words = box.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var match = !words || row.textContent.toLowerCase().indexOf(words) !== -1;
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = words ? "showing " + shown + " of " + rows.length + " rows" : "";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("p.table-filter").forEach(addFilter);
  });
})();
