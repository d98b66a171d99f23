import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';

/** A typed context + narrow-selector hook for one surface's store. */
export function storeContext<S>(name: string) {
  const Ctx = createContext<StoreApi<S> | null>(null);
  Ctx.displayName = name;
  function useSurface<T>(selector: (state: S) => T): T {
    const store = useContext(Ctx);
    if (!store) throw new Error(`${name} store is missing: wrap the tree in its Provider`);
    return useStore(store, selector);
  }
  function useSurfaceApi(): StoreApi<S> {
    const store = useContext(Ctx);
    if (!store) throw new Error(`${name} store is missing: wrap the tree in its Provider`);
    return store;
  }
  return { Provider: Ctx.Provider, useSurface, useSurfaceApi };
}
