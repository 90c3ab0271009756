// Traditional characters folded to simplified ones, so that 辦理行政復議案件 (a mirror in traditional script)
// and 办理行政复议案件 line up as one indicator, and 張店區人民政府 as one issuer. The table holds the
// characters of government reports (administration, law, counts, places), not all of Chinese: a character
// it lacks stays as it is, which only costs a grouping the user can still make by hand.

const PAIRS =
  '辦办復复議议審审項项證证務务門门區区縣县規规範范執执決决訴诉舉举會会員员處处權权關关號号們们質质違违應应開开'
  + '機机構构廳厅鄉乡鎮镇縣县營营廣广東东開开發发動动實实際际對对於于與与並并為为從从這这個个數数據据統统計计劃划'
  + '體体係系經经濟济產产業业類类傳传導导專专題题訓训練练學学習习講讲話话識识讀读會会議议論论證证評评測测檢检查查'
  + '調调節节設设備备點点線线網网絡络資资訊讯報报紙纸導导彙汇總总結结編编製制訂订頒颁佈布轉转換换記记錄录檔档案案'
  + '樣样態态環环境境護护衛卫醫医藥药療疗險险災灾難难決决糾纠紛纷勞劳賠赔償偿稅税費费價价錢钱銀银貸贷標标準准級级'
  + '確确認认達达遞递屆届辭辞選选舉举協协辦办級级區区縣县廠厂礦矿農农務务漁渔禮礼樂乐藝艺術术圖图書书館馆歷历史史'
  + '車车輛辆鐵铁橋桥場场園园樓楼層层廈厦莊庄塊块單单雙双兩两萬万億亿幾几張张條条隻只種种組组織织團团隊队屆届'
  + '長长鄰邻戶户參参與与贊赞頭头夠够壓压縮缩減减簡简當当淨净監监督督責责罰罚擬拟廢废撤撤銷销繼继續续維维護护'
  + '聽听聯联繫系鬥斗爭争衝冲突突護护態态島岛灣湾華华僑侨澳澳臺台灣湾壩坝淵渊漢汉滬沪蘇苏瀋沈遼辽黑黑龍龙貴贵'
  + '寧宁陝陕豐丰澤泽濱滨瀏浏覽览點点擊击頁页網网獲获獎奖優优秀秀績绩範范綫线盡尽驗验證证顧顾問问師师徵征收收'
  + '稱称謂谓則则綱纲領领導导幹干雜杂嚴严懲惩劃划補补貼贴創创滿满圓圆謀谋畫画響响應应嚇吓階阶級级鑑鉴別别屬属'
  + '負负擔担蓋盖額额錯错義义極极觀观愛爱圍围繞绕匯汇裏里陽阳慶庆臨临騰腾遠远進进邊边遷迁運运過过還还適适選选';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) if (PAIRS[i] !== PAIRS[i + 1]) MAP.set(PAIRS[i], PAIRS[i + 1]);

/** The text with the traditional characters of the table replaced by their simplified forms. */
export function foldTraditional(text: string): string {
  let out = '';
  for (const ch of text) out += MAP.get(ch) ?? ch;
  return out;
}
