/* Devices and channels: add one, send a test, remove one. */
"use strict";

(() => {
  const form = document.getElementById("channel-form");
  const kind = document.getElementById("ch-kind");
  const errorBox = document.getElementById("channel-error");

  function showFields() {
    form.querySelectorAll("[data-kind]").forEach((box) => { box.hidden = box.dataset.kind !== kind.value; });
  }

  /* The channel as the delivery API takes it: config per kind; an Apprise URL is a secret. */
  function channelBody(data) {
    const body = { kind: kind.value, name: data.get("name") || "", config: {} };
    switch (kind.value) {
      case "email": body.config = { to: data.get("address") }; break;
      case "webhook": body.config = { url: data.get("url") }; break;
      case "ntfy": body.config = { server: data.get("server"), topic: data.get("topic") }; break;
      default: body.secret = data.get("apprise_url");
    }
    return body;
  }

  /* What is missing, said about the field a person filled in (and that field), or null. */
  function missing(data) {
    const value = (name) => String(data.get(name) || "").trim();
    switch (kind.value) {
      case "email":
        return /^[^@\s]+@[^@\s]+$/.test(value("address")) ? null : ["ch-email", "Enter the e-mail address to send to, like name@example.org."];
      case "webhook":
        return /^https?:\/\/\S+$/i.test(value("url")) ? null : ["ch-url", "Enter the address of your webhook, starting with https://."];
      case "ntfy":
        if (!/^https?:\/\/\S+$/i.test(value("server"))) return ["ch-server", "Enter the ntfy server's address, starting with https://."];
        return value("topic") ? null : ["ch-topic", "Enter the ntfy topic to publish to."];
      default:
        return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value("apprise_url")) ? null : ["ch-apprise", "Enter an Apprise URL, like tgram://bottoken/ChatID."];
    }
  }

  function showError(message, fieldId) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    form.querySelectorAll("[aria-invalid]").forEach((node) => node.removeAttribute("aria-invalid"));
    const field = fieldId ? document.getElementById(fieldId) : null;
    if (field) {
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", "channel-error");
      field.focus();
    }
  }

  if (form) {
    kind.addEventListener("change", () => { showFields(); errorBox.hidden = true; });
    showFields();
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const problem = missing(data);
      if (problem) { showError(problem[1], problem[0]); return; }
      const result = await SW.api("POST", "/api/v1/channels", channelBody(data));
      if (result.ok) {
        if (result.data && result.data.signing_secret) {
          window.alert(`Webhook added. Verify its signatures with this secret (shown once):\n${result.data.signing_secret}`);
        }
        window.location.reload();
      } else {
        showError(SW.errorText(result), null);
      }
    });
  }

  function seconds(ms) {
    if (ms === null || ms === undefined) return "–";
    return ms < 1000 ? `${Math.round(ms)} ms` : ms < 120000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60000)} min`;
  }

  /* Latency per channel and per source (D4), from the delivery API. */
  async function latency() {
    const status = document.getElementById("latency-status");
    const rows = document.getElementById("latency-rows");
    if (!status || !rows) return;
    const result = await SW.api("GET", "/api/v1/notifications/latency?days=7");
    if (!result.ok) { status.textContent = SW.errorText(result); return; }
    const groups = [["Channel", result.data.by_channel || []], ["Source", result.data.by_source || []]];
    let count = 0;
    for (const [label, list] of groups) {
      for (const g of list) {
        count += 1;
        rows.append(SW.el("tr", {},
          SW.el("td", {}, label), SW.el("td", {}, g.name),
          SW.el("td", {}, g.since_arrived.count),
          SW.el("td", {}, seconds(g.since_arrived.p50_ms)),
          SW.el("td", {}, seconds(g.since_arrived.p95_ms)),
          SW.el("td", {}, seconds(g.since_published.p50_ms))));
      }
    }
    if (count) {
      rows.closest(".table-wrap").hidden = false;
      status.textContent = "Over the last 7 days, from when an article arrived or was published to each send:";
    } else {
      status.textContent = "Nothing sent in the last 7 days yet.";
    }
  }
  latency();

  document.addEventListener("click", async (event) => {
    const test = event.target.closest("[data-test]");
    if (test) {
      test.disabled = true;
      const result = await SW.api("POST", `/api/v1/channels/${test.dataset.test}/test`);
      test.disabled = false;
      SW.toast(result.ok ? "Test on its way. Reload to see in the delivery log how it went." : SW.errorText(result));
      return;
    }
    const remove = event.target.closest("[data-remove]");
    if (remove) {
      if (!window.confirm("Remove this channel?")) return;
      const base = remove.dataset.kind === "webpush" ? "/api/v1/devices" : "/api/v1/channels";
      const result = await SW.api("DELETE", `${base}/${remove.dataset.remove}`);
      if (result.ok) remove.closest("li").remove();
      else SW.toast(SW.errorText(result));
    }
  });
})();
