// @ts-check
/**
 * The reference front end: one page, routed by its query string so that any
 * static host serves it (no build step, no server-side routing):
 *
 *   ?lang=nl                        the cases, with search and filters (q, status, country)
 *   ?lang=nl&case=SLUG              a case
 *   ?lang=nl&view=actions           the urgent actions
 *   ?lang=nl&action=SLUG            an urgent action and its signing form
 *   ?lang=nl&confirm=SLUG&token=T   the confirmation of a signature (the mailed link)
 *   ?lang=nl&view=rallies           the upcoming rallies
 *   ?content_type=C&token=T         an editor's preview of a draft (Wagtail's Preview)
 *
 * Everything shown comes from the public API (src/api.js); the front end's own
 * words are in src/i18n.js.
 */
import * as api from "./api.js";
import { LANGS, STRINGS, fill, pickLang } from "./i18n.js";
import { COUNTRY_CODES } from "./countries.js";

/** @typedef {import("./i18n.js").Lang} Lang */
/** @typedef {import("./i18n.js").Strings} Strings */
/** @typedef {{ type: string, id: string, value: unknown }} Block */
/** @typedef {{ date: string, date_precision: "day" | "month" | "year", kind: string, title: string, text: string }} TimelineEvent */
/** @typedef {{ title: string, publisher: string, url: string, date: string | null }} Source */
/** @typedef {{ date: string, date_precision: "day" | "month" | "year", title?: string, text: string }} CaseUpdate */

const params = new URLSearchParams(location.search);
/** The reader's language: the interface's, and the one content is asked in. */
const lang = pickLang(params);
const t = STRINGS[lang];
const main = /** @type {HTMLElement} */ (document.getElementById("main"));

// --- Small DOM helpers -----------------------------------------------------------

/**
 * An element with attributes and children (text is always inserted as text).
 * @param {string} tag
 * @param {Record<string, string | boolean | undefined | null>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/**
 * Rich text from the CMS (editors' HTML, already cleaned by Wagtail), with links to
 * the site's own pages made absolute and each citation "[n]" linked to source n.
 * @param {string} html
 * @returns {HTMLElement}
 */
function richText(html) {
  const wrapper = h("div", { class: "rich-text" });
  wrapper.innerHTML = html;
  for (const link of wrapper.querySelectorAll("a[href^='/']")) {
    link.setAttribute("href", api.apiUrl(link.getAttribute("href") || "/"));
  }
  linkCitations(wrapper);
  return wrapper;
}

/**
 * Turn every "[n]" in the text nodes under `root` into a link to source n.
 * @param {Node} root
 */
function linkCitations(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  /** @type {Text[]} */
  const texts = [];
  while (walker.nextNode()) texts.push(/** @type {Text} */ (walker.currentNode));
  for (const text of texts) {
    const value = text.nodeValue || "";
    if (!/\[\d+\]/.test(value)) continue;
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of value.matchAll(/\[(\d+)\]/g)) {
      const index = match.index || 0;
      fragment.append(value.slice(last, index));
      const n = match[1];
      fragment.append(
        h(
          "a",
          { href: `#source-${n}`, class: "citation", "aria-label": fill(t.sourceLink, { n }) },
          `[${n}]`,
        ),
      );
      last = index + match[0].length;
    }
    fragment.append(value.slice(last));
    text.replaceWith(fragment);
  }
}

/**
 * A link to another view of this front end.
 * @param {Record<string, string>} query
 * @returns {string}
 */
function route(query) {
  const search = new URLSearchParams({ lang, ...query });
  return `?${search}`;
}

/**
 * The slug in an `api_url` such as /api/v1/fr/cases/SLUG/.
 * @param {string | null | undefined} apiPath
 * @returns {string}
 */
