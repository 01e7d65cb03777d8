// @ts-check
/**
 * The public API, typed with the types openapi-typescript generates from the
 * schema (`npm run types` writes types/api.d.ts; see docs/frontend.md).
 */
import { DEFAULT_API_BASE } from "../config.js";

/** @typedef {import("../types/api").components["schemas"]} Schemas */
/** @typedef {Schemas["LocaleCodeEnum"]} LocaleCode */
/** @typedef {Schemas["Locale"]} Locale */
/** @typedef {Schemas["Navigation"]} Navigation */
/** @typedef {Schemas["Translation"]} Translation */
/** @typedef {Schemas["CaseSummary"]} CaseSummary */
/** @typedef {Schemas["CaseDetail"]} CaseDetail */
/** @typedef {Schemas["CaseStatusEnum"]} CaseStatusValue */
/** @typedef {Schemas["PaginatedCaseSummaryList"]} CaseList */
/** @typedef {Schemas["ActionSummary"]} ActionSummary */
/** @typedef {Schemas["ActionDetail"]} ActionDetail */
/** @typedef {Schemas["PaginatedActionSummaryList"]} ActionList */
/** @typedef {Schemas["RallySummary"]} RallySummary */
/** @typedef {Schemas["RallyDetail"]} RallyDetail */
/** @typedef {Schemas["PaginatedRallySummaryList"]} RallyList */
/** @typedef {Schemas["PreviewedPage"]} PreviewedPage */
/** @typedef {Schemas["SignatureRequest"]} SignatureRequest */
/** @typedef {Schemas["SignatureResult"]} SignatureResult */
/** @typedef {Schemas["SignatureConfirmResult"]} SignatureConfirmResult */
/** @typedef {Schemas["Error"]} ApiErrorBody */
/** @typedef {Schemas["CountryCode"]} CountryCode */

const STORAGE_KEY = "ngo-cms-api-base";

/**
 * The API's origin: `?api=` (remembered in this browser), else the last one
 * remembered, else config.js.
 * @returns {string}
 */
export function apiBase() {
  const asked = new URLSearchParams(location.search).get("api");
  if (asked) {
    try {
      const origin = new URL(asked).origin;
      localStorage.setItem(STORAGE_KEY, origin);
      return origin;
    } catch {
      // Not an absolute URL: ignore it.
    }
  }
  return localStorage.getItem(STORAGE_KEY) || DEFAULT_API_BASE;
}

/**
 * An absolute URL on the API's host for a path the API gave (`api_url`, `ical_url`).
 * @param {string} path
 * @returns {string}
 */
export function apiUrl(path) {
  return new URL(path, apiBase()).toString();
}

/** A JSON error answer of the API (its `message` is in the reader's language). */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {ApiErrorBody | null} body
   */
  constructor(status, body) {
    super(body ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/**
 * GET (or POST with a JSON body) and parse the JSON answer.
 * @template T
 * @param {string} path
 * @param {{ body?: unknown, params?: Record<string, string | undefined>, fresh?: boolean }} [options]
 * @returns {Promise<T>}
 */
async function call(path, options = {}) {
  const url = new URL(path, apiBase());
  for (const [name, value] of Object.entries(options.params || {})) {
    if (value !== undefined && value !== "") url.searchParams.set(name, value);
  }
  /** @type {RequestInit} */
  const init = { headers: { Accept: "application/json" } };
  if (options.body !== undefined) {
    init.method = "POST";
    init.headers = { Accept: "application/json", "Content-Type": "application/json" };
    init.body = JSON.stringify(options.body);
  }
  // Counts change without a publish: revalidate (ETag) rather than trust the cache.
  if (options.fresh) init.cache = "no-cache";
  const response = await fetch(url, init);
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return /** @type {T} */ (body);
}

/** @returns {Promise<Locale[]>} */
export const getLocales = () => call("/api/v1/locales/");

/** @param {LocaleCode} lang @returns {Promise<Navigation>} */
export const getNavigation = (lang) => call(`/api/v1/${lang}/navigation/`);

/**
 * @param {LocaleCode} lang
 * @param {{ q?: string, status?: string, country?: string, page_size?: string }} filters
 * @returns {Promise<CaseList>}
 */
export const getCases = (lang, filters) =>
  call(`/api/v1/${lang}/cases/`, { params: { ...filters, fallback: "1" } });

/** @param {LocaleCode} lang @param {string} slug @returns {Promise<CaseDetail>} */
export const getCase = (lang, slug) =>
  call(`/api/v1/${lang}/cases/${encodeURIComponent(slug)}/`, { params: { fallback: "1" } });

/** @param {LocaleCode} lang @returns {Promise<ActionList>} */
export const getActions = (lang) =>
  call(`/api/v1/${lang}/actions/`, { params: { fallback: "1" }, fresh: true });

/** @param {LocaleCode} lang @param {string} slug @returns {Promise<ActionDetail>} */
export const getAction = (lang, slug) =>
  call(`/api/v1/${lang}/actions/${encodeURIComponent(slug)}/`, {
    params: { fallback: "1" },
    fresh: true,
  });

/** @param {LocaleCode} lang @returns {Promise<RallyList>} */
export const getUpcomingRallies = (lang) =>
  call(`/api/v1/${lang}/rallies/`, { params: { when: "upcoming", fallback: "1" } });

/**
 * @param {LocaleCode} lang
 * @param {string} slug
 * @param {SignatureRequest} signature
 * @returns {Promise<SignatureResult>}
 */
export const sign = (lang, slug, signature) =>
  call(`/api/v1/${lang}/actions/${encodeURIComponent(slug)}/signatures/`, {
    body: signature,
  });

/**
 * @param {LocaleCode} lang
 * @param {string} slug
 * @param {string} token
 * @returns {Promise<SignatureConfirmResult>}
 */
export const confirmSignature = (lang, slug, token) =>
  call(`/api/v1/${lang}/actions/${encodeURIComponent(slug)}/signatures/confirm/`, {
    body: { token },
  });

/**
 * @param {string} contentType
 * @param {string} token
 * @returns {Promise<PreviewedPage>}
 */
export const getPreview = (contentType, token) =>
  call("/api/v1/preview/", { params: { content_type: contentType, token } });
