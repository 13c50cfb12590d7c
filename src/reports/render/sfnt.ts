/**
 * Just enough of the OpenType file formats for the renderers: the names of the faces in a font file or
 * collection (pdfkit needs a collection face's PostScript name, resvg and SVG need its family), and WOFF 1.0
 * to plain SFNT (resvg cannot read WOFF, and the bundled fallback font only ships as WOFF).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { AppError } from '../../platform/errors.js';

/** The names of one face in a font file. */
export interface FaceNames {
  /** Index of the face in a collection (0 for a single font). */
  index: number;
  family: string;
  postscriptName: string;
}

const TTC_TAG = 0x74746366; // 'ttcf'
const WOFF_TAG = 0x774f4646; // 'wOFF'
const NAME_TAG = 0x6e616d65; // 'name'
const ENGLISH_US = 0x409;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  if (read < length) throw new AppError('REPORT_FONT_MISSING', 'The font file is truncated', { position });
  return buffer;
}

function decodeName(platform: number, bytes: Buffer): string {
  if (platform === 1) return bytes.toString('latin1');
  const chars: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) chars.push(bytes.readUInt16BE(i));
  return String.fromCharCode(...chars);
}

/** Picks English names (Windows US English first, then Macintosh, then any) by name id. */
function pickNames(fd: number, tableOffset: number): Map<number, string> {
  const head = readAt(fd, tableOffset, 6);
  const count = head.readUInt16BE(2);
  const storage = tableOffset + head.readUInt16BE(4);
  const records = readAt(fd, tableOffset + 6, count * 12);
  const best = new Map<number, { rank: number; value: string }>();
  for (let i = 0; i < count; i += 1) {
    const at = i * 12;
    const platform = records.readUInt16BE(at);
    const language = records.readUInt16BE(at + 4);
    const nameId = records.readUInt16BE(at + 6);
    if (nameId !== 1 && nameId !== 6 && nameId !== 16) continue;
    const rank = platform === 3 && language === ENGLISH_US ? 0 : platform === 1 && language === 0 ? 1 : 2;
    const current = best.get(nameId);
    if (current !== undefined && current.rank <= rank) continue;
    const bytes = readAt(fd, storage + records.readUInt16BE(at + 10), records.readUInt16BE(at + 8));
    best.set(nameId, { rank, value: decodeName(platform, bytes) });
  }
  return new Map([...best].map(([id, entry]) => [id, entry.value]));
}

function faceNamesAt(fd: number, fontOffset: number, index: number): FaceNames {
  const numTables = readAt(fd, fontOffset + 4, 2).readUInt16BE(0);
  const directory = readAt(fd, fontOffset + 12, numTables * 16);
  for (let i = 0; i < numTables; i += 1) {
    if (directory.readUInt32BE(i * 16) !== NAME_TAG) continue;
    const names = pickNames(fd, directory.readUInt32BE(i * 16 + 8));
    const family = names.get(16) ?? names.get(1) ?? '';
    return { index, family, postscriptName: names.get(6) ?? family.replaceAll(' ', '') };
  }
  throw new AppError('REPORT_FONT_MISSING', 'The font has no name table', { index });
}

/** The faces of a TrueType/OpenType font or collection, read with a few small reads (collections are large). */
export function readFaceNames(path: string): FaceNames[] {
  const fd = openSync(path, 'r');
  try {
    const tag = readAt(fd, 0, 4).readUInt32BE(0);
    if (tag === WOFF_TAG) throw new AppError('REPORT_FONT_MISSING', 'WOFF must be converted first', { path });
    if (tag !== TTC_TAG) return [faceNamesAt(fd, 0, 0)];
    const numFonts = readAt(fd, 8, 4).readUInt32BE(0);
    const offsets = readAt(fd, 12, numFonts * 4);
    return Array.from({ length: numFonts }, (_, i) => faceNamesAt(fd, offsets.readUInt32BE(i * 4), i));
  } finally {
    closeSync(fd);
  }
}

/** True when the bytes start with the WOFF 1.0 signature. */
export function isWoff(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0) === WOFF_TAG;
}

interface WoffTable {
  tag: number;
  checksum: number;
  data: Buffer;
}

function woffTables(woff: Buffer): { flavor: number; tables: WoffTable[] } {
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: WoffTable[] = [];
  for (let i = 0; i < numTables; i += 1) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const original = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compressed);
    const data = compressed < original ? inflateSync(raw) : raw;
    if (data.length !== original) throw new AppError('REPORT_FONT_MISSING', 'A WOFF table is damaged', { i });
    tables.push({ tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  return { flavor, tables };
}

/** Converts WOFF 1.0 to the SFNT (TTF/OTF) it wraps: inflates each table and writes the plain layout. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (!isWoff(woff)) throw new AppError('REPORT_FONT_MISSING', 'Not a WOFF 1.0 file');
  const { flavor, tables } = woffTables(woff);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  const header = Buffer.alloc(12 + tables.length * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(tables.length, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(tables.length * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    header.writeUInt32BE(table.tag, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padding = (4 - (table.data.length % 4)) % 4;
    parts.push(table.data, Buffer.alloc(padding));
    offset += table.data.length + padding;
  });
  return Buffer.concat(parts);
}