function slugOf(apiPath) {
  const parts = (apiPath || "").split("?")[0].split("/").filter(Boolean);
  return parts[parts.length - 1] || "";
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
const isObject = (value) => typeof value === "object" && value !== null;

// --- Dates in the reader's language --------------------------------------------

/**
 * A date (YYYY-MM-DD) shown with as much as is known of it.
 * @param {string} isoDate
 * @param {"day" | "month" | "year"} [precision]
 * @returns {string}
 */
function formatDate(isoDate, precision = "day") {
  const [year, month, day] = isoDate.split("-").map(Number);
  const date = new Date(Date.UTC(year, (month || 1) - 1, day || 1));
  /** @type {Intl.DateTimeFormatOptions} */
  const options =
    precision === "year"
      ? { year: "numeric" }
      : precision === "month"
        ? { year: "numeric", month: "long" }
        : { year: "numeric", month: "long", day: "numeric" };
  return new Intl.DateTimeFormat(lang, { ...options, timeZone: "UTC" }).format(date);
}

/**
 * A moment shown in a given time zone (a rally's own), with its zone's name.
 * @param {string} isoDateTime
 * @param {string} [timeZone]
 * @returns {string}
 */
function formatDateTime(isoDateTime, timeZone) {
  return new Intl.DateTimeFormat(lang, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone,
  }).format(new Date(isoDateTime));
}

/** @param {string} datetime @param {string} text */
const time = (datetime, text) => h("time", { datetime }, text);

// --- Page frame: header, navigation, language switcher ---------------------------

/**
 * @typedef {{ lang: Lang, href: string, label: string, live: boolean }} LanguageChoice
 */

/**
 * The language switcher. `choices` come from the answer's `translations` (a live
 * translation links to its own address; a missing one to the fallback).
 * @param {LanguageChoice[]} choices
 */
function renderLanguageSwitcher(choices) {
  const slot = /** @type {HTMLElement} */ (document.getElementById("languages"));
  const list = h("ul", { class: "languages" });
  for (const choice of choices) {
    const current = choice.lang === lang;
    list.append(
      h(
        "li",
        {},
        h(
          "a",
          {
            href: choice.href,
            hreflang: choice.lang,
            lang: choice.lang,
            "aria-current": current ? "true" : undefined,
          },
          choice.label,
        ),
      ),
    );
  }
  slot.replaceChildren(h("nav", { "aria-label": t.language }, list));
}

/**
 * Switcher choices for a detail page, from its `translations`.
 * @param {api.Translation[]} translations
 * @param {string} key the query parameter naming the page (`case`, `action`)
 * @param {string} currentSlug
 * @returns {LanguageChoice[]}
 */
function choicesFromTranslations(translations, key, currentSlug) {
  // The API falls back by default to the site's default language (English): ask
  // for a missing translation by the slug of the first live one in LANGS order.
  const firstLive = LANGS.map((code) => translations.find((tr) => tr.locale === code && tr.status === "live")).find(Boolean);
  const fallbackSlug = firstLive ? slugOf(firstLive.api_url) : currentSlug;
  return translations
    .filter((translation) => LANGS.includes(/** @type {Lang} */ (translation.locale)))
    .map((translation) => {
      const code = /** @type {Lang} */ (translation.locale);
      const live = translation.status === "live";
      // Not live in that language: ask for the page there and let the API fall back.
      const slug = live ? slugOf(translation.api_url) : fallbackSlug;
      const search = new URLSearchParams({ lang: code, [key]: slug });
      return {
        lang: code,
        href: `?${search}`,
        label: STRINGS[code].languageNames[code],
        live,
      };
    });
}

/**
 * Switcher choices for a list: the same view in every language of the site.
 * @returns {LanguageChoice[]}
 */
function choicesForList() {
  return LANGS.map((code) => {
    const search = new URLSearchParams(params);
    search.set("lang", code);
    search.delete("api");
    return { lang: code, href: `?${search}`, label: STRINGS[code].languageNames[code], live: true };
  });
}

