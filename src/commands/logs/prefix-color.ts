/** ANSI colours for log prefixes, one per pod (as stern does), skipping hard-to-read ones. */
const PALETTE = [
  '\u001b[32m',
  '\u001b[33m',
  '\u001b[34m',
  '\u001b[35m',
  '\u001b[36m',
  '\u001b[92m',
  '\u001b[93m',
  '\u001b[94m',
  '\u001b[95m',
  '\u001b[96m',
];
const RESET = '\u001b[0m';

/** Gives each pod a stable colour for the life of the command. */
export class PrefixColors {
  private readonly byPod = new Map<string, string>();

  /** The prefix wrapped in the pod's colour. */
  paint(pod: string, prefix: string): string {
    let color = this.byPod.get(pod);
    if (color === undefined) {
      color = PALETTE[this.byPod.size % PALETTE.length] ?? '';
      this.byPod.set(pod, color);
    }
    const trimmed = prefix.trimEnd();
    return `${color}${trimmed}${RESET}${prefix.slice(trimmed.length)}`;
  }
}
