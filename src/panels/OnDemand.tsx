/**
 * Panels whose code loads on demand (src/browser/on-demand.ts): rendered once their code is there,
 * a hidden "Loading…" status while it comes (the layout does not move for it), and when it cannot
 * be loaded, a notice in both languages, nothing else changed, and the next use loads again.
 */
import {
  Component,
  Suspense,
  lazy,
  useCallback,
  useState,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from "react";
import { LoadError, loadFailedNotice, type OnDemand } from "../browser/on-demand.ts";
import { useEditorStore, useT } from "../store/context.tsx";

/**
 * Catches a failed load of on-demand code and reports it once (`onLoadFailed`), showing `fallback`
 * until `resetKey` changes; any other error goes on up, as it would without this boundary.
 */
export class LoadBoundary extends Component<
  { onLoadFailed: () => void; fallback?: ReactNode; resetKey?: unknown; children: ReactNode },
  { error: unknown; key: unknown }
> {
  state: { error: unknown; key: unknown } = { error: null, key: this.props.resetKey };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  static getDerivedStateFromProps(props: { resetKey?: unknown }, state: { error: unknown; key: unknown }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }
  componentDidCatch(error: unknown) {
    if (!(error instanceof LoadError)) return;
    forgetFailure(error);
    this.props.onLoadFailed();
  }
  render() {
    if (this.state.error === null) return this.props.children;
    if (this.state.error instanceof LoadError) return this.props.fallback ?? null;
    throw this.state.error;
  }
}

type Render<T> = (module: T) => ReactNode;
type PartView<T> = LazyExoticComponent<ComponentType<{ render: Render<T> }>>;

/** One lazy component per piece, until a boundary has reported its failed load. */
const views = new WeakMap<OnDemand<unknown>, PartView<unknown>>();
/** For a failed load: lets its piece load afresh at its next mount. */
const failures = new WeakMap<LoadError, () => void>();

/**
 * Called once the failure is reported (committed), not when the load fails: React renders a
 * failed subtree once more before it shows the boundary, and that render must meet the same
 * failure, not start a new load (which would fail again, and again).
 */
function forgetFailure(error: LoadError) {
  failures.get(error)?.();
  failures.delete(error);
}

function viewOf<T>(part: OnDemand<T>): PartView<T> {
  let view = views.get(part as OnDemand<unknown>) as PartView<T> | undefined;
  if (view) return view;
  const wrap = (module: T) => ({ default: ({ render }: { render: Render<T> }) => render(module) });
  view = lazy(() => {
    const now = part.loaded;
    // Already loaded (warmed at the first press): settled at once, so the first render does not
    // suspend, and nothing flashes.
    if (now !== undefined)
      return { then: (ok: (v: ReturnType<typeof wrap>) => void) => ok(wrap(now)) } as unknown as Promise<
        ReturnType<typeof wrap>
      >;
    return part.load().then(wrap, (e: unknown) => {
      if (e instanceof LoadError)
        failures.set(e, () => {
          if (views.get(part as OnDemand<unknown>) === view) views.delete(part as OnDemand<unknown>);
        });
      throw e;
    });
  });
  views.set(part as OnDemand<unknown>, view as PartView<unknown>);
  return view;
}

/**
 * What `children` makes of the module of `part` (which stays the same while mounted): at once when
 * it is loaded, else it suspends (React's `lazy`) until it is. Mounted again after a failed load,
 * it loads again (once the failure was reported).
 */
export function WithPart<T>({ part, children }: { part: OnDemand<T>; children: Render<T> }) {
  const [View] = useState(() => viewOf(part));
  return <View render={children} />;
}

/** The fallback while on-demand code comes: said to screen readers, nothing on screen. */
export function Loading() {
  const t = useT();
  return (
    <p className="sd-visually-hidden" role="status">
      {t("loading")}
    </p>
  );
}

/**
 * An on-demand panel in place: loaded, then rendered by `children`; "Loading…" for screen readers
 * meanwhile; when its code cannot be loaded, the notice, then `onLoadFailed` (close it, answer
 * its question) — nothing else changes.
 */
export function OnDemandPanel<T>({
  part,
  onLoadFailed,
  children,
}: {
  part: OnDemand<T>;
  onLoadFailed?: () => void;
  children: (module: T) => ReactNode;
}) {
  const store = useEditorStore();
  const failed = useCallback(() => {
    store.getState().setNotice(loadFailedNotice());
    onLoadFailed?.();
  }, [store, onLoadFailed]);
  return (
    <LoadBoundary onLoadFailed={failed}>
      <Suspense fallback={<Loading />}>
        <WithPart part={part}>{children}</WithPart>
      </Suspense>
    </LoadBoundary>
  );
}
