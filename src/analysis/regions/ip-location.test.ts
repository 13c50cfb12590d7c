import { describe, expect, it } from 'vitest';
import { regionOfIpLocation } from './ip-location.js';
import { loadGazetteer } from './load.js';

const gazetteer = loadGazetteer();

describe('regionOfIpLocation', () => {
  it.each([
    ['江苏', { province: '江苏省', city: null, county: null }],
    ['IP属地：广东', { province: '广东省', city: null, county: null }],
    ['IP属地:浙江', { province: '浙江省', city: null, county: null }],
    ['ip属地 四川', { province: '四川省', city: null, county: null }],
    ['北京', { province: '北京市', city: '北京市', county: null }],
    ['上海', { province: '上海市', city: '上海市', county: null }],
    ['吉林', { province: '吉林省', city: null, county: null }],
    ['内蒙古', { province: '内蒙古自治区', city: null, county: null }],
    ['新疆', { province: '新疆维吾尔自治区', city: null, county: null }],
    ['中国香港', { province: '香港特别行政区', city: null, county: null }],
    ['广东广州', { province: '广东省', city: '广州市', county: null }],
    ['美国', null],
    ['未知', null],
    ['', null],
  ])('%s', (label, expected) => {
    expect(regionOfIpLocation(label, gazetteer)).toEqual(expected);
  });
});
