// @vitest-environment jsdom
import { render, screen, within, fireEvent, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { installFlowDomShims } from "./jsdom-flow.ts";
import { App } from "../../src/App.tsx";
import { createEditorStore } from "../../src/store/editor.ts";
import type { StackDocument } from "../../src/domain/document.ts";
import { dockerStack } from "./docker-stack.ts";

beforeAll(installFlowDomShims);

const stack = (): StackDocument => dockerStack({ props: { image: "nginx:1.27", os: "windows" } });

function setup(doc: StackDocument = stack(), lang: "en" | "ko" = "en") {
  const store = createEditorStore(doc);
  store.getState().setLang(lang);
  render(<App store={store} />);
  return { store, user: userEvent.setup() };
}

describe("Problems panel", () => {
  it("lists each problem with severity, rule id and message, and selects its node on click", async () => {
    const { store, user } = setup();
    const panel = screen.getByRole("region", { name: "Problems" });
    const items = within(panel).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent("Error");
    expect(items[0]).toHaveTextContent("container/kernel-mismatch");
    // The message comes with its code, on demand; the rule's title stands in until then.
    await waitFor(() => expect(items[0]).toHaveTextContent(/web/));
    // The row's first button reveals its node; its fixes and "Suppress…" follow it.
    await user.click(within(items[0]!).getAllByRole("button")[0]!);
    expect(store.getState().selectedNodes).toEqual(["web"]);
    expect(store.getState().reveal?.id).toBe("web");
  });

  it("says so when there is no problem, and the toolbar counts agree", () => {
    const doc = stack();
    doc.nodes[3]!.props = { image: "nginx:1.27" };
    setup(doc);
    expect(
      within(screen.getByRole("region", { name: "Problems" })).getByText(/No problems/),
    ).toBeInTheDocument();
    expect(within(screen.getByRole("toolbar")).getByText("0 errors")).toBeInTheDocument();
  });
});

describe("Inspector", () => {
  it("edits typed props with selects and shows the chain and facts", async () => {
    const { store, user } = setup();
    store.getState().select(["web"]);
    const insp = await screen.findByRole("complementary", { name: "Inspector" });
    // The inspector follows a selection at low priority (after the canvas has shown it).
    expect(
      await within(insp).findByText("web → Docker Engine → Ubuntu (Linux kernel) → Server"),
    ).toBeInTheDocument();
    expect(within(insp).getByText("The only container on this kernel.")).toBeInTheDocument();
    await user.selectOptions(within(insp).getByLabelText("Image OS"), "linux");
    expect(store.getState().doc.nodes.find((n) => n.id === "web")!.props!.os).toBe("linux");
    expect(store.getState().problems).toHaveLength(0);
    expect(store.getState().past).toHaveLength(1);
  });

  it("commits a label on Enter as one undo step, and Escape cancels", async () => {
    const { store, user } = setup();
    store.getState().select(["docker"]);
    const insp = await screen.findByRole("complementary", { name: "Inspector" });
    const label = await within(insp).findByLabelText("Label");
    await user.clear(label);
    await user.type(label, "Engine A{Enter}");
    expect(store.getState().doc.nodes.find((n) => n.id === "docker")!.label).toBe("Engine A");
    expect(store.getState().past).toHaveLength(1);
    await user.type(label, "xyz{Escape}");
    expect(label).toHaveValue("Engine A");
  });

  it("edits published ports with the port-mapping editor", async () => {
    const { store } = setup();
    store.getState().select(["web"]);
    const insp = await screen.findByRole("complementary", { name: "Inspector" });
    fireEvent.click(await within(insp).findByRole("button", { name: "Add port" }));
    const host = within(insp).getByLabelText("Host port 1");
    fireEvent.change(host, { target: { value: "8080" } });
    fireEvent.blur(host);
    expect(store.getState().doc.nodes.find((n) => n.id === "web")!.props!.ports).toEqual([
      { container: 80, host: 8080 },
    ]);
  });
});

describe("Palette", () => {
  it("filters presets by search in either language and adds a clicked preset into the selected node", async () => {
    const { store, user } = setup();
    const pal = screen.getByRole("complementary", { name: "Palette" });
    await user.type(within(pal).getByRole("searchbox", { name: "Search presets" }), "ubun");
    expect(
      within(pal)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Ubuntu"]);
    await user.clear(within(pal).getByRole("searchbox"));
    await user.type(within(pal).getByRole("searchbox"), "컨테이너");
    expect(within(pal).getByRole("button", { name: "Container" })).toBeInTheDocument();
    store.getState().select(["docker"]);
    await user.click(within(pal).getByRole("button", { name: "Container" }));
    const added = store.getState().doc.nodes.at(-1)!;
    expect(added.kind).toBe("container");
    expect(added.parentId).toBe("docker");
    expect(store.getState().selectedNodes).toEqual([added.id]);
  });

  it("is all Korean in Korean mode", () => {
    setup(stack(), "ko");
    expect(screen.getByRole("complementary", { name: "팔레트" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "물리 서버" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "문제" })).toHaveTextContent(/[가-힣]/);
  });
});
