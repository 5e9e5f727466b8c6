"use strict";
// The page is served at /signin; a wrong key comes back as /signin?failed=1.
document.getElementById("failed").hidden = !new URLSearchParams(location.search).has("failed");
