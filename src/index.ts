// Public API of splitsim.
export * from "./core/time.js";
export * from "./core/simulator.js";
export * from "./core/random.js";
