/* Devices and channels: add one, send a test, remove one. */
"use strict";

(() => {
  const form = document.getElementById("channel-form");
  const kind = document.getElementById("ch-kind");
  const errorBox = document.getElementById("channel-error");

  function showFields() {
    form.querySelectorAll("[data-kind]").forEach((box) => { box.hidden = box.dataset.kind !== kind.value; });
  }

  function config(data) {
    switch (kind.value) {
      case "email": return { address: data.get("address") };
      case "webhook": return { url: data.get("url") };
      case "ntfy": return { server: data.get("server"), topic: data.get("topic") };
      default: return { url: data.get("apprise_url") };
    }
  }

  if (form) {
    kind.addEventListener("change", showFields);
    showFields();
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const result = await SW.api("POST", "/api/v1/channels", { kind: kind.value, name: data.get("name") || "", config: config(data) });
      if (result.ok) {
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
