// The graph page: DATA (nodes at stored positions, edges, options) drawn with vis-network.
// Text from documents is only ever set with textContent, never as HTML.
const byId = (id) => document.getElementById(id);
const PHRASE = DATA.phrases;  // from the relation schema (kgraph/data/relations.yaml)
byId("page-title").textContent = DATA.title;
document.title = DATA.title;

function element(tag, text, className) {
  const item = document.createElement(tag);
  if (text !== undefined && text !== null) item.textContent = text;
  if (className) item.className = className;
  return item;
}

function swatch(parent, label, colour) {
  const item = element("span");
  const dot = element("i");
  dot.style.background = colour;
  item.appendChild(dot);
  item.appendChild(document.createTextNode(label));
  parent.appendChild(item);
}
for (const [label, colour] of DATA.types) swatch(byId("legend"), label, colour);

function checkboxes(parent, values, colours) {
  for (const value of values) {
    const label = element("label");
    const box = element("input");
    box.type = "checkbox"; box.checked = true; box.value = value;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + value + " "));
    if (colours[value]) label.style.color = colours[value];
    parent.appendChild(label);
  }
}
checkboxes(byId("relations"), DATA.relations.map((r) => r[0]), Object.fromEntries(DATA.relations));
checkboxes(byId("modalities"), DATA.modalities, {});

// --- years: the inputs and a histogram that sets them ---
const years = DATA.edges.map((e) => e.year).filter((y) => y !== null);
const firstYear = years.length ? Math.min(...years) : 0;
const lastYear = years.length ? Math.max(...years) : 0;
function allYears() { byId("year-from").value = firstYear; byId("year-to").value = lastYear; }
allYears();
byId("first-year").textContent = years.length ? firstYear : "no dated relation";
byId("last-year").textContent = years.length ? lastYear : "";
const perYear = new Map();
for (const y of years) perYear.set(y, (perYear.get(y) || 0) + 1);
const highest = Math.max(1, ...perYear.values());
const bars = [];
byId("years-strip").style.maxWidth = Math.max(160, Math.min(640, 16 * (lastYear - firstYear + 1))) + "px";
if (years.length) {
  for (let y = firstYear; y <= lastYear; y++) {
    const bar = element("div");
    bar.dataset.year = y;
    bar.style.height = (100 * (perYear.get(y) || 0) / highest) + "%";
    bar.title = y + ": " + (perYear.get(y) || 0) + " relations";
    byId("histogram").appendChild(bar);
    bars.push(bar);
  }
}
byId("histogram").addEventListener("click", function (event) {
  const year = Number(event.target.dataset.year);
  if (!year) return;
  const from = Number(byId("year-from").value), to = Number(byId("year-to").value);
  if (event.shiftKey) {
    byId("year-from").value = Math.min(from, year); byId("year-to").value = Math.max(to, year);
  } else if (from === year && to === year) {
    allYears();
  } else {
    byId("year-from").value = year; byId("year-to").value = year;
  }
  refresh();
});
byId("all-years").addEventListener("click", () => { allYears(); refresh(); });

// --- the network: edges filtered, then actors left without a shown edge hidden ---
const nodes = new vis.DataSet(DATA.nodes);
const edges = new vis.DataSet(DATA.edges);
function checked(id) {
  return new Set([...byId(id).querySelectorAll("input:checked")].map((b) => b.value));
}
function edgeShown(edge) {
  if (!checked("relations").has(edge.relation)) return false;
  if (!checked("modalities").has(edge.modality)) return false;
  if (edge.year === null) return byId("undated").checked;
  return edge.year >= Number(byId("year-from").value) && edge.year <= Number(byId("year-to").value);
}
let connected = new Set();
function connect() {
  connected = new Set();
  for (const edge of edges.get({ filter: edgeShown })) { connected.add(edge.from); connected.add(edge.to); }
}
connect();
const shownEdges = new vis.DataView(edges, { filter: edgeShown });
const shownNodes = new vis.DataView(nodes, { filter: (node) => connected.has(node.id) });
const network = new vis.Network(byId("network"), { nodes: shownNodes, edges: shownEdges }, DATA.options);
window.kgraphNetwork = network;
window.kgraphEdges = shownEdges;
window.kgraphNodes = shownNodes;
window.kgraphStabilized = false;
window.kgraphStarted = performance.now();

