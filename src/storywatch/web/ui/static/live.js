/* The live feed: new notifications arrive over Server-Sent Events and go on top. */
"use strict";

(() => {
  const feed = document.getElementById("feed");
  const status = document.getElementById("live-status");
  if (!feed || !("EventSource" in window)) return;

  function render(n) {
    const href = n.story_id ? `/stories/${n.story_id}` : n.url || "#";
    const item = SW.el("li", { class: n.urgent ? "note urgent fresh" : "note fresh", "data-id": n.id },
      SW.el("a", { class: "note-title", href }, n.title));
    if (n.body) item.append(SW.el("p", { class: "note-body" }, n.body));
    item.append(SW.el("p", { class: "meta" }, SW.formatTime(n.created_at)));
    const reasons = n.reasons || [];
    if (reasons.length) {
      const why = SW.el("p", { class: "why" }, SW.el("span", { class: "why-label" }, "Why:"));
      for (const r of reasons) {
        why.append(" ", SW.el("span", { class: `chip chip-${r.kind}`, title: r.detail || "" }, `${r.kind}: ${r.value}`));
      }
      item.append(why);
    }
    return item;
  }

  function connect() {
    const source = new EventSource("/api/v1/live", { withCredentials: true });
    source.addEventListener("open", () => { status.textContent = "Live: new developments appear here as they happen."; });
    source.addEventListener("error", () => { status.textContent = "Reconnecting to the live stream…"; });
    source.addEventListener("notification", (event) => {
      let n;
      try { n = JSON.parse(event.data); } catch (err) { return; }
      if (feed.querySelector(`[data-id="${n.id}"]`)) return;
      const empty = document.getElementById("empty-feed");
      if (empty) empty.remove();
      feed.prepend(render(n));
      SW.notify(n);
    });
  }
  connect();
})();
