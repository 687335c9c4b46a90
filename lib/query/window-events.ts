/**
 * A `useSyncExternalStore` subscription to window events: the store's own change event (fired by this tab) and the
 * browser's (`storage` from other tabs, `popstate` for the address).
 */
export function windowEvents(...names: string[]): (onChange: () => void) => () => void {
  return (onChange) => {
    for (const name of names) window.addEventListener(name, onChange);
    return () => {
      for (const name of names) window.removeEventListener(name, onChange);
    };
  };
}
