// Nothing: bench section 6 times `node bench/reference/empty.mjs` next to `node -e 0`, because the
// `splitsim` bin is an ES module and Node sets up its ESM loader only for one (the difference is not ours).
