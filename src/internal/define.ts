/**
 * Registers a custom element unless the tag is taken already, so that loading the kit twice on one page
 * (two versions, or the script tag plus a bundled copy) neither throws nor breaks the first copy.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, constructor);
}
