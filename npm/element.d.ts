// Types of the <lacuna-compare> element (element.js). Importing the module
// defines the element.
import type { Comparison, Options } from './index.js';

/** `detail` of the `lacuna-done` event: the comparison now on screen. */
export interface LacunaDoneDetail {
  result: Comparison;
}

/** `detail` of the `lacuna-error` event: what went wrong, in words for people. */
export interface LacunaErrorDetail {
  message: string;
}

export interface LacunaCompareEventMap extends HTMLElementEventMap {
  'lacuna-done': CustomEvent<LacunaDoneDetail>;
  'lacuna-error': CustomEvent<LacunaErrorDetail>;
}

/**
 * `<lacuna-compare>`: compares a summary with its report in a worker and shows
 * the figures, coverage strip, ranked omissions and both texts side by side.
 * Set `summary` and `report` (properties or attributes) and it compares once
 * both are there; with the `inputs` attribute it also offers two file pickers.
 */
export declare class LacunaCompareElement extends HTMLElement {
  /** The executive summary's text. */
  summary: string;
  /** The full report's text. */
  report: string;
  /** Settings for the core; setting them compares again. */
  options: Options | undefined;
  /** The last comparison shown, or null. */
  readonly result: Comparison | null;
  /**
   * Compares the current texts now. Resolves once the result is on screen;
   * rejects with the core's error, or with an error named "Cancelled" when a
   * newer comparison replaced this one.
   */
  compare(): Promise<Comparison>;

  addEventListener<K extends keyof LacunaCompareEventMap>(
    type: K,
    listener: (this: LacunaCompareElement, event: LacunaCompareEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof LacunaCompareEventMap>(
    type: K,
    listener: (this: LacunaCompareElement, event: LacunaCompareEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'lacuna-compare': LacunaCompareElement;
  }
}
