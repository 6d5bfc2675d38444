// The booking flow end to end in Debian's Chromium, as a host and an invitee would use it:
// setup, an event type made in the dashboard, a booking from another time zone, the host's
// bookings list, cancelling through the manage link, the Calendars page, and the warning
// a minute before an idle sign-out. Checks
// accessibility with axe-core and saves a screenshot of every step (phone and desktop,
// light and dark) to artifacts/.
//
//   node tests/browser/e2e.mjs [path/to/kairos]

import { execFileSync, spawn } from "node:child_process";
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { GOOGLE, MICROSOFT, PRIMARY, ZOOM, startCloud } from "./cloud-standin.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const binary = path.resolve(process.argv[2] || path.join(root, "target/debug/kairos"));
const artifacts = path.join(root, "artifacts");
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

const OWNER = { name: "Olivia Owner", email: "olivia@harbor.example", password: "plum-orbit-canvas-42" };
const INVITEE = { name: "Pat Patient", email: "pat@example.org" };

let failures = 0;
let passes = 0;
function check(condition, message) {
  if (condition) {
    passes++;
    console.log(`ok - ${message}`);
  } else {
    failures++;
    console.log(`not ok - ${message}`);
  }
}

// The Stripe stand-in of the Rust tests (localstripe with Checkout Sessions and their
// hosted page): Kairos's Stripe API in this test.
async function startStripe() {
  const child = spawn(path.join(root, ".venv-test/bin/python"), [path.join(root, "tests/payments/stripe_standin.py"), "--port", "0", "--exit-with-stdin", "--quiet"], { stdio: ["pipe", "pipe", "ignore"] });
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the Stripe stand-in did not start")), 20000);
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`the Stripe stand-in exited with ${code}`)));
  });
  return { child, base };
}

function startServer(cloud, stripe) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kairos-e2e-"));
  // Google, Microsoft, Zoom and Stripe are stand-ins on loopback, which the outbound
  // guard lets through only here.
  fs.writeFileSync(path.join(dir, "kairos.toml"), `google_base_url = "${cloud.base}"\nmicrosoft_base_url = "${cloud.base}"\nzoom_base_url = "${cloud.base}"\nstripe_base_url = "${stripe.base}"\noutbound_allow_loopback = true\n`);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(binary, ["--data-dir", path.join(dir, "data"), "--config", path.join(dir, "kairos.toml"), "serve", "--listen", `127.0.0.1:${port}`], {
    env: { ...process.env, KAIROS_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no setup URL within 20 s:\n${output}`)), 20000);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = output.match(/(http:\/\/\S+\/setup\?token=[0-9a-f]+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, dir, base: `http://127.0.0.1:${port}`, setupUrl: match[1] });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`kairos exited with ${code}:\n${output}`)));
  });
}

const browserArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

async function openContext(timezoneId, locale = "en-US") {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "kairos-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: browserArgs,
    timezoneId,
    // Also the browser's Accept-Language, which sets the booker's clock, date order and
    // first day of the week.
    locale,
    viewport: { width: 1280, height: 900 },
    // axe-core is injected as a script; the pages' CSP would refuse it.
    bypassCSP: true,
  });
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(15000);
  page.on("pageerror", (error) => check(false, `no script error (${error.message})`));
  return { context, page, profile };
}

// aiosmtpd, the SMTP server of the Rust tests, writing what it accepts into a maildir.
async function startSmtp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kairos-smtp-"));
  const port = 40000 + Math.floor(Math.random() * 20000);
  // The maildir must not exist yet: the Mailbox handler makes it with its folders.
  const maildir = path.join(dir, "maildir");
  const child = spawn(path.join(root, ".venv-test/bin/python"), ["-m", "aiosmtpd", "-n", "-l", `127.0.0.1:${port}`, "-c", "aiosmtpd.handlers.Mailbox", maildir], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => { socket.end(); resolve(true); });
      socket.on("error", () => resolve(false));
    });
    if (up) return { child, dir, maildir, port };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("aiosmtpd did not listen");
}

