// What the pieces of an issuing-agency code (机关代字) stand for. Only conventions that hold wherever they are
// used are listed; a leading place character that is not a province-level abbreviation is left undecoded on purpose.
import type { LocalizedText } from './types';

export interface Province {
  name: string;
  en: string;
  /** Another place that uses the same character in its codes. */
  alsoUsedBy?: LocalizedText;
}

export const PROVINCES: Record<string, Province> = {
  京: { name: '北京市', en: 'Beijing' },
  津: { name: '天津市', en: 'Tianjin' },
  沪: { name: '上海市', en: 'Shanghai' },
  滬: { name: '上海市', en: 'Shanghai' },
  渝: { name: '重庆市', en: 'Chongqing' },
  冀: { name: '河北省', en: 'Hebei' },
  豫: { name: '河南省', en: 'Henan' },
  云: { name: '云南省', en: 'Yunnan' },
  雲: { name: '云南省', en: 'Yunnan' },
  滇: { name: '云南省', en: 'Yunnan' },
  辽: { name: '辽宁省', en: 'Liaoning' },
  遼: { name: '辽宁省', en: 'Liaoning' },
  黑: { name: '黑龙江省', en: 'Heilongjiang' },
  湘: { name: '湖南省', en: 'Hunan' },
  皖: { name: '安徽省', en: 'Anhui' },
  鲁: { name: '山东省', en: 'Shandong' },
  魯: { name: '山东省', en: 'Shandong' },
  新: { name: '新疆维吾尔自治区', en: 'Xinjiang' },
  苏: { name: '江苏省', en: 'Jiangsu' },
  蘇: { name: '江苏省', en: 'Jiangsu' },
  浙: { name: '浙江省', en: 'Zhejiang' },
  赣: { name: '江西省', en: 'Jiangxi' },
  贛: { name: '江西省', en: 'Jiangxi' },
  鄂: { name: '湖北省', en: 'Hubei' },
  桂: { name: '广西壮族自治区', en: 'Guangxi' },
  甘: { name: '甘肃省', en: 'Gansu' },
  晋: { name: '山西省', en: 'Shanxi' },
  晉: { name: '山西省', en: 'Shanxi' },
  蒙: { name: '内蒙古自治区', en: 'Inner Mongolia' },
  陕: { name: '陕西省', en: 'Shaanxi' },
  陝: { name: '陕西省', en: 'Shaanxi' },
  吉: { name: '吉林省', en: 'Jilin' },
  闽: { name: '福建省', en: 'Fujian' },
  閩: { name: '福建省', en: 'Fujian' },
  贵: { name: '贵州省', en: 'Guizhou' },
  貴: { name: '贵州省', en: 'Guizhou' },
  黔: { name: '贵州省', en: 'Guizhou' },
  粤: { name: '广东省', en: 'Guangdong' },
  粵: { name: '广东省', en: 'Guangdong' },
  青: { name: '青海省', en: 'Qinghai', alsoUsedBy: { zh: '青岛市', en: 'Qingdao' } },
  藏: { name: '西藏自治区', en: 'Tibet' },
  川: { name: '四川省', en: 'Sichuan' },
  宁: { name: '宁夏回族自治区', en: 'Ningxia', alsoUsedBy: { zh: '南京市', en: 'Nanjing' } },
  寧: { name: '宁夏回族自治区', en: 'Ningxia', alsoUsedBy: { zh: '南京市', en: 'Nanjing' } },
  琼: { name: '海南省', en: 'Hainan' },
  瓊: { name: '海南省', en: 'Hainan' },
};

