import type { DecisionKind, DecisionOutcome } from '@jigi/contract';
import { useId, useState } from 'react';
import { Button } from './button';
import { Notice } from './notice';
import { decide } from '../api/decisions';
import { useSupervisorT } from '../lib/i18n';
import { apiErrorText } from './api-error-text';
import { ConfirmPanel } from './confirm-panel';

const MIN_COMMENT = 3;

/**
 * Approve, return for correction (with a comment that reaches the agent's tablet as « À corriger »),
 * or reject (with a reason) — for one record or a selection. Nothing is sent before a confirmation.
 */
export function DecisionPanel({
  recordIds,
  bulk,
  onDone,
}: {
  recordIds: readonly string[];
  bulk?: boolean;
  onDone: (outcomes: DecisionOutcome[]) => void;
}) {
  const { t } = useSupervisorT();
  const id = useId();
  const [kind, setKind] = useState<DecisionKind | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const count = recordIds.length;
  const needsComment = kind === 'return' || kind === 'reject';
  const commentOk = comment.trim().length >= MIN_COMMENT;

  function start(next: DecisionKind) {
    setKind(next);
    setMessage(null);
  }

  async function send() {
    if (kind === null) return;
    setBusy(true);
    const result = await decide({
      decision: kind,
      recordIds,
      ...(needsComment ? { comment: comment.trim() } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setMessage({ tone: 'error', text: apiErrorText(result.error, t) });
      return;
    }
    setMessage({
      tone: 'success',
      text: t(`decision.done.${kind}`, { count: result.value.length }),
    });
    setKind(null);
    setComment('');
    onDone(result.value);
  }

  const label = (k: DecisionKind) =>
    bulk ? t(`decision.bulk.${k}`, { count }) : t(`decision.one.${k}`);
  return (
    <section
      className="sup-decision"
      aria-label={bulk ? t('decision.bulkTitle') : t('decision.title')}
    >
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {kind === null ? (
        <div className="row">
          <Button
            variant="primary"
            onClick={() => {
              start('approve');
            }}
            disabled={count === 0}
          >
            {label('approve')}
          </Button>
          <Button
            onClick={() => {
              start('return');
            }}
            disabled={count === 0}
          >
            {label('return')}
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              start('reject');
            }}
            disabled={count === 0}
          >
            {label('reject')}
          </Button>
        </div>
      ) : (
        <ConfirmPanel
          title={t(`decision.confirm.${kind}`, { count })}
          busy={busy}
          danger={kind === 'reject'}
          onConfirm={() => {
            if (needsComment && !commentOk) {
              setMessage({ tone: 'error', text: t(`decision.commentRequired.${kind}`) });
              return;
            }
            void send();
          }}
          onCancel={() => {
            setKind(null);
            setMessage(null);
          }}
        >
          {needsComment && (
            <div className="field">
              <label htmlFor={`${id}-comment`}>{t(`decision.commentLabel.${kind}`)}</label>
              <textarea
                id={`${id}-comment`}
                rows={3}
                value={comment}
                onChange={(e) => {
                  setComment(e.target.value);
                }}
                required
              />
            </div>
          )}
        </ConfirmPanel>
      )}
    </section>
  );
}
