// Monitor dashboard: plain JS over the read-only JSON API. Untrusted text (names, errors) only ever goes
// through textContent, never innerHTML.
"use strict";

const apiKey = new URLSearchParams(location.search).get("apiKey");
const trouble = new Set(["error", "rateLimited", "unauthorized", "notFound", "suspended", "identityChanged", "renamed"]);
let dailyChart = null;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node[key] = value;
  }
  for (const child of children) node.append(child ?? "");
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: apiKey ? { "X-Api-Key": apiKey } : {} });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function windowQuery() {
  const days = Number(document.getElementById("days").value);
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86400000);
  return `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`;
}

const fmt = {
  num: v => (v === null || v === undefined ? "" : Number.isInteger(v) ? v.toLocaleString("en") : v.toFixed(2)),
  time: v => (v ? v.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, "Z") : ""),
};

function accountLink(id, name) {
  return el("a", { href: `#account/${encodeURIComponent(id)}`, textContent: name || id, title: id });
}

function fill(tbody, rows) {
  tbody.replaceChildren(...rows);
}

function renderLeaderboard(rows) {
  const table = document.getElementById("leaderboard");
  const ranked = [...rows].sort((a, b) => b.postsPerDay - a.postsPerDay || a.accountId.localeCompare(b.accountId))
    .map((r, i) => ({ ...r, rank: i + 1, name: r.name || r.accountId }));
  table.dataRows = ranked;
  drawLeaderboard(table);
}

function drawLeaderboard(table) {
  fill(table.tBodies[0], table.dataRows.map(r => el("tr", { dataset: { account: r.accountId } },
    el("td", { class: "num" }, String(r.rank)),
    el("td", {}, accountLink(r.accountId, r.name)),
    el("td", {}, r.platform), el("td", {}, r.country), el("td", {}, r.actor),
    el("td", { class: "num" }, fmt.num(r.posts)),
    el("td", { class: "num" }, fmt.num(r.postsPerDay)),
    el("td", { class: "num" }, fmt.num(r.activeDays)),
    el("td", { class: "num" }, fmt.num(r.followersEnd)),
    el("td", {}, fmt.time(r.lastPostAt)),
    el("td", { class: `status-${r.status}` }, r.status))));
}

function makeSortable(table, redraw) {
  for (const th of table.tHead.rows[0].cells) {
    if (th.dataset.type === "number") th.classList.add("num");
    th.addEventListener("click", () => {
      const key = th.dataset.key;
      const descending = !th.classList.contains("desc");
      for (const other of th.parentElement.cells) other.classList.remove("asc", "desc");
      th.classList.add(descending ? "desc" : "asc");
      const sign = descending ? -1 : 1;
      table.dataRows.sort((a, b) => {
        const x = a[key], y = b[key];
        if (x === y) return 0;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (typeof x === "number" ? x - y : String(x).localeCompare(String(y))) * sign;
      });
      redraw(table);
    });
  }
}

function renderTrouble(accounts) {
  const rows = accounts.filter(a => a.enabled && (trouble.has(a.status) || a.consecutiveFailures > 0));
  fill(document.querySelector("#trouble tbody"), rows.length === 0
    ? [el("tr", {}, el("td", { colSpan: 6, class: "hint" }, "None: every source answered at its last poll."))]
    : rows.map(a => el("tr", {},
      el("td", {}, accountLink(a.id, a.name)), el("td", {}, a.platform),
      el("td", { class: `status-${a.status}` }, a.status ?? ""),
      el("td", { class: "num" }, String(a.consecutiveFailures)),
      el("td", {}, fmt.time(a.lastPollAt)),
      el("td", { class: "wrap" }, a.lastError ?? ""))));
}

function renderPresence(report) {
  const table = document.getElementById("presence");
  const platforms = report.platforms.map(p => p.platform);
  table.tHead.replaceChildren(el("tr", {}, el("th", {}, "Country"), ...platforms.map(p => el("th", {}, p)), el("th", { class: "num" }, "Accounts")));
  fill(table.tBodies[0], report.countries.map(c => el("tr", {},
    el("td", {}, c.country),
    ...platforms.map(p => c.platforms.includes(p) ? el("td", { class: "present", title: `${c.country} on ${p}` }, "\u25CF") : el("td", { class: "absent" }, "\u00B7")),
    el("td", { class: "num" }, String(c.accounts)))));
  table.tFoot.replaceChildren(el("tr", {}, el("th", {}, "Present"),
    ...report.platforms.map(p => el("th", {}, `${p.present} of ${p.countries}`)), el("th")));
}

