/* geokg graph page: draws the vis-network graph, freezes it once laid out, and
   wires the search box, the class filters of the legend and the date range.
   Every string taken from the data is shown as text only: canvas labels, vis
   tooltips (innerText), textContent and option.value; never as markup. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var loading = document.getElementById("kg-loading");
  var progress = document.getElementById("kg-progress");
  var network = new vis.Network(
    document.getElementById("kg-network"), { nodes: nodes, edges: edges }, data.options
  );
  window.kgReady = false;
  window.nodes = nodes;
  window.edges = edges;
  window.network = network;

  /* Layout: physics runs until stabilised, then is switched off for good. */
  function freeze() {
    network.setOptions({ physics: { enabled: false } });
    loading.hidden = true;
    window.kgReadyAt = performance.now();
    window.kgReady = true;
    document.body.setAttribute("data-ready", "true");
  }
  if (data.nodes.length === 0) {
    freeze();
  } else {
    loading.hidden = !data.large;
    network.on("stabilizationProgress", function (p) {
      progress.textContent = Math.round((100 * p.iterations) / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", freeze);
  }

  /* Structure used by the filters. */
  var byId = {};
  var links = {};
  data.nodes.forEach(function (n) {
    byId[n.id] = n;
    links[n.id] = [];
  });
  data.edges.forEach(function (e) {
    links[e.from].push(e);
    links[e.to].push(e);
  });
  function other(e, id) {
    return e.from === id ? e.to : e.from;
  }
  /* A node is anchored when an event node or a dated edge touches it. */
  var anchored = {};
  data.nodes.forEach(function (n) {
    anchored[n.id] = !n.kgEvents && links[n.id].some(function (e) {
      return Boolean(e.kgEvents || byId[other(e, n.id)].kgEvents);
    });
  });

  var typeBoxes = Array.prototype.slice.call(document.querySelectorAll("input.kg-type"));
  var sinceInput = document.getElementById("kg-since");
  var untilInput = document.getElementById("kg-until");
  var shown = document.getElementById("kg-shown");
  var hidden = {};
  var hiddenEdges = {};

  function prefixCompare(date, bound) {
    var n = Math.min(date.length, bound.length);
    var a = date.slice(0, n);
    var b = bound.slice(0, n);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function currentFilter() {
    var on = {};
    typeBoxes.forEach(function (box) {
      on[box.value] = box.checked;
    });
    var since = sinceInput.value;
    var until = untilInput.value;
    return {
      on: on,
      since: since,
      until: until,
      narrowed: Boolean((since && since > sinceInput.min) || (until && until < untilInput.max)),
    };
  }

  function eventShown(ev, f) {
    if (f.on[ev.type] === false) return false;
    if (!ev.date) return !f.narrowed;
    if (f.since && prefixCompare(ev.date, f.since) < 0) return false;
    if (f.until && prefixCompare(ev.date, f.until) > 0) return false;
    return true;
  }

  function datedShown(item, f) {
    return item.kgEvents.some(function (ev) {
      return eventShown(ev, f);
    });
  }

  function applyFilters() {
    var f = currentFilter();
    var visible = {};
    var edgeDated = {};
    data.nodes.forEach(function (n) {
      if (n.kgEvents) visible[n.id] = f.on[n.kgClass] !== false && datedShown(n, f);
    });
    data.edges.forEach(function (e) {
      if (e.kgEvents) edgeDated[e.id] = datedShown(e, f);
    });
    data.nodes.forEach(function (n) {
      if (!anchored[n.id]) return;
      visible[n.id] = f.on[n.kgClass] !== false && links[n.id].some(function (e) {
        return e.kgEvents ? edgeDated[e.id] : Boolean(visible[other(e, n.id)]);
      });
    });
    data.nodes.forEach(function (n) {
      if (n.kgEvents || anchored[n.id]) return;
      visible[n.id] = f.on[n.kgClass] !== false && (links[n.id].length === 0 ||
        links[n.id].some(function (e) { return Boolean(visible[other(e, n.id)]); }));
    });
    var nodeChanges = [];
    var edgeChanges = [];
    var nodeCount = 0;
    var edgeCount = 0;
    data.nodes.forEach(function (n) {
      var hide = !visible[n.id];
      if (!hide) nodeCount += 1;
      if (hide !== Boolean(hidden[n.id])) nodeChanges.push({ id: n.id, hidden: hide });
      hidden[n.id] = hide;
    });
    data.edges.forEach(function (e) {
      var hide = hidden[e.from] || hidden[e.to] || (e.kgEvents ? !edgeDated[e.id] : false);
      if (!hide) edgeCount += 1;
      if (hide !== Boolean(hiddenEdges[e.id])) edgeChanges.push({ id: e.id, hidden: hide });
      hiddenEdges[e.id] = hide;
    });
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
    shown.textContent = nodeCount + " of " + data.nodes.length + " nodes, " +
      edgeCount + " of " + data.edges.length + " edges";
  }

  typeBoxes.forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  sinceInput.addEventListener("change", applyFilters);
  untilInput.addEventListener("change", applyFilters);

  /* Search by name: select the matching visible nodes and bring them into view. */
  var search = document.getElementById("kg-search");
  var result = document.getElementById("kg-search-result");
  var names = document.getElementById("kg-names");
  var seen = {};
  data.nodes.forEach(function (n) {
    if (n.kgEvents || seen[n.kgLabel]) return;
    seen[n.kgLabel] = true;
    var option = document.createElement("option");
    option.value = n.kgLabel;
    names.appendChild(option);
  });

  function find(move) {
    var query = search.value.trim().toLowerCase();
    if (!query) {
      network.unselectAll();
      result.textContent = "";
      return [];
    }
    var hits = data.nodes.filter(function (n) {
      return !hidden[n.id] && n.kgLabel.toLowerCase().indexOf(query) !== -1;
    }).map(function (n) {
      return n.id;
    });
    network.selectNodes(hits, false);
    result.textContent = hits.length === 0 ? "no match" :
      hits.length + (hits.length === 1 ? " match" : " matches");
    if (move && hits.length === 1) {
      network.focus(hits[0], { scale: 1.2, animation: { duration: 300 } });
    } else if (move && hits.length > 1) {
      network.fit({ nodes: hits, animation: { duration: 300 } });
    }
    return hits;
  }
  search.addEventListener("input", function () {
    find(false);
  });
  search.addEventListener("change", function () {
    find(true);
  });
  document.getElementById("kg-controls").addEventListener("submit", function (event) {
    event.preventDefault();
    find(true);
  });

  document.getElementById("kg-reset").addEventListener("click", function () {
    typeBoxes.forEach(function (box) {
      box.checked = true;
    });
    sinceInput.value = sinceInput.min;
    untilInput.value = untilInput.max;
    search.value = "";
    find(false);
    applyFilters();
    network.fit();
  });

  window.kgFind = find;
  window.kgApplyFilters = applyFilters;
})();
