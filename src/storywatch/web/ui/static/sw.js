/* Storywatch service worker: shows pushes, opens the story on click, keeps an offline page. */
"use strict";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch (err) {
    payload = { title: "Storywatch", body: event.data ? event.data.text() : "" };
  }
  const title = payload.title || "Storywatch";
  const options = {
    body: payload.body || "",
    tag: payload.tag || (payload.story_id ? `story-${payload.story_id}` : undefined),
    renotify: Boolean(payload.tag || payload.story_id),
    requireInteraction: Boolean(payload.urgent),
    icon: "/static/icons/icon-192.png",
    badge: "/static/icons/maskable-192.png",
    data: {
      url: payload.url || (payload.story_id ? `/stories/${payload.story_id}` : "/"),
      notification_id: payload.notification_id,
    },
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const client of windows) {
        if (client.url === target && "focus" in client) return client.focus();
      }
      for (const client of windows) {
        if ("navigate" in client && new URL(client.url).origin === self.location.origin) {
          return client.navigate(target).then((c) => (c ? c.focus() : undefined));
        }
      }
      return self.clients.openWindow(target);
    })
  );
});

/* Pages are always fetched fresh; when the network is gone, say so instead of a browser error. */
self.addEventListener("fetch", (event) => {
  if (event.request.mode !== "navigate") return;
  event.respondWith(
    fetch(event.request).catch(
      () =>
        new Response(
          "<!doctype html><meta name=viewport content='width=device-width'><title>Offline</title>" +
            "<h1>You are offline</h1><p>Storywatch will show new developments when the connection is back.</p>",
          { headers: { "Content-Type": "text/html; charset=utf-8" } }
        )
    )
  );
});
