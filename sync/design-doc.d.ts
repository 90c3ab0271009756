export const ROLES: { coder: 'pizhu-coder'; editor: 'pizhu-editor' };
export const DESIGN_DOC_ID: '_design/pizhu';
export function validateDocUpdate(
  newDoc: Record<string, unknown> & { _id: string },
  oldDoc: (Record<string, unknown> & { _id: string }) | null,
  userCtx: { name: string | null; roles: string[] },
): void;
export function designDoc(): { _id: string; language: 'javascript'; validate_doc_update: string };
export function securityObject(): { admins: { names: string[]; roles: string[] }; members: { names: string[]; roles: string[] } };
