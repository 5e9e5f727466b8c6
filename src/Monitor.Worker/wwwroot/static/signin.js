"use strict";
// The page is served at /signin; a wrong key comes back as /signin?failed=1.
document.getElementById("failed").hidden = !new URLSearchParams(location.search).has("failed");
// Keep the page asked for (#account/<id>): a redirect without a fragment keeps the request's own.
document.querySelector("form").action = `signin${location.hash}`;
