import type { RejectionCode } from '../messages/mutation-result';
import type { MergeDecision } from './types';

/** French messages for the rejections the merge itself decides (the user reads them). */
const messages = {
  unknown_record:
    "Cette fiche n'existe pas sur le serveur : la modification n'a pas été appliquée.",
  record_deleted:
    'Cette fiche a été supprimée sur le serveur : la modification n’a pas été appliquée.',
  record_exists: 'Une autre fiche porte déjà cet identifiant sur le serveur.',
  type_mismatch: 'Le type de la fiche ne correspond pas à celui enregistré sur le serveur.',
  immutable_path: "L'identifiant et le type d'une fiche ne peuvent pas être modifiés.",
  invalid_base_version:
    'La version de départ de cette modification est inconnue du serveur : resynchronisez la tablette.',
  stale_delete:
    'Cette fiche a été modifiée sur une autre tablette depuis : la suppression a été refusée. Vérifiez-la puis supprimez-la de nouveau si besoin.',
} as const satisfies Partial<Record<RejectionCode, string>>;

/** A `rejected` decision with its French message. */
export function reject(code: keyof typeof messages): MergeDecision {
  return { outcome: 'rejected', rejection: { code, message: messages[code] } };
}
