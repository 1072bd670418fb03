'use client';

import { useActionState } from 'react';
import { buttonClass, inputClass } from '@/components/ui/styles';
import { updateSettingsAction, type SettingsFormState } from '@/lib/actions/update-settings';
import type { StudySettings } from '@/lib/srs/study-settings';

type Field = keyof StudySettings;

const SCHEDULER_CHOICES = [
  { value: 'sm2', label: 'SM-2', hint: '(default) the classic SuperMemo algorithm: intervals grow by each card\'s ease.' },
  { value: 'fsrs', label: 'FSRS', hint: 'models how well you remember each card and schedules it for 90 % recall.' },
] as const satisfies readonly { value: StudySettings['scheduler']; label: string; hint: string }[];

/** The study settings form; each field shows its zod errors beneath it. */
export function SettingsForm({ settings, timeZones }: { settings: StudySettings; timeZones: string[] }) {
  const [state, action, pending] = useActionState<SettingsFormState, FormData>(updateSettingsAction, {});
  const errors = (field: Field) =>
    state.errors?.[field]?.map((e) => <p key={e} id={`${field}-error`} className="text-sm text-red-600">{e}</p>);
  const initial = (field: Field) => state.values?.[field] ?? String(settings[field]);
  const described = (field: Field) => (state.errors?.[field] ? { 'aria-invalid': true, 'aria-describedby': `${field}-error` } : {});
  const number = (field: 'newPerDay' | 'reviewsPerDay' | 'rolloverHour' | 'leechLapses', label: string, hint: string) => (
    <div className="space-y-1">
      <label htmlFor={field} className="block text-sm font-medium">{label}</label>
      <input id={field} name={field} type="number" inputMode="numeric" defaultValue={initial(field)} className={inputClass} {...described(field)} />
      <p className="text-xs text-stone-500">{hint}</p>
      {errors(field)}
    </div>
  );

  return (
    <form action={action} className="space-y-5" noValidate>
      <div className="grid gap-5 sm:grid-cols-2">
        {number('newPerDay', 'New cards per day', 'Cards started for the first time each study day.')}
        {number('reviewsPerDay', 'Reviews per day', 'Scheduled reviews each study day; re-drills are extra.')}
        {number('rolloverHour', 'Day starts at (hour)', '0–23, in your time zone. Anki uses 4.')}
        <div className="space-y-1">
          <label htmlFor="timeZone" className="block text-sm font-medium">Time zone</label>
          <input id="timeZone" name="timeZone" list="time-zones" defaultValue={initial('timeZone')} className={inputClass} autoComplete="off" {...described('timeZone')} />
          <datalist id="time-zones">
            {timeZones.map((z) => <option key={z} value={z} />)}
          </datalist>
          <p className="text-xs text-stone-500">An IANA name such as Europe/Berlin.</p>
          {errors('timeZone')}
        </div>
        {number('leechLapses', 'Leech threshold (lapses)', 'A card forgotten this often is suspended as a leech.')}
        <div className="space-y-1">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="burySiblings" defaultChecked={state.values ? state.values.burySiblings === 'on' : settings.burySiblings} className="h-4 w-4" />
            Bury siblings
          </label>
          <p className="text-xs text-stone-500">Once a card of a topic is answered, its other cards wait until tomorrow.</p>
          {errors('burySiblings')}
        </div>
        <fieldset className="space-y-1 sm:col-span-2" {...described('scheduler')}>
          <legend className="text-sm font-medium">Scheduler</legend>
          {SCHEDULER_CHOICES.map((c) => (
            <label key={c.value} className="flex items-start gap-2 text-sm">
              <input type="radio" name="scheduler" value={c.value} defaultChecked={initial('scheduler') === c.value} className="mt-0.5 h-4 w-4" />
              <span><span className="font-medium">{c.label}</span> <span className="text-stone-500">{c.hint}</span></span>
            </label>
          ))}
          <p className="text-xs text-stone-500">Both keep learning from every answer, so you can switch either way without losing anything.</p>
          {errors('scheduler')}
        </fieldset>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>Save settings</button>
        {state.message && (
          <p role="status" className={`text-sm ${state.saved ? 'text-green-700' : 'text-red-600'}`}>{state.message}</p>
        )}
      </div>
    </form>
  );
}
