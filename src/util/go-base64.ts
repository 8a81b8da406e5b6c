/**
 * Go's base64.StdEncoding.DecodeString, with its error: `illegal base64 data at input byte N`
 * where Go's decoder stops (Node's decoder accepts anything and never says where).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The decoded bytes, or the input offset Go names in its CorruptInputError. */
export function decodeGoBase64(text: string): Buffer | { corruptAt: number } {
  const src = Buffer.from(text, 'latin1');
  const out: number[] = [];
  let si = 0;
  const skipNewlines = (): void => {
    while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
  };
  for (;;) {
    const quantum: number[] = [];
    while (quantum.length < 4) {
      if (si === src.length) {
        if (quantum.length === 0) return Buffer.from(out);
        return { corruptAt: si - quantum.length };
      }
      const byte = src[si++] ?? 0;
      const value = ALPHABET.indexOf(String.fromCharCode(byte));
      if (value >= 0) {
        quantum.push(value);
        continue;
      }
      if (byte === 0x0a || byte === 0x0d) continue;
      if (byte !== 0x3d || quantum.length < 2) return { corruptAt: si - 1 };
      if (quantum.length === 2) {
        skipNewlines();
        if (si === src.length) return { corruptAt: src.length };
        if (src[si] !== 0x3d) return { corruptAt: si - 1 };
        si++;
      }
      skipNewlines();
      if (si < src.length) return { corruptAt: si };
      pushBytes(out, quantum);
      return Buffer.from(out);
    }
    pushBytes(out, quantum);
  }
}

/** The bytes of a (possibly short, padded) quantum of 6-bit values. */
function pushBytes(out: number[], quantum: number[]): void {
  const [a = 0, b = 0, c = 0, d = 0] = quantum;
  const bits = (a << 18) | (b << 12) | (c << 6) | d;
  out.push((bits >> 16) & 0xff);
  if (quantum.length > 2) out.push((bits >> 8) & 0xff);
  if (quantum.length > 3) out.push(bits & 0xff);
}
