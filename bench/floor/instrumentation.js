// The floor has no start-up work of its own (without this file the build picks up the portal's
// src/instrumentation.ts from the folder above).
export function register() {}
