/**
 * The browser's draft stores, opened for the first paint (src/main.tsx): it asks them whether a
 * draft is there before it decides to wait for autosave (./browser.ts, loaded on demand).
 */
import { openDraftStores, type OpenedStores } from "./draft-store.ts";

/** IndexedDB, else localStorage, else a store that refuses; never rejects. */
export function openBrowserStores(): Promise<OpenedStores> {
  return openDraftStores({
    // Reading either property can itself throw SecurityError when site data is blocked.
    indexedDB: () => window.indexedDB,
    localStorage: () => window.localStorage,
  });
}
