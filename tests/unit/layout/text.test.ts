import { LAYOUT, estimateTextWidth, labelBoxWidth, leafSize } from "../../../src/domain/layout/index.ts";

describe("estimateTextWidth", () => {
  it("counts Hangul and CJK wider than Latin of the same length", () => {
    const latin = estimateTextWidth("server", 13);
    const hangul = estimateTextWidth("가상머신서버", 13);
    const cjk = estimateTextWidth("虚拟机服务器", 13);
    expect(hangul).toBeGreaterThan(latin);
    expect(cjk).toBeGreaterThan(latin);
    expect(hangul).toBeCloseTo(6 * 13);
  });

  it("scales with the font size and is zero for empty text", () => {
    expect(estimateTextWidth("", 13)).toBe(0);
    expect(estimateTextWidth("Docker Engine", 26)).toBeCloseTo(2 * estimateTextWidth("Docker Engine", 13));
  });

  it("gives narrow letters less room than wide ones, and combining marks none", () => {
    expect(estimateTextWidth("iiii", 12)).toBeLessThan(estimateTextWidth("WWWW", 12));
    expect(estimateTextWidth("e\u0301", 12)).toBe(estimateTextWidth("e", 12));
  });

  it("treats an astral character (emoji, CJK extension B) as one wide character", () => {
    expect(estimateTextWidth("🐳", 10)).toBeCloseTo(10);
    expect(estimateTextWidth("𠀋", 10)).toBeCloseTo(10);
  });

  it("stops counting past the cap", () => {
    const long = "a".repeat(100_000);
    const w = estimateTextWidth(long, 13, 300);
    expect(w).toBeGreaterThan(300);
    expect(w).toBeLessThan(320);
  });
});

describe("leaf sizes", () => {
  it("is the minimum leaf size for a short label", () => {
    expect(leafSize({ kind: "container", label: "web" })).toEqual(LAYOUT.leaf);
  });

  it("grows with the label up to the maximum", () => {
    const mid = labelBoxWidth({ kind: "container", label: "registry.example.com/team/app" });
    expect(mid).toBeGreaterThan(LAYOUT.leaf.width);
    expect(mid).toBeLessThan(LAYOUT.maxLabelBoxWidth);
    expect(labelBoxWidth({ kind: "container", label: "x".repeat(1000) })).toBe(LAYOUT.maxLabelBoxWidth);
  });

  it("is wider for a Hangul label than a Latin one of the same length", () => {
    const ko = labelBoxWidth({ kind: "kernel", label: "우분투리눅스서버운영체제" });
    const en = labelBoxWidth({ kind: "kernel", label: "ubuntulinuxs" });
    expect(ko).toBeGreaterThan(en);
  });

  it("sizes an unlabelled node for the wider of its kind's two names", () => {
    const unlabelled = labelBoxWidth({ kind: "k8s-cluster" });
    expect(unlabelled).toBeGreaterThanOrEqual(
      labelBoxWidth({ kind: "k8s-cluster", label: "Kubernetes cluster" }),
    );
    expect(unlabelled).toBeGreaterThanOrEqual(
      labelBoxWidth({ kind: "k8s-cluster", label: "쿠버네티스 클러스터" }),
    );
  });
});
