// Chinese numerals as they appear in heading ordinals (十一) and in old-style dates (二〇一八年三月七日); their values
// come from the recognisers' own reading (recognition/chinese-numerals.ts), so that both read them alike.

export const CHINESE_DIGIT_CLASS = '〇零○Ｏ一二三四五六七八九十';
