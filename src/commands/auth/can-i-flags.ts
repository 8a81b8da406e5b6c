/** Flags of `ktl auth can-i`. */
export interface CanIFlags {
  allNamespaces?: boolean;
  quiet?: boolean;
  subresource?: string;
  list?: boolean;
  /** commander's name for --no-headers (false when given). */
  headers?: boolean;
}
