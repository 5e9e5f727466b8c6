// The overview: leaderboard next to posts per day by platform, sources in trouble, presence, dormant accounts.
import { api, windowQuery } from "./api.js";
import { accountLink, displayStatus, el, emptyRow, fill, fmt, neverReached, statusCell } from "./dom.js";

const palette = ["#2f5fbf", "#e07b39", "#2e9c6a", "#b84fb0", "#c9a227", "#5b6b82", "#d1495b", "#3aa6b9"];
const trouble = new Set(["error", "rateLimited", "unauthorized", "notFound", "suspended", "identityChanged", "renamed"]);
const rankings = {
  postsPerDay: { has: r => r.posts > 0, why: "no posts in this window" },
  followersEnd: { has: r => r.followersEnd !== null && r.followersEnd !== undefined, why: "no follower count in this window" },
};
let platformChart = null;
let rows = [];

/** Loads and renders the overview, unless <current> says a newer load has started meanwhile. */
export async function showOverview(current) {
  const query = windowQuery();
  const [activity, accounts, presence, dormant, perDay] = await Promise.all([
    api(`api/reports/activity?${query}`), api("api/accounts"), api("api/reports/presence"),
    api(`api/reports/dormant?${query}`), api(`api/reports/posts-per-day?${query}`),
  ]);
  if (!current()) return;
  const byId = new Map(accounts.map(a => [a.id, a]));
  rows = activity.map(r => ({ ...r, name: r.name || r.accountId, status: displayStatus(r.status, byId.get(r.accountId)) }));
  const none = accounts.filter(a => a.enabled).length === 0;
  document.getElementById("no-accounts").hidden = !none;
  renderLeaderboard();
  renderPlatforms(perDay, none);
  renderTrouble(accounts);
  renderPresence(presence);
  renderDormant(dormant, byId);
}

/** Ranks only the accounts that have the figure; the others are named below the table, with why. */
function renderLeaderboard() {
  const table = document.getElementById("leaderboard");
  const key = document.getElementById("rank-by").value;
  const ranking = rankings[key];
  const ranked = rows.filter(ranking.has)
    .sort((a, b) => b[key] - a[key] || b.posts - a.posts || a.accountId.localeCompare(b.accountId))
    .map((r, i) => ({ ...r, rank: i + 1 }));
  table.dataRows = ranked;
  sortRows(table);
  drawLeaderboard(table);

  const unranked = rows.filter(r => !ranking.has(r)).sort((a, b) => a.name.localeCompare(b.name));
  const note = document.getElementById("unranked");
  note.hidden = unranked.length === 0;
  note.replaceChildren(`Not ranked (${ranking.why}): `, ...unranked.flatMap((r, i) => [
    i > 0 ? ", " : "", accountLink(r.accountId, r.name), ` (${r.status})`,
  ]), ".");
}

function drawLeaderboard(table) {
  const key = document.getElementById("rank-by").value;
  const empty = rows.length === 0
    ? "No accounts to rank yet."
    : key === "postsPerDay"
      ? "No account posted in this window. Pick a longer window above; new accounts fill in after their first successful poll."
      : "No follower counts in this window: only platforms that report them (Mastodon, Bluesky, YouTube, X, Telegram) have them, after a successful poll.";
  fill(table.tBodies[0], table.dataRows.length === 0 ? [emptyRow(9, empty)] : table.dataRows.map(r => el("tr", { dataset: { account: r.accountId } },
    el("td", { class: "num" }, String(r.rank)),
    el("td", {}, accountLink(r.accountId, r.name)),
    el("td", {}, r.platform), el("td", {}, r.country),
    el("td", { class: "num" }, fmt.num(r.posts)),
    el("td", { class: "num" }, fmt.num(r.postsPerDay)),
    el("td", { class: "num" }, fmt.num(r.followersEnd)),
    el("td", { title: fmt.time(r.lastPostAt) }, fmt.day(r.lastPostAt)),
    statusCell(r.status))));
}

function makeSortable(table, redraw) {
  for (const th of table.tHead.rows[0].cells) {
    if (th.dataset.type === "number") th.classList.add("num");
    th.addEventListener("click", () => {
      const descending = !th.classList.contains("desc");
      for (const other of th.parentElement.cells) other.classList.remove("asc", "desc");
      th.classList.add(descending ? "desc" : "asc");
      table.sortedBy = { key: th.dataset.key, sign: descending ? -1 : 1 };
      sortRows(table);
      redraw(table);
    });
  }
}

