// A stand-in for Google's sign-in page, token endpoint and the few Calendar API calls a
// connection makes, for the browser test: the consent page agrees at once and sends the
// browser back with a code and the state, as Google's does. The Rust test suite's
// tests/it/google_standin.rs covers the API and its failure modes; this one only lets
// Chromium walk through the sign-in.

import http from "node:http";
import crypto from "node:crypto";

export const CLIENT_ID = "1234-kairos.apps.googleusercontent.com";
export const CLIENT_SECRET = "a-client-secret";
export const PRIMARY = "olivia@harbor.example";

export function startGoogle() {
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
    if (url.pathname === "/o/oauth2/v2/auth") {
      const q = url.searchParams;
      if (q.get("client_id") !== CLIENT_ID || q.get("code_challenge_method") !== "S256") return json(400, { error: "invalid_request" });
      const code = crypto.randomBytes(8).toString("hex");
      codes.set(code, { challenge: q.get("code_challenge"), redirect: q.get("redirect_uri") });
      const back = new URL(q.get("redirect_uri"));
      back.searchParams.set("state", q.get("state"));
      back.searchParams.set("code", code);
      response.writeHead(302, { location: back.toString() });
      return response.end();
    }
    if (url.pathname === "/token" && request.method === "POST") {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        const form = new URLSearchParams(body);
        const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`;
        if (request.headers.authorization !== basic) return json(401, { error: "invalid_client" });
        const grant = codes.get(form.get("code"));
        codes.delete(form.get("code"));
        const verified = crypto.createHash("sha256").update(form.get("code_verifier") || "").digest("base64url");
        if (!grant || grant.challenge !== verified || grant.redirect !== form.get("redirect_uri")) return json(400, { error: "invalid_grant" });
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
    json(404, { error: { code: 404, errors: [{ reason: "notFound" }] } });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${server.address().port}`, seen }));
  });
}
