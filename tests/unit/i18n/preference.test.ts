import { afterEach, describe, expect, it } from "vitest";
import { initialLang, initialTheme } from "../../../src/i18n/preference.ts";

const g = globalThis as unknown as { localStorage?: unknown };
afterEach(() => {
  delete g.localStorage;
});
const storage = (values: Record<string, string>) => ({ getItem: (k: string) => values[k] ?? null });

describe("language and theme preference", () => {
  it("takes ?lang first, then the remembered choice, then the browser's language", () => {
    g.localStorage = storage({ "stackdraw.lang": "en" });
    expect(initialLang("?lang=ko", "en-US")).toBe("ko");
    expect(initialLang("", "ko-KR")).toBe("en");
    delete g.localStorage;
    expect(initialLang("", "ko-KR")).toBe("ko");
    expect(initialLang("?lang=fr", "de-DE")).toBe("en");
  });
  it("ignores unknown or unreadable stored values", () => {
    g.localStorage = storage({ "stackdraw.lang": "fr", "stackdraw.theme": "neon" });
    expect(initialLang("", "en-GB")).toBe("en");
    expect(initialTheme()).toBe("system");
    g.localStorage = {
      getItem: () => {
        throw new DOMException("blocked", "SecurityError");
      },
    };
    expect(initialTheme()).toBe("system");
    expect(initialLang("", "ko")).toBe("ko");
  });
});
