/**
 * A minimal ZIP archive writer and reader for evidence packages. The writer stores files uncompressed
 * ("stored", method 0) so every file's bytes sit in the archive exactly as hashed; names are UTF-8 (flag
 * bit 11). The reader also inflates deflated entries (method 8), so a package that someone re-zipped with
 * an ordinary tool can still be verified. No ZIP64: a package stays below 4 GiB and 65,535 files.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { AppError } from '../../platform/errors.js';

/** One file to put into an archive. */
export interface ZipInput {
  name: string;
  data: Uint8Array;
}

/** One file read from an archive, with whether its bytes match the CRC-32 the archive recorded. */
export interface ZipEntry {
  name: string;
  data: Buffer;
  crcValid: boolean;
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const UTF8_FLAG = 0x0800;
const MAX_32 = 0xffffffff;

function invalid(message: string): AppError {
  return new AppError('EVIDENCE_PACKAGE_INVALID', message, {});
}

/** MS-DOS time and date fields of `at` (UTC; ZIP has no zone). */
function dosTime(at: number): { time: number; date: number } {
  const d = new Date(at);
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** Writes a store-only ZIP archive of `files`, every entry stamped with the time `at`. */
export function writeZip(files: readonly ZipInput[], at: number): Buffer {
  if (files.length > 0xffff) throw invalid('too many files for one package');
  const { time, date } = dosTime(at);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const data = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
    const crc = crc32(data);
    if (data.length >= MAX_32 || offset >= MAX_32) throw invalid('package larger than 4 GiB');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIG, 0);
    local.writeUInt16LE(10, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_SIG, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(10, 6);
    central.writeUInt16LE(UTF8_FLAG, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIG, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function findEnd(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at -= 1) {
    if (zip.readUInt32LE(at) === END_SIG) return at;
  }
  throw invalid('not a ZIP archive (no end of central directory)');
}

function entryData(zip: Buffer, localOffset: number, method: number, size: number, rawSize: number): Buffer {
  if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL_SIG) {
    throw invalid('a ZIP entry points at no local header');
  }
  const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
  if (start + size > zip.length) throw invalid('a ZIP entry runs past the end of the archive');
  const stored = zip.subarray(start, start + size);
  if (method === 0) return Buffer.from(stored);
  if (method === 8) {
    try {
      return inflateRawSync(stored, { maxOutputLength: Math.max(rawSize, 1) });
    } catch {
      throw invalid('a deflated ZIP entry cannot be inflated');
    }
  }
  throw invalid(`unsupported ZIP compression method ${method}`);
}

/** Reads every file of a ZIP archive; EVIDENCE_PACKAGE_INVALID when the archive is malformed. */
export function readZip(zip: Buffer): ZipEntry[] {
  if (zip.length < 22) throw invalid('not a ZIP archive (too short)');
  const end = findEnd(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_SIG) {
      throw invalid('the ZIP central directory is damaged');
    }
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const rawSize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const data = entryData(zip, zip.readUInt32LE(at + 42), method, size, rawSize);
    entries.push({ name, data, crcValid: crc32(data) === crc && data.length === rawSize });
    at += 46 + nameLength + skip;
  }
  return entries;
}