async function renderNavigation() {
  const slot = /** @type {HTMLElement} */ (document.getElementById("nav"));
  /** @type {Record<string, [string, string]>} */
  const views = {
    "casepages.CaseIndexPage": ["cases", t.cases],
    "actions.ActionIndexPage": ["actions", t.actions],
    "actions.RallyIndexPage": ["rallies", t.rallies],
  };
  /** @type {[string, string][]} */
  let items = Object.values(views);
  try {
    const navigation = await api.getNavigation(lang);
    // The editors' own titles for the sections, in their order.
    const fromApi = navigation.items
      .filter((item) => item.type in views)
      .map((item) => /** @type {[string, string]} */ ([views[item.type][0], item.title]));
    if (fromApi.length) items = fromApi;
  } catch {
    // The fallback labels above.
  }
  const current = params.get("view") || (params.has("action") ? "actions" : "cases");
  const list = h("ul", {});
  for (const [view, label] of items) {
    list.append(
      h(
        "li",
        {},
        h("a", { href: route({ view }), "aria-current": view === current ? "page" : undefined }, label),
      ),
    );
  }
  slot.replaceChildren(h("nav", { "aria-label": t.mainNav }, list));
}

/**
 * Put `nodes` in <main>, with the content's language and the document title.
 * @param {string} title
 * @param {string} contentLang
 * @param {...(Node | null | false)} nodes
 */
function show(title, contentLang, ...nodes) {
  document.title = `${title} · ${t.siteName}`;
  main.setAttribute("lang", contentLang);
  main.replaceChildren(...nodes.filter((node) => node instanceof Node));
  main.removeAttribute("aria-busy");
}

/**
 * A notice when the page is shown in another language, or may be out of date.
 * @param {{ fallback: boolean, locale: string, translation_state?: string }} page
 * @returns {HTMLElement | null}
 */
function languageNotice(page) {
  if (page.fallback) {
    const code = /** @type {Lang} */ (page.locale);
    const name = new Intl.DisplayNames([lang], { type: "language" }).of(code) || code;
    return h("p", { class: "notice", lang }, fill(t.fallbackNotice, { language: name }));
  }
  if (page.translation_state === "outdated") {
    return h("p", { class: "notice", lang }, t.outdatedNotice);
  }
  return null;
}

/**
 * @param {unknown} error
 */
function showError(error) {
  const notFound = error instanceof api.ApiError && error.status === 404;
  show(t.siteName, lang, h("h1", {}, t.siteName), h("p", { role: "alert" }, notFound ? t.notFound : t.apiDown));
}

// --- Status badges ---------------------------------------------------------------

/**
 * @param {{ value: string, label: string }} status
 * @returns {HTMLElement}
 */
const badge = (status) => h("span", { class: `badge badge-${status.value}` }, status.label);

// --- Cases -----------------------------------------------------------------------

