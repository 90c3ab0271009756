// One spelling for a document number, so that 张政字[2018]8号, 张政字〔2018〕8号 and 张政字（２０１８）08号 —
// all seen in the wild for the same document — find the same page.
import { foldDigits } from '../recognition/chars';

const BRACKETS = /[[［【〔﹝(（]\s*(\d{4})\s*[\]］】〕﹞)）]/;

export function docNumberKey(docNumber: string): string {
  return foldDigits(docNumber)
    .replace(/\s+/g, '')
    .replace(BRACKETS, '〔$1〕')
    .replace(/(〔\d{4}〕第?)0+(\d)/, '$1$2');
}
