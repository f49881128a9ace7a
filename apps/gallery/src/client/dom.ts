/** The element with `id`; a page missing it is a bug, so this throws. */
export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`page is missing #${id}`);
  return found as T;
}

type Child = Node | string;

/** Creates an element with properties (attributes for `aria-*`, `data-*`, `role`, `for`) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith('aria-') || key.startsWith('data-') || key === 'role' || key === 'for') node.setAttribute(key, String(value));
    else if (key === 'class') node.className = String(value);
    else (node as unknown as Record<string, unknown>)[key] = value;
  }
  node.append(...children);
  return node;
}

/** The `?model=` of the page's URL. */
export function requestedModel(): string | null {
  return new URL(location.href).searchParams.get('model');
}

/** Puts `model` into the URL without a reload, so the page can be bookmarked and shared. */
export function rememberModel(model: string): void {
  const url = new URL(location.href);
  url.searchParams.set('model', model);
  history.replaceState(null, '', url);
}

/** Milliseconds, short. */
export function ms(value: number): string {
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

/** Swaps an image that fails to load (e.g. a model being re-published) for a one-line placeholder of the same box. */
export function withFallback(img: HTMLImageElement, message: string): HTMLImageElement {
  img.addEventListener('error', () => img.replaceWith(el('span', { class: 'missing-image', role: 'img', 'aria-label': message }, message)), { once: true });
  return img;
}
