// Helpers the harness runs in the page, prepended to every script it executes.
// They find elements the way assistive technology does, by role and accessible name, and
// describe the widget's state in one JSON snapshot. Written for this suite; a simplified
// accessible-name computation (aria-labelledby, aria-label, <label>, <legend>, content).
const e2e = (() => {
  const norm = (text) => (text || "").replace(/\s+/g, " ").trim();

  const isHidden = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      if (node.hidden || node.getAttribute("aria-hidden") === "true") return true;
      if (getComputedStyle(node).display === "none") return true;
    }
    return getComputedStyle(el).visibility === "hidden";
  };

  const textOf = (node) => {
    if (node.nodeType === 3) return node.textContent;
    if (node.nodeType !== 1) return "";
    if (node.hidden || node.getAttribute("aria-hidden") === "true") return "";
    const style = getComputedStyle(node);
    if (style.display === "none" || style.visibility === "hidden") return "";
    if (["INPUT", "SELECT", "TEXTAREA", "SCRIPT", "STYLE"].includes(node.tagName)) return "";
    const label = node.getAttribute("aria-label");
    if (label && norm(label)) return " " + label + " ";
    if (node.tagName === "IMG") return " " + (node.getAttribute("alt") || "") + " ";
    const inline = style.display.startsWith("inline");
    const inner = Array.from(node.childNodes).map(textOf).join("");
    return inline ? inner : " " + inner + " ";
  };

  const roleOf = (el) => {
    const explicit = norm(el.getAttribute("role")).split(" ")[0];
    if (explicit) return explicit;
    const tag = el.tagName;
    const type = (el.getAttribute("type") || "").toLowerCase();
    if (tag === "BUTTON") return "button";
    if (tag === "INPUT") {
      if (["button", "submit", "reset"].includes(type)) return "button";
      if (type === "radio") return "radio";
      if (type === "checkbox") return "checkbox";
      if (["", "text", "search", "email", "url", "tel"].includes(type)) return "textbox";
      return "";
    }
    if (tag === "TEXTAREA") return "textbox";
    if (tag === "FIELDSET") return "group";
    if (tag === "OUTPUT") return "status";
    if (tag === "A" && el.hasAttribute("href")) return "link";
    if (tag === "DETAILS") return "group";
    if (tag === "SUMMARY") return "button";
    return "";
  };

  const nameOf = (el) => {
    const labelledBy = norm(el.getAttribute("aria-labelledby"));
    if (labelledBy) {
      return norm(labelledBy.split(" ")
        .map((id) => document.getElementById(id))
        .filter(Boolean)
        .map((target) => target.getAttribute("aria-label") || textOf(target))
        .join(" "));
    }
    const label = norm(el.getAttribute("aria-label"));
    if (label) return label;
    if (el.labels && el.labels.length) {
      return norm(Array.from(el.labels).map(textOf).join(" "));
    }
    if (el.tagName === "FIELDSET") {
      const legend = el.querySelector(":scope > legend");
      if (legend) return norm(textOf(legend));
    }
    if (["button", "radio", "link", "checkbox", "status", "alert"].includes(roleOf(el))
        && !["INPUT"].includes(el.tagName)) {
      const content = norm(textOf(el));
      if (content) return content;
    }
    if (el.tagName === "INPUT" && ["button", "submit", "reset"].includes(el.type)) {
      return norm(el.value);
    }
    return norm(el.getAttribute("title"));
  };

  const scopeOf = (selector) => (selector ? document.querySelector(selector) : document.body);

  // Every element in the scope with this role (one of `roles`) and, when given, this name.
  const findAll = (selector, roles, name) => {
    const scope = scopeOf(selector);
    if (!scope) return [];
    return Array.from(scope.querySelectorAll("*")).filter((el) =>
      roles.includes(roleOf(el)) && !isHidden(el) && (name == null || nameOf(el) === norm(name)));
  };

  const describe = (el) => ({ role: roleOf(el), name: nameOf(el) });

  // The widget as a person perceives it, scoped to one mount element.
  const snapshot = (selector) => {
    const scope = scopeOf(selector);
    if (!scope) return { mounted: false };
    const groups = findAll(selector, ["radiogroup", "group"], null)
      .filter((group) => group.querySelector("input[type=radio], [role=radio]"));
    const radios = findAll(selector, ["radio"], null).map((radio) => ({
      name: nameOf(radio),
      checked: radio.checked === true || radio.getAttribute("aria-checked") === "true",
      disabled: radio.disabled === true || radio.getAttribute("aria-disabled") === "true",
    }));
    const fields = findAll(selector, ["textbox"], "Schedule ID").map((field) => ({
      value: field.value,
      invalid: field.getAttribute("aria-invalid") === "true",
      description: norm((field.getAttribute("aria-describedby") || "").split(/\s+/)
        .map((id) => document.getElementById(id)).filter(Boolean).map(textOf).join(" ")),
    }));
    const buttons = findAll(selector, ["button"], null).map((button) => ({
      name: nameOf(button),
      disabled: button.disabled === true || button.getAttribute("aria-disabled") === "true",
    }));
    const regions = (role) => Array.from(scope.querySelectorAll(
      role === "status" ? "[role=status], output" : "[role=alert]"))
      .filter((el) => !isHidden(el))
      .map((el) => norm(textOf(el)))
      .filter((text) => text !== "");
    const active = document.activeElement;
    const busy = scope.querySelector("[aria-busy=true]") !== null
      || scope.getAttribute("aria-busy") === "true";
    return {
      mounted: true,
      group: groups.map(nameOf),
      radios,
      fields,
      buttons,
      statuses: regions("status"),
      alerts: regions("alert"),
      busy,
      focus: active && active !== document.body ? {
        ...describe(active),
        inOutcome: active.closest("[role=status], [role=alert], output") !== null
          || active.querySelector("[role=status], [role=alert], output") !== null,
        inScope: scope.contains(active),
      } : null,
      text: norm(textOf(scope)),
    };
  };

  return { norm, roleOf, nameOf, findAll, describe, snapshot };
})();
