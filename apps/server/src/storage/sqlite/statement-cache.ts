import type Database from 'better-sqlite3';

/**
 * The connection with `prepare` memoised by SQL text. Stores call `db.prepare(sql)` where they need a
 * statement; compiling it anew on every call was the largest self time of a push (several statements
 * per record). A statement is reused only once its previous run is done (every store runs `get`,
 * `all` or `run`, never a lazy `iterate`), and the SQL texts are a fixed set: dynamic filters
 * vary their parameters, and their clauses come from a few fixed combinations.
 */
export function withStatementCache(db: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      // better-sqlite3's native methods check their receiver: call them on the connection itself.
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
