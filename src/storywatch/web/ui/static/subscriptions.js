/* The subscription editor: live preview, errors at the right column, save, pause, delete. */
"use strict";

(() => {
  const form = document.getElementById("sub-form");
  const query = document.getElementById("sub-query");
  const errorBox = document.getElementById("query-error");
  const previewStatus = document.getElementById("preview-status");
  const previewList = document.getElementById("preview-list");
  const days = document.getElementById("preview-days");
  let timer = null;
  let seq = 0;

  function showError(error) {
    errorBox.replaceChildren();
    if (!error) {
      errorBox.hidden = true;
      query.removeAttribute("aria-invalid");
      return;
    }
    query.setAttribute("aria-invalid", "true");
    const text = query.value;
    // the API names the field ("query: …"); here the message sits under that field already
    const message = String(error.message || "").replace(/^query:\s*/i, "");
    const children = [SW.el("p", { class: "error-msg" }, message.charAt(0).toUpperCase() + message.slice(1))];
    if (error.column) {
      const col = Math.max(1, Math.min(error.column, text.length + 1));
      children.push(SW.el("pre", { class: "caret", "aria-hidden": "true" }, `${text}\n${" ".repeat(col - 1)}^`));
      const said = message.toLowerCase();
      const extra = [];
      if (!said.includes("column")) extra.push(`At column ${col}.`);
      if (error.expected && error.expected.length && !said.includes("expected")) extra.push(`Expected: ${error.expected.join(", ")}.`);
      if (extra.length) children.push(SW.el("p", { class: "meta" }, extra.join(" ")));
    }
    errorBox.append(...children);
    errorBox.hidden = false;
  }

  function renderPreview(data) {
    previewList.replaceChildren();
    const n = data.total;
    const span = Number(data.days) === 1 ? "day" : `${data.days} days`;
    previewStatus.textContent = n === 0
      ? `No article in the last ${span} matches. New ones will.`
      : `${n} article${n === 1 ? "" : "s"} in the last ${span} would have matched${data.items.length < n ? `; the newest ${data.items.length}:` : ":"}`;
    for (const item of data.items) {
      const title = item.story_id ? SW.el("a", { href: `/stories/${item.story_id}` }, item.title) : SW.el("span", {}, item.title);
      const li = SW.el("li", { class: "preview-item" }, title,
        SW.el("span", { class: "meta" }, ` · ${item.source}${item.published_at ? " · " + SW.formatTime(item.published_at) : ""}`));
      const why = SW.reasonsLine(item.reasons);
      if (why) li.append(why);
      previewList.append(li);
    }
  }

  async function preview() {
    const text = query.value.trim();
    if (!text) {
      showError(null);
      previewList.replaceChildren();
      previewStatus.textContent = "Type a query to see what it would have matched.";
      return;
    }
    const mine = ++seq;
    previewStatus.textContent = "Looking…";
    const result = await SW.api("POST", "/api/v1/subscriptions/preview", { query: text, days: Number(days.value), limit: 20 });
    if (mine !== seq) return;
    if (result.ok) {
      showError(null);
      renderPreview(result.data);
    } else {
      showError(result.data && result.data.error ? result.data.error : { message: SW.errorText(result) });
      previewList.replaceChildren();
      previewStatus.textContent = "Fix the query to see a preview.";
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(preview, 350);
  }

  if (form) {
    query.addEventListener("input", schedule);
    days.addEventListener("change", preview);
    if (query.value.trim()) preview();
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      // a preview still on its way must not wipe the answer to this submit
      clearTimeout(timer);
      seq += 1;
      const id = form.dataset.subId;
      const data = new FormData(form);
      const body = {
        name: data.get("name") || "",
        mode: data.get("mode") || "developments",
        urgent: data.get("urgent") === "on",
      };
      if (!query.readOnly) body.query = query.value.trim();
      const result = id
        ? await SW.api("PATCH", `/api/v1/subscriptions/${id}`, body)
        : await SW.api("POST", "/api/v1/subscriptions", { ...body, kind: "query" });
      if (result.ok) {
        window.location.href = "/subscriptions";
      } else {
        const error = result.data && result.data.error ? result.data.error : { message: SW.errorText(result) };
        showError(error);
        if (error.column) {
          query.focus();
          query.setSelectionRange(error.column - 1, error.column);
        }
      }
    });
  }

  document.addEventListener("click", async (event) => {
    const del = event.target.closest("[data-delete]");
    if (del) {
      if (!window.confirm("Delete this subscription?")) return;
      const result = await SW.api("DELETE", `/api/v1/subscriptions/${del.dataset.delete}`);
      if (result.ok) del.closest("li").remove();
      else SW.toast(SW.errorText(result));
      return;
    }
    const toggle = event.target.closest("[data-toggle]");
    if (toggle) {
      const enabled = toggle.dataset.enabled !== "true";
      const result = await SW.api("PATCH", `/api/v1/subscriptions/${toggle.dataset.toggle}`, { enabled });
      if (result.ok) window.location.reload();
      else SW.toast(SW.errorText(result));
    }
  });
})();
