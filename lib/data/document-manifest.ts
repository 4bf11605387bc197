// The attached documents of an export: a manifest (what each file is, which record it belongs
// to, and the SHA-256 that names its bytes) and, when asked, the files themselves in a
// content-addressed folder beside the export. Kept out of the entities of the JSON document so
// that exports made before documents existed still import. No "server-only": the export
// script uses it with its own client.
import type { Db } from "../db-client";
import { storage, type Storage } from "../storage";
import { folderStorage } from "../storage/folder";

export const MANIFEST_FORMAT = "assembly-permit-tracker/documents";

export interface DocumentManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  scope: { groupId: string | null };
  /** Where the files are, relative to the manifest, when exported with --with-files; else null. */
  filesDir: string | null;
  documents: {
    id: string;
    groupId: string;
    applicationId: string | null;
    subjectType: string;
    subjectId: string;
    kind: string;
    title: string;
    documentDate: string | null;
    fileName: string;
    mimeType: string;
    size: number;
    sha256: string;
    isPublic: boolean;
    pageCount: number | null;
    ocrStatus: string;
    createdAt: string;
    /** A path under filesDir (ab/cd/<sha256>), when the files were exported. */
    file: string | null;
  }[];
}

export async function documentManifest(client: Pick<Db, "attachment">, opts: { groupId?: string | null; filesDir?: string | null } = {}): Promise<DocumentManifest> {
  const rows = await client.attachment.findMany({ where: { deletedAt: null, ...(opts.groupId ? { groupId: opts.groupId } : {}) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const filesDir = opts.filesDir ?? null;
  return {
    format: MANIFEST_FORMAT,
    version: 1,
    scope: { groupId: opts.groupId ?? null },
    filesDir,
    documents: rows.map((r) => ({
      id: r.id,
      groupId: r.groupId,
      applicationId: r.applicationId,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      kind: r.kind,
      title: r.title,
      documentDate: r.documentDate,
      fileName: r.fileName,
      mimeType: r.mimeType,
      size: r.size,
      sha256: r.storageKey,
      isPublic: r.isPublic,
      pageCount: r.pageCount,
      ocrStatus: r.ocrStatus,
      createdAt: r.createdAt.toISOString(),
      file: filesDir ? `${r.storageKey.slice(0, 2)}/${r.storageKey.slice(2, 4)}/${r.storageKey}` : null,
    })),
  };
}

/** Copies the manifest's files into `dir` (0700 folders, 0600 files); returns how many are missing from the store. */
export async function exportDocumentFiles(manifest: DocumentManifest, dir: string, from: Storage = storage()): Promise<{ copied: number; missing: string[] }> {
  const to = folderStorage(dir);
  const missing: string[] = [];
  let copied = 0;
  for (const key of new Set(manifest.documents.map((d) => d.sha256))) {
    const bytes = await from.get(key);
    if (!bytes) {
      missing.push(key);
      continue;
    }
    await to.put(bytes);
    copied++;
  }
  return { copied, missing };
}
