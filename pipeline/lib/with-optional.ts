/** Copy the optional fields that have a value onto a draft (exactOptionalPropertyTypes-friendly). */
export function withOptional<T extends object>(draft: T, extras: Partial<T>): T {
  const out = { ...draft } as Record<string, unknown>;
  for (const [k, val] of Object.entries(extras)) if (val !== undefined && val !== '') out[k] = val;
  return out as T;
}
