// @vitest-environment jsdom
/**
 * Quick fixes and suppressions in the editor, wired to a real store: the Problems panel and the
 * Inspector offer each problem's fixes and "Suppress…", each one undo step; suppressed problems
 * are listed muted with their reason, and the toolbar does not count them.
 */
import { render, screen, within, fireEvent } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { installFlowDomShims } from "./jsdom-flow.ts";
import { App } from "../../src/App.tsx";
import { createEditorStore } from "../../src/store/editor.ts";
import type { StackDocument, StackNode } from "../../src/domain/document.ts";
import { FIX_TITLES } from "../../src/domain/rules/index.ts";
import { applyProblemFix } from "../../src/store/problem-actions.ts";
import { problemActions } from "../../src/panels/ProblemsPanel.tsx";

beforeAll(installFlowDomShims);
// A problem's actions load on demand, warmed at the first press (src/main.tsx); here they are there
// from the start, as on a page that has been pressed.
beforeAll(() => problemActions.load());

const box = (x: number, y: number, width: number, height: number) => ({
  position: { x, y },
  size: { width, height },
});

/** A server with Ubuntu and Docker; `container` is the one container on it. */
function stack(container: Partial<StackNode> = {}, hostArch = "x86_64"): StackDocument {
  return {
    format: "stackdraw",
    version: 2,
    nodes: [
      {
        id: "host",
        kind: "physical-host",
        label: "Server",
        props: { arch: hostArch },
        ...box(0, 0, 420, 320),
      },
      {
        id: "linux",
        kind: "kernel",
        parentId: "host",
        label: "Ubuntu",
        props: { family: "linux", distro: "Ubuntu" },
        ...box(12, 12, 380, 240),
      },
      {
        id: "docker",
        kind: "container-engine",
        parentId: "linux",
        label: "Docker Engine",
        ...box(12, 12, 340, 160),
      },
      {
        id: "web",
        kind: "container",
        parentId: "docker",
        label: "web",
        props: { image: "nginx:1.27", os: "windows" },
        ...box(12, 12, 160, 64),
        ...container,
      },
    ],
    edges: [],
  };
}

function setup(doc: StackDocument, lang: "en" | "ko" = "en") {
  const store = createEditorStore(doc);
  store.getState().setLang(lang);
  render(<App store={store} />);
  const panel = () => screen.getByRole("region", { name: lang === "en" ? "Problems" : "문제" });
  const counts = () => within(screen.getByRole("toolbar")).getByRole("status");
  return { store, user: userEvent.setup(), panel, counts };
}

const web = (doc: StackDocument) => doc.nodes.find((n) => n.id === "web")!;
const setOsTitle = FIX_TITLES["set-os"].linux;

describe("quick fixes in the Problems panel", () => {
  it("offers the fix under its problem; one click removes the problem as one undo step, and undo brings it back", async () => {
    const { store, user, panel, counts } = setup(stack());
    const item = within(panel()).getByRole("listitem");
    expect(item).toHaveTextContent("container/kernel-mismatch");
    expect(counts()).toHaveTextContent("1 error");
    await user.click(within(item).getByRole("button", { name: setOsTitle.en }));
    expect(web(store.getState().doc).props?.os).toBe("linux");
    expect(store.getState().past).toHaveLength(1);
    expect(within(panel()).queryByRole("listitem")).toBeNull();
    expect(within(panel()).getByText(/No problems/)).toBeInTheDocument();
    expect(counts()).toHaveTextContent("0 errors");
    // What changed is selected and brought into view.
    expect(store.getState().selectedNodes).toEqual(["web"]);
    expect(store.getState().reveal?.id).toBe("web");
    store.getState().undo();
    expect(await within(panel()).findByText("container/kernel-mismatch")).toBeInTheDocument();
    expect(web(store.getState().doc).props?.os).toBe("windows");
  });

  it("shows the fix's title in Korean in Korean mode", () => {
    const { panel } = setup(stack(), "ko");
    expect(within(panel()).getByRole("button", { name: setOsTitle.ko })).toBeInTheDocument();
    expect(within(panel()).getByRole("button", { name: "억제…" })).toBeInTheDocument();
  });

  it("removes an unused suppression with its fix", async () => {
    const { store, user, panel } = setup(
      stack({ props: { image: "nginx:1.27" }, suppress: { "arch/mismatch": "no longer needed" } }),
    );
    const item = within(panel()).getByRole("listitem");
    expect(item).toHaveTextContent("document/unused-suppression");
    await user.click(within(item).getByRole("button", { name: FIX_TITLES["remove-suppression"].default.en }));
    expect(web(store.getState().doc).suppress).toBeUndefined();
    expect(store.getState().problems).toHaveLength(0);
    expect(store.getState().past).toHaveLength(1);
  });
});

