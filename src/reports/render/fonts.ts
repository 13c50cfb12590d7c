/**
 * Finding a Chinese font without configuration (issue 7): PDF must embed one and PNG charts must be drawn
 * with one, or Chinese prints as empty boxes. Order: a path the caller passes (config `REPORT_FONT`), the
 * well-known system locations (Debian `fonts-noto-cjk` first, then WenQuanYi and Arphic), whatever
 * fontconfig knows for Chinese, and last the optional npm package `@openfonts/noto-sans-sc_all` (WOFF,
 * converted once to OTF in the temporary folder). The answer is cached per process.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../../platform/errors.js';
import { isWoff, readFaceNames, woffToSfnt, type FaceNames } from './sfnt.js';

/** One face of a font file, as pdfkit and resvg need it. */
export interface FontFace {
  path: string;
  family: string;
  postscriptName: string;
  /** The file is a collection (TTC): pdfkit must be given {@link postscriptName} to pick the face. */
  collection: boolean;
}

/** The Chinese faces a report is drawn with; missing weights fall back to the regular face. */
export interface CjkFont {
  source: 'option' | 'system' | 'fontconfig' | 'bundled';
  /** Body text (a serif/Song face when there is one, like 仿宋/宋体 in office documents). */
  regular: FontFace;
  bold: FontFace;
  /** Headings and charts (a sans/Hei face when there is one, like 黑体). */
  sans: FontFace;
  sansBold: FontFace;
  /** Every distinct file, for resvg's `fontFiles`. */
  files: string[];
  /** One line for logs and docs: where the font came from. */
  description: string;
}

/** How to look for the font. */
export interface FontOptions {
  /** An explicit TTF, OTF, TTC or WOFF file (config `REPORT_FONT`); wins over everything else. */
  fontPath?: string;
  /** Look at system fonts (default true); false goes straight to the bundled package (tests). */
  systemFonts?: boolean;
}

const FC_LIST_TIMEOUT_MS = 3000;
const SYSTEM_DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/google-noto-cjk',
  '/usr/share/fonts/opentype/noto-cjk',
  '/usr/share/fonts/noto',
  '/usr/local/share/fonts',
];
/** Regular, bold, sans, sans bold file names of one family of files; later names fill missing ones. */
const NOTO_FILES = [
  'NotoSerifCJK-Regular.ttc',
  'NotoSerifCJK-Bold.ttc',
  'NotoSansCJK-Regular.ttc',
  'NotoSansCJK-Bold.ttc',
] as const;
/** Single-face fallbacks used for every role. */
const OTHER_SYSTEM_FILES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc',
  '/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/arphic/uming.ttc',
  '/usr/share/fonts/truetype/arphic/ukai.ttc',
];
const BUNDLED_PACKAGE = '@openfonts/noto-sans-sc_all';
/** Prefers the simplified-Chinese face of a pan-CJK collection. */
const SIMPLIFIED = /(^|[^a-z])(sc|cn|gb)([^a-z]|$)|CJKsc/i;

/** The face of a file that prints simplified Chinese best (the SC face of a Noto CJK collection). */
export function pickFace(path: string): FontFace {
  const faces = readFaceNames(path);
  const plain = faces.filter((face) => !/mono/i.test(face.family));
  const pool = plain.length > 0 ? plain : faces;
  const chosen: FaceNames | undefined =
    pool.find((face) => SIMPLIFIED.test(face.family) || SIMPLIFIED.test(face.postscriptName)) ?? pool[0];
  if (chosen === undefined) throw new AppError('REPORT_FONT_MISSING', 'The font file has no faces', { path });
  return { path, family: chosen.family, postscriptName: chosen.postscriptName, collection: faces.length > 1 };
}

/** The faces found for each role; only one is needed, the others fall back to it. */
interface FoundFaces {
  regular: FontFace | null;
  bold?: FontFace | null;
  sans?: FontFace | null;
  sansBold?: FontFace | null;
}

function assemble(source: CjkFont['source'], found: FoundFaces, where: string): CjkFont | null {
  const regular = found.regular ?? found.sans ?? null;
  if (regular === null) return null;
  const bold = found.bold ?? (found.regular === null ? found.sansBold : null) ?? regular;
  const sans = found.sans ?? regular;
  const sansBold = found.sansBold ?? (found.sans === null || found.sans === undefined ? bold : sans);
  const files = [...new Set([regular, bold, sans, sansBold].map((face) => face.path))];
  const description = `${source}: ${regular.family} (${where})`;
  return { source, regular, bold, sans, sansBold, files, description };
}