async function casesView() {
  renderLanguageSwitcher(choicesForList());
  const filters = {
    q: params.get("q") || "",
    status: params.get("status") || "",
    country: params.get("country") || "",
  };
  const [list, all] = await Promise.all([
    api.getCases(lang, filters),
    // The countries to filter on: those of every case.
    api.getCases(lang, { page_size: "100" }),
  ]);
  /** @type {Map<string, string>} */
  const countries = new Map();
  for (const item of all.results) {
    if (item.country_of_detention) countries.set(item.country_of_detention.code, item.country_of_detention.name);
  }

  const statusSelect = h("select", { id: "filter-status", name: "status" }, h("option", { value: "" }, t.anyStatus));
  for (const [value, label] of Object.entries(t.caseStatuses)) {
    statusSelect.append(h("option", { value, selected: value === filters.status }, label));
  }
  const countrySelect = h("select", { id: "filter-country", name: "country" }, h("option", { value: "" }, t.anyCountry));
  for (const [code, name] of [...countries].sort((a, b) => a[1].localeCompare(b[1], lang))) {
    countrySelect.append(h("option", { value: code, selected: code === filters.country }, name));
  }
  const form = h(
    "form",
    { class: "filters", role: "search", method: "get", action: "" },
    h("input", { type: "hidden", name: "lang", value: lang }),
    h("input", { type: "hidden", name: "view", value: "cases" }),
    h("div", { class: "field" }, h("label", { for: "filter-q" }, t.searchLabel), h("input", { id: "filter-q", type: "search", name: "q", value: filters.q })),
    h("div", { class: "field" }, h("label", { for: "filter-status" }, t.status), statusSelect),
    h("div", { class: "field" }, h("label", { for: "filter-country" }, t.country), countrySelect),
    h("button", { type: "submit" }, t.apply),
  );

  const cards = h("ul", { class: "cards" });
  for (const item of list.results) {
    cards.append(
      h(
        "li",
        { class: "card", lang: item.locale },
        item.portrait?.renditions.small
          ? h("img", { src: item.portrait.renditions.small.url, alt: item.portrait.alt, width: String(item.portrait.renditions.small.width), height: String(item.portrait.renditions.small.height) })
          : null,
        h("h2", {}, h("a", { href: route({ case: item.slug }) }, item.title)),
        h("p", {}, badge(item.status), item.country_of_detention ? ` ${item.country_of_detention.name}` : ""),
        h("p", {}, item.summary),
      ),
    );
  }
  show(
    t.cases,
    lang,
    h("h1", {}, t.cases),
    form,
    h("p", { role: "status" }, list.count === 1 ? t.resultCountOne : list.count ? fill(t.resultCount, { count: list.count }) : t.noResults),
    cards,
  );
}

/** @param {string} slug */
async function caseView(slug) {
  const page = await api.getCase(lang, slug);
  renderLanguageSwitcher(choicesFromTranslations(page.translations, "case", page.slug));
  renderCase(page);
}

/**
 * A case: the live page, or an editor's previewed draft.
 * @param {api.CaseDetail} page
 */
function renderCase(page) {
  const facts = h("dl", { class: "facts" });
  /** @param {string} term @param {Node | string} detail */
  const fact = (term, detail) => facts.append(h("dt", {}, term), h("dd", {}, detail));
  fact(t.status, badge(page.status));
  if (page.country_of_detention) fact(t.country, page.country_of_detention.name);
  if (page.detained_since) fact(t.detainedSince, time(page.detained_since, formatDate(page.detained_since)));
  if (page.place_of_detention) fact(t.placeOfDetention, page.place_of_detention);
  if (page.charges) fact(t.charges, page.charges);
  if (page.sentence) fact(t.sentence, page.sentence);

  const body = h("div", { class: "body" });
  for (const block of /** @type {Block[]} */ (page.body)) body.append(streamBlock(block));

  const timeline = h("ol", { class: "timeline" });
  for (const block of /** @type {Block[]} */ (page.timeline)) {
    const event = /** @type {TimelineEvent} */ (block.value);
    const text = h("p", {}, event.text);
    linkCitations(text);
    timeline.append(
      h("li", {}, h("p", { class: "when" }, time(event.date, formatDate(event.date, event.date_precision))), h("h3", {}, event.title), text),
    );
  }

  const sources = h("ol", { class: "sources" });
  /** @type {Block[]} */ (page.sources).forEach((block, index) => {
    const source = /** @type {Source} */ (block.value);
    const title = source.url ? h("a", { href: source.url }, source.title) : h("span", {}, source.title);
    sources.append(
      h(
        "li",
        { id: `source-${index + 1}`, tabindex: "-1" },
        title,
        source.publisher ? `, ${source.publisher}` : "",
        source.date ? ", " : "",
        source.date ? time(source.date, formatDate(source.date)) : "",
      ),
    );
  });

  const updates = h("ul", { class: "updates" });
  for (const block of /** @type {Block[]} */ (page.updates)) {
    const update = /** @type {CaseUpdate} */ (block.value);
    updates.append(h("li", {}, h("p", { class: "when" }, time(update.date, formatDate(update.date, update.date_precision))), h("p", {}, update.text)));
  }

  show(
    page.title,
    page.locale,
    languageNotice(page),
    h("h1", {}, page.title, page.name_original_script ? h("span", { class: "original-script", dir: "auto" }, ` ${page.name_original_script}`) : null),
    page.portrait?.renditions.medium
      ? h("img", { class: "portrait", src: page.portrait.renditions.medium.url, alt: page.portrait.alt, width: String(page.portrait.renditions.medium.width), height: String(page.portrait.renditions.medium.height) })
      : null,
    h("p", { class: "summary" }, page.summary),
    facts,
    body,
    page.timeline.length ? h("section", { "aria-labelledby": "timeline-h" }, h("h2", { id: "timeline-h" }, t.timeline), timeline) : null,
    page.updates.length ? h("section", { "aria-labelledby": "updates-h" }, h("h2", { id: "updates-h" }, t.updates), updates) : null,
    page.sources.length ? h("section", { "aria-labelledby": "sources-h" }, h("h2", { id: "sources-h" }, t.sources), sources) : null,
  );
}