/** Whole codes of central bodies, which name their issuer outright. */
export const CENTRAL_CODES: Record<string, LocalizedText> = {
  国发: { zh: '国务院', en: 'State Council' },
  国函: { zh: '国务院', en: 'State Council' },
  国办发: { zh: '国务院办公厅', en: 'General Office of the State Council' },
  国办函: { zh: '国务院办公厅', en: 'General Office of the State Council' },
  中发: { zh: '中共中央', en: 'CPC Central Committee' },
  中办发: { zh: '中共中央办公厅', en: 'General Office of the CPC Central Committee' },
  法发: { zh: '最高人民法院', en: "Supreme People's Court" },
  高检发: { zh: '最高人民检察院', en: "Supreme People's Procuratorate" },
  司发: { zh: '司法部', en: 'Ministry of Justice' },
  民发: { zh: '民政部', en: 'Ministry of Civil Affairs' },
  公通字: { zh: '公安部', en: 'Ministry of Public Security' },
  国税发: { zh: '国家税务总局', en: 'State Taxation Administration' },
  国税函: { zh: '国家税务总局', en: 'State Taxation Administration' },
  人社部发: { zh: '人力资源和社会保障部', en: 'Ministry of Human Resources and Social Security' },
  人社部函: { zh: '人力资源和社会保障部', en: 'Ministry of Human Resources and Social Security' },
};

/** Leading parts of central codes, shown piece by piece. */
export const CENTRAL_PREFIXES: Record<string, LocalizedText> = {
  国: { zh: '国务院', en: 'State Council' },
  中: { zh: '中共中央', en: 'CPC Central Committee' },
  工信部: { zh: '工业和信息化部', en: 'Ministry of Industry and Information Technology' },
  人社部: { zh: '人力资源和社会保障部', en: 'Ministry of Human Resources and Social Security' },
  国税: { zh: '国家税务总局', en: 'State Taxation Administration' },
  高检: { zh: '最高人民检察院', en: "Supreme People's Procuratorate" },
};

/** Decree and announcement issuers written as a short form. */
export const DECREE_ISSUERS: Record<string, LocalizedText> = {
  国: { zh: '国务院', en: 'State Council' },
  主席: { zh: '中华人民共和国主席', en: 'President of the PRC' },
};

/** Parts naming a body or sector. Longer parts are tried first. */
export const BODY_PARTS: Record<string, LocalizedText> = {
  编办: { zh: '机构编制委员会办公室', en: 'staffing commission office' },
  發改: { zh: '发展和改革部门', en: 'development and reform' },
  发改: { zh: '发展和改革部门', en: 'development and reform' },
  人社: { zh: '人力资源和社会保障部门', en: 'human resources and social security' },
  住建: { zh: '住房和城乡建设部门', en: 'housing and urban-rural development' },
  政: { zh: '人民政府', en: "people's government" },
  府: { zh: '人民政府', en: "people's government" },
  办: { zh: '办公厅或办公室', en: 'general office' },
  辦: { zh: '办公厅或办公室', en: 'general office' },
  法: { zh: '法制机构', en: 'legal affairs office' },
  署: { zh: '行政公署', en: 'prefectural administrative office' },
  厅: { zh: '办公厅或厅级部门', en: 'office or department (厅)' },
  廳: { zh: '办公厅或厅级部门', en: 'office or department (厅)' },
  委: { zh: '党委或委员会', en: 'Party committee or commission' },
  联: { zh: '联合发文', en: 'joint issue' },
  聯: { zh: '联合发文', en: 'joint issue' },
  财: { zh: '财政部门', en: 'finance' },
  教: { zh: '教育部门', en: 'education' },
};

/** The last part of a code: the series the number belongs to. */
export const SERIES_PARTS: Record<string, LocalizedText> = {
  明电: { zh: '明传电报', en: 'open telegram' },
  公告: { zh: '公告', en: 'announcement' },
  发: { zh: '发文', en: 'issued document (发 series)' },
  發: { zh: '发文', en: 'issued document (发 series)' },
  字: { zh: '字号', en: '字 series' },
  函: { zh: '函件', en: 'letter (函 series)' },
  文: { zh: '发文', en: 'issued document (文 series)' },
  令: { zh: '命令', en: 'decree' },
};

export const LOCAL_PLACE: LocalizedText = {
  zh: '地方简称，代字本身未说明是哪个地方',
  en: 'local abbreviation (the code alone does not say which place)',
};

export const UNDECODED: LocalizedText = { zh: '未能解读', en: 'not decoded' };
