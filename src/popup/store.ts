import { Component, type ComponentChildren } from 'preact';

/**
 * The popup's state cells: `signal(v).value` reads and writes like @preact/signals, and the one
 * component that extends `StoreView` re-renders (with everything below it) after any write.
 *
 * Why not @preact/signals here, as on the options page: it is 7.8 KB minified (3.2 KB gzip), a quarter
 * of the popup's 12 KB budget (issue 8), for a page of one small form whose whole tree re-renders in
 * well under a millisecond. Preact batches the re-renders of one turn into one.
 */
export interface Cell<T> {
  value: T;
}

export interface Store {
  signal<T>(initial: T): Cell<T>;
  /** Calls `listener` after each write that changed a value; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Counts the writes, so a subscriber can tell it missed one. */
  readonly version: number;
}

export function createStore(): Store {
  const listeners = new Set<() => void>();
  let version = 0;
  return {
    signal<T>(initial: T): Cell<T> {
      let current = initial;
      return {
        get value() {
          return current;
        },
        set value(next: T) {
          if (Object.is(next, current)) return;
          current = next;
          version += 1;
          for (const listener of listeners) listener();
        },
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get version() {
      return version;
    },
  };
}

/**
 * A component that re-renders, with everything below it, after every write to its store; `view()` is
 * its render. A class rather than a hook: the popup loads no preact/hooks (issue 8: 1.1 KB gzip of its
 * 12 KB budget). `forceUpdate` is queued like `setState`, so the writes of one turn render once.
 */
export abstract class StoreView<P = object> extends Component<P> {
  /** The store this view follows. */
  protected abstract readonly store: Store;
  protected abstract view(): ComponentChildren;
  private seen = -1;
  private unsubscribe = () => {};

  override componentDidMount(): void {
    const { store } = this;
    this.unsubscribe = store.subscribe(() => this.forceUpdate());
    // A write between this render and the subscription would otherwise go unseen.
    if (store.version !== this.seen) this.forceUpdate();
  }

  override componentWillUnmount(): void {
    this.unsubscribe();
  }

  override render(): ComponentChildren {
    this.seen = this.store.version;
    return this.view();
  }
}
