// The table of indicators × years. A cell is the figure the year's report states, linked to its sentence on the
// page (a new tab at #:~:text=); a page that is not a web address opens in the stored copy instead. A row can
// be chosen for the chart, ticked for a merge, and a merged indicator taken out again.
import { cellFigure, sentenceLink, type IndicatorCell, type IndicatorRow, type IndicatorTable as Table, type ReportFigure } from '../../../library/indicator-table';
import { boundLabel, formatNumber } from '../../indicator-text';
import { L } from '../strings';

export interface OpenCopy {
  (cell: IndicatorCell, figure: ReportFigure): void;
}

interface Props {
  table: Table;
  /** Several issuers chosen: a column says whose row it is. */
  showIssuer: boolean;
  chosen: string | null;
  onChoose: (group: string) => void;
  ticked: ReadonlySet<string>;
  onTick: (group: string, on: boolean) => void;
  onUnmerge: (key: string) => void;
  openCopy: OpenCopy;
}

function Cell({ row, cell, openCopy }: { row: IndicatorRow; cell: IndicatorCell; openCopy: OpenCopy }) {
  const f = cellFigure(row, cell);
  const link = sentenceLink(cell.slot.report.url, f.sentence);
  const bound = boundLabel(f.value.bound);
  const content = (
    <>
      {formatNumber(f.value.value)}
      {f.value.unit !== row.unit && ` ${f.value.unit}`}
      {bound && (
        <abbr class="ind-q" title={bound}>
          {f.value.qualifiers.join('')}
        </abbr>
      )}
      {cell.figures.length > 1 && <span class="ind-more">{L('IndMoreFigures', String(cell.figures.length - 1))}</span>}
    </>
  );
  const title = `${cell.slot.report.title}\n${f.sentence}`;
  return link ? (
    <a href={link} target="_blank" rel="noopener noreferrer" title={title}>
      {content}
    </a>
  ) : (
    <button type="button" class="lib-link" title={title} onClick={() => openCopy(cell, f)}>
      {content}
    </button>
  );
}

export function IndicatorTable({ table, showIssuer, chosen, onChoose, ticked, onTick, onUnmerge, openCopy }: Props) {
  return (
    <div class="ind-table-wrap">
      <table class="ind-table">
        <caption class="lib-hint">{L('IndTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" class="ind-tick">
              <span class="ind-sr">{L('IndTickColumn')}</span>
            </th>
            <th scope="col">{L('IndColIndicator')}</th>
            {showIssuer && <th scope="col">{L('IndColIssuer')}</th>}
            <th scope="col">{L('IndColUnit')}</th>
            {table.years.map((year) => (
              <th scope="col" key={year} class="ind-num">
                {year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.id} data-group={row.group} class={chosen === row.group ? 'ind-chosen' : undefined}>
              <td class="ind-tick">
                <input
                  type="checkbox"
                  aria-label={L('IndTick', row.label)}
                  checked={ticked.has(row.group)}
                  onChange={(e) => onTick(row.group, e.currentTarget.checked)}
                />
              </td>
              <th scope="row" class="ind-name">
                <button type="button" class="lib-link ind-label" aria-pressed={chosen === row.group} onClick={() => onChoose(row.group)}>
                  {row.label}
                </button>
                {row.merged.length > 0 && (
                  <span class="ind-merged">
                    {L('IndMergedWith')}
                    {row.merged.map((key) => (
                      <button key={key} type="button" class="ind-unmerge" aria-label={L('IndUnmerge', key)} title={L('IndUnmerge', key)} onClick={() => onUnmerge(key)}>
                        {key} ×
                      </button>
                    ))}
                  </span>
                )}
              </th>
              {showIssuer && <td>{row.issuer.name || L('IndNoIssuer')}</td>}
              <td class="ind-unit">{row.unit}</td>
              {table.years.map((year) => {
                const cell = row.cells.get(year);
                return (
                  <td key={year} class="ind-num" data-year={year}>
                    {cell && <Cell row={row} cell={cell} openCopy={openCopy} />}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
