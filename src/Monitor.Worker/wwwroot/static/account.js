// One account's page: the last poll, activity figures, posts per day, followers, heatmap, recent posts, poll history.
import { api, windowQuery } from "./api.js";
import { displayStatus, el, emptyRow, fill, fmt, neverReached, safeUrl, statusCell } from "./dom.js";
import { postHash } from "./post.js";

const charts = {};

/** Loads and renders one account's page, unless <current> says a newer load has started meanwhile. */
export async function showAccount(id, current) {
  const path = `api/accounts/${encodeURIComponent(id)}`;
  const query = windowQuery();
  const [account, activity, posts, polls, followers] = await Promise.all([
    api(path),
    api(`${path}/activity?${query}`).catch(() => null), // a disabled account has no activity row
    api(`${path}/posts?limit=20`), api(`${path}/snapshots?limit=50`), api(`${path}/followers?${query}`),
  ]);
  if (!current()) return;
  const details = [account.platform, account.country, account.actor].join(", ");
  document.getElementById("account-title").textContent = `${account.name || account.id} (${details})${account.enabled ? "" : " · disabled"}`;
  const handle = document.getElementById("account-handle");
  const href = safeUrl(account.handle);
  handle.replaceChildren(href ? el("a", { href, rel: "noopener noreferrer", textContent: account.handle }) : account.handle);
  renderLastPoll(account);
  renderActivity(activity, account);
  renderFollowers(followers, account);
  renderPosts(posts, account);
  renderPolls(polls, account);
}

function renderLastPoll(a) {
  const status = !a.lastPollAt ? "not polled yet" : neverReached(a) ? `${a.status} · never reached` : a.status;
  const figures = [
    ["Status", status], ["Last poll", fmt.time(a.lastPollAt) || "never"], ["Last success", fmt.time(a.lastSuccessAt) || "never"],
    ["Failures in a row", String(a.consecutiveFailures)], ["Next poll", fmt.time(a.nextPollAt) || "at the next cycle"],
  ];
  document.getElementById("last-poll").replaceChildren(...figures.map(([name, value]) =>
    el("div", { class: name === "Status" && (a.lastError || !a.lastSuccessAt) ? "bad" : "" }, el("dt", {}, name), el("dd", {}, value))));
  const error = document.getElementById("last-error");
  error.hidden = !a.lastError;
  error.textContent = a.lastError ? `Last error: ${a.lastError}` : "";
}

function renderActivity(data, account) {
  const title = document.getElementById("account-window");
  if (!data) {
    title.textContent = "Activity";
    document.getElementById("account-figures").replaceChildren(el("p", { class: "empty" }, "This account is disabled: enable it in the accounts file to report its activity."));
    chart("daily-chart", null);
    document.getElementById("daily-empty").hidden = true;
    document.querySelector("#heatmap tbody").replaceChildren();
    return;
  }
  const a = data.activity;
  title.textContent = `Activity ${data.from} to ${data.to}`;
  const figures = [
    ["Status", displayStatus(a.status, account)], ["Posts", fmt.num(a.posts)], ["Posts per day", fmt.num(a.postsPerDay)],
    ["Active days", fmt.num(a.activeDays)], ["Median gap (h)", fmt.num(a.medianGapHours)], ["Last 7 days", fmt.num(a.weeklyCount)],
    ["Last post", fmt.time(a.lastPostAt) || "never"], ["Followers", fmt.num(a.followersEnd)], ["Follower growth", fmt.num(a.followerGrowth)],
  ];
  document.getElementById("account-figures").replaceChildren(...figures.map(([name, value]) =>
    el("div", {}, el("dt", {}, name), el("dd", {}, value || "\u2014"))));
  const empty = document.getElementById("daily-empty");
  empty.hidden = a.posts > 0;
  empty.textContent = `No posts between ${data.from} and ${data.to}.`;
  chart("daily-chart", a.posts === 0 ? null : {
    type: "bar",
    data: { labels: data.daily.map(d => d.day), datasets: [{ label: "Posts", data: data.daily.map(d => d.posts), backgroundColor: "#2f5fbf" }] },
  });
  renderHeatmap(data.heatmap);
}

