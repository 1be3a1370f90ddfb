import { act, render, screen } from '@testing-library/preact';
import { useLayoutEffect } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { createStore, type Store, StoreView } from '../../src/popup/store';

describe('popup store', () => {
  it('tells subscribers of a changed value only', () => {
    const store = createStore();
    const cell = store.signal('a');
    const listener = vi.fn();
    store.subscribe(listener);
    cell.value = 'a';
    expect(listener).not.toHaveBeenCalled();
    cell.value = 'b';
    expect(cell.value).toBe('b');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('re-renders a StoreView after a write, also one made before it subscribed', async () => {
    const store = createStore();
    const cell = store.signal(0);
    // A child's layout effect runs before its parent's, so this write comes before the subscription.
    function Writer() {
      useLayoutEffect(() => {
        cell.value = 1;
      }, []);
      return null;
    }
    class Counter extends StoreView {
      protected readonly store: Store = store;
      protected view() {
        return (
          <p data-testid="count">
            {cell.value}
            <Writer />
          </p>
        );
      }
    }
    render(<Counter />);
    await act(() => undefined);
    expect(screen.getByTestId('count').textContent).toBe('1');
    await act(() => {
      cell.value = 5;
    });
    expect(screen.getByTestId('count').textContent).toBe('5');
  });
});
