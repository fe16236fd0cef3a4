/**
 * Code that loads on first use (the table view, the export writers): one `import()` per page, shared by
 * every element, and the module kept once loaded, so that later uses are synchronous. A failed load is
 * not kept: the next use imports again (an app's bundler may fetch the chunk again; a browser loading
 * the autoloader's files keeps a failed module failed until the page is loaded again). In the
 * self-contained script the import is inlined and resolves at once.
 */
export interface OnDemand<M> {
  /** The module, once loaded. */
  readonly module: M | undefined;
  /** Loads the module, once (again after a failure). */
  load(): Promise<M>;
}

export function onDemand<M>(importer: () => Promise<M>): OnDemand<M> {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    get module() {
      return module;
    },
    load: () =>
      (loading ??= importer().then(
        (loaded) => (module = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
  };
}
