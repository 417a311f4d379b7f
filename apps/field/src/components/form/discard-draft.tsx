import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nowIso } from '../../lib/clock';
import { navigate } from '../../lib/router';
import { deleteDraft, getDraft, saveDraft } from '../../storage/drafts';
import { Button } from '../button';
import { setFlash } from '../flash';
import { offerUndo } from '../undo-toast';

/**
 * A double tap must not delete: the confirmation stays disabled this long after it appears, and
 * « Garder » takes the place of the button first tapped, so a second tap lands on it.
 */
export const CONFIRM_ARMS_AFTER_MS = 700;

/**
 * Abandons the draft after an explicit confirmation (no browser dialog: it is easy to miss in the sun
 * and tests cannot see it), then offers to undo it for a few seconds on the screen it leads back to:
 * the deleted draft is kept in memory and saved again on « Annuler ». For an edit of a finalised
 * record, the finalised content stays either way.
 */
export function DiscardDraft({
  id,
  editsFinalised,
  backTo,
  flush,
}: {
  id: string;
  editsFinalised: boolean;
  backTo: string;
  flush: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => {
      setArmed(true);
    }, CONFIRM_ARMS_AFTER_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [confirming]);
  if (!confirming)
    return (
      <Button
        variant="danger"
        onClick={() => {
          setArmed(false);
          setConfirming(true);
        }}
      >
        {editsFinalised ? t('form.discardEdit') : t('form.discard')}
      </Button>
    );
  const discard = async () => {
    await flush();
    const kept = await getDraft(id);
    const res = await deleteDraft(id);
    if (!res.ok) return;
    const row = kept.ok ? kept.value : undefined;
    if (row)
      // Saved again as it was (form position included); the list it led back to shows it at once.
      offerUndo(t('form.discarded'), async () => {
        await saveDraft({
          record: row.record,
          agentId: row.agentId,
          position: row.position,
          now: nowIso(),
        });
      });
    else setFlash(t('form.discarded'));
    navigate(backTo);
  };
  return (
    <div className="stack" role="group" aria-label={t('form.discardQuestion')}>
      <Button
        onClick={() => {
          setConfirming(false);
        }}
      >
        {t('form.keepDraft')}
      </Button>
      <Button variant="danger" disabled={!armed} onClick={() => void discard()}>
        {editsFinalised ? t('form.confirmDiscardEdit') : t('form.confirmDiscard')}
      </Button>
    </div>
  );
}
