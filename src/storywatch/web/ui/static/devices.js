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

  if (form) {
    kind.addEventListener("change", showFields);
    showFields();
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const result = await SW.api("POST", "/api/v1/channels", channelBody(data));
      if (result.ok) {
        if (result.data && result.data.signing_secret) {
          window.alert(`Webhook added. Verify its signatures with this secret (shown once):\n${result.data.signing_secret}`);
        }
        window.location.reload();
      } else {
        errorBox.textContent = SW.errorText(result);
        errorBox.hidden = false;
      }
    });
  }

  document.addEventListener("click", async (event) => {
    const test = event.target.closest("[data-test]");
    if (test) {
      test.disabled = true;
      const result = await SW.api("POST", `/api/v1/channels/${test.dataset.test}/test`);
      test.disabled = false;
      SW.toast(result.ok ? "Test sent. It appears in the delivery log." : SW.errorText(result));
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