function renderDormant(rows) {
  fill(document.querySelector("#dormant tbody"), rows.length === 0
    ? [el("tr", {}, el("td", { colSpan: 6, class: "hint" }, "None in this window."))]
    : rows.map(r => el("tr", {},
      el("td", {}, accountLink(r.accountId, r.name)), el("td", {}, r.platform), el("td", {}, r.country),
      el("td", {}, r.status), el("td", {}, fmt.time(r.lastPostAt)),
      el("td", { class: "num" }, r.daysSinceLastPost === null ? "never" : String(r.daysSinceLastPost)))));
}

async function showOverview() {
  const query = windowQuery();
  const [activity, accounts, presence, dormant] = await Promise.all([
    api(`api/reports/activity?${query}`), api("api/accounts"), api("api/reports/presence"), api(`api/reports/dormant?${query}`),
  ]);
  renderLeaderboard(activity);
  renderTrouble(accounts);
  renderPresence(presence);
  renderDormant(dormant);
}

function renderFigures(a) {
  const figures = [
    ["Status", a.status], ["Posts", fmt.num(a.posts)], ["Posts per day", fmt.num(a.postsPerDay)],
    ["Active days", fmt.num(a.activeDays)], ["Median gap (h)", fmt.num(a.medianGapHours)], ["Last 7 days", fmt.num(a.weeklyCount)],
    ["Last post", fmt.time(a.lastPostAt) || "never"], ["Followers", fmt.num(a.followersEnd)], ["Follower growth", fmt.num(a.followerGrowth)],
  ];
  document.getElementById("account-figures").replaceChildren(...figures.map(([name, value]) =>
    el("div", {}, el("dt", {}, name), el("dd", {}, value ?? ""))));
}

function renderDaily(daily) {
  dailyChart?.destroy();
  dailyChart = new Chart(document.getElementById("daily-chart"), {
    type: "bar",
    data: { labels: daily.map(d => d.day), datasets: [{ label: "Posts", data: daily.map(d => d.posts), backgroundColor: "#2f5fbf" }] },
    options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

function renderHeatmap(heatmap) {
  const table = document.getElementById("heatmap");
  const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  const max = Math.max(1, ...heatmap.flat());
  table.tHead.replaceChildren(el("tr", {}, el("th"), ...Array.from({ length: 24 }, (_, h) => el("th", {}, String(h).padStart(2, "0")))));
  fill(table.tBodies[0], heatmap.map((hours, d) => el("tr", {}, el("th", {}, days[d]), ...hours.map((n, h) => {
    const cell = el("td", { title: `${days[d]} ${String(h).padStart(2, "0")}:00 UTC: ${n} posts` }, n > 0 ? String(n) : "");
    cell.style.backgroundColor = n > 0 ? `rgba(47, 95, 191, ${(0.15 + 0.85 * n / max).toFixed(2)})` : "#f2f4f7";
    if (n / max > 0.55) cell.style.color = "#fff";
    return cell;
  }))));
}

async function showAccount(id) {
  const data = await api(`api/accounts/${encodeURIComponent(id)}/activity?${windowQuery()}`);
  const a = data.activity;
  document.getElementById("account-title").textContent = `${a.name || a.accountId} (${a.platform}, ${a.country}, ${a.actor}) ${data.from} to ${data.to}`;
  renderFigures(a);
  renderDaily(data.daily);
  renderHeatmap(data.heatmap);
}

async function route() {
  const error = document.getElementById("error");
  error.hidden = true;
  const match = location.hash.match(/^#account\/(.+)$/);
  document.getElementById("overview").hidden = !!match;
  document.getElementById("account").hidden = !match;
  try {
    if (match) await showAccount(decodeURIComponent(match[1]));
    else await showOverview();
    document.body.dataset.ready = "true";
  } catch (e) {
    error.textContent = `Could not load: ${e.message}`;
    error.hidden = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  makeSortable(document.getElementById("leaderboard"), drawLeaderboard);
  document.getElementById("days").addEventListener("change", route);
  window.addEventListener("hashchange", route);
  route();
});
