import type { FastifyInstance } from 'fastify';
import {
  importConfirmQuerySchema,
  importPreviewSchema,
  importResultSchema,
  type ReferenceImportKind,
} from '@jigi/contract';
import { importSummarySchema } from '@jigi/sync';
import { AppError } from '../../errors/app-error';
import { authOf } from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import { IMPORT_MAX_FILE_BYTES, importExportFile } from '../../services/export-import';
import { confirmReferenceImport, previewReferenceImport } from '../../services/imports';
import { adminOnly } from './params';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SPREADSHEET_TYPES = ['text/csv', XLSX, 'application/octet-stream'];
const SPREADSHEET_LIMIT = 20_000_000;

/** Villages and households from a spreadsheet (preview, then confirm); a tablet's export file. */
export function importRoutes(app: FastifyInstance): void {
  const { deps } = app;
  // A browser uploads a workbook with its own media type; it is read as bytes like an export file.
  if (!app.hasContentTypeParser(XLSX))
    app.addContentTypeParser(XLSX, { parseAs: 'buffer' }, (_request, body, done) => {
      done(null, body);
    });

  const labels: Record<ReferenceImportKind, string> = {
    villages: 'des villages (colonnes nom, commune ou communeCode, cercle, pnp, quota, id)',
    households:
      'des ménages bénéficiaires (colonnes villageId, householdCode, headName, titulaireName, id)',
  };
  for (const kind of ['villages', 'households'] as const) {
    app.post(
      `/api/admin/${kind}/import/preview`,
      {
        config: {
          access: adminOnly,
          doc: {
            summary: `Aperçu de l’import ${labels[kind]} : chaque ligne vérifiée, rien n’est importé`,
            upload: SPREADSHEET_TYPES,
            response: importPreviewSchema,
          },
        },
        bodyLimit: SPREADSHEET_LIMIT,
      },
      (request) => previewReferenceImport(deps, kind, spreadsheet(request.body)),
    );
    app.post(
      `/api/admin/${kind}/import`,
      {
        config: {
          access: adminOnly,
          doc: {
            summary: `Importer ${labels[kind]} : le même fichier que l’aperçu, avec son jeton`,
            upload: SPREADSHEET_TYPES,
            query: importConfirmQuerySchema,
            response: importResultSchema,
          },
        },
        bodyLimit: SPREADSHEET_LIMIT,
      },
      (request) => {
        const { token } = parseInput(importConfirmQuerySchema, request.query, 'invalid_query');
        return confirmReferenceImport(
          deps,
          kind,
          spreadsheet(request.body),
          token,
          authOf(request).user.id,
        );
      },
    );
  }

  app.post(
    '/api/admin/imports',
    {
      config: {
        // Supervisors too, for tablets of their own zones (the service checks).
        access: { auth: 'user', roles: ['admin', 'supervisor'] },
        doc: {
          summary:
            'Importer le fichier d’export d’une tablette (.json.gz tel quel) ; un superviseur, pour ses zones',
          upload: ['application/octet-stream', 'application/gzip'],
          response: importSummarySchema,
        },
      },
      bodyLimit: IMPORT_MAX_FILE_BYTES,
    },
    (request) => {
      const { user } = authOf(request);
      return importExportFile(deps, fileBytes(request.body), user.id, user);
    },
  );
}

function spreadsheet(body: unknown): string | Buffer {
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  throw new AppError('unsupported_media_type', {
    message: `Envoyez le fichier tel quel, avec Content-Type: text/csv ou ${XLSX}.`,
  });
}

function fileBytes(body: unknown): Buffer {
  if (!Buffer.isBuffer(body))
    throw new AppError('unsupported_media_type', {
      message:
        'Envoyez le fichier d’export tel quel, avec Content-Type: application/octet-stream (ou application/gzip).',
    });
  return body;
}
