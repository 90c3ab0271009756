// A windowed list for 100,000 rows: every row has the same height, so the rows in view follow from the scroll
// offset alone; only those (and a few either side) are in the DOM, absolutely placed inside a spacer as tall as all
// rows together. The scroll container's height comes from the layout (a ResizeObserver keeps it current).
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface VirtualTableProps<R> {
  rows: readonly R[];
  rowHeight: number;
  /** Rows rendered beyond each edge of the view, so that a fast scroll does not show blank space first. */
  overscan?: number;
  renderRow: (row: R, index: number, style: Record<string, string | number>) => ComponentChildren;
  /** Changes when the rows are a different list (a new filter or sort): the view goes back to the top. */
  resetKey?: unknown;
  label: string;
  header?: ComponentChildren;
}

/** The slice of rows to render for a view of `height` px scrolled to `scrollTop`. */
export function visibleRange(count: number, rowHeight: number, scrollTop: number, height: number, overscan: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

export function VirtualTable<R>(props: VirtualTableProps<R>) {
  const { rows, rowHeight, overscan = 6 } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setHeight(el.clientHeight || 600);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [props.resetKey]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const onScroll = () => {
    // One render per frame however many scroll events arrive.
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      setScrollTop(scroller.current?.scrollTop ?? 0);
    });
  };

  const [first, last] = visibleRange(rows.length, rowHeight, scrollTop, height, overscan);
  const items: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    items.push(props.renderRow(rows[i], i, { position: 'absolute', top: `${i * rowHeight}px`, height: `${rowHeight}px`, left: 0, right: 0 }));
  }
  return (
    <div class="vt" role="table" aria-label={props.label} aria-rowcount={rows.length + 1}>
      {props.header}
      <div class="vt-scroll" ref={scroller} onScroll={onScroll} role="rowgroup">
        <div class="vt-spacer" style={{ height: `${rows.length * rowHeight}px`, position: 'relative' }}>
          {items}
        </div>
      </div>
    </div>
  );
}
