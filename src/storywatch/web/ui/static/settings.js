/* Settings: API tokens, sessions, password, users (admins). */
"use strict";

(() => {
  // offer this device's time zone when it is not the one chosen (a new account starts on UTC)
  const zone = document.getElementById("timezone");
  const useZone = document.getElementById("use-device-zone");
  let here = "";
  try { here = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (err) { here = ""; }
  if (zone && useZone && here && zone.value !== here && [...zone.options].some((o) => o.value === here)) {
    useZone.textContent = `Use this device's zone, ${here}`;
    useZone.hidden = false;
    useZone.addEventListener("click", () => {
      zone.value = here;
      useZone.hidden = true;
      zone.focus();
    });
  }

  const tokenForm = document.getElementById("token-form");
  if (tokenForm) {
    tokenForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const name = document.getElementById("token-name").value;
      const result = await SW.api("POST", "/api/v1/tokens", { name });
      const box = document.getElementById("new-token");
      box.replaceChildren();
      if (result.ok) {
        box.append("Your new token (copy it now, it is not shown again): ", SW.el("code", { class: "token" }, result.data.token));
      } else {
        box.textContent = SW.errorText(result);
      }
      box.hidden = false;
    });
  }

  const pwForm = document.getElementById("password-form");
  if (pwForm) {
    pwForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(pwForm);
      const result = await SW.api("POST", "/api/v1/me/password", { current_password: data.get("current_password"), new_password: data.get("new_password") });
      document.getElementById("pw-status").textContent = result.ok ? "Password changed." : SW.errorText(result);
      if (result.ok) pwForm.reset();
    });
  }

  const userForm = document.getElementById("user-form");
  if (userForm) {
    userForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(userForm);
      const body = { username: data.get("username"), display_name: data.get("display_name") || "", is_admin: data.get("is_admin") === "on" };
      if (data.get("password")) body.password = data.get("password");
      const result = await SW.api("POST", "/api/v1/users", body);
      const out = document.getElementById("user-status");
      out.replaceChildren();
      if (result.ok) {
        if (result.data.invite_url) out.append("Created. Send them this one-time link: ", SW.el("code", {}, result.data.invite_url));
        else out.append("Created. They can sign in now.");
        userForm.reset();
      } else {
        out.textContent = SW.errorText(result);
      }
    });
  }

  document.addEventListener("click", async (event) => {
    const revoke = event.target.closest("[data-revoke]");
    if (revoke) {
      const result = await SW.api("DELETE", `/api/v1/tokens/${revoke.dataset.revoke}`);
      if (result.ok) window.location.reload(); else SW.toast(SW.errorText(result));
      return;
    }
    const end = event.target.closest("[data-end-session]");
    if (end) {
      const result = await SW.api("DELETE", `/api/v1/sessions/${end.dataset.endSession}`);
      if (result.ok) end.closest("li").remove(); else SW.toast(SW.errorText(result));
      return;
    }
    const disable = event.target.closest("[data-user-disable]");
    if (disable) {
      const result = await SW.api("PATCH", `/api/v1/users/${disable.dataset.userDisable}`, { disabled: disable.dataset.disabled !== "true" });
      if (result.ok) window.location.reload(); else SW.toast(SW.errorText(result));
    }
  });
})();
