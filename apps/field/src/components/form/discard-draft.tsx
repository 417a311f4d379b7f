import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../lib/router';
import { deleteDraft } from '../../storage/drafts';
import { Button } from '../button';
import { setFlash } from '../flash';

/**
 * Abandons the draft after an explicit second tap (no browser dialog: it is easy to miss in the sun
 * and tests cannot see it). For an edit of a finalised record, the finalised content stays.
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
  if (!confirming)
    return (
      <Button
        variant="danger"
        onClick={() => {
          setConfirming(true);
        }}
      >
        {editsFinalised ? t('form.discardEdit') : t('form.discard')}
      </Button>
    );
  return (
    <Button
      variant="danger"
      onClick={() => {
        void (async () => {
          await flush();
          await deleteDraft(id);
          setFlash(t('form.discarded'));
          navigate(backTo);
        })();
      }}
    >
      {editsFinalised ? t('form.confirmDiscardEdit') : t('form.confirmDiscard')}
    </Button>
  );
}
