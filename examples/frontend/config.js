// @ts-check
/**
 * Where the CMS answers. `./dev serve` runs it on 127.0.0.1:8000 and this front end
 * on 127.0.0.1:8001. Point the front end at any other deployment without editing
 * this file: open it once with `?api=https://cms.example.org` (remembered in this
 * browser), or change the line below when you host a copy.
 */
export const DEFAULT_API_BASE = "http://127.0.0.1:8000";
