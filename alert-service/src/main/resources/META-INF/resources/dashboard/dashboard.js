// Live view of the alert-service's active alerts. It reads GET /api/v1/alerts, then follows
// GET /api/v1/alerts/stream. The token stays in this tab's session storage and goes only to this service.
// Every value from the API is written with textContent, so text that a station sent cannot become markup.
"use strict";

const TOKEN_ITEM = "keyline-alert-token";
const RECONNECT_MS = 5000;
const REREAD_MS = 60000;
const RENDER_DELAY_MS = 250;
const PAGE_SIZE = 1000;
const MAX_PAGES = 20;
const SEVERITY_ORDER = ["critical", "high", "warning", "info"];
const active = new Map();
let renderPending = false;
let truncated = false;

function token() {
  return sessionStorage.getItem(TOKEN_ITEM);
}

function showState(text, kind) {
  const state = document.getElementById("state");
  state.textContent = text;
  state.className = kind || "";
}

function askForToken(reason) {
  sessionStorage.removeItem(TOKEN_ITEM);
  document.getElementById("alerts").hidden = true;
  document.getElementById("login").hidden = false;
  showState(reason, "down");
}

async function request(path, accept) {
  const response = await fetch(path, {
    headers: { Authorization: "Bearer " + token(), Accept: accept },
    cache: "no-store",
  });
  if (response.status === 401 || response.status === 403) {
    throw new Error("token rejected (" + response.status + "); enter an operator or auditor token");
  }
  if (!response.ok) {
    throw new Error(path + " failed with status " + response.status);
  }
  return response;
}

// Reads every firing and acknowledged alert, page by page, up to MAX_PAGES pages of each status.
async function loadActive() {
  const read = new Map();
  let more = false;
  for (const status of ["firing", "acknowledged"]) {
    for (let page = 0; ; page++) {
      if (page === MAX_PAGES) {
        more = true;
        break;
      }
      const response = await request(
        "/api/v1/alerts?status=" + status + "&page=" + page + "&size=" + PAGE_SIZE, "application/json");
      const alerts = await response.json();
      for (const alert of alerts) {
        read.set(alert.id, alert);
      }
      if (alerts.length < PAGE_SIZE) {
        break;
      }
    }
  }
  active.clear();
  read.forEach((alert, id) => active.set(id, alert));
  truncated = more;
  render();
}

function scheduleRender() {
  if (!renderPending) {
    renderPending = true;
    setTimeout(() => {
      renderPending = false;
      render();
    }, RENDER_DELAY_MS);
  }
}

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text == null ? "" : String(text);
  if (className) {
    td.className = className;
  }
  row.appendChild(td);
  return td;
}

function render() {
  const alerts = Array.from(active.values()).sort((a, b) =>
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity)
      || String(b.lastSeen).localeCompare(String(a.lastSeen)));
  const rows = document.getElementById("rows");
  rows.replaceChildren();
  for (const alert of alerts) {
    const row = document.createElement("tr");
    row.className = alert.severity + " " + alert.status;
    cell(row, alert.severity, "severity");
    cell(row, alert.rule);
    cell(row, alert.status);
    const summary = cell(row, alert.summary);
    const action = document.createElement("div");
    action.className = "action";
    action.textContent = alert.action || "";
    summary.appendChild(action);
    const labels = Object.entries(alert.labels || {}).map(([name, value]) => name + "=" + value).join(" ");
    cell(row, labels, "labels");
    cell(row, alert.occurrences);
    cell(row, alert.firingSince);
    cell(row, alert.lastSeen);
    cell(row, alert.acknowledgedBy);
    rows.appendChild(row);
  }
  document.getElementById("alerts").hidden = false;
  document.getElementById("login").hidden = true;
  document.getElementById("count").textContent = active.size + " active alerts"
    + (truncated ? ", more than the " + PAGE_SIZE * MAX_PAGES + " per status shown here; filter with the API" : "");
}

function apply(change) {
  if (change.alert.status === "resolved") {
    active.delete(change.alert.id);
  } else {
    active.set(change.alert.id, change.alert);
  }
  scheduleRender();
}

// Follows the stream. Once it is connected the list is read again, so a change committed between the
// first reading and the connection is not missed. Server-sent events are separated by a blank line, and
// each data line of an event carries part of its JSON.
async function follow() {
  const response = await request("/api/v1/alerts/stream", "text/event-stream");
  await loadActive();
  showState("live since " + new Date().toLocaleTimeString(), "live");
  // A quiet stream sends only keep-alive comments, which readEvents skips. Reading the list again every
  // minute bounds how stale the page can be if a connection stalls without closing.
  const reread = setInterval(() => loadActive().catch(() => {}), REREAD_MS);
  try {
    await readEvents(response);
  } finally {
    clearInterval(reread);
  }
}

async function readEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replace(/\r\n?/g, "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.split("\n").filter(line => line.startsWith("data:"))
        .map(line => line.slice(5).replace(/^ /, "")).join("\n");
      if (data) {
        apply(JSON.parse(data));
      }
    }
  }
}

async function run() {
  for (;;) {
    try {
      await loadActive();
      await follow();
      showState("the stream ended; connecting again", "down");
    } catch (error) {
      if (error.message.startsWith("token rejected")) {
        askForToken(error.message);
        return;
      }
      showState(error.message + "; connecting again in " + RECONNECT_MS / 1000 + " s", "down");
    }
    await new Promise(resolve => setTimeout(resolve, RECONNECT_MS));
  }
}

document.getElementById("login").addEventListener("submit", event => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_ITEM, document.getElementById("token").value.trim());
  document.getElementById("token").value = "";
  run();
});

if (token()) {
  run();
} else {
  askForToken("enter a token to show the alerts");
}