function counts() {
  byId("counts").textContent = shownNodes.length + " of " + DATA.nodes.length + " actors, " +
    shownEdges.length + " of " + DATA.edges.length + " relations";
  byId("note").textContent = DATA.note;
  const from = Number(byId("year-from").value), to = Number(byId("year-to").value);
  for (const bar of bars) bar.classList.toggle("out", bar.dataset.year < from || bar.dataset.year > to);
}
function refresh() {
  connect();
  shownEdges.refresh();
  shownNodes.refresh();
  counts();
  if (window.kgraphStabilized) labelSizes();
}
for (const id of ["relations", "modalities", "year-from", "year-to", "undated"]) {
  byId(id).addEventListener("change", refresh);
}
counts();

// --- labels: 14 px on screen whatever the zoom; drawn for the main actors first, each
// only where it overlaps no label already drawn. The others get a font below
// vis-network's drawThreshold (12 px), so they are not drawn until zooming in makes room.
const LABEL_PX = 14;
const measure = document.createElement("canvas").getContext("2d");
measure.font = LABEL_PX + "px arial";
const labelWidth = new Map(DATA.nodes.map((n) => [n.id, measure.measureText(n.label).width + 6]));
const byRank = [...DATA.nodes].sort((a, b) => a.rank - b.rank);
function overlaps(box, boxes) {
  return boxes.some((b) => box.left < b.right && b.left < box.right && box.top < b.bottom && b.top < box.bottom);
}
function labelSizes() {
  const scale = network.getScale();
  const positions = network.getPositions(byRank.map((n) => n.id));
  const shown = byRank.filter((n) => positions[n.id] && connected.has(n.id));
  const centres = new Map(shown.map((n) => [n.id, network.canvasToDOM(positions[n.id])]));
  // the discs first: a label covers no actor, and no other label
  const placed = shown.map((n) => {
    const c = centres.get(n.id), r = n.size * scale;
    return { left: c.x - r, right: c.x + r, top: c.y - r, bottom: c.y + r };
  });
  const updates = [];
  let labelled = 0;
  for (const node of shown) {
    const c = centres.get(node.id), r = node.size * scale, width = labelWidth.get(node.id);
    const below = { left: c.x - width / 2, right: c.x + width / 2, top: c.y + r + 1, bottom: c.y + r + LABEL_PX + 5 };
    const above = { left: below.left, right: below.right, top: c.y - r - LABEL_PX - 5, bottom: c.y - r - 1 };
    const box = [below, above].find((b) => !overlaps(b, placed));
    if (box) { placed.push(box); labelled += 1; }
    updates.push({ id: node.id, font: { size: (box ? LABEL_PX : 6) / scale,
      vadjust: box === above ? -(2 * r + LABEL_PX + 6) / scale : 0 } });
  }
  nodes.update(updates);
  window.kgraphLabelled = labelled;
}
let relabel = null;
network.on("zoom", () => { clearTimeout(relabel); relabel = setTimeout(labelSizes, 120); });
network.on("dragEnd", () => { clearTimeout(relabel); relabel = setTimeout(labelSizes, 120); });
function ready() {
  if (window.kgraphStabilized) return;
  network.fit({ animation: false });
  // a margin, so that the labels of the outermost actors stay inside the view
  network.moveTo({ scale: network.getScale() * 0.93, animation: false });
  labelSizes();
  window.kgraphStabilized = true;
  window.kgraphStabilizedAfter = performance.now() - window.kgraphStarted;
}
network.once("afterDrawing", ready);
if (DATA.nodes.length === 0) ready();