// The newest message to `address` in the maildir, read by tests/browser/maildir.py.
async function waitForMail(dir, address) {
  for (let i = 0; i < 150; i++) {
    const output = execFileSync(path.join(root, ".venv-test/bin/python"), [path.join(here, "maildir.py"), dir]).toString();
    // Right-to-left messages keep names apart with Unicode isolation marks: read without them.
    const plain = (text) => text && text.replace(/[\u2066-\u2069]/g, "");
    const found = JSON.parse(output).filter((m) => m.to === address).map((m) => ({ ...m, subject: plain(m.subject), summary: plain(m.summary) }));
    if (found.length) return found[found.length - 1];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return null;
}

let step = 0;
async function shoot(page, name) {
  step++;
  const prefix = `${String(step).padStart(2, "0")}-${name}`;
  const original = page.viewportSize();
  for (const [device, width] of [["desktop", 1280], ["phone", 390]]) {
    for (const scheme of ["light", "dark"]) {
      await page.setViewportSize({ width, height: device === "phone" ? 844 : 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(250);
      await page.screenshot({ path: path.join(artifacts, `${prefix}-${device}-${scheme}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(original);
}

async function axe(page, name) {
  await page.addScriptTag({ content: axeSource });
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let colour transitions finish before measuring contrast.
    await page.waitForTimeout(400);
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const run = await axe.run(document, { resultTypes: ["violations"] });
      return run.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    });
    const serious = result.filter((v) => v.impact === "serious" || v.impact === "critical");
    check(serious.length === 0, `axe: no serious or critical violations on the ${name} (${scheme})${serious.length ? " " + JSON.stringify(serious) : ""}`);
    const minor = result.filter((v) => !serious.includes(v));
    if (minor.length) console.log(`# axe, ${name} (${scheme}), minor: ${JSON.stringify(minor)}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  for (const file of fs.readdirSync(artifacts)) if (file.endsWith(".png")) fs.rmSync(path.join(artifacts, file));
  const cloud = await startCloud();
  const stripe = await startStripe();
  const server = await startServer(cloud, stripe);
  const host = await openContext("Europe/Berlin");
  const invitee = await openContext("America/New_York");
  try {
    // 1. Setup: the owner account, then the organization; the zone comes from the browser.
    const page = host.page;
    await page.goto(server.setupUrl);
    await page.fill("#f-name", OWNER.name);
    await page.fill("#f-email", OWNER.email);
    await page.fill("#f-password", OWNER.password);
    await page.fill("#f-password_confirm", OWNER.password);
    await shoot(page, "setup-account");
    await Promise.all([page.waitForURL("**/setup/instance"), page.click("button[type=submit]")]);
    await page.fill("#f-organization_name", "Harbor Clinic");
    check(await page.isChecked("#f-installation-shared"), "the wizard asks what kind of installation this is, a shared screen first");
    check((await page.inputValue("#f-default_time_zone")) === "Europe/Berlin", "the wizard picks the browser's zone (Europe/Berlin)");
    // The zone menu: canonical zones by region with offsets, the detected one first, and
    // a search box that narrows it.
    const menu = await page.evaluate(() => {
      const select = document.querySelector("#f-default_time_zone");
      const values = [...select.options].map((o) => o.value);
      return {
        first: select.querySelector("optgroup").label + ": " + select.options[0].textContent,
        aliases: values.filter((v) => ["Africa/Asmera", "Africa/Timbuktu", "US/Pacific"].includes(v)),
        count: values.length,
        groups: [...select.querySelectorAll("optgroup")].map((g) => g.label),
      };
    });
    check(/^Your zone \(detected\): Berlin · Central European Time \(UTC\+0[12]:00\)$/.test(menu.first), `the detected zone comes first (${menu.first})`);
    check(menu.aliases.length === 0 && menu.count < 450, `no alias zones in the menu (${menu.aliases}, ${menu.count} entries)`);
    check(menu.groups.includes("Europe") && menu.groups.includes("America"), `zones are grouped by region (${menu.groups.join(", ")})`);
    await page.fill(".zone-search", "kathm");
    const visible = await page.evaluate(() => [...document.querySelectorAll("#f-default_time_zone option")].filter((o) => !o.hidden && !o.parentNode.hidden).map((o) => o.textContent));
    check(visible.length === 1 && visible[0] === "Kathmandu · Nepal Time (UTC+05:45)", `typing narrows the zones (${visible.join(", ")})`);
    await page.fill(".zone-search", "");
    await page.selectOption("#f-default_time_zone", "Europe/Berlin");
    await shoot(page, "setup-organization");
    await Promise.all([page.waitForURL("**/setup/email"), page.click("button[type=submit]")]);
    await shoot(page, "setup-email");
    await Promise.all([page.waitForURL("**/dashboard?notice=setup-complete"), page.click("text=Skip for now")]);
    check(await page.isVisible("text=Setup is complete"), "setup completes on the dashboard");
    check(await page.isVisible("h1:has-text('Welcome, Olivia Owner')"), "the home page greets the owner by the whole name");
    check(await page.isVisible("text=Getting started"), "the home page lists the first steps");
    await axe(page, "home page");
    await shoot(page, "home");

    // 2. An event type from the dashboard, with a question.
    await page.click("nav.topnav >> text=Event types");
    check(await page.isVisible("text=No event types yet"), "the empty list says what to do");
    await shoot(page, "event-types-empty");
    await page.click("text=Create your first event type");
    await page.fill("#f-title", "Consultation");
    await page.fill("#f-durationsMinutes", "30, 60");
    await Promise.all([page.waitForURL(/\/dashboard\/event-types\/\d+\?notice=created/), page.click("button:has-text('Continue')")]);
    await page.click("button:has-text('+ Add a question')");
    await page.fill("[name='questions[0].label']", "Reason for the visit");
    await page.check("[name='questions[0].required']");
    await page.fill("#f-description", "A first conversation about what you need.\n\nBring any letters from other doctors.");
    await Promise.all([page.waitForURL(/notice=saved/), page.click("button:has-text('Save changes')")]);
    check(await page.isVisible("text=Your changes are saved."), "the event type is saved with a confirmation");
    const editorUrl = page.url().split("?")[0];
    // The booking window shows only the fields the chosen kind uses.
    const windowKind = "[name='bookingWindow.kind']";
    const windowShown = async () => ({
      days: await page.isVisible("[name='bookingWindow.days']"),
      from: await page.isVisible("[name='bookingWindow.start']"),
      until: await page.isVisible("[name='bookingWindow.end']"),
    });
    let shown = await windowShown();
    check(!shown.days && !shown.from && !shown.until, `"Any time in the future" shows no window fields (${JSON.stringify(shown)})`);
    await page.selectOption(windowKind, "rollingBusinessDays");
    shown = await windowShown();
    check(shown.days && !shown.from && !shown.until, `a number of business days shows Days only (${JSON.stringify(shown)})`);
    await page.selectOption(windowKind, "dateRange");
    shown = await windowShown();
    check(!shown.days && shown.from && shown.until, `two dates show From and Until only (${JSON.stringify(shown)})`);
    await page.selectOption(windowKind, "unlimited");
    await axe(page, "event-type editor");
    await shoot(page, "event-type-editor");
    const publicUrl = (await page.textContent(".page-head h1 + p a")).trim();
    check(publicUrl.endsWith("/olivia/consultation"), `the public link is ${publicUrl}`);

    // 3. The invitee in New York opens the booker: times are in their zone.
    const booker = invitee.page;
    await booker.goto(`${server.base}/olivia/consultation`);
    await booker.waitForURL(/tz=America%2FNew_York/);
    check((await booker.inputValue("#booker-tz")) === "America/New_York", "the booker shows the invitee's zone, detected in the browser");
    check(await booker.isVisible(".segmented a[aria-current='true']:has-text('12h')"), "an en-US browser gets the 12-hour clock by default");
    const firstColumn = (p) => p.getAttribute(".calendar-grid thead th >> nth=0", "abbr");
    check((await firstColumn(booker)) === "Sunday", "an en-US browser's calendar weeks start on Sunday");
    await axe(booker, "booker");
    await shoot(booker, "booker");

    // A visitor whose browser speaks German (de-DE): the 24-hour clock, the day first and
    // weeks from Monday, without JavaScript's help (the server reads Accept-Language).
    const german = await openContext("Europe/Berlin", "de-DE");
    try {
      // Berlin is also the host's zone: the page needs no other one.
      await german.page.goto(`${server.base}/olivia/consultation`);
      await german.page.waitForSelector(".calendar-grid a[data-day]");
      check((await firstColumn(german.page)) === "Montag", "a de-DE browser's calendar weeks start on Monday (Montag)");
      check(await german.page.isVisible(".segmented a[aria-current='true']:has-text('24h')"), "a de-DE browser gets the 24-hour clock by default");
      const label = await german.page.getAttribute(".calendar-grid a[data-day] >> nth=0", "aria-label");
      check(/^\p{L}+, \d{1,2}\. \p{L}+ \d{4}/u.test(label || ""), `a de-DE browser reads the day first, in German (${label})`);
      check((await german.page.getAttribute("html", "lang")) === "de", "a de-DE browser gets the booker in German");
      await shoot(german.page, "booker-de-DE");
    } finally {
      await german.context.close();
      fs.rmSync(german.profile, { recursive: true, force: true });
    }

    // Keyboard: the calendar is one tab stop and arrow keys move between days.
    const firstDay = booker.locator("a[data-day][tabindex='0']");
    await firstDay.focus();
    const before = await booker.evaluate(() => document.activeElement.getAttribute("aria-label"));
    await booker.keyboard.press("ArrowRight");
    const after = await booker.evaluate(() => document.activeElement.getAttribute("aria-label"));
    check(before && after && before !== after, `arrow keys move through the calendar (${before} → ${after})`);

    // Picking a day swaps in its times without reloading the page.
    await booker.evaluate(() => { window.__sameDocument = true; });
    await booker.keyboard.press("Enter");
    await booker.waitForSelector("[data-slots] a");
    check(await booker.evaluate(() => window.__sameDocument === true), "choosing a day does not reload the page");
    check(/date=\d{4}-\d{2}-\d{2}/.test(booker.url()), "the chosen day is in the address, so back and reload work");
    const focused = await booker.evaluate(() => document.activeElement && document.activeElement.getAttribute("aria-current"));
    check(focused === "date", "focus stays on the chosen day");
    await booker.click(".segmented >> text=12h");
    await booker.waitForSelector(".segmented a[aria-current='true']:has-text('12h')");
    const firstTime = (await booker.textContent("[data-slots] a")).trim();
    check(/^\d{1,2}:\d{2}(am|pm)/.test(firstTime), `the 12-hour clock shows ${firstTime}`);
    await shoot(booker, "booker-day");

    // 4. The form: the browser checks it first, with messages next to the fields.
    await Promise.all([booker.waitForURL(/slot=/), booker.click("[data-slots] a >> nth=0")]);
    await booker.click("button:has-text('Confirm booking')");
    check(await booker.isVisible("#f-name-client-error"), "an empty name is reported next to the field before sending");
    await axe(booker, "booking form");
    await booker.fill("#f-name", INVITEE.name);
    await booker.fill("#f-email", INVITEE.email);
    await booker.fill("#f-q-question-1", "Knee pain after running");
    await booker.click("summary:has-text('Add guests')");
    await booker.fill("#f-guest-0", "kim@example.org");
    await shoot(booker, "booking-form");
    await Promise.all([booker.waitForURL(/\/booking\/[a-z2-7]+\?token=/), booker.click("button:has-text('Confirm booking')")]);

    // 5. The confirmation: when in the invitee's zone, calendar links, the manage link.
    check(await booker.isVisible("text=This meeting is scheduled"), "the confirmation says the meeting is scheduled");
    check(await booker.isVisible("text=Eastern Time"), "times on the confirmation are in New York time");
    check(await booker.isVisible("a:has-text('Download .ics')"), "the .ics download is offered");
    check(await booker.isVisible("a:has-text('Google Calendar')") && await booker.isVisible("a:has-text('Outlook')"), "Google and Outlook links are offered");
    const manageLink = await booker.inputValue("#manage-link");
    check(manageLink.includes("/booking/") && manageLink.includes("token="), "the manage link is shown");
    const [download] = await Promise.all([booker.waitForEvent("download"), booker.click("a:has-text('Download .ics')")]);
    const ics = fs.readFileSync(await download.path(), "utf8");
    check(ics.startsWith("BEGIN:VCALENDAR\r\n") && ics.includes("SUMMARY:Consultation with Olivia Owner"), "the .ics file downloads");
    await axe(booker, "confirmation page");
    await shoot(booker, "confirmation");

    // 6. The host sees it in the dashboard, in Berlin time.
    await page.click("nav.topnav >> text=Bookings");
    check(await page.isVisible("text=Consultation with Pat Patient"), "the booking is in the host's upcoming list");
    await shoot(page, "host-bookings");
    await page.click("text=Consultation with Pat Patient");
    check(await page.isVisible("text=Knee pain after running"), "the host sees the invitee's answer");
    await shoot(page, "host-booking-detail");

    // 7. The invitee cancels through the manage link.
    await booker.goto(manageLink);
    await booker.click("summary:has-text('Cancel booking')");
    await booker.fill("#f-reason", "Feeling better");
    await shoot(booker, "cancel");
    await Promise.all([booker.waitForURL(/notice=cancelled/), booker.click("button:has-text('Cancel this booking')")]);
    check(await booker.isVisible("text=This meeting was cancelled"), "the manage page says the meeting is cancelled");
    await shoot(booker, "cancelled");
    await page.click("nav.topnav >> text=Bookings");
    check(await page.isVisible("text=No upcoming bookings"), "the host's upcoming list is empty again");
    await page.click(".tabs >> text=Cancelled");
    check(await page.isVisible("text=Consultation with Pat Patient"), "the cancelled booking is under Cancelled");
    await shoot(page, "host-cancelled");

    // 8. Connected calendars: a feed address Kairos may not call is refused next to its field.
    await page.click("nav.topnav >> text=Calendars");
    check(await page.isVisible("text=No calendars connected"), "the calendars page says none are connected");
    await axe(page, "calendars page");
    await shoot(page, "calendars-empty");
    await page.fill("#f-feed_url", "http://127.0.0.1:9/basic.ics");
    await Promise.all([page.waitForLoadState("load"), page.click("button:has-text('Add feed')")]);
    check(await page.isVisible("text=Feed address did not work"), "a refused feed address is explained next to the field");
    await axe(page, "calendars page with a refused address");
    await page.setViewportSize({ width: 390, height: 844 });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(sideways <= 0, `the calendars page does not scroll sideways at 390 px (${sideways} px)`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await shoot(page, "calendars-refused");

    // 9. Admin → Integrations: the organization's Google and Microsoft apps, then the
    // hosts' buttons and the sign-ins.
    await page.goto(`${server.base}/dashboard/admin/integrations`);
    check(await page.isVisible("#google-title >> text=Not set up") && await page.isVisible("#microsoft-title >> text=Not set up") && await page.isVisible("#zoom-title >> text=Not set up"), "Google, Microsoft and Zoom are not set up on a new instance");
    for (const vendor of ["google", "microsoft", "zoom"]) {
      const redirectUri = await page.inputValue(`#${vendor}-redirect-uri`);
      check(redirectUri === `${server.base}/dashboard/calendars/${vendor}/callback`, `the redirect URI to register is shown (${redirectUri})`);
    }
    await page.fill("#f-google-client_id", GOOGLE.clientId);
    await page.fill("#f-google-client_secret", GOOGLE.secret);
    await Promise.all([page.waitForLoadState("load"), page.click("button:has-text('Save Google Calendar')")]);
    check(await page.isVisible("#google-title .badge.ok"), "Google is set up after saving");
    await page.fill("#f-microsoft-client_id", MICROSOFT.clientId);
    await page.fill("#f-microsoft-client_secret", MICROSOFT.secret);
    await page.fill("#f-microsoft-tenant", "not a tenant/../");
    await Promise.all([page.waitForLoadState("load"), page.click("button:has-text('Save Microsoft 365')")]);
    check(await page.isVisible("#f-microsoft-tenant-error"), "a malformed tenant is refused next to the field");
    await axe(page, "integrations page with a refused tenant");
    await page.fill("#f-microsoft-client_secret", MICROSOFT.secret);
    await page.fill("#f-microsoft-tenant", MICROSOFT.tenant);
    await Promise.all([page.waitForLoadState("load"), page.click("button:has-text('Save Microsoft 365')")]);
    check(await page.isVisible("#microsoft-title .badge.ok"), "Microsoft is set up after saving");
    await page.fill("#f-zoom-client_id", ZOOM.clientId);
    await page.fill("#f-zoom-client_secret", ZOOM.secret);
    await Promise.all([page.waitForLoadState("load"), page.click("button:has-text('Save Zoom')")]);
    check(await page.isVisible("#zoom-title .badge.ok"), "Zoom is set up after saving");
    const integrations = await page.content();
    check(![GOOGLE, MICROSOFT, ZOOM].some((app) => integrations.includes(app.secret)), "the client secrets are never shown again");
    await axe(page, "integrations page");
    await page.setViewportSize({ width: 390, height: 844 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(wide <= 0, `the integrations page does not scroll sideways at 390 px (${wide} px)`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await shoot(page, "integrations");
    await page.click("nav.topnav >> text=Calendars");
    check(await page.isVisible("a:has-text('Connect Google Calendar')") && await page.isVisible("a:has-text('Connect Microsoft 365')") && await page.isVisible("a:has-text('Connect Zoom')"), "hosts are offered Google, Microsoft and Zoom once they are set up");
    await axe(page, "calendars page with Google and Microsoft");
    await shoot(page, "calendars-cloud");
    // The sign-ins (the stand-in agrees at once) and back to the calendars page.
    await Promise.all([page.waitForURL("**/dashboard/calendars?notice=calendar-connected*"), page.click("a:has-text('Connect Google Calendar')")]);
    check(cloud.seen.includes("GET /o/oauth2/v2/auth") && cloud.seen.includes("POST /token"), "the browser went through Google's sign-in and Kairos fetched the grant");
    await Promise.all([page.waitForURL("**/dashboard/calendars?notice=calendar-connected*"), page.click("a:has-text('Connect Microsoft 365')")]);
    check(cloud.seen.includes(`GET /${MICROSOFT.tenant}/oauth2/v2.0/authorize`) && cloud.seen.includes(`POST /${MICROSOFT.tenant}/oauth2/v2.0/token`), "the browser went through Microsoft's sign-in and Kairos fetched the grant");
    await Promise.all([page.waitForURL("**/dashboard/calendars?notice=calendar-connected*"), page.click("a:has-text('Connect Zoom')")]);
    check(cloud.seen.includes("GET /oauth/authorize") && cloud.seen.includes("POST /oauth/token"), "the browser went through Zoom's sign-in and Kairos fetched the grant");
    check(await page.isVisible("h2:has-text('Google Calendar')") && await page.isVisible("h2:has-text('Microsoft 365')") && await page.isVisible("h2:has-text('Zoom')"), "the three connected accounts are listed");
    check(await page.locator(`#main >> text=${PRIMARY}`).count() >= 3, "each with the host's address");
    await axe(page, "calendars page with Google and Microsoft accounts");
    await shoot(page, "calendars-cloud-connected");
    // A Google Meet location is made with the host's Google Calendar event: refused next
    // to the menu until a Google calendar takes the bookings, then saved.
    const chooseMeet = async () => {
      await page.goto(editorUrl);
      await page.click("button:has-text('+ Add a location')");
      await page.selectOption("[name='locations[0].type']", "googleMeet");
      await Promise.all([page.waitForLoadState("load"), page.click("button:has-text('Save changes')")]);
    };
    await chooseMeet();
    check(await page.isVisible(".field.invalid >> text=needs a Google calendar as the destination"), "Google Meet without a Google destination calendar is refused next to the menu");
    await axe(page, "event-type editor with a refused Google Meet");
    await page.goto(`${server.base}/dashboard/calendars`);
    const googleAccount = page.locator("section.calendar-account", { hasText: "Google Calendar" });
    await Promise.all([page.waitForLoadState("load"), googleAccount.locator("button:has-text('Write new bookings here')").click()]);
    await chooseMeet();
    check(await page.isVisible("text=Your changes are saved."), "Google Meet is saved once a Google calendar takes the bookings");
    await shoot(page, "event-type-google-meet");
    await page.click("button[value='remove-location:0']");
    await Promise.all([page.waitForURL(/notice=saved/), page.click("button:has-text('Save changes')")]);

    // 10. Every dashboard page fits a phone: the page itself never scrolls sideways at
    // 390 px (the menu and the tabs wrap, wide tables become stacked rows). The pages are
    // found by following the dashboard's own links from the home page.
    await page.setViewportSize({ width: 390, height: 844 });
    const seen = new Set();
    const queue = ["/dashboard"];
    const origin = new URL(page.url()).origin;
    while (queue.length && seen.size < 80) {
      const target = queue.shift();
      if (seen.has(target)) continue;
      seen.add(target);
      const response = await page.goto(origin + target);
      if (!response || response.status() !== 200) continue;
      const { width, widest, cutOff } = await page.evaluate(() => {
        const inside = (e) => e.getBoundingClientRect().right <= 390.5;
        const over = [...document.body.querySelectorAll("*")].filter((e) => !inside(e) && [...e.children].every(inside));
        const name = (e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.className && typeof e.className === "string" ? "." + e.className.trim().replaceAll(/\s+/g, ".") : ""}`;
        return {
          width: document.documentElement.scrollWidth,
          widest: over.slice(0, 3).map(name).join(", "),
          cutOff: [...document.querySelectorAll(".topnav a, .tabs a")].filter((e) => !inside(e)).map((e) => e.textContent.trim()),
        };
      });
      check(width <= 390, `${target} fits a 390 px phone (page ${width} px wide${widest ? "; too wide: " + widest : ""})`);
      check(cutOff.length === 0, `${target}: every menu entry and tab is in sight at 390 px (${cutOff.join(", ")})`);
      const links = await page.evaluate(() => [...document.querySelectorAll("a[href^='/dashboard']")].map((a) => a.getAttribute("href").split("#")[0]));
      for (const link of links) if (!seen.has(link) && !link.includes("/export")) queue.push(link);
    }
    check(seen.size >= 15, `the phone check visited the dashboard's pages (${seen.size})`);
    for (const target of ["/dashboard/bookings?tab=cancelled", "/dashboard/admin/audit"]) {
      await page.goto(origin + target);
      await shoot(page, `phone${target.replaceAll(/[/?=]/g, "-")}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // 11. A minute before an idle sign-out (15 minutes on a shared screen) the page asks;
    // "Stay signed in" keeps the session. The browser's clock is run forward.
    const idle = await host.context.newPage();
    await idle.clock.install();
    await idle.goto(`${server.base}/dashboard`);
    const left = Number(await idle.getAttribute("body", "data-session-left"));
    check(left > 800 && left <= 900, `the session ends after 15 idle minutes (${left} s left)`);
    await idle.clock.fastForward((left - 55) * 1000);
    check(await idle.isVisible("#idle-warning"), "the idle warning shows a minute before the sign-out");
    await shoot(idle, "idle-warning");
    await idle.click("#idle-warning button:has-text('Stay signed in')");
    await idle.waitForSelector("#idle-warning", { state: "hidden" });
    check(!(await idle.isVisible("#idle-warning")), "\"Stay signed in\" closes the warning and keeps the session");
    await idle.close();

    // 12. Languages. The administrator sets up email with a real SMTP server (aiosmtpd);
    // a visitor whose browser speaks German and one whose browser speaks Arabic each book,
    // and read the pages, the confirmation email and its invitation in their language.
    const smtp = await startSmtp();
    try {
      await page.goto(`${server.base}/dashboard/admin/email`);
      await page.fill("#f-host", "127.0.0.1");
      await page.fill("#f-port", String(smtp.port));
      await page.selectOption("#f-security", "none");
      await page.fill("#f-from_address", "appointments@harbor.example");
      await Promise.all([page.waitForURL(/notice=/), page.click("button:has-text('Save mail server')")]);
      const visits = [
        { locale: "de-DE", zone: "Europe/Berlin", email: "greta@example.org", lang: "de", dir: "ltr", pick: "Wählen Sie einen Tag", done: "Dieser Termin ist gebucht", subject: "Bestätigt: Consultation", summary: "Consultation mit Olivia Owner" },
        { locale: "ar-SA", zone: "Asia/Riyadh", email: "layla@example.org", lang: "ar", dir: "rtl", pick: "اختر يومًا", done: "تم تحديد هذا الموعد", subject: "تم التأكيد: Consultation", summary: "Consultation مع Olivia Owner" },
      ];
      for (const visit of visits) {
        const visitor = await openContext(visit.zone, visit.locale);
        try {
          const v = visitor.page;
          await v.goto(`${server.base}/olivia/consultation`);
          await v.waitForSelector(".calendar-grid a[data-day]");
          check((await v.getAttribute("html", "lang")) === visit.lang && (await v.getAttribute("html", "dir")) === visit.dir, `the booker is in ${visit.lang}, ${visit.dir}, for a ${visit.locale} browser`);
          check(await v.isVisible(`text=${visit.pick}`), `the booker speaks ${visit.lang} ("${visit.pick}")`);
          await axe(v, `booker in ${visit.lang}`);
          await shoot(v, `booker-${visit.lang}`);
          await v.click(".calendar-grid a[data-day] >> nth=0");
          await v.waitForSelector("[data-slots] a");
          await shoot(v, `booker-day-${visit.lang}`);
          await Promise.all([v.waitForURL(/slot=/), v.click("[data-slots] a >> nth=0")]);
          await v.fill("#f-name", "Layla Greta");
          await v.fill("#f-email", visit.email);
          await v.fill("#f-q-question-1", "—");
          await axe(v, `booking form in ${visit.lang}`);
          await shoot(v, `booking-form-${visit.lang}`);
          await Promise.all([v.waitForURL(/\/booking\/[a-z2-7]+\?token=/), v.click("button[data-submit]")]);
          check(await v.isVisible(`text=${visit.done}`), `the confirmation says "${visit.done}"`);
          await axe(v, `confirmation in ${visit.lang}`);
          await shoot(v, `confirmation-${visit.lang}`);
          const mail = await waitForMail(smtp.maildir, visit.email);
          check(mail && mail.subject.startsWith(visit.subject), `the confirmation email's subject is in ${visit.lang} (${mail && mail.subject})`);
          check(mail && mail.lang === visit.lang && mail.dir === visit.dir, `the email's HTML is marked ${visit.lang}, ${visit.dir} (${mail && mail.lang}, ${mail && mail.dir})`);
          check(mail && mail.summary === visit.summary, `the emailed invitation is titled in ${visit.lang} (${mail && mail.summary})`);
        } finally {
          await visitor.context.close();
          fs.rmSync(visitor.profile, { recursive: true, force: true });
        }
      }
      // The dashboard in Arabic, chosen with ?lang= (the owner chose no language of their own).
      await page.goto(`${server.base}/dashboard?lang=ar`);
      check((await page.getAttribute("html", "dir")) === "rtl", "the dashboard turns right to left in Arabic");
      await axe(page, "dashboard in Arabic");
      await shoot(page, "dashboard-ar");
      await page.goto(`${server.base}/dashboard/bookings?lang=ar`);
      await shoot(page, "bookings-ar");
      await page.goto(`${server.base}/dashboard?lang=en`);
    } finally {
      smtp.child.kill("SIGTERM");
      fs.rmSync(smtp.dir, { recursive: true, force: true });
    }

    // 13. Payments: Stripe set up under Admin → Integrations, a price on the event type;
    // the booker shows it and hands off to Stripe Checkout (the stand-in's hosted page),
    // and Stripe's signed webhook confirms the booking.
    const signing = "whsec_e2e_kairos_0123456789";
    const stripeKey = "sk_test_e2e_kairos";
    const registered = await fetch(`${stripe.base}/_config/webhooks/e2e`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${stripeKey}` },
      body: new URLSearchParams({ url: `${server.base}/stripe/webhook`, secret: signing }),
    });
    check(registered.ok, "Stripe's webhook endpoint is registered at the stand-in");
    await page.goto(`${server.base}/dashboard/admin/integrations?lang=en`);
    await page.fill("[name='secret_key']", stripeKey);
    await page.fill("[name='webhook_secret']", signing);
    await Promise.all([page.waitForLoadState("load"), page.click("button:has-text('Save Stripe')")]);
    check(await page.isVisible("text=Test mode"), "the Stripe settings say they are in test mode");
    const endpoint = await page.inputValue("#stripe-webhook-url");
    check(endpoint === `${server.base}/stripe/webhook`, `the webhook endpoint to register is shown (${endpoint})`);
    await Promise.all([page.waitForLoadState("load"), page.click("button:has-text('Check connection')")]);
    check(await page.isVisible("text=Kairos Test Practice"), "checking the connection names the Stripe account");
    await shoot(page, "stripe-settings");
    await page.goto(editorUrl);
    await page.fill("[name='price.amount']", "49.90");
    await page.fill("[name='price.currency']", "EUR");
    await Promise.all([page.waitForURL(/notice=saved/), page.click("button:has-text('Save changes')")]);
    check((await page.inputValue("[name='price.amount']")) === "49.90", "the price is saved on the event type");
    await booker.goto(`${server.base}/olivia/consultation?lang=en`);
    check(await booker.isVisible("text=€49.90"), "the booker shows the price before the form");
    await shoot(booker, "booker-price");
    await booker.click("a[data-day][tabindex='0']");
    await booker.waitForSelector("[data-slots] a");
    await Promise.all([booker.waitForURL(/slot=/), booker.click("[data-slots] a >> nth=0")]);
    await booker.fill("#f-name", INVITEE.name);
    await booker.fill("#f-email", INVITEE.email);
    await booker.fill("#f-q-question-1", "A paid visit");
    check(await booker.isVisible("button:has-text('Continue to payment')"), "the form's button goes on to the payment");
    await shoot(booker, "booking-form-paid");
    await Promise.all([booker.waitForURL(`${stripe.base}/pay/**`), booker.click("button:has-text('Continue to payment')")]);
    check(booker.url().startsWith(`${stripe.base}/pay/cs_test_`), `the invitee is handed to Stripe Checkout (${booker.url()})`);
    check(await booker.isVisible("text=€49.90"), "Checkout asks for the price");
    await shoot(booker, "stripe-checkout");
    await Promise.all([booker.waitForURL(/notice=paid/), booker.click("button[type=submit]:not(.declined)")]);
    let confirmed = false;
    for (let i = 0; i < 40 && !confirmed; i++) {
      await booker.waitForTimeout(250);
      await booker.reload();
      confirmed = await booker.isVisible("text=This meeting is scheduled");
    }
    check(confirmed, "Stripe's webhook confirms the booking, and its page says so");
    check(await booker.isVisible("text=€49.90, paid"), "the booking page shows the payment");
    check(await booker.isVisible("text=Thank you: your payment arrived."), "the page thanks the invitee once the payment is in");
    await axe(booker, "paid booking page");
    await shoot(booker, "booking-paid");
  } finally {
    await host.context.close();
    await invitee.context.close();
    server.child.kill("SIGTERM");
    stripe.child.kill("SIGTERM");
    cloud.server.close();
    await new Promise((resolve) => server.child.once("exit", resolve));
    for (const dir of [server.dir, host.profile, invitee.profile]) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`screenshots: ${artifacts}`);
  console.log(`${passes} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log(`${passes} passed, ${failures + 1} failed`);
  process.exit(1);
});
