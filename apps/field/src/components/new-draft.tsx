import { useEffect, useRef, useState } from 'react';
import { nowIso } from '../lib/clock';
import { navigate } from '../lib/router';
import { saveDraft } from '../storage/drafts';
import type { StorageError } from '../storage/errors';
import type { AnyRecord, FormPosition } from '../storage/types';
import { StorageErrorMessage } from './storage-error-message';

/** Writes a new draft then opens it (replacing the « new » URL, so Back does not create another). */
export function NewDraft({
  make,
  agentId,
  position,
  to,
}: {
  make: () => AnyRecord;
  agentId: string;
  position: FormPosition;
  to: (id: string) => string;
}) {
  const [error, setError] = useState<StorageError | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const record = make();
    void saveDraft({ record, agentId, position, now: nowIso() }).then((res) => {
      if (res.ok) navigate(to(record.id), { replace: true });
      else setError(res.error);
    });
  }, [make, agentId, position, to]);
  return error ? <StorageErrorMessage error={error} /> : null;
}
