// A stand-in for the sign-in pages, token endpoints and the few API calls a connection
// makes, of Google, Microsoft and Zoom, for the browser test: each sign-in page agrees at
// once and sends the browser back with a code and the state, as the vendors' do. Google
// and Zoom authenticate the client with HTTP Basic, Microsoft with the secret in the
// form. The Rust test suite's stand-ins (tests/it/google_standin.rs, microsoft_standin.rs,
// zoom_standin.rs) cover the APIs and their failure modes; this one only lets Chromium
// walk through the sign-ins.

import http from "node:http";
import crypto from "node:crypto";

export const GOOGLE = { clientId: "1234-kairos.apps.googleusercontent.com", secret: "a-client-secret" };
export const MICROSOFT = { clientId: "6731de76-14a6-49ae-97bc-6eba6914391e", secret: "a~microsoft.secret", tenant: "harbor.onmicrosoft.com" };
export const ZOOM = { clientId: "ZoomHarborClient01", secret: "a-zoom-secret" };
export const PRIMARY = "olivia@harbor.example";

export function startCloud() {
  const codes = new Map();
  const tokens = new Set();
  const seen = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://standin");
    seen.push(`${request.method} ${url.pathname}`);
    const json = (status, body) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const microsoftPath = `/${MICROSOFT.tenant}/oauth2/v2.0`;
    const appOf = (path) => (path.startsWith("/o/") || path === "/token" ? GOOGLE : path.startsWith("/oauth/") ? ZOOM : MICROSOFT);
    if (url.pathname === "/o/oauth2/v2/auth" || url.pathname === `${microsoftPath}/authorize` || url.pathname === "/oauth/authorize") {
      const q = url.searchParams;
      const app = appOf(url.pathname);
      if (q.get("client_id") !== app.clientId || q.get("code_challenge_method") !== "S256") return json(400, { error: "invalid_request" });
      const code = crypto.randomBytes(8).toString("hex");
      codes.set(code, { app, challenge: q.get("code_challenge"), redirect: q.get("redirect_uri") });
      const back = new URL(q.get("redirect_uri"));
      back.searchParams.set("state", q.get("state"));
      back.searchParams.set("code", code);
      response.writeHead(302, { location: back.toString() });
      return response.end();
    }
    if ((url.pathname === "/token" || url.pathname === `${microsoftPath}/token` || url.pathname === "/oauth/token") && request.method === "POST") {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        const form = new URLSearchParams(body);
        const grant = codes.get(form.get("code"));
        codes.delete(form.get("code"));
        const app = appOf(url.pathname);
        const authenticated = app !== MICROSOFT
          ? request.headers.authorization === `Basic ${Buffer.from(`${app.clientId}:${app.secret}`).toString("base64")}`
          : form.get("client_id") === app.clientId && form.get("client_secret") === app.secret;
        if (!authenticated) return json(401, { error: "invalid_client" });
        const verified = crypto.createHash("sha256").update(form.get("code_verifier") || "").digest("base64url");
        if (!grant || grant.app !== app || grant.challenge !== verified || grant.redirect !== form.get("redirect_uri")) return json(400, { error: "invalid_grant" });
        const access = crypto.randomBytes(12).toString("hex");
        tokens.add(access);
        json(200, { access_token: access, expires_in: 3599, refresh_token: "refresh-1", token_type: "Bearer" });
      });
      return;
    }
    const bearer = (request.headers.authorization || "").replace(/^Bearer /, "");
    if (!tokens.has(bearer)) return json(401, { error: { code: 401, errors: [{ reason: "authError" }] } });
    if (url.pathname === "/calendar/v3/users/me/calendarList/primary") return json(200, { id: PRIMARY, summary: PRIMARY, accessRole: "owner" });
    if (url.pathname === "/calendar/v3/users/me/calendarList") {
      return json(200, { items: [{ id: PRIMARY, summary: PRIMARY, accessRole: "owner", primary: true }] });
    }
    if (url.pathname.startsWith("/calendar/v3/calendars/") && url.pathname.endsWith("/events")) {
      return json(200, { items: [], nextSyncToken: "sync-1" });
    }
    if (url.pathname === "/v2/users/me") return json(200, { id: "KdYKjnimT4KPd8FFgQt9FQ", email: PRIMARY });
    if (url.pathname === "/v1.0/me/calendar") return json(200, { id: "AAMkCal=", name: "Calendar", owner: { address: PRIMARY } });
    if (url.pathname === "/v1.0/me/calendars") return json(200, { value: [{ id: "AAMkCal=", name: "Calendar", canEdit: true }] });
    if (url.pathname.startsWith("/v1.0/me/calendars/") && url.pathname.endsWith("/calendarView/delta")) {
      return json(200, { value: [], "@odata.deltaLink": `http://${request.headers.host}${url.pathname}?$deltatoken=1` });
    }
    json(404, { error: { code: 404, errors: [{ reason: "notFound" }] } });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${server.address().port}`, seen }));
  });
}
