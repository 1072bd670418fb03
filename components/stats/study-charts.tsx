'use client';

import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastDay, WeekRetention } from '@/lib/stats/calendar';
import type { CardState, StateCounts } from '@/lib/stats/card-states';
import { CARD_STATES } from '@/lib/stats/card-states';
import { stateStyle } from './state-style';

/** Recharts' client-side charts: they size themselves to their box, so they fit a phone. */

const axis = { fontSize: 11, fill: 'currentColor' };

export function ForecastChart({ days }: { days: ForecastDay[] }) {
  const data = days.map((d) => ({ label: d.day === 0 ? 'Today' : d.date.slice(5), due: d.due, date: d.date }));
  return (
    <div className="h-56 w-full text-stone-500" data-testid="forecast-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#d6d3d1" />
          <XAxis dataKey="label" tick={axis} interval="preserveStartEnd" minTickGap={16} />
          <YAxis allowDecimals={false} tick={axis} />
          <Tooltip labelFormatter={(_, payload) => String(payload?.[0]?.payload?.date ?? '')} formatter={(v) => [v, 'cards due']} />
          <Bar dataKey="due" fill="#6366f1" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function RetentionChart({ weeks }: { weeks: WeekRetention[] }) {
  const data = weeks.map((w) => ({
    label: w.week.slice(5),
    retention: w.retention === null ? null : Math.round(w.retention * 1000) / 10,
    reviews: w.matureReviews,
    week: w.week,
  }));
  return (
    <div className="h-56 w-full text-stone-500" data-testid="retention-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#d6d3d1" />
          <XAxis dataKey="label" tick={axis} interval="preserveStartEnd" minTickGap={16} />
          <YAxis domain={[0, 100]} unit="%" tick={axis} />
          <Tooltip
            labelFormatter={(_, payload) => `Week of ${String(payload?.[0]?.payload?.week ?? '')}`}
            formatter={(v, _n, item) => [`${v} % of ${item.payload.reviews} mature reviews`, 'passed']}
          />
          <Line dataKey="retention" stroke="#059669" strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function StatesChart({ counts }: { counts: StateCounts }) {
  const data = CARD_STATES.map((state: CardState) => ({ state: stateStyle[state].label, cards: counts[state], key: state }));
  return (
    <div className="h-48 w-full text-stone-500" data-testid="states-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#d6d3d1" />
          <XAxis dataKey="state" tick={axis} interval={0} />
          <YAxis allowDecimals={false} tick={axis} />
          <Tooltip formatter={(v) => [v, 'cards']} />
          <Bar dataKey="cards" radius={[3, 3, 0, 0]} isAnimationActive={false}>
            {data.map((d) => <Cell key={d.key} fill={stateStyle[d.key].color} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
