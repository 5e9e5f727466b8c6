// Dashboard: the presence map of the UN member states and the link to the study, for the selected window.
// The SVG is drawn by the worker (/study/map.svg, the study's own code); it is parsed as XML, never as HTML.
"use strict";

(() => {
  const key = new URLSearchParams(location.search).get("apiKey");

  function query() {
    const days = Number(document.getElementById("days").value);
    const to = new Date();
    const from = new Date(to.getTime() - (days - 1) * 86400000);
    return `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`;
  }

  async function draw() {
    const section = document.getElementById("presence-map");
    if (!section) return;
    const q = query();
    document.getElementById("study-link").href = `study?${q}` + (key ? `&apiKey=${encodeURIComponent(key)}` : "");
    const response = await fetch(`study/map.svg?${q}`, { headers: key ? { "X-Api-Key": key } : {} });
    if (!response.ok) return;
    const svg = new DOMParser().parseFromString(await response.text(), "image/svg+xml").documentElement;
    section.querySelector(".map").replaceChildren(document.importNode(svg, true));
  }

  document.addEventListener("DOMContentLoaded", () => {
    draw();
    document.getElementById("days").addEventListener("change", draw);
  });
})();
