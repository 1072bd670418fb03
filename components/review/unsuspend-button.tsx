'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { secondaryButtonClass } from '@/components/ui/styles';
import { unsuspendLeechAction } from '@/lib/actions/unsuspend-leech';

export function UnsuspendButton({ cardId }: { cardId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        onClick={() => start(async () => {
          const result = await unsuspendLeechAction({ cardId });
          setError(result.ok ? null : result.error);
          router.refresh();
        })}
      >
        Unsuspend
      </button>
      {error && <span role="alert" className="text-sm text-red-600">{error}</span>}
    </span>
  );
}
