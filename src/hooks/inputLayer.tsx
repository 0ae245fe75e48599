import {createContext, useContext, useId, useLayoutEffect} from 'react';

/**
 * Only the top layer takes keys (console-ux.md). The app owns global keys and the
 * help/command overlays; a screen that opens a modal, form or prompt captures
 * input so the global keys switch off, and screens go inactive under an overlay.
 */
export type InputLayer = {
  /** False while an app-level overlay (help, command line) is on top of the screen. */
  readonly screenActive: boolean;
  setCaptured(owner: string, captured: boolean): void;
  /** Opens the `?` overlay from a layer that holds the keyboard where `?` is not text (the form's Kind). */
  showHelp(): void;
};

export const InputLayerContext = createContext<InputLayer>({screenActive: true, setCaptured: () => {}, showHelp: () => {}});

/** Opens the help overlay. */
export function useShowHelp(): () => void {
  return useContext(InputLayerContext).showHelp;
}

/** Whether the current screen should take keys. */
export function useScreenActive(): boolean {
  return useContext(InputLayerContext).screenActive;
}

/** Marks this component as holding the keyboard (a modal, form or prompt) while `captured` is true. */
export function useCapture(captured: boolean): void {
  const {setCaptured} = useContext(InputLayerContext);
  const owner = useId();
  // A layout effect: under the key router the next key of a batch is delivered after React has
  // rendered the previous one, and passive effects may not have run yet — the capture must hold.
  useLayoutEffect(() => {
    setCaptured(owner, captured);
    return () => setCaptured(owner, false);
  }, [owner, captured, setCaptured]);
}
