/*
 * Give each Draftail rich-text editor in the Wagtail admin an accessible name.
 *
 * Draft.js renders the editable area as role="textbox" without a name: axe reports
 * "aria-input-field-name" (WCAG 4.1.2). Wagtail's DraftailRichTextArea passes no label to
 * Draftail (its Python options only carry the features), and the element is created in the
 * browser, so the name is set here: aria-labelledby points at the field's <label> (a
 * FieldPanel), or at the block's name in the heading of its StreamField block. React leaves
 * attributes alone that it does not render itself, so the name survives re-renders.
 * docs/editors.md, "Rich-text editor and screen readers".
 */
(function () {
  "use strict";

  function ensureId(element, id) {
    if (!element.id) element.id = id;
    return element.id;
  }

  function labelFor(editor) {
    const field = editor.closest("[data-field-input]") || editor.closest(".w-field");
    const input = field && field.querySelector("input[type=hidden][id]");
    if (!input) return null;
    const label =
      document.getElementById(input.id + "-label") ||
      document.querySelector('label[for="' + CSS.escape(input.id) + '"]');
    if (label && label.textContent.trim()) return ensureId(label, input.id + "-label");
    const panel = editor.closest(".w-panel__content");
    const heading = panel && document.getElementById(panel.id.replace(/-content$/, "-heading"));
    const blockName = heading && heading.querySelector("[data-panel-heading-text]");
    const named = blockName && blockName.textContent.trim() ? blockName : heading;
    if (named && named.textContent.trim()) return ensureId(named, input.id + "-name");
    return null;
  }

  function nameEditors() {
    document
      .querySelectorAll(".public-DraftEditor-content:not([aria-label]):not([aria-labelledby])")
      .forEach(function (editor) {
        const id = labelFor(editor);
        if (id) editor.setAttribute("aria-labelledby", id);
      });
  }

  let scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      nameEditors();
    });
  }

  function start() {
    nameEditors();
    // StreamField blocks and their editors are added while the editor works.
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