function renderFollowers(days, account) {
  const empty = document.getElementById("followers-empty");
  empty.hidden = days.length > 0;
  empty.textContent = account.lastSuccessAt
    ? "No follower counts in this window: this platform's polls do not report them."
    : "No follower counts yet: they come with the first successful poll.";
  chart("followers-chart", days.length === 0 ? null : {
    type: "line",
    data: { labels: days.map(d => d.day), datasets: [{ label: "Followers", data: days.map(d => d.followers), borderColor: "#2e9c6a", backgroundColor: "#2e9c6a", pointRadius: 3 }] },
    options: { scales: { y: { beginAtZero: false, ticks: { precision: 0 } } } },
  });
}

/** Creates, updates or removes the chart on a canvas (updates keep the page from flickering on refresh). */
function chart(canvasId, config) {
  const canvas = document.getElementById(canvasId);
  canvas.parentElement.hidden = !config;
  if (!config) {
    charts[canvasId]?.destroy();
    delete charts[canvasId];
    return;
  }
  const existing = charts[canvasId];
  if (existing && existing.config.type === config.type) {
    existing.data = config.data;
    existing.update("none");
    return;
  }
  existing?.destroy();
  charts[canvasId] = new Chart(canvas, {
    ...config,
    options: {
      maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      ...config.options,
    },
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

function renderPosts(posts, account) {
  const empty = account.lastSuccessAt
    ? "No posts stored for this account: its polls succeeded but found none."
    : "No posts stored yet: they appear after the first successful poll.";
  fill(document.querySelector("#posts tbody"), posts.length === 0 ? [emptyRow(3, empty)] : posts.map(p => {
    const text = p.title || p.snippet || p.postId;
    const href = safeUrl(p.url);
    const versions = postHash(account.platform, account.id, p.postId);
    const body = el("td", { class: "post" },
      href ? el("a", { class: "title", href, rel: "noopener noreferrer", textContent: text }) : el("span", {}, text),
      p.editedAt ? el("a", { class: "badge edited", href: versions, title: `Edited; noticed ${fmt.time(p.editedAt)}. Show the versions.` }, "edited") : "",
      p.deletedAt ? el("a", { class: "badge deleted", href: versions, title: `Deleted; noticed ${fmt.time(p.deletedAt)}. Show the versions.` }, "deleted") : "",
      languageBadge(p),
      p.title && p.snippet ? el("div", { class: "snippet" }, p.snippet) : "",
      mediaLinks(p.media));
    return el("tr", { dataset: { post: p.postId }, class: p.deletedAt ? "deleted" : "" },
      el("td", {}, fmt.time(p.publishedAt)), el("td", {}, p.kind), body);
  }));
}

/** The post's language; a detected one (not given by the platform) says so. */
function languageBadge(p) {
  if (!p.language) return "";
  return p.languageDetected
    ? el("span", { class: "badge lang detected", title: "Detected from the text; the platform gave no language." }, `${p.language} (detected)`)
    : el("span", { class: "badge lang", title: "Language as the platform gives it." }, p.language);
}

/** One link per http(s) media URL, named by its file; any other URL is left out, never made clickable. */
function mediaLinks(media) {
  const links = (media ?? []).map(safeUrl).filter(href => href !== null).map(href => {
    const name = new URL(href).pathname.split("/").filter(Boolean).pop() || new URL(href).host;
    return el("a", { href, rel: "noopener noreferrer", title: href, textContent: name });
  });
  return links.length === 0 ? "" : el("div", { class: "media" }, "Media: ", ...links.flatMap((link, i) => (i === 0 ? [link] : [" · ", link])));
}

function renderPolls(polls, account) {
  const empty = `Not polled yet; the next poll is due ${account.nextPollAt ? `at ${fmt.time(account.nextPollAt)}` : "at the next cycle"}.`;
  fill(document.querySelector("#polls tbody"), polls.length === 0 ? [emptyRow(8, empty)] : polls.map(s => el("tr", {},
    el("td", {}, fmt.time(s.capturedAt)), statusCell(s.status),
    el("td", { class: "num" }, s.httpStatus === null ? "" : String(s.httpStatus)),
    el("td", { class: "num" }, String(s.newPosts)), el("td", { class: "num" }, String(s.seenPosts)),
    el("td", { class: "num" }, fmt.num(s.followers)),
    el("td", { class: "num" }, fmt.duration(s.durationMs)),
    el("td", { class: "wrap" }, s.error ?? ""))));
}