// --- the panel: an actor and what passed between it and others, by date ---
const details = byId("details");  // the legend stays above it, in the same panel
// By date, a year before the dates within it, undated last; then in page order.
function byDate(a, b) {
  const x = a.date || "~", y = b.date || "~";
  return x < y ? -1 : x > y ? 1 : a.id - b.id;
}
function relationItem(edge, actor) {
  const item = element("li");
  const outgoing = edge.from === actor || DATA.symmetric.includes(edge.relation);
  const other = nodes.get(edge.from === actor ? edge.to : edge.from);
  const phrase = (PHRASE[edge.relation] || [edge.relation, edge.relation + " (by)"])[outgoing ? 0 : 1];
  const head = element("div");
  head.appendChild(element("span", (edge.date || "undated") + " ", "when"));
  head.appendChild(document.createTextNode(phrase + " "));
  const link = element("a", other ? other.label : "?");
  if (other) link.addEventListener("click", () => showActor(other.id));
  head.appendChild(link);
  if (edge.modality !== "asserted") head.appendChild(element("span", " " + edge.modality, "tag"));
  item.appendChild(head);
  item.appendChild(element("div", "“" + edge.evidence + "”", "evidence"));
  item.appendChild(element("div", "Source: " + edge.source, "source"));
  return item;
}
function showActor(id) {
  const actor = nodes.get(id);
  if (!actor) return;
  details.replaceChildren();
  details.appendChild(element("h2", actor.label));
  details.appendChild(element("div", actor.kind + (actor.country && actor.kind !== "Country" ? " · " + actor.country : ""), "meta"));
  if (actor.aliases.length) details.appendChild(element("div", "Also: " + actor.aliases.join("; "), "meta"));
  if (actor.roles.length) details.appendChild(element("div", "Roles: " + actor.roles.join("; "), "meta"));
  const own = edges.get({ filter: (e) => e.from === id || e.to === id }).sort(byDate);
  const shown = own.filter(edgeShown).length;
  details.appendChild(element("h3", own.length + " relations" + (shown < own.length ? " (" + shown + " pass the filters)" : "")));
  const list = element("ol");
  list.id = "actor-relations";
  for (const edge of own) list.appendChild(relationItem(edge, id));
  details.appendChild(list);
  network.selectNodes(shownNodes.get(id) ? [id] : []);
}
function showEdge(id) {
  const edge = edges.get(id);
  details.replaceChildren();
  const from = nodes.get(edge.from), to = nodes.get(edge.to);
  details.appendChild(element("h2", from.label + " – " + to.label));
  const list = element("ol");
  list.appendChild(relationItem(edge, edge.from));
  details.appendChild(list);
}
network.on("click", function (params) {
  if (params.nodes.length) showActor(params.nodes[0]);
  else if (params.edges.length) showEdge(params.edges[0]);
});

// --- search: any name or alias, suggestions as one types ---
const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s\-‐.,']+/g, " ").trim();
const names = DATA.nodes.map((n) => ({ id: n.id, label: n.label, rank: n.rank,
  keys: [n.label, ...n.aliases].map((name) => [name, fold(name)]) }));
let suggestions = [];
let active = -1;
function suggest() {
  const wanted = fold(byId("search").value);
  const list = byId("suggestions");
  list.replaceChildren();
  suggestions = [];
  active = -1;
  if (!wanted) return;
  for (const actor of names) {
    const hit = actor.keys.find(([, key]) => key.includes(wanted));
    if (hit) suggestions.push({ actor, via: hit[0], starts: hit[1].startsWith(wanted) });
  }
  suggestions.sort((a, b) => (b.starts - a.starts) || (a.actor.rank - b.actor.rank));
  suggestions = suggestions.slice(0, 12);
  if (!suggestions.length) { list.appendChild(element("li", "no actor of that name")); return; }
  suggestions.forEach((s, i) => {
    const item = element("li", s.actor.label);
    item.setAttribute("role", "option");
    if (s.via !== s.actor.label) item.appendChild(element("small", " (" + s.via + ")"));
    item.addEventListener("mousedown", (event) => { event.preventDefault(); choose(i); });
    list.appendChild(item);
  });
}
function choose(i) {
  const s = suggestions[i];
  if (!s) return;
  byId("search").value = s.actor.label;
  byId("suggestions").replaceChildren();
  if (shownNodes.get(s.actor.id)) {
    network.focus(s.actor.id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    labelSizes();  // focus() zooms without a "zoom" event
  }
  showActor(s.actor.id);
}
byId("search").addEventListener("input", suggest);
byId("search").addEventListener("keydown", function (event) {
  const items = byId("suggestions").querySelectorAll("li[role=option]");
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    active = (active + (event.key === "ArrowDown" ? 1 : items.length - 1)) % Math.max(items.length, 1);
    items.forEach((item, i) => item.classList.toggle("active", i === active));
    event.preventDefault();
  } else if (event.key === "Enter") {
    choose(active >= 0 ? active : 0);
  } else if (event.key === "Escape") {
    byId("suggestions").replaceChildren();
  }
});
byId("search").addEventListener("blur", () => byId("suggestions").replaceChildren());
