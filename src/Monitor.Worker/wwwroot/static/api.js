// The read-only JSON API. Credentials travel in the sign-in cookie (same origin), never in the URL.

export async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (response.status === 401) {
    location.href = "signin";
    throw new Error("sign-in required");
  }
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new Error(`${path}: ${body?.error ?? `HTTP ${response.status}`}`);
  }
  return response.json();
}

/** The window picked in the header, as the API's from/to query (UTC dates, both inclusive). */
export function windowQuery() {
  const days = Number(document.getElementById("days").value);
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86400000);
  return `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`;
}
