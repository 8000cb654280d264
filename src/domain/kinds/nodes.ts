/**
 * Typed construction: the props' TypeScript types, derived from the kinds' declarations, so that
 * presets, templates and test builders are type-checked — a misspelt prop or a wrong enum value
 * is a compile error. `StackNode` itself stays untyped by kind (documents are read from files);
 * `nodeOf` is how code that writes nodes by hand gets them checked.
 *
 * Also the compile-time checks of the declarations themselves: every key prop and every role
 * condition names a prop the kind declares, with a value it can have.
 */
import type { StackNode } from "../document.ts";
import { COMMON_PROPS, KIND_DECLS, type Kind } from "./catalog.ts";
import type { PropSpec, PropValue } from "./props.ts";

type Decl<K extends Kind> = (typeof KIND_DECLS)[K];
type OwnSpecs<K extends Kind> = Decl<K>["props"];
type Value<S> = S extends PropSpec ? PropValue<S> : never;

/** The kind's own props, each optional, typed by its descriptor. */
export type OwnPropsOf<K extends Kind> = { -readonly [P in keyof OwnSpecs<K>]?: Value<OwnSpecs<K>[P]> };
/** The props every kind may have (`managedBy`, `notes`). */
export type CommonProps = { -readonly [P in keyof typeof COMMON_PROPS]?: Value<(typeof COMMON_PROPS)[P]> };
/** Every prop a node of kind `K` may have, typed: `PropsOf<"kernel">["family"]` is `"linux" | "windows" | …`. */
export type PropsOf<K extends Kind> = OwnPropsOf<K> & CommonProps;
/** The names of the props a node of kind `K` may have. */
export type PropKey<K extends Kind> = keyof PropsOf<K> & string;
/** The type of one prop of kind `K`, without `undefined`. */
export type PropType<K extends Kind, P extends PropKey<K>> = NonNullable<PropsOf<K>[P]>;

/** Who manages a layer (`managedBy`). */
export type ManagedBy = NonNullable<CommonProps["managedBy"]>;

/** The fields of a node besides its id and kind, with its props typed by its kind. */
export type NodeFields<K extends Kind> = Omit<StackNode, "id" | "kind" | "props"> & { props?: PropsOf<K> };

/**
 * A node of kind `kind` whose props are checked against the kind's declaration at compile time:
 * `nodeOf("kernel", "k1", { parentId: "vm", props: { family: "linux" } })`. Empty props are left
 * out, as the writer leaves them out.
 */
export function nodeOf<K extends Kind>(kind: K, id: string, fields: NodeFields<K> = {}): StackNode {
  const { props, ...rest } = fields;
  const node: StackNode = { id, kind, ...rest };
  if (props !== undefined && Object.keys(props).length > 0) node.props = { ...props };
  return node;
}

/** Props for a kind, checked at compile time (for code that builds the node itself). */
export function propsOf<K extends Kind>(_kind: K, props: PropsOf<K>): Record<string, unknown> {
  return props;
}

// ---------------------------------------------------------------------------------------------
// Compile-time checks of the declarations. Each `Check` is `true` or the build fails, naming the
// kind whose declaration is wrong in the error.

type Check<T extends true> = T;
type AllTrue<M extends Record<Kind, unknown>> = {
  [K in Kind]: M[K] extends true ? never : K;
}[Kind] extends never
  ? true
  : { [K in Kind]: M[K] extends true ? never : K }[Kind];

/** Every key prop is one of the kind's props. */
type KeyPropsDeclared = AllTrue<{
  [K in Kind]: Decl<K>["keyProps"][number] extends PropKey<K> ? true : false;
}>;

/** A condition names one of the kind's own enum props and one of its options. */
type ConditionOk<K extends Kind, C> = C extends { prop: infer P; is: infer V }
  ? P extends keyof OwnSpecs<K>
    ? V extends Value<OwnSpecs<K>[P]>
      ? true
      : false
    : false
  : true;
type Roles<K extends Kind> = Decl<K>["roles"];
type ConditionsDeclared = AllTrue<{
  [K in Kind]: Roles<K> extends { kernel: { when: infer C } }
    ? ConditionOk<K, C>
    : Roles<K> extends { providerManaged: infer C }
      ? ConditionOk<K, C>
      : true;
}>;

/** A listener's `ports` prop has the type its way of listening reads. */
type ListenersDeclared = AllTrue<{
  [K in Kind]: Roles<K> extends { listens: infer L }
    ? OwnSpecs<K> extends { ports: { type: L extends "platform" ? "port-list" : "container-ports" } }
      ? true
      : false
    : true;
}>;

export type DeclarationChecks = [
  Check<KeyPropsDeclared>,
  Check<ConditionsDeclared>,
  Check<ListenersDeclared>,
];