/**
 * One block of a body stream field.
 * @param {Block} block
 * @returns {Node}
 */
function streamBlock(block) {
  const { type, value } = block;
  if (type === "heading" && typeof value === "string") return h("h2", {}, value);
  if (type === "paragraph" && typeof value === "string") return richText(value);
  if (type === "quote" && isObject(value)) {
    return h("blockquote", {}, h("p", {}, String(value.text || value.quote || "")), value.attribution ? h("footer", {}, String(value.attribution)) : null);
  }
  if (typeof value === "string") return richText(value);
  return document.createComment(`block ${type}`);
}

// --- Urgent actions ----------------------------------------------------------------

async function actionsView() {
  renderLanguageSwitcher(choicesForList());
  const list = await api.getActions(lang);
  const cards = h("ul", { class: "cards" });
  for (const item of list.results) {
    cards.append(
      h(
        "li",
        { class: "card", lang: item.locale },
        h("h2", {}, h("a", { href: route({ action: item.slug }) }, item.title)),
        h("p", {}, badge(item.status), " ", signatureText(item.signature_count, item.signature_goal)),
        h("p", {}, item.summary),
      ),
    );
  }
  show(t.actions, lang, h("h1", {}, t.actions), cards);
}

/**
 * @param {number} count
 * @param {number | null} goal
 */
function signatureText(count, goal) {
  const format = new Intl.NumberFormat(lang);
  return goal
    ? fill(t.signatures, { count: format.format(count), goal: format.format(goal) })
    : fill(t.signaturesNoGoal, { count: format.format(count) });
}

/**
 * @param {api.ActionDetail} page
 * @returns {HTMLElement}
 */
function signatureMeter(page) {
  return h(
    "div",
    { class: "meter" },
    h("p", { id: "signature-count", "data-count": String(page.signature_count) }, signatureText(page.signature_count, page.signature_goal)),
    page.signature_goal
      ? h("progress", { max: String(page.signature_goal), value: String(Math.min(page.signature_count, page.signature_goal)), "aria-labelledby": "signature-count" })
      : null,
    page.closes_at ? h("p", {}, time(page.closes_at, fill(t.deadline, { date: formatDateTime(page.closes_at) }))) : null,
  );
}

/**
 * @param {string} slug
 * @param {api.ActionDetail} [preloaded] a previewed draft
 */
