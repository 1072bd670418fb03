import { SettingsForm } from '@/components/settings/settings-form';
import { cardClass } from '@/components/ui/styles';
import { getStudySettings } from '@/lib/db/study-settings';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

export default async function SettingsPage() {
  const user = await requireUser();
  const settings = await getStudySettings(user.id);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Study settings</h1>
      <div className={cardClass}>
        <SettingsForm settings={settings} timeZones={Intl.supportedValuesOf('timeZone')} />
      </div>
    </section>
  );
}
