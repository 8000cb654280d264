/**
 * How a share link's fragment starts (`#d=…`, ./share.ts). Its own module: the first paint only
 * asks whether the address holds a diagram, and the encoder and decoder load with the file actions.
 */
export const SHARE_PREFIX = "#d=";
