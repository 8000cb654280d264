/**
 * The edge router (src/domain/routing) as the editor loads it: on demand, when the first document
 * with edges is shown, not in the first paint (docs/performance.md: initial JS). The CLI and the
 * exports import the router directly; only the store waits for it.
 */
import { onDemand, type OnDemand } from "../browser/on-demand.ts";
import type { rerouteAffected, routeEdges } from "../domain/routing/route.ts";

/** What the store asks of the router. */
export interface Router {
  routeEdges: typeof routeEdges;
  rerouteAffected: typeof rerouteAffected;
}

/** The editor's router, shared by every store of the page. */
export const editorRouter: OnDemand<Router> = onDemand<Router>(() => import("../domain/routing/route.ts"));
