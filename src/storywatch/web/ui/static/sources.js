/* Sources: add a feed or a site, import OPML, remove one (admins). */
"use strict";

(() => {
  const status = document.getElementById("source-status");
  const add = document.getElementById("source-form");
  const opml = document.getElementById("opml-form");

  function say(text) { if (status) status.textContent = text; }

  if (add) {
    add.addEventListener("submit", async (event) => {
      event.preventDefault();
      const url = document.getElementById("src-url").value.trim();
      if (!url) { say("Enter a feed or site URL."); return; }
      say("Adding…");
      const result = await SW.api("POST", "/api/v1/sources", { url });
      if (result.ok) window.location.reload();
      else say(SW.errorText(result));
    });
  }
  if (opml) {
    opml.addEventListener("submit", async (event) => {
      event.preventDefault();
      const file = document.getElementById("opml-file").files[0];
      if (!file) { say("Choose an OPML file first."); return; }
      say("Importing…");
      const body = new FormData();
      body.append("file", file);
      const result = await SW.api("POST", "/api/v1/sources/opml", undefined, body);
      if (result.ok) window.location.reload();
      else say(SW.errorText(result));
    });
  }
  document.addEventListener("click", async (event) => {
    const remove = event.target.closest("[data-remove-source]");
    if (!remove) return;
    if (!window.confirm("Remove this source for everyone?")) return;
    const result = await SW.api("DELETE", `/api/v1/sources/${remove.dataset.removeSource}`);
    if (result.ok) remove.closest("li").remove();
    else SW.toast(SW.errorText(result));
  });
})();
