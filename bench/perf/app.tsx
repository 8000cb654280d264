/** Page B: the real Stackdraw editor with a generated document of `?n=` nodes. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "../../src/App.tsx";
import { createEditorStore } from "../../src/store/editor.ts";
import { completeGeometry } from "../../src/domain/geometry.ts";
import "../../src/styles.css";
import { perfDocument } from "./doc.ts";
import { pageParams } from "./params.ts";

const { n } = pageParams();
const store = createEditorStore(completeGeometry(perfDocument(n)));
store.getState().setLang("en");

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
