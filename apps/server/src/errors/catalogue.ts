import type { ErrorKind } from '@jigi/sync';

/**
 * Every error the server answers, by stable `code`. docs/errors.md lists the same table; a test keeps
 * the two equal, so a new code cannot ship undocumented. Messages are French (people read them);
 * `details` name the field and the rule.
 */
export const errorCatalogue = {
  invalid_json: {
    status: 400,
    kind: 'validation',
    message: 'Le corps de la requête n’est pas du JSON valide.',
  },
  invalid_body: {
    status: 400,
    kind: 'validation',
    message: 'La requête ne respecte pas le format attendu.',
  },
  invalid_query: {
    status: 400,
    kind: 'validation',
    message: 'Les paramètres de la requête ne respectent pas le format attendu.',
  },
  invalid_gzip: {
    status: 400,
    kind: 'validation',
    message: 'Le corps compressé (gzip) est tronqué ou corrompu.',
  },
  unsupported_encoding: {
    status: 415,
    kind: 'validation',
    message: 'Seul l’encodage gzip est accepté pour le corps de la requête.',
  },
  unsupported_media_type: {
    status: 415,
    kind: 'validation',
    message: 'Le type de contenu doit être application/json.',
  },
  body_too_large: {
    status: 413,
    kind: 'too_large',
    message: 'Le corps de la requête dépasse la taille maximale : envoyez un lot plus petit.',
  },
  malformed_cursor: {
    status: 400,
    kind: 'validation',
    message: 'Le curseur de synchronisation est mal formé (attendu « <époque>.<numéro> »).',
  },
  unsupported_protocol_version: {
    status: 426,
    kind: 'unsupported_version',
    message:
      'La version du protocole de l’application n’est pas acceptée : mettez l’application à jour.',
  },
  device_mismatch: {
    status: 403,
    kind: 'forbidden',
    message: 'L’identifiant de la tablette ne correspond pas à son jeton.',
  },
  mutation_gap: {
    status: 409,
    kind: 'gap',
    message:
      'Des modifications manquent avant ce lot : renvoyez à partir de l’identifiant attendu.',
  },
  epoch_changed: {
    status: 410,
    kind: 'epoch_changed',
    message: 'La base du serveur a été restaurée : la tablette doit se resynchroniser.',
  },
  missing_token: {
    status: 401,
    kind: 'auth',
    message: 'Connexion requise : aucun jeton ou session fourni.',
  },
  invalid_token: {
    status: 401,
    kind: 'auth',
    message: 'Jeton ou session invalide ou expiré : reconnectez-vous.',
  },
  device_revoked: {
    status: 401,
    kind: 'auth',
    message: 'Cette tablette a été révoquée par un administrateur.',
  },
  invalid_credentials: {
    status: 401,
    kind: 'auth',
    message: 'Identifiant ou mot de passe incorrect.',
  },
  account_disabled: { status: 403, kind: 'forbidden', message: 'Ce compte est désactivé.' },
  device_required: {
    status: 403,
    kind: 'forbidden',
    message: 'Cette opération se fait depuis une tablette enregistrée.',
  },
  forbidden_role: {
    status: 403,
    kind: 'forbidden',
    message: 'Votre rôle ne permet pas cette opération.',
  },
  out_of_zone: { status: 403, kind: 'forbidden', message: 'Cette donnée est hors de vos zones.' },
  key_share_revoked: {
    status: 403,
    kind: 'forbidden',
    message:
      'Cette tablette a été révoquée : la clé de ses données ne sera plus donnée. Les données qui y restent ne peuvent plus être ouvertes.',
  },
  key_share_not_yours: {
    status: 403,
    kind: 'forbidden',
    message: 'Cette clé appartient à un autre utilisateur.',
  },
  not_found: { status: 404, kind: 'validation', message: 'Élément introuvable.' },
  invalid_url: {
    status: 400,
    kind: 'validation',
    message: 'L’adresse contient un encodage invalide (pas de l’UTF-8).',
  },
  url_param_too_long: {
    status: 414,
    kind: 'validation',
    message: 'Un identifiant de l’adresse dépasse 100 caractères.',
  },
  route_not_found: { status: 404, kind: 'validation', message: 'Adresse inconnue.' },
  already_exists: {
    status: 409,
    kind: 'validation',
    message: 'Un élément avec cet identifiant existe déjà.',
  },
  invalid_state: {
    status: 409,
    kind: 'validation',
    message: 'L’opération n’est pas possible dans l’état actuel de l’élément.',
  },
  record_invalid: {
    status: 422,
    kind: 'validation',
    message: 'La fiche obtenue ne respecte pas les règles du programme.',
  },
  invalid_csv: {
    status: 400,
    kind: 'validation',
    message: 'Le fichier CSV contient des lignes invalides : rien n’a été importé.',
  },
  import_not_gzip: {
    status: 400,
    kind: 'validation',
    message:
      'Le fichier n’est pas compressé en gzip : importez le fichier .json.gz exporté par la tablette, tel quel.',
  },
  import_corrupt_gzip: {
    status: 400,
    kind: 'validation',
    message: 'Le fichier gzip est tronqué ou corrompu : copiez-le de nouveau depuis la tablette.',
  },
  import_not_json: {
    status: 400,
    kind: 'validation',
    message: 'Le contenu du fichier n’est pas du JSON valide.',
  },
  import_wrong_format: {
    status: 400,
    kind: 'validation',
    message: 'Ce fichier n’est pas un export de Jigi Collect (champ « format »).',
  },
  import_unsupported_format_version: {
    status: 400,
    kind: 'validation',
    message:
      'Version de fichier d’export inconnue de ce serveur (champ « formatVersion ») : mettez le serveur à jour.',
  },
  import_invalid_file: {
    status: 400,
    kind: 'validation',
    message: 'Le fichier d’export ne respecte pas son format : rien n’a été importé.',
  },
  import_unknown_device: {
    status: 422,
    kind: 'validation',
    message: 'La tablette du fichier n’est pas enregistrée sur ce serveur : rien n’a été importé.',
  },
  import_device_user_mismatch: {
    status: 422,
    kind: 'validation',
    message:
      'La tablette du fichier appartient à un autre utilisateur que celui du fichier : rien n’a été importé.',
  },
  invalid_import_file: {
    status: 400,
    kind: 'validation',
    message: 'Le fichier contient des lignes invalides : rien n’a été importé.',
  },
  import_unreadable_file: {
    status: 400,
    kind: 'validation',
    message: 'Le fichier n’est ni un classeur Excel (.xlsx) ni un CSV lisible.',
  },
  import_preview_mismatch: {
    status: 409,
    kind: 'validation',
    message:
      'Le fichier a changé depuis l’aperçu (ou les données du serveur) : refaites l’aperçu avant d’importer. Rien n’a été importé.',
  },
  import_outside_zones: {
    status: 403,
    kind: 'forbidden',
    message: 'Cette tablette travaille hors de vos zones : rien n’a été importé.',
  },
  rate_limited: {
    status: 429,
    kind: 'rate_limited',
    message: 'Trop de tentatives : réessayez plus tard.',
  },
  database_unavailable: {
    status: 503,
    kind: 'server',
    message:
      'La base de données ne répond pas pour le moment : rien n’a été enregistré, réessayez dans quelques secondes.',
  },
  internal: {
    status: 500,
    kind: 'server',
    message: 'Erreur interne du serveur : réessayez plus tard.',
  },
} as const satisfies Record<string, { status: number; kind: ErrorKind; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
