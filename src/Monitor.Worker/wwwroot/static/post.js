// One post's versions (#post/<platform>/<account>/<postId>): each version with a word-level diff against the one
// before it (the vendored jsdiff, lib/diff), so an edit shows what was struck and what was added.
import { api } from "./api.js";
import { el, fmt, safeUrl } from "./dom.js";

/** The page's hash for one post, each part encoded (post ids are often URLs). */
export function postHash(platform, accountId, postId) {
  return `#post/${[platform, accountId, postId].map(encodeURIComponent).join("/")}`;
}

/** Loads and renders one post's versions, unless <current> says a newer load has started meanwhile. */
export async function showPost(platform, accountId, postId, current) {
  const versions = await api(`api/posts/${[platform, accountId, postId].map(encodeURIComponent).join("/")}/versions`);
  if (!current()) return;
  document.getElementById("post-back").href = `#account/${encodeURIComponent(accountId)}`;
  const last = versions[versions.length - 1];
  document.getElementById("post-title").textContent = last.title || postId;
  const href = safeUrl(last.url);
  document.getElementById("post-link").replaceChildren(href ? el("a", { href, rel: "noopener noreferrer", textContent: last.url }) : postId);
  document.getElementById("versions").replaceChildren(...versions.map((v, i) => renderVersion(v, versions[i - 1])));
}

function renderVersion(version, previous) {
  const evidence = version.evidence ? ` (${version.evidence})` : "";
  const capture = version.captureId ? el("span", { class: "hint", title: "WARC-Record-ID of the response it came from" }, ` · capture ${version.captureId}`) : "";
  return el("li", { class: `version ${version.reason}`, dataset: { version: String(version.version), reason: version.reason } },
    el("div", { class: "version-head" }, `v${version.version} · `, el("span", { class: `badge ${version.reason}` }, version.reason + evidence),
      ` · ${fmt.time(version.capturedAt)}`, capture),
    version.title || previous?.title ? el("div", { class: "version-title" }, ...words(previous?.title, version.title, previous)) : "",
    el("div", { class: "version-text" }, ...words(previous?.text, version.text, previous)));
}

/** The words of <text> marked against <before> (<ins>/<del>); version 1 (no previous version) as plain text. */
function words(before, text, previous) {
  if (!previous) return [text ?? ""];
  return Diff.diffWords(before ?? "", text ?? "").map(part =>
    part.added ? el("ins", {}, part.value) : part.removed ? el("del", {}, part.value) : part.value);
}