async function actionView(slug, preloaded) {
  const page = preloaded || (await api.getAction(lang, slug));
  if (!preloaded) renderLanguageSwitcher(choicesFromTranslations(page.translations, "action", page.slug));
  const body = h("div", { class: "body" });
  for (const block of /** @type {Block[]} */ (page.body)) body.append(streamBlock(block));
  const related = h("ul", {});
  for (const item of page.related_cases) {
    related.append(h("li", {}, h("a", { href: route({ case: item.slug }) }, item.title)));
  }
  show(
    page.title,
    page.locale,
    languageNotice(page),
    h("h1", {}, page.title, " ", badge(page.status)),
    h("p", { class: "summary" }, page.summary),
    signatureMeter(page),
    page.addressee && page.addressee.name ? h("p", {}, `${t.addressee}: ${page.addressee.name}`) : null,
    page.letter ? richText(page.letter) : null,
    body,
    page.related_cases.length ? h("section", { "aria-labelledby": "related-h" }, h("h2", { id: "related-h" }, t.relatedCases), related) : null,
    page.signing_state === "open" && !preloaded ? signingForm(page) : h("p", { class: "notice", lang }, t.signingClosed),
  );
}

/** The fields of the signing form: [name, label key, input type, autocomplete]. */
const FIELDS = /** @type {const} */ ([
  ["first_name", "firstName", "text", "given-name"],
  ["last_name", "lastName", "text", "family-name"],
  ["email", "email", "email", "email"],
]);

/**
 * The signing form. It posts JSON to the API and shows the API's own (translated)
 * field errors next to their fields, or its "check your inbox" message.
 * @param {api.ActionDetail} page
 * @returns {HTMLElement}
 */
function signingForm(page) {
  const names = new Intl.DisplayNames([lang], { type: "region" });
  const country = h("select", { id: "sign-country", name: "country", autocomplete: "country", required: true });
  const guess = (navigator.language.split("-")[1] || "").toUpperCase();
  for (const [code, name] of COUNTRY_CODES.map((code) => [code, names.of(code) || code]).sort((a, b) => a[1].localeCompare(b[1], lang))) {
    country.append(h("option", { value: code, selected: code === (guess || "BE") }, name));
  }
  /**
   * @param {string} name
   * @param {string} label
   * @param {HTMLElement} input
   */
  const field = (name, label, input) =>
    h("div", { class: "field", "data-field": name }, h("label", { for: input.id }, label), input, h("p", { class: "field-error", id: `error-${name}`, hidden: true }));
  const form = h(
    "form",
    { class: "signing", novalidate: true, "aria-labelledby": "sign-h" },
    h("div", { class: "form-errors", role: "alert", tabindex: "-1", hidden: true }),
    ...FIELDS.map(([name, key, type, autocomplete]) =>
      field(name, t[key], h("input", { id: `sign-${name}`, name, type, autocomplete, required: true, "aria-describedby": `error-${name}` })),
    ),
    field("country", t.country, country),
    field("postcode", t.postcode, h("input", { id: "sign-postcode", name: "postcode", type: "text", autocomplete: "postal-code", "aria-describedby": "error-postcode" })),
    h(
      "div",
      { class: "field check", "data-field": "consent_privacy" },
      h("input", { id: "sign-consent_privacy", name: "consent_privacy", type: "checkbox", required: true, "aria-describedby": "error-consent_privacy" }),
      h("label", { for: "sign-consent_privacy" }, t.consentPrivacy),
      h("p", { class: "field-error", id: "error-consent_privacy", hidden: true }),
    ),
    h(
      "div",
      { class: "field check", "data-field": "consent_contact" },
      h("input", { id: "sign-consent_contact", name: "consent_contact", type: "checkbox" }),
      h("label", { for: "sign-consent_contact" }, t.consentContact),
    ),
    h("button", { type: "submit" }, t.sign),
  );
  const section = h("section", { class: "sign", "aria-labelledby": "sign-h" }, h("h2", { id: "sign-h" }, t.signTitle), form);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitSignature(page, /** @type {HTMLFormElement} */ (form), section);
  });
  return section;
}

/**
 * @param {api.ActionDetail} page
 * @param {HTMLFormElement} form
 * @param {HTMLElement} section
 */
