/// The overview's script: a region filter and sorting in place. It only speeds up what works
/// without it (the sort links open server-rendered orders, the letter links jump through the
/// name order, the browser's find searches the page), so a reader who blocks scripts loses
/// nothing. It reads only attributes the renderer wrote and writes no markup from text. A table
/// that lists fewer rows than its `data-region-count` (the top of a ranking) is not re-sorted in
/// place: its sort links open the other orders' pages, as without the script.
enum SiteScript {
  static let text = """
    // NeuralBrain overview: find a region, and sort the table without loading another page.
    (function () {
      "use strict";
      var table = document.querySelector("table.regions");
      var filter = document.getElementById("region-filter");
      var input = document.getElementById("region-filter-input");
      var count = document.getElementById("region-filter-count");
      if (!table || !filter || !input || !count) return;
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var caption = table.querySelector(".order-caption");
      var letters = document.querySelector("nav.letters");
      filter.hidden = false;
      function apply() {
        var words = input.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
        var shown = 0;
        rows.forEach(function (row) {
          var text = row.getAttribute("data-filter") || "";
          var match = words.every(function (word) { return text.indexOf(word) !== -1; });
          row.hidden = !match;
          if (match) shown += 1;
        });
        count.textContent = words.length ? shown + " of " + rows.length + " regions" : "";
      }
      input.addEventListener("input", apply);
      // Only a table of every region can be re-sorted in place; the top of a ranking cannot.
      var complete = rows.length === Number(table.getAttribute("data-region-count"));
      var links = complete ? Array.prototype.slice.call(document.querySelectorAll("nav.sort a[data-order]")) : [];
      links.forEach(function (link) {
        link.addEventListener("click", function (event) {
          event.preventDefault();
          var order = link.getAttribute("data-order");
          var key = "data-rank-" + order;
          rows.sort(function (a, b) { return Number(a.getAttribute(key)) - Number(b.getAttribute(key)); });
          rows.forEach(function (row) { body.appendChild(row); });
          links.forEach(function (other) {
            if (other === link) other.setAttribute("aria-current", "page");
            else other.removeAttribute("aria-current");
          });
          if (caption) caption.textContent = link.getAttribute("data-caption");
          if (letters) letters.hidden = order !== "name";
          // The address names the order, so a reload or a shared link keeps it (not possible
          // for pages opened from file://, where the browser refuses; the sort stands anyway).
          try { history.replaceState(null, "", link.getAttribute("href")); } catch (ignored) {}
        });
      });
      if (input.value) apply();
    })();

    """
}
