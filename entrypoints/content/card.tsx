// The hover card's layer, in a shadow root so that the page's styles cannot reach it. Mounted on first use only:
// a page nobody hovers keeps its DOM exactly as it was.
import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { MatchCard, type CardIndicator } from '../../components/MatchCard';
import cardCss from '../../components/match-card.css?inline';
import type { Match } from '../../recognition/types';

export interface CardLayer {
  show(match: Match, anchor: DOMRect, indicator?: CardIndicator): void;
  hide(): void;
}

export function cardLayer(ctx: ContentScriptContext): CardLayer {
  let container: HTMLElement | null = null;
  let mounting: Promise<void> | null = null;
  let wanted: { match: Match; anchor: DOMRect; indicator?: CardIndicator } | null = null;

  const draw = () => {
    if (!container) return;
    if (!wanted) {
      render(null, container);
      return;
    }
    const { match, anchor, indicator } = wanted;
    // Below the span when there is room, above it otherwise.
    const below = anchor.bottom + 150 < window.innerHeight;
    const top = below ? anchor.bottom + 6 : Math.max(4, anchor.top - 6 - 140);
    const left = Math.max(4, Math.min(anchor.left, window.innerWidth - 330));
    render(
      <div class="layer" style={{ transform: `translate(${left}px, ${top}px)` }}>
        <MatchCard match={match} indicator={indicator} />
      </div>,
      container,
    );
  };

  const mount = () => {
    mounting ??= createShadowRootUi(ctx, {
      name: 'pizhu-card',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: cardCss,
      onMount(uiContainer) {
        container = uiContainer;
        draw();
      },
    }).then((ui) => ui.mount());
    return mounting;
  };

  return {
    show(match, anchor, indicator) {
      wanted = { match, anchor, indicator };
      if (container) draw();
      else void mount();
    },
    hide() {
      if (!wanted) return;
      wanted = null;
      draw();
    },
  };
}