async function submitSignature(page, form, section) {
  const data = new FormData(form);
  const text = (/** @type {string} */ name) => String(data.get(name) || "").trim();
  /** @type {api.SignatureRequest} */
  const signature = {
    first_name: text("first_name"),
    last_name: text("last_name"),
    email: text("email"),
    country: /** @type {api.CountryCode} */ (text("country")),
    postcode: text("postcode"),
    // The API refuses anything but `true`; send what was ticked and let it say so.
    consent_privacy: /** @type {true} */ (data.get("consent_privacy") === "on"),
    consent_contact: data.get("consent_contact") === "on",
  };
  const button = /** @type {HTMLButtonElement} */ (form.querySelector("button[type=submit]"));
  button.disabled = true;
  button.textContent = t.sending;
  clearErrors(form);
  try {
    const result = await api.sign(page.locale, page.slug, signature);
    const heading = h("h2", { id: "sign-h", tabindex: "-1" }, t.checkInbox);
    section.replaceChildren(heading, h("p", { role: "status" }, result.message));
    heading.focus();
  } catch (error) {
    button.disabled = false;
    button.textContent = t.sign;
    showErrors(form, error);
  }
}

/** @param {HTMLFormElement} form */
function clearErrors(form) {
  for (const element of form.querySelectorAll(".field-error")) {
    element.textContent = "";
    element.setAttribute("hidden", "");
  }
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  const summary = /** @type {HTMLElement} */ (form.querySelector(".form-errors"));
  summary.replaceChildren();
  summary.hidden = true;
}

/**
 * The API's message, and its per-field messages next to their fields.
 * @param {HTMLFormElement} form
 * @param {unknown} error
 */
function showErrors(form, error) {
  const summary = /** @type {HTMLElement} */ (form.querySelector(".form-errors"));
  const body = error instanceof api.ApiError ? error.body : null;
  const list = h("ul", {});
  const fieldErrors = body && isObject(body.errors) ? body.errors : {};
  for (const [name, messages] of Object.entries(fieldErrors)) {
    const text = Array.isArray(messages) ? messages.join(" ") : String(messages);
    const slot = form.querySelector(`#error-${CSS.escape(name)}`);
    const input = form.querySelector(`#sign-${CSS.escape(name)}`);
    if (slot) {
      slot.textContent = text;
      slot.removeAttribute("hidden");
      input?.setAttribute("aria-invalid", "true");
      list.append(h("li", {}, h("a", { href: `#sign-${name}` }, text)));
    } else {
      list.append(h("li", {}, text));
    }
  }
  summary.replaceChildren(h("p", {}, body ? body.message : t.apiDown));
  if (list.childElementCount) summary.append(h("p", {}, t.formErrors), list);
  summary.hidden = false;
  summary.focus();
}

/**
 * The page the confirmation mail links to: one button (opening the link alone
 * confirms nothing, since mail scanners open links too).
 * @param {string} slug
 * @param {string} token
 */
async function confirmView(slug, token) {
  renderLanguageSwitcher(choicesForList());
  const button = h("button", { type: "button" }, t.confirmButton);
  const result = h("div", { role: "status" });
  const heading = h("h1", { tabindex: "-1" }, t.confirmTitle);
  button.addEventListener("click", async () => {
    button.setAttribute("disabled", "");
    try {
      const answer = await api.confirmSignature(lang, slug, token);
      heading.textContent = t.confirmed;
      button.remove();
      result.replaceChildren(
        h("p", {}, answer.message),
        h("p", { id: "signature-count", "data-count": String(answer.signature_count) }, signatureText(answer.signature_count, null)),
        h("p", {}, h("a", { href: route({ action: slug }) }, t.backToAction)),
      );
      heading.focus();
    } catch (error) {
      button.removeAttribute("disabled");
      result.replaceChildren(h("p", { class: "field-error" }, error instanceof api.ApiError && error.body ? error.body.message : t.apiDown));
    }
  });
  show(t.confirmTitle, lang, heading, h("p", {}, t.confirmIntro), button, result);
}

