// Inter-coder agreement and adjudication (issue 15): pure logic for the library's Agreement and Adjudication views.
// It imports model/, study/ (the outline that gives the report's parts), recognition/ (the document numbers the
// outline needs), anchoring/ (to find annotations in the page text and to describe consensus annotations) and
// model/uuid.ts (name-based UUIDs), and nothing of the browser side, so it runs as well in a worker or in
// Node.
//
// Agreement view
//   const coders = codersIn(annotations)                     who coded (by creator IRI), to choose from
//   const urls = pagesCodedBy(annotations, chosenIds)        default pages: coded by two or more of them
//   const report = await agreementReportAsync(pageRecords, annotations, { coders, terms, pause: yieldToPage })
//   report.rows                                              per unit kind: all terms pooled, then each term —
//       percent / cohen (2 coders) / fleiss (3+) / alpha, each { value | null + reason, counts, formula, working }
//   coderMatrix(row)                                         coder × coder κ and percent agreement, for a heat map
//   UNIT_RULES, OVERALL_RULE, MISSING_RULE, NO_VALUE         the texts to show beside the table (zh and en), with
//       each figure's own `formula` and `working`
//   agreementTableRows(report)                               rows for agreementCsv / agreementXlsx (exchange/)
//
// Adjudication view
//   await adjudicatePage({ page, coders, annotations, terms }, resolutions, { consensus: { id, name }, now })
//       → items (each disagreement: passage, each coder's spans and terms, its resolution if any), progress,
//         the consensus coder's annotations for the page (agreed passages + resolved items), stale resolutions
//   Resolution: { choice: 'accept', coder } | { choice: 'merge' } | { choice: 'neither' }, kept by the UI under
//   the item's key; call adjudicatePage again after any change to get the items and consensus anew.
//   await consensusCoderId(coderIds)                         the consensus coder's IRI (urn:uuid, name-based)
// (Both are async only for the SHA-1 of the name-based UUIDs, model/uuid.ts, which uses crypto.subtle.)
export * from './adjudication';
export * from './coders';
export * from './formulas';
export * from './report';
export * from './statistics';
export * from './table';
export * from './units';
