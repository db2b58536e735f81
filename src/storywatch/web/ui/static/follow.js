/* Follow buttons: a story, a person, an organisation, a place or a source, in one click. */
"use strict";

document.addEventListener("click", async (event) => {
  const follow = event.target.closest("[data-follow-kind]");
  if (follow) {
    follow.disabled = true;
    const result = await SW.api("POST", "/api/v1/subscriptions", {
      kind: follow.dataset.followKind,
      target: follow.dataset.followTarget,
      name: follow.dataset.followName || "",
      mode: "developments",
    });
    if (result.ok) {
      follow.textContent = "Following ✓";
      follow.setAttribute("aria-pressed", "true");
      SW.toast(`You will be told when ${follow.dataset.followName || "it"} moves.`);
    } else {
      follow.disabled = false;
      SW.toast(SW.errorText(result));
    }
    return;
  }
  const unfollow = event.target.closest("[data-unfollow]");
  if (unfollow) {
    const result = await SW.api("DELETE", `/api/v1/subscriptions/${unfollow.dataset.unfollow}`);
    if (result.ok) window.location.reload();
    else SW.toast(SW.errorText(result));
  }
});
