/** The ZIP writer and reader: what is written reads back byte for byte; damage is reported. */
import { deflateRawSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { readZip, writeZip } from './zip.js';

const AT = Date.UTC(2024, 4, 3, 4, 5, 6);

describe('writeZip / readZip', () => {
  const cases: { name: string; files: { name: string; data: Buffer }[] }[] = [
    { name: 'no files', files: [] },
    { name: 'one empty file', files: [{ name: 'empty.txt', data: Buffer.alloc(0) }] },
    {
      name: 'UTF-8 names and binary data',
      files: [
        { name: '证据/页面.html', data: Buffer.from('<p>某地发生事故</p>', 'utf8') },
        { name: 'bytes.bin', data: Buffer.from([0, 1, 2, 255, 254, 0x50, 0x4b, 5, 6]) },
      ],
    },
  ];
  it.each(cases)('round-trips $name', ({ files }) => {
    const entries = readZip(writeZip(files, AT));
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    entries.forEach((entry, index) => {
      expect(entry.data.equals(files[index]?.data ?? Buffer.alloc(1))).toBe(true);
      expect(entry.crcValid).toBe(true);
    });
  });

  it('reports a changed byte as a CRC mismatch', () => {
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('hello world') }], AT);
    const at = zip.indexOf('hello');
    zip[at] = 'j'.charCodeAt(0);
    const [entry] = readZip(zip);
    expect(entry?.data.toString()).toBe('jello world');
    expect(entry?.crcValid).toBe(false);
  });

  it('reads a deflated entry', () => {
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('aaaaaaaaaaaaaaaaaaaa') }], AT);
    // Rewrite the single entry as deflated: method 8 and the compressed bytes, sizes and offsets fixed up.
    const data = Buffer.from('aaaaaaaaaaaaaaaaaaaa');
    const packed = deflateRawSync(data);
    const name = Buffer.from('a.txt');
    const local = Buffer.from(zip.subarray(0, 30));
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    const centralStart = 30 + name.length + data.length;
    const central = Buffer.from(zip.subarray(centralStart, centralStart + 46 + name.length));
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    const end = Buffer.from(zip.subarray(zip.length - 22));
    end.writeUInt32LE(30 + name.length + packed.length, 16);
    const rebuilt = Buffer.concat([local, name, packed, central, end]);
    const [entry] = readZip(rebuilt);
    expect(entry?.data.equals(data)).toBe(true);
    expect(entry?.crcValid).toBe(crc32(data) === local.readUInt32LE(14));
  });

  const broken: { name: string; bytes: Buffer }[] = [
    { name: 'too short', bytes: Buffer.from('PK') },
    { name: 'not a zip', bytes: Buffer.from('x'.repeat(100)) },
    {
      name: 'truncated archive',
      bytes: writeZip([{ name: 'a.txt', data: Buffer.from('hello') }], AT).subarray(10),
    },
  ];
  it.each(broken)('refuses $name with EVIDENCE_PACKAGE_INVALID', ({ bytes }) => {
    let caught: unknown;
    try {
      readZip(bytes);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'EVIDENCE_PACKAGE_INVALID')).toBe(true);
  });
});
