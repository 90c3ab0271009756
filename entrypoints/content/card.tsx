// The hover cards, in Pizhu's closed shadow root (mounted on first use: a page nobody hovers keeps its DOM as it was):
// the card of a recognised span, below it, and the read-only card of a tagged passage, above it, so that both can show
// at once over a tagged figure. Each is measured once drawn and placed beside what it is about, inside the viewport.
import { render, type ComponentChild } from 'preact';
import { AnnotationCard, type AnnotationCardProps } from '../../components/AnnotationCard';
import { MatchCard, type CardIndicator } from '../../components/MatchCard';
import cardCss from '../../components/match-card.css?inline';
import { guestLayer } from '../../page/guest-root';
import { placeBeside, type Side } from '../../page/placement';
import type { Match } from '../../recognition/types';

interface Floating {
  show(content: ComponentChild, anchor: DOMRect): void;
  hide(): void;
}

function floatingCard(order: readonly Exclude<Side, 'over'>[]): Floating {
  let box: HTMLElement | null = null;
  let shown = false;
  return {
    show(content, anchor) {
      const layer = guestLayer('cards', cardCss);
      if (!box || box.parentNode !== layer) {
        box = document.createElement('div');
        box.className = 'floating';
        layer.append(box);
      }
      box.style.visibility = 'hidden';
      box.style.transform = 'none';
      render(content, box);
      shown = true;
      const size = { width: box.offsetWidth, height: box.offsetHeight, minHeight: box.offsetHeight };
      const spot = placeBeside(anchor, size, { width: innerWidth, height: innerHeight }, { gap: 6, margin: 4, order });
      box.style.transform = `translate(${spot.left}px, ${spot.top}px)`;
      box.style.visibility = 'visible';
    },
    hide() {
      if (!shown || !box) return;
      shown = false;
      render(null, box);
    },
  };
}

export interface CardLayer {
  show(match: Match, anchor: DOMRect, indicator?: CardIndicator): void;
  hide(): void;
}

export function cardLayer(): CardLayer {
  const card = floatingCard(['below', 'above', 'right', 'left']);
  return {
    show: (match, anchor, indicator) => card.show(<MatchCard match={match} indicator={indicator} />, anchor),
    hide: () => card.hide(),
  };
}

export interface AnnotationCardLayer {
  show(annotation: AnnotationCardProps, anchor: DOMRect): void;
  hide(): void;
}

export function annotationCardLayer(): AnnotationCardLayer {
  const card = floatingCard(['above', 'below', 'right', 'left']);
  return {
    show: (annotation, anchor) => card.show(<AnnotationCard {...annotation} />, anchor),
    hide: () => card.hide(),
  };
}
