/* Storywatch: helpers every page uses. No build step, no framework. */
"use strict";

const SW = (() => {
  const csrf = () => {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  };

  /* Call the JSON API with the session cookie and the CSRF header. */
  async function api(method, path, body, raw) {
    const init = { method, credentials: "same-origin", headers: { "X-CSRF-Token": csrf(), Accept: "application/json" } };
    if (raw !== undefined) {
      init.body = raw;
    } else if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (err) {
      return { ok: false, status: 0, data: { error: { code: "offline", message: "Could not reach the server." } } };
    }
    let data = null;
    if (response.status !== 204) {
      try { data = await response.json(); } catch (err) { data = null; }
    }
    return { ok: response.ok, status: response.status, data };
  }

  function errorText(result) {
    return (result.data && result.data.error && result.data.error.message) || `Request failed (${result.status}).`;
  }

  let toastTimer = null;
  function toast(message) {
    const el = document.getElementById("toast");
    if (!el) return;
    el.textContent = message;
    el.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { el.hidden = true; }, 4000);
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /* The reader's time zone from Settings (the pages draw times in it too), else the browser's. */
  function timeZone() {
    const meta = document.querySelector('meta[name="timezone"]');
    return (meta && meta.content) || undefined;
  }

  /* "Sun 22 Nov, 04:40" in the reader's zone: the same form the server writes. */
  function formatTime(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return "";
    let parts;
    try {
      parts = new Intl.DateTimeFormat("en-GB", { timeZone: timeZone(), weekday: "short", day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(d);
    } catch (err) {
      parts = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(d);
    }
    const part = (type) => (parts.find((p) => p.type === type) || { value: "" }).value;
    return `${part("weekday")} ${part("day")} ${part("month")}, ${part("hour")}:${part("minute")}`;
  }

  /* "Sunday 22 November 2026, 04:40 Asia/Tokyo": the title the server's <time> carries. */
  function fullTime(iso) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return "";
    const zone = timeZone() || Intl.DateTimeFormat().resolvedOptions().timeZone;
    let parts;
    try {
      parts = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "long", day: "2-digit", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(d);
    } catch (err) {
      return "";
    }
    const part = (type) => (parts.find((p) => p.type === type) || { value: "" }).value;
    return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")} ${zone}`;
  }

  /* A <time> element like the server's ``time`` filter. */
  function timeEl(iso) {
    return el("time", { datetime: iso, title: fullTime(iso) || null }, formatTime(iso));
  }

  /* Why something matched, in words (the same as ``words.reason_label`` on the server). */
  const REASONS = {
    term: "“{v}”", phrase: "“{v}”", title: "“{v}” in the title", prefix: "{v}", person: "{v}",
    org: "{v}", place: "{v}", entity: "{v}", source: "from {v}", story: "a story you follow",
    lang: "language {v}",
  };
  function reasonLabel(kind, value) {
    const clean = String(value || "").replace(/^["“” ]+|["“” ]+$/g, "");
    return (REASONS[kind] || "{v}").replace("{v}", clean);
  }

  /* "Matched “a” “b”" chips for a list of reasons, repeats dropped. */
  function reasonsLine(reasons) {
    const line = el("p", { class: "why" }, el("span", { class: "why-label" }, "Matched"));
    const seen = new Set();
    for (const r of reasons || []) {
      const label = reasonLabel(r.kind, r.value);
      if (seen.has(label)) continue;
      if (seen.size) line.append(el("span", { class: "visually-hidden" }, ","));
      seen.add(label);
      line.append(" ", el("span", { class: `chip chip-${r.kind}`, title: r.detail || null }, label));
    }
    return seen.size ? line : null;
  }

  /* ---------------------------------------------------------------- service worker & push */

  async function registration() {
    if (!("serviceWorker" in navigator)) return null;
    try {
      await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      return await navigator.serviceWorker.ready;
    } catch (err) {
      return null;
    }
  }

  function keyBytes(base64url) {
    const padded = base64url.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((base64url.length + 3) % 4);
    const raw = atob(padded);
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  }

  function setPushStatus(text) {
    document.querySelectorAll("[data-push-status]").forEach((node) => { node.textContent = text; });
  }

  function markPushButtons(on) {
    document.querySelectorAll("[data-push-button]").forEach((button) => {
      button.textContent = on ? "Notifications on ✓" : "Enable notifications";
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  function deviceName() {
    const ua = navigator.userAgent;
    const platform = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Mac/.test(ua) ? "Mac" : /Windows/.test(ua) ? "Windows" : /Linux/.test(ua) ? "Linux" : "Device";
    const browser = /Firefox\//.test(ua) ? "Firefox" : /Edg\//.test(ua) ? "Edge" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Browser";
    return `${browser} on ${platform}`;
  }

  /* Ask for permission, subscribe this browser to Web Push and register it as a device. */
  async function enablePush() {
    if (!("Notification" in window)) {
      setPushStatus("This browser cannot show notifications.");
      return false;
    }
    const permission = await Notification.requestPermission();
    if (permission !== "granted") {
      setPushStatus("Notifications are blocked for this site. Allow them in the browser's site settings.");
      markPushButtons(false);
      return false;
    }
    markPushButtons(true);
    const reg = await registration();
    if (!reg || !("pushManager" in reg)) {
      setPushStatus("Notifications are on while Storywatch is open. This browser has no background push.");
      return true;
    }
    const keyResult = await api("GET", "/api/v1/push/key");
    const keyData = keyResult.data || {};
    const key = keyData.public_key || keyData.key || keyData.vapid_public_key || keyData.application_server_key;
    if (!keyResult.ok || !key) {
      setPushStatus("Notifications are on while Storywatch is open. Background push is not set up on the server.");
      return true;
    }
    try {
      let sub = await reg.pushManager.getSubscription();
      if (!sub) {
        const subscribing = reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
        const giveUp = new Promise((_, reject) => setTimeout(() => reject(new Error("the browser's push service did not answer")), 10000));
        sub = await Promise.race([subscribing, giveUp]);
      }
      const json = sub.toJSON();
      const result = await api("POST", "/api/v1/devices", { endpoint: json.endpoint, keys: json.keys, name: deviceName() });
      if (!result.ok) throw new Error(errorText(result));
      setPushStatus("Notifications are on for this device, even when Storywatch is closed.");
      return true;
    } catch (err) {
      setPushStatus(`Notifications are on while Storywatch is open. Background push failed: ${err.message || err}`);
      return true;
    }
  }

  /* Show a notification the way a push would, replacing an older one about the same story. */
  async function notify(n) {
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    const options = {
      body: n.body || "",
      tag: n.story_id ? `story-${n.story_id}` : `n-${n.id}`,
      renotify: true,
      icon: "/static/icons/icon-192.png",
      data: { url: n.story_id ? `/stories/${n.story_id}` : n.url || "/" },
    };
    const reg = "serviceWorker" in navigator ? await navigator.serviceWorker.getRegistration() : null;
    if (reg && reg.showNotification) {
      await reg.showNotification(n.title, options);
    } else {
      new Notification(n.title, options);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    registration().then(async (reg) => {
      // "on" only once this browser really is subscribed; a bare permission is not enough
      const sub = reg && reg.pushManager ? await reg.pushManager.getSubscription() : null;
      if (sub && "Notification" in window && Notification.permission === "granted") markPushButtons(true);
    });
    document.querySelectorAll("[data-push-button]").forEach((button) => {
      button.addEventListener("click", () => { enablePush(); });
    });
  });

  return { api, errorText, toast, el, formatTime, timeEl, reasonLabel, reasonsLine, enablePush, notify };
})();
