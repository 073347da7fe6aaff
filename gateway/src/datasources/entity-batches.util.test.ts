import { describe, expect, it } from "vitest";
import { firstPositionByKey, groupPositions, remapEntityErrors } from "./entity-batches.util.ts";

describe("entity batches", () => {
  it("groups positions by key in first-seen order", () => {
    expect([...groupPositions(["a", "b", "a", "c", "b"], (x) => x)]).toEqual([
      ["a", [0, 2]],
      ["b", [1, 4]],
      ["c", [3]],
    ]);
  });

  it("maps local _entities error paths to original positions and leaves other paths alone", () => {
    const errors = [
      { message: "x", path: ["_entities", 1, "field"] },
      { message: "y", path: ["_entities", 0] },
      { message: "z" },
      { message: "w", path: ["other", 0] },
    ];

    expect(remapEntityErrors(errors, [3, 7]).map((e) => e.path)).toEqual([["_entities", 7, "field"], ["_entities", 3], undefined, ["other", 0]]);
  });

  it("finds the first position of each key", () => {
    const keys = ["a", "b", "a", "b", "c"];
    expect([...firstPositionByKey([4, 1, 2, 3], (p) => keys[p])]).toEqual([
      ["c", 4],
      ["b", 1],
      ["a", 2],
    ]);
  });
});
