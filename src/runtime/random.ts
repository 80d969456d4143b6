/**
 * Seeded randomness. One root seed derives every other seed, so the same
 * file, data and seed give the same result whatever the thread count.
 */

/** mulberry32: small, fast, good enough for sampling and shuffling. Returns floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives a child seed from a parent seed and a label (FNV-1a over both). */
export function deriveSeed(parent: number, label: string | number): number {
  let h = 0x811c9dc5 ^ (parent >>> 0);
  h = Math.imul(h, 0x01000193) >>> 0;
  const s = String(label);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** In-place Fisher–Yates shuffle. */
export function shuffle<T extends { length: number; [i: number]: any }>(items: T, random: () => number): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = items[i]; items[i] = items[j]; items[j] = t;
  }
  return items;
}
