// The dashboard's search box over /api/search: newest hits first, each a snippet with its matches marked (the API's
// highlights, [start, length] offsets into the snippet) and a link to the account's page. The snippet is split into
// text nodes and <mark> elements built here; nothing from the store goes through innerHTML.
import { api } from "./api.js";
import { el, fmt, accountLink, safeUrl } from "./dom.js";

const limit = 50;

/** The snippet as nodes: plain text between matches, each match in a <mark>; overlapping or out-of-range offsets are clipped. */
export function highlighted(snippet, highlights) {
  const nodes = [];
  let at = 0;
  const ranges = [...(highlights ?? [])].filter(h => Array.isArray(h) && h.length === 2).sort((a, b) => a[0] - b[0]);
  for (const [start, length] of ranges) {
    const from = Math.max(start, at);
    const to = Math.min(start + length, snippet.length);
    if (to <= from) continue;
    if (from > at) nodes.push(document.createTextNode(snippet.slice(at, from)));
    nodes.push(el("mark", { textContent: snippet.slice(from, to) }));
    at = to;
  }
  if (at < snippet.length) nodes.push(document.createTextNode(snippet.slice(at)));
  return nodes;
}

function hitItem(hit) {
  const url = safeUrl(hit.url);
  return el("li", { class: "hit" },
    el("p", { class: "hit-meta" },
      accountLink(hit.accountId), ` · ${hit.platform} · ${hit.kind} · ${fmt.time(hit.publishedAt)}`,
      url ? " · " : "", url ? el("a", { href: url, textContent: "original", rel: "noopener noreferrer", target: "_blank" }) : ""),
    el("p", { class: "snippet" }, ...highlighted(hit.snippet ?? "", hit.highlights)));
}

async function search(event) {
  event.preventDefault();
  const query = document.getElementById("search-q").value.trim();
  const section = document.getElementById("search-results");
  const list = document.getElementById("search-hits");
  const summary = document.getElementById("search-summary");
  if (!query) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  summary.textContent = "Searching…";
  list.replaceChildren();
  try {
    const body = await api(`api/search?q=${encodeURIComponent(query)}&limit=${limit}`);
    list.replaceChildren(...body.hits.map(hitItem));
    const count = body.hits.length;
    summary.textContent = count === 0 ? `No posts match “${body.query}”.`
      : `${count}${count === limit ? "+" : ""} post${count === 1 ? "" : "s"} match “${body.query}”, newest first.`;
  } catch (e) {
    summary.textContent = e.message.replace(/^api\/search\?[^:]*: /, "");
  }
  document.body.dataset.searched = String(Number(document.body.dataset.searched ?? 0) + 1);
}

function clear() {
  document.getElementById("search-results").hidden = true;
  document.getElementById("search-q").value = "";
}

document.getElementById("search").addEventListener("submit", search);
document.getElementById("search-clear").addEventListener("click", clear);
// Following a hit to its account page leaves the results where they were, above it, until cleared.
