import { useEffect, useState } from 'react';
import { api, isoFromLocalInput, type AggregateHistory, type StoredEvent } from '../api';
import { eventLabel, formatTime, formatValue, shortId } from '../format';
import { useLoad } from '../hooks';
import { ProblemMessage } from './ProblemMessage';

interface Props {
  aggregateId: string;
  /** Change it to read the history again (the strategy's version will do). */
  refreshKey?: unknown;
  onLoaded?: (history: AggregateHistory) => void;
}

/** The audit trail of one aggregate: every event, what it said, who caused it, when, and in which conversation. */
export function EventTimeline({ aggregateId, refreshKey, onLoaded }: Props) {
  const [asOfInput, setAsOfInput] = useState('');
  const asOf = isoFromLocalInput(asOfInput);
  const history = useLoad(() => api.events(aggregateId, asOf), [aggregateId, asOf, refreshKey]);

  useEffect(() => {
    if (history.data && !asOf) onLoaded?.(history.data);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [history.data]);

  const events = history.data?.events ?? [];
  return (
    <section className="panel timeline" aria-label="Event history">
      <div className="panel-head">
        <h2>
          Event history <span className="muted">({events.length})</span>
        </h2>
        <label className="inline small">
          as of
          <input type="datetime-local" step="1" value={asOfInput} onChange={(e) => setAsOfInput(e.target.value)} aria-label="As of" />
        </label>
        {asOfInput && (
          <button type="button" className="link" onClick={() => setAsOfInput('')}>
            now
          </button>
        )}
      </div>
      <ProblemMessage error={history.error} />
      {!history.loading && !history.error && events.length === 0 && <p className="muted">No events{asOf ? ' up to that moment' : ''}.</p>}
      <ol className="events">
        {events.map((event) => (
          <EventItem key={event.eventId} event={event} />
        ))}
      </ol>
    </section>
  );
}

function kindOf(type: string): string {
  if (/Created/.test(type)) return 'created';
  if (/Archived|Deleted|Cancel/.test(type)) return 'archived';
  if (/Changed|Renamed|Updated/.test(type)) return 'changed';
  return 'other';
}

export function EventItem({ event }: { event: StoredEvent }) {
  const meta = event.metaData ?? {};
  return (
    <li className={`event ${kindOf(event.type)}`} data-testid="event">
      <div className="event-head">
        <span className="seq">#{event.sequenceNumber}</span>
        <span className="event-type" title={event.type}>
          {eventLabel(event.type)}
        </span>
        {event.revision && <span className="tag">rev {event.revision}</span>}
        <time dateTime={event.timestamp} className="muted">
          {formatTime(event.timestamp, true)}
        </time>
      </div>
      <PayloadSummary event={event} />
      <dl className="meta">
        <dt>user</dt>
        <dd>{formatValue(meta.userId)}</dd>
        <dt>issued</dt>
        <dd>{formatTime(meta.issuedAt, true)}</dd>
        <dt>correlation</dt>
        <dd title={meta.correlationId}>{shortId(meta.correlationId)}</dd>
        <dt>causation</dt>
        <dd title={meta.causationId}>{shortId(meta.causationId)}</dd>
        <dt>event</dt>
        <dd title={event.eventId}>{shortId(event.eventId)}</dd>
      </dl>
      <details>
        <summary>payload</summary>
        <pre>{JSON.stringify(event.payload, null, 2)}</pre>
      </details>
    </li>
  );
}

type Params = Record<string, unknown>;

/** What changed, in words, for the events the UI knows; every other field as key = value. */
function PayloadSummary({ event }: { event: StoredEvent }) {
  const p = event.payload ?? {};
  if ('parameters' in p && 'previousParameters' in p) {
    const now = (p.parameters ?? {}) as Params;
    const before = (p.previousParameters ?? {}) as Params;
    const names = Array.from(new Set([...Object.keys(before), ...Object.keys(now)])).sort();
    return (
      <ul className="diff">
        {names.map((n) => {
          const changed = formatValue(before[n]) !== formatValue(now[n]);
          return (
            <li key={n} className={changed ? 'changed' : 'same'}>
              <span className="key">{n}</span> {changed ? `${formatValue(before[n])} → ${formatValue(now[n])}` : formatValue(now[n])}
            </li>
          );
        })}
      </ul>
    );
  }
  if ('name' in p && 'previousName' in p) {
    return (
      <ul className="diff">
        <li className="changed">
          <span className="key">name</span> {formatValue(p.previousName)} → {formatValue(p.name)}
        </li>
      </ul>
    );
  }
  const fields = Object.entries(p).filter(([k]) => !/Id$/.test(k) || k === 'ownerId');
  return (
    <ul className="fields">
      {fields.map(([k, v]) => (
        <li key={k}>
          <span className="key">{k}</span> {k === 'parameters' && v && typeof v === 'object' ? formatParams(v as Params) : formatValue(v)}
        </li>
      ))}
    </ul>
  );
}

function formatParams(p: Params): string {
  const entries = Object.entries(p);
  return entries.length === 0 ? '—' : entries.map(([k, v]) => `${k}=${formatValue(v)}`).join(', ');
}
