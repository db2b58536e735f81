/* Follow buttons: a story, a person, an organisation, a place or a source, in one click.
   A button knows whether it is on (aria-pressed, and the subscription's id); pressed, one
   click unfollows, so a second click never makes a second, identical subscription. */
"use strict";

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-follow-kind]");
  if (!button || button.disabled) return;
  const name = button.dataset.followName || "it";
  const on = button.getAttribute("aria-pressed") === "true" && button.dataset.subId;
  button.disabled = true;
  const result = on
    ? await SW.api("DELETE", `/api/v1/subscriptions/${button.dataset.subId}`)
    : await SW.api("POST", "/api/v1/subscriptions", {
      kind: button.dataset.followKind,
      target: button.dataset.followTarget,
      name: button.dataset.followName || "",
      mode: "developments",
    });
  button.disabled = false;
  if (!result.ok) {
    SW.toast(SW.errorText(result));
    return;
  }
  if (on) {
    delete button.dataset.subId;
    button.setAttribute("aria-pressed", "false");
    button.textContent = button.dataset.label || "Follow";
    SW.toast(`You no longer follow ${name}.`);
  } else {
    button.dataset.subId = String(result.data.id);
    button.setAttribute("aria-pressed", "true");
    button.textContent = button.dataset.labelOn || "Following ✓";
    SW.toast(`You will be told when ${name} moves. Click again to stop.`);
  }
});