describe("suppressions", () => {
  /** A container built for arm64 on an x86_64 server: an arch/mismatch warning. */
  const emulated = () => stack({ props: { image: "nginx:1.27", arch: "arm64" } });

  it("asks for a reason, refuses a blank one, and then suppresses as one undo step", async () => {
    const { store, user, panel, counts } = setup(emulated());
    expect(counts()).toHaveTextContent("1 warning");
    const item = within(panel()).getByRole("listitem");
    expect(item).toHaveTextContent("arch/mismatch");
    const ask = within(item).getByRole("button", { name: "Suppress…" });
    expect(ask).toHaveAttribute("aria-expanded", "false");
    await user.click(ask);
    expect(ask).toHaveAttribute("aria-expanded", "true");
    const field = within(item).getByLabelText("Why does this rule not apply here?");
    expect(field).toHaveFocus();

    await user.type(field, "   ");
    await user.click(within(item).getByRole("button", { name: "Suppress" }));
    expect(within(item).getByRole("alert")).toHaveTextContent("Write a reason");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveFocus();
    expect(store.getState().past).toHaveLength(0);

    await user.clear(field);
    await user.type(field, "runs under QEMU on purpose{Enter}");
    expect(web(store.getState().doc).suppress).toEqual({ "arch/mismatch": "runs under QEMU on purpose" });
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().selectedNodes).toEqual(["web"]);

    // Listed muted with its reason, and counted nowhere.
    expect(within(panel()).getByText(/No problems/)).toBeInTheDocument();
    const muted = within(panel()).getByRole("list", { name: "Suppressed (1)" });
    const row = within(muted).getByRole("listitem");
    expect(row).toHaveTextContent("arch/mismatch");
    expect(row).toHaveTextContent("Suppressed: runs under QEMU on purpose");
    expect(row).toHaveClass("sd-problem-suppressed");
    expect(counts()).toHaveTextContent("0 errors");
    expect(counts()).toHaveTextContent("0 warnings");
    expect(store.getState().nodeProblems.get("web")).toBeUndefined(); // no badge on the canvas

    await user.click(within(row).getByRole("button", { name: "Unsuppress" }));
    expect(web(store.getState().doc).suppress).toBeUndefined();
    expect(counts()).toHaveTextContent("1 warning");
    expect(store.getState().past).toHaveLength(2);
  });

  it("Escape or Cancel closes the question without a change, and focus goes back to Suppress…", async () => {
    const { store, user, panel } = setup(emulated());
    const item = within(panel()).getByRole("listitem");
    const ask = within(item).getByRole("button", { name: "Suppress…" });
    await user.click(ask);
    await user.type(within(item).getByLabelText("Why does this rule not apply here?"), "maybe{Escape}");
    expect(within(item).queryByLabelText("Why does this rule not apply here?")).toBeNull();
    expect(ask).toHaveFocus();
    await user.click(ask);
    await user.click(within(item).getByRole("button", { name: "Cancel" }));
    expect(within(item).queryByRole("textbox")).toBeNull();
    expect(store.getState().past).toHaveLength(0);
  });

  it("a document that suppresses a warning opens with it muted, in Korean too", () => {
    const { panel, counts } = setup(
      stack({
        props: { image: "nginx:1.27", arch: "arm64" },
        suppress: { "arch/mismatch": "QEMU로 일부러 실행" },
      }),
      "ko",
    );
    const muted = within(panel()).getByRole("list", { name: "억제됨 (1)" });
    expect(within(muted).getByRole("listitem")).toHaveTextContent("억제됨: QEMU로 일부러 실행");
    expect(within(muted).getByRole("button", { name: "억제 해제" })).toBeInTheDocument();
    expect(counts()).toHaveTextContent("경고");
    expect(counts()).not.toHaveTextContent(/경고 1/);
  });
});