/** Keeps the column sort the user picked across refreshes; without one, rows stay in rank order. */
function sortRows(table) {
  if (!table.sortedBy) return;
  const { key, sign } = table.sortedBy;
  table.dataRows.sort((a, b) => {
    const x = a[key], y = b[key];
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return (typeof x === "number" ? x - y : String(x).localeCompare(String(y))) * sign;
  });
}

function renderPlatforms(perDay, noAccounts) {
  const total = perDay.platforms.reduce((sum, p) => sum + p.posts.reduce((a, b) => a + b, 0), 0);
  const empty = document.getElementById("platform-empty");
  empty.hidden = total > 0;
  document.getElementById("platform-chart").parentElement.hidden = total === 0;
  empty.textContent = noAccounts ? "Posts appear here once accounts are tracked and polled." : `No posts between ${perDay.from} and ${perDay.to}.`;
  const data = {
    labels: perDay.days.map(d => d.slice(5)),
    datasets: perDay.platforms.map((p, i) => ({ label: p.platform, data: p.posts, backgroundColor: palette[i % palette.length] })),
  };
  if (platformChart) {
    platformChart.data = data;
    platformChart.update("none");
    return;
  }
  platformChart = new Chart(document.getElementById("platform-chart"), {
    type: "bar",
    data,
    options: {
      maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: "bottom" }, tooltip: { mode: "index", intersect: false } },
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
}

function renderTrouble(accounts) {
  const failing = accounts.filter(a => a.enabled && (trouble.has(a.status) || a.consecutiveFailures > 0));
  const none = accounts.some(a => a.enabled && a.lastPollAt)
    ? "None: every source answered at its last poll."
    : "No poll has finished yet. Sources that fail show here with their error.";
  fill(document.querySelector("#trouble tbody"), failing.length === 0 ? [emptyRow(6, none)] : failing.map(a => el("tr", { dataset: { account: a.id } },
    el("td", {}, accountLink(a.id, a.name)), el("td", {}, a.platform),
    statusCell(neverReached(a) ? `${a.status} · never reached` : a.status, true),
    el("td", { class: "num" }, String(a.consecutiveFailures)),
    el("td", {}, fmt.time(a.lastPollAt)),
    el("td", { class: "wrap" }, a.lastError ?? ""))));
}

function renderPresence(report) {
  const table = document.getElementById("presence");
  const platforms = report.platforms.map(p => p.platform);
  table.tHead.replaceChildren(el("tr", {}, el("th", {}, "Country"), ...platforms.map(p => el("th", {}, p)), el("th", { class: "num" }, "Accounts")));
  fill(table.tBodies[0], report.countries.length === 0
    ? [emptyRow(2, "No enabled accounts: presence counts the countries each platform has an account for.")]
    : report.countries.map(c => el("tr", {},
      el("td", {}, c.country),
      ...platforms.map(p => c.platforms.includes(p) ? el("td", { class: "present", title: `${c.country} on ${p}` }, "\u25CF") : el("td", { class: "absent" }, "\u00B7")),
      el("td", { class: "num" }, String(c.accounts)))));
  table.tFoot.replaceChildren(report.platforms.length === 0 ? "" : el("tr", {}, el("th", {}, "Present"),
    ...report.platforms.map(p => el("th", {}, `${p.present} of ${p.countries}`)), el("th")));
}

function renderDormant(dormant, byId) {
  fill(document.querySelector("#dormant tbody"), dormant.length === 0
    ? [emptyRow(6, "None in this window: every account posted recently.")]
    : dormant.map(r => el("tr", { dataset: { account: r.accountId } },
      el("td", {}, accountLink(r.accountId, r.name)), el("td", {}, r.platform), el("td", {}, r.country),
      statusCell(displayStatus(r.status, byId.get(r.accountId))), el("td", {}, fmt.day(r.lastPostAt)),
      el("td", { class: "num" }, r.daysSinceLastPost === null ? "never" : String(r.daysSinceLastPost)))));
}

makeSortable(document.getElementById("leaderboard"), drawLeaderboard);
document.getElementById("rank-by").addEventListener("change", () => {
  const table = document.getElementById("leaderboard");
  table.sortedBy = null;
  for (const th of table.tHead.rows[0].cells) th.classList.remove("asc", "desc");
  renderLeaderboard();
});
