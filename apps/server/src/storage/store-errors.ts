/**
 * Storage failures that are not bugs, as values the server answers with a documented code. The
 * backends turn their drivers' errors into these; everything else outside src/storage sees only
 * these classes.
 */

/** The database cannot be reached right now (stopped, restarting, network): retry later. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** The database holds a schema newer than this server knows: refuse to start. */
export class StoreSchemaTooNewError extends Error {
  override readonly name = 'StoreSchemaTooNewError';
  constructor(
    readonly databaseVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `La base de données est au schéma v${databaseVersion}, plus récent que celui que ce serveur connaît (v${knownVersion}) : installez la version du serveur qui l’a créée.`,
    );
  }
}

/** The database could not be opened at start (wrong address, refused, bad password…). */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}
