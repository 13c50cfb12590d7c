/**
 * 大屏: the wall view at /screen?token=fxd_…. No login: the display token from the URL is sent as a Bearer
 * token to the display overview, the only route that accepts it. A 1920×1080 stage scaled to the window
 * (16:9), rotating through four panel sets every 20 s (`rotate=N` seconds in the URL changes it) and
 * reloading today's figures every 15 s (`refresh=N`). A failed reload keeps the last figures on screen.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { HttpClient } from '../../api/client.js';
import { errorText } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { rangeOf } from '../dashboard/aggregate.js';
import { fetchDisplayOverview, type Overview } from '../dashboard/api.js';
import { useChinaMap } from '../dashboard/map-panel.js';
import { HotspotSet, RegionSet, ResponseSet, ScreenFigures, SituationSet } from './screen-panels.js';
import './bigscreen.css';

/**
 * How often the screen reloads its figures unless the URL says otherwise (`refresh=N` seconds, 5–600).
 * Polling, not Server-Sent Events: a display token travels as a Bearer header, which EventSource cannot
 * send, and it may open nothing but the display overview, which for today answers in tens of
 * milliseconds; a new item or alert shows within this interval.
 */
export const SCREEN_REFRESH_MS = 15_000;
/** How long each panel set stays up unless the URL says otherwise. */
export const ROTATE_MS = 20_000;

const STAGE = { width: 1920, height: 1080 };
const SETS: readonly { key: MessageKey; View: (props: { overview: Overview }) => React.JSX.Element }[] = [
  { key: 'screen.set.situation', View: SituationSet },
  { key: 'screen.set.regions', View: RegionSet },
  { key: 'screen.set.hotspots', View: HotspotSet },
  { key: 'screen.set.response', View: ResponseSet },
];

interface ScreenParams {
  token: string | null;
  unitId: string | null;
  rotateMs: number;
  refreshMs: number;
}

/** `seconds` from the URL in milliseconds when within `min`–`max`, else `fallback`. */
function secondsParam(value: string | null, min: number, max: number, fallback: number): number {
  const seconds = Number(value);
  return value !== null && Number.isFinite(seconds) && seconds >= min && seconds <= max
    ? seconds * 1000
    : fallback;
}

function paramsOf(search: string): ScreenParams {
  const params = new URLSearchParams(search);
  return {
    token: params.get('token'),
    unitId: params.get('unit'),
    rotateMs: secondsParam(params.get('rotate'), 3, 600, ROTATE_MS),
    refreshMs: secondsParam(params.get('refresh'), 5, 600, SCREEN_REFRESH_MS),
  };
}

/** A client that sends `token` as the Bearer token of every request. */
function displayClient(token: string): HttpClient {
  return new HttpClient({
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...init?.headers, authorization: `Bearer ${token}` } }),
  });
}

/** The stage's scale and offsets that fit it into the window, centred (letterboxed). */
interface Fit {
  scale: number;
  left: number;
  top: number;
}

function fitOf(): Fit {
  const scale = Math.min(window.innerWidth / STAGE.width, window.innerHeight / STAGE.height);
  return {
    scale,
    left: Math.max(0, (window.innerWidth - STAGE.width * scale) / 2),
    top: Math.max(0, (window.innerHeight - STAGE.height * scale) / 2),
  };
}

function useFit(): Fit {
  const [fit, setFit] = useState(fitOf);
  useEffect(() => {
    const update = () => setFit(fitOf());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return fit;
}

function useTicker(everyMs: number, count: number): number {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setIndex((at) => (at + 1) % count), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs, count]);
  return index;
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

type Loaded = { overview: Overview; at: Date; error: unknown } | { overview: null; at: null; error: unknown };

function useScreenData(params: ScreenParams): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ overview: null, at: null, error: null });
  const client = useMemo(() => (params.token ? displayClient(params.token) : null), [params.token]);
  const load = useCallback(async () => {
    if (!client) return;
    try {
      const overview = await fetchDisplayOverview(client, rangeOf('today', new Date()), params.unitId);
      setLoaded({ overview, at: new Date(), error: null });
    } catch (error) {
      setLoaded((last) => ({ ...last, error }));
    }
  }, [client, params.unitId]);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), params.refreshMs);
    return () => window.clearInterval(timer);
  }, [load, params.refreshMs]);
  return loaded;
}

function Notice({ title, text }: { title: string; text: string }) {
  return (
    <div className="fx-screen-notice" data-testid="screen-notice">
      <h1>{title}</h1>
      <p>{text}</p>
    </div>
  );
}

/** The big screen page (outside the signed-in shell). */
export function BigScreenPage() {
  const { t, language } = useI18n();
  const locale = language === 'zh' ? 'zh-CN' : 'en-US';
  const params = useMemo(() => paramsOf(window.location.search), []);
  const fit = useFit();
  const setIndex = useTicker(params.rotateMs, SETS.length);
  const now = useClock();
  const loaded = useScreenData(params);
  // Loads the China map while the first set is up, so the map set never opens on a spinner.
  useChinaMap();
  if (!params.token) return <Notice title={t('screen.noToken')} text={t('screen.noTokenHint')} />;
  if (loaded.overview === null) {
    return loaded.error ? (
      <Notice title={t('screen.badToken')} text={errorText(loaded.error, language)} />
    ) : null;
  }
  const set = SETS[setIndex] ?? SETS[0];
  const status = loaded.error
    ? t('screen.offline', { time: loaded.at.toLocaleTimeString(locale) })
    : t('screen.updated', { time: loaded.at.toLocaleTimeString(locale) });
  return (
    <div className="fx-screen-viewport">
      <div
        className="fx-screen"
        data-testid="bigscreen"
        data-ready="true"
        data-set={setIndex}
        style={{
          width: STAGE.width,
          height: STAGE.height,
          left: fit.left,
          top: fit.top,
          transform: `scale(${fit.scale})`,
        }}
      >
        <header className="fx-screen-head">
          <div className="clock">{now.toLocaleString(locale)}</div>
          <h1>
            {t('app.name')} · {t('screen.title')}
          </h1>
          <div className={`status ${loaded.error ? 'offline' : ''}`}>{status}</div>
        </header>
        <ScreenFigures overview={loaded.overview} />
        <nav className="fx-screen-sets">
          {SETS.map((entry, index) => (
            <span key={entry.key} className={index === setIndex ? 'active' : ''}>
              {t(entry.key)}
            </span>
          ))}
          <span className="range">{t('screen.today')}</span>
        </nav>
        {set && <set.View overview={loaded.overview} />}
      </div>
    </div>
  );
}
