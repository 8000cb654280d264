/**
 * The quick fixes' titles, in both languages side by side (the type requires both). A title is
 * what the editor's button says and what the CLI's JSON lists; a few fixes have variants that say
 * exactly what they will do ("Set the OS to Windows"). Every offer is one of these frozen objects,
 * so offering a fix allocates nothing but the list that holds it.
 */
import type { Localized } from "../../kinds/props.ts";
import type { FixId, FixOffer } from "../types.ts";

const t = (en: string, ko: string): Localized => Object.freeze({ en, ko });

/** Each fix's titles: `default` always, and the variants its offers may pick. */
export const FIX_TITLES = {
  "insert-engine": {
    default: t("Put a Docker Engine under it", "아래에 Docker Engine 넣기"),
    move: t("Move it into the engine on its kernel", "커널 위의 엔진으로 옮기기"),
  },
  "set-os": {
    default: t("Change the container OS to Linux", "컨테이너 운영체제를 리눅스로 변경"),
    linux: t("Change the container OS to Linux", "컨테이너 운영체제를 리눅스로 변경"),
    windows: t("Change the container OS to Windows", "컨테이너 운영체제를 윈도우로 변경"),
  },
  "move-onto-kernel": {
    default: t("Move it onto the machine's kernel", "기계의 커널 위로 옮기기"),
  },
  "insert-kernel": {
    default: t("Draw a Linux kernel on the machine", "기계에 리눅스 커널 그리기"),
  },
  "insert-hypervisor": {
    default: t("Put a type 1 hypervisor under it", "아래에 타입 1 하이퍼바이저 넣기"),
    type2: t("Put a type 2 hypervisor under it", "아래에 타입 2 하이퍼바이저 넣기"),
    host: t("Put it on a physical server with a hypervisor", "하이퍼바이저가 있는 물리 서버 위에 두기"),
  },
  "add-kernel": {
    default: t("Add an Ubuntu kernel", "Ubuntu 커널 추가"),
  },
  "set-type": {
    default: t("Make it type 2 (hosted)", "타입 2(호스트형)로 바꾸기"),
    type1: t("Make it type 1 (bare metal)", "타입 1(베어 메탈)로 바꾸기"),
  },
  "set-family": {
    default: t("Set its OS family to Linux", "운영체제 계열을 리눅스로 설정"),
    linux: t("Set its OS family to Linux", "운영체제 계열을 리눅스로 설정"),
    windows: t("Set its OS family to Windows", "운영체제 계열을 윈도우로 설정"),
    bsd: t("Set its OS family to BSD", "운영체제 계열을 BSD로 설정"),
    solaris: t("Set its OS family to Solaris", "운영체제 계열을 솔라리스로 설정"),
  },
  "next-free-port": {
    default: t("Publish it on the next free host port", "다음 빈 호스트 포트로 게시"),
  },
  "set-arch": {
    default: t("Set its architecture to the hardware's", "아키텍처를 하드웨어에 맞추기"),
    x86_64: t("Set its architecture to x86_64", "아키텍처를 x86_64로 설정"),
    arm64: t("Set its architecture to arm64", "아키텍처를 arm64로 설정"),
  },
  "mark-provider": {
    default: t("Mark it as managed by the provider", "제공자가 관리하는 계층으로 표시"),
  },
  "wrap-in-task": {
    default: t("Put it in a new ECS task", "새 ECS 태스크에 넣기"),
  },
  "wrap-in-pod": {
    default: t("Put it in a new pod", "새 파드에 넣기"),
  },
  "same-image": {
    default: t("Use the image it moved with", "옮기기 전과 같은 이미지로 맞추기"),
  },
  "remove-suppression": {
    default: t("Remove the unused suppression", "쓰이지 않는 억제 설정 지우기"),
  },
} as const satisfies { readonly [F in FixId]: { readonly default: Localized } & Record<string, Localized> };

export type FixVariant<F extends FixId> = keyof (typeof FIX_TITLES)[F] & string;

const OFFERS = new Map<string, FixOffer>();

/** The offer of fix `id` (with the title of `variant`), one frozen object per fix and variant. */
export function offerOf<F extends FixId>(id: F, variant?: FixVariant<F>): FixOffer {
  const key = variant === undefined ? id : `${id}\u0000${variant}`;
  let o = OFFERS.get(key);
  if (o === undefined) {
    const titles: Record<string, Localized> = FIX_TITLES[id];
    o = Object.freeze({ id, title: titles[variant ?? "default"] ?? titles.default! });
    OFFERS.set(key, o);
  }
  return o;
}
