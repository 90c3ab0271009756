import { describe, expect, it } from 'vitest';
import { recognizeFigures } from '../../../recognition/figures';
import { indicatorValue } from '../../../indicators/value';

function valueOf(text: string) {
  const [figure] = recognizeFigures(text);
  return indicatorValue(figure);
}

describe('indicator values', () => {
  it('applies the magnitude and keeps the number as written', () => {
    expect(valueOf('办理行政复议案件25.7万件')).toMatchObject({ value: 257000, number: '25.7', magnitude: '万', unit: '件', bound: 'exact' });
    expect(valueOf('实际利用外资1.98亿美元')).toMatchObject({ value: 198000000, unit: '美元', magnitude: '亿' });
  });

  it('keeps 余, 多, 以上, 超过, 近 and 约 as qualifiers with the bound they give', () => {
    expect(valueOf('培训执法人员480余名')).toMatchObject({ value: 480, unit: '名', qualifiers: ['余'], bound: 'more' });
    expect(valueOf('工作人员1400多名')).toMatchObject({ qualifiers: ['多'], bound: 'more' });
    expect(valueOf('办结时限缩短70%以上')).toMatchObject({ value: 70, unit: '%', qualifiers: ['以上'], bound: 'more' });
    expect(valueOf('项目总投资额累计超过53亿元')).toMatchObject({ value: 5.3e9, qualifiers: ['超过'], bound: 'more' });
    expect(valueOf('参训人员近300人')).toMatchObject({ value: 300, qualifiers: ['近'], bound: 'less' });
    expect(valueOf('纠错决定的约3万件')).toMatchObject({ value: 30000, qualifiers: ['约'], bound: 'about' });
    expect(valueOf('约30人左右')).toMatchObject({ qualifiers: ['约', '左右'], bound: 'about' });
    expect(valueOf('精简率达48.6%')).toMatchObject({ qualifiers: [], bound: 'exact' });
  });

  it('folds traditional units and full-width percent signs', () => {
    expect(valueOf('承接市級賦權108項')).toMatchObject({ value: 108, unit: '项' });
    expect(valueOf('拆除違法建設面積135萬平方米')).toMatchObject({ value: 1350000, unit: '平方米', magnitude: '万' });
    expect(valueOf('出庭率９６．２５％')).toMatchObject({ value: 96.25, unit: '%' });
  });
});
