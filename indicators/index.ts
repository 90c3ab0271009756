// Indicators across years: what a report's figures count, named and normalised so that a place's reports can
// be lined up year by year. Pure logic beside recognition/: no DOM, no storage, no browser.
//
// For a figure's card and the side panel (one page):
//   const figures = recognize(text).filter((m) => m.category === 'figure');
//   const names = nameIndicators(text, figures);         // Indicator | null per figure, same order
//   names[i]?.text                                          // 办理行政复议案件 — show "办理行政复议案件 → 36件"
//   indicatorValue(figures[i])                              // { value: 36, unit: '件', bound: 'exact', … }
//   nameIndicators is linear in the text and names each figure from its neighbours (what a clause leaves out
//   comes from the figures before it): run it once per page over all its figures, not once per figure.
//   nameFigures(text, figures, pause) does both for a whole page in slices cut at sentence ends, with pauses.
//
// For the library's Indicators view (many pages):
//   reportYear({ title, text, published })                  // { year: 2017, from: 'title' } — the year covered
//   issuerFromTitle(title), issuerKey(issuer), sameIssuer(a, b)   // 张店区人民政府 = 张店区政府 = 淄博市张店区
//   groupKey(indicator.text)                                // one key for the same indicator in other words
//   groupOf(key, merges), mergeIndicators(merges, keys, into), unmergeIndicator(merges, key)
//   groupIndicators(items, keyOf, merges)                   // Map group → items, for the indicator × year table
//   The merges (IndicatorMerges: group key → group) are the user's: the library keeps them (one record, say
//   in settings) and passes them in; these functions never store anything and return new objects.
//
// A table cell: for each stored page of the chosen issuer(s), its year, and for each figure
//   { group: groupOf(groupKey(name.text), merges), text: name.text, ...indicatorValue(figure), start, end }
//   — start/end are the figure's offsets in the page text, for the link back to its sentence.
// How well the names match a human's: `npm run score` (scripts/indicator-score.mjs, docs/indicators-gold.md).

export { nameIndicators } from './naming';
export { nameFigures } from './page-indicators';
export type { FigureIndicator } from './page-indicators';
export type { Indicator } from './naming';
export { indicatorValue } from './value';
export type { Bound, IndicatorValue } from './value';
export { groupKey, groupOf, mergeIndicators, unmergeIndicator, groupIndicators } from './grouping';
export type { IndicatorMerges } from './grouping';
export { reportYear } from './report-year';
export type { ReportYear } from './report-year';
export { issuerKey, sameIssuer, issuerFromTitle } from './issuer';
export { foldTraditional } from './folding';