/** Converts a WOFF to an OTF in the temporary folder once (named by size, so a new version converts again). */
function sfntPath(path: string): string {
  const bytes = readFileSync(path);
  if (!isWoff(bytes)) return path;
  const folder = join(tmpdir(), 'fengxiang-fonts');
  const target = join(folder, `${basename(path, extname(path))}-${statSync(path).size}.otf`);
  if (existsSync(target)) return target;
  mkdirSync(folder, { recursive: true });
  const partial = `${target}.${process.pid}.tmp`;
  writeFileSync(partial, woffToSfnt(bytes));
  renameSync(partial, target);
  return target;
}

function fromPath(fontPath: string): CjkFont {
  if (!existsSync(fontPath)) {
    throw new AppError('REPORT_FONT_MISSING', `The report font ${fontPath} does not exist`, { fontPath });
  }
  const face = pickFace(sfntPath(fontPath));
  return {
    source: 'option',
    regular: face,
    bold: face,
    sans: face,
    sansBold: face,
    files: [face.path],
    description: `option: ${face.family} (${fontPath})`,
  };
}

function fromSystemPaths(): CjkFont | null {
  for (const dir of SYSTEM_DIRS) {
    const [regular = null, bold, sans, sansBold] = NOTO_FILES.map((name) => join(dir, name)).map((path) =>
      existsSync(path) ? pickFace(path) : null,
    );
    const found = assemble('system', { regular, bold, sans, sansBold }, dir);
    if (found !== null) return found;
  }
  const single = OTHER_SYSTEM_FILES.find((path) => existsSync(path));
  return single === undefined ? null : assemble('system', { regular: pickFace(single) }, single);
}

interface FcEntry {
  file: string;
  family: string;
  weight: number;
}

/** Asks fontconfig for Chinese fonts (with a timeout); nothing when fc-list is missing or fails. */
async function fcList(): Promise<FcEntry[]> {
  try {
    const { stdout } = await promisify(execFile)(
      'fc-list',
      [':lang=zh', '-f', '%{file}\t%{family[0]}\t%{weight}\n'],
      { timeout: FC_LIST_TIMEOUT_MS },
    );
    return stdout
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((parts) => parts.length === 3 && /\.(ttf|otf|ttc)$/i.test(parts[0] ?? ''))
      .map(([file = '', family = '', weight = '80']) => ({ file, family, weight: Number(weight) }));
  } catch {
    return [];
  }
}

async function fromFontconfig(): Promise<CjkFont | null> {
  const entries = (await fcList()).filter((entry) => !/mono/i.test(entry.family));
  const rank = (entry: FcEntry): number => (SIMPLIFIED.test(entry.family) ? 0 : 1);
  entries.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file));
  const regular = entries.find((entry) => entry.weight >= 50 && entry.weight <= 100);
  if (regular === undefined) return null;
  const bold = entries.find((entry) => entry.family === regular.family && entry.weight >= 180);
  const boldFace = bold === undefined ? null : pickFace(bold.file);
  return assemble('fontconfig', { regular: pickFace(regular.file), bold: boldFace }, 'fc-list :lang=zh');
}

function fromBundled(): CjkFont | null {
  const require = createRequire(import.meta.url);
  const resolve = (weight: number): string | null => {
    try {
      return require.resolve(`${BUNDLED_PACKAGE}/files/noto-sans-sc-all-${weight}.woff`);
    } catch {
      return null;
    }
  };
  const [regular = null, bold] = [resolve(400), resolve(700)].map((path) =>
    path === null ? null : pickFace(sfntPath(path)),
  );
  return assemble('bundled', { regular, bold }, BUNDLED_PACKAGE);
}

async function locate(options: FontOptions): Promise<CjkFont> {
  if (options.fontPath !== undefined && options.fontPath !== '') return fromPath(options.fontPath);
  if (options.systemFonts !== false) {
    const system = fromSystemPaths() ?? (await fromFontconfig());
    if (system !== null) return system;
  }
  const bundled = fromBundled();
  if (bundled !== null) return bundled;
  throw new AppError(
    'REPORT_FONT_MISSING',
    'No Chinese font found: install fonts-noto-cjk (apt-get install fonts-noto-cjk) or set REPORT_FONT',
  );
}

const cache = new Map<string, Promise<CjkFont>>();

/** The Chinese font to draw reports with, found once per process and option set. */
export function findCjkFont(options: FontOptions = {}): Promise<CjkFont> {
  const key = JSON.stringify([options.fontPath ?? '', options.systemFonts ?? true]);
  let found = cache.get(key);
  if (found === undefined) {
    found = locate(options);
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}
