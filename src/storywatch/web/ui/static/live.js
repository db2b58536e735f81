/* The live feed: notifications arrive over Server-Sent Events. One card per story: a new
   development of a story already on the page updates its card in place (the previous push
   folds under "earlier updates") and moves it to the top, as a phone replaces a push by tag. */
"use strict";

(() => {
  const feed = document.getElementById("feed");
  const status = document.getElementById("live-status");
  if (!feed || !("EventSource" in window)) return;

  let subscriptions = {};
  try { subscriptions = JSON.parse(feed.dataset.subscriptions || "{}"); } catch (err) { subscriptions = {}; }

  function hrefOf(n) {
    return n.story_id ? `/stories/${n.story_id}` : n.url || "#";
  }

  /* The inside of one push, like the ``_update.html`` template. */
  function update(n, heading, full, latestSubscription) {
    const nodes = [];
    if (n.title !== heading) nodes.push(SW.el("p", { class: "update-title" }, n.title));
    if (n.body) nodes.push(SW.el("p", { class: "note-body" }, n.body));
    const meta = SW.el("p", { class: "meta" }, SW.timeEl(n.created_at));
    const name = n.subscription_id ? subscriptions[String(n.subscription_id)] : null;
    if (name && (full || n.subscription_id !== latestSubscription)) meta.append(" · for ", SW.el("a", { href: `/subscriptions/${n.subscription_id}` }, name));
    nodes.push(meta);
    if (full) {
      const why = SW.reasonsLine(n.reasons);
      if (why) nodes.push(why);
    }
    return nodes;
  }

  function newCard(n) {
    const card = SW.el("li", { class: n.urgent ? "note urgent fresh" : "note fresh", "data-id": n.id, "data-story": n.story_id || null },
      SW.el("a", { class: "note-title", href: hrefOf(n) }, n.title),
      SW.el("div", { class: "note-latest" }, ...update(n, n.title, true)),
      SW.el("details", { class: "earlier", hidden: true },
        SW.el("summary", {}, SW.el("span", { class: "earlier-count" }, "0"), " earlier update", SW.el("span", { class: "earlier-plural" }, "s")),
        SW.el("ol", { class: "updates" })));
    card.dataset.latest = JSON.stringify(n);
    return card;
  }

  /* A new development of a story already shown: the card now leads with it. */
  function advance(card, n) {
    const title = card.querySelector(".note-title");
    let previous = null;
    try { previous = JSON.parse(card.dataset.latest || "null"); } catch (err) { previous = null; }
    const details = card.querySelector("details.earlier");
    const list = details.querySelector(".updates");
    const oldHeading = title.textContent;
    if (previous) {
      list.prepend(SW.el("li", { class: "update", "data-id": previous.id }, ...update(previous, n.title, false, n.subscription_id)));
    } else {
      // rendered by the server: move its latest block down as it is
      const moved = SW.el("li", { class: "update", "data-id": card.dataset.id }, ...card.querySelector(".note-latest").childNodes);
      moved.querySelectorAll(".why").forEach((node) => node.remove());
      const link = moved.querySelector('.meta a[href^="/subscriptions/"]');
      if (link && link.getAttribute("href") === `/subscriptions/${n.subscription_id}`) {
        link.previousSibling.remove(); // " · for "
        link.remove();
      }
      if (oldHeading !== n.title && !moved.querySelector(".update-title")) moved.prepend(SW.el("p", { class: "update-title" }, oldHeading));
      list.prepend(moved);
    }
    const count = list.children.length;
    details.hidden = false;
    details.querySelector(".earlier-count").textContent = String(count);
    details.querySelector(".earlier-plural").textContent = count === 1 ? "" : "s";
    title.textContent = n.title;
    title.setAttribute("href", hrefOf(n));
    card.querySelector(".note-latest").replaceChildren(...update(n, n.title, true));
    card.dataset.id = String(n.id);
    card.dataset.latest = JSON.stringify(n);
    if (n.urgent) card.classList.add("urgent");
    card.classList.remove("fresh");
    void card.offsetWidth; // restart the arrival highlight
    card.classList.add("fresh");
    feed.prepend(card);
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
      const card = n.story_id ? feed.querySelector(`:scope > li[data-story="${n.story_id}"]`) : null;
      if (card) advance(card, n);
      else feed.prepend(newCard(n));
      SW.notify(n);
    });
  }
  connect();
})();
