import { badInput } from "@billfold/shared";

export const MAX_PAGE_SIZE = 100;

/** `first` must be 0…100; larger pages are refused rather than silently cut. */
export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}.`, { argument: "first", max: MAX_PAGE_SIZE });
  }
  return first;
}
