// Small display helpers shared by the pages.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An ISO instant as local `YYYY-MM-DD HH:mm:ss`; with `millis`, `.SSS` too. */
export function formatTime(iso: string | undefined | null, millis = false): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return millis ? `${base}.${pad(d.getMilliseconds(), 3)}` : base;
}

/** The first block of a UUID, enough to tell ids apart on screen. */
export function shortId(id: string | undefined | null): string {
  if (!id) return '—';
  return id.length > 8 ? id.slice(0, 8) : id;
}

/** `SMA_CROSSOVER` as `SMA crossover`. */
export function typeLabel(type: string): string {
  const [first, ...rest] = type.split('_');
  return [first, ...rest.map((w) => w.toLowerCase())].join(' ');
}

/** `StrategyParametersChangedEvent` as `Strategy parameters changed`. */
export function eventLabel(type: string): string {
  const words = type.replace(/Event$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
  return words.map((w, i) => (i === 0 ? w : w.toLowerCase())).join(' ');
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function formatParameters(parameters: Record<string, unknown> | undefined | null): string {
  if (!parameters) return '';
  return Object.entries(parameters)
    .map(([k, v]) => `${k}=${formatValue(v)}`)
    .join('  ');
}
