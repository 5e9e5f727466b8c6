// Small DOM and formatting helpers. Untrusted text (names, posts, errors) only ever goes through textContent,
// never innerHTML, and links from stored data must be http(s).

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node[key] = value;
  }
  for (const child of children) node.append(child ?? "");
  return node;
}

export function fill(tbody, rows) {
  tbody.replaceChildren(...rows);
}

/** One full-width row saying why a table is empty and what to do next. */
export function emptyRow(columns, text) {
  return el("tr", {}, el("td", { colSpan: columns, class: "empty" }, text));
}

/** A link only for http(s) URLs: a javascript: or data: URL from a feed must never become clickable. */
export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export const fmt = {
  num: v => (v === null || v === undefined ? "" : Number.isInteger(v) ? v.toLocaleString("en") : v.toFixed(2)),
  time: v => (v ? v.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, "Z") : ""),
  day: v => (v ? v.slice(0, 10) : ""),
  clock: v => (v ? v.slice(11, 19) + "Z" : ""),
  duration: ms => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`),
};

export function accountLink(id, name) {
  return el("a", { href: `#account/${encodeURIComponent(id)}`, textContent: name || id, title: id });
}

const troubled = new Set(["error", "rateLimited", "unauthorized", "notFound", "suspended", "identityChanged", "renamed", "never reached"]);
const verdicts = new Set(["unauthorized", "notFound", "suspended", "identityChanged"]);

/** Polled, but never successfully, and not because the platform refused (a refusal is an answer: it was reached). */
export function neverReached(account) {
  return !!account && !!account.lastPollAt && !account.lastSuccessAt && !verdicts.has(account.status);
}

/**
 * The status to show: an account never polled successfully is "never reached" (it cannot be "inactive" when nothing
 * was ever read), one never polled "not polled yet"; the platform's own verdicts (unauthorized, notFound, suspended)
 * stay as they are.
 */
export function displayStatus(status, account) {
  if (account && !account.lastPollAt) return "not polled yet";
  if (account && !account.lastSuccessAt && !verdicts.has(status) && !verdicts.has(account.status)) return "never reached";
  return status ?? "";
}

export function statusCell(status, bad = troubled.has(status)) {
  return el("td", { class: bad ? "status bad" : "status" }, status);
}
