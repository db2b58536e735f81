/* Sources: add a feed or a site, import OPML, remove one (admins). */
"use strict";

(() => {
  const status = document.getElementById("source-status");
  const add = document.getElementById("source-form");
  const opml = document.getElementById("opml-form");

  const input = document.getElementById("src-url");

  /* A message under the form; a problem is red and marks the field it is about. */
  function say(text, problem, field) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("error", Boolean(problem));
    if (input) {
      if (problem && field === input) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
    if (problem && field) field.focus();
  }

  if (add) {
    input.setAttribute("aria-describedby", "source-status");
    add.addEventListener("submit", async (event) => {
      event.preventDefault();
      const url = input.value.trim();
      // "example.org/feed" is fine (the server tries https); words with spaces are not an address
      if (!url || /\s/.test(url) || !(/^https?:\/\//i.test(url) || /^[^/]+\.[^/]+/.test(url))) {
        say("Enter the address of a feed or a site, like https://example.org/feed.xml.", true, input);
        return;
      }
      say("Adding… (the feed is fetched once to check it)", false);
      const result = await SW.api("POST", "/api/v1/sources", { url });
      if (result.ok) window.location.reload();
      else say(SW.errorText(result), true, input);
    });
  }
  if (opml) {
    opml.addEventListener("submit", async (event) => {
      event.preventDefault();
      const file = document.getElementById("opml-file").files[0];
      if (!file) { say("Choose an OPML file first.", true, document.getElementById("opml-file")); return; }
      say("Importing…", false);
      const body = new FormData();
      body.append("file", file);
      const result = await SW.api("POST", "/api/v1/sources/opml", undefined, body);
      if (result.ok) window.location.reload();
      else say(SW.errorText(result), true, null);
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
