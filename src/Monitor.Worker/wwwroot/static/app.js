// Monitor dashboard: plain JS over the read-only JSON API. Loads the overview or one account's page (#account/<id>),
// then reloads it by itself every refresh interval (/api/status: the poll cycle's interval), paused while the tab is
// hidden and caught up when it shows again.
import { showOverview } from "./overview.js";
import { showAccount } from "./account.js";
import { showPost } from "./post.js";
import { fmt } from "./dom.js";
import { api } from "./api.js";

let refreshMs = 60000;
let timer = null;
let lastLoadAt = 0;
let loads = 0;

async function load() {
  clearTimeout(timer);
  const body = document.body;
  const first = body.dataset.state === "loading";
  const error = document.getElementById("error");
  const match = location.hash.match(/^#account\/(.+)$/);
  const post = location.hash.match(/^#post\/([^/]+)\/([^/]+)\/(.+)$/);
  // A navigation may start a load while another is on its way: only the newest one renders.
  const generation = ++loads;
  const current = () => generation === loads;
  body.dataset.loads = String(generation);
  body.dataset.busy = "true";
  document.getElementById("updated").textContent = first ? "Loading…" : "Refreshing…";
  try {
    const [status] = await Promise.all([
      api("api/status"),
      post ? showPost(...post.slice(1).map(decodeURIComponent), current)
        : match ? showAccount(decodeURIComponent(match[1]), current) : showOverview(current),
    ]);
    if (!current()) return;
    refreshMs = status.refreshSeconds * 1000;
    document.getElementById("signout").hidden = !status.keyRequired;
    document.getElementById("overview").hidden = !!match || !!post;
    document.getElementById("account").hidden = !match;
    document.getElementById("post").hidden = !post;
    error.hidden = true;
    const cycle = status.lastCycleFinishedAt ? ` · last poll cycle ${fmt.clock(status.lastCycleFinishedAt)}` : "";
    document.getElementById("updated").textContent = `Updated ${fmt.clock(new Date().toISOString())}${cycle}`;
    body.dataset.ready = "true";
  } catch (e) {
    if (!current()) return;
    error.textContent = `Could not load: ${e.message}`;
    error.hidden = false;
    document.getElementById("updated").textContent = "";
  } finally {
    if (current()) {
      body.dataset.state = "loaded";
      body.dataset.busy = "false";
      document.getElementById("loading").hidden = true;
      lastLoadAt = Date.now();
      schedule(refreshMs);
    }
  }
}

function schedule(delay) {
  clearTimeout(timer);
  if (document.visibilityState !== "hidden") timer = setTimeout(load, delay);
}

function onVisibility() {
  if (document.visibilityState === "hidden") {
    clearTimeout(timer);
    return;
  }
  const due = lastLoadAt + refreshMs - Date.now();
  if (due <= 0) load();
  else schedule(due);
}

function navigate() {
  document.body.dataset.ready = "false";
  window.scrollTo(0, 0);
  load();
}

document.getElementById("days").addEventListener("change", navigate);
window.addEventListener("hashchange", navigate);
document.addEventListener("visibilitychange", onVisibility);
load();
