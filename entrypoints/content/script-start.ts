// When this script's top level began (imported first, so evaluated first): main() measures the top level from here,
// what every page pays for Pizhu's modules before any scan (scripts/bench/scan.mjs reports it).
export const scriptStarted = performance.now();
