import { Component, type FunctionComponent, h } from 'preact';

function shallowDiffers(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) if (!(key in right)) return true;
  for (const key in right) if (left[key] !== right[key]) return true;
  return false;
}

/**
 * A component rendered again only when a prop changed (compared with ===), as React's `memo`. Written
 * here rather than taken from preact/compat, whose import also patches every element's props (it turns
 * a select's change handling into React's), which this page does not want.
 */
export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return shallowDiffers(this.props, next);
    }
    override render(props: P) {
      return h(render, props);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}
