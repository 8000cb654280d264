import { afterEach, describe, expect, it } from "vitest";
import {
  initialPanels,
  initialWheelZooms,
  rememberPanels,
  rememberWheelZooms,
} from "../../../src/i18n/preference.ts";

const g = globalThis as unknown as { localStorage?: unknown };
afterEach(() => {
  delete g.localStorage;
});
function memory() {
  const values: Record<string, string> = {};
  return {
    values,
    getItem: (k: string) => values[k] ?? null,
    setItem: (k: string, v: string) => void (values[k] = v),
  };
}

describe("panels and the wheel, remembered", () => {
  it("every panel shown at first; what was hidden stays hidden", () => {
    g.localStorage = memory();
    expect(initialPanels()).toEqual({ palette: true, inspector: true, problems: true });
    rememberPanels({ palette: false, inspector: true, problems: false });
    expect(initialPanels()).toEqual({ palette: false, inspector: true, problems: false });
  });

  it("a stored value that is not ours shows every panel; blocked storage changes nothing", () => {
    const m = memory();
    g.localStorage = m;
    m.values["stackdraw.panels"] = "{not json";
    expect(initialPanels()).toEqual({ palette: true, inspector: true, problems: true });
    m.values["stackdraw.panels"] = JSON.stringify({ palette: "no", inspector: false });
    expect(initialPanels()).toEqual({ palette: true, inspector: false, problems: true });
    g.localStorage = {
      getItem: () => {
        throw new DOMException("blocked", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("blocked", "SecurityError");
      },
    };
    expect(initialPanels()).toEqual({ palette: true, inspector: true, problems: true });
    expect(() => rememberPanels({ palette: false, inspector: false, problems: false })).not.toThrow();
  });

  it("the wheel pans unless the person chose that it zooms", () => {
    g.localStorage = memory();
    expect(initialWheelZooms()).toBe(false);
    rememberWheelZooms(true);
    expect(initialWheelZooms()).toBe(true);
    rememberWheelZooms(false);
    expect(initialWheelZooms()).toBe(false);
  });
});
