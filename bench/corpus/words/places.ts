/**
 * Real administrative divisions for the synthetic corpus: province (official full name and the short name
 * people write), some of its cities and some of their counties/districts. Written by hand for the bench;
 * the order is roughly by how often each place shows up online, which the Zipf sampler turns into
 * frequencies (Beijing common, Qinghai rare).
 */

/** One county-level division and the city above it. */
export interface Place {
  province: string;
  provinceShort: string;
  city: string;
  cityShort: string;
  county: string | null;
}

/** `全称|简称|市1:县1,县2;市2:县3` — municipalities repeat their name as the city. */
const PROVINCE_LINES = [
  '北京市|北京|北京市:朝阳区,海淀区,丰台区,昌平区,大兴区,通州区,顺义区',
  '广东省|广东|广州市:天河区,白云区,番禺区,海珠区;深圳市:南山区,福田区,宝安区,龙岗区;东莞市:;佛山市:南海区,顺德区',
  '上海市|上海|上海市:浦东新区,闵行区,徐汇区,宝山区,松江区,嘉定区',
  '江苏省|江苏|南京市:鼓楼区,江宁区,玄武区;苏州市:吴中区,昆山市,常熟市;无锡市:江阴市,宜兴市',
  '浙江省|浙江|杭州市:西湖区,余杭区,萧山区;宁波市:鄞州区,慈溪市;温州市:瑞安市,乐清市',
  '山东省|山东|济南市:历下区,章丘区;青岛市:黄岛区,即墨区,胶州市;临沂市:兰山区,沂水县',
  '河南省|河南|郑州市:金水区,中原区,新郑市;洛阳市:洛龙区,偃师区;南阳市:宛城区,邓州市',
  '四川省|四川|成都市:武侯区,锦江区,双流区,郫都区;绵阳市:涪城区,江油市;南充市:顺庆区,阆中市',
  '湖北省|湖北|武汉市:洪山区,武昌区,江汉区,汉阳区;宜昌市:夷陵区,枝江市;襄阳市:樊城区,枣阳市',
  '湖南省|湖南|长沙市:岳麓区,雨花区,浏阳市;株洲市:天元区,醴陵市;衡阳市:蒸湘区,耒阳市',
  '河北省|河北|石家庄市:长安区,正定县;保定市:莲池区,涿州市;唐山市:路北区,迁安市',
  '福建省|福建|福州市:鼓楼区,仓山区,福清市;厦门市:思明区,湖里区,集美区;泉州市:晋江市,石狮市',
  '重庆市|重庆|重庆市:渝中区,江北区,渝北区,沙坪坝区,万州区,涪陵区',
  '天津市|天津|天津市:和平区,南开区,滨海新区,武清区',
  '陕西省|陕西|西安市:雁塔区,碑林区,长安区,未央区;宝鸡市:渭滨区,岐山县;咸阳市:秦都区,兴平市',
  '安徽省|安徽|合肥市:蜀山区,包河区,肥西县;芜湖市:镜湖区,无为市;阜阳市:颍州区,临泉县',
  '江西省|江西|南昌市:东湖区,红谷滩区;赣州市:章贡区,瑞金市;九江市:浔阳区,庐山市',
  '辽宁省|辽宁|沈阳市:和平区,浑南区;大连市:中山区,金州区,瓦房店市;鞍山市:铁东区,海城市',
  '广西壮族自治区|广西|南宁市:青秀区,西乡塘区;柳州市:城中区,柳江区;桂林市:秀峰区,阳朔县',
  '云南省|云南|昆明市:五华区,盘龙区,官渡区;大理白族自治州:大理市,宾川县;曲靖市:麒麟区,宣威市',
  '山西省|山西|太原市:小店区,迎泽区;大同市:平城区,云冈区;运城市:盐湖区,永济市',
  '黑龙江省|黑龙江|哈尔滨市:南岗区,道里区,香坊区;齐齐哈尔市:龙沙区,讷河市;大庆市:萨尔图区',
  '吉林省|吉林|长春市:朝阳区,南关区,九台区;吉林市:船营区,蛟河市;延边朝鲜族自治州:延吉市,珲春市',
  '贵州省|贵州|贵阳市:南明区,云岩区,花溪区;遵义市:红花岗区,仁怀市;毕节市:七星关区,威宁彝族回族苗族自治县',
  '内蒙古自治区|内蒙古|呼和浩特市:新城区,赛罕区;包头市:昆都仑区,青山区;鄂尔多斯市:东胜区,准格尔旗',
  '新疆维吾尔自治区|新疆|乌鲁木齐市:天山区,沙依巴克区;喀什地区:喀什市,疏勒县;伊犁哈萨克自治州:伊宁市,霍城县',
  '甘肃省|甘肃|兰州市:城关区,七里河区;天水市:秦州区,甘谷县;酒泉市:肃州区,敦煌市',
  '海南省|海南|海口市:龙华区,美兰区;三亚市:吉阳区,天涯区;儋州市:',
  '宁夏回族自治区|宁夏|银川市:兴庆区,金凤区;石嘴山市:大武口区,平罗县;固原市:原州区,西吉县',
  '青海省|青海|西宁市:城东区,城西区;海东市:乐都区,互助土族自治县;玉树藏族自治州:玉树市',
  '西藏自治区|西藏|拉萨市:城关区,堆龙德庆区;日喀则市:桑珠孜区,江孜县;林芝市:巴宜区',
];

const SUFFIXES = ['特别行政区', '壮族自治区', '回族自治区', '维吾尔自治区', '自治区', '省', '市'];

function shortCity(city: string): string {
  for (const suffix of ['白族自治州', '朝鲜族自治州', '哈萨克自治州', '藏族自治州', '地区', '市']) {
    if (city.endsWith(suffix) && city.length > suffix.length + 1) return city.slice(0, -suffix.length);
  }
  return city;
}

function parseProvince(line: string): Place[] {
  const [province = '', provinceShort = '', citiesPart = ''] = line.split('|');
  const places: Place[] = [];
  for (const cityPart of citiesPart.split(';')) {
    const [city = '', countiesPart = ''] = cityPart.split(':');
    const counties = countiesPart === '' ? [] : countiesPart.split(',');
    const base = { province, provinceShort, city, cityShort: shortCity(city) };
    if (counties.length === 0) places.push({ ...base, county: null });
    for (const county of counties) places.push({ ...base, county });
  }
  return places;
}

/** Provinces in frequency order, each with its county-level places. */
export const PROVINCES: readonly (readonly Place[])[] = PROVINCE_LINES.map(parseProvince);

/** True when `name` looks like a full province name (used by the tests to check region shapes). */
export function isProvinceFullName(name: string): boolean {
  return SUFFIXES.some((suffix) => name.endsWith(suffix));
}