// --- Rallies -----------------------------------------------------------------------

async function ralliesView() {
  renderLanguageSwitcher(choicesForList());
  const list = await api.getUpcomingRallies(lang);
  const feed = api.apiUrl(`/api/v1/${lang}/rallies/ical/`);
  const webcal = feed.replace(/^https?:/, "webcal:");
  const cards = h("ul", { class: "cards" });
  for (const rally of list.results) cards.append(rallyCard(rally));
  show(
    t.upcoming,
    lang,
    h("h1", {}, t.upcoming),
    h("p", { class: "subscribe" }, h("a", { href: webcal }, t.subscribe), " · ", h("a", { href: feed, type: "text/calendar" }, t.subscribeHttps)),
    list.results.length ? cards : h("p", {}, t.noRallies),
  );
}

/**
 * @param {api.RallySummary} rally
 * @returns {HTMLElement}
 */
function rallyCard(rally) {
  const where = [rally.venue_name, rally.city, rally.country ? rally.country.name : ""].filter(Boolean).join(", ");
  return h(
    "li",
    { class: "card", lang: rally.locale },
    h("h2", {}, rally.title),
    h("p", {}, badge(rally.status)),
    h("p", {}, time(rally.starts_at, formatDateTime(rally.starts_at, rally.time_zone))),
    h("p", {}, where),
    h("p", {}, rally.summary),
    h("p", {}, h("a", { href: api.apiUrl(rally.ical_url), type: "text/calendar", download: "" }, t.addToCalendar)),
  );
}

// --- Preview -----------------------------------------------------------------------

/**
 * An editor's draft, from Wagtail's Preview button (wagtail-headless-preview).
 * @param {string} contentType
 * @param {string} token
 */
async function previewView(contentType, token) {
  let page;
  try {
    page = await api.getPreview(contentType, token);
  } catch (error) {
    show(t.siteName, lang, h("h1", {}, t.siteName), h("p", { role: "alert" }, t.previewFailed));
    return;
  }
  const banner = /** @type {HTMLElement} */ (document.getElementById("preview-banner"));
  banner.textContent = t.previewBanner;
  banner.hidden = false;
  if (page.type === "casepages.PrisonerCasePage") {
    renderCase(page);
  } else if (page.type === "actions.UrgentActionPage") {
    await actionView(page.slug, page);
  } else if (page.type === "actions.RallyPage") {
    show(page.title, page.locale, h("h1", {}, page.title), h("ul", { class: "cards" }, rallyCard(page)));
  } else {
    show(page.title, page.locale, h("h1", {}, page.title), page.intro ? richText(page.intro) : null);
  }
}

// --- Start ---------------------------------------------------------------------------

async function start() {
  document.documentElement.lang = lang;
  /** @type {HTMLElement} */ (document.getElementById("skip")).textContent = t.skip;
  /** @type {HTMLElement} */ (document.getElementById("site-name")).textContent = t.siteName;
  const siteLink = /** @type {HTMLAnchorElement} */ (document.getElementById("site-name"));
  siteLink.href = route({});
  main.setAttribute("aria-busy", "true");
  main.replaceChildren(h("p", {}, t.loading));
  const navigation = renderNavigation();
  try {
    const contentType = params.get("content_type");
    const token = params.get("token");
    if (contentType && token) await previewView(contentType, token);
    else if (params.get("case")) await caseView(params.get("case") || "");
    else if (params.get("action")) await actionView(params.get("action") || "");
    else if (params.get("confirm") && token) await confirmView(params.get("confirm") || "", token);
    else if (params.get("view") === "actions") await actionsView();
    else if (params.get("view") === "rallies") await ralliesView();
    else await casesView();
  } catch (error) {
    showError(error);
  }
  await navigation;
  // A citation followed from another page: focus its source once it is shown.
  if (location.hash) document.getElementById(location.hash.slice(1))?.focus();
}

start();
