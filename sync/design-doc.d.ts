export function teamRoles(database: string): { coder: string; editor: string };
export const DESIGN_DOC_ID: '_design/pizhu';
export function validateDocUpdate(
  newDoc: Record<string, unknown> & { _id: string },
  oldDoc: (Record<string, unknown> & { _id: string }) | null,
  userCtx: { name: string | null; roles: string[]; db: string },
): void;
export function designDoc(): { _id: string; language: 'javascript'; validate_doc_update: string };
export function securityObject(database: string): { admins: { names: string[]; roles: string[] }; members: { names: string[]; roles: string[] } };
