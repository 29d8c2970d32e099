// Stands in for the `server-only` marker package, whose default export throws outside React's
// server bundles; the code under test is the same server code.
export {}
