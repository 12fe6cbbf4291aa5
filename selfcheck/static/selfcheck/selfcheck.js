// Heimarbeitsplatz-Check: choosing "I don't know" unfolds the step's instructions right
// below the answer (without JavaScript they are one click away in the same place).
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "radio") return;
  const step = input.closest("[data-selfcheck-step]");
  const help = step && step.querySelector("[data-selfcheck-help]");
  if (help && input.value === "unknown") help.open = true;
});