describe("the Inspector", () => {
  it("offers the node's fixes, and lists its suppressions with their reasons", async () => {
    const doc = stack();
    doc.nodes[0]!.suppress = { "no/such-rule": "kept for later" };
    const { store, user } = setup(doc);
    store.getState().select(["web"]);
    const insp = await screen.findByRole("complementary", { name: "Inspector" });
    const own = await within(insp).findByRole("list", { name: "Problems of this node" });
    await user.click(within(own).getByRole("button", { name: setOsTitle.en }));
    expect(web(store.getState().doc).props?.os).toBe("linux");

    store.getState().select(["host"]);
    const list = await within(insp).findByRole("list", { name: "Suppressed rules" });
    expect(list).toHaveTextContent("no/such-rule");
    expect(list).toHaveTextContent("kept for later");
    await user.click(within(list).getByRole("button", { name: "Unsuppress no/such-rule" }));
    expect(store.getState().doc.nodes[0]!.suppress).toBeUndefined();
    expect(store.getState().past).toHaveLength(2);
  });

  it("has a field for every new prop: replicas, profiles, isolation, network, and a host IP per port", async () => {
    const { store, user } = setup(
      stack({ props: { image: "nginx:1.27", ports: [{ host: 8080, container: 80 }] } }),
    );
    store.getState().select(["web"]);
    const insp = await screen.findByRole("complementary", { name: "Inspector" });
    const replicas = await within(insp).findByLabelText("Replicas");
    await user.type(replicas, "3{Enter}");
    expect(web(store.getState().doc).props?.replicas).toBe(3);
    await user.clear(replicas);
    await user.type(replicas, "-2{Enter}");
    expect(web(store.getState().doc).props?.replicas).toBe(3);
    expect(replicas).toHaveValue("3");

    await user.type(within(insp).getByLabelText("Compose profiles"), "dev, demo{Enter}");
    expect(web(store.getState().doc).props?.profiles).toEqual(["dev", "demo"]);

    await user.selectOptions(within(insp).getByLabelText("Isolation"), "microvm");
    await user.selectOptions(within(insp).getByLabelText("Network"), "host");
    expect(web(store.getState().doc).props).toMatchObject({ isolation: "microvm", network: "host" });

    const ip = within(insp).getByLabelText("Host IP 1");
    fireEvent.change(ip, { target: { value: "not an address" } });
    fireEvent.blur(ip);
    expect(web(store.getState().doc).props?.ports).toEqual([{ host: 8080, container: 80 }]);
    fireEvent.change(within(insp).getByLabelText("Host IP 1"), { target: { value: "127.0.0.1" } });
    fireEvent.blur(within(insp).getByLabelText("Host IP 1"));
    expect(web(store.getState().doc).props?.ports).toEqual([
      { host: 8080, container: 80, hostIp: "127.0.0.1" },
    ]);
  });

  it("offers the engines the rules know while typing an engine's product", async () => {
    const { store } = setup(stack());
    store.getState().select(["docker"]);
    const insp = await screen.findByRole("complementary", { name: "Inspector" });
    const product = await within(insp).findByLabelText("Product");
    const list = document.getElementById(product.getAttribute("list")!)!;
    expect([...list.querySelectorAll("option")].map((o) => o.value)).toEqual([
      "docker",
      "containerd",
      "podman",
      "cri-o",
    ]);
  });
});

describe("a fix that no longer applies", () => {
  it("changes nothing and says so in both languages", () => {
    const store = createEditorStore(stack());
    const stale = store.getState().problems[0]!;
    store.getState().commit({
      ...store.getState().doc,
      nodes: store.getState().doc.nodes.map((n) => (n.id === "web" ? { ...n, props: { os: "linux" } } : n)),
    });
    const before = store.getState().doc;
    expect(applyProblemFix(store, stale, "set-os")).toBe(false);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().notice?.text.en).toMatch(/no longer applies/);
    expect(store.getState().notice?.text.ko).toMatch(/[가-힣]/);
  });
});

describe("a fix that adds a node", () => {
  it("places the new node with the editor's own layout, inside its parent, and selects it", () => {
    const doc = stack({ parentId: "linux", props: { image: "nginx:1.27" } });
    doc.nodes = doc.nodes.filter((n) => n.id !== "docker");
    const store = createEditorStore(doc);
    const needsEngine = store.getState().problems.find((p) => p.rule === "container/needs-engine")!;
    expect(needsEngine.fixes.map((f) => f.id)).toEqual(["insert-engine"]);
    expect(applyProblemFix(store, needsEngine, "insert-engine")).toBe(true);
    const s = store.getState();
    const engine = s.doc.nodes.find((n) => n.kind === "container-engine")!;
    expect(web(s.doc).parentId).toBe(engine.id);
    expect(engine.parentId).toBe("linux");
    expect(engine.position).toBeDefined();
    expect(engine.size).toBeDefined();
    // The engine holds the container, and the kernel holds the engine.
    const linux = s.doc.nodes.find((n) => n.id === "linux")!;
    expect(web(s.doc).position!.x + web(s.doc).size!.width).toBeLessThanOrEqual(engine.size!.width);
    expect(engine.position!.x + engine.size!.width).toBeLessThanOrEqual(linux.size!.width);
    expect(s.selectedNodes).toEqual([engine.id]);
    expect(s.problems).toHaveLength(0);
    expect(s.past).toHaveLength(1);
  });
});
